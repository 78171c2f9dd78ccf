/*
 * descr.c - descriptors: the methods of the built-in types (method descriptors built from the
 * *.def tables), slot wrappers' and getsets' types, __slots__ members, property,
 * staticmethod, classmethod and super.
 *
 * Entry points: rt_descr_fill_builtin (attr.c calls it the first time a built-in type's dict
 * is needed), rt_md_call, rt_getset_new, rt_member_new, rt_super_new (rt_class.h), the
 * descriptor types of rt_class.h and rt.h's rt_property_type, rt_staticmethod_type,
 * rt_classmethod_type, rt_super_type.
 *
 * A table row is called without any intermediate object when the call site looks it up for
 * an immediate call (rt_method_lookup): "a".upper() allocates nothing but its result.  The
 * argument checks reproduce CPython's three families of messages: METH_NOARGS/METH_O
 * ("upper() takes no arguments (1 given)"), Argument Clinic positional-only ("center expected
 * at least 1 argument, got 0") and Argument Clinic with keywords ("split() takes at most 2
 * arguments (3 given)", "'x' is an invalid keyword argument for split()").
 */
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_class.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_num.h"
#include "rt_str.h"
#include "class_internal.h"

/* ================================================================ the tables ============== */

static Value d_dict_update(Value self, const Value *args, size_t nargs, Value kwnames);
static Value d_dict_reversed(Value self) { return rt_dict_reversed(self, 0); }
static Value d_range_start(Value self) { return ((RangeObject *)rt_obj(self))->start; }
static Value d_range_stop(Value self) { return ((RangeObject *)rt_obj(self))->stop; }
static Value d_range_step(Value self) { return ((RangeObject *)rt_obj(self))->step; }
static Value or_none(Value v) { return v ? v : rt_None; }
static Value d_slice_start(Value self) { return or_none(((SliceObject *)rt_obj(self))->start); }
static Value d_slice_stop(Value self) { return or_none(((SliceObject *)rt_obj(self))->stop); }
static Value d_slice_step(Value self) { return or_none(((SliceObject *)rt_obj(self))->step); }

static Value d_exc_init(Value self, const Value *args, size_t nargs, Value kwnames);
static Value d_object_init_subclass(Value cls, const Value *args, size_t nargs, Value kwnames);
static Value d_object_format(Value self, Value spec);
static Value d_str_format(Value self, Value spec);
static Value d_object_dir(Value self);
static Value d_object_reduce(Value self, Value proto);
static Value d_type_mro(Value self);
static Value d_type_subclasses(Value self);
static Value d_type_instancecheck(Value self, Value inst);
static Value d_type_subclasscheck(Value self, Value sub);
static Value d_type_prepare(Value self, const Value *args, size_t nargs, Value kwnames);
static Value d_mp_get(Value self, Value key, Value dflt);
static Value d_mp_keys(Value self);
static Value d_mp_values(Value self);
static Value d_mp_items(Value self);
static Value d_mp_copy(Value self);
static Value d_property_getter(Value self, Value f);
static Value d_property_setter(Value self, Value f);
static Value d_property_deleter(Value self, Value f);
static Value d_property_set_name(Value self, Value owner, Value name);

typedef struct Row { Type *type; MethodDef def; } Row;
#define FN(f) ((void (*)(void))(f))
#define ROW(t, n, f, k, a, b, kw) {t, {#n, FN(f), k, a, b, kw}},

static const Row rows[] = {
#define STR_METHOD(n, f, a, b, kw) ROW(&rt_str_type, n, f, MD_METHOD, a, b, kw)
#define STR_STATIC(n, f, a, b, kw) ROW(&rt_str_type, n, f, MD_STATIC, a, b, kw)
#define STR_VARARGS(n, f) ROW(&rt_str_type, n, f, MD_VARARGS, 0, 0, NULL)
#include "str_methods.def"
#undef STR_METHOD
#undef STR_STATIC
#undef STR_VARARGS
#define BYTES_METHOD(n, f, a, b, kw) ROW(&rt_bytes_type, n, f, MD_METHOD, a, b, kw)
#define BYTES_STATIC(n, f, a, b, kw) ROW(&rt_bytes_type, n, f, MD_STATIC, a, b, kw)
#define BYTES_CLASS(n, f, a, b, kw) ROW(&rt_bytes_type, n, f, MD_CLASS, a, b, kw)
#include "bytes_methods.def"
#undef BYTES_METHOD
#undef BYTES_STATIC
#undef BYTES_CLASS
#define BYTEARRAY_METHOD(n, f, a, b, kw) ROW(&rt_bytearray_type, n, f, MD_METHOD, a, b, kw)
#define BYTEARRAY_STATIC(n, f, a, b, kw) ROW(&rt_bytearray_type, n, f, MD_STATIC, a, b, kw)
#define BYTEARRAY_CLASS(n, f, a, b, kw) ROW(&rt_bytearray_type, n, f, MD_CLASS, a, b, kw)
#include "bytearray_methods.def"
#undef BYTEARRAY_METHOD
#undef BYTEARRAY_STATIC
#undef BYTEARRAY_CLASS
#define NUM_METHOD(t, n, f, a, b, kw) ROW(&rt_##t##_type, n, f, MD_METHOD, a, b, kw)
#define NUM_CLASSMETHOD(t, n, f, a, b, kw) ROW(&rt_##t##_type, n, f, MD_CLASS, a, b, kw)
#define NUM_GETTER(t, n, f) ROW(&rt_##t##_type, n, f, MD_GETTER, 0, 0, NULL)
#include "num_methods.def"
#undef NUM_METHOD
#undef NUM_CLASSMETHOD
#undef NUM_GETTER
#define CONT_METHOD(t, n, f, a, b, kw) ROW(&rt_##t##_type, n, f, MD_METHOD, a, b, kw)
#define CONT_CLASS(t, n, f, a, b, kw) ROW(&rt_##t##_type, n, f, MD_CLASS, a, b, kw)
#define CONT_SETARGS(t, n, f) ROW(&rt_##t##_type, n, f, MD_SETARGS, 0, 0, NULL)
#define CONT_VARARGS(t, n, f) ROW(&rt_##t##_type, n, f, MD_VARARGS, 0, 0, NULL)
#define CONT_GETTER(t, n, f) ROW(&rt_##t##_type, n, f, MD_GETTER, 0, 0, NULL)
#include "container_methods.def"
#undef CONT_METHOD
#undef CONT_CLASS
#undef CONT_SETARGS
#undef CONT_VARARGS
#undef CONT_GETTER
    /* object, type, exceptions and this file's own types */
    ROW(&rt_object_type, __init_subclass__, d_object_init_subclass, MD_CLASSVAR, 0, 0, NULL)
    ROW(&rt_object_type, __format__, d_object_format, MD_METHOD, 1, 1, NULL)
    ROW(&rt_str_type, __format__, d_str_format, MD_METHOD, 1, 1, NULL)
    ROW(&rt_object_type, __dir__, d_object_dir, MD_METHOD, 0, 0, NULL)
    ROW(&rt_object_type, __reduce_ex__, d_object_reduce, MD_METHOD, 1, 1, NULL)
    ROW(&rt_type_type, mro, d_type_mro, MD_METHOD, 0, 0, NULL)
    ROW(&rt_type_type, __subclasses__, d_type_subclasses, MD_METHOD, 0, 0, NULL)
    ROW(&rt_type_type, __instancecheck__, d_type_instancecheck, MD_METHOD, 1, 1, NULL)
    ROW(&rt_type_type, __subclasscheck__, d_type_subclasscheck, MD_METHOD, 1, 1, NULL)
    ROW(&rt_type_type, __prepare__, d_type_prepare, MD_CLASSVAR, 0, 0, NULL)
    ROW(&rt_mappingproxy_type, get, d_mp_get, MD_METHOD, 1, 2, NULL)
    ROW(&rt_mappingproxy_type, keys, d_mp_keys, MD_METHOD, 0, 0, NULL)
    ROW(&rt_mappingproxy_type, values, d_mp_values, MD_METHOD, 0, 0, NULL)
    ROW(&rt_mappingproxy_type, items, d_mp_items, MD_METHOD, 0, 0, NULL)
    ROW(&rt_mappingproxy_type, copy, d_mp_copy, MD_METHOD, 0, 0, NULL)
    ROW(&rt_property_type, getter, d_property_getter, MD_METHOD, 1, 1, NULL)
    ROW(&rt_property_type, setter, d_property_setter, MD_METHOD, 1, 1, NULL)
    ROW(&rt_property_type, deleter, d_property_deleter, MD_METHOD, 1, 1, NULL)
    ROW(&rt_property_type, __set_name__, d_property_set_name, MD_METHOD, 2, 2, NULL)
    {NULL, {NULL, NULL, 0, 0, 0, NULL}},
};
/* BaseException's rows: the exception types are behind pointers, not constant addresses */
static const MethodDef exc_init_def = {"__init__", FN(d_exc_init), MD_VARARGS, 0, 0, NULL};
static const MethodDef exc_with_tb_def = {"with_traceback", FN(rt_exc_with_traceback),
                                          MD_METHOD, 1, 1, NULL};
