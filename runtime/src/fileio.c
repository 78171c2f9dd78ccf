/*
 * fileio.c - builtins.open and the file objects it returns: a text file (_io.TextIOWrapper)
 * or a binary one (_io.BufferedReader / BufferedWriter / BufferedRandom), all over C stdio.
 *
 * Entry point: rt_builtin_open (rt_builtins.h).  Methods are ordinary method-table rows
 * (registered with descr.c on first use), so `with open(...) as f`, bound methods and
 * getattr all go through the generic attribute machinery.
 *
 * Text files decode on reading and encode on writing (UTF-8 unless `encoding` names another
 * codec of codecs.c), with CPython's newline handling: newline=None translates "\r\n" and
 * "\r" to "\n" on input (recording the kinds seen for `newlines`); newline="" ends lines at
 * any of them but keeps them; "\n", "\r" and "\r\n" end lines only there; on output
 * newline="\r\n" or "\r" replaces "\n".  A text reader takes one character at a time by the
 * codec's layout (UTF-8 sequences, 2- or 4-byte units), so line ends are found before decoding
 * and errors= applies to the whole text read.  utf-16, utf-32 and utf-8-sig read their BOM at
 * position 0 (which also fixes the byte order) and write it only at position 0.  Positions
 * (tell/seek) are byte offsets, as CPython's cookies are for a stateless decoder.
 *
 * CPython closes a file as soon as its last reference goes (reference counting), so programs
 * often read back what an unclosed file object wrote.  To keep that working without
 * reference counts, every open() and every read first flushes the files still open for
 * writing (`writers`, a GC-visible list).
 *
 * Invariants: a closed file has fp == NULL; every operation on it raises ValueError "I/O
 * operation on closed file.".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_class.h"
#include "rt_containers.h"
#include "rt_str.h"
#include "class_internal.h"

typedef struct FileObject {
    Object ob;
    FILE *fp;             /* NULL once closed */
    Value name;           /* as given to open() (str, bytes or int) */
    Value mode;           /* str: "r", "w", "rb" ... as CPython reports it */
    Value encoding;       /* str (text files) */
    Value errors;         /* str (text files) */
    const char *enc;      /* encoding as a C string; NULL = UTF-8 */
    const char *errs;     /* NULL = strict */
    int readable, writable, binary, closefd;
    int nl_mode;          /* NL_*: where lines end on input, and what is translated */
    const char *nl_out;   /* what "\n" becomes on output, NULL = unchanged */
    int layout;           /* RT_CODEC_* of the text codec (rt_str.h) */
    int bom;              /* the codec starts a stream with a byte order mark */
    const char *dec;      /* the codec reads decode with (the BOM's byte order); NULL = UTF-8 */
    const char *enc_cont; /* the codec writes use after position 0 (no BOM); NULL = UTF-8 */
    int seen;             /* line ends a reader met (newline None or ""): 1 "\r", 2 "\n", 4 "\r\n" */
    int pending_cr;       /* newline "": the text read so far ended with "\r" */
    int npb;              /* bytes read ahead and given back (text files): pb[npb-1] first */
    unsigned char pb[16];
} FileObject;

enum { NL_TRANSLATE, NL_ANY, NL_LF, NL_CR, NL_CRLF };

static Type text_type, breader_type, bwriter_type, brandom_type;
static Value writers;     /* list of the files open for writing, flushed before reads */

static FileObject *F(Value v) { return (FileObject *)rt_obj(v); }

static int is_str(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS);
}

static void flush_writers(void)
{
    if (!writers)
        return;
    for (int64_t i = 0; i < rt_list_size(writers); i++) {
        FileObject *f = F(((ListObject *)rt_obj(writers))->items[i]);
        if (f->fp)
            fflush(f->fp);
    }
}

/* io.UnsupportedOperation(OSError, ValueError): made on first use, the class lib/io.py
 * exports (through the `_io` module below), so `except io.UnsupportedOperation` catches what
 * the file methods raise */
static Value unsupported_type;

Value rt_io_unsupported_operation(void)
{
    if (unsupported_type)
        return unsupported_type;
    Value bases = rt_tuple_pack(2, rt_val(rt_OSError), rt_val(rt_ValueError));
    Value dict = rt_dict_new();
    if (!bases || !dict || rt_dict_set(dict, rt_str_intern("__module__"),
                                       rt_str_from_cstr("io")) < 0)
        return RT_ERR;
    Value t = rt_type_new(&rt_type_type, rt_str_from_cstr("UnsupportedOperation"), bases, dict,
                          0, 0);
    if (t)
        unsupported_type = t;
    return t;
}

