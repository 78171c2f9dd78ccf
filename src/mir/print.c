/*
 * print.c - the textual form of MIR (docs/internals/mir.md, "Text form"); parse.c reads it back.
 *
 * Entry points: mir_print_program, mir_print_function.
 *
 * Grammar (one item per line; `#` starts a comment except inside a quoted string):
 *   module  "name" [file="f"] [package] [init="symbol"]
 *   func    "name" qualname="q" symbol="s" [module="m"] [file="f"] line=N [flags=0xN]
 *           [params=["a", ...]] [posonly=N] [pos=N] [kwonly=N] [freevars=[...]]
 *           [vars=["x":dyn, ...]] [ssa]                               (all on one line)
 *   block   bN: | bN (unwind):                 followed by `# label` when it has one
 *   inst    [%id[:type] =] op [operands] [imm] [imm2=N] [fimm=X] ["str"] [names=[...]]
 *           [fn="symbol"] [mod="module"] [-> bT[, bF]] [! bE]          [# line:col[-l:c] [synthetic]]
 * Operands are `%id`, phi operands `[%id, bP]`.  A bare number is imm (fimm for const.float and
 * const.complex); the result type is written only when it differs from the op's default.
 * Strings are C-escaped (\xNN with exactly two hex digits), so any bytes round-trip.
 *
 * Invariant: the output is a function of the IR alone (no addresses, no hash order), and
 * printing what mir_parse read gives the same text.
 */
#include <stdlib.h>
#include <string.h>

#include "mir_impl.h"

#define COMMENT_COLUMN 48

void mir_put_quoted(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (c < 0x20 || c >= 0x7f)
                fprintf(out, "\\x%02x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

static void put_cstr(FILE *out, const char *s)
{
    mir_put_quoted(out, s ? s : "", s ? strlen(s) : 0);
}

static void put_name_list(FILE *out, const char *key, const char **names, int n)
{
    fprintf(out, " %s=[", key);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", out);
        put_cstr(out, names ? names[i] : NULL);
    }
    fputc(']', out);
}

/* Ops whose imm is always written, even when 0, because it is their meaning. */
static int imm_always(MirOp op)
{
    switch (op) {
    case MIR_ConstInt: case MIR_ConstI1: case MIR_Param: case MIR_VarLoad: case MIR_VarStore:
    case MIR_VarDelete: case MIR_TupleItem: case MIR_ClosureCell: case MIR_UnpackSeq:
    case MIR_UnpackEx: case MIR_BinOp: case MIR_InplaceOp: case MIR_UnaryOp: case MIR_Compare:
    case MIR_InstLoad: case MIR_InstLoadF: case MIR_InstStore: case MIR_InstStoreF:
    case MIR_ClassSlot: case MIR_InstIsClass: case MIR_ClassReg: case MIR_ClassGet:
    case MIR_InstGuard:
    case MIR_IBit: case MIR_IntBit: case MIR_StrEq: case MIR_StrPred: case MIR_NarrowCmp:
        return 1;
    default:
        return 0;
    }
}

static int fimm_bare(MirOp op) { return op == MIR_ConstFloat || op == MIR_ConstComplex; }

static void put_block_ref(FILE *out, const MirBlock *b)
{
    if (b)
        fprintf(out, "b%d", b->id);
    else
        fputs("none", out);
}

static void put_value(FILE *out, const MirInst *a)
{
    if (a)
        fprintf(out, "%%%d", a->id);
    else
        fputs("%?", out);   /* malformed IR: printed so it can be seen, not parsed back */
}

/* Prints the instruction without indentation or location into out. */
static void put_inst_body(FILE *out, const MirInst *i)
{
    if (i->id >= 0) {
        fprintf(out, "%%%d", i->id);
        if (i->type != mir_default_type(i->op))
            fprintf(out, ":%s", mir_type_names[i->type]);
        fputs(" = ", out);
    }
    fputs((unsigned)i->op < MIR__COUNT ? mir_ops[i->op].text : "?op", out);
    for (int k = 0; k < i->nargs; k++) {
        fputs(k ? ", " : " ", out);
        if (i->op == MIR_Phi) {
            fputc('[', out);
            put_value(out, i->args[k]);
            fputs(", ", out);
            put_block_ref(out, i->phi_blocks ? i->phi_blocks[k] : NULL);
            fputc(']', out);
        } else {
            put_value(out, i->args[k]);
        }
    }
    if (i->imm || imm_always(i->op))
        fprintf(out, " %lld", (long long)i->imm);
    if (i->imm2)
        fprintf(out, " imm2=%lld", (long long)i->imm2);
    if (fimm_bare(i->op))
        fprintf(out, " %.17g", i->fimm);
    else if (i->fimm != 0)
        fprintf(out, " fimm=%.17g", i->fimm);
    if (i->str) {
        fputc(' ', out);
        mir_put_quoted(out, i->str, i->len ? i->len : strlen(i->str));
    }
    if (i->nnames)
        put_name_list(out, "names", i->names, i->nnames);
    if (i->func) {
        fputs(" fn=", out);
        put_cstr(out, i->func->symbol);
    }
    if (i->module) {
        fputs(" mod=", out);
        put_cstr(out, i->module->name);
    }
    if (i->target || i->target2) {
        fputs(" -> ", out);
        put_block_ref(out, i->target);
        if (i->target2) {
            fputs(", ", out);
            put_block_ref(out, i->target2);
        }
    }
    if (i->exc) {
        fputs(" ! ", out);
        put_block_ref(out, i->exc);
    }
}

static void put_inst(FILE *out, const MirInst *i)
{
    /* printed to memory first, to align the location comments */
    char *mem = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&mem, &n);
    if (!m)
        die("open_memstream failed");
    put_inst_body(m, i);
    fclose(m);
    fprintf(out, "  %s", mem);
    const Loc *l = &i->loc;
    if (l->line || l->col || l->end_line || l->end_col || l->synthetic) {
        for (size_t c = n + 2; c < COMMENT_COLUMN; c++)
            fputc(' ', out);
        fprintf(out, "  # %d:%d", l->line, l->col);
        if (l->end_line || l->end_col)
            fprintf(out, "-%d:%d", l->end_line, l->end_col);
        if (l->synthetic)
            fputs(" synthetic", out);
    }
    fputc('\n', out);
    free(mem);
}

