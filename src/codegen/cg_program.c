/*
 * cg_program.c - the program-level half of the LLVM back end: runtime declarations (from
 * rtabi.def), constants, the static data of functions and modules (CodeInfo, FrameInfo,
 * ModuleDef, source text for tracebacks), main(), verification, optimisation and emission.
 *
 * Entry point: codegen_emit() (codegen.h).
 *
 * Constants (decision): str, bytes, big int, float, complex constants and keyword-name tuples
 * are slots of one internal array `aithon.consts`, filled by `aithon.consts_init`, which every
 * module body calls on entry (a flag makes it run once; every program's code runs inside some
 * module body, after rt_init).  A use is one load.  Slots are numbered in first-use order,
 * which is deterministic (functions are emitted in program order), and deduplicated.
 * Static data (CodeInfo, FrameInfo, source text, names) is constant LLVM data; ModuleDefs are
 * writable (the runtime keeps the module's state in them).
 * Source text: each file's text is embedded once (FrameInfo.source) with a line table
 * (CodeInfo.source_lines) pointing into a second, NUL-separated copy.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/Support.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "../util/phasetime.h"

#include "cg.h"

static const struct { const char *name, *ret, *params; } rt_table[RTF__COUNT] = {
#define RT(name, ret, params) {#name, ret, params},
#include "rtabi.def"
#undef RT
};

_Noreturn void cg_die(Cg *cg, const char *fmt, ...)
{
    va_list ap;
    (void)cg;
    fputs("aithon: internal error in code generation: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

/* ---- a small map (key bytes + kind -> int) ---- */

static uint64_t hash_bytes(const void *p, size_t n, int kind)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603u ^ (uint64_t)kind;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211u;
    return h;
}

static int map_get(const CgMap *m, const void *key, size_t len, int kind)
{
    if (!m->cap)
        return -1;
    for (size_t i = hash_bytes(key, len, kind) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        const struct CgMapEntry *e = &m->e[i];
        if (!e->key)
            return -1;
        if (e->len == len && e->kind == kind && memcmp(e->key, key, len) == 0)
            return e->value;
    }
}

/* key must outlive the map */
static void map_put(CgMap *m, const void *key, size_t len, int kind, int value)
{
    if ((m->n + 1) * 2 > m->cap) {
        CgMap bigger = {calloc(m->cap ? m->cap * 2 : 64, sizeof *m->e), m->cap ? m->cap * 2 : 64, 0};
        for (size_t i = 0; i < m->cap; i++)
            if (m->e[i].key)
                map_put(&bigger, m->e[i].key, m->e[i].len, m->e[i].kind, m->e[i].value);
        free(m->e);
        *m = bigger;
    }
    size_t i = hash_bytes(key, len, kind) & (m->cap - 1);
    while (m->e[i].key)
        i = (i + 1) & (m->cap - 1);
    m->e[i] = (struct CgMapEntry){key, len, kind, value};
    m->n++;
}

#define GROW(arr, n, cap)                                                                   \
    do {                                                                                    \
        if ((n) >= (cap)) {                                                                 \
            (cap) = (cap) ? (cap) * 2 : 16;                                                 \
            (arr) = realloc((arr), (size_t)(cap) * sizeof *(arr));                          \
            if (!(arr))                                                                     \
                abort();                                                                    \
        }                                                                                   \
    } while (0)

/* ---- runtime declarations ---- */

static LLVMTypeRef letter_type(Cg *cg, char c)
{
    switch (c) {
    case 'V': case 'L': return cg->i64;
    case 'I': return cg->i32;
    case 'P': return cg->ptr;
    case 'D': return cg->f64;
    case 'v': return cg->voidt;
    }
    cg_die(cg, "rtabi.def: bad type letter '%c'", c);
}

LLVMValueRef cg_rt(Cg *cg, int id)
{
    if (cg->rt_fn[id])
        return cg->rt_fn[id];
    const char *ps = rt_table[id].params;
    LLVMTypeRef params[16];
    unsigned n = 0;
    for (; ps[n]; n++)
        params[n] = letter_type(cg, ps[n]);
    cg->rt_ty[id] = LLVMFunctionType(letter_type(cg, rt_table[id].ret[0]), params, n, 0);
    cg->rt_fn[id] = LLVMAddFunction(cg->mod, rt_table[id].name, cg->rt_ty[id]);
    LLVMSetFunctionCallConv(cg->rt_fn[id], LLVMCCallConv);
    return cg->rt_fn[id];
}

LLVMValueRef cg_rt_global(Cg *cg, const char *name, LLVMTypeRef t)
{
    LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
    if (!g) {
        g = LLVMAddGlobal(cg->mod, t, name);
        LLVMSetLinkage(g, LLVMExternalLinkage);
    }
    return g;
}

LLVMValueRef cg_rt_object(Cg *cg, const char *name)
{
    return LLVMConstPtrToInt(cg_rt_global(cg, name, cg->i8), cg->i64);
}

LLVMValueRef cg_rt_tls(Cg *cg, const char *name) { return cg_rt_tls_of(cg, name, cg->i32); }

LLVMValueRef cg_rt_tls_of(Cg *cg, const char *name, LLVMTypeRef t)
{
    LLVMValueRef g = LLVMGetNamedGlobal(cg->mod, name);
    if (!g) {
        g = LLVMAddGlobal(cg->mod, t, name);
        LLVMSetLinkage(g, LLVMExternalLinkage);
        LLVMSetThreadLocal(g, 1);
        /* defined in the executable (the static runtime archive): its offset from the thread
         * pointer is a link-time constant, no GOT load on every access */
        LLVMSetThreadLocalMode(g, LLVMLocalExecTLSModel);
        LLVMSetVisibility(g, LLVMHiddenVisibility);
    }
    return g;
}

static LLVMValueRef call_rt(Cg *cg, int id, LLVMValueRef *args, unsigned n)
{
    LLVMValueRef fn = cg_rt(cg, id);   /* declares it: before reading rt_ty */
    return LLVMBuildCall2(cg->b, cg->rt_ty[id], fn, args, n, "");
}

