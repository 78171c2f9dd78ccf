/*
 * cg_list.c - the typed tier's containers: list reads, stores and appends (boxed and unboxed
 * floats, TBAA-tagged so LLVM can hoist the size and items loads), local list copies, list and
 * enumerate iteration steps, set membership/add/remove on the small-int bit sets, and the
 * iteration protocol of for loops (iter_next).
 */
#include <stdlib.h>
#include <string.h>

#include "../../runtime/include/rt_containers.h"
#include "cg_emit.h"


/* inst (a load or store of list memory) tagged with its TBAA access kind */
LLVMValueRef tbaa(Cg *cg, LLVMValueRef inst, int kind)
{
    LLVMSetMetadata(inst, cg->tbaa_kind, cg->tbaa_list[kind]);
    return inst;
}

LLVMValueRef list_size(Cg *cg, LLVMValueRef lst)
{
    return tbaa(cg, load_field(cg, cg->i64, lst, offsetof(ListObject, size)), TBAA_LIST_SIZE);
}

LLVMValueRef list_items(Cg *cg, LLVMValueRef lst)
{
    return tbaa(cg, load_field(cg, cg->ptr, lst, offsetof(ListObject, items)), TBAA_LIST_ITEMS);
}

/* The position of index i (an i64, negative from the end) in a list of `size` items, raising
 * CPython's IndexError when outside: one unsigned compare on the hot path (0 <= i < size),
 * the negative case in a cold block.  The items pointer is loaded by the callers before this
 * check, so that in a loop both loads run at every step and LICM can hoist them. */
static LLVMValueRef list_index(Cg *cg, const MirInst *in, LLVMValueRef i, LLVMValueRef size,
                               const char *msg)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef neg = new_bb(cg, "idx.neg"), done = new_bb(cg, "idx.done");
    br_cold(cg, LLVMBuildICmp(b, LLVMIntUGE, i, size, ""), neg);
    LLVMBasicBlockRef from = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, neg);
    LLVMValueRef j = LLVMBuildAdd(b, i, size, "");
    LLVMValueRef bad = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntSGE, i, ci64(cg, 0), ""),
                                   LLVMBuildICmp(b, LLVMIntSLT, j, ci64(cg, 0), ""), "");
    raise_if(cg, in, bad, "rt_IndexError", msg);
    return join_slow(cg, cg->i64, done, i, from, j);
}

/* list_index, unless the access's index is `in.range idx, ok` (bounds.c: a loop versioned on
 * ok) and ok holds: then i as it is.  ok is loop-invariant, so the branch on it is what LLVM's
 * non-trivial unswitching (cg_program.c) splits the loop on: a copy without the check. */
static LLVMValueRef checked_index(Cg *cg, const MirInst *in, LLVMValueRef i, LLVMValueRef size,
                                  const char *msg)
{
    if (in->args[1]->op != MIR_InRange)
        return list_index(cg, in, i, size, msg);
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef chk = new_bb(cg, "idx.chk"), done = new_bb(cg, "idx.ok");
    cg->versioned_loops = 1;
    LLVMBuildCondBr(b, val(cg, in->args[1]->args[1]), done, chk);
    LLVMBasicBlockRef from = LLVMGetInsertBlock(b);
    LLVMPositionBuilderAtEnd(b, chk);
    LLVMValueRef j = list_index(cg, in, i, size, msg);
    return join_slow(cg, cg->i64, done, i, from, j);
}

/* The index of list.get/list.set/flist.get/flist.set: checked by checked_index, or as it is
 * when bounds.c proved it in [0, len) (imm 1). */
LLVMValueRef access_index(Cg *cg, const MirInst *in, LLVMValueRef list, LLVMValueRef i,
                                 int get)
{
    if (in->imm)
        return i;
    return checked_index(cg, in, i, list_size(cg, list),
                         get ? "list index out of range" : "list assignment index out of range");
}

/* Unboxed storage (imm2 of list.get/list.set/list.get.t/list.set.t/enum.item, unbox.c):
 * UNBOX_BOOL (1) items are bytes, 0 False and 1 True; UNBOX_INT (2) items keep the boxed
 * layout (small tagged ints) in a pointer-free array.  The MIR values stay Values: a loaded
 * byte becomes True/False, which LLVM folds into the unbox.bool that follows. */
LLVMValueRef item_load(Cg *cg, const MirInst *in, LLVMValueRef items, LLVMValueRef idx)
{
    LLVMBuilderRef b = cg->b;
    if (in->imm2 != 1) {
        LLVMValueRef p = LLVMBuildInBoundsGEP2(b, cg->i64, items, &idx, 1, "");
        return tbaa(cg, LLVMBuildLoad2(b, cg->i64, p, ""), TBAA_LIST_ITEM);
    }
    LLVMTypeRef i8 = LLVMInt8TypeInContext(cg->ctx);
    LLVMValueRef p = LLVMBuildInBoundsGEP2(b, i8, items, &idx, 1, "");
    LLVMValueRef v = tbaa(cg, LLVMBuildLoad2(b, i8, p, ""), TBAA_LIST_ITEM);
    return box_bool(cg, LLVMBuildTrunc(b, v, cg->i1, ""));
}

void item_store(Cg *cg, const MirInst *in, LLVMValueRef items, LLVMValueRef idx,
                       LLVMValueRef v)
{
    LLVMBuilderRef b = cg->b;
    if (in->imm2 != 1) {
        LLVMValueRef p = LLVMBuildInBoundsGEP2(b, cg->i64, items, &idx, 1, "");
        tbaa(cg, LLVMBuildStore(b, v, p), TBAA_LIST_ITEM);
        return;
    }
    LLVMTypeRef i8 = LLVMInt8TypeInContext(cg->ctx);
    LLVMValueRef t = LLVMBuildICmp(b, LLVMIntEQ, v, cg_rt_object(cg, "rt_True_obj"), "");
    LLVMValueRef p = LLVMBuildInBoundsGEP2(b, i8, items, &idx, 1, "");
    tbaa(cg, LLVMBuildStore(b, LLVMBuildZExt(b, t, i8, ""), p), TBAA_LIST_ITEM);
}

/* list.get.t / list.set.t: an int index that may be big.  A small tag: the inline bounds
 * check and access of list.get/list.set; a big int: the generic subscript (its IndexError
 * "cannot fit 'int' into an index-sized integer"). */
