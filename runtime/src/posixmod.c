/*
 * posixmod.c - the `posix` module: the thin layer of system calls that lib/os.py builds on
 * (getcwd, chdir, listdir, stat/lstat/fstat, mkdir, rmdir, unlink/remove, rename/replace,
 * getpid, environ, putenv/unsetenv, urandom, cpu_count, strerror, open/read/write/close,
 * access, readlink, symlink, isatty, umask, and the O_* / F_OK ... constants).
 *
 * Entry points (rt_mods.h): rt_posix_module_create, and rt_imp_module_create for the small
 * `_imp` module at the end; both registered by rt_mods_register (mathmod.c).
 *
 * Paths are str (encoded UTF-8), bytes, or objects with __fspath__.  A failed call raises
 * OSError built by rt_raise_errno, so the subclass (FileNotFoundError ...) and the message
 * "[Errno 2] No such file or directory: 'x'" are CPython's.  stat results are returned as a
 * plain tuple (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime, atime_ns,
 * mtime_ns, ctime_ns, blksize, blocks, rdev); lib/os wraps it in stat_result.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_mods.h"
#include "rt_str.h"

extern char **environ;

static int is_str(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS);
}

/* a path argument: *path points into a str or bytes kept alive by *keep; *isbytes says
 * which, so listdir can answer in kind.  0 ok, -1 TypeError raised. */
static int path_arg(const char *fn, Value v, const char **path, Value *keep, int *isbytes)
{
    int64_t n;
    if (!is_str(v) && rt_bytes_view(v, path, &n) < 0) {
        rt_exc_fetch();
        Value r = rt_call_method(v, rt_str_intern("__fspath__"), 0, 0, 0);
        if (!r) {
            rt_exc_fetch();
            rt_raise_fmt(rt_TypeError, "%s: path should be string, bytes or os.PathLike, "
                                       "not %T", fn, v);
            return -1;
        }
        v = r;
        if (!is_str(v) && rt_bytes_view(v, path, &n) < 0) {
            rt_exc_fetch();
            rt_raise_fmt(rt_TypeError, "expected %T.__fspath__() to return str or bytes",
                         v);
            return -1;
        }
    }
    *keep = v;
    if (is_str(v)) {
        *path = rt_str_bytes(v);
        if (isbytes)
            *isbytes = 0;
    } else if (isbytes) {
        *isbytes = 1;
    }
    if (!is_str(v) && (int64_t)strlen(*path) != n) {
        rt_raise_fmt(rt_ValueError, "%s: embedded null character in path", fn);
        return -1;
    }
    return 0;
}

static int check_args(const char *fn, size_t nargs, Value kwnames, size_t lo, size_t hi)
{
    if (kwnames && rt_tuple_size(kwnames)) {
        rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", fn);
        return -1;
    }
    if (nargs < lo || nargs > hi) {
        if (lo == hi)
            rt_raise_fmt(rt_TypeError, "%s() takes exactly %zu argument%s (%zu given)", fn, lo,
                         lo == 1 ? "" : "s", nargs);
        else
            rt_raise_fmt(rt_TypeError, "%s() takes from %zu to %zu arguments (%zu given)", fn,
                         lo, hi, nargs);
        return -1;
    }
    return 0;
}

