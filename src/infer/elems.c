/*
 * elems.c - element types of lists: creation sites and an escape analysis (typed.md, "Element
 * types").
 *
 * Every instruction that makes a new list (build.list, `a + b` / `[x] * n` of lists, list(x))
 * in a context is a concrete creation site; those of the main module's body and of specialised
 * contexts of its functions get one bit each of a 64-bit set (the first 63 met); the rest,
 * every site of other modules and of generic contexts share the last bit: one abstract site
 * for all of them, which in practice escapes.  A list type (TY_LIST) carries the set of sites
 * it may come from; joins take the union.
 *
 * Each abstract site has an element type, the join of everything that may be stored into one
 * of its lists, and an `escaped` flag: set when one of its lists flows where inference does
 * not follow it (a generic call argument, a store into a container, attribute, global or cell
 * that is not a tracked list, a return from a generic context, an unmodelled use).  An escaped
 * site's elements are dyn, and lists stored into it escape too.  Reads that hand the elements
 * (not the list) to unknown code (print, comparisons, slices) make only the elements escape.
 * Everything is monotone, so the rounds of infer.c reach a fixed point with it.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "infer.h"

#define NSITES 64
#define SHARED_SITE 63
#define WIDEN_AFTER 3

typedef struct ElemSite {
    Ty elem;
    int escaped;
    int changes;
    const char *why;        /* the first escape */
    Loc why_loc;
} ElemSite;

typedef struct SiteKey {
    const InferCtx *c;
    int id;
} SiteKey;

typedef struct InferElems {
    ElemSite sites[NSITES];
    SiteKey keys[SHARED_SITE];
    int nkeys;
    /* attribute names a running context reads on a receiver that may be an instance of any
     * class (dyn, C|None): a list stored under such a name may reach unknown code */
    const char **dynread;
    int ndynread, capdynread;
} InferElems;

static const Infer *cur_in;   /* for ty_list_elem_hook (printing) */

static Ty hook(Ty t) { return elems_of(cur_in, t); }

static InferElems *E(Infer *in)
{
    if (!in->elems) {
        in->elems = xcalloc(1, sizeof *in->elems);
        for (int k = 0; k < NSITES; k++)
            in->elems->sites[k].elem = ty_bot();
        cur_in = in;
        ty_list_elem_hook = hook;
    }
    return in->elems;
}

void elems_free(Infer *in)
{
    if (cur_in == in) {
        cur_in = NULL;
        ty_list_elem_hook = NULL;
    }
    if (in->elems)
        free(in->elems->dynread);
    free(in->elems);
    in->elems = NULL;
}

/* The site bit of instruction i (which makes a new list) in context c. */
static uint64_t site_of(Infer *in, InferCtx *c, const MirInst *i)
{
    InferElems *e = E(in);
    const MirModule *m = c->fn->module;
    /* the generic context of a function (not the module body) mostly serves calls from
     * unknown code: its lists share the last bit, leaving the others to specialisations */
    if (!m || !m->name || strcmp(m->name, "__main__") != 0 ||
        (c->index == 0 && m->init != c->fn))
        return UINT64_C(1) << SHARED_SITE;
    for (int k = 0; k < e->nkeys; k++)
        if (e->keys[k].c == c && e->keys[k].id == i->id)
            return UINT64_C(1) << k;
    if (e->nkeys < SHARED_SITE) {
        e->keys[e->nkeys] = (SiteKey){c, i->id};
        return UINT64_C(1) << e->nkeys++;
    }
    return UINT64_C(1) << SHARED_SITE;
}

static Ty list_ty(uint64_t sites) { return (Ty){.k = TY_LIST, .sites = sites}; }

Ty elems_of(const Infer *in, Ty t)
{
    if ((t.k != TY_LIST && t.k != TY_LISTITER && t.k != TY_ROW && t.k != TY_DICT) || !in ||
        !in->elems ||
        !t.sites)
        return ty_dyn();
    Ty r = ty_bot();
    for (int k = 0; k < NSITES; k++)
        if (t.sites >> k & 1) {
            const ElemSite *s = &in->elems->sites[k];
            if (s->escaped)
                return ty_dyn();
            r = ty_join(r, s->elem);
        }
    return r;
}

int elems_site(const Infer *in, int k, Ty *elem, const InferCtx **c, int *id)
{
    if (!in->elems || k < 0 || k >= in->elems->nkeys || k >= SHARED_SITE)
        return 0;
    const ElemSite *s = &in->elems->sites[k];
    *elem = s->escaped ? ty_dyn() : s->elem;
    *c = in->elems->keys[k].c;
    *id = in->elems->keys[k].id;
    return 1;
}

const char *elems_why(const Infer *in, Ty t, Loc *loc)
{
    if ((t.k != TY_LIST && t.k != TY_LISTITER && t.k != TY_ROW) || !in || !in->elems)
        return NULL;
    for (int k = 0; k < NSITES; k++)
        if ((t.sites >> k & 1) && in->elems->sites[k].escaped) {
            *loc = in->elems->sites[k].why_loc;
            return in->elems->sites[k].why;
        }
    return NULL;
}

