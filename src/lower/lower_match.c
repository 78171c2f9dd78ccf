/*
 * lower_match.c - match statements, desugared to the checks of CPython 3.11's pattern
 * semantics (PEP 634; compile.c's compiler_pattern_*).
 *
 * Entry point: lower_match().
 *
 * The subject is evaluated once.  Each case's pattern is lowered by lower_pattern(), which
 * continues in the current block when the pattern matches and branches to `fail` otherwise;
 * then the guard, then the body.  Checks per pattern:
 *   value       subject == value (truth of the result)
 *   singleton   subject is None/True/False
 *   sequence    match.seq, then the length (== n, or >= n-1 with a star), then the items:
 *               without a star by unpack.seq, with a named star by unpack.ex, with `*_` by
 *               getitem on indices (negative after the star), as CPython chooses
 *   mapping     match.map, len >= number of keys, match.keys (values through .get), then the
 *               value patterns; `**rest` copies the subject into a new dict without the keys
 *   class       match.class (isinstance, __match_args__, attribute lookups) -> tuple or None
 *   as / or     bind after the sub-pattern; alternatives tried in order
 * Capture names are stored as soon as their sub-pattern matches (CPython stores them when the
 * whole pattern has matched: a failed case may leave names bound here, which PEP 634 allows).
 */
#include <stdlib.h>
#include <string.h>

#include "lower_internal.h"

static void lower_pattern(LowerFn *F, const Node *p, MirInst *subj, Label *fail);

/* Branches to fail unless the dyn boolean v is True (identity: match.* return True/False). */
static void require_true(LowerFn *F, MirInst *v, Label *fail, Loc loc)
{
    MirInst *a[2] = {v, emit0(F, MIR_ConstTrue, loc)};
    MirInst *is = emit(F, MIR_Is, a, 2, loc);
    Label ok = {0, "match.ok"};
    branch(F, is, &ok, fail, loc);
    start(F, &ok);
}

static void require_truthy(LowerFn *F, MirInst *v, Label *fail, Loc loc)
{
    MirInst *t = emit1_r(F, MIR_Truthy, v, loc);
    Label ok = {0, "match.ok"};
    branch(F, t, &ok, fail, loc);
    start(F, &ok);
}

static MirInst *const_int(LowerFn *F, int64_t v, Loc loc)
{
    MirInst *i = emit0(F, MIR_ConstInt, loc);
    i->imm = v;
    return i;
}

static int is_wildcard(const Node *p)
{
    return (p->kind == N_MatchAs && !p->v.MatchAs.pattern && !p->v.MatchAs.name) ||
           (p->kind == N_MatchStar && !p->v.MatchStar.name);
}

static void lower_sequence(LowerFn *F, const Node *p, MirInst *subj, Label *fail)
{
    const NodeList *ps = &p->v.MatchSequence.patterns;
    Loc loc = p->loc;
    int n = ps->n, star = -1;
    for (int i = 0; i < n; i++)
        if (ps->v[i]->kind == N_MatchStar)
            star = i;
    require_true(F, emit1(F, MIR_MatchSeq, subj, loc), fail, loc);
    MirInst *len = NULL;
    if (star < 0 || n > 1) {
        len = emit1_r(F, MIR_Len, subj, loc);
        MirInst *c = emit2_r(F, MIR_Compare, len, const_int(F, star < 0 ? n : n - 1, loc), loc);
        c->imm = star < 0 ? Cmp_Eq : Cmp_GtE;
        require_truthy(F, c, fail, loc);
    }
    if (star >= 0 && is_wildcard(ps->v[star])) {
        for (int i = 0; i < n; i++) {
            if (i == star || is_wildcard(ps->v[i]))
                continue;
            MirInst *idx = const_int(F, i < star ? i : i - n, loc);
            lower_pattern(F, ps->v[i], emit2_r(F, MIR_GetItem, subj, idx, ps->v[i]->loc), fail);
            if (!F->cur)
                return;
        }
        return;
    }
    MirInst *tup;
    if (star < 0) {
        tup = emit1_r(F, MIR_UnpackSeq, subj, loc);
        tup->imm = n;
    } else {
        tup = emit1_r(F, MIR_UnpackEx, subj, loc);
        tup->imm = star;
        tup->imm2 = n - star - 1;
    }
    for (int i = 0; i < n && F->cur; i++) {
        const Node *sp = ps->v[i];
        if (is_wildcard(sp))
            continue;
        MirInst *item = emit1(F, MIR_TupleItem, tup, sp->loc);
        item->imm = i;
        if (sp->kind == N_MatchStar)
            store_name(F, sp->v.MatchStar.name, item, sp->loc);
        else
            lower_pattern(F, sp, item, fail);
    }
}

