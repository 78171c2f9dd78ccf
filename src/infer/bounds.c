/*
 * bounds.c - list accesses a counted loop proves in range lose their bounds check.
 *
 * `for i in range(len(L)): ... L[i] ...` becomes, in a specialised clone, a counted loop whose
 * body indexes L with list.get/list.set (flist.get/flist.set for unboxed floats), each testing
 * `i < len(L)` and adjusting a negative index.  When nothing the loop runs can change the size
 * of any list, L's length stays the loop's bound, every index `i + c` with c in [-start, 0]
 * (c in [-start, k] for a bound len(L) - k) is in [0, len(L)), and the test can never fail:
 * the access gets imm 1 ("in range already", codegen.c) and is emitted as a plain load or
 * store.  The access keeps its exceptional edge (it can no longer raise; the edge is only never
 * taken), so the CFG is unchanged.
 *
 * The shape, checked exactly (anything else keeps its checks):
 *   H:  i = phi [s, P], [i', latch]  ;  c = i.cmp i, n (<)  ;  cbr c -> B, exit
 *   i' = i.add i, 1; s a const.int; n = m or n = m - k with a const.int k
 *   (`range(len(L) - 1)`), where m = list.len X, either in H (read each step) or before the
 *   loop with only size-keeping ops on every path from it to P (so `n = len(L)` then the
 *   loop); the loop (the blocks reachable from B without passing H that reach H again) is
 *   entered only through B, and every op in it and in H keeps sizes (keeps_sizes).
 *   The access is list.get/list.set/flist.get/flist.set of X in the loop, with index i,
 *   `i.add i, c` or `i.sub i, -c` (c a const.int), and s + c >= 0, c <= k.
 * Within the loop i runs from s upwards in steps of 1 and is below n at every access (B is
 * reached only when i < n and dominates the loop), so i + c is in [s + c, len(X) - k + c)
 * within [0, len(X)).
 *
 * Versioning, for the accesses that proof leaves: any counted loop (i from start, a value
 * from the preheader P, up by a constant step in (0, 2**62), or by the step of a versioned
 * range loop, which its range.fast makes small and > 0; tested i < stop, stop a value from
 * before the loop) whose ops keep sizes, with accesses X[i + c] of a list X from before the
 * loop (|c| < 2**32; i64 indexes, or tagged ones: box(i + c), int.add/int.sub of it and a
 * constant, a versioned loop's body phi of the counter's box and the iterator's item).  Per X,
 * at the end of P, ok = `bounds.ok start, stop, X, guard` (guard: the range.fast or true; imm
 * and imm2 the least and greatest c), and each access's index becomes `in.range idx, ok`:
 * codegen skips the check when ok holds, and LLVM's non-trivial unswitching (cg_program.c)
 * splits the loop on ok.  When ok holds (and so the guard: the versioned loop's counter runs,
 * and its phi is the counter's box), every i of the loop is in [start, stop): the test
 * dominates the accesses, the step is positive and i + step < 2**63 (stop <= len(X) - cmax <
 * 2**62 + 2**32); so i + c is in [start + cmin, stop - 1 + cmax] within [0, len(X)), and
 * len(X) stays what bounds.ok read.  Else every access checks, raising as before.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../mir/mir_impl.h"
#include "../util/util.h"
#include "infer.h"

enum { CALL_DEPTH = 3 };   /* how deep direct calls are followed before giving up */

static int fn_keeps_sizes(const MirFunction *f, int depth);

/* A list the function made itself (an object that did not exist when it was called). */
static int fresh_list(const MirInst *v)
{
    return v->op == MIR_BuildList || v->op == MIR_ListRepeat;
}

/* An op of typed code that runs no Python code and changes no list's size and no cell:
 * constants, typed arithmetic and compares, boxing (the collector runs no finalizers), list,
 * tuple and cell reads, item stores, range and bounds tests, branches.  cells.c shares it. */
