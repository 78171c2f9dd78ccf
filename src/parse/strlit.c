/*
 * strlit.c - string literal atoms: STRING tokens -> Constant or JoinedStr (strlit.h).
 *
 * Entry point: strlit_atom().  It follows CPython 3.11's Parser/string_parser.c step by step,
 * because the observable results depend on its order of work and its quirks:
 *   1. each token is split into prefix flags and body (parse_piece);
 *   2. plain str/bytes bodies are decoded at once (escapes: strlit_unescape_*), bytes first
 *      checked to be ASCII; mixing bytes with str is checked after the token is decoded, so a
 *      decoding error in a token wins over the mix error;
 *   3. f-string bodies are scanned left to right: literal runs (find_literal) alternate with
 *      replacement fields (find_expr), whose expression text is found by bracket and quote
 *      tracking and handed to the parser; format specs are f-strings themselves, one level
 *      deep at most;
 *   4. adjacent literal text is merged into one pending string (FState.last) that becomes a
 *      Constant only when an expression follows or at the end; empty text never makes a node.
 *
 * Positions (CPython 3.11's): the Constant/JoinedStr spans the atom's first to last token, and
 * so do the FormattedValues and the Constants inside the JoinedStr; a format spec's JoinedStr,
 * and the Constant that ends it, span the token holding the spec.  The expressions get real
 * positions from fstring_expr_location().
 * Errors: CPython raises most of them at "the furthest token the parser has looked at", which
 * for a string atom is the token after it; "bytes can only contain ASCII literal characters"
 * points at the token itself.
 */
#include "strlit.h"

#include <stdarg.h>
#include <string.h>

#include "strlit_internal.h"

/* CPython's MAXLEVEL for brackets inside one replacement field */
#define FSTRING_MAXLEVEL 200

/* ---- escape decoding ---- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* CPython's decode_unicode_with_escapes first rewrites the body into ASCII: each non-ASCII
 * character becomes \UXXXXXXXX, and a backslash before a non-ASCII character (or at the very
 * end) becomes \u005c so that it stands for itself.  The positions in "(unicode error)"
 * messages are offsets into this rewritten text, so we rewrite exactly the same way. */
static void escape_rewrite(const char *s, size_t len, Buf *w)
{
    const char *end = s + len;
    while (s < end) {
        if (*s == '\\') {
            buf_putc(w, *s++);
            if (s >= end || (*s & 0x80)) {
                buf_puts(w, "u005c");
                if (s >= end)
                    break;
            }
        }
        if (*s & 0x80) {
            uint32_t cp;
            int n = utf8_decode((const unsigned char *)s, (size_t)(end - s), &cp);
            if (n == 0) {   /* the lexer only lets valid UTF-8 through; stay safe anyway */
                cp = 0xFFFD;
                n = 1;
            }
            buf_printf(w, "\\U%08x", (unsigned)cp);
            s += n;
        } else {
            buf_putc(w, *s++);
        }
    }
}

/* The message of a UnicodeDecodeError from the 'unicodeescape' codec, as str() gives it. */
static void unicode_error(Buf *err, const char *text, size_t len, size_t start, size_t end,
                          const char *reason)
{
    buf_clear(err);
    if (start < len && end == start + 1)
        buf_printf(err, "(unicode error) 'unicodeescape' codec can't decode byte 0x%02x in "
                   "position %zu: %s", (unsigned)(unsigned char)text[start], start, reason);
    else
        buf_printf(err, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                   "%zu-%zu: %s", start, end - 1, reason);
}

