/*
 * ssa.c - SSA construction: variable slots (var.load / var.store / var.delete) become SSA values
 * and phis, with the algorithm of Braun et al., "Simple and Efficient Construction of Static
 * Single Assignment Form" (CC 2013), run over the finished CFG (every block sealed).
 *
 * Entry point: mir_pass_ssa(f) (passes.h).  Also the phi helpers simplify.c shares (mir_impl.h).
 *
 * Steps:
 *   1. local value numbering, block by block: a store sets the block's current definition; a
 *      load becomes `check.bound <reaching value>` (the var's name in str), which is itself the
 *      var's new definition (once checked, the local is bound); a delete becomes a check.bound
 *      and then sets the var to `undef`.  A read with no definition earlier in its block is
 *      "pending": its operand is the var's value at block entry.
 *   2. global: the entry value of a var in a block is found by walking single-predecessor chains
 *      iteratively (no recursion: CFGs of generated code can be very deep) and by creating a phi
 *      at a join, filled from a worklist; a block with no predecessor gives `undef`.
 *      The exceptional edge of a block whose raising instruction is one of these check.bounds
 *      carries the value *before* it (the check did not happen on that edge).
 *   3. trivial phis (all operands the same value or the phi itself) are removed, globally until
 *      nothing changes; then every check.bound whose operand cannot be undef (least fixpoint
 *      over phis) is replaced by its operand and its exceptional edge disappears (its block now
 *      ends with the plain br).  Removing edges shrinks phis, which can make more checks
 *      provably bound: steps 3 repeat until no check is removed.
 * Invariant kept: the raising-instruction-then-br shape (check.bound keeps the var.load's
 * target and exc), so mir_verify holds after the pass.
 */
#include <stdlib.h>
#include <string.h>

#include "mir_impl.h"
#include "passes.h"

/* ---- helpers shared with simplify.c ---- */

/* Follows the replacement chain of value i (path compression). */
static MirInst *find(MirInst **repl, MirInst *i)
{
    MirInst *r = i;
    while (r && r->id >= 0 && repl[r->id])
        r = repl[r->id];
    while (i && i->id >= 0 && repl[i->id] && repl[i->id] != r) {
        MirInst *nx = repl[i->id];
        repl[i->id] = r;
        i = nx;
    }
    return r;
}

/* Rewrites every operand through repl and drops the instructions marked dead (by id). */
static void apply(MirFunction *f, MirInst **repl, const char *dead)
{
    for (int b = 0; b < f->nblocks; b++) {
        MirBlock *bl = f->blocks[b];
        int n = 0;
        for (int k = 0; k < bl->ninsts; k++) {
            MirInst *i = bl->insts[k];
            if (i->id >= 0 && dead[i->id])
                continue;
            for (int a = 0; a < i->nargs; a++)
                i->args[a] = find(repl, i->args[a]);
            bl->insts[n++] = i;
        }
        bl->ninsts = n;
    }
}

void mir_prune_phis(MirFunction *f)
{
    for (int b = 0; b < f->nblocks; b++) {
        MirBlock *bl = f->blocks[b];
        for (int k = 0; k < bl->ninsts && bl->insts[k]->op == MIR_Phi; k++) {
            MirInst *p = bl->insts[k];
            int n = 0;
            for (int a = 0; a < p->nargs; a++) {
                int ispred = 0;
                for (int j = 0; j < bl->npreds; j++)
                    ispred |= bl->preds[j] == p->phi_blocks[a];
                if (!ispred)
                    continue;
                p->args[n] = p->args[a];
                p->phi_blocks[n++] = p->phi_blocks[a];
            }
            p->nargs = n;
        }
    }
}

/* The undef of `type` at the start of the entry block, made once per call of `undefs`. */
static MirInst *get_undef(MirFunction *f, MirInst **undefs, MirType type)
{
    MirBlock *e = f->blocks[0];
    for (int k = 0; k < e->ninsts && !undefs[type]; k++)
        if (e->insts[k]->op == MIR_Undef && e->insts[k]->type == type)
            undefs[type] = e->insts[k];
    if (!undefs[type]) {
        MirInst *u = mir_inst_new(f, MIR_Undef, NULL, 0, (Loc){.synthetic = 1});
        u->type = type;
        int pos = 0;
        while (pos < e->ninsts && e->insts[pos]->op == MIR_Phi)
            pos++;
        mir_block_insert(f, e, pos, u);
        undefs[type] = u;
    }
    return undefs[type];
}

