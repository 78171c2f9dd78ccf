/*
 * types.c - the lattice of types.h: joins, widening, interval arithmetic, printing.
 */
#include <stdlib.h>
#include <string.h>

#include "types.h"

const char *const ty_builtin_names[TB__COUNT] = {
#define BUILTIN(id, name) name,
#include "builtins.def"
#undef BUILTIN
};

Ty (*ty_list_elem_hook)(Ty list);
static int list_depth;   /* nesting of list[...] being printed (a list may contain itself) */

Ty ty_bot(void) { return (Ty){.k = TY_BOT}; }
Ty ty_dyn(void) { return (Ty){.k = TY_DYN}; }
Ty ty_kind(TyKind k) { return (Ty){.k = k}; }
Ty ty_int(int64_t lo, int64_t hi) { return (Ty){.k = TY_INT, .lo = lo, .hi = hi}; }
Ty ty_int_any(void) { return ty_int(TY_INF_LO, TY_INF_HI); }

static int has_range(TyKind k) { return k == TY_INT || k == TY_RANGE || k == TY_RANGEITER; }

/* ---- tuple[T1, ..., Tn]: interned item lists ---- */

static TyTuple **tuples;
static int ntuples, captuples;

static int tuple_ish(TyKind k) { return k == TY_TUPLE || k == TY_OPTTUP; }

/* Does item it of tuple t stand for t itself (a recursive tuple's self reference)? */
static int self_ref(const TyTuple *t, Ty it) { return t->rec && tuple_ish(it.k) && it.tup == t; }

/* The nesting of tuple types in an item (a recursive tuple counts its own depth). */
static int item_depth(Ty it) { return tuple_ish(it.k) && it.tup ? it.tup->depth + 1 : 0; }

/* An interned copy of these items; rec: the items in selfmask are self references (of kind
 * TY_OPTTUP when in optmask, else TY_TUPLE; their given Ty is ignored). */
static Ty intern_tuple(const Ty *items, int n, int depth, int rec, unsigned selfmask,
                       unsigned optmask)
{
    Ty plain = {.k = TY_TUPLE};
    for (int t = 0; t < ntuples; t++) {
        const TyTuple *x = tuples[t];
        int same = x->n == n && x->rec == rec;
        for (int k = 0; same && k < n; k++) {
            if (selfmask >> k & 1)
                same = self_ref(x, x->items[k]) &&
                       x->items[k].k == ((optmask >> k & 1) ? TY_OPTTUP : TY_TUPLE);
            else
                same = !self_ref(x, x->items[k]) && ty_eq(x->items[k], items[k]);
        }
        if (same)
            return (Ty){.k = TY_TUPLE, .tup = x};
    }
    TyTuple *x = malloc(sizeof *x + sizeof(Ty) * (size_t)(n + 1));
    if (!x)
        return plain;
    x->n = n;
    x->depth = depth;
    x->rec = rec;
    for (int k = 0; k < n; k++)
        x->items[k] = (selfmask >> k & 1)
                          ? (Ty){.k = (optmask >> k & 1) ? TY_OPTTUP : TY_TUPLE, .tup = x}
                          : items[k];
    if (ntuples == captuples) {
        int cap = captuples ? 2 * captuples : 32;
        TyTuple **a = realloc(tuples, sizeof *a * (size_t)cap);
        if (!a) {
            free(x);
            return plain;
        }
        tuples = a;
        captuples = cap;
    }
    tuples[ntuples++] = x;
    return (Ty){.k = TY_TUPLE, .tup = x};
}

/* Walks a tuple value type t of length n for fold: each item at a self position (selfmask)
 * must be None, bottom or a tuple (or tuple|None) of length n, walked in turn (None makes
 * the position optional: optmask); the items at the other positions are joined into acc.
 * A recursive t's own self references need self positions (of the same optionality or
 * weaker) and are not walked again.  0: t does not fit the shape. */
