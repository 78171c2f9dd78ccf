/*
 * check.c - the SyntaxErrors CPython 3.11 raises in its code generator (Python/compile.c),
 * reported as CPython reports them: the first one in code-generation order, at the location
 * the compiler holds at that moment.
 *
 * The walk mirrors compile.c closely enough to reproduce both:
 *
 *   - order: each construct visits its parts in compile.c's order (assignment value before
 *     targets, a class body before its bases, a comprehension's body before its first iterable,
 *     keyword validation before the callee, ...), and nested functions are compiled where they
 *     are defined;
 *   - units: module, class, function, async function, lambda and comprehension bodies are
 *     separate compiler units, each with its own stack of "frame blocks" (loops, try, with,
 *     handlers: CPython's fblocks, at most CO_MAXBLOCKS = 20 deep);
 *   - unwinding: `return`, `break` and `continue` unwind the frame blocks, which compiles the
 *     body of every enclosing `finally` again at that point (so an error inside a finally body
 *     can be reported before a later error of the try body), and a finally body is also
 *     compiled a second time for the exceptional path, one block deeper.  Both re-compilations
 *     can only differ from the first by their depth, so a memo of the deepest depth at which a
 *     finally body compiled cleanly keeps the walk linear;
 *   - location: like compile.c's u_lineno/u_col_offset, every statement sets the current
 *     location, every expression sets it and restores it afterwards, and a pattern sets it
 *     without restoring (so "alternative patterns bind different names" points at the last
 *     sub-pattern compiled, as CPython's does).
 *
 * Entry point: sema_compile_checks(), after the symbol table is built (it reads the scope of
 * each unit: generator/coroutine flags, block type, import flags).
 */
#include "sema_internal.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../ast/pyrepr.h"

#define CO_MAXBLOCKS 20

typedef enum FBType {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER,
    FB_ASYNC_COMPREHENSION_GENERATOR,
} FBType;

typedef struct FBlock {
    FBType type;
    const Node *stmt;          /* FB_WITH / FB_ASYNC_WITH: the with statement */
    const NodeList *final;     /* FB_FINALLY_TRY: the finally body */
} FBlock;

/* compile.c's COMPILER_SCOPE_* */
typedef enum UnitType {
    CU_MODULE,
    CU_CLASS,
    CU_FUNCTION,
    CU_ASYNC_FUNCTION,
    CU_LAMBDA,
    CU_COMPREHENSION,
} UnitType;

typedef struct Unit {
    Scope *ste;
    UnitType type;
    FBlock fb[CO_MAXBLOCKS];
    int nfb;
    Loc loc;                   /* the current location; line -1 after UNSET_LOC */
} Unit;

typedef struct Checker {
    SemaCtx *cx;
    SymTable *st;
    Unit *u;
    /* finally body -> deepest frame-block depth at which it compiled without error */
    const NodeList **memo_keys;
    int *memo_depth;
    int memo_cap, memo_n;
} Checker;

static void c_stmt(Checker *c, const Node *s);
static void c_expr(Checker *c, const Node *e);

static void c_stmts(Checker *c, const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        c_stmt(c, l->v[i]);
}

static void c_exprs(Checker *c, const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i])
            c_expr(c, l->v[i]);
}

/* compiler_error: at the current location */
static noreturn PRINTF_LIKE(2, 3) void c_error(Checker *c, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    /* the message is copied by diag_set; b is freed by nobody else, so keep it in the arena */
    char *msg = arena_strndup(c->cx->tmp, b.p ? b.p : "", b.len);
    buf_free(&b);
    sema_fail(c->cx, c->u->loc.line, c->u->loc.col, "%s", msg);
}

static void set_loc(Checker *c, const Node *n)
{
    c->u->loc = n->loc;
}

static void unset_loc(Checker *c)
{
    c->u->loc.line = c->u->loc.col = c->u->loc.end_line = c->u->loc.end_col = -1;
}

/* forbidden_name: __debug__ cannot be bound or deleted */
static void c_forbidden(Checker *c, const char *name, AstCtx ctx)
{
    if (name != sema_names.debug)
        return;
    if (ctx == Ctx_Store)
        c_error(c, "cannot assign to __debug__");
    if (ctx == Ctx_Del)
        c_error(c, "cannot delete __debug__");
}

/* ------------------------------------------------------------------------------------------ */
/* frame blocks                                                                               */

static void fb_push(Checker *c, FBType type, const Node *stmt, const NodeList *final)
{
    Unit *u = c->u;
    if (u->nfb >= CO_MAXBLOCKS)
        c_error(c, "too many statically nested blocks");
    u->fb[u->nfb].type = type;
    u->fb[u->nfb].stmt = stmt;
    u->fb[u->nfb].final = final;
    u->nfb++;
}

static void fb_pop(Checker *c)
{
    c->u->nfb--;
}

static int *memo_slot(Checker *c, const NodeList *key)
{
    if ((c->memo_n + 1) * 2 > c->memo_cap) {
        int ncap = c->memo_cap ? c->memo_cap * 2 : 32;
        const NodeList **keys = arena_alloc(c->cx->tmp, sizeof(*keys) * (size_t)ncap);
        int *depth = arena_alloc(c->cx->tmp, sizeof(int) * (size_t)ncap);
        for (int i = 0; i < c->memo_cap; i++) {
            if (!c->memo_keys[i])
                continue;
            unsigned j = (unsigned)(((uintptr_t)c->memo_keys[i] >> 3) * 2654435761u) &
                         (unsigned)(ncap - 1);
            while (keys[j])
                j = (j + 1) & (unsigned)(ncap - 1);
            keys[j] = c->memo_keys[i];
            depth[j] = c->memo_depth[i];
        }
        c->memo_keys = keys;
        c->memo_depth = depth;
        c->memo_cap = ncap;
    }
    unsigned mask = (unsigned)c->memo_cap - 1;
    unsigned j = (unsigned)(((uintptr_t)key >> 3) * 2654435761u) & mask;
    while (c->memo_keys[j] && c->memo_keys[j] != key)
        j = (j + 1) & mask;
    if (!c->memo_keys[j]) {
        c->memo_keys[j] = key;
        c->memo_depth[j] = -1;
        c->memo_n++;
    }
    return &c->memo_depth[j];
}

/* Compiles a finally body (again).  Its errors depend only on the frame-block depth it is
 * compiled at (see the header comment), so a clean compile at depth d covers every d' <= d. */
