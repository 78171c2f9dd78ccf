/*
 * decode.c - source_decode() (lexer.h): a source file's bytes to UTF-8 text, as CPython 3.11
 * reads a file (Parser/tokenizer.c: check_bom, check_coding_spec, ensure_utf8).
 *
 *   1. A UTF-8 byte order mark is dropped.
 *   2. A PEP 263 coding declaration is looked for on line 1, and on line 2 when line 1 holds
 *      only blanks and/or a comment: a comment line matching
 *      ^[ \t\f]*#.*?coding[:=][ \t]*([-A-Za-z0-9_.]+).  The name is normalised as CPython's
 *      get_normal_name() does (utf-8 and latin-1 spellings); a BOM with any other declared
 *      encoding is an error.
 *   3. UTF-8 (declared or by default) is validated; anything else goes through glibc's iconv.
 *   4. NUL bytes are rejected.
 * Messages are those `python3 file.py` prints (file mode), not those of compile() on bytes.
 *
 * Ownership: when the text is unchanged (plain valid UTF-8, the common case) the Source is not
 * touched.  Otherwise src->text is replaced by a new malloc'd buffer and the old one is freed,
 * so a Source that will be decoded must own its buffer (source_load does).
 */
#include "lexer.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The end of the line starting at p (at its \n, \r or at end). */
static const char *line_end(const char *p, const char *end)
{
    while (p < end && *p != '\n' && *p != '\r')
        p++;
    return p;
}

static const char *skip_line_end(const char *p, const char *end)
{
    if (p < end && *p == '\r')
        p++;
    else if (p < end && *p == '\n')
        return p + 1;
    if (p < end && *p == '\n')
        p++;
    return p;
}

/* get_normal_name(): the canonical spelling of the utf-8 and latin-1 families. */
static const char *normal_name(const char *s)
{
    char b[13];
    int i;
    for (i = 0; i < 12 && s[i]; i++)
        b[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
    b[i] = 0;
    if (strcmp(b, "utf-8") == 0 || strncmp(b, "utf-8-", 6) == 0)
        return "utf-8";
    if (strcmp(b, "latin-1") == 0 || strcmp(b, "iso-8859-1") == 0 ||
        strcmp(b, "iso-latin-1") == 0 || strncmp(b, "latin-1-", 8) == 0 ||
        strncmp(b, "iso-8859-1-", 11) == 0 || strncmp(b, "iso-latin-1-", 12) == 0)
        return "iso-8859-1";
    return s;
}

/* get_coding_spec() on the line [p, e).  Returns a malloc'd, normalised name or NULL.
 * *comment_only tells whether the line holds nothing but blanks and a comment. */
static char *coding_spec(const char *p, const char *e, bool *comment_only)
{
    const char *q = p;
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\f'))
        q++;
    *comment_only = q == e || *q == '#';
    if (q == e || *q != '#')
        return NULL;
    for (; q + 6 < e; q++) {
        if (memcmp(q, "coding", 6) != 0 || (q[6] != ':' && q[6] != '='))
            continue;
        const char *t = q + 7;
        while (t < e && (*t == ' ' || *t == '\t'))
            t++;
        const char *b = t;
        while (t < e && (isalnum((unsigned char)*t) || *t == '-' || *t == '_' || *t == '.'))
            t++;
        if (t > b) {
            char *name = xstrndup(b, (size_t)(t - b));
            const char *n = normal_name(name);
            if (n != name) {
                free(name);
                name = xstrdup(n);
            }
            return name;
        }
    }
    return NULL;
}

/* The 1-based line of byte p. */
static int line_of(const char *text, const char *p)
{
    int line = 1;
    for (const char *q = text; q < p; q++)
        if (*q == '\n' || (*q == '\r' && !(q + 1 < p && q[1] == '\n')))
            line++;
    return line;
}

/* Why Python's UTF-8 decoder rejects the sequence at s. */
static const char *utf8_reason(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0xC2 || c > 0xF4)
        return "invalid start byte";
    int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return "unexpected end of data";
        unsigned lo = 0x80, hi = 0xBF;
        if (i == 1) {
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        }
        if (s[i] < lo || s[i] > hi)
            return i == 1 || (size_t)i < n ? "invalid continuation byte" : "unexpected end of data";
    }
    return "invalid start byte";
}

