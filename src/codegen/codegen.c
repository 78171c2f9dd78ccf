/*
 * codegen.c - MIR functions -> LLVM IR (the dyn tier: every generic op is a runtime call).
 *
 * Entry point: cg_function() (called by cg_program.c for every MirFunction).  The program-level
 * parts (constants, CodeInfo/FrameInfo/ModuleDef data, main, optimisation and emission) live in
 * cg_program.c; both share cg.h.  The typed tier's emitters are split by subject: cg_num.c
 * (ints, floats, inline tuples) and cg_list.c (lists, sets, for-loop iteration steps); with
 * this file they share the helpers and prototypes of cg_emit.h.
 *
 * How a function is lowered:
 *   - a prologue block (not a MIR block) holds the allocas (variable slots of un-SSA'd MIR, the
 *     argument scratch buffer), loads the globals dict (self->globals, or module->dict for a
 *     module body) and enters the recursion counter (cheap inline path, rt_recursion_enter only
 *     when the limit is reached); then it branches to the MIR entry block;
 *   - a raising instruction tests its result (0 for Values, -1 for ints) and branches, weighted
 *     cold, to the block's error path: rt_traceback_add_at(&frameinfo, &pos), then the handler or
 *     the unwind block (which leaves the recursion counter and returns 0).  MIR guarantees one
 *     raising instruction per block, so each MIR block has at most one error path; phi operands
 *     are built from the LLVM CFG (phi_operands): one per LLVM edge into the block, valued by
 *     the MIR predecessor that emitted the edge's source block, whatever the edge kind;
 *   - constants: small ints are tagged immediates; str/bytes/big int/float/complex and keyword
 *     name tuples are slots of one program-wide array filled once at start-up (cg_const);
 *   - generators, coroutines and async generators (RT_CO_GENERATOR/COROUTINE/ASYNC_GEN) are
 *     LLVM switched-resume coroutines (presplitcoroutine; CoroEarly/CoroSplit/CoroCleanup run in
 *     every default<On> pipeline, -O0 included): the BodyFn is the ramp, which allocates the
 *     frame with rt_alloc (GC-scanned: spilled Values stay alive), copies params into it, makes
 *     the GenObject (rt_gen_new) and suspends; yield/yield.from/await are suspension points,
 *     `ret` and the unwind block store the outcome in the GenObject and reach the final
 *     suspension.  The protocol between body and runtime is rt_gen.h's.
 */
#include <stdlib.h>
#include <string.h>

#include "../../runtime/include/rt_containers.h"
#include "cg_emit.h"

/* ---- small helpers ---- */

static LLVMTypeRef ty_of(Cg *cg, MirType t)
{
    switch (t) {
    case MT_F64: return cg->f64;
    case MT_I1: return cg->i1;
    case MT_PTR: return cg->ptr;
    case MT_VOID: return cg->voidt;
    default: return cg->i64;
    }
}


/* A pointer to a field at byte offset `off` of the object a Value (or ptr) points to. */
LLVMValueRef field_ptr(Cg *cg, LLVMValueRef base, size_t off)
{
    LLVMValueRef p = base;
    if (LLVMTypeOf(p) != cg->ptr)
        p = LLVMBuildIntToPtr(cg->b, p, cg->ptr, "");
    if (off == 0)
        return p;
    LLVMValueRef idx = ci64(cg, (int64_t)off);
    return LLVMBuildInBoundsGEP2(cg->b, cg->i8, p, &idx, 1, "");
}

LLVMValueRef load_field(Cg *cg, LLVMTypeRef t, LLVMValueRef base, size_t off)
{
    return LLVMBuildLoad2(cg->b, t, field_ptr(cg, base, off), "");
}

/* Calls runtime function id with n arguments (cg_rt declares it on first use). */
LLVMValueRef emit_rt_call(Cg *cg, int id, LLVMValueRef *args, unsigned n)
{
    LLVMValueRef fn = cg_rt(cg, id);
    return LLVMBuildCall2(cg->b, cg->rt_ty[id], fn, args, n, "");
}

/* Branch to err_bb when cond holds, else fall through to a new block; the error side is cold. */
void br_cold(Cg *cg, LLVMValueRef cond, LLVMBasicBlockRef err_bb)
{
    LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(cg->ctx, cg->fn->fn, "");
    LLVMValueRef br = LLVMBuildCondBr(cg->b, cond, err_bb, cont);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(cg->b, cont);
}

/* Branch to hot when cond holds, else to cold (a slow path kept out of line). */
void br_hot(Cg *cg, LLVMValueRef cond, LLVMBasicBlockRef hot, LLVMBasicBlockRef cold)
{
    LLVMValueRef br = LLVMBuildCondBr(cg->b, LLVMBuildNot(cg->b, cond, ""), cold, hot);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
}

/* ---- error paths ---- */


const MirBlock *exc_target(CgFn *f, const MirInst *in)
{
    return in->exc ? in->exc : f->unwind_mir;
}

/* The error path of the current MIR block: adds this frame's traceback entry at the raising
 * instruction's position (line, columns and caret anchor), then goes to the handler.  Created once per block (one raising
 * instruction per block). */
LLVMBasicBlockRef err_path(Cg *cg, const MirInst *in)
{
    CgFn *f = cg->fn;
    if (f->spec_depth)   /* a speculative body only fails: the exact body raises (cg_spec.c) */
        return spec_restart(cg);
    int bi = f->cur->id;
    if (f->exc_bb[bi])
        return f->exc_bb[bi];
    LLVMBasicBlockRef saved = LLVMGetInsertBlock(cg->b);
    LLVMBasicBlockRef bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "err");
    LLVMPositionBuilderAtEnd(cg->b, bb);
    const MirBlock *target = exc_target(f, in);
    if (!(in->op == MIR_Call && (in->imm2 & CALL_NO_TB)))   /* mir.h: adds no entry */
        RTC(cg, RTF_rt_traceback_add_at, f->frameinfo, cg_tbpos(cg, in));
    LLVMBuildBr(cg->b, target ? llvm_block(f, target) : f->unwind_bb);
    LLVMPositionBuilderAtEnd(cg->b, saved);
    f->exc_bb[bi] = bb;
    return bb;
}

/* var.load / var.delete: the slot's value, raising UnboundLocalError (cold) when it is unset */
static LLVMValueRef load_bound_var(Cg *cg, const MirInst *in)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    LLVMValueRef v = LLVMBuildLoad2(b, cg->i64, f->vars[in->imm], "");
    LLVMBasicBlockRef unb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "unbound");
    br_cold(cg, LLVMBuildICmp(b, LLVMIntEQ, v, ci64(cg, 0), ""), unb);
    LLVMBasicBlockRef cont = LLVMGetInsertBlock(b);
    LLVMPositionBuilderAtEnd(b, unb);
    RTC(cg, RTF_rt_raise_unbound_local, cg_cstr(cg, f->mf->vars[in->imm].name));
    LLVMBuildBr(b, err_path(cg, in));
    LLVMPositionBuilderAtEnd(b, cont);
    return v;
}

void check_value(Cg *cg, const MirInst *in, LLVMValueRef r)
{
    br_cold(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, r, LLVMConstNull(LLVMTypeOf(r)), ""),
            err_path(cg, in));
}

void check_int(Cg *cg, const MirInst *in, LLVMValueRef r)
{
    br_cold(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, r, LLVMConstAllOnes(LLVMTypeOf(r)), ""),
            err_path(cg, in));
}

/* ---- values ---- */

LLVMValueRef val(Cg *cg, const MirInst *arg)
{
    CgFn *f = cg->fn;
    if (arg->id < 0 || arg->id >= f->nvals || !f->vals[arg->id])
        cg_die(cg, "operand %%%d of %s used before definition", arg->id, f->mf->symbol);
    return f->vals[arg->id];
}

static int is_undef(const MirInst *arg) { return arg->op == MIR_Undef; }


LLVMValueRef box_bool(Cg *cg, LLVMValueRef c)
{
    return LLVMBuildSelect(cg->b, c, cg_rt_object(cg, "rt_True_obj"),
                           cg_rt_object(cg, "rt_False_obj"), "");
}

/* Stores args[from..from+n) into the scratch buffer starting at slot `at`; returns the buffer. */
LLVMValueRef fill_buf(Cg *cg, const MirInst *in, int from, int n, int at)
{
    CgFn *f = cg->fn;
    for (int i = 0; i < n; i++) {
        LLVMValueRef idx = ci64(cg, at + i);
        LLVMValueRef p = LLVMBuildInBoundsGEP2(cg->b, cg->i64, f->argbuf, &idx, 1, "");
        LLVMBuildStore(cg->b, val(cg, in->args[from + i]), p);
    }
    if (at == 0)
        return f->argbuf;
    LLVMValueRef idx = ci64(cg, at);
    return LLVMBuildInBoundsGEP2(cg->b, cg->i64, f->argbuf, &idx, 1, "");
}

static LLVMValueRef kwnames(Cg *cg, const MirInst *in)
{
    if (in->nnames == 0)
        return ci64(cg, 0);
    return cg_const_load(cg, cg_const_names(cg, in->names, in->nnames));
}

static LLVMValueRef name_const(Cg *cg, const char *s)
{
    return cg_const_load(cg, cg_const_add(cg, KC_NAME, s, strlen(s)));
}

/* The guard shared by the inline cache paths: obj is a heap object whose type is the type of
 * the site's first cache entry, at the cached version, and that entry is of `kind`.  Leaves
 * the builder where all of that held and returns obj's type; a failed test branches to slow. */
static LLVMValueRef cache_guard(Cg *cg, LLVMValueRef obj, LLVMValueRef cache, int kind,
                                LLVMBasicBlockRef slow)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef fn = cg->fn->fn;
    LLVMBasicBlockRef bb_ty = LLVMAppendBasicBlockInContext(cg->ctx, fn, "ac.type");
    LLVMBasicBlockRef bb_ver = LLVMAppendBasicBlockInContext(cg->ctx, fn, "ac.version");
    LLVMBasicBlockRef bb_ok = LLVMAppendBasicBlockInContext(cg->ctx, fn, "ac.kind");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildAnd(b, obj, ci64(cg, 1), ""),
                                     ci64(cg, 0), ""), bb_ty, slow);
    LLVMPositionBuilderAtEnd(b, bb_ty);
    LLVMValueRef tp = load_field(cg, cg->ptr, obj, offsetof(Object, type));
    LLVMValueRef ctp = load_field(cg, cg->ptr, cache, offsetof(AttrCache, e[0].type));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, tp, ctp, ""), bb_ver, slow);
    LLVMPositionBuilderAtEnd(b, bb_ver);
    LLVMValueRef ver = load_field(cg, cg->i32, tp, offsetof(Type, version));
    LLVMValueRef cver = load_field(cg, cg->i32, cache, offsetof(AttrCache, e[0].version));
    LLVMValueRef k = load_field(cg, cg->i32, cache, offsetof(AttrCache, e[0].kind));
    LLVMValueRef ok = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, ver, cver, ""),
                                   LLVMBuildICmp(b, LLVMIntEQ, k, ci32(cg, kind), ""), "");
    LLVMBuildCondBr(b, ok, bb_ok, slow);
    LLVMPositionBuilderAtEnd(b, bb_ok);
    return tp;
}

/* The instance-dict hit of an attribute site's cache, inline (rt.h AttrCache, kind
 * RT_AC_DICT in the first entry): obj is no small int, its type and that type's version are the
 * entry's, and the instance dict's entry at the cached index still holds the name object.
 * Leaves the builder in the block where all of that held and returns the DictEntry pointer;
 * every failed test branches to `slow`. */
static LLVMValueRef attr_dict_entry(Cg *cg, LLVMValueRef obj, LLVMValueRef name,
                                    LLVMValueRef cache, LLVMBasicBlockRef slow)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef fn = cg->fn->fn;
    LLVMBasicBlockRef bb_ix = LLVMAppendBasicBlockInContext(cg->ctx, fn, "ac.index");
    LLVMBasicBlockRef bb_key = LLVMAppendBasicBlockInContext(cg->ctx, fn, "ac.key");
    LLVMValueRef tp = cache_guard(cg, obj, cache, RT_AC_DICT, slow);
    /* the kind implies a positive dict offset */
    LLVMValueRef off = load_field(cg, cg->i64, tp, offsetof(Type, dictoffset));
    LLVMValueRef dp = LLVMBuildInBoundsGEP2(b, cg->i8, LLVMBuildIntToPtr(b, obj, cg->ptr, ""),
                                            &off, 1, "");
    LLVMValueRef d = LLVMBuildLoad2(b, cg->ptr, dp, "");
    LLVMBuildCondBr(b, LLVMBuildIsNotNull(b, d, ""), bb_ix, slow);
    LLVMPositionBuilderAtEnd(b, bb_ix);
    LLVMValueRef ix = load_field(cg, cg->i64, cache, offsetof(AttrCache, e[0].index));
    LLVMValueRef n = load_field(cg, cg->i64, d, offsetof(DictObject, nentries));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, ix, n, ""), bb_key, slow);
    LLVMPositionBuilderAtEnd(b, bb_key);
    LLVMValueRef entries = load_field(cg, cg->ptr, d, offsetof(DictObject, entries));
    LLVMValueRef eoff = LLVMBuildMul(b, ix, ci64(cg, sizeof(DictEntry)), "");
    LLVMValueRef ep = LLVMBuildInBoundsGEP2(b, cg->i8, entries, &eoff, 1, "");
    LLVMValueRef key = load_field(cg, cg->i64, ep, offsetof(DictEntry, key));
    LLVMBasicBlockRef hit = LLVMAppendBasicBlockInContext(cg->ctx, fn, "ac.hit");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, key, name, ""), hit, slow);
    LLVMPositionBuilderAtEnd(b, hit);
    return ep;
}

/* obj.name at a getattr site: the inline dict hit, else rt_getattr_cached */
static LLVMValueRef emit_getattr(Cg *cg, LLVMValueRef obj, const char *attr)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef name = name_const(cg, attr), cache = cg_attr_cache(cg);
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(cg->ctx, cg->fn->fn, "ac.slow");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, cg->fn->fn, "ac.done");
    LLVMValueRef ep = attr_dict_entry(cg, obj, name, cache, slow);
    LLVMValueRef fast = load_field(cg, cg->i64, ep, offsetof(DictEntry, value));
    LLVMBasicBlockRef fast_bb = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef r = RTC(cg, RTF_rt_getattr_cached, obj, name, cache);
    LLVMBasicBlockRef slow_bb = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef vals[2] = {fast, r};
    LLVMBasicBlockRef bbs[2] = {fast_bb, slow_bb};
    LLVMAddIncoming(phi, vals, bbs, 2);
    return phi;
}

/* obj.name as the callee of a call (LOAD_METHOD): inline, the site's first cache entry holds a
 * method of obj's type (kind RT_AC_METHOD; its index is the name's bits in a dict's keybits) and
 * obj has no instance dict or one whose keybits rule the name out (not all of those bits
 * set): the method, with obj stored
 * in self_slot.  Else rt_getmethod_cached decides (and fills self_slot). */
