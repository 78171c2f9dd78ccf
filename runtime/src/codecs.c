/*
 * codecs.c - str.encode() and bytes.decode() for the built-in codecs: utf-8, ascii, latin-1,
 * utf-16 (-le, -be), utf-32 (-le, -be) and utf-8-sig, with the error handlers strict, ignore,
 * replace, backslashreplace, xmlcharrefreplace, surrogateescape and surrogatepass.
 *
 * Entry points: rt_str_encode, rt_str_encode_c, rt_decode_c, rt_str_from_utf8_checked
 * (rt_str.h).
 *
 * CPython's observable behaviour is kept:
 *   - encoding names are normalised and aliased as the encodings package does;
 *   - an unknown error handler is only an error when an error actually happens;
 *   - for utf-8/ascii/latin-1 a run of consecutive unencodable characters is one error
 *     ("characters in position 3-5"), for utf-16/32 each character is its own;
 *   - decoding errors cover the maximal invalid prefix ("bytes in position 0-1: unexpected end
 *     of data"), and a decoder that resumes after an error resumes where the handler says:
 *     surrogateescape consumes only the leading bytes >= 0x80 of the bad range (so the rest may
 *     fail again), exactly as CPython's handler does;
 *   - utf-16 and utf-32 write a little-endian BOM and read either BOM (default little-endian);
 *     their errors name the codec of the byte order actually used ("utf-16-le").
 * Decoding is organised as one loop over "steps" (decode one code point or report a bad
 * range with its reason) so that every codec shares the error handling.
 */
#include <stdio.h>
#include <string.h>

#include "str_internal.h"

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF32,
       ENC_UTF32LE, ENC_UTF32BE, ENC_UTF8SIG, ENC_UNKNOWN };
enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_XMLCHARREF, ERR_SURROGATEESCAPE,
       ERR_SURROGATEPASS, ERR_UNKNOWN };

/* the codec names in messages, by ENC_ */
static const char *const enc_names[] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-le",
                                        "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                                        "utf-8"};

/* encodings.normalize_encoding: ASCII letters lowered, runs of anything but alphanumerics and
 * '.' become one '_' (none at either end); then the aliases of encodings/aliases.py. */
static int lookup_encoding(const char *name)
{
    char buf[64];
    size_t n = 0;
    int punct = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
        if (!alnum) {
            punct = 1;
            continue;
        }
        if (n + 2 >= sizeof buf) return ENC_UNKNOWN;
        if (punct && n) buf[n++] = '_';
        buf[n++] = (char)c;
        punct = 0;
    }
    buf[n] = 0;
    static const struct { const char *alias; int enc; } table[] = {
        {"utf_8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"u8", ENC_UTF8}, {"utf", ENC_UTF8},
        {"cp65001", ENC_UTF8}, {"utf8_ucs2", ENC_UTF8}, {"utf8_ucs4", ENC_UTF8},
        {"ascii", ENC_ASCII}, {"us_ascii", ENC_ASCII}, {"646", ENC_ASCII}, {"us", ENC_ASCII},
        {"ansi_x3.4_1968", ENC_ASCII}, {"ansi_x3_4_1968", ENC_ASCII},
        {"ansi_x3.4_1986", ENC_ASCII}, {"cp367", ENC_ASCII}, {"csascii", ENC_ASCII},
        {"ibm367", ENC_ASCII}, {"iso646_us", ENC_ASCII}, {"iso_646.irv_1991", ENC_ASCII},
        {"iso_ir_6", ENC_ASCII},
        {"latin_1", ENC_LATIN1}, {"latin1", ENC_LATIN1}, {"latin", ENC_LATIN1},
        {"l1", ENC_LATIN1}, {"iso_8859_1", ENC_LATIN1}, {"iso8859_1", ENC_LATIN1},
        {"iso8859", ENC_LATIN1}, {"8859", ENC_LATIN1}, {"cp819", ENC_LATIN1},
        {"csisolatin1", ENC_LATIN1}, {"ibm819", ENC_LATIN1}, {"iso_8859_1_1987", ENC_LATIN1},
        {"iso_ir_100", ENC_LATIN1},
        {"utf_16", ENC_UTF16}, {"utf16", ENC_UTF16}, {"u16", ENC_UTF16},
        {"utf_16_le", ENC_UTF16LE}, {"utf_16le", ENC_UTF16LE}, {"unicodelittleunmarked", ENC_UTF16LE},
        {"utf_16_be", ENC_UTF16BE}, {"utf_16be", ENC_UTF16BE}, {"unicodebigunmarked", ENC_UTF16BE},
        {"utf_32", ENC_UTF32}, {"utf32", ENC_UTF32}, {"u32", ENC_UTF32},
        {"utf_32_le", ENC_UTF32LE}, {"utf_32le", ENC_UTF32LE},
        {"utf_32_be", ENC_UTF32BE}, {"utf_32be", ENC_UTF32BE},
        {"utf_8_sig", ENC_UTF8SIG},
    };
    /* the module names (utf_8, latin_1...) are matched as given; the aliases also with '.'
     * read as '_', as the encodings package does */
    static const char *const modules[] = {"utf_8", "ascii", "latin_1", "utf_16", "utf_16_le",
                                          "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
                                          "utf_8_sig"};
    for (int e = 0; e < ENC_UNKNOWN; e++) {
        if (strcmp(buf, modules[e]) == 0) return e;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
            if (strcmp(buf, table[i].alias) == 0 && strcmp(table[i].alias, modules[table[i].enc]) != 0) {
                return table[i].enc;
            }
        }
        for (char *p = buf; *p; p++) {
            if (*p == '.') *p = '_';
        }
    }
    return ENC_UNKNOWN;
}

