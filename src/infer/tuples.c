/*
 * tuples.c - item types of tuples of known length (docs/internals/typed.md, "Tuples").
 *
 * A tuple display `(a, b)` (build.tuple) has type tuple[A, B] (types.c ty_tuple): tuples are
 * immutable, so the item types of the creation stay true wherever the tuple goes, and nothing
 * needs to be tracked after it.  Joins are item-wise for equal lengths, else a plain `tuple`.
 * Readers: `a, b = t` (unpack.seq of the same length: the tuple itself, then tuple.item k),
 * tuple.item k, and `t[k]` with a constant index inside the tuple.
 *
 * The items themselves are handed over as at any other container store: a list stored in a
 * tuple escapes (elems.c: "unmodelled use"), a class object or function object used as an
 * item opens its generic version (classes.c, funcs.c), so an item read back later needs no
 * more care than any value of its type.
 */
#include "infer.h"

static Ty T(const InferCtx *c, const MirInst *v) { return infer_ty(c, v); }

Ty tuples_inst_ty(const InferCtx *c, const MirInst *i, Ty dflt)
{
    switch (i->op) {
    case MIR_BuildTuple: {
        if (i->nargs > TY_TUPLE_MAX)
            return dflt;
        Ty items[TY_TUPLE_MAX];
        for (int k = 0; k < i->nargs; k++)
            items[k] = T(c, i->args[k]);   /* bottom: not known yet (joins item-wise later) */
        return ty_tuple(items, i->nargs);
    }
    case MIR_UnpackSeq: {
        Ty a = T(c, i->args[0]);
        if (a.k == TY_TUPLE && a.tup && a.tup->n == i->imm)
            return a;   /* unpacking cannot fail: the tuple itself */
        if (a.k == TY_OPTTUP && a.tup && a.tup->n == i->imm)   /* None raises TypeError */
            return (Ty){.k = TY_TUPLE, .tup = a.tup};
        return dflt;
    }
    case MIR_GetIter: {   /* for x in (a, b, c): the items' join (tuples are immutable) */
        Ty a = T(c, i->args[0]);
        if (a.k == TY_TUPLE && a.tup)
            return (Ty){.k = TY_TUPLEITER, .tup = a.tup};
        return dflt;
    }
    case MIR_IterNext: {
        Ty a = T(c, i->args[0]);
        if (a.k != TY_TUPLEITER || !a.tup)
            return dflt;
        Ty r = ty_bot();
        for (int k = 0; k < a.tup->n; k++)
            r = ty_join(r, a.tup->items[k]);
        return r;
    }
    case MIR_TupleItem: {
        Ty a = T(c, i->args[0]);
        if (a.k == TY_TUPLE && a.tup && i->imm >= 0 && i->imm < a.tup->n)
            return a.tup->items[i->imm];
        return dflt;
    }
    case MIR_GetItem: {
        Ty a = T(c, i->args[0]), x = T(c, i->args[1]);
        if (a.k != TY_TUPLE || !a.tup || x.k != TY_INT || x.lo != x.hi)
            return dflt;
        int64_t k = x.lo < 0 ? x.lo + a.tup->n : x.lo;
        if (k < 0 || k >= a.tup->n)
            return dflt;   /* IndexError */
        return a.tup->items[k];
    }
    default:
        return dflt;
    }
}
