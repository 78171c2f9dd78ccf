/*
 * range.c - the range type over arbitrary ints: construction, len, indexing and slicing,
 * `in` (arithmetic for ints, iteration otherwise), count/index, ==, hash, repr, iteration
 * forwards and reversed.
 *
 * Entry points: rt_range_new rt_range_tp_new rt_range_count rt_range_index rt_range_reversed,
 * rt_range_type and its iterators.
 *
 * Invariants: start/stop/step are exact ints (step != 0) and length is the canonical int
 * number of items, computed once.  Iteration uses int64 counters (rt_range_iterator_type)
 * whenever every value of the range fits; otherwise the big-int iterator.
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"

static inline RangeObject *R(Value v) { return (RangeObject *)rt_obj(v); }

/* (hi - lo - 1) // step + 1 when lo < hi, else 0; step > 0 */
static Value count_between(Value lo, Value hi, Value step)
{
    if (rt_int_cmp(lo, hi) >= 0)
        return rt_small(0);
    Value d = rt_int_sub(hi, lo);
    d = d ? rt_int_sub(d, rt_small(1)) : RT_ERR;
    d = d ? rt_int_floordiv(d, step) : RT_ERR;
    return d ? rt_int_add(d, rt_small(1)) : RT_ERR;
}

static Value compute_length(Value start, Value stop, Value step)
{
    if (rt_int_sign(step) > 0)
        return count_between(start, stop, step);
    Value neg = rt_int_neg(step);
    return neg ? count_between(stop, start, neg) : RT_ERR;
}

Value rt_range_new(Value start, Value stop, Value step)
{
    if (rt_int_sign(step) == 0)
        return rt_raise_str(rt_ValueError, "range() arg 3 must not be zero");
    Value len = compute_length(start, stop, step);
    if (!len)
        return RT_ERR;
    RangeObject *r = (RangeObject *)rt_new_object(&rt_range_type, sizeof(RangeObject));
    if (!r)
        return RT_ERR;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return rt_val(r);
}

Value rt_range_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    if (kwnames && rt_tuple_size(kwnames))
        return rt_raise_str(rt_TypeError, "range() takes no keyword arguments");
    if (nargs == 0)
        return rt_raise_str(rt_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3)
        return rt_raise_fmt(rt_TypeError, "range expected at most 3 arguments, got %zu", nargs);
    Value v[3];
    for (size_t i = 0; i < nargs; i++) {
        v[i] = rt_index(args[i]);
        if (!v[i])
            return RT_ERR;
    }
    if (nargs == 1)
        return rt_range_new(rt_small(0), v[0], rt_small(1));
    return rt_range_new(v[0], v[1], nargs == 3 ? v[2] : rt_small(1));
}

/* start + i * step */
static Value item_at(RangeObject *r, Value i)
{
    Value m = rt_int_mul(i, r->step);
    return m ? rt_int_add(r->start, m) : RT_ERR;
}

