/*
 * object.c - the root types and the singletons: type, object, NoneType, NotImplementedType,
 * ellipsis, bool, and the None / NotImplemented / Ellipsis / True / False objects.
 *
 * Entry points: the statics declared in rt.h; rt_object_init() (from rt_init) gives every
 * type defined here its bases and mro tuples; rt_type_ready() does the same for any static
 * type (other runtime files call it from their own init); rt_issubtype().
 *
 * Invariants: every built-in Type is a fully initialised static (name, base, flags, basicsize,
 * slots) usable before rt_init; only the object-valued fields (qualname, module, bases, mro)
 * wait for rt_init (rt_type_ready), and code that walks the hierarchy before then falls back
 * to the `base` chain.  The class namespace (dict) is left to the attribute layer.
 * True and False are the only BoolObjects; bool(x) never allocates.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"

/* ---- generic slots shared by the types below ---- */

/* CPython's pointer hash: the low 4 bits of an address are always zero, rotate them away. */
static int64_t object_hash(Value v)
{
    uint64_t y = (uint64_t)v;
    int64_t h = (int64_t)((y >> 4) | (y << 60));
    return h == -1 ? -2 : h;
}

/* a type's qualified name into b: "A.B" (__qualname__), the C name before rt_type_ready */
static void sb_add_qualname(StrBuf *b, Type *t)
{
    if (t->qualname)
        rt_sb_add(b, rt_str_bytes(t->qualname), rt_str_nbytes(t->qualname));
    else
        rt_sb_adds(b, t->name);
}

/* "<__main__.C object at 0x...>": the module is omitted for builtins */
static Value object_repr(Value v)
{
    Type *t = rt_typeof(v);
    char buf[64];
    snprintf(buf, sizeof buf, " object at %p>", (void *)rt_obj(v));
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_addc(&b, '<');
    if (t->module && !(rt_str_nbytes(t->module) == 8 &&
                       memcmp(rt_str_bytes(t->module), "builtins", 8) == 0)) {
        rt_sb_add(&b, rt_str_bytes(t->module), rt_str_nbytes(t->module));
        rt_sb_addc(&b, '.');
    }
    sb_add_qualname(&b, t);
    rt_sb_adds(&b, buf);
    return rt_sb_finish(&b);
}

static Value object_richcompare(Value a, Value b, int op)
{
    /* object's default: identity for ==, its negation for !=, NotImplemented otherwise */
    if (op == RT_EQ)
        return a == b ? rt_True : rt_NotImplemented;
    if (op == RT_NE)
        return a == b ? rt_False : rt_NotImplemented;
    return rt_NotImplemented;
}

/* "<class 'int'>", "<class '__main__.C'>" */
static Value type_repr(Value v)
{
    Type *t = (Type *)rt_obj(v);
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_adds(&b, "<class '");
    if (t->module && !(rt_str_nbytes(t->module) == 8 &&
                       memcmp(rt_str_bytes(t->module), "builtins", 8) == 0)) {
        rt_sb_add(&b, rt_str_bytes(t->module), rt_str_nbytes(t->module));
        rt_sb_addc(&b, '.');
    }
    sb_add_qualname(&b, t);
    rt_sb_adds(&b, "'>");
    return rt_sb_finish(&b);
}

Value rt_core_repr(Value v)
{
    Type *t = rt_typeof(v);
    if (t->repr)
        return t->repr(v);
    return object_repr(v);
}

Value rt_core_str(Value v)
{
    Type *t = rt_typeof(v);
    if (t->str)
        return t->str(v);
    /* a str without a str slot (the str module may not be linked in a unit test) is itself */
    if (t == &rt_str_type)
        return v;
    return rt_core_repr(v);
}

/* ---- the singletons ---- */

static Value str_const(const char *s) { return rt_str_from_cstr(s); }

static Value none_repr(Value v) { (void)v; return str_const("None"); }
static Value notimpl_repr(Value v) { (void)v; return str_const("NotImplemented"); }
static Value ellipsis_repr(Value v) { (void)v; return str_const("Ellipsis"); }
static int none_bool(Value v) { (void)v; return 0; }
static int notimpl_bool(Value v) { (void)v; return 1; }

