/*
 * remod.c - the `_re` module: the PCRE2 matching engine under lib/re.py.
 *
 * lib/re.py translates Python's regular-expression syntax to PCRE2's and does everything
 * else (Match and Pattern objects, sub, split, findall); this module only compiles and runs
 * patterns over str subjects, which are UTF-8 inside the runtime, so PCRE2 runs in UTF mode
 * on the string's own bytes.  Offsets cross this interface as code-point indices.
 *   compile(pattern, flags)   -> (handle, ngroups, ((name, index), ...))
 *                             or (None, message, code-point offset, PCRE2 error code) when
 *                             PCRE2 rejects it
 *       flags: the re.I/M/S/X/A bits (2, 8, 16, 64, 256); without A, \d \w \s \b are Unicode
 *   exec(handle, string, pos, endpos, mode)
 *                             -> None, or a tuple of 2 * (ngroups + 1) code-point offsets
 *                                (-1 for a group that did not take part)
 *       mode: 0 search, 1 match (anchored at pos), 2 fullmatch; +4: no empty match at pos
 * A handle is the address of the compiled code as an int; compiled patterns live as long
 * as the program (re.py caches them), so they are never freed.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_mods.h"
#include "rt_str.h"

/* The last non-ASCII subject and one (code point, byte) position in it, so that scanning
 * a long string match after match (finditer, sub, split) walks it once, not once per match.
 * The static Value is a GC root: the string cannot be freed and its address reused. */
static Value last_subject;
static int64_t last_cp;
static size_t last_byte;

/* the byte offset of code point `cp` in s (cp clamped to the length) */
static size_t byte_offset(const StrObject *s, int64_t cp)
{
    if (cp <= 0)
        return 0;
    if (cp >= s->len)
        return (size_t)s->size;
    if (s->ascii)
        return (size_t)cp;
    size_t i = 0;
    int64_t n = 0;
    if (last_subject == rt_val(s) && last_cp <= cp) {
        i = last_byte;
        n = last_cp;
    }
    while (i < (size_t)s->size) {
        if (((unsigned char)s->data[i] & 0xC0) != 0x80) {
            if (n == cp) {
                last_subject = rt_val(s);
                last_cp = cp;
                last_byte = i;
                return i;
            }
            n++;
        }
        i++;
    }
    return (size_t)s->size;
}

