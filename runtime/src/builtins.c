/*
 * builtins.c - the `builtins` module: the built-in functions that do not depend on user
 * classes, the built-in types and exception classes under their Python names, the constants.
 *
 * Entry points: rt_builtins_init (rt_builtins.h), which fills rt_builtins_dict (rt_func.h)
 * and registers the modules "builtins" and "sys" (rt_init calls it); rt_print (rt.h).
 *
 * Conventions: every builtin has the vectorcall signature; argument errors use CPython
 * 3.11's wording for that builtin (they differ: METH_O "len() takes exactly one argument
 * (0 given)", Argument Clinic "'foo' is an invalid keyword argument for print()", fastcall
 * "max expected at least 1 argument, got 0"), taken from python3.
 * Functions that need attribute lookup (getattr, setattr, vars, dir ...) go through
 * rt_getattr & co. of rt.h, owned by the attribute layer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_class.h"
#include "class_internal.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_gen.h"
#include "rt_mods.h"
#include "rt_str.h"

Value rt_builtins_dict;
static Value builtins_module;

static size_t nkw(Value kwnames) { return kwnames ? (size_t)rt_tuple_size(kwnames) : 0; }

static int is_str(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS);
}

static int str_eq_c(Value s, const char *c)
{
    size_t n = rt_str_nbytes(s);
    return strncmp(rt_str_bytes(s), c, n) == 0 && c[n] == '\0';
}

/* ---- argument checks, one per CPython calling convention ---- */

/* METH_O / METH_NOARGS builtins: "len() takes exactly one argument (0 given)" */
static int exactly(const char *name, size_t nargs, Value kwnames, size_t n)
{
    if (nkw(kwnames)) {
        rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs == n)
        return 0;
    if (n == 1)
        rt_raise_fmt(rt_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
    else
        rt_raise_fmt(rt_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
    return -1;
}

/* _PyArg_CheckPositional: "divmod expected 2 arguments, got 1", "iter expected at least 1
 * argument, got 0", "input expected at most 1 argument, got 2" */
static int positional(const char *name, size_t nargs, Value kwnames, size_t lo, size_t hi)
{
    if (nkw(kwnames)) {
        rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs >= lo && nargs <= hi)
        return 0;
    if (lo == hi)
        rt_raise_fmt(rt_TypeError, "%s expected %zu argument%s, got %zu", name, lo,
                     lo == 1 ? "" : "s", nargs);
    else if (nargs < lo)
        rt_raise_fmt(rt_TypeError, "%s expected at least %zu argument%s, got %zu", name, lo,
                     lo == 1 ? "" : "s", nargs);
    else
        rt_raise_fmt(rt_TypeError, "%s expected at most %zu argument%s, got %zu", name, hi,
                     hi == 1 ? "" : "s", nargs);
    return -1;
}

/* Keyword arguments among `names` (NULL-terminated) into out[] (0 when not given); any other
 * keyword: "'foo' is an invalid keyword argument for print()". */
static int keywords(const char *fname, const Value *args, size_t nargs, Value kwnames,
                    const char *const *names, Value *out)
{
    size_t n = 0;
    while (names[n])
        out[n++] = 0;
    for (size_t k = 0; k < nkw(kwnames); k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        size_t i = 0;
        while (i < n && !str_eq_c(key, names[i]))
            i++;
        if (i == n) {
            rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                         fname);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

/* ================================================================ print, input =========== */

static Value none_or_str(Value v, const char *what, const char *dflt)
{
    if (!v || v == rt_None)
        return rt_str_from_cstr(dflt);
    if (!is_str(v))
        return rt_raise_fmt(rt_TypeError, "%s must be None or a string, not %T", what, v);
    return v;
}

Value rt_print(const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    Value kw[4];
    if (keywords("print", args, nargs, kwnames, names, kw) < 0)
        return RT_ERR;
    Value file = kw[2];
    if (!file || file == rt_None) {
        Value sys = rt_builtin_module("sys");
        if (!sys)
            return RT_ERR;
        file = rt_dict_get(((ModuleObject *)rt_obj(sys))->dict, rt_str_intern("stdout"));
        if (!file)
            return rt_raise_str(rt_RuntimeError, "lost sys.stdout");
        if (file == rt_None)
            return rt_None;   /* CPython: print() without a stdout does nothing */
    }
    Value sep = none_or_str(kw[0], "sep", " ");
    if (!sep)
        return RT_ERR;
    Value end = none_or_str(kw[1], "end", "\n");
    if (!end)
        return RT_ERR;
    for (size_t i = 0; i < nargs; i++) {
        if (i && rt_file_write(file, sep) < 0)
            return RT_ERR;
        Value s = rt_str(args[i]);
        if (!s || rt_file_write(file, s) < 0)
            return RT_ERR;
    }
    if (rt_file_write(file, end) < 0)
        return RT_ERR;
    if (kw[3]) {
        int fl = rt_truthy(kw[3]);
        if (fl < 0 || (fl && rt_file_flush(file) < 0))
            return RT_ERR;
    }
    return rt_None;
}

static Value b_print(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return rt_print(args, nargs, kwnames);
}

static Value b_input(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("input", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    Value out = rt_std_stream(1), in = rt_std_stream(0);
    if (!out || !in)
        return RT_ERR;
    if (nargs) {
        Value p = rt_str(args[0]);
        if (!p || rt_file_write(out, p) < 0)
            return RT_ERR;
    }
    /* the prompt (and anything printed before) must be visible before we block */
    if (rt_file_flush(out) < 0)
        return RT_ERR;
    fflush(stderr);
    Value rl = rt_getattr(in, rt_str_intern("readline"));
    Value line = rl ? rt_call(rl, NULL, 0, 0) : RT_ERR;
    if (!line)
        return RT_ERR;
    if (!is_str(line))
        return rt_raise_fmt(rt_TypeError, "object.readline() returned non-string");
    size_t n = rt_str_nbytes(line);
    if (n == 0)
        return rt_raise_str(rt_EOFError, "EOF when reading a line");
    if (rt_str_bytes(line)[n - 1] == '\n')
        return rt_str_from_utf8(rt_str_bytes(line), n - 1);
    return line;
}

/* ================================================================ simple functions ======= */

static Value b_len(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exactly("len", nargs, kwnames, 1) < 0)
        return RT_ERR;
    int64_t n = rt_len(args[0]);
    return n < 0 ? RT_ERR : rt_int_from_i64(n);
}

static Value b_repr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return exactly("repr", nargs, kwnames, 1) < 0 ? RT_ERR : rt_repr(args[0]);
}

static Value b_ascii(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exactly("ascii", nargs, kwnames, 1) < 0)
        return RT_ERR;
    Value r = rt_repr(args[0]);
    return r ? rt_str_to_ascii(r) : RT_ERR;
}

static Value b_abs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return exactly("abs", nargs, kwnames, 1) < 0 ? RT_ERR : rt_abs(args[0]);
}

static Value b_callable(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exactly("callable", nargs, kwnames, 1) < 0)
        return RT_ERR;
    for (Type *t = rt_typeof(args[0]); t; t = t->base)
        if (t->call)
            return rt_True;
    return rt_False;
}

