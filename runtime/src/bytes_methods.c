/*
 * bytes_methods.c - the methods that bytes and bytearray share (the non-mutating ones), written
 * once over (data, size) and exported twice: rt_bytes_<m> and rt_bytearray_<m> (rt_str.h).
 *
 * Semantics are CPython 3.11's: ASCII-only character classes and case mapping, whitespace =
 * the six ASCII spaces (not \x1c-\x1f as in str), splitlines on \n \r \r\n only, arguments that
 * accept any bytes-like object (or an int in range(256) for find/count/index/...), results of
 * the receiver's type.  A bytes method whose result equals the receiver returns the receiver
 * itself (as CPython does); a bytearray method always returns a new object.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "str_internal.h"

/* ================================================================ helpers =============== */

static int view(Value v, const char **d, int64_t *n) { return rt_bytes_view(v, d, n); }

/* a result of the receiver's kind */
static Value mk(const char *d, int64_t n, int ba)
{
    return ba ? rt_bytearray_from(d, (size_t)n) : rt_bytes_from(d, (size_t)n);
}

/* the receiver unchanged: itself for an exact bytes, a copy otherwise */
static Value same(Value self, int ba)
{
    if (!ba && rt_typeof(self) == &rt_bytes_type) return self;
    const char *d;
    int64_t n;
    view(self, &d, &n);
    return mk(d, n, ba);
}

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* The needle of find/count/index/...: an int in range(256) or a bytes-like object. */
static int needle(Value sub, char *byte, const char **d, int64_t *n)
{
    if (rt_is_small(sub) || (rt_obj(sub)->type->flags & RT_TPFLAG_INT_SUBCLASS)) {
        int64_t v;
        if (rts_as_ssize(sub, &v) < 0) return -1;
        if (v < 0 || v > 255) {
            rt_raise_str(rt_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (char)v;
        *d = byte;
        *n = 1;
        return 0;
    }
    if (rtb_is_bytes(sub) || rtb_is_bytearray(sub)) return view(sub, d, n);
    rt_raise_fmt(rt_TypeError, "argument should be integer or bytes-like object, not '%s'",
                 rts_tname(sub));
    return -1;
}

/* ================================================================ predicates ============ */

typedef int (*BytePred)(unsigned char);

static Value all_of(Value self, BytePred pred)
{
    const char *d;
    int64_t n;
    view(self, &d, &n);
    if (n == 0) return rt_False;
    for (int64_t i = 0; i < n; i++) {
        if (!pred((unsigned char)d[i])) return rt_False;
    }
    return rt_True;
}

static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }

static Value m_isalnum(Value self, int ba) { (void)ba; return all_of(self, is_alnum); }
static Value m_isalpha(Value self, int ba) { (void)ba; return all_of(self, is_alpha); }
static Value m_isdigit(Value self, int ba) { (void)ba; return all_of(self, is_digit); }
static Value m_isspace(Value self, int ba) { (void)ba; return all_of(self, is_space); }

static Value m_isascii(Value self, int ba)
{
    (void)ba;
    const char *d;
    int64_t n;
    view(self, &d, &n);
    for (int64_t i = 0; i < n; i++) {
        if ((unsigned char)d[i] >= 0x80) return rt_False;
    }
    return rt_True;
}

static Value m_islower(Value self, int ba)
{
    (void)ba;
    const char *d;
    int64_t n;
    view(self, &d, &n);
    int cased = 0;
    for (int64_t i = 0; i < n; i++) {
        if (is_upper((unsigned char)d[i])) return rt_False;
        cased |= is_lower((unsigned char)d[i]);
    }
    return rt_bool(cased);
}

static Value m_isupper(Value self, int ba)
{
    (void)ba;
    const char *d;
    int64_t n;
    view(self, &d, &n);
    int cased = 0;
    for (int64_t i = 0; i < n; i++) {
        if (is_lower((unsigned char)d[i])) return rt_False;
        cased |= is_upper((unsigned char)d[i]);
    }
    return rt_bool(cased);
}

static Value m_istitle(Value self, int ba)
{
    (void)ba;
    const char *d;
    int64_t n;
    view(self, &d, &n);
    int cased = 0, prev = 0;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (is_upper(c)) {
            if (prev) return rt_False;
            prev = cased = 1;
        } else if (is_lower(c)) {
            if (!prev) return rt_False;
            prev = cased = 1;
        } else {
            prev = 0;
        }
    }
    return rt_bool(cased);
}

