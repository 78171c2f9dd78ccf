/*
 * test_sema.c - unit tests of the symbol table API (src/sema/symtable.h) that lowering relies
 * on, and of sema_check's robustness.
 *
 * Two kinds of input:
 *   - ASTs built by hand (node for node what ast.parse gives for the source in the comment), so
 *     the table is tested without the parser, and trees far deeper than the parser accepts
 *     (sema must fail cleanly, never overflow the stack);
 *   - small programs parsed by src/parse, for the finer properties.
 * Every expected scope and flag below is what python3's symtable module (or compile()) reports
 * for the same source; the golden and stdlib tests (tests/sema) cover the rest.
 *
 * Output: one line per failure, then 'N passed, N failed'; exit status 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast/ast.h"
#include "parse/parser.h"
#include "sema/sema.h"
#include "sema/symtable.h"

static int passed, failed;

#define CHECK(cond)                                                                           \
    do {                                                                                      \
        if (cond) {                                                                           \
            passed++;                                                                         \
        } else {                                                                              \
            failed++;                                                                         \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                            \
        }                                                                                     \
    } while (0)

static Loc at(int line, int col, int end_col)
{
    Loc l = {line, col, line, end_col, 0};
    return l;
}

static Node *name(Arena *a, const char *id, AstCtx ctx, Loc l)
{
    Node *n = ast_new(a, N_Name, l);
    n->v.Name.id = intern_cstr(id);
    n->v.Name.ctx = ctx;
    return n;
}

static Node *arg(Arena *a, const char *id, Loc l)
{
    Node *n = ast_new(a, N_arg, l);
    n->v.arg.arg = intern_cstr(id);
    return n;
}

static Node *module1(Arena *a, Node *stmt)
{
    Loc none = {0};
    Node *m = ast_new(a, N_Module, none);
    m->v.Module.body = ast_list(a, &stmt, 1);
    return m;
}

static Symbol *sym(const Scope *s, const char *id)
{
    return scope_lookup(s, intern_cstr(id));
}

/* def f(a, a): return a  -> duplicate argument at the second a (1:9) */
static void test_handmade(void)
{
    Arena *a = arena_new();
    Loc none = {0};
    /* def f(a): return a */
    Node *args = ast_new(a, N_arguments, none);
    Node *pa = arg(a, "a", at(1, 6, 7));
    args->v.arguments.args = ast_list(a, &pa, 1);
    Node *ret = ast_new(a, N_Return, at(1, 10, 18));
    ret->v.Return.value = name(a, "a", Ctx_Load, at(1, 17, 18));
    Node *def = ast_new(a, N_FunctionDef, at(1, 0, 18));
    def->v.FunctionDef.name = intern_cstr("f");
    def->v.FunctionDef.args = args;
    def->v.FunctionDef.body = ast_list(a, &ret, 1);
    Node *mod = module1(a, def);
    Diag err = {0};
    SymTable *st = sema_check(mod, NULL, a, &err);
    CHECK(st != NULL);
    if (st) {
        CHECK(st->nscopes == 2 && st->top->nchildren == 1);
        Scope *f = symtable_scope_of(st, def);
        CHECK(f == st->top->children[0] && f->kind == SK_FUNCTION && f->block == BLOCK_FUNCTION);
        CHECK(symtable_scope_of(st, mod) == st->top && st->top->kind == SK_MODULE);
        CHECK(f->nvarnames == 1 && strcmp(f->varnames[0], "a") == 0);
        Symbol *s = sym(f, "a");
        CHECK(s && s->scope == SC_LOCAL && (s->flags & SYM_PARAM) && (s->flags & SYM_USED));
        Symbol *fs = sym(st->top, "f");
        CHECK(fs && fs->scope == SC_LOCAL && fs->flags == SYM_ASSIGNED);
        CHECK(!f->nested && !f->is_generator && !f->is_coroutine);
    }

    /* def f(a, a): return a */
    Node *pa2 = arg(a, "a", at(1, 9, 10));
    Node *two[] = {pa, pa2};
    args->v.arguments.args = ast_list(a, two, 2);
    st = sema_check(mod, NULL, a, &err);
    CHECK(st == NULL);
    CHECK(err.line == 1 && err.col == 9 && err.kind && strcmp(err.kind, "SyntaxError") == 0);
    CHECK(err.msg && strcmp(err.msg, "duplicate argument 'a' in function definition") == 0);
    diag_clear(&err);
    arena_free(a);
}

