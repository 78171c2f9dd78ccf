/*
 * parser_expr.c - the expression rules of CPython 3.11's grammar: from star_expressions down
 * to atoms, comprehensions, call arguments, slices, and the assignment/deletion targets.
 *
 * Left-recursive rules (bitwise_or .. term, primary, t_primary) are written as loops that
 * extend the result one step at a time; this gives the same trees as pegen's seed growing,
 * which also extends the previous result by the first alternative that applies.
 *
 * Memoisation follows CPython where re-parsing at the same position could otherwise grow
 * exponentially with nesting (expression, star_expression, strings, arguments, the target
 * rules, t_primary).  Rules that the second pass calls from many invalid_* rules
 * (disjunction, bitwise_or, ...) are memoised in that pass only: the first pass reaches them
 * once per position through a memoised caller.
 */
#include "parser_impl.h"

#include <stdint.h>
#include <stdlib.h>

#define FAIL(start)                                             \
    do {                                                        \
        p->pos = (start);                                       \
        LEAVE(NULL);                                            \
    } while (0)

/* memoisation in the second pass only */
#define MEMO2_CHECK(rule)                                       \
    do {                                                        \
        if (p->invalid_rules)                                   \
            MEMO_CHECK(rule);                                   \
    } while (0)
#define MEMO2_PUT(rule, start, res)                             \
    do {                                                        \
        if (p->invalid_rules)                                   \
            pr_memo_put(p, rule, start, res);                   \
    } while (0)

static Node *conjunction(Parser *p);
static Node *inversion(Parser *p);
static Node *comparison(Parser *p);
static Node *factor(Parser *p);
static Node *primary(Parser *p);
static Node *slice(Parser *p);

static Node *constant(Parser *p, ConstKind k, int start)
{
    Node *n = pr_node(p, N_Constant, start);
    n->v.Constant.value = ast_const(p->arena, k);
    return n;
}

/* star_expressions:
 *     | star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression */
Node *pr_star_expressions(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_star_expression(p);
    if (!a)
        LEAVE(NULL);
    if (!pr_at(p, TK_COMMA))
        LEAVE(a);
    int m = sp_mark(p);
    sp_push(p, a);
    while (pr_expect(p, TK_COMMA)) {
        Node *b = pr_star_expression(p);
        if (!b)
            break;   /* the trailing comma */
        sp_push(p, b);
    }
    Node *t = pr_node(p, N_Tuple, start);
    t->v.Tuple.elts = sp_list(p, m);
    t->v.Tuple.ctx = Ctx_Load;
    LEAVE(t);
}

/* star_expression (memo): '*' bitwise_or | expression */
Node *pr_star_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_STAR_EXPRESSION);
    Node *res = NULL;
    if (pr_expect(p, TK_STAR)) {
        Node *a = pr_bitwise_or(p);
        if (a) {
            res = pr_node(p, N_Starred, start);
            res->v.Starred.value = a;
            res->v.Starred.ctx = Ctx_Load;
        } else {
            p->pos = start;
        }
    }
    if (!res)
        res = pr_expression(p);
    pr_memo_put(p, M_STAR_EXPRESSION, start, res);
    LEAVE(res);
}

/* expressions: expression (',' expression)+ [','] | expression ',' | expression */
Node *pr_expressions(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_expression(p);
    if (!a)
        LEAVE(NULL);
    if (!pr_at(p, TK_COMMA))
        LEAVE(a);
    int m = sp_mark(p);
    sp_push(p, a);
    while (pr_expect(p, TK_COMMA)) {
        Node *b = pr_expression(p);
        if (!b)
            break;
        sp_push(p, b);
    }
    Node *t = pr_node(p, N_Tuple, start);
    t->v.Tuple.elts = sp_list(p, m);
    t->v.Tuple.ctx = Ctx_Load;
    LEAVE(t);
}

/* The alternatives of expression after the invalid ones:
 *     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
static Node *expression_body(Parser *p)
{
    int start = p->pos;
    Node *a = pr_disjunction(p);
    if (a) {
        if (pr_at(p, TK_IF)) {
            int save = p->pos;
            p->pos++;
            Node *b = pr_disjunction(p);
            if (b && pr_expect(p, TK_ELSE)) {
                Node *c = pr_expression(p);
                if (c) {
                    Node *n = pr_node(p, N_IfExp, start);
                    n->v.IfExp.test = b;
                    n->v.IfExp.body = a;
                    n->v.IfExp.orelse = c;
                    return n;
                }
            }
            p->pos = save;
        }
        return a;
    }
    if (pr_at(p, TK_LAMBDA))
        return pr_lambdef(p);
    return NULL;
}

/* expression (memo):
 *     | invalid_expression | invalid_legacy_expression
 *     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
Node *pr_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_EXPRESSION);
    if (p->invalid_rules) {
        inv_expression(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
        inv_legacy_expression(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    Node *res = expression_body(p);
    pr_memo_put(p, M_EXPRESSION, start, res);
    LEAVE(res);
}

/* expression_without_invalid: the same alternatives with the invalid_* rules switched off */
Node *pr_expression_without_invalid(Parser *p)
{
    ENTER;
    int saved = p->invalid_rules;
    p->invalid_rules = 0;
    Node *res = expression_body(p);
    p->invalid_rules = saved;
    LEAVE(res);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
Node *pr_yield_expr(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_YIELD))
        LEAVE(NULL);
    if (pr_expect(p, TK_FROM)) {
        Node *a = pr_expression(p);
        if (a) {
            Node *n = pr_node(p, N_YieldFrom, start);
            n->v.YieldFrom.value = a;
            LEAVE(n);
        }
        p->pos = start + 1;
    }
    Node *a = pr_star_expressions(p);
    Node *n = pr_node(p, N_Yield, start);
    n->v.Yield.value = a;
    LEAVE(n);
}

/* star_named_expressions: ','.star_named_expression+ [',']
 * Pushes the items on the sequence stack; returns how many (0: no match). */
