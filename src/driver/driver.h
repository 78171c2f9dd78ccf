/*
 * driver.h - what `aithon build` and `aithon run` need around the compiler proper: where the
 * bundled library and the runtime are, module files, temporary directories, linking with the
 * system C compiler driver, and the build cache of `run`.
 *
 * The pipeline itself stays one function in main.c; these are its helpers.  Paths returned are
 * malloc'd (the caller frees them) unless documented otherwise.
 */
#ifndef AITHON_DRIVER_H
#define AITHON_DRIVER_H

#include <stddef.h>

/* The directory of the running aithon binary (from /proc/self/exe); static storage. */
const char *driver_exe_dir(void);
/* The bundled Python library: $AITHON_LIB, else <exe>/../lib (the build tree: build/aithon ->
 * lib/), else <exe>/../../lib (another build tree: build/asan/aithon), else
 * <exe>/../lib/aithon/lib (installed: bin/aithon); NULL when none exists. */
const char *driver_lib_dir(void);
/* libaithonrt.a: $AITHON_RUNTIME, else next to the binary (build/), else
 * <exe>/../lib/aithon/libaithonrt.a; NULL when none exists. */
const char *driver_runtime_lib(void);

/* Finds module `name` ("a.b") under root: root/a/b.py or root/a/b/__init__.py.  Returns the
 * path or NULL; *is_package is set. */
char *driver_find_module(const char *root, const char *name, int *is_package);

/* The directory part of path ("." when it has none). */
char *driver_dirname(const char *path);

/* A fresh private temporary directory (mkdtemp), or NULL; driver_rmtree removes it. */
char *driver_tmpdir(void);
void driver_rmtree(const char *dir);

/* 1 when programs are linked with the sanitizer runtimes (a `make asan` compiler): their code
 * is then instrumented by AddressSanitizer as well. */
int driver_links_sanitized(void);

/* Links obj (and obj2, the second part of split object code, unless NULL) into the executable
 * out (written as a temporary name in out's directory, renamed when complete, so a failure
 * never leaves a partial file).  Returns 0 or -1 after printing the linker's complaint. */
int driver_link(const char *obj, const char *obj2, const char *out, int is_static);

/* Renames tmp to final, or copies when they are on different file systems; 0 or -1. */
int driver_commit(const char *tmp, const char *final);

/* The cache file for a program whose inputs hash to `key`: $XDG_CACHE_HOME/aithon/<key> or
 * ~/.cache/aithon/<key>, creating the directory; NULL when there is no usable location. */
char *driver_cache_path(const char *key);

/* 64-bit FNV-1a, incremental: start with DRIVER_HASH_INIT. */
#define DRIVER_HASH_INIT 1469598103934665603ull
unsigned long long driver_hash(unsigned long long h, const void *data, size_t n);
/* Hashes the file's bytes into h; -1 when it cannot be read. */
int driver_hash_file(unsigned long long *h, const char *path);

#endif
