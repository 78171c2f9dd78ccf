/*
 * parser.c - the parser's driver and machinery: token access, memoisation, the sequence
 * stack, node helpers, error recording, and f-string replacement fields.
 *
 * Entry points: parse_module() (parser.h) and, for strlit.c, parser_fstring_expr() and the
 * small accessors of parser_internal.h.  The grammar rules live in parser_expr.c,
 * parser_stmt.c, parser_pattern.c and parser_invalid.c (see parser_impl.h).
 *
 * Error strategy, as CPython 3.11's pegen (_PyPegen_run_parser):
 *   1. parse without the invalid_* rules; success ends here;
 *   2. on failure without a recorded error, remember the furthest token looked at, clear the
 *      memo and parse again with the invalid_* rules, which raise specific messages;
 *   3. if nothing was raised: "unexpected indent"/"unexpected unindent" when that token was an
 *      INDENT/DEDENT, otherwise "invalid syntax" at it;
 *   4. a parser error is then replaced by a lexer error further on in the file when CPython's
 *      tokenizer would raise one while scanning the rest of the source
 *      (_PyPegen_tokenize_full_source_to_check_for_errors).
 * The lexer's own error (the ERRORTOKEN ending the array) is reported the moment the parser
 * looks at that token, as CPython's tokenizer raises while the parser pulls tokens.
 *
 * Invariants: all AST memory is in the caller's arena; the memo lives in a scratch arena freed
 * before returning; the sequence stack is empty whenever no rule is running.
 */
#include "parser_impl.h"

#include <stdlib.h>
#include <string.h>

/* ---- tokens ---- */

static void lexer_error(Parser *p);

/* Called when the parser looks at a token beyond the furthest one seen so far: that is where
 * CPython's parser pulls a new token from the tokenizer. */
void pr_fill(Parser *p)
{
    p->fill = p->pos + 1;
    /* an ERRORTOKEN inside the array is a character like '$' that no rule accepts (CPython's
     * tokenizer returns it as an OP); only the last one carries the lexer's error */
    if (p->toks[p->pos].kind == TK_ERRORTOKEN && p->pos == p->ntoks - 1)
        lexer_error(p);
}

Token *pr_expect_forced(Parser *p, TokKind k, const char *text)
{
    Token *t = pr_peek(p);
    if (t->kind == k) {
        p->pos++;
        return t;
    }
    if (!p->failed)
        pr_error_tok(p, t, "expected '%s'", text);
    return NULL;
}

void pr_too_deep(Parser *p)
{
    /* CPython 3.11 raises MemoryError here ("Parser stack overflowed"); we report it with
     * the same class so callers can tell it from a syntax error. */
    const Token *t = &p->toks[p->fill > 0 ? p->fill - 1 : 0];
    pr_error_at(p, "MemoryError", t->line, t->col, t->end_line, t->end_col,
                "Parser stack overflowed - Python source too complex to parse");
}

/* ---- memo ---- */

Memo *pr_memo_get(Parser *p, int rule)
{
    pr_peek(p);   /* CPython's memo lookup fetches the token at the mark */
    for (Memo *m = p->memo[p->pos]; m; m = m->next)
        if (m->rule == rule)
            return m;
    return NULL;
}

void pr_memo_put(Parser *p, int rule, int start, void *res)
{
    Memo *m = p->memo_free;
    if (m) {
        p->memo_free = m->next;
    } else {
        /* entries come from the scratch arena in blocks, without per-entry alignment */
        if (p->memo_block_left == 0) {
            p->memo_block = arena_alloc(p->scratch, sizeof(Memo) * 1024);
            p->memo_block_left = 1024;
        }
        m = p->memo_block++;
        p->memo_block_left--;
    }
    m->rule = rule;
    m->end = res ? p->pos : start;
    m->res = res;
    m->next = p->memo[start];
    p->memo[start] = m;
    if (start >= p->memo_hi)
        p->memo_hi = start + 1;
}