int pr_star_named_expressions(Parser *p)
{
    Node *a = pr_star_named_expression(p);
    if (!a)
        return 0;
    sp_push(p, a);
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = pr_star_named_expression(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
        n++;
    }
    pr_expect(p, TK_COMMA);
    return n;
}

/* star_named_expression: '*' bitwise_or | named_expression */
Node *pr_star_named_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (pr_expect(p, TK_STAR)) {
        Node *a = pr_bitwise_or(p);
        if (a) {
            Node *n = pr_node(p, N_Starred, start);
            n->v.Starred.value = a;
            n->v.Starred.ctx = Ctx_Load;
            LEAVE(n);
        }
        p->pos = start;
    }
    LEAVE(pr_named_expression(p));
}

/* assignment_expression: NAME ':=' ~ expression */
Node *pr_assignment_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_peek(p);
    if (t->kind != TK_NAME)
        LEAVE(NULL);
    p->pos++;
    if (!pr_expect(p, TK_COLONEQUAL))
        FAIL(start);
    Node *b = pr_expression(p);
    if (!b)
        FAIL(start);   /* the cut: no other alternative */
    Node *target = ast_new(p->arena, N_Name, (Loc){t->line, t->col, t->end_line, t->end_col, 0});
    target->v.Name.id = t->ident;
    target->v.Name.ctx = Ctx_Store;
    Node *n = pr_node(p, N_NamedExpr, start);
    n->v.NamedExpr.target = target;
    n->v.NamedExpr.value = b;
    LEAVE(n);
}