static void escape(Infer *in, uint64_t sites, const char *why, Loc loc, int *global)
{
    InferElems *e = E(in);
    for (int k = 0; k < NSITES; k++) {
        if (!(sites >> k & 1) || e->sites[k].escaped)
            continue;
        ElemSite *s = &e->sites[k];
        s->escaped = 1;
        s->why = why;
        s->why_loc = loc;
        *global = 1;
        Ty old = s->elem;
        s->elem = ty_dyn();
        if (old.k == TY_LIST || old.k == TY_LISTITER || old.k == TY_DICT)
            escape(in, old.sites, "stored in a list that escapes", loc, global);
    }
}

/* The elements of these lists reach unknown code (which may mutate them, not the lists). */
static void escape_items(Infer *in, uint64_t sites, const char *why, Loc loc, int *global)
{
    InferElems *e = E(in);
    for (int k = 0; k < NSITES; k++) {
        if (!(sites >> k & 1))
            continue;
        Ty el = e->sites[k].elem;
        if (el.k == TY_LIST || el.k == TY_LISTITER || el.k == TY_DICT)
            escape(in, el.sites, why, loc, global);
    }
}

/* A value of type t may be stored into lists of these sites. */
static void store(Infer *in, uint64_t sites, Ty t, Loc loc, int *global)
{
    InferElems *e = E(in);
    int islist = t.k == TY_LIST || t.k == TY_LISTITER || t.k == TY_DICT;
    for (int k = 0; k < NSITES; k++) {
        if (!(sites >> k & 1))
            continue;
        ElemSite *s = &e->sites[k];
        if (s->escaped) {
            if (islist)
                escape(in, t.sites, "stored in a list that escapes", loc, global);
            continue;
        }
        Ty j = s->changes >= WIDEN_AFTER ? ty_widen(s->elem, t) : ty_join(s->elem, t);
        if (j.k == TY_DYN) {
            if (islist)
                escape(in, t.sites, "stored in a list whose items are not all lists", loc,
                       global);
            escape(in, UINT64_C(1) << k,
                   t.k == TY_DYN ? "an item of unknown type is stored" :
                                   "items of different kinds are stored", loc, global);
            continue;
        }
        if (!ty_eq(j, s->elem)) {
            s->elem = j;
            s->changes++;
            *global = 1;
        }
    }
}

static Ty T(const InferCtx *c, const MirInst *v) { return infer_ty(c, v); }

/* x[a:b:c] = y with x and y lists: y's items are copied into x (y itself is not kept) */
static int slice_store_of_list(const InferCtx *c, const MirInst *i)
{
    return i->op == MIR_SetItem && i->args[1]->op == MIR_BuildSlice &&
           T(c, i->args[0]).k == TY_LIST && T(c, i->args[2]).k == TY_LIST;
}

static int is_index(Ty t) { return t.k == TY_INT || t.k == TY_BOOL; }

/* Known methods of list (their effect is modelled in method_call). */
static int known_method(const char *name)
{
    static const char *const names[] = {"append", "insert", "extend", "pop", "clear",
                                        "reverse", "sort", "copy", "index", "count", "remove",
                                        NULL};
    for (int k = 0; names[k]; k++)
        if (strcmp(name, names[k]) == 0)
            return 1;
    return 0;
}

/* The bound method getattr(list, name) that is the callee of call i, or NULL. */
static const MirInst *list_method(const InferCtx *c, const MirInst *i)
{
    if (i->op != MIR_Call || i->nargs < 1)
        return NULL;
    const MirInst *m = i->args[0];
    if (m->op != MIR_GetAttr || T(c, m->args[0]).k != TY_LIST || !known_method(m->str))
        return NULL;
    return m;
}

/* s.split(...), s.rsplit(...), s.splitlines(...) of an exact str (positional arguments): a
 * method of the builtin str, which no program can change, that returns a new exact list of
 * exact strs (or raises) */
static int str_split_call(const InferCtx *c, const MirInst *i)
{
    const char *name = dunder_method_on(c, i, TY_STR);
    return name && (strcmp(name, "split") == 0 || strcmp(name, "rsplit") == 0 ||
                    strcmp(name, "splitlines") == 0);
}

