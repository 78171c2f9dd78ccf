/*
 * consume.c - consumer clones of generator expressions (docs/internals/typed.md, "Consumer
 * clones").
 *
 * `sum(<genexpr>)`, with the generator expression made and called right there and consumed
 * by nothing else, needs no generator at all: a *consumer clone* of the generator expression's
 * body is a plain function in which each `yield v` is the consumer's step and the end of the
 * body returns the result.  consume_prepare() finds those sites before inference (a syntactic
 * match: the name `sum`, whether it is the builtin is decided by inference) and builds, per
 * site, one consumer function per accumulator mode:
 *   - float mode, for items proven float: `acc = 0.0` and a flag "some item was seen"; each
 *     yield becomes `acc = acc + v` (a float add: CPython 3.11's sum turns its int 0 into
 *     0.0 at the first float item and then adds doubles, so the results are identical, -0.0
 *     items included); the end returns acc when the flag is set, else the int 0.  Its result
 *     type is num (int|float, types.h);
 *   - int mode, for items proven int: `acc = 0` and `acc = acc + v` (the tagged int add,
 *     overflowing into big ints as sum's int path does);
 *   - non-empty float mode, for float items over a builtin range whose argument types prove
 *     an item, every item reaching the yield (one `for`, no `if`): float mode without the
 *     flag, its result type float.
 * The accumulator is threaded through the copied CFG with a phi in every block of several
 * predecessors (simplify removes the redundant ones).  Inference (consume_sum_ty) picks the mode
 * from the yield type of the generator expression's own context at that site, analyses the
 * consumer function in a context of its own, and the sum call becomes a direct call of its clone
 * (specialize.c), with the generator expression's iterator argument and closure.  The clone
 * keeps the generator expression's name, qualname and lines, so a traceback through it shows
 * the same `<genexpr>` frame below the caller's as CPython (where sum is C code).
 */
#include <stdlib.h>
#include <string.h>

#include "../mir/mir_impl.h"   /* mir_inst_new, mir_block_insert */
#include "../util/util.h"
#include "infer.h"

typedef struct ConsumeSite {
    const MirFunction *host;
    const MirInst *sum, *gen, *mk;    /* sum(...) call, the generator call, its function.new */
    MirFunction *genfn;
    MirFunction *fn[CONSUME_NMODES];  /* consumer functions (NULL: shape not supported) */
    int order, has_order;             /* infer.c fn_order of the host, kept from inference */
    int zip_private;                  /* the iterator is iter(zip(a, b)) made for this call only */
    int zip_shape;                    /* the body's only use of .0 is `for x, y in .0` */
    int range_private;                /* the iterator is iter(range(...)) made for this call
                                         only: the range call's argument count (1-3), else 0 */
    int64_t range_step;               /* its step: 1, or the constant third argument */
    int range_shape;                  /* the body's only use of .0 is `for v in .0` */
    int list_private;                 /* the iterator is iter(x) made for this call only (x an
                                         exact list: checked by consume_sum_ty) */
    int enum_private;                 /* the iterator is iter(f(x)) made for this call only,
                                         f the builtin enumerate (checked by consume_sum_ty) */
    int kind;                         /* 0: sum, 1: any, 2: all */
} ConsumeSite;

#define CONSUME_STEP 0x5c5c

/* A comprehension called right where it is made, with iter(zip(a, b)) / iter(range(...)) /
 * iter(x) / iter(enumerate(x)) made for that call only (comp_iter). */
typedef struct CompSite {
    const MirFunction *host, *fn;
    const MirInst *call, *it;
    int zip_private, range_private, list_private;   /* as in ConsumeSite */
    int enum_private;   /* iter(f(x)) with f and its result used once: enumerate(x) if f is
                           the builtin (checked by comp_iter) */
    int64_t range_step;
    int zip_shape, range_shape;
} CompSite;

static struct {
    CompSite *v;
    int n, cap;
} comps;

static struct {
    const MirProgram *prog;
    ConsumeSite *v;
    int n, cap;
} tab;

static int max_id(const MirFunction *f)
{
    int m = f->nvalues;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++)
            if (f->blocks[b]->insts[k]->id >= m)
                m = f->blocks[b]->insts[k]->id + 1;
    return m;
}

static int *count_uses(const MirFunction *f, int n)
{
    int *uses = xcalloc((size_t)n + 1, sizeof *uses);
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a] && i->args[a]->id >= 0 && i->args[a]->id < n)
                    uses[i->args[a]->id]++;
        }
    return uses;
}

/* A deep copy of f (value and block ids kept) as a new plain function of the program. */
static MirFunction *copy_fn(MirProgram *p, const MirFunction *f)
{
    MirFunction *g = mir_function_new(p, f->module, f->name, f->qualname);
    g->file = f->file;
    g->firstlineno = f->firstlineno;
    g->flags = f->flags & ~0x4u;   /* no longer a generator */
    g->nposonly = f->nposonly;
    g->npos = f->npos;
    g->nkwonly = f->nkwonly;
    g->nparams = f->nparams;
    g->paramnames = f->paramnames;
    g->nfree = f->nfree;
    g->freevars = f->freevars;
    g->ast = f->ast;
    g->is_ssa = f->is_ssa;
    g->vars = f->vars;
    g->nvars = f->nvars;
    int maxid = max_id(f);
    g->nvalues = maxid;
    mir_copy_body(g, f, maxid);
    return g;
}

static int pos_of(const MirFunction *g, const MirBlock *b)
{
    for (int i = 0; i < g->nblocks; i++)
        if (g->blocks[i] == b)
            return i;
    return -1;
}

/* One variable threaded through g: init at the entry, def[b] its new value at the end of b (or
 * NULL); phis in every block of several predecessors (not the unwind block).  Fills in[]. */
