/*
 * cg_spec.c - speculative bodies of pure recursive clones (cg.h cg_spec_find, cg_spec_entry).
 *
 * A clone is *pure* when its body has only leaf ops (codegen.c cg_leaf_op: typed arithmetic,
 * compares, list and cell reads, branches: nothing that writes or runs Python code) and
 * call.direct of pure clones.  Such a clone is a function of its arguments and of memory that
 * nothing it runs can change, so running it twice, or abandoning a run half-way, is invisible.
 * fib is one: it calls only itself.
 *
 * Pure clones with a call (and every pure clone they call: the *members*) are emitted three
 * times:
 *   SYMBOL.spec(args..., i32 depth)  the speculative body: every tagged int stays small (an op
 *       that would take a big-int slow path fails instead), any error fails (no traceback entry,
 *       no RecursionError: just the error result), calls of members go to their .spec with the
 *       levels left before the recursion limit passed in a register: no thread-local load or
 *       store, no load of the limit (nothing a member runs can change it) on any call;
 *   SYMBOL.exact(args...)  the clone as before (counts the depth, raises, adds traceback
 *       entries), calling members' .exact bodies, so once a computation has fallen back it stays
 *       exact below that call: a failing speculation is paid once, at the outermost call;
 *   SYMBOL(args...)  the entry every other caller uses (cg_spec_entry): calls .spec with the
 *       current depth, and on failure the exact body with the same arguments, whose result,
 *       exception and traceback are then the call's.
 * The room passed down follows the depth the exact bodies would have counted, so a speculation
 * fails exactly where the exact body raises RecursionError.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cg.h"

enum { SPEC_NO, SPEC_PURE, SPEC_MEMBER };

static int small_result(Cg *cg, const MirFunction *mf);
static uint64_t small_params(const MirFunction *mf);

/* Leaf ops and direct calls of clones only (whether the callees are pure is decided later). */
static int pure_candidate(const MirFunction *mf)
{
    if (!mf->origin || mf->nblocks == 0)
        return 0;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (in->op == MIR_CallDirect ? !in->func || !in->func->origin : !cg_leaf_op(in->op))
                return 0;
        }
    return 1;
}

static int has_direct_call(const MirFunction *mf)
{
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++)
            if (mf->blocks[i]->insts[j]->op == MIR_CallDirect)
                return 1;
    return 0;
}

/* The pure clones as the greatest fixed point (recursion is assumed pure until an impure callee
 * is found), then the members: pure clones with a call and, transitively, what they call.
 * AITHON_SPEC=0 turns speculation of recursive clones off (to compare code). */
void cg_spec_find(Cg *cg, const MirProgram *p)
{
    const char *e = getenv("AITHON_SPEC");
    if (cg->opt->opt_level <= 0 || (e && *e == '0'))
        return;
    for (int i = 0; i < p->nfuncs; i++)
        if (pure_candidate(p->funcs[i]))
            cg_fn_data(cg, p->funcs[i])->spec = SPEC_PURE;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < p->nfuncs; i++) {
            const MirFunction *mf = p->funcs[i];
            if (cg_fn_data(cg, mf)->spec != SPEC_PURE)
                continue;
            for (int b = 0; b < mf->nblocks; b++)
                for (int j = 0; j < mf->blocks[b]->ninsts; j++) {
                    const MirInst *in = mf->blocks[b]->insts[j];
                    if (in->op == MIR_CallDirect && cg_fn_data(cg, in->func)->spec == SPEC_NO) {
                        cg_fn_data(cg, mf)->spec = SPEC_NO;
                        changed = 1;
                    }
                }
        }
    }
    const MirFunction **work = malloc(sizeof *work * (size_t)(p->nfuncs + 1));
    int n = 0;
    for (int i = 0; i < p->nfuncs; i++)
        if (cg_fn_data(cg, p->funcs[i])->spec == SPEC_PURE && has_direct_call(p->funcs[i])) {
            cg_fn_data(cg, p->funcs[i])->spec = SPEC_MEMBER;
            work[n++] = p->funcs[i];
        }
    while (n > 0) {
        const MirFunction *mf = work[--n];
        for (int b = 0; b < mf->nblocks; b++)
            for (int j = 0; j < mf->blocks[b]->ninsts; j++) {
                const MirInst *in = mf->blocks[b]->insts[j];
                /* a pure clone's callee is pure: not yet a member, it is pushed once */
                if (in->op == MIR_CallDirect && cg_fn_data(cg, in->func)->spec == SPEC_PURE) {
                    cg_fn_data(cg, in->func)->spec = SPEC_MEMBER;
                    work[n++] = in->func;
                }
            }
    }
    free(work);
    for (int i = 0; i < p->nfuncs; i++)
        if (cg_fn_data(cg, p->funcs[i])->spec == SPEC_MEMBER) {
            int small = small_result(cg, p->funcs[i]);
            uint64_t params = small_params(p->funcs[i]);
            cg_fn_data(cg, p->funcs[i])->spec_small = small;
            cg_fn_data(cg, p->funcs[i])->spec_small_params = params;
        }
}

