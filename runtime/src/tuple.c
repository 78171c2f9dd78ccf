/*
 * tuple.c - the tuple type: construction, indexing and slicing, concatenation and repetition,
 * comparison, hash (CPython 3.11's xxHash-based tuplehash), repr, count/index, iteration.
 *
 * Entry points: rt_tuple_new rt_tuple_from rt_tuple_pack rt_tuple_from_iterable
 * rt_tuple_getitem rt_tuple_slice rt_tuple_count rt_tuple_index rt_tuple_tp_new, the types
 * rt_tuple_type and rt_tuple_iterator_type.
 *
 * Invariants: a tuple is immutable once its creator has filled it (rt_tuple_new hands out a
 * zero-filled one to fill); the empty tuple is a single shared object; `hash` caches a
 * successfully computed hash (-1 = not yet), valid because the items never change.
 */
#include <stdarg.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"

static TupleObject empty_tuple = {{&rt_tuple_type}, 0, -1};

/* rt_tuple_new, inlined into rt_tuple_from (generated code's BuildTuple) */
static inline Value tuple_alloc(int64_t n)
{
    if (n == 0)
        return rt_val(&empty_tuple);
    if (n < 0 || (uint64_t)n > (UINT64_C(1) << 60) / sizeof(Value))
        return rt_raise_memory_error();
    TupleObject *t = (TupleObject *)rt_new_object_inline(
        &rt_tuple_type, sizeof(TupleObject) + (size_t)n * sizeof(Value));
    if (!t)
        return RT_ERR;
    t->size = n;
    t->hash = -1;
    return rt_val(t);
}

Value rt_tuple_new(int64_t n) { return tuple_alloc(n); }

Value rt_tuple_from(const Value *items, int64_t n)
{
    Value t = tuple_alloc(n);
    if (!t)
        return t;
    Value *dst = ((TupleObject *)rt_obj(t))->items;
    /* pairs and triples (generated code's BuildTuple, enumerate, dict items) without a
     * memcpy call */
    switch (n) {
    case 3: dst[2] = items[2]; /* fall through */
    case 2: dst[1] = items[1]; /* fall through */
    case 1: dst[0] = items[0]; /* fall through */
    case 0: break;
    default: memcpy(dst, items, (size_t)n * sizeof(Value));
    }
    return t;
}

Value rt_tuple_pack(int64_t n, ...)
{
    Value t = rt_tuple_new(n);
    if (!t)
        return RT_ERR;
    va_list ap;
    va_start(ap, n);
    for (int64_t i = 0; i < n; i++)
        ((TupleObject *)rt_obj(t))->items[i] = va_arg(ap, Value);
    va_end(ap);
    return t;
}

static inline TupleObject *T(Value v) { return (TupleObject *)rt_obj(v); }
static inline int is_tuple(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_TUPLE_SUBCLASS);
}

Value rt_tuple_from_iterable(Value iterable)
{
    if (rt_typeof(iterable) == &rt_tuple_type)
        return iterable;
    if (rt_seq_items_plain(rt_typeof(iterable))) {
        /* the two layouts differ: read through the right one */
        if (is_tuple(iterable))
            return rt_tuple_from(T(iterable)->items, T(iterable)->size);
        ListObject *l = (ListObject *)rt_obj(iterable);
        return rt_tuple_from(l->items, l->size);
    }
    Value l = rt_list_from_iterable(iterable);
    if (!l)
        return RT_ERR;
    ListObject *lo = (ListObject *)rt_obj(l);
    return rt_tuple_from(lo->items, lo->size);
}

Value rt_tuple_slice(Value t, int64_t start, int64_t stop, int64_t step)
{
    /* the caller gives normalised bounds (rt_slice_adjust) */
    int64_t n = 0;
    if (step > 0 && start < stop)
        n = (stop - start - 1) / step + 1;
    else if (step < 0 && stop < start)
        n = (start - stop - 1) / (-step) + 1;
    if (step == 1 && n == T(t)->size && rt_typeof(t) == &rt_tuple_type)
        return t;
    Value r = rt_tuple_new(n);
    if (!r)
        return RT_ERR;
    for (int64_t i = 0, j = start; i < n; i++, j += step)
        T(r)->items[i] = T(t)->items[j];
    return r;
}

Value rt_tuple_getitem(Value t, Value key)
{
    if (rt_typeof(key) == &rt_slice_type) {
        int64_t a, b, c;
        if (rt_slice_adjust(key, T(t)->size, &a, &b, &c) < 0)
            return RT_ERR;
        return rt_tuple_slice(t, a, b, c);
    }
    int64_t i;
    if (rt_seq_index(key, "tuple", &i) < 0)
        return RT_ERR;
    if (i < 0)
        i += T(t)->size;
    if (i < 0 || i >= T(t)->size)
        return rt_raise_str(rt_IndexError, "tuple index out of range");
    return T(t)->items[i];
}