Ty elems_inst_ty(Infer *in, InferCtx *c, const MirInst *i, Ty dflt, int *global)
{
    switch (i->op) {
    case MIR_BuildList:
        return list_ty(site_of(in, c, i));
    case MIR_BuildDict:   /* a dict: its values are followed like a list's items */
        return dflt.k == TY_DICT ? (Ty){.k = TY_DICT, .sites = site_of(in, c, i)} : dflt;
    case MIR_BinOp:
    case MIR_InplaceOp: {
        if (dflt.k != TY_LIST)
            return dflt;
        Ty a = T(c, i->args[0]);
        if (i->op == MIR_InplaceOp && a.k == TY_LIST)
            return a;   /* a += b, a *= n: the same list, extended in place */
        return list_ty(site_of(in, c, i));
    }
    case MIR_GetItem: {
        Ty a = T(c, i->args[0]), x = T(c, i->args[1]);
        if (a.k == TY_BOT || x.k == TY_BOT)
            return ty_bot();   /* not known yet */
        if ((a.k == TY_LIST && is_index(x)) || a.k == TY_DICT)
            return elems_of(in, a);   /* d[k]: a value (or KeyError) */
        if (a.k == TY_LIST && i->args[1]->op == MIR_BuildSlice)
            return list_ty(site_of(in, c, i));   /* x[a:b]: a new list of x's items */
        return dflt;
    }
    case MIR_GetIter: {
        Ty a = T(c, i->args[0]);
        if (a.k == TY_LIST)
            return (Ty){.k = TY_LISTITER, .sites = a.sites};
        if (a.k == TY_ZIP || a.k == TY_ENUM || a.k == TY_ZIPSTAR)
            return a;   /* their own iterators */
        return dflt;
    }
    case MIR_IterNext: {
        Ty a = T(c, i->args[0]);
        if (a.k == TY_LISTITER)
            return elems_of(in, a);
        if (a.k == TY_ZIP || a.k == TY_ENUM)
            return (Ty){.k = TY_PAIR, .sites = a.sites, .sites2 = a.sites2,
                        .enumer = a.k == TY_ENUM};
        if (a.k == TY_ZIPSTAR) {   /* a tuple of items of the rows */
            Ty rows = elems_of(in, list_ty(a.sites));
            if (rows.k == TY_BOT)
                return ty_bot();
            return rows.k == TY_LIST ? (Ty){.k = TY_ROW, .sites = rows.sites} : dflt;
        }
        return dflt;
    }
    case MIR_UnpackSeq: {
        Ty a = T(c, i->args[0]);
        if (a.k == TY_BOT)
            return ty_bot();
        return a.k == TY_PAIR && i->imm == 2 ? a : dflt;
    }
    case MIR_TupleItem: {
        Ty a = T(c, i->args[0]);
        if (a.k == TY_BOT)
            return ty_bot();
        if (a.k != TY_PAIR || i->imm < 0 || i->imm > 1)
            return dflt;
        if (a.enumer && i->imm == 0)
            return ty_int(0, (INT64_C(1) << 62) - 1);   /* an index */
        return elems_of(in, list_ty(i->imm == 0 || a.enumer ? a.sites : a.sites2));
    }
    case MIR_CallEx: {   /* zip(*m) */
        Ty callee = T(c, i->args[0]), a = T(c, i->args[1]);
        if (callee.k == TY_BUILTIN && callee.bi == TB_zip && i->args[2]->op == MIR_Undef) {
            if (a.k == TY_BOT)
                return ty_bot();
            if (a.k == TY_LIST)
                return (Ty){.k = TY_ZIPSTAR, .sites = a.sites};
        }
        return dflt;
    }
    case MIR_Call: {
        if (str_split_call(c, i))
            return list_ty(site_of(in, c, i));   /* s.split(...): a new list of strs */
        Ty callee = T(c, i->args[0]), a = i->nargs >= 2 ? T(c, i->args[1]) : ty_bot();
        if (callee.k == TY_BUILTIN &&
            (callee.bi == TB_list || callee.bi == TB_sum || callee.bi == TB_zip ||
             callee.bi == TB_enumerate) &&
            i->nargs >= 2 && (a.k == TY_BOT || (i->nargs >= 3 && T(c, i->args[2]).k == TY_BOT)))
            return ty_bot();   /* not known yet */
        if (callee.k == TY_BUILTIN && i->nnames == 0 && callee.bi == TB_enumerate &&
            i->nargs == 2 && a.k == TY_LIST)
            return (Ty){.k = TY_ENUM, .sites = a.sites};
        if (callee.k == TY_BUILTIN && i->nnames == 0 && callee.bi == TB_zip && i->nargs == 3 &&
            a.k == TY_LIST && T(c, i->args[2]).k == TY_LIST)
            return (Ty){.k = TY_ZIP, .sites = a.sites, .sites2 = T(c, i->args[2]).sites};
        if (callee.k == TY_BUILTIN && i->nnames == 0 && i->nargs == 2 && callee.bi == TB_list &&
            (a.k == TY_LIST || a.k == TY_LISTITER || a.k == TY_RANGE || a.k == TY_ROW))
            return list_ty(site_of(in, c, i));   /* list(x): a new list of x's items */
        if (callee.k == TY_BUILTIN && i->nnames == 0 && callee.bi == TB_sum &&
            (a.k == TY_LIST || a.k == TY_LISTITER)) {
            Ty e = elems_of(in, a);
            Ty start = i->nargs == 3 ? T(c, i->args[2]) : ty_int(0, 0);
            if (i->nargs > 3 || e.k == TY_BOT || start.k == TY_BOT)
                return i->nargs > 3 ? dflt : ty_bot();
            if ((e.k == TY_INT || e.k == TY_BOOL) && start.k == TY_INT)
                return ty_int_any();
            if ((e.k == TY_INT || e.k == TY_BOOL || e.k == TY_FLOAT) && start.k == TY_FLOAT)
                return ty_kind(TY_FLOAT);
            if ((e.k == TY_FLOAT || e.k == TY_NUM) && (start.k == TY_INT || start.k == TY_NUM))
                return ty_kind(TY_NUM);   /* an int (empty, or only ints) or a float */
            return dflt;   /* e.g. floats from the int start 0: int|float (no unions yet) */
        }
        const MirInst *m = list_method(c, i);
        if (m && i->nnames == 0 && strcmp(m->str, "pop") == 0 && i->nargs <= 2 &&
            (i->nargs == 1 || is_index(T(c, i->args[1]))))
            return elems_of(in, T(c, m->args[0]));
        return dflt;
    }
    default:
        return dflt;
    }
}

