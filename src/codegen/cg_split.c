/*
 * cg_split.c - optimisation and object emission on two threads (cg.h cg_split_start).
 *
 * Nearly all of a build's time is LLVM's: the optimisation pipeline and then instruction
 * selection and register allocation.  Both work mostly one function at a time, so the module
 * is cut into two partitions before the pipeline, each optimised and emitted to its own object
 * file on its own thread, and the linker joins the objects: the build machine's second core
 * does half of the work.  (rustc's "codegen units" and ThinLTO's back ends do the same.)
 *
 * What the cut must not change is inlining, the one decision that reaches across functions and
 * matters for speed.  A function stays with every caller that calls it directly when LLVM could
 * inline it there: it is small (SPLIT_INLINE_MAX instructions), or marked alwaysinline, and not
 * noinline.  So the partitions are unions of the components of the "may be inlined into" graph,
 * dealt heaviest first to the lighter side (weight: instructions; an optnone function costs
 * about a quarter, FastISel and no pipeline).  When that cannot give the lighter side a
 * quarter of the work, nothing is cut.
 *
 * The cut itself:
 *   - a symbol referenced from the other partition (a call of a big function, a function
 *     pointer in the program's data, a global) becomes a hidden external one (a private or
 *     unnamed one gets a fresh "aithon.p.N" name); hidden symbols are still bound inside the
 *     executable, without the GOT or the PLT; the others stay internal, so LLVM may still
 *     inline and drop them as before;
 *   - partition 0 is the module itself with partition 1's function bodies deleted; partition
 *     1 is a copy made through bitcode in a context of its own (LLVM contexts are not shared
 *     between threads) that keeps only its functions' bodies: the module data (constants,
 *     tables, llvm.global_ctors) is defined in partition 0 only.
 * Each partition is deterministic, so the objects do not depend on the threads' timing.
 * AITHON_SPLIT=0 keeps one module on one thread (to compare build times and code).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/BitWriter.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "cg.h"

enum {
    SPLIT_MIN_WEIGHT = 6000,  /* below this, one thread is quicker than making the copy */
    SPLIT_INLINE_MAX = 600,   /* a callee this small may be inlined: it stays with its callers */
};

static void *xcalloc_or_die(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

static int has_attr(LLVMValueRef fn, const char *name)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
    return LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, kind) != NULL;
}

static long count_insts(LLVMValueRef fn)
{
    long n = 0;
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b; b = LLVMGetNextBasicBlock(b))
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i))
            n++;
    return n;
}

static int is_llvm_name(LLVMValueRef g)
{
    size_t len;
    const char *name = LLVMGetValueName2(g, &len);
    return len >= 5 && strncmp(name, "llvm.", 5) == 0;
}

/* Turns a definition into a hidden external declaration: uses of its instructions go first
 * (to poison), so that erasing them and then the emptied blocks leaves nothing pointing at
 * them. */
static void delete_body(LLVMValueRef fn)
{
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b; b = LLVMGetNextBasicBlock(b))
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i))
            if (LLVMGetTypeKind(LLVMTypeOf(i)) != LLVMVoidTypeKind)
                LLVMReplaceAllUsesWith(i, LLVMGetPoison(LLVMTypeOf(i)));
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b; b = LLVMGetNextBasicBlock(b)) {
        LLVMValueRef i = LLVMGetLastInstruction(b);
        while (i) {
            LLVMValueRef prev = LLVMGetPreviousInstruction(i);
            LLVMInstructionEraseFromParent(i);
            i = prev;
        }
    }
    LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn);
    while (b) {
        LLVMBasicBlockRef next = LLVMGetNextBasicBlock(b);
        LLVMDeleteBasicBlock(b);
        b = next;
    }
    if (LLVMHasPersonalityFn(fn))
        LLVMSetPersonalityFn(fn, NULL);
    LLVMGlobalClearMetadata(fn);
    LLVMSetLinkage(fn, LLVMExternalLinkage);
    LLVMSetVisibility(fn, LLVMHiddenVisibility);
}

/* ---- a map from LLVM values to ints (open addressing; keys never removed) ---- */

