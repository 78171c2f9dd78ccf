/*
 * parser_impl.h - the parser's private machinery, shared by its files (not by strlit.c).
 *
 * The parser is split by responsibility:
 *   parser.c          the Parser state, token access, memoisation, the sequence stack, error
 *                     recording, the two-pass driver (parse_module) and f-string expressions
 *   parser_expr.c     expressions, atoms, comprehensions, call arguments, assignment targets
 *   parser_stmt.c     statements, blocks, function and lambda parameters
 *   parser_pattern.c  the match statement and its patterns
 *   parser_invalid.c  CPython's invalid_* rules, tried only in the second (error) pass
 *
 * Conventions every rule function follows (one function per rule of CPython 3.11's
 * Grammar/python.gram, headed by the rule):
 *   - a rule returns its result or NULL; on NULL it leaves p->pos where it found it;
 *   - a rule opens with ENTER (depth bound, bail-out once an error is recorded) and leaves
 *     through LEAVE, which keeps p->level balanced;
 *   - sequences are built on the parser's scratch stack (sp_mark / sp_push / sp_list) and
 *     copied into the arena once complete, so backtracking never leaks list storage;
 *   - positions come from the token at the rule's start and the last non-whitespace token
 *     consumed (CPython's EXTRA), through pr_loc().
 */
#ifndef AITHON_PARSER_IMPL_H
#define AITHON_PARSER_IMPL_H

#include "parser_internal.h"
#include "strlit.h"

/* CPython's MAXSTACK: rule nesting deeper than this is "too complex to parse". */
#define PARSER_MAXSTACK 6000

/* Rule ids for the memo table. */
enum {
    M_EXPRESSION = 1, M_STAR_EXPRESSION, M_DISJUNCTION, M_CONJUNCTION, M_INVERSION,
    M_BITWISE_OR, M_T_PRIMARY, M_STRINGS, M_ARGUMENTS, M_STAR_TARGET, M_TARGET_WITH_STAR_ATOM,
    M_DEL_TARGET, M_SIMPLE_STMT, M_BLOCK, M_CLOSED_PATTERN, M_STAR_PATTERN,
    M_INVALID_NAMED_EXPRESSION,
};

typedef struct Memo {
    int rule;
    int end;              /* p->pos after the rule */
    void *res;            /* NULL: the rule failed here */
    struct Memo *next;
} Memo;

struct Parser {
    const Source *src;
    Arena *arena;         /* the AST's */
    Arena *scratch;       /* memo entries; freed when parsing ends */
    Token *toks;
    int ntoks;
    const TokenArray *ta; /* for the lexer's diagnostic when toks ends in ERRORTOKEN */
    int pos;              /* CPython's mark */
    int fill;             /* one past the furthest token looked at (CPython's fill) */
    int level;            /* rule nesting depth */
    int invalid_rules;    /* second pass: CPython's call_invalid_rules */
    int failed;           /* an error was recorded: every rule fails (error_indicator) */
    int lexer_err_done;   /* the error recorded is the lexer's */
    Diag *err;
    Memo **memo;          /* per token */
    Memo *memo_free;      /* released entries, for reuse */
    Memo *memo_block;     /* the unused rest of the last block of entries */
    int memo_block_left;
    int memo_hi;          /* one past the last token with memo entries */
    int *levels;          /* paren nesting after each token (second pass, lazily) */
    void **stk;           /* the sequence stack */
    int nstk, capstk;
    /* f-string replacement fields are parsed by a child parser */
    Parser *parent;
    int fstring_col_shift;/* CPython's starting_col_offset, for f-string error columns */
    /* interned soft keywords and legacy names */
    const char *kw_match, *kw_case, *kw_underscore, *kw_print, *kw_exec;
};

/* ---- tokens ---- */
void pr_fill(Parser *p);
static inline Token *pr_peek(Parser *p)
{
    if (p->pos >= p->fill)
        pr_fill(p);
    return &p->toks[p->pos];
}
static inline int pr_at(Parser *p, TokKind k) { return pr_peek(p)->kind == k; }
/* Consumes the current token when it is of kind k; returns it, or NULL. */
static inline Token *pr_expect(Parser *p, TokKind k)
{
    Token *t = pr_peek(p);
    if (t->kind != k)
        return NULL;
    p->pos++;
    return t;
}
/* The token after the current one (a second token of lookahead). */
static inline Token *pr_peek2(Parser *p)
{
    if (pr_peek(p)->kind == TK_ENDMARKER || p->toks[p->pos].kind == TK_ERRORTOKEN)
        return &p->toks[p->pos];
    p->pos++;
    Token *t = pr_peek(p);
    p->pos--;
    return t;
}
/* A soft keyword ("match", "case", "_") is a NAME with that spelling. */
static inline int pr_at_soft(Parser *p, const char *kw)
{
    Token *t = pr_peek(p);
    return t->kind == TK_NAME && t->ident == kw;
}
/* expect the token or raise "expected 'x'" (CPython's &&'x') */
Token *pr_expect_forced(Parser *p, TokKind k, const char *text);

