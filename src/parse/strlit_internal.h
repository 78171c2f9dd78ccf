/*
 * strlit_internal.h - the pieces of strlit.c / numlit.c / uninames.c that unit tests reach
 * directly.  Not for use outside src/parse/ and tests/unit/test_strlit.c.
 *
 * strlit.c does its work against a StrlitEnv (an arena, an error sink and the f-string
 * expression parser) rather than against the Parser itself: strlit_atom() and strlit_number()
 * wrap the parser's callbacks into an env, and the unit tests supply their own, so literals can
 * be tested without the parser.
 */
#ifndef AITHON_STRLIT_INTERNAL_H
#define AITHON_STRLIT_INTERNAL_H

#include "../ast/ast.h"
#include "../lex/lexer.h"

typedef struct StrlitEnv {
    Arena *arena;
    void *ctx;
    /* Records a SyntaxError (columns 0-based, end exclusive; col -1 = "no column"). */
    void (*error)(void *ctx, int line, int col, int end_line, int end_col, const char *msg);
    /* Parses an f-string field's expression text (see parser_fstring_expr); NULL after
     * reporting an error through error(). */
    Node *(*expr)(void *ctx, const char *text, size_t len, int line, int col);
} StrlitEnv;

/* strlit_atom() against an env.  toks[ntoks] must be readable: CPython reports most string
 * errors at the token after the atom (the furthest token its parser has looked at). */
Node *strlit_atom_env(const StrlitEnv *env, const Token *toks, int ntoks);
/* strlit_number() against an env. */
Const *strlit_number_env(const StrlitEnv *env, const Token *t);

/* Decodes the escapes of a str literal body (no prefix, no quotes) as CPython's
 * decode_unicode_with_escapes, appending UTF-8 (lone surrogates as 3-byte sequences) to out.
 * Returns 0, or -1 with the SyntaxError message ("(unicode error) ...") in err. */
int strlit_unescape_str(const char *s, size_t len, Buf *out, Buf *err);
/* The same for a bytes literal body (ASCII only, checked by the caller); errors are
 * "(value error) ...". */
int strlit_unescape_bytes(const char *s, size_t len, Buf *out, Buf *err);

/* The value of a number literal's text (underscores allowed) as CPython's parsenumber().
 * Returns 0, or -1 with the SyntaxError message in err (only the int digit limit). */
int strlit_parse_number(const char *text, size_t len, Arena *a, Const *out, Buf *err);

/* \N{name}: the code point of a Unicode character name or name alias, matched as CPython 3.11's
 * unicodedata (Unicode 14.0) does: case-insensitively, except the algorithmic "HANGUL
 * SYLLABLE x" and "CJK UNIFIED IDEOGRAPH-XXXX" names, which must be upper case.  Named
 * sequences are not accepted.  Returns 1 and sets *cp, or 0. */
int strlit_uniname_lookup(const char *name, size_t len, uint32_t *cp);

/* ---- the generated name table (uninames.c, made by scripts/gen_uninames.py) ----
 * uninames_data holds every name and alias, sorted, in blocks of UNINAMES_BLOCK entries.
 * Each entry is: shared-prefix length with the previous entry (varint), the rest of the name
 * (characters A-Z 0-9 space hyphen), the code point minus the previous entry's (zigzag
 * varint).  A block's first entry has prefix 0 and a delta from 0, so each block decodes on
 * its own; uninames_blocks[i] is the offset of block i.  Varint digits come from two
 * alphabets of 27 characters, "more" digits first, the last digit from the "final" alphabet,
 * least significant digit first. */
#define UNINAMES_BLOCK 16
#define UNINAMES_MORE "!#$%&'()*+,./:;<=>@[]^_`|}~"
#define UNINAMES_FINAL "abcdefghijklmnopqrstuvwxyz{"
extern const char uninames_data[];
extern const uint32_t uninames_blocks[];
extern const int uninames_nblocks;
/* code point ranges [lo, hi] named "CJK UNIFIED IDEOGRAPH-XXXX" */
extern const uint32_t uninames_cjk[][2];
extern const int uninames_ncjk;

#endif