static LLVMValueRef emit_getmethod(Cg *cg, LLVMValueRef obj, const char *attr,
                                   LLVMValueRef self_slot)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef fn = cg->fn->fn;
    LLVMValueRef name = name_const(cg, attr), cache = cg_attr_cache(cg);
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(cg->ctx, fn, "am.slow");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, fn, "am.done");
    LLVMBasicBlockRef bb_bits = LLVMAppendBasicBlockInContext(cg->ctx, fn, "am.keybits");
    LLVMBasicBlockRef hit = LLVMAppendBasicBlockInContext(cg->ctx, fn, "am.hit");
    LLVMValueRef tp = cache_guard(cg, obj, cache, RT_AC_METHOD, slow);
    /* the kind implies a dict offset >= 0 (0: instances have no dict) */
    LLVMValueRef off = load_field(cg, cg->i64, tp, offsetof(Type, dictoffset));
    LLVMValueRef dp = LLVMBuildInBoundsGEP2(b, cg->i8, LLVMBuildIntToPtr(b, obj, cg->ptr, ""),
                                            &off, 1, "");
    LLVMValueRef d = LLVMBuildLoad2(b, cg->ptr, dp, "");
    LLVMValueRef nodict = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntEQ, off, ci64(cg, 0), ""),
                                      LLVMBuildIsNull(b, d, ""), "");
    LLVMBuildCondBr(b, nodict, hit, bb_bits);
    LLVMPositionBuilderAtEnd(b, bb_bits);
    LLVMValueRef bits = load_field(cg, cg->i64, d, offsetof(DictObject, keybits));
    LLVMValueRef bit = load_field(cg, cg->i64, cache, offsetof(AttrCache, e[0].index));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, LLVMBuildAnd(b, bits, bit, ""), bit, ""), hit,
                    slow);
    LLVMPositionBuilderAtEnd(b, hit);
    LLVMBuildStore(b, obj, self_slot);
    LLVMValueRef fast = load_field(cg, cg->i64, cache, offsetof(AttrCache, e[0].value));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef r = RTC(cg, RTF_rt_getmethod_cached, obj, name, cache, self_slot);
    LLVMBasicBlockRef slow_bb = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef vals[2] = {fast, r};
    LLVMBasicBlockRef bbs[2] = {hit, slow_bb};
    LLVMAddIncoming(phi, vals, bbs, 2);
    return phi;
}

/* obj.name = value at a setattr site: the inline dict hit stores in place (bumping the dict's
 * version as every mutation does), else rt_setattr_cached; the int result (-1 error) */
static LLVMValueRef emit_setattr(Cg *cg, LLVMValueRef obj, const char *attr, LLVMValueRef value)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef name = name_const(cg, attr), cache = cg_attr_cache(cg);
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(cg->ctx, cg->fn->fn, "ac.slow");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, cg->fn->fn, "ac.done");
    LLVMValueRef ep = attr_dict_entry(cg, obj, name, cache, slow);
    LLVMBuildStore(b, value, field_ptr(cg, ep, offsetof(DictEntry, value)));
    /* the dict pointer again, from the entry block's loads: recomputed cheaply */
    LLVMValueRef tp = load_field(cg, cg->ptr, obj, offsetof(Object, type));
    LLVMValueRef off = load_field(cg, cg->i64, tp, offsetof(Type, dictoffset));
    LLVMValueRef d = LLVMBuildLoad2(
        b, cg->ptr, LLVMBuildInBoundsGEP2(b, cg->i8, LLVMBuildIntToPtr(b, obj, cg->ptr, ""), &off,
                                          1, ""), "");
    LLVMValueRef vp = field_ptr(cg, d, offsetof(DictObject, version));
    LLVMBuildStore(b, LLVMBuildAdd(b, LLVMBuildLoad2(b, cg->i64, vp, ""), ci64(cg, 1), ""), vp);
    LLVMBasicBlockRef fast_bb = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef r = RTC(cg, RTF_rt_setattr_cached, obj, name, value, cache);
    LLVMBasicBlockRef slow_bb = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->i32, "");
    LLVMValueRef vals[2] = {ci32(cg, 0), r};
    LLVMBasicBlockRef bbs[2] = {fast_bb, slow_bb};
    LLVMAddIncoming(phi, vals, bbs, 2);
    return phi;
}

/* global.load: the site's GlobalCache (rt_func.h) hit inline (the globals' and the builtins'
 * layout tags are the cached ones: the value is *slot), else rt_global_load_cached, whose
 * error result goes to the instruction's error path. */
static LLVMValueRef emit_global_load(Cg *cg, const MirInst *in)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef fn = cg->fn->fn, globals = cg->fn->globals, cache = cg_global_cache(cg);
    LLVMBasicBlockRef bb_b = LLVMAppendBasicBlockInContext(cg->ctx, fn, "gc.builtins");
    LLVMBasicBlockRef hit = LLVMAppendBasicBlockInContext(cg->ctx, fn, "gc.hit");
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(cg->ctx, fn, "gc.slow");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, fn, "gc.done");
    LLVMValueRef gtag = load_field(cg, cg->i64, globals, offsetof(DictObject, layout));
    LLVMValueRef cgtag = load_field(cg, cg->i64, cache, offsetof(GlobalCache, gtag));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, gtag, cgtag, ""), bb_b, slow);
    LLVMPositionBuilderAtEnd(b, bb_b);
    LLVMValueRef bd = LLVMBuildLoad2(b, cg->i64, cg_rt_global(cg, "rt_builtins_dict", cg->i64), "");
    LLVMValueRef btag = load_field(cg, cg->i64, bd, offsetof(DictObject, layout));
    LLVMValueRef cbtag = load_field(cg, cg->i64, cache, offsetof(GlobalCache, btag));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, btag, cbtag, ""), hit, slow);
    LLVMPositionBuilderAtEnd(b, hit);
    LLVMValueRef slot = load_field(cg, cg->ptr, cache, offsetof(GlobalCache, slot));
    LLVMValueRef fast = LLVMBuildLoad2(b, cg->i64, slot, "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef r = RTC(cg, RTF_rt_global_load_cached, globals, name_const(cg, in->str), cache);
    check_value(cg, in, r);
    LLVMBasicBlockRef slow_bb = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef vals[2] = {fast, r};
    LLVMBasicBlockRef bbs[2] = {hit, slow_bb};
    LLVMAddIncoming(phi, vals, bbs, 2);
    return phi;
}

/* Raises type_global (an rt_* exception Type* variable) with msg; returns RT_ERR. */
LLVMValueRef raise_str(Cg *cg, const char *type_global, const char *msg)
{
    LLVMValueRef t = LLVMBuildLoad2(cg->b, cg->ptr, cg_rt_global(cg, type_global, cg->ptr), "");
    return RTC(cg, RTF_rt_raise_str, t, cg_cstr(cg, msg));
}

static int binop_fn(int op)
{
    switch (op) {
    case Op_Add: return RTF_rt_add;
    case Op_Sub: return RTF_rt_sub;
    case Op_Mult: return RTF_rt_mul;
    case Op_MatMult: return RTF_rt_matmul;
    case Op_Div: return RTF_rt_truediv;
    case Op_Mod: return RTF_rt_mod;
    case Op_Pow: return RTF_rt_pow;
    case Op_LShift: return RTF_rt_lshift;
    case Op_RShift: return RTF_rt_rshift;
    case Op_BitOr: return RTF_rt_or;
    case Op_BitXor: return RTF_rt_xor;
    case Op_BitAnd: return RTF_rt_and;
    case Op_FloorDiv: return RTF_rt_floordiv;
    }
    return -1;
}

/* AstOp -> RT_BINOP_* (rt.h's order differs from the AST's). */
static int inplace_code(int op)
{
    switch (op) {
    case Op_Add: return RT_BINOP_ADD;
    case Op_Sub: return RT_BINOP_SUB;
    case Op_Mult: return RT_BINOP_MUL;
    case Op_MatMult: return RT_BINOP_MATMUL;
    case Op_Div: return RT_BINOP_TRUEDIV;
    case Op_Mod: return RT_BINOP_MOD;
    case Op_Pow: return RT_BINOP_POW;
    case Op_LShift: return RT_BINOP_LSHIFT;
    case Op_RShift: return RT_BINOP_RSHIFT;
    case Op_BitOr: return RT_BINOP_OR;
    case Op_BitXor: return RT_BINOP_XOR;
    case Op_BitAnd: return RT_BINOP_AND;
    case Op_FloorDiv: return RT_BINOP_FLOORDIV;
    }
    return -1;
}

/* Truthiness with True/False/None/0 tested inline; anything else asks the runtime. */
static LLVMValueRef truthy(Cg *cg, const MirInst *in, LLVMValueRef v)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    LLVMValueRef t = cg_rt_object(cg, "rt_True_obj");
    LLVMValueRef is_true = LLVMBuildICmp(b, LLVMIntEQ, v, t, "");
    LLVMValueRef known = LLVMBuildOr(b, is_true,
                                     LLVMBuildICmp(b, LLVMIntEQ, v, cg_rt_object(cg, "rt_False_obj"), ""), "");
    known = LLVMBuildOr(b, known, LLVMBuildICmp(b, LLVMIntEQ, v, dyn_none(cg), ""), "");
    known = LLVMBuildOr(b, known, LLVMBuildICmp(b, LLVMIntEQ, v, ci64(cg, 1), ""), ""); /* int 0 */
    LLVMBasicBlockRef start = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "truthy.slow");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "truthy.done");
    LLVMBuildCondBr(b, known, done, slow);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef r = RTC(cg, RTF_rt_truthy, v);
    check_int(cg, in, r);
    LLVMValueRef slow_res = LLVMBuildICmp(b, LLVMIntNE, r, ci32(cg, 0), "");
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->i1, "");
    LLVMValueRef vals[2] = {is_true, slow_res};
    LLVMBasicBlockRef bbs[2] = {start, slow_end};
    LLVMAddIncoming(phi, vals, bbs, 2);
    return phi;
}

/* Unpacking `a, b = v` and `a, *b, c = v`: runtime/src/unpack.c takes only as many items as
 * needed and raises CPython's messages. */
static LLVMValueRef unpack(Cg *cg, const MirInst *in)
{
    LLVMValueRef v = val(cg, in->args[0]);
    if (in->op == MIR_UnpackEx) {
        LLVMValueRef t = RTC(cg, RTF_rt_unpack_ex, v, ci64(cg, in->imm), ci64(cg, in->imm2));
        check_value(cg, in, t);
        return t;
    }
    /* an exact tuple of the right size is its own result (rt_unpack_seq's first case),
     * checked inline: `for x, y in zip(...)` and `a, b = b, a` unpack fresh pairs */
    LLVMBuilderRef b = cg->b;
    CgFn *f = cg->fn;
    LLVMBasicBlockRef is_tup = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "unpack.tuple");
    LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "unpack.slow");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "unpack.done");
    LLVMValueRef is_obj = LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildAnd(b, v, ci64(cg, 1), ""),
                                        ci64(cg, 0), "");
    LLVMValueRef type = load_field(cg, cg->ptr, LLVMBuildSelect(b, is_obj, v,
                                   cg_rt_object(cg, "rt_None_obj"), ""), 0);
    LLVMBuildCondBr(b, LLVMBuildAnd(b, is_obj, LLVMBuildICmp(b, LLVMIntEQ, type,
                                    cg_rt_global(cg, "rt_tuple_type", cg->i8), ""), ""),
                    is_tup, slow);
    LLVMPositionBuilderAtEnd(b, is_tup);
    LLVMValueRef size = load_field(cg, cg->i64, v, offsetof(TupleObject, size));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, size, ci64(cg, in->imm), ""), done, slow);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef t = RTC(cg, RTF_rt_unpack_seq, v, ci64(cg, in->imm));
    check_value(cg, in, t);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef vals[2] = {v, t};
    LLVMBasicBlockRef bbs[2] = {is_tup, slow_end};
    LLVMAddIncoming(phi, vals, bbs, 2);
    return phi;
}

/* ---- generators and coroutines (LLVM switched-resume coroutines, rt_gen.h) ---- */

LLVMValueRef coro_intrinsic(Cg *cg, const char *name, LLVMTypeRef *ovl, size_t novl,
                                   LLVMValueRef *args, unsigned n)
{
    unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
    if (!id)
        cg_die(cg, "LLVM has no intrinsic %s", name);
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(cg->mod, id, ovl, novl);
    LLVMTypeRef t = LLVMIntrinsicGetType(cg->ctx, id, ovl, novl);
    return LLVMBuildCall2(cg->b, t, fn, args, n, "");
}

static LLVMValueRef token_none(Cg *cg) { return LLVMConstNull(LLVMTokenTypeInContext(cg->ctx)); }

/* aithon.gen_resume(frame): the runtime resumes a body only through this (resume functions
 * made by CoroSplit use fastcc, which C cannot call). */
static LLVMValueRef gen_resume_fn(Cg *cg)
{
    if (cg->gen_resume)
        return cg->gen_resume;
    LLVMTypeRef pt = cg->ptr;
    LLVMValueRef fn = LLVMAddFunction(cg->mod, "aithon.gen_resume",
                                      LLVMFunctionType(cg->voidt, &pt, 1, 0));
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    LLVMBasicBlockRef saved = LLVMGetInsertBlock(cg->b);
    LLVMMetadataRef loc = LLVMGetCurrentDebugLocation2(cg->b);
    LLVMSetCurrentDebugLocation2(cg->b, NULL);
    LLVMPositionBuilderAtEnd(cg->b, LLVMAppendBasicBlockInContext(cg->ctx, fn, ""));
    LLVMValueRef h = LLVMGetParam(fn, 0);
    coro_intrinsic(cg, "llvm.coro.resume", NULL, 0, &h, 1);
    LLVMBuildRetVoid(cg->b);
    if (saved)
        LLVMPositionBuilderAtEnd(cg->b, saved);
    LLVMSetCurrentDebugLocation2(cg->b, loc);
    cg->gen_resume = fn;
    return fn;
}

static LLVMValueRef gen_field(Cg *cg, size_t off) { return field_ptr(cg, cg->fn->gen, off); }

static void gen_set_status(Cg *cg, int status)
{
    LLVMBuildStore(cg->b, ci32(cg, status), gen_field(cg, offsetof(GenObject, status)));
}

/* Suspends the body; execution continues at `resumed` when the runtime resumes it. */
static void gen_suspend(Cg *cg, LLVMBasicBlockRef resumed, int final)
{
    CgFn *f = cg->fn;
    LLVMValueRef args[2] = {token_none(cg), LLVMConstInt(cg->i1, final != 0, 0)};
    LLVMValueRef s = coro_intrinsic(cg, "llvm.coro.suspend", NULL, 0, args, 2);
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, s, f->suspend_bb, 2);
    LLVMAddCase(sw, LLVMConstInt(cg->i8, 0, 0), resumed);
    LLVMAddCase(sw, LLVMConstInt(cg->i8, 1, 0), f->cleanup_bb);
}

/* The ramp (in the prologue, after the allocas): frame, generator object, initial suspension
 * whose resumption continues at `start`; then the shared exit blocks. */
static LLVMValueRef gen_begin(Cg *cg)
{
    LLVMValueRef nullp = LLVMConstNull(cg->ptr);
    LLVMValueRef idargs[4] = {ci32(cg, 16), nullp, nullp, nullp};
    LLVMValueRef id = coro_intrinsic(cg, "llvm.coro.id", NULL, 0, idargs, 4);
    LLVMValueRef size = coro_intrinsic(cg, "llvm.coro.size", &cg->i64, 1, NULL, 0);
    LLVMValueRef mem = RTC(cg, RTF_rt_alloc, size);
    LLVMValueRef bargs[2] = {id, mem};
    return coro_intrinsic(cg, "llvm.coro.begin", NULL, 0, bargs, 2);
}