/* named_expression: assignment_expression | invalid_named_expression | expression !':=' */
Node *pr_named_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = NULL;
    if (pr_at(p, TK_NAME)) {
        a = pr_assignment_expression(p);
        if (a || p->failed)
            LEAVE(a);
    }
    if (p->invalid_rules) {
        inv_named_expression(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    a = pr_expression(p);
    if (a && pr_at(p, TK_COLONEQUAL))
        FAIL(start);
    LEAVE(a);
}

/* disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
Node *pr_disjunction(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO2_CHECK(M_DISJUNCTION);
    Node *res = conjunction(p);
    if (res && pr_at(p, TK_OR)) {
        int m = sp_mark(p);
        sp_push(p, res);
        for (;;) {
            int save = p->pos;
            if (!pr_expect(p, TK_OR))
                break;
            Node *b = conjunction(p);
            if (!b) {
                p->pos = save;
                break;
            }
            sp_push(p, b);
        }
        if (p->nstk - m > 1) {
            res = pr_node(p, N_BoolOp, start);
            res->v.BoolOp.op = BoolOp_Or;
            res->v.BoolOp.values = sp_list(p, m);
        } else {
            sp_reset(p, m);
        }
    }
    MEMO2_PUT(M_DISJUNCTION, start, res);
    LEAVE(res);
}

/* conjunction (memo): inversion ('and' inversion)+ | inversion */
static Node *conjunction(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO2_CHECK(M_CONJUNCTION);
    Node *res = inversion(p);
    if (res && pr_at(p, TK_AND)) {
        int m = sp_mark(p);
        sp_push(p, res);
        for (;;) {
            int save = p->pos;
            if (!pr_expect(p, TK_AND))
                break;
            Node *b = inversion(p);
            if (!b) {
                p->pos = save;
                break;
            }
            sp_push(p, b);
        }
        if (p->nstk - m > 1) {
            res = pr_node(p, N_BoolOp, start);
            res->v.BoolOp.op = BoolOp_And;
            res->v.BoolOp.values = sp_list(p, m);
        } else {
            sp_reset(p, m);
        }
    }
    MEMO2_PUT(M_CONJUNCTION, start, res);
    LEAVE(res);
}

/* inversion (memo): 'not' inversion | comparison */
static Node *inversion(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO2_CHECK(M_INVERSION);
    Node *res = NULL;
    if (pr_expect(p, TK_NOT)) {
        Node *a = inversion(p);
        if (a) {
            res = pr_node(p, N_UnaryOp, start);
            res->v.UnaryOp.op = UnOp_Not;
            res->v.UnaryOp.operand = a;
        } else {
            p->pos = start;
        }
    }
    if (!res)
        res = comparison(p);
    MEMO2_PUT(M_INVERSION, start, res);
    LEAVE(res);
}

/* compare_op_bitwise_or_pair's operators:
 *     '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is'
 * Consumes the operator and returns it, or returns -1. */
static int compare_op(Parser *p)
{
    Token *t = pr_peek(p);
    int op;
    switch (t->kind) {
    case TK_EQEQUAL: op = Cmp_Eq; break;
    case TK_NOTEQUAL:
        /* "<>" is NOTEQUAL too, but only under barry_as_FLUFL (_PyPegen_check_barry_as_flufl) */
        if (t->len != 2 || t->start[0] != '!')
            return -1;
        op = Cmp_NotEq;
        break;
    case TK_LESSEQUAL: op = Cmp_LtE; break;
    case TK_LESS: op = Cmp_Lt; break;
    case TK_GREATEREQUAL: op = Cmp_GtE; break;
    case TK_GREATER: op = Cmp_Gt; break;
    case TK_IN: op = Cmp_In; break;
    case TK_NOT:
        if (pr_peek2(p)->kind != TK_IN)
            return -1;
        p->pos += 2;
        return Cmp_NotIn;
    case TK_IS:
        if (pr_peek2(p)->kind == TK_NOT) {
            /* 'is' 'not' bitwise_or, else 'is' bitwise_or: the caller retries for 'is' */
            p->pos += 2;
            return Cmp_IsNot;
        }
        op = Cmp_Is;
        break;
    default: return -1;
    }
    p->pos++;
    return op;
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
static Node *comparison(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_bitwise_or(p);
    if (!a)
        LEAVE(NULL);
    int m = sp_mark(p);
    for (;;) {
        int save = p->pos;
        int op = compare_op(p);
        if (op < 0)
            break;
        Node *b = pr_bitwise_or(p);
        if (!b && op == Cmp_IsNot) {
            /* isnot_bitwise_or failed: is_bitwise_or is next */
            p->pos = save + 1;
            op = Cmp_Is;
            b = pr_bitwise_or(p);
        }
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, (void *)(intptr_t)op);
        sp_push(p, b);
    }
    int n = (p->nstk - m) / 2;
    if (n == 0)
        LEAVE(a);
    int ops[64], *opv = n <= 64 ? ops : xmalloc(sizeof(int) * (size_t)n);
    Node **cmps = arena_alloc(p->arena, sizeof(Node *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        opv[i] = (int)(intptr_t)p->stk[m + 2 * i];
        cmps[i] = p->stk[m + 2 * i + 1];
    }
    sp_reset(p, m);
    Node *c = pr_node(p, N_Compare, start);
    c->v.Compare.left = a;
    c->v.Compare.ops = ast_ints(p->arena, opv, n);
    c->v.Compare.comparators = (NodeList){n, cmps};
    if (opv != ops)
        free(opv);
    LEAVE(c);
}

/* The binary operator levels, each left-associative:
 *   bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
 *   bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
 *   bitwise_and: bitwise_and '&' shift_expr | shift_expr
 *   shift_expr: shift_expr ('<<' | '>>') sum | sum
 *   sum: sum ('+' | '-') term | term
 *   term: term ('*' | '/' | '//' | '%' | '@') factor | factor */
enum { LV_OR, LV_XOR, LV_AND, LV_SHIFT, LV_SUM, LV_TERM };

static int binop_of(TokKind k, int level)
{
    switch (level) {
    case LV_OR: return k == TK_VBAR ? Op_BitOr : -1;
    case LV_XOR: return k == TK_CIRCUMFLEX ? Op_BitXor : -1;
    case LV_AND: return k == TK_AMPER ? Op_BitAnd : -1;
    case LV_SHIFT: return k == TK_LEFTSHIFT ? Op_LShift : k == TK_RIGHTSHIFT ? Op_RShift : -1;
    case LV_SUM: return k == TK_PLUS ? Op_Add : k == TK_MINUS ? Op_Sub : -1;
    default:
        switch (k) {
        case TK_STAR: return Op_Mult;
        case TK_SLASH: return Op_Div;
        case TK_DOUBLESLASH: return Op_FloorDiv;
        case TK_PERCENT: return Op_Mod;
        case TK_AT: return Op_MatMult;
        default: return -1;
        }
    }
}

static Node *binary(Parser *p, int level)
{
    ENTER;
    int start = p->pos;
    Node *a = level == LV_TERM ? factor(p) : binary(p, level + 1);
    if (!a)
        LEAVE(NULL);
    for (;;) {
        int op = binop_of(pr_peek(p)->kind, level);
        if (op < 0)
            break;
        int save = p->pos++;
        Node *b = level == LV_TERM ? factor(p) : binary(p, level + 1);
        if (!b) {
            p->pos = save;
            break;
        }
        Node *n = pr_node(p, N_BinOp, start);
        n->v.BinOp.left = a;
        n->v.BinOp.op = op;
        n->v.BinOp.right = b;
        a = n;
    }
    LEAVE(a);
}

Node *pr_bitwise_or(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO2_CHECK(M_BITWISE_OR);
    Node *res = binary(p, LV_OR);
    MEMO2_PUT(M_BITWISE_OR, start, res);
    LEAVE(res);
}

/* factor (memo): '+' factor | '-' factor | '~' factor | power
 * power: await_primary '**' factor | await_primary
 * await_primary (memo): AWAIT primary | primary */
static Node *factor(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_peek(p);
    int op = t->kind == TK_PLUS ? UnOp_UAdd : t->kind == TK_MINUS ? UnOp_USub
             : t->kind == TK_TILDE ? UnOp_Invert : -1;
    if (op >= 0) {
        p->pos++;
        Node *a = factor(p);
        if (!a)
            FAIL(start);
        Node *n = pr_node(p, N_UnaryOp, start);
        n->v.UnaryOp.op = op;
        n->v.UnaryOp.operand = a;
        LEAVE(n);
    }
    /* await_primary */
    Node *a;
    if (t->kind == TK_AWAIT) {
        p->pos++;
        Node *v = primary(p);
        if (!v)
            FAIL(start);
        a = pr_node(p, N_Await, start);
        a->v.Await.value = v;
    } else {
        a = primary(p);
        if (!a)
            LEAVE(NULL);
    }
    /* power */
    if (pr_at(p, TK_DOUBLESTAR)) {
        int save = p->pos++;
        Node *b = factor(p);
        if (!b) {
            p->pos = save;
            LEAVE(a);
        }
        Node *n = pr_node(p, N_BinOp, start);
        n->v.BinOp.left = a;
        n->v.BinOp.op = Op_Pow;
        n->v.BinOp.right = b;
        LEAVE(n);
    }
    LEAVE(a);
}

/* Builds Call(func, args, keywords) from an `arguments` result (NULL: no arguments). */
static Node *make_call(Parser *p, Node *func, Node *args, int start)
{
    Node *n = pr_node(p, N_Call, start);
    n->v.Call.func = func;
    if (args) {
        n->v.Call.args = args->v.Call.args;
        n->v.Call.keywords = args->v.Call.keywords;
    }
    return n;
}

/* primary:
 *     | primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *     | primary '[' slices ']' | atom */
static Node *primary(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_atom(p);
    if (!a)
        LEAVE(NULL);
    for (;;) {
        int save = p->pos;
        Token *t = pr_peek(p);
        if (t->kind == TK_DOT) {
            p->pos++;
            Token *name = pr_expect(p, TK_NAME);
            if (!name) {
                p->pos = save;
                break;
            }
            Node *n = pr_node(p, N_Attribute, start);
            n->v.Attribute.value = a;
            n->v.Attribute.attr = name->ident;
            n->v.Attribute.ctx = Ctx_Load;
            a = n;
        } else if (t->kind == TK_LPAR) {
            Node *g = pr_genexp(p);
            if (g) {
                Node *n = pr_node(p, N_Call, start);
                n->v.Call.func = a;
                n->v.Call.args = pr_list1(p, g);
                a = n;
                continue;
            }
            if (p->failed)
                LEAVE(NULL);
            p->pos++;
            Node *args = pr_arguments(p);
            if (!pr_expect(p, TK_RPAR)) {
                p->pos = save;
                break;
            }
            a = make_call(p, a, args, start);
        } else if (t->kind == TK_LSQB) {
            p->pos++;
            Node *s = pr_slices(p);
            if (!s || !pr_expect(p, TK_RSQB)) {
                p->pos = save;
                break;
            }
            Node *n = pr_node(p, N_Subscript, start);
            n->v.Subscript.value = a;
            n->v.Subscript.slice = s;
            n->v.Subscript.ctx = Ctx_Load;
            a = n;
        } else {
            break;
        }
    }
    LEAVE(a);
}

/* slices:
 *     | slice !','
 *     | ','.(slice | starred_expression)+ [','] */
Node *pr_slices(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = slice(p);
    if (a && !pr_at(p, TK_COMMA))
        LEAVE(a);
    p->pos = start;
    if (p->failed)
        LEAVE(NULL);
    int m = sp_mark(p);
    for (;;) {
        int save = p->pos;
        if (p->nstk > m && !pr_expect(p, TK_COMMA))
            break;
        Node *e = slice(p);
        if (!e)
            e = pr_starred_expression(p);
        if (!e) {
            p->pos = save;
            break;
        }
        sp_push(p, e);
    }
    if (p->nstk == m)
        FAIL(start);
    pr_expect(p, TK_COMMA);
    Node *t = pr_node(p, N_Tuple, start);
    t->v.Tuple.elts = sp_list(p, m);
    t->v.Tuple.ctx = Ctx_Load;
    LEAVE(t);
}

/* slice:
 *     | [expression] ':' [expression] [':' [expression]]
 *     | named_expression */
static Node *slice(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *lower = pr_expression(p);
    if (pr_expect(p, TK_COLON)) {
        Node *upper = pr_expression(p);
        Node *step = NULL;
        if (pr_expect(p, TK_COLON))
            step = pr_expression(p);
        Node *n = pr_node(p, N_Slice, start);
        n->v.Slice.lower = lower;
        n->v.Slice.upper = upper;
        n->v.Slice.step = step;
        LEAVE(n);
    }
    p->pos = start;
    if (p->failed)
        LEAVE(NULL);
    LEAVE(pr_named_expression(p));
}

/* NUMBER, through strlit_number */
Node *pr_number(Parser *p)
{
    Token *t = pr_peek(p);
    if (t->kind != TK_NUMBER)
        return NULL;
    Const *c = strlit_number(p, t);
    if (!c)
        return NULL;
    p->pos++;
    Node *n = ast_new(p->arena, N_Constant, (Loc){t->line, t->col, t->end_line, t->end_col, 0});
    n->v.Constant.value = c;
    return n;
}

/* strings (memo): STRING+ */
Node *pr_strings(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_STRINGS);
    while (pr_at(p, TK_STRING))
        p->pos++;
    Node *res = NULL;
    if (p->pos > start) {
        res = strlit_atom(p, &p->toks[start], p->pos - start);
        if (!res)
            p->pos = start;
    }
    pr_memo_put(p, M_STRINGS, start, res);
    LEAVE(res);
}

/* group: '(' (yield_expr | named_expression) ')' | invalid_group */
static Node *group(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LPAR))
        LEAVE(NULL);
    Node *a = pr_at(p, TK_YIELD) ? pr_yield_expr(p) : NULL;
    if (!a)
        a = pr_named_expression(p);
    if (a && pr_expect(p, TK_RPAR))
        LEAVE(a);
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_group(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
Node *pr_tuple(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LPAR))
        LEAVE(NULL);
    int m = sp_mark(p);
    int inner = p->pos;
    Node *a = pr_star_named_expression(p);
    if (a) {
        if (pr_expect(p, TK_COMMA)) {
            sp_push(p, a);
            pr_star_named_expressions(p);
        } else {
            p->pos = inner;
        }
    }
    if (!pr_expect(p, TK_RPAR)) {
        sp_reset(p, m);
        FAIL(start);
    }
    Node *t = pr_node(p, N_Tuple, start);
    t->v.Tuple.elts = sp_list(p, m);
    t->v.Tuple.ctx = Ctx_Load;
    LEAVE(t);
}

