/*
 * ast.h - the abstract syntax tree, node for node CPython 3.11's `ast` module.
 *
 * Every node is a `Node`: a kind, a source range, and a union member named after the kind whose
 * fields are those of ast.def (so `n->v.BinOp.left`, `n->v.FunctionDef.body`).  Sequences are
 * NodeList; identifiers are interned C strings (compare with ==).  All nodes, lists and constants
 * of one program live in one Arena and are freed together.
 *
 * Positions follow CPython: lineno and end_lineno are 1-based, col_offset and end_col_offset are
 * 0-based byte offsets into the UTF-8 line.  A node the compiler synthesises (not written by the
 * user) has Loc.synthetic set.
 *
 * Entry points: ast_new() to build, ast_dump() (astdump.c) to print as Python's ast.dump(),
 * ast_verify() to check the invariants below after parsing.
 * Invariants: required (N) fields are never NULL; Name/Attribute/Subscript/Starred/List/Tuple
 * carry the context they are used in (Load/Store/Del), as CPython sets it.
 */
#ifndef AITHON_AST_H
#define AITHON_AST_H

#include <stdint.h>
#include <stdio.h>
#include "../util/util.h"

typedef struct Node Node;

typedef struct Loc {
    int line, col;          /* lineno, col_offset */
    int end_line, end_col;  /* end_lineno, end_col_offset */
    int synthetic;          /* nonzero: made by the compiler, not in the source */
} Loc;

typedef struct NodeList {
    int n;
    Node **v;
} NodeList;

typedef struct IdentList {
    int n;
    const char **v;
} IdentList;

typedef struct IntList {
    int n;
    int *v;
} IntList;

/* A constant value: Constant.value and MatchSingleton.value. */
typedef enum ConstKind {
    CK_NONE, CK_TRUE, CK_FALSE, CK_ELLIPSIS,
    CK_INT,      /* small: i;  big (does not fit int64): bigdec holds the decimal digits */
    CK_FLOAT,    /* f */
    CK_COMPLEX,  /* imaginary literal: real part 0, imaginary part f */
    CK_STR,      /* s/len: UTF-8, where lone surrogates (from \ud800 escapes) are encoded as
                    3-byte sequences (generalised UTF-8) */
    CK_BYTES,    /* s/len: raw bytes */
} ConstKind;

typedef struct Const {
    ConstKind kind;
    int64_t i;
    const char *bigdec;   /* CK_INT beyond int64: optional '-' then decimal digits; else NULL */
    double f;
    const char *s;        /* CK_STR, CK_BYTES: not NUL-terminated in general (may hold NULs) */
    size_t len;
} Const;

/* ---- enumerations ---- */
#define AST_ENUMS
#define NODE(K, C, ...)
#define NODE0(K, C)
#define CTX_ENUM(X)
#define BOOLOP_ENUM(X)
#define OP_ENUM(X)
#define UNOP_ENUM(X)
#define CMP_ENUM(X)

#undef CTX_ENUM
#define CTX_ENUM(X) Ctx_##X,
typedef enum AstCtx {
#include "ast.def"
} AstCtx;
#undef CTX_ENUM
#define CTX_ENUM(X)

#undef BOOLOP_ENUM
#define BOOLOP_ENUM(X) BoolOp_##X,
typedef enum AstBoolOp {
#include "ast.def"
} AstBoolOp;
#undef BOOLOP_ENUM
#define BOOLOP_ENUM(X)

#undef OP_ENUM
#define OP_ENUM(X) Op_##X,
typedef enum AstOp {
#include "ast.def"
} AstOp;
#undef OP_ENUM
#define OP_ENUM(X)

#undef UNOP_ENUM
#define UNOP_ENUM(X) UnOp_##X,
typedef enum AstUnaryOp {
#include "ast.def"
} AstUnaryOp;
#undef UNOP_ENUM
#define UNOP_ENUM(X)

#undef CMP_ENUM
#define CMP_ENUM(X) Cmp_##X,
typedef enum AstCmpOp {
#include "ast.def"
} AstCmpOp;

#undef CTX_ENUM
#undef BOOLOP_ENUM
#undef OP_ENUM
#undef UNOP_ENUM
#undef CMP_ENUM
#undef NODE
#undef NODE0
#undef AST_ENUMS

/* ---- node kinds: N_Module, N_FunctionDef, ... ---- */
typedef enum NodeKind {
#define NODE(K, C, ...) N_##K,
#define NODE0(K, C) N_##K,
#include "ast.def"
#undef NODE
#undef NODE0
    N__COUNT
} NodeKind;

typedef enum NodeCategory { CAT_MOD, CAT_STMT, CAT_EXPR, CAT_PAT, CAT_HANDLER, CAT_AUX } NodeCategory;

/* C types of the field columns */
typedef Node *AstF_N;
typedef Node *AstF_O;
typedef NodeList AstF_L;
typedef NodeList AstF_LO;
typedef const char *AstF_I;
typedef const char *AstF_Q;
typedef IdentList AstF_IL;
typedef Const *AstF_C;
typedef AstCtx AstF_CTX;
typedef AstBoolOp AstF_BOP;
typedef AstOp AstF_OP;
typedef AstUnaryOp AstF_UOP;
typedef IntList AstF_CMPS;
typedef int AstF_INT;

struct Node {
    NodeKind kind;
    Loc loc;
    union {
#define F(K, T, name) AstF_##T name;
#define NODE(K, C, ...) struct { __VA_ARGS__ } K;
#define NODE0(K, C)
#include "ast.def"
#undef F
#undef NODE
#undef NODE0
    } v;
};

/* ---- the table, for generic walks (dumper, verifier) ---- */
typedef enum FieldType {
    FT_N, FT_O, FT_L, FT_LO, FT_I, FT_Q, FT_IL, FT_C, FT_CTX, FT_BOP, FT_OP, FT_UOP, FT_CMPS,
    FT_INT
} FieldType;

typedef struct FieldDesc {
    const char *name;
    FieldType type;
    size_t offset;     /* from the start of Node */
} FieldDesc;

typedef struct NodeDesc {
    const char *name;          /* "BinOp" */
    NodeCategory category;
    const FieldDesc *fields;   /* terminated by name == NULL */
} NodeDesc;

extern const NodeDesc ast_nodes[N__COUNT];
extern const char *const ast_ctx_names[];
extern const char *const ast_boolop_names[];
extern const char *const ast_op_names[];
extern const char *const ast_unop_names[];
extern const char *const ast_cmpop_names[];

/* ---- construction ---- */
Node *ast_new(Arena *a, NodeKind kind, Loc loc);   /* zeroed fields */
Const *ast_const(Arena *a, ConstKind kind);
/* Builds a NodeList from n pointers (copied into the arena). */
NodeList ast_list(Arena *a, Node **items, int n);
IdentList ast_idents(Arena *a, const char **items, int n);
IntList ast_ints(Arena *a, const int *items, int n);

static inline int ast_is_expr(const Node *n) { return ast_nodes[n->kind].category == CAT_EXPR; }
static inline int ast_is_stmt(const Node *n) { return ast_nodes[n->kind].category == CAT_STMT; }

/* ---- output (astdump.c) ---- */
/* Appends exactly what Python's ast.dump(node) returns (no positions); with `positions`, the
 * output of ast.dump(node, include_attributes=True). */
void ast_dump(Buf *out, const Node *node, int positions);

/* Checks the structural invariants above; returns 0 when they hold, else prints the first
 * violation to stderr and returns -1.  A violation is a compiler bug, never a user error. */
int ast_verify(const Node *root);

#endif
