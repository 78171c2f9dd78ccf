/*
 * specialize.c - typed MIR from the inferred types (docs/internals/typed.md).
 *
 * Entry point: infer_specialize(in).  First every specialised context (index > 0) gets a
 * clone of its function (a deep copy keeping value and block ids, so the context's types still
 * index it), with native parameter and result types.  Then every function body (generic ones
 * in place, clones) is rewritten in reverse postorder:
 *   - each value gets a representation: its MIR type (i64 for ints proven small, f64 for
 *     floats, i1 for bools, dyn otherwise); uses convert with box/unbox ops where needed;
 *   - arithmetic, comparisons and truthiness on ints/floats become typed ops (mir_sig.def);
 *     int +,-,* whose range is not proven small use the tagged `int.*` ops (inline fast path,
 *     big ints through the runtime), so nothing ever wraps;
 *   - `for x in range(...)` with the builtin range and a small start becomes a counted loop
 *     (a counter phi, i.cmp, i.add) when the range and its iterator have no other use;
 *   - calls whose context is specialised become call.direct to the clone; loads of stable
 *     globals that cannot fail disappear when unused (or fold to their constant);
 *   - everything else stays the generic op on dyn values.
 * A raising conversion (int.tofloat) splits its block; phis of the handler get an operand for
 * each new raising block.  Afterwards: CFG recomputed, phis pruned, simplify, mir_verify.
 */
#include <stdlib.h>
#include <string.h>

#include "../mir/mir_impl.h"   /* mir_inst_new, mir_block_insert, mir_prune_phis */
#include "../mir/passes.h"
#include "../util/util.h"
#include "infer.h"

typedef struct Part {
    MirBlock *b;           /* a block made from an original block */
    MirBlock *exc;         /* the handler its raising conversion goes to (NULL: none) */
} Part;

typedef struct Loop {
    MirInst *next;         /* the iter.next */
    MirInst *it, *call;    /* iter and range call (dropped) */
    MirBlock *head, *body, *exit;
    MirInst *cond;         /* the new loop condition (i.cmp lt counter, stop) */
    MirInst *start, *stop; /* new values (i64) */
    int64_t step;
    MirInst *counter, *inc;
    /* a consumer clone's `for x, y in zip(a, b)` (consume_zip): the lists are parameters 0
     * and 1, the loop stops at the shorter (lengths re-read every step, as zip's list
     * iterators do); the unpack of the item becomes two list.get */
    int zip;
    MirInst *unpack, *lista, *listb, *x, *y;
    int zipmin;   /* nothing in the clone runs code: the lengths cannot change, so the bound
                     is min(len(a), len(b)), read once at the start */
    /* `for i, v in enumerate(x)` of a list (zip 2, spec_zip_unpack; listb unused) or a
     * comprehension clone's `for i, v in .0` over iter(enumerate(x)) (comp_iter 4; zip 1): x
     * is lista (parameter 0 of the clone), the loop stops at len(x) re-read every step (the
     * enumerate's list iterator's test), i is the counter (the count: no start) and v the item
     * at it (x's storage: list.item, flist.get for doubles).  A loop's enumerate(x, start)
     * with start an int in [-2**61, 2**61] (the call is then untyped, its items boxed): i is
     * box(counter + count0), count0 the start as i64 (no overflow: a list holds < 2**60) */
    int enumer;
    MirInst *count0;
    /* a consumer clone's `for v in .0` over iter(range(...)) (consume_range): the start and
     * stop are parameters 0 and 1 (i64), counted as any range loop */
    int rangep;
    /* a consumer clone's `for v in .0` over iter(x) of a list (consume_list): x is parameter
     * 0 (lista); v is list.get at the counter, read at the top of the body; the bound is
     * len(x) re-read every step, or read once (stop) when nothing in the clone runs code */
    int listp;
    /* a versioned range loop (any int bounds, any step): range.fast picks, at every step, the
     * counter (fast: all three small, step > 0) or the range iterator kept for the rest; the
     * body's loop variable is a phi of both (dyn) */
    int versioned;
    MirInst *mode, *step64, *boxed, *slowx, *var;
    MirBlock *fh, *sh;
    /* `for x in lst` of an exact list with boxed items (find_list_loop): counted from 0 while
     * counter < len(lst), the length re-read every step as list_iterator does; the item is
     * list.item at the counter (lista: the list, item: the loop variable) */
    int list;
    MirInst *item;
} Loop;

typedef struct Spec {
    const MirInst *orig;   /* the instruction being rewritten: raising ops emitted for it
                              inherit its traceback caret anchor */
    Infer *in;
    InferCtx *c;
    MirFunction *g;
    int nvals;             /* original value ids are < nvals */
    MirInst **map;         /* original id -> its value in the new code */
    MirInst **boxed;       /* original id -> its boxed form made once at its definition */
    int *uses;             /* original id -> number of uses */
    int *reluses;          /* of those, by gen.fresh / iter.release (lowering's close of a
                              fresh generator a for loop iterates): a range iterator is never
                              a generator, so a counted loop drops them */
    unsigned char *mayundef;
    unsigned char *skip;   /* original id -> dropped (dead range/iter/global.load) */
    MirBlock *cur;
    MirBlock **blocks0;    /* the original blocks, by position */
    int nblocks0;
    Part **parts;          /* by original block position */
    int *nparts, *capparts;
    MirBlock **last;       /* by original block position: the block holding its terminator */
    Loop *loops;
    int nloops, caploops;
    int *idom;             /* original block position -> idom position (-1 for entry) */
    /* `for i, x in enumerate(list)` (enum.next / enum.item): per loop, the unpack.seq of the
     * pair, the enumerate object and the index; enum_loop is the head's new condition */
    struct { const MirInst *unpack; MirInst *e, *idx, *item; } enums[16];
    int nenums;
    Loop enum_loop;
} Spec;

static Ty TY(Spec *s, const MirInst *v) { return infer_ty(s->c, v); }

static int orig_pos(Spec *s, const MirBlock *b)
{
    for (int i = 0; i < s->nblocks0; i++)
        if (s->blocks0[i] == b)
            return i;
    return -1;
}

static MirInst *emit(Spec *s, MirOp op, MirInst **args, int n, Loc loc)
{
    MirInst *i = mir_inst_new(s->g, op, args, n, loc);
    if (s->orig && (mir_ops[op].flags & MF_RAISE)) {
        i->anchor = s->orig->anchor;
        i->anchor_end = s->orig->anchor_end;
    }
    mir_block_insert(s->g, s->cur, s->cur->ninsts, i);
    return i;
}

static MirInst *emit1(Spec *s, MirOp op, MirInst *a, Loc loc) { return emit(s, op, &a, 1, loc); }

static MirInst *emit2(Spec *s, MirOp op, MirInst *a, MirInst *b, Loc loc)
{
    MirInst *args[2] = {a, b};
    return emit(s, op, args, 2, loc);
}

static void add_part(Spec *s, int pos, MirBlock *b, MirBlock *exc)
{
    if (s->nparts[pos] == s->capparts[pos]) {
        s->capparts[pos] = s->capparts[pos] ? 2 * s->capparts[pos] : 4;
        s->parts[pos] = realloc(s->parts[pos], sizeof(Part) * (size_t)s->capparts[pos]);
    }
    s->parts[pos][s->nparts[pos]++] = (Part){b, exc};
}

/* A raising instruction in the middle of original block `pos`: it ends the current block
 * (normal successor: a new block, which becomes current). */
static MirInst *emit_raising(Spec *s, int pos, MirOp op, MirInst **args, int n, MirBlock *exc,
                             Loc loc)
{
    MirInst *i = emit(s, op, args, n, loc);
    MirBlock *next = mir_block_new(s->g, s->cur->label);
    i->target = next;
    i->exc = exc;
    MirInst *br = emit(s, MIR_Br, NULL, 0, loc);
    br->target = next;
    s->parts[pos][s->nparts[pos] - 1].exc = exc;
    s->cur = next;
    add_part(s, pos, next, NULL);
    return i;
}

static MirInst *zero_of(Spec *s, MirType t, Loc loc)
{
    MirInst *z;
    if (t == MT_F64) {
        z = emit(s, MIR_ConstFloat, NULL, 0, loc);
        z->type = MT_F64;
    } else if (t == MT_I1) {
        z = emit(s, MIR_ConstI1, NULL, 0, loc);
    } else if (t == MT_I64) {
        z = emit(s, MIR_ConstInt, NULL, 0, loc);
        z->type = MT_I64;
    } else {
        z = emit(s, MIR_ConstNone, NULL, 0, loc);
    }
    return z;
}

/* Converts new value n (of Python type ty) to representation want, emitting at the end of the
 * current block.  Never raises (int -> f64 for tagged ints is the caller's business). */
static MirInst *convert(Spec *s, MirInst *n, Ty ty, MirType want, Loc loc)
{
    if (n->type == want)
        return n;
    if (ty.k == TY_BOT)   /* unreachable in this context: any value will do */
        return zero_of(s, want, loc);
    loc.synthetic = 1;
    switch (n->type) {
    case MT_DYN:
        if (want == MT_I64 && ty_int_small(ty))
            return emit1(s, MIR_UnboxI64, n, loc);
        if (want == MT_F64 && ty.k == TY_FLOAT)
            return emit1(s, MIR_UnboxF64, n, loc);
        if (want == MT_F64 && ty_int_small(ty))
            return emit1(s, MIR_IToF, emit1(s, MIR_UnboxI64, n, loc), loc);
        if (want == MT_I1 && ty.k == TY_BOOL)
            return emit1(s, MIR_UnboxBool, n, loc);
        break;
    case MT_I64:
        if (want == MT_DYN)
            return emit1(s, MIR_BoxI64, n, loc);
        if (want == MT_F64)
            return emit1(s, MIR_IToF, n, loc);
        break;
    case MT_F64:
        if (want == MT_DYN && n->op == MIR_ConstFloat) {
            /* the program's constant object (no allocation, unlike a box) */
            MirInst *k = emit(s, MIR_ConstFloat, NULL, 0, loc);
            k->fimm = n->fimm;
            return k;
        }
        if (want == MT_DYN)
            return emit1(s, MIR_BoxF64, n, loc);
        break;
    case MT_I1:
        if (want == MT_DYN)
            return emit1(s, MIR_BoxBool, n, loc);
        break;
    default:
        break;
    }
    char buf[64];
    die("specialize: no conversion of %s (%s) to %s in %s", mir_type_names[n->type],
        ty_str(ty, buf, sizeof buf), mir_type_names[want], s->g->symbol);
}

static MirInst *get(Spec *s, const MirInst *v, MirType want, Loc loc)
{
    MirInst *n = v->id >= 0 && v->id < s->nvals ? s->map[v->id] : NULL;
    if (!n)
        die("specialize: value %%%d of %s used before its definition", v->id, s->g->symbol);
    if (want == MT_DYN && s->boxed[v->id])
        return s->boxed[v->id];
    return convert(s, n, TY(s, v), want, loc);
}

/* ---- the clone ---- */

/* A context of a method whose only free variable is __class__ (zero-argument super()),
 * made for a method call (classes.c: the cell's type dyn, not a closure at hand): its clone
 * takes no closure; the cell's reads load the registered class.  The class, or NULL. */
static InferClass *class_cell_clone(const Infer *in, const InferCtx *c)
{
    if (c->index == 0 || !classes_class_cell_only(c->fn) || !c->closure ||
        c->closure[0].k != TY_DYN)
        return NULL;
    return classes_owner(in, c->fn);
}

static MirFunction *make_clone(Infer *in, InferCtx *c)
{
    MirFunction *f = c->fn;
    MirFunction *g = mir_function_new(in->prog, f->module, f->name, f->qualname);
    g->file = f->file;
    g->firstlineno = f->firstlineno;
    g->flags = f->flags;
    g->nposonly = f->nposonly;
    g->npos = f->npos;
    g->nkwonly = f->nkwonly;
    g->nparams = f->nparams;
    g->paramnames = f->paramnames;
    g->nfree = f->nfree;        /* a closure: the clone takes the closure tuple first */
    g->freevars = f->freevars;
    g->ast = f->ast;
    g->is_ssa = f->is_ssa;
    g->origin = f;
    g->ptypes = arena_alloc(g->arena, sizeof *g->ptypes * (size_t)(f->nparams + 1));
    for (int i = 0; i < f->nparams; i++)
        g->ptypes[i] = ty_rep(c->args[i]);
    g->rettype = c->ret.k == TY_BOT ? MT_DYN : ty_rep(c->ret);
    if (class_cell_clone(in, c)) {   /* the class is loaded (class.get), not passed */
        g->nfree = 0;
        g->freevars = NULL;
    }
    /* blocks and instructions, ids kept */
    int maxid = c->nvals;
    g->nvalues = f->nvalues > maxid ? f->nvalues : maxid;
    mir_copy_body(g, f, maxid);
    return g;
}

/* ---- analysis of the original body ---- */

static int *dominators(Spec *s)
{
    int n = s->nblocks0;
    int *rpo = xmalloc(sizeof *rpo * (size_t)n), *num = xmalloc(sizeof *num * (size_t)n);
    int *stack = xmalloc(sizeof *stack * (size_t)n * 4 + 4), *it = xcalloc((size_t)n, sizeof *it);
    char *seen = xcalloc((size_t)n, 1);
    int nr = 0, sp = 0;
    for (int i = 0; i < n; i++)
        num[i] = -1;
    /* iterative DFS postorder */
    int *post = xmalloc(sizeof *post * (size_t)n), np = 0;
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp) {
        int b = stack[sp - 1];
        MirBlock *bl = s->blocks0[b];
        if (it[b] < bl->nsuccs) {
            int q = orig_pos(s, bl->succs[it[b]++]);
            if (q >= 0 && !seen[q]) {
                seen[q] = 1;
                stack[sp++] = q;
            }
        } else {
            post[np++] = b;
            sp--;
        }
    }
    for (int i = np - 1; i >= 0; i--) {
        num[post[i]] = nr;
        rpo[nr++] = post[i];
    }
    int *idom = xmalloc(sizeof *idom * (size_t)n);   /* by rpo number */
    for (int i = 0; i < n; i++)
        idom[i] = -1;
    idom[0] = 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int r = 1; r < nr; r++) {
            MirBlock *bl = s->blocks0[rpo[r]];
            int nd = -1;
            for (int k = 0; k < bl->npreds; k++) {
                int p = orig_pos(s, bl->preds[k]);
                if (p < 0 || num[p] < 0 || idom[num[p]] < 0)
                    continue;
                int x = num[p];
                if (nd < 0) {
                    nd = x;
                    continue;
                }
                int y = nd;
                while (x != y) {
                    while (x > y)
                        x = idom[x];
                    while (y > x)
                        y = idom[y];
                }
                nd = x;
            }
            if (nd >= 0 && idom[r] != nd) {
                idom[r] = nd;
                changed = 1;
            }
        }
    }
    s->idom = xmalloc(sizeof *s->idom * (size_t)n);
    for (int i = 0; i < n; i++)
        s->idom[i] = num[i] > 0 && idom[num[i]] >= 0 ? rpo[idom[num[i]]] : -1;
    /* reverse postorder is the processing order: keep it in blocks0 order? no: store it */
    free(stack);
    free(it);
    free(seen);
    free(post);
    free(idom);
    free(num);
    for (int i = nr; i < n; i++)
        rpo[i] = -1;
    return rpo;   /* the blocks in reverse postorder, then -1s */
}

static int dominated(Spec *s, int a, int b)   /* does block a dominate block b? */
{
    for (int x = b, n = 0; x >= 0 && n <= s->nblocks0; x = s->idom[x], n++)
        if (x == a)
            return 1;
    return 0;
}

static int is_builtin_call(Spec *s, const MirInst *call, int bi)
{
    if (call->op != MIR_Call || call->nnames)
        return 0;
    Ty t = TY(s, call->args[0]);
    return t.k == TY_BUILTIN && t.bi == bi;
}

/* Is v the (dropped) iterator of a counted loop? */
static int counted_iter(Spec *s, const MirInst *v)
{
    for (int i = 0; i < s->nloops; i++)
        if (s->loops[i].it == v && !s->loops[i].versioned)
            return 1;
    return 0;
}

/* A gen.fresh or iter.release of a counted loop's iterator (dropped with it)? */
static int loop_release(Spec *s, const MirInst *i)
{
    if (i->op == MIR_GenFresh || i->op == MIR_IterRelease)
        for (int l = 0; l < s->nloops; l++)
            if (s->loops[l].zip == 1 && (i->args[0] == s->loops[l].it ||
                                    (i->nargs > 1 && i->args[1] == s->loops[l].it)))
                return 0;
    return (i->op == MIR_GenFresh && counted_iter(s, i->args[1])) ||
           (i->op == MIR_IterRelease && counted_iter(s, i->args[0]));
}

static void add_loop(Spec *s, Loop l)
{
    if (s->nloops == s->caploops) {
        s->caploops = s->caploops ? 2 * s->caploops : 4;
        s->loops = realloc(s->loops, sizeof *s->loops * (size_t)s->caploops);
    }
    s->loops[s->nloops++] = l;
}

static int plain_number(Ty t) { return t.k == TY_FLOAT || t.k == TY_INT || t.k == TY_BOOL; }

/* Can nothing in this consumer clone run Python code (so no list changes size while it
 * runs)?  Its operations: constants, phis, branches, cell reads, the zip loop's own
 * iteration and unpack, number operators on numbers, the marked empty min()/max() call. */
