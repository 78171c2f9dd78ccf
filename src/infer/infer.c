/*
 * infer.c - whole-program type inference: abstract interpretation of SSA MIR over the lattice
 * of types.h (docs/internals/typed.md).
 *
 * Steps:
 *   1. globals(): every module-level name, its stores, and whether it is *stable* (stored only
 *      in its module's top-level code, never deleted, no `global x` store in a function, no
 *      `import *` into the module, no attribute store of that name anywhere, and no dynamic
 *      escape in the program: globals(), vars(), setattr(), delattr(), exec(), eval(),
 *      __import__(), `.__dict__`, `sys.modules`).
 *   2. contexts: every function gets a generic context (parameters dyn); a call whose callee is
 *      a known function (a stable global bound once to a `def`, or a function.new value) with
 *      a plain positional call shape gets a context keyed by the kinds of its argument types
 *      (at most INFER_MAX_CLONES per function, else the generic one); the argument types of a
 *      context are the join (widened) of those seen at its call sites.
 *   3. rounds: every context is analysed in creation order (blocks in order, repeated to a
 *      local fixed point; phis widen int intervals after a few changes) until a whole round
 *      changes nothing: return types, argument types and global types are monotone, so this
 *      terminates.
 * Nothing is rejected: whatever cannot be pinned down is dyn.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "infer.h"

#define WIDEN_AFTER 3
#define MAX_ROUNDS 60
#define SMALL_MAX ((INT64_C(1) << 62) - 1)
#define SMALL_MIN (-(INT64_C(1) << 62))

static void *xrealloc_(void *p, size_t n)
{
    void *r = realloc(p, n ? n : 1);
    if (!r)
        die("out of memory");
    return r;
}

#define PUSH(arr, n, cap, v)                                                                  \
    do {                                                                                      \
        if ((n) == (cap)) {                                                                   \
            (cap) = (cap) ? 2 * (cap) : 16;                                                   \
            (arr) = xrealloc_((arr), sizeof *(arr) * (size_t)(cap));                          \
        }                                                                                     \
        (arr)[(n)++] = (v);                                                                   \
    } while (0)

/* ---- globals ---- */

static InferGlobal *global_get(Infer *in, const MirModule *m, const char *name, int create)
{
    for (int i = 0; i < in->nglobals; i++)
        if (in->globals[i].mod == m && strcmp(in->globals[i].name, name) == 0)
            return &in->globals[i];
    if (!create)
        return NULL;
    InferGlobal g;
    memset(&g, 0, sizeof g);
    g.mod = m;
    g.name = name;
    g.order = -1;
    g.ty = ty_bot();
    PUSH(in->globals, in->nglobals, in->capglobals, g);
    return &in->globals[in->nglobals - 1];
}

const InferGlobal *infer_global(const Infer *in, const MirModule *m, const char *name)
{
    return global_get((Infer *)in, m, name, 0);
}

static void unstable(InferGlobal *g, const char *why, const MirFunction *f, Loc loc)
{
    if (g->unstable)
        return;
    g->unstable = 1;
    g->why = why;
    g->why_loc = loc;
    g->why_file = f ? f->file : NULL;
}

static int is_init(const MirFunction *f) { return f->module && f->module->init == f; }

/* Names whose use anywhere makes every global of the program unstable. */
static const char *escape_name(const char *s)
{
    static const char *const names[] = {"globals", "vars", "setattr", "delattr", "exec", "eval",
                                        "__import__", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0)
            return names[i];
    return NULL;
}

/* The straight-line prefix of a module body: blocks entered by a br from the previous one
 * only, numbered in order; stores there run exactly once, before anything after them. */
static void prefix_orders(const MirFunction *f, int *order_of_block)
{
    for (int i = 0; i < f->nblocks; i++)
        order_of_block[i] = -1;
    if (f->nblocks == 0)
        return;
    const MirBlock *b = f->blocks[0];
    for (int n = 0; b; n++) {
        int pos = -1;
        for (int i = 0; i < f->nblocks; i++)
            if (f->blocks[i] == b)
                pos = i;
        if (pos < 0 || order_of_block[pos] >= 0)
            break;
        if (n > 0 && b->npreds != 1)
            break;
        order_of_block[pos] = n;
        const MirInst *t = b->ninsts ? b->insts[b->ninsts - 1] : NULL;
        b = t && t->op == MIR_Br ? t->target : NULL;
    }
}

/* A class body that runs no code but its own stores: only constants, function.new, loads of
 * names it stored before (an alias: `__rmul__ = __mul__`) and of __name__.  Nothing of the
 * class can run while it executes, and it defines no __init_subclass__ (which would run when a
 * subclass is built). */
static int quiet_class_body(const MirFunction *body)
{
    const char *stored[64];
    int nstored = 0;
    for (int b = 0; b < body->nblocks; b++)
        for (int k = 0; k < body->blocks[b]->ninsts; k++) {
            const MirInst *i = body->blocks[b]->insts[k];
            switch (i->op) {
            case MIR_ConstNone: case MIR_ConstTrue: case MIR_ConstFalse: case MIR_ConstInt:
            case MIR_ConstFloat: case MIR_ConstStr: case MIR_ConstI1: case MIR_Param:
            case MIR_Undef: case MIR_Br: case MIR_Ret: case MIR_Unreachable:
                break;
            case MIR_MakeFunction:
                for (int a = 0; a < i->nargs; a++)
                    if (i->args[a]->op != MIR_Undef)
                        return 0;   /* defaults or a closure: keep it simple */
                break;
            case MIR_GlobalLoad:
                if (strcmp(i->str, "__name__") != 0)
                    return 0;
                break;
            case MIR_NameStore:
                if (strcmp(i->str, "__init_subclass__") == 0 || nstored == 64)
                    return 0;
                stored[nstored++] = i->str;
                break;
            case MIR_NameLoad: {
                int found = 0;
                for (int n = 0; n < nstored; n++)
                    found |= strcmp(stored[n], i->str) == 0;
                if (!found)
                    return 0;
                break;
            }
            default:
                return 0;
            }
        }
    return 1;
}

static const struct InferCBody *cbody_of(const Infer *in, const MirFunction *body)
{
    for (int i = 0; i < in->ncbodies; i++)
        if (in->cbodies[i].body == body)
            return &in->cbodies[i];
    return NULL;
}

/* The class statements of module body f (ord: its straight-line prefix): when can the
 * methods of each class first run?  Never before its class.build (the body runs there).
 * When the body is quiet, the bases are object or quiet classes of the program and the
 * class is stored at once (global.store of the class.build's value, first in its block),
 * nothing can call a method before that store: the methods get the store's order, so they
 * may use the class's own name (and everything stored before it) without a lookup. */
static void class_orders(Infer *in, const MirFunction *f, const int *ord)
{
    for (int bi = 0; bi < f->nblocks; bi++)
        for (int k = 0; k < f->blocks[bi]->ninsts; k++) {
            const MirInst *cb = f->blocks[bi]->insts[k];
            if (cb->op != MIR_BuildClass || cb->nargs < 2 || cb->args[0]->op != MIR_MakeFunction ||
                !cb->args[0]->func || ord[bi] < 0)
                continue;
            struct InferCBody e = {cb->args[0]->func, ord[bi] * 4096 + k, 0};
            int ok = cb->nnames == 0 && cb->nargs <= 3 && quiet_class_body(e.body);
            if (ok && cb->nargs == 3) {   /* the base: object or a quiet class */
                const MirInst *base = cb->args[2];
                const InferGlobal *g =
                    base->op == MIR_GlobalLoad ? infer_global(in, f->module, base->str) : NULL;
                if (base->op != MIR_GlobalLoad)
                    ok = 0;
                else if (strcmp(base->str, "object") == 0)
                    ok = g == NULL;
                else {
                    ok = 0;
                    for (int i = 0; g && i < in->ncbodies; i++)
                        if (in->cbodies[i].quiet && in->cbodies[i].order < e.order &&
                            g->nstores == 1 && g->order == in->cbodies[i].order)
                            ok = 1;   /* a class stored before this one, once */
                }
            }
            const MirBlock *t = cb->target;
            const MirInst *st = t && t->ninsts ? t->insts[0] : NULL;
            int tb = -1;
            for (int b = 0; b < f->nblocks; b++)
                if (f->blocks[b] == t)
                    tb = b;
            if (ok && st && st->op == MIR_GlobalStore && st->args[0] == cb && tb >= 0 &&
                ord[tb] >= 0) {
                const InferGlobal *g = infer_global(in, f->module, st->str);
                if (g && !g->unstable && g->nstores == 1) {
                    e.order = ord[tb] * 4096;
                    e.quiet = 1;
                }
            }
            PUSH(in->cbodies, in->ncbodies, in->capcbodies, e);
        }
}