int strlit_unescape_str(const char *s, size_t len, Buf *out, Buf *err)
{
    Buf w = {0};
    escape_rewrite(s, len, &w);
    const char *b = w.p ? w.p : "";
    const char *p = b, *end = b + w.len;
    int rc = 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p++;
        if (c != '\\') {
            buf_putc(out, c);
            continue;
        }
        size_t start = (size_t)(p - 1 - b);
        const char *msg;
        uint32_t ch;
        int count;
        if (p >= end) {
            msg = "\\ at end of string";
            goto error;
        }
        c = (unsigned char)*p++;
        switch (c) {
        case '\n': continue;
        case '\\': case '\'': case '"': buf_putc(out, c); continue;
        case 'b': buf_putc(out, '\b'); continue;
        case 'f': buf_putc(out, '\f'); continue;
        case 't': buf_putc(out, '\t'); continue;
        case 'n': buf_putc(out, '\n'); continue;
        case 'r': buf_putc(out, '\r'); continue;
        case 'v': buf_putc(out, '\v'); continue;
        case 'a': buf_putc(out, '\a'); continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            /* up to three digits; values above 0o377 (up to 0o777) are kept as they are */
            ch = c - '0';
            if (p < end && *p >= '0' && *p <= '7') {
                ch = (ch << 3) + (uint32_t)(*p++ - '0');
                if (p < end && *p >= '0' && *p <= '7')
                    ch = (ch << 3) + (uint32_t)(*p++ - '0');
            }
            buf_put_utf8(out, ch);
            continue;
        case 'x': count = 2; msg = "truncated \\xXX escape"; goto hex;
        case 'u': count = 4; msg = "truncated \\uXXXX escape"; goto hex;
        case 'U': count = 8; msg = "truncated \\UXXXXXXXX escape";
        hex:
            for (ch = 0; count; ++p, --count) {
                int d;
                if (p >= end || (d = hexval((unsigned char)*p)) < 0)
                    goto error;
                ch = (ch << 4) + (uint32_t)d;
            }
            if (ch > 0x10FFFF) {
                msg = "illegal Unicode character";
                goto error;
            }
            buf_put_utf8(out, ch);
            continue;
        case 'N':
            msg = "malformed \\N character escape";
            if (p >= end)
                goto error;
            if (*p == '{') {
                const char *name = ++p;
                while (p < end && *p != '}')
                    p++;
                if (p >= end)
                    goto error;
                if (p > name) {
                    size_t n = (size_t)(p - name);
                    p++;
                    if (strlit_uniname_lookup(name, n, &ch)) {
                        buf_put_utf8(out, ch);
                        continue;
                    }
                    msg = "unknown Unicode character name";
                }
            }
            goto error;
        default:
            /* unknown escapes stay as written (CPython only warns) */
            buf_putc(out, '\\');
            buf_putc(out, c);
            continue;
        }
    error:
        unicode_error(err, b, w.len, start, (size_t)(p - b), msg);
        rc = -1;
        break;
    }
    buf_free(&w);
    return rc;
}

int strlit_unescape_bytes(const char *s, size_t len, Buf *out, Buf *err)
{
    const char *p = s, *end = s + len;
    while (p < end) {
        if (*p != '\\') {
            buf_putc(out, *p++);
            continue;
        }
        p++;
        if (p == end) {
            buf_clear(err);
            buf_puts(err, "(value error) Trailing \\ in string");
            return -1;
        }
        int c = (unsigned char)*p++;
        switch (c) {
        case '\n': break;
        case '\\': case '\'': case '"': buf_putc(out, c); break;
        case 'b': buf_putc(out, '\b'); break;
        case 'f': buf_putc(out, '\f'); break;
        case 't': buf_putc(out, '\t'); break;
        case 'n': buf_putc(out, '\n'); break;
        case 'r': buf_putc(out, '\r'); break;
        case 'v': buf_putc(out, '\v'); break;
        case 'a': buf_putc(out, '\a'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            c -= '0';
            if (p < end && *p >= '0' && *p <= '7') {
                c = (c << 3) + (*p++ - '0');
                if (p < end && *p >= '0' && *p <= '7')
                    c = (c << 3) + (*p++ - '0');
            }
            buf_putc(out, c & 0xFF);   /* \777 wraps to one byte, as CPython's char store */
            break;
        case 'x':
            if (p + 1 < end) {
                int d1 = hexval((unsigned char)p[0]), d2 = hexval((unsigned char)p[1]);
                if (d1 >= 0 && d2 >= 0) {
                    buf_putc(out, (d1 << 4) + d2);
                    p += 2;
                    break;
                }
            }
            buf_clear(err);
            buf_printf(err, "(value error) invalid \\x escape at position %zu",
                       (size_t)(p - 2 - s));
            return -1;
        default:
            buf_putc(out, '\\');
            p--;   /* the character after the backslash is read again as itself */
            break;
        }
    }
    return 0;
}

/* ---- \N{name} ---- */

/* The short names of the Hangul jamo (Unicode's Jamo.txt), as CPython's hangul_syllables
 * table: leading consonants, vowels, trailing consonants. */
static const char *const jamo_l[19] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T",
    "P", "H",
};
static const char *const jamo_v[21] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO",
    "WE", "WI", "YU", "EU", "YI", "I",
};
static const char *const jamo_t[28] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH",
    "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
};

