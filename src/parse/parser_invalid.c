/*
 * parser_invalid.c - CPython 3.11's invalid_* rules: the grammar of common mistakes, tried
 * only in the second pass (p->invalid_rules), each raising its specific message.
 *
 * Every function here returns NULL: either it matched and raised an error (p->failed is
 * then set), or it did not match.  As in pegen, once an alternative has matched, its action
 * decides alone: when the action declines to raise (a legacy `print x`, a single-argument
 * generator...), the rule fails without trying its later alternatives.
 *
 * Error positions follow the RAISE_* macro each rule uses:
 *   KNOWN_LOCATION(a)   a's start and end            KNOWN_RANGE(a, b)  a's start, b's end
 *   STARTING_FROM(a)    a's start, no end            RAISE_SYNTAX_ERROR the furthest token seen
 *   RAISE_INDENTATION_ERROR: IndentationError at the furthest token seen.
 */
#include "parser_impl.h"

#include <string.h>

#define DONE                                                    \
    do {                                                        \
        p->pos = start;                                         \
        LEAVE(NULL);                                            \
    } while (0)

/* ---- error helpers ---- */

static void err_nodes(Parser *p, const Node *a, const Node *b, const char *msg)
{
    pr_error_range(p, a, b, "%s", msg);
}

static void err_node_tok(Parser *p, const Node *a, const Token *b, const char *msg)
{
    pr_error_at(p, "SyntaxError", a->loc.line, a->loc.col, b->end_line, b->end_col, "%s", msg);
}

static void err_from_node(Parser *p, const Node *a, const char *msg)
{
    pr_error_at(p, "SyntaxError", a->loc.line, a->loc.col, 0, 0, "%s", msg);
}

static void err_from_tok(Parser *p, const Token *a, const char *msg)
{
    pr_error_at(p, "SyntaxError", a->line, a->col, 0, 0, "%s", msg);
}

/* "expected an indented block after ..." : `NEWLINE !INDENT` has just matched */
static void err_indent(Parser *p, const char *what, int line)
{
    pr_error_last(p, "IndentationError", "expected an indented block after %s on line %d", what,
                  line);
}

/* NEWLINE !INDENT */
static int newline_no_indent(Parser *p)
{
    if (!pr_expect(p, TK_NEWLINE))
        return 0;
    return !pr_at(p, TK_INDENT);
}

static Node *last_comprehension_item(Node *comp)
{
    const NodeList *ifs = &comp->v.comprehension.ifs;
    return ifs->n ? ifs->v[ifs->n - 1] : comp->v.comprehension.iter;
}

static Node *last_of(NodeList l) { return l.v[l.n - 1]; }

/* The paren nesting level of token i after it was read (CPython's token->level), computed
 * once, in the second pass, for invalid_expression. */
static int token_level(Parser *p, int i)
{
    if (!p->levels) {
        p->levels = arena_alloc(p->scratch, sizeof(int) * (size_t)p->ntoks);
        int lv = 0;
        for (int k = 0; k < p->ntoks; k++) {
            TokKind t = p->toks[k].kind;
            if (t == TK_LPAR || t == TK_LSQB || t == TK_LBRACE)
                lv++;
            else if ((t == TK_RPAR || t == TK_RSQB || t == TK_RBRACE) && lv > 0)
                lv--;
            p->levels[k] = lv;
        }
    }
    return p->levels[i];
}

static int is_legacy_name(Parser *p, const Node *e)
{
    return e->kind == N_Name && (e->v.Name.id == p->kw_print || e->v.Name.id == p->kw_exec);
}

/* ---- arguments ---- */

/* invalid_arguments:
 *     | a=args ',' '*'
 *     | a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
 *     | a=NAME b='=' expression for_if_clauses
 *     | a=args b=for_if_clauses
 *     | args ',' a=expression b=for_if_clauses
 *     | a=args ',' args */
