/*
 * verify.c - the MIR verifier: checks every invariant of mir.h on one function.
 *
 * Entry point: mir_verify(f) -> number of violations, each printed to stderr as
 *   mir-verify: <symbol>: b<N>: <instruction>: <message>
 * It never aborts and never trusts the IR: every pointer it follows is first checked to belong
 * to the function (blocks by identity, values through the id table), so broken IR gives
 * reports, not crashes.  The CFG (preds/succs) is recomputed from the instructions before the
 * checks, since that is what every pass relies on.
 *
 * Dominance uses the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
 * Dominance Algorithm"), over the blocks reachable from the entry in reverse postorder; uses in
 * unreachable blocks are not checked for dominance (as LLVM), definitions there used from
 * reachable code are errors.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "mir_impl.h"

typedef struct Verifier {
    const MirFunction *f;
    int errors;
    int maxblock;        /* block ids are in [0, maxblock] */
    int *pos;            /* block id -> position in f->blocks, -1 when none */
    MirInst **values;    /* value id -> its (unique) defining instruction in f */
    int *rpo;            /* block id -> reverse postorder number, -1 when unreachable */
    int *idom;           /* rpo number -> rpo number of the immediate dominator */
    int nreach;
} Verifier;

static void report(Verifier *v, const MirBlock *b, const MirInst *i, const char *fmt, ...)
    PRINTF_LIKE(4, 5);

static void report(Verifier *v, const MirBlock *b, const MirInst *i, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "mir-verify: %s", v->f->symbol ? v->f->symbol : "?");
    if (b)
        fprintf(stderr, ": b%d", b->id);
    if (i) {
        if (i->id >= 0)
            fprintf(stderr, ": %%%d = %s", i->id, mir_ops[i->op].text);
        else
            fprintf(stderr, ": %s", (unsigned)i->op < MIR__COUNT ? mir_ops[i->op].text : "?op");
    }
    fputs(": ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    v->errors++;
}

/* Is b one of f's blocks (by identity)? */
static int own_block(const Verifier *v, const MirBlock *b)
{
    if (!b || b->id < 0 || b->id > v->maxblock || v->pos[b->id] < 0)
        return 0;
    return v->f->blocks[v->pos[b->id]] == b;
}

/* Is `a` a live value of f (its id maps to this very instruction)? */
static int own_value(const Verifier *v, const MirInst *a)
{
    return a && a->id >= 0 && a->id < v->f->nvalues && v->values[a->id] == a;
}

/* ---- dominators (Cooper-Harvey-Kennedy) ---- */

static int intersect(const int *idom, int a, int b)
{
    while (a != b) {
        while (a > b)
            a = idom[a];
        while (b > a)
            b = idom[b];
    }
    return a;
}

/* Numbers reachable blocks in reverse postorder (explicit stack: no recursion on deep CFGs) and
 * computes idom[] over those numbers; the entry is 0 and its own idom. */
static void dominators(Verifier *v)
{
    const MirFunction *f = v->f;
    int n = f->nblocks;
    v->rpo = xmalloc((size_t)(v->maxblock + 1) * sizeof *v->rpo);
    for (int i = 0; i <= v->maxblock; i++)
        v->rpo[i] = -1;
    v->idom = xmalloc((size_t)(n + 1) * sizeof *v->idom);
    v->nreach = 0;
    if (n == 0)
        return;
    const MirBlock **post = xmalloc((size_t)n * sizeof *post);
    const MirBlock **stack = xmalloc((size_t)n * sizeof *stack);
    int *next = xcalloc((size_t)n, sizeof *next);   /* by position: next succ to visit */
    char *seen = xcalloc((size_t)n, 1);
    int sp = 0, np = 0;
    stack[sp++] = f->blocks[0];
    seen[0] = 1;
    while (sp) {
        const MirBlock *b = stack[sp - 1];
        int p = v->pos[b->id];
        if (next[p] < b->nsuccs) {
            const MirBlock *s = b->succs[next[p]++];
            int q = v->pos[s->id];
            if (!seen[q]) {
                seen[q] = 1;
                stack[sp++] = s;
            }
        } else {
            post[np++] = b;
            sp--;
        }
    }
    v->nreach = np;
    for (int k = 0; k < np; k++)
        v->rpo[post[np - 1 - k]->id] = k;
    for (int k = 0; k < np; k++)
        v->idom[k] = -1;
    v->idom[0] = 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int k = 1; k < np; k++) {
            const MirBlock *b = post[np - 1 - k];
            int nd = -1;
            for (int j = 0; j < b->npreds; j++) {
                int pr = v->rpo[b->preds[j]->id];
                if (pr < 0 || v->idom[pr] < 0)
                    continue;
                nd = nd < 0 ? pr : intersect(v->idom, pr, nd);
            }
            if (nd != v->idom[k]) {
                v->idom[k] = nd;
                changed = 1;
            }
        }
    }
    free(post);
    free(stack);
    free(next);
    free(seen);
}

