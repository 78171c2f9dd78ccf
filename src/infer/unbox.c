/*
 * unbox.c - which tracked list sites get unboxed storage (docs/internals/typed.md, "Unboxed
 * lists").  Entry point: unbox_decide(), after inference, once the clones exist and before
 * any body is rewritten; specialize.c asks unbox_kind() for the storage of each list it
 * rewrites an access to.
 *
 * An abstract creation site of elems.c (one bit of Ty.sites) is *unboxed* when
 *   - its element type is bool (kind UNBOX_BOOL: one byte per item), an int proven small
 *     (UNBOX_INT: small tagged ints in a pointer-free array, the boxed layout) or float
 *     (UNBOX_FLOAT: doubles, accessed by the flist.* ops), and it never escaped;
 *   - its only creation is `[c] * n` that specialize turns into list.repeat (the runtime
 *     makes the storage, rt_list_repeat_unboxed) or the empty list of a comprehension,
 *     filled by its list.append (inline at the item width, rt_list_append_unboxed to grow);
 *   - every use of every value that may be one of its lists, in every context, is one the
 *     typed tier compiles itself: x[i] / x[i] = v with an int index (list.get, list.set and
 *     the .t forms), len(x), a phi, an argument of a direct call of a clone (whose parameter
 *     is then checked the same way), a clone's return, enumerate(x) whose enumerate object
 *     only feeds the fused `for i, v in enumerate(x)` (enum.next / enum.item), iter of it,
 *     a closure cell holding it (cell.new/set/get, the closure tuple: elems.c keeps such
 *     cells tracked only while every closure holding them runs specialised);
 *   - no value mixes it with a site of another storage.
 * Anything else (a generic op, a method, a container, a cell, printing, a context that is
 * not rewritten) refuses every site of the operand, with the reason (AITHON_UNBOX_DEBUG=1
 * prints the decisions).  Refusals propagate through mixed values until nothing changes.
 * Invariant relied on by codegen and the runtime: the runtime never reads the items of an
 * unboxed list (only its size), so a wrong "unboxed" would be a miscompile; when unsure, this
 * file refuses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "infer.h"

#define NSITES 64

typedef struct Unbox {
    Infer *in;
    int changed;
} Unbox;

static uint64_t list_sites(Ty t)
{
    switch (t.k) {
    case TY_LIST: case TY_LISTITER: case TY_ENUM: case TY_ROW: case TY_ZIPSTAR:
        return t.sites;
    case TY_ZIP: case TY_PAIR:
        return t.sites | t.sites2;
    case TY_CELL:
        return t.cell ? list_sites(t.cell->content) : 0;
    default:
        return 0;
    }
}

static uint64_t candidates(const Infer *in)
{
    uint64_t m = 0;
    for (int k = 0; k < NSITES; k++)
        if (in->unbox[k])
            m |= UINT64_C(1) << k;
    return m;
}

static void refuse(Unbox *u, uint64_t sites, const char *why, const MirFunction *fn, Loc loc)
{
    for (int k = 0; k < NSITES; k++)
        if ((sites >> k & 1) && u->in->unbox[k]) {
            u->in->unbox[k] = 0;
            u->in->unbox_why[k] = why;
            u->in->unbox_wfn[k] = fn;
            u->in->unbox_loc[k] = loc;
            u->changed = 1;
        }
}

/* The one storage of every site of s, or 0 (a boxed site, or two storages). */
static int sites_kind(const Infer *in, uint64_t s)
{
    int kind = 0;
    for (int k = 0; k < NSITES; k++)
        if (s >> k & 1) {
            if (!in->unbox[k] || (kind && in->unbox[k] != kind))
                return 0;
            kind = in->unbox[k];
        }
    return kind;
}

int unbox_kind(const Infer *in, Ty t)
{
    uint64_t s = list_sites(t);
    return s && (t.k == TY_LIST || t.k == TY_ENUM) ? sites_kind(in, s) : 0;
}

/* Does the call go to a clone with the native convention (specialize.c direct_target)? */
static int direct_call(const InferCtx *c, const MirInst *call)
{
    if (call->op != MIR_Call || call->id < 0 || call->id >= c->nvals)
        return 0;
    const InferCtx *t = c->callee[call->id];
    return t && t->index > 0 && t->clone && !t->genconv && !t->gencall;
}