static Value raise_unsupported(const char *msg)
{
    Value t = rt_io_unsupported_operation();
    if (!t)
        return RT_ERR;
    Value arg = rt_str_from_cstr(msg);
    Value e = arg ? rt_call(t, &arg, 1, 0) : 0;
    return e ? rt_raise(e) : RT_ERR;
}

Value rt_io_module_create(void)
{
    Value m = rt_module_new("_io", 0);
    Value t = m ? rt_io_unsupported_operation() : 0;
    if (!t || rt_dict_set(((ModuleObject *)rt_obj(m))->dict,
                          rt_str_intern("UnsupportedOperation"), t) < 0)
        return RT_ERR;
    return m;
}

static int check_open(Value self)
{
    if (F(self)->fp)
        return 0;
    rt_raise_str(rt_ValueError, "I/O operation on closed file.");
    return -1;
}

static int check_readable(Value self)
{
    if (check_open(self) < 0)
        return -1;
    if (F(self)->readable)
        return 0;
    raise_unsupported(F(self)->binary ? "read" : "not readable");
    return -1;
}

static int check_writable(Value self)
{
    if (check_open(self) < 0)
        return -1;
    if (F(self)->writable)
        return 0;
    raise_unsupported(F(self)->binary ? "write" : "not writable");
    return -1;
}

static Value io_error(Value self)
{
    int e = errno ? errno : EIO;
    clearerr(F(self)->fp);
    return rt_raise_errno(e, 0);
}

/* ================================================================ reading =============== */

/* The next byte: given-back bytes first.  Only text files ever give bytes back. */
static int getb(FileObject *f) { return f->npb ? f->pb[--f->npb] : getc(f->fp); }

static void ungetb(FileObject *f, const unsigned char *raw, int n)
{
    for (int i = n - 1; i >= 0 && f->npb < (int)sizeof f->pb; i--)
        f->pb[f->npb++] = raw[i];
}

/* puts the read-ahead bytes back into the stream, before anything that moves or uses the
 * position (tell, seek, write, truncate) */
static void sync_pb(FileObject *f)
{
    if (f->npb && f->fp) {
        fseek(f->fp, -(long)f->npb, SEEK_CUR);
        f->npb = 0;
    }
}

/* One code point's bytes by the codec's layout into raw (at most 4): how many, 0 at end of
 * file.  *cp is its value as far as line ends need it; a truncated or invalid sequence gets a
 * value that is no line end and is left to the decoder to report. */
static int read_cp(FileObject *f, unsigned char raw[4], uint32_t *cp)
{
    int c = getb(f);
    if (c == EOF)
        return 0;
    raw[0] = (unsigned char)c;
    *cp = (uint32_t)c;
    int n = 1, d;
    switch (f->layout) {
    case RT_CODEC_BYTE:
        return 1;
    case RT_CODEC_UTF16LE:
    case RT_CODEC_UTF16BE: {
        int le = f->layout == RT_CODEC_UTF16LE;
        if ((d = getb(f)) == EOF) {
            *cp = 0xFFFFFFFFu;
            return 1;
        }
        raw[n++] = (unsigned char)d;
        *cp = le ? raw[0] | (uint32_t)raw[1] << 8 : (uint32_t)raw[0] << 8 | raw[1];
        if (*cp >= 0xD800 && *cp <= 0xDBFF) {
            /* a high surrogate: its low half belongs to the same character */
            unsigned char lo[2];
            int k = 0;
            while (k < 2 && (d = getb(f)) != EOF)
                lo[k++] = (unsigned char)d;
            uint32_t u = k == 2 ? (le ? lo[0] | (uint32_t)lo[1] << 8
                                      : (uint32_t)lo[0] << 8 | lo[1]) : 0;
            if (k == 2 && u >= 0xDC00 && u <= 0xDFFF) {
                raw[n++] = lo[0];
                raw[n++] = lo[1];
            } else {
                ungetb(f, lo, k);
            }
        }
        return n;
    }
    case RT_CODEC_UTF32LE:
    case RT_CODEC_UTF32BE:
        while (n < 4 && (d = getb(f)) != EOF)
            raw[n++] = (unsigned char)d;
        if (n < 4)
            *cp = 0xFFFFFFFFu;
        else if (f->layout == RT_CODEC_UTF32LE)
            *cp = raw[0] | (uint32_t)raw[1] << 8 | (uint32_t)raw[2] << 16 | (uint32_t)raw[3] << 24;
        else
            *cp = (uint32_t)raw[0] << 24 | (uint32_t)raw[1] << 16 | (uint32_t)raw[2] << 8 | raw[3];
        return n;
    default: {
        /* UTF-8: the continuation bytes (invalid ones are left to the decoder) */
        if (c < 0xC0)
            return 1;
        int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        while (more--) {
            if ((d = getb(f)) == EOF)
                break;
            if ((d & 0xC0) != 0x80) {
                unsigned char u = (unsigned char)d;
                ungetb(f, &u, 1);
                break;
            }
            raw[n++] = (unsigned char)d;
        }
        return n;
    }
    }
}