/* Does block a dominate block b (both reachable)? */
static int dominates(const Verifier *v, const MirBlock *a, const MirBlock *b)
{
    int x = v->rpo[a->id], y = v->rpo[b->id];
    while (y > x)
        y = v->idom[y];
    return x == y;
}

/* ---- per-instruction checks ---- */

static int position_in(const MirBlock *b, const MirInst *i)
{
    for (int k = 0; k < b->ninsts; k++)
        if (b->insts[k] == i)
            return k;
    return -1;
}

/* Is the definition of `a` available at index `at` of block `b` (at > ninsts: on the edge from b
 * to `succ`)?  A raising instruction's value exists only on its normal edge (as LLVM's invoke):
 * a use elsewhere must be dominated by its normal successor, entered from its block alone. */
static int available(const Verifier *v, const MirInst *a, const MirBlock *b, int at,
                     const MirBlock *succ)
{
    const MirBlock *d = a->block;
    int raiser = (mir_ops[a->op].flags & MF_RAISE) && mir_block_raiser(d) == a;
    if (d == b) {
        if (raiser && succ)
            return succ == a->target && succ != a->exc && succ != a->target2;
        return position_in(b, a) < at;
    }
    if (v->rpo[d->id] < 0)
        return 0;   /* defined in unreachable code, used in reachable code */
    if (raiser) {
        const MirBlock *n = a->target;
        if (!n || !own_block(v, n) || v->rpo[n->id] < 0 || n->npreds != 1 || n == a->exc ||
            n == a->target2)
            return 0;
        d = n;
    }
    return dominates(v, d, b);
}

static MirType expected_operand(const MirFunction *f, const MirInst *i, int k)
{
    MirType res, sig[4];
    int n = mir_sig(i->op, &res, sig);
    if (n >= 0)
        return k < n ? sig[k] : MT_DYN;
    switch (i->op) {
    case MIR_CallDirect: {
        /* a clone of a closure takes its closure tuple (dyn) first */
        int off = i->func && i->func->nfree > 0;
        k -= off;
        return i->func && i->func->ptypes && k >= 0 && k < i->func->nparams ? i->func->ptypes[k]
                                                                           : MT_DYN;
    }
    case MIR_CondBr: case MIR_Not: case MIR_BoxBool:
        return MT_I1;
    case MIR_Phi: case MIR_CheckBound:
        return i->type;
    case MIR_InRange:
        return k == 0 ? i->type : MT_I1;
    case MIR_VarStore:
        return (i->imm >= 0 && i->imm < f->nvars) ? f->vars[i->imm].type : MT_DYN;
    case MIR_Ret:
        return f->origin ? f->rettype : MT_DYN;
    default:
        (void)k;
        return MT_DYN;
    }
}

static void check_operands(Verifier *v, const MirBlock *b, const MirInst *i, int idx)
{
    const MirOpDesc *d = &mir_ops[i->op];
    if (d->nargs >= 0 && i->nargs != d->nargs)
        report(v, b, i, "has %d operands, %s takes %d", i->nargs, d->text, d->nargs);
    if (i->op == MIR_BuildDict && i->nargs % 2)
        report(v, b, i, "needs key/value pairs, has %d operands", i->nargs);
    if (i->op == MIR_Call && (i->nargs < 1 || i->nnames > i->nargs - 1))
        report(v, b, i, "needs a callee and one value per keyword name");
    if (i->op == MIR_BuildClass && (i->nargs < 2 || i->nnames > i->nargs - 2))
        report(v, b, i, "needs body, name and one value per keyword name");
    for (int k = 0; k < i->nargs; k++) {
        const MirInst *a = i->args ? i->args[k] : NULL;
        if (!own_value(v, a)) {
            report(v, b, i, "operand %d is not a live value of this function", k);
            continue;
        }
        if (a->type == MT_VOID) {
            report(v, b, i, "operand %d (%%%d) has no value", k, a->id);
            continue;
        }
        MirType want = expected_operand(v->f, i, k);
        if (a->type != want && !(i->op == MIR_Ret && !v->f->origin && a->type != MT_VOID))
            report(v, b, i, "operand %d (%%%d) is %s, expected %s", k, a->id,
                   mir_type_names[a->type], mir_type_names[want]);
        if (v->rpo[b->id] < 0)
            continue;   /* dominance is not checked in unreachable code */
        if (i->op == MIR_Phi) {
            const MirBlock *p = i->phi_blocks ? i->phi_blocks[k] : NULL;
            if (p && own_block(v, p) && v->rpo[p->id] >= 0 &&
                !available(v, a, p, p->ninsts + 1, b))
                report(v, b, i, "operand %%%d does not dominate predecessor b%d", a->id, p->id);
        } else if (!available(v, a, b, idx, NULL)) {
            report(v, b, i, "operand %%%d does not dominate this use", a->id);
        }
    }
}

