/*
 * rt_containers.h - tuple, list, dict, set/frozenset, range, slice and the iterator types,
 * plus the helpers of the generic object protocol (abstract.c) that containers share.
 * Everything beyond the few container entry points of rt.h.
 *
 * Implemented by runtime/src/abstract.c (protocol helpers), tuple.c, list.c, dict.c, set.c,
 * range.c, slice.c, iter.c.
 *
 * Conventions, as in rt.h and rt_str.h:
 *   - Value results are RT_ERR (0) after raising; int results -1;
 *   - an optional argument the caller did not pass is 0 (rt_None is a real argument);
 *   - methods are rt_<type>_<python name>, take `self` of the right type (the binding layer
 *     checks the receiver) and return rt_None where Python returns None.
 */
#ifndef AITHON_RT_CONTAINERS_H
#define AITHON_RT_CONTAINERS_H

#include <stdint.h>

#include "rt.h"

/* ---- protocol helpers (abstract.c) ---- */
/* Py_ReprEnter/Leave: 1 if v is already being repr'd on this thread (print "[...]"),
 * 0 after entering (call rt_repr_leave), -1 on error. */
int rt_repr_enter(Value v);
void rt_repr_leave(Value v);
/* the hash slot of unhashable types (list, dict, set): raises "unhashable type: 'list'" */
int64_t rt_hash_unhashable(Value v);
/* operator.index(v): an exact int, or TypeError "'%T' object cannot be interpreted as an
 * integer" */
Value rt_index(Value v);
int rt_has_index(Value v);                      /* has __index__ (int, bool, ...) */
/* v as a Py_ssize_t-like index: 0 ok; -1 with `overflow_exc` ("cannot fit 'int' into an
 * index-sized integer") or TypeError from rt_index.  overflow_exc NULL = clamp silently
 * (CPython's PyNumber_AsSsize_t(v, NULL)). */
int rt_index_i64(Value v, int64_t *out, Type *overflow_exc);
/* a sequence index `seq[key]` where key must be an int: TypeError "<what> indices must be
 * integers or slices, not str" when it is not */
int rt_seq_index(Value key, const char *what, int64_t *out);
/* a == b with the identity shortcut (PyObject_RichCompareBool EQ); -1 error */
static inline int rt_eq(Value a, Value b)
{
    return a == b ? 1 : rt_richcompare_bool(a, b, RT_EQ);
}
/* is t list/tuple/str/bytes/bytearray (or a subclass): the types `+` concatenates and `*`
 * repeats, used to choose CPython's sequence error messages */
int rt_is_sequence_type(const Type *t);
/* the slot of t or its nearest base that has one (built-in slot inheritance) */
UnaryFn rt_type_iter_slot(const Type *t);
/* is t list, tuple, or a subclass of one that iterates with the base's own __iter__: then
 * iterating a t reads exactly its items array, so the runtime may copy the items directly
 * (CPython's fast paths take exact lists/tuples only; a subclass with its own __iter__ must
 * be iterated) */
int rt_seq_items_plain(const Type *t);
/* generic sequence iterator over anything with getitem (CPython's iter() fallback) */
Value rt_seqiter_new(Value seq);

/* start/stop arguments of index() methods: None or 0 = absent; clamped like slice bounds
 * (negative counts from the end, then 0); -1 on error */
int rt_seq_bounds(Value start, Value stop, int64_t len, int64_t *a, int64_t *b);

/* ---- tuple (tuple.c) ---- */
Value rt_tuple_from_iterable(Value iterable);           /* tuple(x); x returned if a tuple */
Value rt_tuple_pack(int64_t n, ...);                    /* n Values */
Value rt_tuple_getitem(Value t, Value key);             /* int or slice */
Value rt_tuple_slice(Value t, int64_t start, int64_t stop, int64_t step);
Value rt_tuple_count(Value self, Value x);
Value rt_tuple_index(Value self, Value x, Value start, Value stop);
Value rt_tuple_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
static inline int64_t rt_tuple_size(Value t) { return ((TupleObject *)rt_obj(t))->size; }
static inline Value rt_tuple_item(Value t, int64_t i) { return ((TupleObject *)rt_obj(t))->items[i]; }
extern Type rt_tuple_iterator_type;