LLVMValueRef list_tagged(Cg *cg, const MirInst *in, LLVMValueRef lst, LLVMValueRef key)
{
    LLVMBuilderRef b = cg->b;
    int get = in->op == MIR_ListGetT;
    LLVMBasicBlockRef fast = new_bb(cg, "lst.fast"), slow = new_bb(cg, "lst.slow"),
                      done = new_bb(cg, "lst.done");
    LLVMBuildCondBr(b, LLVMBuildTrunc(b, key, cg->i1, ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef i = untag(cg, key);
    LLVMValueRef size = list_size(cg, lst);
    LLVMValueRef items = list_items(cg, lst);
    LLVMValueRef idx = checked_index(cg, in, i, size, get ? "list index out of range"
                                                          : "list assignment index out of range");
    LLVMValueRef rf = NULL;
    if (get)
        rf = item_load(cg, in, items, idx);
    else
        item_store(cg, in, items, idx, val(cg, in->args[2]));
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef rs = NULL;
    if (get) {
        rs = RTC(cg, RTF_rt_getitem, lst, key);
        check_value(cg, in, rs);
    } else {
        check_int(cg, in, RTC(cg, RTF_rt_setitem, lst, key, val(cg, in->args[2])));
    }
    return join_slow(cg, cg->i64, done, rf, fast_end, rs);
}

/* list.append imm2 = kind / flist.append: a comprehension's append to a list of unboxed
 * storage: the item stored inline at its width while there is room, else
 * rt_list_append_unboxed (growth; MemoryError as the boxed append, unchecked likewise). */
void list_append_unboxed(Cg *cg, const MirInst *in, LLVMValueRef lst, LLVMValueRef v)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef bits;
    if (in->op == MIR_FListAppend)
        bits = LLVMBuildBitCast(b, v, cg->i64, "");
    else if (in->imm2 == 1)
        bits = LLVMBuildZExt(b, LLVMBuildICmp(b, LLVMIntEQ, v, cg_rt_object(cg, "rt_True_obj"), ""),
                             cg->i64, "");
    else
        bits = v;
    int kind = in->op == MIR_FListAppend ? 3 : (int)in->imm2;
    LLVMValueRef size = list_size(cg, lst);
    LLVMValueRef cap = load_field(cg, cg->i64, lst, offsetof(ListObject, cap));
    LLVMBasicBlockRef fast = new_bb(cg, "app.fast"), slow = new_bb(cg, "app.slow"),
                      done = new_bb(cg, "app.done");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, size, cap, ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef items = list_items(cg, lst);
    if (kind == 1) {
        LLVMTypeRef i8 = LLVMInt8TypeInContext(cg->ctx);
        tbaa(cg, LLVMBuildStore(b, LLVMBuildTrunc(b, bits, i8, ""),
                                LLVMBuildInBoundsGEP2(b, i8, items, &size, 1, "")),
             TBAA_LIST_ITEM);
    } else if (kind == 3) {
        tbaa(cg, LLVMBuildStore(b, v, LLVMBuildInBoundsGEP2(b, cg->f64, items, &size, 1, "")),
             TBAA_LIST_ITEM);
    } else {
        tbaa(cg, LLVMBuildStore(b, bits, LLVMBuildInBoundsGEP2(b, cg->i64, items, &size, 1, "")),
             TBAA_LIST_ITEM);
    }
    tbaa(cg, LLVMBuildStore(b, LLVMBuildAdd(b, size, ci64(cg, 1), ""),
                            field_ptr(cg, lst, offsetof(ListObject, size))),
         TBAA_LIST_SIZE);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    RTC(cg, RTF_rt_list_append_unboxed, lst, bits, ci64(cg, kind));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
}

/* flist.get.t / flist.set.t: list_tagged for unboxed doubles.  A big int index never reaches
 * the items (rt_getitem / rt_setitem raise its IndexError first: a list has fewer than 2**60
 * items), so the slow path only raises. */
LLVMValueRef flist_tagged(Cg *cg, const MirInst *in, LLVMValueRef lst, LLVMValueRef key)
{
    LLVMBuilderRef b = cg->b;
    int get = in->op == MIR_FListGetT;
    LLVMBasicBlockRef fast = new_bb(cg, "lst.fast"), slow = new_bb(cg, "lst.slow"),
                      done = new_bb(cg, "lst.done");
    LLVMBuildCondBr(b, LLVMBuildTrunc(b, key, cg->i1, ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, slow);
    /* a None stands for the value: the store is never done (the index is out of range) */
    if (get)
        check_value(cg, in, RTC(cg, RTF_rt_getitem, lst, key));
    else
        check_int(cg, in, RTC(cg, RTF_rt_setitem, lst, key, cg_rt_object(cg, "rt_None_obj")));
    LLVMBuildUnreachable(b);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef i = untag(cg, key);
    LLVMValueRef size = list_size(cg, lst);
    LLVMValueRef items = list_items(cg, lst);
    LLVMValueRef idx = checked_index(cg, in, i, size, get ? "list index out of range"
                                                          : "list assignment index out of range");
    LLVMValueRef p = LLVMBuildInBoundsGEP2(b, cg->f64, items, &idx, 1, "");
    LLVMValueRef r = NULL;
    if (get)
        r = tbaa(cg, LLVMBuildLoad2(b, cg->f64, p, ""), TBAA_LIST_ITEM);
    else
        tbaa(cg, LLVMBuildStore(b, val(cg, in->args[2]), p), TBAA_LIST_ITEM);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    return r;
}

/* list.copyslice imm 1, `x[:k] = x[m::-1]`: when k and m are small ints, 1 <= k <= len(x)
 * and m == k - 1 the assignment is a reversal of items[0..k) in place, done here; any other
 * bounds go through rt_list_copyslice (clamping, resizing, errors). */
LLVMValueRef list_revprefix(Cg *cg, const MirInst *in, LLVMValueRef lst)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef kv = val(cg, in->args[2]), mv = val(cg, in->args[5]);
    LLVMBasicBlockRef chk = new_bb(cg, "rev.chk"), rev = new_bb(cg, "rev.loop"),
                      body = new_bb(cg, "rev.swap"), slow = new_bb(cg, "rev.slow"),
                      done = new_bb(cg, "rev.done");
    LLVMBuildCondBr(b, LLVMBuildTrunc(b, LLVMBuildAnd(b, kv, mv, ""), cg->i1, ""), chk, slow);
    LLVMPositionBuilderAtEnd(b, chk);
    LLVMValueRef k = untag(cg, kv), size = list_size(cg, lst);
    LLVMValueRef ok = LLVMBuildAnd(
        b, LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntSGE, k, ci64(cg, 1), ""),
                        LLVMBuildICmp(b, LLVMIntSLE, k, size, ""), ""),
        LLVMBuildICmp(b, LLVMIntEQ, mv, LLVMBuildSub(b, kv, ci64(cg, 2), ""), ""), "");
    LLVMValueRef items = list_items(cg, lst);
    LLVMValueRef last = LLVMBuildSub(b, k, ci64(cg, 1), "");
    LLVMBasicBlockRef entry = LLVMGetInsertBlock(b);
    LLVMBuildCondBr(b, ok, rev, slow);
    LLVMPositionBuilderAtEnd(b, rev);
    LLVMValueRef lo = LLVMBuildPhi(b, cg->i64, ""), hi = LLVMBuildPhi(b, cg->i64, "");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, lo, hi, ""), body, done);
    LLVMPositionBuilderAtEnd(b, body);
    LLVMValueRef pl = LLVMBuildInBoundsGEP2(b, cg->i64, items, &lo, 1, "");
    LLVMValueRef ph = LLVMBuildInBoundsGEP2(b, cg->i64, items, &hi, 1, "");
    LLVMValueRef xl = tbaa(cg, LLVMBuildLoad2(b, cg->i64, pl, ""), TBAA_LIST_ITEM);
    LLVMValueRef xh = tbaa(cg, LLVMBuildLoad2(b, cg->i64, ph, ""), TBAA_LIST_ITEM);
    tbaa(cg, LLVMBuildStore(b, xh, pl), TBAA_LIST_ITEM);
    tbaa(cg, LLVMBuildStore(b, xl, ph), TBAA_LIST_ITEM);
    LLVMValueRef lo1 = LLVMBuildNSWAdd(b, lo, ci64(cg, 1), "");
    LLVMValueRef hi1 = LLVMBuildNSWSub(b, hi, ci64(cg, 1), "");
    LLVMBuildBr(b, rev);
    LLVMValueRef lov[2] = {ci64(cg, 0), lo1}, hiv[2] = {last, hi1};
    LLVMBasicBlockRef from[2] = {entry, body};
    LLVMAddIncoming(lo, lov, from, 2);
    LLVMAddIncoming(hi, hiv, from, 2);
    LLVMPositionBuilderAtEnd(b, slow);
    check_int(cg, in, RTC(cg, RTF_rt_list_copyslice, lst, val(cg, in->args[1]), kv,
                          val(cg, in->args[3]), val(cg, in->args[4]), mv, val(cg, in->args[6]),
                          val(cg, in->args[7])));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    return NULL;
}

