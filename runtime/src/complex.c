/*
 * complex.c - Python's complex: a pair of doubles with CPython 3.11's arithmetic.
 *
 * Entry points: rt_complex, rt_complex_type and its slots, rt_complex_pow_values (float.c
 * uses it for a negative base raised to a fractional power).
 *
 * The algorithms are the textbook ones CPython uses, so results agree to the last bit:
 * schoolbook multiplication, Smith's division (scaled by the larger divisor component),
 * exponentiation by repeated squaring for integral exponents up to 100 and polar form
 * otherwise.  Errors: "complex division by zero", "0.0 to a negative or complex power"
 * (ZeroDivisionError), "complex exponentiation" (OverflowError when a result part is inf),
 * "absolute value too large".  Mixed operations accept int, float and complex operands.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "num.h"

typedef struct { double re, im; } C;

Value rt_complex(double re, double im)
{
    ComplexObject *c =
        (ComplexObject *)rt_new_object_ptrfree(&rt_complex_type, sizeof(ComplexObject));
    if (!c)
        return RT_ERR;
    c->re = re;
    c->im = im;
    return rt_val(c);
}

static int is_complex(Value v)
{
    return !rt_is_small(v) && rt_issubtype(rt_obj(v)->type, &rt_complex_type);
}

/* an operand as a complex: 1 ok, 0 not a number (NotImplemented), -1 error raised */
static int as_c(Value v, C *out)
{
    if (is_complex(v)) {
        ComplexObject *c = (ComplexObject *)rt_obj(v);
        out->re = c->re;
        out->im = c->im;
        return 1;
    }
    if (rt_is_int(v) || rt_is_float(v)) {
        int ok;
        out->re = rt_float_val_of(v, &ok);
        out->im = 0.0;
        return ok ? 1 : -1;
    }
    return 0;
}

#define OPERANDS(a, b)                                                                   \
    C x, y;                                                                              \
    {                                                                                    \
        int r1 = as_c(a, &x);                                                            \
        if (r1 <= 0)                                                                     \
            return r1 < 0 ? RT_ERR : rt_NotImplemented;                                  \
        int r2 = as_c(b, &y);                                                            \
        if (r2 <= 0)                                                                     \
            return r2 < 0 ? RT_ERR : rt_NotImplemented;                                  \
    }

