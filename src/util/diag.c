/*
 * diag.c - loading sources, recording and printing diagnostics (see diag.h).
 */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

int source_load(Source *src, const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text)
        return -1;
    src->path = path;
    src->text = text;
    src->len = len;
    return 0;
}

void source_from_memory(Source *src, const char *path, const char *text, size_t len)
{
    src->path = path;
    src->text = text;
    src->len = len;
}

void source_free(Source *src)
{
    free((char *)src->text);
    src->text = NULL;
}

/* Lines end at \n, \r\n or a lone \r, as in CPython's tokenizer. */
const char *source_line(const Source *src, int line, size_t *len)
{
    const char *p = src->text, *end = src->text + src->len;
    if (line < 1)
        return NULL;
    for (int l = 1; l < line; l++) {
        while (p < end && *p != '\n' && *p != '\r')
            p++;
        if (p == end)
            return NULL;
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
        p++;
    }
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    *len = (size_t)(q - p);
    return p;
}

void diag_vset(Diag *d, const Source *src, int line, int col, const char *kind,
               const char *fmt, va_list ap)
{
    Buf b = {0};
    buf_vprintf(&b, fmt, ap);
    free(d->msg);
    d->path = src ? src->path : NULL;
    d->line = line;
    d->col = col;
    d->end_line = 0;
    d->end_col = 0;
    d->kind = kind;
    d->msg = b.p;
}

void diag_set(Diag *d, const Source *src, int line, int col, const char *kind,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vset(d, src, line, col, kind, fmt, ap);
    va_end(ap);
}

void diag_clear(Diag *d)
{
    free(d->msg);
    memset(d, 0, sizeof *d);
}

/* Prints the record, the source line and a caret.  The caret line copies the tabs of the
 * source line so that it lines up in any terminal, and counts one column per code point
 * (continuation bytes of UTF-8 are skipped). */
void diag_print(FILE *out, const Diag *d, const Source *src)
{
    if (d->line > 0)
        fprintf(out, "%s:%d:%d: %s: %s\n", d->path ? d->path : "<input>", d->line,
                d->col + 1, d->kind, d->msg ? d->msg : "");
    else
        fprintf(out, "%s: %s: %s\n", d->path ? d->path : "<input>", d->kind,
                d->msg ? d->msg : "");
    size_t len;
    const char *text = src && d->line > 0 ? source_line(src, d->line, &len) : NULL;
    if (!text)
        return;
    /* do not flood the terminal with a minified line */
    size_t show = len > 400 ? 400 : len;
    fputs("    ", out);
    for (size_t i = 0; i < show; i++) {
        unsigned char c = (unsigned char)text[i];
        fputc(c == 0 ? ' ' : c, out);
    }
    fputc('\n', out);
    fputs("    ", out);
    size_t col = (size_t)(d->col < 0 ? 0 : d->col);
    if (col > show)
        col = show;
    for (size_t i = 0; i < col; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\t')
            fputc('\t', out);
        else if ((c & 0xC0) != 0x80)
            fputc(' ', out);
    }
    fputs("^\n", out);
}
