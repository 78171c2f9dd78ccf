/*
 * cg_emit.h - what codegen.c, cg_num.c and cg_list.c share while lowering one function: the
 * small emission helpers (constants, field access, runtime calls, cold branches), the error
 * paths, and the typed tier's number and container emitters.  cg.h is what the rest of the
 * code generator sees.
 */
#ifndef AITHON_CG_EMIT_H
#define AITHON_CG_EMIT_H

#include "cg.h"

#define TUPLE_INLINE_MAX 4
enum { TBAA_LIST_SIZE, TBAA_LIST_ITEMS, TBAA_LIST_ITEM, TBAA_LISTITER_SEQ, TBAA_LISTITER_I,
       TBAA_ENUM_IT, TBAA_ENUM_COUNT };

LLVMValueRef access_index(Cg *cg, const MirInst *in, LLVMValueRef list, LLVMValueRef i, int get);
LLVMValueRef box_bool(Cg *cg, LLVMValueRef c);
void br_cold(Cg *cg, LLVMValueRef cond, LLVMBasicBlockRef err_bb);
void br_hot(Cg *cg, LLVMValueRef cond, LLVMBasicBlockRef hot, LLVMBasicBlockRef cold);
LLVMValueRef build_tuple(Cg *cg, const MirInst *in);
void check_int(Cg *cg, const MirInst *in, LLVMValueRef r);
void check_value(Cg *cg, const MirInst *in, LLVMValueRef r);
void clone_ret_pair(Cg *cg, LLVMValueRef v, LLVMValueRef error);
void clone_return(Cg *cg, LLVMValueRef v, int error);
LLVMValueRef coro_intrinsic(Cg *cg, const char *name, LLVMTypeRef *ovl, size_t novl,
                            LLVMValueRef *args, unsigned n);
LLVMValueRef emit_rt_call(Cg *cg, int id, LLVMValueRef *args, unsigned n);
LLVMValueRef entry_alloca(Cg *cg, size_t words, const char *name);
LLVMValueRef enum_item(Cg *cg, const MirInst *in, LLVMValueRef e);
LLVMValueRef enum_next(Cg *cg, LLVMValueRef e);
LLVMBasicBlockRef err_path(Cg *cg, const MirInst *in);
const MirBlock *exc_target(CgFn *f, const MirInst *in);
LLVMValueRef f_divmod(Cg *cg, const MirInst *in, LLVMValueRef x, LLVMValueRef w);
LLVMValueRef f_pow(Cg *cg, const MirInst *in, LLVMValueRef x, LLVMValueRef y);
LLVMValueRef f_toint(Cg *cg, const MirInst *in, LLVMValueRef d);
LLVMRealPredicate fcmp_pred(int op);
LLVMValueRef field_ptr(Cg *cg, LLVMValueRef base, size_t off);
LLVMValueRef fill_buf(Cg *cg, const MirInst *in, int from, int n, int at);
LLVMValueRef flist_tagged(Cg *cg, const MirInst *in, LLVMValueRef lst, LLVMValueRef key);
LLVMValueRef i_bit(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef c);
LLVMValueRef i_divmod(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef d);
LLVMValueRef i_truediv(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef d);
LLVMIntPredicate icmp_pred(int op);
LLVMValueRef int_arith(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef b2);
LLVMValueRef int_bit(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef b2);
LLVMValueRef int_clamp(Cg *cg, LLVMValueRef a);
LLVMValueRef int_cmp(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef b2);
LLVMValueRef int_divmod(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef b2);
LLVMValueRef int_to_f(Cg *cg, const MirInst *in, LLVMValueRef a);
LLVMValueRef int_truediv(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef d);
LLVMValueRef intrinsic(Cg *cg, const char *name, LLVMTypeRef t, LLVMValueRef *args, unsigned n);
LLVMValueRef item_load(Cg *cg, const MirInst *in, LLVMValueRef items, LLVMValueRef idx);
void item_store(Cg *cg, const MirInst *in, LLVMValueRef items, LLVMValueRef idx, LLVMValueRef v);
LLVMValueRef iter_next(Cg *cg, const MirInst *in, LLVMValueRef it);
LLVMValueRef join_slow(Cg *cg, LLVMTypeRef t, LLVMBasicBlockRef done, LLVMValueRef fv,
                       LLVMBasicBlockRef fast_end, LLVMValueRef sv);
