/*
 * test_core.c - unit tests of the runtime core: singletons and root types, the exception
 * hierarchy, raising and matching, chaining, traceback printing, rt_raise_fmt, MemoryError,
 * recursion, and the int/float/complex entry points the differential tests do not reach.
 * Every expected string was produced by python3 (3.11.7).  Last line: "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"

static int passed, failed;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (cond)                                                                        \
            passed++;                                                                    \
        else {                                                                           \
            failed++;                                                                    \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                       \
        }                                                                                \
    } while (0)

/* compares a str Value (or the pending exception, when v is RT_ERR) with expected text */
static void check_str(int line, Value v, const char *want)
{
    char buf[4096];
    if (!v) {
        Value e = rt_exc_fetch();
        Value s = e ? rt_core_str(e) : 0;
        snprintf(buf, sizeof buf, "E %s: %.*s", e ? rt_type_name(e) : "?",
                 s ? (int)rt_str_nbytes(s) : 0, s ? rt_str_bytes(s) : "");
    } else {
        snprintf(buf, sizeof buf, "%.*s", (int)rt_str_nbytes(v), rt_str_bytes(v));
    }
    if (strcmp(buf, want) == 0) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d:\n  want: %s\n  got:  %s\n", line, want, buf);
    }
}
#define CHECK_STR(v, want) check_str(__LINE__, (v), (want))

static Value S(const char *s) { return rt_str_from_cstr(s); }

/* ---------------------------------------------------------------- singletons, types ---- */

static void test_objects(void)
{
    CHECK_STR(rt_core_repr(rt_None), "None");
    CHECK_STR(rt_core_repr(rt_NotImplemented), "NotImplemented");
    CHECK_STR(rt_core_repr(rt_Ellipsis), "Ellipsis");
    CHECK_STR(rt_core_repr(rt_True), "True");
    CHECK_STR(rt_core_str(rt_False), "False");
    CHECK_STR(rt_core_repr(rt_val(&rt_int_type)), "<class 'int'>");
    CHECK_STR(rt_core_repr(rt_val(rt_ValueError)), "<class 'ValueError'>");
    CHECK(rt_issubtype(&rt_bool_type, &rt_int_type));
    CHECK(rt_issubtype(&rt_bool_type, &rt_object_type));
    CHECK(!rt_issubtype(&rt_int_type, &rt_bool_type));
    CHECK(rt_issubtype(&rt_type_type, &rt_object_type));
    CHECK(rt_typeof(rt_val(&rt_int_type)) == &rt_type_type);
    CHECK(rt_none_type.nb.bool_(rt_None) == 0);
    /* bool: True + True == 2, True & False is False (a bool), True ^ 3 == 2 (an int) */
    CHECK(rt_int_add(rt_True, rt_True) == rt_small(2));
    CHECK(rt_bool_type.nb.and_(rt_True, rt_False) == rt_False);
    CHECK(rt_bool_type.nb.xor_(rt_True, rt_small(3)) == rt_small(2));
    CHECK(rt_bool_type.nb.or_(rt_True, rt_None) == rt_NotImplemented);
    CHECK(rt_bool_type.hash(rt_True) == 1);
    CHECK_STR(rt_format(rt_True, S("")), "True");
    CHECK_STR(rt_format(rt_True, S(">3")), "  1");
    CHECK_STR(rt_bool_type.qualname, "bool");
    CHECK_STR(rt_ZeroDivisionError->module, "builtins");
    /* constructors of the root types (python3) */
    Value one = rt_small(1), kwx = rt_tuple_from((Value[]){rt_str_from_cstr("x")}, 1);
    CHECK(rt_bool_type.new_(&rt_bool_type, &one, 1, 0) == rt_True);
    CHECK(rt_bool_type.new_(&rt_bool_type, NULL, 0, 0) == rt_False);
    CHECK_STR(rt_bool_type.new_(&rt_bool_type, &one, 0, kwx),
              "E TypeError: bool() takes no keyword arguments");
    CHECK_STR(rt_bool_type.new_(&rt_bool_type, (Value[]){one, one}, 2, 0),
              "E TypeError: bool expected at most 1 argument, got 2");
    CHECK(rt_none_type.new_(&rt_none_type, NULL, 0, 0) == rt_None);
    CHECK_STR(rt_none_type.new_(&rt_none_type, &one, 1, 0),
              "E TypeError: NoneType takes no arguments");
    CHECK(rt_ellipsis_type.new_(&rt_ellipsis_type, NULL, 0, 0) == rt_Ellipsis);
    CHECK_STR(rt_ellipsis_type.new_(&rt_ellipsis_type, &one, 0, kwx),
              "E TypeError: EllipsisType takes no arguments");
    CHECK(rt_notimplemented_type.new_(&rt_notimplemented_type, NULL, 0, 0) == rt_NotImplemented);
    CHECK_STR(rt_object_type.new_(&rt_object_type, &one, 1, 0),
              "E TypeError: object() takes no arguments");
    Value o = rt_object_type.new_(&rt_object_type, NULL, 0, 0);
    CHECK(o && rt_typeof(o) == &rt_object_type);
    /* mro tuples: bool -> int -> object */
    TupleObject *m = (TupleObject *)rt_obj(rt_bool_type.mro);
    CHECK(m->size == 3 && m->items[1] == rt_val(&rt_int_type));
}

/* ---------------------------------------------------------------- hierarchy -------------- */