/* Tagged int ops: their dyn operands and results are ints (specialize chose them because
 * inference proved it). */
static int int_op(int op)
{
    switch (op) {
    case MIR_IntAdd: case MIR_IntSub: case MIR_IntMul: case MIR_IntFloorDiv: case MIR_IntMod:
    case MIR_IntCmp: case MIR_IntTruthy: case MIR_IntToF: case MIR_IntTrueDiv:
        return 1;
    default:
        return 0;
    }
}

static int used_by_int_op(const MirFunction *mf, const MirInst *v)
{
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (int_op(in->op))
                for (int k = 0; k < in->nargs; k++)
                    if (in->args[k] == v)
                        return 1;
        }
    return 0;
}

/* v is (as far as a look at the MIR tells) an int: made by a tagged int op, a constant, a
 * member's result, or a phi of those, or used as an operand of an int op. */
static int int_value(Cg *cg, const MirFunction *mf, const MirInst *v, int depth)
{
    if (v->type != MT_DYN || depth > 8)
        return 0;
    if (int_op(v->op) && v->op != MIR_IntCmp && v->op != MIR_IntTruthy && v->op != MIR_IntToF &&
        v->op != MIR_IntTrueDiv)
        return 1;
    if (v->op == MIR_ConstInt || v->op == MIR_BoxI64)
        return 1;
    if (v->op == MIR_CallDirect)
        return v->func && cg_fn_data(cg, v->func)->spec == SPEC_MEMBER;
    if (v->op == MIR_Phi) {
        for (int k = 0; k < v->nargs; k++)
            if (!int_value(cg, mf, v->args[k], depth + 1))
                return 0;
        return v->nargs > 0;
    }
    return used_by_int_op(mf, v);
}

/* A member whose results are ints: its .spec body returns only small ones (a big one fails
 * the speculation), so speculating callers know the tag of its result.  The look at the MIR
 * only chooses where to test: a wrong guess costs failed speculations, never a wrong result. */
static int small_result(Cg *cg, const MirFunction *mf)
{
    if (mf->rettype != MT_DYN)
        return 0;
    int rets = 0;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (in->op == MIR_Ret) {
                if (in->nargs < 1 || !int_value(cg, mf, in->args[0], 0))
                    return 0;
                rets++;
            }
        }
    return rets > 0;
}

/* The parameters (bit i: MIR param i) a member's .spec body takes as small tagged ints: those
 * its int ops use, which would fail the speculation when big anyway.  The entry and speculating
 * callers test the tag (callers passing a result of an int op: known small, no test), the
 * body knows it. */
static uint64_t small_params(const MirFunction *mf)
{
    uint64_t m = 0;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (in->op == MIR_Param && in->type == MT_DYN && in->imm >= 0 && in->imm < 64 &&
                in->imm < mf->nparams && used_by_int_op(mf, in))
                m |= UINT64_C(1) << in->imm;
        }
    return m;
}

uint64_t cg_spec_small_params(Cg *cg, const MirFunction *mf)
{
    return cg_spec_member(cg, mf) ? cg_fn_data(cg, mf)->spec_small_params : 0;
}

/* The condition "value v, passed as parameter i of member mf, is not small". */
LLVMValueRef cg_spec_param_big(Cg *cg, LLVMValueRef v)
{
    LLVMValueRef t = LLVMBuildAnd(cg->b, v, LLVMConstInt(cg->i64, 1, 0), "");
    return LLVMBuildICmp(cg->b, LLVMIntEQ, t, LLVMConstInt(cg->i64, 0, 0), "");
}

int cg_spec_small_result(Cg *cg, const MirFunction *mf)
{
    return cg_spec_member(cg, mf) && cg_fn_data(cg, mf)->spec_small;
}

