/*
 * numfmt.c - the format mini-language for int, float and complex: format(x, spec).
 *
 * Entry points: rt_format_int, rt_format_float, rt_format_complex (rt.h).
 *
 * The spec grammar is CPython 3.11's:
 *     [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 * parsed once into a Spec, then rendered as CPython does: a number is split into sign,
 * prefix (0x...), integer digits, fraction/exponent and a suffix ('%'); the integer digits
 * take the grouping; '=' alignment (implied by a leading '0') pads between the sign and the
 * digits, and when the fill is '0' the padding itself is grouped ("0,001,234").
 * Floats are rendered from correctly rounded decimal digits (glibc's printf is exact; the
 * repr-style modes use rt_double_shortest) with CPython's format_float_short layout rules,
 * so every mode (e f g % n and none, with '#', 'z' and add-".0") matches to the character.
 * Every error message is CPython's.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "num.h"
#include "str_internal.h"

typedef struct Spec {
    const char *fill;      /* one UTF-8 character */
    size_t fill_n;
    int fill_given;
    char align;            /* '<' '>' '^' '=' or 0 (the type's default) */
    char sign;             /* '+' '-' ' ' or 0 */
    int no_neg_0;          /* 'z' */
    int alternate;         /* '#' */
    int64_t width;         /* -1: none */
    char thousands;        /* ',' '_' or 0 */
    int under4;            /* '_' with b/o/x/X: groups of four */
    int64_t precision;     /* -1: none */
    uint32_t type;         /* a code point; 0: none */
    char fillb[4];         /* the fill's bytes: fill points here after parse_spec */
} Spec;

/* decodes one UTF-8 sequence at p (valid UTF-8 assumed); returns its length */
static size_t utf8_char(const unsigned char *p, const unsigned char *e, uint32_t *cp)
{
    size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
    if ((size_t)(e - p) < n)
        n = (size_t)(e - p);
    uint32_t c = n == 1 ? *p : n == 2 ? (*p & 0x1Fu) : n == 3 ? (*p & 0x0Fu) : (*p & 0x07u);
    for (size_t i = 1; i < n; i++)
        c = (c << 6) | (p[i] & 0x3Fu);
    *cp = c;
    return n;
}

