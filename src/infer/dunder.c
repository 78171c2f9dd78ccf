/*
 * dunder.c - operator dunders of exact instances as direct calls, and isinstance() with a
 * known class (docs/internals/typed.md, "Operator dunders").
 *
 *   - dunder_op_ty: `a OP b` (binop, inplace) and `-a`/`+a`/`~a` where an operand is an exact
 *     instance of a plain class: the dunder CPython's protocol would call first is looked up
 *     on the MRO in the closed world (a plain def, or a class-body alias `__rmul__ = __mul__`
 *     of one, whose name no attribute store of the program uses) and the site gets a context
 *     of it, keyed by both operands, so specialize.c makes it a call.direct of the clone.
 *     The protocol (CPython's binary_op1 / SLOT1BINFULL): if b's type is a proper subclass of
 *     a's that overrides the reflected method, b.__rop__(a) first; else a.__op__(b); a
 *     NotImplemented result falls back to the other side (types that differ), then TypeError.
 *     A site is direct only when the method the protocol tries first is known and its clone
 *     provably never returns NotImplemented (its result type is one NotImplemented does not
 *     have): then the fallback never happens.  Everything else stays the generic operator.
 *     `a += b` is the binary operator when no class on the MRO binds __iadd__.
 *   - dunder_verify: the generic version of these dunders (self dyn) is assumed not to run
 *     (classes_generic_runs asks dunder_closed) unless some running generic operator site
 *     may see an instance (an operand that is dyn or an instance), the name is read as an
 *     attribute (`v.__add__`, `super().__add__`), or a builtin that applies operators from C
 *     is used (sum: __radd__, and __add__ when a class has __radd__ or sum gets a start;
 *     math.prod: __mul__; enumerate with a start: __add__).
 *     Opened names make inference run again (the open set only grows).
 *   - dunder_isinstance / dunder_branch: isinstance(x, K) with K a known plain class (or the
 *     builtins int/float) is a constant when x's type decides it; a cbr on it (through
 *     truthy and `not`) reaches only the branch taken, so a clone keyed by the argument's kind
 *     (Color.__mul__(self, other) for a Color and for a float) sees only its own branch.
 */
#include <stdlib.h>
#include <string.h>

#include "../mir/mir_impl.h"   /* mir_inst_new, mir_block_insert (narrowing) */
#include "../util/util.h"
#include "infer.h"

typedef struct DunderOp {
    int op;             /* AstOp (binary) or AstUnaryOp (unary) */
    int unary;
    const char *fwd, *rev, *inp;
} DunderOp;

