/*
 * lower_internal.h - what the files of src/lower share and nobody else sees.
 *
 *   lower.c        lower_program(), modules, imports, functions (entry code: parameters, cells,
 *                  closures), name access by scope, the emission helpers
 *   lower_expr.c   expressions (values) and conditions (branches)
 *   lower_stmt.c   statements: assignment, control flow, try/except/finally, with, def, class
 *   lower_match.c  match statements
 *
 * Emission model.  `F->cur` is the block being filled; NULL means the code being lowered is
 * unreachable (after return/raise/break/continue) and statements are skipped.  A raising
 * instruction ends its block: emit_r() sets its exceptional successor to the innermost handler
 * (F->exc, created on first use), appends `br` to a fresh block and continues there.  Join points
 * are Labels whose block is created when the first edge reaches it, so no block without
 * predecessors is ever made (every block has a terminator).
 *
 * Values of Python locals go through var.load/var.store (the `ssa` pass builds SSA); values
 * that only flow within one expression (and/or, conditional expressions, chained comparisons)
 * are joined with phis directly.
 */
#ifndef AITHON_LOWER_INTERNAL_H
#define AITHON_LOWER_INTERNAL_H

#include <setjmp.h>
#include "lower.h"

/* A join point whose block is made on first use. */
/* CodeInfo.flags (RT_CO_* of runtime/include/rt_func.h; the compiler does not include the
 * runtime's headers, so the values are repeated here and must stay equal). */
enum {
    RT_CO_VARARGS_ = 1u << 0,
    RT_CO_VARKEYWORDS_ = 1u << 1,
    RT_CO_GENERATOR_ = 1u << 2,
    RT_CO_COROUTINE_ = 1u << 3,
    RT_CO_ASYNC_GEN_ = 1u << 4,
    RT_CO_NESTED_ = 1u << 5,
    RT_CO_CLASS_BODY_ = 1u << 6,
};

typedef struct Label {
    MirBlock *b;
    const char *name;
} Label;

/* Where exceptions raised by the code being lowered go. */
typedef struct ExcTarget {
    MirBlock *b;           /* made on first use (except the unwind target, made eagerly) */
    const char *name;
} ExcTarget;

/* What leaving a construct early (break, continue, return) must run, innermost last. */
typedef enum UnwindKind { UW_LOOP, UW_FINALLY, UW_WITH, UW_HANDLER } UnwindKind;
typedef struct Unwind {
    UnwindKind kind;
    ExcTarget *exc;          /* the exception target outside the construct */
    Label *brk, *cont;       /* UW_LOOP */
    MirInst *iter, *fresh;   /* UW_LOOP over what may be a fresh generator (gen.fresh): released
                                (iter.release) when the loop is left by break or return */
    const NodeList *final;   /* UW_FINALLY: the finally body, lowered again on each exit */
    MirInst *exit;           /* UW_WITH: the bound __exit__ (__aexit__, awaited, when is_async) */
    int is_async;
    Loc loc;
    MirInst *prev;           /* UW_HANDLER: the exception handled before the handler began */
    const char *name;        /* UW_HANDLER: the `as` name to unbind (mangled), or NULL */
} Unwind;

typedef struct Lower Lower;

/* One function being lowered. */
typedef struct LowerFn {
    Lower *L;
    MirFunction *f;
    Scope *scope;
    MirBlock *cur;
    ExcTarget *exc;          /* innermost exception target */
    ExcTarget unwind;        /* the function's unwind block */
    MirInst *ns;             /* class body: the namespace (param 0) */
    /* cells: CELL symbols (made at entry) and FREE ones (from the closure), by name */
    const char **cellnames;
    MirInst **cells;
    int ncells;
    /* variable slots of fast locals, by name */
    const char **varnames;
    int *varslots;
    int nvars, capvars;
    Unwind *uw;
    int nuw, capuw;
} LowerFn;

struct Lower {
    MirProgram *p;
    MirModule *mod;
    const LowerModule *lm;
    const LowerModule *mods;
    MirModule **mirmods;
    int nmods;
    Diag *err;
    Arena *tmp;              /* scratch of the whole lowering (freed on success and on error) */
    jmp_buf fail;            /* user errors longjmp here (lower_program is the only setjmp) */
    int nsym;                /* counter for unique native symbols */
    int depth;
    /* a cursor into lm->src for src_line_text (lowering reads lines mostly forwards) */
    const Source *cur_src;
    int cur_line;
    size_t cur_off;
};

