/*
 * cg_split.c - object emission on two threads (cg.h cg_emit_split).
 *
 * Half of a build's time is LLVM's instruction selection and register allocation, which work
 * one function at a time.  After the optimisation pipeline the module is cut into two
 * partitions of about equal weight, each emitted to its own object file on its own thread, and
 * the linker joins them: the build machine's second core does half of the work.  (rustc's
 * "codegen units" and ThinLTO's back ends do the same.)  The objects hold the same code a
 * single one would: the cut comes after every optimisation, so it changes no inlining
 * decision, only which object file holds which function.
 *
 * The cut:
 *   - every internal or private symbol becomes a hidden external one (a private name gets a
 *     fresh "aithon.p.N" one), so each object can refer to what the other defines; hidden
 *     symbols are still bound inside the executable, without the GOT or the PLT;
 *   - functions are dealt to the lighter partition, heaviest first (weight: instructions; an
 *     optnone function's FastISel costs about a quarter);
 *   - partition 0 is the module itself, minus partition 1's function bodies; partition 1 is a
 *     copy made through bitcode in a context of its own (LLVM contexts are not shared between
 *     threads), holding only its functions' bodies and declarations of everything else,
 *     module data included.
 * AITHON_SPLIT=0 emits one object on one thread (to compare build times).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/BitReader.h>
#include <llvm-c/BitWriter.h>
#include <llvm-c/TargetMachine.h>

#include "cg.h"

/* Below this many weighted instructions one thread is quicker than making the copy. */
enum { SPLIT_MIN_WEIGHT = 6000 };

static int has_attr(LLVMValueRef fn, const char *name)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
    return LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, kind) != NULL;
}

static long fn_weight(LLVMValueRef fn)
{
    long n = 0;
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b; b = LLVMGetNextBasicBlock(b))
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i))
            n++;
    return has_attr(fn, "optnone") ? n / 4 + 1 : n;
}

/* Turns a definition into a declaration: uses of its instructions go first (to poison), so
 * that erasing them and then the emptied blocks leaves nothing pointing at them. */
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

static int is_local(LLVMValueRef g)
{
    LLVMLinkage l = LLVMGetLinkage(g);
    return l == LLVMInternalLinkage || l == LLVMPrivateLinkage;
}

static int is_llvm_name(LLVMValueRef g)
{
    size_t len;
    const char *name = LLVMGetValueName2(g, &len);
    return len >= 5 && strncmp(name, "llvm.", 5) == 0;
}

static void externalise(LLVMValueRef g, int *counter)
{
    if (!is_local(g))
        return;
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

typedef struct Part {
    LLVMModuleRef mod;          /* partition 1: parsed in ctx on the thread */
    LLVMContextRef ctx;
    LLVMMemoryBufferRef bitcode;
    char **names;               /* functions whose bodies partition 1 keeps */
    int nnames;
    LLVMTargetRef target;
    const char *triple;
    LLVMCodeGenOptLevel level;
    const char *path;
    char *err;                  /* malloc'd on failure */
} Part;

static int in_names(const Part *pt, const char *name)
{
    for (int i = 0; i < pt->nnames; i++)
        if (strcmp(pt->names[i], name) == 0)
            return 1;
    return 0;
}

static char *dup_msg(const char *prefix, const char *msg)
{
    size_t n = strlen(prefix) + strlen(msg ? msg : "") + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", prefix, msg ? msg : "");
    return s;
}

static int emit(LLVMTargetRef target, const char *triple, LLVMCodeGenOptLevel level,
                LLVMModuleRef mod, const char *path, char **err)
{
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, "generic", "", level,
                                                      LLVMRelocPIC, LLVMCodeModelDefault);
    char *msg = NULL;
    int rc = 0;
    if (LLVMTargetMachineEmitToFile(tm, mod, (char *)path, LLVMObjectFile, &msg)) {
        *err = dup_msg("cannot emit code: ", msg);
        LLVMDisposeMessage(msg);
        rc = -1;
    }
    LLVMDisposeTargetMachine(tm);
    return rc;
}