/* from python3: each built-in exception and the names along its __mro__[1:] */
static const char *const hierarchy[][2] = {
    {"ArithmeticError", "Exception BaseException object"},
    {"AssertionError", "Exception BaseException object"},
    {"AttributeError", "Exception BaseException object"},
    {"BaseException", "object"},
    {"BaseExceptionGroup", "BaseException object"},
    {"BlockingIOError", "OSError Exception BaseException object"},
    {"BrokenPipeError", "ConnectionError OSError Exception BaseException object"},
    {"BufferError", "Exception BaseException object"},
    {"BytesWarning", "Warning Exception BaseException object"},
    {"ChildProcessError", "OSError Exception BaseException object"},
    {"ConnectionAbortedError", "ConnectionError OSError Exception BaseException object"},
    {"ConnectionError", "OSError Exception BaseException object"},
    {"ConnectionRefusedError", "ConnectionError OSError Exception BaseException object"},
    {"ConnectionResetError", "ConnectionError OSError Exception BaseException object"},
    {"DeprecationWarning", "Warning Exception BaseException object"},
    {"EOFError", "Exception BaseException object"},
    {"EncodingWarning", "Warning Exception BaseException object"},
    {"Exception", "BaseException object"},
    {"ExceptionGroup", "BaseExceptionGroup Exception BaseException object"},
    {"FileExistsError", "OSError Exception BaseException object"},
    {"FileNotFoundError", "OSError Exception BaseException object"},
    {"FloatingPointError", "ArithmeticError Exception BaseException object"},
    {"FutureWarning", "Warning Exception BaseException object"},
    {"GeneratorExit", "BaseException object"},
    {"ImportError", "Exception BaseException object"},
    {"ImportWarning", "Warning Exception BaseException object"},
    {"IndentationError", "SyntaxError Exception BaseException object"},
    {"IndexError", "LookupError Exception BaseException object"},
    {"InterruptedError", "OSError Exception BaseException object"},
    {"IsADirectoryError", "OSError Exception BaseException object"},
    {"KeyError", "LookupError Exception BaseException object"},
    {"KeyboardInterrupt", "BaseException object"},
    {"LookupError", "Exception BaseException object"},
    {"MemoryError", "Exception BaseException object"},
    {"ModuleNotFoundError", "ImportError Exception BaseException object"},
    {"NameError", "Exception BaseException object"},
    {"NotADirectoryError", "OSError Exception BaseException object"},
    {"NotImplementedError", "RuntimeError Exception BaseException object"},
    {"OSError", "Exception BaseException object"},
    {"OverflowError", "ArithmeticError Exception BaseException object"},
    {"PendingDeprecationWarning", "Warning Exception BaseException object"},
    {"PermissionError", "OSError Exception BaseException object"},
    {"ProcessLookupError", "OSError Exception BaseException object"},
    {"RecursionError", "RuntimeError Exception BaseException object"},
    {"ReferenceError", "Exception BaseException object"},
    {"ResourceWarning", "Warning Exception BaseException object"},
    {"RuntimeError", "Exception BaseException object"},
    {"RuntimeWarning", "Warning Exception BaseException object"},
    {"StopAsyncIteration", "Exception BaseException object"},
    {"StopIteration", "Exception BaseException object"},
    {"SyntaxError", "Exception BaseException object"},
    {"SyntaxWarning", "Warning Exception BaseException object"},
    {"SystemError", "Exception BaseException object"},
    {"SystemExit", "BaseException object"},
    {"TabError", "IndentationError SyntaxError Exception BaseException object"},
    {"TimeoutError", "OSError Exception BaseException object"},
    {"TypeError", "Exception BaseException object"},
    {"UnboundLocalError", "NameError Exception BaseException object"},
    {"UnicodeDecodeError", "UnicodeError ValueError Exception BaseException object"},
    {"UnicodeEncodeError", "UnicodeError ValueError Exception BaseException object"},
    {"UnicodeError", "ValueError Exception BaseException object"},
    {"UnicodeTranslateError", "UnicodeError ValueError Exception BaseException object"},
    {"UnicodeWarning", "Warning Exception BaseException object"},
    {"UserWarning", "Warning Exception BaseException object"},
    {"ValueError", "Exception BaseException object"},
    {"Warning", "Exception BaseException object"},
    {"ZeroDivisionError", "ArithmeticError Exception BaseException object"},
};

static void test_hierarchy(void)
{
    for (size_t i = 0; i < sizeof hierarchy / sizeof hierarchy[0]; i++) {
        Type *t = rt_exc_type_by_name(hierarchy[i][0]);
        if (!t) {
            failed++;
            printf("FAIL: no exception type %s\n", hierarchy[i][0]);
            continue;
        }
        char mro[256] = "";
        TupleObject *m = (TupleObject *)rt_obj(t->mro);
        for (int64_t k = 1; k < m->size; k++) {
            if (k > 1)
                strcat(mro, " ");
            strcat(mro, ((Type *)rt_obj(m->items[k]))->name);
        }
        if (strcmp(mro, hierarchy[i][1]) == 0) {
            passed++;
        } else {
            failed++;
            printf("FAIL mro of %s: want %s, got %s\n", hierarchy[i][0], hierarchy[i][1], mro);
        }
    }
    CHECK(rt_exc_type_by_name("IOError") == rt_OSError);
    CHECK(rt_exc_type_by_name("EnvironmentError") == rt_OSError);
    CHECK(rt_exc_type_by_name("NoSuchError") == NULL);
    CHECK(rt_issubtype(rt_ExceptionGroup, rt_Exception));
    CHECK(rt_issubtype(rt_ExceptionGroup, rt_BaseExceptionGroup));
    CHECK(!rt_issubtype(rt_BaseExceptionGroup, rt_Exception));
}

/* ---------------------------------------------------------------- raising --------------- */