static Value b_id(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exactly("id", nargs, kwnames, 1) < 0)
        return RT_ERR;
    /* a small int has no address: its tagged word is unique among live values */
    return rt_int_from_u64((uint64_t)args[0]);
}

static Value b_hash(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exactly("hash", nargs, kwnames, 1) < 0)
        return RT_ERR;
    int64_t h = rt_hash(args[0]);
    return h == -1 ? RT_ERR : rt_int_from_i64(h);
}

static Value int_digits(const char *name, const Value *args, size_t nargs, Value kwnames,
                        int base)
{
    if (exactly(name, nargs, kwnames, 1) < 0)
        return RT_ERR;
    Value i = rt_index(args[0]);
    return i ? rt_int_to_str(i, base) : RT_ERR;
}

static Value b_bin(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return int_digits("bin", args, nargs, kwnames, 2);
}

static Value b_oct(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return int_digits("oct", args, nargs, kwnames, 8);
}

static Value b_hex(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return int_digits("hex", args, nargs, kwnames, 16);
}

static Value b_chr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exactly("chr", nargs, kwnames, 1) < 0)
        return RT_ERR;
    if (rt_is_float(args[0]))
        return rt_raise_str(rt_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t c;
    if (rt_index_i64(args[0], &c, rt_OverflowError) < 0) {
        if (rt_exc_matches(rt_exc_pending(), rt_val(rt_OverflowError)) == 1) {
            rt_exc_fetch();
            return rt_raise_str(rt_OverflowError, "Python int too large to convert to C int");
        }
        return RT_ERR;
    }
    if (c < 0 || c > 0x10FFFF)
        return rt_raise_str(rt_ValueError, "chr() arg not in range(0x110000)");
    return rt_str_from_codepoint((uint32_t)c);
}

