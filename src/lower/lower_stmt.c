/*
 * lower_stmt.c - statements to MIR: assignment and deletion, control flow, try/except/finally,
 * with, def, class, imports.
 *
 * Entry points: lower_stmts(), lower_stmt(), assign_to(), run_unwinds().
 *
 * try/finally is lowered by duplication, as CPython 3.11 does: the finally body is emitted once
 * on the normal path, once on the exceptional path (as a handler that re-raises), and once more
 * on every break/continue/return that leaves the try (run_unwinds()).  The same mechanism runs
 * `__exit__(None, None, None)` for a with statement left early and restores the handled
 * exception (and unbinds `e` of `except E as e`) for an except clause left early.
 *
 * Handlers.  The exceptional successor of the protected code is a handler block that starts
 * with exc.catch (the pending exception becomes the one being handled).  The exception handled
 * before the try (exc.handled, taken at the try's start so it dominates every handler) is
 * restored with exc.restore_handled on every way out of the handler.  An exception escaping a
 * handler goes to a cleanup block that restores it and branches, with the exception still
 * pending, to the enclosing handler.  A handler that does not match re-raises with a bare
 * `raise` (the exception being handled, traceback kept).
 */
#include <stdlib.h>
#include <string.h>

#include "lower_internal.h"

/* ---- assignment targets ---- */

void assign_to(LowerFn *F, const Node *t, MirInst *v)
{
    Loc loc = t->loc;
    switch (t->kind) {
    case N_Name:
        store_name(F, t->v.Name.id, v, loc);
        return;
    case N_Attribute: {
        MirInst *o = lower_expr(F, t->v.Attribute.value);
        MirInst *i = emit2_r(F, MIR_SetAttr, o, v, loc);
        i->str = mangle(F, t->v.Attribute.attr);
        return;
    }
    case N_Subscript: {
        MirInst *a[3];
        a[0] = lower_expr(F, t->v.Subscript.value);
        a[1] = lower_expr(F, t->v.Subscript.slice);
        a[2] = v;
        anchor_subscript(F, emit_r(F, MIR_SetItem, a, 3, loc), t);
        return;
    }
    case N_Tuple: case N_List: {
        const NodeList *elts = t->kind == N_Tuple ? &t->v.Tuple.elts : &t->v.List.elts;
        int star = -1;
        for (int i = 0; i < elts->n; i++)
            if (elts->v[i]->kind == N_Starred)
                star = i;
        MirInst *tup;
        if (star < 0) {
            tup = emit1_r(F, MIR_UnpackSeq, v, loc);
            tup->imm = elts->n;
        } else {
            tup = emit1_r(F, MIR_UnpackEx, v, loc);
            tup->imm = star;
            tup->imm2 = elts->n - star - 1;
        }
        for (int i = 0; i < elts->n; i++) {
            MirInst *it = emit1(F, MIR_TupleItem, tup, loc);
            it->imm = i;
            const Node *e = elts->v[i];
            assign_to(F, e->kind == N_Starred ? e->v.Starred.value : e, it);
        }
        return;
    }
    default:
        lower_fail(F->L, loc, "cannot assign to %s", ast_nodes[t->kind].name);
    }
}

static void delete_target(LowerFn *F, const Node *t)
{
    switch (t->kind) {
    case N_Name:
        delete_name(F, t->v.Name.id, t->loc);
        return;
    case N_Attribute: {
        MirInst *i = emit1_r(F, MIR_DelAttr, lower_expr(F, t->v.Attribute.value), t->loc);
        i->str = mangle(F, t->v.Attribute.attr);
        return;
    }
    case N_Subscript: {
        MirInst *o = lower_expr(F, t->v.Subscript.value);
        anchor_subscript(F, emit2_r(F, MIR_DelItem, o, lower_expr(F, t->v.Subscript.slice), t->loc),
                         t);
        return;
    }
    case N_Tuple: case N_List: {
        const NodeList *elts = t->kind == N_Tuple ? &t->v.Tuple.elts : &t->v.List.elts;
        for (int i = 0; i < elts->n; i++)
            delete_target(F, elts->v[i]);
        return;
    }
    default:
        lower_fail(F->L, t->loc, "cannot delete %s", ast_nodes[t->kind].name);
    }
}

/* x op= v: the container and key (or object) are evaluated once. */
static void lower_augassign(LowerFn *F, const Node *s)
{
    const Node *t = s->v.AugAssign.target;
    Loc loc = s->loc;
    MirInst *res;
    switch (t->kind) {
    case N_Name: {
        MirInst *old = load_name(F, t->v.Name.id, t->loc);
        res = emit2_r(F, MIR_InplaceOp, old, lower_expr(F, s->v.AugAssign.value), loc);
        res->imm = s->v.AugAssign.op;
        store_name(F, t->v.Name.id, res, t->loc);
        return;
    }
    case N_Attribute: {
        MirInst *o = lower_expr(F, t->v.Attribute.value);
        MirInst *old = emit1_r(F, MIR_GetAttr, o, t->loc);
        old->str = mangle(F, t->v.Attribute.attr);
        res = emit2_r(F, MIR_InplaceOp, old, lower_expr(F, s->v.AugAssign.value), loc);
        res->imm = s->v.AugAssign.op;
        MirInst *st = emit2_r(F, MIR_SetAttr, o, res, t->loc);
        st->str = old->str;
        return;
    }
    case N_Subscript: {
        MirInst *o = lower_expr(F, t->v.Subscript.value);
        MirInst *k = lower_expr(F, t->v.Subscript.slice);
        MirInst *old = emit2_r(F, MIR_GetItem, o, k, t->loc);
        anchor_subscript(F, old, t);
        res = emit2_r(F, MIR_InplaceOp, old, lower_expr(F, s->v.AugAssign.value), loc);
        res->imm = s->v.AugAssign.op;
        MirInst *a[3] = {o, k, res};
        anchor_subscript(F, emit_r(F, MIR_SetItem, a, 3, t->loc), t);
        return;
    }
    default:
        lower_fail(F->L, t->loc, "illegal expression for augmented assignment");
    }
}

