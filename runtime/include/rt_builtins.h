/*
 * rt_builtins.h - the builtins module, the sys module and the standard streams, and the
 * registry of modules implemented in C.  Implemented by runtime/src/builtins.c (builtins),
 * sysmod.c (sys, stdout/stderr/stdin),
 * module.c (module objects, sys.modules, the registry) and main.c (the program entry).
 *
 * Errors as in rt.h: RT_ERR after raising, -1 for int results.
 */
#ifndef AITHON_RT_BUILTINS_H
#define AITHON_RT_BUILTINS_H

#include "rt.h"
#include "rt_func.h"

/* Fills rt_builtins_dict and registers the modules "builtins" and "sys"; idempotent.
 * rt_init calls it (after rt_class_init), so every program has the builtins from the start. */
int rt_builtins_init(void);

/* ---- modules (module.c) ---- */
extern Value rt_sys_modules;   /* sys.modules, created on first use */
/* a new module object whose dict holds __name__, __doc__, __package__, __loader__, __spec__;
 * def 0 = a built-in module (repr "<module 'sys' (built-in)>") */
Value rt_module_new(const char *name, const ModuleDef *def);
/* makes `create` the constructor of built-in module `name` (called once, on first
 * rt_builtin_module(name)); -1 when the table is full */
int rt_register_builtin_module(const char *name, Value (*create)(void));

/* ---- sys (sysmod.c) ---- */
Value rt_sys_module_create(void);
Value rt_sys_set_argv(int argc, char **argv);   /* sys.argv = argv[0..argc) as str; rt_None */
/* The standard streams (TextIO objects writing through C stdio, so that output order matches
 * rt_print_exception's stderr writes).  fd 0, 1, 2. */
Value rt_std_stream(int fd);
/* f.write(s) for any file object: direct for the standard streams, else f.write(s) */
int rt_file_write(Value file, Value s);
int rt_file_flush(Value file);
/* the exit status for SystemExit exc, printing a non-int code to stderr as CPython does */
int rt_sys_exit_status(Value exc);
/* flushes sys.stdout and sys.stderr at exit; a failure (closed pipe) is reported on stderr
 * as CPython does; returns 0, or 120 when stdout could not be flushed */
int rt_flush_std_streams(void);

/* ---- files (fileio.c) ---- */
/* builtins.open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
 * closefd=True): a text (TextIOWrapper) or binary (BufferedReader/Writer) file over C stdio */
Value rt_builtin_open(Value self, const Value *args, size_t nargs, Value kwnames);
/* io.UnsupportedOperation, the class the file methods raise (made on first use), and the
 * `_io` module holding it for lib/io.py */
Value rt_io_unsupported_operation(void);
Value rt_io_module_create(void);

#endif
