/*
 * str_methods.c - the searching, splitting and padding methods of str: find/rfind/index/rindex,
 * count, startswith/endswith, split/rsplit/splitlines, partition/rpartition, replace,
 * strip/lstrip/rstrip, removeprefix/removesuffix, center/ljust/rjust/zfill, expandtabs.
 *
 * Entry points: rt_str_<method> of rt_str.h; rts_find_bytes/rts_rfind_bytes/rts_count_bytes
 * (str_internal.h) which bytes.c reuses.
 *
 * Why searching works on bytes: UTF-8 is self-synchronising, so an occurrence of a well-formed
 * needle in a well-formed haystack always starts on a code-point boundary.  Code-point positions
 * are only computed where Python exposes them (find's result, the start/end arguments), through
 * rts_offset() and rts_count_cps().
 *
 * Semantics and messages follow CPython 3.11 exactly, including its corner cases for empty
 * needles and out-of-range start/end (ADJUST_INDICES), and returning `self` unchanged (not a
 * copy) where CPython does.
 */
#define _GNU_SOURCE 1   /* memmem, memrchr */
#include <stdint.h>
#include <string.h>

#include "str_internal.h"

/* ================================================================ byte search =========== */

int64_t rts_find_bytes(const char *h, int64_t n, const char *nd, int64_t m)
{
    if (m == 0) return 0;
    if (m > n) return -1;
    const char *p = m == 1 ? memchr(h, nd[0], (size_t)n) : memmem(h, (size_t)n, nd, (size_t)m);
    return p ? p - h : -1;
}

/* The last occurrence of nd in h (n if nd is empty), -1 if none. */
int64_t rts_rfind_bytes(const char *h, int64_t n, const char *nd, int64_t m)
{
    if (m == 0) return n;
    if (m > n) return -1;
    if (m == 1) {
        const char *p = memrchr(h, nd[0], (size_t)n);
        return p ? p - h : -1;
    }
    const unsigned char *hay = (const unsigned char *)h, *pat = (const unsigned char *)nd;
    if (n < 64 || m < 3) {
        for (int64_t i = n - m; i >= 0; i--) {
            if (hay[i] == pat[0] && memcmp(hay + i, pat, (size_t)m) == 0) return i;
        }
        return -1;
    }
    /* Sunday's quick-search variant, backwards: the byte left of the window, hay[i-1], must
     * land on its leftmost occurrence pat[k] in the next candidate window, a shift of k+1;
     * a byte absent from the pattern lets the window jump past it (m+1). */
    int64_t shift[256];
    for (int k = 0; k < 256; k++) shift[k] = m + 1;
    for (int64_t k = m - 1; k >= 0; k--) shift[pat[k]] = k + 1;
    int64_t i = n - m;
    for (;;) {
        if (hay[i] == pat[0] && memcmp(hay + i, pat, (size_t)m) == 0) return i;
        if (i == 0) return -1;
        i -= shift[hay[i - 1]];
        if (i < 0) return -1;
    }
}

int64_t rts_count_bytes(const char *h, int64_t n, const char *nd, int64_t m, int64_t maxcount)
{
    int64_t count = 0, i = 0;
    if (m == 1 && maxcount >= n) {
        /* every occurrence counts: sixteen bytes at a time (GCC vectors: SSE2 on x86-64),
         * a lane compare gives -1 per match, subtracted into per-lane byte counters that are
         * summed every 255 steps, before any can overflow */
        typedef unsigned char v16 __attribute__((vector_size(16)));
        v16 pat;
        memset(&pat, (unsigned char)nd[0], sizeof pat);
        while (i + 16 <= n) {
            v16 acc = {0};
            for (int k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
                v16 w;
                memcpy(&w, h + i, 16);
                acc -= (v16)(w == pat);
            }
            uint64_t half[2];
            memcpy(half, &acc, 16);
            const uint64_t m8 = UINT64_C(0x00FF00FF00FF00FF);
            uint64_t s = (half[0] & m8) + ((half[0] >> 8) & m8) + (half[1] & m8) +
                         ((half[1] >> 8) & m8);   /* four 16-bit sums, each <= 1020 */
            count += (int64_t)((s * UINT64_C(0x0001000100010001)) >> 48);
        }
        for (; i < n; i++) count += h[i] == nd[0];
        return count;
    }
    if (m == 1) {
        const char *p = h, *end = h + n;
        while (count < maxcount && (p = memchr(p, nd[0], (size_t)(end - p))) != NULL) {
            count++;
            p++;
        }
        return count;
    }
    while (count < maxcount) {
        int64_t k = rts_find_bytes(h + i, n - i, nd, m);
        if (k < 0) break;
        count++;
        i += k + m;
    }
    return count;
}

