/*
 * lower.h - lowering the checked AST (with its symbol tables) to MIR, the dyn tier: every
 * Python value is `dyn`, every branch condition `i1` (design: docs/internals/lowering.md).
 *
 * Entry points:
 *   lower_collect_imports()  what a module imports, as absolute module names, so the driver can
 *                            find every module of the program before lowering (closed world)
 *   lower_program()          all modules of the program -> one MirProgram
 *
 * The driver resolves `import x` to files (ARCHITECTURE.md: the script directory, then the
 * bundled library), parses and checks each module, then calls lower_program() once with all of
 * them, the main module first (named "__main__").  Modules implemented in C by the runtime
 * (sys, math, ...) are passed with ast == NULL: lowering makes a MirModule without an init
 * function for them, and the back end imports them with rt_builtin_module().
 *
 * Errors: user errors (eval/exec/compile, an import of a module that is not in `mods`) fill
 * *err with a located Diag of class "error" and make lower_program return NULL.  Internal errors
 * abort (die).
 */
#ifndef AITHON_LOWER_H
#define AITHON_LOWER_H

#include "../ast/ast.h"
#include "../mir/mir.h"
#include "../sema/symtable.h"
#include "../util/diag.h"

typedef struct LowerModule {
    const char *name;      /* absolute module name; the main module is "__main__" */
    const char *file;      /* the path the program reports (tracebacks, __file__): absolute */
    int is_package;        /* an __init__.py */
    const Node *ast;       /* the Module node; NULL for a module implemented in C */
    SymTable *st;          /* its symbol table (NULL when ast is NULL) */
    const Source *src;     /* for diagnostics (NULL when ast is NULL) */
} LowerModule;

/* One module a module imports. */
typedef struct LowerImport {
    const char *name;      /* absolute dotted name, interned */
    Loc loc;               /* the import statement, for "not part of the program" errors */
    int optional;          /* 1: `from m import x` where "m.x" may name a submodule or be a
                              plain attribute of m: the driver includes it only when such a module
                              exists (lowering then imports it before reading the attribute) */
} LowerImport;

/* Lists every module imported anywhere in `module` (nested functions and classes included), in
 * source order, duplicates kept: `import a.b.c` gives a, a.b, a.b.c; `from .m import x` in
 * package p gives p.m and the optional p.m.x.  Relative imports are resolved against `modname`
 * as CPython's importlib does (a package's own name for an __init__, the parent otherwise); a
 * relative import that goes beyond the top-level package is left out (it raises ImportError at
 * run time, as in CPython).  The array is allocated in `a`; returns the count. */
int lower_collect_imports(const Node *module, const char *modname, int is_package,
                          LowerImport **out, Arena *a);

/* Resolves a relative import `from <level dots><name> import ...` in module `modname` to an
 * absolute, interned module name; NULL when it goes beyond the top-level package.  `name` may
 * be NULL (`from . import x`). */
const char *lower_resolve_relative(const char *modname, int is_package, int level,
                                   const char *name);

/* Lowers the whole program: one MirModule per entry of `mods` (in that order), one MirFunction
 * per module body, def, lambda, comprehension, generator expression and class body, in source
 * order.  Every raising instruction's exceptional successor is the innermost handler or the
 * function's unwind block.  Returns NULL with *err set on a user error. */
MirProgram *lower_program(const LowerModule *mods, int n, Diag *err);

#endif
