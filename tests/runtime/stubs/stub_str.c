/* stub_str.c - minimal str for the runtime tests while runtime/src/str*.c does not exist:
 * construction and an ASCII-only repr (enough for the messages int/float tests compare). */
#include <stdio.h>
#include <string.h>

#include "rt.h"

static Value stub_str_repr(Value v)
{
    StrObject *s = (StrObject *)rt_obj(v);
    char quote = memchr(s->data, '\'', (size_t)s->size) && !memchr(s->data, '"', (size_t)s->size)
                     ? '"' : '\'';
    char *buf = rt_alloc_atomic((size_t)s->size * 6 + 3);
    size_t n = 0;
    buf[n++] = quote;
    for (int64_t i = 0; i < s->size; i++) {
        unsigned char c = (unsigned char)s->data[i];
        if (c == (unsigned char)quote || c == '\\') {
            buf[n++] = '\\';
            buf[n++] = (char)c;
        } else if (c == '\n') {
            buf[n++] = '\\'; buf[n++] = 'n';
        } else if (c == '\t') {
            buf[n++] = '\\'; buf[n++] = 't';
        } else if (c == '\r') {
            buf[n++] = '\\'; buf[n++] = 'r';
        } else if (c < 0x20 || c == 0x7f) {
            static const char hx[] = "0123456789abcdef";
            buf[n++] = '\\'; buf[n++] = 'x'; buf[n++] = hx[c >> 4]; buf[n++] = hx[c & 15];
        } else if (c >= 0x80) {
            /* decode; escape the non-printable code points the tests use (C1 controls,
             * soft hyphen, the Unicode spaces), as str.isprintable() defines them */
            uint32_t cp;
            int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
            for (int j = 1; j < len && i + j < s->size; j++)
                cp = (cp << 6) | ((unsigned char)s->data[i + j] & 0x3Fu);
            int esc = cp <= 0xA0 || cp == 0xAD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
                      cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
            if (esc) {
                n += (size_t)(cp <= 0xFF ? sprintf(buf + n, "\\x%02x", cp)
                                         : sprintf(buf + n, "\\u%04x", cp));
            } else {
                memcpy(buf + n, s->data + i, (size_t)len);
                n += (size_t)len;
            }
            i += len - 1;
        } else {
            buf[n++] = (char)c;
        }
    }
    buf[n++] = quote;
    return rt_str_from_utf8(buf, n);
}

static Value stub_str_str(Value v) { return v; }

Type rt_str_type = {
    .ob = {&rt_type_type}, .name = "str", .base = &rt_object_type,
    .flags = RT_TPFLAG_STR_SUBCLASS | RT_TPFLAG_BASETYPE, .basicsize = sizeof(StrObject),
    .repr = stub_str_repr, .str = stub_str_str,
};

Value rt_str_from_utf8(const char *p, size_t n)
{
    StrObject *s = (StrObject *)rt_new_object(&rt_str_type, sizeof(StrObject) + n + 1);
    if (!s)
        return RT_ERR;
    memcpy(s->data, p, n);
    s->data[n] = 0;
    s->size = (int64_t)n;
    int64_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += ((unsigned char)p[i] & 0xC0) != 0x80;
    s->len = len;
    s->ascii = len == (int64_t)n;
    s->hash = -1;
    return rt_val(s);
}

Value rt_str_from_cstr(const char *p) { return rt_str_from_utf8(p, strlen(p)); }
