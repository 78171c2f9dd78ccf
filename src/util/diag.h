/*
 * diag.h - source files and diagnostics.
 *
 * A Source is one program file held in memory.  A Diag is a record of one user-facing error:
 * where (1-based line, 0-based byte column, as CPython's ast positions), what class
 * (SyntaxError, IndentationError, TabError, or "error" for unsupported features), and the
 * message.  diag_print() renders it as
 *
 *     file:line:col: SyntaxError: message
 *         the source line
 *         ^
 *
 * where col is printed 1-based (CPython's SyntaxError.offset), and the caret is aligned under
 * the column even when the line holds tabs or multi-byte characters.
 */
#ifndef AITHON_DIAG_H
#define AITHON_DIAG_H

#include <stdio.h>
#include "util.h"

typedef struct Source {
    const char *path;   /* as given by the user; printed in diagnostics */
    const char *text;   /* the bytes, NUL-terminated (the NUL is not part of len) */
    size_t len;
} Source;

/* Loads a file into a Source; returns 0 on success, -1 (errno set) on failure. */
int source_load(Source *src, const char *path);
/* Wraps bytes already in memory (not copied; they must outlive the Source). */
void source_from_memory(Source *src, const char *path, const char *text, size_t len);
void source_free(Source *src);

/* Returns the start of 1-based line `line` and its length without the newline, or NULL. */
const char *source_line(const Source *src, int line, size_t *len);

typedef struct Diag {
    const char *path;
    int line;            /* 1-based; 0 when the error has no location */
    int col;             /* 0-based byte offset within the line */
    int end_line;        /* 0 when unknown */
    int end_col;
    const char *kind;    /* "SyntaxError", "IndentationError", "TabError", "error", ... */
    char *msg;           /* heap-allocated */
} Diag;

/* Fills d (any previous message is freed). */
void diag_set(Diag *d, const Source *src, int line, int col, const char *kind,
              const char *fmt, ...) PRINTF_LIKE(6, 7);
void diag_vset(Diag *d, const Source *src, int line, int col, const char *kind,
               const char *fmt, va_list ap);
void diag_print(FILE *out, const Diag *d, const Source *src);
void diag_clear(Diag *d);

#endif
