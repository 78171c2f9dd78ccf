/*
 * codecs.c - str.encode() and bytes.decode() for the built-in codecs: utf-8, ascii, latin-1,
 * with the error handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace,
 * surrogateescape and surrogatepass.
 *
 * Entry points: rt_str_encode, rt_str_encode_c, rt_decode_c, rt_str_from_utf8_checked
 * (rt_str.h).
 *
 * CPython's observable behaviour is kept: encoding names are normalised and aliased as the
 * encodings package does; an unknown error handler is only an error when an error actually
 * happens; a run of consecutive unencodable characters is one error (so messages say
 * "characters in position 3-5"); UTF-8 decoding errors cover the maximal invalid prefix,
 * as in "can't decode bytes in position 0-1: unexpected end of data".
 */
#include <stdio.h>
#include <string.h>

#include "str_internal.h"

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UNKNOWN };
enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_XMLCHARREF, ERR_SURROGATEESCAPE,
       ERR_SURROGATEPASS, ERR_UNKNOWN };

static const char *const enc_names[] = {"utf-8", "ascii", "latin-1"};

/* encodings.normalize_encoding + the aliases of the three codecs */
static int lookup_encoding(const char *name)
{
    char buf[64];
    size_t n = 0;
    for (const char *p = name; *p && n < sizeof buf - 1; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c == '-' || c == ' ') c = '_';
        buf[n++] = c;
    }
    buf[n] = 0;
    if (strlen(name) >= sizeof buf - 1) return ENC_UNKNOWN;
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2",
                                       "utf8_ucs4", NULL};
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968",
                                        "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii",
                                        "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6",
                                        NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "latin", "l1", "iso_8859_1",
                                         "iso8859_1", "8859", "cp819", "csisolatin1", "ibm819",
                                         "iso_8859_1_1987", "iso_ir_100", NULL};
    const char *const *lists[] = {utf8, ascii, latin1};
    for (int e = 0; e < 3; e++) {
        for (const char *const *a = lists[e]; *a; a++) {
            if (strcmp(buf, *a) == 0) return e;
        }
    }
    return ENC_UNKNOWN;
}

static int lookup_errors(const char *name)
{
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace", "surrogateescape", "surrogatepass"};
    if (!name) return ERR_STRICT;
    for (int i = 0; i < 7; i++) {
        if (strcmp(name, names[i]) == 0) return i;
    }
    return ERR_UNKNOWN;
}

static Value unknown_handler(const char *errors)
{
    return rt_raise_fmt(rt_LookupError, "unknown error handler name '%s'", errors);
}

/* ================================================================ encode ================ */

/* UnicodeEncodeError(encoding, s, start, end, reason): exc.c formats the message as CPython
 * ("can't encode character '\\xe9' in position 0" / "characters in position 0-2") */
static Value encode_error(int enc, Value s, int64_t start, int64_t end, const char *reason)
{
    return rt_raise_unicode_encode(enc_names[enc], s, start, end, reason);
}

static int encodable(int enc, uint32_t c)
{
    switch (enc) {
    case ENC_ASCII: return c < 0x80;
    case ENC_LATIN1: return c < 0x100;
    default: return c < 0xD800 || c > 0xDFFF;
    }
}

static int put_byte(RtsBuf *b, unsigned char c) { return rts_buf_put(b, (const char *)&c, 1, 0); }