int mir_remove_trivial_phis(MirFunction *f)
{
    int removed = 0;
    int cap = f->nvalues + 1;
    MirInst **repl = xcalloc((size_t)cap, sizeof *repl);
    char *dead = xcalloc((size_t)cap, 1);
    MirInst *undefs[MT_PTR + 1] = {0};
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = 0; b < f->nblocks; b++) {
            MirBlock *bl = f->blocks[b];
            for (int k = 0; k < bl->ninsts && bl->insts[k]->op == MIR_Phi; k++) {
                MirInst *p = bl->insts[k];
                if (dead[p->id])
                    continue;
                MirInst *same = NULL;
                int trivial = 1;
                for (int a = 0; a < p->nargs && trivial; a++) {
                    MirInst *v = find(repl, p->args[a]);
                    if (v == p || v == same)
                        continue;
                    if (same)
                        trivial = 0;
                    same = v;
                }
                if (!trivial)
                    continue;
                if (!same)   /* only itself: unreachable or never defined */
                    same = get_undef(f, undefs, p->type);
                if (same->id >= cap) {
                    /* a fresh undef has an id past the tables: grow them */
                    repl = xrealloc(repl, (size_t)(same->id + 1) * sizeof *repl);
                    dead = xrealloc(dead, (size_t)same->id + 1);
                    for (; cap <= same->id; cap++)
                        repl[cap] = NULL, dead[cap] = 0;
                }
                repl[p->id] = same;
                dead[p->id] = 1;
                removed++;
                changed = 1;
            }
        }
    }
    if (removed)
        apply(f, repl, dead);
    free(repl);
    free(dead);
    return removed;
}

/* ---- construction ---- */

typedef struct Ssa {
    MirFunction *f;
    int nb;
    int *pos;             /* block id -> position */
    MirInst ***end;       /* [var][block pos]: definition at block end (NULL: none local) */
    MirInst ***entry;     /* [var][block pos]: value at block entry (cache) */
    int *excvar;          /* [block pos]: var whose check.bound raises at the block end, -1 */
    MirInst **excinst;
    int *walk;            /* [block pos]: stamp of the last chain walk that visited it */
    int walkid;
    MirInst *undefs[MT_PTR + 1];
    PtrVec work;          /* phis to fill: (phi, var, block) triples */
    PtrVec checks;        /* check.bounds made from loads and deletes */
    PtrVec pending;       /* (check.bound, var, block): operand = entry value */
} Ssa;

/* A detached undef of `type`, inserted at the entry by insert_undefs (creating it in the middle
 * of step 1 would shift the instructions of the entry block under the loop). */
static MirInst *ssa_undef(Ssa *s, MirType type)
{
    if (!s->undefs[type]) {
        s->undefs[type] = mir_inst_new(s->f, MIR_Undef, NULL, 0, (Loc){.synthetic = 1});
        s->undefs[type]->type = type;
    }
    return s->undefs[type];
}

static void insert_undefs(Ssa *s)
{
    MirBlock *e = s->f->blocks[0];
    int pos = 0;
    while (pos < e->ninsts && e->insts[pos]->op == MIR_Phi)
        pos++;
    for (int t = MT_PTR; t >= 0; t--)
        if (s->undefs[t])
            mir_block_insert(s->f, e, pos, s->undefs[t]);
}

static int bpos(const Ssa *s, const MirBlock *b) { return s->pos[b->id]; }

static MirInst **row(Ssa *s, MirInst ****tab, int v)
{
    if (!(*tab)[v])
        (*tab)[v] = xcalloc((size_t)s->nb, sizeof ***tab);
    return (*tab)[v];
}

/* Is the edge p -> succ p's exceptional edge (and not also a normal one)? */
static int exc_edge(const MirBlock *p, const MirBlock *succ)
{
    MirInst *r = mir_block_raiser(p);
    return r && r->exc == succ && r->target != succ && r->target2 != succ;
}

static MirInst *read_entry(Ssa *s, int v, MirBlock *b);

/* The value of var v leaving p along the edge p -> succ. */
static MirInst *end_value(Ssa *s, int v, MirBlock *p, MirBlock *succ)
{
    int pp = bpos(s, p);
    if (s->excvar[pp] == v && exc_edge(p, succ)) {
        MirInst *c = s->excinst[pp];
        return c->args[0] ? c->args[0] : read_entry(s, v, p);
    }
    MirInst *e = row(s, &s->end, v)[pp];
    return e ? e : read_entry(s, v, p);
}

static void push3(PtrVec *w, void *a, intptr_t v, void *b)
{
    vec_push(w, a);
    vec_push(w, (void *)v);
    vec_push(w, b);
}

/* Braun's readVariableRecursive with every block sealed, made iterative: walk up while the
 * block has one predecessor and no local definition, then the value is the cached entry, an
 * undef (no predecessor, or a cycle of single-predecessor blocks: unreachable), a local
 * definition, or a new phi (join) whose operands are filled later from s->work. */
