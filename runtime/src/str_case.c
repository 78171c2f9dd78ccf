/*
 * str_case.c - the str methods about character classes and case: the is*() predicates,
 * lower/upper/casefold/capitalize/swapcase/title, translate and maketrans.
 *
 * Entry points: rt_str_<method> of rt_str.h.
 *
 * Case mapping is Python's: full mappings (SpecialCasing's unconditional entries, so
 * 'ß'.upper() == 'SS' and 'İ'.lower() == 'i̇'), and the one context-dependent rule CPython
 * applies, Final_Sigma: U+03A3 lowers to final ς when it follows a cased letter (skipping
 * case-ignorable ones) and is not followed by one.  The language-specific rules (Turkish,
 * Lithuanian) are not applied, as in CPython.  Per-code-point data: str_unicode.c.
 *
 * ASCII strings take byte-level fast paths everywhere; results that equal `self` return it.
 */
#include <stdint.h>
#include <string.h>

#include "str_internal.h"

/* ================================================================ predicates ============ */

typedef int (*CpPred)(uint32_t);

/* all code points satisfy pred (and there is at least one unless empty_ok) */
static Value all_of(Value self, CpPred pred, int empty_ok)
{
    StrObject *s = RTS(self);
    if (s->size == 0) return rt_bool(empty_ok);
    const char *p = s->data, *end = p + s->size;
    while (p < end) {
        int n;
        if (!pred(rts_decode(p, &n))) return rt_False;
        p += n;
    }
    return rt_True;
}

static int isalnum_cp(uint32_t c)
{
    return uni_isalpha(c) || uni_isdecimal(c) || uni_isdigit(c) || uni_isnumeric(c);
}

/* ASCII classes of the predicates, for a byte loop over ASCII text without the per-code-point
 * calls (the same answers as the uni_ functions give below 0x80) */
#define AC_ALPHA 1
#define AC_DIGIT 2      /* decimal, digit and numeric agree on ASCII */
#define AC_SPACE 4      /* \t \n \v \f \r \x1c..\x1f and space */
#define AC_PRINT 8      /* 0x20..0x7e */
static const unsigned char ascii_class[128] = {
    ['\t'] = AC_SPACE, ['\n'] = AC_SPACE, ['\v'] = AC_SPACE, ['\f'] = AC_SPACE,
    ['\r'] = AC_SPACE, [0x1c ... 0x1f] = AC_SPACE,
    [' '] = AC_SPACE | AC_PRINT,
    ['!' ... '/'] = AC_PRINT, ['0' ... '9'] = AC_DIGIT | AC_PRINT, [':' ... '@'] = AC_PRINT,
    ['A' ... 'Z'] = AC_ALPHA | AC_PRINT, ['[' ... '`'] = AC_PRINT,
    ['a' ... 'z'] = AC_ALPHA | AC_PRINT, ['{' ... '~'] = AC_PRINT,
};

/* all_of for the class predicates: ASCII text by the table (every byte in one of the classes
 * of `mask`), other text by pred */
static Value all_in_class(Value self, unsigned mask, CpPred pred, int empty_ok)
{
    StrObject *s = RTS(self);
    if (!s->ascii) return all_of(self, pred, empty_ok);
    if (s->size == 0) return rt_bool(empty_ok);
    const unsigned char *p = (const unsigned char *)s->data;
    for (int64_t i = 0; i < s->size; i++)
        if (!(ascii_class[p[i]] & mask)) return rt_False;
    return rt_True;
}

Value rt_str_isalnum(Value self) { return all_in_class(self, AC_ALPHA | AC_DIGIT, isalnum_cp, 0); }
Value rt_str_isalpha(Value self) { return all_in_class(self, AC_ALPHA, uni_isalpha, 0); }
Value rt_str_isdecimal(Value self) { return all_in_class(self, AC_DIGIT, uni_isdecimal, 0); }
Value rt_str_isdigit(Value self) { return all_in_class(self, AC_DIGIT, uni_isdigit, 0); }
Value rt_str_isnumeric(Value self) { return all_in_class(self, AC_DIGIT, uni_isnumeric, 0); }
Value rt_str_isprintable(Value self) { return all_in_class(self, AC_PRINT, uni_isprintable, 1); }
Value rt_str_isspace(Value self) { return all_in_class(self, AC_SPACE, uni_isspace, 0); }
Value rt_str_isascii(Value self) { return rt_bool(RTS(self)->ascii); }

