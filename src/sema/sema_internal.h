/*
 * sema_internal.h - what the files of src/sema share and nobody else sees.
 *
 *   sema.c      sema_check(): the order of the passes, and the __future__ rules (future.c's
 *               job in CPython), which run before the symbol table
 *   symtable.c  building the scope tree (CPython's symtable.c visit) and resolving scopes
 *               (analyze_*), plus symtable_dump
 *   check.c     the errors CPython's compile.c raises, found by walking the tree in the order
 *               compile.c generates code, so the FIRST error reported is CPython's first
 *
 * Errors: the first user error ends analysis.  sema_fail() records it as a SyntaxError Diag and
 * longjmps back to sema_check(), which is the only setjmp; everything the passes allocate lives
 * in the program arena or in SemaCtx.tmp, so nothing leaks across the jump.
 *
 * Depth: the walks recurse over the tree; every recursive visit goes through SEMA_ENTER/LEAVE,
 * which bound the depth as CPython bounds its compiler's recursion (RecursionError "maximum
 * recursion depth exceeded during compilation"), so no input can overflow the C stack.
 */
#ifndef AITHON_SEMA_INTERNAL_H
#define AITHON_SEMA_INTERNAL_H

#include <setjmp.h>
#include "../util/diag.h"
#include "sema.h"
#include "symtable.h"

/* CPython: 3 * the default recursion limit of 1000; the parser bounds nesting well below the
 * depth at which our frames (at most a few hundred bytes each) would threaten the stack. */
#define SEMA_MAX_DEPTH 3000

typedef struct SemaCtx {
    jmp_buf jb;
    Diag *err;
    const Source *src;
    Arena *arena;      /* the program arena: the SymTable lives here */
    Arena *tmp;        /* scratch for the analysis, freed by sema_check */
    int depth;
} SemaCtx;

/* Records a SyntaxError at (line, 0-based byte col) and unwinds to sema_check. */
noreturn void sema_fail(SemaCtx *cx, int line, int col, const char *fmt, ...) PRINTF_LIKE(4, 5);
noreturn void sema_fail_kind(SemaCtx *cx, const char *kind, int line, int col, const char *fmt,
                             ...) PRINTF_LIKE(5, 6);

#define SEMA_ENTER(cx)                                                                        \
    do {                                                                                      \
        if (++(cx)->depth > SEMA_MAX_DEPTH)                                                   \
            sema_fail_kind((cx), "RecursionError", 0, 0,                                      \
                           "maximum recursion depth exceeded during compilation");            \
    } while (0)
#define SEMA_LEAVE(cx) ((cx)->depth--)

/* symtable.c: builds and analyses the table for a Module (future = FUTURE_* of the file). */
SymTable *symtable_build(SemaCtx *cx, const Node *module, unsigned future, int future_lineno);

/* check.c: raises compile.c's errors, in compile.c's order. */
void sema_compile_checks(SemaCtx *cx, SymTable *st, const Node *module);

/* Interned names the passes compare against (filled once by sema_names_init). */
typedef struct SemaNames {
    const char *top, *lambda, *genexpr, *listcomp, *setcomp, *dictcomp, *annotation;
    const char *dunder_class, *super, *dot0, *debug, *star, *future;
} SemaNames;
extern SemaNames sema_names;
void sema_names_init(void);

/* _PyAST_GetDocString: the first statement is an expression statement of a str constant. */
int sema_has_docstring(const NodeList *body);

#endif
