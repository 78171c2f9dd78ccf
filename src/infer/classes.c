/*
 * classes.c - known classes and their instances in the typed tier (docs/internals/typed.md,
 * "Classes and instances").
 *
 *   - classes_find: every class.build of a module body gets an InferClass record: its
 *     namespace (the names the body stores; a plain `def` is a method) and whether it is
 *     *plain* (no class keywords, at most one base, none of the attribute hooks, no dynamic
 *     escape in the program, no `__class__`/`__bases__` assignment anywhere).
 *   - classes_build_ty: the class.build of a plain class whose base is a plain class or
 *     `object` has type TY_CLASS(C); C(...) has type TY_INST(C): exactly C, as a plain class
 *     has no __new__.  Subclass instances are never TY_INST(C).
 *   - attribute types: per class and name, the join of the values stored on exact instances
 *     of the class, joined with the values stored under that name on any other receiver (it
 *     may be an instance of any class).  A store on another receiver of a value that may be
 *     a descriptor (a function, an instance, ...) makes the name dyn: it may be a class
 *     attribute that binds or intercepts.  Names of the class namespace (on the MRO) and
 *     dunder names are dyn.
 *   - methods: o.m with o: TY_INST(C) and m a plain def found on C's MRO that no attribute
 *     store of the program names (which could shadow it on the instance or rebind it on the
 *     class) is TY_METHOD; a call of it (and the __init__ of C(...)) gets a context of the
 *     method keyed by TY_INST(C) for self, and becomes a direct call (specialize.c).
 */
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "infer.h"

#define ATTR_WIDEN_AFTER 3

const char *infer_class_name(const InferClass *c) { return c->qualname; }

int infer_class_id(const InferClass *c) { return c->id; }

static int is_init(const MirFunction *f) { return f->module && f->module->init == f; }

static int stored_somewhere(const Infer *in, const char *name)
{
    for (int k = 0; k < in->nsetattr; k++)
        if (strcmp(in->setattr_names[k], name) == 0)
            return 1;
    return 0;
}

static int dunder(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static void not_plain(InferClass *c, const char *why)
{
    if (c->plain) {
        c->plain = 0;
        c->why = why;
    }
}

static void add_name(InferClass *c, const char *name, const MirFunction *method)
{
    for (int k = 0; k < c->nnames; k++)
        if (strcmp(c->names[k], name) == 0) {
            c->methods[k] = NULL;   /* bound twice: not a known method */
            return;
        }
    c->names = realloc(c->names, sizeof *c->names * (size_t)(c->nnames + 1));
    c->methods = realloc(c->methods, sizeof *c->methods * (size_t)(c->nnames + 1));
    if (!c->names || !c->methods)
        die("out of memory");
    c->names[c->nnames] = name;
    c->methods[c->nnames++] = method;
}

/* Is this class-body binding a plain def, a constant, or an alias of a method (`__rmul__ =
 * __mul__`)?  Anything else may be a descriptor whose code gets the instance (leaks.c). */
static int namespace_plain(const InferClass *c, const char *name, const MirInst *v)
{
    if (strcmp(name, "__classcell__") == 0)
        return 1;   /* the cell of zero-argument super() */
    switch (v->op) {
    case MIR_MakeFunction: case MIR_ConstInt: case MIR_ConstFloat: case MIR_ConstStr:
    case MIR_ConstNone: case MIR_ConstTrue: case MIR_ConstFalse: case MIR_ConstBigInt:
        return 1;
    case MIR_NameLoad:
    case MIR_GlobalLoad:
        if (strcmp(name, "__module__") == 0 && v->str && strcmp(v->str, "__name__") == 0)
            return 1;
        if (v->op == MIR_NameLoad && v->str)
            for (int k = 0; k < c->nnames; k++)
                if (strcmp(c->names[k], v->str) == 0 && c->methods[k])
                    return 1;
        return 0;
    default:
        return 0;
    }
}

/* The body's namespace and the hooks that make a class not plain. */
static void scan_body(const Infer *in, InferClass *c)
{
    static const char *const hooks[] = {"__getattribute__", "__getattr__", "__setattr__",
                                        "__delattr__", "__slots__", "__new__", NULL};
    const MirFunction *f = c->body;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            if (i->op == MIR_NameDelete)
                not_plain(c, "the class body deletes a name");
            if ((i->op == MIR_NameLoad || i->op == MIR_GlobalLoad) && i->str &&
                strcmp(i->str, "locals") == 0)
                not_plain(c, "the class body uses locals()");
            if (i->op != MIR_NameStore || !i->str)
                continue;
            for (int h = 0; hooks[h]; h++)
                if (strcmp(i->str, hooks[h]) == 0)
                    not_plain(c, "the class defines an attribute hook (__getattr__, "
                                 "__setattr__, __slots__, __new__ ...)");
            const MirInst *v = i->args[1];
            add_name(c, i->str, v->op == MIR_MakeFunction ? v->func : NULL);
            if (!namespace_plain(c, i->str, v))
                c->opaque = 1;
        }
    (void)in;
}

