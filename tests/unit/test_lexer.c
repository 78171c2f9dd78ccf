/*
 * test_lexer.c - unit tests of the tokenizer and source decoding (src/lex/lexer.h).
 *
 * Every expectation here was taken from CPython 3.11 (compile() / `python3 FILE` for errors,
 * the tokenize module for tokens), never from aithon itself.  Columns of errors are the Diag
 * convention: 0-based bytes, so that col + 1 is CPython's SyntaxError.offset on ASCII lines.
 * Prints "N passed, N failed" last; exits 1 on any failure.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex/lexer.h"

static int npass, nfail;

#define CHECK(cond, ...)                                                                     \
    do {                                                                                     \
        if (cond) {                                                                          \
            npass++;                                                                         \
        } else {                                                                             \
            nfail++;                                                                         \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                      \
            printf(__VA_ARGS__);                                                             \
            printf("\n");                                                                    \
        }                                                                                    \
    } while (0)

/* Tokenizes src (a file) and returns the kinds as one space-separated string (static). */
static const char *kinds_mode(const char *text, size_t len, int mode, TokenArray *keep)
{
    static char buf[8192];
    Source s;
    source_from_memory(&s, "<test>", text, len);
    TokenArray t;
    lex(&s, text, len, 1, 0, mode, &t);
    buf[0] = 0;
    size_t n = 0;
    for (int i = 0; i < t.n && n < sizeof buf - 64; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? " " : "",
                              tok_names[t.v[i].kind]);
    if (keep)
        *keep = t;
    else
        tokens_free(&t);
    return buf;
}

static const char *kinds(const char *text) { return kinds_mode(text, strlen(text), LEX_FILE, NULL); }

#define KINDS(src, want)                                                                     \
    do {                                                                                     \
        const char *got_ = kinds(src);                                                       \
        CHECK(strcmp(got_, want) == 0, "kinds of %s\n   got  %s\n   want %s", #src, got_,    \
              want);                                                                         \
    } while (0)

/* The dump of the tokens of src, one per line (static buffer). */
static const char *dump(const char *text, int mode)
{
    static char buf[16384];
    Source s;
    source_from_memory(&s, "<test>", text, strlen(text));
    TokenArray t;
    lex(&s, text, strlen(text), 1, 0, mode, &t);
    FILE *f = fmemopen(buf, sizeof buf, "w");
    tokens_dump(f, &t);
    fclose(f);
    tokens_free(&t);
    return buf;
}

