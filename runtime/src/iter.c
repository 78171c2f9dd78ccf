/*
 * iter.c - the iterator types that are not tied to one container: the sequence iterator
 * (iter() over anything with __getitem__), enumerate, zip, map, filter and reversed.
 *
 * Entry points: rt_seqiter_new, rt_enumerate_new, rt_zip_new, rt_map_new, rt_filter_new,
 * rt_reversed_new and the type objects (rt_containers.h).
 *
 * Invariants: an exhausted iterator drops its reference to what it iterated (field set to 0)
 * and stays exhausted, as CPython's do; iternext returns RT_ERR with no pending exception at
 * the end (rt.h's protocol), never StopIteration.
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"
#include "rt_class.h"
#include "class_internal.h"

static Value self_iter(Value v) { return v; }

/* ---- sequence iterator: seq[0], seq[1], ... until IndexError ---------------------------- */

typedef struct SeqIter { Object ob; Value seq; int64_t i; } SeqIter;

Value rt_seqiter_new(Value seq)
{
    SeqIter *it = (SeqIter *)rt_new_object(&rt_seqiter_type, sizeof(SeqIter));
    if (!it)
        return RT_ERR;
    it->seq = seq;
    return rt_val(it);
}

static Value seqiter_next(Value v)
{
    SeqIter *it = (SeqIter *)rt_obj(v);
    if (!it->seq)
        return RT_ERR;
    Value r = rt_getitem(it->seq, rt_int_from_i64(it->i));
    if (r) {
        it->i++;
        return r;
    }
    Value e = rt_exc_pending();
    if (rt_issubtype(rt_typeof(e), rt_IndexError) ||
        rt_issubtype(rt_typeof(e), rt_StopIteration)) {
        rt_exc_fetch();
        it->seq = 0;
    }
    return RT_ERR;
}

Type rt_seqiter_type = {
    .ob = {&rt_type_type}, .name = "iterator", .base = &rt_object_type,
    .basicsize = sizeof(SeqIter), .iter = self_iter, .iternext = seqiter_next,
};

/* ---- enumerate ------------------------------------------------------------------------- */

typedef EnumerateObject Enumerate;

Value rt_enumerate_new(Value iterable, Value start)
{
    Value it = rt_iter(iterable);
    if (!it)
        return RT_ERR;
    Value count = rt_small(0);
    if (start) {
        count = rt_index(start);
        if (!count)
            return RT_ERR;
    }
    Enumerate *e = (Enumerate *)rt_new_object(&rt_enumerate_type, sizeof(Enumerate));
    if (!e)
        return RT_ERR;
    e->it = it;
    e->count = count;
    return rt_val(e);
}

/* the next (count, item) pair into items[0..2); -1 at the end or after raising */
static inline __attribute__((always_inline)) int enumerate_fill(Enumerate *e, Value *items)
{
    Value x = rt_next_fast(e->it);
    if (!x)
        return -1;
    Value i = e->count;
    Value n = rt_is_small(i) && i != rt_small(RT_SMALL_MAX) ? i + 2 : rt_add(i, rt_small(1));
    if (!n)
        return -1;
    e->count = n;
    items[0] = i;
    items[1] = x;
    return 0;
}

static Value enumerate_next(Value v)
{
    Value items[2];
    if (enumerate_fill((Enumerate *)rt_obj(v), items) < 0)
        return RT_ERR;
    return rt_tuple_from(items, 2);
}

Type rt_enumerate_type = {
    .ob = {&rt_type_type}, .name = "enumerate", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(Enumerate), .iter = self_iter,
    .iternext = enumerate_next,
};

/* ---- zip ----------------------------------------------------------------------------------- */

typedef struct Zip { Object ob; Value its; int strict; } Zip;   /* its: a tuple of iterators */

Value rt_zip_new(const Value *iterables, size_t n, int strict)
{
    Value its = rt_tuple_new((int64_t)n);
    if (!its)
        return RT_ERR;
    for (size_t i = 0; i < n; i++) {
        Value it = rt_iter(iterables[i]);
        if (!it)
            return RT_ERR;
        ((TupleObject *)rt_obj(its))->items[i] = it;
    }
    Zip *z = (Zip *)rt_new_object(&rt_zip_type, sizeof(Zip));
    if (!z)
        return RT_ERR;
    z->its = its;
    z->strict = strict;
    return rt_val(z);
}