/* Forgets what the memo knows about tokens [from, to): called once a statement is complete,
 * since no rule ever goes back into a finished statement, so that memory stays proportional
 * to the largest statement rather than to the file.  The memo is a pure cache: forgetting
 * never changes a result. */
void pr_memo_release(Parser *p, int from, int to)
{
    for (int i = from; i < to; i++) {
        Memo *m = p->memo[i];
        if (!m)
            continue;
        Memo *last = m;
        while (last->next)
            last = last->next;
        last->next = p->memo_free;
        p->memo_free = m;
        p->memo[i] = NULL;
    }
    if (to >= p->memo_hi && from < p->memo_hi)
        p->memo_hi = from;
}

/* ---- the sequence stack ---- */

void sp_push(Parser *p, void *x)
{
    if (p->nstk == p->capstk) {
        p->capstk = p->capstk ? 2 * p->capstk : 256;
        p->stk = xrealloc(p->stk, sizeof(void *) * (size_t)p->capstk);
    }
    p->stk[p->nstk++] = x;
}

NodeList sp_list(Parser *p, int mark)
{
    if (p->nstk == mark)
        return (NodeList){0, NULL};
    NodeList l = ast_list(p->arena, (Node **)p->stk + mark, p->nstk - mark);
    p->nstk = mark;
    return l;
}

IdentList sp_idents(Parser *p, int mark)
{
    if (p->nstk == mark)
        return (IdentList){0, NULL};
    IdentList l = ast_idents(p->arena, (const char **)p->stk + mark, p->nstk - mark);
    p->nstk = mark;
    return l;
}

/* ---- nodes ---- */

/* CPython's EXTRA: the start of the token where the rule began, the end of the last token
 * consumed that is not NEWLINE, INDENT, DEDENT or ENDMARKER. */
Loc pr_loc(Parser *p, int start)
{
    const Token *s = &p->toks[start];
    const Token *e = s;
    for (int m = p->pos - 1; m >= 0; m--) {
        e = &p->toks[m];
        if (e->kind != TK_NEWLINE && e->kind != TK_INDENT && e->kind != TK_DEDENT &&
            e->kind != TK_ENDMARKER)
            break;
    }
    return (Loc){s->line, s->col, e->end_line, e->end_col, 0};
}

Node *pr_node(Parser *p, NodeKind k, int start) { return ast_new(p->arena, k, pr_loc(p, start)); }

Node *pr_node_at(Parser *p, NodeKind k, Loc loc) { return ast_new(p->arena, k, loc); }

NodeList pr_list1(Parser *p, Node *a) { return ast_list(p->arena, &a, 1); }

Node *pr_name_tok(Parser *p)
{
    Token *t = pr_peek(p);
    if (t->kind != TK_NAME)
        return NULL;
    p->pos++;
    Node *n = ast_new(p->arena, N_Name, (Loc){t->line, t->col, t->end_line, t->end_col, 0});
    n->v.Name.id = t->ident;
    n->v.Name.ctx = Ctx_Load;
    return n;
}

/* CPython's _PyPegen_set_expr_context: targets are copied, never changed in place, because a
 * memoised node may be shared with another parse of the same tokens. */