static void test_raise(void)
{
    CHECK(rt_raise_str(rt_ValueError, "bad") == RT_ERR);
    Value e = rt_exc_pending();
    CHECK(e && rt_typeof(e) == rt_ValueError);
    CHECK(rt_exc_matches(e, rt_val(rt_ValueError)) == 1);
    CHECK(rt_exc_matches(e, rt_val(rt_Exception)) == 1);
    CHECK(rt_exc_matches(e, rt_val(rt_TypeError)) == 0);
    Value tup[2] = {rt_val(rt_TypeError), rt_val(rt_LookupError)};
    CHECK(rt_exc_matches(e, rt_tuple_from(tup, 2)) == 0);
    tup[1] = rt_val(rt_ValueError);
    CHECK(rt_exc_matches(e, rt_tuple_from(tup, 2)) == 1);
    CHECK(rt_exc_fetch() == e && rt_exc_pending() == 0);
    CHECK(rt_exc_matches(e, rt_val(&rt_int_type)) == -1);
    CHECK_STR(RT_ERR, "E TypeError: catching classes that do not inherit from BaseException "
                      "is not allowed");

    /* str and repr of exceptions */
    Value args[2] = {S("a"), rt_small(2)};
    CHECK_STR(rt_core_str(rt_exc_new(rt_ValueError, args, 2)), "('a', 2)");
    CHECK_STR(rt_core_repr(rt_exc_new(rt_ValueError, args, 2)), "ValueError('a', 2)");
    CHECK_STR(rt_core_repr(rt_exc_new(rt_ValueError, args, 1)), "ValueError('a')");
    CHECK_STR(rt_core_repr(rt_exc_new(rt_ValueError, NULL, 0)), "ValueError()");
    CHECK_STR(rt_core_str(rt_exc_new(rt_ValueError, NULL, 0)), "");
    CHECK_STR(rt_core_str(rt_exc_new(rt_KeyError, args, 1)), "'a'");
    CHECK_STR(rt_core_str(rt_exc_new(rt_KeyError, args, 2)), "('a', 2)");
    Value one = rt_small(1);
    CHECK_STR(rt_core_str(rt_exc_new(rt_ValueError, &one, 1)), "1");

    /* raising a class instantiates it; raising a non-exception is a TypeError */
    CHECK(rt_raise(rt_val(rt_KeyError)) == RT_ERR);
    CHECK(rt_typeof(rt_exc_pending()) == rt_KeyError);
    rt_exc_fetch();
    rt_raise(rt_small(3));
    CHECK_STR(RT_ERR, "E TypeError: exceptions must derive from BaseException");

    /* rt_raise_fmt conversions */
    rt_raise_fmt(rt_ValueError, "%d|%zd|%lld|%s|%.3s|%R|%S|%U|%T|%c|%%|%x|%u", -5, (ptrdiff_t)7,
                 (long long)-9000000000LL, "str", "abcdef", S("q'x"), S("q"), S("u"),
                 rt_small(1), 'Z', 255, 42u);
    CHECK_STR(RT_ERR, "E ValueError: -5|7|-9000000000|str|abc|\"q'x\"|q|u|int|Z|%|ff|42");
    rt_raise_fmt(rt_ValueError, "%.5R", S("abcdefgh"));
    CHECK_STR(RT_ERR, "E ValueError: 'abcd");
    rt_raise_fmt(rt_ValueError, "%.2R", S("\xc3\xa9\xc3\xa9\xc3\xa9"));
    CHECK_STR(RT_ERR, "E ValueError: '\xc3\xa9");

    /* MemoryError: preallocated, raised without allocating */
    CHECK(rt_alloc((size_t)1 << 62) == NULL);
    Value me = rt_exc_fetch();
    CHECK(me && rt_typeof(me) == rt_MemoryError);
    CHECK_STR(rt_core_str(me), "");

    /* recursion limit */
    int ok = 1;
    for (int i = 0; i < rt_recursion_limit; i++)
        ok &= rt_recursion_enter() == 0;
    CHECK(ok);
    CHECK(rt_recursion_enter() == -1);
    CHECK_STR(RT_ERR, "E RecursionError: maximum recursion depth exceeded");
    for (int i = 0; i < rt_recursion_limit; i++)
        rt_recursion_leave();
    CHECK(rt_recursion_depth == 0);
}

/* ---------------------------------------------------------------- OSError, Unicode ------ */

static void test_exc_kinds(void)
{
    /* OSError(errno, strerror[, filename[, winerror[, filename2]]]) (python3) */
    Value a[5] = {rt_small(2), S("No such file"), S("x.txt"), rt_None, S("y")};
    Value e = rt_exc_new(rt_OSError, a, 2);
    CHECK(rt_typeof(e) == rt_FileNotFoundError);
    CHECK_STR(rt_core_str(e), "[Errno 2] No such file");
    e = rt_exc_new(rt_OSError, a, 3);
    CHECK_STR(rt_core_str(e), "[Errno 2] No such file: 'x.txt'");
    CHECK(((TupleObject *)rt_obj(rt_exc_getattr(e, "args")))->size == 2);
    CHECK_STR(rt_exc_getattr(e, "filename"), "x.txt");
    CHECK(rt_exc_getattr(e, "errno") == rt_small(2));
    CHECK(rt_exc_getattr(e, "filename2") == rt_None);
    CHECK_STR(rt_core_str(rt_exc_new(rt_OSError, a, 5)), "[Errno 2] No such file: 'x.txt' -> 'y'");
    CHECK_STR(rt_core_str(rt_exc_new(rt_OSError, a, 1)), "2");
    CHECK(rt_typeof(rt_exc_new(rt_OSError, a, 1)) == rt_OSError);
    Value p[2] = {rt_small(13), S("Perm")};
    CHECK(rt_typeof(rt_exc_new(rt_OSError, p, 2)) == rt_PermissionError);
    p[0] = rt_small(1);
    CHECK(rt_typeof(rt_exc_new(rt_OSError, p, 2)) == rt_PermissionError);
    p[0] = rt_small(9999);
    CHECK(rt_typeof(rt_exc_new(rt_OSError, p, 2)) == rt_OSError);
    CHECK(rt_typeof(rt_exc_new(rt_FileExistsError, a, 2)) == rt_FileExistsError);
    rt_raise_errno(2, S("missing.txt"));
    CHECK_STR(RT_ERR, "E FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'");
    rt_raise_errno(21, 0);
    CHECK_STR(RT_ERR, "E IsADirectoryError: [Errno 21] Is a directory");

    /* UnicodeEncodeError texts (python3) */
    Value s = S("h\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");   /* 'hé€😀' */
    rt_raise_unicode_encode("ascii", s, 1, 2, "ordinal not in range(128)");
    CHECK_STR(RT_ERR, "E UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in "
                      "position 1: ordinal not in range(128)");
    rt_raise_unicode_encode("ascii", s, 2, 3, "x");
    CHECK_STR(RT_ERR, "E UnicodeEncodeError: 'ascii' codec can't encode character '\\u20ac' in "
                      "position 2: x");
    rt_raise_unicode_encode("ascii", s, 3, 4, "x");
    CHECK_STR(RT_ERR, "E UnicodeEncodeError: 'ascii' codec can't encode character "
                      "'\\U0001f600' in position 3: x");
    rt_raise_unicode_encode("ascii", s, 1, 4, "x");
    CHECK_STR(RT_ERR, "E UnicodeEncodeError: 'ascii' codec can't encode characters in position "
                      "1-3: x");
    rt_raise_unicode_decode("utf-8", s, 0, 2, "bad");
    CHECK_STR(RT_ERR, "E UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: bad");
    Value ue = rt_exc_new(rt_UnicodeDecodeError, NULL, 0);
    CHECK_STR(rt_core_str(ue), "");

    /* attribute setting, add_note, with_traceback (python3) */
    Value ve = rt_exc_new(rt_ValueError, NULL, 0);
    CHECK_STR(rt_exc_add_note(ve, rt_small(5)), "E TypeError: note must be a str, not 'int'");
    CHECK(rt_exc_setattr(ve, "__cause__", rt_small(5)) == -1);
    CHECK_STR(RT_ERR, "E TypeError: exception cause must be None or derive from BaseException");
    CHECK(rt_exc_setattr(ve, "__context__", rt_small(5)) == -1);
    CHECK_STR(RT_ERR, "E TypeError: exception context must be None or derive from BaseException");
    CHECK(rt_exc_setattr(ve, "__traceback__", rt_small(5)) == -1);
    CHECK_STR(RT_ERR, "E TypeError: __traceback__ must be a traceback or None");
    CHECK_STR(rt_exc_with_traceback(ve, rt_small(5)),
              "E TypeError: __traceback__ must be a traceback or None");
    CHECK(rt_exc_setattr(ve, "__suppress_context__", rt_small(0)) == -1);
    CHECK_STR(RT_ERR, "E TypeError: attribute value type must be bool");
    CHECK(rt_exc_setattr(ve, "__cause__", rt_exc_new(rt_KeyError, NULL, 0)) == 0);
    CHECK(rt_exc_getattr(ve, "__suppress_context__") == rt_True);
    CHECK(rt_exc_setattr(ve, "color", rt_small(1)) == 1);
    CHECK(rt_exc_add_note(ve, S("n1")) == rt_None && rt_exc_add_note(ve, S("n2")) == rt_None);
    CHECK(((ListObject *)rt_obj(rt_exc_getattr(ve, "__notes__")))->size == 2);
    CHECK(rt_exc_setattr(ve, "__notes__", rt_small(5)) == 0);
    CHECK_STR(rt_exc_add_note(ve, S("x")), "E TypeError: Cannot add note: __notes__ is not a list");

    /* StopIteration.value, SystemExit.code */
    Value five = rt_small(5);
    CHECK(rt_exc_getattr(rt_exc_new(rt_StopIteration, &five, 1), "value") == five);
    CHECK(rt_exc_getattr(rt_exc_new(rt_StopIteration, NULL, 0), "value") == rt_None);
    CHECK(rt_exc_getattr(rt_exc_new(rt_SystemExit, &five, 1), "code") == five);
    CHECK(rt_exc_getattr(rt_exc_new(rt_SystemExit, NULL, 0), "code") == rt_None);
    CHECK(rt_exc_getattr(rt_exc_new(rt_ValueError, NULL, 0), "code") == 0);
    CHECK(rt_exc_getattr(rt_exc_new(rt_ValueError, NULL, 0), "__cause__") == rt_None);
}