static void check_phi(Verifier *v, const MirBlock *b, const MirInst *i)
{
    if (!i->phi_blocks && i->nargs) {
        report(v, b, i, "phi without predecessor blocks");
        return;
    }
    if (i->nargs != b->npreds)
        report(v, b, i, "has %d operands for %d predecessors", i->nargs, b->npreds);
    for (int k = 0; k < i->nargs; k++) {
        const MirBlock *p = i->phi_blocks[k];
        int found = 0;
        for (int j = 0; j < b->npreds; j++)
            found |= b->preds[j] == p;
        for (int j = 0; j < k; j++)
            if (i->phi_blocks[j] == p)
                report(v, b, i, "two operands for predecessor b%d", p ? p->id : -1);
        if (!found)
            report(v, b, i, "operand %d names b%d, not a predecessor", k, p ? p->id : -1);
    }
}

static void check_target(Verifier *v, const MirBlock *b, const MirInst *i, const MirBlock *t,
                         const char *what)
{
    if (t && !own_block(v, t))
        report(v, b, i, "%s is not a block of this function", what);
}

static void check_inst(Verifier *v, const MirBlock *b, const MirInst *i, int idx)
{
    const MirFunction *f = v->f;
    if ((unsigned)i->op >= MIR__COUNT) {
        report(v, b, NULL, "instruction %d has an unknown op %d", idx, (int)i->op);
        return;
    }
    int fl = mir_ops[i->op].flags;
    int last = idx == b->ninsts - 1;
    if (i->block != b)
        report(v, b, i, "its block field names another block");
    if ((fl & MF_TERM) && !last)
        report(v, b, i, "terminator in the middle of the block");
    if (last && !(fl & MF_TERM))
        report(v, b, i, "block does not end with a terminator");
    if (fl & MF_VALUE) {
        if (i->type == MT_VOID || i->id < 0)
            report(v, b, i, "value-producing op without a type or id");
    } else if (i->type != MT_VOID || i->id >= 0) {
        report(v, b, i, "op produces no value but has type %s / id %d",
               (unsigned)i->type <= MT_PTR ? mir_type_names[i->type] : "?", i->id);
    }
    MirType dt = mir_default_type(i->op);
    if (dt == MT_I1 && i->type != MT_I1)
        report(v, b, i, "result must be i1");
    if (i->op == MIR_Phi) {
        for (int k = 0; k < idx; k++)
            if (b->insts[k]->op != MIR_Phi) {
                report(v, b, i, "phi after a non-phi instruction");
                break;
            }
        check_phi(v, b, i);
    }
    /* exceptional edges */
    if (fl & MF_RAISE) {
        if (!i->exc)
            report(v, b, i, "can raise but has no exceptional successor");
        if (!(fl & MF_TERM)) {
            const MirInst *t = b->ninsts >= 1 ? b->insts[b->ninsts - 1] : NULL;
            if (idx != b->ninsts - 2 || !t || t->op != MIR_Br)
                report(v, b, i, "raising instruction must be last before a br");
            else if (i->target != t->target)
                report(v, b, i, "normal successor b%d differs from the br's b%d",
                       i->target ? i->target->id : -1, t->target ? t->target->id : -1);
        }
    } else if (i->exc) {
        report(v, b, i, "cannot raise but has an exceptional successor");
    }
    if (i->op == MIR_IterNext && !i->target2)
        report(v, b, i, "iter.next without an exhausted successor");
    if ((i->op == MIR_Br || i->op == MIR_CondBr) && !i->target)
        report(v, b, i, "branch without a target");
    if (i->op == MIR_CondBr && !i->target2)
        report(v, b, i, "cbr without a false target");
    check_target(v, b, i, i->target, "target");
    check_target(v, b, i, i->target2, "target2");
    check_target(v, b, i, i->exc, "exceptional successor");
    /* variables */
    if (i->op == MIR_VarLoad || i->op == MIR_VarStore || i->op == MIR_VarDelete) {
        if (f->is_ssa)
            report(v, b, i, "variable access after SSA construction");
        if (i->imm < 0 || i->imm >= f->nvars)
            report(v, b, i, "variable slot %lld out of range", (long long)i->imm);
    }
    if (i->op == MIR_CheckBound && !i->str)
        report(v, b, i, "check.bound without the variable's name");
    if (i->op == MIR_CallDirect) {
        if (!i->func || !i->func->origin)
            report(v, b, i, "call.direct without a specialised clone");
        else if (i->nargs != i->func->nparams + (i->func->nfree > 0))
            report(v, b, i, "call.direct passes %d arguments, the clone takes %d", i->nargs,
                   i->func->nparams + (i->func->nfree > 0));
        else if (i->type != i->func->rettype)
            report(v, b, i, "result is %s, the clone returns %s", mir_type_names[i->type],
                   mir_type_names[i->func->rettype]);
    }
    if (i->op == MIR_Param && f->origin && f->ptypes && i->imm >= 0 && i->imm < f->nparams &&
        i->type != f->ptypes[i->imm])
        report(v, b, i, "parameter %lld is %s, the clone's signature says %s", (long long)i->imm,
               mir_type_names[i->type], mir_type_names[f->ptypes[i->imm]]);
    if (i->op == MIR_MakeFunction && !i->func)
        report(v, b, i, "function.new without its function");
    if (i->op == MIR_Import && !i->module)
        report(v, b, i, "import without its module");
    if (i->nnames && !i->names)
        report(v, b, i, "keyword names missing");
    check_operands(v, b, i, idx);
}

