/*
 * util.c - memory, arenas, buffers, vectors, interning and file reading (see util.h).
 */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static noreturn void out_of_memory(size_t n)
{
    fprintf(stderr, "aithon: out of memory (allocating %zu bytes)\n", n);
    exit(70);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

noreturn void die_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "aithon: internal error at %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

/* ---- arena ----
 * Chunks grow geometrically; a request bigger than a chunk gets a chunk of its own.  Memory is
 * zeroed so that AST nodes start with empty lists and NULL optionals. */
typedef struct Chunk {
    struct Chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} Chunk;

struct Arena {
    Chunk *head;
    size_t total;
};

Arena *arena_new(void) { return xcalloc(1, sizeof(Arena)); }

void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    Chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = c ? c->size * 2 : 64 * 1024;
        if (size > 16 * 1024 * 1024)
            size = 16 * 1024 * 1024;
        if (size < n)
            size = n;
        c = xmalloc(sizeof(Chunk) + size);
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    for (Chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

size_t arena_bytes(const Arena *a) { return a->total; }

/* ---- Buf ---- */
void buf_grow(Buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

void buf_putn(Buf *b, const char *s, size_t n)
{
    buf_grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void buf_putc(Buf *b, int c)
{
    buf_grow(b, 1);
    b->p[b->len++] = (char)c;
    b->p[b->len] = 0;
}

void buf_puts(Buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0)
        die("bad format %s", fmt);
    buf_grow(b, (size_t)n);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void buf_put_utf8(Buf *b, uint32_t c)
{
    char s[4];
    int n;
    if (c < 0x80) {
        s[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        s[0] = (char)(0xC0 | (c >> 6));
        s[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        s[0] = (char)(0xE0 | (c >> 12));
        s[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        s[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | (c >> 18));
        s[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        s[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    buf_putn(b, s, (size_t)n);
}

void buf_clear(Buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = 0;
}

void buf_free(Buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- PtrVec ---- */
void vec_push(PtrVec *vec, void *p)
{
    if (vec->n == vec->cap) {
        vec->cap = vec->cap ? vec->cap * 2 : 8;
        vec->v = xrealloc(vec->v, sizeof(void *) * (size_t)vec->cap);
    }
    vec->v[vec->n++] = p;
}

void vec_free(PtrVec *vec)
{
    free(vec->v);
    vec->v = NULL;
    vec->n = vec->cap = 0;
}

/* ---- interning: open addressing on FNV-1a, strings kept in a private arena ---- */
static struct {
    const char **slots;
    uint32_t *lens;
    size_t cap, count;
    Arena *arena;
} itab;

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void intern_rehash(void)
{
    size_t ncap = itab.cap ? itab.cap * 2 : 1024;
    const char **ns = xcalloc(ncap, sizeof(*ns));
    uint32_t *nl = xcalloc(ncap, sizeof(*nl));
    for (size_t i = 0; i < itab.cap; i++) {
        if (!itab.slots[i])
            continue;
        size_t j = fnv1a(itab.slots[i], itab.lens[i]) & (ncap - 1);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = itab.slots[i];
        nl[j] = itab.lens[i];
    }
    free(itab.slots);
    free(itab.lens);
    itab.slots = ns;
    itab.lens = nl;
    itab.cap = ncap;
}

const char *intern(const char *s, size_t n)
{
    if (2 * (itab.count + 1) > itab.cap)
        intern_rehash();
    if (!itab.arena)
        itab.arena = arena_new();
    size_t j = fnv1a(s, n) & (itab.cap - 1);
    while (itab.slots[j]) {
        if (itab.lens[j] == n && memcmp(itab.slots[j], s, n) == 0)
            return itab.slots[j];
        j = (j + 1) & (itab.cap - 1);
    }
    itab.slots[j] = arena_strndup(itab.arena, s, n);
    itab.lens[j] = (uint32_t)n;
    itab.count++;
    return itab.slots[j];
}

const char *intern_cstr(const char *s) { return intern(s, strlen(s)); }

/* ---- files ---- */
char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    Buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        buf_putn(&b, tmp, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
        buf_free(&b);
        errno = EIO;
        return NULL;
    }
    if (!b.p)
        buf_grow(&b, 0), b.p[0] = 0;
    *len = b.len;
    return b.p;
}

/* ---- UTF-8 ---- */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0)
        len = 2, v = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        len = 3, v = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        len = 4, v = c & 0x07, min = 0x10000;
    else
        return 0;
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}
