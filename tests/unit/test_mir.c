/*
 * test_mir.c - unit tests of src/mir: builders, the verifier, the text form and the ssa and
 * simplify passes.
 *
 * Functions are built with the API (mir.h) as lowering would build them: Python locals are
 * var.load/var.store, every raising instruction ends its block before a br, with an unwind
 * block as exceptional successor.  Each case checks the IR verifies before and after the
 * passes, that print -> parse -> print gives the same text, and the shape the pass must give
 * (expected values written by hand from the Python semantics in the comment).  Broken IR must
 * give at least one verifier violation (those reports go to stderr).
 *
 * Output: one line per failure, then 'N passed, N failed'; exit status 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mir/mir.h"
#include "mir/passes.h"

static int passed, failed;

#define CHECK(cond)                                                                           \
    do {                                                                                      \
        if (cond) {                                                                           \
            passed++;                                                                         \
        } else {                                                                              \
            failed++;                                                                         \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                            \
        }                                                                                     \
    } while (0)

static Loc L(int line, int col)
{
    Loc l = {line, col, 0, 0, 0};
    return l;
}

/* ---- builders for the cases ---- */

typedef struct Ctx {
    MirProgram *p;
    MirModule *m;
    MirFunction *f;
    MirBlock *unwind;
} Ctx;

static Ctx start(const char *name)
{
    Ctx c;
    c.p = mir_program_new();
    c.m = mir_module_new(c.p, "__main__", "t.py");
    c.f = mir_function_new(c.p, c.m, name, name);
    c.f->file = "t.py";
    c.f->firstlineno = 1;
    mir_block_new(c.f, "entry");
    c.unwind = NULL;
    return c;
}

/* the unwind block, made last so block numbering follows source order */
static MirBlock *unwind(Ctx *c)
{
    if (!c->unwind) {
        c->unwind = mir_block_new(c->f, "unwind");
        c->unwind->is_unwind = 1;
    }
    return c->unwind;
}

static MirInst *cint(Ctx *c, MirBlock *b, long v)
{
    MirInst *i = mir_emit(c->f, b, MIR_ConstInt, NULL, 0, L(1, 0));
    i->imm = v;
    return i;
}

static void store(Ctx *c, MirBlock *b, int var, MirInst *v)
{
    MirInst *i = mir_emit(c->f, b, MIR_VarStore, &v, 1, L(1, 0));
    i->imm = var;
}

/* x (a load): ends b, continues in a new block returned through *next */
static MirInst *load(Ctx *c, MirBlock **b, int var, MirBlock *exc)
{
    MirBlock *n = mir_block_new(c->f, NULL);
    MirInst *i = mir_emit_raising(c->f, *b, MIR_VarLoad, NULL, 0, n, exc ? exc : unwind(c),
                                  L(2, 0));
    i->imm = var;
    *b = n;
    return i;
}

/* callee(): the callee is a constant (its kind does not matter to the passes) */
static MirInst *call0(Ctx *c, MirBlock **b, MirBlock *exc)
{
    MirBlock *n = mir_block_new(c->f, NULL);
    MirInst *callee = mir_emit(c->f, *b, MIR_ConstNone, NULL, 0, L(3, 0));
    MirInst *i = mir_emit_raising(c->f, *b, MIR_Call, &callee, 1, n, exc ? exc : unwind(c),
                                  L(3, 4));
    *b = n;
    return i;
}

static void ret(Ctx *c, MirBlock *b, MirInst *v)
{
    mir_emit(c->f, b, MIR_Ret, &v, 1, L(4, 0));
}

/* the unwind block returns the error marker in the back end; `unreachable` stands for it */
static void finish_unwind(Ctx *c)
{
    if (c->unwind)
        mir_emit(c->f, c->unwind, MIR_Unreachable, NULL, 0, (Loc){0});
    mir_compute_cfg(c->f);
}

static char *print_fn(const MirProgram *p)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    mir_print_program(f, p);
    fclose(f);
    return s;
}

