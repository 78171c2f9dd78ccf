/*
 * float.c - Python's float: IEEE double with CPython 3.11's semantics.
 *
 * Entry points: rt_float, rt_double_repr (shortest round-trip repr), rt_double_shortest,
 * rt_float_from_str, the rt_float_* arithmetic, rt_float_hash, rt_float_round, the methods
 * rt_float_is_integer / as_integer_ratio / hex, and the rt_float_type object.
 *
 * Invariants and choices:
 *   - repr is the shortest decimal string that reads back as the same double (found with
 *     correctly rounded printf/strtod at 15, 16 and 17 digits: both are exact in glibc; see
 *     rt_double_shortest for why that suffices), laid out as CPython's 'r' mode: fixed
 *     notation for exponents in [-4, 16), else d.ddde+XX;
 *   - mixed float/int arithmetic converts the int with correct rounding ("int too large to
 *     convert to float" beyond DBL_MAX), but comparisons between float and int are exact;
 *   - // and % follow CPython's float_divmod (sign of the divisor, signed zeros), ** follows
 *     float_pow's special cases (including the complex result for a negative base with a
 *     non-integral exponent and errno-style OverflowError(34, '...'));
 *   - hash(x) == hash(int(x)) for integral x (modulus 2**61-1).
 */
#include <errno.h>
#include <float.h>
#include <locale.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "num.h"

locale_t rt_c_locale(void)
{
    static locale_t c;
    if (!c)   /* a benign race: every thread would create the same "C" locale */
        c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    return c;
}

/* rt_float(d) is in alloc.c, beside the free list it pops */

int rt_is_float(Value v)
{
    if (rt_is_small(v))
        return 0;
    Type *t = rt_obj(v)->type;
    return t == &rt_float_type || rt_issubtype(t, &rt_float_type);
}

/* ================================================================ repr ================ */

/* the nearest decimal with p significant digits, as "d.ddd" digits (no dot) and exponent */
static int nearest_digits(double d, int p, char *digits, int *exp10)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", p - 1, d);
    int n = 0;
    const char *s = buf;
    for (; *s && *s != 'e'; s++)
        if (*s != '.')
            digits[n++] = *s;
    digits[n] = 0;
    *exp10 = atoi(s + 1);
    return n;
}

static double digits_value(const char *digits, int exp10)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits + 1, exp10);
    return strtod(buf, NULL);
}

/* Rounds the 17 correctly rounded digits d17 to p < 17 digits.  That equals rounding the exact
 * value except when the dropped digits are exactly a half (5, 50, ...): the exact value may
 * have been below or above it, so 0 tells the caller to round the exact value instead. */
static int round_digits(const char *d17, int e17, int p, char *out, int *exp10)
{
    int half = 1, above = 0;   /* compare the dropped tail with 5000... */
    if (d17[p] != '5') {
        half = 0;
        above = d17[p] > '5';
    } else {
        for (int i = p + 1; i < 17; i++)
            if (d17[i] != '0') {
                half = 0;
                above = 1;
            }
    }
    if (half)
        return 0;
    memcpy(out, d17, (size_t)p);
    out[p] = 0;
    *exp10 = e17;
    if (above) {
        int i = p - 1;
        while (i >= 0 && out[i] == '9')
            out[i--] = '0';
        if (i < 0) {
            out[0] = '1';
            (*exp10)++;
        } else {
            out[i]++;
        }
    }
    return 1;
}

/* the p-digit decimal one unit above `digits` (which is below d) reads back as d? */
static int roundtrip_up(double d, char *digits, int p, int *exp10)
{
    if (digits_value(digits, *exp10) > d)
        return 0;
    int i = p - 1;
    while (i >= 0 && digits[i] == '9')
        digits[i--] = '0';
    if (i < 0) {
        digits[0] = '1';
        (*exp10)++;
    } else {
        digits[i]++;
    }
    return digits_value(digits, *exp10) == d;
}

/* Does some p-digit decimal read back as d?  The nearest one does if any does, except just
 * above a power of two, where the gap below d is half the gap above: there the next decimal
 * up may round-trip while the nearest (below d) does not. */
static int roundtrip_digits(double d, int p, char *digits, int *exp10, int pow2)
{
    nearest_digits(d, p, digits, exp10);
    double y = digits_value(digits, *exp10);
    if (y == d)
        return 1;
    if (!pow2 || y > d)
        return 0;
    /* increment the last digit, carrying */
    int i = p - 1;
    while (i >= 0 && digits[i] == '9')
        digits[i--] = '0';
    if (i < 0) {
        digits[0] = '1';
        (*exp10)++;
    } else {
        digits[i]++;
    }
    return digits_value(digits, *exp10) == d;
}