/* ---- annotations ---- */

static int stmt_has_annotations(const Node *s)
{
    switch (s->kind) {
    case N_AnnAssign: return 1;
    case N_For: return body_has_annotations(&s->v.For.body) ||
                       body_has_annotations(&s->v.For.orelse);
    case N_While: return body_has_annotations(&s->v.While.body) ||
                         body_has_annotations(&s->v.While.orelse);
    case N_If: return body_has_annotations(&s->v.If.body) ||
                      body_has_annotations(&s->v.If.orelse);
    case N_With: return body_has_annotations(&s->v.With.body);
    case N_Try: case N_TryStar: {
        if (body_has_annotations(&s->v.Try.body) || body_has_annotations(&s->v.Try.orelse) ||
            body_has_annotations(&s->v.Try.finalbody))
            return 1;
        for (int i = 0; i < s->v.Try.handlers.n; i++)
            if (body_has_annotations(&s->v.Try.handlers.v[i]->v.ExceptHandler.body))
                return 1;
        return 0;
    }
    default: return 0;
    }
}

/* CPython's find_ann: does a module or class body need __annotations__ (SETUP_ANNOTATIONS)? */
int body_has_annotations(const NodeList *body)
{
    for (int i = 0; i < body->n; i++)
        if (stmt_has_annotations(body->v[i]))
            return 1;
    return 0;
}

/* The annotation's value: the expression, or under `from __future__ import annotations` its
 * source text (CPython stores the unparsed expression; the source text is the same for the
 * common spellings). */
static MirInst *annotation_value(LowerFn *F, const Node *ann)
{
    if (!(F->L->lm->st->future & FUTURE_ANNOTATIONS))
        return lower_expr(F, ann);
    const Source *src = F->L->lm->src;
    size_t len = 0;
    const char *line = src ? source_line(src, ann->loc.line, &len) : NULL;
    if (line && ann->loc.end_line == ann->loc.line && ann->loc.end_col <= (int)len) {
        MirInst *i = emit0(F, MIR_ConstStr, ann->loc);
        i->str = line + ann->loc.col;
        i->len = (size_t)(ann->loc.end_col - ann->loc.col);
        return i;
    }
    return emit_str(F, "", ann->loc);
}

static void lower_annassign(LowerFn *F, const Node *s)
{
    const Node *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value)
        assign_to(F, t, lower_expr(F, s->v.AnnAssign.value));
    if (F->scope->block == BLOCK_FUNCTION)
        return;   /* annotations of locals are not evaluated */
    if (t->kind == N_Name && s->v.AnnAssign.simple) {
        MirInst *ann = annotation_value(F, s->v.AnnAssign.annotation);
        MirInst *d = load_name(F, intern_cstr("__annotations__"), s->loc);
        MirInst *a[3] = {d, emit_str(F, mangle(F, t->v.Name.id), t->loc), ann};
        emit_r(F, MIR_SetItem, a, 3, s->loc);
    } else if (!(F->L->lm->st->future & FUTURE_ANNOTATIONS)) {
        lower_expr(F, s->v.AnnAssign.annotation);
    }
}

/* ---- early exits ---- */

/* Leaving a loop over a possibly fresh generator other than by exhaustion (gen.fresh). */
static void release_iter(LowerFn *F, MirInst *it, MirInst *fresh, Loc loc)
{
    MirInst *a[2] = {it, fresh};
    emit(F, MIR_IterRelease, a, 2, synth(loc));
}

static void propagate(LowerFn *F, Loc loc);

/* The end of a handler's lowering: its cleanup block c (reached when the handler body raises)
 * restores the exception handled before the try and propagates the new one, still pending, to
 * the target outside; lowering continues with that target. */
static void leave_handler(LowerFn *F, ExcTarget *c, MirInst *prev, ExcTarget *outer, Loc loc)
{
    if (c->b) {
        F->cur = c->b;
        emit1(F, MIR_ExcRestoreHandled, prev, loc);
        F->exc = outer;
        propagate(F, loc);
    }
    F->exc = outer;
}

/* Runs what leaving the constructs uw[to..nuw) requires, innermost first; the code of each
 * runs with the exception target and unwind stack that were current outside that construct. */
void run_unwinds(LowerFn *F, int to)
{
    int saved = F->nuw;
    if (saved == to)
        return;   /* nothing to run (and F->uw may still be NULL) */
    ExcTarget *exc = F->exc;
    Unwind *copy = tmp_alloc(F, sizeof(Unwind) * (size_t)(saved - to + 1));
    memcpy(copy, F->uw + to, sizeof(Unwind) * (size_t)(saved - to));
    for (int i = saved - 1; i >= to && F->cur; i--) {
        Unwind u = copy[i - to];
        F->nuw = i;
        F->exc = u.exc;
        switch (u.kind) {
        case UW_LOOP:
            if (u.iter) {   /* return through a loop over a fresh generator */
                release_iter(F, u.iter, u.fresh, u.iter->loc);
            }
            break;
        case UW_FINALLY:
            lower_stmts(F, u.final);
            break;
        case UW_WITH: {
            MirInst *a[3] = {emit_none(F, u.loc), emit_none(F, u.loc), emit_none(F, u.loc)};
            MirInst *r = call_n(F, u.exit, a, 3, u.loc);
            if (u.is_async)
                emit1_r(F, MIR_Await, r, u.loc)->imm = 2;
            break;
        }
        case UW_HANDLER:
            if (u.name)
                unbind_name(F, u.name, u.loc);
            emit1(F, MIR_ExcRestoreHandled, u.prev, u.loc);
            break;
        }
    }
    /* nested constructs lowered above may have pushed over the copied entries */
    if (F->capuw < saved) {
        F->capuw = saved;
        F->uw = tmp_grow(F, F->uw, sizeof(Unwind) * (size_t)to, sizeof(Unwind) * (size_t)F->capuw);
    }
    memcpy(F->uw + to, copy, sizeof(Unwind) * (size_t)(saved - to));
    F->nuw = saved;
    F->exc = exc;
}