static void thread_var(MirFunction *g, MirInst *init, MirInst **def, MirInst **in, MirType t)
{
    int nb = g->nblocks;
    Loc loc = init->loc;
    for (int b = 0; b < nb; b++)
        in[b] = NULL;
    in[0] = init;
    for (int b = 1; b < nb; b++) {
        MirBlock *bl = g->blocks[b];
        if (bl->is_unwind || bl->npreds < 2)
            continue;
        MirInst *phi = mir_inst_new(g, MIR_Phi, NULL, bl->npreds, loc);
        phi->type = t;
        mir_block_insert(g, bl, 0, phi);
        in[b] = phi;
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = 1; b < nb; b++) {
            MirBlock *bl = g->blocks[b];
            if (in[b] || bl->is_unwind)
                continue;
            if (bl->npreds == 0) {
                in[b] = init;   /* unreachable */
                changed = 1;
                continue;
            }
            int p = pos_of(g, bl->preds[0]);
            MirInst *o = p >= 0 ? (def[p] ? def[p] : in[p]) : NULL;
            if (o) {
                in[b] = o;
                changed = 1;
            }
        }
    }
    for (int b = 1; b < nb; b++) {
        MirBlock *bl = g->blocks[b];
        if (bl->is_unwind || bl->npreds < 2)
            continue;
        MirInst *phi = in[b];
        for (int k = 0; k < bl->npreds; k++) {
            int p = pos_of(g, bl->preds[k]);
            phi->args[k] = def[p] ? def[p] : in[p];
            phi->phi_blocks[k] = bl->preds[k];
        }
    }
}

/* The consumer function of generator expression f for `mode`, or NULL when its body has a shape
 * this does not handle (a yield whose value is used, yield from, two yields in a block). */
/* Does generator expression f have a body the consumer builders handle: no yield from, no
 * yield whose value is used, at most one yield per block and none in the entry block (which
 * has no predecessors)?  ends: also each yield and a br after it end their block (the short-
 * circuit consumers branch there). */
static int consumer_shape(const MirFunction *f, int ends)
{
    int n = max_id(f);
    int *uses = count_uses(f, n);
    int ok = 1;
    for (int b = 0; b < f->nblocks && ok; b++) {
        int ny = 0;
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            if (i->op == MIR_YieldFrom || (i->op == MIR_Yield && uses[i->id] > 0))
                ok = 0;
            if (ends && i->op == MIR_Yield && (k + 2 != f->blocks[b]->ninsts || !i->target ||
                                               f->blocks[b]->insts[k + 1]->op != MIR_Br))
                ok = 0;
            ny += i->op == MIR_Yield;
        }
        if (ny > 1 || (b == 0 && ny > 0))
            ok = 0;
    }
    free(uses);
    return ok && f->nblocks > 0 && f->blocks[0]->npreds == 0;
}

static MirFunction *build(MirProgram *p, const MirFunction *f, int mode)
{
    if (!consumer_shape(f, 0))
        return NULL;
    MirFunction *g = copy_fn(p, f);
    MirBlock *entry = g->blocks[0];
    int at = 0;
    while (at < entry->ninsts && entry->insts[at]->op == MIR_Param)
        at++;
    Loc loc = entry->ninsts ? entry->insts[0]->loc : (Loc){0};
    loc.synthetic = 1;
    MirInst *acc0, *flag0 = NULL;
    if (mode == CONSUME_FLOAT1) {   /* non-empty: 0 + x1 is x1 as 0.0 + x1 (-0.0 too: 0.0) */
        acc0 = mir_inst_new(g, MIR_ConstFloat, NULL, 0, loc);
        acc0->fimm = 0.0;
        mir_block_insert(g, entry, at++, acc0);
    } else if (mode == CONSUME_FLOAT) {
        acc0 = mir_inst_new(g, MIR_ConstFloat, NULL, 0, loc);
        acc0->fimm = 0.0;
        mir_block_insert(g, entry, at++, acc0);
        flag0 = mir_inst_new(g, MIR_ConstI1, NULL, 0, loc);
        flag0->imm = 0;
        mir_block_insert(g, entry, at++, flag0);
    } else {
        acc0 = mir_inst_new(g, MIR_ConstInt, NULL, 0, loc);
        acc0->imm = 0;
        mir_block_insert(g, entry, at++, acc0);
    }
    /* the end of the body: float mode chooses between acc and the int 0 */
    int nb0 = g->nblocks;
    MirInst **rets = xcalloc((size_t)nb0 + 1, sizeof *rets);   /* by block: its ret / cbr */
    MirInst **fret = xcalloc((size_t)nb0 + 1, sizeof *fret);   /* float mode: ret acc */
    for (int b = 0; b < nb0; b++) {
        MirBlock *bl = g->blocks[b];
        MirInst *t = bl->ninsts ? bl->insts[bl->ninsts - 1] : NULL;
        if (!t || t->op != MIR_Ret)
            continue;
        rets[b] = t;
        if (mode == CONSUME_FLOAT) {
            Loc rl = t->loc;
            rl.synthetic = 1;
            MirBlock *bt = mir_block_new(g, "sum.float"), *bz = mir_block_new(g, "sum.empty");
            MirInst *r1 = mir_emit(g, bt, MIR_Ret, &acc0, 1, rl);
            MirInst *z = mir_emit(g, bz, MIR_ConstInt, NULL, 0, rl);
            z->imm = 0;
            mir_emit(g, bz, MIR_Ret, &z, 1, rl);
            t->op = MIR_CondBr;
            t->type = MT_VOID;
            t->target = bt;
            t->target2 = bz;
            fret[b] = r1;
        }
    }
    /* yields become the step */
    int nb = g->nblocks;
    MirInst **dacc = xcalloc((size_t)nb + 1, sizeof *dacc), **iacc = xcalloc((size_t)nb + 1, sizeof *iacc);
    MirInst **dflag = xcalloc((size_t)nb + 1, sizeof *dflag), **iflag = xcalloc((size_t)nb + 1, sizeof *iflag);
    for (int b = 0; b < nb0; b++) {
        MirBlock *bl = g->blocks[b];
        for (int k = 0; k < bl->ninsts; k++) {
            MirInst *y = bl->insts[k];
            if (y->op != MIR_Yield)
                continue;
            MirInst **a = arena_alloc(g->arena, sizeof *a * 2);
            a[0] = acc0;   /* patched below */
            a[1] = y->args[0];
            y->op = MIR_BinOp;
            y->imm = Op_Add;
            y->imm2 = CONSUME_STEP;   /* marks the step (imm2 is unused by binop) */
            y->args = a;
            y->nargs = 2;
            y->type = MT_DYN;
            dacc[b] = y;
            if (mode == CONSUME_FLOAT) {
                MirInst *t = mir_inst_new(g, MIR_ConstI1, NULL, 0, y->loc);
                t->imm = 1;
                t->loc.synthetic = 1;
                mir_block_insert(g, bl, k, t);
                dflag[b] = t;
                k++;
            }
        }
    }
    mir_compute_cfg(g);
    thread_var(g, acc0, dacc, iacc, MT_DYN);
    if (mode == CONSUME_FLOAT)
        thread_var(g, flag0, dflag, iflag, MT_I1);
    for (int b = 0; b < nb0; b++) {
        if (dacc[b])
            dacc[b]->args[0] = iacc[b];
        if (!rets[b])
            continue;
        MirInst *acc = dacc[b] ? dacc[b] : iacc[b];
        if (mode == CONSUME_FLOAT) {
            rets[b]->args[0] = dflag[b] ? dflag[b] : iflag[b];
            fret[b]->args[0] = acc;
        } else {
            rets[b]->args[0] = acc;
        }
    }
    free(rets);
    free(fret);
    free(dacc);
    free(iacc);
    free(dflag);
    free(iflag);
    mir_compute_cfg(g);
    if (mir_verify(g) != 0) {
        mir_print_function(stderr, g);
        die("consume: MIR verification failed for the consumer clone of %s", f->symbol);
    }
    return g;
}