static void *emit_part1(void *arg)
{
    Part *pt = arg;
    pt->ctx = LLVMContextCreate();
    if (LLVMParseBitcodeInContext2(pt->ctx, pt->bitcode, &pt->mod)) {
        pt->err = dup_msg("cannot read back the module's bitcode", "");
        return NULL;
    }
    for (LLVMValueRef f = LLVMGetFirstFunction(pt->mod); f; f = LLVMGetNextFunction(f)) {
        size_t len;
        const char *name = LLVMGetValueName2(f, &len);
        if (LLVMCountBasicBlocks(f) > 0 && !in_names(pt, name))
            delete_body(f);
    }
    /* module data lives in partition 0; llvm.global_ctors and the like only there */
    LLVMValueRef g = LLVMGetFirstGlobal(pt->mod);
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
    emit(pt->target, pt->triple, pt->level, pt->mod, pt->path, &pt->err);
    return NULL;
}

typedef struct Weighted {
    LLVMValueRef fn;
    long weight;
} Weighted;

static int heavier_first(const void *a, const void *b)
{
    long wa = ((const Weighted *)a)->weight, wb = ((const Weighted *)b)->weight;
    return wa < wb ? 1 : wa > wb ? -1 : 0;
}

int cg_emit_split(LLVMModuleRef mod, LLVMTargetRef target, const char *triple,
                  LLVMCodeGenOptLevel level, const char *path0, const char *path1, char **err)
{
    *err = NULL;
    int nfns = 0;
    long total = 0;
    for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
        nfns++;
    Weighted *w = calloc((size_t)nfns + 1, sizeof *w);
    int n = 0;
    for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
        if (LLVMCountBasicBlocks(f) > 0) {
            w[n] = (Weighted){f, fn_weight(f)};
            total += w[n++].weight;
        }
    const char *e = getenv("AITHON_SPLIT");
    if (total < SPLIT_MIN_WEIGHT || n < 2 || (e && *e == '0')) {
        free(w);
        return 0;
    }

    int counter = 0;
    for (LLVMValueRef f = LLVMGetFirstFunction(mod); f; f = LLVMGetNextFunction(f))
        externalise(f, &counter);
    for (LLVMValueRef g = LLVMGetFirstGlobal(mod); g; g = LLVMGetNextGlobal(g))
        if (!is_llvm_name(g))
            externalise(g, &counter);

    /* deal the functions; partition 1 also pays for reading the bitcode back, so it is
     * filled to a little under half */
    qsort(w, (size_t)n, sizeof *w, heavier_first);
    Part pt = {.target = target, .triple = triple, .level = level, .path = path1};
    pt.names = calloc((size_t)n, sizeof *pt.names);
    LLVMValueRef *mine = calloc((size_t)n, sizeof *mine);
    long load0 = 0, load1 = total / 20;
    for (int i = 0; i < n; i++) {
        if (load1 < load0) {
            size_t len;
            const char *name = LLVMGetValueName2(w[i].fn, &len);
            pt.names[pt.nnames] = strdup(name);
            mine[pt.nnames++] = w[i].fn;
            load1 += w[i].weight;
        } else {
            load0 += w[i].weight;
        }
    }
    free(w);

    pt.bitcode = LLVMWriteBitcodeToMemoryBuffer(mod);
    pthread_t th;
    int threaded = pthread_create(&th, NULL, emit_part1, &pt) == 0;
    if (!threaded)
        emit_part1(&pt);
    for (int i = 0; i < pt.nnames; i++)
        delete_body(mine[i]);
    int rc = emit(target, triple, level, mod, path0, err);
    if (threaded)
        pthread_join(th, NULL);
    if (pt.err) {
        if (rc == 0)
            *err = pt.err;
        else
            free(pt.err);
        rc = -1;
    }
    if (pt.mod)
        LLVMDisposeModule(pt.mod);
    LLVMContextDispose(pt.ctx);
    LLVMDisposeMemoryBuffer(pt.bitcode);
    for (int i = 0; i < pt.nnames; i++)
        free(pt.names[i]);
    free(pt.names);
    free(mine);
    return rc == 0 ? 1 : -1;
}
