/*
 * attr.c - attribute access: rt_getattr / rt_setattr / rt_delattr (rt.h), object's and
 * type's generic __getattribute__ / __setattr__, the per-type lookup along the MRO with its
 * method cache, and method calls without bound-method objects (rt_method_lookup).
 *
 * Entry points: rt.h's rt_getattr, rt_getattr_cstr, rt_setattr, rt_delattr, rt_call_method;
 * rt_class.h's rt_type_lookup*,
 * rt_type_dict, rt_type_modified, rt_object_generic_*, rt_type_getattr/setattr,
 * rt_getattr_opt, rt_instance_dict*, rt_method_lookup, rt_special_lookup, rt_call_special.
 *
 * Lookup order (object.__getattribute__, exactly CPython's): a data descriptor found on the
 * type (has __set__/__delete__) wins; then the instance __dict__; then a non-data descriptor
 * (bound through __get__) or plain class attribute; else AttributeError.  On a type object
 * (type.__getattribute__): the metatype's data descriptors, then the type's own MRO (bound
 * with no instance), then the metatype's other attributes.
 *
 * The method cache maps (type, name object) to the MRO lookup's result, 0 included.  An entry
 * is valid while its type (and the found value's type, whose __get__/__set__ slots it keeps)
 * are at the versions it was filled at: rt_type_modified renews the versions of the modified
 * type's subtree only, so `Cls.count += 1` leaves the other classes' entries alone.  Entries keep their
 * type and name alive (the table is a GC root), so a pointer can never be reused for another
 * type or name while an entry names it.  Not thread-safe yet: see the known gaps.
 */
#include <stdint.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_class.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_str.h"
#include "class_internal.h"

/* ================================================================ type dicts and MRO ====== */

Value rt_type_dict(Type *t)
{
    if (t->dict)
        return t->dict;
    if (!t->mro && rt_type_ready(t) < 0)
        return RT_ERR;
    Value d = rt_dict_new();
    if (!d)
        return RT_ERR;
    /* published before filling: filling may look attributes up (interning, slot tables) */
    t->dict = d;
    if (rt_descr_fill_builtin(t, d) < 0)
        return RT_ERR;
    return d;
}

/* the uncached lookup: each type of the MRO in order */
static Value lookup_mro(Type *t, Value name)
{
    if (!t->mro)
        rt_type_ready(t);
    if (t->mro) {
        TupleObject *m = (TupleObject *)rt_obj(t->mro);
        for (int64_t i = 0; i < m->size; i++) {
            Value d = rt_type_dict((Type *)rt_obj(m->items[i]));
            if (!d)
                return RT_ERR;
            Value v = rt_dict_get(d, name);
            if (v)
                return v;
        }
        return 0;
    }
    /* not ready (out of memory): the base chain is a usable approximation */
    for (; t; t = t->base) {
        Value d = rt_type_dict(t);
        Value v = d ? rt_dict_get(d, name) : 0;
        if (v)
            return v;
    }
    return 0;
}

#define MCACHE_BITS 12
/* value's descriptor slots are cached with it for the instance lookup: get is its type's
 * __get__ slot and data says whether that type has __set__.  An entry is valid while its type
 * is at the version it was filled at: a lookup on t reads the dicts of t's MRO, and a change to
 * any of them (rt_type_modified) bumps t through the subclass walk, so a class attribute store
 * invalidates only that class's subtree, not every type's entries.  Slots change only through
 * a type's namespace (rt_type_setattr, a new version), so the slots cached for the value are
 * valid while dtype is at dversion; dtype also notices a descriptor whose __class__ was
 * reassigned, which changes no type. */
typedef struct MCEntry {
    Type *type;
    Value name;
    Value value;
    Type *dtype;        /* value's type (0 for a small int or no value) */
    DescrGetFn get;
    DescrSetFn set;
    uint32_t version;   /* type->version when filled */
    uint32_t dversion;  /* dtype->version when filled */
    int data;
} MCEntry;
static MCEntry mcache[1 << MCACHE_BITS];
/* Type versions are 32-bit and never reused: a type modified after the counter ran out gets
 * VERSION_NONE for good, which no cache (this one, the per-site AttrCaches) ever stores, so a
 * wrapped-around version can never make a stale entry valid (CPython's "unversioned" types). */
#define VERSION_NONE UINT32_MAX
static uint32_t next_version = 1;

static DescrGetFn get_slot(Type *t);
static DescrSetFn set_slot(Type *t);

static void bump_version(Type *t, void *arg)
{
    (void)arg;
    t->version = next_version < VERSION_NONE - 1 ? ++next_version : VERSION_NONE;
    /* the caches hold (type, version) for subclasses too: their lookups go through t */
    rt_type_foreach_subclass(t, bump_version, NULL);
}

void rt_type_modified(Type *t) { bump_version(t, NULL); }

uint32_t rt_type_version_skip(uint32_t n)
{
    uint32_t old = next_version;
    next_version = n;
    return old;
}

/* the miss path of mcache_find: the MRO lookup, stored in e */
static __attribute__((noinline)) MCEntry *mcache_fill(MCEntry *e, Type *t, Value name)
{
    /* read first: whatever the lookup runs that modifies a type makes the entry stale */
    uint32_t version = t->version;
    Value v = lookup_mro(t, name);
    if (rt_exc_pending())
        return NULL;
    e->type = t;
    e->name = name;
    e->value = v;
    e->dtype = NULL;
    e->get = NULL;
    e->set = NULL;
    e->data = 0;
    if (v && !rt_is_small(v)) {
        e->dtype = rt_obj(v)->type;
        e->get = get_slot(e->dtype);
        e->set = set_slot(e->dtype);
        e->data = e->get && e->set;
    }
    e->version = version;
    e->dversion = e->dtype ? e->dtype->version : 0;
    if (version == VERSION_NONE || e->dversion == VERSION_NONE)
        e->type = NULL;   /* the result, this once: an unversioned type is never cached */
    return e;
}