typedef struct VMap {
    LLVMValueRef *keys;
    int *vals;
    size_t cap, n;
} VMap;

static size_t vhash(LLVMValueRef v)
{
    uintptr_t x = (uintptr_t)v;
    x ^= x >> 17;
    x *= 0x9e3779b97f4a7c15u;
    return (size_t)(x ^ (x >> 29));
}

static int *vmap_slot(VMap *m, LLVMValueRef v, int add)
{
    if (add && (m->n + 1) * 2 > m->cap) {
        VMap big = {xcalloc_or_die(m->cap ? m->cap * 2 : 64, sizeof *big.keys),
                    xcalloc_or_die(m->cap ? m->cap * 2 : 64, sizeof *big.vals),
                    m->cap ? m->cap * 2 : 64, 0};
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i])
                *vmap_slot(&big, m->keys[i], 1) = m->vals[i];
        free(m->keys);
        free(m->vals);
        *m = big;
    }
    if (!m->cap)
        return NULL;
    for (size_t i = vhash(v) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == v)
            return &m->vals[i];
        if (!m->keys[i]) {
            if (!add)
                return NULL;
            m->keys[i] = v;
            m->vals[i] = 0;
            m->n++;
            return &m->vals[i];
        }
    }
}

static void vmap_free(VMap *m)
{
    free(m->keys);
    free(m->vals);
}

/* ---- partitioning ---- */

typedef struct Fn {
    LLVMValueRef fn;
    long weight;
    int parent;      /* union-find */
    int part;
} Fn;

static int find(Fn *f, int i)
{
    while (f[i].parent != i) {
        f[i].parent = f[f[i].parent].parent;
        i = f[i].parent;
    }
    return i;
}

/* Which partitions use v (bit p: partition p): through instructions of functions, through
 * global initializers (partition 0: the module data), or through constants using it. */
static unsigned user_parts(LLVMValueRef v, const Fn *fns, VMap *index, VMap *memo)
{
    unsigned mask = 0;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef user = LLVMGetUser(u);
        if (LLVMIsAInstruction(user)) {
            LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(user));
            int *k = vmap_slot(index, fn, 0);
            mask |= k ? 1u << fns[*k].part : 1u;
        } else if (LLVMIsAGlobalValue(user)) {
            int *k = LLVMIsAFunction(user) ? vmap_slot(index, user, 0) : NULL;
            mask |= k ? 1u << fns[*k].part : 1u;   /* a personality, or a global's data */
        } else {
            int *seen = vmap_slot(memo, user, 0);
            int parts = seen ? *seen : (int)user_parts(user, fns, index, memo);
            if (!seen)
                *vmap_slot(memo, user, 1) = parts;   /* after the recursion: it may grow memo */
            mask |= (unsigned)parts;
        }
    }
    return mask;
}

static int is_local(LLVMValueRef g)
{
    LLVMLinkage l = LLVMGetLinkage(g);
    return l == LLVMInternalLinkage || l == LLVMPrivateLinkage;
}

static void externalise(LLVMValueRef g, int *counter)
{
    size_t len;
    LLVMGetValueName2(g, &len);
    if (len == 0 || LLVMGetLinkage(g) == LLVMPrivateLinkage) {
        char name[32];
        snprintf(name, sizeof name, "aithon.p.%d", (*counter)++);
        LLVMSetValueName2(g, name, strlen(name));
    }
    LLVMSetLinkage(g, LLVMExternalLinkage);
    LLVMSetVisibility(g, LLVMHiddenVisibility);
}

typedef struct Comp {
    int root;
    long weight;
} Comp;

static int heavier_first(const void *a, const void *b)
{
    long wa = ((const Comp *)a)->weight, wb = ((const Comp *)b)->weight;
    return wa < wb ? 1 : wa > wb ? -1 : ((const Comp *)a)->root - ((const Comp *)b)->root;
}

/* Deals fns[0..n) to two partitions (fns[i].part); returns 0 when the lighter one would get
 * less than a quarter of the weight. */