static void find_globals(Infer *in)
{
    MirProgram *p = in->prog;
    for (int fi = 0; fi < p->nfuncs; fi++) {
        MirFunction *f = p->funcs[fi];
        int init = is_init(f);
        int *ord = init ? xmalloc(sizeof *ord * (size_t)(f->nblocks + 1)) : NULL;
        if (init)
            prefix_orders(f, ord);
        for (int bi = 0; bi < f->nblocks; bi++)
            for (int k = 0; k < f->blocks[bi]->ninsts; k++) {
                MirInst *i = f->blocks[bi]->insts[k];
                switch (i->op) {
                case MIR_GlobalStore: {
                    InferGlobal *g = global_get(in, f->module, i->str, 1);
                    g->nstores++;
                    if (!init)
                        unstable(g, "assigned in a function (global statement)", f, i->loc);
                    else {
                        g->order = g->nstores == 1 && ord[bi] >= 0 ? ord[bi] * 4096 + k : -1;
                        g->val = g->order >= 0 ? i->args[0] : NULL;
                    }
                    break;
                }
                case MIR_GlobalDelete:
                    unstable(global_get(in, f->module, i->str, 1), "deleted", f, i->loc);
                    break;
                case MIR_YieldFrom:
                case MIR_Await:
                    in->delegates = 1;   /* the runtime may call .send/.throw (classes.c) */
                    break;
                case MIR_ImportStar: {
                    /* any name may be stored: every global of this module */
                    InferGlobal *g = global_get(in, f->module, "*", 1);
                    unstable(g, "module has `from ... import *`", f, i->loc);
                    break;
                }
                case MIR_GlobalLoad:
                case MIR_NameLoad:
                    if (!in->escape && escape_name(i->str)) {
                        in->escape = escape_name(i->str);
                        in->escape_fn = f;
                        in->escape_loc = i->loc;
                    }
                    break;
                case MIR_GetAttr:
                    if (!in->escape && (strcmp(i->str, "__dict__") == 0 ||
                                        strcmp(i->str, "modules") == 0)) {
                        in->escape = strcmp(i->str, "modules") == 0 ? "sys.modules" : "__dict__";
                        in->escape_fn = f;
                        in->escape_loc = i->loc;
                    }
                    break;
                case MIR_CellSet:
                    if (i->args[0]->op == MIR_ClosureCell && i->args[0]->imm >= 0 &&
                        i->args[0]->imm < f->nfree)
                        PUSH(in->nonlocal_names, in->nnonlocal, in->capnonlocal,
                             f->freevars[i->args[0]->imm]);
                    break;
                case MIR_SetAttr:
                case MIR_DelAttr:
                    PUSH(in->setattr_names, in->nsetattr, in->capsetattr, i->str);
                    break;
                default:
                    break;
                }
            }
        free(ord);
    }
    /* attribute stores of a global's name (m.x = ...) and the program-wide escapes */
    for (int i = 0; i < in->nglobals; i++) {
        InferGlobal *g = &in->globals[i];
        for (int k = 0; k < in->nsetattr && !g->unstable; k++)
            if (strcmp(in->setattr_names[k], g->name) == 0)
                unstable(g, "an attribute of this name is assigned somewhere (m.x = ...)", NULL,
                         (Loc){0});
        const InferGlobal *star = global_get(in, g->mod, "*", 0);
        if (star && !g->unstable)
            unstable(g, star->why, NULL, star->why_loc);
        if (in->escape && !g->unstable)
            unstable(g, in->escape, in->escape_fn, in->escape_loc);
        if (g->nstores != 1)
            g->order = -1;
        if (g->order < 0 || g->unstable)
            g->val = NULL;
    }
    for (int fi = 0; fi < p->nfuncs; fi++)
        if (is_init(p->funcs[fi])) {
            MirFunction *f = p->funcs[fi];
            int *ord = xmalloc(sizeof *ord * (size_t)(f->nblocks + 1));
            prefix_orders(f, ord);
            class_orders(in, f, ord);
            free(ord);
        }
}

int infer_builtin(const Infer *in, const MirFunction *f, const char *name)
{
    if (in->escape || !f->module)
        return -1;
    const InferGlobal *g = infer_global(in, f->module, name);
    if (g || infer_global(in, f->module, "*"))
        return -1;   /* the module binds the name itself */
    for (int k = 0; k < in->nsetattr; k++)
        if (strcmp(in->setattr_names[k], name) == 0)
            return -1;
    for (int b = 0; b < TB__COUNT; b++)
        if (strcmp(ty_builtin_names[b], name) == 0)
            return b;
    return -1;
}

/* The order (in its module body's straight-line prefix) after which f can run: for a
 * module-level def stored once, the store's order; for a function defined inside g, g's. */
static int fn_order(const Infer *in, const MirFunction *f, int depth)
{
    if (!f || depth > 50)
        return -1;
    int corder;
    if (consume_order(f, &corder))
        return corder;
    const MirProgram *p = in->prog;
    for (int i = 0; i < in->nglobals; i++) {
        const InferGlobal *g = &in->globals[i];
        if (g->mod == f->module && !g->unstable && g->order >= 0 && g->ty.k == TY_FUNC &&
            g->ty.fn == f)
            return g->order;
    }
    /* defined inside another function: find the function.new */
    for (int fi = 0; fi < p->nfuncs; fi++) {
        const MirFunction *h = p->funcs[fi];
        for (int b = 0; b < h->nblocks; b++)
            for (int k = 0; k < h->blocks[b]->ninsts; k++) {
                const MirInst *i = h->blocks[b]->insts[k];
                if (i->op == MIR_MakeFunction && i->func == f) {
                    const struct InferCBody *cbh = cbody_of(in, h);
                    if (cbh)   /* a method: after its class statement (class_orders) */
                        return cbh->order;
                    return is_init(h) ? -1 : fn_order(in, h, depth + 1);
                }
            }
    }
    if (consume_host(f))   /* a consumer function runs only from its sum call */
        return consume_host(f) == f || is_init(consume_host(f))
                   ? -1 : fn_order(in, consume_host(f), depth + 1);
    return -1;
}

int infer_load_safe(const Infer *in, const MirFunction *f, const MirInst *load)
{
    if (load->op != MIR_GlobalLoad)
        return 0;
    if (infer_builtin(in, f, load->str) >= 0)
        return 1;
    const InferGlobal *g = infer_global(in, f->module, load->str);
    if (!g || g->unstable || g->order < 0)
        return 0;
    const MirFunction *o = f->origin ? f->origin : f;
    if (is_init(o)) {   /* the module body: after the store in its straight-line prefix */
        int *ord = xmalloc(sizeof *ord * (size_t)(o->nblocks + 1)), lo = -1;
        prefix_orders(o, ord);
        for (int b = 0; b < o->nblocks; b++)
            for (int k = 0; k < o->blocks[b]->ninsts; k++)
                if (o->blocks[b]->insts[k] == load && ord[b] >= 0)
                    lo = ord[b] * 4096 + k;
        free(ord);
        return lo > g->order;
    }
    int fo = fn_order(in, o, 0);
    return fo >= 0 && fo >= g->order;
}

const MirInst *infer_load_const(const Infer *in, const MirFunction *f, const MirInst *load)
{
    if (load->op != MIR_GlobalLoad || infer_builtin(in, f, load->str) >= 0 ||
        !infer_load_safe(in, f, load))
        return NULL;
    return infer_global_const(in, f, load);
}

const MirInst *infer_global_const(const Infer *in, const MirFunction *f, const MirInst *load)
{
    if (load->op != MIR_GlobalLoad)
        return NULL;
    const InferGlobal *g = infer_global(in, f->module, load->str);
    const MirInst *v = g ? g->val : NULL;
    if (!v)
        return NULL;
    switch (v->op) {
    case MIR_ConstNone: case MIR_ConstTrue: case MIR_ConstFalse: case MIR_ConstInt:
    case MIR_ConstFloat: case MIR_ConstStr:
        return v;
    default:
        return NULL;
    }
}

/* abs(x), min(x, y), max(x, y), int(x), float(x) of the known builtins on numbers whose
 * types have an inline form (specialize.c numeric_builtin_rewrite); 0 when the call stays
 * generic. */
int infer_numeric_builtin(const InferCtx *c, const MirInst *i)
{
    if (i->op != MIR_Call || i->nnames)
        return 0;
    Ty f = infer_ty(c, i->args[0]);
    if (f.k != TY_BUILTIN)
        return 0;
    Ty a = i->nargs >= 2 ? infer_ty(c, i->args[1]) : ty_bot();
    Ty r = infer_ty(c, i);
    switch (f.bi) {
    case TB_abs:
        return i->nargs == 2 && (a.k == TY_FLOAT || (ty_int_small(a) && ty_rep(r) == MT_I64));
    case TB_int:
        return i->nargs == 2 && (a.k == TY_FLOAT || (a.k == TY_INT && ty_rep(r) == ty_rep(a)));
    case TB_float:
        return i->nargs == 2 && (a.k == TY_FLOAT || a.k == TY_INT || a.k == TY_NUM);
    case TB_min:
    case TB_max: {
        if (i->nargs != 3)
            return 0;
        Ty b = infer_ty(c, i->args[2]);
        if (a.k == TY_FLOAT && b.k == TY_FLOAT)
            return r.k == TY_FLOAT;
        return a.k == TY_INT && b.k == TY_INT && r.k == TY_INT;
    }
    default:
        return 0;
    }
}

/* ---- contexts ---- */

static InferCtx *ctx_new(Infer *in, MirFunction *f, int index, const Ty *args,
                         const Ty *closure)
{
    InferCtx *c = xcalloc(1, sizeof *c);
    c->fn = f;
    c->index = index;
    c->nargs = f->nparams;
    c->args = xcalloc((size_t)c->nargs + 1, sizeof *c->args);
    for (int i = 0; i < c->nargs; i++)
        c->args[i] = args ? args[i] : ty_dyn();
    c->nfree = f->nfree;
    c->closure = xcalloc((size_t)c->nfree + 1, sizeof *c->closure);
    for (int i = 0; i < c->nfree; i++)
        c->closure[i] = closure ? closure[i] : ty_dyn();
    int maxid = f->nvalues;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++)
            if (f->blocks[b]->insts[k]->id >= maxid)
                maxid = f->blocks[b]->insts[k]->id + 1;
    c->nvals = maxid;
    c->vals = xcalloc((size_t)maxid + 1, sizeof *c->vals);
    c->visits = xcalloc((size_t)maxid + 1, 1);
    c->callee = xcalloc((size_t)maxid + 1, sizeof *c->callee);
    c->ncallee = xcalloc((size_t)maxid + 1, sizeof *c->ncallee);
    c->cells = xcalloc((size_t)maxid + 1, sizeof *c->cells);
    c->mcallee = xcalloc((size_t)maxid + 1, sizeof *c->mcallee);
    c->reached = xcalloc((size_t)f->nblocks + 1, 1);
    c->ret = ty_bot();
    PUSH(in->ctxs, in->nctxs, in->capctxs, c);
    return c;
}

