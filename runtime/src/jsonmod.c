/*
 * jsonmod.c - the `_json` module: the C accelerator that lib/json uses when it is present, as
 * CPython's json uses its _json.
 *
 * Entry point (rt_mods.h): rt_json_module_create.  Python-visible functions:
 *   encode_basestring_ascii(s), encode_basestring(s)  -> the JSON string literal for s
 *   scanstring(s, end, strict=True)                   -> (decoded str, index after the quote)
 *   make_scanner(decoder)      -> scan_once(s, idx) -> (value, end); StopIteration(idx) when
 *                                 no value starts at idx (raw_decode turns it into
 *                                 "Expecting value"), as CPython's c_make_scanner
 *   make_encoder(markers, default, ensure_ascii, key_separator, item_separator, sort_keys,
 *                skipkeys, allow_nan) -> encode(o) -> the whole JSON text (no indent)
 *   set_decode_error(cls)      -> registers json.JSONDecodeError, which the errors here raise
 *
 * Behaviour is CPython 3.11's _json observably: the same error messages and positions (code
 * point indices), surrogate-pair joining in \u escapes (a lone surrogate stays one code point),
 * strict mode rejecting control characters, the hooks (object_hook, object_pairs_hook,
 * parse_float, parse_int, parse_constant), key coercion, "Circular reference detected", and the
 * recursion messages " while decoding a JSON object from a unicode string" etc.
 *
 * Strings are UTF-8 inside (rt.h), so the scanner walks bytes: every JSON delimiter is ASCII,
 * and non-ASCII bytes only ever occur inside string literals (anywhere else they are an error
 * whose position is converted to a code point index then).  Positions given to or returned to
 * Python are code point indices; the conversion is O(1) for ASCII text.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "str_internal.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_builtins.h"
#include "rt_mods.h"

static Value decode_error_cls;   /* json.JSONDecodeError once lib/json registered it */

/* ================================================================ helpers =============== */

static int64_t cp_index(Value s, int64_t byte)
{
    StrObject *o = RTS(s);
    return o->ascii ? byte : rts_count_cps(o->data, byte);
}

static int64_t byte_offset(Value s, int64_t cp)
{
    StrObject *o = RTS(s);
    return o->ascii ? cp : rts_offset(o, cp);
}

/* JSONDecodeError(msg, doc, pos) with pos a byte offset into doc */
static Value raise_errmsg(const char *msg, Value doc, int64_t byte)
{
    Value pos = rt_int_from_i64(cp_index(doc, byte));
    Value m = rt_str_from_cstr(msg);
    if (!m)
        return RT_ERR;
    if (!decode_error_cls) {
        return rt_raise_fmt(rt_ValueError, "%s: char %R", msg, pos);
    }
    Value args[3] = {m, doc, pos};
    Value exc = rt_call(decode_error_cls, args, 3, 0);
    if (!exc)
        return RT_ERR;
    return rt_raise(exc);
}

static Value raise_stop(Value doc, int64_t byte)
{
    Value pos = rt_int_from_i64(cp_index(doc, byte));
    Value exc = rt_exc_new(rt_StopIteration, &pos, 1);
    return exc ? rt_raise(exc) : RT_ERR;
}

static int check_args(const char *name, size_t nargs, Value kwnames, size_t lo, size_t hi)
{
    if (kwnames && rt_tuple_size(kwnames)) {
        rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < lo || nargs > hi) {
        if (lo == hi)
            rt_raise_fmt(rt_TypeError, "%s() takes exactly %zu argument%s (%zu given)", name, lo,
                         lo == 1 ? "" : "s", nargs);
        else
            rt_raise_fmt(rt_TypeError, "%s expected at %s %zu arguments, got %zu", name,
                         nargs < lo ? "least" : "most", nargs < lo ? lo : hi, nargs);
        return -1;
    }
    return 0;
}

/* ================================================================ encoding strings ====== */

static const char hexdig[] = "0123456789abcdef";

static int put_u(RtsBuf *b, uint32_t c)
{
    char t[6] = {'\\', 'u', hexdig[(c >> 12) & 15], hexdig[(c >> 8) & 15], hexdig[(c >> 4) & 15],
                 hexdig[c & 15]};
    return rts_buf_put(b, t, 6, 6);
}