static int innermost_loop(LowerFn *F)
{
    for (int i = F->nuw - 1; i >= 0; i--)
        if (F->uw[i].kind == UW_LOOP)
            return i;
    die("lowering: break/continue outside a loop");
}

/* Branches, with the exception still pending, to the current exception target. */
static void propagate(LowerFn *F, Loc loc)
{
    MirInst *br = emit0(F, MIR_Br, loc);
    br->target = exc_block(F);
    F->cur = NULL;
}

/* A bare `raise` of the exception being handled. */
static void reraise(LowerFn *F, Loc loc)
{
    MirInst *a[2] = {emit_undef(F, loc), emit_undef(F, loc)};
    MirInst *r = emit(F, MIR_Raise, a, 2, loc);
    r->exc = exc_block(F);
    F->cur = NULL;
}

/* ---- loops ---- */

static void lower_while(LowerFn *F, const Node *s)
{
    Label head = {0, "while.head"}, body = {0, "while.body"}, els = {0, "while.else"},
          after = {0, "while.after"};
    jump(F, &head, s->loc);
    start(F, &head);
    lower_cond(F, s->v.While.test, &body, &els);
    start(F, &body);
    push_unwind(F, (Unwind){.kind = UW_LOOP, .exc = F->exc, .brk = &after, .cont = &head});
    lower_stmts(F, &s->v.While.body);
    pop_unwind(F);
    jump(F, &head, s->loc);
    start(F, &els);
    lower_stmts(F, &s->v.While.orelse);
    jump(F, &after, s->loc);
    start(F, &after);
}

/* `for x in f(...)` where f turns out to be a generator function (or `for x in (genexpr)`):
 * the loop holds the only reference to the generator, so CPython's refcounting closes it the
 * moment the loop is left by break, return or an exception, running its finally blocks then.
 * The loop checks freshness at run time (gen.fresh) and releases the generator on those exits
 * (iter.release); exhaustion needs nothing, the generator has finished. */
static MirInst *fresh_generator(LowerFn *F, const Node *iter, MirInst *src, MirInst *it)
{
    if ((iter->kind != N_Call && iter->kind != N_GeneratorExp) ||
        (src->op != MIR_Call && src->op != MIR_CallEx))
        return NULL;
    MirInst *a[2] = {src->args[0], it};
    return emit(F, MIR_GenFresh, a, 2, synth(iter->loc));
}

static void lower_for(LowerFn *F, const Node *s)
{
    Loc loc = s->v.For.iter->loc;
    MirInst *src = lower_expr(F, s->v.For.iter);
    /* CPython's GET_ITER and FOR_ITER carry the whole statement's position */
    MirInst *it = emit1_r(F, MIR_GetIter, src, s->loc);
    MirInst *fresh = fresh_generator(F, s->v.For.iter, src, it);
    ExcTarget *outer = F->exc;
    ExcTarget release = {NULL, "for.release"};
    if (fresh)
        F->exc = &release;
    Label head = {0, "for.head"}, els = {0, "for.else"}, after = {0, "for.after"};
    jump(F, &head, loc);
    start(F, &head);
    MirInst *next = emit1(F, MIR_IterNext, it, s->loc);
    MirBlock *body = new_block(F, "for.body");
    next->exc = exc_block(F);
    next->target = body;
    next->target2 = label_block(F, &els);
    emit0(F, MIR_Br, s->loc)->target = body;
    F->cur = body;
    assign_to(F, s->v.For.target, next);
    push_unwind(F, (Unwind){.kind = UW_LOOP, .exc = outer, .brk = &after, .cont = &head,
                            .iter = fresh ? it : NULL, .fresh = fresh});
    lower_stmts(F, &s->v.For.body);
    pop_unwind(F);
    jump(F, &head, s->loc);
    F->exc = outer;
    if (release.b) {
        /* an exception leaves the loop: release, then propagate it (still pending) */
        F->cur = release.b;
        release_iter(F, it, fresh, s->loc);
        propagate(F, synth(s->loc));
    }
    start(F, &els);
    lower_stmts(F, &s->v.For.orelse);
    jump(F, &after, s->loc);
    start(F, &after);
}

/* One step of an async iteration: `await it.__anext__()`; StopAsyncIteration raised by the
 * __anext__ call or its await (only there, as CPython's END_ASYNC_FOR) branches to `exhausted`.
 * prev is the exception handled outside (taken before the loop).  Continues with the value. */
MirInst *async_next(LowerFn *F, MirInst *it, MirInst *prev, Label *exhausted, Loc loc)
{
    ExcTarget *outer = F->exc;
    ExcTarget h = {NULL, "afor.exc"};
    F->exc = &h;
    MirInst *anext = emit1_r(F, MIR_LookupSpecial, it, loc);
    anext->str = intern_cstr("__anext__");
    MirInst *v = emit1_r(F, MIR_Await, call_n(F, anext, NULL, 0, loc), loc);
    F->exc = outer;
    MirBlock *cont = F->cur;
    if (h.b) {
        Loc sl = synth(loc);
        F->cur = h.b;
        MirInst *x = emit0(F, MIR_ExcCatch, sl);
        ExcTarget c = {NULL, "afor.cleanup"};
        F->exc = &c;
        MirInst *stop = emit_r(F, MIR_GlobalLoad, NULL, 0, sl);
        stop->str = intern_cstr("StopAsyncIteration");
        MirInst *m = emit2_r(F, MIR_ExcMatch, x, stop, sl);
        Label done = {0, "afor.stop"}, again = {0, "afor.reraise"};
        branch(F, m, &done, &again, sl);
        start(F, &done);
        emit1(F, MIR_ExcRestoreHandled, prev, sl);
        jump(F, exhausted, sl);
        start(F, &again);
        reraise(F, sl);
        leave_handler(F, &c, prev, outer, sl);
    }
    F->cur = cont;
    return v;
}