InferCtx *infer_generic(const Infer *in, const MirFunction *f)
{
    for (int i = 0; i < in->nctxs; i++)
        if (in->ctxs[i]->fn == f && in->ctxs[i]->index == 0)
            return in->ctxs[i];
    return NULL;
}

/* May f be called with a native signature?  Plain positional parameters only, no closure,
 * not a generator/coroutine/class body. */
static int cloneable(const MirFunction *f)
{
    return f->nblocks > 0 && !(f->flags & INFER_CO_NOT_NATIVE) && f->nkwonly == 0 &&
           f->npos == f->nparams && !is_init(f);
}

/* ---- compile-time argument binding (keywords, constant defaults) ---- */

static int const_op(const MirInst *v)
{
    switch (v->op) {
    case MIR_ConstInt: case MIR_ConstFloat: case MIR_ConstTrue: case MIR_ConstFalse:
    case MIR_ConstNone: case MIR_ConstStr:
        return 1;
    default:
        return 0;
    }
}

/* The single function.new of f in the program, or NULL (infer.h). */
const MirInst *infer_single_make(const Infer *in, const MirFunction *f)
{
    const MirInst *found = NULL;
    const MirProgram *p = in->prog;
    for (int fi = 0; fi < p->nfuncs; fi++) {
        const MirFunction *h = p->funcs[fi];
        for (int b = 0; b < h->nblocks; b++)
            for (int k = 0; k < h->blocks[b]->ninsts; k++) {
                const MirInst *i = h->blocks[b]->insts[k];
                if (i->op == MIR_MakeFunction && i->func == f) {
                    if (found)
                        return NULL;
                    found = i;
                }
            }
    }
    return found;
}

static int defaults_fixed(const Infer *in)
{
    if (in->escape)
        return 0;
    for (int k = 0; k < in->nsetattr; k++)
        if (strcmp(in->setattr_names[k], "__defaults__") == 0 ||
            strcmp(in->setattr_names[k], "__kwdefaults__") == 0)
            return 0;
    return 1;
}

typedef struct InferDefaults {
    const MirFunction *f;
    int ok;                      /* one function.new, defaults cannot be reassigned */
    int npdefs;                  /* positional defaults (-1: not a tuple of values at hand) */
    const MirInst **pdefs;
    int nkw;                     /* keyword-only defaults: name/value pairs (-1: not at hand) */
    const MirInst **kw;
} InferDefaults;

static const InferDefaults *defaults_of(const Infer *cin, const MirFunction *f)
{
    Infer *in = (Infer *)cin;
    for (int k = 0; k < in->ndefaults; k++)
        if (in->defaults[k].f == f)
            return &in->defaults[k];
    InferDefaults d = {f, 0, -1, NULL, -1, NULL};
    const MirInst *mk = defaults_fixed(in) ? infer_single_make(in, f) : NULL;
    if (mk) {
        d.ok = 1;
        const MirInst *t = mk->args[0], *kd = mk->args[1];
        if (t->op == MIR_Undef) {
            d.npdefs = 0;
        } else if (t->op == MIR_BuildTuple) {
            d.npdefs = t->nargs;
            d.pdefs = xcalloc((size_t)t->nargs + 1, sizeof *d.pdefs);
            for (int q = 0; q < t->nargs; q++)
                d.pdefs[q] = const_op(t->args[q]) ? t->args[q] : NULL;
        }
        if (kd->op == MIR_Undef) {
            d.nkw = 0;
        } else if (kd->op == MIR_BuildDict) {
            d.nkw = kd->nargs / 2;
            d.kw = xcalloc((size_t)kd->nargs + 1, sizeof *d.kw);
            for (int q = 0; q + 1 < kd->nargs; q += 2) {
                d.kw[q] = kd->args[q]->op == MIR_ConstStr ? kd->args[q] : NULL;
                d.kw[q + 1] = const_op(kd->args[q + 1]) ? kd->args[q + 1] : NULL;
            }
        }
    }
    PUSH(in->defaults, in->ndefaults, in->capdefaults, d);
    return &in->defaults[in->ndefaults - 1];
}

int infer_bind(const Infer *in, const MirFunction *f, const MirInst *call, int *src,
               const MirInst **defs)
{
    int np = f->nparams, npos_given = call->nargs - 1 - call->nnames;
    if (np > 64 || npos_given < 0 || npos_given > f->npos || f->npos + f->nkwonly != np)
        return 0;
    for (int p = 0; p < np; p++) {
        src[p] = 0;
        defs[p] = NULL;
    }
    for (int p = 0; p < npos_given; p++)
        src[p] = 1 + p;
    for (int k = 0; k < call->nnames; k++) {
        int p = f->nposonly;
        while (p < np && strcmp(f->paramnames[p], call->names[k]) != 0)
            p++;
        if (p >= np || src[p])
            return 0;
        src[p] = 1 + npos_given + k;
    }
    const InferDefaults *dd = NULL;
    for (int p = 0; p < np; p++) {
        if (src[p])
            continue;
        if (!dd && !(dd = defaults_of(in, f))->ok)
            return 0;
        if (p < f->npos) {
            int d = p - (f->npos - dd->npdefs);
            if (dd->npdefs < 0 || d < 0 || !dd->pdefs[d])
                return 0;
            defs[p] = dd->pdefs[d];
        } else {
            for (int q = 0; q < 2 * dd->nkw; q += 2)
                if (dd->kw[q] && dd->kw[q + 1] && strcmp(dd->kw[q]->str, f->paramnames[p]) == 0)
                    defs[p] = dd->kw[q + 1];
            if (!defs[p])
                return 0;
        }
    }
    return 1;
}

static Ty const_ty(const MirInst *v)
{
    switch (v->op) {
    case MIR_ConstInt: return ty_int(v->imm, v->imm);
    case MIR_ConstFloat: return ty_kind(TY_FLOAT);
    case MIR_ConstTrue: case MIR_ConstFalse: return ty_kind(TY_BOOL);
    case MIR_ConstNone: return ty_kind(TY_NONE);
    case MIR_ConstStr: return ty_kind(TY_STR);
    default: return ty_dyn();
    }
}

/* An int type clamped to the narrow bound (other types as they are). */
static Ty narrow_int(Ty t)
{
    if (t.k != TY_INT)
        return t;
    int64_t lo = t.lo < -INFER_NARROW_MAX ? -INFER_NARROW_MAX : t.lo;
    int64_t hi = t.hi > INFER_NARROW_MAX ? INFER_NARROW_MAX : t.hi;
    return lo <= hi ? ty_int(lo, hi) : ty_bot();
}

/* The key of a context: the kind of each argument (int ranges are joined inside a context). */
static int same_kinds(const Infer *in, const InferCtx *c, const Ty *args, const Ty *closure,
                      int narrow)
{
    if (c->narrow != narrow)
        return 0;
    for (int i = 0; i < c->nargs; i++) {
        if (c->args[i].k != args[i].k || c->args[i].cls != args[i].cls ||
            c->args[i].un != args[i].un)
            return 0;   /* instances: the class is part of the key */
        /* lists whose items are not known get contexts of their own, so lists made from
         * them there do not spoil the lists of the others (consume.c: a sum's result) */
        if ((args[i].k == TY_LIST || args[i].k == TY_LISTITER) &&
            (elems_of(in, c->args[i]).k == TY_DYN) != (elems_of(in, args[i]).k == TY_DYN))
            return 0;
        /* lists of the shared site (elems.c: generic contexts, other modules) get contexts
         * of their own, so they do not make the elements of the others dyn */
        if ((args[i].k == TY_LIST || args[i].k == TY_LISTITER || args[i].k == TY_ZIP ||
             args[i].k == TY_ENUM || args[i].k == TY_PAIR || args[i].k == TY_ZIPSTAR ||
             args[i].k == TY_ROW) &&
            ((c->args[i].sites | c->args[i].sites2) >> 63) !=
                ((args[i].sites | args[i].sites2) >> 63))
            return 0;
    }
    for (int i = 0; i < c->nfree; i++)
        if (!ty_eq(c->closure[i], closure[i]))
            return 0;
    return 1;
}

static int worth_cloning(const Ty *args, int n)
{
    for (int i = 0; i < n; i++)
        if (args[i].k != TY_DYN && args[i].k != TY_BOT)
            return 1;
    return n == 0;
}

/* The context a direct call with these argument types goes to (created on first use);
 * joins the argument types into it.  Sets *changed when the context is new or widened. */
static InferCtx *ctx_for_call_n(Infer *in, MirFunction *f, const Ty *args, const Ty *closure,
                                int narrow, int *changed)
{
    int n = 0;
    InferCtx *gen = NULL;
    for (int i = 0; i < in->nctxs; i++) {
        InferCtx *c = in->ctxs[i];
        if (c->fn != f)
            continue;
        if (c->index == 0) {
            gen = c;
            continue;
        }
        n++;
        if (same_kinds(in, c, args, closure, narrow)) {
            for (int k = 0; k < c->nargs; k++) {
                Ty w = c->arg_changes >= WIDEN_AFTER ? ty_widen(c->args[k], args[k])
                                                     : ty_join(c->args[k], args[k]);
                if (narrow)
                    w = narrow_int(w);
                if (!ty_eq(w, c->args[k])) {
                    c->args[k] = w;
                    c->arg_changes++;
                    *changed = 1;
                }
            }
            return c;
        }
    }
    if (n >= INFER_MAX_CLONES || !worth_cloning(args, f->nparams))
        return gen;
    *changed = 1;
    InferCtx *c = ctx_new(in, f, n + 1, args, closure);
    c->narrow = narrow;
    return c;
}

static InferCtx *ctx_for_call(Infer *in, MirFunction *f, const Ty *args, const Ty *closure,
                              int *changed)
{
    return ctx_for_call_n(in, f, args, closure, 0, changed);
}

int infer_cloneable(const MirFunction *f) { return cloneable(f); }