/* The effect of list method call i (callee m = getattr(list, name)) on the list and its
 * arguments. */
static void method_call(Infer *in, InferCtx *c, const MirInst *i, const MirInst *m, int *global)
{
    uint64_t self = T(c, m->args[0]).sites;
    const char *name = m->str;
    int n = i->nargs - 1;
    if (i->nnames != 0) {   /* sort(key=..., reverse=...): the key function sees the items */
        escape_items(in, self, "items passed to a key function", i->loc, global);
        for (int k = 1; k < i->nargs; k++) {
            Ty a = T(c, i->args[k]);
            if (a.k == TY_LIST || a.k == TY_LISTITER)
                escape(in, a.sites, "passed to a list method with keywords", i->loc, global);
        }
        return;
    }
    if (strcmp(name, "append") == 0 || strcmp(name, "insert") == 0) {
        if (n >= 1)
            store(in, self, T(c, i->args[n]), i->loc, global);
        for (int k = 1; k < n; k++) {   /* insert's index */
            Ty a = T(c, i->args[k]);
            if (a.k == TY_LIST || a.k == TY_LISTITER)
                escape(in, a.sites, "used as a list index", i->loc, global);
        }
        return;
    }
    if (strcmp(name, "extend") == 0 && n == 1) {
        Ty a = T(c, i->args[1]);
        if (a.k == TY_LIST) {
            store(in, self, elems_of(in, a), i->loc, global);
            escape_items(in, a.sites, "items read by list.extend", i->loc, global);
        } else if (a.k == TY_RANGE) {
            store(in, self, ty_int(a.lo, a.hi), i->loc, global);
        } else if (a.k != TY_BOT) {
            store(in, self, ty_dyn(), i->loc, global);
            if (a.k == TY_LISTITER)
                escape_items(in, a.sites, "items read by list.extend", i->loc, global);
        }
        return;
    }
    /* pop, clear, reverse, sort, copy, index, count, remove: no new items; the items may be
     * compared or handed out (copy) */
    if (strcmp(name, "copy") == 0 || strcmp(name, "index") == 0 || strcmp(name, "count") == 0 ||
        strcmp(name, "remove") == 0 || strcmp(name, "sort") == 0)
        escape_items(in, self, "items compared or copied by a list method", i->loc, global);
    for (int k = 1; k < i->nargs; k++) {
        Ty a = T(c, i->args[k]);
        if (a.k == TY_LIST || a.k == TY_LISTITER)
            escape(in, a.sites, "passed to a list method", i->loc, global);
    }
}

/* The parameter of callee context t that operand k of call i binds to, or -1. */
static int param_of(const Infer *in, const InferCtx *t, const MirInst *i, int k)
{
    if (i->nnames == 0 && i->nargs - 1 == t->nargs)
        return k - 1 < t->nargs ? k - 1 : -1;
    int src[64];
    const MirInst *defs[64];
    if (!infer_bind(in, t->fn, i, src, defs))
        return -1;
    for (int p = 0; p < t->nargs; p++)
        if (src[p] == k)
            return p;
    return -1;
}

/* Is call i not analysed yet: no callee context, its result bottom because an operand is
 * still bottom (infer.c call_ty comes back to it)?  At the fixed point a bottom operand never
 * has a value, so the call never runs. */
static int call_pending(const InferCtx *c, const MirInst *i)
{
    if (i->id < 0 || i->id >= c->nvals || c->vals[i->id].k != TY_BOT)
        return 0;
    for (int k = 0; k < i->nargs; k++)
        if (T(c, i->args[k]).k == TY_BOT)
            return 1;
    return 0;
}

/* A yield of a list (operand a) in context c: followed when c is a generator whose every
 * generator only a for loop consumes (InferCtx.gencall: nothing sends to it, and the loop
 * variable gets c's yield type, infer.c gen_loop_item) and that type is still a list, so the
 * list reaches only that variable, where inference follows it.  Else it escapes. */