/* ================================================================ case ================== */

enum { C_LOWER, C_UPPER, C_SWAP, C_TITLE, C_CAP };

static Value casemap(Value self, int ba, int mode)
{
    const char *d;
    int64_t n;
    view(self, &d, &n);
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_reserve(&b, n) < 0) return RT_ERR;
    int prev = 0;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        int up;
        switch (mode) {
        case C_LOWER: up = 0; break;
        case C_UPPER: up = 1; break;
        case C_SWAP: up = is_lower(c) ? 1 : 0; break;
        case C_TITLE: up = !prev; break;
        default: up = i == 0; break;
        }
        prev = is_alpha(c);
        if (up && is_lower(c)) c = (unsigned char)(c - 32);
        else if (!up && is_upper(c)) c = (unsigned char)(c + 32);
        b.p[i] = (char)c;
    }
    return mk(b.p, n, ba);
}

static Value m_lower(Value self, int ba) { return casemap(self, ba, C_LOWER); }
static Value m_upper(Value self, int ba) { return casemap(self, ba, C_UPPER); }
static Value m_swapcase(Value self, int ba) { return casemap(self, ba, C_SWAP); }
static Value m_title(Value self, int ba) { return casemap(self, ba, C_TITLE); }
static Value m_capitalize(Value self, int ba) { return casemap(self, ba, C_CAP); }

/* ================================================================ searching ============= */

typedef struct Rng { int64_t start, end; } Rng;

static int get_rng(int64_t n, Value start, Value end, Rng *r)
{
    r->start = 0;
    r->end = INT64_MAX;
    if (rts_slice_index(start, &r->start) < 0 || rts_slice_index(end, &r->end) < 0) return -1;
    rts_adjust_indices(&r->start, &r->end, n);
    return 0;
}

/* -1 not found, -2 error */
static int64_t find_impl(Value self, Value sub, Value start, Value end, int reverse)
{
    const char *d, *s;
    int64_t n, m;
    char byte;
    view(self, &d, &n);
    if (needle(sub, &byte, &s, &m) < 0) return -2;
    Rng r;
    if (get_rng(n, start, end, &r) < 0) return -2;
    if (r.end - r.start < m) return -1;
    int64_t k = reverse ? rts_rfind_bytes(d + r.start, r.end - r.start, s, m)
                        : rts_find_bytes(d + r.start, r.end - r.start, s, m);
    return k < 0 ? -1 : r.start + k;
}

static Value m_find(Value self, Value sub, Value start, Value end, int ba)
{
    (void)ba;
    int64_t i = find_impl(self, sub, start, end, 0);
    return i == -2 ? RT_ERR : rt_small(i);
}

static Value m_rfind(Value self, Value sub, Value start, Value end, int ba)
{
    (void)ba;
    int64_t i = find_impl(self, sub, start, end, 1);
    return i == -2 ? RT_ERR : rt_small(i);
}

static Value m_index(Value self, Value sub, Value start, Value end, int ba)
{
    (void)ba;
    int64_t i = find_impl(self, sub, start, end, 0);
    if (i == -1) return rt_raise_str(rt_ValueError, "subsection not found");
    return i == -2 ? RT_ERR : rt_small(i);
}

static Value m_rindex(Value self, Value sub, Value start, Value end, int ba)
{
    (void)ba;
    int64_t i = find_impl(self, sub, start, end, 1);
    if (i == -1) return rt_raise_str(rt_ValueError, "subsection not found");
    return i == -2 ? RT_ERR : rt_small(i);
}

static Value m_count(Value self, Value sub, Value start, Value end, int ba)
{
    (void)ba;
    const char *d, *s;
    int64_t n, m;
    char byte;
    view(self, &d, &n);
    if (needle(sub, &byte, &s, &m) < 0) return RT_ERR;
    Rng r;
    if (get_rng(n, start, end, &r) < 0) return RT_ERR;
    if (r.end - r.start < m) return rt_small(0);
    if (m == 0) return rt_small(r.end - r.start + 1);
    return rt_small(rts_count_bytes(d + r.start, r.end - r.start, s, m, INT64_MAX));
}

