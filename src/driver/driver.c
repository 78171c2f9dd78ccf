/*
 * driver.c - helpers of the build pipeline (driver.h): locating the bundled library and the
 * runtime relative to the aithon binary, module lookup, temporary directories, linking through
 * the system `cc`, and the `run` cache location.
 *
 * A compiler built by `make asan` (AITHON_SANITIZE) links with the C compiler that built it and
 * -fsanitize=address,undefined, since the runtime beside it is instrumented, and without libgc
 * when that runtime uses the malloc allocator (AITHON_RT_GC_MALLOC; see runtime/src/alloc.c).
 *
 * Invariant: outputs appear atomically.  The linker writes a temporary name beside the final
 * file, renamed on success and removed on failure, so an interrupted or failed build never
 * leaves a partial executable (or a corrupt cache entry).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver.h"

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (!p)
        abort();
    memcpy(p, s, n);
    return p;
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    if (!p)
        abort();
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

const char *driver_exe_dir(void)
{
    static char dir[PATH_MAX];
    if (dir[0])
        return dir;
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (n <= 0) {
        strcpy(dir, ".");
        return dir;
    }
    dir[n] = 0;
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir)
        *slash = 0;
    else if (slash)
        slash[1] = 0;
    return dir;
}

/* A directory that holds the bundled library, told by one of its files: a plain directory of
 * the same name (the /usr/local/lib of an installed /usr/local/bin/aithon) is not one. */
static int is_lib_dir(const char *p)
{
    char *marker = join(p, "__future__.py");
    int ok = is_file(marker);
    free(marker);
    return ok;
}

/* The first existing candidate (files or directories), canonicalised; static storage.  A
 * directory found beside the binary must be the bundled library (is_lib_dir); $env is taken
 * as given. */
static const char *first_existing(const char *env, const char *const *rel, int want_dir,
                                  char *out)
{
    const char *e = getenv(env);
    if (e && *e) {
        if (want_dir ? is_dir(e) : is_file(e))
            return realpath(e, out) ? out : e;
        return NULL;
    }
    for (int i = 0; rel[i]; i++) {
        char *p = join(driver_exe_dir(), rel[i]);
        int ok = want_dir ? is_lib_dir(p) : is_file(p);
        if (ok && realpath(p, out)) {
            free(p);
            return out;
        }
        free(p);
    }
    return NULL;
}

const char *driver_lib_dir(void)
{
    static char buf[PATH_MAX];
    /* build/aithon, build/<tree>/aithon (make asan: build/asan/aithon), installed bin/aithon */
    static const char *const rel[] = {"../lib", "../../lib", "../lib/aithon/lib", NULL};
    return first_existing("AITHON_LIB", rel, 1, buf);
}

const char *driver_runtime_lib(void)
{
    static char buf[PATH_MAX];
    static const char *const rel[] = {"libaithonrt.a", "../lib/aithon/libaithonrt.a", NULL};
    return first_existing("AITHON_RUNTIME", rel, 0, buf);
}

char *driver_find_module(const char *root, const char *name, int *is_package)
{
    char rel[PATH_MAX];
    size_t n = strlen(name);
    if (n + 16 >= sizeof rel)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        rel[i] = name[i] == '.' ? '/' : name[i];
    char *base = join(root, rel);
    size_t bl = strlen(base);
    char *p = malloc(bl + 16);
    snprintf(p, bl + 16, "%s/__init__.py", base);
    if (is_file(p)) {
        *is_package = 1;
        free(base);
        return p;
    }
    snprintf(p, bl + 16, "%s.py", base);
    free(base);
    if (is_file(p)) {
        *is_package = 0;
        return p;
    }
    free(p);
    return NULL;
}

char *driver_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    char *d = xstrdup(path);
    d[slash - path] = 0;
    return d;
}

char *driver_tmpdir(void)
{
    const char *t = getenv("TMPDIR");
    char *tmpl = join(t && *t ? t : "/tmp", "aithon-XXXXXX");
    if (!mkdtemp(tmpl)) {
        free(tmpl);
        return NULL;
    }
    return tmpl;
}