/* ================================================================ arguments ============= */

static int need_str(Value v)
{
    if (rts_is_str(v)) return 0;
    rt_raise_fmt(rt_TypeError, "must be str, not %s", rts_tname(v));
    return -1;
}

/* start/end arguments to an adjusted code-point range and its byte range. */
typedef struct Range { int64_t start, end, bstart, bend; } Range;

static int get_range(StrObject *s, Value start, Value end, Range *r)
{
    r->start = 0;
    r->end = INT64_MAX;
    if (rts_slice_index(start, &r->start) < 0 || rts_slice_index(end, &r->end) < 0) return -1;
    rts_adjust_indices(&r->start, &r->end, s->len);
    if (r->start <= r->end) {
        r->bstart = rts_offset(s, r->start);
        r->bend = s->ascii ? r->end : r->bstart + (rts_offset(s, r->end) - r->bstart);
    } else {
        r->bstart = r->bend = 0;
    }
    return 0;
}

/* ================================================================ find and friends ====== */

/* find/rfind over [start, end): the code-point index or -1; -2 after raising. */
static int64_t find_impl(Value self, Value sub, Value start, Value end, int reverse)
{
    if (need_str(sub) < 0) return -2;
    StrObject *s = RTS(self), *t = RTS(sub);
    Range r;
    if (get_range(s, start, end, &r) < 0) return -2;
    if (r.end - r.start < t->len) return -1;
    int64_t k = reverse ? rts_rfind_bytes(s->data + r.bstart, r.bend - r.bstart, t->data, t->size)
                        : rts_find_bytes(s->data + r.bstart, r.bend - r.bstart, t->data, t->size);
    if (k < 0) return -1;
    return r.start + (s->ascii ? k : rts_count_cps(s->data + r.bstart, k));
}

Value rt_str_find(Value self, Value sub, Value start, Value end)
{
    int64_t i = find_impl(self, sub, start, end, 0);
    return i == -2 ? RT_ERR : rt_small(i);
}

Value rt_str_rfind(Value self, Value sub, Value start, Value end)
{
    int64_t i = find_impl(self, sub, start, end, 1);
    return i == -2 ? RT_ERR : rt_small(i);
}

Value rt_str_index(Value self, Value sub, Value start, Value end)
{
    int64_t i = find_impl(self, sub, start, end, 0);
    if (i == -1) return rt_raise_str(rt_ValueError, "substring not found");
    return i == -2 ? RT_ERR : rt_small(i);
}

Value rt_str_rindex(Value self, Value sub, Value start, Value end)
{
    int64_t i = find_impl(self, sub, start, end, 1);
    if (i == -1) return rt_raise_str(rt_ValueError, "substring not found");
    return i == -2 ? RT_ERR : rt_small(i);
}

Value rt_str_count(Value self, Value sub, Value start, Value end)
{
    if (need_str(sub) < 0) return RT_ERR;
    StrObject *s = RTS(self), *t = RTS(sub);
    Range r;
    if (get_range(s, start, end, &r) < 0) return RT_ERR;
    if (r.end - r.start < t->len) return rt_small(0);
    if (t->len == 0) return rt_small(r.end - r.start + 1);
    return rt_small(rts_count_bytes(s->data + r.bstart, r.bend - r.bstart, t->data, t->size,
                                    INT64_MAX));
}

/* CPython's tailmatch: does sub occur at the start (dir < 0) or the end (dir > 0) of
 * self[start:end]?  -1 after raising. */
