/*
 * escape.c - instances that never outlive their frame are allocated in it.
 *
 * Entry point: escape_program(in, out, file), after every body is specialised.  An inst.new
 * in a specialised clone whose instance provably dies with the frame gets imm2 = the number
 * of slots of its class's layout (at least 1); codegen.c (inst_new_frame) then places it in a
 * zeroed block of the frame instead of the GC heap.  The collector scans the machine stack
 * word by word, so such an instance keeps what its slots point to alive for as long as the
 * frame runs, which is as long as anything can see it.
 *
 * A value does not escape when every use of it is one of:
 *   inst.load(.f), inst.guard, inst.isclass   reads of the instance (a load of an unset slot
 *                                             calls rt_getattr, whose AttributeError keeps
 *                                             only the class and the name: plain classes
 *                                             have no __getattr__);
 *   inst.store(.f) with it as the receiver    the store's slow path runs only on a
 *                                             materialised instance, which needs a generic
 *                                             path, which is an escape;
 *   is                                        identity only;
 *   narrow                                    a copy, whose own uses are checked;
 *   call.direct, as parameter k of a clone    whose parameter k does not escape (a summary
 *                                             per clone and parameter: the greatest fixed
 *                                             point, recursion assumed non-escaping).
 * Anything else escapes: ret, phi, a store of it into anything, generic calls and every
 * runtime op that receives it.  Since no phi carries it, every value that refers to the
 * instance belongs to the current execution of its inst.new: when a loop runs the inst.new
 * again, nothing can still see the previous instance, so one block per site is enough.
 * Excluded: generator and coroutine bodies (their frames are heap objects), the generic tier,
 * classes with __del__ on the MRO, classes without a fixed layout or with no slot (the class
 * object's basicsize is then not the layout's).
 *
 * The generic fallback of a union method call whose every class is dispatched (call imm2
 * CALL_CLOSED, mir.h) runs only if inference was wrong: its arguments do not escape there.
 *
 * Result slots: a clone whose every ret returns an inst.new of this function (one slot count
 * for all) that escapes only through that ret gets result_slots; it takes a trailing pointer
 * to a block of the caller's frame, where those inst.new (imm2 = -slots) build the instance,
 * or NULL for the heap.  A call.direct of it whose result does not escape in the caller gets
 * imm2 = slots: a block per call site, reused per execution by the same argument as above.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../mir/mir_impl.h"
#include "../util/util.h"
#include "infer.h"

/* A clone and the parameters (bit k) that escape from it. */
typedef struct Summary {
    const MirFunction *fn;
    uint64_t escapes;
} Summary;

typedef struct Esc {
    Infer *in;
    Summary *sums;
    int nsums;
    int ret_ok;          /* ret is not an escape (looking for fresh results) */
} Esc;

/* Why a value escapes: the use that lets it out. */
typedef struct Why {
    const char *what;
    int line;
    const MirFunction *callee;   /* passed to this clone, whose parameter escapes */
} Why;

static int analysed(const MirFunction *f)
{
    return f && f->origin && f->nblocks > 0 && !(f->flags & INFER_CO_SUSPENDS);
}

static int cmp_sum(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const Summary *)a)->fn, y = (uintptr_t)((const Summary *)b)->fn;
    return x < y ? -1 : x > y;
}

static Summary *summary_of(const Esc *e, const MirFunction *f)
{
    Summary key = {f, 0};
    return bsearch(&key, e->sums, (size_t)e->nsums, sizeof *e->sums, cmp_sum);
}

/* Does parameter k of the clone f escape (by the current summaries)? */
static int param_escapes(const Esc *e, const MirFunction *f, int k)
{
    const Summary *s = summary_of(e, f);
    return !s || k >= 64 || (s->escapes >> k & 1);
}

static int use_escapes(const Esc *e, const MirFunction *f, const MirInst *v, int depth, Why *why);