/* CPython's find_syllable: the longest entry of tab that s starts with (greedy, so some
 * spellings that a smarter split would accept are rejected, as in CPython). */
static size_t find_syllable(const char *s, size_t n, const char *const *tab, int count,
                            int *pos)
{
    int best = -1;
    for (int i = 0; i < count; i++) {
        int l = (int)strlen(tab[i]);
        if (l <= best || (size_t)l > n || memcmp(s, tab[i], (size_t)l) != 0)
            continue;
        best = l;
        *pos = i;
    }
    return best < 0 ? 0 : (size_t)best;
}

static int hangul_lookup(const char *name, size_t n, uint32_t *cp)
{
    int l = -1, v = -1, t = -1;
    size_t k = 16;
    k += find_syllable(name + k, n - k, jamo_l, 19, &l);
    k += find_syllable(name + k, n - k, jamo_v, 21, &v);
    k += find_syllable(name + k, n - k, jamo_t, 28, &t);
    if (l < 0 || v < 0 || t < 0 || k != n)
        return 0;
    *cp = 0xAC00 + (uint32_t)((l * 21 + v) * 28 + t);
    return 1;
}

static int cjk_lookup(const char *name, size_t n, uint32_t *cp)
{
    uint32_t v = 0;
    if (n != 22 + 4 && n != 22 + 5)
        return 0;
    for (size_t k = 22; k < n; k++) {
        char c = name[k];
        if (c >= '0' && c <= '9')
            v = v * 16 + (uint32_t)(c - '0');
        else if (c >= 'A' && c <= 'F')   /* upper case only, as CPython */
            v = v * 16 + (uint32_t)(c - 'A' + 10);
        else
            return 0;
    }
    for (int i = 0; i < uninames_ncjk; i++) {
        if (v >= uninames_cjk[i][0] && v <= uninames_cjk[i][1]) {
            *cp = v;
            return 1;
        }
    }
    return 0;
}

/* the digit value of c in a varint alphabet, or -1 */
static int digit_in(const char *alphabet, char c)
{
    for (int i = 0; alphabet[i]; i++)
        if (alphabet[i] == c)
            return i;
    return -1;
}

/* One varint of the name table (see strlit_internal.h). */
static uint32_t table_varint(const char **pp)
{
    uint32_t v = 0, mul = 1;
    for (;;) {
        char c = *(*pp)++;
        int d = digit_in(UNINAMES_FINAL, c);
        if (d >= 0)
            return v + (uint32_t)d * mul;
        d = digit_in(UNINAMES_MORE, c);
        if (d < 0)
            die("corrupt Unicode name table");
        v += (uint32_t)d * mul;
        mul *= 27;
    }
}

static int is_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-';
}

/* Compares the query with the name at p (a block's first entry, stored whole). */
static int cmp_head(const char *q, size_t n, const char *p)
{
    (void)table_varint(&p);
    size_t m = 0;
    while (is_name_char(p[m]))
        m++;
    int c = memcmp(q, p, n < m ? n : m);
    if (c)
        return c;
    return n < m ? -1 : n > m;
}