/* the digits without trailing zeros into out; returns decpt (d = 0.DIGITS * 10**decpt) */
static int finish_digits(const char *digits, int n, int exp10, char *out)
{
    while (n > 1 && digits[n - 1] == '0')
        n--;
    memcpy(out, digits, (size_t)n);
    out[n] = 0;
    return exp10 + 1;
}

/* Short decimals without printf: when d (>= 1e-7) is m * 10**-k for an integer m < 10**15,
 * the least such k gives the shortest repr.  Why: s = d * 10**k is within 1/16 of the exact
 * product (s < 2**50), and a decimal m * 10**-k that reads back as d is within 1/8 of it
 * (10**k * ulp(d) / 2 <= ulp(s)), so rint(s) is the only candidate at each k; the division
 * m / 10**k of two exact doubles is correctly rounded, as strtod is, so equality is the
 * round-trip test; decimals of at most 15 digits never share a double (DBL_DIG), so the one
 * found is the only one of its length; and a shorter one would have fewer fraction digits
 * (a smaller k), already tried.  Returns decpt, or INT_MIN when d is not such a decimal. */
static int short_decimal(double d, char *out)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
                                 1e22};
    if (!(d >= 1e-7 && d < 1e15))
        return INT_MIN;
    for (int k = 0; k < (int)(sizeof p10 / sizeof p10[0]); k++) {
        double s = d * p10[k];
        if (s >= 1e15)
            break;
        double m = rint(s);
        if (m == 0 || m / p10[k] != d)
            continue;
        char tmp[24];
        int n = 0;
        for (uint64_t u = (uint64_t)m; u; u /= 10)
            tmp[n++] = (char)('0' + u % 10);
        int nd = n;
        for (int i = 0; i < n; i++)
            out[i] = tmp[n - 1 - i];
        while (nd > 1 && out[nd - 1] == '0')
            nd--;
        out[nd] = 0;
        return n - k;
    }
    return INT_MIN;
}

int rt_double_shortest(double d, char *out)
{
    int quick = short_decimal(d, out);
    if (quick != INT_MIN)
        return quick;
    RT_C_NUMERIC_BEGIN;
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int pow2 = (bits & ((UINT64_C(1) << 52) - 1)) == 0;
    char digits[24];
    int exp10 = 0, decpt;
    if (d >= DBL_MIN) {
        /* Normal doubles: any decimal of at most DBL_DIG (15) digits survives decimal ->
         * double -> decimal, so if one round-trips, the nearest 15-digit decimal is that one
         * (padded with zeros).  Otherwise the answer has 16 or 17 digits, and 17 always
         * round-trip.  printf is the expensive step, so it runs once, for 17 digits, and
         * the 15- and 16-digit candidates are rounded from those. */
        char d17[24];
        int e17;
        nearest_digits(d, 17, d17, &e17);
        for (int p = 15; p <= 16; p++) {
            if (!round_digits(d17, e17, p, digits, &exp10))
                nearest_digits(d, p, digits, &exp10);   /* a tie: round the exact value */
            if (digits_value(digits, exp10) == d ||
                (p == 16 && pow2 && roundtrip_up(d, digits, 16, &exp10))) {
                decpt = finish_digits(digits, p, exp10, out);
                RT_C_NUMERIC_END;
                return decpt;
            }
        }
        decpt = finish_digits(d17, 17, e17, out);
        RT_C_NUMERIC_END;
        return decpt;
    }
    /* subnormals have fewer significant bits (5e-324 is shortest as one digit): bisect on the
     * digit count; round-tripping is monotonic in it (p-digit decimals are (p+1)-digit ones) */
    int lo = 1, hi = 17, best = 0, best_exp = 0;
    char best_digits[24];
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (roundtrip_digits(d, mid, digits, &exp10, pow2)) {
            hi = mid;
            best = mid;
            best_exp = exp10;
            memcpy(best_digits, digits, (size_t)mid + 1);
        } else {
            lo = mid + 1;
        }
    }
    if (best != lo) {   /* lo == 17, never tested by the bisection */
        nearest_digits(d, 17, best_digits, &best_exp);
        best = 17;
    }
    decpt = finish_digits(best_digits, best, best_exp, out);
    RT_C_NUMERIC_END;
    return decpt;
}