static C c_prod(C a, C b)
{
    C r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

/* Smith's method; *err set on division by zero */
static C c_quot(C a, C b, int *err)
{
    C r;
    double abs_br = fabs(b.re), abs_bi = fabs(b.im);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            *err = 1;
            r.re = r.im = 0.0;
        } else {
            double ratio = b.im / b.re, denom = b.re + b.im * ratio;
            r.re = (a.re + a.im * ratio) / denom;
            r.im = (a.im - a.re * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else {   /* a nan among the divisor's parts */
        r.re = r.im = NAN;
    }
    return r;
}

static C c_powu(C x, long n)
{
    C r = {1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

/* *err: 1 = zero to a negative or complex power */
static C c_pow(C a, C b, int *err)
{
    C r;
    if (b.re == 0.0 && b.im == 0.0) {
        r.re = 1.0;
        r.im = 0.0;
    } else if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0)
            *err = 1;
        r.re = r.im = 0.0;
    } else {
        double vabs = hypot(a.re, a.im), len = pow(vabs, b.re), at = atan2(a.im, a.re);
        double phase = at * b.re;
        if (b.im != 0.0) {
            len /= exp(at * b.im);
            phase += b.im * log(vabs);
        }
        r.re = len * cos(phase);
        r.im = len * sin(phase);
    }
    return r;
}

/* The error classification is CPython's, errno included: libm's own EDOM (cos(inf) when
 * the phase is infinite) becomes the ZeroDivisionError too, and an infinite part after the
 * computation is ERANGE. */
Value rt_complex_pow_values(double ar, double ai, double br, double bi)
{
    C a = {ar, ai}, b = {br, bi}, p;
    int err = 0;
    errno = 0;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) {
        long n = (long)b.re;
        if (n >= 0) {
            p = c_powu(a, n);
        } else {
            C one = {1.0, 0.0};
            p = c_quot(one, c_powu(a, -n), &err);
        }
    } else {
        p = c_pow(a, b, &err);
    }
    if (err)
        errno = EDOM;
    if (isinf(p.re) || isinf(p.im)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM)
        return rt_raise_str(rt_ZeroDivisionError, "0.0 to a negative or complex power");
    if (errno == ERANGE)
        return rt_raise_str(rt_OverflowError, "complex exponentiation");
    return rt_complex(p.re, p.im);
}

static Value c_add(Value a, Value b)
{
    OPERANDS(a, b);
    return rt_complex(x.re + y.re, x.im + y.im);
}

static Value c_sub(Value a, Value b)
{
    OPERANDS(a, b);
    return rt_complex(x.re - y.re, x.im - y.im);
}

static Value c_mul(Value a, Value b)
{
    OPERANDS(a, b);
    C r = c_prod(x, y);
    return rt_complex(r.re, r.im);
}

static Value c_truediv(Value a, Value b)
{
    OPERANDS(a, b);
    int err = 0;
    C r = c_quot(x, y, &err);
    if (err)
        return rt_raise_str(rt_ZeroDivisionError, "complex division by zero");
    return rt_complex(r.re, r.im);
}

static Value c_pow_slot(Value a, Value b, Value m)
{
    OPERANDS(a, b);
    if (m != rt_None && m != 0)
        return rt_raise_str(rt_ValueError, "complex modulo");
    return rt_complex_pow_values(x.re, x.im, y.re, y.im);
}

static Value c_neg(Value a)
{
    ComplexObject *c = (ComplexObject *)rt_obj(a);
    return rt_complex(-c->re, -c->im);
}

static Value c_pos(Value a)
{
    ComplexObject *c = (ComplexObject *)rt_obj(a);
    return rt_obj(a)->type == &rt_complex_type ? a : rt_complex(c->re, c->im);
}

static Value c_abs(Value a)
{
    ComplexObject *c = (ComplexObject *)rt_obj(a);
    /* inf wins over nan, as C99's hypot */
    if (isinf(c->re) || isinf(c->im))
        return rt_float(INFINITY);
    if (isnan(c->re) || isnan(c->im))
        return rt_float(NAN);
    double r = hypot(c->re, c->im);
    if (isinf(r))
        return rt_raise_str(rt_OverflowError, "absolute value too large");
    return rt_float(r);
}

static int c_bool(Value a)
{
    ComplexObject *c = (ComplexObject *)rt_obj(a);
    return c->re != 0.0 || c->im != 0.0;
}

/* hash(re) + 1000003 * hash(im), wrapping, as CPython */
static int64_t c_hash(Value a)
{
    ComplexObject *c = (ComplexObject *)rt_obj(a);
    uint64_t hr, hi;
    if (isnan(c->re) || isnan(c->im)) {
        uint64_t y = (uint64_t)a;
        int64_t h = (int64_t)((y >> 4) | (y << 60));
        return h == -1 ? -2 : h;
    }
    hr = (uint64_t)rt_float_hash(c->re);
    hi = (uint64_t)rt_float_hash(c->im);
    int64_t h = (int64_t)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

static Value c_richcompare(Value a, Value b, int op)
{
    if (op != RT_EQ && op != RT_NE)
        return rt_NotImplemented;
    ComplexObject *c = (ComplexObject *)rt_obj(a);
    int eq;
    if (is_complex(b)) {
        ComplexObject *d = (ComplexObject *)rt_obj(b);
        eq = c->re == d->re && c->im == d->im;
    } else if (rt_is_int(b)) {
        eq = c->im == 0.0 && rt_int_cmp_double(b, c->re) == 0;   /* exact, like float == int */
    } else if (rt_is_float(b)) {
        eq = c->im == 0.0 && c->re == rt_float_val(b);
    } else {
        return rt_NotImplemented;
    }
    return rt_bool(op == RT_EQ ? eq : !eq);
}

/* one part in repr: float repr without the ".0" of integral values */
static int part_repr(double d, char *buf, int sign)
{
    int n = 0;
    if (sign && !signbit(d) && !isnan(d))
        buf[n++] = '+';
    if (sign && isnan(d))
        buf[n++] = '+';
    n += rt_double_repr(d, buf + n);
    if (n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0')
        n -= 2;
    buf[n] = 0;
    return n;
}

/* "(1+2j)", "1j", "(-0-0j)", "infj", "(nan+nanj)" */
static Value c_repr(Value a)
{
    ComplexObject *c = (ComplexObject *)rt_obj(a);
    char buf[100], re[48], im[48];
    part_repr(c->im, im, 1);
    int n;
    if (c->re == 0.0 && !signbit(c->re))
        n = snprintf(buf, sizeof buf, "%sj", im[0] == '+' ? im + 1 : im);
    else {
        part_repr(c->re, re, 0);
        n = snprintf(buf, sizeof buf, "(%s%sj)", re, im);
    }
    return rt_str_from_utf8(buf, (size_t)n);
}

/* ---- complex(x, y) and complex(str) ---- */

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static Value malformed(void)
{
    return rt_raise_str(rt_ValueError, "complex() arg is a malformed string");
}

/* CPython's forms: <float>, <float>j, <float><signed-float>j, and for backwards
 * compatibility <float><sign>j, <sign>j and j; optional parentheses and surrounding spaces */
static Value complex_from_text(const char *p, size_t n)
{
    const char *e = p + n;
    double x = 0.0, y = 0.0, z;
    while (p < e && is_space((unsigned char)*p))
        p++;
    int bracket = p < e && *p == '(';
    if (bracket) {
        p++;
        while (p < e && is_space((unsigned char)*p))
            p++;
    }
    size_t k = rt_float_prefix(p, (size_t)(e - p), &z);
    if (k) {
        p += k;
        if (p < e && (*p == '+' || *p == '-')) {
            x = z;
            size_t k2 = rt_float_prefix(p, (size_t)(e - p), &y);
            if (k2) {
                p += k2;
            } else {
                y = *p == '+' ? 1.0 : -1.0;
                p++;
            }
            if (p >= e || (*p != 'j' && *p != 'J'))
                return malformed();
            p++;
        } else if (p < e && (*p == 'j' || *p == 'J')) {
            p++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (p < e && (*p == '+' || *p == '-')) {
            y = *p == '+' ? 1.0 : -1.0;
            p++;
        } else {
            y = 1.0;
        }
        if (p >= e || (*p != 'j' && *p != 'J'))
            return malformed();
        p++;
    }
    while (p < e && is_space((unsigned char)*p))
        p++;
    if (bracket) {
        if (p >= e || *p != ')')
            return malformed();
        p++;
        while (p < e && is_space((unsigned char)*p))
            p++;
    }
    if (p != e)
        return malformed();
    return rt_complex(x, y);
}

static Value complex_from_str(Value sv)
{
    size_t n;
    const char *s = rt_num_ascii(rt_str_bytes(sv), rt_str_nbytes(sv), &n);
    if (!s)
        return RT_ERR;
    if (!memchr(s, '_', n))
        return complex_from_text(s, n);
    /* underscores are allowed only between digits; they are removed before parsing */
    char *buf = rt_alloc_atomic(n + 1);
    if (!buf)
        return RT_ERR;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_') {
            int before = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
            int after = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9';
            if (!before || !after)
                return rt_raise_fmt(rt_ValueError, "could not convert string to complex: %R", sv);
            continue;
        }
        buf[o++] = s[i];
    }
    return complex_from_text(buf, o);
}

/* a constructor argument as a complex: numbers and objects with __float__/__index__ */
static int arg_as_c(Value v, C *out)
{
    int r = as_c(v, out);
    if (r)
        return r;
    Type *t = rt_typeof(v);
    Value f = t->nb.float_ ? t->nb.float_(v) : t->nb.index ? t->nb.index(v) : 0;
    if (!f)
        return rt_exc_pending() ? -1 : 0;
    return as_c(f, out);
}

static Value complex_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    (void)t;
    Value re = nargs > 0 ? args[0] : 0, im = nargs > 1 ? args[1] : 0;
    size_t nkw = kwnames ? (size_t)((TupleObject *)rt_obj(kwnames))->size : 0;
    for (size_t i = 0; i < nkw; i++) {
        Value name = ((TupleObject *)rt_obj(kwnames))->items[i];
        const char *nm = rt_str_bytes(name);
        if (!strcmp(nm, "real") && !re)
            re = args[nargs + i];
        else if (!strcmp(nm, "imag") && !im)
            im = args[nargs + i];
        else
            return rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for complex()",
                                name);
    }
    if (nargs > 2)
        return rt_raise_fmt(rt_TypeError, "complex() takes at most 2 arguments (%zd given)",
                            (ptrdiff_t)nargs);
    if (re && !rt_is_small(re) && (rt_obj(re)->type->flags & RT_TPFLAG_STR_SUBCLASS)) {
        if (im)
            return rt_raise_str(rt_TypeError,
                                "complex() can't take second arg if first is a string");
        return complex_from_str(re);
    }
    if (im && !rt_is_small(im) && (rt_obj(im)->type->flags & RT_TPFLAG_STR_SUBCLASS))
        return rt_raise_str(rt_TypeError, "complex() second arg can't be a string");
    C a = {0.0, 0.0}, b = {0.0, 0.0};
    if (re) {
        int r = arg_as_c(re, &a);
        if (r < 0)
            return RT_ERR;
        if (r == 0)
            return rt_raise_fmt(rt_TypeError, "complex() first argument must be a string or a "
                                              "number, not '%s'", rt_type_name(re));
        if (!im && is_complex(re) && rt_obj(re)->type == &rt_complex_type)
            return re;
    }
    if (im) {
        int r = arg_as_c(im, &b);
        if (r < 0)
            return RT_ERR;
        if (r == 0)
            return rt_raise_fmt(rt_TypeError, "complex() second argument must be a number, "
                                              "not '%s'", rt_type_name(im));
    }
    /* complex(a, b) == a + b*1j, but adding only the parts that exist, so that signed zeros
     * come out as CPython's (complex(1.0, -0.0) keeps its -0.0) */
    double real = a.re, imag = im ? b.re : a.im;
    if (im && is_complex(im))
        real -= b.im;
    if (im && re && is_complex(re))
        imag += a.im;
    return rt_complex(real, imag);
}

Type rt_complex_type = {
    .ob = {&rt_type_type}, .name = "complex", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(ComplexObject),
    .repr = c_repr, .str = c_repr, .hash = c_hash, .richcompare = c_richcompare,
    .new_ = complex_new,
    .nb = {
        .add = c_add, .sub = c_sub, .mul = c_mul, .truediv = c_truediv, .pow = c_pow_slot,
        .neg = c_neg, .pos = c_pos, .abs = c_abs, .bool_ = c_bool,
    },
};
