/*
 * dict.c - the dict type: an ordered compact hash table as CPython's (an index table of
 * int8/16/32/64 slots pointing into a dense array of entries kept in insertion order), its
 * methods, views (keys/values/items, with set operations on keys and items) and iterators.
 *
 * Entry points: rt_dict_new rt_dict_get rt_dict_set rt_dict_del (rt.h), rt_dict_* of
 * rt_containers.h, rt_dict_type and the view and iterator types.
 *
 * Invariants:
 *   - mask + 1 (the index table size) is a power of two >= 8; cap, at most 2/3 of it (2/3
 *     but for tables embedded in an instance's block, rt_dict_embedded_init), is the number
 *     of entries the table can hold before it is rebuilt; nentries <= cap;
 *   - index slots hold -1 (empty), -2 (deleted: probing continues past it) or an entry index;
 *   - a deleted entry has key 0 and stays in place until the next rebuild, so iteration
 *     order is insertion order; used counts live entries;
 *   - probing is CPython's: i = hash & mask, then i = 5*i + perturb + 1 with perturb >>= 5,
 *     which visits every slot and mixes the hash's high bits in for colliding keys;
 *   - version changes on every mutation; a lookup that ran __eq__ restarts when the table or
 *     the entry it compared changed underneath it;
 *   - layout takes a fresh program-wide tag (layout_renew) whenever an entry is added or
 *     deleted or the table is reallocated: table_alloc, rt_dict_insert_new, del_entry and
 *     rt_dict_clear are the only places that change those, so a value replacement keeps it.
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"
#include "rt_class.h"
#include "rt_str.h"

#define EMPTY (-1)
#define DUMMY (-2)
#define MINSIZE 8
#define PERTURB_SHIFT 5

static inline DictObject *D(Value v) { return (DictObject *)rt_obj(v); }

/* the last layout tag handed out (64 bits: never wraps in practice) */
static uint64_t layout_counter;
static inline void layout_renew(DictObject *d) { d->layout = ++layout_counter; }
static inline int is_dict(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_DICT_SUBCLASS);
}

/* ---- the index table: slot width by table size ------------------------------------------- */

static inline int64_t ix_get(const DictObject *d, int64_t i)
{
    int64_t size = d->mask + 1;
    if (size <= 128)
        return ((const int8_t *)d->indices)[i];
    if (size <= 0x8000)
        return ((const int16_t *)d->indices)[i];
    if (size <= INT64_C(0x80000000))
        return ((const int32_t *)d->indices)[i];
    return ((const int64_t *)d->indices)[i];
}

static inline void ix_set(DictObject *d, int64_t i, int64_t ix)
{
    int64_t size = d->mask + 1;
    if (size <= 128)
        ((int8_t *)d->indices)[i] = (int8_t)ix;
    else if (size <= 0x8000)
        ((int16_t *)d->indices)[i] = (int16_t)ix;
    else if (size <= INT64_C(0x80000000))
        ((int32_t *)d->indices)[i] = (int32_t)ix;
    else
        ((int64_t *)d->indices)[i] = ix;
}

static size_t ix_width(int64_t size)
{
    return size <= 128 ? 1 : size <= 0x8000 ? 2 : size <= INT64_C(0x80000000) ? 4 : 8;
}

/* a fresh table of `size` slots (power of two) with no entries */
static int table_alloc(DictObject *d, int64_t size)
{
    if (size > (INT64_C(1) << 56)) {
        rt_raise_memory_error();
        return -1;
    }
    int64_t cap = size * 2 / 3;
    void *ix;
    DictEntry *e;
    if (size <= 128) {
        /* small tables (instance dicts) in one block: the byte-wide index after the entries
         * (bytes of -1 and small numbers never look like a heap address to the collector) */
        if (!(e = rt_alloc((size_t)cap * sizeof(DictEntry) + (size_t)size)))
            return -1;
        ix = e + cap;
    } else {
        /* the index table holds no pointers: the collector need not scan it */
        ix = rt_alloc_atomic((size_t)size * ix_width(size));
        e = rt_alloc((size_t)cap * sizeof(DictEntry));
        if (!ix || !e)
            return -1;
    }
    memset(ix, 0xff, (size_t)size * ix_width(size));   /* all -1 at any width */
    d->indices = ix;
    d->entries = e;
    layout_renew(d);
    d->mask = size - 1;
    d->cap = cap;
    d->nentries = 0;
    return 0;
}

/* the first empty slot for hash (insertion into a table with no deleted slots in the way
 * matters not: new keys may take an empty slot; deleted ones are only reclaimed by rebuild) */