/* the cache entry for (t, name), filled on a miss; NULL with an exception pending */
static inline MCEntry *mcache_find(Type *t, Value name)
{
    uintptr_t h = ((uintptr_t)t >> 4) * 0x9E3779B97F4A7C15u ^ ((uintptr_t)name >> 4);
    MCEntry *e = &mcache[(h ^ (h >> 29)) & ((1u << MCACHE_BITS) - 1)];
    if (__builtin_expect(e->type == t && e->name == name && e->version == t->version &&
                         (!e->dtype || e->dtype->version == e->dversion), 1))
        return e;
    return mcache_fill(e, t, name);
}

Value rt_type_lookup(Type *t, Value name)
{
    MCEntry *e = mcache_find(t, name);
    return e ? e->value : 0;
}

/* The interned str of a C name: the runtime's special-method lookups (__init__ for every
 * instance creation, __sub__ for every operator on an instance) pass the same literals over
 * and over, so the last interned str per (hashed) pointer is kept, its text compared to be
 * sure the pointer still names the same characters. */
static Value intern_cached(const char *name)
{
    static struct { const char *p; Value v; } memo[128];
    size_t i = ((uintptr_t)name >> 3) & 127;
    if (memo[i].p == name && memo[i].v && !strcmp(rt_str_bytes(memo[i].v), name))
        return memo[i].v;
    Value n = rt_str_intern(name);
    if (n) {
        memo[i].p = name;
        memo[i].v = n;
    }
    return n;
}

Value rt_type_lookup_cstr(Type *t, const char *name)
{
    Value n = intern_cached(name);
    return n ? rt_type_lookup(t, n) : 0;
}

/* ================================================================ instance dicts ========== */

Value *rt_instance_dict_slot(Value obj)
{
    if (rt_is_small(obj))
        return NULL;
    Object *o = rt_obj(obj);
    Type *t = o->type;
    ptrdiff_t off = t->dictoffset;
    /* a fixed-layout instance (fixed.c) gets its real dict now, used from then on */
    if (t->fixed && rt_fixed_materialise(obj) < 0)
        return NULL;
    if (off > 0)
        return (Value *)((char *)o + off);
    if (off < 0) {
        /* variable-size layouts: the dict pointer follows the items (tuple subclasses) or,
         * 8-byte aligned, the text's NUL (str subclasses, see rt_str_tp_new) */
        if (t->flags & RT_TPFLAG_STR_SUBCLASS) {
            StrObject *so = (StrObject *)o;
            uintptr_t end = (uintptr_t)(so->data + so->size + 1);
            return (Value *)((end + 7) & ~(uintptr_t)7) + (-off - 1);
        }
        TupleObject *tp = (TupleObject *)o;
        return &tp->items[tp->size] + (-off - 1);
    }
    if (t->flags & RT_TPFLAG_EXC_SUBCLASS)
        return &((ExcObject *)o)->dict;
    return NULL;
}

Value rt_instance_dict(Value obj)
{
    Value *slot = rt_instance_dict_slot(obj);
    if (!slot)
        return rt_raise_fmt(rt_AttributeError, "'%T' object has no attribute '__dict__'", obj);
    if (!*slot && !(*slot = rt_dict_new()))
        return RT_ERR;
    return *slot;
}

/* ================================================================ descriptor helpers ====== */

static DescrGetFn get_slot(Type *t)
{
    for (; t; t = t->base)
        if (t->descr_get)
            return t->descr_get;
    return NULL;
}

static DescrSetFn set_slot(Type *t)
{
    for (; t; t = t->base)
        if (t->descr_set)
            return t->descr_set;
    return NULL;
}

Value rt_descr_bind(Value descr, Value obj, Type *type)
{
    if (rt_is_small(descr))
        return descr;
    DescrGetFn g = get_slot(rt_obj(descr)->type);
    return g ? g(descr, obj, rt_val(type)) : descr;
}

static Value name_error(Value name)
{
    return rt_raise_fmt(rt_TypeError, "attribute name must be string, not '%T'", name);
}

/* ================================================================ object.__getattribute__ = */

Value rt_object_generic_getattr(Value obj, Value name)
{
    if (!rt_is_strv(name))
        return name_error(name);
    Type *tp = rt_typeof(obj);
    MCEntry *e = mcache_find(tp, name);
    if (!e)
        return RT_ERR;
    Value descr = e->value;
    DescrGetFn g = NULL;
    if (descr && !rt_is_small(descr)) {
        Type *dt = rt_obj(descr)->type;
        if (__builtin_expect(dt == e->dtype, 1)) {
            g = e->get;
            if (e->data)
                return g(descr, obj, rt_val(tp));
        } else {
            g = get_slot(dt);
            if (g && set_slot(dt))
                return g(descr, obj, rt_val(tp));
        }
    }
    if (tp->fixed) {   /* a slot of a fixed-layout instance not materialised (fixed.c) */
        Value v = rt_fixed_get(obj, name);
        if (v)
            return v;
        if (rt_exc_pending())
            return RT_ERR;
    }
    Value *ds = !rt_is_small(obj) && tp->dictoffset > 0
                    ? (Value *)((char *)rt_obj(obj) + tp->dictoffset)
                    : rt_instance_dict_slot(obj);
    if (ds && *ds) {
        Value v = rt_dict_get(*ds, name);
        if (v)
            return v;
        if (rt_exc_pending())
            return RT_ERR;
    }
    if (g)
        return g(descr, obj, rt_val(tp));
    if (descr)
        return descr;
    /* exceptions keep args, __cause__, errno ... in C fields */
    if (tp->flags & RT_TPFLAG_EXC_SUBCLASS) {
        Value v = rt_exc_getattr(obj, rt_str_bytes(name));
        if (v || rt_exc_pending())
            return v;
    }
    return rt_raise_fmt(rt_AttributeError, "'%s' object has no attribute '%U'", tp->name, name);
}