static const DunderOp ops[] = {
    {Op_Add, 0, "__add__", "__radd__", "__iadd__"},
    {Op_Sub, 0, "__sub__", "__rsub__", "__isub__"},
    {Op_Mult, 0, "__mul__", "__rmul__", "__imul__"},
    {Op_Div, 0, "__truediv__", "__rtruediv__", "__itruediv__"},
    {Op_FloorDiv, 0, "__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {Op_Mod, 0, "__mod__", "__rmod__", "__imod__"},
    {Op_MatMult, 0, "__matmul__", "__rmatmul__", "__imatmul__"},
    {Op_LShift, 0, "__lshift__", "__rlshift__", "__ilshift__"},
    {Op_RShift, 0, "__rshift__", "__rrshift__", "__irshift__"},
    {Op_BitAnd, 0, "__and__", "__rand__", "__iand__"},
    {Op_BitOr, 0, "__or__", "__ror__", "__ior__"},
    {Op_BitXor, 0, "__xor__", "__rxor__", "__ixor__"},
    {UnOp_USub, 1, "__neg__", NULL, NULL},
    {UnOp_UAdd, 1, "__pos__", NULL, NULL},
    {UnOp_Invert, 1, "__invert__", NULL, NULL},
};
#define NOPS ((int)(sizeof ops / sizeof ops[0]))

static const DunderOp *op_of(const MirInst *i)
{
    int unary = i->op == MIR_UnaryOp;
    if (i->op != MIR_BinOp && i->op != MIR_InplaceOp && !unary)
        return NULL;
    for (int k = 0; k < NOPS; k++)
        if (ops[k].unary == unary && ops[k].op == (int)i->imm)
            return &ops[k];
    return NULL;
}

/* Is name one of the operator dunders of the table? */
static int table_name(const char *name)
{
    for (int k = 0; k < NOPS; k++)
        if (strcmp(ops[k].fwd, name) == 0 || (ops[k].rev && strcmp(ops[k].rev, name) == 0) ||
            (ops[k].inp && strcmp(ops[k].inp, name) == 0))
            return 1;
    return 0;
}

static int stored_anywhere(const Infer *in, const char *name)
{
    for (int k = 0; k < in->nsetattr; k++)
        if (strcmp(in->setattr_names[k], name) == 0)
            return 1;
    return 0;
}

static int is_open(const Infer *in, const char *name)
{
    for (int k = 0; k < in->nopen_names; k++)
        if (strcmp(in->open_names[k], name) == 0)
            return 1;
    return 0;
}

/* The name.store of `name` in the class body when it is the only one, else NULL (*pos: its
 * block and index, for ordering). */
static const MirInst *single_store(const MirFunction *body, const char *name, int *pb, int *pk)
{
    const MirInst *found = NULL;
    for (int b = 0; b < body->nblocks; b++)
        for (int k = 0; k < body->blocks[b]->ninsts; k++) {
            const MirInst *i = body->blocks[b]->insts[k];
            if (i->op != MIR_NameStore || !i->str || strcmp(i->str, name) != 0)
                continue;
            if (found)
                return NULL;
            found = i;
            *pb = b;
            *pk = k;
        }
    return found;
}

/* `A = M` in the body of c, A and M operator dunders, M a method of c (a def stored once)
 * stored before: M's function, else NULL.  *load: the name.load of M. */
static const MirFunction *alias_of(const InferClass *c, const char *name, const MirInst **load)
{
    if (!c->body || !table_name(name))
        return NULL;
    int ab, ak, mb, mk;
    const MirInst *st = single_store(c->body, name, &ab, &ak);
    if (!st || st->nargs < 2 || st->args[1]->op != MIR_NameLoad || !st->args[1]->str)
        return NULL;
    const MirInst *ld = st->args[1];
    const char *m = ld->str;
    if (!table_name(m) || strcmp(m, name) == 0)
        return NULL;
    const MirInst *def = single_store(c->body, m, &mb, &mk);
    if (!def || def->args[1]->op != MIR_MakeFunction || mb > ab || (mb == ab && mk > ak))
        return NULL;
    for (int k = 0; k < c->nnames; k++)
        if (strcmp(c->names[k], m) == 0 && c->methods[k]) {
            if (load)
                *load = ld;
            return c->methods[k];
        }
    return NULL;
}

/* name on cls's MRO: 1 with *fn a plain def (or an alias of one), 0 when no class binds it
 * (object has none of these dunders), -1 bound to something else (unknown). */
static int lookup(const Infer *in, const InferClass *cls, const char *name,
                  const MirFunction **fn)
{
    *fn = NULL;
    if (stored_anywhere(in, name))
        return -1;   /* C.__add__ = f, or an instance attribute of that name */
    for (const InferClass *c = cls; c; c = c->base) {
        if (!c->plain)
            return -1;
        for (int k = 0; k < c->nnames; k++)
            if (strcmp(c->names[k], name) == 0) {
                *fn = c->methods[k] ? c->methods[k] : alias_of(c, name, NULL);
                return *fn ? 1 : -1;
            }
    }
    return 0;
}

/* Kinds whose values are never NotImplemented (nor instances of a plain class). */
static int plain_kind(TyKind k)
{
    switch (k) {
    case TY_INT: case TY_FLOAT: case TY_BOOL: case TY_NONE: case TY_STR: case TY_LIST:
    case TY_OPTF:
    case TY_TUPLE: case TY_DICT: case TY_NUM: case TY_RANGE: case TY_SET:
        return 1;
    default:
        return 0;
    }
}

static int never_notimpl(Ty r)
{
    return r.k == TY_BOT || r.k == TY_INST || r.k == TY_UNION || plain_kind(r.k);
}

/* Left operands of builtin types whose number slots decline an instance of a plain class
 * (NotImplemented, or no slot at all): the instance's reflected method is what runs first. */
static int declining_left(TyKind k)
{
    return k == TY_INT || k == TY_FLOAT || k == TY_BOOL || k == TY_NUM || k == TY_STR ||
           k == TY_NONE;
}

static int proper_subclass(const InferClass *d, const InferClass *c)
{
    for (const InferClass *x = d ? d->base : NULL; x; x = x->base)
        if (x == c)
            return 1;
    return 0;
}

/* Does a class on cls's MRO bind fwd or rev (CPython: the type's slot is the generic one)? */
static int has_slot(const Infer *in, const InferClass *cls, const DunderOp *d)
{
    const MirFunction *f;
    return lookup(in, cls, d->fwd, &f) != 0 || lookup(in, cls, d->rev, &f) != 0;
}

/* The method the protocol runs first for site i with operand types a (and b): 1 and *fn,
 * *swap (the call is fn(b, a)) when it is known; 0 when no operand is an exact instance
 * (not this file's business); -1 when the site stays generic; -2 when an operand is not
 * known yet (bottom). */
static int resolve(const Infer *in, const MirInst *i, const DunderOp *d, Ty a, Ty b,
                   const MirFunction **fn, int *swap)
{
    *fn = NULL;
    *swap = 0;
    if (d->unary) {
        if (a.k != TY_INST || !a.cls)
            return 0;
        return lookup(in, a.cls, d->fwd, fn) == 1 ? 1 : -1;
    }
    if (a.k != TY_INST && b.k != TY_INST)
        return 0;
    if (a.k == TY_BOT || b.k == TY_BOT)
        return -2;
    if (a.k != TY_INST) {   /* int/float/str ... OP instance: the reflected method */
        if (!declining_left(a.k) || !b.cls)
            return -1;
        *swap = 1;
        return lookup(in, b.cls, d->rev, fn) == 1 ? 1 : -1;
    }
    const InferClass *c = a.cls, *e = b.k == TY_INST ? b.cls : NULL;
    if (!c || (b.k != TY_INST && !plain_kind(b.k)))
        return -1;
    if (i->op == MIR_InplaceOp) {
        const MirFunction *ip;
        if (lookup(in, c, d->inp, &ip) != 0)
            return -1;   /* __iadd__ (or an unknown binding): the generic operator */
    }
    if (e && e != c && proper_subclass(e, c) && has_slot(in, e, d)) {
        const MirFunction *re, *rc;
        int ke = lookup(in, e, d->rev, &re), kc = lookup(in, c, d->rev, &rc);
        if (ke < 0 || kc < 0)
            return -1;
        if (ke == 1 && re != rc) {   /* overridden: the reflected method goes first */
            *fn = re;
            *swap = 1;
            return 1;
        }
    }
    int kf = lookup(in, c, d->fwd, fn);
    if (kf == 1)
        return 1;
    if (kf < 0 || !e || e == c || !has_slot(in, e, d))
        return -1;   /* TypeError or a builtin's reflected method: the generic operator */
    *swap = 1;
    return lookup(in, e, d->rev, fn) == 1 ? 1 : -1;
}

Ty dunder_op_ty(Infer *in, InferCtx *c, const MirInst *i, int *global, int *handled)
{
    *handled = 0;
    const DunderOp *d = op_of(i);
    if (!d || i->id < 0 || i->id >= c->nvals)
        return ty_dyn();
    c->mcallee[i->id] = NULL;
    Ty a = infer_ty(c, i->args[0]), b = d->unary ? ty_dyn() : infer_ty(c, i->args[1]);
    const MirFunction *fn;
    int swap, k = resolve(in, i, d, a, b, &fn, &swap);
    if (k == 0)
        return ty_dyn();
    *handled = 1;
    if (k == -2)
        return ty_bot();   /* come back when both are known */
    if (k < 0)
        return ty_dyn();
    if ((c->index == 0 && !classes_generic_runs(in, c->fn)) || (c->fn->flags & INFER_CO_SUSPENDS))
        return ty_dyn();   /* never runs, or a generator body (stays generic) */
    int n = d->unary ? 1 : 2;
    if (!infer_cloneable(fn) || fn->nparams != n || fn->nfree)
        return ty_dyn();
    Ty args[2] = {swap ? b : a, swap ? a : b};
    InferCtx *t = infer_ctx_for_call(in, (MirFunction *)fn, args, NULL, global);
    if (!t || t->index == 0)
        return ty_dyn();
    if (!d->unary && !never_notimpl(t->ret))
        return ty_dyn();   /* may return NotImplemented: the generic protocol */
    c->mcallee[i->id] = t;
    return t->ret;
}

InferCtx *dunder_target(const Infer *in, const InferCtx *c, const MirInst *i, int *swap)
{
    const DunderOp *d = op_of(i);
    if (!d || i->id < 0 || i->id >= c->nvals || !c->mcallee[i->id])
        return NULL;
    InferCtx *t = c->mcallee[i->id];
    const MirFunction *fn;
    Ty a = infer_ty(c, i->args[0]), b = d->unary ? ty_dyn() : infer_ty(c, i->args[1]);
    if (resolve(in, i, d, a, b, &fn, swap) != 1 || fn != t->fn || t->index == 0)
        return NULL;
    return t;
}

int dunder_closed(const Infer *in, const InferClass *c, const char *name)
{
    if (!table_name(name) || in->all_open)
        return 0;
    /* an alias A = name in the same body runs the same function under A */
    for (int k = 0; k < c->nnames; k++) {
        const MirInst *ld;
        if (alias_of(c, c->names[k], &ld) && strcmp(ld->str, name) == 0 &&
            is_open(in, c->names[k]))
            return 0;
    }
    return 1;
}

int dunder_alias_load(const Infer *in, const MirFunction *f, const MirInst *load)
{
    for (int i = 0; i < in->nclasses; i++) {
        const InferClass *c = in->classes[i];
        if (c->body != f)
            continue;
        for (int k = 0; k < c->nnames; k++) {
            const MirInst *ld = NULL;
            if (alias_of(c, c->names[k], &ld) && ld == load)
                return 1;
        }
    }
    return 0;
}

static int open_op(Infer *in, const DunderOp *d)
{
    int opened = classes_open_name(in, d->fwd);
    if (d->rev)
        opened |= classes_open_name(in, d->rev);
    if (d->inp)
        opened |= classes_open_name(in, d->inp);
    return opened;
}

/* May a value of this type be an instance of a plain class at a generic operator? */
static int may_be_instance(Ty t)
{
    return t.k == TY_INST || t.k == TY_OPT || t.k == TY_UNION || t.k == TY_DYN;
}

/* Does any class bind __radd__ (sum's 0 + item then calls it, and __add__ on its result)? */
static int some_radd(const Infer *in)
{
    for (int i = 0; i < in->nclasses; i++)
        for (int k = 0; k < in->classes[i]->nnames; k++)
            if (strcmp(in->classes[i]->names[k], "__radd__") == 0)
                return 1;
    return 0;
}

/* Uses of sum (1 argument: 0 + item, __radd__; else __add__ too) and math.prod. */
static int open_by_builtin(Infer *in, const MirFunction *f, const MirInst *load)
{
    const char *s = load->str;
    if (!s)
        return 0;
    if (strcmp(s, "prod") == 0)
        return open_op(in, &ops[2]);
    if (strcmp(s, "enumerate") == 0) {   /* its counter adds 1 to a start that is not small */
        for (int b = 0; b < f->nblocks; b++)
            for (int k = 0; k < f->blocks[b]->ninsts; k++) {
                const MirInst *u = f->blocks[b]->insts[k];
                for (int a = 0; a < u->nargs; a++)
                    if (u->args[a] == load && (u->op != MIR_Call || a != 0 || u->nargs > 2 ||
                                               u->nnames))
                        return open_op(in, &ops[0]);
            }
        return 0;
    }
    if (strcmp(s, "sum") != 0)
        return 0;
    int only_one_arg = 1;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *u = f->blocks[b]->insts[k];
            for (int a = 0; a < u->nargs; a++)
                if (u->args[a] == load && (u->op != MIR_Call || a != 0 || u->nargs != 2 ||
                                           u->nnames))
                    only_one_arg = 0;
        }
    if (only_one_arg && !some_radd(in))
        return 0;
    int opened = classes_open_name(in, "__radd__");
    if (!only_one_arg || some_radd(in))
        opened |= classes_open_name(in, "__add__");
    return opened;
}

