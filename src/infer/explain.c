/*
 * explain.c - reports of the typed tier: `aithon explain` (per function and specialisation:
 * the types of parameters, locals and result, and every operation that stays dynamic with a
 * reason code from reasons.def and its location) and `aithon check --types` (a .pyi stub of
 * the inferred signatures).  Both read the inference result only (before specialisation); the
 * "stays dynamic" rules mirror specialize.c's choices.
 */
#include <string.h>

#include "infer.h"

enum {
    R_NONE,   /* typed: not reported */
#define REASON(code, desc) R_##code,
#include "reasons.def"
#undef REASON
    R__COUNT
};
static const char *const reason_code[R__COUNT] = {
    "",
#define REASON(code, desc) #code,
#include "reasons.def"
#undef REASON
};

static int in_file(const MirFunction *f, const char *file)
{
    return !file || (f->file && strcmp(f->file, file) == 0);
}

static const char *kind_name(TyKind k)
{
    static const char *const n[] = {"bottom", "int", "float", "bool", "None", "str", "list",
                                    "tuple", "dict", "function", "class", "module", "instance",
                                    "range", "range_iterator", "builtin", "cell", "method",
                                    "list_iterator", "zip", "enumerate", "tuple", "zip", "tuple",
                                    "instance|None", "set", "int|float", "union of instances",
                                    "method", "float|None", "super", "tuple_iterator",
                                    "tuple|None", "dyn"};
    _Static_assert(sizeof n / sizeof n[0] == TY_DYN + 1, "a name for every kind");
    return n[k];
}

static int block_pos(const MirFunction *f, const MirBlock *b)
{
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i] == b)
            return i;
    return -1;
}

/* A name for value v in messages. */
static void describe(const MirInst *v, char *buf, size_t n)
{
    if (v->varname)
        snprintf(buf, n, "%s", v->varname);
    else if (v->op == MIR_Param && v->str)
        snprintf(buf, n, "%s", v->str);
    else if (v->op == MIR_GlobalLoad || v->op == MIR_CheckBound)
        snprintf(buf, n, "%s", v->str ? v->str : "?");
    else if (v->op == MIR_GetAttr)
        snprintf(buf, n, "the attribute .%s (line %d)", v->str, v->loc.line);
    else
        snprintf(buf, n, "the %s at line %d", mir_ops[v->op].text, v->loc.line);
}

/* The items of list (or list iterator) type t are dyn: why (D112), with the list's name. */
static int why_items(const Infer *in, const MirInst *list, Ty t, char *msg, size_t n)
{
    char name[160];
    describe(list, name, sizeof name);
    Loc loc = {0};
    const char *why = elems_why(in, t, &loc);
    if (why)
        snprintf(msg, n, "the items of %s have an unknown type: %s (line %d)", name, why,
                 loc.line);
    else
        snprintf(msg, n, "the items of %s have an unknown type", name);
    return R_D112;
}

/* Why is operand v dyn here?  Fills msg; returns the reason. */
/* iter / iter.next i of a for loop over a generator that a typed copy of a generator
 * function makes (InferCtx.gencall): the generator protocol remains, the items are typed. */
static int gen_loop_msg(const InferCtx *c, const MirInst *i, char *msg, size_t n)
{
    const MirInst *call = i->op == MIR_IterNext && i->args[0]->op == MIR_GetIter
                              ? i->args[0]->args[0] : i->args[0];
    if (call->op != MIR_Call || call->id < 0 || call->id >= c->nvals)
        return 0;
    const InferCtx *t = c->callee[call->id];
    if (!t || !t->gencall)
        return 0;
    char yb[96];
    if (i->op == MIR_IterNext)
        snprintf(msg, n, "resumes the generator of %s (specialisation %d): its items are %s",
                 t->fn->qualname, t->index, ty_str(infer_ty(c, i), yb, sizeof yb));
    else
        snprintf(msg, n, "a generator of %s (specialisation %d)", t->fn->qualname, t->index);
    return 1;
}

/* The value a chain of narrows (dunder.c: copies where a test held) views. */
static const MirInst *unnarrow(const MirInst *v)
{
    while (v->op == MIR_Narrow || v->op == MIR_NarrowCmp || v->op == MIR_NarrowIdx)
        v = v->args[0];
    return v;
}

/* Why v is dyn, following the operand that made it so.  Loop-carried phis
 * can lead back to themselves, so the walk gives up after a fixed depth. */