int rt_object_generic_setattr(Value obj, Value name, Value value)
{
    if (!rt_is_strv(name)) {
        name_error(name);
        return -1;
    }
    Type *tp = rt_typeof(obj);
    MCEntry *e = mcache_find(tp, name);
    if (!e)
        return -1;
    Value descr = e->value;
    if (descr && !rt_is_small(descr)) {
        Type *dt = rt_obj(descr)->type;
        DescrSetFn s = __builtin_expect(dt == e->dtype, 1) ? e->set : set_slot(dt);
        if (s)
            return s(descr, obj, value);
    }
    if (value && (tp->flags & RT_TPFLAG_EXC_SUBCLASS)) {
        int r = rt_exc_setattr(obj, rt_str_bytes(name), value);
        if (r <= 0)
            return r;
    }
    if (tp->fixed) {   /* a slot, else the instance is materialised (fixed.c) */
        int r = rt_fixed_set(obj, name, value);
        if (r <= 0)
            return r;
    }
    Value *ds = !rt_is_small(obj) && tp->dictoffset > 0
                    ? (Value *)((char *)rt_obj(obj) + tp->dictoffset)
                    : rt_instance_dict_slot(obj);
    if (!ds) {
        if (descr)
            rt_raise_fmt(rt_AttributeError, "'%s' object attribute '%U' is read-only", tp->name,
                         name);
        else
            rt_raise_fmt(rt_AttributeError, "'%s' object has no attribute '%U'", tp->name, name);
        return -1;
    }
    if (value) {
        if (!*ds && !(*ds = rt_dict_new()))
            return -1;
        return rt_dict_set(*ds, name, value);
    }
    if (*ds) {
        int has = rt_dict_contains(*ds, name);
        if (has < 0)
            return -1;
        if (has)
            return rt_dict_del(*ds, name);
    }
    rt_raise_fmt(rt_AttributeError, "'%s' object has no attribute '%U'", tp->name, name);
    return -1;
}

/* ================================================================ type.__getattribute__ == */

Value rt_type_getattr(Value type, Value name)
{
    if (!rt_is_strv(name))
        return name_error(name);
    Type *t = (Type *)rt_obj(type);
    Type *meta = rt_typeof(type);
    Value meta_attr = rt_type_lookup(meta, name);
    DescrGetFn mg = NULL;
    if (meta_attr && !rt_is_small(meta_attr)) {
        Type *dt = rt_obj(meta_attr)->type;
        mg = get_slot(dt);
        if (mg && set_slot(dt))
            return mg(meta_attr, type, rt_val(meta));
    }
    Value attr = rt_type_lookup(t, name);
    if (attr) {
        DescrGetFn g = rt_is_small(attr) ? NULL : get_slot(rt_obj(attr)->type);
        return g ? g(attr, 0, type) : attr;
    }
    if (rt_exc_pending())
        return RT_ERR;
    if (mg)
        return mg(meta_attr, type, rt_val(meta));
    if (meta_attr)
        return meta_attr;
    return rt_raise_fmt(rt_AttributeError, "type object '%s' has no attribute '%U'", t->name,
                        name);
}

int rt_type_setattr(Value type, Value name, Value value)
{
    if (!rt_is_strv(name)) {
        name_error(name);
        return -1;
    }
    Type *t = (Type *)rt_obj(type);
    if (!(t->flags & RT_TPFLAG_HEAPTYPE)) {
        rt_raise_fmt(rt_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                     t->name);
        return -1;
    }
    Type *meta = rt_typeof(type);
    Value meta_attr = rt_type_lookup(meta, name);
    if (meta_attr && !rt_is_small(meta_attr)) {
        DescrSetFn s = set_slot(rt_obj(meta_attr)->type);
        if (s)
            return s(meta_attr, type, value);
    }
    Value d = rt_type_dict(t);
    if (!d)
        return -1;
    if (value) {
        if (rt_dict_set(d, name, value) < 0)
            return -1;
    } else {
        int has = rt_dict_contains(d, name);
        if (has <= 0) {
            if (has == 0)
                rt_raise_fmt(rt_AttributeError, "type object '%s' has no attribute '%U'",
                             t->name, name);
            return -1;
        }
        if (rt_dict_del(d, name) < 0)
            return -1;
    }
    rt_type_modified(t);
    const char *s = rt_str_bytes(name);
    size_t n = rt_str_nbytes(name);
    if (n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_') {
        rt_slots_update_name(t, name);
        /* the cache holds descriptor slots (__get__/__set__) looked up meanwhile */
        rt_type_modified(t);
    }
    return 0;
}

/* ================================================================ the rt.h entry points == */

