/*
 * symtable.h - symbol tables with CPython 3.11's scoping rules: the data structure that lowering
 * uses to decide, for every name in every code block, fast local, cell, free variable, global or
 * class/module namespace name.
 *
 * Shape.  A SymTable is a tree of Scopes, one per code block CPython creates:
 *
 *     module            the file (name "top")
 *     function          def / async def (name = the function's name)
 *     lambda            lambda (name "lambda")
 *     class             class body (name = the class's name)
 *     comprehension     listcomp / setcomp / dictcomp / genexpr: in 3.11 each is its own function
 *                       scope whose single parameter ".0" is the iterator of the FIRST `for`; that
 *                       first iterable is evaluated in the ENCLOSING scope (its names are
 *                       recorded there), everything else inside the comprehension scope
 *
 * Under `from __future__ import annotations` CPython 3.11 visits each annotation in a block of
 * its own, only to reject yield/await/:= there; that block is not part of the tree (annotations
 * become strings), so its names appear nowhere and make no cells.  Here likewise: such scopes
 * are built for the errors and then dropped (SK_ANNOTATION never appears in a finished table).
 *
 * Children are listed in the order CPython enters them, which is source order except that a
 * def's defaults, annotations and decorators (and a class's bases/keywords/decorators) are
 * visited before the def's own block: `def f(x=lambda: 0)` gives children [lambda, f].
 *
 * Each Scope holds its Symbols in first-appearance order (deterministic, as CPython's dict).
 * A Symbol's `name` is the mangled name (`__x` inside class C, and in everything nested in C,
 * is `_C__x`; `orig` keeps `__x`).  After analysis every symbol has a resolved SymScope:
 *
 *     SC_LOCAL            bound in this block: a fast local in a function, a namespace name
 *                         (STORE_NAME) in a module or class body
 *     SC_CELL             a function local that a nested block reads: allocate a cell
 *     SC_FREE             bound in an enclosing function (or declared nonlocal): a closure
 *                         variable.  Free names that only pass through a block (used two levels
 *                         down) are also recorded as SC_FREE with no other flags, as CPython does,
 *                         so a block's free list is exactly what its closure must carry.  A
 *                         class body reads its own SC_FREE names from the class namespace first,
 *                         then the cell (CPython's LOAD_CLASSDEREF).  A name that methods take
 *                         from an enclosing function but that the class itself binds or declares
 *                         global keeps its class scope and gets SYM_FREE_CLASS: the class's
 *                         closure must still carry that cell through to the methods (CPython
 *                         puts FREE and DEF_FREE_CLASS names in a class's co_freevars).
 *     SC_GLOBAL_EXPLICIT  declared `global` (or a walrus target of a module-level comprehension)
 *     SC_GLOBAL_IMPLICIT  not bound anywhere enclosing: globals, then builtins (LOAD_GLOBAL in a
 *                         function, LOAD_NAME in module/class bodies)
 *
 * Class bodies: names bound in a class are not visible to its methods (they skip the class
 * scope).  A method that uses `super` or `__class__` makes `__class__` free in the method; the
 * class then has needs_class_cell: lowering must create a cell named __class__ for the class
 * body (holding the class once built), distinct from any `__class__` symbol of the class
 * namespace, which is never added here.
 *
 * Memory: everything lives in the arena given to sema_check; nothing to free separately.
 * Entry point: sema_check() (sema.h) builds the table; the lookups below read it.
 */
#ifndef AITHON_SYMTABLE_H
#define AITHON_SYMTABLE_H

#include <stdio.h>
#include "../ast/ast.h"

/* What a scope comes from (finer than CPython's block type). */
typedef enum ScopeKind {
    SK_MODULE,
    SK_FUNCTION,
    SK_ASYNC_FUNCTION,
    SK_LAMBDA,
    SK_CLASS,
    SK_LISTCOMP,
    SK_SETCOMP,
    SK_DICTCOMP,
    SK_GENEXPR,
    SK_ANNOTATION,
} ScopeKind;

/* CPython's _Py_block_ty: how names are resolved.  Every function-like kind (function, async
 * function, lambda, comprehension) is BLOCK_FUNCTION. */
typedef enum BlockType {
    BLOCK_FUNCTION,
    BLOCK_CLASS,
    BLOCK_MODULE,
    BLOCK_ANNOTATION,
} BlockType;

/* Symbol flags.  The values are CPython's (DEF_GLOBAL ... DEF_COMP_ITER) so that a table can be
 * compared bit for bit with python3's; aithon's own additions start at bit 16. */
enum {
    SYM_GLOBAL = 1 << 0,      /* named in a `global` statement in this block */
    SYM_ASSIGNED = 1 << 1,    /* bound: assignment, for/with/except target, def, class, del,
                                 walrus, match capture (CPython's DEF_LOCAL) */
    SYM_PARAM = 1 << 2,       /* a parameter (".0" for a comprehension) */
    SYM_NONLOCAL = 1 << 3,    /* named in a `nonlocal` statement (or walrus inside a
                                 comprehension: the comprehension declares it nonlocal) */
    SYM_USED = 1 << 4,        /* read (Load) in this block */
    SYM_FREE_CLASS = 1 << 6,  /* class body: free in a method and also bound/global in the class */
    SYM_IMPORTED = 1 << 7,    /* bound by import */
    SYM_ANNOTATED = 1 << 8,   /* the target of a simple annotated assignment `x: T` */
    SYM_COMP_ITER = 1 << 9,   /* a comprehension iteration variable (or other name in a
                                 comprehension's `for` target) */
    SYM_BOUND = SYM_ASSIGNED | SYM_PARAM | SYM_IMPORTED,