/* genexp:
 *     | '(' (assignment_expression | expression !':=') for_if_clauses ')'
 *     | invalid_comprehension */
Node *pr_genexp(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LPAR))
        LEAVE(NULL);
    Node *a = pr_assignment_expression(p);
    if (!a && !p->failed) {
        a = pr_expression(p);
        if (a && pr_at(p, TK_COLONEQUAL))
            a = NULL;
    }
    NodeList gens;
    if (a && pr_for_if_clauses(p, &gens) && pr_expect(p, TK_RPAR)) {
        Node *n = pr_node(p, N_GeneratorExp, start);
        n->v.GeneratorExp.elt = a;
        n->v.GeneratorExp.generators = gens;
        LEAVE(n);
    }
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_comprehension(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* list: '[' [star_named_expressions] ']' */
Node *pr_list(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LSQB))
        LEAVE(NULL);
    int m = sp_mark(p);
    pr_star_named_expressions(p);
    if (!pr_expect(p, TK_RSQB)) {
        sp_reset(p, m);
        FAIL(start);
    }
    Node *n = pr_node(p, N_List, start);
    n->v.List.elts = sp_list(p, m);
    n->v.List.ctx = Ctx_Load;
    LEAVE(n);
}

/* listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
 * setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension */
static Node *list_or_set_comp(Parser *p, TokKind open, TokKind close, NodeKind kind)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, open))
        LEAVE(NULL);
    Node *a = pr_named_expression(p);
    NodeList gens;
    if (a && pr_for_if_clauses(p, &gens) && pr_expect(p, close)) {
        Node *n = pr_node(p, kind, start);
        if (kind == N_ListComp) {
            n->v.ListComp.elt = a;
            n->v.ListComp.generators = gens;
        } else {
            n->v.SetComp.elt = a;
            n->v.SetComp.generators = gens;
        }
        LEAVE(n);
    }
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_comprehension(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* kvpair: expression ':' expression   (returned as key and value) */
int pr_kvpair(Parser *p, Node **key, Node **value)
{
    int start = p->pos;
    Node *k = pr_expression(p);
    if (!k || !pr_expect(p, TK_COLON)) {
        p->pos = start;
        return 0;
    }
    Node *v = pr_expression(p);
    if (!v) {
        p->pos = start;
        return 0;
    }
    *key = k;
    *value = v;
    return 1;
}

/* double_starred_kvpair: '**' bitwise_or | kvpair   (key NULL for '**') */
int pr_double_starred_kvpair(Parser *p, Node **key, Node **value)
{
    int start = p->pos;
    if (pr_expect(p, TK_DOUBLESTAR)) {
        Node *v = pr_bitwise_or(p);
        if (v) {
            *key = NULL;
            *value = v;
            return 1;
        }
        p->pos = start;
    }
    return pr_kvpair(p, key, value);
}

/* dict:
 *     | '{' [double_starred_kvpairs] '}'
 *     | '{' invalid_double_starred_kvpairs '}'
 * double_starred_kvpairs: ','.double_starred_kvpair+ [','] */
static Node *dict(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LBRACE))
        LEAVE(NULL);
    int m = sp_mark(p);
    Node *k, *v;
    if (pr_double_starred_kvpair(p, &k, &v)) {
        sp_push(p, k);
        sp_push(p, v);
        for (;;) {
            int save = p->pos;
            if (!pr_expect(p, TK_COMMA))
                break;
            if (!pr_double_starred_kvpair(p, &k, &v)) {
                p->pos = save;
                break;
            }
            sp_push(p, k);
            sp_push(p, v);
        }
        pr_expect(p, TK_COMMA);
    }
    if (!pr_expect(p, TK_RBRACE)) {
        sp_reset(p, m);
        p->pos = start;
        /* pegen guards only alternatives made of a single invalid_ rule with
         * call_invalid_rules: this one runs in both passes (and inside
         * expression_without_invalid), so its errors can come from the first pass */
        if (!p->failed) {
            p->pos++;
            inv_double_starred_kvpairs(p);
            p->pos = start;
        }
        LEAVE(NULL);
    }
    int n = (p->nstk - m) / 2;
    Node **keys = n ? arena_alloc(p->arena, sizeof(Node *) * (size_t)n) : NULL;
    Node **vals = n ? arena_alloc(p->arena, sizeof(Node *) * (size_t)n) : NULL;
    for (int i = 0; i < n; i++) {
        keys[i] = p->stk[m + 2 * i];
        vals[i] = p->stk[m + 2 * i + 1];
    }
    sp_reset(p, m);
    Node *d = pr_node(p, N_Dict, start);
    d->v.Dict.keys = (NodeList){n, keys};
    d->v.Dict.values = (NodeList){n, vals};
    LEAVE(d);
}