static GetAttrFn getattr_slot(Type *t)
{
    for (; t; t = t->base)
        if (t->getattr)
            return t->getattr;
    return NULL;
}

static SetAttrFn setattr_slot(Type *t)
{
    for (; t; t = t->base)
        if (t->setattr)
            return t->setattr;
    return NULL;
}

Value rt_getattr(Value obj, Value name)
{
    Type *t = rt_typeof(obj);
    GetAttrFn f = getattr_slot(t);
    if (f)
        return f(obj, name);
    return rt_object_generic_getattr(obj, name);
}

Value rt_getattr_cstr(Value obj, const char *name)
{
    Value n = intern_cached(name);
    return n ? rt_getattr(obj, n) : RT_ERR;
}

int rt_setattr(Value obj, Value name, Value value)
{
    SetAttrFn f = setattr_slot(rt_typeof(obj));
    if (f)
        return f(obj, name, value);
    return rt_object_generic_setattr(obj, name, value);
}

int rt_delattr(Value obj, Value name) { return rt_setattr(obj, name, 0); }

int rt_getattr_opt(Value obj, Value name, Value *out)
{
    Value v = rt_getattr(obj, name);
    if (v) {
        *out = v;
        return 1;
    }
    Value e = rt_exc_pending();
    if (e && rt_issubtype(rt_typeof(e), rt_AttributeError)) {
        rt_exc_fetch();
        return 0;
    }
    return -1;
}

/* ================================================================ method calls ============ */

/* can `descr` be called as descr(obj, *args) in place of binding it first? */
static int unbound_callable(Value descr)
{
    if (rt_is_small(descr))
        return 0;
    Type *dt = rt_obj(descr)->type;
    return dt == &rt_function_type || dt == &rt_method_descriptor_type ||
           dt == &rt_wrapper_descriptor_type;
}

int rt_method_lookup(Value obj, Value name, Value *meth)
{
    Type *tp = rt_typeof(obj);
    GetAttrFn f = getattr_slot(tp);
    if (!f || f == rt_object_generic_getattr) {
        Value descr = rt_type_lookup(tp, name);
        if (descr && unbound_callable(descr)) {
            /* an instance attribute of the same name shadows the method */
            Value v = tp->fixed ? rt_fixed_get(obj, name) : 0;
            Value *ds = v || (tp->fixed && !(*(uint64_t *)((char *)rt_obj(obj) + RT_FIXED_BITS) &
                                             RT_FIXED_MAT))
                            ? NULL
                            : rt_instance_dict_slot(obj);
            if (ds && *ds)
                v = rt_dict_get(*ds, name);
            if (v) {
                *meth = v;
                return 0;
            }
            if (rt_exc_pending())
                return -1;
            *meth = descr;
            return 1;
        }
    }
    Value v = rt_getattr(obj, name);
    if (!v)
        return -1;
    *meth = v;
    return 0;
}

/* func(self, *args): the arguments with self in front (vectorcall layout kept) */
static Value call_prepend(Value func, Value self, const Value *args, size_t nargs,
                          Value kwnames)
{
    size_t n = nargs + rt_nkw(kwnames);
    Value small[8];
    Value *buf = n < 8 ? small : rt_alloc((n + 1) * sizeof(Value));
    if (!buf)
        return RT_ERR;
    buf[0] = self;
    if (n)
        memcpy(buf + 1, args, n * sizeof(Value));
    return rt_call(func, buf, nargs + 1, kwnames);
}

Value rt_call_with_self(Value func, Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (!rt_is_small(func)) {
        Type *ft = rt_obj(func)->type;
        if (ft == &rt_method_descriptor_type) {
            MethodDescrObject *m = (MethodDescrObject *)rt_obj(func);
            return rt_md_call(m->def, m->owner, self, args, nargs, kwnames);
        }
        if (ft == &rt_wrapper_descriptor_type)
            return rt_wrapper_call((WrapperDescrObject *)rt_obj(func), self, args, nargs,
                                   kwnames);
        if (ft == &rt_function_type)
            return rt_function_call_self(func, self, args, nargs, kwnames);
    }
    /* anything else is bound as an attribute would be (a built-in function stored in a
     * class is called without self, as in CPython) */
    Value b = rt_descr_bind(func, self, rt_typeof(self));
    return b ? rt_call(b, args, nargs, kwnames) : RT_ERR;
}

Value rt_call_prepend(Value func, Value self, const Value *args, size_t nargs, Value kwnames)
{
    return call_prepend(func, self, args, nargs, kwnames);
}

Value rt_call_method(Value obj, Value name, const Value *args, size_t nargs, Value kwnames)
{
    Value m;
    int r = rt_method_lookup(obj, name, &m);
    if (r < 0)
        return RT_ERR;
    if (r)
        return rt_call_with_self(m, obj, args, nargs, kwnames);
    return rt_call(m, args, nargs, kwnames);
}

Value rt_special_lookup(Value obj, const char *name)
{
    Type *tp = rt_typeof(obj);
    Value d = rt_type_lookup_cstr(tp, name);
    if (!d)
        return 0;
    return rt_descr_bind(d, obj, tp);
}

/* What the interpreter raises when the special method `name` is missing from the type of an
 * object of type tp (CPython 3.11's BEFORE_WITH, BEFORE_ASYNC_WITH, GET_AITER, GET_ANEXT). */
