/*
 * cg_num.c - the typed tier's numbers: inline tuples, tagged and unboxed int arithmetic with
 * overflow checks and big-int slow paths, float ops with Python's division and power rules,
 * conversions (codegen.c emit_typed calls these; docs/internals/typed.md).
 */
#include <stdlib.h>
#include <string.h>

#include "../../runtime/include/rt_containers.h"
#include "cg_emit.h"

/* Tuples of up to TUPLE_INLINE_MAX items are allocated inline: the pop from the runtime's
 * per-thread free list of the tuple's size class (core.h's rt_alloc_inline, whose contract
 * this copies: objects on the list are zeroed except the link in their first word, which the
 * type pointer overwrites), then the header and items stored.  Nothing between the pop and
 * the stores can collect.  An empty list or pending fault injection takes rt_tuple_from, as
 * every BuildTuple did before: binary_trees makes 6.4M pairs, and the call cost 45
 * instructions each.  The stress and malloc collectors keep rt_small_free empty (alloc.c). */

/* The item as a link-time constant Value when it is None, True, False, Ellipsis or a small
 * int (boxed or a dyn constant), else NULL. */
static LLVMValueRef static_item(Cg *cg, const MirInst *a)
{
    switch (a->op) {
    case MIR_ConstNone: return dyn_none(cg);
    case MIR_ConstTrue: return cg_rt_object(cg, "rt_True_obj");
    case MIR_ConstFalse: return cg_rt_object(cg, "rt_False_obj");
    case MIR_ConstEllipsis: return cg_rt_object(cg, "rt_Ellipsis_obj");
    case MIR_BoxBool:
        if (a->args[0]->op == MIR_ConstI1)
            return cg_rt_object(cg, a->args[0]->imm ? "rt_True_obj" : "rt_False_obj");
        return NULL;
    case MIR_BoxI64: {
        const MirInst *c = a->args[0];
        int neg = c->op == MIR_INeg;   /* `-5`: typed code negates the literal */
        if (neg)
            c = c->args[0];
        if (c->op != MIR_ConstInt || c->imm <= RT_SMALL_MIN || c->imm > RT_SMALL_MAX)
            return NULL;
        return LLVMConstInt(cg->i64, ((uint64_t)(neg ? -c->imm : c->imm) << 1) | 1, 0);
    }
    case MIR_ConstInt:
        if (a->type == MT_I64)
            return NULL;
        break;
    default: return NULL;
    }
    if (a->imm < RT_SMALL_MIN || a->imm > RT_SMALL_MAX)
        return NULL;
    return LLVMConstInt(cg->i64, ((uint64_t)a->imm << 1) | 1, 0);
}

/* A tuple display of constants (`return (None, None)`, `(0, 1)`) is one static tuple per
 * site, as CPython's compiler folds it into one constant: no allocation at all (half of
 * binary_trees' tuples are its (None, None) leaves).  The object is a mutable private
 * global laid out as a TupleObject (its hash is cached in place); the collector never sees
 * it as a heap object, and its items are static objects or tagged ints, so it holds nothing
 * the collector must trace.  NULL when an item is anything else. */
static LLVMValueRef static_tuple(Cg *cg, const MirInst *in)
{
    int n = in->nargs;
    LLVMValueRef f[3 + TUPLE_INLINE_MAX];
    _Static_assert(offsetof(TupleObject, size) == 8 && offsetof(TupleObject, hash) == 16 &&
                       offsetof(TupleObject, items) == 24,
                   "TupleObject is type, size, hash, items");
    for (int i = 0; i < n; i++)
        if (!(f[3 + i] = static_item(cg, in->args[i])))
            return NULL;
    f[0] = cg_rt_object(cg, "rt_tuple_type");
    f[1] = ci64(cg, n);
    f[2] = ci64(cg, -1);
    LLVMTypeRef t = LLVMArrayType2(cg->i64, (uint64_t)(3 + n));
    LLVMValueRef g = LLVMAddGlobal(cg->mod, t, ".ctuple");
    LLVMSetInitializer(g, LLVMConstArray2(cg->i64, f, (uint64_t)(3 + n)));
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMSetAlignment(g, 16);
    return LLVMConstPtrToInt(g, cg->i64);
}