/* print -> parse -> print is the identity, and the parsed program verifies */
static void roundtrip(const MirProgram *p)
{
    char *a = print_fn(p);
    char *err = NULL;
    MirProgram *q = mir_parse(a, strlen(a), &err);
    CHECK(q != NULL);
    if (!q) {
        printf("  parse error: %s\n%s", err, a);
        free(err);
        free(a);
        return;
    }
    char *b = print_fn(q);
    CHECK(strcmp(a, b) == 0);
    if (strcmp(a, b))
        printf("--- printed\n%s--- reprinted\n%s", a, b);
    for (int i = 0; i < q->nfuncs; i++)
        CHECK(mir_verify(q->funcs[i]) == 0);
    mir_program_free(q);
    free(a);
    free(b);
}

static int count_op(const MirFunction *f, MirOp op)
{
    int n = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++)
            n += f->blocks[b]->insts[k]->op == op;
    return n;
}

static MirInst *ret_value(const MirFunction *f)
{
    for (int b = 0; b < f->nblocks; b++) {
        MirBlock *bl = f->blocks[b];
        if (bl->ninsts && bl->insts[bl->ninsts - 1]->op == MIR_Ret)
            return bl->insts[bl->ninsts - 1]->args[0];
    }
    return NULL;
}

/* verify, round-trip, ssa, verify, round-trip, simplify, verify, round-trip */
static void run_passes(Ctx *c)
{
    CHECK(mir_verify(c->f) == 0);
    roundtrip(c->p);
    mir_pass_ssa(c->f);
    CHECK(mir_verify(c->f) == 0);
    CHECK(count_op(c->f, MIR_VarLoad) == 0 && count_op(c->f, MIR_VarStore) == 0 &&
          count_op(c->f, MIR_VarDelete) == 0);
    roundtrip(c->p);
    mir_pass_simplify(c->f);
    CHECK(mir_verify(c->f) == 0);
    roundtrip(c->p);
}

/* ---- cases ---- */

/* x = 1; return x  -> ret of the constant, no check */
static void test_straight(void)
{
    Ctx c = start("straight");
    int x = mir_var_new(c.f, "x", MT_DYN);
    MirBlock *b = c.f->blocks[0];
    store(&c, b, x, cint(&c, b, 1));
    MirInst *v = load(&c, &b, x, NULL);
    ret(&c, b, v);
    finish_unwind(&c);
    run_passes(&c);
    CHECK(count_op(c.f, MIR_CheckBound) == 0);
    MirInst *r = ret_value(c.f);
    CHECK(r && r->op == MIR_ConstInt && r->imm == 1);
    CHECK(c.f->nblocks == 1);   /* simplify merged the chain, dropped the unused unwind */
    mir_program_free(c.p);
}

/* if c: x = 1 else: x = 2; return x  -> a phi of the two constants */
static void test_diamond(void)
{
    Ctx c = start("diamond");
    int x = mir_var_new(c.f, "x", MT_DYN);
    MirBlock *e = c.f->blocks[0];
    MirBlock *t = mir_block_new(c.f, "if.then"), *el = mir_block_new(c.f, "if.else");
    MirBlock *j = mir_block_new(c.f, "if.end");
    MirInst *cond = mir_emit(c.f, e, MIR_ConstI1, NULL, 0, L(1, 3));
    cond->imm = 1;
    mir_emit_cbr(c.f, e, cond, t, el, L(1, 0));
    store(&c, t, x, cint(&c, t, 1));
    mir_emit_br(c.f, t, j, L(2, 0));
    store(&c, el, x, cint(&c, el, 2));
    mir_emit_br(c.f, el, j, L(4, 0));
    MirBlock *b = j;
    {
        MirInst *lv = load(&c, &b, x, NULL); /* before reading b: it moves on */
        ret(&c, b, lv);
    }
    finish_unwind(&c);
    run_passes(&c);
    MirInst *r = ret_value(c.f);
    CHECK(r && r->op == MIR_Phi && r->nargs == 2);
    CHECK(r && r->args[0]->op == MIR_ConstInt && r->args[1]->op == MIR_ConstInt &&
          r->args[0]->imm + r->args[1]->imm == 3);
    CHECK(count_op(c.f, MIR_CheckBound) == 0);
    mir_program_free(c.p);
}