/* Room for the items of a list copy kept in the frame (list_dup_local). */
#define LOCAL_LIST_ITEMS 16

/* Does the list made by `dup` (a copy, list.slice without bounds) stay in this call?  Every
 * use reads or writes its items in place: the receiver of an item read or store, a length
 * (also bounds.ok's), a copy, the target of a slice assignment, either list of a slice copy.
 * Then nothing holds it after the function returns (it is not stored, passed, returned,
 * merged by a phi or captured), and each run of `dup` makes the previous copy unreachable
 * (SSA: a later use sees the latest run).  A generator's body is left alone (its frame outlives a step). */
int local_list(const MirFunction *mf, const MirInst *dup)
{
    if (mf->flags & (RT_CO_GENERATOR | RT_CO_COROUTINE | RT_CO_ASYNC_GEN))
        return 0;
    for (int b = 0; b < mf->nblocks; b++) {
        const MirBlock *bb = mf->blocks[b];
        for (int k = 0; k < bb->ninsts; k++) {
            const MirInst *u = bb->insts[k];
            for (int a = 0; a < u->nargs; a++) {
                if (u->args[a] != dup)
                    continue;
                switch (u->op) {
                case MIR_ListGet: case MIR_ListGetT: case MIR_ListSet: case MIR_ListSetT:
                case MIR_ListLen: case MIR_ListItem: case MIR_ListSlice: case MIR_ListSetSlice:
                    if (a != 0)
                        return 0;
                    break;
                case MIR_ListCopySlice:
                    if (a != 0 && a != 4)
                        return 0;
                    break;
                case MIR_BoundsOk:   /* reads the length (bounds.c) */
                    if (a != 2)
                        return 0;
                    break;
                default:
                    return 0;
                }
            }
        }
    }
    return 1;
}

/* An array of `words` i64 in the current function's frame: an alloca at the start of the entry
 * block (LLVM keeps those static, one slot per site, whatever loop the use is in). */
LLVMValueRef entry_alloca(Cg *cg, size_t words, const char *name)
{
    LLVMBuilderRef eb = LLVMCreateBuilderInContext(cg->ctx);
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(cg->fn->fn);
    LLVMValueRef first = LLVMGetFirstInstruction(entry);
    if (first)
        LLVMPositionBuilderBefore(eb, first);
    else
        LLVMPositionBuilderAtEnd(eb, entry);
    LLVMValueRef buf = LLVMBuildAlloca(eb, LLVMArrayType2(cg->i64, words), name);
    LLVMDisposeBuilder(eb);
    return buf;
}

/* list(x) / x[:] whose copy stays in the call (local_list): a ListObject in the frame with
 * its items after it, as rt_list_dup's packed list, when x has 1..LOCAL_LIST_ITEMS items;
 * else rt_list_dup.  A later resize moves the items to a block of their own, as for a packed
 * list; the collector sees the items through the stack. */
LLVMValueRef list_dup_local(Cg *cg, const MirInst *in, LLVMValueRef src)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef buf = entry_alloca(cg, sizeof(ListObject) / 8 + LOCAL_LIST_ITEMS, "locallist");
    LLVMSetAlignment(buf, 16);
    LLVMBasicBlockRef here = new_bb(cg, "dup.local"), heap = new_bb(cg, "dup.heap"),
                      done = new_bb(cg, "dup.done");
    LLVMValueRef n = list_size(cg, src);
    LLVMValueRef fits = LLVMBuildICmp(b, LLVMIntULT, LLVMBuildSub(b, n, ci64(cg, 1), ""),
                                      ci64(cg, LOCAL_LIST_ITEMS), "");
    LLVMBuildCondBr(b, fits, here, heap);
    LLVMPositionBuilderAtEnd(b, here);
    LLVMValueRef lst = LLVMBuildPtrToInt(b, buf, cg->i64, "");
    LLVMValueRef off = ci64(cg, sizeof(ListObject));
    LLVMValueRef items = LLVMBuildInBoundsGEP2(b, cg->i8, buf, &off, 1, "");
    LLVMBuildStore(b, cg_rt_global(cg, "rt_list_type", cg->i8),
                   field_ptr(cg, buf, offsetof(ListObject, ob.type)));
    LLVMBuildStore(b, n, field_ptr(cg, buf, offsetof(ListObject, size)));
    LLVMBuildStore(b, n, field_ptr(cg, buf, offsetof(ListObject, cap)));
    LLVMBuildStore(b, items, field_ptr(cg, buf, offsetof(ListObject, items)));
    LLVMBuildMemCpy(b, items, 8, list_items(cg, src), 8, LLVMBuildShl(b, n, ci64(cg, 3), ""));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, heap);
    LLVMValueRef c = RTC(cg, RTF_rt_list_dup, src);
    check_value(cg, in, c);
    LLVMBasicBlockRef from_heap = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef r = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef vals[2] = {lst, c};
    LLVMBasicBlockRef from[2] = {here, from_heap};
    LLVMAddIncoming(r, vals, from, 2);
    return r;
}

/* The list iterator step shared by iter.next and enum.next (ListIterObject): from the current
 * block, branches to done when `it` is exhausted (its list dropped, seq = 0, at the end, as
 * listiter_next does, so that a list grown afterwards is not resumed) and else continues in a
 * new block with the index advanced; returns the index stepped past, *seqp its list, *endp the
 * block that dropped the list (a second predecessor of done). */
static LLVMValueRef list_iter_step(Cg *cg, LLVMValueRef it, LLVMBasicBlockRef done,
                                   LLVMValueRef *seqp, LLVMBasicBlockRef *endp)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef live = new_bb(cg, "listiter.seq"), step = new_bb(cg, "listiter.item"),
                      end = new_bb(cg, "listiter.end");
    LLVMValueRef seq = tbaa(cg, load_field(cg, cg->i64, it, offsetof(ListIterObject, seq)),
                            TBAA_LISTITER_SEQ);
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, seq, ci64(cg, 0), ""), done, live);
    LLVMPositionBuilderAtEnd(b, live);
    LLVMValueRef i = tbaa(cg, load_field(cg, cg->i64, it, offsetof(ListIterObject, i)),
                          TBAA_LISTITER_I);
    LLVMValueRef size = list_size(cg, seq);
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, i, size, ""), step, end);
    LLVMPositionBuilderAtEnd(b, end);
    tbaa(cg, LLVMBuildStore(b, ci64(cg, 0), field_ptr(cg, it, offsetof(ListIterObject, seq))),
         TBAA_LISTITER_SEQ);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, step);
    tbaa(cg, LLVMBuildStore(b, LLVMBuildAdd(b, i, ci64(cg, 1), ""),
                            field_ptr(cg, it, offsetof(ListIterObject, i))),
         TBAA_LISTITER_I);
    *seqp = seq;
    *endp = end;
    return i;
}

/* enum.next: steps enumerate(list) inline (the typed tier proved its iterator a list
 * iterator and its count a small int from 0): the index of the item stepped past, -1 at the end
 * (the list iterator then marks itself exhausted, as rt_next_fast). */