static int builtin_call(const InferCtx *c, const MirInst *call, int bi)
{
    if (call->op != MIR_Call || call->nnames)
        return 0;
    Ty t = infer_ty(c, call->args[0]);
    return t.k == TY_BUILTIN && t.bi == bi;
}

/* Is the body of context c rewritten by specialize (infer_specialize)? */
static int rewritten(const InferCtx *c)
{
    if ((c->fn->flags & INFER_CO_SUSPENDS) && !c->genconv)
        return 0;
    return c->index == 0 || c->clone;
}

/* Per function: how many operands refer to each value (specialize.c counts the same way). */
static int *count_uses(const MirFunction *f, int nvals)
{
    int *uses = xcalloc((size_t)nvals + 1, sizeof *uses);
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a]->id >= 0 && i->args[a]->id < nvals)
                    uses[i->args[a]->id]++;
        }
    return uses;
}

/* Is operand a of instruction i (of type t, holding candidate sites) a use the typed tier
 * compiles itself?  NULL: yes; else why not. */
static const char *use_ok(const Infer *in, const InferCtx *c, const int *uses,
                          const MirInst *i, int a, Ty t)
{
    (void)in;
    switch (i->op) {
    case MIR_NarrowCmp:
    case MIR_NarrowIdx:
        if (a > 0)   /* the other side of a compare, the indexed sequence: only read */
            return NULL;
        /* fall through */
    case MIR_Phi:
        return infer_ty(c, i).k == t.k ? NULL : "joined with a value of another kind";
    case MIR_Ret:
        return c->index > 0 && c->clone && !c->genconv && !c->gencall
                   ? NULL : "returned to generic code";
    case MIR_ListAppend:   /* a comprehension's append (specialize: at the list's width) */
        return t.k == TY_LIST && a == 0 ? NULL : "stored into a container";
    case MIR_GetItem:
    case MIR_SetItem:
        if (t.k == TY_LIST && a == 0 && infer_ty(c, i->args[1]).k == TY_INT)
            return NULL;
        return a == 2 ? "stored into a container" : "subscript other than by an int";
    case MIR_Call:
        if (a == 0)
            return "called";
        if (direct_call(c, i))
            return NULL;
        if (t.k == TY_LIST && builtin_call(c, i, TB_len) && i->nargs == 2)
            return NULL;
        if (t.k == TY_LIST && builtin_call(c, i, TB_enumerate) && i->nargs == 2 &&
            infer_ty(c, i).k == TY_ENUM)
            return NULL;
        return "passed to a call that is not a typed clone, len or enumerate";
    case MIR_GetIter:
        return t.k == TY_ENUM && infer_ty(c, i).k == TY_ENUM ? NULL : "iterated generically";
    case MIR_IterNext:
        return t.k == TY_ENUM && spec_enum_unpack(c, uses, i) ? NULL
                                                          : "iterated other than by `for i, v "
                                                            "in enumerate(x)`";
    case MIR_UnpackSeq:   /* the pair of a fused enumerate loop */
        if (t.k == TY_PAIR && i->args[0]->op == MIR_IterNext &&
            spec_enum_unpack(c, uses, i->args[0]) == i)
            return NULL;
        return "unpacked generically";
    case MIR_TupleItem:   /* an item of that pair */
        if (i->args[0]->op == MIR_UnpackSeq && i->args[0]->args[0]->op == MIR_IterNext &&
            spec_enum_unpack(c, uses, i->args[0]->args[0]) == i->args[0])
            return NULL;
        return "tuple item read generically";
    case MIR_GenFresh:
    case MIR_IterRelease:   /* the for-loop's generator bookkeeping: an enumerate object is
                               never a generator */
        return t.k == TY_ENUM ? NULL : "for-loop bookkeeping";
    /* A cell holding the list: elems.c keeps such a cell's lists tracked only while every
     * closure that holds it runs in specialised bodies (else the items escaped and the site
     * is no candidate), and those bodies' cell.get results are checked like any list. */
    case MIR_CellNew:
    case MIR_CellSet:
        return t.k == TY_LIST || t.k == TY_CELL ? NULL : "stored in a cell";
    case MIR_CellGet:
        return t.k == TY_CELL ? NULL : "cell.get";
    case MIR_BuildTuple:   /* a closure tuple of cells */
        return t.k == TY_CELL ? NULL : "stored in a tuple";
    default:
        return mir_ops[i->op].text;
    }
}