/* x = not not ... not y (10,000 deep) and 10,000 nested ifs: a clean error, no crash */
static void test_deep(void)
{
    Arena *a = arena_new();
    Node *e = name(a, "y", Ctx_Load, at(1, 0, 1));
    for (int i = 0; i < 10000; i++) {
        Node *u = ast_new(a, N_UnaryOp, at(1, 0, 1));
        u->v.UnaryOp.op = UnOp_Not;
        u->v.UnaryOp.operand = e;
        e = u;
    }
    Node *as = ast_new(a, N_Assign, at(1, 0, 1));
    Node *t = name(a, "x", Ctx_Store, at(1, 0, 1));
    as->v.Assign.targets = ast_list(a, &t, 1);
    as->v.Assign.value = e;
    Diag err = {0};
    SymTable *st = sema_check(module1(a, as), NULL, a, &err);
    CHECK(st == NULL && err.kind && strcmp(err.kind, "RecursionError") == 0);

    Node *s = ast_new(a, N_Pass, at(1, 0, 1));
    for (int i = 0; i < 10000; i++) {
        Node *iff = ast_new(a, N_If, at(1, 0, 1));
        iff->v.If.test = name(a, "c", Ctx_Load, at(1, 0, 1));
        iff->v.If.body = ast_list(a, &s, 1);
        s = iff;
    }
    st = sema_check(module1(a, s), NULL, a, &err);
    CHECK(st == NULL && err.kind && strcmp(err.kind, "RecursionError") == 0);

    /* 1,000 deep is fine */
    e = name(a, "y", Ctx_Load, at(1, 0, 1));
    for (int i = 0; i < 1000; i++) {
        Node *u = ast_new(a, N_UnaryOp, at(1, 0, 1));
        u->v.UnaryOp.op = UnOp_USub;
        u->v.UnaryOp.operand = e;
        e = u;
    }
    as->v.Assign.value = e;
    st = sema_check(module1(a, as), NULL, a, &err);
    CHECK(st != NULL);
    diag_clear(&err);
    arena_free(a);
}

/* ---- parsed programs ---- */

typedef struct Prog {
    Arena *a;
    Source src;
    Diag err;
    Node *mod;
    SymTable *st;
} Prog;

static int prog(Prog *p, const char *text)
{
    memset(p, 0, sizeof *p);
    p->a = arena_new();
    source_from_memory(&p->src, "t.py", text, strlen(text));
    p->mod = parse_module(&p->src, p->a, &p->err);
    if (!p->mod) {
        printf("FAIL parse: %s\n", p->err.msg ? p->err.msg : "?");
        failed++;
        return 0;
    }
    p->st = sema_check(p->mod, &p->src, p->a, &p->err);
    return p->st != NULL;
}

static void prog_free(Prog *p)
{
    diag_clear(&p->err);
    arena_free(p->a);
}

/* the scope with this name among s's children, or NULL */
static Scope *child(const Scope *s, const char *nm)
{
    for (int i = 0; i < s->nchildren; i++)
        if (strcmp(s->children[i]->name, nm) == 0)
            return s->children[i];
    return NULL;
}