/* rt_raise_fmt(type, fmt, a[, b]): variadic, so declared apart from the table */
void cg_raise_fmt(Cg *cg, LLVMValueRef type, const char *fmt, LLVMValueRef a, LLVMValueRef b2)
{
    if (!cg->raise_fmt) {
        LLVMTypeRef ps[2] = {cg->ptr, cg->ptr};
        cg->raise_fmt_ty = LLVMFunctionType(cg->i64, ps, 2, 1);
        cg->raise_fmt = LLVMAddFunction(cg->mod, "rt_raise_fmt", cg->raise_fmt_ty);
    }
    LLVMValueRef args[4] = {type, cg_cstr(cg, fmt), a, b2};
    LLVMBuildCall2(cg->b, cg->raise_fmt_ty, cg->raise_fmt, args, b2 ? 4 : 3, "");
}

/* ---- static data ---- */

static LLVMValueRef const_global(Cg *cg, LLVMValueRef init, const char *name)
{
    LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), name);
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
    return g;
}

static LLVMValueRef blob(Cg *cg, const char *data, size_t len, const char *name)
{
    LLVMValueRef s = LLVMConstStringInContext2(cg->ctx, data, len, 0);
    LLVMValueRef g = const_global(cg, s, name);
    LLVMSetAlignment(g, 1);
    return g;
}

/* A static TracebackPos (rt.h) for an error site: the raising instruction's source range and
 * caret anchor.  Compiler-made code has no columns (-1: the runtime prints no marks). */
LLVMValueRef cg_tbpos(Cg *cg, const MirInst *in)
{
    const Loc *l = &in->loc;
    int known = !l->synthetic && l->end_line > 0;
    int anchored = known && in->anchor_end > in->anchor;
    LLVMValueRef f[6] = {
        LLVMConstInt(cg->i32, (uint64_t)l->line, 1),
        LLVMConstInt(cg->i32, (uint64_t)(known ? l->col : -1), 1),
        LLVMConstInt(cg->i32, (uint64_t)(known ? l->end_line : -1), 1),
        LLVMConstInt(cg->i32, (uint64_t)(known ? l->end_col : -1), 1),
        LLVMConstInt(cg->i32, (uint64_t)(anchored ? in->anchor : -1), 1),
        LLVMConstInt(cg->i32, (uint64_t)(anchored ? in->anchor_end : -1), 1),
    };
    _Static_assert(sizeof(TracebackPos) == 6 * sizeof(int), "TracebackPos is six ints");
    return const_global(cg, LLVMConstArray2(cg->i32, f, 6), ".tbpos");
}

/* A zeroed, mutable AttrCache (rt.h) for one attribute site: the runtime fills it. */
/* a zeroed private static record of `words` 64-bit words, one per site */
static LLVMValueRef site_cache(Cg *cg, size_t words, const char *name)
{
    LLVMTypeRef t = LLVMArrayType2(cg->i64, words);
    LLVMValueRef g = LLVMAddGlobal(cg->mod, t, name);
    LLVMSetInitializer(g, LLVMConstNull(t));
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMSetAlignment(g, 8);
    return g;
}

LLVMValueRef cg_attr_cache(Cg *cg)
{
    _Static_assert(sizeof(AttrCache) % sizeof(int64_t) == 0, "AttrCache is made of words");
    return site_cache(cg, sizeof(AttrCache) / sizeof(int64_t), ".attrcache");
}

LLVMValueRef cg_global_cache(Cg *cg)
{
    _Static_assert(sizeof(GlobalCache) % sizeof(int64_t) == 0, "GlobalCache is made of words");
    return site_cache(cg, sizeof(GlobalCache) / sizeof(int64_t), ".globalcache");
}

/* A NUL-terminated C string constant, one global per distinct string. */
LLVMValueRef cg_cstr(Cg *cg, const char *s)
{
    if (!s)
        return LLVMConstNull(cg->ptr);
    size_t n = strlen(s);
    int i = map_get(&cg->cstr_map, s, n, 0);
    if (i >= 0)
        return cg->cstrs[i];
    GROW(cg->cstrs, cg->ncstrs, cg->capcstrs);
    char *key = malloc(n + 1);
    memcpy(key, s, n + 1);
    cg->cstrs[cg->ncstrs] = blob(cg, s, n, ".str");
    map_put(&cg->cstr_map, key, n, 0, cg->ncstrs);
    return cg->cstrs[cg->ncstrs++];
}

/* ---- constants ---- */

int cg_const_add(Cg *cg, CgConstKind k, const char *data, size_t len)
{
    int i = map_get(&cg->const_map, data, len, (int)k);
    if (i >= 0)
        return i;
    GROW(cg->consts, cg->nconsts, cg->capconsts);
    CgConst *c = &cg->consts[cg->nconsts];
    memset(c, 0, sizeof *c);
    c->kind = k;
    c->data = malloc(len + 1);
    memcpy(c->data, data, len);
    c->data[len] = 0;
    c->len = len;
    map_put(&cg->const_map, c->data, len, (int)k, cg->nconsts);
    return cg->nconsts++;
}

int cg_const_names(Cg *cg, const char *const *names, int n)
{
    /* the key: the names joined by NULs */
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    char *key = calloc(1, len + 1), *p = key;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        memcpy(p, names[i], l + 1);
        p += l + 1;
    }
    int found = map_get(&cg->const_map, key, len, KC_NAMES);
    if (found >= 0) {
        free(key);
        return found;
    }
    int *items = calloc(n > 0 ? (size_t)n : 1, sizeof(int));
    for (int i = 0; i < n; i++)
        items[i] = cg_const_add(cg, KC_NAME, names[i], strlen(names[i]));
    GROW(cg->consts, cg->nconsts, cg->capconsts);
    CgConst *c = &cg->consts[cg->nconsts];
    memset(c, 0, sizeof *c);
    c->kind = KC_NAMES;
    c->data = key;
    c->len = len;
    c->items = items;
    c->nitems = n;
    map_put(&cg->const_map, key, len, KC_NAMES, cg->nconsts);
    return cg->nconsts++;
}

LLVMValueRef cg_const_load(Cg *cg, int slot)
{
    LLVMValueRef idx = LLVMConstInt(cg->i64, (uint64_t)slot, 0);
    LLVMValueRef p = LLVMBuildInBoundsGEP2(cg->b, cg->i64, cg->consts_tmp, &idx, 1, "");
    return LLVMBuildLoad2(cg->b, cg->i64, p, "");
}