static int verify_inst(Infer *in, const InferCtx *c, const MirInst *i)
{
    const DunderOp *d = op_of(i);
    if (d) {
        int swap;
        if (dunder_target(in, c, i, &swap))
            return 0;   /* a direct call of the clone */
        int inst = 0, dyn = 0;
        for (int a = 0; a < i->nargs; a++) {
            Ty t = infer_ty(c, i->args[a]);
            inst |= may_be_instance(t) && t.k != TY_DYN;
            dyn |= t.k == TY_DYN;
        }
        if (inst)
            return open_op(in, d);
        if (!dyn)
            return 0;
        /* a dyn operand: an instance of a class whose instances reach dyn values (leaks.c) */
        int opened = classes_open_leaking(in, d->fwd);
        if (d->rev)
            opened |= classes_open_leaking(in, d->rev);
        if (d->inp)
            opened |= classes_open_leaking(in, d->inp);
        return opened;
    }
    int opened = 0;
    if ((i->op == MIR_GetAttr || i->op == MIR_ImportFrom || i->op == MIR_NameLoad ||
         i->op == MIR_GlobalLoad) && i->str) {
        if (i->op != MIR_GlobalLoad && table_name(i->str) && !dunder_alias_load(in, c->fn, i))
            opened |= classes_open_name(in, i->str);
        opened |= open_by_builtin(in, c->fn, i);
    }
    return opened;
}