/* ---- list (list.c) ---- */
Value rt_list_from_iterable(Value iterable);            /* list(x), always a new list */
Value rt_list_getitem(Value l, Value key);              /* int or slice */
int rt_list_setitem(Value l, Value key, Value value);   /* value 0 = delete */
Value rt_list_slice(Value l, int64_t start, int64_t stop, int64_t step);
Value rt_list_append_m(Value self, Value x);            /* list.append (returns None) */
Value rt_list_extend(Value self, Value iterable);
Value rt_list_insert(Value self, Value index, Value x);
Value rt_list_pop(Value self, Value index);             /* index 0 = last */
Value rt_list_remove(Value self, Value x);
Value rt_list_index(Value self, Value x, Value start, Value stop);
Value rt_list_count(Value self, Value x);
Value rt_list_clear(Value self);
Value rt_list_copy(Value self);
Value rt_list_reverse(Value self);
Value rt_list_sort(Value self, Value key, Value reverse);   /* key/reverse 0 = not given */
Value rt_list_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
int rt_list_tp_init(Value self, const Value *args, size_t nargs, Value kwnames);
static inline int64_t rt_list_size(Value l) { return ((ListObject *)rt_obj(l))->size; }
Value rt_list_reversed(Value self);                      /* list.__reversed__ */
extern Type rt_list_iterator_type, rt_list_reverseiterator_type;
/* list iterators (forward and reversed).  Public because generated code steps the forward
 * one inline (codegen.c, iter.next): seq is the list, 0 once exhausted; i the next index. */
typedef struct ListIterObject { Object ob; Value seq; int64_t i; } ListIterObject;
/* rt_next with the list iterator's step inline (zip, enumerate, map, filter, sum over lists) */
static inline Value rt_next_fast(Value it)
{
    if (!rt_is_small(it) && rt_obj(it)->type == &rt_list_iterator_type) {
        ListIterObject *li = (ListIterObject *)rt_obj(it);
        if (!li->seq)
            return RT_ERR;
        ListObject *l = (ListObject *)rt_obj(li->seq);
        if (li->i < l->size)
            return l->items[li->i++];
        li->seq = 0;
        return RT_ERR;
    }
    return rt_next(it);
}
/* the iterators' __length_hint__ (items left) */
Value rt_listiter_length_hint(Value it);
Value rt_listreviter_length_hint(Value it);
Value rt_tupleiter_length_hint(Value it);
Value rt_rangeiter_length_hint(Value it);

/* ---- dict (dict.c) ---- */
/* rt_dict_get of rt.h plus: */
Value rt_dict_get_hashed(Value dict, Value key, int64_t hash);  /* 0 missing, no error set
                                                                   unless __eq__ raised */
int rt_dict_set_hashed(Value dict, Value key, int64_t hash, Value value);
/* key's entry index in entries[] (for caches that revisit it), -1 missing, -2 error */
int64_t rt_dict_find_hashed(Value dict, Value key, int64_t hash);
/* inserts key, known to be absent (not all its keybits set, say), without looking it up */
int rt_dict_insert_new(Value dict, Value key, int64_t hash, Value value);
int rt_dict_contains(Value dict, Value key);
Value rt_dict_getitem(Value dict, Value key);           /* d[key]: KeyError(key) */
int rt_dict_setitem(Value dict, Value key, Value value);   /* value 0 = delete */
/* iteration: *pos starts at 0; 1 with the next live entry, 0 at the end */
int rt_dict_next(Value dict, int64_t *pos, Value *key, Value *value, int64_t *hash);
Value rt_dict_m_get(Value self, Value key, Value dflt);
Value rt_dict_setdefault(Value self, Value key, Value dflt);
Value rt_dict_pop(Value self, Value key, Value dflt);
Value rt_dict_popitem(Value self);
Value rt_dict_keys(Value self);
Value rt_dict_values(Value self);
Value rt_dict_items(Value self);
/* dict.update(other): a dict/mapping (has keys()) or an iterable of pairs */
Value rt_dict_update(Value self, Value other);
int rt_dict_merge(Value dict, Value other, int override);  /* -1 error */
Value rt_dict_fromkeys(Value cls, Value iterable, Value value);
Value rt_dict_copy(Value self);
/* a dict inside another allocation (an instance's: rt_instance_new), its table made for
 * `keys` keys (1..42): the bytes it takes, and its initialisation in zeroed memory */
