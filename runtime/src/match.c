/*
 * match.c - structural pattern matching for generated code, as CPython 3.11's MATCH_SEQUENCE,
 * MATCH_MAPPING, MATCH_CLASS and MATCH_KEYS (ceval.c match_class / match_keys).
 */
#include <stddef.h>
#include <string.h>

#include "rt.h"
#include "rt_containers.h"

int rt_match_seq(Value v);
int rt_match_map(Value v);
Value rt_match_class(Value subject, Value cls, int64_t npos, Value kwnames);
Value rt_match_keys(Value subject, Value keys);

static int str_is(Value s, const char *text)
{
    return s && !rt_is_small(s) && (rt_typeof(s)->flags & RT_TPFLAG_STR_SUBCLASS) &&
           strcmp(((StrObject *)rt_obj(s))->data, text) == 0;
}

/* t or a class of its MRO is collections.abc's class named one of names (the ABCs give their
 * subclasses CPython's Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING) */
static int mro_has_abc(const Type *t, const char *const *names)
{
    if (!t->mro || rt_is_small(t->mro) || rt_typeof(t->mro) != &rt_tuple_type)
        return 0;
    const TupleObject *mro = (const TupleObject *)rt_obj(t->mro);
    for (int64_t i = 0; i < mro->size; i++) {
        const Type *b = (const Type *)rt_obj(mro->items[i]);
        if (!str_is(b->module, "collections.abc") && !str_is(b->module, "_collections_abc"))
            continue;
        for (int j = 0; names[j]; j++)
            if (strcmp(b->name, names[j]) == 0 ||
                (strncmp(b->name, "collections.abc.", 16) == 0 && strcmp(b->name + 16, names[j]) == 0))
                return 1;
    }
    return 0;
}

/* MATCH_SEQUENCE: list, tuple, range and their subclasses, Sequence subclasses; never
 * str/bytes/bytearray */
int rt_match_seq(Value v)
{
    Type *t = rt_typeof(v);
    if (t->flags & (RT_TPFLAG_LIST_SUBCLASS | RT_TPFLAG_TUPLE_SUBCLASS))
        return 1;
    if ((t->flags & RT_TPFLAG_STR_SUBCLASS) || rt_issubtype(t, &rt_bytes_type) ||
        rt_issubtype(t, &rt_bytearray_type) || (t->flags & RT_TPFLAG_DICT_SUBCLASS))
        return 0;
    if (rt_issubtype(t, &rt_range_type) || strcmp(t->name, "collections.deque") == 0 ||
        strcmp(t->name, "memoryview") == 0)
        return 1;
    static const char *const seq[] = {"Sequence", "MutableSequence", NULL};
    return mro_has_abc(t, seq);
}

/* MATCH_MAPPING: dict and its subclasses, Mapping subclasses */
int rt_match_map(Value v)
{
    Type *t = rt_typeof(v);
    if (t->flags & RT_TPFLAG_DICT_SUBCLASS)
        return 1;
    if (t->flags & (RT_TPFLAG_LIST_SUBCLASS | RT_TPFLAG_TUPLE_SUBCLASS | RT_TPFLAG_STR_SUBCLASS))
        return 0;
    static const char *const map[] = {"Mapping", "MutableMapping", NULL};
    return mro_has_abc(t, map);
}

/* the builtins whose class pattern with one positional sub-pattern matches the subject itself
 * (CPython's _Py_TPFLAGS_MATCH_SELF, inherited by subclasses) */
static int match_self(Type *t)
{
    Type *const self_types[] = {&rt_bool_type, &rt_bytearray_type, &rt_bytes_type, &rt_dict_type,
                                &rt_float_type, &rt_frozenset_type, &rt_int_type, &rt_list_type,
                                &rt_set_type, &rt_str_type, &rt_tuple_type};
    for (size_t i = 0; i < sizeof self_types / sizeof *self_types; i++)
        if (rt_issubtype(t, self_types[i]))
            return 1;
    return 0;
}

/* getattr(subject, name) for a class pattern: 0 with no exception = no such attribute (no
 * match); a name seen before is an error */
