/*
 * lexer.c - the Python 3.11 tokenizer (lexer.h): lex(), tokens_free(), tokens_dump() and the
 * token name tables.  Source decoding (PEP 263) lives in decode.c.
 *
 * The tokenizer reproduces CPython 3.11's C tokenizer (Parser/tokenizer.c) in one pass over
 * the decoded UTF-8 text: the same tokens, the same positions, the same error messages at the
 * same places.  It runs all at once and stores the tokens in one growing array.
 *
 * How the text is read (the invariants everything below relies on):
 *   - \n, \r\n and a lone \r all end a line, as after CPython's newline translation.  Token
 *     bytes are not translated: a STRING token spanning lines holds the raw line ends, so the
 *     string decoder must turn \r\n and \r into \n.
 *   - A text that does not end in a line end behaves as if one followed (CPython appends one);
 *     that "virtual newline" has no bytes, so a NEWLINE made of it has len 0.
 *   - Columns are byte offsets from the start of the physical line; on the first line of a
 *     fragment (LEX_FSTRING_EXPR) col0 is added.
 *   - Only ASCII decides the token class: every byte >= 0x80 is a potential identifier
 *     character (as in CPython); identifiers holding them are checked against XID_Start /
 *     XID_Continue afterwards and NFKC-normalised.
 *
 * Positions CPython leaves undefined: its tokenizer gives NEWLINE an empty range (end_col ==
 * col), and gives INDENT, DEDENT and ENDMARKER no column at all (-1); when the parser reports
 * an error at such a token, CPython uses where the tokenizer stands (tok->cur).  So for those
 * three kinds, col == end_col == that position: for INDENT and DEDENT the column of the first
 * token of the line; at end of input, the line number of the last line and the length of that
 * line including its line end.
 *
 * Errors: the first error stops the tokenizer; TokenArray.err gets CPython's exception class,
 * message and position, and the array ends with one TK_ERRORTOKEN there.  Diag.col is the
 * byte column of the character CPython's SyntaxError.offset points at (offset == col + 1 on
 * ASCII lines; CPython counts some offsets in characters, others in bytes).  The characters
 * $ ? ` and the spelling "<>" are not errors of CPython's tokenizer, only tokens that no rule
 * accepts: they become ERRORTOKENs in the middle of the array (no Diag), and the tokenizer
 * goes on (lexer.h).
 */
#include "lexer.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- the tables generated from token.def ---- */

const char *const tok_names[TK__COUNT] = {
#define TOK(K, s) [TK_##K] = s,
#define PUNCT(K, s) [TK_##K] = #K,
#define KW(K, s) [TK_##K] = #K,
#include "token.def"
#undef TOK
#undef PUNCT
#undef KW
};

const char *const tok_text[TK__COUNT] = {
#define TOK(K, s) [TK_##K] = NULL,
#define PUNCT(K, s) [TK_##K] = s,
#define KW(K, s) [TK_##K] = s,
#include "token.def"
#undef TOK
#undef PUNCT
#undef KW
};

/* CPython's limits (tokenizer.h: MAXINDENT, MAXLEVEL) and tab stops. */
enum { MAXINDENT = 100, MAXLEVEL = 200, TABSIZE = 8 };

/* ---- character classes: one table lookup per byte on the hot paths ---- */
enum {
    C_IDS = 1 << 0,   /* may start an identifier: letters, _, any byte >= 0x80 */
    C_IDC = 1 << 1,   /* may continue one: the above and digits */
    C_DIG = 1 << 2,   /* 0-9 */
    C_HEX = 1 << 3,   /* 0-9 a-f A-F */
    C_OCT = 1 << 4,   /* 0-7 */
    C_WS = 1 << 5,    /* blanks between tokens: space, tab, form feed */
    C_NL = 1 << 6,    /* \n \r */
    C_SQ = 1 << 7,    /* the bytes that stop a scan inside a '...' string: ' \ \n \r */
};
/* a second bit set for "..." strings, kept apart to stay within one byte */
enum { D_DQ = 1 };

static const unsigned char cclass[256] = {
    ['0' ... '7'] = C_IDC | C_DIG | C_HEX | C_OCT,
    ['8' ... '9'] = C_IDC | C_DIG | C_HEX,
    ['a' ... 'f'] = C_IDS | C_IDC | C_HEX,
    ['g' ... 'z'] = C_IDS | C_IDC,
    ['A' ... 'F'] = C_IDS | C_IDC | C_HEX,
    ['G' ... 'Z'] = C_IDS | C_IDC,
    ['_'] = C_IDS | C_IDC,
    [0x80 ... 0xFF] = C_IDS | C_IDC,
    [' '] = C_WS,
    ['\t'] = C_WS,
    ['\f'] = C_WS,
    ['\n'] = C_NL | C_SQ,
    ['\r'] = C_NL | C_SQ,
    ['\''] = C_SQ,
    ['\\'] = C_SQ,
};
static const unsigned char dqclass[256] = {
    ['\n'] = D_DQ, ['\r'] = D_DQ, ['"'] = D_DQ, ['\\'] = D_DQ,
};

