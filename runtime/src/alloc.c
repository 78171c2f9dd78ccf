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
#define _GNU_SOURCE   /* dladdr1, RTLD_DEFAULT */
#include <dlfcn.h>
#include <gmp.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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
/* bumped by every collection (core.h): memory seen at one epoch is intact while it lasts */
uint64_t rt_gc_epoch = 1;
#define RT_INITIAL_HEAP ((size_t)RT_INITIAL_HEAP_MIB << 20)
#ifndef RT_INITIAL_HEAP_MIB
#define RT_INITIAL_HEAP_MIB 8
#endif
#ifndef RT_GC_MALLOC
static void GC_CALLBACK on_gc_event(GC_EventType e);   /* the small-object lists, below */

/* Heap policy for big heaps: collecting after allocating the live size (divisor 1, see rt_init)
 * lets the heap grow to about 3 times the live data, which is cheap in time for the usual
 * few-MiB heaps but in a program that keeps 50 MiB it is 150 MiB of resident memory (strformat:
 * CPython needs 73).  Past RT_BIG_HEAP the collector runs twice as often (divisor 2), so
 * bigger heaps grow by half as much beyond the live data. */
#define RT_BIG_HEAP ((GC_word)RT_BIG_HEAP_MIB << 20)
#ifndef RT_BIG_HEAP_MIB
#define RT_BIG_HEAP_MIB 64
#endif
static int adapt_divisor;
static void GC_CALLBACK on_heap_resize(GC_word size)
{
    /* called with the collector's lock held: only a store, no call that takes the lock */
    if (adapt_divisor)
        GC_set_free_space_divisor(size >= RT_BIG_HEAP ? 2 : 1);
}
#endif

/* Under ASan the malloc allocator's never-freed objects are not leaks (the collector's memory is
 * not freed at exit either), and a huge request must return NULL (a MemoryError) rather than
 * abort: these are the defaults of a sanitized program; $ASAN_OPTIONS still overrides them. */
#if defined(RT_GC_MALLOC) && defined(__has_feature)
#if __has_feature(address_sanitizer)
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "detect_leaks=0:allocator_may_return_null=1";
}
#endif
#endif

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

#ifndef RT_GC_MALLOC
/* The collector's memory in transparent huge pages.  bdwgc takes its heap sections and its own
 * tables (block headers, 64 KiB at a time) from mmap, and the first write to each 4 KiB page
 * faults.  In a virtual machine a fault costs about 10 us: a program that fills its 8 MiB
 * starting heap with garbage before the first collection took 2,000 faults, 20 ms, as long as
 * its computation, where one 2 MiB page costs one fault and ~170 us of zeroing.  The driver
 * links with -Wl,--wrap=mmap when the collector comes from its archive, which sends libgc's
 * mmap calls here.  A big anonymous read-write mapping is placed on a 2 MiB boundary, its
 * length rounded up to whole 2 MiB pages (a partial last page could never be a huge one, and
 * the collector allocates from the high end first), and marked MADV_HUGEPAGE: the kernel's
 * "madvise" mode, Debian's default, gives huge pages only to memory marked so.  Smaller ones
 * are cut from such a page in turn; the collector never returns them (it unmaps parts of its
 * heap with mmap(MAP_FIXED), which passes through, as does every other kind of mapping).
 * mmap64 is glibc's other name for mmap, which --wrap=mmap leaves alone, so the wrapper needs
 * no __real_mmap and the runtime still links without the option. */
#define HUGE_PAGE ((size_t)2 << 20)
static char *huge_next, *huge_end;   /* the rest of the last huge page cut into small mappings */