int rt_double_repr(double d, char *buf)
{
    if (isnan(d))
        return (int)strlen(strcpy(buf, "nan"));
    if (isinf(d))
        return (int)strlen(strcpy(buf, d > 0 ? "inf" : "-inf"));
    int n = 0;
    if (signbit(d)) {
        buf[n++] = '-';
        d = -d;
    }
    if (d == 0)
        return n + (int)strlen(strcpy(buf + n, "0.0"));
    char digits[24];
    int decpt = rt_double_shortest(d, digits);
    int nd = (int)strlen(digits);
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            buf[n++] = '0';
            buf[n++] = '.';
            for (int i = 0; i < -decpt; i++)
                buf[n++] = '0';
            memcpy(buf + n, digits, (size_t)nd);
            n += nd;
        } else if (decpt >= nd) {
            memcpy(buf + n, digits, (size_t)nd);
            n += nd;
            for (int i = nd; i < decpt; i++)
                buf[n++] = '0';
            buf[n++] = '.';
            buf[n++] = '0';
        } else {
            memcpy(buf + n, digits, (size_t)decpt);
            n += decpt;
            buf[n++] = '.';
            memcpy(buf + n, digits + decpt, (size_t)(nd - decpt));
            n += nd - decpt;
        }
    } else {
        buf[n++] = digits[0];
        if (nd > 1) {
            buf[n++] = '.';
            memcpy(buf + n, digits + 1, (size_t)(nd - 1));
            n += nd - 1;
        }
        n += sprintf(buf + n, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
    }
    buf[n] = 0;
    return n;
}

static Value float_repr(Value v)
{
    char buf[40];
    int n = rt_double_repr(rt_float_val(v), buf);
    return rt_str_from_utf8(buf, (size_t)n);
}

/* ================================================================ parsing ============= */

/* ASCII whitespace and the non-ASCII str.isspace() characters, as float() strips them */
static size_t fspace_len(const unsigned char *p, const unsigned char *e)
{
    if (p >= e)
        return 0;
    if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        return 1;
    if (*p < 0x80 || e - p < 2)
        return 0;
    if (p[0] == 0xC2 && (p[1] == 0x85 || p[1] == 0xA0))
        return 2;
    if (e - p < 3)
        return 0;
    uint32_t c = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if ((p[0] & 0xF0) == 0xE0 &&
        (c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000))
        return 3;
    return 0;
}

static int ieq(const unsigned char *p, size_t n, const char *word)
{
    if (strlen(word) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != (unsigned char)word[i])
            return 0;
    return 1;
}

/* copies a digit part ("1_000") without underscores; returns digits copied, -1 if malformed */
static int digitpart(const unsigned char **pp, const unsigned char *e, char *out, size_t *no)
{
    const unsigned char *p = *pp;
    int count = 0;
    while (p < e && *p >= '0' && *p <= '9') {
        out[(*no)++] = (char)*p++;
        count++;
        if (p + 1 < e && *p == '_' && p[1] >= '0' && p[1] <= '9')
            p++;
        else if (p < e && *p == '_')
            return -1;
    }
    *pp = p;
    return count;
}

static Value float_parse(const char *s, size_t n, Value orig);

Value rt_float_from_str(const char *s, size_t n) { return float_parse(s, n, 0); }

