/*
 * rt_str.h - str, bytes and bytearray: everything beyond the few str entry points of rt.h.
 *
 * Implemented by runtime/src/str.c (core: construction, interning, indexing, comparison, hash,
 * repr), str_methods.c and str_case.c (the Python-visible methods), str_unicode.c (Unicode
 * properties), siphash.c (hashing), strformat.c (format(str, spec)), str_formatter.c
 * (str.format), strmod.c (printf-style %), codecs.c (encode/decode), bytes.c,
 * bytes_methods.c, bytearray.c.
 *
 * Conventions, as in rt.h:
 *   - every function returning Value returns RT_ERR (0) after raising; int-returning ones -1;
 *   - an optional argument that the caller did not pass is given as 0 (not rt_None, which is a
 *     real argument with its own meaning, e.g. sep=None of split);
 *   - `self` is always of the right type (the binding layer checks the receiver); every other
 *     argument is checked here, with CPython's messages.
 * Methods are named rt_<type>_<python name>.  The method tables (name -> C function, arity) are
 * str_methods.def, bytes_methods.def and bytearray_methods.def in runtime/src: X-macros for the
 * code that binds them to Python-visible attributes.
 *
 * StrObject invariants (rt.h layout): data holds `size` bytes of generalised UTF-8 (lone
 * surrogates as 3-byte sequences, shortest forms only) followed by a NUL; len is the number of
 * code points; ascii == (len == size); hash is -1 until computed.  `state` holds RT_STR_* bits.
 * A non-ASCII str built by this module with len >= RT_STR_INDEX_STEP has room after its NUL
 * (8-aligned) for len / RT_STR_INDEX_STEP int64 byte offsets: entry k is the offset of code point
 * (k + 1) * RT_STR_INDEX_STEP, then one int64 "cursor" (the last position looked up, see
 * rts_offset).  It is filled on first use (RT_STR_INDEXED) and makes indexing
 * O(RT_STR_INDEX_STEP), and a forward scan O(1) a step.  Strings made elsewhere (e.g. static constants emitted by the compiler)
 * leave state 0 and are simply scanned; they must live in writable memory, because hash and
 * state are caches written on first use (hashing, interning).
 */
#ifndef AITHON_RT_STR_H
#define AITHON_RT_STR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rt.h"

#define RT_STR_INTERNED    1   /* in the intern table: equal interned strings are identical */
#define RT_STR_INDEX_ROOM  2   /* has room for the code-point index after the data */
#define RT_STR_INDEXED     4   /* the index is filled (set with release order after filling) */
#define RT_STR_INDEX_STEP  64

/* ---- start-up ---- */
void rt_str_init(void);          /* singletons, caches; idempotent, also run lazily */
void rt_hash_seed_init(void);    /* the SipHash key from PYTHONHASHSEED or getrandom() */

/* ---- construction ---- */
Value rt_str_from_utf8_checked(const char *s, size_t n);   /* strict UTF-8: UnicodeDecodeError */
Value rt_str_from_codepoint(uint32_t c);                    /* chr(c), c <= 0x10FFFF */
Value rt_str_from_latin1(const char *s, size_t n);
Value rt_str_intern_value(Value s);                         /* sys.intern(s) */
/* The str for any object x: str(x).  rt.h's rt_str() is the generic entry; this is str's slot. */
Value rt_str_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
static inline const char *rt_str_data(Value s) { return ((StrObject *)rt_obj(s))->data; }
static inline int64_t rt_str_len_of(Value s) { return ((StrObject *)rt_obj(s))->len; }
/* a == b for n bytes, for the short texts of keys and tokens: overlapping word loads that stay
 * inside [0, n) instead of a memcmp call */
