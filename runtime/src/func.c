/*
 * func.c - Python functions, bound methods, built-in functions, cells, and the generic call
 * entry points (rt_call, rt_call_ex).
 *
 * Entry points (rt_func.h): rt_function_new, rt_function_vectorcall, rt_builtin_new,
 * rt_method_new, rt_call_ex, rt_cell_new, rt_cell_get, rt_raise_unbound_local; (rt.h) rt_call;
 * the types rt_function_type, rt_method_type, rt_builtin_function_type, rt_cell_type.
 *
 * Argument binding follows CPython 3.11's initialize_locals step by step, because the order
 * of its checks decides which TypeError a bad call gets: positional arguments are copied,
 * the surplus packed into *args, then keywords are matched (unexpected / multiple values /
 * positional-only passed as keyword), then "takes N positional arguments", then the missing
 * positional and keyword-only ones, defaults filling the rest.  Messages name the function by
 * its __qualname__, as CPython does.
 *
 * Invariants: params[] handed to a body has no 0 entry (every parameter bound); a
 * FunctionObject's code is never NULL; rt_function_vectorcall counts one level of recursion
 * (rt_recursion_enter) per Python call, so generated code calling a body directly must do
 * the same.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_str.h"
#include "rt_builtins.h"
#include "rt_class.h"
#include "class_internal.h"

/* memcpy of n Values; args may be NULL when n is 0 (memcpy's contract forbids that).  The
 * usual handful of arguments is copied inline: a memcpy call costs more than the copy. */
static inline void copy_vals(Value *dst, const Value *src, size_t n)
{
    switch (n) {
    case 4: dst[3] = src[3]; __attribute__((fallthrough));
    case 3: dst[2] = src[2]; __attribute__((fallthrough));
    case 2: dst[1] = src[1]; __attribute__((fallthrough));
    case 1: dst[0] = src[0]; __attribute__((fallthrough));
    case 0: return;
    default: memcpy(dst, src, n * sizeof(Value));
    }
}

static size_t nkw(Value kwnames) { return kwnames ? (size_t)rt_tuple_size(kwnames) : 0; }

/* an object's hash by address (CPython's _Py_HashPointer) */
static int64_t ptr_hash(Value v)
{
    uint64_t y = (uint64_t)v;
    int64_t h = (int64_t)((y >> 4) | (y << 60));
    return h == -1 ? -2 : h;
}

/* does str `s` spell the C string `name`? */
static int str_is(Value s, const char *name)
{
    size_t n = rt_str_nbytes(s);
    return strncmp(rt_str_bytes(s), name, n) == 0 && name[n] == '\0';
}

/* ================================================================ generic calls ========== */

/* the call slot of t or its nearest base */
static VectorCallFn call_slot(const Type *t)
{
    for (; t; t = t->base)
        if (t->call)
            return t->call;
    return NULL;
}

Value rt_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    Type *t = rt_typeof(callable);
    if (t == &rt_function_type)
        return rt_function_vectorcall(callable, args, nargs, kwnames);
    VectorCallFn f = call_slot(t);
    if (!f)
        return rt_raise_fmt(rt_TypeError, "'%s' object is not callable", t->name);
    return f(callable, args, nargs, kwnames);
}

/* A printable name of a callable for the errors of f(*x) and f(**x): CPython's
 * _PyObject_FunctionStr ("f()", "C.m()", "print()", or "<repr> object" as a last resort). */
static Value func_str(Value f)
{
    Type *t = rt_typeof(f);
    if (t == &rt_function_type) {
        /* CPython's _PyObject_FunctionStr: "__main__.f()", "f()" for builtins */
        FunctionObject *fn = (FunctionObject *)rt_obj(f);
        if (fn->module && (rt_typeof(fn->module)->flags & RT_TPFLAG_STR_SUBCLASS) &&
            strcmp(rt_str_bytes(fn->module), "builtins") != 0)
            return rt_sb_str_fmt("%U.%U()", fn->module, fn->qualname);
        return rt_sb_str_fmt("%U()", fn->qualname);
    }
    if (t == &rt_builtin_function_type)
        return rt_sb_str_fmt("%s()", ((BuiltinFunctionObject *)rt_obj(f))->name);
    if (t == &rt_method_type)
        return func_str(((MethodObject *)rt_obj(f))->func);
    if (rt_issubtype(t, &rt_type_type))
        return rt_sb_str_fmt("%s()", ((Type *)rt_obj(f))->name);
    return rt_sb_str_fmt("%s object", t->name);
}