static Value float_parse(const char *s, size_t n, Value orig)
{
    size_t an;
    const char *ascii = rt_num_ascii(s, n, &an);
    if (!ascii)
        return RT_ERR;
    const unsigned char *p = (const unsigned char *)ascii, *e = p + an;
    size_t k;
    while ((k = fspace_len(p, e)))
        p += k;
    while (e > p) {
        /* strip trailing whitespace: find a space sequence that ends at e */
        size_t m = 0;
        for (size_t back = 1; back <= 3 && back <= (size_t)(e - p); back++)
            if (fspace_len(e - back, e) == back) {
                m = back;
                break;
            }
        if (!m)
            break;
        e -= m;
    }
    char sbuf[128];
    char *buf = (size_t)(e - p) + 8 < sizeof sbuf ? sbuf : rt_alloc_atomic((size_t)(e - p) + 8);
    if (!buf)
        return RT_ERR;
    size_t no = 0;
    const unsigned char *q = p;
    int neg = q < e && *q == '-';
    if (q < e && (*q == '+' || *q == '-'))
        buf[no++] = (char)*q++;
    if (ieq(q, (size_t)(e - q), "inf") || ieq(q, (size_t)(e - q), "infinity"))
        return rt_float(neg ? -INFINITY : INFINITY);
    if (ieq(q, (size_t)(e - q), "nan"))
        return rt_float(neg ? -NAN : NAN);
    int mant = digitpart(&q, e, buf, &no);
    if (mant < 0)
        goto bad;
    if (q < e && *q == '.') {
        buf[no++] = *q++;
        if (q < e && *q == '_')
            goto bad;
        int frac = digitpart(&q, e, buf, &no);
        if (frac < 0)
            goto bad;
        mant += frac;
    }
    if (mant == 0)
        goto bad;
    if (q < e && (*q == 'e' || *q == 'E')) {
        buf[no++] = (char)*q++;
        if (q < e && (*q == '+' || *q == '-'))
            buf[no++] = (char)*q++;
        int ex = digitpart(&q, e, buf, &no);
        if (ex <= 0)
            goto bad;
    }
    if (q != e)
        goto bad;
    buf[no] = 0;
    RT_C_NUMERIC_BEGIN;
    double d = strtod(buf, NULL);
    RT_C_NUMERIC_END;
    return rt_float(d);
bad:;
    Value str = orig ? orig : rt_str_from_utf8(s, n);
    if (!str)
        return RT_ERR;
    return rt_raise_fmt(rt_ValueError, "could not convert string to float: %R", str);
}

/* The longest prefix of p[0..n) that is a Python float literal (sign, digits with an
 * optional point and exponent, or inf/infinity/nan), no underscores: complex() parses its
 * parts with it.  Returns the prefix length (0 = none) and the value in *out. */
