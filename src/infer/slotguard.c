/*
 * slotguard.c - one test of an instance's slot bits for a straight-line run of slot accesses
 * (docs/internals/typed.md, "Slot guards").
 *
 * Entry point: slotguard_function(f), on a specialised body (after specialize + simplify).
 * Every inst.load(.f) tests its slot's bit and every inst.store(.f) the instance's
 * materialised bit, then sets the slot's bit (rt.h RT_FIXED_*, codegen.c inst_slot).  A
 * *region* is a chain of blocks, each entered only from the one before, whose instructions are
 * all *quiet*: typed arithmetic, boxing, constants, list and tuple item reads, slot accesses
 * (the whitelist quiet_op).  None of them runs Python code or changes any instance's bits
 * except by a slot store's fast path, which only sets bits.  So when, before the region, no
 * receiver R of its slot accesses is materialised and every slot the region reads on R before
 * storing it is set, that stays true to the region's end, and no access in it needs a test.
 *
 * The region is versioned: a guard chain (inst.guard, one per receiver: (bits & (mask | MAT))
 * == mask, the mask being the slots read before any store) before it branches to a copy whose
 * slot ops carry imm2 1 (no test, no bit update) or, for a store of a slot that may be unset,
 * 2 (no test, sets its bit; codegen.c inst_slot), or else to the original, where each access
 * keeps its own test and slow path (AttributeError in the same place, the instance dict of a
 * materialised instance).
 * Both versions leave to the same successors, whose phis take one more operand from the copy.
 * A value the region defines that is used beyond it otherwise must be used only where the
 * region's plain exit S leads (S entered from the region alone): S becomes the join, with a
 * phi of both versions of the value; any other use leaves the region unversioned.
 *
 * Invariant relied on: the receivers are defined before the region (the guard reads them);
 * raising ops inside (f.div, f.sqrt, int.tofloat) go to the same handlers from both copies,
 * whose phis get the copy's operands.
 */
#include <stdlib.h>
#include <string.h>

#include "../mir/mir_impl.h"
#include "../util/util.h"
#include "infer.h"

enum { MAX_REGION_BLOCKS = 64, MAX_REGION_INSTS = 400, MAX_RECEIVERS = 8 };

static int is_slot_op(MirOp op)
{
    return op == MIR_InstLoad || op == MIR_InstLoadF || op == MIR_InstStore ||
           op == MIR_InstStoreF;
}

/* An op that runs no Python code and changes no instance's slot bits (a slot store only sets
 * its own bit; a box only allocates: the collector runs no finalizers). */
static int quiet_op(MirOp op)
{
    switch (op) {
    case MIR_ConstNone: case MIR_ConstTrue: case MIR_ConstFalse: case MIR_ConstInt:
    case MIR_ConstFloat: case MIR_ConstI1: case MIR_ConstStr: case MIR_Is: case MIR_Not:
    case MIR_BoxBool: case MIR_CellGet:
    case MIR_BoxI64: case MIR_BoxF64: case MIR_UnboxI64: case MIR_UnboxF64: case MIR_UnboxBool:
    case MIR_IToF: case MIR_IntToF: case MIR_NumToF: case MIR_IntClamp:
    case MIR_IAdd: case MIR_ISub: case MIR_IMul: case MIR_INeg: case MIR_IFloorDiv:
    case MIR_IMod: case MIR_ITrueDiv: case MIR_ICmp: case MIR_ITruthy: case MIR_IBit:
    case MIR_IntBit: case MIR_IntAdd: case MIR_IntSub: case MIR_IntMul: case MIR_IntFloorDiv:
    case MIR_IntMod: case MIR_IntCmp: case MIR_IntTruthy: case MIR_IntTrueDiv:
    case MIR_FAdd: case MIR_FSub: case MIR_FMul: case MIR_FDiv: case MIR_FFloorDiv:
    case MIR_FMod: case MIR_FPow: case MIR_FNeg: case MIR_FCmp: case MIR_FTruthy:
    case MIR_FSqrt: case MIR_FAbs: case MIR_FToInt: case MIR_SelI: case MIR_SelF:
    case MIR_SelD: case MIR_ListGet: case MIR_FListGet: case MIR_ListLen: case MIR_ListItem:
    case MIR_TupleItem: case MIR_StrLen: case MIR_Narrow: case MIR_InstIsClass:
    case MIR_ClassGet:
    case MIR_InstLoad: case MIR_InstLoadF: case MIR_InstStore: case MIR_InstStoreF:
        return 1;
    default:
        return 0;
    }
}