/* "\n" in the codec's layout */
static int encoded_lf(FileObject *f, unsigned char out[4])
{
    memset(out, 0, 4);
    switch (f->layout) {
    case RT_CODEC_UTF16LE: out[0] = '\n'; return 2;
    case RT_CODEC_UTF16BE: out[1] = '\n'; return 2;
    case RT_CODEC_UTF32LE: out[0] = '\n'; return 4;
    case RT_CODEC_UTF32BE: out[3] = '\n'; return 4;
    default: out[0] = '\n'; return 1;
    }
}

/* At position 0 of a BOM codec: consumes the byte order mark, which also fixes the byte order
 * of utf-16/utf-32 (little-endian without one, as CPython's decoder assumes here). */
static void read_bom(FileObject *f)
{
    if (f->binary || !f->bom || ftell(f->fp) - f->npb != 0)
        return;
    unsigned char b[4];
    int k = 0, d, used = 0;
    while (k < 4 && (d = getb(f)) != EOF)
        b[k++] = (unsigned char)d;
    if (f->layout == RT_CODEC_UTF8) {
        used = k >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
    } else if (f->layout == RT_CODEC_UTF16LE || f->layout == RT_CODEC_UTF16BE) {
        int be = k >= 2 && b[0] == 0xFE && b[1] == 0xFF;
        used = be || (k >= 2 && b[0] == 0xFF && b[1] == 0xFE) ? 2 : 0;
        f->layout = be ? RT_CODEC_UTF16BE : RT_CODEC_UTF16LE;
        f->dec = be ? "utf-16-be" : "utf-16-le";
    } else {
        int be = k == 4 && !b[0] && !b[1] && b[2] == 0xFE && b[3] == 0xFF;
        used = be || (k == 4 && b[0] == 0xFF && b[1] == 0xFE && !b[2] && !b[3]) ? 4 : 0;
        f->layout = be ? RT_CODEC_UTF32BE : RT_CODEC_UTF32LE;
        f->dec = be ? "utf-32-be" : "utf-32-le";
    }
    ungetb(f, b + used, k - used);
}

/* Appends one character to b (text: one code point of the codec, newline-translated;
 * binary: one byte); 0 at end of file, 1 otherwise.  *nl is set when it ended a line.  With
 * `line`, a "\r\n" pair is taken as one character where it ends a line (newline "" and
 * "\r\n"), so that readline stops after it. */
static int read_char(FileObject *f, StrBuf *b, int *nl, int line)
{
    *nl = 0;
    if (f->binary) {
        int c = getc(f->fp);
        if (c == EOF)
            return 0;
        rt_sb_addc(b, (char)c);
        *nl = c == '\n';
        return 1;
    }
    unsigned char raw[4], r2[4];
    uint32_t cp, c2;
    int n = read_cp(f, raw, &cp), n2;
    if (!n)
        return 0;
    switch (f->nl_mode) {
    case NL_TRANSLATE:
        if (cp == '\r') {
            n2 = read_cp(f, r2, &c2);
            if (n2 && c2 == '\n') {
                f->seen |= 4;
            } else {
                ungetb(f, r2, n2);
                f->seen |= 1;
            }
            n = encoded_lf(f, raw);
            cp = '\n';
        } else if (cp == '\n') {
            f->seen |= 2;
        }
        *nl = cp == '\n';
        break;
    case NL_LF:
        *nl = cp == '\n';
        break;
    case NL_CR:
        *nl = cp == '\r';
        break;
    default:   /* NL_ANY, NL_CRLF */
        if (cp == '\n') {
            *nl = f->nl_mode == NL_ANY;
        } else if (cp == '\r' && line) {
            n2 = read_cp(f, r2, &c2);
            if (n2 && c2 == '\n') {
                rt_sb_add(b, (const char *)raw, (size_t)n);
                memcpy(raw, r2, (size_t)n2);
                n = n2;
                *nl = 1;
            } else {
                ungetb(f, r2, n2);
                *nl = f->nl_mode == NL_ANY;
            }
        }
        break;
    }
    rt_sb_add(b, (const char *)raw, (size_t)n);
    return 1;
}