InferCtx *infer_ctx_for_call(Infer *in, MirFunction *f, const Ty *args, const Ty *closure,
                             int *changed)
{
    return ctx_for_call(in, f, args, closure, changed);
}

/* ---- transfer functions ---- */

/* float|None with a number (int, float, float|None) in + - * / // %: a float, or the generic
 * operator raises TypeError for None (float ** float may be complex: not here). */
static int optf_arith(int op, Ty a, Ty b)
{
    if (a.k != TY_OPTF && b.k != TY_OPTF)
        return 0;
    if ((a.k != TY_OPTF && a.k != TY_FLOAT && a.k != TY_INT) ||
        (b.k != TY_OPTF && b.k != TY_FLOAT && b.k != TY_INT))
        return 0;
    return op == Op_Add || op == Op_Sub || op == Op_Mult || op == Op_Div ||
           op == Op_FloorDiv || op == Op_Mod;
}

static Ty binop_ty(int op, Ty a, Ty b)
{
    if (optf_arith(op, a, b))
        return ty_kind(TY_FLOAT);
    /* None with a number (or None) always raises TypeError: no result (also what a loop's
     * first sweep sees before the phi joins the numbers in; dyn there would stick) */
    if ((a.k == TY_NONE || b.k == TY_NONE) &&
        (a.k == TY_NONE || a.k == TY_INT || a.k == TY_FLOAT || a.k == TY_BOOL || a.k == TY_OPTF) &&
        (b.k == TY_NONE || b.k == TY_INT || b.k == TY_FLOAT || b.k == TY_BOOL || b.k == TY_OPTF))
        return ty_bot();
    /* bool is an int subclass: True + 1 and count += x < y are int arithmetic */
    if ((a.k == TY_BOOL || b.k == TY_BOOL) && (a.k == TY_BOOL || a.k == TY_INT) &&
        (b.k == TY_BOOL || b.k == TY_INT) && (op == Op_Add || op == Op_Sub || op == Op_Mult)) {
        if (a.k == TY_BOOL)
            a = ty_int(0, 1);
        if (b.k == TY_BOOL)
            b = ty_int(0, 1);
    }
    if (a.k == TY_INT && b.k == TY_INT) {
        switch (op) {
        case Op_Add: return ty_int_add(a, b);
        case Op_Sub: return ty_int_sub(a, b);
        case Op_Mult: return ty_int_mul(a, b);
        case Op_Div: return ty_kind(TY_FLOAT);
        case Op_FloorDiv:
            if (a.lo >= 0 && b.lo >= 1)
                return ty_int(0, a.hi);
            return ty_int_any();
        case Op_Mod:
            if (b.lo >= 1)
                return ty_int(0, b.hi == TY_INF_HI ? TY_INF_HI : b.hi - 1);
            if (b.hi <= -1)
                return ty_int(b.lo == TY_INF_LO ? TY_INF_LO : b.lo + 1, 0);
            return ty_int_any();
        case Op_Pow:
            if (b.lo == b.hi && b.lo >= 0 && b.lo <= 8) {   /* x ** k: k - 1 products */
                Ty r = b.lo == 0 ? ty_int(1, 1) : a;
                for (int64_t k = 1; k < b.lo; k++)
                    r = ty_int_mul(r, a);
                if (b.lo % 2 == 0 && r.lo < 0)
                    r.lo = 0;   /* an even power is not negative */
                return r;
            }
            return b.lo >= 0 ? ty_int_any() : ty_dyn();
        case Op_RShift: return ty_int_shr(a, b);
        case Op_LShift: return ty_int_shl(a, b);
        case Op_BitAnd: return ty_int_bitop(1, 0, a, b);
        case Op_BitOr: return ty_int_bitop(0, 1, a, b);
        case Op_BitXor: return ty_int_bitop(0, 0, a, b);
        default:
            return ty_dyn();
        }
    }
    if ((a.k == TY_NUM || b.k == TY_NUM) && (a.k == TY_INT || a.k == TY_FLOAT || a.k == TY_NUM) &&
        (b.k == TY_INT || b.k == TY_FLOAT || b.k == TY_NUM)) {
        /* int|float: with a float operand the result is a float, else int|float again */
        if (op == Op_Add || op == Op_Sub || op == Op_Mult)
            return a.k == TY_FLOAT || b.k == TY_FLOAT ? ty_kind(TY_FLOAT) : ty_kind(TY_NUM);
        if (op == Op_Div)
            return ty_kind(TY_FLOAT);
        return ty_dyn();
    }
    int num_a = a.k == TY_INT || a.k == TY_FLOAT, num_b = b.k == TY_INT || b.k == TY_FLOAT;
    if (num_a && num_b && (a.k == TY_FLOAT || b.k == TY_FLOAT)) {
        switch (op) {
        case Op_Add: case Op_Sub: case Op_Mult: case Op_Div: case Op_FloorDiv: case Op_Mod:
            return ty_kind(TY_FLOAT);
        case Op_Pow:   /* float ** int is a float (a fractional exponent may give complex) */
            return a.k == TY_FLOAT && b.k == TY_INT ? ty_kind(TY_FLOAT) : ty_dyn();
        default:
            return ty_dyn();
        }
    }
    if (a.k == TY_STR && b.k == TY_STR && op == Op_Add)
        return ty_kind(TY_STR);
    /* exact lists: [x] * n, n * [x], a + b make a new exact list */
    if ((a.k == TY_LIST && b.k == TY_INT && op == Op_Mult) ||
        (a.k == TY_INT && b.k == TY_LIST && op == Op_Mult) ||
        (a.k == TY_LIST && b.k == TY_LIST && op == Op_Add))
        return ty_kind(TY_LIST);
    if (a.k == TY_BOT || b.k == TY_BOT)
        return ty_bot();
    return ty_dyn();
}

static int numeric(Ty t) { return t.k == TY_INT || t.k == TY_FLOAT || t.k == TY_BOOL; }

/* range(a), range(a, b), range(a, b, step>0 constant): items in [lo, hi].  A small start with
 * an unbounded stop is clamped at the small-int maximum (the counted loop's bound; see
 * typed.md: a loop of more than 2**62 iterations stops there). */
static Ty range_ty(const Ty *a, int n, const MirInst *step)
{
    for (int i = 0; i < n; i++)
        if (a[i].k != TY_INT)
            return a[i].k == TY_BOT ? ty_bot() : ty_dyn();
    Ty start = n == 1 ? ty_int(0, 0) : a[0], stop = n == 1 ? a[0] : a[1];
    if (n == 3 && !(step && step->op == MIR_ConstInt && step->imm > 0))
        return (Ty){.k = TY_RANGE, .lo = TY_INF_LO, .hi = TY_INF_HI};
    int64_t hi = stop.hi == TY_INF_HI ? SMALL_MAX : stop.hi - 1;
    if (stop.hi == TY_INF_HI && !(start.lo >= SMALL_MIN && start.hi <= SMALL_MAX))
        hi = TY_INF_HI;
    if (hi > SMALL_MAX && start.lo >= SMALL_MIN)
        hi = stop.hi - 1;
    return (Ty){.k = TY_RANGE, .lo = start.lo, .hi = hi};
}

static Ty call_builtin(int bi, const Ty *a, int n, const MirInst *in)
{
    switch (bi) {
    case TB_range:
        if (n >= 1 && n <= 3)
            return range_ty(a, n, n == 3 ? in->args[3] : NULL);
        return ty_dyn();
    case TB_len: return ty_int(0, SMALL_MAX);
    case TB_int:
        if (n == 1 && a[0].k == TY_INT)
            return a[0];   /* int() of an exact int is that int */
        return n <= 2 ? ty_int_any() : ty_dyn();
    case TB_float: return n <= 1 ? ty_kind(TY_FLOAT) : ty_dyn();
    case TB_bool: return n <= 1 ? ty_kind(TY_BOOL) : ty_dyn();
    case TB_str: return n == 1 ? ty_kind(TY_STR) : ty_dyn();
    case TB_isinstance: return ty_kind(TY_BOOL);
    case TB_set: return n <= 1 ? ty_kind(TY_SET) : ty_dyn();
    case TB_print: return ty_kind(TY_NONE);
    case TB_abs:
        if (n == 1 && a[0].k == TY_FLOAT)
            return ty_kind(TY_FLOAT);
        if (n == 1 && a[0].k == TY_INT && ty_int_small(a[0])) {   /* |v| < 2**62: exact */
            int64_t lo = a[0].lo, hi = a[0].hi;
            int64_t top = -lo > hi ? -lo : hi;
            return ty_int(lo >= 0 ? lo : hi <= 0 ? -hi : 0, top);
        }
        if (n == 1 && a[0].k == TY_INT)
            return ty_int(0, TY_INF_HI);
        return ty_dyn();
    case TB_min:
    case TB_max:
        if (n < 2)
            return ty_dyn();
        for (int i = 0; i < n; i++)
            if ((a[i].k != TY_INT && a[i].k != TY_FLOAT) || a[i].k != a[0].k)
                return ty_dyn();
        {
            Ty r = a[0];
            for (int i = 1; i < n; i++) {
                if (r.k == TY_INT) {   /* the interval of the smallest / largest */
                    int mn = bi == TB_min;
                    int64_t lo = mn ? (a[i].lo < r.lo ? a[i].lo : r.lo)
                                    : (a[i].lo > r.lo ? a[i].lo : r.lo);
                    int64_t hi = mn ? (a[i].hi < r.hi ? a[i].hi : r.hi)
                                    : (a[i].hi > r.hi ? a[i].hi : r.hi);
                    r = ty_int(lo, hi);
                } else {
                    r = ty_join(r, a[i]);
                }
            }
            return r;
        }
    case TB_math_floor:
        return n == 1 && numeric(a[0]) ? ty_int_any() : ty_dyn();
    case TB_math_sqrt: case TB_math_sin: case TB_math_cos: case TB_math_exp: case TB_math_log:
    case TB_math_fabs:
        return n == 1 && numeric(a[0]) ? ty_kind(TY_FLOAT) : ty_dyn();
    }
    return ty_dyn();
}