LLVMValueRef build_tuple(Cg *cg, const MirInst *in)
{
    LLVMBuilderRef b = cg->b;
    int n = in->nargs;
    LLVMValueRef st = static_tuple(cg, in);
    if (st)
        return st;
    size_t size = sizeof(TupleObject) + (size_t)n * sizeof(Value);
    size_t cls = size / 16 + 1;   /* rt_alloc_inline's class: room for the byte past the end */
    LLVMValueRef lists = cg_rt_tls(cg, "rt_small_free");
    LLVMValueRef idx = ci64(cg, (long long)cls);
    LLVMValueRef head = LLVMBuildInBoundsGEP2(b, cg->ptr, lists, &idx, 1, "");
    LLVMValueRef p = LLVMBuildLoad2(b, cg->ptr, head, "");
    LLVMValueRef fail = LLVMBuildLoad2(b, cg->i64, cg_rt_global(cg, "rt_alloc_fail_after", cg->i64),
                                       "");
    LLVMValueRef slow_c = LLVMBuildOr(b, LLVMBuildIsNull(b, p, ""),
                                      LLVMBuildICmp(b, LLVMIntSGT, fail, ci64(cg, 0), ""), "");
    LLVMBasicBlockRef fast = new_bb(cg, "tuple.fast");
    LLVMBasicBlockRef slow = new_bb(cg, "tuple.slow");
    LLVMBasicBlockRef done = new_bb(cg, "tuple.done");
    LLVMValueRef br = LLVMBuildCondBr(b, slow_c, slow, fast);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);

    LLVMPositionBuilderAtEnd(b, fast);
    LLVMBuildStore(b, LLVMBuildLoad2(b, cg->ptr, p, ""), head);
    LLVMBuildStore(b, cg_rt_global(cg, "rt_tuple_type", cg->i8), field_ptr(cg, p, 0));
    LLVMBuildStore(b, ci64(cg, n), field_ptr(cg, p, offsetof(TupleObject, size)));
    LLVMBuildStore(b, ci64(cg, -1), field_ptr(cg, p, offsetof(TupleObject, hash)));
    for (int i = 0; i < n; i++)
        LLVMBuildStore(b, val(cg, in->args[i]),
                       field_ptr(cg, p, offsetof(TupleObject, items) + (size_t)i * sizeof(Value)));
    LLVMValueRef rf = LLVMBuildPtrToInt(b, p, cg->i64, "");
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef rs = RTC(cg, RTF_rt_tuple_from, fill_buf(cg, in, 0, n, 0), ci64(cg, n));
    return join_slow(cg, cg->i64, done, rf, fast, rs);
}

/* Raises exc_global(msg) and goes to the error path when cond holds. */
void raise_if(Cg *cg, const MirInst *in, LLVMValueRef cond, const char *exc_global,
                     const char *msg)
{
    LLVMBasicBlockRef bad = new_bb(cg, "raise");
    br_cold(cg, cond, bad);
    LLVMBasicBlockRef cont = LLVMGetInsertBlock(cg->b);
    LLVMPositionBuilderAtEnd(cg->b, bad);
    raise_str(cg, exc_global, msg);
    LLVMBuildBr(cg->b, err_path(cg, in));
    LLVMPositionBuilderAtEnd(cg->b, cont);
}

LLVMIntPredicate icmp_pred(int op)
{
    switch (op) {
    case Cmp_Eq: return LLVMIntEQ;
    case Cmp_NotEq: return LLVMIntNE;
    case Cmp_Lt: return LLVMIntSLT;
    case Cmp_LtE: return LLVMIntSLE;
    case Cmp_Gt: return LLVMIntSGT;
    default: return LLVMIntSGE;
    }
}

LLVMRealPredicate fcmp_pred(int op)
{
    switch (op) {   /* IEEE as Python: nan compares unequal and unordered */
    case Cmp_Eq: return LLVMRealOEQ;
    case Cmp_NotEq: return LLVMRealUNE;
    case Cmp_Lt: return LLVMRealOLT;
    case Cmp_LtE: return LLVMRealOLE;
    case Cmp_Gt: return LLVMRealOGT;
    default: return LLVMRealOGE;
    }
}

/* Speculating leaf clones (clone_is_leaf, cg_function): a leaf clone is a pure function of
 * its arguments (it reads lists and cells, writes nothing, calls nothing), so its body can be
 * emitted a second time assuming every tagged int stays small.  Where that fails (a big
 * operand, an overflow, a divisor the inline path does not take, a big int to convert) the
 * speculative body gives up and returns what the exact body (the clone emitted as usual)
 * returns for the same arguments: nothing it did before is visible, and the exact body
 * computes the result, its exceptions and traceback from the start.  On the fast path every
 * tagged result is then known small, so the tag tests of the following ops fold away.
 * Returns the block that restarts in the exact body, or NULL when not speculating. */