int bounds_quiet_op(MirOp op)
{
    switch (op) {
    case MIR_ConstNone: case MIR_ConstTrue: case MIR_ConstFalse: case MIR_ConstInt:
    case MIR_ConstBigInt: case MIR_ConstFloat: case MIR_ConstI1: case MIR_ConstStr:
    case MIR_Param: case MIR_Phi: case MIR_Is: case MIR_Not: case MIR_BoxBool:
    case MIR_ClosureCell: case MIR_CellGet:
    case MIR_BoxI64: case MIR_BoxF64: case MIR_UnboxI64: case MIR_UnboxF64:
    case MIR_UnboxBool: case MIR_IToF: case MIR_IntToF: case MIR_NumToF: case MIR_IntClamp:
    case MIR_IAdd: case MIR_ISub: case MIR_IMul: case MIR_INeg: case MIR_IFloorDiv:
    case MIR_IMod: case MIR_ITrueDiv: case MIR_ICmp: case MIR_ITruthy: case MIR_IBit:
    case MIR_IntBit: case MIR_IntAdd: case MIR_IntSub: case MIR_IntMul: case MIR_IntFloorDiv:
    case MIR_IntMod: case MIR_IntCmp: case MIR_IntTruthy: case MIR_IntTrueDiv: case MIR_FAdd:
    case MIR_FSub: case MIR_FMul: case MIR_FDiv: case MIR_FFloorDiv: case MIR_FMod:
    case MIR_FPow: case MIR_FNeg: case MIR_FCmp: case MIR_FTruthy: case MIR_FSqrt:
    case MIR_FAbs: case MIR_SelI: case MIR_SelF: case MIR_SelD: case MIR_ListGet:
    case MIR_ListSet: case MIR_FListGet: case MIR_FListSet: case MIR_ListLen:
    case MIR_ListGetT: case MIR_ListSetT: case MIR_FListGetT: case MIR_FListSetT:
    case MIR_RangeFast: case MIR_RangeArg: case MIR_BoundsOk: case MIR_InRange:
    case MIR_ListItem: case MIR_TupleItem: case MIR_StrLen: case MIR_Narrow: case MIR_Br:
    case MIR_CondBr: case MIR_Ret: case MIR_Unreachable:
        return 1;
    default:
        return 0;
    }
}

/* An op that changes the size of no list but the function's own and runs no Python code
 * (which could): typed arithmetic, compares, boxing (the collector runs no finalizers), list,
 * tuple and cell reads, item stores, branches, direct calls of clones made only of such ops,
 * and appends to a list the function made, when x, the indexed list, is a parameter (so it
 * existed before: another object) or the function is a callee (its lists are made during
 * the loop, after x).  A whitelist: an op not named here (generic protocol ops, other
 * appends, pops, calls through objects, raise, which may construct a user exception) keeps
 * every check of the loop. */
static int keeps_sizes(const MirInst *in, int depth, const MirInst *x)
{
    if (bounds_quiet_op(in->op))
        return 1;
    switch (in->op) {
    case MIR_ListAppend: case MIR_FListAppend: case MIR_ListReserve:
        return fresh_list(in->args[0]) && (depth > 0 || x->op == MIR_Param);
    case MIR_CallDirect:
        return in->func && in->func->origin && depth < CALL_DEPTH &&
               fn_keeps_sizes(in->func, depth + 1);
    default:
        return 0;
    }
}

static int fn_keeps_sizes(const MirFunction *f, int depth)
{
    if (f->nblocks == 0)
        return 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->ninsts; j++)
            if (!keeps_sizes(f->blocks[i]->insts[j], depth, NULL))
                return 0;
    return 1;
}

static int block_keeps_sizes(const MirBlock *b, int from, const MirInst *x)
{
    for (int j = from; j < b->ninsts; j++)
        if (!keeps_sizes(b->insts[j], 0, x))
            return 0;
    return 1;
}

/* Marks in mark[] (with bit) every block reachable from b along successors (forward) or
 * predecessors, not entering stop (NULL: none). */
