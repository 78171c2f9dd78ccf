/*
 * parser_pattern.c - the match statement (PEP 634) of CPython 3.11's grammar: the subject,
 * case blocks, guards and every pattern form.
 *
 * "match", "case" and "_" are soft keywords: NAME tokens recognised by spelling here only.
 * closed_pattern and star_pattern are memoised as in CPython; patterns nest through
 * sequence, group, mapping and class patterns, which try several alternatives over the same
 * tokens.
 */
#include "parser_impl.h"

#define FAIL(start)                                             \
    do {                                                        \
        p->pos = (start);                                       \
        LEAVE(NULL);                                            \
    } while (0)

static Node *pattern(Parser *p);
static Node *closed_pattern(Parser *p);

static Node *match_as(Parser *p, int start, Node *pat, const char *name)
{
    Node *n = pr_node(p, N_MatchAs, start);
    n->v.MatchAs.pattern = pat;
    n->v.MatchAs.name = name;
    return n;
}

/* subject_expr:
 *     | star_named_expression ',' star_named_expressions?
 *     | named_expression */
Node *pr_subject_expr(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_star_named_expression(p);
    if (a && pr_expect(p, TK_COMMA)) {
        int m = sp_mark(p);
        sp_push(p, a);
        pr_star_named_expressions(p);
        Node *t = pr_node(p, N_Tuple, start);
        t->v.Tuple.elts = sp_list(p, m);
        t->v.Tuple.ctx = Ctx_Load;
        LEAVE(t);
    }
    p->pos = start;
    if (p->failed)
        LEAVE(NULL);
    LEAVE(pr_named_expression(p));
}

/* guard: 'if' named_expression */
Node *pr_guard(Parser *p)
{
    int start = p->pos;
    if (!pr_expect(p, TK_IF))
        return NULL;
    Node *g = pr_named_expression(p);
    if (!g)
        p->pos = start;
    return g;
}

/* case_block: invalid_case_block | "case" patterns guard? ':' block */
static Node *case_block(Parser *p)
{
    ENTER;
    int start = p->pos;
    if (p->invalid_rules) {
        inv_case_block(p);
        p->pos = start;
        if (p->failed)
            LEAVE(NULL);
    }
    if (!pr_at_soft(p, p->kw_case))
        LEAVE(NULL);
    p->pos++;
    Node *pat = pr_patterns(p);
    if (!pat)
        FAIL(start);
    Node *guard = pr_guard(p);
    NodeList *body;
    if (p->failed || !pr_expect(p, TK_COLON) || !(body = pr_block(p)))
        FAIL(start);
    Node *c = pr_node_at(p, N_match_case, (Loc){0});
    c->v.match_case.pattern = pat;
    c->v.match_case.guard = guard;
    c->v.match_case.body = *body;
    LEAVE(c);
}

/* match_stmt:
 *     | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
 *     | invalid_match_stmt */
Node *pr_match_stmt(Parser *p)
{
    ENTER;
    int start = p->pos;
    p->pos++;   /* "match" */
    Node *subject = pr_subject_expr(p);
    if (subject && pr_expect(p, TK_COLON) && pr_expect(p, TK_NEWLINE) &&
        pr_expect(p, TK_INDENT)) {
        int m = sp_mark(p);
        Node *c;
        while ((c = case_block(p)))
            sp_push(p, c);
        if (p->nstk > m && !p->failed && pr_expect(p, TK_DEDENT)) {
            Node *n = pr_node(p, N_Match, start);
            n->v.Match.subject = subject;
            n->v.Match.cases = sp_list(p, m);
            LEAVE(n);
        }
        sp_reset(p, m);
    }
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_match_stmt(p);
        p->pos = start;
    }
    LEAVE(NULL);
}

/* patterns: open_sequence_pattern | pattern */
static int open_sequence_pattern(Parser *p);