static void *huge_map(size_t len, int prot, int flags)
{
    len = (len + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    char *p = mmap64(NULL, len + HUGE_PAGE, prot, flags, -1, 0);
    if (p == MAP_FAILED)
        return p;
    char *a = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (a > p)
        munmap(p, (size_t)(a - p));
    if (a + len < p + len + HUGE_PAGE)
        munmap(a + len, (size_t)(p + len + HUGE_PAGE - (a + len)));
    madvise(a, len, MADV_HUGEPAGE);
    return a;
}

void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    if ((flags & (MAP_FIXED | MAP_ANONYMOUS | MAP_SHARED)) != MAP_ANONYMOUS ||
        prot != (PROT_READ | PROT_WRITE) || len == 0 || len % 4096 != 0)
        return mmap64(addr, len, prot, flags, fd, off);
    if (len >= HUGE_PAGE / 4)
        return huge_map(len, prot, flags);
    if ((size_t)(huge_end - huge_next) < len) {
        char *p = huge_map(HUGE_PAGE, prot, flags);
        if (p == MAP_FAILED)
            return mmap64(addr, len, prot, flags, fd, off);
        huge_next = p;
        huge_end = p + HUGE_PAGE;
    }
    void *r = huge_next;
    huge_next += len;
    return r;
}
#endif

#ifndef RT_GC_MALLOC
/* Block runs.  A free list that runs empty gets a new 4 KiB block from the collector
 * (GC_allochblk), which searches its free-block lists by size from 1 block up, one call per
 * list, and takes the first run big enough.  A fresh heap, or one after a collection that freed
 * most of it, is one big run on the last of about 60 lists, so each block cost ~2,500
 * instructions of walking empty lists (a quarter of pidigits, a sixth of binary_trees).  Free
 * blocks next to each other are merged, so a small run exists only between blocks in use.
 * This keeps one: a reservation, a RUN_BLOCKS-block pointer-free object held from a static, is
 * taken from the big run; once the blocks allocated after it are in use it is freed (after its
 * successor reservation is taken right behind them), which leaves a run of RUN_BLOCKS blocks
 * between blocks in use, on a low list where the next block requests find it after a few
 * lists.  When that many bytes of free blocks were used (GC_get_free_bytes) or a collection
 * ran, the next reservation is made.  The reservation's pages are never written, so it costs
 * address space but no resident memory; only RUN_BLOCKS blocks are reserved at a time, and
 * nothing is reserved when the heap's free space is small (a reservation could then make the
 * collector collect or grow the heap for it). */
#ifndef RUN_BLOCKS
#define RUN_BLOCKS 8
#endif
#define RUN_BYTES ((size_t)RUN_BLOCKS * 4096)
#define RUN_MIN_FREE (16 * RUN_BYTES)
static void *run_reserved;   /* static data is a root: the reservation stays allocated */
static size_t run_mark;      /* free bytes at which the last freed run is used up */
static uint64_t run_epoch;

static void __attribute__((noinline)) run_renew(size_t free_now)
{
    run_epoch = rt_gc_epoch;
    if (free_now < RUN_MIN_FREE) {
        run_mark = 0;
        return;
    }
    /* pointer-free and one byte short of RUN_BYTES (the collector adds a byte past the end):
     * exactly RUN_BLOCKS blocks, not cleared, never scanned */
    size_t heap = GC_get_heap_size();
    void *next = GC_MALLOC_ATOMIC(RUN_BYTES - 1);
    void *old = run_reserved;
    run_reserved = next;
    if (old)
        GC_FREE(old);
    if (run_epoch != rt_gc_epoch || GC_get_heap_size() != heap) {
        /* no free run was big enough for the reservation (the free space is in small runs,
         * which block requests find quickly anyway), so it collected or grew the heap: no
         * more reservations until the next collection */
        run_epoch = rt_gc_epoch;
        run_mark = 0;
        return;
    }
    size_t after = GC_get_free_bytes();
    run_mark = after > RUN_BYTES ? after - RUN_BYTES : 0;
}