static MirInst *read_entry(Ssa *s, int v, MirBlock *b)
{
    MirInst **ent = row(s, &s->entry, v);
    MirInst **end = row(s, &s->end, v);
    if (ent[bpos(s, b)])
        return ent[bpos(s, b)];
    PtrVec chain = {0};
    MirInst *val = NULL;
    MirBlock *cur = b;
    s->walkid++;
    for (;;) {
        int cp = bpos(s, cur);
        if (ent[cp]) {
            val = ent[cp];
            break;
        }
        if (s->walk[cp] == s->walkid || cur->npreds == 0) {
            val = ssa_undef(s, s->f->vars[v].type);
            break;
        }
        s->walk[cp] = s->walkid;
        vec_push(&chain, cur);
        if (cur->npreds > 1) {
            MirInst *phi = mir_inst_new(s->f, MIR_Phi, NULL, cur->npreds, cur->insts ?
                                        cur->insts[0]->loc : (Loc){0});
            phi->type = s->f->vars[v].type;
            phi->varname = s->f->vars[v].name;
            phi->loc.synthetic = 1;
            mir_block_insert(s->f, cur, 0, phi);
            push3(&s->work, phi, v, cur);
            val = phi;
            break;
        }
        MirBlock *p = cur->preds[0];
        int pp = bpos(s, p);
        if (s->excvar[pp] == v && exc_edge(p, cur)) {
            MirInst *c = s->excinst[pp];
            if (c->args[0]) {
                val = c->args[0];
                break;
            }
        } else if (end[pp]) {
            val = end[pp];
            break;
        }
        cur = p;   /* no definition in p (before its check): the value p was entered with */
    }
    for (int i = 0; i < chain.n; i++)
        ent[bpos(s, chain.v[i])] = val;
    vec_free(&chain);
    return ent[bpos(s, b)] ? ent[bpos(s, b)] : val;
}

/* Step 1 on block b: local definitions; loads and deletes become check.bound. */
static void local_block(Ssa *s, MirBlock *b, MirInst **local, int *stamp)
{
    MirFunction *f = s->f;
    int bp = bpos(s, b);
    int n = 0;
    for (int k = 0; k < b->ninsts; k++) {
        MirInst *i = b->insts[k];
        int v = (int)i->imm;
        if (i->op != MIR_VarLoad && i->op != MIR_VarStore && i->op != MIR_VarDelete) {
            b->insts[n++] = i;
            continue;
        }
        if (v < 0 || v >= f->nvars)
            die("ssa: variable slot %d out of range in %s", v, f->symbol);
        MirInst *cur = stamp[v] == bp + 1 ? local[v] : NULL;
        if (i->op == MIR_VarStore) {
            local[v] = i->args[0];
            if (local[v] && !local[v]->varname)
                local[v]->varname = f->vars[v].name;
            stamp[v] = bp + 1;
            row(s, &s->end, v)[bp] = local[v];
            continue;   /* the store disappears */
        }
        /* load or delete -> check.bound of the reaching value (a delete gets a value id:
         * check.bound produces one, unused) */
        int del = i->op == MIR_VarDelete;
        if (del)
            i->id = f->nvalues++;
        i->op = MIR_CheckBound;
        i->type = f->vars[v].type;
        i->str = f->vars[v].name;
        i->len = 0;
        i->imm = 0;
        i->nargs = 1;
        i->args = arena_alloc(f->arena, sizeof *i->args);
        i->args[0] = cur;
        vec_push(&s->checks, i);
        if (!cur)
            push3(&s->pending, i, v, b);
        if (mir_block_raiser(b) == i) {
            s->excvar[bp] = v;
            s->excinst[bp] = i;
        }
        local[v] = del ? ssa_undef(s, f->vars[v].type) : i;
        stamp[v] = bp + 1;
        row(s, &s->end, v)[bp] = local[v];
        b->insts[n++] = i;
    }
    b->ninsts = n;
}

/* The pass may have made undefs that no operand uses in the end (a check proved bound). */
static void drop_unused_undefs(MirFunction *f)
{
    char *used = xcalloc((size_t)f->nvalues + 1, 1);
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                used[i->args[a]->id] = 1;
        }
    MirBlock *e = f->blocks[0];
    int n = 0;
    for (int k = 0; k < e->ninsts; k++)
        if (e->insts[k]->op != MIR_Undef || used[e->insts[k]->id])
            e->insts[n++] = e->insts[k];
    e->ninsts = n;
    free(used);
}