/* set: '{' star_named_expressions '}' */
static Node *set(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LBRACE))
        LEAVE(NULL);
    int m = sp_mark(p);
    if (!pr_star_named_expressions(p) || !pr_expect(p, TK_RBRACE)) {
        sp_reset(p, m);
        FAIL(start);
    }
    Node *n = pr_node(p, N_Set, start);
    n->v.Set.elts = sp_list(p, m);
    LEAVE(n);
}

/* dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
static Node *dictcomp(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LBRACE))
        LEAVE(NULL);
    Node *k, *v;
    NodeList gens;
    if (pr_kvpair(p, &k, &v) && pr_for_if_clauses(p, &gens) && pr_expect(p, TK_RBRACE)) {
        Node *n = pr_node(p, N_DictComp, start);
        n->v.DictComp.key = k;
        n->v.DictComp.value = v;
        n->v.DictComp.generators = gens;
        LEAVE(n);
    }
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_dict_comprehension(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* atom:
 *     | NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
 *     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
 *     | &'{' (dict | set | dictcomp | setcomp) | '...' */
Node *pr_atom(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_peek(p);
    Node *a = NULL;
    switch (t->kind) {
    case TK_NAME:
        a = pr_name_tok(p);
        break;
    case TK_TRUE:
    case TK_FALSE:
    case TK_NONE:
    case TK_ELLIPSIS:
        p->pos++;
        a = constant(p, t->kind == TK_TRUE ? CK_TRUE : t->kind == TK_FALSE ? CK_FALSE
                        : t->kind == TK_NONE ? CK_NONE : CK_ELLIPSIS, start);
        break;
    case TK_STRING:
        a = pr_strings(p);
        break;
    case TK_NUMBER:
        a = pr_number(p);
        break;
    case TK_LPAR:
        a = pr_tuple(p);
        if (!a)
            a = group(p);
        if (!a)
            a = pr_genexp(p);
        break;
    case TK_LSQB:
        a = pr_list(p);
        if (!a)
            a = list_or_set_comp(p, TK_LSQB, TK_RSQB, N_ListComp);
        break;
    case TK_LBRACE:
        a = dict(p);
        if (!a)
            a = set(p);
        if (!a)
            a = dictcomp(p);
        if (!a)
            a = list_or_set_comp(p, TK_LBRACE, TK_RBRACE, N_SetComp);
        break;
    default:
        break;
    }
    LEAVE(a);
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
Node *pr_lambdef(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_LAMBDA))
        LEAVE(NULL);
    Node *args = pr_lambda_params(p);
    if (p->failed)
        LEAVE(NULL);
    if (!pr_expect(p, TK_COLON))
        FAIL(start);
    Node *body = pr_expression(p);
    if (!body)
        FAIL(start);
    Node *n = pr_node(p, N_Lambda, start);
    n->v.Lambda.args = args ? args : pr_empty_arguments(p);
    n->v.Lambda.body = body;
    LEAVE(n);
}