static int64_t tuple_len(Value t) { return T(t)->size; }

static int tuple_contains(Value t, Value x)
{
    for (int64_t i = 0; i < T(t)->size; i++) {
        int r = rt_eq(T(t)->items[i], x);
        if (r != 0)
            return r;
    }
    return 0;
}

/* ---- hash: CPython 3.11's tuplehash (xxHash's lane mixing over the item hashes) ---------- */

#define XXPRIME_1 UINT64_C(11400714785074694791)
#define XXPRIME_2 UINT64_C(14029467366897019727)
#define XXPRIME_5 UINT64_C(2870177450012600261)

static int64_t tuple_hash(Value v)
{
    TupleObject *t = T(v);
    if (t->hash != -1)
        return t->hash;
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < t->size; i++) {
        int64_t lane = rt_hash(t->items[i]);
        if (lane == -1)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->size ^ (XXPRIME_5 ^ UINT64_C(3527539));
    int64_t h = acc == UINT64_MAX ? 1546275796 : (int64_t)acc;
    if (t != &empty_tuple)
        t->hash = h;
    return h;
}

/* ---- comparison: lexicographic, with the identity shortcut per item --------------------- */

static Value tuple_richcompare(Value a, Value b, int op)
{
    if (!is_tuple(a) || !is_tuple(b))
        return rt_NotImplemented;
    TupleObject *x = T(a), *y = T(b);
    int64_t i;
    for (i = 0; i < x->size && i < y->size; i++) {
        int r = rt_eq(x->items[i], y->items[i]);
        if (r < 0)
            return RT_ERR;
        if (!r)
            break;
    }
    if (i >= x->size || i >= y->size) {
        int64_t p = x->size, q = y->size;
        switch (op) {
        case RT_LT: return rt_bool(p < q);
        case RT_LE: return rt_bool(p <= q);
        case RT_EQ: return rt_bool(p == q);
        case RT_NE: return rt_bool(p != q);
        case RT_GT: return rt_bool(p > q);
        default: return rt_bool(p >= q);
        }
    }
    if (op == RT_EQ)
        return rt_False;
    if (op == RT_NE)
        return rt_True;
    return rt_richcompare(x->items[i], y->items[i], op);
}

/* ---- repr ------------------------------------------------------------------------------- */

static Value tuple_repr(Value v)
{
    TupleObject *t = T(v);
    if (t->size == 0)
        return rt_str_from_cstr("()");
    int st = rt_repr_enter(v);
    if (st != 0)
        return st > 0 ? rt_str_from_cstr("(...)") : RT_ERR;
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_addc(&b, '(');
    for (int64_t i = 0; i < t->size; i++) {
        Value r = rt_repr(t->items[i]);
        if (!r) {
            rt_repr_leave(v);
            return RT_ERR;
        }
        if (i)
            rt_sb_adds(&b, ", ");
        rt_sb_add(&b, rt_str_bytes(r), rt_str_nbytes(r));
    }
    rt_sb_adds(&b, t->size == 1 ? ",)" : ")");
    rt_repr_leave(v);
    return rt_sb_finish(&b);
}

/* ---- + and * ---------------------------------------------------------------------------- */

static Value tuple_add(Value a, Value b)
{
    if (!is_tuple(a) || !is_tuple(b))
        return rt_NotImplemented;
    int64_t n = T(a)->size, m = T(b)->size;
    if (m == 0 && rt_typeof(a) == &rt_tuple_type)
        return a;
    if (n == 0 && rt_typeof(b) == &rt_tuple_type)
        return b;
    Value r = rt_tuple_new(n + m);
    if (!r)
        return RT_ERR;
    memcpy(T(r)->items, T(a)->items, (size_t)n * sizeof(Value));
    memcpy(T(r)->items + n, T(b)->items, (size_t)m * sizeof(Value));
    return r;
}

/* tuple * n and n * tuple; anything else declines (abstract.c words the error) */
static Value tuple_mul(Value a, Value b)
{
    Value t = a, n = b;
    if (!is_tuple(a)) {
        t = b;
        n = a;
    }
    if (!is_tuple(t) || !rt_has_index(n))
        return rt_NotImplemented;
    int64_t k;
    if (rt_index_i64(n, &k, rt_OverflowError) < 0)
        return RT_ERR;
    int64_t size = T(t)->size;
    if (k < 0)
        k = 0;
    if (k == 1 && rt_typeof(t) == &rt_tuple_type)
        return t;
    if (size && k > INT64_MAX / 8 / size)
        return rt_raise_memory_error();
    Value r = rt_tuple_new(size * k);
    if (!r)
        return RT_ERR;
    for (int64_t i = 0; i < k; i++)
        memcpy(T(r)->items + i * size, T(t)->items, (size_t)size * sizeof(Value));
    return r;
}