static int identifier_like(const char *s, size_t n)
{
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

/* Emits the constant array and its initialiser, replacing the placeholder every load used. */
static void finish_consts(Cg *cg)
{
    int n = cg->nconsts;
    LLVMTypeRef aty = LLVMArrayType2(cg->i64, (uint64_t)(n ? n : 1));
    LLVMValueRef arr = LLVMAddGlobal(cg->mod, aty, "aithon.consts");
    LLVMSetInitializer(arr, LLVMConstNull(aty));
    LLVMSetLinkage(arr, LLVMInternalLinkage);
    LLVMReplaceAllUsesWith(cg->consts_tmp, arr);
    LLVMDeleteGlobal(cg->consts_tmp);
    cg->consts_tmp = arr;

    LLVMBasicBlockRef bb = LLVMAppendBasicBlockInContext(cg->ctx, cg->consts_init, "");
    LLVMPositionBuilderAtEnd(cg->b, bb);
    LLVMBuildStore(cg->b, LLVMConstInt(cg->i8, 1, 0), cg->consts_ready);
    LLVMValueRef tmp = NULL;
    int maxitems = 0;
    for (int i = 0; i < n; i++)
        if (cg->consts[i].kind == KC_NAMES && cg->consts[i].nitems > maxitems)
            maxitems = cg->consts[i].nitems;
    if (maxitems)
        tmp = LLVMBuildAlloca(cg->b, LLVMArrayType2(cg->i64, (uint64_t)maxitems), "");
    for (int i = 0; i < n; i++) {
        CgConst *c = &cg->consts[i];
        LLVMValueRef v = NULL, len = LLVMConstInt(cg->i64, c->len, 0);
        LLVMValueRef a[3];
        switch (c->kind) {
        case KC_STR:
            if (identifier_like(c->data, c->len)) {
                a[0] = cg_cstr(cg, c->data);
                v = call_rt(cg, RTF_rt_str_intern, a, 1);
                break;
            }
            a[0] = blob(cg, c->data, c->len, ".const");
            a[1] = len;
            v = call_rt(cg, RTF_rt_str_from_utf8, a, 2);
            break;
        case KC_NAME:
            a[0] = cg_cstr(cg, c->data);
            v = call_rt(cg, RTF_rt_str_intern, a, 1);
            break;
        case KC_BYTES:
            a[0] = blob(cg, c->data, c->len, ".const");
            a[1] = len;
            v = call_rt(cg, RTF_rt_bytes_from, a, 2);
            break;
        case KC_BIGINT:
            a[0] = cg_cstr(cg, c->data);
            a[1] = len;
            a[2] = LLVMConstInt(cg->i32, 10, 0);
            v = call_rt(cg, RTF_rt_int_from_str, a, 3);
            break;
        case KC_INT64: {
            int64_t x;
            memcpy(&x, c->data, sizeof x);
            a[0] = LLVMConstInt(cg->i64, (uint64_t)x, 1);
            v = call_rt(cg, RTF_rt_int_from_i64, a, 1);
            break;
        }
        case KC_FLOAT:
        case KC_COMPLEX: {
            double d;
            memcpy(&d, c->data, sizeof d);
            int id = c->kind == KC_FLOAT ? RTF_rt_float : RTF_rt_complex;
            a[0] = LLVMConstReal(cg->f64, c->kind == KC_FLOAT ? d : 0.0);
            a[1] = LLVMConstReal(cg->f64, d);
            v = call_rt(cg, id, a, c->kind == KC_FLOAT ? 1 : 2);
            break;
        }
        case KC_NAMES:
            for (int k = 0; k < c->nitems; k++) {
                LLVMValueRef ki = LLVMConstInt(cg->i64, (uint64_t)k, 0);
                LLVMValueRef si = LLVMConstInt(cg->i64, (uint64_t)c->items[k], 0);
                LLVMValueRef src = LLVMBuildInBoundsGEP2(cg->b, cg->i64, arr, &si, 1, "");
                LLVMBuildStore(cg->b, LLVMBuildLoad2(cg->b, cg->i64, src, ""),
                               LLVMBuildInBoundsGEP2(cg->b, cg->i64, tmp, &ki, 1, ""));
            }
            a[0] = tmp;
            a[1] = LLVMConstInt(cg->i64, (uint64_t)c->nitems, 0);
            v = call_rt(cg, RTF_rt_tuple_from, a, 2);
            break;
        }
        LLVMValueRef idx = LLVMConstInt(cg->i64, (uint64_t)i, 0);
        LLVMBuildStore(cg->b, v, LLVMBuildInBoundsGEP2(cg->b, cg->i64, arr, &idx, 1, ""));
    }
    LLVMBuildRetVoid(cg->b);
}

/* ---- sources ---- */

static CgSourceData *source_data(Cg *cg, const char *file)
{
    for (int i = 0; i < cg->nsrcs; i++)
        if (strcmp(cg->srcs[i].file, file) == 0)
            return &cg->srcs[i];
    GROW(cg->srcs, cg->nsrcs, cg->capsrcs);
    CgSourceData *sd = &cg->srcs[cg->nsrcs++];
    memset(sd, 0, sizeof *sd);
    sd->file = file;
    sd->text = LLVMConstNull(cg->ptr);
    sd->lines = LLVMConstNull(cg->ptr);
    const CgSource *src = NULL;
    for (int i = 0; i < cg->opt->nsources; i++)
        if (strcmp(cg->opt->sources[i].file, file) == 0)
            src = &cg->opt->sources[i];
    if (!src)
        return sd;
    sd->text = blob(cg, src->text, src->len, ".source");
    /* the line table: one NUL-separated copy, line i starting at offs[i] */
    char *copy = malloc(src->len + 1);
    size_t *offs = malloc(sizeof(size_t) * (src->len + 2));
    int n = 0;
    offs[n++] = 0;
    for (size_t i = 0; i < src->len; i++) {
        char c = src->text[i];
        if (c == '\n') {
            copy[i] = 0;
            if (i + 1 < src->len)
                offs[n++] = i + 1;
        } else {
            copy[i] = c == '\r' ? 0 : c;
        }
    }
    copy[src->len] = 0;
    LLVMValueRef lines_blob = blob(cg, copy, src->len, ".lines");
    LLVMValueRef *ptrs = malloc(sizeof(LLVMValueRef) * (size_t)n);
    for (int i = 0; i < n; i++) {
        LLVMValueRef idx = LLVMConstInt(cg->i64, offs[i], 0);
        ptrs[i] = LLVMConstInBoundsGEP2(cg->i8, lines_blob, &idx, 1);
    }
    sd->lines = const_global(cg, LLVMConstArray2(cg->ptr, ptrs, (uint64_t)n), ".linetab");
    sd->nlines = n;
    free(ptrs);
    free(offs);
    free(copy);
    return sd;
}

/* ---- functions and their static data ---- */

static int is_module_init(const MirFunction *mf) { return mf->module && mf->module->init == mf; }

static struct CgFnData *fdata(Cg *cg, const MirFunction *mf)
{
    int i = map_get(&cg->obj_map, &mf, sizeof mf, 1);
    if (i >= 0)
        return &cg->fdata[i];
    GROW(cg->fdata, cg->nfdata, cg->capfdata);
    memset(&cg->fdata[cg->nfdata], 0, sizeof cg->fdata[0]);
    const MirFunction **key = malloc(sizeof *key);
    *key = mf;
    map_put(&cg->obj_map, key, sizeof mf, 1, cg->nfdata);
    return &cg->fdata[cg->nfdata++];
}

struct CgFnData *cg_fn_data(Cg *cg, const MirFunction *mf) { return fdata(cg, mf); }

static const char *fn_symbol(const MirFunction *mf, char *buf, size_t n)
{
    if (mf->symbol)
        return mf->symbol;
    snprintf(buf, n, "py.%s", mf->qualname ? mf->qualname : mf->name ? mf->name : "anon");
    return buf;
}

LLVMValueRef cg_function_decl(Cg *cg, const MirFunction *mf)
{
    struct CgFnData *d = fdata(cg, mf);
    if (!d->fn) {
        char buf[256];
        d->fn = LLVMAddFunction(cg->mod, fn_symbol(mf, buf, sizeof buf),
                                mf->origin ? cg_clone_type(cg, mf)
                                : is_module_init(mf) ? cg->init_ty : cg->body_ty);
        LLVMSetLinkage(d->fn, LLVMInternalLinkage);
    }
    return d->fn;
}

static LLVMValueRef name_array(Cg *cg, const char *const *names, int n, const char *gname)
{
    if (n <= 0 || !names)
        return LLVMConstNull(cg->ptr);
    LLVMValueRef *v = malloc(sizeof(LLVMValueRef) * (size_t)n);
    for (int i = 0; i < n; i++)
        v[i] = cg_cstr(cg, names[i]);
    LLVMValueRef g = const_global(cg, LLVMConstArray2(cg->ptr, v, (uint64_t)n), gname);
    free(v);
    return g;
}

LLVMValueRef cg_frameinfo(Cg *cg, const MirFunction *mf)
{
    struct CgFnData *d = fdata(cg, mf);
    if (d->frame)
        return d->frame;
    const char *file = mf->file ? mf->file : mf->module ? mf->module->file : "";
    CgSourceData *sd = source_data(cg, file ? file : "");
    LLVMValueRef f[3] = {cg_cstr(cg, mf->name ? mf->name : "<module>"), cg_cstr(cg, file),
                         sd->text};
    d = fdata(cg, mf);   /* source_data does not move fdata, but stay safe */
    d->frame = const_global(cg, LLVMConstNamedStruct(cg->frame_ty, f, 3), ".frame");
    return d->frame;
}

LLVMValueRef cg_codeinfo(Cg *cg, const MirFunction *mf)
{
    struct CgFnData *d = fdata(cg, mf);
    if (d->code)
        return d->code;
    const char *file = mf->file ? mf->file : mf->module ? mf->module->file : "";
    CgSourceData *sd = source_data(cg, file ? file : "");
    LLVMValueRef body = is_module_init(mf) ? LLVMConstNull(cg->ptr) : cg_function_decl(cg, mf);
    LLVMValueRef f[15] = {
        cg_cstr(cg, mf->name ? mf->name : "<module>"),
        cg_cstr(cg, mf->qualname ? mf->qualname : mf->name ? mf->name : "<module>"),
        cg_cstr(cg, file),
        LLVMConstInt(cg->i32, (uint64_t)mf->firstlineno, 0),
        LLVMConstInt(cg->i32, mf->flags, 0),
        LLVMConstInt(cg->i32, (uint64_t)mf->nposonly, 0),
        LLVMConstInt(cg->i32, (uint64_t)mf->npos, 0),
        LLVMConstInt(cg->i32, (uint64_t)mf->nkwonly, 0),
        LLVMConstInt(cg->i32, (uint64_t)mf->nparams, 0),
        name_array(cg, mf->paramnames, mf->nparams, ".params"),
        LLVMConstInt(cg->i32, (uint64_t)mf->nfree, 0),
        name_array(cg, mf->freevars, mf->nfree, ".freevars"),
        body,
        sd->lines,
        LLVMConstInt(cg->i32, (uint64_t)sd->nlines, 0),
    };
    d = fdata(cg, mf);
    d->code = const_global(cg, LLVMConstNamedStruct(cg->codeinfo_ty, f, 15), ".code");
    return d->code;
}

LLVMValueRef cg_moduledef(Cg *cg, const MirModule *m)
{
    int i = map_get(&cg->obj_map, &m, sizeof m, 2);
    if (i >= 0)
        return cg->moddefs[i];
    GROW(cg->moddefs, cg->nmoddefs, cg->capmoddefs);
    char name[300];
    snprintf(name, sizeof name, "aithon.module.%s", m->name ? m->name : "?");
    /* declared first (imports may be cyclic), initialised in finish_moduledefs */
    LLVMValueRef g = LLVMAddGlobal(cg->mod, cg->moddef_ty, name);
    LLVMSetLinkage(g, LLVMInternalLinkage);
    const MirModule **key = malloc(sizeof *key);
    *key = m;
    map_put(&cg->obj_map, key, sizeof m, 2, cg->nmoddefs);
    cg->moddefs[cg->nmoddefs++] = g;
    return g;
}

static void finish_moduledef(Cg *cg, const MirModule *m)
{
    LLVMValueRef g = cg_moduledef(cg, m);
    LLVMValueRef f[7] = {
        cg_cstr(cg, m->name ? m->name : "__main__"),
        cg_cstr(cg, m->file ? m->file : ""),
        LLVMConstInt(cg->i32, (uint64_t)m->is_package, 0),
        m->init ? cg_function_decl(cg, m->init) : LLVMConstNull(cg->ptr),
        m->init ? cg_codeinfo(cg, m->init) : LLVMConstNull(cg->ptr),
        LLVMConstNull(cg->ptr),
        LLVMConstInt(cg->i32, 0, 0),
    };
    LLVMSetInitializer(g, LLVMConstNamedStruct(cg->moddef_ty, f, 7));
}

/* ---- DWARF line tables (gdb, perf and addr2line map machine code to Python lines) ---- */

static void debug_init(Cg *cg, const MirModule *main_mod)
{
    cg->dib = LLVMCreateDIBuilder(cg->mod);
    const char *file = main_mod && main_mod->file ? main_mod->file : "aithon";
    LLVMMetadataRef f = LLVMDIBuilderCreateFile(cg->dib, file, strlen(file), "", 0);
    cg->di_cu = LLVMDIBuilderCreateCompileUnit(
        cg->dib, LLVMDWARFSourceLanguagePython, f, "aithon", 6, cg->opt->opt_level > 0, "", 0,
        0, "", 0, LLVMDWARFEmissionLineTablesOnly, 0, 0, 0, "", 0, "", 0);
    cg->di_fnty = LLVMDIBuilderCreateSubroutineType(cg->dib, f, NULL, 0, LLVMDIFlagZero);
    LLVMAddModuleFlag(cg->mod, LLVMModuleFlagBehaviorWarning, "Debug Info Version", 18,
                      LLVMValueAsMetadata(LLVMConstInt(cg->i32, LLVMDebugMetadataVersion(), 0)));
    /* version 4: Debian 12's valgrind (3.19) cannot read an executable linked from several
     * DWARF 5 units that LLVM made (their string offset tables), and big programs are
     * emitted as two objects (cg_split.c) */
    LLVMAddModuleFlag(cg->mod, LLVMModuleFlagBehaviorWarning, "Dwarf Version", 13,
                      LLVMValueAsMetadata(LLVMConstInt(cg->i32, 4, 0)));
}

void cg_debug_begin(Cg *cg, LLVMValueRef fn, const MirFunction *mf)
{
    CgSourceData *sd = source_data(cg, mf->file ? mf->file : "");
    if (!sd->difile) {
        const char *slash = strrchr(sd->file, '/');
        const char *base = slash ? slash + 1 : sd->file;
        size_t dirlen = slash ? (size_t)(slash - sd->file) : 0;
        sd->difile = LLVMDIBuilderCreateFile(cg->dib, base, strlen(base), sd->file, dirlen);
    }
    size_t len;
    const char *linkage = LLVMGetValueName2(fn, &len);
    const char *name = mf->qualname ? mf->qualname : mf->name ? mf->name : linkage;
    unsigned line = mf->firstlineno > 0 ? (unsigned)mf->firstlineno : 0;
    cg->di_scope = LLVMDIBuilderCreateFunction(cg->dib, sd->difile, name, strlen(name), linkage,
                                               len, sd->difile, line, cg->di_fnty, 1, 1, line,
                                               LLVMDIFlagZero, cg->opt->opt_level > 0);
    LLVMSetSubprogram(fn, cg->di_scope);
    cg_set_line(cg, (int)line);
}

void cg_set_line(Cg *cg, int line)
{
    if (!cg->di_scope)
        return;
    LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(
        cg->ctx, line > 0 ? (unsigned)line : 0, 0, cg->di_scope, NULL);
    LLVMSetCurrentDebugLocation2(cg->b, loc);
}

void cg_debug_end(Cg *cg)
{
    cg->di_scope = NULL;
    LLVMSetCurrentDebugLocation2(cg->b, NULL);
}

/* ---- types and layout checks ---- */

static LLVMTypeRef named_struct(Cg *cg, const char *name, LLVMTypeRef *fields, unsigned n)
{
    LLVMTypeRef t = LLVMStructCreateNamed(cg->ctx, name);
    LLVMStructSetBody(t, fields, n, 0);
    return t;
}


/* Scalar TBAA types under one root, one per kind of list (and list iterator, enumerate)
 * memory the typed tier touches inline, each with its access tag (base = access = the scalar type, offset 0).  Untagged
 * accesses (everything else) still alias all of them. */
static void init_tbaa(Cg *cg)
{
    LLVMContextRef c = cg->ctx;
    cg->tbaa_kind = LLVMGetMDKindIDInContext(c, "tbaa", 4);
    LLVMMetadataRef rs = LLVMMDStringInContext2(c, "aithon tbaa", 11);
    LLVMMetadataRef root = LLVMMDNodeInContext2(c, &rs, 1);
    static const char *const names[7] = {"list.size", "list.items", "list.item",
                                         "listiter.seq", "listiter.i", "enum.it", "enum.count"};
    for (int k = 0; k < 7; k++) {
        LLVMMetadataRef ty[3] = {LLVMMDStringInContext2(c, names[k], strlen(names[k])), root,
                                 LLVMValueAsMetadata(LLVMConstInt(cg->i64, 0, 0))};
        LLVMMetadataRef t = LLVMMDNodeInContext2(c, ty, 3);
        LLVMMetadataRef tag[3] = {t, t, LLVMValueAsMetadata(LLVMConstInt(cg->i64, 0, 0))};
        cg->tbaa_list[k] = LLVMMetadataAsValue(c, LLVMMDNodeInContext2(c, tag, 3));
    }
}

static void init_types(Cg *cg)
{
    LLVMContextRef c = cg->ctx;
    cg->voidt = LLVMVoidTypeInContext(c);
    cg->i1 = LLVMInt1TypeInContext(c);
    cg->i8 = LLVMInt8TypeInContext(c);
    cg->i32 = LLVMInt32TypeInContext(c);
    cg->i64 = LLVMInt64TypeInContext(c);
    cg->f64 = LLVMDoubleTypeInContext(c);
    cg->ptr = LLVMPointerTypeInContext(c, 0);
    LLVMTypeRef pp[2] = {cg->ptr, cg->ptr};
    cg->body_ty = LLVMFunctionType(cg->i64, pp, 2, 0);
    cg->init_ty = LLVMFunctionType(cg->i64, pp, 1, 0);
    LLVMTypeRef P = cg->ptr, I = cg->i32;
    LLVMTypeRef ci[15] = {P, P, P, I, I, I, I, I, I, P, I, P, P, P, I};
    cg->codeinfo_ty = named_struct(cg, "CodeInfo", ci, 15);
    LLVMTypeRef fi[3] = {P, P, P};
    cg->frame_ty = named_struct(cg, "FrameInfo", fi, 3);
    LLVMTypeRef md[7] = {P, P, I, P, P, P, I};
    cg->moddef_ty = named_struct(cg, "ModuleDef", md, 7);
    cg->prof_kind = LLVMGetMDKindIDInContext(c, "prof", 4);
    LLVMMetadataRef w[3] = {
        LLVMMDStringInContext2(c, "branch_weights", 14),
        LLVMValueAsMetadata(LLVMConstInt(cg->i32, 1, 0)),
        LLVMValueAsMetadata(LLVMConstInt(cg->i32, 2000, 0)),
    };
    cg->cold_weights = LLVMMetadataAsValue(c, LLVMMDNodeInContext2(c, w, 3));
    init_tbaa(cg);
}

/* The LLVM struct types must have the C layouts of rt_func.h / rt.h. */
static void check_layouts(Cg *cg)
{
    static const size_t ci[15] = {
        offsetof(CodeInfo, name), offsetof(CodeInfo, qualname), offsetof(CodeInfo, file),
        offsetof(CodeInfo, firstlineno), offsetof(CodeInfo, flags), offsetof(CodeInfo, nposonly),
        offsetof(CodeInfo, npos), offsetof(CodeInfo, nkwonly), offsetof(CodeInfo, nparams),
        offsetof(CodeInfo, paramnames), offsetof(CodeInfo, nfree), offsetof(CodeInfo, freevars),
        offsetof(CodeInfo, body), offsetof(CodeInfo, source_lines),
        offsetof(CodeInfo, nsource_lines)};
    static const size_t md[7] = {
        offsetof(ModuleDef, name), offsetof(ModuleDef, file), offsetof(ModuleDef, is_package),
        offsetof(ModuleDef, init), offsetof(ModuleDef, code), offsetof(ModuleDef, module),
        offsetof(ModuleDef, state)};
    static const size_t fi[3] = {offsetof(FrameInfo, function), offsetof(FrameInfo, file),
                                 offsetof(FrameInfo, source)};
    for (unsigned i = 0; i < 15; i++)
        if (LLVMOffsetOfElement(cg->td, cg->codeinfo_ty, i) != ci[i])
            cg_die(cg, "CodeInfo field %u: layout differs from rt_func.h", i);
    for (unsigned i = 0; i < 7; i++)
        if (LLVMOffsetOfElement(cg->td, cg->moddef_ty, i) != md[i])
            cg_die(cg, "ModuleDef field %u: layout differs from rt_func.h", i);
    for (unsigned i = 0; i < 3; i++)
        if (LLVMOffsetOfElement(cg->td, cg->frame_ty, i) != fi[i])
            cg_die(cg, "FrameInfo field %u: layout differs from rt.h", i);
    if (LLVMABISizeOfType(cg->td, cg->codeinfo_ty) != sizeof(CodeInfo) ||
        LLVMABISizeOfType(cg->td, cg->moddef_ty) != sizeof(ModuleDef))
        cg_die(cg, "CodeInfo/ModuleDef size differs from rt_func.h");
}

/* Each module body starts by making the constants (once). */
static void emit_consts_guard(Cg *cg, LLVMValueRef fn)
{
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
    LLVMBasicBlockRef guard = LLVMInsertBasicBlockInContext(cg->ctx, entry, "consts");
    LLVMBasicBlockRef mk = LLVMInsertBasicBlockInContext(cg->ctx, entry, "consts.init");
    LLVMPositionBuilderAtEnd(cg->b, guard);
    LLVMValueRef r = LLVMBuildLoad2(cg->b, cg->i8, cg->consts_ready, "");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, r, LLVMConstInt(cg->i8, 0, 0), ""),
                    mk, entry);
    LLVMPositionBuilderAtEnd(cg->b, mk);
    LLVMBuildCall2(cg->b, LLVMFunctionType(cg->voidt, NULL, 0, 0), cg->consts_init, NULL, 0, "");
    LLVMBuildBr(cg->b, entry);
}

