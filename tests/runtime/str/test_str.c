/*
 * test_str.c - C unit tests of the str/bytes/bytearray runtime: what the differential test
 * cannot see from Python (object invariants, the code-point index, interning, the hash key and
 * PYTHONHASHSEED, buffer growth, the search primitives against a naive search).
 * Expected values come from python3 3.11 where Python can tell them.
 * Last line: 'N passed, N failed'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "rt_str.h"
#include "str_internal.h"

static int passed, failed;

#define CHECK(cond)                                                                          \
    do {                                                                                     \
        if (cond) passed++;                                                                  \
        else { failed++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); }            \
    } while (0)

static int str_is(Value v, const char *utf8)
{
    return v && rt_typeof(v) == &rt_str_type && strcmp(rt_str_data(v), utf8) == 0 &&
           RTS(v)->size == (int64_t)strlen(utf8);
}

/* the StrObject invariants of rt_str.h */
static int well_formed(Value v)
{
    StrObject *s = RTS(v);
    if (s->data[s->size] != 0) return 0;
    if (rts_count_cps(s->data, s->size) != s->len) return 0;
    if (s->ascii != (s->len == s->size)) return 0;
    return 1;
}

static void test_construction(void)
{
    Value e = rt_str_from_utf8("", 0);
    CHECK(e && RTS(e)->len == 0 && RTS(e)->size == 0 && well_formed(e));
    CHECK(e == rt_str_from_cstr(""));                       /* "" is a singleton */
    Value a = rt_str_from_cstr("a"), b = rt_str_from_utf8("ab", 1);
    CHECK(a == b);                                          /* one-char cache */
    Value eacute = rt_str_from_cstr("\xc3\xa9");
    CHECK(RTS(eacute)->len == 1 && RTS(eacute)->size == 2 && !RTS(eacute)->ascii);
    CHECK(eacute == rt_str_from_codepoint(0xE9));
    Value emoji = rt_str_from_codepoint(0x1F600);
    CHECK(RTS(emoji)->len == 1 && RTS(emoji)->size == 4 && well_formed(emoji));
    Value sur = rt_str_from_codepoint(0xD800);              /* lone surrogate: 3 bytes */
    CHECK(RTS(sur)->size == 3 && (unsigned char)rt_str_data(sur)[0] == 0xED);
    Value l1 = rt_str_from_latin1("caf\xe9", 4);
    CHECK(str_is(l1, "caf\xc3\xa9") && RTS(l1)->len == 4);
    /* strict decoding */
    Value bad = rt_str_from_utf8_checked("a\xff", 2);
    CHECK(!bad && rt_exc_pending());
    Value exc = rt_exc_fetch();
    CHECK(exc && rt_typeof(exc) == rt_UnicodeDecodeError);
    CHECK(str_is(rt_str_from_utf8_checked("\xe2\x82\xac", 3), "\xe2\x82\xac"));
}

static void test_index(void)
{
    /* a long non-ASCII string: random access through the index must agree with a scan */
    char buf[4000];
    size_t n = 0;
    uint32_t cps[1000];
    for (int i = 0; i < 1000; i++) {
        uint32_t c = i % 7 == 0 ? 0x1F600 + (uint32_t)i % 50 : i % 3 == 0 ? 0x3B1 + (uint32_t)i % 20 : 'a' + (uint32_t)i % 26;
        cps[i] = c;
        n += (size_t)rts_encode(c, buf + n);
    }
    Value s = rt_str_from_utf8(buf, n);
    CHECK(RTS(s)->len == 1000 && (RTS(s)->state & RT_STR_INDEX_ROOM));
    int ok = 1;
    for (int k = 0; k < 3000; k++) {
        int i = (k * 7919) % 1000;
        Value c = rt_str_item(s, i);
        int len;
        if (!c || rts_decode(rt_str_data(c), &len) != cps[i]) ok = 0;
    }
    CHECK(ok);
    CHECK(RTS(s)->state & RT_STR_INDEXED);
    Value neg = rt_str_item(s, -1);
    int len;
    CHECK(neg && rts_decode(rt_str_data(neg), &len) == cps[999]);
    CHECK(!rt_str_item(s, 1000) && rt_exc_fetch());
    /* slices of it stay well formed */
    Value sl = rt_str_slice(s, rt_small(10), rt_small(900), rt_small(7));
    CHECK(sl && RTS(sl)->len == 128 && well_formed(sl));
    Value rev = rt_str_slice(s, 0, 0, rt_small(-1));
    CHECK(rev && RTS(rev)->len == 1000 && well_formed(rev));
    int rev_ok = 1;
    for (int i = 0; i < 1000; i += 37) {
        Value c = rt_str_item(rev, i);
        if (rts_decode(rt_str_data(c), &len) != cps[999 - i]) rev_ok = 0;
    }
    CHECK(rev_ok);
}

static void test_intern_and_compare(void)
{
    Value a = rt_str_intern("hello_world"), b = rt_str_intern("hello_world");
    CHECK(a == b && (RTS(a)->state & RT_STR_INTERNED));
    Value c = rt_str_from_cstr("hello_world");
    CHECK(c != a && rt_str_eq(a, c));
    CHECK(rt_str_intern_value(c) == a);
    for (int i = 0; i < 5000; i++) {   /* grows the table several times */
        char name[32];
        snprintf(name, sizeof name, "name%d", i);
        rt_str_intern(name);
    }
    CHECK(rt_str_intern("hello_world") == a);
    CHECK(rt_str_intern("name4321") == rt_str_intern("name4321"));
    Value x = rt_str_from_cstr("\xc3\xa9"), y = rt_str_from_cstr("z");
    CHECK(rt_str_compare(y, x) < 0);                        /* 'z' < 'é' */
    CHECK(rt_str_compare(rt_str_from_codepoint(0xFFFF), rt_str_from_codepoint(0x10000)) < 0);
    CHECK(rt_str_richcompare(x, rt_small(1), RT_EQ) == rt_NotImplemented);
}

