/*
 * strdiff.c - the C side of the differential test of str/bytes/bytearray against python3.
 *
 * Reads cases from stdin, one per line, fields separated by TAB:
 *     <id> TAB <op> TAB <arg> TAB <arg> ...
 * and prints one line per case:  <id> TAB <repr of the result>   or   <id> TAB !<Type>: <msg>
 * gen_cases.py writes the cases and, from python3, the expected lines; run.sh compares.
 *
 * <op> is "str.<method>", "bytes.<method>" or "bytearray.<method>" for a row of the method
 * tables (str_methods.def, bytes_methods.def, bytearray_methods.def): the first argument is
 * self; or one of the operators below (op_table).  Arguments:
 *     s<text>   str, with escapes \\ \t \n \xHH \uHHHH \UHHHHHHHH (surrogates allowed)
 *     b<text>   bytes, same escapes (\xHH only above ASCII);  B<text> bytearray
 *     i<int>    int;  f<float> float (strtod syntax: inf, nan);  N None;  T True;  F False;  -  not given (0)
 *     t<items>  tuple, l<items> list, d<items> dict (key, value, key, value...): each item is
 *               <length>:<encoded argument>, so containers nest
 *     S<a>:<b>:<c>  slice; each part an int or N
 * str.format takes self, a tuple of positional arguments and optionally a dict of keywords.
 * For mutating bytearray methods, the result line is "<return repr> | <self repr>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "rt_str.h"

/* ---------------------------------------------------------------- decoding args ---- */

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static unsigned long hexn(const char *p, int n)
{
    unsigned long v = 0;
    for (int i = 0; i < n; i++) v = v * 16 + (unsigned long)hexval(p[i]);
    return v;
}

