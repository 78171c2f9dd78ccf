/*
 * slots.c - Python dunders <-> Type slots, and object's default behaviour.
 *
 * Entry points (class_internal.h): rt_slotdefs (the table: dunder name, slot, calling
 * convention, the slot function used when a class defines the dunder in Python),
 * rt_slots_update_all / rt_slots_update_name (a class statement or `C.__add__ = f`),
 * rt_wrapper_call (calling int.__add__ & co.), rt_slots_fill_object; (rt_class.h)
 * rt_class_init installs object's and type's slots.
 *
 * How a heap type's slot is chosen (CPython's update_one_slot, simplified): every dunder that
 * feeds the slot is looked up along the MRO.  None found: NULL (abstract.c then falls back
 * on the base chain, which agrees because built-in types expose all their own slots as
 * wrappers).  All found are slot wrappers of this very slot with one C function: that
 * function, so a subclass of int adds as fast as int.  Anything else (a Python function, a
 * method descriptor): the generic slot function below, which looks the dunder up on the type
 * at each call and calls it.
 *
 * Binary operators: abstract.c calls the same slot for a + b and for the reflected b + a
 * (with the operands in their original order), so a generic binary slot does both halves:
 * a.__add__(b) when a's type has the slot, b.__radd__(a) when b's does, the right operand
 * first when its type is a proper subclass of the left one's (CPython's SLOT1BINFULL).
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_class.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_str.h"
#include "class_internal.h"

enum {
    SK_UNARY, SK_NEXT, SK_BINL, SK_BINR, SK_TERNL, SK_TERNR, SK_ITERN, SK_RICH, /* +op */
    SK_HASH = SK_RICH + 6, SK_LEN, SK_BOOL, SK_CONTAINS, SK_SETITEM, SK_DELITEM, SK_CALL,
    SK_INIT, SK_NEW, SK_SETATTR, SK_DELATTR, SK_DESCR_GET, SK_DESCR_SET, SK_DESCR_DEL,
};

#define OFF(f) offsetof(Type, f)
#define NB(f) offsetof(Type, nb.f)

/* ================================================================ calling a dunder ======== */

/* type(self).<name>(self, args...): NotImplemented (nothing raised) when the type lacks it */
static Value call_maybe(Value self, const char *name, const Value *args, size_t nargs)
{
    int found;
    Value r = rt_call_special(self, name, args, nargs, &found);
    if (!found && !rt_exc_pending())
        return rt_NotImplemented;
    return r;
}

static Value call_req(Value self, const char *name, const Value *args, size_t nargs)
{
    return rt_call_special(self, name, args, nargs, NULL);
}

static void *slot_at(const Type *t, size_t off)
{
    for (; t; t = t->base) {
        void *p;
        memcpy(&p, (const char *)t + off, sizeof p);
        if (p)
            return p;
    }
    return NULL;
}

/* ================================================================ generic slot functions == */

static Value slot_repr(Value self) { return call_req(self, "__repr__", NULL, 0); }
static Value slot_str(Value self) { return call_req(self, "__str__", NULL, 0); }

static int64_t slot_hash(Value self)
{
    Value r = call_req(self, "__hash__", NULL, 0);
    if (!r)
        return -1;
    if (!rt_is_int(r)) {
        rt_raise_str(rt_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* a big result is reduced as hash(int) does; -1 is reserved for errors */
    int64_t h = rt_is_small(r) ? rt_small_val(r) : rt_int_hash(r);
    if (rt_is_small(r) && (h > INT64_MAX / 2 || h < INT64_MIN / 2))
        h = rt_int_hash(r);
    return h == -1 ? -2 : h;
}

static const char *const rich_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__",
                                         "__ge__"};

static Value slot_richcompare(Value a, Value b, int op)
{
    return call_maybe(a, rich_names[op], &b, 1);
}

static Value slot_getattr_hook(Value self, Value name);
static int slot_setattr(Value self, Value name, Value value)
{
    Value args[2] = {name, value};
    Value r = value ? call_req(self, "__setattr__", args, 2) : call_req(self, "__delattr__", args, 1);
    return r ? 0 : -1;
}

static Value slot_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Type *tp = rt_typeof(self);
    Value f = rt_type_lookup_cstr(tp, "__call__");
    if (!f)
        return rt_raise_fmt(rt_TypeError, "'%s' object is not callable", tp->name);
    return rt_call_with_self(f, self, args, nargs, kwnames);
}

