/*
 * codegen.h - the LLVM back end: MIR program -> LLVM IR -> optimised object / assembly / IR text.
 *
 * Entry point: codegen_emit().  The whole program (every module of it) becomes one LLVM module:
 *   - each MirFunction -> `i64 @symbol(ptr self, ptr params)` (rt_func.h BodyFn) plus a constant
 *     CodeInfo and FrameInfo; a module body -> `i64 @symbol(ptr module)` (ModuleInitFn);
 *   - each MirModule -> a ModuleDef; `main` calls rt_run_main(argc, argv, &main's ModuleDef).
 * Only src/codegen includes <llvm-c/...>; the rest of the compiler sees this header.
 * Output is deterministic: the same MIR gives byte-identical IR and objects.
 */
#ifndef AITHON_CODEGEN_H
#define AITHON_CODEGEN_H

#include <stddef.h>
#include "../mir/mir.h"

typedef enum CgEmit { CG_EMIT_OBJ, CG_EMIT_ASM, CG_EMIT_LLVM } CgEmit;

/* The text of one source file, for tracebacks (embedded once per file). */
typedef struct CgSource {
    const char *file;      /* as in MirFunction.file / MirModule.file */
    const char *text;
    size_t len;
} CgSource;

typedef struct CgOptions {
    int opt_level;         /* 0..3: "default<On>" */
    CgEmit emit;
    int verify;            /* run the LLVM verifier before optimising (and after) */
    int debug_info;        /* DWARF line tables mapping code to Python lines */
    const CgSource *sources;
    int nsources;
    int sanitize_address;  /* instrument loads and stores with AddressSanitizer (the `make asan`
                              compiler, whose programs link a sanitized runtime) */
    /* methods whose generic version never runs (the typed tier: only direct calls of their
     * clones reach them): compiled without optimisation (cg_cold.c) */
    const MirFunction *const *never_run;
    int nnever_run;
    /* CG_EMIT_OBJ for linking: a path where a second object file may be written, when the
     * code is big enough to be emitted on two threads (cg_split.c); NULL: one object */
    const char *obj2_path;
} CgOptions;

/* Generates code for program p whose main module is main_mod and writes it to out_path in the
 * requested form.  Returns 0, or 1 when the object code was split and the second part written
 * to opt->obj2_path, or -1 with a malloc'd message in *err (an internal error: a verifier
 * failure or an LLVM error). */
int codegen_emit(const MirProgram *p, const MirModule *main_mod, const CgOptions *opt,
                 const char *out_path, char **err);

#endif
