/*
 * bytes.c - the bytes type: construction (bytes(...) in all its forms), repr, indexing and
 * slicing, concatenation, repetition, comparison, hashing, iteration; and the bytes-like view
 * shared by bytes, bytearray and every method that accepts "a bytes-like object".
 *
 * Entry points: rt_bytes_* of rt_str.h; rtb_* helpers of str_internal.h used by bytearray.c and
 * bytes_methods.c.
 *
 * Invariants: BytesObject (rt.h) holds `size` bytes followed by a NUL (so data can be handed to
 * C APIs); hash is -1 until computed and then equal to the hash of the same bytes as a str
 * (SipHash over the same bytes, siphash.c) as in CPython; bytes objects are allocated atomic
 * (no pointers); b'' and the 256 one-byte objects are cached singletons.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "str_internal.h"

#define BYTES_MAX_SIZE ((int64_t)1 << 40)

static Value byte_cache[256];
static Value empty_bytes;

static BytesObject *bytes_alloc(int64_t n)
{
    if (n < 0 || n > BYTES_MAX_SIZE) {
        rt_raise_str(rt_MemoryError, "");
        return NULL;
    }
    BytesObject *b = rt_alloc_atomic(offsetof(BytesObject, data) + (size_t)n + 1);
    if (!b) return NULL;
    b->ob.type = &rt_bytes_type;
    b->size = n;
    b->hash = -1;
    b->data[n] = 0;
    return b;
}

Value rt_bytes_new_uninit(int64_t n)
{
    BytesObject *b = bytes_alloc(n);
    return b ? rt_val(b) : RT_ERR;
}

Value rt_bytes_from(const char *s, size_t n)
{
    if (n <= 1) {
        Value *slot = n == 0 ? &empty_bytes : &byte_cache[(unsigned char)s[0]];
        if (!*slot) {
            BytesObject *b = bytes_alloc((int64_t)n);
            if (!b) return RT_ERR;
            if (n) b->data[0] = s[0];
            *slot = rt_val(b);
        }
        return *slot;
    }
    BytesObject *b = bytes_alloc((int64_t)n);
    if (!b) return RT_ERR;
    memcpy(b->data, s, n);
    return rt_val(b);
}

int rt_bytes_view(Value v, const char **data, int64_t *size)
{
    if (!rt_is_small(v)) {
        Type *t = rt_obj(v)->type;
        if (t == &rt_bytes_type || rt_issubtype(t, &rt_bytes_type)) {
            *data = RTB(v)->data;
            *size = RTB(v)->size;
            return 0;
        }
        if (t == &rt_bytearray_type || rt_issubtype(t, &rt_bytearray_type)) {
            *data = RTBA(v)->data ? RTBA(v)->data : "";
            *size = RTBA(v)->size;
            return 0;
        }
        if (t == &rt_memoryview_type)
            return rt_memoryview_contiguous(v, data, size);
    }
    rt_raise_fmt(rt_TypeError, "a bytes-like object is required, not '%s'", rts_tname(v));
    return -1;
}

int rtb_is_bytes(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type == &rt_bytes_type ||
                               rt_issubtype(rt_obj(v)->type, &rt_bytes_type));
}

int rtb_is_bytearray(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type == &rt_bytearray_type ||
                               rt_issubtype(rt_obj(v)->type, &rt_bytearray_type));
}

/* ================================================================ construction ========== */