LLVMValueRef enum_next(Cg *cg, LLVMValueRef e)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef done = new_bb(cg, "enum.done"), end;
    LLVMBasicBlockRef entry = LLVMGetInsertBlock(b);
    LLVMValueRef li = tbaa(cg, load_field(cg, cg->i64, e, offsetof(EnumerateObject, it)),
                           TBAA_ENUM_IT), seq;
    list_iter_step(cg, li, done, &seq, &end);
    LLVMBasicBlockRef step = LLVMGetInsertBlock(b);
    LLVMValueRef cnt = tbaa(cg, load_field(cg, cg->i64, e, offsetof(EnumerateObject, count)),
                            TBAA_ENUM_COUNT);
    tbaa(cg, LLVMBuildStore(b, LLVMBuildAdd(b, cnt, ci64(cg, 2), ""),
                            field_ptr(cg, e, offsetof(EnumerateObject, count))),
         TBAA_ENUM_COUNT);
    LLVMValueRef idx = untag(cg, cnt);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef p = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef v[3] = {ci64(cg, -1), ci64(cg, -1), idx};
    LLVMBasicBlockRef bl[3] = {entry, end, step};
    LLVMAddIncoming(p, v, bl, 3);
    return p;
}

/* enum.item: the item the last enum.next stepped past (items[i - 1] of the iterator's list). */
LLVMValueRef enum_item(Cg *cg, const MirInst *in, LLVMValueRef e)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef li = tbaa(cg, load_field(cg, cg->i64, e, offsetof(EnumerateObject, it)),
                           TBAA_ENUM_IT);
    LLVMValueRef seq = tbaa(cg, load_field(cg, cg->i64, li, offsetof(ListIterObject, seq)),
                            TBAA_LISTITER_SEQ);
    LLVMValueRef i = LLVMBuildSub(
        b, tbaa(cg, load_field(cg, cg->i64, li, offsetof(ListIterObject, i)), TBAA_LISTITER_I),
        ci64(cg, 1), "");
    LLVMValueRef items = list_items(cg, seq);
    if (in->imm2 == 1) {   /* unboxed bools (item_load) */
        LLVMTypeRef i8 = LLVMInt8TypeInContext(cg->ctx);
        LLVMValueRef v = LLVMBuildLoad2(b, i8, LLVMBuildInBoundsGEP2(b, i8, items, &i, 1, ""), "");
        return box_bool(cg, LLVMBuildTrunc(b, v, cg->i1, ""));
    }
    return LLVMBuildLoad2(b, cg->i64, LLVMBuildInBoundsGEP2(b, cg->i64, items, &i, 1, ""), "");
}

/* list.pop (x.pop() of an exact list): a non-empty list that needs no shrinking (rt_list_pop's
 * list_resize keeps the block while size - 1 >= cap / 2) drops its last item inline; else
 * rt_list_pop (IndexError "pop from empty list", the shrink). */
LLVMValueRef list_pop(Cg *cg, const MirInst *in, LLVMValueRef list)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef size = load_field(cg, cg->i64, list, offsetof(ListObject, size));
    LLVMValueRef cap = load_field(cg, cg->i64, list, offsetof(ListObject, cap));
    LLVMValueRef n1 = LLVMBuildSub(b, size, ci64(cg, 1), "");
    LLVMValueRef ok = LLVMBuildAnd(
        b, LLVMBuildICmp(b, LLVMIntSGT, size, ci64(cg, 0), ""),
        LLVMBuildICmp(b, LLVMIntSGE, n1, LLVMBuildAShr(b, cap, ci64(cg, 1), ""), ""), "");
    LLVMBasicBlockRef fast = new_bb(cg, "pop.fast"), slow = new_bb(cg, "pop.slow"),
                      done = new_bb(cg, "pop.done");
    LLVMBuildCondBr(b, ok, fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef items = load_field(cg, cg->ptr, list, offsetof(ListObject, items));
    LLVMValueRef fv = LLVMBuildLoad2(b, cg->i64, LLVMBuildInBoundsGEP2(b, cg->i64, items, &n1, 1, ""),
                                     "");
    LLVMBuildStore(b, n1, field_ptr(cg, list, offsetof(ListObject, size)));
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef sv = RTC(cg, RTF_rt_list_pop, list, ci64(cg, 0));
    check_value(cg, in, sv);
    return join_slow(cg, cg->i64, done, fv, fast_end, sv);
}

/* The test the inline paths of set.contains, set.add and set.remove share: key is a small int
 * whose membership bit (*u, its index in SetObject.smallbits) is valid: u = v + 64 below
 * bits_limit (RT_SET_BITS_N while the bits are valid, else 0) tests the range and the
 * validity at once. */
static LLVMValueRef set_bits_ok(Cg *cg, LLVMValueRef set, LLVMValueRef key, LLVMValueRef *u)
{
    LLVMBuilderRef b = cg->b;
    *u = LLVMBuildAdd(b, LLVMBuildAShr(b, key, ci64(cg, 1), ""), ci64(cg, -RT_SET_BITS_LO), "");
    LLVMValueRef limit = load_field(cg, cg->i64, set, offsetof(SetObject, bits_limit));
    return LLVMBuildAnd(b, LLVMBuildTrunc(b, key, cg->i1, ""),
                        LLVMBuildICmp(b, LLVMIntULT, *u, limit, ""), "");
}

/* The word of SetObject.smallbits that holds bit u (u < RT_SET_BITS_N = 128): the second
 * when u >= 64, a compare LLVM folds when the key's range is known. */
static LLVMValueRef smallbits_word(Cg *cg, LLVMValueRef set, LLVMValueRef u)
{
    LLVMBuilderRef b = cg->b;
    _Static_assert(RT_SET_BITS_N == 2 * 64, "smallbits is two words");
    LLVMValueRef w = LLVMBuildZExt(b, LLVMBuildICmp(b, LLVMIntUGE, u, ci64(cg, 64), ""), cg->i64,
                                   "");
    return LLVMBuildInBoundsGEP2(b, cg->i64, field_ptr(cg, set, offsetof(SetObject, smallbits)),
                                 &w, 1, "");
}

/* set.remove / set.discard: a small int key in -64..63 of a set whose membership bits are
 * valid, found at its hint (rt.h SetObject.hints), is removed inline with set.c's
 * small_discard effect (a dummy entry, marked in dmy, used - 1, its bit cleared, the bits
 * still valid); anything else calls rt_set_remove (KeyError) or rt_set_discard_key. */