static int tail(const char *d, int64_t n, const char *s, int64_t m, Value start, Value end,
                int dir)
{
    Rng r;
    if (get_rng(n, start, end, &r) < 0) return -1;
    if (r.end - m < r.start) return 0;
    if (m == 0) return 1;
    if (dir < 0) return memcmp(d + r.start, s, (size_t)m) == 0;
    return memcmp(d + r.end - m, s, (size_t)m) == 0;
}

static Value startsends(Value self, Value x, Value start, Value end, int dir)
{
    const char *name = dir < 0 ? "startswith" : "endswith";
    const char *d, *s;
    int64_t n, m;
    view(self, &d, &n);
    if (rtb_is_bytes(x) || rtb_is_bytearray(x)) {
        view(x, &s, &m);
        int r = tail(d, n, s, m, start, end, dir);
        return r < 0 ? RT_ERR : rt_bool(r);
    }
    if (!rt_is_small(x) && (rt_obj(x)->type->flags & RT_TPFLAG_TUPLE_SUBCLASS)) {
        TupleObject *t = (TupleObject *)rt_obj(x);
        for (int64_t i = 0; i < t->size; i++) {
            if (!rtb_is_bytes(t->items[i]) && !rtb_is_bytearray(t->items[i])) {
                return rt_raise_fmt(rt_TypeError, "a bytes-like object is required, not '%s'",
                                    rts_tname(t->items[i]));
            }
            view(t->items[i], &s, &m);
            int r = tail(d, n, s, m, start, end, dir);
            if (r) return r < 0 ? RT_ERR : rt_True;
        }
        return rt_False;
    }
    return rt_raise_fmt(rt_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                        name, rts_tname(x));
}

static Value m_startswith(Value self, Value x, Value start, Value end, int ba)
{
    (void)ba;
    return startsends(self, x, start, end, -1);
}

static Value m_endswith(Value self, Value x, Value start, Value end, int ba)
{
    (void)ba;
    return startsends(self, x, start, end, 1);
}

/* ================================================================ split ================= */

static int add(Value list, const char *d, int64_t n, int ba)
{
    Value v = mk(d, n, ba);
    return v ? rt_list_append(list, v) : -1;
}

static void reverse_list(Value list)
{
    ListObject *l = (ListObject *)rt_obj(list);
    for (int64_t a = 0, b = l->size - 1; a < b; a++, b--) {
        Value t = l->items[a];
        l->items[a] = l->items[b];
        l->items[b] = t;
    }
}