/* Appends the JSON literal of str s to b (with the quotes). */
static int encode_str_into(RtsBuf *b, Value s, int ensure_ascii)
{
    StrObject *o = RTS(s);
    const char *p = o->data, *end = p + o->size;
    if (rts_buf_reserve(b, o->size + 2) < 0 || rts_buf_put(b, "\"", 1, 1) < 0)
        return -1;
    while (p < end) {
        /* the longest run that needs no escaping */
        const char *q = p;
        int64_t ncp = 0;
        for (; q < end; q++) {
            unsigned char c = (unsigned char)*q;
            if (c < 0x20 || c == '"' || c == '\\')
                break;
            if (c >= 0x7f) {
                if (ensure_ascii)
                    break;
                if ((c & 0xC0) == 0x80)
                    continue;
            }
            ncp++;
        }
        if (q > p && rts_buf_put(b, p, q - p, ncp) < 0)
            return -1;
        p = q;
        if (p >= end)
            break;
        int n;
        uint32_t c = rts_decode(p, &n);
        p += n;
        const char *e = NULL;
        switch (c) {
        case '"': e = "\\\""; break;
        case '\\': e = "\\\\"; break;
        case '\b': e = "\\b"; break;
        case '\f': e = "\\f"; break;
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        case '\t': e = "\\t"; break;
        }
        if (e) {
            if (rts_buf_put(b, e, 2, 2) < 0)
                return -1;
        } else if (c >= 0x10000) {
            c -= 0x10000;
            if (put_u(b, 0xd800 | ((c >> 10) & 0x3ff)) < 0 || put_u(b, 0xdc00 | (c & 0x3ff)) < 0)
                return -1;
        } else if (put_u(b, c) < 0) {
            return -1;
        }
    }
    return rts_buf_put(b, "\"", 1, 1);
}

static Value encode_str(Value s, int ensure_ascii)
{
    RtsBuf b;
    rts_buf_init(&b);
    if (encode_str_into(&b, s, ensure_ascii) < 0)
        return RT_ERR;
    return rts_buf_finish(&b);
}

static Value json_encode_basestring_ascii(Value self, const Value *args, size_t nargs,
                                          Value kwnames)
{
    if (check_args("encode_basestring_ascii", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    if (!rts_is_str(args[0]))
        return rt_raise_fmt(rt_TypeError, "first argument must be a string, not %T", args[0]);
    return encode_str(args[0], 1);
}

static Value json_encode_basestring(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_args("encode_basestring", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    if (!rts_is_str(args[0]))
        return rt_raise_fmt(rt_TypeError, "first argument must be a string, not %T", args[0]);
    return encode_str(args[0], 0);
}

/* ================================================================ scanning strings ====== */

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The string literal whose opening quote is just before byte `end` of doc: the decoded str,
 * and in *next the byte after the closing quote.  CPython's scanstring_unicode. */
static Value scan_string(Value doc, int64_t end, int strict, int64_t *next)
{
    StrObject *o = RTS(doc);
    const char *s = o->data;
    int64_t len = o->size, begin = end - 1;
    RtsBuf b;
    int buffered = 0;
    for (;;) {
        int64_t i = end, ncp = 0;
        unsigned char c = 0;
        for (; i < len; i++) {
            c = (unsigned char)s[i];
            if (c == '"' || c == '\\')
                break;
            if (c < 0x20 && strict)
                return raise_errmsg("Invalid control character at", doc, i);
            ncp += (c & 0xC0) != 0x80;
        }
        if (i >= len)
            return raise_errmsg("Unterminated string starting at", doc, begin);
        if (c == '"' && !buffered) {
            *next = i + 1;
            return i == end ? rts_get_empty() : rts_new(s + end, i - end, ncp);
        }
        if (!buffered) {
            rts_buf_init(&b);
            buffered = 1;
        }
        if (i > end && rts_buf_put(&b, s + end, i - end, ncp) < 0)
            return RT_ERR;
        if (c == '"') {
            *next = i + 1;
            return rts_buf_finish(&b);
        }
        /* a backslash at i */
        i++;
        if (i == len)
            return raise_errmsg("Unterminated string starting at", doc, begin);
        c = (unsigned char)s[i];
        uint32_t u;
        if (c != 'u') {
            end = i + 1;
            switch (c) {
            case '"': u = '"'; break;
            case '\\': u = '\\'; break;
            case '/': u = '/'; break;
            case 'b': u = '\b'; break;
            case 'f': u = '\f'; break;
            case 'n': u = '\n'; break;
            case 'r': u = '\r'; break;
            case 't': u = '\t'; break;
            default:
                /* the position of the backslash (non-ASCII c is still one code point) */
                return raise_errmsg("Invalid \\escape", doc, i - 1);
            }
        } else {
            /* i is the 'u'; CPython needs a character after the four digits */
            int64_t upos = i;
            i++;
            end = i + 4;
            if (end >= len)
                return raise_errmsg("Invalid \\uXXXX escape", doc, upos);
            u = 0;
            for (; i < end; i++) {
                int h = hexval((unsigned char)s[i]);
                if (h < 0)
                    return raise_errmsg("Invalid \\uXXXX escape", doc, upos);
                u = (u << 4) | (uint32_t)h;
            }
            if (u >= 0xd800 && u <= 0xdbff && end + 6 < len && s[end] == '\\' &&
                s[end + 1] == 'u') {
                int64_t upos2 = end + 1;
                uint32_t u2 = 0;
                for (i = end + 2; i < end + 6; i++) {
                    int h = hexval((unsigned char)s[i]);
                    if (h < 0)
                        return raise_errmsg("Invalid \\uXXXX escape", doc, upos2);
                    u2 = (u2 << 4) | (uint32_t)h;
                }
                if (u2 >= 0xdc00 && u2 <= 0xdfff) {
                    u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00));
                    end += 6;
                }
            }
        }
        if (rts_buf_putc(&b, u) < 0)
            return RT_ERR;
    }
}

static Value json_scanstring(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_args("scanstring", nargs, kwnames, 2, 3) < 0)
        return RT_ERR;
    Value s = args[0];
    if (!rts_is_str(s))
        return rt_raise_fmt(rt_TypeError, "first argument must be a string, not %T", s);
    int64_t end;
    if (!rt_is_small(args[1]) && !rt_issubtype(rt_typeof(args[1]), &rt_int_type))
        return rt_raise_fmt(rt_TypeError, "'%T' object cannot be interpreted as an integer",
                            args[1]);
    if (rt_int_as_i64(args[1], &end) < 0)
        return RT_ERR;
    int strict = 1;
    if (nargs > 2 && (strict = rt_truthy(args[2])) < 0)
        return RT_ERR;
    if (end < 0 || end > RTS(s)->len)
        return rt_raise_str(rt_ValueError, "end is out of bounds");
    int64_t next;
    Value r = scan_string(s, byte_offset(s, end), strict, &next);
    if (!r)
        return RT_ERR;
    return rt_tuple_pack(2, r, rt_int_from_i64(cp_index(s, next)));
}