void mir_print_function(FILE *out, const MirFunction *f)
{
    fputs("func ", out);
    put_cstr(out, f->name);
    fputs(" qualname=", out);
    put_cstr(out, f->qualname);
    fputs(" symbol=", out);
    put_cstr(out, f->symbol);
    if (f->module) {
        fputs(" module=", out);
        put_cstr(out, f->module->name);
    }
    if (f->file) {
        fputs(" file=", out);
        put_cstr(out, f->file);
    }
    fprintf(out, " line=%d", f->firstlineno);
    if (f->flags)
        fprintf(out, " flags=0x%x", f->flags);
    if (f->nparams)
        put_name_list(out, "params", f->paramnames, f->nparams);
    if (f->nposonly)
        fprintf(out, " posonly=%d", f->nposonly);
    if (f->npos)
        fprintf(out, " pos=%d", f->npos);
    if (f->nkwonly)
        fprintf(out, " kwonly=%d", f->nkwonly);
    if (f->nfree)
        put_name_list(out, "freevars", f->freevars, f->nfree);
    if (f->nvars) {
        fputs(" vars=[", out);
        for (int i = 0; i < f->nvars; i++) {
            if (i)
                fputs(", ", out);
            put_cstr(out, f->vars[i].name);
            fprintf(out, ":%s", mir_type_names[f->vars[i].type]);
        }
        fputc(']', out);
    }
    if (f->is_ssa)
        fputs(" ssa", out);
    if (f->origin) {
        fputs(" clone_of=", out);
        put_cstr(out, f->origin->symbol);
        fputs(" ptypes=[", out);
        for (int i = 0; i < f->nparams; i++)
            fprintf(out, "%s%s", i ? ", " : "", mir_type_names[f->ptypes[i]]);
        fprintf(out, "] ret=%s", mir_type_names[f->rettype]);
    }
    fputc('\n', out);
    for (int b = 0; b < f->nblocks; b++) {
        const MirBlock *bl = f->blocks[b];
        fprintf(out, "b%d%s:", bl->id, bl->is_unwind ? " (unwind)" : "");
        if (bl->label)
            fprintf(out, "  # %s", bl->label);
        fputc('\n', out);
        for (int k = 0; k < bl->ninsts; k++)
            put_inst(out, bl->insts[k]);
    }
}

void mir_print_program(FILE *out, const MirProgram *p)
{
    for (int i = 0; i < p->nmodules; i++) {
        const MirModule *m = p->modules[i];
        fputs("module ", out);
        put_cstr(out, m->name);
        if (m->file) {
            fputs(" file=", out);
            put_cstr(out, m->file);
        }
        if (m->is_package)
            fputs(" package", out);
        if (m->init) {
            fputs(" init=", out);
            put_cstr(out, m->init->symbol);
        }
        fputc('\n', out);
    }
    for (int i = 0; i < p->nfuncs; i++) {
        fputc('\n', out);
        mir_print_function(out, p->funcs[i]);
    }
}
