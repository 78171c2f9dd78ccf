/*
 * lower.c - lowering driver: the program and its modules, one MirFunction per code block,
 * function entry (parameters, cells, closures), name access by scope, emission helpers, and
 * the import list the driver needs before lowering.
 *
 * Entry points: lower_program(), lower_collect_imports(), lower_resolve_relative() (lower.h).
 *
 * Names follow the symbol table exactly (symtable.h):
 *   module body      every name through the module dict: global.load / global.store
 *   class body       LOCAL and GLOBAL_IMPLICIT through the namespace (name.load falls back to
 *                    globals and builtins), GLOBAL_EXPLICIT through the module dict, FREE from
 *                    the namespace first and then the cell (CPython's LOAD_CLASSDEREF)
 *   function body    LOCAL as variable slots (var.*), CELL and FREE as cells, GLOBAL_* through
 *                    the module dict
 * Cells of CELL symbols are made in the entry block (a parameter that is a cell is moved into
 * it), FREE symbols are read from the closure in the entry block, so both dominate every use.
 * A block's closure order (freevars) is its free names sorted bytewise, as CPython's
 * co_freevars; the creator builds the closure tuple in that order from its own cells.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lower_internal.h"

/* ---------------------------------------------------------------------------------------- */
/* errors and emission helpers                                                               */

noreturn void lower_fail(Lower *L, Loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vset(L->err, L->lm->src, loc.line, loc.col, "error", fmt, ap);
    va_end(ap);
    longjmp(L->fail, 1);
}

/* The text of line `line` (1-based) of the module being lowered, and its length; NULL when
 * there is no such line. */
static const char *src_line_text(Lower *L, int line, size_t *len)
{
    const Source *src = L->lm->src;
    if (!src || line < 1)
        return NULL;
    if (L->cur_src != src || line < L->cur_line) {
        L->cur_src = src;
        L->cur_line = 1;
        L->cur_off = 0;
    }
    while (L->cur_line < line) {
        const char *nl = memchr(src->text + L->cur_off, '\n', src->len - L->cur_off);
        if (!nl)
            return NULL;
        L->cur_off = (size_t)(nl - src->text) + 1;
        L->cur_line++;
    }
    const char *l = src->text + L->cur_off;
    const char *nl = memchr(l, '\n', src->len - L->cur_off);
    *len = nl ? (size_t)(nl - l) : src->len - L->cur_off;
    return l;
}

/* CPython 3.11 (traceback.c, extract_anchors_from_line) re-parses the failing expression's
 * source and marks, for a binary operation, its operator: the first character after the left
 * operand that is not white space (space, tab, form feed), and the next one too when it is not
 * white space and still before the right operand ("//", "**", but also "-(" in "a -(b)").  A
 * closing parenthesis of the left operand is marked that way too, but the scan goes on past it,
 * so "(a - b) // c" marks "//".  Only a one-line operation gets marks at all. */
static int caret_space(char c)
{
    return c == ' ' || c == '\t' || c == '\f';
}

void anchor_binop(LowerFn *F, MirInst *in, const Node *e)
{
    const Node *l = e->v.BinOp.left, *r = e->v.BinOp.right;
    if (e->loc.line != e->loc.end_line || l->loc.end_line != e->loc.line ||
        r->loc.line != e->loc.line)
        return;
    size_t len;
    const char *text = src_line_text(F->L, e->loc.line, &len);
    if (!text || r->loc.col < 0 || (size_t)r->loc.col > len)
        return;
    for (int i = l->loc.end_col; i < r->loc.col; i++) {
        if (caret_space(text[i]))
            continue;
        in->anchor = i;
        in->anchor_end = i + 1;
        if (i + 1 < r->loc.col && !caret_space(text[i + 1]))
            in->anchor_end++;
        if (text[i] != ')' || i + 1 >= r->loc.col)
            return;
    }
}

/* ... and for a subscript its "[slice]": from the first "[" after the value to the first "]"
 * from one past the end of the slice (parentheses and spaces around either are passed over, as
 * "(a)[ (1) ]"), within the subscript's own range. */
void anchor_subscript(LowerFn *F, MirInst *in, const Node *e)
{
    const Node *v = e->v.Subscript.value, *s = e->v.Subscript.slice;
    if (e->loc.line != e->loc.end_line || v->loc.end_line != e->loc.line ||
        s->loc.end_line != e->loc.line)
        return;
    size_t len;
    const char *text = src_line_text(F->L, e->loc.line, &len);
    if (!text || e->loc.end_col < 0 || (size_t)e->loc.end_col > len)
        return;
    int a = v->loc.end_col, b = s->loc.end_col + 1;
    while (a < e->loc.end_col && text[a] != '[')
        a++;
    while (b < e->loc.end_col && text[b] != ']')
        b++;
    if (b < e->loc.end_col)
        b++;
    in->anchor = a;
    in->anchor_end = b;
}

