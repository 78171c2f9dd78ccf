/*
 * lower_expr.c - expressions to MIR values (dyn) and conditions to branches (i1).
 *
 * Entry points: lower_expr() (a value), lower_cond() (branch to one of two labels: `and`/`or`/
 * `not`, comparisons and `is` tests branch directly without building bool objects),
 * lower_starred_tuple(), lower_defaults(), lower_comprehension_body().
 *
 * Evaluation order is CPython 3.11's and is observable: operands left to right, call arguments
 * (positional, then keywords in source order), dict displays key before value, chained
 * comparisons evaluate each middle operand once and stop at the first false result, whose value
 * (not a bool) is the result of the whole chain; `and`/`or` return an operand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower_internal.h"

MirInst *lower_const(LowerFn *F, const Const *c, Loc loc)
{
    MirInst *i;
    switch (c->kind) {
    case CK_NONE: return emit0(F, MIR_ConstNone, loc);
    case CK_TRUE: return emit0(F, MIR_ConstTrue, loc);
    case CK_FALSE: return emit0(F, MIR_ConstFalse, loc);
    case CK_ELLIPSIS: return emit0(F, MIR_ConstEllipsis, loc);
    case CK_INT:
        /* tagged small ints carry 63 bits: anything wider is a big int constant */
        if (c->bigdec || c->i > ((int64_t)1 << 61) || c->i < -((int64_t)1 << 61)) {
            i = emit0(F, MIR_ConstBigInt, loc);
            if (c->bigdec) {
                i->str = c->bigdec;
            } else {
                char buf[32];
                snprintf(buf, sizeof buf, "%lld", (long long)c->i);
                i->str = intern_cstr(buf);
            }
            i->len = strlen(i->str);
            return i;
        }
        i = emit0(F, MIR_ConstInt, loc);
        i->imm = c->i;
        return i;
    case CK_FLOAT:
        i = emit0(F, MIR_ConstFloat, loc);
        i->fimm = c->f;
        return i;
    case CK_COMPLEX:
        i = emit0(F, MIR_ConstComplex, loc);
        i->fimm = c->f;
        return i;
    case CK_STR:
        i = emit0(F, MIR_ConstStr, loc);
        i->str = c->s ? c->s : "";
        i->len = c->len;
        return i;
    case CK_BYTES:
        i = emit0(F, MIR_ConstBytes, loc);
        i->str = c->s ? c->s : "";
        i->len = c->len;
        return i;
    }
    die("lowering: unknown constant kind %d", (int)c->kind);
}

static int has_starred(const NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i]->kind == N_Starred)
            return 1;
    return 0;
}

static MirInst **lower_list(LowerFn *F, const NodeList *l)
{
    MirInst **v = tmp_alloc(F, sizeof(MirInst *) * (size_t)(l->n ? l->n : 1));
    for (int i = 0; i < l->n; i++)
        v[i] = lower_expr(F, l->v[i]);
    return v;
}

/* A list of the elements with starred ones unpacked: CPython's BUILD_LIST of the leading plain
 * elements, then LIST_EXTEND / LIST_APPEND in order. */
static MirInst *lower_starred_list(LowerFn *F, const NodeList *elts, Loc loc)
{
    int lead = 0;
    while (lead < elts->n && elts->v[lead]->kind != N_Starred)
        lead++;
    NodeList head = {lead, elts->v};
    MirInst **v = lower_list(F, &head);
    MirInst *list = emit(F, MIR_BuildList, v, lead, loc);
    for (int i = lead; i < elts->n; i++) {
        const Node *e = elts->v[i];
        if (e->kind == N_Starred) {
            MirInst *x = lower_expr(F, e->v.Starred.value);
            emit2_r(F, MIR_ListExtend, list, x, e->loc);
        } else {
            MirInst *args[2] = {list, lower_expr(F, e)};
            emit(F, MIR_ListAppend, args, 2, e->loc);
        }
    }
    return list;
}

MirInst *lower_starred_tuple(LowerFn *F, const NodeList *elts, Loc loc)
{
    if (!has_starred(elts)) {
        MirInst **v = lower_list(F, elts);
        MirInst *t = emit(F, MIR_BuildTuple, v, elts->n, loc);
        return t;
    }
    return emit1(F, MIR_ListToTuple, lower_starred_list(F, elts, loc), loc);
}