    /* aithon additions */
    SYM_WALRUS = 1 << 16,     /* bound by := inside a comprehension; set both in the comprehension
                                 scope (where it is SC_FREE / global) and in the scope that owns the
                                 binding */
};

/* Resolved scope of a name; values are CPython's (LOCAL=1 ... CELL=5). */
typedef enum SymScope {
    SC_UNRESOLVED = 0,
    SC_LOCAL = 1,
    SC_GLOBAL_EXPLICIT = 2,
    SC_GLOBAL_IMPLICIT = 3,
    SC_FREE = 4,
    SC_CELL = 5,
} SymScope;

typedef struct Symbol {
    const char *name;   /* mangled, interned: the key */
    const char *orig;   /* as written before mangling (== name when not mangled), interned */
    unsigned flags;     /* SYM_* */
    SymScope scope;
    Loc loc;            /* first occurrence; zero for pass-through free names */
} Symbol;

/* A `global` / `nonlocal` declaration, kept for error positions (CPython's ste_directives). */
typedef struct Directive {
    const char *name;   /* mangled */
    Loc loc;
} Directive;

typedef struct Scope Scope;
struct Scope {
    ScopeKind kind;
    BlockType block;
    const char *name;        /* "top", "lambda", "listcomp", "_annotation", or the def/class name */
    const Node *node;        /* Module, FunctionDef, AsyncFunctionDef, Lambda, ClassDef,
                                ListComp/SetComp/DictComp/GeneratorExp; for an annotation block
                                the def (parameters) or the annotation expression */
    Loc loc;                 /* CPython's ste_lineno/col: the node's start; 0 for the module */
    int id;                  /* index in SymTable.scopes (creation order, 0 = the module) */
    Scope *parent;

    Scope **children;        /* in entry order (see the header comment) */
    int nchildren;

    Symbol **syms;           /* first-appearance order; free names propagated from children are
                                appended at the end by the analysis */
    int nsyms;

    const char **varnames;   /* parameters in CPython's co_varnames order: posonly, regular,
                                keyword-only, *args, **kwargs (".0" for comprehensions) */
    int nvarnames;

    Directive *directives;
    int ndirectives;

    /* The class name used for private-name mangling inside this scope (the nearest enclosing
     * class, this one included), or NULL: lowering mangles attribute names with it too. */
    const char *private_name;

    unsigned is_generator : 1;      /* contains yield / yield from, or is a genexpr */
    unsigned is_coroutine : 1;      /* async def, contains await, an async comprehension, or
                                       encloses a non-generator async comprehension */
    unsigned nested : 1;            /* inside a function (CPython's ste_nested) */
    unsigned has_varargs : 1;       /* *args */
    unsigned has_varkeywords : 1;   /* **kwargs */
    unsigned has_free : 1;          /* the block itself reads a free variable (CPython's
                                       ste_free); the closure of a block is all its SC_FREE
                                       symbols, pass-through ones included */
    unsigned child_free : 1;        /* some child has free variables */
    unsigned needs_class_cell : 1;  /* class: a method uses super/__class__ (see header) */
    unsigned returns_value : 1;     /* contains `return <expr>` */

    /* builder state, meaningless after sema_check */
    unsigned comp_iter_target : 1;
    int comp_iter_expr;

    /* name -> symbol index, open addressing on the interned pointer (internal) */
    Symbol **slots;
    int nslots;
    int nchildren_cap, nsyms_cap, nvarnames_cap, ndirectives_cap;
};

/* Future features that change compilation (CPython's CO_FUTURE_*, only those that matter). */
enum {
    FUTURE_ANNOTATIONS = 1 << 0,
    FUTURE_BARRY_AS_BDFL = 1 << 1,
};

typedef struct SymTable {
    Scope *top;
    Scope **scopes;           /* every scope, index == id (creation order) */
    int nscopes;
    unsigned future;          /* FUTURE_* in effect */
    int future_lineno;        /* line of the last leading `from __future__` import, or -1 */

    /* Node -> Scope, open addressing on the pointer (internal; use symtable_scope_of) */
    const Node **map_keys;
    Scope **map_vals;
    int map_cap, map_n;
    int scopes_cap;
} SymTable;

/* The scope created for n (Module, FunctionDef, AsyncFunctionDef, Lambda, ClassDef, ListComp,
 * SetComp, DictComp, GeneratorExp), or NULL.  Annotation blocks are not in this map. */
Scope *symtable_scope_of(const SymTable *st, const Node *n);

/* The symbol for an (interned, already mangled) name in s, or NULL. */
Symbol *scope_lookup(const Scope *s, const char *name);

/* Private name mangling as CPython's _Py_Mangle: inside class `private_name`, `__x` (not ending
 * in `__`, without dots) becomes `_Cls__x` with the class name's leading underscores stripped;
 * a class named only with underscores mangles nothing.  Returns an interned string. */
const char *symtable_mangle(const char *private_name, const char *name);

static inline int scope_is_async_generator(const Scope *s)
{
    return s->is_generator && s->is_coroutine;
}

static inline int scope_is_comprehension(const Scope *s)
{
    return s->kind >= SK_LISTCOMP && s->kind <= SK_GENEXPR;
}

/* Prints the whole table for the differential test against python3's `symtable` module
 * (tests/sema/symtable_dump.py prints the same format): scopes depth-first, children in entry
 * order, one header line per scope, then its parameters, then its symbols sorted by name
 * (bytewise) with their resolved scope and the flags python's Symbol methods report. */
void symtable_dump(FILE *out, const SymTable *st);

#endif