static int tailmatch(StrObject *s, StrObject *t, Value start, Value end, int dir)
{
    Range r;
    r.start = 0;
    r.end = INT64_MAX;
    if (rts_slice_index(start, &r.start) < 0 || rts_slice_index(end, &r.end) < 0) return -1;
    rts_adjust_indices(&r.start, &r.end, s->len);
    if (r.end - t->len < r.start) return 0;
    if (t->len == 0) return 1;
    if (dir < 0) {
        int64_t b = rts_offset(s, r.start);
        return b + t->size <= s->size && memcmp(s->data + b, t->data, (size_t)t->size) == 0;
    }
    int64_t e = rts_offset(s, r.end);
    return e - t->size >= 0 && memcmp(s->data + e - t->size, t->data, (size_t)t->size) == 0;
}

static Value startsends(Value self, Value x, Value start, Value end, int dir)
{
    const char *name = dir < 0 ? "startswith" : "endswith";
    if (rts_is_str(x)) {
        int r = tailmatch(RTS(self), RTS(x), start, end, dir);
        return r < 0 ? RT_ERR : rt_bool(r);
    }
    if (!rt_is_small(x) && (rt_obj(x)->type->flags & RT_TPFLAG_TUPLE_SUBCLASS)) {
        TupleObject *tu = (TupleObject *)rt_obj(x);
        for (int64_t i = 0; i < tu->size; i++) {
            if (!rts_is_str(tu->items[i])) {
                return rt_raise_fmt(rt_TypeError, "tuple for %s must only contain str, not %s",
                                    name, rts_tname(tu->items[i]));
            }
            int r = tailmatch(RTS(self), RTS(tu->items[i]), start, end, dir);
            if (r) return r < 0 ? RT_ERR : rt_True;
        }
        return rt_False;
    }
    return rt_raise_fmt(rt_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                        rts_tname(x));
}

Value rt_str_startswith(Value self, Value prefix, Value start, Value end)
{
    return startsends(self, prefix, start, end, -1);
}

Value rt_str_endswith(Value self, Value suffix, Value start, Value end)
{
    return startsends(self, suffix, start, end, 1);
}

/* ================================================================ split ================= */

static int64_t maxsplit_arg(Value v, int *err)
{
    int64_t n = -1;
    *err = 0;
    if (v && rts_as_ssize(v, &n) < 0) *err = 1;
    return n < 0 ? INT64_MAX : n;
}

/* The pieces of split/splitlines, gathered before the list is made: on the C stack first
 * (the collector scans it), then in a doubling heap array, so a long result is copied about
 * twice instead of once per growth step of an appended list. */
typedef struct Pieces {
    Value *items;
    int64_t n, cap;
    Value inl[32];
} Pieces;

static void pieces_init(Pieces *p)
{
    p->items = p->inl;
    p->n = 0;
    p->cap = 32;
}

static int pieces_add(Pieces *p, Value v)
{
    if (!v) return -1;
    if (p->n == p->cap) {
        Value *q = rt_alloc((size_t)p->cap * 2 * sizeof(Value));
        if (!q) return -1;
        memcpy(q, p->items, (size_t)p->n * sizeof(Value));
        p->items = q;
        p->cap *= 2;
    }
    p->items[p->n++] = v;
    return 0;
}

static Value pieces_list(Pieces *p) { return rt_list_from(p->items, p->n); }

/* appends self[from:to) (bytes) to list */
static int add_piece(Value list, Value self, int64_t from, int64_t to)
{
    Value piece = rts_subbytes(self, from, to, -1);
    return piece ? rt_list_append(list, piece) : -1;
}

/* the ASCII whitespace of str.split(): \t \n \v \f \r, \x1c..\x1f and space */
static const unsigned char ascii_space[256] = {
    [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
    [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [0x20] = 1,
};

static int is_space_at(const char *p, int *n)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *n = 1;
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
    }
    return uni_isspace(rts_decode(p, n));
}