static void c_finally_body(Checker *c, const NodeList *final)
{
    int depth = c->u->nfb;
    int *memo = memo_slot(c, final);
    if (*memo >= depth)
        return;
    c_stmts(c, final);
    memo = memo_slot(c, final);   /* the table may have grown */
    if (*memo < depth)
        *memo = depth;
}

static void unwind_stack(Checker *c, int preserve_tos, int want_loop, int *found);

/* compiler_unwind_fblock: only the parts that compile user code or move the location */
static void unwind_block(Checker *c, const FBlock *fb, int preserve_tos)
{
    switch (fb->type) {
    case FB_FINALLY_TRY:
        if (preserve_tos)
            fb_push(c, FB_POP_VALUE, NULL, NULL);
        c_finally_body(c, fb->final);
        if (preserve_tos)
            fb_pop(c);
        unset_loc(c);
        break;
    case FB_WITH:
    case FB_ASYNC_WITH:
        set_loc(c, fb->stmt);
        unset_loc(c);
        break;
    default:
        break;
    }
}

/* compiler_unwind_fblock_stack: pops blocks down to the innermost loop (break/continue) or all
 * of them (return), compiling what each needs on the way out */
static void unwind_stack(Checker *c, int preserve_tos, int want_loop, int *found)
{
    Unit *u = c->u;
    if (u->nfb == 0)
        return;
    FBlock top = u->fb[u->nfb - 1];
    if (top.type == FB_EXCEPTION_GROUP_HANDLER)
        c_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (want_loop && (top.type == FB_WHILE_LOOP || top.type == FB_FOR_LOOP)) {
        *found = 1;
        return;
    }
    u->nfb--;
    unwind_block(c, &top, preserve_tos);
    unwind_stack(c, preserve_tos, want_loop, found);
    u->fb[u->nfb++] = top;
}