static Value slot_iter(Value self)
{
    Value f = rt_type_lookup_cstr(rt_typeof(self), "__iter__");
    if (f == rt_None || !f)
        return rt_raise_fmt(rt_TypeError, "'%T' object is not iterable", self);
    return rt_call_with_self(f, self, NULL, 0, 0);
}

static Value slot_iternext(Value self) { return call_req(self, "__next__", NULL, 0); }

static Value slot_descr_get(Value self, Value obj, Value type)
{
    Value args[2] = {obj ? obj : rt_None, type ? type : rt_None};
    return call_req(self, "__get__", args, 2);
}

static int slot_descr_set(Value self, Value obj, Value value)
{
    Value args[2] = {obj, value};
    Value r = value ? call_req(self, "__set__", args, 2) : call_req(self, "__delete__", args, 1);
    return r ? 0 : -1;
}

static int slot_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value f = rt_type_lookup_cstr(rt_typeof(self), "__init__");
    if (!f) {
        rt_raise_str(rt_TypeError, "__init__ missing");
        return -1;
    }
    Value r = rt_call_with_self(f, self, args, nargs, kwnames);
    if (!r)
        return -1;
    if (r != rt_None) {
        rt_raise_fmt(rt_TypeError, "__init__() should return None, not '%T'", r);
        return -1;
    }
    return 0;
}

static Value slot_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    /* __new__ is a static method: look it up as an attribute of the class (which unwraps
     * the staticmethod) and pass the class explicitly */
    Value f = rt_type_getattr(rt_val(type), rt_str_intern("__new__"));
    if (!f)
        return RT_ERR;
    return rt_call_prepend(f, rt_val(type), args, nargs, kwnames);
}

