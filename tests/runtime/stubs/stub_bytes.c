/* stub_bytes.c - the bytes type object for the runtime tests while bytes.c does not exist,
 * with repr (b'...') for the messages that quote bytes */
#include <stdio.h>

#include "rt.h"

static Value stub_bytes_repr(Value v)
{
    BytesObject *b = (BytesObject *)rt_obj(v);
    char *buf = rt_alloc_atomic((size_t)b->size * 4 + 4);
    size_t n = 0;
    buf[n++] = 'b';
    buf[n++] = '\'';
    for (int64_t i = 0; i < b->size; i++) {
        unsigned char c = (unsigned char)b->data[i];
        if (c == '\'' || c == '\\') {
            buf[n++] = '\\';
            buf[n++] = (char)c;
        } else if (c < 0x20 || c >= 0x7f) {
            n += (size_t)sprintf(buf + n, "\\x%02x", c);
        } else {
            buf[n++] = (char)c;
        }
    }
    buf[n++] = '\'';
    return rt_str_from_utf8(buf, n);
}

Type rt_bytes_type = {
    .ob = {&rt_type_type}, .name = "bytes", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(BytesObject), .itemsize = 1,
    .repr = stub_bytes_repr,
};