static void walk(MirBlock *b, const MirBlock *stop, int forward, char *mark, char bit)
{
    if (b == stop || (mark[b->id] & bit))
        return;
    mark[b->id] |= bit;
    int n = forward ? b->nsuccs : b->npreds;
    for (int k = 0; k < n; k++)
        walk(forward ? b->succs[k] : b->preds[k], stop, forward, mark, bit);
}

enum { FWD = 1, BACK = 2, LOOP = FWD | BACK, TO_P = 4, FROM_LEN = 8 };

/* Marks with LOOP the blocks of the loop of header h entered at body (reachable from body
 * without passing h, and reaching h back); returns which operand of h's two-operand phi
 * comes from outside the loop (the other from inside), or -1. */
static int mark_loop(MirBlock *h, MirBlock *body, const MirInst *phi, char *mark, int nmark)
{
    memset(mark, 0, (size_t)nmark);
    walk(body, h, 1, mark, FWD);
    for (int k = 0; k < h->npreds; k++)
        if (mark[h->preds[k]->id] & FWD)
            walk(h->preds[k], h, 0, mark, BACK);
    int from_p = (mark[phi->phi_blocks[0]->id] & LOOP) != LOOP ? 0 :
                 (mark[phi->phi_blocks[1]->id] & LOOP) != LOOP ? 1 : -1;
    if (from_p < 0 || (mark[phi->phi_blocks[1 - from_p]->id] & LOOP) != LOOP)
        return -1;
    return from_p;
}

/* The block holding v and v's position in it (a scan: passes move instructions without
 * always updating inst->block); NULL for a value outside f's blocks. */
static MirBlock *home_of(MirFunction *f, const MirInst *v, int *pos)
{
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->ninsts; j++)
            if (f->blocks[i]->insts[j] == v) {
                *pos = j;
                return f->blocks[i];
            }
    return NULL;
}

/* Is every op on a path from len to p size-keeping?  The blocks on such paths are those
 * reachable from len's block and reaching p; len's own block counts from just after len, or
 * whole when it can be reached again.  mark[] holds the bits TO_P and FROM_LEN afterwards. */
static int len_still_holds(MirFunction *f, const MirInst *len, MirBlock *p, char *mark)
{
    int at;
    MirBlock *lb = home_of(f, len, &at);
    if (!lb)
        return 0;
    for (int k = 0; k < lb->nsuccs; k++)
        walk(lb->succs[k], NULL, 1, mark, FROM_LEN);
    int again = mark[lb->id] & FROM_LEN;
    mark[lb->id] |= FROM_LEN;
    walk(p, NULL, 0, mark, TO_P);
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        if ((mark[b->id] & (FROM_LEN | TO_P)) != (FROM_LEN | TO_P))
            continue;
        if (!block_keeps_sizes(b, b == lb && !again ? at + 1 : 0, len->args[0]))
            return 0;
    }
    return 1;
}

/* The list.len of stop = len(X) - k (stop itself, `i.sub len, k` or `i.add len, -k` with a
 * const.int k, |k| < 2**32), with *k; NULL otherwise. */
static MirInst *bound_len(MirInst *stop, int64_t *k)
{
    *k = 0;
    if (stop->op == MIR_ListLen)
        return stop;
    if ((stop->op != MIR_ISub && stop->op != MIR_IAdd) || stop->args[0]->op != MIR_ListLen ||
        stop->args[1]->op != MIR_ConstInt || stop->args[1]->imm <= -((int64_t)1 << 32) ||
        stop->args[1]->imm >= (int64_t)1 << 32)
        return NULL;
    *k = stop->op == MIR_ISub ? stop->args[1]->imm : -stop->args[1]->imm;
    return stop->args[0];
}