Loc synth(Loc loc)
{
    loc.synthetic = 1;
    return loc;
}

MirBlock *new_block(LowerFn *F, const char *name)
{
    return mir_block_new(F->f, name);
}

MirInst *emit(LowerFn *F, MirOp op, MirInst **args, int n, Loc loc)
{
    if (!F->cur)
        die("lowering: emission into unreachable code (%s)", mir_ops[op].text);
    return mir_emit(F->f, F->cur, op, args, n, loc);
}

MirBlock *exc_block(LowerFn *F)
{
    if (!F->exc->b)
        F->exc->b = new_block(F, F->exc->name);
    return F->exc->b;
}

/* A raising instruction ends its block (mir.h): exceptional successor = the innermost handler,
 * then `br` to a fresh block where lowering continues. */
MirInst *emit_r(LowerFn *F, MirOp op, MirInst **args, int n, Loc loc)
{
    MirInst *i = emit(F, op, args, n, loc);
    i->exc = exc_block(F);
    MirBlock *next = new_block(F, NULL);
    i->target = next;
    MirInst *br = emit(F, MIR_Br, NULL, 0, loc);
    br->target = next;
    F->cur = next;
    return i;
}

void *tmp_alloc(LowerFn *F, size_t n)
{
    return arena_alloc(F->L->tmp, n ? n : 1);
}

void *tmp_grow(LowerFn *F, void *p, size_t oldn, size_t n)
{
    void *q = tmp_alloc(F, n);
    if (p && oldn)
        memcpy(q, p, oldn < n ? oldn : n);
    return q;
}

MirInst *emit0(LowerFn *F, MirOp op, Loc loc) { return emit(F, op, NULL, 0, loc); }
MirInst *emit1(LowerFn *F, MirOp op, MirInst *a, Loc loc) { return emit(F, op, &a, 1, loc); }
MirInst *emit1_r(LowerFn *F, MirOp op, MirInst *a, Loc loc) { return emit_r(F, op, &a, 1, loc); }

MirInst *emit2_r(LowerFn *F, MirOp op, MirInst *a, MirInst *b, Loc loc)
{
    MirInst *args[2] = {a, b};
    return emit_r(F, op, args, 2, loc);
}

MirInst *emit_str(LowerFn *F, const char *s, Loc loc)
{
    MirInst *i = emit0(F, MIR_ConstStr, loc);
    i->str = s;
    i->len = strlen(s);
    return i;
}

MirInst *emit_none(LowerFn *F, Loc loc) { return emit0(F, MIR_ConstNone, loc); }
MirInst *emit_undef(LowerFn *F, Loc loc) { return emit0(F, MIR_Undef, loc); }

MirBlock *label_block(LowerFn *F, Label *l)
{
    if (!l->b)
        l->b = new_block(F, l->name);
    return l->b;
}

void jump(LowerFn *F, Label *l, Loc loc)
{
    if (!F->cur)
        return;
    MirInst *br = emit(F, MIR_Br, NULL, 0, loc);
    br->target = label_block(F, l);
    F->cur = NULL;
}

void branch(LowerFn *F, MirInst *cond, Label *t, Label *f, Loc loc)
{
    MirInst *c = emit1(F, MIR_CondBr, cond, loc);
    c->target = label_block(F, t);
    c->target2 = label_block(F, f);
    F->cur = NULL;
}

/* Continues at l; unreachable (cur NULL) when nothing jumped there. */
void start(LowerFn *F, Label *l)
{
    if (F->cur)
        jump(F, l, (Loc){0, 0, 0, 0, 1});
    F->cur = l->b;
}

const char **arena_names(LowerFn *F, int n)
{
    return arena_alloc(F->f->arena, sizeof(const char *) * (size_t)(n ? n : 1));
}

MirInst *emit_phi(LowerFn *F, MirInst **vals, MirBlock **preds, int n, Loc loc)
{
    MirInst *phi = emit(F, MIR_Phi, vals, n, loc);   /* mir_emit allocates phi_blocks */
    memcpy(phi->phi_blocks, preds, sizeof(MirBlock *) * (size_t)n);
    return phi;
}