/* the bytes read as the file's result type: bytes, or str decoded with the file's codec */
static Value finish(FileObject *f, StrBuf *b)
{
    if (b->failed)
        return RT_ERR;
    if (f->binary)
        return rt_bytes_from(b->p ? b->p : "", b->len);
    Value s;
    if (!f->dec && !f->errs)
        s = rt_str_from_utf8_checked(b->p ? b->p : "", b->len);
    else
        s = rt_decode_c(b->p ? b->p : "", b->len, f->dec ? f->dec : "utf-8", f->errs);
    if (s && f->nl_mode == NL_ANY) {
        /* newline="" keeps the line ends but still records their kinds; a "\r" at the end
         * waits for the next read to tell "\r\n" from "\r" */
        const char *p = rt_str_bytes(s);
        for (size_t i = 0, n = rt_str_nbytes(s); i < n; i++) {
            if (f->pending_cr) {
                f->seen |= p[i] == '\n' ? 4 : 1;
                f->pending_cr = 0;
                if (p[i] == '\n')
                    continue;
            }
            if (p[i] == '\r')
                f->pending_cr = 1;
            else if (p[i] == '\n')
                f->seen |= 2;
        }
    }
    return s;
}

/* up to `limit` characters (all when negative), stopping after a line end when `line` */
static Value read_chars(Value self, int64_t limit, int line)
{
    FileObject *f = F(self);
    StrBuf b;
    rt_sb_init(&b);
    flush_writers();
    read_bom(f);
    int nl;
    for (int64_t n = 0; limit < 0 || n < limit; n++) {
        if (!read_char(f, &b, &nl, line) || (line && nl))
            break;
    }
    if (ferror(f->fp))
        return io_error(self);
    return finish(f, &b);
}

/* read(size=-1) */
static Value f_read(Value self, Value size)
{
    if (check_readable(self) < 0)
        return RT_ERR;
    int64_t n = -1;
    if (size && size != rt_None && rt_int_as_i64(size, &n) < 0)
        return RT_ERR;
    FileObject *f = F(self);
    if (n < 0 && (f->binary || f->nl_mode != NL_TRANSLATE)) {
        /* everything that is left, in large chunks */
        StrBuf b;
        rt_sb_init(&b);
        flush_writers();
        read_bom(f);
        while (f->npb)
            rt_sb_addc(&b, (char)f->pb[--f->npb]);
        char buf[65536];
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, f->fp)) > 0)
            rt_sb_add(&b, buf, got);
        if (ferror(f->fp))
            return io_error(self);
        return finish(f, &b);
    }
    return read_chars(self, n, 0);
}

/* readinto(buffer): reads up to len(buffer) bytes straight into a bytearray or a writable
 * memoryview; the count read (0 at end of file) */
static Value f_readinto(Value self, Value buffer)
{
    if (check_readable(self) < 0)
        return RT_ERR;
    char *p;
    int64_t n;
    if (rt_buffer_writable(buffer, "readinto()", &p, &n) < 0)
        return RT_ERR;
    flush_writers();
    size_t got = n ? fread(p, 1, (size_t)n, F(self)->fp) : 0;
    if (ferror(F(self)->fp))
        return io_error(self);
    return rt_int_from_i64((int64_t)got);
}

static Value f_readline(Value self, Value size)
{
    if (check_readable(self) < 0)
        return RT_ERR;
    int64_t n = -1;
    if (size && size != rt_None && rt_int_as_i64(size, &n) < 0)
        return RT_ERR;
    return read_chars(self, n, 1);
}

static int is_empty(Value v)
{
    return is_str(v) ? rt_str_nbytes(v) == 0 : rt_bytes_len(v) == 0;
}

static int64_t line_size(Value v) { return is_str(v) ? rt_str_len(v) : rt_bytes_len(v); }

/* readlines(hint=-1): stops once the lines read total at least hint characters */
static Value f_readlines(Value self, Value hint)
{
    if (check_readable(self) < 0)
        return RT_ERR;
    int64_t h = -1, total = 0;
    if (hint && hint != rt_None && rt_int_as_i64(hint, &h) < 0)
        return RT_ERR;
    Value l = rt_list_new(0);
    for (;;) {
        if (!l)
            return RT_ERR;
        Value line = read_chars(self, -1, 1);
        if (!line)
            return RT_ERR;
        if (is_empty(line))
            return l;
        if (rt_list_append(l, line) < 0)
            return RT_ERR;
        total += line_size(line);
        if (h > 0 && total >= h)
            return l;
    }
}