/* i = 0; while c: i = i + 1; return i  -> loop phi(0, i+1), no checks */
static void test_loop(void)
{
    Ctx c = start("loop");
    int i = mir_var_new(c.f, "i", MT_DYN);
    MirBlock *e = c.f->blocks[0];
    MirBlock *h = mir_block_new(c.f, "while.head"), *body = mir_block_new(c.f, "while.body");
    MirBlock *ex = mir_block_new(c.f, "while.end");
    store(&c, e, i, cint(&c, e, 0));
    mir_emit_br(c.f, e, h, L(1, 0));
    MirInst *cond = mir_emit(c.f, h, MIR_ConstI1, NULL, 0, L(2, 6));
    mir_emit_cbr(c.f, h, cond, body, ex, L(2, 0));
    MirBlock *b = body;
    MirInst *iv = load(&c, &b, i, NULL);
    MirInst *ops[2] = {iv, cint(&c, b, 1)};
    MirBlock *n = mir_block_new(c.f, NULL);
    MirInst *add = mir_emit_raising(c.f, b, MIR_BinOp, ops, 2, n, unwind(&c), L(3, 8));
    store(&c, n, i, add);
    mir_emit_br(c.f, n, h, L(3, 0));
    b = ex;
    {
        MirInst *lv = load(&c, &b, i, NULL); /* before reading b: it moves on */
        ret(&c, b, lv);
    }
    finish_unwind(&c);
    run_passes(&c);
    MirInst *r = ret_value(c.f);
    CHECK(r && r->op == MIR_Phi && r->nargs == 2);
    CHECK(count_op(c.f, MIR_Phi) == 1 && count_op(c.f, MIR_CheckBound) == 0);
    CHECK(r && (r->args[0]->op == MIR_BinOp || r->args[1]->op == MIR_BinOp));
    mir_program_free(c.p);
}

/* The lowering's for loop: `it = iter(src) -> pre; pre: br head;
 * head: x = iter.next it -> body, exhausted ! unwind`.  Returns the iter.next; *body and *exh
 * are its normal and exhausted successors, *iter the iter instruction. */
static MirInst *for_loop(Ctx *c, MirBlock **b, MirInst *src, MirInst **iter, MirBlock **body,
                         MirBlock **exh)
{
    MirBlock *pre = mir_block_new(c->f, NULL), *head = mir_block_new(c->f, "for.head");
    *body = mir_block_new(c->f, "for.body");
    *exh = mir_block_new(c->f, "for.else");
    *iter = mir_emit_raising(c->f, *b, MIR_GetIter, &src, 1, pre, unwind(c), L(1, 9));
    mir_emit_br(c->f, pre, head, L(1, 9));
    MirInst *nx = mir_emit_raising(c->f, head, MIR_IterNext, iter, 1, *body, unwind(c),
                                   L(1, 0));
    nx->target2 = *exh;
    *b = head;
    return nx;
}

/* Checks the loop's shape after simplify: iter's value reaches the iter.next (whose block is
 * entered from the pre-header and the back edge) through a normal successor entered from
 * iter's block alone, and iter.next keeps three distinct successors. */
static void check_for_shape(const MirInst *iter, const MirInst *nx)
{
    CHECK(nx->args[0] == iter);
    CHECK(iter->target && iter->target->npreds == 1 && iter->target != nx->block);
    CHECK(nx->block->npreds == 2);
    CHECK(nx->target && nx->target2 && nx->exc && nx->target != nx->target2 &&
          nx->target != nx->exc && nx->target2 != nx->exc);
    CHECK(nx->block->nsuccs == 3);
    CHECK(nx->exc->is_unwind);
}

