/*
 * test_excgroup.c - exception groups: construction rules and CPython 3.11's drawing of them in
 * tracebacks (nesting, width and depth limits, chaining around a group).  The expected texts
 * are python3's stderr for the programs quoted before each test.  Last line: "N passed, N failed".
 */
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"

static int passed, failed;

static void check_text(int line, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d:\n--- want\n%s--- got\n%s---\n", line, want, got);
    }
}

/* the str of a value, or "E Type: message" of the pending exception when v is RT_ERR */
static const char *text(Value v)
{
    static char buf[4096];
    if (!v) {
        Value e = rt_exc_fetch();
        Value s = rt_core_str(e);
        snprintf(buf, sizeof buf, "E %s: %.*s", rt_type_name(e), (int)rt_str_nbytes(s),
                 rt_str_bytes(s));
    } else {
        snprintf(buf, sizeof buf, "%.*s", (int)rt_str_nbytes(v), rt_str_bytes(v));
    }
    return buf;
}

static char *printed(Value exc)
{
    static char buf[1 << 16];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    rt_print_exception_to(f, exc);
    fclose(f);
    return buf;
}

static Value S(const char *s) { return rt_str_from_cstr(s); }

static Value exc1(Type *t, Value arg) { return rt_exc_new(t, &arg, 1); }

static Value group(const char *msg, Value *items, int64_t n)
{
    return rt_exc_group_new(rt_ExceptionGroup, S(msg), rt_tuple_from(items, n));
}

static void test_construction(void)
{
    Value one = exc1(rt_ValueError, rt_small(1));
    Value g = rt_exc_group_new(rt_BaseExceptionGroup, S("m"), rt_tuple_from(&one, 1));
    check_text(__LINE__, rt_type_name(g), "ExceptionGroup");
    check_text(__LINE__, text(rt_core_str(g)), "m (1 sub-exception)");
    Value two[2] = {one, one};
    check_text(__LINE__, text(rt_core_str(group("m", two, 2))), "m (2 sub-exceptions)");
    Value ki = rt_exc_new(rt_KeyboardInterrupt, NULL, 0);
    g = rt_exc_group_new(rt_BaseExceptionGroup, S("x"), rt_tuple_from(&ki, 1));
    check_text(__LINE__, rt_type_name(g), "BaseExceptionGroup");
    check_text(__LINE__, text(rt_exc_group_new(rt_ExceptionGroup, S("m"), rt_tuple_from(&ki, 1))),
               "E TypeError: Cannot nest BaseExceptions in an ExceptionGroup");
    check_text(__LINE__, text(rt_exc_group_new(rt_ExceptionGroup, S("m"), rt_tuple_from(NULL, 0))),
               "E ValueError: second argument (exceptions) must be a non-empty sequence");
    check_text(__LINE__, text(rt_exc_group_new(rt_ExceptionGroup, rt_small(1), rt_tuple_from(&one, 1))),
               "E TypeError: BaseExceptionGroup.__new__() argument 1 must be str, not int");
    Value notexc = rt_small(1);
    check_text(__LINE__, text(rt_exc_group_new(rt_ExceptionGroup, S("m"), rt_tuple_from(&notexc, 1))),
               "E ValueError: Item 0 of second argument (exceptions) is not an exception");
    check_text(__LINE__, text(rt_exc_group_new(rt_ExceptionGroup, S("m"), one)),
               "E TypeError: second argument (exceptions) must be a sequence");
    Value m = S("m");
    check_text(__LINE__, text(rt_ExceptionGroup->new_(rt_ExceptionGroup, &m, 1, 0)),
               "E TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)");
    g = group("m", &one, 1);
    check_text(__LINE__, text(rt_exc_getattr(g, "message")), "m");
    Value ex = rt_exc_getattr(g, "exceptions");
    check_text(__LINE__, ((TupleObject *)rt_obj(ex))->items[0] == one ? "same" : "other", "same");
}

/* /tmp/tb/eg.py:
 *   def f():
 *       raise ValueError("v")
 *   def g():
 *       try:
 *           f()
 *       except ValueError as e:
 *           ve = e
 *       raise ExceptionGroup("many", [ve, TypeError("t"), ExceptionGroup("inner", [KeyError("k")])])
 *   g()
 */
static const char eg_src[] =
    "def f():\n    raise ValueError(\"v\")\ndef g():\n    try:\n        f()\n"
    "    except ValueError as e:\n        ve = e\n"
    "    raise ExceptionGroup(\"many\", [ve, TypeError(\"t\"), ExceptionGroup(\"inner\", [KeyError(\"k\")])])\n"
    "g()\n";