/* The constant c when idx is i, i + c or i - (-c); 0 with *ok = 0 otherwise. */
static int64_t offset_of(const MirInst *idx, const MirInst *i, int *ok)
{
    *ok = 1;
    if (idx == i)
        return 0;
    if (idx->op == MIR_IAdd && idx->args[0] == i && idx->args[1]->op == MIR_ConstInt)
        return idx->args[1]->imm;
    if (idx->op == MIR_IAdd && idx->args[1] == i && idx->args[0]->op == MIR_ConstInt)
        return idx->args[0]->imm;
    if (idx->op == MIR_ISub && idx->args[0] == i && idx->args[1]->op == MIR_ConstInt &&
        idx->args[1]->imm > INT64_MIN)
        return -idx->args[1]->imm;
    *ok = 0;
    return 0;
}

static int is_access(MirOp op)
{
    return op == MIR_ListGet || op == MIR_ListSet || op == MIR_FListGet || op == MIR_FListSet;
}

/* The loop headed by h, when it has the shape above: marks its accesses in range. */
static int prove_loop(MirFunction *f, MirBlock *h, char *mark, int nmark)
{
    if (h->ninsts < 3 || h->insts[0]->op != MIR_Phi || h->insts[0]->nargs != 2)
        return 0;
    MirInst *phi = h->insts[0], *cmp = h->insts[h->ninsts - 2], *cbr = h->insts[h->ninsts - 1];
    if (cbr->op != MIR_CondBr || cbr->args[0] != cmp || cmp->op != MIR_ICmp ||
        cmp->imm != Cmp_Lt || cmp->args[0] != phi || !cbr->target || cbr->target == h ||
        phi->type != MT_I64)
        return 0;
    MirBlock *body = cbr->target;
    int64_t slack;
    MirInst *len = bound_len(cmp->args[1], &slack);
    if (!len || body->npreds != 1 || cbr->target2 == body)
        return 0;
    int from_p = mark_loop(h, body, phi, mark, nmark);
    if (from_p < 0)
        return 0;
    MirBlock *p = phi->phi_blocks[from_p];
    MirInst *start = phi->args[from_p], *next = phi->args[1 - from_p];
    if (start->op != MIR_ConstInt || start->type != MT_I64 || next->op != MIR_IAdd ||
        next->args[0] != phi || next->args[1]->op != MIR_ConstInt || next->args[1]->imm != 1)
        return 0;
    /* one entry (B, from H), only size-keeping ops in H and the loop */
    if (!block_keeps_sizes(h, 0, len->args[0]))
        return 0;
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        if ((mark[b->id] & LOOP) != LOOP)
            continue;
        for (int k = 0; k < b->npreds && b != body; k++)
            if ((mark[b->preds[k]->id] & LOOP) != LOOP)
                return 0;
        if (!block_keeps_sizes(b, 0, len->args[0]))
            return 0;
    }
    int at;
    if (home_of(f, len, &at) != h && !len_still_holds(f, len, p, mark))
        return 0;
    int n = 0;
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        if ((mark[b->id] & LOOP) != LOOP)
            continue;
        for (int j = 0; j < b->ninsts; j++) {
            MirInst *in = b->insts[j];
            int ok;
            if (!is_access(in->op) || in->args[0] != len->args[0])
                continue;
            int64_t c = offset_of(in->args[1], phi, &ok);
            if (ok && c <= slack && c > INT64_MIN && start->imm >= -c && !in->imm) {
                in->imm = 1;
                n++;
            }
        }
    }
    return n;
}

/* ---- versioning: any counted loop, the checks kept behind a flag computed before it ---- */

#define OFF_LIMIT ((int64_t)1 << 32)   /* offsets and constants taken: |c| below this */
enum { DOM = 16 };

/* A counted loop: i (a phi of h) starts at start (from p, outside the loop) and grows by a step
 * in (0, 2**62); test ends with `cbr i < stop -> body, exit`.  test is h, or for a versioned
 * range loop (h ends with `cbr fast -> test, slow`) the fast side, slow the iterator's. */
typedef struct Counted {
    MirBlock *h, *p, *test, *slow, *body;
    MirInst *i, *start, *stop, *fast;
} Counted;