static const MethodDef exc_add_note_def = {"add_note", FN(rt_exc_add_note), MD_METHOD, 1, 1,
                                           NULL};

/* ================================================================ argument checks ========= */

/* The parameter names of a row with keywords: "length,byteorder,*signed".  Returns how many
 * (at most 4); *posmax = how many may be passed by position. */
static int split_names(const char *kw, const char *names[4], int lens[4], int *posmax)
{
    int n = 0;
    *posmax = -1;
    while (*kw && n < 4) {
        if (*kw == '*') {
            if (*posmax < 0)
                *posmax = n;
            kw++;
        }
        const char *e = strchr(kw, ',');
        int len = e ? (int)(e - kw) : (int)strlen(kw);
        names[n] = kw;
        lens[n++] = len;
        kw += len + (e ? 1 : 0);
    }
    if (*posmax < 0)
        *posmax = n;
    return n;
}

static const char *plural(long n) { return n == 1 ? "" : "s"; }

/* str's and bytes' find family parse with PyArg_ParseTuple("O|OO:find"), whose count
 * messages read "find() takes at least 1 argument (0 given)" */
static int tuple_style(Type *owner, const char *nm)
{
    static const char *const names[] = {"count", "find", "index", "rfind", "rindex",
                                        "startswith", "endswith", NULL};
    if (owner != &rt_str_type && owner != &rt_bytes_type && owner != &rt_bytearray_type)
        return 0;
    for (int i = 0; names[i]; i++)
        if (!strcmp(nm, names[i]))
            return 1;
    return 0;
}