/* The consumer function of generator expression f for any() (mode CONSUME_ANY) or all()
 * (CONSUME_ALL), or NULL for a shape this does not handle (as build).  Each `yield v` becomes
 * `truthy v` (marked as the step, imm2) and a branch: any returns True at the first true item,
 * all returns False at the first false one, without running the rest of the body (the
 * generator's remaining side effects do not happen, as with CPython's short-circuit); the end
 * of the body returns False (any) / True (all).  consume_sum_ty admits it only for items whose
 * truthiness runs no code and iterators that are not generators. */
static MirFunction *build_anyall(MirProgram *p, const MirFunction *f, int mode)
{
    if (!consumer_shape(f, 1))
        return NULL;
    MirFunction *g = copy_fn(p, f);
    int any = mode == CONSUME_ANY;
    int nb0 = g->nblocks;
    for (int b = 0; b < nb0; b++) {
        MirBlock *bl = g->blocks[b];
        MirInst *t = bl->ninsts ? bl->insts[bl->ninsts - 1] : NULL;
        if (t && t->op == MIR_Ret) {   /* the end: False for any, True for all */
            MirInst *c = mir_inst_new(g, any ? MIR_ConstFalse : MIR_ConstTrue, NULL, 0, t->loc);
            c->loc.synthetic = 1;
            mir_block_insert(g, bl, bl->ninsts - 1, c);
            t->args[0] = c;
            continue;
        }
        if (bl->ninsts < 2 || bl->insts[bl->ninsts - 2]->op != MIR_Yield)
            continue;
        MirInst *y = bl->insts[bl->ninsts - 2], *br = bl->insts[bl->ninsts - 1];
        MirBlock *next = y->target;
        Loc loc = y->loc;
        loc.synthetic = 1;
        /* block: truthy v -> test ! exc; test: cbr -> (return, next) */
        MirBlock *test = mir_block_new(g, any ? "any.test" : "all.test");
        MirBlock *done = mir_block_new(g, any ? "any.true" : "all.false");
        y->op = MIR_Truthy;
        y->type = MT_I1;
        y->imm2 = CONSUME_STEP;
        y->target = test;
        br->target = test;
        MirInst *c = mir_emit(g, done, any ? MIR_ConstTrue : MIR_ConstFalse, NULL, 0, loc);
        mir_emit(g, done, MIR_Ret, &c, 1, loc);
        if (any)
            mir_emit_cbr(g, test, y, done, next, loc);
        else
            mir_emit_cbr(g, test, y, next, done, loc);
        /* next's phis: their operand from this block now comes from test */
        for (int k = 0; k < next->ninsts && next->insts[k]->op == MIR_Phi; k++)
            for (int a = 0; a < next->insts[k]->nargs; a++)
                if (next->insts[k]->phi_blocks[a] == bl)
                    next->insts[k]->phi_blocks[a] = test;
    }
    mir_compute_cfg(g);
    if (mir_verify(g) != 0) {
        mir_print_function(stderr, g);
        die("consume: MIR verification failed for the %s consumer of %s", any ? "any" : "all",
            f->symbol);
    }
    return g;
}

/* The consumer function of generator expression f for min() (CONSUME_MIN) or max()
 * (CONSUME_MAX), or NULL (shapes as build).  The current item `acc` and a flag `seen` are
 * threaded through the body; each `yield v` becomes
 *     if not seen: take;  elif v < acc (min) / v > acc (max): take;  (take: acc = v, seen)
 * (CPython's min/max compare each later item with the current one and replace it only when
 * strictly smaller / larger: ties keep the first).  The end returns acc when an item was seen,
 * else calls the builtin itself with an empty tuple, which raises CPython's ValueError ("min()
 * arg is an empty sequence"); that call adds no traceback entry for this frame (imm2 = 1), so
 * the traceback shows only the caller's frame, as for the C builtin.  consume_sum_ty admits it
 * for int or float items only (comparisons that run no code and cannot raise). */