static void emit_main(Cg *cg, const MirModule *main_mod)
{
    LLVMTypeRef ps[2] = {cg->i32, cg->ptr};
    LLVMValueRef fn = LLVMAddFunction(cg->mod, "main", LLVMFunctionType(cg->i32, ps, 2, 0));
    LLVMPositionBuilderAtEnd(cg->b, LLVMAppendBasicBlockInContext(cg->ctx, fn, ""));
    LLVMValueRef a[3] = {LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), cg_moduledef(cg, main_mod)};
    LLVMValueRef r = call_rt(cg, RTF_rt_run_main, a, 3);
    LLVMBuildRet(cg->b, r);
}

static char *xstrdup_msg(const char *prefix, const char *msg)
{
    size_t n = strlen(prefix) + strlen(msg ? msg : "") + 1;
    char *s = malloc(n);
    snprintf(s, n, "%s%s", prefix, msg ? msg : "");
    return s;
}

/* ---- cold functions (cg_cold.c): no optimisation, fast instruction selection ---- */

static void add_fn_attr(Cg *cg, LLVMValueRef fn, const char *name)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(cg->ctx, kind, 0));
}

/* Marks the cold functions of p optnone + noinline (only when optimising: -O0 optimises
 * nothing anyway).  AITHON_COLD=0 turns this off (to compare code and build times). */