static const char *yield_use(const InferCtx *c, Ty a)
{
    if (c->gencall && c->yield.k == TY_LIST && a.k == TY_LIST)
        return NULL;
    return "yielded";
}

static int dynread(const InferElems *e, const char *name)
{
    for (int k = 0; k < e->ndynread; k++)
        if (strcmp(e->dynread[k], name) == 0)
            return 1;
    return 0;
}

/* A getattr of a running context on a receiver that may be an instance of any class: its
 * name is read dynamically (*global set when new). */
static void note_dynread(Infer *in, const InferCtx *c, const MirInst *i, int *global)
{
    Ty o = T(c, i->args[0]);
    /* (C|None: C's attribute, or AttributeError: infer.c) */
    if (!i->str || (o.k != TY_DYN && !(o.k == TY_OPT && !o.cls) &&
                    !(o.k == TY_UNION && o.un->none)))
        return;
    if (c->index == 0 && !classes_generic_runs(in, c->fn))
        return;   /* a generic version that never runs */
    InferElems *e = E(in);
    if (dynread(e, i->str))
        return;
    if (e->ndynread == e->capdynread) {
        e->capdynread = e->capdynread ? 2 * e->capdynread : 16;
        e->dynread = realloc(e->dynread, sizeof *e->dynread * (size_t)e->capdynread);
        if (!e->dynread)
            die("out of memory");
    }
    e->dynread[e->ndynread++] = i->str;
    *global = 1;
}

/* May a list stored as attribute `name` of a receiver of type o stay tracked?  When o is an
 * exact instance (or a union of them, not None), loads of the name on such receivers give
 * the list's type back (classes.c), and no running code reads the name on a receiver of
 * unknown class, nor can reach it by name (getattr, type, a dynamic escape). */
static int attr_tracked(Infer *in, Ty o, const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (!name || in->escape || in->all_open || (n > 4 && name[0] == '_' && name[1] == '_' &&
                                                 name[n - 1] == '_' && name[n - 2] == '_'))
        return 0;
    if (o.k == TY_BOT)
        return 1;   /* not known yet: decided in a later sweep */
    if (o.k != TY_INST && !(o.k == TY_UNION && !o.un->none))
        return 0;
    return !dynread(E(in), name);
}

/* Is operand k (a list or list iterator) of instruction i a use inference follows?
 * Returns NULL when it is, else why it escapes; *ro: only its items escape. */