static void gen_prologue(Cg *cg, LLVMValueRef hdl, LLVMBasicBlockRef start)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    f->gen = RTC(cg, RTF_rt_gen_new, f->self, hdl, gen_resume_fn(cg));
    f->suspend_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "coro.suspend");
    f->cleanup_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "coro.cleanup");
    f->final_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "coro.final");
    gen_suspend(cg, start, 0);

    LLVMPositionBuilderAtEnd(b, f->cleanup_bb);
    LLVMBuildBr(b, f->suspend_bb);   /* the frame is GC memory: nothing to free */
    LLVMPositionBuilderAtEnd(b, f->suspend_bb);
    LLVMValueRef eargs[3] = {hdl, LLVMConstInt(cg->i1, 0, 0), token_none(cg)};
    coro_intrinsic(cg, "llvm.coro.end", NULL, 0, eargs, 3);
    LLVMBuildRet(b, f->gen);   /* the ramp's result; CoroSplit makes it `ret void` elsewhere */
    LLVMPositionBuilderAtEnd(b, f->final_bb);
    LLVMBasicBlockRef trap = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "coro.resumed_final");
    gen_suspend(cg, trap, 1);
    LLVMPositionBuilderAtEnd(b, trap);
    LLVMBuildUnreachable(b);
}

/* `yield v`: transfer = v, suspend; on resumption raise (throw) or read the sent value. */
static LLVMValueRef gen_yield(Cg *cg, const MirInst *in, LLVMValueRef v)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    LLVMBuildStore(b, v, gen_field(cg, offsetof(GenObject, transfer)));
    gen_set_status(cg, RT_GEN_YIELDED);
    LLVMBasicBlockRef resumed = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "yield.resumed");
    gen_suspend(cg, resumed, 0);
    LLVMPositionBuilderAtEnd(b, resumed);
    LLVMValueRef thr = LLVMBuildLoad2(b, cg->i32, gen_field(cg, offsetof(GenObject, throwing)), "");
    LLVMBasicBlockRef tb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "yield.throw");
    br_cold(cg, LLVMBuildICmp(b, LLVMIntNE, thr, ci32(cg, 0), ""), tb);
    LLVMBasicBlockRef cont = LLVMGetInsertBlock(b);
    LLVMPositionBuilderAtEnd(b, tb);
    LLVMBuildStore(b, ci32(cg, 0), gen_field(cg, offsetof(GenObject, throwing)));
    LLVMBuildBr(b, err_path(cg, in));
    LLVMPositionBuilderAtEnd(b, cont);
    return LLVMBuildLoad2(b, cg->i64, gen_field(cg, offsetof(GenObject, transfer)), "");
}

/* `yield from x` / `await x`: the runtime steps the delegate; the body suspends with each
 * value it yields. */
static LLVMValueRef gen_delegate(Cg *cg, const MirInst *in, LLVMValueRef x)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    LLVMValueRef it = in->op == MIR_Await
                          ? RTC(cg, RTF_rt_gen_await_iter, f->gen, x, ci32(cg, (int)in->imm))
                          : RTC(cg, RTF_rt_gen_yf_iter, f->gen, x);
    check_value(cg, in, it);
    LLVMBasicBlockRef loop = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "yf.step");
    LLVMBuildBr(b, loop);
    LLVMPositionBuilderAtEnd(b, loop);
    LLVMValueRef r = RTC(cg, RTF_rt_gen_yf_step, f->gen, it);
    check_int(cg, in, r);
    LLVMBasicBlockRef susp = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "yf.yield");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "yf.done");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, r, ci32(cg, 1), ""), susp, done);
    LLVMPositionBuilderAtEnd(b, susp);
    gen_set_status(cg, RT_GEN_DELEGATED);
    gen_suspend(cg, loop, 0);
    LLVMPositionBuilderAtEnd(b, done);
    return LLVMBuildLoad2(b, cg->i64, gen_field(cg, offsetof(GenObject, transfer)), "");
}

/* ---- the typed tier (mir_sig.def; docs/internals/typed.md) ---- */

LLVMValueRef intrinsic(Cg *cg, const char *name, LLVMTypeRef t, LLVMValueRef *args,
                              unsigned n)
{
    unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(cg->mod, id, &t, 1);
    LLVMTypeRef ft = LLVMIntrinsicGetType(cg->ctx, id, &t, 1);
    return LLVMBuildCall2(cg->b, ft, fn, args, n, "");
}

/* llvm.assume(cond): what the optimiser may take as true from here on. */
static void assume(Cg *cg, LLVMValueRef cond)
{
    unsigned id = LLVMLookupIntrinsicID("llvm.assume", 11);
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(cg->mod, id, NULL, 0);
    LLVMBuildCall2(cg->b, LLVMIntrinsicGetType(cg->ctx, id, NULL, 0), fn, &cond, 1, "");
}


LLVMValueRef tag(Cg *cg, LLVMValueRef i)
{
    return LLVMBuildOr(cg->b, LLVMBuildShl(cg->b, i, ci64(cg, 1), ""), ci64(cg, 1), "");
}

/* tag() of an i64 known to be in the small range (box.i64's operand): the shift cannot
 * overflow and the or sets a clear bit, which lets LLVM fold an untag of it back to i */
static LLVMValueRef tag_small(Cg *cg, LLVMValueRef i)
{
    LLVMValueRef sh = LLVMBuildShl(cg->b, i, ci64(cg, 1), "");
    if (LLVMIsAInstruction(sh))
        LLVMSetNSW(sh, 1);
    LLVMValueRef t = LLVMBuildOr(cg->b, sh, ci64(cg, 1), "");
    if (LLVMIsAInstruction(t))
        LLVMSetIsDisjoint(t, 1);
    return t;
}

LLVMBasicBlockRef new_bb(Cg *cg, const char *name)
{
    return LLVMAppendBasicBlockInContext(cg->ctx, cg->fn->fn, name);
}

LLVMValueRef phi2(Cg *cg, LLVMTypeRef t, LLVMValueRef a, LLVMBasicBlockRef ab,
                         LLVMValueRef b2, LLVMBasicBlockRef bb)
{
    LLVMValueRef p = LLVMBuildPhi(cg->b, t, "");
    LLVMValueRef v[2] = {a, b2};
    LLVMBasicBlockRef bl[2] = {ab, bb};
    LLVMAddIncoming(p, v, bl, 2);
    return p;
}

/* Ends the current block (a slow side) with a branch to done and returns, at done, the join
 * of fv (from fast_end) and sv (from the block just ended); NULL when fv is (no value). */
LLVMValueRef join_slow(Cg *cg, LLVMTypeRef t, LLVMBasicBlockRef done, LLVMValueRef fv,
                              LLVMBasicBlockRef fast_end, LLVMValueRef sv)
{
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, done);
    return fv ? phi2(cg, t, fv, fast_end, sv, slow_end) : NULL;
}


/* The LLVM type of a clone's result: i64 (0 = error) for dyn, else {T, i1 error}. */
LLVMTypeRef cg_clone_ret_type(Cg *cg, const MirFunction *mf)
{
    if (mf->rettype == MT_DYN)
        return cg->i64;
    LLVMTypeRef f[2] = {ty_of(cg, mf->rettype), cg->i1};
    return LLVMStructTypeInContext(cg->ctx, f, 2, 0);
}

LLVMTypeRef cg_clone_type(Cg *cg, const MirFunction *mf)
{
    LLVMTypeRef ps[65];
    int n = mf->nparams < 64 ? mf->nparams : 64, off = mf->nfree > 0;
    if (off)
        ps[0] = cg->i64;   /* the closure tuple */
    for (int i = 0; i < n; i++)
        ps[i + off] = ty_of(cg, mf->ptypes[i]);
    if (mf->result_slots > 0)   /* escape.c: the caller's block for the fresh result, or NULL */
        ps[off + n++] = cg->ptr;
    return LLVMFunctionType(cg_clone_ret_type(cg, mf), ps, (unsigned)(n + off), 0);
}

/* A clone is a *leaf* when nothing in its body can run Python code or read the recursion
 * depth: typed arithmetic, compares, list and cell reads, branches.  Such a clone never
 * observes its own recursion level, so its prologue only checks that entering would not pass
 * the limit (the same RecursionError as counting would raise) and never stores the depth.
 * The list is a whitelist: an op not named here (calls, generic protocol ops, raise, which
 * may construct a user exception) makes the clone count its level as before. */
int cg_leaf_op(int op)
{
    switch (op) {
            case MIR_ConstNone: case MIR_ConstTrue: case MIR_ConstFalse: case MIR_ConstInt:
            case MIR_ConstFloat: case MIR_ConstI1: case MIR_Param: case MIR_Phi: case MIR_Is:
            case MIR_Not: case MIR_BoxBool: case MIR_ClosureCell: case MIR_CellGet:
            case MIR_BoxI64: case MIR_BoxF64: case MIR_UnboxI64: case MIR_UnboxF64:
            case MIR_UnboxBool: case MIR_IToF: case MIR_IntToF: case MIR_NumToF:
            case MIR_IntClamp: case MIR_IAdd: case MIR_ISub: case MIR_IMul: case MIR_INeg:
            case MIR_IFloorDiv: case MIR_IMod: case MIR_ITrueDiv: case MIR_ICmp:
            case MIR_ITruthy: case MIR_IBit: case MIR_IntBit: case MIR_IntAdd: case MIR_IntSub:
            case MIR_IntMul:
            case MIR_IntFloorDiv: case MIR_IntMod: case MIR_IntCmp: case MIR_IntTruthy:
            case MIR_IntTrueDiv: case MIR_FAdd: case MIR_FSub: case MIR_FMul: case MIR_FDiv: case MIR_FFloorDiv:
            case MIR_FMod: case MIR_FPow: case MIR_FNeg: case MIR_FCmp: case MIR_FTruthy:
            case MIR_FSqrt: case MIR_FAbs: case MIR_SelI: case MIR_SelF: case MIR_SelD:
            case MIR_ListGet: case MIR_FListGet: case MIR_ListLen: case MIR_ListItem:
            case MIR_SetLen:
            case MIR_StrLen: case MIR_StrEq: case MIR_StrPred:
            case MIR_Narrow: case MIR_NarrowCmp: case MIR_NarrowIdx:
            case MIR_Br: case MIR_CondBr: case MIR_Ret: case MIR_Unreachable:
                return 1;
            default:
                return 0;
    }
}

/* Ops a leaf clone may hold besides cg_leaf_op's: their fast paths run no Python code and
 * their only such path is one runtime call (inst_slot's rt_getattr, set_contains's
 * rt_set_contains, which may run __getattr__, __eq__), made inside leaf_call_enter/leave so
 * that the code it runs sees the depth counting would have stored.  Not pure (cg_spec.c):
 * they read memory a call may change. */
static int leaf_bracketed_op(int op)
{
    return op == MIR_InstLoad || op == MIR_InstLoadF || op == MIR_SetContains;
}

/* Does member mf's body call another member's .spec (not itself)?  Its .spec body then asks
 * at entry for the level such a call needs as well as its own: a speculation may fail
 * earlier than it must (the exact body then runs: the same result, only slower, and only
 * within a level of the limit), and the callees' room checks, in a loop of a consumer clone
 * made every step, become known true once. */
static int calls_other_member(Cg *cg, const MirFunction *mf)
{
    int other = 0;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (in->op == MIR_CallDirect && in->func == mf)
                return 0;
            other |= in->op == MIR_CallDirect && cg_spec_member(cg, in->func);
        }
    return other;
}

static int clone_is_leaf(const MirFunction *mf)
{
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            int op = mf->blocks[i]->insts[j]->op;
            if (!cg_leaf_op(op) && !leaf_bracketed_op(op))
                return 0;
        }
    return 1;
}

/* Native parameter i of the function being lowered: in a .spec body whose tail calls loop
 * (cg_spec_tail), its phi at the loop head. */
static LLVMValueRef spec_param(Cg *cg, unsigned i)
{
    CgFn *f = cg->fn;
    return f->loop_params ? f->loop_params[i] : LLVMGetParam(f->fn, i);
}

/* The loop head of a .spec body with accumulated tail calls, entered from the block pro with
 * the parameters and a sum of 0 (tagged 1); tail_jump adds the other incoming values.  The
 * room check and everything after it run once per round, as in the call it replaces. */
static void tail_loop(Cg *cg, LLVMBasicBlockRef pro)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    f->loop_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "tail.loop");
    LLVMBuildBr(b, f->loop_bb);
    LLVMPositionBuilderAtEnd(b, f->loop_bb);
    unsigned n = LLVMCountParams(f->fn);
    f->loop_params = calloc(n, sizeof *f->loop_params);
    for (unsigned i = 0; i < n; i++) {
        LLVMValueRef p = LLVMGetParam(f->fn, i);
        f->loop_params[i] = LLVMBuildPhi(b, LLVMTypeOf(p), "");
        LLVMAddIncoming(f->loop_params[i], &p, &pro, 1);
    }
    LLVMValueRef zero = ci64(cg, 1);
    f->acc = LLVMBuildPhi(b, cg->i64, "acc");
    LLVMAddIncoming(f->acc, &zero, &pro, 1);
}

/* `return v` where v is a marked self call or an add of one (cg_spec_tail): the call was
 * lowered as the sum so far (call_direct), so v is the new sum; the next round gets the
 * call's arguments (their tags tested as a call tests them) and the room the call would
 * have had. */
static void tail_jump(Cg *cg, const MirInst *v, LLVMValueRef sum)
{
    CgFn *f = cg->fn;
    const MirInst *c = v;
    if (!(f->tail[v->id] & CG_TAIL_CALL))
        c = (f->tail[v->args[1]->id] & CG_TAIL_CALL) ? v->args[1] : v->args[0];
    unsigned n = LLVMCountParams(f->fn);
    LLVMValueRef args[66];
    uint64_t small = cg_spec_small_params(cg, f->mf);
    for (unsigned i = 0; i + 1 < n && i < 65; i++) {
        args[i] = val(cg, c->args[i]);
        unsigned pi = i - (f->mf->nfree > 0);
        if (i >= (f->mf->nfree > 0) && pi < 64 && (small & (UINT64_C(1) << pi)))
            br_cold(cg, cg_spec_param_big(cg, args[i]), spec_restart(cg));
    }
    args[n - 1] = f->spec_depth;
    LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
    for (unsigned i = 0; i < n; i++)
        LLVMAddIncoming(f->loop_params[i], &args[i], &here, 1);
    LLVMAddIncoming(f->acc, &sum, &here, 1);
    LLVMBuildBr(cg->b, f->loop_bb);
}

/* acc + v, both small tagged ints (2x+1 + 2y+1 - 1); an overflow fails the speculation. */
static LLVMValueRef acc_add(Cg *cg, LLVMValueRef v)
{
    LLVMValueRef args[2] = {cg->fn->acc, LLVMBuildSub(cg->b, v, ci64(cg, 1), "")};
    LLVMValueRef res = intrinsic(cg, "llvm.sadd.with.overflow", cg->i64, args, 2);
    br_cold(cg, LLVMBuildExtractValue(cg->b, res, 1, ""), spec_restart(cg));
    return LLVMBuildExtractValue(cg->b, res, 0, "");
}