LLVMBasicBlockRef spec_restart(Cg *cg)
{
    CgFn *f = cg->fn;
    if (f->spec_depth) {   /* a member's .spec body: fail, the entry restarts (cg_spec.c) */
        if (!f->restart_bb) {
            LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
            f->restart_bb = new_bb(cg, "spec.fail");
            LLVMPositionBuilderAtEnd(cg->b, f->restart_bb);
            clone_return(cg, NULL, 1);
            LLVMPositionBuilderAtEnd(cg->b, here);
        }
        return f->restart_bb;
    }
    if (!f->exact)
        return NULL;
    if (!f->restart_bb) {
        LLVMBuilderRef b = cg->b;
        LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
        f->restart_bb = new_bb(cg, "spec.restart");
        LLVMPositionBuilderAtEnd(b, f->restart_bb);
        unsigned n = LLVMCountParams(f->fn);
        LLVMValueRef args[66];
        for (unsigned i = 0; i < n && i < 66; i++)
            args[i] = LLVMGetParam(f->fn, i);
        LLVMValueRef r = LLVMBuildCall2(b, cg_clone_type(cg, f->mf), f->exact, args, n, "");
        LLVMSetTailCall(r, 1);
        if (f->mf->rettype == MT_DYN)
            LLVMBuildRet(b, r);
        else
            clone_ret_pair(cg, LLVMBuildExtractValue(b, r, 0, ""),
                           LLVMBuildExtractValue(b, r, 1, ""));
        LLVMPositionBuilderAtEnd(b, here);
    }
    return f->restart_bb;
}

/* The slow path of a tagged-int op, built at the current block: speculating, a restart;
 * else the generic operator id (its result, its exceptions), joined at done with the fast
 * result rf from fast_end. */
static LLVMValueRef int_slow_join(Cg *cg, const MirInst *in, int id, LLVMValueRef a,
                                  LLVMValueRef b2, LLVMValueRef rf, LLVMBasicBlockRef fast_end,
                                  LLVMBasicBlockRef done)
{
    LLVMBuilderRef b = cg->b;
    if (spec_restart(cg)) {   /* speculating: the result is small or we start over */
        LLVMBuildBr(b, spec_restart(cg));
        LLVMPositionBuilderAtEnd(b, done);
        return rf;
    }
    LLVMValueRef sr = RTC(cg, id, a, b2);
    check_value(cg, in, sr);
    return join_slow(cg, cg->i64, done, rf, fast_end, sr);
}

/* int.add/sub/mul on tagged ints: both small -> the tagged words with llvm.*.with.overflow
 * (2x+1 + 2y+1 - 1 = 2(x+y)+1, and so on); overflow or a big operand -> the runtime. */
LLVMValueRef int_arith(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef b2)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef fast = new_bb(cg, "int.fast"), slow = new_bb(cg, "int.slow"),
                      done = new_bb(cg, "int.done");
    LLVMValueRef both = LLVMBuildAnd(b, LLVMBuildAnd(b, a, b2, ""), ci64(cg, 1), "");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, both, ci64(cg, 0), ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef args[2], r;
    const char *name;
    if (in->op == MIR_IntMul) {
        args[0] = LLVMBuildSub(b, a, ci64(cg, 1), "");
        args[1] = untag(cg, b2);
        name = "llvm.smul.with.overflow";
    } else {
        args[0] = a;
        args[1] = LLVMBuildSub(b, b2, ci64(cg, 1), "");
        name = in->op == MIR_IntAdd ? "llvm.sadd.with.overflow" : "llvm.ssub.with.overflow";
    }
    LLVMValueRef res = intrinsic(cg, name, cg->i64, args, 2);
    r = LLVMBuildExtractValue(b, res, 0, "");
    if (in->op == MIR_IntMul)
        r = LLVMBuildOr(b, r, ci64(cg, 1), "");
    LLVMValueRef ovf = LLVMBuildExtractValue(b, res, 1, "");
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(b);
    LLVMValueRef br = LLVMBuildCondBr(b, ovf, slow, done);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(b, slow);
    int id = in->op == MIR_IntAdd ? RTF_rt_int_add : in->op == MIR_IntSub ? RTF_rt_int_sub
                                                                           : RTF_rt_int_mul;
    return int_slow_join(cg, in, id, a, b2, r, fast_end, done);
}

/* int.floordiv/int.mod on tagged ints: a small dividend and a small positive divisor inline
 * (floor semantics; the quotient is no larger in magnitude than the dividend and the
 * remainder lies in [0, y), so both are small); anything else, a zero divisor included, goes
 * to the generic operator with its results and messages. */
