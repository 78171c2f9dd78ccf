/*
 * str_formatter.c - str.format(*args, **kwargs) and str.format_map(mapping).
 *
 * Entry points: rt_str_format, rt_str_format_map (rt_str.h).
 *
 * A file of its own so that format(str, spec) (strformat.c), which every program may use,
 * does not pull in the attribute and item lookup that replacement fields need.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "str_internal.h"

/*
 * str.format(*args, **kwargs) and str.format_map(mapping), CPython's algorithm:
 *
 *   literal text, "{{" and "}}" for braces, and replacement fields
 *   field ::= "{" [name] ["!" conversion] [":" spec] "}"
 *   name  ::= (digits | identifier | "") ("." attribute | "[" key "]")*
 *
 * Automatic ("{}") and manual ("{0}") numbering may not be mixed.  The spec may itself hold
 * replacement fields, expanded first, at most two levels deep.  Values are formatted with
 * rt_format() (format(value, spec)) after the !r/!s/!a conversion.
 */

typedef struct FmtArgs {
    const Value *args;     /* positional */
    int64_t nargs;
    const Value *kwvals;   /* str.format: keyword values, names in kwnames */
    Value kwnames;         /* tuple of str, or 0 */
    Value mapping;         /* format_map: the mapping, or 0 */
    int numbering;         /* 0 not yet known, 1 automatic, 2 manual */
    int64_t next_auto;
} FmtArgs;

static Value render(FmtArgs *fa, const char *s, const char *end, int depth);

static Value key_error(Value key)
{
    Value e = rt_exc_new(rt_KeyError, &key, 1);
    return e ? rt_raise(e) : RT_ERR;
}

