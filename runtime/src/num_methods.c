/*
 * num_methods.c - the Python-visible methods and properties of int, float and complex that
 * are not type slots: to_bytes/from_bytes, conjugate, __round__/__trunc__/__floor__/__ceil__,
 * __format__, real/imag/numerator/denominator, float.fromhex as a class method.
 *
 * Entry points: rt_num.h; the attribute table is num_methods.def.  The arithmetic itself lives
 * in int.c, float.c and complex.c: this file only checks arguments (with CPython's messages)
 * and adapts.
 */
#include <math.h>
#include <string.h>

#include "rt.h"
#include "rt_num.h"
#include "rt_str.h"
#include "core.h"

static int is_str(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS);
}

/* "little"/"big" -> 1/0, -1 after raising; missing means "big" (3.11's default) */
static int byteorder_of(Value v, const char *fn)
{
    if (!v)
        return 0;
    if (!is_str(v)) {
        rt_raise_fmt(rt_TypeError, "%s() argument 'byteorder' must be str, not %s", fn,
                     rt_type_name(v));
        return -1;
    }
    const char *s = rt_str_bytes(v);
    if (!strcmp(s, "little") && rt_str_nbytes(v) == 6)
        return 1;
    if (!strcmp(s, "big") && rt_str_nbytes(v) == 3)
        return 0;
    rt_raise_str(rt_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static int flag_of(Value v)
{
    return v ? rt_truthy(v) : 0;
}

/* ---------------------------------------------------------------- int ----------------- */

static Value exact(Value self) { return rt_int_type.nb.pos(self); }

Value rt_int_conjugate(Value self) { return exact(self); }
Value rt_int_m_trunc(Value self) { return exact(self); }
Value rt_int_get_real(Value self) { return exact(self); }
Value rt_int_get_imag(Value self) { (void)self; return rt_small(0); }
Value rt_int_get_numerator(Value self) { return exact(self); }
Value rt_int_get_denominator(Value self) { (void)self; return rt_small(1); }

Value rt_int_m_round(Value self, Value ndigits)
{
    if (ndigits && ndigits != rt_None && !rt_is_int(ndigits))
        return rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer",
                            rt_type_name(ndigits));
    return rt_int_round(self, ndigits);
}

Value rt_int_to_bytes(Value self, Value length, Value byteorder, Value is_signed)
{
    int64_t len = 1;
    if (length) {
        if (!rt_is_int(length))
            return rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer",
                                rt_type_name(length));
        if (rt_int_sign(length) < 0)
            return rt_raise_str(rt_ValueError, "length argument must be non-negative");
        if (rt_int_as_i64(length, &len) < 0)
            return RT_ERR;
    }
    int little = byteorder_of(byteorder, "to_bytes");
    if (little < 0)
        return RT_ERR;
    int sgn = flag_of(is_signed);
    if (sgn < 0)
        return RT_ERR;
    /* a length beyond any int's size cannot be satisfied by memory anyway */
    Value b = rt_bytes_new_uninit(len);
    if (!b)
        return RT_ERR;
    if (rt_int_to_bytes_buf(self, (unsigned char *)((BytesObject *)rt_obj(b))->data, (size_t)len,
                            little, sgn) < 0)
        return RT_ERR;
    return b;
}

Value rt_int_from_bytes(Value cls, Value bytes, Value byteorder, Value is_signed)
{
    (void)cls;   /* int subclasses: the binding layer calls cls(result) as CPython does */
    int little = byteorder_of(byteorder, "from_bytes");
    if (little < 0)
        return RT_ERR;
    int sgn = flag_of(is_signed);
    if (sgn < 0)
        return RT_ERR;
    Type *t = rt_typeof(bytes);
    if (rt_issubtype(t, &rt_bytes_type))
        return rt_int_from_bytes_buf((const unsigned char *)((BytesObject *)rt_obj(bytes))->data,
                                     (size_t)((BytesObject *)rt_obj(bytes))->size, little, sgn);
    if (rt_issubtype(t, &rt_bytearray_type))
        return rt_int_from_bytes_buf(
            (const unsigned char *)((ByteArrayObject *)rt_obj(bytes))->data,
            (size_t)((ByteArrayObject *)rt_obj(bytes))->size, little, sgn);
    if (is_str(bytes) || !t->iter)
        return rt_raise_fmt(rt_TypeError, "cannot convert '%s' object to bytes", t->name);
    /* any iterable of ints in range(256), as bytes(iterable) accepts */
    Value it = rt_iter(bytes);
    if (!it)
        return RT_ERR;
    StrBuf buf;
    rt_sb_init(&buf);
    for (;;) {
        Value x = rt_next(it);
        if (!x) {
            if (rt_exc_pending())
                return RT_ERR;
            break;
        }
        if (!rt_is_int(x))
            return rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer",
                                rt_type_name(x));
        int64_t v;
        if (rt_int_as_i64(x, &v) < 0 || v < 0 || v > 255) {
            rt_exc_fetch();
            return rt_raise_str(rt_ValueError, "bytes must be in range(0, 256)");
        }
        rt_sb_addc(&buf, (char)v);
    }
    if (buf.failed)
        return RT_ERR;
    return rt_int_from_bytes_buf((const unsigned char *)buf.p, buf.len, little, sgn);
}

static Value format_spec_check(Value spec)
{
    if (!is_str(spec))
        return rt_raise_fmt(rt_TypeError, "__format__() argument must be str, not %s",
                            rt_type_name(spec));
    return spec;
}

Value rt_int_m_format(Value self, Value spec)
{
    return format_spec_check(spec) ? rt_format_int(self, spec) : RT_ERR;
}

/* ---------------------------------------------------------------- float --------------- */

static Value as_float(Value self)
{
    return rt_obj(self)->type == &rt_float_type ? self : rt_float(rt_float_val(self));
}

Value rt_float_conjugate(Value self) { return as_float(self); }
Value rt_float_get_real(Value self) { return as_float(self); }
Value rt_float_get_imag(Value self) { (void)self; return rt_float(0.0); }

Value rt_float_m_fromhex(Value cls, Value s)
{
    (void)cls;   /* a float subclass: the binding layer calls cls(result) as CPython does */
    if (!is_str(s))
        return rt_raise_fmt(rt_TypeError, "fromhex() argument must be str, not %s",
                            rt_type_name(s));
    return rt_float_fromhex(s);
}

Value rt_float_m_round(Value self, Value ndigits)
{
    return rt_float_round(self, ndigits ? ndigits : rt_None);
}

Value rt_float_m_trunc(Value self) { return rt_int_from_double(rt_float_val(self)); }
Value rt_float_m_floor(Value self) { return rt_int_from_double(floor(rt_float_val(self))); }
Value rt_float_m_ceil(Value self) { return rt_int_from_double(ceil(rt_float_val(self))); }

Value rt_float_m_format(Value self, Value spec)
{
    return format_spec_check(spec) ? rt_format_float(self, spec) : RT_ERR;
}

/* ---------------------------------------------------------------- complex ------------- */

Value rt_complex_conjugate(Value self)
{
    ComplexObject *c = (ComplexObject *)rt_obj(self);
    return rt_complex(c->re, -c->im);
}

Value rt_complex_get_real(Value self) { return rt_float(((ComplexObject *)rt_obj(self))->re); }
Value rt_complex_get_imag(Value self) { return rt_float(((ComplexObject *)rt_obj(self))->im); }

Value rt_complex_m_format(Value self, Value spec)
{
    return format_spec_check(spec) ? rt_format_complex(self, spec) : RT_ERR;
}