/* async for: __aiter__ once, then async_next() per item. */
static void lower_async_for(LowerFn *F, const Node *s)
{
    Loc loc = s->v.AsyncFor.iter->loc;
    MirInst *obj = lower_expr(F, s->v.AsyncFor.iter);
    MirInst *aiter = emit1_r(F, MIR_LookupSpecial, obj, loc);
    aiter->str = intern_cstr("__aiter__");
    MirInst *it = call_n(F, aiter, NULL, 0, loc);
    MirInst *prev = emit0(F, MIR_ExcHandled, synth(loc));
    Label head = {0, "afor.head"}, els = {0, "afor.else"}, after = {0, "afor.after"};
    jump(F, &head, loc);
    start(F, &head);
    MirInst *v = async_next(F, it, prev, &els, s->loc);
    assign_to(F, s->v.AsyncFor.target, v);
    push_unwind(F, (Unwind){.kind = UW_LOOP, .exc = F->exc, .brk = &after, .cont = &head});
    lower_stmts(F, &s->v.AsyncFor.body);
    pop_unwind(F);
    jump(F, &head, s->loc);
    start(F, &els);
    lower_stmts(F, &s->v.AsyncFor.orelse);
    jump(F, &after, s->loc);
    start(F, &after);
}

/* ---- try ---- */

static void lower_handlers(LowerFn *F, const Node *s, MirInst *prev, ExcTarget *outer,
                           Label *done)
{
    const NodeList *hs = &s->v.Try.handlers;
    Loc loc = synth(s->loc);
    MirInst *x = emit0(F, MIR_ExcCatch, loc);
    ExcTarget c1 = {NULL, "except.cleanup"};
    F->exc = &c1;
    for (int i = 0; i < hs->n && F->cur; i++) {
        const Node *h = hs->v[i];
        const char *name = h->v.ExceptHandler.name;
        Label match = {0, "except.body"}, next = {0, "except.next"};
        if (h->v.ExceptHandler.type) {
            MirInst *t = lower_expr(F, h->v.ExceptHandler.type);
            MirInst *m = emit2_r(F, MIR_ExcMatch, x, t, h->loc);
            branch(F, m, &match, &next, h->loc);
            start(F, &match);
        }
        if (name)
            store_name(F, name, x, h->loc);
        ExcTarget c2 = {NULL, "except.unbind"};
        push_unwind(F, (Unwind){.kind = UW_HANDLER, .exc = &c1, .prev = prev, .name = name,
                                .loc = synth(h->loc)});
        if (name)
            F->exc = &c2;
        lower_stmts(F, &h->v.ExceptHandler.body);
        pop_unwind(F);
        F->exc = &c1;
        if (F->cur) {
            if (name)
                unbind_name(F, name, synth(h->loc));
            emit1(F, MIR_ExcRestoreHandled, prev, synth(h->loc));
            jump(F, done, synth(h->loc));
        }
        if (c2.b) {
            F->cur = c2.b;
            unbind_name(F, name, synth(h->loc));
            propagate(F, synth(h->loc));
        }
        if (h->v.ExceptHandler.type)
            start(F, &next);
    }
    if (F->cur)
        reraise(F, loc);
    leave_handler(F, &c1, prev, outer, loc);
}

/* except* clauses (PEP 654), as CPython 3.11 compiles them.  x is the caught exception (orig).
 * `rest`, what no clause has matched yet, starts as x; each clause, in order, evaluates its
 * type and splits rest (exc.star_match, which also rejects exception group types); when a part
 * matches, it becomes the exception being handled, is bound to the name and the body runs
 * once; an exception escaping the body is appended to `raised` and the next clause runs.
 * After the last clause rest is appended too and exc.star_reraise works out what propagates
 * (CPython's _PyExc_PrepReraiseStar), with the exception handled before the try restored.
 * rest needs no variable: each split dominates every later clause. */
static void lower_star_handlers(LowerFn *F, const Node *s, MirInst *prev, ExcTarget *outer,
                                Label *done)
{
    const NodeList *hs = &s->v.TryStar.handlers;
    Loc loc = synth(s->loc);
    MirInst *x = emit0(F, MIR_ExcCatch, loc);
    ExcTarget c1 = {NULL, "except.cleanup"};
    F->exc = &c1;
    MirInst *raised = emit(F, MIR_BuildList, NULL, 0, loc);
    MirInst *rest = x;
    for (int i = 0; i < hs->n && F->cur; i++) {
        const Node *h = hs->v[i];
        const char *name = h->v.ExceptHandler.name;
        Label match = {0, "except.body"}, next = {0, "except.next"};
        MirInst *t = lower_expr(F, h->v.ExceptHandler.type);
        MirInst *pair = emit2_r(F, MIR_ExcStarMatch, rest, t, h->loc);
        MirInst *m = emit1(F, MIR_TupleItem, pair, h->loc);
        m->imm = 0;
        rest = emit1(F, MIR_TupleItem, pair, h->loc);
        rest->imm = 1;
        MirInst *none[2] = {m, emit_none(F, h->loc)};
        branch(F, emit(F, MIR_Is, none, 2, h->loc), &next, &match, h->loc);
        start(F, &match);
        emit1(F, MIR_ExcRestoreHandled, m, h->loc);   /* sys.exc_info() is the match */
        if (name)
            store_name(F, name, m, h->loc);
        ExcTarget c2 = {NULL, "except.raised"};
        F->exc = &c2;
        lower_stmts(F, &h->v.ExceptHandler.body);
        F->exc = &c1;
        if (F->cur) {
            if (name)
                unbind_name(F, name, synth(h->loc));
            jump(F, &next, synth(h->loc));
        }
        if (c2.b) {
            /* the body raised: keep it for the end, go on with the next clause */
            F->cur = c2.b;
            MirInst *e = emit0(F, MIR_ExcCatch, synth(h->loc));
            emit1(F, MIR_ExcRestoreHandled, m, synth(h->loc));
            MirInst *ap[2] = {raised, e};
            emit(F, MIR_ListAppend, ap, 2, synth(h->loc));
            if (name)
                unbind_name(F, name, synth(h->loc));
            jump(F, &next, synth(h->loc));
        }
        start(F, &next);
    }
    if (F->cur) {
        MirInst *ap[2] = {raised, rest};
        emit(F, MIR_ListAppend, ap, 2, loc);
        emit1(F, MIR_ExcRestoreHandled, prev, loc);
        F->exc = outer;
        MirInst *rr[2] = {x, raised};
        emit_r(F, MIR_ExcStarReraise, rr, 2, loc);
        jump(F, done, loc);
    }
    leave_handler(F, &c1, prev, outer, loc);
}