void *inv_arguments(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a, *e;
    NodeList b;
    Token *t;
    /* CPython 3.11.7 reports this one at the '*' */
    if ((a = pr_args(p)) && pr_expect(p, TK_COMMA) && (t = pr_expect(p, TK_STAR))) {
        pr_error_tok(p, t, "iterable argument unpacking follows keyword argument unpacking");
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    if ((a = pr_expression(p)) && pr_for_if_clauses(p, &b) && pr_expect(p, TK_COMMA)) {
        int save = p->pos;
        if (!pr_args(p)) {
            p->pos = save;
            NodeList b2;
            if (!(pr_expression(p) && pr_for_if_clauses(p, &b2)))
                p->pos = save;
        }
        if (p->failed)
            DONE;
        err_nodes(p, a, last_comprehension_item(last_of(b)),
                  "Generator expression must be parenthesized");
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    t = pr_peek(p);
    if (t->kind == TK_NAME && pr_peek2(p)->kind == TK_EQUAL) {
        Token *eq = &p->toks[p->pos + 1];
        p->pos += 2;
        if (pr_expression(p) && pr_for_if_clauses(p, &b)) {
            pr_error_tokrange(p, t, eq,
                              "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            DONE;
        }
        p->pos = start;
        if (p->failed)
            DONE;
    }
    if ((a = pr_args(p)) && pr_for_if_clauses(p, &b)) {
        /* _PyPegen_nonparen_genexp_in_call */
        int n = a->v.Call.args.n;
        if (n > 1)
            err_nodes(p, a->v.Call.args.v[n - 1], last_comprehension_item(last_of(b)),
                      "Generator expression must be parenthesized");
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    if (pr_args(p) && pr_expect(p, TK_COMMA) && (e = pr_expression(p)) &&
        pr_for_if_clauses(p, &b)) {
        err_nodes(p, e, last_comprehension_item(last_of(b)),
                  "Generator expression must be parenthesized");
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    if ((a = pr_args(p)) && pr_expect(p, TK_COMMA) && pr_args(p)) {
        /* _PyPegen_arguments_parsing_error */
        int unpacking = 0;
        for (int i = 0; i < a->v.Call.keywords.n; i++)
            if (!a->v.Call.keywords.v[i]->v.keyword.arg)
                unpacking = 1;
        pr_error_last(p, "SyntaxError",
                      unpacking ? "positional argument follows keyword argument unpacking"
                                : "positional argument follows keyword argument");
    }
    DONE;
}

/* invalid_kwarg:
 *     | a=('True'|'False'|'None') b='='
 *     | a=NAME b='=' expression for_if_clauses
 *     | !(NAME '=') a=expression b='=' */
void *inv_kwarg(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_peek(p);
    /* the token after is looked at only when the first matches, as pegen does */
    int first = t->kind == TK_TRUE || t->kind == TK_FALSE || t->kind == TK_NONE ||
                t->kind == TK_NAME;
    Token *t2 = first ? pr_peek2(p) : t;
    if ((t->kind == TK_TRUE || t->kind == TK_FALSE || t->kind == TK_NONE) &&
        t2->kind == TK_EQUAL) {
        pr_error_tokrange(p, t, t2, "cannot assign to %s", tok_text[t->kind]);
        DONE;
    }
    if (t->kind == TK_NAME && t2->kind == TK_EQUAL) {
        p->pos += 2;
        NodeList b;
        if (pr_expression(p) && pr_for_if_clauses(p, &b)) {
            pr_error_tokrange(p, t, t2,
                              "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            DONE;
        }
        DONE;   /* !(NAME '=') fails the last alternative */
    }
    Node *a = pr_expression(p);
    Token *eq;
    if (a && (eq = pr_expect(p, TK_EQUAL)))
        err_node_tok(p, a, eq, "expression cannot contain assignment, perhaps you meant \"==\"?");
    DONE;
}

/* ---- expressions ---- */

/* invalid_legacy_expression: a=NAME !'(' b=star_expressions */
void *inv_legacy_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_name_tok(p);
    if (!a || pr_at(p, TK_LPAR))
        DONE;
    Node *b = pr_star_expressions(p);
    if (b && is_legacy_name(p, a))
        pr_error_range(p, a, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                       a->v.Name.id, a->v.Name.id);
    DONE;
}

/* invalid_expression:
 *     | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
 *     | a=disjunction 'if' b=disjunction !('else'|':') */
void *inv_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_peek(p);
    int blocked = 0;
    if (t->kind == TK_NAME) {
        /* CPython's SOFT_KEYWORD test compares only the token's length of each soft keyword
         * (strncmp), so any prefix of "_", "case" or "match" counts: (c d) gets no comma hint */
        static const char *const soft[] = {"_", "case", "match"};
        size_t n = (size_t)t->len;
        if (pr_peek2(p)->kind == TK_STRING)
            blocked = 1;
        for (size_t i = 0; i < countof(soft) && !blocked; i++)
            if (strncmp(soft[i], t->start, n) == 0)
                blocked = 1;
    }
    if (!blocked) {
        Node *a = pr_disjunction(p), *b;
        if (a && (b = pr_expression_without_invalid(p))) {
            if (!is_legacy_name(p, a) && token_level(p, p->pos - 1) != 0)
                err_nodes(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
            DONE;
        }
        p->pos = start;
        if (p->failed)
            DONE;
    }
    Node *a = pr_disjunction(p), *b;
    if (a && pr_expect(p, TK_IF) && (b = pr_disjunction(p))) {
        TokKind k = pr_peek(p)->kind;
        if (k != TK_ELSE && k != TK_COLON)
            err_nodes(p, a, b, "expected 'else' after 'if' expression");
    }
    DONE;
}

/* invalid_named_expression (memo):
 *     | a=expression ':=' expression
 *     | a=NAME '=' b=bitwise_or !('='|':=')
 *     | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=') */
void *inv_named_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_INVALID_NAMED_EXPRESSION);
    Node *a, *b;
    if ((a = pr_expression(p)) && pr_expect(p, TK_COLONEQUAL) && pr_expression(p)) {
        pr_error_node(p, a, "cannot use assignment expressions with %s", pr_expr_name(a));
        goto done;
    }
    p->pos = start;
    if (p->failed)
        goto done;
    Token *t = pr_peek(p);
    if (t->kind == TK_NAME && pr_peek2(p)->kind == TK_EQUAL) {
        a = pr_name_tok(p);
        p->pos++;
        if ((b = pr_bitwise_or(p))) {
            TokKind k = pr_peek(p)->kind;
            if (k != TK_EQUAL && k != TK_COLONEQUAL) {
                err_nodes(p, a, b,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                goto done;
            }
        }
        p->pos = start;
        if (p->failed)
            goto done;
    }
    /* the negative lookahead */
    {
        int la = 0;
        TokKind k = t->kind;
        if (k == TK_TRUE || k == TK_NONE || k == TK_FALSE)
            la = 1;
        else if (k == TK_LSQB)
            la = pr_list(p) != NULL;
        else if (k == TK_LPAR)
            la = pr_tuple(p) != NULL || (!p->failed && pr_genexp(p) != NULL);
        p->pos = start;
        if (la || p->failed)
            goto done;
    }
    if ((a = pr_bitwise_or(p)) && pr_expect(p, TK_EQUAL) && pr_bitwise_or(p)) {
        TokKind k = pr_peek(p)->kind;
        if (k != TK_EQUAL && k != TK_COLONEQUAL)
            pr_error_node(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                          pr_expr_name(a));
    }
done:
    p->pos = start;
    if (!p->failed)
        pr_memo_put(p, M_INVALID_NAMED_EXPRESSION, start, NULL);
    LEAVE(NULL);
}

/* ---- assignments and deletions ---- */

/* invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
static Node *invalid_ann_assign_target(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_list(p);
    if (!a && !p->failed)
        a = pr_tuple(p);
    if (a || p->failed)
        LEAVE(a);
    if (pr_expect(p, TK_LPAR)) {
        a = invalid_ann_assign_target(p);
        if (a && pr_expect(p, TK_RPAR))
            LEAVE(a);
    }
    p->pos = start;
    LEAVE(NULL);
}

/* (star_targets '=')* */
static void star_targets_eq_loop(Parser *p)
{
    for (;;) {
        int save = p->pos;
        if (!pr_star_targets(p) || !pr_expect(p, TK_EQUAL)) {
            p->pos = save;
            return;
        }
    }
}

static int is_augassign(TokKind k)
{
    switch (k) {
    case TK_PLUSEQUAL: case TK_MINEQUAL: case TK_STAREQUAL: case TK_ATEQUAL:
    case TK_SLASHEQUAL: case TK_PERCENTEQUAL: case TK_AMPEREQUAL: case TK_VBAREQUAL:
    case TK_CIRCUMFLEXEQUAL: case TK_LEFTSHIFTEQUAL: case TK_RIGHTSHIFTEQUAL:
    case TK_DOUBLESTAREQUAL: case TK_DOUBLESLASHEQUAL:
        return 1;
    default:
        return 0;
    }
}

/* invalid_assignment:
 *     | a=invalid_ann_assign_target ':' expression
 *     | a=star_named_expression ',' star_named_expressions* ':' expression
 *     | a=expression ':' expression
 *     | (star_targets '=')* a=star_expressions '='
 *     | (star_targets '=')* a=yield_expr '='
 *     | a=star_expressions augassign (yield_expr | star_expressions) */
void *inv_assignment(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a;
    if ((a = invalid_ann_assign_target(p)) && pr_expect(p, TK_COLON) && pr_expression(p)) {
        pr_error_node(p, a, "only single target (not %s) can be annotated", pr_expr_name(a));
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    if ((a = pr_star_named_expression(p)) && pr_expect(p, TK_COMMA)) {
        int m = sp_mark(p);
        while (pr_star_named_expressions(p) > 0)
            ;
        sp_reset(p, m);
        if (!p->failed && pr_expect(p, TK_COLON) && pr_expression(p)) {
            pr_error_node(p, a, "only single target (not tuple) can be annotated");
            DONE;
        }
    }
    p->pos = start;
    if (p->failed)
        DONE;
    if ((a = pr_expression(p)) && pr_expect(p, TK_COLON) && pr_expression(p)) {
        pr_error_node(p, a, "illegal target for annotation");
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    star_targets_eq_loop(p);
    if (!p->failed && (a = pr_star_expressions(p)) && pr_expect(p, TK_EQUAL)) {
        pr_raise_invalid_target(p, TT_STAR, a);
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    star_targets_eq_loop(p);
    if (!p->failed && (a = pr_yield_expr(p)) && pr_expect(p, TK_EQUAL)) {
        pr_error_node(p, a, "assignment to yield expression not possible");
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    if ((a = pr_star_expressions(p)) && is_augassign(pr_peek(p)->kind)) {
        p->pos++;
        Node *v = pr_at(p, TK_YIELD) ? pr_yield_expr(p) : NULL;
        if (!v && !p->failed)
            v = pr_star_expressions(p);
        if (v)
            pr_error_node(p, a, "'%s' is an illegal expression for augmented assignment",
                          pr_expr_name(a));
    }
    DONE;
}

/* invalid_del_stmt: 'del' a=star_expressions */
void *inv_del_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a;
    if (pr_expect(p, TK_DEL) && (a = pr_star_expressions(p)))
        pr_raise_invalid_target(p, TT_DEL, a);
    DONE;
}

/* invalid_block: NEWLINE !INDENT */
void *inv_block(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (newline_no_indent(p))
        pr_error_last(p, "IndentationError", "expected an indented block");
    DONE;
}

/* ---- comprehensions and displays ---- */

/* invalid_comprehension:
 *     | ('[' | '(' | '{') a=starred_expression for_if_clauses
 *     | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
 *     | ('[' | '{') a=star_named_expression b=',' for_if_clauses */
void *inv_comprehension(Parser *p)
{
    ENTER;
    int start = p->pos;
    TokKind k = pr_peek(p)->kind;
    if (k != TK_LSQB && k != TK_LPAR && k != TK_LBRACE)
        DONE;
    p->pos++;
    Node *a;
    NodeList gens;
    if ((a = pr_starred_expression(p)) && pr_for_if_clauses(p, &gens)) {
        pr_error_node(p, a, "iterable unpacking cannot be used in comprehension");
        DONE;
    }
    if (k == TK_LPAR || p->failed)
        DONE;
    p->pos = start + 1;
    Token *comma;
    if ((a = pr_star_named_expression(p)) && (comma = pr_expect(p, TK_COMMA))) {
        int after = p->pos, m = sp_mark(p);
        int n = pr_star_named_expressions(p);
        Node *last = n ? p->stk[p->nstk - 1] : NULL;
        sp_reset(p, m);
        if (n && pr_for_if_clauses(p, &gens)) {
            err_nodes(p, a, last, "did you forget parentheses around the comprehension target?");
            DONE;
        }
        p->pos = after;
        if (!p->failed && pr_for_if_clauses(p, &gens)) {
            err_node_tok(p, a, comma,
                         "did you forget parentheses around the comprehension target?");
            DONE;
        }
    }
    DONE;
}

/* invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}' */
void *inv_dict_comprehension(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *a;
    NodeList gens;
    if (pr_expect(p, TK_LBRACE) && (a = pr_expect(p, TK_DOUBLESTAR)) && pr_bitwise_or(p) &&
        pr_for_if_clauses(p, &gens) && pr_expect(p, TK_RBRACE))
        pr_error_tok(p, a, "dict unpacking cannot be used in dict comprehension");
    DONE;
}

/* invalid_kvpair:
 *     | a=expression !(':')
 *     | expression ':' a='*' bitwise_or
 *     | expression a=':' &('}'|',') */
static void *invalid_kvpair(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_expression(p);
    if (!a)
        DONE;
    Token *colon = pr_expect(p, TK_COLON);
    if (!colon) {
        pr_error_at(p, "SyntaxError", a->loc.line, a->loc.end_col - 1, a->loc.end_line, -1,
                    "':' expected after dictionary key");
        DONE;
    }
    Token *star;
    if ((star = pr_expect(p, TK_STAR)) && pr_bitwise_or(p)) {
        err_from_tok(p, star, "cannot use a starred expression in a dictionary value");
        DONE;
    }
    if (p->failed)
        DONE;
    p->pos = start;
    if (pr_expression(p) && (colon = pr_expect(p, TK_COLON)) &&
        (pr_at(p, TK_RBRACE) || pr_at(p, TK_COMMA)))
        pr_error_tok(p, colon, "expression expected after dictionary key and ':'");
    DONE;
}

/* invalid_double_starred_kvpairs:
 *     | ','.double_starred_kvpair+ ',' invalid_kvpair
 *     | expression ':' a='*' bitwise_or
 *     | expression a=':' &('}'|',') */
void *inv_double_starred_kvpairs(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *k, *v;
    if (pr_double_starred_kvpair(p, &k, &v)) {
        for (;;) {
            int save = p->pos;
            if (!pr_expect(p, TK_COMMA) || !pr_double_starred_kvpair(p, &k, &v)) {
                p->pos = save;
                break;
            }
        }
        if (!p->failed && pr_expect(p, TK_COMMA)) {
            invalid_kvpair(p);
            if (p->failed)
                DONE;
        }
    }
    p->pos = start;
    if (p->failed)
        DONE;
    Token *t;
    if (pr_expression(p) && pr_expect(p, TK_COLON) && (t = pr_expect(p, TK_STAR)) &&
        pr_bitwise_or(p)) {
        err_from_tok(p, t, "cannot use a starred expression in a dictionary value");
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    if (pr_expression(p) && (t = pr_expect(p, TK_COLON)) &&
        (pr_at(p, TK_RBRACE) || pr_at(p, TK_COMMA)))
        pr_error_tok(p, t, "expression expected after dictionary key and ':'");
    DONE;
}

/* invalid_group:
 *     | '(' a=starred_expression ')'
 *     | '(' a='**' expression ')' */
void *inv_group(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LPAR))
        DONE;
    Node *a = pr_starred_expression(p);
    if (a && pr_expect(p, TK_RPAR)) {
        pr_error_node(p, a, "cannot use starred expression here");
        DONE;
    }
    p->pos = start + 1;
    if (p->failed)
        DONE;
    Token *t;
    if ((t = pr_expect(p, TK_DOUBLESTAR)) && pr_expression(p) && pr_expect(p, TK_RPAR))
        pr_error_tok(p, t, "cannot use double starred expression here");
    DONE;
}

/* ---- targets ---- */

/* invalid_with_item: expression 'as' a=expression &(',' | ')' | ':') */
void *inv_with_item(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a;
    if (pr_expression(p) && pr_expect(p, TK_AS) && (a = pr_expression(p))) {
        TokKind k = pr_peek(p)->kind;
        if (k == TK_COMMA || k == TK_RPAR || k == TK_COLON)
            pr_raise_invalid_target(p, TT_STAR, a);
    }
    DONE;
}

/* invalid_for_target: ASYNC? 'for' a=star_expressions */
void *inv_for_target(Parser *p)
{
    ENTER;
    int start = p->pos;
    pr_expect(p, TK_ASYNC);
    Node *a;
    if (pr_expect(p, TK_FOR) && (a = pr_star_expressions(p)))
        pr_raise_invalid_target(p, TT_FOR, a);
    DONE;
}

/* invalid_import_from_targets: import_from_as_names ',' NEWLINE */
void *inv_import_from_targets(Parser *p)
{
    ENTER;
    int start = p->pos, m = sp_mark(p);
    if (pr_import_from_as_names(p) && pr_expect(p, TK_COMMA) && pr_expect(p, TK_NEWLINE))
        pr_error_last(p, "SyntaxError",
                      "trailing comma not allowed without surrounding parentheses");
    sp_reset(p, m);
    DONE;
}

/* ---- parameters ---- */

/* param_no_default* without keeping the args */
static int skip_params_no_default(Parser *p, int lambda)
{
    int n = 0;
    while (pr_param_no_default(p, lambda))
        n++;
    return n;
}

static int skip_params_maybe_default(Parser *p, int lambda)
{
    int n = 0;
    Node *d;
    while (pr_param_maybe_default(p, lambda, &d))
        n++;
    return n;
}

/* (slash_no_default | slash_with_default) */
static int skip_slash(Parser *p, int lambda)
{
    int m = sp_mark(p);
    int ok = pr_slash_no_default(p, lambda) || (!p->failed && pr_slash_with_default(p, lambda));
    sp_reset(p, m);
    return ok;
}

/* invalid_parameters (and invalid_lambda_parameters):
 *     | param_no_default* invalid_parameters_helper a=param_no_default
 *     | param_no_default* a='(' param_no_default+ ','? b=')'
 *           (lambda: lambda_param_no_default* a='(' ','.lambda_param+ ','? b=')')
 *     | a="/" ','
 *     | (slash_no_default | slash_with_default) param_maybe_default* a='/'
 *     | (slash_no_default | slash_with_default)? param_maybe_default* '*'
 *       (',' | param_no_default) param_maybe_default* a='/'
 *     | param_maybe_default+ '/' a='*'
 * invalid_parameters_helper: slash_with_default | param_with_default+ */
void *inv_parameters(Parser *p, int lambda)
{
    ENTER;
    int start = p->pos, m = sp_mark(p);
    Node *a, *d;
    Token *t;
    /* alternative 1 */
    skip_params_no_default(p, lambda);
    int helper = pr_slash_with_default(p, lambda);
    sp_reset(p, m);
    if (!helper && !p->failed) {
        while (pr_param_with_default(p, lambda, &d))
            helper = 1;
    }
    if (helper && !p->failed && (a = pr_param_no_default(p, lambda))) {
        pr_error_node(p, a, "non-default argument follows default argument");
        DONE;
    }
    p->pos = start;
    if (p->failed)
        DONE;
    /* alternative 2 */
    skip_params_no_default(p, lambda);
    if (!p->failed && (t = pr_expect(p, TK_LPAR))) {
        int n = 0;
        if (!lambda) {
            n = skip_params_no_default(p, 0);
        } else if (pr_param(p, 1)) {
            n = 1;
            for (;;) {
                int save = p->pos;
                if (!pr_expect(p, TK_COMMA) || !pr_param(p, 1)) {
                    p->pos = save;
                    break;
                }
            }
        }
        Token *b;
        if (n) {
            pr_expect(p, TK_COMMA);
            if ((b = pr_expect(p, TK_RPAR))) {
                pr_error_tokrange(p, t, b, lambda
                                  ? "Lambda expression parameters cannot be parenthesized"
                                  : "Function parameters cannot be parenthesized");
                DONE;
            }
        }
    }
    p->pos = start;
    if (p->failed)
        DONE;
    /* alternative 3 */
    if ((t = pr_expect(p, TK_SLASH)) && pr_expect(p, TK_COMMA)) {
        pr_error_tok(p, t, "at least one argument must precede /");
        DONE;
    }
    p->pos = start;
    /* alternative 4 */
    if (skip_slash(p, lambda)) {
        skip_params_maybe_default(p, lambda);
        if (!p->failed && (t = pr_expect(p, TK_SLASH))) {
            pr_error_tok(p, t, "/ may appear only once");
            DONE;
        }
    }
    p->pos = start;
    if (p->failed)
        DONE;
    /* alternative 5 */
    skip_slash(p, lambda);
    skip_params_maybe_default(p, lambda);
    if (!p->failed && pr_expect(p, TK_STAR) &&
        (pr_expect(p, TK_COMMA) || (!p->failed && pr_param_no_default(p, lambda)))) {
        skip_params_maybe_default(p, lambda);
        if (!p->failed && (t = pr_expect(p, TK_SLASH))) {
            pr_error_tok(p, t, "/ must be ahead of *");
            DONE;
        }
    }
    p->pos = start;
    if (p->failed)
        DONE;
    /* alternative 6 */
    if (skip_params_maybe_default(p, lambda) && pr_expect(p, TK_SLASH) &&
        (t = pr_expect(p, TK_STAR)))
        pr_error_tok(p, t, "expected comma between / and *");
    DONE;
}

/* invalid_default: a='=' &(')'|',') */
void *inv_default(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_expect(p, TK_EQUAL);
    if (t && (pr_at(p, TK_RPAR) || pr_at(p, TK_COMMA)))
        pr_error_tok(p, t, "expected default value expression");
    DONE;
}

/* invalid_star_etc:
 *     | a='*' (')' | ',' (')' | '**'))
 *     | '*' ',' TYPE_COMMENT
 *     | '*' param a='='
 *     | '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
 * invalid_lambda_star_etc:
 *     | '*' (':' | ',' (':' | '**'))          (reported at the furthest token)
 *     | '*' lambda_param a='='
 *     | '*' (lambda_param_no_default | ',') lambda_param_maybe_default* a='*'
 *       (lambda_param_no_default | ',') */
void *inv_star_etc(Parser *p, int lambda)
{
    ENTER;
    int start = p->pos;
    Token *star = pr_expect(p, TK_STAR);
    if (!star)
        DONE;
    TokKind close = lambda ? TK_COLON : TK_RPAR;
    if (pr_expect(p, close) ||
        (pr_expect(p, TK_COMMA) && (pr_expect(p, close) || pr_expect(p, TK_DOUBLESTAR)))) {
        if (lambda)
            pr_error_last(p, "SyntaxError", "named arguments must follow bare *");
        else
            pr_error_tok(p, star, "named arguments must follow bare *");
        DONE;
    }
    p->pos = start + 1;
    Token *t;
    if (pr_param(p, lambda) && (t = pr_expect(p, TK_EQUAL))) {
        pr_error_tok(p, t, "var-positional argument cannot have default value");
        DONE;
    }
    p->pos = start + 1;
    if (p->failed)
        DONE;
    if (pr_param_no_default(p, lambda) || (!p->failed && pr_expect(p, TK_COMMA))) {
        skip_params_maybe_default(p, lambda);
        if (!p->failed && (t = pr_expect(p, TK_STAR)) &&
            (pr_param_no_default(p, lambda) || (!p->failed && pr_expect(p, TK_COMMA))))
            pr_error_tok(p, t, "* argument may appear only once");
    }
    DONE;
}

/* invalid_kwds:
 *     | '**' param a='='
 *     | '**' param ',' a=param
 *     | '**' param ',' a[Token*]=('*'|'**'|'/') */
void *inv_kwds(Parser *p, int lambda)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_DOUBLESTAR) || !pr_param(p, lambda))
        DONE;
    Token *t;
    if ((t = pr_expect(p, TK_EQUAL))) {
        pr_error_tok(p, t, "var-keyword argument cannot have default value");
        DONE;
    }
    if (!pr_expect(p, TK_COMMA))
        DONE;
    int after = p->pos;
    Node *a = pr_param(p, lambda);
    if (a) {
        pr_error_node(p, a, "arguments cannot follow var-keyword argument");
        DONE;
    }
    p->pos = after;
    if (p->failed)
        DONE;
    t = pr_peek(p);
    if (t->kind == TK_STAR || t->kind == TK_DOUBLESTAR || t->kind == TK_SLASH)
        pr_error_tok(p, t, "arguments cannot follow var-keyword argument");
    DONE;
}

/* ---- compound statements ---- */

/* ','.(expression ['as' star_target])+  (expressions instead of expression when parens) */
static int with_item_list(Parser *p, int parens)
{
    int n = 0;
    for (;;) {
        int save = p->pos;
        if (n && !pr_expect(p, TK_COMMA))
            break;
        Node *e = parens ? pr_expressions(p) : pr_expression(p);
        if (!e) {
            p->pos = save;
            break;
        }
        int after = p->pos;
        if (!(pr_expect(p, TK_AS) && pr_star_target(p)))
            p->pos = after;
        n++;
    }
    return n;
}

/* The heads of the with statement in its two forms, up to (not including) ':' or NEWLINE:
 *     [ASYNC] 'with' ','.(expression ['as' star_target])+
 *     [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')'
 * Returns the 'with' token, or NULL. */
static Token *with_head(Parser *p, int parens)
{
    pr_expect(p, TK_ASYNC);
    Token *w = pr_expect(p, TK_WITH);
    if (!w)
        return NULL;
    if (!parens)
        return with_item_list(p, 0) ? w : NULL;
    if (!pr_expect(p, TK_LPAR) || !with_item_list(p, 1))
        return NULL;
    pr_expect(p, TK_COMMA);
    return pr_expect(p, TK_RPAR) ? w : NULL;
}

/* invalid_with_stmt: the two heads followed by NEWLINE: "expected ':'" */
void *inv_with_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    for (int parens = 0; parens <= 1; parens++) {
        p->pos = start;
        if (with_head(p, parens) && pr_expect(p, TK_NEWLINE)) {
            pr_error_last(p, "SyntaxError", "expected ':'");
            DONE;
        }
        if (p->failed)
            DONE;
    }
    DONE;
}

/* invalid_with_stmt_indent: the two heads followed by ':' NEWLINE !INDENT */
void *inv_with_stmt_indent(Parser *p)
{
    ENTER;
    int start = p->pos;
    for (int parens = 0; parens <= 1; parens++) {
        p->pos = start;
        Token *w = with_head(p, parens);
        if (w && pr_expect(p, TK_COLON) && newline_no_indent(p)) {
            err_indent(p, "'with' statement", w->line);
            DONE;
        }
        if (p->failed)
            DONE;
    }
    DONE;
}

/* except_block+ or except_star_block+, for invalid_try_stmt */
static int except_blocks(Parser *p, int star)
{
    int n = 0;
    while (pr_except_block(p, star))
        n++;
    return p->failed ? 0 : n;
}

/* invalid_try_stmt:
 *     | a='try' ':' NEWLINE !INDENT
 *     | 'try' ':' block !('except' | 'finally')
 *     | 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
 *     | 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':' */
void *inv_try_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *a = pr_expect(p, TK_TRY);
    if (!a || !pr_expect(p, TK_COLON))
        DONE;
    int after_colon = p->pos;
    if (newline_no_indent(p)) {
        err_indent(p, "'try' statement", a->line);
        DONE;
    }
    p->pos = after_colon;
    if (pr_block(p)) {
        TokKind k = pr_peek(p)->kind;
        if (k != TK_EXCEPT && k != TK_FINALLY) {
            pr_error_last(p, "SyntaxError", "expected 'except' or 'finally' block");
            DONE;
        }
    }
    if (p->failed)
        DONE;
    for (int star = 0; star <= 1; star++) {
        p->pos = after_colon;
        while (pr_block(p))
            ;
        if (p->failed || !except_blocks(p, star))
            continue;
        Token *e = pr_expect(p, TK_EXCEPT);
        if (!e)
            continue;
        if (!star) {
            Token *b = pr_expect(p, TK_STAR);
            if (b && pr_expression(p)) {
                if (pr_at(p, TK_AS) && pr_peek2(p)->kind == TK_NAME)
                    p->pos += 2;
                if (pr_expect(p, TK_COLON)) {
                    pr_error_tokrange(p, e, b,
                                      "cannot have both 'except' and 'except*' on the same 'try'");
                    DONE;
                }
            }
        } else {
            int save = p->pos;
            if (pr_expression(p)) {
                if (pr_at(p, TK_AS) && pr_peek2(p)->kind == TK_NAME)
                    p->pos += 2;
            } else {
                p->pos = save;
            }
            if (!p->failed && pr_expect(p, TK_COLON)) {
                pr_error_tok(p, e, "cannot have both 'except' and 'except*' on the same 'try'");
                DONE;
            }
        }
        if (p->failed)
            DONE;
    }
    DONE;
}

/* ['as' NAME] */
static void opt_as_name(Parser *p)
{
    if (pr_at(p, TK_AS) && pr_peek2(p)->kind == TK_NAME)
        p->pos += 2;
}

/* invalid_except_stmt:
 *     | 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
 *     | a='except' '*'? expression ['as' NAME ] NEWLINE
 *     | a='except' NEWLINE
 *     | a='except' '*' (NEWLINE | ':') */
void *inv_except_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_EXCEPT))
        DONE;
    int after = p->pos;
    pr_expect(p, TK_STAR);
    Node *a;
    if ((a = pr_expression(p)) && pr_expect(p, TK_COMMA) && pr_expressions(p)) {
        opt_as_name(p);
        if (pr_expect(p, TK_COLON)) {
            err_from_node(p, a, "multiple exception types must be parenthesized");
            DONE;
        }
    }
    if (p->failed)
        DONE;
    p->pos = after;
    pr_expect(p, TK_STAR);
    if (pr_expression(p)) {
        opt_as_name(p);
        if (pr_expect(p, TK_NEWLINE)) {
            pr_error_last(p, "SyntaxError", "expected ':'");
            DONE;
        }
    }
    if (p->failed)
        DONE;
    p->pos = after;
    if (pr_expect(p, TK_NEWLINE)) {
        pr_error_last(p, "SyntaxError", "expected ':'");
        DONE;
    }
    if (pr_expect(p, TK_STAR) && (pr_expect(p, TK_NEWLINE) || pr_expect(p, TK_COLON)))
        pr_error_last(p, "SyntaxError", "expected one or more exception types");
    DONE;
}