static void mark_cold(Cg *cg, const MirProgram *p)
{
    const char *e = getenv("AITHON_COLD");
    if (cg->opt->opt_level <= 0 || (e && *e == '0'))
        return;
    unsigned char *cold = cg_find_cold(p, cg->opt);
    for (int i = 0; i <= p->nfuncs; i++) {
        /* and the program's constants, made once at start-up */
        LLVMValueRef fn = i == p->nfuncs ? cg->consts_init
                        : cold[i]        ? cg_function_decl(cg, p->funcs[i])
                                         : NULL;
        if (fn) {
            add_fn_attr(cg, fn, "optnone");
            add_fn_attr(cg, fn, "noinline");
        }
    }
    free(cold);
}

/* Small straight-line clones (src/infer) are inlined into their callers: LLVM's cost model
 * counts every overflow and tag slow path of their arithmetic and keeps them out of line, so a
 * hot loop paid a call, the recursion counter's round trip and the result pair for a handful of
 * operations (spectral_norm's entry(i, j): 14 of its 68 instructions per call).  Inlining
 * changes nothing a program can see: the inlined body still counts its recursion depth and
 * adds its own traceback entry.  Small: native (i64/f64/i1) parameters and result, at most
 * INLINE_MAX instructions, no loop (no edge to an earlier block) and no call.direct (so chains
 * of inlined clones stay small).  Clones taking objects (raytracer's Vector methods) are left
 * to LLVM: inlining them all cost 20% more build time for 1% fewer instructions. */