/* for x in src(): src()  (no local carried around the loop: no phi at the head)
 * -> simplify must not send iter's normal edge straight to the head (its iterator value would
 *    not dominate the iter.next any more: the bug that broke every module-level for loop); the
 *    body's call, whose value is unused, may go straight back to the head. */
static void test_for_no_phi(void)
{
    Ctx c = start("for1");
    MirBlock *b = c.f->blocks[0];
    MirInst *src = call0(&c, &b, NULL);
    MirInst *iter;
    MirBlock *body, *exh;
    MirInst *nx = for_loop(&c, &b, src, &iter, &body, &exh);
    MirBlock *latch = body;
    MirInst *call = call0(&c, &latch, NULL);
    mir_emit_br(c.f, latch, nx->block, L(3, 0));
    MirInst *none = mir_emit(c.f, exh, MIR_ConstNone, NULL, 0, L(4, 0));
    ret(&c, exh, none);
    finish_unwind(&c);
    run_passes(&c);
    check_for_shape(iter, nx);
    CHECK(call->target == nx->block);   /* the empty latch was bypassed */
    CHECK(nx->target2->insts[nx->target2->ninsts - 1]->op == MIR_Ret);
    mir_program_free(c.p);
}

/* t = 0
 * for x in src(): t = t + x
 * return t         -> ret of the head's phi(0, t + x); the loop shape kept as above */
static void test_for_phi(void)
{
    Ctx c = start("for2");
    int t = mir_var_new(c.f, "t", MT_DYN), x = mir_var_new(c.f, "x", MT_DYN);
    MirBlock *b = c.f->blocks[0];
    store(&c, b, t, cint(&c, b, 0));
    MirInst *src = call0(&c, &b, NULL);
    MirInst *iter;
    MirBlock *body, *exh;
    MirInst *nx = for_loop(&c, &b, src, &iter, &body, &exh);
    b = body;
    store(&c, b, x, nx);
    MirInst *tv = load(&c, &b, t, NULL);
    MirInst *xv = load(&c, &b, x, NULL);
    MirInst *ops[2] = {tv, xv};
    MirBlock *latch = mir_block_new(c.f, NULL);
    MirInst *add = mir_emit_raising(c.f, b, MIR_BinOp, ops, 2, latch, unwind(&c), L(2, 20));
    store(&c, latch, t, add);
    mir_emit_br(c.f, latch, nx->block, L(2, 0));
    MirBlock *after = mir_block_new(c.f, "for.after");
    mir_emit_br(c.f, exh, after, L(2, 0));
    b = after;
    {
        MirInst *rv = load(&c, &b, t, NULL);
        ret(&c, b, rv);
    }
    finish_unwind(&c);
    run_passes(&c);
    check_for_shape(iter, nx);
    MirInst *r = ret_value(c.f);
    CHECK(r && r->op == MIR_Phi && r->nargs == 2 && r->block == nx->block);
    CHECK(r && (r->args[0] == add || r->args[1] == add));
    CHECK(add->args[1] == nx && add->block == nx->target);   /* body blocks merged */
    CHECK(count_op(c.f, MIR_Phi) == 1 && count_op(c.f, MIR_CheckBound) == 0);
    mir_program_free(c.p);
}

/* if c: x = 1; return x  -> check.bound of phi(1, undef), UnboundLocalError edge kept */
static void test_maybe_unbound(void)
{
    Ctx c = start("maybe");
    int x = mir_var_new(c.f, "x", MT_DYN);
    MirBlock *e = c.f->blocks[0];
    MirBlock *t = mir_block_new(c.f, "if.then"), *j = mir_block_new(c.f, "if.end");
    MirInst *cond = mir_emit(c.f, e, MIR_ConstI1, NULL, 0, L(1, 3));
    mir_emit_cbr(c.f, e, cond, t, j, L(1, 0));
    store(&c, t, x, cint(&c, t, 1));
    mir_emit_br(c.f, t, j, L(2, 0));
    MirBlock *b = j;
    {
        MirInst *lv = load(&c, &b, x, NULL); /* before reading b: it moves on */
        ret(&c, b, lv);
    }
    finish_unwind(&c);
    run_passes(&c);
    MirInst *r = ret_value(c.f);
    CHECK(r && r->op == MIR_CheckBound && r->exc && r->exc->is_unwind);
    CHECK(r && r->str && !strcmp(r->str, "x"));
    CHECK(r && r->args[0]->op == MIR_Phi && r->args[0]->nargs == 2);
    CHECK(count_op(c.f, MIR_Undef) == 1);
    mir_program_free(c.p);
}