int dunder_verify(Infer *in)
{
    if (in->all_open || in->escape)
        return 0;
    return classes_each_running(in, verify_inst);
}

/* ---- isinstance ---- */

int dunder_isinstance(const Infer *in, const InferCtx *c, const MirInst *call)
{
    if (call->op != MIR_Call || call->nargs != 3 || call->nnames)
        return -1;
    Ty f = infer_ty(c, call->args[0]), x = infer_ty(c, call->args[1]),
       k = infer_ty(c, call->args[2]);
    if (f.k != TY_BUILTIN || f.bi != TB_isinstance)
        return f.k == TY_BOT ? -2 : -1;
    if (x.k == TY_BOT || k.k == TY_BOT)
        return -2;
    if (k.k == TY_CLASS && k.cls && k.cls->plain) {
        if (x.k == TY_INST && x.cls) {
            for (const InferClass *e = x.cls; e; e = e->base)
                if (e == k.cls)
                    return 1;
            return 0;
        }
        if (x.k == TY_UNION) {   /* decided when every class (and None) agrees */
            int yes = 0, no = x.un->none;
            for (int m = 0; m < x.un->n; m++) {
                int is = 0;
                for (const InferClass *e = x.un->cls[m]; e; e = e->base)
                    is |= e == k.cls;
                yes += is;
                no += !is;
            }
            return no == 0 ? 1 : yes == 0 ? 0 : -1;
        }
        /* a builtin value is never an instance of a plain class (based on object) */
        return plain_kind(x.k) ? 0 : -1;
    }
    if (k.k == TY_BUILTIN && (k.bi == TB_float || k.bi == TB_int)) {
        if (x.k == TY_INST || (x.k == TY_UNION && !x.un->none))
            return 0;   /* a plain class has no builtin base */
        if (x.k == TY_FLOAT)
            return k.bi == TB_float;
        if (x.k == TY_INT || x.k == TY_BOOL)
            return k.bi == TB_int;
        if (x.k == TY_STR || x.k == TY_NONE || x.k == TY_LIST || x.k == TY_TUPLE ||
            x.k == TY_DICT || x.k == TY_SET)
            return 0;
    }
    (void)in;
    return -1;
}

int dunder_branch(const Infer *in, const InferCtx *c, const MirInst *cbr)
{
    if (cbr->op != MIR_CondBr || cbr->nargs < 1)
        return -1;
    const MirInst *v = cbr->args[0];
    int neg = 0;
    for (int n = 0; n < 8 && v->op == MIR_Not; n++) {
        neg ^= 1;
        v = v->args[0];
    }
    if (v->op == MIR_Truthy || v->op == MIR_UnboxBool)
        v = v->args[0];
    int r = dunder_isinstance(in, c, v);
    return r < 0 ? r : r ^ neg;
}

int dunder_class_arg_ok(const InferCtx *c, const MirInst *i, int a)
{
    if (i->op != MIR_Call || i->nargs != 3 || i->nnames || a != 2 || i->args[1] == i->args[2])
        return 0;
    Ty f = infer_ty(c, i->args[0]);
    return f.k == TY_BUILTIN && f.bi == TB_isinstance;
}

/* ---- exact sets ---- */

const char *dunder_method_on(const InferCtx *c, const MirInst *call, TyKind k)
{
    if (call->op != MIR_Call || call->nnames || call->nargs < 1)
        return NULL;
    const MirInst *m = call->args[0];
    if (m->op != MIR_GetAttr || !m->str || infer_ty(c, m->args[0]).k != k)
        return NULL;
    return m->str;
}

