/*
 * util.h - the small toolbox every compiler phase uses.
 *
 *   memory:  xmalloc & co. never return NULL (out of memory is fatal for the compiler);
 *            Arena is a bump allocator freed in one call: the AST, symbols and strings of one
 *            program live in one arena (STYLE: memory by lifetime).
 *   text:    Buf is a growable byte buffer; intern() gives one pointer per distinct identifier,
 *            so identifiers compare with ==.
 *   errors:  die() is for internal bugs (prints where, aborts).  User errors are Diag records
 *            (diag.h) and never abort.
 *
 * Invariant: nothing here knows about Python; it is plain C plumbing.
 */
#ifndef AITHON_UTIL_H
#define AITHON_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdnoreturn.h>

#define countof(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#else
#define PRINTF_LIKE(f, a)
#define UNLIKELY(x) (x)
#define LIKELY(x) (x)
#endif

/* ---- memory ---- */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* internal error: prints file:line and the message, then aborts */
noreturn void die_at(const char *file, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);
#define die(...) die_at(__FILE__, __LINE__, __VA_ARGS__)
#define UNREACHABLE() die("unreachable")

/* ---- arena: bump allocation, freed all at once ---- */
typedef struct Arena Arena;
Arena *arena_new(void);
void *arena_alloc(Arena *a, size_t n);       /* 16-byte aligned, zeroed */
char *arena_strndup(Arena *a, const char *s, size_t n);  /* NUL-terminated copy */
void arena_free(Arena *a);
size_t arena_bytes(const Arena *a);          /* bytes handed out, for statistics */

/* ---- growable byte buffer ---- */
typedef struct Buf {
    char *p;      /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
} Buf;

void buf_grow(Buf *b, size_t extra);
void buf_putc(Buf *b, int c);
void buf_putn(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
void buf_put_utf8(Buf *b, uint32_t cp);      /* encodes any code point 0..0x10FFFF, surrogates too */
void buf_clear(Buf *b);
void buf_free(Buf *b);

/* ---- growable pointer vector ---- */
typedef struct PtrVec {
    void **v;
    int n;
    int cap;
} PtrVec;

void vec_push(PtrVec *vec, void *p);
void vec_free(PtrVec *vec);

/* ---- identifier interning: same bytes -> same pointer, for the life of the process ---- */
const char *intern(const char *s, size_t n);
const char *intern_cstr(const char *s);

/* ---- files ---- */
/* Reads a whole file; returns NULL and sets errno on failure. *len excludes the NUL that is
 * always appended. */
char *read_file(const char *path, size_t *len);

/* ---- UTF-8 ---- */
/* Decodes one code point of strict UTF-8 at s (n bytes available).  Returns its length in bytes
 * (1..4) and stores the code point, or returns 0 for an invalid sequence. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
