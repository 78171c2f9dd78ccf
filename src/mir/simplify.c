/*
 * simplify.c - CFG and value cleanup after lowering or SSA construction.
 *
 * Entry point: mir_pass_simplify(f) (passes.h).  Repeats until nothing changes:
 *   - blocks unreachable from the entry are deleted (phis lose their operands);
 *   - a block ending in a plain `br C` (no raising instruction before it) absorbs C when C has
 *     no other predecessor and is neither the entry nor an unwind block;
 *   - an empty block (just `br C`) is bypassed when C has no phis, no predecessor of it
 *     already reaches C (so no edge is doubled), and no raising instruction whose value is
 *     used has it as normal successor unless C would be entered from that block alone (the
 *     value exists only on the normal edge: its uses must stay dominated);
 *   - trivial phis go, and values that are pure (no MF_SIDE, MF_RAISE, MF_TERM) and not used by
 *     anything live are deleted (mark from the effectful instructions: dead phi cycles go too).
 * Finally blocks are renumbered in order.  The raising-instruction-then-br shape is never
 * broken: merging only happens after a br with no raising instruction before it.
 */
#include <stdlib.h>
#include <string.h>

#include "mir_impl.h"
#include "passes.h"

static int remove_unreachable(MirFunction *f)
{
    char *seen = xcalloc((size_t)f->nblocks, 1);
    MirBlock **stack = xmalloc((size_t)f->nblocks * sizeof *stack);
    /* positions by a linear scan of succs: block counts are small per function, and ids may
     * have gaps, so use the block's index found through a temporary id map */
    int maxid = 0;
    for (int b = 0; b < f->nblocks; b++)
        if (f->blocks[b]->id > maxid)
            maxid = f->blocks[b]->id;
    int *pos = xmalloc((size_t)(maxid + 1) * sizeof *pos);
    for (int b = 0; b < f->nblocks; b++)
        pos[f->blocks[b]->id] = b;
    int sp = 0;
    stack[sp++] = f->blocks[0];
    seen[0] = 1;
    while (sp) {
        MirBlock *b = stack[--sp];
        for (int k = 0; k < b->nsuccs; k++) {
            int q = pos[b->succs[k]->id];
            if (!seen[q]) {
                seen[q] = 1;
                stack[sp++] = b->succs[k];
            }
        }
    }
    int n = 0;
    for (int b = 0; b < f->nblocks; b++)
        if (seen[b])
            f->blocks[n++] = f->blocks[b];
    int removed = f->nblocks - n;
    f->nblocks = n;
    free(seen);
    free(stack);
    free(pos);
    if (removed) {
        mir_compute_cfg(f);
        mir_prune_phis(f);
    }
    return removed;
}

/* b ends with `br c`, c's only predecessor is b: c's instructions move into b.  One pass: b
 * goes on absorbing while it ends so; c's edges become b's in place (its successors' preds
 * and phi blocks), the operands of c's one-operand phis are substituted once at the end, and
 * the CFG is recomputed once (merging one chain at a time and rescanning the function was
 * quadratic: minutes for a function of a few thousand lines). */
static int merge_chains(MirFunction *f)
{
    int nb = f->nblocks, nv = f->nvalues, merged = 0;
    int *saved = xmalloc(sizeof *saved * (size_t)(nb + 1));
    char *gone = xcalloc((size_t)nb + 1, 1);
    MirInst **repl = xcalloc((size_t)nv + 1, sizeof *repl);
    for (int i = 0; i < nb; i++) {
        saved[i] = f->blocks[i]->id;
        f->blocks[i]->id = i;
    }
    for (int i = 0; i < nb; i++) {
        MirBlock *b = f->blocks[i];
        while (!gone[i] && b->ninsts > 0) {
            MirInst *t = b->insts[b->ninsts - 1];
            if (t->op != MIR_Br || mir_block_raiser(b))
                break;
            MirBlock *c = t->target;
            if (c == b || c == f->blocks[0] || c->npreds != 1 || c->is_unwind ||
                c->id < 0 || c->id >= nb || f->blocks[c->id] != c)
                break;
            int k = 0;
            for (; k < c->ninsts && c->insts[k]->op == MIR_Phi; k++)   /* one operand: b's */
                if (c->insts[k]->id >= 0 && c->insts[k]->id < nv)
                    repl[c->insts[k]->id] = c->insts[k]->args[0];
            b->ninsts--;   /* the br */
            for (; k < c->ninsts; k++)
                mir_block_insert(f, b, b->ninsts, c->insts[k]);
            for (int q = 0; q < c->nsuccs; q++) {
                MirBlock *s2 = c->succs[q];
                for (int p = 0; p < s2->npreds; p++)
                    if (s2->preds[p] == c)
                        s2->preds[p] = b;
                for (int y = 0; y < s2->ninsts && s2->insts[y]->op == MIR_Phi; y++)
                    for (int a = 0; a < s2->insts[y]->nargs; a++)
                        if (s2->insts[y]->phi_blocks[a] == c)
                            s2->insts[y]->phi_blocks[a] = b;
            }
            memcpy(b->succs, c->succs, sizeof b->succs);
            b->nsuccs = c->nsuccs;
            gone[c->id] = 1;
            merged++;
        }
    }
    if (merged) {
        for (int x = 0; x < nb; x++) {
            if (gone[x])
                continue;
            MirBlock *bb = f->blocks[x];
            for (int y = 0; y < bb->ninsts; y++) {
                MirInst *u = bb->insts[y];
                for (int a = 0; a < u->nargs; a++)
                    for (int guard = 0; guard < nv && u->args[a] && u->args[a]->id >= 0 &&
                                        u->args[a]->id < nv && repl[u->args[a]->id]; guard++)
                        u->args[a] = repl[u->args[a]->id];
            }
        }
    }
    int n = 0;
    for (int x = 0; x < nb; x++) {
        f->blocks[x]->id = saved[x];
        if (!gone[x])
            f->blocks[n++] = f->blocks[x];
    }
    f->nblocks = n;
    free(saved);
    free(gone);
    free(repl);
    if (merged)
        mir_compute_cfg(f);
    return merged;
}