static int why_dyn_at(const Infer *in, const InferCtx *c, const MirInst *v, char *msg,
                      size_t n, int depth)
{
    char name[160];
    describe(v, name, sizeof name);
    if (depth > 32) {
        snprintf(msg, n, "%s has an unknown type", name);
        return R_D100;
    }
    if ((v->op == MIR_CheckBound || v->op == MIR_NarrowCmp || v->op == MIR_NarrowIdx) &&
        v->nargs)
        return why_dyn_at(in, c, v->args[0], msg, n, depth + 1);
    if (v->op == MIR_GetAttr && infer_ty(c, v->args[0]).k == TY_INST) {
        const InferClass *cls = infer_ty(c, v->args[0]).cls;
        const MirFunction *sf = NULL;
        const MirInst *st = cls ? classes_dyn_store(in, cls, v->str, &sf) : NULL;
        if (in->escape)
            snprintf(msg, n, "attribute %s.%s: every attribute is dyn (the program uses %s)",
                     infer_class_name(cls), v->str, in->escape);
        else if (st)
            snprintf(msg, n, "attribute %s.%s is dyn: stored with another or an unknown type "
                     "at line %d (%s)", infer_class_name(cls), v->str, st->loc.line,
                     sf ? sf->qualname : "?");
        else
            snprintf(msg, n, "attribute %s.%s is a class attribute, a dunder, or may be bound "
                     "on the class", infer_class_name(cls), v->str);
        return R_D110;
    }
    if (v->op == MIR_Phi) {
        char kinds[200] = "", lines[200] = "";
        unsigned seen = 0;
        int nk = 0, nl = 0;
        for (int a = 0; a < v->nargs; a++) {
            int p = block_pos(c->fn, v->phi_blocks[a]);
            if (p < 0 || !c->reached[p])
                continue;
            Ty t = infer_ty(c, v->args[a]);
            if (t.k == TY_BOT)
                continue;
            if (!(seen & (1u << t.k))) {
                seen |= 1u << t.k;
                size_t l = strlen(kinds);
                snprintf(kinds + l, sizeof kinds - l, "%s%s", nk++ ? "|" : "", kind_name(t.k));
            }
            const MirInst *d = unnarrow(v->args[a]);
            if (nl < 4 && !d->loc.synthetic) {
                size_t l = strlen(lines);
                snprintf(lines + l, sizeof lines - l, "%sline %d", nl++ ? " and " : "",
                         d->loc.line);
            }
        }
        if (nk > 1) {
            snprintf(msg, n, "%s is %s here%s%s%s", name, kinds, nl ? " (assigned at " : "",
                     lines, nl ? ")" : "");
            return R_D101;
        }
        /* Prefer an operand that is not itself a phi: nested loops join
         * their accumulators through phis that point at each other. */
        for (int pass = 0; pass < 2; pass++)
            for (int a = 0; a < v->nargs; a++)
                if (infer_ty(c, v->args[a]).k == TY_DYN && v->args[a] != v &&
                    (v->args[a]->op == MIR_Phi) == pass)
                    return why_dyn_at(in, c, v->args[a], msg, n, depth + 1);
    }
    if ((v->op == MIR_GetItem || v->op == MIR_IterNext) && v->nargs >= 1) {
        Ty l = infer_ty(c, v->args[0]);
        if (l.k == TY_LIST || l.k == TY_LISTITER)
            return why_items(in, v->args[0], l, msg, n);
    }
    if (v->op == MIR_Param) {
        snprintf(msg, n, "%s is a parameter of the %s", name,
                 c->index ? "specialisation (an argument of unknown type)"
                          : "generic version (called with unknown arguments)");
        return R_D100;
    }
    if (v->op == MIR_GlobalLoad) {
        const InferGlobal *g = infer_global(in, c->fn->module, v->str);
        if (g && g->unstable) {
            snprintf(msg, n, "global %s may be rebound: %s%s", v->str, g->why ? g->why : "",
                     g->why_loc.line ? "" : "");
            return R_D106;
        }
        for (int k = 0; k < in->nclasses; k++) {
            const InferClass *cls = in->classes[k];
            if (cls->mod == c->fn->module && !cls->plain && strcmp(cls->qualname, v->str) == 0) {
                snprintf(msg, n, "class %s is not a known plain class: %s", v->str,
                         in->escape && cls->why == in->escape ? "a dynamic escape"
                                                              : cls->why ? cls->why : "?");
                return R_D111;
            }
        }
        snprintf(msg, n, "global %s has an unknown type", v->str);
        return R_D100;
    }
    if (v->op == MIR_Call) {
        Ty callee = infer_ty(c, v->args[0]);
        if (callee.k != TY_FUNC && callee.k != TY_BUILTIN) {
            snprintf(msg, n, "%s: result of a call of an unknown callee", name);
            return R_D103;
        }
    }
    /* An unnamed temporary is dyn because of an operand; a named result
     * (total += f()) is explained by an operand that is not the variable's
     * own loop phi. */
    if (v->op == MIR_BinOp || v->op == MIR_InplaceOp || v->op == MIR_UnaryOp)
        for (int a = 0; a < v->nargs; a++)
            if (infer_ty(c, v->args[a]).k == TY_DYN &&
                (!v->varname || v->args[a]->op != MIR_Phi))
                return why_dyn_at(in, c, v->args[a], msg, n, depth + 1);
    snprintf(msg, n, "%s has an unknown type", name);
    return R_D100;
}

static int why_dyn(const Infer *in, const InferCtx *c, const MirInst *v, char *msg, size_t n)
{
    return why_dyn_at(in, c, v, msg, n, 0);
}

static int num(Ty t) { return t.k == TY_INT || t.k == TY_FLOAT; }

/* Does inst stay dynamic in context c?  0 = typed; else the reason (msg filled). */
static int uses_of(const MirFunction *f, const MirInst *x)
{
    int n = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++)
            for (int a = 0; a < f->blocks[b]->insts[k]->nargs; a++)
                n += f->blocks[b]->insts[k]->args[a] == x;
    return n;
}