/* Appends the ints of an iterable (each in range(256)) to buf.  -1 after raising. */
int rtb_extend_from_iterable(RtsBuf *buf, Value iterable, const char *range_msg)
{
    /* lists and tuples are read in place, anything else through the iterator protocol */
    const Value *items = NULL;
    int64_t n = 0;
    Value it = 0;
    Type *t = rt_typeof(iterable);
    if (t == &rt_list_type) {
        items = ((ListObject *)rt_obj(iterable))->items;
        n = ((ListObject *)rt_obj(iterable))->size;
    } else if (t == &rt_tuple_type) {
        items = ((TupleObject *)rt_obj(iterable))->items;
        n = ((TupleObject *)rt_obj(iterable))->size;
    } else if (!(it = rt_iter(iterable))) {
        return -1;
    }
    for (int64_t i = 0;; i++) {
        Value x;
        if (!it) {
            /* re-read the size: an __index__ could have resized the list */
            if (t == &rt_list_type) n = ((ListObject *)rt_obj(iterable))->size;
            if (i >= n) return 0;
            x = items[i];
        } else if (!(x = rt_next(it))) {
            return rt_exc_pending() ? -1 : 0;
        }
        int64_t v;
        if (rts_as_ssize(x, &v) < 0) return -1;
        if (v < 0 || v > 255) {
            rt_raise_str(rt_ValueError, range_msg);
            return -1;
        }
        char c = (char)v;
        if (rts_buf_put(buf, &c, 1, 0) < 0) return -1;
    }
}

/* The bytes of bytes(x) / bytearray(x) / bytes(x, encoding, errors), as a buffer: shared by both
 * constructors.  `name` is the type name for messages.  -1 after raising. */
int rtb_from_args(const char *name, Value x, Value encoding, Value errors, RtsBuf *out,
                  const char **data, int64_t *size)
{
    *data = NULL;
    *size = 0;
    if (!x) {
        if (encoding || errors) {
            rt_raise_str(rt_TypeError, errors && !encoding ? "errors without a string argument"
                                                           : "encoding without a string argument");
            return -1;
        }
        return 0;
    }
    if (rts_is_str(x)) {
        if (!encoding) {
            rt_raise_str(rt_TypeError, "string argument without an encoding");
            return -1;
        }
        if (!rts_is_str(encoding) || (errors && !rts_is_str(errors))) {
            Value bad = !rts_is_str(encoding) ? encoding : errors;
            rt_raise_fmt(rt_TypeError, "%s() argument '%s' must be str, not %s", name,
                         bad == encoding ? "encoding" : "errors", rts_tname(bad));
            return -1;
        }
        Value b = rt_str_encode_c(x, rt_str_data(encoding), errors ? rt_str_data(errors) : NULL);
        if (!b) return -1;
        *data = RTB(b)->data;
        *size = RTB(b)->size;
        return 0;
    }
    if (encoding || errors) {
        rt_raise_str(rt_TypeError, encoding ? "encoding without a string argument"
                                            : "errors without a string argument");
        return -1;
    }
    if (rt_is_memoryview(x)) return rt_memoryview_view(x, data, size);   /* copies a strided one */
    if (rtb_is_bytes(x) || rtb_is_bytearray(x)) return rt_bytes_view(x, data, size);
    /* an integer: that many zero bytes */
    Type *t = rt_typeof(x);
    if (rt_is_small(x) || (t->flags & RT_TPFLAG_INT_SUBCLASS) || t->nb.index) {
        int64_t n;
        if (rts_as_ssize(x, &n) < 0) return -1;
        if (n < 0) {
            rt_raise_str(rt_ValueError, "negative count");
            return -1;
        }
        if (rts_buf_reserve(out, n) < 0) return -1;
        memset(out->p, 0, (size_t)n);
        out->size = n;
        *data = out->p;
        *size = n;
        return 0;
    }
    if (!t->iter && t != &rt_list_type && t != &rt_tuple_type) {
        rt_raise_fmt(rt_TypeError, "cannot convert '%s' object to %s", t->name, name);
        return -1;
    }
    if (rtb_extend_from_iterable(out, x, strcmp(name, "bytes") ? "byte must be in range(0, 256)"
                                                             : "bytes must be in range(0, 256)") < 0)
        return -1;
    *data = out->p;
    *size = out->size;
    return 0;
}

