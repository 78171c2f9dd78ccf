/* stub_list_ops.c - list construction and append for the runtime tests while list.c does not
 * exist (the str tests build split() results).  Layout from rt.h; memory from rt_alloc. */
#include <string.h>

#include "rt.h"

Value rt_list_new(int64_t n)
{
    ListObject *l = (ListObject *)rt_new_object(&rt_list_type, sizeof *l);
    if (!l)
        return RT_ERR;
    l->size = n;
    l->cap = n > 4 ? n : 4;
    l->items = rt_alloc((size_t)l->cap * sizeof(Value));
    return l->items ? rt_val(l) : RT_ERR;
}

int rt_list_append(Value list, Value item)
{
    ListObject *l = (ListObject *)rt_obj(list);
    if (l->size == l->cap) {
        Value *items = rt_realloc(l->items, (size_t)l->cap * 2 * sizeof(Value));
        if (!items)
            return -1;
        l->items = items;
        l->cap *= 2;
    }
    l->items[l->size++] = item;
    return 0;
}

Value rt_list_from(const Value *items, int64_t n)
{
    Value l = rt_list_new(n);
    if (l && n)
        memcpy(((ListObject *)rt_obj(l))->items, items, (size_t)n * sizeof(Value));
    return l;
}