int rt_call_merge_kwargs(Value dict, Value mapping, Value callee)
{
    if (rt_typeof(mapping) == &rt_dict_type || rt_issubtype(rt_typeof(mapping), &rt_dict_type)) {
        int64_t pos = 0, h;
        Value k, v;
        while (rt_dict_next(mapping, &pos, &k, &v, &h)) {
            if (!(rt_typeof(k)->flags & RT_TPFLAG_STR_SUBCLASS)) {
                /* CPython 3.11 merges a dict unchecked; the call then rejects the key */
                rt_raise_str(rt_TypeError, "keywords must be strings");
                return -1;
            }
            int has = rt_dict_contains(dict, k);
            if (has < 0)
                return -1;
            if (has) {
                Value fs = func_str(callee);
                if (fs)
                    rt_raise_fmt(rt_TypeError, "%U got multiple values for keyword argument '%U'",
                                 fs, k);
                return -1;
            }
            if (rt_dict_set_hashed(dict, k, h, v) < 0)
                return -1;
        }
        return 0;
    }
    /* any other mapping: keys() then m[k] */
    Value keys = rt_getattr(mapping, rt_str_intern("keys"));
    if (keys)
        keys = rt_call(keys, NULL, 0, 0);
    if (!keys) {
        if (rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) == 1) {
            rt_exc_fetch();
            Value fs = func_str(callee);
            if (fs)
                rt_raise_fmt(rt_TypeError, "%U argument after ** must be a mapping, not %T", fs,
                             mapping);
        }
        return -1;
    }
    Value it = rt_iter(keys), k;
    if (!it)
        return -1;
    while ((k = rt_next(it))) {
        if (!(rt_typeof(k)->flags & RT_TPFLAG_STR_SUBCLASS)) {
            Value fs = func_str(callee);
            if (fs)
                rt_raise_fmt(rt_TypeError, "%U keywords must be strings", fs);
            return -1;
        }
        int has = rt_dict_contains(dict, k);
        if (has < 0)
            return -1;
        if (has) {
            Value fs = func_str(callee);
            if (fs)
                rt_raise_fmt(rt_TypeError, "%U got multiple values for keyword argument '%U'", fs,
                             k);
            return -1;
        }
        Value v = rt_getitem(mapping, k);
        if (!v || rt_dict_set(dict, k, v) < 0)
            return -1;
    }
    return rt_exc_pending() ? -1 : 0;
}

Value rt_call_ex(Value callable, Value positional, Value kwargs)
{
    Value tup = positional;
    if (!tup) {
        tup = rt_tuple_new(0);
    } else if (rt_typeof(tup) != &rt_tuple_type) {
        /* f(*x) with x not a tuple: any iterable, else CPython's message naming f */
        if (!rt_type_iter_slot(rt_typeof(tup)) && !rt_typeof(tup)->getitem) {
            Value fs = func_str(callable);
            return fs ? rt_raise_fmt(rt_TypeError,
                                     "%U argument after * must be an iterable, not %T", fs, tup)
                      : RT_ERR;
        }
        tup = rt_tuple_from_iterable(tup);
    }
    if (!tup)
        return RT_ERR;
    int64_t np = rt_tuple_size(tup);
    if (!kwargs || (rt_typeof(kwargs) == &rt_dict_type && rt_dict_size(kwargs) == 0))
        return rt_call(callable, ((TupleObject *)rt_obj(tup))->items, (size_t)np, 0);
    Value d = kwargs;
    if (rt_typeof(d) != &rt_dict_type) {
        /* a mapping that is not a dict: copy through keys() with the call's checks */
        d = rt_dict_new();
        if (!d || rt_call_merge_kwargs(d, kwargs, callable) < 0)
            return RT_ERR;
    }
    int64_t nk = rt_dict_size(d);
    Value names = rt_tuple_new(nk);
    Value *argv = rt_alloc((size_t)(np + nk) * sizeof(Value));
    if (!names || !argv)
        return RT_ERR;
    copy_vals(argv, ((TupleObject *)rt_obj(tup))->items, (size_t)np);
    int64_t pos = 0, h, i = 0;
    Value k, v;
    while (rt_dict_next(d, &pos, &k, &v, &h)) {
        if (!(rt_typeof(k)->flags & RT_TPFLAG_STR_SUBCLASS))
            return rt_raise_str(rt_TypeError, "keywords must be strings");
        ((TupleObject *)rt_obj(names))->items[i] = k;
        argv[np + i++] = v;
    }
    return rt_call(callable, argv, (size_t)np, names);
}

/* ================================================================ functions ============== */

