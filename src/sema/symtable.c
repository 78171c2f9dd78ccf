/*
 * symtable.c - the scope tree of a module, with CPython 3.11's scoping rules (see symtable.h).
 *
 * Two passes, as CPython's Python/symtable.c:
 *
 *   1. build  (st_*): walk the AST in CPython's visit order, entering a Scope for every code
 *             block and recording each name with the flags of how it is used.  The errors found
 *             here (duplicate argument, global/nonlocal after use, walrus in comprehensions,
 *             yield in a comprehension, import * in a function, ...) are raised in visit order.
 *   2. analyse (an_*): resolve every name to LOCAL / CELL / FREE / GLOBAL_*, top-down with the
 *             sets of names bound and declared global in enclosing blocks, bottom-up with the
 *             free names of children.  Its errors (nonlocal without binding, nonlocal and global,
 *             nonlocal at module level) come after all of pass 1's.
 *
 * The visit order matters twice: it fixes which error is reported first and the order of
 * children (a def's defaults, annotations and decorators are visited before its block).
 * Invariant: a symbol's key is its mangled name; lookups from the AST always mangle first,
 * except where CPython itself looks up the raw name (walrus conflict checks), noted there.
 */
#include "sema_internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* small containers in the arena                                                              */

static unsigned ptr_hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ull;
    return (unsigned)(x >> 32);
}

/* Grows an arena array of pointers (old storage is abandoned to the arena: bounded by 2x). */
static void *grow_array(Arena *a, void *old, int n, int *cap, size_t elem)
{
    if (n < *cap)
        return old;
    int ncap = *cap ? *cap * 2 : 4;
    void *p = arena_alloc(a, elem * (size_t)ncap);
    if (n)
        memcpy(p, old, elem * (size_t)n);
    *cap = ncap;
    return p;
}

Symbol *scope_lookup(const Scope *s, const char *name)
{
    if (!s->nslots)
        return NULL;
    unsigned mask = (unsigned)s->nslots - 1;
    for (unsigned i = ptr_hash(name) & mask;; i = (i + 1) & mask) {
        Symbol *sym = s->slots[i];
        if (!sym)
            return NULL;
        if (sym->name == name)
            return sym;
    }
}

static void slots_insert(Symbol **slots, int nslots, Symbol *sym)
{
    unsigned mask = (unsigned)nslots - 1;
    unsigned i = ptr_hash(sym->name) & mask;
    while (slots[i])
        i = (i + 1) & mask;
    slots[i] = sym;
}

static Symbol *scope_new_symbol(Arena *a, Scope *s, const char *name, const char *orig, Loc loc)
{
    Symbol *sym = arena_alloc(a, sizeof *sym);
    sym->name = name;
    sym->orig = orig;
    sym->loc = loc;
    s->syms = grow_array(a, s->syms, s->nsyms, &s->nsyms_cap, sizeof(Symbol *));
    s->syms[s->nsyms++] = sym;
    /* keep the load factor under 1/2 */
    if (s->nsyms * 2 > s->nslots) {
        int n = s->nslots ? s->nslots * 2 : 16;
        Symbol **slots = arena_alloc(a, sizeof(Symbol *) * (size_t)n);
        for (int i = 0; i < s->nsyms - 1; i++)
            slots_insert(slots, n, s->syms[i]);
        s->slots = slots;
        s->nslots = n;
    }
    slots_insert(s->slots, s->nslots, sym);
    return sym;
}

Scope *symtable_scope_of(const SymTable *st, const Node *n)
{
    if (!st->map_cap)
        return NULL;
    unsigned mask = (unsigned)st->map_cap - 1;
    for (unsigned i = ptr_hash(n) & mask;; i = (i + 1) & mask) {
        if (!st->map_keys[i])
            return NULL;
        if (st->map_keys[i] == n)
            return st->map_vals[i];
    }
}

static void map_put(Arena *a, SymTable *st, const Node *n, Scope *s)
{
    if ((st->map_n + 1) * 2 > st->map_cap) {
        int ncap = st->map_cap ? st->map_cap * 2 : 64;
        const Node **keys = arena_alloc(a, sizeof(Node *) * (size_t)ncap);
        Scope **vals = arena_alloc(a, sizeof(Scope *) * (size_t)ncap);
        for (int i = 0; i < st->map_cap; i++) {
            if (!st->map_keys[i])
                continue;
            unsigned j = ptr_hash(st->map_keys[i]) & (unsigned)(ncap - 1);
            while (keys[j])
                j = (j + 1) & (unsigned)(ncap - 1);
            keys[j] = st->map_keys[i];
            vals[j] = st->map_vals[i];
        }
        st->map_keys = keys;
        st->map_vals = vals;
        st->map_cap = ncap;
    }
    unsigned mask = (unsigned)st->map_cap - 1;
    unsigned i = ptr_hash(n) & mask;
    while (st->map_keys[i] && st->map_keys[i] != n)
        i = (i + 1) & mask;
    if (!st->map_keys[i])
        st->map_n++;
    st->map_keys[i] = n;   /* a later block with the same key replaces, as CPython's st_blocks */
    st->map_vals[i] = s;
}

/* ------------------------------------------------------------------------------------------ */
/* mangling                                                                                   */

const char *symtable_mangle(const char *private_name, const char *name)
{
    if (!private_name || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    /* __x__ stays (this also covers "__" itself), and so do dotted names (import a.__b) */
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*private_name == '_')
        private_name++;
    if (!*private_name)
        return name;
    size_t p = strlen(private_name);
    char *buf = xmalloc(p + n + 2);
    buf[0] = '_';
    memcpy(buf + 1, private_name, p);
    memcpy(buf + 1 + p, name, n + 1);
    const char *r = intern(buf, p + n + 1);
    free(buf);
    return r;
}

/* ------------------------------------------------------------------------------------------ */
/* pass 1: building                                                                           */

typedef struct Builder {
    SemaCtx *cx;
    SymTable *st;
    Arena *a;
    Scope *cur;
    Scope **stack;            /* every entered block, module first (CPython's st_stack);
                                 in the scratch arena */
    int nstack, capstack;
    const char *private_name; /* CPython's st_private: the class whose body we are in */
    int future_annotations;
    int detached;             /* > 0 inside an annotation block */
} Builder;