/* Does value i (of type r, with candidate sites) come from a producer the typed tier
 * compiles itself: its site's own creation, a phi, a parameter, a direct call's result,
 * enumerate / iter of an allowed list, a fused enumerate step? */
static const char *result_ok(const InferCtx *c, const int *uses, const MirInst *i, Ty r)
{
    switch (i->op) {
    case MIR_Phi:
    case MIR_Param:
        return NULL;
    case MIR_BinOp:   /* the creation; checked in decide_sites */
    case MIR_BuildList:
        return r.k == TY_LIST ? NULL : "made by an operator";
    case MIR_Call:
        if (direct_call(c, i))
            return NULL;
        if (r.k == TY_ENUM && builtin_call(c, i, TB_enumerate))
            return NULL;
        return "the result of a generic call";
    case MIR_GetIter:
        return r.k == TY_ENUM ? NULL : "an iterator";
    case MIR_CellNew:
    case MIR_ClosureCell:
        return r.k == TY_CELL ? NULL : "a closure cell";
    case MIR_CellGet:
        return r.k == TY_LIST ? NULL : "read from a cell";
    case MIR_IterNext:
        return r.k == TY_PAIR && spec_enum_unpack(c, uses, i) ? NULL : "an item read generically";
    case MIR_UnpackSeq:
        return r.k == TY_PAIR && i->args[0]->op == MIR_IterNext &&
                       spec_enum_unpack(c, uses, i->args[0]) == i
                   ? NULL : "unpacked generically";
    default:
        return mir_ops[i->op].text;
    }
}

static void walk_ctx(Unbox *u, const InferCtx *c)
{
    const Infer *in = u->in;
    const MirFunction *f = c->fn;
    uint64_t cand = candidates(in);
    int *uses = count_uses(f, c->nvals);
    int live = rewritten(c);
    for (int b = 0; b < f->nblocks; b++) {
        if (c->reached && !c->reached[b])
            continue;
        const MirBlock *bl = f->blocks[b];
        for (int k = 0; k < bl->ninsts; k++) {
            const MirInst *i = bl->insts[k];
            if (i->id >= 0) {
                Ty r = infer_ty(c, i);
                uint64_t s = list_sites(r);
                if (s & cand) {
                    const char *why = live ? result_ok(c, uses, i, r)
                                           : "in a body that stays generic";
                    if (!why && sites_kind(in, s) == 0)
                        why = "may be a list of another storage";
                    if (why)
                        refuse(u, s, why, f, i->loc);
                }
            }
            for (int a = 0; a < i->nargs; a++) {
                Ty t = infer_ty(c, i->args[a]);
                uint64_t s = list_sites(t);
                if (!(s & cand))
                    continue;
                const char *why = live ? use_ok(in, c, uses, i, a, t)
                                       : "in a body that stays generic";
                if (!why && sites_kind(in, s) == 0)
                    why = "may be a list of another storage";
                if (why)
                    refuse(u, s, why, f, i->loc);
            }
        }
    }
    free(uses);
}

/* The instruction with value id `id` of f, or NULL. */
static const MirInst *inst_of(const MirFunction *f, int id)
{
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++)
            if (f->blocks[b]->insts[k]->id == id)
                return f->blocks[b]->insts[k];
    return NULL;
}