static int fold_walk(const TyTuple *t, int n, unsigned selfmask, unsigned *optmask, Ty *acc,
                     int level)
{
    if (t->n != n || level > 64)
        return 0;
    for (int k = 0; k < n; k++) {
        Ty it = t->items[k];
        if (!(selfmask >> k & 1)) {
            if (self_ref(t, it))
                return 0;
            acc[k] = ty_join(acc[k], it);
            continue;
        }
        if (it.k == TY_BOT)
            continue;
        if (it.k == TY_NONE) {
            *optmask |= 1u << k;
            continue;
        }
        if (!tuple_ish(it.k) || !it.tup || it.tup->n != n)
            return 0;
        if (it.k == TY_OPTTUP)
            *optmask |= 1u << k;
        if (self_ref(t, it))
            continue;
        if (!fold_walk(it.tup, n, selfmask, optmask, acc, level + 1))
            return 0;
    }
    return 1;
}

/* The recursive tuple type that holds tuple[items] (the positions whose item is a tuple of
 * the same length refer to the type itself, the others join what the nested tuples hold
 * there), or a plain `tuple` when the nesting does not have that shape.  Sound: every
 * tuple the walk visits is accounted for, so tuple[items] is inside the result. */
static Ty fold(const Ty *items, int n)
{
    Ty plain = {.k = TY_TUPLE};
    unsigned selfmask = 0, optmask = 0;
    for (int k = 0; k < n; k++)
        if (tuple_ish(items[k].k) && items[k].tup && items[k].tup->n == n)
            selfmask |= 1u << k;
    if (!selfmask)
        return plain;
    Ty acc[TY_TUPLE_MAX + 1];
    TyTuple *top = malloc(sizeof *top + sizeof(Ty) * (size_t)(n + 1));
    if (!top)
        return plain;
    top->n = n;
    top->depth = 0;
    top->rec = 0;
    for (int k = 0; k < n; k++) {
        acc[k] = ty_bot();
        top->items[k] = items[k];
    }
    int ok = fold_walk(top, n, selfmask, &optmask, acc, 0);
    free(top);
    if (!ok)
        return plain;
    int depth = 0;
    for (int k = 0; k < n; k++) {
        if (selfmask >> k & 1)
            continue;
        if (acc[k].k == TY_CELL)
            return plain;
        if (item_depth(acc[k]) > depth)
            depth = item_depth(acc[k]);
    }
    if (depth >= TY_TUPLE_DEPTH)
        return plain;
    return intern_tuple(acc, n, depth, 1, selfmask, optmask);
}

Ty ty_tuple(const Ty *items, int n)
{
    Ty plain = {.k = TY_TUPLE};
    if (!items || n < 0 || n > TY_TUPLE_MAX)
        return plain;
    int depth = 0, recitem = 0;
    for (int k = 0; k < n; k++) {
        if (items[k].k == TY_CELL)
            return plain;
        if (item_depth(items[k]) > depth)
            depth = item_depth(items[k]);
        if (tuple_ish(items[k].k) && items[k].tup && items[k].tup->rec && items[k].tup->n == n)
            recitem = 1;
    }
    if (depth >= TY_TUPLE_DEPTH || recitem)
        return fold(items, n);
    return intern_tuple(items, n, depth, 0, 0, 0);
}

/* Is every tuple of type x (a TY_TUPLE) one of recursive type m? */
static int tuple_leq(Ty x, const TyTuple *m, int level)
{
    if (x.k == TY_BOT || x.tup == m)
        return 1;
    if (x.k != TY_TUPLE || !x.tup || x.tup->n != m->n || level > 64)
        return 0;
    for (int k = 0; k < m->n; k++) {
        Ty xi = x.tup->items[k], mi = m->items[k];
        if (self_ref(x.tup, xi)) {   /* x recursive too: its self stands for x (assumed in m) */
            if (!self_ref(m, mi) || (xi.k == TY_OPTTUP && mi.k != TY_OPTTUP))
                return 0;
            continue;
        }
        if (self_ref(m, mi)) {
            if (xi.k == TY_BOT || (xi.k == TY_NONE && mi.k == TY_OPTTUP))
                continue;
            if (xi.k == TY_OPTTUP && mi.k != TY_OPTTUP)
                return 0;
            if (!tuple_ish(xi.k) || !tuple_leq((Ty){.k = TY_TUPLE, .tup = xi.tup}, m, level + 1))
                return 0;
            continue;
        }
        if (!ty_eq(ty_join(xi, mi), mi))
            return 0;
    }
    return 1;
}

/* Item-wise join (widen: item-wise widening) of two tuples of the same length; a recursive
 * tuple absorbs a tuple it holds. */