int dunder_set_call(const InferCtx *c, const MirInst *call)
{
    static const char *const names[] = {"add", "discard", "remove"};
    const char *name = dunder_method_on(c, call, TY_SET);
    if (!name || call->nargs != 2)
        return 0;
    for (int k = 0; k < 3; k++)
        if (strcmp(name, names[k]) == 0)
            return DUNDER_SET_ADD + k;
    return 0;
}

int dunder_set_method(const char *name)
{
    return name && (strcmp(name, "add") == 0 || strcmp(name, "discard") == 0 ||
                    strcmp(name, "remove") == 0);
}

/* ---- exact lists: append(v), pop() ---- */

int dunder_list_call(const InferCtx *c, const MirInst *call)
{
    const char *name = dunder_method_on(c, call, TY_LIST);
    if (name && call->nargs == 2 && strcmp(name, "append") == 0)
        return DUNDER_LIST_APPEND;
    if (name && call->nargs == 1 && strcmp(name, "pop") == 0)
        return DUNDER_LIST_POP;
    if (name && call->nargs == 2 && strcmp(name, "pop") == 0) {
        Ty k = infer_ty(c, call->args[1]);
        if (k.k == TY_INT || k.k == TY_BOOL)
            return DUNDER_LIST_POP_AT;   /* x.pop(i): rt_list_pop's IndexError */
    }
    return 0;
}

int dunder_list_method(const char *name)
{
    return name && (strcmp(name, "append") == 0 || strcmp(name, "pop") == 0);
}

/* ---- exact dicts: get(k) and get(k, default) ---- */

int dunder_dict_get_call(const InferCtx *c, const MirInst *call)
{
    const char *name = dunder_method_on(c, call, TY_DICT);
    return name && strcmp(name, "get") == 0 && call->nargs >= 2 && call->nargs <= 3;
}

/* ---- exact strs: the character-class predicates ---- */

const char *const dunder_str_preds[] = {
    "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
    "isnumeric", "isprintable", "isspace", "istitle", "isupper", NULL};

int dunder_str_pred(const char *name)
{
    for (int k = 0; name && dunder_str_preds[k]; k++)
        if (strcmp(name, dunder_str_preds[k]) == 0)
            return k + 1;
    return 0;
}

int dunder_str_pred_call(const InferCtx *c, const MirInst *call)
{
    const char *name = dunder_method_on(c, call, TY_STR);
    return name && call->nargs == 1 ? dunder_str_pred(name) : 0;
}

/* ---- None|instance: narrowing after `x is None` / `x is not None` ---- */

/* Immediate dominators by block position (Cooper, Harvey and Kennedy), -1 for the entry and
 * unreachable blocks.  The CFG is computed. */
static int *idoms(const MirFunction *f)
{
    int n = f->nblocks;
    int *rpo = xmalloc(sizeof *rpo * (size_t)(n + 1)), *num = xmalloc(sizeof *num * (size_t)(n + 1));
    int *idom = xmalloc(sizeof *idom * (size_t)(n + 1)), *stack = xmalloc(sizeof *stack * (size_t)(n + 1));
    int *next = xcalloc((size_t)n + 1, sizeof *next), nr = 0, sp = 0;
    for (int i = 0; i < n; i++) {
        num[i] = -1;
        idom[i] = -1;
        f->blocks[i]->id = i;   /* positions (the block ids of a function are its positions
                                   until a pass reorders; restored below) */
    }
    /* iterative DFS for a postorder */
    int *post = xmalloc(sizeof *post * (size_t)(n + 1)), np = 0;
    unsigned char *seen = xcalloc((size_t)n + 1, 1);
    if (n > 0) {
        stack[sp++] = 0;
        seen[0] = 1;
    }
    while (sp > 0) {
        int b = stack[sp - 1];
        const MirBlock *bb = f->blocks[b];
        if (next[b] < bb->nsuccs) {
            const MirBlock *s = bb->succs[next[b]++];
            if (s && !seen[s->id]) {
                seen[s->id] = 1;
                stack[sp++] = s->id;
            }
        } else {
            post[np++] = b;
            sp--;
        }
    }
    for (int k = np - 1; k >= 0; k--) {
        num[post[k]] = nr;
        rpo[nr++] = post[k];
    }
    if (n > 0)
        idom[0] = 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int r = 1; r < nr; r++) {
            int b = rpo[r], nd = -1;
            const MirBlock *bb = f->blocks[b];
            for (int p = 0; p < bb->npreds; p++) {
                int q = bb->preds[p]->id;
                if (num[q] < 0 || idom[q] < 0)
                    continue;
                if (nd < 0) {
                    nd = q;
                    continue;
                }
                int x = q, y = nd;
                while (x != y) {
                    while (num[x] > num[y])
                        x = idom[x];
                    while (num[y] > num[x])
                        y = idom[y];
                }
                nd = x;
            }
            if (nd >= 0 && idom[b] != nd) {
                idom[b] = nd;
                changed = 1;
            }
        }
    }
    if (n > 0)
        idom[0] = -1;
    free(rpo);
    free(num);
    free(stack);
    free(next);
    free(post);
    free(seen);
    return idom;
}

static int dominates(const int *idom, int a, int b)
{
    for (int n = 0; b >= 0 && n < 100000; n++) {
        if (a == b)
            return 1;
        b = idom[b];
    }
    return 0;
}

/* The value x tested by cbr (through not) against None: *nonnull_first 1 when the cbr's
 * first target is the not-None side. */