/* Validates UTF-8 and looks for NUL bytes; returns the first offending byte or NULL. */
static const char *check_utf8(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    while (p < end) {
        /* eight ASCII bytes at a time: the common case */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            /* any byte >= 0x80, or any zero byte, stops the fast path */
            if ((w & 0x8080808080808080ull) ||
                ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
                break;
            p += 8;
        }
        if (p >= end)
            break;
        if (*p == 0)
            return (const char *)p;
        if (*p < 0x80) {
            p++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(p, (size_t)(end - p), &cp);
        if (k == 0)
            return (const char *)p;
        p += k;
    }
    return NULL;
}

/* Python's codec lookup is lenient (encodings.normalize_encoding: case-insensitive, runs of
 * punctuation as one '_', ends trimmed); glibc's iconv wants its own spellings.  This turns a
 * declared name into Python's normal form, into b (size n). */
static void python_codec_name(const char *name, char *b, size_t n)
{
    size_t k = 0;
    bool sep = false;
    for (const char *c = name; *c && k + 2 < n; c++) {
        if (isalnum((unsigned char)*c) || *c == '.') {
            if (sep && k > 0)
                b[k++] = '_';
            sep = false;
            b[k++] = (char)tolower((unsigned char)*c);
        } else {
            sep = true;
        }
    }
    b[k] = 0;
}

/* Python codec names whose iconv spelling is not a mechanical variant. */
static const struct { const char *py, *iconv; } codec_alias[] = {
    {"utf", "UTF-8"}, {"u8", "UTF-8"}, {"cp65001", "UTF-8"}, {"latin", "ISO-8859-1"},
    {"latin_1", "ISO-8859-1"}, {"l1", "ISO-8859-1"}, {"646", "ASCII"}, {"us", "ASCII"},
    {"mac_roman", "MACINTOSH"}, {"macroman", "MACINTOSH"}, {"macintosh", "MACINTOSH"},
    {"mac_cyrillic", "MAC-CYRILLIC"}, {"maccyrillic", "MAC-CYRILLIC"},
    {"mac_latin2", "MAC-CENTRALEUROPE"}, {"mac_centeuro", "MAC-CENTRALEUROPE"},
    {"mac_iceland", "MAC-IS"}, {"mac_turkish", "MAC-TURKISH"}, {"mac_greek", "MAC-GREEK"},
    {"ms932", "CP932"}, {"mskanji", "CP932"}, {"ms_kanji", "CP932"}, {"sjis", "SHIFT_JIS"},
    {"s_jis", "SHIFT_JIS"}, {"shift_jis", "SHIFT_JIS"}, {"eucjp", "EUC-JP"}, {"ujis", "EUC-JP"},
    {"u_jis", "EUC-JP"}, {"euckr", "EUC-KR"}, {"ks_c_5601", "EUC-KR"}, {"big5_tw", "BIG5"},
    {"csbig5", "BIG5"}, {"hkscs", "BIG5-HKSCS"}, {"big5hkscs", "BIG5-HKSCS"},
    {"chinese", "GB2312"}, {"936", "GBK"}, {"ms936", "GBK"}, {"cp936", "GBK"},
};

static iconv_t open_codec(const char *name)
{
    char py[64], alt[64];
    python_codec_name(name, py, sizeof py);
    for (size_t i = 0; i < countof(codec_alias); i++)
        if (strcmp(py, codec_alias[i].py) == 0)
            return iconv_open("UTF-8", codec_alias[i].iconv);
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd != (iconv_t)-1)
        return cd;
    /* euc_jp -> euc-jp, iso8859_15 -> iso8859-15, then latin_1 -> latin1 */
    size_t k = 0;
    for (const char *c = py; *c; c++)
        alt[k++] = *c == '_' ? '-' : *c;
    alt[k] = 0;
    cd = iconv_open("UTF-8", alt);
    if (cd != (iconv_t)-1)
        return cd;
    k = 0;
    for (const char *c = py; *c; c++)
        if (*c != '_')
            alt[k++] = *c;
    alt[k] = 0;
    return iconv_open("UTF-8", alt);
}

/* Does the declared name mean UTF-16 or UTF-32?  A file declaring one cannot hold its ASCII
 * declaration line, so CPython fails to read it. */