/* invalid_finally_stmt: a='finally' ':' NEWLINE !INDENT */
void *inv_finally_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *a = pr_expect(p, TK_FINALLY);
    if (a && pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, "'finally' statement", a->line);
    DONE;
}

/* invalid_except_stmt_indent:
 *     | a='except' expression ['as' NAME ] ':' NEWLINE !INDENT
 *     | a='except' ':' NEWLINE !INDENT */
void *inv_except_stmt_indent(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *a = pr_expect(p, TK_EXCEPT);
    if (!a)
        DONE;
    if (pr_expression(p)) {
        opt_as_name(p);
        if (pr_expect(p, TK_COLON) && newline_no_indent(p)) {
            err_indent(p, "'except' statement", a->line);
            DONE;
        }
    }
    if (p->failed)
        DONE;
    p->pos = start + 1;
    if (pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, "'except' statement", a->line);
    DONE;
}

/* invalid_except_star_stmt_indent: a='except' '*' expression ['as' NAME ] ':' NEWLINE !INDENT */
void *inv_except_star_stmt_indent(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *a = pr_expect(p, TK_EXCEPT);
    if (a && pr_expect(p, TK_STAR) && pr_expression(p)) {
        opt_as_name(p);
        if (pr_expect(p, TK_COLON) && newline_no_indent(p))
            err_indent(p, "'except*' statement", a->line);
    }
    DONE;
}