static int consumer_runs_no_code(Spec *s)
{
    for (int bp = 0; bp < s->nblocks0; bp++)
        for (int k = 0; k < s->blocks0[bp]->ninsts; k++) {
            const MirInst *i = s->blocks0[bp]->insts[k];
            switch (i->op) {
            case MIR_Param: case MIR_ConstInt: case MIR_ConstFloat: case MIR_ConstNone:
            case MIR_ConstTrue: case MIR_ConstFalse: case MIR_Phi: case MIR_Br:
            case MIR_CondBr: case MIR_Ret: case MIR_Unreachable: case MIR_Undef:
            case MIR_CellGet: case MIR_ClosureCell: case MIR_Not: case MIR_Narrow:
            case MIR_NarrowCmp: case MIR_NarrowIdx:
            case MIR_CheckBound: case MIR_ConstI1: case MIR_GlobalLoad: case MIR_BuildTuple:
                break;
            case MIR_IterNext:
                if (i->args[0]->op != MIR_Param || i->args[0]->imm != 0)
                    return 0;
                break;
            case MIR_UnpackSeq:
                if (i->args[0]->op != MIR_IterNext)
                    return 0;
                break;
            case MIR_TupleItem:
                if (i->args[0]->op != MIR_UnpackSeq)
                    return 0;
                break;
            case MIR_BinOp: case MIR_InplaceOp: case MIR_Compare: case MIR_UnaryOp:
            case MIR_Truthy:
                for (int a = 0; a < i->nargs; a++)
                    if (!plain_number(TY(s, i->args[a])))
                        return 0;
                break;
            case MIR_Call:
                if (!(i->imm2 & CALL_NO_TB))   /* (min()/max() of nothing, which raises) */
                    return 0;
                break;
            default:
                return 0;
            }
        }
    return 1;
}

/* A consumer clone over a zip of two lists, or a comprehension clone over enumerate(x)
 * (enumer; consume.c checked the shape): its loop. */
static void find_zip_loop(Spec *s, int enumer)
{
    for (int bp = 0; bp < s->nblocks0; bp++) {
        MirBlock *h = s->blocks0[bp];
        MirInst *x = mir_block_raiser(h);
        if (!x || x->op != MIR_IterNext || x->args[0]->op != MIR_Param || x->args[0]->imm != 0)
            continue;
        MirBlock *body = x->target;
        MirInst *u = body ? mir_block_raiser(body) : NULL;
        if (!u || u->op != MIR_UnpackSeq || u->args[0] != x || body->insts[0] != u ||
            body->npreds != 1 || !x->target2 ||
            (x->target2->ninsts && x->target2->insts[0]->op == MIR_Phi))
            return;
        add_loop(s, (Loop){.next = x, .it = x->args[0], .head = h, .body = body,
                           .exit = x->target2, .step = 1, .zip = 1, .unpack = u,
                           .enumer = enumer, .zipmin = consumer_runs_no_code(s)});
        return;
    }
}

static int has_phis(const MirBlock *b)
{
    return b && b->ninsts && b->insts[0]->op == MIR_Phi;
}

/* A consumer clone over iter(range(...)) (consume.c checked the shape): its loop. */
static int consumer_runs_no_code(Spec *s);

static void find_range_param_loop(Spec *s, int64_t step, int listp)
{
    for (int bp = 0; bp < s->nblocks0; bp++) {
        MirBlock *h = s->blocks0[bp];
        MirInst *x = mir_block_raiser(h);
        if (!x || x->op != MIR_IterNext || x->args[0]->op != MIR_Param || x->args[0]->imm != 0)
            continue;
        MirBlock *body = x->target;
        if (!body || body == h || body->npreds != 1 || has_phis(body))
            return;
        add_loop(s, (Loop){.next = x, .it = x->args[0], .head = h, .body = body,
                           .exit = x->target2, .step = step, .rangep = !listp, .listp = listp,
                           .zipmin = listp && consumer_runs_no_code(s)});
        return;
    }
}

static Loop *range_param_loop(Spec *s)   /* (also the list loop: listp) */
{
    for (int i = 0; i < s->nloops; i++)
        if (s->loops[i].rangep || s->loops[i].listp)
            return &s->loops[i];
    return NULL;
}

static Loop *zip_loop(Spec *s)   /* a consumer clone's (zip 1) */
{
    for (int i = 0; i < s->nloops; i++)
        if (s->loops[i].zip == 1)
            return &s->loops[i];
    return NULL;
}

static Loop *loop_of_unpack(Spec *s, const MirInst *u)   /* a zip loop's unpack */
{
    for (int i = 0; i < s->nloops; i++)
        if (s->loops[i].zip && s->loops[i].unpack == u)
            return &s->loops[i];
    return NULL;
}

/* A start of enumerate(x, start) that a counted loop adds to its counter in i64: an int
 * proven in [-2**61, 2**61] (the counter stays below a list's greatest size, 2**60). */
static int enum_start_ok(Ty t)
{
    return t.k == TY_INT && ty_int_small(t) && t.lo >= -(INT64_C(1) << 61) &&
           t.hi <= (INT64_C(1) << 61);
}

const MirInst *spec_zip_unpack(const InferCtx *c, const MirFunction *fn, const MirInst *x)
{
    if (x->op != MIR_IterNext || x->args[0]->op != MIR_GetIter || !x->target)
        return NULL;
    const MirInst *it = x->args[0], *call = it->args[0];
    if (call->op != MIR_Call || call->nargs < 2 || call->nargs > 3 || call->nnames)
        return NULL;
    Ty f = infer_ty(c, call->args[0]);
    if (f.k != TY_BUILTIN || (f.bi != TB_zip && f.bi != TB_enumerate) ||
        (f.bi == TB_zip && call->nargs != 3) || infer_ty(c, call->args[1]).k != TY_LIST ||
        (f.bi == TB_zip && infer_ty(c, call->args[2]).k != TY_LIST))
        return NULL;
    if (f.bi == TB_enumerate && call->nargs == 3 && !enum_start_ok(infer_ty(c, call->args[2])))
        return NULL;
    const MirBlock *body = x->target;
    if (body->npreds != 1 || body->ninsts < 1 || body->insts[0]->op != MIR_UnpackSeq)
        return NULL;
    const MirInst *u = body->insts[0];
    if (u->imm != 2 || u->args[0] != x)
        return NULL;
    int ncall = 0, nit = 0, nx = 0, nu = 0, items = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (int k = 0; k < fn->blocks[b]->ninsts; k++) {
            const MirInst *i = fn->blocks[b]->insts[k];
            int rel = i->op == MIR_GenFresh || i->op == MIR_IterRelease;
            for (int a = 0; a < i->nargs; a++) {
                ncall += i->args[a] == call;
                nit += i->args[a] == it && !rel;
                nx += i->args[a] == x;
                nu += i->args[a] == u;
                items += i->args[a] == u && i->op == MIR_TupleItem;
            }
        }
    return ncall == 1 && nit == 1 && nx == 1 && nu == items ? u : NULL;
}

/* Would find_loops count this loop (the conditions below, in the same order)? */
static int counted_shape(Spec *s, MirBlock *h, MirInst *x)
{
    if (!ty_int_small(TY(s, x)))
        return 0;
    MirInst *it = x->args[0];
    if (it->op != MIR_GetIter || s->uses[it->id] - s->reluses[it->id] != 1)
        return 0;
    MirInst *call = it->args[0];
    if (!is_builtin_call(s, call, TB_range) || s->uses[call->id] != 1)
        return 0;
    int n = call->nargs - 1;
    if (n < 1 || n > 3)
        return 0;
    if (n == 3 && (call->args[3]->op != MIR_ConstInt || call->args[3]->imm <= 0))
        return 0;
    if (n >= 2 && !ty_int_small(TY(s, call->args[1])))
        return 0;
    if (TY(s, call->args[n == 1 ? 1 : 2]).k != TY_INT)
        return 0;
    MirBlock *body = x->target;
    return body && body != h && body->npreds == 1 && !has_phis(body);
}

/* `for v in range(a, b, c)` with int arguments the counted form does not take (a start or a
 * step not proven small, a step that is not a positive constant): versioned. */
static void find_versioned(Spec *s, MirBlock *h, MirInst *x)
{
    if (TY(s, x).k != TY_INT)
        return;
    MirInst *it = x->args[0];
    if (it->op != MIR_GetIter || s->uses[it->id] - s->reluses[it->id] != 1 ||
        s->uses[x->id] == 0)
        return;
    MirInst *call = it->args[0];
    if (!is_builtin_call(s, call, TB_range) || s->uses[call->id] != 1 || call->nnames)
        return;
    int n = call->nargs - 1;
    if (n < 1 || n > 3)
        return;
    for (int k = 1; k <= n; k++)
        if (TY(s, call->args[k]).k != TY_INT)
            return;
    MirBlock *body = x->target;
    if (!body || body == h || body->npreds != 1 || has_phis(body) || !x->target2 ||
        x->target2 == h || has_phis(x->target2) || (x->exc && has_phis(x->exc)))
        return;
    add_loop(s, (Loop){.next = x, .it = it, .call = call, .head = h, .body = body,
                       .exit = x->target2, .versioned = 1});
}

static Loop *loop_of_next(Spec *s, const MirInst *x);

/* `for x in lst` with lst an exact list whose items are boxed Values (unboxed storage is
 * unbox.c's, which refuses lists iterated this way) and its iterator used by this loop only:
 * the iterator is never made.  list_iterator steps while its index is below the list's
 * current length, so a counter compared with len(lst) at every step is the same loop, also
 * when the body appends to or shrinks the list. */
static void find_list_loop(Spec *s, MirBlock *h, MirInst *x)
{
    MirInst *it = x->args[0];
    if (it->op != MIR_GetIter || s->uses[it->id] - s->reluses[it->id] != 1)
        return;
    Ty lt = TY(s, it->args[0]);
    if (lt.k != TY_LIST || unbox_kind(s->in, lt))
        return;
    MirBlock *body = x->target;
    if (!body || body == h || body->npreds != 1 || has_phis(body) || !x->target2)
        return;
    add_loop(s, (Loop){.next = x, .it = it, .head = h, .body = body, .exit = x->target2,
                       .step = 1, .list = 1});
}

/* Is this iter.next the head of a range loop we can count? */
/* The iterator a consumer or comprehension clone receives as its lists or bounds instead:
 * 1 iter(zip(a, b)), 2 iter(range(...)), 3 iter(list), 4 iter(enumerate(list)), else 0
 * (consume_zip, consume_range, consume_list, comp_iter). */
static int iter_param_kind(Infer *in, const InferCtx *c, int *nargs, int64_t *step)
{
    if (!c || c->index == 0 || !c->clone)
        return 0;
    if (consume_mode(c->fn))
        return consume_zip(c) ? 1 : consume_range(c, nargs, step) ? 2 : consume_list(c) ? 3
             : consume_enum(c) ? 4 : 0;
    return comp_iter(in, c, nargs, step);
}

/* explain: is x (a get.iter, or the zip or range call under it) one that a call in c replaces
 * by the lists or bounds it passes to a consumer or comprehension clone (skip_iter)?  The
 * same tests as plan_consume, but usable before the clones exist: every specialisation gets
 * one (infer_clone_all). */
int spec_iter_passed(const Infer *in, const InferCtx *c, const MirInst *x)
{
    const MirFunction *f = c->fn;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            if (i->op != MIR_Call || i->id < 0 || i->id >= c->nvals || i->nargs != 2 ||
                i->nnames)
                continue;
            InferCtx *t = c->callee[i->id];
            if (!t || t->index == 0 || t->genconv)
                continue;
            const MirInst *it = i->args[1];
            if (consume_mode(t->fn)) {   /* sum(<genexpr>): the generator call's iterator */
                if (it->op != MIR_Call || it->args[0]->op != MIR_MakeFunction || it->nargs < 2)
                    continue;
                it = it->args[1];
            }
            int kind = consume_mode(t->fn)
                           ? (consume_zip(t) ? 1 : consume_range(t, NULL, NULL) ? 2
                                                   : consume_list(t) ? 3 : consume_enum(t) ? 4 : 0)
                           : comp_iter(in, t, NULL, NULL);
            if (kind && (x == it || (kind != 3 && it->op == MIR_GetIter && x == it->args[0])))
                return 1;
        }
    return 0;
}

static void find_loops(Spec *s)
{
    int64_t rstep = 1;
    int pkind = s->g->origin ? iter_param_kind(s->in, s->c, NULL, &rstep) : 0;
    if (pkind == 1 || pkind == 4) {
        find_zip_loop(s, pkind == 4);
        if (!zip_loop(s))   /* the caller passes the lists: the loop must be counted */
            die("specialize: no zip loop in the clone %s", s->g->symbol);
    }
    if (pkind == 2) {
        find_range_param_loop(s, rstep, 0);
        if (!range_param_loop(s))   /* the caller passes start and stop: it must count */
            die("specialize: no range loop in the clone %s", s->g->symbol);
    }
    if (pkind == 3) {
        find_range_param_loop(s, 1, 1);
        if (!range_param_loop(s))   /* the caller passes the list: it must count */
            die("specialize: no list loop in the clone %s", s->g->symbol);
    }
    for (int bp = 0; bp < s->nblocks0; bp++) {
        MirBlock *h = s->blocks0[bp];
        MirInst *x = mir_block_raiser(h);
        const MirInst *zu = x && x->op == MIR_IterNext && x->target != h ? spec_zip_unpack(s->c, s->g, x)
                                                                          : NULL;
        const MirInst *zc = zu ? x->args[0]->args[0] : NULL;   /* the zip/enumerate call */
        if (zc && zc->nargs == 3 && TY(s, zc->args[0]).bi == TB_enumerate &&
            unbox_kind(s->in, TY(s, zc->args[1])))
            zu = NULL;   /* enumerate(x, start) reads boxed items (unbox.c refuses it) */
        if (zu) {   /* for x, y in zip(a, b) / enumerate(a): counted over the lists */
            MirInst *it = x->args[0];
            add_loop(s, (Loop){.next = x, .it = it, .call = it->args[0], .head = h,
                               .body = x->target, .exit = x->target2, .step = 1, .zip = 2,
                               .enumer = TY(s, it->args[0]->args[0]).bi == TB_enumerate,
                               .unpack = (MirInst *)zu});
            s->skip[it->id] = 1;
            s->skip[it->args[0]->id] = 1;
            continue;
        }
        if (x && x->op == MIR_IterNext && !counted_shape(s, h, x))
            find_versioned(s, h, x);
        if (x && x->op == MIR_IterNext && !loop_of_next(s, x))
            find_list_loop(s, h, x);
        if (!x || x->op != MIR_IterNext || !ty_int_small(TY(s, x)))
            continue;
        MirInst *it = x->args[0];
        if (it->op != MIR_GetIter || s->uses[it->id] - s->reluses[it->id] != 1)
            continue;
        MirInst *call = it->args[0];
        if (!is_builtin_call(s, call, TB_range) || s->uses[call->id] != 1)
            continue;
        int n = call->nargs - 1;
        int64_t step = 1;
        if (n == 3) {
            if (call->args[3]->op != MIR_ConstInt || call->args[3]->imm <= 0)
                continue;
            step = call->args[3]->imm;
        }
        if (n < 1 || n > 3)
            continue;
        if (n >= 2 && !ty_int_small(TY(s, call->args[1])))
            continue;   /* the start must be small; the stop may be any int (clamped) */
        if (TY(s, call->args[n == 1 ? 1 : 2]).k != TY_INT)
            continue;
        MirBlock *body = x->target;
        if (!body || body == h || body->npreds != 1 ||
            (body->ninsts && body->insts[0]->op == MIR_Phi))
            continue;
        add_loop(s, (Loop){.next = x, .it = it, .call = call, .head = h, .body = body,
                           .exit = x->target2, .step = step});
        s->skip[it->id] = 1;
        s->skip[call->id] = 1;
    }
}

static Loop *loop_of_call(Spec *s, const MirInst *call)
{
    for (int i = 0; i < s->nloops; i++)
        if (s->loops[i].call == call)
            return &s->loops[i];
    return NULL;
}

static Loop *loop_of_next(Spec *s, const MirInst *x)
{
    for (int i = 0; i < s->nloops; i++)
        if (s->loops[i].next == x)
            return &s->loops[i];
    return NULL;
}

/* The specialised context a call goes to, or NULL. */
static InferCtx *direct_target(Spec *s, const MirInst *call)
{
    if (call->op != MIR_Call || call->id < 0 || call->id >= s->c->nvals)
        return NULL;
    InferCtx *t = s->c->callee[call->id];
    return t && t->index > 0 && t->clone && !t->genconv ? t : NULL;
}

/* infer.c gen_loop_call: a call of a plain generator function whose generator only a for
 * loop consumes goes to a typed copy that is still a generator (a separate generic function,
 * InferCtx.gencall): its context, or NULL. */
static InferCtx *gen_loop_target(Spec *s, const MirInst *call)
{
    if (call->op != MIR_Call || call->id < 0 || call->id >= s->c->nvals)
        return NULL;
    InferCtx *t = s->c->callee[call->id];
    return t && t->gencall && t->index > 0 && t->clone ? t : NULL;
}

/* The call of such a loop whose gen.fresh i is (its callee operand becomes the copy's
 * function object, so that the loop still closes the generator when left early). */
static const MirInst *gen_fresh_call(Spec *s, const MirInst *i)
{
    if (i->op != MIR_GenFresh || i->args[1]->op != MIR_GetIter)
        return NULL;
    const MirInst *call = i->args[1]->args[0];
    return gen_loop_target(s, call) ? call : NULL;
}

/* The self of a direct method call o.m(...): o, or the self of super() when o is one. */
static const MirInst *method_self(Spec *s, const MirInst *call)
{
    const MirInst *o = call->args[0]->args[0];
    return TY(s, o).k == TY_SUPER ? o->args[2] : o;
}

