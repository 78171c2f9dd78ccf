/*
 * test_func.c - functions, calls, cells, modules, imports and builtins (func.c, module.c,
 * builtins.c, sysmod.c) driven through their C API with hand-made CodeInfo/BodyFn/ModuleDef.
 * Expected strings come from python3 (tests/runtime/func/gen_binding.py produced
 * tests/runtime/func/binding.expected, which is read at run time when present and also
 * inlined below).  Last line: "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_str.h"

static int passed, failed;

/* repr of v, or "E Type: message" of the pending exception when v is RT_ERR */
static void check(int line, Value v, const char *want)
{
    char buf[1024];
    if (!v) {
        Value e = rt_exc_fetch();
        Value s = e ? rt_core_str(e) : rt_str_from_cstr("(no exception)");
        snprintf(buf, sizeof buf, "E %s: %.*s", e ? rt_type_name(e) : "?",
                 (int)rt_str_nbytes(s), rt_str_bytes(s));
    } else {
        Value r = rt_repr(v);
        if (!r) {
            rt_exc_fetch();
            r = rt_str_from_cstr("(repr failed)");
        }
        snprintf(buf, sizeof buf, "%.*s", (int)rt_str_nbytes(r), rt_str_bytes(r));
    }
    if (!strcmp(buf, want)) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d:\n  want: %s\n  got:  %s\n", line, want, buf);
    }
}
#define CHECK(v, want) check(__LINE__, (v), (want))

static Value S(const char *s) { return rt_str_from_cstr(s); }

/* ---- functions whose body returns its bound parameters as a tuple ---- */

static Value params_body(FunctionObject *self, Value *params)
{
    return rt_tuple_from(params, self->code->nparams);
}

#define CODE(var, qn, posonly, pos, kwonly, fl, ...)                                            \
    static const char *const var##_names[] = {__VA_ARGS__};                                     \
    static const CodeInfo var = {                                                               \
        .name = qn, .qualname = qn, .file = "t.py", .flags = fl, .nposonly = posonly,          \
        .npos = pos, .nkwonly = kwonly,                                                         \
        .nparams = (int)(sizeof var##_names / sizeof var##_names[0]),                          \
        .paramnames = var##_names, .body = params_body,                                         \
    }

CODE(c_f1, "f1", 0, 1, 0, 0, "x");
CODE(c_f2, "f2", 0, 2, 0, 0, "a", "b");
CODE(c_f3, "f3", 0, 2, 0, 0, "a", "b");
CODE(c_f4, "f4", 1, 2, 1, 0, "a", "b", "k");
CODE(c_f5, "f5", 1, 2, 1, RT_CO_VARARGS | RT_CO_VARKEYWORDS, "a", "b", "k", "args", "kw");
CODE(c_f6, "f6", 0, 3, 0, 0, "x", "y", "z");
CODE(c_f7, "f7", 0, 0, 2, 0, "k", "m");
CODE(c_f8, "f8", 2, 2, 0, 0, "a", "b");
CODE(c_cm, "C.m", 0, 2, 0, 0, "a", "b");

static Value globals;

static Value make(const char *name)
{
    Value dflt_b2 = rt_tuple_pack(1, rt_small(2));
    if (!strcmp(name, "f1")) return rt_function_new(&c_f1, globals, 0, 0, 0);
    if (!strcmp(name, "f2")) return rt_function_new(&c_f2, globals, 0, 0, 0);
    if (!strcmp(name, "f3")) return rt_function_new(&c_f3, globals, dflt_b2, 0, 0);
    if (!strcmp(name, "f4")) return rt_function_new(&c_f4, globals, 0, 0, 0);
    if (!strcmp(name, "f5")) {
        Value kwd = rt_dict_new();
        rt_dict_set(kwd, S("k"), rt_small(3));
        return rt_function_new(&c_f5, globals, rt_tuple_pack(1, rt_small(1)), kwd, 0);
    }
    if (!strcmp(name, "f6")) return rt_function_new(&c_f6, globals, 0, 0, 0);
    if (!strcmp(name, "f7")) return rt_function_new(&c_f7, globals, 0, 0, 0);
    if (!strcmp(name, "f8")) return rt_function_new(&c_f8, globals, 0, 0, 0);
    if (!strcmp(name, "C.m")) return rt_function_new(&c_cm, globals, dflt_b2, 0, 0);
    return 0;
}

/* calls f with Python-like argument text "(1, 2, k=3)": ints and name=int */
static Value call_text(Value f, const char *text)
{
    Value args[16], names[16];
    size_t np = 0, nk = 0;
    const char *p = text;
    while (*p) {
        while (*p == '(' || *p == ',' || *p == ' ' || *p == ')')
            p++;
        if (!*p)
            break;
        const char *eq = NULL, *q = p;
        while (*q && *q != ',' && *q != ')') {
            if (*q == '=')
                eq = q;
            q++;
        }
        if (eq) {
            names[nk] = rt_str_from_utf8(p, (size_t)(eq - p));
            args[8 + nk++] = rt_small(atoi(eq + 1));
        } else {
            args[np++] = rt_small(atoi(p));
        }
        p = q;
    }
    for (size_t i = 0; i < nk; i++)
        args[np + i] = args[8 + i];
    return rt_call(f, args, np, nk ? rt_tuple_from(names, (int64_t)nk) : 0);
}

static void binding_tests(void)
{
    const char *path = "tests/runtime/func/binding.expected";
    FILE *fp = fopen(path, "r");
    if (!fp) {
        printf("FAIL: cannot open %s\n", path);
        failed++;
        return;
    }
    char line[1024];
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = 0;
        char *a = strchr(line, '|'), *b = a ? strchr(a + 1, '|') : NULL;
        if (!b)
            continue;
        *a = *b = 0;
        Value f = make(line);
        Value r = call_text(f, a + 1);
        char buf[1100];
        snprintf(buf, sizeof buf, "%s%s", line, a + 1);
        int before = failed;
        check(__LINE__, r, b + 1);
        if (failed != before)
            printf("  (call %s)\n", buf);
    }
    fclose(fp);
}

