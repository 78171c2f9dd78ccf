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
/* The bound of a narrow context's int parameters (infer.c narrow_call): sums of two such
 * values and products of two such sums stay small ints (4 * B * B < 2**62). */
#define INFER_NARROW_MAX ((INT64_C(1) << 30) - 1)
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
    InferCtx **ncallee;     /* by SSA id of a call: its narrow context (infer.c narrow_call):
                               the call runs it when the int arguments pass the guard */
    int narrow;             /* a narrow context: int parameters within +-INFER_NARROW_MAX */
    unsigned char *reached; /* by block position: reachable in this context */
    MirFunction *clone;     /* specialize.c: the clone made for this context (index > 0) */
    int ret_changes, arg_changes;   /* widening counters */
    int nfree;
    Ty *closure;            /* per free variable: the cell (TY_CELL) or dyn */
    InferCell **cells;      /* by SSA id of a cell.new */
    InferCtx **mcallee;     /* classes.c, by SSA id of a call: the context of the method a
                               call o.m(...) runs, or of __init__ at C(...), or NULL */
    InferCtx **ucallee;     /* classes.c, by SSA id * TY_UNION_MAX + k of a call o.m(...) with
                               o a union: the context of member k's method, or NULL (that
                               class takes the generic call); allocated on first use */
    int genconv;            /* a generator function (a generator expression) made and called
                               once at a known site: its clone keeps the generic calling
                               convention (a separate generic function with typed body), which
                               that site's function.new uses (callee[] of the function.new) */
    Ty yield;               /* the join of the values the body yields (consume.c) */
    int gencall;            /* a generator function (def with yield) called directly from a
                               typed context, its generator consumed only by that for loop
                               (infer.c gen_loop_only): also genconv; the call site makes the
                               clone's function object (specialize.c) and the loop variable
                               gets the join of the yields */
    int yield_changes;
};

/* One attribute name of a class (or of the program's dyn receivers): the join of the values
 * stored to it. */
typedef struct InferAttr {
    const char *name;       /* interned */
    Ty ty;
    int changes;            /* widening counter */
    const MirInst *dyn_at;  /* the store that made it dyn (explain) */
    const MirFunction *dyn_fn;
    const MirInst *first_at;    /* the first store seen (explain: the store on a receiver of
                                   unknown class whose type conflicts with the class's) */
    const MirFunction *first_fn;
} InferAttr;

/* A class statement (class.build) of a module body (classes.c).  Plain: no keywords or
 * metaclass, at most one base which is itself a known plain class (or object), and a body
 * that defines none of the attribute hooks (__getattribute__, __getattr__, __setattr__,
 * __delattr__, __slots__, __new__).  Only plain classes get TY_CLASS / TY_INST types. */
