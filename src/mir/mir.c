/*
 * mir.c - the MIR data structure: the op table, creation of programs, modules, functions,
 * blocks, variables and instructions, and the CFG edges (contract: mir.h, ops: mir.def).
 *
 * Entry points: mir_program_new, mir_module_new, mir_function_new, mir_block_new, mir_var_new,
 * mir_emit (+ mir_emit_br/cbr/raising), mir_compute_cfg.
 *
 * Memory: a program arena holds modules and the MirFunction records themselves (so pointers to
 * a function stay valid after mir_function_free); each function's blocks, instructions and
 * arrays live in the function's own arena, freed by mir_function_free in one call.
 * Determinism: symbols are numbered by creation order; preds are in block order.
 */
#include <stdlib.h>
#include <string.h>

#include "mir_impl.h"

const MirOpDesc mir_ops[MIR__COUNT] = {
#define OP(name, text, nargs, flags) {text, nargs, flags},
#include "mir.def"
#undef OP
};

const char *const mir_type_names[] = {"void", "dyn", "i64", "f64", "i1", "ptr"};

/* ---- arrays in arenas ---- */

void mir_grow(Arena *a, void *arr, int *cap, int need, size_t size)
{
    void **p = arr;
    if (need <= *cap)
        return;
    int ncap = *cap ? *cap * 2 : 4;
    while (ncap < need)
        ncap *= 2;
    void *n = arena_alloc(a, (size_t)ncap * size);
    if (*p && *cap)
        memcpy(n, *p, (size_t)*cap * size);
    *p = n;
    *cap = ncap;
}

/* ---- program, modules, functions ---- */

MirProgram *mir_program_new(void)
{
    MirProgram *p = xcalloc(1, sizeof *p);
    p->arena = arena_new();
    return p;
}

void mir_program_free(MirProgram *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nfuncs; i++)
        mir_function_free(p->funcs[i]);
    arena_free(p->arena);
    free(p);
}

MirModule *mir_module_new(MirProgram *p, const char *name, const char *file)
{
    MirModule *m = arena_alloc(p->arena, sizeof *m);
    m->name = intern_cstr(name);
    m->file = file ? intern_cstr(file) : NULL;
    m->index = p->nmodules;
    mir_grow(p->arena, &p->modules, &p->capmodules, p->nmodules + 1, sizeof *p->modules);
    p->modules[p->nmodules++] = m;
    return m;
}

/* A native symbol from a Python name: keep [A-Za-z0-9_.], map anything else ('<', '>', '-',
 * non-ASCII) to '_', so "<module>" gives "_module_".  Uniqueness comes from the "$N" suffix. */
static const char *make_symbol(MirProgram *p, const char *mod, const char *qual, int n)
{
    Buf b = {0};
    buf_printf(&b, "%s.%s", mod ? mod : "", qual ? qual : "");
    for (size_t i = 0; i < b.len; i++) {
        char c = b.p[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '.';
        if (!ok)
            b.p[i] = '_';
    }
    buf_printf(&b, "$%d", n);
    char *s = arena_strndup(p->arena, b.p, b.len);
    buf_free(&b);
    return s;
}

MirFunction *mir_function_new(MirProgram *p, MirModule *m, const char *name,
                              const char *qualname)
{
    MirFunction *f = arena_alloc(p->arena, sizeof *f);
    f->arena = arena_new();
    f->name = intern_cstr(name ? name : "");
    f->qualname = intern_cstr(qualname ? qualname : f->name);
    f->module = m;
    f->file = m ? m->file : NULL;
    f->symbol = make_symbol(p, m ? m->name : "", f->qualname, p->nfuncs);
    mir_grow(p->arena, &p->funcs, &p->capfuncs, p->nfuncs + 1, sizeof *p->funcs);
    p->funcs[p->nfuncs++] = f;
    return f;
}

/* Frees the body (blocks, instructions, vars); the record stays valid, empty. Idempotent. */
void mir_function_free(MirFunction *f)
{
    if (!f || !f->arena)
        return;
    arena_free(f->arena);
    f->arena = NULL;
    f->blocks = NULL;
    f->nblocks = f->capblocks = 0;
    f->vars = NULL;
    f->nvars = f->capvars = 0;
    f->paramnames = NULL;
    f->freevars = NULL;
    f->nparams = f->nfree = 0;
}

MirBlock *mir_block_new(MirFunction *f, const char *label)
{
    MirBlock *b = arena_alloc(f->arena, sizeof *b);
    /* ids are positions at creation; passes that delete blocks renumber (simplify) */
    int id = 0;
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i]->id >= id)
            id = f->blocks[i]->id + 1;
    b->id = id;
    b->label = label ? intern_cstr(label) : NULL;
    mir_grow(f->arena, &f->blocks, &f->capblocks, f->nblocks + 1, sizeof *f->blocks);
    f->blocks[f->nblocks++] = b;
    return b;
}

