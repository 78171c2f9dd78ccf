/*
 * set.c - set and frozenset: an open-addressing hash table that reproduces CPython 3.11's
 * setobject.c step for step (probe sequence, fill factor, resize sizes, the order in which
 * each operation visits and inserts keys), because a set's iteration order - visible in
 * repr, list(s), pop() - is the table order.
 *
 * Entry points: rt_set_new rt_set_add (rt.h), rt_set_* / rt_frozenset_* of rt_containers.h,
 * rt_set_type, rt_frozenset_type, rt_set_iterator_type.
 *
 * Invariants:
 *   - mask + 1 is a power of two >= 8; an entry is unused (key 0, hash 0), a dummy (key
 *     DUMMY, hash -1: a deleted key, probing continues past it) or active;
 *   - fill counts active + dummy entries, used the active ones; the table grows when
 *     fill*5 >= mask*3 after an insertion into an unused entry;
 *   - probing: LINEAR_PROBES neighbours without wrapping around, then the perturbed jump
 *     i = 5*i + 1 + perturb (perturb >>= 5 first), as CPython;
 *   - finger is where pop() resumes its scan; hash caches a frozenset's hash (-1 = not yet).
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

Object rt_set_dummy = {&rt_object_type};
#define DUMMY rt_val(&rt_set_dummy)

static inline SetObject *S(Value v) { return (SetObject *)rt_obj(v); }

int rt_is_anyset(Value v)
{
    if (rt_is_small(v))
        return 0;
    Type *t = rt_obj(v)->type;
    return t == &rt_set_type || t == &rt_frozenset_type || rt_issubtype(t, &rt_set_type) ||
           rt_issubtype(t, &rt_frozenset_type);
}

static SetObject *set_alloc(Type *t)
{
    SetObject *s = (SetObject *)rt_new_object(t, t->basicsize);
    if (!s)
        return NULL;
    s->table = rt_alloc(MINSIZE * sizeof(SetEntry));
    if (!s->table)
        return NULL;
    s->mask = MINSIZE - 1;
    s->hash = -1;
    s->occ = s->dmy = 0;
    s->bits_limit = RT_SET_BITS_N;
    return s;
}

/* ---- the small-int membership bits (rt.h smallbits) ----------------------------------------------
 * Valid while bits_limit == RT_SET_BITS_N.  Every other mutation of a set sets bits_limit to
 * 0 (stale); the small-int fast paths below update the bits and keep them valid when they
 * were; table_resize recomputes them (valid when every key is a small int); a new or cleared
 * set starts valid. */

static inline int small_bit(Value key, uint64_t *word, uint64_t *bit)
{
    uint64_t u = (uint64_t)(rt_small_val(key) - RT_SET_BITS_LO);
    if (u >= RT_SET_BITS_N)
        return 0;
    *word = u >> 6;
    *bit = UINT64_C(1) << (u & 63);
    return 1;
}

/* after a fast-path mutation of small int key: keep the bits valid when they were */
static void bits_update(SetObject *so, Value key, int present)
{
    uint64_t w, b;
    if (so->bits_limit && small_bit(key, &w, &b))
        so->smallbits[w] = present ? so->smallbits[w] | b : so->smallbits[w] & ~b;
}

/* ---- the table -------------------------------------------------------------------------------- */

static void insert_clean(SetEntry *table, uint64_t mask, Value key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (!e->key)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static int table_resize(SetObject *so, int64_t minused)
{
    int64_t size = MINSIZE;
    while (size <= minused)
        size <<= 1;
    if (size > (INT64_C(1) << 58)) {
        rt_raise_memory_error();
        return -1;
    }
    SetEntry *old = so->table;
    int64_t oldmask = so->mask;
    SetEntry *t = rt_alloc((size_t)size * sizeof(SetEntry));
    if (!t)
        return -1;
    uint64_t mask = (uint64_t)size - 1;
    for (int64_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].key != DUMMY)
            insert_clean(t, mask, old[i].key, old[i].hash);
    so->table = t;
    so->mask = (int64_t)mask;
    so->fill = so->used;
    so->bits_limit = 0;
    /* the bits again: valid when every key is a small int */
    uint64_t bits[2] = {0, 0}, w, b;
    for (int64_t i = 0; i <= oldmask; i++) {
        Value k = old[i].key;
        if (!k || k == DUMMY)
            continue;
        if (!rt_is_small(k))
            return 0;
        if (small_bit(k, &w, &b))
            bits[w] |= b;
    }
    so->smallbits[0] = bits[0];
    so->smallbits[1] = bits[1];
    so->occ = so->dmy = 0;
    if (mask < 64)
        for (uint64_t i = 0; i <= mask; i++)
            if (t[i].key)
                so->occ |= UINT64_C(1) << i;
    so->bits_limit = RT_SET_BITS_N;
    return 0;
}

