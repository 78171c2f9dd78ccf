/*
 * iter.c - the iterator types that are not tied to one container: the sequence iterator
 * (iter() over anything with __getitem__), enumerate, zip, map, filter and reversed.
 *
 * Entry points: rt_seqiter_new, rt_enumerate_new, rt_zip_new, rt_map_new, rt_filter_new,
 * rt_reversed_new and the type objects (rt_containers.h).
 *
 * Invariants: an exhausted iterator drops its reference to what it iterated (field set to 0)
 * and stays exhausted, as CPython's do; iternext returns RT_ERR with no pending exception at
 * the end (rt.h's protocol), never StopIteration.
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"

static Value self_iter(Value v) { return v; }

/* ---- sequence iterator: seq[0], seq[1], ... until IndexError ---------------------------- */

typedef struct SeqIter { Object ob; Value seq; int64_t i; } SeqIter;

Value rt_seqiter_new(Value seq)
{
    SeqIter *it = (SeqIter *)rt_new_object(&rt_seqiter_type, sizeof(SeqIter));
    if (!it)
        return RT_ERR;
    it->seq = seq;
    return rt_val(it);
}

static Value seqiter_next(Value v)
{
    SeqIter *it = (SeqIter *)rt_obj(v);
    if (!it->seq)
        return RT_ERR;
    Value r = rt_getitem(it->seq, rt_int_from_i64(it->i));
    if (r) {
        it->i++;
        return r;
    }
    Value e = rt_exc_pending();
    if (rt_issubtype(rt_typeof(e), rt_IndexError) ||
        rt_issubtype(rt_typeof(e), rt_StopIteration)) {
        rt_exc_fetch();
        it->seq = 0;
    }
    return RT_ERR;
}

Type rt_seqiter_type = {
    .ob = {&rt_type_type}, .name = "iterator", .base = &rt_object_type,
    .basicsize = sizeof(SeqIter), .iter = self_iter, .iternext = seqiter_next,
};