static void lower_try(LowerFn *F, const Node *s)
{
    const NodeList *final = &s->v.Try.finalbody;
    Loc loc = synth(s->loc);
    ExcTarget *outer = F->exc;
    MirInst *prev = emit0(F, MIR_ExcHandled, loc);
    ExcTarget fin = {NULL, "finally.exc"};
    if (final->n) {
        push_unwind(F, (Unwind){.kind = UW_FINALLY, .exc = outer, .final = final, .loc = loc});
        F->exc = &fin;
    }
    ExcTarget *inner = F->exc;
    if (s->v.Try.handlers.n) {
        ExcTarget h = {NULL, "except"};
        Label done = {0, "try.done"};
        F->exc = &h;
        lower_stmts(F, &s->v.Try.body);
        F->exc = inner;
        lower_stmts(F, &s->v.Try.orelse);
        jump(F, &done, loc);
        if (h.b) {
            F->cur = h.b;
            if (s->kind == N_TryStar)
                lower_star_handlers(F, s, prev, inner, &done);
            else
                lower_handlers(F, s, prev, inner, &done);
        }
        start(F, &done);
    } else {
        lower_stmts(F, &s->v.Try.body);
        lower_stmts(F, &s->v.Try.orelse);
    }
    if (!final->n)
        return;
    pop_unwind(F);
    F->exc = outer;
    Label after = {0, "try.after"};
    lower_stmts(F, final);
    jump(F, &after, loc);
    if (fin.b) {
        /* the exceptional path: the exception is being handled while the body runs */
        F->cur = fin.b;
        emit0(F, MIR_ExcCatch, loc);
        ExcTarget c = {NULL, "finally.cleanup"};
        F->exc = &c;
        push_unwind(F, (Unwind){.kind = UW_HANDLER, .exc = &c, .prev = prev, .loc = loc});
        lower_stmts(F, final);
        pop_unwind(F);
        if (F->cur)
            reraise(F, loc);
        leave_handler(F, &c, prev, outer, loc);
    }
    start(F, &after);
}

/* ---- with ---- */

/* with items[k], ..., items[n-1]: body — one context manager at a time, as nested withs. */
static void lower_with_items(LowerFn *F, const Node *s, int k)
{
    int async = s->kind == N_AsyncWith;
    const NodeList *items = async ? &s->v.AsyncWith.items : &s->v.With.items;
    if (k == items->n) {
        lower_stmts(F, async ? &s->v.AsyncWith.body : &s->v.With.body);
        return;
    }
    const Node *item = items->v[k];
    /* CPython 3.11's BEFORE_WITH (the lookups and the __enter__ call) and the await of
     * __aenter__ carry the whole statement's position, whichever item fails */
    Loc loc = s->loc;
    MirInst *mgr = lower_expr(F, item->v.withitem.context_expr);
    MirInst *enter = emit1_r(F, MIR_LookupSpecial, mgr, loc);
    enter->str = intern_cstr(async ? "__aenter__" : "__enter__");
    MirInst *exit = emit1_r(F, MIR_LookupSpecial, mgr, loc);
    exit->str = intern_cstr(async ? "__aexit__" : "__exit__");
    MirInst *val = call_n(F, enter, NULL, 0, loc);
    if (async) {
        val = emit1_r(F, MIR_Await, val, loc);
        val->imm = 1;
    }
    MirInst *prev = emit0(F, MIR_ExcHandled, synth(loc));
    ExcTarget *outer = F->exc;
    ExcTarget h = {NULL, "with.exc"};
    F->exc = &h;
    push_unwind(F, (Unwind){.kind = UW_WITH, .exc = outer, .exit = exit, .is_async = async,
                            .loc = synth(s->loc)});
    if (item->v.withitem.optional_vars)
        assign_to(F, item->v.withitem.optional_vars, val);
    lower_with_items(F, s, k + 1);
    pop_unwind(F);
    F->exc = outer;
    Label after = {0, "with.after"};
    if (F->cur) {
        MirInst *a[3] = {emit_none(F, loc), emit_none(F, loc), emit_none(F, loc)};
        MirInst *r = call_n(F, exit, a, 3, synth(s->loc));
        if (async)
            emit1_r(F, MIR_Await, r, synth(s->loc))->imm = 2;
        jump(F, &after, loc);
    }
    if (h.b) {
        F->cur = h.b;
        Loc sl = synth(s->loc);
        MirInst *x = emit0(F, MIR_ExcCatch, sl);
        ExcTarget c = {NULL, "with.cleanup"};
        F->exc = &c;
        MirInst *tp = emit1_r(F, MIR_GetAttr, x, sl);
        tp->str = intern_cstr("__class__");
        MirInst *tb = emit1_r(F, MIR_GetAttr, x, sl);
        tb->str = intern_cstr("__traceback__");
        MirInst *a[3] = {tp, x, tb};
        MirInst *r = call_n(F, exit, a, 3, sl);
        if (async) {
            r = emit1_r(F, MIR_Await, r, sl);
            r->imm = 2;
        }
        MirInst *t = emit1_r(F, MIR_Truthy, r, sl);
        Label suppress = {0, "with.suppress"}, again = {0, "with.reraise"};
        branch(F, t, &suppress, &again, sl);
        start(F, &suppress);
        emit1(F, MIR_ExcRestoreHandled, prev, sl);
        jump(F, &after, sl);
        start(F, &again);
        reraise(F, sl);
        leave_handler(F, &c, prev, outer, sl);
    }
    start(F, &after);
}