int mir_pass_ssa(MirFunction *f)
{
    if (f->nblocks == 0 || f->is_ssa)
        return 0;
    mir_compute_cfg(f);
    Ssa s = {0};
    s.f = f;
    s.nb = f->nblocks;
    int maxid = 0;
    for (int b = 0; b < f->nblocks; b++)
        if (f->blocks[b]->id > maxid)
            maxid = f->blocks[b]->id;
    s.pos = xmalloc((size_t)(maxid + 1) * sizeof *s.pos);
    for (int b = 0; b < f->nblocks; b++)
        s.pos[f->blocks[b]->id] = b;
    int nv = f->nvars ? f->nvars : 1;
    s.end = xcalloc((size_t)nv, sizeof *s.end);
    s.entry = xcalloc((size_t)nv, sizeof *s.entry);
    s.excvar = xmalloc((size_t)s.nb * sizeof *s.excvar);
    s.excinst = xcalloc((size_t)s.nb, sizeof *s.excinst);
    s.walk = xcalloc((size_t)s.nb, sizeof *s.walk);
    for (int b = 0; b < s.nb; b++)
        s.excvar[b] = -1;
    MirInst **local = xcalloc((size_t)nv, sizeof *local);
    int *stamp = xcalloc((size_t)nv, sizeof *stamp);
    int nchanged = 0;

    /* 1. local */
    for (int b = 0; b < f->nblocks; b++) {
        int before = f->blocks[b]->ninsts;
        local_block(&s, f->blocks[b], local, stamp);
        nchanged += before - f->blocks[b]->ninsts;
    }
    free(local);
    free(stamp);

    /* 2. global: pending operands, then phis until the worklist is empty */
    for (int i = 0; i < s.pending.n; i += 3) {
        MirInst *c = s.pending.v[i];
        int v = (int)(intptr_t)s.pending.v[i + 1];
        c->args[0] = read_entry(&s, v, s.pending.v[i + 2]);
    }
    while (s.work.n) {
        MirBlock *b = s.work.v[--s.work.n];
        int v = (int)(intptr_t)s.work.v[--s.work.n];
        MirInst *phi = s.work.v[--s.work.n];
        for (int k = 0; k < b->npreds; k++) {
            phi->phi_blocks[k] = b->preds[k];
            phi->args[k] = end_value(&s, v, b->preds[k], b);
        }
    }
    nchanged += s.checks.n;
    insert_undefs(&s);

    /* 3. trivial phis, then checks of values that cannot be undef, until stable */
    for (;;) {
        mir_remove_trivial_phis(f);
        char *mayundef = xcalloc((size_t)f->nvalues + 1, 1);
        for (int b = 0; b < f->nblocks; b++)
            for (int k = 0; k < f->blocks[b]->ninsts; k++) {
                MirInst *i = f->blocks[b]->insts[k];
                if (i->op == MIR_Undef)
                    mayundef[i->id] = 1;
            }
        for (int changed = 1; changed;) {
            changed = 0;
            for (int b = 0; b < f->nblocks; b++) {
                MirBlock *bl = f->blocks[b];
                for (int k = 0; k < bl->ninsts && bl->insts[k]->op == MIR_Phi; k++) {
                    MirInst *p = bl->insts[k];
                    if (mayundef[p->id])
                        continue;
                    for (int a = 0; a < p->nargs; a++)
                        if (mayundef[p->args[a]->id]) {
                            mayundef[p->id] = 1;
                            changed = 1;
                            break;
                        }
                }
            }
        }
        MirInst **repl = xcalloc((size_t)f->nvalues + 1, sizeof *repl);
        char *dead = xcalloc((size_t)f->nvalues + 1, 1);
        int removed = 0;
        for (int i = 0; i < s.checks.n; i++) {
            MirInst *c = s.checks.v[i];
            if (!c || (c->exc && mayundef[c->args[0]->id]))
                continue;
            /* provably bound (or the lowering gave no edge: it knows it is bound) */
            repl[c->id] = c->args[0];
            dead[c->id] = 1;
            s.checks.v[i] = NULL;
            removed++;
        }
        if (removed) {
            apply(f, repl, dead);
            mir_compute_cfg(f);
            mir_prune_phis(f);
        }
        free(repl);
        free(dead);
        free(mayundef);
        if (!removed)
            break;
    }
    drop_unused_undefs(f);
    f->is_ssa = 1;
    mir_compute_cfg(f);

    for (int v = 0; v < nv; v++) {
        free(s.end[v]);
        free(s.entry[v]);
    }
    free(s.end);
    free(s.entry);
    free(s.pos);
    free(s.excvar);
    free(s.excinst);
    free(s.walk);
    vec_free(&s.work);
    vec_free(&s.checks);
    vec_free(&s.pending);
    return nchanged;
}