static MirFunction *build_minmax(MirProgram *p, const MirFunction *f, int mode)
{
    if (!consumer_shape(f, 1))
        return NULL;
    MirFunction *g = copy_fn(p, f);
    MirBlock *unwind = NULL;
    for (int b = 0; b < g->nblocks; b++)
        if (g->blocks[b]->is_unwind)
            unwind = g->blocks[b];
    if (!unwind)
        return NULL;
    const char *name = mode == CONSUME_MIN ? "min" : "max";
    MirBlock *entry = g->blocks[0];
    int at = 0;
    while (at < entry->ninsts && entry->insts[at]->op == MIR_Param)
        at++;
    Loc loc = entry->ninsts ? entry->insts[0]->loc : (Loc){0};
    loc.synthetic = 1;
    MirInst *acc0 = mir_inst_new(g, MIR_Undef, NULL, 0, loc);
    mir_block_insert(g, entry, at++, acc0);
    MirInst *seen0 = mir_inst_new(g, MIR_ConstI1, NULL, 0, loc);
    seen0->imm = 0;
    mir_block_insert(g, entry, at++, seen0);
    int nb0 = g->nblocks;
    /* per new block that uses them: instructions whose acc / seen operand is patched below */
    MirInst **cbr_seen = xcalloc((size_t)nb0 * 4 + 8, sizeof *cbr_seen);
    MirInst **cmp_acc = xcalloc((size_t)nb0 * 4 + 8, sizeof *cmp_acc);
    MirInst **ret_acc = xcalloc((size_t)nb0 * 4 + 8, sizeof *ret_acc);
    MirBlock **take = xcalloc((size_t)nb0 + 1, sizeof *take);
    MirInst **takev = xcalloc((size_t)nb0 + 1, sizeof *takev), **taket = xcalloc((size_t)nb0 + 1, sizeof *taket);
    for (int b = 0; b < nb0; b++) {
        MirBlock *bl = g->blocks[b];
        MirInst *t = bl->ninsts ? bl->insts[bl->ninsts - 1] : NULL;
        if (t && t->op == MIR_Ret) {   /* the end: acc, or the builtin's ValueError */
            Loc rl = t->loc;
            rl.synthetic = 1;
            MirBlock *bt = mir_block_new(g, "minmax.item"), *bz = mir_block_new(g, "minmax.empty");
            MirBlock *bn = mir_block_new(g, "minmax.never");
            ret_acc[g->nblocks - 3] = mir_emit(g, bt, MIR_Ret, &acc0, 1, rl);
            MirInst *ld = mir_emit(g, bz, MIR_GlobalLoad, NULL, 0, rl);
            ld->str = intern_cstr(name);
            MirBlock *bc = mir_block_new(g, "minmax.raise");
            ld->target = bc;
            ld->exc = unwind;
            mir_emit_br(g, bz, bc, rl);
            MirInst *tup = mir_emit(g, bc, MIR_BuildTuple, NULL, 0, rl);
            MirInst *ca[2] = {ld, tup};
            MirInst *call = mir_emit_raising(g, bc, MIR_Call, ca, 2, bn, unwind, t->loc);
            call->imm2 = CALL_NO_TB;   /* no traceback entry here: the builtin raised in the caller */
            mir_emit(g, bn, MIR_Unreachable, NULL, 0, rl);   /* min(()) always raises */
            t->op = MIR_CondBr;
            t->type = MT_VOID;
            t->args[0] = seen0;   /* patched below */
            t->target = bt;
            t->target2 = bz;
            cbr_seen[b] = t;
            continue;
        }
        if (bl->ninsts < 2 || bl->insts[bl->ninsts - 2]->op != MIR_Yield)
            continue;
        MirInst *y = bl->insts[bl->ninsts - 2], *br = bl->insts[bl->ninsts - 1];
        MirBlock *next = y->target, *exc = y->exc;
        MirInst *v = y->args[0];
        Loc yl = y->loc;
        yl.synthetic = 1;
        /* b: ... br test; test: cbr seen -> cmp, take; cmp: c = v < acc -> cmp2 ! exc;
         * cmp2: t = truthy c -> cmp3 ! exc; cmp3: cbr t -> take, join; take: br join;
         * join: br next */
        MirBlock *test = mir_block_new(g, "minmax.test"), *cmp = mir_block_new(g, "minmax.cmp");
        MirBlock *cmp2 = mir_block_new(g, "minmax.cmp2"), *cmp3 = mir_block_new(g, "minmax.cmp3");
        MirBlock *tk = mir_block_new(g, "minmax.take"), *join = mir_block_new(g, "minmax.join");
        y->op = MIR_ConstNone;   /* the yield's value is unused (checked above) */
        y->nargs = 0;
        y->target = NULL;
        y->exc = NULL;
        br->target = test;
        cbr_seen[g->nblocks - 6] = mir_emit_cbr(g, test, seen0, cmp, tk, yl);
        MirInst *ca[2] = {v, acc0};
        MirInst *c = mir_emit_raising(g, cmp, MIR_Compare, ca, 2, cmp2, exc, y->loc);
        c->imm = mode == CONSUME_MIN ? Cmp_Lt : Cmp_Gt;
        c->imm2 = CONSUME_STEP;
        cmp_acc[g->nblocks - 5] = c;
        MirInst *tr = mir_emit_raising(g, cmp2, MIR_Truthy, &c, 1, cmp3, exc, yl);
        mir_emit_cbr(g, cmp3, tr, tk, join, yl);
        MirInst *one = mir_emit(g, tk, MIR_ConstI1, NULL, 0, yl);
        one->imm = 1;
        mir_emit_br(g, tk, join, yl);
        mir_emit_br(g, join, next, yl);
        take[b] = tk;
        takev[b] = v;
        taket[b] = one;
        for (int k = 0; k < next->ninsts && next->insts[k]->op == MIR_Phi; k++)
            for (int a = 0; a < next->insts[k]->nargs; a++)
                if (next->insts[k]->phi_blocks[a] == bl)
                    next->insts[k]->phi_blocks[a] = join;
    }
    int nb = g->nblocks;
    MirInst **dacc = xcalloc((size_t)nb + 1, sizeof *dacc), **iacc = xcalloc((size_t)nb + 1, sizeof *iacc);
    MirInst **dseen = xcalloc((size_t)nb + 1, sizeof *dseen), **iseen = xcalloc((size_t)nb + 1, sizeof *iseen);
    for (int b = 0; b < nb0; b++)
        if (take[b]) {
            int tp = pos_of(g, take[b]);
            dacc[tp] = takev[b];
            dseen[tp] = taket[b];
        }
    mir_compute_cfg(g);
    thread_var(g, acc0, dacc, iacc, MT_DYN);
    thread_var(g, seen0, dseen, iseen, MT_I1);
    for (int b = 0; b < nb; b++) {
        if (cbr_seen[b])
            cbr_seen[b]->args[0] = dseen[b] ? dseen[b] : iseen[b];
        if (cmp_acc[b])
            cmp_acc[b]->args[1] = iacc[b];
        if (ret_acc[b])
            ret_acc[b]->args[0] = iacc[b];
    }
    free(cbr_seen);
    free(cmp_acc);
    free(ret_acc);
    free(take);
    free(takev);
    free(taket);
    free(dacc);
    free(iacc);
    free(dseen);
    free(iseen);
    mir_compute_cfg(g);
    if (mir_verify(g) != 0) {
        mir_print_function(stderr, g);
        die("consume: MIR verification failed for the %s consumer of %s", name, f->symbol);
    }
    return g;
}

/* Is the only use of parameter .0 of f an iter.next heading a loop whose body starts by
 * unpacking the item into two (for x, y in .0)? */
static int zip_shape(const MirFunction *f)
{
    int n = max_id(f);
    int *uses = count_uses(f, n);
    const MirInst *p0 = NULL, *next = NULL;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            if (i->op == MIR_Param && i->imm == 0)
                p0 = i;
            if (i->op == MIR_IterNext && p0 && i->args[0] == p0)
                next = i;
        }
    int ok = p0 && next && uses[p0->id] == 1 && uses[next->id] == 1 && next->target &&
             next->target->npreds == 1 && next->target2 &&
             (next->target2->ninsts == 0 || next->target2->insts[0]->op != MIR_Phi);
    if (ok) {
        const MirInst *u = mir_block_raiser(next->target);
        ok = u && u->op == MIR_UnpackSeq && u->imm == 2 && u->args[0] == next &&
             next->target->insts[0] == u;
    }
    free(uses);
    return ok;
}