/* ---- methods ---------------------------------------------------------------------------- */

Value rt_tuple_count(Value self, Value x)
{
    int64_t c = 0;
    for (int64_t i = 0; i < T(self)->size; i++) {
        int r = rt_eq(T(self)->items[i], x);
        if (r < 0)
            return RT_ERR;
        c += r;
    }
    return rt_small(c);
}

/* start/stop of index(): clamped like slice bounds (negative counts from the end) */
int rt_seq_bounds(Value start, Value stop, int64_t len, int64_t *a, int64_t *b)
{
    *a = 0;
    *b = len;
    if (start && start != rt_None && rt_index_i64(start, a, NULL) < 0)
        return -1;
    if (stop && stop != rt_None && rt_index_i64(stop, b, NULL) < 0)
        return -1;
    if (*a < 0) {
        *a += len;
        if (*a < 0)
            *a = 0;
    }
    if (*b < 0) {
        *b += len;
        if (*b < 0)
            *b = 0;
    }
    return 0;
}

Value rt_tuple_index(Value self, Value x, Value start, Value stop)
{
    int64_t a, b;
    if (rt_seq_bounds(start, stop, T(self)->size, &a, &b) < 0)
        return RT_ERR;
    for (int64_t i = a; i < b && i < T(self)->size; i++) {
        int r = rt_eq(T(self)->items[i], x);
        if (r < 0)
            return RT_ERR;
        if (r)
            return rt_small(i);
    }
    return rt_raise_str(rt_ValueError, "tuple.index(x): x not in tuple");
}

Value rt_tuple_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    if (kwnames && rt_tuple_size(kwnames))
        return rt_raise_str(rt_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1)
        return rt_raise_fmt(rt_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
    Value t = nargs ? rt_tuple_from_iterable(args[0]) : rt_val(&empty_tuple);
    if (!t || type == &rt_tuple_type)
        return t;
    /* a subclass instance: the tuple layout (items right after the header), its own type;
     * any extra room the subclass asks for comes after the items */
    TupleObject *r = (TupleObject *)rt_new_object(type, type->basicsize +
                                                  (size_t)T(t)->size * sizeof(Value));
    if (!r)
        return RT_ERR;
    r->size = T(t)->size;
    r->hash = -1;
    memcpy(r->items, T(t)->items, (size_t)r->size * sizeof(Value));
    return rt_val(r);
}

/* ---- iterator --------------------------------------------------------------------------- */

typedef struct TupleIter { Object ob; Value seq; int64_t i; } TupleIter;

static Value tuple_iter(Value t)
{
    TupleIter *it = (TupleIter *)rt_new_object(&rt_tuple_iterator_type, sizeof(TupleIter));
    if (!it)
        return RT_ERR;
    it->seq = t;
    return rt_val(it);
}

static Value tupleiter_next(Value v)
{
    TupleIter *it = (TupleIter *)rt_obj(v);
    if (!it->seq)
        return RT_ERR;
    if (it->i < T(it->seq)->size)
        return T(it->seq)->items[it->i++];
    it->seq = 0;
    return RT_ERR;
}

/* __length_hint__: the items left */
Value rt_tupleiter_length_hint(Value v)
{
    TupleIter *it = (TupleIter *)rt_obj(v);
    int64_t n = it->seq ? T(it->seq)->size - it->i : 0;
    return rt_int_from_i64(n > 0 ? n : 0);
}

static Value self_iter(Value v) { return v; }

Type rt_tuple_iterator_type = {
    .ob = {&rt_type_type}, .name = "tuple_iterator", .base = &rt_object_type,
    .basicsize = sizeof(TupleIter), .iter = self_iter, .iternext = tupleiter_next,
};

Type rt_tuple_type = {
    .ob = {&rt_type_type}, .name = "tuple", .base = &rt_object_type,
    .flags = RT_TPFLAG_TUPLE_SUBCLASS | RT_TPFLAG_BASETYPE, .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Value), .repr = tuple_repr, .hash = tuple_hash,
    .richcompare = tuple_richcompare, .iter = tuple_iter, .new_ = rt_tuple_tp_new,
    .len = tuple_len, .getitem = rt_tuple_getitem, .contains = tuple_contains,
    .nb = {.add = tuple_add, .mul = tuple_mul},
};
