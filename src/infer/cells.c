/*
 * cells.c - reads of closure cells that cannot change during a call, loaded once.
 *
 * A free variable is read with cell.get on closure.cell k: a load of the cell's reference and
 * a test for emptiness (NameError).  In a function that does not suspend (not a generator or
 * coroutine body) the cell cannot change while the function runs when nothing it runs can
 * write a cell it did not make: no cell.set on a closure.cell of its own, and every call a
 * direct call of a clone that itself writes no such cell and calls nothing else (keeps_cells,
 * a whitelist like bounds.c's; the collector runs no finalizers, so allocation runs no Python
 * code).  Every read then sees the value the cell held at entry, and the closure.cell gets
 * imm2 1: codegen loads the reference once where closure.cell is and tests that value at each
 * read (the NameError still raised at the read, if ever).
 *
 * imm2 2 also drops the test: the cell is bound whenever the function can run.  That holds
 * when every closure of the function is built (function.new, or a direct call of one of its
 * clones, with a build.tuple) from a cell that is bound there (cell_bound_at) and no code
 * anywhere deletes a cell of that name (`del x`, `nonlocal x; del x`, an except-as unbind:
 * cell.set with undef) and the program cannot reach a cell object to empty it through
 * cell_contents (cells_reachable).  Once bound and never deleted, the cell stays bound while
 * the closure lives.  A generator keeps every read: its owner may rebind the cell between
 * resumptions.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../mir/mir_impl.h"
#include "../util/util.h"
#include "infer.h"

enum { CALL_DEPTH = 3, OWNER_DEPTH = 4 };

static int fn_keeps_cells(const MirFunction *f, int depth);

/* An op that writes no cell the function did not make and runs no Python code: typed
 * arithmetic, compares, boxing, list, tuple and cell reads, list stores and appends, stores to
 * the function's own new cells, branches, direct calls of clones made only of such ops.
 * Anything else (generic protocol ops, calls through objects, raise, which may construct a
 * user exception) leaves the function's reads as they are. */
static int keeps_cells(const MirInst *in, int depth)
{
    if (bounds_quiet_op(in->op))
        return 1;
    switch (in->op) {
    case MIR_Undef: case MIR_CellNew: case MIR_BuildTuple: case MIR_BuildList:
    case MIR_ListAppend: case MIR_FListAppend: case MIR_ListReserve:
        return 1;
    case MIR_CellSet:   /* a cell made in this call: no closure held it before */
        return in->args[0]->op == MIR_CellNew;
    case MIR_CallDirect:
        return in->func && in->func->origin && depth < CALL_DEPTH &&
               !(in->func->flags & INFER_CO_SUSPENDS) && fn_keeps_cells(in->func, depth + 1);
    default:
        return 0;
    }
}

static int fn_keeps_cells(const MirFunction *f, int depth)
{
    if (f->nblocks == 0)
        return 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->ninsts; j++)
            if (!keeps_cells(f->blocks[i]->insts[j], depth))
                return 0;
    return 1;
}

/* A value stored by cell.set that may leave the cell empty: undef, or a phi of undef or of
 * another phi (not followed further). */
static int may_unbind(const MirInst *v)
{
    if (v->op == MIR_Undef)
        return 1;
    if (v->op == MIR_Phi)
        for (int k = 0; k < v->nargs; k++)
            if (v->args[k]->op == MIR_Undef || v->args[k]->op == MIR_Phi)
                return 1;
    return 0;
}

/* Does any code of the program empty a closure cell named name? */
static int name_deleted(const MirProgram *p, const char *name)
{
    for (int f = 0; f < p->nfuncs; f++)
        for (int b = 0; b < p->funcs[f]->nblocks; b++)
            for (int j = 0; j < p->funcs[f]->blocks[b]->ninsts; j++) {
                const MirInst *i = p->funcs[f]->blocks[b]->insts[j];
                if (i->op == MIR_CellSet && i->args[0]->op == MIR_ClosureCell &&
                    i->args[0]->str == name && may_unbind(i->args[1]))
                    return 1;
            }
    return 0;
}

/* Has cell c (a cell.new of h, never emptied in h) been stored on every path from h's entry
 * to instruction at?  A forward must-analysis over h's blocks: set on entry to a block when set
 * at the end of each predecessor. */
static int set_before(const MirFunction *h, const MirInst *c, const MirInst *at)
{
    int n = h->nblocks, changed = 1, ids = 0;
    for (int b = 0; b < n; b++)
        ids = h->blocks[b]->id >= ids ? h->blocks[b]->id + 1 : ids;
    char *out = xmalloc((size_t)ids + 1);
    memset(out, 1, (size_t)ids + 1);
    while (changed) {
        changed = 0;
        for (int b = 0; b < n; b++) {
            const MirBlock *bl = h->blocks[b];
            int v = b > 0 && bl->npreds > 0;
            for (int p = 0; p < bl->npreds && v; p++)
                v = out[bl->preds[p]->id];
            for (int j = 0; j < bl->ninsts && !v; j++)
                v = bl->insts[j]->op == MIR_CellSet && bl->insts[j]->args[0] == c;
            if (out[bl->id] != v) {
                out[bl->id] = (char)v;
                changed = 1;
            }
        }
    }
    const MirBlock *ab = at->block;
    int v = ab->npreds > 0 && ab != h->blocks[0];
    for (int p = 0; p < ab->npreds && v; p++)
        v = out[ab->preds[p]->id];
    for (int j = 0; j < ab->ninsts && ab->insts[j] != at && !v; j++)
        v = ab->insts[j]->op == MIR_CellSet && ab->insts[j]->args[0] == c;
    free(out);
    return v;
}