static MirInst *none_test(const MirInst *cbr, int *nonnull_first)
{
    const MirInst *v = cbr->args[0];
    int neg = 0;
    for (int n = 0; n < 8 && v->op == MIR_Not; n++) {
        neg ^= 1;
        v = v->args[0];
    }
    if (v->op != MIR_Is || v->nargs != 2)
        return NULL;
    MirInst *x;
    if (v->args[1]->op == MIR_ConstNone)
        x = v->args[0];
    else if (v->args[0]->op == MIR_ConstNone)
        x = v->args[1];
    else
        return NULL;
    if (x->op == MIR_ConstNone || x->id < 0)
        return NULL;
    *nonnull_first = neg;   /* `is None` true -> first target: None there */
    return x;
}

/* The value cbr tests, through `not` (*neg: an odd number of them) and truthy. */
static MirInst *tested_value(const MirInst *cbr, int *neg)
{
    MirInst *v = cbr->args[0];
    *neg = 0;
    for (int n = 0; n < 8 && v->op == MIR_Not; n++) {
        *neg ^= 1;
        v = v->args[0];
    }
    return v->op == MIR_Truthy ? v->args[0] : v;
}

/* The value x tested by cbr as isinstance(x, K) (through not and truthy), with the global
 * names of the callee and K both plain global loads: *first_is 1 when the cbr's first target
 * is the side where the test was true.  The inference decides whether the names are the
 * builtin isinstance and a known class (or int, float) there. */
static MirInst *isinstance_test(const MirInst *cbr, int *first_is, const char **kname)
{
    int neg;
    const MirInst *v = tested_value(cbr, &neg);
    if (v->op != MIR_Call || v->nargs != 3 || v->nnames || v->args[0]->op != MIR_GlobalLoad ||
        strcmp(v->args[0]->str, "isinstance") != 0 || v->args[2]->op != MIR_GlobalLoad)
        return NULL;
    MirInst *x = v->args[1];
    if (x->id < 0 || x->op == MIR_ConstNone || x == v->args[2])
        return NULL;
    *first_is = !neg;
    *kname = v->args[2]->str;
    return x;
}

/* Inserts nv (a narrow of x) at the start of s (position sp) and makes the uses of x that s
 * dominates (phi operands: by the predecessor they come from) use it. */
static void narrow_uses(MirFunction *f, const int *idom, int sp, MirBlock *s, MirInst *x,
                        MirInst *nv)
{
    int n = f->nblocks;
    int at = 0;
    while (at < s->ninsts && s->insts[at]->op == MIR_Phi)
        at++;
    mir_block_insert(f, s, at, nv);
    for (int q = 0; q < n; q++) {
        MirBlock *qb = f->blocks[q];
        for (int k = 0; k < qb->ninsts; k++) {
            MirInst *u = qb->insts[k];
            if (u == nv)
                continue;
            for (int a = 0; a < u->nargs; a++) {
                if (u->args[a] != x)
                    continue;
                int from = q;
                if (u->op == MIR_Phi) {
                    from = -1;
                    for (int z = 0; z < n; z++)
                        if (f->blocks[z] == u->phi_blocks[a])
                            from = z;
                }
                if (from >= 0 && dominates(idom, sp, from))
                    u->args[a] = nv;
            }
        }
    }
}

/* The position of block s in f's block list, or -1. */
static int block_index(const MirFunction *f, const MirBlock *s)
{
    for (int k = 0; k < f->nblocks; k++)
        if (f->blocks[k] == s)
            return k;
    return -1;
}

/* A narrow of x (placed by narrow_uses). */
static MirInst *new_narrow(MirFunction *f, MirInst *x)
{
    MirInst *nv = mir_inst_new(f, MIR_Narrow, &x, 1, x->loc);
    nv->loc.synthetic = 1;
    nv->varname = x->varname;
    return nv;
}

/* isinstance(x, K) branches: a narrow of x (str: K's name, imm: 1 on the true side, 0 on
 * the false side) at the start of each side entered only from the test (infer.c types it). */
static void narrow_isinstance(MirFunction *f, int **idom)
{
    int n = f->nblocks;
    for (int b = 0; b < n; b++) {
        MirBlock *bb = f->blocks[b];
        MirInst *t = bb->ninsts ? bb->insts[bb->ninsts - 1] : NULL;
        int first;
        const char *kname;
        MirInst *x = t && t->op == MIR_CondBr ? isinstance_test(t, &first, &kname) : NULL;
        if (!x)
            continue;
        for (int side = 0; side < 2; side++) {
            MirBlock *s = side == 0 ? t->target : t->target2;
            if (!s || s->npreds != 1 || s == bb || t->target == t->target2)
                continue;
            if (!*idom)
                *idom = idoms(f);
            int sp = block_index(f, s);
            if (sp < 0)
                continue;
            MirInst *nv = new_narrow(f, x);
            nv->str = kname;
            nv->imm = side == 0 ? first : !first;
            narrow_uses(f, *idom, sp, s, x, nv);
        }
    }
}

/* ---- int intervals: narrowing after compares and successful indexing ---- */

/* The compare (Eq..GtE) whose result cbr tests (through not and truthy): *first_true 1 when
 * the cbr's first target is the side where it held. */
static MirInst *compare_test(const MirInst *cbr, int *first_true)
{
    int neg;
    MirInst *v = tested_value(cbr, &neg);
    if (v->op != MIR_Compare || v->imm < Cmp_Eq || v->imm > Cmp_GtE)
        return NULL;
    *first_true = !neg;
    return v;
}