/* ---- rule bookkeeping ---- */
void pr_too_deep(Parser *p);
#define ENTER                                                   \
    do {                                                        \
        if (UNLIKELY(p->failed))                                \
            return NULL;                                        \
        if (UNLIKELY(++p->level > PARSER_MAXSTACK)) {           \
            pr_too_deep(p);                                     \
            p->level--;                                         \
            return NULL;                                        \
        }                                                       \
    } while (0)
#define LEAVE(x)                                                \
    do {                                                        \
        p->level--;                                             \
        return (x);                                             \
    } while (0)

/* Memoisation, as CPython's (memo) rules: the result of a rule at a position. */
Memo *pr_memo_get(Parser *p, int rule);
void pr_memo_put(Parser *p, int rule, int start, void *res);
void pr_memo_release(Parser *p, int from, int to);
/* Opens a memoised rule: returns from it at once when the memo knows the answer. */
#define MEMO_CHECK(rule)                                        \
    do {                                                        \
        Memo *m_ = pr_memo_get(p, rule);                        \
        if (m_) {                                               \
            p->pos = m_->end;                                   \
            LEAVE(m_->res);                                     \
        }                                                       \
    } while (0)

/* ---- sequences ---- */
static inline int sp_mark(Parser *p) { return p->nstk; }
void sp_push(Parser *p, void *x);
NodeList sp_list(Parser *p, int mark);        /* stk[mark..] into the arena; pops them */
IdentList sp_idents(Parser *p, int mark);
static inline void sp_reset(Parser *p, int mark) { p->nstk = mark; }

/* ---- nodes ---- */
Loc pr_loc(Parser *p, int start);             /* EXTRA: tokens[start] .. last token consumed */
Node *pr_node(Parser *p, NodeKind k, int start);
Node *pr_node_at(Parser *p, NodeKind k, Loc loc);
NodeList pr_list1(Parser *p, Node *a);
Node *pr_name_tok(Parser *p);                 /* NAME -> Name(Load), or NULL */
Node *pr_set_ctx(Parser *p, Node *e, AstCtx ctx);   /* a copy of a target with ctx */
Node *pr_empty_arguments(Parser *p);
const char *pr_expr_name(const Node *e);      /* CPython's _PyPegen_get_expr_name */

/* ---- errors ---- */
typedef enum { TT_STAR, TT_DEL, TT_FOR } TargetsType;
void pr_error_at(Parser *p, const char *kind, int line, int col, int end_line, int end_col,
                 const char *fmt, ...) PRINTF_LIKE(7, 8);
/* at the furthest token looked at (CPython's RAISE_SYNTAX_ERROR) */
void pr_error_last(Parser *p, const char *kind, const char *fmt, ...) PRINTF_LIKE(3, 4);
void pr_error_node(Parser *p, const Node *a, const char *fmt, ...) PRINTF_LIKE(3, 4);
void pr_error_range(Parser *p, const Node *a, const Node *b, const char *fmt, ...)
    PRINTF_LIKE(4, 5);
void pr_error_tok(Parser *p, const Token *a, const char *fmt, ...) PRINTF_LIKE(3, 4);
void pr_error_tokrange(Parser *p, const Token *a, const Token *b, const char *fmt, ...)
    PRINTF_LIKE(4, 5);
Node *pr_invalid_target(Node *e, TargetsType type);
void pr_raise_invalid_target(Parser *p, TargetsType type, Node *e);