static void retarget(MirFunction *f, MirBlock *from, MirBlock *to)
{
    for (int x = 0; x < f->nblocks; x++)
        for (int y = 0; y < f->blocks[x]->ninsts; y++) {
            MirInst *u = f->blocks[x]->insts[y];
            if (u->target == from)
                u->target = to;
            if (u->target2 == from)
                u->target2 = to;
            if (u->exc == from)
                u->exc = to;
        }
}

/* used[id] = 1 for every value that is an operand of some instruction of f. */
static char *used_values(const MirFunction *f)
{
    char *used = xcalloc((size_t)f->nvalues + 1, 1);
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                used[i->args[a]->id] = 1;
        }
    return used;
}

/* b is just `br c`: its predecessors go straight to c.
 * A raising instruction's value exists only on its normal edge, so its uses must stay
 * dominated by a normal successor entered from the raising block alone (mir.h, verify.c).
 * Retargeting that normal edge from b to c keeps this only when c ends up with that one
 * predecessor; a for loop's `iter -> b; b: br head` (head also entered from the loop's back
 * edge) must keep its empty b, else the iterator no longer dominates the `iter.next` in head. */
static int bypass_empty(MirFunction *f)
{
    int n = 0;
    char *used = used_values(f);   /* retargeting never changes operands: computed once */
    for (int i = 1; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        if (b->ninsts != 1 || b->insts[0]->op != MIR_Br || b->is_unwind)
            continue;
        MirBlock *c = b->insts[0]->target;
        if (c == b || (c->ninsts && c->insts[0]->op == MIR_Phi))
            continue;
        int clash = 0;
        for (int p = 0; p < b->npreds && !clash; p++) {
            MirBlock *pb = b->preds[p];
            for (int k = 0; k < pb->nsuccs; k++)
                clash |= pb->succs[k] == c;
            /* after the bypass c's predecessors are b's plus c's others (not b) */
            MirInst *r = mir_block_raiser(pb);
            if (r && r->target == b && r->id >= 0 && used[r->id] &&
                (b->npreds != 1 || c->npreds != 1))
                clash = 1;
        }
        if (clash)
            continue;
        retarget(f, b, c);
        mir_compute_cfg(f);
        n++;
    }
    free(used);
    return n;
}

/* Mark-and-sweep of pure values: live = effectful, and the operands of live instructions. */
static int remove_dead_values(MirFunction *f)
{
    char *live = xcalloc((size_t)f->nvalues + 1, 1);
    PtrVec work = {0};
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            MirInst *i = f->blocks[b]->insts[k];
            if (i->id < 0 || (mir_ops[i->op].flags & (MF_SIDE | MF_RAISE | MF_TERM))) {
                if (i->id >= 0)
                    live[i->id] = 1;
                vec_push(&work, i);
            }
        }
    while (work.n) {
        MirInst *i = work.v[--work.n];
        for (int a = 0; a < i->nargs; a++)
            if (!live[i->args[a]->id]) {
                live[i->args[a]->id] = 1;
                vec_push(&work, i->args[a]);
            }
    }
    int removed = 0;
    for (int b = 0; b < f->nblocks; b++) {
        MirBlock *bl = f->blocks[b];
        int n = 0;
        for (int k = 0; k < bl->ninsts; k++) {
            MirInst *i = bl->insts[k];
            if (i->id >= 0 && !live[i->id]) {
                removed++;
                continue;
            }
            bl->insts[n++] = i;
        }
        bl->ninsts = n;
    }
    vec_free(&work);
    free(live);
    return removed;
}

int mir_pass_simplify(MirFunction *f)
{
    if (f->nblocks == 0)
        return 0;
    int total = 0;
    mir_compute_cfg(f);
    for (;;) {
        int n = remove_unreachable(f);
        n += merge_chains(f);
        n += bypass_empty(f);
        n += remove_unreachable(f);
        n += mir_remove_trivial_phis(f);
        n += remove_dead_values(f);
        total += n;
        if (!n)
            break;
    }
    for (int b = 0; b < f->nblocks; b++)
        f->blocks[b]->id = b;
    mir_compute_cfg(f);
    return total;
}