void classes_find(Infer *in)
{
    int cls_assigned = stored_somewhere(in, "__class__") || stored_somewhere(in, "__bases__");
    MirProgram *p = in->prog;
    for (int fi = 0; fi < p->nfuncs; fi++) {
        MirFunction *f = p->funcs[fi];
        for (int bi = 0; bi < f->nblocks; bi++)
            for (int k = 0; k < f->blocks[bi]->ninsts; k++) {
                MirInst *i = f->blocks[bi]->insts[k];
                if (i->op != MIR_BuildClass)
                    continue;
                InferClass *c = xcalloc(1, sizeof *c);
                c->build = i;
                c->id = in->nclasses;
                c->mod = f->module;
                c->plain = 1;
                c->body = i->args[0]->op == MIR_MakeFunction ? i->args[0]->func : NULL;
                c->qualname = c->body && c->body->qualname ? c->body->qualname : "?";
                int nbases = i->nargs - 2 - i->nnames;
                if (!c->body)
                    not_plain(c, "the class body is not known");
                else
                    scan_body(in, c);
                if (!is_init(f))
                    not_plain(c, "the class statement is not at module level");
                if (i->nnames)
                    not_plain(c, "class keywords (metaclass=...)");
                if (nbases > 1)
                    not_plain(c, "more than one base (not handled yet)");
                if (in->escape)
                    not_plain(c, in->escape);
                if (cls_assigned)
                    not_plain(c, "__class__ or __bases__ is assigned somewhere");
                in->classes = realloc(in->classes, sizeof *in->classes * (size_t)(in->nclasses + 1));
                if (!in->classes)
                    die("out of memory");
                in->classes[in->nclasses++] = c;
            }
    }
}

void classes_free(Infer *in)
{
    for (int i = 0; i < in->nclasses; i++) {
        free(in->classes[i]->names);
        free(in->classes[i]->methods);
        free(in->classes[i]->attrs);
        free(in->classes[i]);
    }
    free(in->classes);
    free(in->dynattrs);
    free(in->open_names);
    free(in->open_fns);
}

static InferClass *class_of(const Infer *in, const MirInst *build)
{
    for (int i = 0; i < in->nclasses; i++)
        if (in->classes[i]->build == build)
            return in->classes[i];
    return NULL;
}

/* Is the base operand the builtin `object` (the module does not bind the name)? */
static int is_object(const Infer *in, const InferClass *c, const MirInst *v)
{
    const MirModule *m = c->mod;
    return v->op == MIR_GlobalLoad && v->str && strcmp(v->str, "object") == 0 && m &&
           !infer_global(in, m, "object") && !infer_global(in, m, "*") &&
           !stored_somewhere(in, "object");
}

Ty classes_build_ty(Infer *in, const MirInst *build, const Ty *bases, int nbases)
{
    InferClass *c = class_of(in, build);
    if (!c || !c->plain)
        return ty_dyn();
    InferClass *base = NULL;
    if (nbases == 1) {
        if (bases[0].k == TY_BOT)
            return ty_bot();   /* not known yet */
        if (bases[0].k == TY_CLASS && bases[0].cls && bases[0].cls->plain) {
            base = bases[0].cls;
        } else if (!is_object(in, c, build->args[2])) {
            not_plain(c, "the base is not a known plain class");
            return ty_dyn();
        }
    }
    if (c->resolved && c->base != base) {
        not_plain(c, "the base differs between executions of the class statement");
        return ty_dyn();
    }
    c->resolved = 1;
    c->base = base;
    return (Ty){.k = TY_CLASS, .cls = c};
}

const MirFunction *classes_lookup(const Infer *in, const InferClass *cls, const char *name,
                                  int *other)
{
    *other = 0;
    for (const InferClass *c = cls; c; c = c->base)
        for (int k = 0; k < c->nnames; k++)
            if (strcmp(c->names[k], name) == 0) {
                if (c->methods[k] && !stored_somewhere(in, name))
                    return c->methods[k];
                *other = 1;
                return NULL;
            }
    return NULL;
}