static void test_nested(void)
{
    static const FrameInfo f = {"f", "/tmp/tb/eg.py", eg_src}, g = {"g", "/tmp/tb/eg.py", eg_src},
                           m = {"<module>", "/tmp/tb/eg.py", eg_src};
    static const TracebackPos call_f = {5, 8, 5, 11, -1, -1}, call_g = {9, 0, 9, 3, -1, -1};
    rt_raise(exc1(rt_ValueError, S("v")));
    rt_traceback_add(&f, 2);
    rt_traceback_add_at(&g, &call_f);
    Value ve = rt_exc_fetch();
    Value k = exc1(rt_KeyError, S("k"));
    Value members[3] = {ve, exc1(rt_TypeError, S("t")), group("inner", &k, 1)};
    rt_raise(group("many", members, 3));
    rt_traceback_add(&g, 8);
    rt_traceback_add_at(&m, &call_g);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "  + Exception Group Traceback (most recent call last):\n"
               "  |   File \"/tmp/tb/eg.py\", line 9, in <module>\n"
               "  |     g()\n"
               "  |   File \"/tmp/tb/eg.py\", line 8, in g\n"
               "  |     raise ExceptionGroup(\"many\", [ve, TypeError(\"t\"), ExceptionGroup(\"inner\", [KeyError(\"k\")])])\n"
               "  | ExceptionGroup: many (3 sub-exceptions)\n"
               "  +-+---------------- 1 ----------------\n"
               "    | Traceback (most recent call last):\n"
               "    |   File \"/tmp/tb/eg.py\", line 5, in g\n"
               "    |     f()\n"
               "    |   File \"/tmp/tb/eg.py\", line 2, in f\n"
               "    |     raise ValueError(\"v\")\n"
               "    | ValueError: v\n"
               "    +---------------- 2 ----------------\n"
               "    | TypeError: t\n"
               "    +---------------- 3 ----------------\n"
               "    | ExceptionGroup: inner (1 sub-exception)\n"
               "    +-+---------------- 1 ----------------\n"
               "      | KeyError: 'k'\n"
               "      +------------------------------------\n");
}

/* raise ExceptionGroup("wide", [ValueError(i) for i in range(18)]) */
static void test_wide(void)
{
    static const char src[] = "raise ExceptionGroup(\"wide\", [ValueError(i) for i in range(18)])\n";
    static const FrameInfo m = {"<module>", "/tmp/tb/egw.py", src};
    Value items[18];
    for (int i = 0; i < 18; i++)
        items[i] = exc1(rt_ValueError, rt_small(i));
    rt_raise(group("wide", items, 18));
    rt_traceback_add(&m, 1);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "  + Exception Group Traceback (most recent call last):\n"
               "  |   File \"/tmp/tb/egw.py\", line 1, in <module>\n"
               "  |     raise ExceptionGroup(\"wide\", [ValueError(i) for i in range(18)])\n"
               "  | ExceptionGroup: wide (18 sub-exceptions)\n"
               "  +-+---------------- 1 ----------------\n"
               "    | ValueError: 0\n"
               "    +---------------- 2 ----------------\n"
               "    | ValueError: 1\n"
               "    +---------------- 3 ----------------\n"
               "    | ValueError: 2\n"
               "    +---------------- 4 ----------------\n"
               "    | ValueError: 3\n"
               "    +---------------- 5 ----------------\n"
               "    | ValueError: 4\n"
               "    +---------------- 6 ----------------\n"
               "    | ValueError: 5\n"
               "    +---------------- 7 ----------------\n"
               "    | ValueError: 6\n"
               "    +---------------- 8 ----------------\n"
               "    | ValueError: 7\n"
               "    +---------------- 9 ----------------\n"
               "    | ValueError: 8\n"
               "    +---------------- 10 ----------------\n"
               "    | ValueError: 9\n"
               "    +---------------- 11 ----------------\n"
               "    | ValueError: 10\n"
               "    +---------------- 12 ----------------\n"
               "    | ValueError: 11\n"
               "    +---------------- 13 ----------------\n"
               "    | ValueError: 12\n"
               "    +---------------- 14 ----------------\n"
               "    | ValueError: 13\n"
               "    +---------------- 15 ----------------\n"
               "    | ValueError: 14\n"
               "    +---------------- ... ----------------\n"
               "    | and 3 more exceptions\n"
               "    +------------------------------------\n");
}

/* eg = ValueError(0)
 * for i in range(11):
 *     eg = ExceptionGroup("d%d" % i, [eg, KeyError(i)])
 * raise eg */