Value rt_str_isidentifier(Value self)
{
    StrObject *s = RTS(self);
    if (s->size == 0) return rt_False;
    int n;
    uint32_t c = rts_decode(s->data, &n);
    if (c != '_' && !uni_isxidstart(c)) return rt_False;
    for (const char *p = s->data + n, *end = s->data + s->size; p < end; p += n) {
        if (!uni_isxidcontinue(rts_decode(p, &n))) return rt_False;
    }
    return rt_True;
}

Value rt_str_islower(Value self)
{
    StrObject *s = RTS(self);
    int cased = 0, n;
    for (const char *p = s->data, *end = p + s->size; p < end; p += n) {
        uint32_t c = rts_decode(p, &n);
        if (uni_isupper(c) || uni_istitle(c)) return rt_False;
        if (!cased && uni_islower(c)) cased = 1;
    }
    return rt_bool(cased);
}

Value rt_str_isupper(Value self)
{
    StrObject *s = RTS(self);
    int cased = 0, n;
    for (const char *p = s->data, *end = p + s->size; p < end; p += n) {
        uint32_t c = rts_decode(p, &n);
        if (uni_islower(c) || uni_istitle(c)) return rt_False;
        if (!cased && uni_isupper(c)) cased = 1;
    }
    return rt_bool(cased);
}

/* Title case: upper/title case letters only after uncased characters, lower case letters only
 * after cased ones. */