LLVMValueRef int_divmod(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef b2)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef fast = new_bb(cg, "idiv.fast"), slow = new_bb(cg, "idiv.slow"),
                      done = new_bb(cg, "idiv.done");
    LLVMValueRef both = LLVMBuildAnd(b, LLVMBuildAnd(b, a, b2, ""), ci64(cg, 1), "");
    LLVMValueRef pos = LLVMBuildICmp(b, LLVMIntSGT, b2, ci64(cg, 1), "");  /* 2y+1 > 1: y > 0 */
    LLVMValueRef ok = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, both, ci64(cg, 0), ""), pos, "");
    LLVMBuildCondBr(b, ok, fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef x = untag(cg, a), y = untag(cg, b2);
    LLVMValueRef q = LLVMBuildSDiv(b, x, y, ""), r = LLVMBuildSRem(b, x, y, "");
    LLVMValueRef neg = LLVMBuildICmp(b, LLVMIntSLT, r, ci64(cg, 0), "");   /* y > 0 */
    LLVMValueRef v;
    if (in->op == MIR_IntMod)
        v = LLVMBuildSelect(b, neg, LLVMBuildAdd(b, r, y, ""), r, "");
    else
        v = LLVMBuildSelect(b, neg, LLVMBuildSub(b, q, ci64(cg, 1), ""), q, "");
    LLVMValueRef rf = tag(cg, v);
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    return int_slow_join(cg, in, in->op == MIR_IntMod ? RTF_rt_mod : RTF_rt_floordiv, a, b2, rf,
                         fast_end, done);
}

/* i.bit on small ints: & | ^ as they are, >> by a count known >= 0 clamped to 63 (Python
 * shifts a non-negative int down to 0 and a negative one to -1), << proven not to overflow. */
LLVMValueRef i_bit(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef c)
{
    LLVMBuilderRef b = cg->b;
    switch ((int)in->imm) {
    case Op_BitAnd: return LLVMBuildAnd(b, a, c, "");
    case Op_BitOr: return LLVMBuildOr(b, a, c, "");
    case Op_BitXor: return LLVMBuildXor(b, a, c, "");
    case Op_RShift: {
        LLVMValueRef big = LLVMBuildICmp(b, LLVMIntUGT, c, ci64(cg, 63), "");
        return LLVMBuildAShr(b, a, LLVMBuildSelect(b, big, ci64(cg, 63), c, ""), "");
    }
    default: {
        LLVMValueRef r = LLVMBuildShl(b, a, c, "");
        LLVMSetNSW(r, 1);
        return r;
    }
    }
}

/* int.bit on tagged ints.  Two small operands inline: & and | of the words 2x+1, 2y+1 are
 * already tagged (2(x&y)+1, 2(x|y)+1), ^ needs its tag bit back; >> by a count >= 0 untags,
 * shifts by at most 63 and retags; << by a count in [0, 62] shifts 2x and keeps the result
 * when shifting back gives 2x again (it fits the small range).  Anything else (a big
 * operand, a negative count, an overflowing <<) is the generic operator. */
LLVMValueRef int_bit(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef b2)
{
    LLVMBuilderRef b = cg->b;
    int op = (int)in->imm;
    LLVMBasicBlockRef fast = new_bb(cg, "bit.fast"), slow = new_bb(cg, "bit.slow"),
                      done = new_bb(cg, "bit.done");
    LLVMValueRef both = LLVMBuildAnd(b, LLVMBuildAnd(b, a, b2, ""), ci64(cg, 1), "");
    LLVMValueRef ok = LLVMBuildICmp(b, LLVMIntNE, both, ci64(cg, 0), "");
    LLVMValueRef y = untag(cg, b2);
    if (op == Op_RShift)
        ok = LLVMBuildAnd(b, ok, LLVMBuildICmp(b, LLVMIntSGE, y, ci64(cg, 0), ""), "");
    if (op == Op_LShift)
        ok = LLVMBuildAnd(b, ok, LLVMBuildICmp(b, LLVMIntULE, y, ci64(cg, 62), ""), "");
    LLVMBuildCondBr(b, ok, fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef rf;
    if (op == Op_BitAnd) {
        rf = LLVMBuildAnd(b, a, b2, "");
    } else if (op == Op_BitOr) {
        rf = LLVMBuildOr(b, a, b2, "");
    } else if (op == Op_BitXor) {
        rf = LLVMBuildOr(b, LLVMBuildXor(b, a, b2, ""), ci64(cg, 1), "");
    } else if (op == Op_RShift) {
        LLVMValueRef big = LLVMBuildICmp(b, LLVMIntUGT, y, ci64(cg, 63), "");
        LLVMValueRef n = LLVMBuildSelect(b, big, ci64(cg, 63), y, "");
        rf = tag(cg, LLVMBuildAShr(b, untag(cg, a), n, ""));
    } else {
        LLVMValueRef x2 = LLVMBuildSub(b, a, ci64(cg, 1), "");
        LLVMValueRef t = LLVMBuildShl(b, x2, y, "");
        LLVMValueRef fits = LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildAShr(b, t, y, ""), x2, "");
        rf = LLVMBuildOr(b, t, ci64(cg, 1), "");
        LLVMBasicBlockRef tagged = new_bb(cg, "shl.fits");
        LLVMValueRef br = LLVMBuildCondBr(b, fits, tagged, slow);
        LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
        LLVMPositionBuilderAtEnd(b, tagged);
    }
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    int id = op == Op_BitAnd ? RTF_rt_and : op == Op_BitOr ? RTF_rt_or : op == Op_BitXor
             ? RTF_rt_xor : op == Op_RShift ? RTF_rt_rshift : RTF_rt_lshift;
    return int_slow_join(cg, in, id, a, b2, rf, fast_end, done);
}

