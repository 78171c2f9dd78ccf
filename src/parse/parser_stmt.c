/*
 * parser_stmt.c - the statement rules of CPython 3.11's grammar: the file, blocks, simple and
 * compound statements, imports, and the parameter lists of def and lambda.
 *
 * Statement lists are built on the sequence stack: statement() pushes the statements it
 * parsed (one for a compound statement, several for `a; b; c`) and returns their count.
 * Rules whose results the grammar revisits (simple_stmt, block) are memoised as in CPython.
 */
#include "parser_impl.h"

#include <string.h>

#define FAIL(start)                                             \
    do {                                                        \
        p->pos = (start);                                       \
        LEAVE(NULL);                                            \
    } while (0)

static int statement(Parser *p);
static Node *simple_stmt(Parser *p);

/* ---- the file and blocks ---- */

/* statements: statement+   (pushes the statements; returns how many) */
static int statements(Parser *p)
{
    int n = 0, k, s0 = p->pos;
    while ((k = statement(p)) > 0) {
        n += k;
        pr_memo_release(p, s0, p->pos);
        s0 = p->pos;
    }
    return p->failed ? 0 : n;
}

/* file: [statements] ENDMARKER
 * In the second pass, whose tree is thrown away, each finished top-level statement's nodes
 * are freed with its memo entries (the arena is swapped), so that finding an error at the end
 * of a huge file needs no second copy of its tree. */
Node *pr_file(Parser *p)
{
    ENTER;
    int m = sp_mark(p);
    if (p->invalid_rules) {
        int s0 = p->pos;
        while (statement(p) > 0) {
            pr_memo_release(p, s0, p->memo_hi > p->pos ? p->memo_hi : p->pos);
            arena_free(p->arena);
            p->arena = arena_new();
            p->nstk = m;   /* the statements pushed are gone with the arena */
            s0 = p->pos;
        }
    } else {
        statements(p);
    }
    if (p->failed || !pr_expect(p, TK_ENDMARKER)) {
        sp_reset(p, m);
        LEAVE(NULL);
    }
    Node *mod = pr_node_at(p, N_Module, (Loc){0});
    mod->v.Module.body = sp_list(p, m);
    LEAVE(mod);
}

/* simple_stmts:
 *     | simple_stmt !';' NEWLINE
 *     | ';'.simple_stmt+ [';'] NEWLINE
 * Pushes the statements; returns how many. */
static int simple_stmts(Parser *p)
{
    int start = p->pos, m = sp_mark(p);
    Node *s = simple_stmt(p);
    if (!s)
        return 0;
    sp_push(p, s);
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_SEMI))
            break;
        Node *t = simple_stmt(p);
        if (!t) {
            p->pos = save;
            break;
        }
        sp_push(p, t);
        n++;
    }
    pr_expect(p, TK_SEMI);
    if (!pr_expect(p, TK_NEWLINE)) {
        sp_reset(p, m);
        p->pos = start;
        return 0;
    }
    return n;
}

/* block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
NodeList *pr_block(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_BLOCK);
    NodeList *res = NULL;
    int m = sp_mark(p);
    if (pr_expect(p, TK_NEWLINE)) {
        if (pr_expect(p, TK_INDENT) && statements(p) > 0 && pr_expect(p, TK_DEDENT)) {
            res = arena_alloc(p->arena, sizeof *res);
            *res = sp_list(p, m);
        } else {
            sp_reset(p, m);
            p->pos = start;
        }
    }
    if (!res && !p->failed && simple_stmts(p) > 0) {
        res = arena_alloc(p->arena, sizeof *res);
        *res = sp_list(p, m);
    }
    if (!res && p->invalid_rules && !p->failed) {
        inv_block(p);
        p->pos = start;
    }
    if (p->failed)
        LEAVE(NULL);
    pr_memo_put(p, M_BLOCK, start, res);
    LEAVE(res);
}

/* ---- simple statements ---- */

static int augassign_op(TokKind k)
{
    switch (k) {
    case TK_PLUSEQUAL: return Op_Add;
    case TK_MINEQUAL: return Op_Sub;
    case TK_STAREQUAL: return Op_Mult;
    case TK_ATEQUAL: return Op_MatMult;
    case TK_SLASHEQUAL: return Op_Div;
    case TK_PERCENTEQUAL: return Op_Mod;
    case TK_AMPEREQUAL: return Op_BitAnd;
    case TK_VBAREQUAL: return Op_BitOr;
    case TK_CIRCUMFLEXEQUAL: return Op_BitXor;
    case TK_LEFTSHIFTEQUAL: return Op_LShift;
    case TK_RIGHTSHIFTEQUAL: return Op_RShift;
    case TK_DOUBLESTAREQUAL: return Op_Pow;
    case TK_DOUBLESLASHEQUAL: return Op_FloorDiv;
    default: return -1;
    }
}

/* annotated_rhs: yield_expr | star_expressions */
static Node *annotated_rhs(Parser *p)
{
    if (pr_at(p, TK_YIELD))
        return pr_yield_expr(p);
    return pr_star_expressions(p);
}

/* The tail of the annotated assignments: ':' expression ['=' annotated_rhs] */
static Node *ann_assign_tail(Parser *p, Node *target, int simple, int start)
{
    if (!pr_expect(p, TK_COLON))
        return NULL;
    Node *ann = pr_expression(p);
    if (!ann)
        return NULL;
    Node *value = NULL;
    int save = p->pos;
    if (pr_expect(p, TK_EQUAL)) {
        value = annotated_rhs(p);
        if (!value)
            p->pos = save;
    }
    Node *n = pr_node(p, N_AnnAssign, start);
    n->v.AnnAssign.target = target;
    n->v.AnnAssign.annotation = ann;
    n->v.AnnAssign.value = value;
    n->v.AnnAssign.simple = simple;
    return n;
}

