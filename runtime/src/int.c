/*
 * int.c - Python's int: arbitrary precision with a tagged small-int fast path.
 *
 * Entry points: rt_int_* in rt.h (arithmetic, conversions, parsing, printing), the
 * rt_int_type object and its slots, and num.h's mpz bridge (rt_int_view, rt_int_from_mpz).
 *
 * Representation (rt.h): a value in [RT_SMALL_MIN, RT_SMALL_MAX] is always a tagged small int;
 * outside it, an IntObject whose alloc/size/limbs fields are a GMP mpz.  Every function here
 * returns canonical results (rt_int_from_mpz normalises), so callers may compare small ints
 * by word.  Operands may be any int: small, bool (True/False), big, or an instance of an int
 * subclass (whose layout extends IntObject and which may hold a small-range value).
 *
 * Semantics follow CPython 3.11 exactly, messages included: floor division and modulo take
 * the sign of the divisor; bitwise operators act on the infinite two's complement; true
 * division is correctly rounded however big the operands; decimal conversion in both
 * directions is limited to rt_int_max_str_digits digits (CVE-2020-10735's limit, 4300).
 * Results that cannot be represented (shifts and powers beyond GMP's 2**37-bit limit) raise
 * MemoryError, as CPython does for shifts.
 */
#include <gmp.h>
#include <math.h>
#include <utf8proc.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "num.h"

_Static_assert(offsetof(IntObject, limbs) - offsetof(IntObject, alloc) ==
                   offsetof(__mpz_struct, _mp_d),
               "IntObject must embed an mpz");
_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "64-bit limbs");

int64_t rt_int_max_str_digits = 4300;

int rt_int_set_max_str_digits(int64_t n)
{
    if (n != 0 && n < 640) {   /* sys.int_info.str_digits_check_threshold */
        rt_raise_str(rt_ValueError, "maxdigits must be 0 or larger than 640");
        return -1;
    }
    rt_int_max_str_digits = n;
    return 0;
}

/* Results larger than this many bits cannot be built (GMP's mpz size field is an int of
 * limbs); asking for one raises MemoryError instead of aborting inside GMP. */
#define MAX_BITS ((uint64_t)1 << 37)

/* ================================================================ representation ====== */

mpz_srcptr rt_int_view(Value v, mpz_ptr tmp, mp_limb_t *limb)
{
    int64_t i;
    if (rt_is_small(v)) {
        i = rt_small_val(v);
    } else if (rt_obj(v)->type == &rt_bool_type) {
        i = ((BoolObject *)rt_obj(v))->v;
    } else {
        IntObject *o = (IntObject *)rt_obj(v);
        return (mpz_srcptr)(void *)&o->alloc;
    }
    *limb = i < 0 ? (mp_limb_t)0 - (mp_limb_t)i : (mp_limb_t)i;
    return mpz_roinit_n(tmp, limb, i < 0 ? -1 : i > 0 ? 1 : 0);
}

/* the int64 value of a small or bool; 0 and *ok = 0 for anything else */
static inline int64_t small_of(Value v, int *ok)
{
    if (rt_is_small(v)) {
        *ok = 1;
        return rt_small_val(v);
    }
    if (rt_obj(v)->type == &rt_bool_type) {
        *ok = 1;
        return ((BoolObject *)rt_obj(v))->v;
    }
    *ok = 0;
    return 0;
}

Value rt_int_from_mpz(mpz_ptr z)
{
    int sz = z->_mp_size;
    if (sz == 0)
        return rt_small(0);
    if (sz == 1 && z->_mp_d[0] <= (mp_limb_t)RT_SMALL_MAX)
        return rt_small((int64_t)z->_mp_d[0]);
    if (sz == -1 && z->_mp_d[0] <= (mp_limb_t)RT_SMALL_MAX + 1)
        return rt_small(-(int64_t)(z->_mp_d[0] - 1) - 1);
    IntObject *o = (IntObject *)rt_new_object(&rt_int_type, sizeof(IntObject));
    if (!o)
        return RT_ERR;
    o->alloc = z->_mp_alloc;
    o->size = z->_mp_size;
    o->limbs = (uint64_t *)z->_mp_d;
    return rt_val(o);
}

Value rt_int_from_mpz_copy(const void *src)
{
    mpz_t z;
    mpz_init_set(z, (mpz_srcptr)src);
    return rt_int_from_mpz(z);
}

Value rt_int_from_i64(int64_t i)
{
    if (i >= RT_SMALL_MIN && i <= RT_SMALL_MAX)
        return rt_small(i);
    mpz_t z;
    mpz_init_set_si(z, i);
    return rt_int_from_mpz(z);
}

Value rt_int_from_u64(uint64_t u)
{
    if (u <= (uint64_t)RT_SMALL_MAX)
        return rt_small((int64_t)u);
    mpz_t z;
    mpz_init_set_ui(z, u);
    return rt_int_from_mpz(z);
}

/* an exact int with the same value (int subclasses and bools become plain ints) */
static Value int_exact(Value v)
{
    int ok;
    int64_t i = small_of(v, &ok);
    if (ok)
        return rt_small(i);
    if (rt_obj(v)->type == &rt_int_type)
        return v;
    mpz_t t;
    mp_limb_t l;
    return rt_int_from_mpz_copy(rt_int_view(v, t, &l));
}

int rt_int_sign(Value a)
{
    int ok;
    int64_t i = small_of(a, &ok);
    if (ok)
        return (i > 0) - (i < 0);
    mpz_t t;
    mp_limb_t l;
    return mpz_sgn(rt_int_view(a, t, &l));
}