/* str.eq: the same object is equal, strs of different byte sizes are not, else the
 * runtime compares the bytes (strs are UTF-8, so equal text is equal bytes). */
LLVMValueRef str_eq(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef c)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef sizes = new_bb(cg, "streq.sizes"), first = new_bb(cg, "streq.first"),
                      bytes = new_bb(cg, "streq.bytes"), done = new_bb(cg, "streq.done");
    LLVMBasicBlockRef entry = LLVMGetInsertBlock(b);
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, a, c, ""), done, sizes);
    LLVMPositionBuilderAtEnd(b, sizes);
    LLVMValueRef same = LLVMBuildICmp(b, LLVMIntEQ, load_field(cg, cg->i64, a, offsetof(StrObject, size)),
                                      load_field(cg, cg->i64, c, offsetof(StrObject, size)), "");
    LLVMBuildCondBr(b, same, first, done);
    /* equal sizes: different first bytes (the NUL terminator of two empty strs is equal)
     * decide without the call; a scanner's ch == "x" mostly ends here */
    LLVMPositionBuilderAtEnd(b, first);
    LLVMValueRef same1 = LLVMBuildICmp(b, LLVMIntEQ, load_field(cg, cg->i8, a, offsetof(StrObject, data)),
                                       load_field(cg, cg->i8, c, offsetof(StrObject, data)), "");
    LLVMBuildCondBr(b, same1, bytes, done);
    LLVMPositionBuilderAtEnd(b, bytes);
    LLVMValueRef eq = LLVMBuildICmp(b, LLVMIntNE, RTC(cg, RTF_rt_str_eq, a, c),
                                    LLVMConstInt(cg->i32, 0, 0), "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->i1, "");
    LLVMValueRef f = LLVMConstInt(cg->i1, 0, 0);
    LLVMValueRef vals[4] = {LLVMConstInt(cg->i1, 1, 0), f, f, eq};
    LLVMBasicBlockRef from[4] = {entry, sizes, first, bytes};
    LLVMAddIncoming(phi, vals, from, 4);
    return in->imm == Cmp_NotEq ? LLVMBuildNot(b, phi, "") : phi;
}

/* str.item: a small index goes straight to the character (rt_str_item), a big one to the
 * str subscript (its IndexError). */
LLVMValueRef str_item(Cg *cg, const MirInst *in, LLVMValueRef s, LLVMValueRef k)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef small = new_bb(cg, "stritem.small"), big = new_bb(cg, "stritem.big"),
                      done = new_bb(cg, "stritem.done");
    LLVMBuildCondBr(b, LLVMBuildTrunc(b, k, cg->i1, ""), small, big);
    LLVMPositionBuilderAtEnd(b, small);
    LLVMValueRef r1 = RTC(cg, RTF_rt_str_item, s, untag(cg, k));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, big);
    LLVMValueRef r2 = RTC(cg, RTF_rt_str_getitem, s, k);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef r = phi2(cg, cg->i64, r1, small, r2, big);
    check_value(cg, in, r);
    return r;
}

LLVMValueRef int_cmp(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef b2)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef fast = new_bb(cg, "cmp.fast"), slow = new_bb(cg, "cmp.slow"),
                      done = new_bb(cg, "cmp.done");
    LLVMValueRef both = LLVMBuildAnd(b, LLVMBuildAnd(b, a, b2, ""), ci64(cg, 1), "");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, both, ci64(cg, 0), ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef rf = LLVMBuildICmp(b, icmp_pred((int)in->imm), a, b2, "");  /* 2x+1 is monotone */
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    if (spec_restart(cg)) {
        LLVMBuildBr(b, spec_restart(cg));
        LLVMPositionBuilderAtEnd(b, done);
        return rf;
    }
    LLVMValueRef c = RTC(cg, RTF_rt_int_cmp, a, b2);
    LLVMValueRef rs = LLVMBuildICmp(b, icmp_pred((int)in->imm), c, ci32(cg, 0), "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    return phi2(cg, cg->i1, rf, fast, rs, slow);
}

/* A tagged int as a double: exact conversion for small ints, the runtime for big ones
 * (OverflowError "int too large to convert to float"). */
/* int(x) of a float: a small tag when |x| < 2**62 (fptosi truncates toward zero, as int()
 * does; NaN fails the ordered compare), else rt_int_from_double: a big int, or CPython's
 * ValueError (NaN) / OverflowError (infinity). */