/* Parses (source, encoding, errors) positionally and by keyword. */
int rtb_parse_ctor(const char *name, const Value *args, size_t nargs, Value kwnames, Value *a)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    a[0] = a[1] = a[2] = 0;
    size_t nkw = kwnames ? (size_t)((TupleObject *)rt_obj(kwnames))->size : 0;
    if (nargs > 3) {
        rt_raise_fmt(rt_TypeError, "%s() takes at most 3 arguments (%lld given)", name,
                     (long long)(nargs + nkw));
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) a[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        const char *kw = rt_str_data(((TupleObject *)rt_obj(kwnames))->items[k]);
        int j = 0;
        while (j < 3 && strcmp(kw, names[j]) != 0) j++;
        if (j == 3) {
            rt_raise_fmt(rt_TypeError, "'%s' is an invalid keyword argument for %s()", kw, name);
            return -1;
        }
        a[j] = args[nargs + k];
    }
    return 0;
}

Value rt_bytes_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    Value a[3];
    if (rtb_parse_ctor("bytes", args, nargs, kwnames, a) < 0) return RT_ERR;
    if (a[0] && !a[1] && !a[2] && rt_typeof(a[0]) == &rt_bytes_type) return a[0];
    RtsBuf buf;
    rts_buf_init(&buf);
    const char *data;
    int64_t size;
    if (rtb_from_args("bytes", a[0], a[1], a[2], &buf, &data, &size) < 0) return RT_ERR;
    if (type != &rt_bytes_type) {
        return rt_raise_str(rt_TypeError, "bytes subclasses are not constructible yet");
    }
    return rt_bytes_from(data ? data : "", (size_t)size);
}

/* ================================================================ repr ================== */

/* b'...' as CPython writes it; prefix/suffix wrap it (bytearray(...)).  CPython's bytearray
 * repr escapes a single quote even inside double quotes; bytes' repr does not. */
Value rtb_repr(const char *data, int64_t size, const char *prefix, const char *suffix)
{
    int always_sq = prefix[0] != 0;
    int has_sq = memchr(data, '\'', (size_t)size) != NULL;
    int has_dq = memchr(data, '"', (size_t)size) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_puts(&b, prefix) < 0 || rts_buf_putc(&b, 'b') < 0 ||
        rts_buf_putc(&b, (uint32_t)quote) < 0)
        return RT_ERR;
    static const char hex[] = "0123456789abcdef";
    for (int64_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)data[i];
        char tmp[4];
        int n = 2;
        tmp[0] = '\\';
        if (c == (unsigned char)quote || c == '\\' || (always_sq && c == '\'')) tmp[1] = (char)c;
        else if (c == '\t') tmp[1] = 't';
        else if (c == '\n') tmp[1] = 'n';
        else if (c == '\r') tmp[1] = 'r';
        else if (c < 0x20 || c >= 0x7F) { tmp[1] = 'x'; tmp[2] = hex[c >> 4]; tmp[3] = hex[c & 15]; n = 4; }
        else { tmp[0] = (char)c; n = 1; }
        if (rts_buf_put(&b, tmp, n, n) < 0) return RT_ERR;
    }
    if (rts_buf_putc(&b, (uint32_t)quote) < 0 || rts_buf_puts(&b, suffix) < 0) return RT_ERR;
    return rts_buf_finish(&b);
}

Value rt_bytes_repr(Value v) { return rtb_repr(RTB(v)->data, RTB(v)->size, "", ""); }

/* str(bytes) is its repr (the -b warning of CPython is not emulated) */
static Value bytes_str(Value v) { return rt_bytes_repr(v); }

/* ================================================================ sequence ============== */

int64_t rt_bytes_len(Value b) { return RTB(b)->size; }

int64_t rt_bytes_hash(Value v)
{
    BytesObject *b = RTB(v);
    if (b->hash == -1) b->hash = rts_hash_bytes(b->data, (size_t)b->size);
    return b->hash;
}