int rt_int_as_i64(Value v, int64_t *out)
{
    int ok;
    int64_t i = small_of(v, &ok);
    if (ok) {
        *out = i;
        return 0;
    }
    mpz_t t;
    mp_limb_t l;
    mpz_srcptr z = rt_int_view(v, t, &l);
    if (!mpz_fits_slong_p(z)) {
        rt_raise_str(rt_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = mpz_get_si(z);
    return 0;
}

/* ================================================================ conversions to float = */

int rt_mpz_ratio_to_double(mpz_srcptr a, mpz_srcptr b, double *out)
{
    int neg = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0) {
        *out = neg ? -0.0 : 0.0;
        return 0;
    }
    mpz_t x, y, q, r;
    mpz_init(x);
    mpz_init(y);
    mpz_init(q);
    mpz_init(r);
    mpz_abs(x, a);
    mpz_abs(y, b);
    int64_t na = (int64_t)mpz_sizeinbase(x, 2), nb = (int64_t)mpz_sizeinbase(y, 2);
    /* E = floor(log2(x/y)) is na-nb or na-nb-1 */
    int64_t e = na - nb;
    if (e >= 0)
        mpz_mul_2exp(r, y, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(r, x, (mp_bitcnt_t)-e);
    if (e >= 0 ? mpz_cmp(x, r) < 0 : mpz_cmp(r, y) < 0)
        e--;
    if (e >= 1024)
        return -1;
    if (e < -1076) {   /* below half the smallest subnormal: rounds to zero */
        *out = neg ? -0.0 : 0.0;
        return 0;
    }
    /* the unit in the last place of the result, in the subnormal range fixed at 2**-1074 */
    int64_t u = e - 52 < -1074 ? -1074 : e - 52;
    if (u < 0)
        mpz_mul_2exp(x, x, (mp_bitcnt_t)-u);
    else
        mpz_mul_2exp(y, y, (mp_bitcnt_t)u);
    mpz_fdiv_qr(q, r, x, y);
    /* round half to even on the exact remainder */
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, y);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    double d = ldexp((double)mpz_get_ui(q), (int)u);
    if (isinf(d))
        return -1;
    *out = neg ? -d : d;
    return 0;
}

int rt_int_to_double_exact(Value v, double *out)
{
    int ok;
    int64_t i = small_of(v, &ok);
    if (ok && i >= -((int64_t)1 << 53) && i <= ((int64_t)1 << 53)) {
        *out = (double)i;
        return 0;
    }
    mpz_t t, one;
    mp_limb_t l, lone = 1;
    mpz_srcptr z = rt_int_view(v, t, &l);
    if (mpz_sizeinbase(z, 2) <= 53) {
        *out = mpz_get_d(z);
        return 0;
    }
    return rt_mpz_ratio_to_double(z, mpz_roinit_n(one, &lone, 1), out);
}

double rt_int_as_double(Value v)
{
    double d;
    if (rt_int_to_double_exact(v, &d) < 0) {
        rt_raise_str(rt_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

Value rt_int_from_double(double d)
{
    if (isnan(d))
        return rt_raise_str(rt_ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return rt_raise_str(rt_OverflowError, "cannot convert float infinity to integer");
    d = trunc(d);
    if (fabs(d) < 4611686018427387904.0)   /* 2**62: inside the small range */
        return rt_small((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);
    return rt_int_from_mpz(z);
}

int rt_int_cmp_double(Value i, double d)
{
    if (isnan(d))
        return 2;
    if (isinf(d))
        return d > 0 ? -1 : 1;
    int ok;
    int64_t s = small_of(i, &ok);
    if (ok && s >= -((int64_t)1 << 53) && s <= ((int64_t)1 << 53)) {
        double x = (double)s;
        return (x > d) - (x < d);
    }
    /* exact: compare with floor(d), then the fractional part decides ties */
    double f = floor(d);
    mpz_t t, fz;
    mp_limb_t l;
    mpz_srcptr z = rt_int_view(i, t, &l);
    mpz_init_set_d(fz, f);
    int c = mpz_cmp(z, fz);
    if (c != 0)
        return c > 0 ? 1 : -1;
    return d > f ? -1 : 0;
}

/* ================================================================ arithmetic ========== */

/* Each binary operation: fast path on two small values, otherwise GMP on views. */
#define VIEWS(a, b)                                                                       \
    mpz_t ta_, tb_;                                                                       \
    mp_limb_t la_, lb_;                                                                   \
    mpz_srcptr za = rt_int_view(a, ta_, &la_);                                            \
    mpz_srcptr zb = rt_int_view(b, tb_, &lb_)

Value rt_int_add(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb);
    if (oka && okb)
        return rt_int_from_i64(x + y);   /* |x|,|y| <= 2**62: no int64 overflow */
    VIEWS(a, b);
    mpz_t r;
    mpz_init(r);
    mpz_add(r, za, zb);
    return rt_int_from_mpz(r);
}

Value rt_int_sub(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb);
    if (oka && okb)
        return rt_int_from_i64(x - y);
    VIEWS(a, b);
    mpz_t r;
    mpz_init(r);
    mpz_sub(r, za, zb);
    return rt_int_from_mpz(r);
}

Value rt_int_mul(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb), p;
    if (oka && okb && !__builtin_mul_overflow(x, y, &p))
        return rt_int_from_i64(p);
    VIEWS(a, b);
    mpz_t r;
    mpz_init(r);
    mpz_mul(r, za, zb);
    return rt_int_from_mpz(r);
}

Value rt_int_add_overflow(int64_t a, int64_t b)
{
    mpz_t r;
    mpz_init_set_si(r, a);
    if (b >= 0)
        mpz_add_ui(r, r, (unsigned long)b);
    else
        mpz_sub_ui(r, r, (unsigned long)0 - (unsigned long)b);
    return rt_int_from_mpz(r);
}

Value rt_int_sub_overflow(int64_t a, int64_t b)
{
    mpz_t r;
    mpz_init_set_si(r, a);
    if (b >= 0)
        mpz_sub_ui(r, r, (unsigned long)b);
    else
        mpz_add_ui(r, r, (unsigned long)0 - (unsigned long)b);
    return rt_int_from_mpz(r);
}

Value rt_int_mul_overflow(int64_t a, int64_t b)
{
    mpz_t r;
    mpz_init_set_si(r, a);
    mpz_mul_si(r, r, b);
    return rt_int_from_mpz(r);
}

/* floor division and modulo of smalls (y != 0); the quotient may leave the small range
 * only for RT_SMALL_MIN // -1, which rt_int_from_i64 handles */
static inline int64_t floordiv64(int64_t x, int64_t y)
{
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0)))
        q--;
    return q;
}