static Ty tuple_join(Ty a, Ty b, int widen)
{
    if (!a.tup || !b.tup || a.tup->n != b.tup->n)
        return ty_kind(TY_TUPLE);
    if (a.tup == b.tup)
        return a;
    Ty ta = {.k = TY_TUPLE, .tup = a.tup}, tb = {.k = TY_TUPLE, .tup = b.tup};
    if (a.tup->rec && tuple_leq(tb, a.tup, 0))
        return ta;
    if (b.tup->rec && tuple_leq(ta, b.tup, 0))
        return tb;
    if (a.tup->rec || b.tup->rec)
        return ty_kind(TY_TUPLE);
    Ty items[TY_TUPLE_MAX];
    for (int k = 0; k < a.tup->n; k++)
        items[k] = widen ? ty_widen(a.tup->items[k], b.tup->items[k])
                         : ty_join(a.tup->items[k], b.tup->items[k]);
    return ty_tuple(items, a.tup->n);
}

/* The join of None, tuples and tuple|None (two of them, of different kinds or both
 * tuple|None): tuple|None of the tuples' join. */
static Ty opttuple_join(Ty a, Ty b, int widen)
{
    if (a.k == TY_NONE)
        return (Ty){.k = TY_OPTTUP, .tup = b.tup};
    if (b.k == TY_NONE)
        return (Ty){.k = TY_OPTTUP, .tup = a.tup};
    Ty j = tuple_join((Ty){.k = TY_TUPLE, .tup = a.tup}, (Ty){.k = TY_TUPLE, .tup = b.tup}, widen);
    return (Ty){.k = TY_OPTTUP, .tup = j.tup};
}

/* ---- unions of exact instances: interned class lists ---- */

static TyUnion **unions;
static int nunions, capunions;

Ty ty_instances(struct InferClass *const *cls, int n, int none)
{
    struct InferClass *set[TY_UNION_MAX];
    int m = 0;
    for (int k = 0; k < n; k++) {
        int seen = 0;
        for (int j = 0; j < m; j++)
            seen |= set[j] == cls[k];
        if (seen)
            continue;
        if (m == TY_UNION_MAX)
            return ty_dyn();   /* bounded: beyond, the generic code */
        /* insertion in class order (deterministic, whatever the join order) */
        int at = m;
        while (at > 0 && infer_class_id(set[at - 1]) > infer_class_id(cls[k])) {
            set[at] = set[at - 1];
            at--;
        }
        set[at] = cls[k];
        m++;
    }
    if (m == 0)
        return none ? ty_kind(TY_NONE) : ty_bot();
    if (m == 1)
        return (Ty){.k = none ? TY_OPT : TY_INST, .cls = set[0]};
    for (int u = 0; u < nunions; u++) {
        const TyUnion *x = unions[u];
        int same = x->n == m && x->none == !!none;
        for (int k = 0; same && k < m; k++)
            same = x->cls[k] == set[k];
        if (same)
            return (Ty){.k = TY_UNION, .un = x};
    }
    TyUnion *x = calloc(1, sizeof *x);
    if (!x)
        return ty_dyn();
    x->n = m;
    x->none = !!none;
    memcpy(x->cls, set, sizeof set[0] * (size_t)m);
    if (nunions == capunions) {
        int cap = capunions ? 2 * capunions : 16;
        TyUnion **a = realloc(unions, sizeof *a * (size_t)cap);
        if (!a) {
            free(x);
            return ty_dyn();
        }
        unions = a;
        capunions = cap;
    }
    unions[nunions++] = x;
    return (Ty){.k = TY_UNION, .un = x};
}

int ty_classes(Ty t, struct InferClass **cls, int *none)
{
    *none = 0;
    switch (t.k) {
    case TY_NONE:
        *none = 1;
        return 0;
    case TY_INST:
    case TY_OPT:
        if (!t.cls)
            return -1;
        *none = t.k == TY_OPT;
        cls[0] = t.cls;
        return 1;
    case TY_UNION:
        *none = t.un->none;
        memcpy(cls, t.un->cls, sizeof cls[0] * (size_t)t.un->n);
        return t.un->n;
    default:
        return -1;
    }
}

