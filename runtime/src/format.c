/*
 * format.c - format(value, spec): dispatch on the value's type.
 *
 * Entry point: rt_format (rt.h).  Numbers go to numfmt.c, strs to rt_format_str (str.c).
 * Any other object gets object.__format__'s behaviour: str(v) for an empty spec, TypeError
 * otherwise.  Instances of classes defined by the program call their type's __format__ (their
 * own, or the one they inherit from a built-in base), which must return a str.
 */
#include "rt.h"
#include "core.h"
#include "rt_class.h"

Value rt_format(Value v, Value spec)
{
    if (rt_is_small(spec) || !(rt_obj(spec)->type->flags & RT_TPFLAG_STR_SUBCLASS))
        return rt_raise_fmt(rt_TypeError, "format() argument 2 must be str, not %s",
                            rt_type_name(spec));
    Type *t = rt_typeof(v);
    /* the exact built-in types first, without subtype tests */
    if (t == &rt_str_type)
        return rt_format_str(v, spec);
    if (t == &rt_float_type)
        return rt_format_float(v, spec);
    if (t->flags & RT_TPFLAG_HEAPTYPE) {
        Value r = rt_call_special(v, "__format__", &spec, 1, NULL);
        if (r && (rt_is_small(r) || !(rt_obj(r)->type->flags & RT_TPFLAG_STR_SUBCLASS)))
            return rt_raise_fmt(rt_TypeError, "__format__ must return a str, not %T", r);
        return r;
    }
    if (rt_is_int(v))
        return rt_format_int(v, spec);
    if (rt_issubtype(t, &rt_float_type))
        return rt_format_float(v, spec);
    if (rt_issubtype(t, &rt_complex_type))
        return rt_format_complex(v, spec);
    if (t->flags & RT_TPFLAG_STR_SUBCLASS)
        return rt_format_str(v, spec);
    if (rt_str_nbytes(spec) == 0)
        return rt_core_str(v);
    return rt_raise_fmt(rt_TypeError, "unsupported format string passed to %s.__format__",
                        t->name);
}