static int in_block(const MirBlock *b, const MirInst *v)
{
    for (int j = 0; j < b->ninsts; j++)
        if (b->insts[j] == v)
            return 1;
    return 0;
}

/* A step in (0, 2**62): a const.int, or the i64 of a versioned loop's step, which its
 * range.fast (fast) makes a small int above 0. */
static int positive_step(const MirInst *step, const MirInst *fast)
{
    if (step->op == MIR_ConstInt)
        return step->imm > 0 && step->imm < (int64_t)1 << 62;
    return fast && step->op == MIR_RangeArg && step->args[1] == fast;
}

/* Fills *lp when h heads a counted loop entered only through its body (or its test): marks
 * the loop's blocks LOOP in mark[] (h and test excluded, as in prove_loop). */
static int counted_loop(MirFunction *f, MirBlock *h, Counted *lp, char *mark, int nmark)
{
    memset(lp, 0, sizeof *lp);
    if (h->ninsts < 2 || h->insts[h->ninsts - 1]->op != MIR_CondBr)
        return 0;
    MirInst *cbr = h->insts[h->ninsts - 1];
    lp->h = lp->test = h;
    if (cbr->args[0]->op == MIR_RangeFast) {
        lp->fast = cbr->args[0];
        lp->test = cbr->target;
        lp->slow = cbr->target2;
        if (!lp->test || !lp->slow || lp->test == h || lp->slow == h || lp->test == lp->slow ||
            lp->test->npreds != 1 || lp->slow->npreds != 1 || lp->test->ninsts < 2 ||
            lp->test->insts[lp->test->ninsts - 1]->op != MIR_CondBr)
            return 0;
        cbr = lp->test->insts[lp->test->ninsts - 1];
    }
    MirInst *cmp = cbr->args[0];
    if (cmp->op != MIR_ICmp || cmp->imm != Cmp_Lt || !in_block(lp->test, cmp))
        return 0;
    MirInst *i = cmp->args[0];
    MirBlock *body = cbr->target;
    if (i->op != MIR_Phi || i->nargs != 2 || i->type != MT_I64 || !in_block(h, i) || !body ||
        body == h || body == lp->test || body == lp->slow || cbr->target2 == body)
        return 0;
    int from_p = mark_loop(h, body, i, mark, nmark);
    if (from_p < 0)
        return 0;
    MirInst *next = i->args[1 - from_p];
    if (next->op != MIR_IAdd || next->args[0] != i || !positive_step(next->args[1], lp->fast))
        return 0;
    for (int k = 0; k < body->npreds; k++)
        if (body->preds[k] != lp->test && body->preds[k] != lp->slow)
            return 0;
    for (int b = 0; b < f->nblocks; b++) {
        MirBlock *lb = f->blocks[b];
        for (int k = 0; (mark[lb->id] & LOOP) == LOOP && lb != body && k < lb->npreds; k++)
            if ((mark[lb->preds[k]->id] & LOOP) != LOOP)
                return 0;
    }
    lp->i = i;
    lp->p = i->phi_blocks[from_p];
    lp->start = i->args[from_p];
    lp->stop = cmp->args[1];
    lp->body = body;
    return 1;
}

/* The constant c, |c| < 2**32, when idx (an i64) is i + c (offset_of); *ok = 0 otherwise. */
static int64_t small_offset(const MirInst *idx, const MirInst *i, int *ok)
{
    int64_t c = offset_of(idx, i, ok);
    if (*ok && (c <= -OFF_LIMIT || c >= OFF_LIMIT))
        *ok = 0;
    return *ok ? c : 0;
}

/* The same for a tagged index: box(i + c); int.add/int.sub of that and a constant (the sum is
 * computed as a Python int: when i + c is in range it is that small int); for a versioned loop
 * the body's phi of such a value from the test and anything from the slow side (taken only
 * when fast is false). */