/* ---- rules shared between files ---- */
/* expressions (parser_expr.c) */
Node *pr_expression(Parser *p);
Node *pr_expression_without_invalid(Parser *p);
Node *pr_expressions(Parser *p);
Node *pr_star_expressions(Parser *p);
Node *pr_star_expression(Parser *p);
Node *pr_star_named_expression(Parser *p);
int pr_star_named_expressions(Parser *p);    /* pushes the items; returns their count or 0 */
Node *pr_named_expression(Parser *p);
Node *pr_assignment_expression(Parser *p);
Node *pr_disjunction(Parser *p);
Node *pr_bitwise_or(Parser *p);
Node *pr_yield_expr(Parser *p);
Node *pr_starred_expression(Parser *p);
Node *pr_slices(Parser *p);
Node *pr_atom(Parser *p);
Node *pr_strings(Parser *p);
Node *pr_number(Parser *p);
Node *pr_list(Parser *p);
Node *pr_tuple(Parser *p);
Node *pr_genexp(Parser *p);
Node *pr_lambdef(Parser *p);
Node *pr_args(Parser *p);                    /* a Call node with func NULL carrying the lists */
Node *pr_arguments(Parser *p);
int pr_kvpair(Parser *p, Node **key, Node **value);
int pr_double_starred_kvpair(Parser *p, Node **key, Node **value);   /* key NULL: '**' */
int pr_for_if_clauses(Parser *p, NodeList *out);
Node *pr_star_targets(Parser *p);
Node *pr_star_target(Parser *p);
Node *pr_single_target(Parser *p);
Node *pr_single_subscript_attribute_target(Parser *p);
int pr_del_targets(Parser *p, NodeList *out);
Node *pr_t_primary(Parser *p);

/* statements and parameters (parser_stmt.c) */
Node *pr_file(Parser *p);
NodeList *pr_block(Parser *p);
Node *pr_params(Parser *p);
Node *pr_lambda_params(Parser *p);
Node *pr_param(Parser *p, int lambda);        /* NAME [annotation] -> arg */
Node *pr_param_no_default(Parser *p, int lambda);
Node *pr_param_with_default(Parser *p, int lambda, Node **def);
Node *pr_param_maybe_default(Parser *p, int lambda, Node **def);
int pr_slash_no_default(Parser *p, int lambda);
int pr_slash_with_default(Parser *p, int lambda);
int pr_dotted_name_str(Parser *p, const char **name);
int pr_import_from_as_names(Parser *p);
Node *pr_subject_expr(Parser *p);
Node *pr_except_block(Parser *p, int star);

/* patterns (parser_pattern.c) */
Node *pr_match_stmt(Parser *p);
Node *pr_patterns(Parser *p);
Node *pr_or_pattern(Parser *p);
Node *pr_guard(Parser *p);
Node *pr_name_or_attr(Parser *p);
int pr_positional_patterns(Parser *p);
int pr_keyword_patterns(Parser *p);

/* the invalid_* rules (parser_invalid.c); each raises an error or fails */
void *inv_arguments(Parser *p);
void *inv_kwarg(Parser *p);
void *inv_expression(Parser *p);
void *inv_legacy_expression(Parser *p);
void *inv_named_expression(Parser *p);
void *inv_assignment(Parser *p);
void *inv_del_stmt(Parser *p);
void *inv_block(Parser *p);
void *inv_comprehension(Parser *p);
void *inv_dict_comprehension(Parser *p);
void *inv_parameters(Parser *p, int lambda);
void *inv_default(Parser *p);
void *inv_star_etc(Parser *p, int lambda);
void *inv_kwds(Parser *p, int lambda);
void *inv_with_item(Parser *p);
void *inv_for_target(Parser *p);
void *inv_group(Parser *p);
void *inv_import_from_targets(Parser *p);
void *inv_with_stmt(Parser *p);
void *inv_with_stmt_indent(Parser *p);
void *inv_try_stmt(Parser *p);
void *inv_except_stmt(Parser *p);
void *inv_finally_stmt(Parser *p);
void *inv_except_stmt_indent(Parser *p);
void *inv_except_star_stmt_indent(Parser *p);
void *inv_match_stmt(Parser *p);
void *inv_case_block(Parser *p);
void *inv_as_pattern(Parser *p);
void *inv_class_pattern(Parser *p);
void *inv_if_stmt(Parser *p);
void *inv_elif_stmt(Parser *p);
void *inv_else_stmt(Parser *p);
void *inv_while_stmt(Parser *p);
void *inv_for_stmt(Parser *p);
void *inv_def_raw(Parser *p);
void *inv_class_def_raw(Parser *p);
void *inv_double_starred_kvpairs(Parser *p);

#endif