/* x's interval cut to [lo, hi]; bottom when empty (that side cannot run). */
static Ty int_meet(Ty x, int64_t lo, int64_t hi)
{
    lo = x.lo > lo ? x.lo : lo;
    hi = x.hi < hi ? x.hi : hi;
    return lo > hi ? ty_bot() : ty_int(lo, hi);
}

/* x where `x op y` held (dunder.c narrow_ints): with both ints, x's interval cut by y's.  An
 * infinite end of y (an int of any size) bounds nothing; `!=` cuts only an end equal to a
 * constant y.  Anything else is x as it is. */
static Ty narrow_cmp_ty(Ty x, Ty y, int op)
{
    if (x.k == TY_BOT || y.k == TY_BOT)
        return ty_bot();
    if (x.k != TY_INT || y.k != TY_INT)
        return x;
    int64_t lo = TY_INF_LO, hi = TY_INF_HI;
    switch (op) {
    case Cmp_Eq:
        lo = y.lo;
        hi = y.hi;
        break;
    case Cmp_NotEq:
        if (y.lo != y.hi || y.lo == TY_INF_LO || y.lo == TY_INF_HI)
            return x;
        if (x.lo == y.lo)
            lo = x.lo + 1;
        else if (x.hi == y.lo)
            hi = x.hi - 1;
        break;
    case Cmp_Lt:
        hi = y.hi == TY_INF_HI ? TY_INF_HI : y.hi - 1;
        break;
    case Cmp_LtE:
        hi = y.hi;
        break;
    case Cmp_Gt:
        lo = y.lo == TY_INF_LO ? TY_INF_LO : y.lo + 1;
        break;
    case Cmp_GtE:
        lo = y.lo;
        break;
    default:
        return x;
    }
    return int_meet(x, lo, hi);
}

typedef struct Run {
    Infer *in;
    InferCtx *c;
    int changed;     /* some value of this context changed */
    int global;      /* something other contexts depend on changed */
} Run;

static Ty T(Run *r, const MirInst *v) { return infer_ty(r->c, v); }

static void set(Run *r, const MirInst *i, Ty t)
{
    if (i->id < 0 || i->id >= r->c->nvals)
        return;
    Ty old = r->c->vals[i->id];
    Ty j = ty_join(old, t);
    if (i->op == MIR_Phi && r->c->visits[i->id] >= WIDEN_AFTER)
        j = ty_widen(old, j);
    if (!ty_eq(j, old)) {
        r->c->vals[i->id] = j;
        if (i->op == MIR_Phi && r->c->visits[i->id] < 255)
            r->c->visits[i->id]++;
        r->changed = 1;
    }
}

/* Is name one of the builtins module's?  A load of a module global of that name that may run
 * before the module binds it finds the builtin. */