/* fills a[0..nmax) from the call's arguments; -1 after raising */
static int parse_args(const MethodDef *d, Type *owner, const Value *args, size_t nargs,
                      Value kwnames, Value *a)
{
    size_t nk = rt_nkw(kwnames);
    const char *nm = d->name;
    /* METH_NOARGS/METH_O and the no-keywords check name the method by its qualname */
    const char *tn = owner ? owner->name : "", *dot = owner ? "." : "";
    if (!d->kwnames) {
        if (nk) {
            rt_raise_fmt(rt_TypeError, "%s%s%s() takes no keyword arguments", tn, dot, nm);
            return -1;
        }
        if (d->nmax == 0) {
            if (nargs) {
                rt_raise_fmt(rt_TypeError, "%s%s%s() takes no arguments (%zu given)", tn, dot,
                             nm, nargs);
                return -1;
            }
            return 0;
        }
        if (d->nmin == 1 && d->nmax == 1 && nargs != 1) {
            rt_raise_fmt(rt_TypeError, "%s%s%s() takes exactly one argument (%zu given)", tn,
                         dot, nm, nargs);
            return -1;
        }
        if (nargs < (size_t)d->nmin || nargs > (size_t)d->nmax) {
            int lim = nargs < (size_t)d->nmin ? d->nmin : d->nmax;
            const char *how = d->nmin == d->nmax ? "" : nargs < (size_t)d->nmin ? "at least "
                                                                                  : "at most ";
            if (tuple_style(owner, nm))
                rt_raise_fmt(rt_TypeError, "%s() takes %s%d argument%s (%zu given)", nm, how,
                             lim, plural(lim), nargs);
            else
                rt_raise_fmt(rt_TypeError, "%s expected %s%d argument%s, got %zu", nm, how,
                             lim, plural(lim), nargs);
            return -1;
        }
        for (size_t i = 0; i < nargs; i++)
            a[i] = args[i];
        return 0;
    }
    const char *names[4];
    int lens[4], posmax;
    int n = split_names(d->kwnames, names, lens, &posmax);
    if (nargs + nk > (size_t)n) {
        /* Argument Clinic checks the total first */
        rt_raise_fmt(rt_TypeError, "%s() takes at most %d %sargument%s (%zu given)", nm, n,
                     nargs ? "" : "keyword ", plural(n), nargs + nk);
        return -1;
    }
    if (nargs > (size_t)posmax) {
        if (posmax == 0)
            rt_raise_fmt(rt_TypeError, "%s() takes no positional arguments", nm);
        else
            rt_raise_fmt(rt_TypeError, "%s() takes %s %d %sargument%s (%zu given)", nm,
                         d->nmin == posmax ? "exactly" : "at most", posmax,
                         posmax < n ? "positional " : "", plural(posmax), nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        a[i] = args[i];
    for (size_t k = 0; k < nk; k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        const char *ks = rt_str_bytes(key);
        size_t kl = rt_str_nbytes(key);
        int i = 0;
        while (i < n && !((size_t)lens[i] == kl && memcmp(names[i], ks, kl) == 0))
            i++;
        if (i == n) {
            rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for %s()", key, nm);
            return -1;
        }
        if ((size_t)i < nargs) {
            rt_raise_fmt(rt_TypeError, "argument for %s() given by name ('%U') and position (%d)",
                         nm, key, i + 1);
            return -1;
        }
        a[i] = args[nargs + k];
    }
    for (int i = 0; i < d->nmin; i++)
        if (!a[i]) {
            char pname[64];
            snprintf(pname, sizeof pname, "%.*s", lens[i], names[i]);
            rt_raise_fmt(rt_TypeError, "%s() missing required argument '%s' (pos %d)", nm,
                         pname, i + 1);
            return -1;
        }
    return 0;
}

typedef Value (*F0)(Value);
typedef Value (*F1)(Value, Value);
typedef Value (*F2)(Value, Value, Value);
typedef Value (*F3)(Value, Value, Value, Value);

Value rt_md_call(const MethodDef *d, Type *owner, Value self, const Value *args, size_t nargs,
                 Value kwnames)
{
    /* the common call, every parameter positional-only and given: nothing to parse */
    if (d->kind == MD_METHOD && !kwnames && !d->kwnames && nargs == (size_t)d->nmax) {
        switch (nargs) {
        case 0: return ((F0)d->fn)(self);
        case 1: return ((F1)d->fn)(self, args[0]);
        case 2: return ((F2)d->fn)(self, args[0], args[1]);
        case 3: return ((F3)d->fn)(self, args[0], args[1], args[2]);
        default: break;
        }
    }
    if (d->kind == MD_VARARGS || d->kind == MD_CLASSVAR)
        return ((Value (*)(Value, const Value *, size_t, Value))d->fn)(self, args, nargs,
                                                                        kwnames);
    if (d->kind == MD_SETARGS) {
        if (rt_nkw(kwnames))
            return rt_raise_fmt(rt_TypeError, "%s%s%s() takes no keyword arguments",
                                owner ? owner->name : "", owner ? "." : "", d->name);
        return ((Value (*)(Value, const Value *, size_t))d->fn)(self, args, nargs);
    }
    Value a[4] = {0, 0, 0, 0};
    if (parse_args(d, owner, args, nargs, kwnames, a) < 0)
        return RT_ERR;
    if (d->kind == MD_STATIC) {
        switch (d->nmax) {
        case 0: return ((Value (*)(void))d->fn)();
        case 1: return ((F0)d->fn)(a[0]);
        case 2: return ((F1)d->fn)(a[0], a[1]);
        default: return ((F2)d->fn)(a[0], a[1], a[2]);
        }
    }
    switch (d->nmax) {
    case 0: return ((F0)d->fn)(self);
    case 1: return ((F1)d->fn)(self, a[0]);
    case 2: return ((F2)d->fn)(self, a[0], a[1]);
    default: return ((F3)d->fn)(self, a[0], a[1], a[2]);
    }
}

/* ================================================================ method descriptors ====== */

static Value descr_repr_fmt(const char *kind, const char *name, Type *owner)
{
    return rt_sb_str_fmt("<%s '%s' of '%s' objects>", kind, name, owner->name);
}

static int check_receiver(const char *name, Type *owner, Value self)
{
    if (rt_issubtype(rt_typeof(self), owner))
        return 0;
    rt_raise_fmt(rt_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                 name, owner->name, self);
    return -1;
}

static Value bound_new(const MethodDef *d, Value self, Type *owner)
{
    BuiltinMethodObject *b = (BuiltinMethodObject *)rt_new_object(&rt_builtin_method_type,
                                                                   sizeof *b);
    if (!b)
        return RT_ERR;
    b->def = d;
    b->self = self;
    b->owner = owner;
    return rt_val(b);
}

static Value mdescr_get(Value descr, Value obj, Value type)
{
    MethodDescrObject *m = (MethodDescrObject *)rt_obj(descr);
    if (m->def->kind == MD_CLASS || m->def->kind == MD_CLASSVAR) {
        Value cls = type ? type : rt_val(rt_typeof(obj));
        return bound_new(m->def, cls, m->owner);
    }
    if (m->def->kind == MD_STATIC)
        return bound_new(m->def, 0, m->owner);
    if (!obj)
        return descr;
    if (check_receiver(m->def->name, m->owner, obj) < 0)
        return RT_ERR;
    return bound_new(m->def, obj, m->owner);
}

/* str.upper("a"): the receiver is the first argument */
static Value mdescr_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    MethodDescrObject *m = (MethodDescrObject *)rt_obj(callable);
    const MethodDef *d = m->def;
    if (d->kind == MD_STATIC)
        return rt_md_call(d, m->owner, 0, args, nargs, kwnames);
    if (nargs < 1)
        return rt_raise_fmt(rt_TypeError, "unbound method %s.%s() needs an argument",
                            m->owner->name, d->name);
    if (d->kind == MD_CLASS || d->kind == MD_CLASSVAR) {
        if (!rt_is_type(args[0]) || !rt_issubtype((Type *)rt_obj(args[0]), m->owner))
            return rt_raise_fmt(rt_TypeError,
                                "descriptor '%s' for type '%s' needs a subtype of '%s'",
                                d->name, m->owner->name, m->owner->name);
    } else if (check_receiver(d->name, m->owner, args[0]) < 0) {
        return RT_ERR;
    }
    return rt_md_call(d, m->owner, args[0], args + 1, nargs - 1, kwnames);
}

static Value mdescr_repr(Value v)
{
    MethodDescrObject *m = (MethodDescrObject *)rt_obj(v);
    return descr_repr_fmt("method", m->def->name, m->owner);
}

Type rt_method_descriptor_type = {
    .ob = {&rt_type_type}, .name = "method_descriptor", .base = &rt_object_type,
    .basicsize = sizeof(MethodDescrObject), .repr = mdescr_repr, .call = mdescr_call,
    .descr_get = mdescr_get,
};
Type rt_classmethod_descriptor_type = {
    .ob = {&rt_type_type}, .name = "classmethod_descriptor", .base = &rt_object_type,
    .basicsize = sizeof(MethodDescrObject), .repr = mdescr_repr, .call = mdescr_call,
    .descr_get = mdescr_get,
};

static Value bmeth_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    BuiltinMethodObject *b = (BuiltinMethodObject *)rt_obj(callable);
    return rt_md_call(b->def, b->owner, b->self, args, nargs, kwnames);
}

static Value bmeth_repr(Value v)
{
    BuiltinMethodObject *b = (BuiltinMethodObject *)rt_obj(v);
    if (!b->self)
        return rt_sb_str_fmt("<built-in function %s>", b->def->name);
    return rt_sb_str_fmt("<built-in method %s of %T object at %p>", b->def->name, b->self,
                         (void *)rt_obj(b->self));
}

static Value bmeth_richcompare(Value a, Value b, int op)
{
    if ((op != RT_EQ && op != RT_NE) || rt_typeof(b) != &rt_builtin_method_type)
        return rt_NotImplemented;
    BuiltinMethodObject *x = (BuiltinMethodObject *)rt_obj(a), *y = (BuiltinMethodObject *)rt_obj(b);
    int eq = x->def == y->def && x->self == y->self;
    return rt_bool(op == RT_EQ ? eq : !eq);
}

static int64_t bmeth_hash(Value v)
{
    BuiltinMethodObject *b = (BuiltinMethodObject *)rt_obj(v);
    int64_t h = (int64_t)(((uintptr_t)b->def >> 4) ^ ((uintptr_t)b->self >> 4));
    return h == -1 ? -2 : h;
}

