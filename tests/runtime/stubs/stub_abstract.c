/* stub_abstract.c - the generic object protocol for the runtime tests while abstract.c does not
 * exist: repr/str through the type slots, iteration over list/tuple and types with an iter
 * slot, and getitem through the getitem slot (KeyError for a missing dict key). */
#include "rt.h"

Value rt_repr(Value v)
{
    Type *t = rt_typeof(v);
    if (t->repr)
        return t->repr(v);
    return rt_raise_fmt(rt_TypeError, "stub: no repr for '%s'", t->name);
}

Value rt_str(Value v)
{
    Type *t = rt_typeof(v);
    return t->str ? t->str(v) : rt_repr(v);
}

typedef struct SeqIter { Object ob; Value seq; int64_t i; } SeqIter;
static Value seqiter_self(Value v) { return v; }
static Value seqiter_next(Value v)
{
    SeqIter *it = (SeqIter *)rt_obj(v);
    if (rt_typeof(it->seq) == &rt_list_type) {
        ListObject *l = (ListObject *)rt_obj(it->seq);
        return it->i < l->size ? l->items[it->i++] : RT_ERR;
    }
    TupleObject *t = (TupleObject *)rt_obj(it->seq);
    return it->i < t->size ? t->items[it->i++] : RT_ERR;
}
static Type seqiter_type = {
    .ob = {&rt_type_type}, .name = "stub_iterator", .base = &rt_object_type,
    .basicsize = sizeof(SeqIter), .iter = seqiter_self, .iternext = seqiter_next,
};

Value rt_iter(Value v)
{
    Type *t = rt_typeof(v);
    if (t == &rt_list_type || t == &rt_tuple_type) {
        SeqIter *it = (SeqIter *)rt_new_object(&seqiter_type, sizeof *it);
        if (!it)
            return RT_ERR;
        it->seq = v;
        return rt_val(it);
    }
    if (t->iter)
        return t->iter(v);
    return rt_raise_fmt(rt_TypeError, "'%s' object is not iterable", t->name);
}

Value rt_next(Value it) { return rt_typeof(it)->iternext(it); }

Value rt_getitem(Value obj, Value key)
{
    Type *t = rt_typeof(obj);
    if (t == &rt_dict_type) {
        Value v = rt_dict_get(obj, key);
        return v ? v : rt_raise(rt_val(rt_KeyError));
    }
    if (t->getitem)
        return t->getitem(obj, key);
    return rt_raise_fmt(rt_TypeError, "'%s' object is not subscriptable", t->name);
}