static void b_expr(Builder *b, const Node *e);
static void b_stmt(Builder *b, const Node *s);

#define B_SEQ(fn, b, list)                                                                    \
    do {                                                                                      \
        for (int i_ = 0; i_ < (list).n; i_++)                                                 \
            if ((list).v[i_])                                                                 \
                fn((b), (list).v[i_]);                                                        \
    } while (0)

static void b_fail(Builder *b, Loc loc, const char *fmt, const char *name)
{
    sema_fail(b->cx, loc.line, loc.col, fmt, name);
}

static Scope *b_enter(Builder *b, const char *name, ScopeKind kind, const Node *node, Loc loc)
{
    static const BlockType blocks[] = {
        [SK_MODULE] = BLOCK_MODULE,         [SK_FUNCTION] = BLOCK_FUNCTION,
        [SK_ASYNC_FUNCTION] = BLOCK_FUNCTION, [SK_LAMBDA] = BLOCK_FUNCTION,
        [SK_CLASS] = BLOCK_CLASS,           [SK_LISTCOMP] = BLOCK_FUNCTION,
        [SK_SETCOMP] = BLOCK_FUNCTION,      [SK_DICTCOMP] = BLOCK_FUNCTION,
        [SK_GENEXPR] = BLOCK_FUNCTION,      [SK_ANNOTATION] = BLOCK_ANNOTATION,
    };
    SymTable *st = b->st;
    Scope *s = arena_alloc(b->a, sizeof *s);
    Scope *prev = b->cur;
    s->kind = kind;
    s->block = blocks[kind];
    s->name = name;
    s->node = node;
    s->loc = loc;
    s->parent = prev;
    s->private_name = b->private_name;
    if (prev) {
        /* CPython's ste_nested: anything inside a function, at any depth */
        s->nested = prev->nested || prev->block == BLOCK_FUNCTION;
        /* a walrus anywhere inside a comprehension's iterable is an error, even in a lambda */
        s->comp_iter_expr = prev->comp_iter_expr;
    }
    b->stack = grow_array(b->cx->tmp, b->stack, b->nstack, &b->capstack, sizeof(Scope *));
    b->stack[b->nstack++] = s;
    b->cur = s;
    /* An annotation block (and anything inside it) is visited for its errors only: CPython
     * 3.11 does not link it into the tree, so it is never analysed and its names make no
     * cells.  It is kept out of the table altogether. */
    if (kind == SK_ANNOTATION || b->detached) {
        s->id = -1;
        b->detached++;
        return s;
    }
    s->id = st->nscopes;
    st->scopes = grow_array(b->a, st->scopes, st->nscopes, &st->scopes_cap, sizeof(Scope *));
    st->scopes[st->nscopes++] = s;
    if (prev) {
        prev->children = grow_array(b->a, prev->children, prev->nchildren, &prev->nchildren_cap,
                                    sizeof(Scope *));
        prev->children[prev->nchildren++] = s;
    }
    map_put(b->a, st, node, s);
    return s;
}

static void b_exit(Builder *b)
{
    if (b->cur->id < 0)
        b->detached--;
    b->nstack--;
    b->cur = b->nstack ? b->stack[b->nstack - 1] : NULL;
}

/* symtable_add_def_helper: records `flag` for `name` in scope s. */
static void b_add_def_in(Builder *b, Scope *s, const char *name, unsigned flag, Loc loc)
{
    const char *mangled = symtable_mangle(b->private_name, name);
    Symbol *sym = scope_lookup(s, mangled);
    unsigned val = flag;
    if (sym) {
        if ((flag & SYM_PARAM) && (sym->flags & SYM_PARAM))
            b_fail(b, loc, "duplicate argument '%s' in function definition", name);
        val |= sym->flags;
    }
    if (s->comp_iter_target) {
        /* an iteration variable of a comprehension: it must not be a walrus target already */
        if (val & (SYM_GLOBAL | SYM_NONLOCAL))
            b_fail(b, loc, "comprehension inner loop cannot rebind assignment expression "
                           "target '%s'", name);
        val |= SYM_COMP_ITER;
    }
    if (!sym)
        sym = scope_new_symbol(b->a, s, mangled, name, loc);
    sym->flags = val;
    if (flag & SYM_PARAM) {
        s->varnames = grow_array(b->a, s->varnames, s->nvarnames, &s->nvarnames_cap,
                                 sizeof(char *));
        s->varnames[s->nvarnames++] = mangled;
    } else if (flag & SYM_GLOBAL) {
        /* CPython also records every global declaration in the module's table (st_global):
         * the module then sees the name as GLOBAL_EXPLICIT */
        Symbol *g = scope_lookup(b->st->top, mangled);
        if (!g)
            g = scope_new_symbol(b->a, b->st->top, mangled, name, loc);
        g->flags |= flag;
    }
}

static void b_add_def(Builder *b, const char *name, unsigned flag, Loc loc)
{
    b_add_def_in(b, b->cur, name, flag, loc);
}

static unsigned b_lookup_flags(Builder *b, const char *name)
{
    Symbol *sym = scope_lookup(b->cur, symtable_mangle(b->private_name, name));
    return sym ? sym->flags : 0;
}

static void b_directive(Builder *b, const char *name, Loc loc)
{
    Scope *s = b->cur;
    s->directives = grow_array(b->a, s->directives, s->ndirectives, &s->ndirectives_cap,
                               sizeof(Directive));
    s->directives[s->ndirectives].name = symtable_mangle(b->private_name, name);
    s->directives[s->ndirectives].loc = loc;
    s->ndirectives++;
}