/* Is the only use of parameter .0 of f an iter.next heading a loop whose body has that head
 * as its single predecessor and no phis (for v in .0: the counted loop of specialize.c)? */
static int range_shape(const MirFunction *f)
{
    int n = max_id(f);
    int *uses = count_uses(f, n);
    const MirInst *p0 = NULL, *next = NULL;
    const MirBlock *head = NULL;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            if (i->op == MIR_Param && i->imm == 0)
                p0 = i;
            if (i->op == MIR_IterNext && p0 && i->args[0] == p0) {
                next = i;
                head = f->blocks[b];
            }
        }
    int ok = p0 && next && uses[p0->id] == 1 && mir_block_raiser(head) == next &&
             next->target && next->target != head && next->target->npreds == 1 &&
             (next->target->ninsts == 0 || next->target->insts[0]->op != MIR_Phi);
    free(uses);
    return ok;
}

/* The consumer builtin named by a global load: 0 sum, 1 any, 2 all; -1 none. */
static int site_kind(const char *name)
{
    static const char *const names[] = {"sum", "any", "all", "min", "max"};
    for (int k = 0; k < 5; k++)
        if (strcmp(name, names[k]) == 0)
            return k;
    return -1;
}

/* The consumer mode of a site kind other than sum. */
static int kind_mode(int kind)
{
    return kind == 1 ? CONSUME_ANY : kind == 2 ? CONSUME_ALL : kind == 3 ? CONSUME_MIN
                                                                         : CONSUME_MAX;
}

const char *consume_builtin(int mode)
{
    return mode == CONSUME_ANY ? "any" : mode == CONSUME_ALL ? "all"
         : mode == CONSUME_MIN ? "min" : mode == CONSUME_MAX ? "max" : "sum";
}

static int gen_site(const MirInst *i, const int *uses, int n)
{
    if (i->op != MIR_Call || i->nargs != 2 || i->nnames != 0 || i->args[0]->op != MIR_GlobalLoad ||
        site_kind(i->args[0]->str) < 0)
        return 0;
    const MirInst *g = i->args[1];
    if (g->op != MIR_Call || g->nargs != 2 || g->nnames != 0 || g->id < 0 || g->id >= n ||
        uses[g->id] != 1)
        return 0;
    const MirInst *mk = g->args[0];
    if (mk->op != MIR_MakeFunction || mk->id < 0 || mk->id >= n || uses[mk->id] != 1)
        return 0;
    const MirFunction *f = mk->func;
    if (!f || (f->flags & INFER_CO_NOT_NATIVE) != 0x4u || f->nblocks == 0 || f->nparams != 1 ||
        f->npos != 1 || f->nkwonly != 0 || !f->is_ssa || strcmp(f->name, "<genexpr>") != 0 ||
        mk->args[0]->op != MIR_Undef || mk->args[1]->op != MIR_Undef)
        return 0;
    if (f->nfree > 0 && (mk->args[2]->op != MIR_BuildTuple || mk->args[2]->nargs != f->nfree))
        return 0;
    return 1;
}

static int is_comprehension(const MirFunction *f)
{
    return strcmp(f->name, "<listcomp>") == 0 || strcmp(f->name, "<setcomp>") == 0 ||
           strcmp(f->name, "<dictcomp>") == 0;
}

/* The private iterator kinds of iter(...) `it` (used once) of a call: sets the flags. */
static void private_iter(const MirInst *it, const int *uses, int n, int *zipp, int *rangep,
                         int64_t *step, int *listp)
{
    *zipp = *rangep = *listp = 0;
    *step = 1;
    if (it->op != MIR_GetIter || it->id >= n || uses[it->id] != 1)
        return;
    const MirInst *rc = it->args[0];
    int call1 = rc->op == MIR_Call && rc->nnames == 0 && rc->id < n && uses[rc->id] == 1;
    *zipp = call1 && rc->nargs == 3;
    if (call1 && rc->nargs >= 2 && rc->nargs <= 4 &&
        (rc->nargs < 4 || (rc->args[3]->op == MIR_ConstInt && rc->args[3]->imm > 0 &&
                           rc->args[3]->imm <= (INT64_C(1) << 32)))) {
        *rangep = rc->nargs - 1;
        *step = rc->nargs == 4 ? rc->args[3]->imm : 1;
    }
    *listp = !*rangep;
}

static void comp_sites(MirFunction *h, const int *uses, int n)
{
    for (int b = 0; b < h->nblocks; b++)
        for (int k = 0; k < h->blocks[b]->ninsts; k++) {
            const MirInst *g = h->blocks[b]->insts[k];
            if (g->op != MIR_Call || g->nargs != 2 || g->nnames || g->args[0]->op != MIR_MakeFunction)
                continue;
            const MirInst *mk = g->args[0];
            const MirFunction *f = mk->func;
            if (mk->id >= n || uses[mk->id] != 1 || !f || !is_comprehension(f) ||
                f->nparams != 1 || f->npos != 1 || !f->is_ssa || f->nblocks == 0 ||
                (f->flags & INFER_CO_NOT_NATIVE))
                continue;
            CompSite c = {.host = h, .fn = f, .call = g, .it = g->args[1]};
            private_iter(c.it, uses, n, &c.zip_private, &c.range_private, &c.range_step,
                         &c.list_private);
            c.enum_private = c.range_private == 1;   /* (one argument, as range(stop)) */
            c.zip_shape = zip_shape(f);
            c.range_shape = range_shape(f);
            if (comps.n == comps.cap) {
                comps.cap = comps.cap ? 2 * comps.cap : 8;
                comps.v = realloc(comps.v, sizeof *comps.v * (size_t)comps.cap);
                if (!comps.v)
                    die("out of memory");
            }
            comps.v[comps.n++] = c;
        }
}

/* The generator expression has one `for` and no `if`: every item of its iterator reaches
 * the yield (an item expression that raises ends the sum by that exception). */
static int every_item_yields(const MirFunction *gf)
{
    const Node *e = gf->ast;
    return e && e->kind == N_GeneratorExp && e->v.GeneratorExp.generators.n == 1 &&
           e->v.GeneratorExp.generators.v[0]->v.comprehension.ifs.n == 0;
}