Node *pr_patterns(Parser *p)
{
    ENTER;
    int start = p->pos, m = sp_mark(p);
    if (open_sequence_pattern(p)) {
        Node *n = pr_node(p, N_MatchSequence, start);
        n->v.MatchSequence.patterns = sp_list(p, m);
        LEAVE(n);
    }
    if (p->failed)
        LEAVE(NULL);
    LEAVE(pattern(p));
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=')   (the name, or NULL) */
static const char *pattern_capture_target(Parser *p)
{
    Token *t = pr_peek(p);
    if (t->kind != TK_NAME || t->ident == p->kw_underscore)
        return NULL;
    TokKind k = pr_peek2(p)->kind;
    if (k == TK_DOT || k == TK_LPAR || k == TK_EQUAL)
        return NULL;
    p->pos++;
    return t->ident;
}

/* pattern: as_pattern | or_pattern
 * as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern */
static Node *pattern(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = pr_or_pattern(p);
    if (!a)
        LEAVE(NULL);
    int after = p->pos;
    if (pr_expect(p, TK_AS)) {
        const char *name = pattern_capture_target(p);
        if (name)
            LEAVE(match_as(p, start, a, name));
        p->pos = start;
        if (p->invalid_rules && !p->failed) {
            inv_as_pattern(p);
            p->pos = start;
            if (p->failed)
                LEAVE(NULL);
        }
    }
    p->pos = after;
    LEAVE(a);
}

/* or_pattern: '|'.closed_pattern+ */
Node *pr_or_pattern(Parser *p)
{
    ENTER;
    int start = p->pos;
    Node *a = closed_pattern(p);
    if (!a)
        LEAVE(NULL);
    if (!pr_at(p, TK_VBAR))
        LEAVE(a);
    int m = sp_mark(p);
    sp_push(p, a);
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_VBAR))
            break;
        Node *b = closed_pattern(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
    }
    if (p->nstk - m == 1) {
        sp_reset(p, m);
        LEAVE(a);
    }
    Node *n = pr_node(p, N_MatchOr, start);
    n->v.MatchOr.patterns = sp_list(p, m);
    LEAVE(n);
}

/* ---- literals ---- */

static int is_imaginary(const Node *e)
{
    return e->kind == N_Constant && e->v.Constant.value->kind == CK_COMPLEX;
}

/* signed_number: NUMBER | '-' NUMBER */
static Node *signed_number(Parser *p)
{
    int start = p->pos;
    if (pr_expect(p, TK_MINUS)) {
        Node *num = pr_number(p);
        if (!num) {
            p->pos = start;
            return NULL;
        }
        Node *n = pr_node(p, N_UnaryOp, start);
        n->v.UnaryOp.op = UnOp_USub;
        n->v.UnaryOp.operand = num;
        return n;
    }
    return pr_number(p);
}

/* complex_number: signed_real_number ('+' | '-') imaginary_number
 * signed_real_number: real_number | '-' real_number
 * real_number: NUMBER (ensure_real);  imaginary_number: NUMBER (ensure_imaginary) */
static Node *complex_number(Parser *p)
{
    int start = p->pos;
    Node *real = signed_number(p);
    if (!real)
        return NULL;
    Node *num = real->kind == N_UnaryOp ? real->v.UnaryOp.operand : real;
    if (is_imaginary(num)) {
        pr_error_node(p, num, "real number required in complex literal");
        return NULL;
    }
    Token *t = pr_peek(p);
    if (t->kind != TK_PLUS && t->kind != TK_MINUS) {
        p->pos = start;
        return NULL;
    }
    p->pos++;
    Node *imag = pr_number(p);
    if (!imag) {
        p->pos = start;
        return NULL;
    }
    if (!is_imaginary(imag)) {
        pr_error_node(p, imag, "imaginary number required in complex literal");
        return NULL;
    }
    Node *n = pr_node(p, N_BinOp, start);
    n->v.BinOp.left = real;
    n->v.BinOp.op = t->kind == TK_PLUS ? Op_Add : Op_Sub;
    n->v.BinOp.right = imag;
    return n;
}

/* literal_expr:
 *     | signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'
 * (literal_pattern wraps the same in MatchValue / MatchSingleton) */
static Node *literal_expr(Parser *p)
{
    int start = p->pos;
    Token *t = pr_peek(p);
    switch (t->kind) {
    case TK_NUMBER:
    case TK_MINUS: {
        Node *n = signed_number(p);
        if (n) {
            TokKind k = pr_peek(p)->kind;
            if (k != TK_PLUS && k != TK_MINUS)
                return n;
            p->pos = start;
        }
        if (p->failed)
            return NULL;
        return complex_number(p);
    }
    case TK_STRING:
        return pr_strings(p);
    case TK_NONE:
    case TK_TRUE:
    case TK_FALSE: {
        p->pos++;
        Node *n = pr_node(p, N_Constant, start);
        n->v.Constant.value = ast_const(p->arena, t->kind == TK_NONE ? CK_NONE
                                                  : t->kind == TK_TRUE ? CK_TRUE : CK_FALSE);
        return n;
    }
    default:
        return NULL;
    }
}

