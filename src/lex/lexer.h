/*
 * lexer.h - Python 3.11 tokenizer.
 *
 * Entry points:
 *   source_decode()  turns a Source's bytes into UTF-8 text as CPython reads a file: strips a
 *                    UTF-8 BOM, honours a PEP 263 coding declaration on line 1 or 2 (any
 *                    encoding glibc's iconv knows), rejects invalid UTF-8 and NUL bytes with a
 *                    SyntaxError diagnostic.
 *   lex()            tokenizes decoded text into a TokenArray, all at once.
 *
 * Error model: the lexer stops at the first error and ends the array with one TK_ERRORTOKEN
 * whose diagnostic is stored in the TokenArray.  The parser reports it only when it reaches
 * that token, so an earlier syntax error wins, as in CPython (whose parser pulls tokens
 * lazily).  Otherwise the array ends with TK_ENDMARKER.
 * Two refinements of CPython's that the parser needs (lexer.c has the details):
 *   - An ERRORTOKEN *before* the end (no Diag) is a character no grammar rule accepts ($ ? `
 *     or the spelling "<>"): CPython's tokenizer passes it as an OP, so the parser fails there
 *     with "invalid syntax", and lexing went on past it.
 *   - When CPython's parser fails with a SyntaxError it tokenizes the rest of the file
 *     (_PyPegen_tokenize_full_source_to_check_for_errors).  A later tokenizer error replaces
 *     the parser's, except TabError, IndentationError, "unexpected character after line
 *     continuation character", "unexpected EOF while parsing" and "'(' was never closed": for
 *     those the parser's error stays, unless brackets are open at the error token and the
 *     innermost was opened on a line before the parser error's line; then the error is
 *     "'(' was never closed" at that bracket (its char/line/col: from the tokens).
 *
 * Positions are CPython's: 1-based lines, 0-based byte columns in the UTF-8 text; end_col is
 * one past the last byte.  NEWLINE, INDENT and DEDENT get the positions CPython's tokenizer
 * gives them (NEWLINE is empty: end_col == col; INDENT, DEDENT and ENDMARKER, which CPython
 * leaves without a column, have col == end_col == where its tokenizer stands: the first
 * token of the line, or at the end the last line, after its line end; see lexer.c).  Comments, blank lines and NL tokens are not produced (the parser never sees
 * them).
 */
#ifndef AITHON_LEXER_H
#define AITHON_LEXER_H

#include "../util/diag.h"

typedef enum TokKind {
#define TOK(K, s) TK_##K,
#define PUNCT(K, s) TK_##K,
#define KW(K, s) TK_##K,
#include "token.def"
#undef TOK
#undef PUNCT
#undef KW
    TK__COUNT
} TokKind;

typedef struct Token {
    TokKind kind;
    int line, col;          /* start */
    int end_line, end_col;  /* end (exclusive column) */
    const char *start;      /* the token's bytes in the decoded text */
    int len;
    const char *ident;      /* NAME and keywords: interned, NFKC-normalised spelling */
} Token;

typedef struct TokenArray {
    Token *v;
    int n, cap;
    Diag err;               /* set when the last token is TK_ERRORTOKEN */
} TokenArray;

/* Modes of lex(). */
enum {
    LEX_FILE,          /* a module: NEWLINE/INDENT/DEDENT, ENDMARKER at the end */
    LEX_FSTRING_EXPR,  /* the expression part of an f-string replacement field: tokenized as if
                          inside brackets (newlines are whitespace, no INDENT/DEDENT) */
};

/* Decodes src->text in place (the Source then owns a UTF-8 buffer, NUL-terminated).  Returns 0,
 * or -1 with *err set. */
int source_decode(Source *src, Diag *err);

/* Tokenizes text[0..len).  The first byte is at line0/col0 (1/0 for a file).  src gives the
 * path for diagnostics and must hold the text (diagnostics print its lines).  Tokens point into
 * text; interned identifiers live forever; out->v is malloc'd (free with tokens_free). */
void lex(const Source *src, const char *text, size_t len, int line0, int col0, int mode,
         TokenArray *out);
void tokens_free(TokenArray *t);

extern const char *const tok_names[TK__COUNT];   /* "NAME", "LPAR", "IF", ... */
extern const char *const tok_text[TK__COUNT];    /* "(" for LPAR, "if" for IF, NULL for classes */

/* Prints the tokens one per line as  line:col-end_line:end_col  KIND  'text'  (for
 * `aithon parse --dump-tokens`). */
void tokens_dump(FILE *out, const TokenArray *t);

#endif