static Value b_ord(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exactly("ord", nargs, kwnames, 1) < 0)
        return RT_ERR;
    Value v = args[0];
    Type *t = rt_typeof(v);
    if (is_str(v)) {
        int64_t n = rt_str_len_of(v);
        if (n != 1)
            return rt_raise_fmt(rt_TypeError,
                                "ord() expected a character, but string of length %lld found",
                                (long long)n);
        const unsigned char *p = (const unsigned char *)rt_str_bytes(v);
        uint32_t c = p[0];
        if (c >= 0xF0)
            c = ((c & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u);
        else if (c >= 0xE0)
            c = ((c & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
        else if (c >= 0xC0)
            c = ((c & 31u) << 6) | (p[1] & 63u);
        return rt_small(c);
    }
    if (rt_issubtype(t, &rt_bytes_type) || rt_issubtype(t, &rt_bytearray_type)) {
        int64_t n = t == &rt_bytearray_type || rt_issubtype(t, &rt_bytearray_type)
                        ? ((ByteArrayObject *)rt_obj(v))->size
                        : ((BytesObject *)rt_obj(v))->size;
        const char *d = rt_issubtype(t, &rt_bytearray_type) ? ((ByteArrayObject *)rt_obj(v))->data
                                                             : ((BytesObject *)rt_obj(v))->data;
        if (n != 1)
            return rt_raise_fmt(rt_TypeError,
                                "ord() expected a character, but string of length %lld found",
                                (long long)n);
        return rt_small((unsigned char)d[0]);
    }
    return rt_raise_fmt(rt_TypeError, "ord() expected string of length 1, but %s found",
                        t->name);
}

static Value b_divmod(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return positional("divmod", nargs, kwnames, 2, 2) < 0 ? RT_ERR : rt_divmod(args[0], args[1]);
}

static Value b_pow(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Value a[3] = {0, 0, 0};
    if (nargs > 3)
        return rt_raise_fmt(rt_TypeError, "pow() takes at most 3 arguments (%zu given)",
                            nargs + nkw(kwnames));
    for (size_t i = 0; i < nargs; i++)
        a[i] = args[i];
    for (size_t k = 0; k < nkw(kwnames); k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        int i = 0;
        while (i < 3 && !str_eq_c(key, names[i]))
            i++;
        if (i == 3)
            return rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for pow()",
                                key);
        if (a[i])
            return rt_raise_fmt(rt_TypeError,
                                "argument for pow() given by name ('%s') and position (%d)",
                                names[i], i + 1);
        a[i] = args[nargs + k];
    }
    if (!a[0])
        return rt_raise_str(rt_TypeError, "pow() missing required argument 'base' (pos 1)");
    if (!a[1])
        return rt_raise_str(rt_TypeError, "pow() missing required argument 'exp' (pos 2)");
    return rt_pow(a[0], a[1], a[2] ? a[2] : rt_None);
}

static Value b_round(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value number = nargs > 0 ? args[0] : 0, nd = nargs > 1 ? args[1] : 0;
    if (nargs > 2)
        return rt_raise_fmt(rt_TypeError, "round() takes at most 2 arguments (%zu given)",
                            nargs + nkw(kwnames));
    for (size_t k = 0; k < nkw(kwnames); k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        if (str_eq_c(key, "number") && !number)
            number = args[nargs + k];
        else if (str_eq_c(key, "ndigits") && !nd)
            nd = args[nargs + k];
        else
            return rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for round()",
                                key);
    }
    if (!number)
        return rt_raise_str(rt_TypeError, "round() missing required argument 'number' (pos 1)");
    if (nd == rt_None)
        nd = 0;
    if (rt_is_int(number)) {
        if (!nd)
            return rt_int_round(number, rt_None);
        Value i = rt_index(nd);
        return i ? rt_int_round(number, i) : RT_ERR;
    }
    if (rt_is_float(number)) {
        if (!nd)
            return rt_float_round(number, rt_None);
        Value i = rt_index(nd);
        return i ? rt_float_round(number, i) : RT_ERR;
    }
    /* anything else: its __round__ method */
    Value m = rt_getattr(number, rt_str_intern("__round__"));
    if (!m) {
        if (rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) == 1) {
            rt_exc_fetch();
            return rt_raise_fmt(rt_TypeError, "type %T doesn't define __round__ method", number);
        }
        return RT_ERR;
    }
    return rt_call(m, &nd, nd ? 1 : 0, 0);
}

static Value b_format(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("format", nargs, kwnames, 1, 2) < 0)
        return RT_ERR;
    Value spec = nargs > 1 ? args[1] : rt_str_from_cstr("");
    if (!spec)
        return RT_ERR;
    if (!is_str(spec))
        return rt_raise_fmt(rt_TypeError, "format() argument 2 must be str, not %T", spec);
    return rt_format(args[0], spec);
}

/* ================================================================ iteration ============== */

static Value b_iter(Value self, const Value *args, size_t nargs, Value kwnames);

