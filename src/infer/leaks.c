/*
 * leaks.c - which classes' instances may be held by a dyn value (docs/internals/typed.md,
 * "Instances that stay typed").
 *
 * Entry point: leaks_compute(in), after a fixed point, before the verifiers.  A class C
 * *leaks* when an exact instance of C may reach code that does not know its type: then a dyn
 * operand of a generic operator, or a dyn receiver of a getattr, may be a C and run C's
 * methods generically (dunder.c and classes.c open them).  A class that does not leak keeps
 * its methods closed against dyn values, so a dyn `digest * 16777619` in main no longer opens
 * Vector.__mul__.
 *
 * C leaks when
 *   - the program has a dynamic escape or uses getattr/type (every class leaks);
 *   - a method on C's MRO has a generic version that may run (its self is a dyn C), or the
 *     namespace of a class on the MRO binds a name to something other than a plain def or a
 *     constant (a descriptor's code gets the instance);
 *   - C's class object is used other than as the callee of a call or isinstance's class (it
 *     may make instances anywhere), or reached by name other than by a typed load;
 *   - in a running context, a value whose type mentions C (C, C|None, a union with C, a tuple
 *     or a tracked list holding them, a bound method of C, super() of a C) has a use that
 *     does not keep the type: everything but the uses listed in safe_use, each of which hands
 *     the value on to a place whose type still mentions C (a phi, a tuple, a tracked list or
 *     attribute, a specialised parameter, a clone's return, a stable global) or consumes it
 *     without code that could keep it (is, truthiness, a typed attribute access, a direct
 *     dunder or method call, isinstance, print).
 * Values re-emerging from a channel (an attribute read on a receiver of unknown class, a list
 * that escapes, a cell) are covered at the store: the store's check requires that the channel
 * keeps the type (attr_tracked and a type that mentions C; elems_of of the list; cells leak).
 */
#include <stdlib.h>
#include <string.h>

#include "infer.h"

static int mentions(const Infer *in, Ty t, const InferClass *c, int depth);

static int list_mentions(const Infer *in, uint64_t sites, const InferClass *c, int depth)
{
    if (!sites)
        return 0;
    return mentions(in, elems_of(in, (Ty){.k = TY_LIST, .sites = sites}), c, depth + 1);
}

/* Does a value of type t hold (or may it be) an exact instance of c? */
static int mentions(const Infer *in, Ty t, const InferClass *c, int depth)
{
    if (depth > 4)
        return 0;
    switch (t.k) {
    case TY_INST: case TY_OPT: case TY_METHOD: case TY_SUPER:
        return t.cls == c;
    case TY_UNION: case TY_UMETHOD:
        for (int k = 0; k < t.un->n; k++)
            if (t.un->cls[k] == c)
                return 1;
        return 0;
    case TY_TUPLE: case TY_TUPLEITER: case TY_OPTTUP:
        if (t.tup)
            for (int k = 0; k < t.tup->n; k++)
                if (mentions(in, t.tup->items[k], c, depth + 1))
                    return 1;
        return 0;
    case TY_LIST: case TY_LISTITER: case TY_ZIP: case TY_ENUM: case TY_PAIR: case TY_ZIPSTAR:
    case TY_ROW:
        return list_mentions(in, t.sites, c, depth) || list_mentions(in, t.sites2, c, depth);
    case TY_CELL:
        return t.cell && mentions(in, t.cell->content, c, depth + 1);
    default:
        return 0;
    }
}

/* The parameter of context t that call operand k of call i binds (positional calls only). */
static int param_ty_mentions(const Infer *in, const InferCtx *t, const MirInst *i, int k,
                             int self_first, const InferClass *c)
{
    if (!t || t->index == 0 || i->nnames)
        return 0;
    int p = k - 1 + self_first;
    return p >= 0 && p < t->nargs && mentions(in, t->args[p], c, 0);
}