static inline int64_t mod64(int64_t x, int64_t y)
{
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0)))
        r += y;
    return r;
}

Value rt_int_floordiv(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb);
    if (okb && y == 0)
        return rt_raise_str(rt_ZeroDivisionError, "integer division or modulo by zero");
    if (oka && okb)
        return rt_int_from_i64(floordiv64(x, y));
    VIEWS(a, b);
    mpz_t q;
    mpz_init(q);
    mpz_fdiv_q(q, za, zb);
    return rt_int_from_mpz(q);
}

Value rt_int_mod(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb);
    if (okb && y == 0)
        return rt_raise_str(rt_ZeroDivisionError, "integer modulo by zero");
    if (oka && okb)
        return rt_small(mod64(x, y));
    VIEWS(a, b);
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_r(r, za, zb);
    return rt_int_from_mpz(r);
}

Value rt_int_divmod(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb);
    if (okb && y == 0)
        return rt_raise_str(rt_ZeroDivisionError, "integer division or modulo by zero");
    Value qr[2];
    if (oka && okb) {
        qr[0] = rt_int_from_i64(floordiv64(x, y));
        qr[1] = rt_small(mod64(x, y));
    } else {
        VIEWS(a, b);
        mpz_t q, r;
        mpz_init(q);
        mpz_init(r);
        mpz_fdiv_qr(q, r, za, zb);
        qr[0] = rt_int_from_mpz(q);
        qr[1] = rt_int_from_mpz(r);
    }
    if (!qr[0] || !qr[1])
        return RT_ERR;
    return rt_tuple_from(qr, 2);
}

Value rt_int_truediv(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb);
    if (okb && y == 0)
        return rt_raise_str(rt_ZeroDivisionError, "division by zero");
    /* both exactly representable: IEEE division is correctly rounded */
    const int64_t lim = (int64_t)1 << 53;
    if (oka && okb && x >= -lim && x <= lim && y >= -lim && y <= lim)
        return rt_float((double)x / (double)y);
    VIEWS(a, b);
    double d;
    if (rt_mpz_ratio_to_double(za, zb, &d) < 0)
        return rt_raise_str(rt_OverflowError, "integer division result too large for a float");
    return rt_float(d);
}

Value rt_int_neg(Value a)
{
    int ok;
    int64_t x = small_of(a, &ok);
    if (ok)
        return rt_int_from_i64(-x);
    mpz_t t, r;
    mp_limb_t l;
    mpz_init(r);
    mpz_neg(r, rt_int_view(a, t, &l));
    return rt_int_from_mpz(r);
}

Value rt_int_abs(Value a)
{
    return rt_int_sign(a) < 0 ? rt_int_neg(a) : int_exact(a);
}

Value rt_int_invert(Value a)
{
    int ok;
    int64_t x = small_of(a, &ok);
    if (ok)
        return rt_int_from_i64(-x - 1);
    mpz_t t, r;
    mp_limb_t l;
    mpz_init(r);
    mpz_com(r, rt_int_view(a, t, &l));
    return rt_int_from_mpz(r);
}

#define BITWISE(name, op, mpzop)                                                         \
    Value name(Value a, Value b)                                                         \
    {                                                                                    \
        int oka, okb;                                                                    \
        int64_t x = small_of(a, &oka), y = small_of(b, &okb);                            \
        if (oka && okb)                                                                  \
            return rt_small(x op y);                                                     \
        VIEWS(a, b);                                                                     \
        mpz_t r;                                                                         \
        mpz_init(r);                                                                     \
        mpzop(r, za, zb);                                                                \
        return rt_int_from_mpz(r);                                                       \
    }
BITWISE(rt_int_and, &, mpz_and)
BITWISE(rt_int_or, |, mpz_ior)
BITWISE(rt_int_xor, ^, mpz_xor)

/* the shift count as a uint64; *huge = 1 when it does not fit in 63 bits */
static int shift_count(Value b, uint64_t *n, int *huge)
{
    if (rt_int_sign(b) < 0) {
        rt_raise_str(rt_ValueError, "negative shift count");
        return -1;
    }
    int ok;
    int64_t s = small_of(b, &ok);
    *huge = 0;
    if (ok) {
        *n = (uint64_t)s;
        return 0;
    }
    mpz_t t;
    mp_limb_t l;
    mpz_srcptr z = rt_int_view(b, t, &l);
    if (mpz_sizeinbase(z, 2) > 63) {
        *huge = 1;
        *n = UINT64_MAX;
    } else {
        *n = mpz_get_ui(z);
    }
    return 0;
}