/* Is iter.next x (over enumerate(list)) stepped inline?  specialize.c's enum_unpack: its pair
 * goes only to the unpack.seq 2 opening its body, whose items only to tuple.item there. */
static int zip_loop_iter(const InferCtx *c, const MirInst *it);

/* Is this zip or enumerate call one that a counted loop drops? */
static int zip_call_counted(const InferCtx *c, const MirInst *call)
{
    const MirFunction *f = c->fn;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *it = f->blocks[b]->insts[k];
            if (it->op == MIR_GetIter && it->args[0] == call && zip_loop_iter(c, it))
                return 1;
        }
    return 0;
}

/* Is this iter of a zip or enumerate that a counted loop drops (spec_zip_unpack)? */
static int zip_loop_iter(const InferCtx *c, const MirInst *it)
{
    const MirFunction *f = c->fn;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *x = f->blocks[b]->insts[k];
            if (x->op == MIR_IterNext && x->args[0] == it && spec_zip_unpack(c, c->fn, x))
                return 1;
        }
    return 0;
}

static int enum_fused(const MirFunction *f, const MirInst *x)
{
    const MirBlock *body = x->target;
    if (!body || body->ninsts < 1 || body->npreds != 1)
        return 0;
    const MirInst *u = body->insts[0];
    if (u->op != MIR_UnpackSeq || u->imm != 2 || u->args[0] != x || !u->target)
        return 0;
    int xuses = 0, uuses = 0, items = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++) {
                xuses += i->args[a] == x;
                uuses += i->args[a] == u;
                items += i->args[a] == u && i->op == MIR_TupleItem && f->blocks[b] == u->target;
            }
        }
    return xuses == 1 && uuses == items;
}

/* o.m(...) on a union (classes.c classes_ucall_ty): dispatched on the class; the classes whose
 * method has no specialised context take the generic call (D105), named. */
static int union_call_why(const Infer *in, const InferCtx *c, const MirInst *i, char *msg,
                          size_t n)
{
    Ty o = infer_ty(c, i->args[0]->args[0]);
    if (o.k != TY_UNION)
        return 0;
    size_t used = 0;
    int generic = 0;
    for (int k = 0; k < o.un->n; k++) {
        const InferCtx *t = classes_ucallee(c, i, k);
        if (t && t->index > 0)
            continue;
        used += (size_t)snprintf(msg + used, used < n ? n - used : 0, "%s%s",
                                 generic++ ? ", " : "", infer_class_name(o.un->cls[k]));
    }
    if (!generic || used >= n)
        return 0;
    snprintf(msg + used, n - used, ": .%s of %s through the generic call", i->args[0]->str,
             generic > 1 ? "these classes" : "this class");
    (void)in;
    return R_D105;
}

/* o.x on a union: a slot shared by every class (specialize.c rewrite_slot), else the generic
 * getattr. */
static int union_attr_why(const Infer *in, const InferCtx *c, const MirInst *i, Ty a, Ty r,
                          char *msg, size_t n)
{
    char name[160], tb[64], ub[160];
    describe(i->args[0], name, sizeof name);
    if (a.un->none) {
        snprintf(msg, n, "%s is %s here (not tested against None)", name,
                 ty_str(a, tb, sizeof tb));
        return R_D101;
    }
    if (r.k == TY_DYN)
        return why_dyn(in, c, i, msg, n);
    int k0 = -1, f0 = 0, shared = r.k != TY_BOT;
    for (int m = 0; m < a.un->n && shared; m++) {
        int f, k = layout_slot(in, a.un->cls[m], i->str, &f);
        shared = k >= 0 && (m == 0 || (k == k0 && f == f0));
        k0 = k;
        f0 = f;
    }
    if (shared)
        return 0;   /* one slot for every class */
    snprintf(msg, n, "%s.%s: %s, read through the generic getattr (no slot shared by %s)",
             name, i->str, ty_str(r, tb, sizeof tb), ty_str(a, ub, sizeof ub));
    return R_D109;
}

/* Is getattr g used only as the callee of x.append(v) / x.pop() calls (which drop it)? */
static int only_list_callee(const InferCtx *c, const MirInst *g)
{
    const MirFunction *f = c->fn;
    int uses = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a] == g) {
                    if (a != 0 || !dunder_list_call(c, i))
                        return 0;
                    uses++;
                }
        }
    return uses > 0;
}

/* The symbol of an int operator with a tagged form besides + - * (specialize.c), or NULL. */
static const char *int_op_symbol(int op)
{
    switch (op) {
    case Op_FloorDiv: return "//";
    case Op_Mod: return "%";
    case Op_BitAnd: return "&";
    case Op_BitOr: return "|";
    case Op_BitXor: return "^";
    case Op_RShift: return ">>";
    case Op_LShift: return "<<";
    default: return NULL;
    }
}