/* attr: name_or_attr '.' NAME      name_or_attr: attr | NAME
 * With need_dot, only attr (at least one dot); otherwise name_or_attr. */
static Node *name_or_attr(Parser *p, int need_dot)
{
    int start = p->pos;
    Node *a = pr_name_tok(p);
    if (!a)
        return NULL;
    while (pr_at(p, TK_DOT) && pr_peek2(p)->kind == TK_NAME) {
        p->pos++;
        Token *name = pr_expect(p, TK_NAME);
        Node *n = pr_node(p, N_Attribute, start);
        n->v.Attribute.value = a;
        n->v.Attribute.attr = name->ident;
        n->v.Attribute.ctx = Ctx_Load;
        a = n;
    }
    if (need_dot && a->kind == N_Name) {
        p->pos = start;
        return NULL;
    }
    return a;
}

Node *pr_name_or_attr(Parser *p) { return name_or_attr(p, 0); }

/* ---- sequences ---- */

/* star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern */
static Node *star_pattern(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_STAR_PATTERN);
    Node *res = NULL;
    if (pr_expect(p, TK_STAR)) {
        const char *name = pattern_capture_target(p);
        if (name || pr_at_soft(p, p->kw_underscore)) {
            if (!name)
                p->pos++;
            res = pr_node(p, N_MatchStar, start);
            res->v.MatchStar.name = name;
        } else {
            p->pos = start;
        }
    }
    pr_memo_put(p, M_STAR_PATTERN, start, res);
    LEAVE(res);
}

/* maybe_star_pattern: star_pattern | pattern */
static Node *maybe_star_pattern(Parser *p)
{
    Node *a = star_pattern(p);
    if (a || p->failed)
        return a;
    return pattern(p);
}

/* maybe_sequence_pattern: ','.maybe_star_pattern+ ','?   (pushes; returns how many) */
static int maybe_sequence_pattern(Parser *p)
{
    Node *a = maybe_star_pattern(p);
    if (!a)
        return 0;
    sp_push(p, a);
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = maybe_star_pattern(p);
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

/* open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
 * (pushes; returns how many) */
static int open_sequence_pattern(Parser *p)
{
    int start = p->pos, m = sp_mark(p);
    Node *a = maybe_star_pattern(p);
    if (!a || !pr_expect(p, TK_COMMA)) {
        p->pos = start;
        return 0;
    }
    sp_push(p, a);
    maybe_sequence_pattern(p);
    if (p->failed) {
        sp_reset(p, m);
        return 0;
    }
    return p->nstk - m;
}

/* sequence_pattern:
 *     | '[' maybe_sequence_pattern? ']'
 *     | '(' open_sequence_pattern? ')' */
static Node *sequence_pattern(Parser *p)
{
    ENTER;
    int start = p->pos, m = sp_mark(p);
    Token *t = pr_peek(p);
    if (t->kind != TK_LSQB && t->kind != TK_LPAR)
        LEAVE(NULL);
    p->pos++;
    if (t->kind == TK_LSQB)
        maybe_sequence_pattern(p);
    else
        open_sequence_pattern(p);
    if (p->failed || !pr_expect(p, t->kind == TK_LSQB ? TK_RSQB : TK_RPAR)) {
        sp_reset(p, m);
        FAIL(start);
    }
    Node *n = pr_node(p, N_MatchSequence, start);
    n->v.MatchSequence.patterns = sp_list(p, m);
    LEAVE(n);
}

/* ---- mappings ---- */

/* key_value_pattern: (literal_expr | attr) ':' pattern   (pushes key and pattern) */
static int key_value_pattern(Parser *p)
{
    int start = p->pos;
    Node *k = literal_expr(p);
    if (!k && !p->failed)
        k = name_or_attr(p, 1);
    Node *v;
    if (!k || !pr_expect(p, TK_COLON) || !(v = pattern(p))) {
        p->pos = start;
        return 0;
    }
    sp_push(p, k);
    sp_push(p, v);
    return 1;
}

/* double_star_pattern: '**' pattern_capture_target */
static const char *double_star_pattern(Parser *p)
{
    int start = p->pos;
    if (!pr_expect(p, TK_DOUBLESTAR))
        return NULL;
    const char *name = pattern_capture_target(p);
    if (!name)
        p->pos = start;
    return name;
}

/* mapping_pattern:
 *     | '{' '}'
 *     | '{' double_star_pattern ','? '}'
 *     | '{' items_pattern ',' double_star_pattern ','? '}'
 *     | '{' items_pattern ','? '}'
 * items_pattern: ','.key_value_pattern+ */
static Node *mapping_pattern(Parser *p)
{
    ENTER;
    int start = p->pos, m = sp_mark(p);
    if (!pr_expect(p, TK_LBRACE))
        LEAVE(NULL);
    const char *rest = NULL;
    int inner = p->pos;
    if (pr_expect(p, TK_RBRACE))
        goto done;
    if ((rest = double_star_pattern(p))) {
        pr_expect(p, TK_COMMA);
        if (pr_expect(p, TK_RBRACE))
            goto done;
        rest = NULL;
        p->pos = inner;
    }
    if (p->failed || !key_value_pattern(p))
        goto fail;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA) || !key_value_pattern(p)) {
            p->pos = save;
            break;
        }
    }
    if (p->failed)
        goto fail;
    {
        int after_items = p->pos;
        if (pr_expect(p, TK_COMMA) && (rest = double_star_pattern(p))) {
            pr_expect(p, TK_COMMA);
            if (pr_expect(p, TK_RBRACE))
                goto done;
        }
        rest = NULL;
        p->pos = after_items;
        pr_expect(p, TK_COMMA);
        if (pr_expect(p, TK_RBRACE))
            goto done;
    }
