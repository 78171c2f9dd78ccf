/*
 * strlit.h - string literal atoms, between the parser and the AST.
 *
 * An atom made of one or more adjacent STRING tokens ("a" 'b' f"{c}") becomes one Constant
 * (str or bytes, escapes decoded, kind='u' when the first token has a u prefix) or one
 * JoinedStr (when any part is an f-string), exactly as CPython 3.11's string parser builds
 * them: adjacent constant pieces merged, empty pieces dropped, `{x=}` expanded to the text
 * Constant plus a FormattedValue with conversion 'r' unless a conversion or format spec is
 * given, nested format specs as JoinedStr.  Mixing bytes and str is an error
 * ("cannot mix bytes and nonbytes literals").
 *
 * The parser hands over the tokens; strlit calls back into the parser for the expressions
 * inside replacement fields (parser_fstring_expr, parser_internal.h).
 */
#ifndef AITHON_STRLIT_H
#define AITHON_STRLIT_H

#include "parser_internal.h"

/* Returns the node, or NULL after reporting an error through parser_error().  toks[ntoks] must
 * be readable (the token after the atom, which the parser has peeked at): CPython reports most
 * string errors at the furthest token its parser has looked at, which is that one. */
Node *strlit_atom(Parser *p, const Token *toks, int ntoks);

/* The value of a NUMBER token: int (any size; beyond int64 as decimal digits in bigdec), float
 * or imaginary, underscores removed, as CPython's parsenumber().  Returns NULL after reporting
 * an error. */
Const *strlit_number(Parser *p, const Token *t);

#endif