static bool wide_codec(const char *name)
{
    char py[64], b[64];
    python_codec_name(name, py, sizeof py);
    size_t k = 0;
    for (const char *c = py; *c; c++)
        if (*c != '_')
            b[k++] = *c;
    b[k] = 0;
    return strncmp(b, "utf16", 5) == 0 || strncmp(b, "utf32", 5) == 0 ||
           strncmp(b, "u16", 3) == 0 || strncmp(b, "u32", 3) == 0 ||
           strncmp(b, "ucs2", 4) == 0 || strncmp(b, "ucs4", 4) == 0;
}

/* iconv from `name` to UTF-8.  Returns a malloc'd NUL-terminated buffer, or NULL when the
 * encoding is unknown or the bytes are invalid in it. */
static char *transcode(const char *name, const char *in, size_t inlen, size_t *outlen)
{
    if (wide_codec(name))
        return NULL;
    iconv_t cd = open_codec(name);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = inlen * 4 + 16;
    char *out = xmalloc(cap);
    char *ip = (char *)in, *op = out;
    size_t il = inlen, ol = cap - 1;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    if (r != (size_t)-1)
        r = iconv(cd, NULL, NULL, &op, &ol);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(out);
        return NULL;
    }
    *op = 0;
    *outlen = (size_t)(op - out);
    return out;
}

static void replace_text(Source *src, char *text, size_t len)
{
    free((char *)src->text);
    src->text = text;
    src->len = len;
}

int source_decode(Source *src, Diag *err)
{
    const char *text = src->text, *end = text + src->len;
    bool bom = src->len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0;
    const char *body = bom ? text + 3 : text;

    /* the coding declaration: line 1, or line 2 after a blank or comment-only line 1 */
    bool comment_only;
    const char *e1 = line_end(body, end);
    char *cs = coding_spec(body, e1, &comment_only);
    if (!cs && comment_only) {
        const char *l2 = skip_line_end(e1, end);
        if (l2 < end)
            cs = coding_spec(l2, line_end(l2, end), &comment_only);
    }
    int rc = 0;
    if (cs && bom && strcmp(cs, "utf-8") != 0) {
        diag_set(err, src, 0, 0, "SyntaxError", "encoding problem: %s with BOM", cs);
        rc = -1;
    } else if (!cs || strcmp(cs, "utf-8") == 0) {
        const char *bad = check_utf8(body, (size_t)(end - body));
        if (bad && *bad == 0) {
            diag_set(err, src, line_of(body, bad), 0, "SyntaxError",
                     "source code cannot contain null bytes");
            rc = -1;
        } else if (bad && !cs && !bom) {
            /* CPython's script runner prints this without a location; we give the line (as
             * compile() does) so that the diagnostic shows where the byte is */
            const char *ls = bad;
            while (ls > body && ls[-1] != '\n' && ls[-1] != '\r')
                ls--;
            diag_set(err, src, line_of(body, bad), (int)(bad - ls), "SyntaxError",
                     "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                     "encoding declared; see https://peps.python.org/pep-0263/ for details",
                     (unsigned char)*bad, src->path ? src->path : "<input>", line_of(body, bad));
            rc = -1;
        } else if (bad) {
            /* declared UTF-8: CPython fails where the bytes are used (a string, a name); we
             * report the first bad byte wherever it is */
            int line = line_of(body, bad);
            const char *ls = bad;
            while (ls > body && ls[-1] != '\n' && ls[-1] != '\r')
                ls--;
            diag_set(err, src, line, (int)(bad - ls), "SyntaxError",
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position 0: %s",
                     (unsigned char)*bad,
                     utf8_reason((const unsigned char *)bad, (size_t)(end - bad)));
            rc = -1;
        } else if (bom) {
            size_t n = (size_t)(end - body);
            char *t = xmalloc(n + 1);
            memcpy(t, body, n);
            t[n] = 0;
            replace_text(src, t, n);
        }
    } else {
        size_t outlen = 0;
        char *t = transcode(cs, body, (size_t)(end - body), &outlen);
        if (!t) {
            diag_set(err, src, 0, 0, "SyntaxError", "encoding problem: %s", cs);
            rc = -1;
        } else {
            const char *nul = memchr(t, 0, outlen);
            if (nul) {
                diag_set(err, src, line_of(t, nul), 0, "SyntaxError",
                         "source code cannot contain null bytes");
                free(t);
                rc = -1;
            } else {
                replace_text(src, t, outlen);
            }
        }
    }
    free(cs);
    return rc;
}