/* iter(callable, sentinel): calls until the result equals the sentinel */
typedef struct CallIterObject { Object ob; Value func, sentinel; } CallIterObject;

static Value calliter_iter(Value v) { return v; }

static Value calliter_next(Value v)
{
    CallIterObject *c = (CallIterObject *)rt_obj(v);
    if (!c->func)
        return RT_ERR;
    Value r = rt_call(c->func, NULL, 0, 0);
    if (!r) {
        if (rt_exc_matches(rt_exc_pending(), rt_val(rt_StopIteration)) == 1) {
            rt_exc_fetch();
            c->func = 0;
        }
        return RT_ERR;
    }
    int eq = rt_eq(r, c->sentinel);
    if (eq < 0)
        return RT_ERR;
    if (eq) {
        c->func = 0;
        return RT_ERR;
    }
    return r;
}

static Type calliter_type = {
    .ob = {&rt_type_type}, .name = "callable_iterator", .base = &rt_object_type,
    .basicsize = sizeof(CallIterObject), .iter = calliter_iter, .iternext = calliter_next,
};

static Value b_iter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("iter", nargs, kwnames, 1, 2) < 0)
        return RT_ERR;
    if (nargs == 1)
        return rt_iter(args[0]);
    Value cb = 0;
    if (!(cb = b_callable(0, args, 1, 0)))
        return RT_ERR;
    if (cb != rt_True)
        return rt_raise_str(rt_TypeError, "iter(v, w): v must be callable");
    CallIterObject *c = (CallIterObject *)rt_new_object(&calliter_type, sizeof *c);
    if (!c)
        return RT_ERR;
    c->func = args[0];
    c->sentinel = args[1];
    return rt_val(c);
}

static Value b_next(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("next", nargs, kwnames, 1, 2) < 0)
        return RT_ERR;
    Type *t = rt_typeof(args[0]);
    UnaryFn nx = 0;
    for (Type *b = t; b && !nx; b = b->base)
        nx = b->iternext;
    if (!nx)
        return rt_raise_fmt(rt_TypeError, "'%s' object is not an iterator", t->name);
    Value r = nx(args[0]);
    if (r)
        return r;
    if (rt_exc_pending()) {
        if (nargs < 2 || rt_exc_matches(rt_exc_pending(), rt_val(rt_StopIteration)) != 1)
            return RT_ERR;
        rt_exc_fetch();
        return args[1];
    }
    if (nargs == 2)
        return args[1];
    return rt_raise(rt_val(rt_StopIteration));
}

/* aiter(x): x.__aiter__(), which must give an async iterator (it has __anext__) */
static Value b_aiter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (nkw(kwnames))
        return rt_raise_str(rt_TypeError, "aiter() takes no keyword arguments");
    if (nargs != 1)
        return rt_raise_fmt(rt_TypeError, "aiter() takes exactly one argument (%zu given)", nargs);
    int found = 0;
    Value it = rt_call_special(args[0], "__aiter__", NULL, 0, &found);
    if (!found)
        return rt_raise_fmt(rt_TypeError, "'%T' object is not an async iterable", args[0]);
    if (!it)
        return RT_ERR;
    Value anext = rt_getattr_cstr(it, "__anext__");
    if (!anext) {
        if (rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) != 1)
            return RT_ERR;
        rt_exc_fetch();
        return rt_raise_fmt(rt_TypeError, "aiter() returned not an async iterator of type '%T'",
                            it);
    }
    return it;
}

/* anext(it[, default]): the awaitable it.__anext__(); with a default, wrapped so that the end
 * of the iteration gives default instead of StopAsyncIteration */
static Value b_anext(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("anext", nargs, kwnames, 1, 2) < 0)
        return RT_ERR;
    int found = 0;
    Value aw = rt_call_special(args[0], "__anext__", NULL, 0, &found);
    if (!found)
        return rt_raise_fmt(rt_TypeError, "'%T' object is not an async iterator", args[0]);
    if (!aw || nargs == 1)
        return aw;
    return rt_anext_awaitable_new(aw, args[1]);
}

static Value b_all_any(const char *name, const Value *args, size_t nargs, Value kwnames,
                       int want)
{
    if (exactly(name, nargs, kwnames, 1) < 0)
        return RT_ERR;
    Value it = rt_iter(args[0]), x;
    if (!it)
        return RT_ERR;
    while ((x = rt_next_fast(it))) {
        int t = rt_truthy(x);
        if (t < 0)
            return RT_ERR;
        if (t == want)
            return rt_bool(want);
    }
    return rt_exc_pending() ? RT_ERR : rt_bool(!want);
}

