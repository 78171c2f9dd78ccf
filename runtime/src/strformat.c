/*
 * strformat.c - format(str, spec): str.__format__ with CPython 3.11's format-spec mini-language.
 * (str.format itself is str_formatter.c.)
 *
 * Entry point: rt_format_str (rt.h, rt_str.h).
 *
 *   format_spec ::= [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 *
 * For str only fill, align (< > ^), width, precision (truncation, in code points) and type 's'
 * are meaningful; everything else is an error with CPython's message, checked in CPython's
 * order: first the parse (digits, grouping, precision, trailing junk), then the type code,
 * then sign / z / # / '=' alignment.  Widths count code points, as Python does.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "str_internal.h"

typedef struct Spec {
    uint32_t fill;
    char fill_bytes[4];
    int fill_n;
    char align;         /* 0: default */
    char sign;          /* 0, '+', '-', ' ' */
    int no_neg_0, alternate;
    int64_t width, precision;   /* -1: absent */
    char grouping;      /* 0, ',', '_' */
    uint32_t type;
} Spec;

static int is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads a run of decimal digits; -1 after raising on overflow. */
static int digits(const char **p, const char *end, int64_t *out)
{
    int64_t v = 0;
    int n = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        if (v > (INT64_MAX - 9) / 10) {
            rt_raise_str(rt_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = n ? v : -1;
    return 0;
}

static Value bad_grouping(char g, uint32_t type)
{
    if (type > 32 && type < 128) {
        return rt_raise_fmt(rt_ValueError, "Cannot specify '%c' with '%c'.", g, (int)type);
    }
    char msg[64];   /* rt_raise_fmt has no unsigned %x: format here */
    snprintf(msg, sizeof msg, "Cannot specify '%c' with '\\x%x'.", g, (unsigned)type);
    return rt_raise_str(rt_ValueError, msg);
}

/* Parses spec (a str) into *f with default type 's'; RT_ERR after raising, else a non-zero
 * dummy. */
static Value parse_spec(Value self, Value specv, Spec *f)
{
    StrObject *sp = RTS(specv);
    const char *p = sp->data, *end = p + sp->size;
    memset(f, 0, sizeof *f);
    f->fill = ' ';
    f->fill_bytes[0] = ' ';
    f->fill_n = 1;
    f->type = 's';
    int fill_given = 0;
    int n0, n1 = 0;
    uint32_t c0 = p < end ? rts_decode(p, &n0) : 0;
    uint32_t c1 = p < end && p + n0 < end ? rts_decode(p + n0, &n1) : 0;
    if (p < end && p + n0 < end && is_align(c1)) {
        f->fill = c0;
        memcpy(f->fill_bytes, p, (size_t)n0);
        f->fill_n = n0;
        f->align = (char)c1;
        fill_given = 1;
        p += n0 + n1;
    } else if (p < end && is_align(c0)) {
        f->align = (char)c0;
        p += 1;
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) f->sign = *p++;
    if (p < end && *p == 'z') { f->no_neg_0 = 1; p++; }
    if (p < end && *p == '#') { f->alternate = 1; p++; }
    if (!fill_given && p < end && *p == '0') {
        /* '0' means zero padding; for str (default alignment '<') it only sets the fill */
        f->fill = '0';
        f->fill_bytes[0] = '0';
        f->fill_n = 1;
        p++;
    }
    if (digits(&p, end, &f->width) < 0) return RT_ERR;
    if (p < end && *p == ',') { f->grouping = ','; p++; }
    if (p < end && *p == '_') {
        if (f->grouping) return rt_raise_str(rt_ValueError, "Cannot specify both ',' and '_'.");
        f->grouping = '_';
        p++;
    }
    if (p < end && *p == ',' && f->grouping == '_') {
        return rt_raise_str(rt_ValueError, "Cannot specify both ',' and '_'.");
    }
    f->precision = -1;
    if (p < end && *p == '.') {
        p++;
        if (digits(&p, end, &f->precision) < 0) return RT_ERR;
        if (f->precision < 0) return rt_raise_str(rt_ValueError, "Format specifier missing precision");
    }
    if (p < end) {
        int n;
        uint32_t t = rts_decode(p, &n);
        if (p + n < end) {
            return rt_raise_fmt(rt_ValueError, "Invalid format specifier '%s' for object of type '%s'",
                                sp->data, rts_tname(self));
        }
        f->type = t;
    }
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_') break;
            return bad_grouping(f->grouping, f->type);
        default:
            return bad_grouping(f->grouping, f->type);
        }
    }
    return rt_None;
}