static int stays_dynamic(const Infer *in, const InferCtx *c, const MirInst *i, char *msg,
                         size_t n)
{
    Ty r = infer_ty(c, i);
    Ty a = i->nargs > 0 ? infer_ty(c, i->args[0]) : ty_dyn();
    Ty b = i->nargs > 1 ? infer_ty(c, i->args[1]) : ty_dyn();
    msg[0] = 0;
    int f64 = 0;
    int swap;
    if (dunder_target(in, c, i, &swap))
        return 0;   /* a direct call of the operator dunder's clone (dunder.c) */
    if (r.k == TY_SUPER || (i->op == MIR_GetAttr && a.k == TY_SUPER && r.k == TY_METHOD))
        return 0;   /* super().m: its call reports whether it is direct (classes.c) */
    if (dunder_set_call(c, i) || (i->op == MIR_Compare && b.k == TY_SET &&
                                  (i->imm == Cmp_In || i->imm == Cmp_NotIn)) ||
        (i->op == MIR_GetAttr && a.k == TY_SET && dunder_set_method(i->str)))
        return 0;   /* the runtime's set functions, called directly */
    if (dunder_str_pred_call(c, i) || (i->op == MIR_GetAttr && a.k == TY_STR &&
                                        dunder_str_pred(i->str)))
        return 0;   /* str.pred */
    if (dunder_dict_get_call(c, i) ||
        (i->op == MIR_GetAttr && a.k == TY_DICT && strcmp(i->str, "get") == 0))
        return 0;   /* dict.get */
    if (dunder_list_call(c, i) || (i->op == MIR_GetAttr && a.k == TY_LIST &&
                                   dunder_list_method(i->str) && only_list_callee(c, i)))
        return 0;   /* list.append inline, list.pop through the runtime */
    switch (i->op) {
    case MIR_BinOp:
    case MIR_InplaceOp:
    case MIR_Compare:
        if (i->op == MIR_Compare && a.k == TY_STR && b.k == TY_STR &&
            (i->imm == Cmp_Eq || i->imm == Cmp_NotEq))
            return 0;   /* str.eq */
        if (i->op != MIR_Compare && r.k == TY_FLOAT && (a.k == TY_NUM || b.k == TY_NUM) &&
            (a.k == TY_FLOAT || b.k == TY_FLOAT))
            return 0;   /* the int|float operand converts inline (num.tofloat) */
        if (i->op == MIR_BinOp && r.k == TY_FLOAT && (a.k == TY_OPTF || b.k == TY_OPTF) &&
            (i->imm == Op_Add || i->imm == Op_Sub || i->imm == Op_Mult || i->imm == Op_Div) &&
            (a.k == TY_FLOAT || a.k == TY_OPTF || ty_int_small(a)) &&
            (b.k == TY_FLOAT || b.k == TY_OPTF || ty_int_small(b)))
            return 0;   /* optf.check, then float arithmetic (specialize.c) */
        if (i->op == MIR_BinOp && i->imm == Op_Mult && r.k == TY_LIST &&
            (a.k == TY_LIST || b.k == TY_LIST))
            return 0;   /* list.repeat (specialize.c) */
        if (i->op != MIR_Compare && r.k == TY_INT &&
            (i->imm == Op_Add || i->imm == Op_Sub || i->imm == Op_Mult)) {
            if (a.k == TY_BOOL)   /* the bool as 0 or 1 (specialize.c int_operand) */
                a = ty_int(0, 1);
            if (b.k == TY_BOOL)
                b = ty_int(0, 1);
        }
        if (num(a) && num(b) && (r.k == TY_INT || r.k == TY_FLOAT || r.k == TY_BOOL)) {
            int op = (int)i->imm;
            if (i->op == MIR_Compare || (r.k == TY_FLOAT && (a.k == TY_FLOAT || b.k == TY_FLOAT))) {
                if (i->op != MIR_Compare && op == Op_Pow && !(a.k == TY_FLOAT && b.k == TY_INT)) {
                    snprintf(msg, n, "** with a float exponent may give a complex");
                    return R_D102;
                }
                return 0;   /* + - * / // % and float ** int */
            }
            if (op == Op_Add || op == Op_Sub || op == Op_Mult) {
                if (!ty_int_small(r)) {
                    char ra[64], rb[64];
                    snprintf(msg, n, "%s %s %s", ty_str(a, ra, sizeof ra),
                             op == Op_Add ? "+" : op == Op_Sub ? "-" : "*",
                             ty_str(b, rb, sizeof rb));
                    return R_D108;
                }
                return 0;
            }
            if ((op == Op_FloorDiv || op == Op_Mod || op == Op_Div) && ty_int_small(a) &&
                ty_int_small(b))
                return 0;
            if (op == Op_Div && r.k == TY_FLOAT) {   /* int.truediv on the tagged ints */
                char ra[64], rb[64];
                snprintf(msg, n, "%s / %s", ty_str(a, ra, sizeof ra), ty_str(b, rb, sizeof rb));
                return R_D108;
            }
            if (op == Op_Pow && ty_int_small(a) && ty_int_small(r) && b.lo == b.hi &&
                b.lo >= 1 && b.lo <= 8)
                return 0;   /* products */
            const char *sym = int_op_symbol(op);
            if (sym && (op == Op_FloorDiv || op == Op_Mod ||
                        !(ty_int_small(a) && ty_int_small(b) && ty_int_small(r) &&
                          (op != Op_RShift || b.lo >= 0) &&
                          (op != Op_LShift || (b.lo >= 0 && b.hi <= 62))))) {
                char ra[64], rb[64];   /* the tagged op (specialize.c rewrite_bitop) */
                snprintf(msg, n, "%s %s %s", ty_str(a, ra, sizeof ra), sym, ty_str(b, rb, sizeof rb));
                return R_D108;
            }
            if (sym)
                return 0;   /* i.bit */
            snprintf(msg, n, "int operator %d on these ranges", op);
            return R_D102;
        }
        if (a.k == TY_DYN)
            return why_dyn(in, c, i->args[0], msg, n);
        if (b.k == TY_DYN)
            return why_dyn(in, c, i->args[1], msg, n);
        snprintf(msg, n, "%s on %s and %s", mir_ops[i->op].text, kind_name(a.k), kind_name(b.k));
        return R_D102;
    case MIR_Truthy:
        if (num(a) || a.k == TY_BOOL || a.k == TY_LIST || a.k == TY_SET || a.k == TY_STR ||
            a.k == TY_DICT)
            return 0;
        if (a.k == TY_DYN)
            return why_dyn(in, c, i->args[0], msg, n);
        snprintf(msg, n, "truth value of %s", kind_name(a.k));
        return R_D107;
    case MIR_UnaryOp:
        if (a.k == TY_INT && i->imm != UnOp_Not && i->imm != UnOp_UAdd && !ty_int_small(a)) {
            char ra[64];   /* 0 - x and x ^ -1 on the tagged int */
            snprintf(msg, n, "%s%s", i->imm == UnOp_USub ? "-" : "~", ty_str(a, ra, sizeof ra));
            return R_D108;
        }
        if (a.k == TY_INT && i->imm == UnOp_Invert)
            return 0;
        if (num(a) && i->imm != UnOp_Invert && i->imm != UnOp_Not)
            return 0;
        if (a.k == TY_DYN)
            return why_dyn(in, c, i->args[0], msg, n);
        snprintf(msg, n, "unary operator on %s", kind_name(a.k));
        return R_D102;
    case MIR_Call: {
        if (a.k == TY_UMETHOD)
            return union_call_why(in, c, i, msg, n);
        if (a.k == TY_CLASS || a.k == TY_METHOD) {
            const InferCtx *t = i->id < c->nvals ? c->mcallee[i->id] : NULL;
            const char *what = a.k == TY_CLASS ? "__init__ of " : "";
            const char *who = a.k == TY_CLASS ? infer_class_name(a.cls)
                                              : a.fn ? a.fn->qualname : "?";
            int other = 0;
            if (a.k == TY_METHOD && t && t->index > 0 && !i->nnames)
                return 0;
            if (a.k == TY_CLASS && !i->nnames && t && t->index > 0 &&
                (t->ret.k == TY_NONE || t->ret.k == TY_BOT))
                return 0;
            if (a.k == TY_CLASS && !i->nnames && i->nargs == 1 &&
                !classes_lookup(in, a.cls, "__init__", &other) && !other)
                return 0;
            if (t && t->index == 0) {
                snprintf(msg, n, "%s%s", what, who);
                return R_D105;
            }
            if (a.k == TY_CLASS && t) {
                snprintf(msg, n, "__init__ of %s may return something else than None", who);
                return R_D102;
            }
            snprintf(msg, n, "call of %s%s: keywords, defaults, *args, a closure or a hook",
                     what, who);
            return R_D104;
        }
        if (a.k == TY_BUILTIN) {
            if (a.bi == TB_range && r.k == TY_RANGE)
                return 0;   /* a counted loop when its iterator has no other use */
            if ((a.bi == TB_zip || a.bi == TB_enumerate) && zip_call_counted(c, i))
                return 0;   /* a counted zip/enumerate loop's (spec_zip_unpack): never made */
            if ((a.bi == TB_zip || a.bi == TB_range) && spec_iter_passed(in, c, i))
                return 0;   /* its lists or bounds go to a clone instead (skip_iter) */
            if (a.bi == TB_math_sqrt && r.k == TY_FLOAT)
                return 0;
            if (infer_numeric_builtin(c, i))
                return 0;   /* abs/min/max/int/float inline */
            if (a.bi == TB_isinstance && dunder_isinstance(in, c, i) >= 0)
                return 0;   /* decided by the types: a constant */
            if (a.bi == TB_list && i->nargs == 2 && !i->nnames &&
                infer_ty(c, i->args[1]).k == TY_LIST)
                return 0;   /* list(x) of an exact list: the copy x[:] (list.slice) */
            if (a.bi == TB_set && i->nargs == 1 && !i->nnames)
                return 0;   /* set(): an empty set display */
            if (a.bi == TB_len && i->nargs == 2 && (infer_ty(c, i->args[1]).k == TY_LIST ||
                                                    infer_ty(c, i->args[1]).k == TY_SET ||
                                                    infer_ty(c, i->args[1]).k == TY_STR))
                return 0;
            if ((a.bi == TB_any || a.bi == TB_all || a.bi == TB_min || a.bi == TB_max) &&
                consume_gen_call(i) && i->id < c->nvals &&
                c->callee[i->id])
                return 0;   /* a consumer clone runs it (printed below) */
            if (a.bi == TB_sum && consume_gen_call(i)) {
                if (i->id < c->nvals && c->callee[i->id])
                    return 0;   /* a consumer clone runs it (printed below) */
                const MirInst *g = consume_gen_call(i);
                InferCtx *gc = g->id < c->nvals ? c->callee[g->id] : NULL;
                char yb[96];
                if (gc && gc->genconv) {
                    snprintf(msg, n, "sum over a generator expression without a consumer clone: "
                             "its items are %s (float or int needed)",
                             ty_str(gc->yield, yb, sizeof yb));
                    return R_D107;
                }
            }
            for (int k = 1; k < i->nargs; k++)
                if (infer_ty(c, i->args[k]).k == TY_DYN)
                    return why_dyn(in, c, i->args[k], msg, n);
            snprintf(msg, n, "builtin %s is called through the runtime", ty_builtin_names[a.bi]);
            return R_D107;
        }
        if (a.k == TY_FUNC) {
            InferCtx *t = i->id < c->nvals ? c->callee[i->id] : NULL;
            if (t && t->index > 0)
                return 0;
            for (int k = 1; t && k < i->nargs; k++)
                if (infer_ty(c, i->args[k]).k == TY_DYN) {
                    int why = why_dyn(in, c, i->args[k], msg, n);
                    size_t l = strlen(msg);
                    snprintf(msg + l, n - l, " (argument %d of %s: the generic version is called)",
                             k, t->fn->qualname);
                    return why;
                }
            if (t) {
                snprintf(msg, n, "%s", t->fn->qualname);
                return R_D105;
            }
            snprintf(msg, n, "call of %s", a.fn->qualname);
            return R_D104;
        }
        if (i->args[0]->op == MIR_GetAttr) {
            snprintf(msg, n, "method call .%s", i->args[0]->str);
            return R_D103;
        }
        {
            int why = why_dyn(in, c, i->args[0], msg, n);
            return why == R_D106 || why == R_D111 ? why : R_D103;
        }
    }
    case MIR_GlobalLoad:
        if (infer_load_safe(in, c->fn, i))
            return 0;
        {
            const InferGlobal *g = infer_global(in, c->fn->module, i->str);
            if (g && g->unstable) {
                snprintf(msg, n, "global %s: %s", i->str, g->why);
                return R_D106;
            }
            if (!g)
                snprintf(msg, n, "%s: a builtin the inference does not know (builtins.def)",
                         i->str);
            else if (g->nstores > 1)
                snprintf(msg, n, "global %s: looked up at run time (bound %d times at module "
                         "level)", i->str, g->nstores);
            else
                snprintf(msg, n, "global %s: looked up at run time (may not be bound yet)",
                         i->str);
            return R_D107;
        }
    case MIR_GetIter:
    case MIR_IterNext:
        if (a.k == TY_RANGE || a.k == TY_RANGEITER || (i->op == MIR_GetIter && a.k == TY_LIST))
            return 0;
        if (i->op == MIR_IterNext && a.k == TY_LISTITER)
            return r.k == TY_DYN ? why_items(in, i->args[0], a, msg, n) : 0;
        if (i->op == MIR_IterNext && a.k == TY_ENUM && enum_fused(c->fn, i))
            return 0;   /* enum.next / enum.item (specialize.c) */
        if (i->op == MIR_IterNext && a.k == TY_ZIP && c->index > 0 && consume_mode(c->fn) &&
            consume_zip(c) && i->args[0]->op == MIR_Param)
            return 0;   /* the consumer clone counts over the two lists */
        if (i->op == MIR_IterNext && (a.k == TY_ZIP || a.k == TY_ENUM || a.k == TY_DYN) &&
            spec_zip_unpack(c, c->fn, i))
            return 0;   /* a counted loop over the lists (specialize.c; enumerate(x, start)
                           is untyped) */
        if (i->op == MIR_GetIter && zip_loop_iter(c, i))
            return 0;
        if (i->op == MIR_GetIter && spec_iter_passed(in, c, i))
            return 0;   /* a clone takes the lists or bounds behind it instead (skip_iter) */
        if (gen_loop_msg(c, i, msg, n))
            return R_D107;
        if (a.k == TY_DYN)
            return why_dyn(in, c, i->args[0], msg, n);
        snprintf(msg, n, "iteration over %s", kind_name(a.k));
        return R_D107;
    case MIR_GetItem: case MIR_SetItem:
        if (a.k == TY_DICT)
            return 0;   /* dict.getitem / dict.setitem */
        if (i->op == MIR_GetItem && a.k == TY_STR && b.k == TY_INT)
            return 0;   /* str.item */
        if (a.k == TY_LIST && ty_int_small(b))
            return i->op == MIR_GetItem && r.k == TY_DYN ? why_items(in, i->args[0], a, msg, n)
                                                         : 0;
        if (a.k == TY_DYN)
            return why_dyn(in, c, i->args[0], msg, n);
        if (a.k == TY_LIST && i->args[1]->op == MIR_BuildSlice && uses_of(c->fn, i->args[1]) == 1)
            return 0;   /* list.slice / list.setslice: no slice object */
        if (a.k == TY_LIST && b.k == TY_DYN)
            return why_dyn(in, c, i->args[1], msg, n);
        if (a.k == TY_LIST && b.k == TY_INT) {   /* list.get.t / list.set.t */
            char tb[64];
            snprintf(msg, n, "index %s not proven small: inline after a tag test",
                     ty_str(b, tb, sizeof tb));
            return R_D108;
        }
        snprintf(msg, n, "%s on %s", mir_ops[i->op].text, kind_name(a.k));
        return R_D107;
    case MIR_GetAttr:
        if (r.k == TY_BUILTIN || r.k == TY_METHOD || r.k == TY_UMETHOD)
            return 0;   /* the method: its call reports whether it is direct */
        if (a.k == TY_UNION)
            return union_attr_why(in, c, i, a, r, msg, n);
        if (a.k == TY_INST && r.k == TY_DYN)
            return why_dyn(in, c, i, msg, n);
        if (a.k == TY_INST && r.k != TY_BOT && layout_slot(in, a.cls, i->str, &f64) >= 0)
            return 0;   /* a slot of the fixed layout (layout.c) */
        if (a.k == TY_INST) {
            char name[160], tb[64];
            describe(i->args[0], name, sizeof name);
            if (r.k == TY_BOT)
                snprintf(msg, n, "%s.%s is never stored: AttributeError at run time", name,
                         i->str);
            else
                snprintf(msg, n, "%s.%s: %s, read from the instance dict", name, i->str,
                         ty_str(r, tb, sizeof tb));
            return R_D109;
        }
        if (a.k == TY_CLASS) {
            snprintf(msg, n, "attribute %s of class %s", i->str, infer_class_name(a.cls));
            return R_D107;
        }
        if (a.k == TY_OPT && a.cls && r.k != TY_BOT && layout_slot(in, a.cls, i->str, &f64) >= 0)
            return r.k == TY_DYN ? why_dyn(in, c, i, msg, n) : 0;   /* the slot after a None
                                                                       test (codegen.c) */
        if (a.k == TY_OPT) {   /* no `is None` test dominates this use (dunder.c) */
            char name[160], tb[64];
            describe(i->args[0], name, sizeof name);
            snprintf(msg, n, "%s is %s here (not tested against None)", name,
                     ty_str(a, tb, sizeof tb));
            return R_D101;
        }
        /* fall through */
    case MIR_SetAttr:
        if (i->op == MIR_SetAttr && a.k == TY_UNION && !a.un->none) {
            int k0 = -1, f0 = 0, shared = 1;
            for (int m = 0; m < a.un->n && shared; m++) {
                int f, k = layout_slot(in, a.un->cls[m], i->str, &f);
                shared = k >= 0 && (m == 0 || (k == k0 && f == f0)) && (!f || b.k == TY_FLOAT);
                k0 = k;
                f0 = f;
            }
            if (shared)
                return 0;   /* one slot for every class (specialize.c rewrite_slot) */
        }
        if (i->op == MIR_SetAttr && (a.k == TY_INST || (a.k == TY_OPT && a.cls)) &&
            layout_slot(in, a.cls, i->str, &f64) >= 0 &&
            (!f64 || b.k == TY_FLOAT || b.k == TY_BOT))
            return 0;   /* a slot of the fixed layout (layout.c) */
        if (i->op == MIR_SetAttr && a.k == TY_INST) {
            char name[160], tb[64];
            describe(i->args[0], name, sizeof name);
            snprintf(msg, n, "%s.%s = %s, stored in the instance dict (boxed)", name, i->str,
                     ty_str(b, tb, sizeof tb));
            return R_D109;
        }
        /* fall through */
    case MIR_DelItem: case MIR_CallEx:
        if (a.k == TY_DYN)
            return why_dyn(in, c, i->args[0], msg, n);
        snprintf(msg, n, "%s on %s", mir_ops[i->op].text, kind_name(a.k));
        return R_D107;
    default:
        return 0;
    }
}

