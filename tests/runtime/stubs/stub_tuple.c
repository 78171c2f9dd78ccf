/* stub_tuple.c - tuple construction for the runtime tests while tuple.c does not exist */
#include <string.h>

#include "rt.h"

Type rt_tuple_type = {
    .ob = {&rt_type_type}, .name = "tuple", .base = &rt_object_type,
    .flags = RT_TPFLAG_TUPLE_SUBCLASS | RT_TPFLAG_BASETYPE, .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Value),
};

Value rt_tuple_from(const Value *items, int64_t n)
{
    TupleObject *t = (TupleObject *)rt_new_object(&rt_tuple_type,
                                                  sizeof(TupleObject) + (size_t)n * sizeof(Value));
    if (!t)
        return RT_ERR;
    t->size = n;
    t->hash = -1;
    if (n)
        memcpy(t->items, items, (size_t)n * sizeof(Value));
    return rt_val(t);
}