static Value f_iternext(Value self)
{
    if (check_readable(self) < 0)
        return RT_ERR;
    Value line = read_chars(self, -1, 1);
    if (!line || is_empty(line))
        return RT_ERR;   /* exhausted: no exception pending */
    return line;
}

static Value f_iter(Value self) { return check_open(self) < 0 ? RT_ERR : self; }

/* ================================================================ writing =============== */

static Value f_write(Value self, Value data)
{
    if (check_writable(self) < 0)
        return RT_ERR;
    FileObject *f = F(self);
    const char *p;
    int64_t n, result;
    /* C streams need a positioning call between reading and writing */
    sync_pb(f);
    if (f->readable)
        fseek(f->fp, 0, SEEK_CUR);
    if (f->binary) {
        if (rt_bytes_view(data, &p, &n) < 0)
            return rt_raise_fmt(rt_TypeError, "a bytes-like object is required, not '%T'", data);
        result = n;
    } else {
        if (!is_str(data))
            return rt_raise_fmt(rt_TypeError, "write() argument must be str, not %T", data);
        result = rt_str_len(data);
        if (f->nl_out) {
            Value lf = rt_str_from_cstr("\n"), to = rt_str_from_cstr(f->nl_out);
            if (!lf || !to || !(data = rt_str_replace(data, lf, to, 0)))
                return RT_ERR;
        }
        const char *codec = f->enc;
        if (f->bom && ftell(f->fp) != 0)
            codec = f->enc_cont;   /* the BOM only opens the stream */
        if (codec || f->errs) {
            Value enc = rt_str_encode_c(data, codec, f->errs);
            if (!enc)
                return RT_ERR;
            data = enc;
            rt_bytes_view(enc, &p, &n);
        } else {
            Value chk = rt_str_encode_c(data, NULL, NULL);   /* lone surrogates raise */
            if (!chk)
                return RT_ERR;
            p = rt_str_bytes(data);
            n = (int64_t)rt_str_nbytes(data);
        }
    }
    if (n && fwrite(p, 1, (size_t)n, f->fp) != (size_t)n) {
        return io_error(self);
    }
    return rt_int_from_i64(result);
}

static Value f_writelines(Value self, Value lines)
{
    if (check_writable(self) < 0)
        return RT_ERR;
    Value it = rt_iter(lines), x;
    if (!it)
        return RT_ERR;
    while ((x = rt_next(it)))
        if (!f_write(self, x))
            return RT_ERR;
    return rt_exc_pending() ? RT_ERR : rt_None;
}

static Value f_flush(Value self)
{
    if (check_open(self) < 0)
        return RT_ERR;
    if (fflush(F(self)->fp) == EOF)
        return io_error(self);
    return rt_None;
}

/* ================================================================ the rest ============== */

static Value f_close(Value self)
{
    FileObject *f = F(self);
    if (!f->fp)
        return rt_None;
    int r = f->closefd ? fclose(f->fp) : fflush(f->fp);
    f->fp = NULL;
    if (writers)
        for (int64_t i = 0; i < rt_list_size(writers); i++)
            if (((ListObject *)rt_obj(writers))->items[i] == self) {
                rt_list_setitem(writers, rt_small(i), 0);
                break;
            }
    if (r == EOF)
        return rt_raise_errno(errno ? errno : EIO, 0);
    return rt_None;
}

static Value f_tell(Value self)
{
    if (check_open(self) < 0)
        return RT_ERR;
    long pos = ftell(F(self)->fp);
    return pos < 0 ? io_error(self) : rt_int_from_i64(pos - F(self)->npb);
}

static Value f_seek(Value self, Value offset, Value whence)
{
    if (check_open(self) < 0)
        return RT_ERR;
    int64_t off, wh = 0;
    if (rt_int_as_i64(offset, &off) < 0 || (whence && rt_int_as_i64(whence, &wh) < 0))
        return RT_ERR;
    if (wh < 0 || wh > 2)
        return rt_raise_fmt(rt_ValueError, "invalid whence (%lld, should be 0, 1 or 2)",
                            (long long)wh);
    if (!F(self)->binary && wh != 0 && off != 0)
        return raise_unsupported(wh == 1 ? "can't do nonzero cur-relative seeks"
                                         : "can't do nonzero end-relative seeks");
    if (!F(self)->binary && off < 0)
        return rt_raise_fmt(rt_ValueError, "negative seek position %lld", (long long)off);
    flush_writers();
    sync_pb(F(self));
    if (fseek(F(self)->fp, (long)off, (int)wh) < 0)
        return rt_raise_errno(errno, 0);
    return f_tell(self);
}

