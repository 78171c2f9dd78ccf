/*
 * alloc.c - the runtime's single allocation entry point, and rt_init().
 *
 * Entry points: rt_init, rt_alloc, rt_alloc_atomic, rt_realloc, rt_new_object; (core.h)
 * rt_gc_add_roots, rt_gc_collect.
 *
 * Every byte the runtime allocates comes through here, so the collector can be swapped:
 *   - default: the Boehm-Demers-Weiser collector (GC_MALLOC / GC_MALLOC_ATOMIC);
 *   - compiled with -DRT_GC_MALLOC (the sanitizer build, `RT_GC=malloc`): plain calloc/malloc
 *     that never free.  Boehm's conservative stack scanning and ASan's shadow memory and fake
 *     stacks do not mix (the collector misses pointers kept only on ASan's fake stack and frees
 *     live objects), so ASan/UBSan runs use this leak-everything allocator instead.
 * GMP's memory functions are routed here too (rt_init), so mpz limbs are collected like any
 * other object and a big int can adopt an mpz's limbs without copying.
 *
 * Invariants: rt_alloc memory is zeroed; a NULL result always comes with a pending MemoryError,
 * which is raised without allocating (the instance is preallocated in exc.c).
 */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_class.h"

#ifndef RT_GC_MALLOC
#include <gc.h>
#define RAW_ALLOC(n) GC_MALLOC(n)
#define RAW_ALLOC_ATOMIC(n) GC_MALLOC_ATOMIC(n)
#define RAW_REALLOC(p, n) GC_REALLOC(p, n)
#else
#define RAW_ALLOC(n) calloc(1, n)
#define RAW_ALLOC_ATOMIC(n) malloc(n)
#define RAW_REALLOC(p, n) realloc(p, n)
#endif

static int initialised;

/* RT_GC_STRESS (`RT_GC=stress`): a full collection every RT_GC_STRESS allocations, so that a
 * value the collector cannot see (kept only in thread-local storage, in non-GC memory, or in
 * a register across a call) is freed and reused quickly and the tests notice. */
#if defined(RT_GC_STRESS) && !defined(RT_GC_MALLOC)
static unsigned stress_count;
#define STRESS()                                                                         \
    do {                                                                                 \
        if (++stress_count % (RT_GC_STRESS) == 0)                                        \
            GC_gcollect();                                                               \
    } while (0)
#else
#define STRESS() ((void)0)
#endif

/* GMP cannot handle a NULL from its allocator (it has no error path), so running out of
 * memory inside GMP is fatal, as it would be in GMP itself.  Callers that can predict a huge
 * result (shifts, powers) check the size first and raise MemoryError instead. */
static void *gmp_alloc(size_t n)
{
    STRESS();
    void *p = RAW_ALLOC_ATOMIC(n ? n : 1);
    if (!p) {
        fputs("aithon: out of memory in big-integer arithmetic\n", stderr);
        abort();
    }
    return p;
}

static void *gmp_realloc(void *p, size_t old, size_t n)
{
    STRESS();
    (void)old;
    void *q = RAW_REALLOC(p, n ? n : 1);
    if (!q) {
        fputs("aithon: out of memory in big-integer arithmetic\n", stderr);
        abort();
    }
    return q;
}

/* Limbs may have been adopted by an IntObject, so GMP's frees are left to the collector. */
static void gmp_free(void *p, size_t n)
{
    (void)p;
    (void)n;
}

void rt_init(void)
{
    if (initialised)
        return;
    initialised = 1;
#ifndef RT_GC_MALLOC
    GC_INIT();
    /* a failed huge request is a MemoryError for the program, not a warning on its stderr */
    GC_set_warn_proc(GC_ignore_warn_proc);
#endif
    rt_alloc_thread_init();
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    rt_object_init();
    rt_exc_init();
    rt_num_init();
    /* the class machinery's slots (type's call, object's getattr ...) and then the builtins
     * module: every later step of a program may look an attribute up or a builtin name */
    rt_class_init();
    if (rt_builtins_init() < 0) {
        fputs("aithon runtime: cannot initialise the builtins module\n", stderr);
        abort();
    }
}