#define IS(c, k) (cclass[(unsigned char)(c)] & (k))

/* ---- keywords: a small open-addressing table built once, on first use ---- */
static const struct { const char *s; TokKind k; } kw_list[] = {
#define TOK(K, s)
#define PUNCT(K, s)
#define KW(K, s) {s, TK_##K},
#include "token.def"
#undef TOK
#undef PUNCT
#undef KW
};
enum { KW_SLOTS = 128 };
static signed char kw_slot[KW_SLOTS]; /* index into kw_list + 1, 0 = empty */
static pthread_once_t kw_once = PTHREAD_ONCE_INIT;

static unsigned kw_hash(const char *s, size_t n)
{
    return ((unsigned char)s[0] * 31u + (unsigned char)s[n - 1] * 7u + (unsigned)n * 3u +
            (unsigned char)s[1]) & (KW_SLOTS - 1);
}

static void kw_init(void)
{
    for (size_t i = 0; i < countof(kw_list); i++) {
        unsigned h = kw_hash(kw_list[i].s, strlen(kw_list[i].s));
        while (kw_slot[h])
            h = (h + 1) & (KW_SLOTS - 1);
        kw_slot[h] = (signed char)(i + 1);
    }
}

/* The kind of the ASCII name s[0..n): a hard keyword's kind or TK_NAME. */
static TokKind keyword_kind(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return TK_NAME;
    for (unsigned h = kw_hash(s, n); kw_slot[h]; h = (h + 1) & (KW_SLOTS - 1)) {
        const char *k = kw_list[kw_slot[h] - 1].s;
        if (k[0] == s[0] && strlen(k) == n && memcmp(k, s, n) == 0)
            return kw_list[kw_slot[h] - 1].k;
    }
    return TK_NAME;
}

/* ---- Unicode identifiers ---- */

/* XID_Start / XID_Continue for code points >= 0x80, from utf8proc's general categories plus
 * the Other_ID_Start / Other_ID_Continue code points, minus Pattern_Syntax and the few code
 * points that NFKC closure removes (DerivedCoreProperties.txt).  The exception lists were
 * checked against CPython 3.11 (str.isidentifier) over every code point. */
static bool xid_not_start(uint32_t c)
{
    switch (c) {
    case 0x037A: case 0x0E33: case 0x0EB3: case 0x309B: case 0x309C:
    case 0xFDFA: case 0xFDFB: case 0xFF9E: case 0xFF9F: case 0x2E2F:
        return true;
    }
    return (c >= 0xFC5E && c <= 0xFC63) || (c >= 0xFE70 && c <= 0xFE7E && !(c & 1));
}

static bool xid_not_continue(uint32_t c)
{
    switch (c) {
    case 0x037A: case 0x309B: case 0x309C: case 0xFDFA: case 0xFDFB: case 0x2E2F:
        return true;
    }
    return (c >= 0xFC5E && c <= 0xFC63) || (c >= 0xFE70 && c <= 0xFE7E && !(c & 1));
}

static bool id_start_category(utf8proc_category_t cat)
{
    switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
        return true;
    default:
        return false;
    }
}

static bool is_xid_start(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (c == 0x1885 || c == 0x1886 || c == 0x2118 || c == 0x212E) /* Other_ID_Start */
        return true;
    return id_start_category(utf8proc_category((utf8proc_int32_t)c)) && !xid_not_start(c);
}

static bool is_xid_continue(uint32_t c)
{
    if (c < 0x80)
        return IS(c, C_IDC) != 0;
    if (c == 0x1885 || c == 0x1886 || c == 0x2118 || c == 0x212E || c == 0x00B7 ||
        c == 0x0387 || (c >= 0x1369 && c <= 0x1371) || c == 0x19DA) /* Other_ID_* */
        return true;
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);
    if (id_start_category(cat) || cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
        cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_PC)
        return !xid_not_continue(c);
    return false;
}

/* Python's str.isprintable() for one code point. */
static bool is_printable(uint32_t c)
{
    if (c == ' ')
        return true;
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return false;
    default:
        return true;
    }
}