int cg_spec_member(Cg *cg, const MirFunction *mf)
{
    return mf->origin && cg_fn_data(cg, mf)->spec == SPEC_MEMBER;
}

/* The clone's parameters and the caller's room (limit - depth); the clone's result type, whose
 * error value means "failed: ask the exact body". */
LLVMTypeRef cg_spec_type(Cg *cg, const MirFunction *mf)
{
    LLVMTypeRef ct = cg_clone_type(cg, mf);
    unsigned n = LLVMCountParamTypes(ct);
    LLVMTypeRef ps[66];
    LLVMGetParamTypes(ct, ps);
    ps[n] = cg->i32;
    return LLVMFunctionType(cg_clone_ret_type(cg, mf), ps, n + 1, 0);
}

static LLVMValueRef suffixed_decl(Cg *cg, const MirFunction *mf, const char *suffix,
                                  LLVMTypeRef t)
{
    size_t len;
    const char *name = LLVMGetValueName2(cg_function_decl(cg, mf), &len);
    char buf[300];
    snprintf(buf, sizeof buf, "%.*s%s", (int)(len < 280 ? len : 280), name, suffix);
    LLVMValueRef fn = LLVMAddFunction(cg->mod, buf, t);
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    return fn;
}

LLVMValueRef cg_spec_decl(Cg *cg, const MirFunction *mf)
{
    if (!cg_fn_data(cg, mf)->spec_fn) {
        LLVMValueRef fn = suffixed_decl(cg, mf, ".spec", cg_spec_type(cg, mf));
        cg_fn_data(cg, mf)->spec_fn = fn;
    }
    return cg_fn_data(cg, mf)->spec_fn;
}

/* The exact body runs only when a speculation failed: cold, and never inlined into the entry
 * (which would grow every caller that inlines the entry). */
LLVMValueRef cg_spec_exact_decl(Cg *cg, const MirFunction *mf)
{
    if (!cg_fn_data(cg, mf)->exact_fn) {
        LLVMValueRef fn = suffixed_decl(cg, mf, ".exact", cg_clone_type(cg, mf));
        const char *attrs[2] = {"noinline", "cold"};
        for (int i = 0; i < 2; i++) {
            unsigned kind = LLVMGetEnumAttributeKindForName(attrs[i], strlen(attrs[i]));
            LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                    LLVMCreateEnumAttribute(cg->ctx, kind, 0));
        }
        cg_fn_data(cg, mf)->exact_fn = fn;
    }
    return cg_fn_data(cg, mf)->exact_fn;
}

/* The error flag of a clone's result r (dyn: the value 0). */
LLVMValueRef cg_clone_failed(Cg *cg, const MirFunction *mf, LLVMValueRef r)
{
    if (mf->rettype == MT_DYN)
        return LLVMBuildICmp(cg->b, LLVMIntEQ, r, LLVMConstInt(cg->i64, 0, 0), "");
    return LLVMBuildExtractValue(cg->b, r, 1, "");
}

/* SYMBOL(args...): the speculative body with the room left at the current depth, else the
 * exact body. */
void cg_spec_entry(Cg *cg, const MirFunction *mf)
{
    LLVMValueRef fn = cg_function_decl(cg, mf);
    LLVMBuilderRef b = cg->b;
    cg_debug_begin(cg, fn, mf);
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(cg->ctx, fn, "entry"));
    cg_set_line(cg, mf->firstlineno);
    unsigned n = LLVMCountParams(fn);
    LLVMValueRef args[66];
    for (unsigned i = 0; i < n && i < 65; i++)
        args[i] = LLVMGetParam(fn, i);
    LLVMValueRef limg = cg_rt_global(cg, "rt_recursion_limit", cg->i32);
    LLVMSetVisibility(limg, LLVMHiddenVisibility);
    args[n] = LLVMBuildSub(b, LLVMBuildLoad2(b, cg->i32, limg, ""),
                           LLVMBuildLoad2(b, cg->i32, cg_rt_tls(cg, "rt_recursion_depth"), ""),
                           "");
    LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(cg->ctx, fn, "spec.ok");
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(cg->ctx, fn, "spec.failed");
    uint64_t small = cg_spec_small_params(cg, mf);
    for (int i = 0; i < mf->nparams && i < 64; i++)
        if (small & (UINT64_C(1) << i)) {   /* a big argument: exact at once */
            LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(cg->ctx, fn, "");
            LLVMValueRef br = LLVMBuildCondBr(b, cg_spec_param_big(cg, args[i + (mf->nfree > 0)]),
                                              slow, next);
            LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
            LLVMPositionBuilderAtEnd(b, next);
        }
    LLVMValueRef r = LLVMBuildCall2(b, cg_spec_type(cg, mf), cg_spec_decl(cg, mf), args, n + 1, "");
    LLVMValueRef br = LLVMBuildCondBr(b, cg_clone_failed(cg, mf, r), slow, ok);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(b, ok);
    LLVMBuildRet(b, r);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef x = LLVMBuildCall2(b, cg_clone_type(cg, mf), cg_spec_exact_decl(cg, mf), args,
                                    n, "");
    LLVMSetTailCall(x, 1);
    LLVMBuildRet(b, x);
    cg_debug_end(cg);
}