/* classes.c: o.m(...) of a known method whose context is specialised: its context. */
static InferCtx *method_target(Spec *s, const MirInst *call)
{
    if (call->op != MIR_Call || call->id < 0 || call->id >= s->c->nvals || call->nnames ||
        call->args[0]->op != MIR_GetAttr || TY(s, call->args[0]).k != TY_METHOD)
        return NULL;
    InferCtx *t = s->c->mcallee[call->id];
    return t && t->index > 0 && t->clone ? t : NULL;
}

/* classes.c: o.m(...) with o a union of classes, at least one of which has a specialised
 * context for m (classes_ucall_ty): dispatched on the class (rewrite_union_call).  The
 * fallback's getattr raises to the call's handler, so both must have the same one. */
static int union_target(Spec *s, const MirInst *call)
{
    if (call->op != MIR_Call || call->nnames || call->id < 0 || call->id >= s->c->nvals ||
        call->args[0]->op != MIR_GetAttr || TY(s, call->args[0]).k != TY_UMETHOD ||
        call->args[0]->exc != call->exc || call->nargs > 16)
        return 0;
    for (int k = 0; k < TY_UNION_MAX; k++) {
        InferCtx *t = classes_ucallee(s->c, call, k);
        if (t && t->index > 0 && t->clone)
            return 1;
    }
    return 0;
}

/* classes.c: C(...) of a plain class made inline: inst.new, then __init__'s clone (*init; NULL
 * when the class has none but object's and there are no arguments).  __init__ must be known
 * to return None (else CPython's TypeError comes from the generic call). */
static int is_new_call(Spec *s, const MirInst *call, InferCtx **init)
{
    if (call->op != MIR_Call || call->id < 0 || call->id >= s->c->nvals || call->nnames)
        return 0;
    Ty t = TY(s, call->args[0]);
    if (t.k != TY_CLASS || !t.cls || !t.cls->plain)
        return 0;
    InferCtx *c = s->c->mcallee[call->id];
    if (c && c->index > 0 && c->clone && (c->ret.k == TY_NONE || c->ret.k == TY_BOT)) {
        *init = c;
        return 1;
    }
    int other;
    if (!classes_lookup(s->in, t.cls, "__init__", &other) && !other && call->nargs == 1) {
        *init = NULL;
        return 1;
    }
    return 0;
}

static int is_len_call(Spec *s, const MirInst *i)
{
    return is_builtin_call(s, i, TB_len) && i->nargs == 2 &&
           (TY(s, i->args[1]).k == TY_LIST || TY(s, i->args[1]).k == TY_SET ||
            TY(s, i->args[1]).k == TY_STR);
}

/* list(x) of the builtin list with x an exact list: a copy of its items, which is x[:]
 * (list.slice with no bounds: one allocation, no argument tuple, no list.__init__) */
static int is_list_copy_call(Spec *s, const MirInst *i)
{
    return is_builtin_call(s, i, TB_list) && i->nargs == 2 && !i->nnames &&
           TY(s, i->args[1]).k == TY_LIST;
}

/* set() of the builtin set: an empty set display (build.set), no call */
static int is_empty_set_call(Spec *s, const MirInst *i)
{
    return is_builtin_call(s, i, TB_set) && i->nargs == 1;
}

static int is_math_call(Spec *s, const MirInst *i)
{
    if (!is_builtin_call(s, i, TB_math_sqrt) || i->nargs != 2)
        return 0;
    Ty a = TY(s, i->args[1]);
    return a.k == TY_FLOAT || ty_int_small(a);
}

/* A global.load that cannot fail and always reads one thing: a constant of the single store
 * (infer_load_const), or a known class (class.get of its registered cell: the class.reg after
 * its class.build ran before the store).  Such loads fold (rewrite_inst) even when used. */
static int fold_load(Spec *s, const MirInst *i)
{
    Ty t = TY(s, i);
    if (t.k == TY_CLASS && t.cls && t.cls->folded)
        return 1;
    const MirInst *v = infer_global_const(s->in, s->g, i);
    if (!v)
        return 0;
    if (v->op == MIR_ConstInt)
        return t.k == TY_INT && t.lo == t.hi && t.lo == v->imm;
    if (v->op == MIR_ConstFloat)
        return t.k == TY_FLOAT;
    if (v->op == MIR_ConstTrue || v->op == MIR_ConstFalse)
        return t.k == TY_BOOL;
    return ty_rep(t) == MT_DYN;   /* None, str: the boxed constant */
}

static int numeric_builtin(Spec *s, const MirInst *i) { return infer_numeric_builtin(s->c, i); }

/* The inline forms (infer_numeric_builtin): abs of a float is fabs, of a small int a select (|v| < 2**62: no
 * overflow; other ints keep the runtime's exact abs); min(x, y) is `y if y < x else x` and
 * max(x, y) `y if y > x else x`, as the builtins compare (the first of equal items, NaN
 * and signed zeros alike); ints not proven small compare as tagged words (int.cmp) and the
 * select picks one of the two Values.  int() of a float truncates (f.toint), of an int is
 * that int; float() of a number is as_f64. */
static MirInst *as_f64(Spec *s, int pos, const MirInst *v, MirBlock *exc, Loc loc);
static MirInst *typed_raising(Spec *s, MirInst *orig, MirOp op, MirInst *a, MirInst *b);

static MirInst *numeric_builtin_rewrite(Spec *s, int pos, MirInst *i)
{
    Loc loc = i->loc;
    Ty f = TY(s, i->args[0]), a = TY(s, i->args[1]), r = TY(s, i);
    switch (f.bi) {
    case TB_abs:
        if (a.k == TY_FLOAT)
            return emit1(s, MIR_FAbs, get(s, i->args[1], MT_F64, loc), loc);
        {
            MirInst *x = get(s, i->args[1], MT_I64, loc);
            MirInst *z = emit(s, MIR_ConstInt, NULL, 0, loc);
            z->imm = 0;
            z->type = MT_I64;
            MirInst *neg = emit2(s, MIR_ICmp, x, z, loc);
            neg->imm = Cmp_Lt;
            neg->type = MT_I1;
            MirInst *nx = emit1(s, MIR_INeg, x, loc);
            nx->type = MT_I64;
            MirInst *args[3] = {neg, nx, x};
            MirInst *n = emit(s, MIR_SelI, args, 3, loc);
            n->type = MT_I64;
            return n;
        }
    case TB_int:
        if (a.k == TY_FLOAT) {
            MirInst *n = typed_raising(s, i, MIR_FToInt, get(s, i->args[1], MT_F64, loc), NULL);
            n->type = MT_DYN;
            return n;
        }
        return get(s, i->args[1], ty_rep(r), loc);
    case TB_float:
        return as_f64(s, pos, i->args[1], i->exc, loc);
    default:
        break;
    }
    /* min / max of two */
    int mn = f.bi == TB_min;
    Ty b = TY(s, i->args[2]);
    MirInst *c, *args[3];
    MirOp sel;
    MirType t;
    if (a.k == TY_FLOAT) {
        args[1] = get(s, i->args[2], MT_F64, loc);
        args[2] = get(s, i->args[1], MT_F64, loc);
        c = emit2(s, MIR_FCmp, args[1], args[2], loc);
        sel = MIR_SelF;
        t = MT_F64;
    } else if (ty_int_small(a) && ty_int_small(b)) {
        args[1] = get(s, i->args[2], MT_I64, loc);
        args[2] = get(s, i->args[1], MT_I64, loc);
        c = emit2(s, MIR_ICmp, args[1], args[2], loc);
        sel = MIR_SelI;
        t = MT_I64;
    } else {
        args[1] = get(s, i->args[2], MT_DYN, loc);
        args[2] = get(s, i->args[1], MT_DYN, loc);
        c = emit2(s, MIR_IntCmp, args[1], args[2], loc);
        sel = MIR_SelD;
        t = MT_DYN;
    }
    c->imm = mn ? Cmp_Lt : Cmp_Gt;
    c->type = MT_I1;
    args[0] = c;
    MirInst *n = emit(s, sel, args, 3, loc);
    n->type = t;
    if (t == MT_DYN && ty_rep(r) == MT_I64) {   /* the result is proven small */
        n = emit1(s, MIR_UnboxI64, n, loc);
        n->type = MT_I64;
    }
    return n;
}

/* Which global.loads (and module attribute loads of known builtins) become unused:
 * callees of direct calls and rewritten builtins.  Two rounds: math.sqrt's getattr goes first,
 * then the load of `math` it used. */
static void count_needed(Spec *s, int *needed)
{
    memset(needed, 0, sizeof *needed * (size_t)(s->nvals + 1));
    for (int b = 0; b < s->nblocks0; b++)
        for (int k = 0; k < s->blocks0[b]->ninsts; k++) {
            MirInst *i = s->blocks0[b]->insts[k];
            int from = 0;
            if ((i->id >= 0 && i->id < s->nvals && s->skip[i->id] && s->skip[i->id] != 4 &&
                 (i->op != MIR_Call || TY(s, i).k == TY_SUPER)) ||
                loop_release(s, i))
                continue;   /* dropped: a counted loop's iterator, a dropped load */
            if (i->op == MIR_Call && (direct_target(s, i) || is_math_call(s, i) ||
                                      numeric_builtin(s, i) || is_len_call(s, i) ||
                                      is_empty_set_call(s, i) || is_list_copy_call(s, i) ||
                                      (loop_of_call(s, i) && !loop_of_call(s, i)->versioned) ||
                                      (i->id >= 0 && i->id < s->nvals && s->skip[i->id] == 3)))
                from = 1;
            if (gen_loop_target(s, i) || gen_fresh_call(s, i))
                from = 1;   /* the callee: the copy's function object instead */
            if (method_target(s, i) || dunder_set_call(s->c, i) || dunder_list_call(s->c, i) ||
                dunder_str_pred_call(s->c, i) || dunder_dict_get_call(s->c, i) ||
                union_target(s, i)) {
                /* the bound method is not made: its receiver is (self for super()) */
                from = 1;
                const MirInst *o = method_target(s, i) ? method_self(s, i) : i->args[0]->args[0];
                if (o->id >= 0)
                    needed[o->id]++;
            }
            for (int a = from; a < i->nargs; a++)
                if (i->args[a]->id >= 0)
                    needed[i->args[a]->id]++;
        }
}

/* A getattr that cannot fail and that nothing needs once its calls are rewritten: math.sqrt
 * of the C math module, a method found on the class (or dispatched on it: the fallback makes
 * its own), set.add & co., list.append/pop, str.isdigit & co., dict.get. */
static int droppable_getattr(Spec *s, const MirInst *i)
{
    TyKind r = TY(s, i).k, o = TY(s, i->args[0]).k;
    return r == TY_BUILTIN || r == TY_METHOD || r == TY_UMETHOD ||
           (o == TY_SET && dunder_set_method(i->str)) ||
           (o == TY_LIST && dunder_list_method(i->str)) ||
           (o == TY_STR && dunder_str_pred(i->str)) ||
           (o == TY_DICT && i->str && strcmp(i->str, "get") == 0);
}

static void plan_loads(Spec *s)
{
    int *needed = xcalloc((size_t)s->nvals + 1, sizeof *needed);
    count_needed(s, needed);
    for (int b = 0; b < s->nblocks0; b++)
        for (int k = 0; k < s->blocks0[b]->ninsts; k++) {
            MirInst *i = s->blocks0[b]->insts[k];
            if (i->op == MIR_GetAttr && !needed[i->id] && droppable_getattr(s, i))
                s->skip[i->id] = 1;
        }
    for (int round = 0; round < 2; round++) {
        /* super() whose only use was a direct method call, then its operands */
        count_needed(s, needed);
        for (int b = 0; b < s->nblocks0; b++)
            for (int k = 0; k < s->blocks0[b]->ninsts; k++) {
                MirInst *i = s->blocks0[b]->insts[k];
                if (i->id < 0 || needed[i->id])
                    continue;
                if (i->op == MIR_Call && TY(s, i).k == TY_SUPER)
                    s->skip[i->id] = 1;
                if (i->op == MIR_CellGet && i->args[0]->op == MIR_ClosureCell &&
                    class_cell_clone(s->in, s->c))
                    s->skip[i->id] = 1;
                if (i->op == MIR_GlobalLoad && TY(s, i).k == TY_BUILTIN &&
                    TY(s, i).bi == TB_super)
                    s->skip[i->id] = 1;   /* a known builtin: the load cannot fail */
            }
    }
    count_needed(s, needed);
    for (int b = 0; b < s->nblocks0; b++)
        for (int k = 0; k < s->blocks0[b]->ninsts; k++) {
            MirInst *i = s->blocks0[b]->insts[k];
            if (i->op == MIR_GlobalLoad && infer_load_safe(s->in, s->g, i) &&
                (!needed[i->id] || fold_load(s, i)))
                s->skip[i->id] = fold_load(s, i) ? 2 : 1;   /* unused, or read as its
                                                               constant or class (2) */
        }
    free(needed);
}

/* ---- rewriting one instruction ---- */

static MirInst *as_f64(Spec *s, int pos, const MirInst *v, MirBlock *exc, Loc loc)
{
    Ty t = TY(s, v);
    if (t.k == TY_NUM) {   /* int|float: inline tag test (OverflowError for a big int) */
        MirInst *a = get(s, v, MT_DYN, loc);
        loc.synthetic = 1;
        return emit_raising(s, pos, MIR_NumToF, &a, 1, exc, loc);
    }
    if (t.k == TY_INT && !ty_int_small(t)) {
        MirInst *a = get(s, v, MT_DYN, loc);
        loc.synthetic = 1;
        return emit_raising(s, pos, MIR_IntToF, &a, 1, exc, loc);
    }
    return get(s, v, MT_F64, loc);
}

static void finish(Spec *s, MirInst *orig, MirInst *n)
{
    if (orig->id >= 0 && orig->id < s->nvals)
        s->map[orig->id] = n;
}

/* Emits a replacement typed op for a raising original (keeps its successors). */
static MirInst *typed_raising(Spec *s, MirInst *orig, MirOp op, MirInst *a, MirInst *b)
{
    MirInst *n = b ? emit2(s, op, a, b, orig->loc) : emit1(s, op, a, orig->loc);
    n->target = orig->target;
    n->exc = orig->exc;
    return n;
}

static int arith_op(int op)
{
    return op == Op_Add || op == Op_Sub || op == Op_Mult;
}

static int bit_op(int op)
{
    return op == Op_BitAnd || op == Op_BitOr || op == Op_BitXor || op == Op_RShift ||
           op == Op_LShift;
}

/* & | ^ >> << on ints.  On small operands & | ^ stay small (two's complement on i64 is
 * Python's infinite one), >> by a count known >= 0 is an arithmetic shift by at most 63, and
 * << is inline when inference bounded its result; else the tagged op (small operands inline,
 * the generic operator for big ones, a negative count's ValueError, a huge shift). */
static MirInst *rewrite_bitop(Spec *s, MirInst *i, Ty a, Ty b, Ty r)
{
    int op = (int)i->imm;
    Loc loc = i->loc;
    int small = ty_int_small(a) && ty_int_small(b) && ty_int_small(r);
    if (small && (op != Op_RShift || b.lo >= 0) && (op != Op_LShift || (b.lo >= 0 && b.hi <= 62))) {
        MirInst *n = emit2(s, MIR_IBit, get(s, i->args[0], MT_I64, loc),
                           get(s, i->args[1], MT_I64, loc), loc);
        n->imm = op;
        return n;
    }
    MirInst *n = typed_raising(s, i, MIR_IntBit, get(s, i->args[0], MT_DYN, loc),
                               get(s, i->args[1], MT_DYN, loc));
    n->imm = op;
    return n;
}

/* BinOp / InplaceOp on ints and floats; returns the new value or NULL (stay generic). */
/* Operand v of int arithmetic as want (i64 or a tagged int): a bool becomes 0 or 1. */
static MirInst *int_operand(Spec *s, const MirInst *v, MirType want, Loc loc)
{
    if (TY(s, v).k != TY_BOOL)
        return get(s, v, want, loc);
    MirInst *k[3] = {get(s, v, MT_I1, loc), NULL, NULL};
    for (int j = 1; j < 3; j++) {
        k[j] = emit(s, MIR_ConstInt, NULL, 0, loc);
        k[j]->imm = j == 1;
        k[j]->type = MT_I64;
    }
    MirInst *n = emit(s, MIR_SelI, k, 3, loc);
    n->type = MT_I64;
    return want == MT_I64 ? n : convert(s, n, ty_int(0, 1), want, loc);
}