MirInst *call_n(LowerFn *F, MirInst *callee, MirInst **args, int n, Loc loc)
{
    MirInst *buf[8];
    MirInst **all = n + 1 <= 8 ? buf : tmp_alloc(F, sizeof(MirInst *) * (size_t)(n + 1));
    all[0] = callee;
    for (int i = 0; i < n; i++)
        all[i + 1] = args[i];
    MirInst *c = emit_r(F, MIR_Call, all, n + 1, loc);
    return c;
}

void push_unwind(LowerFn *F, Unwind u)
{
    if (F->nuw == F->capuw) {
        F->capuw = F->capuw ? 2 * F->capuw : 8;
        F->uw = tmp_grow(F, F->uw, sizeof(Unwind) * (size_t)F->nuw, sizeof(Unwind) * (size_t)F->capuw);
    }
    F->uw[F->nuw++] = u;
}

void pop_unwind(LowerFn *F) { F->nuw--; }

/* ---------------------------------------------------------------------------------------- */
/* names                                                                                     */

const char *mangle(LowerFn *F, const char *name)
{
    return F->scope->private_name ? symtable_mangle(F->scope->private_name, name) : name;
}

static int var_slot(LowerFn *F, const char *name)
{
    for (int i = 0; i < F->nvars; i++)
        if (F->varnames[i] == name)
            return F->varslots[i];
    if (F->nvars == F->capvars) {
        F->capvars = F->capvars ? 2 * F->capvars : 16;
        F->varnames = tmp_grow(F, F->varnames, sizeof(char *) * (size_t)F->nvars,
                               sizeof(char *) * (size_t)F->capvars);
        F->varslots = tmp_grow(F, F->varslots, sizeof(int) * (size_t)F->nvars,
                               sizeof(int) * (size_t)F->capvars);
    }
    int slot = mir_var_new(F->f, name, MT_DYN);
    F->varnames[F->nvars] = name;
    F->varslots[F->nvars++] = slot;
    return slot;
}

static void add_cell(LowerFn *F, const char *name, MirInst *cell)
{
    F->cellnames = tmp_grow(F, F->cellnames, sizeof(char *) * (size_t)F->ncells,
                            sizeof(char *) * (size_t)(F->ncells + 1));
    F->cells = tmp_grow(F, F->cells, sizeof(MirInst *) * (size_t)F->ncells,
                        sizeof(MirInst *) * (size_t)(F->ncells + 1));
    F->cellnames[F->ncells] = name;
    F->cells[F->ncells++] = cell;
}

MirInst *cell_of(LowerFn *F, const char *name)
{
    for (int i = 0; i < F->ncells; i++)
        if (F->cellnames[i] == name)
            return F->cells[i];
    return NULL;
}

static SymScope sym_scope(LowerFn *F, const char *name)
{
    Symbol *s = scope_lookup(F->scope, name);
    return s ? s->scope : SC_GLOBAL_IMPLICIT;
}

static MirInst *global_op(LowerFn *F, MirOp op, const char *name, MirInst *v, Loc loc)
{
    MirInst *i = v ? emit1_r(F, op, v, loc) : emit_r(F, op, NULL, 0, loc);
    i->str = name;
    return i;
}

/* LOAD_CLASSDEREF: a class body reads a free name from its namespace first, then the cell. */
static MirInst *load_classderef(LowerFn *F, const char *name, MirInst *cell, Loc loc)
{
    MirInst *key = emit_str(F, name, loc);
    MirInst *in = emit2_r(F, MIR_Compare, key, F->ns, loc);
    in->imm = Cmp_In;
    MirInst *t = emit1_r(F, MIR_Truthy, in, loc);
    Label yes = {0, "classderef.ns"}, no = {0, "classderef.cell"}, done = {0, NULL};
    branch(F, t, &yes, &no, loc);
    MirInst *vals[2];
    MirBlock *preds[2];
    start(F, &yes);
    vals[0] = emit2_r(F, MIR_GetItem, F->ns, key, loc);
    preds[0] = F->cur;
    jump(F, &done, loc);
    start(F, &no);
    vals[1] = emit1_r(F, MIR_CellGet, cell, loc);
    vals[1]->str = name;
    vals[1]->imm = 1;
    preds[1] = F->cur;
    jump(F, &done, loc);
    start(F, &done);
    return emit_phi(F, vals, preds, 2, loc);
}