/* return x (never assigned) -> check.bound of undef */
static void test_never_bound(void)
{
    Ctx c = start("never");
    int x = mir_var_new(c.f, "x", MT_DYN);
    MirBlock *b = c.f->blocks[0];
    {
        MirInst *lv = load(&c, &b, x, NULL); /* before reading b: it moves on */
        ret(&c, b, lv);
    }
    finish_unwind(&c);
    run_passes(&c);
    MirInst *r = ret_value(c.f);
    CHECK(r && r->op == MIR_CheckBound && r->args[0]->op == MIR_Undef);
    mir_program_free(c.p);
}

/* x = 1; del x; return x  -> the delete's check goes (bound), the load checks undef */
static void test_delete(void)
{
    Ctx c = start("delete");
    int x = mir_var_new(c.f, "x", MT_DYN);
    MirBlock *b = c.f->blocks[0];
    store(&c, b, x, cint(&c, b, 1));
    MirBlock *n = mir_block_new(c.f, NULL);
    MirInst *d = mir_emit_raising(c.f, b, MIR_VarDelete, NULL, 0, n, unwind(&c), L(2, 4));
    d->imm = x;
    b = n;
    {
        MirInst *lv = load(&c, &b, x, NULL); /* before reading b: it moves on */
        ret(&c, b, lv);
    }
    finish_unwind(&c);
    run_passes(&c);
    CHECK(count_op(c.f, MIR_CheckBound) == 1);
    MirInst *r = ret_value(c.f);
    CHECK(r && r->op == MIR_CheckBound && r->args[0]->op == MIR_Undef);
    mir_program_free(c.p);
}

/* x = 1
 * try: f(); x = 2; g()
 * except: return x       -> the handler's x is phi(1, 2) over the two raising calls */
static void test_exc_edges(void)
{
    Ctx c = start("exc");
    int x = mir_var_new(c.f, "x", MT_DYN);
    MirBlock *b = c.f->blocks[0];
    MirBlock *h = mir_block_new(c.f, "except");
    store(&c, b, x, cint(&c, b, 1));
    call0(&c, &b, h);
    store(&c, b, x, cint(&c, b, 2));
    call0(&c, &b, h);
    ret(&c, b, cint(&c, b, 0));
    MirInst *caught = mir_emit(c.f, h, MIR_ExcCatch, NULL, 0, L(5, 0));
    (void)caught;
    MirBlock *hb = h;
    {
        MirInst *lv = load(&c, &hb, x, NULL); /* before reading hb: it moves on */
        ret(&c, hb, lv);
    }
    finish_unwind(&c);
    run_passes(&c);
    MirInst *r = ret_value(c.f);
    /* two returns: find the handler's */
    MirInst *hr = NULL;
    for (int i = 0; i < c.f->nblocks; i++) {
        MirBlock *bl = c.f->blocks[i];
        MirInst *t = bl->insts[bl->ninsts - 1];
        if (t->op == MIR_Ret && t->args[0]->op == MIR_Phi)
            hr = t->args[0];
    }
    (void)r;
    CHECK(hr && hr->nargs == 2);
    CHECK(hr && hr->args[0]->imm + hr->args[1]->imm == 3);
    CHECK(count_op(c.f, MIR_CheckBound) == 0);
    mir_program_free(c.p);
}

/* try: y = x (x unbound: raises into the handler) except: return x
 * -> the check in the try raises into the handler, where x is still undef: the handler's
 *    read checks undef again (the value before the failed check) */