/* the entry holding key, NULL when missing or on error (*err) */
static SetEntry *lookkey(SetObject *so, Value key, int64_t hash, int *err)
{
    *err = 0;
restart:;
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (!e->key)
                return NULL;
            if (e->hash == hash) {
                Value startkey = e->key;
                if (startkey == key)
                    return e;
                SetEntry *table = so->table;
                int c = rt_richcompare_bool(startkey, key, RT_EQ);
                if (c < 0) {
                    *err = 1;
                    return NULL;
                }
                if (table != so->table || e->key != startkey)
                    goto restart;
                if (c)
                    return e;
                mask = (uint64_t)so->mask;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* a missing key goes into the LAST dummy passed on its probe path (CPython 3.11 overwrites
 * freeslot at every dummy), else into the unused entry that ended the probe */
static int add_entry(SetObject *so, Value key, int64_t hash)
{
restart:;
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    SetEntry *freeslot = NULL, *e;
    for (;;) {
        e = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && !e->key)
                goto found_unused_or_dummy;
            if (e->hash == hash) {
                Value startkey = e->key;
                if (startkey == key)
                    return 0;
                SetEntry *table = so->table;
                int c = rt_richcompare_bool(startkey, key, RT_EQ);
                if (c < 0)
                    return -1;
                if (table != so->table || e->key != startkey)
                    goto restart;
                if (c)
                    return 0;
                mask = (uint64_t)so->mask;
            } else if (e->hash == -1) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    so->bits_limit = 0;
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    e->key = key;
    e->hash = hash;
    if (so->fill * 5 < so->mask * 3)
        return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int small_add(SetObject *so, Value key);

static int add_key(SetObject *so, Value key)
{
    if (rt_is_small(key)) {
        int r = small_add(so, key);
        if (r != 2)
            return r;
    }
    int64_t h = rt_hash(key);
    if (h == -1)
        return -1;
    return add_entry(so, key, h);
}

/* 1 found and removed, 0 not found, -1 error */
static int discard_entry(SetObject *so, Value key, int64_t hash)
{
    int err;
    SetEntry *e = lookkey(so, key, hash, &err);
    if (err)
        return -1;
    if (!e)
        return 0;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    so->bits_limit = 0;
    return 1;
}

static int contains_entry(SetObject *so, Value key, int64_t hash)
{
    int err;
    SetEntry *e = lookkey(so, key, hash, &err);
    return err ? -1 : e != NULL;
}

/* ---- small-int keys ----------------------------------------------------------------------------
 * A small int's hash is its value when |v| < 2**61 - 1 (and -1 hashes to -2), and two small
 * ints are equal exactly when their tagged words are.  So a probe for a small int key needs no
 * hash call and no rich compare, except at an entry of equal hash holding some other object
 * (True, 1.0, an int subclass or a user key, a big int congruent mod 2**61 - 1): then the
 * generic code runs the whole probe again, which so far has had no side effect.  The probe
 * sequence and the slot an insertion takes are exactly those of lookkey/add_entry. */

#define SMALL_HASH_MAX ((INT64_C(1) << 61) - 2)

/* the hash of small int key, or 0 with *ok = 0 when it needs rt_int_hash (|v| >= 2**61 - 1) */
static inline int64_t small_hash(Value key, int *ok)
{
    int64_t v = rt_small_val(key);
    *ok = v >= -SMALL_HASH_MAX && v <= SMALL_HASH_MAX;
    return v == -1 ? -2 : v;
}

/* 1 found (*out), 0 missing, -1 an equal-hash entry whose key is no small int: go generic */
static int lookkey_small(const SetObject *so, Value key, int64_t hash, SetEntry **out)
{
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            Value k = e->key;
            if (!k)
                return 0;
            if (e->hash == hash) {
                if (k == key) {
                    *out = e;
                    return 1;
                }
                if (!rt_is_small(k))
                    return -1;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* small int key goes into entry e (unused: an unused entry, else a dummy); add_entry's
 * bookkeeping and growth; 0 or a resize's -1 */
static int insert_small(SetObject *so, Value key, int64_t hash, SetEntry *e, int unused)
{
    bits_update(so, key, 1);
    so->used++;
    e->key = key;
    e->hash = hash;
    if (so->hints) {
        uint64_t w, b;
        if (small_bit(key, &w, &b) && so->mask < 65536)
            so->hints[rt_small_val(key) - RT_SET_BITS_LO] = (uint16_t)(e - so->table);
    }
    if (so->mask < 64) {
        uint64_t sb = UINT64_C(1) << (e - so->table);
        so->occ |= sb;
        so->dmy &= ~sb;
    }
    if (!unused)
        return 0;
    so->fill++;
    if (so->fill * 5 >= so->mask * 3)
        return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
    return 0;
}

/* add_entry for a small int key: 0 done (or a resize's -1), 1 go generic */
static int add_small(SetObject *so, Value key, int64_t hash, int *rc)
{
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    SetEntry *freeslot = NULL, *e;
    for (;;) {
        e = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            Value k = e->key;
            if (!k)
                goto unused;
            if (e->hash == hash) {
                if (k == key) {
                    *rc = 0;
                    return 0;
                }
                if (!rt_is_small(k))
                    return 1;
            } else if (e->hash == -1) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
unused:
    *rc = insert_small(so, key, hash, freeslot ? freeslot : e, !freeslot);
    return 0;
}

/* With valid bits and a key in their range the answer is known before probing: a present
 * key is found by comparing tagged words only, an absent one needs no comparison at all
 * (every key of the set is a small int).  Both stop at an unused entry (NULL) as a guard. */
static SetEntry *find_present(const SetObject *so, Value key, int64_t hash)
{
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            Value k = e->key;
            if (k == key)
                return e;
            if (!k)
                return NULL;
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* the entry of small int key (in the bits' range, known present): its hint when the hint is
 * right, else found by probing and remembered (NULL: not found, a guard) */
static SetEntry *hinted(SetObject *so, Value key)
{
    int64_t u = rt_small_val(key) - RT_SET_BITS_LO;
    if (so->hints && so->hints[u] <= so->mask && so->table[so->hints[u]].key == key)
        return &so->table[so->hints[u]];
    int ok;
    SetEntry *e = find_present(so, key, small_hash(key, &ok));
    if (!e || so->mask >= 65536)
        return e;
    if (!so->hints) {
        /* not zeroed: every hint is checked before use */
        so->hints = rt_alloc_atomic(RT_SET_BITS_N * sizeof *so->hints);
        if (!so->hints) {
            rt_exc_fetch();   /* no hints: only slower */
            return e;
        }
    }
    so->hints[u] = (uint16_t)(e - so->table);
    return e;
}

/* where add_entry puts an absent key: the last dummy passed, else the unused entry that ends
 * the probe (*unused) */
static SetEntry *absent_slot(const SetObject *so, int64_t hash, int *unused)
{
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    SetEntry *freeslot = NULL;
    if (mask < 64) {
        /* the occupancy and dummy masks (valid with the bits, which our caller checked): per
         * probe group, the unused entry ending the probe is the group's first clear occ bit,
         * the last dummy passed the highest dmy bit before it */
        for (;;) {
            uint64_t len = i + LINEAR_PROBES <= mask ? LINEAR_PROBES + 1 : 1;
            uint64_t group = ((UINT64_C(1) << len) - 1) << i;
            uint64_t freebits = ~so->occ & group;
            uint64_t d = so->dmy & group;
            if (freebits) {
                int j = __builtin_ctzll(freebits);
                d &= (UINT64_C(1) << j) - 1;
                if (d)
                    freeslot = &so->table[63 - __builtin_clzll(d)];
                *unused = !freeslot;
                return freeslot ? freeslot : &so->table[j];
            }
            if (d)
                freeslot = &so->table[63 - __builtin_clzll(d)];
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }
    for (;;) {
        SetEntry *e = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (!e->key) {
                *unused = !freeslot;
                return freeslot ? freeslot : e;
            }
            if (e->hash == -1)
                freeslot = e;
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* the small-int fast paths of rt_set_add / rt_set_contains / rt_set_discard_key: the result,
 * or 2 when the generic path must decide */
static int small_add(SetObject *so, Value key)
{
    int ok, rc;
    uint64_t w, b;
    if (so->bits_limit && small_bit(key, &w, &b)) {
        if (so->smallbits[w] & b)
            return 0;
        int unused;
        int64_t hb = small_hash(key, &ok);
        SetEntry *e = absent_slot(so, hb, &unused);
        return insert_small(so, key, hb, e, unused);
    }
    int64_t h = small_hash(key, &ok);
    if (!ok || add_small(so, key, h, &rc))
        return 2;
    return rc;
}

static int small_contains(const SetObject *so, Value key)
{
    int ok;
    SetEntry *e;
    uint64_t w, b;
    if (so->bits_limit && small_bit(key, &w, &b))
        return (so->smallbits[w] & b) != 0;
    int64_t h = small_hash(key, &ok);
    if (!ok)
        return 2;
    int r = lookkey_small(so, key, h, &e);
    return r < 0 ? 2 : r;
}

static int small_discard(SetObject *so, Value key)
{
    int ok;
    SetEntry *e;
    uint64_t w, b;
    int64_t h = small_hash(key, &ok);
    if (so->bits_limit && small_bit(key, &w, &b)) {
        if (!(so->smallbits[w] & b))
            return 0;
        e = hinted(so, key);
        if (!e)
            return 2;
    } else {
        if (!ok)
            return 2;
        int r = lookkey_small(so, key, h, &e);
        if (r <= 0)
            return r < 0 ? 2 : 0;
    }
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    if (so->mask < 64)
        so->dmy |= UINT64_C(1) << (e - so->table);
    bits_update(so, key, 0);
    return 1;
}

/* hash of a lookup key; a set is looked up as the frozenset of its items (CPython's retry
 * on TypeError) */
static int64_t lookup_hash(Value *key)
{
    int64_t h = rt_hash(*key);
    if (h != -1 || !rt_issubtype(rt_typeof(*key), &rt_set_type))
        return h;
    Value e = rt_exc_pending();
    if (!rt_issubtype(rt_typeof(e), rt_TypeError))
        return -1;
    rt_exc_fetch();
    Value f = rt_frozenset_from_iterable(*key);
    if (!f)
        return -1;
    *key = f;
    return rt_hash(f);
}

int rt_set_next(Value set, int64_t *pos, Value *key, int64_t *hash)
{
    SetObject *so = S(set);
    int64_t i = *pos;
    while (i <= so->mask && (!so->table[i].key || so->table[i].key == DUMMY))
        i++;
    if (i > so->mask)
        return 0;
    *pos = i + 1;
    if (key)
        *key = so->table[i].key;
    if (hash)
        *hash = so->table[i].hash;
    return 1;
}

static int set_clear_internal(SetObject *so)
{
    SetEntry *t = rt_alloc(MINSIZE * sizeof(SetEntry));
    if (!t)
        return -1;
    so->table = t;
    so->mask = MINSIZE - 1;
    so->fill = so->used = 0;
    so->smallbits[0] = so->smallbits[1] = 0;
    so->occ = so->dmy = 0;
    so->bits_limit = RT_SET_BITS_N;
    return 0;
}

/* ---- bulk operations (set_merge, set_update_internal) ------------------------------------------ */

static int set_merge(SetObject *so, SetObject *other)
{
    if (so == other || other->used == 0)
        return 0;
    /* one big resize first, expecting few overlapping keys */
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* same size, no dummies: copy the table as it is */
        memcpy(so->table, other->table, (size_t)(other->mask + 1) * sizeof(SetEntry));
        so->fill = other->fill;
        so->used = other->used;
        so->bits_limit = 0;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (int64_t i = 0; i <= other->mask; i++) {
            SetEntry e = other->table[i];
            if (e.key && e.key != DUMMY)
                insert_clean(so->table, (uint64_t)so->mask, e.key, e.hash);
        }
        so->bits_limit = 0;
        return 0;
    }
    for (int64_t i = 0; i <= other->mask; i++) {
        SetEntry e = other->table[i];
        if (e.key && e.key != DUMMY && add_entry(so, e.key, e.hash) < 0)
            return -1;
    }
    return 0;
}

int rt_set_update_internal(Value set, Value other)
{
    SetObject *so = S(set);
    if (rt_is_anyset(other))
        return set_merge(so, S(other));
    if (rt_typeof(other) == &rt_dict_type) {
        int64_t n = rt_dict_size(other);
        if ((so->fill + n) * 5 >= so->mask * 3 && table_resize(so, (so->used + n) * 2) < 0)
            return -1;
        int64_t pos = 0, h;
        Value k;
        while (rt_dict_next(other, &pos, &k, NULL, &h))
            if (add_entry(so, k, h) < 0)
                return -1;
        return 0;
    }
    Value it = rt_iter(other);
    if (!it)
        return -1;
    for (;;) {
        Value x = rt_next(it);
        if (!x)
            return rt_exc_pending() ? -1 : 0;
        if (add_key(so, x) < 0)
            return -1;
    }
}

/* a new set or frozenset of type t (or t's built-in base) holding iterable's items */
static Value make_new_set(Type *t, Value iterable)
{
    SetObject *s = set_alloc(t);
    if (!s)
        return RT_ERR;
    if (iterable && rt_set_update_internal(rt_val(s), iterable) < 0)
        return RT_ERR;
    return rt_val(s);
}

static Value make_new_set_basetype(Type *t, Value iterable)
{
    if (t != &rt_set_type && t != &rt_frozenset_type)
        t = rt_issubtype(t, &rt_set_type) ? &rt_set_type : &rt_frozenset_type;
    return make_new_set(t, iterable);
}

Value rt_set_new(void) { return make_new_set(&rt_set_type, 0); }
Value rt_set_from_iterable(Value iterable) { return make_new_set(&rt_set_type, iterable); }

Value rt_frozenset_from_iterable(Value iterable)
{
    if (iterable && rt_typeof(iterable) == &rt_frozenset_type)
        return iterable;
    return make_new_set(&rt_frozenset_type, iterable);
}

int rt_set_add(Value set, Value key) { return add_key(S(set), key); }

int rt_set_contains(Value set, Value key)
{
    if (rt_is_small(key)) {
        int r = small_contains(S(set), key);
        if (r != 2)
            return r;
    }
    int64_t h = lookup_hash(&key);
    if (h == -1)
        return -1;
    return contains_entry(S(set), key, h);
}

int rt_set_discard_key(Value set, Value key)
{
    if (rt_is_small(key)) {
        int r = small_discard(S(set), key);
        if (r != 2)
            return r;
    }
    int64_t h = lookup_hash(&key);
    if (h == -1)
        return -1;
    return discard_entry(S(set), key, h);
}

/* ---- the algebra ------------------------------------------------------------------------------- */

Value rt_set_copy(Value self)
{
    if (rt_typeof(self) == &rt_frozenset_type)
        return self;
    return make_new_set_basetype(rt_typeof(self), self);
}

static Value set_copy_any(Value self) { return make_new_set_basetype(rt_typeof(self), self); }

static Value set_intersection2(Value so_v, Value other)
{
    if (so_v == other)
        return set_copy_any(so_v);
    Value result = make_new_set_basetype(rt_typeof(so_v), 0);
    if (!result)
        return RT_ERR;
    if (rt_is_anyset(other)) {
        SetObject *so = S(so_v), *ot = S(other);
        if (ot->used > so->used) {
            SetObject *t = so;
            so = ot;
            ot = t;
        }
        int64_t pos = 0, h;
        Value k;
        while (rt_set_next(rt_val(ot), &pos, &k, &h)) {
            int c = contains_entry(so, k, h);
            if (c < 0 || (c && add_entry(S(result), k, h) < 0))
                return RT_ERR;
        }
        return result;
    }
    Value it = rt_iter(other);
    if (!it)
        return RT_ERR;
    for (;;) {
        Value k = rt_next(it);
        if (!k)
            return rt_exc_pending() ? RT_ERR : result;
        int64_t h = rt_hash(k);
        if (h == -1)
            return RT_ERR;
        int c = contains_entry(S(so_v), k, h);
        if (c < 0 || (c && add_entry(S(result), k, h) < 0))
            return RT_ERR;
    }
}

Value rt_set_intersection(Value self, const Value *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy_any(self);
    Value r = self;
    for (size_t i = 0; i < nargs; i++) {
        r = set_intersection2(r, args[i]);
        if (!r)
            return RT_ERR;
    }
    return r;
}

/* self takes over tmp's table (set_swap_bodies, one direction is enough here) */
static void take_body(SetObject *so, SetObject *tmp)
{
    so->table = tmp->table;
    so->mask = tmp->mask;
    so->fill = tmp->fill;
    so->used = tmp->used;
    so->bits_limit = 0;
}

Value rt_set_intersection_update(Value self, const Value *args, size_t nargs)
{
    Value tmp = rt_set_intersection(self, args, nargs);
    if (!tmp)
        return RT_ERR;
    if (tmp != self)
        take_body(S(self), S(tmp));
    return rt_None;
}

static int difference_update_internal(Value so_v, Value other)
{
    SetObject *so = S(so_v);
    if (so_v == other)
        return set_clear_internal(so);
    if (rt_is_anyset(other)) {
        /* a much larger other: iterate the (small) intersection instead */
        if ((S(other)->used >> 3) > so->used) {
            other = set_intersection2(so_v, other);
            if (!other)
                return -1;
        }
        int64_t pos = 0, h;
        Value k;
        while (rt_set_next(other, &pos, &k, &h))
            if (discard_entry(so, k, h) < 0)
                return -1;
    } else {
        Value it = rt_iter(other);
        if (!it)
            return -1;
        for (;;) {
            Value k = rt_next(it);
            if (!k) {
                if (rt_exc_pending())
                    return -1;
                break;
            }
            if (rt_set_discard_key(so_v, k) < 0)
                return -1;
        }
    }
    /* more than a quarter dummies: rebuild */
    if ((uint64_t)(so->fill - so->used) <= (uint64_t)so->mask / 4)
        return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Value copy_and_difference(Value so, Value other)
{
    Value r = set_copy_any(so);
    if (!r || difference_update_internal(r, other) < 0)
        return RT_ERR;
    return r;
}

static Value set_difference2(Value so_v, Value other)
{
    int64_t other_size;
    int other_dict = rt_typeof(other) == &rt_dict_type;
    if (rt_is_anyset(other))
        other_size = S(other)->used;
    else if (other_dict)
        other_size = rt_dict_size(other);
    else
        return copy_and_difference(so_v, other);
    if ((S(so_v)->used >> 2) > other_size)
        return copy_and_difference(so_v, other);
    Value result = make_new_set_basetype(rt_typeof(so_v), 0);
    if (!result)
        return RT_ERR;
    int64_t pos = 0, h;
    Value k;
    while (rt_set_next(so_v, &pos, &k, &h)) {
        int c;
        if (other_dict) {
            Value v = rt_dict_get_hashed(other, k, h);
            c = v ? 1 : rt_exc_pending() ? -1 : 0;
        } else {
            c = contains_entry(S(other), k, h);
        }
        if (c < 0 || (!c && add_entry(S(result), k, h) < 0))
            return RT_ERR;
    }
    return result;
}

Value rt_set_difference(Value self, const Value *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy_any(self);
    Value r = set_difference2(self, args[0]);
    for (size_t i = 1; r && i < nargs; i++)
        if (difference_update_internal(r, args[i]) < 0)
            return RT_ERR;
    return r;
}

Value rt_set_difference_update(Value self, const Value *args, size_t nargs)
{
    for (size_t i = 0; i < nargs; i++)
        if (difference_update_internal(self, args[i]) < 0)
            return RT_ERR;
    return rt_None;
}

Value rt_set_symmetric_difference_update(Value self, Value other)
{
    SetObject *so = S(self);
    if (self == other)
        return set_clear_internal(so) < 0 ? RT_ERR : rt_None;
    int64_t pos = 0, h;
    Value k;
    if (rt_typeof(other) == &rt_dict_type) {
        while (rt_dict_next(other, &pos, &k, NULL, &h)) {
            int r = discard_entry(so, k, h);
            if (r < 0 || (r == 0 && add_entry(so, k, h) < 0))
                return RT_ERR;
        }
        return rt_None;
    }
    Value os = rt_is_anyset(other) ? other : make_new_set_basetype(rt_typeof(self), other);
    if (!os)
        return RT_ERR;
    while (rt_set_next(os, &pos, &k, &h)) {
        int r = discard_entry(so, k, h);
        if (r < 0 || (r == 0 && add_entry(so, k, h) < 0))
            return RT_ERR;
    }
    return rt_None;
}

Value rt_set_symmetric_difference(Value self, Value other)
{
    Value os = make_new_set_basetype(rt_typeof(self), other);
    if (!os || !rt_set_symmetric_difference_update(os, self))
        return RT_ERR;
    return os;
}

Value rt_set_union(Value self, const Value *args, size_t nargs)
{
    Value r = set_copy_any(self);
    if (!r)
        return RT_ERR;
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] == self)
            continue;
        if (rt_set_update_internal(r, args[i]) < 0)
            return RT_ERR;
    }
    return r;
}

Value rt_set_update(Value self, const Value *args, size_t nargs)
{
    for (size_t i = 0; i < nargs; i++)
        if (rt_set_update_internal(self, args[i]) < 0)
            return RT_ERR;
    return rt_None;
}

static int subset(Value a, Value b)
{
    if (S(a)->used > S(b)->used)
        return 0;
    int64_t pos = 0, h;
    Value k;
    while (rt_set_next(a, &pos, &k, &h)) {
        int c = contains_entry(S(b), k, h);
        if (c <= 0)
            return c;
    }
    return 1;
}

Value rt_set_issubset(Value self, Value other)
{
    if (!rt_is_anyset(other)) {
        other = make_new_set(&rt_set_type, other);
        if (!other)
            return RT_ERR;
    }
    int r = subset(self, other);
    return r < 0 ? RT_ERR : rt_bool(r);
}

Value rt_set_issuperset(Value self, Value other)
{
    if (!rt_is_anyset(other)) {
        other = make_new_set(&rt_set_type, other);
        if (!other)
            return RT_ERR;
    }
    int r = subset(other, self);
    return r < 0 ? RT_ERR : rt_bool(r);
}

Value rt_set_isdisjoint(Value self, Value other)
{
    if (self == other)
        return rt_bool(S(self)->used == 0);
    int64_t pos = 0, h;
    Value k;
    if (rt_is_anyset(other)) {
        Value a = self, b = other;
        if (S(b)->used > S(a)->used) {
            a = other;
            b = self;
        }
        while (rt_set_next(b, &pos, &k, &h)) {
            int c = contains_entry(S(a), k, h);
            if (c < 0)
                return RT_ERR;
            if (c)
                return rt_False;
        }
        return rt_True;
    }
    Value it = rt_iter(other);
    if (!it)
        return RT_ERR;
    for (;;) {
        k = rt_next(it);
        if (!k)
            return rt_exc_pending() ? RT_ERR : rt_True;
        h = rt_hash(k);
        if (h == -1)
            return RT_ERR;
        int c = contains_entry(S(self), k, h);
        if (c < 0)
            return RT_ERR;
        if (c)
            return rt_False;
    }
}

/* ---- element methods ---------------------------------------------------------------------------- */

Value rt_set_add_m(Value self, Value x) { return add_key(S(self), x) < 0 ? RT_ERR : rt_None; }

Value rt_set_discard(Value self, Value x)
{
    return rt_set_discard_key(self, x) < 0 ? RT_ERR : rt_None;
}

Value rt_set_remove(Value self, Value x)
{
    int r = rt_set_discard_key(self, x);
    if (r < 0)
        return RT_ERR;
    if (r == 0) {
        Value e = rt_exc_new(rt_KeyError, &x, 1);
        return e ? rt_raise(e) : RT_ERR;
    }
    return rt_None;
}

Value rt_set_pop(Value self)
{
    SetObject *so = S(self);
    if (so->used == 0) {
        Value msg = rt_str_from_cstr("pop from an empty set");
        Value e = msg ? rt_exc_new(rt_KeyError, &msg, 1) : RT_ERR;
        return e ? rt_raise(e) : RT_ERR;
    }
    /* resume scanning where the last pop stopped: repeated pops stay O(1) amortised */
    int64_t i = so->finger & so->mask;
    while (!so->table[i].key || so->table[i].key == DUMMY)
        i = i == so->mask ? 0 : i + 1;
    Value k = so->table[i].key;
    so->table[i].key = DUMMY;
    so->table[i].hash = -1;
    so->used--;
    so->finger = i + 1;
    so->bits_limit = 0;
    return k;
}

Value rt_set_clear(Value self) { return set_clear_internal(S(self)) < 0 ? RT_ERR : rt_None; }

/* ---- slots --------------------------------------------------------------------------------------- */

static int64_t set_len(Value v) { return S(v)->used; }

static Value set_repr(Value v)
{
    Type *t = rt_typeof(v);
    int plain = t == &rt_set_type;
    int st = rt_repr_enter(v);
    StrBuf b;
    rt_sb_init(&b);
    if (st != 0) {
        if (st < 0)
            return RT_ERR;
        rt_sb_adds(&b, t->name);
        rt_sb_adds(&b, "(...)");
        return rt_sb_finish(&b);
    }
    if (!plain) {
        rt_sb_adds(&b, t->name);
        rt_sb_addc(&b, '(');
    }
    rt_sb_addc(&b, '{');
    int64_t pos = 0;
    Value k;
    int first = 1;
    while (rt_set_next(v, &pos, &k, NULL)) {
        Value r = rt_repr(k);
        if (!r) {
            rt_repr_leave(v);
            return RT_ERR;
        }
        if (!first)
            rt_sb_adds(&b, ", ");
        first = 0;
        rt_sb_add(&b, rt_str_bytes(r), rt_str_nbytes(r));
    }
    rt_sb_addc(&b, '}');
    if (!plain)
        rt_sb_addc(&b, ')');
    rt_repr_leave(v);
    return rt_sb_finish(&b);
}

static Value set_repr_slot(Value v)
{
    if (S(v)->used == 0) {
        /* set(), frozenset(), MySet() */
        StrBuf b;
        rt_sb_init(&b);
        rt_sb_adds(&b, rt_typeof(v)->name);
        rt_sb_adds(&b, "()");
        return rt_sb_finish(&b);
    }
    return set_repr(v);
}

static int set_contains_slot(Value s, Value k) { return rt_set_contains(s, k); }

static Value set_richcompare(Value a, Value b, int op)
{
    if (!rt_is_anyset(a) || !rt_is_anyset(b))
        return rt_NotImplemented;
    SetObject *x = S(a), *y = S(b);
    int r;
    switch (op) {
    case RT_EQ: case RT_NE:
        if (x->used != y->used)
            r = 0;
        else if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
            r = 0;
        else
            r = subset(a, b);
        if (r >= 0 && op == RT_NE)
            r = !r;
        break;
    case RT_LE: r = subset(a, b); break;
    case RT_GE: r = subset(b, a); break;
    case RT_LT: r = x->used < y->used ? subset(a, b) : 0; break;
    default: r = x->used > y->used ? subset(b, a) : 0; break;
    }
    return r < 0 ? RT_ERR : rt_bool(r);
}

/* CPython's frozenset_hash: an order-independent xor of shuffled entry hashes, corrected for
 * unused and dummy entries, then dispersed */
static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u; }

static int64_t frozenset_hash(Value v)
{
    SetObject *so = S(v);
    if (so->hash != -1)
        return so->hash;
    uint64_t h = 0;
    for (int64_t i = 0; i <= so->mask; i++)
        h ^= shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1)
        h ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        h ^= shuffle_bits(UINT64_MAX);
    h ^= ((uint64_t)so->used + 1) * 1927868237u;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923u;
    if (h == UINT64_MAX)
        h = 590923713u;
    so->hash = (int64_t)h;
    return so->hash;
}

static Value set_or(Value a, Value b)
{
    if (!rt_is_anyset(a) || !rt_is_anyset(b))
        return rt_NotImplemented;
    Value r = set_copy_any(a);
    if (!r || (a != b && rt_set_update_internal(r, b) < 0))
        return RT_ERR;
    return r;
}

static Value set_and(Value a, Value b)
{
    if (!rt_is_anyset(a) || !rt_is_anyset(b))
        return rt_NotImplemented;
    return set_intersection2(a, b);
}

static Value set_sub(Value a, Value b)
{
    if (!rt_is_anyset(a) || !rt_is_anyset(b))
        return rt_NotImplemented;
    return set_difference2(a, b);
}

static Value set_xor(Value a, Value b)
{
    if (!rt_is_anyset(a) || !rt_is_anyset(b))
        return rt_NotImplemented;
    return rt_set_symmetric_difference(a, b);
}

static Value set_ior(Value a, Value b)
{
    if (!rt_is_anyset(b))
        return rt_NotImplemented;
    return rt_set_update_internal(a, b) < 0 ? RT_ERR : a;
}

static Value set_iand(Value a, Value b)
{
    if (!rt_is_anyset(b))
        return rt_NotImplemented;
    return rt_set_intersection_update(a, &b, 1) ? a : RT_ERR;
}

static Value set_isub(Value a, Value b)
{
    if (!rt_is_anyset(b))
        return rt_NotImplemented;
    return difference_update_internal(a, b) < 0 ? RT_ERR : a;
}

static Value set_ixor(Value a, Value b)
{
    if (!rt_is_anyset(b))
        return rt_NotImplemented;
    return rt_set_symmetric_difference_update(a, b) ? a : RT_ERR;
}

Value rt_set_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    SetObject *s = set_alloc(type);
    return s ? rt_val(s) : RT_ERR;
}

int rt_set_tp_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (kwnames && rt_tuple_size(kwnames)) {
        rt_raise_str(rt_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        rt_raise_fmt(rt_TypeError, "set expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    if (S(self)->fill && set_clear_internal(S(self)) < 0)
        return -1;
    return nargs ? rt_set_update_internal(self, args[0]) : 0;
}

Value rt_frozenset_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    if (kwnames && rt_tuple_size(kwnames))
        return rt_raise_str(rt_TypeError, "frozenset() takes no keyword arguments");
    if (nargs > 1)
        return rt_raise_fmt(rt_TypeError, "frozenset expected at most 1 argument, got %zu", nargs);
    if (type == &rt_frozenset_type)
        return rt_frozenset_from_iterable(nargs ? args[0] : 0);
    return make_new_set(type, nargs ? args[0] : 0);
}

/* ---- iterator ------------------------------------------------------------------------------------- */

typedef struct SetIter { Object ob; Value set; int64_t pos, used, len; } SetIter;

static Value set_iter(Value s)
{
    SetIter *it = (SetIter *)rt_new_object(&rt_set_iterator_type, sizeof(SetIter));
    if (!it)
        return RT_ERR;
    it->set = s;
    it->used = it->len = S(s)->used;
    return rt_val(it);
}

static Value setiter_next(Value v)
{
    SetIter *it = (SetIter *)rt_obj(v);
    if (!it->set)
        return RT_ERR;
    if (it->used != S(it->set)->used) {
        it->used = -1;
        return rt_raise_str(rt_RuntimeError, "Set changed size during iteration");
    }
    Value k;
    if (!rt_set_next(it->set, &it->pos, &k, NULL)) {
        it->set = 0;
        return RT_ERR;
    }
    it->len--;
    return k;
}

static Value self_iter(Value v) { return v; }

Type rt_set_iterator_type = {
    .ob = {&rt_type_type}, .name = "set_iterator", .base = &rt_object_type,
    .basicsize = sizeof(SetIter), .iter = self_iter, .iternext = setiter_next,
};

Type rt_set_type = {
    .ob = {&rt_type_type}, .name = "set", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(SetObject),
    .repr = set_repr_slot, .hash = rt_hash_unhashable, .richcompare = set_richcompare,
    .iter = set_iter, .new_ = rt_set_tp_new, .init = rt_set_tp_init, .len = set_len,
    .contains = set_contains_slot,
    .nb = {.or_ = set_or, .and_ = set_and, .sub = set_sub, .xor_ = set_xor,
           .ior = set_ior, .iand = set_iand, .isub = set_isub, .ixor = set_ixor},
};

Type rt_frozenset_type = {
    .ob = {&rt_type_type}, .name = "frozenset", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(SetObject),
    .repr = set_repr_slot, .hash = frozenset_hash, .richcompare = set_richcompare,
    .iter = set_iter, .new_ = rt_frozenset_tp_new, .len = set_len,
    .contains = set_contains_slot,
    .nb = {.or_ = set_or, .and_ = set_and, .sub = set_sub, .xor_ = set_xor},
};
