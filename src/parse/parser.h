/*
 * parser.h - the Python 3.11 parser: tokens in, AST (ast.h) out.
 *
 * Entry point: parse_module() parses a whole decoded source file (lexer.h: source_decode)
 * into an N_Module node, allocated in the arena.  On a syntax error it returns NULL with *err
 * holding the first error in CPython's terms (class, message, line and column), choosing
 * among errors as CPython 3.11's parser does where practical.
 *
 * The parser is recursive descent with backtracking over the token array, one function per
 * grammar rule of CPython's Grammar/python.gram, each headed by its rule.  Nesting depth is
 * bounded (as CPython's MAXSTACK), so deep input gives "too many nested parentheses" or a
 * SyntaxError instead of a stack overflow.
 */
#ifndef AITHON_PARSER_H
#define AITHON_PARSER_H

#include "../ast/ast.h"
#include "../lex/lexer.h"

Node *parse_module(const Source *src, Arena *a, Diag *err);

#endif