/* global x / nonlocal x: errors when the name was already used in this block */
static void b_declare(Builder *b, const Node *s, int is_global)
{
    const IdentList *names = is_global ? &s->v.Global.names : &s->v.Nonlocal.names;
    for (int i = 0; i < names->n; i++) {
        const char *name = names->v[i];
        unsigned cur = b_lookup_flags(b, name);
        /* compile() folds loads of __debug__ to a constant before building its table, so they
         * never count as a use (python's symtable module, which does not fold, differs) */
        if (name == sema_names.debug)
            cur &= ~(unsigned)SYM_USED;
        if (cur & (SYM_PARAM | SYM_ASSIGNED | SYM_USED | SYM_ANNOTATED)) {
            const char *msg;
            if (cur & SYM_PARAM)
                msg = is_global ? "name '%s' is parameter and global"
                                : "name '%s' is parameter and nonlocal";
            else if (cur & SYM_USED)
                msg = is_global ? "name '%s' is used prior to global declaration"
                                : "name '%s' is used prior to nonlocal declaration";
            else if (cur & SYM_ANNOTATED)
                msg = is_global ? "annotated name '%s' can't be global"
                                : "annotated name '%s' can't be nonlocal";
            else
                msg = is_global ? "name '%s' is assigned to before global declaration"
                                : "name '%s' is assigned to before nonlocal declaration";
            b_fail(b, s->loc, msg, name);
        }
        b_add_def(b, name, is_global ? SYM_GLOBAL : SYM_NONLOCAL, s->loc);
        b_directive(b, name, s->loc);
    }
}

/* Under `from __future__ import annotations` each annotation is its own (never compiled)
 * block; without it annotations are ordinary expressions of the enclosing block. */
static void b_annotation(Builder *b, const Node *ann)
{
    if (b->future_annotations)
        b_enter(b, sema_names.annotation, SK_ANNOTATION, ann, ann->loc);
    b_expr(b, ann);
    if (b->future_annotations)
        b_exit(b);
}

static void b_arg_annotations(Builder *b, const NodeList *args)
{
    for (int i = 0; i < args->n; i++)
        if (args->v[i]->v.arg.annotation)
            b_expr(b, args->v[i]->v.arg.annotation);
}

/* symtable_visit_annotations: note the order (posonly, args, *args, **kwargs, kwonly), which
 * differs from both the parameter order and compile.c's */
static void b_def_annotations(Builder *b, const Node *def, const Node *a, const Node *returns)
{
    if (b->future_annotations)
        b_enter(b, sema_names.annotation, SK_ANNOTATION, def, def->loc);
    b_arg_annotations(b, &a->v.arguments.posonlyargs);
    b_arg_annotations(b, &a->v.arguments.args);
    if (a->v.arguments.vararg && a->v.arguments.vararg->v.arg.annotation)
        b_expr(b, a->v.arguments.vararg->v.arg.annotation);
    if (a->v.arguments.kwarg && a->v.arguments.kwarg->v.arg.annotation)
        b_expr(b, a->v.arguments.kwarg->v.arg.annotation);
    b_arg_annotations(b, &a->v.arguments.kwonlyargs);
    if (b->future_annotations)
        b_exit(b);
    if (returns)
        b_annotation(b, returns);
}

static void b_params(Builder *b, const NodeList *args)
{
    for (int i = 0; i < args->n; i++)
        b_add_def(b, args->v[i]->v.arg.arg, SYM_PARAM, args->v[i]->loc);
}

/* symtable_visit_arguments: the parameters, inside the function's block */
static void b_arguments(Builder *b, const Node *a)
{
    b_params(b, &a->v.arguments.posonlyargs);
    b_params(b, &a->v.arguments.args);
    b_params(b, &a->v.arguments.kwonlyargs);
    if (a->v.arguments.vararg) {
        b_add_def(b, a->v.arguments.vararg->v.arg.arg, SYM_PARAM, a->v.arguments.vararg->loc);
        b->cur->has_varargs = 1;
    }
    if (a->v.arguments.kwarg) {
        b_add_def(b, a->v.arguments.kwarg->v.arg.arg, SYM_PARAM, a->v.arguments.kwarg->loc);
        b->cur->has_varkeywords = 1;
    }
}

static void b_defaults(Builder *b, const Node *a)
{
    B_SEQ(b_expr, b, a->v.arguments.defaults);
    B_SEQ(b_expr, b, a->v.arguments.kw_defaults);   /* NULL items skipped */
}

static void b_function(Builder *b, const Node *s, int is_async)
{
    const char *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    const Node *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    const Node *returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    const NodeList *decos = is_async ? &s->v.AsyncFunctionDef.decorator_list
                                     : &s->v.FunctionDef.decorator_list;
    const NodeList *body = is_async ? &s->v.AsyncFunctionDef.body : &s->v.FunctionDef.body;
    b_add_def(b, name, SYM_ASSIGNED, s->loc);
    b_defaults(b, args);
    b_def_annotations(b, s, args, returns);
    B_SEQ(b_expr, b, *decos);
    Scope *f = b_enter(b, name, is_async ? SK_ASYNC_FUNCTION : SK_FUNCTION, s, s->loc);
    if (is_async)
        f->is_coroutine = 1;
    b_arguments(b, args);
    B_SEQ(b_stmt, b, *body);
    b_exit(b);
}

static void b_alias(Builder *b, const Node *a)
{
    /* import a.b.c binds a; `as` names bind as written */
    const char *name = a->v.alias.asname ? a->v.alias.asname : a->v.alias.name;
    if (strcmp(name, "*") == 0) {
        if (b->cur->block != BLOCK_MODULE)
            b_fail(b, a->loc, "import * only allowed at module level", NULL);
        return;
    }
    const char *dot = strchr(name, '.');
    const char *store = dot ? intern(name, (size_t)(dot - name)) : name;
    b_add_def(b, store, SYM_IMPORTED, a->loc);
}

static void b_pattern(Builder *b, const Node *p)
{
    SEMA_ENTER(b->cx);
    switch (p->kind) {
    case N_MatchValue:
        b_expr(b, p->v.MatchValue.value);
        break;
    case N_MatchSingleton:
        break;
    case N_MatchSequence:
        B_SEQ(b_pattern, b, p->v.MatchSequence.patterns);
        break;
    case N_MatchStar:
        if (p->v.MatchStar.name)
            b_add_def(b, p->v.MatchStar.name, SYM_ASSIGNED, p->loc);
        break;
    case N_MatchMapping:
        B_SEQ(b_expr, b, p->v.MatchMapping.keys);
        B_SEQ(b_pattern, b, p->v.MatchMapping.patterns);
        if (p->v.MatchMapping.rest)
            b_add_def(b, p->v.MatchMapping.rest, SYM_ASSIGNED, p->loc);
        break;
    case N_MatchClass:
        b_expr(b, p->v.MatchClass.cls);
        B_SEQ(b_pattern, b, p->v.MatchClass.patterns);
        B_SEQ(b_pattern, b, p->v.MatchClass.kwd_patterns);
        break;
    case N_MatchAs:
        if (p->v.MatchAs.pattern)
            b_pattern(b, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name)
            b_add_def(b, p->v.MatchAs.name, SYM_ASSIGNED, p->loc);
        break;
    case N_MatchOr:
        B_SEQ(b_pattern, b, p->v.MatchOr.patterns);
        break;
    default:
        die("symtable: unexpected pattern %s", ast_nodes[p->kind].name);
    }
    SEMA_LEAVE(b->cx);
}