static int space_before(const char *start, const char *p, int *n)
{
    (void)start;
    unsigned char c = (unsigned char)p[-1];
    if (c < 0x80) {
        *n = 1;
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
    }
    return uni_isspace(rts_decode_back(p, n));
}

static Value split_whitespace(Value self, int64_t maxcount)
{
    StrObject *s = RTS(self);
    Pieces pc;
    pieces_init(&pc);
    const char *d = s->data;
    int64_t i = 0, n = s->size;
    int w;
    if (s->ascii && maxcount >= n) {
        /* ASCII without a limit: a table test per byte, pieces' lengths are their sizes */
        while (i < n) {
            while (i < n && ascii_space[(unsigned char)d[i]]) i++;
            if (i == n) break;
            int64_t j = i;
            while (i < n && !ascii_space[(unsigned char)d[i]]) i++;
            if (pieces_add(&pc, rts_subbytes(self, j, i, i - j)) < 0) return RT_ERR;
        }
        return pieces_list(&pc);
    }
    while (maxcount-- > 0) {
        while (i < n && is_space_at(d + i, &w)) i += w;
        if (i == n) break;
        int64_t j = i, ncp = 0;   /* the piece's length is counted on the way */
        while (i < n && !is_space_at(d + i, &w)) {
            i += w;
            ncp++;
        }
        if (pieces_add(&pc, rts_subbytes(self, j, i, ncp)) < 0) return RT_ERR;
    }
    if (i < n) {
        while (i < n && is_space_at(d + i, &w)) i += w;
        if (i < n && pieces_add(&pc, rts_subbytes(self, i, n, -1)) < 0) return RT_ERR;
    }
    return pieces_list(&pc);
}

static Value rsplit_whitespace(Value self, int64_t maxcount)
{
    StrObject *s = RTS(self);
    Value list = rt_list_new(0);
    if (!list) return RT_ERR;
    const char *d = s->data;
    int64_t i = s->size;
    int w;
    while (maxcount-- > 0) {
        while (i > 0 && space_before(d, d + i, &w)) i -= w;
        if (i == 0) break;
        int64_t j = i;
        while (i > 0 && !space_before(d, d + i, &w)) i -= w;
        if (add_piece(list, self, i, j) < 0) return RT_ERR;
    }
    if (i > 0) {
        while (i > 0 && space_before(d, d + i, &w)) i -= w;
        if (i > 0 && add_piece(list, self, 0, i) < 0) return RT_ERR;
    }
    /* pieces were found right to left */
    ListObject *l = (ListObject *)rt_obj(list);
    for (int64_t a = 0, b = l->size - 1; a < b; a++, b--) {
        Value t = l->items[a];
        l->items[a] = l->items[b];
        l->items[b] = t;
    }
    return list;
}