int mir_verify(const MirFunction *f)
{
    Verifier v = {0};
    v.f = f;
    if (f->nblocks == 0) {
        report(&v, NULL, NULL, "function has no blocks");
        return v.errors;
    }
    /* block ids: unique and non-negative, so they can index the side tables */
    v.maxblock = 0;
    for (int i = 0; i < f->nblocks; i++) {
        if (f->blocks[i]->id < 0) {
            report(&v, f->blocks[i], NULL, "negative block id");
            return v.errors;
        }
        if (f->blocks[i]->id > v.maxblock)
            v.maxblock = f->blocks[i]->id;
    }
    v.pos = xmalloc((size_t)(v.maxblock + 1) * sizeof *v.pos);
    for (int i = 0; i <= v.maxblock; i++)
        v.pos[i] = -1;
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        if (v.pos[b->id] >= 0)
            report(&v, b, NULL, "block id used twice");
        else
            v.pos[b->id] = i;
    }
    if (v.errors) {
        free(v.pos);
        return v.errors;
    }
    /* value ids: each value instruction has a unique id below nvalues */
    v.values = xcalloc((size_t)f->nvalues + 1, sizeof *v.values);
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        for (int k = 0; k < b->ninsts; k++) {
            MirInst *in = b->insts[k];
            if (in->id < 0)
                continue;
            if (in->id >= f->nvalues)
                report(&v, b, in, "id not below the function's value count %d", f->nvalues);
            else if (v.values[in->id])
                report(&v, b, in, "value id defined twice");
            else
                v.values[in->id] = in;
        }
    }
    mir_compute_cfg((MirFunction *)f);
    dominators(&v);
    for (int i = 0; i < f->nblocks; i++) {
        MirBlock *b = f->blocks[i];
        if (b->ninsts == 0) {
            report(&v, b, NULL, "empty block (no terminator)");
            continue;
        }
        for (int k = 0; k < b->ninsts; k++)
            check_inst(&v, b, b->insts[k], k);
    }
    if (f->blocks[0]->npreds)
        report(&v, f->blocks[0], NULL, "the entry block has predecessors");
    free(v.pos);
    free(v.values);
    free(v.rpo);
    free(v.idom);
    return v.errors;
}
