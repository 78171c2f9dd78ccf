/*
 * traceback.c - traceback entries and printing an exception as CPython 3.11 does.
 *
 * Entry points: rt_traceback_add, rt_traceback_add_at, rt_print_exception (rt.h),
 * rt_print_exception_to (core.h), and the rt_traceback_type object.
 *
 * An exception's traceback is a chain of TracebackObjects, outermost first: each frame the
 * exception leaves pushes its entry on the front.  Printing reproduces CPython's
 * print_exception_recursive: the __cause__/__context__ chain first (each exception once, cut
 * at cycles), then "Traceback (most recent call last):", the entries with their source lines
 * and 3.11's position markers, "[Previous line repeated N more times]" after three identical
 * entries, and "Type: message" plus any __notes__.  Exception groups are drawn as CPython
 * draws them: every line of a group's members carries a margin ("  | ", deeper per level),
 * members are separated by "+---------------- N ----------------" lines, at most 15 members
 * and 10 levels are shown.
 */
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "class_internal.h"

Type rt_traceback_type = {
    .ob = {&rt_type_type}, .name = "traceback", .base = &rt_object_type,
    .basicsize = sizeof(TracebackObject),
};

/* e.__traceback__.tb_next / tb_lineno / tb_lasti (no frame objects: frames are native) */
static Value tb_next(Value v)
{
    Value n = ((TracebackObject *)rt_obj(v))->next;
    return n ? n : rt_None;
}
static Value tb_lineno(Value v) { return rt_int_from_i64(((TracebackObject *)rt_obj(v))->line); }
static Value tb_lasti(Value v) { return rt_small(-1); }

const MethodDef rt_traceback_methods[] = {
    {"tb_next", (void (*)(void))tb_next, MD_GETTER, 0, 0, NULL},
    {"tb_lineno", (void (*)(void))tb_lineno, MD_GETTER, 0, 0, NULL},
    {"tb_lasti", (void (*)(void))tb_lasti, MD_GETTER, 0, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL},
};

static void traceback_push(const FrameInfo *fi, int line, const TracebackPos *pos)
{
    Value exc = rt_exc_pending();
    if (!exc)
        return;
    /* allocating the entry must not replace the exception being propagated */
    TracebackObject *tb =
        (TracebackObject *)rt_new_object(&rt_traceback_type, sizeof(TracebackObject));
    rt_exc_restore(exc);
    if (!tb)
        return;
    ExcObject *e = (ExcObject *)rt_obj(exc);
    tb->frame = fi;
    tb->line = line;
    tb->pos = pos;
    tb->next = e->traceback;
    e->traceback = rt_val(tb);
}

void rt_traceback_add(const FrameInfo *fi, int line) { traceback_push(fi, line, NULL); }

void rt_traceback_add_at(const FrameInfo *fi, const TracebackPos *pos)
{
    traceback_push(fi, pos->line, pos);
}

/* ================================================================ printing ============ */

#define MAX_SEEN 256          /* exceptions remembered to cut chains (CPython uses a set) */
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

typedef struct Printer {
    FILE *out;
    int depth;                /* exception group nesting: 0 outside any group */
    int need_close;           /* a group's closing line is still owed */
    Value seen[MAX_SEEN];
    int nseen;
} Printer;

/* every line inside a group starts with its margin: two spaces per level, then "| " */
static void margin(Printer *p)
{
    if (p->depth > 0)
        fprintf(p->out, "%*s| ", 2 * p->depth, "");
}

/* line `n` (1-based) of src, without its newline; NULL when out of range */
static const char *source_line(const char *src, int n, size_t *len)
{
    if (!src || n < 1)
        return NULL;
    const char *s = src;
    for (int i = 1; i < n; i++) {
        s = strchr(s, '\n');
        if (!s)
            return NULL;
        s++;
    }
    if (!*s)
        return NULL;
    const char *e = strchr(s, '\n');
    *len = e ? (size_t)(e - s) : strlen(s);
    if (*len && s[*len - 1] == '\r')
        (*len)--;
    return s;
}

/* number of code points in s[0..n) (columns are bytes; markers are per character) */
static int utf8_width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w++;
    return w;
}

