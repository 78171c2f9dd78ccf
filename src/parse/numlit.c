/*
 * numlit.c - the value of a NUMBER token (strlit.h: strlit_number), as CPython 3.11's
 * parsenumber().
 *
 * The lexer has already checked the literal's syntax, so this only classifies and converts:
 *   0x/0o/0b prefix       int in that base (any size);
 *   trailing j/J          imaginary: CK_COMPLEX with the float value of the rest;
 *   '.', 'e' or 'E'       float (glibc's strtod in the C locale, correctly rounded like
 *                         CPython's dtoa; overflow gives inf, as in CPython);
 *   otherwise             decimal int (only "0...0" may start with 0).
 * Underscores are dropped first.  Ints that fit int64 go in Const.i; larger ones in
 * Const.bigdec as decimal digits (GMP converts the power-of-two bases).  CPython 3.11.7
 * refuses to convert a decimal literal of more than 4300 digits (sys.int_info
 * .default_max_str_digits); the power-of-two bases have no limit.
 */
#define _GNU_SOURCE   /* strtod_l */
#include <gmp.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "strlit.h"
#include "strlit_internal.h"

#define INT_MAX_STR_DIGITS 4300

/* the int value of digits[0..n) in base (2, 8, 10 or 16), already validated */
static int parse_int(const char *digits, size_t n, int base, Arena *a, Const *out, Buf *err)
{
    uint64_t v = 0;
    int overflow = 0;
    for (size_t k = 0; k < n; k++) {
        char c = digits[k];
        unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                   : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                   : (unsigned)(c - 'A' + 10);
        if (v > (UINT64_MAX - d) / (unsigned)base) {
            overflow = 1;
            break;
        }
        v = v * (unsigned)base + d;
    }
    out->kind = CK_INT;
    if (!overflow && v <= (uint64_t)INT64_MAX) {
        out->i = (int64_t)v;
        return 0;
    }
    if (base == 10) {
        if (n > INT_MAX_STR_DIGITS) {
            buf_clear(err);
            buf_printf(err, "Exceeds the limit (%d digits) for integer string conversion: "
                       "value has %zu digits; use sys.set_int_max_str_digits() to increase "
                       "the limit - Consider hexadecimal for huge integer literals to avoid "
                       "decimal conversion limits.", INT_MAX_STR_DIGITS, n);
            return -1;
        }
        /* a decimal literal above int64 cannot start with 0: the digits are canonical */
        out->bigdec = arena_strndup(a, digits, n);
        return 0;
    }
    char *tmp = xstrndup(digits, n);
    mpz_t z;
    mpz_init(z);
    if (mpz_set_str(z, tmp, base) != 0)
        die("number literal '%s' rejected by GMP", tmp);
    char *dec = xmalloc(mpz_sizeinbase(z, 10) + 2);
    mpz_get_str(dec, 10, z);
    out->bigdec = arena_strndup(a, dec, strlen(dec));
    free(dec);
    mpz_clear(z);
    free(tmp);
    return 0;
}

/* strtod in the "C" locale: the compiler must read 1.5 the same whatever LC_NUMERIC says */
static double c_strtod(const char *s)
{
    static locale_t c_locale;
    if (!c_locale)
        c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return c_locale ? strtod_l(s, NULL, c_locale) : strtod(s, NULL);
}

int strlit_parse_number(const char *text, size_t len, Arena *a, Const *out, Buf *err)
{
    /* the text without underscores, NUL-terminated for strtod */
    char *s = xmalloc(len + 1);
    size_t n = 0;
    for (size_t k = 0; k < len; k++)
        if (text[k] != '_')
            s[n++] = text[k];
    s[n] = 0;

    int rc = 0;
    memset(out, 0, sizeof *out);
    if (n >= 2 && s[0] == '0' && strchr("xXoObB", s[1])) {
        int base = s[1] == 'x' || s[1] == 'X' ? 16 : s[1] == 'o' || s[1] == 'O' ? 8 : 2;
        rc = parse_int(s + 2, n - 2, base, a, out, err);
    } else if (n >= 1 && (s[n - 1] == 'j' || s[n - 1] == 'J')) {
        s[n - 1] = 0;
        out->kind = CK_COMPLEX;
        out->f = c_strtod(s);   /* ERANGE is fine: inf, or 0 for underflow, as CPython */
    } else if (strpbrk(s, ".eE")) {
        out->kind = CK_FLOAT;
        out->f = c_strtod(s);
    } else {
        size_t z = 0;   /* "000" is zero; nothing else starts with 0 */
        while (z + 1 < n && s[z] == '0')
            z++;
        rc = parse_int(s + z, n - z, 10, a, out, err);
    }
    free(s);
    return rc;
}

Const *strlit_number_env(const StrlitEnv *env, const Token *t)
{
    Const *c = ast_const(env->arena, CK_INT);
    Buf err = {0};
    if (strlit_parse_number(t->start, (size_t)t->len, env->arena, c, &err) < 0) {
        /* CPython gives the line but no column: a caret under thousands of digits helps
         * nobody */
        env->error(env->ctx, t->line, -1, t->end_line, -1, err.p);
        c = NULL;
    }
    buf_free(&err);
    return c;
}