/* ================================================================ the scanner =========== */

/* context tuple slots, read from the decoder when the scanner is made */
enum { SC_STRICT, SC_OBJECT_HOOK, SC_PAIRS_HOOK, SC_PARSE_FLOAT, SC_PARSE_INT,
       SC_PARSE_CONSTANT, SC_N };

typedef struct Scan {
    Value doc;
    const char *s;
    int64_t len;
    int strict;
    Value object_hook, pairs_hook;         /* 0 = None */
    Value parse_float, parse_int;          /* 0 = the built-in float / int */
    Value parse_constant;                  /* 0 = the built-in constants */
    Value memo;                            /* dict: one str object per distinct key */
} Scan;

static Value scan_value(Scan *sc, int64_t idx, int64_t *next);

static inline int64_t skip_ws(const char *s, int64_t i, int64_t len)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

static int enter(const char *what)
{
    if (++rt_recursion_depth > rt_recursion_limit) {
        rt_recursion_depth--;
        rt_raise_fmt(rt_RecursionError, "maximum recursion depth exceeded%s", what);
        return -1;
    }
    return 0;
}

static Value scan_object(Scan *sc, int64_t idx, int64_t *next)
{
    const char *s = sc->s;
    int64_t len = sc->len;
    Value pairs = 0, d = 0;
    if (sc->pairs_hook) {
        if (!(pairs = rt_list_new(0)))
            return RT_ERR;
    } else if (!(d = rt_dict_new())) {
        return RT_ERR;
    }
    idx = skip_ws(s, idx, len);
    if (idx >= len || s[idx] != '}') {
        for (;;) {
            if (idx >= len || s[idx] != '"')
                return raise_errmsg("Expecting property name enclosed in double quotes",
                                    sc->doc, idx);
            int64_t after;
            Value key = scan_string(sc->doc, idx + 1, sc->strict, &after);
            if (!key)
                return RT_ERR;
            int64_t h = rt_str_hash(key);
            Value memo_key = rt_dict_get_hashed(sc->memo, key, h);
            if (memo_key)
                key = memo_key;
            else if (rt_dict_set_hashed(sc->memo, key, h, key) < 0)
                return RT_ERR;
            idx = skip_ws(s, after, len);
            if (idx >= len || s[idx] != ':')
                return raise_errmsg("Expecting ':' delimiter", sc->doc, idx);
            idx = skip_ws(s, idx + 1, len);
            Value val = scan_value(sc, idx, &after);
            if (!val)
                return RT_ERR;
            if (pairs) {
                Value t = rt_tuple_pack(2, key, val);
                if (!t || rt_list_append(pairs, t) < 0)
                    return RT_ERR;
            } else if (rt_dict_set_hashed(d, key, h, val) < 0) {
                return RT_ERR;
            }
            idx = skip_ws(s, after, len);
            if (idx < len && s[idx] == '}')
                break;
            if (idx >= len || s[idx] != ',')
                return raise_errmsg("Expecting ',' delimiter", sc->doc, idx);
            idx = skip_ws(s, idx + 1, len);
        }
    }
    *next = idx + 1;
    if (pairs)
        return rt_call(sc->pairs_hook, &pairs, 1, 0);
    if (sc->object_hook)
        return rt_call(sc->object_hook, &d, 1, 0);
    return d;
}