static MirInst *rewrite_binop(Spec *s, int pos, MirInst *i)
{
    Ty a = TY(s, i->args[0]), b = TY(s, i->args[1]), r = TY(s, i);
    int op = (int)i->imm;
    Loc loc = i->loc;
    if (r.k == TY_INT && arith_op(op) && (a.k == TY_BOOL || b.k == TY_BOOL) &&
        (a.k == TY_INT || a.k == TY_BOOL) && (b.k == TY_INT || b.k == TY_BOOL)) {
        /* an int with a bool (infer.c binop_ty): the bool as the int 0 or 1 */
        int small = ty_int_small(a.k == TY_BOOL ? ty_int(0, 1) : a) &&
                    ty_int_small(b.k == TY_BOOL ? ty_int(0, 1) : b) && ty_int_small(r);
        MirType rep = small ? MT_I64 : MT_DYN;
        MirInst *x = int_operand(s, i->args[0], rep, loc), *y = int_operand(s, i->args[1], rep, loc);
        if (small)
            return emit2(s, op == Op_Add ? MIR_IAdd : op == Op_Sub ? MIR_ISub : MIR_IMul, x, y,
                         loc);
        return typed_raising(s, i, op == Op_Add ? MIR_IntAdd : op == Op_Sub ? MIR_IntSub
                                                                           : MIR_IntMul, x, y);
    }
    if (a.k == TY_INT && b.k == TY_INT && r.k == TY_INT) {
        int small = ty_int_small(a) && ty_int_small(b) && ty_int_small(r);
        if (small && arith_op(op)) {
            MirOp o = op == Op_Add ? MIR_IAdd : op == Op_Sub ? MIR_ISub : MIR_IMul;
            return emit2(s, o, get(s, i->args[0], MT_I64, loc), get(s, i->args[1], MT_I64, loc),
                         loc);
        }
        if (small && (op == Op_FloorDiv || op == Op_Mod))
            return typed_raising(s, i, op == Op_Mod ? MIR_IMod : MIR_IFloorDiv,
                                 get(s, i->args[0], MT_I64, loc), get(s, i->args[1], MT_I64, loc));
        if (small && op == Op_Pow && b.lo == b.hi && b.lo >= 1 && b.lo <= 8) {
            /* x ** k with the result proven small: k - 1 products (each partial product is
             * no larger in magnitude than the result) */
            MirInst *x = get(s, i->args[0], MT_I64, loc), *p = x;
            for (int64_t k = 1; k < b.lo; k++)
                p = emit2(s, MIR_IMul, p, x, loc);
            return p;
        }
        if (arith_op(op)) {
            MirOp o = op == Op_Add ? MIR_IntAdd : op == Op_Sub ? MIR_IntSub : MIR_IntMul;
            return typed_raising(s, i, o, get(s, i->args[0], MT_DYN, loc),
                                 get(s, i->args[1], MT_DYN, loc));
        }
        if (op == Op_FloorDiv || op == Op_Mod)   /* tagged: small operands inline */
            return typed_raising(s, i, op == Op_Mod ? MIR_IntMod : MIR_IntFloorDiv,
                                 get(s, i->args[0], MT_DYN, loc), get(s, i->args[1], MT_DYN, loc));
        if (bit_op(op))
            return rewrite_bitop(s, i, a, b, r);
        return NULL;
    }
    if (a.k == TY_INT && b.k == TY_INT && op == Op_Div && ty_int_small(a) && ty_int_small(b))
        return typed_raising(s, i, MIR_ITrueDiv, get(s, i->args[0], MT_I64, loc),
                             get(s, i->args[1], MT_I64, loc));
    if (a.k == TY_INT && b.k == TY_INT && op == Op_Div && r.k == TY_FLOAT)
        return typed_raising(s, i, MIR_IntTrueDiv, get(s, i->args[0], MT_DYN, loc),
                             get(s, i->args[1], MT_DYN, loc));
    /* [x] * n, n * list: the repetition itself (list_mul), no operator dispatch */
    if (i->op == MIR_BinOp && op == Op_Mult && r.k == TY_LIST &&
        ((a.k == TY_LIST && (b.k == TY_INT || b.k == TY_BOOL)) ||
         (b.k == TY_LIST && (a.k == TY_INT || a.k == TY_BOOL)))) {
        int l = a.k == TY_LIST ? 0 : 1;
        MirInst *n = typed_raising(s, i, MIR_ListRepeat, get(s, i->args[l], MT_DYN, loc),
                                   get(s, i->args[1 - l], MT_DYN, loc));
        n->imm2 = unbox_kind(s->in, r);   /* unboxed storage (unbox.c) */
        return n;
    }
    /* float // % and float ** int */
    if (r.k == TY_FLOAT && (op == Op_FloorDiv || op == Op_Mod || op == Op_Pow) &&
        (a.k == TY_FLOAT || b.k == TY_FLOAT) && (a.k == TY_FLOAT || a.k == TY_INT) &&
        (b.k == TY_FLOAT || b.k == TY_INT) &&
        (op != Op_Pow || (a.k == TY_FLOAT && b.k == TY_INT))) {
        MirInst *x = as_f64(s, pos, i->args[0], i->exc, loc);
        MirInst *y = as_f64(s, pos, i->args[1], i->exc, loc);
        return typed_raising(s, i, op == Op_FloorDiv ? MIR_FFloorDiv : op == Op_Mod ? MIR_FMod
                                                                                    : MIR_FPow,
                             x, y);
    }
    /* float|None with a float or a small int in + - * /: optf.check raises the generic
     * operator's TypeError for None, then the float object is unboxed */
    if (i->op == MIR_BinOp && r.k == TY_FLOAT && (arith_op(op) || op == Op_Div) &&
        (a.k == TY_OPTF || b.k == TY_OPTF) &&
        (a.k == TY_FLOAT || a.k == TY_OPTF || ty_int_small(a)) &&
        (b.k == TY_FLOAT || b.k == TY_OPTF || ty_int_small(b))) {
        MirInst *d[2] = {get(s, i->args[0], MT_DYN, loc), get(s, i->args[1], MT_DYN, loc)};
        MirInst *chk = emit_raising(s, pos, MIR_OptfCheck, d, 2, i->exc, loc);
        chk->imm = op;
        chk->type = MT_VOID;
        MirInst *xy[2];
        for (int k = 0; k < 2; k++) {
            if (TY(s, i->args[k]).k == TY_OPTF) {
                xy[k] = emit1(s, MIR_UnboxF64, d[k], loc);
                xy[k]->type = MT_F64;
            } else {
                xy[k] = get(s, i->args[k], MT_F64, loc);
            }
        }
        if (op == Op_Div)
            return typed_raising(s, i, MIR_FDiv, xy[0], xy[1]);
        return emit2(s, op == Op_Add ? MIR_FAdd : op == Op_Sub ? MIR_FSub : MIR_FMul, xy[0], xy[1],
                     loc);
    }
    /* float arithmetic: at least one float (int / int is the exact algorithm above); an
     * int|float operand converts inline (the other one is a float, so a zero divisor gives
     * the float message either way) */
    if (r.k == TY_FLOAT && (arith_op(op) || op == Op_Div) && (a.k == TY_FLOAT || b.k == TY_FLOAT) &&
        (a.k == TY_FLOAT || a.k == TY_INT || a.k == TY_NUM) &&
        (b.k == TY_FLOAT || b.k == TY_INT || b.k == TY_NUM)) {
        MirInst *x = as_f64(s, pos, i->args[0], i->exc, loc);
        MirInst *y = as_f64(s, pos, i->args[1], i->exc, loc);
        if (op == Op_Div) {
            MirInst *d = typed_raising(s, i, MIR_FDiv, x, y);
            d->imm = b.k == TY_INT && (b.lo >= 1 || b.hi <= -1);   /* a nonzero int divisor
                                                                     is a nonzero double */
            return d;
        }
        return emit2(s, op == Op_Add ? MIR_FAdd : op == Op_Sub ? MIR_FSub : MIR_FMul, x, y, loc);
    }
    return NULL;
}

static int exact_in_double(Ty t)
{
    int64_t lim = INT64_C(1) << 53;
    return t.k == TY_FLOAT || (t.k == TY_INT && t.lo >= -lim && t.hi <= lim);
}

static MirInst *rewrite_compare(Spec *s, MirInst *i)
{
    Ty a = TY(s, i->args[0]), b = TY(s, i->args[1]);
    int op = (int)i->imm;
    Loc loc = i->loc;
    if ((op == Cmp_In || op == Cmp_NotIn) && b.k == TY_SET) {   /* x in s: a hash lookup */
        MirInst *n = typed_raising(s, i, MIR_SetContains, get(s, i->args[1], MT_DYN, loc),
                                   get(s, i->args[0], MT_DYN, loc));
        n->imm = op;
        return n;
    }
    if ((op == Cmp_Eq || op == Cmp_NotEq) && a.k == TY_STR && b.k == TY_STR) {
        MirInst *n = emit2(s, MIR_StrEq, get(s, i->args[0], MT_DYN, loc),
                           get(s, i->args[1], MT_DYN, loc), loc);
        n->imm = op;
        return n;
    }
    if (op != Cmp_Eq && op != Cmp_NotEq && op != Cmp_Lt && op != Cmp_LtE && op != Cmp_Gt &&
        op != Cmp_GtE)
        return NULL;
    MirInst *n;
    if (a.k == TY_INT && b.k == TY_INT) {
        if (ty_int_small(a) && ty_int_small(b))
            n = emit2(s, MIR_ICmp, get(s, i->args[0], MT_I64, loc),
                      get(s, i->args[1], MT_I64, loc), loc);
        else
            n = emit2(s, MIR_IntCmp, get(s, i->args[0], MT_DYN, loc),
                      get(s, i->args[1], MT_DYN, loc), loc);
    } else if ((a.k == TY_FLOAT || b.k == TY_FLOAT) && exact_in_double(a) && exact_in_double(b)) {
        n = emit2(s, MIR_FCmp, get(s, i->args[0], MT_F64, loc), get(s, i->args[1], MT_F64, loc),
                  loc);
    } else {
        return NULL;
    }
    n->imm = op;
    return n;
}

static MirInst *rewrite_truthy(Spec *s, MirInst *i)
{
    Ty a = TY(s, i->args[0]);
    Loc loc = i->loc;
    if (a.k == TY_BOOL)
        return get(s, i->args[0], MT_I1, loc);
    if (ty_int_small(a))
        return emit1(s, MIR_ITruthy, get(s, i->args[0], MT_I64, loc), loc);
    if (a.k == TY_INT)
        return emit1(s, MIR_IntTruthy, get(s, i->args[0], MT_DYN, loc), loc);
    if (a.k == TY_FLOAT)
        return emit1(s, MIR_FTruthy, get(s, i->args[0], MT_F64, loc), loc);
    if (a.k == TY_LIST || a.k == TY_SET || a.k == TY_STR || a.k == TY_DICT) {   /* its length */
        MirOp op = a.k == TY_SET ? MIR_SetLen : a.k == TY_STR ? MIR_StrLen
                   : a.k == TY_DICT ? MIR_DictLen : MIR_ListLen;
        MirInst *n = emit1(s, op, get(s, i->args[0], MT_DYN, loc), loc);
        return emit1(s, MIR_ITruthy, n, loc);
    }
    return NULL;
}

static MirInst *rewrite_unary(Spec *s, MirInst *i)
{
    Ty a = TY(s, i->args[0]), r = TY(s, i);
    Loc loc = i->loc;
    if (i->imm == UnOp_USub && ty_int_small(a) && ty_int_small(r))
        return emit1(s, MIR_INeg, get(s, i->args[0], MT_I64, loc), loc);
    if (i->imm == UnOp_USub && a.k == TY_FLOAT)
        return emit1(s, MIR_FNeg, get(s, i->args[0], MT_F64, loc), loc);
    if (i->imm == UnOp_USub && a.k == TY_INT) {   /* -x is 0 - x on the tagged int */
        MirInst *z = emit(s, MIR_ConstInt, NULL, 0, loc);
        return typed_raising(s, i, MIR_IntSub, z, get(s, i->args[0], MT_DYN, loc));
    }
    if (i->imm == UnOp_UAdd && (a.k == TY_FLOAT || a.k == TY_INT))
        return s->map[i->args[0]->id];
    if (i->imm == UnOp_Invert && a.k == TY_INT) {   /* ~x is x ^ -1 */
        int small = ty_int_small(a);
        MirInst *m = emit(s, MIR_ConstInt, NULL, 0, loc);
        m->imm = -1;
        if (small)
            m->type = MT_I64;
        MirInst *n = small ? emit2(s, MIR_IBit, get(s, i->args[0], MT_I64, loc), m, loc)
                           : typed_raising(s, i, MIR_IntBit, get(s, i->args[0], MT_DYN, loc), m);
        n->imm = Op_BitXor;
        return n;
    }
    return NULL;
}

/* o.m(...) and C(...) made direct (classes.c); NULL: not one of those. */
static MirInst *rewrite_class_call(Spec *s, MirInst *i)
{
    InferCtx *t = method_target(s, i), *init = NULL;
    Loc loc = i->loc;
    MirInst *self, *made = NULL;
    if (t) {
        self = get(s, method_self(s, i), t->clone->ptypes[0], loc);
    } else if (is_new_call(s, i, &init)) {
        made = self = emit1(s, MIR_InstNew, get(s, i->args[0], MT_DYN, loc), loc);
        if (!init)
            return made;
        t = init;
    } else {
        return NULL;
    }
    MirFunction *cl = t->clone;
    int n = i->nargs - 1;
    MirInst *args[17];
    if (n + 1 > 16)
        die("specialize: too many arguments for a direct method call in %s", s->g->symbol);
    args[0] = made ? self : get(s, method_self(s, i), cl->ptypes[0], loc);
    for (int k = 0; k < n; k++)
        args[k + 1] = get(s, i->args[k + 1], cl->ptypes[k + 1], loc);
    MirInst *c = emit(s, MIR_CallDirect, args, n + 1, loc);
    c->type = cl->rettype;
    c->func = cl;
    c->target = i->target;
    c->exc = i->exc;
    return made ? made : c;
}

/* Continues at join, where a phi of type rt (named as i's result) takes vals[k] from from[k]. */
static MirInst *join_phi(Spec *s, int pos, MirBlock *join, const MirInst *i, MirType rt,
                         MirBlock **from, MirInst **vals, int n)
{
    s->cur = join;
    add_part(s, pos, join, NULL);
    MirInst *phi = mir_inst_new(s->g, MIR_Phi, NULL, 0, i->loc);
    phi->type = rt;
    phi->varname = i->varname;
    mir_block_insert(s->g, join, 0, phi);
    for (int k = 0; k < n; k++)
        mir_phi_add(s->g, phi, from[k], vals[k]);
    return phi;
}

/* o.m(args) with o a union (union_target): per class with a clone, a test of o's class
 * (inst.isclass) and call.direct of that clone; the other classes (no clone) and any object
 * of none of them (never, under the closed world) take the generic getattr and call.  The
 * results meet in a phi of the call's representation in a new block, which becomes current
 * (the original terminator follows there).  Every call raises to the call's handler: each
 * is a part of block pos (fix_phis gives the handler's phis their operands). */
static MirInst *rewrite_union_call(Spec *s, int pos, MirInst *i)
{
    const MirInst *ga = i->args[0];
    Ty o = TY(s, ga->args[0]), r = TY(s, i);
    Loc loc = i->loc;
    MirType rt = r.k == TY_BOT ? MT_DYN : ty_rep(r);
    MirInst *obj = get(s, ga->args[0], MT_DYN, loc);
    MirBlock *join = mir_block_new(s->g, s->cur->label);
    MirInst *vals[TY_UNION_MAX + 1];
    MirBlock *from[TY_UNION_MAX + 1];
    int nv = 0, n = i->nargs - 1;
    MirInst *args[17];
    for (int k = 0; k < o.un->n; k++) {
        InferCtx *t = classes_ucallee(s->c, i, k);
        if (!t || t->index == 0 || !t->clone)
            continue;
        MirFunction *cl = t->clone;
        MirInst *test = emit1(s, MIR_InstIsClass, obj, loc);
        test->type = MT_I1;
        test->imm = infer_class_id(o.un->cls[k]);
        MirBlock *yes = mir_block_new(s->g, s->cur->label), *no = mir_block_new(s->g, s->cur->label);
        MirInst *cb = emit1(s, MIR_CondBr, test, loc);
        cb->target = yes;
        cb->target2 = no;
        s->cur = yes;
        add_part(s, pos, yes, NULL);
        args[0] = obj;
        for (int a = 0; a < n; a++)
            args[a + 1] = get(s, i->args[a + 1], cl->ptypes[a + 1], loc);
        MirInst *c = emit(s, MIR_CallDirect, args, n + 1, loc);
        c->type = cl->rettype;
        c->func = cl;
        /* ends the block (as emit_raising): normal successor a new block */
        MirBlock *next = mir_block_new(s->g, s->cur->label);
        c->target = next;
        c->exc = i->exc;
        MirInst *br = emit(s, MIR_Br, NULL, 0, loc);
        br->target = next;
        s->parts[pos][s->nparts[pos] - 1].exc = i->exc;
        s->cur = next;
        add_part(s, pos, next, NULL);
        vals[nv] = convert(s, c, t->ret, rt, loc);
        from[nv++] = s->cur;
        br = emit(s, MIR_Br, NULL, 0, loc);
        br->target = join;
        s->cur = no;
        add_part(s, pos, no, NULL);
    }
    /* the fallback: the generic method call; when every class is dispatched, only None can
       come here, and its getattr raises unless the name is one of None's (dunders) */
    int closed = nv == o.un->n && (!o.un->none || strncmp(ga->str, "__", 2) != 0);
    MirInst *g = emit_raising(s, pos, MIR_GetAttr, &obj, 1, i->exc, ga->loc);
    g->str = ga->str;
    g->len = ga->len;
    g->type = MT_DYN;
    args[0] = g;
    for (int a = 0; a < n; a++)
        args[a + 1] = get(s, i->args[a + 1], MT_DYN, loc);
    MirInst *gc = emit_raising(s, pos, MIR_Call, args, n + 1, i->exc, loc);
    gc->type = MT_DYN;
    gc->imm = i->imm;
    gc->imm2 = i->imm2 | (closed ? CALL_CLOSED : 0);
    vals[nv] = convert(s, gc, r, rt, loc);
    from[nv++] = s->cur;
    MirInst *br = emit(s, MIR_Br, NULL, 0, loc);
    br->target = join;
    return join_phi(s, pos, join, i, rt, from, vals, nv);
}

/* call.direct of clone t (no closure, positional arguments only: a narrow call's), ending the
 * current block (emit_raising); its result in representation rt. */