static Value special_missing(Type *tp, const char *name)
{
    static const struct { const char *name, *fmt; } msgs[] = {
        {"__enter__", "'%s' object does not support the context manager protocol"},
        {"__exit__", "'%s' object does not support the context manager protocol "
                     "(missed __exit__ method)"},
        {"__aenter__", "'%s' object does not support the asynchronous context manager protocol"},
        {"__aexit__", "'%s' object does not support the asynchronous context manager protocol "
                      "(missed __aexit__ method)"},
        {"__aiter__", "'async for' requires an object with __aiter__ method, got %s"},
        /* CPython checks __anext__ as soon as __aiter__ returned (GET_AITER), here at the
         * first step, which follows at once */
        {"__anext__", "'async for' received an object from __aiter__ that does not implement "
                      "__anext__: %s"},
    };
    for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
        if (!strcmp(msgs[i].name, name))
            return rt_raise_fmt(rt_TypeError, msgs[i].fmt, tp->name);
    return rt_raise_fmt(rt_AttributeError, "%s", name);
}

Value rt_lookup_special(Value obj, Value name)
{
    Type *tp = rt_typeof(obj);
    Value d = rt_type_lookup(tp, name);
    if (!d)
        return rt_exc_pending() ? RT_ERR : special_missing(tp, rt_str_data(name));
    return rt_descr_bind(d, obj, tp);
}

Value rt_call_special(Value obj, const char *name, const Value *args, size_t nargs, int *found)
{
    Type *tp = rt_typeof(obj);
    Value d = rt_type_lookup_cstr(tp, name);
    if (found)
        *found = d != 0;
    if (!d) {
        if (rt_exc_pending() || found)
            return RT_ERR;
        return rt_raise_fmt(rt_AttributeError, "'%s' object has no attribute '%s'", tp->name,
                            name);
    }
    if (unbound_callable(d))
        return rt_call_with_self(d, obj, args, nargs, 0);
    Value b = rt_descr_bind(d, obj, tp);
    return b ? rt_call(b, args, nargs, 0) : RT_ERR;
}

/* ================================================================ per-site caches ========= */

/* What an AttrCache (rt.h) holds.  Every kind is valid only for the exact type and version it
 * was filled for; the kinds that read the type's attribute require it to be of a built-in
 * (non-heap) type, whose descriptor slots can never change, and to be no data descriptor
 * unless the kind says so: CPython's generic lookup order is preserved case by case. */
enum {
    AC_EMPTY = RT_AC_EMPTY,   /* nothing cached (or not cacheable): the generic path */
    AC_DICT = RT_AC_DICT,     /* the instance dict's entry number `index`, if it still holds
                                 the name (compiled code tests this kind inline) */
    AC_CLASS = 2,   /* `value`, a class attribute that is no descriptor, unless the instance
                   dict has the name */
    AC_METHOD = RT_AC_METHOD,   /* `value`, a function or method descriptor (bound through
                   fn, or called with self by a method call), unless the instance dict has the
                   name (compiled method calls test this kind inline) */
    AC_NDESCR,  /* `value`, another non-data descriptor: fn(value, obj, type), unless the
                   instance dict has the name */
    AC_SLOT,    /* a __slots__ member at byte offset `index` of the object */
    AC_DATA,    /* `value`, a data descriptor (property, getset): fn is its __get__/__set__ */
    AC_FIXED,   /* slot `index & 255` of a fixed layout (fixed.c), an unboxed double when
                   index >> 8; the name is no class attribute.  A get hits while the slot's
                   bit is set, a set while the instance is not materialised */
};

/* the fixed-layout slot of entry c: its value (boxed), 0 when unset or materialised */
static inline Value fixed_hit(Object *o, int64_t index)
{
    uint64_t bits = *(uint64_t *)((char *)o + RT_FIXED_BITS);
    int64_t k = index & 255;
    if (!(bits & (UINT64_C(1) << k)))
        return 0;
    uint64_t w = *(uint64_t *)((char *)o + RT_FIXED_SLOTS + 8 * k);
    if (index >> 8) {
        double d;
        memcpy(&d, &w, sizeof d);
        return rt_float(d);
    }
    return (Value)w;
}

/* a store into the fixed-layout slot of entry c: 0 done, 1 not possible here */
static inline int fixed_store(Object *o, int64_t index, Value value)
{
    uint64_t *bits = (uint64_t *)((char *)o + RT_FIXED_BITS);
    int64_t k = index & 255;
    if (*bits & RT_FIXED_MAT)
        return 1;
    uint64_t *slot = (uint64_t *)((char *)o + RT_FIXED_SLOTS + 8 * k);
    if (index >> 8) {
        if (rt_is_small(value) || rt_obj(value)->type != &rt_float_type)
            return 1;
        memcpy(slot, &((FloatObject *)rt_obj(value))->v, sizeof(double));
    } else {
        *slot = (uint64_t)value;
    }
    *bits |= UINT64_C(1) << k;
    return 0;
}

static inline DictObject *as_dict(Value d) { return (DictObject *)rt_obj(d); }

static inline int64_t name_hash(Value name)
{
    int64_t h = ((StrObject *)rt_obj(name))->hash;
    return h != -1 ? h : rt_hash(name);
}

/* the instance dict of o (0 when it has none yet) for a type with a fixed dict offset */
static inline Value inst_dict(Object *o, Type *tp)
{
    return tp->dictoffset > 0 ? *(Value *)((char *)o + tp->dictoffset) : 0;
}

/* name's bits in a dict's keybits (rt.h DictObject, rt_keybits) */
static inline int64_t name_bit(Value name) { return (int64_t)rt_keybits(name_hash(name)); }

