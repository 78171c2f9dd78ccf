/* stub_bytearray.c - the bytearray type object for the runtime tests while bytearray.c does
 * not exist */
#include "rt.h"

Type rt_bytearray_type = {
    .ob = {&rt_type_type}, .name = "bytearray", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(ByteArrayObject),
};