/* ---- closures, cells, methods ---- */

static const char *const adder_free[] = {"n"};
static const char *const adder_params[] = {"x"};
static Value adder_body(FunctionObject *self, Value *params)
{
    Value n = rt_cell_get(rt_tuple_item(self->closure, 0), "n", 1);
    return n ? rt_add(params[0], n) : RT_ERR;
}
static const CodeInfo c_adder = {
    .name = "add", .qualname = "make.<locals>.add", .file = "t.py", .npos = 1, .nparams = 1,
    .paramnames = adder_params, .nfree = 1, .freevars = adder_free, .body = adder_body,
};

static void closure_tests(void)
{
    Value cell = rt_cell_new(rt_small(10));
    Value f = rt_function_new(&c_adder, globals, 0, 0, rt_tuple_pack(1, cell));
    Value one = rt_small(1);
    CHECK(rt_call(f, &one, 1, 0), "11");
    rt_cell_set(cell, rt_small(20));
    CHECK(rt_call(f, &one, 1, 0), "21");
    rt_cell_set(cell, 0);
    CHECK(rt_call(f, &one, 1, 0),
          "E NameError: cannot access free variable 'n' where it is not associated with a value "
          "in enclosing scope");
    CHECK(rt_cell_get(rt_cell_new(0), "x", 0),
          "E UnboundLocalError: cannot access local variable 'x' where it is not associated with "
          "a value");
    CHECK(rt_raise_unbound_local("y"),
          "E UnboundLocalError: cannot access local variable 'y' where it is not associated with "
          "a value");
    /* a bound method prepends self */
    Value m = rt_method_new(make("f2"), rt_small(7));
    CHECK(rt_call(m, &one, 1, 0), "(7, 1)");
    CHECK(rt_call(m, NULL, 0, 0), "E TypeError: f2() missing 1 required positional argument: 'b'");
    Value kn = rt_tuple_pack(1, S("b"));
    CHECK(rt_call(m, &one, 0, kn), "(7, 1)");
    /* rt_call_ex: *args and **kwargs */
    Value kw = rt_dict_new();
    rt_dict_set(kw, S("z"), rt_small(6));
    rt_dict_set(kw, S("k"), rt_small(5));
    CHECK(rt_call_ex(make("f5"), rt_tuple_pack(4, rt_small(1), rt_small(2), rt_small(3),
                                               rt_small(4)), kw),
          "(1, 2, 5, (3, 4), {'z': 6})");
    CHECK(rt_call_ex(make("f2"), rt_list_from((Value[]){rt_small(1), rt_small(2)}, 2), 0),
          "(1, 2)");
    CHECK(rt_call_ex(make("f2"), rt_small(3), 0),
          "E TypeError: __main__.f2() argument after * must be an iterable, not int");
    Value d1 = rt_dict_new();
    rt_dict_set(d1, S("a"), rt_small(1));
    Value d2 = rt_dict_new();
    rt_dict_set(d2, S("a"), rt_small(2));
    CHECK(rt_call_merge_kwargs(d1, d2, make("f2")) < 0 ? RT_ERR : d1,
          "E TypeError: __main__.f2() got multiple values for keyword argument 'a'");
    Value d3 = rt_dict_new();
    rt_dict_set(d3, rt_small(1), rt_small(2));
    CHECK(rt_call_merge_kwargs(rt_dict_new(), d3, make("f2")) < 0 ? RT_ERR : d1,
          "E TypeError: keywords must be strings"   /* as CPython 3.11 */);
    CHECK(rt_call(rt_small(3), NULL, 0, 0), "E TypeError: 'int' object is not callable");
}