Node *pr_set_ctx(Parser *p, Node *e, AstCtx ctx)
{
    Node *n;
    switch (e->kind) {
    case N_Name:
    case N_Attribute:
    case N_Subscript:
        n = ast_new(p->arena, e->kind, e->loc);
        n->v = e->v;
        if (e->kind == N_Name)
            n->v.Name.ctx = ctx;
        else if (e->kind == N_Attribute)
            n->v.Attribute.ctx = ctx;
        else
            n->v.Subscript.ctx = ctx;
        return n;
    case N_Starred:
        n = ast_new(p->arena, e->kind, e->loc);
        n->v.Starred.value = pr_set_ctx(p, e->v.Starred.value, ctx);
        n->v.Starred.ctx = ctx;
        return n;
    case N_Tuple:
    case N_List: {
        const NodeList *src = e->kind == N_Tuple ? &e->v.Tuple.elts : &e->v.List.elts;
        NodeList l = {src->n, NULL};
        if (src->n > 0) {
            l.v = arena_alloc(p->arena, sizeof(Node *) * (size_t)src->n);
            for (int i = 0; i < src->n; i++)
                l.v[i] = pr_set_ctx(p, src->v[i], ctx);
        }
        n = ast_new(p->arena, e->kind, e->loc);
        if (e->kind == N_Tuple) {
            n->v.Tuple.elts = l;
            n->v.Tuple.ctx = ctx;
        } else {
            n->v.List.elts = l;
            n->v.List.ctx = ctx;
        }
        return n;
    }
    default:
        return e;
    }
}

Node *pr_empty_arguments(Parser *p) { return ast_new(p->arena, N_arguments, (Loc){0}); }

const char *pr_expr_name(const Node *e)
{
    switch (e->kind) {
    case N_Attribute: return "attribute";
    case N_Subscript: return "subscript";
    case N_Starred: return "starred";
    case N_Name: return "name";
    case N_List: return "list";
    case N_Tuple: return "tuple";
    case N_Lambda: return "lambda";
    case N_Call: return "function call";
    case N_BoolOp:
    case N_BinOp:
    case N_UnaryOp: return "expression";
    case N_GeneratorExp: return "generator expression";
    case N_Yield:
    case N_YieldFrom: return "yield expression";
    case N_Await: return "await expression";
    case N_ListComp: return "list comprehension";
    case N_SetComp: return "set comprehension";
    case N_DictComp: return "dict comprehension";
    case N_Dict: return "dict literal";
    case N_Set: return "set display";
    case N_JoinedStr:
    case N_FormattedValue: return "f-string expression";
    case N_Constant:
        switch (e->v.Constant.value->kind) {
        case CK_NONE: return "None";
        case CK_FALSE: return "False";
        case CK_TRUE: return "True";
        case CK_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case N_Compare: return "comparison";
    case N_IfExp: return "conditional expression";
    case N_NamedExpr: return "named expression";
    default: return "???";
    }
}

/* ---- errors ---- */

static Parser *root_of(Parser *p)
{
    while (p->parent)
        p = p->parent;
    return p;
}

static void verror_at(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
                      const char *fmt, va_list ap)
{
    if (p->failed)
        return;   /* the first error wins */
    p->failed = 1;
    Buf b = {0};
    if (p->parent) {
        /* an f-string replacement field: CPython prefixes the message and reports columns
         * relative to the "(<expression>)" string it parsed */
        buf_puts(&b, "f-string: ");
        /* unconditionally, as CPython does, even for a line after the field's first (which
         * can give a negative offset) */
        col -= p->fstring_col_shift;
        if (end_col >= 0)
            end_col -= p->fstring_col_shift;
    }
    buf_vprintf(&b, fmt, ap);
    diag_set(p->err, root_of(p)->src, line, col, kind, "%s", b.p);
    p->err->end_line = end_line;
    p->err->end_col = end_col;
    buf_free(&b);
}

void pr_error_at(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, kind, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
}

/* INDENT, DEDENT and ENDMARKER have no column in CPython (-1).  An error at such a token
 * "with a known location" then gets offset 0; one at the furthest token uses the tokenizer's
 * position as the 1-based offset, which the lexer stores as the token's column (lexer.c). */
static int no_col(const Token *t)
{
    return t->kind == TK_INDENT || t->kind == TK_DEDENT || t->kind == TK_ENDMARKER;
}

static int tok_err_col(const Token *t) { return no_col(t) ? -1 : t->col; }

static int last_tok_err_col(const Token *t) { return no_col(t) ? t->col - 1 : t->col; }

void pr_error_last(Parser *p, const char *kind, const char *fmt, ...)
{
    const Token *t = &p->toks[p->fill > 0 ? p->fill - 1 : 0];
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, kind, t->line, last_tok_err_col(t), t->end_line, t->end_col, fmt, ap);
    va_end(ap);
}