static Value b_all(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return b_all_any("all", args, nargs, kwnames, 0);
}

static Value b_any(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return b_all_any("any", args, nargs, kwnames, 1);
}

/* sum's loop, CPython's builtin_sum fast paths: a small-int total accumulates in a C int64
 * while the items are small ints or bools, an exact-float total in a C double while they are
 * exact floats, small ints or bools; anything else (and an int total leaving the small range)
 * goes through rt_add.  The results are those of the generic loop, in the same order: for an
 * exact int or float total and such items rt_add would run int.__add__ / float.__add__ (no
 * reflected method can take precedence, as only subclasses of the left operand's type get
 * that), with the same C arithmetic and the same rounding of an int to a double; float
 * subclasses and every other item take rt_add.  After an rt_add whose result is again a
 * small int or an exact float, the fast loops resume (equivalent for the same reason). */
static Value sum_iter(Value it, Value acc)
{
    Value x;
    for (;;) {
        if (rt_is_small(acc)) {
            int64_t i = rt_small_val(acc);
            while ((x = rt_next_fast(it))) {
                int64_t b;
                if (rt_is_small(x))
                    b = rt_small_val(x);
                else if (x == rt_True || x == rt_False)
                    b = x == rt_True;
                else
                    break;
                int64_t t;
                if (__builtin_add_overflow(i, b, &t) || t > RT_SMALL_MAX || t < RT_SMALL_MIN)
                    break;
                i = t;
            }
            acc = rt_small(i);
        } else if (rt_obj(acc)->type == &rt_float_type) {
            double f = rt_float_val(acc);
            while ((x = rt_next_fast(it))) {
                if (rt_is_small(x))
                    f += (double)rt_small_val(x);
                else if (rt_obj(x)->type == &rt_float_type)
                    f += rt_float_val(x);
                else if (x == rt_True || x == rt_False)
                    f += x == rt_True ? 1.0 : 0.0;
                else
                    break;
            }
            acc = rt_float(f);
            if (!acc)
                return RT_ERR;
        } else {
            x = rt_next_fast(it);
        }
        /* x is the item the fast loop could not take, or 0 at the end */
        if (!x)
            return rt_exc_pending() ? RT_ERR : acc;
        if (!(acc = rt_add(acc, x)))
            return RT_ERR;
    }
}

static Value b_sum(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value start = nargs > 1 ? args[1] : 0;
    size_t total = nargs + nkw(kwnames);
    if (total > 2)
        return rt_raise_fmt(rt_TypeError, "sum() takes at most 2 arguments (%zu given)", total);
    for (size_t k = 0; k < nkw(kwnames); k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        if (!str_eq_c(key, "start"))
            return rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for sum()",
                                key);
        if (start)
            return rt_raise_str(rt_TypeError,
                                "argument for sum() given by name ('start') and position (2)");
        start = args[nargs + k];
    }
    if (nargs < 1)
        return rt_raise_str(rt_TypeError, "sum() takes at least 1 positional argument (0 given)");
    if (!start) {
        start = rt_small(0);
    } else if (is_str(start)) {
        return rt_raise_str(rt_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    } else {
        Type *t = rt_typeof(start);
        if (rt_issubtype(t, &rt_bytes_type))
            return rt_raise_str(rt_TypeError,
                                "sum() can't sum bytes [use b''.join(seq) instead]");
        if (rt_issubtype(t, &rt_bytearray_type))
            return rt_raise_str(rt_TypeError,
                                "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    Value it = rt_iter(args[0]);
    if (!it)
        return RT_ERR;
    return sum_iter(it, start);
}

static Value min_max(const char *name, const Value *args, size_t nargs, Value kwnames, int op)
{
    static const char *const names[] = {"key", "default", NULL};
    Value kw[2];
    if (nargs == 0)
        return rt_raise_fmt(rt_TypeError, "%s expected at least 1 argument, got 0", name);
    if (keywords(name, args, nargs, kwnames, names, kw) < 0)
        return RT_ERR;
    Value key = kw[0] == rt_None ? 0 : kw[0], dflt = kw[1];
    if (dflt && nargs > 1)
        return rt_raise_fmt(rt_TypeError,
                            "Cannot specify a default for %s() with multiple positional arguments",
                            name);
    /* one argument: its items; several: the arguments themselves (no tuple, no iterator) */
    Value it = 0, x;
    size_t pos = 0;
    if (nargs == 1 && !(it = rt_iter(args[0])))
        return RT_ERR;
    Value best = 0, bestkey = 0;
    while ((x = it ? rt_next_fast(it) : pos < nargs ? args[pos++] : 0)) {
        Value k = key ? rt_call(key, &x, 1, 0) : x;
        if (!k)
            return RT_ERR;
        if (!best) {
            best = x;
            bestkey = k;
            continue;
        }
        int c = rt_richcompare_bool(k, bestkey, op);
        if (c < 0)
            return RT_ERR;
        if (c) {
            best = x;
            bestkey = k;
        }
    }
    if (rt_exc_pending())
        return RT_ERR;
    if (best)
        return best;
    if (dflt)
        return dflt;
    return rt_raise_fmt(rt_ValueError, "%s() arg is an empty sequence", name);
}

static Value b_min(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return min_max("min", args, nargs, kwnames, RT_LT);
}

static Value b_max(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return min_max("max", args, nargs, kwnames, RT_GT);
}

static Value b_sorted(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"key", "reverse", NULL};
    Value kw[2];
    if (nargs != 1)
        return rt_raise_fmt(rt_TypeError, "sorted expected 1 argument, got %zu", nargs);
    if (keywords("sort", args, nargs, kwnames, names, kw) < 0)
        return RT_ERR;
    Value l = rt_list_from_iterable(args[0]);
    if (!l || !rt_list_sort(l, kw[0], kw[1]))
        return RT_ERR;
    return l;
}

/* ================================================================ isinstance etc. ======== */

/* both honour __instancecheck__ / __subclasscheck__ of the class's metaclass, and tuples */
static Value b_isinstance(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("isinstance", nargs, kwnames, 2, 2) < 0)
        return RT_ERR;
    int r = rt_isinstance_full(args[0], args[1]);
    return r < 0 ? RT_ERR : rt_bool(r);
}