static const char *list_use(Infer *in, InferCtx *c, const MirInst *i, int k, Ty a, int *ro)
{
    *ro = 0;
    Ty r = (mir_ops[i->op].flags & MF_VALUE) ? T(c, i) : ty_dyn();
    if (i->op == MIR_Yield && a.k == TY_LIST)
        return yield_use(c, a);
    switch (i->op) {
    case MIR_NarrowCmp:
    case MIR_NarrowIdx:
        if (k > 0)   /* the other side of a compare, the indexed sequence: only read */
            return NULL;
        /* fall through */
    case MIR_Phi:
    case MIR_CheckBound:
    case MIR_Narrow:
        return r.k == a.k || r.k == TY_BOT ? NULL : "joined with a value of another kind";
    case MIR_Truthy:
    case MIR_Is:
    case MIR_Len:
    case MIR_IterRelease:
    case MIR_GenFresh:
        return NULL;
    case MIR_IterNext:
        return a.k == TY_LISTITER ? NULL : "unmodelled use";
    case MIR_GetIter:
        return a.k == TY_LIST ? NULL : "unmodelled use";
    default:
        break;
    }
    if (a.k == TY_LISTITER) {
        InferCtx *t = i->op == MIR_Call && k > 0 ? c->callee[i->id] : NULL;
        int p = t && t->index > 0 ? param_of(in, t, i, k) : -1;
        if (p >= 0 && t->args[p].k == TY_LISTITER)
            return NULL;
        *ro = 1;
        return "list iterator passed on";
    }
    switch (i->op) {
    case MIR_GetAttr:
        return known_method(i->str) ? NULL : "attribute other than a known list method";
    case MIR_GetItem:
        if (k != 0)
            return "used as an index";
        if (is_index(T(c, i->args[1])) || T(c, i->args[1]).k == TY_BOT)
            return NULL;
        *ro = 1;
        return "sliced or indexed by a value of unknown type";
    case MIR_SetItem:
        if (k == 0)
            return NULL;   /* store() below */
        if (k == 2 && T(c, i->args[0]).k == TY_LIST &&
            (is_index(T(c, i->args[1])) || T(c, i->args[1]).k == TY_BOT))
            return NULL;
        if (k == 2 && slice_store_of_list(c, i))
            return NULL;   /* only its items are copied in: store() below */
        return "stored into a container that is not a tracked list";
    case MIR_DelItem:
        return k == 0 ? NULL : "used as an index";
    case MIR_BuildList:
        return NULL;
    case MIR_ListAppend:
        return k == 0 || T(c, i->args[0]).k == TY_LIST ? NULL
                                                       : "stored into an untracked list";
    case MIR_ListExtend:
        if (k == 0)
            return NULL;
        *ro = 1;
        return "unpacked into a list";
    case MIR_BinOp:
    case MIR_InplaceOp:
        if (r.k == TY_LIST && i->op == MIR_InplaceOp && k == 0)
            return NULL;
        if (r.k == TY_LIST)
            return NULL;   /* its items go into the new list (store in elems_effects) */
        return "operand of an operator without a list result";
    case MIR_Compare:
        *ro = 1;
        return "compared";
    case MIR_Ret:
        /* a generator's return value (StopIteration.value) goes to unknown code */
        return c->index > 0 && !c->genconv && c->ret.k == TY_LIST ? NULL
                                                                 : "returned to generic code";
    case MIR_Call: {
        if (k == 0)
            return "called";
        Ty callee = T(c, i->args[0]);
        if (list_method(c, i))
            return NULL;   /* method_call */
        if (callee.k == TY_BUILTIN && i->nnames == 0) {
            if (callee.bi == TB_len || callee.bi == TB_bool)
                return NULL;
            if ((callee.bi == TB_zip && r.k == TY_ZIP) || (callee.bi == TB_enumerate &&
                                                              r.k == TY_ENUM))
                return NULL;   /* its items are followed through the zip/enumerate object */
            switch (callee.bi) {
            case TB_print: case TB_str: case TB_sum: case TB_enumerate: case TB_zip:
            case TB_list: case TB_tuple: case TB_sorted: case TB_any: case TB_all: case TB_iter:
            case TB_reversed: case TB_set:
                /* they read the items (iterators over the list stay inside the runtime's
                 * objects, which have no way back to the list) */
                *ro = 1;
                return "items read by a builtin";
            case TB_min: case TB_max:
                if (i->nargs == 2) {   /* min(lst): an item */
                    *ro = 1;
                    return "items read by a builtin";
                }
                break;
            default:
                break;
            }
            return "argument of a builtin that may return or keep it";
        }
        InferCtx *t = c->callee[i->id];
        int p = t && t->index > 0 ? param_of(in, t, i, k) : -1;
        if (p >= 0 && t->args[p].k == TY_LIST)
            return NULL;
        if (!t && call_pending(c, i))
            return NULL;   /* decided in a later sweep, once every argument is known */
        return "argument of a call to generic code";
    }
    case MIR_CallEx:
        if (k == 1 && r.k == TY_ZIPSTAR)
            return NULL;   /* zip(*m): the rows' items are followed through the zip object */
        return "unpacked into a call";
    case MIR_GlobalStore:
        return "stored in a global";
    case MIR_CellNew:
    case MIR_CellSet: {
        /* the cell's content type follows it (infer.c cell_store); its uses are checked in
         * cell_use */
        Ty cell = i->op == MIR_CellNew ? r : T(c, i->args[0]);
        if ((i->op == MIR_CellNew || k == 1) && cell.k == TY_CELL &&
            cell.cell->content.k == TY_LIST)
            return NULL;
        return "captured by a closure (stored in a cell)";
    }
    case MIR_SetAttr:
        if (k == 1 && attr_tracked(in, T(c, i->args[0]), i->str))
            return NULL;   /* loads of the attribute give the list back (classes.c) */
        return "stored in an attribute";
    default:
        return "unmodelled use";
    }
}

int elems_attr_tracked(Infer *in, Ty o, const char *name) { return attr_tracked(in, o, name); }

/* Is every use of function.new mk (in c's function) a plain call that inference follows into
 * a specialised body (so the generic body never runs with mk's closure)? */
static int direct_only(const InferCtx *c, const MirInst *mk)
{
    const MirFunction *h = c->fn;
    for (int b = 0; b < h->nblocks; b++)
        for (int k = 0; k < h->blocks[b]->ninsts; k++) {
            const MirInst *u = h->blocks[b]->insts[k];
            for (int a = 0; a < u->nargs; a++) {
                if (u->args[a] != mk)
                    continue;
                if (u->op != MIR_Call || a != 0 || u->nnames != 0 || u->id < 0 ||
                    u->id >= c->nvals)
                    return 0;
                /* not analysed yet (a later instruction, or arguments not known yet): the
                 * call runs in no specialised body yet; decided in a later sweep */
                if (!c->callee[u->id] && c->vals[u->id].k == TY_BOT)
                    continue;
                if (!c->callee[u->id] || c->callee[u->id]->index == 0)
                    return 0;
            }
        }
    return 1;
}

/* Is this use of a cell (operand k of i) one inference follows?  cell.get/cell.set, or the
 * closure tuple of a function.new whose calls all go to specialised bodies, which receive
 * the cell itself (TY_CELL) in their context. */