/* The error of a << b whose result is too big to build.  CPython counts 30-bit digits: the
 * word shift b // 30 is clipped to PY_SSIZE_T_MAX / 4 when larger, and a result of more than
 * (PY_SSIZE_T_MAX - 24) / 4 digits is an OverflowError ("too many digits in integer"); a
 * smaller one fails to allocate (MemoryError). */
static Value lshift_too_big(mpz_srcptr a, Value b)
{
    const uint64_t clip = (uint64_t)INT64_MAX / 4, max_digits = ((uint64_t)INT64_MAX - 24) / 4;
    mpz_t t, q;
    mp_limb_t l;
    mpz_srcptr n = rt_int_view(b, t, &l);
    mpz_init(q);
    unsigned long rem = mpz_fdiv_q_ui(q, n, 30);
    uint64_t words = clip, size = (mpz_sizeinbase(a, 2) + 29) / 30;
    if (mpz_cmp_ui(q, clip) < 0) {
        words = mpz_get_ui(q) + (rem != 0);
    }
    mpz_clear(q);
    if (words + size > max_digits)
        return rt_raise_str(rt_OverflowError, "too many digits in integer");
    return rt_raise_memory_error();
}

Value rt_int_lshift(Value a, Value b)
{
    uint64_t n;
    int huge;
    if (shift_count(b, &n, &huge) < 0)
        return RT_ERR;
    int ok;
    int64_t x = small_of(a, &ok);
    if (ok && x == 0)
        return rt_small(0);
    if (ok && n < 62) {
        int64_t lim = RT_SMALL_MAX >> n;
        if (x <= lim && x >= -lim - 1)
            return rt_small((int64_t)((uint64_t)x << n));   /* fits: x * 2**n, no bits lost */
    }
    mpz_t t, r;
    mp_limb_t l;
    mpz_srcptr z = rt_int_view(a, t, &l);
    if (huge || n + mpz_sizeinbase(z, 2) > MAX_BITS)
        return lshift_too_big(z, b);
    mpz_init(r);
    mpz_mul_2exp(r, z, (mp_bitcnt_t)n);
    return rt_int_from_mpz(r);
}

Value rt_int_rshift(Value a, Value b)
{
    uint64_t n;
    int huge;
    if (shift_count(b, &n, &huge) < 0)
        return RT_ERR;
    int ok;
    int64_t x = small_of(a, &ok);
    if (ok)
        return rt_small(n >= 63 ? (x < 0 ? -1 : 0) : x >> n);   /* arithmetic shift: floor */
    mpz_t t, r;
    mp_limb_t l;
    mpz_srcptr z = rt_int_view(a, t, &l);
    if (huge || n >= mpz_sizeinbase(z, 2))
        return rt_small(mpz_sgn(z) < 0 ? -1 : 0);
    mpz_init(r);
    mpz_fdiv_q_2exp(r, z, (mp_bitcnt_t)n);
    return rt_int_from_mpz(r);
}

Value rt_int_pow(Value a, Value b) { return rt_int_pow3(a, b, rt_None); }

/* a ** b for b >= 0 */
static Value int_pow_nonneg(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb);
    if (oka && (x == 0 || x == 1))
        return rt_small(okb && y == 0 ? 1 : x);
    if (oka && x == -1) {
        mpz_t t;
        mp_limb_t l;
        return rt_small(mpz_odd_p(rt_int_view(b, t, &l)) ? -1 : 1);
    }
    if (oka && okb) {
        /* square-and-multiply on int64 while nothing overflows */
        int64_t r = 1, base = x, e = y;
        int overflow = 0;
        while (e) {
            if ((e & 1) && __builtin_mul_overflow(r, base, &r)) {
                overflow = 1;
                break;
            }
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base)) {
                overflow = 1;
                break;
            }
        }
        if (!overflow)
            return rt_int_from_i64(r);
    }
    VIEWS(a, b);
    /* |a| >= 2 here, so the result has at least b bits */
    if (!mpz_fits_ulong_p(zb) || (double)mpz_sizeinbase(za, 2) * (double)mpz_get_ui(zb) >
                                     (double)MAX_BITS)
        return rt_raise_memory_error();
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, za, mpz_get_ui(zb));
    return rt_int_from_mpz(r);
}

Value rt_int_pow3(Value a, Value b, Value m)
{
    if (m == rt_None) {
        if (rt_int_sign(b) >= 0)
            return int_pow_nonneg(a, b);
        /* a negative exponent makes the result a float, computed as float ** float */
        double x = rt_int_as_double(a), y;
        if (x == -1.0 && rt_exc_pending())
            return RT_ERR;
        y = rt_int_as_double(b);
        if (y == -1.0 && rt_exc_pending())
            return RT_ERR;
        Value fx = rt_float(x), fy = rt_float(y);
        if (!fx || !fy)
            return RT_ERR;
        return rt_float_pow(fx, fy, rt_None);
    }
    if (!rt_is_int(m))
        return rt_raise_str(rt_TypeError,
                            "pow() 3rd argument not allowed unless all arguments are integers");
    int ms = rt_int_sign(m);
    if (ms == 0)
        return rt_raise_str(rt_ValueError, "pow() 3rd argument cannot be 0");
    mpz_t ta, tb, tm, base, mod, r;
    mp_limb_t la, lb, lm;
    mpz_srcptr za = rt_int_view(a, ta, &la), zb = rt_int_view(b, tb, &lb),
               zm = rt_int_view(m, tm, &lm);
    mpz_init(mod);
    mpz_abs(mod, zm);
    mpz_init(base);
    mpz_mod(base, za, mod);
    mpz_init(r);
    if (mpz_sgn(zb) < 0) {
        /* pow(a, -e, m) == pow(inverse(a), e, m) */
        if (mpz_cmp_ui(mod, 1) == 0)
            return rt_small(0);
        if (!mpz_invert(base, base, mod))
            return rt_raise_str(rt_ValueError, "base is not invertible for the given modulus");
        mpz_t e;
        mpz_init(e);
        mpz_neg(e, zb);
        mpz_powm(r, base, e, mod);
    } else {
        mpz_powm(r, base, zb, mod);
    }
    /* the result takes the sign of the modulus */
    if (ms < 0 && mpz_sgn(r) != 0)
        mpz_sub(r, r, mod);
    return rt_int_from_mpz(r);
}