/* The join of two instance-like types (or None with one): the union of their classes. */
static Ty instances_join(Ty a, Ty b)
{
    struct InferClass *cls[2 * TY_UNION_MAX];
    int na, nb, none_a, none_b;
    na = ty_classes(a, cls, &none_a);
    if (na < 0)
        return ty_dyn();
    nb = ty_classes(b, cls + na, &none_b);
    if (nb < 0 || na + nb == 0)
        return ty_dyn();
    return ty_instances(cls, na + nb, none_a || none_b);
}

int ty_eq(Ty a, Ty b)
{
    if (a.k != b.k)
        return 0;
    if (has_range(a.k))
        return a.lo == b.lo && a.hi == b.hi;
    if (a.k == TY_FUNC)
        return a.fn == b.fn;
    if (a.k == TY_MODULE)
        return a.mod == b.mod;
    if (a.k == TY_BUILTIN)
        return a.bi == b.bi;
    if (a.k == TY_CELL)
        return a.cell == b.cell;
    if (a.k == TY_CLASS || a.k == TY_INST || a.k == TY_OPT)
        return a.cls == b.cls;
    if (a.k == TY_METHOD)
        return a.cls == b.cls && a.fn == b.fn;
    if (a.k == TY_LIST || a.k == TY_LISTITER || a.k == TY_DICT)
        return a.sites == b.sites;
    if (a.k == TY_TUPLE || a.k == TY_TUPLEITER || a.k == TY_OPTTUP)
        return a.tup == b.tup;
    if (a.k == TY_UNION)
        return a.un == b.un;
    if (a.k == TY_UMETHOD)
        return a.un == b.un && a.fn == b.fn;
    if (a.k == TY_SUPER)
        return a.cls == b.cls && a.lo == b.lo;
    if (a.k == TY_ZIP || a.k == TY_ENUM || a.k == TY_PAIR || a.k == TY_ZIPSTAR || a.k == TY_ROW)
        return a.sites == b.sites && a.sites2 == b.sites2 && a.enumer == b.enumer;
    return 1;
}

Ty ty_join(Ty a, Ty b)
{
    if (a.k == TY_BOT)
        return b;
    if (b.k == TY_BOT)
        return a;
    if (a.k != b.k) {
        if ((a.k == TY_FLOAT || a.k == TY_NONE || a.k == TY_OPTF) &&
            (b.k == TY_FLOAT || b.k == TY_NONE || b.k == TY_OPTF))
            return ty_kind(TY_OPTF);   /* float|None */
        if ((a.k == TY_NONE || tuple_ish(a.k)) && (b.k == TY_NONE || tuple_ish(b.k)))
            return opttuple_join(a, b, 0);   /* tuple|None */
        /* C|None: an instance of one class, None, or both */
        Ty o = a.k == TY_NONE ? b : a, p = a.k == TY_NONE ? a : b;
        if ((o.k == TY_INST || o.k == TY_OPT) &&
            (p.k == TY_NONE || ((p.k == TY_INST || p.k == TY_OPT) && p.cls == o.cls)))
            return (Ty){.k = TY_OPT, .cls = o.cls};
        /* instances of several classes (and None): a bounded union */
        if ((o.k == TY_INST || o.k == TY_OPT || o.k == TY_UNION) &&
            (p.k == TY_NONE || p.k == TY_INST || p.k == TY_OPT || p.k == TY_UNION))
            return instances_join(a, b);
        return (a.k == TY_NUM || b.k == TY_NUM) ? ty_join_num(a, b) : ty_dyn();
    }
    if (has_range(a.k))
        return (Ty){.k = a.k, .lo = a.lo < b.lo ? a.lo : b.lo, .hi = a.hi > b.hi ? a.hi : b.hi};
    if (a.k == TY_LIST || a.k == TY_LISTITER || a.k == TY_DICT)
        return (Ty){.k = a.k, .sites = a.sites | b.sites};
    if (a.k == TY_TUPLE)
        return tuple_join(a, b, 0);
    if (a.k == TY_OPTTUP)
        return opttuple_join(a, b, 0);
    if (a.k == TY_TUPLEITER) {
        Ty j = tuple_join(a, b, 0);
        j.k = TY_TUPLEITER;
        return j;
    }
    if ((a.k == TY_ZIP || a.k == TY_ENUM || a.k == TY_PAIR || a.k == TY_ZIPSTAR ||
         a.k == TY_ROW) && a.enumer == b.enumer)
        return (Ty){.k = a.k, .sites = a.sites | b.sites, .sites2 = a.sites2 | b.sites2,
                    .enumer = a.enumer};
    if (a.k == TY_INST || a.k == TY_OPT || a.k == TY_UNION)
        return ty_eq(a, b) ? a : instances_join(a, b);
    return ty_eq(a, b) ? a : ty_dyn();
}