static int self_call(const MirFunction *mf, const MirInst *v)
{
    return v->op == MIR_CallDirect && v->func == mf && v->id >= 0;
}

static int use_count(const MirFunction *mf, const MirInst *v)
{
    int n = 0;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            for (int k = 0; k < in->nargs; k++)
                n += in->args[k] == v;
        }
    return n;
}

/* Accumulated tail calls of a member's .spec body: `return f(args)` and `return x + f(args)`
 * (either operand) of itself, the call's and the add's results used nowhere else, become
 * "acc += x; start over with args" (codegen.c: a loop around the body, with the room of the
 * call as the next round's room, so the rounds fail where the calls would have).  This
 * reassociates the adds: sound only because the body speculates, and so fails on every
 * intermediate sum that is not a small int: a sum that fits in the new order is the
 * mathematical one, Python's; one that does not makes the exact body compute it.  The other
 * returns return acc + their value.  Marks (by SSA id) the calls CG_TAIL_CALL and the returned
 * values CG_TAIL_RET; returns how many returns loop. */
int cg_spec_tail(Cg *cg, const MirFunction *mf, char *mark)
{
    if (mf->rettype != MT_DYN || !cg_spec_small_result(cg, mf))
        return 0;
    int n = 0;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *r = mf->blocks[i]->insts[j], *v, *c = NULL;
            if (r->op != MIR_Ret || r->nargs < 1 || (v = r->args[0])->id < 0 ||
                use_count(mf, v) != 1)
                continue;
            if (self_call(mf, v))
                c = v;
            else if (v->op == MIR_IntAdd && v->nargs == 2)
                for (int k = 1; k >= 0 && !c; k--)   /* the later call, when both are */
                    if (self_call(mf, v->args[k]) && use_count(mf, v->args[k]) == 1)
                        c = v->args[k];
            if (c) {
                mark[c->id] |= CG_TAIL_CALL;
                mark[v->id] |= CG_TAIL_RET;
                n++;
            }
        }
    return n;
}

/* SYMBOL.spec.in, or NULL: a .spec body that loops on its tail calls (cg_spec_tail) and still
 * has other calls of itself (fib's first one) is emitted a second time under this name, always
 * inlined, and the .spec body's own calls go to it while its own go back to .spec.  So each
 * call left runs two levels of the recursion, the inlined one a loop too (fib: a quarter of
 * the calls instead of a half), and the base cases of the first level cost no call: gcc's
 * recursive inlining for C.  The two bodies are the same speculation; only where calls go
 * differs, so results, failures and the room are as with one. */
LLVMValueRef cg_spec_twin_decl(Cg *cg, const MirFunction *mf)
{
    if (cg_fn_data(cg, mf)->twin_decided)
        return cg_fn_data(cg, mf)->twin_fn;
    cg_fn_data(cg, mf)->twin_decided = 1;
    int maxval = mf->nvalues, calls = 0;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (in->id >= maxval)
                maxval = in->id + 1;
            calls += self_call(mf, in);
        }
    char *mark = calloc((size_t)maxval + 1, 1);
    int tails = cg_spec_tail(cg, mf, mark);
    free(mark);
    if (tails > 0 && calls > tails) {
        LLVMValueRef fn = suffixed_decl(cg, mf, ".spec.in", cg_spec_type(cg, mf));
        unsigned kind = LLVMGetEnumAttributeKindForName("alwaysinline", 12);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(cg->ctx, kind, 0));
        cg_fn_data(cg, mf)->twin_fn = fn;
    }
    return cg_fn_data(cg, mf)->twin_fn;
}
