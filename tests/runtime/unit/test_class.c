/*
 * test_class.c - classes, attributes and descriptors through the runtime API (rt_class.h):
 * methods of built-in types, type(name, bases, dict) with built-in-function methods, MRO,
 * layout, slot dispatch of dunders, property/staticmethod/classmethod/super, exceptions.
 * Expected strings from python3.  Last line: "N passed, N failed".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "rt_class.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_str.h"
#include "core.h"

static int passed, failed;

/* repr of v (str of v when as_str), or "E Type: message" of the pending exception */
static void check(int line, Value v, const char *want, int as_str)
{
    char buf[512];
    if (!v) {
        Value e = rt_exc_fetch();
        Value s = e ? rt_core_str(e) : rt_str_from_cstr("(no exception)");
        snprintf(buf, sizeof buf, "E %s: %.*s", e ? rt_type_name(e) : "?",
                 (int)rt_str_nbytes(s), rt_str_bytes(s));
    } else {
        Value r = as_str ? rt_str(v) : rt_repr(v);
        if (!r) {
            rt_exc_fetch();
            r = rt_str_from_cstr("(repr failed)");
        }
        snprintf(buf, sizeof buf, "%.*s", (int)rt_str_nbytes(r), rt_str_bytes(r));
    }
    if (!strcmp(buf, want)) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d:\n  want: %s\n  got:  %s\n", line, want, buf);
    }
}
#define CHECK(v, want) check(__LINE__, (v), (want), 0)
#define CHECKS(v, want) check(__LINE__, (v), (want), 1)
#define CHECKI(v, want) CHECK((v) < 0 ? RT_ERR : rt_small(v), want)

static Value S(const char *s) { return rt_str_intern(s); }
static Value T1(Value a) { return rt_tuple_from(&a, 1); }
static Value T2(Value a, Value b) { Value x[2] = {a, b}; return rt_tuple_from(x, 2); }

static Value call0(Value obj, const char *m) { return rt_call_method(obj, S(m), NULL, 0, 0); }
static Value call1(Value obj, const char *m, Value a) { return rt_call_method(obj, S(m), &a, 1, 0); }

/* a class from type(name, bases, dict); dict given as name/value pairs, NULL-terminated */
static Value mkclass(const char *name, Value bases, ...)
{
    Value d = rt_dict_new();
    va_list ap;
    va_start(ap, bases);
    const char *k;
    while ((k = va_arg(ap, const char *)))
        rt_dict_set(d, S(k), va_arg(ap, Value));
    va_end(ap);
    Value args[3] = {S(name), bases, d};
    return rt_call(rt_val(&rt_type_type), args, 3, 0);
}

static Value B(const char *name, VectorCallFn fn) { return rt_builtin_new(name, fn, 0, 0); }

/* methods written in C.  Built-in functions are not descriptors: stored in a class they are
 * called without self, as in CPython (so a[0] is the first real argument). */
static Value m_add(Value f, const Value *a, size_t n, Value kw) { return S("add-marker"); }
static Value m_radd(Value f, const Value *a, size_t n, Value kw) { return T2(S("radd"), a[0]); }
static Value m_repr(Value f, const Value *a, size_t n, Value kw) { return S("<custom repr>"); }
static Value m_eq(Value f, const Value *a, size_t n, Value kw) { return rt_True; }
static Value m_len(Value f, const Value *a, size_t n, Value kw) { return rt_small(3); }
static Value m_getitem(Value f, const Value *a, size_t n, Value kw)
{
    return rt_mul(a[0], rt_small(10));
}
static Value m_get_x(Value f, const Value *a, size_t n, Value kw) { return rt_small(42); }
static Value m_marker(Value f, const Value *a, size_t n, Value kw) { return S("A.f"); }
static Value m_call(Value f, const Value *a, size_t n, Value kw) { return rt_small((int64_t)n); }
static Value m_getattr(Value f, const Value *a, size_t n, Value kw)
{
    return rt_str_concat(S("dyn:"), a[0]);
}
static Value m_bool(Value f, const Value *a, size_t n, Value kw) { return rt_False; }
static Value m_none(Value f, const Value *a, size_t n, Value kw) { return rt_None; }
static Value m_exc_str(Value f, const Value *a, size_t n, Value kw) { return S("custom message"); }
static Value set_name_seen;
static Value m_set_name(Value f, const Value *a, size_t n, Value kw)
{
    set_name_seen = T2(a[0], a[1]);   /* (owner, name) */
    return rt_None;
}