/* ---- the tokenizer state ---- */
typedef struct Lexer {
    const Source *src;
    const char *text, *end;
    const char *line_start;   /* first byte of the current physical line */
    int line;                 /* current line number */
    int colbase;              /* added to columns: col0 on a fragment's first line, else 0 */
    int mode;
    bool vnl;                 /* a virtual newline is still to be read at `end` */
    bool had_vnl;             /* the text does not end in a line end */
    /* the line before the current one, for positions at end of input */
    const char *prev_line_start, *prev_nl;
    int prev_colbase;
    TokenArray *out;
    int indent;               /* top of the indentation stacks */
    int indstack[MAXINDENT], altstack[MAXINDENT];
    int level;                /* bracket nesting */
    char parenstack[MAXLEVEL];
    int parenline[MAXLEVEL], parencol[MAXLEVEL];
} Lexer;

static inline int colof(const Lexer *L, const char *p)
{
    return (int)(p - L->line_start) + L->colbase;
}

/* Moves past the line end at p (or the virtual newline at `end`) and returns the next byte. */
static const char *next_line(Lexer *L, const char *p)
{
    if (p >= L->end) {
        L->vnl = false;       /* the virtual newline starts no new line (CPython's lineno) */
        return p;
    }
    L->prev_line_start = L->line_start;
    L->prev_nl = p;
    L->prev_colbase = L->colbase;
    p += (p[0] == '\r' && p + 1 < L->end && p[1] == '\n') ? 2 : 1;
    L->line++;
    L->line_start = p;
    L->colbase = 0;
    return p;
}

/* The position CPython's tokenizer stands at when it reaches the end of input. */
static void eof_pos(const Lexer *L, int *line, int *col)
{
    if (L->mode != LEX_FILE || L->had_vnl || !L->prev_nl) {
        *line = L->line;
        *col = colof(L, L->end) + (L->had_vnl && L->mode == LEX_FILE);
    } else {
        *line = L->line - 1;
        *col = (int)(L->prev_nl - L->prev_line_start) + L->prev_colbase + 1;
    }
}

static Token *push(Lexer *L, TokKind k, const char *s, int len, int line, int col, int eline,
                   int ecol)
{
    TokenArray *a = L->out;
    if (UNLIKELY(a->n == a->cap)) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->v = xrealloc(a->v, (size_t)a->cap * sizeof *a->v);
    }
    Token *t = &a->v[a->n++];
    t->kind = k;
    t->line = line;
    t->col = col;
    t->end_line = eline;
    t->end_col = ecol;
    t->start = s;
    t->len = len;
    t->ident = NULL;
    return t;
}

/* Records the error and ends the array with an ERRORTOKEN at its position.  Always returns
 * NULL so that scanners can `return error(...)`. */
static const char *verror(Lexer *L, int line, int col, const char *kind, const char *fmt,
                          va_list ap)
{
    diag_vset(&L->out->err, L->src, line, col, kind, fmt, ap);
    push(L, TK_ERRORTOKEN, L->line_start, 0, line, col < 0 ? 0 : col, line, col < 0 ? 0 : col);
    return NULL;
}

static const char *error_at(Lexer *L, int line, int col, const char *kind, const char *fmt, ...)
    PRINTF_LIKE(5, 6);
static const char *error_at(Lexer *L, int line, int col, const char *kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(L, line, col, kind, fmt, ap);
    va_end(ap);
    return NULL;
}

/* A SyntaxError where CPython's syntaxerror() puts it when its read pointer is at `cur`: on
 * the character before cur (SyntaxError.offset counts the characters up to cur). */