static Value scan_array(Scan *sc, int64_t idx, int64_t *next)
{
    const char *s = sc->s;
    int64_t len = sc->len;
    Value list = rt_list_new(0);
    if (!list)
        return RT_ERR;
    idx = skip_ws(s, idx, len);
    if (idx >= len || s[idx] != ']') {
        for (;;) {
            int64_t after;
            Value val = scan_value(sc, idx, &after);
            if (!val || rt_list_append(list, val) < 0)
                return RT_ERR;
            idx = skip_ws(s, after, len);
            if (idx < len && s[idx] == ']')
                break;
            if (idx >= len || s[idx] != ',')
                return raise_errmsg("Expecting ',' delimiter", sc->doc, idx);
            idx = skip_ws(s, idx + 1, len);
        }
    }
    *next = idx + 1;
    return list;
}

static Value scan_constant(Scan *sc, const char *name, int64_t idx, int64_t n, int64_t *next)
{
    *next = idx + n;
    if (!sc->parse_constant) {
        if (name[0] == 'N')
            return rt_float(NAN);
        return rt_float(name[0] == '-' ? -INFINITY : INFINITY);
    }
    Value arg = rt_str_from_cstr(name);
    return arg ? rt_call(sc->parse_constant, &arg, 1, 0) : RT_ERR;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?  at idx, else StopIteration(idx) */
static Value scan_number(Scan *sc, int64_t start, int64_t *next)
{
    const char *s = sc->s;
    int64_t len = sc->len, idx = start;
    int is_float = 0;
    if (s[idx] == '-') {
        idx++;
        if (idx >= len)
            return raise_stop(sc->doc, start);
    }
    if (s[idx] >= '1' && s[idx] <= '9') {
        idx++;
        while (idx < len && s[idx] >= '0' && s[idx] <= '9')
            idx++;
    } else if (s[idx] == '0') {
        idx++;
    } else {
        return raise_stop(sc->doc, start);
    }
    if (idx + 1 < len && s[idx] == '.' && s[idx + 1] >= '0' && s[idx + 1] <= '9') {
        is_float = 1;
        idx += 2;
        while (idx < len && s[idx] >= '0' && s[idx] <= '9')
            idx++;
    }
    if (idx + 1 < len && (s[idx] == 'e' || s[idx] == 'E')) {
        int64_t e_start = idx;
        idx++;
        if (idx + 1 < len && (s[idx] == '-' || s[idx] == '+'))
            idx++;
        while (idx < len && s[idx] >= '0' && s[idx] <= '9')
            idx++;
        if (s[idx - 1] >= '0' && s[idx - 1] <= '9')
            is_float = 1;
        else
            idx = e_start;
    }
    *next = idx;
    if (is_float) {
        if (!sc->parse_float)
            return rt_float_from_str(s + start, (size_t)(idx - start));
        Value text = rt_str_from_utf8(s + start, (size_t)(idx - start));
        return text ? rt_call(sc->parse_float, &text, 1, 0) : RT_ERR;
    }
    if (!sc->parse_int) {
        int64_t n = idx - start;
        if (n <= 18) {
            int64_t v = 0;
            int neg = s[start] == '-';
            for (int64_t k = start + neg; k < idx; k++)
                v = v * 10 + (s[k] - '0');
            return rt_int_from_i64(neg ? -v : v);
        }
        return rt_int_from_str(s + start, (size_t)n, 10);
    }
    Value text = rt_str_from_utf8(s + start, (size_t)(idx - start));
    return text ? rt_call(sc->parse_int, &text, 1, 0) : RT_ERR;
}

static int starts(const char *s, int64_t len, int64_t idx, const char *w, int64_t n)
{
    return idx + n <= len && memcmp(s + idx, w, (size_t)n) == 0;
}

static Value scan_value(Scan *sc, int64_t idx, int64_t *next)
{
    const char *s = sc->s;
    int64_t len = sc->len;
    if (idx >= len)
        return raise_stop(sc->doc, idx);
    Value r;
    switch (s[idx]) {
    case '"':
        return scan_string(sc->doc, idx + 1, sc->strict, next);
    case '{':
        if (enter(" while decoding a JSON object from a unicode string") < 0)
            return RT_ERR;
        r = scan_object(sc, idx + 1, next);
        rt_recursion_leave();
        return r;
    case '[':
        if (enter(" while decoding a JSON array from a unicode string") < 0)
            return RT_ERR;
        r = scan_array(sc, idx + 1, next);
        rt_recursion_leave();
        return r;
    case 'n':
        if (starts(s, len, idx, "null", 4)) {
            *next = idx + 4;
            return rt_None;
        }
        break;
    case 't':
        if (starts(s, len, idx, "true", 4)) {
            *next = idx + 4;
            return rt_True;
        }
        break;
    case 'f':
        if (starts(s, len, idx, "false", 5)) {
            *next = idx + 5;
            return rt_False;
        }
        break;
    case 'N':
        if (starts(s, len, idx, "NaN", 3))
            return scan_constant(sc, "NaN", idx, 3, next);
        break;
    case 'I':
        if (starts(s, len, idx, "Infinity", 8))
            return scan_constant(sc, "Infinity", idx, 8, next);
        break;
    case '-':
        if (starts(s, len, idx, "-Infinity", 9))
            return scan_constant(sc, "-Infinity", idx, 9, next);
        break;
    }
    return scan_number(sc, idx, next);
}

/* scan_once(s, idx): self is the context tuple */
static Value scanner_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_args("scan_once", nargs, kwnames, 2, 2) < 0)
        return RT_ERR;
    Value doc = args[0];
    if (!rts_is_str(doc))
        return rt_raise_fmt(rt_TypeError, "first argument must be a string, not %T", doc);
    int64_t idx;
    if (!rt_is_small(args[1]) && !rt_issubtype(rt_typeof(args[1]), &rt_int_type))
        return rt_raise_fmt(rt_TypeError, "'%T' object cannot be interpreted as an integer",
                            args[1]);
    if (rt_int_as_i64(args[1], &idx) < 0)
        return RT_ERR;
    if (idx < 0)
        return rt_raise_str(rt_ValueError, "idx cannot be negative");
    const Value *ctx = ((TupleObject *)rt_obj(self))->items;
    Scan sc;
    sc.doc = doc;
    sc.s = RTS(doc)->data;
    sc.len = RTS(doc)->size;
    sc.strict = ctx[SC_STRICT] == rt_True;
    sc.object_hook = ctx[SC_OBJECT_HOOK] == rt_None ? 0 : ctx[SC_OBJECT_HOOK];
    sc.pairs_hook = ctx[SC_PAIRS_HOOK] == rt_None ? 0 : ctx[SC_PAIRS_HOOK];
    sc.parse_float = ctx[SC_PARSE_FLOAT] == rt_val(&rt_float_type) ? 0 : ctx[SC_PARSE_FLOAT];
    sc.parse_int = ctx[SC_PARSE_INT] == rt_val(&rt_int_type) ? 0 : ctx[SC_PARSE_INT];
    sc.parse_constant = ctx[SC_PARSE_CONSTANT] == rt_None ? 0 : ctx[SC_PARSE_CONSTANT];
    if (!(sc.memo = rt_dict_new()))
        return RT_ERR;
    if (idx >= RTS(doc)->len) {
        Value exc = rt_exc_new(rt_StopIteration, &args[1], 1);
        return exc ? rt_raise(exc) : RT_ERR;
    }
    int64_t next;
    Value v = scan_value(&sc, byte_offset(doc, idx), &next);
    if (!v)
        return RT_ERR;
    return rt_tuple_pack(2, v, rt_int_from_i64(cp_index(doc, next)));
}

