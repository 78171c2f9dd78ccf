/*
 * exc.c - exceptions: the built-in hierarchy of CPython 3.11, the pending-exception state,
 * raising, matching, tracebacks and printing an uncaught exception.
 *
 * Entry points (rt.h): rt_raise, rt_raise_str, rt_raise_fmt, rt_raise_from, rt_exc_pending,
 * rt_exc_fetch, rt_exc_restore, rt_exc_matches, rt_exc_handler_enter/leave, rt_exc_new,
 * rt_exc_group_new, rt_raise_errno, rt_raise_unicode_*, rt_exc_getattr, rt_recursion_enter,
 * rt_exc_type_by_name; (core.h) the StrBuf string builder and its Python-aware printf,
 * rt_raise_memory_error.  Tracebacks and printing are traceback.c's.
 *
 * Invariants:
 *   - at most one exception is pending per thread; raising replaces it;
 *   - a raised exception's __context__ is the exception being handled at that moment (unless
 *     that would create a cycle), exactly CPython's _PyErr_SetObject rule;
 *   - MemoryError is raised from a preallocated instance, so raising it never allocates;
 *   - ExcObject.args is always a tuple once the object is published (0 only inside the
 *     preallocated MemoryError before rt_init, read as ()).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "class_internal.h"

/* ================================================================== string building ==== */

void rt_sb_init(StrBuf *b)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

static int sb_reserve(StrBuf *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = b->p ? rt_realloc(b->p, cap) : rt_alloc_atomic(cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void rt_sb_add(StrBuf *b, const char *s, size_t n)
{
    if (sb_reserve(b, n) < 0)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void rt_sb_adds(StrBuf *b, const char *s) { rt_sb_add(b, s, strlen(s)); }

void rt_sb_addc(StrBuf *b, char c) { rt_sb_add(b, &c, 1); }

/* count copies of one fill character (fill is one UTF-8 sequence of fill_n bytes) */
void rt_sb_fill(StrBuf *b, const char *fill, size_t fill_n, int64_t count)
{
    if (count <= 0 || sb_reserve(b, fill_n * (size_t)count) < 0)
        return;
    for (int64_t i = 0; i < count; i++) {
        memcpy(b->p + b->len, fill, fill_n);
        b->len += fill_n;
    }
}

Value rt_sb_str_fmt(const char *fmt, ...)
{
    StrBuf b;
    rt_sb_init(&b);
    va_list ap;
    va_start(ap, fmt);
    rt_sb_vprintf(&b, fmt, ap);
    va_end(ap);
    return rt_sb_finish(&b);
}

Value rt_sb_finish(StrBuf *b)
{
    if (b->failed)
        return RT_ERR;
    return rt_str_from_utf8(b->p ? b->p : "", b->len);
}

/* Appends the first `prec` code points of a str value (all when prec < 0): CPython's %.200R
 * truncates by characters, never in the middle of a UTF-8 sequence. */
static void sb_add_str_value(StrBuf *b, Value s, int prec)
{
    const char *p = rt_str_bytes(s);
    size_t n = rt_str_nbytes(s);
    if (prec >= 0) {
        size_t i = 0;
        int cps = 0;
        while (i < n && cps < prec) {
            i++;
            while (i < n && ((unsigned char)p[i] & 0xC0) == 0x80)
                i++;
            cps++;
        }
        n = i;
    }
    rt_sb_add(b, p, n);
}

/* a formatted number, right-aligned in `width` with spaces or (after the sign) zeros */
static void sb_add_padded(StrBuf *b, const char *num, int width, int zero)
{
    int n = (int)strlen(num);
    if (zero && *num == '-') {
        rt_sb_addc(b, '-');
        num++;
        width--;
        n--;
    }
    for (; width > n; width--)
        rt_sb_addc(b, zero ? '0' : ' ');
    rt_sb_adds(b, num);
}

void rt_sb_vprintf(StrBuf *b, const char *fmt, va_list ap)
{
    char num[64];
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            const char *e = f;
            while (*e && *e != '%')
                e++;
            rt_sb_add(b, f, (size_t)(e - f));
            f = e - 1;
            continue;
        }
        f++;
        /* a zero-padding flag and a width, for the numeric conversions ("0x%02x") */
        int zero = 0, width = 0;
        if (*f == '0') {
            zero = 1;
            f++;
        }
        for (; *f >= '1' && *f <= '9'; f++)
            width = width * 10 + (*f - '0');
        for (; width && *f >= '0' && *f <= '9'; f++)
            width = width * 10 + (*f - '0');
        int prec = -1;
        if (*f == '.') {
            prec = 0;
            for (f++; *f >= '0' && *f <= '9'; f++)
                prec = prec * 10 + (*f - '0');
        }
        int lng = 0, sz = 0;
        while (*f == 'l') {
            lng++;
            f++;
        }
        if (*f == 'z') {
            sz = 1;
            f++;
        }
        switch (*f) {
        case '%':
            rt_sb_addc(b, '%');
            break;
        case 'c':
            rt_sb_addc(b, (char)va_arg(ap, int));
            break;
        case 'd':
        case 'i':
            if (sz)
                snprintf(num, sizeof num, "%zd", va_arg(ap, ptrdiff_t));
            else if (lng >= 2)
                snprintf(num, sizeof num, "%lld", va_arg(ap, long long));
            else if (lng == 1)
                snprintf(num, sizeof num, "%ld", va_arg(ap, long));
            else
                snprintf(num, sizeof num, "%d", va_arg(ap, int));
            sb_add_padded(b, num, width, zero);
            break;
        case 'u':
        case 'x':
            if (sz)
                snprintf(num, sizeof num, *f == 'u' ? "%zu" : "%zx", va_arg(ap, size_t));
            else if (lng >= 1)
                snprintf(num, sizeof num, *f == 'u' ? "%llu" : "%llx",
                         lng >= 2 ? va_arg(ap, unsigned long long)
                                  : (unsigned long long)va_arg(ap, unsigned long));
            else
                snprintf(num, sizeof num, *f == 'u' ? "%u" : "%x", va_arg(ap, unsigned));
            sb_add_padded(b, num, width, zero);
            break;
        case 'p':
            snprintf(num, sizeof num, "%p", va_arg(ap, void *));
            rt_sb_adds(b, num);
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            size_t n = strlen(s);
            if (prec >= 0 && (size_t)prec < n)
                n = (size_t)prec;
            rt_sb_add(b, s, n);
            break;
        }
        case 'T':
            rt_sb_adds(b, rt_type_name(va_arg(ap, Value)));
            break;
        case 'U':
        case 'R':
        case 'S': {
            Value v = va_arg(ap, Value);
            Value s = *f == 'U' ? v : *f == 'R' ? rt_core_repr(v) : rt_core_str(v);
            if (!s) {
                b->failed = 1;
                return;
            }
            sb_add_str_value(b, s, prec);
            break;
        }
        default:
            /* an unknown conversion is a bug in the runtime: show it rather than crash */
            rt_sb_addc(b, '%');
            rt_sb_addc(b, *f);
            if (!*f)
                return;
        }
    }
}