static Value b_issubclass(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("issubclass", nargs, kwnames, 2, 2) < 0)
        return RT_ERR;
    int r = rt_issubclass_full(args[0], args[1]);
    return r < 0 ? RT_ERR : rt_bool(r);
}

static Value attr_name(Value v)
{
    if (!is_str(v))
        return rt_raise_fmt(rt_TypeError, "attribute name must be string, not '%T'", v);
    return v;
}

static Value b_getattr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("getattr", nargs, kwnames, 2, 3) < 0 || !attr_name(args[1]))
        return RT_ERR;
    Value r = rt_getattr(args[0], args[1]);
    if (!r && nargs == 3 && rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) == 1) {
        rt_exc_fetch();
        return args[2];
    }
    return r;
}

static Value b_hasattr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("hasattr", nargs, kwnames, 2, 2) < 0 || !attr_name(args[1]))
        return RT_ERR;
    Value r = rt_getattr(args[0], args[1]);
    if (r)
        return rt_True;
    if (rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) == 1) {
        rt_exc_fetch();
        return rt_False;
    }
    return RT_ERR;
}

static Value b_setattr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("setattr", nargs, kwnames, 3, 3) < 0 || !attr_name(args[1]))
        return RT_ERR;
    return rt_setattr(args[0], args[1], args[2]) < 0 ? RT_ERR : rt_None;
}

static Value b_delattr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("delattr", nargs, kwnames, 2, 2) < 0 || !attr_name(args[1]))
        return RT_ERR;
    return rt_delattr(args[0], args[1]) < 0 ? RT_ERR : rt_None;
}

/* globals(): the dict of the module whose code is running (func.c tracks it per call) */
static Value b_globals(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exactly("globals", nargs, kwnames, 0) < 0)
        return RT_ERR;
    if (rt_current_globals)
        return rt_current_globals;
    return rt_raise_str(rt_RuntimeError, "globals(): no running module");
}

