/*
 * bytearray.c - the bytearray type: construction, repr, indexing, item and slice assignment and
 * deletion (extended slices included), concatenation and repetition (also in place), comparison,
 * iteration, and the mutating methods (append extend pop insert remove reverse clear copy).
 * The non-mutating methods are shared with bytes (bytes_methods.c).
 *
 * Entry points: rt_bytearray_* of rt_str.h.
 *
 * Invariants: ByteArrayObject (rt.h) owns `data`, a GC block (atomic: bytes only) of cap + 1
 * bytes; data[size] is kept 0 so the contents can be handed to C; data may be NULL when
 * cap == 0.  Growth is geometric (x1.5 + 16) so appending is amortised O(1).
 */
#include <stdint.h>
#include <string.h>

#include "str_internal.h"

#define BA(v) RTBA(v)

int rtb_bytearray_resize(ByteArrayObject *b, int64_t n)
{
    if (n > ((int64_t)1 << 40)) {
        rt_raise_str(rt_MemoryError, "");
        return -1;
    }
    if (n > b->cap || !b->data) {
        int64_t cap = b->cap + b->cap / 2 + 16;
        if (cap < n) cap = n;
        char *p = b->data ? rt_realloc(b->data, (size_t)cap + 1) : rt_alloc_atomic((size_t)cap + 1);
        if (!p) return -1;
        b->data = p;
        b->cap = cap;
    }
    b->size = n;
    b->data[n] = 0;
    return 0;
}

static ByteArrayObject *ba_new(void)
{
    return (ByteArrayObject *)rt_new_object(&rt_bytearray_type, sizeof(ByteArrayObject));
}

Value rt_bytearray_from(const char *s, size_t n)
{
    ByteArrayObject *b = ba_new();
    if (!b || rtb_bytearray_resize(b, (int64_t)n) < 0) return RT_ERR;
    if (n) memcpy(b->data, s, n);
    return rt_val(b);
}

Value rt_bytearray_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    if (type != &rt_bytearray_type) {
        return rt_raise_str(rt_TypeError, "bytearray subclasses are not constructible yet");
    }
    ByteArrayObject *b = ba_new();
    return b ? rt_val(b) : RT_ERR;
}

/* bytearray.__init__(source, encoding, errors): replaces the contents */
int rt_bytearray_tp_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value a[3];
    if (rtb_parse_ctor("bytearray", args, nargs, kwnames, a) < 0) return -1;
    RtsBuf buf;
    rts_buf_init(&buf);
    const char *data;
    int64_t size;
    if (rtb_from_args("bytearray", a[0], a[1], a[2], &buf, &data, &size) < 0) return -1;
    if (rtb_bytearray_resize(BA(self), size) < 0) return -1;
    if (size) memcpy(BA(self)->data, data, (size_t)size);
    return 0;
}

int64_t rt_bytearray_len(Value b) { return BA(b)->size; }

Value rt_bytearray_repr(Value v)
{
    return rtb_repr(BA(v)->data ? BA(v)->data : "", BA(v)->size, "bytearray(", ")");
}

static Value ba_str(Value v) { return rt_bytearray_repr(v); }

static int64_t ba_hash(Value v)
{
    (void)v;
    rt_raise_str(rt_TypeError, "unhashable type: 'bytearray'");
    return -1;
}

Value rt_bytearray_richcompare(Value a, Value b, int op) { return rtb_richcompare(a, b, op); }

int rt_bytearray_contains(Value b, Value x)
{
    return rtb_contains(BA(b)->data ? BA(b)->data : "", BA(b)->size, x);
}

Value rt_bytearray_iter(Value b) { return rtb_iter(b); }

/* ================================================================ items ================= */

