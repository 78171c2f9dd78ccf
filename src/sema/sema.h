/*
 * sema.h - semantic analysis: symbol tables and the compile-time errors of CPython's
 * symtable.c and compile.c.
 *
 * Entry point: sema_check() builds the scope tree of a module (symtable.h) and reports the first
 * compile-time error in the order CPython reports it (symbol-table errors first, then the
 * compiler's checks in code-generation order).
 */
#ifndef AITHON_SEMA_H
#define AITHON_SEMA_H

#include "../ast/ast.h"
#include "../util/diag.h"

typedef struct SymTable SymTable;   /* defined in symtable.h */

/* Returns the symbol table (arena-allocated), or NULL with *err set. */
SymTable *sema_check(Node *module, const Source *src, Arena *a, Diag *err);

#endif
