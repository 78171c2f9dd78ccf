/*
 * cg.h - internal header of the LLVM back end (src/codegen only; the rest of the compiler uses
 * codegen.h).  Shared state of codegen.c (function bodies) and cg_program.c (program data,
 * constants, emission).
 *
 * The runtime's object layouts come from runtime/include (offsetof), so the generated field
 * accesses follow the headers; cg_program.c checks at start-up that the LLVM struct types of
 * CodeInfo/FrameInfo/ModuleDef have the C layouts.
 */
#ifndef AITHON_CG_H
#define AITHON_CG_H

#include <stddef.h>
#include <stdint.h>

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>

#include "../../runtime/include/rt_func.h"
#include "../../runtime/include/rt_gen.h"
#include "codegen.h"

enum {
#define RT(name, ret, params) RTF_##name,
#include "rtabi.def"
#undef RT
    RTF__COUNT
};

/* Program constants made once at start-up (slots of one array). */
typedef enum CgConstKind {
    KC_STR,      /* str from UTF-8 bytes (identifier-like ones interned) */
    KC_NAME,     /* interned str: attribute and global names */
    KC_BYTES,
    KC_BIGINT,   /* decimal digits */
    KC_INT64,    /* an int64 outside the small-int range */
    KC_FLOAT,
    KC_COMPLEX,  /* imaginary part */
    KC_NAMES,    /* a tuple of KC_NAME slots: keyword names of a call */
} CgConstKind;

typedef struct CgConst {
    CgConstKind kind;
    char *data;
    size_t len;
    int *items;          /* KC_NAMES */
    int nitems;
} CgConst;

/* open-addressing map from a key (bytes) to an int */
typedef struct CgMap {
    struct CgMapEntry { const void *key; size_t len; int kind; int value; } *e;
    size_t cap, n;
} CgMap;

typedef struct CgSourceData {
    const char *file;
    LLVMValueRef text;     /* NUL-terminated whole text, or null */
    LLVMValueRef lines;    /* [n x ptr] */
    int nlines;
    LLVMMetadataRef difile;/* its DWARF file, or NULL until a function of it is emitted */
} CgSourceData;

/* per-function state while lowering one MirFunction */
typedef struct CgFn {
    const MirFunction *mf;
    LLVMValueRef fn, self, params, globals, argbuf, frameinfo;
    LLVMValueRef *vals;          /* by SSA id */
    int nvals;
    LLVMValueRef *cell_ref;      /* by SSA id of a closure.cell with imm2 (infer/cells.c):
                                    the reference it held where it was read (NULL: none) */
    LLVMValueRef *vars;          /* allocas of var slots */
    const MirBlock *cur;
    const MirBlock *unwind_mir;
    LLVMBasicBlockRef unwind_bb;
    /* by MIR block id: its LLVM block, its error path (err_path) */
    LLVMBasicBlockRef *bbs, *exc_bb;
    /* generators and coroutines (rt_gen.h): the body is an LLVM switched-resume coroutine */
    int is_gen;
    int leaf;                    /* a clone that never counts its recursion level
                                    (clone_is_leaf: it only checks the limit) */
    LLVMValueRef exact;          /* speculating (spec_restart): the exact body of the clone */
    LLVMBasicBlockRef restart_bb;/* ... and the block returning its result */
    LLVMBasicBlockRef ret_bb;    /* a clone with a native result: its one return block and */
    LLVMValueRef ret_val, ret_err;  /* phis of the pair (codegen.c clone_ret_pair) */
    LLVMValueRef spec_depth;     /* a member's .spec body (cg_spec.c): the levels left
                                    below it (limit - its depth), passed to the members it
                                    calls; NULL otherwise */
    int exact_body;              /* a member's .exact body: calls go to members' .exact */
    /* a member's .spec body with self tail calls turned into a loop (cg_spec_tail): by SSA
     * id, the CG_TAIL_* marks; the loop head, its phis of the native parameters (the room
     * last) and of the sum of the results added on the way (a small tagged int) */
    char *tail;
    LLVMBasicBlockRef loop_bb;
    LLVMValueRef *loop_params, acc;
    LLVMValueRef self_spec;      /* a .spec body's callee for its own calls, when not .spec
                                    (cg_spec_twin_decl) */
    LLVMValueRef gen;            /* the GenObject (rt_gen_new's result in the ramp) */
    /* method calls (obj.name(...) as LOAD_METHOD/CALL): by SSA id of a getattr whose only use
     * is as a call's callee, the alloca receiving its self (or 0); by the call's id, set */
    LLVMValueRef *self_slot;
    char *method_call;
    LLVMBasicBlockRef suspend_bb;   /* coro.end + return: leaving the body at a suspension */
    LLVMBasicBlockRef cleanup_bb;   /* the destroy path (never taken: the frame is GC'd) */
    LLVMBasicBlockRef final_bb;     /* the final suspension after return or raise */
} CgFn;