static void lower_mapping(LowerFn *F, const Node *p, MirInst *subj, Label *fail)
{
    const NodeList *keys = &p->v.MatchMapping.keys, *ps = &p->v.MatchMapping.patterns;
    Loc loc = p->loc;
    int n = keys->n;
    require_true(F, emit1(F, MIR_MatchMap, subj, loc), fail, loc);
    if (n) {
        MirInst *len = emit1_r(F, MIR_Len, subj, loc);
        MirInst *c = emit2_r(F, MIR_Compare, len, const_int(F, n, loc), loc);
        c->imm = Cmp_GtE;
        require_truthy(F, c, fail, loc);
    }
    MirInst **kv = tmp_alloc(F, sizeof(MirInst *) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++)
        kv[i] = lower_expr(F, keys->v[i]);
    MirInst *ktup = emit(F, MIR_BuildTuple, kv, n, loc);
    if (n) {
        MirInst *vals = emit2_r(F, MIR_MatchKeys, subj, ktup, loc);
        MirInst *a[2] = {vals, emit_none(F, loc)};
        MirInst *none = emit(F, MIR_Is, a, 2, loc);
        Label ok = {0, "match.ok"};
        branch(F, none, fail, &ok, loc);
        start(F, &ok);
        for (int i = 0; i < n && F->cur; i++) {
            MirInst *item = emit1(F, MIR_TupleItem, vals, ps->v[i]->loc);
            item->imm = i;
            lower_pattern(F, ps->v[i], item, fail);
        }
    }
    if (F->cur && p->v.MatchMapping.rest) {
        /* COPY_DICT_WITHOUT_KEYS */
        MirInst *d = emit_r(F, MIR_BuildDict, NULL, 0, loc);
        emit2_r(F, MIR_DictUpdate, d, subj, loc);
        for (int i = 0; i < n; i++) {
            MirInst *k = emit1(F, MIR_TupleItem, ktup, loc);
            k->imm = i;
            emit2_r(F, MIR_DelItem, d, k, loc);
        }
        store_name(F, p->v.MatchMapping.rest, d, loc);
    }
}

static void lower_class_pattern(LowerFn *F, const Node *p, MirInst *subj, Label *fail)
{
    const NodeList *pos = &p->v.MatchClass.patterns, *kwp = &p->v.MatchClass.kwd_patterns;
    const IdentList *kwa = &p->v.MatchClass.kwd_attrs;
    Loc loc = p->loc;
    MirInst *cls = lower_expr(F, p->v.MatchClass.cls);
    MirInst *r = emit2_r(F, MIR_MatchClass, subj, cls, loc);
    r->imm = pos->n;
    r->nnames = kwa->n;
    if (kwa->n) {
        r->names = arena_names(F, kwa->n);
        for (int i = 0; i < kwa->n; i++)
            r->names[i] = kwa->v[i];
    }
    MirInst *a[2] = {r, emit_none(F, loc)};
    MirInst *none = emit(F, MIR_Is, a, 2, loc);
    Label ok = {0, "match.ok"};
    branch(F, none, fail, &ok, loc);
    start(F, &ok);
    for (int i = 0; i < pos->n + kwp->n && F->cur; i++) {
        const Node *sp = i < pos->n ? pos->v[i] : kwp->v[i - pos->n];
        if (is_wildcard(sp))
            continue;
        MirInst *item = emit1(F, MIR_TupleItem, r, sp->loc);
        item->imm = i;
        lower_pattern(F, sp, item, fail);
    }
}

static void lower_pattern(LowerFn *F, const Node *p, MirInst *subj, Label *fail)
{
    Loc loc = p->loc;
    switch (p->kind) {
    case N_MatchValue: {
        MirInst *v = lower_expr(F, p->v.MatchValue.value);
        MirInst *c = emit2_r(F, MIR_Compare, subj, v, loc);
        c->imm = Cmp_Eq;
        require_truthy(F, c, fail, loc);
        return;
    }
    case N_MatchSingleton: {
        MirInst *a[2] = {subj, lower_const(F, p->v.MatchSingleton.value, loc)};
        MirInst *is = emit(F, MIR_Is, a, 2, loc);
        Label ok = {0, "match.ok"};
        branch(F, is, &ok, fail, loc);
        start(F, &ok);
        return;
    }
    case N_MatchSequence:
        lower_sequence(F, p, subj, fail);
        return;
    case N_MatchMapping:
        lower_mapping(F, p, subj, fail);
        return;
    case N_MatchClass:
        lower_class_pattern(F, p, subj, fail);
        return;
    case N_MatchAs:
        if (p->v.MatchAs.pattern)
            lower_pattern(F, p->v.MatchAs.pattern, subj, fail);
        if (F->cur && p->v.MatchAs.name)
            store_name(F, p->v.MatchAs.name, subj, loc);
        return;
    case N_MatchOr: {
        const NodeList *alts = &p->v.MatchOr.patterns;
        Label ok = {0, "match.or"};
        for (int i = 0; i < alts->n; i++) {
            Label next = {0, "match.alt"};
            lower_pattern(F, alts->v[i], subj, &next);
            jump(F, &ok, loc);
            start(F, &next);
        }
        jump(F, fail, loc);
        start(F, &ok);
        return;
    }
    case N_MatchStar:
        if (p->v.MatchStar.name)
            store_name(F, p->v.MatchStar.name, subj, loc);
        return;
    default:
        die("lowering: unexpected pattern %s", ast_nodes[p->kind].name);
    }
}

void lower_match(LowerFn *F, const Node *s)
{
    MirInst *subj = lower_expr(F, s->v.Match.subject);
    Label end = {0, "match.end"};
    const NodeList *cases = &s->v.Match.cases;
    for (int i = 0; i < cases->n && F->cur; i++) {
        const Node *c = cases->v[i];
        Label next = {0, "match.next"};
        lower_pattern(F, c->v.match_case.pattern, subj, &next);
        if (F->cur && c->v.match_case.guard) {
            Label body = {0, "match.body"};
            lower_cond(F, c->v.match_case.guard, &body, &next);
            start(F, &body);
        }
        lower_stmts(F, &c->v.match_case.body);
        jump(F, &end, s->loc);
        start(F, &next);
    }
    jump(F, &end, s->loc);
    start(F, &end);
}