/* Around a runtime call that may run Python code in a leaf clone, whose prologue checked the
 * limit but did not store its level: the level is entered for the call and left after it
 * (error or not), so a RecursionError, a traceback or a nested call sees CPython's depth. */
void leaf_call_depth(Cg *cg, int delta)
{
    if (!cg->fn->leaf || cg->fn->spec_depth)
        return;
    LLVMValueRef depth = cg_rt_tls(cg, "rt_recursion_depth");
    LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, LLVMBuildLoad2(cg->b, cg->i32, depth, ""),
                                       ci32(cg, delta), ""), depth);
}

/* A clone with a native result returns {value, error} from one block whose two phis take
 * every return's pair (clone_ret_pair): built where each return is, the pairs were merged by
 * LLVM into a phi of aggregates, which after inlining kept the caller testing a flag that is
 * a constant false on the normal path (one test per inlined call); phis of scalars fold. */
void clone_ret_pair(Cg *cg, LLVMValueRef v, LLVMValueRef error)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
    if (!f->ret_bb) {
        f->ret_bb = new_bb(cg, "ret");
        LLVMPositionBuilderAtEnd(b, f->ret_bb);
        LLVMTypeRef st = cg_clone_ret_type(cg, f->mf);
        f->ret_val = LLVMBuildPhi(b, ty_of(cg, f->mf->rettype), "");
        f->ret_err = LLVMBuildPhi(b, cg->i1, "");
        LLVMValueRef r = LLVMBuildInsertValue(b, LLVMGetUndef(st), f->ret_val, 0, "");
        LLVMBuildRet(b, LLVMBuildInsertValue(b, r, f->ret_err, 1, ""));
        LLVMPositionBuilderAtEnd(b, here);
    }
    LLVMAddIncoming(f->ret_val, &v, &here, 1);
    LLVMAddIncoming(f->ret_err, &error, &here, 1);
    LLVMBuildBr(b, f->ret_bb);
}

/* Returns from a clone: leaves the recursion level, packs {value, error}. */
void clone_return(Cg *cg, LLVMValueRef v, int error)
{
    const MirFunction *mf = cg->fn->mf;
    LLVMBuilderRef b = cg->b;
    if (!cg->fn->leaf && !cg->fn->spec_depth) {
        LLVMValueRef depth = cg_rt_tls(cg, "rt_recursion_depth");
        LLVMBuildStore(b, LLVMBuildSub(b, LLVMBuildLoad2(b, cg->i32, depth, ""), ci32(cg, 1), ""),
                       depth);
    }
    if (mf->rettype == MT_DYN) {
        LLVMBuildRet(b, error ? ci64(cg, 0) : v);
        return;
    }
    clone_ret_pair(cg, error ? LLVMConstNull(ty_of(cg, mf->rettype)) : v,
                   LLVMConstInt(cg->i1, error != 0, 0));
}

static LLVMValueRef call_direct(Cg *cg, const MirInst *in)
{
    const MirFunction *cl = in->func;
    CgFn *f = cg->fn;
    LLVMValueRef fn = cg_function_decl(cg, cl);
    LLVMTypeRef ft = cg_clone_type(cg, cl);
    if (f->tail && in->id >= 0 && (f->tail[in->id] & CG_TAIL_CALL))   /* added to the sum, then looped */
        return f->acc;
    LLVMValueRef args[67];
    int n = in->nargs < 65 ? in->nargs : 65;
    for (int i = 0; i < n; i++)
        args[i] = val(cg, in->args[i]);
    if (cl->result_slots > 0) {   /* imm2 > 0: its result stays in this frame (escape.c) */
        LLVMValueRef buf = NULL;
        if (in->imm2 > 0) {
            buf = entry_alloca(cg, RT_FIXED_SLOTS / 8 + (size_t)in->imm2, "resultinst");
            LLVMSetAlignment(buf, 16);
        }
        args[n++] = buf ? buf : LLVMConstNull(cg->ptr);
    }
    if ((f->spec_depth || f->exact_body) && cg_spec_member(cg, cl)) {
        /* between members (cg_spec.c): speculating stays speculative, with the depth in a
         * register; an exact body calls exact bodies */
        if (f->spec_depth) {
            fn = cl == f->mf && f->self_spec ? f->self_spec : cg_spec_decl(cg, cl);
            ft = cg_spec_type(cg, cl);
            uint64_t small = cg_spec_small_params(cg, cl);
            for (int i = cl->nfree > 0; i < n; i++)
                if (i - (cl->nfree > 0) < 64 && (small & (UINT64_C(1) << (i - (cl->nfree > 0)))))
                    br_cold(cg, cg_spec_param_big(cg, args[i]), err_path(cg, in));
            args[n++] = f->spec_depth;
        } else {
            fn = cg_spec_exact_decl(cg, cl);
        }
    }
    LLVMValueRef r = LLVMBuildCall2(cg->b, ft, fn, args, (unsigned)n, "");
    if (f->spec_depth && cg_spec_small_result(cg, cl)) {
        /* a small int or failed (0): one tag test, and the tag is known below */
        LLVMValueRef tag = LLVMBuildAnd(cg->b, r, ci64(cg, 1), "");
        br_cold(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, tag, ci64(cg, 0), ""), err_path(cg, in));
        return r;
    }
    if (cl->rettype == MT_DYN) {
        check_value(cg, in, r);
        return r;
    }
    br_cold(cg, LLVMBuildExtractValue(cg->b, r, 1, ""), err_path(cg, in));
    return LLVMBuildExtractValue(cg->b, r, 0, "");
}

/* inst.load(.f) / inst.store(.f) on an exact instance of a class with a fixed layout (rt.h
 * RT_FIXED_*, runtime/src/fixed.c): the slot when its bit is set (a load) or the instance is
 * not materialised (a store); else the generic getattr / setattr, cold. */
static LLVMValueRef inst_slot(Cg *cg, const MirInst *in, LLVMValueRef obj, LLVMValueRef v)
{
    LLVMBuilderRef b = cg->b;
    int f64 = in->op == MIR_InstLoadF || in->op == MIR_InstStoreF;
    int load = in->op == MIR_InstLoad || in->op == MIR_InstLoadF;
    LLVMTypeRef t = f64 ? cg->f64 : cg->i64;
    if (in->imm2 == SLOT_GUARDED || in->imm2 == SLOT_GUARDED_SETS) {
        /* under an inst.guard (slotguard.c): the instance is not materialised and, for a
           load, the slot is set */
        LLVMValueRef p = field_ptr(cg, obj, RT_FIXED_SLOTS + 8 * (size_t)in->imm);
        if (load)
            return LLVMBuildLoad2(b, t, p, "");
        LLVMBuildStore(b, v, p);
        if (in->imm2 == SLOT_GUARDED_SETS) {
            LLVMValueRef bp = field_ptr(cg, obj, RT_FIXED_BITS);
            LLVMValueRef bits = LLVMBuildLoad2(b, cg->i64, bp, "");
            LLVMBuildStore(b, LLVMBuildOr(b, bits, ci64(cg, (int64_t)(UINT64_C(1) << in->imm)), ""),
                           bp);
        }
        return NULL;
    }
    LLVMBasicBlockRef fast = new_bb(cg, "slot"), slow = new_bb(cg, "slot.slow"),
                      done = new_bb(cg, "slot.done");
    if (in->imm2 == SLOT_MAYBE_NONE) {   /* the receiver may be None: the generic access raises */
        LLVMBasicBlockRef inst = new_bb(cg, "slot.inst");
        LLVMValueRef none = LLVMBuildICmp(b, LLVMIntEQ, obj, dyn_none(cg), "");
        LLVMValueRef nbr = LLVMBuildCondBr(b, none, slow, inst);
        LLVMSetMetadata(nbr, cg->prof_kind, cg->cold_weights);
        LLVMPositionBuilderAtEnd(b, inst);
    }
    LLVMValueRef bits = load_field(cg, cg->i64, obj, RT_FIXED_BITS);
    LLVMValueRef mask = ci64(cg, (int64_t)(UINT64_C(1) << in->imm));
    LLVMValueRef slow_cond =
        load ? LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildAnd(b, bits, mask, ""), ci64(cg, 0), "")
             : LLVMBuildICmp(b, LLVMIntSLT, bits, ci64(cg, 0), "");
    LLVMValueRef br = LLVMBuildCondBr(b, slow_cond, slow, fast);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef p = field_ptr(cg, obj, RT_FIXED_SLOTS + 8 * (size_t)in->imm);
    LLVMValueRef fv = NULL;
    if (load) {
        fv = LLVMBuildLoad2(b, t, p, "");
    } else {
        LLVMBuildStore(b, v, p);
        LLVMBuildStore(b, LLVMBuildOr(b, bits, mask, ""), field_ptr(cg, obj, RT_FIXED_BITS));
    }
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef name = name_const(cg, in->str), sv = NULL;
    if (load) {
        leaf_call_depth(cg, 1);
        sv = RTC(cg, RTF_rt_getattr, obj, name);
        leaf_call_depth(cg, -1);
        check_value(cg, in, sv);
        if (f64)
            sv = RTC(cg, RTF_rt_fixed_f64, sv);
    } else {
        LLVMValueRef boxed = v;
        if (f64) {
            boxed = RTC(cg, RTF_rt_float, v);
            check_value(cg, in, boxed);
        }
        check_int(cg, in, RTC(cg, RTF_rt_setattr, obj, name, boxed));
    }
    return join_slow(cg, t, done, fv, fast_end, sv);
}

/* inst.new of a class whose instances have a fixed layout (Type.fixed, set by its first
 * class.slot): the pop from the free list of its size class, as build_tuple (core.h's
 * rt_alloc_inline: the object is zeroed but for the link the type pointer overwrites, so no
 * slot bit is set and there is no dict).  Other classes, an empty list, a size past the
 * inline classes or pending fault injection: rt_inst_new (which also sizes instance dicts
 * from the last instance, a hint a fixed layout does not need: its dict is made only when an
 * instance is materialised). */
#define INST_INLINE_MAX 256   /* runtime/src/core.h RT_SMALL_INLINE_MAX (alloc.c asserts it) */

static LLVMValueRef inst_new(Cg *cg, LLVMValueRef cls)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef fixed = load_field(cg, cg->i64, cls, offsetof(Type, fixed));
    LLVMValueRef size = load_field(cg, cg->i64, cls, offsetof(Type, basicsize));
    LLVMValueRef small = LLVMBuildICmp(b, LLVMIntULT, LLVMBuildSub(b, size, ci64(cg, 1), ""),
                                       ci64(cg, INST_INLINE_MAX), "");
    LLVMValueRef ok = LLVMBuildAnd(b, small, LLVMBuildICmp(b, LLVMIntNE, fixed, ci64(cg, 0), ""),
                                   "");
    LLVMBasicBlockRef pop = new_bb(cg, "inst.pop"), fast = new_bb(cg, "inst.fast");
    LLVMBasicBlockRef slow = new_bb(cg, "inst.slow"), done = new_bb(cg, "inst.done");
    LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildNot(b, ok, ""), slow, pop);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(b, pop);
    LLVMValueRef idx = LLVMBuildAdd(b, LLVMBuildLShr(b, size, ci64(cg, 4), ""), ci64(cg, 1), "");
    LLVMValueRef head = LLVMBuildInBoundsGEP2(b, cg->ptr, cg_rt_tls(cg, "rt_small_free"), &idx, 1,
                                              "");
    LLVMValueRef p = LLVMBuildLoad2(b, cg->ptr, head, "");
    LLVMValueRef fail = LLVMBuildLoad2(b, cg->i64, cg_rt_global(cg, "rt_alloc_fail_after", cg->i64),
                                       "");
    LLVMValueRef slow_c = LLVMBuildOr(b, LLVMBuildIsNull(b, p, ""),
                                      LLVMBuildICmp(b, LLVMIntSGT, fail, ci64(cg, 0), ""), "");
    br = LLVMBuildCondBr(b, slow_c, slow, fast);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMBuildStore(b, LLVMBuildLoad2(b, cg->ptr, p, ""), head);
    LLVMBuildStore(b, LLVMBuildIntToPtr(b, cls, cg->ptr, ""), field_ptr(cg, p, 0));
    LLVMValueRef rf = LLVMBuildPtrToInt(b, p, cg->i64, "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef rs = RTC(cg, RTF_rt_inst_new, cls);
    return join_slow(cg, cg->i64, done, rf, fast, rs);
}

/* inst.new whose instance stays in the frame (src/infer/escape.c; in->imm2 its class's slot
 * count): a block of the entry frame, zeroed at each run of the inst.new and given the type
 * pointer, as inst_new's free-list pop leaves a heap one (nothing set, no dict).  The block
 * is used only when the class object's layout is the one the compiler knows (fixed, and the
 * basicsize of that many slots); else the heap path, whose instance is as good. */
static LLVMValueRef inst_new_frame(Cg *cg, const MirInst *in, LLVMValueRef cls)
{
    LLVMBuilderRef b = cg->b;
    size_t size = RT_FIXED_SLOTS + 8 * (size_t)(in->imm2 > 0 ? in->imm2 : -in->imm2);
    LLVMValueRef buf, ok;
    if (in->imm2 > 0) {
        buf = entry_alloca(cg, size / 8, "frameinst");
        LLVMSetAlignment(buf, 16);
        ok = LLVMConstInt(cg->i1, 1, 0);
    } else {   /* the result: the caller's block (the clone's last parameter), or NULL */
        buf = LLVMGetParam(cg->fn->fn, LLVMCountParams(cg->fn->fn) - 1);
        ok = LLVMBuildIsNotNull(b, buf, "");
    }
    LLVMValueRef fixed = load_field(cg, cg->i64, cls, offsetof(Type, fixed));
    LLVMValueRef bsize = load_field(cg, cg->i64, cls, offsetof(Type, basicsize));
    ok = LLVMBuildAnd(b, ok, LLVMBuildICmp(b, LLVMIntEQ, bsize, ci64(cg, (int64_t)size), ""), "");
    ok = LLVMBuildAnd(b, ok, LLVMBuildICmp(b, LLVMIntNE, fixed, ci64(cg, 0), ""), "");
    LLVMBasicBlockRef here = new_bb(cg, "inst.frame"), heap = new_bb(cg, "inst.heap"),
                      done = new_bb(cg, "inst.framed");
    LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildNot(b, ok, ""), heap, here);
    if (in->imm2 > 0)
        LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
    LLVMPositionBuilderAtEnd(b, here);
    LLVMBuildMemSet(b, buf, LLVMConstInt(cg->i8, 0, 0), ci64(cg, (int64_t)size), 16);
    LLVMBuildStore(b, LLVMBuildIntToPtr(b, cls, cg->ptr, ""), field_ptr(cg, buf, 0));
    LLVMValueRef rf = LLVMBuildPtrToInt(b, buf, cg->i64, "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, heap);
    LLVMValueRef rh = inst_new(cg, cls);
    LLVMBasicBlockRef from_heap = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef r = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef vals[2] = {rf, rh};
    LLVMBasicBlockRef from[2] = {here, from_heap};
    LLVMAddIncoming(r, vals, from, 2);
    return r;
}

/* inst.guard: every slot of the mask set, which also means not materialised (materialising
 * clears the slot bits): (bits & (mask | MAT)) == mask. */