static int cell_use(const InferCtx *c, const MirInst *i, int k)
{
    if (i->op == MIR_CellGet || (i->op == MIR_CellSet && k == 0))
        return 1;
    if (i->op != MIR_BuildTuple)
        return 0;
    const MirFunction *h = c->fn;
    int n = 0;
    for (int b = 0; b < h->nblocks; b++)
        for (int q = 0; q < h->blocks[b]->ninsts; q++) {
            const MirInst *u = h->blocks[b]->insts[q];
            for (int a = 0; a < u->nargs; a++) {
                if (u->args[a] != i)
                    continue;
                if (u->op != MIR_MakeFunction || a != 2 || !direct_only(c, u))
                    return 0;
                n++;
            }
        }
    return n > 0;
}

/* Is this use of a zip/enumerate object or of one of its items (operand k of i) followed? */
static int pair_use(const Infer *in, const InferCtx *c, const MirInst *i, int k, Ty a)
{
    Ty r = (mir_ops[i->op].flags & MF_VALUE) ? T(c, i) : ty_dyn();
    switch (i->op) {
    case MIR_NarrowCmp:
    case MIR_NarrowIdx:
        if (k > 0)
            return 1;
        /* fall through */
    case MIR_Phi:
    case MIR_CheckBound:
    case MIR_Narrow:
        return ty_eq(ty_join(r, a), r) && r.k == a.k;
    case MIR_Is: case MIR_IterRelease: case MIR_GenFresh:
        return 1;
    case MIR_GetIter: case MIR_IterNext:
        return a.k == TY_ZIP || a.k == TY_ENUM || a.k == TY_ZIPSTAR;
    case MIR_UnpackSeq:
        return a.k == TY_PAIR && i->imm == 2;
    case MIR_TupleItem:
        return a.k == TY_PAIR;
    case MIR_Call: {
        Ty callee = T(c, i->args[0]);
        if (a.k == TY_ROW && k == 1 && i->nargs == 2 && i->nnames == 0 &&
            callee.k == TY_BUILTIN && callee.bi == TB_list)
            return 1;   /* list(row): its items go into the new list */
        InferCtx *t = k > 0 ? c->callee[i->id] : NULL;
        int p = t && t->index > 0 ? param_of(in, t, i, k) : -1;
        return p >= 0 && t->args[p].k == a.k;
    }
    default:
        return 0;
    }
}

/* Is operand k (a dict) of instruction i a use inference follows (its values stay known)?
 * NULL when it is, else why its values escape.  d[k], d[k] = v (elems_effects stores v), del
 * d[k], len, truth, `is`, a tracked attribute, an argument or the result of a specialised
 * body; anything else (methods, iteration, other containers) lets unknown code see or change
 * the values. */
static const char *dict_use(Infer *in, InferCtx *c, const MirInst *i, int k)
{
    Ty r = (mir_ops[i->op].flags & MF_VALUE) ? T(c, i) : ty_dyn();
    switch (i->op) {
    case MIR_NarrowCmp:
    case MIR_NarrowIdx:
        if (k > 0)
            return NULL;
        /* fall through */
    case MIR_Phi:
    case MIR_CheckBound:
    case MIR_Narrow:
        return r.k == TY_DICT || r.k == TY_BOT ? NULL : "joined with a value of another kind";
    case MIR_Truthy:
    case MIR_Is:
    case MIR_Len:
        return NULL;
    case MIR_GetItem:
    case MIR_SetItem:
    case MIR_DelItem:
        return k == 0 ? NULL : "used as a key or stored in a container";
    case MIR_SetAttr:
        if (k == 1 && attr_tracked(in, T(c, i->args[0]), i->str))
            return NULL;
        return "stored in an attribute";
    case MIR_Ret:
        return c->index > 0 && !c->genconv && c->ret.k == TY_DICT ? NULL
                                                                 : "returned to generic code";
    case MIR_Call: {
        if (k == 0)
            return "called";
        Ty callee = T(c, i->args[0]);
        if (callee.k == TY_BUILTIN && i->nnames == 0 &&
            (callee.bi == TB_len || callee.bi == TB_bool))
            return NULL;
        InferCtx *t = c->callee[i->id];
        int p = t && t->index > 0 ? param_of(in, t, i, k) : -1;
        if (p >= 0 && t->args[p].k == TY_DICT)
            return NULL;
        if (!t && call_pending(c, i))
            return NULL;
        return "argument of a call to generic code";
    }
    default:
        return "unmodelled use";
    }
}