void set_remove(Cg *cg, const MirInst *in, LLVMValueRef set, LLVMValueRef key)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef u;
    LLVMValueRef ok = set_bits_ok(cg, set, key, &u);
    LLVMValueRef hints = load_field(cg, cg->ptr, set, offsetof(SetObject, hints));
    ok = LLVMBuildAnd(b, ok, LLVMBuildIsNotNull(b, hints, ""), "");
    LLVMBasicBlockRef hint = new_bb(cg, "setrm.hint"), entry = new_bb(cg, "setrm.entry"),
                      fast = new_bb(cg, "setrm.fast"), slow = new_bb(cg, "setrm.slow"),
                      done = new_bb(cg, "setrm.done");
    br_hot(cg, ok, hint, slow);
    LLVMPositionBuilderAtEnd(b, hint);
    LLVMTypeRef i16 = LLVMInt16TypeInContext(cg->ctx);
    LLVMValueRef h = LLVMBuildZExt(
        b, LLVMBuildLoad2(b, i16, LLVMBuildInBoundsGEP2(b, i16, hints, &u, 1, ""), ""), cg->i64,
        "");
    LLVMValueRef mask = load_field(cg, cg->i64, set, offsetof(SetObject, mask));
    br_hot(cg, LLVMBuildICmp(b, LLVMIntULE, h, mask, ""), entry, slow);
    LLVMPositionBuilderAtEnd(b, entry);
    LLVMValueRef table = load_field(cg, cg->ptr, set, offsetof(SetObject, table));
    LLVMValueRef off = LLVMBuildMul(b, h, ci64(cg, (int64_t)sizeof(SetEntry)), "");
    LLVMValueRef e = LLVMBuildInBoundsGEP2(b, cg->i8, table, &off, 1, "");
    LLVMValueRef ekey = load_field(cg, cg->i64, e, offsetof(SetEntry, key));
    br_hot(cg, LLVMBuildICmp(b, LLVMIntEQ, ekey, key, ""), fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMBuildStore(b, cg_rt_object(cg, "rt_set_dummy"), field_ptr(cg, e, offsetof(SetEntry, key)));
    LLVMBuildStore(b, ci64(cg, -1), field_ptr(cg, e, offsetof(SetEntry, hash)));
    LLVMValueRef used = load_field(cg, cg->i64, set, offsetof(SetObject, used));
    LLVMBuildStore(b, LLVMBuildSub(b, used, ci64(cg, 1), ""),
                   field_ptr(cg, set, offsetof(SetObject, used)));
    LLVMValueRef wp = smallbits_word(cg, set, u);
    LLVMValueRef bit = LLVMBuildShl(b, ci64(cg, 1), LLVMBuildAnd(b, u, ci64(cg, 63), ""), "");
    LLVMBuildStore(b, LLVMBuildAnd(b, LLVMBuildLoad2(b, cg->i64, wp, ""),
                                   LLVMBuildNot(b, bit, ""), ""), wp);
    /* the entry is a dummy now (SetObject.dmy: meaningless while mask >= 64, so the bit is
     * set whatever the mask) */
    LLVMValueRef dmy = load_field(cg, cg->i64, set, offsetof(SetObject, dmy));
    LLVMValueRef hb = LLVMBuildShl(b, ci64(cg, 1), LLVMBuildAnd(b, h, ci64(cg, 63), ""), "");
    LLVMBuildStore(b, LLVMBuildOr(b, dmy, hb, ""), field_ptr(cg, set, offsetof(SetObject, dmy)));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    if (in->op == MIR_SetRemove)
        check_value(cg, in, RTC(cg, RTF_rt_set_remove, set, key));
    else
        check_int(cg, in, RTC(cg, RTF_rt_set_discard_key, set, key));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
}

/* set.add: a small int key in -64..63 of a set whose membership bits are valid and whose
 * table has fewer than 64 entries (so SetObject.occ/dmy are kept) is added inline when it is
 * present already (nothing to do) or when the insertion needs no resize: set.c's
 * absent_slot/insert_small effect, probing a group at a time (the last dummy before the
 * probe's first unused entry, else that unused entry; used, fill, the bits, the hint, occ and
 * dmy kept).  Anything else (a resize, another key) calls rt_set_add, out of line. */