/* digits only (and not empty): 1 with *out, 0 if not all digits, -1 after raising */
static int all_digits(const char *s, const char *end, int64_t *out)
{
    if (s == end) return 0;
    int64_t v = 0;
    for (const char *p = s; p < end; p++) {
        if (*p < '0' || *p > '9') return 0;
        if (v > (INT64_MAX - 9) / 10) {
            rt_raise_str(rt_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 1;
}

/* The object a field name designates. */
static Value field_object(FmtArgs *fa, const char *s, const char *end)
{
    const char *p = s;
    while (p < end && *p != '.' && *p != '[') p++;
    int64_t index;
    int d = all_digits(s, p, &index);
    if (d < 0) return RT_ERR;
    Value obj;
    if (s == p || d) {
        if (s == p) {
            if (fa->numbering == 2) {
                return rt_raise_str(rt_ValueError,
                                    "cannot switch from manual field specification to automatic field numbering");
            }
            fa->numbering = 1;
            index = fa->next_auto++;
        } else {
            if (fa->numbering == 1) {
                return rt_raise_str(rt_ValueError,
                                    "cannot switch from automatic field numbering to manual field specification");
            }
            fa->numbering = 2;
        }
        if (!fa->args && fa->mapping) {
            return rt_raise_str(rt_ValueError, "Format string contains positional fields");
        }
        if (index >= fa->nargs) {
            return rt_raise_fmt(rt_IndexError, "Replacement index %lld out of range for positional args tuple",
                                (long long)index);
        }
        obj = fa->args[index];
    } else {
        Value key = rt_str_from_utf8(s, (size_t)(p - s));
        if (!key) return RT_ERR;
        if (fa->mapping) {
            obj = rt_getitem(fa->mapping, key);
            if (!obj) return RT_ERR;
        } else {
            obj = 0;
            int64_t nkw = fa->kwnames ? ((TupleObject *)rt_obj(fa->kwnames))->size : 0;
            for (int64_t k = 0; k < nkw && !obj; k++) {
                if (rt_str_eq(((TupleObject *)rt_obj(fa->kwnames))->items[k], key)) obj = fa->kwvals[k];
            }
            if (!obj) return key_error(key);
        }
    }
    /* the rest: .attribute and [key] */
    while (p < end) {
        if (*p == '.') {
            const char *a = ++p;
            while (p < end && *p != '.' && *p != '[') p++;
            if (a == p) return rt_raise_str(rt_ValueError, "Empty attribute in format string");
            Value name = rt_str_from_utf8(a, (size_t)(p - a));
            if (!name || !(obj = rt_getattr(obj, name))) return RT_ERR;
        } else {   /* '[' */
            const char *k = ++p;
            while (p < end && *p != ']') p++;
            if (p >= end) return rt_raise_str(rt_ValueError, "Missing ']' in format string");
            if (k == p) return rt_raise_str(rt_ValueError, "Empty attribute in format string");
            int64_t i;
            int kd = all_digits(k, p, &i);
            if (kd < 0) return RT_ERR;
            Value key = kd ? rt_int_from_i64(i) : rt_str_from_utf8(k, (size_t)(p - k));
            if (!key || !(obj = rt_getitem(obj, key))) return RT_ERR;
            p++;
            if (p < end && *p != '.' && *p != '[') {
                return rt_raise_str(rt_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            }
        }
    }
    return obj;
}

/* One replacement field, from just after its '{': scans the name, conversion and spec the way
 * CPython's parse_field does (which decides the error messages), formats the value into out
 * and returns the position after the closing '}', or NULL after raising. */
/* The field's formatted str goes to *single when it is the first output of the whole string
 * (an exact str), so that a format string that is one field returns it without a copy, as
 * CPython's writer does; otherwise to out. */
static int put_result(RtsBuf *out, Value *single, Value r)
{
    if (single) {
        if (out->size == 0 && !*single && rt_obj(r)->type == &rt_str_type) {
            *single = r;
            return 0;
        }
        if (*single) {
            Value s = *single;
            *single = 0;
            if (rts_buf_put(out, RTS(s)->data, RTS(s)->size, RTS(s)->len) < 0) return -1;
        }
    }
    return rts_buf_put(out, RTS(r)->data, RTS(r)->size, RTS(r)->len);
}

static const char *render_field(FmtArgs *fa, const char *p, const char *end, int depth, RtsBuf *out,
                                Value *single)
{
    const char *name = p;
    char c = 0;
    while (p < end) {
        c = *p++;
        if (c == '{') {
            rt_raise_str(rt_ValueError, "unexpected '{' in field name");
            return NULL;
        }
        if (c == '[') {
            while (p < end && *p != ']') p++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    const char *name_end = p - 1;
    uint32_t conversion = 0;
    const char *spec = p, *spec_end = p;
    int nested = 0;
    if (c == '!' || c == ':') {
        int done = 0;
        if (c == '!') {
            if (p >= end) {
                rt_raise_str(rt_ValueError, "end of string while looking for conversion specifier");
                return NULL;
            }
            int n;
            conversion = rts_decode(p, &n);
            p += n;
            if (p < end) {
                char d = *p++;
                if (d == '}') done = 1;
                else if (d != ':') {
                    rt_raise_str(rt_ValueError, "expected ':' after conversion specifier");
                    return NULL;
                }
            }
        }
        if (!done) {
            spec = p;
            int count = 1;
            while (p < end) {
                char d = *p++;
                if (d == '{') { nested = 1; count++; }
                else if (d == '}' && --count == 0) break;
            }
            if (count) {
                rt_raise_str(rt_ValueError, "unmatched '{' in format spec");
                return NULL;
            }
            spec_end = p - 1;
        } else {
            spec = spec_end = p;
        }
    } else if (c != '}') {
        rt_raise_str(rt_ValueError, "expected '}' before end of string");
        return NULL;
    }
    Value obj = field_object(fa, name, name_end);
    if (!obj) return NULL;
    switch (conversion) {
    case 0: break;
    case 'r': obj = rt_repr(obj); break;
    case 's': obj = rt_str(obj); break;
    case 'a': obj = rt_repr(obj); if (obj) obj = rt_str_to_ascii(obj); break;
    default: {
        char msg[64];
        if (conversion > 32 && conversion < 127) snprintf(msg, sizeof msg, "Unknown conversion specifier %c", (int)conversion);
        else snprintf(msg, sizeof msg, "Unknown conversion specifier \\x%x", (unsigned)conversion);
        rt_raise_str(rt_ValueError, msg);
        return NULL;
    }
    }
    if (!obj) return NULL;
    /* A short constant spec for a built-in type's formatter (which never keeps it) is a str
     * on the C stack; a class's __format__ may keep its argument, so it gets a real one. */
    size_t spec_n = (size_t)(spec_end - spec);
    union {
        StrObject s;
        char room[sizeof(StrObject) + 48];
    } tmp;
    Value specv;
    if (nested) {
        specv = render(fa, spec, spec_end, depth - 1);
    } else if (spec_n == 0) {
        specv = rts_get_empty();
    } else if (spec_n < 48 && !(rt_typeof(obj)->flags & RT_TPFLAG_HEAPTYPE)) {
        tmp.s.ob.type = &rt_str_type;
        tmp.s.size = (int64_t)spec_n;
        tmp.s.len = rts_count_cps(spec, (int64_t)spec_n);
        tmp.s.hash = -1;
        tmp.s.ascii = tmp.s.len == tmp.s.size;
        tmp.s.state = 0;
        memcpy(tmp.s.data, spec, spec_n);
        tmp.s.data[spec_n] = 0;
        specv = rt_val(&tmp.s);
    } else {
        specv = rt_str_from_utf8(spec, spec_n);
    }
    if (!specv) return NULL;
    Value r = rt_format(obj, specv);
    if (!r) return NULL;
    if (!rts_is_str(r)) {
        rt_raise_fmt(rt_TypeError, "__format__ must return a str, not %s", rts_tname(r));
        return NULL;
    }
    return put_result(out, single, r) < 0 ? NULL : p;
}

static Value render(FmtArgs *fa, const char *s, const char *end, int depth)
{
    if (depth <= 0) return rt_raise_str(rt_ValueError, "Max string recursion exceeded");
    RtsBuf b;
    rts_buf_init(&b);
    Value single = 0;
    const char *p = s;
    while (p < end) {
        /* literal text up to a brace */
        const char *lit = p;
        while (p < end && *p != '{' && *p != '}') p++;
        if (p > lit) {
            if (single && put_result(&b, &single, rts_get_empty()) < 0) return RT_ERR;
            if (rts_buf_put(&b, lit, p - lit, -1) < 0) return RT_ERR;
        }
        if (p >= end) break;
        char c = *p++;
        int at_end = p >= end;
        if (c == '}') {
            if (at_end || *p != '}') return rt_raise_str(rt_ValueError, "Single '}' encountered in format string");
            p++;
            if (single && put_result(&b, &single, rts_get_empty()) < 0) return RT_ERR;
            if (rts_buf_putc(&b, '}') < 0) return RT_ERR;
            continue;
        }
        if (at_end) return rt_raise_str(rt_ValueError, "Single '{' encountered in format string");
        if (*p == '{') {
            p++;
            if (single && put_result(&b, &single, rts_get_empty()) < 0) return RT_ERR;
            if (rts_buf_putc(&b, '{') < 0) return RT_ERR;
            continue;
        }
        if (!(p = render_field(fa, p, end, depth, &b, &single))) return RT_ERR;
    }
    if (single) return single;
    return rts_buf_finish(&b);
}

Value rt_str_format(Value self, const Value *args, size_t nargs, Value kwnames)
{
    FmtArgs fa = {args, (int64_t)nargs, args + nargs, kwnames, 0, 0, 0};
    StrObject *s = RTS(self);
    return render(&fa, s->data, s->data + s->size, 2);
}

Value rt_str_format_map(Value self, Value mapping)
{
    FmtArgs fa = {NULL, 0, NULL, 0, mapping, 0, 0};
    StrObject *s = RTS(self);
    return render(&fa, s->data, s->data + s->size, 2);
}
