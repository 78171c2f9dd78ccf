/*
 * lexdump.c - a test driver for the tokenizer: decodes and tokenizes each file named on the
 * command line and prints "== PATH", then either the tokens (tokens_dump format) or one line
 * "ERROR Kind line col message" (col 0-based, in bytes).  With -q it only tokenizes (for
 * timing).  Used by tests/lex/stdlib_tokens.sh.
 */
#include <stdio.h>
#include <string.h>

#include "lex/lexer.h"

int main(int argc, char **argv)
{
    int quiet = 0, status = 0;
    long ntok = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-q") == 0) {
            quiet = 1;
            continue;
        }
        Source src;
        if (source_load(&src, argv[i]) != 0) {
            perror(argv[i]);
            status = 1;
            continue;
        }
        if (!quiet)
            printf("== %s\n", argv[i]);
        Diag err = {0};
        if (source_decode(&src, &err) != 0) {
            if (!quiet)
                printf("ERROR %s %d %d %s\n", err.kind, err.line, err.col, err.msg);
            diag_clear(&err);
            source_free(&src);
            continue;
        }
        TokenArray t;
        lex(&src, src.text, src.len, 1, 0, LEX_FILE, &t);
        ntok += t.n;
        if (!quiet) {
            if (t.n && t.v[t.n - 1].kind == TK_ERRORTOKEN) {
                t.n--;
                tokens_dump(stdout, &t);
                t.n++;
                printf("ERROR %s %d %d %s\n", t.err.kind, t.err.line, t.err.col, t.err.msg);
            } else {
                tokens_dump(stdout, &t);
            }
        }
        tokens_free(&t);
        source_free(&src);
    }
    if (quiet)
        fprintf(stderr, "%ld tokens\n", ntok);
    return status;
}