static InferAttr *attr_find(InferAttr *a, int n, const char *name)
{
    for (int k = 0; k < n; k++)
        if (strcmp(a[k].name, name) == 0)
            return &a[k];
    return NULL;
}

Ty classes_attr_ty(const Infer *in, const InferClass *cls, const char *name)
{
    if (in->escape)
        return ty_dyn();
    const InferAttr *d = attr_find(in->dynattrs, in->ndynattrs, name);
    const InferAttr *a = attr_find(cls->attrs, cls->nattrs, name);
    return ty_join(d ? d->ty : ty_bot(), a ? a->ty : ty_bot());
}

/* o.name with o a union of classes (not None): a method when every class finds a plain def
 * of that name (TY_UMETHOD), the join of the attribute types when none binds the name in its
 * namespace, else dyn. */
static Ty union_getattr_ty(const Infer *in, Ty obj, const char *name)
{
    const TyUnion *u = obj.un;
    if (u->none || dunder(name))
        return ty_dyn();
    int methods = 0;
    const MirFunction *first = NULL;
    Ty t = ty_bot();
    for (int k = 0; k < u->n; k++) {
        const InferClass *c = u->cls[k];
        if (!c->plain)
            return ty_dyn();
        int other;
        const MirFunction *m = classes_lookup(in, c, name, &other);
        if (other)
            return ty_dyn();
        if (m) {
            methods++;
            if (!first)
                first = m;
        } else {
            t = ty_join(t, classes_attr_ty(in, c, name));
        }
    }
    if (methods == u->n)
        return (Ty){.k = TY_UMETHOD, .un = u, .fn = first};
    return methods ? ty_dyn() : t;
}

InferClass *classes_owner(const Infer *in, const MirFunction *f)
{
    for (int i = 0; i < in->nclasses; i++) {
        InferClass *c = in->classes[i];
        for (int k = 0; k < c->nnames; k++)
            if (c->methods[k] == f)
                return c->plain ? c : NULL;
    }
    return NULL;
}

int classes_class_cell_only(const MirFunction *f)
{
    if (f->nfree != 1 || !f->freevars || strcmp(f->freevars[0], "__class__") != 0)
        return 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a]->op == MIR_ClosureCell && i->op != MIR_CellGet)
                    return 0;
        }
    return 1;
}

Ty classes_super_ty(const Infer *in, const InferCtx *c, const MirInst *call, Ty callee)
{
    if (callee.k != TY_BUILTIN || callee.bi != TB_super || call->nargs != 3 || call->nnames)
        return ty_dyn();
    const MirInst *cell = call->args[1], *self = call->args[2];
    if (cell->op != MIR_CellGet || cell->args[0]->op != MIR_ClosureCell ||
        self->op != MIR_Param || self->imm != 0 || !classes_class_cell_only(c->fn))
        return ty_dyn();
    InferClass *owner = classes_owner(in, c->fn);
    Ty s = infer_ty(c, self);
    if (s.k == TY_BOT)
        return ty_bot();
    if (!owner || s.k != TY_INST || !s.cls)
        return ty_dyn();
    for (const InferClass *x = s.cls; x; x = x->base)
        if (x == owner)
            return (Ty){.k = TY_SUPER, .cls = s.cls, .lo = owner->id};
    return ty_dyn();   /* (self is not an instance of the method's class: TypeError) */
}

/* super().name: a plain def found on the MRO after the method's class, bound to self */
static Ty super_getattr_ty(const Infer *in, Ty sup, const char *name)
{
    const InferClass *owner = in->classes[sup.lo];
    if (!owner->base)
        return ty_dyn();   /* object's methods */
    int other;
    const MirFunction *m = classes_lookup(in, owner->base, name, &other);
    if (!m || (dunder(name) && strcmp(name, "__init__") != 0))
        return ty_dyn();
    return (Ty){.k = TY_METHOD, .fn = m, .cls = sup.cls};
}

Ty classes_getattr_ty(const Infer *in, Ty obj, const char *name)
{
    if (obj.k == TY_UNION)
        return union_getattr_ty(in, obj, name);
    if (obj.k == TY_SUPER)
        return super_getattr_ty(in, obj, name);
    const InferClass *c = obj.cls;
    if (!c || !c->plain || dunder(name))
        return ty_dyn();
    int other;
    const MirFunction *m = classes_lookup(in, c, name, &other);
    if (m)
        return (Ty){.k = TY_METHOD, .fn = m, .cls = (InferClass *)c};
    if (other)
        return ty_dyn();   /* a class attribute (data, descriptor, decorated function) */
    return classes_attr_ty(in, c, name);
}