static LLVMValueRef inst_guard(Cg *cg, const MirInst *in, LLVMValueRef obj)
{
    LLVMValueRef bits = load_field(cg, cg->i64, obj, RT_FIXED_BITS);
    LLVMValueRef m = LLVMBuildAnd(cg->b, bits, ci64(cg, (int64_t)((uint64_t)in->imm | RT_FIXED_MAT)), "");
    return LLVMBuildICmp(cg->b, LLVMIntEQ, m, ci64(cg, in->imm), "");
}

/* The cell holding the class numbered k once its class.reg ran (0 before: no instance of
 * it can exist yet); inst.isclass compares an object's type with it. */
static LLVMValueRef class_cell(Cg *cg, int64_t k)
{
    char name[48];
    snprintf(name, sizeof name, "aithon.class.%lld", (long long)k);
    LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
    if (!g) {
        g = LLVMAddGlobal(cg->mod, cg->i64, name);
        LLVMSetLinkage(g, LLVMInternalLinkage);
        LLVMSetInitializer(g, ci64(cg, 0));
    }
    return g;
}

/* inst.isclass: a heap object (no small-int tag) whose type is the registered class. */
static LLVMValueRef inst_isclass(Cg *cg, const MirInst *in, LLVMValueRef v)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef cls = LLVMBuildLoad2(b, cg->i64, class_cell(cg, in->imm), "");
    LLVMValueRef heap = LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildAnd(b, v, ci64(cg, 1), ""),
                                      ci64(cg, 0), "");
    LLVMBasicBlockRef test = new_bb(cg, "isclass"), done = new_bb(cg, "isclass.done");
    LLVMBasicBlockRef from = LLVMGetInsertBlock(b);
    LLVMBuildCondBr(b, heap, test, done);
    LLVMPositionBuilderAtEnd(b, test);
    LLVMValueRef same = LLVMBuildICmp(b, LLVMIntEQ, load_field(cg, cg->i64, v, 0), cls, "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    return phi2(cg, cg->i1, LLVMConstInt(cg->i1, 0, 0), from, same, test);
}


static LLVMValueRef emit_typed(Cg *cg, const MirInst *in, LLVMValueRef a0, LLVMValueRef a1)
{
    LLVMBuilderRef b = cg->b;
    switch (in->op) {
    case MIR_BoxI64: return tag_small(cg, a0);
    case MIR_BoxF64: return RTC(cg, RTF_rt_float, a0);
    case MIR_UnboxI64: return untag(cg, a0);
    case MIR_UnboxF64: return load_field(cg, cg->f64, a0, offsetof(FloatObject, v));
    case MIR_UnboxBool: return LLVMBuildICmp(b, LLVMIntEQ, a0, cg_rt_object(cg, "rt_True_obj"), "");
    case MIR_IToF: return LLVMBuildSIToFP(b, a0, cg->f64, "");
    case MIR_IntToF: return int_to_f(cg, in, a0);
    case MIR_NumToF: return num_to_f(cg, in, a0);
    case MIR_IntClamp: return int_clamp(cg, a0);
    case MIR_IAdd: return LLVMBuildNSWAdd(b, a0, a1, "");
    case MIR_ISub: return LLVMBuildNSWSub(b, a0, a1, "");
    case MIR_IMul: return LLVMBuildNSWMul(b, a0, a1, "");
    case MIR_INeg: return LLVMBuildNSWNeg(b, a0, "");
    case MIR_IFloorDiv: case MIR_IMod: return i_divmod(cg, in, a0, a1);
    case MIR_ITrueDiv: return i_truediv(cg, in, a0, a1);
    case MIR_ICmp: return LLVMBuildICmp(b, icmp_pred((int)in->imm), a0, a1, "");
    case MIR_IBit: return i_bit(cg, in, a0, a1);
    case MIR_IntBit: return int_bit(cg, in, a0, a1);
    case MIR_ITruthy: return LLVMBuildICmp(b, LLVMIntNE, a0, ci64(cg, 0), "");
    case MIR_IntAdd: case MIR_IntSub: case MIR_IntMul: return int_arith(cg, in, a0, a1);
    case MIR_IntFloorDiv: case MIR_IntMod: return int_divmod(cg, in, a0, a1);
    case MIR_IntTrueDiv: return int_truediv(cg, in, a0, a1);
    case MIR_IntCmp: return int_cmp(cg, in, a0, a1);
    case MIR_IntTruthy: return LLVMBuildICmp(b, LLVMIntNE, a0, ci64(cg, 1), "");
    case MIR_FAdd: return LLVMBuildFAdd(b, a0, a1, "");
    case MIR_FSub: return LLVMBuildFSub(b, a0, a1, "");
    case MIR_FMul: return LLVMBuildFMul(b, a0, a1, "");
    case MIR_FDiv:   /* imm 1: the divisor is proven nonzero (an int that is not 0) */
        if (!in->imm)
            raise_if(cg, in, LLVMBuildFCmp(b, LLVMRealOEQ, a1, LLVMConstReal(cg->f64, 0.0), ""),
                     "rt_ZeroDivisionError", "float division by zero");
        return LLVMBuildFDiv(b, a0, a1, "");
    case MIR_FFloorDiv: case MIR_FMod: return f_divmod(cg, in, a0, a1);
    case MIR_FPow: return f_pow(cg, in, a0, a1);
    case MIR_FNeg: return LLVMBuildFNeg(b, a0, "");
    case MIR_FCmp: return LLVMBuildFCmp(b, fcmp_pred((int)in->imm), a0, a1, "");
    case MIR_FTruthy: return LLVMBuildFCmp(b, LLVMRealUNE, a0, LLVMConstReal(cg->f64, 0.0), "");
    case MIR_FSqrt: {
        raise_if(cg, in, LLVMBuildFCmp(b, LLVMRealOLT, a0, LLVMConstReal(cg->f64, 0.0), ""),
                 "rt_ValueError", "math domain error");
        return intrinsic(cg, "llvm.sqrt", cg->f64, &a0, 1);
    }
    case MIR_FAbs: return intrinsic(cg, "llvm.fabs", cg->f64, &a0, 1);
    case MIR_FToInt: return f_toint(cg, in, a0);
    case MIR_OptfCheck: {   /* None takes the generic operator: CPython's TypeError */
        LLVMValueRef none = dyn_none(cg);
        LLVMValueRef isn = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntEQ, a0, none, ""),
                                       LLVMBuildICmp(b, LLVMIntEQ, a1, none, ""), "");
        LLVMBasicBlockRef slow = new_bb(cg, "optf.none"), done = new_bb(cg, "optf.ok");
        LLVMValueRef br = LLVMBuildCondBr(b, isn, slow, done);
        LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
        LLVMPositionBuilderAtEnd(b, slow);
        int id = binop_fn((int)in->imm);
        if (id < 0 || id == RTF_rt_pow)
            cg_die(cg, "optf.check: operator %lld", (long long)in->imm);
        check_value(cg, in, RTC(cg, id, a0, a1));
        LLVMBuildBr(b, done);
        LLVMPositionBuilderAtEnd(b, done);
        return NULL;
    }
    case MIR_SelI: case MIR_SelF: case MIR_SelD:
        return LLVMBuildSelect(b, a0, a1, val(cg, in->args[2]), "");
    case MIR_ListLen: return list_size(cg, a0);
    case MIR_ListItem: return item_load(cg, in, list_items(cg, a0), a1);
    case MIR_ListGetT:
    case MIR_ListSetT: return list_tagged(cg, in, a0, a1);
    case MIR_ListGet:
    case MIR_ListSet: {
        LLVMValueRef items = list_items(cg, a0);
        LLVMValueRef idx = access_index(cg, in, a0, a1, in->op == MIR_ListGet);
        if (in->op == MIR_ListGet)
            return item_load(cg, in, items, idx);
        item_store(cg, in, items, idx, val(cg, in->args[2]));
        return NULL;
    }
    case MIR_FListGet:
    case MIR_FListSet: {
        LLVMValueRef items = list_items(cg, a0);
        LLVMValueRef idx = access_index(cg, in, a0, a1, in->op == MIR_FListGet);
        LLVMValueRef p = LLVMBuildInBoundsGEP2(b, cg->f64, items, &idx, 1, "");
        if (in->op == MIR_FListGet)
            return tbaa(cg, LLVMBuildLoad2(b, cg->f64, p, ""), TBAA_LIST_ITEM);
        tbaa(cg, LLVMBuildStore(b, val(cg, in->args[2]), p), TBAA_LIST_ITEM);
        return NULL;
    }
    case MIR_FListGetT:
    case MIR_FListSetT: return flist_tagged(cg, in, a0, a1);
    case MIR_ListRepeat: {
        LLVMValueRef r = in->imm2 ? RTC(cg, RTF_rt_list_repeat_unboxed, a0, a1,
                                        ci64(cg, in->imm2))
                                  : RTC(cg, RTF_rt_list_repeat, a0, a1);
        check_value(cg, in, r);
        return r;
    }
    case MIR_ListSlice: {
        if (is_undef(in->args[1]) && is_undef(in->args[2]) && is_undef(in->args[3])) {
            if (local_list(cg->fn->mf, in))
                return list_dup_local(cg, in, a0);
            LLVMValueRef c = RTC(cg, RTF_rt_list_dup, a0);   /* x[:] / list(x): no bounds */
            check_value(cg, in, c);
            return c;
        }
        LLVMValueRef r = RTC(cg, RTF_rt_list_getslice, a0, a1, val(cg, in->args[2]),
                             val(cg, in->args[3]));
        check_value(cg, in, r);
        return r;
    }
    case MIR_ListSetSlice:
        check_int(cg, in, RTC(cg, RTF_rt_list_setslice, a0, a1, val(cg, in->args[2]),
                              val(cg, in->args[3]), val(cg, in->args[4])));
        return NULL;
    case MIR_ListCopySlice:
        if (in->imm == 1)
            return list_revprefix(cg, in, a0);
        check_int(cg, in, RTC(cg, RTF_rt_list_copyslice, a0, a1, val(cg, in->args[2]),
                              val(cg, in->args[3]), val(cg, in->args[4]), val(cg, in->args[5]),
                              val(cg, in->args[6]), val(cg, in->args[7])));
        return NULL;
    case MIR_RangeFast: {   /* three small tags (low bits all 1) and a tagged step above 1 */
        cg->versioned_loops = 1;
        LLVMValueRef all = LLVMBuildAnd(b, LLVMBuildAnd(b, a0, a1, ""), val(cg, in->args[2]), "");
        return LLVMBuildAnd(b, LLVMBuildTrunc(b, all, cg->i1, ""),
                            LLVMBuildICmp(b, LLVMIntSGT, val(cg, in->args[2]), ci64(cg, 1), ""),
                            "");
    }
    case MIR_RangeArg:
        return LLVMBuildSelect(b, a1, untag(cg, a0), ci64(cg, 0), "");
    case MIR_BoundsOk: {   /* guard && start >= -imm && stop <= len - imm2 (no overflow) */
        LLVMValueRef lo = LLVMBuildICmp(b, LLVMIntSGE, a0, ci64(cg, -in->imm), "");
        LLVMValueRef room = LLVMBuildSub(b, list_size(cg, val(cg, in->args[2])),
                                         ci64(cg, in->imm2), "");
        LLVMValueRef hi = LLVMBuildICmp(b, LLVMIntSLE, a1, room, "");
        return LLVMBuildAnd(b, LLVMBuildAnd(b, lo, hi, ""), val(cg, in->args[3]), "");
    }
    case MIR_InRange: return a0;
    case MIR_EnumNext: return enum_next(cg, a0);
    case MIR_EnumItem: return enum_item(cg, in, a0);
    case MIR_EnumFItem: {   /* enum_item of unboxed doubles */
        LLVMValueRef li = load_field(cg, cg->i64, a0, offsetof(EnumerateObject, it));
        LLVMValueRef seq = load_field(cg, cg->i64, li, offsetof(ListIterObject, seq));
        LLVMValueRef i = LLVMBuildSub(b, load_field(cg, cg->i64, li, offsetof(ListIterObject, i)),
                                      ci64(cg, 1), "");
        LLVMValueRef items = load_field(cg, cg->ptr, seq, offsetof(ListObject, items));
        return LLVMBuildLoad2(b, cg->f64, LLVMBuildInBoundsGEP2(b, cg->f64, items, &i, 1, ""), "");
    }
    case MIR_Narrow: case MIR_NarrowCmp: case MIR_NarrowIdx: return a0;
    case MIR_SetDiscard:
    case MIR_SetRemove:
        set_remove(cg, in, a0, a1);
        return NULL;
    case MIR_SetContains: {
        LLVMValueRef c = set_contains(cg, in, a0, a1);
        return in->imm == Cmp_NotIn ? LLVMBuildNot(b, c, "") : c;
    }
    case MIR_SetLen: return load_field(cg, cg->i64, a0, offsetof(SetObject, used));
    case MIR_StrLen: return load_field(cg, cg->i64, a0, offsetof(StrObject, len));
    case MIR_StrEq: return str_eq(cg, in, a0, a1);
    case MIR_StrItem: return str_item(cg, in, a0, a1);
    case MIR_DictLen: return load_field(cg, cg->i64, a0, offsetof(DictObject, used));
    case MIR_DictGet: case MIR_DictGetItem: {
        LLVMValueRef r = in->op == MIR_DictGet
                             ? RTC(cg, RTF_rt_dict_m_get, a0, a1, val(cg, in->args[2]))
                             : RTC(cg, RTF_rt_dict_getitem, a0, a1);
        check_value(cg, in, r);
        return r;
    }
    case MIR_DictSetItem:
        check_int(cg, in, RTC(cg, RTF_rt_dict_setitem, a0, a1, val(cg, in->args[2])));
        return NULL;
    case MIR_StrPred: {   /* in the order of dunder_str_preds */
        static const int fns[] = {
            RTF_rt_str_isalnum, RTF_rt_str_isalpha, RTF_rt_str_isascii, RTF_rt_str_isdecimal,
            RTF_rt_str_isdigit, RTF_rt_str_isidentifier, RTF_rt_str_islower,
            RTF_rt_str_isnumeric, RTF_rt_str_isprintable, RTF_rt_str_isspace,
            RTF_rt_str_istitle, RTF_rt_str_isupper};
        LLVMValueRef r = RTC(cg, fns[in->imm], a0);
        return LLVMBuildICmp(b, LLVMIntEQ, r, cg_rt_object(cg, "rt_True_obj"), "");
    }
    case MIR_ListPop: return list_pop(cg, in, a0);
    case MIR_ListPopAt: {   /* the method itself: no bound method, no argument vector */
        LLVMValueRef r = RTC(cg, RTF_rt_list_pop, a0, a1);
        check_value(cg, in, r);
        return r;
    }
    case MIR_CallDirect: return call_direct(cg, in);
    case MIR_InstNew: return in->imm2 ? inst_new_frame(cg, in, a0) : inst_new(cg, a0);
    case MIR_InstLoad: case MIR_InstLoadF: case MIR_InstStore: case MIR_InstStoreF:
        return inst_slot(cg, in, a0, a1);
    case MIR_InstIsClass: return inst_isclass(cg, in, a0);
    case MIR_InstGuard: return inst_guard(cg, in, a0);
    case MIR_ClassGet: return LLVMBuildLoad2(b, cg->i64, class_cell(cg, in->imm), "");
    case MIR_ClassReg:
        LLVMBuildStore(b, a0, class_cell(cg, in->imm));
        return NULL;
    case MIR_ClassSlot:
        RTC(cg, RTF_rt_class_slot, a0, name_const(cg, in->str), ci64(cg, in->imm));
        return NULL;
    default:
        cg_die(cg, "codegen: unexpected op %s in %s", mir_ops[in->op].text, cg->fn->mf->symbol);
    }
}


