/* stub_list.c - the list type object for the runtime tests while list.c does not exist */
#include "rt.h"

Type rt_list_type = {
    .ob = {&rt_type_type}, .name = "list", .base = &rt_object_type,
    .flags = RT_TPFLAG_LIST_SUBCLASS | RT_TPFLAG_BASETYPE, .basicsize = sizeof(ListObject),
};