/* How a codec lays out code points, for the text files of fileio.c (which must find the
 * end of one character before decoding): RT_CODEC_* of rt_str.h; *bom is set for the codecs
 * whose stream starts with a byte order mark (utf-16, utf-32, utf-8-sig). */
int rt_codec_layout(const char *encoding, int *bom)
{
    int e = lookup_encoding(encoding);
    *bom = e == ENC_UTF16 || e == ENC_UTF32 || e == ENC_UTF8SIG;
    switch (e) {
    case ENC_ASCII: case ENC_LATIN1: return RT_CODEC_BYTE;
    case ENC_UTF16: case ENC_UTF16LE: return RT_CODEC_UTF16LE;
    case ENC_UTF16BE: return RT_CODEC_UTF16BE;
    case ENC_UTF32: case ENC_UTF32LE: return RT_CODEC_UTF32LE;
    case ENC_UTF32BE: return RT_CODEC_UTF32BE;
    case ENC_UNKNOWN: return -1;
    default: return RT_CODEC_UTF8;
    }
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

static int is_utf16(int enc) { return enc >= ENC_UTF16 && enc <= ENC_UTF16BE; }
static int is_utf32(int enc) { return enc >= ENC_UTF32 && enc <= ENC_UTF32BE; }
static int is_be(int enc) { return enc == ENC_UTF16BE || enc == ENC_UTF32BE; }

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

static int put_bytes(RtsBuf *b, const void *p, int n) { return rts_buf_put(b, p, n, 0); }

/* Writes code point c in the target encoding (which can carry it: checked by the caller). */
static int put_cp(RtsBuf *b, int enc, uint32_t c)
{
    unsigned char u[4];
    switch (enc) {
    case ENC_ASCII: case ENC_LATIN1:
        u[0] = (unsigned char)c;
        return put_bytes(b, u, 1);
    case ENC_UTF16: case ENC_UTF16LE: case ENC_UTF16BE: {
        if (c >= 0x10000) {
            uint32_t v = c - 0x10000;
            if (put_cp(b, enc, 0xD800 + (v >> 10)) < 0) return -1;
            c = 0xDC00 + (v & 0x3FF);
        }
        u[is_be(enc) ? 0 : 1] = (unsigned char)(c >> 8);
        u[is_be(enc) ? 1 : 0] = (unsigned char)c;
        return put_bytes(b, u, 2);
    }
    case ENC_UTF32: case ENC_UTF32LE: case ENC_UTF32BE:
        for (int k = 0; k < 4; k++) u[is_be(enc) ? 3 - k : k] = (unsigned char)(c >> (8 * k));
        return put_bytes(b, u, 4);
    default: {   /* UTF-8 (and utf-8-sig) */
        char t[4];
        return put_bytes(b, t, rts_encode(c, t));
    }
    }
}

/* ASCII replacement text in the target encoding */
static int put_text(RtsBuf *b, int enc, const char *text)
{
    for (; *text; text++) {
        if (put_cp(b, enc, (unsigned char)*text) < 0) return -1;
    }
    return 0;
}

Value rt_str_encode_c(Value self, const char *encoding, const char *errors)
{
    StrObject *s = RTS(self);
    int enc = encoding ? lookup_encoding(encoding) : ENC_UTF8;
    if (enc == ENC_UNKNOWN) return rt_raise_fmt(rt_LookupError, "unknown encoding: %s", encoding);
    int unit = is_utf16(enc) ? 2 : is_utf32(enc) ? 4 : 1;
    /* the common cases: nothing to convert */
    if (unit == 1 && enc != ENC_UTF8SIG && s->ascii) return rt_bytes_from(s->data, (size_t)s->size);
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
    if (rts_buf_reserve(&b, s->size * unit + 4) < 0) return RT_ERR;
    if (enc == ENC_UTF16 || enc == ENC_UTF32) {
        if (put_cp(&b, enc, 0xFEFF) < 0) return RT_ERR;   /* the BOM, little-endian */
    } else if (enc == ENC_UTF8SIG) {
        if (put_bytes(&b, "\xEF\xBB\xBF", 3) < 0) return RT_ERR;
    }
    const char *p = s->data, *end = p + s->size;
    int64_t pos = 0;
    int n;
    while (p < end) {
        uint32_t c = rts_decode(p, &n);
        if (encodable(enc, c)) {
            if ((enc == ENC_UTF8 || enc == ENC_UTF8SIG) ? put_bytes(&b, p, n) < 0 : put_cp(&b, enc, c) < 0) {
                return RT_ERR;
            }
            p += n;
            pos++;
            continue;
        }
        /* the unencodable range [pos, epos): a run of them, or one for utf-16/32 */
        const char *q = p + n;
        int64_t epos = pos + 1;
        while (unit == 1 && q < end) {
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
                if (put_cp(&b, enc, '?') < 0) return RT_ERR;
                break;
            case ERR_BACKSLASH:
                if (d <= 0xFF) snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)d);
                else if (d <= 0xFFFF) snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)d);
                else snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)d);
                if (put_text(&b, enc, tmp) < 0) return RT_ERR;
                break;
            case ERR_XMLCHARREF:
                snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)d);
                if (put_text(&b, enc, tmp) < 0) return RT_ERR;
                break;
            case ERR_SURROGATEESCAPE:
                /* U+DC80..U+DCFF stand for the bytes 0x80..0xFF; the wide codecs refuse */
                if (d < 0xDC80 || d > 0xDCFF || unit > 1) {
                    int64_t at = pos + rts_count_cps(p, r - p);
                    return encode_error(enc, self, at, unit > 1 ? at + 1 : epos, reason);
                }
                unsigned char byte = (unsigned char)(d - 0xDC00);
                if (put_bytes(&b, &byte, 1) < 0) return RT_ERR;
                break;
            default:   /* surrogatepass: the UTF codecs carry the surrogate as is */
                if (enc == ENC_ASCII || enc == ENC_LATIN1) return encode_error(enc, self, pos, epos, reason);
                if ((enc == ENC_UTF8 || enc == ENC_UTF8SIG) ? put_bytes(&b, r, n) < 0 : put_cp(&b, enc, d) < 0) {
                    return RT_ERR;
                }
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