static int is_align(unsigned char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static int get_integer(const unsigned char **pp, const unsigned char *e, int64_t *out)
{
    const unsigned char *p = *pp;
    int64_t v = 0;
    int n = 0;
    while (p < e && *p >= '0' && *p <= '9') {
        int d = *p - '0';
        if (v > (INT64_MAX - d) / 10) {
            rt_raise_str(rt_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
        p++;
        n++;
    }
    *pp = p;
    *out = v;
    return n;
}

/* a type code in messages: 'x' when printable ASCII, '\xNN' otherwise */
static void type_repr(uint32_t t, char *buf, size_t n)
{
    if (t > 32 && t < 128)
        snprintf(buf, n, "'%c'", (int)t);
    else
        snprintf(buf, n, "'\\x%x'", (unsigned)t);
}

static int parse_spec_text(Value specv, Value obj, Spec *s)
{
    const unsigned char *p = (const unsigned char *)rt_str_bytes(specv);
    const unsigned char *e = p + rt_str_nbytes(specv);
    memset(s, 0, sizeof *s);
    s->fill = " ";
    s->fill_n = 1;
    s->width = -1;
    s->precision = -1;
    /* [[fill]align]: the fill is any one character */
    if (p < e) {
        uint32_t c;
        size_t n = utf8_char(p, e, &c);
        if (p + n < e && is_align(p[n])) {
            s->fill = (const char *)p;
            s->fill_n = n;
            s->fill_given = 1;
            s->align = (char)p[n];
            p += n + 1;
        } else if (is_align(*p)) {
            s->align = (char)*p++;
        }
    }
    if (p < e && (*p == '+' || *p == '-' || *p == ' '))
        s->sign = (char)*p++;
    if (p < e && *p == 'z') {
        s->no_neg_0 = 1;
        p++;
    }
    if (p < e && *p == '#') {
        s->alternate = 1;
        p++;
    }
    /* a '0' before the width: zero fill and '=' alignment, unless already given */
    if (!s->fill_given && p < e && *p == '0') {
        s->fill = "0";
        s->fill_n = 1;
        if (!s->align)
            s->align = '=';
        p++;
    }
    int n = get_integer(&p, e, &s->width);
    if (n < 0)
        return -1;
    if (n == 0)
        s->width = -1;
    if (p < e && *p == ',') {
        s->thousands = ',';
        p++;
    }
    if (p < e && *p == '_') {
        if (s->thousands) {
            rt_raise_str(rt_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        s->thousands = '_';
        p++;
    }
    if (p < e && *p == ',' && s->thousands == '_') {
        rt_raise_str(rt_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (p < e && *p == '.') {
        p++;
        n = get_integer(&p, e, &s->precision);
        if (n < 0)
            return -1;
        if (n == 0) {
            rt_raise_str(rt_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (p < e) {
        uint32_t c;
        size_t k = utf8_char(p, e, &c);
        if (p + k < e) {   /* more than one character left */
            rt_raise_fmt(rt_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                         specv, rt_type_name(obj));
            return -1;
        }
        s->type = c;
    }
    if (s->thousands) {
        switch (s->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (s->thousands == '_') {
                s->under4 = 1;
                break;
            }
            /* fall through */
        default: {
            char tr[16];
            type_repr(s->type, tr, sizeof tr);
            rt_raise_fmt(rt_ValueError, "Cannot specify '%c' with %s.", s->thousands, tr);
            return -1;
        }
        }
    }
    return 0;
}

/* Parsed specs by the spec str's address: an f-string's spec is one constant, parsed once.
 * An entry is trusted only while the str at that address still has the same text (a
 * collected spec's address may be reused), and only specs that parsed are kept (errors name
 * the object's type). */
#define SPEC_CACHE 64
#define SPEC_CACHE_TEXT 24
static _Thread_local struct {
    Value spec;
    size_t size;
    char text[SPEC_CACHE_TEXT];
    Spec s;
} spec_cache[SPEC_CACHE];

static int parse_spec(Value specv, Value obj, Spec *s)
{
    size_t size = rt_str_nbytes(specv);
    const char *text = rt_str_bytes(specv);
    unsigned k = (unsigned)(specv >> 4) & (SPEC_CACHE - 1);
    if (spec_cache[k].spec == specv && spec_cache[k].size == size &&
        memcmp(spec_cache[k].text, text, size) == 0) {
        *s = spec_cache[k].s;
        s->fill = s->fillb;
        return 0;
    }
    if (parse_spec_text(specv, obj, s) < 0)
        return -1;
    memcpy(s->fillb, s->fill, s->fill_n);
    s->fill = s->fillb;
    if (size <= SPEC_CACHE_TEXT) {
        spec_cache[k].spec = specv;
        spec_cache[k].size = size;
        memcpy(spec_cache[k].text, text, size);
        spec_cache[k].s = *s;
    }
    return 0;
}

static Value unknown_code(const Spec *s, Value obj)
{
    char tr[16];
    type_repr(s->type, tr, sizeof tr);
    return rt_raise_fmt(rt_ValueError, "Unknown format code %s for object of type '%s'", tr,
                        rt_type_name(obj));
}

/* ================================================================ buffer ============== */

/* The result is built in a buffer on the C stack (numbers are short), moved to the heap only
 * when a large width or precision needs more, and copied once into the str. */
#define NB_INLINE 192
#define NB_MAX ((size_t)1 << 40)   /* as str's size limit: MemoryError beyond */

typedef struct NBuf {
    char *p;
    size_t len, cap;
    int failed;
    char inl[NB_INLINE];
} NBuf;

static void nb_init(NBuf *b)
{
    b->p = b->inl;
    b->len = 0;
    b->cap = NB_INLINE;
    b->failed = 0;
}

static int nb_grow(NBuf *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (extra > NB_MAX || b->len + extra > NB_MAX) {
        rt_raise_str(rt_MemoryError, "");
        b->failed = 1;
        return -1;
    }
    size_t cap = b->cap * 2;
    while (cap < b->len + extra)
        cap *= 2;
    char *p = rt_alloc_atomic(cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    memcpy(p, b->p, b->len);
    b->p = p;
    b->cap = cap;
    return 0;
}

/* room for extra more bytes at the end, or NULL (failed) */
static inline char *nb_room(NBuf *b, size_t extra)
{
    if (b->len + extra > b->cap && nb_grow(b, extra) < 0)
        return NULL;
    return b->p + b->len;
}

static inline void nb_add(NBuf *b, const char *s, size_t n)
{
    char *d = nb_room(b, n);
    if (!d)
        return;
    rts_copy(d, s, n);
    b->len += n;
}

static inline void nb_addc(NBuf *b, char c)
{
    char *d = nb_room(b, 1);
    if (!d)
        return;
    *d = c;
    b->len++;
}

/* count copies of one fill character (one UTF-8 sequence of fill_n bytes) */
static void nb_fill(NBuf *b, const char *fill, size_t fill_n, int64_t count)
{
    if (count <= 0)
        return;
    if ((uint64_t)count > NB_MAX) {
        if (!b->failed)
            rt_raise_str(rt_MemoryError, "");
        b->failed = 1;
        return;
    }
    char *d = nb_room(b, fill_n * (size_t)count);
    if (!d)
        return;
    if (fill_n == 1 && count <= 16) {
        for (int64_t i = 0; i < count; i++)
            d[i] = fill[0];
    } else if (fill_n == 1) {
        memset(d, fill[0], (size_t)count);
    } else {
        for (int64_t i = 0; i < count; i++)
            memcpy(d + (size_t)i * fill_n, fill, fill_n);
    }
    b->len += fill_n * (size_t)count;
}

/* The str of the buffer: everything but the fill is ASCII, so code points are counted only
 * when the fill is not. */
static Value nb_finish(NBuf *b, size_t fill_n)
{
    if (b->failed)
        return RT_ERR;
    int64_t size = (int64_t)b->len;
    return rts_new(b->p, size, fill_n == 1 ? size : rts_count_cps(b->p, size));
}

/* ================================================================ layout ============== */

/* The parts of one rendered number. */
typedef struct Num {
    char sign;             /* 0, '-', '+', ' ' */
    const char *prefix;    /* "0x" ... or "" */
    size_t nprefix;
    const char *digits;    /* integer digits, ungrouped */
    size_t ndigits;
    const char *rest;      /* decimal point, fraction, exponent, '%' */
    size_t nrest;
} Num;

/* grouped integer digits, zero-padded (with separators) to at least min_width characters */
static void add_grouped(NBuf *b, const Num *n, char sep, int group, int64_t min_width)
{
    size_t di = n->ndigits;
    if (di == 0 && min_width <= 0)   /* inf and nan have no integer digits */
        return;
    /* k digits (real ones, then padding zeros) take k + (k - 1) / group characters with the
     * separators; the count is the least k >= max(di, 1) that reaches min_width (a separator
     * is always followed by a digit) */
    int64_t g = group;
    int64_t ndig = di > 0 ? (int64_t)di : 1;
    if (ndig + (ndig - 1) / g < min_width) {
        int64_t lo = min_width / (g + 1) * g;   /* lo + (lo - 1) / g < min_width */
        if (lo > ndig)
            ndig = lo;
        while (ndig + (ndig - 1) / g < min_width)
            ndig++;
    }
    size_t len = (size_t)(ndig + (ndig - 1) / g);
    char *d = nb_room(b, len);
    if (!d)
        return;
    /* right to left */
    char *p = d + len;
    int in_group = 0;
    for (int64_t k = 0; k < ndig; k++) {
        if (in_group == group) {
            *--p = sep;
            in_group = 0;
        }
        *--p = k < (int64_t)di ? n->digits[di - 1 - (size_t)k] : '0';
        in_group++;
    }
    b->len += len;
}

/* Lays out a number with the spec's width, fill, alignment and grouping. */
static void render(NBuf *b, const Spec *s, const Num *n, char default_align)
{
    char align = s->align ? s->align : default_align;
    char sep = s->thousands;
    int group = s->under4 ? 4 : 3;
    size_t lead = (n->sign ? 1 : 0) + n->nprefix;
    /* the grouped digit count without padding */
    int64_t gd = (int64_t)n->ndigits;
    if (sep && gd > 0)
        gd += (gd - 1) / group;
    int64_t body = (int64_t)lead + gd + (int64_t)n->nrest;
    /* zero padding becomes grouped digits, unless there are no digits (inf, nan): then it is
     * plain fill, as CPython skips grouping when a number has no digits */
    int zero_pad = align == '=' && s->fill_n == 1 && s->fill[0] == '0' && n->ndigits > 0;
    int64_t pad = s->width > body ? s->width - body : 0;
    int64_t left = 0, right = 0, mid = 0;
    if (zero_pad) {
        /* the padding becomes grouped leading zeros */
    } else if (align == '<') {
        right = pad;
    } else if (align == '>') {
        left = pad;
    } else if (align == '^') {
        left = pad / 2;
        right = pad - left;
    } else {
        mid = pad;
    }
    nb_fill(b, s->fill, s->fill_n, left);
    if (n->sign)
        nb_addc(b, n->sign);
    nb_add(b, n->prefix, n->nprefix);
    nb_fill(b, s->fill, s->fill_n, mid);
    int64_t min_width = zero_pad ? s->width - (int64_t)lead - (int64_t)n->nrest : 0;
    if (sep)
        add_grouped(b, n, sep, group, min_width);
    else {
        if (min_width > (int64_t)n->ndigits)
            nb_fill(b, "0", 1, min_width - (int64_t)n->ndigits);
        nb_add(b, n->digits, n->ndigits);
    }
    nb_add(b, n->rest, n->nrest);
    nb_fill(b, s->fill, s->fill_n, right);
}

static char sign_char(const Spec *s, int negative)
{
    if (negative)
        return '-';
    return s->sign == '+' ? '+' : s->sign == ' ' ? ' ' : 0;
}

/* ================================================================ ints ================ */

static Value format_float_value(double x, const Spec *s, Value obj);

static void utf8_encode(uint32_t c, char *out, size_t *n)
{
    if (c < 0x80) {
        out[0] = (char)c;
        *n = 1;
    } else if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        *n = 2;
    } else if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        *n = 3;
    } else {
        out[0] = (char)(0xF0 | (c >> 18));
        out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[3] = (char)(0x80 | (c & 0x3F));
        *n = 4;
    }
}

Value rt_format_int(Value v, Value spec)
{
    if (rt_str_nbytes(spec) == 0)
        return rt_core_str(v);
    Spec s;
    if (parse_spec(spec, v, &s) < 0)
        return RT_ERR;
    uint32_t t = s.type ? s.type : 'd';
    switch (t) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = rt_int_as_double(v);
        if (d == -1.0 && rt_exc_pending())
            return RT_ERR;
        return format_float_value(d, &s, v);
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    default:
        return unknown_code(&s, v);
    }
    if (s.precision >= 0)
        return rt_raise_str(rt_ValueError, "Precision not allowed in integer format specifier");
    if (s.no_neg_0)
        return rt_raise_str(rt_ValueError,
                            "Negative zero coercion (z) not allowed in integer format specifier");
    Num n = {0, "", 0, NULL, 0, "", 0};
    char cbuf[4];
    if (t == 'c') {
        if (s.sign)
            return rt_raise_str(rt_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (s.alternate)
            return rt_raise_str(rt_ValueError,
                                "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t c;
        if (rt_int_as_i64(v, &c) < 0)
            return RT_ERR;
        if (c < 0 || c > 0x10FFFF)
            return rt_raise_str(rt_OverflowError, "%c arg not in range(0x110000)");
        size_t len;
        utf8_encode((uint32_t)c, cbuf, &len);
        /* the character is padded like a number without sign: right-aligned by default */
        NBuf b;
        nb_init(&b);
        char align = s.align ? s.align : '>';
        int64_t pad = s.width > 1 ? s.width - 1 : 0;
        int64_t left = align == '>' || align == '=' ? pad : align == '^' ? pad / 2 : 0;
        nb_fill(&b, s.fill, s.fill_n, left);
        nb_add(&b, cbuf, len);
        nb_fill(&b, s.fill, s.fill_n, pad - left);
        if (b.failed)
            return RT_ERR;
        return rts_new(b.p, (int64_t)b.len, rts_count_cps(b.p, (int64_t)b.len));
    }
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    int neg = rt_int_sign(v) < 0;
    const char *dp;
    size_t dn;
    char sbuf[72];
    if (rt_is_small(v)) {
        /* a small int's digits right to left into sbuf, no str made */
        int64_t x = rt_small_val(v);
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        const char *dig = t == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        char *end = sbuf + sizeof sbuf, *p = end;
        if (base == 10) {
            do {
                *--p = (char)('0' + m % 10);
                m /= 10;
            } while (m);
        } else {
            int shift = base == 2 ? 1 : base == 8 ? 3 : 4;
            uint64_t mask = (uint64_t)base - 1;
            do {
                *--p = dig[m & mask];
                m >>= shift;
            } while (m);
        }
        dp = p;
        dn = (size_t)(end - p);
    } else {
        Value mag = neg ? rt_int_neg(v) : v;
        if (!mag)
            return RT_ERR;
        /* str(mag) for base 10 keeps the 4300-digit limit, as CPython's format does */
        Value digits = rt_int_to_str(mag, base);
        if (!digits)
            return RT_ERR;
        dp = rt_str_bytes(digits);
        dn = rt_str_nbytes(digits);
        if (base != 10) {   /* drop rt_int_to_str's 0b/0o/0x prefix; '#' adds it back */
            dp += 2;
            dn -= 2;
        }
        if (t == 'X') {
            char *up = rt_alloc_atomic(dn);
            if (!up)
                return RT_ERR;
            for (size_t i = 0; i < dn; i++)
                up[i] = (char)(dp[i] >= 'a' && dp[i] <= 'f' ? dp[i] - 32 : dp[i]);
            dp = up;
        }
    }
    if (s.alternate) {
        n.prefix = t == 'b' ? "0b" : t == 'o' ? "0o" : t == 'x' ? "0x" : t == 'X' ? "0X" : "";
        n.nprefix = strlen(n.prefix);
    }
    n.sign = sign_char(&s, neg);
    n.digits = dp;
    n.ndigits = dn;
    NBuf b;
    nb_init(&b);
    render(&b, &s, &n, '>');
    return nb_finish(&b, s.fill_n);
}

/* ================================================================ floats ============== */

static const uint64_t pow10_u64[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
    1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
    100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
    1000000000000000000ull, 10000000000000000000ull,
};

/* 'f' digits of finite x > 0 with prec <= 19 places, exactly, without printf: x = m * 2**e
 * (m < 2**53), so x * 10**prec = m * 10**prec * 2**e with m * 10**prec < 2**117, and the
 * rounding (half-even, as printf and dtoa round) looks at the bits shifted out.  Writes the
 * digits of round(x * 10**prec) to out (at least 40 bytes), returns their count, or -1 when x
 * is 2**63 or more (printf's turn). */
static int fixed_digits(double x, int prec, char *out)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int bexp = (int)((bits >> 52) & 0x7FF);
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    if (bexp == 0)
        bexp = 1;   /* subnormal */
    else
        m |= UINT64_C(1) << 52;
    int e = bexp - 1075;
    unsigned __int128 q;
    if (e >= 0) {
        if (e > 10)
            return -1;
        q = (unsigned __int128)(m << e) * pow10_u64[prec];   /* < 2**63 * 10**19 < 2**127 */
    } else {
        int sh = -e;
        unsigned __int128 v = (unsigned __int128)m * pow10_u64[prec];
        if (sh >= 118) {
            q = 0;   /* v < 2**117 <= half of 2**sh: rounds down */
        } else {
            q = v >> sh;
            unsigned __int128 rem = v - (q << sh);
            unsigned __int128 half = (unsigned __int128)1 << (sh - 1);
            if (rem > half || (rem == half && (q & 1)))
                q++;
        }
    }
    /* decimal digits of q (< 2**127, at most 39 digits), right to left in 19-digit chunks */
    char tmp[48];
    char *end = tmp + sizeof tmp, *p = end;
    const uint64_t chunk = pow10_u64[19];
    while (q >= chunk) {
        uint64_t lo = (uint64_t)(q % chunk);
        q /= chunk;
        for (int i = 0; i < 19; i++) {
            *--p = (char)('0' + lo % 10);
            lo /= 10;
        }
    }
    uint64_t hi = (uint64_t)q;
    while (hi) {
        *--p = (char)('0' + hi % 10);
        hi /= 10;
    }
    int n = (int)(end - p);
    memcpy(out, p, (size_t)n);
    return n;
}

/* Correctly rounded digits of x > 0 (finite) in a printf mode, trailing zeros stripped as
 * dtoa strips them.  mode 'e': ndig significant digits; 'f': ndig places after the point.
 * Returns decpt: x ~= 0.DIGITS * 10**decpt.  *digits is sbuf (64 bytes) when they fit, else
 * heap memory. */
static int fmt_digits(double x, int mode, int64_t ndig, char *sbuf, char **digits)
{
    if (mode == 'f' && ndig <= 19) {
        int n = fixed_digits(x, (int)ndig, sbuf);
        if (n >= 0) {
            int decpt = n - (int)ndig;
            while (n > 0 && sbuf[n - 1] == '0')
                n--;
            if (n == 0)
                decpt = 0;
            sbuf[n] = 0;
            *digits = sbuf;
            return decpt;
        }
    }
    /* one printf into a stack buffer for the usual short result; a long one (huge 'f'
     * values, many places) is printed again into a buffer of the measured size */
    const char *fmt = mode == 'e' ? "%.*e" : "%.*f";
    int prec = (int)(mode == 'e' ? ndig - 1 : ndig);
    char small[128];
    char *buf = small;
    RT_C_NUMERIC_BEGIN;
    size_t need = (size_t)snprintf(small, sizeof small, fmt, prec, x) + 1;
    if (need > sizeof small) {
        buf = rt_alloc_atomic(need);
        if (buf)
            snprintf(buf, need, fmt, prec, x);
    }
    RT_C_NUMERIC_END;
    char *out = !buf ? NULL : need <= 64 ? sbuf : rt_alloc_atomic(need);
    if (!buf || !out)
        return INT32_MIN;
    size_t n = 0;
    int decpt;
    if (mode == 'e') {
        char *p = buf;
        for (; *p && *p != 'e'; p++)
            if (*p != '.')
                out[n++] = *p;
        decpt = atoi(p + 1) + 1;
    } else {
        /* "123.4500" or "0.0012": digits before the point give decpt */
        char *dot = strchr(buf, '.');
        size_t ip = dot ? (size_t)(dot - buf) : strlen(buf);
        for (char *p = buf; *p; p++)
            if (*p != '.')
                out[n++] = *p;
        decpt = (int)ip;
        /* strip leading zeros, each moving the point left */
        size_t z = 0;
        while (z < n && out[z] == '0') {
            z++;
            decpt--;
        }
        memmove(out, out + z, n - z);
        n -= z;
        if (n == 0)
            decpt = 0;
    }
    while (n > 0 && out[n - 1] == '0')
        n--;
    out[n] = 0;
    *digits = out;
    return decpt;
}

/* CPython's format_float_short: lays out digits/decpt for a format code 'e' 'f' 'g' 'r' */
static void float_body(NBuf *b, const char *digits, int decpt, int code, int64_t precision,
                       int add_dot_0, int alt, int upper)
{
    int64_t nd = (int64_t)strlen(digits);
    if (nd == 0) {   /* zero: dtoa gives "0" with decpt 1 */
        digits = "0";
        nd = 1;
        decpt = 1;
    }
    int use_exp = 0;
    int64_t vend = nd;
    switch (code) {
    case 'e':
        use_exp = 1;
        vend = precision;
        break;
    case 'f':
        vend = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = 1;
        if (alt)
            vend = precision;
        break;
    case 'r':
        if (decpt <= -4 || decpt > 16)
            use_exp = 1;
        break;
    }
    int exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vend = vend > decpt ? vend : decpt + 1;
    else
        vend = vend > decpt ? vend : decpt;
    /* digits at virtual positions [vstart, vend); real ones are [0, nd), the rest zeros;
     * the point goes before position decpt: leading zeros, real digits, trailing zeros */
    char *d = nb_room(b, (size_t)(vend - vstart) + 2);
    if (!d)
        return;
    char *p = d;
    int64_t i = vstart;
    int64_t z_end = vend < 0 ? vend : 0;   /* zeros before the first real digit */
    for (; i < z_end; i++) {
        if (i == decpt)
            *p++ = '.';
        *p++ = '0';
    }
    int64_t r_end = vend < nd ? vend : nd;
    if (i < r_end) {
        if (decpt > i && decpt < r_end) {   /* the point falls among the real digits */
            memcpy(p, digits + i, (size_t)(decpt - i));
            p += decpt - i;
            *p++ = '.';
            memcpy(p, digits + decpt, (size_t)(r_end - decpt));
            p += r_end - decpt;
        } else {
            if (decpt == i)
                *p++ = '.';
            memcpy(p, digits + i, (size_t)(r_end - i));
            p += r_end - i;
        }
        i = r_end;
    }
    for (; i < vend; i++) {
        if (i == decpt)
            *p++ = '.';
        *p++ = '0';
    }
    if (vend == decpt && alt)
        *p++ = '.';
    b->len += (size_t)(p - d);
    if (use_exp) {
        char e[16];
        int k = snprintf(e, sizeof e, "%c%c%02d", upper ? 'E' : 'e', exp < 0 ? '-' : '+', abs(exp));
        nb_add(b, e, (size_t)k);
    }
}

/* Renders x by the spec into the digits/rest of a Num (without sign); returns negative. */
static int float_parts(double x, const Spec *s, uint32_t type, NBuf *body, int add_dot_0)
{
    int upper = type == 'E' || type == 'F' || type == 'G';
    int neg = signbit(x) != 0;
    double ax = fabs(x);
    if (isnan(x) || isinf(x)) {
        nb_add(body, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
        if (type == '%')
            nb_addc(body, '%');
        return isnan(x) ? 0 : neg;
    }
    int64_t prec = s->precision;
    int code;
    char sbuf[64];
    char *digits;
    int decpt;
    switch (type) {
    case 'r':   /* repr-style: shortest digits */
        code = 'r';
        if (ax == 0) {
            digits = "0";
            decpt = 1;
        } else {
            digits = sbuf;
            decpt = rt_double_shortest(ax, digits);
        }
        break;
    case 'e': case 'E':
        code = 'e';
        prec = prec < 0 ? 6 : prec;
        decpt = fmt_digits(ax, 'e', prec + 1, sbuf, &digits);
        prec++;
        break;
    case 'f': case 'F': case '%':
        code = 'f';
        prec = prec < 0 ? 6 : prec;
        decpt = fmt_digits(ax, 'f', prec, sbuf, &digits);
        break;
    default:   /* 'g' 'G' 'n' */
        code = 'g';
        prec = prec < 0 ? 6 : prec == 0 ? 1 : prec;
        decpt = fmt_digits(ax, 'e', prec, sbuf, &digits);
        break;
    }
    if (decpt == INT32_MIN)
        return -1;
    if (s->no_neg_0 && (digits[0] == 0 || (digits[0] == '0' && digits[1] == 0)))
        neg = 0;
    float_body(body, digits, decpt, code, prec, add_dot_0, s->alternate, upper);
    if (type == '%')
        nb_addc(body, '%');
    return neg;
}

/* Splits a rendered body "1234.5e+06" into integer digits and the rest, then lays it out. */
static void layout_float(NBuf *out, const Spec *s, const char *body, size_t n, int neg,
                         char forced_sign)
{
    size_t i = 0;
    while (i < n && body[i] >= '0' && body[i] <= '9')
        i++;
    Num num;
    num.sign = forced_sign ? (neg ? '-' : forced_sign) : sign_char(s, neg);
    num.prefix = "";
    num.nprefix = 0;
    num.digits = body;
    num.ndigits = i;
    num.rest = body + i;
    num.nrest = n - i;
    render(out, s, &num, '>');
}

static Value format_float_value(double x, const Spec *s, Value obj)
{
    uint32_t t = s->type;
    int add_dot_0 = 0;
    switch (t) {
    case 0:
        add_dot_0 = 1;
        t = s->precision < 0 ? 'r' : 'g';
        break;
    case 'n':
        t = 'g';
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        break;
    default:
        return unknown_code(s, obj);
    }
    if (t == '%')
        x *= 100.0;
    NBuf body;
    nb_init(&body);
    int neg = float_parts(x, s, t, &body, add_dot_0);
    if (neg < 0 || body.failed)
        return RT_ERR;
    NBuf out;
    nb_init(&out);
    layout_float(&out, s, body.p, body.len, neg, 0);
    return nb_finish(&out, s->fill_n);
}

Value rt_format_float(Value v, Value spec)
{
    if (rt_str_nbytes(spec) == 0)
        return rt_core_str(v);
    Spec s;
    if (parse_spec(spec, v, &s) < 0)
        return RT_ERR;
    return format_float_value(rt_float_val(v), &s, v);
}

/* ================================================================ complex ============= */

Value rt_format_complex(Value v, Value spec)
{
    if (rt_str_nbytes(spec) == 0)
        return rt_core_str(v);
    Spec s;
    if (parse_spec(spec, v, &s) < 0)
        return RT_ERR;
    ComplexObject *c = (ComplexObject *)rt_obj(v);
    uint32_t t = s.type;
    int skip_re = 0, parens = 0;
    switch (t) {
    case 0:
        t = s.precision < 0 ? 'r' : 'g';
        if (c->re == 0.0 && !signbit(c->re))
            skip_re = 1;
        else
            parens = 1;
        break;
    case 'n':
        t = 'g';
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        break;
    default:
        return unknown_code(&s, v);
    }
    if (s.fill_n == 1 && s.fill[0] == '0')
        return rt_raise_str(rt_ValueError, "Zero padding is not allowed in complex format specifier");
    if (s.align == '=')
        return rt_raise_str(rt_ValueError,
                            "'=' alignment flag is not allowed in complex format specifier");
    /* each part is rendered without width; the whole is then padded */
    Spec ps = s;
    ps.width = -1;
    NBuf re, im, whole;
    nb_init(&re);
    nb_init(&im);
    nb_init(&whole);
    if (!skip_re) {
        NBuf body;
        nb_init(&body);
        int neg = float_parts(c->re, &ps, t, &body, 0);
        if (neg < 0 || body.failed)
            return RT_ERR;
        layout_float(&re, &ps, body.p, body.len, neg, 0);
    }
    NBuf body;
    nb_init(&body);
    int neg = float_parts(c->im, &ps, t, &body, 0);
    if (neg < 0 || body.failed)
        return RT_ERR;
    layout_float(&im, &ps, body.p, body.len, neg, skip_re ? 0 : '+');
    if (re.failed || im.failed)
        return RT_ERR;
    if (parens)
        nb_addc(&whole, '(');
    nb_add(&whole, re.p, re.len);
    nb_add(&whole, im.p, im.len);
    nb_addc(&whole, 'j');
    if (parens)
        nb_addc(&whole, ')');
    if (whole.failed)
        return RT_ERR;
    /* pad the whole like a string, right-aligned by default */
    int64_t len = 0;
    for (size_t i = 0; i < whole.len; i++)
        len += ((unsigned char)whole.p[i] & 0xC0) != 0x80;
    int64_t pad = s.width > len ? s.width - len : 0;
    char align = s.align ? s.align : '>';
    int64_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    NBuf out;
    nb_init(&out);
    nb_fill(&out, s.fill, s.fill_n, left);
    nb_add(&out, whole.p, whole.len);
    nb_fill(&out, s.fill, s.fill_n, pad - left);
    if (out.failed)
        return RT_ERR;
    return rts_new(out.p, (int64_t)out.len, rts_count_cps(out.p, (int64_t)out.len));
}