/* ================================================================ comparison, hash ==== */

int rt_int_cmp(Value a, Value b)
{
    int oka, okb;
    int64_t x = small_of(a, &oka), y = small_of(b, &okb);
    if (oka && okb)
        return (x > y) - (x < y);
    VIEWS(a, b);
    int c = mpz_cmp(za, zb);
    return (c > 0) - (c < 0);
}

/* Python's numeric hash: the value modulo the Mersenne prime 2**61-1, with its sign, and
 * -1 replaced by -2 (-1 is the error marker); equal to float's hash on integral floats. */
#define HASH_MOD (((uint64_t)1 << 61) - 1)

int64_t rt_int_hash(Value a)
{
    int ok;
    int64_t x = small_of(a, &ok);
    int64_t h;
    if (ok) {
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        h = (int64_t)(m % HASH_MOD);
        if (x < 0)
            h = -h;
    } else {
        mpz_t t;
        mp_limb_t l;
        mpz_srcptr z = rt_int_view(a, t, &l);
        h = (int64_t)mpz_tdiv_ui(z, HASH_MOD);   /* of |z| */
        if (mpz_sgn(z) < 0)
            h = -h;
    }
    return h == -1 ? -2 : h;
}

static Value int_richcompare(Value a, Value b, int op)
{
    if (!rt_is_int(a) || !rt_is_int(b))
        return rt_NotImplemented;
    int c = rt_int_cmp(a, b);
    switch (op) {
    case RT_LT: return rt_bool(c < 0);
    case RT_LE: return rt_bool(c <= 0);
    case RT_EQ: return rt_bool(c == 0);
    case RT_NE: return rt_bool(c != 0);
    case RT_GT: return rt_bool(c > 0);
    default: return rt_bool(c >= 0);
    }
}

Value rt_int_bit_length(Value a)
{
    int ok;
    int64_t x = small_of(a, &ok);
    if (ok) {
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        return rt_small(m ? 64 - __builtin_clzll(m) : 0);
    }
    mpz_t t;
    mp_limb_t l;
    return rt_int_from_u64(mpz_sizeinbase(rt_int_view(a, t, &l), 2));
}

/* round(v, ndigits) for an int: unchanged for ndigits >= 0, else to the nearest multiple of
 * 10**-ndigits, ties to even */
Value rt_int_round(Value v, Value ndigits)
{
    if (ndigits == 0 || ndigits == rt_None || rt_int_sign(ndigits) >= 0)
        return int_exact(v);
    mpz_t t, tn, p10, q, r;
    mp_limb_t l, ln;
    mpz_srcptr z = rt_int_view(v, t, &l);
    mpz_srcptr zn = rt_int_view(ndigits, tn, &ln);
    /* 10**k > 2|v| rounds everything to 0: no need to build a huge power */
    if (mpz_cmpabs_ui(zn, (unsigned long)mpz_sizeinbase(z, 10) + 1) > 0)
        return rt_small(0);
    mpz_init(p10);
    mpz_ui_pow_ui(p10, 10, (unsigned long)-mpz_get_si(zn));
    mpz_init(q);
    mpz_init(r);
    mpz_fdiv_qr(q, r, z, p10);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, p10);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p10);
    return rt_int_from_mpz(q);
}

/* (v, 1) */
Value rt_int_as_integer_ratio(Value v)
{
    Value t[2] = {int_exact(v), rt_small(1)};
    return t[0] ? rt_tuple_from(t, 2) : RT_ERR;
}

/* ================================================================ printing ============= */

static Value digit_limit_error(void)
{
    return rt_raise_fmt(rt_ValueError,
                        "Exceeds the limit (%lld digits) for integer string conversion; "
                        "use sys.set_int_max_str_digits() to increase the limit",
                        (long long)rt_int_max_str_digits);
}

/* str(v) for base 10; bin/oct/hex strings (with the 0b/0o/0x prefix) for 2/8/16; bare
 * lowercase digits for any other base in 3..36 */