/* UnicodeDecodeError(encoding, the whole input as bytes, start, end, reason): CPython's
 * message, and its attributes for handlers that look at them */
static Value decode_error(int enc, const unsigned char *s, size_t n, int64_t start,
                          int64_t end, const char *reason)
{
    Value obj = rt_bytes_from((const char *)s, n);
    if (!obj)
        return RT_ERR;
    return rt_raise_unicode_decode(enc_names[enc], obj, start, end, reason);
}

/* One decoding step at s[0..n) (n >= 1): the byte length of the code point stored in *cp, or 0
 * with *bad = the length of the invalid range and *reason.  `pass` accepts lone surrogates
 * (the surrogatepass handler). */
typedef int (*StepFn)(const unsigned char *s, int64_t n, int pass, uint32_t *cp, int *bad,
                      const char **reason);

static int step_ascii(const unsigned char *s, int64_t n, int pass, uint32_t *cp, int *bad,
                      const char **reason)
{
    (void)n; (void)pass;
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    *bad = 1;
    *reason = "ordinal not in range(128)";
    return 0;
}

static int step_utf8(const unsigned char *s, int64_t n, int pass, uint32_t *cp, int *bad,
                     const char **reason)
{
    unsigned char c = s[0];
    int need;
    unsigned char lo = 0x80, hi = 0xBF;   /* the range of the second byte */
    if (c < 0x80) { *cp = c; return 1; }
    if (c < 0xC2) { *bad = 1; *reason = "invalid start byte"; return 0; }
    if (c < 0xE0) need = 1;
    else if (c < 0xF0) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED && !pass) hi = 0x9F;
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
    int len;
    *cp = rts_decode((const char *)s, &len);
    return need + 1;
}

