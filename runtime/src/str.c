/*
 * str.c - the str type: construction, interning, the code-point index, indexing and slicing,
 * concatenation, repetition, comparison, hashing, repr, iteration and the type object.
 *
 * Entry points: rt_str_* of rt.h and rt_str.h (construction, slots, operators), the rts_*
 * helpers of str_internal.h (allocation, buffers, argument conversion) used by the other str
 * files.  The methods live in str_methods.c and str_case.c.
 *
 * Invariants (see rt_str.h for the layout):
 *   - a published str is never modified, except for the caches: hash (idempotent) and the
 *     code-point index (filled once, flagged with release order);
 *   - exact str objects are allocated atomic (never scanned by the collector): they hold no
 *     pointers, the index lives inside the same allocation;
 *   - "" and the strings of one code point below 256 are cached singletons, so results that are
 *     empty or one Latin-1 character never allocate;
 *   - code-point order is UTF-8 byte order (also with surrogates), so comparison is memcmp.
 */
#define _GNU_SOURCE 1   /* memmem */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "str_internal.h"

#define STR_MAX_SIZE ((int64_t)1 << 40)   /* bytes; beyond this MemoryError, not overflow UB */

/* ================================================================ allocation ============ */

static size_t index_pos(int64_t size)
{
    return (offsetof(StrObject, data) + (size_t)size + 1 + 7) & ~(size_t)7;
}

StrObject *rts_alloc(int64_t size, int64_t len)
{
    if (size < 0 || size > STR_MAX_SIZE) {
        rt_raise_str(rt_MemoryError, "");
        return NULL;
    }
    size_t bytes = offsetof(StrObject, data) + (size_t)size + 1;
    int room = len != size && len >= RT_STR_INDEX_STEP;
    /* the index entries, then the cursor (see rts_offset); both written by build_index, as
     * the block is not cleared */
    if (room) bytes = index_pos(size) + (size_t)(len / RT_STR_INDEX_STEP + 1) * sizeof(int64_t);
    StrObject *s = rt_alloc_atomic_inline(bytes);
    if (!s) return NULL;
    s->ob.type = &rt_str_type;
    s->len = len;
    s->size = size;
    s->hash = -1;
    s->ascii = len == size;
    s->state = room ? RT_STR_INDEX_ROOM : 0;
    s->data[size] = 0;
    return s;
}

static Value char_cache[256];
Value rts_empty;

Value rts_get_empty(void)
{
    if (!rts_empty) {
        StrObject *s = rts_alloc(0, 0);
        if (!s) return RT_ERR;
        s->hash = 0;
        rts_empty = rt_val(s);
    }
    return rts_empty;
}

void rt_str_init(void)
{
    rt_hash_seed_init();
    rts_get_empty();
    for (uint32_t c = 0; c < 256; c++) rts_char(c);
}

static Value __attribute__((noinline)) char_make(uint32_t c)
{
    char buf[4];
    int n = rts_encode(c, buf);
    StrObject *s = rts_alloc(n, 1);
    if (!s) return RT_ERR;
    memcpy(s->data, buf, (size_t)n);
    if (c < 256) char_cache[c] = rt_val(s);
    return rt_val(s);
}

/* the cached characters without a frame; others (and the first use of each) made out of line */
Value rts_char(uint32_t c)
{
    if (c < 256 && char_cache[c]) return char_cache[c];
    return char_make(c);
}

Value rts_new(const char *p, int64_t size, int64_t len)
{
    if (len == 0) return rts_get_empty();
    if (len == 1 && (unsigned char)p[0] < 0xC4) {   /* U+0000..U+00FF */
        int n;
        return rts_char(rts_decode(p, &n));
    }
    StrObject *s = rts_alloc(size, len);
    if (!s) return RT_ERR;
    rts_copy(s->data, p, (size_t)size);   /* words split out of a text are short: no call */
    return rt_val(s);
}

/* Code points = bytes that are not continuation bytes (10xxxxxx); counted 8 bytes at a time. */
int64_t rts_count_cps(const char *s, int64_t n)
{
    int64_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        /* a continuation byte has bit 7 set and bit 6 clear */
        uint64_t c = w & ~(w << 1) & UINT64_C(0x8080808080808080);
        cont += __builtin_popcountll(c);
    }
    for (; i < n; i++) cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

Value rt_str_from_utf8(const char *s, size_t n)
{
    return rts_new(s, (int64_t)n, rts_count_cps(s, (int64_t)n));
}

Value rt_str_from_cstr(const char *s) { return rt_str_from_utf8(s, strlen(s)); }

Value rt_str_from_codepoint(uint32_t c) { return rts_char(c); }