MirInst *load_name(LowerFn *F, const char *id, Loc loc)
{
    const char *name = mangle(F, id);
    if (id == intern_cstr("__debug__"))
        return emit0(F, MIR_ConstTrue, loc);
    SymScope sc = sym_scope(F, name);
    switch (F->scope->block) {
    case BLOCK_MODULE:
        return global_op(F, MIR_GlobalLoad, name, NULL, loc);
    case BLOCK_CLASS:
        if (sc == SC_GLOBAL_EXPLICIT)
            return global_op(F, MIR_GlobalLoad, name, NULL, loc);
        if (sc == SC_FREE && cell_of(F, name))
            return load_classderef(F, name, cell_of(F, name), loc);
        {
            MirInst *i = emit1_r(F, MIR_NameLoad, F->ns, loc);
            i->str = name;
            return i;
        }
    default:
        break;
    }
    switch (sc) {
    case SC_LOCAL: {
        MirInst *i = emit_r(F, MIR_VarLoad, NULL, 0, loc);
        i->imm = var_slot(F, name);
        i->str = name;
        return i;
    }
    case SC_CELL:
    case SC_FREE: {
        MirInst *cell = cell_of(F, name);
        if (!cell)
            die("lowering: no cell for '%s'", name);
        MirInst *i = emit1_r(F, MIR_CellGet, cell, loc);
        i->str = name;
        i->imm = sc == SC_FREE;
        return i;
    }
    default:
        return global_op(F, MIR_GlobalLoad, name, NULL, loc);
    }
}

void store_name(LowerFn *F, const char *id, MirInst *v, Loc loc)
{
    const char *name = mangle(F, id);
    SymScope sc = sym_scope(F, name);
    if (F->scope->block == BLOCK_MODULE || sc == SC_GLOBAL_EXPLICIT ||
        (F->scope->block == BLOCK_FUNCTION && sc == SC_GLOBAL_IMPLICIT)) {
        global_op(F, MIR_GlobalStore, name, v, loc);
        return;
    }
    if (sc == SC_CELL || sc == SC_FREE) {
        MirInst *cell = cell_of(F, name);
        if (!cell)
            die("lowering: no cell for '%s'", name);
        MirInst *args[2] = {cell, v};
        emit(F, MIR_CellSet, args, 2, loc);
        return;
    }
    if (F->scope->block == BLOCK_CLASS) {
        MirInst *args[2] = {F->ns, v};
        MirInst *i = emit_r(F, MIR_NameStore, args, 2, loc);
        i->str = name;
        return;
    }
    MirInst *i = emit1(F, MIR_VarStore, v, loc);
    i->imm = var_slot(F, name);
    i->str = name;
}

void delete_name(LowerFn *F, const char *id, Loc loc)
{
    const char *name = mangle(F, id);
    SymScope sc = sym_scope(F, name);
    if (F->scope->block == BLOCK_MODULE || sc == SC_GLOBAL_EXPLICIT ||
        (F->scope->block == BLOCK_FUNCTION && sc == SC_GLOBAL_IMPLICIT)) {
        global_op(F, MIR_GlobalDelete, name, NULL, loc);
        return;
    }
    if (sc == SC_CELL || sc == SC_FREE) {
        /* DELETE_DEREF raises when the cell is already empty */
        MirInst *cell = cell_of(F, name);
        MirInst *chk = emit1_r(F, MIR_CellGet, cell, loc);
        chk->str = name;
        chk->imm = sc == SC_FREE;
        MirInst *args[2] = {cell, emit_undef(F, loc)};
        emit(F, MIR_CellSet, args, 2, loc);
        return;
    }
    if (F->scope->block == BLOCK_CLASS) {
        MirInst *i = emit1_r(F, MIR_NameDelete, F->ns, loc);
        i->str = name;
        return;
    }
    MirInst *i = emit_r(F, MIR_VarDelete, NULL, 0, loc);
    i->imm = var_slot(F, name);
    i->str = name;
}

void unbind_name(LowerFn *F, const char *id, Loc loc)
{
    const char *name = mangle(F, id);
    SymScope sc = sym_scope(F, name);
    if (F->scope->block == BLOCK_FUNCTION && sc == SC_LOCAL) {
        MirInst *i = emit1(F, MIR_VarStore, emit_undef(F, loc), loc);
        i->imm = var_slot(F, name);
        i->str = name;
        return;
    }
    if (sc == SC_CELL || sc == SC_FREE) {
        MirInst *args[2] = {cell_of(F, name), emit_undef(F, loc)};
        emit(F, MIR_CellSet, args, 2, loc);
        return;
    }
    /* namespace names: `e = None; del e` cannot fail */
    store_name(F, id, emit_none(F, loc), loc);
    delete_name(F, id, loc);
}

