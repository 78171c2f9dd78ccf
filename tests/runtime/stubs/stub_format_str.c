/* stub_format_str.c - format(str, spec) for the runtime tests while str.c lacks it:
 * only the empty spec */
#include "rt.h"

Value rt_format_str(Value s, Value spec)
{
    if (((StrObject *)rt_obj(spec))->size == 0)
        return s;
    return rt_raise_str(rt_NotImplementedError, "format(str) stub");
}