Type rt_builtin_method_type = {
    .ob = {&rt_type_type}, .name = "builtin_function_or_method", .base = &rt_object_type,
    .basicsize = sizeof(BuiltinMethodObject), .repr = bmeth_repr, .call = bmeth_call,
    .richcompare = bmeth_richcompare, .hash = bmeth_hash,
};

/* a built-in type's __new__: a function bound to the type, never rebound (it is called with
 * the class as first argument: int.__new__(C, 5), super().__new__(cls)) */
static Value tp_new_wrapper(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Type *owner = (Type *)rt_obj(self);
    if (nargs < 1)
        return rt_raise_fmt(rt_TypeError, "%s.__new__(): not enough arguments", owner->name);
    if (!rt_is_type(args[0]))
        return rt_raise_fmt(rt_TypeError, "%s.__new__(X): X is not a type object (%T)",
                            owner->name, args[0]);
    Type *sub = (Type *)rt_obj(args[0]);
    if (!rt_issubtype(sub, owner))
        return rt_raise_fmt(rt_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                            owner->name, sub->name, sub->name, owner->name);
    NewFn f = NULL;
    for (Type *t = owner; t && !f; t = t->base)
        f = t->new_;
    if (!f)
        return rt_raise_fmt(rt_TypeError, "cannot create '%s' instances", owner->name);
    return f(sub, args + 1, nargs - 1, kwnames);
}
static const MethodDef new_def = {"__new__", FN(tp_new_wrapper), MD_VARARGS, 0, 0, NULL};

static Value new_wrapper_for(Type *t) { return bound_new(&new_def, rt_val(t), t); }

/* ================================================================ slot wrappers =========== */

static Value wdescr_get(Value descr, Value obj, Value type)
{
    WrapperDescrObject *w = (WrapperDescrObject *)rt_obj(descr);
    if (!obj)
        return descr;
    if (check_receiver(w->slot->name, w->owner, obj) < 0)
        return RT_ERR;
    MethodWrapperObject *m = (MethodWrapperObject *)rt_new_object(&rt_method_wrapper_type,
                                                                  sizeof *m);
    if (!m)
        return RT_ERR;
    m->descr = w;
    m->self = obj;
    return rt_val(m);
}

static Value wdescr_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    WrapperDescrObject *w = (WrapperDescrObject *)rt_obj(callable);
    if (nargs < 1)
        return rt_raise_fmt(rt_TypeError, "descriptor '%s' of '%s' object needs an argument",
                            w->slot->name, w->owner->name);
    if (check_receiver(w->slot->name, w->owner, args[0]) < 0)
        return RT_ERR;
    return rt_wrapper_call(w, args[0], args + 1, nargs - 1, kwnames);
}

static Value wdescr_repr(Value v)
{
    WrapperDescrObject *w = (WrapperDescrObject *)rt_obj(v);
    return descr_repr_fmt("slot wrapper", w->slot->name, w->owner);
}

Type rt_wrapper_descriptor_type = {
    .ob = {&rt_type_type}, .name = "wrapper_descriptor", .base = &rt_object_type,
    .basicsize = sizeof(WrapperDescrObject), .repr = wdescr_repr, .call = wdescr_call,
    .descr_get = wdescr_get,
};

static Value mwrap_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    MethodWrapperObject *m = (MethodWrapperObject *)rt_obj(callable);
    return rt_wrapper_call(m->descr, m->self, args, nargs, kwnames);
}

static Value mwrap_repr(Value v)
{
    MethodWrapperObject *m = (MethodWrapperObject *)rt_obj(v);
    return rt_sb_str_fmt("<method-wrapper '%s' of %T object at %p>", m->descr->slot->name,
                         m->self, (void *)rt_obj(m->self));
}

Type rt_method_wrapper_type = {
    .ob = {&rt_type_type}, .name = "method-wrapper", .base = &rt_object_type,
    .basicsize = sizeof(MethodWrapperObject), .repr = mwrap_repr, .call = mwrap_call,
};

/* ================================================================ getset and members ====== */

Value rt_getset_new(Type *owner, const char *name, Value (*get)(Value), int (*set)(Value, Value))
{
    GetSetDescrObject *g = (GetSetDescrObject *)rt_new_object(&rt_getset_descriptor_type,
                                                              sizeof *g);
    if (!g)
        return RT_ERR;
    g->name = name;
    g->get = get;
    g->set = set;
    g->owner = owner;
    return rt_val(g);
}

static Value getset_get(Value descr, Value obj, Value type)
{
    GetSetDescrObject *g = (GetSetDescrObject *)rt_obj(descr);
    if (!obj)
        return descr;
    if (check_receiver(g->name, g->owner, obj) < 0)
        return RT_ERR;
    return g->get(obj);
}

static int getset_set(Value descr, Value obj, Value value)
{
    GetSetDescrObject *g = (GetSetDescrObject *)rt_obj(descr);
    if (check_receiver(g->name, g->owner, obj) < 0)
        return -1;
    if (!g->set) {
        rt_raise_fmt(rt_AttributeError, "attribute '%s' of '%s' objects is not writable",
                     g->name, g->owner->name);
        return -1;
    }
    return g->set(obj, value);
}

static Value getset_repr(Value v)
{
    GetSetDescrObject *g = (GetSetDescrObject *)rt_obj(v);
    return descr_repr_fmt("attribute", g->name, g->owner);
}

Type rt_getset_descriptor_type = {
    .ob = {&rt_type_type}, .name = "getset_descriptor", .base = &rt_object_type,
    .basicsize = sizeof(GetSetDescrObject), .repr = getset_repr, .descr_get = getset_get,
    .descr_set = getset_set,
};

Value rt_member_new(Type *owner, Value name, size_t offset)
{
    MemberDescrObject *m = (MemberDescrObject *)rt_new_object(&rt_member_descriptor_type,
                                                              sizeof *m);
    if (!m)
        return RT_ERR;
    m->name = name;
    m->offset = offset;
    m->owner = owner;
    return rt_val(m);
}

static Value member_get(Value descr, Value obj, Value type)
{
    MemberDescrObject *m = (MemberDescrObject *)rt_obj(descr);
    if (!obj)
        return descr;
    if (check_receiver(rt_str_bytes(m->name), m->owner, obj) < 0)
        return RT_ERR;
    Value v = *(Value *)((char *)rt_obj(obj) + m->offset);
    if (!v)
        return rt_raise_fmt(rt_AttributeError, "'%T' object has no attribute '%U'", obj,
                            m->name);
    return v;
}

static int member_set(Value descr, Value obj, Value value)
{
    MemberDescrObject *m = (MemberDescrObject *)rt_obj(descr);
    if (check_receiver(rt_str_bytes(m->name), m->owner, obj) < 0)
        return -1;
    Value *p = (Value *)((char *)rt_obj(obj) + m->offset);
    if (!value && !*p) {
        /* CPython 3.11 (member_set of a T_OBJECT_EX member): AttributeError(name) */
        Value e = rt_exc_new(rt_AttributeError, &m->name, 1);
        if (e)
            rt_raise(e);
        return -1;
    }
    *p = value;
    return 0;
}