const MirInst *classes_dyn_store(const Infer *in, const InferClass *cls, const char *name,
                                 const MirFunction **fn)
{
    const InferAttr *a = attr_find(cls->attrs, cls->nattrs, name);
    if (!a || !a->dyn_at)
        a = attr_find(in->dynattrs, in->ndynattrs, name);
    if (a && !a->dyn_at && a->first_at) {   /* neither is dyn alone: their kinds conflict */
        *fn = a->first_fn;
        return a->first_at;
    }
    *fn = a ? a->dyn_fn : NULL;
    return a ? a->dyn_at : NULL;
}

/* Could a value of this type be a descriptor when it is stored on a class? */
static int plain_value(Ty t)
{
    switch (t.k) {
    case TY_BOT: case TY_INT: case TY_FLOAT: case TY_BOOL: case TY_NONE: case TY_STR:
    case TY_LIST: case TY_TUPLE: case TY_DICT: case TY_RANGE:
        return 1;
    default:
        return 0;
    }
}

static void attr_join(InferAttr **arr, int *n, int *cap, const char *name, Ty v, int *global,
                      const MirInst *at, const MirFunction *fn)
{
    InferAttr *a = attr_find(*arr, *n, name);
    if (!a) {
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 8;
            *arr = realloc(*arr, sizeof **arr * (size_t)*cap);
            if (!*arr)
                die("out of memory");
        }
        a = &(*arr)[(*n)++];
        memset(a, 0, sizeof *a);
        a->name = name;
        a->ty = ty_bot();
    }
    if (!a->first_at) {
        a->first_at = at;
        a->first_fn = fn;
    }
    Ty j = ty_join(a->ty, v);
    if (!ty_eq(j, a->ty)) {
        a->ty = a->changes++ >= ATTR_WIDEN_AFTER ? ty_widen(a->ty, j) : j;
        *global = 1;
        if (a->ty.k == TY_DYN) {
            a->dyn_at = at;
            a->dyn_fn = fn;
        }
    }
}

void classes_setattr(Infer *in, const InferCtx *c0, const MirInst *store, Ty obj, Ty value,
                     int *global)
{
    const char *name = store->str;
    if (obj.k == TY_BOT || !name)
        return;   /* not known yet (or never reached) */
    if (c0->index == 0 && !classes_generic_runs(in, c0->fn))
        return;   /* a method only direct calls reach: its generic version never runs */
    if (obj.k == TY_NONE)
        return;   /* AttributeError: no store */
    if (obj.k == TY_OPT && obj.cls)   /* None raises AttributeError: no store */
        obj = (Ty){.k = TY_INST, .cls = obj.cls};
    if (obj.k == TY_INST && obj.cls) {
        InferClass *c = obj.cls;
        attr_join(&c->attrs, &c->nattrs, &c->capattrs, name, value, global, store, c0->fn);
        return;
    }
    if (obj.k == TY_UNION && !obj.un->none) {   /* an instance of one of these classes */
        for (int k = 0; k < obj.un->n; k++) {
            InferClass *c = obj.un->cls[k];
            attr_join(&c->attrs, &c->nattrs, &c->capattrs, name, value, global, store, c0->fn);
        }
        return;
    }
    /* any receiver: maybe an instance of any class, maybe a class itself */
    if (!plain_value(value))
        value = ty_dyn();
    attr_join(&in->dynattrs, &in->ndynattrs, &in->capdynattrs, name, value, global, store,
              c0->fn);
}