/* invalid_match_stmt:
 *     | "match" subject_expr NEWLINE
 *     | a="match" subject=subject_expr ':' NEWLINE !INDENT */
void *inv_match_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_at_soft(p, p->kw_match))
        DONE;
    Token *a = pr_peek(p);
    p->pos++;
    if (!pr_subject_expr(p))
        DONE;
    int after = p->pos;
    if (pr_expect(p, TK_NEWLINE)) {
        pr_error_last(p, "SyntaxError", "expected ':'");
        DONE;
    }
    p->pos = after;
    if (pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, "'match' statement", a->line);
    DONE;
}

/* invalid_case_block:
 *     | "case" patterns guard? NEWLINE
 *     | a="case" patterns guard? ':' NEWLINE !INDENT */
void *inv_case_block(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_at_soft(p, p->kw_case))
        DONE;
    Token *a = pr_peek(p);
    p->pos++;
    if (!pr_patterns(p))
        DONE;
    pr_guard(p);
    if (p->failed)
        DONE;
    int after = p->pos;
    if (pr_expect(p, TK_NEWLINE)) {
        pr_error_last(p, "SyntaxError", "expected ':'");
        DONE;
    }
    p->pos = after;
    if (pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, "'case' statement", a->line);
    DONE;
}

/* invalid_as_pattern:
 *     | or_pattern 'as' a="_"
 *     | or_pattern 'as' !NAME a=expression */