static void print_entry(Printer *p, const TracebackObject *tb)
{
    FILE *out = p->out;
    margin(p);
    fprintf(out, "  File \"%s\", line %d, in %s\n", tb->frame->file, tb->line,
            tb->frame->function);
    size_t len;
    const char *l = source_line(tb->frame->source, tb->line, &len);
    if (!l)
        return;
    /* CPython strips the line and indents it by four spaces */
    size_t lead = 0;
    while (lead < len && (l[lead] == ' ' || l[lead] == '\t' || l[lead] == '\f'))
        lead++;
    size_t end = len;
    while (end > lead && (l[end - 1] == ' ' || l[end - 1] == '\t' || l[end - 1] == '\f'))
        end--;
    if (end == lead)
        return;
    margin(p);
    fprintf(out, "    %.*s\n", (int)(end - lead), l + lead);
    /* 3.11 marks the failing expression (see TracebackPos in rt.h) */
    const TracebackPos *pos = tb->pos;
    if (!pos || pos->col < 0 || pos->end_col < 0 || pos->end_line < pos->line)
        return;
    size_t c0 = (size_t)pos->col, c1 = (size_t)pos->end_col;
    int anchored = pos->anchor >= 0 && pos->anchor_end > pos->anchor;
    if (pos->end_line != pos->line) {   /* several lines: up to the end of the first one */
        c1 = end;
        anchored = 0;
    }
    if (c0 < lead)
        c0 = lead;
    if (c1 > end)
        c1 = end;
    if (c1 <= c0 || (c0 == lead && c1 == end && !anchored))
        return;
    margin(p);
    fprintf(out, "    %*s", utf8_width(l + lead, c0 - lead), "");
    for (size_t i = c0; i < c1; i++) {
        if (((unsigned char)l[i] & 0xC0) == 0x80)
            continue;   /* one mark per character */
        int in_anchor = anchored && i >= (size_t)pos->anchor && i < (size_t)pos->anchor_end;
        fputc(!anchored || in_anchor ? '^' : '~', out);
    }
    fputc('\n', out);
}

static int same_entry(const TracebackObject *a, const TracebackObject *b)
{
    return a->line == b->line && a->frame && b->frame &&
           strcmp(a->frame->file, b->frame->file) == 0 &&
           strcmp(a->frame->function, b->frame->function) == 0;
}

/* CPython writes this line without the group margin (a quirk reproduced on purpose) */
static void print_repeated(Printer *p, int repeat)
{
    if (repeat > 3) {
        fprintf(p->out, "  [Previous line repeated %d more time%s]\n", repeat - 3,
                repeat - 3 > 1 ? "s" : "");
    }
}

/* CPython prints at most 3 identical consecutive entries, then a count of the rest */
static void print_traceback(Printer *p, Value tbv, int group)
{
    if (group && p->depth == 1)   /* the outermost group's header opens its box */
        fprintf(p->out, "%*s+ ", 2 * p->depth, "");
    else
        margin(p);
    fprintf(p->out, group ? "Exception Group Traceback (most recent call last):\n"
                          : "Traceback (most recent call last):\n");
    const TracebackObject *last = NULL;
    int repeat = 0;
    for (; tbv; tbv = ((TracebackObject *)rt_obj(tbv))->next) {
        const TracebackObject *tb = (TracebackObject *)rt_obj(tbv);
        if (last && same_entry(last, tb)) {
            repeat++;
        } else {
            print_repeated(p, repeat);
            repeat = 1;
        }
        last = tb;
        if (repeat <= 3)
            print_entry(p, tb);
    }
    print_repeated(p, repeat);
}