static MirInst *lower_set(LowerFn *F, const Node *e)
{
    const NodeList *elts = &e->v.Set.elts;
    if (!has_starred(elts)) {
        MirInst **v = lower_list(F, elts);
        MirInst *s = emit_r(F, MIR_BuildSet, v, elts->n, e->loc);
        return s;
    }
    MirInst *s = emit_r(F, MIR_BuildSet, NULL, 0, e->loc);
    for (int i = 0; i < elts->n; i++) {
        const Node *x = elts->v[i];
        if (x->kind == N_Starred)
            emit2_r(F, MIR_SetUpdate, s, lower_expr(F, x->v.Starred.value), x->loc);
        else
            emit2_r(F, MIR_SetAdd, s, lower_expr(F, x), x->loc);
    }
    return s;
}

/* {k: v, **m}: keys before values, pairs in order; `**` merges (dict.update) in place. */
static MirInst *lower_dict(LowerFn *F, const Node *e)
{
    const NodeList *keys = &e->v.Dict.keys, *vals = &e->v.Dict.values;
    int n = vals->n, plain = 1;
    for (int i = 0; i < n; i++)
        if (!keys->v[i])
            plain = 0;
    if (plain) {
        MirInst **kv = tmp_alloc(F, sizeof(MirInst *) * (size_t)(2 * n + 1));
        for (int i = 0; i < n; i++) {
            kv[2 * i] = lower_expr(F, keys->v[i]);
            kv[2 * i + 1] = lower_expr(F, vals->v[i]);
        }
        MirInst *d = emit_r(F, MIR_BuildDict, kv, 2 * n, e->loc);
        return d;
    }
    MirInst *d = emit_r(F, MIR_BuildDict, NULL, 0, e->loc);
    for (int i = 0; i < n; i++) {
        if (!keys->v[i]) {
            emit2_r(F, MIR_DictUpdate, d, lower_expr(F, vals->v[i]), vals->v[i]->loc);
        } else {
            MirInst *args[3];
            args[0] = d;
            args[1] = lower_expr(F, keys->v[i]);
            args[2] = lower_expr(F, vals->v[i]);
            emit_r(F, MIR_DictSet, args, 3, vals->v[i]->loc);
        }
    }
    return d;
}

static MirInst *lower_joined(LowerFn *F, const Node *e)
{
    const NodeList *vs = &e->v.JoinedStr.values;
    if (vs->n == 0)
        return emit_str(F, "", e->loc);
    MirInst **parts = tmp_alloc(F, sizeof(MirInst *) * (size_t)vs->n);
    for (int i = 0; i < vs->n; i++)
        parts[i] = lower_expr(F, vs->v[i]);
    MirInst *r = vs->n == 1 && vs->v[0]->kind == N_Constant
                     ? parts[0]
                     : emit(F, MIR_BuildString, parts, vs->n, e->loc);
    return r;
}

static MirInst *lower_formatted(LowerFn *F, const Node *e)
{
    MirInst *v = lower_expr(F, e->v.FormattedValue.value);
    MirInst *spec = e->v.FormattedValue.format_spec ? lower_expr(F, e->v.FormattedValue.format_spec)
                                                    : emit_undef(F, e->loc);
    MirInst *r = emit2_r(F, MIR_FormatValue, v, spec, e->loc);
    r->imm = e->v.FormattedValue.conversion;
    return r;
}

/* ---- comparisons ---- */

/* One comparison as an i1 (for branching). */
static MirInst *compare_i1(LowerFn *F, AstCmpOp op, MirInst *l, MirInst *r, Loc loc)
{
    if (op == Cmp_Is || op == Cmp_IsNot) {
        MirInst *args[2] = {l, r};
        MirInst *is = emit(F, MIR_Is, args, 2, loc);
        return op == Cmp_Is ? is : emit1(F, MIR_Not, is, loc);
    }
    MirInst *c = emit2_r(F, MIR_Compare, l, r, loc);
    c->imm = op;
    return emit1_r(F, MIR_Truthy, c, loc);
}

/* One comparison as a value (rich comparisons may return any object). */
static MirInst *compare_value(LowerFn *F, AstCmpOp op, MirInst *l, MirInst *r, Loc loc)
{
    if (op == Cmp_Is || op == Cmp_IsNot)
        return emit1(F, MIR_BoxBool, compare_i1(F, op, l, r, loc), loc);
    MirInst *c = emit2_r(F, MIR_Compare, l, r, loc);
    c->imm = op;
    return c;
}