/* The candidates by element type and creation (the uses are checked by walk_ctx). */
static void decide_sites(Infer *in)
{
    for (int k = 0; k < NSITES; k++) {
        Ty el;
        const InferCtx *c;
        int id;
        in->unbox[k] = 0;
        in->unbox_why[k] = NULL;
        in->unbox_fn[k] = NULL;
        if (!elems_site(in, k, &el, &c, &id))
            continue;
        const MirInst *i = inst_of(c->fn, id);
        in->unbox_fn[k] = c->fn;
        in->unbox_line[k] = i ? i->loc.line : 0;
        in->unbox_wfn[k] = NULL;
        if (el.k == TY_BOOL)
            in->unbox[k] = UNBOX_BOOL;
        else if (ty_int_small(el))
            in->unbox[k] = UNBOX_INT;
        else if (el.k == TY_FLOAT)
            in->unbox[k] = UNBOX_FLOAT;
        else
            in->unbox_why[k] = "its items are not bools, floats or ints proven small";
        if (!in->unbox[k])
            continue;
        /* `[c] * n` (specialize.c rewrite_binop: list.repeat) in a body that is rewritten */
        Ty a = i && i->nargs == 2 ? infer_ty(c, i->args[0]) : ty_dyn();
        Ty b = i && i->nargs == 2 ? infer_ty(c, i->args[1]) : ty_dyn();
        int repeat = i && i->op == MIR_BinOp && i->imm == Op_Mult &&
                     infer_ty(c, i).k == TY_LIST &&
                     ((a.k == TY_LIST && (b.k == TY_INT || b.k == TY_BOOL)) ||
                      (b.k == TY_LIST && (a.k == TY_INT || a.k == TY_BOOL)));
        /* or a comprehension's empty list (filled by its list.append) */
        int comp = i && i->op == MIR_BuildList && i->nargs == 0;
        if ((!repeat && !comp) || !rewritten(c)) {
            in->unbox[k] = 0;
            in->unbox_why[k] = "not made by `[x] * n` or a comprehension";
        }
    }
}

void unbox_decide(Infer *in)
{
    decide_sites(in);
    if (getenv("AITHON_NO_UNBOX"))
        for (int k = 0; k < NSITES; k++)
            if (in->unbox[k]) {
                in->unbox[k] = 0;
                in->unbox_why[k] = "AITHON_NO_UNBOX";
            }
    Unbox u = {in, 1};
    while (u.changed) {
        u.changed = 0;
        for (int n = 0; n < in->nctxs; n++)
            walk_ctx(&u, in->ctxs[n]);
    }
    if (getenv("AITHON_UNBOX_DEBUG"))
        unbox_explain(stderr, in, NULL);
}

/* Site k is the display `[x]` of `[x] * n` (its one use is that product): a temporary the
 * product copies, not worth a line of explain. */
static int repeat_operand(const Infer *in, int k)
{
    Ty el;
    const InferCtx *c;
    int id, uses = 0, mult = 0;
    if (!elems_site(in, k, &el, &c, &id))
        return 0;
    const MirInst *d = inst_of(c->fn, id);
    if (!d || d->op != MIR_BuildList || d->nargs == 0)
        return 0;
    for (int b = 0; b < c->fn->nblocks; b++)
        for (int j = 0; j < c->fn->blocks[b]->ninsts; j++) {
            const MirInst *u = c->fn->blocks[b]->insts[j];
            for (int a = 0; a < u->nargs; a++)
                if (u->args[a] == d) {
                    uses++;
                    mult += u->op == MIR_BinOp && u->imm == Op_Mult;
                }
        }
    return uses == 1 && mult == 1;
}

/* explain's "list storage" section: the decision for every tracked list of numbers made in
 * file, in site order (the order elems.c met them); with file NULL (AITHON_UNBOX_DEBUG), for
 * every tracked list. */
void unbox_explain(FILE *out, const Infer *in, const char *file)
{
    int any = 0;
    for (int k = 0; k < NSITES; k++) {
        const MirFunction *f = in->unbox_fn[k];
        Ty el;
        const InferCtx *c;
        int id;
        if (!f || (file && (!f->file || strcmp(f->file, file) != 0)) ||
            !elems_site(in, k, &el, &c, &id))
            continue;
        if (file && el.k != TY_BOOL && el.k != TY_INT && el.k != TY_FLOAT && el.k != TY_NUM)
            continue;   /* explain: only the lists of numbers, which could have been unboxed */
        if (file && repeat_operand(in, k))
            continue;
        if (!any++)
            fputs("list storage:\n", out);
        fprintf(out, "  line %d (%s): ", in->unbox_line[k], f->qualname);
        if (in->unbox[k])
            fprintf(out, "unboxed %s\n", in->unbox[k] == UNBOX_BOOL  ? "bool (one byte per item)"
                                         : in->unbox[k] == UNBOX_INT ? "int (small ints, not scanned)"
                                                                     : "float (doubles)");
        else if (in->unbox_wfn[k])
            fprintf(out, "boxed: %s (%s, line %d)\n", in->unbox_why[k],
                    in->unbox_wfn[k]->qualname, in->unbox_loc[k].line);
        else
            fprintf(out, "boxed: %s\n", in->unbox_why[k]);
    }
}
