/*
 * parser_internal.h - what the parser shares with its helper modules (strlit.c).
 * Not for use outside src/parse/.
 */
#ifndef AITHON_PARSER_INTERNAL_H
#define AITHON_PARSER_INTERNAL_H

#include "parser.h"

typedef struct Parser Parser;

Arena *parser_arena(Parser *p);
const Source *parser_source(Parser *p);

/* Records a syntax error (the first one recorded wins) and makes every enclosing rule fail.
 * kind is "SyntaxError" unless stated.  Columns are 0-based bytes. */
void parser_error(Parser *p, int line, int col, int end_line, int end_col, const char *fmt,
                  ...) PRINTF_LIKE(6, 7);
int parser_failed(Parser *p);

/* Parses the text of an f-string replacement field's expression (between '{' and the '!', ':',
 * '=' or '}' that ends it) as CPython 3.11 does: as `( <text> )` with the star_expressions
 * rule.  line/col give the position of text[0] in the file.  Returns the expression, or NULL
 * after reporting an error ("f-string: empty expression not allowed", "f-string: invalid
 * syntax", ...). */
Node *parser_fstring_expr(Parser *p, const char *text, size_t len, int line, int col);

#endif