enum { INLINE_MAX = 48 };

static int small_leaf_clone(const MirFunction *f)
{
    if (!f->origin || f->rettype == MT_DYN)
        return 0;
    for (int k = 0; k < f->nparams; k++)
        if (f->ptypes[k] == MT_DYN)
            return 0;   /* object arguments: methods, whose inlining bought ~1% for +20% build time */
    int n = 0;
    for (int b = 0; b < f->nblocks; b++) {
        const MirBlock *bl = f->blocks[b];
        for (int s = 0; s < bl->nsuccs; s++)
            if (bl->succs[s] && bl->succs[s]->id <= bl->id && !bl->succs[s]->is_unwind)
                return 0;
        for (int k = 0; k < bl->ninsts; k++) {
            if (bl->insts[k]->op == MIR_CallDirect || ++n > INLINE_MAX)
                return 0;
        }
    }
    return 1;
}

static void mark_inline(Cg *cg, const MirProgram *p)
{
    const char *e = getenv("AITHON_INLINE");
    if (cg->opt->opt_level <= 0 || (e && *e == '0'))
        return;
    for (int i = 0; i < p->nfuncs; i++)
        if (small_leaf_clone(p->funcs[i])) {
            add_fn_attr(cg, cg_function_decl(cg, p->funcs[i]), "alwaysinline");
            if (cg_spec_member(cg, p->funcs[i]))   /* what speculating callers call */
                add_fn_attr(cg, cg_spec_decl(cg, p->funcs[i]), "alwaysinline");
        }
}