LLVMValueRef f_toint(Cg *cg, const MirInst *in, LLVMValueRef d)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef fast = new_bb(cg, "toi.fast"), slow = new_bb(cg, "toi.slow"),
                      done = new_bb(cg, "toi.done");
    LLVMValueRef ad = intrinsic(cg, "llvm.fabs", cg->f64, &d, 1);
    LLVMValueRef small = LLVMBuildFCmp(b, LLVMRealOLT, ad,
                                       LLVMConstReal(cg->f64, 4611686018427387904.0), "");
    LLVMBuildCondBr(b, small, fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef rf = tag(cg, LLVMBuildFPToSI(b, d, cg->i64, ""));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef rs = RTC(cg, RTF_rt_int_from_double, d);
    check_value(cg, in, rs);
    return join_slow(cg, cg->i64, done, rf, fast, rs);
}

LLVMValueRef int_to_f(Cg *cg, const MirInst *in, LLVMValueRef a)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef fast = new_bb(cg, "tof.fast"), slow = new_bb(cg, "tof.slow"),
                      done = new_bb(cg, "tof.done");
    LLVMBuildCondBr(b, LLVMBuildTrunc(b, a, cg->i1, ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef rf = LLVMBuildSIToFP(b, untag(cg, a), cg->f64, "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    if (spec_restart(cg)) {
        LLVMBuildBr(b, spec_restart(cg));
        LLVMPositionBuilderAtEnd(b, done);
        return rf;
    }
    LLVMValueRef rs = RTC(cg, RTF_rt_int_as_double, a);
    LLVMValueRef maybe = LLVMBuildFCmp(b, LLVMRealOEQ, rs, LLVMConstReal(cg->f64, -1.0), "");
    LLVMBasicBlockRef chk = new_bb(cg, "tof.chk");
    LLVMBasicBlockRef slow_ok = new_bb(cg, "tof.ok");
    LLVMBuildCondBr(b, maybe, chk, slow_ok);
    LLVMPositionBuilderAtEnd(b, chk);
    LLVMValueRef p = rt_call0(cg, RTF_rt_exc_pending);
    LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, p, ci64(cg, 0), ""),
                                      err_path(cg, in), slow_ok);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(b, slow_ok);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    return phi2(cg, cg->f64, rf, fast, rs, slow_ok);
}

/* num.tofloat: an int|float value (typed tier: an exact int or an exact float) as a double; a
 * small int converts inline, a float object is read, a big int goes through int_to_f's path
 * (OverflowError "int too large to convert to float"). */
LLVMValueRef num_to_f(Cg *cg, const MirInst *in, LLVMValueRef a)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef obj = new_bb(cg, "ntof.obj"), isf = new_bb(cg, "ntof.float"),
                      other = new_bb(cg, "ntof.int"), done = new_bb(cg, "ntof.done");
    LLVMBasicBlockRef small = new_bb(cg, "ntof.small");
    LLVMBuildCondBr(b, LLVMBuildTrunc(b, a, cg->i1, ""), small, obj);
    LLVMPositionBuilderAtEnd(b, small);
    LLVMValueRef rs = LLVMBuildSIToFP(b, untag(cg, a), cg->f64, "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, obj);
    LLVMValueRef tp = LLVMBuildPtrToInt(b, load_field(cg, cg->ptr, a, offsetof(Object, type)),
                                        cg->i64, "");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, tp, cg_rt_object(cg, "rt_float_type"), ""),
                    isf, other);
    LLVMPositionBuilderAtEnd(b, isf);
    LLVMValueRef rf = load_field(cg, cg->f64, a, offsetof(FloatObject, v));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, other);
    LLVMValueRef ri = int_to_f(cg, in, a);   /* its tag test goes to the slow path */
    LLVMBasicBlockRef other_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->f64, "");
    LLVMValueRef vals[3] = {rs, rf, ri};
    LLVMBasicBlockRef bbs[3] = {small, isf, other_end};
    LLVMAddIncoming(phi, vals, bbs, 3);
    return phi;
}

LLVMValueRef int_clamp(Cg *cg, LLVMValueRef a)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef fast = new_bb(cg, "clamp.fast"), slow = new_bb(cg, "clamp.slow"),
                      done = new_bb(cg, "clamp.done");
    LLVMBuildCondBr(b, LLVMBuildTrunc(b, a, cg->i1, ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef rf = untag(cg, a);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef sg = RTC(cg, RTF_rt_int_sign, a);
    LLVMValueRef rs = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntSGT, sg, ci32(cg, 0), ""),
                                      ci64(cg, RT_SMALL_MAX + 1), ci64(cg, RT_SMALL_MIN - 1), "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    return phi2(cg, cg->i64, rf, fast, rs, slow);
}