static MirInst *narrow_clone_call(Spec *s, int pos, MirInst *i, InferCtx *t, MirType rt)
{
    MirFunction *cl = t->clone;
    int n = i->nargs - 1;
    MirInst *args[16];
    for (int k = 0; k < n; k++)
        args[k] = get(s, i->args[k + 1], cl->ptypes[k], i->loc);
    MirInst *c = emit_raising(s, pos, MIR_CallDirect, args, n, i->exc, i->loc);
    c->type = cl->rettype;
    c->func = cl;
    return convert(s, c, t->ret, rt, i->loc);
}

/* A call with a narrow context nt (infer.c narrow_call): each int argument that may lie
 * outside nt's parameter range is tested against it; when all pass, nt's clone runs, else t's.
 * The results meet in a phi of the call's representation in a new block, which becomes
 * current (as rewrite_union_call).  NULL when the arguments are not small ints any more. */
static MirInst *rewrite_narrow_call(Spec *s, int pos, MirInst *i, InferCtx *t, InferCtx *nt)
{
    Ty r = TY(s, i);
    Loc loc = i->loc;
    int n = i->nargs - 1;
    if (n != nt->nargs || n != t->clone->nparams || t->clone->nfree > 0 || i->nnames)
        return NULL;
    for (int k = 0; k < n; k++) {
        Ty a = TY(s, i->args[k + 1]);
        if (a.k == TY_INT && (!ty_int_small(a) || nt->args[k].k != TY_INT))
            return NULL;
    }
    MirType rt = r.k == TY_BOT ? MT_DYN : ty_rep(r);
    MirBlock *join = mir_block_new(s->g, s->cur->label);
    MirBlock *other = mir_block_new(s->g, s->cur->label);
    for (int k = 0; k < n; k++) {
        Ty a = TY(s, i->args[k + 1]);
        for (int side = 0; a.k == TY_INT && side < 2; side++) {
            int64_t bound = side ? nt->args[k].lo : nt->args[k].hi;
            if (side ? a.lo >= bound : a.hi <= bound)
                continue;
            MirInst *b = zero_of(s, MT_I64, loc);
            b->imm = bound;
            MirInst *test = emit2(s, MIR_ICmp, get(s, i->args[k + 1], MT_I64, loc), b, loc);
            test->imm = side ? Cmp_GtE : Cmp_LtE;
            MirBlock *pass = mir_block_new(s->g, s->cur->label);
            MirInst *cb = emit1(s, MIR_CondBr, test, loc);
            cb->target = pass;
            cb->target2 = other;
            s->cur = pass;
            add_part(s, pos, pass, NULL);
        }
    }
    MirInst *vals[2];
    MirBlock *from[2];
    for (int v = 0; v < 2; v++) {
        if (v == 1) {
            s->cur = other;
            add_part(s, pos, other, NULL);
        }
        vals[v] = narrow_clone_call(s, pos, i, v ? t : nt, rt);
        from[v] = s->cur;
        MirInst *br = emit(s, MIR_Br, NULL, 0, loc);
        br->target = join;
    }
    return join_phi(s, pos, join, i, rt, from, vals, 2);
}

/* a OP b / -a on exact instances whose dunder's clone is known (dunder.c): call.direct,
 * the operands swapped for a reflected method; NULL: the generic operator. */
static MirInst *rewrite_dunder(Spec *s, MirInst *i)
{
    int swap;
    InferCtx *t = dunder_target(s->in, s->c, i, &swap);
    if (!t || !t->clone)
        return NULL;
    MirFunction *cl = t->clone;
    MirInst *args[2];
    int n = i->op == MIR_UnaryOp ? 1 : 2;
    for (int k = 0; k < n; k++)
        args[k] = get(s, i->args[swap ? n - 1 - k : k], cl->ptypes[k], i->loc);
    MirInst *c = emit(s, MIR_CallDirect, args, n, i->loc);
    c->type = cl->rettype;
    c->func = cl;
    c->target = i->target;
    c->exc = i->exc;
    return c;
}

/* A copy of constant default d (of another function) here, in representation want. */
static MirInst *const_arg(Spec *s, const MirInst *d, MirType want, Loc loc)
{
    MirInst *k = emit(s, d->op, NULL, 0, loc);
    k->imm = d->imm;
    k->fimm = d->fimm;
    k->str = d->str;
    k->len = d->len;
    k->type = MT_DYN;
    Ty t = d->op == MIR_ConstInt ? ty_int(d->imm, d->imm)
           : d->op == MIR_ConstFloat ? ty_kind(TY_FLOAT)
           : d->op == MIR_ConstTrue || d->op == MIR_ConstFalse ? ty_kind(TY_BOOL)
                                                                : ty_dyn();
    if (want == MT_F64 && d->op == MIR_ConstFloat) {
        k->type = MT_F64;
        return k;
    }
    if (want == MT_I64 && d->op == MIR_ConstInt) {
        k->type = MT_I64;
        return k;
    }
    return convert(s, k, t, want, loc);
}

/* sum(<genexpr>) fused (consume.c): the call of the consumer clone, with the closure of the
 * generator expression's function.new and the iterator its call passed (both dropped). */
static int is_consume_call(Spec *s, const MirInst *i)
{
    InferCtx *t = direct_target(s, i);
    return t && consume_mode(t->fn) && i->nargs == 2 && i->args[1]->op == MIR_Call &&
           i->args[1]->args[0]->op == MIR_MakeFunction;
}

/* An int bound of a range as i64: itself when proven small, else clamped to the small-int
 * bounds +- 1 (int.clamp, as a counted loop's stop: an empty range stays empty). */
static MirInst *range_bound(Spec *s, const MirInst *v, Loc loc)
{
    if (ty_int_small(TY(s, v)))
        return get(s, v, MT_I64, loc);
    return emit1(s, MIR_IntClamp, get(s, v, MT_DYN, loc), loc);
}

/* The arguments standing for the iterator `it` that a call of clone t passes (at args[n]):
 * the lists of iter(zip(a, b)), the i64 start and stop of iter(range(...)), the list of
 * iter(x) (iter_param_kind), else the iterator itself.  Returns the new count. */
static int iter_args(Spec *s, InferCtx *t, const MirInst *it, MirInst **args, int n, Loc loc)
{
    int rn = 1;
    switch (iter_param_kind(s->in, t, &rn, NULL)) {
    case 1:   /* the two lists instead of iter(zip(a, b)) */
        args[n++] = get(s, it->args[0]->args[1], MT_DYN, loc);
        args[n++] = get(s, it->args[0]->args[2], MT_DYN, loc);
        return n;
    case 2: {   /* start and stop instead of iter(range()) */
        const MirInst *rc = it->args[0];
        if (rn == 1) {
            args[n] = emit(s, MIR_ConstInt, NULL, 0, loc);
            args[n++]->type = MT_I64;
        } else {
            args[n++] = range_bound(s, rc->args[1], loc);
        }
        args[n++] = range_bound(s, rc->args[rn == 1 ? 1 : 2], loc);
        return n;
    }
    case 3:   /* the list instead of iter(x) */
        args[n++] = get(s, it->args[0], MT_DYN, loc);
        return n;
    case 4:   /* the list instead of iter(enumerate(x)) */
        args[n++] = get(s, it->args[0]->args[1], MT_DYN, loc);
        return n;
    default:
        args[n++] = get(s, it, t->clone->ptypes[0], loc);
        return n;
    }
}

/* Skip the iterator (and the zip or range call) that iter_args replaces. */
static void skip_iter(Spec *s, InferCtx *t, const MirInst *it)
{
    int k = iter_param_kind(s->in, t, NULL, NULL);
    if (k == 1 || k == 2 || k == 4) {
        s->skip[it->id] = 1;
        s->skip[it->args[0]->id] = 3;   /* the zip, range or enumerate call: callee unused */
    }
    if (k == 3)
        s->skip[it->id] = 4;   /* (its operand, the list, is still used) */
}

static MirInst *rewrite_consume_call(Spec *s, MirInst *i)
{
    InferCtx *t = direct_target(s, i);
    MirFunction *cl = t->clone;
    const MirInst *gen = i->args[1], *mk = gen->args[0];
    MirInst *args[3];
    int n = 0;
    if (cl->nfree > 0)
        args[n++] = get(s, mk->args[2], MT_DYN, i->loc);
    n = iter_args(s, t, gen->args[1], args, n, i->loc);
    MirInst *c = emit(s, MIR_CallDirect, args, n, i->loc);
    c->type = cl->rettype;
    c->func = cl;
    c->target = i->target;
    c->exc = i->exc;
    return c;
}

static void plan_consume(Spec *s)
{
    for (int b = 0; b < s->nblocks0; b++)
        for (int k = 0; k < s->blocks0[b]->ninsts; k++) {
            MirInst *i = s->blocks0[b]->insts[k];
            if (!is_consume_call(s, i))
                continue;
            const MirInst *gen = i->args[1];
            if (gen->id >= 0 && gen->id < s->nvals)
                s->skip[gen->id] = 1;   /* no generator is made */
            if (gen->args[0]->id >= 0 && gen->args[0]->id < s->nvals)
                s->skip[gen->args[0]->id] = 1;
            skip_iter(s, direct_target(s, i), gen->args[1]);   /* no zip/range/iterator */
        }
    for (int b = 0; b < s->nblocks0; b++)   /* comprehensions given their lists or bounds */
        for (int k = 0; k < s->blocks0[b]->ninsts; k++) {
            MirInst *i = s->blocks0[b]->insts[k];
            InferCtx *t = direct_target(s, i);
            if (t && !is_consume_call(s, i) && i->nargs == 2 && !i->nnames &&
                iter_param_kind(s->in, t, NULL, NULL))
                skip_iter(s, t, i->args[1]);
        }
}

/* A gen_loop_target call: the function object of the typed copy made right here (no
 * defaults, no closure: gen_plain), called as before; the loop's gen.fresh takes it too. */
static MirInst *rewrite_gen_call(Spec *s, MirInst *i, InferCtx *t)
{
    MirInst *u = emit(s, MIR_Undef, NULL, 0, i->loc);
    MirInst *a[3] = {u, u, u};
    MirInst *mk = emit(s, MIR_MakeFunction, a, 3, i->loc);
    mk->func = t->clone;
    for (int k = 1; k < i->nargs; k++)
        i->args[k] = get(s, i->args[k], MT_DYN, i->loc);
    i->args[0] = mk;
    mir_block_insert(s->g, s->cur, s->cur->ninsts, i);
    return i;
}

static MirInst *rewrite_gen_fresh(Spec *s, MirInst *i, const MirInst *call)
{
    MirInst *nc = s->map[call->id];
    if (!nc || nc->op != MIR_Call)
        die("specialize: gen.fresh before its generator call in %s", s->g->symbol);
    i->args[1] = get(s, i->args[1], MT_DYN, i->loc);
    i->args[0] = nc->args[0];
    mir_block_insert(s->g, s->cur, s->cur->ninsts, i);
    return i;
}

static MirInst *rewrite_call(Spec *s, int pos, MirInst *i)
{
    InferCtx *t = direct_target(s, i);
    Loc loc = i->loc;
    if (is_consume_call(s, i))
        return rewrite_consume_call(s, i);
    MirInst *m = rewrite_class_call(s, i);
    if (m)
        return m;
    if (union_target(s, i))
        return rewrite_union_call(s, pos, i);
    InferCtx *nt = t && i->id >= 0 && i->id < s->nvals ? s->c->ncallee[i->id] : NULL;
    if (nt && nt->clone) {
        MirInst *v = rewrite_narrow_call(s, pos, i, t, nt);
        if (v)
            return v;
    }
    if (t) {
        MirFunction *cl = t->clone;
        int n = i->nargs - 1, off = cl->nfree > 0;
        MirInst *args[65];
        if (n > 64 || cl->nparams > 64)
            die("specialize: too many arguments for a direct call in %s", s->g->symbol);
        if (off)   /* the closure tuple of the function.new that is the callee */
            args[0] = get(s, i->args[0]->args[2], MT_DYN, loc);
        if (i->nnames == 0 && n == 1 && iter_param_kind(s->in, t, NULL, NULL)) {
            n = iter_args(s, t, i->args[1], args, off, loc) - off;   /* lists or bounds */
        } else if (i->nnames == 0 && n == cl->nparams) {
            for (int k = 0; k < n; k++)
                args[k + off] = get(s, i->args[k + 1], cl->ptypes[k], loc);
        } else {   /* keywords and constant defaults, bound as inference bound them */
            int src[64];
            const MirInst *defs[64];
            if (!infer_bind(s->in, t->fn, i, src, defs))
                die("specialize: call of %s cannot be bound in %s", t->fn->symbol, s->g->symbol);
            for (int p = 0; p < cl->nparams; p++)
                args[p + off] = src[p] ? get(s, i->args[src[p]], cl->ptypes[p], loc)
                                       : const_arg(s, defs[p], cl->ptypes[p], loc);
            n = cl->nparams;
        }
        MirInst *c = emit(s, MIR_CallDirect, args, n + off, loc);
        c->type = cl->rettype;
        c->func = cl;
        c->target = i->target;
        c->exc = i->exc;
        return c;
    }
    int isk = dunder_isinstance(s->in, s->c, i);
    if (isk >= 0) {   /* decided by the types: a constant (the call cannot fail) */
        MirInst *k = emit(s, MIR_ConstI1, NULL, 0, loc);
        k->imm = isk;
        return k;
    }
    if (is_math_call(s, i)) {
        MirInst *x = as_f64(s, pos, i->args[1], i->exc, loc);
        return typed_raising(s, i, MIR_FSqrt, x, NULL);
    }
    if (numeric_builtin(s, i))
        return numeric_builtin_rewrite(s, pos, i);
    if (is_len_call(s, i)) {
        TyKind k = TY(s, i->args[1]).k;
        MirOp op = k == TY_SET ? MIR_SetLen : k == TY_STR ? MIR_StrLen : MIR_ListLen;
        MirInst *n = emit1(s, op, get(s, i->args[1], MT_DYN, loc), loc);
        return n;
    }
    if (is_list_copy_call(s, i)) {
        MirInst *a[4];
        a[0] = get(s, i->args[1], MT_DYN, loc);
        for (int k = 1; k < 4; k++)
            a[k] = emit(s, MIR_Undef, NULL, 0, loc);
        MirInst *n = emit(s, MIR_ListSlice, a, 4, loc);
        n->target = i->target;
        n->exc = i->exc;
        return n;
    }
    if (is_empty_set_call(s, i)) {
        MirInst *n = emit(s, MIR_BuildSet, NULL, 0, loc);
        n->target = i->target;
        n->exc = i->exc;
        return n;
    }
    int sm = dunder_set_call(s->c, i);
    if (sm) {   /* s.add(x) & co.: the runtime's set function; the value is None */
        MirInst *none = emit(s, MIR_ConstNone, NULL, 0, loc);
        MirOp op = sm == DUNDER_SET_ADD ? MIR_SetAdd
                   : sm == DUNDER_SET_DISCARD ? MIR_SetDiscard : MIR_SetRemove;
        typed_raising(s, i, op, get(s, i->args[0]->args[0], MT_DYN, loc),
                      get(s, i->args[1], MT_DYN, loc));
        return none;
    }
    if (dunder_dict_get_call(s->c, i)) {   /* the lookup itself, no bound method */
        MirInst *a[3];
        a[0] = get(s, i->args[0]->args[0], MT_DYN, loc);
        a[1] = get(s, i->args[1], MT_DYN, loc);
        a[2] = i->nargs == 3 ? get(s, i->args[2], MT_DYN, loc)
                             : emit(s, MIR_ConstNone, NULL, 0, loc);
        MirInst *n = emit(s, MIR_DictGet, a, 3, loc);
        n->target = i->target;
        n->exc = i->exc;
        return n;
    }
    int sp = dunder_str_pred_call(s->c, i);
    if (sp) {   /* the predicate itself, no bound method; it cannot fail */
        MirInst *n = emit1(s, MIR_StrPred, get(s, i->args[0]->args[0], MT_DYN, loc), loc);
        n->imm = sp - 1;
        return n;
    }
    int lm = dunder_list_call(s->c, i);
    if (lm == DUNDER_LIST_APPEND) {   /* the inline append of comprehensions; None */
        MirInst *lst = get(s, i->args[0]->args[0], MT_DYN, loc);
        emit2(s, MIR_ListAppend, lst, get(s, i->args[1], MT_DYN, loc), loc);
        return emit(s, MIR_ConstNone, NULL, 0, loc);
    }
    if (lm == DUNDER_LIST_POP)
        return typed_raising(s, i, MIR_ListPop, get(s, i->args[0]->args[0], MT_DYN, loc), NULL);
    if (lm == DUNDER_LIST_POP_AT)
        return typed_raising(s, i, MIR_ListPopAt, get(s, i->args[0]->args[0], MT_DYN, loc),
                             get(s, i->args[1], MT_DYN, loc));
    return NULL;
}

/* x[a:b:c] (get or store) of an exact list whose build.slice is used by nothing else: no
 * slice object is made (list.slice / list.setslice). */
static int list_slice_use(Spec *s, const MirInst *i)
{
    if ((i->op != MIR_GetItem && i->op != MIR_SetItem) || TY(s, i->args[0]).k != TY_LIST)
        return 0;
    const MirInst *sl = i->args[1];
    return sl->op == MIR_BuildSlice && sl->id >= 0 && sl->id < s->nvals && s->uses[sl->id] == 1;
}

static void plan_slices(Spec *s)
{
    for (int b = 0; b < s->nblocks0; b++)
        for (int k = 0; k < s->blocks0[b]->ninsts; k++)
            if (list_slice_use(s, s->blocks0[b]->insts[k]))
                s->skip[s->blocks0[b]->insts[k]->args[1]->id] = 1;
}