static void test_deep(void)
{
    static const char src[] = "eg = ValueError(0)\nfor i in range(11):\n"
                              "    eg = ExceptionGroup(\"d%d\" % i, [eg, KeyError(i)])\nraise eg\n";
    static const FrameInfo m = {"<module>", "/tmp/tb/egd.py", src};
    Value eg = exc1(rt_ValueError, rt_small(0));
    for (int i = 0; i < 11; i++) {
        char name[8];
        snprintf(name, sizeof name, "d%d", i);
        Value pair[2] = {eg, exc1(rt_KeyError, rt_small(i))};
        eg = group(name, pair, 2);
    }
    rt_raise(eg);
    rt_traceback_add(&m, 4);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "  + Exception Group Traceback (most recent call last):\n"
               "  |   File \"/tmp/tb/egd.py\", line 4, in <module>\n"
               "  |     raise eg\n"
               "  | ExceptionGroup: d10 (2 sub-exceptions)\n"
               "  +-+---------------- 1 ----------------\n"
               "    | ExceptionGroup: d9 (2 sub-exceptions)\n"
               "    +-+---------------- 1 ----------------\n"
               "      | ExceptionGroup: d8 (2 sub-exceptions)\n"
               "      +-+---------------- 1 ----------------\n"
               "        | ExceptionGroup: d7 (2 sub-exceptions)\n"
               "        +-+---------------- 1 ----------------\n"
               "          | ExceptionGroup: d6 (2 sub-exceptions)\n"
               "          +-+---------------- 1 ----------------\n"
               "            | ExceptionGroup: d5 (2 sub-exceptions)\n"
               "            +-+---------------- 1 ----------------\n"
               "              | ExceptionGroup: d4 (2 sub-exceptions)\n"
               "              +-+---------------- 1 ----------------\n"
               "                | ExceptionGroup: d3 (2 sub-exceptions)\n"
               "                +-+---------------- 1 ----------------\n"
               "                  | ExceptionGroup: d2 (2 sub-exceptions)\n"
               "                  +-+---------------- 1 ----------------\n"
               "                    | ExceptionGroup: d1 (2 sub-exceptions)\n"
               "                    +-+---------------- 1 ----------------\n"
               "                      | ... (max_group_depth is 10)\n"
               "                      +---------------- 2 ----------------\n"
               "                      | KeyError: 1\n"
               "                      +------------------------------------\n"
               "                    +---------------- 2 ----------------\n"
               "                    | KeyError: 2\n"
               "                    +------------------------------------\n"
               "                  +---------------- 2 ----------------\n"
               "                  | KeyError: 3\n"
               "                  +------------------------------------\n"
               "                +---------------- 2 ----------------\n"
               "                | KeyError: 4\n"
               "                +------------------------------------\n"
               "              +---------------- 2 ----------------\n"
               "              | KeyError: 5\n"
               "              +------------------------------------\n"
               "            +---------------- 2 ----------------\n"
               "            | KeyError: 6\n"
               "            +------------------------------------\n"
               "          +---------------- 2 ----------------\n"
               "          | KeyError: 7\n"
               "          +------------------------------------\n"
               "        +---------------- 2 ----------------\n"
               "        | KeyError: 8\n"
               "        +------------------------------------\n"
               "      +---------------- 2 ----------------\n"
               "      | KeyError: 9\n"
               "      +------------------------------------\n"
               "    +---------------- 2 ----------------\n"
               "    | KeyError: 10\n"
               "    +------------------------------------\n");
}

/* try:
 *     try:
 *         raise ValueError("inner")
 *     except ValueError:
 *         raise ExceptionGroup("g", [TypeError("t")])
 * except ExceptionGroup as e:
 *     raise RuntimeError("outer") from e */