/* i64 floor division and modulo (Python's signs); operands are small ints, so no overflow. */
LLVMValueRef i_divmod(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef d)
{
    LLVMBuilderRef b = cg->b;
    raise_if(cg, in, LLVMBuildICmp(b, LLVMIntEQ, d, ci64(cg, 0), ""), "rt_ZeroDivisionError",
             in->op == MIR_IMod ? "integer modulo by zero" : "integer division or modulo by zero");
    LLVMValueRef q = LLVMBuildSDiv(b, a, d, ""), r = LLVMBuildSRem(b, a, d, "");
    LLVMValueRef adjust = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, r, ci64(cg, 0), ""),
                                       LLVMBuildICmp(b, LLVMIntSLT, LLVMBuildXor(b, r, d, ""),
                                                     ci64(cg, 0), ""), "");
    if (in->op == MIR_IMod)
        return LLVMBuildSelect(b, adjust, LLVMBuildAdd(b, r, d, ""), r, "");
    return LLVMBuildSelect(b, adjust, LLVMBuildSub(b, q, ci64(cg, 1), ""), q, "");
}

/* int / int: both within 2**53 -> exact doubles, one correctly rounded division (CPython's
 * fast path); else the runtime's correctly rounded algorithm. */
LLVMValueRef i_truediv(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef d)
{
    LLVMBuilderRef b = cg->b;
    raise_if(cg, in, LLVMBuildICmp(b, LLVMIntEQ, d, ci64(cg, 0), ""), "rt_ZeroDivisionError",
             "division by zero");
    LLVMValueRef lim = ci64(cg, INT64_C(1) << 53);
    LLVMValueRef fa = LLVMBuildICmp(b, LLVMIntULE,
                                    LLVMBuildAdd(b, a, lim, ""), ci64(cg, INT64_C(1) << 54), "");
    LLVMValueRef fd = LLVMBuildICmp(b, LLVMIntULE,
                                    LLVMBuildAdd(b, d, lim, ""), ci64(cg, INT64_C(1) << 54), "");
    LLVMBasicBlockRef fast = new_bb(cg, "div.fast"), slow = new_bb(cg, "div.slow"),
                      done = new_bb(cg, "div.done");
    LLVMBuildCondBr(b, LLVMBuildAnd(b, fa, fd, ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef rf = LLVMBuildFDiv(b, LLVMBuildSIToFP(b, a, cg->f64, ""),
                                    LLVMBuildSIToFP(b, d, cg->f64, ""), "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef o = RTC(cg, RTF_rt_int_truediv, tag(cg, a), tag(cg, d));
    check_value(cg, in, o);
    LLVMValueRef rs = load_field(cg, cg->f64, o, offsetof(FloatObject, v));
    return join_slow(cg, cg->f64, done, rf, fast, rs);
}

/* int.truediv: int / int on tagged ints.  Two small tags divide as i.truediv (exact doubles
 * within 2**53, else the runtime's correctly rounded quotient); a big operand goes to
 * rt_int_truediv, with its ZeroDivisionError and OverflowError ("integer division result too
 * large for a float"), or, speculating, restarts in the exact body. */
LLVMValueRef int_truediv(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef d)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef small = new_bb(cg, "tdiv.small"), big = new_bb(cg, "tdiv.big"),
                      done = new_bb(cg, "tdiv.done");
    LLVMValueRef both = LLVMBuildAnd(b, LLVMBuildAnd(b, a, d, ""), ci64(cg, 1), "");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, both, ci64(cg, 0), ""), small, big);
    LLVMPositionBuilderAtEnd(b, big);
    LLVMValueRef rb = NULL;
    if (spec_restart(cg)) {
        LLVMBuildBr(b, spec_restart(cg));
    } else {
        LLVMValueRef o = RTC(cg, RTF_rt_int_truediv, a, d);
        check_value(cg, in, o);
        rb = load_field(cg, cg->f64, o, offsetof(FloatObject, v));
        LLVMBuildBr(b, done);
    }
    LLVMBasicBlockRef big_end = LLVMGetInsertBlock(b);
    LLVMPositionBuilderAtEnd(b, small);
    LLVMValueRef rs = i_truediv(cg, in, untag(cg, a), untag(cg, d));
    LLVMBasicBlockRef small_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    if (!rb)
        return rs;
    return phi2(cg, cg->f64, rs, small_end, rb, big_end);
}

/* float // and %: CPython's float_floor_div / float_rem (fmod, sign fix-up towards the
 * divisor, floor with the half-way correction, signed zeros). */
