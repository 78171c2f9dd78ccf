/*
 * funcs.c - module-level functions whose generic version never runs (docs/internals/typed.md,
 * "Generic versions that never run").
 *
 * The generic version of a function (parameters dyn) returns its lists to unknown code and
 * stores dyn values into attributes, which spoils the element and attribute types that its
 * specialisations would have.  When every call of the function is a direct call of one of
 * its clones, that version never runs.  As for methods (classes.c), inference assumes it for
 * every *candidate* and checks it after the fixed point (funcs_verify); a candidate whose
 * function object may reach code inference does not follow is opened (in->open_fns, shared
 * with classes.c) and the program is analysed again.
 *
 * Candidate: a plain function of the main module (positional parameters only, no free
 * variables, not a coroutine; a generator's calls go to typed copies that are generators,
 * infer.c gen_loop_call), made by a function.new of the module body whose only use is
 * the single store of a stable global G.  Every running context must then use G only as
 * the callee of direct calls of clones (not in a generator or coroutine body, which stays
 * generic): any other use of a load of G, a `name.load` /
 * `import.from` / attribute load of the name G anywhere (class bodies, other modules,
 * `m.G`), or anything that opens every method (getattr, type, import *) opens it.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "infer.h"

static int is_init(const MirFunction *f) { return f->module && f->module->init == f; }

/* A generator function (def with yield, no await) with positional parameters only: its
 * calls may go to typed copies (infer.c gen_loop_call). */
static int plain_generator(const MirFunction *f)
{
    return (f->flags & INFER_CO_NOT_NATIVE) == 0x4u && f->nblocks > 0 && f->nkwonly == 0 &&
           f->npos == f->nparams;
}

/* The global name f is stored under when f is a candidate, else NULL. */
static const char *candidate_name(const Infer *in, const MirFunction *f)
{
    const MirModule *m = f->module;
    if (!m || !m->init || !m->name || strcmp(m->name, "__main__") != 0 || is_init(f) ||
        !(infer_cloneable(f) || plain_generator(f)) || f->nfree != 0)
        return NULL;
    const MirFunction *body = m->init;
    const MirInst *mk = NULL;
    for (int b = 0; b < body->nblocks; b++)
        for (int k = 0; k < body->blocks[b]->ninsts; k++) {
            const MirInst *i = body->blocks[b]->insts[k];
            if (i->op == MIR_MakeFunction && i->func == f) {
                if (mk)
                    return NULL;
                mk = i;
            }
        }
    if (!mk)
        return NULL;
    /* the function.new's only use: one global.store of a stable global stored once */
    const MirInst *store = NULL;
    for (int b = 0; b < body->nblocks; b++)
        for (int k = 0; k < body->blocks[b]->ninsts; k++) {
            const MirInst *i = body->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++) {
                if (i->args[a] != mk)
                    continue;
                if (i->op == MIR_SetAttr && a == 0 && i->str && strcmp(i->str, "__doc__") == 0)
                    continue;   /* the docstring: stored on the function object */
                if (i->op != MIR_GlobalStore || store)
                    return NULL;
                store = i;
            }
        }
    if (!store || !store->str)
        return NULL;
    const InferGlobal *g = infer_global(in, m, store->str);
    if (!g || g->unstable || g->nstores != 1)
        return NULL;
    return store->str;
}

/* A local function made by a single function.new (no defaults) whose only use is one call
 * right there (a comprehension, a generator expression): the function.new made by a running
 * context whose call goes to a specialised body (a clone, a generator expression's typed
 * copy, or a fused sum's consumer) never makes the generic version (verify_local); its
 * function.new, or NULL. */
static const MirInst *local_candidate(const Infer *in, const MirFunction *f)
{
    if (f->nblocks == 0 || (f->module && f->module->init == f) || f->nkwonly != 0 ||
        f->npos != f->nparams || (f->flags & (INFER_CO_NOT_NATIVE & ~0x4u)))
        return NULL;
    const MirInst *mk = infer_single_make(in, f);
    const MirProgram *p = in->prog;
    if (!mk || !mk->block || mk->args[0]->op != MIR_Undef || mk->args[1]->op != MIR_Undef)
        return NULL;
    const MirFunction *h = NULL;
    for (int fi = 0; fi < p->nfuncs && !h; fi++)
        for (int b = 0; b < p->funcs[fi]->nblocks && !h; b++)
            if (p->funcs[fi]->blocks[b] == mk->block)
                h = p->funcs[fi];
    if (!h || is_init(h))
        return NULL;
    int calls = 0;
    for (int b = 0; b < h->nblocks; b++)
        for (int k = 0; k < h->blocks[b]->ninsts; k++) {
            const MirInst *i = h->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a] == mk) {
                    if (i->op != MIR_Call || a != 0 || i->nnames)
                        return NULL;
                    calls++;
                }
        }
    return calls == 1 ? mk : NULL;
}

