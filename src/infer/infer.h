/*
 * infer.h - the typed tier: whole-program type inference over SSA MIR, specialisation into
 * typed MIR, and the reports (docs/internals/typed.md).
 *
 * Pipeline (src/main.c): after ssa + simplify, infer_program() analyses every function in
 * every calling context it can see (one generic context with dyn parameters per function, plus
 * up to INFER_MAX_CLONES contexts per function keyed by the kinds of the argument types at
 * direct call sites); infer_specialize() then rewrites each generic function in place and
 * emits one clone (a native function, MirFunction.origin set) per extra context, with typed
 * ops (mir_sig.def) where the types allow and the generic ops elsewhere.  explain.c reports
 * what was inferred and why operations stayed dynamic.
 */
#ifndef AITHON_INFER_H
#define AITHON_INFER_H

#include <stdio.h>

#include "../mir/mir.h"
#include "types.h"

#define INFER_MAX_CLONES 4
/* CodeInfo flags (RT_CO_* of runtime/include/rt_func.h, which the compiler does not include):
 * varargs 1, varkeywords 2, generator 4, coroutine 8, async generator 16, class body 64. */
#define INFER_CO_SUSPENDS 0x1cu     /* generator, coroutine, async generator */
#define INFER_CO_NOT_NATIVE 0x5fu   /* these and varargs, varkeywords, class body */

typedef struct InferCtx InferCtx;

/* A closure cell made by cell.new in one context: what it may hold (the join of its initial
 * value and every cell.set on it; dyn when an inner function assigns the variable through
 * `nonlocal`, or for cells the runtime fills, such as __class__). */
typedef struct InferCell {
    InferCtx *owner;
    int id;                 /* the cell.new's value id */
    const char *name;
    Ty content;
    int changes;
} InferCell;
struct InferCtx {
    MirFunction *fn;        /* the analysed function (the generic one) */
    int index;              /* 0: the generic context; 1..: specialisations */
    int nargs;
    Ty *args;               /* per parameter */
    Ty *vals;               /* by SSA id */
    unsigned char *visits;  /* by SSA id: phi widening counters */
    int nvals;
    Ty ret;                 /* join of the returned values (bottom: never returns) */
    InferCtx **callee;      /* by SSA id of a call: the context it calls directly, or NULL */
    unsigned char *reached; /* by block position: reachable in this context */
    MirFunction *clone;     /* specialize.c: the clone made for this context (index > 0) */
    int ret_changes, arg_changes;   /* widening counters */
    int nfree;
    Ty *closure;            /* per free variable: the cell (TY_CELL) or dyn */
    InferCell **cells;      /* by SSA id of a cell.new */
    int genconv;            /* a generator function (a generator expression) made and called
                               once at a known site: its clone keeps the generic calling
                               convention (a separate generic function with typed body), which
                               that site's function.new uses (callee[] of the function.new) */
};

/* One module-level name. */
typedef struct InferGlobal {
    const MirModule *mod;
    const char *name;       /* interned */
    int nstores;            /* stores in the module's top-level code */
    int unstable;           /* rebound elsewhere, deleted, or dynamic escapes (why, loc) */
    const char *why;
    Loc why_loc;
    const char *why_file;
    int order;              /* position of the single store in the straight-line prefix of
                               the module body, or -1 */
    Ty ty;                  /* join of the stored values' types */
    int changes;            /* widening counter */
} InferGlobal;

typedef struct Infer {
    MirProgram *prog;
    InferCtx **ctxs;
    int nctxs, capctxs;
    InferGlobal *globals;
    int nglobals, capglobals;
    const char **setattr_names;   /* attribute names stored or deleted anywhere (setattr) */
    int nsetattr, capsetattr;
    const char *escape;           /* a dynamic escape of the whole program (globals() etc.) */
    const MirFunction *escape_fn;
    Loc escape_loc;
    int rounds;
    const char **nonlocal_names;  /* free variables assigned by inner functions */
    int nnonlocal, capnonlocal;
    struct InferElems *elems;     /* elems.c: list creation sites and their element types */
    struct InferDefaults *defaults;   /* infer_bind: per function, its constant defaults (taken
                                         during inference, before specialisation rewrites) */
    int ndefaults, capdefaults;
} Infer;

Infer *infer_program(MirProgram *p);
void infer_free(Infer *in);
/* The generic context of f (every function that has a body has one). */
InferCtx *infer_generic(const Infer *in, const MirFunction *f);
/* Type of value v in context c. */
static inline Ty infer_ty(const InferCtx *c, const MirInst *v)
{
    return v && v->id >= 0 && v->id < c->nvals ? c->vals[v->id] : ty_dyn();
}
/* The stable-global record of (module, name), or NULL. */
const InferGlobal *infer_global(const Infer *in, const MirModule *m, const char *name);
/* Is a global.load of `name` in function f of a known builtin (not rebindable)? Its id. */
int infer_builtin(const Infer *in, const MirFunction *f, const char *name);
/* Can this global.load in f never fail (stable global bound before f can run)? */
int infer_load_safe(const Infer *in, const MirFunction *f, const MirInst *load);

/* elems.c: element types of lists (creation sites, escape analysis; docs/internals/typed.md).
 * elems_inst_ty refines the type inst_ty gave instruction i (dflt); elems_effects applies what
 * i does to the lists among its operands (stores, escapes).  Both set *global on a change. */
Ty elems_inst_ty(Infer *in, InferCtx *c, const MirInst *i, Ty dflt, int *global);
void elems_effects(Infer *in, InferCtx *c, const MirInst *i, int *global);
/* The element type of a list or list iterator type (dyn when unknown or escaped). */
Ty elems_of(const Infer *in, Ty list);
/* Why the elements of this list type are dyn (an escape), or NULL; loc/file of the cause. */
const char *elems_why(const Infer *in, Ty list, Loc *loc);
void elems_free(Infer *in);

/* Binds the arguments of call `call` (callee f, a known function) to f's parameters at compile
 * time: src[p] = the call operand for parameter p, or 0 with defs[p] the constant default
 * (defaults and keyword-only defaults that are constants, from f's single function.new, when
 * nothing can reassign __defaults__/__kwdefaults__).  Returns 0 when the shape cannot be bound
 * statically (the generic call then raises CPython's TypeError at run time). */
int infer_bind(const Infer *in, const MirFunction *f, const MirInst *call, int *src,
               const MirInst **defs);

/* specialize.c: rewrites the program into typed MIR (verifies every function). */
void infer_specialize(Infer *in);

/* explain.c: `aithon explain` and `aithon check --types` reports on the main module's file
 * (only functions whose file is `file`; NULL: every function). */
void infer_explain(FILE *out, const Infer *in, const char *file);
void infer_stub(FILE *out, const Infer *in, const char *file);

#endif
