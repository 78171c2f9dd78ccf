/*
 * cg_cold.c - which functions of a program are cold by construction (cg.h cg_find_cold).
 *
 * Most of a build's time is LLVM's (the optimisation pipeline and instruction selection), and a
 * good part of the IR is code that runs at most once or never.  cg_program.c marks such
 * functions optnone + noinline: the pipeline skips them and the code generator selects their
 * instructions with FastISel.  Their code stays correct, only slower, so a function wrongly
 * taken for cold costs speed and nothing else; the rules below still only take functions that
 * cannot run often:
 *   - module and class bodies without loops: each runs once;
 *   - generic versions that never run:
 *       - methods the typed tier proved are reached only by direct calls of their clones
 *         (CgOptions.never_run, from classes_generic_runs: docs/internals/typed.md);
 *       - module-level functions with specialised clones whose function object goes only to
 *         a module global that no code that may run reads (every call the typed tier
 *         understood calls a clone directly; a read of the name anywhere else, an attribute
 *         or import of that name, `import *`, or a reflective builtin keeps it warm);
 *       - plain methods (a `def` of a class body, not a dunder nor a name the runtime calls
 *         on any object) with specialised clones whose name no code that may run looks up
 *         as an attribute (the typed tier's proof above is all-or-nothing: one use of
 *         type() opens every method; this is the same question asked by name).
 *     "Code that may run" is every function not taken as a never-running generic version,
 *     computed as a greatest fixed point (a recursive generic function that only calls itself
 *     through its global stays cold).
 * Generator, coroutine and async generator bodies are never cold.
 */
#include <stdlib.h>
#include <string.h>

#include "cg.h"

static void *xcalloc_or_die(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

/* Does mf's control-flow graph have a cycle?  (Iterative depth-first search: a successor still
 * on the stack closes a back edge.) */
static int has_loop(const MirFunction *mf)
{
    int maxid = 0;
    for (int i = 0; i < mf->nblocks; i++)
        if (mf->blocks[i]->id > maxid)
            maxid = mf->blocks[i]->id;
    unsigned char *state = xcalloc_or_die((size_t)maxid + 1, 1);   /* 1 on stack, 2 done */
    MirBlock **stack = xcalloc_or_die((size_t)mf->nblocks + 1, sizeof *stack);
    int *next = xcalloc_or_die((size_t)mf->nblocks + 1, sizeof *next);
    int sp = 0, loop = 0;
    if (mf->nblocks > 0) {
        stack[sp] = mf->blocks[0];
        next[sp++] = 0;
        state[mf->blocks[0]->id] = 1;
    }
    while (sp > 0 && !loop) {
        MirBlock *b = stack[sp - 1];
        if (next[sp - 1] >= b->nsuccs) {
            state[b->id] = 2;
            sp--;
            continue;
        }
        MirBlock *s = b->succs[next[sp - 1]++];
        if (!s || s->id < 0 || s->id > maxid)
            continue;
        if (state[s->id] == 1)
            loop = 1;
        else if (state[s->id] == 0 && sp < mf->nblocks) {
            state[s->id] = 1;
            stack[sp] = s;
            next[sp++] = 0;
        }
    }
    free(state);
    free(stack);
    free(next);
    return loop;
}

static int suspends(const MirFunction *mf)
{
    return (mf->flags & (RT_CO_GENERATOR | RT_CO_COROUTINE | RT_CO_ASYNC_GEN)) != 0;
}

static int is_body(const MirFunction *mf)
{
    return (mf->module && mf->module->init == mf) || (mf->flags & RT_CO_CLASS_BODY);
}

/* Per SSA id of g: does any instruction of g use the value?  (malloc'd) */
static unsigned char *used_values(const MirFunction *g)
{
    unsigned char *used = xcalloc_or_die((size_t)g->nvalues + 1, 1);
    for (int b = 0; b < g->nblocks; b++)
        for (int k = 0; k < g->blocks[b]->ninsts; k++) {
            const MirInst *i = g->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a] && i->args[a]->id >= 0 && i->args[a]->id < g->nvalues)
                    used[i->args[a]->id] = 1;
        }
    return used;
}