/* ---------------------------------------------------------------- tracebacks ------------ */

static char *printed(Value exc)
{
    static char buf[1 << 16];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    rt_print_exception_to(f, exc);
    fclose(f);
    return buf;
}

static void check_text(int line, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d:\n--- want\n%s--- got\n%s---\n", line, want, got);
    }
}

static const char prog_src[] =
    "def f(x):\n"
    "    return 1 / x\n"
    "\n"
    "def g():\n"
    "    try:\n"
    "        f(0)\n"
    "    except ZeroDivisionError as e:\n"
    "        raise ValueError(\"bad value\") from e\n"
    "\n"
    "g()\n";
static const FrameInfo fi_mod = {"<module>", "/tmp/tb/prog.py", prog_src};
static const FrameInfo fi_f = {"f", "/tmp/tb/prog.py", prog_src};
static const FrameInfo fi_g = {"g", "/tmp/tb/prog.py", prog_src};

static void test_tracebacks(void)
{
    /* `raise ... from e` inside the handler (python3 prog.py) */
    static const TracebackPos div_pos = {2, 11, 2, 16, 13, 14};
    static const TracebackPos call_f = {6, 8, 6, 12, -1, -1};
    static const TracebackPos call_g = {10, 0, 10, 3, -1, -1};
    rt_raise_str(rt_ZeroDivisionError, "division by zero");
    rt_traceback_add_at(&fi_f, &div_pos);
    rt_traceback_add_at(&fi_g, &call_f);
    Value zde = rt_exc_fetch();
    Value prev = rt_exc_handler_enter(zde);
    rt_raise_from(rt_exc_new(rt_ValueError, (Value[]){S("bad value")}, 1), zde);
    rt_traceback_add(&fi_g, 8);
    rt_exc_handler_leave(prev);
    rt_traceback_add_at(&fi_mod, &call_g);
    Value ve = rt_exc_fetch();
    CHECK(((ExcObject *)rt_obj(ve))->context == zde);
    check_text(__LINE__, printed(ve),
               "Traceback (most recent call last):\n"
               "  File \"/tmp/tb/prog.py\", line 6, in g\n"
               "    f(0)\n"
               "  File \"/tmp/tb/prog.py\", line 2, in f\n"
               "    return 1 / x\n"
               "           ~~^~~\n"
               "ZeroDivisionError: division by zero\n"
               "\n"
               "The above exception was the direct cause of the following exception:\n"
               "\n"
               "Traceback (most recent call last):\n"
               "  File \"/tmp/tb/prog.py\", line 10, in <module>\n"
               "    g()\n"
               "  File \"/tmp/tb/prog.py\", line 8, in g\n"
               "    raise ValueError(\"bad value\") from e\n"
               "ValueError: bad value\n");

    /* implicit chaining: an exception raised while another is handled (python3 prog2.py) */
    static const char src2[] = "def h():\n    try:\n        {}['k']\n    except KeyError:\n"
                               "        raise RuntimeError\n\nh()\n";
    static const FrameInfo h = {"h", "/tmp/tb/prog2.py", src2};
    static const FrameInfo m2 = {"<module>", "/tmp/tb/prog2.py", src2};
    static const TracebackPos sub = {3, 8, 3, 15, 10, 15};
    rt_raise_fmt(rt_KeyError, "%s", "k");
    Value ke = rt_exc_fetch();
    ((ExcObject *)rt_obj(ke))->args = rt_tuple_from((Value[]){S("k")}, 1);
    rt_exc_restore(ke);
    rt_traceback_add_at(&h, &sub);
    ke = rt_exc_fetch();
    prev = rt_exc_handler_enter(ke);
    rt_raise(rt_val(rt_RuntimeError));
    rt_traceback_add(&h, 5);
    rt_exc_handler_leave(prev);
    rt_traceback_add(&m2, 7);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "Traceback (most recent call last):\n"
               "  File \"/tmp/tb/prog2.py\", line 3, in h\n"
               "    {}['k']\n"
               "    ~~^^^^^\n"
               "KeyError: 'k'\n"
               "\n"
               "During handling of the above exception, another exception occurred:\n"
               "\n"
               "Traceback (most recent call last):\n"
               "  File \"/tmp/tb/prog2.py\", line 7, in <module>\n"
               "    h()\n"
               "  File \"/tmp/tb/prog2.py\", line 5, in h\n"
               "    raise RuntimeError\n"
               "RuntimeError\n");

    /* `from None` suppresses the context; a __main__ class prints without its module */
    static const char src4[] = "class MyErr(Exception):\n    pass\ntry:\n    raise MyErr(\"a\", 2)\n"
                               "except MyErr as e:\n    raise TypeError(\"t\") from None\n";
    static const FrameInfo m4 = {"<module>", "/tmp/tb/prog4.py", src4};
    rt_raise_str(rt_ValueError, "inner");
    Value inner = rt_exc_fetch();
    prev = rt_exc_handler_enter(inner);
    rt_raise_from(rt_exc_new(rt_TypeError, (Value[]){S("t")}, 1), rt_None);
    rt_exc_handler_leave(prev);
    rt_traceback_add(&m4, 6);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "Traceback (most recent call last):\n"
               "  File \"/tmp/tb/prog4.py\", line 6, in <module>\n"
               "    raise TypeError(\"t\") from None\n"
               "TypeError: t\n");

    /* deep recursion: three entries, then a count (python3 prog3.py) */
    static const char src3[] = "def r(n):\n    return r(n + 1)\nr(0)\n";
    static const FrameInfo r3 = {"r", "/tmp/tb/prog3.py", src3};
    static const FrameInfo m3 = {"<module>", "/tmp/tb/prog3.py", src3};
    static const TracebackPos call_r = {2, 11, 2, 19, -1, -1};
    rt_raise_str(rt_RecursionError, "maximum recursion depth exceeded");
    for (int i = 0; i < 999; i++)
        rt_traceback_add_at(&r3, &call_r);
    rt_traceback_add(&m3, 3);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "Traceback (most recent call last):\n"
               "  File \"/tmp/tb/prog3.py\", line 3, in <module>\n"
               "    r(0)\n"
               "  File \"/tmp/tb/prog3.py\", line 2, in r\n"
               "    return r(n + 1)\n"
               "           ^^^^^^^^\n"
               "  File \"/tmp/tb/prog3.py\", line 2, in r\n"
               "    return r(n + 1)\n"
               "           ^^^^^^^^\n"
               "  File \"/tmp/tb/prog3.py\", line 2, in r\n"
               "    return r(n + 1)\n"
               "           ^^^^^^^^\n"
               "  [Previous line repeated 996 more times]\n"
               "RecursionError: maximum recursion depth exceeded\n");

    /* whole-line ranges: carets only with an anchor (python3: `1/0` and `x.y` alone) */
    static const char src5[] = "1/0\nx.y\n";
    static const FrameInfo m5 = {"<module>", "a.py", src5};
    static const TracebackPos p1 = {1, 0, 1, 3, 1, 2}, p2 = {2, 0, 2, 3, -1, -1};
    rt_raise_str(rt_ZeroDivisionError, "division by zero");
    rt_traceback_add_at(&m5, &p1);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n"
               "    1/0\n    ~^~\nZeroDivisionError: division by zero\n");
    rt_raise_str(rt_AttributeError, "'int' object has no attribute 'y'");
    rt_traceback_add_at(&m5, &p2);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "Traceback (most recent call last):\n  File \"a.py\", line 2, in <module>\n"
               "    x.y\nAttributeError: 'int' object has no attribute 'y'\n");

    /* a user class: __main__ omitted, other modules and the qualified name printed
     * (python3: "A.E: x", "json.decoder.JSONDecodeError: ...") */
    static Type nested = {.ob = {&rt_type_type}, .name = "E", .base = NULL,
                          .flags = RT_TPFLAG_BASETYPE | RT_TPFLAG_EXC_SUBCLASS | RT_TPFLAG_HEAPTYPE,
                          .basicsize = sizeof(ExcObject)};
    nested.base = rt_Exception;
    nested.str = rt_Exception->str;   /* inherited slots, as the class machinery copies them */
    nested.repr = rt_Exception->repr;
    nested.qualname = rt_str_from_cstr("A.E");
    nested.module = rt_str_from_cstr("__main__");
    rt_raise(rt_exc_new(&nested, (Value[]){rt_str_from_cstr("x")}, 1));
    check_text(__LINE__, printed(rt_exc_fetch()), "A.E: x\n");
    nested.module = rt_str_from_cstr("json.decoder");
    nested.qualname = rt_str_from_cstr("JSONDecodeError");
    rt_raise(rt_exc_new(&nested, (Value[]){rt_str_from_cstr("m")}, 1));
    check_text(__LINE__, printed(rt_exc_fetch()), "json.decoder.JSONDecodeError: m\n");

    /* no traceback, no source */
    static const FrameInfo nosrc = {"f", "gone.py", NULL};
    rt_raise(rt_val(rt_StopIteration));
    check_text(__LINE__, printed(rt_exc_pending()), "StopIteration\n");
    rt_traceback_add(&nosrc, 4);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "Traceback (most recent call last):\n  File \"gone.py\", line 4, in f\n"
               "StopIteration\n");
}