static void test_hash(void)
{
    /* run under PYTHONHASHSEED=0 (run.sh): CPython's own values for ASCII str and bytes */
    const char *seed = getenv("PYTHONHASHSEED");
    if (seed && strcmp(seed, "0") == 0) {
        CHECK(rt_str_hash(rt_str_from_cstr("abc")) == -4594863902769663758LL);
        CHECK(rt_bytes_hash(rt_bytes_from("abc", 3)) == -4594863902769663758LL);
    }
    CHECK(rt_str_hash(rt_str_from_cstr("")) == 0);
    Value s = rt_str_from_cstr("some text");
    int64_t h = rt_str_hash(s);
    CHECK(h != -1 && RTS(s)->hash == h && rt_str_hash(rt_str_from_cstr("some text")) == h);
}

static int naive_rfind(const char *h, int64_t n, const char *nd, int64_t m)
{
    for (int64_t i = n - m; i >= 0; i--)
        if (memcmp(h + i, nd, (size_t)m) == 0) return (int)i;
    return -1;
}

static void test_search(void)
{
    unsigned seed = 12345;
    int ok = 1;
    char hay[300], nd[12];
    for (int t = 0; t < 20000 && ok; t++) {
        int n = (int)((seed = seed * 1103515245 + 12345) >> 16) % 300;
        int m = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 11;
        for (int i = 0; i < n; i++) hay[i] = "abc"[((seed = seed * 1103515245 + 12345) >> 16) % 3];
        for (int i = 0; i < m; i++) nd[i] = "abc"[((seed = seed * 1103515245 + 12345) >> 16) % 3];
        if (rts_rfind_bytes(hay, n, nd, m) != naive_rfind(hay, n, nd, m)) ok = 0;
    }
    CHECK(ok);
    CHECK(rts_count_bytes("aaaa", 4, "aa", 2, INT64_MAX) == 2);
    CHECK(rts_find_bytes("abc", 3, "", 0) == 0 && rts_rfind_bytes("abc", 3, "", 0) == 3);
}

static void test_buffers_and_bytearray(void)
{
    RtsBuf b;
    rts_buf_init(&b);
    for (int i = 0; i < 10000; i++) rts_buf_putc(&b, i % 2 ? 0xE9 : 'x');
    Value s = rts_buf_finish(&b);
    CHECK(s && RTS(s)->len == 10000 && RTS(s)->size == 15000 && well_formed(s));
    Value ba = rt_bytearray_from("", 0);
    int ok = 1;
    for (int i = 0; i < 5000; i++) ok &= rt_bytearray_append(ba, rt_small(i % 256)) == rt_None;
    CHECK(ok && RTBA(ba)->size == 5000 && RTBA(ba)->data[5000] == 0);
    CHECK(rt_bytearray_pop(ba, 0) == rt_small(4999 % 256));
    /* s[::] slice assignment through self */
    Value whole = rt_bytearray_from("abc", 3);
    SliceObject *sl = (SliceObject *)rt_new_object(&rt_slice_type, sizeof *sl);
    sl->start = rt_small(1);
    sl->stop = rt_None;
    sl->step = rt_None;
    CHECK(rt_bytearray_setitem(whole, rt_val(sl), whole) == 0 && RTBA(whole)->size == 4 &&
          memcmp(RTBA(whole)->data, "aabc", 4) == 0);
}

static void test_concat_n(void)
{
    Value parts[4] = {rt_str_from_cstr("a"), rt_str_from_cstr(""), rt_str_from_cstr("\xc3\xa9z"),
                      rt_str_from_codepoint(0x1F600)};
    Value r = rt_str_concat_n(parts, 4);
    CHECK(str_is(r, "a\xc3\xa9z\xf0\x9f\x98\x80") && RTS(r)->len == 4 && well_formed(r));
    CHECK(rt_str_concat_n(parts, 0) == rt_str_from_cstr(""));
    CHECK(rt_str_concat_n(parts + 1, 1) == parts[1]);
    Value one[2] = {rt_str_from_cstr(""), rt_str_from_cstr("q")};
    CHECK(rt_str_concat_n(one, 2) == rt_str_from_cstr("q"));   /* the one-char cache */
}

static void test_format(void)
{
    Value s = rt_str_from_cstr("abc");
    CHECK(str_is(rt_format_str(s, rt_str_from_cstr("*^7")), "**abc**"));
    CHECK(str_is(rt_format_str(s, rt_str_from_cstr(".2")), "ab"));
    CHECK(str_is(rt_format_str(s, rt_str_from_cstr("\xc3\xa9>5")), "\xc3\xa9\xc3\xa9" "abc"));
    CHECK(!rt_format_str(s, rt_str_from_cstr("d")) && rt_exc_fetch());
}

int main(void)
{
    rt_init();
    rt_str_init();
    test_construction();
    test_index();
    test_intern_and_compare();
    test_hash();
    test_search();
    test_buffers_and_bytearray();
    test_concat_n();
    test_format();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