static int none_bound(const MirInst *v) { return v->op == MIR_Undef || v->op == MIR_ConstNone; }

/* A slice bound of the source of a fused copy: None, or an int (a big one clamps, as
 * slicing does): adjusting it cannot raise or run code. */
static int quiet_bound(Spec *s, const MirInst *v)
{
    return v->op == MIR_Undef || v->op == MIR_ConstNone || TY(s, v).k == TY_NONE ||
           TY(s, v).k == TY_INT;
}

/* `x[a:b:c] = y[d:e:f]` of exact lists where y's slice is used by nothing else: the store is
 * list.copyslice and the new list of the load is never made.  The load then happens at the
 * store, so nothing may run between them: the load's block goes straight to the store's
 * block, which holds only pure values before the store, and the load cannot raise (its bounds
 * are ints or None, its step None or a nonzero constant). */
static const MirInst *copyslice_src(Spec *s, const MirInst *i)
{
    if (i->op != MIR_SetItem || !list_slice_use(s, i))
        return NULL;
    const MirInst *v = i->args[2];
    if (v->op != MIR_GetItem || v->id < 0 || v->id >= s->nvals || s->uses[v->id] != 1 ||
        !list_slice_use(s, v))
        return NULL;
    const MirInst *sl = v->args[1];
    Ty step = TY(s, sl->args[2]);
    if (!quiet_bound(s, sl->args[0]) || !quiet_bound(s, sl->args[1]) ||
        !(sl->args[2]->op == MIR_Undef || sl->args[2]->op == MIR_ConstNone ||
          (step.k == TY_INT && step.lo == step.hi && step.lo != 0)))
        return NULL;
    if (v->exc && has_phis(v->exc))
        return NULL;
    /* the blocks from the load to the store: single predecessors, pure values, and int
     * arithmetic proven small (i.add & co. after the rewrite: it cannot raise), whose edge
     * goes on to the next block (`x[:k + 1] = x[k::-1]`) */
    MirBlock *b = v->target;
    for (int hops = 0; b && b->npreds == 1 && hops < 4; hops++) {
        MirBlock *next = NULL;
        for (int k = 0; k < b->ninsts; k++) {
            const MirInst *x = b->insts[k];
            if (x == i)
                return v;
            if (x->op == MIR_Br && next && x->target == next)
                break;
            if (!(mir_ops[x->op].flags & (MF_SIDE | MF_RAISE | MF_TERM)))
                continue;
            if (x->op == MIR_BinOp && !next && arith_op((int)x->imm) &&
                ty_int_small(TY(s, x)) && ty_int_small(TY(s, x->args[0])) &&
                ty_int_small(TY(s, x->args[1])) && TY(s, x->args[0]).k == TY_INT &&
                TY(s, x->args[1]).k == TY_INT && TY(s, x).k == TY_INT && x->target &&
                (!x->exc || !has_phis(x->exc))) {
                next = x->target;
                continue;
            }
            return NULL;
        }
        if (!next)
            return NULL;
        b = next;
    }
    return NULL;
}

static void plan_copyslices(Spec *s)
{
    for (int b = 0; b < s->nblocks0; b++)
        for (int k = 0; k < s->blocks0[b]->ninsts; k++) {
            const MirInst *v = copyslice_src(s, s->blocks0[b]->insts[k]);
            if (v)
                s->skip[v->id] = 1;
        }
}

/* The list op replacing subscript i: get_op with args[0..n) for a load, set_op with the
 * stored value appended for a store; same successors as i. */
static MirInst *emit_list_sub(Spec *s, MirInst *i, MirOp get_op, MirOp set_op, MirInst **args,
                              int n)
{
    MirInst *r;
    if (i->op == MIR_GetItem) {
        r = emit(s, get_op, args, n, i->loc);
    } else {
        args[n] = get(s, i->args[2], MT_DYN, i->loc);
        r = emit(s, set_op, args, n + 1, i->loc);
    }
    r->target = i->target;
    r->exc = i->exc;
    return r;
}

/* The same for a list of unboxed doubles (unbox.c): the load is an f64, the stored value
 * converts to one (the site's items are all floats). */
static MirInst *emit_flist_sub(Spec *s, MirInst *i, MirOp get_op, MirOp set_op, MirInst **args)
{
    MirInst *r;
    if (i->op == MIR_GetItem) {
        r = emit(s, get_op, args, 2, i->loc);
    } else {
        args[2] = get(s, i->args[2], MT_F64, i->loc);
        r = emit(s, set_op, args, 3, i->loc);
    }
    r->target = i->target;
    r->exc = i->exc;
    return r;
}

/* Subscripts of exact lists by small ints: inline bounds check and load/store. */
static MirInst *rewrite_subscript(Spec *s, MirInst *i)
{
    MirInst *args[5];
    if (TY(s, i->args[0]).k == TY_DICT) {   /* d[k], d[k] = v: the dict's own functions */
        MirInst *a[3];
        for (int k = 0; k < i->nargs && k < 3; k++)
            a[k] = get(s, i->args[k], MT_DYN, i->loc);
        MirInst *n = emit(s, i->op == MIR_GetItem ? MIR_DictGetItem : MIR_DictSetItem, a,
                          i->nargs, i->loc);
        n->target = i->target;
        n->exc = i->exc;
        return n;
    }
    if (i->op == MIR_GetItem && TY(s, i->args[0]).k == TY_STR &&
        TY(s, i->args[1]).k == TY_INT)   /* s[k]: the character, no dispatch */
        return typed_raising(s, i, MIR_StrItem, get(s, i->args[0], MT_DYN, i->loc),
                             get(s, i->args[1], MT_DYN, i->loc));
    const MirInst *src = i->op == MIR_SetItem ? i->args[2] : NULL;
    if (src && src->op == MIR_GetItem && src->id >= 0 && src->id < s->nvals &&
        s->skip[src->id]) {   /* fused by plan_copyslices (its only use is i) */
        MirInst *cargs[8];
        cargs[0] = get(s, i->args[0], MT_DYN, i->loc);
        cargs[4] = get(s, src->args[0], MT_DYN, i->loc);
        for (int k = 0; k < 3; k++) {
            cargs[k + 1] = get(s, i->args[1]->args[k], MT_DYN, i->loc);
            cargs[k + 5] = get(s, src->args[1]->args[k], MT_DYN, i->loc);
        }
        MirInst *r = emit(s, MIR_ListCopySlice, cargs, 8, i->loc);
        r->target = i->target;
        r->exc = i->exc;
        /* x[:k] = x[m::-1] of one list: codegen reverses the prefix inline when k and m are
         * small, 1 <= k <= len(x) and m == k - 1 (imm 1) */
        MirInst *const *d = i->args[1]->args, *const *o = src->args[1]->args;
        Ty st = TY(s, o[2]);
        if (i->args[0] == src->args[0] && none_bound(d[0]) && none_bound(d[2]) &&
            none_bound(o[1]) && st.k == TY_INT && st.lo == -1 && st.hi == -1)
            r->imm = 1;
        return r;
    }
    if (list_slice_use(s, i)) {
        const MirInst *sl = i->args[1];
        args[0] = get(s, i->args[0], MT_DYN, i->loc);
        for (int k = 0; k < 3; k++)
            args[k + 1] = get(s, sl->args[k], MT_DYN, i->loc);
        return emit_list_sub(s, i, MIR_ListSlice, MIR_ListSetSlice, args, 4);
    }
    if (TY(s, i->args[0]).k == TY_LIST && TY(s, i->args[1]).k == TY_INT &&
        !ty_int_small(TY(s, i->args[1]))) {   /* an int that may be big: tag test first */
        args[0] = get(s, i->args[0], MT_DYN, i->loc);
        args[1] = get(s, i->args[1], MT_DYN, i->loc);
        int kind = unbox_kind(s->in, TY(s, i->args[0]));
        if (kind == UNBOX_FLOAT)
            return emit_flist_sub(s, i, MIR_FListGetT, MIR_FListSetT, args);
        MirInst *r = emit_list_sub(s, i, MIR_ListGetT, MIR_ListSetT, args, 2);
        r->imm2 = kind;
        return r;
    }
    if (TY(s, i->args[0]).k != TY_LIST || !ty_int_small(TY(s, i->args[1])))
        return NULL;
    args[0] = get(s, i->args[0], MT_DYN, i->loc);
    args[1] = get(s, i->args[1], MT_I64, i->loc);
    int kind = unbox_kind(s->in, TY(s, i->args[0]));   /* unboxed storage (unbox.c) */
    if (kind == UNBOX_FLOAT)
        return emit_flist_sub(s, i, MIR_FListGet, MIR_FListSet, args);
    MirInst *r = emit_list_sub(s, i, MIR_ListGet, MIR_ListSet, args, 2);
    r->imm2 = kind;
    return r;
}

/* o.x / o.x = v on an exact instance of a class with a fixed layout (layout.c): the slot
 * (inst.load / inst.store, f64 slots unboxed); NULL: stays generic. */
static MirInst *rewrite_slot(Spec *s, MirInst *i)
{
    Ty o = TY(s, i->args[0]);
    if (i->op == MIR_GetAttr && (TY(s, i).k == TY_METHOD || TY(s, i).k == TY_UMETHOD))
        return NULL;
    int f64 = 0, k = -1;
    if (o.k == TY_UNION && !o.un->none) {
        /* a union: the slot every class has at the same index with the same kind (a base's
         * slots keep their indexes in its subclasses) */
        for (int m = 0; m < o.un->n; m++) {
            int f, x = layout_slot(s->in, o.un->cls[m], i->str, &f);
            if (x < 0 || (m > 0 && (x != k || f != f64)))
                return NULL;
            k = x;
            f64 = f;
        }
    } else if ((o.k == TY_INST || o.k == TY_OPT) && o.cls) {
        k = layout_slot(s->in, o.cls, i->str, &f64);
    }
    if (k < 0)
        return NULL;
    MirInst *obj = get(s, i->args[0], MT_DYN, i->loc), *n;
    if (i->op == MIR_GetAttr) {
        n = emit1(s, f64 ? MIR_InstLoadF : MIR_InstLoad, obj, i->loc);
        n->type = f64 ? MT_F64 : MT_DYN;
    } else {
        Ty v = TY(s, i->args[1]);
        if (f64 && v.k != TY_FLOAT && v.k != TY_BOT)
            return NULL;   /* never: the slot's type is the join of its stores */
        n = emit2(s, f64 ? MIR_InstStoreF : MIR_InstStore, obj,
                  get(s, i->args[1], f64 ? MT_F64 : MT_DYN, i->loc), i->loc);
        n->type = MT_VOID;
    }
    n->imm = k;
    n->imm2 = o.k == TY_OPT ? SLOT_MAYBE_NONE   /* None: the generic access raises */
                            : SLOT_CHECKED;
    n->str = i->str;
    n->len = i->len;
    n->target = i->target;
    n->exc = i->exc;
    return n;
}

/* At the start of the block a class.build of a class with a fixed layout continues to: the
 * layout's slots declared to the runtime (class.slot), before any instance can exist. */
static void declare_slots(Spec *s, MirBlock *b)
{
    if (b->npreds != 1)
        return;
    int p = orig_pos(s, b->preds[0]);
    MirInst *build = p >= 0 && s->last[p] ? mir_block_raiser(s->last[p]) : NULL;
    if (!build || build->op != MIR_BuildClass || build->target != b || build->id < 0 ||
        build->id >= s->nvals || !s->map[build->id])
        return;
    for (int c = 0; c < s->in->nclasses; c++) {
        const InferClass *k = s->in->classes[c];
        if (k->build != build)
            continue;
        if (k->dispatched || k->folded) {   /* unions dispatch on it (inst.isclass), or
                                               a folded load reads it (class.get) */
            MirInst *d = emit1(s, MIR_ClassReg, get(s, build, MT_DYN, build->loc), build->loc);
            d->type = MT_VOID;
            d->imm = k->id;
        }
        if (k->fixed != 1)
            continue;
        MirInst *cls = get(s, build, MT_DYN, build->loc);
        for (int j = 0; j < k->nslots; j++) {
            MirInst *d = emit1(s, MIR_ClassSlot, cls, build->loc);
            d->type = MT_VOID;
            d->imm = 2 * j + k->slot_f64[j];
            d->str = k->slots[j];
        }
    }
}

/* The generic op, operands as dyn (i1 where the op wants i1: not, box.bool, and the ops
 * mir_sig.def lists). */
static MirInst *generic(Spec *s, MirInst *i)
{
    MirType res, sig[4];
    int nsig = mir_sig(i->op, &res, sig);
    for (int k = 0; k < i->nargs; k++) {
        if (unbox_kind(s->in, TY(s, i->args[k])) && i->op != MIR_Phi && i->op != MIR_Ret &&
            i->op != MIR_GetIter && i->op != MIR_GenFresh && i->op != MIR_IterRelease &&
            i->op != MIR_CellNew && i->op != MIR_CellSet &&
            !is_builtin_call(s, i, TB_enumerate))
            die("specialize: %s of an unboxed list stays generic in %s (unbox.c let it)",
                mir_ops[i->op].text, s->g->symbol);
        MirType w = k < nsig ? sig[k] : MT_DYN;
        if ((i->op == MIR_Not || i->op == MIR_BoxBool) && k == 0)
            w = MT_I1;
        i->args[k] = get(s, i->args[k], w, i->loc);
    }
    mir_block_insert(s->g, s->cur, s->cur->ninsts, i);
    return i;
}

const MirInst *spec_enum_unpack(const InferCtx *c, const int *uses, const MirInst *x)
{
    if (x->op != MIR_IterNext || infer_ty(c, x->args[0]).k != TY_ENUM || x->id < 0 ||
        uses[x->id] != 1 || !x->target)
        return NULL;
    const MirBlock *body = x->target;
    if (body->ninsts < 1 || body->npreds != 1)
        return NULL;
    const MirInst *u = body->insts[0];
    if (u->op != MIR_UnpackSeq || u->imm != 2 || u->args[0] != x || !u->target)
        return NULL;
    int items = 0;
    const MirBlock *nb = u->target;
    for (int k = 0; k < nb->ninsts; k++)
        if (nb->insts[k]->op == MIR_TupleItem && nb->insts[k]->args[0] == u)
            items++;
    return items == uses[u->id] ? u : NULL;
}

/* spec_enum_unpack while there is room for one more fused enumerate loop. */
static const MirInst *enum_unpack(Spec *s, const MirInst *x)
{
    if (s->nenums == (int)(sizeof s->enums / sizeof s->enums[0]))
        return NULL;
    return spec_enum_unpack(s->c, s->uses, x);
}

static int enum_of_unpack(Spec *s, const MirInst *u)
{
    for (int k = 0; k < s->nenums; k++)
        if (s->enums[k].unpack == u)
            return k;
    return -1;
}

/* The clone's build.tuple that the original value t became (an unpack of a tuple display of its
 * length is the display itself), or NULL.  A tuple is immutable, so its item k is the object
 * the display was given: `a, b = b, a` reads the items without making the pair, which the
 * clean-up then drops when nothing else uses it. */
static MirInst *tuple_display(Spec *s, const MirInst *t)
{
    MirInst *n = t->id >= 0 && t->id < s->nvals ? s->map[t->id] : NULL;
    return n && n->op == MIR_BuildTuple ? n : NULL;
}

/* Before a versioned loop's iter (the range call, generic, is before it): range.fast of the
 * call's arguments and their i64 (0 unless fast). */
static void versioned_prep(Spec *s, Loop *lp)
{
    const MirInst *call = lp->call;
    int n = call->nargs - 1;
    Loc loc = call->loc;
    loc.synthetic = 1;
    MirInst *a[3];
    for (int k = 0; k < 3; k++) {
        const MirInst *v = n == 1 ? (k == 1 ? call->args[1] : NULL)
                                  : (k < n ? call->args[k + 1] : NULL);
        if (v) {   /* the call was rewritten already (generic): its operands are new dyn values */
            a[k] = (MirInst *)v;
        } else {   /* range(stop): start 0; no step: 1 */
            MirInst *c = emit(s, MIR_ConstInt, NULL, 0, loc);
            c->type = MT_I64;
            c->imm = k == 0 ? 0 : 1;
            a[k] = emit1(s, MIR_BoxI64, c, loc);
        }
    }
    lp->mode = emit(s, MIR_RangeFast, a, 3, loc);
    lp->start = emit2(s, MIR_RangeArg, a[0], lp->mode, loc);
    lp->stop = emit2(s, MIR_RangeArg, a[1], lp->mode, loc);
    lp->step64 = emit2(s, MIR_RangeArg, a[2], lp->mode, loc);
}