static Value f_truncate(Value self, Value size)
{
    if (check_writable(self) < 0)
        return RT_ERR;
    sync_pb(F(self));
    fflush(F(self)->fp);
    int64_t n;
    if (size && size != rt_None) {
        if (rt_int_as_i64(size, &n) < 0)
            return RT_ERR;
    } else {
        n = ftell(F(self)->fp);
    }
    if (ftruncate(fileno(F(self)->fp), (off_t)n) < 0)
        return rt_raise_errno(errno, 0);
    return rt_int_from_i64(n);
}

static Value f_fileno(Value self)
{
    return check_open(self) < 0 ? RT_ERR : rt_small(fileno(F(self)->fp));
}

static Value f_isatty(Value self)
{
    return check_open(self) < 0 ? RT_ERR : rt_bool(isatty(fileno(F(self)->fp)));
}

static Value f_readable(Value self) { return check_open(self) < 0 ? RT_ERR : rt_bool(F(self)->readable); }
static Value f_writable(Value self) { return check_open(self) < 0 ? RT_ERR : rt_bool(F(self)->writable); }
static Value f_seekable(Value self) { return check_open(self) < 0 ? RT_ERR : rt_True; }

static Value f_enter(Value self) { return check_open(self) < 0 ? RT_ERR : self; }

static Value f_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return f_close(self);
}

static Value f_closed(Value self) { return rt_bool(!F(self)->fp); }
static Value f_name(Value self) { return F(self)->name; }
static Value f_mode(Value self) { return F(self)->mode; }
static Value f_encoding(Value self) { return F(self)->encoding; }
static Value f_errors(Value self) { return F(self)->errors; }
/* the kinds of line end a translating reader has met: None, one str, or a tuple of them in
 * CPython's order */
static Value f_newlines(Value self)
{
    FileObject *f = F(self);
    Value kinds[3];
    int n = 0;
    if (f->nl_mode != NL_TRANSLATE && f->nl_mode != NL_ANY)
        return rt_None;
    int seen = f->seen | (f->pending_cr && !f->fp ? 1 : 0);
    if (f->pending_cr && f->fp) {
        /* a final "\r" is one once nothing follows it */
        int c = getb(f);
        if (c == EOF) {
            clearerr(f->fp);
            seen |= 1;
        } else {
            unsigned char u = (unsigned char)c;
            ungetb(f, &u, 1);
        }
    }
    if (seen & 1)
        kinds[n++] = rt_str_from_cstr("\r");
    if (seen & 2)
        kinds[n++] = rt_str_from_cstr("\n");
    if (seen & 4)
        kinds[n++] = rt_str_from_cstr("\r\n");
    for (int i = 0; i < n; i++)
        if (!kinds[i])
            return RT_ERR;
    if (n == 0)
        return rt_None;
    if (n == 1)
        return kinds[0];
    return n == 2 ? rt_tuple_pack(2, kinds[0], kinds[1]) : rt_tuple_pack(3, kinds[0], kinds[1], kinds[2]);
}

#define M(n, f, lo, hi) {#n, (void (*)(void))(f), MD_METHOD, lo, hi, NULL},
#define G(n, f) {#n, (void (*)(void))(f), MD_GETTER, 0, 0, NULL},
#define COMMON                                                                                  \
    M(read, f_read, 0, 1) M(readline, f_readline, 0, 1) M(readlines, f_readlines, 0, 1)        \
    M(write, f_write, 1, 1) M(writelines, f_writelines, 1, 1) M(flush, f_flush, 0, 0)          \
    M(close, f_close, 0, 0) M(tell, f_tell, 0, 0) M(seek, f_seek, 1, 2)                        \
    M(truncate, f_truncate, 0, 1) M(fileno, f_fileno, 0, 0) M(isatty, f_isatty, 0, 0)          \
    M(readable, f_readable, 0, 0) M(writable, f_writable, 0, 0)                                \
    M(seekable, f_seekable, 0, 0) M(__enter__, f_enter, 0, 0)                                  \
    {"__exit__", (void (*)(void))f_exit, MD_VARARGS, 0, 0, NULL},                              \
    G(closed, f_closed) G(name, f_name) G(mode, f_mode)