Value rt_function_new(const CodeInfo *code, Value globals, Value defaults, Value kwdefaults,
                      Value closure)
{
    FunctionObject *f = (FunctionObject *)rt_new_object(&rt_function_type, sizeof *f);
    if (!f)
        return RT_ERR;
    f->code = code;
    f->globals = globals;
    f->name = rt_str_intern(code->name);
    f->qualname = rt_str_intern(code->qualname ? code->qualname : code->name);
    if (!f->name || !f->qualname)
        return RT_ERR;
    Value mod = 0;
    if (globals && rt_typeof(globals) == &rt_dict_type)
        mod = rt_dict_get(globals, rt_str_intern("__name__"));
    f->module = mod ? mod : rt_None;
    f->defaults = defaults && rt_tuple_size(defaults) ? defaults : 0;
    f->kwdefaults = kwdefaults && rt_dict_size(kwdefaults) ? kwdefaults : 0;
    f->closure = closure;
    f->doc = rt_None;
    return rt_val(f);
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (CPython's format_missing) */
static Value join_names(const char *const *names, const int *idx, int n)
{
    StrBuf b;
    rt_sb_init(&b);
    for (int i = 0; i < n; i++) {
        if (i > 0)
            rt_sb_adds(&b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        Value r = rt_repr(rt_str_from_cstr(names[idx[i]]));
        if (!r)
            return RT_ERR;
        rt_sb_add(&b, rt_str_bytes(r), rt_str_nbytes(r));
    }
    return rt_sb_finish(&b);
}

/* "f() missing 2 required positional arguments: 'a' and 'b'" over params[start, end) */
static Value missing_error(FunctionObject *f, const Value *params, int start, int end,
                           const char *kind)
{
    int *idx = rt_alloc((size_t)(end - start + 1) * sizeof(int));
    if (!idx)
        return RT_ERR;
    int n = 0;
    for (int i = start; i < end; i++)
        if (!params[i])
            idx[n++] = i;
    Value names = join_names(f->code->paramnames, idx, n);
    if (!names)
        return RT_ERR;
    return rt_raise_fmt(rt_TypeError, "%U() missing %d required %s argument%s: %U", f->qualname,
                        n, kind, n == 1 ? "" : "s", names);
}

/* "f() takes from 1 to 2 positional arguments but 3 were given" */
static Value too_many_positional(FunctionObject *f, const Value *params, size_t given)
{
    const CodeInfo *c = f->code;
    int kwonly_given = 0;
    for (int i = c->npos; i < c->npos + c->nkwonly; i++)
        kwonly_given += params[i] != 0;
    int64_t ndef = f->defaults ? rt_tuple_size(f->defaults) : 0;
    char sig[64], kwsig[96] = "";
    int plural;
    if (ndef) {
        snprintf(sig, sizeof sig, "from %d to %d", c->npos - (int)ndef, c->npos);
        plural = 1;
    } else {
        snprintf(sig, sizeof sig, "%d", c->npos);
        plural = c->npos != 1;
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    return rt_raise_fmt(rt_TypeError, "%U() takes %s positional argument%s but %zu%s %s given",
                        f->qualname, sig, plural ? "s" : "", given, kwsig,
                        given == 1 && !kwonly_given ? "was" : "were");
}

/* "f() got some positional-only arguments passed as keyword arguments: 'a, b'" when any
 * keyword names a positional-only parameter: 1 after raising, 0 (nothing raised) when none
 * does */
static int posonly_as_keyword(FunctionObject *f, Value kwnames)
{
    const CodeInfo *c = f->code;
    StrBuf b;
    rt_sb_init(&b);
    int n = 0;
    for (int i = 0; i < c->nposonly; i++)
        for (size_t k = 0; k < nkw(kwnames); k++)
            if (str_is(rt_tuple_item(kwnames, (int64_t)k), c->paramnames[i])) {
                if (n++)
                    rt_sb_adds(&b, ", ");
                rt_sb_adds(&b, c->paramnames[i]);
                break;
            }
    if (!n)
        return 0;
    Value names = rt_sb_finish(&b);
    if (!names)
        return 1;
    rt_raise_fmt(rt_TypeError,
                 "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                 f->qualname, names);
    return 1;
}

/* Binds args to f's parameters into params[0..nparams) (zero-filled by the caller).
 * 0 ok, -1 after raising. */
static int bind_args(FunctionObject *f, Value *params, const Value *args, size_t nargs,
                     Value kwnames)
{
    const CodeInfo *c = f->code;
    int npos = c->npos, total = c->npos + c->nkwonly;
    int vararg_i = total, kwarg_i = total + ((c->flags & RT_CO_VARARGS) ? 1 : 0);
    Value kwdict = 0;
    if (c->flags & RT_CO_VARKEYWORDS) {
        if (!(kwdict = rt_dict_new()))
            return -1;
        params[kwarg_i] = kwdict;
    }
    size_t n = nargs < (size_t)npos ? nargs : (size_t)npos;
    copy_vals(params, args, n);
    if (c->flags & RT_CO_VARARGS) {
        /* args is NULL for a call without arguments: no arithmetic on it then */
        Value t = rt_tuple_from(nargs > n ? args + n : NULL, (int64_t)(nargs - n));
        if (!t)
            return -1;
        params[vararg_i] = t;
    }
    for (size_t k = 0; k < nkw(kwnames); k++) {
        Value name = rt_tuple_item(kwnames, (int64_t)k), value = args[nargs + k];
        int j = c->nposonly;
        for (; j < total; j++)
            if (str_is(name, c->paramnames[j]))
                break;
        if (j == total) {
            if (!kwdict) {
                if (c->nposonly && posonly_as_keyword(f, kwnames))
                    return -1;
                rt_raise_fmt(rt_TypeError, "%U() got an unexpected keyword argument '%U'",
                             f->qualname, name);
                return -1;
            }
            if (rt_dict_set(kwdict, name, value) < 0)
                return -1;
            continue;
        }
        if (params[j]) {
            rt_raise_fmt(rt_TypeError, "%U() got multiple values for argument '%U'", f->qualname,
                         name);
            return -1;
        }
        params[j] = value;
    }
    if (nargs > (size_t)npos && !(c->flags & RT_CO_VARARGS)) {
        too_many_positional(f, params, nargs);
        return -1;
    }
    if (nargs < (size_t)npos) {
        int64_t ndef = f->defaults ? rt_tuple_size(f->defaults) : 0;
        int m = npos - (int)ndef;
        for (int i = (int)nargs; i < m; i++)
            if (!params[i]) {
                missing_error(f, params, 0, m, "positional");
                return -1;
            }
        for (int i = m > (int)n ? m : (int)n; i < npos; i++)
            if (!params[i])
                params[i] = rt_tuple_item(f->defaults, i - m);
    }
    if (c->nkwonly) {
        int missing = 0;
        for (int i = npos; i < total; i++) {
            if (params[i])
                continue;
            Value d = f->kwdefaults ? rt_dict_get(f->kwdefaults, rt_str_intern(c->paramnames[i]))
                                    : 0;
            if (d)
                params[i] = d;
            else
                missing++;
        }
        if (missing) {
            missing_error(f, params, npos, total, "keyword-only");
            return -1;
        }
    }
    return 0;
}

/* Runs f's body on its bound parameters: one recursion level, f's globals current. */
static inline Value run_body(FunctionObject *f, Value *params)
{
    if (rt_recursion_enter() < 0)
        return RT_ERR;
    Value saved = rt_current_globals;
    rt_current_globals = f->globals;
    Value r = f->code->body(f, params);
    rt_current_globals = saved;
    rt_recursion_leave();
    return r;
}

Value rt_function_vectorcall(Value func, const Value *args, size_t nargs, Value kwnames)
{
    FunctionObject *f = (FunctionObject *)rt_obj(func);
    const CodeInfo *c = f->code;
    Value small[8];
    Value *params = small;
    if (c->nparams > 8 && !(params = rt_alloc((size_t)c->nparams * sizeof(Value))))
        return RT_ERR;
    if (!kwnames && nargs == (size_t)c->npos && c->nparams == c->npos) {
        /* the common case: exactly the positional parameters, nothing to check */
        copy_vals(params, args, nargs);
    } else {
        memset(params, 0, (size_t)c->nparams * sizeof(Value));
        if (bind_args(f, params, args, nargs, kwnames) < 0)
            return RT_ERR;
    }
    return run_body(f, params);
}

/* func(self, *args) for a method called through its class (special methods, __init__):
 * exactly-positional calls bind self and the arguments straight into the parameters; the
 * others go through the vectorcall with self prepended. */
Value rt_function_call_self(Value func, Value self, const Value *args, size_t nargs,
                            Value kwnames)
{
    FunctionObject *f = (FunctionObject *)rt_obj(func);
    const CodeInfo *c = f->code;
    if (kwnames || nargs + 1 != (size_t)c->npos || c->nparams != c->npos || c->nparams > 8) {
        Value small[8];
        size_t n = nargs + rt_nkw(kwnames);
        Value *buf = n < 8 ? small : rt_alloc((n + 1) * sizeof(Value));
        if (!buf)
            return RT_ERR;
        buf[0] = self;
        copy_vals(buf + 1, args, n);
        return rt_function_vectorcall(func, buf, nargs + 1, kwnames);
    }
    Value params[8];
    params[0] = self;
    copy_vals(params + 1, args, nargs);
    return run_body(f, params);
}

_Thread_local Value rt_current_globals;

/* functions are descriptors: f.__get__(obj) is a bound method, via the class f itself */
static Value function_descr_get(Value descr, Value obj, Value type)
{
    (void)type;
    if (!obj || obj == rt_None)
        return descr;
    return rt_method_new(descr, obj);
}

static Value function_repr(Value v)
{
    return rt_sb_str_fmt("<function %U at %p>", ((FunctionObject *)rt_obj(v))->qualname,
                         (void *)rt_obj(v));
}

Type rt_function_type = {
    .ob = {&rt_type_type}, .name = "function", .base = &rt_object_type,
    .basicsize = sizeof(FunctionObject), .repr = function_repr, .hash = ptr_hash,
    .call = rt_function_vectorcall, .descr_get = function_descr_get,
    .dictoffset = offsetof(FunctionObject, dict),
};

/* ---- the function attributes with C-level storage (getsets in function's dict) ---- */

static FunctionObject *FN(Value v) { return (FunctionObject *)rt_obj(v); }
static Value or_none(Value v) { return v ? v : rt_None; }

static Value fn_get_name(Value f) { return FN(f)->name; }
static int fn_set_name(Value f, Value v)
{
    if (!v || !(rt_typeof(v)->flags & RT_TPFLAG_STR_SUBCLASS)) {
        rt_raise_str(rt_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    FN(f)->name = v;
    return 0;
}
static Value fn_get_qualname(Value f) { return FN(f)->qualname; }
static int fn_set_qualname(Value f, Value v)
{
    if (!v || !(rt_typeof(v)->flags & RT_TPFLAG_STR_SUBCLASS)) {
        rt_raise_str(rt_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    FN(f)->qualname = v;
    return 0;
}
static Value fn_get_module(Value f) { return or_none(FN(f)->module); }
static int fn_set_module(Value f, Value v) { FN(f)->module = or_none(v); return 0; }
static Value fn_get_doc(Value f) { return or_none(FN(f)->doc); }
static int fn_set_doc(Value f, Value v) { FN(f)->doc = or_none(v); return 0; }
static Value fn_get_defaults(Value f) { return or_none(FN(f)->defaults); }
static int fn_set_defaults(Value f, Value v)
{
    if (v && v != rt_None && !(rt_typeof(v)->flags & RT_TPFLAG_TUPLE_SUBCLASS)) {
        rt_raise_str(rt_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    FN(f)->defaults = v && v != rt_None && rt_tuple_size(v) ? v : 0;
    return 0;
}
static Value fn_get_kwdefaults(Value f) { return or_none(FN(f)->kwdefaults); }
static int fn_set_kwdefaults(Value f, Value v)
{
    if (v && v != rt_None && !(rt_typeof(v)->flags & RT_TPFLAG_DICT_SUBCLASS)) {
        rt_raise_str(rt_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    FN(f)->kwdefaults = v && v != rt_None ? v : 0;
    return 0;
}
static Value fn_get_closure(Value f) { return or_none(FN(f)->closure); }
static Value fn_get_globals(Value f) { return FN(f)->globals; }
static Value fn_get_builtins(Value f) { return rt_builtins_dict; }
static Value fn_get_annotations(Value f)
{
    if (!FN(f)->annotations)
        FN(f)->annotations = rt_dict_new();
    return FN(f)->annotations;
}
static int fn_set_annotations(Value f, Value v)
{
    if (v && v != rt_None && !(rt_typeof(v)->flags & RT_TPFLAG_DICT_SUBCLASS)) {
        rt_raise_str(rt_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    FN(f)->annotations = v == rt_None ? 0 : v;
    return 0;
}

/* ---- code objects: a read-only view of a CodeInfo (f.__code__) ---- */

typedef struct CodeObject { Object ob; const CodeInfo *code; } CodeObject;
static Type code_type;

static Value code_names(const char *const *names, int n)
{
    Value t = rt_tuple_new(n);
    for (int i = 0; t && i < n; i++) {
        Value s = rt_str_intern(names[i]);
        if (!s)
            return RT_ERR;
        ((TupleObject *)rt_obj(t))->items[i] = s;
    }
    return t;
}

static const CodeInfo *CO(Value v) { return ((CodeObject *)rt_obj(v))->code; }
static Value co_name(Value v) { return rt_str_intern(CO(v)->name); }
static Value co_qualname(Value v)
{
    return rt_str_intern(CO(v)->qualname ? CO(v)->qualname : CO(v)->name);
}
static Value co_filename(Value v) { return rt_str_from_cstr(CO(v)->file ? CO(v)->file : "?"); }
static Value co_firstlineno(Value v) { return rt_small(CO(v)->firstlineno); }
static Value co_argcount(Value v) { return rt_small(CO(v)->npos); }
static Value co_posonlyargcount(Value v) { return rt_small(CO(v)->nposonly); }
static Value co_kwonlyargcount(Value v) { return rt_small(CO(v)->nkwonly); }
static Value co_nlocals(Value v) { return rt_small(CO(v)->nparams); }
/* only the parameters: the other locals live in native frames and have no names at run time */
static Value co_varnames(Value v) { return code_names(CO(v)->paramnames, CO(v)->nparams); }
static Value co_freevars(Value v) { return code_names(CO(v)->freevars, CO(v)->nfree); }
/* CPython's CO_VARARGS 0x04, CO_VARKEYWORDS 0x08, CO_NESTED 0x10, CO_GENERATOR 0x20,
 * CO_COROUTINE 0x80, CO_ASYNC_GENERATOR 0x200, plus CO_OPTIMIZED|CO_NEWLOCALS (0x03) */
static Value co_flags(Value v)
{
    uint32_t f = CO(v)->flags;
    int64_t r = 0x3;
    r |= f & RT_CO_VARARGS ? 0x04 : 0;
    r |= f & RT_CO_VARKEYWORDS ? 0x08 : 0;
    r |= f & RT_CO_NESTED ? 0x10 : 0;
    r |= f & RT_CO_GENERATOR ? 0x20 : 0;
    r |= f & RT_CO_COROUTINE ? 0x80 : 0;
    r |= f & RT_CO_ASYNC_GEN ? 0x200 : 0;
    return rt_small(r);
}

static Value code_repr(Value v)
{
    const CodeInfo *c = CO(v);
    return rt_sb_str_fmt("<code object %s at %p, file \"%s\", line %d>", c->name,
                         (void *)rt_obj(v), c->file ? c->file : "?", c->firstlineno);
}

static Value code_richcompare(Value a, Value b, int op)
{
    if ((op != RT_EQ && op != RT_NE) || rt_typeof(b) != &code_type)
        return rt_NotImplemented;
    int eq = CO(a) == CO(b);
    return rt_bool(op == RT_EQ ? eq : !eq);
}

static int64_t code_hash(Value v)
{
    int64_t h = (int64_t)((uintptr_t)CO(v) >> 4);
    return h == -1 ? -2 : h;
}

static Type code_type = {
    .ob = {&rt_type_type}, .name = "code", .base = &rt_object_type,
    .basicsize = sizeof(CodeObject), .repr = code_repr, .hash = code_hash,
    .richcompare = code_richcompare,
};

static Value fn_get_code(Value f)
{
    CodeObject *c = (CodeObject *)rt_new_object(&code_type, sizeof *c);
    if (!c)
        return RT_ERR;
    c->code = FN(f)->code;
    return rt_val(c);
}

/* ---- bound methods: __self__, __func__, __doc__; other attributes come from __func__ ---- */

static Value m_get_self(Value m) { return ((MethodObject *)rt_obj(m))->self; }
static Value m_get_func(Value m) { return ((MethodObject *)rt_obj(m))->func; }
static Value m_get_doc(Value m)
{
    return rt_getattr(((MethodObject *)rt_obj(m))->func, rt_str_intern("__doc__"));
}

/* ---- built-in functions ---- */

static BuiltinFunctionObject *BF(Value v) { return (BuiltinFunctionObject *)rt_obj(v); }
static Value bf_get_name(Value b) { return rt_str_from_cstr(BF(b)->name); }
static Value bf_get_qualname(Value b)
{
    Value self = BF(b)->self;
    if (!self || rt_typeof(self) == &rt_module_type)
        return rt_str_from_cstr(BF(b)->name);
    Type *t = (rt_typeof(self)->flags & RT_TPFLAG_TYPE_SUBCLASS) ? (Type *)rt_obj(self)
                                                                  : rt_typeof(self);
    return rt_sb_str_fmt("%s.%s", t->name, BF(b)->name);
}
static Value bf_get_self(Value b)
{
    if (BF(b)->self)
        return BF(b)->self;
    Value m = BF(b)->module ? rt_builtin_module("builtins") : 0;
    return m ? m : rt_None;
}
static Value bf_get_module(Value b) { return or_none(BF(b)->module); }
static Value bf_get_doc(Value b) { return rt_None; }

static Value cell_get_contents(Value c)
{
    Value v = ((CellObject *)rt_obj(c))->ref;
    return v ? v : rt_raise_str(rt_ValueError, "Cell is empty");
}
static int cell_set_contents(Value c, Value v)
{
    ((CellObject *)rt_obj(c))->ref = v;
    return 0;
}

typedef struct GetSetRow {
    Type *type;
    const char *name;
    Value (*get)(Value);
    int (*set)(Value, Value);
} GetSetRow;

static const GetSetRow getsets[] = {
    {&rt_function_type, "__name__", fn_get_name, fn_set_name},
    {&rt_function_type, "__qualname__", fn_get_qualname, fn_set_qualname},
    {&rt_function_type, "__module__", fn_get_module, fn_set_module},
    {&rt_function_type, "__doc__", fn_get_doc, fn_set_doc},
    {&rt_function_type, "__defaults__", fn_get_defaults, fn_set_defaults},
    {&rt_function_type, "__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults},
    {&rt_function_type, "__closure__", fn_get_closure, NULL},
    {&rt_function_type, "__globals__", fn_get_globals, NULL},
    {&rt_function_type, "__builtins__", fn_get_builtins, NULL},
    {&rt_function_type, "__annotations__", fn_get_annotations, fn_set_annotations},
    {&rt_function_type, "__code__", fn_get_code, NULL},
    {&rt_method_type, "__self__", m_get_self, NULL},
    {&rt_method_type, "__func__", m_get_func, NULL},
    {&rt_method_type, "__doc__", m_get_doc, NULL},
    {&rt_builtin_function_type, "__name__", bf_get_name, NULL},
    {&rt_builtin_function_type, "__qualname__", bf_get_qualname, NULL},
    {&rt_builtin_function_type, "__self__", bf_get_self, NULL},
    {&rt_builtin_function_type, "__module__", bf_get_module, NULL},
    {&rt_builtin_function_type, "__doc__", bf_get_doc, NULL},
    {&rt_cell_type, "cell_contents", cell_get_contents, cell_set_contents},
    {&code_type, "co_name", co_name, NULL},
    {&code_type, "co_qualname", co_qualname, NULL},
    {&code_type, "co_filename", co_filename, NULL},
    {&code_type, "co_firstlineno", co_firstlineno, NULL},
    {&code_type, "co_argcount", co_argcount, NULL},
    {&code_type, "co_posonlyargcount", co_posonlyargcount, NULL},
    {&code_type, "co_kwonlyargcount", co_kwonlyargcount, NULL},
    {&code_type, "co_nlocals", co_nlocals, NULL},
    {&code_type, "co_varnames", co_varnames, NULL},
    {&code_type, "co_freevars", co_freevars, NULL},
    {&code_type, "co_flags", co_flags, NULL},
};

int rt_func_fill_dict(Type *t, Value dict)
{
    for (size_t i = 0; i < sizeof getsets / sizeof getsets[0]; i++) {
        if (getsets[i].type != t)
            continue;
        Value g = rt_getset_new(t, getsets[i].name, getsets[i].get, getsets[i].set);
        if (!g || rt_dict_set(dict, rt_str_intern(getsets[i].name), g) < 0)
            return -1;
    }
    if (t == &rt_function_type) {
        Value g = rt_slots_dict_getset(t);
        if (!g || rt_dict_set(dict, rt_str_intern("__dict__"), g) < 0)
            return -1;
    }
    return 0;
}

/* ================================================================ bound methods ========== */

Value rt_method_new(Value func, Value self)
{
    MethodObject *m = (MethodObject *)rt_new_object(&rt_method_type, sizeof *m);
    if (!m)
        return RT_ERR;
    m->func = func;
    m->self = self;
    return rt_val(m);
}

/* self prepended to the arguments (keyword values move along with them) */
static Value method_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    MethodObject *m = (MethodObject *)rt_obj(callable);
    size_t total = nargs + nkw(kwnames);
    Value small[9];
    Value *argv = small;
    if (total + 1 > 9 && !(argv = rt_alloc((total + 1) * sizeof(Value))))
        return RT_ERR;
    argv[0] = m->self;
    copy_vals(argv + 1, args, total);
    return rt_call(m->func, argv, nargs + 1, kwnames);
}

/* "<bound method C.f of <__main__.C object at 0x...>>" */
static Value method_repr(Value v)
{
    MethodObject *m = (MethodObject *)rt_obj(v);
    Value name;
    Type *ft = rt_typeof(m->func);
    if (ft == &rt_function_type) {
        name = ((FunctionObject *)rt_obj(m->func))->qualname;
    } else if (ft == &rt_builtin_function_type) {
        name = rt_str_from_cstr(((BuiltinFunctionObject *)rt_obj(m->func))->name);
    } else {
        name = rt_getattr(m->func, rt_str_intern("__qualname__"));
        if (!name) {
            rt_exc_fetch();
            name = rt_str_from_cstr("?");
        }
    }
    if (!name)
        return RT_ERR;
    Value r = rt_repr(m->self);
    return r ? rt_sb_str_fmt("<bound method %S of %U>", name, r) : RT_ERR;
}

static Value method_richcompare(Value a, Value b, int op)
{
    if ((op != RT_EQ && op != RT_NE) || rt_typeof(b) != &rt_method_type)
        return rt_NotImplemented;
    MethodObject *x = (MethodObject *)rt_obj(a), *y = (MethodObject *)rt_obj(b);
    int eq = x->self == y->self ? rt_eq(x->func, y->func) : 0;
    if (eq < 0)
        return RT_ERR;
    return rt_bool(op == RT_EQ ? eq : !eq);
}

static int64_t method_hash(Value v)
{
    MethodObject *m = (MethodObject *)rt_obj(v);
    int64_t h = rt_hash(m->func);
    if (h == -1)
        return -1;
    h ^= ptr_hash(m->self);
    return h == -1 ? -2 : h;
}

/* CPython's method_getattro: the method type's own attributes, else the function's
 * (m.__name__, m.__qualname__, m.__module__, attributes set on the function) */
static Value method_getattr(Value self, Value name)
{
    Value d = rt_type_lookup(&rt_method_type, name);
    if (d) {
        DescrGetFn g = rt_typeof(d)->descr_get;
        return g ? g(d, self, rt_val(&rt_method_type)) : d;
    }
    if (rt_exc_pending())
        return RT_ERR;
    return rt_getattr(((MethodObject *)rt_obj(self))->func, name);
}

Type rt_method_type = {
    .ob = {&rt_type_type}, .name = "method", .base = &rt_object_type,
    .basicsize = sizeof(MethodObject), .repr = method_repr, .hash = method_hash,
    .richcompare = method_richcompare, .call = method_call, .getattr = method_getattr,
};

/* ================================================================ built-in functions ===== */

Value rt_builtin_new(const char *name, VectorCallFn fn, Value self, Value module)
{
    BuiltinFunctionObject *b =
        (BuiltinFunctionObject *)rt_new_object(&rt_builtin_function_type, sizeof *b);
    if (!b)
        return RT_ERR;
    b->name = name;
    b->fn = fn;
    b->self = self;
    b->module = module;
    return rt_val(b);
}

/* a method of a built-in type gets its receiver, a plain function itself */
static Value builtin_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    BuiltinFunctionObject *b = (BuiltinFunctionObject *)rt_obj(callable);
    return b->fn(b->self ? b->self : callable, args, nargs, kwnames);
}

/* "<built-in function len>", "<built-in method append of list object at 0x...>" */
static Value builtin_repr(Value v)
{
    BuiltinFunctionObject *b = (BuiltinFunctionObject *)rt_obj(v);
    if (!b->self || rt_typeof(b->self) == &rt_module_type)
        return rt_sb_str_fmt("<built-in function %s>", b->name);
    return rt_sb_str_fmt("<built-in method %s of %T object at %p>", b->name, b->self,
                         (void *)rt_obj(b->self));
}

static Value builtin_richcompare(Value a, Value b, int op)
{
    if ((op != RT_EQ && op != RT_NE) || rt_typeof(b) != &rt_builtin_function_type)
        return rt_NotImplemented;
    BuiltinFunctionObject *x = (BuiltinFunctionObject *)rt_obj(a),
                          *y = (BuiltinFunctionObject *)rt_obj(b);
    int eq = a == b || (x->fn == y->fn && x->self == y->self && x->self);
    return rt_bool(op == RT_EQ ? eq : !eq);
}

Type rt_builtin_function_type = {
    .ob = {&rt_type_type}, .name = "builtin_function_or_method", .base = &rt_object_type,
    .basicsize = sizeof(BuiltinFunctionObject), .repr = builtin_repr, .hash = ptr_hash,
    .richcompare = builtin_richcompare, .call = builtin_call,
};

/* ================================================================ cells ================== */

Value rt_cell_new(Value initial)
{
    CellObject *c = (CellObject *)rt_new_object(&rt_cell_type, sizeof *c);
    if (!c)
        return RT_ERR;
    c->ref = initial;
    return rt_val(c);
}

Value rt_cell_get(Value cell, const char *name, int is_free)
{
    Value v = ((CellObject *)rt_obj(cell))->ref;
    if (v)
        return v;
    if (is_free)
        return rt_raise_fmt(rt_NameError,
                            "cannot access free variable '%s' where it is not associated with a"
                            " value in enclosing scope",
                            name);
    return rt_raise_unbound_local(name);
}

Value rt_raise_unbound_local(const char *name)
{
    return rt_raise_fmt(rt_UnboundLocalError,
                        "cannot access local variable '%s' where it is not associated with a "
                        "value",
                        name);
}

static Value cell_repr(Value v)
{
    CellObject *c = (CellObject *)rt_obj(v);
    if (!c->ref)
        return rt_sb_str_fmt("<cell at %p: empty>", (void *)c);
    return rt_sb_str_fmt("<cell at %p: %T object at %p>", (void *)c, c->ref,
                         (void *)rt_obj(c->ref));
}

Type rt_cell_type = {
    .ob = {&rt_type_type}, .name = "cell", .base = &rt_object_type,
    .basicsize = sizeof(CellObject), .repr = cell_repr, .hash = ptr_hash,
};