static Value class_attr(Value subject, Type *type, Value name, Value seen)
{
    int dup = rt_set_contains(seen, name);
    if (dup < 0)
        return RT_ERR;
    if (dup)
        return rt_raise_fmt(rt_TypeError, "%s() got multiple sub-patterns for attribute %R",
                            type->name, name);
    if (rt_set_add(seen, name) < 0)
        return RT_ERR;
    Value a = rt_getattr(subject, name);
    if (!a && rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) == 1)
        rt_exc_fetch();
    return a;
}

/* MATCH_CLASS: a tuple of the npos positional then the keyword attributes, or None when the
 * subject does not match; kwnames: a tuple of str or 0 */
Value rt_match_class(Value subject, Value cls, int64_t npos, Value kwnames)
{
    if (rt_is_small(cls) || !rt_issubtype(rt_typeof(cls), &rt_type_type))
        return rt_raise_str(rt_TypeError, "called match pattern must be a type");
    Type *type = (Type *)rt_obj(cls);
    int is = rt_isinstance(subject, cls);
    if (is < 0)
        return RT_ERR;
    if (!is)
        return rt_None;
    int64_t nkw = kwnames ? ((TupleObject *)rt_obj(kwnames))->size : 0;
    Value r = rt_tuple_new(npos + nkw);
    Value seen = rt_set_new();
    if (!r || !seen)
        return RT_ERR;
    Value *out = ((TupleObject *)rt_obj(r))->items;
    if (npos) {
        Value match_args = rt_getattr(cls, rt_str_intern("__match_args__"));
        int64_t allowed;
        int self = 0;
        if (match_args) {
            if (rt_typeof(match_args) != &rt_tuple_type)
                return rt_raise_fmt(rt_TypeError, "%s.__match_args__ must be a tuple (got %T)",
                                    type->name, match_args);
            allowed = ((TupleObject *)rt_obj(match_args))->size;
        } else {
            if (rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) != 1)
                return RT_ERR;
            rt_exc_fetch();
            self = match_self(type);
            allowed = self;
        }
        if (allowed < npos)
            return rt_raise_fmt(rt_TypeError, "%s() accepts %lld positional sub-pattern%s (%lld given)",
                                type->name, (long long)allowed, allowed == 1 ? "" : "s",
                                (long long)npos);
        if (self) {
            out[0] = subject;
        } else {
            for (int64_t i = 0; i < npos; i++) {
                Value name = ((TupleObject *)rt_obj(match_args))->items[i];
                if (rt_is_small(name) || !(rt_typeof(name)->flags & RT_TPFLAG_STR_SUBCLASS))
                    return rt_raise_fmt(rt_TypeError,
                                        "__match_args__ elements must be strings (got %T)", name);
                Value a = class_attr(subject, type, name, seen);
                if (!a)
                    return rt_exc_pending() ? RT_ERR : rt_None;
                out[i] = a;
            }
        }
    }
    for (int64_t i = 0; i < nkw; i++) {
        Value a = class_attr(subject, type, ((TupleObject *)rt_obj(kwnames))->items[i], seen);
        if (!a)
            return rt_exc_pending() ? RT_ERR : rt_None;
        out[npos + i] = a;
    }
    return r;
}

/* MATCH_KEYS: a tuple of subject.get(key) for the keys, or None when one is missing */
Value rt_match_keys(Value subject, Value keys)
{
    int64_t n = ((TupleObject *)rt_obj(keys))->size;
    if (n == 0)
        return rt_tuple_new(0);
    Value get = rt_getattr(subject, rt_str_intern("get"));
    Value seen = rt_set_new();
    Value dummy = rt_list_new(0);   /* a fresh object: the "missing" sentinel */
    Value r = rt_tuple_new(n);
    if (!get || !seen || !dummy || !r)
        return RT_ERR;
    for (int64_t i = 0; i < n; i++) {
        Value key = ((TupleObject *)rt_obj(keys))->items[i];
        int dup = rt_set_contains(seen, key);
        if (dup < 0)
            return RT_ERR;
        if (dup)
            return rt_raise_fmt(rt_ValueError, "mapping pattern checks duplicate key (%R)", key);
        if (rt_set_add(seen, key) < 0)
            return RT_ERR;
        Value args[2] = {key, dummy};
        Value v = rt_call(get, args, 2, 0);
        if (!v)
            return RT_ERR;
        if (v == dummy)
            return rt_None;
        ((TupleObject *)rt_obj(r))->items[i] = v;
    }
    return r;
}
