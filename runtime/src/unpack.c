/*
 * unpack.c - iterable unpacking for generated code (`a, b = v`, `a, *b, c = v`), as CPython
 * 3.11's UNPACK_SEQUENCE / UNPACK_EX (ceval.c unpack_iterable): an exact tuple or list of the
 * right size is taken as is; anything else is iterated, taking only as many items as needed
 * (one more than the target count, to detect "too many values").
 */
#include <stddef.h>
#include <string.h>

#include "rt.h"
#include "rt_containers.h"

Value rt_unpack_seq(Value v, int64_t n);
Value rt_unpack_ex(Value v, int64_t before, int64_t after);
Value rt_list_extend_star(Value list, Value x);

/* the first non-NULL getitem slot of t or its bases (PySequence_Check without dicts) */
static int has_getitem(const Type *t)
{
    if (t->flags & RT_TPFLAG_DICT_SUBCLASS)
        return 0;
    for (; t; t = t->base)
        if (t->getitem)
            return 1;
    return 0;
}

/* iter(v), with "cannot unpack non-iterable X object" for a value that is not iterable */
static Value unpack_iter(Value v)
{
    Value it = rt_iter(v);
    if (it)
        return it;
    Value e = rt_exc_pending();
    Type *t = rt_typeof(v);
    if (e && rt_typeof(e) == rt_TypeError && !rt_type_iter_slot(t) && !has_getitem(t)) {
        rt_exc_fetch();
        return rt_raise_fmt(rt_TypeError, "cannot unpack non-iterable %T object", v);
    }
    return RT_ERR;
}

/* A tuple of the n items of v. */
Value rt_unpack_seq(Value v, int64_t n)
{
    Type *t = rt_typeof(v);
    if (t == &rt_tuple_type && ((TupleObject *)rt_obj(v))->size == n)
        return v;
    if (t == &rt_list_type && ((ListObject *)rt_obj(v))->size == n) {
        Value r = rt_tuple_new(n);
        if (!r)
            return RT_ERR;
        if (n)   /* an empty list may have no item array at all */
            memcpy(((TupleObject *)rt_obj(r))->items, ((ListObject *)rt_obj(v))->items,
                   (size_t)n * sizeof(Value));
        return r;
    }
    Value it = unpack_iter(v);
    if (!it)
        return RT_ERR;
    Value r = rt_tuple_new(n);
    if (!r)
        return RT_ERR;
    TupleObject *tup = (TupleObject *)rt_obj(r);
    for (int64_t i = 0; i < n; i++) {
        Value x = rt_next(it);
        if (!x) {
            if (rt_exc_pending())
                return RT_ERR;
            return rt_raise_fmt(rt_ValueError, "not enough values to unpack (expected %lld, got %lld)",
                                (long long)n, (long long)i);
        }
        tup->items[i] = x;
    }
    Value extra = rt_next(it);
    if (!extra)
        return rt_exc_pending() ? RT_ERR : r;
    return rt_raise_fmt(rt_ValueError, "too many values to unpack (expected %lld)", (long long)n);
}

/* A tuple (before items..., list of the rest, after items...) of v's items. */
Value rt_unpack_ex(Value v, int64_t before, int64_t after)
{
    Value it = unpack_iter(v);
    if (!it)
        return RT_ERR;
    Value r = rt_tuple_new(before + 1 + after);
    if (!r)
        return RT_ERR;
    TupleObject *tup = (TupleObject *)rt_obj(r);
    for (int64_t i = 0; i < before; i++) {
        Value x = rt_next(it);
        if (!x) {
            if (rt_exc_pending())
                return RT_ERR;
            return rt_raise_fmt(rt_ValueError,
                                "not enough values to unpack (expected at least %lld, got %lld)",
                                (long long)(before + after), (long long)i);
        }
        tup->items[i] = x;
    }
    Value rest = rt_list_from_iterable(it);
    if (!rest)
        return RT_ERR;
    ListObject *l = (ListObject *)rt_obj(rest);
    if (l->size < after)
        return rt_raise_fmt(rt_ValueError,
                            "not enough values to unpack (expected at least %lld, got %lld)",
                            (long long)(before + after), (long long)(before + l->size));
    for (int64_t j = 0; j < after; j++)
        tup->items[before + 1 + j] = l->items[l->size - after + j];
    l->size -= after;
    tup->items[before] = rest;
    return r;
}

/* LIST_EXTEND of `[*x]`, `(*x,)`, `f(a, *x)`: list.extend(x), with CPython's message for a
 * non-iterable x. */
Value rt_list_extend_star(Value list, Value x)
{
    Value r = rt_list_extend(list, x);
    if (r)
        return r;
    Value e = rt_exc_pending();
    Type *t = rt_typeof(x);
    if (e && rt_typeof(e) == rt_TypeError && !rt_type_iter_slot(t) && !has_getitem(t)) {
        rt_exc_fetch();
        return rt_raise_fmt(rt_TypeError, "Value after * must be an iterable, not %T", x);
    }
    return RT_ERR;
}