/* A quiet op, but no slot access on a receiver that may be None (SLOT_MAYBE_NONE): the
 * guard reads its receiver's bits, which None does not have. */
static int quiet_inst(const MirInst *i)
{
    return quiet_op(i->op) && !(is_slot_op(i->op) && i->imm2 == SLOT_MAYBE_NONE);
}

typedef struct Region {
    MirBlock *b[MAX_REGION_BLOCKS];   /* b[0] from index start, the others whole */
    int n, start;
    MirInst *recv[MAX_RECEIVERS];
    int64_t mask[MAX_RECEIVERS];
    int nrecv;
    MirBlock *join;   /* the region's exit where its values used beyond it get phis */
} Region;

static int in_region(const Region *r, const MirBlock *b)
{
    for (int i = 0; i < r->n; i++)
        if (r->b[i] == b)
            return i;
    return -1;
}

/* Is value v defined inside the region (b[0] from start on, or another block of it)? */
static int defined_in(const Region *r, const MirInst *v)
{
    int k = v->block ? in_region(r, v->block) : -1;
    if (k < 0)
        return 0;
    if (k > 0)
        return 1;
    for (int j = r->start; j < r->b[0]->ninsts; j++)
        if (r->b[0]->insts[j] == v)
            return 1;
    return 0;
}

/* Marks (by block id) the blocks reachable from the entry without passing through S: a block
 * left unmarked is dominated by S. */
static unsigned char *reach_without(MirFunction *f, const MirBlock *S, int *maxid)
{
    *maxid = 0;
    for (int b = 0; b < f->nblocks; b++)
        *maxid = f->blocks[b]->id > *maxid ? f->blocks[b]->id : *maxid;
    unsigned char *seen = xcalloc((size_t)*maxid + 1, 1);
    MirBlock **stack = xmalloc(sizeof *stack * (size_t)(f->nblocks + 1));
    int n = 0;
    if (f->blocks[0] != S) {
        seen[f->blocks[0]->id] = 1;
        stack[n++] = f->blocks[0];
    }
    while (n > 0) {
        MirBlock *b = stack[--n];
        for (int k = 0; k < b->nsuccs; k++) {
            MirBlock *y = b->succs[k];
            if (y == S || seen[y->id])
                continue;
            seen[y->id] = 1;
            stack[n++] = y;
        }
    }
    free(stack);
    return seen;
}

/* Fills the region's receivers and guard masks (the slots read before any store); returns
 * its instruction count, or -(q + 1) when block q has a slot op whose receiver is made inside
 * the region or one receiver too many. */
static int scan_receivers(Region *r)
{
    int64_t seen[MAX_RECEIVERS] = {0};   /* per receiver: the slots accessed so far */
    int ninsts = 0;
    r->nrecv = 0;
    memset(r->mask, 0, sizeof r->mask);
    for (int q = 0; q < r->n; q++) {
        MirBlock *x = r->b[q];
        for (int j = q ? 0 : r->start; j < x->ninsts; j++) {
            MirInst *i = x->insts[j];
            ninsts++;
            if (!is_slot_op(i->op))
                continue;
            if (defined_in(r, i->args[0]))
                return -(q + 1);
            int s = 0;
            while (s < r->nrecv && r->recv[s] != i->args[0])
                s++;
            if (s == r->nrecv) {
                if (r->nrecv == MAX_RECEIVERS)
                    return -(q + 1);
                r->recv[r->nrecv++] = i->args[0];
            }
            int64_t bit = (int64_t)(UINT64_C(1) << i->imm);
            if (!(seen[s] & bit) && (i->op == MIR_InstLoad || i->op == MIR_InstLoadF))
                r->mask[s] |= bit;   /* read before the region stores it: must be set */
            seen[s] |= bit;
        }
    }
    return ninsts;
}