static int64_t tagged_offset(const MirInst *idx, const Counted *lp, int phi_ok, int *ok)
{
    *ok = 0;
    if (idx->op == MIR_BoxI64)
        return small_offset(idx->args[0], lp->i, ok);
    if ((idx->op == MIR_IntAdd || idx->op == MIR_IntSub) && idx->args[0]->op == MIR_BoxI64) {
        const MirInst *k = idx->args[1]->op == MIR_BoxI64 ? idx->args[1]->args[0] : idx->args[1];
        int64_t c = small_offset(idx->args[0]->args[0], lp->i, ok);
        if (!*ok || k->op != MIR_ConstInt || k->imm <= -OFF_LIMIT || k->imm >= OFF_LIMIT) {
            *ok = 0;
            return 0;
        }
        return idx->op == MIR_IntAdd ? c + k->imm : c - k->imm;
    }
    if (idx->op == MIR_Phi && phi_ok && lp->fast && idx->nargs == 2 && in_block(lp->body, idx)) {
        int t = idx->phi_blocks[0] == lp->test ? 0 : 1;
        if (idx->phi_blocks[t] != lp->test || idx->phi_blocks[1 - t] != lp->slow)
            return 0;
        return tagged_offset(idx->args[t], lp, 0, ok);
    }
    return 0;
}

static int is_tagged_access(MirOp op)
{
    return op == MIR_ListGetT || op == MIR_ListSetT || op == MIR_FListGetT || op == MIR_FListSetT;
}

/* The offset c of an access in[i + c] of the loop still checked; *ok = 0 otherwise. */
static int64_t access_offset(const MirInst *in, const Counted *lp, int *ok)
{
    *ok = 0;
    if ((!is_access(in->op) && !is_tagged_access(in->op)) || in->imm ||
        in->args[1]->op == MIR_InRange)
        return 0;
    if (is_tagged_access(in->op))
        return tagged_offset(in->args[1], lp, 1, ok);
    return small_offset(in->args[1], lp->i, ok);
}

/* Is v defined before the loop and available at the end of lp->p?  Its block (a raising op's
 * value: its normal successor) is outside the loop and dominates p: the entry cannot reach p
 * around it. */
static int before_loop(MirFunction *f, const MirInst *v, const Counted *lp, char *mark)
{
    int at;
    MirBlock *d = home_of(f, v, &at);
    if (d && (mir_ops[v->op].flags & MF_RAISE))
        d = v->target;
    if (!d || (mark[d->id] & LOOP) == LOOP || d == lp->h || d == lp->test)
        return 0;
    if (d == lp->p)
        return 1;
    for (int b = 0; b < f->nblocks; b++)
        mark[f->blocks[b]->id] &= (char)~DOM;
    walk(f->blocks[0], d, 1, mark, DOM);
    return !(mark[lp->p->id] & DOM);
}

/* Do h, the test and every block of the loop keep the sizes of lists, x's included? */
static int loop_keeps_sizes(MirFunction *f, const Counted *lp, const char *mark,
                            const MirInst *x)
{
    if (!block_keeps_sizes(lp->h, 0, x) || !block_keeps_sizes(lp->test, 0, x))
        return 0;
    for (int b = 0; b < f->nblocks; b++)
        if ((mark[f->blocks[b]->id] & LOOP) == LOOP && !block_keeps_sizes(f->blocks[b], 0, x))
            return 0;
    return 1;
}

/* Is the flag of x false whatever the values: a constant start below -cmin (a negative index
 * at the first step), or stop len(x) - k with cmax > k (past the end at the last)? */
static int never_ok(const Counted *lp, const MirInst *x, int64_t cmin, int64_t cmax)
{
    int64_t k;
    MirInst *len = bound_len(lp->stop, &k);
    if (lp->start->op == MIR_ConstInt && lp->start->imm < -cmin)
        return 1;
    return len && len->args[0] == x && cmax > k;
}

static MirInst *insert(MirFunction *f, MirBlock *b, int pos, MirOp op, MirInst **args,
                       int nargs, Loc loc)
{
    MirInst *in = mir_inst_new(f, op, args, nargs, loc);
    mir_block_insert(f, b, pos, in);
    return in;
}