static Value b_vars(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("vars", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    if (nargs == 0)
        return rt_raise_str(rt_NotImplementedError,
                            "vars() without arguments is not supported in compiled programs");
    Value d = rt_getattr(args[0], rt_str_intern("__dict__"));
    if (!d && rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) == 1) {
        rt_exc_fetch();
        return rt_raise_str(rt_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

static Value b_dir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("dir", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    if (nargs == 0)
        return rt_raise_str(rt_NotImplementedError,
                            "dir() without arguments is not supported in compiled programs");
    Value v = args[0];
    if (rt_typeof(v) == &rt_module_type) {
        Value l = rt_list_from_iterable(((ModuleObject *)rt_obj(v))->dict);
        return l && rt_list_sort(l, 0, 0) ? l : RT_ERR;
    }
    Value m = rt_getattr(v, rt_str_intern("__dir__"));
    Value r = m ? rt_call(m, NULL, 0, 0) : RT_ERR;
    if (!r)
        return RT_ERR;
    Value l = rt_list_from_iterable(r);
    return l && rt_list_sort(l, 0, 0) ? l : RT_ERR;
}

/* exit() and quit(): the site module's helpers, which raise SystemExit(code) */
static Value b_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (positional("exit", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    Value e = rt_exc_new(rt_SystemExit, args, nargs);
    return e ? rt_raise(e) : RT_ERR;
}

/* ================================================================ iterator types ========= */

/* enumerate(iterable, start=0) */
static Value enumerate_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    Value it = nargs > 0 ? args[0] : 0, start = nargs > 1 ? args[1] : 0;
    if (nargs + nkw(kwnames) > 2)
        return rt_raise_fmt(rt_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                            nargs + nkw(kwnames));
    for (size_t k = 0; k < nkw(kwnames); k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        if (str_eq_c(key, "iterable") && !it)
            it = args[nargs + k];
        else if (str_eq_c(key, "start") && !start)
            start = args[nargs + k];
        else
            return rt_raise_fmt(rt_TypeError,
                                "'%U' is an invalid keyword argument for enumerate()", key);
    }
    if (!it)
        return rt_raise_str(rt_TypeError, "enumerate() missing required argument 'iterable'");
    return rt_enumerate_new(it, start);
}

static Value zip_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    int strict = 0;
    for (size_t k = 0; k < nkw(kwnames); k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        if (!str_eq_c(key, "strict"))
            return rt_raise_str(rt_TypeError, "zip() got an unexpected keyword argument");
        if ((strict = rt_truthy(args[nargs + k])) < 0)
            return RT_ERR;
    }
    return rt_zip_new(args, nargs, strict);
}

static Value map_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (nkw(kwnames))
        return rt_raise_str(rt_TypeError, "map() takes no keyword arguments");
    if (nargs < 2)
        return rt_raise_str(rt_TypeError, "map() must have at least two arguments.");
    return rt_map_new(args[0], args + 1, nargs - 1);
}

static Value filter_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (nkw(kwnames))
        return rt_raise_str(rt_TypeError, "filter() takes no keyword arguments");
    if (positional("filter", nargs, 0, 2, 2) < 0)
        return RT_ERR;
    return rt_filter_new(args[0], args[1]);
}

static Value reversed_new(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (nkw(kwnames))
        return rt_raise_str(rt_TypeError, "reversed() takes no keyword arguments");
    if (positional("reversed", nargs, 0, 1, 1) < 0)
        return RT_ERR;
    return rt_reversed_new(args[0]);
}

/* __build_class__(func, name, *bases, **kwds): what a class statement calls; generated code
 * calls rt_build_class directly, except for starred bases or ** keywords, which come here with
 * the call's unpacked arguments (CPython's LOAD_BUILD_CLASS + CALL_FUNCTION_EX) */
static Value b_build_class(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (nargs < 2)
        return rt_raise_str(rt_TypeError, "__build_class__: not enough arguments");
    return rt_build_class(args[0], args[1], args + 2, nargs - 2, args + nargs, kwnames);
}

/* ================================================================ the module ============= */

static const struct {
    const char *name;
    VectorCallFn fn;
} functions[] = {
    {"print", b_print},         {"input", b_input},         {"len", b_len},
    {"repr", b_repr},           {"ascii", b_ascii},         {"abs", b_abs},
    {"callable", b_callable},   {"id", b_id},               {"hash", b_hash},
    {"bin", b_bin},             {"oct", b_oct},             {"hex", b_hex},
    {"chr", b_chr},             {"ord", b_ord},             {"divmod", b_divmod},
    {"pow", b_pow},             {"round", b_round},         {"format", b_format},
    {"iter", b_iter},           {"next", b_next},           {"aiter", b_aiter},
    {"anext", b_anext},           {"all", b_all},
    {"any", b_any},             {"sum", b_sum},             {"min", b_min},
    {"max", b_max},             {"sorted", b_sorted},       {"isinstance", b_isinstance},
    {"issubclass", b_issubclass}, {"getattr", b_getattr},   {"hasattr", b_hasattr},
    {"setattr", b_setattr},     {"delattr", b_delattr},     {"vars", b_vars},
    {"dir", b_dir},             {"exit", b_exit},           {"quit", b_exit},
    {"globals", b_globals},     {"open", rt_builtin_open},
    {"__build_class__", b_build_class},
};