static MirInst *lower_compare(LowerFn *F, const Node *e)
{
    const IntList *ops = &e->v.Compare.ops;
    const NodeList *rs = &e->v.Compare.comparators;
    MirInst *left = lower_expr(F, e->v.Compare.left);
    if (ops->n == 1)
        return compare_value(F, (AstCmpOp)ops->v[0], left, lower_expr(F, rs->v[0]), e->loc);
    MirInst **vals = tmp_alloc(F, sizeof(MirInst *) * (size_t)ops->n);
    MirBlock **preds = tmp_alloc(F, sizeof(MirBlock *) * (size_t)ops->n);
    Label done = {0, "cmp.done"};
    for (int i = 0; i < ops->n; i++) {
        MirInst *right = lower_expr(F, rs->v[i]);
        MirInst *r = compare_value(F, (AstCmpOp)ops->v[i], left, right, e->loc);
        if (i + 1 < ops->n) {
            MirInst *t = emit1_r(F, MIR_Truthy, r, e->loc);
            Label next = {0, "cmp.next"};
            vals[i] = r;
            preds[i] = F->cur;
            branch(F, t, &next, &done, e->loc);
            start(F, &next);
        } else {
            vals[i] = r;
            preds[i] = F->cur;
            jump(F, &done, e->loc);
        }
        left = right;
    }
    start(F, &done);
    MirInst *phi = emit_phi(F, vals, preds, ops->n, e->loc);
    return phi;
}

static MirInst *lower_boolop(LowerFn *F, const Node *e)
{
    const NodeList *vs = &e->v.BoolOp.values;
    int is_and = e->v.BoolOp.op == BoolOp_And;
    MirInst **vals = tmp_alloc(F, sizeof(MirInst *) * (size_t)vs->n);
    MirBlock **preds = tmp_alloc(F, sizeof(MirBlock *) * (size_t)vs->n);
    Label done = {0, is_and ? "and.done" : "or.done"};
    for (int i = 0; i < vs->n; i++) {
        MirInst *v = lower_expr(F, vs->v[i]);
        if (i + 1 < vs->n) {
            MirInst *t = emit1_r(F, MIR_Truthy, v, vs->v[i]->loc);
            Label next = {0, is_and ? "and.next" : "or.next"};
            vals[i] = v;
            preds[i] = F->cur;
            if (is_and)
                branch(F, t, &next, &done, e->loc);
            else
                branch(F, t, &done, &next, e->loc);
            start(F, &next);
        } else {
            vals[i] = v;
            preds[i] = F->cur;
            jump(F, &done, e->loc);
        }
    }
    start(F, &done);
    MirInst *phi = emit_phi(F, vals, preds, vs->n, e->loc);
    return phi;
}

void lower_cond(LowerFn *F, const Node *e, Label *t, Label *f)
{
    switch (e->kind) {
    case N_BoolOp: {
        const NodeList *vs = &e->v.BoolOp.values;
        for (int i = 0; i + 1 < vs->n; i++) {
            Label next = {0, "cond.next"};
            if (e->v.BoolOp.op == BoolOp_And)
                lower_cond(F, vs->v[i], &next, f);
            else
                lower_cond(F, vs->v[i], t, &next);
            start(F, &next);
        }
        lower_cond(F, vs->v[vs->n - 1], t, f);
        return;
    }
    case N_UnaryOp:
        if (e->v.UnaryOp.op == UnOp_Not) {
            lower_cond(F, e->v.UnaryOp.operand, f, t);
            return;
        }
        break;
    case N_Compare: {
        const IntList *ops = &e->v.Compare.ops;
        const NodeList *rs = &e->v.Compare.comparators;
        MirInst *left = lower_expr(F, e->v.Compare.left);
        for (int i = 0; i < ops->n; i++) {
            MirInst *right = lower_expr(F, rs->v[i]);
            MirInst *c = compare_i1(F, (AstCmpOp)ops->v[i], left, right, e->loc);
            if (i + 1 < ops->n) {
                Label next = {0, "cmp.next"};
                branch(F, c, &next, f, e->loc);
                start(F, &next);
            } else {
                branch(F, c, t, f, e->loc);
            }
            left = right;
        }
        return;
    }
    case N_Constant: {
        /* `while True:` and friends: no truth test on a constant with a known truth value */
        ConstKind k = e->v.Constant.value->kind;
        if (k == CK_TRUE || k == CK_FALSE || k == CK_NONE) {
            jump(F, k == CK_TRUE ? t : f, e->loc);
            return;
        }
        break;
    }
    default:
        break;
    }
    MirInst *v = lower_expr(F, e);
    branch(F, emit1_r(F, MIR_Truthy, v, e->loc), t, f, e->loc);
}