/* The region starting at the first slot op of b's quiet suffix; 0 when none is worth it. */
static int find_region(MirBlock *b, Region *r, const unsigned char *taken, int maxid,
                       MirFunction *f)
{
    memset(r, 0, sizeof *r);
    int k = b->ninsts - 1;   /* the terminator */
    if (k < 0)
        return 0;
    while (k > 0 && quiet_inst(b->insts[k - 1]))
        k--;
    while (k < b->ninsts - 1 && !is_slot_op(b->insts[k]->op))
        k++;
    if (k >= b->ninsts - 1)
        return 0;
    r->b[0] = b;
    r->start = k;
    r->n = 1;
    /* extend along plain edges into blocks entered only from the chain, quiet throughout */
    for (MirBlock *x = b; r->n < MAX_REGION_BLOCKS;) {
        MirInst *t = x->insts[x->ninsts - 1];
        if (t->op != MIR_Br || !t->target)
            break;
        MirBlock *y = t->target;
        if (y->npreds != 1 || y->ninsts == 0 || in_region(r, y) >= 0 || y->id > maxid ||
            taken[y->id])
            break;
        int ok = 1;
        for (int j = 0; j < y->ninsts - 1 && ok; j++)
            ok = quiet_inst(y->insts[j]);
        if (!ok)
            break;
        r->b[r->n++] = y;
        x = y;
    }
    /* receivers: defined before the region; a slot op on a receiver made inside it ends the
     * region before that op's block (or gives up when that is the first block) */
    int ninsts;
    while ((ninsts = scan_receivers(r)) < 0) {
        if (-ninsts - 1 == 0)
            return 0;
        r->n = -ninsts - 1;
    }
    if (ninsts > MAX_REGION_INSTS || r->nrecv == 0)
        return 0;
    /* worth it: a load's test is about 2 instructions, a store's 4; a guard about 5 */
    int gain = 0;
    for (int q = 0; q < r->n; q++)
        for (int j = q ? 0 : r->start; j < r->b[q]->ninsts; j++) {
            MirOp op = r->b[q]->insts[j]->op;
            gain += op == MIR_InstLoad || op == MIR_InstLoadF ? 2
                    : op == MIR_InstStore || op == MIR_InstStoreF ? 4 : 0;
        }
    if (gain <= 5 * r->nrecv)
        return 0;
    /* every use outside of a value defined inside is a phi operand coming from the region,
     * or lies where only the region's plain exit S leads (S entered from the region alone
     * becomes the join of both versions: a phi per such value) */
    MirBlock *last = r->b[r->n - 1];
    MirInst *lt = last->insts[last->ninsts - 1];
    MirBlock *S = lt->op == MIR_Br ? lt->target : NULL;
    unsigned char *reach = NULL;   /* blocks reachable from the entry without S */
    int ok = 1, rmax = 0;
    for (int bb = 0; bb < f->nblocks && ok; bb++) {
        MirBlock *x = f->blocks[bb];
        int q = in_region(r, x);
        for (int j = 0; j < x->ninsts && ok; j++) {
            MirInst *i = x->insts[j];
            if (q > 0 || (q == 0 && j >= r->start))
                continue;   /* inside */
            for (int a = 0; a < i->nargs && ok; a++) {
                if (!defined_in(r, i->args[a]))
                    continue;
                if (i->op == MIR_Phi && in_region(r, i->phi_blocks[a]) >= 0)
                    continue;
                if (!S || S->npreds != 1 || S->preds[0] != last || in_region(r, S) >= 0 ||
                    (S->ninsts && S->insts[0]->op == MIR_Phi)) {
                    ok = 0;
                    break;
                }
                if (!reach)
                    reach = reach_without(f, S, &rmax);
                MirBlock *u = i->op == MIR_Phi ? i->phi_blocks[a] : x;
                if (u->id > rmax || reach[u->id])
                    ok = 0;
                else
                    r->join = S;
            }
        }
    }
    free(reach);
    return ok;
}