static void rewrite_inst(Spec *s, int pos, MirInst *i, int *replace_term, Loop **term_loop)
{
    MirInst *n = NULL;
    if (loop_release(s, i))
        return;   /* a range iterator is never a generator: nothing to close */
    if (i->op == MIR_GetIter)
        for (int l = 0; l < s->nloops; l++)
            if (s->loops[l].list && s->loops[l].it == i) {   /* no list_iterator: the list
                                                                and a counter from 0 */
                Loop *lp = &s->loops[l];
                lp->lista = get(s, i->args[0], MT_DYN, i->loc);
                lp->start = emit(s, MIR_ConstInt, NULL, 0, i->loc);
                lp->start->type = MT_I64;
                return;
            }
    if (i->id >= 0 && i->id < s->nvals && s->skip[i->id]) {
        Loop *lp = loop_of_call(s, i);
        if (lp && lp->zip) {   /* the zip or enumerate call: its lists, here (they dominate
                                  the loop) */
            lp->lista = get(s, i->args[1], MT_DYN, i->loc);
            lp->listb = lp->enumer ? NULL : get(s, i->args[2], MT_DYN, i->loc);
            if (lp->enumer && i->nargs == 3)
                lp->count0 = get(s, i->args[2], MT_I64, i->loc);
            lp->start = emit(s, MIR_ConstInt, NULL, 0, i->loc);
            lp->start->type = MT_I64;
        } else if (lp) {   /* the range call: start and stop as i64, here (they dominate the loop) */
            int na = i->nargs - 1;
            if (na == 1) {
                lp->start = emit(s, MIR_ConstInt, NULL, 0, i->loc);
                lp->start->type = MT_I64;
            } else {
                lp->start = get(s, i->args[1], MT_I64, i->loc);
            }
            const MirInst *stop = i->args[na == 1 ? 1 : 2];
            if (ty_int_small(TY(s, stop)))
                lp->stop = get(s, stop, MT_I64, i->loc);
            else
                lp->stop = emit1(s, MIR_IntClamp, get(s, stop, MT_DYN, i->loc), i->loc);
        }
        /* a dropped global.load folds to its constant when it has one (else nothing) */
        if (i->op == MIR_GlobalLoad && s->skip[i->id] == 2) {   /* (plan_loads: it is safe) */
            Ty t = TY(s, i);
            const MirInst *v = infer_global_const(s->in, s->g, i);
            if (t.k == TY_INT && t.lo == t.hi && ty_int_small(t)) {
                n = emit(s, MIR_ConstInt, NULL, 0, i->loc);
                n->imm = t.lo;
                n->type = MT_I64;
                finish(s, i, n);
            } else if (t.k == TY_CLASS && t.cls && t.cls->folded) {
                n = emit(s, MIR_ClassGet, NULL, 0, i->loc);
                n->imm = t.cls->id;
                n->type = MT_DYN;
                finish(s, i, n);
            } else if (v) {
                n = emit(s, v->op, NULL, 0, i->loc);
                n->imm = v->imm;
                n->fimm = v->fimm;
                n->str = v->str;
                n->len = v->len;
                n->type = ty_rep(t) == MT_F64 ? MT_F64 : MT_DYN;
                if (ty_rep(t) == MT_I1) {   /* bool: const.i1 */
                    n->op = MIR_ConstI1;
                    n->imm = v->op == MIR_ConstTrue;
                    n->type = MT_I1;
                }
                finish(s, i, n);
            }
        }
        return;   /* a raising op's br stays: a plain edge now */
    }
    for (int l = 0; l < s->nloops; l++)
        if (s->loops[l].versioned && s->loops[l].it == i)
            versioned_prep(s, &s->loops[l]);
    if (i->op == MIR_ListAppend && unbox_kind(s->in, TY(s, i->args[0]))) {
        /* a comprehension's append to an unboxed list (unbox.c): the item in its storage */
        int kind = unbox_kind(s->in, TY(s, i->args[0]));
        MirInst *l = get(s, i->args[0], MT_DYN, i->loc);
        MirInst *v = get(s, i->args[1], kind == UNBOX_FLOAT ? MT_F64 : MT_DYN, i->loc);
        n = emit2(s, kind == UNBOX_FLOAT ? MIR_FListAppend : MIR_ListAppend, l, v, i->loc);
        n->imm2 = kind == UNBOX_FLOAT ? 0 : kind;
        return;
    }
    InferClass *owner = class_cell_clone(s->in, s->c);
    if (owner && i->op == MIR_ClosureCell)
        return;   /* no closure: the cell's reads load the class */
    if (owner && i->op == MIR_CellGet && i->args[0]->op == MIR_ClosureCell) {
        n = emit(s, MIR_ClassGet, NULL, 0, i->loc);
        n->imm = owner->id;
        n->type = MT_DYN;
        finish(s, i, n);
        return;   /* (never unbound once the class exists: its br stays a plain edge) */
    }
    switch (i->op) {
    case MIR_Param:
        if (s->g->origin)
            i->type = s->g->ptypes[i->imm];
        mir_block_insert(s->g, s->cur, s->cur->ninsts, i);
        n = i;
        Loop *counted = range_param_loop(s) && range_param_loop(s)->it == i &&
                                range_param_loop(s)->listp ? range_param_loop(s)
                        : zip_loop(s) && zip_loop(s)->it == i && zip_loop(s)->enumer
                            ? zip_loop(s) : NULL;
        if (counted) {   /* the list a counted loop (list or enumerate) steps through */
            if (counted == range_param_loop(s))
                i->type = MT_DYN;
            counted->lista = i;
            counted->start = emit(s, MIR_ConstInt, NULL, 0, i->loc);
            counted->start->type = MT_I64;
            if (counted->zipmin)
                counted->stop = emit1(s, MIR_ListLen, counted->lista, i->loc);
            finish(s, i, n);
            return;
        }
        if (range_param_loop(s) && range_param_loop(s)->it == i) {   /* start, stop */
            Loop *lp = range_param_loop(s);
            i->type = MT_I64;
            lp->start = i;
            lp->stop = mir_inst_new(s->g, MIR_Param, NULL, 0, i->loc);
            lp->stop->imm = 1;
            lp->stop->type = MT_I64;
            lp->stop->varname = NULL;
            mir_block_insert(s->g, s->cur, s->cur->ninsts, lp->stop);
            finish(s, i, n);
            return;
        }
        if (zip_loop(s) && zip_loop(s)->it == i) {   /* the zipped lists: parameters 0 and 1 */
            Loop *lp = zip_loop(s);
            lp->lista = i;
            lp->listb = mir_inst_new(s->g, MIR_Param, NULL, 0, i->loc);
            lp->listb->imm = 1;
            lp->listb->type = MT_DYN;
            lp->listb->varname = NULL;
            mir_block_insert(s->g, s->cur, s->cur->ninsts, lp->listb);
            lp->start = emit(s, MIR_ConstInt, NULL, 0, i->loc);
            lp->start->type = MT_I64;
            if (lp->zipmin) {
                MirInst *la = emit1(s, MIR_ListLen, lp->lista, i->loc);
                MirInst *lb = emit1(s, MIR_ListLen, lp->listb, i->loc);
                MirInst *lt = emit2(s, MIR_ICmp, la, lb, i->loc);
                lt->imm = Cmp_Lt;
                MirInst *a[3] = {lt, la, lb};
                lp->stop = emit(s, MIR_SelI, a, 3, i->loc);
                lp->stop->type = MT_I64;
            }
            finish(s, i, n);
            return;
        }
        /* a float parameter used by generic ops is boxed once, here (not at every use: each
         * box allocates); unused, simplify removes it */
        if (i->type == MT_F64 && s->uses[i->id])
            s->boxed[i->id] = convert(s, i, TY(s, i), MT_DYN, i->loc);
        break;
    case MIR_ConstInt:
        if (ty_rep(TY(s, i)) == MT_I64)
            i->type = MT_I64;
        mir_block_insert(s->g, s->cur, s->cur->ninsts, i);
        n = i;
        break;
    case MIR_ConstFloat:
        i->type = MT_F64;
        mir_block_insert(s->g, s->cur, s->cur->ninsts, i);
        n = i;
        break;
    case MIR_IterNext: {
        Loop *lp = loop_of_next(s, i);
        if (lp && lp->versioned) {   /* fast: the counter; slow: the range iterator */
            Loc loc = i->loc;
            lp->fh = mir_block_new(s->g, "range.fast");
            lp->sh = mir_block_new(s->g, "range.slow");
            MirInst *cb = emit1(s, MIR_CondBr, lp->mode, loc);
            cb->target = lp->fh;
            cb->target2 = lp->sh;
            s->cur = lp->fh;
            add_part(s, pos, lp->fh, NULL);
            lp->cond = emit2(s, MIR_ICmp, lp->counter, lp->stop, loc);
            lp->cond->imm = Cmp_Lt;
            lp->boxed = emit1(s, MIR_BoxI64, lp->counter, loc);
            cb = emit1(s, MIR_CondBr, lp->cond, loc);
            cb->target = lp->body;
            cb->target2 = lp->exit;
            s->cur = lp->sh;
            add_part(s, pos, lp->sh, NULL);
            i->args[0] = get(s, i->args[0], MT_DYN, loc);
            i->type = MT_DYN;
            mir_block_insert(s->g, s->cur, s->cur->ninsts, i);
            lp->slowx = i;
            MirInst *br = emit(s, MIR_Br, NULL, 0, loc);
            br->target = lp->body;
            *replace_term = 4;
            *term_loop = lp;
            return;
        }
        if (lp && lp->listp) {   /* counter < len(x) (read here, or once: stop) */
            lp->cond = emit2(s, MIR_ICmp, lp->counter,
                             lp->zipmin ? lp->stop : emit1(s, MIR_ListLen, lp->lista, i->loc),
                             i->loc);
            lp->cond->imm = Cmp_Lt;
            *replace_term = 1;
            *term_loop = lp;
            return;
        }
        if (lp && lp->zip && lp->zipmin) {   /* counter < min(len(a), len(b)) */
            lp->cond = emit2(s, MIR_ICmp, lp->counter, lp->stop, i->loc);
            lp->cond->imm = Cmp_Lt;
            *replace_term = 1;
            *term_loop = lp;
            return;
        }
        if (lp && lp->enumer) {   /* counter < len(x) */
            lp->cond = emit2(s, MIR_ICmp, lp->counter, emit1(s, MIR_ListLen, lp->lista, i->loc),
                             i->loc);
            lp->cond->imm = Cmp_Lt;
            *replace_term = 1;
            *term_loop = lp;
            return;
        }
        if (lp && lp->zip) {   /* counter < len(a), then counter < len(b) (zip.second) */
            MirInst *la = emit1(s, MIR_ListLen, lp->lista, i->loc);
            lp->cond = emit2(s, MIR_ICmp, lp->counter, la, i->loc);
            lp->cond->imm = Cmp_Lt;
            *replace_term = 2;
            *term_loop = lp;
            return;
        }
        const MirInst *u = lp ? NULL : enum_unpack(s, i);
        if (u) {   /* enumerate(list): the index, -1 at the end; no tuple */
            MirInst *e = get(s, i->args[0], MT_DYN, i->loc);
            MirInst *idx = emit1(s, MIR_EnumNext, e, i->loc);
            MirInst *zero = emit(s, MIR_ConstInt, NULL, 0, i->loc);
            zero->type = MT_I64;
            zero->imm = 0;
            s->enum_loop.cond = emit2(s, MIR_ICmp, idx, zero, i->loc);
            s->enum_loop.cond->imm = Cmp_GtE;
            s->enum_loop.body = i->target;
            s->enum_loop.exit = i->target2;
            s->enums[s->nenums].unpack = u;
            s->enums[s->nenums].e = e;
            s->enums[s->nenums].idx = idx;
            s->enums[s->nenums++].item = NULL;
            *replace_term = 1;
            *term_loop = &s->enum_loop;
            return;
        }
        if (lp && lp->list) {   /* counter < len(lst); the item is read in the body */
            MirInst *len = emit1(s, MIR_ListLen, lp->lista, i->loc);
            lp->cond = emit2(s, MIR_ICmp, lp->counter, len, i->loc);
            lp->cond->imm = Cmp_Lt;
            *replace_term = 1;
            *term_loop = lp;
            return;
        }
        if (lp) {
            lp->cond = emit2(s, MIR_ICmp, lp->counter, lp->stop, i->loc);
            lp->cond->imm = Cmp_Lt;
            *replace_term = 1;
            *term_loop = lp;
            s->map[i->id] = lp->counter;
            return;
        }
        break;
    }
    case MIR_UnpackSeq: {
        int en = enum_of_unpack(s, i);
        if (en >= 0) {   /* the item enum.next stepped past (the index is enum.next's) */
            int kind = unbox_kind(s->in, TY(s, i->args[0]->args[0]));
            s->enums[en].item = emit1(s, kind == UNBOX_FLOAT ? MIR_EnumFItem : MIR_EnumItem,
                                      s->enums[en].e, i->loc);
            s->enums[en].item->imm2 = kind == UNBOX_FLOAT ? 0 : kind;
            return;   /* its br stays: a plain edge now */
        }
        Loop *lp = loop_of_unpack(s, i);
        if (lp && lp->enumer) {   /* the count and the item at the counter (below len(x)) */
            int kind = unbox_kind(s->in, TY(s, i->args[0]->args[0]));
            lp->x = lp->counter;
            if (lp->count0) {   /* (find_loops: the list's items are boxed) */
                lp->x = emit2(s, MIR_IAdd, lp->counter, lp->count0, i->loc);
                lp->x = emit1(s, MIR_BoxI64, lp->x, i->loc);
            }
            if (kind == UNBOX_FLOAT) {
                MirInst *a[2] = {lp->lista, lp->counter};
                lp->y = emit_raising(s, pos, MIR_FListGet, a, 2, i->exc, i->loc);
            } else {
                lp->y = emit2(s, MIR_ListItem, lp->lista, lp->counter, i->loc);
                lp->y->type = MT_DYN;
                lp->y->imm2 = kind;
            }
            return;   /* its br stays: a plain edge now */
        }
        if (lp) {   /* the items at the counter (it is below both lengths) */
            MirInst *a[2] = {lp->lista, lp->counter};
            lp->x = emit_raising(s, pos, MIR_ListGet, a, 2, i->exc, i->loc);
            a[0] = lp->listb;
            lp->y = emit_raising(s, pos, MIR_ListGet, a, 2, i->exc, i->loc);
            return;   /* its br stays: a plain edge now */
        }
        /* a tuple[T1, ..., Tn] of this length (tuples.c) is its own result: no check */
        Ty a = TY(s, i->args[0]);
        if (a.k == TY_TUPLE && a.tup && a.tup->n == i->imm)
            n = get(s, i->args[0], MT_DYN, i->loc);
        break;
    }
    case MIR_TupleItem: {
        int en = enum_of_unpack(s, i->args[0]);
        if (en >= 0) {
            finish(s, i, i->imm == 0 ? s->enums[en].idx : s->enums[en].item);
            return;
        }
        Loop *lp = loop_of_unpack(s, i->args[0]);
        if (lp) {
            finish(s, i, i->imm == 0 ? lp->x : lp->y);
            return;
        }
        MirInst *t = tuple_display(s, i->args[0]);
        if (t && i->imm >= 0 && i->imm < t->nargs) {
            finish(s, i, t->args[i->imm]);   /* the object the display stored there */
            return;
        }
        break;
    }
    case MIR_BinOp:
    case MIR_InplaceOp:
        n = rewrite_dunder(s, i);
        if (!n)
            n = rewrite_binop(s, pos, i);
        break;
    case MIR_Compare:
        n = rewrite_compare(s, i);
        break;
    case MIR_Truthy:
        n = rewrite_truthy(s, i);
        break;
    case MIR_UnaryOp:
        n = rewrite_dunder(s, i);
        if (!n)
            n = rewrite_unary(s, i);
        break;
    case MIR_Call:
        if (gen_loop_target(s, i))
            n = rewrite_gen_call(s, i, gen_loop_target(s, i));
        else
            n = rewrite_call(s, pos, i);
        break;
    case MIR_GenFresh:
        if (gen_fresh_call(s, i))
            n = rewrite_gen_fresh(s, i, gen_fresh_call(s, i));
        break;
    case MIR_Narrow:   /* a copy (not None here): the operand itself */
        if ((TY(s, i->args[0]).k == TY_OPTF || TY(s, i->args[0]).k == TY_NUM) &&
            TY(s, i).k == TY_FLOAT) {   /* a float object */
            Loc loc = i->loc;
            loc.synthetic = 1;
            n = emit1(s, MIR_UnboxF64, get(s, i->args[0], MT_DYN, i->loc), loc);
            break;
        }
        n = get(s, i->args[0], TY(s, i).k == TY_BOT ? MT_DYN : ty_rep(TY(s, i)), i->loc);
        break;
    case MIR_NarrowCmp:
    case MIR_NarrowIdx: {   /* a copy; an int the test or index proved small is untagged */
        MirType want = TY(s, i).k == TY_BOT ? MT_DYN : ty_rep(TY(s, i));
        const MirInst *x = i->args[0];
        if (want == MT_I64 && TY(s, x).k == TY_INT && !ty_int_small(TY(s, x))) {
            Loc loc = i->loc;
            loc.synthetic = 1;
            n = emit1(s, MIR_UnboxI64, get(s, x, MT_DYN, i->loc), loc);
            break;
        }
        n = get(s, i->args[0], want, i->loc);
        break;
    }
    case MIR_MakeFunction: {
        /* a generator made once here: its copy with the body typed for this site */
        InferCtx *t = i->id >= 0 && i->id < s->nvals ? s->c->callee[i->id] : NULL;
        if (t && t->genconv && t->clone)
            i->func = t->clone;
        break;
    }
    case MIR_GetAttr:
    case MIR_SetAttr:
        n = rewrite_slot(s, i);
        if (n && i->op == MIR_SetAttr)
            return;   /* no value */
        break;
    case MIR_GetItem:
    case MIR_SetItem:
        n = rewrite_subscript(s, i);
        if (n && i->op == MIR_SetItem)
            return;   /* no value */
        break;
    default:
        break;
    }
    if (!n)
        n = generic(s, i);
    finish(s, i, n);
}

/* The value of v converted to `want` at the end of block q (before its raising instruction,
 * or on a new edge block when the value is that instruction's own result). */