#define DUMP(src, want)                                                                      \
    do {                                                                                     \
        const char *got_ = dump(src, LEX_FILE);                                              \
        CHECK(strcmp(got_, want) == 0, "dump of %s\n---got\n%s---want\n%s", #src, got_, want); \
    } while (0)

/* Checks that lexing src fails with (kind, msg) at (line, col). */
static void check_error(const char *file, int lineno, const char *text, const char *kind,
                        const char *msg, int line, int col)
{
    Source s;
    source_from_memory(&s, "<test>", text, strlen(text));
    TokenArray t;
    lex(&s, text, strlen(text), 1, 0, LEX_FILE, &t);
    bool ok = t.n > 0 && t.v[t.n - 1].kind == TK_ERRORTOKEN && t.err.msg &&
              strcmp(t.err.kind, kind) == 0 && strcmp(t.err.msg, msg) == 0 &&
              t.err.line == line && t.err.col == col;
    if (ok) {
        npass++;
    } else {
        nfail++;
        printf("FAIL %s:%d: error of %s\n   got  ", file, lineno, text);
        if (t.n > 0 && t.v[t.n - 1].kind == TK_ERRORTOKEN)
            printf("%s '%s' %d:%d\n", t.err.kind, t.err.msg, t.err.line, t.err.col);
        else
            printf("no error\n");
        printf("   want %s '%s' %d:%d\n", kind, msg, line, col);
    }
    /* the error token is the last one; ERRORTOKENs before it are bad characters */
    for (int i = 0; i + 1 < t.n; i++)
        if (t.v[i].kind == TK_ERRORTOKEN && t.v[i].len == 0)
            CHECK(0, "empty ERRORTOKEN before the end in %s", text);
    tokens_free(&t);
}
#define ERR(src, kind, msg, line, col) check_error(__FILE__, __LINE__, src, kind, msg, line, col)
#define SYNERR(src, msg, line, col) ERR(src, "SyntaxError", msg, line, col)

static void no_error(const char *file, int lineno, const char *text)
{
    Source s;
    source_from_memory(&s, "<test>", text, strlen(text));
    TokenArray t;
    lex(&s, text, strlen(text), 1, 0, LEX_FILE, &t);
    bool ok = t.n > 0 && t.v[t.n - 1].kind == TK_ENDMARKER;
    if (ok)
        npass++;
    else {
        nfail++;
        printf("FAIL %s:%d: unexpected error in %s: %s\n", file, lineno, text,
               t.err.msg ? t.err.msg : "?");
    }
    tokens_free(&t);
}
#define OK(src) no_error(__FILE__, __LINE__, src)

static void test_basic(void)
{
    KINDS("", "ENDMARKER");
    KINDS("\n\n", "ENDMARKER");
    KINDS("# only a comment", "ENDMARKER");
    KINDS("x", "NAME NEWLINE ENDMARKER");
    KINDS("x = 1\n", "NAME EQUAL NUMBER NEWLINE ENDMARKER");
    KINDS("if x:\n    pass\nelse:\n    y\n",
          "IF NAME COLON NEWLINE INDENT PASS NEWLINE DEDENT ELSE COLON NEWLINE INDENT NAME "
          "NEWLINE DEDENT ENDMARKER");
    KINDS("match x:\n case _: pass\n",
          "NAME NAME COLON NEWLINE INDENT NAME NAME COLON PASS NEWLINE DEDENT ENDMARKER");
    KINDS("async def f(): await x", "ASYNC DEF NAME LPAR RPAR COLON AWAIT NAME NEWLINE ENDMARKER");
    KINDS("True False None and as assert break class continue del elif except finally for "
          "from global import in is lambda nonlocal not or raise return try while with yield",
          "TRUE FALSE NONE AND AS ASSERT BREAK CLASS CONTINUE DEL ELIF EXCEPT FINALLY FOR FROM "
          "GLOBAL IMPORT IN IS LAMBDA NONLOCAL NOT OR RAISE RETURN TRY WHILE WITH YIELD NEWLINE "
          "ENDMARKER");
    KINDS("iff If _ __ print", "NAME NAME NAME NAME NAME NEWLINE ENDMARKER");
}

static void test_operators(void)
{
    KINDS("( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= /= %= "
          "&= |= ^= <<= >>= **= // //= @ @= -> ... :=",
          "LPAR RPAR LSQB RSQB COLON COMMA SEMI PLUS MINUS STAR SLASH VBAR AMPER LESS GREATER "
          "EQUAL DOT PERCENT LBRACE RBRACE EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE "
          "CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL "
          "PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL "
          "DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL RARROW ELLIPSIS COLONEQUAL "
          "NEWLINE ENDMARKER");
    /* maximal munch */
    KINDS("a**=b//=c<<=d", "NAME DOUBLESTAREQUAL NAME DOUBLESLASHEQUAL NAME LEFTSHIFTEQUAL NAME "
          "NEWLINE ENDMARKER");
    KINDS("....", "ELLIPSIS DOT NEWLINE ENDMARKER");
    KINDS("a..b", "NAME DOT DOT NAME NEWLINE ENDMARKER");
    KINDS("x=-1", "NAME EQUAL MINUS NUMBER NEWLINE ENDMARKER");
    KINDS("a->b", "NAME RARROW NAME NEWLINE ENDMARKER");
    KINDS("x:=1", "NAME COLONEQUAL NUMBER NEWLINE ENDMARKER");
    for (int i = 0; i < TK__COUNT; i++)
        CHECK((tok_text[i] == NULL) == (i <= TK_ERRORTOKEN), "tok_text[%s]", tok_names[i]);
    CHECK(strcmp(tok_text[TK_LEFTSHIFTEQUAL], "<<=") == 0, "tok_text <<=");
    CHECK(strcmp(tok_text[TK_NONLOCAL], "nonlocal") == 0, "tok_text nonlocal");
    CHECK(strcmp(tok_names[TK_NOTEQUAL], "NOTEQUAL") == 0, "tok_names NOTEQUAL");
}

static void test_numbers(void)
{
    const char *valid[] = {
        "0", "00", "0_0", "7", "1_000", "0x_1_f", "0XdeadBEEF", "0o17", "0O1_7", "0b1", "0B_1_0",
        "1.", ".5", "1.5", "1_0.0_1", "1e5", "1E+5", "1e-5", "1.e5", "1_0e1_0", "1j", "1J",
        "1.5j", ".5j", "1e5j", "0j", "00.5", "09.5", "0_9j", "07e1", "0e0", "1.0e-1_0j",
    };
    for (size_t i = 0; i < countof(valid); i++) {
        TokenArray t;
        kinds_mode(valid[i], strlen(valid[i]), LEX_FILE, &t);
        CHECK(t.n == 3 && t.v[0].kind == TK_NUMBER && t.v[0].len == (int)strlen(valid[i]),
              "number %s", valid[i]);
        tokens_free(&t);
    }
    /* a number followed by a keyword is accepted (CPython only warns) */
    KINDS("1if x else y", "NUMBER IF NAME ELSE NAME NEWLINE ENDMARKER");
    KINDS("0x1for x in y", "NUMBER OR NAME IN NAME NEWLINE ENDMARKER");
    KINDS("1not in x", "NUMBER NOT IN NAME NEWLINE ENDMARKER");
    KINDS("1else", "NUMBER ELSE NEWLINE ENDMARKER");
    KINDS("1.else", "NUMBER ELSE NEWLINE ENDMARKER");
    KINDS("1e1else", "NUMBER ELSE NEWLINE ENDMARKER");
    KINDS("1jif 1 else 2", "NUMBER IF NUMBER ELSE NUMBER NEWLINE ENDMARKER");
    KINDS("1\xc3\xa9", "NUMBER NAME NEWLINE ENDMARKER");   /* non-ASCII ends a number */
    KINDS("1..2", "NUMBER NUMBER NEWLINE ENDMARKER");
    KINDS("1 .real", "NUMBER DOT NAME NEWLINE ENDMARKER");

    SYNERR("1a\n", "invalid decimal literal", 1, 0);
    SYNERR("0o8\n", "invalid digit '8' in octal literal", 1, 2);
    SYNERR("0o\n", "invalid octal literal", 1, 1);
    SYNERR("0b2\n", "invalid digit '2' in binary literal", 1, 2);
    SYNERR("0b\n", "invalid binary literal", 1, 1);
    SYNERR("0x\n", "invalid hexadecimal literal", 1, 1);
    SYNERR("0xg\n", "invalid hexadecimal literal", 1, 1);
    SYNERR("x=0x_\n", "invalid hexadecimal literal", 1, 4);
    SYNERR("1_\n", "invalid decimal literal", 1, 1);
    SYNERR("1__2\n", "invalid decimal literal", 1, 1);
    SYNERR("1e\n", "invalid decimal literal", 1, 0);
    SYNERR("1e+\n", "invalid decimal literal", 1, 2);
    SYNERR("1jx\n", "invalid imaginary literal", 1, 1);
    SYNERR("0e\n", "invalid decimal literal", 1, 0);
    SYNERR("0_\n", "invalid decimal literal", 1, 1);
    SYNERR("x=0b1_\n", "invalid binary literal", 1, 5);
    SYNERR("0o7_8\n", "invalid digit '8' in octal literal", 1, 4);
    SYNERR("0b12\n", "invalid digit '2' in binary literal", 1, 3);
    SYNERR("0o19\n", "invalid digit '9' in octal literal", 1, 3);
    SYNERR("x = 5.__class__\n", "invalid decimal literal", 1, 5);
    SYNERR("x = 1__\n", "invalid decimal literal", 1, 5);
    const char *lz = "leading zeros in decimal integer literals are not permitted; use an 0o "
                     "prefix for octal integers";
    SYNERR("012\n", lz, 1, 0);
    SYNERR("0_7\n", lz, 1, 0);
    SYNERR("x = 09\n", lz, 1, 4);
}

static void test_strings(void)
{
    KINDS("'a' \"b\" '''c''' \"\"\"d\"\"\"", "STRING STRING STRING STRING NEWLINE ENDMARKER");
    KINDS("u'a' U'b' r'c' R'd' b'e' B'f' f'g' F'h' br'i' rB'j' Rb'k' fr'l' RF'm' rf'n'",
          "STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING STRING "
          "STRING STRING NEWLINE ENDMARKER");
    /* not prefixes: a NAME then a STRING */
    KINDS("ur'a' bu'b' fb'c' rr'd'", "NAME STRING NAME STRING NAME STRING NAME STRING NEWLINE "
          "ENDMARKER");
    KINDS("'a\\'b' 'c\\\\'", "STRING STRING NEWLINE ENDMARKER");
    KINDS("''''''", "STRING NEWLINE ENDMARKER");
    KINDS("''\n", "STRING NEWLINE ENDMARKER");
    /* the fourth quote opens a new string */
    SYNERR("'''a''''", "unterminated string literal (detected at line 1)", 1, 7);
    DUMP("x = '''a\nb''' + 'c\\\nd'\ny\n",
         "1:0-1:1 NAME 'x'\n"
         "1:2-1:3 EQUAL '='\n"
         "1:4-2:4 STRING '\\'\\'\\'a\\nb\\'\\'\\''\n"
         "2:5-2:6 PLUS '+'\n"
         "2:7-3:2 STRING '\\'c\\\\\\nd\\''\n"
         "3:2-3:2 NEWLINE ''\n"
         "4:0-4:1 NAME 'y'\n"
         "4:1-4:1 NEWLINE ''\n"
         "4:2-4:2 ENDMARKER ''\n");
    DUMP("s = rb'\\x' f\"{x!r:>{w}}\"",
         "1:0-1:1 NAME 's'\n"
         "1:2-1:3 EQUAL '='\n"
         "1:4-1:10 STRING 'rb\\'\\\\x\\''\n"
         "1:11-1:24 STRING 'f\"{x!r:>{w}}\"'\n"
         "1:24-1:24 NEWLINE ''\n"
         "1:25-1:25 ENDMARKER ''\n");
    SYNERR("x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 4);
    SYNERR("x = rb'abc\n", "unterminated string literal (detected at line 1)", 1, 4);
    SYNERR("x = '''abc\n", "unterminated triple-quoted string literal (detected at line 1)", 1, 4);
    SYNERR("x = '''abc", "unterminated triple-quoted string literal (detected at line 1)", 1, 4);
    SYNERR("x = '''abc\n\n\n", "unterminated triple-quoted string literal (detected at line 3)",
           1, 4);
    SYNERR("'''a\n\\", "unterminated triple-quoted string literal (detected at line 2)", 1, 0);
    SYNERR("x = 'abc\\\ndef\n", "unterminated string literal (detected at line 2)", 1, 4);
    SYNERR("x = 'a\\", "unterminated string literal (detected at line 1)", 1, 4);
    SYNERR("'abc", "unterminated string literal (detected at line 1)", 1, 0);
    SYNERR("'a' 'b\n", "unterminated string literal (detected at line 1)", 1, 4);
    SYNERR("x = 1\r\ny = 'abc\r\n", "unterminated string literal (detected at line 2)", 2, 4);
    SYNERR("x = 'a\rb'\n", "unterminated string literal (detected at line 1)", 1, 4);
}

static void test_indentation(void)
{
    DUMP("if a:\n  if b:\n    c\nd\n",
         "1:0-1:2 IF 'if'\n"
         "1:3-1:4 NAME 'a'\n"
         "1:4-1:5 COLON ':'\n"
         "1:5-1:5 NEWLINE ''\n"
         "2:2-2:2 INDENT ''\n"
         "2:2-2:4 IF 'if'\n"
         "2:5-2:6 NAME 'b'\n"
         "2:6-2:7 COLON ':'\n"
         "2:7-2:7 NEWLINE ''\n"
         "3:4-3:4 INDENT ''\n"
         "3:4-3:5 NAME 'c'\n"
         "3:5-3:5 NEWLINE ''\n"
         "4:0-4:0 DEDENT ''\n"
         "4:0-4:0 DEDENT ''\n"
         "4:0-4:1 NAME 'd'\n"
         "4:1-4:1 NEWLINE ''\n"
         "4:2-4:2 ENDMARKER ''\n");
    /* dedents at the end of input sit on the last line, after its line end */
    DUMP("if a:\n  b\n\n",
         "1:0-1:2 IF 'if'\n"
         "1:3-1:4 NAME 'a'\n"
         "1:4-1:5 COLON ':'\n"
         "1:5-1:5 NEWLINE ''\n"
         "2:2-2:2 INDENT ''\n"
         "2:2-2:3 NAME 'b'\n"
         "2:3-2:3 NEWLINE ''\n"
         "3:1-3:1 DEDENT ''\n"
         "3:1-3:1 ENDMARKER ''\n");
    /* blank and comment lines do not count; brackets join lines */
    KINDS("if a:\n\n   # c\n  b\n    # d\n  c\n",
          "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
    KINDS("x = (1,\n2,\n     3)\ny\n", "NAME EQUAL LPAR NUMBER COMMA NUMBER COMMA NUMBER RPAR "
          "NEWLINE NAME NEWLINE ENDMARKER");
    KINDS("x = 1 + \\\n    2\n", "NAME EQUAL NUMBER PLUS NUMBER NEWLINE ENDMARKER");
    /* tabs go to multiples of 8; a form feed resets the column */
    KINDS("if a:\n\tb\n\tc\n", "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT "
          "ENDMARKER");
    OK("if 1:\n  x\n\f  y\n");
    OK("if 1:\n\tx\n\ty\n");
    OK("if 1:\n \tx\n \ty\n");
    /* a backslash in the indentation: the first one fixes the column */
    OK("if 1:\n  x\n  \\\n y\n");
    OK("if 1:\n  \\\n    x\n");
    KINDS("a\n  \\\nb\n", "NAME NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
    ERR("if 1:\n  x\n y\n", "IndentationError",
        "unindent does not match any outer indentation level", 3, 2);
    ERR("if 1:\n  x\n  \f y\n", "IndentationError",
        "unindent does not match any outer indentation level", 3, 5);
    ERR("if 1:\n\tx\n        y\n", "TabError",
        "inconsistent use of tabs and spaces in indentation", 3, 0);
    ERR("if 1:\n        x\n\ty\n", "TabError",
        "inconsistent use of tabs and spaces in indentation", 3, 0);
    ERR("if 1:\n \tx\n\ty\n", "TabError", "inconsistent use of tabs and spaces in indentation",
        3, 0);
    /* 100 levels are too many */
    char deep[20000];
    size_t n = 0;
    for (int i = 0; i < 100; i++) {
        memset(deep + n, ' ', (size_t)i);
        n += (size_t)i;
        n += (size_t)sprintf(deep + n, "if 1:\n");
    }
    memset(deep + n, ' ', 100);
    n += 100;
    strcpy(deep + n, "x\n");
    ERR(deep, "IndentationError", "too many levels of indentation", 101, 0);
    /* 99 are fine */
    n = 0;
    for (int i = 0; i < 99; i++) {
        memset(deep + n, ' ', (size_t)i);
        n += (size_t)i;
        n += (size_t)sprintf(deep + n, "if 1:\n");
    }
    memset(deep + n, ' ', 99);
    n += 99;
    strcpy(deep + n, "x\n");
    OK(deep);
}

static void test_continuation_and_eof(void)
{
    SYNERR("x = 1\ny = \\ 2\n", "unexpected character after line continuation character", 2, 5);
    SYNERR("x = 1 \\ # c\n", "unexpected character after line continuation character", 1, 7);
    SYNERR("x = 1 + \\", "unexpected EOF while parsing", 1, 9);
    SYNERR("x = 1 + \\\n", "unexpected EOF while parsing", 1, 9);
    SYNERR("x\\\n", "unexpected EOF while parsing", 1, 2);
    SYNERR("x = 1\n\\\n", "unexpected EOF while parsing", 2, 1);
    SYNERR("x=1\n\n   \\\n", "unexpected EOF while parsing", 3, 4);
    OK("x = 1 + \\\n\n");
    SYNERR("{\\", "'{' was never closed", 1, 0);
    SYNERR("x = [1,\n  (2 + \\\n", "'(' was never closed", 2, 2);
    /* CRLF and lone CR line ends */
    DUMP("if a:\r\n  b\r\n",
         "1:0-1:2 IF 'if'\n"
         "1:3-1:4 NAME 'a'\n"
         "1:4-1:5 COLON ':'\n"
         "1:5-1:5 NEWLINE ''\n"
         "2:2-2:2 INDENT ''\n"
         "2:2-2:3 NAME 'b'\n"
         "2:3-2:3 NEWLINE ''\n"
         "2:4-2:4 DEDENT ''\n"
         "2:4-2:4 ENDMARKER ''\n");
    KINDS("a\rb\r", "NAME NEWLINE NAME NEWLINE ENDMARKER");
    KINDS("x = \\\r\n1\r\n", "NAME EQUAL NUMBER NEWLINE ENDMARKER");
    /* no line end at the end: a virtual one, NEWLINE of zero width after the last byte */
    DUMP("if a:\n  b",
         "1:0-1:2 IF 'if'\n"
         "1:3-1:4 NAME 'a'\n"
         "1:4-1:5 COLON ':'\n"
         "1:5-1:5 NEWLINE ''\n"
         "2:2-2:2 INDENT ''\n"
         "2:2-2:3 NAME 'b'\n"
         "2:3-2:3 NEWLINE ''\n"
         "2:4-2:4 DEDENT ''\n"
         "2:4-2:4 ENDMARKER ''\n");
    KINDS("x # c", "NAME NEWLINE ENDMARKER");
    KINDS("x\n   ", "NAME NEWLINE ENDMARKER");
}

static void test_brackets(void)
{
    SYNERR(")\n", "unmatched ')'", 1, 0);
    SYNERR("x = }\n", "unmatched '}'", 1, 4);
    SYNERR("(]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 1);
    SYNERR("(\n]\n", "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
           2, 0);
    SYNERR("x = (1,\n 2\n", "'(' was never closed", 1, 4);
    SYNERR("foo(1,", "'(' was never closed", 1, 3);
    SYNERR("x = [\n1,\n(\n", "'(' was never closed", 3, 0);
    SYNERR("x = {\n1:2\n", "'{' was never closed", 1, 4);
    char deep[1024];
    memset(deep, '(', 200);
    memset(deep + 200, ')', 200);
    strcpy(deep + 400, "\n");
    OK(deep);
    memset(deep, '(', 201);
    memset(deep + 201, ')', 201);
    strcpy(deep + 402, "\n");
    SYNERR(deep, "too many nested parentheses", 1, 200);
}

static void test_characters(void)
{
    SYNERR("x = \xe2\x82\xac\n", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 4);
    SYNERR("a\xc3\xa9\xe2\x82\xac = 1\n", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 3);
    SYNERR("x = a\xc2\xa0" "b\n", "invalid non-printable character U+00A0", 1, 5);
    SYNERR("x = a\xe2\x80\xa8" "b\n", "invalid non-printable character U+2028", 1, 5);
    SYNERR("x = \x01\n", "invalid non-printable character U+0001", 1, 4);
    SYNERR("a = 1\n\x0b\n", "invalid non-printable character U+000B", 2, 0);
    /* $ ? ` <> are tokens no rule accepts; lexing goes on past them */
    KINDS("a = $\n", "NAME EQUAL ERRORTOKEN NEWLINE ENDMARKER");
    KINDS("a ? b `c`", "NAME ERRORTOKEN NAME ERRORTOKEN NAME ERRORTOKEN NEWLINE ENDMARKER");
    DUMP("1 <> 2", "1:0-1:1 NUMBER '1'\n1:2-1:4 ERRORTOKEN '<>'\n1:5-1:6 NUMBER '2'\n"
         "1:6-1:6 NEWLINE ''\n1:7-1:7 ENDMARKER ''\n");
    SYNERR("x = $2D\n", "invalid decimal literal", 1, 5);
    SYNERR("$'''", "unterminated triple-quoted string literal (detected at line 1)", 1, 1);
    KINDS("a ! b", "NAME EXCLAMATION NAME NEWLINE ENDMARKER");
    /* Unicode identifiers: XID classes, NFKC, not keywords even when they normalise to one */
    TokenArray t;
    const char *src = "\xc3\xa9t\xc3\xa9 = \xef\xbd\x89\xef\xbd\x86 + \xe2\x84\x8c + x\xc2\xb7y";
    kinds_mode(src, strlen(src), LEX_FILE, &t);
    CHECK(t.n == 9 && t.v[0].kind == TK_NAME && t.v[2].kind == TK_NAME &&
          t.v[4].kind == TK_NAME && t.v[6].kind == TK_NAME, "unicode names");
    if (t.n == 9) {
        CHECK(t.v[0].ident == intern_cstr("\xc3\xa9t\xc3\xa9"), "ident NFC");
        CHECK(t.v[2].ident == intern_cstr("if"), "fullwidth if is a NAME spelled if");
        CHECK(t.v[4].ident == intern_cstr("H"), "NFKC of U+210C");
        CHECK(t.v[6].ident == intern_cstr("x\xc2\xb7y"), "middle dot continues");
        CHECK(t.v[2].col == 8 && t.v[2].end_col == 14, "byte columns");
    }
    tokens_free(&t);
    kinds_mode("if", 2, LEX_FILE, &t);
    CHECK(t.v[0].kind == TK_IF && t.v[0].ident == intern_cstr("if"), "keyword ident");
    tokens_free(&t);
    KINDS("x = 1 # \xe2\x82\xac\n", "NAME EQUAL NUMBER NEWLINE ENDMARKER");
    KINDS("x = '\xe2\x82\xac'\n", "NAME EQUAL STRING NEWLINE ENDMARKER");
}

static void test_fstring_mode(void)
{
    const char *e = "a +\n b[1] if c else {d: e}";
    TokenArray t;
    Source s;
    source_from_memory(&s, "<test>", e, strlen(e));
    lex(&s, e, strlen(e), 3, 7, LEX_FSTRING_EXPR, &t);
    CHECK(t.n == 15 && t.v[t.n - 1].kind == TK_ENDMARKER, "fstring tokens (%d)", t.n);
    CHECK(t.v[0].line == 3 && t.v[0].col == 7 && t.v[1].col == 9, "fstring first line offset");
    CHECK(t.v[2].line == 4 && t.v[2].col == 1, "fstring second line");
    tokens_free(&t);
    lex(&s, "x)", 2, 1, 0, LEX_FSTRING_EXPR, &t);
    CHECK(t.v[t.n - 1].kind == TK_ERRORTOKEN && strcmp(t.err.msg, "unmatched ')'") == 0,
          "fstring unmatched");
    tokens_free(&t);
    lex(&s, "f(x", 3, 1, 0, LEX_FSTRING_EXPR, &t);
    CHECK(t.v[t.n - 1].kind == TK_ERRORTOKEN && strcmp(t.err.msg, "'(' was never closed") == 0,
          "fstring never closed");
    tokens_free(&t);
    /* only the fragment's bytes are read */
    lex(&s, "ab+cd", 2, 1, 0, LEX_FSTRING_EXPR, &t);
    CHECK(t.n == 2 && t.v[0].len == 2, "fstring length bound");
    tokens_free(&t);
}

/* source_decode on a private copy of the bytes (it may replace the buffer). */
static int decode(const char *bytes, size_t n, Source *s, Diag *d)
{
    char *p = xmalloc(n + 1);
    memcpy(p, bytes, n);
    p[n] = 0;
    source_from_memory(s, "t.py", p, n);
    memset(d, 0, sizeof *d);
    return source_decode(s, d);
}

#define DECODE_OK(bytes, want)                                                               \
    do {                                                                                     \
        Source s_;                                                                           \
        Diag d_;                                                                             \
        int r_ = decode(bytes, sizeof(bytes) - 1, &s_, &d_);                                 \
        CHECK(r_ == 0 && s_.len == strlen(want) && memcmp(s_.text, want, s_.len) == 0,       \
              "decode %s: %s", #bytes, r_ ? d_.msg : s_.text);                               \
        diag_clear(&d_);                                                                     \
        source_free(&s_);                                                                    \
    } while (0)

#define DECODE_ERR(bytes, want, wline)                                                       \
    do {                                                                                     \
        Source s_;                                                                           \
        Diag d_;                                                                             \
        int r_ = decode(bytes, sizeof(bytes) - 1, &s_, &d_);                                 \
        CHECK(r_ == -1 && strcmp(d_.msg, want) == 0 && d_.line == wline &&                   \
              strcmp(d_.kind, "SyntaxError") == 0,                                           \
              "decode %s: got %s line %d", #bytes, r_ ? d_.msg : "success", d_.line);        \
        diag_clear(&d_);                                                                     \
        source_free(&s_);                                                                    \
    } while (0)

static void test_decode(void)
{
    DECODE_OK("x = 1\n", "x = 1\n");
    DECODE_OK("\xef\xbb\xbfx = 1\n", "x = 1\n");
    DECODE_OK("\xef\xbb\xbf# coding: utf-8\nx\n", "# coding: utf-8\nx\n");
    DECODE_OK("# coding: latin-1\nx = '\xe9'\n", "# coding: latin-1\nx = '\xc3\xa9'\n");
    DECODE_OK("#!/usr/bin/python\n# vim: set fileencoding=iso_8859_1 :\n'\xe9'\n",
              "#!/usr/bin/python\n# vim: set fileencoding=iso_8859_1 :\n'\xc3\xa9'\n");
    DECODE_OK("# -*- coding: cp1252 -*-\n'\x80'\n", "# -*- coding: cp1252 -*-\n'\xe2\x82\xac'\n");
    DECODE_OK("\n# coding=latin-1\n'\xe9'\n", "\n# coding=latin-1\n'\xc3\xa9'\n");
    DECODE_OK("# coding: utf-8-sig\nx\n", "# coding: utf-8-sig\nx\n");
    DECODE_ERR("x = 1\ny = '\xff'\n",
               "Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but no encoding "
               "declared; see https://peps.python.org/pep-0263/ for details", 2);
    /* the line is compile()'s SyntaxError.lineno (the script runner prints none) */
    /* a declaration on line 2 counts only after a blank or comment line 1 */
    DECODE_ERR("x = 1\n# coding: latin-1\nx = '\xe9'\n",
               "Non-UTF-8 code starting with '\\xe9' in file t.py on line 3, but no encoding "
               "declared; see https://peps.python.org/pep-0263/ for details", 3);
    DECODE_ERR("x=1 # coding: latin-1\nx = '\xe9'\n",
               "Non-UTF-8 code starting with '\\xe9' in file t.py on line 2, but no encoding "
               "declared; see https://peps.python.org/pep-0263/ for details", 2);
    DECODE_ERR("x = 1\ny = 2\0\n", "source code cannot contain null bytes", 2);
    DECODE_ERR("# -*- coding: foobar -*-\nx = 1\n", "encoding problem: foobar", 0);
    DECODE_ERR("\xef\xbb\xbf# coding: latin-1\nx = 1\n", "encoding problem: iso-8859-1 with BOM",
               0);
    DECODE_ERR("# coding: ascii\nx = '\xe9'\n", "encoding problem: ascii", 0);
    DECODE_ERR("# coding: utf-16\nx=1\n", "encoding problem: utf-16", 0);
}

static void test_dump_escapes(void)
{
    const char *got = dump("'\\t\t'", LEX_FILE);
    const char *want = "1:0-1:5 STRING '\\'\\\\t\\t\\''\n";
    CHECK(strncmp(got, want, strlen(want)) == 0, "dump escapes: %s", got);
}

int main(void)
{
    test_basic();
    test_operators();
    test_numbers();
    test_strings();
    test_indentation();
    test_continuation_and_eof();
    test_brackets();
    test_characters();
    test_fstring_mode();
    test_decode();
    test_dump_escapes();
    printf("%d passed, %d failed\n", npass, nfail);
    return nfail ? 1 : 0;
}