static Value member_repr(Value v)
{
    MemberDescrObject *m = (MemberDescrObject *)rt_obj(v);
    return descr_repr_fmt("member", rt_str_bytes(m->name), m->owner);
}

Type rt_member_descriptor_type = {
    .ob = {&rt_type_type}, .name = "member_descriptor", .base = &rt_object_type,
    .basicsize = sizeof(MemberDescrObject), .repr = member_repr, .descr_get = member_get,
    .descr_set = member_set,
};

/* ================================================================ property ================ */

static Value prop_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value a[4] = {0, 0, 0, 0};
    if (nargs > 4)
        return rt_raise_fmt(rt_TypeError, "property() takes at most 4 arguments (%zu given)",
                            nargs);
    for (size_t i = 0; i < nargs; i++)
        a[i] = args[i];
    for (size_t k = 0; k < rt_nkw(kwnames); k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        int i = 0;
        while (i < 4 && strcmp(rt_str_bytes(key), names[i]) != 0)
            i++;
        if (i == 4)
            return rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for property()",
                                key);
        if ((size_t)i < nargs)
            return rt_raise_fmt(rt_TypeError,
                                "argument for property() given by name ('%U') and position (%d)",
                                key, i + 1);
        a[i] = args[nargs + k];
    }
    PropertyObject *p = (PropertyObject *)rt_new_object(t, t->basicsize);
    if (!p)
        return RT_ERR;
    for (int i = 0; i < 3; i++)
        if (a[i] == rt_None)
            a[i] = 0;
    p->fget = a[0];
    p->fset = a[1];
    p->fdel = a[2];
    p->doc = a[3] && a[3] != rt_None ? a[3] : 0;
    /* the getter's docstring stands in for a missing doc, as CPython's */
    if (!p->doc && p->fget) {
        Value d;
        int r = rt_getattr_opt(p->fget, rt_str_intern("__doc__"), &d);
        if (r < 0)
            return RT_ERR;
        if (r && d != rt_None)
            p->doc = d;
    }
    return rt_val(p);
}

/* CPython 3.11's messages for a missing accessor: the name given by __set_name__ (kept by
 * getter/setter/deleter copies; a property made outside a class body has none), as a repr,
 * and the object's type by its __qualname__ */
static Value prop_missing(PropertyObject *p, Value obj, const char *what)
{
    Type *t = rt_typeof(obj);
    Value qn = t->qualname ? t->qualname : rt_str_from_cstr(t->name);
    if (!qn)
        return RT_ERR;
    if (p->name)
        return rt_raise_fmt(rt_AttributeError, "property %R of %R object has no %s", p->name,
                            qn, what);
    return rt_raise_fmt(rt_AttributeError, "property of %R object has no %s", qn, what);
}

static Value prop_get(Value descr, Value obj, Value type)
{
    PropertyObject *p = (PropertyObject *)rt_obj(descr);
    if (!obj)
        return descr;
    if (!p->fget)
        return prop_missing(p, obj, "getter");
    return rt_call(p->fget, &obj, 1, 0);
}

static int prop_set(Value descr, Value obj, Value value)
{
    PropertyObject *p = (PropertyObject *)rt_obj(descr);
    Value f = value ? p->fset : p->fdel;
    if (!f) {
        prop_missing(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    Value args[2] = {obj, value};
    return rt_call(f, args, value ? 2 : 1, 0) ? 0 : -1;
}

/* getter/setter/deleter: a copy with one accessor replaced (CPython's property_copy) */
static Value prop_copy(Value self, int which, Value f)
{
    PropertyObject *p = (PropertyObject *)rt_obj(self);
    Type *t = rt_typeof(self);
    PropertyObject *q = (PropertyObject *)rt_new_object(t, t->basicsize);
    if (!q)
        return RT_ERR;
    *q = *p;
    if (f == rt_None)
        f = 0;
    if (which == 0)
        q->fget = f;
    else if (which == 1)
        q->fset = f;
    else
        q->fdel = f;
    return rt_val(q);
}
static Value d_property_getter(Value self, Value f) { return prop_copy(self, 0, f); }
static Value d_property_setter(Value self, Value f) { return prop_copy(self, 1, f); }
static Value d_property_deleter(Value self, Value f) { return prop_copy(self, 2, f); }
static Value d_property_set_name(Value self, Value owner, Value name)
{
    (void)owner;
    ((PropertyObject *)rt_obj(self))->name = name;
    return rt_None;
}
static Value prop_fget(Value self) { return or_none(((PropertyObject *)rt_obj(self))->fget); }
static Value prop_fset(Value self) { return or_none(((PropertyObject *)rt_obj(self))->fset); }
static Value prop_fdel(Value self) { return or_none(((PropertyObject *)rt_obj(self))->fdel); }
static Value prop_doc(Value self) { return or_none(((PropertyObject *)rt_obj(self))->doc); }

Type rt_property_type = {
    .ob = {&rt_type_type}, .name = "property", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(PropertyObject), .new_ = prop_new,
    .descr_get = prop_get, .descr_set = prop_set,
};

/* ================================================================ staticmethod, classmethod */

static Value sm_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    const char *nm = t == &rt_classmethod_type ? "classmethod" : "staticmethod";
    if (rt_nkw(kwnames))
        return rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", nm);
    if (nargs != 1)
        return rt_raise_fmt(rt_TypeError, "%s expected 1 argument, got %zu", nm, nargs);
    StaticMethodObject *s = (StaticMethodObject *)rt_new_object(t, t->basicsize);
    if (!s)
        return RT_ERR;
    s->func = args[0];
    return rt_val(s);
}

static Value sm_get(Value descr, Value obj, Value type)
{
    return ((StaticMethodObject *)rt_obj(descr))->func;
}

static Value sm_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    return rt_call(((StaticMethodObject *)rt_obj(callable))->func, args, nargs, kwnames);
}

static Value cm_get(Value descr, Value obj, Value type)
{
    Value cls = type ? type : rt_val(rt_typeof(obj));
    Value f = ((StaticMethodObject *)rt_obj(descr))->func;
    /* a classmethod wrapping a descriptor (property, another classmethod) chains, as 3.11 */
    DescrGetFn g = rt_typeof(f)->descr_get;
    if (g && rt_typeof(f) != &rt_function_type)
        return g(f, cls, rt_val(rt_typeof(cls)));
    return rt_method_new(f, cls);
}

static Value sm_func(Value self) { return ((StaticMethodObject *)rt_obj(self))->func; }

static Value sm_repr(Value v)
{
    const char *nm = rt_typeof(v) == &rt_classmethod_type ? "classmethod" : "staticmethod";
    return rt_sb_str_fmt("<%s(%R)>", nm, ((StaticMethodObject *)rt_obj(v))->func);
}