int strlit_uniname_lookup(const char *name, size_t n, uint32_t *cp)
{
    /* the algorithmic names are matched case-sensitively, before the table */
    if (n >= 16 && memcmp(name, "HANGUL SYLLABLE ", 16) == 0)
        return hangul_lookup(name, n, cp);
    if (n >= 22 && memcmp(name, "CJK UNIFIED IDEOGRAPH-", 22) == 0)
        return cjk_lookup(name, n, cp);

    char q[128];   /* the longest name or alias is well under this */
    if (n == 0 || n >= sizeof q)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = name[k];
        q[k] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
        if (!is_name_char(q[k]))
            return 0;
    }

    /* the last block whose first name is <= q */
    int lo = 0, hi = uninames_nblocks - 1;
    if (cmp_head(q, n, uninames_data + uninames_blocks[0]) < 0)
        return 0;
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (cmp_head(q, n, uninames_data + uninames_blocks[mid]) >= 0)
            lo = mid;
        else
            hi = mid - 1;
    }

    /* decode the block's entries, each sharing a prefix with the one before */
    char cur[128];
    size_t curlen = 0;
    uint32_t code = 0;
    const char *p = uninames_data + uninames_blocks[lo];
    for (int e = 0; e < UNINAMES_BLOCK && *p; e++) {
        size_t keep = table_varint(&p);
        if (keep > curlen)
            die("corrupt Unicode name table");
        curlen = keep;
        while (is_name_char(*p) && curlen < sizeof cur)
            cur[curlen++] = *p++;
        if (is_name_char(*p))
            die("corrupt Unicode name table");
        uint32_t z = table_varint(&p);
        code += (z & 1) ? ~(z >> 1) : (z >> 1);   /* zigzag: 0 -1 1 -2 2 ... */
        if (curlen == n && memcmp(cur, q, n) == 0) {
            *cp = code;
            return 1;
        }
    }
    return 0;
}

/* ---- the atom ---- */

typedef struct Atom {
    const StrlitEnv *env;
    const Token *first, *last;   /* the atom's tokens */
    const Token *errtok;         /* where CPython's RAISE_SYNTAX_ERROR points */
} Atom;

/* CPython's FstringParser: pending literal text plus the finished parts. */
typedef struct FState {
    Buf last;        /* pending text (last_str); never holds an empty string as "some" */
    PtrVec values;   /* Constant and FormattedValue nodes, in order */
    int fmode;       /* some token was an f-string: the result is a JoinedStr */
} FState;

static void fs_free(FState *st)
{
    buf_free(&st->last);
    vec_free(&st->values);
}

static void err_last(Atom *a, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void err_last(Atom *a, const char *fmt, ...)
{
    Buf m = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&m, fmt, ap);
    va_end(ap);
    const Token *t = a->errtok;
    a->env->error(a->env->ctx, t->line, t->col, t->end_line, t->end_col, m.p);
    buf_free(&m);
}

static Loc span(const Token *a, const Token *b)
{
    Loc l = {a->line, a->col, b->end_line, b->end_col, 0};
    return l;
}

/* A str Constant spanning first..last.  CPython marks kind='u' by looking at the first byte of
 * `first` only, so 'U' prefixes get no kind, and the parts of a JoinedStr get it too. */
static Node *str_node(Atom *a, const char *s, size_t len, const Token *first,
                      const Token *last)
{
    Arena *ar = a->env->arena;
    Node *n = ast_new(ar, N_Constant, span(first, last));
    Const *c = ast_const(ar, CK_STR);
    c->s = arena_strndup(ar, s ? s : "", len);
    c->len = len;
    n->v.Constant.value = c;
    n->v.Constant.kind = first->start[0] == 'u' ? intern_cstr("u") : NULL;
    return n;
}

/* Turns the pending text, if any, into a Constant part. */
static void fs_flush(Atom *a, FState *st, const Token *first, const Token *last)
{
    if (st->last.len == 0)
        return;
    vec_push(&st->values, str_node(a, st->last.p, st->last.len, first, last));
    buf_clear(&st->last);
}

static Node *fs_finish(Atom *a, FState *st, const Token *first, const Token *last)
{
    if (!st->fmode)
        return str_node(a, st->last.p, st->last.len, first, last);
    fs_flush(a, st, first, last);
    Node *j = ast_new(a->env->arena, N_JoinedStr, span(first, last));
    j->v.JoinedStr.values = ast_list(a->env->arena, (Node **)st->values.v, st->values.n);
    return j;
}

/* Decodes a literal run and appends it to the pending text. */
static int add_literal(Atom *a, FState *st, const char *s, size_t n, int raw)
{
    if (raw) {
        buf_putn(&st->last, s, n);
        return 0;
    }
    Buf err = {0};
    int rc = strlit_unescape_str(s, n, &st->last, &err);
    if (rc < 0)
        err_last(a, "%s", err.p);
    buf_free(&err);
    return rc;
}

