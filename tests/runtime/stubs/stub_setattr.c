/* stub_setattr.c - rt_setattr/rt_delattr for the runtime tests while the attribute protocol
 * does not exist (the setattr/delattr builtins link against them): AttributeError, with
 * CPython's message for objects without a __dict__ */
#include "rt.h"

int rt_setattr(Value obj, Value name, Value value)
{
    (void)value;
    rt_raise_fmt(rt_AttributeError, "'%s' object has no attribute '%s'", rt_typeof(obj)->name,
                 ((StrObject *)rt_obj(name))->data);
    return -1;
}

int rt_delattr(Value obj, Value name)
{
    return rt_setattr(obj, name, 0);
}