/* A slice of (data, size) as a new bytes (as_bytearray = 0) or bytearray. */
Value rtb_slice(const char *data, int64_t size, Value slice, int as_bytearray)
{
    int64_t start, stop, step;
    int64_t n = rts_slice_unpack(slice, size, &start, &stop, &step);
    if (n < 0) return RT_ERR;
    if (step == 1) {
        return as_bytearray ? rt_bytearray_from(data + start, (size_t)n)
                            : rt_bytes_from(data + start, (size_t)n);
    }
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_reserve(&b, n) < 0) return RT_ERR;
    for (int64_t k = 0; k < n; k++) b.p[k] = data[start + k * step];
    return as_bytearray ? rt_bytearray_from(b.p, (size_t)n) : rt_bytes_from(b.p, (size_t)n);
}

/* An index argument of bytes/bytearray subscription: 0 ok, 1 not an index (no exception),
 * -1 after raising. */
int rtb_index(Value key, int64_t *out)
{
    if (rt_is_small(key)) { *out = rt_small_val(key); return 0; }
    Type *t = rt_obj(key)->type;
    if (!(t->flags & RT_TPFLAG_INT_SUBCLASS) && !t->nb.index) return 1;
    if (rts_as_ssize(key, out) < 0) {
        Value e = rt_exc_pending();
        if (e && rt_exc_matches(e, rt_val(rt_OverflowError)) == 1) {
            rt_exc_fetch();
            rt_raise_fmt(rt_IndexError, "cannot fit '%s' into an index-sized integer", t->name);
        }
        return -1;
    }
    return 0;
}

Value rt_bytes_getitem(Value self, Value key)
{
    BytesObject *b = RTB(self);
    int64_t i;
    int r = rtb_index(key, &i);
    if (r < 0) return RT_ERR;
    if (r == 0) {
        if (i < 0) i += b->size;
        if (i < 0 || i >= b->size) return rt_raise_str(rt_IndexError, "index out of range");
        return rt_small((unsigned char)b->data[i]);
    }
    if (rt_obj(key)->type == &rt_slice_type) return rtb_slice(b->data, b->size, key, 0);
    return rt_raise_fmt(rt_TypeError, "byte indices must be integers or slices, not %s",
                        rts_tname(key));
}

Value rt_bytes_add(Value a, Value b)
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
    if (m == 0 && rt_typeof(a) == &rt_bytes_type) return a;
    if (n == 0 && rt_typeof(b) == &rt_bytes_type) return b;
    BytesObject *r = bytes_alloc(n + m);
    if (!r) return RT_ERR;
    memcpy(r->data, x, (size_t)n);
    memcpy(r->data + n, y, (size_t)m);
    return rt_val(r);
}

/* the repeat count of b * n / n * b: 0 ok, 1 not an index, -1 after raising; a huge negative
 * count is 0, a huge positive one an error */
int rtb_repeat_count(Value n, int64_t *out)
{
    int r = rtb_index(n, out);
    if (r) {
        Value e = rt_exc_pending();
        if (r < 0 && e && rt_exc_matches(e, rt_val(rt_IndexError)) == 1 && rt_int_sign(n) < 0) {
            rt_exc_fetch();
            *out = 0;
            return 0;
        }
    }
    return r;
}

Value rt_bytes_mul(Value a, Value b)
{
    Value s = rtb_is_bytes(a) ? a : b, n = s == a ? b : a;
    int64_t k;
    int r = rtb_repeat_count(n, &k);
    if (r < 0) return RT_ERR;
    if (r) {
        return rt_raise_fmt(rt_TypeError, "can't multiply sequence by non-int of type '%s'",
                            rts_tname(n));
    }
    BytesObject *x = RTB(s);
    if (k <= 0 || x->size == 0) return rt_bytes_from("", 0);
    if (k == 1 && x->ob.type == &rt_bytes_type) return s;
    if (x->size > BYTES_MAX_SIZE / k) return rt_raise_str(rt_OverflowError, "repeated bytes are too long");
    BytesObject *out = bytes_alloc(x->size * k);
    if (!out) return RT_ERR;
    for (int64_t i = 0; i < k; i++) memcpy(out->data + i * x->size, x->data, (size_t)x->size);
    return rt_val(out);
}