/* CPython 3.11 hashes None by address like any object; keep that. */

static size_t nkw(Value kwnames)
{
    return kwnames ? (size_t)((TupleObject *)rt_obj(kwnames))->size : 0;
}

/* NoneType(), NotImplementedType(), ellipsis(): the singleton, and no arguments at all */
static Value singleton_new(const char *what, Value single, size_t nargs, Value kwnames)
{
    if (nargs || nkw(kwnames))
        return rt_raise_fmt(rt_TypeError, "%s takes no arguments", what);
    return single;
}

static Value none_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    (void)t, (void)args;
    return singleton_new("NoneType", rt_None, nargs, kwnames);
}

static Value notimpl_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    (void)t, (void)args;
    return singleton_new("NotImplementedType", rt_NotImplemented, nargs, kwnames);
}

static Value ellipsis_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    (void)t, (void)args;
    return singleton_new("EllipsisType", rt_Ellipsis, nargs, kwnames);
}

/* object(): a bare instance (classes get theirs from the class machinery) */
static Value object_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    (void)args;
    if (nargs || nkw(kwnames))
        return rt_raise_str(rt_TypeError, "object() takes no arguments");
    Object *o = rt_new_object(t, t->basicsize ? t->basicsize : sizeof(Object));
    return o ? rt_val(o) : RT_ERR;
}

/* bool(x): the truth value of x through the generic protocol */
static Value bool_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    (void)t;
    if (nkw(kwnames))
        return rt_raise_str(rt_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1)
        return rt_raise_fmt(rt_TypeError, "bool expected at most 1 argument, got %zd",
                            (ptrdiff_t)nargs);
    if (nargs == 0)
        return rt_False;
    int b = rt_truthy(args[0]);
    return b < 0 ? RT_ERR : rt_bool(b);
}

Type rt_type_type = {
    .ob = {&rt_type_type}, .name = "type", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE | RT_TPFLAG_TYPE_SUBCLASS, .basicsize = sizeof(Type),
    .repr = type_repr, .hash = object_hash, .richcompare = object_richcompare,
};
Type rt_object_type = {
    .ob = {&rt_type_type}, .name = "object", .flags = RT_TPFLAG_BASETYPE,
    .basicsize = sizeof(Object), .repr = object_repr, .hash = object_hash,
    .richcompare = object_richcompare, .new_ = object_new,
};
Type rt_none_type = {
    .ob = {&rt_type_type}, .name = "NoneType", .base = &rt_object_type,
    .basicsize = sizeof(Object), .repr = none_repr, .hash = object_hash,
    .richcompare = object_richcompare, .new_ = none_new, .nb = {.bool_ = none_bool},
};
Type rt_notimplemented_type = {
    .ob = {&rt_type_type}, .name = "NotImplementedType", .base = &rt_object_type,
    .basicsize = sizeof(Object), .repr = notimpl_repr, .hash = object_hash,
    .richcompare = object_richcompare, .new_ = notimpl_new, .nb = {.bool_ = notimpl_bool},
};
Type rt_ellipsis_type = {
    .ob = {&rt_type_type}, .name = "ellipsis", .base = &rt_object_type,
    .basicsize = sizeof(Object), .repr = ellipsis_repr, .hash = object_hash,
    .richcompare = object_richcompare, .new_ = ellipsis_new,
};

Object rt_None_obj = {&rt_none_type};
Object rt_NotImplemented_obj = {&rt_notimplemented_type};
Object rt_Ellipsis_obj = {&rt_ellipsis_type};

/* ---- bool: a subclass of int whose two instances are True and False ---- */

static Value bool_repr(Value v)
{
    return str_const(((BoolObject *)rt_obj(v))->v ? "True" : "False");
}

static int bool_bool(Value v) { return ((BoolObject *)rt_obj(v))->v; }