static int sep_arg(Value sep)
{
    if (!rts_is_str(sep)) {
        rt_raise_fmt(rt_TypeError, "must be str or None, not %s", rts_tname(sep));
        return -1;
    }
    if (RTS(sep)->size == 0) {
        rt_raise_str(rt_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

Value rt_str_split(Value self, Value sep, Value maxsplit)
{
    int err;
    int64_t maxcount = maxsplit_arg(maxsplit, &err);
    if (err) return RT_ERR;
    if (!sep || sep == rt_None) return split_whitespace(self, maxcount);
    if (sep_arg(sep) < 0) return RT_ERR;
    StrObject *s = RTS(self), *t = RTS(sep);
    Pieces pc;
    pieces_init(&pc);
    int64_t i = 0;
    while (maxcount-- > 0) {
        int64_t k = rts_find_bytes(s->data + i, s->size - i, t->data, t->size);
        if (k < 0) break;
        if (pieces_add(&pc, rts_subbytes(self, i, i + k, -1)) < 0) return RT_ERR;
        i += k + t->size;
    }
    if (pieces_add(&pc, rts_subbytes(self, i, s->size, -1)) < 0) return RT_ERR;
    return pieces_list(&pc);
}

Value rt_str_rsplit(Value self, Value sep, Value maxsplit)
{
    int err;
    int64_t maxcount = maxsplit_arg(maxsplit, &err);
    if (err) return RT_ERR;
    if (!sep || sep == rt_None) return rsplit_whitespace(self, maxcount);
    if (sep_arg(sep) < 0) return RT_ERR;
    StrObject *s = RTS(self), *t = RTS(sep);
    Value list = rt_list_new(0);
    if (!list) return RT_ERR;
    int64_t j = s->size;
    while (maxcount-- > 0) {
        int64_t k = rts_rfind_bytes(s->data, j, t->data, t->size);
        if (k < 0) break;
        if (add_piece(list, self, k + t->size, j) < 0) return RT_ERR;
        j = k;
    }
    if (add_piece(list, self, 0, j) < 0) return RT_ERR;
    ListObject *l = (ListObject *)rt_obj(list);
    for (int64_t a = 0, b = l->size - 1; a < b; a++, b--) {
        Value tmp = l->items[a];
        l->items[a] = l->items[b];
        l->items[b] = tmp;
    }
    return list;
}

Value rt_str_splitlines(Value self, Value keepends)
{
    int64_t keep = 0;
    if (keepends && rts_as_ssize(keepends, &keep) < 0) return RT_ERR;
    StrObject *s = RTS(self);
    Pieces pc;
    pieces_init(&pc);
    const char *d = s->data;
    int64_t i = 0, n = s->size;
    while (i < n) {
        int64_t j = i;
        int w = 1;
        for (;;) {
            if (i + 8 <= n) {
                /* eight bytes in 0x20..0x7F hold no line break (those below 0x80 are all
                 * below 0x20): one test for the lot.  (x - 0x20..) & ~x flags a byte below
                 * 0x20 when no byte has its high bit set. */
                uint64_t x;
                memcpy(&x, d + i, 8);
                const uint64_t hi = UINT64_C(0x8080808080808080);
                if (!((x | ((x - UINT64_C(0x2020202020202020)) & ~x)) & hi)) {
                    i += 8;
                    continue;
                }
            }
            if (i >= n) break;
            unsigned char c = (unsigned char)d[i];
            if (c < 0x80) {
                if ((c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E)) { w = 1; break; }
                i++;
            } else {
                if (uni_islinebreak(rts_decode(d + i, &w))) break;
                i += w;
            }
        }
        int64_t eol = i;
        if (i < n) {
            if (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n') i += 2;
            else i += w;
            if (keep) eol = i;
        }
        if (pieces_add(&pc, rts_subbytes(self, j, eol, -1)) < 0) return RT_ERR;
    }
    return pieces_list(&pc);
}

/* ================================================================ partition ============= */

static Value triple(Value a, Value b, Value c)
{
    if (!a || !b || !c) return RT_ERR;
    Value items[3] = {a, b, c};
    return rt_tuple_from(items, 3);
}

static int partition_sep(Value sep)
{
    if (need_str(sep) < 0) return -1;
    if (RTS(sep)->size == 0) {
        rt_raise_str(rt_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

Value rt_str_partition(Value self, Value sep)
{
    if (partition_sep(sep) < 0) return RT_ERR;
    StrObject *s = RTS(self), *t = RTS(sep);
    int64_t k = rts_find_bytes(s->data, s->size, t->data, t->size);
    if (k < 0) return triple(rt_str_str(self), rts_get_empty(), rts_get_empty());
    return triple(rts_subbytes(self, 0, k, -1), rt_str_str(sep),
                  rts_subbytes(self, k + t->size, s->size, -1));
}

Value rt_str_rpartition(Value self, Value sep)
{
    if (partition_sep(sep) < 0) return RT_ERR;
    StrObject *s = RTS(self), *t = RTS(sep);
    int64_t k = rts_rfind_bytes(s->data, s->size, t->data, t->size);
    if (k < 0) return triple(rts_get_empty(), rts_get_empty(), rt_str_str(self));
    return triple(rts_subbytes(self, 0, k, -1), rt_str_str(sep),
                  rts_subbytes(self, k + t->size, s->size, -1));
}

/* ================================================================ replace =============== */

Value rt_str_replace(Value self, Value old, Value new_, Value count)
{
    if (!rts_is_str(old)) {
        return rt_raise_fmt(rt_TypeError, "replace() argument 1 must be str, not %s", rts_tname(old));
    }
    if (!rts_is_str(new_)) {
        return rt_raise_fmt(rt_TypeError, "replace() argument 2 must be str, not %s", rts_tname(new_));
    }
    int64_t maxcount = -1;
    if (count && rts_as_ssize(count, &maxcount) < 0) return RT_ERR;
    if (maxcount < 0) maxcount = INT64_MAX;
    StrObject *s = RTS(self), *o = RTS(old), *w = RTS(new_);
    if (maxcount == 0) return rt_str_str(self);
    if (o->size == 0) {
        /* new goes before every code point and at the end, maxcount times in all */
        int64_t times = s->len + 1 < maxcount ? s->len + 1 : maxcount;
        if (times <= 0) return rt_str_str(self);
        RtsBuf b;
        rts_buf_init(&b);
        if (rts_buf_reserve(&b, s->size + times * w->size) < 0) return RT_ERR;
        const char *p = s->data, *end = s->data + s->size;
        for (int64_t k = 0; k < times; k++) {
            rts_buf_put(&b, w->data, w->size, w->len);
            if (p < end) {
                int n = rts_seqlen((unsigned char)*p);
                rts_buf_put(&b, p, n, 1);
                p += n;
            }
        }
        if (p < end && rts_buf_put(&b, p, end - p, -1) < 0) return RT_ERR;
        return rts_buf_finish(&b);
    }
    int64_t n = rts_count_bytes(s->data, s->size, o->data, o->size, maxcount);
    if (n == 0) return rt_str_str(self);
    int64_t size = s->size + n * (w->size - o->size);
    StrObject *r = rts_alloc(size, s->len + n * (w->len - o->len));
    if (!r) return RT_ERR;
    char *d = r->data;
    int64_t i = 0;
    for (int64_t k = 0; k < n; k++) {
        int64_t j = i + rts_find_bytes(s->data + i, s->size - i, o->data, o->size);
        memcpy(d, s->data + i, (size_t)(j - i));
        d += j - i;
        memcpy(d, w->data, (size_t)w->size);
        d += w->size;
        i = j + o->size;
    }
    memcpy(d, s->data + i, (size_t)(s->size - i));
    if (r->len <= 1) return rts_new(r->data, r->size, r->len);   /* use the caches */
    return rt_val(r);
}

/* ================================================================ strip ================= */

/* The set of code points to strip: a bitmap for ASCII, a list for the rest. */
typedef struct CharSet {
    uint64_t ascii[2];
    const char *other;      /* the chars argument's bytes: non-ASCII members are searched */
    int64_t other_size;
    int whitespace;         /* chars=None */
    int has_other;
} CharSet;

static void charset_init(CharSet *cs, Value chars)
{
    memset(cs, 0, sizeof *cs);
    if (!chars || chars == rt_None) {
        cs->whitespace = 1;
        return;
    }
    StrObject *c = RTS(chars);
    cs->other = c->data;
    cs->other_size = c->size;
    /* the last set built, by the chars str's address and text (a loop strips with one
     * constant): its bitmap is reused while that address holds the same text */
    static _Thread_local struct {
        Value chars;
        int64_t size;
        char text[32];
        uint64_t lo, hi;
        int has_other;
    } last;
    if (last.chars == chars && last.size == c->size &&
        memcmp(last.text, c->data, (size_t)c->size) == 0) {
        cs->ascii[0] = last.lo;
        cs->ascii[1] = last.hi;
        cs->has_other = last.has_other;
        return;
    }
    uint64_t lo = 0, hi = 0;   /* in registers: the stores below cannot alias the text */
    unsigned char other = 0;
    const unsigned char *d = (const unsigned char *)c->data;
    for (int64_t i = 0; i < c->size; i++) {
        unsigned char b = d[i];
        uint64_t bit = UINT64_C(1) << (b & 63);
        lo |= b < 0x40 ? bit : 0;
        hi |= b >= 0x40 && b < 0x80 ? bit : 0;
        other |= b;
    }
    cs->ascii[0] = lo;
    cs->ascii[1] = hi;
    cs->has_other = other >= 0x80;
    if (c->size <= (int64_t)sizeof last.text) {
        last.chars = chars;
        last.size = c->size;
        memcpy(last.text, c->data, (size_t)c->size);
        last.lo = lo;
        last.hi = hi;
        last.has_other = cs->has_other;
    }
}

static int charset_has(const CharSet *cs, const char *p, int n)
{
    unsigned char b = (unsigned char)*p;
    if (cs->whitespace) {
        int w;
        return b < 0x80 ? ((b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20))
                        : uni_isspace(rts_decode(p, &w));
    }
    if (b < 0x80) return (cs->ascii[b >> 6] >> (b & 63)) & 1;
    if (!cs->has_other) return 0;
    /* a well-formed sequence found in well-formed text is a whole code point */
    return rts_find_bytes(cs->other, cs->other_size, p, n) >= 0;
}

static Value strip_impl(Value self, Value chars, int left, int right, const char *name)
{
    if (chars && chars != rt_None && !rts_is_str(chars)) {
        return rt_raise_fmt(rt_TypeError, "%s arg must be None or str", name);
    }
    CharSet cs;
    charset_init(&cs, chars);
    StrObject *s = RTS(self);
    int64_t i = 0, j = s->size;
    if (s->ascii) {
        /* every byte is a character: a table or bitmap test each */
        const unsigned char *d = (const unsigned char *)s->data;
        if (cs.whitespace) {
            if (left) while (i < j && ascii_space[d[i]]) i++;
            if (right) while (j > i && ascii_space[d[j - 1]]) j--;
        } else {
#define IN_SET(b) ((cs.ascii[(b) >> 6] >> ((b) & 63)) & 1)
            if (left) while (i < j && IN_SET(d[i])) i++;
            if (right) while (j > i && IN_SET(d[j - 1])) j--;
#undef IN_SET
        }
        return rts_subbytes(self, i, j, j - i);
    }
    if (left) {
        while (i < j) {
            int n = rts_seqlen((unsigned char)s->data[i]);
            if (!charset_has(&cs, s->data + i, n)) break;
            i += n;
        }
    }
    if (right) {
        while (j > i) {
            const char *p = s->data + j - 1;
            while (((unsigned char)*p & 0xC0) == 0x80) p--;
            int n = (int)(s->data + j - p);
            if (!charset_has(&cs, p, n)) break;
            j -= n;
        }
    }
    return rts_subbytes(self, i, j, -1);
}

Value rt_str_strip(Value self, Value chars) { return strip_impl(self, chars, 1, 1, "strip"); }
Value rt_str_lstrip(Value self, Value chars) { return strip_impl(self, chars, 1, 0, "lstrip"); }
Value rt_str_rstrip(Value self, Value chars) { return strip_impl(self, chars, 0, 1, "rstrip"); }

Value rt_str_removeprefix(Value self, Value prefix)
{
    if (!rts_is_str(prefix)) {
        return rt_raise_fmt(rt_TypeError, "removeprefix() argument must be str, not %s",
                            rts_tname(prefix));
    }
    StrObject *s = RTS(self), *p = RTS(prefix);
    if (p->size && p->size <= s->size && memcmp(s->data, p->data, (size_t)p->size) == 0) {
        return rts_subbytes(self, p->size, s->size, s->len - p->len);
    }
    return rt_str_str(self);
}

Value rt_str_removesuffix(Value self, Value suffix)
{
    if (!rts_is_str(suffix)) {
        return rt_raise_fmt(rt_TypeError, "removesuffix() argument must be str, not %s",
                            rts_tname(suffix));
    }
    StrObject *s = RTS(self), *p = RTS(suffix);
    if (p->size && p->size <= s->size &&
        memcmp(s->data + s->size - p->size, p->data, (size_t)p->size) == 0) {
        return rts_subbytes(self, 0, s->size - p->size, s->len - p->len);
    }
    return rt_str_str(self);
}

/* ================================================================ padding =============== */

/* fillchar argument: one code point; its UTF-8 bytes go to buf. */
static int fill_arg(Value fill, char *buf, int *n)
{
    if (!fill) { buf[0] = ' '; *n = 1; return 0; }
    if (!rts_is_str(fill)) {
        rt_raise_fmt(rt_TypeError, "The fill character must be a unicode character, not %s",
                     rts_tname(fill));
        return -1;
    }
    if (RTS(fill)->len != 1) {
        rt_raise_str(rt_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *n = (int)RTS(fill)->size;
    memcpy(buf, RTS(fill)->data, (size_t)*n);
    return 0;
}

static Value pad(Value self, int64_t left, int64_t right, const char *fill, int fn)
{
    StrObject *s = RTS(self);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return rt_str_str(self);
    StrObject *r = rts_alloc(s->size + (left + right) * fn, s->len + left + right);
    if (!r) return RT_ERR;
    char *d = r->data;
    for (int64_t k = 0; k < left; k++, d += fn) memcpy(d, fill, (size_t)fn);
    memcpy(d, s->data, (size_t)s->size);
    d += s->size;
    for (int64_t k = 0; k < right; k++, d += fn) memcpy(d, fill, (size_t)fn);
    return rt_val(r);
}

static Value justify(Value self, Value width, Value fillchar, int how)
{
    int64_t w;
    char fill[4];
    int fn;
    if (rts_as_ssize(width, &w) < 0 || fill_arg(fillchar, fill, &fn) < 0) return RT_ERR;
    StrObject *s = RTS(self);
    if (s->len >= w) return rt_str_str(self);
    int64_t marg = w - s->len;
    if (how < 0) return pad(self, 0, marg, fill, fn);
    if (how > 0) return pad(self, marg, 0, fill, fn);
    /* CPython's centring rule: the odd character goes left when width is odd */
    int64_t left = marg / 2 + (marg & w & 1);
    return pad(self, left, marg - left, fill, fn);
}

Value rt_str_ljust(Value self, Value width, Value fillchar)
{
    return justify(self, width, fillchar, -1);
}

Value rt_str_rjust(Value self, Value width, Value fillchar)
{
    return justify(self, width, fillchar, 1);
}

Value rt_str_center(Value self, Value width, Value fillchar)
{
    return justify(self, width, fillchar, 0);
}

Value rt_str_zfill(Value self, Value width)
{
    int64_t w;
    if (rts_as_ssize(width, &w) < 0) return RT_ERR;
    StrObject *s = RTS(self);
    if (s->len >= w) return rt_str_str(self);
    int64_t fill = w - s->len;
    Value r = pad(self, fill, 0, "0", 1);
    if (!r) return RT_ERR;
    StrObject *o = RTS(r);
    if (s->size && (s->data[0] == '+' || s->data[0] == '-')) {
        o->data[0] = s->data[0];
        o->data[fill] = '0';
    }
    return r;
}

Value rt_str_expandtabs(Value self, Value tabsize)
{
    int64_t ts = 8;
    if (tabsize && rts_as_ssize(tabsize, &ts) < 0) return RT_ERR;
    StrObject *s = RTS(self);
    if (!memchr(s->data, '\t', (size_t)s->size)) return rt_str_str(self);
    RtsBuf b;
    rts_buf_init(&b);
    int64_t col = 0;
    const char *p = s->data, *end = s->data + s->size;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '\t') {
            if (ts > 0) {
                int64_t incr = ts - col % ts;
                if (rts_buf_reserve(&b, incr) < 0) return RT_ERR;
                memset(b.p + b.size, ' ', (size_t)incr);
                b.size += incr;
                b.len += incr;
                col += incr;
            }
            p++;
            continue;
        }
        int n = rts_seqlen(c);
        if (rts_buf_put(&b, p, n, 1) < 0) return RT_ERR;
        col++;
        if (c == '\n' || c == '\r') col = 0;
        p += n;
    }
    return rts_buf_finish(&b);
}