int funcs_generic_runs(const Infer *in, const MirFunction *f)
{
    if (in->all_open || in->escape)
        return 1;
    if (!candidate_name(in, f) && !local_candidate(in, f))
        return 1;
    for (int j = 0; j < in->nopen_fns; j++)
        if (in->open_fns[j] == f)
            return 1;
    return 0;
}

static int open_f(Infer *in, const MirFunction *f)
{
    if (funcs_generic_runs(in, f))
        return 0;
    if (in->nopen_fns == in->capopen_fns) {
        in->capopen_fns = in->capopen_fns ? 2 * in->capopen_fns : 8;
        in->open_fns = realloc(in->open_fns, sizeof *in->open_fns * (size_t)in->capopen_fns);
        if (!in->open_fns)
            die("out of memory");
    }
    in->open_fns[in->nopen_fns++] = f;
    return 1;
}

/* Opens every closed candidate stored under `name` (of module m; NULL: any module). */
static int open_by_name(Infer *in, const MirModule *m, const char *name)
{
    int opened = 0;
    const MirProgram *p = in->prog;
    for (int fi = 0; fi < p->nfuncs; fi++) {
        const MirFunction *f = p->funcs[fi];
        if ((m && f->module != m) || funcs_generic_runs(in, f))
            continue;
        const char *g = candidate_name(in, f);
        if (g && strcmp(g, name) == 0)
            opened |= open_f(in, f);
    }
    return opened;
}

/* Is every use of global.load `load` in a reached block of c the callee of a call that goes
 * to a clone (or a call that never runs: an operand is bottom at the fixed point)? */
static int load_direct_only(const InferCtx *c, const MirInst *load)
{
    const MirFunction *f = c->fn;
    if ((f->flags & INFER_CO_SUSPENDS) && !c->genconv)
        return 0;   /* a generator or coroutine body stays generic (specialize.c): its calls
                       run the generic version */
    for (int b = 0; b < f->nblocks; b++) {
        if (!c->reached[b])
            continue;
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++) {
                if (i->args[a] != load)
                    continue;
                if (i->op == MIR_GenFresh && a == 0)
                    continue;   /* compared with a generator's code only */
                if (i->op != MIR_Call || a != 0 || i->id < 0 || i->id >= c->nvals)
                    return 0;
                const InferCtx *t = c->callee[i->id];
                if (t && t->index > 0 && (!t->genconv || t->gencall))
                    continue;
                if (t || c->vals[i->id].k != TY_BOT)
                    return 0;
                int pending = 0;
                for (int q = 1; q < i->nargs; q++)
                    if (infer_ty(c, i->args[q]).k == TY_BOT)
                        pending = 1;
                if (!pending)
                    return 0;
            }
        }
    }
    return 1;
}

/* Does this execution of the function.new of a local candidate (in running context c) make
 * the generic version?  Not when its call goes to a specialised body. */
static int makes_generic(const InferCtx *c, const MirInst *mk)
{
    const InferCtx *g = c->callee[mk->id];
    if (g && g->index > 0 && g->genconv)
        return 0;   /* a generator expression's typed copy (infer.c gen_call) */
    const MirFunction *h = c->fn;
    for (int b = 0; b < h->nblocks; b++)
        for (int k = 0; k < h->blocks[b]->ninsts; k++) {
            const MirInst *call = h->blocks[b]->insts[k];
            if (call->op != MIR_Call || call->args[0] != mk || call->id < 0 ||
                call->id >= c->nvals)
                continue;
            const InferCtx *t = c->callee[call->id];
            if (t && t->index > 0 && !t->genconv)
                return 0;   /* a direct call of a clone */
            if (c->vals[call->id].k == TY_BOT)
                return 0;   /* never runs (an argument never has a value) */
            /* the generator of a fused sum/any/all/min/max: its consumer runs instead */
            for (int b2 = 0; b2 < h->nblocks; b2++)
                for (int k2 = 0; k2 < h->blocks[b2]->ninsts; k2++) {
                    const MirInst *u = h->blocks[b2]->insts[k2];
                    if (u->op == MIR_Call && u->id >= 0 && u->id < c->nvals &&
                        consume_gen_call(u) == call && c->callee[u->id] &&
                        c->callee[u->id]->index > 0 && consume_mode(c->callee[u->id]->fn))
                        return 0;
                }
            return 1;
        }
    return 1;
}

static int verify_inst(Infer *in, const InferCtx *c, const MirInst *i)
{
    if (i->op == MIR_MakeFunction && i->func && !funcs_generic_runs(in, i->func) &&
        local_candidate(in, i->func) == i && makes_generic(c, i))
        return open_f(in, i->func);
    switch (i->op) {
    case MIR_GlobalLoad:
        return i->str && !load_direct_only(c, i) ? open_by_name(in, c->fn->module, i->str) : 0;
    case MIR_NameLoad:
    case MIR_ImportFrom:
    case MIR_GetAttr:
        return i->str ? open_by_name(in, NULL, i->str) : 0;
    default:
        return 0;
    }
}

int funcs_verify(Infer *in)
{
    if (in->all_open || in->escape)
        return 0;
    return classes_each_running(in, verify_inst);
}