static int python_builtin_name(const char *name)
{
    static const char *const names[] = {
#define PYNAME(s) s,
#include "pynames.def"
#undef PYNAME
    };
    int lo = 0, hi = (int)(sizeof names / sizeof names[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(name, names[mid]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return 0;
}

int infer_is_builtin_name(const char *name) { return python_builtin_name(name); }

static Ty global_ty(Run *r, const MirInst *i)
{
    const MirFunction *f = r->c->fn;
    int bi = infer_builtin(r->in, f, i->str);
    if (bi >= 0)
        return (Ty){.k = TY_BUILTIN, .bi = bi};
    const InferGlobal *g = infer_global(r->in, f->module, i->str);
    if (!g || g->unstable)
        return ty_dyn();
    /* `def sum(...)` after a function that calls sum: a call before the def runs the builtin */
    if (python_builtin_name(i->str) && !infer_load_safe(r->in, f, i))
        return ty_dyn();
    return g->ty.k == TY_BOT ? ty_dyn() : g->ty;
}

/* The type of x on one side of `if isinstance(x, K)` (a narrow with str K, imm 1 on the
 * true side; dunder.c narrow_isinstance): the classes of an instance union that are (or are
 * not) subclasses of the plain class K, None only on the false side; int|float or float|None
 * split by int and float.  Anything else keeps x's type (the narrow is a plain copy). */
static Ty isinstance_narrow(Run *r, const MirInst *i, Ty x)
{
    const MirFunction *f = r->c->fn;
    if (x.k == TY_BOT || infer_builtin(r->in, f, "isinstance") != TB_isinstance)
        return x;
    int yes = i->imm != 0;
    int kb = infer_builtin(r->in, f, i->str);
    if (kb == TB_int || kb == TB_float) {
        int isf = kb == TB_float;
        Ty fl = ty_kind(TY_FLOAT), in = ty_int_any();
        if (x.k == TY_NUM)
            return yes == isf ? fl : in;
        if (x.k == TY_OPTF)
            return yes ? (isf ? fl : ty_bot()) : (isf ? ty_kind(TY_NONE) : x);
        return x;
    }
    const InferGlobal *g = kb >= 0 ? NULL : infer_global(r->in, f->module, i->str);
    if (!g || g->unstable)
        return x;
    if (g->ty.k == TY_BOT)
        return ty_bot();   /* come back when K is known */
    if (g->ty.k != TY_CLASS || !g->ty.cls || !g->ty.cls->plain)
        return x;
    InferClass *cls[TY_UNION_MAX], *keep[TY_UNION_MAX];
    int none = 0, nk = 0;
    int n = ty_classes(x, cls, &none);
    if (n < 0)
        return x;
    for (int m = 0; m < n; m++) {
        int is = 0;
        for (const InferClass *e = cls[m]; e; e = e->base)
            is |= e == g->ty.cls;
        if (is == yes)
            keep[nk++] = cls[m];
    }
    int kn = yes ? 0 : none;
    if (nk == 0)
        return kn ? ty_kind(TY_NONE) : ty_bot();
    return ty_instances(keep, nk, kn);
}

/* Is call i of generator function f (a plain generator: a generator expression) the only use
 * of the function.new right here that makes f, without defaults?  Then f's body runs only
 * with this call's arguments. */
static int gen_once(const InferCtx *c, const MirInst *call, const MirFunction *f)
{
    const MirInst *mk = call->args[0];
    if ((f->flags & INFER_CO_NOT_NATIVE) != 0x4u || f->nblocks == 0 || f->nkwonly != 0 ||
        f->npos != f->nparams || mk->op != MIR_MakeFunction || mk->func != f ||
        mk->args[0]->op != MIR_Undef || mk->args[1]->op != MIR_Undef)
        return 0;
    if (f->nfree > 0 && (mk->args[2]->op != MIR_BuildTuple || mk->args[2]->nargs != f->nfree))
        return 0;
    const MirFunction *h = c->fn;
    for (int b = 0; b < h->nblocks; b++)
        for (int k = 0; k < h->blocks[b]->ninsts; k++) {
            const MirInst *u = h->blocks[b]->insts[k];
            for (int a = 0; a < u->nargs; a++)
                if (u->args[a] == mk && (u != call || a != 0))
                    return 0;
        }
    return 1;
}

/* A call of a generator made once here (gen_once): a context for its body with these
 * arguments and closure cells; the call itself makes a generator object (dyn). */
static Ty gen_call(Run *r, MirInst *i, MirFunction *f, const Ty *args, int n)
{
    for (int k = 0; k < n; k++)
        if (args[k].k == TY_BOT)
            return ty_bot();
    Ty closure[64];
    if (f->nfree > 64)
        return ty_dyn();
    for (int k = 0; k < f->nfree; k++)
        closure[k] = T(r, i->args[0]->args[2]->args[k]);
    InferCtx *target = ctx_for_call(r->in, f, args, closure, &r->global);
    if (target && target->index > 0) {
        target->genconv = 1;
        r->c->callee[i->id] = target;
        r->c->callee[i->args[0]->id] = target;
    }
    return ty_dyn();
}

/* Is f a plain generator function (a def with yield; no await, positional parameters, no
 * free variables) whose typed copy a call site may make (gen_loop_call)? */
static int gen_plain(const MirFunction *f)
{
    return (f->flags & INFER_CO_NOT_NATIVE) == 0x4u && f->nblocks > 0 && f->nkwonly == 0 &&
           f->npos == f->nparams && f->nfree == 0 && !is_init(f);
}

/* Is the generator that call `call` makes used only by one for loop right here: the call's
 * only use is an iter whose uses are the loop's iter.next and lowering's gen.fresh /
 * iter.release pair?  Then nothing can send to it, and what it yields reaches only the loop
 * variable.  The calling body must be one specialize rewrites (not a generic generator). */
static int gen_loop_only(const InferCtx *c, const MirInst *call)
{
    const MirFunction *h = c->fn;
    if ((h->flags & INFER_CO_SUSPENDS) && !c->genconv)
        return 0;
    const MirInst *it = NULL;
    int nnext = 0;
    for (int b = 0; b < h->nblocks; b++)
        for (int k = 0; k < h->blocks[b]->ninsts; k++) {
            const MirInst *u = h->blocks[b]->insts[k];
            for (int a = 0; a < u->nargs; a++) {
                if (u->args[a] == call) {
                    if (u->op != MIR_GetIter || it)
                        return 0;
                    it = u;
                }
            }
        }
    if (!it)
        return 0;
    for (int b = 0; b < h->nblocks; b++)
        for (int k = 0; k < h->blocks[b]->ninsts; k++) {
            const MirInst *u = h->blocks[b]->insts[k];
            for (int a = 0; a < u->nargs; a++) {
                if (u->args[a] != it)
                    continue;
                if (u->op == MIR_IterNext && a == 0)
                    nnext++;
                else if (!(u->op == MIR_GenFresh && a == 1) && !(u->op == MIR_IterRelease && a == 0))
                    return 0;
            }
        }
    return nnext == 1;
}

/* A call of plain generator function f whose generator only a for loop here consumes
 * (gen_loop_only): a context for its body with these arguments (a typed copy that is still a
 * generator, made by this call site); the call itself makes a generator object (dyn), whose
 * items the loop's iter.next gets from the context's yields (gen_loop_item). */
static Ty gen_loop_call(Run *r, MirInst *i, MirFunction *f, const Ty *args, int n)
{
    for (int k = 0; k < n; k++)
        if (args[k].k == TY_BOT)
            return ty_bot();
    InferCtx *target = ctx_for_call(r->in, f, args, NULL, &r->global);
    if (target && target->index > 0 && (target->gencall || !target->genconv)) {
        target->genconv = 1;
        target->gencall = 1;
        r->c->callee[i->id] = target;
    }
    return ty_dyn();
}

/* The items of the loop iter.next i over a generator made by a gen_loop_call site: the join
 * of what its context yields, when that is a kind whose values carry all they are (numbers,
 * strings, lists followed by elems.c, tuples, instances), else dyn.  dflt when i is not such
 * a loop. */
static Ty gen_loop_item(Run *r, const MirInst *i, Ty dflt)
{
    const MirInst *it = i->args[0];
    if (it->op != MIR_GetIter || it->args[0]->op != MIR_Call)
        return dflt;
    const MirInst *call = it->args[0];
    const InferCtx *t = call->id >= 0 && call->id < r->c->nvals ? r->c->callee[call->id] : NULL;
    if (!t || !t->gencall)
        return dflt;
    switch (t->yield.k) {
    case TY_BOT: case TY_INT: case TY_FLOAT: case TY_BOOL: case TY_NONE: case TY_STR:
    case TY_LIST: case TY_TUPLE: case TY_NUM: case TY_INST:
        return t->yield;
    default:
        return ty_dyn();
    }
}

/* A call of known function f with keywords or omitted parameters: bound at compile time
 * (infer_bind), then like a positional call. */
static Ty bound_call_ty(Run *r, MirInst *i, MirFunction *f)
{
    int src[64];
    const MirInst *defs[64];
    if (!(f->nblocks > 0 && !(f->flags & INFER_CO_NOT_NATIVE) && !is_init(f)) || f->nfree > 0 ||
        !infer_bind(r->in, f, i, src, defs))
        return ty_dyn();
    Ty args[64];
    for (int p = 0; p < f->nparams; p++) {
        args[p] = src[p] ? T(r, i->args[src[p]]) : const_ty(defs[p]);
        if (args[p].k == TY_BOT)
            return ty_bot();
    }
    InferCtx *target = ctx_for_call(r->in, f, args, NULL, &r->global);
    r->c->callee[i->id] = target;
    return target ? target->ret : ty_dyn();
}

/* The result of a method of an exact str called with positional arguments: these methods
 * return an exact str, bool, int or tuple of strs whatever their arguments are (or raise);
 * NULL name: not one of them. */
static Ty str_method_ty(const char *name, int nargs)
{
    static const char *const strs[] = {
        "lower", "upper", "capitalize", "title", "swapcase", "casefold", "strip", "lstrip",
        "rstrip", "replace", "join", "center", "ljust", "rjust", "zfill", "expandtabs",
        "removeprefix", "removesuffix"};
    static const char *const bools[] = {
        "isalpha", "isdigit", "isalnum", "isspace", "isupper", "islower", "isdecimal",
        "isnumeric", "isidentifier", "istitle", "isprintable", "isascii", "startswith",
        "endswith"};
    for (size_t k = 0; k < sizeof strs / sizeof *strs; k++)
        if (strcmp(name, strs[k]) == 0)
            return ty_kind(TY_STR);
    for (size_t k = 0; k < sizeof bools / sizeof *bools; k++)
        if (strcmp(name, bools[k]) == 0)
            return ty_kind(TY_BOOL);
    if (strcmp(name, "find") == 0 || strcmp(name, "rfind") == 0)
        return ty_int(-1, SMALL_MAX);
    if (strcmp(name, "index") == 0 || strcmp(name, "rindex") == 0 || strcmp(name, "count") == 0)
        return ty_int(0, SMALL_MAX);
    if ((strcmp(name, "partition") == 0 || strcmp(name, "rpartition") == 0) && nargs == 1) {
        Ty s[3] = {ty_kind(TY_STR), ty_kind(TY_STR), ty_kind(TY_STR)};
        return ty_tuple(s, 3);
    }
    return ty_dyn();
}

static int scalar_ty(Ty t)
{
    return t.k == TY_BOT || t.k == TY_INT || t.k == TY_FLOAT || t.k == TY_BOOL ||
           t.k == TY_NONE;
}

/* Does f look like arithmetic worth a narrow clone: a short body (it is inlined where it is
 * called, so the guard is cheap) with + - * on its values? */
static int narrow_worth(const MirFunction *f)
{
    int ninsts = 0, arith = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            ninsts++;
            if ((i->op == MIR_BinOp || i->op == MIR_InplaceOp) &&
                (i->imm == Op_Add || i->imm == Op_Sub || i->imm == Op_Mult))
                arith = 1;
        }
    return arith && ninsts <= 80;
}

/* Narrow contexts.  A direct call of a short arithmetic function (no closure) whose arguments
 * are scalars, among them a small int that may lie outside +-INFER_NARROW_MAX (an index that
 * only a list's length bounds, say), gets besides its context a narrow one, whose int
 * parameters are clamped to that bound: there sums and products of the parameters are
 * proven small, so they need no overflow checks.  specialize.c tests the int arguments at the
 * call and runs the narrow clone when they are inside the bound, else the other one; both
 * return scalars, so the call's value is the join of their results.  NULL: no narrow
 * context (not worth it, or no room for one more clone). */
static InferCtx *narrow_call(Run *r, MirFunction *f, const Ty *args, int n)
{
    if (f->nfree > 0 || f->nparams != n || n > 16 || !narrow_worth(f))
        return NULL;
    Ty nargs[16];
    int wide = 0;
    for (int k = 0; k < n; k++) {
        Ty a = args[k];
        if (!scalar_ty(a) || a.k == TY_BOT || (a.k == TY_INT && !ty_int_small(a)))
            return NULL;
        if (a.k == TY_INT && (a.lo < -INFER_NARROW_MAX || a.hi > INFER_NARROW_MAX)) {
            if (a.lo > INFER_NARROW_MAX || a.hi < -INFER_NARROW_MAX)
                return NULL;   /* never inside */
            wide = 1;
        }
        nargs[k] = narrow_int(a);
    }
    if (!wide)
        return NULL;
    InferCtx *t = ctx_for_call_n(r->in, f, nargs, NULL, 1, &r->global);
    return t && t->index > 0 && scalar_ty(t->ret) ? t : NULL;
}

static Ty call_ty(Run *r, MirInst *i)
{
    Ty callee = T(r, i->args[0]);
    /* set again below while the callee is still a known function (a callee that was one in
     * an earlier sweep may have become dyn: a global stored twice, in a loop) */
    r->c->callee[i->id] = NULL;
    r->c->mcallee[i->id] = NULL;
    r->c->ncallee[i->id] = NULL;
    int n = i->nargs - 1;
    Ty args[16];
    if (n > 16)
        return ty_dyn();
    const char *sm = dunder_method_on(r->c, i, TY_STR);   /* s.lower(), s.find(x), ... */
    if (sm)
        return str_method_ty(sm, n);
    if (i->args[0]->op == MIR_GetAttr && i->nnames == 0 &&
        T(r, i->args[0]->args[0]).k == TY_BOT)
        return ty_bot();   /* the receiver is not known yet */
    for (int k = 0; k < n; k++)
        args[k] = T(r, i->args[k + 1]);
    if (callee.k == TY_BUILTIN && i->nnames == 0 &&
        (callee.bi == TB_sum || callee.bi == TB_any || callee.bi == TB_all ||
         callee.bi == TB_min || callee.bi == TB_max)) {
        Ty t;   /* sum/any/all/min/max(<genexpr>): a consumer clone (consume.c) */
        if (consume_sum_ty(r->in, r->c, i, &r->global, &t))
            return t;
    }
    if (callee.k == TY_BUILTIN && callee.bi == TB_super)
        return classes_super_ty(r->in, r->c, i, callee);
    if (callee.k == TY_BUILTIN && i->nnames == 0) {
        for (int k = 0; k < n; k++)
            if (args[k].k == TY_BOT)
                return ty_bot();   /* an argument not known yet: decided in a later sweep
                                      (a dyn result now would stick: joins only grow) */
        return call_builtin(callee.bi, args, n, i);
    }
    if (callee.k == TY_CLASS || callee.k == TY_METHOD)
        return classes_call_ty(r->in, r->c, i, callee, args, n, &r->c->mcallee[i->id], &r->global);
    if (callee.k == TY_UMETHOD && i->args[0]->op == MIR_GetAttr)   /* dispatch on the class */
        return classes_ucall_ty(r->in, r->c, i, callee, args, n, &r->global);
    if (callee.k == TY_FUNC && r->c->index == 0 && !classes_generic_runs(r->in, r->c->fn))
        return ty_dyn();   /* a method's generic version that never runs: no contexts */
    if (callee.k == TY_FUNC && (i->nnames != 0 || n != callee.fn->nparams))
        return bound_call_ty(r, i, (MirFunction *)callee.fn);
    if (callee.k != TY_FUNC || i->nnames != 0)
        return callee.k == TY_BOT ? ty_bot() : ty_dyn();
    MirFunction *f = (MirFunction *)callee.fn;
    if (gen_once(r->c, i, f) && n == f->nparams)
        return gen_call(r, i, f, args, n);
    if (gen_plain(f) && n == f->nparams && gen_loop_only(r->c, i))
        return gen_loop_call(r, i, f, args, n);
    if (!cloneable(f) || n != f->nparams)
        return ty_dyn();
    for (int k = 0; k < n; k++)
        if (args[k].k == TY_BOT)
            return ty_bot();   /* not yet known: come back in a later iteration */
    Ty closure[64];
    if (f->nfree > 64)
        return ty_dyn();
    if (f->nfree > 0) {
        /* only a function.new right here: its closure tuple is at hand for the direct call */
        const MirInst *mk = i->args[0];
        if (mk->op != MIR_MakeFunction || mk->args[2]->op != MIR_BuildTuple ||
            mk->args[2]->nargs != f->nfree)
            return ty_dyn();
        for (int k = 0; k < f->nfree; k++)
            closure[k] = T(r, mk->args[2]->args[k]);
    }
    InferCtx *target = ctx_for_call(r->in, f, args, closure, &r->global);
    r->c->callee[i->id] = target;
    /* (once the other context is known to return a scalar: no narrow clone made in vain) */
    InferCtx *nt = target && target->index > 0 && target->ret.k != TY_BOT &&
                           scalar_ty(target->ret)
                       ? narrow_call(r, f, args, n) : NULL;
    if (nt) {
        r->c->ncallee[i->id] = nt;
        return ty_join(target->ret, nt->ret);
    }
    return target ? target->ret : ty_dyn();
}

static int nonlocal(const Infer *in, const char *name)
{
    if (!name || strcmp(name, "__class__") == 0)
        return 1;   /* unknown, or filled by the runtime (rt_build_class) */
    for (int k = 0; k < in->nnonlocal; k++)
        if (strcmp(in->nonlocal_names[k], name) == 0)
            return 1;
    return 0;
}

/* The name of the variable a cell.new makes: from a cell.get on it, or from the free
 * variable it becomes in a function.new's closure. */
static const char *cell_name(const MirFunction *f, const MirInst *cell)
{
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            if ((i->op == MIR_CellGet) && i->args[0] == cell && i->str)
                return i->str;
            if (i->op == MIR_MakeFunction && i->args[2]->op == MIR_BuildTuple)
                for (int a = 0; a < i->args[2]->nargs; a++)
                    if (i->args[2]->args[a] == cell && i->func && a < i->func->nfree)
                        return i->func->freevars[a];
        }
    return NULL;
}

static InferCell *cell_of(Run *r, const MirInst *i)
{
    InferCtx *c = r->c;
    if (!c->cells[i->id]) {
        InferCell *cell = xcalloc(1, sizeof *cell);
        cell->owner = c;
        cell->id = i->id;
        cell->name = cell_name(c->fn, i);
        cell->content = nonlocal(r->in, cell->name) ? ty_dyn() : ty_bot();
        c->cells[i->id] = cell;
    }
    return c->cells[i->id];
}

static void cell_store(Run *r, InferCell *cell, Ty t)
{
    Ty j = ty_join(cell->content, t);
    if (!ty_eq(j, cell->content)) {
        cell->content = cell->changes++ >= WIDEN_AFTER ? ty_widen(cell->content, j) : j;
        r->global = 1;
    }
}

/* `from math import NAME` of the C math module: the known builtin math.NAME (as the
 * attribute load math.NAME), unless an attribute of that name is assigned anywhere. */
static Ty import_from_ty(Run *r, const MirInst *i)
{
    Ty o = T(r, i->args[0]);
    if (o.k == TY_BOT)
        return ty_bot();
    if (o.k != TY_MODULE || !o.mod || o.mod->init || !o.mod->name ||
        strcmp(o.mod->name, "math") != 0 || !i->str)
        return ty_dyn();
    for (int k = 0; k < r->in->nsetattr; k++)
        if (strcmp(r->in->setattr_names[k], i->str) == 0)
            return ty_dyn();
    char name[128];
    snprintf(name, sizeof name, "math.%s", i->str);
    for (int b = 0; b < TB__COUNT; b++)
        if (strcmp(ty_builtin_names[b], name) == 0)
            return (Ty){.k = TY_BUILTIN, .bi = b};
    return ty_dyn();
}

static Ty inst_ty(Run *r, MirInst *i)
{
    if (i->op == MIR_BinOp || i->op == MIR_InplaceOp || i->op == MIR_UnaryOp) {
        int handled;   /* an operand is an exact instance: its dunder (dunder.c) */
        Ty t = dunder_op_ty(r->in, r->c, i, &r->global, &handled);
        if (handled)
            return t;
    }
    switch (i->op) {
    case MIR_CellNew: {
        InferCell *cell = cell_of(r, i);
        if (i->args[0]->op != MIR_Undef)
            cell_store(r, cell, T(r, i->args[0]));
        return (Ty){.k = TY_CELL, .cell = cell};
    }
    case MIR_ClosureCell:
        return i->imm >= 0 && i->imm < r->c->nfree ? r->c->closure[i->imm] : ty_dyn();
    case MIR_CellGet: {
        Ty c = T(r, i->args[0]);
        if (c.k == TY_CELL) {   /* bottom: nothing stored yet (or ever: the load raises) */
            Ty t = c.cell->content;
            int64_t fl;   /* the stop of a comprehension's range, inside its loop */
            if (t.k == TY_INT && !nonlocal(r->in, i->str) &&
                comp_cell_floor(r->in, r->c, i, &fl) && fl > t.lo && fl <= t.hi)
                t = ty_int(fl, t.hi);
            return t;
        }
        return c.k == TY_BOT ? ty_bot() : ty_dyn();
    }
    case MIR_ConstInt: return ty_int(i->imm, i->imm);
    case MIR_ConstBigInt: return ty_int_any();
    case MIR_ConstFloat: return ty_kind(TY_FLOAT);
    case MIR_ConstTrue: case MIR_ConstFalse: case MIR_BoxBool: case MIR_Is: case MIR_Not:
    case MIR_Truthy: case MIR_ConstI1: case MIR_ExcMatch:
        return ty_kind(TY_BOOL);
    case MIR_ConstNone: return ty_kind(TY_NONE);
    case MIR_ConstStr: case MIR_BuildString: case MIR_FormatValue: return ty_kind(TY_STR);
    case MIR_BuildList: return ty_kind(TY_LIST);
    case MIR_BuildTuple: return ty_kind(TY_TUPLE);
    case MIR_BuildDict: return ty_kind(TY_DICT);
    case MIR_Undef: return ty_bot();
    case MIR_Param:
        return i->imm >= 0 && i->imm < r->c->nargs ? r->c->args[i->imm] : ty_dyn();
    case MIR_CheckBound: return T(r, i->args[0]);
    case MIR_GetItem: {   /* s[i], s[a:b] of an exact str: an exact str (or an error) */
        Ty a = T(r, i->args[0]);
        return a.k == TY_STR ? a : a.k == TY_BOT ? ty_bot() : ty_dyn();
    }
    case MIR_Narrow: {   /* not None here (dunder.c) */
        Ty x = T(r, i->args[0]);
        if (i->str)   /* a side of isinstance(x, K) */
            return isinstance_narrow(r, i, x);
        if (x.k == TY_OPT)
            return (Ty){.k = TY_INST, .cls = x.cls};
        if (x.k == TY_UNION && x.un->none)
            return ty_instances(x.un->cls, x.un->n, 0);
        if (x.k == TY_OPTF)
            return ty_kind(TY_FLOAT);
        if (x.k == TY_OPTTUP)
            return (Ty){.k = TY_TUPLE, .tup = x.tup};
        return x.k == TY_NONE ? ty_bot() : x;
    }
    case MIR_NarrowCmp:
        return narrow_cmp_ty(T(r, i->args[0]), T(r, i->args[1]), (int)i->imm);
    case MIR_NarrowIdx: {   /* s[x] worked: |x| <= len(s) <= SMALL_MAX */
        Ty x = T(r, i->args[0]), s = T(r, i->args[1]);
        if (x.k != TY_INT || (s.k != TY_LIST && s.k != TY_TUPLE && s.k != TY_STR))
            return x;
        return int_meet(x, -SMALL_MAX, SMALL_MAX - 1);
    }
    case MIR_MakeFunction: return (Ty){.k = TY_FUNC, .fn = i->func};
    case MIR_Import: return (Ty){.k = TY_MODULE, .mod = i->module};
    case MIR_GlobalLoad: return global_ty(r, i);
    case MIR_ImportFrom: return import_from_ty(r, i);
    case MIR_BuildClass: {
        Ty bases[8];
        int nb = i->nargs - 2 - i->nnames;
        for (int k = 0; k < nb && k < 8; k++)
            bases[k] = T(r, i->args[k + 2]);
        return classes_build_ty(r->in, i, bases, nb);
    }
    case MIR_GetAttr: {
        Ty o = T(r, i->args[0]);
        if (o.k == TY_INST || o.k == TY_UNION || o.k == TY_SUPER)
            return classes_getattr_ty(r->in, o, i->str);
        if (o.k == TY_NONE && i->str && strncmp(i->str, "__", 2) != 0)
            return ty_bot();   /* None has only dunder attributes: AttributeError (a value
                                  seen as None in an early round stays joinable) */
        if (o.k == TY_OPT && o.cls) {   /* a C's attribute, or None's AttributeError */
            Ty a = classes_getattr_ty(r->in, (Ty){.k = TY_INST, .cls = o.cls}, i->str);
            return a.k == TY_METHOD || a.k == TY_UMETHOD || a.k == TY_BUILTIN ? ty_dyn() : a;
        }
        if (o.k == TY_MODULE && o.mod && !o.mod->init && strcmp(o.mod->name, "math") == 0) {
            char name[128];
            snprintf(name, sizeof name, "math.%s", i->str);
            for (int k = 0; k < r->in->nsetattr; k++)
                if (strcmp(r->in->setattr_names[k], i->str) == 0)
                    return ty_dyn();
            for (int b = 0; b < TB__COUNT; b++)
                if (strcmp(ty_builtin_names[b], name) == 0)
                    return (Ty){.k = TY_BUILTIN, .bi = b};
        }
        return o.k == TY_BOT ? ty_bot() : ty_dyn();
    }
    case MIR_BinOp:
    case MIR_InplaceOp:
        return binop_ty((int)i->imm, T(r, i->args[0]), T(r, i->args[1]));
    case MIR_UnaryOp: {
        Ty a = T(r, i->args[0]);
        if (i->imm == UnOp_Not)
            return ty_kind(TY_BOOL);
        if (a.k == TY_INT)
            return i->imm == UnOp_USub ? ty_int_neg(a) : i->imm == UnOp_UAdd ? a
                   : ty_int_sub(ty_int_neg(a), ty_int(1, 1));   /* ~x is -x - 1 */
        if (a.k == TY_FLOAT && i->imm != UnOp_Invert)
            return a;
        if (a.k == TY_OPTF && (i->imm == UnOp_USub || i->imm == UnOp_UAdd))
            return ty_kind(TY_FLOAT);   /* (or TypeError for None) */
        return a.k == TY_BOT ? ty_bot() : ty_dyn();
    }
    case MIR_Compare: {
        Ty a = T(r, i->args[0]), b = T(r, i->args[1]);
        int op = (int)i->imm;
        if (op == Cmp_Is || op == Cmp_IsNot || op == Cmp_In || op == Cmp_NotIn)
            return ty_kind(TY_BOOL);   /* `in` makes a bool of any __contains__ result */
        if (a.k == TY_STR && b.k == TY_STR)
            return ty_kind(TY_BOOL);   /* str's comparisons (or TypeError) */
        if (op != Cmp_In && op != Cmp_NotIn && (a.k == TY_INT || a.k == TY_FLOAT) &&
            (b.k == TY_INT || b.k == TY_FLOAT))
            return ty_kind(TY_BOOL);
        if (op != Cmp_In && op != Cmp_NotIn &&
            (a.k == TY_INT || a.k == TY_FLOAT || a.k == TY_OPTF || a.k == TY_NONE) &&
            (b.k == TY_INT || b.k == TY_FLOAT || b.k == TY_OPTF || b.k == TY_NONE))
            return ty_kind(TY_BOOL);   /* float and None compare to a bool or raise */
        if (a.k == TY_BOT || b.k == TY_BOT)
            return ty_bot();
        return ty_dyn();
    }
    case MIR_Call:
        if (dunder_set_call(r->c, i)) {   /* s.add(x) & co. on an exact set: None */
            r->c->callee[i->id] = NULL;
            r->c->mcallee[i->id] = NULL;
            return ty_kind(TY_NONE);
        }
        return call_ty(r, i);
    case MIR_GetIter: {
        Ty a = T(r, i->args[0]);
        if (a.k == TY_RANGE)
            return (Ty){.k = TY_RANGEITER, .lo = a.lo, .hi = a.hi};
        return a.k == TY_BOT ? ty_bot() : ty_dyn();
    }
    case MIR_IterNext: {
        Ty a = T(r, i->args[0]);
        if (a.k == TY_RANGEITER)
            return ty_int(a.lo, a.hi);
        return a.k == TY_BOT ? ty_bot() : gen_loop_item(r, i, ty_dyn());
    }
    default:
        return ty_dyn();
    }
}

static int block_pos(const MirFunction *f, const MirBlock *b)
{
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i] == b)
            return i;
    return -1;
}

