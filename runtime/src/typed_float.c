/*
 * typed_float.c - slow paths of the typed tier's float operations (src/infer; codegen's
 * f.pow).  The generated code handles the common case inline and calls here for the rest.
 */
#include "rt.h"

/* x ** y on doubles with float.__pow__'s results and errors (ZeroDivisionError for 0.0 to a
 * negative power, OverflowError(34, ...) on overflow).  Only called with an integral y, so the
 * result is never complex.  On error: -1.0 with the exception pending. */
double rt_f64_pow(double x, double y)
{
    Value r = rt_float_pow(rt_float(x), rt_float(y), rt_None);
    if (r == RT_ERR)
        return -1.0;
    return rt_float_val(r);
}