Value rt_str_istitle(Value self)
{
    StrObject *s = RTS(self);
    int cased = 0, prev_cased = 0, n;
    for (const char *p = s->data, *end = p + s->size; p < end; p += n) {
        uint32_t c = rts_decode(p, &n);
        if (uni_isupper(c) || uni_istitle(c)) {
            if (prev_cased) return rt_False;
            prev_cased = cased = 1;
        } else if (uni_islower(c)) {
            if (!prev_cased) return rt_False;
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return rt_bool(cased);
}

/* ================================================================ case mapping ========== */

/* Final_Sigma: is the U+03A3 at byte offset i of s preceded by a cased letter and not followed
 * by one, ignoring case-ignorable code points in between? */
static int final_sigma(const StrObject *s, int64_t i)
{
    const char *p = s->data + i, *start = s->data, *end = s->data + s->size;
    int n;
    uint32_t c = 0;
    int found = 0;
    while (p > start) {
        c = rts_decode_back(p, &n);
        p -= n;
        if (!uni_iscaseignorable(c)) { found = 1; break; }
    }
    if (!found || !uni_iscased(c)) return 0;
    p = s->data + i + 2;   /* U+03A3 is two bytes */
    while (p < end) {
        c = rts_decode(p, &n);
        p += n;
        if (!uni_iscaseignorable(c)) return !uni_iscased(c);
    }
    return 1;
}

/* lower() of the code point c found at byte offset i of s (context for the sigma rule) */
static int lower_at(const StrObject *s, int64_t i, uint32_t c, uint32_t *out)
{
    if (c == 0x3A3) {
        out[0] = final_sigma(s, i) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return uni_lower_full(c, out);
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static Value ascii_map(Value self, int mode)
{
    StrObject *s = RTS(self);
    StrObject *r = rts_alloc(s->size, s->len);
    if (!r) return RT_ERR;
    int prev_cased = 0, changed = 0;
    if (mode == CASE_LOWER || mode == CASE_FOLD || mode == CASE_UPPER) {
        /* the common cases: one table-free pass the compiler can vectorise */
        unsigned char lo = mode == CASE_UPPER ? 'a' : 'A', delta = mode == CASE_UPPER ? 0xE0 : 0x20;
        const unsigned char *src = (const unsigned char *)s->data;
        unsigned char *dst = (unsigned char *)r->data;
        int64_t i = 0;
        /* eight bytes at a time: with every high bit clear (ASCII), adding 0x80 - lo sets a
         * byte's high bit when it is >= lo, adding 0x80 - (lo + 26) when it is past the range,
         * without carries between bytes; the bytes in range get 0x20 flipped */
        const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
        uint64_t any = 0;
        for (; i + 8 <= s->size; i += 8) {
            uint64_t w;
            memcpy(&w, src + i, 8);
            uint64_t ge = w + ones * (uint64_t)(0x80 - lo), gt = w + ones * (uint64_t)(0x80 - lo - 26);
            uint64_t in = ge & ~gt & high;
            w ^= in >> 2;
            any |= in;
            memcpy(dst + i, &w, 8);
        }
        changed = any != 0;
        for (; i < s->size; i++) {
            unsigned char c = src[i];
            unsigned char hit = (unsigned char)(c - lo) < 26;
            dst[i] = (unsigned char)(c + (hit ? delta : 0));
            changed |= hit;
        }
        if (!changed) return rt_str_str(self);
        if (r->len == 1) return rts_char((unsigned char)r->data[0]);
        return rt_val(r);
    }
    for (int64_t i = 0; i < s->size; i++) {
        unsigned char c = (unsigned char)s->data[i], d = c;
        int is_up = c >= 'A' && c <= 'Z', is_lo = c >= 'a' && c <= 'z';
        int up;   /* 1: make upper, 0: make lower, -1: keep */
        switch (mode) {
        case CASE_LOWER: case CASE_FOLD: up = 0; break;
        case CASE_UPPER: up = 1; break;
        case CASE_SWAP: up = is_lo ? 1 : is_up ? 0 : -1; break;
        case CASE_TITLE: up = !prev_cased; break;
        default: up = i == 0; break;   /* capitalize */
        }
        if (up == 1 && is_lo) d = (unsigned char)(c - 32);
        else if (up == 0 && is_up) d = (unsigned char)(c + 32);
        prev_cased = is_up || is_lo;
        r->data[i] = (char)d;
        changed |= d != c;
    }
    if (!changed) return rt_str_str(self);
    if (r->len == 1) return rts_char((unsigned char)r->data[0]);
    return rt_val(r);
}

static Value case_map(Value self, int mode)
{
    StrObject *s = RTS(self);
    if (s->ascii) return s->size ? ascii_map(self, mode) : rts_get_empty();
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_reserve(&b, s->size) < 0) return RT_ERR;
    int prev_cased = 0, n;
    uint32_t out[3];
    for (int64_t i = 0; i < s->size; i += n) {
        uint32_t c = rts_decode(s->data + i, &n);
        int k;
        switch (mode) {
        case CASE_LOWER: k = lower_at(s, i, c, out); break;
        case CASE_UPPER: k = uni_upper_full(c, out); break;
        case CASE_FOLD: k = uni_fold_full(c, out); break;
        case CASE_SWAP:
            if (uni_isupper(c)) k = lower_at(s, i, c, out);
            else if (uni_islower(c)) k = uni_upper_full(c, out);
            else { out[0] = c; k = 1; }
            break;
        case CASE_TITLE:
            k = prev_cased ? lower_at(s, i, c, out) : uni_title_full(c, out);
            prev_cased = uni_iscased(c);
            break;
        default:   /* capitalize: title case first, lower case the rest */
            k = i == 0 ? uni_title_full(c, out) : lower_at(s, i, c, out);
            break;
        }
        for (int j = 0; j < k; j++) {
            if (rts_buf_putc(&b, out[j]) < 0) return RT_ERR;
        }
    }
    if (b.size == s->size && memcmp(b.p, s->data, (size_t)s->size) == 0) return rt_str_str(self);
    return rts_buf_finish(&b);
}

Value rt_str_lower(Value self) { return case_map(self, CASE_LOWER); }
Value rt_str_upper(Value self) { return case_map(self, CASE_UPPER); }
Value rt_str_casefold(Value self) { return case_map(self, CASE_FOLD); }
Value rt_str_swapcase(Value self) { return case_map(self, CASE_SWAP); }
Value rt_str_title(Value self) { return case_map(self, CASE_TITLE); }
Value rt_str_capitalize(Value self) { return case_map(self, CASE_CAPITALIZE); }

/* ================================================================ translate ============= */

/* The mapping of code point c through table: 1 = *out is the replacement (None, int or str),
 * 0 = not mapped (LookupError), -1 after raising. */
static int lookup(Value table, uint32_t c, Value *out)
{
    Value key = rt_small((int64_t)c);
    if (rt_typeof(table) == &rt_dict_type) {
        Value v = rt_dict_get(table, key);
        if (v) { *out = v; return 1; }
        return rt_exc_pending() ? -1 : 0;
    }
    Value v = rt_getitem(table, key);
    if (v) { *out = v; return 1; }
    Value e = rt_exc_pending();
    if (e && rt_exc_matches(e, rt_val(rt_LookupError)) == 1) {
        rt_exc_fetch();
        return 0;
    }
    return -1;
}

Value rt_str_translate(Value self, Value table)
{
    StrObject *s = RTS(self);
    RtsBuf b;
    rts_buf_init(&b);
    /* results for ASCII code points are remembered: text is mostly ASCII */
    Value memo[128] = {0};
    signed char memo_state[128] = {0};   /* 0 unknown, 1 mapped (memo), 2 unmapped */
    int n;
    for (const char *p = s->data, *end = p + s->size; p < end; p += n) {
        uint32_t c = rts_decode(p, &n);
        Value v = 0;
        int r;
        if (c < 128 && memo_state[c]) {
            r = memo_state[c] == 1;
            v = memo[c];
        } else {
            r = lookup(table, c, &v);
            if (r < 0) return RT_ERR;
            if (c < 128) { memo_state[c] = r ? 1 : 2; memo[c] = v; }
        }
        if (!r) {
            if (rts_buf_put(&b, p, n, 1) < 0) return RT_ERR;
        } else if (v == rt_None) {
            continue;
        } else if (rts_is_str(v)) {
            if (rts_buf_put(&b, RTS(v)->data, RTS(v)->size, RTS(v)->len) < 0) return RT_ERR;
        } else if (rt_is_small(v) || (rt_obj(v)->type->flags & RT_TPFLAG_INT_SUBCLASS)) {
            int64_t x;
            if (rts_as_ssize(v, &x) < 0) {
                rt_exc_fetch();
                x = -1;
            }
            if (x < 0 || x > 0x10FFFF) {
                return rt_raise_str(rt_ValueError, "character mapping must be in range(0x110000)");
            }
            if (rts_buf_putc(&b, (uint32_t)x) < 0) return RT_ERR;
        } else {
            return rt_raise_str(rt_TypeError, "character mapping must return integer, None or str");
        }
    }
    if (b.size == s->size && memcmp(b.p, s->data, (size_t)s->size) == 0) return rt_str_str(self);
    return rts_buf_finish(&b);
}

Value rt_str_maketrans(Value x, Value y, Value z)
{
    Value d = rt_dict_new();
    if (!d) return RT_ERR;
    if (!y) {
        if (rt_is_small(x) || !(rt_obj(x)->type->flags & RT_TPFLAG_DICT_SUBCLASS)) {
            return rt_raise_str(rt_TypeError,
                                "if you give only one argument to maketrans it must be a dict");
        }
        DictObject *src = (DictObject *)rt_obj(x);
        for (int64_t i = 0; i < src->nentries; i++) {
            Value k = src->entries[i].key, v = src->entries[i].value;
            if (!k) continue;
            if (rts_is_str(k)) {
                if (RTS(k)->len != 1) {
                    return rt_raise_str(rt_ValueError, "string keys in translate table must be of length 1");
                }
                int n;
                k = rt_small(rts_decode(RTS(k)->data, &n));
            } else if (!rt_is_small(k) && !(rt_obj(k)->type->flags & RT_TPFLAG_INT_SUBCLASS)) {
                return rt_raise_str(rt_TypeError, "keys in translate table must be strings or integers");
            }
            if (rt_dict_set(d, k, v) < 0) return RT_ERR;
        }
        return d;
    }
    if (!rts_is_str(x)) {
        return rt_raise_str(rt_TypeError,
                            "first maketrans argument must be a string if there is a second argument");
    }
    if (!rts_is_str(y)) {
        return rt_raise_fmt(rt_TypeError, "maketrans() argument 2 must be str, not %s", rts_tname(y));
    }
    if (z && !rts_is_str(z)) {
        return rt_raise_fmt(rt_TypeError, "maketrans() argument 3 must be str, not %s", rts_tname(z));
    }
    StrObject *a = RTS(x), *b = RTS(y);
    if (a->len != b->len) {
        return rt_raise_str(rt_ValueError, "the first two maketrans arguments must have equal length");
    }
    int n, m;
    for (const char *p = a->data, *q = b->data; p < a->data + a->size; p += n, q += m) {
        uint32_t c = rts_decode(p, &n), e = rts_decode(q, &m);
        if (rt_dict_set(d, rt_small(c), rt_small(e)) < 0) return RT_ERR;
    }
    if (z) {
        StrObject *c = RTS(z);
        for (const char *p = c->data; p < c->data + c->size; p += n) {
            if (rt_dict_set(d, rt_small(rts_decode(p, &n)), rt_None) < 0) return RT_ERR;
        }
    }
    return d;
}