static MirInst *copy_inst(MirFunction *f, const MirInst *i, MirInst **vmap, int nv)
{
    MirInst *c = mir_inst_new(f, i->op, i->args, i->nargs, i->loc);
    for (int a = 0; a < i->nargs; a++)
        if (i->args[a]->id >= 0 && i->args[a]->id < nv && vmap[i->args[a]->id])
            c->args[a] = vmap[i->args[a]->id];
    c->type = i->type;
    if (i->id < 0)
        c->id = -1;
    else if (c->id < 0)
        c->id = f->nvalues++;
    c->imm = i->imm;
    c->imm2 = i->imm2;
    c->fimm = i->fimm;
    c->str = i->str;
    c->len = i->len;
    c->names = i->names;
    c->nnames = i->nnames;
    c->func = i->func;
    c->module = i->module;
    c->target = i->target;
    c->target2 = i->target2;
    c->exc = i->exc;
    c->anchor = i->anchor;
    c->anchor_end = i->anchor_end;
    c->varname = i->varname;
    return c;
}

/* The successors of b's terminator and raiser. */
static int succs_of(const MirBlock *b, MirBlock *out[3])
{
    int n = 0;
    const MirInst *t = b->insts[b->ninsts - 1];
    const MirInst *r = mir_block_raiser(b);
    MirBlock *c[4] = {t->target, t->target2, r ? r->exc : NULL, t->exc};
    for (int k = 0; k < 4; k++) {
        int dup = !c[k];
        for (int j = 0; j < n && !dup; j++)
            dup = out[j] == c[k];
        if (!dup && n < 3)
            out[n++] = c[k];
    }
    return n;
}

