/*
 * test_faults.c - out-of-memory fault injection: every allocation of a set of core operations
 * is made to fail in turn (rt_alloc_fail_after), and each time the operation must either
 * succeed or return its error marker with an exception pending, never crash or return a
 * result with an exception set.  Last line: "N passed, N failed".
 */
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"

static int passed, failed;

static Value S(const char *s) { return rt_str_from_cstr(s); }

/* inputs are built before the faults start: only the operations themselves are tested */
static Value big;      /* a few thousand digits */
static Value v_f01, v_f2675, v_f123, v_fneg, v_fbig, v_c1, v_c2, v_exc2, v_items;
static Value v_s1, v_s2, v_s3, v_s4, v_s5, v_s6, v_s7, v_s8, v_s9, v_s10, v_s11;
static Value group_exc;

static Value op_int_str(void) { return rt_int_to_str(big, 10); }
static Value op_int_hex(void) { return rt_int_to_str(big, 16); }
static Value op_int_mul(void) { return rt_int_mul(big, big); }
static Value op_int_divmod(void) { return rt_int_divmod(big, rt_small(-7)); }
static Value big3;
static Value op_int_truediv(void) { return rt_int_truediv(big, big3); }
static Value op_int_parse(void) { return rt_int_from_str(" -1_234_567_890_123_456_789_012 ", 32, 0); }
static Value op_int_parse_bad(void) { return rt_int_from_str("12x", 3, 10); }
static Value op_float_parse(void) { return rt_float_from_str(" 1_000.5e-3 ", 12); }
static Value op_float_parse_bad(void) { return rt_float_from_str("1..5", 4); }
static Value op_float_repr(void) { return rt_core_repr(v_f01); }
static Value op_float_round(void) { return rt_float_round(v_f2675, rt_small(2)); }
static Value op_float_round_neg(void) { return rt_float_round(v_f123, rt_small(-2)); }
static Value op_float_ratio(void) { return rt_float_as_integer_ratio(v_f01); }
static Value op_fmt_int(void) { return rt_format_int(big, v_s1); }
static Value op_fmt_int2(void) { return rt_format_int(rt_small(1234567), v_s2); }
static Value op_fmt_float(void) { return rt_format_float(v_fneg, v_s3); }
static Value op_fmt_float2(void) { return rt_format_float(v_fbig, v_s4); }
static Value op_fmt_float3(void) { return rt_format_float(v_f01, v_s5); }
static Value op_fmt_complex(void) { return rt_format_complex(v_c1, v_s6); }
static Value op_fmt_bad(void) { return rt_format_int(rt_small(1), v_s7); }
static Value op_raise_fmt(void) { return rt_raise_fmt(rt_ValueError, "%R and %S %d", v_s8, big, 5); }
static Value op_exc_str(void) { return rt_core_str(v_exc2); }
static Value op_oserror(void) { return rt_raise_errno(2, v_s9); }
static Value op_group(void) { return rt_exc_group_new(rt_BaseExceptionGroup, v_s10, v_items); }
static Value op_complex_parse(void) { return rt_complex_type.new_(&rt_complex_type, &v_s11, 1, 0); }
static Value op_complex_repr(void) { return rt_core_repr(v_c2); }
static Value op_print(void)
{
    char buf[8192];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    rt_print_exception_to(f, group_exc);
    fclose(f);
    return rt_None;
}

static const struct {
    const char *name;
    Value (*fn)(void);
} ops[] = {
    {"str(big)", op_int_str}, {"hex(big)", op_int_hex}, {"big*big", op_int_mul},
    {"divmod", op_int_divmod}, {"int truediv", op_int_truediv}, {"int(str)", op_int_parse},
    {"int(bad)", op_int_parse_bad}, {"float(str)", op_float_parse},
    {"float(bad)", op_float_parse_bad}, {"repr(float)", op_float_repr},
    {"round", op_float_round}, {"round neg", op_float_round_neg}, {"ratio", op_float_ratio},
    {"format int", op_fmt_int}, {"format int 2", op_fmt_int2}, {"format float", op_fmt_float},
    {"format float 2", op_fmt_float2}, {"format float 3", op_fmt_float3},
    {"format complex", op_fmt_complex}, {"format bad", op_fmt_bad},
    {"raise_fmt", op_raise_fmt}, {"exc str", op_exc_str}, {"oserror", op_oserror},
    {"group", op_group}, {"complex(str)", op_complex_parse}, {"repr(complex)", op_complex_repr},
    {"print exception", op_print},
};

int main(void)
{
    rt_init();
    big = rt_int_sub(rt_int_pow(rt_small(7), rt_small(3000)), rt_small(1));
    big3 = rt_int_add(big, rt_small(3));
    v_f01 = rt_float(0.1);
    v_f2675 = rt_float(2.675);
    v_f123 = rt_float(123456.5);
    v_fneg = rt_float(-1234.5678);
    v_fbig = rt_float(1e300);
    v_c1 = rt_complex(1.5, -2);
    v_c2 = rt_complex(-0.0, 1e20);
    v_exc2 = rt_exc_new(rt_ValueError, (Value[]){S("a"), S("b")}, 2);
    Value pair[2] = {rt_exc_new(rt_ValueError, NULL, 0), rt_exc_new(rt_KeyError, NULL, 0)};
    v_items = rt_tuple_from(pair, 2);
    v_s1 = S("_>+#40_x");
    v_s2 = S("012,");
    v_s3 = S("*^+30,.3f");
    v_s4 = S(".5e");
    v_s5 = S("");
    v_s6 = S("^30.2f");
    v_s7 = S(",s");
    v_s8 = S("x");
    v_s9 = S("f");
    v_s10 = S("g");
    v_s11 = S(" (1_0.5-2j) ");
    Value items[2] = {rt_exc_new(rt_ValueError, (Value[]){S("v")}, 1),
                      rt_exc_new(rt_KeyError, (Value[]){S("k")}, 1)};
    group_exc = rt_exc_group_new(rt_ExceptionGroup, S("g"), rt_tuple_from(items, 2));
    static const FrameInfo fi = {"f", "x.py", "x = 1\nraise g\n"};
    rt_raise(group_exc);
    rt_traceback_add(&fi, 2);
    rt_exc_fetch();
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        int bad = 0, injected = 0;
        for (int64_t n = 1; n < 10000; n++) {
            rt_alloc_fail_after = n;
            Value r = ops[k].fn();
            int hit = rt_alloc_fail_after == 0;
            rt_alloc_fail_after = 0;
            Value e = rt_exc_fetch();
            /* a result and an exception are exclusive; a failure must leave an exception */
            if ((r && e && ops[k].fn != op_print) || (!r && !e)) {
                bad++;
                printf("FAIL %s: allocation %lld: result %s, exception %s\n", ops[k].name,
                       (long long)n, r ? "set" : "missing", e ? rt_type_name(e) : "none");
            }
            if (!hit)
                break;   /* the operation finished before the n-th allocation */
            injected++;
        }
        if (bad)
            failed++;
        else
            passed++;
        if (injected == 0) {
            failed++;
            printf("FAIL %s: allocates nothing?\n", ops[k].name);
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