static void b_handler(Builder *b, const Node *h)
{
    if (h->v.ExceptHandler.type)
        b_expr(b, h->v.ExceptHandler.type);
    if (h->v.ExceptHandler.name)
        b_add_def(b, h->v.ExceptHandler.name, SYM_ASSIGNED, h->loc);
    B_SEQ(b_stmt, b, h->v.ExceptHandler.body);
}

static void b_withitems(Builder *b, const NodeList *items)
{
    for (int i = 0; i < items->n; i++) {
        b_expr(b, items->v[i]->v.withitem.context_expr);
        if (items->v[i]->v.withitem.optional_vars)
            b_expr(b, items->v[i]->v.withitem.optional_vars);
    }
}

static void b_stmt(Builder *b, const Node *s)
{
    SEMA_ENTER(b->cx);
    switch (s->kind) {
    case N_FunctionDef:
        b_function(b, s, 0);
        break;
    case N_AsyncFunctionDef:
        b_function(b, s, 1);
        break;
    case N_ClassDef: {
        b_add_def(b, s->v.ClassDef.name, SYM_ASSIGNED, s->loc);
        B_SEQ(b_expr, b, s->v.ClassDef.bases);
        for (int i = 0; i < s->v.ClassDef.keywords.n; i++)
            b_expr(b, s->v.ClassDef.keywords.v[i]->v.keyword.value);
        B_SEQ(b_expr, b, s->v.ClassDef.decorator_list);
        Scope *c = b_enter(b, s->v.ClassDef.name, SK_CLASS, s, s->loc);
        const char *saved = b->private_name;
        b->private_name = s->v.ClassDef.name;
        c->private_name = b->private_name;
        B_SEQ(b_stmt, b, s->v.ClassDef.body);
        b->private_name = saved;
        b_exit(b);
        break;
    }
    case N_Return:
        if (s->v.Return.value) {
            b_expr(b, s->v.Return.value);
            b->cur->returns_value = 1;
        }
        break;
    case N_Delete:
        B_SEQ(b_expr, b, s->v.Delete.targets);
        break;
    case N_Assign:
        B_SEQ(b_expr, b, s->v.Assign.targets);
        b_expr(b, s->v.Assign.value);
        break;
    case N_AnnAssign: {
        const Node *t = s->v.AnnAssign.target;
        if (t->kind == N_Name) {
            unsigned cur = b_lookup_flags(b, t->v.Name.id);
            if ((cur & (SYM_GLOBAL | SYM_NONLOCAL)) && b->cur != b->st->top &&
                s->v.AnnAssign.simple)
                b_fail(b, s->loc,
                       (cur & SYM_GLOBAL) ? "annotated name '%s' can't be global"
                                          : "annotated name '%s' can't be nonlocal",
                       t->v.Name.id);
            if (s->v.AnnAssign.simple)
                b_add_def(b, t->v.Name.id, SYM_ANNOTATED | SYM_ASSIGNED, t->loc);
            else if (s->v.AnnAssign.value)
                b_add_def(b, t->v.Name.id, SYM_ASSIGNED, t->loc);
        } else {
            b_expr(b, t);
        }
        b_annotation(b, s->v.AnnAssign.annotation);
        if (s->v.AnnAssign.value)
            b_expr(b, s->v.AnnAssign.value);
        break;
    }
    case N_AugAssign:
        b_expr(b, s->v.AugAssign.target);
        b_expr(b, s->v.AugAssign.value);
        break;
    case N_For:
        b_expr(b, s->v.For.target);
        b_expr(b, s->v.For.iter);
        B_SEQ(b_stmt, b, s->v.For.body);
        B_SEQ(b_stmt, b, s->v.For.orelse);
        break;
    case N_AsyncFor:
        b_expr(b, s->v.AsyncFor.target);
        b_expr(b, s->v.AsyncFor.iter);
        B_SEQ(b_stmt, b, s->v.AsyncFor.body);
        B_SEQ(b_stmt, b, s->v.AsyncFor.orelse);
        break;
    case N_While:
        b_expr(b, s->v.While.test);
        B_SEQ(b_stmt, b, s->v.While.body);
        B_SEQ(b_stmt, b, s->v.While.orelse);
        break;
    case N_If:
        b_expr(b, s->v.If.test);
        B_SEQ(b_stmt, b, s->v.If.body);
        B_SEQ(b_stmt, b, s->v.If.orelse);
        break;
    case N_With:
        b_withitems(b, &s->v.With.items);
        B_SEQ(b_stmt, b, s->v.With.body);
        break;
    case N_AsyncWith:
        b_withitems(b, &s->v.AsyncWith.items);
        B_SEQ(b_stmt, b, s->v.AsyncWith.body);
        break;
    case N_Match:
        b_expr(b, s->v.Match.subject);
        for (int i = 0; i < s->v.Match.cases.n; i++) {
            const Node *c = s->v.Match.cases.v[i];
            b_pattern(b, c->v.match_case.pattern);
            if (c->v.match_case.guard)
                b_expr(b, c->v.match_case.guard);
            B_SEQ(b_stmt, b, c->v.match_case.body);
        }
        break;
    case N_Raise:
        if (s->v.Raise.exc) {
            b_expr(b, s->v.Raise.exc);
            if (s->v.Raise.cause)
                b_expr(b, s->v.Raise.cause);
        }
        break;
    case N_Try:
        B_SEQ(b_stmt, b, s->v.Try.body);
        B_SEQ(b_stmt, b, s->v.Try.orelse);
        B_SEQ(b_handler, b, s->v.Try.handlers);
        B_SEQ(b_stmt, b, s->v.Try.finalbody);
        break;
    case N_TryStar:
        B_SEQ(b_stmt, b, s->v.TryStar.body);
        B_SEQ(b_stmt, b, s->v.TryStar.orelse);
        B_SEQ(b_handler, b, s->v.TryStar.handlers);
        B_SEQ(b_stmt, b, s->v.TryStar.finalbody);
        break;
    case N_Assert:
        b_expr(b, s->v.Assert.test);
        if (s->v.Assert.msg)
            b_expr(b, s->v.Assert.msg);
        break;
    case N_Import:
        B_SEQ(b_alias, b, s->v.Import.names);
        break;
    case N_ImportFrom:
        B_SEQ(b_alias, b, s->v.ImportFrom.names);
        break;
    case N_Global:
        b_declare(b, s, 1);
        break;
    case N_Nonlocal:
        b_declare(b, s, 0);
        break;
    case N_Expr:
        b_expr(b, s->v.Expr.value);
        break;
    case N_Pass:
    case N_Break:
    case N_Continue:
        break;
    default:
        die("symtable: unexpected statement %s", ast_nodes[s->kind].name);
    }
    SEMA_LEAVE(b->cx);
}