typedef struct InferClass {
    const MirInst *build;   /* the class.build */
    int id;                 /* its position in Infer.classes (the order of unions) */
    int opaque;             /* the body binds a name to something other than a plain def, a
                               constant or an alias of a method (a descriptor's code may get
                               an instance: leaks.c) */
    int leaks;              /* leaks.c: an instance may be held by a dyn value */
    int dispatched;         /* some call on a union dispatches on it, or a clone of one of its
                               methods loads it for super() (class.reg after its class.build:
                               specialize.c) */
    int folded;             /* a load of its global that cannot fail reads it (class.get:
                               specialize.c), so class.reg registers it */
    const MirFunction *body;
    const MirModule *mod;   /* the module whose body runs the class statement */
    const char *qualname;
    int plain;
    const char *why;        /* why not plain (explain) */
    int resolved;           /* the base is known (first analysis of the class.build) */
    struct InferClass *base;/* NULL: object */
    const char **names;     /* the class namespace: names stored by the body */
    const MirFunction **methods;   /* per name: the function of a plain `def`, else NULL */
    int nnames;
    InferAttr *attrs;       /* instance attributes stored on exact instances of the class */
    int nattrs, capattrs;
    /* layout.c: 1 when instances have a fixed layout (slots inline), -1 not, 0 not decided */
    int fixed;
    const char *nofix;      /* why not (explain), or NULL */
    const char **slots;     /* slot names: the base's slots first (same indexes) */
    unsigned char *slot_f64;/* per slot: 1 for an unboxed double */
    int nslots;
} InferClass;

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
    const MirInst *val;     /* the value of the single store (order >= 0), else NULL */
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
    InferClass **classes;         /* classes.c: every class.build of a module body */
    int nclasses;
    InferAttr *dynattrs;          /* attributes stored on receivers not known to be an
                                     instance of one class: they may be any class's */
    int ndynattrs, capdynattrs;
    /* classes.c: methods whose generic version may run (carried over when inference is
     * rerun after classes_verify found one more): by name, by function, or all of them */
    const char **open_names;
    int nopen_names, capopen_names;
    const MirFunction **open_fns;
    int nopen_fns, capopen_fns;
    int all_open;
    int delegates;                /* some function has `yield from` or `await`: the runtime
                                     calls .send/.throw of the objects it delegates to */
    struct InferElems *elems;     /* elems.c: list creation sites and their element types */
    struct InferDefaults *defaults;   /* infer_bind: per function, its constant defaults (taken
                                         during inference, before specialisation rewrites) */
    int ndefaults, capdefaults;
    /* unbox.c: per abstract list site (elems.c bit), its storage (0 boxed, UNBOX_*), the
     * site's creation (function, line) and, when boxed, why and where that was decided */
    int cloned;             /* infer_clone_all ran */
    unsigned char unbox[64];
    const char *unbox_why[64];
    const MirFunction *unbox_fn[64], *unbox_wfn[64];
    int unbox_line[64];
    Loc unbox_loc[64];
    /* infer.c class_orders: the class bodies of module-level class statements and the order
     * (as InferGlobal.order) after which their methods can run */
    struct InferCBody { const MirFunction *body; int order, quiet; } *cbodies;
    int ncbodies, capcbodies;
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
/* The constant a load that cannot fail (infer_load_safe) always reads: the value instruction
 * (const.*) of its global's single store, or NULL (not constant, or the load may fail). */
const MirInst *infer_load_const(const Infer *in, const MirFunction *f, const MirInst *load);
/* The same without the safety test: the constant its global's single store stores (for a
 * load already known to be safe: specialize decides before it rewrites a module body). */
const MirInst *infer_global_const(const Infer *in, const MirFunction *f, const MirInst *load);
/* Is call i (in context c) abs/min/max/int/float of numbers with an inline typed form? */
int infer_numeric_builtin(const InferCtx *c, const MirInst *i);
/* The single function.new of f in the program, or NULL (none, or several). */
const MirInst *infer_single_make(const Infer *in, const MirFunction *f);

/* infer.c, for classes.c: may f be called with a native signature; the context a direct
 * call with these argument types goes to (sets *changed when new or widened). */
int infer_cloneable(const MirFunction *f);
InferCtx *infer_ctx_for_call(Infer *in, MirFunction *f, const Ty *args, const Ty *closure,
                             int *changed);

/* funcs.c: may the generic version of module-level function f run (else every call of it is
 * a direct call of a clone, checked by funcs_verify, which opens those it cannot confirm and
 * returns 1 when inference must run again)? */
int funcs_generic_runs(const Infer *in, const MirFunction *f);
int funcs_verify(Infer *in);

/* tuples.c: refines the type dflt of instruction i with tuple item types (tuple[T1, ..., Tn]:
 * tuple displays, unpacking, tuple.item, t[k]). */
Ty tuples_inst_ty(const InferCtx *c, const MirInst *i, Ty dflt);

/* classes.c: known classes, instance attribute types, direct method calls. */
void classes_find(Infer *in);
void classes_free(Infer *in);
/* Transfer functions; *global set when something other contexts read changed. */
Ty classes_build_ty(Infer *in, const MirInst *build, const Ty *bases, int nbases);
Ty classes_getattr_ty(const Infer *in, Ty obj, const char *name);
void classes_setattr(Infer *in, const InferCtx *c, const MirInst *store, Ty obj, Ty value,
                     int *global);