/* The relation that holds where `x op y` did not (ints are totally ordered: only int
 * intervals are cut by it, infer.c) and the one that holds between y and x. */
static int cmp_negate(int op)
{
    static const int neg[] = {[Cmp_Eq] = Cmp_NotEq, [Cmp_NotEq] = Cmp_Eq, [Cmp_Lt] = Cmp_GtE,
                              [Cmp_LtE] = Cmp_Gt, [Cmp_Gt] = Cmp_LtE, [Cmp_GtE] = Cmp_Lt};
    return neg[op];
}

static int cmp_swap(int op)
{
    static const int sw[] = {[Cmp_Eq] = Cmp_Eq, [Cmp_NotEq] = Cmp_NotEq, [Cmp_Lt] = Cmp_Gt,
                             [Cmp_LtE] = Cmp_GtE, [Cmp_Gt] = Cmp_Lt, [Cmp_GtE] = Cmp_LtE};
    return sw[op];
}

/* The state of narrow_ints' walk: cur[id] the value that stands for value id in the blocks
 * the walk is in (NULL: itself); the undo log restores it when the walk leaves a subtree. */
typedef struct IntNarrow {
    MirFunction *f;
    MirInst **cur;
    int ncur;
    struct { int id; MirInst *old; } *undo;
    int nundo, capundo;
} IntNarrow;

static MirInst *cur_of(const IntNarrow *w, MirInst *v)
{
    return v->id >= 0 && v->id < w->ncur && w->cur[v->id] ? w->cur[v->id] : v;
}

/* The value a chain of this walk's narrows views (the key of cur[]). */
static MirInst *narrow_root(MirInst *v)
{
    while (v->op == MIR_NarrowCmp || v->op == MIR_NarrowIdx)
        v = v->args[0];
    return v;
}

/* A narrow (op, imm) of the current version of x at position *at of s, which stands for x
 * below; y is its second operand. */
static void push_narrow(IntNarrow *w, MirBlock *s, int *at, MirOp op, MirInst *x, MirInst *y,
                        int imm)
{
    MirInst *root = narrow_root(x);
    if (root->id < 0 || root->id >= w->ncur || root->op == MIR_ConstInt ||
        root->op == MIR_ConstBigInt || root->op == MIR_ConstFloat || root->op == MIR_ConstTrue ||
        root->op == MIR_ConstFalse || root->op == MIR_ConstNone || root->op == MIR_ConstStr)
        return;
    MirInst *args[2] = {x, y};
    MirInst *nv = mir_inst_new(w->f, op, args, 2, x->loc);
    nv->loc.synthetic = 1;
    nv->varname = root->varname;
    nv->imm = imm;
    mir_block_insert(w->f, s, (*at)++, nv);
    if (w->nundo == w->capundo) {
        w->capundo = w->capundo ? 2 * w->capundo : 64;
        w->undo = xrealloc(w->undo, sizeof *w->undo * (size_t)w->capundo);
    }
    w->undo[w->nundo].id = root->id;
    w->undo[w->nundo++].old = w->cur[root->id];
    w->cur[root->id] = nv;
}

/* The narrows at the start of s, entered only from p: by the compare p's cbr tests, or of
 * the index of the subscript whose normal successor s is. */
static void narrows_at(IntNarrow *w, MirBlock *p, MirBlock *s)
{
    int at = 0;
    while (at < s->ninsts && s->insts[at]->op == MIR_Phi)
        at++;
    MirInst *t = p->ninsts ? p->insts[p->ninsts - 1] : NULL;
    int first;
    MirInst *c = t && t->op == MIR_CondBr && t->target != t->target2 ? compare_test(t, &first)
                                                                     : NULL;
    if (c) {
        int op = (s == t->target) == first ? (int)c->imm : cmp_negate((int)c->imm);
        MirInst *x = c->args[0], *y = c->args[1];
        push_narrow(w, s, &at, MIR_NarrowCmp, x, y, op);
        push_narrow(w, s, &at, MIR_NarrowCmp, y, x, cmp_swap(op));
        return;
    }
    MirInst *g = mir_block_raiser(p);
    if (g && (g->op == MIR_GetItem || g->op == MIR_SetItem) && g->target == s)
        push_narrow(w, s, &at, MIR_NarrowIdx, g->args[1], g->args[0], 0);
}

/* The uses in b (and b's operands of its successors' phis) take the current versions. */
static void rename_uses(IntNarrow *w, MirBlock *b)
{
    for (int k = 0; k < b->ninsts; k++) {
        MirInst *u = b->insts[k];
        if (u->op == MIR_Phi || u->op == MIR_NarrowCmp || u->op == MIR_NarrowIdx)
            continue;   /* (the narrows made here read the versions above them) */
        for (int a = 0; a < u->nargs; a++)
            u->args[a] = cur_of(w, u->args[a]);
    }
    for (int q = 0; q < b->nsuccs; q++) {
        MirBlock *t = b->succs[q];
        for (int k = 0; t && k < t->ninsts && t->insts[k]->op == MIR_Phi; k++) {
            MirInst *u = t->insts[k];
            for (int a = 0; a < u->nargs; a++)
                if (u->phi_blocks[a] == b)
                    u->args[a] = cur_of(w, u->args[a]);
        }
    }
}