/* The locals: every named value's type joined per name, in first-definition order. */
static void print_locals(FILE *out, const InferCtx *c)
{
    const char *names[256];
    Ty tys[256];
    int n = 0;
    const MirFunction *f = c->fn;
    for (int b = 0; b < f->nblocks; b++) {
        if (!c->reached[b])
            continue;
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            if (!i->varname || i->op == MIR_Param || i->op == MIR_NarrowCmp ||
                i->op == MIR_NarrowIdx)
                continue;   /* (a narrow is a view of its variable's value) */
            Ty t = infer_ty(c, i);
            int j = 0;
            while (j < n && strcmp(names[j], i->varname) != 0)
                j++;
            if (j == n) {
                if (n == 256)
                    continue;
                names[n] = i->varname;
                tys[n++] = t;
            } else {
                tys[j] = ty_join(tys[j], t);
            }
        }
    }
    if (!n)
        return;
    fputs("  locals:", out);
    for (int j = 0; j < n; j++) {
        fprintf(out, "%s %s: ", j ? "," : "", names[j]);
        ty_print(out, tys[j], 0);
    }
    fputc('\n', out);
}

static void print_ctx(FILE *out, const Infer *in, const InferCtx *c)
{
    const MirFunction *f = c->fn;
    int is_init = f->module && f->module->init == f;
    int cm = consume_mode(f);
    if (c->index == 0)
        fprintf(out, "%s %s (line %d), generic\n", is_init ? "module" : "function",
                is_init ? f->module->name : f->qualname, f->firstlineno);
    else if (cm == 1 + CONSUME_ANY || cm == 1 + CONSUME_ALL)
        fprintf(out, "function %s (line %d), %s consumer %d: a plain function, returns %s at "
                "the first %s item\n", f->qualname, f->firstlineno, consume_builtin(cm - 1),
                c->index, cm == 1 + CONSUME_ANY ? "True" : "False",
                cm == 1 + CONSUME_ANY ? "true" : "false");
    else if (cm == 1 + CONSUME_MIN || cm == 1 + CONSUME_MAX)
        fprintf(out, "function %s (line %d), %s consumer %d: a plain function, keeps the %s "
                "item\n", f->qualname, f->firstlineno, consume_builtin(cm - 1), c->index,
                cm == 1 + CONSUME_MIN ? "smallest" : "largest");
    else if (cm)
        fprintf(out, "function %s (line %d), sum consumer %d (%s accumulator): a plain "
                "function, each yield adds to the sum\n", f->qualname, f->firstlineno, c->index,
                cm == 1 + CONSUME_FLOAT ? "float" : cm == 1 + CONSUME_FLOAT1 ? "float, non-empty"
                                                                       : "int");
    else
        fprintf(out, "function %s (line %d), specialisation %d\n", f->qualname, f->firstlineno,
                c->index);
    if (f->nparams) {
        fputs("  params:", out);
        for (int p = 0; p < f->nparams; p++) {
            fprintf(out, "%s %s: ", p ? "," : "", f->paramnames[p]);
            ty_print(out, c->args[p], 0);
        }
        fputc('\n', out);
    }
    print_locals(out, c);
    int line = consume_fused(in, c);
    if (line) {
        fprintf(out, "  never runs: the %s at line %d runs its consumer clone instead\n",
                consume_fused_name(c), line);
        return;
    }
    if (c->index == 0 && !classes_generic_runs(in, f)) {
        fputs(funcs_generic_runs(in, f)
                  ? "  never runs: a method reached only by direct calls (its specialisations)\n"
                  : "  never runs: a function reached only by direct calls (its specialisations)\n",
              out);
        return;
    }
    if (!is_init) {
        fputs("  returns: ", out);
        ty_print(out, c->ret, 0);
        fputc('\n', out);
    }
    int any = 0;
    for (int b = 0; b < f->nblocks; b++) {
        if (!c->reached[b])
            continue;
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            char msg[512];
            int r = stays_dynamic(in, c, i, msg, sizeof msg);
            if (!r)
                continue;
            if (!any++)
                fputs("  dynamic:\n", out);
            fprintf(out, "    %s %d:%d %s: %s\n", reason_code[r], i->loc.line, i->loc.col,
                    mir_ops[i->op].text, msg);
        }
    }
    if (!any)
        fputs("  dynamic: none\n", out);
}

