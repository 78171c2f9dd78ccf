/*
 * mathmod.c - the `math` module of Python 3.11, in C.
 *
 * Entry points (rt_mods.h): rt_math_module_create, and rt_mods_register (which registers
 * math and time as built-in modules).
 *
 * Behaviour follows CPython 3.11 observably:
 *   - float arguments go through as_double (CPython's PyFloat_AsDouble): float, int (an int
 *     too large for a double raises OverflowError), then __float__, then __index__, else
 *     "must be real number, not T";
 *   - the one-argument functions classify their result as CPython's math_1 does: a nan from a
 *     non-nan argument is "math domain error" (ValueError); an infinity from a finite argument
 *     is "math range error" (OverflowError) for functions that can overflow, otherwise a
 *     domain error;
 *   - integer functions (factorial, gcd, lcm, comb, perm, isqrt) work on big ints through GMP
 *     views of the int objects (num.h), never through doubles;
 *   - fsum is exact (Shewchuk's partials) with the final half-even correction, so the result
 *     is the correctly rounded sum;  hypot/dist scale by a power of two and accumulate
 *     squares with an error term, then correct the square root once.
 * Argument-count and keyword messages copy CPython's wording per calling convention
 * (METH_O "math.sqrt() takes exactly one argument (2 given)", Argument-Clinic positional
 * "pow expected 2 arguments, got 1").
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "num.h"
#include "rt_builtins.h"
#include "rt_class.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_mods.h"
#include "rt_num.h"
#include "rt_str.h"

static size_t nkw(Value kwnames) { return kwnames ? (size_t)rt_tuple_size(kwnames) : 0; }

/* ================================================================ argument checks ======= */