/* ================================================================== the hierarchy ====== */

static Value exc_repr(Value v);
static Value exc_str(Value v);
static Value keyerror_str(Value v);
static Value exc_new_slot(Type *t, const Value *args, size_t nargs, Value kwnames);
static TupleObject *exc_args(Value v);
static Value oserror_str(Value v);
static Value unicode_error_str(Value v);
static Value group_str(Value v);
static Value group_new_slot(Type *t, const Value *args, size_t nargs, Value kwnames);
static int group_register_methods(void);
static int is_exc_instance(Value v);
static int is_exc_type(Value v);

#define EXC_FLAGS (RT_TPFLAG_BASETYPE | RT_TPFLAG_EXC_SUBCLASS)

/* X(variable, name, base variable), parents before children (CPython 3.11's hierarchy) */
#define RT_EXC_TABLE(X)                                                        \
    X(BaseException, "BaseException", object)                                  \
    X(BaseExceptionGroup, "BaseExceptionGroup", BaseException)                 \
    X(GeneratorExit, "GeneratorExit", BaseException)                           \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException)                   \
    X(SystemExit, "SystemExit", BaseException)                                 \
    X(Exception, "Exception", BaseException)                                   \
    X(ArithmeticError, "ArithmeticError", Exception)                           \
    X(FloatingPointError, "FloatingPointError", ArithmeticError)               \
    X(OverflowError, "OverflowError", ArithmeticError)                         \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError)                 \
    X(AssertionError, "AssertionError", Exception)                             \
    X(AttributeError, "AttributeError", Exception)                             \
    X(BufferError, "BufferError", Exception)                                   \
    X(EOFError, "EOFError", Exception)                                         \
    X(ExceptionGroup, "ExceptionGroup", BaseExceptionGroup)                    \
    X(ImportError, "ImportError", Exception)                                   \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError)                 \
    X(LookupError, "LookupError", Exception)                                   \
    X(IndexError, "IndexError", LookupError)                                   \
    X(KeyError, "KeyError", LookupError)                                       \
    X(MemoryError, "MemoryError", Exception)                                   \
    X(NameError, "NameError", Exception)                                       \
    X(UnboundLocalError, "UnboundLocalError", NameError)                       \
    X(OSError, "OSError", Exception)                                           \
    X(BlockingIOError, "BlockingIOError", OSError)                             \
    X(ChildProcessError, "ChildProcessError", OSError)                         \
    X(ConnectionError, "ConnectionError", OSError)                             \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError)                     \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError)       \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError)       \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError)           \
    X(FileExistsError, "FileExistsError", OSError)                             \
    X(FileNotFoundError, "FileNotFoundError", OSError)                         \
    X(InterruptedError, "InterruptedError", OSError)                           \
    X(IsADirectoryError, "IsADirectoryError", OSError)                         \
    X(NotADirectoryError, "NotADirectoryError", OSError)                       \
    X(PermissionError, "PermissionError", OSError)                             \
    X(ProcessLookupError, "ProcessLookupError", OSError)                       \
    X(TimeoutError, "TimeoutError", OSError)                                   \
    X(ReferenceError, "ReferenceError", Exception)                             \
    X(RuntimeError, "RuntimeError", Exception)                                 \
    X(NotImplementedError, "NotImplementedError", RuntimeError)                \
    X(RecursionError, "RecursionError", RuntimeError)                          \
    X(StopAsyncIteration, "StopAsyncIteration", Exception)                     \
    X(StopIteration, "StopIteration", Exception)                               \
    X(SyntaxError, "SyntaxError", Exception)                                   \
    X(IndentationError, "IndentationError", SyntaxError)                       \
    X(TabError, "TabError", IndentationError)                                  \
    X(SystemError, "SystemError", Exception)                                   \
    X(TypeError, "TypeError", Exception)                                       \
    X(ValueError, "ValueError", Exception)                                     \
    X(UnicodeError, "UnicodeError", ValueError)                                \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError)                  \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError)                  \
    X(UnicodeTranslateError, "UnicodeTranslateError", UnicodeError)            \
    X(Warning, "Warning", Exception)                                           \
    X(BytesWarning, "BytesWarning", Warning)                                   \
    X(DeprecationWarning, "DeprecationWarning", Warning)                       \
    X(EncodingWarning, "EncodingWarning", Warning)                             \
    X(FutureWarning, "FutureWarning", Warning)                                 \
    X(ImportWarning, "ImportWarning", Warning)                                 \
    X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning)         \
    X(ResourceWarning, "ResourceWarning", Warning)                             \
    X(RuntimeWarning, "RuntimeWarning", Warning)                               \
    X(SyntaxWarning, "SyntaxWarning", Warning)                                 \
    X(UnicodeWarning, "UnicodeWarning", Warning)                               \
    X(UserWarning, "UserWarning", Warning)

/* the static Type of each (exc_T_BaseException...), then the rt.h pointers to them */
#define DECL(var, nm, basev) static Type exc_T_##var;
RT_EXC_TABLE(DECL)
#undef DECL
/* lets the table name "object" as BaseException's base */
#define exc_T_object rt_object_type
#define DEF(var, nm, basev)                                                              \
    static Type exc_T_##var = {                                                          \
        .ob = {&rt_type_type}, .name = nm, .base = &exc_T_##basev, .flags = EXC_FLAGS,   \
        .basicsize = sizeof(ExcObject), .repr = exc_repr, .str = exc_str,                \
        .new_ = exc_new_slot,                                                            \
    };                                                                                   \
    Type *rt_##var = &exc_T_##var;
RT_EXC_TABLE(DEF)
#undef DEF

static Type *const all_exc_types[] = {
#define PTR(var, nm, basev) &exc_T_##var,
    RT_EXC_TABLE(PTR)
#undef PTR
};

/* The builtins module asks for every exception type by name at start-up (68 lookups of 68
 * names): comparing the first character before calling strcmp cut those lookups from
 * 80,000 instructions, a tenth of an empty program's, to a few thousand. */
Type *rt_exc_type_by_name(const char *name)
{
    for (size_t i = 0; i < sizeof all_exc_types / sizeof all_exc_types[0]; i++)
        if (all_exc_types[i]->name[0] == name[0] && strcmp(all_exc_types[i]->name, name) == 0)
            return all_exc_types[i];
    /* the 3.3 aliases of OSError */
    if (!strcmp(name, "EnvironmentError") || !strcmp(name, "IOError"))
        return rt_OSError;
    return NULL;
}

static Value importerror_new_slot(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    Value e = rt_exc_new(t, args, nargs);
    if (e && rt_importerror_kw(e, args, nargs, kwnames) < 0)
        return RT_ERR;
    return e;
}