/* self cut to `precision` code points (-1: all) and padded to `width` with the fill */
static Value pad(Value self, int64_t width, int64_t precision, char align, const char *fill,
                 int fill_n)
{
    StrObject *s = RTS(self);
    int64_t len = s->len;
    if (precision >= 0 && len > precision) len = precision;
    int64_t total = width > len ? width - len : 0;
    if (total == 0 && len == s->len) return rt_str_str(self);
    int64_t left = align == '>' ? total : align == '^' ? total / 2 : 0, right = total - left;
    int64_t bytes = rts_offset(s, len);
    StrObject *r = rts_alloc(bytes + total * fill_n, len + total);
    if (!r) return RT_ERR;
    char *d = r->data;
    if (fill_n == 1) {
        memset(d, fill[0], (size_t)left);
        d += left;
    } else {
        for (int64_t k = 0; k < left; k++, d += fill_n) memcpy(d, fill, (size_t)fill_n);
    }
    memcpy(d, s->data, (size_t)bytes);
    d += bytes;
    if (fill_n == 1) {
        memset(d, fill[0], (size_t)right);
    } else {
        for (int64_t k = 0; k < right; k++, d += fill_n) memcpy(d, fill, (size_t)fill_n);
    }
    if (r->len <= 1) return rts_new(r->data, r->size, r->len);
    return rt_val(r);
}

Value rt_format_str(Value self, Value spec)
{
    if (!rts_is_str(spec)) {
        return rt_raise_fmt(rt_TypeError, "format() argument 2 must be str, not %s", rts_tname(spec));
    }
    int64_t n = RTS(spec)->size;
    if (n == 0) return rt_str_str(self);
    if (n <= 8) {
        /* the common specs "<12", ">7", "^11", "20": an optional alignment, then a width that
         * does not start with 0 (which would set the fill), then nothing */
        const char *p = RTS(spec)->data, *end = p + n;
        char align = 0;
        if (*p == '<' || *p == '>' || *p == '^') align = *p++;
        if (p < end && *p >= '1' && *p <= '9') {
            int64_t w = 0;
            while (p < end && *p >= '0' && *p <= '9') w = w * 10 + (*p++ - '0');
            if (p == end) return pad(self, w, -1, align, " ", 1);
        }
    }
    Spec f;
    if (!parse_spec(self, spec, &f)) return RT_ERR;
    if (f.type != 's') {
        if (f.type > 32 && f.type < 128) {
            return rt_raise_fmt(rt_ValueError, "Unknown format code '%c' for object of type '%s'",
                                (int)f.type, rts_tname(self));
        }
        char code[16];
        snprintf(code, sizeof code, "\\x%x", (unsigned)f.type);
        return rt_raise_fmt(rt_ValueError, "Unknown format code '%s' for object of type '%s'", code,
                            rts_tname(self));
    }
    if (f.sign == ' ') return rt_raise_str(rt_ValueError, "Space not allowed in string format specifier");
    if (f.sign) return rt_raise_str(rt_ValueError, "Sign not allowed in string format specifier");
    if (f.no_neg_0) {
        return rt_raise_str(rt_ValueError,
                            "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (f.alternate) {
        return rt_raise_str(rt_ValueError, "Alternate form (#) not allowed in string format specifier");
    }
    if (f.align == '=') {
        return rt_raise_str(rt_ValueError, "'=' alignment not allowed in string format specifier");
    }
    return pad(self, f.width, f.precision, f.align, f.fill_bytes, f.fill_n);
}
