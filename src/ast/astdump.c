/*
 * astdump.c - ast_dump(): the AST printed exactly as Python 3.11's ast.dump().
 *
 * The walk is generic over the ast_nodes[] table (ast.def), following ast.dump's rules with
 * annotate_fields=True and no indent:
 *   - a node prints as Kind(field=value, ...), fields in _fields order;
 *   - an optional field (O, Q) whose value is None is left out, as ast.dump skips a None that
 *     equals the class default; lists always print, `[]` when empty, and None inside a list
 *     (Dict.keys, kw_defaults) prints as None;
 *   - enumerations print as nodes without fields (`Load()`, `Add()`), the comparison operators
 *     as a list of them; identifiers, strings and constants print with Python's repr (pyrepr.c);
 *   - with positions (include_attributes=True), the kinds that have _attributes in CPython
 *     (stmt, expr, pattern, excepthandler, arg, keyword, alias) get lineno, col_offset,
 *     end_lineno, end_col_offset after their fields.
 *
 * Trees may be very deep (a 10,000-term chain of `a + a + ...` is valid Python), so the walk
 * uses an explicit stack of pending work instead of C recursion.  Each work item is a piece of
 * literal text, a node to open, a field to print, or a node's positions; a node pushes its
 * pieces in reverse so that they pop in output order.
 */
#include "ast.h"
#include "pyrepr.h"

#include <stdlib.h>
#include <string.h>

typedef enum WorkKind { W_TEXT, W_NODE, W_FIELD, W_ATTRS } WorkKind;

typedef struct Work {
    WorkKind kind;
    const Node *node;      /* W_NODE, W_FIELD, W_ATTRS; NULL for W_NODE means None */
    const void *p;         /* W_TEXT: the text; W_FIELD: the FieldDesc */
} Work;

typedef struct Stack {
    Work *v;
    size_t n, cap;
} Stack;

static void push(Stack *s, WorkKind kind, const Node *node, const void *p)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = xrealloc(s->v, s->cap * sizeof(Work));
    }
    s->v[s->n++] = (Work){kind, node, p};
}

/* Whether CPython's class for this kind has _attributes (the position fields). */
static int has_positions(NodeKind k)
{
    switch (ast_nodes[k].category) {
    case CAT_STMT: case CAT_EXPR: case CAT_PAT: case CAT_HANDLER:
        return 1;
    default:
        return k == N_arg || k == N_keyword || k == N_alias;
    }
}

/* Whether ast.dump leaves the field out: an optional field holding None. */
static int field_omitted(const Node *n, const FieldDesc *f)
{
    const char *p = (const char *)n + f->offset;
    if (f->type == FT_O)
        return *(Node *const *)p == NULL;
    if (f->type == FT_Q)
        return *(const char *const *)p == NULL;
    return 0;
}

static void dump_const(Buf *out, const Const *c)
{
    switch (c->kind) {
    case CK_NONE: buf_puts(out, "None"); break;
    case CK_TRUE: buf_puts(out, "True"); break;
    case CK_FALSE: buf_puts(out, "False"); break;
    case CK_ELLIPSIS: buf_puts(out, "Ellipsis"); break;
    case CK_INT:
        if (c->bigdec)
            buf_puts(out, c->bigdec);
        else
            pyrepr_int(out, c->i);
        break;
    case CK_FLOAT: pyrepr_float(out, c->f); break;
    case CK_COMPLEX: pyrepr_complex(out, 0.0, c->f); break;
    case CK_STR: pyrepr_str(out, c->s, c->len); break;
    case CK_BYTES: pyrepr_bytes(out, c->s, c->len); break;
    }
}

static void dump_ident(Buf *out, const char *s)
{
    pyrepr_str(out, s, strlen(s));
}

/* Prints one field as name=value.  Scalars print at once; nodes and lists push their parts. */
static void dump_field(Buf *out, Stack *st, const Node *n, const FieldDesc *f)
{
    const char *p = (const char *)n + f->offset;
    buf_puts(out, f->name);
    buf_putc(out, '=');
    switch (f->type) {
    case FT_N:
    case FT_O:
        push(st, W_NODE, *(Node *const *)p, NULL);
        break;
    case FT_L:
    case FT_LO: {
        const NodeList *l = (const NodeList *)p;
        buf_putc(out, '[');
        push(st, W_TEXT, NULL, "]");
        for (int i = l->n - 1; i >= 0; i--) {
            push(st, W_NODE, l->v[i], NULL);
            if (i > 0)
                push(st, W_TEXT, NULL, ", ");
        }
        break;
    }
    case FT_I:
    case FT_Q:
        dump_ident(out, *(const char *const *)p);
        break;
    case FT_IL: {
        const IdentList *l = (const IdentList *)p;
        buf_putc(out, '[');
        for (int i = 0; i < l->n; i++) {
            if (i > 0)
                buf_puts(out, ", ");
            dump_ident(out, l->v[i]);
        }
        buf_putc(out, ']');
        break;
    }
    case FT_C:
        dump_const(out, *(Const *const *)p);
        break;
    case FT_CTX:
        buf_printf(out, "%s()", ast_ctx_names[*(const AstCtx *)p]);
        break;
    case FT_BOP:
        buf_printf(out, "%s()", ast_boolop_names[*(const AstBoolOp *)p]);
        break;
    case FT_OP:
        buf_printf(out, "%s()", ast_op_names[*(const AstOp *)p]);
        break;
    case FT_UOP:
        buf_printf(out, "%s()", ast_unop_names[*(const AstUnaryOp *)p]);
        break;
    case FT_CMPS: {
        const IntList *l = (const IntList *)p;
        buf_putc(out, '[');
        for (int i = 0; i < l->n; i++)
            buf_printf(out, "%s%s()", i > 0 ? ", " : "", ast_cmpop_names[l->v[i]]);
        buf_putc(out, ']');
        break;
    }
    case FT_INT:
        buf_printf(out, "%d", *(const int *)p);
        break;
    }
}

/* Opens a node: prints Kind( and pushes its fields, positions and the closing parenthesis. */
static void open_node(Buf *out, Stack *st, const Node *n, int positions)
{
    const NodeDesc *d = &ast_nodes[n->kind];
    buf_puts(out, d->name);
    buf_putc(out, '(');
    push(st, W_TEXT, NULL, ")");

    const FieldDesc *present[16];
    int np = 0;
    for (const FieldDesc *f = d->fields; f->name; f++)
        if (!field_omitted(n, f))
            present[np++] = f;
    int attrs = positions && has_positions(n->kind);
    if (attrs)
        push(st, W_ATTRS, n, np > 0 ? ", " : "");
    for (int i = np - 1; i >= 0; i--) {
        push(st, W_FIELD, n, present[i]);
        if (i > 0)
            push(st, W_TEXT, NULL, ", ");
    }
}

void ast_dump(Buf *out, const Node *node, int positions)
{
    Stack st = {0};
    push(&st, W_NODE, node, NULL);
    while (st.n > 0) {
        Work w = st.v[--st.n];
        switch (w.kind) {
        case W_TEXT:
            buf_puts(out, w.p);
            break;
        case W_NODE:
            if (!w.node)
                buf_puts(out, "None");
            else
                open_node(out, &st, w.node, positions);
            break;
        case W_FIELD:
            dump_field(out, &st, w.node, w.p);
            break;
        case W_ATTRS: {
            const Loc *l = &w.node->loc;
            buf_printf(out, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                       (const char *)w.p, l->line, l->col, l->end_line, l->end_col);
            break;
        }
        }
    }
    free(st.v);
}