/* A reflective builtin (or attribute) through which code may reach any global by name. */
static int reflective(const char *name)
{
    static const char *const names[] = {"globals", "vars", "locals", "getattr", "eval", "exec",
                                        "__import__", "__dict__", "dir", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

/* A never-running candidate, known by the name its function object is stored to. */
typedef struct Cand {
    int index;              /* in p->funcs */
    const MirModule *mod;   /* a module global of this module; NULL: a method */
    const char *name;
} Cand;

/* If the only uses of mk (a function.new in body g) are stores of one name (global.store in
 * a module body, name.store into the namespace of a class body), that name; else NULL. */
static const char *stored_name(const MirFunction *g, const MirInst *mk, int method)
{
    const char *name = NULL;
    for (int b = 0; b < g->nblocks; b++)
        for (int k = 0; k < g->blocks[b]->ninsts; k++) {
            const MirInst *i = g->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++) {
                if (i->args[a] != mk)
                    continue;
                if (i->op != (method ? MIR_NameStore : MIR_GlobalStore) ||
                    a != (method ? 1 : 0) || !i->str || (name && strcmp(name, i->str) != 0))
                    return NULL;
                name = i->str;
            }
        }
    return name;
}

/* Method names the runtime may call on an object of any class (src/infer/classes.c
 * runtime_called), and dunders: their generic versions may run without a lookup in the
 * program.  __init__ runs generically whenever its class is called through the runtime. */
static int runtime_name(const char *name)
{
    static const char *const names[] = {"keys", "write", "flush", "send", "throw", "close",
                                        "read", "readline", "readlines", "fileno", "isatty",
                                        "get", "derive", "writelines", "items", "values", NULL};
    size_t n = strlen(name);
    if (n >= 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' && name[n - 2] == '_')
        return 1;
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

unsigned char *cg_find_cold(const MirProgram *p, const CgOptions *opt)
{
    int n = p->nfuncs;
    unsigned char *cold = xcalloc_or_die((size_t)n + 1, 1);
    unsigned char *has_clone = xcalloc_or_die((size_t)n + 1, 1);
    /* positions of functions by pointer: linear searches are fine for the few hundred
     * functions of a program, but the clone origins are many: one pass per origin */
    for (int i = 0; i < n; i++) {
        const MirFunction *o = p->funcs[i]->origin;
        if (!o)
            continue;
        for (int k = 0; k < n; k++)
            if (p->funcs[k] == o) {
                has_clone[k] = 1;
                break;
            }
    }

    /* methods that never run (the typed tier's proof) */
    for (int i = 0; i < n; i++)
        for (int k = 0; k < opt->nnever_run; k++)
            if (opt->never_run[k] == p->funcs[i] && !suspends(p->funcs[i]) &&
                p->funcs[i]->nblocks > 0 && !p->funcs[i]->origin)
                cold[i] = 1;

    /* module-level functions and methods with clones whose object only goes to a name */
    Cand *cands = xcalloc_or_die((size_t)n + 1, sizeof *cands);
    int ncands = 0;
    for (int gi = 0; gi < n; gi++) {
        const MirFunction *g = p->funcs[gi];
        int method = (g->flags & RT_CO_CLASS_BODY) != 0;
        if (!method && (!g->module || g->module->init != g))
            continue;
        for (int b = 0; b < g->nblocks; b++)
            for (int k = 0; k < g->blocks[b]->ninsts; k++) {
                const MirInst *mk = g->blocks[b]->insts[k];
                if (mk->op != MIR_MakeFunction || !mk->func)
                    continue;
                const MirFunction *f = mk->func;
                int fi = -1;
                for (int j = 0; j < n; j++)
                    if (p->funcs[j] == f)
                        fi = j;
                if (fi < 0 || !has_clone[fi] || f->origin || suspends(f) || f->nblocks == 0 ||
                    is_body(f) || cold[fi])
                    continue;
                const char *name = stored_name(g, mk, method);
                if (!name || (method && runtime_name(name)))
                    continue;
                cands[ncands++] = (Cand){fi, method ? NULL : g->module, name};
                cold[fi] = 2;   /* tentatively: the fixed point below may take it back */
            }
    }

    /* greatest fixed point: a candidate stays cold while no code that may run reads it */
    int changed = ncands > 0;
    while (changed) {
        changed = 0;
        for (int gi = 0; gi < n; gi++) {
            const MirFunction *g = p->funcs[gi];
            if (cold[gi])
                continue;   /* never runs: its reads do not count */
            unsigned char *used = used_values(g);
            for (int b = 0; b < g->nblocks; b++)
                for (int k = 0; k < g->blocks[b]->ninsts; k++) {
                    const MirInst *i = g->blocks[b]->insts[k];
                    int all = 0;
                    const char *name = NULL;
                    switch (i->op) {
                    case MIR_GlobalLoad:
                    case MIR_NameLoad:
                        if (i->str && reflective(i->str))
                            all = 1;
                        else if (i->id >= 0 && i->id < g->nvalues && used[i->id])
                            name = i->str;
                        break;
                    case MIR_GetAttr:
                    case MIR_LookupSpecial:
                    case MIR_ImportFrom:
                        if (i->str && reflective(i->str))
                            all = 1;
                        else
                            name = i->str;
                        break;
                    case MIR_ImportStar:
                        all = 1;
                        break;
                    default:
                        break;
                    }
                    if (!all && !name)
                        continue;
                    for (int c = 0; c < ncands; c++) {
                        if (cold[cands[c].index] != 2)
                            continue;
                        if (all || (strcmp(cands[c].name, name) == 0 &&
                                    (i->op != MIR_GlobalLoad || g->module == cands[c].mod))) {
                            cold[cands[c].index] = 0;
                            changed = 1;
                        }
                    }
                }
            free(used);
        }
    }

    /* bodies that run once */
    for (int i = 0; i < n; i++) {
        const MirFunction *mf = p->funcs[i];
        if (!cold[i] && is_body(mf) && mf->nblocks > 0 && !suspends(mf) && !has_loop(mf))
            cold[i] = 1;
    }
    for (int i = 0; i < n; i++)
        cold[i] = cold[i] != 0;
    free(cands);
    free(has_clone);
    return cold;
}