/* ---------------------------------------------------------------- numbers --------------- */

static void test_numbers(void)
{
    /* canonical representation at the small-int edge */
    Value max = rt_small(RT_SMALL_MAX);
    Value big = rt_int_add(max, rt_small(1));
    CHECK(!rt_is_small(big) && rt_typeof(big) == &rt_int_type);
    CHECK(rt_int_sub(big, rt_small(1)) == max);
    CHECK(rt_int_neg(rt_small(RT_SMALL_MIN)) == big || rt_int_cmp(rt_int_neg(rt_small(RT_SMALL_MIN)), big) == 0);
    CHECK(rt_is_small(rt_int_add(rt_int_neg(big), rt_small(0))));
    CHECK(rt_int_add_overflow(INT64_MAX, 1) != RT_ERR);
    CHECK_STR(rt_int_to_str(rt_int_add_overflow(INT64_MAX, 1), 10), "9223372036854775808");
    CHECK_STR(rt_int_to_str(rt_int_sub_overflow(INT64_MIN, 1), 10), "-9223372036854775809");
    CHECK_STR(rt_int_to_str(rt_int_mul_overflow(INT64_MIN, -1), 10), "9223372036854775808");
    CHECK_STR(rt_int_to_str(rt_int_from_u64(UINT64_MAX), 16), "0xffffffffffffffff");
    CHECK_STR(rt_int_to_str(rt_int_from_i64(INT64_MIN), 2),
              "-0b1000000000000000000000000000000000000000000000000000000000000000");
    CHECK_STR(rt_int_to_str(rt_small(-8), 8), "-0o10");
    CHECK_STR(rt_int_to_str(rt_small(0), 2), "0b0");
    int64_t out;
    CHECK(rt_int_as_i64(rt_int_from_i64(INT64_MIN), &out) == 0 && out == INT64_MIN);
    CHECK(rt_int_as_i64(rt_int_from_u64(UINT64_MAX), &out) == -1);
    CHECK_STR(RT_ERR, "E OverflowError: Python int too large to convert to C long");
    CHECK_STR(rt_int_from_double(1e300) ? rt_int_to_str(rt_int_from_double(-1e20), 10) : 0,
              "-100000000000000000000");
    CHECK_STR(rt_int_from_double(0.0 / 0.0), "E ValueError: cannot convert float NaN to integer");
    CHECK_STR(rt_int_from_double(1.0 / 0.0),
              "E OverflowError: cannot convert float infinity to integer");

    /* sys.set_int_max_str_digits (python3) */
    CHECK(rt_int_set_max_str_digits(5) == -1);
    CHECK_STR(RT_ERR, "E ValueError: maxdigits must be 0 or larger than 640");
    CHECK(rt_int_set_max_str_digits(640) == 0);
    CHECK_STR(rt_int_to_str(rt_int_pow(rt_small(10), rt_small(640)), 10),
              "E ValueError: Exceeds the limit (640 digits) for integer string conversion; use "
              "sys.set_int_max_str_digits() to increase the limit");
    CHECK(rt_int_set_max_str_digits(0) == 0);
    CHECK(rt_int_to_str(rt_int_pow(rt_small(10), rt_small(5000)), 10) != RT_ERR);
    CHECK(rt_int_set_max_str_digits(4300) == 0);

    /* to_bytes / from_bytes (python3: (-2).to_bytes(2,'big',signed=True) == b'\xff\xfe') */
    unsigned char b[4];
    CHECK(rt_int_to_bytes_buf(rt_small(-2), b, 2, 0, 1) == 0 && b[0] == 0xff && b[1] == 0xfe);
    CHECK(rt_int_to_bytes_buf(rt_small(1024), b, 2, 1, 0) == 0 && b[0] == 0 && b[1] == 4);
    CHECK(rt_int_to_bytes_buf(rt_small(256), b, 1, 0, 0) == -1);
    CHECK_STR(RT_ERR, "E OverflowError: int too big to convert");
    CHECK(rt_int_to_bytes_buf(rt_small(-1), b, 1, 0, 0) == -1);
    CHECK_STR(RT_ERR, "E OverflowError: can't convert negative int to unsigned");
    CHECK(rt_int_to_bytes_buf(rt_small(128), b, 1, 0, 1) == -1);
    CHECK_STR(RT_ERR, "E OverflowError: int too big to convert");
    CHECK(rt_int_to_bytes_buf(rt_small(-128), b, 1, 0, 1) == 0 && b[0] == 0x80);
    CHECK(rt_int_to_bytes_buf(rt_small(0), b, 0, 0, 1) == 0);
    CHECK(rt_int_from_bytes_buf((const unsigned char *)"\xff\xfe", 2, 0, 1) == rt_small(-2));
    CHECK(rt_int_from_bytes_buf((const unsigned char *)"\xff\xfe", 2, 1, 0) == rt_small(65279));
    CHECK(rt_int_from_bytes_buf(NULL, 0, 1, 1) == rt_small(0));

    /* the int type's constructor slot */
    Value a2[2] = {S(" 0x1f "), rt_small(0)};
    CHECK(rt_int_type.new_(&rt_int_type, a2, 2, 0) == rt_small(31));
    CHECK(rt_int_type.new_(&rt_int_type, a2, 0, 0) == rt_small(0));
    Value f = rt_float(-3.9);
    CHECK(rt_int_type.new_(&rt_int_type, &f, 1, 0) == rt_small(-3));
    Value a3[2] = {rt_small(5), rt_small(10)};
    CHECK_STR(rt_int_type.new_(&rt_int_type, a3, 2, 0),
              "E TypeError: int() can't convert non-string with explicit base");
    Value none = rt_None;
    CHECK_STR(rt_int_type.new_(&rt_int_type, &none, 1, 0),
              "E TypeError: int() argument must be a string, a bytes-like object or a real "
              "number, not 'NoneType'");

    /* int(bytes), float(bytes) quote the bytes object (python3) */
    BytesObject *bo = (BytesObject *)rt_new_object(&rt_bytes_type, sizeof(BytesObject) + 4);
    bo->size = 3;
    bo->hash = -1;
    memcpy(bo->data, " 1x", 4);
    Value bv = rt_val(bo);
    CHECK_STR(rt_int_type.new_(&rt_int_type, &bv, 1, 0),
              "E ValueError: invalid literal for int() with base 10: b' 1x'");
    CHECK_STR(rt_float_type.new_(&rt_float_type, &bv, 1, 0),
              "E ValueError: could not convert string to float: b' 1x'");
    bo->size = 2;
    CHECK(rt_int_type.new_(&rt_int_type, &bv, 1, 0) == rt_small(1));
    memcpy(bo->data, "\xff", 2);
    bo->size = 1;
    CHECK_STR(rt_int_type.new_(&rt_int_type, &bv, 1, 0),
              "E ValueError: invalid literal for int() with base 10: b'\\xff'");

    /* keyword arguments of the constructors (python3) */
    Value kw_base = rt_tuple_from((Value[]){S("base")}, 1);
    Value kw_x = rt_tuple_from((Value[]){S("x")}, 1);
    Value kw_ri = rt_tuple_from((Value[]){S("real"), S("imag")}, 2);
    Value kw_foo = rt_tuple_from((Value[]){S("foo")}, 1);
    CHECK(rt_int_type.new_(&rt_int_type, (Value[]){S("ff"), rt_small(16)}, 1, kw_base) ==
          rt_small(255));
    CHECK_STR(rt_int_type.new_(&rt_int_type, (Value[]){S("1")}, 0, kw_x),
              "E TypeError: 'x' is an invalid keyword argument for int()");
    CHECK_STR(rt_int_type.new_(&rt_int_type, (Value[]){S("1"), rt_small(2), rt_small(3)}, 3, 0),
              "E TypeError: int() takes at most 2 arguments (3 given)");
    CHECK_STR(rt_int_type.new_(&rt_int_type, (Value[]){rt_small(2)}, 0, kw_base),
              "E TypeError: int() missing string argument");
    CHECK_STR(rt_int_type.new_(&rt_int_type, (Value[]){S("1"), rt_float(1.5)}, 1, kw_base),
              "E TypeError: 'float' object cannot be interpreted as an integer");
    CHECK_STR(rt_int_type.new_(&rt_int_type, (Value[]){S("1"), rt_int_lshift(rt_small(1), rt_small(70))}, 2, 0),
              "E ValueError: int() base must be >= 2 and <= 36, or 0");
    CHECK_STR(rt_core_repr(rt_complex_type.new_(&rt_complex_type, (Value[]){rt_small(1), rt_small(2)}, 0, kw_ri)),
              "(1+2j)");
    CHECK_STR(rt_complex_type.new_(&rt_complex_type, (Value[]){rt_small(1), rt_small(2)}, 1, kw_foo),
              "E TypeError: 'foo' is an invalid keyword argument for complex()");
    CHECK_STR(rt_ValueError->new_(rt_ValueError, (Value[]){rt_small(1)}, 0, kw_x),
              "E TypeError: ValueError() takes no keyword arguments");
    CHECK_STR(rt_float_type.new_(&rt_float_type, (Value[]){rt_small(1)}, 0, kw_x),
              "E TypeError: float() takes no keyword arguments");
    CHECK_STR(rt_float_type.new_(&rt_float_type, (Value[]){rt_small(1), rt_small(2)}, 2, 0),
              "E TypeError: float expected at most 1 argument, got 2");

    /* floats */
    CHECK_STR(rt_float_hex(rt_float(3.0)), "0x1.8000000000000p+1");
    CHECK_STR(rt_float_hex(rt_float(-0.0)), "-0x0.0p+0");
    CHECK_STR(rt_float_hex(rt_float(5e-324)), "0x0.0000000000001p-1022");
    CHECK_STR(rt_float_hex(rt_float(1.0 / 0.0)), "inf");
    CHECK(rt_float_is_integer(rt_float(2.0)) == rt_True);
    CHECK(rt_float_is_integer(rt_float(2.5)) == rt_False);
    CHECK(rt_float_is_integer(rt_float(1.0 / 0.0)) == rt_False);
    TupleObject *r = (TupleObject *)rt_obj(rt_float_as_integer_ratio(rt_float(0.75)));
    CHECK(r->items[0] == rt_small(3) && r->items[1] == rt_small(4));
    r = (TupleObject *)rt_obj(rt_float_as_integer_ratio(rt_float(-2.0)));
    CHECK(r->items[0] == rt_small(-2) && r->items[1] == rt_small(1));
    CHECK_STR(rt_float_as_integer_ratio(rt_float(1.0 / 0.0)),
              "E OverflowError: cannot convert Infinity to integer ratio");
    Value sf = S(" -1_0.5e1 ");
    CHECK_STR(rt_core_repr(rt_float_type.new_(&rt_float_type, &sf, 1, 0)), "-105.0");
    CHECK_STR(rt_float_type.new_(&rt_float_type, &none, 1, 0),
              "E TypeError: float() argument must be a string or a real number, not 'NoneType'");
    CHECK_STR(rt_float_pow(rt_float(10.0), rt_float(400.0), rt_None),
              "E OverflowError: (34, 'Numerical result out of range')");
    CHECK_STR(rt_core_repr(rt_float_pow(rt_float(-8.0), rt_float(1.0 / 3), rt_None)),
              "(1.0000000000000002+1.7320508075688772j)");
    CHECK_STR(rt_float_pow(rt_float(2.0), rt_float(3.0), rt_small(4)),
              "E TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    CHECK_STR(rt_int_pow3(rt_small(2), rt_small(3), rt_float(4.0)),
              "E TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    CHECK_STR(rt_int_pow(rt_small(0), rt_small(-1)),
              "E ZeroDivisionError: 0.0 cannot be raised to a negative power");
    CHECK_STR(rt_int_lshift(rt_small(1), rt_int_lshift(rt_small(1), rt_small(63))),
              "E MemoryError: ");
    CHECK_STR(rt_core_repr(rt_float_round(rt_float(2.675), rt_small(2))), "2.67");
    CHECK_STR(rt_float_round(rt_float(1.7e308), rt_small(-308)),
              "E OverflowError: rounded value too large to represent");

    /* complex repr corner cases (python3) */
    CHECK_STR(rt_core_repr(rt_complex(-0.0, -0.0)), "(-0-0j)");
    CHECK_STR(rt_core_repr(rt_complex(0.0, -0.0)), "-0j");
    CHECK_STR(rt_core_repr(rt_complex(0.0, 1.0 / 0.0)), "infj");
    CHECK_STR(rt_core_repr(rt_complex(0.0 / 0.0, 0.0 / 0.0)), "(nan+nanj)");
    CHECK_STR(rt_core_repr(rt_complex(1e16, 1.5)), "(1e+16+1.5j)");
    CHECK_STR(rt_complex_type.nb.truediv(rt_complex(1, 1), rt_complex(0, 0)),
              "E ZeroDivisionError: complex division by zero");
    CHECK_STR(rt_complex_type.nb.pow(rt_complex(1e300, 0), rt_small(2), rt_None),
              "E OverflowError: complex exponentiation");
    CHECK(rt_complex_type.richcompare(rt_complex(2, 0), rt_small(2), RT_EQ) == rt_True);
    CHECK(rt_complex_type.richcompare(rt_complex(2, 0), rt_small(2), RT_LT) == rt_NotImplemented);
    CHECK(rt_complex_type.hash(rt_complex(2, 0)) == 2);

    /* complex() (python3) */
    Value ca[2] = {rt_float(1.0), rt_float(-0.0)};
    CHECK_STR(rt_core_repr(rt_complex_type.new_(&rt_complex_type, ca, 2, 0)), "(1-0j)");
    ca[0] = rt_complex(0, 1);
    ca[1] = rt_complex(0, 2);
    CHECK_STR(rt_core_repr(rt_complex_type.new_(&rt_complex_type, ca, 2, 0)), "(-2+1j)");
    CHECK_STR(rt_core_repr(rt_complex_type.new_(&rt_complex_type, ca, 0, 0)), "0j");
    ca[0] = S("1");
    CHECK_STR(rt_complex_type.new_(&rt_complex_type, ca, 2, 0),
              "E TypeError: complex() can't take second arg if first is a string");
    ca[0] = rt_small(1);
    ca[1] = S("2");
    CHECK_STR(rt_complex_type.new_(&rt_complex_type, ca, 2, 0),
              "E TypeError: complex() second arg can't be a string");
    ca[0] = rt_None;
    CHECK_STR(rt_complex_type.new_(&rt_complex_type, ca, 1, 0),
              "E TypeError: complex() first argument must be a string or a number, not "
              "'NoneType'");
    ca[0] = S("1__0j");
    CHECK_STR(rt_complex_type.new_(&rt_complex_type, ca, 1, 0),
              "E ValueError: could not convert string to complex: '1__0j'");
    CHECK_STR(rt_core_repr(rt_int_round(rt_small(25), rt_small(-1))), "20");
    CHECK_STR(rt_core_repr(rt_int_round(rt_small(12345), rt_int_from_i64(-1000000000000))), "0");
    CHECK_STR(rt_float_fromhex(S("0x1p1024")),
              "E OverflowError: hexadecimal value too large to represent as a float");

    /* format() dispatch */
    CHECK_STR(rt_format(rt_small(255), S("#x")), "0xff");
    CHECK_STR(rt_format(rt_float(0.5), S(".1%")), "50.0%");
    CHECK_STR(rt_format(rt_None, S("")), "None");
    CHECK_STR(rt_format(rt_None, S("x")),
              "E TypeError: unsupported format string passed to NoneType.__format__");
    CHECK_STR(rt_format(rt_small(1), rt_small(2)),
              "E TypeError: format() argument 2 must be str, not int");
}