/* ---- instructions ---- */

/* Emits one non-terminator instruction; returns its value (or NULL). */
static LLVMValueRef emit_inst(Cg *cg, const MirInst *in)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    LLVMValueRef r = NULL, a0 = NULL, a1 = NULL;
    if (in->nargs > 0 && in->op != MIR_Phi)
        a0 = val(cg, in->args[0]);
    if (in->nargs > 1 && in->op != MIR_Phi)
        a1 = val(cg, in->args[1]);

    switch (in->op) {
    /* constants */
    case MIR_ConstNone: return dyn_none(cg);
    case MIR_ConstTrue: return cg_rt_object(cg, "rt_True_obj");
    case MIR_ConstFalse: return cg_rt_object(cg, "rt_False_obj");
    case MIR_ConstEllipsis: return cg_rt_object(cg, "rt_Ellipsis_obj");
    case MIR_ConstI1: return LLVMConstInt(cg->i1, in->imm != 0, 0);
    case MIR_ConstInt:
        if (in->type == MT_I64)
            return ci64(cg, in->imm);
        if (in->imm >= RT_SMALL_MIN && in->imm <= RT_SMALL_MAX)
            return LLVMConstInt(cg->i64, ((uint64_t)in->imm << 1) | 1, 0);
        return cg_const_load(cg, cg_const_add(cg, KC_INT64, (const char *)&in->imm,
                                              sizeof in->imm));
    case MIR_ConstBigInt:
        return cg_const_load(cg, cg_const_add(cg, KC_BIGINT, in->str, in->len ? in->len
                                                                               : strlen(in->str)));
    case MIR_ConstFloat:
        if (in->type == MT_F64)
            return LLVMConstReal(cg->f64, in->fimm);
        return cg_const_load(cg, cg_const_add(cg, KC_FLOAT, (const char *)&in->fimm,
                                              sizeof in->fimm));
    case MIR_ConstComplex:
        return cg_const_load(cg, cg_const_add(cg, KC_COMPLEX, (const char *)&in->fimm,
                                              sizeof in->fimm));
    case MIR_ConstStr:
        return cg_const_load(cg, cg_const_add(cg, KC_STR, in->str ? in->str : "", in->len));
    case MIR_ConstBytes:
        return cg_const_load(cg, cg_const_add(cg, KC_BYTES, in->str ? in->str : "", in->len));
    case MIR_Param: {
        if (f->mf->origin)   /* a clone: native parameters (after the closure, if any) */
            return spec_param(cg, (unsigned)in->imm + (f->mf->nfree > 0));
        LLVMValueRef idx = ci64(cg, in->imm);
        LLVMValueRef p = LLVMBuildInBoundsGEP2(b, cg->i64, f->params, &idx, 1, "");
        return LLVMBuildLoad2(b, cg->i64, p, "");
    }
    case MIR_Undef: return LLVMConstNull(ty_of(cg, in->type));

    /* variable slots (before SSA construction) */
    case MIR_VarLoad:
        return load_bound_var(cg, in);
    case MIR_VarStore:
        LLVMBuildStore(b, a0, f->vars[in->imm]);
        return NULL;
    case MIR_VarDelete:
        load_bound_var(cg, in);
        LLVMBuildStore(b, ci64(cg, 0), f->vars[in->imm]);
        return NULL;
    case MIR_Phi:
        return LLVMBuildPhi(b, ty_of(cg, in->type), "");   /* incoming added after the blocks */
    case MIR_CheckBound: {
        LLVMBasicBlockRef unb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "unbound");
        br_cold(cg, LLVMBuildICmp(b, LLVMIntEQ, a0, ci64(cg, 0), ""), unb);
        LLVMBasicBlockRef cont = LLVMGetInsertBlock(b);
        LLVMPositionBuilderAtEnd(b, unb);
        RTC(cg, RTF_rt_raise_unbound_local, cg_cstr(cg, in->str ? in->str : "?"));
        LLVMBuildBr(b, err_path(cg, in));
        LLVMPositionBuilderAtEnd(b, cont);
        return a0;
    }

    /* cells, closures, globals */
    case MIR_CellNew: return RTC(cg, RTF_rt_cell_new, a0);
    case MIR_CellGet: {
        /* a bound cell inline; an empty one raises through rt_cell_get.  A closure.cell that
         * cannot change during the call (imm2, infer/cells.c) was read once, where it was
         * taken; imm2 2: never empty either, the read is that value. */
        const MirInst *cc = in->args[0];
        LLVMValueRef ref = cc->op == MIR_ClosureCell && cc->imm2 && f->cell_ref
                               ? f->cell_ref[cc->id] : NULL;
        if (ref && cc->imm2 == 2)
            return ref;
        if (!ref)
            ref = load_field(cg, cg->i64, a0, offsetof(CellObject, ref));
        LLVMBasicBlockRef empty = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "cell.empty");
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "cell.value");
        LLVMBasicBlockRef start = LLVMGetInsertBlock(b);
        LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, ref, ci64(cg, 0), ""),
                                          empty, done);
        LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
        LLVMPositionBuilderAtEnd(b, empty);
        r = RTC(cg, RTF_rt_cell_get, a0, cg_cstr(cg, in->str ? in->str : "?"),
                ci32(cg, (int)in->imm));
        /* the cell is empty here, so rt_cell_get raised: the error path, always (nothing
         * rejoins the loop a read sits in, so LLVM may hoist the read of an invariant cell) */
        check_value(cg, in, LLVMConstNull(cg->i64));
        LLVMBasicBlockRef empty_end = LLVMGetInsertBlock(b);
        LLVMBuildBr(b, done);
        LLVMPositionBuilderAtEnd(b, done);
        LLVMValueRef phi = LLVMBuildPhi(b, cg->i64, "");
        LLVMValueRef vs[2] = {ref, r};
        LLVMBasicBlockRef bs[2] = {start, empty_end};
        LLVMAddIncoming(phi, vs, bs, 2);
        return phi;
    }
    case MIR_CellSet:
        LLVMBuildStore(b, a1, field_ptr(cg, a0, offsetof(CellObject, ref)));
        return NULL;
    case MIR_ClosureCell: {
        LLVMValueRef clo = f->mf->origin ? LLVMGetParam(f->fn, 0)
                                         : load_field(cg, cg->i64, f->self,
                                                      offsetof(FunctionObject, closure));
        r = load_field(cg, cg->i64, clo, offsetof(TupleObject, items) + 8 * (size_t)in->imm);
        if (in->imm2 && in->id >= 0) {   /* its reads see this reference (infer/cells.c) */
            if (!f->cell_ref)
                f->cell_ref = calloc((size_t)f->nvals + 1, sizeof *f->cell_ref);
            f->cell_ref[in->id] = load_field(cg, cg->i64, r, offsetof(CellObject, ref));
        }
        return r;
    }
    case MIR_GlobalLoad:
        return emit_global_load(cg, in);
    case MIR_GlobalStore:
        check_int(cg, in, RTC(cg, RTF_rt_global_store, f->globals, name_const(cg, in->str), a0));
        return NULL;
    case MIR_GlobalDelete:
        check_int(cg, in, RTC(cg, RTF_rt_global_delete, f->globals, name_const(cg, in->str)));
        return NULL;
    case MIR_NameLoad:
        r = RTC(cg, RTF_rt_name_load, a0, f->globals, name_const(cg, in->str));
        check_value(cg, in, r);
        return r;
    case MIR_NameStore:
        check_int(cg, in, RTC(cg, RTF_rt_setitem, a0, name_const(cg, in->str), a1));
        return NULL;
    case MIR_NameDelete:
        check_int(cg, in, RTC(cg, RTF_rt_delitem, a0, name_const(cg, in->str)));
        return NULL;

    /* the generic protocol */
    case MIR_BinOp: {
        int id = binop_fn((int)in->imm);
        if (id < 0)
            cg_die(cg, "binop: unknown operator %lld", (long long)in->imm);
        r = id == RTF_rt_pow ? RTC(cg, id, a0, a1, dyn_none(cg)) : RTC(cg, id, a0, a1);
        check_value(cg, in, r);
        return r;
    }
    case MIR_InplaceOp:
        r = RTC(cg, RTF_rt_inplace, ci32(cg, inplace_code((int)in->imm)), a0, a1);
        check_value(cg, in, r);
        return r;
    case MIR_UnaryOp: {
        int id = in->imm == UnOp_Invert ? RTF_rt_invert
               : in->imm == UnOp_UAdd   ? RTF_rt_pos
                                        : RTF_rt_neg;
        if (in->imm == UnOp_Not) {   /* not in the contract, but cheap to honour */
            LLVMValueRef c = truthy(cg, in, a0);
            return box_bool(cg, LLVMBuildNot(b, c, ""));
        }
        r = RTC(cg, id, a0);
        check_value(cg, in, r);
        return r;
    }
    case MIR_Compare: {
        int op = (int)in->imm;
        if (op == Cmp_In || op == Cmp_NotIn) {
            LLVMValueRef c = RTC(cg, RTF_rt_contains, a1, a0);
            check_int(cg, in, c);
            LLVMValueRef t = LLVMBuildICmp(b, op == Cmp_In ? LLVMIntNE : LLVMIntEQ, c,
                                           ci32(cg, 0), "");
            return box_bool(cg, t);
        }
        if (op == Cmp_Is || op == Cmp_IsNot)
            return box_bool(cg, LLVMBuildICmp(b, op == Cmp_Is ? LLVMIntEQ : LLVMIntNE, a0, a1,
                                              ""));
        static const int rich[] = {[Cmp_Eq] = RT_EQ, [Cmp_NotEq] = RT_NE, [Cmp_Lt] = RT_LT,
                                   [Cmp_LtE] = RT_LE, [Cmp_Gt] = RT_GT, [Cmp_GtE] = RT_GE};
        r = RTC(cg, RTF_rt_richcompare, a0, a1, ci32(cg, rich[op]));
        check_value(cg, in, r);
        return r;
    }
    case MIR_Is: return LLVMBuildICmp(b, LLVMIntEQ, a0, a1, "");
    case MIR_Truthy: return truthy(cg, in, a0);
    case MIR_Not: return LLVMBuildNot(b, a0, "");
    case MIR_BoxBool: return box_bool(cg, a0);
    case MIR_GetAttr:
        /* a per-site inline cache; as a call's callee, LOAD_METHOD (see find_method_calls) */
        if (in->id >= 0 && f->self_slot[in->id])
            r = emit_getmethod(cg, a0, in->str, f->self_slot[in->id]);
        else
            r = emit_getattr(cg, a0, in->str);
        check_value(cg, in, r);
        return r;
    case MIR_SetAttr:
        check_int(cg, in, emit_setattr(cg, a0, in->str, a1));
        return NULL;
    case MIR_DelAttr:
        check_int(cg, in, RTC(cg, RTF_rt_delattr, a0, name_const(cg, in->str)));
        return NULL;
    case MIR_GetItem:
        r = RTC(cg, RTF_rt_getitem, a0, a1);
        check_value(cg, in, r);
        return r;
    case MIR_SetItem:
        check_int(cg, in, RTC(cg, RTF_rt_setitem, a0, a1, val(cg, in->args[2])));
        return NULL;
    case MIR_DelItem:
        check_int(cg, in, RTC(cg, RTF_rt_delitem, a0, a1));
        return NULL;
    case MIR_Call: {
        int nv = in->nargs - 1;
        if (in->id >= 0 && f->method_call[in->id]) {
            /* CALL after LOAD_METHOD: slot 0 of the buffer is left for self */
            LLVMValueRef self = LLVMBuildLoad2(b, cg->i64, f->self_slot[in->args[0]->id], "");
            if (nv)
                fill_buf(cg, in, 1, nv, 1);
            r = RTC(cg, RTF_rt_call_method_ready, a0, self, f->argbuf,
                    ci64(cg, nv - in->nnames), kwnames(cg, in));
            check_value(cg, in, r);
            return r;
        }
        LLVMValueRef buf = nv ? fill_buf(cg, in, 1, nv, 0) : LLVMConstNull(cg->ptr);
        r = RTC(cg, RTF_rt_call, a0, buf, ci64(cg, nv - in->nnames), kwnames(cg, in));
        check_value(cg, in, r);
        return r;
    }
    case MIR_CallEx:
        r = RTC(cg, RTF_rt_call_ex, a0, a1, val(cg, in->args[2]));
        check_value(cg, in, r);
        return r;
    case MIR_GetIter:
        r = RTC(cg, RTF_rt_iter, a0);
        check_value(cg, in, r);
        return r;
    case MIR_GenFresh:
        return LLVMBuildICmp(b, LLVMIntNE, RTC(cg, RTF_rt_gen_is_fresh, a0, a1), ci32(cg, 0), "");
    case MIR_IterRelease:
        RTC(cg, RTF_rt_gen_release, a0, LLVMBuildZExt(b, a1, cg->i32, ""));
        return NULL;
    case MIR_IterNext:
        return iter_next(cg, in, a0);

    /* building values */
    case MIR_BuildTuple:
        if (in->nargs >= 1 && in->nargs <= TUPLE_INLINE_MAX)
            return build_tuple(cg, in);
        /* fall through */
    case MIR_BuildList: {
        LLVMValueRef buf = in->nargs ? fill_buf(cg, in, 0, in->nargs, 0) : LLVMConstNull(cg->ptr);
        return RTC(cg, in->op == MIR_BuildTuple ? RTF_rt_tuple_from : RTF_rt_list_from, buf,
                   ci64(cg, in->nargs));
    }
    case MIR_BuildSet:
        r = rt_call0(cg, RTF_rt_set_new);
        for (int i = 0; i < in->nargs; i++)
            check_int(cg, in, RTC(cg, RTF_rt_set_add, r, val(cg, in->args[i])));
        return r;
    case MIR_BuildDict:
        r = rt_call0(cg, RTF_rt_dict_new);
        for (int i = 0; i + 1 < in->nargs; i += 2)
            check_int(cg, in, RTC(cg, RTF_rt_dict_set, r, val(cg, in->args[i]),
                                  val(cg, in->args[i + 1])));
        return r;
    case MIR_BuildSlice:
        return RTC(cg, RTF_rt_slice_new, a0, a1, val(cg, in->args[2]));
    case MIR_BuildString:
        if (in->nargs == 0)
            return cg_const_load(cg, cg_const_add(cg, KC_STR, "", 0));
        return RTC(cg, RTF_rt_str_concat_n, fill_buf(cg, in, 0, in->nargs, 0),
                   ci64(cg, in->nargs));
    case MIR_FormatValue: {
        LLVMValueRef v = a0;
        if (in->imm == 's' || in->imm == 'r' || in->imm == 'a') {
            v = RTC(cg, in->imm == 's' ? RTF_rt_str : RTF_rt_repr, v);
            check_value(cg, in, v);
            if (in->imm == 'a') {
                v = RTC(cg, RTF_rt_str_to_ascii, v);
                check_value(cg, in, v);
            }
        }
        LLVMValueRef spec = is_undef(in->args[1]) ? cg_const_load(cg, cg_const_add(cg, KC_STR,
                                                                                     "", 0))
                                                  : a1;
        r = RTC(cg, RTF_rt_format, v, spec);
        check_value(cg, in, r);
        return r;
    }
    case MIR_FListAppend:
        list_append_unboxed(cg, in, a0, a1);
        return NULL;
    case MIR_ListReserve:
        RTC(cg, RTF_rt_list_reserve, a0, a1, val(cg, in->args[2]), ci64(cg, in->imm));
        return NULL;
    case MIR_ListAppend: {   /* a comprehension's own list: room left -> store inline */
        if (in->imm2) {
            list_append_unboxed(cg, in, a0, a1);
            return NULL;
        }
        LLVMValueRef size = load_field(cg, cg->i64, a0, offsetof(ListObject, size));
        LLVMValueRef cap = load_field(cg, cg->i64, a0, offsetof(ListObject, cap));
        LLVMBasicBlockRef fast = new_bb(cg, "app.fast"), slow = new_bb(cg, "app.slow"),
                          done = new_bb(cg, "app.done");
        LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, size, cap, ""), fast, slow);
        LLVMPositionBuilderAtEnd(b, fast);
        LLVMValueRef items = load_field(cg, cg->ptr, a0, offsetof(ListObject, items));
        LLVMBuildStore(b, a1, LLVMBuildInBoundsGEP2(b, cg->i64, items, &size, 1, ""));
        LLVMBuildStore(b, LLVMBuildAdd(b, size, ci64(cg, 1), ""),
                       field_ptr(cg, a0, offsetof(ListObject, size)));
        LLVMBuildBr(b, done);
        LLVMPositionBuilderAtEnd(b, slow);
        RTC(cg, RTF_rt_list_append, a0, a1);
        LLVMBuildBr(b, done);
        LLVMPositionBuilderAtEnd(b, done);
        return NULL;
    }
    case MIR_ListExtend:
        check_value(cg, in, RTC(cg, RTF_rt_list_extend_star, a0, a1));
        return NULL;
    case MIR_SetAdd:
        set_add(cg, in, a0, a1);
        return NULL;
    case MIR_SetUpdate:
        check_int(cg, in, RTC(cg, RTF_rt_set_update_internal, a0, a1));
        return NULL;
    case MIR_DictSet:
        check_int(cg, in, RTC(cg, RTF_rt_dict_set, a0, a1, val(cg, in->args[2])));
        return NULL;
    case MIR_DictUpdate:
        check_value(cg, in, RTC(cg, RTF_rt_dict_update, a0, a1));
        return NULL;
    case MIR_DictMerge:
        check_int(cg, in, RTC(cg, RTF_rt_call_merge_kwargs, a0, a1, val(cg, in->args[2])));
        return NULL;
    case MIR_ListToTuple:
        return RTC(cg, RTF_rt_tuple_from_iterable, a0);
    case MIR_UnpackSeq:
    case MIR_UnpackEx:
        return unpack(cg, in);
    case MIR_TupleItem:
        return load_field(cg, cg->i64, a0, offsetof(TupleObject, items) + 8 * (size_t)in->imm);

    /* functions, classes, modules */
    case MIR_MakeFunction:
        return RTC(cg, RTF_rt_function_new, cg_codeinfo(cg, in->func), f->globals, a0, a1,
                   val(cg, in->args[2]));
    case MIR_BuildClass: {
        int nkw = in->nnames, nbases = in->nargs - 2 - nkw;
        LLVMValueRef buf = in->nargs > 2 ? fill_buf(cg, in, 2, nbases + nkw, 0)
                                         : LLVMConstNull(cg->ptr);
        LLVMValueRef kwp = buf;
        if (nbases > 0 && in->nargs > 2) {
            LLVMValueRef idx = ci64(cg, nbases);
            kwp = LLVMBuildInBoundsGEP2(b, cg->i64, buf, &idx, 1, "");
        }
        r = RTC(cg, RTF_rt_build_class, a0, a1, buf, ci64(cg, nbases), kwp, kwnames(cg, in));
        check_value(cg, in, r);
        return r;
    }
    case MIR_Import:
        /* a module implemented in C by the runtime has no init body (lower.h) */
        r = in->module->init ? RTC(cg, RTF_rt_import, cg_moduledef(cg, in->module))
                             : RTC(cg, RTF_rt_builtin_module, cg_cstr(cg, in->module->name));
        check_value(cg, in, r);
        return r;
    case MIR_ImportFrom:
        r = RTC(cg, RTF_rt_import_from, a0, name_const(cg, in->str));
        check_value(cg, in, r);
        return r;
    case MIR_ImportStar:
        check_value(cg, in, RTC(cg, RTF_rt_import_star, a0, f->globals));
        return NULL;

    /* exceptions */
    case MIR_ExcCatch:
        r = rt_call0(cg, RTF_rt_exc_fetch);
        RTC(cg, RTF_rt_exc_handler_enter, r);
        return r;
    case MIR_ExcMatch: {
        LLVMValueRef c = RTC(cg, RTF_rt_exc_matches, a0, a1);
        check_int(cg, in, c);
        return LLVMBuildICmp(b, LLVMIntNE, c, ci32(cg, 0), "");
    }
    case MIR_ExcRestoreHandled:
        RTC(cg, RTF_rt_exc_handler_leave, a0);
        return NULL;
    case MIR_ExcHandled:
        return rt_call0(cg, RTF_rt_exc_handled);
    case MIR_ExcStarMatch:
        r = RTC(cg, RTF_rt_exc_star_match, a0, a1);
        check_value(cg, in, r);
        return r;
    case MIR_ExcStarReraise: {
        /* what propagates was raised in this frame or below, so it has this frame's entry
         * already (or is a new group, which CPython's RERAISE gives none): no err_path */
        r = RTC(cg, RTF_rt_exc_star_reraise, a0, a1);
        const MirBlock *t = exc_target(f, in);
        br_cold(cg, LLVMBuildICmp(b, LLVMIntEQ, r, ci64(cg, 0), ""),
                t ? llvm_block(f, t) : f->unwind_bb);
        return NULL;
    }

    case MIR_LookupSpecial:   /* on the type only, bound to the object */
        r = RTC(cg, RTF_rt_lookup_special, a0, name_const(cg, in->str));
        check_value(cg, in, r);
        return r;
    case MIR_Len: {
        LLVMValueRef n = RTC(cg, RTF_rt_len, a0);
        check_int(cg, in, n);
        return LLVMBuildOr(b, LLVMBuildShl(b, n, ci64(cg, 1), ""), ci64(cg, 1), "");
    }
    case MIR_MatchSeq:
    case MIR_MatchMap: {
        /* runtime/src/match.c: CPython's Py_TPFLAGS_SEQUENCE / MAPPING tests */
        r = RTC(cg, in->op == MIR_MatchSeq ? RTF_rt_match_seq : RTF_rt_match_map, a0);
        return box_bool(cg, LLVMBuildICmp(b, LLVMIntNE, r, ci32(cg, 0), ""));
    }
    case MIR_MatchClass:
        r = RTC(cg, RTF_rt_match_class, a0, a1, ci64(cg, in->imm), kwnames(cg, in));
        check_value(cg, in, r);
        return r;
    case MIR_MatchKeys:
        r = RTC(cg, RTF_rt_match_keys, a0, a1);
        check_value(cg, in, r);
        return r;

    /* generators and coroutines: suspension points */
    case MIR_Yield:
    case MIR_YieldFrom:
    case MIR_Await:
        if (!f->is_gen)
            cg_die(cg, "%s outside a generator or coroutine (%s)", mir_ops[in->op].text,
                   f->mf->symbol);
        return in->op == MIR_Yield ? gen_yield(cg, in, a0) : gen_delegate(cg, in, a0);
    default:
        if (in->op >= MIR_BoxI64 && in->op <= MIR_ClassSlot)
            return emit_typed(cg, in, a0, a1);
        cg_die(cg, "codegen: unexpected op %s in %s", mir_ops[in->op].text, f->mf->symbol);
    }
    return NULL;
}