/* ---- raise, assert ---- */

static MirInst *builtin(LowerFn *F, const char *name, Loc loc)
{
    MirInst *i = emit_r(F, MIR_GlobalLoad, NULL, 0, loc);
    i->str = intern_cstr(name);
    return i;
}

static void raise_value(LowerFn *F, MirInst *exc, MirInst *cause, Loc loc)
{
    MirInst *a[2] = {exc, cause ? cause : emit_undef(F, loc)};
    MirInst *r = emit(F, MIR_Raise, a, 2, loc);
    r->exc = exc_block(F);
    F->cur = NULL;
}

static void raise_new(LowerFn *F, const char *type, const char *msg, Loc loc)
{
    MirInst *cls = builtin(F, type, loc);
    MirInst *m = emit_str(F, msg, loc);
    raise_value(F, call_n(F, cls, &m, 1, loc), NULL, loc);
}

/* ModuleNotFoundError(msg, name=module) as importlib raises it (path stays None) */
static void raise_not_found(LowerFn *F, const char *module, const char *msg, Loc loc)
{
    MirInst *a[3] = {builtin(F, "ModuleNotFoundError", loc), emit_str(F, msg, loc),
                     emit_str(F, module, loc)};
    MirInst *c = emit_r(F, MIR_Call, a, 3, loc);
    c->names = arena_names(F, 1);
    c->names[0] = intern_cstr("name");
    c->nnames = 1;
    raise_value(F, c, NULL, loc);
}

static void lower_assert(LowerFn *F, const Node *s)
{
    Label ok = {0, "assert.ok"}, fail = {0, "assert.fail"};
    lower_cond(F, s->v.Assert.test, &ok, &fail);
    start(F, &fail);
    if (F->cur) {
        MirInst *cls = builtin(F, "AssertionError", s->loc);
        MirInst *exc = cls;
        if (s->v.Assert.msg) {
            MirInst *m = lower_expr(F, s->v.Assert.msg);
            exc = call_n(F, cls, &m, 1, s->loc);
        }
        /* CPython's traceback marks the test expression */
        raise_value(F, exc, NULL, s->v.Assert.test->loc);
    }
    start(F, &ok);
}

/* ---- imports ---- */

/* Imports `name` and its parents (each submodule also becomes an attribute of its parent, as
 * importlib does); returns the module object of `name`, or NULL after emitting the raise of
 * ModuleNotFoundError for a module that is not part of the program. */
static MirInst *import_module(LowerFn *F, const char *name, MirInst **top, Loc loc)
{
    MirInst *parent = NULL, *m = NULL;
    size_t n = strlen(name);
    for (size_t i = 0; i <= n; i++) {
        if (i < n && name[i] != '.')
            continue;
        const char *prefix = intern(name, i);
        MirModule *mm = find_module(F->L, prefix);
        if (!mm) {
            /* importlib's _find_and_load_unlocked: a parent that is a plain module cannot
             * have submodules */
            Buf b = {0};
            buf_printf(&b, "No module named '%s'", prefix);
            if (parent && !parent->module->is_package)
                buf_printf(&b, "; '%s' is not a package", parent->module->name);
            raise_not_found(F, prefix, intern(b.p, b.len), loc);
            buf_free(&b);
            return NULL;
        }
        m = emit_r(F, MIR_Import, NULL, 0, loc);
        m->module = mm;
        if (parent) {
            MirInst *sa = emit2_r(F, MIR_SetAttr, parent, m, loc);
            sa->str = intern_cstr(prefix + (strrchr(prefix, '.') - prefix) + 1);
        } else if (top) {
            *top = m;
        }
        parent = m;
    }
    return m;
}

static void lower_import(LowerFn *F, const Node *s)
{
    for (int i = 0; i < s->v.Import.names.n && F->cur; i++) {
        const Node *a = s->v.Import.names.v[i];
        MirInst *top = NULL;
        MirInst *m = import_module(F, a->v.alias.name, &top, s->loc);
        if (!m)
            return;
        if (a->v.alias.asname) {
            store_name(F, a->v.alias.asname, m, s->loc);
        } else {
            const char *dot = strchr(a->v.alias.name, '.');
            const char *first = dot ? intern(a->v.alias.name, (size_t)(dot - a->v.alias.name))
                                    : a->v.alias.name;
            store_name(F, first, top, s->loc);
        }
    }
}