int rt_importerror_kw(Value exc, const Value *args, size_t nargs, Value kwnames)
{
    ImportErrorObject *ie = (ImportErrorObject *)rt_obj(exc);
    TupleObject *kw = kwnames ? (TupleObject *)rt_obj(kwnames) : NULL;
    for (int64_t k = 0; kw && k < kw->size; k++) {
        Value key = kw->items[k];
        const char *ks = rt_str_bytes(key);
        if (!strcmp(ks, "name"))
            ie->name = args[nargs + k] == rt_None ? 0 : args[nargs + k];
        else if (!strcmp(ks, "path"))
            ie->path = args[nargs + k] == rt_None ? 0 : args[nargs + k];
        else {
            rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                         rt_typeof(exc)->name);
            return -1;
        }
    }
    return 0;
}

void rt_importerror_set_pending(Value name, Value path)
{
    Value e = rt_exc_pending();
    if (e && rt_issubtype(rt_typeof(e), rt_ImportError)) {
        ImportErrorObject *ie = (ImportErrorObject *)rt_obj(e);
        ie->name = name;
        if (path)
            ie->path = path;
    }
}

/* MemoryError must be raisable without memory: one preallocated instance, reset per raise */
static ExcObject memory_error_obj = {.ob = {&exc_T_MemoryError}};

void rt_exc_init(void)
{
    exc_T_KeyError.str = keyerror_str;
    for (size_t i = 0; i < sizeof all_exc_types / sizeof all_exc_types[0]; i++) {
        Type *t = all_exc_types[i];
        if (t != &exc_T_ExceptionGroup)
            rt_type_ready(t);
        if (rt_issubtype(t, rt_OSError)) {
            t->basicsize = sizeof(OSErrorObject);
            t->str = oserror_str;
        } else if (rt_issubtype(t, rt_UnicodeError) && t != rt_UnicodeError) {
            t->basicsize = sizeof(UnicodeErrorObject);
            t->str = unicode_error_str;
        } else if (rt_issubtype(t, rt_ImportError)) {
            t->basicsize = sizeof(ImportErrorObject);
            t->new_ = importerror_new_slot;
        } else if (t == &exc_T_BaseExceptionGroup || t == &exc_T_ExceptionGroup) {
            t->basicsize = sizeof(ExcGroupObject);
            t->str = group_str;
            t->new_ = group_new_slot;
        }
    }
    /* ExceptionGroup(BaseExceptionGroup, Exception): the only multiple inheritance here */
    Type *eg = &exc_T_ExceptionGroup;
    Value bases[2] = {rt_val(rt_BaseExceptionGroup), rt_val(rt_Exception)};
    eg->bases = rt_tuple_from(bases, 2);
    Value mro[5] = {rt_val(eg), rt_val(rt_BaseExceptionGroup), rt_val(rt_Exception),
                    rt_val(rt_BaseException), rt_val(&rt_object_type)};
    eg->mro = rt_tuple_from(mro, 5);
    rt_type_ready(&rt_traceback_type);
    group_register_methods();
    memory_error_obj.args = rt_tuple_from(NULL, 0);
    rt_exc_thread_init();
}

/* ================================================================== exception objects == */

/* Per-thread exception state.  The collector does not scan thread-local storage, so each
 * thread registers this block as a root (rt_exc_thread_init; rt_exc_init does it for the main
 * thread): otherwise an exception referenced only from here is freed by the next collection. */
_Thread_local struct RtExcState rt_exc_state;
#define exc_state rt_exc_state
#define pending (exc_state.pending)
#define handled (exc_state.handled)

void rt_exc_thread_init(void)
{
    rt_gc_add_roots(&exc_state, &exc_state + 1);
    rt_alloc_thread_init();
}

static int is_exc_type(Value v)
{
    return !rt_is_small(v) && rt_issubtype(rt_obj(v)->type, &rt_type_type) &&
           (((Type *)rt_obj(v))->flags & RT_TPFLAG_EXC_SUBCLASS);
}

static int is_exc_instance(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_EXC_SUBCLASS);
}

/* OSError(errno, ...) picks the subclass for errno, as CPython's OSError.__new__ */
static Type *oserror_subclass(Value err)
{
    if (!rt_is_small(err))
        return NULL;
    switch (rt_small_val(err)) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return rt_BlockingIOError;
    case ECHILD: return rt_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return rt_BrokenPipeError;
    case ECONNABORTED: return rt_ConnectionAbortedError;
    case ECONNREFUSED: return rt_ConnectionRefusedError;
    case ECONNRESET: return rt_ConnectionResetError;
    case EEXIST: return rt_FileExistsError;
    case ENOENT: return rt_FileNotFoundError;
    case EISDIR: return rt_IsADirectoryError;
    case ENOTDIR: return rt_NotADirectoryError;
    case EINTR: return rt_InterruptedError;
    case EACCES: case EPERM: return rt_PermissionError;
    case ESRCH: return rt_ProcessLookupError;
    case ETIMEDOUT: return rt_TimeoutError;
    default: return NULL;
    }
}

Value rt_exc_new(Type *t, const Value *args, size_t nargs)
{
    int oserr = rt_issubtype(t, rt_OSError);
    if (oserr && t == rt_OSError && nargs >= 2 && nargs <= 5) {
        Type *sub = oserror_subclass(args[0]);
        if (sub)
            t = sub;
    }
    size_t size = t->basicsize >= sizeof(ExcObject) ? t->basicsize : sizeof(ExcObject);
    if (oserr && size < sizeof(OSErrorObject))
        size = sizeof(OSErrorObject);
    int uerr = rt_issubtype(t, rt_UnicodeError);
    if (uerr && size < sizeof(UnicodeErrorObject))
        size = sizeof(UnicodeErrorObject);
    if (size < sizeof(ExcGroupObject) && rt_issubtype(t, rt_BaseExceptionGroup))
        size = sizeof(ExcGroupObject);
    int ierr = rt_issubtype(t, rt_ImportError);
    if (ierr && size < sizeof(ImportErrorObject))
        size = sizeof(ImportErrorObject);
    ExcObject *e = (ExcObject *)rt_new_object(t, size);
    if (!e)
        return RT_ERR;
    if (ierr && nargs == 1)
        ((ImportErrorObject *)e)->msg = args[0];
    /* OSError keeps (errno, strerror) as args when a filename is given */
    size_t keep = oserr && nargs >= 3 && nargs <= 5 ? 2 : nargs;
    e->args = rt_tuple_from(args, (int64_t)keep);
    if (!e->args)
        return RT_ERR;
    if (oserr && nargs >= 2 && nargs <= 5) {
        OSErrorObject *o = (OSErrorObject *)e;
        o->myerrno = args[0];
        o->strerror = args[1];
        if (nargs >= 3 && args[2] != rt_None)
            o->filename = args[2];
        if (nargs == 5 && args[4] != rt_None)
            o->filename2 = args[4];
    }
    if (uerr) {
        UnicodeErrorObject *u = (UnicodeErrorObject *)e;
        int translate = rt_issubtype(t, rt_UnicodeTranslateError);
        size_t want = translate ? 4 : 5;
        if (nargs == want && t != rt_UnicodeError) {
            size_t i = 0;
            u->encoding = translate ? 0 : args[i++];
            u->object = args[i++];
            u->start = args[i++];
            u->end = args[i++];
            u->reason = args[i];
        }
    }
    return rt_val(e);
}