void pr_error_node(Parser *p, const Node *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, "SyntaxError", a->loc.line, a->loc.col, a->loc.end_line, a->loc.end_col, fmt,
              ap);
    va_end(ap);
}

void pr_error_range(Parser *p, const Node *a, const Node *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, "SyntaxError", a->loc.line, a->loc.col, b->loc.end_line, b->loc.end_col, fmt,
              ap);
    va_end(ap);
}

void pr_error_tok(Parser *p, const Token *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, "SyntaxError", a->line, tok_err_col(a), a->end_line, a->end_col, fmt, ap);
    va_end(ap);
}

void pr_error_tokrange(Parser *p, const Token *a, const Token *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, "SyntaxError", a->line, a->col, b->end_line, b->end_col, fmt, ap);
    va_end(ap);
}

/* CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be a target. */
Node *pr_invalid_target(Node *e, TargetsType type)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case N_List:
    case N_Tuple: {
        const NodeList *l = e->kind == N_List ? &e->v.List.elts : &e->v.Tuple.elts;
        for (int i = 0; i < l->n; i++) {
            Node *c = pr_invalid_target(l->v[i], type);
            if (c)
                return c;
        }
        return NULL;
    }
    case N_Starred:
        if (type == TT_DEL)
            return e;
        return pr_invalid_target(e->v.Starred.value, type);
    case N_Compare:
        /* `for a in b` parses `a in b` as a comparison: look at its left side */
        if (type == TT_FOR) {
            if (e->v.Compare.ops.v[0] == Cmp_In)
                return pr_invalid_target(e->v.Compare.left, type);
            return NULL;
        }
        return e;
    case N_Name:
    case N_Subscript:
    case N_Attribute:
        return NULL;
    default:
        return e;
    }
}

void pr_raise_invalid_target(Parser *p, TargetsType type, Node *e)
{
    Node *t = pr_invalid_target(e, type);
    if (!t)
        return;
    pr_error_node(p, t, type == TT_DEL ? "cannot delete %s" : "cannot assign to %s",
                  pr_expr_name(t));
}

/* Lexer diagnostics that CPython's tokenizer reports through an error code rather than by
 * raising: they surface only when the parser reaches them, and do not replace an earlier
 * parser error (except an unclosed bracket, handled apart). */
static int lexer_err_is_code(const Diag *d)
{
    if (!d->msg)
        return 1;
    if (d->kind && strcmp(d->kind, "SyntaxError") != 0)
        return 1;   /* IndentationError, TabError */
    static const char *const coded[] = {"unexpected character after line continuation",
                                        "unexpected EOF"};
    for (size_t i = 0; i < countof(coded); i++)
        if (strncmp(d->msg, coded[i], strlen(coded[i])) == 0)
            return 1;
    return strstr(d->msg, "was never closed") != NULL;
}

static void copy_lexer_error(Parser *p)
{
    const Diag *d = &p->ta->err;
    Buf b = {0};
    if (p->parent)
        buf_puts(&b, "f-string: ");
    buf_puts(&b, d->msg ? d->msg : "invalid token");
    diag_set(p->err, root_of(p)->src, d->line, d->col, d->kind ? d->kind : "SyntaxError", "%s",
             b.p);
    p->err->end_line = d->end_line;
    p->err->end_col = d->end_col;
    buf_free(&b);
    p->failed = 1;
    p->lexer_err_done = 1;
}

static void lexer_error(Parser *p)
{
    if (!p->failed)
        copy_lexer_error(p);
}

/* After a parser error: would CPython's tokenizer, scanning on to the end of the file, raise
 * an error that replaces it? */