static uint32_t unit16(const unsigned char *s, int be)
{
    return be ? ((uint32_t)s[0] << 8) | s[1] : ((uint32_t)s[1] << 8) | s[0];
}

static int step_utf16(const unsigned char *s, int64_t n, int pass, int be, uint32_t *cp, int *bad,
                      const char **reason)
{
    if (n < 2) { *bad = (int)n; *reason = "truncated data"; return 0; }
    uint32_t u = unit16(s, be);
    if (u < 0xD800 || u > 0xDFFF) { *cp = u; return 2; }
    if (u <= 0xDBFF) {
        if (n < 4) {
            if (pass) { *cp = u; return 2; }
            *bad = (int)n;
            *reason = "unexpected end of data";
            return 0;
        }
        uint32_t v = unit16(s + 2, be);
        if (v >= 0xDC00 && v <= 0xDFFF) {
            *cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
            return 4;
        }
        *reason = "illegal UTF-16 surrogate";
    } else {
        *reason = "illegal encoding";
    }
    if (pass) { *cp = u; return 2; }
    *bad = 2;
    return 0;
}

static int step_utf16le(const unsigned char *s, int64_t n, int pass, uint32_t *cp, int *bad,
                        const char **reason)
{
    return step_utf16(s, n, pass, 0, cp, bad, reason);
}

static int step_utf16be(const unsigned char *s, int64_t n, int pass, uint32_t *cp, int *bad,
                        const char **reason)
{
    return step_utf16(s, n, pass, 1, cp, bad, reason);
}

static int step_utf32(const unsigned char *s, int64_t n, int pass, int be, uint32_t *cp, int *bad,
                      const char **reason)
{
    if (n < 4) { *bad = (int)n; *reason = "truncated data"; return 0; }
    uint32_t u = 0;
    for (int k = 0; k < 4; k++) u |= (uint32_t)s[be ? 3 - k : k] << (8 * k);
    if (u > 0x10FFFF) {
        *bad = 4;
        *reason = "code point not in range(0x110000)";
        return 0;
    }
    if (u >= 0xD800 && u <= 0xDFFF && !pass) {
        *bad = 4;
        *reason = "code point in surrogate code point range(0xd800, 0xe000)";
        return 0;
    }
    *cp = u;
    return 4;
}

static int step_utf32le(const unsigned char *s, int64_t n, int pass, uint32_t *cp, int *bad,
                        const char **reason)
{
    return step_utf32(s, n, pass, 0, cp, bad, reason);
}

static int step_utf32be(const unsigned char *s, int64_t n, int pass, uint32_t *cp, int *bad,
                        const char **reason)
{
    return step_utf32(s, n, pass, 1, cp, bad, reason);
}