size_t rt_dict_embedded_size(int64_t keys);
Value rt_dict_embedded_init(void *mem, int64_t keys);
Value rt_dict_clear(Value self);
Value rt_dict_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
int rt_dict_tp_init(Value self, const Value *args, size_t nargs, Value kwnames);
/* reversed(d) / reversed(view): kind 0 keys, 1 values, 2 items */
Value rt_dict_reversed(Value dict_or_view, int kind);
Value rt_dict_view_isdisjoint(Value self, Value other);
static inline int64_t rt_dict_size(Value d) { return ((DictObject *)rt_obj(d))->used; }
extern Type rt_dict_keys_type, rt_dict_values_type, rt_dict_items_type,
    rt_dict_keyiterator_type, rt_dict_valueiterator_type, rt_dict_itemiterator_type,
    rt_dict_reversekeyiterator_type, rt_dict_reversevalueiterator_type,
    rt_dict_reverseitemiterator_type;

/* ---- set and frozenset (set.c) ---- */
Value rt_set_from_iterable(Value iterable);             /* set(x) */
Value rt_frozenset_from_iterable(Value iterable);       /* frozenset(x); 0 = empty */
int rt_set_contains(Value set, Value key);              /* -1 error */
int rt_set_discard_key(Value set, Value key);           /* 1 found, 0 not, -1 error */
/* iteration over the table: *pos starts at 0 */
int rt_set_next(Value set, int64_t *pos, Value *key, int64_t *hash);
int rt_set_update_internal(Value set, Value iterable);  /* -1 error */
Value rt_set_add_m(Value self, Value x);
Value rt_set_discard(Value self, Value x);
Value rt_set_remove(Value self, Value x);
Value rt_set_pop(Value self);
Value rt_set_clear(Value self);
Value rt_set_copy(Value self);
/* the *args methods take (self, args, nargs) */
Value rt_set_update(Value self, const Value *args, size_t nargs);
Value rt_set_union(Value self, const Value *args, size_t nargs);
Value rt_set_intersection(Value self, const Value *args, size_t nargs);
Value rt_set_intersection_update(Value self, const Value *args, size_t nargs);
Value rt_set_difference(Value self, const Value *args, size_t nargs);
Value rt_set_difference_update(Value self, const Value *args, size_t nargs);
Value rt_set_symmetric_difference(Value self, Value other);
Value rt_set_symmetric_difference_update(Value self, Value other);
Value rt_set_issubset(Value self, Value other);
Value rt_set_issuperset(Value self, Value other);
Value rt_set_isdisjoint(Value self, Value other);
Value rt_set_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
int rt_set_tp_init(Value self, const Value *args, size_t nargs, Value kwnames);
Value rt_frozenset_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
static inline int64_t rt_set_size(Value s) { return ((SetObject *)rt_obj(s))->used; }
int rt_is_anyset(Value v);                              /* set, frozenset or a subclass */
extern Type rt_set_iterator_type;