/* ---- lower.c ---- */
noreturn void lower_fail(Lower *L, Loc loc, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Scratch memory in L->tmp: nothing to free, also when a user error longjmps out. */
void *tmp_alloc(LowerFn *F, size_t n);
void *tmp_grow(LowerFn *F, void *p, size_t oldn, size_t n);
MirInst *emit(LowerFn *F, MirOp op, MirInst **args, int n, Loc loc);
MirInst *emit_r(LowerFn *F, MirOp op, MirInst **args, int n, Loc loc);
MirInst *emit0(LowerFn *F, MirOp op, Loc loc);
MirInst *emit1(LowerFn *F, MirOp op, MirInst *a, Loc loc);
MirInst *emit1_r(LowerFn *F, MirOp op, MirInst *a, Loc loc);
MirInst *emit2_r(LowerFn *F, MirOp op, MirInst *a, MirInst *b, Loc loc);
MirInst *emit_str(LowerFn *F, const char *s, Loc loc);     /* const.str of a C string */
MirInst *emit_none(LowerFn *F, Loc loc);
MirInst *emit_undef(LowerFn *F, Loc loc);
MirBlock *exc_block(LowerFn *F);
MirBlock *label_block(LowerFn *F, Label *l);
void jump(LowerFn *F, Label *l, Loc loc);
void branch(LowerFn *F, MirInst *cond, Label *t, Label *f, Loc loc);
void start(LowerFn *F, Label *l);
MirBlock *new_block(LowerFn *F, const char *name);
const char **arena_names(LowerFn *F, int n);
/* A phi at the start of the current block (which must be empty). */
MirInst *emit_phi(LowerFn *F, MirInst **vals, MirBlock **preds, int n, Loc loc);
Loc synth(Loc loc);
/* Traceback caret anchors (MirInst.anchor): the operator of a binary operation, the [...] of
 * a subscript, as CPython 3.11 finds them. */
void anchor_binop(LowerFn *F, MirInst *in, const Node *e);
void anchor_subscript(LowerFn *F, MirInst *in, const Node *e);

const char *mangle(LowerFn *F, const char *name);
MirInst *load_name(LowerFn *F, const char *id, Loc loc);
void store_name(LowerFn *F, const char *id, MirInst *v, Loc loc);
void delete_name(LowerFn *F, const char *id, Loc loc);
/* `e = None; del e` at the end of an except clause: never raises; exc goes to `exc`. */
void unbind_name(LowerFn *F, const char *id, Loc loc);
MirInst *cell_of(LowerFn *F, const char *name);
MirInst *call_n(LowerFn *F, MirInst *callee, MirInst **args, int n, Loc loc);

/* Makes the function object for a def/lambda/comprehension/genexpr/class node (its scope's
 * MirFunction lowered recursively), with the given defaults and kwdefaults (or NULL). */
MirInst *make_function(LowerFn *F, const Node *n, MirInst *defaults, MirInst *kwdefaults,
                       Loc loc);
MirModule *find_module(Lower *L, const char *name);
void push_unwind(LowerFn *F, Unwind u);
void pop_unwind(LowerFn *F);

/* ---- lower_expr.c ---- */
MirInst *lower_expr(LowerFn *F, const Node *e);
void lower_cond(LowerFn *F, const Node *e, Label *t, Label *f);
MirInst *lower_call(LowerFn *F, const Node *e);
/* Defaults of a def or lambda (positional tuple, keyword-only dict), or NULL when none. */
void lower_defaults(LowerFn *F, const Node *args, MirInst **defaults, MirInst **kwdefaults);
MirInst *lower_const(LowerFn *F, const Const *c, Loc loc);
/* Builds a tuple of the elements, with starred ones unpacked (call arguments, displays). */
MirInst *lower_starred_tuple(LowerFn *F, const NodeList *elts, Loc loc);
/* Lowers a comprehension node's body function (called from lower.c when building it). */
void lower_comprehension_body(LowerFn *F, const Node *n);

/* ---- lower_stmt.c ---- */
void lower_stmts(LowerFn *F, const NodeList *body);
void lower_stmt(LowerFn *F, const Node *s);
void assign_to(LowerFn *F, const Node *target, MirInst *v);
/* Runs the unwind entries from the top down to (excluding) index `to`, for an early exit. */
void run_unwinds(LowerFn *F, int to);
int body_has_annotations(const NodeList *body);
MirInst *async_next(LowerFn *F, MirInst *it, MirInst *prev, Label *exhausted, Loc loc);

/* ---- lower_match.c ---- */
void lower_match(LowerFn *F, const Node *s);

#endif
