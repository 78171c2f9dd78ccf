/*
 * parse.c - reads the textual form of MIR (grammar: print.c) back into a MirProgram.
 *
 * Entry point: mir_parse(text, len, &errmsg) -> program, or NULL with "line N: message".
 *
 * Two passes over the lines, because the text refers forward: pass 1 creates every module and
 * every function (from the `func` header lines, in order, so p->funcs keeps its order and
 * `fn="symbol"` can name a function printed later); pass 2 reads each function's body, first
 * creating its blocks (a branch may name a later block), then its instructions, whose operands
 * are resolved once the whole function is read (a phi may use a value defined below it).
 * Value and block ids are kept as written; nvalues becomes the largest id + 1.
 * Errors unwind with longjmp; everything allocated so far belongs to the program (freed) or to
 * the parser's temporaries (freed in mir_parse).
 */
#include <errno.h>
#include <stdarg.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "mir_impl.h"

typedef enum { T_END, T_WORD, T_STR, T_VALUE, T_PUNCT, T_ARROW } TokKind;

typedef struct Tok {
    TokKind kind;
    const char *s;   /* T_WORD: start of the word; T_PUNCT: the character */
    size_t n;
    char *str;       /* T_STR: decoded bytes (scratch buffer) */
    long long value; /* T_VALUE: the id of %id */
} Tok;

typedef struct Line {
    const char *s, *end;   /* the text, without the newline */
    int lineno;
} Line;

typedef struct Pending {   /* an operand to resolve once the function is read */
    MirInst *inst;
    int k;
    long long id;
    int lineno;
} Pending;

typedef struct Parser {
    MirProgram *p;
    Line *lines;
    int nlines;
    int lineno;           /* for messages */
    const char *cur, *end;
    Tok tok;
    Buf strbuf;           /* T_STR contents */
    char *err;
    jmp_buf fail;
    /* per function */
    MirBlock **blockmap;  /* block id -> block */
    int nblockmap;
    Pending *pend;
    int npend, cappend;
    long long *argids;    /* operands of the instruction being read */
    MirBlock **phib;
    int capargs;
} Parser;

static noreturn void fail(Parser *ps, const char *fmt, ...) PRINTF_LIKE(2, 3);

static noreturn void fail(Parser *ps, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    buf_printf(&b, "line %d: ", ps->lineno);
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    ps->err = b.p;
    longjmp(ps->fail, 1);
}

/* ---- tokens ---- */