size_t rt_float_prefix(const char *p0, size_t n, double *out)
{
    const unsigned char *p = (const unsigned char *)p0, *e = p + n, *q = p;
    int neg = 0;
    if (q < e && (*q == '+' || *q == '-'))
        neg = *q++ == '-';
    size_t rest = (size_t)(e - q);
    if (rest >= 8 && ieq(q, 8, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return (size_t)(q + 8 - p);
    }
    if (rest >= 3 && (ieq(q, 3, "inf") || ieq(q, 3, "nan"))) {
        *out = (q[0] | 0x20) == 'i' ? (neg ? -INFINITY : INFINITY) : (neg ? -NAN : NAN);
        return (size_t)(q + 3 - p);
    }
    int digits = 0;
    while (q < e && *q >= '0' && *q <= '9')
        q++, digits++;
    if (q < e && *q == '.') {
        q++;
        while (q < e && *q >= '0' && *q <= '9')
            q++, digits++;
    }
    if (!digits)
        return 0;
    /* an exponent counts only when it has digits */
    if (q < e && (*q == 'e' || *q == 'E')) {
        const unsigned char *x = q + 1;
        if (x < e && (*x == '+' || *x == '-'))
            x++;
        if (x < e && *x >= '0' && *x <= '9') {
            while (x < e && *x >= '0' && *x <= '9')
                x++;
            q = x;
        }
    }
    size_t len = (size_t)(q - p);
    char sbuf[128];
    char *buf = len < sizeof sbuf ? sbuf : rt_alloc_atomic(len + 1);
    if (!buf)
        return 0;
    memcpy(buf, p, len);
    buf[len] = 0;
    RT_C_NUMERIC_BEGIN;
    *out = strtod(buf, NULL);
    RT_C_NUMERIC_END;
    return len;
}

/* float.fromhex(s): [sign] [0x] hexdigits [. hexdigits] [p [sign] decimal], or inf/nan;
 * rounded half to even like any conversion */
Value rt_float_fromhex(Value sv)
{
    const unsigned char *p = (const unsigned char *)rt_str_bytes(sv);
    const unsigned char *e = p + rt_str_nbytes(sv);
    while (p < e && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
        p++;
    /* trailing spaces are skipped only after the number is converted: CPython reports an
     * overflow before it looks at what follows the number */
    const unsigned char *end = e;
    while (e > p && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r')))
        e--;
    int neg = 0;
    if (p < e && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    if (ieq(p, (size_t)(e - p), "inf") || ieq(p, (size_t)(e - p), "infinity"))
        return rt_float(neg ? -INFINITY : INFINITY);
    if (ieq(p, (size_t)(e - p), "nan"))
        return rt_float(neg ? -NAN : NAN);
    if (e - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x')
        p += 2;
    mpz_t m;
    mpz_init(m);
    int64_t ndig = 0, nfrac = 0;
    int seen_point = 0;
    for (; p < e; p++) {
        int v;
        if (*p == '.' && !seen_point) {
            seen_point = 1;
            continue;
        }
        if (*p >= '0' && *p <= '9')
            v = *p - '0';
        else if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')
            v = (*p | 0x20) - 'a' + 10;
        else
            break;
        mpz_mul_2exp(m, m, 4);
        mpz_add_ui(m, m, (unsigned long)v);
        ndig++;
        nfrac += seen_point;
    }
    int64_t exp = 0;
    if (!ndig)
        goto invalid;
    if (p < e && (*p | 0x20) == 'p') {
        p++;
        int eneg = 0;
        if (p < e && (*p == '+' || *p == '-'))
            eneg = *p++ == '-';
        if (p >= e || *p < '0' || *p > '9')
            goto invalid;
        for (; p < e && *p >= '0' && *p <= '9'; p++)
            if (exp < ((int64_t)1 << 40))   /* beyond any double either way: clamp */
                exp = exp * 10 + (*p - '0');
        if (eneg)
            exp = -exp;
    }
    const unsigned char *after = p;
    exp -= 4 * nfrac;
    double d = 0.0;
    if (mpz_sgn(m) != 0) {
        int64_t top = (int64_t)mpz_sizeinbase(m, 2) + exp;   /* value < 2**top */
        if (top > 1025)
            goto overflow;
        if (top >= -1080) {
            mpz_t one;
            mpz_init_set_ui(one, 1);
            if (exp >= 0)
                mpz_mul_2exp(m, m, (mp_bitcnt_t)exp);
            else
                mpz_mul_2exp(one, one, (mp_bitcnt_t)-exp);
            if (rt_mpz_ratio_to_double(m, one, &d) < 0)
                goto overflow;
        }
    }
    while (after < end && (*after == ' ' || (*after >= '\t' && *after <= '\r')))
        after++;
    if (after != end)
        goto invalid;
    return rt_float(neg ? -d : d);
invalid:
    return rt_raise_str(rt_ValueError, "invalid hexadecimal floating-point string");
overflow:
    return rt_raise_str(rt_OverflowError, "hexadecimal value too large to represent as a float");
}

/* ================================================================ arithmetic ========== */

double rt_float_val_of(Value v, int *ok)
{
    *ok = 1;
    if (rt_is_small(v))
        return (double)rt_small_val(v);
    if (rt_is_float(v))
        return rt_float_val(v);
    if (rt_is_int(v)) {
        double d;
        if (rt_int_to_double_exact(v, &d) == 0)
            return d;
        rt_raise_str(rt_OverflowError, "int too large to convert to float");
        *ok = 0;
        return -1.0;
    }
    *ok = 0;
    return -1.0;
}

/* Converts both operands, or reports "not mine" (NotImplemented) / an error. */
#define OPERANDS(a, b)                                                                   \
    if (!(rt_is_float(a) || rt_is_int(a)) || !(rt_is_float(b) || rt_is_int(b)))          \
        return rt_NotImplemented;                                                        \
    int ok_;                                                                             \
    double x = rt_float_val_of(a, &ok_);                                                 \
    if (!ok_)                                                                            \
        return RT_ERR;                                                                   \
    double y = rt_float_val_of(b, &ok_);                                                 \
    if (!ok_)                                                                            \
        return RT_ERR

Value rt_float_add(Value a, Value b)
{
    OPERANDS(a, b);
    return rt_float(x + y);
}

Value rt_float_sub(Value a, Value b)
{
    OPERANDS(a, b);
    return rt_float(x - y);
}

Value rt_float_mul(Value a, Value b)
{
    OPERANDS(a, b);
    return rt_float(x * y);
}

Value rt_float_truediv(Value a, Value b)
{
    OPERANDS(a, b);
    if (y == 0.0)
        return rt_raise_str(rt_ZeroDivisionError, "float division by zero");
    return rt_float(x / y);
}

/* CPython's float_divmod: fmod gives the exact remainder, fixed up to the divisor's sign;
 * the quotient is recovered from it and snapped to the nearest integer */
static void float_divmod_raw(double x, double y, double *q, double *r)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, x / y);
    }
    *q = floordiv;
    *r = mod;
}

Value rt_float_floordiv(Value a, Value b)
{
    OPERANDS(a, b);
    if (y == 0.0)
        return rt_raise_str(rt_ZeroDivisionError, "float floor division by zero");
    double q, r;
    float_divmod_raw(x, y, &q, &r);
    return rt_float(q);
}

Value rt_float_mod(Value a, Value b)
{
    OPERANDS(a, b);
    if (y == 0.0)
        return rt_raise_str(rt_ZeroDivisionError, "float modulo");
    double q, r;
    float_divmod_raw(x, y, &q, &r);
    return rt_float(r);
}

Value rt_float_divmod(Value a, Value b)
{
    OPERANDS(a, b);
    if (y == 0.0)
        return rt_raise_str(rt_ZeroDivisionError, "float divmod()");
    double q, r;
    float_divmod_raw(x, y, &q, &r);
    Value t[2] = {rt_float(q), rt_float(r)};
    if (!t[0] || !t[1])
        return RT_ERR;
    return rt_tuple_from(t, 2);
}

static int is_odd_integer(double w) { return fmod(fabs(w), 2.0) == 1.0; }

/* OverflowError(34, 'Numerical result out of range'), as PyErr_SetFromErrno(ERANGE) builds */
static Value raise_erange(void)
{
    Value args[2] = {rt_small(ERANGE), rt_str_from_cstr("Numerical result out of range")};
    if (!args[1])
        return RT_ERR;
    Value e = rt_exc_new(rt_OverflowError, args, 2);
    if (!e)
        return RT_ERR;
    return rt_raise(e);
}

Value rt_float_pow(Value a, Value b, Value mod)
{
    if (mod != rt_None && mod != 0) {
        if (!(rt_is_float(a) || rt_is_int(a)) || !(rt_is_float(b) || rt_is_int(b)))
            return rt_NotImplemented;
        return rt_raise_str(rt_TypeError,
                            "pow() 3rd argument not allowed unless all arguments are integers");
    }
    OPERANDS(a, b);
    double iv = x, iw = y;
    if (iw == 0)
        return rt_float(1.0);
    if (isnan(iv))
        return rt_float(iv);
    if (isnan(iw))
        return rt_float(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return rt_float(1.0);
        if ((iw > 0) == (iv > 1.0))
            return rt_float(fabs(iw));
        return rt_float(0.0);
    }
    if (isinf(iv)) {
        int odd = is_odd_integer(iw);
        if (iw > 0)
            return rt_float(odd ? iv : fabs(iv));
        return rt_float(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        int odd = is_odd_integer(iw);
        if (iw < 0)
            return rt_raise_str(rt_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return rt_float(odd ? iv : 0.0);
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw))   /* a negative base to a fractional power is complex */
            return rt_complex_pow_values(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return rt_float(negate ? -1.0 : 1.0);
    errno = 0;
    double r = pow(iv, iw);
    if (isinf(r) || (errno == ERANGE && r != 0.0))
        return raise_erange();
    return rt_float(negate ? -r : r);
}

/* ================================================================ compare, hash ======= */

static Value float_richcompare(Value a, Value b, int op)
{
    if (!rt_is_float(a))
        return rt_NotImplemented;
    double x = rt_float_val(a);
    int c;   /* -1, 0, 1 or 2 for unordered */
    if (rt_is_float(b)) {
        double y = rt_float_val(b);
        c = isnan(x) || isnan(y) ? 2 : (x > y) - (x < y);
    } else if (rt_is_int(b)) {
        c = rt_int_cmp_double(b, x);
        if (c != 2)
            c = -c;
    } else {
        return rt_NotImplemented;
    }
    if (c == 2)
        return rt_bool(op == RT_NE);
    switch (op) {
    case RT_LT: return rt_bool(c < 0);
    case RT_LE: return rt_bool(c <= 0);
    case RT_EQ: return rt_bool(c == 0);
    case RT_NE: return rt_bool(c != 0);
    case RT_GT: return rt_bool(c > 0);
    default: return rt_bool(c >= 0);
    }
}

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

/* d = m * 2**e with integer m < 2**53, and 2**61 == 1 (mod 2**61-1), so multiplying by 2**e
 * is a rotation of the 61-bit residue by e mod 61 */
int64_t rt_float_hash(double d)
{
    if (isinf(d))
        return d > 0 ? 314159 : -314159;
    if (isnan(d))
        return 0;
    int e;
    double m = frexp(fabs(d), &e);   /* fabs(d) = m * 2**e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    e -= 53;
    int r = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    uint64_t x = mant % HASH_MOD;
    if (r)
        x = ((x << r) & HASH_MOD) | (x >> (HASH_BITS - r));
    int64_t h = (int64_t)x;
    if (d < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

static int64_t float_hash_slot(Value v)
{
    double d = rt_float_val(v);
    if (isnan(d)) {   /* nan hashes by identity since 3.10 */
        uint64_t y = (uint64_t)v;
        int64_t h = (int64_t)((y >> 4) | (y << 60));
        return h == -1 ? -2 : h;
    }
    return rt_float_hash(d);
}

/* ================================================================ rounding ============ */

/* round(x, n) for n < 0 (round to a multiple of 10**-n), exactly: the double is the exact
 * rational m * 2**e, rounded half to even at that power of ten, then converted back */
static int round_negative_ndigits(double x, int64_t ndigits, double *out)
{
    int e;
    double m = frexp(fabs(x), &e);
    mpz_t num, den, q, r, p10;
    mpz_init_set_d(num, ldexp(m, 53));
    e -= 53;
    mpz_init_set_ui(den, 1);
    if (e >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    mpz_init(p10);
    mpz_ui_pow_ui(p10, 10, (unsigned long)-ndigits);
    mpz_mul(den, den, p10);
    mpz_init(q);
    mpz_init(r);
    mpz_fdiv_qr(q, r, num, den);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p10);
    mpz_t one;
    mpz_init_set_ui(one, 1);
    double d;
    if (rt_mpz_ratio_to_double(q, one, &d) < 0)
        return -1;
    *out = copysign(d, x);
    return 0;
}

Value rt_float_round(Value xv, Value nd)
{
    double x = rt_float_val(xv);
    if (nd == rt_None || nd == 0) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);   /* ties to even */
        return rt_int_from_double(r);
    }
    if (!rt_is_int(nd))
        return rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer",
                            rt_type_name(nd));
    int64_t n;
    if (rt_int_as_i64(nd, &n) < 0) {
        rt_exc_fetch();
        n = rt_int_sign(nd) > 0 ? INT64_MAX : INT64_MIN;
    }
    /* beyond these, rounding cannot change x (or leaves only a signed zero) */
    if (n > 323 || !isfinite(x) || x == 0.0)
        return rt_float(x);
    if (n < -308)
        return rt_float(copysign(0.0, x));
    double r;
    if (n >= 0) {
        /* printf rounds the exact binary value half to even, as CPython's dtoa mode 3 */
        char sbuf[400];
        size_t need = (size_t)snprintf(NULL, 0, "%.*f", (int)n, x) + 1;
        char *buf = need <= sizeof sbuf ? sbuf : rt_alloc_atomic(need);
        if (!buf)
            return RT_ERR;
        RT_C_NUMERIC_BEGIN;
        snprintf(buf, need, "%.*f", (int)n, x);
        r = strtod(buf, NULL);
        RT_C_NUMERIC_END;
    } else if (round_negative_ndigits(x, n, &r) < 0) {
        return rt_raise_str(rt_OverflowError, "rounded value too large to represent");
    }
    if (isinf(r))
        return rt_raise_str(rt_OverflowError, "rounded value too large to represent");
    return rt_float(r);
}