static MirInst *get_at_end(Spec *s, MirBlock *q, MirBlock *to, MirInst *phi, int k,
                           const MirInst *v, MirType want)
{
    MirInst *n = s->map[v->id];
    if (!n)
        die("specialize: phi operand %%%d undefined in %s", v->id, s->g->symbol);
    if (n->type == want)
        return n;
    MirBlock *saved = s->cur;
    MirInst *term = q->insts[q->ninsts - 1];
    MirInst *raiser = q->ninsts >= 2 && (mir_ops[q->insts[q->ninsts - 2]->op].flags & MF_RAISE)
                          ? q->insts[q->ninsts - 2]
                          : NULL;
    MirInst *r;
    if (raiser && raiser == n) {
        /* an edge block q -> e -> to */
        MirBlock *e = mir_block_new(s->g, "edge");
        s->cur = e;
        r = convert(s, n, TY(s, v), want, v->loc);
        MirInst *br = emit(s, MIR_Br, NULL, 0, v->loc);
        br->target = to;
        if (term->target == to)
            term->target = e;
        if (term->target2 == to)
            term->target2 = e;
        if (raiser->target == to)
            raiser->target = e;
        phi->phi_blocks[k] = e;
        /* other phis of `to` from q move to e as well */
        for (int j = 0; j < to->ninsts && to->insts[j]->op == MIR_Phi; j++) {
            MirInst *p = to->insts[j];
            for (int a = 0; a < p->nargs; a++)
                if (p->phi_blocks[a] == q)
                    p->phi_blocks[a] = e;
        }
    } else {
        MirBlock *tmp = mir_block_new(s->g, NULL);
        s->cur = tmp;
        r = convert(s, n, TY(s, v), want, v->loc);
        /* move tmp's instructions into q before the raiser/terminator */
        int at = q->ninsts - (raiser ? 2 : 1);
        for (int j = 0; j < tmp->ninsts; j++)
            mir_block_insert(s->g, q, at + j, tmp->insts[j]);
        s->g->nblocks--;   /* tmp was the last block made */
    }
    s->cur = saved;
    return r;
}

static void rewrite(Spec *s)
{
    MirFunction *g = s->g;
    mir_compute_cfg(g);
    s->nblocks0 = g->nblocks;
    s->blocks0 = xmalloc(sizeof *s->blocks0 * (size_t)g->nblocks);
    memcpy(s->blocks0, g->blocks, sizeof *s->blocks0 * (size_t)g->nblocks);
    s->nvals = s->c->nvals;
    s->map = xcalloc((size_t)s->nvals + 1, sizeof *s->map);
    s->boxed = xcalloc((size_t)s->nvals + 1, sizeof *s->boxed);
    s->uses = xcalloc((size_t)s->nvals + 1, sizeof *s->uses);
    s->reluses = xcalloc((size_t)s->nvals + 1, sizeof *s->reluses);
    s->skip = xcalloc((size_t)s->nvals + 1, 1);
    s->mayundef = xcalloc((size_t)s->nvals + 1, 1);
    s->parts = xcalloc((size_t)g->nblocks, sizeof *s->parts);
    s->nparts = xcalloc((size_t)g->nblocks, sizeof *s->nparts);
    s->capparts = xcalloc((size_t)g->nblocks, sizeof *s->capparts);
    for (int b = 0; b < g->nblocks; b++)
        for (int k = 0; k < g->blocks[b]->ninsts; k++) {
            MirInst *i = g->blocks[b]->insts[k];
            int rel = i->op == MIR_GenFresh || i->op == MIR_IterRelease;
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a]->id >= 0 && i->args[a]->id < s->nvals) {
                    s->uses[i->args[a]->id]++;
                    s->reluses[i->args[a]->id] += rel;
                }
            if (i->op == MIR_Undef && i->id >= 0 && i->id < s->nvals)
                s->mayundef[i->id] = 1;
        }
    for (int changed = 1; changed;) {   /* phis that may carry the unbound marker */
        changed = 0;
        for (int b = 0; b < g->nblocks; b++)
            for (int k = 0; k < g->blocks[b]->ninsts; k++) {
                MirInst *i = g->blocks[b]->insts[k];
                if (i->op != MIR_Phi || s->mayundef[i->id])
                    continue;
                for (int a = 0; a < i->nargs; a++)
                    if (s->mayundef[i->args[a]->id]) {
                        s->mayundef[i->id] = 1;
                        changed = 1;
                    }
            }
    }
    int *rpo = dominators(s);
    s->last = xcalloc((size_t)s->nblocks0, sizeof *s->last);
    find_loops(s);
    plan_consume(s);   /* (first: plan_loads drops the load of a zip or range it drops) */
    plan_loads(s);
    plan_slices(s);
    plan_copyslices(s);

    /* phis first (so back-edge operands have a value to refer to), then blocks in rpo */
    for (int b = 0; b < s->nblocks0; b++)
        for (int k = 0; k < s->blocks0[b]->ninsts; k++) {
            MirInst *i = s->blocks0[b]->insts[k];
            if (i->op != MIR_Phi)
                continue;
            Ty t = TY(s, i);
            i->type = s->mayundef[i->id] ? i->type : ty_rep(t);
            if (t.k == TY_BOT)
                i->type = MT_DYN;
            s->map[i->id] = i;
        }
    for (int r = 0; r < s->nblocks0 && rpo[r] >= 0; r++) {
        int pos = rpo[r];
        MirBlock *b = s->blocks0[pos];
        int n = b->ninsts;
        MirInst **old = xmalloc(sizeof *old * (size_t)(n + 1));
        memcpy(old, b->insts, sizeof *old * (size_t)n);
        b->ninsts = 0;
        s->cur = b;
        add_part(s, pos, b, NULL);
        for (int l = 0; l < s->nloops; l++) {
            Loop *lp = &s->loops[l];
            if (lp->head == b) {
                lp->counter = mir_inst_new(g, MIR_Phi, NULL, 0, lp->next->loc);
                lp->counter->type = MT_I64;
                lp->counter->loc.synthetic = 1;
                lp->counter->varname = lp->next->varname;
                mir_block_insert(g, b, b->ninsts, lp->counter);
            }
            if (lp->body == b && lp->versioned) {   /* the loop variable from either head */
                lp->var = mir_inst_new(g, MIR_Phi, NULL, 0, lp->next->loc);
                lp->var->type = MT_DYN;
                lp->var->loc.synthetic = 1;
                lp->var->varname = lp->next->varname;
                mir_block_insert(g, b, b->ninsts, lp->var);
                mir_phi_add(s->g, lp->var, lp->fh, lp->boxed);
                mir_phi_add(s->g, lp->var, lp->sh, lp->slowx);
                s->map[lp->next->id] = lp->var;
                lp->inc = emit2(s, MIR_IAdd, lp->counter, lp->step64, lp->counter->loc);
            } else if (lp->body == b) {
                MirInst *st = emit(s, MIR_ConstInt, NULL, 0, lp->counter->loc);
                st->type = MT_I64;
                st->imm = lp->step;
                lp->inc = emit2(s, MIR_IAdd, lp->counter, st, lp->counter->loc);
                if (lp->list) {   /* the body is entered only from the test counter < len */
                    lp->item = emit2(s, MIR_ListItem, lp->lista, lp->counter, lp->next->loc);
                    lp->item->type = MT_DYN;
                    s->map[lp->next->id] = lp->item;
                } else if (lp->listp) {   /* the item (the counter is below the length) */
                    MirInst *a[2] = {lp->lista, lp->counter};
                    s->map[lp->next->id] = emit_raising(s, pos, MIR_ListGet, a, 2,
                                                        lp->next->exc, lp->next->loc);
                }
            }
        }
        declare_slots(s, b);
        int replace_term = 0;
        Loop *tl = NULL;
        for (int k = 0; k < n; k++) {
            MirInst *i = old[k];
            if (i->op == MIR_Phi) {
                mir_block_insert(g, b, b->ninsts, i);
                continue;
            }
            if (mir_ops[i->op].flags & MF_TERM) {
                if (replace_term == 4)   /* a versioned loop's heads: all emitted */
                    break;
                if (replace_term == 1) {   /* a counted loop's head */
                    MirInst *cb = emit1(s, MIR_CondBr, tl->cond, i->loc);
                    cb->target = tl->body;
                    cb->target2 = tl->exit;
                    break;
                }
                if (replace_term == 2) {   /* a zip loop's head: two bounds */
                    MirBlock *second = mir_block_new(g, "zip.second");
                    MirInst *cb = emit1(s, MIR_CondBr, tl->cond, i->loc);
                    cb->target = second;
                    cb->target2 = tl->exit;
                    s->cur = second;
                    MirInst *lb = emit1(s, MIR_ListLen, tl->listb, i->loc);
                    MirInst *c2 = emit2(s, MIR_ICmp, tl->counter, lb, i->loc);
                    c2->imm = Cmp_Lt;
                    cb = emit1(s, MIR_CondBr, c2, i->loc);
                    cb->target = tl->body;
                    cb->target2 = tl->exit;
                    break;
                }
                if (i->op == MIR_CondBr)
                    i->args[0] = get(s, i->args[0], MT_I1, i->loc);
                else if (i->op == MIR_Ret)
                    i->args[0] = get(s, i->args[0], g->origin ? g->rettype : MT_DYN, i->loc);
                else
                    for (int a = 0; a < i->nargs; a++)
                        i->args[a] = get(s, i->args[a], MT_DYN, i->loc);
                mir_block_insert(g, s->cur, s->cur->ninsts, i);
                break;
            }
            s->orig = i;
            rewrite_inst(s, pos, i, &replace_term, &tl);
            s->orig = NULL;
        }
        free(old);
        s->last[pos] = s->cur;
    }
    free(rpo);
}

/* Phi operands: predecessors renamed to the block now holding their terminator, conversions
 * to the phi's representation at the predecessor's end, and one operand more per new block
 * whose raising conversion goes to this (handler) block. */
static void fix_phis(Spec *s)
{
    for (int x = 0; x < s->nblocks0; x++) {
        MirBlock *X = s->blocks0[x];
        for (int j = 0; j < X->ninsts && X->insts[j]->op == MIR_Phi; j++) {
            MirInst *phi = X->insts[j];
            int counter = 0;
            for (int l = 0; l < s->nloops; l++)
                counter |= s->loops[l].counter == phi || s->loops[l].var == phi;
            if (counter)
                continue;
            int n0 = phi->nargs;
            MirInst **args0 = phi->args;
            MirBlock **pb0 = phi->phi_blocks;
            phi->nargs = 0;
            phi->args = NULL;
            phi->phi_blocks = NULL;
            for (int k = 0; k < n0; k++) {
                int pp = orig_pos(s, pb0[k]);
                if (pp < 0 || !s->last[pp])
                    continue;
                mir_phi_add(s->g, phi, s->last[pp], NULL);
                int at = phi->nargs - 1;
                phi->args[at] = get_at_end(s, s->last[pp], X, phi, at, args0[k], phi->type);
                for (int q = 0; q < s->nparts[pp]; q++) {
                    Part *pt = &s->parts[pp][q];
                    if (pt->exc != X || pt->b == s->last[pp])
                        continue;
                    mir_phi_add(s->g, phi, pt->b, NULL);
                    at = phi->nargs - 1;
                    phi->args[at] = get_at_end(s, pt->b, X, phi, at, args0[k], phi->type);
                }
            }
        }
    }
    for (int l = 0; l < s->nloops; l++) {
        Loop *lp = &s->loops[l];
        int hp = orig_pos(s, lp->head), bp = orig_pos(s, lp->body);
        MirBlock **preds = lp->head->preds;
        int np = lp->head->npreds;
        for (int k = 0; k < np; k++) {
            int pp = orig_pos(s, preds[k]);
            if (pp < 0 || !s->last[pp])
                continue;
            int back = dominated(s, bp, pp);
            mir_phi_add(s->g, lp->counter, s->last[pp], back ? lp->inc : lp->start);
            /* another block made from the same original block may branch here too: the
             * counter head of an inner versioned range loop that exits to this head */
            for (int q = 0; q < s->nparts[pp]; q++) {
                MirBlock *pb = s->parts[pp][q].b;
                const MirInst *t = pb->ninsts ? pb->insts[pb->ninsts - 1] : NULL;
                if (pb != s->last[pp] && t && (t->op == MIR_Br || t->op == MIR_CondBr) &&
                    (t->target == lp->head || t->target2 == lp->head))
                    mir_phi_add(s->g, lp->counter, pb, back ? lp->inc : lp->start);
            }
        }
        (void)hp;
    }
}

static void spec_free(Spec *s)
{
    for (int i = 0; i < s->nblocks0; i++)
        free(s->parts[i]);
    free(s->parts);
    free(s->nparts);
    free(s->capparts);
    free(s->blocks0);
    free(s->map);
    free(s->boxed);
    free(s->uses);
    free(s->reluses);
    free(s->skip);
    free(s->mayundef);
    free(s->last);
    free(s->loops);
    free(s->idom);
}

/* Blocks in reverse postorder (codegen emits in block order and needs every definition
 * before its uses; the blocks made by splitting were appended at the end). */
static void order_blocks(MirFunction *g)
{
    int n = g->nblocks;
    MirBlock **out = xmalloc(sizeof *out * (size_t)n);
    char *seen = xcalloc((size_t)n, 1);
    int *stack = xmalloc(sizeof *stack * (size_t)n), *it = xcalloc((size_t)n, sizeof *it);
    int *post = xmalloc(sizeof *post * (size_t)n), np = 0, sp = 0;
#define POS(bl) ({ int p_ = -1; for (int q_ = 0; q_ < n; q_++) if (g->blocks[q_] == (bl)) p_ = q_; p_; })
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp) {
        int b = stack[sp - 1];
        MirBlock *bl = g->blocks[b];
        if (it[b] < bl->nsuccs) {
            MirBlock *succ = bl->succs[it[b]++];
            int q = POS(succ);
            if (q >= 0 && !seen[q]) {
                seen[q] = 1;
                stack[sp++] = q;
            }
        } else {
            post[np++] = b;
            sp--;
        }
    }
#undef POS
    int k = 0;
    for (int i = np - 1; i >= 0; i--)
        out[k++] = g->blocks[post[i]];
    for (int i = 0; i < n; i++)
        if (!seen[i])
            out[k++] = g->blocks[i];
    memcpy(g->blocks, out, sizeof *out * (size_t)n);
    free(out);
    free(seen);
    free(stack);
    free(it);
    free(post);
}

static void specialize_one(Infer *in, InferCtx *c, MirFunction *g)
{
    Spec s = {0};
    s.in = in;
    s.c = c;
    s.g = g;
    rewrite(&s);
    fix_phis(&s);
    mir_compute_cfg(g);
    mir_prune_phis(g);
    order_blocks(g);
    spec_free(&s);
    if (mir_verify(g) != 0) {
        mir_print_function(stderr, g);
        die("MIR verification failed for %s after specialize", g->symbol);
    }
    mir_pass_simplify(g);
    if (mir_verify(g) != 0)
        die("MIR verification failed for %s after specialize+simplify", g->symbol);
    if (slotguard_function(g))
        order_blocks(g);
    reserve_function(g);
    bounds_function(g);
    if (mir_verify(g) != 0) {
        mir_print_function(stderr, g);
        die("MIR verification failed for %s after slotguard, reserve and bounds", g->symbol);
    }
}

/* Make every specialisation's clone and decide the list storages (unbox.c), before any body
 * is rewritten.  explain calls it too, to report the storages; it runs once. */
void infer_clone_all(Infer *in)
{
    if (in->cloned)
        return;
    in->cloned = 1;
    int n = in->nctxs;
    for (int i = 0; i < n; i++)
        if (in->ctxs[i]->index > 0) {
            InferCtx *c = in->ctxs[i];
            c->clone = make_clone(in, c);
            int pk = iter_param_kind(in, c, NULL, NULL);
            if (pk == 1 || pk == 2) {   /* (list a, list b) for the zip, or (start, stop) */
                MirFunction *g = c->clone;
                const char **names = arena_alloc(g->arena, sizeof *names * 2);
                names[0] = g->paramnames[0];
                names[1] = intern_cstr(".1");
                g->paramnames = names;
                g->nparams = g->npos = 2;
                g->ptypes[0] = g->ptypes[1] = pk == 1 ? MT_DYN : MT_I64;
            }
            if (c->genconv) {   /* a generic function of its own, made by one function.new */
                c->clone->origin = NULL;
                c->clone->ptypes = NULL;
                c->clone->rettype = MT_DYN;
                c->clone->vars = c->fn->vars;
                c->clone->nvars = c->fn->nvars;
            }
        }
    unbox_decide(in);   /* needs the clones (direct calls), before any rewrite */
}

void infer_specialize(Infer *in)
{
    int n = in->nctxs;
    infer_clone_all(in);
    for (int i = 0; i < n; i++) {   /* classes read by folded loads (before any rewrite) */
        InferCtx *c = in->ctxs[i];
        if ((c->fn->flags & INFER_CO_SUSPENDS) && !c->genconv)
            continue;
        for (int b = 0; b < c->fn->nblocks; b++)
            for (int k = 0; k < c->fn->blocks[b]->ninsts; k++) {
                const MirInst *ld = c->fn->blocks[b]->insts[k];
                Ty t = ld->op == MIR_GlobalLoad ? infer_ty(c, ld) : ty_bot();
                if (t.k == TY_CLASS && t.cls && infer_load_safe(in, c->fn, ld))
                    t.cls->folded = 1;
            }
    }
    for (int i = 0; i < n; i++) {
        InferCtx *c = in->ctxs[i];
        if ((c->fn->flags & INFER_CO_SUSPENDS) && !c->genconv)
            continue;   /* generators and coroutines stay generic (phase 1); a generator
                           made once at a known site gets a typed body */
        specialize_one(in, c, c->index > 0 ? c->clone : c->fn);
    }
    cells_program(in->prog);
    escape_program(in, NULL, NULL);
}