/* Does this use (operand k of u) let the value out? */
static int one_use_escapes(const Esc *e, const MirFunction *f, const MirInst *u, int k,
                           int depth, Why *why)
{
    why->line = u->loc.line;
    why->callee = NULL;
    switch (u->op) {
    case MIR_InstLoad: case MIR_InstLoadF: case MIR_InstGuard: case MIR_InstIsClass:
    case MIR_Is:
        return 0;
    case MIR_InstStore: case MIR_InstStoreF:
        why->what = "stored into an attribute";
        return k != 0;
    case MIR_Narrow:
        return use_escapes(e, f, u, depth + 1, why);
    case MIR_CallDirect:
        why->callee = u->func;
        return param_escapes(e, u->func, k);
    case MIR_Call:
        why->what = "call";
        return k == 0 || !(u->imm2 & CALL_CLOSED);
    case MIR_Ret:
        why->what = "returned";
        return !e->ret_ok;
    case MIR_Phi:
        why->what = "merged with another value (phi)";
        return 1;
    default:
        why->what = mir_ops[u->op].text;
        return 1;
    }
}

/* Does the value v of f escape through any of its uses? */
static int use_escapes(const Esc *e, const MirFunction *f, const MirInst *v, int depth, Why *why)
{
    if (depth > 8) {
        why->what = "too many copies";
        why->callee = NULL;
        return 1;
    }
    for (int b = 0; b < f->nblocks; b++)
        for (int j = 0; j < f->blocks[b]->ninsts; j++) {
            const MirInst *u = f->blocks[b]->insts[j];
            for (int k = 0; k < u->nargs; k++)
                if (u->args[k] == v && one_use_escapes(e, f, u, k, depth, why))
                    return 1;
        }
    return 0;
}

/* The parameters of f that escape (bit k), by the current summaries of its callees. */
static uint64_t params_escaping(const Esc *e, const MirFunction *f)
{
    uint64_t m = 0;
    for (int k = f->nparams; k < 64; k++)
        m |= UINT64_C(1) << k;
    const MirBlock *entry = f->blocks[0];
    for (int j = 0; j < entry->ninsts; j++) {
        const MirInst *p = entry->insts[j];
        Why why;
        if (p->op == MIR_Param && p->imm >= 0 && p->imm < 64 &&
            (p->type != MT_DYN || use_escapes(e, f, p, 0, &why)))
            m |= UINT64_C(1) << p->imm;
    }
    return m;
}

static int has_name(const InferClass *c, const char *name)
{
    for (int k = 0; k < c->nnames; k++)
        if (strcmp(c->names[k], name) == 0)
            return 1;
    return 0;
}

/* The class an inst.new makes when the frame may hold it: fixed layout with slots, no
 * __del__ on the MRO; NULL and *why otherwise. */
static const InferClass *stack_class(const Infer *in, const MirInst *n, const char **why)
{
    const MirInst *c = n->args[0];
    if (c->op != MIR_ClassGet || c->imm < 0 || c->imm >= in->nclasses) {
        *why = "the class is not a known constant";
        return NULL;
    }
    const InferClass *cls = in->classes[c->imm];
    if (cls->fixed != 1 || cls->nslots == 0) {
        *why = "the class has no fixed layout with slots";
        return NULL;
    }
    for (const InferClass *k = cls; k; k = k->base)
        if (has_name(k, "__del__")) {
            *why = "the class has __del__";
            return NULL;
        }
    return cls;
}

static int returned(const MirFunction *f, const MirInst *n)
{
    for (int b = 0; b < f->nblocks; b++) {
        const MirBlock *bl = f->blocks[b];
        if (bl->ninsts && bl->insts[bl->ninsts - 1]->op == MIR_Ret &&
            bl->insts[bl->ninsts - 1]->args[0] == n)
            return 1;
    }
    return 0;
}

/* The slot count of the class every ret of f returns a fresh instance of (the same count at
 * each), which nothing else lets out; 0 when f is not such a clone. */