static void lexer_error_override(Parser *p)
{
    if (p->lexer_err_done || p->toks[p->ntoks - 1].kind != TK_ERRORTOKEN)
        return;
    const Diag *d = &p->ta->err;
    if (d->msg && strstr(d->msg, "was never closed")) {
        /* an unclosed bracket wins when it opened on a line before the error's */
        int cur_line = p->toks[p->fill > 0 ? p->fill - 1 : 0].line;
        if (cur_line > d->line)
            copy_lexer_error(p);
        return;
    }
    if (!lexer_err_is_code(d)) {
        copy_lexer_error(p);
        return;
    }
    /* A coded error (a stray character after a line continuation) met inside brackets makes
     * CPython's scan report the innermost bracket still open there, if it opened on a line
     * before the error's. */
    int cur_line = p->toks[p->fill > 0 ? p->fill - 1 : 0].line;
    int depth = 0, *open = xmalloc(sizeof(int) * (size_t)p->ntoks);
    for (int i = 0; i < p->ntoks - 1; i++) {
        TokKind k = p->toks[i].kind;
        if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE)
            open[depth++] = i;
        else if ((k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) && depth > 0)
            depth--;
    }
    if (depth > 0) {
        const Token *b = &p->toks[open[depth - 1]];
        if (cur_line > b->line) {
            p->failed = 0;   /* this report replaces the parser's */
            pr_error_at(p, "SyntaxError", b->line, b->col, b->line, -1, "'%c' was never closed",
                        b->start[0]);
        }
    }
    free(open);
}

/* ---- the driver ---- */

static void parser_init(Parser *p, const Source *src, Arena *a, Diag *err, const TokenArray *ta)
{
    memset(p, 0, sizeof *p);
    p->src = src;
    p->arena = a;
    p->scratch = arena_new();
    p->ta = ta;
    p->toks = ta->v;
    p->ntoks = ta->n;
    p->err = err;
    p->memo = arena_alloc(p->scratch, sizeof(Memo *) * (size_t)p->ntoks);
    p->capstk = 256;
    p->stk = xmalloc(sizeof(void *) * (size_t)p->capstk);
    p->kw_match = intern_cstr("match");
    p->kw_case = intern_cstr("case");
    p->kw_underscore = intern_cstr("_");
    p->kw_print = intern_cstr("print");
    p->kw_exec = intern_cstr("exec");
}

static void parser_done(Parser *p)
{
    arena_free(p->scratch);
    free(p->stk);
}

typedef Node *(*StartRule)(Parser *p);

/* CPython's _PyPegen_run_parser: two passes, then the choice of the error to report. */
static Node *run_parser(Parser *p, StartRule start)
{
    int level0 = p->level;
    Node *res = start(p);
    if (res && !p->failed)
        return res;
    if (!p->failed) {
        int last = p->fill > 0 ? p->fill - 1 : 0;
        /* second pass, with the invalid_* rules */
        pr_memo_release(p, 0, p->ntoks);
        p->pos = 0;
        p->nstk = 0;
        p->level = level0;
        p->invalid_rules = 1;
        /* nothing the second pass builds outlives it: only its diagnostic (copied) does */
        Arena *ast_arena = p->arena;
        p->arena = arena_new();
        start(p);
        arena_free(p->arena);
        p->arena = ast_arena;
        if (!p->failed) {
            const Token *t = &p->toks[last];
            if (t->kind == TK_INDENT || t->kind == TK_DEDENT) {
                pr_error_last(p, "IndentationError", t->kind == TK_INDENT ? "unexpected indent"
                                                                          : "unexpected unindent");
                return NULL;
            }
            pr_error_tok(p, t, "invalid syntax");
        }
    }
    lexer_error_override(p);
    return NULL;
}