/* ================================================================ methods ============= */

Value rt_float_is_integer(Value v)
{
    double d = rt_float_val(v);
    return rt_bool(isfinite(d) && floor(d) == d);
}

Value rt_float_as_integer_ratio(Value v)
{
    double d = rt_float_val(v);
    if (isinf(d))
        return rt_raise_str(rt_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d))
        return rt_raise_str(rt_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    /* make the mantissa integral, then cancel common powers of two */
    int shift = 0;
    while (m != floor(m)) {
        m *= 2.0;
        shift++;
    }
    e -= shift;
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    Value t[2] = {rt_int_from_mpz(num), rt_int_from_mpz(den)};
    if (!t[0] || !t[1])
        return RT_ERR;
    return rt_tuple_from(t, 2);
}

/* float.hex(): "0x1.8000000000000p+1", "-0x0.0p+0", subnormals as 0x0.xxxp-1022 */
Value rt_float_hex(Value v)
{
    double d = rt_float_val(v);
    char buf[48];
    if (isnan(d) || isinf(d)) {
        int n = rt_double_repr(d, buf);
        return rt_str_from_utf8(buf, (size_t)n);
    }
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int neg = (int)(bits >> 63);
    int bexp = (int)((bits >> 52) & 0x7FF);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    int n;
    if (bexp == 0 && frac == 0)
        n = snprintf(buf, sizeof buf, "%s0x0.0p+0", neg ? "-" : "");
    else if (bexp == 0)
        n = snprintf(buf, sizeof buf, "%s0x0.%013llxp-1022", neg ? "-" : "",
                     (unsigned long long)frac);
    else
        n = snprintf(buf, sizeof buf, "%s0x1.%013llxp%+d", neg ? "-" : "",
                     (unsigned long long)frac, bexp - 1023);
    return rt_str_from_utf8(buf, (size_t)n);
}