void set_add(Cg *cg, const MirInst *in, LLVMValueRef set, LLVMValueRef key)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef v = LLVMBuildAShr(b, key, ci64(cg, 1), "");
    LLVMValueRef u;
    LLVMValueRef ok = set_bits_ok(cg, set, key, &u);
    LLVMValueRef mask = load_field(cg, cg->i64, set, offsetof(SetObject, mask));
    ok = LLVMBuildAnd(b, ok, LLVMBuildICmp(b, LLVMIntULT, mask, ci64(cg, 64), ""), "");
    LLVMBasicBlockRef probe = new_bb(cg, "setadd.probe"), place = new_bb(cg, "setadd.place"),
                      store = new_bb(cg, "setadd.store"), hint = new_bb(cg, "setadd.hint"),
                      slow = new_bb(cg, "setadd.slow"), done = new_bb(cg, "setadd.done");
    br_hot(cg, ok, probe, slow);

    LLVMPositionBuilderAtEnd(b, probe);
    LLVMValueRef wp = smallbits_word(cg, set, u);
    LLVMValueRef word = LLVMBuildLoad2(b, cg->i64, wp, "");
    LLVMValueRef bit = LLVMBuildShl(b, ci64(cg, 1), LLVMBuildAnd(b, u, ci64(cg, 63), ""), "");
    LLVMValueRef present = LLVMBuildICmp(b, LLVMIntNE, LLVMBuildAnd(b, word, bit, ""),
                                         ci64(cg, 0), "");
    /* a small int's hash is its value, except -1 hashes to -2 */
    LLVMValueRef hash = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, v, ci64(cg, -1), ""),
                                        ci64(cg, -2), v, "");
    LLVMValueRef occ = load_field(cg, cg->i64, set, offsetof(SetObject, occ));
    LLVMValueRef dmy = load_field(cg, cg->i64, set, offsetof(SetObject, dmy));
    LLVMValueRef i0 = LLVMBuildAnd(b, hash, mask, "");
    LLVMBasicBlockRef loop = new_bb(cg, "setadd.loop"), next = new_bb(cg, "setadd.next");
    LLVMBasicBlockRef from = LLVMGetInsertBlock(b);
    LLVMBuildCondBr(b, present, done, loop);

    /* one probe group per turn (set.c absent_slot): i, perturb, the dummies of the last
     * group that had any (its highest is the last dummy passed); the loop ends, as a table
     * below its fill limit has an unused entry */
    LLVMPositionBuilderAtEnd(b, loop);
    LLVMValueRef pi = LLVMBuildPhi(b, cg->i64, ""), pp = LLVMBuildPhi(b, cg->i64, ""),
                 pd = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef len = LLVMBuildSelect(
        b, LLVMBuildICmp(b, LLVMIntULE, LLVMBuildAdd(b, pi, ci64(cg, 9), ""), mask, ""),
        ci64(cg, 10), ci64(cg, 1), "");
    LLVMValueRef group = LLVMBuildShl(
        b, LLVMBuildSub(b, LLVMBuildShl(b, ci64(cg, 1), len, ""), ci64(cg, 1), ""), pi, "");
    LLVMValueRef freebits = LLVMBuildAnd(b, LLVMBuildNot(b, occ, ""), group, "");
    LLVMValueRef dg = LLVMBuildAnd(b, dmy, group, "");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, freebits, ci64(cg, 0), ""), place, next);

    LLVMPositionBuilderAtEnd(b, next);
    LLVMValueRef nd = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, dg, ci64(cg, 0), ""), pd,
                                      dg, "");
    LLVMValueRef np = LLVMBuildLShr(b, pp, ci64(cg, 5), "");
    LLVMValueRef ni = LLVMBuildAnd(
        b, LLVMBuildAdd(b, LLVMBuildAdd(b, LLVMBuildMul(b, pi, ci64(cg, 5), ""), ci64(cg, 1), ""),
                        np, ""),
        mask, "");
    LLVMBuildBr(b, loop);
    LLVMPositionBuilderAtEnd(b, place);
    LLVMValueRef vi[2] = {i0, ni};
    LLVMValueRef vp[2] = {hash, np}, vd[2] = {ci64(cg, 0), nd};
    LLVMBasicBlockRef ins[2] = {from, next};
    LLVMAddIncoming(pi, vi, ins, 2);
    LLVMAddIncoming(pp, vp, ins, 2);
    LLVMAddIncoming(pd, vd, ins, 2);

    /* the first unused entry j of this group; the last dummy passed is the highest of this
     * group's dummies below j, else of the last earlier group's (fs < 0: none) */
    LLVMValueRef cargs[2] = {freebits, LLVMConstInt(cg->i1, 1, 0)};
    LLVMValueRef j = intrinsic(cg, "llvm.cttz", cg->i64, cargs, 2);
    LLVMValueRef d = LLVMBuildAnd(
        b, dg, LLVMBuildSub(b, LLVMBuildShl(b, ci64(cg, 1), j, ""), ci64(cg, 1), ""), "");
    d = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, d, ci64(cg, 0), ""), pd, d, "");
    LLVMValueRef largs[2] = {LLVMBuildOr(b, d, ci64(cg, 1), ""), LLVMConstInt(cg->i1, 1, 0)};
    LLVMValueRef top = LLVMBuildSub(b, ci64(cg, 63), intrinsic(cg, "llvm.ctlz", cg->i64, largs, 2),
                                    "");
    LLVMValueRef fs = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntEQ, d, ci64(cg, 0), ""),
                                      ci64(cg, -1), top, "");
    /* an unused entry: fill + 1, its occ bit, and no resize due; a dummy: its dmy bit off */
    LLVMBasicBlockRef fresh = new_bb(cg, "setadd.unused"), reuse = new_bb(cg, "setadd.dummy");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, fs, ci64(cg, 0), ""), fresh, reuse);
    LLVMPositionBuilderAtEnd(b, fresh);
    LLVMValueRef fill = LLVMBuildAdd(b, load_field(cg, cg->i64, set, offsetof(SetObject, fill)),
                                     ci64(cg, 1), "");
    LLVMValueRef room = LLVMBuildICmp(b, LLVMIntSLT, LLVMBuildMul(b, fill, ci64(cg, 5), ""),
                                      LLVMBuildMul(b, mask, ci64(cg, 3), ""), "");
    LLVMBasicBlockRef grown = new_bb(cg, "setadd.room");
    br_hot(cg, room, grown, slow);
    LLVMPositionBuilderAtEnd(b, grown);
    LLVMBuildStore(b, fill, field_ptr(cg, set, offsetof(SetObject, fill)));
    LLVMBuildStore(b, LLVMBuildOr(b, occ, LLVMBuildShl(b, ci64(cg, 1), j, ""), ""),
                   field_ptr(cg, set, offsetof(SetObject, occ)));
    LLVMBuildBr(b, store);
    LLVMPositionBuilderAtEnd(b, reuse);
    LLVMBuildStore(b, LLVMBuildAnd(b, dmy, LLVMBuildNot(b, LLVMBuildShl(b, ci64(cg, 1), fs, ""), ""),
                                   ""),
                   field_ptr(cg, set, offsetof(SetObject, dmy)));
    LLVMBuildBr(b, store);

    LLVMPositionBuilderAtEnd(b, store);
    LLVMValueRef slot = phi2(cg, cg->i64, j, grown, fs, reuse);
    LLVMValueRef table = load_field(cg, cg->ptr, set, offsetof(SetObject, table));
    LLVMValueRef off = LLVMBuildMul(b, slot, ci64(cg, (int64_t)sizeof(SetEntry)), "");
    LLVMValueRef e = LLVMBuildInBoundsGEP2(b, cg->i8, table, &off, 1, "");
    LLVMBuildStore(b, key, field_ptr(cg, e, offsetof(SetEntry, key)));
    LLVMBuildStore(b, hash, field_ptr(cg, e, offsetof(SetEntry, hash)));
    LLVMValueRef used = load_field(cg, cg->i64, set, offsetof(SetObject, used));
    LLVMBuildStore(b, LLVMBuildAdd(b, used, ci64(cg, 1), ""),
                   field_ptr(cg, set, offsetof(SetObject, used)));
    LLVMBuildStore(b, LLVMBuildOr(b, word, bit, ""), wp);
    LLVMValueRef hints = load_field(cg, cg->ptr, set, offsetof(SetObject, hints));
    LLVMBuildCondBr(b, LLVMBuildIsNotNull(b, hints, ""), hint, done);
    LLVMPositionBuilderAtEnd(b, hint);
    LLVMTypeRef i16 = LLVMInt16TypeInContext(cg->ctx);
    LLVMBuildStore(b, LLVMBuildTrunc(b, slot, i16, ""),
                   LLVMBuildInBoundsGEP2(b, i16, hints, &u, 1, ""));
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, slow);
    check_int(cg, in, RTC(cg, RTF_rt_set_add, set, key));
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
}

/* set.contains: a small int key in -64..63 of a set whose membership bits are valid (rt.h
 * SetObject.smallbits, bits_limit) is one bit test; anything else calls
 * rt_set_contains.  The result is the i1 "key in set". */
LLVMValueRef set_contains(Cg *cg, const MirInst *in, LLVMValueRef set, LLVMValueRef key)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef u;
    LLVMValueRef ok = set_bits_ok(cg, set, key, &u);
    LLVMBasicBlockRef fast = new_bb(cg, "setbits"), slow = new_bb(cg, "setbits.slow"),
                      done = new_bb(cg, "setbits.done");
    br_hot(cg, ok, fast, slow);
    LLVMPositionBuilderAtEnd(b, fast);
    LLVMValueRef w = LLVMBuildLoad2(b, cg->i64, smallbits_word(cg, set, u), "");
    LLVMValueRef sh = LLVMBuildLShr(b, w, LLVMBuildAnd(b, u, ci64(cg, 63), ""), "");
    LLVMValueRef fv = LLVMBuildTrunc(b, sh, cg->i1, "");
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, slow);
    leaf_call_depth(cg, 1);
    LLVMValueRef c = RTC(cg, RTF_rt_set_contains, set, key);
    leaf_call_depth(cg, -1);
    check_int(cg, in, c);
    LLVMValueRef sv = LLVMBuildICmp(b, LLVMIntNE, c, ci32(cg, 0), "");
    return join_slow(cg, cg->i1, done, fv, fast_end, sv);
}

/* n when iter.next `in` feeds only an unpack.seq of n (2..8) that opens its successor, whose
 * tuple feeds only the tuple.items that open the unpack's successor: the lowering of
 * `for a, b in it` and of comprehensions over it.  Then the tuple never escapes, and a zip or
 * enumerate may hand over a frame-local one instead of allocating (rt_next_unpack). */
static int fused_unpack_count(const MirFunction *mf, const MirInst *in)
{
    const MirBlock *t = in->target;
    if (!t || t->ninsts == 0)
        return 0;
    const MirInst *u = t->insts[0];
    if (u->op != MIR_UnpackSeq || u->nargs != 1 || u->args[0] != in || u->imm < 2 ||
        u->imm > 8 || !u->target)
        return 0;
    const MirBlock *ub = u->target;
    int head = 0;
    while (head < ub->ninsts && ub->insts[head]->op == MIR_TupleItem &&
           ub->insts[head]->args[0] == u)
        head++;
    for (int i = 0; i < mf->nblocks; i++) {
        const MirBlock *bl = mf->blocks[i];
        for (int j = 0; j < bl->ninsts; j++) {
            const MirInst *x = bl->insts[j];
            for (int k = 0; k < x->nargs; k++) {
                if (x->args[k] == in && x != u)
                    return 0;
                if (x->args[k] == u && !(bl == ub && j < head))
                    return 0;
            }
        }
    }
    return (int)u->imm;
}

/* The result r of a step that returns RT_ERR both when exhausted (nothing pending: on to
 * done) and after raising (the error path); continues in a new block where r is the item. */