LLVMValueRef f_divmod(Cg *cg, const MirInst *in, LLVMValueRef x, LLVMValueRef w)
{
    LLVMBuilderRef b = cg->b;
    int floordiv = in->op == MIR_FFloorDiv;
    LLVMValueRef zero = LLVMConstReal(cg->f64, 0.0);
    raise_if(cg, in, LLVMBuildFCmp(b, LLVMRealOEQ, w, zero, ""), "rt_ZeroDivisionError",
             floordiv ? "float floor division by zero" : "float modulo");
    LLVMValueRef mod = LLVMBuildFRem(b, x, w, "");
    LLVMValueRef nz = LLVMBuildFCmp(b, LLVMRealUNE, mod, zero, "");   /* C's `if (mod)` */
    LLVMValueRef fix = LLVMBuildAnd(b, nz,
                                    LLVMBuildICmp(b, LLVMIntNE,
                                                  LLVMBuildFCmp(b, LLVMRealOLT, w, zero, ""),
                                                  LLVMBuildFCmp(b, LLVMRealOLT, mod, zero, ""),
                                                  ""), "");
    if (!floordiv) {
        LLVMValueRef sz[2] = {zero, w};
        LLVMValueRef signed_zero = intrinsic(cg, "llvm.copysign", cg->f64, sz, 2);
        LLVMValueRef m = LLVMBuildSelect(b, fix, LLVMBuildFAdd(b, mod, w, ""), mod, "");
        return LLVMBuildSelect(b, nz, m, signed_zero, "");
    }
    LLVMValueRef div = LLVMBuildFDiv(b, LLVMBuildFSub(b, x, mod, ""), w, "");
    div = LLVMBuildSelect(b, fix, LLVMBuildFSub(b, div, LLVMConstReal(cg->f64, 1.0), ""), div, "");
    LLVMValueRef fl = intrinsic(cg, "llvm.floor", cg->f64, &div, 1);
    LLVMValueRef up = LLVMBuildFCmp(b, LLVMRealOGT, LLVMBuildFSub(b, div, fl, ""),
                                    LLVMConstReal(cg->f64, 0.5), "");
    fl = LLVMBuildSelect(b, up, LLVMBuildFAdd(b, fl, LLVMConstReal(cg->f64, 1.0), ""), fl, "");
    LLVMValueRef q[2] = {zero, LLVMBuildFDiv(b, x, w, "")};
    LLVMValueRef signed_zero = intrinsic(cg, "llvm.copysign", cg->f64, q, 2);
    return LLVMBuildSelect(b, LLVMBuildFCmp(b, LLVMRealUNE, div, zero, ""), fl, signed_zero, "");
}

/* float ** (integral) float: a positive finite base whose llvm.pow is a normal finite number
 * inline; everything else (zero, negative, inf/nan, overflow, underflow) in rt_f64_pow. */
LLVMValueRef f_pow(Cg *cg, const MirInst *in, LLVMValueRef x, LLVMValueRef y)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef fast = new_bb(cg, "pow.fast"), slow = new_bb(cg, "pow.slow"),
                      done = new_bb(cg, "pow.done");
    LLVMValueRef inf = LLVMConstReal(cg->f64, 1.0 / 0.0);
    LLVMValueRef base_ok = LLVMBuildAnd(b, LLVMBuildFCmp(b, LLVMRealOGT, x,
                                                         LLVMConstReal(cg->f64, 0.0), ""),
                                        LLVMBuildFCmp(b, LLVMRealOLT, x, inf, ""), "");
    LLVMBuildCondBr(b, base_ok, fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef args[2] = {x, y};
    LLVMValueRef rf = intrinsic(cg, "llvm.pow", cg->f64, args, 2);
    LLVMValueRef dbl_min = LLVMConstReal(cg->f64, 2.2250738585072014e-308);
    LLVMValueRef normal = LLVMBuildAnd(b, LLVMBuildFCmp(b, LLVMRealOGE, rf, dbl_min, ""),
                                       LLVMBuildFCmp(b, LLVMRealOLT, rf, inf, ""), "");
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(b);
    LLVMBuildCondBr(b, normal, done, slow);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef rs = RTC(cg, RTF_rt_f64_pow, x, y);
    LLVMBasicBlockRef chk = new_bb(cg, "pow.chk"), ok = new_bb(cg, "pow.ok");
    LLVMBuildCondBr(b, LLVMBuildFCmp(b, LLVMRealOEQ, rs, LLVMConstReal(cg->f64, -1.0), ""), chk,
                    ok);
    LLVMPositionBuilderAtEnd(b, chk);
    LLVMValueRef p = rt_call0(cg, RTF_rt_exc_pending);
    LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, p, ci64(cg, 0), ""),
                                      err_path(cg, in), ok);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(b, ok);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    return phi2(cg, cg->f64, rf, fast_end, rs, ok);
}