/* explain: the store that made .name dyn for instances of cls (NULL: none known). */
const MirInst *classes_dyn_store(const Infer *in, const InferClass *cls, const char *name,
                                 const MirFunction **fn);
/* May the generic version of f run (else it is a method that only direct calls reach)? */
int classes_generic_runs(const Infer *in, const MirFunction *f);
/* The verifiers' walk: fn on every instruction of a reached block of every context that
 * runs (not a generic version that never runs); the OR of its results (1: something opened). */
typedef int (*RunningInstFn)(Infer *in, const InferCtx *c, const MirInst *i);
int classes_each_running(Infer *in, RunningInstFn fn);
/* After a fixed point: opens the methods whose generic version may run after all (a dynamic
 * lookup of the name, a class call that is not direct, a class object that escapes);
 * returns 1 when one was opened (inference must run again). */
int classes_verify(Infer *in);
/* A call of callee type TY_CLASS or TY_METHOD: its result type; sets *callee to the context of
 * __init__ / the method when the call can be direct. */
Ty classes_call_ty(Infer *in, const InferCtx *from, const MirInst *call, Ty callee,
                   const Ty *args, int n, InferCtx **callee_ctx, int *global);
/* super() (call: the builtin super, the __class__ cell's content, the first parameter) in a
 * method of a plain class whose self is an exact instance: TY_SUPER, else dyn; its getattr of
 * a plain def found after that class on the MRO is the method bound to self (TY_METHOD). */
Ty classes_super_ty(const Infer *in, const InferCtx *c, const MirInst *call, Ty callee);
/* The plain class whose namespace binds method f (NULL: none). */
InferClass *classes_owner(const Infer *in, const MirFunction *f);
/* Does f (a method) have just the __class__ cell as free variable, read only by cell.get
 * (zero-argument super())?  Its clones then take no closure: the class is loaded from its
 * registration (class.get; specialize.c). */
int classes_class_cell_only(const MirFunction *f);
/* leaks.c: marks the classes whose exact instances may be held by a dyn value (after a
 * fixed point, before the verifiers); classes_open_leaking opens the method `name` of every
 * such class (a dyn receiver or operand may be one of them); 1 when one was opened. */
void leaks_compute(Infer *in);
/* infer.c: is name one of the builtins module's? */
int infer_is_builtin_name(const char *name);
int classes_open_leaking(Infer *in, const char *name);
/* elems.c: may a list stored as attribute `name` of a receiver of type o stay tracked (loads
 * on typed receivers give it back; no running code reads the name on an unknown receiver)? */
int elems_attr_tracked(Infer *in, Ty o, const char *name);
/* A call o.m(args) with o a union (callee TY_UMETHOD): one context per member class (NULL:
 * that class takes the generic call) in c->ucallee; the join of their results. */
Ty classes_ucall_ty(Infer *in, InferCtx *c, const MirInst *call, Ty callee, const Ty *args,
                    int n, int *global);
/* The context member k of the union receiver of call `call` runs (NULL: the generic call). */
InferCtx *classes_ucallee(const InferCtx *c, const MirInst *call, int k);
/* The __init__ found on cls's MRO (NULL: none, object's); *other set when the name is bound
 * to something else than a plain def. */
const MirFunction *classes_lookup(const Infer *in, const InferClass *cls, const char *name,
                                  int *other);
/* The attribute type of .name on exact instances of cls (bottom: never stored). */
Ty classes_attr_ty(const Infer *in, const InferClass *cls, const char *name);
void classes_explain(FILE *out, const Infer *in, const char *file);
/* layout.c: fixed layouts of closed classes (after inference); layout_slot gives the slot
 * index of .name on exact instances of c when a typed access may use it (else -1), *f64 set
 * for an unboxed double slot. */