Node *parse_module(const Source *src, Arena *a, Diag *err)
{
    TokenArray ta = {0};
    lex(src, src->text, src->len, 1, 0, LEX_FILE, &ta);
    if (ta.n == 0) {   /* cannot happen with a working lexer; keep the invariant anyway */
        tokens_free(&ta);
        diag_set(err, src, 1, 0, "SyntaxError", "invalid syntax");
        return NULL;
    }
    Parser p;
    parser_init(&p, src, a, err, &ta);
    Node *m = run_parser(&p, pr_file);
    parser_done(&p);
    tokens_free(&ta);
    return m;
}

/* ---- the strlit.c interface ---- */

Arena *parser_arena(Parser *p) { return p->arena; }

const Source *parser_source(Parser *p) { return root_of(p)->src; }

int parser_failed(Parser *p) { return p->failed; }

void parser_error(Parser *p, int line, int col, int end_line, int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, "SyntaxError", line, col, end_line, end_col, fmt, ap);
    va_end(ap);
}

/* fstring: star_expressions  (the start rule of a replacement field, given "(<text>)") */
static Node *fstring_rule(Parser *p)
{
    return pr_star_expressions(p);
}

Node *parser_fstring_expr(Parser *p, const char *text, size_t len, int line, int col)
{
    if (p->failed)
        return NULL;
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\f'))
        i++;
    if (i == len) {
        char c = text[len];
        if (c == '!' || c == ':' || c == '=')
            pr_error_last(p, "SyntaxError", "f-string: expression required before '%c'", c);
        else
            pr_error_last(p, "SyntaxError", "f-string: empty expression not allowed");
        return NULL;
    }

    /* CPython parses "(" text ")": the parentheses are synthesised around the field's tokens,
     * the "(" just before text[0] and the ")" just after its last byte. */
    TokenArray ta = {0};
    lex(parser_source(p), text, len, line, col, LEX_FSTRING_EXPR, &ta);
    TokenArray wrapped = {0};
    wrapped.n = ta.n + 2;
    wrapped.v = xmalloc(sizeof(Token) * (size_t)wrapped.n);
    wrapped.err = ta.err;
    Token *lp = &wrapped.v[0];
    memset(lp, 0, sizeof *lp);
    lp->kind = TK_LPAR;
    lp->line = lp->end_line = line;
    lp->col = col - 1;
    lp->end_col = col;
    lp->start = text - 1;
    lp->len = 1;
    memcpy(wrapped.v + 1, ta.v, sizeof(Token) * (size_t)ta.n);
    if (ta.v[ta.n - 1].kind == TK_ERRORTOKEN) {
        /* the lexer stopped inside the field: CPython's tokenizer fails before reaching the
         * closing ")", so there is none */
        wrapped.n = ta.n + 1;
        goto parse;
    }
    Token *last = &wrapped.v[ta.n];   /* the ENDMARKER, moved one further */
    wrapped.v[ta.n + 1] = *last;
    Token *rp = last;
    memset(rp, 0, sizeof *rp);
    rp->kind = TK_RPAR;
    int eline = line, ecol = col;
    for (size_t k = 0; k < len; k++) {
        if (text[k] == '\n') {
            eline++;
            ecol = 0;
        } else {
            ecol++;
        }
    }
    rp->line = rp->end_line = eline;
    rp->col = ecol;
    rp->end_col = ecol + 1;
    rp->start = text + len;
    rp->len = 1;

parse:;
    Parser child;
    parser_init(&child, parser_source(p), p->arena, p->err, &wrapped);
    child.parent = p;
    /* CPython's field parser starts from depth 0; ours continues the parent's, so that the C
     * stack stays bounded however the fields nest */
    child.level = p->level;
    child.fstring_col_shift = col - 1;
    Node *e = run_parser(&child, fstring_rule);
    if (child.failed) {
        p->failed = 1;
        e = NULL;
    }
    parser_done(&child);
    free(wrapped.v);
    ta.err.msg = NULL;   /* now owned by nobody else: wrapped.err shared it */
    free(wrapped.err.msg);
    tokens_free(&ta);
    return e;
}