void consume_prepare(MirProgram *p)
{
    if (tab.prog == p)
        return;
    tab.prog = p;
    tab.n = 0;
    comps.n = 0;
    int nf = p->nfuncs;
    for (int fi = 0; fi < nf; fi++) {
        MirFunction *h = p->funcs[fi];
        if (h->nblocks == 0 || !h->is_ssa)
            continue;
        int n = max_id(h);
        int *uses = count_uses(h, n);
        comp_sites(h, uses, n);
        for (int b = 0; b < h->nblocks; b++)
            for (int k = 0; k < h->blocks[b]->ninsts; k++) {
                const MirInst *i = h->blocks[b]->insts[k];
                if (!gen_site(i, uses, n))
                    continue;
                ConsumeSite s = {0};
                s.host = h;
                s.sum = i;
                s.gen = i->args[1];
                s.mk = s.gen->args[0];
                s.genfn = s.mk->func;
                s.kind = site_kind(i->args[0]->str);
                if (s.kind == 0)
                    for (int m = CONSUME_FLOAT; m <= CONSUME_INT; m++)
                        s.fn[m] = build(p, s.genfn, m);
                else if (s.kind <= 2)
                    s.fn[kind_mode(s.kind)] = build_anyall(p, s.genfn, kind_mode(s.kind));
                else
                    s.fn[kind_mode(s.kind)] = build_minmax(p, s.genfn, kind_mode(s.kind));
                const MirInst *it = s.gen->args[1];
                s.zip_private = it->op == MIR_GetIter && it->id < n && uses[it->id] == 1 &&
                                it->args[0]->op == MIR_Call && it->args[0]->nargs == 3 &&
                                it->args[0]->nnames == 0 && it->args[0]->id < n &&
                                uses[it->args[0]->id] == 1;
                s.zip_shape = zip_shape(s.genfn);
                /* iter(range(...)) made for this call only (whether it is the builtin range
                 * is decided by inference: consume_range) */
                const MirInst *rc = it->op == MIR_GetIter ? it->args[0] : NULL;
                if (rc && it->id < n && uses[it->id] == 1 && rc->op == MIR_Call &&
                    rc->nnames == 0 && rc->nargs >= 2 && rc->nargs <= 4 && rc->id < n &&
                    uses[rc->id] == 1 &&
                    (rc->nargs < 4 || (rc->args[3]->op == MIR_ConstInt && rc->args[3]->imm > 0 &&
                                        rc->args[3]->imm <= (INT64_C(1) << 32)))) {
                    s.range_private = rc->nargs - 1;
                    s.range_step = rc->nargs == 4 ? rc->args[3]->imm : 1;
                }
                s.range_shape = range_shape(s.genfn);
                s.enum_private = s.range_private == 1;   /* (one argument, as range(stop)) */
                if (s.kind == 0 && s.range_private && s.range_shape && every_item_yields(s.genfn))
                    s.fn[CONSUME_FLOAT1] = build(p, s.genfn, CONSUME_FLOAT1);
                s.list_private = !s.range_private && it->op == MIR_GetIter && it->id < n &&
                                 uses[it->id] == 1;
                if (tab.n == tab.cap) {
                    tab.cap = tab.cap ? 2 * tab.cap : 8;
                    tab.v = realloc(tab.v, sizeof *tab.v * (size_t)tab.cap);
                    if (!tab.v)
                        die("out of memory");
                }
                tab.v[tab.n++] = s;
            }
        free(uses);
    }
}

/* A builtin range(...) call of one to three int arguments (a positive step) whose argument
 * types prove at least one item: stop >= 1 (one argument), stop > start (more).  -1: some
 * argument is not analysed yet. */
static int range_nonempty(InferCtx *c, const MirInst *rc, int nargs)
{
    Ty a[2];
    for (int k = 0; k < nargs && k < 2; k++) {
        a[k] = infer_ty(c, rc->args[1 + k]);
        if (a[k].k == TY_BOT)
            return -1;
        if (a[k].k != TY_INT)
            return 0;
    }
    if (nargs == 1)
        return a[0].lo >= 1;
    return a[0].hi < INT64_MAX && a[1].lo >= a[0].hi + 1;
}

static const ConsumeSite *site_of_call(const MirInst *call)
{
    for (int k = 0; k < tab.n; k++)
        if (tab.v[k].sum == call)
            return &tab.v[k];
    return NULL;
}

/* The site whose consumer (in any mode) f is, with *mode its mode; NULL when none. */
static const ConsumeSite *site_of(const MirFunction *f, int *mode)
{
    for (int k = 0; k < tab.n; k++)
        for (int m = 0; m < CONSUME_NMODES; m++)
            if (tab.v[k].fn[m] == f) {
                if (mode)
                    *mode = m;
                return &tab.v[k];
            }
    return NULL;
}

int consume_mode(const MirFunction *f)
{
    int m;
    return site_of(f, &m) ? m + 1 : 0;
}

/* any/all: items whose truthiness runs no Python code and cannot raise. */
static int plain_truth(Ty t)
{
    switch (t.k) {
    case TY_INT: case TY_FLOAT: case TY_BOOL: case TY_NONE: case TY_STR: case TY_LIST:
    case TY_TUPLE: case TY_NUM:
        return 1;
    default:
        return 0;
    }
}

/* An iterator that is not a generator (leaving a loop over it early needs no close). */
static int not_generator(Ty t)
{
    return t.k == TY_BOT || t.k == TY_RANGEITER || t.k == TY_LISTITER || t.k == TY_ZIP ||
           t.k == TY_ENUM || t.k == TY_ZIPSTAR;
}