Ty classes_call_ty(Infer *in, const InferCtx *from, const MirInst *call, Ty callee,
                   const Ty *args, int n, InferCtx **callee_ctx, int *global)
{
    *callee_ctx = NULL;
    InferClass *c = callee.cls;
    if (!c || !c->plain)
        return ty_dyn();
    if ((from->index == 0 && !classes_generic_runs(in, from->fn)) ||
        ((from->fn->flags & INFER_CO_SUSPENDS) && !from->genconv))
        /* a generic version that never runs makes no context; a generator's body stays
         * generic (specialize.c), so its calls are not direct */
        return callee.k == TY_CLASS ? (Ty){.k = TY_INST, .cls = c} : ty_dyn();
    const MirFunction *fn;
    if (callee.k == TY_CLASS) {
        int other;
        fn = classes_lookup(in, c, "__init__", &other);
        if (!fn)
            return (Ty){.k = TY_INST, .cls = c};   /* object.__init__ (or another binding) */
    } else {
        fn = callee.fn;
    }
    Ty inst = {.k = TY_INST, .cls = c};
    Ty result = callee.k == TY_CLASS ? inst : ty_dyn();
    if (call->nnames || n + 1 > 16 || !infer_cloneable(fn) || fn->nparams != n + 1 ||
        (fn->nfree && !classes_class_cell_only(fn)))
        return result;
    Ty a[17];
    a[0] = inst;
    for (int k = 0; k < n; k++) {
        if (args[k].k == TY_BOT)
            return callee.k == TY_CLASS ? inst : ty_bot();   /* come back later */
        a[k + 1] = args[k];
    }
    Ty cell[1] = {ty_dyn()};   /* __class__ (classes_class_cell_only): loaded, not passed */
    InferCtx *t = infer_ctx_for_call(in, (MirFunction *)fn, a, fn->nfree ? cell : NULL, global);
    *callee_ctx = t;
    if (t && t->index > 0 && fn->nfree) {
        InferClass *owner = classes_owner(in, fn);
        if (owner)
            owner->dispatched = 1;
    }
    if (callee.k == TY_CLASS)
        return inst;
    return t ? t->ret : ty_dyn();
}

InferCtx *classes_ucallee(const InferCtx *c, const MirInst *call, int k)
{
    if (!c->ucallee || call->id < 0 || call->id >= c->nvals)
        return NULL;
    return c->ucallee[(size_t)call->id * TY_UNION_MAX + (size_t)k];
}

Ty classes_ucall_ty(Infer *in, InferCtx *c, const MirInst *call, Ty callee, const Ty *args,
                    int n, int *global)
{
    const TyUnion *u = callee.un;
    if (c->ucallee)
        for (int k = 0; k < TY_UNION_MAX; k++)
            c->ucallee[(size_t)call->id * TY_UNION_MAX + (size_t)k] = NULL;
    if ((c->index == 0 && !classes_generic_runs(in, c->fn)) ||
        ((c->fn->flags & INFER_CO_SUSPENDS) && !c->genconv))
        return ty_dyn();   /* no contexts from there (as classes_call_ty) */
    for (int k = 0; k < n; k++)
        if (args[k].k == TY_BOT)
            return ty_bot();   /* come back later */
    if (!c->ucallee)
        c->ucallee = xcalloc((size_t)c->nvals * TY_UNION_MAX + 1, sizeof *c->ucallee);
    Ty result = ty_bot();
    for (int k = 0; k < u->n; k++) {
        InferClass *cls = u->cls[k];
        int other;
        const MirFunction *fn = classes_lookup(in, cls, call->args[0]->str, &other);
        InferCtx *t = NULL;
        Ty a[17];
        if (fn && !call->nnames && n + 1 <= 16 && infer_cloneable(fn) && fn->nparams == n + 1 &&
            !fn->nfree) {
            a[0] = (Ty){.k = TY_INST, .cls = cls};
            for (int j = 0; j < n; j++)
                a[j + 1] = args[j];
            t = infer_ctx_for_call(in, (MirFunction *)fn, a, NULL, global);
        }
        if (!t || t->index == 0) {
            result = ty_dyn();   /* that class takes the generic call */
            t = NULL;
        } else {
            result = ty_join(result, t->ret);
            cls->dispatched = 1;
        }
        c->ucallee[(size_t)call->id * TY_UNION_MAX + (size_t)k] = t;
    }
    return result;
}

/* explain: the attribute table of every plain class of the file. */
void classes_explain(FILE *out, const Infer *in, const char *file)
{
    for (int i = 0; i < in->nclasses; i++) {
        const InferClass *c = in->classes[i];
        if (file && (!c->body || !c->body->file || strcmp(c->body->file, file) != 0))
            continue;
        fprintf(out, "class %s (line %d)", c->qualname, c->body ? c->body->firstlineno : 0);
        if (!c->plain) {
            if (in->escape && c->why == in->escape)
                fprintf(out, ": dynamic (the program uses %s)\n", in->escape);
            else
                fprintf(out, ": dynamic (%s)\n", c->why ? c->why : "?");
            continue;
        }
        fprintf(out, ", base %s\n", c->base ? c->base->qualname : "object");
        int nm = 0;
        for (int k = 0; k < c->nnames; k++) {
            int other;
            const MirFunction *m = classes_lookup(in, c, c->names[k], &other);
            if (!m || (dunder(c->names[k]) && strcmp(c->names[k], "__init__") != 0))
                continue;
            fprintf(out, "%s %s", nm++ ? "," : "  methods:", c->names[k]);
        }
        if (nm)
            fputc('\n', out);
        /* attributes: those stored on exact instances, then those stored elsewhere that a
         * load on an instance would type */
        int na = 0;
        for (int k = 0; k < c->nattrs; k++) {
            char buf[128];
            Ty t = classes_getattr_ty(in, (Ty){.k = TY_INST, .cls = (InferClass *)c},
                                      c->attrs[k].name);
            fprintf(out, "%s .%s: %s", na++ ? "," : "  attributes:", c->attrs[k].name,
                    ty_str(t, buf, sizeof buf));
        }
        if (na)
            fputc('\n', out);
        layout_explain(out, in, c);
    }
}