static const char *error_cur(Lexer *L, const char *cur, const char *fmt, ...) PRINTF_LIKE(3, 4);
static const char *error_cur(Lexer *L, const char *cur, const char *fmt, ...)
{
    const char *q = cur - 1;
    while (q > L->line_start && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    va_list ap;
    va_start(ap, fmt);
    verror(L, L->line, colof(L, q), "SyntaxError", fmt, ap);
    va_end(ap);
    /* CPython gives these errors an empty range: end_offset == offset */
    L->out->err.end_line = L->out->err.line;
    L->out->err.end_col = L->out->err.col;
    return NULL;
}

/* The length of the current line without its line end (CPython reports some indentation
 * errors at the end of the line). */
static int line_length(const Lexer *L)
{
    const char *q = L->line_start;
    while (q < L->end && *q != '\n' && *q != '\r')
        q++;
    return (int)(q - L->line_start) + L->colbase;
}

/* ---- numbers ---- */

static inline int at(const Lexer *L, const char *p)
{
    return p < L->end ? (unsigned char)*p : -1;
}

static inline bool isdig(int c) { return c >= '0' && c <= '9'; }

/* Digits with single underscores between them, from p (just after a digit).  Returns the end,
 * or NULL after an error (tok_decimal_tail). */
static const char *decimal_tail(Lexer *L, const char *p)
{
    for (;;) {
        while (p < L->end && IS(*p, C_DIG))
            p++;
        if (at(L, p) != '_')
            return p;
        p++;
        if (!isdig(at(L, p)))
            return error_cur(L, p, "invalid decimal literal");
    }
}

static bool follows(const Lexer *L, const char *p, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(L->end - p) >= n && memcmp(p, s, n) == 0;
}

/* verify_end_of_number: a number may not run into an identifier, except into the keywords
 * that can follow a number in valid code (CPython only warns there). */
static const char *end_of_number(Lexer *L, const char *p, const char *kind)
{
    int c = at(L, p);
    bool kw;
    switch (c) {
    case 'a': kw = follows(L, p + 1, "nd"); break;
    case 'e': kw = follows(L, p + 1, "lse"); break;
    case 'f': kw = follows(L, p + 1, "or"); break;
    case 'o': kw = follows(L, p + 1, "r"); break;
    case 'n': kw = follows(L, p + 1, "ot"); break;
    case 'i': {
        int c2 = at(L, p + 1);
        kw = c2 == 'f' || c2 == 'n' || c2 == 's';
        break;
    }
    default: kw = false;
    }
    /* CPython checks ASCII only: "1é" is a NUMBER then a NAME */
    if (!kw && c >= 0 && c < 0x80 && IS(c, C_IDC))
        return error_cur(L, p, "invalid %s literal", kind);
    return p;
}

/* 0x.. 0o.. 0b..: p is after the prefix letter. */
static const char *radix_number(Lexer *L, const char *p, int radix)
{
    const char *kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    unsigned mask = radix == 16 ? C_HEX : C_OCT;
    do {
        if (at(L, p) == '_')
            p++;
        int c = at(L, p);
        bool ok = c >= 0 && (radix == 2 ? (c == '0' || c == '1') : IS(c, mask) != 0);
        if (!ok) {
            if (radix != 16 && isdig(c))
                return error_cur(L, p + 1, "invalid digit '%c' in %s literal", c, kind);
            return error_cur(L, p, "invalid %s literal", kind);
        }
        do
            p++;
        while (p < L->end &&
               (radix == 2 ? (*p == '0' || *p == '1') : IS(*p, mask) != 0));
    } while (at(L, p) == '_');
    if (radix != 16 && isdig(at(L, p)))
        return error_cur(L, p + 1, "invalid digit '%c' in %s literal", *p, kind);
    return end_of_number(L, p, kind);
}

/* The fraction, exponent and imaginary suffix of a decimal number.  p is after the integer
 * part, or after the '.' when dot is set. */
static const char *number_rest(Lexer *L, const char *p, bool dot)
{
    if (!dot && at(L, p) == '.') {
        p++;
        dot = true;
    }
    if (dot && isdig(at(L, p))) {
        p = decimal_tail(L, p + 1);
        if (!p)
            return NULL;
    }
    int c = at(L, p);
    if (c == 'e' || c == 'E') {
        const char *e = p++;
        c = at(L, p);
        if (c == '+' || c == '-') {
            p++;
            if (!isdig(at(L, p)))
                return error_cur(L, p, "invalid decimal literal");
        } else if (!isdig(c)) {
            /* "1else": the number ends before the e (CPython warns) */
            if (*e == 'e' && follows(L, e + 1, "lse"))
                return e;
            return error_cur(L, e, "invalid decimal literal");
        }
        p = decimal_tail(L, p + 1);
        if (!p)
            return NULL;
        c = at(L, p);
    }
    if (c == 'j' || c == 'J')
        return end_of_number(L, p + 1, "imaginary");
    return end_of_number(L, p, "decimal");
}

/* A NUMBER starting with the digit at p.  Returns its end, or NULL after an error. */
static const char *scan_number(Lexer *L, const char *p)
{
    const char *start = p;
    if (*p != '0') {
        p = decimal_tail(L, p + 1);
        return p ? number_rest(L, p, false) : NULL;
    }
    p++;
    int c = at(L, p);
    if (c == 'x' || c == 'X')
        return radix_number(L, p + 1, 16);
    if (c == 'o' || c == 'O')
        return radix_number(L, p + 1, 8);
    if (c == 'b' || c == 'B')
        return radix_number(L, p + 1, 2);
    /* zeros, maybe an old-style octal (an error) or the integer part of a float */
    for (;;) {
        if (at(L, p) == '_') {
            p++;
            if (!isdig(at(L, p)))
                return error_cur(L, p, "invalid decimal literal");
        }
        if (at(L, p) != '0')
            break;
        p++;
    }
    const char *zeros_end = p + 1;   /* CPython's read pointer, just past the first non-zero */
    bool nonzero = false;
    if (isdig(at(L, p))) {
        nonzero = true;
        p = decimal_tail(L, p + 1);
        if (!p)
            return NULL;
    }
    c = at(L, p);
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J')
        return number_rest(L, p, false);
    if (nonzero) {
        error_at(L, L->line, colof(L, start), "SyntaxError",
                 "leading zeros in decimal integer literals are not permitted; "
                 "use an 0o prefix for octal integers");
        L->out->err.end_line = L->line;
        L->out->err.end_col = colof(L, zeros_end) - 1;
        return NULL;
    }
    return end_of_number(L, p, "decimal");
}

/* ---- strings ---- */

/* Is s[0..n) a valid string prefix (b r u f br rb fr rf, any case)? */
static bool string_prefix(const char *s, size_t n)
{
    int a = s[0] | 0x20, b = n > 1 ? s[1] | 0x20 : 0;
    if (n == 1)
        return a == 'b' || a == 'r' || a == 'u' || a == 'f';
    if (n == 2)
        return (a == 'r' && (b == 'b' || b == 'f')) || ((a == 'b' || a == 'f') && b == 'r');
    return false;
}

/* A STRING whose prefix starts at s and whose opening quote is at q.  Returns its end, or NULL
 * after an error.  Updates the line bookkeeping for strings that span lines. */
static const char *scan_string(Lexer *L, const char *s, const char *q)
{
    int line = L->line, col = colof(L, s);
    const char *end = L->end;
    char quote = *q++;
    int size = 1;
    if (q < end && *q == quote) {
        if (q + 1 < end && q[1] == quote) {
            size = 3;
            q += 2;
        } else {
            return q + 1;      /* the empty string */
        }
    }
    int run = 0;               /* closing quotes seen in a row */
    for (;;) {
        /* skip the bytes that cannot end or escape anything (they break a run of quotes) */
        const char *q0 = q;
        if (quote == '\'')
            while (q < end && !IS(*q, C_SQ))
                q++;
        else
            while (q < end && !dqclass[(unsigned char)*q])
                q++;
        if (q != q0)
            run = 0;
        if (q >= end) {
            /* the virtual newline ends a one-line string; end of input ends any string */
            int dl, dc;
            eof_pos(L, &dl, &dc);
            if (size == 1 && L->vnl)
                dl = L->line;
            error_at(L, line, col, "SyntaxError",
                     size == 3 ? "unterminated triple-quoted string literal (detected at line %d)"
                               : "unterminated string literal (detected at line %d)",
                     dl);
            L->out->err.end_line = line;
            L->out->err.end_col = col;
            return NULL;
        }
        char c = *q;
        if (c == quote) {
            q++;
            if (++run == size)
                return q;
            continue;
        }
        run = 0;
        if (c == '\\') {
            q++;
            if (q >= end) {
                if (L->vnl)    /* an escaped virtual newline: now at the true end */
                    L->vnl = false;
            } else if (*q == '\n' || *q == '\r') {
                q = next_line(L, q);
            } else {
                q++;
            }
            continue;
        }
        /* a line end */
        if (size == 1) {
            error_at(L, line, col, "SyntaxError",
                     "unterminated string literal (detected at line %d)", L->line);
            L->out->err.end_line = line;
            L->out->err.end_col = col;
            return NULL;
        }
        q = next_line(L, q);
    }
}

/* ---- identifiers ---- */

/* Checks a non-ASCII identifier s[0..n) and returns its interned NFKC spelling, or NULL after
 * an error (verify_identifier). */
static const char *unicode_name(Lexer *L, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    bool first = true;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(u + i, n - i, &cp);
        if (k == 0) {
            /* not UTF-8: only possible when lex() is given undecoded text */
            return error_cur(L, s + i + 1, "invalid character in identifier");
        }
        if (!(first ? is_xid_start(cp) : is_xid_continue(cp))) {
            if (is_printable(cp))
                return error_cur(L, s + i + k, "invalid character '%.*s' (U+%04X)", k, s + i,
                                 cp);
            return error_cur(L, s + i + k, "invalid non-printable character U+%04X", cp);
        }
        first = false;
        i += (size_t)k;
    }
    utf8proc_uint8_t *norm = NULL;
    utf8proc_ssize_t m = utf8proc_map(u, (utf8proc_ssize_t)n, &norm,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    if (m < 0)
        return intern(s, n);
    const char *r = intern((const char *)norm, (size_t)m);
    free(norm);
    return r;
}

/* A backslash at the end of the input.  CPython's tokenizer stops with E_EOF, which its
 * parser reports as an unclosed bracket when one is open. */
static const char *eof_after_backslash(Lexer *L, int line, int col)
{
    if (L->level > 0) {
        int i = L->level - 1;
        return error_at(L, L->parenline[i], L->parencol[i], "SyntaxError",
                        "'%c' was never closed", L->parenstack[i]);
    }
    return error_at(L, line, col, "SyntaxError", "unexpected EOF while parsing");
}

/* ---- indentation ---- */

/* Measures the indentation at the start of a line (p), CPython's atbol step: blanks, tabs to
 * multiples of TABSIZE, form feeds resetting the column, and backslash continuations (the
 * first one fixes the indentation).  Pushes INDENT/DEDENT tokens unless the line is blank or
 * inside brackets.  Returns the first byte after the indentation, or NULL after an error.
 * *blank tells whether the line holds only blanks and a comment. */
static const char *indentation(Lexer *L, const char *p, bool *blank)
{
    int col = 0, altcol = 0, cont_col = 0;
    const char *end = L->end;
    for (;;) {
        int c = at(L, p);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            cont_col = cont_col ? cont_col : col;
            const char *q = p + 1;
            if (q < end && *q != '\n' && *q != '\r')
                return error_at(L, L->line, colof(L, q), "SyntaxError",
                                "unexpected character after line continuation character");
            int bl = L->line, bc = colof(L, q);
            if (q >= end && !L->vnl)
                return eof_after_backslash(L, bl, bc);
            p = next_line(L, q);
            if (p >= end && !L->vnl)
                return eof_after_backslash(L, bl, bc);
            continue;
        } else {
            break;
        }
        p++;
    }
    int c = at(L, p);
    *blank = c == '#' || c == '\n' || c == '\r' || (c < 0 && L->vnl);
    if (*blank || L->level > 0)
        return p;
    if (cont_col)
        col = altcol = cont_col;
    int pos = c < 0 ? 0 : colof(L, p);
    int tl = L->line;
    if (c < 0)
        eof_pos(L, &tl, &pos);
    int *ind = L->indstack, *alt = L->altstack;
    if (col == ind[L->indent]) {
        if (altcol != alt[L->indent])
            goto tab_error;
    } else if (col > ind[L->indent]) {
        if (L->indent + 1 >= MAXINDENT)
            return error_at(L, L->line, 0, "IndentationError", "too many levels of indentation");
        if (altcol <= alt[L->indent])
            goto tab_error;
        L->indent++;
        ind[L->indent] = col;
        alt[L->indent] = altcol;
        push(L, TK_INDENT, p, 0, tl, pos, tl, pos);
    } else {
        while (L->indent > 0 && col < ind[L->indent]) {
            L->indent--;
            push(L, TK_DEDENT, p, 0, tl, pos, tl, pos);
        }
        if (col != ind[L->indent]) {
            /* drop the DEDENTs: the error token replaces them */
            while (L->out->n > 0 && L->out->v[L->out->n - 1].kind == TK_DEDENT)
                L->out->n--;
            return error_at(L, L->line, line_length(L), "IndentationError",
                            "unindent does not match any outer indentation level");
        }
        if (altcol != alt[L->indent])
            goto tab_error;
    }
    return p;
tab_error:
    while (L->out->n > 0 && (L->out->v[L->out->n - 1].kind == TK_DEDENT ||
                             L->out->v[L->out->n - 1].kind == TK_INDENT))
        L->out->n--;
    return error_at(L, L->line, 0, "TabError", "inconsistent use of tabs and spaces in indentation");
}