int consume_sum_ty(Infer *in, InferCtx *c, const MirInst *call, int *global, Ty *out)
{
    if (call->id < 0 || call->id >= c->nvals)
        return 0;
    c->callee[call->id] = NULL;
    const ConsumeSite *s = site_of_call(call);
    if (!s || c->fn != s->host || s->gen->id >= c->nvals)
        return 0;
    InferCtx *g = c->callee[s->gen->id];
    if (s->zip_private) {   /* the lists are passed only when the callee is the builtin zip
                               (a function of the program may return a zip of other lists) */
        Ty zt = infer_ty(c, s->gen->args[1]->args[0]->args[0]);
        if (zt.k != TY_BOT && !(zt.k == TY_BUILTIN && zt.bi == TB_zip))
            ((ConsumeSite *)s)->zip_private = 0;   /* (monotone: never set again) */
    }
    if (s->range_private) {   /* counted in the clone only when the callee is the builtin */
        Ty rt = infer_ty(c, s->gen->args[1]->args[0]->args[0]);
        if (rt.k != TY_BOT && !(rt.k == TY_BUILTIN && rt.bi == TB_range))
            ((ConsumeSite *)s)->range_private = 0;   /* (monotone: never set again) */
    }
    if (s->enum_private) {   /* the list is passed only when the callee is the builtin */
        Ty et = infer_ty(c, s->gen->args[1]->args[0]->args[0]);
        if (et.k != TY_BOT && !(et.k == TY_BUILTIN && et.bi == TB_enumerate))
            ((ConsumeSite *)s)->enum_private = 0;   /* (monotone: never set again) */
    }
    if (infer_ty(c, s->gen).k == TY_BOT) {   /* the generator call is not analysed yet */
        *out = ty_bot();
        return 1;
    }
    if (!g || !g->genconv)
        return 0;
    Ty y = g->yield;
    if (y.k == TY_BOT) {   /* not known yet */
        *out = ty_bot();
        return 1;
    }
    int mode = y.k == TY_FLOAT ? CONSUME_FLOAT : y.k == TY_INT ? CONSUME_INT : -1;
    if (mode == CONSUME_FLOAT && s->kind == 0 && s->fn[CONSUME_FLOAT1] && s->range_private) {
        int ne = range_nonempty(c, s->gen->args[1]->args[0], s->range_private);
        if (ne < 0) {
            *out = ty_bot();
            return 1;
        }
        if (ne)
            mode = CONSUME_FLOAT1;
    }
    if (s->kind == 1 || s->kind == 2)
        mode = !plain_truth(y) ? -1 : kind_mode(s->kind);
    if (s->kind >= 3)
        mode = y.k == TY_INT || y.k == TY_FLOAT ? kind_mode(s->kind) : -1;
    if (mode < 0 || !s->fn[mode])
        return 0;
    MirFunction *f = s->fn[mode];
    Ty args[1] = {infer_ty(c, s->gen->args[1])}, closure[64];
    if (f->nfree > 64)
        return 0;
    for (int k = 0; k < f->nfree; k++)
        closure[k] = infer_ty(c, s->mk->args[2]->args[k]);
    if (args[0].k == TY_BOT) {
        *out = ty_bot();
        return 1;
    }
    if (s->list_private && args[0].k == TY_LISTITER) {   /* a list iterator: of a list? */
        Ty lt = infer_ty(c, s->gen->args[1]->args[0]);   /* (iter(it) is it itself) */
        if (lt.k != TY_BOT && lt.k != TY_LIST)
            ((ConsumeSite *)s)->list_private = 0;   /* (monotone: never set again) */
    }
    InferCtx *t = infer_ctx_for_call(in, f, args, closure, global);
    if (!t || t->index == 0)
        return 0;
    /* the mode must hold in the consumer's own context too: every step adds a float (an
     * int) there, else sum's result would differ (float mode would turn ints into floats) */
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *st = f->blocks[b]->insts[k];
            if (s->kind >= 3 && st->op == MIR_Compare && st->imm2 == CONSUME_STEP) {
                Ty v = infer_ty(t, st->args[0]);   /* the step's item */
                if (v.k != TY_BOT && v.k != TY_INT && v.k != TY_FLOAT)
                    return 0;
            }
            if ((s->kind == 1 || s->kind == 2) && st->op == MIR_IterNext &&
                !not_generator(infer_ty(t, st->args[0])))
                return 0;   /* any/all: an early return must not leave a generator open */
            if ((s->kind == 1 || s->kind == 2) && st->op == MIR_Truthy && st->imm2 == CONSUME_STEP &&
                infer_ty(t, st->args[0]).k != TY_BOT && !plain_truth(infer_ty(t, st->args[0])))
                return 0;
            if (st->op != MIR_BinOp || st->imm2 != CONSUME_STEP)
                continue;
            Ty v = infer_ty(t, st->args[1]);
            if (v.k != TY_BOT && v.k != (mode == CONSUME_INT ? TY_INT : TY_FLOAT))
                return 0;
        }
    c->callee[call->id] = t;
    *out = t->ret;
    return 1;
}

const MirInst *consume_gen_call(const MirInst *sum_call)
{
    const ConsumeSite *s = site_of_call(sum_call);
    return s ? s->gen : NULL;
}

int consume_fused(const Infer *in, const InferCtx *g)
{
    if (!g->genconv)
        return 0;
    int line = 0;
    for (int i = 0; i < in->nctxs; i++) {
        const InferCtx *c = in->ctxs[i];
        for (int k = 0; k < tab.n; k++) {
            const ConsumeSite *s = &tab.v[k];
            if (s->host != c->fn || s->gen->id >= c->nvals || c->callee[s->gen->id] != g)
                continue;
            if (!c->callee[s->sum->id])
                return 0;   /* one caller still makes the generator */
            line = s->sum->loc.line;
        }
    }
    return line;
}

const char *consume_fused_name(const InferCtx *g)
{
    for (int k = 0; k < tab.n; k++) {
        const ConsumeSite *s = &tab.v[k];
        if (s->genfn == g->fn)
            return s->kind == 0 ? "sum" : consume_builtin(kind_mode(s->kind));
    }
    return "sum";
}

int consume_used(const Infer *in, const InferCtx *t)
{
    for (int i = 0; i < in->nctxs; i++) {
        const InferCtx *c = in->ctxs[i];
        for (int k = 0; k < tab.n; k++)
            if (tab.v[k].host == c->fn && tab.v[k].sum->id < c->nvals &&
                c->callee[tab.v[k].sum->id] == t)
                return 1;
    }
    return 0;
}

const MirFunction *consume_host(const MirFunction *f)
{
    const ConsumeSite *site = site_of(f, NULL);
    return site ? site->host : NULL;
}

int consume_order(const MirFunction *f, int *order)
{
    for (int k = 0; k < tab.n; k++)
        for (int m = 0; m < CONSUME_NMODES; m++)
            if (tab.v[k].fn[m] == f && tab.v[k].has_order) {
                *order = tab.v[k].order;
                return 1;
            }
    return 0;
}

void consume_set_order(const MirFunction *f, int order)
{
    for (int k = 0; k < tab.n; k++)
        for (int m = 0; m < CONSUME_NMODES; m++)
            if (tab.v[k].fn[m] == f) {
                tab.v[k].order = order;
                tab.v[k].has_order = 1;
            }
}

/* The site of context t's consumer when t's one argument is of kind k. */
static const ConsumeSite *site_for(const InferCtx *t, TyKind k)
{
    return t->nargs == 1 && t->args[0].k == k ? site_of(t->fn, NULL) : NULL;
}