/* ---- which generic versions of methods may run ---- */

/* Methods the runtime itself looks up and calls on objects of any class (the mapping
 * protocol's keys, print's file.write, generators' send/throw/close, ...). */
static int runtime_called(const Infer *in, const char *name)
{
    static const char *const names[] = {"keys", "write", "flush", "close",
                                        "read", "readline", "readlines", "fileno", "isatty",
                                        "get", "derive", "writelines", "items", "values", NULL};
    /* .send/.throw of an object other than a generator are called by the runtime only for
     * the sub-iterator of a `yield from` or an awaitable (gen.c) */
    if (strcmp(name, "send") == 0 || strcmp(name, "throw") == 0)
        return in->delegates;
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

static int in_list(const char *const *a, int n, const char *name)
{
    for (int k = 0; k < n; k++)
        if (strcmp(a[k], name) == 0)
            return 1;
    return 0;
}

int classes_generic_runs(const Infer *in, const MirFunction *f)
{
    if (in->all_open || in->escape)
        return 1;
    for (int i = 0; i < in->nclasses; i++) {
        const InferClass *c = in->classes[i];
        for (int k = 0; k < c->nnames; k++) {
            if (c->methods[k] != f)
                continue;
            const char *name = c->names[k];
            if (!c->plain ||
                (dunder(name) && strcmp(name, "__init__") != 0 && !dunder_closed(in, c, name)) ||
                runtime_called(in, name) || stored_somewhere(in, name) ||
                in_list(in->open_names, in->nopen_names, name))
                return 1;
            for (int j = 0; j < in->nopen_fns; j++)
                if (in->open_fns[j] == f)
                    return 1;
            return 0;
        }
    }
    return funcs_generic_runs(in, f);   /* not a method: funcs.c */
}

int classes_each_running(Infer *in, RunningInstFn fn)
{
    int opened = 0;
    for (int ci = 0; ci < in->nctxs; ci++) {
        const InferCtx *c = in->ctxs[ci];
        const MirFunction *f = c->fn;
        if (c->index == 0 && !classes_generic_runs(in, f))
            continue;   /* never runs */
        for (int b = 0; b < f->nblocks; b++)
            if (c->reached[b])
                for (int k = 0; k < f->blocks[b]->ninsts; k++)
                    opened |= fn(in, c, f->blocks[b]->insts[k]);
    }
    return opened;
}

static int open_fn(Infer *in, const MirFunction *f)
{
    if (!f || classes_generic_runs(in, f))
        return 0;
    if (in->nopen_fns == in->capopen_fns) {
        in->capopen_fns = in->capopen_fns ? 2 * in->capopen_fns : 8;
        in->open_fns = realloc(in->open_fns, sizeof *in->open_fns * (size_t)in->capopen_fns);
        if (!in->open_fns)
            die("out of memory");
    }
    in->open_fns[in->nopen_fns++] = f;
    return 1;
}

static int open_name(Infer *in, const char *name)
{
    int closed = 0;
    for (int i = 0; i < in->nclasses && !closed; i++)
        for (int k = 0; k < in->classes[i]->nnames; k++)
            if (in->classes[i]->methods[k] && strcmp(in->classes[i]->names[k], name) == 0 &&
                !classes_generic_runs(in, in->classes[i]->methods[k]))
                closed = 1;
    if (!closed)
        return 0;
    if (in->nopen_names == in->capopen_names) {
        in->capopen_names = in->capopen_names ? 2 * in->capopen_names : 8;
        in->open_names = realloc(in->open_names,
                                 sizeof *in->open_names * (size_t)in->capopen_names);
        if (!in->open_names)
            die("out of memory");
    }
    in->open_names[in->nopen_names++] = name;
    return 1;
}

int classes_open_name(Infer *in, const char *name) { return open_name(in, name); }

int classes_open_leaking(Infer *in, const char *name)
{
    int opened = 0;
    for (int i = 0; i < in->nclasses; i++) {
        InferClass *c = in->classes[i];
        int other;
        if (c->leaks)
            opened |= open_fn(in, classes_lookup(in, c, name, &other));
    }
    return opened;
}

static const MirFunction *init_of(const Infer *in, const InferClass *c)
{
    int other;
    return classes_lookup(in, c, "__init__", &other);
}

/* A class object reached by name other than through a typed load (import.from, m.C, a load
 * of an unstable global): its calls go through the runtime. */
static int open_by_global_name(Infer *in, const MirModule *m, const char *name, Ty t)
{
    int opened = 0;
    for (int k = 0; k < in->nglobals; k++) {
        const InferGlobal *g = &in->globals[k];
        if (g->ty.k != TY_CLASS || !g->ty.cls || strcmp(g->name, name) != 0 ||
            (m && g->mod != m) || (t.k == TY_CLASS && t.cls == g->ty.cls))
            continue;
        opened |= open_fn(in, init_of(in, g->ty.cls));
    }
    return opened;
}

/* Is every use of the bound method `get` in f a direct call of it (specialize.c makes those
 * call.direct without the bound method)? */
static int only_direct_calls(const InferCtx *c, const MirInst *get)
{
    const MirFunction *f = c->fn;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++) {
                if (i->args[a] != get)
                    continue;
                if (i->op != MIR_Call || a != 0 || i->nnames || i->id < 0 || i->id >= c->nvals)
                    return 0;
                const InferCtx *t = c->mcallee[i->id];
                if (!t || t->index == 0)
                    return 0;
            }
        }
    return 1;
}