static void test_builtin_methods(void)
{
    CHECK(call0(rt_str_from_cstr("abc"), "upper"), "'ABC'");
    Value l = rt_list_new(0);
    CHECK(call1(l, "append", rt_small(1)), "None");
    CHECK(call1(l, "append", rt_small(2)), "None");
    CHECK(l, "[1, 2]");
    CHECK(rt_call_method(l, S("append"), NULL, 0, 0),
          "E TypeError: list.append() takes exactly one argument (0 given)");
    CHECK(call0(rt_str_from_cstr("a"), "foo"), "E AttributeError: 'str' object has no attribute 'foo'");
    CHECK(call1(rt_str_from_cstr("a"), "upper", rt_small(1)),
          "E TypeError: str.upper() takes no arguments (1 given)");
    CHECK(rt_call_method(rt_str_from_cstr("abc"), S("center"), NULL, 0, 0),
          "E TypeError: center expected at least 1 argument, got 0");
    Value kn = T1(S("maxsplit"));
    Value args[2] = {S(","), rt_small(1)};
    CHECK(rt_call_method(rt_str_from_cstr("a,b,c"), S("split"), args, 1, kn), "['a', 'b,c']");
    Value kx = T1(S("x"));
    CHECK(rt_call_method(rt_str_from_cstr("a"), S("split"), args, 1, kx),
          "E TypeError: 'x' is an invalid keyword argument for split()");
    Value upper = rt_getattr(rt_str_from_cstr("q"), S("upper"));
    CHECK(rt_call(upper, NULL, 0, 0), "'Q'");
    Value unbound = rt_getattr(rt_val(&rt_str_type), S("upper"));
    CHECK(unbound, "<method 'upper' of 'str' objects>");
    Value x = rt_str_from_cstr("z");
    CHECK(rt_call(unbound, &x, 1, 0), "'Z'");
    Value one = rt_small(1);
    CHECK(rt_call(unbound, &one, 1, 0),
          "E TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object");
    CHECK(rt_getattr(rt_small(5), S("real")), "5");
    CHECK(rt_getattr(rt_small(5), S("bit_length")) ? rt_call_method(rt_small(5), S("bit_length"), NULL, 0, 0) : RT_ERR, "3");
    CHECKI(rt_setattr(rt_small(1), S("x"), rt_small(2)),
           "E AttributeError: 'int' object has no attribute 'x'");
    CHECKI(rt_setattr(rt_str_from_cstr("s"), S("upper"), rt_small(2)),
           "E AttributeError: 'str' object attribute 'upper' is read-only");
    CHECKI(rt_setattr(rt_small(1), S("real"), rt_small(2)),
           "E AttributeError: attribute 'real' of 'int' objects is not writable");
    Value d = rt_dict_new();
    rt_dict_set(d, S("k"), rt_small(1));
    Value ga[2] = {S("k"), rt_small(0)};
    CHECK(rt_call_method(d, S("get"), ga, 2, 0), "1");
    CHECK(call0(d, "keys"), "dict_keys(['k'])");
    Value intadd = rt_getattr(rt_val(&rt_int_type), S("__add__"));
    CHECK(intadd, "<slot wrapper '__add__' of 'int' objects>");
    Value ab[2] = {rt_small(3), rt_small(4)};
    CHECK(rt_call(intadd, ab, 2, 0), "7");
    CHECK(rt_getattr(rt_val(&rt_list_type), S("__hash__")), "None");
    CHECK(rt_getattr(rt_val(&rt_int_type), S("nope")),
          "E AttributeError: type object 'int' has no attribute 'nope'");
    CHECK(rt_call(rt_getattr(rt_val(&rt_dict_type), S("fromkeys")), (Value[]){S("ab")}, 1, 0),
          "{'a': None, 'b': None}");
    Value r = rt_range_new(rt_small(1), rt_small(9), rt_small(2));
    CHECK(rt_getattr(r, S("step")), "2");
    CHECK(rt_call(rt_val(&rt_type_type), &r, 1, 0), "<class 'range'>");
}