static int split_args(Value sep, Value maxsplit, const char **s, int64_t *m, int64_t *maxcount)
{
    *maxcount = -1;
    if (maxsplit && rts_as_ssize(maxsplit, maxcount) < 0) return -1;
    if (*maxcount < 0) *maxcount = INT64_MAX;
    *s = NULL;
    if (!sep || sep == rt_None) return 0;
    if (view(sep, s, m) < 0) return -1;
    if (*m == 0) {
        rt_raise_str(rt_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

static Value m_split(Value self, Value sep, Value maxsplit, int ba)
{
    const char *d, *s;
    int64_t n, m = 0, maxcount;
    view(self, &d, &n);
    if (split_args(sep, maxsplit, &s, &m, &maxcount) < 0) return RT_ERR;
    Value list = rt_list_new(0);
    if (!list) return RT_ERR;
    int64_t i = 0;
    if (!s) {
        while (maxcount-- > 0) {
            while (i < n && is_space((unsigned char)d[i])) i++;
            if (i == n) break;
            int64_t j = i;
            while (i < n && !is_space((unsigned char)d[i])) i++;
            if (add(list, d + j, i - j, ba) < 0) return RT_ERR;
        }
        while (i < n && is_space((unsigned char)d[i])) i++;
        if (i < n && add(list, d + i, n - i, ba) < 0) return RT_ERR;
        return list;
    }
    while (maxcount-- > 0) {
        int64_t k = rts_find_bytes(d + i, n - i, s, m);
        if (k < 0) break;
        if (add(list, d + i, k, ba) < 0) return RT_ERR;
        i += k + m;
    }
    if (add(list, d + i, n - i, ba) < 0) return RT_ERR;
    return list;
}

static Value m_rsplit(Value self, Value sep, Value maxsplit, int ba)
{
    const char *d, *s;
    int64_t n, m = 0, maxcount;
    view(self, &d, &n);
    if (split_args(sep, maxsplit, &s, &m, &maxcount) < 0) return RT_ERR;
    Value list = rt_list_new(0);
    if (!list) return RT_ERR;
    int64_t j = n;
    if (!s) {
        while (maxcount-- > 0) {
            while (j > 0 && is_space((unsigned char)d[j - 1])) j--;
            if (j == 0) break;
            int64_t i = j;
            while (i > 0 && !is_space((unsigned char)d[i - 1])) i--;
            if (add(list, d + i, j - i, ba) < 0) return RT_ERR;
            j = i;
        }
        while (j > 0 && is_space((unsigned char)d[j - 1])) j--;
        if (j > 0 && add(list, d, j, ba) < 0) return RT_ERR;
    } else {
        while (maxcount-- > 0) {
            int64_t k = rts_rfind_bytes(d, j, s, m);
            if (k < 0) break;
            if (add(list, d + k + m, j - k - m, ba) < 0) return RT_ERR;
            j = k;
        }
        if (add(list, d, j, ba) < 0) return RT_ERR;
    }
    reverse_list(list);
    return list;
}

static Value m_splitlines(Value self, Value keepends, int ba)
{
    int64_t keep = 0;
    if (keepends && rts_as_ssize(keepends, &keep) < 0) return RT_ERR;
    const char *d;
    int64_t n;
    view(self, &d, &n);
    Value list = rt_list_new(0);
    if (!list) return RT_ERR;
    int64_t i = 0;
    while (i < n) {
        int64_t j = i;
        while (i < n && d[i] != '\n' && d[i] != '\r') i++;
        int64_t eol = i;
        if (i < n) {
            i += d[i] == '\r' && i + 1 < n && d[i + 1] == '\n' ? 2 : 1;
            if (keep) eol = i;
        }
        if (add(list, d + j, eol - j, ba) < 0) return RT_ERR;
    }
    return list;
}

static Value part(Value self, Value sep, int ba, int reverse)
{
    const char *d, *s;
    int64_t n, m;
    view(self, &d, &n);
    if (view(sep, &s, &m) < 0) return RT_ERR;
    if (m == 0) return rt_raise_str(rt_ValueError, "empty separator");
    int64_t k = reverse ? rts_rfind_bytes(d, n, s, m) : rts_find_bytes(d, n, s, m);
    Value items[3];
    if (k < 0) {
        Value whole = same(self, ba), e1 = mk("", 0, ba), e2 = mk("", 0, ba);
        if (!whole || !e1 || !e2) return RT_ERR;
        items[0] = reverse ? e1 : whole;
        items[1] = e2;
        items[2] = reverse ? whole : e1;
    } else {
        items[0] = mk(d, k, ba);
        items[1] = !ba && rt_typeof(sep) == &rt_bytes_type ? sep : mk(s, m, ba);
        items[2] = mk(d + k + m, n - k - m, ba);
        if (!items[0] || !items[1] || !items[2]) return RT_ERR;
    }
    return rt_tuple_from(items, 3);
}

static Value m_partition(Value self, Value sep, int ba) { return part(self, sep, ba, 0); }
static Value m_rpartition(Value self, Value sep, int ba) { return part(self, sep, ba, 1); }

/* ================================================================ transforming ========== */

static Value m_replace(Value self, Value old, Value new_, Value count, int ba)
{
    const char *d, *o, *w;
    int64_t n, on, wn, maxcount = -1;
    view(self, &d, &n);
    if (view(old, &o, &on) < 0 || view(new_, &w, &wn) < 0) return RT_ERR;
    if (count && rts_as_ssize(count, &maxcount) < 0) return RT_ERR;
    if (maxcount < 0) maxcount = INT64_MAX;
    RtsBuf b;
    rts_buf_init(&b);
    if (maxcount == 0) return same(self, ba);
    if (on == 0) {
        int64_t times = n + 1 < maxcount ? n + 1 : maxcount;
        for (int64_t k = 0; k < times; k++) {
            if (rts_buf_put(&b, w, wn, 0) < 0) return RT_ERR;
            if (k < n && rts_buf_put(&b, d + k, 1, 0) < 0) return RT_ERR;
        }
        if (times <= n && rts_buf_put(&b, d + times, n - times, 0) < 0) return RT_ERR;
        return mk(b.p, b.size, ba);
    }
    int64_t i = 0, done = 0;
    while (done < maxcount) {
        int64_t k = rts_find_bytes(d + i, n - i, o, on);
        if (k < 0) break;
        if (rts_buf_put(&b, d + i, k, 0) < 0 || rts_buf_put(&b, w, wn, 0) < 0) return RT_ERR;
        i += k + on;
        done++;
    }
    if (done == 0) return same(self, ba);
    if (rts_buf_put(&b, d + i, n - i, 0) < 0) return RT_ERR;
    return mk(b.p, b.size, ba);
}

static Value strip(Value self, Value chars, int ba, int left, int right)
{
    const char *d, *c = " \t\n\r\x0b\x0c";
    int64_t n, cn = 6;
    view(self, &d, &n);
    if (chars && chars != rt_None && view(chars, &c, &cn) < 0) return RT_ERR;
    uint64_t set[4] = {0, 0, 0, 0};
    for (int64_t k = 0; k < cn; k++) set[(unsigned char)c[k] >> 6] |= UINT64_C(1) << ((unsigned char)c[k] & 63);
#define IN_SET(ch) ((set[(unsigned char)(ch) >> 6] >> ((unsigned char)(ch) & 63)) & 1)
    int64_t i = 0, j = n;
    if (left) while (i < j && IN_SET(d[i])) i++;
    if (right) while (j > i && IN_SET(d[j - 1])) j--;
#undef IN_SET
    if (i == 0 && j == n) return same(self, ba);
    return mk(d + i, j - i, ba);
}

static Value m_strip(Value self, Value chars, int ba) { return strip(self, chars, ba, 1, 1); }
static Value m_lstrip(Value self, Value chars, int ba) { return strip(self, chars, ba, 1, 0); }
static Value m_rstrip(Value self, Value chars, int ba) { return strip(self, chars, ba, 0, 1); }

static Value m_removeprefix(Value self, Value prefix, int ba)
{
    const char *d, *p;
    int64_t n, m;
    view(self, &d, &n);
    if (view(prefix, &p, &m) < 0) return RT_ERR;
    if (m && m <= n && memcmp(d, p, (size_t)m) == 0) return mk(d + m, n - m, ba);
    return same(self, ba);
}

static Value m_removesuffix(Value self, Value suffix, int ba)
{
    const char *d, *p;
    int64_t n, m;
    view(self, &d, &n);
    if (view(suffix, &p, &m) < 0) return RT_ERR;
    if (m && m <= n && memcmp(d + n - m, p, (size_t)m) == 0) return mk(d, n - m, ba);
    return same(self, ba);
}

static Value justify(Value self, Value width, Value fillchar, int ba, const char *name, int how)
{
    int64_t w;
    char fill = ' ';
    if (rts_as_ssize(width, &w) < 0) return RT_ERR;
    if (fillchar) {
        const char *f;
        int64_t fn;
        if ((!rtb_is_bytes(fillchar) && !rtb_is_bytearray(fillchar)) ||
            (view(fillchar, &f, &fn), fn != 1)) {
            return rt_raise_fmt(rt_TypeError,
                                "%s() argument 2 must be a byte string of length 1, not %s",
                                name, rts_tname(fillchar));
        }
        fill = f[0];
    }
    const char *d;
    int64_t n;
    view(self, &d, &n);
    if (n >= w) return same(self, ba);
    int64_t marg = w - n, left = how < 0 ? 0 : how > 0 ? marg : marg / 2 + (marg & w & 1);
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_reserve(&b, w) < 0) return RT_ERR;
    memset(b.p, fill, (size_t)w);
    memcpy(b.p + left, d, (size_t)n);
    return mk(b.p, w, ba);
}

static Value m_center(Value self, Value width, Value fill, int ba) { return justify(self, width, fill, ba, "center", 0); }
static Value m_ljust(Value self, Value width, Value fill, int ba) { return justify(self, width, fill, ba, "ljust", -1); }
static Value m_rjust(Value self, Value width, Value fill, int ba) { return justify(self, width, fill, ba, "rjust", 1); }

static Value m_zfill(Value self, Value width, int ba)
{
    int64_t w;
    if (rts_as_ssize(width, &w) < 0) return RT_ERR;
    const char *d;
    int64_t n;
    view(self, &d, &n);
    if (n >= w) return same(self, ba);
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_reserve(&b, w) < 0) return RT_ERR;
    int64_t fill = w - n;
    memset(b.p, '0', (size_t)fill);
    memcpy(b.p + fill, d, (size_t)n);
    if (n && (d[0] == '+' || d[0] == '-')) {
        b.p[0] = d[0];
        b.p[fill] = '0';
    }
    return mk(b.p, w, ba);
}

static Value m_expandtabs(Value self, Value tabsize, int ba)
{
    int64_t ts = 8;
    if (tabsize && rts_as_ssize(tabsize, &ts) < 0) return RT_ERR;
    const char *d;
    int64_t n, col = 0;
    view(self, &d, &n);
    RtsBuf b;
    rts_buf_init(&b);
    for (int64_t i = 0; i < n; i++) {
        char c = d[i];
        if (c == '\t') {
            if (ts > 0) {
                int64_t incr = ts - col % ts;
                if (rts_buf_reserve(&b, incr) < 0) return RT_ERR;
                memset(b.p + b.size, ' ', (size_t)incr);
                b.size += incr;
                col += incr;
            }
            continue;
        }
        if (rts_buf_put(&b, &c, 1, 0) < 0) return RT_ERR;
        col = c == '\n' || c == '\r' ? 0 : col + 1;
    }
    return mk(b.p, b.size, ba);
}

static Value m_join(Value self, Value iterable, int ba)
{
    const char *sep;
    int64_t sn;
    view(self, &sep, &sn);
    /* lists and tuples are read in place; other iterables through the iterator protocol */
    const Value *items = NULL;
    int64_t nitems = 0;
    Value it = 0;
    Type *t = rt_typeof(iterable);
    if (t == &rt_list_type) {
        items = ((ListObject *)rt_obj(iterable))->items;
        nitems = ((ListObject *)rt_obj(iterable))->size;
    } else if (t == &rt_tuple_type) {
        items = ((TupleObject *)rt_obj(iterable))->items;
        nitems = ((TupleObject *)rt_obj(iterable))->size;
    } else if (!(it = rt_iter(iterable))) {
        Value e = rt_exc_pending();
        if (e && rt_exc_matches(e, rt_val(rt_TypeError)) == 1) {
            rt_exc_fetch();
            return rt_raise_str(rt_TypeError, "can only join an iterable");
        }
        return RT_ERR;
    }
    RtsBuf b;
    rts_buf_init(&b);
    for (int64_t i = 0;; i++) {
        Value x;
        if (!it) {
            if (i >= nitems) break;
            x = items[i];
        } else if (!(x = rt_next(it))) {
            if (rt_exc_pending()) return RT_ERR;
            break;
        }
        const char *d;
        int64_t n;
        if (!rtb_is_bytes(x) && !rtb_is_bytearray(x) && !rt_is_memoryview(x)) {
            return rt_raise_fmt(rt_TypeError, "sequence item %lld: expected a bytes-like object, %s found",
                                (long long)i, rts_tname(x));
        }
        if (view(x, &d, &n) < 0) {
            /* a strided memoryview is no simple buffer: CPython reports the item's type */
            Value e = rt_exc_pending();
            if (e && rt_exc_matches(e, rt_val(rt_BufferError)) == 1) {
                rt_exc_fetch();
                return rt_raise_fmt(rt_TypeError,
                                    "sequence item %lld: expected a bytes-like object, %s found",
                                    (long long)i, rts_tname(x));
            }
            return RT_ERR;
        }
        if ((i && rts_buf_put(&b, sep, sn, 0) < 0) || rts_buf_put(&b, d, n, 0) < 0) return RT_ERR;
    }
    return mk(b.p, b.size, ba);
}

static Value m_translate(Value self, Value table, Value delete_, int ba)
{
    const char *d, *t = NULL, *del = "";
    int64_t n, tn = 0, dn = 0;
    view(self, &d, &n);
    if (table != rt_None) {
        if (view(table, &t, &tn) < 0) return RT_ERR;
        if (tn != 256) return rt_raise_str(rt_ValueError, "translation table must be 256 characters long");
    }
    if (delete_ && view(delete_, &del, &dn) < 0) return RT_ERR;
    unsigned char drop[256] = {0};
    for (int64_t k = 0; k < dn; k++) drop[(unsigned char)del[k]] = 1;
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_reserve(&b, n) < 0) return RT_ERR;
    int64_t m = 0;
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (drop[c]) continue;
        b.p[m++] = t ? t[c] : (char)c;
    }
    if (m == n && memcmp(b.p, d, (size_t)n) == 0) return same(self, ba);
    return mk(b.p, m, ba);
}