/* ================================================================ the type ============ */

static Value nb_float_neg(Value a) { return rt_float(-rt_float_val(a)); }
static Value nb_float_pos(Value a)
{
    return rt_obj(a)->type == &rt_float_type ? a : rt_float(rt_float_val(a));
}
static Value nb_float_abs(Value a) { return rt_float(fabs(rt_float_val(a))); }
static int nb_float_bool(Value a) { return rt_float_val(a) != 0.0; }
static Value nb_float_int(Value a) { return rt_int_from_double(rt_float_val(a)); }

/* float(x): numbers, strs, and objects with __float__ / __index__ */
static Value float_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (t != &rt_float_type) {
        /* a subclass instance: the FloatObject layout, then the subclass's room (__dict__) */
        Value v = float_new(&rt_float_type, args, nargs, kwnames);
        FloatObject *o = v ? (FloatObject *)rt_new_object(t, t->basicsize) : NULL;
        if (!o)
            return RT_ERR;
        o->v = rt_float_val(v);
        return rt_val(o);
    }
    if (kwnames && ((TupleObject *)rt_obj(kwnames))->size > 0)
        return rt_raise_str(rt_TypeError, "float() takes no keyword arguments");
    if (nargs > 1)
        return rt_raise_fmt(rt_TypeError, "float expected at most 1 argument, got %zd",
                            (ptrdiff_t)nargs);
    if (nargs == 0)
        return rt_float(0.0);
    Value x = args[0];
    if (rt_is_float(x))
        return nb_float_pos(x);
    if (rt_is_int(x)) {
        double d = rt_int_as_double(x);
        if (d == -1.0 && rt_exc_pending())
            return RT_ERR;
        return rt_float(d);
    }
    Type *xt = rt_typeof(x);
    if (xt->flags & RT_TPFLAG_STR_SUBCLASS)
        return float_parse(rt_str_bytes(x), rt_str_nbytes(x), x);
    if (rt_issubtype(xt, &rt_bytes_type) || rt_issubtype(xt, &rt_bytearray_type)) {
        /* float(b'...'): ASCII only */
        int isb = rt_issubtype(xt, &rt_bytes_type);
        const char *p = isb ? ((BytesObject *)rt_obj(x))->data : ((ByteArrayObject *)rt_obj(x))->data;
        size_t n = (size_t)(isb ? ((BytesObject *)rt_obj(x))->size
                                : ((ByteArrayObject *)rt_obj(x))->size);
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)p[i] >= 0x80)
                return rt_raise_fmt(rt_ValueError, "could not convert string to float: %R", x);
        return float_parse(p ? p : "", n, x);
    }
    if (xt->nb.float_)
        return xt->nb.float_(x);
    if (xt->nb.index) {
        Value i = xt->nb.index(x);
        if (!i)
            return RT_ERR;
        double d = rt_int_as_double(i);
        if (d == -1.0 && rt_exc_pending())
            return RT_ERR;
        return rt_float(d);
    }
    return rt_raise_fmt(rt_TypeError, "float() argument must be a string or a real number, "
                                      "not '%s'", xt->name);
}

Type rt_float_type = {
    .ob = {&rt_type_type}, .name = "float", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(FloatObject),
    .repr = float_repr, .str = float_repr, .hash = float_hash_slot,
    .richcompare = float_richcompare, .new_ = float_new,
    .nb = {
        .add = rt_float_add, .sub = rt_float_sub, .mul = rt_float_mul,
        .truediv = rt_float_truediv, .floordiv = rt_float_floordiv, .mod = rt_float_mod,
        .divmod = rt_float_divmod, .pow = rt_float_pow, .neg = nb_float_neg,
        .pos = nb_float_pos, .abs = nb_float_abs, .int_ = nb_float_int,
        .float_ = nb_float_pos, .bool_ = nb_float_bool,
    },
};

void rt_num_init(void)
{
    rt_type_ready(&rt_float_type);
    rt_type_ready(&rt_complex_type);
}