/* An int argument that must be a byte: 0..255. */
static int byte_arg(Value v, int *out)
{
    int64_t x;
    if (!rt_is_small(v) && !(rt_obj(v)->type->flags & RT_TPFLAG_INT_SUBCLASS) &&
        !rt_obj(v)->type->nb.index) {
        rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer", rts_tname(v));
        return -1;
    }
    if (rts_as_ssize(v, &x) < 0) return -1;
    if (x < 0 || x > 255) {
        rt_raise_str(rt_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

Value rt_bytearray_getitem(Value self, Value key)
{
    ByteArrayObject *b = BA(self);
    int64_t i;
    int r = rtb_index(key, &i);
    if (r < 0) return RT_ERR;
    if (r == 0) {
        if (i < 0) i += b->size;
        if (i < 0 || i >= b->size) return rt_raise_str(rt_IndexError, "bytearray index out of range");
        return rt_small((unsigned char)b->data[i]);
    }
    if (rt_obj(key)->type == &rt_slice_type) return rtb_slice(b->data ? b->data : "", b->size, key, 1);
    return rt_raise_fmt(rt_TypeError, "bytearray indices must be integers or slices, not %s",
                        rts_tname(key));
}

/* Replaces b[lo:hi] (step 1) by n bytes from src (src may alias b's data: it is copied). */
static int replace_range(ByteArrayObject *b, int64_t lo, int64_t hi, const char *src, int64_t n)
{
    if (hi < lo) hi = lo;
    int64_t tail = b->size - hi, newsize = lo + n + tail;
    char *copy = NULL;
    if (n && src >= b->data && src < b->data + b->cap + 1) {
        copy = rt_alloc_atomic((size_t)n);
        if (!copy) return -1;
        memcpy(copy, src, (size_t)n);
        src = copy;
    }
    if (newsize > b->size) {
        int64_t old = b->size;
        if (rtb_bytearray_resize(b, newsize) < 0) return -1;
        memmove(b->data + lo + n, b->data + hi, (size_t)(old - hi));
    } else {
        memmove(b->data + lo + n, b->data + hi, (size_t)tail);
        b->size = newsize;
        if (b->data) b->data[newsize] = 0;
    }
    if (n) memcpy(b->data + lo, src, (size_t)n);
    return 0;
}

/* The bytes of a slice assignment's right side. */
static int assign_source(Value v, RtsBuf *buf, const char **d, int64_t *n)
{
    if (rt_is_memoryview(v)) return rt_memoryview_view(v, d, n);
    if (rtb_is_bytes(v) || rtb_is_bytearray(v)) return rt_bytes_view(v, d, n);
    Type *t = rt_typeof(v);
    if (rts_is_str(v) || rt_is_small(v) || (t->flags & RT_TPFLAG_INT_SUBCLASS) || v == rt_None ||
        (!t->iter && t != &rt_list_type && t != &rt_tuple_type)) {
        rt_raise_str(rt_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
    }
    if (rtb_extend_from_iterable(buf, v, "byte must be in range(0, 256)") < 0) return -1;
    *d = buf->p;
    *n = buf->size;
    return 0;
}

int rt_bytearray_setitem(Value self, Value key, Value value)
{
    ByteArrayObject *b = BA(self);
    int64_t i;
    int r = rtb_index(key, &i);
    if (r < 0) return -1;
    if (r == 0) {
        int byte = 0;
        if (value && byte_arg(value, &byte) < 0) return -1;   /* the value is checked first */
        if (i < 0) i += b->size;
        if (i < 0 || i >= b->size) {
            rt_raise_str(rt_IndexError, "bytearray index out of range");
            return -1;
        }
        if (!value) return replace_range(b, i, i + 1, NULL, 0);
        b->data[i] = (char)byte;
        return 0;
    }
    if (rt_obj(key)->type != &rt_slice_type) {
        rt_raise_fmt(rt_TypeError, "bytearray indices must be integers or slices, not %s",
                     rts_tname(key));
        return -1;
    }
    int64_t start, stop, step;
    int64_t n = rts_slice_unpack(key, b->size, &start, &stop, &step);
    if (n < 0) return -1;
    const char *src = NULL;
    int64_t m = 0;
    RtsBuf buf;
    rts_buf_init(&buf);
    if (value && assign_source(value, &buf, &src, &m) < 0) return -1;
    if (step == 1) return replace_range(b, start, start + n, src, m);
    if (!value || m == 0) {   /* an empty right side deletes an extended slice, as in CPython */
        /* delete every step-th byte: compact in one pass */
        if (step < 0) {   /* the same set of positions, walked forwards */
            start = start + (n - 1) * step;
            step = -step;
        }
        int64_t w = start;
        for (int64_t k = start; k < b->size; k++) {
            if (k < start + n * step && (k - start) % step == 0) continue;
            b->data[w++] = b->data[k];
        }
        b->size = w;
        if (b->data) b->data[w] = 0;
        return 0;
    }
    if (m != n) {
        rt_raise_fmt(rt_ValueError, "attempt to assign bytes of size %lld to extended slice of size %lld",
                     (long long)m, (long long)n);
        return -1;
    }
    for (int64_t k = 0; k < n; k++) b->data[start + k * step] = src[k];
    return 0;
}

/* ================================================================ operators ============= */

Value rt_bytearray_add(Value a, Value b)
{
    const char *x, *y;
    int64_t n, m;
    if (rt_is_memoryview(a)) return rt_NotImplemented;   /* memoryview has no + */
    if (rt_bytes_view(a, &x, &n) < 0) {
        rt_exc_fetch();
        return rt_NotImplemented;
    }
    if (rt_bytes_view(b, &y, &m) < 0) {
        rt_exc_fetch();
        return rt_raise_fmt(rt_TypeError, "can't concat %s to %s", rts_tname(b), rts_tname(a));
    }
    ByteArrayObject *r = ba_new();
    if (!r || rtb_bytearray_resize(r, n + m) < 0) return RT_ERR;
    if (n) memcpy(r->data, x, (size_t)n);
    if (m) memcpy(r->data + n, y, (size_t)m);
    return rt_val(r);
}

Value rt_bytearray_iadd(Value a, Value b)
{
    const char *y;
    int64_t m;
    if (rt_bytes_view(b, &y, &m) < 0) {
        rt_exc_fetch();
        return rt_raise_fmt(rt_TypeError, "can't concat %s to %s", rts_tname(b), rts_tname(a));
    }
    ByteArrayObject *x = BA(a);
    if (replace_range(x, x->size, x->size, y, m) < 0) return RT_ERR;
    return a;
}

static int repeat_arg(Value n, int64_t *k)
{
    int r = rtb_repeat_count(n, k);
    if (r > 0) {
        rt_raise_fmt(rt_TypeError, "can't multiply sequence by non-int of type '%s'", rts_tname(n));
        return -1;
    }
    return r;
}

static int repeat_into(ByteArrayObject *dst, const char *src, int64_t n, int64_t k)
{
    if (k <= 0 || n == 0) return rtb_bytearray_resize(dst, 0);
    if (n > ((int64_t)1 << 40) / k) {
        rt_raise_str(rt_MemoryError, "");
        return -1;
    }
    char *copy = rt_alloc_atomic((size_t)n);
    if (!copy) return -1;
    memcpy(copy, src, (size_t)n);
    if (rtb_bytearray_resize(dst, n * k) < 0) return -1;
    for (int64_t i = 0; i < k; i++) memcpy(dst->data + i * n, copy, (size_t)n);
    return 0;
}

Value rt_bytearray_mul(Value a, Value b)
{
    Value s = rtb_is_bytearray(a) ? a : b, n = s == a ? b : a;
    int64_t k;
    if (repeat_arg(n, &k) < 0) return RT_ERR;
    ByteArrayObject *r = ba_new();
    if (!r || repeat_into(r, BA(s)->data, BA(s)->size, k) < 0) return RT_ERR;
    return rt_val(r);
}

Value rt_bytearray_imul(Value a, Value n)
{
    int64_t k;
    if (repeat_arg(n, &k) < 0) return RT_ERR;
    if (repeat_into(BA(a), BA(a)->data, BA(a)->size, k) < 0) return RT_ERR;
    return a;
}

/* ================================================================ mutation ============== */

Value rt_bytearray_append(Value self, Value item)
{
    int byte;
    if (byte_arg(item, &byte) < 0) return RT_ERR;
    ByteArrayObject *b = BA(self);
    if (rtb_bytearray_resize(b, b->size + 1) < 0) return RT_ERR;
    b->data[b->size - 1] = (char)byte;
    return rt_None;
}

Value rt_bytearray_extend(Value self, Value iterable)
{
    ByteArrayObject *b = BA(self);
    if (rtb_is_bytes(iterable) || rtb_is_bytearray(iterable)) {
        const char *d;
        int64_t n;
        rt_bytes_view(iterable, &d, &n);
        return replace_range(b, b->size, b->size, d, n) < 0 ? RT_ERR : rt_None;
    }
    Type *t = rt_typeof(iterable);
    if (!t->iter && t != &rt_list_type && t != &rt_tuple_type) {
        return rt_raise_fmt(rt_TypeError, "can't extend bytearray with %s", t->name);
    }
    RtsBuf buf;
    rts_buf_init(&buf);
    if (rtb_extend_from_iterable(&buf, iterable, "byte must be in range(0, 256)") < 0) return RT_ERR;
    return replace_range(b, b->size, b->size, buf.p, buf.size) < 0 ? RT_ERR : rt_None;
}

Value rt_bytearray_pop(Value self, Value index)
{
    ByteArrayObject *b = BA(self);
    int64_t i = -1;
    if (index && rts_as_ssize(index, &i) < 0) return RT_ERR;
    if (b->size == 0) return rt_raise_str(rt_IndexError, "pop from empty bytearray");
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) return rt_raise_str(rt_IndexError, "pop index out of range");
    Value v = rt_small((unsigned char)b->data[i]);
    if (replace_range(b, i, i + 1, NULL, 0) < 0) return RT_ERR;
    return v;
}

Value rt_bytearray_insert(Value self, Value index, Value item)
{
    ByteArrayObject *b = BA(self);
    int64_t i;
    int byte;
    if (rts_as_ssize(index, &i) < 0 || byte_arg(item, &byte) < 0) return RT_ERR;
    if (i < 0) { i += b->size; if (i < 0) i = 0; }
    if (i > b->size) i = b->size;
    char c = (char)byte;
    return replace_range(b, i, i, &c, 1) < 0 ? RT_ERR : rt_None;
}

Value rt_bytearray_remove(Value self, Value item)
{
    int byte;
    if (byte_arg(item, &byte) < 0) return RT_ERR;
    ByteArrayObject *b = BA(self);
    const char *p = b->size ? memchr(b->data, byte, (size_t)b->size) : NULL;
    if (!p) return rt_raise_str(rt_ValueError, "value not found in bytearray");
    int64_t i = p - b->data;
    return replace_range(b, i, i + 1, NULL, 0) < 0 ? RT_ERR : rt_None;
}

Value rt_bytearray_reverse(Value self)
{
    ByteArrayObject *b = BA(self);
    for (int64_t i = 0, j = b->size - 1; i < j; i++, j--) {
        char t = b->data[i];
        b->data[i] = b->data[j];
        b->data[j] = t;
    }
    return rt_None;
}

Value rt_bytearray_clear(Value self)
{
    return rtb_bytearray_resize(BA(self), 0) < 0 ? RT_ERR : rt_None;
}

Value rt_bytearray_copy(Value self)
{
    return rt_bytearray_from(BA(self)->data, (size_t)BA(self)->size);
}

/* ================================================================ the type ============== */

Type rt_bytearray_type = {
    .ob = {&rt_type_type},
    .name = "bytearray",
    .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE,
    .basicsize = sizeof(ByteArrayObject),
    .repr = rt_bytearray_repr,
    .str = ba_str,
    .hash = ba_hash,
    .richcompare = rt_bytearray_richcompare,
    .iter = rt_bytearray_iter,
    .new_ = rt_bytearray_tp_new,
    .init = rt_bytearray_tp_init,
    .len = rt_bytearray_len,
    .getitem = rt_bytearray_getitem,
    .setitem = rt_bytearray_setitem,
    .contains = rt_bytearray_contains,
    .nb = {.add = rt_bytearray_add, .mul = rt_bytearray_mul, .mod = rt_bytearray_mod,
           .iadd = rt_bytearray_iadd,
           .imul = rt_bytearray_imul},
};