static int num_kind(TyKind k) { return k == TY_INT || k == TY_FLOAT || k == TY_NUM; }

Ty ty_join_num(Ty a, Ty b)
{
    if (a.k == TY_BOT || b.k == TY_BOT || a.k == b.k)
        return a.k == TY_NUM || b.k == TY_NUM ? ty_kind(TY_NUM) : ty_join(a, b);
    if (num_kind(a.k) && num_kind(b.k))
        return ty_kind(TY_NUM);
    return ty_dyn();
}

Ty ty_widen(Ty old, Ty neu)
{
    if (old.k == TY_TUPLE && neu.k == TY_TUPLE)
        return tuple_join(old, neu, 1);
    if (tuple_ish(old.k) && tuple_ish(neu.k))
        return opttuple_join(old, neu, 1);
    if (old.k == TY_TUPLEITER && neu.k == TY_TUPLEITER) {
        Ty j = tuple_join(old, neu, 1);
        j.k = TY_TUPLEITER;
        return j;
    }
    Ty j = ty_join(old, neu);
    if (old.k == j.k && has_range(j.k)) {
        /* stops at 32 bits and at the small-int range before infinity: a value kept in range
         * by a mask (`h = (h * 31 + c) & 0xFFFFFFFF`) settles at one, a counter goes on */
        static const int64_t stop[2] = {(INT64_C(1) << 32) - 1, (INT64_C(1) << 62) - 1};
        if (j.lo < old.lo) {
            int64_t lo = TY_INF_LO;
            for (int k = 1; k >= 0; k--)
                if (j.lo >= -stop[k] - 1 && old.lo > -stop[k] - 1)
                    lo = -stop[k] - 1;
            j.lo = lo;
        }
        if (j.hi > old.hi) {
            int64_t hi = TY_INF_HI;
            for (int k = 1; k >= 0; k--)
                if (j.hi <= stop[k] && old.hi < stop[k])
                    hi = stop[k];
            j.hi = hi;
        }
    }
    return j;
}

int ty_int_small(Ty t)
{
    return t.k == TY_INT && t.lo >= -(INT64_C(1) << 62) && t.hi <= (INT64_C(1) << 62) - 1;
}

MirType ty_rep(Ty t)
{
    if (t.k == TY_INT)
        return ty_int_small(t) ? MT_I64 : MT_DYN;
    if (t.k == TY_FLOAT)
        return MT_F64;
    if (t.k == TY_BOOL)
        return MT_I1;
    return MT_DYN;
}

/* x + y with infinite ends absorbing; an overflowing finite sum becomes the infinity on its
 * side (the interval only grows, so the result stays sound). */
static int64_t end_add(int64_t x, int64_t y, int lo_end)
{
    int64_t inf = lo_end ? TY_INF_LO : TY_INF_HI;
    if (x == TY_INF_LO || x == TY_INF_HI || y == TY_INF_LO || y == TY_INF_HI)
        return inf;
    int64_t r;
    if (__builtin_add_overflow(x, y, &r))
        return inf;
    return r;
}

static int64_t end_neg(int64_t x)
{
    if (x == TY_INF_LO)
        return TY_INF_HI;
    if (x == TY_INF_HI)
        return TY_INF_LO;
    return -x;
}

Ty ty_int_add(Ty a, Ty b) { return ty_int(end_add(a.lo, b.lo, 1), end_add(a.hi, b.hi, 0)); }

Ty ty_int_neg(Ty a) { return ty_int(end_neg(a.hi), end_neg(a.lo)); }

Ty ty_int_sub(Ty a, Ty b) { return ty_int_add(a, ty_int_neg(b)); }