static void test_check_exc_edge(void)
{
    Ctx c = start("checkexc");
    int x = mir_var_new(c.f, "x", MT_DYN);
    int y = mir_var_new(c.f, "y", MT_DYN);
    MirBlock *b = c.f->blocks[0];
    MirBlock *h = mir_block_new(c.f, "except");
    MirInst *v = load(&c, &b, x, h);
    store(&c, b, y, v);
    ret(&c, b, cint(&c, b, 0));
    mir_emit(c.f, h, MIR_ExcCatch, NULL, 0, L(5, 0));
    MirBlock *hb = h;
    {
        MirInst *lv = load(&c, &hb, x, NULL); /* before reading hb: it moves on */
        ret(&c, hb, lv);
    }
    finish_unwind(&c);
    run_passes(&c);
    CHECK(count_op(c.f, MIR_CheckBound) == 2);
    CHECK(count_op(c.f, MIR_Phi) == 0);
    mir_program_free(c.p);
}

/* a chain of 20000 blocks: ssa, verify and simplify must not recurse per block */
static void test_deep(void)
{
    Ctx c = start("deep");
    int x = mir_var_new(c.f, "x", MT_DYN);
    MirBlock *b = c.f->blocks[0];
    store(&c, b, x, cint(&c, b, 7));
    for (int i = 0; i < 20000; i++) {
        MirBlock *n = mir_block_new(c.f, NULL);
        mir_emit_br(c.f, b, n, L(1, 0));
        b = n;
    }
    {
        MirInst *lv = load(&c, &b, x, NULL); /* before reading b: it moves on */
        ret(&c, b, lv);
    }
    finish_unwind(&c);
    CHECK(mir_verify(c.f) == 0);
    mir_pass_ssa(c.f);
    CHECK(mir_verify(c.f) == 0);
    mir_pass_simplify(c.f);
    CHECK(mir_verify(c.f) == 0);
    CHECK(c.f->nblocks == 1);
    MirInst *r = ret_value(c.f);
    CHECK(r && r->op == MIR_ConstInt && r->imm == 7);
    mir_program_free(c.p);
}

/* strings with every byte, names, immediates, locations survive the text form */
static void test_text(void)
{
    Ctx c = start("<lambda>");
    c.f->qualname = "f.<locals>.<lambda>";
    c.f->flags = 0x21;
    static const char *params[] = {"a", "b"}, *fv[] = {"cell\"x"};
    c.f->paramnames = params;
    c.f->nparams = 2;
    c.f->npos = 2;
    c.f->nposonly = 1;
    c.f->freevars = fv;
    c.f->nfree = 1;
    mir_var_new(c.f, "a", MT_DYN);
    mir_var_new(c.f, ".0", MT_I64);
    MirBlock *b = c.f->blocks[0];
    MirInst *s = mir_emit(c.f, b, MIR_ConstStr, NULL, 0, (Loc){3, 4, 3, 9, 1});
    static const char bytes[] = "a\0b\"\\\n\t\x7f\xff";
    s->str = bytes;
    s->len = sizeof bytes - 1;
    MirInst *fl = mir_emit(c.f, b, MIR_ConstFloat, NULL, 0, L(1, 0));
    fl->fimm = 0.1;
    MirInst *big = mir_emit(c.f, b, MIR_ConstInt, NULL, 0, L(1, 0));
    big->imm = -9223372036854775807LL - 1;
    big->type = MT_I64;
    MirInst *args[3] = {s, fl, s};
    MirBlock *n = mir_block_new(c.f, "after");
    MirInst *call = mir_emit_raising(c.f, b, MIR_Call, args, 3, n, unwind(&c), L(5, 2));
    static const char *kw[] = {"key"};
    call->names = kw;
    call->nnames = 1;
    MirInst *fn = mir_emit(c.f, n, MIR_MakeFunction, (MirInst *[]){s, s, s}, 3, L(6, 0));
    fn->func = c.f;
    ret(&c, n, call);
    finish_unwind(&c);
    c.m->init = c.f;
    CHECK(mir_verify(c.f) == 0);
    roundtrip(c.p);
    CHECK(strcmp(c.f->symbol, "__main__.f._locals_._lambda_$0") == 0 ||
          strcmp(c.f->symbol, "__main__._lambda_$0") == 0);
    mir_program_free(c.p);
}