void *inv_as_pattern(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_or_pattern(p) || !pr_expect(p, TK_AS))
        DONE;
    Token *t = pr_peek(p);
    if (t->kind == TK_NAME && t->ident == p->kw_underscore) {
        pr_error_tok(p, t, "cannot use '_' as a target");
        DONE;
    }
    if (t->kind == TK_NAME)
        DONE;
    Node *a = pr_expression(p);
    if (a)
        pr_error_node(p, a, "invalid pattern target");
    DONE;
}

/* invalid_class_pattern: name_or_attr '(' a=invalid_class_argument_pattern
 * invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ','
 *                                 a=positional_patterns */
void *inv_class_pattern(Parser *p)
{
    ENTER;
    int start = p->pos, m = sp_mark(p);
    if (!pr_name_or_attr(p) || !pr_expect(p, TK_LPAR))
        DONE;
    int inner = p->pos;
    if (!(pr_positional_patterns(p) && pr_expect(p, TK_COMMA)))
        p->pos = inner;
    sp_reset(p, m);
    if (!p->failed && pr_keyword_patterns(p) && pr_expect(p, TK_COMMA)) {
        sp_reset(p, m);
        int n = pr_positional_patterns(p);
        if (n) {
            Node *first = p->stk[m], *last = p->stk[m + n - 1];
            sp_reset(p, m);
            err_nodes(p, first, last, "positional patterns follow keyword patterns");
            DONE;
        }
    }
    sp_reset(p, m);
    DONE;
}

/* invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt:
 *     | KW named_expression NEWLINE
 *     | a=KW named_expression ':' NEWLINE !INDENT */
static void *cond_stmt(Parser *p, TokKind kw, const char *what)
{
    ENTER;
    int start = p->pos;
    Token *a = pr_expect(p, kw);
    if (!a || !pr_named_expression(p))
        DONE;
    int after = p->pos;
    if (pr_expect(p, TK_NEWLINE)) {
        pr_error_last(p, "SyntaxError", "expected ':'");
        DONE;
    }
    p->pos = after;
    if (pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, what, a->line);
    DONE;
}

void *inv_if_stmt(Parser *p) { return cond_stmt(p, TK_IF, "'if' statement"); }
void *inv_elif_stmt(Parser *p) { return cond_stmt(p, TK_ELIF, "'elif' statement"); }
void *inv_while_stmt(Parser *p) { return cond_stmt(p, TK_WHILE, "'while' statement"); }

/* invalid_else_stmt: a='else' ':' NEWLINE !INDENT */
void *inv_else_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *a = pr_expect(p, TK_ELSE);
    if (a && pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, "'else' statement", a->line);
    DONE;
}

/* invalid_for_stmt:
 *     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
 *     | [ASYNC] a='for' star_targets 'in' star_expressions ':' NEWLINE !INDENT */
