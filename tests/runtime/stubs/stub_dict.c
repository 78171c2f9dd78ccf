/* stub_dict.c - a linear-search dict for the runtime tests while dict.c does not exist (the str
 * tests need maketrans/translate).  Keys compare by identity, small-int value or str content;
 * entries keep the rt.h layout (insertion order, no index table). */
#include <string.h>

#include "rt.h"

Type rt_dict_type = {
    .ob = {&rt_type_type}, .name = "dict", .base = &rt_object_type,
    .flags = RT_TPFLAG_DICT_SUBCLASS | RT_TPFLAG_BASETYPE, .basicsize = sizeof(DictObject),
};

static int key_eq(Value a, Value b)
{
    if (a == b)
        return 1;
    if (rt_is_small(a) || rt_is_small(b))
        return 0;
    if (rt_obj(a)->type == &rt_str_type && rt_obj(b)->type == &rt_str_type) {
        StrObject *x = (StrObject *)rt_obj(a), *y = (StrObject *)rt_obj(b);
        return x->size == y->size && memcmp(x->data, y->data, (size_t)x->size) == 0;
    }
    return 0;
}

Value rt_dict_new(void)
{
    DictObject *d = (DictObject *)rt_new_object(&rt_dict_type, sizeof *d);
    if (!d)
        return RT_ERR;
    d->cap = 8;
    d->entries = rt_alloc(8 * sizeof(DictEntry));
    return d->entries ? rt_val(d) : RT_ERR;
}

Value rt_dict_get(Value dict, Value key)
{
    DictObject *d = (DictObject *)rt_obj(dict);
    for (int64_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key && key_eq(d->entries[i].key, key))
            return d->entries[i].value;
    return 0;
}

int rt_dict_set(Value dict, Value key, Value value)
{
    DictObject *d = (DictObject *)rt_obj(dict);
    for (int64_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key && key_eq(d->entries[i].key, key)) {
            d->entries[i].value = value;
            return 0;
        }
    }
    if (d->nentries == d->cap) {
        DictEntry *e = rt_realloc(d->entries, (size_t)d->cap * 2 * sizeof(DictEntry));
        if (!e)
            return -1;
        d->entries = e;
        d->cap *= 2;
    }
    d->entries[d->nentries].hash = 0;
    d->entries[d->nentries].key = key;
    d->entries[d->nentries].value = value;
    d->nentries++;
    d->used++;
    return 0;
}