static void test_parse_errors(void)
{
    static const char *bad[] = {
        "func \"f\" symbol=\"s\"\nb0:\n  %0 = nosuch.op\n",
        "func \"f\" symbol=\"s\"\nb0:\n  br -> b7\n",
        "func \"f\" symbol=\"s\"\nb0:\n  ret %3\n",
        "func \"f\" symbol=\"s\"\nb0:\n  %0 = const.str \"abc\n",
        "func \"f\" symbol=\"s\"\nb0:\n  %0 = const.str \"\\xZZ\"\n",
        "bogus\n",
        "func \"f\" symbol=\"s\"\n  ret\n",
        "func \"f\" symbol=\"s\" module=\"nomod\"\n",
        "func \"f\" symbol=\"s\"\nb0:\n  const.none\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *err = NULL;
        MirProgram *p = mir_parse(bad[i], strlen(bad[i]), &err);
        CHECK(p == NULL && err != NULL && !strncmp(err, "line ", 5));
        mir_program_free(p);
        free(err);
    }
}

/* ---- the verifier catches broken IR: each mutation must give >= 1 violation ---- */

/* a small valid function: b0: %c = const.i1; cbr -> b1, b2; b1: call -> b3 ! b4; ... */
typedef struct Small {
    Ctx c;
    MirInst *cond, *call, *callbr, *ret1, *k;
    MirBlock *b0, *b1, *b2, *b3;
} Small;

static Small small(void)
{
    Small s;
    s.c = start("small");
    mir_var_new(s.c.f, "x", MT_DYN);
    s.b0 = s.c.f->blocks[0];
    s.b1 = mir_block_new(s.c.f, NULL);
    s.b2 = mir_block_new(s.c.f, NULL);
    s.b3 = mir_block_new(s.c.f, NULL);
    s.cond = mir_emit(s.c.f, s.b0, MIR_ConstI1, NULL, 0, L(1, 0));
    s.k = mir_emit(s.c.f, s.b0, MIR_ConstNone, NULL, 0, L(1, 0));
    mir_emit_cbr(s.c.f, s.b0, s.cond, s.b1, s.b2, L(1, 0));
    s.call = mir_emit_raising(s.c.f, s.b1, MIR_Call, &s.k, 1, s.b3, unwind(&s.c), L(2, 0));
    s.callbr = s.b1->insts[s.b1->ninsts - 1];
    mir_emit_br(s.c.f, s.b2, s.b3, L(3, 0));
    s.ret1 = mir_emit(s.c.f, s.b3, MIR_Ret, &s.k, 1, L(4, 0));
    finish_unwind(&s.c);
    return s;
}

static void expect_broken(Small *s, const char *what)
{
    int n = mir_verify(s->c.f);
    CHECK(n > 0);
    if (n == 0)
        printf("  verifier missed: %s\n", what);
    mir_program_free(s->c.p);
}

