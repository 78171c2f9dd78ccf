/*
 * test_hugemap.c - the collector's mappings (alloc.c __wrap_mmap): a big anonymous read-write
 * request is a whole number of 2 MiB pages on a 2 MiB boundary, marked for huge pages; small ones
 * are cut one after another from such a page; every other kind passes through to mmap.
 * Last line: "N passed, N failed".
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int passed, failed;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (cond)                                                                        \
            passed++;                                                                    \
        else {                                                                           \
            failed++;                                                                    \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                       \
        }                                                                                \
    } while (0)

#ifndef RT_GC_MALLOC
#define MIB ((size_t)1 << 20)
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);

/* the VmFlags line and the size of the mapping that holds p, from /proc/self/smaps */
static int mapping_of(void *p, size_t *size, char *flags, size_t cap)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return 0;
    char line[512];
    int in = 0, found = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) {
            in = (uintptr_t)p >= lo && (uintptr_t)p < hi;
            if (in)
                *size = hi - lo;
        } else if (in && strncmp(line, "VmFlags:", 8) == 0) {
            strncpy(flags, line + 7, cap - 1);
            flags[cap - 1] = 0;
            found = 1;
            break;
        }
    }
    fclose(f);
    return found;
}

static int zeroed(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i += 4096)
        if (p[i] || p[i + 4095])
            return 0;
    return 1;
}

static void test_big(void)
{
    size_t len = 3 * MIB - 64 * 1024;   /* like the collector's first expansion: not whole pages */
    char *p = __wrap_mmap(NULL, len, RW, ANON, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK(((uintptr_t)p & (2 * MIB - 1)) == 0);
    CHECK(zeroed(p, len));
    memset(p, 0x5a, len);
    CHECK(p[0] == 0x5a && p[len - 1] == 0x5a);
    size_t size = 0;
    char flags[256] = "";
    if (access("/sys/kernel/mm/transparent_hugepage/enabled", F_OK) == 0) {
        CHECK(mapping_of(p, &size, flags, sizeof flags));
        CHECK(size == 4 * MIB);           /* rounded up to whole huge pages, nothing more */
        CHECK(strstr(flags, " hg") != NULL);
    }
    CHECK(munmap(p, 4 * MIB) == 0);
}

static void test_small(void)
{
    /* the collector's table mappings: consecutive 64 KiB pieces of one 2 MiB page */
    char *a = __wrap_mmap(NULL, 64 * 1024, RW, ANON, -1, 0);
    char *b = __wrap_mmap(a + 64 * 1024, 64 * 1024, RW, ANON, -1, 0);
    CHECK(a != MAP_FAILED && b != MAP_FAILED);
    CHECK(b == a + 64 * 1024 || ((uintptr_t)b & (2 * MIB - 1)) == 0);
    CHECK(zeroed(a, 64 * 1024) && zeroed(b, 64 * 1024));
    a[0] = 1;
    b[0] = 2;
    CHECK(a[0] == 1 && b[0] == 2);
    /* more than one page's worth: each piece is whole and zeroed */
    char *prev = b;
    int ok = 1;
    for (int i = 0; i < 40; i++) {
        char *c = __wrap_mmap(NULL, 128 * 1024, RW, ANON, -1, 0);
        if (c == MAP_FAILED || !zeroed(c, 128 * 1024) || (c < prev + 64 * 1024 && c + 128 * 1024 > prev))
            ok = 0;
        else
            memset(c, 0x11, 128 * 1024);
        prev = c;
    }
    CHECK(ok);
}

static void test_pass_through(void)
{
    /* read-only, file-backed and fixed mappings are the kernel's, unchanged */
    char *r = __wrap_mmap(NULL, 4 * MIB, PROT_READ, ANON, -1, 0);
    CHECK(r != MAP_FAILED);
    size_t size = 0;
    char flags[256] = "";
    CHECK(mapping_of(r, &size, flags, sizeof flags) && strstr(flags, " hg") == NULL);
    char *fx = __wrap_mmap(r, 2 * MIB, RW, ANON | MAP_FIXED, -1, 0);
    CHECK(fx == r);
    fx[0] = 7;
    CHECK(fx[0] == 7);
    CHECK(munmap(r, 4 * MIB) == 0);
    CHECK(__wrap_mmap(NULL, 4096, RW, MAP_PRIVATE, -1, 0) == MAP_FAILED);   /* bad fd */
}
#endif

int main(void)
{
#ifndef RT_GC_MALLOC
    test_big();
    test_small();
    test_pass_through();
#endif
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