/* the length of the line break at s (str.splitlines' boundaries), 0 if none */
static size_t line_break(const unsigned char *s, const unsigned char *e)
{
    if (*s == '\r')
        return s + 1 < e && s[1] == '\n' ? 2 : 1;
    if (*s == '\n' || *s == 0x0b || *s == 0x0c || (*s >= 0x1c && *s <= 0x1e))
        return 1;
    if (*s == 0xC2 && s + 1 < e && s[1] == 0x85)
        return 2;
    if (*s == 0xE2 && s + 2 < e && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
        return 3;
    return 0;
}

/* A note is written as CPython's print_exception_notes does: each of its lines (splitlines,
 * ends kept) after a margin, then always a newline (so an empty note is a bare newline). */
static void print_note(Printer *p, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text, *e = s + n;
    while (s < e) {
        const unsigned char *q = s;
        size_t br = 0;
        while (q < e && !(br = line_break(q, e)))
            q++;
        q += br;
        margin(p);
        fwrite(s, 1, (size_t)(q - s), p->out);
        s = q;
    }
    fputc('\n', p->out);
}

/* "ValueError: msg", "mod.MyError: msg", "A.E: msg" (the qualified name), or just the name
 * when str(e) is empty; then the notes */
static void print_exc_line(Printer *p, Value exc)
{
    FILE *out = p->out;
    Type *t = rt_typeof(exc);
    margin(p);
    if (t->module) {
        const char *m = rt_str_bytes(t->module);
        size_t n = rt_str_nbytes(t->module);
        if (!(n == 8 && !memcmp(m, "builtins", 8)) && !(n == 8 && !memcmp(m, "__main__", 8)))
            fprintf(out, "%.*s.", (int)n, m);
    }
    if (t->qualname)   /* CPython prints __qualname__: "A.E: x" for a nested class */
        fwrite(rt_str_bytes(t->qualname), 1, rt_str_nbytes(t->qualname), out);
    else
        fputs(t->name, out);
    Value saved = rt_exc_fetch();
    Value s = rt_core_str(exc);
    if (!s) {
        rt_exc_fetch();
        fputs(": <exception str() failed>", out);
    } else if (rt_str_nbytes(s)) {
        /* the message is written as is: its later lines get no margin (CPython's quirk) */
        fputs(": ", out);
        fwrite(rt_str_bytes(s), 1, rt_str_nbytes(s), out);
    }
    fputc('\n', out);
    ExcObject *e = (ExcObject *)rt_obj(exc);
    if (e->notes && !rt_is_small(e->notes) &&
        (rt_obj(e->notes)->type->flags & RT_TPFLAG_LIST_SUBCLASS)) {
        ListObject *l = (ListObject *)rt_obj(e->notes);
        for (int64_t i = 0; i < l->size; i++) {
            Value n = rt_core_str(l->items[i]);
            if (!n) {
                rt_exc_fetch();
                margin(p);
                fputs("<note str() failed>\n", out);
            } else {
                print_note(p, rt_str_bytes(n), rt_str_nbytes(n));
            }
        }
    }
    rt_exc_restore(saved);
}

static int is_group(Value exc)
{
    return rt_issubtype(rt_typeof(exc), rt_BaseExceptionGroup);
}

static void print_recursive(Printer *p, Value exc);

static void print_group(Printer *p, Value exc)
{
    int top = p->depth == 0;
    if (top)
        p->depth = 1;
    if (p->depth > MAX_GROUP_DEPTH) {
        margin(p);
        fprintf(p->out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        if (top)
            p->depth = 0;
        return;
    }
    ExcObject *e = (ExcObject *)rt_obj(exc);
    if (e->traceback)
        print_traceback(p, e->traceback, 1);
    print_exc_line(p, exc);
    Value excs = ((ExcGroupObject *)e)->exceptions;
    int64_t n = excs ? ((TupleObject *)rt_obj(excs))->size : 0;
    int64_t shown = n <= MAX_GROUP_WIDTH ? n : MAX_GROUP_WIDTH + 1;
    p->need_close = 0;
    for (int64_t i = 0; i < shown; i++) {
        int last = i == shown - 1;
        if (last)
            p->need_close = 1;
        int truncated = i == MAX_GROUP_WIDTH;
        if (truncated)
            fprintf(p->out, "%*s%s+---------------- ... ----------------\n", 2 * p->depth, "",
                    i == 0 ? "+-" : "  ");
        else
            fprintf(p->out, "%*s%s+---------------- %lld ----------------\n", 2 * p->depth, "",
                    i == 0 ? "+-" : "  ", (long long)i + 1);
        p->depth++;
        if (truncated) {
            margin(p);
            int64_t more = n - MAX_GROUP_WIDTH;
            fprintf(p->out, "and %lld more exception%s\n", (long long)more, more > 1 ? "s" : "");
        } else {
            print_recursive(p, ((TupleObject *)rt_obj(excs))->items[i]);
        }
        p->depth--;
        if (last && p->need_close) {
            fprintf(p->out, "%*s  +------------------------------------\n", 2 * p->depth, "");
            p->need_close = 0;
        }
    }
    if (top)
        p->depth = 0;
}

static int was_seen(Printer *p, Value v)
{
    for (int i = 0; i < p->nseen; i++)
        if (p->seen[i] == v)
            return 1;
    return 0;
}

/* the chain first (cause, else context unless suppressed), then the exception itself */
static void print_recursive(Printer *p, Value exc)
{
    if (p->nseen < MAX_SEEN)
        p->seen[p->nseen++] = exc;
    ExcObject *e = (ExcObject *)rt_obj(exc);
    Value next = 0;
    const char *msg = NULL;
    if (e->cause) {
        if (!was_seen(p, e->cause)) {
            next = e->cause;
            msg = "The above exception was the direct cause of the following exception:\n";
        }
    } else if (e->context && !e->suppress_context && !was_seen(p, e->context)) {
        next = e->context;
        msg = "During handling of the above exception, another exception occurred:\n";
    }
    if (next && p->nseen < MAX_SEEN) {
        int need_close = p->need_close;   /* the chain must not take the group's closing line */
        print_recursive(p, next);
        p->need_close = need_close;
        margin(p);
        fputc('\n', p->out);
        margin(p);
        fputs(msg, p->out);
        margin(p);
        fputc('\n', p->out);
    }
    if (is_group(exc)) {
        print_group(p, exc);
        return;
    }
    if (e->traceback)
        print_traceback(p, e->traceback, 0);
    print_exc_line(p, exc);
}

void rt_print_exception_to(FILE *out, Value exc)
{
    if (rt_is_small(exc) || !(rt_obj(exc)->type->flags & RT_TPFLAG_EXC_SUBCLASS)) {
        fputs("TypeError: print_exception(): Exception expected\n", out);
        return;
    }
    Printer printer;
    Printer *p = &printer;
    p->out = out;
    p->depth = 0;
    p->need_close = 0;
    p->nseen = 0;
    print_recursive(p, exc);
    fflush(out);
}

void rt_print_exception(Value exc)
{
    fflush(stdout);   /* the program's output comes first, as in CPython */
    rt_print_exception_to(stderr, exc);
}