void elems_effects(Infer *in, InferCtx *c, const MirInst *i, int *global)
{
    if (i->op == MIR_GetAttr)
        note_dynread(in, c, i, global);
    /* stores of the instruction itself */
    switch (i->op) {
    case MIR_BuildList: {
        Ty self = T(c, i);
        if (self.k == TY_LIST)
            for (int k = 0; k < i->nargs; k++)
                if (T(c, i->args[k]).k != TY_BOT)
                    store(in, self.sites, T(c, i->args[k]), i->loc, global);
        break;
    }
    case MIR_ListAppend: {
        Ty l = T(c, i->args[0]), v = T(c, i->args[1]);
        if (l.k == TY_LIST && v.k != TY_BOT)
            store(in, l.sites, v, i->loc, global);
        break;
    }
    case MIR_BuildDict: {   /* k0, v0, k1, v1, ...: the values */
        Ty self = T(c, i);
        if (self.k == TY_DICT)
            for (int k = 1; k < i->nargs; k += 2)
                if (T(c, i->args[k]).k != TY_BOT)
                    store(in, self.sites, T(c, i->args[k]), i->loc, global);
        break;
    }
    case MIR_ListExtend: {
        Ty l = T(c, i->args[0]), v = T(c, i->args[1]);
        if (l.k == TY_LIST && v.k != TY_BOT)
            store(in, l.sites, v.k == TY_LIST ? elems_of(in, v) : ty_dyn(), i->loc, global);
        break;
    }
    case MIR_GetItem: {   /* a slice: the items of the sliced list */
        Ty self = T(c, i), a = T(c, i->args[0]);
        if (self.k == TY_LIST && a.k == TY_LIST && i->args[1]->op == MIR_BuildSlice)
            store(in, self.sites, elems_of(in, a), i->loc, global);
        break;
    }
    case MIR_SetItem: {
        Ty l = T(c, i->args[0]), x = T(c, i->args[1]), v = T(c, i->args[2]);
        if (l.k == TY_DICT && x.k != TY_BOT && v.k != TY_BOT)
            store(in, l.sites, v, i->loc, global);
        if (l.k == TY_LIST && x.k != TY_BOT && v.k != TY_BOT)
            store(in, l.sites,
                  is_index(x) ? v : slice_store_of_list(c, i) ? elems_of(in, v) : ty_dyn(),
                  i->loc, global);
        break;
    }
    case MIR_BinOp:
    case MIR_InplaceOp: {
        Ty r = T(c, i);
        if (r.k != TY_LIST)
            break;
        for (int k = 0; k < 2; k++) {
            Ty a = T(c, i->args[k]);
            if (a.k == TY_LIST && !(i->op == MIR_InplaceOp && k == 0))
                store(in, r.sites, elems_of(in, a), i->loc, global);
        }
        break;
    }
    case MIR_Call: {
        const MirInst *m = list_method(c, i);
        if (m)
            method_call(in, c, i, m, global);
        Ty self = T(c, i), callee = T(c, i->args[0]);
        if (self.k == TY_LIST && str_split_call(c, i))
            store(in, self.sites, ty_kind(TY_STR), i->loc, global);
        if (self.k == TY_LIST && callee.k == TY_BUILTIN && callee.bi == TB_list) {
            Ty a = T(c, i->args[1]);
            store(in, self.sites, a.k == TY_RANGE ? ty_int(a.lo, a.hi) : elems_of(in, a), i->loc,
                  global);
        }
        break;
    }
    default:
        break;
    }
    /* the lists among the operands: followed, or escaping */
    for (int k = 0; k < i->nargs; k++) {
        const MirInst *a = i->args[k];
        /* a bound method of a list used other than as the callee of a plain call */
        if (a->op == MIR_GetAttr && T(c, a->args[0]).k == TY_LIST &&
            !(i->op == MIR_Call && k == 0 && list_method(c, i)))
            escape(in, T(c, a->args[0]).sites, "bound method used other than in a call",
                   i->loc, global);
        Ty t = T(c, a);
        if (t.k == TY_CELL && t.cell->content.k == TY_LIST && !cell_use(c, i, k))
            escape(in, t.cell->content.sites, "captured by a closure that may run generically",
                   i->loc, global);
        if (t.k == TY_ZIP || t.k == TY_ENUM || t.k == TY_PAIR) {
            if (!pair_use(in, c, i, k, t))
                escape_items(in, t.sites | t.sites2, "zip/enumerate items passed on", i->loc,
                             global);
            continue;
        }
        if (t.k == TY_ZIPSTAR || t.k == TY_ROW) {
            if (!pair_use(in, c, i, k, t)) {
                /* the rows' items reach unknown code (zip(*m): the rows themselves do not) */
                Ty rows = t.k == TY_ROW ? list_ty(t.sites) : elems_of(in, list_ty(t.sites));
                if (rows.k == TY_LIST)
                    escape_items(in, rows.sites, "zip(*m) items passed on", i->loc, global);
                else if (t.k == TY_ZIPSTAR)
                    escape(in, t.sites, "zip(*m) of items that are not tracked lists", i->loc,
                           global);
            }
            continue;
        }
        if (t.k == TY_DICT) {
            const char *why = t.sites ? dict_use(in, c, i, k) : NULL;
            if (why)
                escape(in, t.sites, why, i->loc, global);
            continue;
        }
        if (t.k != TY_LIST && t.k != TY_LISTITER)
            continue;
        int ro;
        const char *why = list_use(in, c, i, k, t, &ro);
        if (why && ro)
            escape_items(in, t.sites, why, i->loc, global);
        else if (why)
            escape(in, t.sites, why, i->loc, global);
        else if (ro)
            escape_items(in, t.sites, "items copied", i->loc, global);
    }
}