/* ---- comprehensions ---- */

/* for_if_clause:
 *     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *     | invalid_for_target */
static Node *for_if_clause(Parser *p)
{
    ENTER;
    int start = p->pos;
    int is_async = pr_expect(p, TK_ASYNC) != NULL;
    Node *target;
    if (pr_expect(p, TK_FOR) && (target = pr_star_targets(p)) && pr_expect(p, TK_IN)) {
        Node *iter = pr_disjunction(p);
        if (!iter)
            FAIL(start);   /* the cut */
        int m = sp_mark(p);
        for (;;) {
            int save = p->pos;
            if (!pr_expect(p, TK_IF))
                break;
            Node *c = pr_disjunction(p);
            if (!c) {
                p->pos = save;
                break;
            }
            sp_push(p, c);
        }
        Node *n = pr_node_at(p, N_comprehension, (Loc){0});
        n->v.comprehension.target = target;
        n->v.comprehension.iter = iter;
        n->v.comprehension.ifs = sp_list(p, m);
        n->v.comprehension.is_async = is_async;
        LEAVE(n);
    }
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_for_target(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* for_if_clauses: for_if_clause+ */
int pr_for_if_clauses(Parser *p, NodeList *out)
{
    int m = sp_mark(p);
    Node *c;
    while ((c = for_if_clause(p)))
        sp_push(p, c);
    if (p->nstk == m || p->failed) {
        sp_reset(p, m);
        return 0;
    }
    *out = sp_list(p, m);
    return 1;
}

/* ---- call arguments ---- */

/* starred_expression: '*' expression */
Node *pr_starred_expression(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (!pr_expect(p, TK_STAR))
        LEAVE(NULL);
    Node *a = pr_expression(p);
    if (!a)
        FAIL(start);
    Node *n = pr_node(p, N_Starred, start);
    n->v.Starred.value = a;
    n->v.Starred.ctx = Ctx_Load;
    LEAVE(n);
}

/* kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
 * kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
 * Returns a keyword node or a Starred node. */
static Node *kwarg(Parser *p, int double_starred)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_kwarg(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    Token *t = pr_peek(p);
    if (t->kind == TK_NAME && pr_peek2(p)->kind == TK_EQUAL) {
        p->pos += 2;
        Node *v = pr_expression(p);
        if (v) {
            Node *k = pr_node(p, N_keyword, start);
            k->v.keyword.arg = t->ident;
            k->v.keyword.value = v;
            LEAVE(k);
        }
        p->pos = start;
    }
    if (!double_starred)
        LEAVE(pr_starred_expression(p));
    if (!pr_expect(p, TK_DOUBLESTAR))
        LEAVE(NULL);
    Node *v = pr_expression(p);
    if (!v)
        FAIL(start);
    Node *k = pr_node(p, N_keyword, start);
    k->v.keyword.value = v;
    LEAVE(k);
}

/* ','.<kwarg>+ : pushes the items; returns how many */
static int kwarg_list(Parser *p, int double_starred)
{
    Node *a = kwarg(p, double_starred);
    if (!a)
        return 0;
    sp_push(p, a);
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = kwarg(p, double_starred);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
        n++;
    }
    return n;
}

/* kwargs:
 *     | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
 *     | ','.kwarg_or_starred+
 *     | ','.kwarg_or_double_starred+
 * Pushes the items; returns how many. */
static int kwargs(Parser *p)
{
    int n = kwarg_list(p, 0);
    if (n) {
        int save = p->pos;
        if (pr_expect(p, TK_COMMA)) {
            int k = kwarg_list(p, 1);
            if (k)
                return n + k;
        }
        p->pos = save;
        return n;
    }
    if (p->failed)
        return 0;
    return kwarg_list(p, 1);
}

/* One positional item of args:
 *     starred_expression | (assignment_expression | expression !':=') !'=' */
static Node *args_item(Parser *p)
{
    int start = p->pos;
    Node *e = pr_starred_expression(p);
    if (e || p->failed)
        return e;
    e = pr_assignment_expression(p);
    if (!e && !p->failed) {
        e = pr_expression(p);
        if (e && pr_at(p, TK_COLONEQUAL))
            e = NULL;
    }
    if (e && pr_at(p, TK_EQUAL))
        e = NULL;
    if (!e)
        p->pos = start;
    return e;
}

/* args:
 *     | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
 *     | kwargs
 * Returns a Call node without func holding args and keywords (CPython's dummy Call), whose
 * position is the arguments' span. */
Node *pr_args(Parser *p)
{
    ENTER;
    int start = p->pos;
    int m = sp_mark(p);
    Node *e = args_item(p);
    if (e) {
        sp_push(p, e);
        for (;;) {
            int save = p->pos;
            if (!pr_expect(p, TK_COMMA))
                break;
            Node *b = args_item(p);
            if (!b) {
                p->pos = save;
                break;
            }
            sp_push(p, b);
        }
        int npos = p->nstk - m;
        int save = p->pos;
        int nkw = 0;
        if (pr_expect(p, TK_COMMA)) {
            nkw = kwargs(p);
            if (!nkw)
                p->pos = save;
        }
        (void)npos;
    } else {
        if (p->failed || !kwargs(p)) {
            sp_reset(p, m);
            FAIL(start);
        }
    }
    if (p->failed) {
        sp_reset(p, m);
        FAIL(start);
    }
    /* positional items and starred kwargs items go to args, in order; keywords apart */
    int n = p->nstk - m, na = 0, nk = 0;
    for (int i = 0; i < n; i++)
        if (((Node *)p->stk[m + i])->kind == N_keyword)
            nk++;
    na = n - nk;
    Node **av = na ? arena_alloc(p->arena, sizeof(Node *) * (size_t)na) : NULL;
    Node **kv = nk ? arena_alloc(p->arena, sizeof(Node *) * (size_t)nk) : NULL;
    int ia = 0, ik = 0;
    for (int i = 0; i < n; i++) {
        Node *x = p->stk[m + i];
        if (x->kind == N_keyword)
            kv[ik++] = x;
        else
            av[ia++] = x;
    }
    sp_reset(p, m);
    Node *c = pr_node(p, N_Call, start);
    c->v.Call.args = (NodeList){na, av};
    c->v.Call.keywords = (NodeList){nk, kv};
    LEAVE(c);
}

/* arguments (memo): args [','] &')' | invalid_arguments */
Node *pr_arguments(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_ARGUMENTS);
    Node *a = pr_args(p);
    if (a) {
        pr_expect(p, TK_COMMA);
        if (!pr_at(p, TK_RPAR)) {
            a = NULL;
            p->pos = start;
        }
    }
    if (!a && p->invalid_rules && !p->failed) {
        inv_arguments(p);
        p->pos = start;
    }
    pr_memo_put(p, M_ARGUMENTS, start, a);
    LEAVE(a);
}