/* ---- modules and imports ---- */

static ModuleDef mod_a, mod_b, mod_bad, mod_pkg, mod_pkg_sub;
static int a_runs;

static Value a_init(ModuleObject *m)
{
    a_runs++;
    if (rt_global_store(m->dict, S("x"), rt_small(1)) < 0 ||
        rt_global_store(m->dict, S("_hidden"), rt_small(2)) < 0)
        return RT_ERR;
    /* circular: b imports a while a is initialising and sees it partially */
    if (!rt_import(&mod_b))
        return RT_ERR;
    return rt_global_store(m->dict, S("y"), rt_small(3)) < 0 ? RT_ERR : rt_None;
}

static Value b_seen;
static Value b_init(ModuleObject *m)
{
    Value a = rt_import(&mod_a);
    if (!a)
        return RT_ERR;
    b_seen = rt_import_from(a, S("y"));   /* not yet defined: ImportError */
    if (!b_seen)
        b_seen = rt_exc_fetch();
    return rt_None;
}

static Value bad_init(ModuleObject *m)
{
    return rt_raise_str(rt_ValueError, "boom");
}

static Value pkg_init(ModuleObject *m)
{
    Value all = rt_list_from((Value[]){S("p")}, 1);
    return rt_global_store(m->dict, S("__all__"), all) < 0 ||
                   rt_global_store(m->dict, S("p"), rt_small(5)) < 0 ||
                   rt_global_store(m->dict, S("q"), rt_small(6)) < 0
               ? RT_ERR
               : rt_None;
}

static Value sub_init(ModuleObject *m) { return rt_None; }