static Value exc_new_slot(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (kwnames && ((TupleObject *)rt_obj(kwnames))->size > 0)
        return rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", t->name);
    return rt_exc_new(t, args, nargs);
}

static TupleObject *exc_args(Value v)
{
    Value a = ((ExcObject *)rt_obj(v))->args;
    return a ? (TupleObject *)rt_obj(a) : NULL;
}

/* repr of a tuple of args, "(a, b)", written here so exceptions do not need tuple.c's repr */
static void sb_add_args_repr(StrBuf *b, TupleObject *t)
{
    rt_sb_addc(b, '(');
    for (int64_t i = 0; t && i < t->size; i++) {
        if (i)
            rt_sb_adds(b, ", ");
        Value r = rt_core_repr(t->items[i]);
        if (!r) {
            b->failed = 1;
            return;
        }
        rt_sb_add(b, rt_str_bytes(r), rt_str_nbytes(r));
    }
    if (t && t->size == 1)
        rt_sb_addc(b, ',');
    rt_sb_addc(b, ')');
}

/* str(e): '' for no args, str(arg) for one, repr(args) for more */
static Value exc_str(Value v)
{
    TupleObject *a = exc_args(v);
    if (!a || a->size == 0)
        return rt_str_from_utf8("", 0);
    if (a->size == 1)
        return rt_core_str(a->items[0]);
    StrBuf b;
    rt_sb_init(&b);
    sb_add_args_repr(&b, a);
    return rt_sb_finish(&b);
}

/* KeyError quotes its key: str(KeyError('a')) == "'a'" */
static Value keyerror_str(Value v)
{
    TupleObject *a = exc_args(v);
    if (a && a->size == 1)
        return rt_core_repr(a->items[0]);
    return exc_str(v);
}

/* repr(e): "ValueError('x')", "ValueError()", "ValueError('a', 1)" */
static Value exc_repr(Value v)
{
    TupleObject *a = exc_args(v);
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_adds(&b, rt_type_name(v));
    if (a && a->size == 1) {
        Value r = rt_core_repr(a->items[0]);
        if (!r)
            return RT_ERR;
        rt_sb_addc(&b, '(');
        rt_sb_add(&b, rt_str_bytes(r), rt_str_nbytes(r));
        rt_sb_addc(&b, ')');
    } else {
        sb_add_args_repr(&b, a);
    }
    return rt_sb_finish(&b);
}

/* "[Errno 2] No such file or directory: 'x'", "[Errno 2] x: 'a' -> 'b'", "[Errno 2] x" */
static Value oserror_str(Value v)
{
    OSErrorObject *o = (OSErrorObject *)rt_obj(v);
    if (o->filename && o->filename2)
        return rt_sb_str_fmt("[Errno %S] %S: %R -> %R", o->myerrno, o->strerror, o->filename,
                             o->filename2);
    if (o->filename)
        return rt_sb_str_fmt("[Errno %S] %S: %R", o->myerrno, o->strerror, o->filename);
    if (o->myerrno && o->strerror)
        return rt_sb_str_fmt("[Errno %S] %S", o->myerrno, o->strerror);
    return exc_str(v);
}

/* the code point at index i of a str (for UnicodeEncodeError's message) */
static uint32_t str_code_point(Value s, int64_t i)
{
    const unsigned char *p = (const unsigned char *)rt_str_bytes(s);
    const unsigned char *e = p + rt_str_nbytes(s);
    for (; p < e && i > 0; i--) {
        p++;
        while (p < e && (*p & 0xC0) == 0x80)
            p++;
    }
    if (p >= e)
        return 0;
    size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
    uint32_t c = n == 1 ? *p : n == 2 ? (*p & 0x1Fu) : n == 3 ? (*p & 0x0Fu) : (*p & 0x07u);
    for (size_t k = 1; k < n && p + k < e; k++)
        c = (c << 6) | (p[k] & 0x3Fu);
    return c;
}

static Value unicode_error_str(Value v)
{
    UnicodeErrorObject *u = (UnicodeErrorObject *)rt_obj(v);
    Type *t = rt_typeof(v);
    if (!u->object || !rt_is_small(u->start) || !rt_is_small(u->end))
        return exc_str(v);
    int64_t start = rt_small_val(u->start), end = rt_small_val(u->end);
    int single = end == start + 1;
    if (rt_issubtype(t, rt_UnicodeDecodeError)) {
        if (single && !rt_is_small(u->object) &&
            rt_obj(u->object)->type == &rt_bytes_type && start >= 0 &&
            start < ((BytesObject *)rt_obj(u->object))->size) {
            unsigned char byte = (unsigned char)((BytesObject *)rt_obj(u->object))->data[start];
            return rt_sb_str_fmt("'%S' codec can't decode byte 0x%02x in position %lld: %S",
                                 u->encoding, (unsigned)byte, (long long)start, u->reason);
        }
        return rt_sb_str_fmt("'%S' codec can't decode bytes in position %lld-%lld: %S",
                             u->encoding, (long long)start, (long long)end - 1, u->reason);
    }
    int translate = rt_issubtype(t, rt_UnicodeTranslateError);
    const char *what = translate ? "can't translate" : "codec can't encode";
    if (single && !rt_is_small(u->object) &&
        (rt_obj(u->object)->type->flags & RT_TPFLAG_STR_SUBCLASS)) {
        uint32_t c = str_code_point(u->object, start);
        char ch[16];
        snprintf(ch, sizeof ch, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x",
                 (unsigned)c);
        if (translate)
            return rt_sb_str_fmt("%s character '%s' in position %lld: %S", what, ch,
                                 (long long)start, u->reason);
        return rt_sb_str_fmt("'%S' %s character '%s' in position %lld: %S", u->encoding, what,
                             ch, (long long)start, u->reason);
    }
    if (translate)
        return rt_sb_str_fmt("%s characters in position %lld-%lld: %S", what, (long long)start,
                             (long long)end - 1, u->reason);
    return rt_sb_str_fmt("'%S' %s characters in position %lld-%lld: %S", u->encoding, what,
                         (long long)start, (long long)end - 1, u->reason);
}

/* ---- exception groups ---- */