/* ---- assignment targets ---- */

static int t_lookahead(Parser *p)
{
    TokKind k = pr_peek(p)->kind;
    return k == TK_LPAR || k == TK_LSQB || k == TK_DOT;
}

/* t_primary:
 *     | t_primary '.' NAME &t_lookahead
 *     | t_primary '[' slices ']' &t_lookahead
 *     | t_primary genexp &t_lookahead
 *     | t_primary '(' [arguments] ')' &t_lookahead
 *     | atom &t_lookahead */
Node *pr_t_primary(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_T_PRIMARY);
    Node *a = pr_atom(p);
    if (!a || !t_lookahead(p)) {
        p->pos = start;
        pr_memo_put(p, M_T_PRIMARY, start, NULL);
        LEAVE(NULL);
    }
    for (;;) {
        int save = p->pos;
        Token *t = pr_peek(p);
        Node *n = NULL;
        if (t->kind == TK_DOT) {
            p->pos++;
            Token *name = pr_expect(p, TK_NAME);
            if (name && t_lookahead(p)) {
                n = pr_node(p, N_Attribute, start);
                n->v.Attribute.value = a;
                n->v.Attribute.attr = name->ident;
                n->v.Attribute.ctx = Ctx_Load;
            }
        } else if (t->kind == TK_LSQB) {
            p->pos++;
            Node *s = pr_slices(p);
            if (s && pr_expect(p, TK_RSQB) && t_lookahead(p)) {
                n = pr_node(p, N_Subscript, start);
                n->v.Subscript.value = a;
                n->v.Subscript.slice = s;
                n->v.Subscript.ctx = Ctx_Load;
            }
        } else if (t->kind == TK_LPAR) {
            Node *g = pr_genexp(p);
            if (g && t_lookahead(p)) {
                n = pr_node(p, N_Call, start);
                n->v.Call.func = a;
                n->v.Call.args = pr_list1(p, g);
            } else {
                p->pos = save + 1;
                Node *args = pr_arguments(p);
                if (pr_expect(p, TK_RPAR) && t_lookahead(p))
                    n = make_call(p, a, args, start);
            }
        }
        if (!n) {
            p->pos = save;
            break;
        }
        a = n;
    }
    if (p->failed)
        LEAVE(NULL);
    pr_memo_put(p, M_T_PRIMARY, start, a);
    LEAVE(a);
}

/* The first two alternatives of target_with_star_atom, single_subscript_attribute_target
 * and del_target:
 *     | t_primary '.' NAME !t_lookahead
 *     | t_primary '[' slices ']' !t_lookahead */
static Node *t_attr_or_subscript(Parser *p, AstCtx ctx)
{
    int start = p->pos;
    Node *a = pr_t_primary(p);
    if (!a)
        return NULL;
    int after = p->pos;
    if (pr_expect(p, TK_DOT)) {
        Token *name = pr_expect(p, TK_NAME);
        if (name && !t_lookahead(p)) {
            Node *n = pr_node(p, N_Attribute, start);
            n->v.Attribute.value = a;
            n->v.Attribute.attr = name->ident;
            n->v.Attribute.ctx = ctx;
            return n;
        }
        p->pos = after;
    } else if (pr_expect(p, TK_LSQB)) {
        Node *s = pr_slices(p);
        if (s && pr_expect(p, TK_RSQB) && !t_lookahead(p)) {
            Node *n = pr_node(p, N_Subscript, start);
            n->v.Subscript.value = a;
            n->v.Subscript.slice = s;
            n->v.Subscript.ctx = ctx;
            return n;
        }
    }
    p->pos = start;
    return NULL;
}

/* single_subscript_attribute_target:
 *     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead */
Node *pr_single_subscript_attribute_target(Parser *p)
{
    ENTER;
    LEAVE(t_attr_or_subscript(p, Ctx_Store));
}