static int free_bound(const MirProgram *p, const MirFunction *g, int64_t k, int depth);

/* Is cell c (a value of function h) bound when instruction at of h runs, and never emptied by
 * h?  (Other functions' deletes are name_deleted's.) */
static int cell_bound_at(const MirProgram *p, const MirFunction *h, const MirInst *c,
                         const MirInst *at, int depth)
{
    if (c->op == MIR_ClosureCell)
        return free_bound(p, h, c->imm, depth + 1);
    if (c->op != MIR_CellNew)
        return 0;
    for (int b = 0; b < h->nblocks; b++)
        for (int j = 0; j < h->blocks[b]->ninsts; j++) {
            const MirInst *i = h->blocks[b]->insts[j];
            if (i->op == MIR_CellSet && i->args[0] == c && may_unbind(i->args[1]))
                return 0;
        }
    return c->args[0]->op != MIR_Undef || set_before(h, c, at);
}

/* The closure tuple a creation of g's closure passes (function.new of g or of its original,
 * direct call of a clone of it), or NULL when i is no such creation. */
static const MirInst *closure_of(const MirFunction *g, const MirInst *i)
{
    const MirFunction *f = g->origin ? g->origin : g;
    if (i->op == MIR_MakeFunction && i->func && (i->func == f || i->func == g ||
                                                 i->func->origin == f))
        return i->args[2];
    if (i->op == MIR_CallDirect && i->func && i->func->nfree > 0 && i->nargs > 0 &&
        (i->func == g || i->func == f || i->func->origin == f))
        return i->args[0];
    return NULL;
}

/* Is free variable k of g bound in every closure of g ever made? */
static int free_bound(const MirProgram *p, const MirFunction *g, int64_t k, int depth)
{
    if (depth > OWNER_DEPTH || k < 0 || k >= g->nfree || !g->freevars ||
        name_deleted(p, g->freevars[k]))
        return 0;
    int sites = 0;
    for (int f = 0; f < p->nfuncs; f++) {
        const MirFunction *h = p->funcs[f];
        for (int b = 0; b < h->nblocks; b++)
            for (int j = 0; j < h->blocks[b]->ninsts; j++) {
                const MirInst *i = h->blocks[b]->insts[j], *t = closure_of(g, i);
                if (!t)
                    continue;
                if (t->op != MIR_BuildTuple || k >= t->nargs ||
                    !cell_bound_at(p, h, t->args[k], i, depth))
                    return 0;
                sites++;
            }
    }
    return sites > 0;
}

/* Could the program reach a cell object (fn.__closure__) and empty it (`del
 * c.cell_contents`, delattr, object.__delattr__, a getset's __delete__)?  Every such route
 * names one of these as an attribute, a constant string or a builtin, or reaches them by a
 * computed name through getattr or a dictionary of attributes: a program naming any of them
 * anywhere (as any name or string, whatever it is) gets no bound cells. */
static int cells_reachable(const MirProgram *p)
{
    static const char *const names[] = {"__closure__", "cell_contents", "__getattribute__",
                                        "__dict__", "getattr", "setattr", "delattr", "vars",
                                        "globals", "exec", "eval", "__import__", NULL};
    for (int f = 0; f < p->nfuncs; f++)
        for (int b = 0; b < p->funcs[f]->nblocks; b++)
            for (int j = 0; j < p->funcs[f]->blocks[b]->ninsts; j++) {
                const MirInst *i = p->funcs[f]->blocks[b]->insts[j];
                if (!i->str)
                    continue;
                size_t len = i->op == MIR_ConstStr ? i->len : strlen(i->str);
                for (int k = 0; names[k]; k++)
                    if (len == strlen(names[k]) && memcmp(i->str, names[k], len) == 0)
                        return 1;
            }
    return 0;
}

/* Marks the closure.cells of every function that keeps its cells (see the top). */
void cells_program(MirProgram *p)
{
    for (int f = 0; f < p->nfuncs; f++)
        mir_compute_cfg(p->funcs[f]);
    int reachable = cells_reachable(p);
    for (int f = 0; f < p->nfuncs; f++) {
        MirFunction *g = p->funcs[f];
        if (g->nfree == 0 || (g->flags & INFER_CO_SUSPENDS) || !fn_keeps_cells(g, 0))
            continue;
        for (int b = 0; b < g->nblocks; b++)
            for (int j = 0; j < g->blocks[b]->ninsts; j++) {
                MirInst *i = g->blocks[b]->insts[j];
                if (i->op == MIR_ClosureCell)
                    i->imm2 = !reachable && free_bound(p, g, i->imm, 0) ? 2 : 1;
            }
    }
}