static MirInst *lower_ifexp(LowerFn *F, const Node *e)
{
    Label yes = {0, "ifexp.then"}, no = {0, "ifexp.else"}, done = {0, "ifexp.done"};
    MirInst *vals[2];
    MirBlock *preds[2];
    int n = 0;
    lower_cond(F, e->v.IfExp.test, &yes, &no);
    start(F, &yes);
    if (F->cur) {
        vals[n] = lower_expr(F, e->v.IfExp.body);
        preds[n++] = F->cur;
        jump(F, &done, e->loc);
    }
    start(F, &no);
    if (F->cur) {
        vals[n] = lower_expr(F, e->v.IfExp.orelse);
        preds[n++] = F->cur;
        jump(F, &done, e->loc);
    }
    start(F, &done);
    return n == 1 ? vals[0] : emit_phi(F, vals, preds, n, e->loc);
}

/* ---- calls ---- */

static int is_name(const Node *e, const char *s)
{
    return e->kind == N_Name && strcmp(e->v.Name.id, s) == 0;
}

/* eval/exec/compile that resolve to the builtins (not bound anywhere in the program's module). */
static void refuse_dynamic_code(LowerFn *F, const Node *call)
{
    const Node *fn = call->v.Call.func;
    static const char *const banned[] = {"eval", "exec", "compile"};
    for (int i = 0; i < 3; i++) {
        if (!is_name(fn, banned[i]))
            continue;
        Symbol *s = scope_lookup(F->scope, fn->v.Name.id);
        if (s && s->scope != SC_GLOBAL_IMPLICIT &&
            !(F->scope->block == BLOCK_MODULE && !(s->flags & SYM_BOUND)))
            return;
        Symbol *g = scope_lookup(F->L->lm->st->top, fn->v.Name.id);
        if (g && (g->flags & SYM_BOUND))
            return;
        lower_fail(F->L, call->loc, "%s() is not supported in compiled programs", banned[i]);
    }
}