static void module_tests(void)
{
    mod_a = (ModuleDef){.name = "a", .file = "a.py", .init = a_init};
    mod_b = (ModuleDef){.name = "b", .file = "b.py", .init = b_init};
    mod_bad = (ModuleDef){.name = "bad", .file = "bad.py", .init = bad_init};
    mod_pkg = (ModuleDef){.name = "pkg", .file = "pkg/__init__.py", .is_package = 1,
                          .init = pkg_init};
    mod_pkg_sub = (ModuleDef){.name = "pkg.sub", .file = "pkg/sub.py", .init = sub_init};
    Value a = rt_import(&mod_a);
    CHECK(a, "<module 'a' from 'a.py'>");
    CHECK(rt_import(&mod_a), "<module 'a' from 'a.py'>");
    CHECK(rt_small(a_runs), "1");
    CHECK(b_seen ? b_seen : RT_ERR, "ImportError(\"cannot import name 'y' from partially "
                                    "initialized module 'a' (most likely due to a circular "
                                    "import) (a.py)\")");
    CHECK(rt_import_from(a, S("x")), "1");
    CHECK(rt_import_from(a, S("nope")), "E ImportError: cannot import name 'nope' from 'a' (a.py)");
    /* through the module type's getattr slot (rt_getattr may be a test stub) */
    CHECK(rt_module_type.getattr(a, S("y")), "3");
    CHECK(rt_module_type.getattr(a, S("zz")), "E AttributeError: module 'a' has no attribute 'zz'");
    CHECK(rt_dict_get(rt_sys_modules, S("a")), "<module 'a' from 'a.py'>");
    CHECK(rt_dict_get(rt_sys_modules, S("b")), "<module 'b' from 'b.py'>");
    CHECK(rt_import(&mod_bad), "E ValueError: boom");
    CHECK(rt_bool(rt_dict_get(rt_sys_modules, S("bad")) != 0), "False");
    CHECK(rt_small(mod_bad.state), "0");
    Value g = rt_dict_new();
    CHECK(rt_import_star(a, g), "None");
    CHECK(g, "{'x': 1, 'y': 3}");
    Value pkg = rt_import(&mod_pkg);
    Value sub = rt_import(&mod_pkg_sub);
    CHECK(rt_import_from(pkg, S("sub")), "<module 'pkg.sub' from 'pkg/sub.py'>");
    CHECK(rt_bool(rt_import_from(pkg, S("sub")) == sub), "True");
    Value g2 = rt_dict_new();
    CHECK(rt_import_star(pkg, g2), "None");
    CHECK(g2, "{'p': 5}");
    CHECK(rt_dict_get(((ModuleObject *)rt_obj(pkg))->dict, S("__path__")), "['pkg']");
    CHECK(rt_dict_get(((ModuleObject *)rt_obj(sub))->dict, S("__package__")), "'pkg'");
    /* globals and builtins */
    Value gl = rt_dict_new();
    rt_global_store(gl, S("v"), rt_small(4));
    CHECK(rt_global_load(gl, S("v")), "4");
    CHECK(rt_global_load(gl, S("len")), "<built-in function len>");
    CHECK(rt_global_load(gl, S("nope")), "E NameError: name 'nope' is not defined");
    CHECK(rt_global_delete(gl, S("nope")) < 0 ? RT_ERR : rt_None,
          "E NameError: name 'nope' is not defined");
    Value ns = rt_dict_new();
    rt_dict_set(ns, S("v"), rt_small(9));
    CHECK(rt_name_load(ns, gl, S("v")), "9");
    CHECK(rt_name_load(rt_dict_new(), gl, S("v")), "4");
    CHECK(rt_builtin_module("sys"), "<module 'sys' (built-in)>");
    CHECK(rt_builtin_module("nosuch"), "E ModuleNotFoundError: No module named 'nosuch'");
}

/* ---- builtins ---- */

/* args holds the positional then the keyword values: `total` counts both */
static Value B(const char *name, const Value *args, size_t total, Value kwnames)
{
    size_t nargs = total - (kwnames ? (size_t)rt_tuple_size(kwnames) : 0);
    Value f = rt_dict_get(rt_builtins_dict, S(name));
    if (!f)
        return rt_raise_fmt(rt_NameError, "no builtin %s", name);
    return rt_call(f, args, nargs, kwnames);
}
#define ARGS(...) ((Value[]){__VA_ARGS__}), (sizeof((Value[]){__VA_ARGS__}) / sizeof(Value))
#define L(...) rt_list_from(ARGS(__VA_ARGS__))