/* Versions the accesses of list x in the loop: ok = bounds.ok(start, stop, x, fast or true)
 * with imm/imm2 the least and greatest offsets, at the end of p; each access's index becomes
 * `in.range idx, ok`.  Returns how many accesses. */
static int version_list(MirFunction *f, const Counted *lp, char *mark, MirInst *x)
{
    int64_t cmin = 0, cmax = 0;
    int n = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int j = 0; (mark[f->blocks[b]->id] & LOOP) == LOOP && j < f->blocks[b]->ninsts; j++) {
            MirInst *in = f->blocks[b]->insts[j];
            int ok;
            int64_t c = access_offset(in, lp, &ok);
            if (!ok || in->args[0] != x)
                continue;
            cmin = n == 0 || c < cmin ? c : cmin;
            cmax = n == 0 || c > cmax ? c : cmax;
            n++;
        }
    if (n == 0 || never_ok(lp, x, cmin, cmax) || !before_loop(f, x, lp, mark) ||
        !loop_keeps_sizes(f, lp, mark, x))
        return 0;
    Loc loc = lp->i->loc;
    loc.synthetic = 1;
    MirBlock *p = lp->p;
    MirInst *guard = lp->fast;
    if (!guard) {
        guard = insert(f, p, p->ninsts - 1, MIR_ConstI1, NULL, 0, loc);
        guard->imm = 1;
    }
    MirInst *a[4] = {lp->start, lp->stop, x, guard};
    MirInst *flag = insert(f, p, p->ninsts - 1, MIR_BoundsOk, a, 4, loc);
    flag->imm = cmin;
    flag->imm2 = cmax;
    for (int b = 0; b < f->nblocks; b++)
        for (int j = 0; (mark[f->blocks[b]->id] & LOOP) == LOOP && j < f->blocks[b]->ninsts; j++) {
            MirInst *in = f->blocks[b]->insts[j];
            int ok;
            access_offset(in, lp, &ok);
            if (!ok || in->args[0] != x)
                continue;
            MirInst *w[2] = {in->args[1], flag};
            MirInst *r = insert(f, f->blocks[b], j++, MIR_InRange, w, 2, in->loc);
            r->type = w[0]->type;
            MirInst **args = arena_alloc(f->arena, sizeof *args * (size_t)in->nargs);
            memcpy(args, in->args, sizeof *args * (size_t)in->nargs);
            args[1] = r;
            in->args = args;
        }
    return n;
}

/* The loop headed by h, when counted: versions its accesses list by list. */
static int version_loop(MirFunction *f, MirBlock *h, char *mark, int nmark)
{
    Counted lp;
    if (!counted_loop(f, h, &lp, mark, nmark) || lp.p->ninsts == 0)
        return 0;
    MirOp end = lp.p->insts[lp.p->ninsts - 1]->op;
    if ((end != MIR_Br && end != MIR_CondBr) || !before_loop(f, lp.stop, &lp, mark) ||
        (lp.fast && !before_loop(f, lp.fast, &lp, mark)))
        return 0;
    int n = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int j = 0; (mark[f->blocks[b]->id] & LOOP) == LOOP && j < f->blocks[b]->ninsts; j++) {
            MirInst *in = f->blocks[b]->insts[j];
            int ok;
            access_offset(in, &lp, &ok);
            if (ok)
                n += version_list(f, &lp, mark, in->args[0]);
        }
    return n;
}

int bounds_function(MirFunction *f)
{
    int maxid = 0, n = 0;
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i]->id > maxid)
            maxid = f->blocks[i]->id;
    char *mark = xcalloc((size_t)maxid + 1, 1);
    for (int i = 0; i < f->nblocks; i++)
        n += prove_loop(f, f->blocks[i], mark, maxid + 1);
    for (int i = 0; i < f->nblocks; i++)
        n += version_loop(f, f->blocks[i], mark, maxid + 1);
    free(mark);
    return n;
}
