/*
 * pyrepr.c - Python 3.11's exact repr() of str, bytes, int, float and complex.
 *
 * Entry points are in pyrepr.h.  The rules are CPython's (Objects/unicodeobject.c unicode_repr,
 * Objects/bytesobject.c PyBytes_Repr, Python/pystrtod.c format_float_short in 'r' mode),
 * restated here from their observable behaviour:
 *   str     quote ' unless the text holds ' and no "; escape the quote, \\, \t, \n, \r;
 *           other ASCII controls and DEL as \xNN; non-ASCII code points that are not printable
 *           as \xNN, \uNNNN or \UNNNNNNNN by size; printable ones verbatim.
 *   float   the shortest digit string that reads back as the same double (ties: the closest),
 *           fixed notation when the decimal exponent is in -4..15, else d.ddde+XX; a ".0" is
 *           added to integral fixed values (float only, not the parts of a complex).
 * Invariant: every function appends and never fails; malformed UTF-8 is shown byte by byte.
 */
#include "pyrepr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const char hexdig[] = "0123456789abcdef";

/* ---- printability ----
 * CPython 3.11 uses Unicode 14.0; libutf8proc may be newer.  These ranges were unassigned (Cn,
 * so not printable) in 14.0 and are assigned in 15.0 or 15.1; without this table repr() of
 * such a character would differ from CPython's. */
static const uint32_t post14_ranges[][2] = {
    {0x0CF3, 0x0CF3},   {0x0ECE, 0x0ECE},   {0x10EFD, 0x10EFF}, {0x1123F, 0x11241},
    {0x11B00, 0x11B09}, {0x11F00, 0x11F10}, {0x11F12, 0x11F3A}, {0x11F3E, 0x11F59},
    {0x1342F, 0x1342F}, {0x13439, 0x13455}, {0x1B132, 0x1B132}, {0x1B155, 0x1B155},
    {0x1D2C0, 0x1D2D3}, {0x1DF25, 0x1DF2A}, {0x1E030, 0x1E06D}, {0x1E08F, 0x1E08F},
    {0x1E4D0, 0x1E4F9}, {0x1F6DC, 0x1F6DC}, {0x1F774, 0x1F776}, {0x1F77B, 0x1F77F},
    {0x1F7D9, 0x1F7D9}, {0x1FA75, 0x1FA77}, {0x1FA87, 0x1FA88}, {0x1FAAD, 0x1FAAF},
    {0x1FABB, 0x1FABD}, {0x1FABF, 0x1FABF}, {0x1FACE, 0x1FACF}, {0x1FADA, 0x1FADB},
    {0x1FAE8, 0x1FAE8}, {0x1FAF7, 0x1FAF8}, {0x2B739, 0x2B739}, {0x31350, 0x323AF},
    /* Unicode 15.1 */
    {0x2FFC, 0x2FFF},   {0x31EF, 0x31EF},   {0x2EBF0, 0x2EE5D},
};

int pyrepr_isprintable(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    if (cp > 0x10FFFF)
        return 0;
    for (size_t i = 0; i < countof(post14_ranges); i++)
        if (cp >= post14_ranges[i][0] && cp <= post14_ranges[i][1])
            return 0;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return 0;
    default:
        return 1;
    }
}

/* ---- str and bytes ---- */

/* Chooses the quote as CPython does: a single quote unless the text holds one and no double. */
static char pick_quote(const char *s, size_t len)
{
    if (!memchr(s, '\'', len))
        return '\'';
    return memchr(s, '"', len) ? '\'' : '"';
}

static void put_hex(Buf *out, char esc, uint32_t v, int ndig)
{
    buf_putc(out, '\\');
    buf_putc(out, esc);
    for (int sh = (ndig - 1) * 4; sh >= 0; sh -= 4)
        buf_putc(out, hexdig[(v >> sh) & 0xF]);
}

/* The escapes shared by str and bytes for one ASCII-range unit; returns 0 when c is not one. */
static int put_ascii(Buf *out, unsigned c, char quote)
{
    if (c >= 0x80)
        return 0;
    if (c == (unsigned char)quote || c == '\\') {
        buf_putc(out, '\\');
        buf_putc(out, (int)c);
    } else if (c == '\t') {
        buf_puts(out, "\\t");
    } else if (c == '\n') {
        buf_puts(out, "\\n");
    } else if (c == '\r') {
        buf_puts(out, "\\r");
    } else if (c < 0x20 || c == 0x7F) {
        put_hex(out, 'x', c, 2);
    } else {
        buf_putc(out, (int)c);
    }
    return 1;
}

/* Decodes one code point of generalised UTF-8 (strict UTF-8 plus 3-byte surrogates). */
static int decode_gen_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF && (s[2] & 0xC0) == 0x80) {
        *cp = 0xD000u | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    return utf8_decode(s, n, cp);
}

void pyrepr_str(Buf *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    char quote = pick_quote(s, len);
    buf_putc(out, quote);
    while (p < end) {
        if (put_ascii(out, *p, quote)) {
            p++;
            continue;
        }
        uint32_t cp;
        int k = decode_gen_utf8(p, (size_t)(end - p), &cp);
        if (k == 0) {
            /* not text at all: show the byte rather than fail */
            put_hex(out, 'x', *p, 2);
            p++;
            continue;
        }
        if (pyrepr_isprintable(cp))
            buf_putn(out, (const char *)p, (size_t)k);
        else if (cp <= 0xFF)
            put_hex(out, 'x', cp, 2);
        else if (cp <= 0xFFFF)
            put_hex(out, 'u', cp, 4);
        else
            put_hex(out, 'U', cp, 8);
        p += k;
    }
    buf_putc(out, quote);
}