void layout_compute(Infer *in);
void layout_free(InferClass *c);
int layout_slot(const Infer *in, const InferClass *c, const char *name, int *f64);
void layout_explain(FILE *out, const Infer *in, const InferClass *c);
/* dunder.c: operator dunders of exact instances as direct calls, isinstance constants
 * (typed.md "Operator dunders").  dunder_op_ty types a binop/inplace/unop site (*handled 0:
 * no exact instance among the operands, the numeric rules apply) and sets c->mcallee[site]
 * to the dunder's context when the site is a direct call; dunder_target gives that context
 * back (NULL: generic) with *swap when the call is fn(b, a); dunder_closed: may the generic
 * version of operator dunder `name` of class c be assumed not to run (unless classes.c's
 * open names say otherwise); dunder_alias_load: is this name.load the `M` of a class-body
 * alias `A = M` of operator dunders; dunder_verify opens the names whose generic version
 * may run after all (1: inference must run again); dunder_isinstance: isinstance(x, K) is
 * 1/0 when the types decide it, -1 unknown, -2 not known yet; dunder_branch the same for a
 * cbr on it (through truthy and not). */
Ty dunder_op_ty(Infer *in, InferCtx *c, const MirInst *i, int *global, int *handled);
InferCtx *dunder_target(const Infer *in, const InferCtx *c, const MirInst *i, int *swap);
int dunder_closed(const Infer *in, const InferClass *c, const char *name);
int dunder_alias_load(const Infer *in, const MirFunction *f, const MirInst *load);
int dunder_verify(Infer *in);
int dunder_isinstance(const Infer *in, const InferCtx *c, const MirInst *call);
int dunder_branch(const Infer *in, const InferCtx *c, const MirInst *cbr);
/* Is operand a of i the class argument of isinstance (which calls nothing of a plain class)? */
int dunder_class_arg_ok(const InferCtx *c, const MirInst *i, int a);
/* The name of method call `x.name(...)` (the getattr right there, no keywords) when x is of
 * kind k, else NULL: the recognisers below start from it. */
const char *dunder_method_on(const InferCtx *c, const MirInst *call, TyKind k);
/* s.add(x), s.discard(x), s.remove(x) on an exact set (the getattr right there): which one
 * (DUNDER_SET_*), else 0; dunder_set_method: is name one of them. */
enum { DUNDER_SET_ADD = 1, DUNDER_SET_DISCARD, DUNDER_SET_REMOVE };
int dunder_set_call(const InferCtx *c, const MirInst *call);
int dunder_set_method(const char *name);
/* x.append(v) and x.pop() on an exact list (the getattr right there, no keywords): which one
 * (DUNDER_LIST_*), else 0; dunder_list_method: is name one of them. */
enum { DUNDER_LIST_APPEND = 1, DUNDER_LIST_POP, DUNDER_LIST_POP_AT };
int dunder_list_call(const InferCtx *c, const MirInst *call);
int dunder_list_method(const char *name);
/* s.isdigit() & co. (no arguments) on an exact str: 1 + the index of the name in
 * dunder_str_preds (str.pred's imm - 1), else 0; dunder_str_pred: the same for a name. */
extern const char *const dunder_str_preds[];
/* d.get(k) / d.get(k, default) on an exact dict (the getattr right there, no keywords). */
int dunder_dict_get_call(const InferCtx *c, const MirInst *call);
int dunder_str_pred_call(const InferCtx *c, const MirInst *call);
int dunder_str_pred(const char *name);
/* Before inference: after a cbr on `x is None` / `x is not None` whose not-None successor has
 * that single predecessor, a `narrow x` there replaces x in the code it dominates (inference
 * types it C where x is C|None). */
void dunder_narrow(MirProgram *p);
/* classes.c: marks the methods of this name open (their generic version may run); 1 when one
 * was closed before. */
int classes_open_name(Infer *in, const char *name);
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
/* elems.c, for unbox.c: site k's element type (dyn when it escaped), its creating context and
 * instruction id; 0 when k is the shared site or unused. */
int elems_site(const Infer *in, int k, Ty *elem, const InferCtx **c, int *id);
/* unbox.c: unboxed list storage (typed.md "Unboxed lists").  unbox_decide runs once the
 * clones exist, before the rewrite; unbox_kind: the storage of every list a value of type t
 * (a list or enumerate of lists) may be, or 0 (boxed). */