static int bottom_arg(const InferCtx *c, const MirInst *call)
{
    for (int a = 1; a < call->nargs; a++)
        if (infer_ty(c, call->args[a]).k == TY_BOT)
            return 1;
    return 0;
}

/* The bound method `get` of a union receiver: when its only uses are calls dispatched on
 * the class (classes_ucall_ty), the methods of the classes whose call is generic there
 * (no context) run generically; any other use may run every method of that name. */
static int union_calls_open(Infer *in, const InferCtx *c, const MirInst *get)
{
    const MirFunction *f = c->fn;
    Ty o = infer_ty(c, get->args[0]);
    int opened = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++) {
                if (i->args[a] != get)
                    continue;
                if (i->op == MIR_Call && a == 0 && bottom_arg(c, i))
                    continue;   /* never runs */
                if (i->op != MIR_Call || a != 0 || i->nnames || !c->ucallee)
                    return open_name(in, get->str);
                for (int m = 0; m < o.un->n; m++) {
                    if (classes_ucallee(c, i, m))
                        continue;
                    int other;
                    opened |= open_fn(in, classes_lookup(in, o.un->cls[m], get->str, &other));
                }
            }
        }
    return opened;
}

static int class_call_direct(const Infer *in, const InferCtx *c, const MirInst *call, Ty t)
{
    if (call->nnames || call->id < 0 || call->id >= c->nvals)
        return 0;
    const InferCtx *x = c->mcallee[call->id];
    if (x && x->index > 0 && (x->ret.k == TY_NONE || x->ret.k == TY_BOT))
        return 1;
    int other;
    return !classes_lookup(in, t.cls, "__init__", &other) && !other && call->nargs == 1;
}

/* May operand a of i be a class object without escaping (the uses classes.c understands)? */
static int class_use_ok(const MirInst *i, int a)
{
    switch (i->op) {
    case MIR_Call:
        for (int k = 1; k < i->nargs; k++)
            if (i->args[k] == i->args[a])
                return 0;
        return a == 0;
    case MIR_GlobalStore: case MIR_Phi: case MIR_GetAttr:
        return 1;
    case MIR_BuildClass:
        return a >= 2;
    default:
        return 0;
    }
}