/* symtable_extend_namedexpr_scope: the target of := inside a comprehension binds in the
 * nearest enclosing function (declared nonlocal/global in the comprehension) or the module
 * (declared global); a class body in between is an error. */
static void b_walrus_target(Builder *b, const Node *target)
{
    const char *name = target->v.Name.id;
    for (int i = b->nstack - 1; i >= 0; i--) {
        Scope *s = b->stack[i];
        if (scope_is_comprehension(s)) {
            /* CPython looks the raw (unmangled) name up here */
            Symbol *sym = scope_lookup(s, name);
            if (sym && (sym->flags & SYM_COMP_ITER))
                b_fail(b, target->loc,
                       "assignment expression cannot rebind comprehension iteration variable '%s'",
                       name);
            continue;
        }
        if (s->block == BLOCK_FUNCTION) {
            Symbol *sym = scope_lookup(s, name);
            if (sym && (sym->flags & SYM_GLOBAL))
                b_add_def(b, name, SYM_GLOBAL | SYM_WALRUS, target->loc);
            else
                b_add_def(b, name, SYM_NONLOCAL | SYM_WALRUS, target->loc);
            b_directive(b, name, target->loc);
            b_add_def_in(b, s, name, SYM_ASSIGNED | SYM_WALRUS, target->loc);
            return;
        }
        if (s->block == BLOCK_MODULE) {
            b_add_def(b, name, SYM_GLOBAL | SYM_WALRUS, target->loc);
            b_directive(b, name, target->loc);
            b_add_def_in(b, s, name, SYM_GLOBAL | SYM_WALRUS, target->loc);
            return;
        }
        if (s->block == BLOCK_CLASS)
            b_fail(b, target->loc, "assignment expression within a comprehension cannot be "
                                   "used in a class body", NULL);
        /* annotation blocks are skipped */
    }
    UNREACHABLE();
}

static void b_not_in_annotation(Builder *b, const Node *e, const char *what)
{
    if (b->cur->block == BLOCK_ANNOTATION)
        b_fail(b, e->loc, "'%s' can not be used within an annotation", what);
}

/* The first iterable is evaluated in the enclosing block; the rest in a new function block
 * whose parameter .0 receives the iterator. */
static void b_comprehension(Builder *b, const Node *e, const char *name, ScopeKind kind,
                            const NodeList *gens, const Node *elt, const Node *value)
{
    const Node *outer = gens->v[0];
    b->cur->comp_iter_expr++;
    b_expr(b, outer->v.comprehension.iter);
    b->cur->comp_iter_expr--;
    Scope *c = b_enter(b, name, kind, e, e->loc);
    if (outer->v.comprehension.is_async)
        c->is_coroutine = 1;
    b_add_def(b, sema_names.dot0, SYM_PARAM, e->loc);
    c->comp_iter_target = 1;
    b_expr(b, outer->v.comprehension.target);
    c->comp_iter_target = 0;
    B_SEQ(b_expr, b, outer->v.comprehension.ifs);
    for (int i = 1; i < gens->n; i++) {
        const Node *g = gens->v[i];
        c->comp_iter_target = 1;
        b_expr(b, g->v.comprehension.target);
        c->comp_iter_target = 0;
        c->comp_iter_expr++;
        b_expr(b, g->v.comprehension.iter);
        c->comp_iter_expr--;
        B_SEQ(b_expr, b, g->v.comprehension.ifs);
        if (g->v.comprehension.is_async)
            c->is_coroutine = 1;
    }
    if (value)
        b_expr(b, value);   /* a dict comprehension's value is visited before its key */
    b_expr(b, elt);
    c->is_generator = kind == SK_GENEXPR;
    int is_async = c->is_coroutine && kind != SK_GENEXPR;
    b_exit(b);
    /* 3.11: an async list/set/dict comprehension makes the enclosing block a coroutine too
     * (which compile.c then checks) */
    if (is_async)
        b->cur->is_coroutine = 1;
}

static void b_yield_in_comprehension(Builder *b, const Node *e)
{
    static const char *const msg[] = {
        [SK_LISTCOMP] = "'yield' inside list comprehension",
        [SK_SETCOMP] = "'yield' inside set comprehension",
        [SK_DICTCOMP] = "'yield' inside dict comprehension",
        [SK_GENEXPR] = "'yield' inside generator expression",
    };
    if (scope_is_comprehension(b->cur))
        sema_fail(b->cx, e->loc.line, e->loc.col, "%s", msg[b->cur->kind]);
}