void leaf_call_depth(Cg *cg, int delta);
void list_append_unboxed(Cg *cg, const MirInst *in, LLVMValueRef lst, LLVMValueRef v);
LLVMValueRef list_dup_local(Cg *cg, const MirInst *in, LLVMValueRef src);
LLVMValueRef list_items(Cg *cg, LLVMValueRef lst);
LLVMValueRef list_pop(Cg *cg, const MirInst *in, LLVMValueRef list);
LLVMValueRef list_revprefix(Cg *cg, const MirInst *in, LLVMValueRef lst);
LLVMValueRef list_size(Cg *cg, LLVMValueRef lst);
LLVMValueRef list_tagged(Cg *cg, const MirInst *in, LLVMValueRef lst, LLVMValueRef key);
LLVMValueRef load_field(Cg *cg, LLVMTypeRef t, LLVMValueRef base, size_t off);
int local_list(const MirFunction *mf, const MirInst *dup);
LLVMBasicBlockRef new_bb(Cg *cg, const char *name);
LLVMValueRef num_to_f(Cg *cg, const MirInst *in, LLVMValueRef a);
LLVMValueRef phi2(Cg *cg, LLVMTypeRef t, LLVMValueRef a, LLVMBasicBlockRef ab, LLVMValueRef b2,
                  LLVMBasicBlockRef bb);
void raise_if(Cg *cg, const MirInst *in, LLVMValueRef cond, const char *exc_global,
              const char *msg);
LLVMValueRef raise_str(Cg *cg, const char *type_global, const char *msg);
void set_add(Cg *cg, const MirInst *in, LLVMValueRef set, LLVMValueRef key);
LLVMValueRef set_contains(Cg *cg, const MirInst *in, LLVMValueRef set, LLVMValueRef key);
void set_remove(Cg *cg, const MirInst *in, LLVMValueRef set, LLVMValueRef key);
LLVMBasicBlockRef spec_restart(Cg *cg);
LLVMValueRef str_eq(Cg *cg, const MirInst *in, LLVMValueRef a, LLVMValueRef c);
LLVMValueRef str_item(Cg *cg, const MirInst *in, LLVMValueRef s, LLVMValueRef k);
LLVMValueRef tag(Cg *cg, LLVMValueRef i);
LLVMValueRef tbaa(Cg *cg, LLVMValueRef inst, int kind);
LLVMValueRef val(Cg *cg, const MirInst *arg);

static inline LLVMValueRef ci64(Cg *cg, int64_t v) { return LLVMConstInt(cg->i64, (uint64_t)v, 1); }
static inline LLVMValueRef ci32(Cg *cg, int v) { return LLVMConstInt(cg->i32,
                                (uint64_t)(int64_t)v, 1); }
static inline LLVMValueRef rt_call0(Cg *cg, int id) { return emit_rt_call(cg, id, NULL, 0); }
static inline LLVMBasicBlockRef llvm_block(CgFn *f, const MirBlock *b) { return f->bbs[b->id]; }
static inline LLVMValueRef dyn_none(Cg *cg) { return cg_rt_object(cg, "rt_None_obj"); }
static inline LLVMValueRef untag(Cg *cg, LLVMValueRef v) { return LLVMBuildAShr(cg->b, v, ci64(cg,
                                 1), ""); }

#define RTC(cg, id, ...)                                                                    \
    emit_rt_call(cg, id, (LLVMValueRef[]){__VA_ARGS__},                                          \
            sizeof((LLVMValueRef[]){__VA_ARGS__}) / sizeof(LLVMValueRef))

#endif