static void next_ended(Cg *cg, const MirInst *in, LLVMBasicBlockRef done);

static void next_result(Cg *cg, const MirInst *in, LLVMValueRef r, LLVMBasicBlockRef done)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef chk = new_bb(cg, "next.end");
    LLVMBasicBlockRef cont = new_bb(cg, "");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, r, ci64(cg, 0), ""), chk, cont);
    LLVMPositionBuilderAtEnd(b, chk);
    next_ended(cg, in, done);
    LLVMPositionBuilderAtEnd(b, cont);
}

/* The step gave no item: the error path when an exception is pending, else done. */
static void next_ended(Cg *cg, const MirInst *in, LLVMBasicBlockRef done)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef p = rt_call0(cg, RTF_rt_exc_pending);
    LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, p, ci64(cg, 0), ""),
                                      err_path(cg, in), done);
    LLVMSetMetadata(br, cg->prof_kind, cg->cold_weights);
}

/* The generator function when iter.next `in` steps a generator that its call made right
 * there: iter of a positional call of a function.new whose code is a generator (not a
 * coroutine or async generator); else NULL.  Calling a fresh function object runs its ramp,
 * which makes a generator object (rt_generator_type) or raises; iter of a generator is
 * itself. */
static const MirFunction *known_gen(const MirInst *in)
{
    const MirInst *it = in->args[0];
    if (it->op != MIR_GetIter)
        return NULL;
    const MirInst *call = it->args[0];
    if (call->op != MIR_Call || call->nargs < 1 || call->args[0]->op != MIR_MakeFunction)
        return NULL;
    const MirFunction *fn = call->args[0]->func;
    unsigned kind = RT_CO_GENERATOR | RT_CO_COROUTINE | RT_CO_ASYNC_GEN;
    return fn && (fn->flags & kind) == RT_CO_GENERATOR ? fn : NULL;
}

/* Has fn's body an instruction with op o1 or o2? */
static int has_op(const MirFunction *fn, MirOp o1, MirOp o2)
{
    for (int i = 0; i < fn->nblocks; i++)
        for (int j = 0; j < fn->blocks[i]->ninsts; j++) {
            MirOp op = fn->blocks[i]->insts[j]->op;
            if (op == o1 || op == o2)
                return 1;
        }
    return 0;
}

/* iter.next over a known generator (known_gen): rt_gen_next's step inline, the body resumed
 * through llvm.coro.resume on its frame (no call into the runtime, no trampoline).  Only
 * the common case runs here, a created or suspended body with room for one more recursion
 * level; else rt_gen_next runs the step (and raises "generator already executing" or
 * RecursionError, or finds it exhausted).  As gen.c gen_resume: the sent value is None, the
 * exception handled inside the body is swapped in and out around it (CPython's
 * gi_exc_state), the level is entered and left; `throwing` is 0 between steps, so not set.
 * A body that returned or raised is closed by rt_gen_ended. */
static LLVMValueRef gen_next_known(Cg *cg, const MirInst *in, const MirFunction *fn,
                                   LLVMValueRef g, LLVMBasicBlockRef done)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef depth = cg_rt_tls(cg, "rt_recursion_depth");
    /* struct RtExcState (runtime/src/core.h): {pending, handled} */
    LLVMTypeRef est_t = LLVMArrayType2(cg->i64, 2);
    LLVMValueRef handled = field_ptr(cg, cg_rt_tls_of(cg, "rt_exc_state", est_t), sizeof(Value));
    LLVMValueRef limg = cg_rt_global(cg, "rt_recursion_limit", cg->i32);
    LLVMSetVisibility(limg, LLVMHiddenVisibility);
    LLVMValueRef state = load_field(cg, cg->i32, g, offsetof(GenObject, state));
    LLVMValueRef nd = LLVMBuildNSWAdd(b, LLVMBuildLoad2(b, cg->i32, depth, ""), ci32(cg, 1), "");
    LLVMValueRef ok = LLVMBuildAnd(
        b, LLVMBuildICmp(b, LLVMIntULE, state, ci32(cg, RT_GEN_SUSPENDED), ""),
        LLVMBuildICmp(b, LLVMIntSLE, nd, LLVMBuildLoad2(b, cg->i32, limg, ""), ""), "");
    LLVMBasicBlockRef fast = new_bb(cg, "gen.resume"), slow = new_bb(cg, "gen.slow"),
                      yielded = new_bb(cg, "gen.yielded"), ended = new_bb(cg, "gen.ended"),
                      joined = new_bb(cg, "gen.value");
    br_hot(cg, ok, fast, slow);

    LLVMPositionBuilderAtEnd(b, fast);
    LLVMBuildStore(b, nd, depth);
    LLVMBuildStore(b, cg_rt_object(cg, "rt_None_obj"), field_ptr(cg, g, offsetof(GenObject, transfer)));
    LLVMBuildStore(b, ci32(cg, 0), field_ptr(cg, g, offsetof(GenObject, status)));
    /* a body without handlers (no exc.catch) never changes the handled exception across a
     * suspension (only handlers and gen.c's swap set it; calls restore it), so its
     * exc_state stays 0 and the swap is the identity */
    int swap = has_op(fn, MIR_ExcCatch, MIR_ExcCatch);
    LLVMValueRef prev = swap ? LLVMBuildLoad2(b, cg->i64, handled, "") : NULL;
    if (swap) {
        LLVMValueRef es = load_field(cg, cg->i64, g, offsetof(GenObject, exc_state));
        LLVMBuildStore(b, LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntNE, es, ci64(cg, 0), ""),
                                          es, prev, ""), handled);
    }
    LLVMBuildStore(b, ci32(cg, RT_GEN_RUNNING), field_ptr(cg, g, offsetof(GenObject, state)));
    LLVMValueRef frame = load_field(cg, cg->ptr, g, offsetof(GenObject, frame));
    coro_intrinsic(cg, "llvm.coro.resume", NULL, 0, &frame, 1);
    if (swap) {
        LLVMValueRef cur = LLVMBuildLoad2(b, cg->i64, handled, "");
        LLVMBuildStore(b, LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntNE, cur, prev, ""), cur,
                                          ci64(cg, 0), ""),
                       field_ptr(cg, g, offsetof(GenObject, exc_state)));
        LLVMBuildStore(b, prev, handled);
    }
    LLVMBuildStore(b, LLVMBuildSub(b, LLVMBuildLoad2(b, cg->i32, depth, ""), ci32(cg, 1), ""),
                   depth);
    LLVMValueRef st = load_field(cg, cg->i32, g, offsetof(GenObject, status));
    LLVMValueRef out = load_field(cg, cg->i64, g, offsetof(GenObject, transfer));
    LLVMBuildStore(b, ci64(cg, 0), field_ptr(cg, g, offsetof(GenObject, transfer)));
    LLVMValueRef susp = LLVMBuildICmp(b, LLVMIntEQ, st, ci32(cg, RT_GEN_YIELDED), "");
    if (has_op(fn, MIR_YieldFrom, MIR_Await))   /* else a step never ends RT_GEN_DELEGATED */
        susp = LLVMBuildOr(b, susp,
                           LLVMBuildICmp(b, LLVMIntEQ, st, ci32(cg, RT_GEN_DELEGATED), ""), "");
    br_hot(cg, susp, yielded, ended);

    /* a yielded value is never RT_ERR: straight to the item */
    LLVMPositionBuilderAtEnd(b, yielded);
    LLVMBuildStore(b, ci32(cg, RT_GEN_SUSPENDED), field_ptr(cg, g, offsetof(GenObject, state)));
    LLVMBuildBr(b, joined);

    LLVMPositionBuilderAtEnd(b, ended);
    RTC(cg, RTF_rt_gen_ended, g, st);
    next_ended(cg, in, done);

    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef rs = RTC(cg, RTF_rt_gen_next, g);
    next_result(cg, in, rs, done);
    LLVMBasicBlockRef slow_item = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, joined);

    LLVMPositionBuilderAtEnd(b, joined);
    LLVMValueRef r = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef vs[2] = {out, rs};
    LLVMBasicBlockRef bs[2] = {yielded, slow_item};
    LLVMAddIncoming(r, vs, bs, 2);
    return r;
}