static void test_verifier(void)
{
    Small s = small();
    CHECK(mir_verify(s.c.f) == 0);
    mir_program_free(s.c.p);

    s = small();   /* no terminator */
    s.b3->ninsts = 0;
    mir_emit(s.c.f, s.b3, MIR_ConstNone, NULL, 0, L(1, 0));
    expect_broken(&s, "missing terminator");

    s = small();   /* terminator in the middle */
    mir_emit(s.c.f, s.b3, MIR_Unreachable, NULL, 0, L(1, 0));
    expect_broken(&s, "two terminators");

    s = small();   /* raising without exc */
    s.call->exc = NULL;
    expect_broken(&s, "raising without exc");

    s = small();   /* raising instruction's target differs from its br */
    s.call->target = s.b2;
    expect_broken(&s, "target mismatch");

    s = small();   /* raising instruction not last before br */
    {
        MirInst *extra = mir_emit(s.c.f, s.b1, MIR_ConstNone, NULL, 0, L(1, 0));
        s.b1->insts[s.b1->ninsts - 1] = s.callbr;
        s.b1->insts[s.b1->ninsts - 2] = extra;
        s.b1->insts[s.b1->ninsts - 3] = s.call;
    }
    expect_broken(&s, "raise not last");

    s = small();   /* non-raising op with an exc */
    s.k->exc = s.b3;
    expect_broken(&s, "exc on pure op");

    s = small();   /* operand count */
    s.ret1->nargs = 0;
    expect_broken(&s, "operand count");

    s = small();   /* operand type: cbr on dyn */
    s.b0->insts[2]->args[0] = s.k;
    expect_broken(&s, "cbr on dyn");

    s = small();   /* use of a value not dominating: b3 uses the call result (b1 only) */
    s.ret1->args[0] = s.call;
    expect_broken(&s, "non-dominating use");

    s = small();   /* use before def in the same block */
    s.b0->insts[0]->op = MIR_Not;
    s.b0->insts[0]->nargs = 1;
    s.b0->insts[0]->args = &s.cond;
    expect_broken(&s, "self use");

    s = small();   /* phi with the wrong operand count */
    {
        MirInst *phi = mir_emit(s.c.f, s.b3, MIR_Phi, &s.k, 1, L(1, 0));
        phi->phi_blocks[0] = s.b1;
        s.b3->insts[s.b3->ninsts - 1] = s.ret1;
        s.b3->insts[0] = phi;
    }
    expect_broken(&s, "phi operand count");

    s = small();   /* phi after a non-phi */
    {
        MirInst *ops[2] = {s.k, s.k};
        MirInst *phi = mir_emit(s.c.f, s.b3, MIR_Phi, ops, 2, L(1, 0));
        phi->phi_blocks[0] = s.b1;
        phi->phi_blocks[1] = s.b2;
        MirInst *k2 = mir_emit(s.c.f, s.b3, MIR_ConstNone, NULL, 0, L(1, 0));
        s.b3->insts[0] = k2;
        s.b3->insts[1] = phi;
        s.b3->insts[2] = s.ret1;
    }
    expect_broken(&s, "phi after non-phi");

    s = small();   /* variable op after SSA */
    {
        MirInst *ld = mir_emit(s.c.f, s.b3, MIR_VarStore, &s.k, 1, L(1, 0));
        ld->imm = 0;
        s.b3->insts[0] = ld;
        s.b3->insts[1] = s.ret1;
        s.c.f->is_ssa = 1;
    }
    expect_broken(&s, "var op after ssa");

    s = small();   /* a raising value used on its own exceptional edge */
    {
        MirBlock *u = s.c.unwind;
        u->ninsts = 0;
        mir_emit(s.c.f, u, MIR_Ret, &s.call, 1, L(1, 0));
    }
    expect_broken(&s, "raising value on exc edge");

    s = small();   /* iter.next without its exhausted successor */
    s.call->op = MIR_IterNext;
    expect_broken(&s, "iter.next without target2");

    s = small();   /* a branch to a block of another function */
    {
        Ctx o = start("other");
        s.b2->insts[0]->target = o.f->blocks[0];
        expect_broken(&s, "foreign block");
        mir_program_free(o.p);
    }

    s = small();   /* an operand that is not in the function (removed instruction) */
    s.b0->ninsts = 2;
    s.b0->insts[0] = s.k;
    s.b0->insts[1] = s.b0->insts[2];
    expect_broken(&s, "dangling operand");

    s = small();   /* duplicate value id */
    s.k->id = s.cond->id;
    expect_broken(&s, "duplicate id");
}

int main(void)
{
    test_straight();
    test_diamond();
    test_loop();
    test_for_no_phi();
    test_for_phi();
    test_maybe_unbound();
    test_never_bound();
    test_delete();
    test_exc_edges();
    test_check_exc_edge();
    test_deep();
    test_text();
    test_parse_errors();
    test_verifier();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