static void test_closures(void)
{
    Prog p;
    if (prog(&p, "def f(y):\n"
                 "    x = 1\n"
                 "    def g():\n"
                 "        def h():\n"
                 "            return x + y + z\n"
                 "        return h\n"
                 "    return g\n")) {
        Scope *f = child(p.st->top, "f"), *g = f ? child(f, "g") : NULL;
        Scope *h = g ? child(g, "h") : NULL;
        CHECK(f && g && h);
        if (h) {
            CHECK(sym(f, "x")->scope == SC_CELL && sym(f, "y")->scope == SC_CELL);
            CHECK(sym(f, "y")->flags & SYM_PARAM);
            /* x passes through g: recorded there as FREE with no other flag */
            Symbol *gx = sym(g, "x");
            CHECK(gx && gx->scope == SC_FREE && gx->flags == 0);
            CHECK(sym(h, "x")->scope == SC_FREE && sym(h, "z")->scope == SC_GLOBAL_IMPLICIT);
            CHECK(g->nested && h->nested && !f->nested);
            /* has_free is CPython's ste_free: names the block itself uses; g's closure still
             * carries x (its FREE symbol) */
            CHECK(h->has_free && !g->has_free && f->child_free && g->child_free);
        }
    }
    prog_free(&p);

    /* nonlocal, global */
    if (prog(&p, "def f():\n"
                 "    a = 1\n"
                 "    def g():\n"
                 "        nonlocal a\n"
                 "        global b\n"
                 "        a = b = 2\n"
                 "    return g\n")) {
        Scope *f = child(p.st->top, "f"), *g = child(f, "g");
        CHECK(sym(f, "a")->scope == SC_CELL);
        Symbol *ga = sym(g, "a"), *gb = sym(g, "b");
        CHECK(ga->scope == SC_FREE && (ga->flags & SYM_NONLOCAL) && (ga->flags & SYM_ASSIGNED));
        CHECK(gb->scope == SC_GLOBAL_EXPLICIT && (gb->flags & SYM_GLOBAL));
        /* the declaration is recorded in the module's table too, as CPython does */
        Symbol *mb = sym(p.st->top, "b");
        CHECK(mb && mb->scope == SC_GLOBAL_EXPLICIT);
        CHECK(g->ndirectives == 2);
    }
    prog_free(&p);
}

static void test_classes(void)
{
    Prog p;
    if (prog(&p, "def outer():\n"
                 "    x = 1\n"
                 "    class C:\n"
                 "        x = 2\n"
                 "        def m(self):\n"
                 "            return x, super().m()\n"
                 "        def n(self):\n"
                 "            return self.__p, __q\n"
                 "    return C\n")) {
        Scope *o = child(p.st->top, "outer"), *c = child(o, "C");
        Scope *m = child(c, "m"), *n = child(c, "n");
        CHECK(c->kind == SK_CLASS && c->block == BLOCK_CLASS && c->needs_class_cell);
        /* methods skip the class scope: x is outer's cell; the class's own x is flagged */
        CHECK(sym(o, "x")->scope == SC_CELL);
        CHECK(sym(m, "x")->scope == SC_FREE);
        CHECK(sym(c, "x")->scope == SC_LOCAL && (sym(c, "x")->flags & SYM_FREE_CLASS));
        CHECK(sym(m, "__class__") && sym(m, "__class__")->scope == SC_FREE);
        CHECK(sym(c, "__class__") == NULL);   /* the implicit cell is not a class symbol */
        /* private names: mangled key, original kept */
        Symbol *q = sym(n, "_C__q");
        CHECK(q && strcmp(q->orig, "__q") == 0 && sym(n, "__q") == NULL);
        CHECK(n->private_name && strcmp(n->private_name, "C") == 0);
        CHECK(c->private_name == n->private_name && o->private_name == NULL);
    }
    prog_free(&p);

    CHECK(strcmp(symtable_mangle("C", "__x"), "_C__x") == 0);
    CHECK(strcmp(symtable_mangle("__C", "__x"), "_C__x") == 0);
    CHECK(strcmp(symtable_mangle("___", "__x"), "__x") == 0);
    CHECK(strcmp(symtable_mangle("C", "__x__"), "__x__") == 0);
    CHECK(strcmp(symtable_mangle("C", "__"), "__") == 0);
    CHECK(strcmp(symtable_mangle("C", "_x"), "_x") == 0);
    CHECK(strcmp(symtable_mangle("C", "__a.b"), "__a.b") == 0);
    CHECK(strcmp(symtable_mangle(NULL, "__x"), "__x") == 0);
    CHECK(symtable_mangle("C", "__x") == intern_cstr("_C__x"));
}