static void builtin_tests(void)
{
    Value i1 = rt_small(1), i2 = rt_small(2), i3 = rt_small(3);
    CHECK(B("len", ARGS(S("abc")), 0), "3");
    CHECK(B("len", NULL, 0, 0), "E TypeError: len() takes exactly one argument (0 given)");
    CHECK(B("len", ARGS(i1, i2), 0), "E TypeError: len() takes exactly one argument (2 given)");
    CHECK(B("max", NULL, 0, 0), "E TypeError: max expected at least 1 argument, got 0");
    CHECK(B("max", ARGS(rt_list_new(0)), 0), "E ValueError: max() arg is an empty sequence");
    CHECK(B("max", ARGS(L(i1, i3, i2)), 0), "3");
    CHECK(B("min", ARGS(i3, i1, i2), 0), "1");
    CHECK(B("min", ARGS(rt_list_new(0), i3), rt_tuple_pack(1, S("default"))), "3");
    CHECK(B("min", ARGS(i1, i2, i3), rt_tuple_pack(1, S("default"))),
          "E TypeError: Cannot specify a default for min() with multiple positional arguments");
    CHECK(B("max", ARGS(i1, i2, i3, i1), rt_tuple_pack(2, S("key"), S("foo"))),
          "E TypeError: 'foo' is an invalid keyword argument for max()");
    Value neg = rt_dict_get(rt_builtins_dict, S("abs"));
    CHECK(B("max", ARGS(L(rt_small(-5), i3), neg), rt_tuple_pack(1, S("key"))), "-5");
    CHECK(B("sum", ARGS(L(i1, i2, i3)), 0), "6");
    CHECK(B("sum", ARGS(L(i1, i2), rt_float(0.5)), 0), "3.5");
    CHECK(B("sum", ARGS(L(i1), i2, i3), 0), "E TypeError: sum() takes at most 2 arguments (3 given)");
    CHECK(B("sum", ARGS(L(S("a")), S("")), 0),
          "E TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    CHECK(B("sum", ARGS(L(i1, S("a"))), 0),
          "E TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    CHECK(B("sorted", ARGS(L(i3, i1, i2)), 0), "[1, 2, 3]");
    CHECK(B("sorted", ARGS(L(i3, i1, i2), rt_True), rt_tuple_pack(1, S("reverse"))), "[3, 2, 1]");
    CHECK(B("sorted", NULL, 0, 0), "E TypeError: sorted expected 1 argument, got 0");
    CHECK(B("abs", ARGS(rt_small(-4)), 0), "4");
    CHECK(B("all", ARGS(L(i1, rt_small(0))), 0), "False");
    CHECK(B("any", ARGS(L(rt_small(0), i1)), 0), "True");
    CHECK(B("any", ARGS(i1), 0), "E TypeError: 'int' object is not iterable");
    CHECK(B("bin", ARGS(rt_small(10)), 0), "'0b1010'");
    CHECK(B("hex", ARGS(rt_small(-255)), 0), "'-0xff'");
    CHECK(B("oct", ARGS(rt_small(8)), 0), "'0o10'");
    CHECK(B("bin", ARGS(rt_float(1.0)), 0),
          "E TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(B("chr", ARGS(rt_small(0x263a)), 0), "'\xe2\x98\xba'");
    CHECK(B("chr", ARGS(rt_small(-1)), 0), "E ValueError: chr() arg not in range(0x110000)");
    CHECK(B("ord", ARGS(S("\xe2\x98\xba")), 0), "9786");
    CHECK(B("ord", ARGS(S("ab")), 0),
          "E TypeError: ord() expected a character, but string of length 2 found");
    CHECK(B("ord", ARGS(i1), 0), "E TypeError: ord() expected string of length 1, but int found");
    CHECK(B("divmod", ARGS(rt_small(7), i2), 0), "(3, 1)");
    CHECK(B("divmod", ARGS(i1), 0), "E TypeError: divmod expected 2 arguments, got 1");
    CHECK(B("pow", ARGS(i2, rt_small(10)), 0), "1024");
    CHECK(B("pow", ARGS(i2, rt_small(10), rt_small(7)), 0), "2");
    CHECK(B("pow", ARGS(i1), 0), "E TypeError: pow() missing required argument 'exp' (pos 2)");
    CHECK(B("round", ARGS(rt_float(2.5)), 0), "2");
    CHECK(B("round", ARGS(rt_float(2.675), i2), 0), "2.67");
    CHECK(B("round", NULL, 0, 0), "E TypeError: round() missing required argument 'number' (pos 1)");
    CHECK(B("repr", ARGS(S("a")), 0), "\"'a'\"");
    CHECK(B("ascii", ARGS(S("\xc3\xa9")), 0), "\"'\\\\xe9'\"");
    CHECK(B("format", ARGS(rt_float(3.14159), S(".2f")), 0), "'3.14'");
    CHECK(B("format", ARGS(i1, i2), 0), "E TypeError: format() argument 2 must be str, not int");
    CHECK(B("isinstance", ARGS(i1, rt_val(&rt_int_type)), 0), "True");
    CHECK(B("isinstance", ARGS(rt_True, rt_tuple_pack(2, rt_val(&rt_str_type), rt_val(&rt_int_type))), 0), "True");
    CHECK(B("isinstance", ARGS(i1), 0), "E TypeError: isinstance expected 2 arguments, got 1");
    CHECK(B("issubclass", ARGS(rt_val(&rt_bool_type), rt_val(&rt_int_type)), 0), "True");
    CHECK(B("callable", ARGS(neg), 0), "True");
    CHECK(B("callable", ARGS(i1), 0), "False");
    CHECK(B("callable", ARGS(rt_val(&rt_int_type)), 0), "True");
    CHECK(B("hash", ARGS(rt_list_new(0)), 0), "E TypeError: unhashable type: 'list'");
    CHECK(B("hash", ARGS(rt_small(5)), 0), "5");
    Value it = B("iter", ARGS(L(i1, i2)), 0);
    CHECK(B("next", ARGS(it), 0), "1");
    CHECK(B("next", ARGS(it), 0), "2");
    CHECK(B("next", ARGS(it, S("done")), 0), "'done'");
    CHECK(B("next", ARGS(it), 0), "E StopIteration: ");
    CHECK(B("next", ARGS(i1), 0), "E TypeError: 'int' object is not an iterator");
    CHECK(B("iter", ARGS(i1, i2), 0), "E TypeError: iter(v, w): v must be callable");
    /* types as constructors */
    CHECK(B("int", ARGS(S("ff"), rt_small(16)), 0), "255");
    CHECK(B("float", ARGS(S("1.5")), 0), "1.5");
    CHECK(B("str", ARGS(rt_small(42)), 0), "'42'");
    CHECK(B("bool", ARGS(rt_list_new(0)), 0), "False");
    CHECK(B("list", ARGS(S("ab")), 0), "['a', 'b']");
    CHECK(B("tuple", ARGS(L(i1, i2)), 0), "(1, 2)");
    CHECK(B("set", NULL, 0, 0), "set()");
    CHECK(B("dict", ARGS(i1), rt_tuple_pack(1, S("a"))), "{'a': 1}");
    CHECK(B("range", ARGS(i3), 0), "range(0, 3)");
    CHECK(B("type", ARGS(i1), 0), "<class 'int'>");
    CHECK(B("list", ARGS(B("enumerate", ARGS(S("ab")), 0)), 0), "[(0, 'a'), (1, 'b')]");
    CHECK(B("list", ARGS(B("zip", ARGS(S("ab"), L(i1, i2)), 0)), 0), "[('a', 1), ('b', 2)]");
    CHECK(B("list", ARGS(B("map", ARGS(neg, L(rt_small(-1), i2)), 0)), 0), "[1, 2]");
    CHECK(B("list", ARGS(B("reversed", ARGS(L(i1, i2)), 0)), 0), "[2, 1]");
    CHECK(B("list", ARGS(B("filter", ARGS(rt_None, L(rt_small(0), i2)), 0)), 0), "[2]");
    CHECK(B("map", ARGS(neg), 0), "E TypeError: map() must have at least two arguments.");
    CHECK(B("enumerate", NULL, 0, 0), "E TypeError: enumerate() missing required argument 'iterable'");
    CHECK(B("print", ARGS(i1), rt_tuple_pack(1, S("foo"))),
          "E TypeError: 'foo' is an invalid keyword argument for print()");
    CHECK(B("print", ARGS(i1), rt_tuple_pack(1, S("sep"))),
          "E TypeError: sep must be None or a string, not int");
    CHECK(rt_dict_get(rt_builtins_dict, S("ZeroDivisionError")), "<class 'ZeroDivisionError'>");
    CHECK(rt_dict_get(rt_builtins_dict, S("None")), "None");
}

/* ---- sys ---- */

static Value SYS(const char *name, const Value *args, size_t nargs)
{
    Value sys = rt_builtin_module("sys");
    Value f = sys ? rt_dict_get(((ModuleObject *)rt_obj(sys))->dict, S(name)) : 0;
    return f ? rt_call(f, args, nargs, 0) : RT_ERR;
}

static Value stream_call(int fd, const char *meth, const Value *args, size_t nargs)
{
    Value st = rt_std_stream(fd);
    Value m = st ? rt_typeof(st)->getattr(st, S(meth)) : RT_ERR;
    return m ? rt_call(m, args, nargs, 0) : RT_ERR;
}

static void sys_tests(void)
{
    Value sys = rt_builtin_module("sys");
    Value d = ((ModuleObject *)rt_obj(sys))->dict;
    Value vi = rt_dict_get(d, S("version_info"));
    CHECK(vi, "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)");
    CHECK(rt_typeof(vi)->getattr(vi, S("minor")), "11");
    CHECK(rt_richcompare(vi, rt_tuple_pack(2, rt_small(3), rt_small(8)), RT_GE), "True");
    CHECK(rt_dict_get(d, S("maxsize")), "9223372036854775807");
    CHECK(rt_dict_get(d, S("stdout")),
          "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    CHECK(SYS("getrecursionlimit", NULL, 0), "1000");
    CHECK(SYS("getrecursionlimit", ARGS(rt_small(1))),
          "E TypeError: sys.getrecursionlimit() takes no arguments (1 given)");
    CHECK(SYS("setrecursionlimit", ARGS(rt_small(0))),
          "E ValueError: recursion limit must be greater or equal than 1");
    CHECK(SYS("setrecursionlimit", ARGS(rt_float(1.5))),
          "E TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(SYS("setrecursionlimit", ARGS(rt_small(2000))), "None");
    CHECK(SYS("getrecursionlimit", NULL, 0), "2000");
    SYS("setrecursionlimit", ARGS(rt_small(1000)));
    CHECK(SYS("intern", ARGS(rt_small(1))), "E TypeError: intern() argument must be str, not int");
    CHECK(SYS("intern", NULL, 0), "E TypeError: sys.intern() takes exactly one argument (0 given)");
    CHECK(SYS("exit", ARGS(rt_small(1), rt_small(2))),
          "E TypeError: exit expected at most 1 argument, got 2");
    CHECK(SYS("exit", ARGS(rt_small(3))), "E SystemExit: 3");
    CHECK(stream_call(1, "write", ARGS(rt_small(1))),
          "E TypeError: write() argument must be str, not int");
    CHECK(stream_call(1, "flush", ARGS(rt_small(1))),
          "E TypeError: TextIOWrapper.flush() takes no arguments (1 given)");
    CHECK(stream_call(1, "write", ARGS(S(""))), "0");
    CHECK(stream_call(1, "nope", NULL, 0),
          "E AttributeError: '_io.TextIOWrapper' object has no attribute 'nope'");
    /* exit statuses of SystemExit */
    CHECK(rt_small(rt_sys_exit_status(rt_exc_new(rt_SystemExit, NULL, 0))), "0");
    CHECK(rt_small(rt_sys_exit_status(rt_exc_new(rt_SystemExit, ARGS(rt_small(4))))), "4");
    CHECK(rt_small(rt_sys_exit_status(rt_exc_new(rt_SystemExit, ARGS(rt_None)))), "0");
    CHECK(rt_small(rt_sys_exit_status(rt_exc_new(rt_SystemExit, ARGS(rt_True)))), "1");
}

/* ---- per-site global load caches (module.c rt_global_load_cached, GlobalCache) ---- */

/* what a generated global.load does: the inline hit when both layout tags match, else the call */
static Value site_load(Value g, const char *name, GlobalCache *c)
{
    if (((DictObject *)rt_obj(g))->layout == c->gtag &&
        ((DictObject *)rt_obj(rt_builtins_dict))->layout == c->btag)
        return *c->slot;
    return rt_global_load_cached(g, rt_str_intern(name), c);
}

static int site_hits(Value g, GlobalCache *c)
{
    return ((DictObject *)rt_obj(g))->layout == c->gtag &&
           ((DictObject *)rt_obj(rt_builtins_dict))->layout == c->btag;
}

static Value meth(Value obj, const char *m, const Value *args, size_t n)
{
    return rt_call_method(obj, rt_str_intern(m), args, n, 0);
}

static void global_cache_tests(void)
{
    Value g = rt_dict_new(), x = rt_str_intern("x"), len = rt_str_intern("len");
    GlobalCache c = {0}, cb = {0};
    CHECK(site_load(g, "x", &c), "E NameError: name 'x' is not defined");
    CHECK(rt_small(site_hits(g, &c)), "0");
    rt_dict_set(g, x, rt_small(1));
    CHECK(site_load(g, "x", &c), "1");
    CHECK(rt_small(site_hits(g, &c)), "1");
    /* a value replaced in place keeps the entry: the cache stays valid and sees it */
    rt_dict_set(g, x, rt_small(2));
    CHECK(rt_small(site_hits(g, &c)), "1");
    CHECK(site_load(g, "x", &c), "2");
    /* other keys added (and the table rebuilt on the way) */
    for (int i = 0; i < 40; i++) {
        char k[16];
        snprintf(k, sizeof k, "k%d", i);
        rt_dict_set(g, rt_str_intern(k), rt_small(i));
        CHECK(site_load(g, "x", &c), "2");
    }
    /* delete, pop, popitem, clear, update, setdefault */
    CHECK(rt_small(rt_dict_del(g, x)), "0");
    CHECK(site_load(g, "x", &c), "E NameError: name 'x' is not defined");
    CHECK(meth(g, "setdefault", (Value[]){x, rt_small(3)}, 2), "3");
    CHECK(site_load(g, "x", &c), "3");
    CHECK(meth(g, "pop", &x, 1), "3");
    CHECK(site_load(g, "x", &c), "E NameError: name 'x' is not defined");
    rt_dict_set(g, x, rt_small(4));
    CHECK(site_load(g, "x", &c), "4");
    CHECK(meth(g, "popitem", NULL, 0), "('x', 4)");
    CHECK(site_load(g, "x", &c), "E NameError: name 'x' is not defined");
    Value other = rt_dict_new();
    rt_dict_set(other, x, rt_small(5));
    CHECK(meth(g, "update", &other, 1), "None");
    CHECK(site_load(g, "x", &c), "5");
    CHECK(meth(g, "clear", NULL, 0), "None");
    CHECK(site_load(g, "x", &c), "E NameError: name 'x' is not defined");
    /* builtins: found there, shadowed by a global, rebound and deleted in the builtins dict */
    Value real_len = rt_dict_get(rt_builtins_dict, len);
    CHECK(rt_small(site_load(g, "len", &cb) == real_len), "1");
    CHECK(rt_small(site_hits(g, &cb)), "1");
    rt_dict_set(g, len, rt_small(6));
    CHECK(site_load(g, "len", &cb), "6");
    rt_dict_del(g, len);
    CHECK(rt_small(site_load(g, "len", &cb) == real_len), "1");
    rt_dict_set(rt_builtins_dict, len, rt_small(7));
    CHECK(rt_small(site_hits(g, &cb)), "1");
    CHECK(site_load(g, "len", &cb), "7");
    rt_dict_del(rt_builtins_dict, len);
    CHECK(site_load(g, "len", &cb), "E NameError: name 'len' is not defined");
    rt_dict_set(rt_builtins_dict, len, real_len);
    CHECK(rt_small(site_load(g, "len", &cb) == real_len), "1");
    /* a site reached with another globals dict of the same shape misses: tags are unique */
    Value g1 = rt_dict_new(), g2 = rt_dict_new();
    rt_dict_set(g1, x, rt_small(8));
    rt_dict_set(g2, x, rt_small(9));
    GlobalCache c2 = {0};
    CHECK(site_load(g1, "x", &c2), "8");
    CHECK(rt_small(site_hits(g2, &c2)), "0");
    CHECK(site_load(g2, "x", &c2), "9");
    CHECK(site_load(g1, "x", &c2), "8");
    /* a dict that never held a key has tag 0, a cleared one a fresh tag */
    CHECK(rt_small((int64_t)((DictObject *)rt_obj(rt_dict_new()))->layout), "0");
    Value e = rt_dict_new();
    rt_dict_set(e, x, rt_None);
    uint64_t t = ((DictObject *)rt_obj(e))->layout;
    rt_dict_clear(e);
    CHECK(rt_small(((DictObject *)rt_obj(e))->layout != t && t != 0), "1");
}

int main(void)
{
    rt_init();
    if (rt_builtins_init() < 0) {
        printf("FAIL: rt_builtins_init\n0 passed, 1 failed\n");
        return 1;
    }
    globals = rt_dict_new();
    rt_dict_set(globals, S("__name__"), S("__main__"));
    binding_tests();
    closure_tests();
    module_tests();
    builtin_tests();
    sys_tests();
    global_cache_tests();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
