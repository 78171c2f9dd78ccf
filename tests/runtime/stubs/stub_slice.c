/* stub_slice.c - the slice type object for the runtime tests while slice.c does not exist */
#include "rt.h"

Type rt_slice_type = {
    .ob = {&rt_type_type}, .name = "slice", .base = &rt_object_type,
    .basicsize = sizeof(SliceObject),
};