void driver_rmtree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = join(dir, e->d_name);
        if (is_dir(p))
            driver_rmtree(p);
        else
            unlink(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
}

/* Runs argv (no shell); returns the exit status, or -1 when it could not run.  quiet:
 * its stderr goes to /dev/null. */
static int run_argv(char *const argv[], int quiet)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (quiet) {
            int fd = open("/dev/null", O_WRONLY);
            if (fd >= 0)
                dup2(fd, 2);
        }
        execvp(argv[0], argv);
        fprintf(stderr, "aithon: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int driver_commit(const char *tmp, const char *final)
{
    if (rename(tmp, final) == 0)
        return 0;
    if (errno != EXDEV)
        return -1;
    /* different file systems: copy beside the target, then rename there */
    size_t n = strlen(final) + 16;
    char *near = malloc(n);
    snprintf(near, n, "%s.tmp%ld", final, (long)getpid());
    int in = open(tmp, O_RDONLY), out = open(near, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    int rc = in >= 0 && out >= 0 ? 0 : -1;
    char buf[65536];
    ssize_t k;
    while (rc == 0 && (k = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)k) != k)
            rc = -1;
    if (in >= 0)
        close(in);
    if (out >= 0 && close(out) != 0)
        rc = -1;
    if (rc == 0)
        rc = rename(near, final);
    if (rc != 0)
        unlink(near);
    else
        unlink(tmp);
    free(near);
    return rc;
}

int driver_links_sanitized(void)
{
#ifdef AITHON_SANITIZE
    return 1;
#else
    return 0;
#endif
}

/* The ways a program can be linked, tried in this order until one works:
 *   LINK_STATIC: everything from archives, the C library included (-static).  No dynamic
 *     loader runs at start-up: no mapping of libc and libm, no symbol lookups or lazy
 *     binding, no relocation of their data (an empty program: 108 -> 73 page faults, 630,000
 *     -> 480,000 instructions, about a third of its CPU time).  The same glibc build's
 *     archives hold the same code, and its math functions pick the same ifunc variants for
 *     the CPU, so results do not change; the runtime uses nothing of glibc that needs
 *     dlopen (NSS, iconv, locales other than "C").
 *   LINK_LIBC_SHARED: the runtime's libraries from their archives, the C and math libraries
 *     shared (each shared library costs the loader its mapping and symbol lookups at every
 *     start: together about 250,000 instructions).  For a machine without libc.a, and the
 *     sanitizer build, whose runtimes must be shared.
 *   LINK_SHARED: every library shared, where their archives are missing too. */
enum { LINK_STATIC, LINK_LIBC_SHARED, LINK_SHARED };

/* fills argv for one way of linking; returns the number of arguments.  gold: link with GNU
 * gold, which makes the static link in 180 ms of CPU where the default linker (bfd) takes
 * 390 (and the libc-shared one in 120 instead of 220); each way is tried with gold first
 * and again with the default linker where gold is missing. */
static int link_args(char **argv, int mode, int gold, const char *cc, const char *tmp,
                     const char *obj, const char *obj2, const char *rt)
{
    int k = 0;
    argv[k++] = (char *)cc;
    if (gold)
        argv[k++] = "-fuse-ld=gold";
    if (mode == LINK_STATIC) {
        argv[k++] = "-static";
        /* libgc finds the program's static data with dl_iterate_phdr, a weak reference that
         * a static link leaves null unless something else pulls it in; without it libgc
         * probes every page from _end down to the first unmapped one, text included, at
         * start-up (150 page faults) and scans that whole range as a root at every
         * collection.  With it the roots are the writable segments, as in a dynamic link. */
        argv[k++] = "-Wl,--undefined=dl_iterate_phdr";
    } else {
#ifndef AITHON_SANITIZE
        /* A position-dependent executable: a PIE makes the dynamic loader apply one
         * relocation per pointer in the runtime's static data (3,191 of them: the built-in
         * types' slot tables, method tables, exception types) at every start, writing 6
         * pages and running 50,000 instructions before main.  The objects are
         * position-independent code, which a fixed-address link accepts as is; -static is
         * fixed-address already. */
        argv[k++] = "-no-pie";
#endif
    }
    argv[k++] = "-o";
    argv[k++] = (char *)tmp;
    argv[k++] = (char *)obj;
    if (obj2)
        argv[k++] = (char *)obj2;
    argv[k++] = (char *)rt;
#ifdef AITHON_SANITIZE
    argv[k++] = "-fsanitize=address,undefined";
#endif
    if (mode == LINK_LIBC_SHARED)
        argv[k++] = "-Wl,-Bstatic";
#ifndef AITHON_RT_GC_MALLOC
    /* libgc's heap mappings go through the runtime's __wrap_mmap (alloc.c: huge pages) */
    argv[k++] = "-Wl,--wrap=mmap";
    argv[k++] = "-lgc";
#endif
    argv[k++] = "-lgmp";
    argv[k++] = "-lutf8proc";
    argv[k++] = "-lpcre2-8";
    if (mode == LINK_LIBC_SHARED)
        argv[k++] = "-Wl,-Bdynamic";
    argv[k++] = "-lm";
    argv[k++] = "-lpthread";
    argv[k] = NULL;
    return k;
}

int driver_link(const char *obj, const char *obj2, const char *out, int is_static)
{
    const char *rt = driver_runtime_lib();
    if (!rt) {
        fprintf(stderr, "aithon: error: cannot find the runtime library libaithonrt.a next to "
                        "%s (set AITHON_RUNTIME)\n", driver_exe_dir());
        return -1;
    }
#ifdef AITHON_SANITIZE
    /* the runtime beside a sanitized compiler is instrumented (`make asan`): the program must
     * be linked by the compiler that built it, whose sanitizer runtimes match ($CC is ignored:
     * another compiler's libasan would not) */
    const char *cc = AITHON_LINK_CC;
    int first = is_static ? LINK_STATIC : LINK_LIBC_SHARED;
#else
    const char *cc = getenv("CC");
    if (!cc || !*cc)
        cc = "cc";
    int first = LINK_STATIC;
#endif
    int last = is_static ? LINK_STATIC : LINK_SHARED;
    size_t n = strlen(out) + 32;
    char *tmp = malloc(n);
    snprintf(tmp, n, "%s.aithon-tmp%ld", out, (long)getpid());
    char *argv[24];
    int st = -1;
    for (int mode = first; mode <= last && st != 0; mode++)
        for (int gold = 1; gold >= 0 && st != 0; gold--) {
            link_args(argv, mode, gold, cc, tmp, obj, obj2, rt);
            /* a way that may fail for want of an archive or of gold fails quietly: the
             * next one follows */
            st = run_argv(argv, mode < last || gold);
        }
    int rc = 0;
    if (st != 0) {
        fprintf(stderr, "aithon: error: linking %s failed (%s exited with %d)\n", out, cc, st);
        rc = -1;
    } else if (driver_commit(tmp, out) != 0) {
        fprintf(stderr, "aithon: error: cannot write %s: %s\n", out, strerror(errno));
        rc = -1;
    }
    unlink(tmp);
    free(tmp);
    return rc;
}

static int mkdirs(const char *path)
{
    char buf[PATH_MAX];
    if (strlen(path) >= sizeof buf)
        return -1;
    strcpy(buf, path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            if (mkdir(buf, 0700) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(buf, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

char *driver_cache_path(const char *key)
{
    const char *x = getenv("XDG_CACHE_HOME");
    char *dir;
    if (x && *x == '/') {
        dir = join(x, "aithon");
    } else {
        const char *home = getenv("HOME");
        if (!home || !*home)
            return NULL;
        dir = join(home, ".cache/aithon");
    }
    if (mkdirs(dir) != 0) {
        free(dir);
        return NULL;
    }
    char *p = join(dir, key);
    free(dir);
    return p;
}

unsigned long long driver_hash(unsigned long long h, const void *data, size_t n)
{
    const unsigned char *s = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

int driver_hash_file(unsigned long long *h, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    unsigned char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0)
        *h = driver_hash(*h, buf, k);
    fclose(f);
    return 0;
}