/* iter.next: the int64 range iterator (rt_containers.h RangeIterObject) and the list
 * iterator (ListIterObject) are stepped inline, for loops and comprehensions over range()
 * and lists; any other iterator goes through rt_next (which has a direct path for
 * generators).  Exhaustion branches to target2; an exception takes the error path. */
LLVMValueRef iter_next(Cg *cg, const MirInst *in, LLVMValueRef it)
{
    CgFn *f = cg->fn;
    LLVMBuilderRef b = cg->b;
    if (!in->target2)
        cg_die(cg, "iter.next without an exhausted successor in %s", f->mf->symbol);
    LLVMBasicBlockRef done = llvm_block(f, in->target2);
    const MirFunction *gf = known_gen(in);
    if (gf && !fused_unpack_count(f->mf, in))
        return gen_next_known(cg, in, gf, it, done);
    LLVMValueRef is_obj = LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildAnd(b, it, ci64(cg, 1), ""),
                                        ci64(cg, 0), "");
    /* the type of a small int is never loaded: None stands in for it */
    LLVMValueRef type = load_field(cg, cg->ptr, LLVMBuildSelect(b, is_obj, it,
                                   cg_rt_object(cg, "rt_None_obj"), ""), 0);
    LLVMValueRef is_ri = LLVMBuildAnd(
        b, is_obj, LLVMBuildICmp(b, LLVMIntEQ, type,
                                 cg_rt_global(cg, "rt_range_iterator_type", cg->i8), ""), "");
    LLVMBasicBlockRef ri = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "rangeiter");
    LLVMBasicBlockRef ri_more = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "rangeiter.more");
    LLVMBasicBlockRef not_ri = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "next.notrange");
    LLVMBasicBlockRef li = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "listiter");
    LLVMBasicBlockRef gen_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "next.generic");
    LLVMBasicBlockRef joined = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "next.value");
    LLVMBuildCondBr(b, is_ri, ri, not_ri);

    /* range: `left` values remain; the next is cur, then cur += step unless it was the last */
    LLVMPositionBuilderAtEnd(b, ri);
    LLVMValueRef left = load_field(cg, cg->i64, it, offsetof(RangeIterObject, left));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLE, left, ci64(cg, 0), ""), done, ri_more);
    LLVMPositionBuilderAtEnd(b, ri_more);
    LLVMValueRef nleft = LLVMBuildSub(b, left, ci64(cg, 1), "");
    LLVMBuildStore(b, nleft, field_ptr(cg, it, offsetof(RangeIterObject, left)));
    LLVMValueRef cur = load_field(cg, cg->i64, it, offsetof(RangeIterObject, cur));
    LLVMValueRef step = load_field(cg, cg->i64, it, offsetof(RangeIterObject, step));
    LLVMValueRef ncur = LLVMBuildSelect(b, LLVMBuildICmp(b, LLVMIntNE, nleft, ci64(cg, 0), ""),
                                        LLVMBuildAdd(b, cur, step, ""), cur, "");
    LLVMBuildStore(b, ncur, field_ptr(cg, it, offsetof(RangeIterObject, cur)));
    LLVMValueRef r_range = LLVMBuildOr(b, LLVMBuildShl(b, cur, ci64(cg, 1), ""), ci64(cg, 1), "");
    LLVMBuildBr(b, joined);

    /* list: the list is dropped (seq = 0) once exhausted, as listiter_next does, so that a
     * list grown afterwards is not resumed */
    LLVMPositionBuilderAtEnd(b, not_ri);
    LLVMValueRef is_li = LLVMBuildAnd(
        b, is_obj, LLVMBuildICmp(b, LLVMIntEQ, type,
                                 cg_rt_global(cg, "rt_list_iterator_type", cg->i8), ""), "");
    LLVMBuildCondBr(b, is_li, li, gen_bb);
    LLVMPositionBuilderAtEnd(b, li);
    LLVMValueRef seq;
    LLVMBasicBlockRef li_end;
    LLVMValueRef idx = list_iter_step(cg, it, done, &seq, &li_end);
    LLVMBasicBlockRef li_item = LLVMGetInsertBlock(b);
    LLVMValueRef items = load_field(cg, cg->ptr, seq, offsetof(ListObject, items));
    LLVMValueRef r_list = LLVMBuildLoad2(b, cg->i64,
                                         LLVMBuildInBoundsGEP2(b, cg->i64, items, &idx, 1, ""), "");
    LLVMBuildBr(b, joined);

    /* 0 and nothing pending = exhausted: a warm branch (every loop ends there) */
    LLVMPositionBuilderAtEnd(b, gen_bb);
    int nf = fused_unpack_count(f->mf, in);
    LLVMValueRef r;
    if (nf) {
        /* the site's own TupleObject-shaped buffer */
        size_t words = (offsetof(TupleObject, items) + (size_t)nf * sizeof(Value)) / 8;
        LLVMValueRef buf = entry_alloca(cg, words, "unpackbuf");
        r = RTC(cg, RTF_rt_next_unpack, it, buf, ci64(cg, nf));
    } else {
        /* a generator's step without rt_next's dispatch (for x in gen()) */
        LLVMBasicBlockRef g_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "next.gen");
        LLVMBasicBlockRef o_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "next.other");
        LLVMBasicBlockRef c_bb = LLVMAppendBasicBlockInContext(cg->ctx, f->fn, "next.called");
        LLVMValueRef is_gen = LLVMBuildAnd(
            b, is_obj, LLVMBuildICmp(b, LLVMIntEQ, type,
                                     cg_rt_global(cg, "rt_generator_type", cg->i8), ""), "");
        LLVMBuildCondBr(b, is_gen, g_bb, o_bb);
        LLVMPositionBuilderAtEnd(b, g_bb);
        LLVMValueRef rg = RTC(cg, RTF_rt_gen_next, it);
        LLVMBuildBr(b, c_bb);
        LLVMPositionBuilderAtEnd(b, o_bb);
        LLVMValueRef ro = RTC(cg, RTF_rt_next, it);
        LLVMBuildBr(b, c_bb);
        LLVMPositionBuilderAtEnd(b, c_bb);
        r = LLVMBuildPhi(b, cg->i64, "");
        LLVMValueRef vs[2] = {rg, ro};
        LLVMBasicBlockRef bs[2] = {g_bb, o_bb};
        LLVMAddIncoming(r, vs, bs, 2);
    }
    next_result(cg, in, r, done);
    LLVMBasicBlockRef cont = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, joined);

    LLVMPositionBuilderAtEnd(b, joined);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->i64, "");
    LLVMValueRef vals[3] = {r_range, r_list, r};
    LLVMBasicBlockRef bbs[3] = {ri_more, li_item, cont};
    LLVMAddIncoming(phi, vals, bbs, 3);
    return phi;
}