/* Is operand k of i (its value of type v mentions c) a use that keeps c's instances typed? */
static int safe_use(const Infer *in, const InferCtx *cx, const MirInst *i, int k, Ty v,
                    const InferClass *c)
{
    Ty r = (mir_ops[i->op].flags & MF_VALUE) && i->id >= 0 ? infer_ty(cx, i) : ty_dyn();
    switch (i->op) {
    case MIR_NarrowCmp: case MIR_NarrowIdx:
        return k > 0 || mentions(in, r, c, 0);   /* operand 1 is only read */
    case MIR_Phi: case MIR_Narrow: case MIR_CheckBound: case MIR_BuildTuple:
        return mentions(in, r, c, 0);
    case MIR_Is: case MIR_Truthy: case MIR_Not: case MIR_UnpackSeq: case MIR_TupleItem:
    case MIR_GetIter: case MIR_IterNext: case MIR_GenFresh: case MIR_IterRelease:
        return 1;   /* the value itself goes nowhere (items: typed results) */
    case MIR_Compare:
        return i->imm == Cmp_Is || i->imm == Cmp_IsNot;
    case MIR_GetItem:
        return k == 0;   /* an item of a typed tuple/list (an index: no) */
    case MIR_GetAttr:
        if (k != 0)
            return 0;
        if (v.k == TY_INST || v.k == TY_SUPER || v.k == TY_OPT || v.k == TY_UNION) {
            /* a bound method as a value: checked at its uses; a method name read generically
             * (its type dyn): the bound method holds the instance */
            if (r.k == TY_METHOD || r.k == TY_UMETHOD)
                return 1;
            int other;
            return v.k == TY_SUPER || (!classes_lookup(in, c, i->str, &other) && !other);
        }
        return 0;
    case MIR_SetAttr:
        if (k == 0)   /* a plain class's setattr runs no code of the program */
            return v.k == TY_INST || v.k == TY_OPT || v.k == TY_UNION;
        /* stored: the attribute keeps its type, and no code reads it generically */
        {
            Ty o = infer_ty(cx, i->args[0]);
            if (!elems_attr_tracked((Infer *)in, o, i->str))
                return 0;
            InferClass *cls[TY_UNION_MAX];
            int none, n = ty_classes(o, cls, &none);
            if (n <= 0 || none)
                return 0;
            for (int m = 0; m < n; m++)
                if (!mentions(in, classes_attr_ty(in, cls[m], i->str), c, 0))
                    return 0;
            return 1;
        }
    case MIR_BuildList:
        return mentions(in, r, c, 0);
    case MIR_ListAppend:
        return k == 1 && mentions(in, infer_ty(cx, i->args[0]), c, 0);
    case MIR_SetItem:
        return k == 2 && mentions(in, infer_ty(cx, i->args[0]), c, 0);
    case MIR_Ret:
        return cx->index > 0 && !cx->genconv && mentions(in, cx->ret, c, 0);
    case MIR_GlobalStore: {
        /* a stable global of the main module (other modules' globals are read by
         * import.from as dyn), not named like a builtin (a load before the store finds the
         * builtin: dyn) */
        const MirModule *m = cx->fn->module;
        const InferGlobal *g = infer_global(in, m, i->str);
        return m && m->name && strcmp(m->name, "__main__") == 0 && g && !g->unstable &&
               g->nstores == 1 && !infer_is_builtin_name(i->str) && mentions(in, g->ty, c, 0);
    }
    case MIR_BinOp: case MIR_InplaceOp: case MIR_UnaryOp: {
        int swap;
        return dunder_target(in, cx, i, &swap) != NULL;
    }
    case MIR_Call: {
        if (i->id < 0 || i->id >= cx->nvals)
            return 0;
        for (int a = 1; a < i->nargs; a++)
            if (infer_ty(cx, i->args[a]).k == TY_BOT)
                return 1;   /* never runs */
        Ty f = infer_ty(cx, i->args[0]);
        if (k == 0) {
            if (f.k == TY_METHOD)   /* o.m(...): self goes to the method's clone */
                return cx->mcallee[i->id] && cx->mcallee[i->id]->index > 0 && !i->nnames;
            return f.k == TY_UMETHOD;   /* classes without a clone: their method is open */
        }
        if (f.k == TY_BUILTIN && (f.bi == TB_isinstance || f.bi == TB_print))
            return 1;   /* reads the type / prints (a __repr__ of its own is open) */
        if (f.k == TY_METHOD || f.k == TY_CLASS)
            return param_ty_mentions(in, cx->mcallee[i->id], i, k, 1, c);
        if (f.k == TY_UMETHOD) {
            int n = f.un->n;
            for (int m = 0; m < n; m++)
                if (!param_ty_mentions(in, classes_ucallee(cx, i, m), i, k, 1, c))
                    return 0;
            return 1;
        }
        return param_ty_mentions(in, cx->callee[i->id], i, k, 0, c);
    }
    default:
        return 0;
    }
}

/* Does a class on c's MRO bind a name to something that may be a descriptor, or a method
 * whose generic version may run? */
