/*
 * mir.h - the middle representation: a typed SSA control-flow graph with explicit exception
 * edges (design: docs/internals/mir.md; the op table: mir.def).
 *
 * Structure: a MirProgram holds MirModules (one per Python module of the program) and
 * MirFunctions (one per def, lambda, comprehension, generator expression, class body and module
 * body).  A function is a list of MirBlocks; a block is a list of MirInsts ending in exactly one
 * terminator.  Each value-producing instruction is an SSA value (numbered %id).
 *
 * Invariants (checked by mir_verify):
 *   - every block ends with one terminator and has no other terminator;
 *   - an instruction with MF_RAISE has an exceptional successor `exc`, and it is the last
 *     instruction before its block's terminator, which is a `br` to its normal successor (so
 *     exception edges are block edges, like LLVM's invoke); `iter.next` also has `target2`;
 *   - operands are defined before use (in a dominating block, or earlier in the same block;
 *     phi operands in the corresponding predecessor); operand types match the op;
 *   - phis come first in their block and have one operand per predecessor.
 * Before SSA construction, Python locals are var.load/var.store on variable slots; the `ssa`
 * pass replaces them by SSA values and phis.
 *
 * Memory: each function has its own arena (freed by mir_function_free); program-wide data
 * (names, constant strings) lives in the program arena.
 */
#ifndef AITHON_MIR_H
#define AITHON_MIR_H

#include <stdio.h>
#include "../ast/ast.h"

typedef enum MirOp {
#define OP(name, text, nargs, flags) MIR_##name,
#include "mir.def"
#undef OP
    MIR__COUNT
} MirOp;

enum { MF_RAISE = 1, MF_TERM = 2, MF_SIDE = 4, MF_VALUE = 8 };

typedef struct MirOpDesc {
    const char *text;
    int nargs;   /* -1 variadic */
    int flags;
} MirOpDesc;
extern const MirOpDesc mir_ops[MIR__COUNT];

typedef enum MirType {
    MT_VOID,   /* no value */
    MT_DYN,    /* a tagged Value (rt.h) */
    MT_I64,
    MT_F64,
    MT_I1,
    MT_PTR,
} MirType;
extern const char *const mir_type_names[];

/* imm2 of inst.load(.f) / inst.store(.f): the tests the access makes (codegen.c inst_slot).
 * SLOT_CHECKED: the slot's bit (a load) or the materialised bit (a store), the generic
 * access when it fails; SLOT_GUARDED(_SETS): under an inst.guard (slotguard.c), no test, and
 * _SETS sets the slot's bit (a store of a slot that may be unset); SLOT_MAYBE_NONE: the
 * receiver is C|None, tested against None first (the generic access raises), then checked. */
enum { SLOT_CHECKED = 0, SLOT_GUARDED = 1, SLOT_GUARDED_SETS = 2, SLOT_MAYBE_NONE = 3 };
/* Bits of call's imm2.  CALL_NO_TB: an error adds no traceback entry for this frame
 * (consume.c: a builtin's error CPython raises in the caller).  CALL_CLOSED: the generic
 * fallback of a union method call whose every class is dispatched (specialize.c
 * rewrite_union_call): only None reaches its getattr, which raises for a name None lacks, so
 * the call itself runs only if inference was wrong (the closed world every typed op assumes);
 * escape.c does not count its arguments as escaping. */
enum { CALL_NO_TB = 1, CALL_CLOSED = 2 };

typedef struct MirBlock MirBlock;
typedef struct MirFunction MirFunction;
typedef struct MirModule MirModule;
typedef struct MirInst MirInst;

struct MirInst {
    MirOp op;
    MirType type;          /* result type; MT_VOID when the op produces no value */
    int id;                /* SSA number (%id), -1 without a value */
    int nargs;
    MirInst **args;        /* operands */
    MirBlock **phi_blocks; /* phi only: predecessor of each operand */
    /* immediates, by op (mir.def) */
    int64_t imm, imm2;
    double fimm;
    const char *str;       /* names (interned) and constant bytes (arena) */
    size_t len;
    const char **names;    /* keyword names of call/class.build */
    int nnames;
    MirFunction *func;     /* function.new */
    MirModule *module;     /* import */
    /* control flow */
    MirBlock *target;      /* br, cbr (true), and the normal successor of raising ops */
    MirBlock *target2;     /* cbr (false), iter.next (exhausted) */
    MirBlock *exc;         /* exceptional successor of MF_RAISE ops */
    Loc loc;               /* source location; loc.synthetic for compiler-made code */
    int anchor, anchor_end;/* traceback carets: the columns (of loc.line) printed with ^ inside
                              loc's ~ range; anchor_end <= anchor: none (rt.h TracebackPos) */
    const char *varname;   /* the Python local this value was assigned to (ssa; not printed) */
    MirBlock *block;
};