/* ---------------------------------------------------------------------------------------- */
/* functions                                                                                 */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The closure's names in CPython's co_freevars order: sorted.  A class also carries the cells
 * of names its methods take from an enclosing function that it binds itself (SYM_FREE_CLASS). */
static int scope_freevars(const Scope *s, const char ***out, Arena *a)
{
    int n = 0;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i]->scope == SC_FREE ||
            (s->block == BLOCK_CLASS && (s->syms[i]->flags & SYM_FREE_CLASS)))
            n++;
    const char **v = arena_alloc(a, sizeof(char *) * (size_t)(n ? n : 1));
    n = 0;
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i]->scope == SC_FREE ||
            (s->block == BLOCK_CLASS && (s->syms[i]->flags & SYM_FREE_CLASS)))
            v[n++] = s->syms[i]->name;
    qsort(v, (size_t)n, sizeof(char *), cmp_str);
    *out = v;
    return n;
}

static const char *scope_code_name(const Scope *s)
{
    switch (s->kind) {
    case SK_MODULE: return "<module>";
    case SK_LAMBDA: return "<lambda>";
    case SK_LISTCOMP: return "<listcomp>";
    case SK_SETCOMP: return "<setcomp>";
    case SK_DICTCOMP: return "<dictcomp>";
    case SK_GENEXPR: return "<genexpr>";
    default: return s->name;
    }
}

static char *cat3(Arena *a, const char *x, const char *sep, const char *y)
{
    size_t nx = strlen(x), ns = strlen(sep), ny = strlen(y);
    char *r = arena_alloc(a, nx + ns + ny + 1);
    memcpy(r, x, nx);
    memcpy(r + nx, sep, ns);
    memcpy(r + nx + ns, y, ny);
    r[nx + ns + ny] = 0;
    return r;
}

/* CPython's compiler_set_qualname. */
static const char *qualname_of(LowerFn *parent, const Scope *s, const char *name, Arena *a)
{
    if (!parent || parent->scope->block == BLOCK_MODULE)
        return name;
    if (s->kind == SK_FUNCTION || s->kind == SK_ASYNC_FUNCTION || s->kind == SK_CLASS) {
        Symbol *sym = scope_lookup(parent->scope, mangle(parent, name));
        if (sym && sym->scope == SC_GLOBAL_EXPLICIT)
            return name;
    }
    const Scope *ps = parent->scope;
    if (ps->kind == SK_FUNCTION || ps->kind == SK_ASYNC_FUNCTION || ps->kind == SK_LAMBDA)
        return cat3(a, cat3(a, parent->f->qualname, ".", "<locals>"), ".", name);
    return cat3(a, parent->f->qualname, ".", name);
}

static const NodeList *def_decorators(const Node *n)
{
    if (n->kind == N_FunctionDef) return &n->v.FunctionDef.decorator_list;
    if (n->kind == N_AsyncFunctionDef) return &n->v.AsyncFunctionDef.decorator_list;
    if (n->kind == N_ClassDef) return &n->v.ClassDef.decorator_list;
    return NULL;
}

static const NodeList *def_body(const Node *n)
{
    if (n->kind == N_FunctionDef) return &n->v.FunctionDef.body;
    if (n->kind == N_AsyncFunctionDef) return &n->v.AsyncFunctionDef.body;
    if (n->kind == N_ClassDef) return &n->v.ClassDef.body;
    if (n->kind == N_Module) return &n->v.Module.body;
    return NULL;
}

static int has_docstring(const NodeList *body)
{
    if (!body || body->n == 0 || body->v[0]->kind != N_Expr)
        return 0;
    const Node *e = body->v[0]->v.Expr.value;
    return e->kind == N_Constant && e->v.Constant.value->kind == CK_STR;
}

static const Node *def_args(const Node *n)
{
    if (n->kind == N_FunctionDef) return n->v.FunctionDef.args;
    if (n->kind == N_AsyncFunctionDef) return n->v.AsyncFunctionDef.args;
    if (n->kind == N_Lambda) return n->v.Lambda.args;
    return NULL;
}

