/*
 * slice.c - slice objects: construction, repr, comparison, and the index arithmetic every
 * sequence uses to apply one (rt_slice_adjust) plus slice.indices() over arbitrary ints.
 *
 * Entry points: rt_slice_new, rt_slice_adjust, rt_slice_indices, rt_slice_tp_new,
 * rt_slice_type.
 *
 * Invariants: start/stop/step are never 0 in a SliceObject: an omitted bound is rt_None.
 * rt_slice_adjust follows CPython's PySlice_Unpack + PySlice_AdjustIndices: bounds are clamped
 * to the int64 range first (a huge bound means "past the end"), then to the sequence.  Slices
 * are unhashable in 3.11.
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"

Value rt_slice_new(Value start, Value stop, Value step)
{
    SliceObject *s = (SliceObject *)rt_new_object(&rt_slice_type, sizeof(SliceObject));
    if (!s)
        return RT_ERR;
    s->start = start ? start : rt_None;
    s->stop = stop ? stop : rt_None;
    s->step = step ? step : rt_None;
    return rt_val(s);
}

static int slice_index_slow(Value v, int64_t *out);

/* _PyEval_SliceIndex: None leaves *out alone; an index is clamped to the int64 range.
 * None and small ints inline (every slicing of a list or str goes through here). */
static inline int slice_index(Value v, int64_t *out)
{
    if (v == rt_None)
        return 0;
    if (rt_is_small(v)) {
        *out = rt_small_val(v);
        return 0;
    }
    return slice_index_slow(v, out);
}

static int slice_index_slow(Value v, int64_t *out)
{
    if (!rt_has_index(v)) {
        rt_raise_str(rt_TypeError,
                     "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return rt_index_i64(v, out, NULL);
}

int64_t rt_slice_adjust(Value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    SliceObject *s = (SliceObject *)rt_obj(slice);
    int64_t st = 1;
    if (slice_index(s->step, &st) < 0)
        return -1;
    if (st == 0) {
        rt_raise_str(rt_ValueError, "slice step cannot be zero");
        return -1;
    }
    /* -INT64_MAX keeps `-step` representable */
    if (st < -INT64_MAX)
        st = -INT64_MAX;
    int64_t a = st < 0 ? INT64_MAX : 0, b = st < 0 ? INT64_MIN : INT64_MAX;
    if (slice_index(s->start, &a) < 0 || slice_index(s->stop, &b) < 0)
        return -1;
    if (a < 0) {
        a += len;
        if (a < 0)
            a = st < 0 ? -1 : 0;
    } else if (a >= len) {
        a = st < 0 ? len - 1 : len;
    }
    if (b < 0) {
        b += len;
        if (b < 0)
            b = st < 0 ? -1 : 0;
    } else if (b >= len) {
        b = st < 0 ? len - 1 : len;
    }
    *start = a;
    *stop = b;
    *step = st;
    if (st < 0)
        return b < a ? (a - b - 1) / (-st) + 1 : 0;
    return a < b ? (b - a - 1) / st + 1 : 0;
}

/* ---- slice.indices(length) over Python ints (range slicing needs big lengths) ---------- */

static Value big_index(Value v)
{
    if (!rt_has_index(v))
        return rt_raise_str(rt_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
    return rt_index(v);
}

/* one bound of _PySlice_GetLongIndices: None -> dflt; negative += length, then clamped to
 * [lower, upper] */
static Value clamp_bound(Value v, Value dflt, Value length, Value lower, Value upper)
{
    if (v == rt_None)
        return dflt;
    Value x = big_index(v);
    if (!x)
        return RT_ERR;
    if (rt_int_sign(x) < 0) {
        x = rt_int_add(x, length);
        if (!x)
            return RT_ERR;
        return rt_int_cmp(x, lower) < 0 ? lower : x;
    }
    return rt_int_cmp(x, upper) > 0 ? upper : x;
}

int rt_slice_indices_big(Value slice, Value length, Value *start, Value *stop, Value *step)
{
    SliceObject *s = (SliceObject *)rt_obj(slice);
    Value st = rt_small(1);
    if (s->step != rt_None) {
        st = big_index(s->step);
        if (!st)
            return -1;
        if (rt_int_sign(st) == 0) {
            rt_raise_str(rt_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    int neg = rt_int_sign(st) < 0;
    Value lower = neg ? rt_small(-1) : rt_small(0);
    Value upper = neg ? rt_int_sub(length, rt_small(1)) : length;
    if (!upper)
        return -1;
    Value a = clamp_bound(s->start, neg ? upper : lower, length, lower, upper);
    if (!a)
        return -1;
    Value b = clamp_bound(s->stop, neg ? lower : upper, length, lower, upper);
    if (!b)
        return -1;
    *start = a;
    *stop = b;
    *step = st;
    return 0;
}

Value rt_slice_indices(Value self, Value length)
{
    Value len = big_index(length);
    if (!len)
        return RT_ERR;
    if (rt_int_sign(len) < 0)
        return rt_raise_str(rt_ValueError, "length should not be negative");
    Value a, b, c;
    if (rt_slice_indices_big(self, len, &a, &b, &c) < 0)
        return RT_ERR;
    return rt_tuple_pack(3, a, b, c);
}

/* ---- the type --------------------------------------------------------------------------- */

static Value slice_repr(Value v)
{
    SliceObject *s = (SliceObject *)rt_obj(v);
    Value parts[3] = {s->start, s->stop, s->step};
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_adds(&b, "slice(");
    for (int i = 0; i < 3; i++) {
        Value r = rt_repr(parts[i]);
        if (!r)
            return RT_ERR;
        if (i)
            rt_sb_adds(&b, ", ");
        rt_sb_add(&b, rt_str_bytes(r), rt_str_nbytes(r));
    }
    rt_sb_addc(&b, ')');
    return rt_sb_finish(&b);
}

/* compared as the tuples (start, stop, step) */
static Value slice_richcompare(Value a, Value b, int op)
{
    if (rt_typeof(a) != &rt_slice_type || rt_typeof(b) != &rt_slice_type)
        return rt_NotImplemented;
    SliceObject *x = (SliceObject *)rt_obj(a), *y = (SliceObject *)rt_obj(b);
    if (a == b && (op == RT_EQ || op == RT_NE))
        return rt_bool(op == RT_EQ);
    Value ta = rt_tuple_pack(3, x->start, x->stop, x->step);
    Value tb = ta ? rt_tuple_pack(3, y->start, y->stop, y->step) : RT_ERR;
    if (!tb)
        return RT_ERR;
    return rt_richcompare(ta, tb, op);
}

Value rt_slice_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    if (kwnames && rt_tuple_size(kwnames))
        return rt_raise_str(rt_TypeError, "slice() takes no keyword arguments");
    if (nargs == 0)
        return rt_raise_str(rt_TypeError, "slice expected at least 1 argument, got 0");
    if (nargs > 3)
        return rt_raise_fmt(rt_TypeError, "slice expected at most 3 arguments, got %zu", nargs);
    if (nargs == 1)
        return rt_slice_new(rt_None, args[0], rt_None);
    return rt_slice_new(args[0], args[1], nargs == 3 ? args[2] : rt_None);
}

Type rt_slice_type = {
    .ob = {&rt_type_type}, .name = "slice", .base = &rt_object_type,
    .basicsize = sizeof(SliceObject), .repr = slice_repr, .hash = rt_hash_unhashable,
    .richcompare = slice_richcompare, .new_ = rt_slice_tp_new,
};