struct MirBlock {
    int id;
    const char *label;     /* optional comment in dumps ("for.body", "except", ...) */
    MirInst **insts;
    int ninsts, cap;
    MirBlock **preds;      /* computed by mir_compute_cfg */
    int npreds;
    MirBlock *succs[3];    /* normal, second (cbr false / exhausted), exceptional */
    int nsuccs;
    int is_unwind;         /* the function's unwind block: adds the traceback, returns error */
};

/* A variable slot before SSA construction: one per Python fast local (and compiler temps). */
typedef struct MirVar {
    const char *name;
    MirType type;
} MirVar;

struct MirFunction {
    const char *name;        /* co_name */
    const char *qualname;
    const char *symbol;      /* unique native symbol, e.g. "mod.f$3" (deterministic) */
    const char *file;
    int firstlineno;
    unsigned flags;          /* RT_CO_* of rt_func.h */
    int nposonly, npos, nkwonly, nparams;
    const char **paramnames;
    int nfree;
    const char **freevars;   /* closure cell names, in closure order */
    MirVar *vars;
    int nvars, capvars;
    MirBlock **blocks;       /* blocks[0] is the entry */
    int nblocks, capblocks;
    int nvalues;             /* next SSA id */
    MirModule *module;       /* the Python module it belongs to */
    const Node *ast;         /* the def/lambda/comprehension/class/module node */
    Arena *arena;
    int is_ssa;              /* set by the ssa pass: var.load/store/delete no longer allowed */
    /* a specialised clone (src/infer): a native function with unboxed parameters and result,
     * called only by call.direct; origin is the generic function it was cloned from */
    MirFunction *origin;
    MirType *ptypes;         /* nparams native parameter types (clones only) */
    MirType rettype;         /* native result type (clones only) */
    int result_slots;        /* src/infer/escape.c: > 0 when the result is always a fresh
                                instance of a class with this many slots; the clone then takes
                                a trailing pointer to a caller's frame block for it (or NULL) */
};

struct MirModule {
    const char *name;        /* "__main__", "pkg.mod" */
    const char *file;
    int is_package;
    MirFunction *init;       /* the module body */
    int index;               /* position in the program (deterministic order) */
};

typedef struct MirProgram {
    MirModule **modules;
    int nmodules, capmodules;
    MirFunction **funcs;     /* in creation order (deterministic) */
    int nfuncs, capfuncs;
    Arena *arena;
} MirProgram;

/* ---- building ---- */
MirProgram *mir_program_new(void);
void mir_program_free(MirProgram *p);
MirModule *mir_module_new(MirProgram *p, const char *name, const char *file);
MirFunction *mir_function_new(MirProgram *p, MirModule *m, const char *name,
                              const char *qualname);
void mir_function_free(MirFunction *f);
MirBlock *mir_block_new(MirFunction *f, const char *label);
int mir_var_new(MirFunction *f, const char *name, MirType type);
/* Appends an instruction of `op` with `nargs` operands to block b; the result type defaults to
 * MT_DYN for MF_VALUE ops (MT_I1 for truthy/is/not/exc.match/const.i1).  Other fields are
 * filled by the caller. */
MirInst *mir_emit(MirFunction *f, MirBlock *b, MirOp op, MirInst **args, int nargs, Loc loc);
/* Conveniences over mir_emit: `br to`; `cbr cond, then, els`; and a raising op with its
 * normal successor (inst->target) and exceptional one (inst->exc), followed by the `br normal`
 * that the invariants require. */
MirInst *mir_emit_br(MirFunction *f, MirBlock *b, MirBlock *to, Loc loc);
MirInst *mir_emit_cbr(MirFunction *f, MirBlock *b, MirInst *cond, MirBlock *then,
                      MirBlock *els, Loc loc);
MirInst *mir_emit_raising(MirFunction *f, MirBlock *b, MirOp op, MirInst **args, int nargs,
                          MirBlock *normal, MirBlock *exc, Loc loc);
/* Recomputes preds/succs of every block from the terminators and exceptional edges. */
void mir_compute_cfg(MirFunction *f);
/* Copies f's blocks and instructions into the empty function g, value and block ids kept,
 * operands, targets and phi blocks pointing into the copy, and computes g's CFG.
 * maxid: above every value id of f. */
void mir_copy_body(MirFunction *g, const MirFunction *f, int maxid);

/* The typed-tier signature of op (mir_sig.def): result type and one type per operand in
 * args[] (at most 4); returns the operand count, or -1 when op has no fixed signature. */
int mir_sig(MirOp op, MirType *result, MirType args[4]);

/* ---- checking and printing ---- */
/* Checks the invariants above; prints every violation to stderr, returns their count. */
int mir_verify(const MirFunction *f);
void mir_print_function(FILE *out, const MirFunction *f);
void mir_print_program(FILE *out, const MirProgram *p);
/* Reads the textual form back (tests, and the round-trip check); NULL + message on error. */
MirProgram *mir_parse(const char *text, size_t len, char **errmsg);

#endif