Type rt_staticmethod_type = {
    .ob = {&rt_type_type}, .name = "staticmethod", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(StaticMethodObject), .new_ = sm_new,
    .descr_get = sm_get, .call = sm_call, .repr = sm_repr,
    .dictoffset = offsetof(StaticMethodObject, dict),
};
Type rt_classmethod_type = {
    .ob = {&rt_type_type}, .name = "classmethod", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(StaticMethodObject), .new_ = sm_new,
    .descr_get = cm_get, .repr = sm_repr, .dictoffset = offsetof(StaticMethodObject, dict),
};

/* ================================================================ super =================== */

/* the type whose MRO super() walks: obj's type, or obj itself when it is a subclass */
static Type *super_check(Type *type, Value obj)
{
    if (rt_is_type(obj) && rt_issubtype((Type *)rt_obj(obj), type))
        return (Type *)rt_obj(obj);
    if (rt_issubtype(rt_typeof(obj), type))
        return rt_typeof(obj);
    /* a proxy whose __class__ claims the type (CPython checks obj.__class__ too) */
    Value cls;
    int r = rt_getattr_opt(obj, rt_str_intern("__class__"), &cls);
    if (r > 0 && rt_is_type(cls) && cls != rt_val(rt_typeof(obj)) &&
        rt_issubtype((Type *)rt_obj(cls), type))
        return (Type *)rt_obj(cls);
    if (r >= 0)
        rt_raise_str(rt_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static Value super_make(Type *st, Value type, Value obj)
{
    if (!rt_is_type(type))
        return rt_raise_fmt(rt_TypeError, "super() argument 1 must be a type, not %T", type);
    Type *ot = NULL;
    if (obj && obj != rt_None && !(ot = super_check((Type *)rt_obj(type), obj)))
        return RT_ERR;
    SuperObject *s = (SuperObject *)rt_new_object(st, st->basicsize);
    if (!s)
        return RT_ERR;
    s->type = (Type *)rt_obj(type);
    s->obj = ot ? obj : 0;
    s->obj_type = ot;
    return rt_val(s);
}

Value rt_super_new(Value type, Value obj) { return super_make(&rt_super_type, type, obj); }

static Value super_tp_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (rt_nkw(kwnames))
        return rt_raise_str(rt_TypeError, "super() takes no keyword arguments");
    if (nargs == 0)
        return rt_raise_str(rt_RuntimeError, "super(): no arguments");
    if (nargs > 2)
        return rt_raise_fmt(rt_TypeError, "super() takes at most 2 arguments (%zu given)", nargs);
    return super_make(t, args[0], nargs == 2 ? args[1] : 0);
}

/* attribute lookup along obj_type's MRO, starting after `type` */
static Value super_getattr(Value self, Value name)
{
    SuperObject *s = (SuperObject *)rt_obj(self);
    if (s->obj_type && !(rt_str_nbytes(name) == 9 && !strcmp(rt_str_bytes(name), "__class__"))) {
        if (!s->obj_type->mro)
            rt_type_ready(s->obj_type);
        TupleObject *mro = (TupleObject *)rt_obj(s->obj_type->mro);
        int64_t i = 0;
        while (i < mro->size && mro->items[i] != rt_val(s->type))
            i++;
        for (i++; i < mro->size; i++) {
            Value d = rt_type_dict((Type *)rt_obj(mro->items[i]));
            if (!d)
                return RT_ERR;
            Value v = rt_dict_get(d, name);
            if (v) {
                DescrGetFn g = rt_typeof(v)->descr_get;
                for (Type *t = rt_typeof(v); !g && t; t = t->base)
                    g = t->descr_get;
                if (!g)
                    return v;
                Value inst = s->obj == rt_val(s->obj_type) ? 0 : s->obj;
                return g(v, inst, rt_val(s->obj_type));
            }
        }
    }
    return rt_object_generic_getattr(self, name);
}

static Value super_repr(Value v)
{
    SuperObject *s = (SuperObject *)rt_obj(v);
    if (s->obj_type)
        return rt_sb_str_fmt("<super: <class '%s'>, <%s object>>", s->type->name,
                             s->obj_type->name);
    return rt_sb_str_fmt("<super: <class '%s'>, NULL>", s->type->name);
}

static Value super_thisclass(Value v) { return rt_val(((SuperObject *)rt_obj(v))->type); }
static Value super_self(Value v) { return or_none(((SuperObject *)rt_obj(v))->obj); }
static Value super_self_class(Value v)
{
    Type *t = ((SuperObject *)rt_obj(v))->obj_type;
    return t ? rt_val(t) : rt_None;
}

Type rt_super_type = {
    .ob = {&rt_type_type}, .name = "super", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(SuperObject), .new_ = super_tp_new,
    .getattr = super_getattr, .repr = super_repr,
};

/* ================================================================ mappingproxy ============ */

/* type.__dict__: a read-only view of a class namespace (CPython's mappingproxy); reads go to
 * the dict, and the type has no setitem slot, so d[k] = v raises the generic TypeError */
typedef struct MappingProxy { Object ob; Value mapping; } MappingProxy;
#define MP(v) (((MappingProxy *)rt_obj(v))->mapping)

Value rt_mappingproxy_new(Value mapping)
{
    MappingProxy *p = (MappingProxy *)rt_new_object(&rt_mappingproxy_type, sizeof(MappingProxy));
    if (!p)
        return RT_ERR;
    p->mapping = mapping;
    return rt_val(p);
}

Value rt_mappingproxy_mapping(Value proxy) { return MP(proxy); }

static Value mp_repr(Value self) { return rt_sb_str_fmt("mappingproxy(%R)", MP(self)); }
static Value mp_str(Value self) { return rt_str(MP(self)); }
static int64_t mp_len(Value self) { return rt_len(MP(self)); }
static Value mp_getitem(Value self, Value key) { return rt_getitem(MP(self), key); }
static int mp_contains(Value self, Value key) { return rt_contains(MP(self), key); }
static Value mp_iter(Value self) { return rt_iter(MP(self)); }
static Value mp_richcompare(Value self, Value other, int op)
{
    return rt_richcompare(MP(self), other, op);
}
static Value d_mp_get(Value self, Value key, Value dflt)
{
    return rt_dict_m_get(MP(self), key, dflt);
}
static Value d_mp_keys(Value self) { return rt_dict_keys(MP(self)); }
static Value d_mp_values(Value self) { return rt_dict_values(MP(self)); }
static Value d_mp_items(Value self) { return rt_dict_items(MP(self)); }
static Value d_mp_copy(Value self) { return rt_dict_copy(MP(self)); }

Type rt_mappingproxy_type = {
    .ob = {&rt_type_type}, .name = "mappingproxy", .base = &rt_object_type,
    .basicsize = sizeof(MappingProxy), .repr = mp_repr, .str = mp_str, .len = mp_len,
    .getitem = mp_getitem, .contains = mp_contains, .iter = mp_iter,
    .richcompare = mp_richcompare,
};

/* ================================================================ small adapters ========== */

static Value d_dict_update(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs > 1)
        return rt_raise_fmt(rt_TypeError, "update expected at most 1 argument, got %zu", nargs);
    if (nargs && !rt_dict_update(self, args[0]))
        return RT_ERR;
    for (size_t k = 0; k < rt_nkw(kwnames); k++)
        if (rt_dict_setitem(self, rt_tuple_item(kwnames, (int64_t)k), args[nargs + k]) < 0)
            return RT_ERR;
    return rt_None;
}