static void test_classes(void)
{
    Value obj = rt_val(&rt_object_type);
    Value A = mkclass("A", T1(obj), "f", B("f", m_marker), "v", rt_small(1), NULL);
    CHECK(A, "<class '__main__.A'>");
    Value Bc = mkclass("B", T1(A), NULL);
    Value Cc = mkclass("C", T1(A), "v", rt_small(2), NULL);
    Value D = mkclass("D", T2(Bc, Cc), NULL);
    CHECK(rt_getattr(D, S("__mro__")),
          "(<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, "
          "<class '__main__.A'>, <class 'object'>)");
    CHECK(rt_getattr(D, S("v")), "2");
    CHECK(rt_getattr(D, S("__name__")), "'D'");
    CHECK(rt_getattr(D, S("__bases__")), "(<class '__main__.B'>, <class '__main__.C'>)");
    CHECK(rt_getattr(D, S("__base__")), "<class '__main__.B'>");
    CHECK(mkclass("E", T2(A, Bc), NULL),
          "E TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
    CHECK(mkclass("L", T2(rt_val(&rt_int_type), rt_val(&rt_list_type)), NULL),
          "E TypeError: multiple bases have instance lay-out conflict");
    CHECK(mkclass("X", T1(rt_val(&rt_bool_type)), NULL),
          "E TypeError: type 'bool' is not an acceptable base type");
    CHECK(mkclass("X", T2(A, A), NULL), "E TypeError: duplicate base class A");
    CHECK(rt_call(A, (Value[]){rt_small(1)}, 1, 0), "E TypeError: A() takes no arguments");

    /* instances: dict, lookup order, errors */
    Value d = rt_call(D, NULL, 0, 0);
    CHECK(rt_getattr(d, S("v")), "2");
    rt_setattr(d, S("v"), rt_small(7));
    CHECK(rt_getattr(d, S("v")), "7");
    CHECK(rt_getattr(D, S("v")), "2");
    CHECK(rt_getattr(d, S("__dict__")), "{'v': 7}");
    CHECK(rt_getattr(d, S("w")), "E AttributeError: 'D' object has no attribute 'w'");
    CHECK(rt_getattr(D, S("w")), "E AttributeError: type object 'D' has no attribute 'w'");
    CHECKI(rt_delattr(d, S("w")), "E AttributeError: 'D' object has no attribute 'w'");
    CHECK(rt_getattr(d, S("__class__")), "<class '__main__.D'>");
    CHECKI(rt_isinstance_full(d, A), "1");
    CHECKI(rt_issubclass_full(D, Cc), "1");
    CHECKI(rt_issubclass_full(A, D), "0");
    CHECKI(rt_isinstance_full(d, T2(rt_val(&rt_int_type), Cc)), "1");
    CHECKI(rt_isinstance_full(d, rt_small(3)),
           "E TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    CHECK(rt_call_method(A, S("__subclasses__"), NULL, 0, 0),
          "[<class '__main__.B'>, <class '__main__.C'>]");
    /* class attribute assignment reaches instances (method cache invalidated) */
    rt_setattr(A, S("f"), rt_small(5));
    CHECK(rt_getattr(rt_call(Bc, NULL, 0, 0), S("f")), "5");
    CHECKI(rt_setattr(rt_val(&rt_int_type), S("x"), rt_small(1)),
           "E TypeError: cannot set 'x' attribute of immutable type 'int'");

    /* object.__init__ with arguments when __init__ is overridden */
    Value I = mkclass("I", T1(obj), "__init__", B("__init__", m_none), NULL);
    Value i = rt_call(I, NULL, 0, 0);
    Value oinit = rt_getattr(obj, S("__init__"));
    CHECK(rt_call(oinit, (Value[]){i, rt_small(1)}, 2, 0),
          "E TypeError: object.__init__() takes exactly one argument (the instance to initialize)");
    CHECK(rt_call(oinit, (Value[]){d}, 1, 0), "None");
}

static void test_slots_dispatch(void)
{
    Value obj = rt_val(&rt_object_type);
    Value N = mkclass("N", T1(obj), "__add__", B("__add__", m_add), "__radd__",
                      B("__radd__", m_radd), "__repr__", B("__repr__", m_repr), "__len__",
                      B("__len__", m_len), "__getitem__", B("__getitem__", m_getitem),
                      "__call__", B("__call__", m_call), NULL);
    Value n = rt_call(N, NULL, 0, 0);
    CHECK(rt_add(n, rt_small(1)), "'add-marker'");
    CHECK(rt_add(rt_small(1), n), "('radd', 1)");
    CHECK(n, "<custom repr>");
    CHECKS(n, "<custom repr>");
    CHECKI(rt_len(n), "3");
    CHECKI(rt_truthy(n), "1");
    CHECK(rt_getitem(n, rt_small(4)), "40");
    CHECK(rt_call(n, (Value[]){rt_small(1), rt_small(2)}, 2, 0), "2");
    CHECK(rt_sub(n, rt_small(1)), "E TypeError: unsupported operand type(s) for -: 'N' and 'int'");
    /* __eq__ without __hash__: unhashable, != inverts == */
    Value Q = mkclass("Q", T1(obj), "__eq__", B("__eq__", m_eq), "__bool__", B("__bool__", m_bool), NULL);
    Value q = rt_call(Q, NULL, 0, 0);
    CHECKI(rt_hash(q), "E TypeError: unhashable type: 'Q'");
    CHECK(rt_richcompare(q, rt_small(1), RT_EQ), "True");
    CHECK(rt_richcompare(q, rt_small(1), RT_NE), "False");
    CHECK(rt_richcompare(q, rt_small(1), RT_LT),
          "E TypeError: '<' not supported between instances of 'Q' and 'int'");
    CHECKI(rt_truthy(q), "0");
    /* __getattr__ fallback after the normal lookup */
    Value G = mkclass("G", T1(obj), "__getattr__", B("__getattr__", m_getattr), "k", rt_small(1), NULL);
    Value g = rt_call(G, NULL, 0, 0);
    CHECK(rt_getattr(g, S("k")), "1");
    CHECK(rt_getattr(g, S("zz")), "'dyn:zz'");
    /* a subclass of int inherits int's slots (int() itself does not build subclass
     * instances yet: int.c's constructor returns a plain int) */
    Value IC = mkclass("MyInt", T1(rt_val(&rt_int_type)), NULL);
    Value mi = rt_call(IC, (Value[]){rt_small(5)}, 1, 0);
    CHECK(rt_add(mi, rt_small(1)), "6");
    CHECK(rt_getattr(IC, S("__add__")), "<slot wrapper '__add__' of 'int' objects>");
    /* a subclass of list */
    Value LL = mkclass("LL", T1(rt_val(&rt_list_type)), NULL);
    Value ll = rt_call(LL, (Value[]){rt_str_from_cstr("ab")}, 1, 0);
    CHECK(ll, "['a', 'b']");
    CHECK(call1(ll, "append", rt_small(3)), "None");
    CHECKI(rt_len(ll), "3");
}

static void test_descriptors(void)
{
    Value obj = rt_val(&rt_object_type);
    Value prop = rt_call(rt_val(&rt_property_type), (Value[]){B("x", m_get_x)}, 1, 0);
    Value P = mkclass("P", T1(obj), "x", prop, NULL);
    Value p = rt_call(P, NULL, 0, 0);
    CHECK(rt_getattr(p, S("x")), "42");
    CHECKI(rt_setattr(p, S("x"), rt_small(1)),
           "E AttributeError: property 'x' of 'P' object has no setter");
    /* a data descriptor wins over the instance dict */
    rt_dict_set(rt_instance_dict(p), S("x"), rt_small(9));
    CHECK(rt_getattr(p, S("x")), "42");
    Value sm = rt_call(rt_val(&rt_staticmethod_type), (Value[]){B("s", m_call)}, 1, 0);
    Value cm = rt_call(rt_val(&rt_classmethod_type), (Value[]){B("c", m_call)}, 1, 0);
    Value SC = mkclass("SC", T1(obj), "s", sm, "c", cm, NULL);
    Value sc = rt_call(SC, NULL, 0, 0);
    CHECK(rt_call_method(sc, S("s"), NULL, 0, 0), "0");
    CHECK(rt_call_method(sc, S("c"), NULL, 0, 0), "1");
    CHECK(rt_call_method(SC, S("c"), NULL, 0, 0), "1");
    /* super() */
    Value A = mkclass("A", T1(obj), "f", B("f", m_marker), NULL);
    Value Bc = mkclass("B", T1(A), "f", B("f", m_call), NULL);
    Value b = rt_call(Bc, NULL, 0, 0);
    Value s = rt_super_new(Bc, b);
    CHECK(rt_call_method(s, S("f"), NULL, 0, 0), "'A.f'");
    CHECK(rt_getattr(rt_super_new(A, b), S("f")),
          "E AttributeError: 'super' object has no attribute 'f'");
    CHECK(rt_super_new(A, rt_small(1)),
          "E TypeError: super(type, obj): obj must be an instance or subtype of type");
    /* __slots__ */
    Value SL = mkclass("SL", T1(obj), "__slots__", T1(S("a")), NULL);
    Value sl = rt_call(SL, NULL, 0, 0);
    CHECK(rt_getattr(sl, S("a")), "E AttributeError: 'SL' object has no attribute 'a'");
    CHECKI(rt_setattr(sl, S("a"), rt_small(3)), "0");
    CHECK(rt_getattr(sl, S("a")), "3");
    CHECKI(rt_setattr(sl, S("b"), rt_small(3)), "E AttributeError: 'SL' object has no attribute 'b'");
    CHECK(mkclass("SX", T1(obj), "__slots__", T1(S("a")), "a", rt_small(1), NULL),
          "E ValueError: 'a' in __slots__ conflicts with class variable");
    /* __set_name__ */
    Value DS = mkclass("DS", T1(obj), "__set_name__", B("__set_name__", m_set_name), NULL);
    Value ds = rt_call(DS, NULL, 0, 0);
    mkclass("Owner", T1(obj), "attr", ds, NULL);
    CHECK(set_name_seen, "(<class '__main__.Owner'>, 'attr')");
}

/* a C status (0, or -1 with an exception pending) as a value for CHECK */
static Value R(int r) { return r < 0 ? RT_ERR : rt_small(r); }

/* the attribute cache (attr.c) sees every change: class attributes set or deleted on the
 * class or a base, a data descriptor added over an instance attribute, a __get__ added to a
 * descriptor's class, __class__ reassigned on the instance or on the descriptor.  Each
 * attribute is read once before the change so that the cache holds the old answer.
 * Expected values from the same steps in python3 (a Python function returns 42). */
static void test_attr_cache(void)
{
    Value obj = rt_val(&rt_object_type);
    Value A = mkclass("CA", T1(obj), "v", rt_small(1), NULL);
    Value Bc = mkclass("CB", T1(A), NULL);
    Value C = mkclass("CC", T1(A), "v", rt_small(7), NULL);
    Value b = rt_call(Bc, NULL, 0, 0);
    CHECK(rt_getattr(b, S("v")), "1");
    CHECK(R(rt_setattr(A, S("v"), rt_small(2))), "0");
    CHECK(rt_getattr(b, S("v")), "2");
    CHECK(R(rt_setattr(Bc, S("v"), rt_small(3))), "0");
    CHECK(rt_getattr(b, S("v")), "3");
    CHECK(R(rt_setattr(Bc, S("v"), 0)), "0");
    CHECK(rt_getattr(b, S("v")), "2");
    CHECK(R(rt_setattr(A, S("v"), 0)), "0");
    CHECK(rt_getattr(b, S("v")), "E AttributeError: 'CB' object has no attribute 'v'");
    /* instance attribute, then a data descriptor on the base wins, then is removed */
    CHECK(R(rt_setattr(b, S("w"), rt_small(5))), "0");
    CHECK(rt_getattr(b, S("w")), "5");
    Value prop = rt_call(rt_val(&rt_property_type), (Value[]){B("w", m_get_x)}, 1, 0);
    CHECK(R(rt_setattr(A, S("w"), prop)), "0");
    CHECK(rt_getattr(b, S("w")), "42");
    CHECK(R(rt_setattr(A, S("w"), 0)), "0");
    CHECK(rt_getattr(b, S("w")), "5");
    CHECK(R(rt_setattr(b, S("w"), rt_small(6))), "0");
    CHECK(rt_getattr(b, S("w")), "6");
    /* __class__ assignment on the instance */
    CHECK(R(rt_setattr(A, S("v"), rt_small(1))), "0");
    CHECK(rt_getattr(b, S("v")), "1");
    CHECK(R(rt_setattr(b, S("__class__"), C)), "0");
    CHECK(rt_getattr(b, S("v")), "7");
    /* a class attribute whose class gains __get__, then whose __class__ changes */
    Value Q = mkclass("Q", T1(obj), NULL);
    Value Q2 = mkclass("Q2", T1(obj), NULL);
    Value q = rt_call(Q, NULL, 0, 0);
    CHECK(R(rt_setattr(C, S("d"), q)), "0");
    CHECK(rt_getattr(b, S("d")) == q ? S("same") : RT_ERR, "'same'");
    CHECK(R(rt_setattr(Q, S("__get__"), B("__get__", m_get_x))), "0");
    CHECK(rt_getattr(b, S("d")), "42");
    CHECK(R(rt_setattr(q, S("__class__"), Q2)), "0");
    CHECK(rt_getattr(b, S("d")) == q ? S("same") : RT_ERR, "'same'");
    CHECK(R(rt_setattr(q, S("__class__"), Q)), "0");
    CHECK(rt_getattr(b, S("d")), "42");
    /* __set__ added to the descriptor's class: it becomes a data descriptor */
    CHECK(R(rt_setattr(b, S("d"), rt_small(8))), "0");
    CHECK(rt_getattr(b, S("d")), "8");
    CHECK(R(rt_setattr(Q, S("__set__"), B("__set__", m_none))), "0");
    CHECK(rt_getattr(b, S("d")), "42");
    CHECK(R(rt_setattr(Q, S("__set__"), 0)), "0");
    CHECK(rt_getattr(b, S("d")), "8");
}

/* The per-site caches (rt_getattr_cached & co, one AttrCache per "site" here as codegen
 * makes one per instruction): each case fills a cache, changes what it depends on, and checks
 * the next access sees the change.  filled() checks that the fast path is really in use. */
static AttrCache site_get, site_get2, site_set, site_meth;

static Value filled(const AttrCache *c, Value obj)
{
    for (int i = 0; i < RT_ATTR_CACHE_WAYS; i++)
        if (c->e[i].type == rt_typeof(obj) && c->e[i].version == rt_typeof(obj)->version)
            return S("filled");
    return S("empty");
}

/* obj.name(arg) through the method-call pair, as compiled code does it */
static Value mcall1(Value obj, const char *name, Value arg)
{
    Value self, buf[2] = {0, arg};
    Value f = rt_getmethod_cached(obj, S(name), &site_meth, &self);
    return f ? rt_call_method_ready(f, self, buf, 1, 0) : RT_ERR;
}

static void test_inline_cache(void)
{
    Value obj = rt_val(&rt_object_type);
    Value eq = rt_type_lookup(&rt_object_type, S("__eq__"));
    Value ne = rt_type_lookup(&rt_object_type, S("__ne__"));
    Value A = mkclass("IA", T1(obj), "v", rt_small(1), "m", eq, NULL);
    Value Bc = mkclass("IB", T1(A), NULL);
    Value a = rt_call(A, NULL, 0, 0), b = rt_call(Bc, NULL, 0, 0);
    /* a class attribute assigned after the cache filled */
    CHECK(rt_getattr_cached(a, S("v"), &site_get), "1");
    CHECK(filled(&site_get, a), "'filled'");
    CHECK(R(rt_setattr(A, S("v"), rt_small(2))), "0");
    CHECK(rt_getattr_cached(a, S("v"), &site_get), "2");
    /* an instance attribute then shadows it, and its deletion uncovers it */
    CHECK(R(rt_setattr_cached(a, S("v"), rt_small(3), &site_set)), "0");
    CHECK(R(rt_setattr_cached(a, S("v"), rt_small(4), &site_set)), "0");
    CHECK(filled(&site_set, a), "'filled'");
    CHECK(rt_getattr_cached(a, S("v"), &site_get), "4");
    CHECK(rt_getattr_cached(a, S("v"), &site_get), "4");
    CHECK(R(rt_delattr(a, S("v"))), "0");
    CHECK(rt_getattr_cached(a, S("v"), &site_get), "2");
    /* a method call: no bound method, then the method replaced on the class */
    CHECK(mcall1(a, "m", a), "True");
    CHECK(filled(&site_meth, a), "'filled'");
    Value self;
    CHECK(rt_getmethod_cached(a, S("m"), &site_meth, &self) == eq && self == a ? S("unbound")
                                                                              : RT_ERR,
          "'unbound'");
    CHECK(R(rt_setattr(A, S("m"), ne)), "0");
    CHECK(mcall1(a, "m", a), "False");
    /* an instance attribute shadowing the method: called as is, without self */
    CHECK(R(rt_setattr(a, S("m"), rt_val(&rt_str_type))), "0");
    CHECK(mcall1(a, "m", rt_small(5)), "'5'");
    CHECK(R(rt_delattr(a, S("m"))), "0");
    CHECK(mcall1(a, "m", a), "False");
    /* a subclass instance, then its base modified, then the subclass itself */
    CHECK(rt_getattr_cached(b, S("v"), &site_get2), "2");
    CHECK(R(rt_setattr(A, S("v"), rt_small(6))), "0");
    CHECK(rt_getattr_cached(b, S("v"), &site_get2), "6");
    CHECK(R(rt_setattr(Bc, S("v"), rt_small(7))), "0");
    CHECK(rt_getattr_cached(b, S("v"), &site_get2), "7");
    CHECK(rt_getattr_cached(a, S("v"), &site_get2), "6");
    CHECK(mcall1(b, "m", b), "False");
    CHECK(R(rt_setattr(A, S("m"), eq)), "0");
    CHECK(mcall1(b, "m", b), "True");
    /* __class__ reassigned: the cache keys on the type read from the object */
    Value C = mkclass("IC", T1(obj), "v", rt_small(8), "m", ne, NULL);
    CHECK(rt_getattr_cached(b, S("v"), &site_get2), "7");
    CHECK(R(rt_setattr(b, S("__class__"), C)), "0");
    CHECK(rt_getattr_cached(b, S("v"), &site_get2), "8");
    CHECK(mcall1(b, "m", b), "False");
    /* a property added later wins over the instance dict, for reads and writes */
    CHECK(R(rt_setattr_cached(a, S("w"), rt_small(9), &site_set)), "0");
    CHECK(rt_getattr_cached(a, S("w"), &site_get), "9");
    CHECK(rt_getattr_cached(a, S("w"), &site_get), "9");
    Value prop = rt_call(rt_val(&rt_property_type), (Value[]){B("w", m_get_x)}, 1, 0);
    CHECK(R(rt_setattr(A, S("w"), prop)), "0");
    CHECK(rt_getattr_cached(a, S("w"), &site_get), "42");
    CHECK(R(rt_setattr_cached(a, S("w"), rt_small(1), &site_set)),
          "E AttributeError: property of 'IA' object has no setter");
    CHECK(R(rt_setattr(A, S("w"), 0)), "0");
    CHECK(rt_getattr_cached(a, S("w"), &site_get), "9");
    /* __dict__ replaced: the entry at the cached index must hold the same name */
    CHECK(rt_getattr_cached(a, S("w"), &site_get), "9");
    Value d = rt_dict_new();
    rt_dict_set(d, S("x"), rt_small(10));
    rt_dict_set(d, S("w"), rt_small(11));
    CHECK(R(rt_setattr(a, S("__dict__"), d)), "0");
    CHECK(rt_getattr_cached(a, S("w"), &site_get), "11");
    Value d2 = rt_dict_new();
    rt_dict_set(d2, S("y"), rt_small(12));
    CHECK(R(rt_setattr(a, S("__dict__"), d2)), "0");
    CHECK(rt_getattr_cached(a, S("w"), &site_get),
          "E AttributeError: 'IA' object has no attribute 'w'");
    CHECK(R(rt_setattr_cached(a, S("w"), rt_small(13), &site_set)), "0");
    CHECK(rt_getattr(d2, S("__len__")) ? rt_call(rt_getattr(d2, S("__len__")), NULL, 0, 0)
                                       : RT_ERR,
          "2");
    /* __slots__ members: read and written at their offset, unset raises */
    Value SL = mkclass("ISL", T1(obj), "__slots__", T1(S("s")), NULL);
    Value sl = rt_call(SL, NULL, 0, 0);
    static AttrCache sg, ss;
    CHECK(rt_getattr_cached(sl, S("s"), &sg), "E AttributeError: 'ISL' object has no attribute 's'");
    CHECK(R(rt_setattr_cached(sl, S("s"), rt_small(1), &ss)), "0");
    CHECK(R(rt_setattr_cached(sl, S("s"), rt_small(2), &ss)), "0");
    CHECK(rt_getattr_cached(sl, S("s"), &sg), "2");
    CHECK(rt_getattr_cached(sl, S("s"), &sg), "2");
    CHECK(filled(&sg, sl), "'filled'");
    CHECK(R(rt_delattr(sl, S("s"))), "0");
    CHECK(rt_getattr_cached(sl, S("s"), &sg), "E AttributeError: 'ISL' object has no attribute 's'");
    /* a built-in type's method: list.append called with self */
    Value l = rt_list_new(0);
    static AttrCache lm;
    for (int i = 0; i < 2; i++) {
        Value buf[2] = {0, rt_small(i)};
        Value f = rt_getmethod_cached(l, S("append"), &lm, &self);
        CHECK(f && self == l ? rt_call_method_ready(f, self, buf, 1, 0) : RT_ERR, "None");
    }
    CHECK(l, "[0, 1]");
}

static void test_exceptions(void)
{
    Value E = mkclass("MyErr", T1(rt_val(rt_Exception)), NULL);
    Value e = rt_call(E, (Value[]){S("boom")}, 1, 0);
    CHECKS(e, "boom");
    CHECK(rt_getattr(e, S("args")), "('boom',)");
    CHECKI(rt_isinstance_full(e, rt_val(rt_Exception)), "1");
    rt_setattr(e, S("extra"), rt_small(1));
    CHECK(rt_getattr(e, S("extra")), "1");
    Value E2 = mkclass("E2", T1(E), "__str__", B("__str__", m_exc_str), NULL);
    CHECKS(rt_call(E2, NULL, 0, 0), "custom message");
    rt_raise(rt_call(E, (Value[]){S("x")}, 1, 0));
    Value got = rt_exc_fetch();
    CHECKI(rt_exc_matches(got, rt_val(rt_Exception)), "1");
}

/* ---- rt_build_class with compiled-style bodies ----
 *   class Base:
 *       def hello(self): return "base"
 *   class Kid(Base):
 *       x = 1
 *       def hello(self): return ("kid", super().hello())     # __class__ cell
 */
static Value base_hello_body(FunctionObject *self, Value *params) { return S("base"); }
static const char *const self_param[] = {"self"};
static const CodeInfo base_hello_code = {.name = "hello", .qualname = "Base.hello",
                                         .file = "t.py", .npos = 1, .nparams = 1,
                                         .paramnames = self_param, .body = base_hello_body};
static Value globals;

static Value base_body(FunctionObject *self, Value *params)
{
    Value f = rt_function_new(&base_hello_code, globals, 0, 0, 0);
    if (!f || rt_setitem(params[0], S("hello"), f) < 0)
        return RT_ERR;
    return rt_None;
}

static Value kid_hello_body(FunctionObject *self, Value *params)
{
    /* super() -> rt_super_new(__class__ cell content, first argument) */
    Value cls = rt_cell_get(rt_tuple_item(self->closure, 0), "__class__", 1);
    if (!cls)
        return RT_ERR;
    Value sup = rt_super_new(cls, params[0]);
    Value r = sup ? rt_call_method(sup, S("hello"), NULL, 0, 0) : RT_ERR;
    return r ? T2(S("kid"), r) : RT_ERR;
}
static const char *const class_free[] = {"__class__"};
static const CodeInfo kid_hello_code = {.name = "hello", .qualname = "Kid.hello",
                                        .file = "t.py", .npos = 1, .nparams = 1,
                                        .paramnames = self_param, .nfree = 1,
                                        .freevars = class_free, .body = kid_hello_body};

static Value kid_body(FunctionObject *self, Value *params)
{
    Value ns = params[0];
    Value cell = rt_cell_new(0);
    Value f = cell ? rt_function_new(&kid_hello_code, globals, 0, 0, rt_tuple_from(&cell, 1)) : 0;
    if (!f || rt_setitem(ns, S("x"), rt_small(1)) < 0 || rt_setitem(ns, S("hello"), f) < 0 ||
        rt_setitem(ns, S("__classcell__"), cell) < 0)
        return RT_ERR;
    return cell;
}
static const CodeInfo base_code = {.name = "Base", .qualname = "Base", .file = "t.py",
                                   .flags = RT_CO_CLASS_BODY, .nparams = 1, .body = base_body};
static const CodeInfo kid_code = {.name = "Kid", .qualname = "Kid", .file = "t.py",
                                  .flags = RT_CO_CLASS_BODY, .nparams = 1, .body = kid_body};

static void test_build_class(void)
{
    globals = rt_dict_new();
    rt_dict_set(globals, S("__name__"), S("mymod"));
    Value base = rt_build_class(rt_function_new(&base_code, globals, 0, 0, 0), S("Base"), NULL,
                                0, NULL, 0);
    CHECK(base, "<class 'mymod.Base'>");
    Value kid = rt_build_class(rt_function_new(&kid_code, globals, 0, 0, 0), S("Kid"), &base, 1,
                               NULL, 0);
    CHECK(kid, "<class 'mymod.Kid'>");
    CHECK(rt_getattr(kid, S("__qualname__")), "'Kid'");
    CHECK(rt_getattr(kid, S("__module__")), "'mymod'");
    Value k = rt_call(kid, NULL, 0, 0);
    CHECK(rt_call_method(k, S("hello"), NULL, 0, 0), "('kid', 'base')");
    CHECK(rt_call(rt_getattr(k, S("hello")), NULL, 0, 0), "('kid', 'base')");
    CHECK(rt_getattr(k, S("x")), "1");
    /* metaclass= keyword: a metaclass conflict */
    Value meta = mkclass("Meta", T1(rt_val(&rt_type_type)), NULL);
    Value kn = T1(S("metaclass"));
    Value m = rt_build_class(rt_function_new(&base_code, globals, 0, 0, 0), S("M"), NULL, 0,
                             &meta, kn);
    CHECK(rt_call(rt_val(&rt_type_type), &m, 1, 0), "<class '__main__.Meta'>");
    Value bases2[2] = {m, base};
    /* (the body's qualname is Base's: a real body would set __qualname__ 'Z' itself) */
    Value z = rt_build_class(rt_function_new(&base_code, globals, 0, 0, 0), S("Z"), bases2, 2,
                             NULL, 0);
    CHECK(z ? rt_getattr(z, S("__name__")) : RT_ERR, "'Z'");
    CHECK(rt_call(rt_val(&rt_type_type), &z, 1, 0), "<class '__main__.Meta'>");
    Value other = mkclass("Meta2", T1(rt_val(&rt_type_type)), NULL);
    Value o = rt_call(other, (Value[]){S("O"), rt_tuple_from(NULL, 0), rt_dict_new()}, 3, 0);
    Value bases3[2] = {m, o};
    CHECK(rt_build_class(rt_function_new(&base_code, globals, 0, 0, 0), S("W"), bases3, 2,
                         NULL, 0),
          "E TypeError: metaclass conflict: the metaclass of a derived class must be a "
          "(non-strict) subclass of the metaclasses of all its bases");
}

/* A class attribute store gives fresh versions to that class and its subclasses only, so the
 * caches of unrelated classes stay valid; and once the 32-bit version counter runs out, a
 * modified type is never cached again (a reused version could make a stale entry look valid).
 * Runs last: it exhausts the counter. */
static AttrCache site_ver, site_ver2;
static void test_type_versions(void)
{
    Value obj = rt_val(&rt_object_type);
    Value A = mkclass("VA", T1(obj), "v", rt_small(1), NULL);
    Value Sub = mkclass("VS", T1(A), NULL);
    Value U = mkclass("VU", T1(obj), "v", rt_small(10), NULL);
    Value a = rt_call(Sub, NULL, 0, 0), u = rt_call(U, NULL, 0, 0);
    CHECK(rt_getattr_cached(a, S("v"), &site_ver), "1");
    CHECK(rt_getattr_cached(u, S("v"), &site_ver2), "10");
    uint32_t uv = ((Type *)rt_obj(U))->version, sv = ((Type *)rt_obj(Sub))->version;
    CHECK(R(rt_setattr(A, S("v"), rt_small(2))), "0");
    CHECK(R(((Type *)rt_obj(U))->version == uv), "1");
    CHECK(R(((Type *)rt_obj(Sub))->version != sv), "1");
    CHECK(filled(&site_ver2, u), "'filled'");
    CHECK(filled(&site_ver, a), "'empty'");
    CHECK(rt_getattr_cached(a, S("v"), &site_ver), "2");
    CHECK(filled(&site_ver, a), "'filled'");
    /* the counter runs out: every modification after that leaves the type uncacheable */
    rt_type_version_skip(UINT32_MAX - 3);
    for (int i = 3; i < 9; i++) {
        CHECK(R(rt_setattr(A, S("v"), rt_small(i))), "0");
        Value want = rt_small(i);
        CHECK(R(rt_getattr_cached(a, S("v"), &site_ver) == want), "1");
        CHECK(R(rt_getattr_cached(a, S("v"), &site_ver) == want), "1");
        CHECK(R(rt_type_lookup((Type *)rt_obj(Sub), S("v")) == want), "1");
    }
    CHECK(R(((Type *)rt_obj(Sub))->version == UINT32_MAX), "1");
    CHECK(filled(&site_ver, a), "'empty'");
    /* an unmodified class keeps its cache */
    CHECK(rt_getattr_cached(u, S("v"), &site_ver2), "10");
    CHECK(filled(&site_ver2, u), "'filled'");
}

/* instance dicts sized from the class's earlier instances (typeobject.c rt_instance_new): the
 * first instance's dict is made at its first setattr; later ones get it at once, inside their
 * own block, made for the attribute count seen; an instance that outgrows it moves its table
 * out; a dict kept after its instance is dropped still works through collections. */
static void test_instance_dicts(void)
{
    Value P = mkclass("P", rt_tuple_from(NULL, 0), NULL);
    Value names[4] = {S("a"), S("b"), S("c"), S("d")};
    Value first = rt_call(P, NULL, 0, 0);
    for (int i = 0; i < 3; i++)
        rt_setattr(first, names[i], rt_small(i));
    CHECK(rt_getattr(first, S("__dict__")), "{'a': 0, 'b': 1, 'c': 2}");
    Value second = rt_call(P, NULL, 0, 0);
    size_t size = ((Type *)rt_obj(P))->basicsize;
    Value d2 = rt_getattr(second, S("__dict__"));
    CHECK(rt_small(rt_val(rt_obj(second)) + size == d2), "1");   /* embedded, at the end */
    CHECK(d2, "{}");
    for (int i = 0; i < 3; i++)
        rt_setattr(second, names[i], rt_small(10 + i));
    CHECK(rt_small(((DictObject *)rt_obj(d2))->cap), "3");
    rt_setattr(second, names[3], rt_small(13));   /* outgrows the embedded table */
    CHECK(rt_getattr(second, S("__dict__")), "{'a': 10, 'b': 11, 'c': 12, 'd': 13}");
    CHECK(rt_getattr(second, S("c")), "12");
    /* the third is made for 4 (the second's count); a dict outliving its instance */
    Value third = rt_call(P, NULL, 0, 0);
    Value d3 = rt_getattr(third, S("__dict__"));
    CHECK(rt_small(((DictObject *)rt_obj(d3))->cap), "4");
    rt_setattr(third, names[1], S("kept"));
    third = 0;
    for (int i = 0; i < 3; i++) {
        rt_gc_collect();
        for (int j = 0; j < 20000; j++)
            rt_call(P, NULL, 0, 0);
    }
    CHECK(d3, "{'b': 'kept'}");
    CHECK(rt_dict_del(d3, names[1]) == 0 ? d3 : RT_ERR, "{}");
}

int main(void)
{
    rt_init();
    test_builtin_methods();
    test_classes();
    test_slots_dispatch();
    test_descriptors();
    test_attr_cache();
    test_inline_cache();
    test_exceptions();
    test_build_class();
    test_type_versions();
    test_instance_dicts();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