static void b_expr(Builder *b, const Node *e)
{
    SEMA_ENTER(b->cx);
    switch (e->kind) {
    case N_NamedExpr:
        b_not_in_annotation(b, e, "named expression");
        if (b->cur->comp_iter_expr > 0)
            b_fail(b, e->loc, "assignment expression cannot be used in a comprehension "
                              "iterable expression", NULL);
        if (scope_is_comprehension(b->cur))
            b_walrus_target(b, e->v.NamedExpr.target);
        b_expr(b, e->v.NamedExpr.value);
        b_expr(b, e->v.NamedExpr.target);
        break;
    case N_BoolOp:
        B_SEQ(b_expr, b, e->v.BoolOp.values);
        break;
    case N_BinOp:
        b_expr(b, e->v.BinOp.left);
        b_expr(b, e->v.BinOp.right);
        break;
    case N_UnaryOp:
        b_expr(b, e->v.UnaryOp.operand);
        break;
    case N_Lambda:
        b_defaults(b, e->v.Lambda.args);
        b_enter(b, sema_names.lambda, SK_LAMBDA, e, e->loc);
        b_arguments(b, e->v.Lambda.args);
        b_expr(b, e->v.Lambda.body);
        b_exit(b);
        break;
    case N_IfExp:
        b_expr(b, e->v.IfExp.test);
        b_expr(b, e->v.IfExp.body);
        b_expr(b, e->v.IfExp.orelse);
        break;
    case N_Dict:
        B_SEQ(b_expr, b, e->v.Dict.keys);   /* all keys, then all values, as CPython */
        B_SEQ(b_expr, b, e->v.Dict.values);
        break;
    case N_Set:
        B_SEQ(b_expr, b, e->v.Set.elts);
        break;
    case N_GeneratorExp:
        b_comprehension(b, e, sema_names.genexpr, SK_GENEXPR, &e->v.GeneratorExp.generators,
                        e->v.GeneratorExp.elt, NULL);
        break;
    case N_ListComp:
        b_comprehension(b, e, sema_names.listcomp, SK_LISTCOMP, &e->v.ListComp.generators,
                        e->v.ListComp.elt, NULL);
        break;
    case N_SetComp:
        b_comprehension(b, e, sema_names.setcomp, SK_SETCOMP, &e->v.SetComp.generators,
                        e->v.SetComp.elt, NULL);
        break;
    case N_DictComp:
        b_comprehension(b, e, sema_names.dictcomp, SK_DICTCOMP, &e->v.DictComp.generators,
                        e->v.DictComp.key, e->v.DictComp.value);
        break;
    case N_Yield:
        b_not_in_annotation(b, e, "yield expression");
        if (e->v.Yield.value)
            b_expr(b, e->v.Yield.value);
        b->cur->is_generator = 1;
        b_yield_in_comprehension(b, e);
        break;
    case N_YieldFrom:
        b_not_in_annotation(b, e, "yield expression");
        b_expr(b, e->v.YieldFrom.value);
        b->cur->is_generator = 1;
        b_yield_in_comprehension(b, e);
        break;
    case N_Await:
        b_not_in_annotation(b, e, "await expression");
        b_expr(b, e->v.Await.value);
        b->cur->is_coroutine = 1;
        break;
    case N_Compare:
        b_expr(b, e->v.Compare.left);
        B_SEQ(b_expr, b, e->v.Compare.comparators);
        break;
    case N_Call:
        b_expr(b, e->v.Call.func);
        B_SEQ(b_expr, b, e->v.Call.args);
        for (int i = 0; i < e->v.Call.keywords.n; i++)
            b_expr(b, e->v.Call.keywords.v[i]->v.keyword.value);
        break;
    case N_FormattedValue:
        b_expr(b, e->v.FormattedValue.value);
        if (e->v.FormattedValue.format_spec)
            b_expr(b, e->v.FormattedValue.format_spec);
        break;
    case N_JoinedStr:
        B_SEQ(b_expr, b, e->v.JoinedStr.values);
        break;
    case N_Constant:
        break;
    case N_Attribute:
        b_expr(b, e->v.Attribute.value);
        break;
    case N_Subscript:
        b_expr(b, e->v.Subscript.value);
        b_expr(b, e->v.Subscript.slice);
        break;
    case N_Starred:
        b_expr(b, e->v.Starred.value);
        break;
    case N_Slice:
        if (e->v.Slice.lower)
            b_expr(b, e->v.Slice.lower);
        if (e->v.Slice.upper)
            b_expr(b, e->v.Slice.upper);
        if (e->v.Slice.step)
            b_expr(b, e->v.Slice.step);
        break;
    case N_Name:
        b_add_def(b, e->v.Name.id, e->v.Name.ctx == Ctx_Load ? SYM_USED : SYM_ASSIGNED, e->loc);
        /* a bare `super` in a function reads the __class__ cell */
        if (e->v.Name.ctx == Ctx_Load && b->cur->block == BLOCK_FUNCTION &&
            e->v.Name.id == sema_names.super)
            b_add_def(b, sema_names.dunder_class, SYM_USED, e->loc);
        break;
    case N_List:
        B_SEQ(b_expr, b, e->v.List.elts);
        break;
    case N_Tuple:
        B_SEQ(b_expr, b, e->v.Tuple.elts);
        break;
    default:
        die("symtable: unexpected expression %s", ast_nodes[e->kind].name);
    }
    SEMA_LEAVE(b->cx);
}

/* ------------------------------------------------------------------------------------------ */
/* pass 2: analysis                                                                           */

/* An insertion-ordered set of interned names, in the scratch arena.  Order matters only for
 * determinism (free names propagated into a block are appended in this order). */
typedef struct NameSet {
    const char **items;   /* NULL for a removed item */
    int n, cap;
    int *slots;           /* index+1 into items, 0 empty, -1 deleted */
    int nslots;
    int live;
} NameSet;

static NameSet *set_new(Arena *a)
{
    NameSet *s = arena_alloc(a, sizeof *s);
    return s;
}

static int set_find(const NameSet *s, const char *name, int *slot)
{
    if (!s->nslots) {
        *slot = -1;
        return -1;
    }
    unsigned mask = (unsigned)s->nslots - 1;
    int first_free = -1;
    for (unsigned i = ptr_hash(name) & mask;; i = (i + 1) & mask) {
        int v = s->slots[i];
        if (v == 0) {
            *slot = first_free >= 0 ? first_free : (int)i;
            return -1;
        }
        if (v < 0) {
            if (first_free < 0)
                first_free = (int)i;
        } else if (s->items[v - 1] == name) {
            *slot = (int)i;
            return v - 1;
        }
    }
}