/* The pending exception lives in thread-local storage, which the collector does not scan:
 * it must survive collections anyway. */
static void test_gc_roots(void)
{
    rt_raise_str(rt_ValueError, "kept alive");
    Value h = rt_exc_handler_enter(0);
    rt_exc_handler_leave(h);
    for (int round = 0; round < 3; round++) {
        rt_gc_collect();
        for (int i = 0; i < 200000; i++)   /* reuse any freed block of the same size */
            ((ExcObject *)rt_new_object(&rt_float_type, sizeof(ExcObject)))->args = rt_small(7);
    }
    Value e = rt_exc_fetch();
    CHECK(e && rt_typeof(e) == rt_ValueError);
    CHECK_STR(e ? rt_core_str(e) : rt_str_from_cstr("?"), "kept alive");
}

/* A big allocation soon after start-up grows the heap instead of collecting (alloc.c
 * grow_for_big): no collection runs for a 24 MB list that does not fit the starting heap, and
 * the object is usable.  Then a loop of big temporary buffers must not grow the heap without
 * bound: once the live size has been allocated, the collector collects again. */
#if !defined(RT_GC_MALLOC) && !defined(RT_GC_STRESS)
#include <gc.h>
#include <gmp.h>
#define CHECK_QUIET(cond) ((cond) ? (void)0 : (void)failed++)
static void test_big_alloc(void)
{
    rt_gc_collect();
    /* some small objects since the collection, as a program has made before its big list:
     * with them the collector would collect for the big request */
    for (int i = 0; i < 20000; i++)
        CHECK_QUIET(rt_new_object(&rt_float_type, 48) != NULL);
    size_t before = GC_get_heap_size();
    GC_word gcs = GC_get_gc_no();
    size_t n = before + ((size_t)16 << 20);
    Value *big = rt_alloc(n);
    CHECK(big != NULL);
    CHECK(GC_get_gc_no() == gcs);
    CHECK(GC_get_heap_size() >= before + n);
    if (big) {
        big[0] = rt_small(1);
        big[n / sizeof(Value) - 1] = rt_small(2);
        CHECK(big[0] == rt_small(1) && big[n / sizeof(Value) - 1] == rt_small(2));
    }
    big = NULL;
    size_t grown = GC_get_heap_size();
    for (int i = 0; i < 200; i++) {
        char *tmp = rt_alloc_atomic((size_t)4 << 20);
        CHECK(tmp != NULL);
        if (tmp)
            tmp[0] = 1;
    }
    CHECK(GC_get_gc_no() > gcs);
    /* 800 MB went through buffers that lived one step each */
    CHECK(GC_get_heap_size() < grown + ((size_t)64 << 20));
}