int mir_var_new(MirFunction *f, const char *name, MirType type)
{
    mir_grow(f->arena, &f->vars, &f->capvars, f->nvars + 1, sizeof *f->vars);
    f->vars[f->nvars].name = intern_cstr(name ? name : "");
    f->vars[f->nvars].type = type;
    return f->nvars++;
}

/* ---- instructions ---- */

static MirType sig_letter(char c)
{
    return c == 'i' ? MT_I64 : c == 'f' ? MT_F64 : c == 'b' ? MT_I1 : c == 'v' ? MT_VOID : MT_DYN;
}

int mir_sig(MirOp op, MirType *result, MirType args[4])
{
    switch (op) {
#define SIG(name, res, ops)                                                                    \
    case MIR_##name:                                                                           \
        *result = sig_letter(res);                                                             \
        for (int k = 0; ops[k] && k < 4; k++)                                                   \
            args[k] = sig_letter(ops[k]);                                                      \
        return (int)sizeof ops - 1;
#include "mir_sig.def"
#undef SIG
    default:
        return -1;
    }
}

MirType mir_default_type(MirOp op)
{
    MirType r, a[4];
    if (mir_sig(op, &r, a) >= 0)
        return r;
    switch (op) {
    case MIR_Truthy: case MIR_Is: case MIR_Not: case MIR_ExcMatch: case MIR_ConstI1:
        return MT_I1;
    default:
        return (mir_ops[op].flags & MF_VALUE) ? MT_DYN : MT_VOID;
    }
}

MirInst *mir_inst_new(MirFunction *f, MirOp op, MirInst **args, int nargs, Loc loc)
{
    MirInst *i = arena_alloc(f->arena, sizeof *i);
    i->op = op;
    i->type = mir_default_type(op);
    i->id = i->type != MT_VOID ? f->nvalues++ : -1;
    i->nargs = nargs;
    if (nargs > 0) {
        i->args = arena_alloc(f->arena, (size_t)nargs * sizeof *i->args);
        if (args)
            memcpy(i->args, args, (size_t)nargs * sizeof *i->args);
        if (op == MIR_Phi)
            i->phi_blocks = arena_alloc(f->arena, (size_t)nargs * sizeof *i->phi_blocks);
    }
    i->loc = loc;
    return i;
}

/* Appends operand v from predecessor b to phi (arena copies: the old arrays may be shared). */
void mir_phi_add(MirFunction *f, MirInst *phi, MirBlock *b, MirInst *v)
{
    MirInst **a = arena_alloc(f->arena, sizeof *a * (size_t)(phi->nargs + 1));
    MirBlock **pb = arena_alloc(f->arena, sizeof *pb * (size_t)(phi->nargs + 1));
    if (phi->nargs) {
        memcpy(a, phi->args, sizeof *a * (size_t)phi->nargs);
        memcpy(pb, phi->phi_blocks, sizeof *pb * (size_t)phi->nargs);
    }
    a[phi->nargs] = v;
    pb[phi->nargs] = b;
    phi->args = a;
    phi->phi_blocks = pb;
    phi->nargs++;
}

void mir_block_insert(MirFunction *f, MirBlock *b, int pos, MirInst *i)
{
    mir_grow(f->arena, &b->insts, &b->cap, b->ninsts + 1, sizeof *b->insts);
    memmove(b->insts + pos + 1, b->insts + pos, (size_t)(b->ninsts - pos) * sizeof *b->insts);
    b->insts[pos] = i;
    b->ninsts++;
    i->block = b;
}

/* The block of f that is b, as its copy in bmap (NULL stays NULL). */
static MirBlock *map_block(const MirFunction *f, MirBlock **bmap, const MirBlock *b)
{
    for (int q = 0; b && q < f->nblocks; q++)
        if (f->blocks[q] == b)
            return bmap[q];
    return NULL;
}

void mir_copy_body(MirFunction *g, const MirFunction *f, int maxid)
{
    MirInst **imap = xcalloc((size_t)maxid + 1, sizeof *imap);
    MirBlock **bmap = xcalloc((size_t)f->nblocks + 1, sizeof *bmap);
    for (int b = 0; b < f->nblocks; b++) {
        const MirBlock *ob = f->blocks[b];
        MirBlock *nb = mir_block_new(g, ob->label);
        nb->id = ob->id;
        nb->is_unwind = ob->is_unwind;
        bmap[b] = nb;
        for (int k = 0; k < ob->ninsts; k++) {
            MirInst *ni = arena_alloc(g->arena, sizeof *ni);
            *ni = *ob->insts[k];
            if (ni->id >= 0)
                imap[ni->id] = ni;
            mir_block_insert(g, nb, nb->ninsts, ni);
        }
    }
    for (int b = 0; b < g->nblocks; b++)
        for (int k = 0; k < g->blocks[b]->ninsts; k++) {
            MirInst *ni = g->blocks[b]->insts[k];
            if (ni->nargs) {
                MirInst **a = arena_alloc(g->arena, sizeof *a * (size_t)ni->nargs);
                for (int j = 0; j < ni->nargs; j++)
                    a[j] = imap[ni->args[j]->id];
                ni->args = a;
            }
            if (ni->phi_blocks) {
                MirBlock **pb = arena_alloc(g->arena, sizeof *pb * (size_t)ni->nargs);
                for (int j = 0; j < ni->nargs; j++)
                    pb[j] = map_block(f, bmap, ni->phi_blocks[j]);
                ni->phi_blocks = pb;
            }
            ni->target = map_block(f, bmap, ni->target);
            ni->target2 = map_block(f, bmap, ni->target2);
            ni->exc = map_block(f, bmap, ni->exc);
        }
    free(imap);
    free(bmap);
    mir_compute_cfg(g);
}