/* ---- the main loop ---- */

static void lex_run(Lexer *L)
{
    const char *p = L->text, *end = L->end;
    bool file = L->mode == LEX_FILE;
    bool atbol = file;
    bool blank = false;
    for (;;) {
        if (atbol) {
            atbol = false;
            p = indentation(L, p, &blank);
            if (!p)
                return;
        }
        /* skip blanks; then a comment up to its line end */
        while (p < end && IS(*p, C_WS))
            p++;
        if (p < end && *p == '#')
            while (p < end && *p != '\n' && *p != '\r')
                p++;
        if (p >= end && !L->vnl) {
            /* end of input */
            int el, ec;
            eof_pos(L, &el, &ec);
            if (L->level > 0) {
                int i = L->level - 1;
                error_at(L, L->parenline[i], L->parencol[i], "SyntaxError",
                         "'%c' was never closed", L->parenstack[i]);
                return;
            }
            if (file) {
                /* the text ended inside an indented block without a line end */
                while (L->indent > 0) {
                    L->indent--;
                    push(L, TK_DEDENT, end, 0, el, ec, el, ec);
                }
            }
            push(L, TK_ENDMARKER, end, 0, el, ec, el, ec);
            return;
        }
        int c = p < end ? (unsigned char)*p : '\n';
        const char *s = p;
        int line = L->line, col = colof(L, p);

        /* identifiers, keywords and prefixed strings (the most frequent tokens) */
        if (IS(c, C_IDS)) {
            unsigned char hi = 0;
            const char *q = p;
            while (q < end && IS(*q, C_IDC))
                hi |= (unsigned char)*q++;
            size_t n = (size_t)(q - p);
            if (q < end && (*q == '\'' || *q == '"') && n <= 2 && string_prefix(p, n)) {
                p = scan_string(L, s, q);
                if (!p)
                    return;
                push(L, TK_STRING, s, (int)(p - s), line, col, L->line, colof(L, p));
                continue;
            }
            const char *id;
            TokKind k = TK_NAME;
            if (LIKELY(hi < 0x80)) {
                k = keyword_kind(p, n);
                id = intern(p, n);
            } else {
                id = unicode_name(L, p, n);
                if (!id)
                    return;
            }
            Token *t = push(L, k, s, (int)n, line, col, line, col + (int)n);
            t->ident = id;
            p = q;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (blank || L->level > 0 || !file) {
                p = next_line(L, p);
                atbol = file;
                blank = false;
                continue;
            }
            push(L, TK_NEWLINE, p, 0, line, col, line, col);
            p = next_line(L, p);
            atbol = true;
            continue;
        }
        if (IS(c, C_DIG)) {
            p = scan_number(L, p);
            if (!p)
                return;
            push(L, TK_NUMBER, s, (int)(p - s), line, col, line, colof(L, p));
            continue;
        }
        if (c == '\'' || c == '"') {
            p = scan_string(L, s, s);
            if (!p)
                return;
            push(L, TK_STRING, s, (int)(p - s), line, col, L->line, colof(L, p));
            continue;
        }
        int c2 = at(L, p + 1);
        TokKind k;
        int n = 1;
        switch (c) {
        case '.':
            if (isdig(c2)) {
                p = number_rest(L, p + 1, true);
                if (!p)
                    return;
                push(L, TK_NUMBER, s, (int)(p - s), line, col, line, colof(L, p));
                continue;
            }
            if (c2 == '.' && at(L, p + 2) == '.')
                k = TK_ELLIPSIS, n = 3;
            else
                k = TK_DOT;
            break;
        case '(': case '[': case '{':
            if (L->level >= MAXLEVEL) {
                error_cur(L, p + 1, "too many nested parentheses");
                return;
            }
            L->parenstack[L->level] = (char)c;
            L->parenline[L->level] = line;
            L->parencol[L->level] = col;
            L->level++;
            k = c == '(' ? TK_LPAR : c == '[' ? TK_LSQB : TK_LBRACE;
            break;
        case ')': case ']': case '}': {
            if (L->level == 0) {
                error_cur(L, p + 1, "unmatched '%c'", c);
                return;
            }
            L->level--;
            int open = L->parenstack[L->level];
            if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
                  (open == '{' && c == '}'))) {
                if (L->parenline[L->level] != line)
                    error_cur(L, p + 1, "closing parenthesis '%c' does not match opening "
                              "parenthesis '%c' on line %d", c, open, L->parenline[L->level]);
                else
                    error_cur(L, p + 1, "closing parenthesis '%c' does not match opening "
                              "parenthesis '%c'", c, open);
                return;
            }
            k = c == ')' ? TK_RPAR : c == ']' ? TK_RSQB : TK_RBRACE;
            break;
        }
        case ':': k = c2 == '=' ? (n = 2, TK_COLONEQUAL) : TK_COLON; break;
        case ',': k = TK_COMMA; break;
        case ';': k = TK_SEMI; break;
        case '~': k = TK_TILDE; break;
        case '+': k = c2 == '=' ? (n = 2, TK_PLUSEQUAL) : TK_PLUS; break;
        case '-':
            k = c2 == '=' ? (n = 2, TK_MINEQUAL) : c2 == '>' ? (n = 2, TK_RARROW) : TK_MINUS;
            break;
        case '%': k = c2 == '=' ? (n = 2, TK_PERCENTEQUAL) : TK_PERCENT; break;
        case '^': k = c2 == '=' ? (n = 2, TK_CIRCUMFLEXEQUAL) : TK_CIRCUMFLEX; break;
        case '@': k = c2 == '=' ? (n = 2, TK_ATEQUAL) : TK_AT; break;
        case '|': k = c2 == '=' ? (n = 2, TK_VBAREQUAL) : TK_VBAR; break;
        case '&': k = c2 == '=' ? (n = 2, TK_AMPEREQUAL) : TK_AMPER; break;
        case '=': k = c2 == '=' ? (n = 2, TK_EQEQUAL) : TK_EQUAL; break;
        case '!': k = c2 == '=' ? (n = 2, TK_NOTEQUAL) : TK_EXCLAMATION; break;
        case '*':
            if (c2 == '*')
                k = at(L, p + 2) == '=' ? (n = 3, TK_DOUBLESTAREQUAL) : (n = 2, TK_DOUBLESTAR);
            else
                k = c2 == '=' ? (n = 2, TK_STAREQUAL) : TK_STAR;
            break;
        case '/':
            if (c2 == '/')
                k = at(L, p + 2) == '=' ? (n = 3, TK_DOUBLESLASHEQUAL) : (n = 2, TK_DOUBLESLASH);
            else
                k = c2 == '=' ? (n = 2, TK_SLASHEQUAL) : TK_SLASH;
            break;
        case '<':
            if (c2 == '<')
                k = at(L, p + 2) == '=' ? (n = 3, TK_LEFTSHIFTEQUAL) : (n = 2, TK_LEFTSHIFT);
            else if (c2 == '=')
                k = TK_LESSEQUAL, n = 2;
            else if (c2 == '>')
                k = TK_ERRORTOKEN, n = 2;   /* see bad_token below */
            else
                k = TK_LESS;
            break;
        case '>':
            if (c2 == '>')
                k = at(L, p + 2) == '=' ? (n = 3, TK_RIGHTSHIFTEQUAL) : (n = 2, TK_RIGHTSHIFT);
            else
                k = c2 == '=' ? (n = 2, TK_GREATEREQUAL) : TK_GREATER;
            break;
        case '\\': {
            /* explicit line joining: the next line continues this logical line */
            const char *q = p + 1;
            if (q < end && *q != '\n' && *q != '\r') {
                error_at(L, line, colof(L, q), "SyntaxError",
                         "unexpected character after line continuation character");
                return;
            }
            int bc = colof(L, q);
            if (q >= end && !L->vnl) {
                eof_after_backslash(L, line, bc);
                return;
            }
            p = next_line(L, q);
            if (p >= end && !L->vnl) {
                eof_after_backslash(L, line, bc);
                return;
            }
            continue;
        }
        case 0:
            error_at(L, line, col, "SyntaxError", "source code cannot contain null bytes");
            return;
        default:
            if (c < 0x20 || c == 0x7F) {
                error_cur(L, p + 1, "invalid non-printable character U+%04X", c);
                return;
            }
            k = TK_ERRORTOKEN;              /* see bad_token below */
            break;
        }
        /* bad_token: $ ? ` and "<>" are tokens for CPython's tokenizer (an OP that no grammar
         * rule accepts, and a NOTEQUAL that its parser refuses to spell "<>"), so it goes on
         * past them and a later tokenizer error can still win over the parser's "invalid
         * syntax".  They become ERRORTOKENs in the middle of the array, with no Diag. */
        push(L, k, s, n, line, col, line, col + n);
        p += n;
    }
}