Ty ty_int_mul(Ty a, Ty b)
{
    int64_t c[4] = {0};
    int64_t xs[2] = {a.lo, a.hi}, ys[2] = {b.lo, b.hi};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            int64_t x = xs[i], y = ys[j], r;
            int inf = x == TY_INF_LO || x == TY_INF_HI || y == TY_INF_LO || y == TY_INF_HI;
            if (inf || __builtin_mul_overflow(x, y, &r))
                return ty_int_any();
            c[2 * i + j] = r;
        }
    int64_t lo = c[0], hi = c[0];
    for (int i = 1; i < 4; i++) {
        if (c[i] < lo)
            lo = c[i];
        if (c[i] > hi)
            hi = c[i];
    }
    return ty_int(lo, hi);
}

/* Bits of a finite end in two's complement, sign excluded: v lies in [-2**m, 2**m - 1]. */
static int end_bits(int64_t v)
{
    uint64_t u = v < 0 ? ~(uint64_t)v : (uint64_t)v;
    return u ? 64 - __builtin_clzll(u) : 0;
}

static int bounded(Ty a) { return a.lo != TY_INF_LO && a.hi != TY_INF_HI; }

/* x & y, x | y, x ^ y: a non-negative operand bounds &; two non-negative operands keep the
 * bit length of the larger; finite operands stay inside [-2**m, 2**m - 1] for their widest m
 * (each bit of the result, the sign bits included, is a function of the operands' bits). */
Ty ty_int_bitop(int op_and, int op_or, Ty a, Ty b)
{
    if (op_and && a.lo >= 0 && b.lo >= 0)
        return ty_int(0, a.hi < b.hi ? a.hi : b.hi);
    if (op_and && a.lo >= 0)
        return ty_int(0, a.hi);
    if (op_and && b.lo >= 0)
        return ty_int(0, b.hi);
    if (!bounded(a) || !bounded(b))
        return ty_int_any();
    int m = end_bits(a.lo);
    int bits[3] = {end_bits(a.hi), end_bits(b.lo), end_bits(b.hi)};
    for (int k = 0; k < 3; k++)
        if (bits[k] > m)
            m = bits[k];
    int64_t top = m >= 63 ? TY_INF_HI : (INT64_C(1) << m) - 1;
    if (a.lo >= 0 && b.lo >= 0)
        return ty_int(op_or && a.lo > b.lo ? a.lo : op_or ? b.lo : 0, top);   /* x|y >= x, y */
    int64_t bot = m >= 63 ? TY_INF_LO : -(INT64_C(1) << m);
    if (op_and)   /* both may be negative: x & y is at most the larger of them */
        return ty_int(bot, a.hi > b.hi ? a.hi : b.hi);
    return ty_int(bot, top);
}

/* x >> y for y >= 0 moves x toward 0 (or -1): the result lies between x's ends shifted by
 * y's ends. */
Ty ty_int_shr(Ty a, Ty b)
{
    if (b.lo < 0)
        return ty_int_any();
    int slo = b.lo > 63 ? 63 : (int)b.lo, shi = b.hi > 63 ? 63 : (int)b.hi;
    int64_t lo = a.lo == TY_INF_LO ? TY_INF_LO : a.lo >> (a.lo < 0 ? slo : shi);
    int64_t hi = a.hi == TY_INF_HI ? TY_INF_HI : a.hi >> (a.hi >= 0 ? slo : shi);
    return ty_int(lo, hi);
}

/* x << y for 0 <= y <= 62 with both ends of x shifted by y's largest (or smallest) count
 * without leaving i64; anything else is unbounded. */
Ty ty_int_shl(Ty a, Ty b)
{
    if (b.lo < 0 || b.hi > 62 || !bounded(a))
        return ty_int_any();
    int s = (int)b.hi;
    if (a.lo < -(INT64_C(1) << (62 - s)) || a.hi > (INT64_C(1) << (62 - s)) - 1)
        return ty_int_any();
    int64_t lo = a.lo * (INT64_C(1) << (a.lo < 0 ? s : (int)b.lo));
    int64_t hi = a.hi * (INT64_C(1) << (a.hi >= 0 ? s : (int)b.lo));
    return ty_int(lo, hi);
}

static void put_end(char *buf, size_t n, int64_t v)
{
    if (v == TY_INF_LO)
        snprintf(buf, n, "-inf");
    else if (v == TY_INF_HI)
        snprintf(buf, n, "+inf");
    else
        snprintf(buf, n, "%lld", (long long)v);
}