enum { UNBOX_BOOL = 1, UNBOX_INT = 2, UNBOX_FLOAT = 3 };
void unbox_decide(Infer *in);
int unbox_kind(const Infer *in, Ty t);
void unbox_explain(FILE *out, const Infer *in, const char *file);

/* slotguard.c: versions straight-line runs of slot accesses behind one test of the receivers'
 * slot bits (after a body is specialised); returns whether it versioned any. */
int slotguard_function(MirFunction *f);
/* reserve.c: a list.reserve before each comprehension loop over a counted range whose every
 * step appends once; returns how many were added */
int reserve_function(MirFunction *f);
/* bounds.c: marks the list accesses of counted loops over range(len(L)) that are proven in
 * range (imm 1: no bounds check) and versions those of other counted loops on a flag tested
 * once before the loop (bounds.ok, in.range); returns how many */
int bounds_function(MirFunction *f);
int bounds_quiet_op(MirOp op);
/* cells.c: closure.cell imm2 1 when no read of the cell can see a change during a call of
 * the function (codegen loads it once), 2 when also never empty (no test); after every body
 * is specialised */
void cells_program(MirProgram *p);

/* Binds the arguments of call `call` (callee f, a known function) to f's parameters at compile
 * time: src[p] = the call operand for parameter p, or 0 with defs[p] the constant default
 * (defaults and keyword-only defaults that are constants, from f's single function.new, when
 * nothing can reassign __defaults__/__kwdefaults__).  Returns 0 when the shape cannot be bound
 * statically (the generic call then raises CPython's TypeError at run time). */
int infer_bind(const Infer *in, const MirFunction *f, const MirInst *call, int *src,
               const MirInst **defs);

/* specialize.c: the unpack.seq 2 of iter.next x over enumerate(list) when the pair goes
 * nowhere else (x's only use, opening its body, whose tuple feeds only tuple.item there: the
 * lowering of `for i, v in enumerate(a)` and of comprehensions over it), or NULL; uses: the
 * use count of each value of x's function.  Such loops become enum.next / enum.item. */
const MirInst *spec_enum_unpack(const InferCtx *c, const int *uses, const MirInst *x);
/* specialize.c: `for x, y in zip(a, b)` of two exact lists (or `for i, x in enumerate(a)` of
 * one: a call of one argument), the zip and its iterator made for that loop only (lowering's
 * gen.fresh / iter.release aside), the pair going only to the unpack heading the body, whose
 * items only tuple.item reads: that unpack.seq, else NULL (fn: the function x is in, c's or
 * its clone's copy).  Such loops count over the lists (len re-read every step, then list.get
 * of both; for enumerate the counter and the item at it). */
const MirInst *spec_zip_unpack(const InferCtx *c, const MirFunction *fn, const MirInst *x);
/* specialize.c: rewrites the program into typed MIR (verifies every function). */
/* specialize.c, for explain: x (a get.iter or the zip/range call under it) is replaced by the
 * lists or bounds a call in c passes to a consumer or comprehension clone. */
int spec_iter_passed(const Infer *in, const InferCtx *c, const MirInst *x);
void infer_clone_all(Infer *in);
void infer_specialize(Infer *in);
/* escape.c: marks the inst.new whose instance stays in its frame (imm2: its class's slot
 * count; codegen allocates it in the frame); with out, explain's "stack allocation" section
 * for the sites in file. */
void escape_program(Infer *in, FILE *out, const char *file);

/* consume.c: consumer clones of generator expressions consumed by sum (typed.md).  Modes of
 * the accumulator; consume_prepare builds the consumer functions of every site (before
 * inference); consume_mode(f) is 1 + the mode of a consumer function, else 0; consume_sum_ty
 * types a call sum(<genexpr>) in context c (returns 0 when it is not such a site: the builtin's
 * usual typing applies), setting c->callee[call] to the consumer's context when it is fused;
 * consume_gen_call gives the generator call of a site (the call that makes the generator). */