/* Lowers code block `n` (a Module, def, lambda, class or comprehension) into a new function. */
static MirFunction *lower_function(Lower *L, LowerFn *parent, const Node *n)
{
    Scope *s = symtable_scope_of(L->lm->st, n);
    if (!s)
        die("lowering: no scope for a %s node", ast_nodes[n->kind].name);
    Arena *pa = L->p->arena;
    const char *name = scope_code_name(s);
    const char *qual = n->kind == N_Module ? name : qualname_of(parent, s, name, pa);
    MirFunction *f = mir_function_new(L->p, L->mod, name, qual);
    f->file = L->lm->file;
    f->ast = n;
    f->firstlineno = n->kind == N_Module ? 1 : n->loc.line;
    const NodeList *decos = def_decorators(n);
    if (decos && decos->n)
        f->firstlineno = decos->v[0]->loc.line;
    unsigned flags = 0;
    if (s->is_generator && s->is_coroutine)
        flags |= RT_CO_ASYNC_GEN_;
    else if (s->is_generator)
        flags |= RT_CO_GENERATOR_;
    else if (s->is_coroutine && s->block == BLOCK_FUNCTION && s->kind != SK_MODULE)
        flags |= RT_CO_COROUTINE_;
    if (s->has_varargs) flags |= RT_CO_VARARGS_;
    if (s->has_varkeywords) flags |= RT_CO_VARKEYWORDS_;
    if (s->nested) flags |= RT_CO_NESTED_;
    if (s->block == BLOCK_CLASS) flags |= RT_CO_CLASS_BODY_;
    f->flags = flags;

    const Node *args = def_args(n);
    if (args) {
        f->nposonly = args->v.arguments.posonlyargs.n;
        f->npos = f->nposonly + args->v.arguments.args.n;
        f->nkwonly = args->v.arguments.kwonlyargs.n;
    } else if (scope_is_comprehension(s)) {
        f->npos = 1;
    }
    f->nparams = s->block == BLOCK_FUNCTION ? s->nvarnames : 0;
    f->paramnames = s->nvarnames ? s->varnames : NULL;
    f->nfree = scope_freevars(s, &f->freevars, pa);

    LowerFn F = {0};
    F.L = L;
    F.f = f;
    F.scope = s;
    MirBlock *entry = new_block(&F, "entry");
    F.unwind.b = new_block(&F, "unwind");
    F.unwind.b->is_unwind = 1;
    F.unwind.name = "unwind";
    F.exc = &F.unwind;
    F.cur = entry;
    Loc loc = synth(n->loc);

    if (s->block == BLOCK_FUNCTION) {
        for (int i = 0; i < s->nvarnames; i++) {
            const char *pn = s->varnames[i];
            MirInst *p = emit0(&F, MIR_Param, loc);
            p->imm = i;
            p->str = pn;
            if (sym_scope(&F, pn) == SC_CELL) {
                add_cell(&F, pn, emit1(&F, MIR_CellNew, p, loc));
            } else {
                MirInst *st = emit1(&F, MIR_VarStore, p, loc);
                st->imm = var_slot(&F, pn);
                st->str = pn;
            }
        }
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i]->scope == SC_CELL && !(s->syms[i]->flags & SYM_PARAM))
                add_cell(&F, s->syms[i]->name,
                         emit1(&F, MIR_CellNew, emit_undef(&F, loc), loc));
    } else if (s->block == BLOCK_CLASS) {
        F.ns = emit0(&F, MIR_Param, loc);
        F.ns->imm = 0;
        F.ns->str = "__locals__";
        if (s->needs_class_cell)
            add_cell(&F, intern_cstr("__class__"),
                     emit1(&F, MIR_CellNew, emit_undef(&F, loc), loc));
    }
    for (int i = 0; i < f->nfree; i++) {
        MirInst *c = emit0(&F, MIR_ClosureCell, loc);
        c->imm = i;
        c->str = f->freevars[i];
        add_cell(&F, f->freevars[i], c);
    }

    MirInst *ret = NULL;
    switch (n->kind) {
    case N_Module: {
        const NodeList *body = &n->v.Module.body;
        if (body_has_annotations(body))
            store_name(&F, intern_cstr("__annotations__"),
                       emit_r(&F, MIR_BuildDict, NULL, 0, loc), loc);
        /* CPython's compiler_body: SETUP_ANNOTATIONS, then __doc__ (None until then) */
        if (has_docstring(body))
            store_name(&F, intern_cstr("__doc__"),
                       lower_expr(&F, body->v[0]->v.Expr.value), loc);
        lower_stmts(&F, body);
        break;
    }
    case N_ClassDef: {
        const NodeList *body = &n->v.ClassDef.body;
        /* CPython: __module__ = __name__ (a global), __qualname__, then the docstring */
        store_name(&F, intern_cstr("__module__"),
                   global_op(&F, MIR_GlobalLoad, intern_cstr("__name__"), NULL, loc), loc);
        store_name(&F, intern_cstr("__qualname__"), emit_str(&F, qual, loc), loc);
        if (has_docstring(body))
            store_name(&F, intern_cstr("__doc__"),
                       lower_expr(&F, body->v[0]->v.Expr.value), loc);
        if (body_has_annotations(body))
            store_name(&F, intern_cstr("__annotations__"),
                       emit_r(&F, MIR_BuildDict, NULL, 0, loc), loc);
        lower_stmts(&F, body);
        if (F.cur && s->needs_class_cell) {
            MirInst *cell = cell_of(&F, intern_cstr("__class__"));
            MirInst *cargs[2] = {F.ns, cell};
            MirInst *st = emit_r(&F, MIR_NameStore, cargs, 2, loc);
            st->str = intern_cstr("__classcell__");
            ret = cell;
        }
        break;
    }
    case N_Lambda:
        ret = lower_expr(&F, n->v.Lambda.body);
        if (s->is_generator)
            ret = NULL;   /* a generator lambda returns None when exhausted */
        break;
    case N_ListComp: case N_SetComp: case N_DictComp: case N_GeneratorExp:
        lower_comprehension_body(&F, n);
        break;
    default:
        lower_stmts(&F, def_body(n));
        break;
    }
    if (F.cur) {
        Loc end = synth(n->loc);
        if (!ret)
            ret = emit_none(&F, end);
        emit1(&F, MIR_Ret, ret, end);
        F.cur = NULL;
    }
    F.cur = F.unwind.b;
    emit0(&F, MIR_Unreachable, loc);
    F.cur = NULL;
    return f;
}