fail:
    sp_reset(p, m);
    FAIL(start);
done:;
    int n = (p->nstk - m) / 2;
    Node **keys = n ? arena_alloc(p->arena, sizeof(Node *) * (size_t)n) : NULL;
    Node **pats = n ? arena_alloc(p->arena, sizeof(Node *) * (size_t)n) : NULL;
    for (int i = 0; i < n; i++) {
        keys[i] = p->stk[m + 2 * i];
        pats[i] = p->stk[m + 2 * i + 1];
    }
    sp_reset(p, m);
    Node *r = pr_node(p, N_MatchMapping, start);
    r->v.MatchMapping.keys = (NodeList){n, keys};
    r->v.MatchMapping.patterns = (NodeList){n, pats};
    r->v.MatchMapping.rest = rest;
    LEAVE(r);
}

/* ---- classes ---- */

/* positional_patterns: ','.pattern+   (pushes; returns how many) */
int pr_positional_patterns(Parser *p)
{
    Node *a = pattern(p);
    if (!a)
        return 0;
    sp_push(p, a);
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA))
            break;
        Node *b = pattern(p);
        if (!b) {
            p->pos = save;
            break;
        }
        sp_push(p, b);
        n++;
    }
    return n;
}

/* keyword_pattern: NAME '=' pattern   (pushes the name and the pattern) */
static int keyword_pattern(Parser *p)
{
    int start = p->pos;
    Token *t = pr_peek(p);
    Node *v;
    if (t->kind != TK_NAME || pr_peek2(p)->kind != TK_EQUAL)
        return 0;
    p->pos += 2;
    if (!(v = pattern(p))) {
        p->pos = start;
        return 0;
    }
    sp_push(p, (void *)t->ident);
    sp_push(p, v);
    return 1;
}

/* keyword_patterns: ','.keyword_pattern+   (pushes pairs; returns how many) */
int pr_keyword_patterns(Parser *p)
{
    if (!keyword_pattern(p))
        return 0;
    int n = 1;
    for (;;) {
        int save = p->pos;
        if (!pr_expect(p, TK_COMMA) || !keyword_pattern(p)) {
            p->pos = save;
            break;
        }
        n++;
    }
    return n;
}

/* class_pattern:
 *     | name_or_attr '(' ')'
 *     | name_or_attr '(' positional_patterns ','? ')'
 *     | name_or_attr '(' keyword_patterns ','? ')'
 *     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
 *     | invalid_class_pattern */