/* CONSUME_FLOAT1: float items over an iteration proven non-empty (one `for` over a range
 * whose bounds prove an item, no `if`): no "seen" flag, the result is always the float. */
enum { CONSUME_FLOAT, CONSUME_INT, CONSUME_ANY, CONSUME_ALL, CONSUME_MIN, CONSUME_MAX,
       CONSUME_FLOAT1, CONSUME_NMODES };
/* The builtin a consumer function of mode m (consume_mode - 1) stands for: "sum", "any", ... */
const char *consume_builtin(int mode);
void consume_prepare(MirProgram *p);
int consume_mode(const MirFunction *f);
int consume_sum_ty(Infer *in, InferCtx *c, const MirInst *call, int *global, Ty *out);
const MirInst *consume_gen_call(const MirInst *sum_call);
/* explain: the line of the sum that runs the consumer clone instead of generator context g,
 * when every call of g is fused that way (else 0). */
int consume_fused(const Infer *in, const InferCtx *g);
/* explain: the builtin ("sum", "any", "all") of a site whose generator context is g. */
const char *consume_fused_name(const InferCtx *g);
/* Is consumer context t called by a fused sum?  The function whose sum call a consumer
 * function serves (it runs only from there: infer_load_safe), else NULL. */
int consume_used(const Infer *in, const InferCtx *t);
const MirFunction *consume_host(const MirFunction *f);
/* The definition order (infer.c fn_order) of a consumer function, computed at the end of
 * inference (specialisation drops the function.new that the search would find). */
int consume_order(const MirFunction *f, int *order);
/* Does consumer context t iterate a zip of two lists made for its call only, as
 * `for x, y in .0`?  Then its clone takes the two lists and counts (specialize.c). */
int consume_zip(const InferCtx *t);
/* Does consumer context t iterate iter(range(...)) made for its call only (items proven
 * small), as `for v in .0`?  Then its clone takes the range's start and stop (i64, a stop not
 * proven small clamped as for counted loops) and counts; *nargs: the range call's argument
 * count, *step: its step (1 or the constant third argument). */
int consume_range(const InferCtx *t, int *nargs, int64_t *step);
/* Does consumer context t iterate iter(x) of an exact list x made for its call only, as
 * `for v in .0`?  Then its clone takes the list and counts (len re-read every step, as a list
 * iterator does, unless nothing in the clone runs code). */
int consume_list(const InferCtx *t);
/* Is t a consumer context over iter(enumerate(x)) of a list made for that call only (the
 * builtin enumerate, no start), whose body's only use of .0 is `for i, v in .0`?  Then the
 * clone takes x and counts as a comprehension clone of comp_iter kind 4 does. */
int consume_enum(const InferCtx *t);
/* Is t the context of a comprehension called where it is made with iter(zip(a, b)) (1),
 * iter(range(...)) (2, *nargs and *step as consume_range), iter(x) of a list (3) or
 * iter(enumerate(x)) of a list (4, its body opening with `for i, v in .0`), made for that
 * call only, which its body iterates as the consumers above do (and every caller's callee
 * the builtin zip / range / enumerate, or x an exact list)?  Then its clone takes the lists
 * or bounds and counts, as a consumer clone does (specialize.c); else 0. */
/* A comprehension context t called only as `[... for v in range(X)]` with X read from a cell
 * that is also its closure cell read by `get`, where get runs only after the loop produced an
 * item: *floor is the least X then (1, or start + 1 of a constant start).  The caller
 * (infer.c) checks that no function stores the cell (nonlocal): the host is suspended in the
 * call, so the cell still holds X. */
int comp_cell_floor(const Infer *in, const InferCtx *t, const MirInst *get, int64_t *floor);
int comp_iter(const Infer *in, const InferCtx *t, int *nargs, int64_t *step);
void consume_set_order(const MirFunction *f, int order);
/* explain.c: `aithon explain` and `aithon check --types` reports on the main module's file
 * (only functions whose file is `file`; NULL: every function). */
void infer_explain(FILE *out, Infer *in, const char *file);
void infer_stub(FILE *out, const Infer *in, const char *file);

#endif