void pyrepr_bytes(Buf *out, const char *s, size_t len)
{
    char quote = pick_quote(s, len);
    buf_putc(out, 'b');
    buf_putc(out, quote);
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)s[i];
        if (!put_ascii(out, c, quote))
            put_hex(out, 'x', c, 2);
    }
    buf_putc(out, quote);
}

/* ---- numbers ---- */

void pyrepr_int(Buf *out, int64_t v)
{
    buf_printf(out, "%lld", (long long)v);
}

/* Parses "D.DDDDe[+-]XX" as printed by %e into bare digits and a decpt (0.DIGITS * 10**decpt). */
static int split_e(const char *e, char digits[20])
{
    int n = 0;
    const char *p = e;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    digits[n] = 0;
    int exp = *p == 'e' ? atoi(p + 1) : 0;
    return exp + 1;
}

/* Builds the digit string one unit in the last place away (dir = +1 or -1) from digits/decpt,
 * as text that strtod reads.  Returns 0 when there is no such neighbour (0.0 going down). */
static int neighbour(const char *digits, int decpt, int dir, char *text, size_t cap)
{
    char d[24];
    int n = (int)strlen(digits);
    memcpy(d + 1, digits, (size_t)n + 1);
    d[0] = '0';   /* room for a carry */
    int i = n;
    if (dir > 0) {
        while (i >= 1 && d[i] == '9')
            d[i--] = '0';
        d[i]++;
    } else {
        while (i >= 1 && d[i] == '0')
            d[i--] = '9';
        if (i == 0)
            return 0;
        d[i]--;
    }
    /* d now holds n+1 digits worth 0.d * 10**(decpt+1) */
    snprintf(text, cap, "0.%se%d", d, decpt + 1);
    return 1;
}

/* Normalises a digit string: strips leading zeros (adjusting decpt) and trailing zeros. */
static int normalise(char digits[20], int decpt)
{
    int lead = 0, n = (int)strlen(digits);
    while (lead < n - 1 && digits[lead] == '0')
        lead++;
    memmove(digits, digits + lead, (size_t)(n - lead) + 1);
    decpt -= lead;
    n -= lead;
    while (n > 1 && digits[n - 1] == '0')
        digits[--n] = 0;
    return decpt;
}

int pyrepr_shortest_digits(double d, char digits[20])
{
    char text[64];
    d = fabs(d);
    if (d == 0) {
        strcpy(digits, "0");
        return 1;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(text, sizeof text, "%.*e", prec - 1, d);
        if (strtod(text, NULL) == d) {
            int decpt = split_e(text, digits);
            return normalise(digits, decpt);
        }
        /* The nearest prec-digit decimal misses, but when d is a power of two its lower gap is
         * half the upper one, so the decimal one step above (or below) may still read back as d
         * and is then the shortest, as CPython's dtoa finds. */
        char nd[20], alt[64];
        int decpt = split_e(text, nd);
        for (int dir = 1; dir >= -1; dir -= 2) {
            if (neighbour(nd, decpt, dir, alt, sizeof alt) && strtod(alt, NULL) == d) {
                char *m = strchr(alt, 'e');
                *m = 0;
                strcpy(digits, alt + 2);
                return normalise(digits, atoi(m + 1));
            }
        }
    }
    /* 17 significant digits always round-trip; not reached */
    snprintf(text, sizeof text, "%.16e", d);
    return normalise(digits, split_e(text, digits));
}

/* format_float_short in 'r' mode: add_dot0 for float, sign_always for complex imaginary parts. */
static void format_r(Buf *out, double d, int add_dot0, int sign_always)
{
    if (isnan(d)) {
        buf_puts(out, sign_always ? "+nan" : "nan");
        return;
    }
    if (signbit(d))
        buf_putc(out, '-');
    else if (sign_always)
        buf_putc(out, '+');
    if (isinf(d)) {
        buf_puts(out, "inf");
        return;
    }
    char digits[20];
    int decpt = pyrepr_shortest_digits(d, digits);
    int n = (int)strlen(digits);
    if (decpt <= -4 || decpt > 16) {
        buf_putc(out, digits[0]);
        if (n > 1) {
            buf_putc(out, '.');
            buf_puts(out, digits + 1);
        }
        int e = decpt - 1;
        buf_printf(out, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) {
        buf_puts(out, "0.");
        for (int i = 0; i < -decpt; i++)
            buf_putc(out, '0');
        buf_puts(out, digits);
    } else if (decpt >= n) {
        buf_puts(out, digits);
        for (int i = n; i < decpt; i++)
            buf_putc(out, '0');
        if (add_dot0)
            buf_puts(out, ".0");
    } else {
        buf_putn(out, digits, (size_t)decpt);
        buf_putc(out, '.');
        buf_puts(out, digits + decpt);
    }
}

void pyrepr_float(Buf *out, double d)
{
    format_r(out, d, 1, 0);
}

void pyrepr_complex(Buf *out, double re, double im)
{
    /* a real part of +0.0 is left out, and so are the parentheses */
    if (re == 0 && !signbit(re)) {
        format_r(out, im, 0, 0);
        buf_putc(out, 'j');
        return;
    }
    buf_putc(out, '(');
    format_r(out, re, 0, 0);
    format_r(out, im, 0, 1);
    buf_puts(out, "j)");
}