static inline int rt_str_bytes_eq(const char *a, const char *b, int64_t n)
{
    if (n >= 8) {
        if (n > 16)
            return memcmp(a, b, (size_t)n) == 0;
        uint64_t a0, a1, b0, b1;
        memcpy(&a0, a, 8);
        memcpy(&b0, b, 8);
        memcpy(&a1, a + n - 8, 8);
        memcpy(&b1, b + n - 8, 8);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (n >= 4) {
        uint32_t a0, a1, b0, b1;
        memcpy(&a0, a, 4);
        memcpy(&b0, b, 4);
        memcpy(&a1, a + n - 4, 4);
        memcpy(&b1, b + n - 4, 4);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    for (int64_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* ---- slots and operators ---- */
int64_t rt_str_len(Value s);
int64_t rt_str_hash(Value s);
Value rt_str_repr(Value s);
Value rt_str_str(Value s);
Value rt_str_richcompare(Value a, Value b, int op);
int rt_str_eq(Value a, Value b);                            /* both str; no error possible */
int rt_str_compare(Value a, Value b);                       /* both str: <0, 0, >0 */
int rt_str_contains(Value s, Value sub);                    /* `sub in s`; -1 error */
Value rt_str_getitem(Value s, Value key);                   /* int or slice */
Value rt_str_item(Value s, int64_t i);                      /* s[i], negative i counts from end */
Value rt_str_slice(Value s, Value start, Value stop, Value step);   /* any may be 0 or None */
Value rt_str_add(Value a, Value b);                         /* a + b; NotImplemented unless str */
Value rt_str_mul(Value a, Value n);                         /* s * n and n * s */
Value rt_str_repeat(Value s, int64_t n);
/* parts[0] + parts[1] + ... (all str): one allocation, for f-strings and BUILD_STRING */
Value rt_str_concat_n(const Value *parts, int64_t n);
Value rt_str_iter(Value s);
Value rt_str_mod(Value fmt, Value args);                    /* fmt % args (strmod.c) */
Value rt_str_to_ascii(Value s);             /* escapes non-ASCII as ascii() does */
extern Type rt_str_iterator_type;

/* ---- format() (strformat.c) ---- */
Value rt_format_str(Value s, Value spec);                   /* format(str, spec) */

/* ---- str methods, Python's names; 0 = argument not given ---- */
Value rt_str_capitalize(Value self);
Value rt_str_casefold(Value self);
Value rt_str_center(Value self, Value width, Value fillchar);
Value rt_str_count(Value self, Value sub, Value start, Value end);
Value rt_str_encode(Value self, Value encoding, Value errors);
Value rt_str_endswith(Value self, Value suffix, Value start, Value end);
Value rt_str_expandtabs(Value self, Value tabsize);
Value rt_str_find(Value self, Value sub, Value start, Value end);
/* str.format(*args, **kwargs): vectorcall arguments, keyword names in the tuple kwnames */
Value rt_str_format(Value self, const Value *args, size_t nargs, Value kwnames);
Value rt_str_format_map(Value self, Value mapping);
Value rt_str_index(Value self, Value sub, Value start, Value end);
Value rt_str_isalnum(Value self);
Value rt_str_isalpha(Value self);
Value rt_str_isascii(Value self);
Value rt_str_isdecimal(Value self);
Value rt_str_isdigit(Value self);
Value rt_str_isidentifier(Value self);
Value rt_str_islower(Value self);
Value rt_str_isnumeric(Value self);
Value rt_str_isprintable(Value self);
Value rt_str_isspace(Value self);
Value rt_str_istitle(Value self);
Value rt_str_isupper(Value self);
Value rt_str_join_method(Value self, Value iterable);       /* = rt_str_join */
Value rt_str_ljust(Value self, Value width, Value fillchar);
Value rt_str_lower(Value self);
Value rt_str_lstrip(Value self, Value chars);
Value rt_str_maketrans(Value x, Value y, Value z);          /* static method */
Value rt_str_partition(Value self, Value sep);
Value rt_str_removeprefix(Value self, Value prefix);
Value rt_str_removesuffix(Value self, Value suffix);
Value rt_str_replace(Value self, Value old, Value new_, Value count);
Value rt_str_rfind(Value self, Value sub, Value start, Value end);
Value rt_str_rindex(Value self, Value sub, Value start, Value end);
Value rt_str_rjust(Value self, Value width, Value fillchar);
Value rt_str_rpartition(Value self, Value sep);
Value rt_str_rsplit(Value self, Value sep, Value maxsplit);
Value rt_str_rstrip(Value self, Value chars);
Value rt_str_split(Value self, Value sep, Value maxsplit);
Value rt_str_splitlines(Value self, Value keepends);
Value rt_str_startswith(Value self, Value prefix, Value start, Value end);
Value rt_str_strip(Value self, Value chars);
Value rt_str_swapcase(Value self);
Value rt_str_title(Value self);
Value rt_str_translate(Value self, Value table);
Value rt_str_upper(Value self);
Value rt_str_zfill(Value self, Value width);

/* ---- codecs (codecs.c) ---- */
/* encoding/errors: C strings; NULL = "utf-8" / "strict". */
Value rt_str_encode_c(Value s, const char *encoding, const char *errors);
Value rt_decode_c(const char *s, size_t n, const char *encoding, const char *errors);

/* ---- bytes (bytes.c) ---- */
Value rt_bytes_from(const char *s, size_t n);
Value rt_bytes_new_uninit(int64_t n);                       /* data[n] = 0; fill the rest */
Value rt_bytes_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
int64_t rt_bytes_len(Value b);
int64_t rt_bytes_hash(Value b);
Value rt_bytes_repr(Value b);
Value rt_bytes_richcompare(Value a, Value b, int op);
int rt_bytes_contains(Value b, Value x);
Value rt_bytes_getitem(Value b, Value key);
Value rt_bytes_add(Value a, Value b);
Value rt_bytes_mul(Value b, Value n);
Value rt_bytes_iter(Value b);
Value rt_bytes_mod(Value fmt, Value args);                  /* b'..' % args (strmod.c) */
extern Type rt_bytes_iterator_type;

/* ---- bytearray (bytearray.c) ---- */
Value rt_bytearray_from(const char *s, size_t n);
Value rt_bytearray_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames);
int rt_bytearray_tp_init(Value self, const Value *args, size_t nargs, Value kwnames);
int64_t rt_bytearray_len(Value b);
Value rt_bytearray_repr(Value b);
Value rt_bytearray_richcompare(Value a, Value b, int op);
int rt_bytearray_contains(Value b, Value x);
Value rt_bytearray_getitem(Value b, Value key);
int rt_bytearray_setitem(Value b, Value key, Value value);   /* value 0 = delete */
Value rt_bytearray_add(Value a, Value b);
Value rt_bytearray_iadd(Value a, Value b);
Value rt_bytearray_mul(Value b, Value n);
Value rt_bytearray_imul(Value b, Value n);
Value rt_bytearray_iter(Value b);
Value rt_bytearray_mod(Value fmt, Value args);

/* The methods of bytes and bytearray share one implementation over (data, size); each is
 * declared for both types: rt_bytes_<m> and rt_bytearray_<m>.  See bytes_methods.def. */
#define RT_BYTES_METHOD_DECLS(T)                                                             \
    Value rt_##T##_capitalize(Value self);                                                   \
    Value rt_##T##_center(Value self, Value width, Value fillchar);                          \
    Value rt_##T##_count(Value self, Value sub, Value start, Value end);                     \
    Value rt_##T##_decode(Value self, Value encoding, Value errors);                          \
    Value rt_##T##_endswith(Value self, Value suffix, Value start, Value end);                \
    Value rt_##T##_expandtabs(Value self, Value tabsize);                                    \
    Value rt_##T##_find(Value self, Value sub, Value start, Value end);                      \
    Value rt_##T##_hex(Value self, Value sep, Value bytes_per_sep);                           \
    Value rt_##T##_index(Value self, Value sub, Value start, Value end);                     \
    Value rt_##T##_isalnum(Value self);                                                      \
    Value rt_##T##_isalpha(Value self);                                                      \
    Value rt_##T##_isascii(Value self);                                                      \
    Value rt_##T##_isdigit(Value self);                                                      \
    Value rt_##T##_islower(Value self);                                                      \
    Value rt_##T##_isspace(Value self);                                                      \
    Value rt_##T##_istitle(Value self);                                                      \
    Value rt_##T##_isupper(Value self);                                                      \
    Value rt_##T##_join(Value self, Value iterable);                                         \
    Value rt_##T##_ljust(Value self, Value width, Value fillchar);                           \
    Value rt_##T##_lower(Value self);                                                        \
    Value rt_##T##_lstrip(Value self, Value chars);                                          \
    Value rt_##T##_partition(Value self, Value sep);                                         \
    Value rt_##T##_removeprefix(Value self, Value prefix);                                   \
    Value rt_##T##_removesuffix(Value self, Value suffix);                                   \
    Value rt_##T##_replace(Value self, Value old, Value new_, Value count);                   \
    Value rt_##T##_rfind(Value self, Value sub, Value start, Value end);                     \
    Value rt_##T##_rindex(Value self, Value sub, Value start, Value end);                    \
    Value rt_##T##_rjust(Value self, Value width, Value fillchar);                           \
    Value rt_##T##_rpartition(Value self, Value sep);                                        \
    Value rt_##T##_rsplit(Value self, Value sep, Value maxsplit);                            \
    Value rt_##T##_rstrip(Value self, Value chars);                                          \
    Value rt_##T##_split(Value self, Value sep, Value maxsplit);                             \
    Value rt_##T##_splitlines(Value self, Value keepends);                                   \
    Value rt_##T##_startswith(Value self, Value prefix, Value start, Value end);             \
    Value rt_##T##_strip(Value self, Value chars);                                           \
    Value rt_##T##_swapcase(Value self);                                                     \
    Value rt_##T##_title(Value self);                                                        \
    Value rt_##T##_translate(Value self, Value table, Value delete_);                        \
    Value rt_##T##_upper(Value self);                                                        \
    Value rt_##T##_zfill(Value self, Value width);
RT_BYTES_METHOD_DECLS(bytes)
RT_BYTES_METHOD_DECLS(bytearray)
Value rt_bytes_fromhex(Value cls, Value string);            /* class methods */
Value rt_bytearray_fromhex(Value cls, Value string);
Value rt_bytes_maketrans(Value from, Value to);             /* static method */
/* bytearray mutation */
Value rt_bytearray_append(Value self, Value item);
Value rt_bytearray_extend(Value self, Value iterable);
Value rt_bytearray_pop(Value self, Value index);
Value rt_bytearray_insert(Value self, Value index, Value item);
Value rt_bytearray_remove(Value self, Value item);
Value rt_bytearray_reverse(Value self);
Value rt_bytearray_clear(Value self);
Value rt_bytearray_copy(Value self);

/* The bytes-like view of bytes, bytearray and memoryview: 0 and a TypeError if v is not one
 * (a strided memoryview raises BufferError, a released one ValueError, as CPython's simple
 * buffer requests do). */
int rt_bytes_view(Value v, const char **data, int64_t *size);

/* The byte layout of a codec's code points (codecs.c): -1 for an unknown codec; *bom = 1
 * when its stream starts with a byte order mark (utf-16, utf-32, utf-8-sig). */
enum { RT_CODEC_UTF8, RT_CODEC_BYTE, RT_CODEC_UTF16LE, RT_CODEC_UTF16BE, RT_CODEC_UTF32LE,
       RT_CODEC_UTF32BE };
int rt_codec_layout(const char *encoding, int *bom);

/* ---- memoryview (memoryview.c) ---- */
extern Type rt_memoryview_type;
int rt_memoryview_init(void);                       /* registers the methods; builtins.c */
int rt_is_memoryview(Value v);
int rt_memoryview_view(Value v, const char **data, int64_t *size);   /* strided: a copy */
int rt_memoryview_contiguous(Value v, const char **data, int64_t *size);  /* strided: error */
/* A writable contiguous buffer (bytearray, writable memoryview) for readinto-like methods;
 * -1 and "<what> argument must be read-write bytes-like object, not T" otherwise. */
int rt_buffer_writable(Value v, const char *what, char **data, int64_t *size);

#endif