/* can keybits (of an instance dict) hold a key with bits `bit`? */
static inline int may_hold(uint64_t keybits, int64_t bit)
{
    return (keybits & (uint64_t)bit) == (uint64_t)bit;
}

/* does instance dict d (may be 0) hold name?  1 / 0, -1 after raising.  bit: name_bit(name),
 * which the entries that need this test keep as their index */
static inline int shadowed(Value d, Value name, int64_t bit)
{
    if (!d || !may_hold(as_dict(d)->keybits, bit))
        return 0;
    int64_t ix = rt_dict_find_hashed(d, name, name_hash(name));
    return ix >= 0 ? 1 : ix == -1 ? 0 : -1;
}

/* The way of c that holds tp at its current version, or NULL (none, or a stale one). */
static inline AttrCacheEntry *ac_way(AttrCache *c, const Type *tp)
{
    for (int i = 0; i < RT_ATTR_CACHE_WAYS; i++)
        if (c->e[i].type == tp)
            return c->e[i].version == tp->version ? &c->e[i] : NULL;
    return NULL;
}

/* Drops tp's entry: a miss on it re-classifies, and may find nothing cacheable. */
static void ac_forget(AttrCache *c, Type *tp)
{
    for (int i = 0; i < RT_ATTR_CACHE_WAYS; i++)
        if (c->e[i].type == tp)
            c->e[i].type = NULL;
}

/* Fills an entry for tp, put first: the others move down, the last one (or tp's old entry,
 * or an empty one) is dropped. */
static void ac_store(AttrCache *c, Type *tp, uint32_t version, int kind, int64_t index,
                     Value value, void *fn)
{
    if (version == VERSION_NONE)
        return;
    int j = RT_ATTR_CACHE_WAYS - 1;
    for (int i = 0; i < RT_ATTR_CACHE_WAYS; i++)
        if (c->e[i].type == tp || !c->e[i].type) {
            j = i;
            break;
        }
    memmove(&c->e[1], &c->e[0], (size_t)j * sizeof c->e[0]);
    AttrCacheEntry *e = &c->e[0];
    e->kind = (uint32_t)kind;
    e->index = index;
    e->value = value;
    e->fn = fn;
    e->version = version;
    e->type = tp;
}

/* types whose instances follow object.__getattribute__ with a plain dict offset */
static int cacheable_type(Type *tp, int set)
{
    if (tp->flags & RT_TPFLAG_EXC_SUBCLASS || tp->dictoffset < 0)
        return 0;
    if (set) {
        SetAttrFn f = setattr_slot(tp);
        return !f || f == rt_object_generic_setattr;
    }
    GetAttrFn f = getattr_slot(tp);
    return !f || f == rt_object_generic_getattr;
}

static int builtin_typed(Value v)
{
    return !v || rt_is_small(v) || !(rt_obj(v)->type->flags & RT_TPFLAG_HEAPTYPE);
}

/* A cached getattr (self == NULL) or method lookup (self != NULL) on a hit: 1 with *out set
 * (RT_ERR after raising), 0 on a miss. */
static inline int ac_hit(Object *o, Type *tp, Value name, AttrCacheEntry *c, Value *self,
                         Value *out)
{
    Value d = inst_dict(o, tp);
    int sh;
    switch (c->kind) {
    case AC_DICT:
        if (d) {
            DictObject *dd = as_dict(d);
            if (c->index < dd->nentries && dd->entries[c->index].key == name) {
                *out = dd->entries[c->index].value;
                return 1;
            }
            /* another instance: the name may sit elsewhere in its dict */
            int64_t ix = rt_dict_find_hashed(d, name, name_hash(name));
            if (ix >= 0 && dd->entries[ix].key == name) {
                c->index = ix;
                *out = dd->entries[ix].value;
                return 1;
            }
            if (ix == -2) {
                *out = RT_ERR;
                return 1;
            }
        }
        return 0;
    case AC_SLOT:
        /* an unset slot is a miss: the generic path raises its AttributeError */
        return (*out = *(Value *)((char *)o + c->index)) != 0;
    case AC_DATA:
        *out = ((DescrGetFn)c->fn)(c->value, rt_val(o), rt_val(tp));
        return 1;
    case AC_FIXED:
        /* boxing may fail: RT_ERR with MemoryError pending is a hit too */
        if (!(*(uint64_t *)((char *)o + RT_FIXED_BITS) & (UINT64_C(1) << (c->index & 255))))
            return 0;
        *out = fixed_hit(o, c->index);
        return 1;
    case AC_CLASS:
    case AC_METHOD:
    case AC_NDESCR:
        if ((sh = shadowed(d, name, c->index)) != 0) {
            *out = RT_ERR;
            return sh < 0;
        }
        if (c->kind == AC_CLASS) {
            *out = c->value;
        } else if (self && c->kind == AC_METHOD) {
            *self = rt_val(o);
            *out = c->value;
        } else {
            *out = ((DescrGetFn)c->fn)(c->value, rt_val(o), rt_val(tp));
        }
        return 1;
    }
    return 0;
}