static void emit_term(Cg *cg, const MirInst *in)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    switch (in->op) {
    case MIR_Br:
        LLVMBuildBr(b, llvm_block(f, in->target));
        break;
    case MIR_CondBr:
        LLVMBuildCondBr(b, val(cg, in->args[0]), llvm_block(f, in->target),
                        llvm_block(f, in->target2));
        break;
    case MIR_Ret: {
        if (f->is_gen) {   /* StopIteration(value) for the runtime; then the final suspend */
            LLVMBuildStore(b, val(cg, in->args[0]), gen_field(cg, offsetof(GenObject, transfer)));
            gen_set_status(cg, RT_GEN_RETURNED);
            LLVMBuildBr(b, f->final_bb);
            break;
        }
        if (f->spec_depth && cg_spec_small_result(cg, f->mf)) {
            /* speculating callers rely on a small int result: a big one fails */
            LLVMValueRef v = val(cg, in->args[0]);
            if (f->tail && in->args[0]->id >= 0 && (f->tail[in->args[0]->id] & CG_TAIL_RET)) {
                tail_jump(cg, in->args[0], v);
                break;
            }
            LLVMValueRef tag = LLVMBuildAnd(b, v, ci64(cg, 1), "");
            br_cold(cg, LLVMBuildICmp(b, LLVMIntEQ, tag, ci64(cg, 0), ""), spec_restart(cg));
            if (f->acc)
                v = acc_add(cg, v);
            clone_return(cg, v, 0);
            break;
        }
        if (f->mf->origin) {
            clone_return(cg, val(cg, in->args[0]), 0);
            break;
        }
        LLVMBuildRet(b, val(cg, in->args[0]));
        break;
    }
    case MIR_Raise: {
        if (in->nargs == 0 || is_undef(in->args[0])) {
            /* bare raise: re-raise the handled exception with its traceback as is (CPython
             * adds no entry for this frame: it goes straight to exception_unwind) */
            LLVMValueRef h = rt_call0(cg, RTF_rt_exc_handled);
            LLVMBasicBlockRef none = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "noexc");
            br_cold(cg, LLVMBuildICmp(b, LLVMIntEQ, h, ci64(cg, 0), ""), none);
            RTC(cg, RTF_rt_exc_restore, h);
            const MirBlock *t = exc_target(f, in);
            LLVMBuildBr(b, t ? llvm_block(f, t) : f->unwind_bb);
            LLVMPositionBuilderAtEnd(b, none);
            raise_str(cg, "rt_RuntimeError", "No active exception to reraise");
            LLVMBuildBr(b, err_path(cg, in));
            break;
        }
        LLVMValueRef e = val(cg, in->args[0]);
        if (in->nargs > 1 && !is_undef(in->args[1]))
            RTC(cg, RTF_rt_raise_from, e, val(cg, in->args[1]));
        else
            RTC(cg, RTF_rt_raise, e);
        LLVMBuildBr(b, err_path(cg, in));
        break;
    }
    case MIR_Unreachable:
        LLVMBuildUnreachable(b);
        break;
    default:
        cg_die(cg, "codegen: %s is not a terminator", mir_ops[in->op].text);
    }
}

/* Which MIR block emitted each LLVM block: owner[k] for the blocks in LLVM function order
 * (-1 for the prologue, the unwind block and the coroutine scaffolding).  A phi gets one
 * operand per LLVM predecessor edge, taken from the MIR predecessor that owns the edge's
 * source block, so every MIR edge kind (plain branch, error path, iterator exhaustion,
 * re-raise, a cleanup's br to a handler) maps to exactly the LLVM edges codegen built. */
typedef struct {
    LLVMBasicBlockRef bb;
    int owner;
} BlockOwner;

static int owner_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const BlockOwner *)a)->bb, y = (uintptr_t)((const BlockOwner *)b)->bb;
    return x < y ? -1 : x > y;
}

static int owner_of(const BlockOwner *tab, int n, LLVMBasicBlockRef bb)
{
    BlockOwner key = {bb, -1};
    const BlockOwner *r = bsearch(&key, tab, (size_t)n, sizeof *tab, owner_cmp);
    return r ? r->owner : -1;
}

static void phi_operands(Cg *cg, CgFn *f, BlockOwner *tab, int n, int maxid)
{
    const MirFunction *mf = f->mf;
    qsort(tab, (size_t)n, sizeof *tab, owner_cmp);
    const MirBlock **by_id = calloc((size_t)maxid + 1, sizeof *by_id);
    for (int i = 0; i < mf->nblocks; i++)
        by_id[mf->blocks[i]->id] = mf->blocks[i];
    for (LLVMBasicBlockRef pb = LLVMGetFirstBasicBlock(f->fn); pb; pb = LLVMGetNextBasicBlock(pb)) {
        LLVMValueRef term = LLVMGetBasicBlockTerminator(pb);
        if (!term)
            continue;
        int own = -2;   /* looked up on the first edge into a block with phis */
        unsigned ns = LLVMGetNumSuccessors(term);
        for (unsigned s = 0; s < ns; s++) {
            LLVMBasicBlockRef succ = LLVMGetSuccessor(term, s);
            int sid = owner_of(tab, n, succ);
            const MirBlock *mb = sid >= 0 ? by_id[sid] : NULL;
            if (!mb || f->bbs[sid] != succ || mb->is_unwind || mb->ninsts == 0 ||
                mb->insts[0]->op != MIR_Phi)
                continue;
            if (own == -2)
                own = owner_of(tab, n, pb);
            for (int j = 0; j < mb->ninsts && mb->insts[j]->op == MIR_Phi; j++) {
                const MirInst *phi = mb->insts[j];
                int k = 0;
                while (k < phi->nargs && (own < 0 || phi->phi_blocks[k]->id != own))
                    k++;
                if (k == phi->nargs)
                    cg_die(cg, "codegen: phi v%d in b%d has no operand for an edge from b%d",
                           phi->id, mb->id, own);
                LLVMValueRef v = val(cg, phi->args[k]);
                LLVMAddIncoming(f->vals[phi->id], &v, &pb, 1);
            }
        }
    }
    free(by_id);
}

static void alloc_fn_tables(CgFn *f, int nb)
{
    f->bbs = calloc((size_t)nb, sizeof *f->bbs);
    f->exc_bb = calloc((size_t)nb, sizeof *f->exc_bb);
}

static void free_fn_tables(CgFn *f)
{
    free(f->bbs);
    free(f->exc_bb);
    free(f->vals);
    free(f->cell_ref);
    free(f->vars);
    free(f->self_slot);
    free(f->method_call);
    free(f->tail);
    free(f->loop_params);
}

/* obj.name(args) as CPython's LOAD_METHOD/CALL: a getattr whose only use is as the callee of
 * a call gets an alloca for the self that rt_getmethod_cached hands over, and the call passes
 * it to rt_call_method_ready, so no bound method is made.  Both instructions keep their own
 * positions (an AttributeError points at obj.name, an error of the call at the whole call).
 * Emits the allocas into the prologue (the builder's position). */
static void find_method_calls(Cg *cg, CgFn *f)
{
    const MirFunction *mf = f->mf;
    int *uses = calloc((size_t)f->nvals + 1, sizeof *uses);
    f->self_slot = calloc((size_t)f->nvals + 1, sizeof *f->self_slot);
    f->method_call = calloc((size_t)f->nvals + 1, 1);
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            for (int k = 0; k < in->nargs; k++)
                if (in->args[k]->id >= 0 && in->args[k]->id < f->nvals)
                    uses[in->args[k]->id]++;
        }
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (in->op != MIR_Call || in->id < 0 || in->nargs < 1)
                continue;
            const MirInst *callee = in->args[0];
            if (callee->op != MIR_GetAttr || callee->id < 0 || uses[callee->id] != 1 ||
                f->self_slot[callee->id])
                continue;
            f->self_slot[callee->id] = LLVMBuildAlloca(cg->b, cg->i64, "self");
            f->method_call[in->id] = 1;
        }
    free(uses);
}

