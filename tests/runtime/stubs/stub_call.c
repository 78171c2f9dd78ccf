/* stub_call.c - rt_call for the runtime tests while the call machinery does not exist:
 * dispatches through the callee type's call slot (tests define callables with one). */
#include "rt.h"

Value rt_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    Type *t = rt_typeof(callable);
    if (!t->call)
        return rt_raise_fmt(rt_TypeError, "'%s' object is not callable", t->name);
    return t->call(callable, args, nargs, kwnames);
}