/* single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
Node *pr_single_target(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = t_attr_or_subscript(p, Ctx_Store);
    if (a || p->failed)
        LEAVE(a);
    if (pr_at(p, TK_NAME)) {
        a = pr_name_tok(p);
        a->v.Name.ctx = Ctx_Store;
        LEAVE(a);
    }
    if (pr_expect(p, TK_LPAR)) {
        a = pr_single_target(p);
        if (a && pr_expect(p, TK_RPAR))
            LEAVE(a);
    }
    FAIL(start);
}

static Node *target_with_star_atom(Parser *p);

/* star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
Node *pr_star_target(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_STAR_TARGET);
    Node *res = NULL;
    if (pr_expect(p, TK_STAR)) {
        if (!pr_at(p, TK_STAR)) {
            Node *a = pr_star_target(p);
            if (a) {
                res = pr_node(p, N_Starred, start);
                res->v.Starred.value = pr_set_ctx(p, a, Ctx_Store);
                res->v.Starred.ctx = Ctx_Store;
            }
        }
        if (!res)
            p->pos = start;
    } else {
        res = target_with_star_atom(p);
    }
    pr_memo_put(p, M_STAR_TARGET, start, res);
    LEAVE(res);
}

/* star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
 * star_targets_list_seq: ','.star_target+ [','] 
 * Pushes the targets; returns how many (0: no match).  need_comma: the tuple form, which
 * needs a comma after a single target. */
static int star_target_seq(Parser *p, int need_comma)
{
    int start = p->pos, m = sp_mark(p);
    Node *a = pr_star_target(p);
    if (!a)
        return 0;
    sp_push(p, a);
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = pr_star_target(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
        n++;
    }
    if (pr_expect(p, TK_COMMA) == NULL && need_comma && n == 1) {
        sp_reset(p, m);
        p->pos = start;
        return 0;
    }
    return n;
}

/* star_atom:
 *     | NAME
 *     | '(' target_with_star_atom ')'
 *     | '(' [star_targets_tuple_seq] ')'
 *     | '[' [star_targets_list_seq] ']' */
static Node *star_atom(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_peek(p);
    if (t->kind == TK_NAME) {
        Node *a = pr_name_tok(p);
        a->v.Name.ctx = Ctx_Store;
        LEAVE(a);
    }
    if (t->kind == TK_LPAR) {
        p->pos++;
        Node *a = target_with_star_atom(p);
        if (a && pr_expect(p, TK_RPAR))
            LEAVE(pr_set_ctx(p, a, Ctx_Store));
        p->pos = start + 1;
        if (p->failed)
            LEAVE(NULL);
        int m = sp_mark(p);
        star_target_seq(p, 1);
        if (!pr_expect(p, TK_RPAR)) {
            sp_reset(p, m);
            FAIL(start);
        }
        Node *n = pr_node(p, N_Tuple, start);
        n->v.Tuple.elts = sp_list(p, m);
        n->v.Tuple.ctx = Ctx_Store;
        LEAVE(n);
    }
    if (t->kind == TK_LSQB) {
        p->pos++;
        int m = sp_mark(p);
        star_target_seq(p, 0);
        if (!pr_expect(p, TK_RSQB)) {
            sp_reset(p, m);
            FAIL(start);
        }
        Node *n = pr_node(p, N_List, start);
        n->v.List.elts = sp_list(p, m);
        n->v.List.ctx = Ctx_Store;
        LEAVE(n);
    }
    LEAVE(NULL);
}

/* target_with_star_atom (memo):
 *     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom */
static Node *target_with_star_atom(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_TARGET_WITH_STAR_ATOM);
    Node *res = t_attr_or_subscript(p, Ctx_Store);
    if (!res && !p->failed)
        res = star_atom(p);
    pr_memo_put(p, M_TARGET_WITH_STAR_ATOM, start, res);
    LEAVE(res);
}

/* star_targets:
 *     | star_target !','
 *     | star_target (',' star_target)* [','] */
Node *pr_star_targets(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_star_target(p);
    if (!a)
        LEAVE(NULL);
    if (!pr_at(p, TK_COMMA))
        LEAVE(a);
    int m = sp_mark(p);
    sp_push(p, a);
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = pr_star_target(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
    }
    pr_expect(p, TK_COMMA);
    Node *t = pr_node(p, N_Tuple, start);
    t->v.Tuple.elts = sp_list(p, m);
    t->v.Tuple.ctx = Ctx_Store;
    LEAVE(t);
}

/* ---- del targets ---- */

static Node *del_target(Parser *p);

/* del_t_atom:
 *     | NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']' */
static Node *del_t_atom(Parser *p)
{
    ENTER;
    int start = p->pos;
    Token *t = pr_peek(p);
    if (t->kind == TK_NAME) {
        Node *a = pr_name_tok(p);
        a->v.Name.ctx = Ctx_Del;
        LEAVE(a);
    }
    if (t->kind != TK_LPAR && t->kind != TK_LSQB)
        LEAVE(NULL);
    p->pos++;
    if (t->kind == TK_LPAR) {
        Node *a = del_target(p);
        if (a && pr_expect(p, TK_RPAR))
            LEAVE(pr_set_ctx(p, a, Ctx_Del));
        p->pos = start + 1;
        if (p->failed)
            LEAVE(NULL);
    }
    NodeList l = {0, NULL};
    pr_del_targets(p, &l);
    if (!pr_expect(p, t->kind == TK_LPAR ? TK_RPAR : TK_RSQB))
        FAIL(start);
    Node *n;
    if (t->kind == TK_LPAR) {
        n = pr_node(p, N_Tuple, start);
        n->v.Tuple.elts = l;
        n->v.Tuple.ctx = Ctx_Del;
    } else {
        n = pr_node(p, N_List, start);
        n->v.List.elts = l;
        n->v.List.ctx = Ctx_Del;
    }
    LEAVE(n);
}

/* del_target (memo):
 *     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom */
static Node *del_target(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_DEL_TARGET);
    Node *res = t_attr_or_subscript(p, Ctx_Del);
    if (!res && !p->failed)
        res = del_t_atom(p);
    pr_memo_put(p, M_DEL_TARGET, start, res);
    LEAVE(res);
}

/* del_targets: ','.del_target+ [','] */
int pr_del_targets(Parser *p, NodeList *out)
{
    int m = sp_mark(p);
    Node *a = del_target(p);
    if (!a)
        return 0;
    sp_push(p, a);
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = del_target(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
    }
    pr_expect(p, TK_COMMA);
    *out = sp_list(p, m);
    return 1;
}