Value rt_decode_c(const char *data, size_t size, const char *encoding, const char *errors)
{
    if (size == 0) return rts_get_empty();   /* before the codec lookup, as in CPython */
    int enc = encoding ? lookup_encoding(encoding) : ENC_UTF8;
    if (enc == ENC_UNKNOWN) return rt_raise_fmt(rt_LookupError, "unknown encoding: %s", encoding);
    const unsigned char *s = (const unsigned char *)data;
    int64_t n = (int64_t)size;
    if (enc == ENC_LATIN1) return rt_str_from_latin1(data, size);
    /* byte-order marks: utf-8-sig drops one (error positions then count from after it);
     * utf-16/32 choose the byte order from one, little-endian without */
    if (enc == ENC_UTF8SIG) {
        if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; n -= 3; }
        enc = ENC_UTF8;
    }
    int64_t i = 0;
    if (enc == ENC_UTF16) {
        enc = ENC_UTF16LE;
        if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) i = 2;
        else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) { i = 2; enc = ENC_UTF16BE; }
    } else if (enc == ENC_UTF32) {
        enc = ENC_UTF32LE;
        if (n >= 4 && memcmp(s, "\xFF\xFE\0\0", 4) == 0) i = 4;
        else if (n >= 4 && memcmp(s, "\0\0\xFE\xFF", 4) == 0) { i = 4; enc = ENC_UTF32BE; }
    }
    StepFn step = enc == ENC_ASCII ? step_ascii : enc == ENC_UTF16LE ? step_utf16le
                : enc == ENC_UTF16BE ? step_utf16be : enc == ENC_UTF32LE ? step_utf32le
                : enc == ENC_UTF32BE ? step_utf32be : step_utf8;
    RtsBuf b;
    rts_buf_init(&b);
    if (enc == ENC_ASCII || enc == ENC_UTF8) {
        /* the ASCII prefix (usually the whole input) in one copy */
        while (i < n && s[i] < 0x80) i++;
        if (i == n) return rts_new((const char *)s, n, n);
        if (rts_buf_put(&b, (const char *)s, i, i) < 0) return RT_ERR;
    }
    int handler = lookup_errors(errors);
    while (i < n) {
        uint32_t cp = 0;
        int bad = 1, len;
        const char *reason = "";
        if (enc == ENC_UTF8 && s[i] < 0x80) {
            len = 1;
            cp = s[i];
        } else {
            len = step(s + i, n - i, handler == ERR_SURROGATEPASS, &cp, &bad, &reason);
        }
        if (len) {
            if (enc == ENC_UTF8 ? rts_buf_put(&b, (const char *)s + i, len, 1) < 0
                                : rts_buf_putc(&b, cp) < 0)
                return RT_ERR;
            i += len;
            continue;
        }
        int consumed = bad;
        switch (handler) {
        case ERR_STRICT:
        case ERR_SURROGATEPASS:   /* the decoder took what it could */
            return decode_error(enc, s, n, i, i + bad, reason);
        case ERR_UNKNOWN:
            return unknown_handler(errors);
        case ERR_IGNORE:
            break;
        case ERR_REPLACE:
            if (rts_buf_putc(&b, 0xFFFD) < 0) return RT_ERR;
            break;
        case ERR_SURROGATEESCAPE:
            /* the leading bytes >= 0x80 of the bad range (at most 4) become U+DC80..U+DCFF;
             * none: the error stands */
            consumed = 0;
            while (consumed < bad && consumed < 4 && s[i + consumed] >= 0x80) {
                if (rts_buf_putc(&b, 0xDC00 + s[i + consumed]) < 0) return RT_ERR;
                consumed++;
            }
            if (!consumed) return decode_error(enc, s, n, i, i + bad, reason);
            break;
        case ERR_BACKSLASH:
            for (int k = 0; k < bad; k++) {
                char tmp[8];
                snprintf(tmp, sizeof tmp, "\\x%02x", s[i + k]);
                if (rts_buf_puts(&b, tmp) < 0) return RT_ERR;
            }
            break;
        default:   /* xmlcharrefreplace has no meaning for decoding */
            return rt_raise_str(rt_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        }
        i += consumed;
    }
    return rts_buf_finish(&b);
}

Value rt_str_from_utf8_checked(const char *s, size_t n) { return rt_decode_c(s, n, NULL, NULL); }