/* Block churn (alloc.c's block runs): every path that takes new blocks from the collector
 * (scanned and pointer-free small objects, mid-size objects, GMP limbs, reallocations) makes
 * garbage of 4 KiB blocks by the thousand while a few objects of each kind stay alive across
 * the collections this causes.  The kept objects must be intact, collections must happen and
 * the heap must stay bounded (the free-block runs the allocator keeps are a few blocks). */
static void test_block_churn(void)
{
    rt_gc_collect();
    GC_word gcs = GC_get_gc_no();
    size_t before = GC_get_heap_size();
    enum { KEEP = 64 };
    Value *kept = rt_alloc(KEEP * sizeof(Value));
    char *bufs[KEEP];
    CHECK(kept != NULL);
    if (!kept)
        return;
    for (int i = 0; i < KEEP; i++)
        bufs[i] = NULL;
    mpz_t z;
    mpz_init_set_ui(z, 1);
    for (long i = 0; i < 400000; i++) {
        size_t n = 16 + (size_t)(i % 97) * 24;   /* small and mid-size, 16..2320 bytes */
        Value *o = rt_alloc(n);
        char *a = rt_alloc_atomic(n + 7);
        CHECK_QUIET(o != NULL && a != NULL);
        if (!o || !a)
            break;
        o[0] = rt_small(i);
        a[0] = (char)i;
        if (i % 6007 == 0) {
            int k = (int)(i / 6007) % KEEP;
            kept[k] = rt_val(o);
            bufs[k] = rt_realloc(a, n + 4096);   /* a reallocation that moves it */
            CHECK_QUIET(bufs[k] != NULL && bufs[k][0] == (char)i);
            o[1] = rt_small(-i);
        }
        if (i % 1000 == 0) {
            /* GMP's limbs: grow a big number past 2**63 and back */
            mpz_mul_2exp(z, z, 4000);
            mpz_add_ui(z, z, (unsigned long)i);
            mpz_tdiv_q_2exp(z, z, 3990);
        }
    }
    CHECK(GC_get_gc_no() > gcs + 2);
    int intact = 1;
    for (int i = 0; i < KEEP; i++) {
        if (kept[i] == 0)
            continue;
        Value *o = (Value *)rt_obj(kept[i]);
        if (o[1] != rt_small(-rt_small_val(o[0])))
            intact = 0;
        if (bufs[i] && bufs[i][0] != (char)rt_small_val(o[0]))
            intact = 0;
    }
    CHECK(intact);
    CHECK(mpz_sizeinbase(z, 2) > 64);
    mpz_clear(z);
    /* about 1.2 GB went through objects that lived one step each */
    CHECK(GC_get_heap_size() < before + ((size_t)48 << 20));
}
#else
static void test_big_alloc(void) {}
static void test_block_churn(void) {}
#endif

int main(void)
{
    rt_init();
    rt_init();   /* idempotent */
    test_objects();
    test_hierarchy();
    test_raise();
    test_exc_kinds();
    test_tracebacks();
    test_numbers();
    test_gc_roots();
    test_big_alloc();
    test_block_churn();
    CHECK(rt_exc_pending() == 0);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