static Value group_new_slot(Type *t, const Value *args, size_t nargs, Value kwnames)
{
    if (kwnames && ((TupleObject *)rt_obj(kwnames))->size > 0)
        return rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", t->name);
    if (nargs != 2)
        return rt_raise_fmt(rt_TypeError,
                            "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                            (ptrdiff_t)nargs);
    return rt_exc_group_new(t, args[0], args[1]);
}

Value rt_exc_group_new(Type *t, Value msg, Value excs)
{
    if (rt_is_small(msg) || !(rt_obj(msg)->type->flags & RT_TPFLAG_STR_SUBCLASS))
        return rt_raise_fmt(rt_TypeError,
                            "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                            rt_type_name(msg));
    const Value *items;
    int64_t n;
    if (!rt_is_small(excs) && (rt_obj(excs)->type->flags & RT_TPFLAG_TUPLE_SUBCLASS)) {
        items = ((TupleObject *)rt_obj(excs))->items;
        n = ((TupleObject *)rt_obj(excs))->size;
    } else if (!rt_is_small(excs) && (rt_obj(excs)->type->flags & RT_TPFLAG_LIST_SUBCLASS)) {
        items = ((ListObject *)rt_obj(excs))->items;
        n = ((ListObject *)rt_obj(excs))->size;
    } else {
        return rt_raise_str(rt_TypeError, "second argument (exceptions) must be a sequence");
    }
    if (n == 0)
        return rt_raise_str(rt_ValueError,
                            "second argument (exceptions) must be a non-empty sequence");
    int all_exceptions = 1;
    for (int64_t i = 0; i < n; i++) {
        if (!is_exc_instance(items[i]))
            return rt_raise_fmt(rt_ValueError,
                                "Item %lld of second argument (exceptions) is not an exception",
                                (long long)i);
        all_exceptions &= rt_issubtype(rt_typeof(items[i]), rt_Exception);
    }
    /* BaseExceptionGroup(...) of Exceptions is an ExceptionGroup; an ExceptionGroup cannot
     * hold BaseExceptions */
    if (t == rt_BaseExceptionGroup && all_exceptions)
        t = rt_ExceptionGroup;
    else if (rt_issubtype(t, rt_Exception) && !all_exceptions)
        return rt_raise_str(rt_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    Value args[2] = {msg, excs};
    Value e = rt_exc_new(t, args, 2);
    if (!e)
        return RT_ERR;
    ExcGroupObject *g = (ExcGroupObject *)rt_obj(e);
    g->message = msg;
    g->exceptions = rt_tuple_from(items, n);
    return g->exceptions ? e : RT_ERR;
}

/* BaseExceptionGroup.derive(excs): a group with the same message (and nothing else) */
static Value group_derive_method(Value self, Value excs)
{
    return rt_exc_group_new(rt_BaseExceptionGroup, ((ExcGroupObject *)rt_obj(self))->message,
                            excs);
}

/* CPython's exceptiongroup_subset: eg.derive(items) (a subclass may override it), then eg's
 * traceback, context, cause (setting the cause always sets __suppress_context__) and a copy
 * of its notes */
static Value group_derive(Value eg, const Value *items, int64_t n)
{
    ExcGroupObject *g = (ExcGroupObject *)rt_obj(eg);
    Value list = rt_list_from(items, n);
    if (!list)
        return RT_ERR;
    Value d = rt_typeof(eg) == rt_BaseExceptionGroup || rt_typeof(eg) == rt_ExceptionGroup
                  ? group_derive_method(eg, list)
                  : rt_call_method(eg, rt_str_intern("derive"), &list, 1, 0);
    if (!d)
        return RT_ERR;
    if (!rt_issubtype(rt_typeof(d), rt_BaseExceptionGroup))
        return rt_raise_str(rt_TypeError, "derive must return an instance of BaseExceptionGroup");
    ExcObject *de = (ExcObject *)rt_obj(d), *ge = &g->exc;
    de->traceback = ge->traceback;
    de->context = ge->context;
    de->cause = ge->cause;
    de->suppress_context = 1;
    if (ge->notes && !rt_is_small(ge->notes) &&
        (rt_obj(ge->notes)->type->flags & RT_TPFLAG_LIST_SUBCLASS)) {
        ListObject *l = (ListObject *)rt_obj(ge->notes);
        if (!(de->notes = rt_list_from(l->items, l->size)))
            return RT_ERR;
    }
    return d;
}

/* A split condition: an exception type or tuple of them (is_pred 0), or a predicate called
 * on every group and leaf (is_pred 1).  -1 error, else whether e matches. */
static int cond_matches(Value e, int is_pred, Value cond)
{
    if (!is_pred)
        return rt_exc_matches(e, cond);
    Value r = rt_call(cond, &e, 1, 0);
    return r ? rt_truthy(r) : -1;
}

/* CPython's exceptiongroup_split_recursive: e as a whole when it matches, else a group's
 * members split recursively and each side derived from e (0 for an empty side); *rest only
 * when rest is not NULL */
static int split_rec(Value e, int is_pred, Value cond, Value *match, Value *rest)
{
    int m = cond_matches(e, is_pred, cond);
    if (m < 0)
        return -1;
    *match = 0;
    if (rest)
        *rest = 0;
    if (m) {
        *match = e;
        return 0;
    }
    if (!rt_issubtype(rt_typeof(e), rt_BaseExceptionGroup)) {
        if (rest)
            *rest = e;
        return 0;
    }
    TupleObject *ex = (TupleObject *)rt_obj(((ExcGroupObject *)rt_obj(e))->exceptions);
    Value *ms = rt_alloc(2 * (size_t)ex->size * sizeof(Value) + sizeof(Value));
    if (!ms)
        return -1;
    Value *rs = ms + ex->size;
    int64_t nm = 0, nr = 0;
    for (int64_t i = 0; i < ex->size; i++) {
        Value sm, sr = 0;
        if (split_rec(ex->items[i], is_pred, cond, &sm, rest ? &sr : NULL) < 0)
            return -1;
        if (sm)
            ms[nm++] = sm;
        if (sr)
            rs[nr++] = sr;
    }
    if (nm && !(*match = group_derive(e, ms, nm)))
        return -1;
    if (nr && !(*rest = group_derive(e, rs, nr)))
        return -1;
    return 0;
}

/* the condition of split()/subgroup(): 0 types, 1 predicate, -1 after raising */
static int split_condition(Value cond)
{
    if (is_exc_type(cond))
        return 0;
    if (!rt_is_small(cond) && (rt_obj(cond)->type->flags & RT_TPFLAG_TUPLE_SUBCLASS)) {
        TupleObject *t = (TupleObject *)rt_obj(cond);
        int ok = 1;
        for (int64_t i = 0; i < t->size; i++)
            ok &= is_exc_type(t->items[i]);
        if (ok)
            return 0;
    } else {
        for (Type *t = rt_typeof(cond); t; t = t->base)
            if (t->call)
                return 1;   /* callable() */
    }
    rt_raise_str(rt_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

int rt_exc_group_split(Value eg, Value types, Value *match, Value *rest)
{
    int kind = split_condition(types);
    if (kind < 0)
        return -1;
    return split_rec(eg, kind, types, match, rest);
}

/* eg.split(condition) -> (match, rest), None for an empty side */
static Value group_split_method(Value self, Value cond)
{
    int kind = split_condition(cond);
    Value pair[2];
    if (kind < 0 || split_rec(self, kind, cond, &pair[0], &pair[1]) < 0)
        return RT_ERR;
    pair[0] = pair[0] ? pair[0] : rt_None;
    pair[1] = pair[1] ? pair[1] : rt_None;
    return rt_tuple_from(pair, 2);
}

/* eg.subgroup(condition) -> the matching part or None */
static Value group_subgroup_method(Value self, Value cond)
{
    int kind = split_condition(cond);
    Value m;
    if (kind < 0 || split_rec(self, kind, cond, &m, NULL) < 0)
        return RT_ERR;
    return m ? m : rt_None;
}

static const MethodDef group_methods[] = {
    {"derive", (void (*)(void))group_derive_method, MD_METHOD, 1, 1, NULL},
    {"split", (void (*)(void))group_split_method, MD_METHOD, 1, 1, NULL},
    {"subgroup", (void (*)(void))group_subgroup_method, MD_METHOD, 1, 1, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static int group_register_methods(void)
{
    return rt_descr_register_methods(rt_BaseExceptionGroup, group_methods);
}

/* ---- except* (PEP 654): CPython's CHECK_EG_MATCH and _PyExc_PrepReraiseStar ---- */

/* `except* T:` refuses exception group types, alone or in a tuple (after the check every
 * `except` makes); -1 after raising */
static int check_star_type(Value type)
{
    const Value *items = &type;
    int64_t n = 1;
    if (!rt_is_small(type) && rt_obj(type)->type == &rt_tuple_type) {
        items = ((TupleObject *)rt_obj(type))->items;
        n = ((TupleObject *)rt_obj(type))->size;
    }
    for (int64_t i = 0; i < n; i++)
        if (!is_exc_type(items[i])) {
            rt_raise_str(rt_TypeError,
                         "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
    for (int64_t i = 0; i < n; i++)
        if (rt_issubtype((Type *)rt_obj(items[i]), rt_BaseExceptionGroup)) {
            rt_raise_str(rt_TypeError, "catching ExceptionGroup with except* is not allowed. "
                                       "Use except instead.");
            return -1;
        }
    return 0;
}

/* One `except* type` clause applied to exc, the part of the raised value that earlier clauses
 * left (None once nothing is left).  Returns the tuple (match, rest), None for a part that is
 * empty: a group is split; a naked exception that matches is wrapped in ExceptionGroup("",
 * [exc]) (what the handler sees) and leaves nothing; one that does not match is the rest. */
Value rt_exc_star_match(Value exc, Value type)
{
    if (check_star_type(type) < 0)
        return RT_ERR;
    Value pair[2] = {rt_None, exc};
    if (exc == rt_None)
        return rt_tuple_from(pair, 2);
    int m = rt_exc_matches(exc, type);
    if (m < 0)
        return RT_ERR;
    if (m) {
        pair[0] = exc;
        if (!rt_issubtype(rt_typeof(exc), rt_BaseExceptionGroup)) {
            Value msg = rt_str_from_cstr("");
            Value one = msg ? rt_tuple_from(&exc, 1) : 0;
            if (!one || !(pair[0] = rt_exc_group_new(rt_BaseExceptionGroup, msg, one)))
                return RT_ERR;
        }
        pair[1] = rt_None;
    } else if (rt_issubtype(rt_typeof(exc), rt_BaseExceptionGroup)) {
        Value match, rest;
        if (rt_exc_group_split(exc, type, &match, &rest) < 0)
            return RT_ERR;
        pair[0] = match ? match : rt_None;
        pair[1] = rest ? rest : rt_None;
    }
    return rt_tuple_from(pair, 2);
}

/* the identities of the leaves (non-group members, at any depth) of e */
typedef struct LeafSet {
    Value *v;
    int64_t n, cap;
} LeafSet;

static int collect_leaves(Value e, LeafSet *s)
{
    if (e == rt_None)
        return 0;
    if (rt_issubtype(rt_typeof(e), rt_BaseExceptionGroup)) {
        TupleObject *ex = (TupleObject *)rt_obj(((ExcGroupObject *)rt_obj(e))->exceptions);
        for (int64_t i = 0; i < ex->size; i++)
            if (collect_leaves(ex->items[i], s) < 0)
                return -1;
        return 0;
    }
    if (s->n == s->cap) {
        int64_t cap = s->cap ? 2 * s->cap : 16;
        Value *v = rt_alloc((size_t)cap * sizeof(Value));
        if (!v)
            return -1;
        if (s->n)
            memcpy(v, s->v, (size_t)s->n * sizeof(Value));
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = e;
    return 0;
}

/* The part of group eg whose leaves are in s, with eg's nesting (every group on the way
 * derived from its original); 0 when none is. */
static int project_rec(Value eg, const LeafSet *s, Value *out)
{
    *out = 0;
    if (!rt_issubtype(rt_typeof(eg), rt_BaseExceptionGroup)) {
        for (int64_t i = 0; i < s->n; i++)
            if (s->v[i] == eg) {
                *out = eg;
                break;
            }
        return 0;
    }
    TupleObject *ex = (TupleObject *)rt_obj(((ExcGroupObject *)rt_obj(eg))->exceptions);
    Value *kept = rt_alloc((size_t)ex->size * sizeof(Value) + sizeof(Value));
    if (!kept)
        return -1;
    int64_t nk = 0;
    for (int64_t i = 0; i < ex->size; i++) {
        Value sub;
        if (project_rec(ex->items[i], s, &sub) < 0)
            return -1;
        if (sub)
            kept[nk++] = sub;
    }
    if (nk && !(*out = group_derive(eg, kept, nk)))
        return -1;
    return 0;
}

/* A handler's exception is a re-raise of (a part of) orig when split() made it from orig:
 * the same traceback, cause and context objects (is_same_exception_metadata) */
static int same_metadata(Value a, Value b)
{
    ExcObject *x = (ExcObject *)rt_obj(a), *y = (ExcObject *)rt_obj(b);
    return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

/* The end of a try/except* statement.  orig is the exception that was caught, raised the
 * list of what its clauses raised (new exceptions, re-raised matches) followed by the rest no
 * clause matched (None when everything matched).  Returns None when nothing propagates;
 * otherwise makes the exception to propagate pending as it is (no __context__ is linked, no
 * traceback entry is added, as CPython's RERAISE) and returns RT_ERR: the re-raised parts
 * keep their place in orig's tree (a projection of orig), new ones become siblings of it in
 * ExceptionGroup("", [new..., projection]); a single exception propagates alone. */
Value rt_exc_star_reraise(Value orig, Value raised)
{
    ListObject *l = (ListObject *)rt_obj(raised);
    Value result = rt_None;
    if (l->size == 0)
        return rt_None;
    if (!rt_issubtype(rt_typeof(orig), rt_BaseExceptionGroup)) {
        /* a naked exception: only one clause could run, so at most one thing propagates */
        result = l->items[0];
    } else {
        Value *news = rt_alloc((size_t)(l->size + 1) * sizeof(Value));
        if (!news)
            return RT_ERR;
        int64_t nn = 0;
        LeafSet kept = {0};
        for (int64_t i = 0; i < l->size; i++) {
            Value e = l->items[i];
            if (e == rt_None)
                continue;
            if (same_metadata(e, orig)) {
                if (collect_leaves(e, &kept) < 0)
                    return RT_ERR;
            } else {
                news[nn++] = e;
            }
        }
        Value proj = 0;
        if (kept.n && project_rec(orig, &kept, &proj) < 0)
            return RT_ERR;
        if (proj)
            news[nn++] = proj;
        if (nn == 1) {
            result = news[0];
        } else if (nn > 1) {
            Value msg = rt_str_from_cstr("");
            Value list = msg ? rt_list_from(news, nn) : 0;
            if (!list || !(result = rt_exc_group_new(rt_BaseExceptionGroup, msg, list)))
                return RT_ERR;
        }
    }
    if (result == rt_None)
        return rt_None;
    rt_exc_restore(result);
    return RT_ERR;
}

/* "msg (3 sub-exceptions)" */
static Value group_str(Value v)
{
    ExcGroupObject *g = (ExcGroupObject *)rt_obj(v);
    if (!g->message || !g->exceptions)
        return exc_str(v);
    int64_t n = ((TupleObject *)rt_obj(g->exceptions))->size;
    return rt_sb_str_fmt("%U (%lld sub-exception%s)", g->message, (long long)n,
                         n == 1 ? "" : "s");
}

Value rt_exc_getattr(Value exc, const char *name)
{
    ExcObject *e = (ExcObject *)rt_obj(exc);
    Type *t = rt_typeof(exc);
    Value none = rt_None;
#define OR_NONE(v) ((v) ? (v) : none)
    if (!strcmp(name, "args"))
        return e->args ? e->args : rt_tuple_from(NULL, 0);
    if (!strcmp(name, "__cause__"))
        return OR_NONE(e->cause);
    if (!strcmp(name, "__context__"))
        return OR_NONE(e->context);
    if (!strcmp(name, "__suppress_context__"))
        return rt_bool(e->suppress_context);
    if (!strcmp(name, "__traceback__"))
        return OR_NONE(e->traceback);
    if (!strcmp(name, "__notes__"))
        return e->notes;   /* absent: AttributeError, as CPython */
    if (rt_issubtype(t, rt_OSError)) {
        OSErrorObject *o = (OSErrorObject *)e;
        if (!strcmp(name, "errno")) return OR_NONE(o->myerrno);
        if (!strcmp(name, "strerror")) return OR_NONE(o->strerror);
        if (!strcmp(name, "filename")) return OR_NONE(o->filename);
        if (!strcmp(name, "filename2")) return OR_NONE(o->filename2);
    }
    if (rt_issubtype(t, rt_UnicodeError)) {
        UnicodeErrorObject *u = (UnicodeErrorObject *)e;
        if (!strcmp(name, "encoding") && !rt_issubtype(t, rt_UnicodeTranslateError))
            return OR_NONE(u->encoding);
        if (!strcmp(name, "object")) return OR_NONE(u->object);
        if (!strcmp(name, "start")) return OR_NONE(u->start);
        if (!strcmp(name, "end")) return OR_NONE(u->end);
        if (!strcmp(name, "reason")) return OR_NONE(u->reason);
    }
    if (rt_issubtype(t, rt_ImportError)) {
        ImportErrorObject *ie = (ImportErrorObject *)e;
        if (!strcmp(name, "msg")) return OR_NONE(ie->msg);
        if (!strcmp(name, "name")) return OR_NONE(ie->name);
        if (!strcmp(name, "path")) return OR_NONE(ie->path);
    }
    if (rt_issubtype(t, rt_BaseExceptionGroup)) {
        ExcGroupObject *g = (ExcGroupObject *)e;
        if (!strcmp(name, "message")) return OR_NONE(g->message);
        if (!strcmp(name, "exceptions")) return OR_NONE(g->exceptions);
    }
    TupleObject *a = exc_args(exc);
    /* StopIteration.value and SystemExit.code: the first argument (code: all of them) */
    if ((rt_issubtype(t, rt_StopIteration) || rt_issubtype(t, rt_StopAsyncIteration)) &&
        !strcmp(name, "value"))
        return a && a->size ? a->items[0] : none;
    if (rt_issubtype(t, rt_SystemExit) && !strcmp(name, "code"))
        return !a || a->size == 0 ? none : a->size == 1 ? a->items[0] : e->args;
#undef OR_NONE
    return 0;
}

static int exc_or_none(Value v)
{
    return v == rt_None || is_exc_instance(v);
}

int rt_exc_setattr(Value exc, const char *name, Value value)
{
    ExcObject *e = (ExcObject *)rt_obj(exc);
    if (!strcmp(name, "__cause__")) {
        if (!exc_or_none(value)) {
            rt_raise_str(rt_TypeError, "exception cause must be None or derive from BaseException");
            return -1;
        }
        e->cause = value == rt_None ? 0 : value;
        e->suppress_context = 1;
        return 0;
    }
    if (!strcmp(name, "__context__")) {
        if (!exc_or_none(value)) {
            rt_raise_str(rt_TypeError,
                         "exception context must be None or derive from BaseException");
            return -1;
        }
        e->context = value == rt_None ? 0 : value;
        return 0;
    }
    if (!strcmp(name, "__suppress_context__")) {
        if (rt_typeof(value) != &rt_bool_type) {
            rt_raise_str(rt_TypeError, "attribute value type must be bool");
            return -1;
        }
        e->suppress_context = value == rt_True;
        return 0;
    }
    if (!strcmp(name, "__traceback__"))
        return rt_exc_with_traceback(exc, value) ? 0 : -1;
    if (!strcmp(name, "__notes__")) {
        e->notes = value;
        return 0;
    }
    if (rt_issubtype(rt_typeof(exc), rt_ImportError)) {
        ImportErrorObject *ie = (ImportErrorObject *)e;
        Value *f = !strcmp(name, "msg") ? &ie->msg : !strcmp(name, "name") ? &ie->name
                   : !strcmp(name, "path") ? &ie->path : NULL;
        if (f) {
            *f = value == rt_None ? 0 : value;
            return 0;
        }
    }
    if (!strcmp(name, "args")) {
        Value t;
        if (!rt_is_small(value) && (rt_obj(value)->type->flags & RT_TPFLAG_TUPLE_SUBCLASS))
            t = value;
        else if (!rt_is_small(value) && (rt_obj(value)->type->flags & RT_TPFLAG_LIST_SUBCLASS))
            t = rt_tuple_from(((ListObject *)rt_obj(value))->items,
                              ((ListObject *)rt_obj(value))->size);
        else
            t = rt_tuple_from(&value, 1);   /* CPython takes any iterable; the rest: generic */
        if (!t)
            return -1;
        e->args = t;
        return 0;
    }
    return 1;
}

Value rt_exc_with_traceback(Value exc, Value tb)
{
    if (tb != rt_None && (rt_is_small(tb) || rt_obj(tb)->type != &rt_traceback_type))
        return rt_raise_str(rt_TypeError, "__traceback__ must be a traceback or None");
    ((ExcObject *)rt_obj(exc))->traceback = tb == rt_None ? 0 : tb;
    return exc;
}

Value rt_exc_add_note(Value exc, Value note)
{
    if (rt_is_small(note) || !(rt_obj(note)->type->flags & RT_TPFLAG_STR_SUBCLASS))
        return rt_raise_fmt(rt_TypeError, "note must be a str, not '%s'", rt_type_name(note));
    ExcObject *e = (ExcObject *)rt_obj(exc);
    if (!e->notes) {
        e->notes = rt_list_from(NULL, 0);
        if (!e->notes)
            return RT_ERR;
    } else if (rt_is_small(e->notes) || !(rt_obj(e->notes)->type->flags & RT_TPFLAG_LIST_SUBCLASS)) {
        return rt_raise_str(rt_TypeError, "Cannot add note: __notes__ is not a list");
    }
    return rt_list_append(e->notes, note) < 0 ? RT_ERR : rt_None;
}

Value rt_raise_errno(int err, Value filename)
{
    Value args[3] = {rt_small(err), rt_str_from_cstr(strerror(err)), filename};
    if (!args[1])
        return RT_ERR;
    Value e = rt_exc_new(rt_OSError, args, filename ? 3 : 2);
    return e ? rt_raise(e) : RT_ERR;
}

static Value raise_unicode(Type *t, const char *encoding, Value obj, int64_t start, int64_t end,
                           const char *reason)
{
    Value args[5] = {rt_str_from_cstr(encoding), obj, rt_int_from_i64(start),
                     rt_int_from_i64(end), rt_str_from_cstr(reason)};
    if (!args[0] || !args[4])
        return RT_ERR;
    Value e = rt_exc_new(t, args, 5);
    return e ? rt_raise(e) : RT_ERR;
}

Value rt_raise_unicode_decode(const char *encoding, Value obj, int64_t start, int64_t end,
                              const char *reason)
{
    return raise_unicode(rt_UnicodeDecodeError, encoding, obj, start, end, reason);
}

Value rt_raise_unicode_encode(const char *encoding, Value obj, int64_t start, int64_t end,
                              const char *reason)
{
    return raise_unicode(rt_UnicodeEncodeError, encoding, obj, start, end, reason);
}

/* ================================================================== raising ============ */

/* Makes exc pending, linking the exception being handled as its __context__ unless that
 * would close a cycle (then the cycle is cut where it would form, as CPython does). */
static Value set_pending(Value exc)
{
    if (handled && handled != exc) {
        Value o = handled;
        /* walk handled's context chain; if exc is on it, unlink it there */
        ExcObject *prev = (ExcObject *)rt_obj(o);
        for (Value c = prev->context; c; c = ((ExcObject *)rt_obj(c))->context) {
            if (c == exc) {
                prev->context = 0;
                break;
            }
            prev = (ExcObject *)rt_obj(c);
        }
        ((ExcObject *)rt_obj(exc))->context = handled;
    }
    pending = exc;
    return RT_ERR;
}

Value rt_raise_memory_error(void)
{
    memory_error_obj.traceback = 0;
    memory_error_obj.context = 0;
    memory_error_obj.cause = 0;
    memory_error_obj.suppress_context = 0;
    return set_pending(rt_val(&memory_error_obj));
}

Value rt_raise(Value exc)
{
    if (is_exc_type(exc)) {
        Type *t = (Type *)rt_obj(exc);
        Value inst = t->new_ ? t->new_(t, NULL, 0, 0) : rt_exc_new(t, NULL, 0);
        if (!inst)
            return RT_ERR;
        if (!is_exc_instance(inst))
            return rt_raise_fmt(rt_TypeError,
                                "calling %R should have returned an instance of BaseException, "
                                "not %s", exc, rt_type_name(inst));
        exc = inst;
    } else if (!is_exc_instance(exc)) {
        return rt_raise_str(rt_TypeError, "exceptions must derive from BaseException");
    }
    return set_pending(exc);
}

Value rt_raise_from(Value exc, Value cause)
{
    if (is_exc_type(exc)) {
        if (!rt_raise(exc))
            exc = rt_exc_fetch();
        if (!is_exc_instance(exc))   /* instantiating it raised: that one propagates */
            return rt_raise(exc);
    } else if (!is_exc_instance(exc)) {
        return rt_raise_str(rt_TypeError, "exceptions must derive from BaseException");
    }
    if (cause == rt_None) {
        cause = 0;
    } else if (is_exc_type(cause)) {
        if (!rt_raise(cause))
            cause = rt_exc_fetch();
    } else if (!is_exc_instance(cause)) {
        return rt_raise_str(rt_TypeError, "exception causes must derive from BaseException");
    }
    ExcObject *e = (ExcObject *)rt_obj(exc);
    e->cause = cause;
    e->suppress_context = 1;
    return set_pending(exc);
}

Value rt_raise_str(Type *type, const char *msg)
{
    Value s = rt_str_from_cstr(msg);
    if (!s)
        return RT_ERR;
    Value e = rt_exc_new(type, &s, 1);
    if (!e)
        return RT_ERR;
    return set_pending(e);
}

Value rt_raise_fmt(Type *type, const char *fmt, ...)
{
    StrBuf b;
    rt_sb_init(&b);
    va_list ap;
    va_start(ap, fmt);
    rt_sb_vprintf(&b, fmt, ap);
    va_end(ap);
    Value s = rt_sb_finish(&b);
    if (!s)
        return RT_ERR;
    Value e = rt_exc_new(type, &s, 1);
    if (!e)
        return RT_ERR;
    return set_pending(e);
}

Value rt_exc_pending(void) { return pending; }

Value rt_exc_fetch(void)
{
    Value e = pending;
    pending = 0;
    return e;
}

void rt_exc_restore(Value exc) { pending = exc; }

Value rt_exc_handler_enter(Value exc)
{
    Value prev = handled;
    handled = exc;
    return prev;
}

void rt_exc_handler_leave(Value prev) { handled = prev; }

Value rt_exc_handled(void) { return handled; }

int rt_exc_matches(Value exc, Value type_or_tuple)
{
    if (!rt_is_small(type_or_tuple) && rt_obj(type_or_tuple)->type == &rt_tuple_type) {
        TupleObject *t = (TupleObject *)rt_obj(type_or_tuple);
        for (int64_t i = 0; i < t->size; i++) {
            int r = rt_exc_matches(exc, t->items[i]);
            if (r)
                return r;
        }
        return 0;
    }
    if (!is_exc_type(type_or_tuple)) {
        rt_raise_str(rt_TypeError,
                     "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return rt_issubtype(rt_typeof(exc), (Type *)rt_obj(type_or_tuple));
}

/* ================================================================== recursion ========== */

_Thread_local int rt_recursion_depth;
int rt_recursion_limit = 1000;

int rt_recursion_enter(void)
{
    if (++rt_recursion_depth > rt_recursion_limit) {
        rt_recursion_depth--;
        rt_raise_str(rt_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