int consume_zip(const InferCtx *t)
{
    const ConsumeSite *site = site_for(t, TY_ZIP);
    return site && site->zip_private && site->zip_shape;
}

int consume_range(const InferCtx *t, int *nargs, int64_t *step)
{
    const ConsumeSite *site = site_for(t, TY_RANGEITER);
    if (!site || !ty_int_small(ty_int(t->args[0].lo, t->args[0].hi)) ||
        !site->range_private || !site->range_shape)
        return 0;
    if (nargs)
        *nargs = site->range_private;
    if (step)
        *step = site->range_step;
    return 1;
}

int consume_list(const InferCtx *t)
{
    const ConsumeSite *site = site_for(t, TY_LISTITER);
    return site && site->list_private && site->range_shape;
}

int consume_enum(const InferCtx *t)
{
    const ConsumeSite *site = site_for(t, TY_ENUM);
    return site && site->enum_private && site->zip_shape;
}

/* Whether block `in` can be reached from f's entry only through block `via`. */
static int only_through(const MirFunction *f, const MirBlock *via, const MirBlock *in)
{
    int nid = 0;
    for (int b = 0; b < f->nblocks; b++)
        if (f->blocks[b]->id >= nid)
            nid = f->blocks[b]->id + 1;
    char *seen = xcalloc((size_t)nid + 1, 1);
    const MirBlock **stack = xcalloc((size_t)f->nblocks + 1, sizeof *stack);
    int sp = 0, hit = 0;
    if (f->blocks[0] != via) {
        stack[sp++] = f->blocks[0];
        seen[f->blocks[0]->id] = 1;
    }
    while (sp > 0 && !hit) {
        const MirBlock *b = stack[--sp];
        hit = b == in;
        for (int k = 0; k < b->nsuccs; k++) {
            const MirBlock *s = b->succs[k];
            if (s && s != via && s->id < nid && !seen[s->id]) {
                seen[s->id] = 1;
                stack[sp++] = s;
            }
        }
    }
    free(seen);
    free(stack);
    return !hit;
}

int comp_cell_floor(const Infer *in, const InferCtx *t, const MirInst *get, int64_t *floor)
{
    if (t->index == 0 || get->op != MIR_CellGet || get->args[0]->op != MIR_ClosureCell)
        return 0;
    const CompSite *cs = NULL;
    for (int k = 0; k < comps.n && !cs; k++)
        if (comps.v[k].fn == t->fn)
            cs = &comps.v[k];
    if (!cs || !cs->range_private || !cs->range_shape || cs->range_step <= 0)
        return 0;
    const MirInst *rc = cs->it->args[0];   /* range(stop) / range(start, stop[, step]) */
    const MirInst *stop = rc->args[cs->range_private == 1 ? 1 : 2];
    int64_t lo = 1;
    if (cs->range_private > 1) {
        if (rc->args[1]->op != MIR_ConstInt || rc->args[1]->imm >= INT64_MAX / 2)
            return 0;
        lo = rc->args[1]->imm + 1;
    }
    const MirInst *mk = cs->call->args[0], *tup = mk->args[2];
    int64_t k = get->args[0]->imm;
    if (stop->op != MIR_CellGet || tup->op != MIR_BuildTuple || k < 0 || k >= tup->nargs ||
        tup->args[k] != stop->args[0])
        return 0;
    /* the loop over .0 (range_shape: its only use) has produced an item where get runs */
    const MirInst *next = NULL;
    for (int b = 0; b < t->fn->nblocks && !next; b++)
        for (int j = 0; j < t->fn->blocks[b]->ninsts; j++) {
            const MirInst *i = t->fn->blocks[b]->insts[j];
            if (i->op == MIR_IterNext && i->args[0]->op == MIR_Param && i->args[0]->imm == 0)
                next = i;
        }
    const MirBlock *gb = NULL;
    for (int b = 0; b < t->fn->nblocks && !gb; b++)
        for (int j = 0; j < t->fn->blocks[b]->ninsts; j++)
            if (t->fn->blocks[b]->insts[j] == get)
                gb = t->fn->blocks[b];
    if (!next || !gb || !only_through(t->fn, next->target, gb))
        return 0;
    int callers = 0;
    for (int i = 0; i < in->nctxs; i++) {   /* every call of t: the builtin range */
        const InferCtx *c = in->ctxs[i];
        if (c->fn != cs->host || cs->call->id >= c->nvals || c->callee[cs->call->id] != t)
            continue;
        callers++;
        Ty f = infer_ty(c, rc->args[0]);
        if (f.k != TY_BUILTIN || f.bi != TB_range)
            return 0;
    }
    *floor = lo;
    return callers > 0;
}

int comp_iter(const Infer *in, const InferCtx *t, int *nargs, int64_t *step)
{
    if (t->index == 0 || t->nargs != 1)
        return 0;
    const CompSite *cs = NULL;
    for (int k = 0; k < comps.n && !cs; k++)
        if (comps.v[k].fn == t->fn)
            cs = &comps.v[k];
    if (!cs)
        return 0;
    Ty a = t->args[0];
    int kind = a.k == TY_ZIP && cs->zip_private && cs->zip_shape ? 1
             : a.k == TY_RANGEITER && ty_int_small(ty_int(a.lo, a.hi)) && cs->range_private &&
                       cs->range_shape ? 2
             : a.k == TY_LISTITER && cs->list_private && cs->range_shape ? 3
             : a.k == TY_ENUM && cs->enum_private && cs->zip_shape ? 4 : 0;
    if (!kind)
        return 0;
    int callers = 0;
    for (int i = 0; i < in->nctxs; i++) {   /* every call of t: the builtin, a list */
        const InferCtx *c = in->ctxs[i];
        if (c->fn != cs->host || cs->call->id >= c->nvals || c->callee[cs->call->id] != t)
            continue;
        callers++;
        if (kind == 3) {
            if (infer_ty(c, cs->it->args[0]).k != TY_LIST)
                return 0;
            continue;
        }
        Ty f = infer_ty(c, cs->it->args[0]->args[0]);
        if (f.k != TY_BUILTIN ||
            f.bi != (kind == 1 ? TB_zip : kind == 2 ? TB_range : TB_enumerate) ||
            (kind == 4 && infer_ty(c, cs->it->args[0]->args[1]).k != TY_LIST))
            return 0;
    }
    if (!callers)
        return 0;
    if (nargs)
        *nargs = cs->range_private;
    if (step)
        *step = cs->range_step;
    return kind;
}