/* called before anything that may take a new block from the collector */
static inline void run_check(void)
{
    size_t free_now = GC_get_free_bytes();
    if (__builtin_expect(free_now <= run_mark || run_epoch != rt_gc_epoch, 0))
        run_renew(free_now);
}
#else
#define run_check() ((void)0)
#endif

/* GMP cannot handle a NULL from its allocator (it has no error path), so running out of
 * memory inside GMP is fatal, as it would be in GMP itself.  Callers that can predict a huge
 * result (shifts, powers) check the size first and raise MemoryError instead.
 *
 * Limbs hold no pointers, so GMP's memory is atomic (never scanned), except for GMP's
 * temporary blocks.  Those (TMP_BALLOC, used by the FFT and other large multiplications; all
 * made by __gmp_tmp_reentrant_alloc) are chained through a `next` pointer stored inside each
 * block, only the newest one referenced from the stack, and mpn_mul_fft keeps arrays of
 * pointers to its work areas in such blocks.  Atomic, they let a collection during a
 * multiplication free work areas still in use, and the reused memory made the multiplication
 * crash or loop (issue 4: programs importing decimal hung or segfaulted;
 * tests/build/gmp_temp_gc.py).  So an allocation whose caller is __gmp_tmp_reentrant_alloc
 * (its address range is found once, through the dynamic symbol table) is scanned; when that
 * range cannot be found (a GMP linked differently), every GMP block is scanned, which is
 * correct but slower (scanning big limbs for pointers). */
static uintptr_t gmp_tmp_lo, gmp_tmp_size;
static int gmp_scan_all;

/* GMP's own (internal, but global) functions in tal-reent.c, referenced directly for a program
 * linked with libgmp.a, where the dynamic symbol table has no entry for them. */
void *__gmp_tmp_reentrant_alloc(void *markp, size_t size);
void __gmp_tmp_reentrant_free(void *mark);

static void gmp_find_tmp_alloc(void)
{
    void *f = dlsym(RTLD_DEFAULT, "__gmp_tmp_reentrant_alloc");
    Dl_info info;
    const ElfW(Sym) *sym = NULL;
    if (f && dladdr1(f, &info, (void **)&sym, RTLD_DL_SYMENT) && sym && sym->st_size) {
        gmp_tmp_lo = (uintptr_t)f;
        gmp_tmp_size = sym->st_size;
        return;
    }
    /* Linked statically (driver.c links libgmp.a when it can), the function has no dynamic
     * symbol, and scanning every limb made pidigits's collections and allocations slower (its
     * blocks are not atomic then).  The direct reference is the real address in a static link;
     * tal-reent.c defines the free function right after the alloc one, so the alloc function
     * ends at most there.  Anything else (an unexpected layout) scans every block, as before. */
    uintptr_t a = (uintptr_t)__gmp_tmp_reentrant_alloc, e = (uintptr_t)__gmp_tmp_reentrant_free;
    if (!f && e > a && e - a <= 1024) {
        gmp_tmp_lo = a;
        gmp_tmp_size = e - a;
    } else {
        gmp_scan_all = 1;
    }
}

static void *gmp_alloc(size_t n)
{
    STRESS();
    run_check();
    uintptr_t caller = (uintptr_t)__builtin_return_address(0);
    void *p = gmp_scan_all || caller - gmp_tmp_lo < gmp_tmp_size ? RAW_ALLOC(n ? n : 1)
                                                                  : RAW_ALLOC_ATOMIC(n ? n : 1);
    if (!p) {
        fputs("aithon: out of memory in big-integer arithmetic\n", stderr);
        abort();
    }
    return p;
}