/* AddressSanitizer instruments only functions with the sanitize_address attribute; as in clang,
 * it runs after the optimisation pipeline (so it checks the accesses that remain), and also
 * gives the module's globals (constants, CodeInfo, FrameInfo) redzones. */
static void mark_sanitized(Cg *cg)
{
    unsigned kind = LLVMGetEnumAttributeKindForName("sanitize_address", 16);
    LLVMAttributeRef a = LLVMCreateEnumAttribute(cg->ctx, kind, 0);
    for (LLVMValueRef f = LLVMGetFirstFunction(cg->mod); f; f = LLVMGetNextFunction(f))
        if (LLVMCountBasicBlocks(f) > 0)
            LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, a);
}

/* LLVMVerifyModule sets *msg even when the module is valid (an empty string that must still be
 * disposed of); only a failure's message is handed back. */
static int verify_fails(LLVMModuleRef m, char **msg)
{
    *msg = NULL;
    if (LLVMVerifyModule(m, LLVMReturnStatusAction, msg))
        return 1;
    if (*msg)
        LLVMDisposeMessage(*msg);
    *msg = NULL;
    return 0;
}

static void cg_free(Cg *cg)
{
    for (int i = 0; i < cg->nconsts; i++) {
        free(cg->consts[i].data);
        free(cg->consts[i].items);
    }
    free(cg->consts);
    for (size_t i = 0; i < cg->cstr_map.cap; i++)
        free((void *)cg->cstr_map.e[i].key);
    for (size_t i = 0; i < cg->obj_map.cap; i++)
        free((void *)cg->obj_map.e[i].key);
    free(cg->const_map.e);
    free(cg->cstr_map.e);
    free(cg->obj_map.e);
    free(cg->cstrs);
    free(cg->fdata);
    free(cg->moddefs);
    free(cg->srcs);
}

/* LLVM's own command-line options.  The generated code carries line tables but no variable
 * locations, so the code generator's instruction-referencing LiveDebugValues analysis (a few
 * percent of object emission) has nothing to find: the older one is cheaper on such code and
 * gives the same object.  Non-trivial unswitching (run only on versioned loops, see
 * codegen_emit's pipeline) may copy loops of up to 100 cost units instead of 50: a loop whose
 * bounds checks bounds.c versioned, with a call or two in it, is above 50 and kept every check
 * plus the test of its flag.  AITHON_LLVM_ARGS adds options, split at spaces (for looking inside
 * the back end, e.g. AITHON_LLVM_ARGS='-time-passes' prints LLVM's time per pass). */
static void llvm_options(void)
{
    const char *e = getenv("AITHON_LLVM_ARGS");
    char *copy = strdup(e ? e : "");
    const char *argv[64] = {"aithon", "-experimental-debug-variable-locations=false",
                            "-unswitch-threshold=100"};
    int argc = 3;
    for (char *t = strtok(copy, " "); t && argc < 63; t = strtok(NULL, " "))
        argv[argc++] = t;
    LLVMParseCommandLineOptions(argc, argv, "aithon");
    /* copy stays allocated: LLVM may keep pointers into it */
}