/* The largest scratch buffer any instruction of mf needs (call arguments, build.*; a call
 * one more, for the self of a method call). */
static int argbuf_size(const MirFunction *mf)
{
    int n = 1;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (in->op == MIR_Call && in->nargs + 1 > n)
                n = in->nargs + 1;
            if ((in->op == MIR_Call || in->op == MIR_BuildTuple || in->op == MIR_BuildList ||
                 in->op == MIR_BuildString || in->op == MIR_BuildClass) && in->nargs > n)
                n = in->nargs;
        }
    return n;
}

/* Parameter slots a generator body reads (its params array is copied into the frame). */
static int gen_nparams(const MirFunction *mf)
{
    int n = mf->nparams > 0 ? mf->nparams : 1;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++) {
            const MirInst *in = mf->blocks[i]->insts[j];
            if (in->op == MIR_Param && in->imm >= n)
                n = (int)in->imm + 1;
        }
    return n;
}

/* Lowers mf into fn; exact: speculate (spec_restart), restarting in that function. */
enum { BODY_PLAIN, BODY_MEMBER_EXACT, BODY_MEMBER_SPEC, BODY_MEMBER_TWIN };

static void lower_function(Cg *cg, const MirFunction *mf, LLVMValueRef fn, LLVMValueRef exact,
                           int body)
{
    CgFn fs = {0}, *f = &fs;
    cg->fn = f;
    f->mf = mf;
    f->fn = fn;
    f->exact = exact;
    f->exact_body = body == BODY_MEMBER_EXACT;
    f->frameinfo = cg_frameinfo(cg, mf);
    cg_debug_begin(cg, f->fn, mf);
    int is_init = mf->module && mf->module->init == mf;

    int maxid = 0;
    for (int i = 0; i < mf->nblocks; i++)
        if (mf->blocks[i]->id > maxid)
            maxid = mf->blocks[i]->id;
    alloc_fn_tables(f, maxid + 1);
    int maxval = mf->nvalues;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++)
            if (mf->blocks[i]->insts[j]->id >= maxval)
                maxval = mf->blocks[i]->insts[j]->id + 1;
    f->nvals = maxval;
    f->vals = calloc((size_t)maxval + 1, sizeof *f->vals);
    f->vars = calloc((size_t)mf->nvars + 1, sizeof *f->vars);
    for (int i = 0; i < mf->nblocks; i++)
        if (mf->blocks[i]->is_unwind && !f->unwind_mir)
            f->unwind_mir = mf->blocks[i];

    /* prologue */
    LLVMBasicBlockRef pro = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "prologue");
    for (int i = 0; i < mf->nblocks; i++) {
        char name[32];
        snprintf(name, sizeof name, "b%d", mf->blocks[i]->id);
        f->bbs[mf->blocks[i]->id] = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, name);
    }
    f->unwind_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "unwind");
    LLVMPositionBuilderAtEnd(cg->b, pro);
    int is_clone = mf->origin != NULL;
    f->self = is_clone ? LLVMConstNull(cg->ptr) : LLVMGetParam(f->fn, 0);
    f->params = is_init || is_clone ? LLVMConstNull(cg->ptr) : LLVMGetParam(f->fn, 1);
    f->is_gen = !is_init && !is_clone && (mf->flags & (RT_CO_GENERATOR | RT_CO_COROUTINE | RT_CO_ASYNC_GEN));
    LLVMValueRef hdl = NULL;
    if (f->is_gen) {
        /* the frame first: the stores below go to allocas CoroSplit moves into it */
        hdl = gen_begin(cg);
        /* the caller's params array does not outlive the ramp: copy it into the frame */
        int np = gen_nparams(mf);
        LLVMValueRef copy = LLVMBuildAlloca(cg->b, LLVMArrayType2(cg->i64, (uint64_t)np), "params");
        for (int i = 0; i < np && i < mf->nparams; i++) {
            LLVMValueRef idx = ci64(cg, i);
            LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->i64,
                                            LLVMBuildInBoundsGEP2(cg->b, cg->i64, f->params,
                                                                  &idx, 1, ""), "");
            LLVMBuildStore(cg->b, v, LLVMBuildInBoundsGEP2(cg->b, cg->i64, copy, &idx, 1, ""));
        }
        f->params = copy;
        unsigned kind = LLVMGetEnumAttributeKindForName("presplitcoroutine", 17);
        LLVMAddAttributeAtIndex(f->fn, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(cg->ctx, kind, 0));
    }
    for (int i = 0; i < mf->nvars; i++) {
        f->vars[i] = LLVMBuildAlloca(cg->b, cg->i64, "");
        LLVMBuildStore(cg->b, ci64(cg, 0), f->vars[i]);
    }
    f->argbuf = LLVMBuildAlloca(cg->b, LLVMArrayType2(cg->i64, (uint64_t)argbuf_size(mf)), "args");
    find_method_calls(cg, f);
    if (is_clone) {
        /* no FunctionObject: the module's dict through its ModuleDef (the module is running
         * or done: a clone is only called from code of the program that ran its def) */
        LLVMValueRef m = load_field(cg, cg->ptr, cg_moduledef(cg, mf->module),
                                    offsetof(ModuleDef, module));
        f->globals = load_field(cg, cg->i64, m, offsetof(ModuleObject, dict));
    } else {
        f->globals = load_field(cg, cg->i64, f->self,
                                is_init ? offsetof(ModuleObject, dict)
                                        : offsetof(FunctionObject, globals));
    }
    /* no recursion counting here: rt_function_vectorcall brackets every body call with
     * rt_recursion_enter/leave (rt_func.h), and counting twice would halve the limit */
    if (f->is_gen) {
        gen_prologue(cg, hdl, f->bbs[mf->blocks[0]->id]);
        LLVMPositionBuilderAtEnd(cg->b, f->unwind_bb);
        LLVMBuildStore(cg->b, ci64(cg, 0), gen_field(cg, offsetof(GenObject, transfer)));
        gen_set_status(cg, RT_GEN_RAISED);
        LLVMBuildBr(cg->b, f->final_bb);
    } else if (body == BODY_MEMBER_SPEC || body == BODY_MEMBER_TWIN) {
        /* speculating (cg_spec.c): the last parameter is the caller's room, limit - depth (the
         * limit cannot change while only members run); none left and the speculation fails,
         * where the exact body raises RecursionError */
        LLVMBuilderRef b = cg->b;
        f->leaf = clone_is_leaf(mf);
        if (body == BODY_MEMBER_SPEC)   /* the twin's own calls go back to .spec */
            f->self_spec = cg_spec_twin_decl(cg, mf);
        f->tail = calloc((size_t)maxval + 1, 1);
        if (cg_spec_tail(cg, mf, f->tail))
            tail_loop(cg, pro);
        LLVMValueRef room = spec_param(cg, LLVMCountParams(fn) - 1);
        f->spec_depth = LLVMBuildNSWSub(b, room, ci32(cg, 1), "");
        LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "enter");
        int need = calls_other_member(cg, mf) ? 1 : 0;
        LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLE, room, ci32(cg, need), ""),
                                          spec_restart(cg), ok);
        LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
        LLVMPositionBuilderAtEnd(b, ok);
        if (need)   /* every member it calls has a level of room: their checks fold */
            assume(cg, LLVMBuildICmp(b, LLVMIntSGT, f->spec_depth, ci32(cg, 0), ""));
        uint64_t small = cg_spec_small_params(cg, mf);   /* the callers tested their tags */
        for (int i = 0; i < mf->nparams && i < 64; i++)
            if (small & (UINT64_C(1) << i))
                assume(cg, LLVMBuildNot(b, cg_spec_param_big(cg, spec_param(cg, (unsigned)i +
                                                                   (mf->nfree > 0))), ""));
        if (f->acc)   /* a sum of small ints or the start, 0 */
            assume(cg, LLVMBuildNot(b, cg_spec_param_big(cg, f->acc), ""));
        LLVMBuildBr(b, f->bbs[mf->blocks[0]->id]);
        LLVMPositionBuilderAtEnd(b, f->unwind_bb);
        clone_return(cg, NULL, 1);
    } else if (is_clone) {
        /* a clone counts its own recursion level (no rt_function_vectorcall around it); when
         * the limit is reached rt_recursion_enter raises RecursionError and the clone returns
         * the error before any traceback entry of its own, as a call through vectorcall */
        LLVMBuilderRef b = cg->b;
        f->leaf = clone_is_leaf(mf);
        LLVMValueRef depth = cg_rt_tls(cg, "rt_recursion_depth");
        LLVMValueRef nd = LLVMBuildNSWAdd(b, LLVMBuildLoad2(b, cg->i32, depth, ""), ci32(cg, 1), "");
        LLVMValueRef limg = cg_rt_global(cg, "rt_recursion_limit", cg->i32);
        /* defined in the executable (the static runtime archive): hidden makes the access
         * pc-relative, no GOT load on every call */
        LLVMSetVisibility(limg, LLVMHiddenVisibility);
        LLVMValueRef lim = LLVMBuildLoad2(b, cg->i32, limg, "");
        LLVMBasicBlockRef deep = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "too.deep");
        LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "enter");
        LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSGT, nd, lim, ""), deep, ok);
        LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
        LLVMPositionBuilderAtEnd(b, deep);
        rt_call0(cg, RTF_rt_recursion_enter);
        if (!f->leaf)   /* clone_return takes it back */
            LLVMBuildStore(b, LLVMBuildAdd(b, LLVMBuildLoad2(b, cg->i32, depth, ""), ci32(cg, 1),
                                           ""), depth);
        clone_return(cg, NULL, 1);
        LLVMPositionBuilderAtEnd(b, ok);
        if (!f->leaf)
            LLVMBuildStore(b, nd, depth);
        LLVMBuildBr(b, f->bbs[mf->blocks[0]->id]);
        LLVMPositionBuilderAtEnd(b, f->unwind_bb);
        clone_return(cg, NULL, 1);
    } else {
        LLVMBuildBr(cg->b, f->bbs[mf->blocks[0]->id]);
        LLVMPositionBuilderAtEnd(cg->b, f->unwind_bb);
        LLVMBuildRet(cg->b, ci64(cg, 0));
    }

    /* blocks, in MIR order */
    BlockOwner *owned = NULL;
    int owned_n = 0, owned_cap = 0;
    for (int i = 0; i < mf->nblocks; i++) {
        const MirBlock *mb = mf->blocks[i];
        f->cur = mb;
        LLVMPositionBuilderAtEnd(cg->b, f->bbs[mb->id]);
        cg_set_line(cg, mb->ninsts ? mb->insts[0]->loc.line : 0);
        if (mb->is_unwind) {
            LLVMBuildBr(cg->b, f->unwind_bb);
            continue;
        }
        LLVMBasicBlockRef last = LLVMGetLastBasicBlock(f->fn);
        int terminated = 0;
        for (int j = 0; j < mb->ninsts; j++) {
            const MirInst *in = mb->insts[j];
            cg_set_line(cg, in->loc.line);
            if (mir_ops[in->op].flags & MF_TERM) {
                emit_term(cg, in);
                terminated = 1;
                break;
            }
            LLVMValueRef v = emit_inst(cg, in);
            if (v && in->id >= 0 && in->id < f->nvals)
                f->vals[in->id] = v;
        }
        if (!terminated) {
            LLVMBuildUnreachable(cg->b);
        }
        /* the blocks appended while emitting mb belong to it */
        for (LLVMBasicBlockRef bb = LLVMGetNextBasicBlock(last); bb; bb = LLVMGetNextBasicBlock(bb)) {
            if (owned_n == owned_cap) {
                owned_cap = owned_cap ? 2 * owned_cap : 64;
                owned = realloc(owned, (size_t)owned_cap * sizeof *owned);
            }
            owned[owned_n].bb = bb;
            owned[owned_n++].owner = mb->id;
        }
    }
    cg_set_line(cg, 0);

    /* phi operands, now that every value and edge block exists */
    for (int i = 0; i < mf->nblocks; i++) {
        if (owned_n == owned_cap) {
            owned_cap = owned_cap ? 2 * owned_cap : 64;
            owned = realloc(owned, (size_t)owned_cap * sizeof *owned);
        }
        owned[owned_n].bb = f->bbs[mf->blocks[i]->id];
        owned[owned_n++].owner = mf->blocks[i]->id;
    }
    phi_operands(cg, f, owned, owned_n, maxid);
    free(owned);
    free_fn_tables(f);
    cg_debug_end(cg);
    cg->fn = NULL;
}

/* A leaf clone worth speculating on: one of its ops has a slow path for big ints. */
static int clone_speculates(const MirFunction *mf)
{
    if (!mf->origin || !clone_is_leaf(mf))
        return 0;
    for (int i = 0; i < mf->nblocks; i++)
        for (int j = 0; j < mf->blocks[i]->ninsts; j++)
            switch (mf->blocks[i]->insts[j]->op) {
            case MIR_IntAdd: case MIR_IntSub: case MIR_IntMul: case MIR_IntFloorDiv:
            case MIR_IntMod: case MIR_IntCmp: case MIR_IntToF: case MIR_IntTrueDiv:
            case MIR_IntBit:
                return 1;
            default:
                break;
            }
    return 0;
}

/* Lowers mf into its already declared LLVM function (cg_function_decl); a leaf clone with
 * big-int slow paths twice: its exact body under the name SYMBOL.exact (cold, never inlined:
 * it runs only when speculation fails), then the speculative body under its own name. */
void cg_function(Cg *cg, const MirFunction *mf)
{
    LLVMValueRef fn = cg_function_decl(cg, mf), exact = NULL;
    if (cg_spec_member(cg, mf)) {   /* pure recursive clones and their callees: cg_spec.c */
        lower_function(cg, mf, cg_spec_exact_decl(cg, mf), NULL, BODY_MEMBER_EXACT);
        lower_function(cg, mf, cg_spec_decl(cg, mf), NULL, BODY_MEMBER_SPEC);
        if (cg_spec_twin_decl(cg, mf))
            lower_function(cg, mf, cg_spec_twin_decl(cg, mf), NULL, BODY_MEMBER_TWIN);
        cg_spec_entry(cg, mf);
        return;
    }
    if (clone_speculates(mf)) {
        size_t len;
        const char *name = LLVMGetValueName2(fn, &len);
        char buf[300];
        snprintf(buf, sizeof buf, "%.*s.exact", (int)(len < 280 ? len : 280), name);
        exact = LLVMAddFunction(cg->mod, buf, cg_clone_type(cg, mf));
        LLVMSetLinkage(exact, LLVMInternalLinkage);
        const char *attrs[2] = {"noinline", "cold"};
        for (int i = 0; i < 2; i++) {
            unsigned kind = LLVMGetEnumAttributeKindForName(attrs[i], strlen(attrs[i]));
            LLVMAddAttributeAtIndex(exact, LLVMAttributeFunctionIndex,
                                    LLVMCreateEnumAttribute(cg->ctx, kind, 0));
        }
        lower_function(cg, mf, exact, NULL, BODY_PLAIN);
    }
    lower_function(cg, mf, fn, exact, BODY_PLAIN);
}