static int64_t range_len(Value v)
{
    int64_t n;
    if (rt_int_as_i64(R(v)->length, &n) < 0) {
        rt_exc_fetch();
        rt_raise_str(rt_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return n;
}

static int range_bool(Value v) { return rt_int_sign(R(v)->length) != 0; }

static Value range_getitem(Value v, Value key)
{
    RangeObject *r = R(v);
    if (rt_typeof(key) == &rt_slice_type) {
        Value a, b, c;
        if (rt_slice_indices_big(key, r->length, &a, &b, &c) < 0)
            return RT_ERR;
        Value start = item_at(r, a), stop = start ? item_at(r, b) : RT_ERR;
        Value step = stop ? rt_int_mul(r->step, c) : RT_ERR;
        return step ? rt_range_new(start, stop, step) : RT_ERR;
    }
    if (!rt_has_index(key))
        return rt_raise_fmt(rt_TypeError, "range indices must be integers or slices, not %T",
                            key);
    Value i = rt_index(key);
    if (!i)
        return RT_ERR;
    if (rt_int_sign(i) < 0) {
        i = rt_int_add(i, r->length);
        if (!i)
            return RT_ERR;
    }
    if (rt_int_sign(i) < 0 || rt_int_cmp(i, r->length) >= 0)
        return rt_raise_str(rt_IndexError, "range object index out of range");
    return item_at(r, i);
}

/* is the int x one of the range's values? */
static int int_in_range(RangeObject *r, Value x)
{
    int up = rt_int_sign(r->step) > 0;
    /* start <= x < stop (or stop < x <= start) */
    if (up ? (rt_int_cmp(x, r->start) < 0 || rt_int_cmp(x, r->stop) >= 0)
           : (rt_int_cmp(x, r->start) > 0 || rt_int_cmp(x, r->stop) <= 0))
        return 0;
    Value d = rt_int_sub(x, r->start);
    Value m = d ? rt_int_mod(d, r->step) : RT_ERR;
    if (!m)
        return -1;
    return rt_int_sign(m) == 0;
}

static int is_exact_int(Value v)
{
    return rt_is_small(v) || rt_obj(v)->type == &rt_int_type || rt_obj(v)->type == &rt_bool_type;
}

static int range_contains(Value v, Value x)
{
    if (is_exact_int(x))
        return int_in_range(R(v), x);
    /* anything else compares item by item (a float equal to an item, an __eq__) */
    Value it = rt_iter(v);
    if (!it)
        return -1;
    for (;;) {
        Value y = rt_next(it);
        if (!y)
            return rt_exc_pending() ? -1 : 0;
        int c = rt_eq(y, x);
        if (c != 0)
            return c;
    }
}

Value rt_range_count(Value self, Value x)
{
    if (is_exact_int(x)) {
        int c = int_in_range(R(self), x);
        return c < 0 ? RT_ERR : rt_small(c);
    }
    Value it = rt_iter(self);
    if (!it)
        return RT_ERR;
    int64_t n = 0;
    for (;;) {
        Value y = rt_next(it);
        if (!y)
            return rt_exc_pending() ? RT_ERR : rt_int_from_i64(n);
        int c = rt_eq(y, x);
        if (c < 0)
            return RT_ERR;
        n += c;
    }
}

Value rt_range_index(Value self, Value x)
{
    RangeObject *r = R(self);
    if (is_exact_int(x)) {
        int c = int_in_range(r, x);
        if (c < 0)
            return RT_ERR;
        if (c) {
            Value d = rt_int_sub(x, r->start);
            return d ? rt_int_floordiv(d, r->step) : RT_ERR;
        }
    } else {
        Value it = rt_iter(self);
        if (!it)
            return RT_ERR;
        for (int64_t i = 0;; i++) {
            Value y = rt_next(it);
            if (!y) {
                if (rt_exc_pending())
                    return RT_ERR;
                break;
            }
            int c = rt_eq(y, x);
            if (c < 0)
                return RT_ERR;
            if (c)
                return rt_int_from_i64(i);
        }
    }
    return rt_raise_fmt(rt_ValueError, "%R is not in range", x);
}

/* equal when they hold the same values: same length, and start (and step) where they
 * matter */
static Value range_richcompare(Value a, Value b, int op)
{
    if (rt_typeof(a) != &rt_range_type || rt_typeof(b) != &rt_range_type ||
        (op != RT_EQ && op != RT_NE))
        return rt_NotImplemented;
    RangeObject *x = R(a), *y = R(b);
    int eq;
    if (a == b)
        eq = 1;
    else if (rt_int_cmp(x->length, y->length) != 0)
        eq = 0;
    else if (rt_int_sign(x->length) == 0)
        eq = 1;
    else if (rt_int_cmp(x->start, y->start) != 0)
        eq = 0;
    else if (rt_int_cmp(x->length, rt_small(1)) == 0)
        eq = 1;
    else
        eq = rt_int_cmp(x->step, y->step) == 0;
    return rt_bool(op == RT_EQ ? eq : !eq);
}

/* hash((len, start, step)) with None for what does not matter, as CPython */
static int64_t range_hash(Value v)
{
    RangeObject *r = R(v);
    Value t;
    if (rt_int_sign(r->length) == 0)
        t = rt_tuple_pack(3, r->length, rt_None, rt_None);
    else if (rt_int_cmp(r->length, rt_small(1)) == 0)
        t = rt_tuple_pack(3, r->length, r->start, rt_None);
    else
        t = rt_tuple_pack(3, r->length, r->start, r->step);
    return t ? rt_hash(t) : -1;
}

static Value range_repr(Value v)
{
    RangeObject *r = R(v);
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_adds(&b, "range(");
    Value parts[3] = {r->start, r->stop, r->step};
    int n = rt_int_cmp(r->step, rt_small(1)) == 0 ? 2 : 3;
    for (int i = 0; i < n; i++) {
        Value s = rt_repr(parts[i]);
        if (!s)
            return RT_ERR;
        if (i)
            rt_sb_adds(&b, ", ");
        rt_sb_add(&b, rt_str_bytes(s), rt_str_nbytes(s));
    }
    rt_sb_addc(&b, ')');
    return rt_sb_finish(&b);
}

/* ---- iterators -------------------------------------------------------------------------------- */

typedef RangeIterObject RangeIter;   /* rt_containers.h: generated code steps it inline */
typedef struct LongRangeIter { Object ob; Value cur, step, left; } LongRangeIter;

static Value iter_from(Value start, Value step, Value len)
{
    int64_t s, st, n;
    /* the int64 iterator when start, step, len and the last value all fit */
    if (rt_is_small(start) && rt_is_small(step) && rt_is_small(len)) {
        s = rt_small_val(start);
        st = rt_small_val(step);
        n = rt_small_val(len);
        __int128 last = (__int128)s + (__int128)st * (n > 0 ? n - 1 : 0);
        if (last >= RT_SMALL_MIN && last <= RT_SMALL_MAX) {
            RangeIter *it = (RangeIter *)rt_new_object(&rt_range_iterator_type, sizeof(RangeIter));
            if (!it)
                return RT_ERR;
            it->cur = s;
            it->step = st;
            it->left = n;
            return rt_val(it);
        }
    }
    LongRangeIter *it = (LongRangeIter *)rt_new_object(&rt_longrange_iterator_type,
                                                       sizeof(LongRangeIter));
    if (!it)
        return RT_ERR;
    it->cur = start;
    it->step = step;
    it->left = len;
    return rt_val(it);
}

static Value range_iter(Value v) { return iter_from(R(v)->start, R(v)->step, R(v)->length); }

Value rt_range_reversed(Value self)
{
    RangeObject *r = R(self);
    Value last = rt_int_sub(r->length, rt_small(1));
    last = last ? item_at(r, last) : RT_ERR;
    Value step = last ? rt_int_neg(r->step) : RT_ERR;
    return step ? iter_from(last, step, r->length) : RT_ERR;
}

static Value rangeiter_next(Value v)
{
    RangeIter *it = (RangeIter *)rt_obj(v);
    if (it->left <= 0)
        return RT_ERR;
    it->left--;
    int64_t x = it->cur;
    it->cur += it->left ? it->step : 0;
    return rt_small(x);
}

static Value longrangeiter_next(Value v)
{
    LongRangeIter *it = (LongRangeIter *)rt_obj(v);
    if (rt_int_sign(it->left) <= 0)
        return RT_ERR;
    Value left = rt_int_sub(it->left, rt_small(1));
    Value next = left ? rt_int_add(it->cur, it->step) : RT_ERR;
    if (!next)
        return RT_ERR;
    Value x = it->cur;
    it->left = left;
    it->cur = next;
    return x;
}

/* __length_hint__: the items left */
Value rt_rangeiter_length_hint(Value v)
{
    RangeIter *it = (RangeIter *)rt_obj(v);
    return rt_int_from_i64(it->left > 0 ? it->left : 0);
}

static Value self_iter(Value v) { return v; }

Type rt_range_iterator_type = {
    .ob = {&rt_type_type}, .name = "range_iterator", .base = &rt_object_type,
    .basicsize = sizeof(RangeIter), .iter = self_iter, .iternext = rangeiter_next,
};
Type rt_longrange_iterator_type = {
    .ob = {&rt_type_type}, .name = "longrange_iterator", .base = &rt_object_type,
    .basicsize = sizeof(LongRangeIter), .iter = self_iter, .iternext = longrangeiter_next,
};

Type rt_range_type = {
    .ob = {&rt_type_type}, .name = "range", .base = &rt_object_type,
    .basicsize = sizeof(RangeObject), .repr = range_repr, .hash = range_hash,
    .richcompare = range_richcompare, .iter = range_iter, .new_ = rt_range_tp_new,
    .len = range_len, .getitem = range_getitem, .contains = range_contains,
    .nb = {.bool_ = range_bool},
};