static int set_contains(const NameSet *s, const char *name)
{
    int slot;
    return s && set_find(s, name, &slot) >= 0;
}

static void set_rehash(Arena *a, NameSet *s)
{
    int n = 16;
    while (n < (s->live + 1) * 3)
        n *= 2;
    /* compact the items too, dropping removed ones */
    const char **items = arena_alloc(a, sizeof(char *) * (size_t)n);
    int m = 0;
    for (int i = 0; i < s->n; i++)
        if (s->items[i])
            items[m++] = s->items[i];
    s->items = items;
    s->n = m;
    s->cap = n;
    s->slots = arena_alloc(a, sizeof(int) * (size_t)n);
    s->nslots = n;
    for (int i = 0; i < m; i++) {
        unsigned mask = (unsigned)n - 1, j = ptr_hash(items[i]) & mask;
        while (s->slots[j])
            j = (j + 1) & mask;
        s->slots[j] = i + 1;
    }
}

static void set_add(Arena *a, NameSet *s, const char *name)
{
    int slot;
    if (set_find(s, name, &slot) >= 0)
        return;
    if ((s->n + 1) * 3 > s->nslots * 2 || s->n + 1 > s->cap) {
        set_rehash(a, s);
        set_find(s, name, &slot);
    }
    s->items[s->n++] = name;
    s->slots[slot] = s->n;
    s->live++;
}

static void set_discard(NameSet *s, const char *name)
{
    int slot;
    int idx = set_find(s, name, &slot);
    if (idx < 0)
        return;
    s->items[idx] = NULL;
    s->slots[slot] = -1;
    s->live--;
}

static void set_union(Arena *a, NameSet *dst, const NameSet *src)
{
    for (int i = 0; i < src->n; i++)
        if (src->items[i])
            set_add(a, dst, src->items[i]);
}

static NameSet *set_copy(Arena *a, const NameSet *src)
{
    NameSet *s = set_new(a);
    set_union(a, s, src);
    return s;
}

typedef struct Analyzer {
    SemaCtx *cx;
    Arena *tmp;      /* the sets */
    Arena *a;        /* the table (new pass-through symbols) */
} Analyzer;

static noreturn void an_fail_at_directive(Analyzer *an, Scope *s, const char *name,
                                          const char *fmt)
{
    for (int i = 0; i < s->ndirectives; i++)
        if (s->directives[i].name == name)
            sema_fail(an->cx, s->directives[i].loc.line, s->directives[i].loc.col, fmt, name);
    die("symtable: no directive for '%s'", name);
}

/* analyze_name: the scope of one name of block s.  bound is NULL only for the module. */
static void an_name(Analyzer *an, Scope *s, Symbol *sym, NameSet *bound, NameSet *local,
                    NameSet *free, NameSet *global)
{
    const char *name = sym->name;
    unsigned flags = sym->flags;
    if (flags & SYM_GLOBAL) {
        if (flags & SYM_NONLOCAL)
            an_fail_at_directive(an, s, name, "name '%s' is nonlocal and global");
        sym->scope = SC_GLOBAL_EXPLICIT;
        set_add(an->tmp, global, name);
        if (bound)
            set_discard(bound, name);
        return;
    }
    if (flags & SYM_NONLOCAL) {
        if (!bound)
            an_fail_at_directive(an, s, name, "nonlocal declaration not allowed at module level");
        if (!set_contains(bound, name))
            an_fail_at_directive(an, s, name, "no binding for nonlocal '%s' found");
        sym->scope = SC_FREE;
        s->has_free = 1;
        set_add(an->tmp, free, name);
        return;
    }
    if (flags & SYM_BOUND) {
        sym->scope = SC_LOCAL;
        set_add(an->tmp, local, name);
        set_discard(global, name);
        return;
    }
    /* bound in an enclosing function: a free variable (a non-NULL bound implies nesting) */
    if (bound && set_contains(bound, name)) {
        sym->scope = SC_FREE;
        s->has_free = 1;
        set_add(an->tmp, free, name);
        return;
    }
    if (global && set_contains(global, name)) {
        sym->scope = SC_GLOBAL_IMPLICIT;
        return;
    }
    if (s->nested)
        s->has_free = 1;   /* CPython's quirk, kept for fidelity of the flag */
    sym->scope = SC_GLOBAL_IMPLICIT;
}

/* update_symbols' second half: free names of children that this block neither binds nor
 * declares are recorded as FREE here so that the closure passes them down */
static void an_record_free(Analyzer *an, Scope *s, NameSet *bound, NameSet *free)
{
    for (int i = 0; i < free->n; i++) {
        const char *name = free->items[i];
        if (!name)
            continue;
        Symbol *sym = scope_lookup(s, name);
        if (sym) {
            /* a method's free variable that the class body also binds or declares global */
            if (s->block == BLOCK_CLASS && (sym->flags & (SYM_BOUND | SYM_GLOBAL)))
                sym->flags |= SYM_FREE_CLASS;
            continue;   /* a cell, or already free here */
        }
        if (bound && !set_contains(bound, name))
            continue;   /* a global */
        Loc noloc = {0};
        sym = scope_new_symbol(an->a, s, name, name, noloc);
        sym->scope = SC_FREE;
    }
}