void lex(const Source *src, const char *text, size_t len, int line0, int col0, int mode,
         TokenArray *out)
{
    pthread_once(&kw_once, kw_init);
    memset(out, 0, sizeof *out);
    /* about one token per five bytes of typical Python; grown by doubling */
    out->cap = (int)(len / 5) + 16;
    out->v = xmalloc((size_t)out->cap * sizeof *out->v);
    Lexer *L = xcalloc(1, sizeof *L);
    L->src = src;
    L->text = text;
    L->end = text + len;
    L->line_start = text;
    L->line = line0;
    L->colbase = col0;
    L->mode = mode;
    L->out = out;
    L->had_vnl = L->vnl = mode == LEX_FILE && len > 0 && text[len - 1] != '\n' &&
                          text[len - 1] != '\r';
    lex_run(L);
    free(L);
}

void tokens_free(TokenArray *t)
{
    free(t->v);
    diag_clear(&t->err);
    t->v = NULL;
    t->n = t->cap = 0;
}

/* One token per line; the text is quoted with \n, \r, \t, \\, \' and other control bytes
 * escaped, so that strings spanning lines stay on one line of output. */
void tokens_dump(FILE *out, const TokenArray *t)
{
    for (int i = 0; i < t->n; i++) {
        const Token *k = &t->v[i];
        fprintf(out, "%d:%d-%d:%d %s '", k->line, k->col, k->end_line, k->end_col,
                tok_names[k->kind]);
        for (int j = 0; j < k->len; j++) {
            unsigned char c = (unsigned char)k->start[j];
            switch (c) {
            case '\n': fputs("\\n", out); break;
            case '\r': fputs("\\r", out); break;
            case '\t': fputs("\\t", out); break;
            case '\\': fputs("\\\\", out); break;
            case '\'': fputs("\\'", out); break;
            default:
                if (c < 0x20 || c == 0x7F)
                    fprintf(out, "\\x%02x", c);
                else
                    fputc(c, out);
            }
        }
        fputs("'\n", out);
    }
}
