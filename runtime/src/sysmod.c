/*
 * sysmod.c - the `sys` module and the standard streams (sys.stdin, sys.stdout, sys.stderr).
 *
 * Entry points (rt_builtins.h): rt_sys_module_create, rt_sys_set_argv, rt_std_stream,
 * rt_file_write, rt_file_flush, rt_sys_exit_status, rt_flush_std_streams.
 *
 * The streams write through C stdio, which buffers exactly as CPython's io stack does by
 * default: stdout line-buffered to a terminal and block-buffered to a pipe or file, stderr
 * unbuffered; and rt_print_exception writes to the same FILE, so the order of output is kept.
 * Text is UTF-8: stdout encodes strictly (a lone surrogate raises UnicodeEncodeError),
 * stderr with backslashreplace, as CPython.  SIGPIPE is ignored by rt_run_main, so a write to
 * a closed pipe raises BrokenPipeError.
 *
 * Stream methods are reached through the stream type's getattr slot (a small table here),
 * not through the general attribute machinery, so they work before user classes exist.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_str.h"

static Value sys_module;
static Value sys_argv;

static size_t nkw(Value kwnames) { return kwnames ? (size_t)rt_tuple_size(kwnames) : 0; }

static int is_str(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS);
}

static int str_eq_c(Value s, const char *c)
{
    size_t n = rt_str_nbytes(s);
    return strncmp(rt_str_bytes(s), c, n) == 0 && c[n] == '\0';
}

/* argument count check of a function without keywords; qualname as CPython names it in
 * "sys.intern() takes exactly one argument (0 given)" (METH_O) and "TextIOWrapper.flush()
 * takes no arguments (1 given)" (METH_NOARGS); the other forms use the bare name ("exit
 * expected at most 1 argument, got 2") */