/* METH_O: math.sqrt(x) */
static int check_one(const char *name, size_t nargs, Value kwnames)
{
    if (nkw(kwnames)) {
        rt_raise_fmt(rt_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        rt_raise_fmt(rt_TypeError, "math.%s() takes exactly one argument (%zu given)", name,
                     nargs);
        return -1;
    }
    return 0;
}

/* Argument Clinic positional-only: "pow expected 2 arguments, got 1" */
static int check_pos(const char *name, size_t nargs, Value kwnames, size_t lo, size_t hi)
{
    if (nkw(kwnames)) {
        rt_raise_fmt(rt_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs >= lo && nargs <= hi)
        return 0;
    if (lo == hi)
        rt_raise_fmt(rt_TypeError, "%s expected %zu argument%s, got %zu", name, lo,
                     lo == 1 ? "" : "s", nargs);
    else if (nargs < lo)
        rt_raise_fmt(rt_TypeError, "%s expected at least %zu argument%s, got %zu", name, lo,
                     lo == 1 ? "" : "s", nargs);
    else
        rt_raise_fmt(rt_TypeError, "%s expected at most %zu argument%s, got %zu", name, hi,
                     hi == 1 ? "" : "s", nargs);
    return -1;
}

/* ================================================================ conversions ============ */

/* PyFloat_AsDouble: 0 ok, -1 after raising */
static int as_double(Value v, double *out)
{
    if (!rt_is_small(v) && rt_is_float(v)) {
        *out = rt_float_val(v);
        return 0;
    }
    if (rt_is_int(v)) {
        double d = rt_int_as_double(v);
        if (d == -1.0 && rt_exc_pending())
            return -1;
        *out = d;
        return 0;
    }
    Type *t = rt_typeof(v);
    if (t->nb.float_) {
        Value f = t->nb.float_(v);
        if (!f)
            return -1;
        if (rt_is_small(f) || !rt_is_float(f)) {
            rt_raise_fmt(rt_TypeError, "%s.__float__ returned non-float (type %T)", t->name, f);
            return -1;
        }
        *out = rt_float_val(f);
        return 0;
    }
    if (t->nb.index) {
        Value i = rt_index(v);
        if (!i)
            return -1;
        return as_double(i, out);
    }
    rt_raise_fmt(rt_TypeError, "must be real number, not %s", t->name);
    return -1;
}

static Value domain_error(void) { return rt_raise_str(rt_ValueError, "math domain error"); }
static Value range_error(void) { return rt_raise_str(rt_OverflowError, "math range error"); }

/* CPython's math_1 classification of r = f(x) */
static Value result_1(double x, double r, int can_overflow)
{
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return rt_float(r);
}

/* ================================================================ one-argument functions */

static double m_gamma(double x)
{
    return tgamma(x);
}

static double m_lgamma(double x)
{
    int sign;
    return lgamma_r(x, &sign);
}

/* x is a non-positive integer: a pole of gamma and lgamma */
static int is_pole(double x) { return x <= 0 && floor(x) == x && isfinite(x); }

#define MATH_1(NAME, EXPR, OVF)                                                           \
    static Value math_##NAME(Value self, const Value *args, size_t nargs, Value kwnames)  \
    {                                                                                     \
        (void)self;                                                                       \
        double x;                                                                         \
        if (check_one(#NAME, nargs, kwnames) < 0 || as_double(args[0], &x) < 0)           \
            return RT_ERR;                                                                \
        errno = 0;                                                                        \
        double r = EXPR;                                                                  \
        return result_1(x, r, OVF);                                                       \
    }

MATH_1(acos, acos(x), 0)
MATH_1(acosh, acosh(x), 0)
MATH_1(asin, asin(x), 0)
MATH_1(asinh, asinh(x), 0)
MATH_1(atan, atan(x), 0)
MATH_1(atanh, atanh(x), 0)
MATH_1(cbrt, cbrt(x), 0)
MATH_1(cos, cos(x), 0)
MATH_1(cosh, cosh(x), 1)
MATH_1(erf, erf(x), 0)
MATH_1(erfc, erfc(x), 0)
MATH_1(exp, exp(x), 1)
MATH_1(exp2, exp2(x), 1)
MATH_1(expm1, expm1(x), 1)
MATH_1(fabs, fabs(x), 0)
MATH_1(sin, sin(x), 0)
MATH_1(sinh, sinh(x), 1)
MATH_1(sqrt, sqrt(x), 0)
MATH_1(tan, tan(x), 0)
MATH_1(tanh, tanh(x), 0)
MATH_1(degrees, x * (180.0 / M_PI), 1)
MATH_1(radians, x * (M_PI / 180.0), 0)
/* log1p(-1) is -inf from a finite argument: a domain error, as CPython */
MATH_1(log1p, log1p(x), 0)

static Value math_gamma(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_one("gamma", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    if (isnan(x))
        return rt_float(x);
    if (isinf(x))
        return x > 0 ? rt_float(x) : domain_error();
    if (x == 0 || is_pole(x))
        return domain_error();
    double r = m_gamma(x);
    if (isinf(r))
        return range_error();
    return rt_float(r);
}

static Value math_lgamma(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_one("lgamma", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    if (isnan(x))
        return rt_float(x);
    if (isinf(x))
        return rt_float(INFINITY);
    if (is_pole(x))
        return domain_error();
    double r = m_lgamma(x);
    if (isinf(r))
        return range_error();
    return rt_float(r);
}

/* ================================================================ logarithms ============ */

/* log of an int of any size: frexp-style split for ints too large for a double */
static int log_of_int(Value v, double (*f)(double), double *out)
{
    if (rt_int_sign(v) <= 0) {
        domain_error();
        return -1;
    }
    double d;
    if (rt_int_to_double_exact(v, &d) == 0 && isfinite(d)) {
        *out = f(d);
        return 0;
    }
    mpz_t tmp;
    mp_limb_t limb;
    mpz_srcptr z = rt_int_view(v, tmp, &limb);
    long e;
    double m = mpz_get_d_2exp(&e, z);   /* z = m * 2**e, 0.5 <= m < 1 */
    *out = f(m) + (double)e * f(2.0);
    return 0;
}

static int log_of(Value v, double (*f)(double), double *out)
{
    if (rt_is_int(v))
        return log_of_int(v, f, out);
    double x;
    if (as_double(v, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (!(x > 0)) {
        domain_error();
        return -1;
    }
    *out = f(x);
    return 0;
}

static Value math_log(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (nkw(kwnames))
        return rt_raise_str(rt_TypeError, "math.log() takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return rt_raise_str(rt_TypeError, "math.log requires 1 to 2 arguments");
    double num, den;
    if (log_of(args[0], log, &num) < 0)
        return RT_ERR;
    if (nargs == 1)
        return rt_float(num);
    if (log_of(args[1], log, &den) < 0)
        return RT_ERR;
    if (den == 0)
        return rt_raise_str(rt_ZeroDivisionError, "float division by zero");
    return rt_float(num / den);
}

static Value math_log2(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double r;
    if (check_one("log2", nargs, kwnames) < 0 || log_of(args[0], log2, &r) < 0)
        return RT_ERR;
    return rt_float(r);
}

static Value math_log10(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double r;
    if (check_one("log10", nargs, kwnames) < 0 || log_of(args[0], log10, &r) < 0)
        return RT_ERR;
    return rt_float(r);
}

/* ================================================================ two-argument functions */

static Value math_pow(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x, y, r;
    if (check_pos("pow", nargs, kwnames, 2, 2) < 0 || as_double(args[0], &x) < 0 ||
        as_double(args[1], &y) < 0)
        return RT_ERR;
    if (!isfinite(x) || !isfinite(y)) {
        /* C99 Annex F rules, which CPython applies itself */
        if (isnan(x))
            r = y == 0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0)
                r = odd_y ? x : fabs(x);
            else if (y == 0)
                r = 1.0;
            else
                r = odd_y ? copysign(0.0, x) : 0.0;
        } else if (fabs(x) == 1.0)
            r = 1.0;
        else if ((y > 0) == (fabs(x) > 1.0))
            r = INFINITY;
        else
            r = 0.0;
        return rt_float(r);
    }
    if (x == 0 && y < 0)
        return domain_error();
    if (x < 0 && floor(y) != y)
        return domain_error();
    r = pow(x, y);
    if (isinf(r))
        return range_error();
    return rt_float(r);
}

static Value math_atan2(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double y, x;
    if (check_pos("atan2", nargs, kwnames, 2, 2) < 0 || as_double(args[0], &y) < 0 ||
        as_double(args[1], &x) < 0)
        return RT_ERR;
    return rt_float(atan2(y, x));
}

static Value math_copysign(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x, y;
    if (check_pos("copysign", nargs, kwnames, 2, 2) < 0 || as_double(args[0], &x) < 0 ||
        as_double(args[1], &y) < 0)
        return RT_ERR;
    return rt_float(copysign(x, y));
}

static Value math_fmod(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x, y;
    if (check_pos("fmod", nargs, kwnames, 2, 2) < 0 || as_double(args[0], &x) < 0 ||
        as_double(args[1], &y) < 0)
        return RT_ERR;
    if (isinf(y) && isfinite(x))
        return rt_float(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return rt_float(r);
}

static Value math_remainder(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x, y;
    if (check_pos("remainder", nargs, kwnames, 2, 2) < 0 || as_double(args[0], &x) < 0 ||
        as_double(args[1], &y) < 0)
        return RT_ERR;
    if (isnan(x) || isnan(y))
        return rt_float(isnan(x) ? x : y);
    if (isinf(x) || y == 0)
        return domain_error();
    if (isinf(y))
        return rt_float(x);
    return rt_float(remainder(x, y));
}

static Value math_nextafter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x, y;
    if (check_pos("nextafter", nargs, kwnames, 2, 2) < 0 || as_double(args[0], &x) < 0 ||
        as_double(args[1], &y) < 0)
        return RT_ERR;
    return rt_float(nextafter(x, y));
}

static Value math_ulp(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_one("ulp", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    if (isnan(x))
        return rt_float(x);
    x = fabs(x);
    if (isinf(x))
        return rt_float(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up))
        return rt_float(x - nextafter(x, -INFINITY));
    return rt_float(up - x);
}

static Value math_ldexp(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_pos("ldexp", nargs, kwnames, 2, 2) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    if (!rt_is_int(args[1]))
        return rt_raise_str(rt_TypeError, "Expected an int as second argument to ldexp.");
    if (x == 0 || !isfinite(x))
        return rt_float(x);
    /* exponents beyond +-2**20 saturate: the result is 0 or out of range either way */
    long e;
    if (rt_int_cmp(args[1], rt_small(1 << 20)) > 0)
        return range_error();
    if (rt_int_cmp(args[1], rt_small(-(1 << 20))) < 0)
        return rt_float(copysign(0.0, x));
    int64_t e64;
    if (rt_int_as_i64(args[1], &e64) < 0)
        return RT_ERR;
    e = (long)e64;
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return rt_float(r);
}

/* ================================================================ float decomposition ===== */

static Value math_frexp(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_one("frexp", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    int e = 0;
    double m = (x == 0 || !isfinite(x)) ? x : frexp(x, &e);
    return rt_tuple_pack(2, rt_float(m), rt_small(e));
}

static Value math_modf(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_one("modf", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    if (isinf(x))
        return rt_tuple_pack(2, rt_float(copysign(0.0, x)), rt_float(x));
    if (isnan(x))
        return rt_tuple_pack(2, rt_float(x), rt_float(x));
    double ip;
    double fp = modf(x, &ip);
    return rt_tuple_pack(2, rt_float(fp), rt_float(ip));
}

static Value math_isfinite(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_one("isfinite", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    return rt_bool(isfinite(x));
}

static Value math_isinf(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_one("isinf", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    return rt_bool(isinf(x));
}

static Value math_isnan(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    double x;
    if (check_one("isnan", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return RT_ERR;
    return rt_bool(isnan(x));
}

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static Value math_isclose(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    Value a = nargs > 0 ? args[0] : 0, b = nargs > 1 ? args[1] : 0, rel = 0, abst = 0;
    if (nargs > 2)
        return rt_raise_fmt(rt_TypeError, "isclose() takes exactly 2 positional arguments "
                                          "(%zu given)", nargs);
    for (size_t i = 0; i < nkw(kwnames); i++) {
        Value name = rt_tuple_item(kwnames, (int64_t)i), v = args[nargs + i];
        const char *s = rt_str_bytes(name);
        Value *slot = !strcmp(s, "a") ? &a : !strcmp(s, "b") ? &b : !strcmp(s, "rel_tol") ? &rel
                    : !strcmp(s, "abs_tol") ? &abst : 0;
        if (!slot)
            return rt_raise_fmt(rt_TypeError, "isclose() got an unexpected keyword argument "
                                              "'%U'", name);
        if (*slot)
            return rt_raise_fmt(rt_TypeError, "argument for isclose() given by name ('%U') "
                                              "and position (%d)", name, slot == &a ? 1 : 2);
        *slot = v;
    }
    if (!a)
        return rt_raise_str(rt_TypeError, "isclose() missing required argument 'a' (pos 1)");
    if (!b)
        return rt_raise_str(rt_TypeError, "isclose() missing required argument 'b' (pos 2)");
    double x, y, rt = 1e-09, at = 0.0;
    if (as_double(a, &x) < 0 || as_double(b, &y) < 0 || (rel && as_double(rel, &rt) < 0) ||
        (abst && as_double(abst, &at) < 0))
        return RT_ERR;
    if (rt < 0.0 || at < 0.0)
        return rt_raise_str(rt_ValueError, "tolerances must be non-negative");
    if (x == y)
        return rt_True;
    if (isinf(x) || isinf(y))
        return rt_False;
    double diff = fabs(y - x);
    return rt_bool((diff <= fabs(rt * y)) || (diff <= fabs(rt * x)) || diff <= at);
}

/* ================================================================ rounding to int ======= */

/* floor/ceil: int(x) for ints; __floor__/__ceil__ when the type has one; else via double */
static Value round_to_int(const char *name, const char *dunder, double (*f)(double),
                          const Value *args, size_t nargs, Value kwnames)
{
    if (check_one(name, nargs, kwnames) < 0)
        return RT_ERR;
    Value x = args[0];
    if (!rt_is_small(x) && rt_is_float(x) && rt_typeof(x) == &rt_float_type)
        return rt_int_from_double(f(rt_float_val(x)));
    if (rt_is_int(x))
        return rt_int_m_trunc(x);
    Value m = rt_type_lookup_cstr(rt_typeof(x), dunder);
    if (m)
        return rt_call(m, &x, 1, 0);
    double d;
    if (as_double(x, &d) < 0)
        return RT_ERR;
    return rt_int_from_double(f(d));
}

static Value math_floor(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    return round_to_int("floor", "__floor__", floor, args, nargs, kwnames);
}

static Value math_ceil(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    return round_to_int("ceil", "__ceil__", ceil, args, nargs, kwnames);
}

static Value math_trunc(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_one("trunc", nargs, kwnames) < 0)
        return RT_ERR;
    Value x = args[0];
    if (!rt_is_small(x) && rt_typeof(x) == &rt_float_type)
        return rt_int_from_double(trunc(rt_float_val(x)));
    if (rt_is_int(x))
        return rt_int_m_trunc(x);
    Value m = rt_type_lookup_cstr(rt_typeof(x), "__trunc__");
    if (!m)
        return rt_raise_fmt(rt_TypeError, "type %s doesn't define __trunc__ method",
                            rt_type_name(x));
    return rt_call(m, &x, 1, 0);
}

/* ================================================================ integer functions ====== */

/* the exact int of v (operator.index) */
static Value as_index(Value v)
{
    return rt_is_small(v) || rt_typeof(v) == &rt_int_type ? v : rt_index(v);
}

static Value math_factorial(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_one("factorial", nargs, kwnames) < 0)
        return RT_ERR;
    Value n = as_index(args[0]);
    if (!n)
        return RT_ERR;
    int64_t k;
    if (rt_int_as_i64(n, &k) < 0) {
        rt_exc_fetch();
        if (rt_int_sign(n) < 0)
            return rt_raise_str(rt_ValueError, "factorial() not defined for negative values");
        return rt_raise_str(rt_OverflowError, "factorial() argument should not exceed "
                                              "9223372036854775807");
    }
    if (k < 0)
        return rt_raise_str(rt_ValueError, "factorial() not defined for negative values");
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, (unsigned long)k);
    return rt_int_from_mpz(r);
}

static Value gcd_lcm(const char *name, int lcm, const Value *args, size_t nargs,
                     Value kwnames)
{
    if (nkw(kwnames))
        return rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", name);
    mpz_t acc, tmp;
    mp_limb_t limb;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    mpz_init(tmp);
    for (size_t i = 0; i < nargs; i++) {
        Value v = as_index(args[i]);
        if (!v)
            return RT_ERR;
        mpz_srcptr z = rt_int_view(v, tmp, &limb);
        if (nargs == 1) {
            mpz_abs(acc, z);
            break;
        }
        if (lcm)
            mpz_lcm(acc, acc, z);
        else
            mpz_gcd(acc, acc, z);
    }
    return rt_int_from_mpz(acc);
}

static Value math_gcd(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    return gcd_lcm("gcd", 0, args, nargs, kwnames);
}

static Value math_lcm(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    return gcd_lcm("lcm", 1, args, nargs, kwnames);
}

static Value math_isqrt(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_one("isqrt", nargs, kwnames) < 0)
        return RT_ERR;
    Value n = as_index(args[0]);
    if (!n)
        return RT_ERR;
    if (rt_int_sign(n) < 0)
        return rt_raise_str(rt_ValueError, "isqrt() argument must be nonnegative");
    mpz_t tmp, r;
    mp_limb_t limb;
    mpz_srcptr z = rt_int_view(n, tmp, &limb);
    mpz_init(r);
    mpz_sqrt(r, z);
    return rt_int_from_mpz(r);
}

/* n and k for comb/perm: exact ints, both non-negative; *k_out when k fits a long */
static int comb_args(Value *n, Value *k)
{
    if (!(*n = as_index(*n)) || !(*k = as_index(*k)))
        return -1;
    if (rt_int_sign(*n) < 0) {
        rt_raise_str(rt_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (rt_int_sign(*k) < 0) {
        rt_raise_str(rt_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

static Value math_comb(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_pos("comb", nargs, kwnames, 2, 2) < 0)
        return RT_ERR;
    Value n = args[0], k = args[1];
    if (comb_args(&n, &k) < 0)
        return RT_ERR;
    if (rt_int_cmp(k, n) > 0)
        return rt_small(0);
    Value nk = rt_int_sub(n, k);   /* comb(n, k) == comb(n, n-k): use the smaller */
    if (!nk)
        return RT_ERR;
    if (rt_int_cmp(nk, k) < 0)
        k = nk;
    int64_t kk;
    if (rt_int_as_i64(k, &kk) < 0) {
        rt_exc_fetch();
        return rt_raise_str(rt_OverflowError, "min(n - k, k) must not exceed "
                                              "9223372036854775807");
    }
    mpz_t tmp, r;
    mp_limb_t limb;
    mpz_srcptr z = rt_int_view(n, tmp, &limb);
    mpz_init(r);
    mpz_bin_ui(r, z, (unsigned long)kk);
    return rt_int_from_mpz(r);
}

static Value math_perm(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_pos("perm", nargs, kwnames, 1, 2) < 0)
        return RT_ERR;
    if (nargs == 1 || args[1] == rt_None)
        return math_factorial(0, args, 1, 0);
    Value n = args[0], k = args[1];
    if (comb_args(&n, &k) < 0)
        return RT_ERR;
    if (rt_int_cmp(k, n) > 0)
        return rt_small(0);
    int64_t kk;
    if (rt_int_as_i64(k, &kk) < 0) {
        rt_exc_fetch();
        return rt_raise_str(rt_OverflowError, "k must not exceed 9223372036854775807");
    }
    mpz_t tmp, r, f;
    mp_limb_t limb;
    mpz_srcptr z = rt_int_view(n, tmp, &limb);
    mpz_init_set_ui(r, 1);
    mpz_init_set(f, z);
    /* n * (n-1) * ... * (n-k+1), multiplied in a balanced way is not needed at these sizes */
    for (int64_t i = 0; i < kk; i++) {
        mpz_mul(r, r, f);
        mpz_sub_ui(f, f, 1);
    }
    return rt_int_from_mpz(r);
}

/* ================================================================ sums and norms ======== */

static Value math_prod(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    Value start = rt_small(1);
    for (size_t i = 0; i < nkw(kwnames); i++) {
        Value name = rt_tuple_item(kwnames, (int64_t)i);
        if (strcmp(rt_str_bytes(name), "start") != 0)
            return rt_raise_fmt(rt_TypeError, "prod() got an unexpected keyword argument '%U'",
                                name);
        start = args[nargs + i];
    }
    if (nargs != 1)
        return rt_raise_fmt(rt_TypeError, "prod() takes exactly 1 positional argument "
                                          "(%zu given)", nargs);
    Value it = rt_iter(args[0]);
    if (!it)
        return RT_ERR;
    Value acc = start, v;
    while ((v = rt_next(it))) {
        if (!(acc = rt_mul(acc, v)))
            return RT_ERR;
    }
    return rt_exc_pending() ? RT_ERR : acc;
}

/* grows a C array of doubles on the GC heap */
typedef struct DVec { double *p; size_t n, cap; } DVec;

static int dvec_push(DVec *v, double d)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        double *p = rt_alloc_atomic(cap * sizeof *p);
        if (!p)
            return -1;
        if (v->n)
            memcpy(p, v->p, v->n * sizeof *p);
        v->p = p;
        v->cap = cap;
    }
    v->p[v->n++] = d;
    return 0;
}

/* fsum: the partials hold a non-overlapping expansion of the exact sum, in increasing
 * magnitude; the result rounds that expansion once, half-even */
static Value math_fsum(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_one("fsum", nargs, kwnames) < 0)
        return RT_ERR;
    Value it = rt_iter(args[0]);
    if (!it)
        return RT_ERR;
    DVec p = {0};
    double special = 0.0, inf_sum = 0.0;
    Value v;
    while ((v = rt_next(it))) {
        double x;
        if (as_double(v, &x) < 0)
            return RT_ERR;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < p.n; j++) {
            double y = p.p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p.p[i++] = lo;
            x = hi;
        }
        p.n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* an infinity or nan in the input, or an overflow of finite ones */
                if (isfinite(xsave))
                    return rt_raise_str(rt_OverflowError, "intermediate overflow in fsum");
                if (isinf(xsave))
                    inf_sum += xsave;
                special += xsave;
                p.n = 0;
            } else if (dvec_push(&p, x) < 0)
                return RT_ERR;
        }
    }
    if (rt_exc_pending())
        return RT_ERR;
    if (special != 0.0) {
        if (isnan(inf_sum))
            return rt_raise_str(rt_ValueError, "-inf + inf in fsum");
        return rt_float(special);
    }
    double hi = 0.0;
    size_t n = p.n;
    if (n > 0) {
        double lo = 0.0;
        hi = p.p[--n];
        while (n > 0) {
            double x = hi, y = p.p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        /* half-even correction: when the rest of the expansion pushes lo past a tie */
        if (n > 0 && ((lo < 0.0 && p.p[n - 1] < 0.0) || (lo > 0.0 && p.p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return rt_float(hi);
}

/* the Euclidean norm of v[0..n) with max = max |v[i]|; accurate to about half an ulp */
static double vector_norm(size_t n, double *v, double max, int found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0 || n <= 1)
        return max;
    int e;
    frexp(max, &e);
    /* scale so that the largest coordinate is in [0.5, 1): no overflow, no underflow of
     * the significant ones */
    double sum = 0.0, err = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = ldexp(v[i], -e);
        double sq = x * x;
        double sq_err = fma(x, x, -sq);   /* exact remainder of the square */
        double t = sum + sq;
        double c = fabs(sum) >= fabs(sq) ? (sum - t) + sq : (sq - t) + sum;
        sum = t;
        err += c + sq_err;
    }
    double total = sum + err;
    double h = sqrt(total);
    /* one Newton step on the residual total - h*h, computed with an fma */
    double r = fma(-h, h, sum) + err;
    h += r / (2.0 * h);
    return ldexp(h, e);
}

static Value math_hypot(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (nkw(kwnames))
        return rt_raise_str(rt_TypeError, "hypot() takes no keyword arguments");
    double *v = rt_alloc_atomic((nargs + 1) * sizeof *v);
    if (!v)
        return RT_ERR;
    double max = 0.0;
    int found_nan = 0;
    for (size_t i = 0; i < nargs; i++) {
        if (as_double(args[i], &v[i]) < 0)
            return RT_ERR;
        v[i] = fabs(v[i]);
        found_nan |= isnan(v[i]);
        if (v[i] > max)
            max = v[i];
    }
    return rt_float(vector_norm(nargs, v, max, found_nan));
}

/* the items of a point (any iterable) as a C array */
static int point(Value p, DVec *out)
{
    Value it = rt_iter(p);
    if (!it)
        return -1;
    Value v;
    while ((v = rt_next(it))) {
        double d;
        if (as_double(v, &d) < 0 || dvec_push(out, d) < 0)
            return -1;
    }
    return rt_exc_pending() ? -1 : 0;
}

static Value math_dist(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_pos("dist", nargs, kwnames, 2, 2) < 0)
        return RT_ERR;
    DVec p = {0}, q = {0};
    if (point(args[0], &p) < 0 || point(args[1], &q) < 0)
        return RT_ERR;
    if (p.n != q.n)
        return rt_raise_str(rt_ValueError, "both points must have the same number of "
                                           "dimensions");
    double max = 0.0;
    int found_nan = 0;
    for (size_t i = 0; i < p.n; i++) {
        p.p[i] = fabs(p.p[i] - q.p[i]);
        found_nan |= isnan(p.p[i]);
        if (p.p[i] > max)
            max = p.p[i];
    }
    return rt_float(vector_norm(p.n, p.p, max, found_nan));
}

/* ================================================================ the module ============= */

static const struct { const char *name; VectorCallFn fn; } math_functions[] = {
    {"acos", math_acos},         {"acosh", math_acosh},       {"asin", math_asin},
    {"asinh", math_asinh},       {"atan", math_atan},         {"atan2", math_atan2},
    {"atanh", math_atanh},       {"cbrt", math_cbrt},         {"ceil", math_ceil},
    {"comb", math_comb},         {"copysign", math_copysign}, {"cos", math_cos},
    {"cosh", math_cosh},         {"degrees", math_degrees},   {"dist", math_dist},
    {"erf", math_erf},           {"erfc", math_erfc},         {"exp", math_exp},
    {"exp2", math_exp2},         {"expm1", math_expm1},       {"fabs", math_fabs},
    {"factorial", math_factorial}, {"floor", math_floor},     {"fmod", math_fmod},
    {"frexp", math_frexp},       {"fsum", math_fsum},         {"gamma", math_gamma},
    {"gcd", math_gcd},           {"hypot", math_hypot},       {"isclose", math_isclose},
    {"isfinite", math_isfinite}, {"isinf", math_isinf},       {"isnan", math_isnan},
    {"isqrt", math_isqrt},       {"lcm", math_lcm},           {"ldexp", math_ldexp},
    {"lgamma", math_lgamma},     {"log", math_log},           {"log10", math_log10},
    {"log1p", math_log1p},       {"log2", math_log2},         {"modf", math_modf},
    {"nextafter", math_nextafter}, {"perm", math_perm},       {"pow", math_pow},
    {"prod", math_prod},         {"radians", math_radians},   {"remainder", math_remainder},
    {"sin", math_sin},           {"sinh", math_sinh},         {"sqrt", math_sqrt},
    {"tan", math_tan},           {"tanh", math_tanh},         {"trunc", math_trunc},
    {"ulp", math_ulp},
};

static int set(Value d, const char *name, Value v)
{
    return v ? rt_dict_set(d, rt_str_intern(name), v) : -1;
}

Value rt_math_module_create(void)
{
    Value m = rt_module_new("math", 0);
    if (!m)
        return RT_ERR;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    Value modname = rt_str_from_cstr("math");
    if (!modname)
        return RT_ERR;
    for (size_t i = 0; i < sizeof math_functions / sizeof math_functions[0]; i++)
        if (set(d, math_functions[i].name,
                rt_builtin_new(math_functions[i].name, math_functions[i].fn, 0, modname)) < 0)
            return RT_ERR;
    if (set(d, "pi", rt_float(M_PI)) < 0 || set(d, "e", rt_float(M_E)) < 0 ||
        set(d, "tau", rt_float(2 * M_PI)) < 0 || set(d, "inf", rt_float(INFINITY)) < 0 ||
        set(d, "nan", rt_float(NAN)) < 0)
        return RT_ERR;
    return m;
}

int rt_mods_register(void)
{
#define CMOD(name, create)                                                                 \
    if (rt_register_builtin_module(name, create) < 0)                                      \
        return -1;
#include "rt_cmodules.def"
#undef CMOD
    return 0;
}