/* Removes the narrows nothing uses (push_narrow makes them without looking ahead). */
static void drop_unused_narrows(MirFunction *f)
{
    int n = f->nvalues;
    int *uses = xcalloc((size_t)n + 1, sizeof *uses);
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *u = f->blocks[b]->insts[k];
            for (int a = 0; a < u->nargs; a++)
                if (u->args[a]->id >= 0 && u->args[a]->id < n)
                    uses[u->args[a]->id]++;
        }
    for (int changed = 1; changed;) {
        changed = 0;
        for (int b = f->nblocks - 1; b >= 0; b--) {
            MirBlock *bb = f->blocks[b];
            for (int k = bb->ninsts - 1; k >= 0; k--) {
                MirInst *u = bb->insts[k];
                if ((u->op != MIR_NarrowCmp && u->op != MIR_NarrowIdx) || uses[u->id] > 0)
                    continue;
                for (int a = 0; a < u->nargs; a++)
                    if (u->args[a]->id >= 0 && u->args[a]->id < n && --uses[u->args[a]->id] == 0)
                        changed = 1;
                memmove(bb->insts + k, bb->insts + k + 1,
                        sizeof *bb->insts * (size_t)(bb->ninsts - k - 1));
                bb->ninsts--;
            }
        }
    }
    free(uses);
}

/* `if x < y:` and the other order compares: on each side entered only from the test, a
 * narrow of x and one of y by the relation that holds there; after `s[x]` (getitem, setitem)
 * succeeded, a narrow of x where only that edge enters.  A narrow is a copy; the inference
 * cuts int intervals with them (infer.c narrow_cmp_ty), so a loop counter bounded by its loop
 * test, or an index that just worked, stays a small int.  One walk of the dominator tree in
 * preorder, renaming uses like SSA construction does: linear in the function's size. */
static void narrow_ints(MirFunction *f, int **idom)
{
    int n = f->nblocks;
    if (n == 0)
        return;
    if (!*idom)
        *idom = idoms(f);
    const int *dom = *idom;
    int *nkids = xcalloc((size_t)n + 1, sizeof *nkids), *first = xmalloc(sizeof *first * (size_t)(n + 1));
    int *kids = xmalloc(sizeof *kids * (size_t)(n + 1));
    for (int b = 1; b < n; b++)
        if (dom[b] >= 0)
            nkids[dom[b]]++;
    for (int b = 0, at = 0; b < n; b++) {
        first[b] = at;
        at += nkids[b];
        nkids[b] = 0;
    }
    for (int b = 1; b < n; b++)
        if (dom[b] >= 0)
            kids[first[dom[b]] + nkids[dom[b]]++] = b;
    IntNarrow w = {.f = f, .ncur = f->nvalues};
    w.cur = xcalloc((size_t)w.ncur + 1, sizeof *w.cur);
    /* iterative preorder walk; stack entries: block, next child, undo mark */
    int (*stack)[3] = xmalloc(sizeof *stack * (size_t)(n + 1)), sp = 0;
    stack[sp][0] = 0;
    stack[sp][1] = 0;
    stack[sp++][2] = 0;
    rename_uses(&w, f->blocks[0]);
    while (sp > 0) {
        int b = stack[sp - 1][0];
        if (stack[sp - 1][1] == nkids[b]) {
            while (w.nundo > stack[sp - 1][2]) {
                w.nundo--;
                w.cur[w.undo[w.nundo].id] = w.undo[w.nundo].old;
            }
            sp--;
            continue;
        }
        int c = kids[first[b] + stack[sp - 1][1]++];
        MirBlock *cb = f->blocks[c];
        stack[sp][0] = c;
        stack[sp][1] = 0;
        stack[sp++][2] = w.nundo;
        if (cb->npreds == 1 && cb->preds[0] == f->blocks[b] && cb != f->blocks[b])
            narrows_at(&w, f->blocks[b], cb);
        rename_uses(&w, cb);
    }
    free(stack);
    free(w.cur);
    free(w.undo);
    free(nkids);
    free(first);
    free(kids);
    drop_unused_narrows(f);
}

static void narrow_fn(MirFunction *f)
{
    mir_compute_cfg(f);
    int n = f->nblocks;
    int *saved = xmalloc(sizeof *saved * (size_t)(n + 1));
    for (int b = 0; b < n; b++)
        saved[b] = f->blocks[b]->id;
    int *idom = NULL;
    for (int b = 0; b < n; b++) {
        MirBlock *bb = f->blocks[b];
        MirInst *t = bb->ninsts ? bb->insts[bb->ninsts - 1] : NULL;
        int first;
        MirInst *x = t && t->op == MIR_CondBr ? none_test(t, &first) : NULL;
        if (!x)
            continue;
        MirBlock *s = first ? t->target : t->target2;
        if (!s || s->npreds != 1 || s == bb)
            continue;
        if (!idom)
            idom = idoms(f);
        int sp = block_index(f, s);
        if (sp < 0)
            continue;
        MirInst *nv = new_narrow(f, x);
        narrow_uses(f, idom, sp, s, x, nv);
    }
    narrow_isinstance(f, &idom);
    narrow_ints(f, &idom);
    for (int b = 0; b < n; b++)
        f->blocks[b]->id = saved[b];
    free(saved);
    free(idom);
}

void dunder_narrow(MirProgram *p)
{
    for (int i = 0; i < p->nfuncs; i++)
        if (p->funcs[i]->nblocks > 0 && p->funcs[i]->is_ssa)
            narrow_fn(p->funcs[i]);
}