static void version(MirFunction *f, Region *r)
{
    /* 1. split b[0] at start: the head keeps the prefix and gets the guards */
    MirBlock *head = r->b[0];
    MirBlock *r0 = mir_block_new(f, head->label);
    for (int j = r->start; j < head->ninsts; j++)
        mir_block_insert(f, r0, r0->ninsts, head->insts[j]);
    head->ninsts = r->start;
    MirBlock *ss[3];
    int ns = succs_of(r0, ss);
    for (int k = 0; k < ns; k++)
        for (int j = 0; j < ss[k]->ninsts && ss[k]->insts[j]->op == MIR_Phi; j++)
            for (int a = 0; a < ss[k]->insts[j]->nargs; a++)
                if (ss[k]->insts[j]->phi_blocks[a] == head)
                    ss[k]->insts[j]->phi_blocks[a] = r0;
    r->b[0] = r0;
    r->start = 0;

    /* 2. the copy, slot ops untested */
    int nv = f->nvalues;
    MirInst **vmap = xcalloc((size_t)nv + 1, sizeof *vmap);
    MirBlock *cp[MAX_REGION_BLOCKS];
    for (int q = 0; q < r->n; q++)
        cp[q] = mir_block_new(f, "slots.set");
    int64_t set[MAX_RECEIVERS];   /* per receiver: the slots known set at this point */
    memcpy(set, r->mask, sizeof set);
    for (int q = 0; q < r->n; q++)
        for (int j = 0; j < r->b[q]->ninsts; j++) {
            const MirInst *i = r->b[q]->insts[j];
            MirInst *c = copy_inst(f, i, vmap, nv);
            if (i->id >= 0 && i->id < nv)
                vmap[i->id] = c;
            if (is_slot_op(i->op)) {   /* 1: no test; 2 (a store of a slot that may be
                                             unset): no test, sets its bit */
                int s = 0;
                while (r->recv[s] != i->args[0])
                    s++;
                int64_t bit = (int64_t)(UINT64_C(1) << i->imm);
                c->imm2 = (set[s] & bit) ? SLOT_GUARDED : SLOT_GUARDED_SETS;
                set[s] |= bit;
            }
            int t = c->target ? in_region(r, c->target) : -1;
            if (t >= 0)
                c->target = cp[t];
            t = c->target2 ? in_region(r, c->target2) : -1;
            if (t >= 0)
                c->target2 = cp[t];
            mir_block_insert(f, cp[q], cp[q]->ninsts, c);
        }
    /* 3. successors outside the region: their phis take the copy's operands */
    for (int q = 0; q < r->n; q++) {
        ns = succs_of(r->b[q], ss);
        for (int k = 0; k < ns; k++) {
            if (in_region(r, ss[k]) >= 0)
                continue;
            for (int j = 0; j < ss[k]->ninsts && ss[k]->insts[j]->op == MIR_Phi; j++) {
                MirInst *phi = ss[k]->insts[j];
                int n0 = phi->nargs;
                for (int a = 0; a < n0; a++)
                    if (phi->phi_blocks[a] == r->b[q]) {
                        MirInst *v = phi->args[a];
                        if (v->id >= 0 && v->id < nv && vmap[v->id])
                            v = vmap[v->id];
                        mir_phi_add(f, phi, cp[q], v);
                    }
            }
        }
    }
    /* 4. values used beyond the region's exit: a phi of both versions there */
    if (r->join) {
        MirInst **phis = xcalloc((size_t)nv + 1, sizeof *phis);
        int nphi = 0;
        for (int bb = 0; bb < f->nblocks; bb++) {
            MirBlock *x = f->blocks[bb];
            int skip = in_region(r, x) >= 0;
            for (int q = 0; q < r->n && !skip; q++)
                skip = x == cp[q];
            for (int j = nphi && x == r->join ? nphi : 0; j < x->ninsts && !skip; j++) {
                MirInst *i = x->insts[j];
                for (int a = 0; a < i->nargs; a++) {
                    MirInst *v = i->args[a];
                    if (v->id < 0 || v->id >= nv || !vmap[v->id] ||
                        (i->op == MIR_Phi && in_region(r, i->phi_blocks[a]) >= 0) ||
                        (i->op == MIR_Phi && i->phi_blocks[a] == cp[r->n - 1]))
                        continue;
                    if (!phis[v->id]) {
                        MirInst *phi = mir_inst_new(f, MIR_Phi, NULL, 0, v->loc);
                        phi->type = v->type;
                        phi->varname = v->varname;
                        phi->loc.synthetic = 1;
                        mir_phi_add(f, phi, r->b[r->n - 1], v);
                        mir_phi_add(f, phi, cp[r->n - 1], vmap[v->id]);
                        mir_block_insert(f, r->join, 0, phi);
                        phis[v->id] = phi;
                        nphi++;
                        if (x == r->join)
                            j++;   /* i moved one place down */
                    }
                    i->args[a] = phis[v->id];
                }
            }
        }
        free(phis);
    }
    free(vmap);

    /* 5. the guards: each receiver's slots all set (so not materialised) -> the copy */
    MirBlock *at = head;
    Loc loc = r0->insts[0]->loc;
    loc.synthetic = 1;
    for (int s = 0; s < r->nrecv; s++) {
        MirInst *g = mir_emit(f, at, MIR_InstGuard, &r->recv[s], 1, loc);
        g->type = MT_I1;
        g->imm = r->mask[s];
        MirBlock *next = s + 1 < r->nrecv ? mir_block_new(f, "slots.guard") : cp[0];
        mir_emit_cbr(f, at, g, next, r0, loc);
        at = next;
    }
}

int slotguard_function(MirFunction *f)
{
    if (getenv("AITHON_NO_SLOTGUARD"))
        return 0;
    mir_compute_cfg(f);
    int nb0 = f->nblocks;
    int maxid = 0;
    for (int b = 0; b < f->nblocks; b++)
        maxid = f->blocks[b]->id > maxid ? f->blocks[b]->id : maxid;
    unsigned char *taken = xcalloc((size_t)maxid + 1, 1);
    MirBlock **orig = xmalloc(sizeof *orig * (size_t)(nb0 + 1));
    memcpy(orig, f->blocks, sizeof *orig * (size_t)nb0);
    int changed = 0;
    for (int b = 0; b < nb0; b++) {
        if (taken[orig[b]->id])
            continue;
        Region r;
        if (!find_region(orig[b], &r, taken, maxid, f))
            continue;
        for (int q = 0; q < r.n; q++)
            taken[r.b[q]->id] = 1;
        version(f, &r);
        mir_compute_cfg(f);
        changed = 1;
    }
    free(orig);
    free(taken);
    return changed;
}