const char *ty_str(Ty t, char *buf, size_t n)
{
    char l[24], h[24];
    switch (t.k) {
    case TY_BOT: snprintf(buf, n, "bottom"); break;
    case TY_INT:
    case TY_RANGE:
    case TY_RANGEITER:
        if (t.k == TY_INT && t.lo == TY_INF_LO && t.hi == TY_INF_HI) {
            snprintf(buf, n, "int");
            break;
        }
        put_end(l, sizeof l, t.lo);
        put_end(h, sizeof h, t.hi);
        snprintf(buf, n, "%s[%s, %s]", t.k == TY_INT ? "int" : t.k == TY_RANGE ? "range"
                                                                              : "range_iterator",
                 l, h);
        break;
    case TY_FLOAT: snprintf(buf, n, "float"); break;
    case TY_OPTF: snprintf(buf, n, "float|None"); break;
    case TY_NUM: snprintf(buf, n, "int|float"); break;
    case TY_BOOL: snprintf(buf, n, "bool"); break;
    case TY_NONE: snprintf(buf, n, "None"); break;
    case TY_STR: snprintf(buf, n, "str"); break;
    case TY_LIST:
    case TY_LISTITER:
        if (ty_list_elem_hook && list_depth < 3) {
            char e[96];
            list_depth++;
            ty_str(ty_list_elem_hook(t), e, sizeof e);
            list_depth--;
            snprintf(buf, n, "%s[%s]", t.k == TY_LIST ? "list" : "list_iterator", e);
        } else {
            snprintf(buf, n, t.k == TY_LIST ? "list" : "list_iterator");
        }
        break;
    case TY_ZIP: snprintf(buf, n, "zip"); break;
    case TY_ZIPSTAR: snprintf(buf, n, "zip*"); break;
    case TY_ROW:
        if (ty_list_elem_hook && list_depth < 3) {
            char e[96];
            list_depth++;
            ty_str(ty_list_elem_hook((Ty){.k = TY_LIST, .sites = t.sites}), e, sizeof e);
            list_depth--;
            snprintf(buf, n, "tuple[%s, ...]", e);
        } else {
            snprintf(buf, n, "tuple");
        }
        break;
    case TY_ENUM: snprintf(buf, n, "enumerate"); break;
    case TY_PAIR:
        if (ty_list_elem_hook && list_depth < 3) {
            char e1[96], e2[96];
            Ty l1 = {.k = TY_LIST, .sites = t.sites}, l2 = {.k = TY_LIST, .sites = t.sites2};
            list_depth++;
            if (t.enumer)
                snprintf(e1, sizeof e1, "int");
            else
                ty_str(ty_list_elem_hook(l1), e1, sizeof e1);
            ty_str(ty_list_elem_hook(t.enumer ? l1 : l2), e2, sizeof e2);
            list_depth--;
            snprintf(buf, n, "tuple[%s, %s]", e1, e2);
        } else {
            snprintf(buf, n, "tuple");
        }
        break;
    case TY_OPTTUP: {
        char e[128];
        ty_str((Ty){.k = TY_TUPLE, .tup = t.tup}, e, sizeof e);
        snprintf(buf, n, "%s|None", e);
        break;
    }
    case TY_TUPLE:
        if (t.tup) {
            size_t used = (size_t)snprintf(buf, n, t.tup->rec ? "T = tuple[" : "tuple[");
            for (int k = 0; k < t.tup->n && used < n; k++) {
                char e[128];
                if (self_ref(t.tup, t.tup->items[k]))
                    snprintf(e, sizeof e, t.tup->items[k].k == TY_OPTTUP ? "T|None" : "T");
                else
                    ty_str(t.tup->items[k], e, sizeof e);
                used += (size_t)snprintf(buf + used, n - used, "%s%s", k ? ", " : "", e);
            }
            if (used < n)
                snprintf(buf + used, n - used, t.tup->n ? "]" : "()]");
        } else {
            snprintf(buf, n, "tuple");
        }
        break;
    case TY_DICT: snprintf(buf, n, "dict"); break;
    case TY_TUPLEITER: snprintf(buf, n, "tuple_iterator"); break;
    case TY_SET: snprintf(buf, n, "set"); break;
    case TY_OPT: snprintf(buf, n, "%s|None", t.cls ? infer_class_name(t.cls) : "instance"); break;
    case TY_UNION: {
        size_t used = 0;
        for (int k = 0; k < t.un->n && used < n; k++)
            used += (size_t)snprintf(buf + used, n - used, "%s%s", k ? "|" : "",
                                     infer_class_name(t.un->cls[k]));
        if (t.un->none && used < n)
            snprintf(buf + used, n - used, "|None");
        break;
    }
    case TY_UMETHOD: {
        size_t used = (size_t)snprintf(buf, n, "method %s of ", t.fn && t.fn->name ? t.fn->name : "?");
        for (int k = 0; k < t.un->n && used < n; k++)
            used += (size_t)snprintf(buf + used, n - used, "%s%s", k ? "|" : "",
                                     infer_class_name(t.un->cls[k]));
        break;
    }
    case TY_SUPER: snprintf(buf, n, "super of %s", t.cls ? infer_class_name(t.cls) : "?"); break;
    case TY_FUNC: snprintf(buf, n, "function %s", t.fn && t.fn->qualname ? t.fn->qualname : "?"); break;
    case TY_CLASS: snprintf(buf, n, "class %s", t.cls ? infer_class_name(t.cls) : "?"); break;
    case TY_MODULE: snprintf(buf, n, "module %s", t.mod ? t.mod->name : "?"); break;
    case TY_INST: snprintf(buf, n, "%s", t.cls ? infer_class_name(t.cls) : "instance"); break;
    case TY_METHOD:
        snprintf(buf, n, "method %s", t.fn && t.fn->qualname ? t.fn->qualname : "?");
        break;
    case TY_BUILTIN: snprintf(buf, n, "builtin %s", ty_builtin_names[t.bi]); break;
    case TY_CELL: snprintf(buf, n, "cell"); break;
    case TY_DYN: snprintf(buf, n, "dyn"); break;
    }
    return buf;
}