/* `x in b` for (data, size): x an int in range(256) or a bytes-like object */
int rtb_contains(const char *data, int64_t size, Value x)
{
    int64_t v;
    int r = rt_is_small(x) || (rt_obj(x)->type->flags & RT_TPFLAG_INT_SUBCLASS) ||
                    rt_obj(x)->type->nb.index
                ? rts_as_ssize(x, &v)
                : 1;
    if (r < 0) return -1;
    if (r == 0) {
        if (v < 0 || v > 255) {
            rt_raise_str(rt_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(data, (int)v, (size_t)size) != NULL;
    }
    const char *sub;
    int64_t n;
    if (rt_bytes_view(x, &sub, &n) < 0) return -1;
    return rts_find_bytes(data, size, sub, n) >= 0;
}

int rt_bytes_contains(Value b, Value x) { return rtb_contains(RTB(b)->data, RTB(b)->size, x); }

/* Comparison of two byte strings, for bytes and bytearray alike: NotImplemented unless both
 * are bytes-like. */
Value rtb_richcompare(Value a, Value b, int op)
{
    const char *x, *y;
    int64_t n, m;
    /* bytes compares only with bytes; a memoryview answers == itself (reflected) */
    if (rtb_is_bytes(a) && rt_is_memoryview(b)) return rt_NotImplemented;
    if (rt_bytes_view(a, &x, &n) < 0 || rt_bytes_view(b, &y, &m) < 0) {
        rt_exc_fetch();
        return rt_NotImplemented;
    }
    if (op == RT_EQ || op == RT_NE) {
        int eq = n == m && memcmp(x, y, (size_t)n) == 0;
        return rt_bool(op == RT_EQ ? eq : !eq);
    }
    int c = memcmp(x, y, (size_t)(n < m ? n : m));
    if (c == 0) c = n < m ? -1 : n > m;
    switch (op) {
    case RT_LT: return rt_bool(c < 0);
    case RT_LE: return rt_bool(c <= 0);
    case RT_GT: return rt_bool(c > 0);
    default: return rt_bool(c >= 0);
    }
}

Value rt_bytes_richcompare(Value a, Value b, int op) { return rtb_richcompare(a, b, op); }

/* ================================================================ iteration ============= */

typedef struct BytesIterObject { Object ob; Value seq; int64_t i; } BytesIterObject;

static Value bytesiter_self(Value v) { return v; }

static Value bytesiter_next(Value v)
{
    BytesIterObject *it = (BytesIterObject *)rt_obj(v);
    const char *data;
    int64_t size;
    if (rt_bytes_view(it->seq, &data, &size) < 0) return RT_ERR;
    if (it->i >= size) return RT_ERR;   /* exhausted (a bytearray may have shrunk) */
    return rt_small((unsigned char)data[it->i++]);
}

Type rt_bytes_iterator_type = {
    .ob = {&rt_type_type}, .name = "bytes_iterator", .base = &rt_object_type,
    .basicsize = sizeof(BytesIterObject), .iter = bytesiter_self, .iternext = bytesiter_next,
};

Value rtb_iter(Value seq)
{
    BytesIterObject *it = (BytesIterObject *)rt_new_object(&rt_bytes_iterator_type, sizeof *it);
    if (!it) return RT_ERR;
    it->seq = seq;
    it->i = 0;
    return rt_val(it);
}

Value rt_bytes_iter(Value b) { return rtb_iter(b); }

/* ================================================================ the type ============== */

Type rt_bytes_type = {
    .ob = {&rt_type_type},
    .name = "bytes",
    .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE,
    .basicsize = sizeof(BytesObject),
    .itemsize = 1,
    .repr = rt_bytes_repr,
    .str = bytes_str,
    .hash = rt_bytes_hash,
    .richcompare = rt_bytes_richcompare,
    .iter = rt_bytes_iter,
    .new_ = rt_bytes_tp_new,
    .len = rt_bytes_len,
    .getitem = rt_bytes_getitem,
    .contains = rt_bytes_contains,
    .nb = {.add = rt_bytes_add, .mul = rt_bytes_mul, .mod = rt_bytes_mod},
};