/* The miss path: the lookup of rt_object_generic_getattr, classifying what it finds. */
static __attribute__((noinline)) Value get_fill(Value obj, Value name, AttrCache *c,
                                                Value *self)
{
    if (rt_is_small(obj) || rt_is_small(name) || rt_obj(name)->type != &rt_str_type ||
        !cacheable_type(rt_obj(obj)->type, 0))
        goto generic;
    Type *tp = rt_obj(obj)->type;
    ac_forget(c, tp);
    /* read first: whatever the lookup or a descriptor runs that changes the type makes the
     * entry stale */
    uint32_t version = tp->version;
    MCEntry *e = mcache_find(tp, name);
    if (!e)
        return RT_ERR;
    int64_t slot = tp->fixed ? rt_fixed_index(tp, name) : -1;
    if (slot >= 0) {   /* a slot of a fixed layout (fixed.c), no class attribute of the name */
        if (!e->value)
            ac_store(c, tp, version, AC_FIXED, slot | (int64_t)tp->fixed->f64[slot] << 8, 0,
                     NULL);
        goto generic;
    }
    Value descr = e->value;
    Type *dt = descr && !rt_is_small(descr) ? rt_obj(descr)->type : NULL;
    DescrGetFn g = dt ? get_slot(dt) : NULL;
    int fixed = builtin_typed(descr);
    if (g && set_slot(dt)) {
        if (dt == &rt_member_descriptor_type &&
            rt_issubtype(tp, ((MemberDescrObject *)rt_obj(descr))->owner))
            ac_store(c, tp, version, AC_SLOT,
                     (int64_t)((MemberDescrObject *)rt_obj(descr))->offset, descr, NULL);
        else if (fixed)
            ac_store(c, tp, version, AC_DATA, 0, descr, (void *)g);
        return g(descr, obj, rt_val(tp));
    }
    Value d = inst_dict(rt_obj(obj), tp);
    if (d) {
        int64_t ix = rt_dict_find_hashed(d, name, name_hash(name));
        if (ix == -2)
            return RT_ERR;
        if (ix >= 0) {
            DictEntry *de = &as_dict(d)->entries[ix];
            if (fixed && de->key == name)
                ac_store(c, tp, version, AC_DICT, ix, 0, NULL);
            return de->value;
        }
    }
    if (g) {
        int unbound = unbound_callable(descr);
        if (fixed)
            ac_store(c, tp, version, unbound ? AC_METHOD : AC_NDESCR, name_bit(name), descr,
                     (void *)g);
        if (self && unbound) {
            *self = obj;
            return descr;
        }
        return g(descr, obj, rt_val(tp));
    }
    if (descr) {
        if (fixed)
            ac_store(c, tp, version, AC_CLASS, name_bit(name), descr, NULL);
        return descr;
    }
generic:
    if (self) {
        Value m;
        int r = rt_method_lookup(obj, name, &m);
        if (r < 0)
            return RT_ERR;
        *self = r ? obj : 0;
        return m;
    }
    return rt_getattr(obj, name);
}

/* The hit paths of the per-site caches scan every way for the receiver's type (a polymorphic
 * site's types take turns in the first way, which generated code tests inline) and finish the
 * common kinds here, in a function with no frame to set up; the other kinds and the misses
 * go on in the noinline functions below. */

/* an entry of c for tp at its current version (not the first one: generated code tested it) */
static __attribute__((noinline)) Value get_slow(Object *o, Type *tp, Value name, AttrCache *c,
                                                AttrCacheEntry *e, Value *self)
{
    Value v;
    if (e && ac_hit(o, tp, name, e, self, &v))
        return v;
    return get_fill(rt_val(o), name, c, self);
}

Value rt_getattr_cached(Value obj, Value name, AttrCache *c)
{
    if (__builtin_expect(rt_is_small(obj), 0))
        return get_fill(obj, name, c, NULL);
    Object *o = rt_obj(obj);
    Type *tp = o->type;
    AttrCacheEntry *e = ac_way(c, tp);
    if (e) {
        if (e->kind == AC_DICT) {
            /* the kind implies a positive dict offset */
            Value d = *(Value *)((char *)o + tp->dictoffset);
            if (d) {
                DictObject *dd = as_dict(d);
                if (e->index < dd->nentries && dd->entries[e->index].key == name)
                    return dd->entries[e->index].value;
            }
        } else if (e->kind == AC_SLOT) {
            /* an unset slot goes on to the generic path, which raises */
            Value v = *(Value *)((char *)o + e->index);
            if (v)
                return v;
        } else if (e->kind == AC_CLASS) {
            Value d = inst_dict(o, tp);
            if (!d || !may_hold(as_dict(d)->keybits, e->index))
                return e->value;
        } else if (e->kind == AC_FIXED && e->index < 256) {   /* a Value slot (fixed.c) */
            uint64_t bits = *(uint64_t *)((char *)o + RT_FIXED_BITS);
            if (bits & (UINT64_C(1) << e->index))
                return *(Value *)((char *)o + RT_FIXED_SLOTS + 8 * e->index);
        }
    }
    return get_slow(o, tp, name, c, e, NULL);
}

Value rt_getmethod_cached(Value obj, Value name, AttrCache *c, Value *self)
{
    *self = 0;
    if (__builtin_expect(rt_is_small(obj), 0))
        return get_fill(obj, name, c, self);
    Object *o = rt_obj(obj);
    Type *tp = o->type;
    AttrCacheEntry *e = ac_way(c, tp);
    if (e) {
        /* the common case: a method, and no instance attribute of its name (not all of the
         * name's bits are set in the dict's keybits, or else the dict lacks it) */
        if (e->kind == AC_METHOD) {
            Value d = inst_dict(o, tp);
            if (!d || !may_hold(as_dict(d)->keybits, e->index)) {
                *self = obj;
                return e->value;
            }
        }
    }
    return get_slow(o, tp, name, c, e, self);
}