static Value d_exc_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (rt_nkw(kwnames) && rt_issubtype(rt_typeof(self), rt_ImportError)) {
        if (rt_importerror_kw(self, args, nargs, kwnames) < 0)
            return RT_ERR;
    } else if (rt_nkw(kwnames))
        return rt_raise_fmt(rt_TypeError, "%T() takes no keyword arguments", self);
    Value t = rt_tuple_from(args, (int64_t)nargs);
    if (!t)
        return RT_ERR;
    ((ExcObject *)rt_obj(self))->args = t;
    if (rt_issubtype(rt_typeof(self), rt_ImportError))
        ((ImportErrorObject *)rt_obj(self))->msg = nargs == 1 ? args[0] : 0;
    return rt_None;
}

/* object.__init_subclass__(): "C.__init_subclass__() takes no keyword arguments" */
static Value d_object_init_subclass(Value cls, const Value *args, size_t nargs, Value kwnames)
{
    const char *n = rt_is_type(cls) ? ((Type *)rt_obj(cls))->name : rt_type_name(cls);
    if (rt_nkw(kwnames))
        return rt_raise_fmt(rt_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                            n);
    if (nargs)
        return rt_raise_fmt(rt_TypeError,
                            "%s.__init_subclass__() takes no arguments (%zu given)", n, nargs);
    return rt_None;
}

static Value d_object_format(Value self, Value spec)
{
    if (!rt_is_strv(spec))
        return rt_raise_fmt(rt_TypeError, "__format__() argument must be str, not %T", spec);
    if (rt_str_nbytes(spec) != 0)
        return rt_raise_fmt(rt_TypeError, "unsupported format string passed to %T.__format__",
                            self);
    return rt_str(self);
}

/* str.__format__: the format-spec mini-language over the text (format(s, spec)) */
static Value d_str_format(Value self, Value spec)
{
    if (!rt_is_strv(spec))
        return rt_raise_fmt(rt_TypeError, "__format__() argument must be str, not %T", spec);
    return rt_format_str(self, spec);
}

static int add_keys(Value list, Value seen, Value dict)
{
    int64_t pos = 0, h;
    Value k, v;
    while (rt_dict_next(dict, &pos, &k, &v, &h)) {
        int has = rt_set_contains(seen, k);
        if (has < 0 || (!has && (rt_set_add(seen, k) < 0 || rt_list_append(list, k) < 0)))
            return -1;
    }
    return 0;
}

/* object.__dir__: the instance dict's keys and every class attribute, sorted */
static Value d_object_dir(Value self)
{
    Value list = rt_list_new(0), seen = rt_set_new();
    if (!list || !seen)
        return RT_ERR;
    Value *ds = rt_instance_dict_slot(self);
    if (ds && *ds && add_keys(list, seen, *ds) < 0)
        return RT_ERR;
    Type *t = rt_typeof(self);
    if (!t->mro)
        rt_type_ready(t);
    TupleObject *mro = (TupleObject *)rt_obj(t->mro);
    for (int64_t i = 0; i < mro->size; i++) {
        Value d = rt_type_dict((Type *)rt_obj(mro->items[i]));
        if (!d || add_keys(list, seen, d) < 0)
            return RT_ERR;
    }
    if (!rt_list_sort(list, 0, 0))
        return RT_ERR;
    return list;
}

static Value d_object_reduce(Value self, Value proto)
{
    return rt_raise_fmt(rt_TypeError, "cannot pickle '%T' object", self);
}

static Value d_type_mro(Value self)
{
    Type *t = (Type *)rt_obj(self);
    if (!t->mro)
        rt_type_ready(t);
    return rt_list_from(((TupleObject *)rt_obj(t->mro))->items, rt_tuple_size(t->mro));
}

static Value d_type_subclasses(Value self) { return rt_type_subclasses((Type *)rt_obj(self)); }

/* type.__instancecheck__ / __subclasscheck__: the plain MRO test */
static Value d_type_instancecheck(Value self, Value inst)
{
    Type *t = (Type *)rt_obj(self);
    if (rt_issubtype(rt_typeof(inst), t))
        return rt_True;
    Value cls;
    int r = rt_getattr_opt(inst, rt_str_intern("__class__"), &cls);
    if (r < 0)
        return RT_ERR;
    return rt_bool(r && rt_is_type(cls) && rt_issubtype((Type *)rt_obj(cls), t));
}

static Value d_type_subclasscheck(Value self, Value sub)
{
    if (!rt_is_type(sub))
        return rt_raise_str(rt_TypeError, "issubclass() arg 1 must be a class");
    return rt_bool(rt_issubtype((Type *)rt_obj(sub), (Type *)rt_obj(self)));
}

static Value d_type_prepare(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return rt_dict_new();
}

/* ================================================================ filling a type's dict === */

static Value mdescr_new(const MethodDef *d, Type *owner)
{
    Type *dt = d->kind == MD_CLASS || d->kind == MD_STATIC || d->kind == MD_CLASSVAR ? &rt_classmethod_descriptor_type
                                                           : &rt_method_descriptor_type;
    MethodDescrObject *m = (MethodDescrObject *)rt_new_object(dt, sizeof *m);
    if (!m)
        return RT_ERR;
    m->def = d;
    m->owner = owner;
    return rt_val(m);
}

static int put(Value dict, const char *name, Value v)
{
    if (!v)
        return -1;
    return rt_dict_set(dict, rt_str_intern(name), v);
}

static int put_def(Value dict, const MethodDef *d, Type *t)
{
    if (d->kind == MD_GETTER)
        return put(dict, d->name, rt_getset_new(t, d->name, (Value (*)(Value))d->fn, NULL));
    return put(dict, d->name, mdescr_new(d, t));
}

/* the slot function of t at offset off, unless t inherits it unchanged from its base */
static void (*own_slot(Type *t, size_t off))(void)
{
    void (*f)(void), (*g)(void) = NULL;
    memcpy(&f, (char *)t + off, sizeof f);
    if (!f)
        return NULL;
    for (Type *b = t->base; b && !g; b = b->base)
        memcpy(&g, (char *)b + off, sizeof g);
    return f == g ? NULL : f;
}

static Value exc_getset(Value self, const char *name)
{
    Value v = rt_exc_getattr(self, name);
    if (!v && !rt_exc_pending())
        return rt_raise_fmt(rt_AttributeError, "'%T' object has no attribute '%s'", self, name);
    return v;
}
static Value exc_args_get(Value self) { return exc_getset(self, "args"); }
static int exc_args_set(Value self, Value v)
{
    if (!v) {
        rt_raise_str(rt_TypeError, "args may not be deleted");
        return -1;
    }
    return rt_exc_setattr(self, "args", v);
}

/* a bound method of a built-in type ("a".upper): __name__, __qualname__, __self__ */
static BuiltinMethodObject *BM(Value v) { return (BuiltinMethodObject *)rt_obj(v); }
static Value bmeth_name(Value v) { return rt_str_from_cstr(BM(v)->def->name); }
static Value bmeth_qualname(Value v)
{
    return rt_sb_str_fmt("%s.%s", BM(v)->owner->name, BM(v)->def->name);
}
static Value bmeth_self(Value v) { return or_none(BM(v)->self); }