/* iterator i of z gave out: -1, with strict's ValueError when the others do not end there */
static __attribute__((noinline)) int zip_end(Zip *z, int64_t n, int64_t i)
{
    if (rt_exc_pending() || !z->strict)
        return -1;
    /* strict: every other iterator must be exhausted at the same point */
    if (i > 0) {
        rt_raise_fmt(rt_ValueError, "zip() argument %lld is shorter than argument%s%lld",
                     (long long)(i + 1), i == 1 ? " " : "s 1-", (long long)i);
        return -1;
    }
    for (int64_t j = 1; j < n; j++) {
        Value y = rt_next(rt_tuple_item(z->its, j));
        if (y) {
            rt_raise_fmt(rt_ValueError, "zip() argument %lld is longer than argument%s%lld",
                         (long long)(j + 1), j == 1 ? " " : "s 1-", (long long)j);
            return -1;
        }
        if (rt_exc_pending())
            return -1;
    }
    return -1;
}

/* the next item of every iterator into items[0..n); -1 at the end (nothing pending) or
 * after raising, the strict checks included */
static inline __attribute__((always_inline)) int zip_fill(Zip *z, int64_t n, Value *items)
{
    for (int64_t i = 0; i < n; i++) {
        Value x = rt_next_fast(rt_tuple_item(z->its, i));
        if (!x)
            return zip_end(z, n, i);
        items[i] = x;
    }
    return 0;
}

static Value zip_next(Value v)
{
    Zip *z = (Zip *)rt_obj(v);
    int64_t n = rt_tuple_size(z->its);
    if (n == 0)
        return RT_ERR;
    Value r = rt_tuple_new(n);
    if (!r)
        return RT_ERR;
    return zip_fill(z, n, ((TupleObject *)rt_obj(r))->items) < 0 ? RT_ERR : r;
}

Type rt_zip_type = {
    .ob = {&rt_type_type}, .name = "zip", .base = &rt_object_type, .flags = RT_TPFLAG_BASETYPE,
    .basicsize = sizeof(Zip), .iter = self_iter, .iternext = zip_next,
};

/* ---- map ----------------------------------------------------------------------------------- */

typedef struct Map { Object ob; Value func; Value its; } Map;

Value rt_map_new(Value func, const Value *iterables, size_t n)
{
    if (n == 0)
        return rt_raise_str(rt_TypeError, "map() must have at least two arguments.");
    Value its = rt_tuple_new((int64_t)n);
    if (!its)
        return RT_ERR;
    for (size_t i = 0; i < n; i++) {
        Value it = rt_iter(iterables[i]);
        if (!it)
            return RT_ERR;
        ((TupleObject *)rt_obj(its))->items[i] = it;
    }
    Map *m = (Map *)rt_new_object(&rt_map_type, sizeof(Map));
    if (!m)
        return RT_ERR;
    m->func = func;
    m->its = its;
    return rt_val(m);
}

static Value map_next(Value v)
{
    Map *m = (Map *)rt_obj(v);
    int64_t n = rt_tuple_size(m->its);
    Value small[8];
    Value *args = n <= 8 ? small : rt_alloc((size_t)n * sizeof(Value));
    if (!args)
        return RT_ERR;
    for (int64_t i = 0; i < n; i++) {
        args[i] = rt_next_fast(rt_tuple_item(m->its, i));
        if (!args[i])
            return RT_ERR;
    }
    return rt_call(m->func, args, (size_t)n, 0);
}

Type rt_map_type = {
    .ob = {&rt_type_type}, .name = "map", .base = &rt_object_type, .flags = RT_TPFLAG_BASETYPE,
    .basicsize = sizeof(Map), .iter = self_iter, .iternext = map_next,
};

/* ---- filter -------------------------------------------------------------------------------- */

typedef struct Filter { Object ob; Value func; Value it; } Filter;

Value rt_filter_new(Value func, Value iterable)
{
    Value it = rt_iter(iterable);
    if (!it)
        return RT_ERR;
    Filter *f = (Filter *)rt_new_object(&rt_filter_type, sizeof(Filter));
    if (!f)
        return RT_ERR;
    f->func = func;
    f->it = it;
    return rt_val(f);
}

static Value filter_next(Value v)
{
    Filter *f = (Filter *)rt_obj(v);
    for (;;) {
        Value x = rt_next_fast(f->it);
        if (!x)
            return RT_ERR;
        /* filter(None, ...) and filter(bool, ...) both test truth directly */
        Value t = x;
        if (f->func != rt_None && f->func != rt_val(&rt_bool_type)) {
            t = rt_call(f->func, &x, 1, 0);
            if (!t)
                return RT_ERR;
        }
        int ok = rt_truthy(t);
        if (ok < 0)
            return RT_ERR;
        if (ok)
            return x;
    }
}

Type rt_filter_type = {
    .ob = {&rt_type_type}, .name = "filter", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(Filter), .iter = self_iter,
    .iternext = filter_next,
};

/* ---- reversed -------------------------------------------------------------------------------- */