/* GC_REALLOC keeps the block's kind (GMP never reallocates its temporary blocks) */
static void *gmp_realloc(void *p, size_t old, size_t n)
{
    STRESS();
    run_check();
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

#ifndef RT_GC_MALLOC
/* The cold end of the main thread's stack for the collector, which otherwise finds it with
 * pthread_getattr_np: glibc opens and parses /proc/self/maps with sscanf for the main
 * thread, an eighth of an empty program's instructions (100,000) and ten page faults of
 * stdio code and buffers.  __libc_stack_end is the stack pointer the process started with,
 * where argc is; every frame of the program (main and what it calls) lies below it and
 * above it are only argv, the environment and the auxiliary vector, which hold no pointer
 * to collected memory, so scanning up to it sees every root the stack can hold. */
extern void *__libc_stack_end;

static void set_stack_bottom(void)
{
    struct GC_stack_base sb = {.mem_base = __libc_stack_end};
    if (sb.mem_base)
        GC_set_stackbottom(NULL, &sb);
}
#endif

/* Writes the executable's initialised data in one call instead of one page fault per page.
 * Start-up writes nearly every page of .data (the built-in types readied by rt_type_ready,
 * the exception types, method tables, the collector's kinds), and the first write to each
 * private file page is a fault that copies it: in a virtual machine a fault costs about
 * 10-15 us, where MADV_POPULATE_WRITE makes the same copies for about 4 us a page without
 * trapping (20 pages: 200 us of an empty program's 3 ms).  The contents are unchanged;
 * a kernel older than 5.14 refuses the advice and the pages fault in as before. */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
extern char __data_start[], _edata[];

static void populate_data(void)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t lo = (uintptr_t)__data_start & ~(page - 1);
    uintptr_t hi = ((uintptr_t)_edata + page - 1) & ~(page - 1);
    if (hi > lo)
        (void)madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
}