static void c_break_continue(Checker *c, const Node *s, const char *msg)
{
    int found = 0;
    unwind_stack(c, 0, 1, &found);
    if (!found) {
        set_loc(c, s);   /* compile.c restores the statement's location for this error */
        c_error(c, "%s", msg);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* units                                                                                      */

static void enter_unit(Checker *c, Unit *u, const Node *key, UnitType type, Unit **saved)
{
    memset(u, 0, sizeof *u);
    u->ste = symtable_scope_of(c->st, key);
    if (!u->ste)
        die("check: no scope for %s", ast_nodes[key->kind].name);
    u->type = type;
    u->loc = key->loc;
    *saved = c->u;
    c->u = u;
}

/* compiler_check_debug_args */
static void c_debug_args(Checker *c, const Node *a)
{
    const NodeList *lists[] = {&a->v.arguments.posonlyargs, &a->v.arguments.args};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < lists[k]->n; i++)
            c_forbidden(c, lists[k]->v[i]->v.arg.arg, Ctx_Store);
    if (a->v.arguments.vararg)
        c_forbidden(c, a->v.arguments.vararg->v.arg.arg, Ctx_Store);
    for (int i = 0; i < a->v.arguments.kwonlyargs.n; i++)
        c_forbidden(c, a->v.arguments.kwonlyargs.v[i]->v.arg.arg, Ctx_Store);
    if (a->v.arguments.kwarg)
        c_forbidden(c, a->v.arguments.kwarg->v.arg.arg, Ctx_Store);
}

static void c_defaults(Checker *c, const Node *a)
{
    c_exprs(c, &a->v.arguments.defaults);
    c_exprs(c, &a->v.arguments.kw_defaults);
}

static void c_arg_annotation(Checker *c, const Node *arg)
{
    const Node *ann = arg->v.arg.annotation;
    if (!ann)
        return;
    /* *args: *Ts is compiled as the unpacking of Ts */
    c_expr(c, ann->kind == N_Starred ? ann->v.Starred.value : ann);
}

/* compiler_visit_annotations: note args before posonlyargs, as compile.c does */
static void c_annotations(Checker *c, const Node *a, const Node *returns)
{
    if (c->st->future & FUTURE_ANNOTATIONS)
        return;   /* annotations become strings: nothing is compiled */
    for (int i = 0; i < a->v.arguments.args.n; i++)
        c_arg_annotation(c, a->v.arguments.args.v[i]);
    for (int i = 0; i < a->v.arguments.posonlyargs.n; i++)
        c_arg_annotation(c, a->v.arguments.posonlyargs.v[i]);
    if (a->v.arguments.vararg)
        c_arg_annotation(c, a->v.arguments.vararg);
    for (int i = 0; i < a->v.arguments.kwonlyargs.n; i++)
        c_arg_annotation(c, a->v.arguments.kwonlyargs.v[i]);
    if (a->v.arguments.kwarg)
        c_arg_annotation(c, a->v.arguments.kwarg);
    if (returns)
        c_expr(c, returns);
}

static void c_function(Checker *c, const Node *s, int is_async)
{
    const char *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    const Node *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    const Node *returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    const NodeList *decos = is_async ? &s->v.AsyncFunctionDef.decorator_list
                                     : &s->v.FunctionDef.decorator_list;
    const NodeList *body = is_async ? &s->v.AsyncFunctionDef.body : &s->v.FunctionDef.body;
    c_debug_args(c, args);
    c_exprs(c, decos);
    c_defaults(c, args);
    c_annotations(c, args, returns);
    Unit u, *saved;
    enter_unit(c, &u, s, is_async ? CU_ASYNC_FUNCTION : CU_FUNCTION, &saved);
    c_stmts(c, body);
    c->u = saved;
    c_forbidden(c, name, Ctx_Store);
}

/* validate_keywords: before anything of the call is compiled */
static void c_validate_keywords(Checker *c, const NodeList *kws)
{
    for (int i = 0; i < kws->n; i++) {
        const char *arg = kws->v[i]->v.keyword.arg;
        if (!arg)
            continue;
        c_forbidden(c, arg, Ctx_Store);
        for (int j = i + 1; j < kws->n; j++) {
            const char *other = kws->v[j]->v.keyword.arg;
            if (other && strcmp(other, arg) == 0) {
                set_loc(c, kws->v[j]);
                c_error(c, "keyword argument repeated: %s", arg);
            }
        }
    }
}

/* positional arguments, list/tuple/set displays: a starred item compiles its value */
static void c_star_items(Checker *c, const NodeList *elts)
{
    for (int i = 0; i < elts->n; i++) {
        const Node *e = elts->v[i];
        c_expr(c, e->kind == N_Starred ? e->v.Starred.value : e);
    }
}

static void c_keyword_values(Checker *c, const NodeList *kws)
{
    for (int i = 0; i < kws->n; i++)
        c_expr(c, kws->v[i]->v.keyword.value);
}

static void c_class(Checker *c, const Node *s)
{
    c_exprs(c, &s->v.ClassDef.decorator_list);
    Unit u, *saved;
    enter_unit(c, &u, s, CU_CLASS, &saved);
    c_stmts(c, &s->v.ClassDef.body);
    c->u = saved;
    /* then the call to __build_class__(func, name, *bases, **keywords) */
    c_validate_keywords(c, &s->v.ClassDef.keywords);
    c_star_items(c, &s->v.ClassDef.bases);
    c_keyword_values(c, &s->v.ClassDef.keywords);
    c_forbidden(c, s->v.ClassDef.name, Ctx_Store);
}

/* ------------------------------------------------------------------------------------------ */
/* statements                                                                                 */

static void c_return(Checker *c, const Node *s)
{
    const Node *v = s->v.Return.value;
    int preserve_tos = v && v->kind != N_Constant;
    Scope *ste = c->u->ste;
    if (ste->block != BLOCK_FUNCTION)
        c_error(c, "'return' outside function");
    if (v && ste->is_coroutine && ste->is_generator)
        c_error(c, "'return' with value in async generator");
    if (preserve_tos)
        c_expr(c, v);
    else if (v)
        set_loc(c, v);   /* a constant value lends its location to the return... */
    if (!v || v->loc.line != s->loc.line)
        set_loc(c, s);   /* ...when it is on the statement's line */
    int found = 0;
    unwind_stack(c, preserve_tos, 0, &found);
}

/* check_ann_subscr: the parts of a subscript target's slice that are evaluated */
static void c_ann_subscr(Checker *c, const Node *e)
{
    if (e->kind == N_Slice) {
        if (e->v.Slice.lower)
            c_expr(c, e->v.Slice.lower);
        if (e->v.Slice.upper)
            c_expr(c, e->v.Slice.upper);
        if (e->v.Slice.step)
            c_expr(c, e->v.Slice.step);
    } else if (e->kind == N_Tuple) {
        for (int i = 0; i < e->v.Tuple.elts.n; i++)
            c_ann_subscr(c, e->v.Tuple.elts.v[i]);
    } else {
        c_expr(c, e);
    }
}

static void c_annassign(Checker *c, const Node *s)
{
    const Node *t = s->v.AnnAssign.target;
    int future = (c->st->future & FUTURE_ANNOTATIONS) != 0;
    int module_or_class = c->u->type == CU_MODULE || c->u->type == CU_CLASS;
    if (s->v.AnnAssign.value) {
        c_expr(c, s->v.AnnAssign.value);
        c_expr(c, t);
    }
    switch (t->kind) {
    case N_Name:
        c_forbidden(c, t->v.Name.id, Ctx_Store);
        /* a simple name's annotation is evaluated (stored) only in modules and classes */
        if (s->v.AnnAssign.simple && module_or_class && !future)
            c_expr(c, s->v.AnnAssign.annotation);
        break;
    case N_Attribute:
        c_forbidden(c, t->v.Attribute.attr, Ctx_Store);
        if (!s->v.AnnAssign.value)
            c_expr(c, t->v.Attribute.value);
        break;
    case N_Subscript:
        if (!s->v.AnnAssign.value) {
            c_expr(c, t->v.Subscript.value);
            c_ann_subscr(c, t->v.Subscript.slice);
        }
        break;
    default:
        break;
    }
    if (!s->v.AnnAssign.simple && !future && module_or_class)
        c_expr(c, s->v.AnnAssign.annotation);
}

static int attr_len_codepoints(const char *s)
{
    int n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* update_start_location_to_match_attr: a multi-line attribute reports on its last line */
static void attr_loc(Checker *c, const Node *e)
{
    Unit *u = c->u;
    if (u->loc.line != e->loc.end_line) {
        u->loc.line = e->loc.end_line;
        int len = attr_len_codepoints(e->v.Attribute.attr);
        if (len <= e->loc.end_col) {
            u->loc.col = e->loc.end_col - len;
        } else {
            u->loc.col = -1;
            u->loc.end_col = -1;
        }
        if (u->loc.end_line < u->loc.line)
            u->loc.end_line = u->loc.line;
    }
}

static void c_augassign(Checker *c, const Node *s)
{
    const Node *e = s->v.AugAssign.target;
    Loc saved = c->u->loc;
    set_loc(c, e);
    switch (e->kind) {
    case N_Attribute:
        c_expr(c, e->v.Attribute.value);
        break;
    case N_Subscript:
        c_expr(c, e->v.Subscript.value);
        c_expr(c, e->v.Subscript.slice);
        break;
    default:
        break;
    }
    c->u->loc = saved;
    c_expr(c, s->v.AugAssign.value);
    set_loc(c, e);
    /* only a Name store goes through the __debug__ check: x.__debug__ += 1 compiles */
    if (e->kind == N_Name)
        c_forbidden(c, e->v.Name.id, Ctx_Store);
}

static void c_with(Checker *c, const Node *s, int pos, int is_async)
{
    const NodeList *items = is_async ? &s->v.AsyncWith.items : &s->v.With.items;
    const NodeList *body = is_async ? &s->v.AsyncWith.body : &s->v.With.body;
    const Node *item = items->v[pos];
    if (is_async && c->u->type != CU_ASYNC_FUNCTION)
        c_error(c, "'async with' outside async function");
    c_expr(c, item->v.withitem.context_expr);
    fb_push(c, is_async ? FB_ASYNC_WITH : FB_WITH, s, NULL);
    if (item->v.withitem.optional_vars)
        c_expr(c, item->v.withitem.optional_vars);
    if (pos + 1 == items->n)
        c_stmts(c, body);
    else
        c_with(c, s, pos + 1, is_async);
    unset_loc(c);
    fb_pop(c);
}

static void c_handlers_except(Checker *c, const NodeList *handlers, int star)
{
    int n = handlers->n;
    unset_loc(c);
    fb_push(c, star ? FB_EXCEPTION_GROUP_HANDLER : FB_EXCEPTION_HANDLER, NULL, NULL);
    for (int i = 0; i < n; i++) {
        const Node *h = handlers->v[i];
        set_loc(c, h);
        if (!star && !h->v.ExceptHandler.type && i < n - 1)
            c_error(c, "default 'except:' must be last");
        if (h->v.ExceptHandler.type)
            c_expr(c, h->v.ExceptHandler.type);
        if (h->v.ExceptHandler.name)
            c_forbidden(c, h->v.ExceptHandler.name, Ctx_Store);
        fb_push(c, FB_HANDLER_CLEANUP, NULL, NULL);
        c_stmts(c, &h->v.ExceptHandler.body);
        fb_pop(c);
        unset_loc(c);
    }
    unset_loc(c);
    fb_pop(c);
}

/* compiler_try_except / compiler_try_star_except (the latter compiles `else` last) */
static void c_try_except(Checker *c, const NodeList *body, const NodeList *handlers,
                         const NodeList *orelse, int star)
{
    fb_push(c, FB_TRY_EXCEPT, NULL, NULL);
    c_stmts(c, body);
    fb_pop(c);
    if (!star)
        c_stmts(c, orelse);
    c_handlers_except(c, handlers, star);
    if (star)
        c_stmts(c, orelse);
}

static void c_try(Checker *c, const Node *s, int star)
{
    const NodeList *body = star ? &s->v.TryStar.body : &s->v.Try.body;
    const NodeList *handlers = star ? &s->v.TryStar.handlers : &s->v.Try.handlers;
    const NodeList *orelse = star ? &s->v.TryStar.orelse : &s->v.Try.orelse;
    const NodeList *final = star ? &s->v.TryStar.finalbody : &s->v.Try.finalbody;
    if (final->n == 0) {
        c_try_except(c, body, handlers, orelse, star);
        return;
    }
    fb_push(c, FB_FINALLY_TRY, s, final);
    if (handlers->n)
        c_try_except(c, body, handlers, orelse, star);
    else
        c_stmts(c, body);
    fb_pop(c);
    c_finally_body(c, final);             /* the normal path */
    unset_loc(c);
    fb_push(c, FB_FINALLY_END, NULL, NULL);
    c_finally_body(c, final);             /* the exceptional path, one block deeper */
    fb_pop(c);
}

static void c_import(Checker *c, const Node *s)
{
    for (int i = 0; i < s->v.Import.names.n; i++) {
        const Node *a = s->v.Import.names.v[i];
        const char *store = a->v.alias.asname;
        if (!store) {
            const char *dot = strchr(a->v.alias.name, '.');
            store = dot ? intern(a->v.alias.name, (size_t)(dot - a->v.alias.name))
                        : a->v.alias.name;
        }
        c_forbidden(c, store, Ctx_Store);
    }
}

static void c_import_from(Checker *c, const Node *s)
{
    if (s->loc.line > c->st->future_lineno && s->v.ImportFrom.module &&
        strcmp(s->v.ImportFrom.module, "__future__") == 0)
        c_error(c, "from __future__ imports must occur at the beginning of the file");
    for (int i = 0; i < s->v.ImportFrom.names.n; i++) {
        const Node *a = s->v.ImportFrom.names.v[i];
        if (i == 0 && strcmp(a->v.alias.name, "*") == 0)
            return;
        c_forbidden(c, a->v.alias.asname ? a->v.alias.asname : a->v.alias.name, Ctx_Store);
    }
}

static void c_match(Checker *c, const Node *s);

static void c_stmt(Checker *c, const Node *s)
{
    SEMA_ENTER(c->cx);
    set_loc(c, s);
    switch (s->kind) {
    case N_FunctionDef:
        c_function(c, s, 0);
        break;
    case N_AsyncFunctionDef:
        c_function(c, s, 1);
        break;
    case N_ClassDef:
        c_class(c, s);
        break;
    case N_Return:
        c_return(c, s);
        break;
    case N_Delete:
        c_exprs(c, &s->v.Delete.targets);
        break;
    case N_Assign:
        c_expr(c, s->v.Assign.value);
        c_exprs(c, &s->v.Assign.targets);
        break;
    case N_AugAssign:
        c_augassign(c, s);
        break;
    case N_AnnAssign:
        c_annassign(c, s);
        break;
    case N_For:
        fb_push(c, FB_FOR_LOOP, NULL, NULL);
        c_expr(c, s->v.For.iter);
        c_expr(c, s->v.For.target);
        c_stmts(c, &s->v.For.body);
        unset_loc(c);
        fb_pop(c);
        c_stmts(c, &s->v.For.orelse);
        break;
    case N_AsyncFor:
        if (c->u->type != CU_ASYNC_FUNCTION)
            c_error(c, "'async for' outside async function");
        c_expr(c, s->v.AsyncFor.iter);
        fb_push(c, FB_FOR_LOOP, NULL, NULL);
        c_expr(c, s->v.AsyncFor.target);
        c_stmts(c, &s->v.AsyncFor.body);
        unset_loc(c);
        fb_pop(c);
        c_stmts(c, &s->v.AsyncFor.orelse);
        break;
    case N_While:
        fb_push(c, FB_WHILE_LOOP, NULL, NULL);
        c_expr(c, s->v.While.test);
        c_stmts(c, &s->v.While.body);
        fb_pop(c);
        c_stmts(c, &s->v.While.orelse);
        break;
    case N_If:
        c_expr(c, s->v.If.test);
        c_stmts(c, &s->v.If.body);
        c_stmts(c, &s->v.If.orelse);
        break;
    case N_With:
        c_with(c, s, 0, 0);
        break;
    case N_AsyncWith:
        c_with(c, s, 0, 1);
        break;
    case N_Match:
        c_match(c, s);
        break;
    case N_Raise:
        if (s->v.Raise.exc) {
            c_expr(c, s->v.Raise.exc);
            if (s->v.Raise.cause)
                c_expr(c, s->v.Raise.cause);
        }
        break;
    case N_Try:
        c_try(c, s, 0);
        break;
    case N_TryStar:
        c_try(c, s, 1);
        break;
    case N_Assert:
        c_expr(c, s->v.Assert.test);
        if (s->v.Assert.msg)
            c_expr(c, s->v.Assert.msg);
        break;
    case N_Import:
        c_import(c, s);
        break;
    case N_ImportFrom:
        c_import_from(c, s);
        break;
    case N_Expr:
        if (s->v.Expr.value->kind != N_Constant)
            c_expr(c, s->v.Expr.value);
        break;
    case N_Break:
        c_break_continue(c, s, "'break' outside loop");
        break;
    case N_Continue:
        c_break_continue(c, s, "'continue' not properly in loop");
        break;
    case N_Global:
    case N_Nonlocal:
    case N_Pass:
        break;
    default:
        die("check: unexpected statement %s", ast_nodes[s->kind].name);
    }
    SEMA_LEAVE(c->cx);
}

/* ------------------------------------------------------------------------------------------ */
/* expressions                                                                                */

/* unpack_helper: the shape of a starred assignment target */
static void c_unpack(Checker *c, const NodeList *elts)
{
    int n = elts->n, seen_star = 0;
    for (int i = 0; i < n; i++) {
        const Node *e = elts->v[i];
        if (e->kind == N_Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (INT_MAX >> 8))
                c_error(c, "too many expressions in star-unpacking assignment");
            seen_star = 1;
        } else if (e->kind == N_Starred) {
            c_error(c, "multiple starred expressions in assignment");
        }
    }
}

static void c_sequence(Checker *c, const NodeList *elts, AstCtx ctx)
{
    if (ctx == Ctx_Store) {
        c_unpack(c, elts);
        c_star_items(c, elts);
    } else if (ctx == Ctx_Load) {
        c_star_items(c, elts);
    } else {
        c_exprs(c, elts);
    }
}

static void c_comprehension_gens(Checker *c, const NodeList *gens, int i, const Node *elt,
                                 const Node *val)
{
    SEMA_ENTER(c->cx);
    const Node *g = gens->v[i];
    if (i > 0)
        c_expr(c, g->v.comprehension.iter);   /* the first one is compiled outside */
    if (g->v.comprehension.is_async)
        fb_push(c, FB_ASYNC_COMPREHENSION_GENERATOR, NULL, NULL);
    c_expr(c, g->v.comprehension.target);
    c_exprs(c, &g->v.comprehension.ifs);
    if (i + 1 < gens->n) {
        c_comprehension_gens(c, gens, i + 1, elt, val);
    } else {
        c_expr(c, elt);           /* a dict comprehension: key, then value */
        if (val)
            c_expr(c, val);
    }
    if (g->v.comprehension.is_async)
        fb_pop(c);
    SEMA_LEAVE(c->cx);
}

static void c_comprehension(Checker *c, const Node *e, const NodeList *gens, const Node *elt,
                            const Node *val)
{
    UnitType outer = c->u->type;
    Unit u, *saved;
    enter_unit(c, &u, e, CU_COMPREHENSION, &saved);
    set_loc(c, e);
    if (u.ste->is_coroutine && e->kind != N_GeneratorExp && outer != CU_ASYNC_FUNCTION &&
        outer != CU_COMPREHENSION)
        c_error(c, "asynchronous comprehension outside of an asynchronous function");
    c_comprehension_gens(c, gens, 0, elt, val);
    c->u = saved;
    c_expr(c, gens->v[0]->v.comprehension.iter);
}

static void c_lambda(Checker *c, const Node *e)
{
    c_debug_args(c, e->v.Lambda.args);
    c_defaults(c, e->v.Lambda.args);
    Unit u, *saved;
    enter_unit(c, &u, e, CU_LAMBDA, &saved);
    c_expr(c, e->v.Lambda.body);
    c->u = saved;
}

static void c_dict(Checker *c, const Node *e)
{
    for (int i = 0; i < e->v.Dict.values.n; i++) {
        if (e->v.Dict.keys.v[i])
            c_expr(c, e->v.Dict.keys.v[i]);
        c_expr(c, e->v.Dict.values.v[i]);
    }
}

static void c_expr(Checker *c, const Node *e)
{
    SEMA_ENTER(c->cx);
    Loc saved = c->u->loc;
    set_loc(c, e);
    Scope *ste = c->u->ste;
    switch (e->kind) {
    case N_NamedExpr:
        c_expr(c, e->v.NamedExpr.value);
        c_expr(c, e->v.NamedExpr.target);
        break;
    case N_BoolOp:
        c_exprs(c, &e->v.BoolOp.values);
        break;
    case N_BinOp:
        c_expr(c, e->v.BinOp.left);
        c_expr(c, e->v.BinOp.right);
        break;
    case N_UnaryOp:
        c_expr(c, e->v.UnaryOp.operand);
        break;
    case N_Lambda:
        c_lambda(c, e);
        break;
    case N_IfExp:
        c_expr(c, e->v.IfExp.test);
        c_expr(c, e->v.IfExp.body);
        c_expr(c, e->v.IfExp.orelse);
        break;
    case N_Dict:
        c_dict(c, e);
        break;
    case N_Set:
        c_star_items(c, &e->v.Set.elts);
        break;
    case N_ListComp:
        c_comprehension(c, e, &e->v.ListComp.generators, e->v.ListComp.elt, NULL);
        break;
    case N_SetComp:
        c_comprehension(c, e, &e->v.SetComp.generators, e->v.SetComp.elt, NULL);
        break;
    case N_DictComp:
        c_comprehension(c, e, &e->v.DictComp.generators, e->v.DictComp.key,
                        e->v.DictComp.value);
        break;
    case N_GeneratorExp:
        c_comprehension(c, e, &e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
        break;
    case N_Await:
        if (ste->block != BLOCK_FUNCTION)
            c_error(c, "'await' outside function");
        if (c->u->type != CU_ASYNC_FUNCTION && c->u->type != CU_COMPREHENSION)
            c_error(c, "'await' outside async function");
        c_expr(c, e->v.Await.value);
        break;
    case N_Yield:
        if (ste->block != BLOCK_FUNCTION)
            c_error(c, "'yield' outside function");
        if (e->v.Yield.value)
            c_expr(c, e->v.Yield.value);
        break;
    case N_YieldFrom:
        if (ste->block != BLOCK_FUNCTION)
            c_error(c, "'yield' outside function");
        if (c->u->type == CU_ASYNC_FUNCTION)
            c_error(c, "'yield from' inside async function");
        c_expr(c, e->v.YieldFrom.value);
        break;
    case N_Compare:
        c_expr(c, e->v.Compare.left);
        c_exprs(c, &e->v.Compare.comparators);
        break;
    case N_Call:
        c_validate_keywords(c, &e->v.Call.keywords);
        c_expr(c, e->v.Call.func);
        c_star_items(c, &e->v.Call.args);
        c_keyword_values(c, &e->v.Call.keywords);
        break;
    case N_FormattedValue:
        c_expr(c, e->v.FormattedValue.value);
        if (e->v.FormattedValue.format_spec)
            c_expr(c, e->v.FormattedValue.format_spec);
        break;
    case N_JoinedStr:
        c_exprs(c, &e->v.JoinedStr.values);
        break;
    case N_Constant:
        break;
    case N_Attribute:
        c_expr(c, e->v.Attribute.value);
        attr_loc(c, e);
        if (e->v.Attribute.ctx == Ctx_Store)
            c_forbidden(c, e->v.Attribute.attr, Ctx_Store);
        break;
    case N_Subscript:
        c_expr(c, e->v.Subscript.value);
        c_expr(c, e->v.Subscript.slice);
        break;
    case N_Starred:
        if (e->v.Starred.ctx == Ctx_Store)
            c_error(c, "starred assignment target must be in a list or tuple");
        c_error(c, "can't use starred expression here");
        break;
    case N_Name:
        c_forbidden(c, e->v.Name.id, e->v.Name.ctx);
        break;
    case N_List:
        c_sequence(c, &e->v.List.elts, e->v.List.ctx);
        break;
    case N_Tuple:
        c_sequence(c, &e->v.Tuple.elts, e->v.Tuple.ctx);
        break;
    case N_Slice:
        if (e->v.Slice.lower)
            c_expr(c, e->v.Slice.lower);
        if (e->v.Slice.upper)
            c_expr(c, e->v.Slice.upper);
        if (e->v.Slice.step)
            c_expr(c, e->v.Slice.step);
        break;
    default:
        die("check: unexpected expression %s", ast_nodes[e->kind].name);
    }
    c->u->loc = saved;
    SEMA_LEAVE(c->cx);
}

/* ------------------------------------------------------------------------------------------ */
/* match statements (compiler_pattern_*)                                                      */

typedef struct PatCtx {
    const char **stores;   /* names captured so far, in order (interned) */
    int n, cap;
    int allow_irrefutable;
} PatCtx;

static int stores_has(const PatCtx *pc, const char *name)
{
    for (int i = 0; i < pc->n; i++)
        if (pc->stores[i] == name)
            return 1;
    return 0;
}

static void stores_add(Checker *c, PatCtx *pc, const char *name)
{
    if (pc->n == pc->cap) {
        int ncap = pc->cap ? pc->cap * 2 : 8;
        const char **v = arena_alloc(c->cx->tmp, sizeof(char *) * (size_t)ncap);
        if (pc->n)
            memcpy(v, pc->stores, sizeof(char *) * (size_t)pc->n);
        pc->stores = v;
        pc->cap = ncap;
    }
    pc->stores[pc->n++] = name;
}

static void dup_store_error(Checker *c, const char *name)
{
    Buf b = {0};
    pyrepr_str(&b, name, strlen(name));
    char *r = arena_strndup(c->cx->tmp, b.p, b.len);
    buf_free(&b);
    c_error(c, "multiple assignments to name %s in pattern", r);
}

/* pattern_helper_store_name */
static void pat_store(Checker *c, const char *name, PatCtx *pc)
{
    if (!name)
        return;
    c_forbidden(c, name, Ctx_Store);
    if (stores_has(pc, name))
        dup_store_error(c, name);
    stores_add(c, pc, name);
}

static int is_wildcard(const Node *p)
{
    return p->kind == N_MatchAs && !p->v.MatchAs.name;
}

static int is_star_wildcard(const Node *p)
{
    return p->kind == N_MatchStar && !p->v.MatchStar.name;
}

static void c_pattern(Checker *c, const Node *p, PatCtx *pc);

static void c_subpattern(Checker *c, const Node *p, PatCtx *pc)
{
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    c_pattern(c, p, pc);
    pc->allow_irrefutable = allow;
}

static void c_pattern_sequence(Checker *c, const Node *p, PatCtx *pc)
{
    const NodeList *pats = &p->v.MatchSequence.patterns;
    int star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < pats->n; i++) {
        const Node *q = pats->v[i];
        if (q->kind == N_MatchStar) {
            if (star >= 0)
                c_error(c, "multiple starred names in sequence pattern");
            star_wildcard = is_star_wildcard(q);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(q);
    }
    if (only_wildcard)
        return;   /* nothing of the items is compiled */
    if (star_wildcard) {
        for (int i = 0; i < pats->n; i++)
            if (!is_wildcard(pats->v[i]) && i != star)
                c_subpattern(c, pats->v[i], pc);
        return;
    }
    /* pattern_unpack_helper */
    for (int i = 0; i < pats->n; i++)
        if (pats->v[i]->kind == N_MatchStar &&
            (i >= (1 << 8) || pats->n - i - 1 >= (INT_MAX >> 8)))
            c_error(c, "too many expressions in star-unpacking sequence pattern");
    for (int i = 0; i < pats->n; i++)
        c_subpattern(c, pats->v[i], pc);
}

/* A mapping key after CPython's AST optimiser (which folds -1 and 1+2j into constants). */
typedef struct KeyVal {
    enum { KV_NONE, KV_ELLIPSIS, KV_INT, KV_BIGINT, KV_FLOAT, KV_COMPLEX, KV_BOOL, KV_STR,
           KV_BYTES } kind;
    int64_t i;          /* KV_INT, KV_BOOL */
    const char *big;    /* KV_BIGINT: decimal text with optional '-' */
    double re, im;      /* KV_FLOAT (re), KV_COMPLEX */
    const char *s;      /* KV_STR / KV_BYTES */
    size_t len;
} KeyVal;

static int fold_key(Checker *c, const Node *e, KeyVal *kv)
{
    memset(kv, 0, sizeof *kv);
    if (e->kind == N_Constant) {
        const Const *k = e->v.Constant.value;
        switch (k->kind) {
        case CK_NONE: kv->kind = KV_NONE; break;
        case CK_ELLIPSIS: kv->kind = KV_ELLIPSIS; break;
        case CK_TRUE: kv->kind = KV_BOOL; kv->i = 1; break;
        case CK_FALSE: kv->kind = KV_BOOL; kv->i = 0; break;
        case CK_INT:
            if (k->bigdec) {
                kv->kind = KV_BIGINT;
                kv->big = k->bigdec;
            } else {
                kv->kind = KV_INT;
                kv->i = k->i;
            }
            break;
        case CK_FLOAT: kv->kind = KV_FLOAT; kv->re = k->f; break;
        case CK_COMPLEX: kv->kind = KV_COMPLEX; kv->re = 0.0; kv->im = k->f; break;
        case CK_STR: kv->kind = KV_STR; kv->s = k->s; kv->len = k->len; break;
        case CK_BYTES: kv->kind = KV_BYTES; kv->s = k->s; kv->len = k->len; break;
        }
        return 1;
    }
    if (e->kind == N_UnaryOp && e->v.UnaryOp.op == UnOp_USub) {
        if (!fold_key(c, e->v.UnaryOp.operand, kv))
            return 0;
        switch (kv->kind) {
        case KV_BOOL:
        case KV_INT:
            if (kv->i == INT64_MIN) {
                kv->kind = KV_BIGINT;
                kv->big = "9223372036854775808";
            } else {
                kv->kind = KV_INT;
                kv->i = -kv->i;
            }
            return 1;
        case KV_BIGINT: {
            const char *d = kv->big[0] == '-' ? kv->big + 1 : kv->big;
            if (kv->big[0] == '-') {
                kv->big = d;
            } else {
                size_t n = strlen(d);
                char *neg = arena_alloc(c->cx->tmp, n + 2);
                neg[0] = '-';
                memcpy(neg + 1, d, n + 1);
                kv->big = neg;
            }
            return 1;
        }
        case KV_FLOAT: kv->re = -kv->re; return 1;
        case KV_COMPLEX: kv->re = -kv->re; kv->im = -kv->im; return 1;
        default: return 0;
        }
    }
    if (e->kind == N_BinOp && (e->v.BinOp.op == Op_Add || e->v.BinOp.op == Op_Sub)) {
        KeyVal l, r;
        if (!fold_key(c, e->v.BinOp.left, &l) || !fold_key(c, e->v.BinOp.right, &r))
            return 0;
        /* the grammar only allows real +/- imaginary here */
        double lre, lim = 0.0, rre, rim = 0.0;
        if (l.kind == KV_INT || l.kind == KV_BOOL) lre = (double)l.i;
        else if (l.kind == KV_BIGINT) lre = strtod(l.big, NULL);
        else if (l.kind == KV_FLOAT) lre = l.re;
        else if (l.kind == KV_COMPLEX) { lre = l.re; lim = l.im; }
        else return 0;
        if (r.kind == KV_INT || r.kind == KV_BOOL) rre = (double)r.i;
        else if (r.kind == KV_BIGINT) rre = strtod(r.big, NULL);
        else if (r.kind == KV_FLOAT) rre = r.re;
        else if (r.kind == KV_COMPLEX) { rre = r.re; rim = r.im; }
        else return 0;
        if (l.kind != KV_COMPLEX && r.kind != KV_COMPLEX)
            return 0;   /* never produced by the grammar; leave unfolded */
        kv->kind = KV_COMPLEX;
        kv->re = e->v.BinOp.op == Op_Add ? lre + rre : lre - rre;
        kv->im = e->v.BinOp.op == Op_Add ? lim + rim : lim - rim;
        return 1;
    }
    return 0;
}

static int is_number(const KeyVal *k)
{
    return k->kind == KV_INT || k->kind == KV_BIGINT || k->kind == KV_FLOAT ||
           k->kind == KV_COMPLEX || k->kind == KV_BOOL;
}

/* the real part as a double, and whether the value is an exact integer held in i */
static double num_re(const KeyVal *k)
{
    if (k->kind == KV_INT || k->kind == KV_BOOL)
        return (double)k->i;
    if (k->kind == KV_BIGINT)
        return strtod(k->big, NULL);
    return k->re;
}

/* Python's == between two folded constants (hash-equal keys of a set) */
static int key_equal(const KeyVal *a, const KeyVal *b)
{
    if (is_number(a) && is_number(b)) {
        double aim = a->kind == KV_COMPLEX ? a->im : 0.0;
        double bim = b->kind == KV_COMPLEX ? b->im : 0.0;
        if (aim != bim)
            return 0;
        int aint = a->kind == KV_INT || a->kind == KV_BOOL, bint = b->kind == KV_INT ||
                                                                 b->kind == KV_BOOL;
        if (aint && bint)
            return a->i == b->i;
        if (a->kind == KV_BIGINT && b->kind == KV_BIGINT)
            return strcmp(a->big, b->big) == 0;
        if ((aint && b->kind == KV_BIGINT) || (bint && a->kind == KV_BIGINT))
            return 0;   /* a bigint never fits in int64 */
        /* int vs float: equal only when the float is integral and exactly the int */
        if (aint || bint) {
            int64_t i = aint ? a->i : b->i;
            double f = aint ? num_re(b) : num_re(a);
            if (f != floor(f) || f < -9223372036854775808.0 || f >= 9223372036854775808.0)
                return 0;
            return (int64_t)f == i;
        }
        return num_re(a) == num_re(b);
    }
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case KV_NONE:
    case KV_ELLIPSIS:
        return 1;
    case KV_STR:
    case KV_BYTES:
        return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    default:
        return 0;
    }
}

static void key_repr(Buf *b, const KeyVal *k)
{
    switch (k->kind) {
    case KV_NONE: buf_puts(b, "None"); break;
    case KV_ELLIPSIS: buf_puts(b, "Ellipsis"); break;
    case KV_BOOL: buf_puts(b, k->i ? "True" : "False"); break;
    case KV_INT: pyrepr_int(b, k->i); break;
    case KV_BIGINT: buf_puts(b, k->big); break;
    case KV_FLOAT: pyrepr_float(b, k->re); break;
    case KV_COMPLEX: pyrepr_complex(b, k->re, k->im); break;
    case KV_STR: pyrepr_str(b, k->s, k->len); break;
    case KV_BYTES: pyrepr_bytes(b, k->s, k->len); break;
    }
}

static void c_pattern_mapping(Checker *c, const Node *p, PatCtx *pc)
{
    const NodeList *keys = &p->v.MatchMapping.keys, *pats = &p->v.MatchMapping.patterns;
    int size = keys->n;
    if (!size && !p->v.MatchMapping.rest)
        return;
    KeyVal *seen = arena_alloc(c->cx->tmp, sizeof(KeyVal) * (size_t)(size + 1));
    int nseen = 0;
    for (int i = 0; i < size; i++) {
        const Node *key = keys->v[i];
        KeyVal kv;
        if (fold_key(c, key, &kv)) {
            for (int j = 0; j < nseen; j++) {
                if (key_equal(&seen[j], &kv)) {
                    Buf b = {0};
                    key_repr(&b, &kv);
                    char *r = arena_strndup(c->cx->tmp, b.p, b.len);
                    buf_free(&b);
                    c_error(c, "mapping pattern checks duplicate key (%s)", r);
                }
            }
            seen[nseen++] = kv;
        } else if (key->kind != N_Attribute) {
            c_error(c, "mapping pattern keys may only match literals and attribute lookups");
        }
        c_expr(c, key);
    }
    for (int i = 0; i < pats->n; i++)
        c_subpattern(c, pats->v[i], pc);
    if (p->v.MatchMapping.rest)
        pat_store(c, p->v.MatchMapping.rest, pc);
}

static void c_pattern_class(Checker *c, const Node *p, PatCtx *pc)
{
    const NodeList *pats = &p->v.MatchClass.patterns, *kwp = &p->v.MatchClass.kwd_patterns;
    const IdentList *attrs = &p->v.MatchClass.kwd_attrs;
    if (attrs->n) {
        /* validate_kwd_attrs: errors point at the patterns (the attributes have no node) */
        for (int i = 0; i < attrs->n; i++) {
            set_loc(c, kwp->v[i]);
            c_forbidden(c, attrs->v[i], Ctx_Store);
            for (int j = i + 1; j < attrs->n; j++) {
                if (strcmp(attrs->v[i], attrs->v[j]) == 0) {
                    set_loc(c, kwp->v[j]);
                    c_error(c, "attribute name repeated in class pattern: %s", attrs->v[i]);
                }
            }
        }
        set_loc(c, p);
    }
    c_expr(c, p->v.MatchClass.cls);
    for (int i = 0; i < pats->n; i++)
        if (!is_wildcard(pats->v[i]))
            c_subpattern(c, pats->v[i], pc);
    for (int i = 0; i < kwp->n; i++)
        if (!is_wildcard(kwp->v[i]))
            c_subpattern(c, kwp->v[i], pc);
}

static void c_pattern_or(Checker *c, const Node *p, PatCtx *pc)
{
    const NodeList *alts = &p->v.MatchOr.patterns;
    PatCtx old = *pc;
    PatCtx control = {0};
    for (int i = 0; i < alts->n; i++) {
        const Node *alt = alts->v[i];
        set_loc(c, alt);
        PatCtx sub = {0};
        sub.allow_irrefutable = i == alts->n - 1 && old.allow_irrefutable;
        c_pattern(c, alt, &sub);
        if (i == 0) {
            control = sub;
            continue;
        }
        int diff = sub.n != control.n;
        for (int k = 0; !diff && k < control.n; k++)
            if (!stores_has(&sub, control.stores[k]))
                diff = 1;
        if (diff)
            c_error(c, "alternative patterns bind different names");
    }
    *pc = old;
    for (int k = 0; k < control.n; k++) {
        if (stores_has(pc, control.stores[k]))
            dup_store_error(c, control.stores[k]);
        stores_add(c, pc, control.stores[k]);
    }
}

static void c_pattern(Checker *c, const Node *p, PatCtx *pc)
{
    SEMA_ENTER(c->cx);
    set_loc(c, p);   /* not restored: later errors of the enclosing pattern point here */
    switch (p->kind) {
    case N_MatchValue:
        c_expr(c, p->v.MatchValue.value);
        break;
    case N_MatchSingleton:
        break;
    case N_MatchSequence:
        c_pattern_sequence(c, p, pc);
        break;
    case N_MatchMapping:
        c_pattern_mapping(c, p, pc);
        break;
    case N_MatchClass:
        c_pattern_class(c, p, pc);
        break;
    case N_MatchStar:
        pat_store(c, p->v.MatchStar.name, pc);
        break;
    case N_MatchAs:
        if (!p->v.MatchAs.pattern) {
            if (!pc->allow_irrefutable) {
                if (p->v.MatchAs.name) {
                    Buf b = {0};
                    pyrepr_str(&b, p->v.MatchAs.name, strlen(p->v.MatchAs.name));
                    char *r = arena_strndup(c->cx->tmp, b.p, b.len);
                    buf_free(&b);
                    c_error(c, "name capture %s makes remaining patterns unreachable", r);
                }
                c_error(c, "wildcard makes remaining patterns unreachable");
            }
            pat_store(c, p->v.MatchAs.name, pc);
        } else {
            c_pattern(c, p->v.MatchAs.pattern, pc);
            pat_store(c, p->v.MatchAs.name, pc);
        }
        break;
    case N_MatchOr:
        c_pattern_or(c, p, pc);
        break;
    default:
        die("check: unexpected pattern %s", ast_nodes[p->kind].name);
    }
    SEMA_LEAVE(c->cx);
}

/* compiler_match_inner: a trailing `case _:` (with other cases before it) is not compiled as a
 * pattern at all */
static void c_match(Checker *c, const Node *s)
{
    c_expr(c, s->v.Match.subject);
    const NodeList *cases = &s->v.Match.cases;
    int n = cases->n;
    int has_default = n > 1 && is_wildcard(cases->v[n - 1]->v.match_case.pattern);
    for (int i = 0; i < n - has_default; i++) {
        const Node *m = cases->v[i];
        set_loc(c, m->v.match_case.pattern);
        PatCtx pc = {0};
        pc.allow_irrefutable = m->v.match_case.guard != NULL || i == n - 1;
        c_pattern(c, m->v.match_case.pattern, &pc);
        if (m->v.match_case.guard)
            c_expr(c, m->v.match_case.guard);
        c_stmts(c, &m->v.match_case.body);
    }
    if (has_default) {
        const Node *m = cases->v[n - 1];
        set_loc(c, m->v.match_case.pattern);
        if (m->v.match_case.guard)
            c_expr(c, m->v.match_case.guard);
        c_stmts(c, &m->v.match_case.body);
    }
}

/* ------------------------------------------------------------------------------------------ */

void sema_compile_checks(SemaCtx *cx, SymTable *st, const Node *module)
{
    Checker c = {0};
    c.cx = cx;
    c.st = st;
    Unit u;
    memset(&u, 0, sizeof u);
    u.ste = st->top;
    u.type = CU_MODULE;
    u.loc.line = 1;
    c.u = &u;
    if (module->kind == N_Module)
        c_stmts(&c, &module->v.Module.body);
}