static int int_arg(Value v, int64_t *out)
{
    if (!rt_is_int(v)) {
        rt_raise_fmt(rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    return rt_int_as_i64(v, out);
}

/* OSError for errno with the filename(s) of the call */
static Value fail(Value file) { return rt_raise_errno(errno, file); }

static Value fail2(Value src, Value dst)
{
    int e = errno;
    Value args[5] = {rt_small(e), rt_str_from_cstr(strerror(e)), src, rt_small(0), dst};
    if (!args[1])
        return RT_ERR;
    Value x = rt_exc_new(rt_OSError, args, 5);
    return x ? rt_raise(x) : RT_ERR;
}

#define FN(name) static Value px_##name(Value self, const Value *args, size_t nargs, Value kwnames)

FN(getcwd)
{
    (void)self;
    (void)args;
    if (check_args("getcwd", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    char *p = getcwd(NULL, 0);
    if (!p)
        return fail(0);
    Value r = rt_str_from_cstr(p);
    free(p);
    return r;
}

#define PATH1(name, call)                                                           \
    FN(name)                                                                        \
    {                                                                               \
        (void)self;                                                                 \
        const char *path;                                                           \
        Value keep;                                                                 \
        if (check_args(#name, nargs, kwnames, 1, 1) < 0 ||                          \
            path_arg(#name, args[0], &path, &keep, 0) < 0)                          \
            return RT_ERR;                                                          \
        if (call(path) != 0)                                                        \
            return fail(args[0]);                                                   \
        return rt_None;                                                             \
    }

PATH1(chdir, chdir)
PATH1(rmdir, rmdir)
PATH1(unlink, unlink)
PATH1(remove, unlink)

FN(mkdir)
{
    (void)self;
    const char *path;
    Value keep;
    int64_t mode = 0777;
    if (check_args("mkdir", nargs, kwnames, 1, 2) < 0 ||
        path_arg("mkdir", args[0], &path, &keep, 0) < 0 ||
        (nargs > 1 && int_arg(args[1], &mode) < 0))
        return RT_ERR;
    if (mkdir(path, (mode_t)mode) != 0)
        return fail(args[0]);
    return rt_None;
}

static Value do_rename(const char *fn, const Value *args, size_t nargs, Value kwnames)
{
    const char *src, *dst;
    Value k1, k2;
    if (check_args(fn, nargs, kwnames, 2, 2) < 0 || path_arg(fn, args[0], &src, &k1, 0) < 0 ||
        path_arg(fn, args[1], &dst, &k2, 0) < 0)
        return RT_ERR;
    if (rename(src, dst) != 0)
        return fail2(args[0], args[1]);
    return rt_None;
}

FN(rename) { (void)self; return do_rename("rename", args, nargs, kwnames); }
FN(replace) { (void)self; return do_rename("replace", args, nargs, kwnames); }

FN(symlink)
{
    (void)self;
    const char *src, *dst;
    Value k1, k2;
    if (check_args("symlink", nargs, kwnames, 2, 3) < 0 ||
        path_arg("symlink", args[0], &src, &k1, 0) < 0 ||
        path_arg("symlink", args[1], &dst, &k2, 0) < 0)
        return RT_ERR;
    if (symlink(src, dst) != 0)
        return fail2(args[0], args[1]);
    return rt_None;
}

FN(readlink)
{
    (void)self;
    const char *path;
    Value keep;
    int isbytes;
    if (check_args("readlink", nargs, kwnames, 1, 1) < 0 ||
        path_arg("readlink", args[0], &path, &keep, &isbytes) < 0)
        return RT_ERR;
    char buf[4096];
    ssize_t n = readlink(path, buf, sizeof buf);
    if (n < 0)
        return fail(args[0]);
    return isbytes ? rt_bytes_from(buf, (size_t)n) : rt_str_from_utf8_checked(buf, (size_t)n);
}

FN(listdir)
{
    (void)self;
    const char *path = ".";
    Value keep;
    int isbytes = 0;
    if (check_args("listdir", nargs, kwnames, 0, 1) < 0)
        return RT_ERR;
    if (nargs && args[0] != rt_None && path_arg("listdir", args[0], &path, &keep, &isbytes) < 0)
        return RT_ERR;
    DIR *d = opendir(path);
    if (!d)
        return fail(nargs && args[0] != rt_None ? args[0] : rt_str_from_cstr("."));
    Value list = rt_list_new(0);
    if (!list) {
        closedir(d);
        return RT_ERR;
    }
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        size_t n = strlen(e->d_name);
        Value name = isbytes ? rt_bytes_from(e->d_name, n)
                             : rt_str_from_utf8_checked(e->d_name, n);
        if (!name || rt_list_append(list, name) < 0) {
            closedir(d);
            return RT_ERR;
        }
        errno = 0;
    }
    int err = errno;
    closedir(d);
    if (err) {
        errno = err;
        return fail(args[0]);
    }
    return list;
}

static Value stat_tuple(const struct stat *st)
{
    double at = (double)st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9;
    double mt = (double)st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9;
    double ct = (double)st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9;
    int64_t ans = (int64_t)st->st_atim.tv_sec * 1000000000 + st->st_atim.tv_nsec;
    int64_t mns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
    int64_t cns = (int64_t)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
    return rt_tuple_pack(16, rt_int_from_i64(st->st_mode), rt_int_from_i64((int64_t)st->st_ino),
                         rt_int_from_i64((int64_t)st->st_dev), rt_int_from_i64((int64_t)st->st_nlink),
                         rt_int_from_i64(st->st_uid), rt_int_from_i64(st->st_gid),
                         rt_int_from_i64(st->st_size), rt_float(at), rt_float(mt), rt_float(ct),
                         rt_int_from_i64(ans), rt_int_from_i64(mns), rt_int_from_i64(cns),
                         rt_int_from_i64((int64_t)st->st_blksize),
                         rt_int_from_i64((int64_t)st->st_blocks),
                         rt_int_from_i64((int64_t)st->st_rdev));
}

static Value do_stat(const char *fn, int follow, const Value *args, size_t nargs, Value kwnames)
{
    struct stat st;
    if (check_args(fn, nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    if (rt_is_int(args[0])) {
        int64_t fd;
        if (rt_int_as_i64(args[0], &fd) < 0)
            return RT_ERR;
        if (fstat((int)fd, &st) != 0)
            return fail(0);
        return stat_tuple(&st);
    }
    const char *path;
    Value keep;
    if (path_arg(fn, args[0], &path, &keep, 0) < 0)
        return RT_ERR;
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0)
        return fail(args[0]);
    return stat_tuple(&st);
}

FN(stat) { (void)self; return do_stat("stat", 1, args, nargs, kwnames); }
FN(lstat) { (void)self; return do_stat("lstat", 0, args, nargs, kwnames); }
FN(fstat) { (void)self; return do_stat("fstat", 1, args, nargs, kwnames); }

FN(chmod)
{
    (void)self;
    const char *path;
    Value keep;
    int64_t mode;
    if (check_args("chmod", nargs, kwnames, 2, 2) < 0 ||
        path_arg("chmod", args[0], &path, &keep, 0) < 0 || int_arg(args[1], &mode) < 0)
        return RT_ERR;
    if (chmod(path, (mode_t)mode) != 0)
        return fail(args[0]);
    return rt_None;
}

/* utime(path, ns): ns is None (now) or a pair of int nanoseconds (atime, mtime); lib/os
 * converts the float seconds of times= */
FN(utime)
{
    (void)self;
    const char *path;
    Value keep;
    if (check_args("utime", nargs, kwnames, 2, 2) < 0 ||
        path_arg("utime", args[0], &path, &keep, 0) < 0)
        return RT_ERR;
    struct timespec ts[2];
    const struct timespec *tp = 0;
    if (args[1] != rt_None) {
        if (rt_typeof(args[1]) != &rt_tuple_type || rt_tuple_size(args[1]) != 2)
            return rt_raise_str(rt_TypeError, "utime: 'ns' must be a tuple of two ints");
        for (int i = 0; i < 2; i++) {
            int64_t ns;
            if (int_arg(rt_tuple_item(args[1], i), &ns) < 0)
                return RT_ERR;
            ts[i].tv_sec = (time_t)(ns / 1000000000);
            ts[i].tv_nsec = (long)(ns % 1000000000);
            if (ts[i].tv_nsec < 0) {
                ts[i].tv_nsec += 1000000000;
                ts[i].tv_sec -= 1;
            }
        }
        tp = ts;
    }
    if (utimensat(AT_FDCWD, path, tp, 0) != 0)
        return fail(args[0]);
    return rt_None;
}

FN(access)
{
    (void)self;
    const char *path;
    Value keep;
    int64_t mode;
    if (check_args("access", nargs, kwnames, 2, 2) < 0 ||
        path_arg("access", args[0], &path, &keep, 0) < 0 || int_arg(args[1], &mode) < 0)
        return RT_ERR;
    return rt_bool(access(path, (int)mode) == 0);
}

FN(getpid)
{
    (void)self;
    (void)args;
    if (check_args("getpid", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_int_from_i64(getpid());
}

FN(getppid)
{
    (void)self;
    (void)args;
    if (check_args("getppid", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_int_from_i64(getppid());
}

FN(getuid)
{
    (void)self;
    (void)args;
    if (check_args("getuid", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    return rt_int_from_i64(getuid());
}

FN(cpu_count)
{
    (void)self;
    (void)args;
    if (check_args("cpu_count", nargs, kwnames, 0, 0) < 0)
        return RT_ERR;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? rt_None : rt_int_from_i64(n);
}

FN(strerror)
{
    (void)self;
    int64_t code;
    if (check_args("strerror", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &code) < 0)
        return RT_ERR;
    return rt_str_from_cstr(strerror((int)code));
}

FN(urandom)
{
    (void)self;
    int64_t n;
    if (check_args("urandom", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &n) < 0)
        return RT_ERR;
    if (n < 0)
        return rt_raise_str(rt_ValueError, "negative argument not allowed");
    Value b = rt_bytes_new_uninit(n);
    if (!b)
        return RT_ERR;
    char *p = ((BytesObject *)rt_obj(b))->data;
    int64_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(p + got, (size_t)(n - got), 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return fail(0);
        }
        got += r;
    }
    return b;
}

static int str_arg(const char *fn, Value v, const char **out)
{
    const char *p;
    Value keep;
    if (path_arg(fn, v, &p, &keep, 0) < 0)
        return -1;
    *out = p;
    return 0;
}

FN(putenv)
{
    (void)self;
    const char *k, *v;
    if (check_args("putenv", nargs, kwnames, 2, 2) < 0 || str_arg("putenv", args[0], &k) < 0 ||
        str_arg("putenv", args[1], &v) < 0)
        return RT_ERR;
    if (!*k || strchr(k, '='))
        return rt_raise_str(rt_ValueError, "illegal environment variable name");
    if (setenv(k, v, 1) != 0)
        return fail(0);
    return rt_None;
}

FN(unsetenv)
{
    (void)self;
    const char *k;
    if (check_args("unsetenv", nargs, kwnames, 1, 1) < 0 || str_arg("unsetenv", args[0], &k) < 0)
        return RT_ERR;
    if (!*k || strchr(k, '='))
        return rt_raise_str(rt_ValueError, "illegal environment variable name");
    if (unsetenv(k) != 0)
        return fail(0);
    return rt_None;
}

FN(open)
{
    (void)self;
    const char *path;
    Value keep;
    int64_t flags, mode = 0777;
    if (check_args("open", nargs, kwnames, 2, 3) < 0 ||
        path_arg("open", args[0], &path, &keep, 0) < 0 || int_arg(args[1], &flags) < 0 ||
        (nargs > 2 && int_arg(args[2], &mode) < 0))
        return RT_ERR;
    int fd;
    do
        fd = open(path, (int)flags | O_CLOEXEC, (mode_t)mode);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return fail(args[0]);
    return rt_int_from_i64(fd);
}

FN(close)
{
    (void)self;
    int64_t fd;
    if (check_args("close", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &fd) < 0)
        return RT_ERR;
    if (close((int)fd) != 0)
        return fail(0);
    return rt_None;
}

FN(read)
{
    (void)self;
    int64_t fd, n;
    if (check_args("read", nargs, kwnames, 2, 2) < 0 || int_arg(args[0], &fd) < 0 ||
        int_arg(args[1], &n) < 0)
        return RT_ERR;
    if (n < 0)
        return rt_raise_str(rt_ValueError, "negative length");
    /* read into a bytes object of the requested size; a short read is copied out */
    Value b = rt_bytes_new_uninit(n);
    if (!b)
        return RT_ERR;
    char *buf = ((BytesObject *)rt_obj(b))->data;
    ssize_t r;
    do
        r = read((int)fd, buf, (size_t)n);
    while (r < 0 && errno == EINTR);
    if (r < 0)
        return fail(0);
    return r == n ? b : rt_bytes_from(buf, (size_t)r);
}

FN(write)
{
    (void)self;
    int64_t fd, n;
    const char *data;
    if (check_args("write", nargs, kwnames, 2, 2) < 0 || int_arg(args[0], &fd) < 0)
        return RT_ERR;
    if (rt_bytes_view(args[1], &data, &n) < 0)
        return RT_ERR;
    ssize_t r;
    do
        r = write((int)fd, data, (size_t)n);
    while (r < 0 && errno == EINTR);
    if (r < 0)
        return fail(0);
    return rt_int_from_i64(r);
}

FN(isatty)
{
    (void)self;
    int64_t fd;
    if (check_args("isatty", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &fd) < 0)
        return RT_ERR;
    return rt_bool(isatty((int)fd) == 1);
}

FN(umask)
{
    (void)self;
    int64_t m;
    if (check_args("umask", nargs, kwnames, 1, 1) < 0 || int_arg(args[0], &m) < 0)
        return RT_ERR;
    return rt_int_from_i64(umask((mode_t)m));
}

static const struct { const char *name; VectorCallFn fn; } posix_functions[] = {
    {"getcwd", px_getcwd},     {"chdir", px_chdir},       {"listdir", px_listdir},
    {"stat", px_stat},         {"lstat", px_lstat},       {"fstat", px_fstat},
    {"mkdir", px_mkdir},       {"rmdir", px_rmdir},       {"unlink", px_unlink},
    {"remove", px_remove},     {"rename", px_rename},     {"replace", px_replace},
    {"symlink", px_symlink},   {"readlink", px_readlink}, {"access", px_access},
    {"getpid", px_getpid},     {"getppid", px_getppid},   {"getuid", px_getuid},
    {"cpu_count", px_cpu_count}, {"strerror", px_strerror}, {"urandom", px_urandom},
    {"putenv", px_putenv},     {"unsetenv", px_unsetenv}, {"open", px_open},
    {"close", px_close},       {"read", px_read},         {"write", px_write},
    {"isatty", px_isatty},     {"umask", px_umask},       {"chmod", px_chmod},
    {"utime", px_utime},
};

static const struct { const char *name; long value; } posix_constants[] = {
    {"F_OK", F_OK},         {"R_OK", R_OK},           {"W_OK", W_OK},
    {"X_OK", X_OK},         {"O_RDONLY", O_RDONLY},   {"O_WRONLY", O_WRONLY},
    {"O_RDWR", O_RDWR},     {"O_APPEND", O_APPEND},   {"O_CREAT", O_CREAT},
    {"O_EXCL", O_EXCL},     {"O_TRUNC", O_TRUNC},     {"O_NOFOLLOW", O_NOFOLLOW},
    {"O_CLOEXEC", O_CLOEXEC}, {"O_NONBLOCK", O_NONBLOCK}, {"O_DIRECTORY", O_DIRECTORY},
};

Value rt_posix_module_create(void)
{
    Value m = rt_module_new("posix", 0);
    if (!m)
        return RT_ERR;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    Value modname = rt_str_from_cstr("posix");
    if (!modname)
        return RT_ERR;
    for (size_t i = 0; i < sizeof posix_functions / sizeof posix_functions[0]; i++) {
        Value f = rt_builtin_new(posix_functions[i].name, posix_functions[i].fn, 0, modname);
        if (!f || rt_dict_set(d, rt_str_intern(posix_functions[i].name), f) < 0)
            return RT_ERR;
    }
    for (size_t i = 0; i < sizeof posix_constants / sizeof posix_constants[0]; i++)
        if (rt_dict_set(d, rt_str_intern(posix_constants[i].name),
                        rt_int_from_i64(posix_constants[i].value)) < 0)
            return RT_ERR;
    /* environ: a dict of str, from the process environment at first import */
    Value env = rt_dict_new();
    if (!env)
        return RT_ERR;
    for (char **e = environ; *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        Value k = rt_str_from_utf8_checked(*e, (size_t)(eq - *e));
        Value v = k ? rt_str_from_utf8_checked(eq + 1, strlen(eq + 1)) : 0;
        if (!v) {
            rt_exc_fetch();   /* a non-UTF-8 variable is left out */
            continue;
        }
        if (rt_dict_set(env, k, v) < 0)
            return RT_ERR;
    }
    if (rt_dict_set(d, rt_str_intern("environ"), env) < 0)
        return RT_ERR;
    return m;
}

/* ---- _imp: the run-time side of importlib (lib/importlib/__init__.py) ----
 * A compiled program is closed-world: source modules are imported by the code the compiler
 * generated, and importlib finds them in sys.modules.  What can still be loaded by name at
 * run time are the built-in C modules, through import_builtin. */

static Value imp_import_builtin(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (check_args("import_builtin", nargs, kwnames, 1, 1) < 0)
        return RT_ERR;
    if (!is_str(args[0]))
        return rt_raise_fmt(rt_TypeError, "module name must be str, not %T", args[0]);
    return rt_builtin_module(rt_str_bytes(args[0]));
}

Value rt_imp_module_create(void)
{
    Value m = rt_module_new("_imp", 0);
    if (!m)
        return RT_ERR;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    Value modname = rt_str_from_cstr("_imp");
    Value f = modname ? rt_builtin_new("import_builtin", imp_import_builtin, 0, modname) : 0;
    if (!f || rt_dict_set(d, rt_str_intern("import_builtin"), f) < 0)
        return RT_ERR;
    return m;
}