void *inv_for_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    pr_expect(p, TK_ASYNC);
    Token *a = pr_expect(p, TK_FOR);
    if (!a || !pr_star_targets(p) || !pr_expect(p, TK_IN) || !pr_star_expressions(p))
        DONE;
    int after = p->pos;
    if (pr_expect(p, TK_NEWLINE)) {
        pr_error_last(p, "SyntaxError", "expected ':'");
        DONE;
    }
    p->pos = after;
    if (pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, "'for' statement", a->line);
    DONE;
}

/* invalid_def_raw:
 *     | [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT */
void *inv_def_raw(Parser *p)
{
    ENTER;
    int start = p->pos;
    pr_expect(p, TK_ASYNC);
    Token *a = pr_expect(p, TK_DEF);
    if (!a || !pr_expect(p, TK_NAME) || !pr_expect(p, TK_LPAR))
        DONE;
    pr_params(p);
    if (p->failed || !pr_expect(p, TK_RPAR))
        DONE;
    int save = p->pos;
    if (!(pr_expect(p, TK_RARROW) && pr_expression(p)))
        p->pos = save;
    if (!p->failed && pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, "function definition", a->line);
    DONE;
}

/* invalid_class_def_raw:
 *     | 'class' NAME ['(' [arguments] ')'] NEWLINE
 *     | a='class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT */
void *inv_class_def_raw(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *a = pr_expect(p, TK_CLASS);
    if (!a || !pr_expect(p, TK_NAME))
        DONE;
    int save = p->pos;
    if (pr_expect(p, TK_LPAR)) {
        pr_arguments(p);
        if (p->failed)
            DONE;
        if (!pr_expect(p, TK_RPAR))
            p->pos = save;
    }
    int after = p->pos;
    if (pr_expect(p, TK_NEWLINE)) {
        pr_error_last(p, "SyntaxError", "expected ':'");
        DONE;
    }
    p->pos = after;
    if (pr_expect(p, TK_COLON) && newline_no_indent(p))
        err_indent(p, "class definition", a->line);
    DONE;
}