MirInst *make_function(LowerFn *F, const Node *n, MirInst *defaults, MirInst *kwdefaults,
                       Loc loc)
{
    MirFunction *cf = lower_function(F->L, F, n);
    MirInst *closure;
    if (cf->nfree) {
        MirInst **cells = tmp_alloc(F, sizeof(MirInst *) * (size_t)cf->nfree);
        for (int i = 0; i < cf->nfree; i++) {
            cells[i] = cell_of(F, cf->freevars[i]);
            if (!cells[i])
                die("lowering: %s needs cell '%s' that %s lacks", cf->qualname,
                    cf->freevars[i], F->f->qualname);
        }
        closure = emit(F, MIR_BuildTuple, cells, cf->nfree, loc);
    } else {
        closure = emit_undef(F, loc);
    }
    MirInst *args[3] = {defaults ? defaults : emit_undef(F, loc),
                        kwdefaults ? kwdefaults : emit_undef(F, loc), closure};
    MirInst *fn = emit(F, MIR_MakeFunction, args, 3, loc);
    fn->func = cf;
    return fn;
}

/* ---------------------------------------------------------------------------------------- */
/* modules and imports                                                                       */

MirModule *find_module(Lower *L, const char *name)
{
    for (int i = 0; i < L->nmods; i++)
        if (strcmp(L->mods[i].name, name) == 0)
            return L->mirmods[i];
    return NULL;
}

const char *lower_resolve_relative(const char *modname, int is_package, int level,
                                   const char *name)
{
    /* __package__: the module itself for a package, else its parent ("" at top level) */
    size_t plen = strlen(modname);
    if (!is_package) {
        const char *dot = strrchr(modname, '.');
        plen = dot ? (size_t)(dot - modname) : 0;
    }
    if (plen == 0 || strcmp(modname, "__main__") == 0)
        return NULL;
    for (int i = 1; i < level; i++) {
        while (plen > 0 && modname[plen - 1] != '.')
            plen--;
        if (plen == 0)
            return NULL;
        plen--;
    }
    Buf b = {0};
    buf_putn(&b, modname, plen);
    if (name) {
        buf_putc(&b, '.');
        buf_puts(&b, name);
    }
    const char *r = intern(b.p, b.len);
    buf_free(&b);
    return r;
}

typedef struct ImportList {
    LowerImport *v;
    int n, cap;
    Arena *a;
} ImportList;

static void add_import(ImportList *l, const char *name, size_t len, Loc loc, int optional)
{
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 16;
        LowerImport *v = arena_alloc(l->a, sizeof(LowerImport) * (size_t)cap);
        if (l->n)
            memcpy(v, l->v, sizeof(LowerImport) * (size_t)l->n);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (LowerImport){intern(name, len), loc, optional};
}

static void collect_node(ImportList *l, const Node *n, const char *modname, int is_package);

static void collect_list(ImportList *l, const NodeList *body, const char *modname,
                         int is_package)
{
    for (int i = 0; i < body->n; i++)
        collect_node(l, body->v[i], modname, is_package);
}