static int64_t slot_len(Value self)
{
    Value r = call_req(self, "__len__", NULL, 0);
    if (!r)
        return -1;
    int64_t n;
    if (rt_index_i64(r, &n, rt_OverflowError) < 0)
        return -1;
    if (n < 0) {
        rt_raise_str(rt_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static int slot_bool(Value self)
{
    Value r = call_req(self, "__bool__", NULL, 0);
    if (!r)
        return -1;
    if (r == rt_True || r == rt_False)
        return r == rt_True;
    rt_raise_fmt(rt_TypeError, "__bool__ should return bool, returned %T", r);
    return -1;
}

static Value slot_getitem(Value self, Value key) { return call_req(self, "__getitem__", &key, 1); }

static int slot_setitem(Value self, Value key, Value value)
{
    Value args[2] = {key, value};
    Value r = value ? call_req(self, "__setitem__", args, 2) : call_req(self, "__delitem__", args, 1);
    return r ? 0 : -1;
}

static int slot_contains(Value self, Value item)
{
    int found;
    Value r = rt_call_special(self, "__contains__", &item, 1, &found);
    if (!found && !rt_exc_pending()) {
        rt_raise_fmt(rt_TypeError, "argument of type '%T' is not iterable", self);
        return -1;
    }
    return r ? rt_truthy(r) : -1;
}

/* CPython's method_is_overloaded: does b's type bind the reflected method to something else
 * than a's type does?  Only then does a subclass right operand go first. */
static int overloaded(Type *ta, Type *tb, const char *rname)
{
    Value mb = rt_type_lookup_cstr(tb, rname);
    if (!mb)
        return 0;
    return mb != rt_type_lookup_cstr(ta, rname);
}

/* binary operators, both halves (see the header comment) */
static Value binslot(Value a, Value b, size_t off, BinaryFn me, const char *lname,
                     const char *rname)
{
    Type *ta = rt_typeof(a), *tb = rt_typeof(b);
    int do_other = ta != tb && slot_at(tb, off) == (void *)me;
    if (slot_at(ta, off) == (void *)me) {
        if (do_other && rt_issubtype(tb, ta) && overloaded(ta, tb, rname)) {
            Value r = call_maybe(b, rname, &a, 1);
            if (r != rt_NotImplemented)
                return r;
            do_other = 0;
        }
        Value r = call_maybe(a, lname, &b, 1);
        if (r != rt_NotImplemented || ta == tb)
            return r;
    }
    if (do_other)
        return call_maybe(b, rname, &a, 1);
    return rt_NotImplemented;
}

#define BINSLOT(f, l, r)                                                                      \
    static Value slot_##f(Value a, Value b);                                                  \
    static Value slot_##f(Value a, Value b) { return binslot(a, b, NB(f), slot_##f, l, r); }
BINSLOT(add, "__add__", "__radd__")
BINSLOT(sub, "__sub__", "__rsub__")
BINSLOT(mul, "__mul__", "__rmul__")
BINSLOT(matmul, "__matmul__", "__rmatmul__")
BINSLOT(truediv, "__truediv__", "__rtruediv__")
BINSLOT(floordiv, "__floordiv__", "__rfloordiv__")
BINSLOT(mod, "__mod__", "__rmod__")
BINSLOT(divmod, "__divmod__", "__rdivmod__")
BINSLOT(lshift, "__lshift__", "__rlshift__")
BINSLOT(rshift, "__rshift__", "__rrshift__")
BINSLOT(and_, "__and__", "__rand__")
BINSLOT(or_, "__or__", "__ror__")
BINSLOT(xor_, "__xor__", "__rxor__")

static Value slot_pow(Value a, Value b, Value c)
{
    if (c == rt_None) {
        Type *ta = rt_typeof(a), *tb = rt_typeof(b);
        int do_other = ta != tb && slot_at(tb, NB(pow)) == (void *)slot_pow;
        if (slot_at(ta, NB(pow)) == (void *)slot_pow) {
            if (do_other && rt_issubtype(tb, ta) && overloaded(ta, tb, "__rpow__")) {
                Value r = call_maybe(b, "__rpow__", &a, 1);
                if (r != rt_NotImplemented)
                    return r;
                do_other = 0;
            }
            Value r = call_maybe(a, "__pow__", &b, 1);
            if (r != rt_NotImplemented || ta == tb)
                return r;
        }
        return do_other ? call_maybe(b, "__rpow__", &a, 1) : rt_NotImplemented;
    }
    /* three-argument pow: only the left operand's __pow__ is tried, as CPython */
    if (slot_at(rt_typeof(a), NB(pow)) != (void *)slot_pow)
        return rt_NotImplemented;
    Value args[2] = {b, c};
    return call_maybe(a, "__pow__", args, 2);
}

#define ISLOT(f, n)                                                                           \
    static Value slot_##f(Value a, Value b) { return call_maybe(a, n, &b, 1); }
ISLOT(iadd, "__iadd__")
ISLOT(isub, "__isub__")
ISLOT(imul, "__imul__")
ISLOT(imatmul, "__imatmul__")
ISLOT(itruediv, "__itruediv__")
ISLOT(ifloordiv, "__ifloordiv__")
ISLOT(imod, "__imod__")
ISLOT(ilshift, "__ilshift__")
ISLOT(irshift, "__irshift__")
ISLOT(iand, "__iand__")
ISLOT(ior, "__ior__")
ISLOT(ixor, "__ixor__")
static Value slot_ipow(Value a, Value b, Value c) { (void)c; return call_maybe(a, "__ipow__", &b, 1); }

#define USLOT(f, n)                                                                           \
    static Value slot_##f(Value a) { return call_req(a, n, NULL, 0); }
USLOT(neg, "__neg__")
USLOT(pos, "__pos__")
USLOT(abs, "__abs__")
USLOT(invert, "__invert__")
USLOT(int_, "__int__")
USLOT(float_, "__float__")
USLOT(index, "__index__")

/* ================================================================ the table =============== */

#define S(name, field, kind, fn) {name, OFF(field), kind, (void (*)(void))(fn)}
#define N(name, field, kind, fn) {name, NB(field), kind, (void (*)(void))(fn)}

const SlotDef rt_slotdefs[] = {
    S("__repr__", repr, SK_UNARY, slot_repr),
    S("__str__", str, SK_UNARY, slot_str),
    S("__hash__", hash, SK_HASH, slot_hash),
    S("__lt__", richcompare, SK_RICH + RT_LT, slot_richcompare),
    S("__le__", richcompare, SK_RICH + RT_LE, slot_richcompare),
    S("__eq__", richcompare, SK_RICH + RT_EQ, slot_richcompare),
    S("__ne__", richcompare, SK_RICH + RT_NE, slot_richcompare),
    S("__gt__", richcompare, SK_RICH + RT_GT, slot_richcompare),
    S("__ge__", richcompare, SK_RICH + RT_GE, slot_richcompare),
    S("__getattribute__", getattr, SK_BINL, slot_getattr_hook),
    S("__getattr__", getattr, SK_BINL, slot_getattr_hook),
    S("__setattr__", setattr, SK_SETATTR, slot_setattr),
    S("__delattr__", setattr, SK_DELATTR, slot_setattr),
    S("__call__", call, SK_CALL, slot_call),
    S("__iter__", iter, SK_UNARY, slot_iter),
    S("__next__", iternext, SK_NEXT, slot_iternext),
    S("__get__", descr_get, SK_DESCR_GET, slot_descr_get),
    S("__set__", descr_set, SK_DESCR_SET, slot_descr_set),
    S("__delete__", descr_set, SK_DESCR_DEL, slot_descr_set),
    S("__init__", init, SK_INIT, slot_init),
    S("__new__", new_, SK_NEW, slot_new),
    S("__len__", len, SK_LEN, slot_len),
    S("__getitem__", getitem, SK_BINL, slot_getitem),
    S("__setitem__", setitem, SK_SETITEM, slot_setitem),
    S("__delitem__", setitem, SK_DELITEM, slot_setitem),
    S("__contains__", contains, SK_CONTAINS, slot_contains),
    N("__add__", add, SK_BINL, slot_add), N("__radd__", add, SK_BINR, slot_add),
    N("__sub__", sub, SK_BINL, slot_sub), N("__rsub__", sub, SK_BINR, slot_sub),
    N("__mul__", mul, SK_BINL, slot_mul), N("__rmul__", mul, SK_BINR, slot_mul),
    N("__matmul__", matmul, SK_BINL, slot_matmul),
    N("__rmatmul__", matmul, SK_BINR, slot_matmul),
    N("__truediv__", truediv, SK_BINL, slot_truediv),
    N("__rtruediv__", truediv, SK_BINR, slot_truediv),
    N("__floordiv__", floordiv, SK_BINL, slot_floordiv),
    N("__rfloordiv__", floordiv, SK_BINR, slot_floordiv),
    N("__mod__", mod, SK_BINL, slot_mod), N("__rmod__", mod, SK_BINR, slot_mod),
    N("__divmod__", divmod, SK_BINL, slot_divmod),
    N("__rdivmod__", divmod, SK_BINR, slot_divmod),
    N("__lshift__", lshift, SK_BINL, slot_lshift),
    N("__rlshift__", lshift, SK_BINR, slot_lshift),
    N("__rshift__", rshift, SK_BINL, slot_rshift),
    N("__rrshift__", rshift, SK_BINR, slot_rshift),
    N("__and__", and_, SK_BINL, slot_and_), N("__rand__", and_, SK_BINR, slot_and_),
    N("__or__", or_, SK_BINL, slot_or_), N("__ror__", or_, SK_BINR, slot_or_),
    N("__xor__", xor_, SK_BINL, slot_xor_), N("__rxor__", xor_, SK_BINR, slot_xor_),
    N("__pow__", pow, SK_TERNL, slot_pow), N("__rpow__", pow, SK_TERNR, slot_pow),
    N("__iadd__", iadd, SK_BINL, slot_iadd), N("__isub__", isub, SK_BINL, slot_isub),
    N("__imul__", imul, SK_BINL, slot_imul), N("__imatmul__", imatmul, SK_BINL, slot_imatmul),
    N("__itruediv__", itruediv, SK_BINL, slot_itruediv),
    N("__ifloordiv__", ifloordiv, SK_BINL, slot_ifloordiv),
    N("__imod__", imod, SK_BINL, slot_imod), N("__ilshift__", ilshift, SK_BINL, slot_ilshift),
    N("__irshift__", irshift, SK_BINL, slot_irshift), N("__iand__", iand, SK_BINL, slot_iand),
    N("__ior__", ior, SK_BINL, slot_ior), N("__ixor__", ixor, SK_BINL, slot_ixor),
    N("__ipow__", ipow, SK_ITERN, slot_ipow),
    N("__neg__", neg, SK_UNARY, slot_neg), N("__pos__", pos, SK_UNARY, slot_pos),
    N("__abs__", abs, SK_UNARY, slot_abs), N("__invert__", invert, SK_UNARY, slot_invert),
    N("__int__", int_, SK_UNARY, slot_int_), N("__float__", float_, SK_UNARY, slot_float_),
    N("__index__", index, SK_UNARY, slot_index), N("__bool__", bool_, SK_BOOL, slot_bool),
};
const size_t rt_nslotdefs = sizeof rt_slotdefs / sizeof rt_slotdefs[0];

/* __getattribute__ and __getattr__ as one slot: the first, then the second on
 * AttributeError */
static Value slot_getattr_hook(Value self, Value name)
{
    Type *tp = rt_typeof(self);
    Value ga = rt_type_lookup_cstr(tp, "__getattribute__");
    Value r;
    if (!ga || (rt_typeof(ga) == &rt_wrapper_descriptor_type &&
                ((WrapperDescrObject *)rt_obj(ga))->fn ==
                    (void (*)(void))rt_object_generic_getattr))
        r = rt_object_generic_getattr(self, name);
    else
        r = rt_call_with_self(ga, self, &name, 1, 0);
    if (r)
        return r;
    Value e = rt_exc_pending();
    if (!e || !rt_issubtype(rt_typeof(e), rt_AttributeError))
        return RT_ERR;
    /* the lookup must not run with the AttributeError pending: a method-cache miss would
     * take it for a lookup failure */
    rt_exc_fetch();
    Value g = rt_type_lookup_cstr(tp, "__getattr__");
    if (!g) {
        if (!rt_exc_pending())
            rt_exc_restore(e);
        return RT_ERR;
    }
    return rt_call_with_self(g, self, &name, 1, 0);
}

/* ================================================================ choosing slots ========== */

static void set_ptr(Type *t, size_t off, void (*f)(void)) { memcpy((char *)t + off, &f, sizeof f); }

/* the slot at `off` for heap type t, from every dunder that feeds it (header comment) */
static void update_slot(Type *t, size_t off)
{
    void (*native)(void) = NULL, (*generic)(void) = NULL;
    int any = 0, use_generic = 0;
    for (size_t i = 0; i < rt_nslotdefs; i++) {
        const SlotDef *sd = &rt_slotdefs[i];
        if (sd->offset != off)
            continue;
        generic = sd->heap_fn;
        Value v = rt_type_lookup_cstr(t, sd->name);
        if (!v) {
            rt_exc_fetch();
            continue;
        }
        any = 1;
        if (off == OFF(hash) && v == rt_None) {
            native = (void (*)(void))rt_hash_unhashable;
            continue;
        }
        Type *vt = rt_typeof(v);
        if (vt == &rt_wrapper_descriptor_type) {
            WrapperDescrObject *w = (WrapperDescrObject *)rt_obj(v);
            if (w->slot->offset == off && (!native || native == w->fn)) {
                native = w->fn;
                continue;
            }
        } else if (off == OFF(new_) && vt == &rt_builtin_method_type &&
                   ((BuiltinMethodObject *)rt_obj(v))->def->name[0] == '_') {
            /* a built-in type's __new__ (descr.c's tp_new wrapper, bound to that type) */
            Type *owner = ((BuiltinMethodObject *)rt_obj(v))->owner;
            void (*f)(void) = (void (*)(void))slot_at(owner, off);
            if (!native || native == f) {
                native = f;
                continue;
            }
        }
        use_generic = 1;
    }
    /* __getattr__ anywhere always needs the hook, whatever __getattribute__ is */
    if (off == OFF(getattr) && any && rt_type_lookup_cstr(t, "__getattr__"))
        use_generic = 1;
    set_ptr(t, off, !any ? NULL : use_generic ? generic : native);
}

void rt_slots_update_all(Type *t)
{
    size_t last = (size_t)-1;
    for (size_t i = 0; i < rt_nslotdefs; i++) {
        /* rows of one slot are adjacent in the table */
        if (rt_slotdefs[i].offset != last)
            update_slot(t, last = rt_slotdefs[i].offset);
    }
}

static void update_sub(Type *sub, void *arg)
{
    rt_slots_update_all(sub);
    rt_type_foreach_subclass(sub, update_sub, arg);
}

void rt_slots_update_name(Type *t, Value name)
{
    (void)name;
    rt_slots_update_all(t);
    rt_type_foreach_subclass(t, update_sub, NULL);
}

/* ================================================================ wrappers (int.__add__) = */

static int want_args(WrapperDescrObject *w, size_t nargs, Value kwnames, size_t lo, size_t hi)
{
    if (rt_nkw(kwnames)) {
        rt_raise_fmt(rt_TypeError, "wrapper %s() takes no keyword arguments", w->slot->name);
        return -1;
    }
    if (nargs < lo || nargs > hi) {
        if (lo == hi)
            rt_raise_fmt(rt_TypeError, "expected %zu argument%s, got %zu", lo,
                         lo == 1 ? "" : "s", nargs);
        else
            rt_raise_fmt(rt_TypeError, "expected %s %zu argument%s, got %zu",
                         nargs < lo ? "at least" : "at most", nargs < lo ? lo : hi,
                         (nargs < lo ? lo : hi) == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

Value rt_wrapper_call(WrapperDescrObject *w, Value self, const Value *args, size_t nargs,
                      Value kwnames)
{
    int k = w->slot->kind;
    void (*f)(void) = w->fn;
    if (k == SK_CALL)
        return ((VectorCallFn)f)(self, args, nargs, kwnames);
    if (k == SK_INIT)
        return ((InitFn)f)(self, args, nargs, kwnames) < 0 ? RT_ERR : rt_None;
    size_t need = k == SK_UNARY || k == SK_NEXT || k == SK_HASH || k == SK_LEN || k == SK_BOOL
                      ? 0
                  : k == SK_SETITEM || k == SK_SETATTR || k == SK_DESCR_SET ? 2
                                                                            : 1;
    size_t hi = k == SK_TERNL || k == SK_TERNR || k == SK_DESCR_GET ? 2 : need;
    if (want_args(w, nargs, kwnames, need, hi) < 0)
        return RT_ERR;
    Value r;
    int64_t n;
    int b;
    switch (k) {
    case SK_UNARY:
        return ((UnaryFn)f)(self);
    case SK_NEXT:
        r = ((UnaryFn)f)(self);
        if (!r && !rt_exc_pending())
            return rt_raise(rt_val(rt_StopIteration));
        return r;
    case SK_BINL:
        return ((BinaryFn)f)(self, args[0]);
    case SK_BINR:
        return ((BinaryFn)f)(args[0], self);
    case SK_TERNL:
        return ((TernaryFn)f)(self, args[0], nargs > 1 ? args[1] : rt_None);
    case SK_TERNR:
        return ((TernaryFn)f)(args[0], self, nargs > 1 ? args[1] : rt_None);
    case SK_ITERN:
        return ((TernaryFn)f)(self, args[0], rt_None);
    case SK_HASH:
        n = ((HashFn)f)(self);
        return n == -1 ? RT_ERR : rt_int_from_i64(n);
    case SK_LEN:
        n = ((LenFn)f)(self);
        return n < 0 ? RT_ERR : rt_int_from_i64(n);
    case SK_BOOL:
        b = ((InquiryFn)f)(self);
        return b < 0 ? RT_ERR : rt_bool(b);
    case SK_CONTAINS:
        b = ((int (*)(Value, Value))f)(self, args[0]);
        return b < 0 ? RT_ERR : rt_bool(b);
    case SK_SETITEM:
        return ((SetItemFn)f)(self, args[0], args[1]) < 0 ? RT_ERR : rt_None;
    case SK_DELITEM:
        return ((SetItemFn)f)(self, args[0], 0) < 0 ? RT_ERR : rt_None;
    case SK_SETATTR:
        return ((SetAttrFn)f)(self, args[0], args[1]) < 0 ? RT_ERR : rt_None;
    case SK_DELATTR:
        return ((SetAttrFn)f)(self, args[0], 0) < 0 ? RT_ERR : rt_None;
    case SK_DESCR_GET: {
        Value obj = args[0] == rt_None ? 0 : args[0];
        Value type = nargs > 1 && args[1] != rt_None ? args[1] : 0;
        if (!obj && !type)
            return rt_raise_str(rt_TypeError, "__get__(None, None) is invalid");
        return ((DescrGetFn)f)(self, obj, type);
    }
    case SK_DESCR_SET:
        return ((DescrSetFn)f)(self, args[0], args[1]) < 0 ? RT_ERR : rt_None;
    case SK_DESCR_DEL:
        return ((DescrSetFn)f)(self, args[0], 0) < 0 ? RT_ERR : rt_None;
    default:
        if (k >= SK_RICH && k < SK_RICH + 6)
            return ((RichCmpFn)f)(self, args[0], k - SK_RICH);
        return rt_raise_str(rt_SystemError, "bad slot wrapper");
    }
}

/* ================================================================ object's defaults ======= */

static int excess_args(size_t nargs, Value kwnames) { return nargs || rt_nkw(kwnames); }

static Value object_new(Type *t, const Value *args, size_t nargs, Value kwnames);
static int object_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Type *t = rt_typeof(self);
    if (excess_args(nargs, kwnames)) {
        if (slot_at(t, OFF(init)) != (void *)object_init) {
            rt_raise_str(rt_TypeError,
                         "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (slot_at(t, OFF(new_)) == (void *)object_new) {
            rt_raise_fmt(rt_TypeError, "%s() takes no arguments", t->name);
            return -1;
        }
    }
    return 0;
}

static Value object_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (excess_args(nargs, kwnames)) {
        if (slot_at(t, OFF(new_)) != (void *)object_new)
            return rt_raise_str(rt_TypeError,
                                "object.__new__() takes exactly one argument (the type to instantiate)");
        if (slot_at(t, OFF(init)) == (void *)object_init)
            return rt_raise_fmt(rt_TypeError, "%s() takes no arguments", t->name);
    }
    if (t->flags & RT_TPFLAG_ABSTRACT)
        return rt_raise_fmt(rt_TypeError, "Can't instantiate abstract class %s", t->name);
    return rt_instance_new(t);
}

/* object.__ne__ inverts __eq__ (whatever class defines it), as CPython's object_richcompare */
static RichCmpFn object_base_richcompare;
static Value object_richcompare(Value a, Value b, int op)
{
    if (op == RT_NE) {
        RichCmpFn eq = (RichCmpFn)slot_at(rt_typeof(a), OFF(richcompare));
        if (eq && eq != object_richcompare) {
            Value r = eq(a, b, RT_EQ);
            if (!r || r == rt_NotImplemented)
                return r;
            int t = rt_truthy(r);
            return t < 0 ? RT_ERR : rt_bool(!t);
        }
    }
    return object_base_richcompare(a, b, op);
}

static Value object_str(Value self) { return rt_repr(self); }

static Value object_get_class(Value self) { return rt_val(rt_typeof(self)); }

/* __class__ assignment: only between heap types of the same layout */
static int object_set_class(Value self, Value value)
{
    if (!value) {
        rt_raise_str(rt_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!rt_is_type(value)) {
        rt_raise_fmt(rt_TypeError, "__class__ must be set to a class, not '%T' object", value);
        return -1;
    }
    Type *old = rt_typeof(self), *nt = (Type *)rt_obj(value);
    if (!(old->flags & RT_TPFLAG_HEAPTYPE) || !(nt->flags & RT_TPFLAG_HEAPTYPE)) {
        rt_raise_str(rt_TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (old->basicsize != nt->basicsize || old->dictoffset != nt->dictoffset ||
        old->itemsize != nt->itemsize) {
        rt_raise_fmt(rt_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                     nt->name, old->name);
        return -1;
    }
    if (old->fixed && rt_fixed_materialise(self) < 0)   /* the slots go to a real dict */
        return -1;
    rt_obj(self)->type = nt;
    return 0;
}

static Value object_get_dict(Value self) { return rt_instance_dict(self); }
static int object_set_dict(Value self, Value value)
{
    Value *slot = rt_instance_dict_slot(self);
    if (!slot) {
        rt_raise_fmt(rt_AttributeError, "'%T' object has no attribute '__dict__'", self);
        return -1;
    }
    if (!value || !(rt_typeof(value)->flags & RT_TPFLAG_DICT_SUBCLASS)) {
        rt_raise_fmt(rt_TypeError, "__dict__ must be set to a dictionary, not a '%T'",
                     value ? value : rt_None);
        return -1;
    }
    *slot = value;
    return 0;
}

int rt_slots_fill_object(Value dict)
{
    Value v = rt_getset_new(&rt_object_type, "__class__", object_get_class, object_set_class);
    if (!v || rt_dict_set(dict, rt_str_intern("__class__"), v) < 0)
        return -1;
    v = rt_getset_new(&rt_object_type, "__dict__", object_get_dict, object_set_dict);
    (void)v;
    /* object itself has no __dict__ attribute; heap types get this getset in their own dict */
    return rt_dict_set(dict, rt_str_intern("__doc__"),
                       rt_str_from_cstr("The base class of the class hierarchy."));
}

/* the __dict__ attribute of instances of a class that has one (typeobject.c adds it) */
Value rt_slots_dict_getset(Type *owner)
{
    return rt_getset_new(owner, "__dict__", object_get_dict, object_set_dict);
}

void rt_class_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    Type *o = &rt_object_type;
    object_base_richcompare = o->richcompare;
    o->richcompare = object_richcompare;
    o->new_ = object_new;
    o->init = object_init;
    o->str = object_str;
    o->getattr = rt_object_generic_getattr;
    o->setattr = rt_object_generic_setattr;
    rt_typeobject_init_slots();
}