static Value m_decode(Value self, Value encoding, Value errors, int ba)
{
    (void)ba;
    if (encoding && !rts_is_str(encoding)) {
        return rt_raise_fmt(rt_TypeError, "decode() argument 'encoding' must be str, not %s",
                            rts_tname(encoding));
    }
    if (errors && !rts_is_str(errors)) {
        return rt_raise_fmt(rt_TypeError, "decode() argument 'errors' must be str, not %s",
                            rts_tname(errors));
    }
    const char *d;
    int64_t n;
    view(self, &d, &n);
    return rt_decode_c(d, (size_t)n, encoding ? rt_str_data(encoding) : NULL,
                       errors ? rt_str_data(errors) : NULL);
}

/* hex(sep=..., bytes_per_sep=1): sep groups bytes_per_sep bytes counted from the right (from
 * the left when negative) */
static Value m_hex(Value self, Value sep, Value bytes_per_sep, int ba)
{
    (void)ba;
    const char *d;
    int64_t n, per = 1;
    view(self, &d, &n);
    char sepc = 0;
    if (sep) {
        /* CPython's order: the length first (any sized object), then the type */
        int64_t len = rt_len(sep);
        if (len < 0) return RT_ERR;
        if (len != 1) return rt_raise_str(rt_ValueError, "sep must be length 1.");
        if (rts_is_str(sep)) {
            if (!RTS(sep)->ascii) return rt_raise_str(rt_ValueError, "sep must be ASCII.");
            sepc = RTS(sep)->data[0];
        } else if (rtb_is_bytes(sep)) {
            sepc = RTB(sep)->data[0];
            if ((unsigned char)sepc >= 0x80) return rt_raise_str(rt_ValueError, "sep must be ASCII.");
        } else {
            return rt_raise_str(rt_TypeError, "sep must be str or bytes.");
        }
    }
    if (bytes_per_sep && rts_as_ssize(bytes_per_sep, &per) < 0) return RT_ERR;
    static const char hex[] = "0123456789abcdef";
    RtsBuf b;
    rts_buf_init(&b);
    int64_t group = per < 0 ? -per : per;
    for (int64_t i = 0; i < n; i++) {
        if (sepc && group && i > 0) {
            /* a separator goes before byte i when it starts a group */
            int boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
            if (boundary && rts_buf_putc(&b, (unsigned char)sepc) < 0) return RT_ERR;
        }
        char two[2] = {hex[(unsigned char)d[i] >> 4], hex[(unsigned char)d[i] & 15]};
        if (rts_buf_put(&b, two, 2, 2) < 0) return RT_ERR;
    }
    return rts_buf_finish(&b);
}