static const MethodDef text_methods[] = {
    COMMON G(encoding, f_encoding) G(errors, f_errors) G(newlines, f_newlines) {NULL, NULL, 0, 0, 0, NULL},
};
static const MethodDef binary_methods[] = {
    COMMON M(readinto, f_readinto, 1, 1) {NULL, NULL, 0, 0, 0, NULL},
};

static Value f_repr(Value self)
{
    FileObject *f = F(self);
    Value n = rt_repr(f->name);
    if (!n)
        return RT_ERR;
    const char *tn = rt_typeof(self)->name;
    if (!f->fp)
        return rt_sb_str_fmt("<%s name=%U>", tn, n);
    if (f->binary)
        return rt_sb_str_fmt("<%s name=%U>", tn, n);
    return rt_sb_str_fmt("<%s name=%U mode=%R encoding=%R>", tn, n, f->mode, f->encoding);
}

static int64_t f_hash(Value v)
{
    int64_t h = (int64_t)((uintptr_t)rt_obj(v) >> 4);
    return h == -1 ? -2 : h;
}

#define FILE_TYPE(var, tname)                                                                   \
    static Type var = {                                                                         \
        .ob = {&rt_type_type}, .name = tname, .base = &rt_object_type,                          \
        .basicsize = sizeof(FileObject), .repr = f_repr, .hash = f_hash, .iter = f_iter,        \
        .iternext = f_iternext,                                                                 \
    }
FILE_TYPE(text_type, "_io.TextIOWrapper");
FILE_TYPE(breader_type, "_io.BufferedReader");
FILE_TYPE(bwriter_type, "_io.BufferedWriter");
FILE_TYPE(brandom_type, "_io.BufferedRandom");

/* ================================================================ open() ================ */

static int str_is(Value s, const char *c) { return is_str(s) && !strcmp(rt_str_bytes(s), c); }

/* a str argument as a C string (NULL for None or missing); -1 after raising */
static int c_string(Value v, const char *what, const char **out)
{
    *out = NULL;
    if (!v || v == rt_None)
        return 0;
    if (!is_str(v)) {
        rt_raise_fmt(rt_TypeError, "open() argument '%s' must be str or None, not %T", what, v);
        return -1;
    }
    *out = rt_str_bytes(v);
    return 0;
}