/* The miss path of rt_setattr_cached: rt_object_generic_setattr's steps, classified. */
static __attribute__((noinline)) int set_fill(Value obj, Value name, Value value, AttrCache *c)
{
    if (!value || rt_is_small(obj) || rt_is_small(name) || rt_obj(name)->type != &rt_str_type ||
        !cacheable_type(rt_obj(obj)->type, 1))
        return rt_setattr(obj, name, value);
    Type *tp = rt_obj(obj)->type;
    ac_forget(c, tp);
    uint32_t version = tp->version;
    MCEntry *e = mcache_find(tp, name);
    if (!e)
        return -1;
    Value descr = e->value;
    Type *dt = descr && !rt_is_small(descr) ? rt_obj(descr)->type : NULL;
    DescrSetFn s = dt ? set_slot(dt) : NULL;
    int fixed = builtin_typed(descr);
    if (s) {
        int r = s(descr, obj, value);
        if (r == 0) {
            if (dt == &rt_member_descriptor_type &&
                rt_issubtype(tp, ((MemberDescrObject *)rt_obj(descr))->owner))
                ac_store(c, tp, version, AC_SLOT,
                         (int64_t)((MemberDescrObject *)rt_obj(descr))->offset, descr, NULL);
            else if (fixed)
                ac_store(c, tp, version, AC_DATA, 0, descr, (void *)s);
        }
        return r;
    }
    if (tp->fixed) {   /* a fixed layout (fixed.c): only a store into a slot is cached */
        int64_t k = rt_fixed_index(tp, name);
        int r = rt_object_generic_setattr(obj, name, value);
        if (r == 0 && k >= 0 && !descr &&
            !(*(uint64_t *)((char *)rt_obj(obj) + RT_FIXED_BITS) & RT_FIXED_MAT))
            ac_store(c, tp, version, AC_FIXED, k | (int64_t)tp->fixed->f64[k] << 8, 0, NULL);
        return r;
    }
    if (!fixed || tp->dictoffset <= 0)
        return rt_object_generic_setattr(obj, name, value);
    Value *ds = (Value *)((char *)rt_obj(obj) + tp->dictoffset);
    if (!*ds && !(*ds = rt_dict_new()))
        return -1;
    int64_t h = name_hash(name);
    if (rt_dict_set_hashed(*ds, name, h, value) < 0)
        return -1;
    int64_t ix = rt_dict_find_hashed(*ds, name, h);
    if (ix >= 0 && as_dict(*ds)->entries[ix].key == name)
        ac_store(c, tp, version, AC_DICT, ix, 0, NULL);
    return 0;
}

/* rt_setattr_cached on an entry of another kind than an instance-dict or slot one, or none */
static __attribute__((noinline)) int set_slow(Object *o, Type *tp, Value name, Value value,
                                              AttrCache *cache, AttrCacheEntry *c)
{
    if (c) {
        if (c->kind == AC_DATA)
            return ((DescrSetFn)c->fn)(c->value, rt_val(o), value);
        if (c->kind == AC_FIXED && fixed_store(o, c->index, value) == 0)
            return 0;
    }
    return set_fill(rt_val(o), name, value, cache);
}

int rt_setattr_cached(Value obj, Value name, Value value, AttrCache *cache)
{
    if (__builtin_expect(rt_is_small(obj) || !value, 0))
        return set_fill(obj, name, value, cache);
    Object *o = rt_obj(obj);
    Type *tp = o->type;
    AttrCacheEntry *c = ac_way(cache, tp);
    if (c) {
        if (c->kind == AC_DICT) {
            Value *ds = (Value *)((char *)o + tp->dictoffset);
            Value d = *ds;
            if (d) {
                DictObject *dd = as_dict(d);
                if (c->index < dd->nentries && dd->entries[c->index].key == name) {
                    dd->entries[c->index].value = value;
                    dd->version++;
                    return 0;
                }
            }
            /* another instance (a fresh one in __init__): the type still sends the name to
             * the instance dict, so only the dict changes, and the entry follows it */
            if (!d && !(d = *ds = rt_dict_new()))
                return -1;
            int64_t h = name_hash(name);
            if ((may_hold(as_dict(d)->keybits, (int64_t)rt_keybits(h)) ? rt_dict_set_hashed(d, name, h, value)
                                                         : rt_dict_insert_new(d, name, h, value)) < 0)
                return -1;
            DictObject *dd = as_dict(d);
            int64_t last = dd->nentries - 1;
            if (dd->entries[last].key == name)
                c->index = last;
            return 0;
        }
        if (c->kind == AC_FIXED && fixed_store(o, c->index, value) == 0)
            return 0;
        if (c->kind == AC_SLOT) {
            *(Value *)((char *)o + c->index) = value;
            return 0;
        }
    }
    return set_slow(o, tp, name, value, cache, c);
}

Value rt_call_method_ready(Value callable, Value self, Value *args, size_t nargs,
                           Value kwnames)
{
    if (!self)
        return rt_call(callable, args + 1, nargs, kwnames);
    /* self is set only for an unbound function or descriptor object (never a small int) */
    Type *ft = rt_obj(callable)->type;
    if (ft == &rt_function_type) {
        args[0] = self;
        return rt_function_vectorcall(callable, args, nargs + 1, kwnames);
    }
    if (ft == &rt_method_descriptor_type) {
        /* a built-in type's method (list.append, str.startswith): straight to its C entry */
        MethodDescrObject *m = (MethodDescrObject *)rt_obj(callable);
        return rt_md_call(m->def, m->owner, self, args + 1, nargs, kwnames);
    }
    return rt_call_with_self(callable, self, args + 1, nargs, kwnames);
}
