/*
 * reserve.c - a comprehension over a counted range gets its list's room before the loop.
 *
 * `[f(x) for x in range(a, b)]` becomes, in its specialised clone, an empty build.list and a
 * counted loop (specialize.c: the range's bounds are parameters) whose body appends once.  The
 * appends grow the list an eighth at a time, each growth copying the items into a new block:
 * the blocks left behind are about eight times the final list, and they fill the heap until a
 * collection.  When every step of the loop appends exactly once, the list ends with b - a
 * items, so a list.reserve before the loop (rt_list_reserve: one block of that many items,
 * capped, never failing) removes the copies.  Capacity is not observable, so this changes
 * nothing a program can see.
 *
 * The shape, checked exactly (anything else is left alone):
 *   P:  ... L = build.list (no items) ... br H        P is L's block
 *   H:  i = phi [a, P], [i', latch]  ;  c = i.cmp i, b (<)  ;  cbr c -> B, exit
 *   every path from B back to H passes the one block A that holds `list.append L, v` (or
 *   flist.append), and that is L's only append; a and b are defined in P or are parameters,
 *   or b is `list.len X` in H with X defined before (a comprehension over a list); i' = i.add
 *   i, 1.
 * A path from B to H that avoids A (a filter, an inner loop that may run no step) leaves it.
 */
#include <stdint.h>
#include <stdlib.h>

#include "../mir/mir_impl.h"
#include "../util/util.h"
#include "infer.h"

/* Can H be reached from B without passing A?  (a depth-first walk over normal successors;
 * exceptional edges leave the comprehension, whose list is then dropped) */
static int avoids(MirFunction *f, MirBlock *b, MirBlock *h, MirBlock *a, char *seen)
{
    if (b == a || seen[b->id])
        return 0;
    if (b == h)
        return 1;
    seen[b->id] = 1;
    for (int k = 0; k < 2; k++)
        if (b->succs[k] && avoids(f, b->succs[k], h, a, seen))
            return 1;
    return 0;
}

static int defined_before(const MirInst *v, const MirBlock *p)
{
    if (v->op == MIR_Param)
        return 1;
    for (int j = 0; j < p->ninsts; j++)
        if (p->insts[j] == v)
            return 1;
    return 0;
}

/* The one append of list l, and its block; NULL when there are several or none. */
static MirInst *only_append(MirFunction *f, const MirInst *l, MirBlock **at)
{
    MirInst *found = NULL;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->ninsts; j++) {
            MirInst *in = f->blocks[i]->insts[j];
            if ((in->op == MIR_ListAppend || in->op == MIR_FListAppend) && in->args[0] == l) {
                if (found)
                    return NULL;
                found = in;
                *at = f->blocks[i];
            }
        }
    return found;
}

static int reserve_list(MirFunction *f, MirBlock *p, MirInst *l)
{
    MirInst *term = p->ninsts ? p->insts[p->ninsts - 1] : NULL;
    if (!term || term->op != MIR_Br || !term->target)
        return 0;
    MirBlock *h = term->target;
    if (h->ninsts < 3 || h->insts[0]->op != MIR_Phi || h->insts[0]->nargs != 2)
        return 0;
    MirInst *phi = h->insts[0], *cmp = h->insts[h->ninsts - 2], *cbr = h->insts[h->ninsts - 1];
    if (cbr->op != MIR_CondBr || cbr->args[0] != cmp || cmp->op != MIR_ICmp || cmp->imm != Cmp_Lt ||
        cmp->args[0] != phi || !cbr->target || cbr->target == h)
        return 0;
    int from_p = phi->phi_blocks[0] == p ? 0 : phi->phi_blocks[1] == p ? 1 : -1;
    if (from_p < 0)
        return 0;
    MirInst *start = phi->args[from_p], *next = phi->args[1 - from_p], *stop = cmp->args[1];
    /* a loop over a list compares with its length, read in H each step: the length when the
     * loop starts is read in P instead, just before (the body may change it: the reservation
     * is then only too big or too small, which nothing can see) */
    int len_in_h = stop->op == MIR_ListLen && !defined_before(stop, p) &&
                   defined_before(stop->args[0], p);
    if (next->op != MIR_IAdd || next->args[0] != phi || next->args[1]->op != MIR_ConstInt ||
        next->args[1]->imm != 1 || !defined_before(start, p) ||
        (!len_in_h && !defined_before(stop, p)) || start->type != MT_I64 ||
        stop->type != MT_I64)
        return 0;
    MirBlock *a = NULL;
    MirInst *app = only_append(f, l, &a);
    if (!app)
        return 0;
    int maxid = 0;
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i]->id > maxid)
            maxid = f->blocks[i]->id;
    char *seen = xcalloc((size_t)maxid + 1, 1);
    int ok = !avoids(f, cbr->target, h, a, seen);
    free(seen);
    if (!ok)
        return 0;
    if (len_in_h) {
        MirInst *len = mir_inst_new(f, MIR_ListLen, stop->args, 1, stop->loc);
        len->type = MT_I64;
        mir_block_insert(f, p, p->ninsts - 1, len);
        stop = len;
    }
    MirInst *args[3] = {l, start, stop};
    MirInst *r = mir_inst_new(f, MIR_ListReserve, args, 3, l->loc);
    r->imm = app->op == MIR_FListAppend ? 3 : app->imm2;
    mir_block_insert(f, p, p->ninsts - 1, r);
    return 1;
}

int reserve_function(MirFunction *f)
{
    int n = 0;
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *p = f->blocks[i];
        for (int j = 0; j < p->ninsts; j++)
            if (p->insts[j]->op == MIR_BuildList && p->insts[j]->nargs == 0)
                n += reserve_list(f, p, p->insts[j]);
    }
    return n;
}