MirInst *lower_call(LowerFn *F, const Node *e)
{
    const NodeList *args = &e->v.Call.args, *kws = &e->v.Call.keywords;
    refuse_dynamic_code(F, e);
    MirInst *callee = lower_expr(F, e->v.Call.func);

    /* zero-argument super(): CPython passes the __class__ cell and the first argument */
    if (is_name(e->v.Call.func, "super") && args->n == 0 && kws->n == 0 &&
        F->scope->block == BLOCK_FUNCTION && F->f->npos > 0 &&
        cell_of(F, intern_cstr("__class__")) &&
        scope_lookup(F->scope, intern_cstr("super")) &&
        scope_lookup(F->scope, intern_cstr("super"))->scope == SC_GLOBAL_IMPLICIT) {
        MirInst *a[2];
        MirInst *cg = emit1_r(F, MIR_CellGet, cell_of(F, intern_cstr("__class__")), e->loc);
        cg->str = intern_cstr("__class__");
        cg->imm = 1;
        a[0] = cg;
        a[1] = load_name(F, F->scope->varnames[0], e->loc);
        return call_n(F, callee, a, 2, e->loc);
    }

    int dstar = 0;
    for (int i = 0; i < kws->n; i++)
        if (!kws->v[i]->v.keyword.arg)
            dstar = 1;
    if (!has_starred(args) && !dstar) {
        int n = args->n + kws->n;
        MirInst **v = tmp_alloc(F, sizeof(MirInst *) * (size_t)(n + 1));
        v[0] = callee;
        for (int i = 0; i < args->n; i++)
            v[1 + i] = lower_expr(F, args->v[i]);
        const char **names = kws->n ? arena_names(F, kws->n) : NULL;
        for (int i = 0; i < kws->n; i++) {
            v[1 + args->n + i] = lower_expr(F, kws->v[i]->v.keyword.value);
            names[i] = kws->v[i]->v.keyword.arg;
        }
        MirInst *c = emit_r(F, MIR_Call, v, n + 1, e->loc);
        c->names = names;
        c->nnames = kws->n;
        return c;
    }
    /* CALL_FUNCTION_EX: a tuple of the positional arguments, a dict of the keywords built from
     * runs of named keywords and `**` mappings (dict.merge reports duplicates as CPython) */
    /* f(*x) alone: x as is (CPython's CALL_FUNCTION_EX makes the tuple, so a non-iterable x
     * is reported as "f() argument after * must be an iterable") */
    MirInst *pos = args->n == 1 && args->v[0]->kind == N_Starred
                       ? lower_expr(F, args->v[0]->v.Starred.value)
                       : lower_starred_tuple(F, args, e->loc);
    MirInst *kw = NULL;
    for (int i = 0; i < kws->n;) {
        const Node *k = kws->v[i];
        if (!k->v.keyword.arg) {
            MirInst *m = lower_expr(F, k->v.keyword.value);
            if (!kw)
                kw = emit_r(F, MIR_BuildDict, NULL, 0, e->loc);
            MirInst *a[3] = {kw, m, callee};
            emit_r(F, MIR_DictMerge, a, 3, k->loc);
            i++;
            continue;
        }
        int j = i;
        while (j < kws->n && kws->v[j]->v.keyword.arg)
            j++;
        MirInst **kv = tmp_alloc(F, sizeof(MirInst *) * (size_t)(2 * (j - i)));
        for (int x = i; x < j; x++) {
            kv[2 * (x - i)] = emit_str(F, kws->v[x]->v.keyword.arg, kws->v[x]->loc);
            kv[2 * (x - i) + 1] = lower_expr(F, kws->v[x]->v.keyword.value);
        }
        MirInst *run = emit_r(F, MIR_BuildDict, kv, 2 * (j - i), e->loc);
        if (!kw) {
            kw = run;
        } else {
            MirInst *a[3] = {kw, run, callee};
            emit_r(F, MIR_DictMerge, a, 3, e->loc);
        }
        i = j;
    }
    MirInst *a[3] = {callee, pos, kw ? kw : emit_undef(F, e->loc)};
    return emit_r(F, MIR_CallEx, a, 3, e->loc);
}

/* ---- functions and comprehensions ---- */

/* Defaults of a def or lambda, evaluated at definition time: the positional defaults as a
 * tuple, then the keyword-only ones as a dict (CPython's order). */
void lower_defaults(LowerFn *F, const Node *args, MirInst **defaults, MirInst **kwdefaults)
{
    const NodeList *d = &args->v.arguments.defaults;
    *defaults = *kwdefaults = NULL;
    if (d->n) {
        MirInst **v = lower_list(F, d);
        *defaults = emit(F, MIR_BuildTuple, v, d->n, d->v[0]->loc);
    }
    const NodeList *kd = &args->v.arguments.kw_defaults;
    const NodeList *ko = &args->v.arguments.kwonlyargs;
    int nk = 0;
    for (int i = 0; i < kd->n; i++)
        if (kd->v[i])
            nk++;
    if (nk) {
        MirInst **kv = tmp_alloc(F, sizeof(MirInst *) * (size_t)(2 * nk));
        int j = 0;
        for (int i = 0; i < kd->n; i++) {
            if (!kd->v[i])
                continue;
            kv[j++] = emit_str(F, mangle(F, ko->v[i]->v.arg.arg), kd->v[i]->loc);
            kv[j++] = lower_expr(F, kd->v[i]);
        }
        *kwdefaults = emit_r(F, MIR_BuildDict, kv, 2 * nk, kd->v[0] ? kd->v[0]->loc : args->loc);
    }
}

static const NodeList *comp_generators(const Node *n)
{
    switch (n->kind) {
    case N_ListComp: return &n->v.ListComp.generators;
    case N_SetComp: return &n->v.SetComp.generators;
    case N_DictComp: return &n->v.DictComp.generators;
    default: return &n->v.GeneratorExp.generators;
    }
}

/* The first iterable is evaluated here, in the enclosing scope, and its iterator passed as the
 * comprehension function's `.0` parameter. */