int codegen_emit(const MirProgram *p, const MirModule *main_mod, const CgOptions *opt,
                 const char *out_path, char **err)
{
    static int targets_ready;
    if (!targets_ready) {
        LLVMInitializeNativeTarget();
        LLVMInitializeNativeAsmPrinter();
        LLVMInitializeNativeAsmParser();
        llvm_options();
        targets_ready = 1;
    }
    *err = NULL;
    Cg cgs = {0}, *cg = &cgs;
    cg->opt = opt;
    cg->prog = p;
    cg->ctx = LLVMContextCreate();
    cg->mod = LLVMModuleCreateWithNameInContext(main_mod && main_mod->file ? main_mod->file
                                                                          : "aithon", cg->ctx);
    cg->b = LLVMCreateBuilderInContext(cg->ctx);
    init_types(cg);
    debug_init(cg, main_mod);

    /* target: a generic CPU of the host's architecture, so binaries run on any machine of it
     * and the output does not depend on the build machine's CPU */
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    char *msg = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &msg)) {
        *err = xstrdup_msg("cannot find the LLVM target: ", msg);
        LLVMDisposeMessage(msg);
        LLVMDisposeMessage(triple);
        return -1;
    }
    LLVMCodeGenOptLevel lvl = opt->opt_level <= 0 ? LLVMCodeGenLevelNone
                            : opt->opt_level == 1 ? LLVMCodeGenLevelLess
                            : opt->opt_level == 2 ? LLVMCodeGenLevelDefault
                                                  : LLVMCodeGenLevelAggressive;
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, "generic", "", lvl,
                                                      LLVMRelocPIC, LLVMCodeModelDefault);
    cg->td = LLVMCreateTargetDataLayout(tm);
    char *dl = LLVMCopyStringRepOfTargetData(cg->td);
    LLVMSetDataLayout(cg->mod, dl);
    LLVMDisposeMessage(dl);
    LLVMSetTarget(cg->mod, triple);
    check_layouts(cg);

    cg->consts_tmp = LLVMAddGlobal(cg->mod, cg->i64, "aithon.consts.tmp");
    cg->consts_ready = LLVMAddGlobal(cg->mod, cg->i8, "aithon.consts.ready");
    LLVMSetInitializer(cg->consts_ready, LLVMConstInt(cg->i8, 0, 0));
    LLVMSetLinkage(cg->consts_ready, LLVMInternalLinkage);
    cg->consts_init = LLVMAddFunction(cg->mod, "aithon.consts_init",
                                      LLVMFunctionType(cg->voidt, NULL, 0, 0));
    LLVMSetLinkage(cg->consts_init, LLVMInternalLinkage);

    /* functions in program order (deterministic), then module data, main, constants */
    for (int i = 0; i < p->nfuncs; i++)
        cg_function_decl(cg, p->funcs[i]);
    cg_spec_find(cg, p);
    for (int i = 0; i < p->nfuncs; i++) {
        const MirFunction *mf = p->funcs[i];
        if (mf->nblocks == 0) {
            LLVMValueRef fn = cg_function_decl(cg, mf);
            LLVMPositionBuilderAtEnd(cg->b, LLVMAppendBasicBlockInContext(cg->ctx, fn, ""));
            LLVMBuildRet(cg->b, LLVMConstInt(cg->i64, 0, 0));
            continue;
        }
        cg_function(cg, mf);
        if (is_module_init(mf))
            emit_consts_guard(cg, cg_function_decl(cg, mf));
    }
    for (int i = 0; i < p->nmodules; i++)
        if (p->modules[i]->init)
            finish_moduledef(cg, p->modules[i]);
    if (main_mod)
        emit_main(cg, main_mod);
    finish_consts(cg);
    LLVMDIBuilderFinalize(cg->dib);
    phase_time("codegen: IR emission");

    int rc = 0;
    CgSplit *split = NULL;
    if (opt->verify && verify_fails(cg->mod, &msg)) {
        *err = xstrdup_msg("LLVM verifier: ", msg);
        LLVMDisposeMessage(msg);
        rc = -1;
    }
    phase_time("LLVM verify");
    char passes[256];   /* read by the second partition's thread until cg_split_finish */
    if (rc == 0) {
        int level = opt->opt_level < 0 ? 0 : opt->opt_level > 3 ? 3 : opt->opt_level;
        /* A versioned range loop tests range.fast (loop-invariant) at every step; default<O2>
         * unswitches only trivial conditions, so the loop is split here into a counter loop
         * (its variable a known small int: no tag tests) and the iterator loop, then cleaned
         * up.  A loop whose bounds checks bounds.c versioned (in.range) is split on its flag
         * the same way.  instcombine here need not reach a fixpoint in one round (LLVM's
         * default for the pass given by name is to fail the build then). */
        const char *unswitch = cg->versioned_loops && level >= 2
                                   ? ",function(loop-mssa(simple-loop-unswitch<nontrivial>),"
                                     "instcombine<no-verify-fixpoint>,simplifycfg,loop(loop-rotate),"
                                     "loop-mssa(licm),instcombine<no-verify-fixpoint>,"
                                     "simplifycfg)"
                                   : "";
        snprintf(passes, sizeof passes, "default<O%d>%s%s", level, unswitch,
                 opt->sanitize_address ? ",asan" : "");
        if (opt->sanitize_address)
            mark_sanitized(cg);
        mark_cold(cg, p);
        mark_inline(cg, p);
        if (opt->emit == CG_EMIT_OBJ && opt->obj2_path && opt->opt_level > 0 &&
            !opt->sanitize_address)
            split = cg_split_start(cg->mod, target, triple, lvl, passes, opt->verify,
                                   opt->obj2_path);
        LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
        LLVMPassBuilderOptionsSetVerifyEach(po, 0);
        LLVMErrorRef e = LLVMRunPasses(cg->mod, passes, tm, po);
        LLVMDisposePassBuilderOptions(po);
        if (e) {
            char *em = LLVMGetErrorMessage(e);
            *err = xstrdup_msg("LLVM passes: ", em);
            LLVMDisposeErrorMessage(em);
            rc = -1;
        }
    }
    phase_time("LLVM optimisation");
    if (rc == 0 && opt->verify && verify_fails(cg->mod, &msg)) {
        *err = xstrdup_msg("LLVM verifier (after optimisation): ", msg);
        LLVMDisposeMessage(msg);
        rc = -1;
    }
    phase_time("LLVM verify");
    if (rc == 0) {
        if (opt->emit == CG_EMIT_LLVM) {
            if (LLVMPrintModuleToFile(cg->mod, out_path, &msg)) {
                *err = xstrdup_msg("cannot write LLVM IR: ", msg);
                LLVMDisposeMessage(msg);
                rc = -1;
            }
        } else if (LLVMTargetMachineEmitToFile(tm, cg->mod, (char *)out_path,
                                               opt->emit == CG_EMIT_ASM ? LLVMAssemblyFile
                                                                        : LLVMObjectFile,
                                               &msg)) {
            *err = xstrdup_msg("cannot emit code: ", msg);
            LLVMDisposeMessage(msg);
            rc = -1;
        }
    }
    LLVMDisposeDIBuilder(cg->dib);
    LLVMDisposeBuilder(cg->b);
    LLVMDisposeTargetData(cg->td);
    LLVMDisposeModule(cg->mod);
    LLVMDisposeTargetMachine(tm);
    if (split && cg_split_finish(split, err) != 0)
        rc = -1;
    LLVMDisposeMessage(triple);
    phase_time("LLVM object emission");
    LLVMContextDispose(cg->ctx);
    cg_free(cg);
    phase_time("LLVM dispose");
    return rc < 0 ? rc : split != NULL;
}