Value rt_str_encode_c(Value self, const char *encoding, const char *errors)
{
    StrObject *s = RTS(self);
    int enc = encoding ? lookup_encoding(encoding) : ENC_UTF8;
    if (enc == ENC_UNKNOWN) return rt_raise_fmt(rt_LookupError, "unknown encoding: %s", encoding);
    /* the common case: nothing to convert */
    if (s->ascii) return rt_bytes_from(s->data, (size_t)s->size);
    if (enc == ENC_UTF8) {
        const char *p = s->data, *end = p + s->size;
        int clean = 1;
        while ((p = memchr(p, 0xED, (size_t)(end - p))) != NULL) {
            if ((unsigned char)p[1] >= 0xA0) { clean = 0; break; }
            p++;
        }
        if (clean) return rt_bytes_from(s->data, (size_t)s->size);
    }
    int handler = lookup_errors(errors);
    RtsBuf b;
    rts_buf_init(&b);
    const char *p = s->data, *end = p + s->size;
    int64_t pos = 0;
    int n;
    while (p < end) {
        uint32_t c = rts_decode(p, &n);
        if (encodable(enc, c)) {
            if (enc == ENC_UTF8) {
                if (rts_buf_put(&b, p, n, 0) < 0) return RT_ERR;
            } else if (put_byte(&b, (unsigned char)c) < 0) {
                return RT_ERR;
            }
            p += n;
            pos++;
            continue;
        }
        /* the run of unencodable code points [pos, epos) */
        const char *q = p;
        int64_t epos = pos;
        while (q < end) {
            int m;
            uint32_t d = rts_decode(q, &m);
            if (encodable(enc, d)) break;
            q += m;
            epos++;
        }
        const char *reason = enc == ENC_ASCII ? "ordinal not in range(128)"
                             : enc == ENC_LATIN1 ? "ordinal not in range(256)"
                                                 : "surrogates not allowed";
        if (handler == ERR_UNKNOWN) return unknown_handler(errors);
        if (handler == ERR_STRICT) return encode_error(enc, self, pos, epos, reason);
        for (const char *r = p; r < q; r += n) {
            uint32_t d = rts_decode(r, &n);
            char tmp[16];
            switch (handler) {
            case ERR_IGNORE:
                break;
            case ERR_REPLACE:
                if (put_byte(&b, '?') < 0) return RT_ERR;
                break;
            case ERR_BACKSLASH:
                if (d <= 0xFF) snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)d);
                else if (d <= 0xFFFF) snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)d);
                else snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)d);
                if (rts_buf_puts(&b, tmp) < 0) return RT_ERR;
                break;
            case ERR_XMLCHARREF:
                snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)d);
                if (rts_buf_puts(&b, tmp) < 0) return RT_ERR;
                break;
            case ERR_SURROGATEESCAPE:
                if (d < 0xDC80 || d > 0xDCFF) {
                    int64_t at = pos + rts_count_cps(p, r - p);
                    return encode_error(enc, self, at, epos, reason);
                }
                if (put_byte(&b, (unsigned char)(d - 0xDC00)) < 0) return RT_ERR;
                break;
            default:   /* surrogatepass: only UTF-8 can carry a surrogate */
                if (enc != ENC_UTF8) return encode_error(enc, self, pos, epos, reason);
                if (rts_buf_put(&b, r, n, 0) < 0) return RT_ERR;
                break;
            }
        }
        p = q;
        pos = epos;
    }
    return rt_bytes_from(b.p, (size_t)b.size);
}

Value rt_str_encode(Value self, Value encoding, Value errors)
{
    if (encoding && !rts_is_str(encoding)) {
        return rt_raise_fmt(rt_TypeError, "encode() argument 'encoding' must be str, not %s",
                            rts_tname(encoding));
    }
    if (errors && !rts_is_str(errors)) {
        return rt_raise_fmt(rt_TypeError, "encode() argument 'errors' must be str, not %s",
                            rts_tname(errors));
    }
    return rt_str_encode_c(self, encoding ? rt_str_data(encoding) : NULL,
                           errors ? rt_str_data(errors) : NULL);
}

/* ================================================================ decode ================ */

/* UnicodeDecodeError with CPython's message.  (Raised by message for now, without the
 * encoding/object/start/end/reason attributes: exc.c's formatter for the 5-argument form does
 * not handle the %02x it uses yet; then this becomes rt_raise_unicode_decode.) */