static void test_chained(void)
{
    static const char src[] = "try:\n    try:\n        raise ValueError(\"inner\")\n"
                              "    except ValueError:\n"
                              "        raise ExceptionGroup(\"g\", [TypeError(\"t\")])\n"
                              "except ExceptionGroup as e:\n"
                              "    raise RuntimeError(\"outer\") from e\n";
    static const FrameInfo m = {"<module>", "/tmp/tb/eg4.py", src};
    rt_raise(exc1(rt_ValueError, S("inner")));
    rt_traceback_add(&m, 3);
    Value inner = rt_exc_fetch();
    Value prev = rt_exc_handler_enter(inner);
    Value t = exc1(rt_TypeError, S("t"));
    rt_raise(group("g", &t, 1));
    rt_traceback_add(&m, 5);
    rt_exc_handler_leave(prev);
    Value g = rt_exc_fetch();
    prev = rt_exc_handler_enter(g);
    rt_raise_from(exc1(rt_RuntimeError, S("outer")), g);
    rt_traceback_add(&m, 7);
    rt_exc_handler_leave(prev);
    check_text(__LINE__, printed(rt_exc_fetch()),
               "Traceback (most recent call last):\n"
               "  File \"/tmp/tb/eg4.py\", line 3, in <module>\n"
               "    raise ValueError(\"inner\")\n"
               "ValueError: inner\n"
               "\n"
               "During handling of the above exception, another exception occurred:\n"
               "\n"
               "  + Exception Group Traceback (most recent call last):\n"
               "  |   File \"/tmp/tb/eg4.py\", line 5, in <module>\n"
               "  |     raise ExceptionGroup(\"g\", [TypeError(\"t\")])\n"
               "  | ExceptionGroup: g (1 sub-exception)\n"
               "  +-+---------------- 1 ----------------\n"
               "    | TypeError: t\n"
               "    +------------------------------------\n"
               "\n"
               "The above exception was the direct cause of the following exception:\n"
               "\n"
               "Traceback (most recent call last):\n"
               "  File \"/tmp/tb/eg4.py\", line 7, in <module>\n"
               "    raise RuntimeError(\"outer\") from e\n"
               "RuntimeError: outer\n");
}

/* eg = BaseExceptionGroup('m', [ValueError(1), KeyboardInterrupt(),
 *                               ExceptionGroup('n', [TypeError(2), ValueError(3)])])
 * eg.__notes__ = ['note']; eg.__cause__ = KeyError('c'); eg.split(...) (python3) */
static void test_split(void)
{
    Value inner_items[2] = {exc1(rt_TypeError, rt_small(2)), exc1(rt_ValueError, rt_small(3))};
    Value items[3] = {exc1(rt_ValueError, rt_small(1)), rt_exc_new(rt_KeyboardInterrupt, NULL, 0),
                      group("n", inner_items, 2)};
    Value eg = rt_exc_group_new(rt_BaseExceptionGroup, S("m"), rt_list_from(items, 3));
    ((ExcObject *)rt_obj(eg))->notes = rt_list_from((Value[]){S("note")}, 1);
    rt_exc_setattr(eg, "__cause__", exc1(rt_KeyError, S("c")));
    Value m, r;
    check_text(__LINE__, rt_exc_group_split(eg, rt_val(rt_ValueError), &m, &r) == 0 ? "ok" : "err",
               "ok");
    check_text(__LINE__, text(rt_core_repr(m)),
               "ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [ValueError(3)])])");
    check_text(__LINE__, text(rt_core_repr(r)),
               "BaseExceptionGroup('m', [KeyboardInterrupt(), ExceptionGroup('n', [TypeError(2)])])");
    check_text(__LINE__, text(rt_core_repr(rt_exc_getattr(m, "__notes__"))), "['note']");
    check_text(__LINE__, text(rt_core_repr(rt_exc_getattr(m, "__cause__"))), "KeyError('c')");
    check_text(__LINE__, rt_exc_getattr(m, "__suppress_context__") == rt_True ? "True" : "False",
               "True");
    Value pair[2] = {rt_val(rt_TypeError), rt_val(rt_KeyboardInterrupt)};
    rt_exc_group_split(eg, rt_tuple_from(pair, 2), &m, &r);
    check_text(__LINE__, text(rt_core_repr(m)),
               "BaseExceptionGroup('m', [KeyboardInterrupt(), ExceptionGroup('n', [TypeError(2)])])");
    check_text(__LINE__, text(rt_core_repr(r)),
               "ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [ValueError(3)])])");
    rt_exc_group_split(eg, rt_val(rt_BaseExceptionGroup), &m, &r);
    check_text(__LINE__, m == eg && r == 0 ? "whole" : "split", "whole");
    rt_exc_group_split(eg, rt_val(rt_OSError), &m, &r);
    /* nothing matches: rest is a derived copy, not eg itself (python3: r is eg -> False) */
    check_text(__LINE__, m == 0 && r && r != eg ? "none" : "split", "none");
    check_text(__LINE__, rt_exc_group_split(eg, rt_small(5), &m, &r) == -1 ? text(RT_ERR) : "?",
               "E TypeError: expected a function, exception type or tuple of exception types");
    Value one = exc1(rt_ValueError, rt_small(0));
    Value g1 = group("x", &one, 1);
    rt_exc_group_split(g1, rt_val(rt_ValueError), &m, &r);
    check_text(__LINE__, m && m != g1 && r == 0 ? "new group" : "?", "new group");
}

int main(void)
{
    rt_init();
    test_construction();
    test_nested();
    test_wide();
    test_deep();
    test_chained();
    test_split();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