/* Unescapes s[0..n) into generalised UTF-8 (str) or raw bytes (bytes). */
static char *unescape(const char *s, size_t n, int bytes, size_t *outn)
{
    char *out = malloc(n * 4 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] != '\\') { out[k++] = s[i++]; continue; }
        char e = s[i + 1];
        unsigned long c;
        int len = 0;
        switch (e) {
        case '\\': c = '\\'; len = 2; break;
        case 't': c = '\t'; len = 2; break;
        case 'n': c = '\n'; len = 2; break;
        case 'x': c = hexn(s + i + 2, 2); len = 4; break;
        case 'u': c = hexn(s + i + 2, 4); len = 6; break;
        default: c = hexn(s + i + 2, 8); len = 10; break;
        }
        i += (size_t)len;
        if (bytes || c < 0x80) { out[k++] = (char)c; continue; }
        if (c < 0x800) {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[k++] = (char)(0xE0 | (c >> 12));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[k++] = (char)(0xF0 | (c >> 18));
            out[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[k] = 0;
    *outn = k;
    return out;
}

static Value parse_arg(const char *s, size_t n);

/* the items of a container: each "<length>:<encoded argument>" */
static size_t parse_items(const char *s, size_t n, Value *items, size_t max)
{
    size_t count = 0, i = 0;
    while (i < n && count < max) {
        char *colon;
        size_t len = (size_t)strtoul(s + i, &colon, 10);
        size_t at = (size_t)(colon - s) + 1;
        items[count++] = parse_arg(s + at, len);
        i = at + len;
    }
    return count;
}

static Value parse_arg(const char *s, size_t n)
{
    size_t len;
    char *u;
    Value v;
    switch (s[0]) {
    case 's':
        u = unescape(s + 1, n - 1, 0, &len);
        v = rt_str_from_utf8(u, len);
        free(u);
        return v;
    case 'b': case 'B':
        u = unescape(s + 1, n - 1, 1, &len);
        v = s[0] == 'b' ? rt_bytes_from(u, len) : rt_bytearray_from(u, len);

        free(u);
        return v;
    case 'i': return rt_int_from_str(s + 1, n - 1, 10);
    case 'f': {
        char num[64];   /* the item is not NUL-terminated inside a container */
        size_t k = n - 1 < sizeof num - 1 ? n - 1 : sizeof num - 1;
        memcpy(num, s + 1, k);
        num[k] = 0;
        return rt_float(strtod(num, NULL));
    }
    case 'N': return rt_None;
    case 'T': return rt_True;
    case 'F': return rt_False;
    case '-': return 0;
    case 't': case 'l': case 'd': {
        Value items[512];
        size_t k = parse_items(s + 1, n - 1, items, 512);
        if (s[0] == 't') return rt_tuple_from(items, (int64_t)k);
        if (s[0] == 'l') return rt_list_from(items, (int64_t)k);
        Value d = rt_dict_new();
        for (size_t j = 0; j + 1 < k; j += 2) rt_dict_set(d, items[j], items[j + 1]);
        return d;
    }
    case 'S': {
        SliceObject *sl = (SliceObject *)rt_new_object(&rt_slice_type, sizeof *sl);
        Value *parts[3] = {&sl->start, &sl->stop, &sl->step};
        const char *p = s + 1;
        for (int k = 0; k < 3; k++) {
            if (*p == 'N') { *parts[k] = rt_None; p++; }
            else { *parts[k] = rt_int_from_i64(strtoll(p, (char **)&p, 10)); }
            if (*p == ':') p++;
        }
        return rt_val(sl);
    }
    default:
        fprintf(stderr, "bad argument '%.*s'\n", (int)n, s);
        exit(2);
    }
}

/* ---------------------------------------------------------------- printing ---------- */

static void put_repr(Value v);

static void put_seq(const Value *items, int64_t n, const char *open, const char *close)
{
    fputs(open, stdout);
    for (int64_t i = 0; i < n; i++) {
        if (i) fputs(", ", stdout);
        put_repr(items[i]);
    }
    if (n == 1 && open[0] == '(') fputc(',', stdout);
    fputs(close, stdout);
}

static void put_repr(Value v)
{
    Type *t = rt_typeof(v);
    if (rt_is_small(v)) { printf("%lld", (long long)rt_small_val(v)); return; }
    if (v == rt_None) { fputs("None", stdout); return; }
    if (v == rt_True) { fputs("True", stdout); return; }
    if (v == rt_False) { fputs("False", stdout); return; }
    if (t == &rt_str_type) {
        Value r = rt_str_repr(v);
        fwrite(rt_str_data(r), 1, (size_t)((StrObject *)rt_obj(r))->size, stdout);
        return;
    }
    if (t == &rt_bytes_type || t == &rt_bytearray_type) {
        Value r = t == &rt_bytes_type ? rt_bytes_repr(v) : rt_bytearray_repr(v);

        fputs(rt_str_data(r), stdout);
        return;
    }
    if (t == &rt_list_type) {
        ListObject *l = (ListObject *)rt_obj(v);
        put_seq(l->items, l->size, "[", "]");
        return;
    }
    if (t == &rt_tuple_type) {
        TupleObject *tu = (TupleObject *)rt_obj(v);
        put_seq(tu->items, tu->size, "(", ")");
        return;
    }
    if (t == &rt_dict_type) {
        DictObject *d = (DictObject *)rt_obj(v);
        fputc('{', stdout);
        int first = 1;
        for (int64_t i = 0; i < d->nentries; i++) {
            if (!d->entries[i].key) continue;
            if (!first) fputs(", ", stdout);
            first = 0;
            put_repr(d->entries[i].key);
            fputs(": ", stdout);
            put_repr(d->entries[i].value);
        }
        fputc('}', stdout);
        return;
    }
    Value r = rt_repr(v);
    if (r) fputs(rt_str_data(r), stdout);
    else printf("<%s>", t->name);
}

/* ---------------------------------------------------------------- method tables ---- */

typedef void (*AnyFn)(void);
typedef struct Method { const char *type, *name; AnyFn fn; int nmin, nmax, is_static; } Method;

static const Method methods[] = {
#define STR_METHOD(n, f, lo, hi, kw) {"str", #n, (AnyFn)f, lo, hi, 0},
#define STR_STATIC(n, f, lo, hi, kw) {"str", #n, (AnyFn)f, lo, hi, 1},
#define STR_VARARGS(n, f) {"str", #n, (AnyFn)f, 0, -1, 3},
#include "str_methods.def"
#undef STR_METHOD
#undef STR_STATIC
#undef STR_VARARGS
#define BYTES_METHOD(n, f, lo, hi, kw) {"bytes", #n, (AnyFn)f, lo, hi, 0},
#define BYTES_STATIC(n, f, lo, hi, kw) {"bytes", #n, (AnyFn)f, lo, hi, 1},
#define BYTES_CLASS(n, f, lo, hi, kw) {"bytes", #n, (AnyFn)f, lo, hi, 2},
#include "bytes_methods.def"
#undef BYTES_METHOD
#undef BYTES_STATIC
#undef BYTES_CLASS
#define BYTEARRAY_METHOD(n, f, lo, hi, kw) {"bytearray", #n, (AnyFn)f, lo, hi, 0},
#define BYTEARRAY_STATIC(n, f, lo, hi, kw) {"bytearray", #n, (AnyFn)f, lo, hi, 1},
#define BYTEARRAY_CLASS(n, f, lo, hi, kw) {"bytearray", #n, (AnyFn)f, lo, hi, 2},
#include "bytearray_methods.def"
#undef BYTEARRAY_METHOD
#undef BYTEARRAY_STATIC
#undef BYTEARRAY_CLASS
};

typedef Value (*F0)(void);
typedef Value (*F1)(Value);
typedef Value (*F2)(Value, Value);
typedef Value (*F3)(Value, Value, Value);
typedef Value (*F4)(Value, Value, Value, Value);

static Value call(AnyFn fn, int arity, const Value *a)
{
    switch (arity) {
    case 0: return ((F0)fn)();
    case 1: return ((F1)fn)(a[0]);
    case 2: return ((F2)fn)(a[0], a[1]);
    case 3: return ((F3)fn)(a[0], a[1], a[2]);
    default: return ((F4)fn)(a[0], a[1], a[2], a[3]);
    }
}

/* ---------------------------------------------------------------- operators -------- */

static Value op_list_iter(Value v)
{
    Value it = rt_typeof(v) == &rt_str_type ? rt_str_iter(v) : rt_typeof(v) == &rt_bytes_type
                                                                  ? rt_bytes_iter(v)
                                                                  : rt_bytearray_iter(v);

    if (!it) return RT_ERR;
    Value l = rt_list_new(0);
    for (;;) {
        Value x = rt_obj(it)->type->iternext(it);
        if (!x) return rt_exc_pending() ? RT_ERR : l;
        rt_list_append(l, x);
    }
}

static Value cmp_all(Value a, Value b)
{
    /* the six comparisons as a tuple of bools */
    Value r[6];
    static const int swapped[6] = {RT_GT, RT_GE, RT_EQ, RT_NE, RT_LT, RT_LE};
    for (int op = 0; op < 6; op++) {
        r[op] = rt_typeof(a)->richcompare(a, b, op);
        if (r[op] == rt_NotImplemented) r[op] = rt_typeof(b)->richcompare(b, a, swapped[op]);
        if (!r[op]) return RT_ERR;
        if (r[op] == rt_NotImplemented) return rt_str_from_cstr("NotImplemented");
    }
    return rt_tuple_from(r, 6);
}

static Value run_op(const char *op, Value *a, int n)
{
    if (!strcmp(op, "getitem")) return rt_typeof(a[0])->getitem(a[0], a[1]);
    if (!strcmp(op, "add")) return rt_typeof(a[0])->nb.add(a[0], a[1]);
    if (!strcmp(op, "mul")) return rt_typeof(a[0])->nb.mul(a[0], a[1]);
    if (!strcmp(op, "rmul")) return rt_typeof(a[1])->nb.mul(a[0], a[1]);
    if (!strcmp(op, "contains")) {
        int r = rt_typeof(a[0])->contains(a[0], a[1]);
        return r < 0 ? RT_ERR : rt_bool(r);
    }
    if (!strcmp(op, "cmp")) return cmp_all(a[0], a[1]);
    if (!strcmp(op, "len")) return rt_small(rt_typeof(a[0])->len(a[0]));
    if (!strcmp(op, "repr")) return rt_typeof(a[0])->repr(a[0]);
    if (!strcmp(op, "hash")) {
        int64_t h = rt_typeof(a[0])->hash(a[0]);
        return h == -1 ? RT_ERR : rt_int_from_i64(h);
    }
    if (!strcmp(op, "iter")) return op_list_iter(a[0]);
    if (!strcmp(op, "mod")) return rt_typeof(a[0])->nb.mod(a[0], a[1]);
    if (!strcmp(op, "str")) return rt_str_tp_new(&rt_str_type, a, (size_t)n, 0);
    if (!strcmp(op, "format")) return rt_format_str(a[0], a[1]);
    if (!strcmp(op, "bytes")) return rt_bytes_tp_new(&rt_bytes_type, a, (size_t)n, 0);
    if (!strcmp(op, "bytearray")) {
        Value b = rt_bytearray_tp_new(&rt_bytearray_type, a, (size_t)n, 0);
        if (b && rt_bytearray_tp_init(b, a, (size_t)n, 0) < 0) return RT_ERR;
        return b;
    }
    if (!strcmp(op, "setitem") || !strcmp(op, "delitem")) {
        int r = rt_bytearray_setitem(a[0], a[1], op[0] == 's' ? a[2] : 0);
        return r < 0 ? RT_ERR : rt_None;
    }
    if (!strcmp(op, "iadd")) return rt_bytearray_iadd(a[0], a[1]);
    if (!strcmp(op, "imul")) return rt_bytearray_imul(a[0], a[1]);
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        const Method *m = &methods[i];
        size_t tl = strlen(m->type);
        if (strncmp(op, m->type, tl) || op[tl] != '.' || strcmp(op + tl + 1, m->name)) continue;
        if (m->is_static == 3) {   /* vectorcall: self, a tuple of positionals, a dict of keywords */
            typedef Value (*VFn)(Value, const Value *, size_t, Value);
            Value all[64], names[32];
            TupleObject *pos = (TupleObject *)rt_obj(a[1]);
            size_t np = (size_t)pos->size, nk = 0;
            memcpy(all, pos->items, np * sizeof(Value));
            if (n > 2) {
                DictObject *d = (DictObject *)rt_obj(a[2]);
                for (int64_t k = 0; k < d->nentries; k++) {
                    if (!d->entries[k].key) continue;
                    names[nk] = d->entries[k].key;
                    all[np + nk++] = d->entries[k].value;
                }
            }
            return ((VFn)m->fn)(a[0], all, np, nk ? rt_tuple_from(names, (int64_t)nk) : 0);
        }
        Value args[4] = {0, 0, 0, 0};
        int self = m->is_static == 1 ? 0 : 1, shift = 0;
        if (m->is_static == 2) {   /* class method: the class first */
            args[0] = rt_val(strcmp(m->type, "bytes") ? &rt_bytearray_type : &rt_bytes_type);
            shift = 1;
        }
        for (int k = 0; k < n && k + shift < 4; k++) args[k + shift] = a[k];
        return call(m->fn, m->nmax + self, args);
    }
    fprintf(stderr, "unknown op %s\n", op);
    exit(2);
}