/* fstring_find_literal: the literal text up to an un-doubled '{' (or, in a format spec, a
 * '}'), skipping over \N{...}.  A doubled brace ends the run with one brace kept; 1 is then
 * returned to say "continue with another literal".  Returns 0, 1, or -1 on error. */
static int find_literal(Atom *a, FState *st, const char **str, const char *end, int raw,
                        int lvl)
{
    const char *s = *str, *lit = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                /* a \N without braces is reported when the run is decoded */
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            /* doubled braces only at the top level, so that f'{0:{3}}' closes twice */
            if (lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    err_last(a, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (s != lit && add_literal(a, st, lit, (size_t)(s - lit), raw) < 0)
        return -1;
    return result;
}

/* fstring_find_expr_location: where the field's expression text starts in the file.  CPython
 * shifts the first line of the sub-parse by the columns before the '{' (counted from the
 * token's start when the field is on the token's first line, else from the line start), and
 * by nothing when only whitespace follows the '{' on its line.  The +1 is for the '(' that
 * CPython puts before the text. */
static void expr_location(const Token *t, const char *lbrace, int *line, int *col)
{
    int lines = 0, cols = 0, newline_after_brace = 1;
    for (const char *s = lbrace + 1; *s != '}' && *s != '\n'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = 0;
            break;
        }
    }
    if (!newline_after_brace) {
        const char *s = lbrace;
        while (s > t->start && *s != '\n')
            s--;
        cols = (int)(lbrace - s);
        if (*s == '\n')
            cols--;
    }
    for (const char *s = t->start; s < lbrace; s++)
        lines += *s == '\n';
    *line = t->line + lines;
    *col = (lines ? cols : t->col + cols) + 1;
}

/* fstring_compile_expr: the expression between '{' and its end character. */
static Node *compile_expr(Atom *a, const char *start, const char *end, const Token *t)
{
    const char *s = start;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
        s++;
    if (s == end) {
        if (*end == '!' || *end == ':' || *end == '=')
            err_last(a, "f-string: expression required before '%c'", *end);
        else
            err_last(a, "f-string: empty expression not allowed");
        return NULL;
    }
    int line, col;
    expr_location(t, start - 1, &line, &col);
    return a->env->expr(a->env->ctx, start, (size_t)(end - start), line, col);
}

static Node *parse_spec(Atom *a, const char **str, const char *end, int raw, int lvl,
                        const Token *t);

static int is_py_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* fstring_find_expr: one replacement field, *str at its '{'.  The `=` text, if any, goes to
 * *text; the FormattedValue to *out. */
static int find_expr(Atom *a, const char **str, const char *end, int raw, int lvl,
                     const Token *t, Buf *text, Node **out)
{
    char quote = 0;        /* inside a string in the expression: its quote character */
    int string_type = 0;   /* 1 or 3 quotes */
    int depth = 0;
    char stack[FSTRING_MAXLEVEL];
    int conversion = -1;
    Node *spec = NULL;

    if (lvl >= 2) {
        err_last(a, "f-string: expressions nested too deeply");
        return -1;
    }
    const char *s = *str + 1;
    const char *expr_start = s;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') {
            err_last(a, "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote) {
            /* only the non-error cases of the tokenizer's string scan matter here: errors are
             * found when the expression is parsed */
            if (ch == quote) {
                if (string_type == 3) {
                    if (s + 2 < end && s[1] == ch && s[2] == ch) {
                        s += 2;
                        string_type = 0;
                        quote = 0;
                    }
                } else {
                    string_type = 0;
                    quote = 0;
                }
            }
        } else if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
                string_type = 3;
                s += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= FSTRING_MAXLEVEL) {
                err_last(a, "f-string: too many nested parenthesis");
                return -1;
            }
            stack[depth++] = ch;
        } else if (ch == '#') {
            err_last(a, "f-string expression part cannot include '#'");
            return -1;
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' ||
                                  ch == '>' || ch == '<')) {
            /* != == <= >= are operators, not the end of the expression */
            if (s + 1 < end && s[1] == '=' && ch != ':' && ch != '}') {
                s++;
                continue;
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                err_last(a, "f-string: unmatched '%c'", ch);
                return -1;
            }
            char open = stack[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                err_last(a, "f-string: closing parenthesis '%c' does not match opening "
                         "parenthesis '%c'", ch, open);
                return -1;
            }
        }
    }
    const char *expr_end = s;
    if (quote) {
        err_last(a, "f-string: unterminated string");
        return -1;
    }
    if (depth) {
        err_last(a, "f-string: unmatched '%c'", stack[depth - 1]);
        return -1;
    }
    if (s >= end)
        goto unexpected_end;

    /* the expression first, so its errors come before those of the conversion or spec */
    Node *value = compile_expr(a, expr_start, expr_end, t);
    if (!value)
        return -1;

    int self_doc = 0;
    if (*s == '=') {
        s++;
        /* the closing quote stops this scan before the token's end */
        while (is_py_space(*s))
            s++;
        if (s >= end)
            goto unexpected_end;
        buf_putn(text, expr_start, (size_t)(s - expr_start));
        self_doc = 1;
    }
    if (*s == '!') {
        s++;
        if (s >= end)
            goto unexpected_end;
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            err_last(a, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    if (s < end && *s == ':') {
        s++;
        if (s >= end)
            goto unexpected_end;
        spec = parse_spec(a, &s, end, raw, lvl + 1, t);
        if (!spec)
            return -1;
    }
    if (s >= end || *s != '}') {
        err_last(a, "f-string: expecting '}'");
        return -1;
    }
    s++;
    *str = s;
    if (self_doc && !spec && conversion == -1)
        conversion = 'r';

    Node *fv = ast_new(a->env->arena, N_FormattedValue, span(a->first, a->last));
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    *out = fv;
    return 0;

unexpected_end:
    err_last(a, "f-string: expecting '}'");
    return -1;
}

/* _PyPegen_FstringParser_ConcatFstring: literal runs and fields of one f-string body (or of a
 * format spec, lvl > 0, which ends at its '}'). */
static int concat_fstring(Atom *a, FState *st, const char **str, const char *end, int raw,
                          int lvl, const Token *t)
{
    st->fmode = 1;
    for (;;) {
        int r = find_literal(a, st, str, end, raw, lvl);
        if (r < 0)
            return -1;
        if (r == 1)
            continue;
        if (*str >= end || **str == '}')
            break;
        Buf text = {0};
        Node *fv = NULL;
        if (find_expr(a, str, end, raw, lvl, t, &text, &fv) < 0) {
            buf_free(&text);
            return -1;
        }
        buf_putn(&st->last, text.p ? text.p : "", text.len);
        buf_free(&text);
        fs_flush(a, st, a->first, a->last);
        vec_push(&st->values, fv);
    }
    if (lvl == 0 && *str < end - 1) {
        err_last(a, "f-string: unexpected end of string");
        return -1;
    }
    if (lvl != 0 && **str != '}') {
        err_last(a, "f-string: expecting '}'");
        return -1;
    }
    return 0;
}

/* fstring_parse: a format spec, always a JoinedStr, finished with the spec's token as both
 * ends (CPython passes t, t). */
static Node *parse_spec(Atom *a, const char **str, const char *end, int raw, int lvl,
                        const Token *t)
{
    FState st = {0};
    Node *n = NULL;
    if (concat_fstring(a, &st, str, end, raw, lvl, t) == 0)
        n = fs_finish(a, &st, t, t);
    fs_free(&st);
    return n;
}

/* One token's prefix flags and body (between the quotes). */
typedef struct Piece {
    int bytes, raw, fmode;
    const char *body;
    size_t len;
} Piece;

static void parse_piece(const Token *t, Piece *pc)
{
    const char *s = t->start, *end = t->start + t->len;
    memset(pc, 0, sizeof *pc);
    for (;; s++) {
        char c = *s;
        if (c == 'b' || c == 'B')
            pc->bytes = 1;
        else if (c == 'r' || c == 'R')
            pc->raw = 1;
        else if (c == 'f' || c == 'F')
            pc->fmode = 1;
        else if (c != 'u' && c != 'U')
            break;
    }
    size_t n = (size_t)(end - s);
    if (n >= 6 && s[1] == s[0] && s[2] == s[0]) {
        pc->body = s + 3;
        pc->len = n - 6;
    } else {
        pc->body = s + 1;
        pc->len = n >= 2 ? n - 2 : 0;
    }
}

/* CPython's tokenizer reads source with \r\n and lone \r turned into \n, so string values
 * (and f-string field texts, and the `=` text) never see a \r that the source had as a line
 * end.  A token holding a \r is worked on from a translated copy in the arena (the arena,
 * since the f-string sub-parse may keep pointers into it). */
static const Token *translate_newlines(Arena *ar, const Token *t, Token *copy)
{
    if (!memchr(t->start, '\r', (size_t)t->len))
        return t;
    char *s = arena_alloc(ar, (size_t)t->len + 1);
    int n = 0;
    for (int k = 0; k < t->len; k++) {
        if (t->start[k] == '\r') {
            s[n++] = '\n';
            if (k + 1 < t->len && t->start[k + 1] == '\n')
                k++;
        } else {
            s[n++] = t->start[k];
        }
    }
    s[n] = 0;
    *copy = *t;
    copy->start = s;
    copy->len = n;
    return copy;
}

Node *strlit_atom_env(const StrlitEnv *env, const Token *toks, int ntoks)
{
    Atom a = {env, &toks[0], &toks[ntoks - 1], &toks[ntoks]};
    FState st = {0};
    Buf bytes = {0}, piece = {0}, err = {0};
    int bytesmode = 0;
    Node *result = NULL;

    for (int i = 0; i < ntoks; i++) {
        Token copy;
        const Token *t = translate_newlines(env->arena, &toks[i], &copy);
        Piece pc;
        parse_piece(t, &pc);
        buf_clear(&piece);
        if (!pc.fmode) {
            int raw = pc.raw || !memchr(pc.body, '\\', pc.len);
            int rc = 0;
            if (pc.bytes) {
                for (size_t k = 0; k < pc.len; k++) {
                    if ((unsigned char)pc.body[k] >= 0x80) {
                        env->error(env->ctx, t->line, t->col, t->end_line, t->end_col,
                                   "bytes can only contain ASCII literal characters");
                        goto out;
                    }
                }
                if (raw)
                    buf_putn(&piece, pc.body, pc.len);
                else
                    rc = strlit_unescape_bytes(pc.body, pc.len, &piece, &err);
            } else {
                if (raw)
                    buf_putn(&piece, pc.body, pc.len);
                else
                    rc = strlit_unescape_str(pc.body, pc.len, &piece, &err);
            }
            if (rc < 0) {
                err_last(&a, "%s", err.p);
                goto out;
            }
        }
        if (i != 0 && bytesmode != pc.bytes) {
            err_last(&a, "cannot mix bytes and nonbytes literals");
            goto out;
        }
        bytesmode = pc.bytes;
        if (pc.fmode) {
            const char *s = pc.body;
            if (concat_fstring(&a, &st, &s, pc.body + pc.len, pc.raw, 0, t) < 0)
                goto out;
        } else if (bytesmode) {
            buf_putn(&bytes, piece.p ? piece.p : "", piece.len);
        } else {
            buf_putn(&st.last, piece.p ? piece.p : "", piece.len);
        }
    }

    if (bytesmode) {
        result = ast_new(env->arena, N_Constant, span(a.first, a.last));
        Const *c = ast_const(env->arena, CK_BYTES);
        c->s = arena_strndup(env->arena, bytes.p ? bytes.p : "", bytes.len);
        c->len = bytes.len;
        result->v.Constant.value = c;
    } else {
        result = fs_finish(&a, &st, a.first, a.last);
    }
out:
    fs_free(&st);
    buf_free(&bytes);
    buf_free(&piece);
    buf_free(&err);
    return result;
}

/* ---- the parser's entry points ---- */

static void parser_sink(void *ctx, int line, int col, int end_line, int end_col,
                        const char *msg)
{
    parser_error(ctx, line, col, end_line, end_col, "%s", msg);
}

static Node *parser_expr(void *ctx, const char *text, size_t len, int line, int col)
{
    return parser_fstring_expr(ctx, text, len, line, col);
}

Node *strlit_atom(Parser *p, const Token *toks, int ntoks)
{
    StrlitEnv env = {parser_arena(p), p, parser_sink, parser_expr};
    return strlit_atom_env(&env, toks, ntoks);
}

Const *strlit_number(Parser *p, const Token *t)
{
    StrlitEnv env = {parser_arena(p), p, parser_sink, parser_expr};
    return strlit_number_env(&env, t);
}
