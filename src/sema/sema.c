/*
 * sema.c - semantic analysis driver: sema_check() runs, in CPython 3.11's order,
 *
 *   1. the __future__ rules (CPython's future.c: leading `from __future__` imports, unknown
 *      features, `braces`),
 *   2. the symbol table (symtable.c), whose errors come before any compiler error whatever
 *      their lines,
 *   3. the compiler's checks (check.c), in code-generation order.
 *
 * The first error wins: every pass reports through sema_fail(), which longjmps back here.
 */
#include "sema_internal.h"

#include <string.h>

SemaNames sema_names;

void sema_names_init(void)
{
    if (sema_names.top)
        return;
    sema_names.top = intern_cstr("top");
    sema_names.lambda = intern_cstr("lambda");
    sema_names.genexpr = intern_cstr("genexpr");
    sema_names.listcomp = intern_cstr("listcomp");
    sema_names.setcomp = intern_cstr("setcomp");
    sema_names.dictcomp = intern_cstr("dictcomp");
    sema_names.annotation = intern_cstr("_annotation");
    sema_names.dunder_class = intern_cstr("__class__");
    sema_names.super = intern_cstr("super");
    sema_names.dot0 = intern_cstr(".0");
    sema_names.debug = intern_cstr("__debug__");
    sema_names.star = intern_cstr("*");
    sema_names.future = intern_cstr("__future__");
}

noreturn void sema_fail_kind(SemaCtx *cx, const char *kind, int line, int col, const char *fmt,
                             ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vset(cx->err, cx->src, line, col, kind, fmt, ap);
    va_end(ap);
    longjmp(cx->jb, 1);
}

noreturn void sema_fail(SemaCtx *cx, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vset(cx->err, cx->src, line, col, "SyntaxError", fmt, ap);
    va_end(ap);
    longjmp(cx->jb, 1);
}

int sema_has_docstring(const NodeList *body)
{
    if (body->n == 0 || body->v[0]->kind != N_Expr)
        return 0;
    const Node *v = body->v[0]->v.Expr.value;
    return v->kind == N_Constant && v->v.Constant.value->kind == CK_STR;
}

/* future_check_features: the names of one `from __future__ import ...` */
static unsigned future_features(SemaCtx *cx, const Node *s)
{
    static const char *const known[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "generator_stop",
    };
    unsigned f = 0;
    for (int i = 0; i < s->v.ImportFrom.names.n; i++) {
        const char *name = s->v.ImportFrom.names.v[i]->v.alias.name;
        int ok = 0;
        for (size_t k = 0; k < countof(known); k++)
            if (strcmp(name, known[k]) == 0)
                ok = 1;
        if (strcmp(name, "annotations") == 0) {
            f |= FUTURE_ANNOTATIONS;
            ok = 1;
        } else if (strcmp(name, "barry_as_FLUFL") == 0) {
            f |= FUTURE_BARRY_AS_BDFL;
            ok = 1;
        }
        if (ok)
            continue;
        if (strcmp(name, "braces") == 0)
            sema_fail(cx, s->loc.line, s->loc.col, "not a chance");
        sema_fail(cx, s->loc.line, s->loc.col, "future feature %s is not defined", name);
    }
    return f;
}

/* future_parse: the features of the leading `from __future__` imports (after an optional
 * docstring).  A late one is normally left to the compiler's check; the exception is one that
 * follows another statement on the same line as the last accepted line, caught here. */
static unsigned future_parse(SemaCtx *cx, const Node *mod, int *ff_lineno)
{
    unsigned f = 0;
    *ff_lineno = -1;
    if (mod->kind != N_Module)
        return 0;
    const NodeList *body = &mod->v.Module.body;
    int done = 0, prev_line = 0;
    for (int i = sema_has_docstring(body); i < body->n; i++) {
        const Node *s = body->v[i];
        if (done && s->loc.line > prev_line)
            break;
        prev_line = s->loc.line;
        if (s->kind == N_ImportFrom && s->v.ImportFrom.module &&
            strcmp(s->v.ImportFrom.module, "__future__") == 0) {
            if (done)
                /* CPython passes col_offset itself as the 1-based offset here */
                sema_fail(cx, s->loc.line, s->loc.col - 1,
                          "from __future__ imports must occur at the beginning of the file");
            f |= future_features(cx, s);
            *ff_lineno = s->loc.line;
        } else {
            done = 1;
        }
    }
    return f;
}

SymTable *sema_check(Node *module, const Source *src, Arena *a, Diag *err)
{
    sema_names_init();
    SemaCtx cx;
    memset(&cx, 0, sizeof cx);
    cx.err = err;
    cx.src = src;
    cx.arena = a;
    cx.tmp = arena_new();
    SymTable *volatile st = NULL;
    if (setjmp(cx.jb)) {
        arena_free(cx.tmp);
        return NULL;
    }
    int ff_lineno;
    unsigned future = future_parse(&cx, module, &ff_lineno);
    st = symtable_build(&cx, module, future, ff_lineno);
    sema_compile_checks(&cx, st, module);
    arena_free(cx.tmp);
    return st;
}