void ty_print(FILE *out, Ty t, int pyi)
{
    char buf[128];
    if (!pyi) {
        fputs(ty_str(t, buf, sizeof buf), out);
        return;
    }
    switch (t.k) {
    case TY_INT: fputs("int", out); break;
    case TY_FLOAT: fputs("float", out); break;
    case TY_OPTF: fputs("float | None", out); break;
    case TY_NUM: fputs("int | float", out); break;
    case TY_BOOL: fputs("bool", out); break;
    case TY_NONE: fputs("None", out); break;
    case TY_STR: fputs("str", out); break;
    case TY_LIST: fputs("list", out); break;
    case TY_TUPLE:
        if (!t.tup) {
            fputs("tuple", out);
            break;
        }
        fputs("tuple[", out);
        for (int k = 0; k < t.tup->n; k++) {
            if (k)
                fputs(", ", out);
            if (self_ref(t.tup, t.tup->items[k]))   /* no alias in annotations: any tuple */
                fputs(t.tup->items[k].k == TY_OPTTUP ? "tuple | None" : "tuple", out);
            else
                ty_print(out, t.tup->items[k], 1);
        }
        fputs(t.tup->n ? "]" : "()]", out);
        break;
    case TY_OPTTUP:
        ty_print(out, (Ty){.k = TY_TUPLE, .tup = t.tup}, 1);
        fputs(" | None", out);
        break;
    case TY_DICT: fputs("dict", out); break;
    case TY_SET: fputs("set", out); break;
    case TY_OPT: fprintf(out, "%s | None", t.cls ? infer_class_name(t.cls) : "Any"); break;
    case TY_UNION:
        for (int k = 0; k < t.un->n; k++)
            fprintf(out, "%s%s", k ? " | " : "", infer_class_name(t.un->cls[k]));
        if (t.un->none)
            fputs(" | None", out);
        break;
    case TY_RANGE: fputs("range", out); break;
    case TY_FUNC: case TY_BUILTIN: fputs("Callable[..., Any]", out); break;
    case TY_MODULE: fputs("ModuleType", out); break;
    case TY_INST: fputs(t.cls ? infer_class_name(t.cls) : "Any", out); break;
    case TY_CLASS: fprintf(out, "type[%s]", t.cls ? infer_class_name(t.cls) : "Any"); break;
    case TY_METHOD: fputs("Callable[..., Any]", out); break;
    case TY_BOT: fputs("NoReturn", out); break;
    default: fputs("Any", out); break;
    }
}