void infer_explain(FILE *out, Infer *in, const char *file)
{
    for (int i = 0; i < in->nctxs; i++) {
        const InferCtx *c = in->ctxs[i];
        if (!in_file(c->fn, file) || (c->fn->flags & 0x40u))
            continue;
        if (consume_mode(c->fn) && (c->index == 0 || !consume_used(in, c)))
            continue;   /* a consumer function runs only where a sum call is fused */
        print_ctx(out, in, c);
    }
    classes_explain(out, in, file);
    /* the list storages are decided on the clones; making them changes which generic
       functions look reachable (their function.new sites), so it comes after the rest */
    infer_clone_all(in);
    unbox_explain(out, in, file);
    /* where instances are allocated is decided on the specialised bodies */
    infer_specialize(in);
    escape_program(in, out, file);
    if (in->escape)
        fprintf(out, "note: every global is treated as unstable: the program uses %s "
                     "(%s:%d)\n", in->escape, in->escape_fn && in->escape_fn->file
                                              ? in->escape_fn->file : "?", in->escape_loc.line);
}

/* check --types: one stub line per module-level function (the join of its contexts). */
void infer_stub(FILE *out, const Infer *in, const char *file)
{
    fputs("from typing import Any, Callable, NoReturn\n", out);
    for (int i = 0; i < in->nctxs; i++) {
        const InferCtx *c = in->ctxs[i];
        const MirFunction *f = c->fn;
        if (c->index != 0 || !in_file(f, file) || (f->flags & 0x40u) || f->name[0] == '<' ||
            strchr(f->qualname, '.'))
            continue;
        /* the parameters: joined over the specialisations (the generic one is dyn) */
        int nspec = 0;
        Ty args[64], ret = c->ret;
        int np = f->nparams < 64 ? f->nparams : 64;
        for (int j = 0; j < in->nctxs; j++) {
            const InferCtx *s = in->ctxs[j];
            if (s->fn != f || s->index == 0)
                continue;
            for (int p = 0; p < np; p++)
                args[p] = nspec ? ty_join(args[p], s->args[p]) : s->args[p];
            ret = nspec ? ty_join(ret, s->ret) : s->ret;
            nspec++;
        }
        if (!nspec) {
            for (int p = 0; p < np; p++)
                args[p] = ty_dyn();
        }
        fprintf(out, "def %s(", f->name);
        for (int p = 0; p < np; p++) {
            fprintf(out, "%s%s: ", p ? ", " : "", f->paramnames[p]);
            ty_print(out, args[p], 1);
        }
        fputs(") -> ", out);
        ty_print(out, ret, 1);
        fputs(": ...\n", out);
    }
}