static void lower_import_from(LowerFn *F, const Node *s)
{
    const char *base = s->v.ImportFrom.module;
    if (s->v.ImportFrom.level > 0) {
        const LowerModule *lm = F->L->lm;
        base = lower_resolve_relative(lm->name, lm->is_package, s->v.ImportFrom.level, base);
        if (!base) {
            /* importlib: _sanity_check (no __package__), else _resolve_name (too many dots) */
            int no_package = !lower_resolve_relative(lm->name, lm->is_package, 1, NULL);
            raise_new(F, "ImportError",
                      no_package ? "attempted relative import with no known parent package"
                                 : "attempted relative import beyond top-level package",
                      s->loc);
            return;
        }
    }
    MirInst *m = import_module(F, base, NULL, s->loc);
    if (!m)
        return;
    for (int i = 0; i < s->v.ImportFrom.names.n; i++) {
        const Node *a = s->v.ImportFrom.names.v[i];
        const char *nm = a->v.alias.name;
        if (strcmp(nm, "*") == 0) {
            emit1_r(F, MIR_ImportStar, m, s->loc);
            continue;
        }
        Buf b = {0};
        buf_printf(&b, "%s.%s", base, nm);
        MirModule *sub = find_module(F->L, intern(b.p, b.len));
        buf_free(&b);
        if (sub) {
            MirInst *sm = emit_r(F, MIR_Import, NULL, 0, s->loc);
            sm->module = sub;
            MirInst *sa = emit2_r(F, MIR_SetAttr, m, sm, s->loc);
            sa->str = nm;
        }
        MirInst *v = emit1_r(F, MIR_ImportFrom, m, s->loc);
        v->str = nm;
        store_name(F, a->v.alias.asname ? a->v.alias.asname : nm, v, s->loc);
    }
}

/* ---- def and class ---- */

static MirInst **lower_decorators(LowerFn *F, const NodeList *decos)
{
    MirInst **d = tmp_alloc(F, sizeof(MirInst *) * (size_t)(decos->n ? decos->n : 1));
    for (int i = 0; i < decos->n; i++)
        d[i] = lower_expr(F, decos->v[i]);
    return d;
}

static MirInst *apply_decorators(LowerFn *F, const NodeList *decos, MirInst **d, MirInst *v)
{
    for (int i = decos->n - 1; i >= 0; i--)
        v = call_n(F, d[i], &v, 1, decos->v[i]->loc);
    return v;
}

static void add_arg_annotation(LowerFn *F, MirInst **kv, int *n, const Node *arg)
{
    if (!arg || !arg->v.arg.annotation)
        return;
    kv[(*n)++] = emit_str(F, mangle(F, arg->v.arg.arg), arg->loc);
    kv[(*n)++] = annotation_value(F, arg->v.arg.annotation);
}

/* A def's __annotations__ dict, evaluated at def time after the defaults (CPython 3.11's
 * compiler_visit_annotations order: args, posonlyargs, *vararg, kwonlyargs, **kwarg, return),
 * or NULL when nothing is annotated. */
static MirInst *lower_def_annotations(LowerFn *F, const Node *args, const Node *returns, Loc loc)
{
    const NodeList *a = &args->v.arguments.args, *po = &args->v.arguments.posonlyargs,
                   *ko = &args->v.arguments.kwonlyargs;
    int max = 2 * (a->n + po->n + ko->n + 3), n = 0;
    MirInst **kv = tmp_alloc(F, sizeof(MirInst *) * (size_t)max);
    for (int i = 0; i < a->n; i++)
        add_arg_annotation(F, kv, &n, a->v[i]);
    for (int i = 0; i < po->n; i++)
        add_arg_annotation(F, kv, &n, po->v[i]);
    add_arg_annotation(F, kv, &n, args->v.arguments.vararg);
    for (int i = 0; i < ko->n; i++)
        add_arg_annotation(F, kv, &n, ko->v[i]);
    add_arg_annotation(F, kv, &n, args->v.arguments.kwarg);
    if (returns) {
        kv[n++] = emit_str(F, "return", returns->loc);
        kv[n++] = annotation_value(F, returns);
    }
    return n ? emit_r(F, MIR_BuildDict, kv, n, loc) : NULL;
}

static void lower_def(LowerFn *F, const Node *s)
{
    int async = s->kind == N_AsyncFunctionDef;
    const NodeList *decos = async ? &s->v.AsyncFunctionDef.decorator_list
                                  : &s->v.FunctionDef.decorator_list;
    const Node *args = async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    const NodeList *body = async ? &s->v.AsyncFunctionDef.body : &s->v.FunctionDef.body;
    const char *name = async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    MirInst **d = lower_decorators(F, decos);
    MirInst *defs, *kwdefs;
    lower_defaults(F, args, &defs, &kwdefs);
    MirInst *ann = lower_def_annotations(F, args, async ? s->v.AsyncFunctionDef.returns
                                                        : s->v.FunctionDef.returns, s->loc);
    MirInst *fn = make_function(F, s, defs, kwdefs, s->loc);
    if (ann) {
        MirInst *sa = emit2_r(F, MIR_SetAttr, fn, ann, synth(s->loc));
        sa->str = intern_cstr("__annotations__");
    }
    if (body->n && body->v[0]->kind == N_Expr &&
        body->v[0]->v.Expr.value->kind == N_Constant &&
        body->v[0]->v.Expr.value->v.Constant.value->kind == CK_STR) {
        MirInst *doc = lower_expr(F, body->v[0]->v.Expr.value);
        MirInst *sa = emit2_r(F, MIR_SetAttr, fn, doc, synth(s->loc));
        sa->str = intern_cstr("__doc__");
    }
    store_name(F, name, apply_decorators(F, decos, d, fn), s->loc);
}

