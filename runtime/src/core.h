/*
 * core.h - internal interface between the runtime's core files (alloc.c, object.c, exc.c,
 * int.c, float.c, complex.c, numfmt.c, format.c).  Not part of the ABI: generated code never
 * includes it.  Everything here is prefixed rt_ like the public API but declared only here.
 */
#ifndef AITHON_RT_CORE_H
#define AITHON_RT_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "rt.h"

/* initialisers called once by rt_init(), in this order */
void rt_object_init(void);
void rt_exc_init(void);
void rt_num_init(void);
/* every thread that runs Python code calls this first (the main thread's is in rt_init):
 * it registers the thread's exception state with the collector */
void rt_exc_thread_init(void);
/* registers the calling thread's small-object free lists with the collector (alloc.c; called
 * by rt_init for the main thread and by rt_exc_thread_init) */
void rt_alloc_thread_init(void);
/* an object whose only pointer is its type, which must be a static (never collected) type:
 * the collector does not scan it (exact floats and complexes); other fields not zeroed */
Object *rt_new_object_ptrfree(Type *t, size_t size);

/* the collector: extra root ranges (thread-local state), and a full collection (tests) */
void rt_gc_add_roots(void *lo, void *hi);
void rt_gc_collect(void);
/* the collection count (alloc.c): an object seen while it is unchanged has not been freed
 * since, even when nothing references it, as only a collection frees (a weak peek) */
extern uint64_t rt_gc_epoch;
/* tests: the allocation that counts this down to zero fails (MemoryError); 0 = off */
extern int64_t rt_alloc_fail_after;

/* rt_alloc and rt_new_object inline, for the runtime's hottest constructors (tuples, lists,
 * dicts, instances): the pop from alloc.c's free list of scanned objects (class c holds
 * c-granule objects with room for n bytes and the byte past the end; objects are linked
 * through their first word, the rest is zeroed) with the size class a constant, about 8
 * instructions where the calls cost 25.  An empty list, fault injection, the stress and
 * malloc collectors and sizes past RT_SMALL_INLINE_MAX go through rt_alloc. */
#define RT_SMALL_INLINE_MAX 256   /* alloc.c's SMALL_MAX */
extern _Thread_local void *rt_small_free[];
static inline void *rt_alloc_inline(size_t n)
{
#if !defined(RT_GC_MALLOC) && !defined(RT_GC_STRESS)
    if (n - 1 < RT_SMALL_INLINE_MAX) {
        size_t c = n / 16 + 1;
        void *p = rt_small_free[c];
        if (__builtin_expect(p != NULL && rt_alloc_fail_after <= 0, 1)) {
            rt_small_free[c] = *(void **)p;
            *(void **)p = NULL;
            return p;
        }
    }
#endif
    return rt_alloc(n);
}

/* rt_alloc_atomic inline (strings): the pop from the pointer-free list of class
 * (n + 1 + 15) / 16, valid while no collection ran since the list was filled */
extern _Thread_local void *rt_ptrfree_free[];
extern _Thread_local uint64_t rt_ptrfree_epoch;
static inline void *rt_alloc_atomic_inline(size_t n)
{
#if !defined(RT_GC_MALLOC) && !defined(RT_GC_STRESS)
    if (n < RT_SMALL_INLINE_MAX) {
        size_t c = (n + 16) / 16;
        void *p = rt_ptrfree_free[c];
        if (__builtin_expect(p != NULL && rt_ptrfree_epoch == rt_gc_epoch &&
                                 rt_alloc_fail_after <= 0,
                             1)) {
            rt_ptrfree_free[c] = *(void **)p;
            return p;
        }
    }
#endif
    return rt_alloc_atomic(n);
}

static inline Object *rt_new_object_inline(Type *t, size_t size)
{
    Object *o = rt_alloc_inline(size);
    if (o)
        o->type = t;
    return o;
}

/* gives a static type its bases and mro tuples (single inheritance); -1 on error */
int rt_type_ready(Type *t);

/* exc.c's per-thread exception state: the pending exception and the one being handled
 * (rt_exc_pending / rt_exc_handled); read directly only where a call per step shows (a
 * generator's resume, gen.c, and its inline copy in src/codegen/codegen.c gen_next_known,
 * which relies on this layout) */
struct RtExcState {
    Value pending;
    Value handled;
};
extern _Thread_local struct RtExcState rt_exc_state;

/* rt_print_exception into any stream (tests capture it) */
void rt_print_exception_to(FILE *out, Value exc);

/* raises the preallocated MemoryError (never allocates); returns RT_ERR */
Value rt_raise_memory_error(void);

/* The str layout is fixed by rt.h, so core code reads str objects directly. */
static inline const char *rt_str_bytes(Value s) { return ((StrObject *)rt_obj(s))->data; }
static inline size_t rt_str_nbytes(Value s) { return (size_t)((StrObject *)rt_obj(s))->size; }

/* repr()/str() through the type slots only: the core must not depend on the generic protocol
 * (abstract.c) so that it can be tested alone.  Both return a str or RT_ERR. */
Value rt_core_repr(Value v);
Value rt_core_str(Value v);

/* A growable byte buffer for building strings (GC memory, never freed explicitly). */
typedef struct StrBuf {
    char *p;
    size_t len, cap;
    int failed;          /* an allocation failed: MemoryError is pending */
} StrBuf;
void rt_sb_init(StrBuf *b);
void rt_sb_add(StrBuf *b, const char *s, size_t n);
void rt_sb_adds(StrBuf *b, const char *s);
void rt_sb_addc(StrBuf *b, char c);
void rt_sb_fill(StrBuf *b, const char *fill, size_t fill_n, int64_t count);
void rt_sb_vprintf(StrBuf *b, const char *fmt, va_list ap);   /* Python-aware, see exc.c */
Value rt_sb_finish(StrBuf *b);    /* the str, or RT_ERR */
Value rt_sb_str_fmt(const char *fmt, ...);   /* a str from rt_sb_vprintf's format */

/* type-name helper for messages: "int", "float", user class names */
static inline const char *rt_type_name(Value v) { return rt_typeof(v)->name; }

/* is v an int (small, bool, big or an int subclass)? */
static inline int rt_is_int(Value v)
{
    return rt_is_small(v) || (rt_obj(v)->type->flags & RT_TPFLAG_INT_SUBCLASS);
}
int rt_is_float(Value v);    /* float or a subclass */

#endif