static MirInst *lower_comprehension(LowerFn *F, const Node *e)
{
    const Node *g0 = comp_generators(e)->v[0];
    MirInst *src = lower_expr(F, g0->v.comprehension.iter);
    MirInst *it;
    if (g0->v.comprehension.is_async) {
        MirInst *aiter = emit1_r(F, MIR_LookupSpecial, src, e->loc);
        aiter->str = intern_cstr("__aiter__");
        it = call_n(F, aiter, NULL, 0, e->loc);
    } else {
        it = emit1_r(F, MIR_GetIter, src, e->loc);
    }
    MirInst *fn = make_function(F, e, NULL, NULL, e->loc);
    MirInst *r = call_n(F, fn, &it, 1, e->loc);
    /* a comprehension that awaits is a coroutine (an async genexpr is an async generator) */
    Scope *cs = symtable_scope_of(F->L->lm->st, e);
    if (cs && cs->is_coroutine && e->kind != N_GeneratorExp)
        r = emit1_r(F, MIR_Await, r, e->loc);
    return r;
}

static void comp_loop(LowerFn *F, const Node *n, const NodeList *gens, int k, MirInst *acc)
{
    const Node *g = gens->v[k];
    Loc loc = g->v.comprehension.iter->loc;
    int async = g->v.comprehension.is_async;
    MirInst *it;
    if (k == 0) {
        it = load_name(F, intern_cstr(".0"), synth(n->loc));
    } else if (async) {
        MirInst *aiter = emit1_r(F, MIR_LookupSpecial, lower_expr(F, g->v.comprehension.iter), loc);
        aiter->str = intern_cstr("__aiter__");
        it = call_n(F, aiter, NULL, 0, loc);
    } else {
        /* as CPython, the inner GET_ITER has the comprehension's position */
        it = emit1_r(F, MIR_GetIter, lower_expr(F, g->v.comprehension.iter), n->loc);
    }
    MirInst *prev = async ? emit0(F, MIR_ExcHandled, synth(loc)) : NULL;
    Label head = {0, "comp.head"}, done = {0, "comp.done"};
    jump(F, &head, loc);
    start(F, &head);
    MirInst *next;
    if (async) {
        next = async_next(F, it, prev, &done, loc);
    } else {
        next = emit1(F, MIR_IterNext, it, loc);
        MirBlock *body = new_block(F, "comp.body");
        next->exc = exc_block(F);
        next->target = body;
        next->target2 = label_block(F, &done);
        emit0(F, MIR_Br, loc)->target = body;
        F->cur = body;
    }
    assign_to(F, g->v.comprehension.target, next);
    for (int i = 0; i < g->v.comprehension.ifs.n; i++) {
        Label pass = {0, "comp.if"};
        lower_cond(F, g->v.comprehension.ifs.v[i], &pass, &head);
        start(F, &pass);
    }
    if (F->cur) {
        if (k + 1 < gens->n) {
            comp_loop(F, n, gens, k + 1, acc);
        } else {
            switch (n->kind) {
            case N_ListComp: {
                MirInst *a[2] = {acc, lower_expr(F, n->v.ListComp.elt)};
                emit(F, MIR_ListAppend, a, 2, n->v.ListComp.elt->loc);
                break;
            }
            case N_SetComp:
                emit2_r(F, MIR_SetAdd, acc, lower_expr(F, n->v.SetComp.elt), n->v.SetComp.elt->loc);
                break;
            case N_DictComp: {
                MirInst *a[3] = {acc, lower_expr(F, n->v.DictComp.key), NULL};
                a[2] = lower_expr(F, n->v.DictComp.value);
                emit_r(F, MIR_DictSet, a, 3, n->v.DictComp.value->loc);
                break;
            }
            default:
                emit1_r(F, MIR_Yield, lower_expr(F, n->v.GeneratorExp.elt),
                        n->v.GeneratorExp.elt->loc);
                break;
            }
        }
    }
    jump(F, &head, loc);
    start(F, &done);
}

void lower_comprehension_body(LowerFn *F, const Node *n)
{
    Loc loc = synth(n->loc);
    MirInst *acc = NULL;
    switch (n->kind) {
    case N_ListComp: acc = emit(F, MIR_BuildList, NULL, 0, loc); break;
    case N_SetComp: acc = emit_r(F, MIR_BuildSet, NULL, 0, loc); break;
    case N_DictComp: acc = emit_r(F, MIR_BuildDict, NULL, 0, loc); break;
    default: break;
    }
    comp_loop(F, n, comp_generators(n), 0, acc);
    if (F->cur) {
        emit1(F, MIR_Ret, acc ? acc : emit_none(F, loc), loc);
        F->cur = NULL;
    }
}