Value rt_builtin_open(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener"};
    Value a[8] = {0};
    if (nargs > 8)
        return rt_raise_fmt(rt_TypeError, "open() takes at most 8 arguments (%zu given)", nargs);
    for (size_t i = 0; i < nargs; i++)
        a[i] = args[i];
    for (size_t k = 0; kwnames && k < (size_t)rt_tuple_size(kwnames); k++) {
        Value key = rt_tuple_item(kwnames, (int64_t)k);
        size_t i = 0;
        while (i < 8 && !str_is(key, names[i]))
            i++;
        if (i == 8)
            return rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for open()",
                                key);
        if (a[i])
            return rt_raise_fmt(rt_TypeError,
                                "argument for open() given by name ('%s') and position (%zu)",
                                names[i], i + 1);
        a[i] = args[nargs + k];
    }
    if (!a[0])
        return rt_raise_str(rt_TypeError, "open() missing required argument 'file' (pos 1)");
    Value file = a[0];
    const char *mode = "r", *encoding, *errors, *newline;
    if (a[1] && !is_str(a[1]))
        return rt_raise_fmt(rt_TypeError, "open() argument 'mode' must be str, not %T", a[1]);
    if (a[1])
        mode = rt_str_bytes(a[1]);
    if (c_string(a[3], "encoding", &encoding) < 0 || c_string(a[4], "errors", &errors) < 0 ||
        c_string(a[5], "newline", &newline) < 0)
        return RT_ERR;

    /* the mode: exactly one of r w x a, optionally + and one of b t */
    int r = 0, w = 0, x = 0, ap = 0, plus = 0, b = 0, t = 0;
    for (const char *p = mode; *p; p++) {
        int *flag = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'x' ? &x : *p == 'a' ? &ap
                  : *p == '+' ? &plus : *p == 'b' ? &b : *p == 't' ? &t : NULL;
        if (!flag || *flag)
            return rt_raise_fmt(rt_ValueError, "invalid mode: '%s'", mode);
        *flag = 1;
    }
    if (r + w + x + ap != 1)
        return rt_raise_str(rt_ValueError,
                            "must have exactly one of create/read/write/append mode");
    if (b && t)
        return rt_raise_str(rt_ValueError, "can't have text and binary mode at once");
    if (b && encoding)
        return rt_raise_str(rt_ValueError, "binary mode doesn't take an encoding argument");
    if (b && errors)
        return rt_raise_str(rt_ValueError, "binary mode doesn't take an errors argument");
    if (b && newline)
        return rt_raise_str(rt_ValueError, "binary mode doesn't take a newline argument");
    if (newline && strcmp(newline, "") && strcmp(newline, "\n") && strcmp(newline, "\r") &&
        strcmp(newline, "\r\n"))
        return rt_raise_fmt(rt_ValueError, "illegal newline value: %s", newline);

    char cmode[8], *c = cmode;
    *c++ = r ? 'r' : w ? 'w' : x ? 'w' : 'a';
    if (plus)
        *c++ = '+';
    if (x)
        *c++ = 'x';
    *c = '\0';

    FILE *fp;
    int closefd = 1;
    if (a[6] && (closefd = rt_truthy(a[6])) < 0)
        return RT_ERR;
    if (rt_is_int(file)) {
        int64_t fd;
        if (rt_int_as_i64(file, &fd) < 0)
            return RT_ERR;
        fp = fdopen((int)fd, cmode);
        if (!fp)
            return rt_raise_errno(errno, 0);
    } else {
        const char *path;
        int64_t plen;
        if (is_str(file)) {
            path = rt_str_bytes(file);
        } else if (rt_bytes_view(file, &path, &plen) < 0) {
            return rt_raise_fmt(rt_TypeError,
                                "expected str, bytes or os.PathLike object, not %T", file);
        }
        if (!closefd)
            return rt_raise_str(rt_ValueError, "Cannot use closefd=False with file name");
        flush_writers();
        fp = fopen(path, cmode);
        if (!fp)
            return rt_raise_errno(errno, file);
    }

    Type *tp = !b ? &text_type : plus ? &brandom_type : r ? &breader_type : &bwriter_type;
    if (rt_descr_register_methods(tp, b ? binary_methods : text_methods) < 0)
        return rt_raise_str(rt_RuntimeError, "open(): method table registry full");
    FileObject *f = (FileObject *)rt_new_object(tp, sizeof *f);
    if (!f) {
        fclose(fp);
        return RT_ERR;
    }
    f->fp = fp;
    f->name = file;
    f->readable = r || plus;
    f->writable = !r || plus;
    f->binary = b;
    f->closefd = closefd;
    /* CPython reports the mode without 't' for text files ("r", "w+"), and as given for
     * binary ones normalised to "rb", "wb", "rb+" ... */
    char shown[8], *s = shown;
    *s++ = r ? 'r' : w ? 'w' : x ? 'x' : 'a';
    if (b)
        *s++ = 'b';
    if (plus)
        *s++ = '+';
    *s = '\0';
    f->mode = rt_str_from_cstr(b ? shown : mode);
    if (!b) {
        int utf8 = !encoding || !strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8");
        f->enc = utf8 ? NULL : encoding;
        f->layout = RT_CODEC_UTF8;
        if (f->enc && (f->layout = rt_codec_layout(f->enc, &f->bom)) < 0) {
            /* an unknown codec is reported by open(), as CPython's lookup does */
            fclose(fp);
            f->fp = NULL;
            return rt_raise_fmt(rt_LookupError, "unknown encoding: %s", f->enc);
        }
        f->dec = f->enc;
        f->enc_cont = f->enc;
        if (f->bom) {
            static const char *const cont[] = {NULL, NULL, "utf-16-le", NULL, "utf-32-le"};
            f->dec = f->enc_cont = cont[f->layout];
            if (ap)
                fseek(fp, 0, SEEK_END);   /* appending: a BOM only into an empty file */
        }
        f->errs = errors && strcmp(errors, "strict") ? errors : NULL;
        f->encoding = a[3] && a[3] != rt_None ? a[3] : rt_str_from_cstr("UTF-8");
        f->errors = a[4] && a[4] != rt_None ? a[4] : rt_str_from_cstr("strict");
        f->nl_mode = !newline ? NL_TRANSLATE : !*newline ? NL_ANY : !strcmp(newline, "\n") ? NL_LF
                   : !strcmp(newline, "\r") ? NL_CR : NL_CRLF;
        f->nl_out = newline && (!strcmp(newline, "\r") || !strcmp(newline, "\r\n")) ? newline
                                                                                      : NULL;
    }
    if (f->writable) {
        if (!writers && !(writers = rt_list_new(0)))
            return RT_ERR;
        if (rt_list_append(writers, rt_val(f)) < 0)
            return RT_ERR;
    }
    return rt_val(f);
}