Value rt_int_to_str(Value v, int base)
{
    char small[80];
    int ok;
    int64_t x = small_of(v, &ok);
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    if (ok && base == 10) {
        /* str(i) of a small int is hot (print in loops): digits right to left, no printf */
        char *end = small + sizeof small, *p = end;
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        do {
            *--p = (char)('0' + m % 10);
            m /= 10;
        } while (m);
        if (x < 0)
            *--p = '-';
        return rt_str_from_utf8(p, (size_t)(end - p));
    }
    mpz_t t;
    mp_limb_t l;
    mpz_srcptr z = rt_int_view(v, t, &l);
    size_t est = mpz_sizeinbase(z, base);
    int limited = base != 2 && base != 4 && base != 8 && base != 16 && base != 32;
    if (limited && rt_int_max_str_digits > 0 && est > (size_t)rt_int_max_str_digits + 1)
        return digit_limit_error();
    char *buf = est + 5 < sizeof small ? small : rt_alloc_atomic(est + 5);
    if (!buf)
        return RT_ERR;
    size_t n = 0;
    if (mpz_sgn(z) < 0)
        buf[n++] = '-';
    n += strlen(strcpy(buf + n, prefix));
    mpz_get_str(buf + n, base, z);
    if (mpz_sgn(z) < 0) {   /* mpz_get_str wrote its own '-': drop it, keep ours first */
        memmove(buf + n, buf + n + 1, strlen(buf + n + 1) + 1);
    }
    size_t len = strlen(buf);
    size_t ndigits = len - n;
    if (limited && rt_int_max_str_digits > 0 && ndigits > (size_t)rt_int_max_str_digits)
        return digit_limit_error();
    return rt_str_from_utf8(buf, len);
}

static Value int_repr(Value v) { return rt_int_to_str(v, 10); }

/* ================================================================ parsing ============= */

/* length of the whitespace character at p (str.isspace() for code points above 127, ASCII
 * space/\t\n\v\f\r below it, as int() and float() accept), 0 if none */
static size_t space_len(const unsigned char *p, const unsigned char *e)
{
    if (p >= e)
        return 0;
    if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        return 1;
    if (*p < 0x80)
        return 0;
    /* decode one UTF-8 sequence (the str is valid UTF-8) */
    uint32_t c;
    size_t n;
    if (*p < 0xE0) {
        n = 2;
        c = *p & 0x1F;
    } else if (*p < 0xF0) {
        n = 3;
        c = *p & 0x0F;
    } else {
        n = 4;
        c = *p & 0x07;
    }
    if ((size_t)(e - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++)
        c = (c << 6) | (p[i] & 0x3F);
    if (c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
        c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000)
        return n;
    return 0;
}

/* Unicode decimal digits are contiguous runs starting at a zero (a Unicode stability
 * guarantee), so a digit's value is its distance from the run's start, modulo 10 for the
 * runs that hold several sets of digits back to back (the mathematical digits). */
static int unicode_decimal(uint32_t c)
{
    if (utf8proc_category((utf8proc_int32_t)c) != UTF8PROC_CATEGORY_ND)
        return -1;
    uint32_t start = c;
    while (start > 0 && utf8proc_category((utf8proc_int32_t)(start - 1)) == UTF8PROC_CATEGORY_ND)
        start--;
    return (int)((c - start) % 10);
}

const char *rt_num_ascii(const char *s, size_t n, size_t *outn)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    *outn = n;
    if (i == n)
        return s;
    char *out = rt_alloc_atomic(n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        if (*p < 0x80) {
            out[o++] = (char)*p++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, e - p, &c);
        if (k <= 0) {   /* a lone surrogate (3 bytes) or malformed: not a digit */
            k = *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
            c = -1;
        }
        size_t sp = space_len(p, e);
        int d = c >= 0 ? unicode_decimal((uint32_t)c) : -1;
        out[o++] = sp ? ' ' : d >= 0 ? (char)('0' + d) : '?';
        p += k;
    }
    out[o] = 0;
    *outn = o;
    return out;
}

/* value of an ASCII digit or letter in bases up to 36; 99 for anything else */
static inline int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* the message quotes the argument as given: the str, or the bytes object (b'...') */
static Value invalid_literal_obj(Value orig, const char *s, size_t n, int base)
{
    Value str = orig ? orig : rt_str_from_utf8(s, n);
    if (!str)
        return RT_ERR;
    return rt_raise_fmt(rt_ValueError, "invalid literal for int() with base %d: %.200R", base,
                        str);
}
#define invalid_literal(s, n, base) invalid_literal_obj(orig, s, n, base)

static Value int_parse(const char *s, size_t n, int base, Value orig);

Value rt_int_from_str(const char *s, size_t n, int base) { return int_parse(s, n, base, 0); }

/* int(b'...'): ASCII only, no Unicode digits or spaces */
static Value int_from_bytes_literal(Value b, int base)
{
    const char *s;
    size_t n;
    if (rt_issubtype(rt_typeof(b), &rt_bytes_type)) {
        s = ((BytesObject *)rt_obj(b))->data;
        n = (size_t)((BytesObject *)rt_obj(b))->size;
    } else {
        s = ((ByteArrayObject *)rt_obj(b))->data;
        n = (size_t)((ByteArrayObject *)rt_obj(b))->size;
    }
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) {
            if (base != 0 && (base < 2 || base > 36))
                break;
            return invalid_literal_obj(b, s, n, base);
        }
    return int_parse(s ? s : "", n, base, b);
}

static int is_bytes_like(Value v)
{
    return !rt_is_small(v) && (rt_issubtype(rt_typeof(v), &rt_bytes_type) ||
                               rt_issubtype(rt_typeof(v), &rt_bytearray_type));
}