typedef struct Reversed { Object ob; Value seq; int64_t i; } Reversed;

Value rt_reversed_new(Value seq)
{
    Type *t = rt_typeof(seq);
    if (t == &rt_list_type)
        return rt_list_reversed(seq);
    if (t == &rt_range_type)
        return rt_range_reversed(seq);
    if (t == &rt_dict_type)
        return rt_dict_reversed(seq, 0);
    if (t == &rt_dict_keys_type || t == &rt_dict_values_type || t == &rt_dict_items_type)
        return rt_dict_reversed(seq, t == &rt_dict_keys_type ? 0 : t == &rt_dict_values_type ? 1 : 2);
    /* CPython's order: type(seq).__reversed__ (None declares it not reversible), then the
     * sequence protocol: len() and integer indexing, but not a mapping */
    Value rev = rt_type_lookup_cstr(t, "__reversed__");
    if (rev && rev != rt_None)
        return rt_call_with_self(rev, seq, NULL, 0, 0);
    if (rev || !t->getitem || !t->len || (t->flags & RT_TPFLAG_DICT_SUBCLASS) ||
        rt_is_anyset(seq))
        return rt_raise_fmt(rt_TypeError, "'%T' object is not reversible", seq);
    int64_t n = rt_len(seq);
    if (n < 0)
        return RT_ERR;
    Reversed *r = (Reversed *)rt_new_object(&rt_reversed_type, sizeof(Reversed));
    if (!r)
        return RT_ERR;
    r->seq = seq;
    r->i = n - 1;
    return rt_val(r);
}

static Value reversed_next(Value v)
{
    Reversed *r = (Reversed *)rt_obj(v);
    if (!r->seq || r->i < 0) {
        r->seq = 0;
        return RT_ERR;
    }
    Value x = rt_getitem(r->seq, rt_int_from_i64(r->i));
    if (x) {
        r->i--;
        return x;
    }
    Value e = rt_exc_pending();
    if (rt_issubtype(rt_typeof(e), rt_IndexError) || rt_issubtype(rt_typeof(e), rt_StopIteration)) {
        rt_exc_fetch();
        r->seq = 0;
    }
    return RT_ERR;
}

Type rt_reversed_type = {
    .ob = {&rt_type_type}, .name = "reversed", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(Reversed), .iter = self_iter,
    .iternext = reversed_next,
};

/* ---- iter.next fused with its unpack.seq (codegen.c) -------------------------------------- */

/* the list iterator li's next item when it has one, else 0 (nothing changed) */
static inline Value listiter_peek_step(Value li)
{
    if (rt_is_small(li) || rt_obj(li)->type != &rt_list_iterator_type)
        return 0;
    ListIterObject *o = (ListIterObject *)rt_obj(li);
    if (!o->seq || o->i >= ((ListObject *)rt_obj(o->seq))->size)
        return 0;
    return ((ListObject *)rt_obj(o->seq))->items[o->i];
}

Value rt_next_unpack(Value it, TupleObject *buf, int64_t n)
{
    if (!rt_is_small(it)) {
        Type *t = rt_obj(it)->type;
        int r = 1;
        if (t == &rt_zip_type && n == 2) {
            /* zip(list, list) with an item left in both: both steps at once (when either
             * would end, the general fill below takes them in order, as zip must) */
            TupleObject *its = (TupleObject *)rt_obj(((Zip *)rt_obj(it))->its);
            Value x, y;
            if (its->size == 2 && (x = listiter_peek_step(its->items[0])) &&
                (y = listiter_peek_step(its->items[1]))) {
                ((ListIterObject *)rt_obj(its->items[0]))->i++;
                ((ListIterObject *)rt_obj(its->items[1]))->i++;
                buf->ob.type = &rt_tuple_type;
                buf->size = 2;
                buf->hash = -1;
                buf->items[0] = x;
                buf->items[1] = y;
                return rt_val(buf);
            }
        }
        if (t == &rt_zip_type && rt_tuple_size(((Zip *)rt_obj(it))->its) == n && n > 0)
            r = zip_fill((Zip *)rt_obj(it), n, buf->items);
        else if (t == &rt_enumerate_type && n == 2)
            r = enumerate_fill((Enumerate *)rt_obj(it), buf->items);
        else if ((t == &rt_dict_itemiterator_type || t == &rt_dict_reverseitemiterator_type) &&
                 n == 2)
            r = rt_dict_items_next_into(it, buf->items);
        if (r < 0)
            return RT_ERR;
        if (r == 0) {
            buf->ob.type = &rt_tuple_type;
            buf->size = n;
            buf->hash = -1;
            return rt_val(buf);
        }
    }
    return rt_next(it);
}