static Node *class_pattern(Parser *p)
{
    ENTER;
    int start = p->pos, m = sp_mark(p);
    Node *cls = name_or_attr(p, 0);
    if (!cls || !pr_expect(p, TK_LPAR))
        FAIL(start);
    int inner = p->pos;
    int npos = 0, nkw = 0;
    if (pr_expect(p, TK_RPAR))
        goto done;
    if ((npos = pr_positional_patterns(p))) {
        int after = p->pos;
        pr_expect(p, TK_COMMA);
        if (pr_expect(p, TK_RPAR))
            goto done;
        p->pos = after;
        int km = sp_mark(p);
        if (pr_expect(p, TK_COMMA) && (nkw = pr_keyword_patterns(p))) {
            pr_expect(p, TK_COMMA);
            if (pr_expect(p, TK_RPAR))
                goto done;
        }
        sp_reset(p, km);
        nkw = 0;
    }
    sp_reset(p, m);
    npos = 0;
    p->pos = inner;
    if (!p->failed && (nkw = pr_keyword_patterns(p))) {
        pr_expect(p, TK_COMMA);
        if (pr_expect(p, TK_RPAR))
            goto done;
    }
    sp_reset(p, m);
    p->pos = start;
    if (p->invalid_rules && !p->failed) {
        inv_class_pattern(p);
        p->pos = start;
    }
    LEAVE(NULL);
done:;
    Node *n = pr_node(p, N_MatchClass, start);
    n->v.MatchClass.cls = cls;
    const char **names = nkw ? arena_alloc(p->arena, sizeof(char *) * (size_t)nkw) : NULL;
    Node **kpats = nkw ? arena_alloc(p->arena, sizeof(Node *) * (size_t)nkw) : NULL;
    int base = m + npos;
    for (int i = 0; i < nkw; i++) {
        names[i] = p->stk[base + 2 * i];
        kpats[i] = p->stk[base + 2 * i + 1];
    }
    p->nstk = m + npos;
    n->v.MatchClass.patterns = sp_list(p, m);
    n->v.MatchClass.kwd_attrs = (IdentList){nkw, names};
    n->v.MatchClass.kwd_patterns = (NodeList){nkw, kpats};
    LEAVE(n);
}

/* closed_pattern (memo):
 *     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
 *     | group_pattern | sequence_pattern | mapping_pattern | class_pattern */
static Node *closed_pattern(Parser *p)
{
    ENTER;
    int start = p->pos;
    MEMO_CHECK(M_CLOSED_PATTERN);
    Node *res = NULL;
    Token *t = pr_peek(p);
    switch (t->kind) {
    case TK_NUMBER:
    case TK_MINUS:
    case TK_STRING: {
        /* literal_pattern: signed_number !('+' | '-') | complex_number | strings */
        Node *v = literal_expr(p);
        if (v) {
            res = pr_node(p, N_MatchValue, start);
            res->v.MatchValue.value = v;
        }
        break;
    }
    case TK_NONE:
    case TK_TRUE:
    case TK_FALSE:
        p->pos++;
        res = pr_node(p, N_MatchSingleton, start);
        res->v.MatchSingleton.value = ast_const(p->arena, t->kind == TK_NONE ? CK_NONE
                                                          : t->kind == TK_TRUE ? CK_TRUE
                                                                               : CK_FALSE);
        break;
    case TK_NAME: {
        /* capture_pattern: pattern_capture_target */
        const char *name = pattern_capture_target(p);
        if (name) {
            res = match_as(p, start, NULL, name);
            break;
        }
        /* wildcard_pattern: "_" */
        if (t->ident == p->kw_underscore) {
            p->pos++;
            res = match_as(p, start, NULL, NULL);
            break;
        }
        /* value_pattern: attr !('.' | '(' | '=') */
        Node *a = name_or_attr(p, 1);
        if (a) {
            TokKind k = pr_peek(p)->kind;
            if (k != TK_DOT && k != TK_LPAR && k != TK_EQUAL) {
                res = pr_node(p, N_MatchValue, start);
                res->v.MatchValue.value = a;
                break;
            }
            p->pos = start;
        }
        res = class_pattern(p);
        break;
    }
    case TK_LPAR: {
        /* group_pattern: '(' pattern ')' */
        p->pos++;
        Node *a = pattern(p);
        if (a && pr_expect(p, TK_RPAR)) {
            res = a;
            break;
        }
        p->pos = start;
        if (p->failed)
            break;
        res = sequence_pattern(p);
        break;
    }
    case TK_LSQB:
        res = sequence_pattern(p);
        break;
    case TK_LBRACE:
        res = mapping_pattern(p);
        break;
    default:
        break;
    }
    if (p->failed)
        LEAVE(NULL);
    if (!res)
        p->pos = start;
    pr_memo_put(p, M_CLOSED_PATTERN, start, res);
    LEAVE(res);
}