static Value int_parse(const char *s, size_t n, int base, Value orig)
{
    if (base != 0 && (base < 2 || base > 36))
        return rt_raise_str(rt_ValueError, "int() base must be >= 2 and <= 36, or 0");
    size_t an;
    const char *ascii = rt_num_ascii(s, n, &an);
    if (!ascii)
        return RT_ERR;
    const unsigned char *p = (const unsigned char *)ascii, *e = p + an;
    size_t k;
    while ((k = space_len(p, e)))
        p += k;
    int neg = 0;
    if (p < e && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    int b = base;
    int zero_lead = 0;   /* base 0 decimal starting with 0: only zeros allowed */
    int after_prefix = 0;
    if (p < e && *p == '0' && p + 1 < e) {
        unsigned char c = p[1] | 0x20;
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (b == 0 || b == pb)) {
            b = pb;
            p += 2;
            after_prefix = 1;
        }
    }
    if (b == 0) {
        b = 10;
        zero_lead = p < e && *p == '0';
    }
    /* the digit run: digits with single underscores between them (and one right after a
     * prefix); the digits are copied without underscores for GMP */
    char sbuf[128];
    char *digits = (size_t)(e - p) < sizeof sbuf ? sbuf : rt_alloc_atomic((size_t)(e - p) + 1);
    if (!digits)
        return RT_ERR;
    size_t nd = 0;
    int last_digit = after_prefix;   /* "0x_1" is valid: the prefix acts as a digit */
    while (p < e) {
        if (*p == '_') {
            if (!last_digit)
                return invalid_literal(s, n, base);
            last_digit = 0;
            p++;
            continue;
        }
        int d = digit_value(*p);
        if (d >= b)
            break;
        if (zero_lead && d != 0)
            return invalid_literal(s, n, base);
        digits[nd++] = (char)*p++;
        last_digit = 1;
    }
    if (nd == 0 || !last_digit)
        return invalid_literal(s, n, base);
    digits[nd] = 0;
    if ((b & (b - 1)) != 0 && rt_int_max_str_digits > 0 &&
        (int64_t)nd > rt_int_max_str_digits)
        return rt_raise_fmt(rt_ValueError,
                            "Exceeds the limit (%lld digits) for integer string conversion: "
                            "value has %zd digits; use sys.set_int_max_str_digits() to "
                            "increase the limit",
                            (long long)rt_int_max_str_digits, (ptrdiff_t)nd);
    while ((k = space_len(p, e)))
        p += k;
    if (p != e)
        return invalid_literal(s, n, base);
    if (nd <= 18 && b == 10) {
        int64_t v = 0;
        for (size_t i = 0; i < nd; i++)
            v = v * 10 + (digits[i] - '0');
        return rt_small(neg ? -v : v);
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, digits, b);
    if (neg)
        mpz_neg(z, z);
    return rt_int_from_mpz(z);
}

/* ================================================================ bytes ============== */