static int check_nargs(const char *qualname, size_t nargs, Value kwnames, size_t lo, size_t hi)
{
    const char *dot = strrchr(qualname, '.');
    const char *name = dot ? dot + 1 : qualname;
    if (nkw(kwnames)) {
        rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs >= lo && nargs <= hi)
        return 0;
    if (hi == 0)
        rt_raise_fmt(rt_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
    else if (lo == hi && lo == 1)
        rt_raise_fmt(rt_TypeError, "%s() takes exactly one argument (%zu given)", qualname,
                     nargs);
    else if (nargs < lo)
        rt_raise_fmt(rt_TypeError, "%s expected at least %zu argument%s, got %zu", name, lo,
                     lo == 1 ? "" : "s", nargs);
    else
        rt_raise_fmt(rt_TypeError, "%s expected at most %zu argument%s, got %zu", name, hi,
                     hi == 1 ? "" : "s", nargs);
    return -1;
}

/* ================================================================ streams ================ */

typedef struct StreamObject {
    Object ob;
    FILE *fp;
    int fd;
    int backslashreplace;   /* stderr's error handler */
    const char *name;       /* "<stdout>" */
    const char *mode;
} StreamObject;

static Type stream_type;
static Value streams[3];

static Value stream_error(void)
{
    int e = errno ? errno : EIO;
    return rt_raise_errno(e, 0);
}

static int stream_write_str(StreamObject *s, Value str)
{
    const char *p = rt_str_bytes(str);
    size_t n = rt_str_nbytes(str);
    if (!((StrObject *)rt_obj(str))->ascii) {
        /* validates: lone surrogates cannot go out as UTF-8 */
        Value b = rt_str_encode_c(str, "utf-8", s->backslashreplace ? "backslashreplace"
                                                                     : "strict");
        if (!b)
            return -1;
        p = ((BytesObject *)rt_obj(b))->data;
        n = (size_t)((BytesObject *)rt_obj(b))->size;
    }
    if (n && fwrite(p, 1, n, s->fp) != n) {
        clearerr(s->fp);
        stream_error();
        return -1;
    }
    return 0;
}

static Value m_write(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.write", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    if (!is_str(args[0]))
        return rt_raise_fmt(rt_TypeError, "write() argument must be str, not %T", args[0]);
    if (stream_write_str((StreamObject *)rt_obj(self), args[0]) < 0)
        return RT_ERR;
    return rt_int_from_i64(rt_str_len_of(args[0]));
}

static Value m_flush(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.flush", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    StreamObject *s = (StreamObject *)rt_obj(self);
    if (fflush(s->fp) != 0) {
        clearerr(s->fp);
        return stream_error();
    }
    return rt_None;
}

/* one line including its '\n' ("" at end of file); limit < 0: no limit */
static Value read_line(StreamObject *s, int64_t limit)
{
    StrBuf b;
    rt_sb_init(&b);
    int c;
    while ((limit < 0 || (int64_t)b.len < limit) && (c = getc(s->fp)) != EOF) {
        rt_sb_addc(&b, (char)c);
        if (c == '\n')
            break;
    }
    if (ferror(s->fp)) {
        clearerr(s->fp);
        return stream_error();
    }
    if (b.failed)
        return RT_ERR;
    return rt_decode_c(b.p ? b.p : "", b.len, "utf-8", "strict");
}

static int64_t opt_size(Value v)
{
    int64_t n = -1;
    if (v && v != rt_None && rt_index_i64(v, &n, rt_OverflowError) < 0)
        return -2;
    return n;
}

static Value m_readline(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.readline", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    int64_t n = opt_size(nargs ? args[0] : 0);
    return n == -2 ? RT_ERR : read_line((StreamObject *)rt_obj(self), n);
}

static Value m_read(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.read", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    int64_t n = opt_size(nargs ? args[0] : 0);
    if (n == -2)
        return RT_ERR;
    StreamObject *s = (StreamObject *)rt_obj(self);
    StrBuf b;
    rt_sb_init(&b);
    int c;
    /* n counts bytes here, not characters: exact for ASCII input */
    while ((n < 0 || (int64_t)b.len < n) && (c = getc(s->fp)) != EOF)
        rt_sb_addc(&b, (char)c);
    if (b.failed)
        return RT_ERR;
    return rt_decode_c(b.p ? b.p : "", b.len, "utf-8", "strict");
}

static Value m_readlines(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.readlines", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    Value list = rt_list_new(0), line;
    if (!list)
        return RT_ERR;
    while ((line = read_line((StreamObject *)rt_obj(self), -1)) && rt_str_nbytes(line))
        if (rt_list_append(list, line) < 0)
            return RT_ERR;
    return line ? list : RT_ERR;
}

static Value m_writelines(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.writelines", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    Value it = rt_iter(args[0]), x;
    if (!it)
        return RT_ERR;
    while ((x = rt_next(it))) {
        if (!is_str(x))
            return rt_raise_fmt(rt_TypeError, "write() argument must be str, not %T", x);
        if (stream_write_str((StreamObject *)rt_obj(self), x) < 0)
            return RT_ERR;
    }
    return rt_exc_pending() ? RT_ERR : rt_None;
}

static Value m_fileno(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.fileno", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_small(((StreamObject *)rt_obj(self))->fd);
}

static Value m_isatty(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.isatty", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_bool(isatty(((StreamObject *)rt_obj(self))->fd));
}

static Value m_readable(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.readable", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_bool(((StreamObject *)rt_obj(self))->fd == 0);
}

static Value m_writable(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.writable", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_bool(((StreamObject *)rt_obj(self))->fd != 0);
}

static Value m_enter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("TextIOWrapper.__enter__", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return self;
}

static Value m_close(Value self, const Value *args, size_t nargs, Value kwnames)
{
    /* closing a standard stream only flushes it: the C stream stays usable for tracebacks */
    (void)args, (void)nargs, (void)kwnames;
    fflush(((StreamObject *)rt_obj(self))->fp);
    return rt_None;
}

static const struct {
    const char *name;
    VectorCallFn fn;
} stream_methods[] = {
    {"write", m_write},         {"flush", m_flush},       {"readline", m_readline},
    {"read", m_read},           {"readlines", m_readlines}, {"writelines", m_writelines},
    {"fileno", m_fileno},       {"isatty", m_isatty},     {"readable", m_readable},
    {"writable", m_writable},   {"__enter__", m_enter},   {"close", m_close},
    {"__exit__", m_close},
};

static Value stream_getattr(Value self, Value name)
{
    StreamObject *s = (StreamObject *)rt_obj(self);
    for (size_t i = 0; i < sizeof stream_methods / sizeof stream_methods[0]; i++)
        if (str_eq_c(name, stream_methods[i].name))
            return rt_builtin_new(stream_methods[i].name, stream_methods[i].fn, self, 0);
    if (str_eq_c(name, "name"))
        return rt_str_from_cstr(s->name);
    if (str_eq_c(name, "mode"))
        return rt_str_from_cstr(s->mode);
    if (str_eq_c(name, "encoding"))
        return rt_str_from_cstr("utf-8");
    if (str_eq_c(name, "errors"))
        return rt_str_from_cstr(s->backslashreplace ? "backslashreplace" : "strict");
    if (str_eq_c(name, "closed"))
        return rt_False;
    if (str_eq_c(name, "line_buffering"))
        return rt_bool(s->fd != 0 && isatty(s->fd));
    return rt_raise_fmt(rt_AttributeError, "'_io.TextIOWrapper' object has no attribute '%U'",
                        name);
}

static Value stream_repr(Value v)
{
    StreamObject *s = (StreamObject *)rt_obj(v);
    return rt_sb_str_fmt("<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", s->name,
                         s->mode);
}

static Value stream_iter(Value v) { return v; }

/* iterating over sys.stdin yields lines; "" ends it */
static Value stream_iternext(Value v)
{
    Value line = read_line((StreamObject *)rt_obj(v), -1);
    if (!line || !rt_str_nbytes(line))
        return RT_ERR;
    return line;
}

static int64_t stream_hash(Value v)
{
    uint64_t y = (uint64_t)v;
    int64_t h = (int64_t)((y >> 4) | (y << 60));
    return h == -1 ? -2 : h;
}

static Type stream_type = {
    .ob = {&rt_type_type}, .name = "_io.TextIOWrapper", .base = &rt_object_type,
    .basicsize = sizeof(StreamObject), .repr = stream_repr, .hash = stream_hash,
    .getattr = stream_getattr, .iter = stream_iter, .iternext = stream_iternext,
};

Value rt_std_stream(int fd)
{
    if (fd < 0 || fd > 2)
        return rt_raise_str(rt_ValueError, "bad standard stream");
    if (streams[fd])
        return streams[fd];
    StreamObject *s = (StreamObject *)rt_new_object(&stream_type, sizeof *s);
    if (!s)
        return RT_ERR;
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    s->fd = fd;
    s->fp = fd == 0 ? stdin : fd == 1 ? stdout : stderr;
    s->name = names[fd];
    s->mode = fd == 0 ? "r" : "w";
    s->backslashreplace = fd == 2;
    return streams[fd] = rt_val(s);
}

int rt_file_write(Value file, Value s)
{
    if (rt_typeof(file) == &stream_type)
        return stream_write_str((StreamObject *)rt_obj(file), s);
    Value w = rt_getattr(file, rt_str_intern("write"));
    if (!w || !rt_call(w, &s, 1, 0))
        return -1;
    return 0;
}

int rt_file_flush(Value file)
{
    if (rt_typeof(file) == &stream_type) {
        StreamObject *st = (StreamObject *)rt_obj(file);
        if (fflush(st->fp) != 0) {
            clearerr(st->fp);
            stream_error();
            return -1;
        }
        return 0;
    }
    Value f = rt_getattr(file, rt_str_intern("flush"));
    if (!f || !rt_call(f, NULL, 0, 0))
        return -1;
    return 0;
}

int rt_flush_std_streams(void)
{
    int status = 0;
    if (fflush(stdout) != 0) {
        /* CPython: "Exception ignored ... BrokenPipeError" and exit status 120 */
        int e = errno;
        clearerr(stdout);
        fprintf(stderr, "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                        "encoding='utf-8'>\n%s: [Errno %d] %s\n",
                e == EPIPE ? "BrokenPipeError" : "OSError", e, strerror(e));
        status = 120;
    }
    fflush(stderr);
    return status;
}

/* ================================================================ sys functions ========== */

static Value sys_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("sys.exit", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    Value e = rt_exc_new(rt_SystemExit, args, nargs);
    return e ? rt_raise(e) : RT_ERR;
}

int rt_sys_exit_status(Value exc)
{
    Value code = rt_exc_getattr(exc, "code");
    if (!code || code == rt_None)
        return 0;
    if (rt_is_int(code)) {
        int64_t c;
        if (rt_int_as_i64(code, &c) < 0) {
            rt_exc_fetch();
            return -1;
        }
        return (int)c;
    }
    /* any other object is printed to stderr (its str) and the status is 1 */
    fflush(stdout);
    Value s = rt_str(code);
    if (s) {
        Value st = rt_std_stream(2);
        if (st)
            stream_write_str((StreamObject *)rt_obj(st), s);
        fputc('\n', stderr);
    }
    rt_exc_fetch();
    return 1;
}

static Value sys_getrecursionlimit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("sys.getrecursionlimit", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_small(rt_recursion_limit);
}

static Value sys_setrecursionlimit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("sys.setrecursionlimit", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    if (rt_is_float(args[0]))
        return rt_raise_str(rt_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t n;
    if (rt_index_i64(args[0], &n, rt_OverflowError) < 0)
        return RT_ERR;
    if (n < 1)
        return rt_raise_str(rt_ValueError, "recursion limit must be greater or equal than 1");
    if (n > 0x7fffffff)
        return rt_raise_str(rt_OverflowError, "Python int too large to convert to C int");
    if (n <= rt_recursion_depth)
        return rt_raise_fmt(rt_RecursionError,
                            "cannot set the recursion limit to %d at the recursion depth %d: "
                            "the limit is too low",
                            (int)n, rt_recursion_depth);
    rt_recursion_limit = (int)n;
    return rt_None;
}

static Value sys_intern(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("sys.intern", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    if (rt_typeof(args[0]) != &rt_str_type)
        return rt_raise_fmt(rt_TypeError, "intern() argument must be str, not %T", args[0]);
    return rt_str_intern_value(args[0]);
}

static Value sys_exc_info(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("sys.exc_info", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    Value e = rt_exc_handled();
    if (!e)
        return rt_tuple_pack(3, rt_None, rt_None, rt_None);
    Value tb = ((ExcObject *)rt_obj(e))->traceback;
    return rt_tuple_pack(3, rt_val(rt_typeof(e)), e, tb ? tb : rt_None);
}

static Value sys_exception(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("sys.exception", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    Value e = rt_exc_handled();
    return e ? e : rt_None;
}

static Value sys_get_int_max_str_digits(Value self, const Value *args, size_t nargs,
                                        Value kwnames)
{
    if (check_nargs("sys.get_int_max_str_digits", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_int_from_i64(rt_int_max_str_digits);
}

static Value sys_set_int_max_str_digits(Value self, const Value *args, size_t nargs,
                                        Value kwnames)
{
    /* the parameter is named maxdigits and may be passed by keyword */
    if (nargs + nkw(kwnames) != 1 ||
        (nkw(kwnames) && !str_eq_c(rt_tuple_item(kwnames, 0), "maxdigits")))
        return rt_raise_str(rt_TypeError,
                            "set_int_max_str_digits() takes exactly 1 argument (maxdigits)");
    int64_t n;
    if (rt_index_i64(args[0], &n, rt_OverflowError) < 0 || rt_int_set_max_str_digits(n) < 0)
        return RT_ERR;
    return rt_None;
}

static Value sys_getdefaultencoding(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (check_nargs("sys.getdefaultencoding", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_str_from_cstr("utf-8");
}

/* ---- sys.version_info: a named tuple ("struct sequence") ---- */

static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel",
                                             "serial"};

static Value version_info_repr(Value v)
{
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_adds(&b, "sys.version_info(");
    for (int i = 0; i < 5; i++) {
        Value r = rt_repr(rt_tuple_item(v, i));
        if (!r)
            return RT_ERR;
        if (i)
            rt_sb_adds(&b, ", ");
        rt_sb_adds(&b, version_fields[i]);
        rt_sb_addc(&b, '=');
        rt_sb_add(&b, rt_str_bytes(r), rt_str_nbytes(r));
    }
    rt_sb_addc(&b, ')');
    return rt_sb_finish(&b);
}

static Value version_info_getattr(Value v, Value name)
{
    for (int i = 0; i < 5; i++)
        if (str_eq_c(name, version_fields[i]))
            return rt_tuple_item(v, i);
    return rt_raise_fmt(rt_AttributeError, "'sys.version_info' object has no attribute '%U'",
                        name);
}

static Type version_info_type = {
    .ob = {&rt_type_type}, .name = "sys.version_info", .base = &rt_tuple_type,
    .flags = RT_TPFLAG_TUPLE_SUBCLASS, .basicsize = sizeof(TupleObject), .itemsize = sizeof(Value),
    .repr = version_info_repr, .getattr = version_info_getattr,
};

/* ================================================================ the module ============= */

Value rt_sys_set_argv(int argc, char **argv)
{
    Value l = rt_list_new(0);
    if (!l)
        return RT_ERR;
    for (int i = 0; i < argc; i++) {
        /* undecodable bytes become lone surrogates, as CPython's surrogateescape */
        Value s = rt_decode_c(argv[i], strlen(argv[i]), "utf-8", "surrogateescape");
        if (!s || rt_list_append(l, s) < 0)
            return RT_ERR;
    }
    sys_argv = l;
    if (sys_module &&
        rt_dict_set(((ModuleObject *)rt_obj(sys_module))->dict, rt_str_intern("argv"), l) < 0)
        return RT_ERR;
    return rt_None;
}

static int set(Value d, const char *name, Value v)
{
    if (!v)
        return -1;
    return rt_dict_set(d, rt_str_intern(name), v);
}

static int add_fn(Value d, Value mod, const char *name, VectorCallFn fn)
{
    return set(d, name, rt_builtin_new(name, fn, 0, mod));
}

Value rt_sys_module_create(void)
{
    if (sys_module)
        return sys_module;
    Value m = rt_module_new("sys", 0);
    if (!m)
        return RT_ERR;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    Value modname = rt_str_from_cstr("sys");
    if (!rt_sys_modules && !(rt_sys_modules = rt_dict_new()))
        return RT_ERR;
    if (!sys_argv && !(sys_argv = rt_list_new(0)))
        return RT_ERR;
    rt_type_ready(&version_info_type);
    Value vi = rt_tuple_pack(5, rt_small(3), rt_small(11), rt_small(7),
                             rt_str_from_cstr("final"), rt_small(0));
    if (!vi)
        return RT_ERR;
    rt_obj(vi)->type = &version_info_type;
    if (add_fn(d, modname, "exit", sys_exit) < 0 ||
        add_fn(d, modname, "getrecursionlimit", sys_getrecursionlimit) < 0 ||
        add_fn(d, modname, "setrecursionlimit", sys_setrecursionlimit) < 0 ||
        add_fn(d, modname, "intern", sys_intern) < 0 ||
        add_fn(d, modname, "exc_info", sys_exc_info) < 0 ||
        add_fn(d, modname, "exception", sys_exception) < 0 ||
        add_fn(d, modname, "getdefaultencoding", sys_getdefaultencoding) < 0 ||
        add_fn(d, modname, "get_int_max_str_digits", sys_get_int_max_str_digits) < 0 ||
        add_fn(d, modname, "set_int_max_str_digits", sys_set_int_max_str_digits) < 0 ||
        set(d, "argv", sys_argv) < 0 || set(d, "modules", rt_sys_modules) < 0 ||
        set(d, "stdin", rt_std_stream(0)) < 0 || set(d, "stdout", rt_std_stream(1)) < 0 ||
        set(d, "stderr", rt_std_stream(2)) < 0 || set(d, "__stdin__", rt_std_stream(0)) < 0 ||
        set(d, "__stdout__", rt_std_stream(1)) < 0 ||
        set(d, "__stderr__", rt_std_stream(2)) < 0 ||
        set(d, "maxsize", rt_int_from_i64(INT64_MAX)) < 0 ||
        set(d, "maxunicode", rt_small(0x10FFFF)) < 0 ||
        set(d, "byteorder", rt_str_from_cstr("little")) < 0 ||
        set(d, "platform", rt_str_from_cstr("linux")) < 0 ||
        set(d, "version_info", vi) < 0 ||
        set(d, "version", rt_str_from_cstr("3.11.7 (aithon)")) < 0 ||
        set(d, "hexversion", rt_small(0x030B07F0)) < 0 ||
        set(d, "path", rt_list_new(0)) < 0 ||
        set(d, "builtin_module_names", rt_tuple_pack(2, rt_str_from_cstr("builtins"),
                                                     rt_str_from_cstr("sys"))) < 0 ||
        set(d, "dont_write_bytecode", rt_True) < 0)
        return RT_ERR;
    sys_module = m;
    return m;
}