typedef struct Cg {
    LLVMContextRef ctx;
    LLVMModuleRef mod;
    LLVMBuilderRef b;
    LLVMTargetDataRef td;
    LLVMTypeRef voidt, i1, i8, i32, i64, f64, ptr;
    LLVMTypeRef body_ty, init_ty, codeinfo_ty, frame_ty, moddef_ty;
    unsigned prof_kind;
    LLVMValueRef cold_weights;   /* metadata: the true edge is cold */
    int versioned_loops;         /* a range.fast was emitted: its loop-invariant choice is
                                    unswitched after the default pipeline (cg_program.c) */
    unsigned tbaa_kind;
    LLVMValueRef tbaa_list[7];   /* access tags of typed list code: a ListObject's size, its
                                    items pointer, an item slot (never the same memory, so a
                                    store of an item keeps size and items loaded: LICM); a
                                    ListIterObject's seq and i, an EnumerateObject's it and
                                    count (so a step's stores keep the others loaded) */
    LLVMValueRef rt_fn[RTF__COUNT];
    LLVMTypeRef rt_ty[RTF__COUNT];
    LLVMValueRef gen_resume;     /* aithon.gen_resume(frame): llvm.coro.resume for the runtime */
    LLVMValueRef raise_fmt;
    LLVMTypeRef raise_fmt_ty;
    /* constants */
    CgConst *consts;
    int nconsts, capconsts;
    CgMap const_map;
    LLVMValueRef consts_tmp;     /* placeholder replaced by the [N x i64] array at the end */
    LLVMValueRef consts_ready, consts_init;
    /* symbols */
    CgMap cstr_map;
    LLVMValueRef *cstrs;
    int ncstrs, capcstrs;
    CgMap obj_map;               /* MirFunction/MirModule pointer -> index */
    struct CgFnData {
        LLVMValueRef fn, code, frame;
        int spec;                    /* cg_spec.c: pure / member of the speculated clones */
        int spec_small;              /* ... whose .spec body returns only small ints */
        uint64_t spec_small_params;  /* ... and takes these parameters as small ints */
        LLVMValueRef spec_fn, exact_fn;  /* a member's SYMBOL.spec and SYMBOL.exact */
        LLVMValueRef twin_fn;            /* ... and SYMBOL.spec.in (cg_spec_twin_decl) */
        int twin_decided;
    } *fdata;
    int nfdata, capfdata;
    LLVMValueRef *moddefs;
    int nmoddefs, capmoddefs;
    CgSourceData *srcs;
    int nsrcs, capsrcs;
    const CgOptions *opt;
    const MirProgram *prog;
    CgFn *fn;
    /* debug info */
    LLVMDIBuilderRef dib;
    LLVMMetadataRef di_cu;       /* the compile unit */
    LLVMMetadataRef di_fnty;     /* one subroutine type for every function */
    LLVMMetadataRef di_scope;    /* current function's subprogram, NULL outside functions */
} Cg;

/* codegen.c */
void cg_function(Cg *cg, const MirFunction *mf);
/* A specialised clone's native signature (MirFunction.origin set). */
LLVMTypeRef cg_clone_type(Cg *cg, const MirFunction *mf);
LLVMTypeRef cg_clone_ret_type(Cg *cg, const MirFunction *mf);
/* An op of a leaf clone's body: it neither writes, nor runs Python code, nor reads the depth. */
int cg_leaf_op(int op);