static int64_t cp_offset(const StrObject *s, size_t b)
{
    if (s->ascii)
        return (int64_t)b;
    int64_t n = 0;
    for (size_t i = 0; i < b && i < (size_t)s->size; i++)
        if (((unsigned char)s->data[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static int64_t cp_offset_utf8(const unsigned char *p, size_t b)
{
    int64_t n = 0;
    for (size_t i = 0; i < b; i++)
        if ((p[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static int get_i64(Value v, int64_t *out)
{
    if (!rt_is_int(v)) {
        rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer",
                     rt_type_name(v));
        return -1;
    }
    return rt_int_as_i64(v, out);
}

static Value re_compile(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if ((kwnames && rt_tuple_size(kwnames)) || nargs != 2)
        return rt_raise_str(rt_TypeError, "_re.compile() takes exactly 2 positional arguments");
    if (rt_typeof(args[0]) != &rt_str_type)
        return rt_raise_str(rt_TypeError, "_re.compile: the pattern must be a str");
    int64_t pyflags;
    if (get_i64(args[1], &pyflags) < 0)
        return RT_ERR;
    const StrObject *pat = (const StrObject *)rt_obj(args[0]);
    uint32_t opts = PCRE2_UTF | PCRE2_NO_UTF_CHECK;
    if (pyflags & 2)
        opts |= PCRE2_CASELESS;
    if (pyflags & 8)
        opts |= PCRE2_MULTILINE;
    if (pyflags & 16)
        opts |= PCRE2_DOTALL;
    if (pyflags & 64)
        opts |= PCRE2_EXTENDED;
    if (!(pyflags & 256))
        opts |= PCRE2_UCP;
    int err;
    PCRE2_SIZE erroff;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat->data, (PCRE2_SIZE)pat->size, opts, &err,
                                     &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        Value items[4] = {rt_None, rt_str_from_cstr((const char *)msg),
                          rt_int_from_i64(cp_offset(pat, erroff)), rt_small(err)};
        if (!items[1] || !items[2])
            return RT_ERR;
        return rt_tuple_from(items, 4);
    }
    uint32_t ngroups = 0, namecount = 0, entsize = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &ngroups);
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &namecount);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entsize);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    Value names = rt_tuple_new((int64_t)namecount);
    if (!names)
        return RT_ERR;
    for (uint32_t i = 0; i < namecount; i++) {
        PCRE2_SPTR e = table + (size_t)i * entsize;
        int idx = (e[0] << 8) | e[1];
        Value nm = rt_str_from_cstr((const char *)e + 2);
        if (!nm)
            return RT_ERR;
        Value pair = rt_tuple_from((Value[]){nm, rt_small(idx)}, 2);
        if (!pair)
            return RT_ERR;
        ((TupleObject *)rt_obj(names))->items[i] = pair;
    }
    Value items[3] = {rt_int_from_u64((uint64_t)(uintptr_t)code), rt_small(ngroups), names};
    if (!items[0])
        return RT_ERR;
    return rt_tuple_from(items, 3);
}

static Value re_exec(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if ((kwnames && rt_tuple_size(kwnames)) || nargs != 5)
        return rt_raise_str(rt_TypeError, "_re.exec() takes exactly 5 positional arguments");
    int64_t handle, pos, endpos, mode;
    if (get_i64(args[0], &handle) < 0 || get_i64(args[2], &pos) < 0 ||
        get_i64(args[3], &endpos) < 0 || get_i64(args[4], &mode) < 0)
        return RT_ERR;
    if (rt_typeof(args[1]) != &rt_str_type)
        return rt_raise_str(rt_TypeError, "_re.exec: the subject must be a str");
    const StrObject *s = (const StrObject *)rt_obj(args[1]);
    pcre2_code *code = (pcre2_code *)(uintptr_t)handle;
    if (pos < 0)
        pos = 0;
    if (endpos > s->len)
        endpos = s->len;
    if (endpos < pos)
        return rt_None;
    size_t bstart = byte_offset(s, pos), bend = byte_offset(s, endpos);
    uint32_t opts = PCRE2_NO_UTF_CHECK;
    if ((mode & 3) == 1)
        opts |= PCRE2_ANCHORED;
    else if ((mode & 3) == 2)
        opts |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
    if (mode & 4)
        opts |= PCRE2_NOTEMPTY_ATSTART;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
    if (!md)
        return rt_raise_str(rt_MemoryError, "out of memory");
    int rc = pcre2_match(code, (PCRE2_SPTR)s->data, bend, bstart, opts, md, NULL);
    if (rc < 0) {
        pcre2_match_data_free(md);
        if (rc == PCRE2_ERROR_NOMATCH)
            return rt_None;
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(rc, msg, sizeof msg);
        return rt_raise_fmt(rt_RuntimeError, "regular expression match failed: %s",
                            (const char *)msg);
    }
    uint32_t n = pcre2_get_ovector_count(md);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    Value t = rt_tuple_new(2 * (int64_t)n);
    if (!t) {
        pcre2_match_data_free(md);
        return RT_ERR;
    }
    /* code-point offsets: count forward from the match start, whose offset is known */
    size_t base_b = bstart;
    int64_t base_cp = pos;
    for (uint32_t i = 0; i < 2 * n; i++) {
        int64_t v;
        if (ov[i] == PCRE2_UNSET || (int)(i / 2) >= rc) {
            v = -1;
        } else if (s->ascii) {
            v = (int64_t)ov[i];
        } else if (ov[i] >= base_b) {
            v = base_cp + cp_offset_utf8((const unsigned char *)s->data + base_b,
                                         ov[i] - base_b);
        } else {
            v = cp_offset(s, ov[i]);
        }
        ((TupleObject *)rt_obj(t))->items[i] = rt_small(v);
    }
    pcre2_match_data_free(md);
    return t;
}

static const struct { const char *name; VectorCallFn fn; } re_functions[] = {
    {"compile", re_compile},
    {"exec", re_exec},
};

Value rt_re_module_create(void)
{
    Value m = rt_module_new("_re", 0);
    if (!m)
        return RT_ERR;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    Value modname = rt_str_from_cstr("_re");
    if (!modname)
        return RT_ERR;
    for (size_t i = 0; i < sizeof re_functions / sizeof re_functions[0]; i++) {
        Value f = rt_builtin_new(re_functions[i].name, re_functions[i].fn, 0, modname);
        if (!f || rt_dict_set(d, rt_str_intern(re_functions[i].name), f) < 0)
            return RT_ERR;
    }
    return m;
}