static int namespace_leaks(const Infer *in, const InferClass *c)
{
    for (const InferClass *x = c; x; x = x->base) {
        if (x->opaque)
            return 1;
        for (int k = 0; k < x->nnames; k++)
            if (x->methods[k] && classes_generic_runs(in, x->methods[k]))
                return 1;
    }
    return 0;
}

static void mark(InferClass *c) { c->leaks = 1; }

/* The uses in running contexts. */
static int check_inst(Infer *in, const InferCtx *cx, const MirInst *i)
{
    int generic_body = (cx->fn->flags & INFER_CO_SUSPENDS) && !cx->genconv;
    for (int k = 0; k < i->nargs; k++) {
        Ty v = infer_ty(cx, i->args[k]);
        if (v.k == TY_BOT || v.k == TY_DYN)
            continue;
        if (v.k == TY_CLASS && v.cls) {
            /* the uses classes.c follows: a callee, isinstance's class, a base, a stable
             * global (loads are typed), a phi or copy that stays this class */
            Ty r = (mir_ops[i->op].flags & MF_VALUE) && i->id >= 0 ? infer_ty(cx, i) : ty_dyn();
            int ok = (i->op == MIR_Call && k == 0) || dunder_class_arg_ok(cx, i, k) ||
                     (i->op == MIR_BuildClass && k >= 2) ||
                     ((i->op == MIR_Phi || i->op == MIR_CheckBound || i->op == MIR_Narrow ||
                       ((i->op == MIR_NarrowCmp || i->op == MIR_NarrowIdx) && k == 0)) &&
                      r.k == TY_CLASS && r.cls == v.cls);
            if (i->op == MIR_GlobalStore) {
                const InferGlobal *g = infer_global(in, cx->fn->module, i->str);
                ok = g && !g->unstable && g->ty.k == TY_CLASS && g->ty.cls == v.cls;
            }
            if (!ok)
                mark(v.cls);
            continue;
        }
        if (generic_body) {   /* a generator body that stays generic: nothing is typed there */
            InferClass *cls[TY_UNION_MAX];
            int none, n = ty_classes(v, cls, &none);
            for (int m = 0; m < n; m++)
                mark(cls[m]);
            if (n < 0 && v.k != TY_DYN)
                for (int ci = 0; ci < in->nclasses; ci++)
                    if (mentions(in, v, in->classes[ci], 0))
                        mark(in->classes[ci]);
            continue;
        }
        switch (v.k) {   /* the kinds that may hold an instance (mentions) */
        case TY_INST: case TY_OPT: case TY_METHOD: case TY_SUPER: case TY_UNION:
        case TY_UMETHOD: case TY_TUPLE: case TY_TUPLEITER: case TY_OPTTUP: case TY_LIST:
        case TY_LISTITER:
        case TY_ZIP: case TY_ENUM: case TY_PAIR: case TY_ZIPSTAR: case TY_ROW: case TY_CELL:
            break;
        default:
            continue;
        }
        for (int ci = 0; ci < in->nclasses; ci++) {
            InferClass *c = in->classes[ci];
            if (!c->leaks && mentions(in, v, c, 0) && !safe_use(in, cx, i, k, v, c))
                mark(c);
        }
    }
    /* a class reached by name other than through a typed load */
    if ((i->op == MIR_ImportFrom || i->op == MIR_NameLoad || i->op == MIR_GetAttr ||
         i->op == MIR_GlobalLoad) && i->str && infer_ty(cx, i).k != TY_CLASS)
        for (int ci = 0; ci < in->nclasses; ci++)
            if (strcmp(in->classes[ci]->qualname, i->str) == 0)
                mark(in->classes[ci]);
    return 0;
}

void leaks_compute(Infer *in)
{
    int all = in->all_open || in->escape != NULL;
    const MirProgram *p = in->prog;
    for (int fi = 0; fi < p->nfuncs && !all; fi++)
        for (int b = 0; b < p->funcs[fi]->nblocks && !all; b++)
            for (int k = 0; k < p->funcs[fi]->blocks[b]->ninsts; k++) {
                const MirInst *i = p->funcs[fi]->blocks[b]->insts[k];
                if (i->op == MIR_Import && i->module && i->module->name &&
                    strcmp(i->module->name, "__main__") == 0)
                    all = 1;   /* the main module's globals read as attributes */
            }
    for (int ci = 0; ci < in->nclasses; ci++) {
        InferClass *c = in->classes[ci];
        c->leaks = all || !c->plain || namespace_leaks(in, c);
    }
    if (all)
        return;
    classes_each_running(in, check_inst);
}