/* ---- the expression switch ---- */

MirInst *lower_expr(LowerFn *F, const Node *e)
{
    Loc loc = e->loc;
    MirInst *i;
    switch (e->kind) {
    case N_Constant:
        return lower_const(F, e->v.Constant.value, loc);
    case N_Name:
        return load_name(F, e->v.Name.id, loc);
    case N_BoolOp:
        return lower_boolop(F, e);
    case N_NamedExpr: {
        MirInst *v = lower_expr(F, e->v.NamedExpr.value);
        store_name(F, e->v.NamedExpr.target->v.Name.id, v, loc);
        return v;
    }
    case N_BinOp: {
        MirInst *l = lower_expr(F, e->v.BinOp.left);
        MirInst *r = lower_expr(F, e->v.BinOp.right);
        i = emit2_r(F, MIR_BinOp, l, r, loc);
        i->imm = e->v.BinOp.op;
        anchor_binop(F, i, e);
        return i;
    }
    case N_UnaryOp: {
        MirInst *v = lower_expr(F, e->v.UnaryOp.operand);
        if (e->v.UnaryOp.op == UnOp_Not)
            return emit1(F, MIR_BoxBool, emit1(F, MIR_Not, emit1_r(F, MIR_Truthy, v, loc), loc),
                         loc);
        i = emit1_r(F, MIR_UnaryOp, v, loc);
        i->imm = e->v.UnaryOp.op;
        return i;
    }
    case N_Lambda: {
        MirInst *d, *kd;
        lower_defaults(F, e->v.Lambda.args, &d, &kd);
        return make_function(F, e, d, kd, loc);
    }
    case N_IfExp:
        return lower_ifexp(F, e);
    case N_Dict:
        return lower_dict(F, e);
    case N_Set:
        return lower_set(F, e);
    case N_ListComp: case N_SetComp: case N_DictComp: case N_GeneratorExp:
        return lower_comprehension(F, e);
    case N_Await:
        return emit1_r(F, MIR_Await, lower_expr(F, e->v.Await.value), loc);
    case N_Yield:
        return emit1_r(F, MIR_Yield,
                       e->v.Yield.value ? lower_expr(F, e->v.Yield.value) : emit_none(F, loc),
                       loc);
    case N_YieldFrom:
        return emit1_r(F, MIR_YieldFrom, lower_expr(F, e->v.YieldFrom.value), loc);
    case N_Compare:
        return lower_compare(F, e);
    case N_Call:
        return lower_call(F, e);
    case N_FormattedValue:
        return lower_formatted(F, e);
    case N_JoinedStr:
        return lower_joined(F, e);
    case N_Attribute:
        i = emit1_r(F, MIR_GetAttr, lower_expr(F, e->v.Attribute.value), loc);
        i->str = mangle(F, e->v.Attribute.attr);
        return i;
    case N_Subscript: {
        MirInst *o = lower_expr(F, e->v.Subscript.value);
        MirInst *k = lower_expr(F, e->v.Subscript.slice);
        i = emit2_r(F, MIR_GetItem, o, k, loc);
        anchor_subscript(F, i, e);
        return i;
    }
    case N_Slice: {
        MirInst *a[3];
        a[0] = e->v.Slice.lower ? lower_expr(F, e->v.Slice.lower) : emit_undef(F, loc);
        a[1] = e->v.Slice.upper ? lower_expr(F, e->v.Slice.upper) : emit_undef(F, loc);
        a[2] = e->v.Slice.step ? lower_expr(F, e->v.Slice.step) : emit_undef(F, loc);
        return emit(F, MIR_BuildSlice, a, 3, loc);
    }
    case N_List:
        if (!has_starred(&e->v.List.elts)) {
            MirInst **v = lower_list(F, &e->v.List.elts);
            i = emit(F, MIR_BuildList, v, e->v.List.elts.n, loc);
            return i;
        }
        return lower_starred_list(F, &e->v.List.elts, loc);
    case N_Tuple:
        return lower_starred_tuple(F, &e->v.Tuple.elts, loc);
    case N_Starred:
        lower_fail(F->L, loc, "can't use starred expression here");
    default:
        die("lowering: unexpected %s in an expression", ast_nodes[e->kind].name);
    }
}