static int64_t find_empty_slot(const DictObject *d, int64_t hash)
{
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (ix_get(d, (int64_t)i) != EMPTY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (int64_t)i;
}

/* A table embedded in its instance's block (rt_dict_embedded_init: the entries right after
 * the header; a table of its own never starts there, inside the dict's own block) stays part
 * of that block when the dict leaves it, and the collector would keep scanning its entries:
 * they are cleared, or values replaced since would live as long as the instance. */
static void leave_embedded(DictObject *d, DictEntry *old, int64_t n)
{
    if (old == (DictEntry *)(d + 1))
        memset(old, 0, (size_t)n * sizeof(DictEntry));
}

/* rebuilds the table to hold at least `need` entries, compacting deleted ones away */
static int dict_resize(DictObject *d, int64_t need)
{
    int64_t size = MINSIZE;
    while (size * 2 / 3 < need)
        size <<= 1;
    DictEntry *old = d->entries;
    int64_t n = d->nentries;
    if (table_alloc(d, size) < 0)
        return -1;
    int64_t k = 0;
    for (int64_t i = 0; i < n; i++) {
        if (!old[i].key)
            continue;
        d->entries[k] = old[i];
        ix_set(d, find_empty_slot(d, old[i].hash), k);
        k++;
    }
    d->nentries = k;
    leave_embedded(d, old, n);
    return 0;
}

/* ---- lookup ----------------------------------------------------------------------------- */

/* the entry index of key, -1 when missing, -2 on error; *slot gets the index-table slot */
static int64_t lookup(DictObject *d, Value key, int64_t hash, int64_t *slot)
{
restart:;
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = ix_get(d, (int64_t)i);
        if (ix == EMPTY)
            return -1;
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->key == key) {
                if (slot)
                    *slot = (int64_t)i;
                return ix;
            }
            if (e->hash == hash) {
                Value startkey = e->key;
                DictEntry *entries = d->entries;
                int c = rt_richcompare_bool(startkey, key, RT_EQ);
                if (c < 0)
                    return -2;
                /* __eq__ may have changed the dict: start again on the new state */
                if (entries != d->entries || d->entries[ix].key != startkey)
                    goto restart;
                if (c) {
                    if (slot)
                        *slot = (int64_t)i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* lookup's common cases without its frame: the key found by identity (interned names,
 * small ints) or missing.  -3 when an entry with an equal hash but another key object needs
 * __eq__: then lookup decides. */
static inline int is_exact_str(Value v)
{
    return !rt_is_small(v) && rt_obj(v)->type == &rt_str_type;
}

/* Two exact strs with the same hash: equal iff the same bytes.  Exact str's __eq__ runs no
 * Python code, so no restart check is needed; two interned strings are equal only when they
 * are the same object. */
static int __attribute__((noinline)) str_key_eq(Value a, Value b)
{
    const StrObject *x = (const StrObject *)rt_obj(a), *y = (const StrObject *)rt_obj(b);
    if (x->size != y->size || (x->state & y->state & RT_STR_INTERNED))
        return 0;
    return rt_str_bytes_eq(x->data, y->data, x->size);
}

static inline __attribute__((always_inline)) int64_t lookup_identity(const DictObject *d, Value key,
                                                                    int64_t hash)
{
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    int key_str = is_exact_str(key);
    for (;;) {
        int64_t ix = ix_get(d, (int64_t)i);
        if (ix == EMPTY)
            return -1;
        if (ix >= 0) {
            const DictEntry *e = &d->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash) {
                /* an equal str found by content (a word split out of a text, a slice): no
                 * generic comparison call */
                if (!key_str || !is_exact_str(e->key))
                    return -3;
                if (str_key_eq(e->key, key))
                    return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value rt_dict_get_hashed(Value dict, Value key, int64_t hash)
{
    DictObject *d = D(dict);
    if (!d->indices)
        return 0;
    int64_t ix = lookup_identity(d, key, hash);
    if (ix == -3)
        ix = lookup(d, key, hash, NULL);
    return ix >= 0 ? d->entries[ix].value : 0;
}

int64_t rt_dict_find_hashed(Value dict, Value key, int64_t hash)
{
    DictObject *d = D(dict);
    if (!d->indices)
        return -1;
    int64_t ix = lookup_identity(d, key, hash);
    return ix == -3 ? lookup(d, key, hash, NULL) : ix;
}

/* rt_hash, with an exact str's cached hash read here */
static inline int64_t key_hash(Value key)
{
    if (!rt_is_small(key) && rt_obj(key)->type == &rt_str_type) {
        int64_t h = ((StrObject *)rt_obj(key))->hash;
        if (h != -1)
            return h;
    }
    return rt_hash(key);
}

Value rt_dict_get(Value dict, Value key)
{
    int64_t h = key_hash(key);
    if (h == -1)
        return 0;
    return rt_dict_get_hashed(dict, key, h);
}

static Value raise_key_error(Value key)
{
    Value e = rt_exc_new(rt_KeyError, &key, 1);
    return e ? rt_raise(e) : RT_ERR;
}

Value rt_dict_getitem(Value dict, Value key)
{
    int64_t h = rt_hash(key);
    if (h == -1)
        return RT_ERR;
    Value v = rt_dict_get_hashed(dict, key, h);
    if (v || rt_exc_pending())
        return v;
    return raise_key_error(key);
}

int rt_dict_contains(Value dict, Value key)
{
    int64_t h = rt_hash(key);
    if (h == -1)
        return -1;
    DictObject *d = D(dict);
    if (!d->indices)
        return 0;
    int64_t ix = lookup_identity(d, key, h);
    if (ix == -3)
        ix = lookup(d, key, h, NULL);
    return ix == -2 ? -1 : ix >= 0;
}

/* ---- insertion and deletion ------------------------------------------------------------- */

int rt_dict_set_hashed(Value dict, Value key, int64_t hash, Value value)
{
    DictObject *d = D(dict);
    if (!d->indices && table_alloc(d, MINSIZE) < 0)
        return -1;
    int64_t ix = lookup_identity(d, key, hash);
    if (ix == -3)
        ix = lookup(d, key, hash, NULL);
    if (ix == -2)
        return -1;
    if (ix >= 0) {
        /* an existing key keeps its first key object and its place */
        d->entries[ix].value = value;
        d->version++;
        return 0;
    }
    return rt_dict_insert_new(dict, key, hash, value);
}

int rt_dict_insert_new(Value dict, Value key, int64_t hash, Value value)
{
    DictObject *d = D(dict);
    if (!d->indices && table_alloc(d, MINSIZE) < 0)
        return -1;
    if (d->nentries == d->cap && dict_resize(d, d->used * 3 > MINSIZE ? d->used * 3 : 5) < 0)
        return -1;
    int64_t n = d->nentries++;
    d->keybits |= rt_keybits(hash);
    d->entries[n].hash = hash;
    d->entries[n].key = key;
    d->entries[n].value = value;
    ix_set(d, find_empty_slot(d, hash), n);
    d->used++;
    d->version++;
    layout_renew(d);
    return 0;
}

int rt_dict_set(Value dict, Value key, Value value)
{
    int64_t h = rt_hash(key);
    if (h == -1)
        return -1;
    return rt_dict_set_hashed(dict, key, h, value);
}

/* removes entry ix found at index slot `slot` */
static void del_entry(DictObject *d, int64_t slot, int64_t ix)
{
    ix_set(d, slot, DUMMY);
    d->entries[ix].key = 0;
    d->entries[ix].value = 0;
    d->used--;
    d->version++;
    layout_renew(d);
}

/* pops key: its value, 0 when missing (nothing raised), RT_ERR... distinguished by *err */
static Value pop_hashed(DictObject *d, Value key, int64_t hash, int *err)
{
    *err = 0;
    if (!d->indices || d->used == 0)
        return 0;
    int64_t slot;
    int64_t ix = lookup(d, key, hash, &slot);
    if (ix == -2) {
        *err = 1;
        return 0;
    }
    if (ix < 0)
        return 0;
    Value v = d->entries[ix].value;
    del_entry(d, slot, ix);
    return v;
}

int rt_dict_del(Value dict, Value key)
{
    int64_t h = rt_hash(key);
    if (h == -1)
        return -1;
    int err;
    Value v = pop_hashed(D(dict), key, h, &err);
    if (err)
        return -1;
    if (!v) {
        raise_key_error(key);
        return -1;
    }
    return 0;
}

int rt_dict_setitem(Value dict, Value key, Value value)
{
    return value ? rt_dict_set(dict, key, value) : rt_dict_del(dict, key);
}

int rt_dict_next(Value dict, int64_t *pos, Value *key, Value *value, int64_t *hash)
{
    DictObject *d = D(dict);
    int64_t i = *pos;
    while (i < d->nentries && !d->entries[i].key)
        i++;
    if (i >= d->nentries)
        return 0;
    if (key)
        *key = d->entries[i].key;
    if (value)
        *value = d->entries[i].value;
    if (hash)
        *hash = d->entries[i].hash;
    *pos = i + 1;
    return 1;
}

/* ---- construction, copy, merge ------------------------------------------------------------ */

static DictObject *dict_alloc(Type *t)
{
    return (DictObject *)rt_new_object_inline(t, t->basicsize);
}

Value rt_dict_new(void)
{
    DictObject *d = dict_alloc(&rt_dict_type);
    return d ? rt_val(d) : RT_ERR;
}

/* ---- instance dicts embedded in their instance's block (rt_instance_new) -----------------
 * An instance whose class has seen its instances hold k attributes gets its dict in the same
 * allocation, right after the instance, with a table made for exactly k keys: entries for k
 * (cap = k, below the table's 2/3: it is rebuilt, out of the block, at the k+1th key) and the
 * byte-wide index after them, as table_alloc lays small tables out.  One allocation instead of
 * three (instance, dict, table; rt_dict_new and table_alloc at the first setattr) and, for
 * three attributes, 192 bytes instead of 272.  The dict is an interior pointer of the block:
 * the collector recognises those (GC_all_interior_pointers, Boehm's default), so a dict that
 * outlives its instance (`d = obj.__dict__`) keeps the block alive. */

/* The index is sparse, a third full at most (as a table just rebuilt by dict_resize, which
 * makes room for 3 * used): it costs a byte a slot, and a dense one makes every probe for a
 * missing name longer (the method-call shadow test, when the keybits filter lets the name
 * through: richards spent 2% more with 2/3-full embedded tables). */
static int64_t embedded_index_size(int64_t keys)
{
    int64_t size = MINSIZE;
    while (size < keys * 3)
        size <<= 1;
    return size;
}

size_t rt_dict_embedded_size(int64_t keys)
{
    return sizeof(DictObject) + (size_t)keys * sizeof(DictEntry) +
           (size_t)embedded_index_size(keys);
}

Value rt_dict_embedded_init(void *mem, int64_t keys)
{
    /* mem is zeroed (rt_alloc): counts, version and keybits start at 0 */
    DictObject *d = mem;
    int64_t size = embedded_index_size(keys);
    d->ob.type = &rt_dict_type;
    d->entries = (DictEntry *)(d + 1);
    d->indices = d->entries + keys;
    /* int8 slots (size <= 128), all empty; size is a multiple of 8 and the slots start
     * 8-aligned (after the 24-byte entries), so by words without a memset call */
    for (int64_t i = 0; i < size; i += 8)
        *(uint64_t *)((char *)d->indices + i) = ~UINT64_C(0);
    d->mask = size - 1;
    d->cap = keys;
    layout_renew(d);
    return rt_val(d);
}

Value rt_dict_copy(Value self)
{
    Value r = rt_dict_new();
    if (!r || rt_dict_merge(r, self, 1) < 0)
        return RT_ERR;
    return r;
}

/* an iterable of pairs (PyDict_MergeFromSeq2) */
static int merge_pairs(Value dict, Value seq, int override)
{
    Value it = rt_iter(seq);
    if (!it)
        return -1;
    for (int64_t n = 0;; n++) {
        Value item = rt_next(it);
        if (!item)
            return rt_exc_pending() ? -1 : 0;
        Type *t = rt_typeof(item);
        Value k, v;
        int64_t len;
        if (t->flags & RT_TPFLAG_TUPLE_SUBCLASS) {
            len = rt_tuple_size(item);
            if (len == 2) {
                k = rt_tuple_item(item, 0);
                v = rt_tuple_item(item, 1);
            }
        } else {
            if (!(t->flags & RT_TPFLAG_LIST_SUBCLASS) && !rt_type_iter_slot(t) && !t->getitem) {
                rt_raise_fmt(rt_TypeError,
                             "cannot convert dictionary update sequence element #%lld to a "
                             "sequence", (long long)n);
                return -1;
            }
            Value l = rt_list_from_iterable(item);
            if (!l)
                return -1;
            len = rt_list_size(l);
            if (len == 2) {
                k = ((ListObject *)rt_obj(l))->items[0];
                v = ((ListObject *)rt_obj(l))->items[1];
            }
        }
        if (len != 2) {
            rt_raise_fmt(rt_ValueError,
                         "dictionary update sequence element #%lld has length %lld; 2 is "
                         "required", (long long)n, (long long)len);
            return -1;
        }
        if (!override) {
            int c = rt_dict_contains(dict, k);
            if (c < 0)
                return -1;
            if (c)
                continue;
        }
        if (rt_dict_set(dict, k, v) < 0)
            return -1;
    }
}

int rt_dict_merge(Value dict, Value other, int override)
{
    /* a class's __dict__ (mappingproxy) merges as the dict it shows */
    if (!rt_is_small(other) && rt_obj(other)->type == &rt_mappingproxy_type)
        other = rt_mappingproxy_mapping(other);
    if (is_dict(other)) {
        if (other == dict)
            return 0;
        DictObject *o = D(other);
        DictObject *d = D(dict);
        /* one rebuild up front instead of several while inserting */
        if (d->used == 0 && o->used && dict_resize(d, o->used) < 0)
            return -1;
        uint64_t ver = o->version;
        int64_t used = o->used;
        for (int64_t i = 0; i < o->nentries; i++) {
            DictEntry e = o->entries[i];
            if (!e.key)
                continue;
            if (!override) {
                Value have = rt_dict_get_hashed(dict, e.key, e.hash);
                if (have)
                    continue;
                if (rt_exc_pending())
                    return -1;
            }
            if (rt_dict_set_hashed(dict, e.key, e.hash, e.value) < 0)
                return -1;
            if (o->used != used || (o->version != ver && other == dict)) {
                rt_raise_str(rt_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* mappings other than dict (objects with keys()) need attribute lookup: they are taken
     * as iterables of pairs here, which rt_dict_update's callers refine */
    return merge_pairs(dict, other, override);
}

Value rt_dict_update(Value self, Value other)
{
    return rt_dict_merge(self, other, 1) < 0 ? RT_ERR : rt_None;
}

Value rt_dict_fromkeys(Value cls, Value iterable, Value value)
{
    if (!value)
        value = rt_None;
    Value d;
    if (cls == rt_val(&rt_dict_type))
        d = rt_dict_new();
    else
        d = rt_call(cls, NULL, 0, 0);
    if (!d)
        return RT_ERR;
    Value it = rt_iter(iterable);
    if (!it)
        return RT_ERR;
    for (;;) {
        Value k = rt_next(it);
        if (!k)
            return rt_exc_pending() ? RT_ERR : d;
        if ((is_dict(d) ? rt_dict_set(d, k, value) : rt_setitem(d, k, value)) < 0)
            return RT_ERR;
    }
}

Value rt_dict_clear(Value self)
{
    DictObject *d = D(self);
    leave_embedded(d, d->entries, d->nentries);
    d->indices = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->cap = d->mask = 0;
    d->keybits = 0;
    d->version++;
    layout_renew(d);
    return rt_None;
}

/* ---- methods ------------------------------------------------------------------------------ */

Value rt_dict_m_get(Value self, Value key, Value dflt)
{
    Value v = rt_dict_get(self, key);
    if (v || rt_exc_pending())
        return v;
    return dflt ? dflt : rt_None;
}

Value rt_dict_setdefault(Value self, Value key, Value dflt)
{
    int64_t h = rt_hash(key);
    if (h == -1)
        return RT_ERR;
    Value v = rt_dict_get_hashed(self, key, h);
    if (v || rt_exc_pending())
        return v;
    if (!dflt)
        dflt = rt_None;
    return rt_dict_set_hashed(self, key, h, dflt) < 0 ? RT_ERR : dflt;
}

Value rt_dict_pop(Value self, Value key, Value dflt)
{
    int64_t h = rt_hash(key);
    if (h == -1)
        return RT_ERR;
    int err;
    Value v = pop_hashed(D(self), key, h, &err);
    if (err)
        return RT_ERR;
    if (v)
        return v;
    return dflt ? dflt : raise_key_error(key);
}

Value rt_dict_popitem(Value self)
{
    DictObject *d = D(self);
    if (d->used == 0) {
        Value msg = rt_str_from_cstr("popitem(): dictionary is empty");
        return msg ? raise_key_error(msg) : RT_ERR;
    }
    int64_t i = d->nentries - 1;
    while (!d->entries[i].key)
        i--;
    DictEntry e = d->entries[i];
    Value t = rt_tuple_pack(2, e.key, e.value);
    if (!t)
        return RT_ERR;
    /* find the entry's index slot to mark it deleted */
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)e.hash;
    uint64_t s = (uint64_t)e.hash & mask;
    while (ix_get(d, (int64_t)s) != i) {
        perturb >>= PERTURB_SHIFT;
        s = (s * 5 + perturb + 1) & mask;
    }
    del_entry(d, (int64_t)s, i);
    /* The entry stays consumed (nentries unchanged), like an entry removed by `del`: handing
     * it back would let repeated popitem/insert cycles fill the index table with deleted
     * markers without ever reaching the resize at nentries == cap, and a lookup of a missing
     * key would then probe forever (CPython keeps a separate usable count for the same
     * reason).  Iteration order is unaffected: live entries stay in insertion order. */
    return t;
}

/* dict(...) / dict.__init__: one positional mapping or iterable of pairs, then keywords */
Value rt_dict_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    DictObject *d = dict_alloc(type);
    return d ? rt_val(d) : RT_ERR;
}

int rt_dict_tp_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs > 1) {
        rt_raise_fmt(rt_TypeError, "dict expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    if (nargs && rt_dict_merge(self, args[0], 1) < 0)
        return -1;
    int64_t nk = kwnames ? rt_tuple_size(kwnames) : 0;
    for (int64_t i = 0; i < nk; i++)
        if (rt_dict_set(self, rt_tuple_item(kwnames, i), args[nargs + (size_t)i]) < 0)
            return -1;
    return 0;
}

/* ---- slots ---------------------------------------------------------------------------------- */

static int64_t dict_len(Value v) { return D(v)->used; }

static int dict_contains_slot(Value d, Value k) { return rt_dict_contains(d, k); }

static Value dict_repr(Value v)
{
    DictObject *d = D(v);
    if (d->used == 0)
        return rt_str_from_cstr("{}");
    int st = rt_repr_enter(v);
    if (st != 0)
        return st > 0 ? rt_str_from_cstr("{...}") : RT_ERR;
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_addc(&b, '{');
    int first = 1;
    for (int64_t i = 0; i < d->nentries; i++) {
        DictEntry e = d->entries[i];
        if (!e.key)
            continue;
        Value kr = rt_repr(e.key);
        Value vr = kr ? rt_repr(e.value) : RT_ERR;
        if (!vr) {
            rt_repr_leave(v);
            return RT_ERR;
        }
        if (!first)
            rt_sb_adds(&b, ", ");
        first = 0;
        rt_sb_add(&b, rt_str_bytes(kr), rt_str_nbytes(kr));
        rt_sb_adds(&b, ": ");
        rt_sb_add(&b, rt_str_bytes(vr), rt_str_nbytes(vr));
    }
    rt_sb_addc(&b, '}');
    rt_repr_leave(v);
    return rt_sb_finish(&b);
}

static int dict_equal(DictObject *a, DictObject *b)
{
    if (a->used != b->used)
        return 0;
    for (int64_t i = 0; i < a->nentries; i++) {
        DictEntry e = a->entries[i];
        if (!e.key)
            continue;
        Value bv = b->indices ? rt_dict_get_hashed(rt_val(b), e.key, e.hash) : 0;
        if (!bv)
            return rt_exc_pending() ? -1 : 0;
        int c = rt_eq(e.value, bv);
        if (c <= 0)
            return c;
    }
    return 1;
}

static Value dict_richcompare(Value a, Value b, int op)
{
    if (!is_dict(a) || !is_dict(b) || (op != RT_EQ && op != RT_NE))
        return rt_NotImplemented;
    int c = dict_equal(D(a), D(b));
    if (c < 0)
        return RT_ERR;
    return rt_bool(op == RT_EQ ? c : !c);
}

static Value dict_or(Value a, Value b)
{
    if (!is_dict(a) || !is_dict(b))
        return rt_NotImplemented;
    Value r = rt_dict_copy(a);
    if (!r || rt_dict_merge(r, b, 1) < 0)
        return RT_ERR;
    return r;
}

static Value dict_ior(Value a, Value b)
{
    if (!is_dict(a))
        return rt_NotImplemented;
    return rt_dict_merge(a, b, 1) < 0 ? RT_ERR : a;
}

/* d[k]: a missing key goes to type(d).__missing__(d, k) when a subclass defines it */
static Value dict_getitem_slot(Value d, Value k)
{
    if (rt_obj(d)->type == &rt_dict_type)
        return rt_dict_getitem(d, k);
    int64_t h = rt_hash(k);
    if (h == -1)
        return RT_ERR;
    Value v = rt_dict_get_hashed(d, k, h);
    if (v || rt_exc_pending())
        return v;
    int found;
    Value r = rt_call_special(d, "__missing__", &k, 1, &found);
    if (found || rt_exc_pending())
        return r;
    return raise_key_error(k);
}

/* ---- iterators ------------------------------------------------------------------------------ */

enum { IT_KEYS, IT_VALUES, IT_ITEMS };

typedef struct DictIter {
    Object ob;
    Value dict;         /* 0 once exhausted */
    int64_t pos;        /* next entry to look at (reversed: the one below it) */
    int64_t used;       /* the size the dict had when iteration began; -1 = error is sticky */
    int64_t len;        /* items still expected */
    int kind;
    int reversed;
} DictIter;

static Value dictiter_new(Type *t, Value dict, int kind, int reversed)
{
    DictIter *it = (DictIter *)rt_new_object(t, sizeof(DictIter));
    if (!it)
        return RT_ERR;
    it->dict = dict;
    it->used = it->len = D(dict)->used;
    it->kind = kind;
    it->reversed = reversed;
    it->pos = reversed ? D(dict)->nentries - 1 : 0;
    return rt_val(it);
}

/* the next entry of it into *out: 1, or 0 at the end (nothing pending), -1 after raising */
static int dictiter_step(DictIter *it, DictEntry *out)
{
    if (!it->dict)
        return 0;
    DictObject *d = D(it->dict);
    if (it->used != d->used) {
        it->used = -1;   /* keep failing */
        rt_raise_str(rt_RuntimeError, "dictionary changed size during iteration");
        return -1;
    }
    int64_t i = it->pos;
    if (it->reversed) {
        while (i >= 0 && i < d->nentries && !d->entries[i].key)
            i--;
        if (i < 0 || i >= d->nentries) {
            it->dict = 0;
            return 0;
        }
        it->pos = i - 1;
    } else {
        while (i < d->nentries && !d->entries[i].key)
            i++;
        if (i >= d->nentries) {
            it->dict = 0;
            return 0;
        }
        it->pos = i + 1;
    }
    if (it->len == 0) {
        /* more entries than the dict had: keys were deleted and others added */
        it->len = -1;
        rt_raise_str(rt_RuntimeError, "dictionary keys changed during iteration");
        return -1;
    }
    it->len--;
    *out = d->entries[i];
    return 1;
}

static Value dictiter_next(Value v)
{
    DictIter *it = (DictIter *)rt_obj(v);
    DictEntry e;
    if (dictiter_step(it, &e) <= 0)
        return RT_ERR;
    if (it->kind == IT_KEYS)
        return e.key;
    if (it->kind == IT_VALUES)
        return e.value;
    Value r = rt_tuple_new(2);
    if (r) {
        ((TupleObject *)rt_obj(r))->items[0] = e.key;
        ((TupleObject *)rt_obj(r))->items[1] = e.value;
    }
    return r;
}

int rt_dict_items_next_into(Value v, Value *items)
{
    DictEntry e;
    if (dictiter_step((DictIter *)rt_obj(v), &e) <= 0)
        return -1;
    items[0] = e.key;
    items[1] = e.value;
    return 0;
}

static Value self_iter(Value v) { return v; }

#define ITER_TYPE(var, tname)                                                                \
    Type var = {                                                                             \
        .ob = {&rt_type_type}, .name = tname, .base = &rt_object_type,                       \
        .basicsize = sizeof(DictIter), .iter = self_iter, .iternext = dictiter_next,         \
    };
ITER_TYPE(rt_dict_keyiterator_type, "dict_keyiterator")
ITER_TYPE(rt_dict_valueiterator_type, "dict_valueiterator")
ITER_TYPE(rt_dict_itemiterator_type, "dict_itemiterator")
ITER_TYPE(rt_dict_reversekeyiterator_type, "dict_reversekeyiterator")
ITER_TYPE(rt_dict_reversevalueiterator_type, "dict_reversevalueiterator")
ITER_TYPE(rt_dict_reverseitemiterator_type, "dict_reverseitemiterator")

static Value dict_iter(Value d) { return dictiter_new(&rt_dict_keyiterator_type, d, IT_KEYS, 0); }

/* ---- views ------------------------------------------------------------------------------------ */

typedef struct DictView { Object ob; Value dict; } DictView;

static Value view_new(Type *t, Value dict)
{
    DictView *v = (DictView *)rt_new_object(t, sizeof(DictView));
    if (!v)
        return RT_ERR;
    v->dict = dict;
    return rt_val(v);
}

Value rt_dict_keys(Value self) { return view_new(&rt_dict_keys_type, self); }
Value rt_dict_values(Value self) { return view_new(&rt_dict_values_type, self); }
Value rt_dict_items(Value self) { return view_new(&rt_dict_items_type, self); }

static inline Value VD(Value v) { return ((DictView *)rt_obj(v))->dict; }
static int is_keys(Value v) { return !rt_is_small(v) && rt_obj(v)->type == &rt_dict_keys_type; }
static int is_items(Value v) { return !rt_is_small(v) && rt_obj(v)->type == &rt_dict_items_type; }
static int is_setview(Value v) { return is_keys(v) || is_items(v); }

static int64_t view_len(Value v) { return D(VD(v))->used; }

static Value keys_iter(Value v) { return dictiter_new(&rt_dict_keyiterator_type, VD(v), IT_KEYS, 0); }
static Value values_iter(Value v)
{
    return dictiter_new(&rt_dict_valueiterator_type, VD(v), IT_VALUES, 0);
}
static Value items_iter(Value v)
{
    return dictiter_new(&rt_dict_itemiterator_type, VD(v), IT_ITEMS, 0);
}

/* reversed(d), reversed(d.keys()) ... */
Value rt_dict_reversed(Value obj, int kind)
{
    static Type *const types[] = {&rt_dict_reversekeyiterator_type,
                                  &rt_dict_reversevalueiterator_type,
                                  &rt_dict_reverseitemiterator_type};
    Value d = is_dict(obj) ? obj : VD(obj);
    return dictiter_new(types[kind], d, kind, 1);
}

static int keys_contains(Value v, Value k) { return rt_dict_contains(VD(v), k); }

static int items_contains(Value v, Value item)
{
    if (!(rt_typeof(item)->flags & RT_TPFLAG_TUPLE_SUBCLASS) || rt_tuple_size(item) != 2)
        return 0;
    Value got = rt_dict_get(VD(v), rt_tuple_item(item, 0));
    if (!got)
        return rt_exc_pending() ? -1 : 0;
    return rt_eq(got, rt_tuple_item(item, 1));
}

/* "dict_keys([1, 2])": the name, then the repr of list(view) */
static Value view_repr(Value v)
{
    int st = rt_repr_enter(v);
    if (st != 0)
        return st > 0 ? rt_str_from_cstr("...") : RT_ERR;
    Value l = rt_list_from_iterable(v);
    Value r = l ? rt_repr(l) : RT_ERR;
    rt_repr_leave(v);
    if (!r)
        return RT_ERR;
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_adds(&b, rt_typeof(v)->name);
    rt_sb_addc(&b, '(');
    rt_sb_add(&b, rt_str_bytes(r), rt_str_nbytes(r));
    rt_sb_addc(&b, ')');
    return rt_sb_finish(&b);
}

/* set(view), with the keys of an exact dict taken straight from its table */
static Value view_to_set(Value v)
{
    if (is_keys(v) && rt_typeof(VD(v)) == &rt_dict_type)
        v = VD(v);
    return rt_set_from_iterable(v);
}

static int all_contained_in(Value a, Value b)
{
    Value it = rt_iter(a);
    if (!it)
        return -1;
    for (;;) {
        Value x = rt_next(it);
        if (!x)
            return rt_exc_pending() ? -1 : 1;
        int c = rt_contains(b, x);
        if (c <= 0)
            return c;
    }
}

static Value view_richcompare(Value a, Value b, int op)
{
    if (!is_setview(a) || !(rt_is_anyset(b) || is_setview(b)))
        return rt_NotImplemented;
    int64_t la = rt_len(a), lb = rt_len(b);
    if (lb < 0)
        return RT_ERR;
    int ok;
    switch (op) {
    case RT_EQ: case RT_NE:
        ok = la == lb ? all_contained_in(a, b) : 0;
        if (ok >= 0 && op == RT_NE)
            ok = !ok;
        break;
    case RT_LT: ok = la < lb ? all_contained_in(a, b) : 0; break;
    case RT_LE: ok = la <= lb ? all_contained_in(a, b) : 0; break;
    case RT_GT: ok = la > lb ? all_contained_in(b, a) : 0; break;
    default: ok = la >= lb ? all_contained_in(b, a) : 0; break;
    }
    return ok < 0 ? RT_ERR : rt_bool(ok);
}

/* the set operators of keys and items views; either operand may be the view (a reflected
 * call keeps the original order, as CPython's nb slots receive it) */
static Value view_and(Value a, Value b)
{
    if (!is_setview(a)) {
        Value t = a;
        a = b;
        b = t;
    }
    int64_t la = rt_len(a);
    if (rt_typeof(b) == &rt_set_type && la <= rt_set_size(b))
        return rt_set_intersection(b, &a, 1);
    if (is_setview(b) && rt_len(b) > la) {
        Value t = a;
        a = b;
        b = t;
    }
    Value r = rt_set_new();
    Value it = r ? rt_iter(b) : RT_ERR;
    if (!it)
        return RT_ERR;
    for (;;) {
        Value x = rt_next(it);
        if (!x)
            return rt_exc_pending() ? RT_ERR : r;
        int c = is_keys(a) ? keys_contains(a, x) : items_contains(a, x);
        if (c < 0 || (c && rt_set_add(r, x) < 0))
            return RT_ERR;
    }
}

static Value view_or(Value a, Value b)
{
    Value r = view_to_set(a);
    if (!r || rt_set_update_internal(r, b) < 0)
        return RT_ERR;
    return r;
}

static Value view_sub(Value a, Value b)
{
    Value r = view_to_set(a);
    if (!r || !rt_set_difference_update(r, &b, 1))
        return RT_ERR;
    return r;
}

/* items ^ items (CPython's dictitems_xor): pairs of the right dict not equal in the left
 * one, then what is left of the left one */
static Value items_xor(Value a, Value b)
{
    Value tmp = rt_dict_copy(VD(a));
    Value r = tmp ? rt_set_new() : RT_ERR;
    if (!r)
        return RT_ERR;
    Value d2 = VD(b), k, v;
    int64_t pos = 0, h;
    while (rt_dict_next(d2, &pos, &k, &v, &h)) {
        Value v1 = rt_dict_get_hashed(tmp, k, h);
        if (!v1 && rt_exc_pending())
            return RT_ERR;
        int same = 0;
        if (v1) {
            same = rt_eq(v1, v);
            if (same < 0)
                return RT_ERR;
        }
        if (same) {
            int err;
            pop_hashed(D(tmp), k, h, &err);
            if (err)
                return RT_ERR;
        } else {
            Value p = rt_tuple_pack(2, k, v);
            if (!p || rt_set_add(r, p) < 0)
                return RT_ERR;
        }
    }
    pos = 0;
    while (rt_dict_next(tmp, &pos, &k, &v, &h)) {
        Value p = rt_tuple_pack(2, k, v);
        if (!p || rt_set_add(r, p) < 0)
            return RT_ERR;
    }
    return r;
}

static Value view_xor(Value a, Value b)
{
    if (is_items(a) && is_items(b))
        return items_xor(a, b);
    Value r = view_to_set(a);
    if (!r || !rt_set_symmetric_difference_update(r, b))
        return RT_ERR;
    return r;
}

Value rt_dict_view_isdisjoint(Value self, Value other)
{
    if (self == other)
        return rt_bool(rt_len(self) == 0);
    Value it = rt_iter(other);
    if (!it)
        return RT_ERR;
    for (;;) {
        Value x = rt_next(it);
        if (!x)
            return rt_exc_pending() ? RT_ERR : rt_True;
        int c = rt_contains(self, x);
        if (c < 0)
            return RT_ERR;
        if (c)
            return rt_False;
    }
}

#define VIEW_NB {.and_ = view_and, .or_ = view_or, .sub = view_sub, .xor_ = view_xor}

Type rt_dict_keys_type = {
    .ob = {&rt_type_type}, .name = "dict_keys", .base = &rt_object_type,
    .basicsize = sizeof(DictView), .repr = view_repr, .hash = rt_hash_unhashable,
    .richcompare = view_richcompare, .iter = keys_iter, .len = view_len,
    .contains = keys_contains, .nb = VIEW_NB,
};
Type rt_dict_items_type = {
    .ob = {&rt_type_type}, .name = "dict_items", .base = &rt_object_type,
    .basicsize = sizeof(DictView), .repr = view_repr, .hash = rt_hash_unhashable,
    .richcompare = view_richcompare, .iter = items_iter, .len = view_len,
    .contains = items_contains, .nb = VIEW_NB,
};
Type rt_dict_values_type = {
    .ob = {&rt_type_type}, .name = "dict_values", .base = &rt_object_type,
    .basicsize = sizeof(DictView), .repr = view_repr, .iter = values_iter, .len = view_len,
};

Type rt_dict_type = {
    .ob = {&rt_type_type}, .name = "dict", .base = &rt_object_type,
    .flags = RT_TPFLAG_DICT_SUBCLASS | RT_TPFLAG_BASETYPE, .basicsize = sizeof(DictObject),
    .repr = dict_repr, .hash = rt_hash_unhashable, .richcompare = dict_richcompare,
    .iter = dict_iter, .new_ = rt_dict_tp_new, .init = rt_dict_tp_init, .len = dict_len,
    .getitem = dict_getitem_slot, .setitem = rt_dict_setitem, .contains = dict_contains_slot,
    .nb = {.or_ = dict_or, .ior = dict_ior},
};
