/* stub_getattr.c - rt_getattr for the runtime tests while the attribute protocol does not exist
 * (str.format's "{0.attr}" fields link against it): always AttributeError */
#include "rt.h"

Value rt_getattr(Value obj, Value name)
{
    return rt_raise_fmt(rt_AttributeError, "'%s' object has no attribute '%s'", rt_typeof(obj)->name,
                        ((StrObject *)rt_obj(name))->data);
}