void rt_init(void)
{
    if (initialised)
        return;
    initialised = 1;
    populate_data();
#ifndef RT_GC_MALLOC
    /* No collection inside GC_init: it marks from every root of the (static) executable to
     * seed the black list of addresses that look like pointers, about a third of an empty
     * program's instructions (1.35M), on a heap that holds nothing yet.  The first real
     * collection builds the same black list; until then a block may be placed where a false
     * pointer points, which can only keep one garbage object alive longer. */
    GC_set_dont_precollect(1);
    set_stack_bottom();
    GC_INIT();
    /* a failed huge request is a MemoryError for the program, not a warning on its stderr */
    GC_set_warn_proc(GC_ignore_warn_proc);
    GC_set_on_collection_event(on_gc_event);
    /* Heap policy: a collection costs about the live data, and by default one runs each
     * time a third of the live size has been allocated since the last (divisor 3) in a
     * heap that starts at a few hundred KiB, so a program that boxes floats or builds
     * short-lived objects spends most of its time marking the same live objects again.
     * Collecting after allocating the live size (divisor 1, about twice the live size in
     * heap) and starting with a 16 MiB heap cut the collections of matmul, raytracer and
     * json_roundtrip 5-20x and their time by a quarter or more; the price is resident
     * memory.  The heap starts at 8 MiB now: with divisor 1 it grows to what the program
     * needs anyway, so small programs stay small (richards 21 -> 12 MiB, raytracer 30 -> 22)
     * and binary_trees, whose heap grows past 16 MiB instead of collecting in it, runs 5%
     * fewer instructions (raytracer 1% more).  Big heaps change to divisor 2
     * (on_heap_resize).  The collector's own environment variables still override these. */
    if (!getenv("GC_FREE_SPACE_DIVISOR")) {
        GC_set_free_space_divisor(1);
        adapt_divisor = 1;
        GC_set_on_heap_resize(on_heap_resize);
    }
    if (!getenv("GC_INITIAL_HEAP_SIZE") && GC_get_heap_size() < RT_INITIAL_HEAP)
        GC_expand_hp(RT_INITIAL_HEAP - GC_get_heap_size());
#endif
    rt_alloc_thread_init();
    gmp_find_tmp_alloc();
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

/* Small objects (floats, strings, bound methods, iterators, instances ...) come from free
 * lists of collector memory that the collector fills a block at a time (GC_malloc_many,
 * GC_generic_malloc_many): taking one is a pop, where GC_MALLOC costs a call into the
 * collector and a thread-local lookup.  Two kinds of lists, by size class of SMALL_GRANULE
 * bytes:
 *   - scanned objects (rt_alloc): the list heads are a root (rt_alloc_thread_init: the
 *     collector does not scan thread-local storage) and the objects are linked through their
 *     first word, so the collector traces every object still on a list and never frees one;
 *     the collector hands them out cleared except that link, which the pop clears;
 *   - pointer-free objects (rt_new_object_ptrfree: exact floats and complexes, whose only
 *     pointer is their static type; rt_alloc_atomic: strings and byte buffers): the
 *     collector does not look inside them, so their links are not traced and every object
 *     on such a list is garbage to a collection.  Each collection bumps rt_gc_epoch
 *     (on_gc_event); a thread drops its pointer-free lists when the epoch it filled them in
 *     is past.  A collection runs only inside an allocation call on the allocating thread,
 *     never between the epoch check and the pop: the runtime runs Python code on one thread
 *     (a second thread would need its lists dropped with the world stopped).
 * Pointer-free floats are not scanned when marking, which is most of a collection's work in
 * float-heavy programs.
 * Sizes: scanned objects and rt_alloc_atomic buffers get GC_MALLOC's size class, which
 * includes a byte past the end so that a pointer just past an object stays inside it (with
 * exact 16-byte scanned objects such a pointer kept the wrong object alive and programs
 * crashed).  rt_new_object_ptrfree objects are exactly their size class: nothing points
 * past the end of a float, and 16-byte floats are markedly faster than 32-byte ones. */
#ifndef RT_GC_MALLOC
#include <gc/gc_inline.h>
#define SMALL_GRANULE 16
#define SMALL_MAX 256
#define SMALL_CLASSES (SMALL_MAX / SMALL_GRANULE + 2)
_Static_assert(SMALL_MAX == RT_SMALL_INLINE_MAX && SMALL_GRANULE == 16, "core.h's inline pop");
_Static_assert(SMALL_MAX == 256, "src/codegen/codegen.c inst_new's INST_INLINE_MAX");
#ifndef RT_GC_STRESS
_Thread_local void *rt_small_free[SMALL_CLASSES];   /* core.h's rt_alloc_inline pops too */
#define small_free rt_small_free
#else
/* the stress collector must see every allocation: inline pops (generated code's, below) find
 * an always-empty rt_small_free and call the runtime, which uses these lists */
static _Thread_local void *small_free[SMALL_CLASSES];
#endif
_Thread_local void *rt_ptrfree_free[SMALL_CLASSES];   /* core.h's rt_alloc_atomic_inline */
_Thread_local uint64_t rt_ptrfree_epoch;
#define ptrfree_free rt_ptrfree_free
#define ptrfree_epoch rt_ptrfree_epoch

static void GC_CALLBACK on_gc_event(GC_EventType e)
{
    if (e == GC_EVENT_START || e == GC_EVENT_MARK_START)
        rt_gc_epoch++;
}

static inline void *small_alloc(size_t n)
{
    /* class c holds c-granule objects, the smallest with room for n bytes and the byte past
     * the end; GC_malloc_many adds that byte to its argument itself, hence the - 1 (asking
     * for c granules made every object one granule bigger than GC_MALLOC's: a 2-tuple,
     * 40 bytes, took 64) */
    size_t c = n / SMALL_GRANULE + 1;
    void *p = small_free[c];
    if (__builtin_expect(p == NULL, 0)) {
        run_check();
        p = GC_malloc_many(c * SMALL_GRANULE - 1);
        if (!p)
            return NULL;
    }
    small_free[c] = GC_NEXT(p);
    GC_NEXT(p) = NULL;
    return p;
}

static void *ptrfree_refill(size_t c)
{
    uint64_t before = rt_gc_epoch;
    void *p = NULL;
    run_check();
    GC_generic_malloc_many(c * SMALL_GRANULE, GC_I_PTRFREE, &p);
    /* a collection in there made the other lists' objects garbage */
    if (rt_gc_epoch != before || ptrfree_epoch != before)
        memset(ptrfree_free, 0, sizeof ptrfree_free);
    ptrfree_epoch = rt_gc_epoch;
    return p;
}

static inline void *ptrfree_alloc(size_t n)
{
    size_t c = (n + SMALL_GRANULE - 1) / SMALL_GRANULE;
    void *p = __builtin_expect(ptrfree_epoch == rt_gc_epoch, 1) ? ptrfree_free[c] : NULL;
    if (__builtin_expect(p == NULL, 0)) {
        p = ptrfree_refill(c);
        if (!p)
            return NULL;
    }
    ptrfree_free[c] = GC_NEXT(p);
    return p;
}
#endif

/* Big allocations (RT_BIG_ALLOC bytes or more: a list of 131072 items) grow the heap ahead
 * when it has no room for them, instead of letting the collector collect first.  Boehm
 * collects when a request does not fit and "enough" was allocated since the last collection,
 * which right after start-up is almost nothing: sieve(10**6)'s 8 MB list arrived in the 8 MiB
 * starting heap, the collection it caused freed nothing and marked the list's million words
 * (94.3M instructions, 10M of them that marking).  The heap grows instead while what was
 * allocated since the last collection is less than what the divisor policy would allow
 * anyway (the live size / the free-space divisor, at least the starting heap): a collection
 * now would find little garbage.  That bound keeps the heap proportional to the live data:
 * a loop making big temporary lists has allocated the live size after one or two of them,
 * and from then on the collector collects as before.  The growth is the request plus
 * RT_BIG_SLACK for the small objects that follow, so the next collection does not come at
 * once (while the big object is young and likely still live); untouched heap pages cost no
 * resident memory. */
#ifndef RT_GC_MALLOC
#define RT_BIG_ALLOC ((size_t)1 << 20)
#ifndef RT_BIG_SLACK_MIB
#define RT_BIG_SLACK_MIB 8
#endif
static void grow_for_big(size_t n)
{
    GC_word heap, free_bytes, unmapped, since;
    GC_get_heap_usage_safe(&heap, &free_bytes, &unmapped, &since, NULL);
    /* unmapped blocks are remapped on demand: they count as room */
    if (free_bytes + unmapped >= n + n / 8 || n > ((size_t)1 << 40))
        return;
    GC_word in_use = heap > free_bytes ? heap - free_bytes : 0;
    GC_word live = in_use > since ? in_use - since : 0;
    GC_word divisor = GC_get_free_space_divisor();
    GC_word allowed = live / (divisor ? divisor : 1);
    if (allowed < RT_INITIAL_HEAP)
        allowed = RT_INITIAL_HEAP;
    if (since >= allowed)
        return;   /* a collection is due: it may free the room */
    size_t slack = n / 4;
    if (slack < (size_t)RT_BIG_SLACK_MIB << 20)
        slack = (size_t)RT_BIG_SLACK_MIB << 20;
    GC_expand_hp(n + slack);
}
#define GROW_FOR_BIG(n)                                                                  \
    do {                                                                                 \
        if ((n) >= RT_BIG_ALLOC)                                                         \
            grow_for_big(n);                                                             \
    } while (0)
#else
#define GROW_FOR_BIG(n) ((void)0)
#endif

/* Generated code pops tuples of 1-4 items from rt_small_free inline (codegen.c build_tuple), so
 * the symbol exists in every collector mode; where inline pops must not happen (the stress
 * and malloc collectors) it stays all NULL and every pop falls back to rt_tuple_from. */
#if defined(RT_GC_MALLOC) || defined(RT_GC_STRESS)
_Thread_local void *rt_small_free[RT_SMALL_INLINE_MAX / 16 + 2];
#endif

void rt_alloc_thread_init(void)
{
#ifndef RT_GC_MALLOC
    rt_gc_add_roots(small_free, small_free + SMALL_CLASSES);
#endif
}

void *rt_alloc(size_t n)
{
#ifndef RT_GC_MALLOC
    if (n - 1 < SMALL_MAX && __builtin_expect(rt_alloc_fail_after <= 0, 1)) {
        STRESS();
        void *q = small_alloc(n);
        if (__builtin_expect(q != NULL, 1))
            return q;
        rt_raise_memory_error();
        return NULL;
    }
#endif
    STRESS();
    GROW_FOR_BIG(n);
    run_check();
    void *p = injected_failure() ? NULL : RAW_ALLOC(n ? n : 1);
    if (!p)
        rt_raise_memory_error();
    return p;
}

Object *rt_new_object_ptrfree(Type *t, size_t size)
{
#ifndef RT_GC_MALLOC
    if (size - 1 < SMALL_MAX && __builtin_expect(rt_alloc_fail_after <= 0, 1)) {
        STRESS();
        Object *o = ptrfree_alloc(size);
        if (__builtin_expect(o != NULL, 1)) {
            o->type = t;
            return o;
        }
        rt_raise_memory_error();
        return NULL;
    }
#endif
    Object *o = rt_alloc_atomic(size);
    if (o)
        o->type = t;
    return o;
}

/* float.c's constructor lives here: it is the one allocation of float-heavy code, and with
 * the pointer-free list in reach the common case pops a 16-byte object (size class 1) in a
 * dozen instructions.  Anything unusual (an empty or stale list, fault injection, the stress
 * collector) takes rt_new_object_ptrfree. */
Value rt_float(double d)
{
    FloatObject *f;
#if !defined(RT_GC_MALLOC) && !defined(RT_GC_STRESS)
    _Static_assert(sizeof(FloatObject) == SMALL_GRANULE, "a float is one granule");
    void *p = ptrfree_free[1];
    if (__builtin_expect(p != NULL && ptrfree_epoch == rt_gc_epoch && rt_alloc_fail_after <= 0,
                         1)) {
        ptrfree_free[1] = GC_NEXT(p);
        f = (FloatObject *)p;
        f->ob.type = &rt_float_type;
        f->v = d;
        return rt_val(f);
    }
#endif
    f = (FloatObject *)rt_new_object_ptrfree(&rt_float_type, sizeof(FloatObject));
    if (!f)
        return RT_ERR;
    f->v = d;
    return rt_val(f);
}

void *rt_alloc_atomic(size_t n)
{
#ifndef RT_GC_MALLOC
    /* strings and other byte buffers: GC_MALLOC_ATOMIC's size class (a byte past the end
     * included), from the pointer-free lists */
    if (n < SMALL_MAX && __builtin_expect(rt_alloc_fail_after <= 0, 1)) {
        STRESS();
        void *q = ptrfree_alloc(n + 1);
        if (__builtin_expect(q != NULL, 1))
            return q;
        rt_raise_memory_error();
        return NULL;
    }
#endif
    STRESS();
    GROW_FOR_BIG(n);
    run_check();
    void *p = injected_failure() ? NULL : RAW_ALLOC_ATOMIC(n ? n : 1);
    if (!p)
        rt_raise_memory_error();
    return p;
}

/* The grown tail is not guaranteed to be zeroed (callers track their own sizes). */
void *rt_realloc(void *p, size_t n)
{
    STRESS();
    GROW_FOR_BIG(n);
    run_check();
    void *q = injected_failure() ? NULL : RAW_REALLOC(p, n ? n : 1);
    if (!q)
        rt_raise_memory_error();
    return q;
}

Object *rt_new_object(Type *t, size_t size)
{
    Object *o = rt_alloc_inline(size);
    if (o)
        o->type = t;
    return o;
}