/* classes_verify's check of one instruction of a running context */
static int verify_inst(Infer *in, const InferCtx *c, const MirInst *i)
{
    int opened = 0;
    for (int a = 0; a < i->nargs; a++) {
        Ty t = infer_ty(c, i->args[a]);
        if (t.k == TY_CLASS && t.cls && !class_use_ok(i, a) &&
            !dunder_class_arg_ok(c, i, a))
            opened |= open_fn(in, init_of(in, t.cls));
    }
    switch (i->op) {
    case MIR_GetAttr: {
        Ty o = infer_ty(c, i->args[0]);
        opened |= open_by_global_name(in, NULL, i->str, ty_dyn());
        if (o.k == TY_BOT || o.k == TY_SET)
            break;   /* (a set's attributes are the builtin set's) */
        if (o.k == TY_INST) {
            if (infer_ty(c, i).k == TY_METHOD && !only_direct_calls(c, i))
                opened |= open_name(in, i->str);
            break;
        }
        if (o.k == TY_SUPER) {
            if (infer_ty(c, i).k != TY_METHOD || !only_direct_calls(c, i))
                opened |= open_name(in, i->str);
            break;
        }
        if (o.k == TY_UNION && !o.un->none) {
            Ty t = infer_ty(c, i);
            if (t.k == TY_UMETHOD)
                opened |= union_calls_open(in, c, i);
            else if (t.k == TY_DYN)
                opened |= open_name(in, i->str);
            break;   /* (a data attribute of every class: no method runs) */
        }
        if (o.k == TY_DYN) {   /* an instance of a class that leaks (leaks.c) */
            opened |= classes_open_leaking(in, i->str);
            break;
        }
        opened |= open_name(in, i->str);
        break;
    }
    case MIR_NameLoad:
        if (!dunder_alias_load(in, c->fn, i))   /* __rmul__ = __mul__: dunder.c */
            opened |= open_name(in, i->str);
        opened |= open_by_global_name(in, NULL, i->str, ty_dyn());
        break;
    case MIR_ImportFrom:
        opened |= open_by_global_name(in, NULL, i->str, ty_dyn());
        break;
    case MIR_GlobalLoad:
        opened |= open_by_global_name(in, c->fn->module, i->str, infer_ty(c, i));
        break;
    case MIR_Call: {
        Ty t = infer_ty(c, i->args[0]);
        if (bottom_arg(c, i))
            break;   /* an argument never has a value: the call never runs */
        if (t.k == TY_CLASS && t.cls && !class_call_direct(in, c, i, t))
            opened |= open_fn(in, init_of(in, t.cls));
        break;
    }
    default:
        break;
    }
    return opened;
}

/* Does every use of `v` in f satisfy ok(use, operand index)? */
static int uses_all(const MirFunction *f, const MirInst *v, int (*ok)(const MirInst *, int))
{
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a] == v && !ok(i, a))
                    return 0;
        }
    return 1;
}

static int name_attr_use(const MirInst *i, int a)
{
    return i->op == MIR_GetAttr && a == 0 && i->str &&
           (strcmp(i->str, "__name__") == 0 || strcmp(i->str, "__qualname__") == 0 ||
            strcmp(i->str, "__module__") == 0);
}

/* `type` loaded only to name a value's class, type(x).__name__ (error messages do it): the
 * class object is read for its name and nothing else, so no class is reached as a value the
 * inference cannot follow. */
static int type_for_name_only(const MirFunction *f, const MirInst *load)
{
    if (strcmp(load->str, "type") != 0)
        return 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->ninsts; k++) {
            const MirInst *i = f->blocks[b]->insts[k];
            for (int a = 0; a < i->nargs; a++)
                if (i->args[a] == load &&
                    (i->op != MIR_Call || a != 0 || i->nargs != 2 || i->nnames ||
                     !uses_all(f, i, name_attr_use)))
                    return 0;
        }
    return 1;
}

int classes_verify(Infer *in)
{
    int opened = 0;
    const MirProgram *p = in->prog;
    if (in->all_open || in->escape)
        return 0;
    leaks_compute(in);
    for (int fi = 0; fi < p->nfuncs; fi++) {
        const MirFunction *f = p->funcs[fi];
        for (int b = 0; b < f->nblocks; b++)
            for (int k = 0; k < f->blocks[b]->ninsts; k++) {
                const MirInst *i = f->blocks[b]->insts[k];
                int all = i->op == MIR_ImportStar ||
                          ((i->op == MIR_GlobalLoad || i->op == MIR_NameLoad) && i->str &&
                           (strcmp(i->str, "getattr") == 0 ||
                            (strcmp(i->str, "type") == 0 && !type_for_name_only(f, i)))) ||
                          (i->op == MIR_GetAttr && i->str && strcmp(i->str, "__class__") == 0);
                if (all) {   /* classes reached as values the inference cannot follow */
                    in->all_open = 1;
                    return 1;
                }
            }
    }
    opened |= classes_each_running(in, verify_inst);
    return opened;
}