/* Imports are statements; they can appear in any statement body (and only there). */
static void collect_node(ImportList *l, const Node *n, const char *modname, int is_package)
{
    switch (n->kind) {
    case N_Import:
        for (int i = 0; i < n->v.Import.names.n; i++) {
            const char *full = n->v.Import.names.v[i]->v.alias.name;
            for (const char *p = full;; p++)
                if (*p == '.' || *p == 0) {
                    add_import(l, full, (size_t)(p - full), n->loc, 0);
                    if (!*p)
                        break;
                }
        }
        break;
    case N_ImportFrom: {
        const char *base = n->v.ImportFrom.module;
        if (n->v.ImportFrom.level > 0) {
            base = lower_resolve_relative(modname, is_package, n->v.ImportFrom.level, base);
            if (!base)
                break;
        }
        for (const char *p = base;; p++)
            if (*p == '.' || *p == 0) {
                add_import(l, base, (size_t)(p - base), n->loc, 0);
                if (!*p)
                    break;
            }
        for (int i = 0; i < n->v.ImportFrom.names.n; i++) {
            const char *nm = n->v.ImportFrom.names.v[i]->v.alias.name;
            if (strcmp(nm, "*") == 0)
                continue;
            Buf b = {0};
            buf_printf(&b, "%s.%s", base, nm);
            add_import(l, b.p, b.len, n->loc, 1);
            buf_free(&b);
        }
        break;
    }
    case N_FunctionDef: collect_list(l, &n->v.FunctionDef.body, modname, is_package); break;
    case N_AsyncFunctionDef:
        collect_list(l, &n->v.AsyncFunctionDef.body, modname, is_package);
        break;
    case N_ClassDef: collect_list(l, &n->v.ClassDef.body, modname, is_package); break;
    case N_For:
        collect_list(l, &n->v.For.body, modname, is_package);
        collect_list(l, &n->v.For.orelse, modname, is_package);
        break;
    case N_AsyncFor:
        collect_list(l, &n->v.AsyncFor.body, modname, is_package);
        collect_list(l, &n->v.AsyncFor.orelse, modname, is_package);
        break;
    case N_While:
        collect_list(l, &n->v.While.body, modname, is_package);
        collect_list(l, &n->v.While.orelse, modname, is_package);
        break;
    case N_If:
        collect_list(l, &n->v.If.body, modname, is_package);
        collect_list(l, &n->v.If.orelse, modname, is_package);
        break;
    case N_With: collect_list(l, &n->v.With.body, modname, is_package); break;
    case N_AsyncWith: collect_list(l, &n->v.AsyncWith.body, modname, is_package); break;
    case N_Match:
        for (int i = 0; i < n->v.Match.cases.n; i++)
            collect_list(l, &n->v.Match.cases.v[i]->v.match_case.body, modname, is_package);
        break;
    case N_Try: case N_TryStar: {
        collect_list(l, &n->v.Try.body, modname, is_package);
        for (int i = 0; i < n->v.Try.handlers.n; i++)
            collect_list(l, &n->v.Try.handlers.v[i]->v.ExceptHandler.body, modname,
                         is_package);
        collect_list(l, &n->v.Try.orelse, modname, is_package);
        collect_list(l, &n->v.Try.finalbody, modname, is_package);
        break;
    }
    default:
        break;
    }
}

int lower_collect_imports(const Node *module, const char *modname, int is_package,
                          LowerImport **out, Arena *a)
{
    ImportList l = {NULL, 0, 0, a};
    collect_list(&l, &module->v.Module.body, modname, is_package);
    *out = l.v;
    return l.n;
}

MirProgram *lower_program(const LowerModule *mods, int n, Diag *err)
{
    Lower L = {0};
    L.p = mir_program_new();
    L.mods = mods;
    L.nmods = n;
    L.err = err;
    L.mirmods = xcalloc((size_t)(n ? n : 1), sizeof(MirModule *));
    /* every module exists before any body is lowered: imports may be circular */
    for (int i = 0; i < n; i++) {
        L.mirmods[i] = mir_module_new(L.p, mods[i].name, mods[i].file);
        L.mirmods[i]->is_package = mods[i].is_package;
    }
    L.tmp = arena_new();
    if (setjmp(L.fail)) {
        mir_program_free(L.p);
        arena_free(L.tmp);
        free(L.mirmods);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (!mods[i].ast)
            continue;
        L.lm = &mods[i];
        L.mod = L.mirmods[i];
        L.mod->init = lower_function(&L, NULL, mods[i].ast);
    }
    arena_free(L.tmp);
    free(L.mirmods);
    return L.p;
}