/* assignment:
 *     | NAME ':' expression ['=' annotated_rhs]
 *     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression
 *       ['=' annotated_rhs]
 *     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
 *     | single_target augassign ~ (yield_expr | star_expressions)
 *     | invalid_assignment */
static Node *assignment(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_peek(p);
    Node *n;
    /* NAME ':' ... */
    if (t->kind == TK_NAME && pr_peek2(p)->kind == TK_COLON) {
        Node *target = pr_name_tok(p);
        target->v.Name.ctx = Ctx_Store;
        if ((n = ann_assign_tail(p, target, 1, start)))
            LEAVE(n);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    /* ('(' single_target ')' | single_subscript_attribute_target) ':' ... */
    {
        Node *target = NULL;
        if (t->kind == TK_LPAR) {
            p->pos++;
            target = pr_single_target(p);
            if (!target || !pr_expect(p, TK_RPAR)) {
                target = NULL;
                p->pos = start;
            }
        }
        if (!target && !p->failed)
            target = pr_single_subscript_attribute_target(p);
        if (target && (n = ann_assign_tail(p, target, 0, start)))
            LEAVE(n);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    /* (star_targets '=')+ (yield_expr | star_expressions) !'=' */
    {
        int m = sp_mark(p);
        for (;;) {
            int save = p->pos;
            Node *tg = pr_star_targets(p);
            if (!tg || !pr_expect(p, TK_EQUAL)) {
                p->pos = save;
                break;
            }
            sp_push(p, tg);
        }
        if (p->nstk > m) {
            Node *value = annotated_rhs(p);
            if (value && !pr_at(p, TK_EQUAL)) {
                n = pr_node(p, N_Assign, start);
                n->v.Assign.targets = sp_list(p, m);
                n->v.Assign.value = value;
                LEAVE(n);
            }
        }
        sp_reset(p, m);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    /* single_target augassign ~ (yield_expr | star_expressions) */
    {
        Node *target = pr_single_target(p);
        int op;
        if (target && (op = augassign_op(pr_peek(p)->kind)) >= 0) {
            p->pos++;
            Node *value = annotated_rhs(p);
            if (!value)
                FAIL(start);   /* the cut */
            n = pr_node(p, N_AugAssign, start);
            n->v.AugAssign.target = target;
            n->v.AugAssign.op = op;
            n->v.AugAssign.value = value;
            LEAVE(n);
        }
        p->pos = start;
    }
    if (p->invalid_rules && !p->failed) {
        inv_assignment(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* 'return' [star_expressions] */
static Node *return_stmt(Parser *p, int start)
{
    p->pos++;
    Node *n;
    Node *v = pr_star_expressions(p);
    n = pr_node(p, N_Return, start);
    n->v.Return.value = v;
    return n;
}

/* raise_stmt: 'raise' expression ['from' expression] | 'raise' */
static Node *raise_stmt(Parser *p, int start)
{
    p->pos++;
    Node *exc = pr_expression(p), *cause = NULL;
    if (exc) {
        int save = p->pos;
        if (pr_expect(p, TK_FROM)) {
            cause = pr_expression(p);
            if (!cause)
                p->pos = save;
        }
    }
    Node *n = pr_node(p, N_Raise, start);
    n->v.Raise.exc = exc;
    n->v.Raise.cause = cause;
    return n;
}

/* global_stmt: 'global' ','.NAME+    nonlocal_stmt: 'nonlocal' ','.NAME+ */
static Node *global_stmt(Parser *p, int start, NodeKind kind)
{
    p->pos++;
    int m = sp_mark(p);
    Token *t = pr_expect(p, TK_NAME);
    if (!t) {
        p->pos = start;
        return NULL;
    }
    sp_push(p, (void *)t->ident);
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        if (!(t = pr_expect(p, TK_NAME))) {
            p->pos = save;
            break;
        }
        sp_push(p, (void *)t->ident);
    }
    Node *n = pr_node(p, kind, start);
    if (kind == N_Global)
        n->v.Global.names = sp_idents(p, m);
    else
        n->v.Nonlocal.names = sp_idents(p, m);
    return n;
}

/* del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
static Node *del_stmt(Parser *p, int start)
{
    p->pos++;
    NodeList l;
    if (pr_del_targets(p, &l) && (pr_at(p, TK_SEMI) || pr_at(p, TK_NEWLINE))) {
        Node *n = pr_node(p, N_Delete, start);
        n->v.Delete.targets = l;
        return n;
    }
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_del_stmt(p);
        p->pos = start;
    }
    return NULL;
}

/* assert_stmt: 'assert' expression [',' expression] */
static Node *assert_stmt(Parser *p, int start)
{
    p->pos++;
    Node *test = pr_expression(p), *msg = NULL;
    if (!test) {
        p->pos = start;
        return NULL;
    }
    int save = p->pos;
    if (pr_expect(p, TK_COMMA)) {
        msg = pr_expression(p);
        if (!msg)
            p->pos = save;
    }
    Node *n = pr_node(p, N_Assert, start);
    n->v.Assert.test = test;
    n->v.Assert.msg = msg;
    return n;
}

/* dotted_name: dotted_name '.' NAME | NAME   (the joined, interned spelling) */
int pr_dotted_name_str(Parser *p, const char **name)
{
    Token *t = pr_expect(p, TK_NAME);
    if (!t)
        return 0;
    if (!pr_at(p, TK_DOT) || pr_peek2(p)->kind != TK_NAME) {
        *name = t->ident;
        return 1;
    }
    Buf b = {0};
    buf_puts(&b, t->ident);
    while (pr_at(p, TK_DOT) && pr_peek2(p)->kind == TK_NAME) {
        p->pos++;
        Token *u = pr_expect(p, TK_NAME);
        buf_putc(&b, '.');
        buf_puts(&b, u->ident);
    }
    *name = intern(b.p, b.len);
    buf_free(&b);
    return 1;
}

/* dotted_as_name: dotted_name ['as' NAME] */
static Node *dotted_as_name(Parser *p)
{
    ENTER;
    int start = p->pos;
    const char *name;
    if (!pr_dotted_name_str(p, &name))
        LEAVE(NULL);
    const char *asname = NULL;
    if (pr_at(p, TK_AS) && pr_peek2(p)->kind == TK_NAME) {
        p->pos++;
        asname = pr_expect(p, TK_NAME)->ident;
    }
    Node *a = pr_node(p, N_alias, start);
    a->v.alias.name = name;
    a->v.alias.asname = asname;
    LEAVE(a);
}

/* import_name: 'import' dotted_as_names
 * dotted_as_names: ','.dotted_as_name+ */
static Node *import_name(Parser *p, int start)
{
    p->pos++;
    int m = sp_mark(p);
    Node *a = dotted_as_name(p);
    if (!a) {
        p->pos = start;
        return NULL;
    }
    sp_push(p, a);
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = dotted_as_name(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
    }
    Node *n = pr_node(p, N_Import, start);
    n->v.Import.names = sp_list(p, m);
    return n;
}

/* import_from_as_name: NAME ['as' NAME] */
static Node *import_from_as_name(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_expect(p, TK_NAME);
    if (!t)
        LEAVE(NULL);
    const char *asname = NULL;
    if (pr_at(p, TK_AS) && pr_peek2(p)->kind == TK_NAME) {
        p->pos++;
        asname = pr_expect(p, TK_NAME)->ident;
    }
    Node *a = pr_node(p, N_alias, start);
    a->v.alias.name = t->ident;
    a->v.alias.asname = asname;
    LEAVE(a);
}

/* import_from_as_names: ','.import_from_as_name+   (pushes them; returns how many) */
int pr_import_from_as_names(Parser *p)
{
    Node *a = import_from_as_name(p);
    if (!a)
        return 0;
    sp_push(p, a);
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = import_from_as_name(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
        n++;
    }
    return n;
}

/* import_from_targets:
 *     | '(' import_from_as_names [','] ')'
 *     | import_from_as_names !','
 *     | '*'
 *     | invalid_import_from_targets
 * Pushes the aliases; returns how many. */
static int import_from_targets(Parser *p)
{
    int start = p->pos, m = sp_mark(p);
    if (pr_expect(p, TK_LPAR)) {
        if (pr_import_from_as_names(p)) {
            pr_expect(p, TK_COMMA);
            if (pr_expect(p, TK_RPAR))
                return p->nstk - m;
        }
        sp_reset(p, m);
        p->pos = start;
    }
    if (pr_import_from_as_names(p)) {
        if (!pr_at(p, TK_COMMA))
            return p->nstk - m;
        sp_reset(p, m);
        p->pos = start;
    }
    Token *t = pr_expect(p, TK_STAR);
    if (t) {
        Node *a = pr_node(p, N_alias, start);
        a->v.alias.name = intern_cstr("*");
        sp_push(p, a);
        return 1;
    }
    if (p->invalid_rules && !p->failed) {
        inv_import_from_targets(p);
        p->pos = start;
    }
    return 0;
}

/* import_from:
 *     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *     | 'from' ('.' | '...')+ 'import' import_from_targets */
static Node *import_from(Parser *p, int start)
{
    p->pos++;
    int level = 0;
    for (;;) {
        if (pr_expect(p, TK_DOT))
            level++;
        else if (pr_expect(p, TK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    int dots_end = p->pos;
    if (!pr_dotted_name_str(p, &module) || !pr_expect(p, TK_IMPORT)) {
        module = NULL;
        p->pos = dots_end;
        if (level == 0 || p->failed || !pr_expect(p, TK_IMPORT)) {
            p->pos = start;
            return NULL;
        }
    }
    int m = sp_mark(p);
    if (!import_from_targets(p)) {
        p->pos = start;
        return NULL;
    }
    Node *n = pr_node(p, N_ImportFrom, start);
    n->v.ImportFrom.module = module;
    n->v.ImportFrom.names = sp_list(p, m);
    n->v.ImportFrom.level = level;
    return n;
}

/* simple_stmt (memo):
 *     | assignment
 *     | star_expressions
 *     | &'return' return_stmt
 *     | &('import' | 'from') import_stmt
 *     | &'raise' raise_stmt
 *     | 'pass'
 *     | &'del' del_stmt
 *     | &'yield' yield_stmt
 *     | &'assert' assert_stmt
 *     | 'break'
 *     | 'continue'
 *     | &'global' global_stmt
 *     | &'nonlocal' nonlocal_stmt
 * A statement opening with one of these keywords can be neither an assignment nor an
 * expression, so those two alternatives are skipped for them (but for 'yield', whose
 * invalid_assignment alternative reports `yield x = 1`). */
static Node *simple_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_SIMPLE_STMT);
    Token *t = pr_peek(p);
    Node *res = NULL;
    switch (t->kind) {
    case TK_RETURN: res = return_stmt(p, start); break;
    case TK_IMPORT: res = import_name(p, start); break;
    case TK_FROM: res = import_from(p, start); break;
    case TK_RAISE: res = raise_stmt(p, start); break;
    case TK_DEL: res = del_stmt(p, start); break;
    case TK_ASSERT: res = assert_stmt(p, start); break;
    case TK_GLOBAL: res = global_stmt(p, start, N_Global); break;
    case TK_NONLOCAL: res = global_stmt(p, start, N_Nonlocal); break;
    case TK_PASS:
    case TK_BREAK:
    case TK_CONTINUE:
        p->pos++;
        res = pr_node(p, t->kind == TK_PASS ? N_Pass : t->kind == TK_BREAK ? N_Break : N_Continue,
                      start);
        break;
    case TK_YIELD:
        if (p->invalid_rules) {
            res = assignment(p);
            if (res || p->failed)
                break;
        }
        {
            Node *y = pr_yield_expr(p);
            if (y) {
                res = pr_node(p, N_Expr, start);
                res->v.Expr.value = y;
            }
        }
        break;
    default:
        res = assignment(p);
        if (!res && !p->failed) {
            Node *e = pr_star_expressions(p);
            if (e) {
                res = pr_node(p, N_Expr, start);
                res->v.Expr.value = e;
            }
        }
        break;
    }
    if (p->failed)
        LEAVE(NULL);
    if (!res)
        p->pos = start;
    pr_memo_put(p, M_SIMPLE_STMT, start, res);
    LEAVE(res);
}

/* ---- compound statements ---- */

/* decorators: ('@' named_expression NEWLINE)+   (pushes them; returns how many) */
static int decorators(Parser *p)
{
    int n = 0;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_AT))
            break;
        Node *e = pr_named_expression(p);
        if (!e || !pr_expect(p, TK_NEWLINE)) {
            p->pos = save;
            break;
        }
        sp_push(p, e);
        n++;
    }
    return n;
}

/* The tail shared by 'def' and 'async def':
 *     'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block */
static Node *function_def_raw(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_def_raw(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    int is_async = pr_expect(p, TK_ASYNC) != NULL;
    Token *name;
    if (!pr_expect(p, TK_DEF) || !(name = pr_expect(p, TK_NAME)))
        FAIL(start);
    if (!pr_expect_forced(p, TK_LPAR, "("))
        FAIL(start);
    Node *params = pr_params(p);
    if (p->failed || !pr_expect(p, TK_RPAR))
        FAIL(start);
    Node *returns = NULL;
    int save = p->pos;
    if (pr_expect(p, TK_RARROW)) {
        returns = pr_expression(p);
        if (!returns)
            p->pos = save;
    }
    if (!pr_expect_forced(p, TK_COLON, ":"))
        FAIL(start);
    NodeList *body = pr_block(p);
    if (!body)
        FAIL(start);
    Node *n = pr_node(p, is_async ? N_AsyncFunctionDef : N_FunctionDef, start);
    /* FunctionDef and AsyncFunctionDef have the same layout */
    n->v.FunctionDef.name = name->ident;
    n->v.FunctionDef.args = params ? params : pr_empty_arguments(p);
    n->v.FunctionDef.body = *body;
    n->v.FunctionDef.returns = returns;
    LEAVE(n);
}

/* class_def_raw:
 *     | invalid_class_def_raw
 *     | 'class' NAME ['(' [arguments] ')'] ':' block */
static Node *class_def_raw(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_class_def_raw(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    Token *name;
    if (!pr_expect(p, TK_CLASS) || !(name = pr_expect(p, TK_NAME)))
        FAIL(start);
    Node *args = NULL;
    int save = p->pos;
    if (pr_expect(p, TK_LPAR)) {
        args = pr_arguments(p);
        if (!pr_expect(p, TK_RPAR)) {
            args = NULL;
            p->pos = save;
        } else if (!args) {
            args = pr_empty_arguments(p);   /* "()" : no bases, no keywords */
        }
    }
    if (p->failed || !pr_expect(p, TK_COLON))
        FAIL(start);
    NodeList *body = pr_block(p);
    if (!body)
        FAIL(start);
    Node *n = pr_node(p, N_ClassDef, start);
    n->v.ClassDef.name = name->ident;
    if (args && args->kind == N_Call) {
        n->v.ClassDef.bases = args->v.Call.args;
        n->v.ClassDef.keywords = args->v.Call.keywords;
    }
    n->v.ClassDef.body = *body;
    LEAVE(n);
}

/* function_def: decorators function_def_raw | function_def_raw
 * class_def: decorators class_def_raw | class_def_raw
 * The decorated definition keeps the position of the undecorated one. */
static Node *decorated(Parser *p)
{
    ENTER;
    int start = p->pos, m = sp_mark(p);
    decorators(p);
    if (p->failed) {
        sp_reset(p, m);
        LEAVE(NULL);
    }
    Token *t = pr_peek(p);
    Node *d = NULL;
    if (t->kind == TK_CLASS)
        d = class_def_raw(p);
    else if (t->kind == TK_DEF || t->kind == TK_ASYNC)
        d = function_def_raw(p);
    if (!d) {
        sp_reset(p, m);
        FAIL(start);
    }
    if (d->kind == N_ClassDef)
        d->v.ClassDef.decorator_list = sp_list(p, m);
    else
        d->v.FunctionDef.decorator_list = sp_list(p, m);
    LEAVE(d);
}

/* else_block: invalid_else_stmt | 'else' &&':' block */
static NodeList *else_block(Parser *p)
{
    int start = p->pos;
    if (p->invalid_rules) {
        inv_else_stmt(p);
        p->pos = start;
        if (p->failed)
            return NULL;
    }
    if (!pr_expect(p, TK_ELSE))
        return NULL;
    NodeList *b;
    if (!pr_expect_forced(p, TK_COLON, ":") || !(b = pr_block(p))) {
        p->pos = start;
        return NULL;
    }
    return b;
}

/* if_stmt:
 *     | invalid_if_stmt
 *     | 'if' named_expression ':' block elif_stmt
 *     | 'if' named_expression ':' block [else_block]
 * elif_stmt: the same with 'elif' (and invalid_elif_stmt) */
static Node *if_stmt(Parser *p, TokKind kw)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        if (kw == TK_IF)
            inv_if_stmt(p);
        else
            inv_elif_stmt(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    if (!pr_expect(p, kw))
        LEAVE(NULL);
    Node *test = pr_named_expression(p);
    NodeList *body;
    if (!test || !pr_expect(p, TK_COLON) || !(body = pr_block(p)))
        FAIL(start);
    NodeList orelse = {0, NULL};
    if (pr_at(p, TK_ELIF)) {
        Node *e = if_stmt(p, TK_ELIF);
        if (e)
            orelse = pr_list1(p, e);
        else if (p->failed)
            LEAVE(NULL);
    }
    if (orelse.n == 0) {
        NodeList *eb = else_block(p);
        if (eb)
            orelse = *eb;
        else if (p->failed)
            LEAVE(NULL);
    }
    Node *n = pr_node(p, N_If, start);
    n->v.If.test = test;
    n->v.If.body = *body;
    n->v.If.orelse = orelse;
    LEAVE(n);
}

/* while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block] */
static Node *while_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_while_stmt(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    p->pos++;
    Node *test = pr_named_expression(p);
    NodeList *body;
    if (!test || !pr_expect(p, TK_COLON) || !(body = pr_block(p)))
        FAIL(start);
    NodeList *eb = else_block(p);
    if (p->failed)
        LEAVE(NULL);
    Node *n = pr_node(p, N_While, start);
    n->v.While.test = test;
    n->v.While.body = *body;
    if (eb)
        n->v.While.orelse = *eb;
    LEAVE(n);
}

/* for_stmt:
 *     | invalid_for_stmt
 *     | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
 *     | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
 *     | invalid_for_target */
static Node *for_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_for_stmt(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    int is_async = pr_expect(p, TK_ASYNC) != NULL;
    Node *target;
    if (pr_expect(p, TK_FOR) && (target = pr_star_targets(p)) && pr_expect(p, TK_IN)) {
        /* past the cut: failing now fails the statement */
        Node *iter = pr_star_expressions(p);
        NodeList *body;
        if (!iter || !pr_expect(p, TK_COLON) || !(body = pr_block(p)))
            FAIL(start);
        NodeList *eb = else_block(p);
        if (p->failed)
            LEAVE(NULL);
        Node *n = pr_node(p, is_async ? N_AsyncFor : N_For, start);
        n->v.For.target = target;   /* For and AsyncFor share their layout */
        n->v.For.iter = iter;
        n->v.For.body = *body;
        if (eb)
            n->v.For.orelse = *eb;
        LEAVE(n);
    }
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_for_target(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* with_item:
 *     | expression 'as' star_target &(',' | ')' | ':')
 *     | invalid_with_item
 *     | expression */
static Node *with_item(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *e = pr_expression(p);
    if (!e)
        LEAVE(NULL);
    int after = p->pos;
    if (pr_expect(p, TK_AS)) {
        Node *t = pr_star_target(p);
        if (t) {
            TokKind k = pr_peek(p)->kind;
            if (k == TK_COMMA || k == TK_RPAR || k == TK_COLON) {
                Node *w = pr_node_at(p, N_withitem, (Loc){0});
                w->v.withitem.context_expr = e;
                w->v.withitem.optional_vars = t;
                LEAVE(w);
            }
        }
        p->pos = start;
        if (p->invalid_rules && !p->failed) {
            inv_with_item(p);
            p->pos = start;
        }
        if (p->failed)
            LEAVE(NULL);
        e = pr_expression(p);
    }
    p->pos = after;
    Node *w = pr_node_at(p, N_withitem, (Loc){0});
    w->v.withitem.context_expr = e;
    LEAVE(w);
}

/* ','.with_item+ : pushes the items; returns how many */
static int with_items(Parser *p)
{
    Node *a = with_item(p);
    if (!a)
        return 0;
    sp_push(p, a);
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = with_item(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
        n++;
    }
    return n;
}

/* with_stmt:
 *     | invalid_with_stmt_indent
 *     | 'with' '(' ','.with_item+ ','? ')' ':' block
 *     | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
 *     | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
 *     | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
 *     | invalid_with_stmt */
static Node *with_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_with_stmt_indent(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    int is_async = pr_expect(p, TK_ASYNC) != NULL;
    if (!pr_expect(p, TK_WITH))
        FAIL(start);
    int after_with = p->pos, m = sp_mark(p);
    NodeList *body = NULL;
    if (pr_expect(p, TK_LPAR) && with_items(p)) {
        pr_expect(p, TK_COMMA);
        if (!(pr_expect(p, TK_RPAR) && pr_expect(p, TK_COLON) && (body = pr_block(p)))) {
            sp_reset(p, m);
            p->pos = after_with;
        }
    } else {
        sp_reset(p, m);
        p->pos = after_with;
    }
    if (!body && !p->failed) {
        if (!(with_items(p) && pr_expect(p, TK_COLON) && (body = pr_block(p)))) {
            sp_reset(p, m);
            p->pos = start;
        }
    }
    if (body) {
        Node *n = pr_node(p, is_async ? N_AsyncWith : N_With, start);
        n->v.With.items = sp_list(p, m);   /* With and AsyncWith share their layout */
        n->v.With.body = *body;
        LEAVE(n);
    }
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_with_stmt(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* except_block:
 *     | invalid_except_stmt_indent
 *     | 'except' expression ['as' NAME] ':' block
 *     | 'except' ':' block
 *     | invalid_except_stmt
 * except_star_block:
 *     | invalid_except_star_stmt_indent
 *     | 'except' '*' expression ['as' NAME] ':' block
 *     | invalid_except_stmt */
Node *pr_except_block(Parser *p, int star)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        if (star)
            inv_except_star_stmt_indent(p);
        else
            inv_except_stmt_indent(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    if (!pr_expect(p, TK_EXCEPT))
        LEAVE(NULL);
    Node *type = NULL;
    const char *name = NULL;
    NodeList *body = NULL;
    if (!star || pr_expect(p, TK_STAR)) {
        int after = p->pos;
        type = pr_expression(p);
        if (type) {
            if (pr_at(p, TK_AS) && pr_peek2(p)->kind == TK_NAME) {
                p->pos++;
                name = pr_expect(p, TK_NAME)->ident;
            }
            if (!pr_expect(p, TK_COLON) || !(body = pr_block(p)))
                body = NULL;
        }
        if (!body && !star && !p->failed) {
            p->pos = after;
            type = NULL;
            name = NULL;
            if (!pr_expect(p, TK_COLON) || !(body = pr_block(p)))
                body = NULL;
        }
    }
    if (!body) {
        p->pos = start;
        if (p->invalid_rules && !p->failed) {
            inv_except_stmt(p);
            p->pos = start;
        }
        LEAVE(NULL);
    }
    Node *h = pr_node(p, N_ExceptHandler, start);
    h->v.ExceptHandler.type = type;
    h->v.ExceptHandler.name = name;
    h->v.ExceptHandler.body = *body;
    LEAVE(h);
}

/* finally_block: invalid_finally_stmt | 'finally' &&':' block */
static NodeList *finally_block(Parser *p)
{
    int start = p->pos;
    if (p->invalid_rules) {
        inv_finally_stmt(p);
        p->pos = start;
        if (p->failed)
            return NULL;
    }
    if (!pr_expect(p, TK_FINALLY))
        return NULL;
    NodeList *b;
    if (!pr_expect_forced(p, TK_COLON, ":") || !(b = pr_block(p))) {
        p->pos = start;
        return NULL;
    }
    return b;
}

/* try_stmt:
 *     | invalid_try_stmt
 *     | 'try' &&':' block finally_block
 *     | 'try' &&':' block except_block+ [else_block] [finally_block]
 *     | 'try' &&':' block except_star_block+ [else_block] [finally_block] */
static Node *try_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_try_stmt(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    p->pos++;
    NodeList *body;
    if (!pr_expect_forced(p, TK_COLON, ":") || !(body = pr_block(p)))
        FAIL(start);
    int after_body = p->pos;
    NodeList *fin = finally_block(p);
    if (fin) {
        Node *n = pr_node(p, N_Try, start);
        n->v.Try.body = *body;
        n->v.Try.finalbody = *fin;
        LEAVE(n);
    }
    if (p->failed)
        LEAVE(NULL);
    for (int star = 0; star <= 1; star++) {
        p->pos = after_body;
        int m = sp_mark(p);
        Node *h;
        while ((h = pr_except_block(p, star)))
            sp_push(p, h);
        if (p->failed) {
            sp_reset(p, m);
            LEAVE(NULL);
        }
        if (p->nstk == m)
            continue;
        NodeList handlers = sp_list(p, m);
        NodeList *eb = else_block(p);
        if (p->failed)
            LEAVE(NULL);
        fin = finally_block(p);
        if (p->failed)
            LEAVE(NULL);
        Node *n = pr_node(p, star ? N_TryStar : N_Try, start);
        n->v.Try.body = *body;   /* Try and TryStar share their layout */
        n->v.Try.handlers = handlers;
        if (eb)
            n->v.Try.orelse = *eb;
        if (fin)
            n->v.Try.finalbody = *fin;
        LEAVE(n);
    }
    FAIL(start);
}

/* compound_stmt:
 *     | &('def' | '@' | ASYNC) function_def
 *     | &'if' if_stmt
 *     | &('class' | '@') class_def
 *     | &('with' | ASYNC) with_stmt
 *     | &('for' | ASYNC) for_stmt
 *     | &'try' try_stmt
 *     | &'while' while_stmt
 *     | match_stmt */
static Node *compound_stmt(Parser *p)
{
    ENTER;
    Token *t = pr_peek(p);
    Node *n = NULL;
    switch (t->kind) {
    case TK_DEF: n = function_def_raw(p); break;
    case TK_AT: n = decorated(p); break;
    case TK_ASYNC:
        n = function_def_raw(p);
        if (!n && !p->failed)
            n = with_stmt(p);
        if (!n && !p->failed)
            n = for_stmt(p);
        break;
    case TK_IF: n = if_stmt(p, TK_IF); break;
    case TK_CLASS: n = class_def_raw(p); break;
    case TK_WITH: n = with_stmt(p); break;
    case TK_FOR: n = for_stmt(p); break;
    case TK_TRY: n = try_stmt(p); break;
    case TK_WHILE: n = while_stmt(p); break;
    case TK_NAME:
        if (t->ident == p->kw_match)
            n = pr_match_stmt(p);
        break;
    default: break;
    }
    LEAVE(n);
}

/* statement: compound_stmt | simple_stmts   (pushes the statements; returns how many) */
static int statement(Parser *p)
{
    Node *c = compound_stmt(p);
    if (c) {
        sp_push(p, c);
        return 1;
    }
    if (p->failed)
        return 0;
    return simple_stmts(p);
}

/* ---- parameters ----
 * One set of functions serves def (lambda = 0) and lambda (lambda = 1): lambda parameters
 * have no annotations, and a last parameter is followed by ':' instead of ')'. */

#define CLOSE(lambda) ((lambda) ? TK_COLON : TK_RPAR)

/* param: NAME annotation?   (annotation: ':' expression)
 * lambda_param: NAME */
Node *pr_param(Parser *p, int lambda)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_expect(p, TK_NAME);
    if (!t)
        LEAVE(NULL);
    Node *ann = NULL;
    if (!lambda && pr_at(p, TK_COLON)) {
        int save = p->pos++;
        ann = pr_expression(p);
        if (!ann)
            p->pos = save;
    }
    Node *a = pr_node(p, N_arg, start);
    a->v.arg.arg = t->ident;
    a->v.arg.annotation = ann;
    LEAVE(a);
}

/* A parameter's end: ',' or, for the last one, &')' (&':' for lambda). */
static int param_end(Parser *p, int lambda)
{
    return pr_expect(p, TK_COMMA) || pr_at(p, CLOSE(lambda));
}

/* param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')' */
Node *pr_param_no_default(Parser *p, int lambda)
{
    int start = p->pos;
    Node *a = pr_param(p, lambda);
    if (a && param_end(p, lambda))
        return a;
    p->pos = start;
    return NULL;
}

/* default: '=' expression | invalid_default */
static Node *default_(Parser *p)
{
    int start = p->pos;
    if (pr_expect(p, TK_EQUAL)) {
        Node *e = pr_expression(p);
        if (e)
            return e;
        p->pos = start;
    }
    if (p->invalid_rules && !p->failed) {
        inv_default(p);
        p->pos = start;
    }
    return NULL;
}

/* param_with_default: param default ',' TYPE_COMMENT? | param default TYPE_COMMENT? &')' */
Node *pr_param_with_default(Parser *p, int lambda, Node **def)
{
    int start = p->pos;
    Node *a = pr_param(p, lambda);
    if (a && (*def = default_(p)) && param_end(p, lambda))
        return a;
    p->pos = start;
    return NULL;
}

/* param_maybe_default: param default? ',' TYPE_COMMENT? | param default? TYPE_COMMENT? &')' */
Node *pr_param_maybe_default(Parser *p, int lambda, Node **def)
{
    int start = p->pos;
    Node *a = pr_param(p, lambda);
    if (a) {
        *def = default_(p);
        if (!p->failed && param_end(p, lambda))
            return a;
    }
    p->pos = start;
    return NULL;
}

/* param_no_default* : pushes the args; returns how many */
static int params_no_default(Parser *p, int lambda)
{
    int n = 0;
    Node *a;
    while ((a = pr_param_no_default(p, lambda))) {
        sp_push(p, a);
        n++;
    }
    return n;
}

/* param_with_default* : pushes (arg, default) pairs; returns how many pairs */
static int params_with_default(Parser *p, int lambda)
{
    int n = 0;
    Node *a, *d;
    while ((a = pr_param_with_default(p, lambda, &d))) {
        sp_push(p, a);
        sp_push(p, d);
        n++;
    }
    return n;
}

/* The end of a slash group: '/' ',' | '/' &')' */
static int slash_end(Parser *p, int lambda)
{
    int save = p->pos;
    if (pr_expect(p, TK_SLASH) && param_end(p, lambda))
        return 1;
    p->pos = save;
    return 0;
}

/* slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
 * Pushes the args; returns how many. */
int pr_slash_no_default(Parser *p, int lambda)
{
    int start = p->pos, m = sp_mark(p);
    int n = params_no_default(p, lambda);
    if (n && slash_end(p, lambda))
        return n;
    sp_reset(p, m);
    p->pos = start;
    return 0;
}

/* slash_with_default: param_no_default* param_with_default+ '/' (',' | &')')
 * Pushes the plain args then the (arg, default) pairs; returns 1 and the two counts. */
static int slash_with_default(Parser *p, int lambda, int *nplain, int *npairs)
{
    int start = p->pos, m = sp_mark(p);
    *nplain = params_no_default(p, lambda);
    *npairs = params_with_default(p, lambda);
    if (*npairs && slash_end(p, lambda))
        return 1;
    sp_reset(p, m);
    p->pos = start;
    return 0;
}

int pr_slash_with_default(Parser *p, int lambda)
{
    int a, b;
    return slash_with_default(p, lambda, &a, &b);
}

typedef struct StarEtc {
    Node *vararg;
    NodeList kwonly, kw_defaults;
    Node *kwarg;
} StarEtc;

/* kwds: invalid_kwds | '**' param_no_default */
static Node *kwds(Parser *p, int lambda)
{
    int start = p->pos;
    if (p->invalid_rules) {
        inv_kwds(p, lambda);
        p->pos = start;
        if (p->failed)
            return NULL;
    }
    if (!pr_expect(p, TK_DOUBLESTAR))
        return NULL;
    Node *a = pr_param_no_default(p, lambda);
    if (!a)
        p->pos = start;
    return a;
}

/* param_no_default_star_annotation:
 *     | param_star_annotation ',' TYPE_COMMENT? | param_star_annotation TYPE_COMMENT? &')'
 * param_star_annotation: NAME star_annotation   (star_annotation: ':' star_expression) */
static Node *param_no_default_star_annotation(Parser *p)
{
    int start = p->pos;
    Token *t = pr_expect(p, TK_NAME);
    Node *ann;
    if (t && pr_expect(p, TK_COLON) && (ann = pr_star_expression(p))) {
        Node *a = pr_node(p, N_arg, start);
        a->v.arg.arg = t->ident;
        a->v.arg.annotation = ann;
        if (param_end(p, 0))
            return a;
    }
    p->pos = start;
    return NULL;
}

/* star_etc:
 *     | invalid_star_etc
 *     | '*' param_no_default param_maybe_default* [kwds]
 *     | '*' param_no_default_star_annotation param_maybe_default* [kwds]   (not for lambda)
 *     | '*' ',' param_maybe_default+ [kwds]
 *     | kwds */
static int star_etc(Parser *p, int lambda, StarEtc *se)
{
    int start = p->pos;
    memset(se, 0, sizeof *se);
    if (p->invalid_rules) {
        inv_star_etc(p, lambda);
        p->pos = start;
        if (p->failed)
            return 0;
    }
    if (pr_expect(p, TK_STAR)) {
        Node *va = pr_param_no_default(p, lambda);
        if (!va && !lambda && !p->failed)
            va = param_no_default_star_annotation(p);
        int ok = va != NULL;
        if (!ok && !p->failed && pr_expect(p, TK_COMMA))
            ok = 2;
        if (ok) {
            int m = sp_mark(p), n = 0;
            Node *a, *d;
            while ((a = pr_param_maybe_default(p, lambda, &d))) {
                sp_push(p, a);
                sp_push(p, d);
                n++;
            }
            if (p->failed) {
                sp_reset(p, m);
                return 0;
            }
            if (ok == 2 && n == 0) {
                p->pos = start;
            } else {
                se->vararg = va;
                Node **names = n ? arena_alloc(p->arena, sizeof(Node *) * (size_t)n) : NULL;
                Node **defs = n ? arena_alloc(p->arena, sizeof(Node *) * (size_t)n) : NULL;
                for (int i = 0; i < n; i++) {
                    names[i] = p->stk[m + 2 * i];
                    defs[i] = p->stk[m + 2 * i + 1];
                }
                sp_reset(p, m);
                se->kwonly = (NodeList){n, names};
                se->kw_defaults = (NodeList){n, defs};
                se->kwarg = kwds(p, lambda);
                return !p->failed;
            }
        } else {
            p->pos = start;
        }
    }
    if (p->failed)
        return 0;
    se->kwarg = kwds(p, lambda);
    return se->kwarg != NULL;
}

/* CPython's _PyPegen_make_arguments over the stack from m:
 *     posonly plain [np], posonly (arg, default) pairs [npw], plain [nd], pairs [nw] */
static Node *make_arguments(Parser *p, int m, int np, int npw, int nd, int nw, StarEtc *se)
{
    Node *a = pr_empty_arguments(p);
    void **s = p->stk + m;
    int nposonly = np + npw, nargs = nd + nw, ndef = npw + nw;
    Node **po = nposonly ? arena_alloc(p->arena, sizeof(Node *) * (size_t)nposonly) : NULL;
    Node **ar = nargs ? arena_alloc(p->arena, sizeof(Node *) * (size_t)nargs) : NULL;
    Node **df = ndef ? arena_alloc(p->arena, sizeof(Node *) * (size_t)ndef) : NULL;
    int k = 0, id = 0;
    for (int i = 0; i < np; i++)
        po[i] = s[k++];
    for (int i = 0; i < npw; i++) {
        po[np + i] = s[k++];
        df[id++] = s[k++];
    }
    for (int i = 0; i < nd; i++)
        ar[i] = s[k++];
    for (int i = 0; i < nw; i++) {
        ar[nd + i] = s[k++];
        df[id++] = s[k++];
    }
    sp_reset(p, m);
    a->v.arguments.posonlyargs = (NodeList){nposonly, po};
    a->v.arguments.args = (NodeList){nargs, ar};
    a->v.arguments.defaults = (NodeList){ndef, df};
    if (se) {
        a->v.arguments.vararg = se->vararg;
        a->v.arguments.kwonlyargs = se->kwonly;
        a->v.arguments.kw_defaults = se->kw_defaults;
        a->v.arguments.kwarg = se->kwarg;
    }
    return a;
}

/* parameters:
 *     | slash_no_default param_no_default* param_with_default* [star_etc]
 *     | slash_with_default param_with_default* [star_etc]
 *     | param_no_default+ param_with_default* [star_etc]
 *     | param_with_default+ [star_etc]
 *     | star_etc */
static Node *parameters(Parser *p, int lambda)
{
    int start = p->pos, m = sp_mark(p);
    StarEtc se;
    int np, npw, nd, nw;
    /* slash_no_default ... */
    if ((np = pr_slash_no_default(p, lambda))) {
        nd = params_no_default(p, lambda);
        nw = params_with_default(p, lambda);
        int has = p->failed ? 0 : star_etc(p, lambda, &se);
        if (p->failed)
            goto fail;
        return make_arguments(p, m, np, 0, nd, nw, has ? &se : NULL);
    }
    if (p->failed)
        goto fail;
    /* slash_with_default ... */
    if (slash_with_default(p, lambda, &np, &npw)) {
        nw = params_with_default(p, lambda);
        int has = p->failed ? 0 : star_etc(p, lambda, &se);
        if (p->failed)
            goto fail;
        return make_arguments(p, m, np, npw, 0, nw, has ? &se : NULL);
    }
    if (p->failed)
        goto fail;
    /* param_no_default+ ... and param_with_default+ ... */
    nd = params_no_default(p, lambda);
    nw = params_with_default(p, lambda);
    if (nd || nw) {
        int has = p->failed ? 0 : star_etc(p, lambda, &se);
        if (p->failed)
            goto fail;
        return make_arguments(p, m, 0, 0, nd, nw, has ? &se : NULL);
    }
    if (p->failed)
        goto fail;
    if (star_etc(p, lambda, &se))
        return make_arguments(p, m, 0, 0, 0, 0, &se);
fail:
    sp_reset(p, m);
    p->pos = start;
    return NULL;
}

/* params: invalid_parameters | parameters */
Node *pr_params(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_parameters(p, 0);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    LEAVE(parameters(p, 0));
}

/* lambda_params: invalid_lambda_parameters | lambda_parameters */
Node *pr_lambda_params(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_parameters(p, 1);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    LEAVE(parameters(p, 1));
}