static void an_block(Analyzer *an, Scope *s, NameSet *bound, NameSet *free, NameSet *global)
{
    Arena *t = an->tmp;
    SEMA_ENTER(an->cx);
    NameSet *local = set_new(t);
    NameSet *newglobal = set_new(t), *newfree = set_new(t), *newbound = set_new(t);

    /* a class's own bindings are invisible to nested blocks: take the sets before analysing */
    if (s->block == BLOCK_CLASS) {
        set_union(t, newglobal, global);
        if (bound)
            set_union(t, newbound, bound);
    }
    int nsyms = s->nsyms;   /* an_record_free appends; analyse only the block's own names */
    for (int i = 0; i < nsyms; i++)
        an_name(an, s, s->syms[i], bound, local, free, global);

    if (s->block != BLOCK_CLASS) {
        if (s->block == BLOCK_FUNCTION)
            set_union(t, newbound, local);
        if (bound)
            set_union(t, newbound, bound);
        set_union(t, newglobal, global);
    } else {
        /* methods see __class__ as bound in the class: it becomes the implicit cell */
        set_add(t, newbound, sema_names.dunder_class);
    }

    NameSet *allfree = set_new(t);
    for (int i = 0; i < s->nchildren; i++) {
        Scope *c = s->children[i];
        NameSet *cb = set_copy(t, newbound), *cf = set_copy(t, newfree);
        NameSet *cg = set_copy(t, newglobal);
        an_block(an, c, cb, cf, cg);
        set_union(t, allfree, cf);
        if (c->has_free || c->child_free)
            s->child_free = 1;
    }
    set_union(t, newfree, allfree);

    if (s->block == BLOCK_FUNCTION) {
        /* analyze_cells: locals read by nested blocks become cells */
        for (int i = 0; i < nsyms; i++) {
            Symbol *sym = s->syms[i];
            if (sym->scope == SC_LOCAL && set_contains(newfree, sym->name)) {
                sym->scope = SC_CELL;
                set_discard(newfree, sym->name);
            }
        }
    } else if (s->block == BLOCK_CLASS) {
        /* drop_class_free */
        if (set_contains(newfree, sema_names.dunder_class)) {
            set_discard(newfree, sema_names.dunder_class);
            s->needs_class_cell = 1;
        }
    }
    an_record_free(an, s, bound, newfree);
    set_union(t, free, newfree);
    SEMA_LEAVE(an->cx);
}

/* ------------------------------------------------------------------------------------------ */

SymTable *symtable_build(SemaCtx *cx, const Node *module, unsigned future, int future_lineno)
{
    SymTable *st = arena_alloc(cx->arena, sizeof *st);
    st->future = future;
    st->future_lineno = future_lineno;
    Builder b = {0};
    b.cx = cx;
    b.st = st;
    b.a = cx->arena;
    b.future_annotations = (future & FUTURE_ANNOTATIONS) != 0;
    Loc noloc = {0};
    st->top = b_enter(&b, sema_names.top, SK_MODULE, module, noloc);
    if (module->kind == N_Module)
        B_SEQ(b_stmt, &b, module->v.Module.body);
    b_exit(&b);

    Analyzer an = {cx, cx->tmp, cx->arena};
    NameSet *free = set_new(cx->tmp), *global = set_new(cx->tmp);
    an_block(&an, st->top, NULL, free, global);
    return st;
}

/* ------------------------------------------------------------------------------------------ */
/* dump                                                                                       */

static const char *const scope_names[] = {
    [SC_UNRESOLVED] = "UNRESOLVED", [SC_LOCAL] = "LOCAL",
    [SC_GLOBAL_EXPLICIT] = "GLOBAL_EXPLICIT", [SC_GLOBAL_IMPLICIT] = "GLOBAL_IMPLICIT",
    [SC_FREE] = "FREE", [SC_CELL] = "CELL",
};

static int cmp_sym(const void *x, const void *y)
{
    const Symbol *a = *(Symbol *const *)x, *b = *(Symbol *const *)y;
    return strcmp(a->name, b->name);
}

static void dump_scope(FILE *out, const Scope *s, int depth)
{
    static const char *const types[] = {[BLOCK_FUNCTION] = "function", [BLOCK_CLASS] = "class",
                                        [BLOCK_MODULE] = "module",
                                        [BLOCK_ANNOTATION] = "annotation"};
    int ind = depth * 2;
    fprintf(out, "%*s%s %s line %d%s\n", ind, "", types[s->block], s->name, s->loc.line,
            s->nested ? " nested" : "");
    if (s->nvarnames) {
        fprintf(out, "%*s  params:", ind, "");
        for (int i = 0; i < s->nvarnames; i++)
            fprintf(out, " %s", s->varnames[i]);
        fputc('\n', out);
    }
    Symbol **syms = xmalloc(sizeof(Symbol *) * (size_t)(s->nsyms + 1));
    if (s->nsyms) {
        memcpy(syms, s->syms, sizeof(Symbol *) * (size_t)s->nsyms);
        qsort(syms, (size_t)s->nsyms, sizeof(Symbol *), cmp_sym);
    }
    /* python's Symbol decides "module scope" by the table's name, so a function named `top`
     * gets the module rule too; the dump mirrors that to stay comparable */
    int module = strcmp(s->name, "top") == 0;
    for (int i = 0; i < s->nsyms; i++) {
        const Symbol *y = syms[i];
        unsigned f = y->flags;
        SymScope sc = y->scope;
        /* the booleans of python's symtable.Symbol, which count a module's bound names as
         * both local and global */
        int mod_bound = module && (f & SYM_BOUND);
        fprintf(out, "%*s  %s: %s", ind, "", y->name, scope_names[sc]);
        if (sc == SC_LOCAL || sc == SC_CELL || mod_bound)
            fputs(" local", out);
        if (sc == SC_GLOBAL_IMPLICIT || sc == SC_GLOBAL_EXPLICIT || mod_bound)
            fputs(" global", out);
        if (sc == SC_GLOBAL_EXPLICIT)
            fputs(" declared_global", out);
        if (f & SYM_NONLOCAL)
            fputs(" nonlocal", out);
        if (sc == SC_FREE)
            fputs(" free", out);
        if (f & SYM_PARAM)
            fputs(" parameter", out);
        if (f & SYM_IMPORTED)
            fputs(" imported", out);
        if (f & SYM_ASSIGNED)
            fputs(" assigned", out);
        if (f & SYM_USED)
            fputs(" referenced", out);
        if (f & SYM_ANNOTATED)
            fputs(" annotated", out);
        fputc('\n', out);
    }
    free(syms);
}

void symtable_dump(FILE *out, const SymTable *st)
{
    /* depth-first, children in entry order, with an explicit stack */
    PtrVec stack = {0}, depths = {0};
    vec_push(&stack, st->top);
    vec_push(&depths, (void *)(intptr_t)0);
    while (stack.n) {
        const Scope *s = stack.v[--stack.n];
        int d = (int)(intptr_t)depths.v[--depths.n];
        dump_scope(out, s, d);
        for (int i = s->nchildren - 1; i >= 0; i--) {
            vec_push(&stack, s->children[i]);
            vec_push(&depths, (void *)(intptr_t)(d + 1));
        }
    }
    vec_free(&stack);
    vec_free(&depths);
}
