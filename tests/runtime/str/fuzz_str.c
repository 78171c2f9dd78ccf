/*
 * fuzz_str.c - libFuzzer target over the str/bytes runtime: decoding with every error handler,
 * encoding, printf-style formatting of str and bytes, str.format, format(str, spec), and a few
 * methods on the decoded text.  Crashes, sanitizer reports and broken invariants (a result
 * that is not well-formed generalised UTF-8 with the right length) are the findings.
 *
 * Build and run: tests/runtime/str/fuzz.sh [seconds]
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "rt_str.h"
#include "str_internal.h"

static const char *const handlers[] = {"strict", "ignore", "replace", "backslashreplace",
                                       "surrogateescape", "surrogatepass", "xmlcharrefreplace"};
static const char *const encodings[] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-be",
                                        "utf-32", "utf-32-be", "utf-8-sig"};

/* a str must be well formed: shortest-form sequences, counted length, NUL terminator */
static void check_str(Value v)
{
    if (!v) {
        rt_exc_fetch();
        return;
    }
    if (rt_typeof(v) != &rt_str_type) return;
    StrObject *s = RTS(v);
    if (s->data[s->size] != 0) abort();
    int64_t len = 0;
    for (int64_t i = 0; i < s->size;) {
        unsigned char c = (unsigned char)s->data[i];
        int n = rts_seqlen(c);
        if ((c & 0xC0) == 0x80 || i + n > s->size) abort();
        int m;
        uint32_t cp = rts_decode(s->data + i, &m);
        if (cp > 0x10FFFF || rts_cplen(cp) != n) abort();
        i += n;
        len++;
    }
    if (len != s->len || s->ascii != (len == s->size)) abort();
}

/* a run of 6+ digits would ask for a width of a million or more: slow, not interesting */
static int huge_width(const char *p, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        run = p[i] >= '0' && p[i] <= '9' ? run + 1 : 0;
        if (run >= 6) return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        rt_init();
        rt_str_init();
        ready = 1;
    }
    if (size < 2) return 0;
    unsigned op = data[0] % 8, k = data[1];
    const char *p = (const char *)data + 2;
    size_t n = size - 2;
    if (op >= 2 && op <= 5 && huge_width(p, n)) return 0;
    /* a second operand: the input after the first 0xFF byte, if any */
    const char *q = memchr(p, 0xFF, n);
    size_t n1 = q ? (size_t)(q - p) : n, n2 = q ? n - n1 - 1 : 0;
    Value text = rt_decode_c(p, n1, "utf-8", "surrogateescape");   /* never fails */
    check_str(text);
    Value other = q ? rt_decode_c(q + 1, n2, "utf-8", "surrogatepass") : rt_str_from_cstr("");
    if (!other) {
        rt_exc_fetch();
        other = rt_str_from_cstr("x");
    }
    check_str(other);
    switch (op) {
    case 0:
        check_str(rt_decode_c(p, n, encodings[k % 8], handlers[(k / 8) % 7]));
        break;
    case 1: {
        Value b = rt_str_encode_c(text, encodings[k % 8], handlers[(k / 8) % 7]);
        if (!b) rt_exc_fetch();
        break;
    }
    case 2: {
        Value args[3] = {rt_small(k), other, rt_float((double)k / 7.0)};
        check_str(rt_str_mod(text, rt_tuple_from(args, 3)));
        break;
    }
    case 3: {
        Value args[2] = {rt_small(k), rt_bytes_from(p, n1)};
        Value r = rt_bytes_mod(rt_bytes_from(p, n1), rt_tuple_from(args, 2));
        if (!r) rt_exc_fetch();
        break;
    }
    case 4: {
        Value args[3] = {other, rt_small(k), rt_str_from_cstr(">5")};
        check_str(rt_str_format(text, args, 3, 0));
        break;
    }
    case 5:
        check_str(rt_format_str(other, text));
        break;
    case 6:
        check_str(rt_str_replace(text, other, rt_str_from_cstr("\xc3\xa9"), 0));
        check_str(rt_str_upper(text));
        check_str(rt_str_lower(text));
        check_str(rt_str_title(text));
        check_str(rt_str_casefold(text));
        check_str(rt_str_swapcase(text));
        break;
    default: {
        Value parts = rt_str_split(text, RTS(other)->size ? other : 0, 0);
        if (parts) check_str(rt_str_join(other, parts));
        else rt_exc_fetch();
        check_str(rt_str_slice(text, rt_small((int64_t)k - 128), 0, rt_small(k % 5 ? (int64_t)(k % 5) : -3)));
        check_str(rt_str_expandtabs(text, rt_small(k % 9)));
        check_str(rt_str_strip(text, other));
        check_str(rt_str_center(text, rt_small(k % 40), 0));
        break;
    }
    }
    if (rt_exc_pending()) rt_exc_fetch();
    return 0;
}