static int partition(Fn *fns, int n, VMap *index, long total)
{
    for (int i = 0; i < n; i++)
        for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fns[i].fn); b;
             b = LLVMGetNextBasicBlock(b))
            for (LLVMValueRef in = LLVMGetFirstInstruction(b); in;
                 in = LLVMGetNextInstruction(in)) {
                if (!LLVMIsACallInst(in) && !LLVMIsAInvokeInst(in))
                    continue;
                int *k = vmap_slot(index, LLVMGetCalledValue(in), 0);
                if (!k || has_attr(fns[*k].fn, "noinline"))
                    continue;
                if (fns[*k].weight <= SPLIT_INLINE_MAX || has_attr(fns[*k].fn, "alwaysinline"))
                    fns[find(fns, i)].parent = find(fns, *k);
            }
    Comp *comps = xcalloc_or_die((size_t)n, sizeof *comps);
    int ncomps = 0;
    for (int i = 0; i < n; i++)
        if (find(fns, i) == i)
            comps[ncomps++].root = i;
    for (int c = 0; c < ncomps; c++)
        for (int i = 0; i < n; i++)
            if (find(fns, i) == comps[c].root)
                comps[c].weight += fns[i].weight;
    qsort(comps, (size_t)ncomps, sizeof *comps, heavier_first);
    /* partition 1 also reads the bitcode back: it is filled to a little under half */
    long load[2] = {0, total / 20};
    for (int c = 0; c < ncomps; c++) {
        int p = load[1] < load[0];
        load[p] += comps[c].weight;
        comps[c].weight = p;    /* now: the partition */
    }
    for (int i = 0; i < n; i++)
        for (int c = 0; c < ncomps; c++)
            if (comps[c].root == find(fns, i))
                fns[i].part = (int)comps[c].weight;
    free(comps);
    load[1] -= total / 20;
    return (load[0] < load[1] ? load[0] : load[1]) * 4 >= total;
}

/* ---- the second partition's thread ---- */

struct CgSplit {
    LLVMMemoryBufferRef bitcode;
    char **names;               /* functions whose bodies partition 1 keeps */
    int nnames;
    LLVMTargetRef target;
    const char *triple;
    LLVMCodeGenOptLevel level;
    const char *passes;
    int verify;
    const char *path;
    pthread_t thread;
    int threaded;
    char *err;                  /* malloc'd on failure */
};

static char *dup_msg(const char *prefix, const char *msg)
{
    size_t n = strlen(prefix) + strlen(msg ? msg : "") + 1;
    char *s = xcalloc_or_die(n, 1);
    snprintf(s, n, "%s%s", prefix, msg ? msg : "");
    return s;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *run_and_emit(LLVMModuleRef mod, const CgSplit *sp)
{
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(sp->target, sp->triple, "generic", "",
                                                      sp->level, LLVMRelocPIC,
                                                      LLVMCodeModelDefault);
    char *err = NULL, *msg = NULL;
    LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
    LLVMErrorRef e = LLVMRunPasses(mod, sp->passes, tm, po);
    LLVMDisposePassBuilderOptions(po);
    if (e) {
        char *em = LLVMGetErrorMessage(e);
        err = dup_msg("LLVM passes (second partition): ", em);
        LLVMDisposeErrorMessage(em);
    } else if (sp->verify && LLVMVerifyModule(mod, LLVMReturnStatusAction, &msg)) {
        err = dup_msg("LLVM verifier (second partition, after optimisation): ", msg);
    } else if (LLVMTargetMachineEmitToFile(tm, mod, (char *)sp->path, LLVMObjectFile, &msg)) {
        err = dup_msg("cannot emit code: ", msg);
    }
    if (msg)
        LLVMDisposeMessage(msg);
    LLVMDisposeTargetMachine(tm);
    return err;
}

static void *second_partition(void *arg)
{
    CgSplit *sp = arg;
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef mod = NULL;
    if (LLVMParseBitcodeInContext2(ctx, sp->bitcode, &mod)) {
        sp->err = dup_msg("cannot read back the module's bitcode", "");
        LLVMContextDispose(ctx);
        return NULL;
    }
    for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f)) {
        size_t len;
        const char *name = LLVMGetValueName2(f, &len);
        if (LLVMCountBasicBlocks(f) > 0 &&
            !bsearch(&name, sp->names, (size_t)sp->nnames, sizeof *sp->names, by_name))
            delete_body(f);
    }
    LLVMValueRef g = LLVMGetFirstGlobal(mod);
    while (g) {
        LLVMValueRef next = LLVMGetNextGlobal(g);
        if (is_llvm_name(g)) {
            LLVMDeleteGlobal(g);
        } else if (LLVMGetInitializer(g)) {
            LLVMSetInitializer(g, NULL);
            LLVMSetLinkage(g, LLVMExternalLinkage);
            LLVMSetVisibility(g, LLVMHiddenVisibility);
        }
        g = next;
    }
    sp->err = run_and_emit(mod, sp);
    LLVMDisposeModule(mod);
    LLVMContextDispose(ctx);
    return NULL;
}

