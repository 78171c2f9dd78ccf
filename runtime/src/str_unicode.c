/*
 * str_unicode.c - per-code-point Unicode properties and case mappings, as CPython 3.11 sees them.
 *
 * Entry points: the uni_* functions of str_internal.h.
 *
 * Sources: utf8proc for the general category and the simple (1:1) case mappings; the generated
 * tables of str_unidata.h (scripts/gen_unidata.py) for what utf8proc does not expose (derived
 * properties, digit/numeric values, SpecialCasing, full case folding).
 *
 * Invariant: every answer is the one CPython 3.11 gives, whose Unicode version is 14.0.  utf8proc
 * may carry a newer version, so code points assigned later (uni_newer) are answered as
 * unassigned: category Cn, no properties, mapping to themselves.
 *
 * ASCII is answered without tables; the callers' own ASCII fast paths make the rest rare.
 */
#include <stdint.h>
#include <utf8proc.h>

#include "str_internal.h"
#include "str_unidata.h"

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

static int in_ranges(const UniRange *r, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid].lo) hi = mid;
        else if (c > r[mid].hi) lo = mid + 1;
        else return 1;
    }
    return 0;
}

#define IN(table, c) in_ranges(table, NELEMS(table), c)

static int is_newer(uint32_t c)
{
    /* everything in uni_newer is above U+0CF2, so most text never searches */
    return c >= uni_newer[0].lo && IN(uni_newer, c);
}

int uni_category(uint32_t c)
{
    if (c > 0x10FFFF || is_newer(c)) return UTF8PROC_CATEGORY_CN;
    return utf8proc_category((utf8proc_int32_t)c);
}

/* Python's isspace: bidirectional class WS, B or S, or category Zs.  The set is small and has
 * not changed for many Unicode versions, so it is spelled out. */
int uni_isspace(uint32_t c)
{
    if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
    switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
        return 1;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

/* str.splitlines boundaries: \n \v \f \r \x1c \x1d \x1e \x85 U+2028 U+2029 */
int uni_islinebreak(uint32_t c)
{
    return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

int uni_isalpha(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    int cat = uni_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

int uni_isdecimal(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return uni_category(c) == UTF8PROC_CATEGORY_ND;
}

int uni_isdigit(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return IN(uni_digit, c);
}

int uni_isnumeric(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return IN(uni_numeric, c);
}

/* Printable: not Cc Cf Cs Co Cn Zl Zp Zs, except the ASCII space. */
int uni_isprintable(uint32_t c)
{
    if (c < 0x80) return c >= 0x20 && c < 0x7F;
    switch (uni_category(c)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return 0;
    default:
        return 1;
    }
}

int uni_islower(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return IN(uni_lowercase, c);
}

int uni_isupper(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return IN(uni_uppercase, c);
}

int uni_istitle(uint32_t c)
{
    return c >= 0x80 && uni_category(c) == UTF8PROC_CATEGORY_LT;
}

int uni_iscased(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return IN(uni_cased, c);
}

int uni_iscaseignorable(uint32_t c)
{
    if (c < 0x80) return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
    return IN(uni_case_ignorable, c);
}

int uni_isxidstart(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return IN(uni_xid_start, c);
}

int uni_isxidcontinue(uint32_t c)
{
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == '_';
    return IN(uni_xid_continue, c);
}

/* ---- case mappings ---- */

static const UniSpecial *find_special(uint32_t c)
{
    size_t lo = 0, hi = NELEMS(uni_special);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < uni_special[mid].cp) hi = mid;
        else if (c > uni_special[mid].cp) lo = mid + 1;
        else return &uni_special[mid];
    }
    return NULL;
}

/* Copies a 0-padded mapping of up to 3 code points. */
static int copy_seq(const uint32_t *seq, uint32_t *out)
{
    int n = 0;
    while (n < 3 && seq[n]) { out[n] = seq[n]; n++; }
    return n;
}

int uni_lower_full(uint32_t c, uint32_t *out)
{
    if (c < 0x80) { out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c; return 1; }
    if (is_newer(c) || c > 0x10FFFF) { out[0] = c; return 1; }
    const UniSpecial *sp = find_special(c);
    if (sp) return copy_seq(sp->lower, out);
    out[0] = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
    return 1;
}

int uni_upper_full(uint32_t c, uint32_t *out)
{
    if (c < 0x80) { out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c; return 1; }
    if (is_newer(c) || c > 0x10FFFF) { out[0] = c; return 1; }
    const UniSpecial *sp = find_special(c);
    if (sp) return copy_seq(sp->upper, out);
    out[0] = (uint32_t)utf8proc_toupper((utf8proc_int32_t)c);
    return 1;
}

int uni_title_full(uint32_t c, uint32_t *out)
{
    if (c < 0x80) { out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c; return 1; }
    if (is_newer(c) || c > 0x10FFFF) { out[0] = c; return 1; }
    const UniSpecial *sp = find_special(c);
    if (sp) return copy_seq(sp->title, out);
    out[0] = (uint32_t)utf8proc_totitle((utf8proc_int32_t)c);
    return 1;
}

/* Full case folding: CaseFolding.txt (C+F) where it differs from lower(), else lower(). */
int uni_fold_full(uint32_t c, uint32_t *out)
{
    if (c >= 0x80) {
        size_t lo = 0, hi = NELEMS(uni_fold);
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (c < uni_fold[mid].cp) hi = mid;
            else if (c > uni_fold[mid].cp) lo = mid + 1;
            else return copy_seq(uni_fold[mid].fold, out);
        }
    }
    return uni_lower_full(c, out);
}

/* Nd digits come in runs of ten, ascending from zero (a Unicode stability guarantee), so the
 * value is the position within the run of consecutive Nd code points. */
uint32_t uni_decimal_value(uint32_t c)
{
    if (c < 0x80) return (c >= '0' && c <= '9') ? c - '0' : 0xFFFFFFFFu;
    if (!uni_isdecimal(c)) return 0xFFFFFFFFu;
    uint32_t start = c;
    while (start > 0 && uni_category(start - 1) == UTF8PROC_CATEGORY_ND) start--;
    return (c - start) % 10;
}