/* ---- range (range.c) ---- */
Value rt_range_new(Value start, Value stop, Value step);   /* ints (checked by __index__) */
Value rt_range_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
Value rt_range_count(Value self, Value x);
Value rt_range_index(Value self, Value x);
Value rt_range_reversed(Value self);
extern Type rt_range_iterator_type, rt_longrange_iterator_type;
/* The int64 range iterator (every value it yields is a small int).  Public because generated
 * code steps it inline (codegen.c, iter.next): `left` values remain; the next is `cur`, after
 * which cur += step unless it was the last. */
typedef struct RangeIterObject { Object ob; int64_t cur, step, left; } RangeIterObject;

/* ---- slice (slice.c) ---- */
/* l[a:b:c] and l[a:b:c] = v of an exact list with no slice object (0 = None): rt_list_getslice
 * returns the new list, rt_list_setslice 0 or -1 (list.c) */
Value rt_list_repeat(Value l, Value n);   /* list * int, an exact list (list.c) */
Value rt_list_repeat_unboxed(Value l, Value n, int64_t kind);   /* into pointer-free items */
int rt_list_append_unboxed(Value l, int64_t bits, int64_t kind);   /* append to those */
/* room for the stop - start appends of a comprehension over range(start, stop) into the new
 * list l of storage kind (0 boxed, 1 bool, 2 int, 3 float); never fails (list.c) */
void rt_list_reserve(Value l, int64_t start, int64_t stop, int64_t kind);
Value rt_list_getslice(Value l, Value start, Value stop, Value step);
int rt_list_setslice(Value l, Value start, Value stop, Value step, Value value);
/* dst[da:db:dc] = src[sa:sb:sc] with no intermediate list (list.c); 0 or -1 */
int rt_list_copyslice(Value dst, Value da, Value db, Value dc, Value src, Value sa, Value sb,
                      Value sc);
Value rt_slice_new(Value start, Value stop, Value step);   /* 0 = None */
/* PySlice_Unpack + PySlice_AdjustIndices: normalised start/stop/step for a sequence of
 * length len; returns the slice length, -1 on error ("slice step cannot be zero") */
int64_t rt_slice_adjust(Value slice, int64_t len, int64_t *start, int64_t *stop,
                        int64_t *step);
/* the same over arbitrary ints: slice.indices(length) for big lengths (range uses it) */
Value rt_slice_indices(Value self, Value length);      /* a 3-tuple */
/* the same as three ints, length >= 0 already an int */
int rt_slice_indices_big(Value slice, Value length, Value *start, Value *stop, Value *step);
Value rt_slice_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);

/* ---- iterators (iter.c) ---- */
Value rt_enumerate_new(Value iterable, Value start);     /* start 0 = 0 */
Value rt_zip_new(const Value *iterables, size_t n, int strict);
/* iter.next whose result generated code only unpacks into n values (codegen.c: `for a, b in
 * zip(...)` / enumerate(...) / d.items()): a zip of n iterators, or when n == 2 an enumerate
 * or a dict item iterator, writes its items into buf (a TupleObject of n items in the caller's frame, which no other code sees)
 * and returns it instead of a new tuple; any other iterator returns rt_next(it).  RT_ERR as
 * rt_next (nothing pending = exhausted). */
Value rt_next_unpack(Value it, TupleObject *buf, int64_t n);
/* a dict item iterator's (forward or reversed) next (key, value) into items[0..2), for
 * rt_next_unpack: 0, or -1 at the end (nothing pending) or after raising */
int rt_dict_items_next_into(Value it, Value *items);
Value rt_map_new(Value func, const Value *iterables, size_t n);
Value rt_filter_new(Value func, Value iterable);         /* func None = truthiness */
Value rt_reversed_new(Value seq);                        /* reversed(seq) */
/* enumerate: it, the iterator of its argument; count, the next index (an int).  Public because
 * the typed tier steps enumerate(list) inline (codegen.c, enum.next/enum.item). */
typedef struct EnumerateObject { Object ob; Value it; Value count; } EnumerateObject;
extern Type rt_enumerate_type, rt_zip_type, rt_map_type, rt_filter_type, rt_reversed_type,
    rt_seqiter_type;

#endif