/* op names a bytearray instance method (which may mutate self) */
static int is_instance_method(const char *op, const char *type)
{
    size_t tl = strlen(type);
    if (strncmp(op, type, tl) || op[tl] != '.') return 0;
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        if (!strcmp(methods[i].type, type) && !strcmp(methods[i].name, op + tl + 1))
            return methods[i].is_static == 0;
    }
    return 0;
}

/* --sweep: one line per code point with what the per-character methods say about it:
 *   <cp hex> <flags> <lower> <upper> <title> <casefold> <repr>
 * flags: one 0/1 each for isalpha isdecimal isdigit isnumeric isprintable isspace islower
 * isupper istitle isidentifier (alone) isidentifier (after 'a') isalnum, len(splitlines) */
static void hexes(Value s)
{
    const char *p = rt_str_data(s);
    const char *end = p + ((StrObject *)rt_obj(s))->size;
    int first = 1;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (int k = 1; k < n; k++) cp = (cp << 6) | ((unsigned char)p[k] & 0x3Fu);
        printf(first ? "%x" : ",%x", cp);
        first = 0;
        p += n;
    }
}

static int sweep(void)
{
    typedef Value (*Pred)(Value);
    static const Pred preds[] = {rt_str_isalpha, rt_str_isdecimal, rt_str_isdigit,
                                 rt_str_isnumeric, rt_str_isprintable, rt_str_isspace,
                                 rt_str_islower, rt_str_isupper, rt_str_istitle,
                                 rt_str_isidentifier};
    Value a = rt_str_from_cstr("a");
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        Value s = rt_str_from_codepoint(cp);
        printf("%x ", cp);
        for (size_t k = 0; k < sizeof preds / sizeof preds[0]; k++)
            putchar(preds[k](s) == rt_True ? '1' : '0');
        putchar(rt_str_isidentifier(rt_str_concat(a, s)) == rt_True ? '1' : '0');
        putchar(rt_str_isalnum(s) == rt_True ? '1' : '0');
        printf("%lld ", (long long)((ListObject *)rt_obj(rt_str_splitlines(s, 0)))->size);
        Value maps[4] = {rt_str_lower(s), rt_str_upper(s), rt_str_title(s), rt_str_casefold(s)};
        for (int k = 0; k < 4; k++) {
            hexes(maps[k]);
            putchar(' ');
        }
        put_repr(rt_str_repr(s));
        putchar('\n');
    }
    return 0;
}