static void reach(Run *r, const MirBlock *b)
{
    int p = block_pos(r->c->fn, b);
    if (p >= 0 && !r->c->reached[p]) {
        r->c->reached[p] = 1;
        r->changed = 1;
    }
}

/* One pass over the blocks of the context; returns whether anything changed. */
static int sweep(Run *r)
{
    MirFunction *f = r->c->fn;
    r->changed = 0;
    r->c->reached[0] = 1;
    for (int bi = 0; bi < f->nblocks; bi++) {
        if (!r->c->reached[bi])
            continue;
        MirBlock *b = f->blocks[bi];
        for (int k = 0; k < b->ninsts; k++) {
            MirInst *i = b->insts[k];
            if (i->op == MIR_Phi) {
                Ty t = ty_bot();
                for (int a = 0; a < i->nargs; a++) {
                    int pp = block_pos(f, i->phi_blocks[a]);
                    if (pp >= 0 && r->c->reached[pp])
                        t = ty_join(t, T(r, i->args[a]));
                }
                set(r, i, t);
                continue;
            }
            if (i->op == MIR_Yield || i->op == MIR_YieldFrom) {
                /* yield from: items of another iterator, not followed */
                Ty t = ty_join(r->c->yield, i->op == MIR_Yield ? T(r, i->args[0]) : ty_dyn());
                if (!ty_eq(t, r->c->yield)) {
                    r->c->yield = r->c->yield_changes++ >= WIDEN_AFTER ? ty_widen(r->c->yield, t)
                                                                       : t;
                    r->global = 1;
                }
            }
            if (i->op == MIR_Ret) {
                /* a float-mode consumer returns its float or the int 0: int|float */
                Ty t = consume_mode(f) == 1 + CONSUME_FLOAT ? ty_join_num(r->c->ret, T(r, i->args[0]))
                                                            : ty_join(r->c->ret, T(r, i->args[0]));
                if (!ty_eq(t, r->c->ret)) {
                    r->c->ret = r->c->ret_changes++ >= WIDEN_AFTER ? ty_widen(r->c->ret, t) : t;
                    r->global = 1;
                }
            }
            if (i->op == MIR_GlobalStore && is_init(f)) {
                InferGlobal *g = global_get(r->in, f->module, i->str, 1);
                Ty t = ty_join(g->ty, T(r, i->args[0]));
                if (!ty_eq(t, g->ty)) {
                    g->ty = g->changes++ >= WIDEN_AFTER ? ty_widen(g->ty, t) : t;
                    r->global = 1;
                }
            }
            if (i->op == MIR_SetAttr)
                classes_setattr(r->in, r->c, i, T(r, i->args[0]), T(r, i->args[1]), &r->global);
            if (i->op == MIR_CellSet) {
                Ty c = T(r, i->args[0]);
                if (c.k == TY_CELL && i->args[1]->op != MIR_Undef)
                    cell_store(r, c.cell, T(r, i->args[1]));
            }
            if (mir_ops[i->op].flags & MF_VALUE)
                set(r, i, tuples_inst_ty(r->c, i, elems_inst_ty(r->in, r->c, i, inst_ty(r, i),
                                                                &r->global)));
            elems_effects(r->in, r->c, i, &r->global);
            /* a cbr on isinstance() the types decide reaches the branch taken only (-2: not
             * decided yet, neither) */
            int taken = i->op == MIR_CondBr ? dunder_branch(r->in, r->c, i) : -1;
            if (i->target && (taken == -1 || taken == 1))
                reach(r, i->target);
            if (i->target2 && (taken == -1 || taken == 0))
                reach(r, i->target2);
            if (i->exc)
                reach(r, i->exc);
        }
    }
    return r->changed;
}

