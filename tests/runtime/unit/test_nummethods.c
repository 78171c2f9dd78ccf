/*
 * test_nummethods.c - the Python-visible methods and properties of int, float and complex
 * (rt_num.h, num_methods.def).  Expected values from python3.  Last line: "N passed, N failed".
 */
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "rt_num.h"
#include "rt_str.h"
#include "core.h"

static int passed, failed;

/* repr of v, or "E Type: message" of the pending exception when v is RT_ERR */
static void check(int line, Value v, const char *want)
{
    char buf[512];
    if (!v) {
        Value e = rt_exc_fetch();
        Value s = rt_core_str(e);
        snprintf(buf, sizeof buf, "E %s: %.*s", rt_type_name(e), (int)rt_str_nbytes(s),
                 rt_str_bytes(s));
    } else {
        Value r = rt_core_repr(v);
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

int main(void)
{
    rt_init();
    Value five = rt_small(5), cls = rt_val(&rt_int_type);
    CHECK(rt_int_to_bytes(five, 0, 0, 0), "b'\\x05'");
    CHECK(rt_int_to_bytes(five, rt_small(-1), S("big"), 0),
          "E ValueError: length argument must be non-negative");
    CHECK(rt_int_to_bytes(five, rt_small(2), S("mid"), 0),
          "E ValueError: byteorder must be either 'little' or 'big'");
    CHECK(rt_int_to_bytes(five, rt_small(2), five, 0),
          "E TypeError: to_bytes() argument 'byteorder' must be str, not int");
    CHECK(rt_int_to_bytes(five, rt_float(2.0), 0, 0),
          "E TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(rt_int_to_bytes(five, rt_small(2), S("little"), rt_True), "b'\\x05\\x00'");
    CHECK(rt_int_to_bytes(five, rt_small(1), S("big"), rt_None), "b'\\x05'");
    CHECK(rt_int_to_bytes(rt_small(0), rt_small(0), 0, 0), "b''");
    CHECK(rt_int_to_bytes(rt_small(1), rt_small(0), 0, 0), "E OverflowError: int too big to convert");
    CHECK(rt_int_to_bytes(rt_small(-1), rt_small(2), 0, 0),
          "E OverflowError: can't convert negative int to unsigned");
    Value l12 = rt_list_from((Value[]){rt_small(1), rt_small(2)}, 2);
    CHECK(rt_int_from_bytes(cls, l12, S("little"), 0), "513");
    CHECK(rt_int_from_bytes(cls, S("ab"), 0, 0), "E TypeError: cannot convert 'str' object to bytes");
    CHECK(rt_int_from_bytes(cls, five, 0, 0), "E TypeError: cannot convert 'int' object to bytes");
    CHECK(rt_int_from_bytes(cls, rt_bytes_from("\xff", 1), 0, rt_True), "-1");
    CHECK(rt_int_from_bytes(cls, rt_bytes_from("", 0), S("big"), rt_True), "0");
    CHECK(rt_int_from_bytes(cls, rt_list_from((Value[]){rt_small(256)}, 1), 0, 0),
          "E ValueError: bytes must be in range(0, 256)");
    CHECK(rt_int_from_bytes(cls, rt_list_from((Value[]){rt_float(1.5)}, 1), 0, 0),
          "E TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(rt_int_m_round(five, rt_small(-1)), "0");
    CHECK(rt_int_m_round(rt_small(15), rt_small(-1)), "20");
    CHECK(rt_int_m_round(five, rt_float(1.0)), "E TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(rt_int_m_format(rt_small(1), five), "E TypeError: __format__() argument must be str, not int");
    CHECK(rt_int_m_format(rt_small(255), S("#06x")), "'0x00ff'");
    CHECK(rt_int_get_real(five), "5");
    CHECK(rt_int_get_denominator(five), "1");
    CHECK(rt_int_get_numerator(rt_True), "1");
    CHECK(rt_int_conjugate(rt_True), "1");
    CHECK(rt_int_get_imag(five), "0");

    CHECK(rt_float_m_round(rt_float(2.5), 0), "2");
    CHECK(rt_float_m_round(rt_float(2.5), rt_None), "2");
    CHECK(rt_float_m_round(rt_float(2.5), rt_float(1.5)),
          "E TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(rt_float_m_floor(rt_float(2.5)), "2");
    CHECK(rt_float_m_ceil(rt_float(-2.5)), "-2");
    CHECK(rt_float_m_trunc(rt_float(-2.5)), "-2");
    CHECK(rt_float_m_ceil(rt_float(1.0 / 0.0)), "E OverflowError: cannot convert float infinity to integer");
    CHECK(rt_float_m_floor(rt_float(0.0 / 0.0)), "E ValueError: cannot convert float NaN to integer");
    CHECK(rt_float_m_fromhex(rt_val(&rt_float_type), S("0x1p1")), "2.0");
    CHECK(rt_float_m_format(rt_float(1.5), five), "E TypeError: __format__() argument must be str, not int");
    CHECK(rt_float_get_imag(rt_float(1.5)), "0.0");
    CHECK(rt_float_conjugate(rt_float(1.5)), "1.5");
    CHECK(rt_complex_conjugate(rt_complex(1, 2)), "(1-2j)");
    CHECK(rt_complex_get_real(rt_complex(1, 2)), "1.0");
    CHECK(rt_complex_m_format(rt_complex(0, 1), five),
          "E TypeError: __format__() argument must be str, not int");
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