static void test_comprehensions(void)
{
    Prog p;
    if (prog(&p, "def f(r):\n"
                 "    a = [i * j for i in r for j in range(i) if (y := i)]\n"
                 "    return y, (k for k in a)\n")) {
        Scope *f = child(p.st->top, "f");
        Scope *lc = child(f, "listcomp"), *ge = child(f, "genexpr");
        CHECK(lc && ge && lc->kind == SK_LISTCOMP && ge->kind == SK_GENEXPR);
        CHECK(lc->nvarnames == 1 && strcmp(lc->varnames[0], ".0") == 0);
        /* the first iterable is evaluated in f; later ones inside */
        CHECK(sym(f, "r") && (sym(f, "r")->flags & SYM_USED) && sym(lc, "r") == NULL);
        CHECK(sym(lc, "range") && sym(lc, "range")->scope == SC_GLOBAL_IMPLICIT);
        CHECK((sym(lc, "i")->flags & SYM_COMP_ITER) && sym(lc, "i")->scope == SC_LOCAL);
        /* the walrus target binds in f (a cell, read back after the comprehension) */
        Symbol *ly = sym(lc, "y"), *fy = sym(f, "y");
        CHECK(ly->scope == SC_FREE && (ly->flags & SYM_NONLOCAL) && (ly->flags & SYM_WALRUS));
        CHECK(fy->scope == SC_CELL && (fy->flags & SYM_WALRUS) && (fy->flags & SYM_ASSIGNED));
        CHECK(ge->is_generator && !lc->is_generator && ge->nested);
        CHECK(symtable_scope_of(p.st, lc->node) == lc && lc->node->kind == N_ListComp);
    }
    prog_free(&p);
}

static void test_flags(void)
{
    Prog p;
    if (prog(&p, "def g(a, /, b, *c, d, **e):\n"
                 "    yield a\n"
                 "async def co():\n"
                 "    await x\n"
                 "async def ag():\n"
                 "    yield [i async for i in y]\n"
                 "def h(x=lambda: 0):\n"
                 "    return 1\n")) {
        Scope *top = p.st->top;
        Scope *g = child(top, "g"), *co = child(top, "co"), *ag = child(top, "ag");
        CHECK(g->is_generator && !g->is_coroutine && g->has_varargs && g->has_varkeywords);
        CHECK(g->nvarnames == 5);
        const char *order[] = {"a", "b", "d", "c", "e"};
        for (int i = 0; i < 5 && i < g->nvarnames; i++)
            CHECK(strcmp(g->varnames[i], order[i]) == 0);
        CHECK(co->kind == SK_ASYNC_FUNCTION && co->is_coroutine && !co->is_generator);
        CHECK(scope_is_async_generator(ag) && !scope_is_async_generator(co));
        CHECK(child(ag, "listcomp")->is_coroutine);
        /* a def's defaults are entered before its own block */
        CHECK(top->nchildren == 5 && strcmp(top->children[3]->name, "lambda") == 0 &&
              strcmp(top->children[4]->name, "h") == 0);
        Scope *h = top->children[4];
        CHECK(h->returns_value && !g->returns_value);
        for (int i = 0; i < p.st->nscopes; i++)
            CHECK(p.st->scopes[i]->id == i);
    }
    prog_free(&p);

    /* future annotations: annotation blocks never reach the table */
    if (prog(&p, "from __future__ import annotations\n"
                 "def f(x: T) -> U:\n"
                 "    y: V = 1\n")) {
        CHECK(p.st->future & FUTURE_ANNOTATIONS);
        CHECK(p.st->nscopes == 2 && sym(p.st->top, "T") == NULL);
        CHECK(sym(child(p.st->top, "f"), "V") == NULL);
    }
    prog_free(&p);

    /* errors: the first in CPython's order; the table is not returned */
    CHECK(!prog(&p, "return 1\ndef f():\n    nonlocal q\n"));
    CHECK(p.err.line == 3 && p.err.col == 4 && p.err.msg &&
          strcmp(p.err.msg, "no binding for nonlocal 'q' found") == 0);
    prog_free(&p);
    CHECK(!prog(&p, "x = 1\nfor y in z:\n    break\nelse:\n    continue\n"));
    CHECK(p.err.line == 5 && p.err.col == 4 && p.err.msg &&
          strcmp(p.err.msg, "'continue' not properly in loop") == 0);
    prog_free(&p);
}

int main(void)
{
    test_handmade();
    test_deep();
    test_closures();
    test_classes();
    test_comprehensions();
    test_flags();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
