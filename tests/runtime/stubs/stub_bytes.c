/* stub_bytes.c - the bytes type object for the runtime tests while bytes.c does not exist */
#include "rt.h"

Type rt_bytes_type = {
    .ob = {&rt_type_type}, .name = "bytes", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(BytesObject), .itemsize = 1,
};