/* str.upper / int.__add__: __name__, __qualname__, __objclass__ */
static MethodDescrObject *MDO(Value v) { return (MethodDescrObject *)rt_obj(v); }
static Value mdescr_name(Value v) { return rt_str_from_cstr(MDO(v)->def->name); }
static Value mdescr_qualname(Value v)
{
    return rt_sb_str_fmt("%s.%s", MDO(v)->owner->name, MDO(v)->def->name);
}
static Value mdescr_objclass(Value v) { return rt_val(MDO(v)->owner); }
static WrapperDescrObject *WDO(Value v) { return (WrapperDescrObject *)rt_obj(v); }
static Value wdescr_name(Value v) { return rt_str_from_cstr(WDO(v)->slot->name); }
static Value wdescr_qualname(Value v)
{
    return rt_sb_str_fmt("%s.%s", WDO(v)->owner->name, WDO(v)->slot->name);
}
static Value wdescr_objclass(Value v) { return rt_val(WDO(v)->owner); }
static Value mwrap_name(Value v)
{
    return rt_str_from_cstr(((MethodWrapperObject *)rt_obj(v))->descr->slot->name);
}
static Value mwrap_self(Value v) { return ((MethodWrapperObject *)rt_obj(v))->self; }

static int put_getsets(Value dict, Type *t, const char *n1, Value (*g1)(Value), const char *n2,
                       Value (*g2)(Value), const char *n3, Value (*g3)(Value))
{
    if (put(dict, n1, rt_getset_new(t, n1, g1, NULL)) < 0 ||
        put(dict, n2, rt_getset_new(t, n2, g2, NULL)) < 0)
        return -1;
    return n3 ? put(dict, n3, rt_getset_new(t, n3, g3, NULL)) : 0;
}

/* method tables of built-in types defined outside this file (traceback.c, fileio.c) */
static struct { Type *t; const MethodDef *defs; } extra[8] = {
    {&rt_traceback_type, rt_traceback_methods},
};
static int nextra = 1;

int rt_descr_register_methods(Type *t, const MethodDef *defs)
{
    for (int i = 0; i < nextra; i++)
        if (extra[i].t == t)
            return 0;
    if (nextra == (int)(sizeof extra / sizeof extra[0]))
        return -1;
    extra[nextra].t = t;
    extra[nextra++].defs = defs;
    return 0;
}

int rt_descr_fill_builtin(Type *t, Value dict)
{
    for (int i = 0; i < nextra; i++)
        for (const MethodDef *d = extra[i].t == t ? extra[i].defs : NULL; d && d->name; d++)
            if (put_def(dict, d, t) < 0)
                return -1;
    for (const Row *r = rows; r->type; r++)
        if (r->type == t && put_def(dict, &r->def, t) < 0)
            return -1;
    if (t == rt_BaseException) {
        if (put_def(dict, &exc_init_def, t) < 0 || put_def(dict, &exc_with_tb_def, t) < 0 ||
            put_def(dict, &exc_add_note_def, t) < 0 ||
            put(dict, "args", rt_getset_new(t, "args", exc_args_get, exc_args_set)) < 0)
            return -1;
    }
    if (t == &rt_object_type && rt_slots_fill_object(dict) < 0)
        return -1;
    if (rt_func_fill_dict(t, dict) < 0)
        return -1;
    if ((t == &rt_method_descriptor_type || t == &rt_classmethod_descriptor_type) &&
        put_getsets(dict, t, "__name__", mdescr_name, "__qualname__", mdescr_qualname,
                    "__objclass__", mdescr_objclass) < 0)
        return -1;
    if (t == &rt_wrapper_descriptor_type &&
        put_getsets(dict, t, "__name__", wdescr_name, "__qualname__", wdescr_qualname,
                    "__objclass__", wdescr_objclass) < 0)
        return -1;
    if (t == &rt_method_wrapper_type &&
        put_getsets(dict, t, "__name__", mwrap_name, "__self__", mwrap_self, NULL, NULL) < 0)
        return -1;
    if (t == &rt_builtin_method_type &&
        (put(dict, "__name__", rt_getset_new(t, "__name__", bmeth_name, NULL)) < 0 ||
         put(dict, "__qualname__", rt_getset_new(t, "__qualname__", bmeth_qualname, NULL)) < 0 ||
         put(dict, "__self__", rt_getset_new(t, "__self__", bmeth_self, NULL)) < 0))
        return -1;
    if (t == &rt_type_type)
        rt_typeobject_fill_type_dict(dict);
    if (t == &rt_property_type &&
        (put(dict, "fget", rt_getset_new(t, "fget", prop_fget, NULL)) < 0 ||
         put(dict, "fset", rt_getset_new(t, "fset", prop_fset, NULL)) < 0 ||
         put(dict, "fdel", rt_getset_new(t, "fdel", prop_fdel, NULL)) < 0 ||
         put(dict, "__doc__", rt_getset_new(t, "__doc__", prop_doc, NULL)) < 0))
        return -1;
    if ((t == &rt_staticmethod_type || t == &rt_classmethod_type) &&
        (put(dict, "__func__", rt_getset_new(t, "__func__", sm_func, NULL)) < 0 ||
         put(dict, "__wrapped__", rt_getset_new(t, "__wrapped__", sm_func, NULL)) < 0))
        return -1;
    if (t == &rt_super_type &&
        (put(dict, "__thisclass__", rt_getset_new(t, "__thisclass__", super_thisclass, NULL)) < 0 ||
         put(dict, "__self__", rt_getset_new(t, "__self__", super_self, NULL)) < 0 ||
         put(dict, "__self_class__", rt_getset_new(t, "__self_class__", super_self_class, NULL)) < 0))
        return -1;
    /* every slot the type defines itself, under its dunder names */
    for (size_t i = 0; i < rt_nslotdefs; i++) {
        const SlotDef *sd = &rt_slotdefs[i];
        void (*f)(void) = own_slot(t, sd->offset);
        /* __getattr__ is only ever a Python-level hook, never a built-in type's method */
        if (!f || !strcmp(sd->name, "__getattr__"))
            continue;
        Value key = rt_str_intern(sd->name);
        if (!key)
            return -1;
        if (rt_dict_get(dict, key))
            continue;   /* a table row or an earlier name wins */
        Value v;
        if (sd->offset == offsetof(Type, hash) && f == (void (*)(void))rt_hash_unhashable) {
            v = rt_None;
        } else if (sd->offset == offsetof(Type, new_)) {
            v = new_wrapper_for(t);
        } else {
            WrapperDescrObject *w = (WrapperDescrObject *)rt_new_object(
                &rt_wrapper_descriptor_type, sizeof *w);
            if (!w)
                return -1;
            w->slot = sd;
            w->owner = t;
            w->fn = f;
            v = rt_val(w);
        }
        if (!v || rt_dict_set(dict, key, v) < 0)
            return -1;
    }
    return 0;
}