CgSplit *cg_split_start(LLVMModuleRef mod, LLVMTargetRef target, const char *triple,
                        LLVMCodeGenOptLevel level, const char *passes, int verify,
                        const char *path1)
{
    const char *e = getenv("AITHON_SPLIT");
    if (e && *e == '0')
        return NULL;
    int nfns = 0;
    for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
        nfns++;
    Fn *fns = xcalloc_or_die((size_t)nfns, sizeof *fns);
    VMap index = {0}, memo = {0};
    int n = 0;
    long total = 0;
    for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f)) {
        if (LLVMCountBasicBlocks(f) == 0)
            continue;
        long w = count_insts(f);
        fns[n] = (Fn){f, has_attr(f, "optnone") ? w / 4 + 1 : w, n, 0};
        *vmap_slot(&index, f, 1) = n;
        total += fns[n++].weight;
    }
    if (total < SPLIT_MIN_WEIGHT || !partition(fns, n, &index, total)) {
        free(fns);
        vmap_free(&index);
        return NULL;
    }

    /* symbols the other partition refers to become hidden external ones */
    int counter = 0;
    for (int i = 0; i < n; i++)
        if (is_local(fns[i].fn) &&
            (user_parts(fns[i].fn, fns, &index, &memo) & ~(1u << fns[i].part)))
            externalise(fns[i].fn, &counter);
    for (LLVMValueRef g = LLVMGetFirstGlobal(mod); g; g = LLVMGetNextGlobal(g))
        if (!is_llvm_name(g) && is_local(g) && (user_parts(g, fns, &index, &memo) & 2u))
            externalise(g, &counter);
    /* every function needs a name for the copy to be told which bodies to keep */
    for (int i = 0; i < n; i++) {
        size_t len;
        LLVMGetValueName2(fns[i].fn, &len);
        if (len == 0)
            externalise(fns[i].fn, &counter);
    }

    CgSplit *sp = xcalloc_or_die(1, sizeof *sp);
    *sp = (CgSplit){.target = target, .triple = triple, .level = level, .passes = passes,
                    .verify = verify, .path = path1};
    sp->names = xcalloc_or_die((size_t)n, sizeof *sp->names);
    for (int i = 0; i < n; i++)
        if (fns[i].part == 1) {
            size_t len;
            sp->names[sp->nnames++] = strdup(LLVMGetValueName2(fns[i].fn, &len));
        }
    qsort(sp->names, (size_t)sp->nnames, sizeof *sp->names, by_name);
    sp->bitcode = LLVMWriteBitcodeToMemoryBuffer(mod);
    sp->threaded = pthread_create(&sp->thread, NULL, second_partition, sp) == 0;
    if (!sp->threaded)
        second_partition(sp);
    for (int i = 0; i < n; i++)
        if (fns[i].part == 1)
            delete_body(fns[i].fn);
    free(fns);
    vmap_free(&index);
    vmap_free(&memo);
    return sp;
}

int cg_split_finish(CgSplit *sp, char **err)
{
    if (sp->threaded)
        pthread_join(sp->thread, NULL);
    int rc = 0;
    if (sp->err) {
        if (!*err)
            *err = sp->err;
        else
            free(sp->err);
        rc = -1;
    }
    LLVMDisposeMemoryBuffer(sp->bitcode);
    for (int i = 0; i < sp->nnames; i++)
        free(sp->names[i]);
    free(sp->names);
    free(sp);
    return rc;
}
