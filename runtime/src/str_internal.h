/*
 * str_internal.h - shared internals of the str/bytes/bytearray implementation (str*.c, bytes.c,
 * bytearray.c, siphash.c).  Not part of the ABI: generated code never includes this.
 *
 * Prefixes: rts_ (str internals), uni_ (per-code-point Unicode properties, str_unicode.c),
 * rtb_ (bytes/bytearray internals).
 *
 * UTF-8 as stored in a StrObject is "generalised UTF-8": every code point 0..0x10FFFF, lone
 * surrogates included, in its shortest 1..4 byte form.  Decoders here trust that invariant (the
 * bytes came from our own constructors or from a validating decoder) and never re-validate.
 */
#ifndef AITHON_STR_INTERNAL_H
#define AITHON_STR_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "rt.h"
#include "rt_str.h"

#define RTS(v) ((StrObject *)rt_obj(v))
#define RTB(v) ((BytesObject *)rt_obj(v))
#define RTBA(v) ((ByteArrayObject *)rt_obj(v))

static inline int rts_is_str(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type == &rt_str_type ||
                               (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS));
}

/* ---- UTF-8 (trusted, generalised) ---- */

/* Bytes in the sequence that starts with lead byte b (b is never a continuation byte). */
static inline int rts_seqlen(unsigned char b)
{
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Decodes the code point at p and stores its byte length in *n. */
static inline uint32_t rts_decode(const char *s, int *n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) { *n = 1; return p[0]; }
    if (p[0] < 0xE0) { *n = 2; return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F); }
    if (p[0] < 0xF0) {
        *n = 3;
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *n = 4;
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* memcpy for the short pieces of joins and f-strings: a few loads and stores inline (two
 * overlapping ones cover 4..16 bytes) instead of a call */
static inline void rts_copy(char *d, const char *s, size_t n)
{
    if (n > 16) {
        memcpy(d, s, n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(d, &a, 8);
        memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(d, &a, 4);
        memcpy(d + n - 4, &b, 4);
    } else if (n) {
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    }
}

/* Decodes the code point that ends just before `end` (start <= result); stores its length. */
static inline uint32_t rts_decode_back(const char *end, int *n)
{
    const char *p = end - 1;
    while (((unsigned char)*p & 0xC0) == 0x80) p--;
    return rts_decode(p, n);
}

static inline int rts_cplen(uint32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Writes c at p (room for 4 bytes), returns the byte count. */
static inline int rts_encode(uint32_t c, char *s)
{
    unsigned char *p = (unsigned char *)s;
    if (c < 0x80) { p[0] = (unsigned char)c; return 1; }
    if (c < 0x800) { p[0] = (unsigned char)(0xC0 | (c >> 6)); p[1] = (unsigned char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        p[0] = (unsigned char)(0xE0 | (c >> 12));
        p[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        p[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    p[0] = (unsigned char)(0xF0 | (c >> 18));
    p[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    p[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    p[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* Number of code points in s[0..n): the bytes that are not continuation bytes. */
int64_t rts_count_cps(const char *s, int64_t n);

/* ---- construction (str.c) ---- */

/* A new, unpublished str of `size` bytes and `len` code points; data[size] = 0, the rest of
 * data is for the caller to fill.  NULL after raising MemoryError. */
StrObject *rts_alloc(int64_t size, int64_t len);
/* A str from bytes whose code point count is known. */
Value rts_new(const char *s, int64_t size, int64_t len);
/* The one-character string for c (cached for c < 256). */
Value rts_char(uint32_t c);
extern Value rts_empty;          /* "" (valid once rt_str_init has run; see rts_get_empty) */
Value rts_get_empty(void);
/* Byte offset of code point i (0 <= i <= len) of s: O(1) for ASCII, via the index otherwise. */
int64_t rts_offset(StrObject *s, int64_t i);
/* Substring by code-point range [i, j) (clamped by the caller). */
Value rts_substr(Value self, int64_t i, int64_t j);
/* Substring by byte range (on code-point boundaries); len = its code points or -1 = count. */
Value rts_subbytes(Value self, int64_t from, int64_t to, int64_t len);

/* A growable UTF-8 buffer that becomes a str.  Buffers start on the C stack (inline) and move
 * to the GC heap when they grow, so short results cost one allocation. */
typedef struct RtsBuf {
    char *p;
    int64_t size, cap, len;
    char inline_[256];
} RtsBuf;
void rts_buf_init(RtsBuf *b);
int rts_buf_reserve(RtsBuf *b, int64_t extra);          /* -1 after MemoryError */
int rts_buf_put(RtsBuf *b, const char *s, int64_t n, int64_t ncp);
int rts_buf_putc(RtsBuf *b, uint32_t c);
int rts_buf_puts(RtsBuf *b, const char *cstr);          /* ASCII C string */
Value rts_buf_finish(RtsBuf *b);

/* ---- argument helpers (str.c) ---- */

/* An integer argument (int, bool, or __index__) as int64; -1 after raising.  `what` selects the
 * TypeError message: NULL -> "'T' object cannot be interpreted as an integer". Big ints raise
 * OverflowError. */
int rts_as_ssize(Value v, int64_t *out);
/* A slice index argument: None/absent keep *out unchanged; big ints clamp (CPython's
 * _PyEval_SliceIndex). -1 after raising. */
int rts_slice_index(Value v, int64_t *out);
/* slice.indices(len): fills start/stop/step, returns the slice length; -1 after raising. */
int64_t rts_slice_unpack(Value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step);
/* CPython's ADJUST_INDICES for [start, end) over a sequence of length len. */
void rts_adjust_indices(int64_t *start, int64_t *end, int64_t len);
/* The name of v's type, for messages. */
const char *rts_tname(Value v);

/* ---- byte searching (str_methods.c; shared with bytes) ---- */
int64_t rts_find_bytes(const char *h, int64_t n, const char *nd, int64_t m);   /* -1: none */
int64_t rts_rfind_bytes(const char *h, int64_t n, const char *nd, int64_t m);  /* last, or -1 */
/* non-overlapping occurrences of a non-empty needle, at most maxcount */
int64_t rts_count_bytes(const char *h, int64_t n, const char *nd, int64_t m, int64_t maxcount);

/* ---- hashing (siphash.c) ---- */
uint64_t rts_siphash13(const void *src, size_t n);
int64_t rts_hash_bytes(const void *src, size_t n);      /* Python's hash of a byte string */

/* ---- Unicode properties (str_unicode.c) ---- */
int uni_category(uint32_t c);            /* utf8proc category, Cn for post-14.0 code points */
int uni_isspace(uint32_t c);
int uni_islinebreak(uint32_t c);
int uni_isalpha(uint32_t c);
int uni_isdecimal(uint32_t c);
int uni_isdigit(uint32_t c);
int uni_isnumeric(uint32_t c);
int uni_isprintable(uint32_t c);
int uni_islower(uint32_t c);             /* derived property Lowercase */
int uni_isupper(uint32_t c);             /* derived property Uppercase */
int uni_istitle(uint32_t c);             /* category Lt */
int uni_iscased(uint32_t c);
int uni_iscaseignorable(uint32_t c);
int uni_isxidstart(uint32_t c);
int uni_isxidcontinue(uint32_t c);
/* Full case mappings: write 1..3 code points to out, return the count. */
int uni_lower_full(uint32_t c, uint32_t *out);
int uni_upper_full(uint32_t c, uint32_t *out);
int uni_title_full(uint32_t c, uint32_t *out);
int uni_fold_full(uint32_t c, uint32_t *out);
uint32_t uni_decimal_value(uint32_t c);  /* 0..9 for isdecimal code points, else 0xFFFFFFFF */

/* ---- bytes and bytearray internals (bytes.c, bytearray.c, bytes_methods.c) ---- */
int rtb_is_bytes(Value v);
int rtb_is_bytearray(Value v);
int rtb_extend_from_iterable(RtsBuf *buf, Value iterable, const char *range_msg);
int rtb_from_args(const char *name, Value x, Value encoding, Value errors, RtsBuf *out,
                  const char **data, int64_t *size);           /* bytes(...) argument forms */
int rtb_parse_ctor(const char *name, const Value *args, size_t nargs, Value kwnames, Value *a);
Value rtb_repr(const char *data, int64_t size, const char *prefix, const char *suffix);
Value rtb_slice(const char *data, int64_t size, Value slice, int as_bytearray);
int rtb_index(Value key, int64_t *out);                        /* 1 = not an index */
int rtb_repeat_count(Value n, int64_t *out);
int rtb_contains(const char *data, int64_t size, Value x);
Value rtb_richcompare(Value a, Value b, int op);
Value rtb_iter(Value seq);
int rtb_bytearray_resize(ByteArrayObject *b, int64_t n);       /* -1 after MemoryError */

#endif