int main(int argc, char **argv)
{
    rt_init();
    rt_str_init();
    if (argc > 1 && !strcmp(argv[1], "--sweep")) return sweep();
    static char line[1 << 20];
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n') line[--len] = 0;
        char *fields[8];
        int nf = 0;
        char *p = line;
        while (nf < 8) {
            fields[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = 0;
            p = tab + 1;
        }
        Value args[6] = {0};
        int nargs = 0;
        for (int k = 2; k < nf; k++) args[nargs++] = parse_arg(fields[k], strlen(fields[k]));
        int mutating = is_instance_method(fields[1], "bytearray") || !strcmp(fields[1], "setitem") ||
                       !strcmp(fields[1], "delitem") || !strcmp(fields[1], "iadd") ||
                       !strcmp(fields[1], "imul");
        Value r = run_op(fields[1], args, nargs);
        printf("%s\t", fields[0]);
        if (r) {
            put_repr(r);
            if (mutating) {
                fputs(" | ", stdout);
                put_repr(args[0]);
            }
        } else {
            Value e = rt_exc_fetch();
            if (!e) {
                fputs("!<error without exception>", stdout);
            } else {
                Value msg = rt_str(e);
                printf("!%s: ", rt_typeof(e)->name);
                if (msg) {
                    for (const char *m = rt_str_data(msg); *m; m++) {
                        if (*m == '\n') fputs("\\n", stdout);
                        else fputc(*m, stdout);
                    }
                }
            }
        }
        fputc('\n', stdout);
    }
    return 0;
}