static void lower_class(LowerFn *F, const Node *s)
{
    const NodeList *decos = &s->v.ClassDef.decorator_list;
    const NodeList *bases = &s->v.ClassDef.bases, *kws = &s->v.ClassDef.keywords;
    MirInst **d = lower_decorators(F, decos);
    MirInst *body = make_function(F, s, NULL, NULL, s->loc);
    int unpacks = 0;
    for (int i = 0; i < bases->n; i++)
        unpacks |= bases->v[i]->kind == N_Starred;
    for (int i = 0; i < kws->n; i++)
        unpacks |= !kws->v[i]->v.keyword.arg;
    if (unpacks) {
        /* class C(*bases, **kw): __build_class__(body, name, *bases, **kw), as CPython */
        MirInst *bc = builtin(F, "__build_class__", s->loc);
        MirInst *pre[2] = {body, emit_str(F, s->v.ClassDef.name, s->loc)};
        MirInst *lst = emit(F, MIR_BuildList, pre, 2, s->loc);
        for (int i = 0; i < bases->n; i++) {
            const Node *b = bases->v[i];
            if (b->kind == N_Starred) {
                MirInst *a2[2] = {lst, lower_expr(F, b->v.Starred.value)};
                emit_r(F, MIR_ListExtend, a2, 2, b->loc);
            } else {
                MirInst *a2[2] = {lst, lower_expr(F, b)};
                emit(F, MIR_ListAppend, a2, 2, b->loc);
            }
        }
        MirInst *tup = emit1(F, MIR_ListToTuple, lst, s->loc);
        MirInst *kw = emit_r(F, MIR_BuildDict, NULL, 0, s->loc);
        for (int i = 0; i < kws->n; i++) {
            const Node *k = kws->v[i];
            MirInst *v = lower_expr(F, k->v.keyword.value);
            if (k->v.keyword.arg) {
                MirInst *a3[3] = {kw, emit_str(F, k->v.keyword.arg, k->loc), v};
                emit_r(F, MIR_DictSet, a3, 3, k->loc);
            } else {
                MirInst *a3[3] = {kw, v, bc};
                emit_r(F, MIR_DictMerge, a3, 3, k->loc);
            }
        }
        MirInst *a3[3] = {bc, tup, kw};
        MirInst *cls = emit_r(F, MIR_CallEx, a3, 3, s->loc);
        store_name(F, s->v.ClassDef.name, apply_decorators(F, decos, d, cls), s->loc);
        return;
    }
    int n = 2 + bases->n + kws->n;
    MirInst **a = tmp_alloc(F, sizeof(MirInst *) * (size_t)n);
    a[0] = body;
    a[1] = emit_str(F, s->v.ClassDef.name, s->loc);
    for (int i = 0; i < bases->n; i++) {
        a[2 + i] = lower_expr(F, bases->v[i]);
    }
    const char **names = kws->n ? arena_names(F, kws->n) : NULL;
    for (int i = 0; i < kws->n; i++) {
        a[2 + bases->n + i] = lower_expr(F, kws->v[i]->v.keyword.value);
        names[i] = kws->v[i]->v.keyword.arg;
    }
    MirInst *cls = emit_r(F, MIR_BuildClass, a, n, s->loc);
    cls->names = names;
    cls->nnames = kws->n;
    store_name(F, s->v.ClassDef.name, apply_decorators(F, decos, d, cls), s->loc);
}

/* ---- statements ---- */

void lower_stmts(LowerFn *F, const NodeList *body)
{
    for (int i = 0; i < body->n && F->cur; i++)
        lower_stmt(F, body->v[i]);
}

void lower_stmt(LowerFn *F, const Node *s)
{
    if (!F->cur)
        return;
    Loc loc = s->loc;
    switch (s->kind) {
    case N_Expr:
        lower_expr(F, s->v.Expr.value);
        return;
    case N_Assign: {
        MirInst *v = lower_expr(F, s->v.Assign.value);
        for (int i = 0; i < s->v.Assign.targets.n; i++)
            assign_to(F, s->v.Assign.targets.v[i], v);
        return;
    }
    case N_AugAssign:
        lower_augassign(F, s);
        return;
    case N_AnnAssign:
        lower_annassign(F, s);
        return;
    case N_Delete:
        for (int i = 0; i < s->v.Delete.targets.n; i++)
            delete_target(F, s->v.Delete.targets.v[i]);
        return;
    case N_Pass: case N_Global: case N_Nonlocal:
        return;
    case N_If: {
        Label then = {0, "if.then"}, els = {0, "if.else"}, after = {0, "if.after"};
        lower_cond(F, s->v.If.test, &then, &els);
        start(F, &then);
        lower_stmts(F, &s->v.If.body);
        jump(F, &after, loc);
        start(F, &els);
        lower_stmts(F, &s->v.If.orelse);
        jump(F, &after, loc);
        start(F, &after);
        return;
    }
    case N_While:
        lower_while(F, s);
        return;
    case N_For:
        lower_for(F, s);
        return;
    case N_Break: case N_Continue: {
        int k = innermost_loop(F);
        Label *to = s->kind == N_Break ? F->uw[k].brk : F->uw[k].cont;
        MirInst *iter = s->kind == N_Break ? F->uw[k].iter : NULL, *fresh = F->uw[k].fresh;
        run_unwinds(F, k + 1);
        if (iter && F->cur) {
            release_iter(F, iter, fresh, loc);
        }
        jump(F, to, loc);
        return;
    }
    case N_Return: {
        MirInst *v = s->v.Return.value ? lower_expr(F, s->v.Return.value) : emit_none(F, loc);
        run_unwinds(F, 0);
        if (F->cur) {
            emit1(F, MIR_Ret, v, loc);
            F->cur = NULL;
        }
        return;
    }
    case N_Raise: {
        MirInst *e = s->v.Raise.exc ? lower_expr(F, s->v.Raise.exc) : emit_undef(F, loc);
        MirInst *c = s->v.Raise.cause ? lower_expr(F, s->v.Raise.cause) : NULL;
        raise_value(F, e, c, loc);
        return;
    }
    case N_Try:
    case N_TryStar:   /* shares Try's layout (parser_stmt.c) */
        lower_try(F, s);
        return;
    case N_With: case N_AsyncWith:
        lower_with_items(F, s, 0);
        return;
    case N_Assert:
        lower_assert(F, s);
        return;
    case N_Import:
        lower_import(F, s);
        return;
    case N_ImportFrom:
        lower_import_from(F, s);
        return;
    case N_FunctionDef: case N_AsyncFunctionDef:
        lower_def(F, s);
        return;
    case N_ClassDef:
        lower_class(F, s);
        return;
    case N_Match:
        lower_match(F, s);
        return;
    case N_AsyncFor:
        lower_async_for(F, s);
        return;
    default:
        die("lowering: unexpected %s statement", ast_nodes[s->kind].name);
    }
}