MirInst *mir_emit(MirFunction *f, MirBlock *b, MirOp op, MirInst **args, int nargs, Loc loc)
{
    MirInst *i = mir_inst_new(f, op, args, nargs, loc);
    mir_block_insert(f, b, b->ninsts, i);
    return i;
}

MirInst *mir_emit_br(MirFunction *f, MirBlock *b, MirBlock *to, Loc loc)
{
    MirInst *i = mir_emit(f, b, MIR_Br, NULL, 0, loc);
    i->target = to;
    return i;
}

MirInst *mir_emit_cbr(MirFunction *f, MirBlock *b, MirInst *cond, MirBlock *then,
                      MirBlock *els, Loc loc)
{
    MirInst *i = mir_emit(f, b, MIR_CondBr, &cond, 1, loc);
    i->target = then;
    i->target2 = els;
    return i;
}

MirInst *mir_emit_raising(MirFunction *f, MirBlock *b, MirOp op, MirInst **args, int nargs,
                          MirBlock *normal, MirBlock *exc, Loc loc)
{
    MirInst *i = mir_emit(f, b, op, args, nargs, loc);
    i->target = normal;
    i->exc = exc;
    mir_emit_br(f, b, normal, loc);
    return i;
}

/* ---- control-flow graph ---- */

MirInst *mir_block_raiser(const MirBlock *b)
{
    if (b->ninsts == 0)
        return NULL;
    MirInst *t = b->insts[b->ninsts - 1];
    if ((mir_ops[t->op].flags & MF_RAISE) && (mir_ops[t->op].flags & MF_TERM))
        return t;
    if (b->ninsts >= 2) {
        MirInst *r = b->insts[b->ninsts - 2];
        if (mir_ops[r->op].flags & MF_RAISE)
            return r;
    }
    return NULL;
}

static void add_succ(MirBlock *b, MirBlock *s)
{
    if (!s)
        return;
    for (int i = 0; i < b->nsuccs; i++)
        if (b->succs[i] == s)
            return;   /* one edge per block pair: phis have one operand per pred */
    if (b->nsuccs < 3)
        b->succs[b->nsuccs++] = s;   /* more is malformed IR; mir_verify reports it */
}

/* succs: the terminator's targets, then target2 of iter.next, then the exceptional successor
 * of the raising instruction; each block once.  preds: in block order, each block once. */
void mir_compute_cfg(MirFunction *f)
{
    /* preds == sentinel marks the blocks of f: an edge to a block of another function (malformed
     * IR, which mir_verify reports from the targets) is left out of the graph */
    MirBlock **mine = (MirBlock **)f;
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        b->nsuccs = 0;
        b->npreds = 0;
        b->preds = mine;
        memset(b->succs, 0, sizeof b->succs);
    }
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        if (b->ninsts == 0)
            continue;
        MirInst *t = b->insts[b->ninsts - 1];
        if (t->op == MIR_Br) {
            add_succ(b, t->target);
        } else if (t->op == MIR_CondBr) {
            add_succ(b, t->target);
            add_succ(b, t->target2);
        }
        MirInst *r = mir_block_raiser(b);
        if (r) {
            if (r->op == MIR_IterNext)
                add_succ(b, r->target2);
            add_succ(b, r->exc);
        }
        int n = 0;
        for (int k = 0; k < b->nsuccs; k++)
            if (b->succs[k]->preds == mine)
                b->succs[n++] = b->succs[k];
        for (int k = n; k < b->nsuccs; k++)
            b->succs[k] = NULL;
        b->nsuccs = n;
    }
    /* count, then fill, so each preds array is allocated once */
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nsuccs; k++)
            f->blocks[i]->succs[k]->npreds++;
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        b->preds = b->npreds ? arena_alloc(f->arena, (size_t)b->npreds * sizeof *b->preds) : NULL;
        b->npreds = 0;
    }
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        for (int k = 0; k < b->nsuccs; k++) {
            MirBlock *s = b->succs[k];
            s->preds[s->npreds++] = b;
        }
    }
}