/* ================================================================ exports =============== */

#define EXPORT0(m)                                                                           \
    Value rt_bytes_##m(Value self) { return m_##m(self, 0); }                                \
    Value rt_bytearray_##m(Value self) { return m_##m(self, 1); }
#define EXPORT1(m)                                                                           \
    Value rt_bytes_##m(Value self, Value a) { return m_##m(self, a, 0); }                    \
    Value rt_bytearray_##m(Value self, Value a) { return m_##m(self, a, 1); }
#define EXPORT2(m)                                                                           \
    Value rt_bytes_##m(Value self, Value a, Value b) { return m_##m(self, a, b, 0); }        \
    Value rt_bytearray_##m(Value self, Value a, Value b) { return m_##m(self, a, b, 1); }
#define EXPORT3(m)                                                                           \
    Value rt_bytes_##m(Value self, Value a, Value b, Value c) { return m_##m(self, a, b, c, 0); } \
    Value rt_bytearray_##m(Value self, Value a, Value b, Value c) { return m_##m(self, a, b, c, 1); }

EXPORT0(capitalize) EXPORT0(isalnum) EXPORT0(isalpha) EXPORT0(isascii) EXPORT0(isdigit)
EXPORT0(islower) EXPORT0(isspace) EXPORT0(istitle) EXPORT0(isupper) EXPORT0(lower)
EXPORT0(swapcase) EXPORT0(title) EXPORT0(upper)
EXPORT1(expandtabs) EXPORT1(join) EXPORT1(lstrip) EXPORT1(partition) EXPORT1(removeprefix)
EXPORT1(removesuffix) EXPORT1(rpartition) EXPORT1(rstrip) EXPORT1(splitlines) EXPORT1(strip)
EXPORT1(zfill)
EXPORT2(center) EXPORT2(decode) EXPORT2(hex) EXPORT2(ljust) EXPORT2(rjust) EXPORT2(rsplit)
EXPORT2(split) EXPORT2(translate)
EXPORT3(count) EXPORT3(endswith) EXPORT3(find) EXPORT3(index) EXPORT3(replace) EXPORT3(rfind)
EXPORT3(rindex) EXPORT3(startswith)