Value rt_str_from_latin1(const char *s, size_t n)
{
    int64_t extra = 0;
    for (size_t i = 0; i < n; i++) extra += (unsigned char)s[i] >> 7;
    if (extra == 0) return rts_new(s, (int64_t)n, (int64_t)n);
    StrObject *o = rts_alloc((int64_t)n + extra, (int64_t)n);
    if (!o) return RT_ERR;
    char *d = o->data;
    for (size_t i = 0; i < n; i++) d += rts_encode((unsigned char)s[i], d);
    return rt_val(o);
}

/* ================================================================ buffers =============== */

void rts_buf_init(RtsBuf *b)
{
    b->p = b->inline_;
    b->size = b->len = 0;
    b->cap = (int64_t)sizeof b->inline_;
}

int rts_buf_reserve(RtsBuf *b, int64_t extra)
{
    if (b->size + extra <= b->cap) return 0;
    if (extra > STR_MAX_SIZE || b->size + extra > STR_MAX_SIZE) {
        rt_raise_str(rt_MemoryError, "");
        return -1;
    }
    int64_t cap = b->cap * 2;
    while (cap < b->size + extra) cap *= 2;
    char *p;
    if (b->p == b->inline_) {
        p = rt_alloc_atomic((size_t)cap);
        if (p) memcpy(p, b->inline_, (size_t)b->size);
    } else {
        p = rt_realloc(b->p, (size_t)cap);
    }
    if (!p) return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

int rts_buf_put(RtsBuf *b, const char *s, int64_t n, int64_t ncp)
{
    if (rts_buf_reserve(b, n) < 0) return -1;
    memcpy(b->p + b->size, s, (size_t)n);
    b->size += n;
    b->len += ncp >= 0 ? ncp : rts_count_cps(s, n);
    return 0;
}

int rts_buf_putc(RtsBuf *b, uint32_t c)
{
    if (b->size + 4 > b->cap && rts_buf_reserve(b, 4) < 0) return -1;
    b->size += rts_encode(c, b->p + b->size);
    b->len++;
    return 0;
}

int rts_buf_puts(RtsBuf *b, const char *cstr)
{
    int64_t n = (int64_t)strlen(cstr);
    return rts_buf_put(b, cstr, n, n);
}

Value rts_buf_finish(RtsBuf *b)
{
    return rts_new(b->p, b->size, b->len);
}

/* ================================================================ interning ============= */

/* Open addressing over the content hash; the table array is GC memory reachable from a static
 * root, so interned strings live forever (as in CPython for identifiers). */
static Value *intern_tab;
static int64_t intern_mask = -1, intern_used;
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;

static int intern_grow(void)
{
    int64_t ncap = intern_mask < 0 ? 1024 : (intern_mask + 1) * 2;
    Value *t = rt_alloc((size_t)ncap * sizeof(Value));
    if (!t) return -1;
    for (int64_t i = 0; i <= intern_mask; i++) {
        Value v = intern_tab[i];
        if (!v) continue;
        uint64_t h = (uint64_t)rt_str_hash(v);
        for (uint64_t j = h & (uint64_t)(ncap - 1);; j = (j + 1) & (uint64_t)(ncap - 1)) {
            if (!t[j]) { t[j] = v; break; }
        }
    }
    intern_tab = t;
    intern_mask = ncap - 1;
    return 0;
}

/* The interned equal of s (s itself if new).  RT_ERR after MemoryError. */
static Value intern_value(Value s)
{
    StrObject *o = RTS(s);
    if (o->state & RT_STR_INTERNED) return s;
    uint64_t h = (uint64_t)rt_str_hash(s);
    pthread_mutex_lock(&intern_lock);
    if ((intern_used + 1) * 3 >= (intern_mask + 1) * 2 && intern_grow() < 0) {
        pthread_mutex_unlock(&intern_lock);
        return RT_ERR;
    }
    Value found = s;
    for (uint64_t j = h & (uint64_t)intern_mask;; j = (j + 1) & (uint64_t)intern_mask) {
        Value v = intern_tab[j];
        if (!v) {
            intern_tab[j] = s;
            intern_used++;
            __atomic_fetch_or(&o->state, RT_STR_INTERNED, __ATOMIC_RELEASE);
            break;
        }
        if (rt_str_eq(v, s)) { found = v; break; }
    }
    pthread_mutex_unlock(&intern_lock);
    return found;
}

/* The runtime interns literal names ("__init__", "__next__") on every call of a slot
 * wrapper or special-method lookup: a small per-thread cache keyed by the C string's address
 * (checked against its text, so a reused buffer is no risk) skips building, hashing and
 * probing a str each time.  Interned strs stay in intern_tab for good, so the cache needs no
 * root. */
static _Thread_local struct {
    const char *p;
    Value v;
} intern_cache[64];

Value rt_str_intern(const char *s)
{
    size_t k = ((uintptr_t)s >> 3) & 63;
    Value c = intern_cache[k].v;
    if (intern_cache[k].p == s && c && strcmp(RTS(c)->data, s) == 0)
        return c;
    Value v = rt_str_from_cstr(s);
    v = v ? intern_value(v) : RT_ERR;
    if (v) {
        intern_cache[k].p = s;
        intern_cache[k].v = v;
    }
    return v;
}

Value rt_str_intern_value(Value s) { return intern_value(s); }

/* ================================================================ code-point index ====== */

static int64_t *index_of(StrObject *s) { return (int64_t *)((char *)s + index_pos(s->size)); }

static const char *skip_forward(const char *p, int64_t n)
{
    /* eight ASCII bytes at a time: n >= 8 code points remain, so the 8 bytes read are the
     * string's own (mostly-ASCII text indexed between index entries) */
    while (n > 0) {
        if (n >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (!(w & UINT64_C(0x8080808080808080))) {
                p += 8;
                n -= 8;
                continue;
            }
        }
        p += rts_seqlen((unsigned char)*p);
        n--;
    }
    return p;
}

/* Fills the index and sets the cursor to code point 0 at byte 0.  The cursor must be written
 * here: a str's block is pointer-free memory, which the allocator hands out uncleared, so a
 * block reused after a collection holds whatever its last owner left there (another str's
 * cursor, a float, a byte buffer), and a stale cursor that passes rts_offset's test points at
 * the wrong byte (json_accel_test: s[1] of a fresh JSON text read its fourth character). */
static void build_index(StrObject *s)
{
    int64_t *idx = index_of(s);
    int64_t nblocks = s->len / RT_STR_INDEX_STEP;
    const char *p = s->data;
    for (int64_t k = 0; k < nblocks; k++) {
        p = skip_forward(p, RT_STR_INDEX_STEP);
        idx[k] = p - s->data;
    }
    __atomic_store_n(&idx[nblocks], 0, __ATOMIC_RELAXED);
    __atomic_fetch_or(&s->state, RT_STR_INDEXED, __ATOMIC_RELEASE);
}

int64_t rts_offset(StrObject *s, int64_t i)
{
    if (s->ascii) return i;
    if (i >= s->len) return s->size;
    if (i <= 0) return 0;
    int state = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
    if (state & RT_STR_INDEX_ROOM) {
        if (!(state & RT_STR_INDEXED)) build_index(s);
        int64_t *idx = index_of(s);
        int64_t k = i / RT_STR_INDEX_STEP;
        const char *base = s->data + (k ? idx[k - 1] : 0);
        /* a block whose bytes are as many as its code points is all ASCII (mostly-ASCII text
         * with a few accents): the offset is direct */
        int64_t nidx = s->len / RT_STR_INDEX_STEP;
        int64_t end = k < nidx ? idx[k] : s->size;
        int64_t ncp = k < nidx ? RT_STR_INDEX_STEP : s->len - k * RT_STR_INDEX_STEP;
        if (s->data + end - base == ncp) return base - s->data + (i - k * RT_STR_INDEX_STEP);
        /* The cursor remembers the last position asked for, as (code point << 10) | its byte
         * offset from its block's start (at most 63 * 4): a scan that moves forward a little
         * at a time (a lexer's s[i]) skips from there instead of from the block's start.  One
         * word, so a reader always sees a consistent pair. */
        int64_t *cursor = &idx[s->len / RT_STR_INDEX_STEP];
        uint64_t cur = (uint64_t)__atomic_load_n(cursor, __ATOMIC_RELAXED);
        int64_t ci = (int64_t)(cur >> 10);
        const char *p;
        if (ci <= i && ci / RT_STR_INDEX_STEP == k) {
            /* a scanner reads the same position again or the next one: no loop */
            const char *q = base + (cur & 1023);
            if (ci == i) return q - s->data;
            p = ci + 1 == i ? q + rts_seqlen((unsigned char)*q) : skip_forward(q, i - ci);
        } else
            p = skip_forward(base, i - k * RT_STR_INDEX_STEP);
        __atomic_store_n(cursor, (int64_t)(((uint64_t)i << 10) | (uint64_t)(p - base)),
                         __ATOMIC_RELAXED);
        return p - s->data;
    }
    /* no index: scan from the nearer end */
    if (i <= s->len / 2) return skip_forward(s->data, i) - s->data;
    const char *p = s->data + s->size;
    for (int64_t n = s->len - i; n > 0; n--) {
        do p--; while (((unsigned char)*p & 0xC0) == 0x80);
    }
    return p - s->data;
}

/* ================================================================ arguments ============= */

const char *rts_tname(Value v) { return rt_typeof(v)->name; }

static int is_int_object(Value v)
{
    return rt_is_small(v) || (rt_obj(v)->type->flags & RT_TPFLAG_INT_SUBCLASS);
}

/* v is int-like: small, bool, big, or has __index__.  Converts to an exact int Value, or 0 with
 * *bad = 1 (not int-like, no exception) or 0 after raising. */
static Value index_value(Value v, int *bad)
{
    *bad = 0;
    if (is_int_object(v)) return v;
    Type *t = rt_typeof(v);
    if (t->nb.index) {
        Value r = t->nb.index(v);
        if (r && !is_int_object(r)) {
            return rt_raise_fmt(rt_TypeError, "__index__ returned non-int (type %s)", rts_tname(r));
        }
        return r;
    }
    *bad = 1;
    return 0;
}

static int int_value(Value v, int64_t *out, int *overflow)
{
    *overflow = 0;
    if (rt_is_small(v)) { *out = rt_small_val(v); return 0; }
    if (rt_obj(v)->type == &rt_bool_type) { *out = ((BoolObject *)rt_obj(v))->v; return 0; }
    if (rt_int_as_i64(v, out) == 0) return 0;
    Value e = rt_exc_pending();
    if (e && rt_exc_matches(e, rt_val(rt_OverflowError)) == 1) {
        *overflow = rt_int_sign(v);
        return 0;
    }
    return -1;
}

int rts_as_ssize(Value v, int64_t *out)
{
    if (rt_is_small(v)) { *out = rt_small_val(v); return 0; }
    int bad, ovf;
    Value iv = index_value(v, &bad);
    if (bad) {
        rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer", rts_tname(v));
        return -1;
    }
    if (!iv || int_value(iv, out, &ovf) < 0) return -1;
    if (ovf) {
        rt_exc_fetch();
        rt_raise_str(rt_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

int rts_slice_index(Value v, int64_t *out)
{
    if (!v || v == rt_None) return 0;
    if (rt_is_small(v)) { *out = rt_small_val(v); return 0; }
    int bad, ovf;
    Value iv = index_value(v, &bad);
    if (bad) {
        rt_raise_str(rt_TypeError,
                     "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    if (!iv || int_value(iv, out, &ovf) < 0) return -1;
    if (ovf) {
        rt_exc_fetch();
        *out = ovf > 0 ? INT64_MAX : -INT64_MAX;   /* clamped, as _PyEval_SliceIndex */
    }
    return 0;
}

void rts_adjust_indices(int64_t *start, int64_t *end, int64_t len)
{
    if (*end > len) *end = len;
    else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
}

/* slice.indices(len) semantics: fills start/stop/step and returns the slice length; -1 after
 * raising. */
int64_t rts_slice_unpack(Value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    SliceObject *sl = (SliceObject *)rt_obj(slice);
    *step = 1;
    if (sl->step != rt_None && rts_slice_index(sl->step, step) < 0) return -1;
    if (*step == 0) {
        rt_raise_str(rt_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;   /* so that -step cannot overflow */
    *start = *step < 0 ? INT64_MAX : 0;
    *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    if (rts_slice_index(sl->start, start) < 0 || rts_slice_index(sl->stop, stop) < 0) return -1;
    /* PySlice_AdjustIndices */
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = *step < 0 ? -1 : 0;
    } else if (*start >= len) {
        *start = *step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0) *stop = *step < 0 ? -1 : 0;
    } else if (*stop >= len) {
        *stop = *step < 0 ? len - 1 : len;
    }
    if (*step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-*step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / *step + 1;
    }
    return 0;
}

/* ================================================================ indexing ============== */

Value rts_subbytes(Value self, int64_t from, int64_t to, int64_t len)
{
    StrObject *s = RTS(self);
    if (from == 0 && to == s->size && s->ob.type == &rt_str_type) return self;
    if (len < 0) len = s->ascii ? to - from : rts_count_cps(s->data + from, to - from);
    return rts_new(s->data + from, to - from, len);
}

Value rts_substr(Value self, int64_t i, int64_t j)
{
    StrObject *s = RTS(self);
    if (j <= i) return rts_get_empty();
    int64_t from = rts_offset(s, i);
    int64_t to = j - i == 1 ? from + rts_seqlen((unsigned char)s->data[from])
                 : s->ascii ? j
                 : j - i < RT_STR_INDEX_STEP ? skip_forward(s->data + from, j - i) - s->data
                 : rts_offset(s, j);
    return rts_subbytes(self, from, to, j - i);
}

static Value __attribute__((noinline)) item_error(void)
{
    return rt_raise_str(rt_IndexError, "string index out of range");
}

static Value __attribute__((noinline)) item_nonascii(StrObject *s, int64_t i)
{
    int n;
    return rts_char(rts_decode(s->data + rts_offset(s, i), &n));
}

/* s[i]: the ASCII case (a cached character) without a frame; the rest out of line */
Value rt_str_item(Value self, int64_t i)
{
    StrObject *s = RTS(self);
    if (i < 0) i += s->len;
    if ((uint64_t)i >= (uint64_t)s->len) return item_error();
    if (s->ascii) {
        unsigned char c = (unsigned char)s->data[i];
        if (char_cache[c]) return char_cache[c];
        return char_make(c);
    }
    return item_nonascii(s, i);
}

static Value slice_step(Value self, int64_t start, int64_t step, int64_t n)
{
    StrObject *s = RTS(self);
    if (n <= 0) return rts_get_empty();
    if (step == 1) return rts_substr(self, start, start + n);
    if (s->ascii) {
        StrObject *r = rts_alloc(n, n);
        if (!r) return RT_ERR;
        for (int64_t k = 0; k < n; k++) r->data[k] = s->data[start + k * step];
        return n == 1 ? rts_char((unsigned char)r->data[0]) : rt_val(r);
    }
    RtsBuf b;
    rts_buf_init(&b);
    const char *p = s->data + rts_offset(s, start);
    if (step > 0) {
        for (int64_t k = 0; k < n; k++) {
            int len = rts_seqlen((unsigned char)*p);
            if (rts_buf_put(&b, p, len, 1) < 0) return RT_ERR;
            if (k + 1 < n) p = skip_forward(p, step);
        }
    } else {
        for (int64_t k = 0; k < n; k++) {
            int len = rts_seqlen((unsigned char)*p);
            if (rts_buf_put(&b, p, len, 1) < 0) return RT_ERR;
            if (k + 1 < n) {
                for (int64_t m = -step; m > 0; m--) {
                    do p--; while (((unsigned char)*p & 0xC0) == 0x80);
                }
            }
        }
    }
    return rts_buf_finish(&b);
}

Value rt_str_getitem(Value self, Value key)
{
    if (rt_is_small(key)) return rt_str_item(self, rt_small_val(key));
    if (rt_obj(key)->type == &rt_slice_type) {
        int64_t start, stop, step;
        int64_t n = rts_slice_unpack(key, RTS(self)->len, &start, &stop, &step);
        if (n < 0) return RT_ERR;
        return slice_step(self, start, step, n);
    }
    int bad;
    Value iv = index_value(key, &bad);
    if (bad) {
        return rt_raise_fmt(rt_TypeError, "string indices must be integers, not '%s'",
                            rts_tname(key));
    }
    if (!iv) return RT_ERR;
    int64_t i;
    int ovf;
    if (int_value(iv, &i, &ovf) < 0) return RT_ERR;
    if (ovf) {
        rt_exc_fetch();
        return rt_raise_fmt(rt_IndexError, "cannot fit '%s' into an index-sized integer",
                            rts_tname(key));
    }
    return rt_str_item(self, i);
}

Value rt_str_slice(Value self, Value start, Value stop, Value step)
{
    SliceObject sl = {{&rt_slice_type}, start ? start : rt_None, stop ? stop : rt_None,
                      step ? step : rt_None};
    int64_t a, b, c;
    int64_t n = rts_slice_unpack(rt_val(&sl), RTS(self)->len, &a, &b, &c);
    if (n < 0) return RT_ERR;
    return slice_step(self, a, c, n);
}

int64_t rt_str_len(Value s) { return RTS(s)->len; }

/* ================================================================ operators ============= */

Value rt_str_concat(Value a, Value b)
{
    StrObject *x = RTS(a), *y = RTS(b);
    if (y->len == 0 && x->ob.type == &rt_str_type) return a;
    if (x->len == 0 && y->ob.type == &rt_str_type) return b;
    StrObject *r = rts_alloc(x->size + y->size, x->len + y->len);
    if (!r) return RT_ERR;
    memcpy(r->data, x->data, (size_t)x->size);
    memcpy(r->data + x->size, y->data, (size_t)y->size);
    return rt_val(r);
}

Value rt_str_concat_n(const Value *parts, int64_t n)
{
    if (n == 1 && rt_typeof(parts[0]) == &rt_str_type) return parts[0];
    int64_t size = 0, len = 0;
    for (int64_t i = 0; i < n; i++) {
        size += RTS(parts[i])->size;
        len += RTS(parts[i])->len;
        if (size > STR_MAX_SIZE) return rt_raise_str(rt_MemoryError, "");
    }
    if (len <= 1) {
        for (int64_t i = 0; i < n; i++) {
            if (RTS(parts[i])->len) return rts_new(RTS(parts[i])->data, RTS(parts[i])->size, 1);
        }
        return rts_get_empty();
    }
    StrObject *r = rts_alloc(size, len);
    if (!r) return RT_ERR;
    char *d = r->data;
    for (int64_t i = 0; i < n; i++) {
        rts_copy(d, RTS(parts[i])->data, (size_t)RTS(parts[i])->size);
        d += RTS(parts[i])->size;
    }
    return rt_val(r);
}

Value rt_str_add(Value a, Value b)
{
    if (!rts_is_str(a)) return rt_NotImplemented;
    if (!rts_is_str(b)) {
        return rt_raise_fmt(rt_TypeError, "can only concatenate str (not \"%s\") to str",
                            rts_tname(b));
    }
    return rt_str_concat(a, b);
}

Value rt_str_repeat(Value self, int64_t n)
{
    StrObject *s = RTS(self);
    if (n <= 0 || s->len == 0) return rts_get_empty();
    if (n == 1 && s->ob.type == &rt_str_type) return self;
    if (s->size > STR_MAX_SIZE / n) return rt_raise_str(rt_OverflowError, "repeated string is too long");
    StrObject *r = rts_alloc(s->size * n, s->len * n);
    if (!r) return RT_ERR;
    int64_t total = s->size * n, done = s->size;
    memcpy(r->data, s->data, (size_t)s->size);
    while (done < total) {   /* doubling copies: O(log n) memcpy calls */
        int64_t chunk = done < total - done ? done : total - done;
        memcpy(r->data + done, r->data, (size_t)chunk);
        done += chunk;
    }
    return rt_val(r);
}

/* s * n and n * s: one operand a str, the other an index. */
Value rt_str_mul(Value a, Value b)
{
    Value s = a, n = b;
    if (!rts_is_str(a)) { s = b; n = a; }
    if (!rts_is_str(s)) return rt_NotImplemented;
    int bad;
    Value iv = index_value(n, &bad);
    if (bad) {
        return rt_raise_fmt(rt_TypeError, "can't multiply sequence by non-int of type '%s'",
                            rts_tname(n));
    }
    if (!iv) return RT_ERR;
    int64_t k;
    int ovf;
    if (int_value(iv, &k, &ovf) < 0) return RT_ERR;
    if (ovf) {
        rt_exc_fetch();
        if (ovf < 0) return rts_get_empty();
        return rt_raise_fmt(rt_OverflowError, "cannot fit '%s' into an index-sized integer",
                            rts_tname(n));
    }
    return rt_str_repeat(s, k);
}

/* ================================================================ comparison ============ */

int rt_str_eq(Value a, Value b)
{
    if (a == b) return 1;
    StrObject *x = RTS(a), *y = RTS(b);
    if (x->size != y->size) return 0;
    if ((x->state & y->state & RT_STR_INTERNED)) return 0;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return 0;
    return rt_str_bytes_eq(x->data, y->data, x->size);
}

int rt_str_compare(Value a, Value b)
{
    StrObject *x = RTS(a), *y = RTS(b);
    int64_t n = x->size < y->size ? x->size : y->size;
    int c = memcmp(x->data, y->data, (size_t)n);
    if (c) return c;
    return x->size < y->size ? -1 : x->size > y->size;
}

Value rt_str_richcompare(Value a, Value b, int op)
{
    if (!rts_is_str(a) || !rts_is_str(b)) return rt_NotImplemented;
    switch (op) {
    case RT_EQ: return rt_bool(rt_str_eq(a, b));
    case RT_NE: return rt_bool(!rt_str_eq(a, b));
    case RT_LT: return rt_bool(rt_str_compare(a, b) < 0);
    case RT_LE: return rt_bool(rt_str_compare(a, b) <= 0);
    case RT_GT: return rt_bool(rt_str_compare(a, b) > 0);
    default: return rt_bool(rt_str_compare(a, b) >= 0);
    }
}

int64_t rt_str_hash(Value v)
{
    StrObject *s = RTS(v);
    if (s->hash == -1) s->hash = rts_hash_bytes(s->data, (size_t)s->size);
    return s->hash;
}

int rt_str_contains(Value self, Value sub)
{
    if (!rts_is_str(sub)) {
        rt_raise_fmt(rt_TypeError, "'in <string>' requires string as left operand, not %s",
                     rts_tname(sub));
        return -1;
    }
    StrObject *s = RTS(self), *t = RTS(sub);
    return rts_find_bytes(s->data, s->size, t->data, t->size) >= 0;   /* memchr for one byte */
}

/* ================================================================ repr ================== */

static const char hexdig[] = "0123456789abcdef";

Value rt_str_repr(Value v)
{
    StrObject *s = RTS(v);
    /* quote choice: ' unless the text has ' and no " */
    int has_sq = memchr(s->data, '\'', (size_t)s->size) != NULL;
    int has_dq = memchr(s->data, '"', (size_t)s->size) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_reserve(&b, s->size + 2) < 0) return RT_ERR;
    char tmp[12];
    rts_buf_putc(&b, (uint32_t)quote);
    const char *p = s->data, *end = s->data + s->size;
    while (p < end) {
        /* copy the run that needs no escaping in one go */
        const char *run = p;
        while (p < end && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F && *p != '\\' &&
               *p != quote)
            p++;
        if (p > run && rts_buf_put(&b, run, p - run, p - run) < 0) return RT_ERR;
        if (p >= end) break;
        int n;
        uint32_t c = rts_decode(p, &n);
        const char *esc = NULL;
        switch (c) {
        case '\\': esc = "\\\\"; break;
        case '\t': esc = "\\t"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        default:
            if (c == (uint32_t)quote) { tmp[0] = '\\'; tmp[1] = quote; tmp[2] = 0; esc = tmp; }
        }
        if (esc) {
            if (rts_buf_puts(&b, esc) < 0) return RT_ERR;
        } else if (c >= 0x80 && uni_isprintable(c)) {
            if (rts_buf_put(&b, p, n, 1) < 0) return RT_ERR;
        } else {
            int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
            tmp[0] = '\\';
            tmp[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
            for (int k = 0; k < digits; k++) tmp[2 + k] = hexdig[(c >> (4 * (digits - 1 - k))) & 15];
            tmp[2 + digits] = 0;
            if (rts_buf_puts(&b, tmp) < 0) return RT_ERR;
        }
        p += n;
    }
    if (rts_buf_putc(&b, (uint32_t)quote) < 0) return RT_ERR;
    return rts_buf_finish(&b);
}

/* str(s): s itself for an exact str, a plain copy for a subclass instance. */
Value rt_str_str(Value v)
{
    StrObject *s = RTS(v);
    if (s->ob.type == &rt_str_type) return v;
    return rts_new(s->data, s->size, s->len);
}

/* ================================================================ join ================== */

Value rt_str_join(Value sep, Value iterable)
{
    const Value *items;
    int64_t n;
    Value tmp = 0;
    Type *t = rt_typeof(iterable);
    if (t == &rt_list_type) {
        items = ((ListObject *)rt_obj(iterable))->items;
        n = ((ListObject *)rt_obj(iterable))->size;
    } else if (t == &rt_tuple_type) {
        items = ((TupleObject *)rt_obj(iterable))->items;
        n = ((TupleObject *)rt_obj(iterable))->size;
    } else {
        /* materialise other iterables first: the items must be checked before building */
        Value it = rt_iter(iterable);
        if (!it) {
            Value e = rt_exc_pending();
            if (e && rt_exc_matches(e, rt_val(rt_TypeError)) == 1) {
                rt_exc_fetch();
                return rt_raise_str(rt_TypeError, "can only join an iterable");
            }
            return RT_ERR;
        }
        tmp = rt_list_new(0);
        if (!tmp) return RT_ERR;
        for (;;) {
            Value x = rt_next(it);
            if (!x) {
                if (rt_exc_pending()) return RT_ERR;
                break;
            }
            if (rt_list_append(tmp, x) < 0) return RT_ERR;
        }
        items = ((ListObject *)rt_obj(tmp))->items;
        n = ((ListObject *)rt_obj(tmp))->size;
    }
    if (n == 0) return rts_get_empty();
    if (n == 1 && rt_typeof(items[0]) == &rt_str_type) return items[0];
    StrObject *s = RTS(sep);
    int64_t size = s->size * (n - 1), len = s->len * (n - 1);
    for (int64_t i = 0; i < n; i++) {
        if (!rts_is_str(items[i])) {
            return rt_raise_fmt(rt_TypeError, "sequence item %lld: expected str instance, %s found",
                                (long long)i, rts_tname(items[i]));
        }
        size += RTS(items[i])->size;
        len += RTS(items[i])->len;
        if (size > STR_MAX_SIZE) return rt_raise_str(rt_OverflowError, "join() result is too long for a Python string");
    }
    StrObject *r = rts_alloc(size, len);
    if (!r) return RT_ERR;
    char *d = r->data;
    for (int64_t i = 0; i < n; i++) {
        if (i && s->size) { rts_copy(d, s->data, (size_t)s->size); d += s->size; }
        StrObject *x = RTS(items[i]);
        rts_copy(d, x->data, (size_t)x->size);
        d += x->size;
    }
    return rt_val(r);
}

Value rt_str_join_method(Value self, Value iterable) { return rt_str_join(self, iterable); }

/* ================================================================ iteration ============= */

typedef struct StrIterObject {
    Object ob;
    Value s;
    int64_t pos;     /* byte offset of the next code point */
} StrIterObject;

static Value striter_iter(Value it) { return it; }

static Value striter_next(Value itv)
{
    StrIterObject *it = (StrIterObject *)rt_obj(itv);
    StrObject *s = RTS(it->s);
    if (it->pos >= s->size) return RT_ERR;   /* exhausted, no exception */
    int n;
    uint32_t c = rts_decode(s->data + it->pos, &n);
    it->pos += n;
    return rts_char(c);
}

Type rt_str_iterator_type = {
    .ob = {&rt_type_type}, .name = "str_iterator", .base = &rt_object_type,
    .basicsize = sizeof(StrIterObject), .iter = striter_iter, .iternext = striter_next,
};

Value rt_str_iter(Value s)
{
    StrIterObject *it = (StrIterObject *)rt_new_object(&rt_str_iterator_type, sizeof *it);
    if (!it) return RT_ERR;
    it->s = s;
    it->pos = 0;
    return rt_val(it);
}

/* ================================================================ str() ================= */

/* str(object='') and str(object=b'', encoding='utf-8', errors='strict'). */
Value rt_str_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    Value a[3] = {0, 0, 0};
    size_t nkw = kwnames ? (size_t)((TupleObject *)rt_obj(kwnames))->size : 0;
    if (nargs > 3) {
        return rt_raise_fmt(rt_TypeError, "str() takes at most 3 arguments (%lld given)",
                            (long long)(nargs + nkw));
    }
    for (size_t i = 0; i < nargs; i++) a[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Value name = ((TupleObject *)rt_obj(kwnames))->items[k];
        int found = -1;
        for (int j = 0; j < 3; j++) {
            if (strcmp(rt_str_data(name), names[j]) == 0) found = j;
        }
        if (found < 0) {
            return rt_raise_fmt(rt_TypeError, "'%s' is an invalid keyword argument for str()",
                                rt_str_data(name));
        }
        if (a[found]) {
            return rt_raise_fmt(rt_TypeError, "argument for str() given by name ('%s') and position (%d)",
                                names[found], found + 1);
        }
        a[found] = args[nargs + k];
    }
    if (type != &rt_str_type) {
        /* a subclass instance: the StrObject layout and text, then (8-byte aligned after
         * the text's NUL) the subclass's room, its __dict__ (attr.c finds it there) */
        Value v = rt_str_tp_new(&rt_str_type, args, nargs, kwnames);
        if (!v) return RT_ERR;
        StrObject *src = RTS(v);
        size_t text = ((size_t)src->size + 1 + 7) & ~(size_t)7;
        StrObject *o = (StrObject *)rt_new_object(type, type->basicsize + text);
        if (!o) return RT_ERR;
        o->len = src->len;
        o->size = src->size;
        o->hash = -1;
        o->ascii = src->ascii;
        o->state = 0;
        memcpy(o->data, src->data, (size_t)src->size + 1);
        return rt_val(o);
    }
    if (!a[1] && !a[2]) return a[0] ? rt_str(a[0]) : rts_get_empty();
    for (int j = 1; j < 3; j++) {
        if (a[j] && !rts_is_str(a[j])) {
            return rt_raise_fmt(rt_TypeError, "str() argument '%s' must be str, not %s",
                                names[j], rts_tname(a[j]));
        }
    }
    if (!a[0]) return rts_get_empty();
    if (rts_is_str(a[0])) return rt_raise_str(rt_TypeError, "decoding str is not supported");
    const char *data;
    int64_t size;
    if (rt_bytes_view(a[0], &data, &size) < 0) {
        rt_exc_fetch();
        return rt_raise_fmt(rt_TypeError, "decoding to str: need a bytes-like object, %s found",
                            rts_tname(a[0]));
    }
    return rt_decode_c(data, (size_t)size, a[1] ? rt_str_data(a[1]) : NULL,
                       a[2] ? rt_str_data(a[2]) : NULL);
}

/* ================================================================ the type ============== */

Type rt_str_type = {
    .ob = {&rt_type_type},
    .name = "str",
    .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE | RT_TPFLAG_STR_SUBCLASS,
    .basicsize = sizeof(StrObject),
    .itemsize = 1,
    .repr = rt_str_repr,
    .str = rt_str_str,
    .hash = rt_str_hash,
    .richcompare = rt_str_richcompare,
    .iter = rt_str_iter,
    .new_ = rt_str_tp_new,
    .len = rt_str_len,
    .getitem = rt_str_getitem,
    .contains = rt_str_contains,
    .nb = {.add = rt_str_add, .mul = rt_str_mul, .mod = rt_str_mod},
};