/* make_scanner(decoder): reads strict, object_hook, object_pairs_hook, parse_float, parse_int
 * and parse_constant (None = the built-in constants) once, as CPython's c_make_scanner */
static Value json_make_scanner(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_args("make_scanner", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    static const char *const names[SC_N] = {"strict", "object_hook", "object_pairs_hook",
                                            "parse_float", "parse_int", "parse_constant"};
    Value ctx = rt_tuple_new(SC_N);
    if (!ctx)
        return RT_ERR;
    Value *items = ((TupleObject *)rt_obj(ctx))->items;
    for (int i = 0; i < SC_N; i++)
        if (!(items[i] = rt_getattr_cstr(args[0], names[i])))
            return RT_ERR;
    int strict = rt_truthy(items[SC_STRICT]);
    if (strict < 0)
        return RT_ERR;
    items[SC_STRICT] = rt_bool(strict);
    return rt_builtin_new("scan_once", scanner_call, ctx, rt_str_from_cstr("_json"));
}

/* ================================================================ the encoder =========== */

enum { EN_MARKERS, EN_DEFAULT, EN_ENSURE_ASCII, EN_KEY_SEP, EN_ITEM_SEP, EN_SORT_KEYS,
       EN_SKIPKEYS, EN_ALLOW_NAN, EN_N };

typedef struct Enc {
    RtsBuf b;
    Value markers;        /* dict id -> object, or 0 when check_circular is off */
    Value dflt;
    int ensure_ascii, sort_keys, skipkeys, allow_nan;
    Value key_sep, item_sep;
} Enc;

static int enc_put_str(Enc *e, Value s)
{
    StrObject *o = RTS(s);
    return rts_buf_put(&e->b, o->data, o->size, o->len);
}

/* the text of a float as json writes it (float.__repr__, or the constants) */
static int enc_float(RtsBuf *b, double d, int allow_nan)
{
    if (!isfinite(d)) {
        if (!allow_nan) {
            rt_raise_str(rt_ValueError, "Out of range float values are not JSON compliant");
            return -1;
        }
        return rts_buf_puts(b, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }
    char buf[40];
    int n = rt_double_repr(d, buf);
    return rts_buf_put(b, buf, n, n);
}

static int enc_int(Enc *e, Value v)
{
    if (rt_is_small(v)) {
        char buf[24], *p = buf + sizeof buf;
        int64_t x = rt_small_val(v);
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (x < 0)
            *--p = '-';
        int64_t n = buf + sizeof buf - p;
        return rts_buf_put(&e->b, p, n, n);
    }
    Value s = rt_int_to_str(v, 10);
    return s ? enc_put_str(e, s) : -1;
}

static int is_float(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type == &rt_float_type ||
                               rt_issubtype(rt_obj(v)->type, &rt_float_type));
}

static int is_int(Value v)
{
    return rt_is_small(v) || rt_obj(v)->type == &rt_int_type ||
           (rt_obj(v)->type->flags & RT_TPFLAG_INT_SUBCLASS);
}

static int enc_value(Enc *e, Value o);

static int mark(Enc *e, Value o, Value *id)
{
    if (!e->markers)
        return 0;
    *id = rt_int_from_u64((uint64_t)o);
    if (!*id)
        return -1;
    if (rt_dict_get(e->markers, *id)) {
        rt_raise_str(rt_ValueError, "Circular reference detected");
        return -1;
    }
    if (rt_exc_pending())
        return -1;
    return rt_dict_set(e->markers, *id, o);
}

static int unmark(Enc *e, Value id)
{
    return e->markers ? rt_dict_del(e->markers, id) : 0;
}

static int enc_list(Enc *e, Value o, const Value *items, int64_t n, int is_list)
{
    if (n == 0)
        return rts_buf_put(&e->b, "[]", 2, 2);
    Value id = 0;
    if (mark(e, o, &id) < 0)
        return -1;
    if (rts_buf_put(&e->b, "[", 1, 1) < 0)
        return -1;
    for (int64_t i = 0;; i++) {
        if (is_list) {   /* a default() may have changed the list: re-read it */
            ListObject *l = (ListObject *)rt_obj(o);
            if (i >= l->size)
                break;
            items = l->items;
        } else if (i >= n) {
            break;
        }
        if (i > 0 && enc_put_str(e, e->item_sep) < 0)
            return -1;
        if (enc_value(e, items[i]) < 0)
            return -1;
    }
    if (rts_buf_put(&e->b, "]", 1, 1) < 0)
        return -1;
    return unmark(e, id);
}

/* a dict key as a str, or 0 for a key that skipkeys drops (*skip set); RT_ERR raised */
static Value enc_key(Enc *e, Value k, int *skip)
{
    *skip = 0;
    if (rts_is_str(k))
        return k;
    if (is_float(k)) {
        RtsBuf kb;
        rts_buf_init(&kb);
        if (enc_float(&kb, rt_float_val(k), e->allow_nan) < 0)
            return RT_ERR;
        return rts_buf_finish(&kb);
    }
    if (k == rt_True)
        return rt_str_intern("true");
    if (k == rt_False)
        return rt_str_intern("false");
    if (k == rt_None)
        return rt_str_intern("null");
    if (is_int(k))
        return rt_int_to_str(k, 10);
    if (e->skipkeys) {
        *skip = 1;
        return RT_ERR;
    }
    return rt_raise_fmt(rt_TypeError, "keys must be str, int, float, bool or None, not %T", k);
}

static int enc_dict(Enc *e, Value o)
{
    DictObject *d = (DictObject *)rt_obj(o);
    if (d->used == 0)
        return rts_buf_put(&e->b, "{}", 2, 2);
    Value id = 0;
    if (mark(e, o, &id) < 0)
        return -1;
    if (rts_buf_put(&e->b, "{", 1, 1) < 0)
        return -1;
    /* a snapshot of the items, as CPython's PyMapping_Items */
    int64_t n = d->used, k = 0;
    Value *kv = rt_alloc(sizeof(Value) * 2 * (size_t)n);
    for (int64_t i = 0; i < d->nentries && k < n; i++) {
        if (!d->entries[i].key)
            continue;
        kv[2 * k] = d->entries[i].key;
        kv[2 * k + 1] = d->entries[i].value;
        k++;
    }
    n = k;
    if (e->sort_keys) {
        Value items = rt_list_new(n);
        if (!items)
            return -1;
        for (int64_t i = 0; i < n; i++) {
            Value t = rt_tuple_pack(2, kv[2 * i], kv[2 * i + 1]);
            if (!t)
                return -1;
            ((ListObject *)rt_obj(items))->items[i] = t;
        }
        if (!rt_list_sort(items, 0, 0))
            return -1;
        for (int64_t i = 0; i < n; i++) {
            TupleObject *t = (TupleObject *)rt_obj(((ListObject *)rt_obj(items))->items[i]);
            kv[2 * i] = t->items[0];
            kv[2 * i + 1] = t->items[1];
        }
    }
    int first = 1;
    for (int64_t i = 0; i < n; i++) {
        int skip;
        Value key = enc_key(e, kv[2 * i], &skip);
        if (!key) {
            if (skip)
                continue;
            return -1;
        }
        if (!first && enc_put_str(e, e->item_sep) < 0)
            return -1;
        first = 0;
        if (encode_str_into(&e->b, key, e->ensure_ascii) < 0 || enc_put_str(e, e->key_sep) < 0 ||
            enc_value(e, kv[2 * i + 1]) < 0)
            return -1;
    }
    if (rts_buf_put(&e->b, "}", 1, 1) < 0)
        return -1;
    return unmark(e, id);
}

static int enc_value(Enc *e, Value o)
{
    if (o == rt_None)
        return rts_buf_put(&e->b, "null", 4, 4);
    if (o == rt_True)
        return rts_buf_put(&e->b, "true", 4, 4);
    if (o == rt_False)
        return rts_buf_put(&e->b, "false", 5, 5);
    if (rts_is_str(o))
        return encode_str_into(&e->b, o, e->ensure_ascii);
    if (is_int(o))
        return enc_int(e, o);
    if (is_float(o))
        return enc_float(&e->b, rt_float_val(o), e->allow_nan);
    Type *t = rt_obj(o)->type;
    int r;
    if (t == &rt_list_type || (t->flags & RT_TPFLAG_LIST_SUBCLASS)) {
        if (enter(" while encoding a JSON object") < 0)
            return -1;
        ListObject *l = (ListObject *)rt_obj(o);
        r = enc_list(e, o, l->items, l->size, 1);
        rt_recursion_leave();
        return r;
    }
    if (t == &rt_tuple_type || (t->flags & RT_TPFLAG_TUPLE_SUBCLASS)) {
        if (enter(" while encoding a JSON object") < 0)
            return -1;
        TupleObject *tu = (TupleObject *)rt_obj(o);
        r = enc_list(e, o, tu->items, tu->size, 0);
        rt_recursion_leave();
        return r;
    }
    if (t == &rt_dict_type || (t->flags & RT_TPFLAG_DICT_SUBCLASS)) {
        if (enter(" while encoding a JSON object") < 0)
            return -1;
        r = enc_dict(e, o);
        rt_recursion_leave();
        return r;
    }
    Value id = 0;
    if (mark(e, o, &id) < 0)
        return -1;
    Value v = rt_call(e->dflt, &o, 1, 0);
    if (!v)
        return -1;
    if (enter(" while encoding a JSON object") < 0)
        return -1;
    r = enc_value(e, v);
    rt_recursion_leave();
    if (r < 0)
        return -1;
    return unmark(e, id);
}

/* encode(o): self is the context tuple */
static Value encoder_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_args("encode", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    const Value *ctx = ((TupleObject *)rt_obj(self))->items;
    Enc e;
    rts_buf_init(&e.b);
    e.markers = ctx[EN_MARKERS] == rt_None ? 0 : ctx[EN_MARKERS];
    if (e.markers && !(e.markers = rt_dict_new()))
        return RT_ERR;
    e.dflt = ctx[EN_DEFAULT];
    e.ensure_ascii = ctx[EN_ENSURE_ASCII] == rt_True;
    e.key_sep = ctx[EN_KEY_SEP];
    e.item_sep = ctx[EN_ITEM_SEP];
    e.sort_keys = ctx[EN_SORT_KEYS] == rt_True;
    e.skipkeys = ctx[EN_SKIPKEYS] == rt_True;
    e.allow_nan = ctx[EN_ALLOW_NAN] == rt_True;
    if (enc_value(&e, args[0]) < 0)
        return RT_ERR;
    return rts_buf_finish(&e.b);
}

/* make_encoder(check_circular, default, ensure_ascii, key_separator, item_separator,
 *              sort_keys, skipkeys, allow_nan) */
static Value json_make_encoder(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_args("make_encoder", nargs, kwnames, EN_N, EN_N) < 0)
        return RT_ERR;
    if (!rts_is_str(args[EN_KEY_SEP]))
        return rt_raise_fmt(rt_TypeError, "make_encoder() argument 4 must be str, not %T",
                            args[EN_KEY_SEP]);
    if (!rts_is_str(args[EN_ITEM_SEP]))
        return rt_raise_fmt(rt_TypeError, "make_encoder() argument 5 must be str, not %T",
                            args[EN_ITEM_SEP]);
    Value ctx = rt_tuple_new(EN_N);
    if (!ctx)
        return RT_ERR;
    Value *items = ((TupleObject *)rt_obj(ctx))->items;
    for (int i = 0; i < EN_N; i++) {
        items[i] = args[i];
        if (i == EN_MARKERS || i == EN_ENSURE_ASCII || i == EN_SORT_KEYS || i == EN_SKIPKEYS ||
            i == EN_ALLOW_NAN) {
            int t = rt_truthy(args[i]);
            if (t < 0)
                return RT_ERR;
            items[i] = i == EN_MARKERS ? (t ? rt_True : rt_None) : rt_bool(t);
        }
    }
    return rt_builtin_new("encode", encoder_call, ctx, rt_str_from_cstr("_json"));
}

static Value json_set_decode_error(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_args("set_decode_error", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    decode_error_cls = args[0];
    return rt_None;
}

/* ================================================================ the module ============= */

static const struct { const char *name; VectorCallFn fn; } json_functions[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii},
    {"encode_basestring", json_encode_basestring},
    {"scanstring", json_scanstring},
    {"make_scanner", json_make_scanner},
    {"make_encoder", json_make_encoder},
    {"set_decode_error", json_set_decode_error},
};

Value rt_json_module_create(void)
{
    Value m = rt_module_new("_json", 0);
    if (!m)
        return RT_ERR;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    Value modname = rt_str_from_cstr("_json");
    if (!modname)
        return RT_ERR;
    for (size_t i = 0; i < sizeof json_functions / sizeof json_functions[0]; i++) {
        Value f = rt_builtin_new(json_functions[i].name, json_functions[i].fn, 0, modname);
        if (!f || rt_dict_set(d, rt_str_intern(json_functions[i].name), f) < 0)
            return RT_ERR;
    }
    return m;
}