/* cg_spec.c: speculative bodies of pure recursive clones */
void cg_spec_find(Cg *cg, const MirProgram *p);
int cg_spec_member(Cg *cg, const MirFunction *mf);
int cg_spec_small_result(Cg *cg, const MirFunction *mf);
uint64_t cg_spec_small_params(Cg *cg, const MirFunction *mf);
LLVMValueRef cg_spec_param_big(Cg *cg, LLVMValueRef v);
LLVMTypeRef cg_spec_type(Cg *cg, const MirFunction *mf);
LLVMValueRef cg_spec_decl(Cg *cg, const MirFunction *mf);
LLVMValueRef cg_spec_exact_decl(Cg *cg, const MirFunction *mf);
LLVMValueRef cg_clone_failed(Cg *cg, const MirFunction *mf, LLVMValueRef r);
void cg_spec_entry(Cg *cg, const MirFunction *mf);
enum { CG_TAIL_CALL = 1, CG_TAIL_RET = 2 };
int cg_spec_tail(Cg *cg, const MirFunction *mf, char *mark);
LLVMValueRef cg_spec_twin_decl(Cg *cg, const MirFunction *mf);

/* cg_program.c */
_Noreturn void cg_die(Cg *cg, const char *fmt, ...);
LLVMValueRef cg_rt(Cg *cg, int id);
LLVMValueRef cg_rt_object(Cg *cg, const char *name);      /* &obj as an i64 Value */
LLVMValueRef cg_rt_global(Cg *cg, const char *name, LLVMTypeRef t);
LLVMValueRef cg_rt_tls(Cg *cg, const char *name);         /* a thread-local i32 */
LLVMValueRef cg_rt_tls_of(Cg *cg, const char *name, LLVMTypeRef t);   /* ... of type t */
LLVMValueRef cg_cstr(Cg *cg, const char *s);
LLVMValueRef cg_tbpos(Cg *cg, const MirInst *in);            /* &static TracebackPos */
LLVMValueRef cg_attr_cache(Cg *cg);                          /* &static AttrCache */
LLVMValueRef cg_global_cache(Cg *cg);                        /* &static GlobalCache */
void cg_raise_fmt(Cg *cg, LLVMValueRef type, const char *fmt, LLVMValueRef a, LLVMValueRef b2);
int cg_const_add(Cg *cg, CgConstKind k, const char *data, size_t len);
int cg_const_names(Cg *cg, const char *const *names, int n);
LLVMValueRef cg_const_load(Cg *cg, int slot);
LLVMValueRef cg_function_decl(Cg *cg, const MirFunction *mf);
struct CgFnData *cg_fn_data(Cg *cg, const MirFunction *mf);   /* may move: do not keep it */
LLVMValueRef cg_codeinfo(Cg *cg, const MirFunction *mf);
LLVMValueRef cg_frameinfo(Cg *cg, const MirFunction *mf);
LLVMValueRef cg_moduledef(Cg *cg, const MirModule *m);
/* DWARF line tables: cg_debug_begin gives fn a subprogram (the Python function's name, file
 * and first line) and makes it the scope of the lines set by cg_set_line (0: compiler-made
 * code) until cg_debug_end.  Code outside Python functions has no debug locations. */
void cg_debug_begin(Cg *cg, LLVMValueRef fn, const MirFunction *mf);
void cg_set_line(Cg *cg, int line);
void cg_debug_end(Cg *cg);

/* cg_cold.c: per function of p (by position in p->funcs), 1 when it is cold by construction
 * (runs at most once, or never); malloc'd. */
unsigned char *cg_find_cold(const MirProgram *p, const CgOptions *opt);

/* cg_split.c: before the optimisation pipeline, cuts mod into two partitions when it is big
 * enough to gain from it; the second (a copy in a context of its own) is optimised with passes
 * and emitted to path1 on a thread, while mod keeps only the first partition's function bodies
 * (some internal symbols become hidden external ones).  NULL: nothing was cut.
 * cg_split_finish waits for the thread; 0, or -1 with a malloc'd message in *err (unless *err
 * already holds one). */
typedef struct CgSplit CgSplit;
CgSplit *cg_split_start(LLVMModuleRef mod, LLVMTargetRef target, const char *triple,
                        LLVMCodeGenOptLevel level, const char *passes, int verify,
                        const char *path1);
int cg_split_finish(CgSplit *sp, char **err);

#endif
