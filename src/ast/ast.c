/*
 * ast.c - the node table generated from ast.def, constructors, and the AST verifier.
 */
#include "ast.h"

#include <stddef.h>
#include <string.h>

/* field descriptors, one array per kind with fields */
#define F(K, T, name) {#name, FT_##T, offsetof(Node, v.K.name)},
#define NODE(K, C, ...) static const FieldDesc fields_##K[] = {__VA_ARGS__{NULL, FT_N, 0}};
#define NODE0(K, C) static const FieldDesc fields_##K[] = {{NULL, FT_N, 0}};
#include "ast.def"
#undef F
#undef NODE
#undef NODE0

const NodeDesc ast_nodes[N__COUNT] = {
#define NODE(K, C, ...) [N_##K] = {#K, CAT_##C, fields_##K},
#define NODE0(K, C) [N_##K] = {#K, CAT_##C, fields_##K},
#include "ast.def"
#undef NODE
#undef NODE0
};

#define AST_ENUMS
#define NODE(K, C, ...)
#define NODE0(K, C)
#define CTX_ENUM(X)
#define BOOLOP_ENUM(X)
#define OP_ENUM(X)
#define UNOP_ENUM(X)
#define CMP_ENUM(X)

#undef CTX_ENUM
#define CTX_ENUM(X) #X,
const char *const ast_ctx_names[] = {
#include "ast.def"
};
#undef CTX_ENUM
#define CTX_ENUM(X)

#undef BOOLOP_ENUM
#define BOOLOP_ENUM(X) #X,
const char *const ast_boolop_names[] = {
#include "ast.def"
};
#undef BOOLOP_ENUM
#define BOOLOP_ENUM(X)

#undef OP_ENUM
#define OP_ENUM(X) #X,
const char *const ast_op_names[] = {
#include "ast.def"
};
#undef OP_ENUM
#define OP_ENUM(X)

#undef UNOP_ENUM
#define UNOP_ENUM(X) #X,
const char *const ast_unop_names[] = {
#include "ast.def"
};
#undef UNOP_ENUM
#define UNOP_ENUM(X)

#undef CMP_ENUM
#define CMP_ENUM(X) #X,
const char *const ast_cmpop_names[] = {
#include "ast.def"
};
#undef CMP_ENUM
#undef CTX_ENUM
#undef BOOLOP_ENUM
#undef OP_ENUM
#undef UNOP_ENUM
#undef NODE
#undef NODE0
#undef AST_ENUMS

Node *ast_new(Arena *a, NodeKind kind, Loc loc)
{
    Node *n = arena_alloc(a, sizeof(Node));
    n->kind = kind;
    n->loc = loc;
    return n;
}

Const *ast_const(Arena *a, ConstKind kind)
{
    Const *c = arena_alloc(a, sizeof(Const));
    c->kind = kind;
    return c;
}

NodeList ast_list(Arena *a, Node **items, int n)
{
    NodeList l = {n, NULL};
    if (n > 0) {
        l.v = arena_alloc(a, sizeof(Node *) * (size_t)n);
        memcpy(l.v, items, sizeof(Node *) * (size_t)n);
    }
    return l;
}

IdentList ast_idents(Arena *a, const char **items, int n)
{
    IdentList l = {n, NULL};
    if (n > 0) {
        l.v = arena_alloc(a, sizeof(char *) * (size_t)n);
        memcpy(l.v, items, sizeof(char *) * (size_t)n);
    }
    return l;
}

IntList ast_ints(Arena *a, const int *items, int n)
{
    IntList l = {n, NULL};
    if (n > 0) {
        l.v = arena_alloc(a, sizeof(int) * (size_t)n);
        memcpy(l.v, items, sizeof(int) * (size_t)n);
    }
    return l;
}

/* ---- verifier ----
 * Walks the tree with an explicit stack (the tree may be deep) and checks what the table
 * promises: required children present, list items non-NULL where None is not allowed, kinds in
 * range, and the right category for statement bodies. */
static int verify_fail(const Node *n, const char *field, const char *what)
{
    fprintf(stderr, "aithon: AST verifier: %s.%s at %d:%d: %s\n", ast_nodes[n->kind].name,
            field, n->loc.line, n->loc.col, what);
    return -1;
}

int ast_verify(const Node *root)
{
    PtrVec stack = {0};
    int rc = 0;
    vec_push(&stack, (void *)root);
    while (stack.n > 0 && rc == 0) {
        const Node *n = stack.v[--stack.n];
        if ((unsigned)n->kind >= N__COUNT) {
            fprintf(stderr, "aithon: AST verifier: bad node kind %d\n", (int)n->kind);
            rc = -1;
            break;
        }
        for (const FieldDesc *f = ast_nodes[n->kind].fields; f->name && rc == 0; f++) {
            const char *p = (const char *)n + f->offset;
            switch (f->type) {
            case FT_N:
            case FT_O: {
                Node *c = *(Node *const *)p;
                if (c)
                    vec_push(&stack, c);
                else if (f->type == FT_N)
                    rc = verify_fail(n, f->name, "required field is NULL");
                break;
            }
            case FT_L:
            case FT_LO: {
                const NodeList *l = (const NodeList *)p;
                for (int i = 0; i < l->n; i++) {
                    if (l->v[i])
                        vec_push(&stack, l->v[i]);
                    else if (f->type == FT_L)
                        rc = verify_fail(n, f->name, "NULL item in a list without None");
                }
                break;
            }
            case FT_I:
                if (!*(const char *const *)p)
                    rc = verify_fail(n, f->name, "identifier is NULL");
                break;
            case FT_C:
                if (!*(Const *const *)p)
                    rc = verify_fail(n, f->name, "constant is NULL");
                break;
            default:
                break;
            }
        }
        /* bodies hold statements only */
        if (rc == 0 && (n->kind == N_Module || n->kind == N_FunctionDef || n->kind == N_If ||
                        n->kind == N_While || n->kind == N_For)) {
            const NodeList *body = n->kind == N_Module ? &n->v.Module.body
                                   : n->kind == N_FunctionDef ? &n->v.FunctionDef.body
                                   : n->kind == N_If ? &n->v.If.body
                                   : n->kind == N_While ? &n->v.While.body
                                                        : &n->v.For.body;
            for (int i = 0; i < body->n && rc == 0; i++)
                if (body->v[i] && !ast_is_stmt(body->v[i]))
                    rc = verify_fail(n, "body", "non-statement in a body");
        }
    }
    vec_free(&stack);
    return rc;
}