/* bytes.fromhex(string) / bytearray.fromhex(string): pairs of hex digits, ASCII whitespace
 * allowed before each pair */
static Value fromhex(Value string, int ba)
{
    if (!rts_is_str(string)) {
        return rt_raise_fmt(rt_TypeError, "fromhex() argument must be str, not %s", rts_tname(string));
    }
    StrObject *s = RTS(string);
    RtsBuf b;
    rts_buf_init(&b);
    const char *p = s->data, *end = p + s->size;
    int64_t pos = 0;   /* code-point position, for the message */
    for (;;) {
        while (p < end && is_space((unsigned char)*p)) { p++; pos++; }
        if (p >= end) break;
        int digit[2];
        for (int k = 0; k < 2; k++) {
            unsigned char c = p < end ? (unsigned char)*p : 0;
            digit[k] = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                     : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit[k] < 0) {
                return rt_raise_fmt(rt_ValueError,
                                    "non-hexadecimal number found in fromhex() arg at position %lld",
                                    (long long)pos);
            }
            p++;
            pos++;
        }
        char byte = (char)(digit[0] * 16 + digit[1]);
        if (rts_buf_put(&b, &byte, 1, 0) < 0) return RT_ERR;
    }
    return mk(b.p, b.size, ba);
}

Value rt_bytes_fromhex(Value cls, Value string) { (void)cls; return fromhex(string, 0); }
Value rt_bytearray_fromhex(Value cls, Value string) { (void)cls; return fromhex(string, 1); }

Value rt_bytes_maketrans(Value from, Value to)
{
    const char *f, *t;
    int64_t fn, tn;
    if (view(from, &f, &fn) < 0 || view(to, &t, &tn) < 0) return RT_ERR;
    if (fn != tn) return rt_raise_str(rt_ValueError, "maketrans arguments must have same length");
    char table[256];
    for (int k = 0; k < 256; k++) table[k] = (char)k;
    for (int64_t k = 0; k < fn; k++) table[(unsigned char)f[k]] = t[k];
    return rt_bytes_from(table, 256);
}