/* Fault injection for tests: when positive, the allocation that brings it to zero fails as
 * if memory were exhausted (GMP's own allocations excepted: they cannot fail).  One
 * predictable branch per allocation. */
int64_t rt_alloc_fail_after;

static inline int injected_failure(void)
{
    return __builtin_expect(rt_alloc_fail_after > 0, 0) && --rt_alloc_fail_after == 0;
}

/* Makes [lo, hi) a root range: the collector does not scan thread-local storage, so runtime
 * state kept there (the pending exception) must be registered. */
void rt_gc_add_roots(void *lo, void *hi)
{
#ifndef RT_GC_MALLOC
    GC_add_roots(lo, hi);
#else
    (void)lo;
    (void)hi;
#endif
}

void rt_gc_collect(void)
{
#ifndef RT_GC_MALLOC
    GC_gcollect();
#endif
}

/* Small objects (floats, bound methods, iterators, instances ...) come from free lists of
 * collector memory that GC_malloc_many fills a block at a time: taking one is a pop, where
 * GC_MALLOC costs a call into the collector and a thread-local lookup.  The lists are static
 * data, so the collector traces them (the objects are ordinary, scanned ones, linked through
 * their first word) and never frees an object still on a list; GC_malloc_many hands objects
 * out cleared except that link, which the pop clears.  The lists are per thread, so each thread
 * registers its own as a root (rt_alloc_thread_init): the collector does not scan
 * thread-local storage. */
#if !defined(RT_GC_MALLOC) && !defined(RT_GC_STRESS)
#define SMALL_GRANULE 16
#define SMALL_MAX 128
static _Thread_local void *small_free[SMALL_MAX / SMALL_GRANULE + 1];

static inline void *small_alloc(size_t n)
{
    size_t c = (n + SMALL_GRANULE - 1) / SMALL_GRANULE;
    void *p = small_free[c];
    if (__builtin_expect(p == NULL, 0)) {
        p = GC_malloc_many(c * SMALL_GRANULE);
        if (!p)
            return NULL;
    }
    small_free[c] = GC_NEXT(p);
    GC_NEXT(p) = NULL;
    return p;
}
#endif

void rt_alloc_thread_init(void)
{
#if !defined(RT_GC_MALLOC) && !defined(RT_GC_STRESS)
    rt_gc_add_roots(small_free, small_free + sizeof small_free / sizeof small_free[0]);
#endif
}

void *rt_alloc(size_t n)
{
#if !defined(RT_GC_MALLOC) && !defined(RT_GC_STRESS)
    if (n - 1 < SMALL_MAX && __builtin_expect(rt_alloc_fail_after <= 0, 1)) {
        void *q = small_alloc(n);
        if (__builtin_expect(q != NULL, 1))
            return q;
        rt_raise_memory_error();
        return NULL;
    }
#endif
    STRESS();
    void *p = injected_failure() ? NULL : RAW_ALLOC(n ? n : 1);
    if (!p)
        rt_raise_memory_error();
    return p;
}

void *rt_alloc_atomic(size_t n)
{
    STRESS();
    void *p = injected_failure() ? NULL : RAW_ALLOC_ATOMIC(n ? n : 1);
    if (!p)
        rt_raise_memory_error();
    return p;
}

/* The grown tail is not guaranteed to be zeroed (callers track their own sizes). */
void *rt_realloc(void *p, size_t n)
{
    STRESS();
    void *q = injected_failure() ? NULL : RAW_REALLOC(p, n ? n : 1);
    if (!q)
        rt_raise_memory_error();
    return q;
}

Object *rt_new_object(Type *t, size_t size)
{
    Object *o = rt_alloc(size);
    if (o)
        o->type = t;
    return o;
}