static const char *const exception_names[] = {
    "BaseException", "Exception", "TypeError", "ValueError", "KeyError", "IndexError",
    "AttributeError", "NameError", "UnboundLocalError", "ZeroDivisionError", "OverflowError",
    "StopIteration", "StopAsyncIteration", "RuntimeError", "RecursionError",
    "NotImplementedError", "MemoryError", "AssertionError", "LookupError", "ArithmeticError",
    "ImportError", "ModuleNotFoundError", "OSError", "FileNotFoundError", "EOFError",
    "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError",
    "SystemExit", "KeyboardInterrupt", "GeneratorExit", "BaseExceptionGroup", "ExceptionGroup",
    "SyntaxError", "IndentationError", "TabError", "SystemError", "ReferenceError",
    "BufferError", "FloatingPointError", "TimeoutError", "PermissionError", "FileExistsError",
    "IsADirectoryError", "NotADirectoryError", "InterruptedError", "ProcessLookupError",
    "ChildProcessError", "BlockingIOError", "ConnectionError", "BrokenPipeError",
    "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
    "EncodingWarning", "Warning", "UserWarning", "DeprecationWarning",
    "PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning", "FutureWarning",
    "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning",
};

static int set(const char *name, Value v)
{
    if (!v)
        return -1;
    return rt_dict_set(rt_builtins_dict, rt_str_intern(name), v);
}

Value rt_builtins_module_create(void) { return builtins_module; }

int rt_builtins_init(void)
{
    static int done;
    if (done)
        return 0;
    /* rt_init calls this once it has the class machinery; a call before rt_init gets here
     * again through it */
    rt_init();
    if (done)
        return 0;
    /* the iterator types of iter.c are constructed here when called as types */
    if (!rt_enumerate_type.new_)
        rt_enumerate_type.new_ = enumerate_new;
    if (!rt_zip_type.new_)
        rt_zip_type.new_ = zip_new;
    if (!rt_map_type.new_)
        rt_map_type.new_ = map_new;
    if (!rt_filter_type.new_)
        rt_filter_type.new_ = filter_new;
    if (!rt_reversed_type.new_)
        rt_reversed_type.new_ = reversed_new;
    Type *types[] = {&rt_function_type, &rt_method_type, &rt_builtin_function_type,
                     &rt_module_type, &rt_cell_type, &rt_enumerate_type, &rt_zip_type,
                     &rt_map_type, &rt_filter_type, &rt_reversed_type, &calliter_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (rt_type_ready(types[i]) < 0)
            return -1;

    Value m = rt_module_new("builtins", 0);
    if (!m)
        return -1;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    rt_builtins_dict = d;
    builtins_module = m;
    Value modname = rt_str_from_cstr("builtins");
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (set(functions[i].name, rt_builtin_new(functions[i].name, functions[i].fn, 0, modname)) < 0)
            return -1;
    struct { const char *name; Type *t; } named_types[] = {
        {"object", &rt_object_type},   {"type", &rt_type_type},     {"int", &rt_int_type},
        {"bool", &rt_bool_type},       {"float", &rt_float_type},   {"complex", &rt_complex_type},
        {"str", &rt_str_type},         {"bytes", &rt_bytes_type},   {"bytearray", &rt_bytearray_type},
        {"tuple", &rt_tuple_type},     {"list", &rt_list_type},     {"dict", &rt_dict_type},
        {"set", &rt_set_type},         {"frozenset", &rt_frozenset_type},
        {"range", &rt_range_type},     {"slice", &rt_slice_type},   {"enumerate", &rt_enumerate_type},
        {"zip", &rt_zip_type},         {"map", &rt_map_type},       {"filter", &rt_filter_type},
        {"reversed", &rt_reversed_type}, {"super", &rt_super_type},
        {"property", &rt_property_type}, {"staticmethod", &rt_staticmethod_type},
        {"classmethod", &rt_classmethod_type}, {"memoryview", &rt_memoryview_type},
    };
    if (rt_memoryview_init() < 0)
        return -1;
    for (size_t i = 0; i < sizeof named_types / sizeof named_types[0]; i++) {
        if (rt_type_ready(named_types[i].t) < 0 || set(named_types[i].name, rt_val(named_types[i].t)) < 0)
            return -1;
    }
    for (size_t i = 0; i < sizeof exception_names / sizeof exception_names[0]; i++) {
        Type *t = rt_exc_type_by_name(exception_names[i]);
        if (t && set(exception_names[i], rt_val(t)) < 0)
            return -1;
    }
    Type *oserr = rt_exc_type_by_name("OSError");
    if (set("EnvironmentError", rt_val(oserr)) < 0 || set("IOError", rt_val(oserr)) < 0 ||
        set("None", rt_None) < 0 || set("True", rt_True) < 0 || set("False", rt_False) < 0 ||
        set("Ellipsis", rt_Ellipsis) < 0 || set("NotImplemented", rt_NotImplemented) < 0 ||
        set("__name__", modname) < 0 || set("__debug__", rt_True) < 0)
        return -1;
    if (rt_mods_register() < 0)
        return -1;
    done = 1;
    return 0;
}