static int fresh_result(Esc *e, const MirFunction *f)
{
    int slots = 0;
    if (f->rettype != MT_DYN || f->nparams >= 63)   /* (the pointer after at most 64 words) */
        return 0;
    for (int b = 0; b < f->nblocks; b++) {
        const MirInst *t = f->blocks[b]->ninsts ? f->blocks[b]->insts[f->blocks[b]->ninsts - 1]
                                                : NULL;
        if (!t || t->op != MIR_Ret)
            continue;
        const MirInst *n = t->args[0];
        const char *no;
        const InferClass *cls = n->op == MIR_InstNew ? stack_class(e->in, n, &no) : NULL;
        if (!cls || (slots && slots != cls->nslots))
            return 0;
        Why why;
        e->ret_ok = 1;
        int out = use_escapes(e, f, n, 0, &why);
        e->ret_ok = 0;
        if (out)
            return 0;
        slots = cls->nslots;
    }
    return slots;
}

/* Marks (or, with out, reports) every inst.new of f. */
static void mark_function(const Esc *e, MirFunction *f, FILE *out, int *any)
{
    for (int b = 0; b < f->nblocks; b++)
        for (int j = 0; j < f->blocks[b]->ninsts; j++) {
            MirInst *n = f->blocks[b]->insts[j];
            Why why = {NULL, n->loc.line, NULL};
            if (n->op == MIR_CallDirect && n->func->result_slots > 0 &&
                !use_escapes(e, f, n, 0, &why)) {
                n->imm2 = n->func->result_slots;
                if (out && !(*any)++)
                    fputs("stack allocation:\n", out);
                if (out)
                    fprintf(out, "  line %d (%s): the result of %s in the frame\n",
                            n->loc.line, f->qualname, n->func->qualname);
            }
            if (n->op != MIR_InstNew)
                continue;
            const InferClass *cls = stack_class(e->in, n, &why.what);
            if (cls && !use_escapes(e, f, n, 0, &why))
                n->imm2 = cls->nslots;
            else if (cls && f->result_slots && returned(f, n))
                n->imm2 = -f->result_slots;   /* returned: the caller's block when it gives one */
            if (!out)
                continue;
            if (!(*any)++)
                fputs("stack allocation:\n", out);
            fprintf(out, "  line %d (%s): %s ", n->loc.line, f->qualname,
                     cls ? cls->qualname : "instance");
            if (n->imm2 > 0)
                fprintf(out, "in the frame\n");
            else if (n->imm2 < 0)
                fprintf(out, "in the caller's frame when the result stays there\n");
            else if (why.callee)
                fprintf(out, "on the heap: passed to %s, which lets it escape (line %d)\n",
                        why.callee->qualname, why.line);
            else
                fprintf(out, "on the heap: %s (line %d)\n", why.what, why.line);
        }
}

/* The summaries to a fixed point, then the marks; with out, explain's "stack allocation"
 * section for the sites in file. */
void escape_program(Infer *in, FILE *out, const char *file)
{
    Esc e = {in, NULL, 0, 0};
    e.sums = xmalloc(sizeof *e.sums * (size_t)(in->nctxs + 1));
    for (int i = 0; i < in->nctxs; i++)
        if (in->ctxs[i]->index > 0 && analysed(in->ctxs[i]->clone))
            e.sums[e.nsums++] = (Summary){in->ctxs[i]->clone, 0};
    qsort(e.sums, (size_t)e.nsums, sizeof *e.sums, cmp_sum);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < e.nsums; i++) {
            uint64_t m = params_escaping(&e, e.sums[i].fn);
            if ((m | e.sums[i].escapes) != e.sums[i].escapes) {
                e.sums[i].escapes |= m;
                changed = 1;
            }
        }
    }
    for (int i = 0; i < e.nsums; i++)
        ((MirFunction *)e.sums[i].fn)->result_slots = fresh_result(&e, e.sums[i].fn);
    int any = 0;
    for (int i = 0; i < in->nctxs; i++) {   /* in context order: explain's is deterministic */
        MirFunction *f = in->ctxs[i]->clone;
        if (in->ctxs[i]->index == 0 || !analysed(f))
            continue;
        int shown = out && f->file && file && strcmp(f->file, file) == 0;
        mark_function(&e, f, shown ? out : NULL, &any);
    }
    free(e.sums);
}