static int analyse(Infer *in, InferCtx *c)
{
    Run r = {in, c, 0, 0};
    for (int n = 0; n < 1000 && sweep(&r); n++)
        ;
    return r.global;
}

static Infer *infer_once(MirProgram *p, Infer *prev)
{
    Infer *in = xcalloc(1, sizeof *in);
    in->prog = p;
    if (prev) {   /* the methods classes_verify opened */
        in->open_names = prev->open_names;
        in->nopen_names = prev->nopen_names;
        in->capopen_names = prev->capopen_names;
        in->open_fns = prev->open_fns;
        in->nopen_fns = prev->nopen_fns;
        in->capopen_fns = prev->capopen_fns;
        in->all_open = prev->all_open;
        prev->open_names = NULL;
        prev->open_fns = NULL;
        infer_free(prev);
    }
    find_globals(in);
    classes_find(in);
    for (int i = 0; i < p->nfuncs; i++)
        if (p->funcs[i]->nblocks > 0)
            ctx_new(in, p->funcs[i], 0, NULL, NULL);
    int changed = 1;
    for (in->rounds = 0; changed && in->rounds < MAX_ROUNDS; in->rounds++) {
        changed = 0;
        for (int i = 0; i < in->nctxs; i++)
            changed |= analyse(in, in->ctxs[i]);
    }
    if (changed)
        die("type inference did not reach a fixed point in %d rounds", MAX_ROUNDS);
    return in;
}

/* Inference assumes that the generic versions of methods reached only by direct calls never
 * run; classes_verify checks it on the result and opens those it cannot confirm, then the
 * program is analysed again (the open set only grows). */
Infer *infer_program(MirProgram *p)
{
    dunder_narrow(p);
    consume_prepare(p);
    Infer *in = infer_once(p, NULL);
    while (classes_verify(in) || funcs_verify(in) || dunder_verify(in))
        in = infer_once(p, in);
    for (int i = 0; i < p->nfuncs; i++)
        if (consume_host(p->funcs[i]))
            consume_set_order(p->funcs[i], fn_order(in, p->funcs[i], 0));
    layout_compute(in);
    return in;
}

void infer_free(Infer *in)
{
    if (!in)
        return;
    for (int i = 0; i < in->nctxs; i++) {
        InferCtx *c = in->ctxs[i];
        free(c->args);
        free(c->vals);
        free(c->visits);
        free(c->callee);
        free(c->ncallee);
        free(c->reached);
        for (int k = 0; k < c->nvals; k++)
            free(c->cells[k]);
        free(c->cells);
        free(c->mcallee);
        free(c->ucallee);
        free(c->closure);
        free(c);
    }
    free(in->ctxs);
    free(in->globals);
    free(in->cbodies);
    free(in->setattr_names);
    free(in->nonlocal_names);
    for (int i = 0; i < in->nclasses; i++)
        layout_free(in->classes[i]);
    classes_free(in);
    elems_free(in);
    for (int k = 0; k < in->ndefaults; k++) {
        free(in->defaults[k].pdefs);
        free(in->defaults[k].kw);
    }
    free(in->defaults);
    free(in);
}