/* & | ^ of two bools stay bool; any other operand falls back to int's operator */
static Value bool_and(Value a, Value b)
{
    if (rt_typeof(a) == &rt_bool_type && rt_typeof(b) == &rt_bool_type)
        return rt_bool(bool_bool(a) & bool_bool(b));
    if (!rt_is_int(a) || !rt_is_int(b))
        return rt_NotImplemented;
    return rt_int_and(a, b);
}

static Value bool_or(Value a, Value b)
{
    if (rt_typeof(a) == &rt_bool_type && rt_typeof(b) == &rt_bool_type)
        return rt_bool(bool_bool(a) | bool_bool(b));
    if (!rt_is_int(a) || !rt_is_int(b))
        return rt_NotImplemented;
    return rt_int_or(a, b);
}

static Value bool_xor(Value a, Value b)
{
    if (rt_typeof(a) == &rt_bool_type && rt_typeof(b) == &rt_bool_type)
        return rt_bool(bool_bool(a) ^ bool_bool(b));
    if (!rt_is_int(a) || !rt_is_int(b))
        return rt_NotImplemented;
    return rt_int_xor(a, b);
}

/* bool inherits every other slot from int; rt_object_init copies them (C cannot name another
 * static's fields in an initialiser), then overrides these. */
Type rt_bool_type = {
    .ob = {&rt_type_type}, .name = "bool", .base = &rt_int_type,
    .flags = RT_TPFLAG_INT_SUBCLASS, .basicsize = sizeof(BoolObject),
    .repr = bool_repr, .str = bool_repr, .new_ = bool_new,
};

BoolObject rt_True_obj = {{&rt_bool_type}, 1};
BoolObject rt_False_obj = {{&rt_bool_type}, 0};

/* ---- type readiness and subtyping ---- */

int rt_type_ready(Type *t)
{
    if (t->mro)
        return 0;
    /* a static type's __qualname__ is its name, its __module__ 'builtins' */
    if (!t->qualname && !(t->qualname = rt_str_from_cstr(t->name)))
        return -1;
    if (!t->module && !(t->module = rt_str_from_cstr("builtins")))
        return -1;
    if (t->base && !t->base->mro && rt_type_ready(t->base) < 0)
        return -1;
    Value self = rt_val(t);
    if (!t->bases) {
        Value b = t->base ? rt_val(t->base) : 0;
        t->bases = rt_tuple_from(&b, t->base ? 1 : 0);
        if (!t->bases)
            return -1;
    }
    /* single inheritance: mro = (t,) + base.mro */
    int64_t n = 1;
    TupleObject *bm = t->base ? (TupleObject *)rt_obj(t->base->mro) : NULL;
    if (bm)
        n += bm->size;
    Value items[64];
    Value *it = n <= 64 ? items : rt_alloc((size_t)n * sizeof(Value));
    if (!it)
        return -1;
    it[0] = self;
    for (int64_t i = 1; i < n; i++)
        it[i] = bm->items[i - 1];
    Value mro = rt_tuple_from(it, n);
    if (!mro)
        return -1;
    t->mro = mro;
    return 0;
}

int rt_issubtype(const Type *a, const Type *b)
{
    if (a == b)
        return 1;
    if (a->mro) {
        TupleObject *m = (TupleObject *)rt_obj(a->mro);
        for (int64_t i = 0; i < m->size; i++)
            if (m->items[i] == rt_val(b))
                return 1;
        return 0;
    }
    for (const Type *t = a->base; t; t = t->base)
        if (t == b)
            return 1;
    return b == &rt_object_type;
}

void rt_object_init(void)
{
    /* bool: inherit int's slots, then override the ones bool redefines */
    Type *b = &rt_bool_type;
    b->hash = rt_int_type.hash;
    b->richcompare = rt_int_type.richcompare;
    NumberSlots nb = rt_int_type.nb;
    nb.and_ = bool_and;
    nb.or_ = bool_or;
    nb.xor_ = bool_xor;
    nb.bool_ = bool_bool;
    b->nb = nb;

    Type *own[] = {&rt_object_type, &rt_type_type, &rt_none_type, &rt_notimplemented_type,
                   &rt_ellipsis_type, &rt_int_type, &rt_bool_type};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        rt_type_ready(own[i]);
}