/* int.to_bytes into a caller buffer of len bytes; -1 with OverflowError when it does not fit */
int rt_int_to_bytes_buf(Value v, unsigned char *out, size_t len, int little, int is_signed)
{
    mpz_t t, w;
    mp_limb_t l;
    mpz_srcptr z = rt_int_view(v, t, &l);
    if (!is_signed && mpz_sgn(z) < 0) {
        rt_raise_str(rt_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    /* two's complement: a negative z is stored as 2**(8*len) + z */
    mpz_init_set(w, z);
    size_t bits = len * 8;
    if (is_signed) {
        /* the range is [-2**(bits-1), 2**(bits-1)) */
        mpz_t lim;
        mpz_init(lim);
        if (bits)
            mpz_setbit(lim, bits - 1);
        int fits = bits && (mpz_sgn(z) >= 0 ? mpz_cmp(z, lim) < 0 : mpz_cmpabs(z, lim) <= 0);
        if (!fits && !(bits == 0 && mpz_sgn(z) == 0)) {
            rt_raise_str(rt_OverflowError, "int too big to convert");
            return -1;
        }
        if (mpz_sgn(w) < 0) {
            mpz_t m;
            mpz_init(m);
            mpz_setbit(m, bits);
            mpz_add(w, w, m);
        }
    } else if (mpz_sizeinbase(z, 2) > bits && mpz_sgn(z) != 0) {
        rt_raise_str(rt_OverflowError, "int too big to convert");
        return -1;
    }
    memset(out, 0, len);
    size_t count = 0;
    if (mpz_sgn(w) != 0)
        mpz_export(out, &count, little ? -1 : 1, 1, 1, 0, w);
    if (!little && count < len) {   /* mpz_export wrote the bytes at the front: align right */
        memmove(out + (len - count), out, count);
        memset(out, 0, len - count);
    }
    return 0;
}

Value rt_int_from_bytes_buf(const unsigned char *p, size_t len, int little, int is_signed)
{
    mpz_t z;
    mpz_init(z);
    if (len)
        mpz_import(z, len, little ? -1 : 1, 1, 1, 0, p);
    if (is_signed && len && (p[little ? len - 1 : 0] & 0x80)) {
        mpz_t m;
        mpz_init(m);
        mpz_setbit(m, len * 8);
        mpz_sub(z, z, m);
    }
    return rt_int_from_mpz(z);
}

Value rt_int_bit_count(Value a)
{
    mpz_t t, w;
    mp_limb_t l;
    mpz_init(w);
    mpz_abs(w, rt_int_view(a, t, &l));
    return rt_int_from_u64(mpz_popcount(w));
}

/* ================================================================ the type ============ */

#define INT_BIN(slot, fn)                                                                \
    static Value slot(Value a, Value b)                                                  \
    {                                                                                    \
        if (!rt_is_int(a) || !rt_is_int(b))                                              \
            return rt_NotImplemented;                                                    \
        return fn(a, b);                                                                 \
    }
INT_BIN(nb_add, rt_int_add)
INT_BIN(nb_sub, rt_int_sub)
INT_BIN(nb_mul, rt_int_mul)
INT_BIN(nb_truediv, rt_int_truediv)
INT_BIN(nb_floordiv, rt_int_floordiv)
INT_BIN(nb_mod, rt_int_mod)
INT_BIN(nb_divmod, rt_int_divmod)
INT_BIN(nb_lshift, rt_int_lshift)
INT_BIN(nb_rshift, rt_int_rshift)
INT_BIN(nb_and, rt_int_and)
INT_BIN(nb_or, rt_int_or)
INT_BIN(nb_xor, rt_int_xor)

static Value nb_pow(Value a, Value b, Value m)
{
    if (!rt_is_int(a) || !rt_is_int(b) || (m != rt_None && !rt_is_int(m)))
        return rt_NotImplemented;
    return rt_int_pow3(a, b, m);
}

static Value nb_pos(Value a) { return int_exact(a); }
static int nb_bool(Value a) { return rt_int_sign(a) != 0; }
static Value nb_float(Value a)
{
    double d = rt_int_as_double(a);
    if (d == -1.0 && rt_exc_pending())
        return RT_ERR;
    return rt_float(d);
}

/* int(x), int(s, base): numbers and strs; other objects through their __int__/__index__
 * slots (the full __trunc__ protocol belongs to the generic layer) */
/* an instance of int subclass t with v's value: the IntObject layout even for small values,
 * sharing v's (immutable) limbs; the subclass's extra room (its __dict__) follows */
static Value int_subtype_new(Type *t, Value v)
{
    IntObject *o = (IntObject *)rt_new_object(t, t->basicsize);
    if (!o)
        return RT_ERR;
    mpz_t z;
    mp_limb_t l;
    mpz_srcptr src = rt_int_view(v, z, &l);
    if (rt_is_small(v)) {
        /* the view points at a stack limb: give the object its own */
        uint64_t *limb = rt_alloc_atomic(sizeof *limb);
        if (!limb)
            return RT_ERR;
        *limb = l;
        o->limbs = limb;
        o->alloc = 1;
    } else {
        o->limbs = (uint64_t *)src->_mp_d;
        o->alloc = src->_mp_alloc;
    }
    o->size = src->_mp_size;
    return rt_val(o);
}

static Value int_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (t != &rt_int_type) {
        Value v = int_new(&rt_int_type, args, nargs, kwnames);
        return v ? int_subtype_new(t, v) : RT_ERR;
    }
    size_t nkw = kwnames ? (size_t)((TupleObject *)rt_obj(kwnames))->size : 0;
    Value x = nargs > 0 ? args[0] : 0, base = nargs > 1 ? args[1] : 0;
    for (size_t i = 0; i < nkw; i++) {
        Value name = ((TupleObject *)rt_obj(kwnames))->items[i];
        if (rt_str_nbytes(name) == 4 && !memcmp(rt_str_bytes(name), "base", 4) && !base)
            base = args[nargs + i];
        else
            return rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for int()",
                                name);
    }
    if (nargs > 2)
        return rt_raise_fmt(rt_TypeError, "int() takes at most 2 arguments (%zd given)",
                            (ptrdiff_t)nargs);
    if (!x) {
        if (base)
            return rt_raise_str(rt_TypeError, "int() missing string argument");
        return rt_small(0);
    }
    if (base) {
        int64_t b;
        if (!rt_is_int(base))
            return rt_raise_fmt(rt_TypeError,
                                "'%s' object cannot be interpreted as an integer",
                                rt_type_name(base));
        if (rt_int_as_i64(base, &b) < 0) {
            rt_exc_fetch();
            b = 99;
        }
        if (is_bytes_like(x))
            return int_from_bytes_literal(x, (int)b);
        if (rt_is_small(x) || !(rt_obj(x)->type->flags & RT_TPFLAG_STR_SUBCLASS))
            return rt_raise_str(rt_TypeError, "int() can't convert non-string with explicit base");
        return int_parse(rt_str_bytes(x), rt_str_nbytes(x), (int)b, x);
    }
    if (rt_is_int(x))
        return int_exact(x);
    Type *xt = rt_typeof(x);
    if (xt->flags & RT_TPFLAG_STR_SUBCLASS)
        return int_parse(rt_str_bytes(x), rt_str_nbytes(x), 10, x);
    if (is_bytes_like(x))
        return int_from_bytes_literal(x, 10);
    if (xt->nb.int_)
        return xt->nb.int_(x);
    if (xt->nb.index)
        return xt->nb.index(x);
    return rt_raise_fmt(rt_TypeError,
                        "int() argument must be a string, a bytes-like object or a real "
                        "number, not '%s'", xt->name);
}

Type rt_int_type = {
    .ob = {&rt_type_type}, .name = "int", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE | RT_TPFLAG_INT_SUBCLASS, .basicsize = sizeof(IntObject),
    .repr = int_repr, .str = int_repr, .hash = rt_int_hash, .richcompare = int_richcompare,
    .new_ = int_new,
    .nb = {
        .add = nb_add, .sub = nb_sub, .mul = nb_mul, .truediv = nb_truediv,
        .floordiv = nb_floordiv, .mod = nb_mod, .divmod = nb_divmod, .lshift = nb_lshift,
        .rshift = nb_rshift, .and_ = nb_and, .or_ = nb_or, .xor_ = nb_xor, .pow = nb_pow,
        .neg = rt_int_neg, .pos = nb_pos, .abs = rt_int_abs, .invert = rt_int_invert,
        .int_ = nb_pos, .float_ = nb_float, .index = nb_pos, .bool_ = nb_bool,
    },
};