static int is_word_char(char c)
{
    return c && !strchr(" \t\r\",[]()=!#:%", c);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Reads the next token of the current line; `#` outside strings ends the line. */
static void next(Parser *ps)
{
    const char *c = ps->cur;
    while (c < ps->end && (*c == ' ' || *c == '\t' || *c == '\r'))
        c++;
    Tok *t = &ps->tok;
    t->s = c;
    t->n = 0;
    if (c >= ps->end || *c == '#') {
        t->kind = T_END;
        ps->cur = c;
        return;
    }
    if (*c == '"') {
        buf_clear(&ps->strbuf);
        c++;
        while (c < ps->end && *c != '"') {
            if (*c != '\\') {
                buf_putc(&ps->strbuf, *c++);
                continue;
            }
            c++;
            char e = c < ps->end ? *c++ : 0;
            switch (e) {
            case 'n': buf_putc(&ps->strbuf, '\n'); break;
            case 't': buf_putc(&ps->strbuf, '\t'); break;
            case 'r': buf_putc(&ps->strbuf, '\r'); break;
            case '"': buf_putc(&ps->strbuf, '"'); break;
            case '\\': buf_putc(&ps->strbuf, '\\'); break;
            case 'x': {
                int h = c + 1 < ps->end ? hexval(c[0]) : -1;
                int l = h >= 0 ? hexval(c[1]) : -1;
                if (l < 0)
                    fail(ps, "bad \\x escape (two hex digits expected)");
                buf_putc(&ps->strbuf, h * 16 + l);
                c += 2;
                break;
            }
            default:
                fail(ps, "unknown escape in string");
            }
        }
        if (c >= ps->end)
            fail(ps, "unterminated string");
        ps->cur = c + 1;
        t->kind = T_STR;
        if (!ps->strbuf.p)
            buf_grow(&ps->strbuf, 1), ps->strbuf.p[0] = 0;
        t->str = ps->strbuf.p;
        t->n = ps->strbuf.len;
        return;
    }
    if (*c == '-' && c + 1 < ps->end && c[1] == '>') {
        t->kind = T_ARROW;
        ps->cur = c + 2;
        return;
    }
    if (*c == '%') {
        c++;
        char *e;
        errno = 0;
        long long v = strtoll(c, &e, 10);
        if (e == c || errno || v < 0)
            fail(ps, "bad value reference");
        t->kind = T_VALUE;
        t->value = v;
        ps->cur = e;
        return;
    }
    if (strchr(",[]()=!:", *c)) {
        t->kind = T_PUNCT;
        t->n = 1;
        ps->cur = c + 1;
        return;
    }
    while (c < ps->end && is_word_char(*c))
        c++;
    t->kind = T_WORD;
    t->n = (size_t)(c - t->s);
    ps->cur = c;
}

static int is_punct(const Parser *ps, char ch)
{
    return ps->tok.kind == T_PUNCT && *ps->tok.s == ch;
}

static int is_word(const Parser *ps, const char *w)
{
    return ps->tok.kind == T_WORD && ps->tok.n == strlen(w) && !memcmp(ps->tok.s, w, ps->tok.n);
}

static void expect_punct(Parser *ps, char ch)
{
    if (!is_punct(ps, ch))
        fail(ps, "expected '%c'", ch);
    next(ps);
}

/* string -> interned copy (names, symbols: compared by pointer elsewhere) */
static const char *expect_str(Parser *ps)
{
    if (ps->tok.kind != T_STR)
        fail(ps, "expected a quoted string");
    const char *s = intern(ps->tok.str, ps->tok.n);
    next(ps);
    return s;
}

static long long word_int(Parser *ps)
{
    if (ps->tok.kind != T_WORD)
        fail(ps, "expected a number");
    char tmp[64];
    if (ps->tok.n >= sizeof tmp)
        fail(ps, "number too long");
    memcpy(tmp, ps->tok.s, ps->tok.n);
    tmp[ps->tok.n] = 0;
    char *e;
    errno = 0;
    long long v = strtoll(tmp, &e, 0);
    if (*e || errno || e == tmp)
        fail(ps, "bad integer '%s'", tmp);
    next(ps);
    return v;
}

static double word_float(Parser *ps)
{
    if (ps->tok.kind != T_WORD)
        fail(ps, "expected a number");
    char tmp[64];
    if (ps->tok.n >= sizeof tmp)
        fail(ps, "number too long");
    memcpy(tmp, ps->tok.s, ps->tok.n);
    tmp[ps->tok.n] = 0;
    char *e;
    double v = strtod(tmp, &e);
    if (*e || e == tmp)
        fail(ps, "bad float '%s'", tmp);
    next(ps);
    return v;
}

/* key=  (the key is the current word, followed by '=') */
static int is_key(Parser *ps, const char *key)
{
    if (!is_word(ps, key))
        return 0;
    const char *c = ps->cur;
    while (c < ps->end && (*c == ' ' || *c == '\t'))
        c++;
    if (c >= ps->end || *c != '=')
        return 0;
    next(ps);
    next(ps);
    return 1;
}

/* ["a", "b"] into the function arena */
static const char **name_list(Parser *ps, Arena *a, int *n)
{
    PtrVec v = {0};
    expect_punct(ps, '[');
    while (!is_punct(ps, ']')) {
        if (v.n)
            expect_punct(ps, ',');
        vec_push(&v, (void *)expect_str(ps));
    }
    next(ps);
    const char **r = v.n ? arena_alloc(a, (size_t)v.n * sizeof *r) : NULL;
    for (int i = 0; i < v.n; i++)
        r[i] = v.v[i];
    *n = v.n;
    vec_free(&v);
    return r;
}

static MirType type_word(Parser *ps)
{
    for (int t = 0; t <= MT_PTR; t++)
        if (is_word(ps, mir_type_names[t])) {
            next(ps);
            return (MirType)t;
        }
    fail(ps, "expected a type");
}

static void start_line(Parser *ps, const Line *l)
{
    ps->lineno = l->lineno;
    ps->cur = l->s;
    ps->end = l->end;
    next(ps);
}

static void expect_end(Parser *ps)
{
    if (ps->tok.kind != T_END)
        fail(ps, "unexpected '%.*s'", (int)(ps->tok.n ? ps->tok.n : 1), ps->tok.s);
}

static MirModule *find_module(Parser *ps, const char *name)
{
    for (int i = 0; i < ps->p->nmodules; i++)
        if (ps->p->modules[i]->name == name)
            return ps->p->modules[i];
    fail(ps, "unknown module \"%s\"", name);
}

static MirFunction *find_func(Parser *ps, const char *sym)
{
    for (int i = 0; i < ps->p->nfuncs; i++)
        if (!strcmp(ps->p->funcs[i]->symbol, sym))
            return ps->p->funcs[i];
    fail(ps, "unknown function \"%s\"", sym);
}

/* ---- pass 1: module and func lines ---- */

/* module "name" [file="f"] [package] [init="symbol"]; init is resolved after pass 1 */
static void parse_module(Parser *ps, const char **init)
{
    next(ps);
    const char *name = expect_str(ps);
    const char *file = NULL;
    int pkg = 0;
    *init = NULL;
    for (;;) {
        if (is_key(ps, "file"))
            file = expect_str(ps);
        else if (is_word(ps, "package"))
            pkg = 1, next(ps);
        else if (is_key(ps, "init"))
            *init = expect_str(ps);
        else
            break;
    }
    expect_end(ps);
    MirModule *m = mir_module_new(ps->p, name, file);
    m->is_package = pkg;
}

/* func "name" qualname= symbol= ... (print.c's header) */
static void parse_func(Parser *ps)
{
    next(ps);
    const char *name = expect_str(ps);
    MirFunction *f = mir_function_new(ps->p, NULL, name, name);
    f->file = NULL;
    for (;;) {
        if (is_key(ps, "qualname")) {
            f->qualname = expect_str(ps);
        } else if (is_key(ps, "symbol")) {
            f->symbol = expect_str(ps);
        } else if (is_key(ps, "module")) {
            f->module = find_module(ps, expect_str(ps));
        } else if (is_key(ps, "file")) {
            f->file = expect_str(ps);
        } else if (is_key(ps, "line")) {
            f->firstlineno = (int)word_int(ps);
        } else if (is_key(ps, "flags")) {
            f->flags = (unsigned)word_int(ps);
        } else if (is_key(ps, "params")) {
            f->paramnames = name_list(ps, f->arena, &f->nparams);
        } else if (is_key(ps, "posonly")) {
            f->nposonly = (int)word_int(ps);
        } else if (is_key(ps, "pos")) {
            f->npos = (int)word_int(ps);
        } else if (is_key(ps, "kwonly")) {
            f->nkwonly = (int)word_int(ps);
        } else if (is_key(ps, "freevars")) {
            f->freevars = name_list(ps, f->arena, &f->nfree);
        } else if (is_key(ps, "vars")) {
            expect_punct(ps, '[');
            while (!is_punct(ps, ']')) {
                if (f->nvars)
                    expect_punct(ps, ',');
                const char *vn = expect_str(ps);
                expect_punct(ps, ':');
                mir_var_new(f, vn, type_word(ps));
            }
            next(ps);
        } else if (is_word(ps, "ssa")) {
            f->is_ssa = 1;
            next(ps);
        } else if (is_key(ps, "clone_of")) {
            f->origin = find_func(ps, expect_str(ps));
        } else if (is_key(ps, "ptypes")) {
            expect_punct(ps, '[');
            f->ptypes = arena_alloc(f->arena, sizeof *f->ptypes * (size_t)(f->nparams + 1));
            for (int k = 0; !is_punct(ps, ']'); k++) {
                if (k)
                    expect_punct(ps, ',');
                MirType t = type_word(ps);
                if (k < f->nparams)
                    f->ptypes[k] = t;
            }
            next(ps);
        } else if (is_key(ps, "ret")) {
            f->rettype = type_word(ps);
        } else {
            break;
        }
    }
    expect_end(ps);
    for (int i = 0; i < ps->p->nfuncs - 1; i++)
        if (!strcmp(ps->p->funcs[i]->symbol, f->symbol))
            fail(ps, "function symbol \"%s\" defined twice", f->symbol);
}

/* ---- pass 2: bodies ---- */

static int block_id(Parser *ps)
{
    if (ps->tok.kind != T_WORD || ps->tok.n < 2 || ps->tok.s[0] != 'b')
        fail(ps, "expected a block name bN");
    char *e;
    long v = strtol(ps->tok.s + 1, &e, 10);
    if (e != ps->tok.s + ps->tok.n || v < 0 || v > 10000000)
        fail(ps, "bad block name");
    next(ps);
    return (int)v;
}

static MirBlock *block_ref(Parser *ps)
{
    if (is_word(ps, "none")) {
        next(ps);
        return NULL;
    }
    int id = block_id(ps);
    if (id >= ps->nblockmap || !ps->blockmap[id])
        fail(ps, "unknown block b%d", id);
    return ps->blockmap[id];
}

static int is_block_line(const Line *l)
{
    return l->s < l->end && l->s[0] == 'b';   /* instructions are indented */
}

/* bN: | bN (unwind):   [# label] */
static void parse_block_header(Parser *ps, MirFunction *f, const Line *l)
{
    start_line(ps, l);
    int id = block_id(ps);
    int unwind = 0;
    if (is_punct(ps, '(')) {
        next(ps);
        if (!is_word(ps, "unwind"))
            fail(ps, "expected (unwind)");
        next(ps);
        expect_punct(ps, ')');
        unwind = 1;
    }
    expect_punct(ps, ':');
    expect_end(ps);
    const char *label = NULL;
    if (ps->cur < ps->end && *ps->cur == '#') {
        const char *s = ps->cur + 1;
        if (s < ps->end && *s == ' ')
            s++;
        label = intern(s, (size_t)(ps->end - s));
    }
    if (id < ps->nblockmap && ps->blockmap[id])
        fail(ps, "block b%d defined twice", id);
    if (id >= ps->nblockmap) {
        int n = ps->nblockmap ? ps->nblockmap : 16;
        while (n <= id)
            n *= 2;
        ps->blockmap = xrealloc(ps->blockmap, (size_t)n * sizeof *ps->blockmap);
        memset(ps->blockmap + ps->nblockmap, 0, (size_t)(n - ps->nblockmap) * sizeof *ps->blockmap);
        ps->nblockmap = n;
    }
    MirBlock *b = mir_block_new(f, NULL);
    b->id = id;
    b->label = label;
    b->is_unwind = unwind;
    ps->blockmap[id] = b;
}

static MirOp op_word(Parser *ps)
{
    for (int o = 0; o < MIR__COUNT; o++)
        if (is_word(ps, mir_ops[o].text)) {
            next(ps);
            return (MirOp)o;
        }
    fail(ps, "unknown op '%.*s'", (int)ps->tok.n, ps->tok.s);
}

static void add_pending(Parser *ps, MirFunction *f, MirInst *i, int k, long long id)
{
    (void)f;
    if (ps->npend == ps->cappend) {
        ps->cappend = ps->cappend ? 2 * ps->cappend : 64;
        ps->pend = xrealloc(ps->pend, (size_t)ps->cappend * sizeof *ps->pend);
    }
    ps->pend[ps->npend++] = (Pending){i, k, id, ps->lineno};
}

/* "# line:col[-end_line:end_col] [synthetic]" after the instruction */
static void parse_loc(Parser *ps, Loc *loc)
{
    if (ps->cur >= ps->end || *ps->cur != '#')
        return;
    /* the line is not NUL-terminated: scan a bounded copy */
    char buf[128];
    size_t len = (size_t)(ps->end - ps->cur - 1);
    if (len >= sizeof buf)
        fail(ps, "location comment too long");
    memcpy(buf, ps->cur + 1, len);
    buf[len] = 0;
    const char *c = buf;
    int n = 0;
    char tail[16] = "";
    if (sscanf(c, " %d:%d%n", &loc->line, &loc->col, &n) < 2)
        fail(ps, "bad location comment");
    c += n;
    if (*c == '-') {
        if (sscanf(c, "-%d:%d%n", &loc->end_line, &loc->end_col, &n) < 2)
            fail(ps, "bad location end");
        c += n;
    }
    if (sscanf(c, " %15s", tail) == 1) {
        if (strcmp(tail, "synthetic"))
            fail(ps, "unexpected '%s' in location comment", tail);
        loc->synthetic = 1;
    }
}

/* [%id[:type] =] op operands... (print.c) */
static void parse_inst(Parser *ps, MirFunction *f, MirBlock *b, const Line *l, int *maxid)
{
    start_line(ps, l);
    long long id = -1;
    MirType type = MT_VOID;
    int typed = 0;
    if (ps->tok.kind == T_VALUE) {
        id = ps->tok.value;
        next(ps);
        if (is_punct(ps, ':')) {
            next(ps);
            type = type_word(ps);
            typed = 1;
        }
        expect_punct(ps, '=');
    }
    MirOp op = op_word(ps);
    /* operands into the parser's scratch arrays (reused line to line) */
    int n = 0;
    for (;;) {
        int phi = op == MIR_Phi && is_punct(ps, '[');
        if (!phi && ps->tok.kind != T_VALUE)
            break;
        if (n == ps->capargs) {
            ps->capargs = ps->capargs ? 2 * ps->capargs : 16;
            ps->argids = xrealloc(ps->argids, (size_t)ps->capargs * sizeof *ps->argids);
            ps->phib = xrealloc(ps->phib, (size_t)ps->capargs * sizeof *ps->phib);
        }
        if (phi) {
            next(ps);
            if (ps->tok.kind != T_VALUE)
                fail(ps, "expected %%id in a phi operand");
            ps->argids[n] = ps->tok.value;
            next(ps);
            expect_punct(ps, ',');
            ps->phib[n] = block_ref(ps);
            expect_punct(ps, ']');
        } else {
            ps->argids[n] = ps->tok.value;
            next(ps);
        }
        n++;
        if (!is_punct(ps, ','))
            break;
        next(ps);
    }
    MirInst *i = mir_inst_new(f, op, NULL, n, (Loc){0});
    for (int k = 0; k < n; k++) {
        add_pending(ps, f, i, k, ps->argids[k]);
        if (op == MIR_Phi)
            i->phi_blocks[k] = ps->phib[k];
    }
    i->id = (int)id;   /* ids come from the text; nvalues is set from the largest */
    if (id >= 0) {
        if (id > 100000000)
            fail(ps, "value id too large");
        if (id > *maxid)
            *maxid = (int)id;
        if (!typed)
            type = mir_default_type(op);
    }
    i->type = id >= 0 ? type : MT_VOID;
    if (id < 0 && (mir_ops[op].flags & MF_VALUE))
        fail(ps, "%s produces a value: write %%id = %s", mir_ops[op].text, mir_ops[op].text);
    /* immediates and successors, in print.c's order (any order accepted) */
    for (;;) {
        if (ps->tok.kind == T_WORD && !is_word(ps, "none") &&
            (ps->tok.s[0] == '-' || (ps->tok.s[0] >= '0' && ps->tok.s[0] <= '9') ||
             is_word(ps, "inf") || is_word(ps, "nan"))) {
            if (op == MIR_ConstFloat || op == MIR_ConstComplex) {
                /* a bare integer before the float would be imm; print.c never writes one */
                i->fimm = word_float(ps);
            } else {
                i->imm = word_int(ps);
            }
        } else if (is_key(ps, "imm2")) {
            i->imm2 = word_int(ps);
        } else if (is_key(ps, "fimm")) {
            i->fimm = word_float(ps);
        } else if (ps->tok.kind == T_STR) {
            size_t len = ps->tok.n;
            i->str = intern(ps->tok.str, len);
            i->len = len;
            next(ps);
        } else if (is_key(ps, "names")) {
            i->names = name_list(ps, f->arena, &i->nnames);
        } else if (is_key(ps, "fn")) {
            i->func = find_func(ps, expect_str(ps));
        } else if (is_key(ps, "mod")) {
            i->module = find_module(ps, expect_str(ps));
        } else if (ps->tok.kind == T_ARROW) {
            next(ps);
            i->target = block_ref(ps);
            if (is_punct(ps, ',')) {
                next(ps);
                i->target2 = block_ref(ps);
            }
        } else if (is_punct(ps, '!')) {
            next(ps);
            i->exc = block_ref(ps);
        } else {
            break;
        }
    }
    expect_end(ps);
    parse_loc(ps, &i->loc);
    mir_block_insert(f, b, b->ninsts, i);
}

/* Body lines [from, to) of function f. */
static void parse_body(Parser *ps, MirFunction *f, int from, int to)
{
    if (ps->nblockmap)
        memset(ps->blockmap, 0, (size_t)ps->nblockmap * sizeof *ps->blockmap);
    ps->npend = 0;
    for (int k = from; k < to; k++)
        if (is_block_line(&ps->lines[k]))
            parse_block_header(ps, f, &ps->lines[k]);
    MirBlock *b = NULL;
    int maxid = -1;
    for (int k = from; k < to; k++) {
        const Line *l = &ps->lines[k];
        if (is_block_line(l)) {
            ps->lineno = l->lineno;
            start_line(ps, l);
            b = ps->blockmap[block_id(ps)];
            continue;
        }
        ps->lineno = l->lineno;
        if (!b)
            fail(ps, "instruction before the first block");
        parse_inst(ps, f, b, l, &maxid);
    }
    f->nvalues = maxid + 1;
    /* values by id; a duplicate id is left for mir_verify to report, the first one wins */
    MirInst **byid = xcalloc((size_t)maxid + 2, sizeof *byid);
    for (int k = 0; k < f->nblocks; k++)
        for (int j = 0; j < f->blocks[k]->ninsts; j++) {
            MirInst *i = f->blocks[k]->insts[j];
            if (i->id >= 0 && !byid[i->id])
                byid[i->id] = i;
        }
    for (int k = 0; k < ps->npend; k++) {
        Pending *pd = &ps->pend[k];
        if (pd->id > maxid || !byid[pd->id]) {
            free(byid);
            ps->lineno = pd->lineno;
            fail(ps, "undefined value %%%lld", pd->id);
        }
        pd->inst->args[pd->k] = byid[pd->id];
    }
    free(byid);
    mir_compute_cfg(f);
}

static int is_prefix(const Line *l, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(l->end - l->s) > n && !memcmp(l->s, w, n) && l->s[n] == ' ';
}

MirProgram *mir_parse(const char *text, size_t len, char **errmsg)
{
    Parser ps = {0};
    ps.p = mir_program_new();
    /* split into lines; blank and comment-only lines are dropped */
    int cap = 0;
    const char *s = text, *end = text + len;
    for (int lineno = 1; s < end; lineno++) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        if (!e)
            e = end;
        const char *t = s;
        while (t < e && (*t == ' ' || *t == '\t' || *t == '\r'))
            t++;
        if (t < e && *t != '#') {
            if (ps.nlines == cap) {
                cap = cap ? 2 * cap : 256;
                ps.lines = xrealloc(ps.lines, (size_t)cap * sizeof *ps.lines);
            }
            const char *te = e;
            while (te > s && (te[-1] == '\r' || te[-1] == ' '))
                te--;
            ps.lines[ps.nlines++] = (Line){s, te, lineno};
        }
        s = e + 1;
    }
    const char **inits = xcalloc((size_t)ps.nlines + 1, sizeof *inits);
    int *funcline = xcalloc((size_t)ps.nlines + 1, sizeof *funcline);
    if (setjmp(ps.fail)) {
        mir_program_free(ps.p);
        free(ps.lines);
        free(ps.blockmap);
        free(ps.pend);
    free(ps.argids);
    free(ps.phib);
        free(inits);
        free(funcline);
        buf_free(&ps.strbuf);
        if (errmsg)
            *errmsg = ps.err;
        else
            free(ps.err);
        return NULL;
    }
    int nf = 0;
    for (int k = 0; k < ps.nlines; k++) {
        const Line *l = &ps.lines[k];
        if (is_prefix(l, "module")) {
            start_line(&ps, l);
            if (ps.p->nfuncs)
                fail(&ps, "module lines come before the functions");
            parse_module(&ps, &inits[ps.p->nmodules]);
        } else if (is_prefix(l, "func")) {
            start_line(&ps, l);
            parse_func(&ps);
            funcline[nf++] = k;
        } else if (!nf) {
            ps.lineno = l->lineno;
            fail(&ps, "expected 'module' or 'func'");
        }
    }
    for (int m = 0; m < ps.p->nmodules; m++)
        if (inits[m])
            ps.p->modules[m]->init = find_func(&ps, inits[m]);
    for (int k = 0; k < nf; k++)
        parse_body(&ps, ps.p->funcs[k], funcline[k] + 1, k + 1 < nf ? funcline[k + 1] : ps.nlines);
    free(ps.lines);
    free(ps.blockmap);
    free(ps.pend);
    free(ps.argids);
    free(ps.phib);
    free(inits);
    free(funcline);
    buf_free(&ps.strbuf);
    if (errmsg)
        *errmsg = NULL;
    return ps.p;
}