static Value decode_error(int enc, const unsigned char *s, int64_t n, int64_t start, int64_t end,
                          const char *reason)
{
    (void)n;
    if (end - start == 1) {
        char byte[8];   /* rt_raise_fmt has no field widths */
        snprintf(byte, sizeof byte, "0x%02x", (unsigned)s[start]);
        return rt_raise_fmt(rt_UnicodeDecodeError,
                            "'%s' codec can't decode byte %s in position %lld: %s",
                            enc_names[enc], byte, (long long)start, reason);
    }
    return rt_raise_fmt(rt_UnicodeDecodeError,
                        "'%s' codec can't decode bytes in position %lld-%lld: %s",
                        enc_names[enc], (long long)start, (long long)(end - 1), reason);
}

/* Length of the well-formed UTF-8 sequence at s[0..n), or 0 with *bad = the number of bytes
 * in the maximal invalid prefix and *reason.  surrogates: accept ED A0..BF (surrogatepass). */
static int utf8_seq(const unsigned char *s, int64_t n, int surrogates, int *bad,
                    const char **reason)
{
    unsigned char c = s[0];
    int need;
    unsigned char lo = 0x80, hi = 0xBF;   /* the range of the second byte */
    if (c < 0x80) return 1;
    if (c < 0xC2) { *bad = 1; *reason = "invalid start byte"; return 0; }
    if (c < 0xE0) need = 1;
    else if (c < 0xF0) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED && !surrogates) hi = 0x9F;
    } else if (c < 0xF5) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *bad = 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (int k = 1; k <= need; k++) {
        if (k >= n) { *bad = k; *reason = "unexpected end of data"; return 0; }
        unsigned char d = s[k];
        int ok = k == 1 ? (d >= lo && d <= hi) : (d & 0xC0) == 0x80;
        if (!ok) { *bad = k; *reason = "invalid continuation byte"; return 0; }
    }
    return need + 1;
}

Value rt_decode_c(const char *data, size_t size, const char *encoding, const char *errors)
{
    int enc = encoding ? lookup_encoding(encoding) : ENC_UTF8;
    if (enc == ENC_UNKNOWN) return rt_raise_fmt(rt_LookupError, "unknown encoding: %s", encoding);
    const unsigned char *s = (const unsigned char *)data;
    int64_t n = (int64_t)size;
    if (enc == ENC_LATIN1) return rt_str_from_latin1(data, size);
    /* ASCII prefix: the whole input, usually */
    int64_t i = 0;
    while (i < n && s[i] < 0x80) i++;
    if (i == n) return rts_new(data, n, n);
    int handler = lookup_errors(errors);
    RtsBuf b;
    rts_buf_init(&b);
    if (rts_buf_put(&b, data, i, i) < 0) return RT_ERR;
    while (i < n) {
        int bad = 1, len;
        const char *reason = "ordinal not in range(128)";
        if (s[i] < 0x80) len = 1;
        else if (enc == ENC_ASCII) len = 0;
        else len = utf8_seq(s + i, n - i, handler == ERR_SURROGATEPASS, &bad, &reason);
        if (len) {
            if (rts_buf_put(&b, data + i, len, 1) < 0) return RT_ERR;
            i += len;
            continue;
        }
        switch (handler) {
        case ERR_STRICT: return decode_error(enc, s, n, i, i + bad, reason);
        case ERR_UNKNOWN: return unknown_handler(errors);
        case ERR_IGNORE: break;
        case ERR_REPLACE:
            if (rts_buf_putc(&b, 0xFFFD) < 0) return RT_ERR;
            break;
        case ERR_SURROGATEESCAPE:
            for (int k = 0; k < bad; k++) {
                if (rts_buf_putc(&b, 0xDC00 + s[i + k]) < 0) return RT_ERR;
            }
            break;
        case ERR_BACKSLASH:
            for (int k = 0; k < bad; k++) {
                char tmp[8];
                snprintf(tmp, sizeof tmp, "\\x%02x", s[i + k]);
                if (rts_buf_puts(&b, tmp) < 0) return RT_ERR;
            }
            break;
        default:   /* xmlcharrefreplace and surrogatepass cannot repair a decoding error */
            return decode_error(enc, s, n, i, i + bad, reason);
        }
        i += bad;
    }
    return rts_buf_finish(&b);
}

Value rt_str_from_utf8_checked(const char *s, size_t n) { return rt_decode_c(s, n, NULL, NULL); }
