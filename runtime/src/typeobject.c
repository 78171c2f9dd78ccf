/*
 * typeobject.c - the `type` type: type(x), type(name, bases, dict), class creation
 * (rt_build_class, CPython's __build_class__), C3 MRO, instance layout, __slots__, metaclass
 * resolution, __init_subclass__ / __set_name__, calling a class, type attributes
 * (__name__, __mro__ ...), isinstance/issubclass with __instancecheck__/__subclasscheck__.
 *
 * Entry points: rt_func.h's rt_build_class; rt_class.h's rt_type_new, rt_type_call,
 * rt_isinstance_full, rt_issubclass_full, rt_type_subclasses; class_internal.h's
 * rt_typeobject_fill_type_dict, rt_type_foreach_subclass, rt_typeobject_init_slots.
 *
 * A heap type is a HeapType (the Type first, so a Type * is also a HeapType *): it keeps the
 * class name as a C string for Type.name and how many __slots__ members it added.  Layout
 * (CPython's rules): the instance is its "best base"'s layout, plus one Value per __slots__
 * name, plus a __dict__ pointer unless __slots__ forbids it or a base already has one.  The
 * solid base of a type is the nearest type in its base chain that changes the layout beyond
 * such a dict; two bases whose solid bases are unrelated cannot be combined ("multiple bases
 * have instance lay-out conflict").
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_class.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_str.h"
#include "class_internal.h"

typedef struct HeapType {
    Type type;
    Value name;        /* str __name__ (type.name points into a copy of its bytes) */
    int64_t nslots;    /* __slots__ members this class added */
    /* instance dict sizing (rt_instance_new): the most attributes an instance was seen
     * with, and the last instance made, hidden from the collector (~address) so that it
     * does not keep it alive, with the collection epoch it was made in */
    int64_t dict_hint;
    size_t dict_bytes;         /* rt_dict_embedded_size(dict_hint) */
    uintptr_t last_hidden;
    uint64_t last_epoch;
} HeapType;

#define SUBCLASS_FLAGS                                                                        \
    (RT_TPFLAG_INT_SUBCLASS | RT_TPFLAG_STR_SUBCLASS | RT_TPFLAG_LIST_SUBCLASS |             \
     RT_TPFLAG_TUPLE_SUBCLASS | RT_TPFLAG_DICT_SUBCLASS | RT_TPFLAG_EXC_SUBCLASS |           \
     RT_TPFLAG_TYPE_SUBCLASS)

int rt_type_is_heap(const Type *t) { return (t->flags & RT_TPFLAG_HEAPTYPE) != 0; }

static Value istr(const char *s) { return rt_str_intern(s); }

void rt_type_foreach_subclass(Type *t, void (*fn)(Type *sub, void *arg), void *arg)
{
    if (!t->subclasses)
        return;
    /* by index: the list may grow while fn runs */
    for (int64_t i = 0; i < rt_list_size(t->subclasses); i++)
        fn((Type *)rt_obj(((ListObject *)rt_obj(t->subclasses))->items[i]), arg);
}

static void add_sub(Type *sub, void *arg) { rt_list_append((Value)(uintptr_t)arg, rt_val(sub)); }

Value rt_type_subclasses(Type *t)
{
    Value l = rt_list_new(0);
    if (l)
        rt_type_foreach_subclass(t, add_sub, (void *)(uintptr_t)l);
    return l;
}

/* ================================================================ C3 linearisation ======== */

static Value mro_of(Type *t)
{
    if (!t->mro)
        rt_type_ready(t);
    return t->mro;
}

/* CPython's message lists the bases still unmerged, in order, without duplicates */
static Value mro_error(Value *seqs[], int64_t *lens, int64_t *pos, int64_t nseq)
{
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_adds(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
    Value seen[64];
    int nseen = 0;
    for (int64_t i = 0; i < nseq; i++) {
        if (pos[i] >= lens[i])
            continue;
        Value v = seqs[i][pos[i]];
        int dup = 0;
        for (int k = 0; k < nseen; k++)
            dup |= seen[k] == v;
        if (dup)
            continue;
        if (nseen < 64)
            seen[nseen++] = v;
        rt_sb_adds(&b, nseen > 1 ? ", " : " ");
        rt_sb_adds(&b, ((Type *)rt_obj(v))->name);
    }
    Value msg = rt_sb_finish(&b);
    return msg ? rt_raise_fmt(rt_TypeError, "%U", msg) : RT_ERR;
}

/* the C3 merge of the bases' MROs and the list of bases: a tuple starting with t */
static Value compute_mro(Type *t, Value bases)
{
    int64_t nb = rt_tuple_size(bases), nseq = nb + 1, total = 1;
    Value **seqs = rt_alloc((size_t)nseq * sizeof(Value *));
    int64_t *lens = rt_alloc((size_t)nseq * 2 * sizeof(int64_t));
    if (!seqs || !lens)
        return RT_ERR;
    int64_t *pos = lens + nseq;
    for (int64_t i = 0; i < nb; i++) {
        Value m = mro_of((Type *)rt_obj(rt_tuple_item(bases, i)));
        if (!m)
            return RT_ERR;
        seqs[i] = ((TupleObject *)rt_obj(m))->items;
        lens[i] = rt_tuple_size(m);
        total += lens[i];
    }
    seqs[nb] = ((TupleObject *)rt_obj(bases))->items;
    lens[nb] = nb;
    Value *out = rt_alloc((size_t)total * sizeof(Value));
    if (!out)
        return RT_ERR;
    int64_t n = 0;
    out[n++] = rt_val(t);
    for (;;) {
        int64_t left = 0;
        Value cand = 0;
        for (int64_t i = 0; i < nseq && !cand; i++) {
            if (pos[i] >= lens[i])
                continue;
            left++;
            Value c = seqs[i][pos[i]];
            /* a good head appears in no other sequence's tail */
            int ok = 1;
            for (int64_t j = 0; j < nseq && ok; j++)
                for (int64_t k = pos[j] + 1; k < lens[j] && ok; k++)
                    ok = seqs[j][k] != c;
            if (ok)
                cand = c;
        }
        if (!cand) {
            for (int64_t i = 0; i < nseq; i++)
                left += pos[i] < lens[i];
            if (!left)
                break;
            return mro_error(seqs, lens, pos, nseq);
        }
        out[n++] = cand;
        for (int64_t i = 0; i < nseq; i++)
            if (pos[i] < lens[i] && seqs[i][pos[i]] == cand)
                pos[i]++;
    }
    return rt_tuple_from(out, n);
}

/* ================================================================ layout ================== */

static Type *solid_base(Type *t)
{
    for (; t->base; t = t->base) {
        if (rt_type_is_heap(t)) {
            if (((HeapType *)t)->nslots)
                return t;
        } else if (t->basicsize != t->base->basicsize) {
            return t;
        }
    }
    return t;
}

/* the base whose layout the new class extends */
static Type *best_base(Value bases)
{
    Type *base = NULL, *winner = NULL;
    for (int64_t i = 0; i < rt_tuple_size(bases); i++) {
        Type *b = (Type *)rt_obj(rt_tuple_item(bases, i));
        Type *cand = solid_base(b);
        if (!winner) {
            winner = cand;
            base = b;
        } else if (rt_issubtype(winner, cand)) {
            /* keep */
        } else if (rt_issubtype(cand, winner)) {
            winner = cand;
            base = b;
        } else {
            rt_raise_str(rt_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static int has_dict(Type *t)
{
    return t->dictoffset != 0 || (t->flags & RT_TPFLAG_EXC_SUBCLASS);
}

static int is_identifier(Value s)
{
    const char *p = rt_str_bytes(s);
    size_t n = rt_str_nbytes(s);
    if (!n || (p[0] >= '0' && p[0] <= '9'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c >= 0x80))
            return 0;
    }
    return 1;
}

/* __slots__: adds member descriptors to dict; *want_dict tells whether "__dict__" was
 * listed.  Returns the number of members, -1 on error. */
static int64_t do_slots(HeapType *ht, Type *base, Value slots, Value dict, int *want_dict)
{
    Value names = rt_is_strv(slots) ? rt_tuple_from(&slots, 1) : rt_tuple_from_iterable(slots);
    if (!names)
        return -1;
    int64_t n = 0;
    *want_dict = 0;
    for (int64_t i = 0; i < rt_tuple_size(names); i++) {
        Value s = rt_tuple_item(names, i);
        if (!rt_is_strv(s)) {
            rt_raise_fmt(rt_TypeError, "__slots__ items must be strings, not '%T'", s);
            return -1;
        }
        if (!is_identifier(s)) {
            rt_raise_str(rt_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (!strcmp(rt_str_bytes(s), "__dict__")) {
            if (*want_dict || has_dict(base)) {
                rt_raise_str(rt_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            *want_dict = 1;
            continue;
        }
        if (!strcmp(rt_str_bytes(s), "__weakref__"))
            continue;
        if (rt_dict_get(dict, s)) {
            rt_raise_fmt(rt_ValueError, "%R in __slots__ conflicts with class variable", s);
            return -1;
        }
        if (base->itemsize || (base->flags & RT_TPFLAG_TUPLE_SUBCLASS)) {
            rt_raise_fmt(rt_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                         base->name);
            return -1;
        }
        Value m = rt_member_new(&ht->type, rt_str_intern_value(s),
                                ht->type.basicsize + (size_t)n * sizeof(Value));
        if (!m || rt_dict_set(dict, s, m) < 0)
            return -1;
        n++;
    }
    return n;
}

/* ================================================================ type.__new__ ============ */

static Value meta_conflict(void)
{
    return rt_raise_str(rt_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
}

/* the most derived metaclass of meta and the bases' types; NULL after raising */
static Type *calculate_meta(Type *meta, Value bases)
{
    Type *winner = meta;
    for (int64_t i = 0; i < rt_tuple_size(bases); i++) {
        Type *bt = rt_typeof(rt_tuple_item(bases, i));
        if (rt_issubtype(winner, bt))
            continue;
        if (rt_issubtype(bt, winner)) {
            winner = bt;
            continue;
        }
        meta_conflict();
        return NULL;
    }
    return winner;
}

static Value type_new_slot(Type *meta, const Value *args, size_t nargs, Value kwnames);

/* wraps a plain function found under `key` in staticmethod/classmethod */
static int wrap_implicit(Value dict, const char *key, Type *wrapper)
{
    Value k = istr(key);
    Value f = rt_dict_get(dict, k);
    if (!f || rt_typeof(f) != &rt_function_type)
        return 0;
    Value w = rt_call(rt_val(wrapper), &f, 1, 0);
    return w ? rt_dict_set(dict, k, w) : -1;
}

static int set_names(Type *t, Value dict)
{
    int64_t pos = 0, h;
    Value k, v;
    /* iterate over a snapshot: __set_name__ may change the namespace */
    Value items = rt_dict_items(dict);
    Value lst = items ? rt_list_from_iterable(items) : RT_ERR;
    if (!lst)
        return -1;
    (void)pos, (void)h;
    for (int64_t i = 0; i < rt_list_size(lst); i++) {
        Value pair = ((ListObject *)rt_obj(lst))->items[i];
        k = rt_tuple_item(pair, 0);
        v = rt_tuple_item(pair, 1);
        int found;
        Value args[2] = {rt_val(t), k};
        Value r = rt_call_special(v, "__set_name__", args, 2, &found);
        if (!found && !rt_exc_pending())
            continue;
        if (!r) {
            Value cause = rt_exc_fetch();
            rt_raise_fmt(rt_RuntimeError, "Error calling __set_name__ on '%T' instance %R in '%s'",
                         v, k, t->name);
            Value e = rt_exc_fetch();
            rt_raise_from(e, cause);
            return -1;
        }
    }
    return 0;
}

/* super(t, t).__init_subclass__(**kwargs) */
static int init_subclass(Type *t, const Value *kwvalues, Value kwnames)
{
    Value s = rt_super_new(rt_val(t), rt_val(t));
    if (!s)
        return -1;
    Value f = rt_getattr(s, istr("__init_subclass__"));
    if (!f)
        return -1;
    return rt_call(f, kwvalues, 0, kwnames) ? 0 : -1;
}

Value rt_type_new(Type *meta, Value name, Value bases, Value odict, const Value *kwvalues,
                  Value kwnames)
{
    if (!rt_is_strv(name))
        return rt_raise_fmt(rt_TypeError, "type.__new__() argument 1 must be str, not %T", name);
    if (!(rt_typeof(bases)->flags & RT_TPFLAG_TUPLE_SUBCLASS))
        return rt_raise_fmt(rt_TypeError, "type.__new__() argument 2 must be tuple, not %T",
                            bases);
    if (!(rt_typeof(odict)->flags & RT_TPFLAG_DICT_SUBCLASS))
        return rt_raise_fmt(rt_TypeError, "type.__new__() argument 3 must be dict, not %T",
                            odict);
    for (int64_t i = 0; i < rt_tuple_size(bases); i++)
        if (!rt_is_type(rt_tuple_item(bases, i)))
            return rt_raise_fmt(rt_TypeError, "bases must be types");
    Type *winner = calculate_meta(meta, bases);
    if (!winner)
        return RT_ERR;
    if (winner != meta) {
        NewFn wn = NULL;
        for (Type *w = winner; w && !wn; w = w->base)
            wn = w->new_;
        if (wn != type_new_slot) {
            Value a[3] = {name, bases, odict};
            size_t nk = rt_nkw(kwnames);
            Value buf[16];
            if (nk > 13)
                return rt_raise_str(rt_TypeError, "too many class keywords");
            memcpy(buf, a, sizeof a);
            memcpy(buf + 3, kwvalues, nk * sizeof(Value));
            return wn(winner, buf, 3, kwnames);
        }
        meta = winner;
    }
    if (rt_tuple_size(bases) == 0) {
        Value o = rt_val(&rt_object_type);
        if (!(bases = rt_tuple_from(&o, 1)))
            return RT_ERR;
    }
    for (int64_t i = 0; i < rt_tuple_size(bases); i++) {
        Type *b = (Type *)rt_obj(rt_tuple_item(bases, i));
        if (!(b->flags & RT_TPFLAG_BASETYPE))
            return rt_raise_fmt(rt_TypeError, "type '%s' is not an acceptable base type", b->name);
        for (int64_t j = 0; j < i; j++)
            if (rt_tuple_item(bases, j) == rt_val(b))
                return rt_raise_fmt(rt_TypeError, "duplicate base class %s", b->name);
        if (!b->mro && rt_type_ready(b) < 0)
            return RT_ERR;
    }
    Type *base = best_base(bases);
    if (!base)
        return RT_ERR;

    Value dict = rt_dict_copy(odict);
    if (!dict)
        return RT_ERR;
    size_t msize = meta->basicsize > sizeof(HeapType) ? meta->basicsize : sizeof(HeapType);
    HeapType *ht = (HeapType *)rt_alloc(msize);
    if (!ht)
        return RT_ERR;
    Type *t = &ht->type;
    t->ob.type = meta;
    ht->name = name;
    char *cname = rt_alloc_atomic(rt_str_nbytes(name) + 1);
    if (!cname)
        return RT_ERR;
    memcpy(cname, rt_str_bytes(name), rt_str_nbytes(name) + 1);
    t->name = cname;
    t->base = base;
    t->bases = bases;
    t->flags = RT_TPFLAG_HEAPTYPE | RT_TPFLAG_BASETYPE;
    for (int64_t i = 0; i < rt_tuple_size(bases); i++)
        t->flags |= ((Type *)rt_obj(rt_tuple_item(bases, i)))->flags & SUBCLASS_FLAGS;
    t->basicsize = base->basicsize;
    t->itemsize = base->itemsize;
    t->dictoffset = base->dictoffset;
    t->dict = dict;

    /* __qualname__ and __module__ */
    Value qk = istr("__qualname__");
    Value q = rt_dict_get(dict, qk);
    if (q) {
        if (!rt_is_strv(q))
            return rt_raise_fmt(rt_TypeError, "type __qualname__ must be a str, not %T", q);
        if (rt_dict_del(dict, qk) < 0)
            return RT_ERR;
    }
    t->qualname = q ? q : name;
    Value mk = istr("__module__");
    Value m = rt_dict_get(dict, mk);
    if (!m) {
        m = istr("__main__");
        if (rt_dict_set(dict, mk, m) < 0)
            return RT_ERR;
    }
    t->module = rt_is_strv(m) ? m : 0;
    if (!rt_dict_get(dict, istr("__doc__")) && rt_dict_set(dict, istr("__doc__"), rt_None) < 0)
        return RT_ERR;

    /* layout: __slots__ members, then the dict pointer */
    Value slots = rt_dict_get(dict, istr("__slots__"));
    /* a metaclass's instances are classes: their namespace is type's __dict__ (CPython's
     * type has a dict offset, so its subclasses add neither a dict pointer nor a getset) */
    int want_dict = !(t->flags & RT_TPFLAG_TYPE_SUBCLASS);
    if (slots) {
        int64_t n = do_slots(ht, base, slots, dict, &want_dict);
        if (n < 0)
            return RT_ERR;
        ht->nslots = n;
        t->basicsize += (size_t)n * sizeof(Value);
    }
    if (want_dict && !has_dict(base)) {
        if (base->flags & (RT_TPFLAG_TUPLE_SUBCLASS | RT_TPFLAG_STR_SUBCLASS)) {
            /* variable-size layouts: the dict pointer follows the items (attr.c) */
            t->dictoffset = -1;
        } else {
            t->dictoffset = (ptrdiff_t)t->basicsize;
        }
        t->basicsize += sizeof(Value);
    }
    if (want_dict && !rt_dict_get(dict, istr("__dict__"))) {
        Value g = rt_slots_dict_getset(t);
        if (!g || rt_dict_set(dict, istr("__dict__"), g) < 0)
            return RT_ERR;
    }

    /* implicit staticmethod/classmethod, __hash__ = None beside __eq__ */
    if (wrap_implicit(dict, "__new__", &rt_staticmethod_type) < 0 ||
        wrap_implicit(dict, "__init_subclass__", &rt_classmethod_type) < 0 ||
        wrap_implicit(dict, "__class_getitem__", &rt_classmethod_type) < 0)
        return RT_ERR;
    if (rt_dict_get(dict, istr("__eq__")) && !rt_dict_get(dict, istr("__hash__")) &&
        rt_dict_set(dict, istr("__hash__"), rt_None) < 0)
        return RT_ERR;

    Value mro = compute_mro(t, bases);
    if (!mro)
        return RT_ERR;
    t->mro = mro;
    rt_type_modified(t);
    for (int64_t i = 0; i < rt_tuple_size(t->bases); i++) {   /* each base knows t */
        Type *b = (Type *)rt_obj(rt_tuple_item(t->bases, i));
        if (!b->subclasses && !(b->subclasses = rt_list_new(0)))
            return RT_ERR;
        if (rt_list_append(b->subclasses, rt_val(t)) < 0)
            return RT_ERR;
    }
    rt_slots_update_all(t);

    /* __classcell__: the cell behind super() and __class__ in methods */
    Value ck = istr("__classcell__");
    Value cell = rt_dict_get(dict, ck);
    if (cell) {
        if (rt_typeof(cell) != &rt_cell_type)
            return rt_raise_fmt(rt_TypeError, "__classcell__ must be a nonlocal cell, not %T",
                                cell);
        rt_cell_set(cell, rt_val(t));
        if (rt_dict_del(dict, ck) < 0)
            return RT_ERR;
        rt_type_modified(t);   /* lookups made since the namespace was installed saw it */
    }
    if (set_names(t, dict) < 0 || init_subclass(t, kwvalues, kwnames) < 0)
        return RT_ERR;
    return rt_val(t);
}

/* type.__new__(meta, ...): type(x) or type(name, bases, dict, **kw) */
static Value type_new_slot(Type *meta, const Value *args, size_t nargs, Value kwnames)
{
    if (meta == &rt_type_type && nargs == 1 && !rt_nkw(kwnames))
        return rt_val(rt_typeof(args[0]));
    if (nargs != 3)
        return rt_raise_str(rt_TypeError, "type() takes 1 or 3 arguments");
    return rt_type_new(meta, args[0], args[1], args[2], args + 3, kwnames);
}

static int type_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs == 1 && rt_nkw(kwnames)) {
        rt_raise_str(rt_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        rt_raise_str(rt_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ================================================================ calling a class ========= */

Value rt_type_call(Value type, const Value *args, size_t nargs, Value kwnames)
{
    Type *t = (Type *)rt_obj(type);
    if (t == &rt_type_type && nargs == 1 && !rt_nkw(kwnames))
        return rt_val(rt_typeof(args[0]));
    NewFn nf = NULL;
    for (Type *b = t; b && !nf; b = b->base)
        nf = b->new_;
    if (!nf)
        return rt_raise_fmt(rt_TypeError, "cannot create '%s' instances", t->name);
    Value obj = nf(t, args, nargs, kwnames);
    if (!obj)
        return RT_ERR;
    /* __init__ runs only when __new__ returned an instance of the class */
    Type *ot = rt_typeof(obj);
    if (ot != t && !rt_issubtype(ot, t))
        return obj;
    InitFn init = NULL;
    for (Type *b = ot; b && !init; b = b->base)
        init = b->init;
    if (init && init(obj, args, nargs, kwnames) < 0)
        return RT_ERR;
    return obj;
}

/* The most keys an embedded instance dict is made for: larger tables would make every
 * instance of a class pay for one instance used as a namespace. */
#define DICT_HINT_MAX 21

/* A new, zeroed instance of t (the allocation of object.__new__ and of the typed tier's
 * inst.new).  An instance of a heap type with a dict gets the dict at once, in the same block
 * (rt_dict_embedded_init), made for as many keys as the class's instances were seen to hold,
 * so that `self.x = ...` in __init__ neither creates the dict nor grows its table.  What was
 * seen: when an instance is made, the one made before it, if no collection ran in between
 * (then its memory is intact even if it is garbage: only a collection frees; no reference is
 * kept), gives its dict's entry count.  Its __init__ has usually run by then; the maximum is
 * kept, so an instance caught early (a tree node making its children first) does not shrink
 * the hint.  Until a count is seen (the first instance) the dict is made at the first setattr
 * as before. */
Value rt_instance_new(Type *t)
{
    size_t size = t->basicsize ? t->basicsize : sizeof(Object);
    if (!(t->flags & RT_TPFLAG_HEAPTYPE) || t->dictoffset <= 0) {
        Object *o = rt_new_object(t, size);
        return o ? rt_val(o) : RT_ERR;
    }
    HeapType *ht = (HeapType *)t;
    if (ht->last_hidden && ht->last_epoch == rt_gc_epoch) {
        Object *prev = (Object *)~ht->last_hidden;
        Value d = *(Value *)((char *)prev + t->dictoffset);
        if (d && (rt_obj(d)->type->flags & RT_TPFLAG_DICT_SUBCLASS)) {
            int64_t n = ((DictObject *)rt_obj(d))->nentries;
            if (n > ht->dict_hint && ht->dict_hint < DICT_HINT_MAX) {
                ht->dict_hint = n < DICT_HINT_MAX ? n : DICT_HINT_MAX;
                ht->dict_bytes = rt_dict_embedded_size(ht->dict_hint);
            }
        }
    }
    Object *o;
    int64_t keys = ht->dict_hint;
    if (keys > 0 && (size & 7) == 0) {
        if (!(o = rt_alloc_inline(size + ht->dict_bytes)))
            return RT_ERR;
        o->type = t;
        *(Value *)((char *)o + t->dictoffset) = rt_dict_embedded_init((char *)o + size, keys);
    } else if (!(o = rt_new_object_inline(t, size))) {
        return RT_ERR;
    }
    /* after the allocation: a collection in it has already moved the epoch */
    ht->last_hidden = ~(uintptr_t)o;
    ht->last_epoch = rt_gc_epoch;
    return rt_val(o);
}

Value rt_inst_new(Value cls)
{
    return rt_instance_new((Type *)rt_obj(cls));
}

/* ================================================================ rt_build_class ========== */

Value rt_build_class(Value func, Value name, const Value *bases, size_t nbases,
                     const Value *kwvalues, Value kwnames)
{
    if (rt_typeof(func) != &rt_function_type)
        return rt_raise_str(rt_TypeError, "__build_class__: func must be a function");
    if (!rt_is_strv(name))
        return rt_raise_str(rt_TypeError, "__build_class__: name is not a string");
    Value btuple = rt_tuple_from(bases, (int64_t)nbases);
    if (!btuple)
        return RT_ERR;
    /* split off metaclass= */
    size_t nk = rt_nkw(kwnames);
    Value meta = 0;
    Value kv[16], kn[16];
    size_t nrest = 0;
    for (size_t i = 0; i < nk; i++) {
        Value k = rt_tuple_item(kwnames, (int64_t)i);
        if (!strcmp(rt_str_bytes(k), "metaclass")) {
            meta = kwvalues[i];
        } else {
            if (nrest == 16)
                return rt_raise_str(rt_TypeError, "too many class keywords");
            kv[nrest] = kwvalues[i];
            kn[nrest++] = k;
        }
    }
    Value restnames = 0;
    if (nrest && !(restnames = rt_tuple_from(kn, (int64_t)nrest)))
        return RT_ERR;
    if (!meta)
        meta = nbases ? rt_val(rt_typeof(bases[0])) : rt_val(&rt_type_type);
    if (rt_is_type(meta)) {
        Type *w = calculate_meta((Type *)rt_obj(meta), btuple);
        if (!w)
            return RT_ERR;
        meta = rt_val(w);
    }
    /* namespace = meta.__prepare__(name, bases, **kw) */
    Value ns;
    Value prep;
    int r = rt_getattr_opt(meta, istr("__prepare__"), &prep);
    if (r < 0)
        return RT_ERR;
    if (r) {
        Value pa[2 + 16] = {name, btuple};
        memcpy(pa + 2, kv, nrest * sizeof(Value));
        if (!(ns = rt_call(prep, pa, 2, restnames)))
            return RT_ERR;
        Type *nt = rt_typeof(ns);
        int mapping = (nt->flags & RT_TPFLAG_DICT_SUBCLASS) || rt_type_lookup_cstr(nt, "__getitem__");
        if (!mapping) {
            if (rt_is_type(meta))
                return rt_raise_fmt(rt_TypeError,
                                    "%s.__prepare__() must return a mapping, not %T",
                                    ((Type *)rt_obj(meta))->name, ns);
            return rt_raise_fmt(rt_TypeError,
                                "<metaclass>.__prepare__() must return a mapping, not %T", ns);
        }
    } else if (!(ns = rt_dict_new())) {
        return RT_ERR;
    }
    /* __module__ and __qualname__ for bodies that do not set them */
    FunctionObject *f = (FunctionObject *)rt_obj(func);
    Value modname = f->globals ? rt_dict_get(f->globals, istr("__name__")) : 0;
    if (modname && rt_setitem(ns, istr("__module__"), modname) < 0)
        return RT_ERR;
    if (f->qualname && rt_setitem(ns, istr("__qualname__"), f->qualname) < 0)
        return RT_ERR;
    Value params[1] = {ns};
    Value cell = f->code->body(f, params);
    if (!cell)
        return RT_ERR;
    Value ca[3 + 16] = {name, btuple, ns};
    memcpy(ca + 3, kv, nrest * sizeof(Value));
    Value cls = rt_call(meta, ca, 3, restnames);
    if (!cls)
        return RT_ERR;
    if (rt_typeof(cell) == &rt_cell_type && rt_is_type(cls)) {
        CellObject *c = (CellObject *)rt_obj(cell);
        if (!c->ref)
            c->ref = cls;
        else if (c->ref != cls)
            return rt_raise_fmt(rt_TypeError, "__class__ set to %R defining %R as %R", c->ref,
                                name, cls);
    }
    return cls;
}

/* ================================================================ isinstance, issubclass == */

static int d_type_instance_fallback(Value obj, Value cls);

static int check_result(Value r)
{
    return r ? rt_truthy(r) : -1;
}

int rt_isinstance_full(Value obj, Value cls)
{
    if (rt_val(rt_typeof(obj)) == cls)
        return 1;
    if (rt_is_type(cls) && rt_typeof(cls) == &rt_type_type)
        return rt_isinstance(obj, cls) ? 1 : d_type_instance_fallback(obj, cls);
    if (rt_typeof(cls)->flags & RT_TPFLAG_TUPLE_SUBCLASS) {
        if (rt_recursion_enter() < 0)
            return -1;
        int res = 0;
        for (int64_t i = 0; i < rt_tuple_size(cls) && res == 0; i++)
            res = rt_isinstance_full(obj, rt_tuple_item(cls, i));
        rt_recursion_leave();
        return res;
    }
    int found;
    Value r = rt_call_special(cls, "__instancecheck__", &obj, 1, &found);
    if (found || rt_exc_pending())
        return check_result(r);
    rt_raise_str(rt_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int rt_issubclass_full(Value derived, Value cls)
{
    if (rt_is_type(cls) && rt_typeof(cls) == &rt_type_type) {
        if (!rt_is_type(derived)) {
            rt_raise_str(rt_TypeError, "issubclass() arg 1 must be a class");
            return -1;
        }
        return rt_issubtype((Type *)rt_obj(derived), (Type *)rt_obj(cls));
    }
    if (rt_typeof(cls)->flags & RT_TPFLAG_TUPLE_SUBCLASS) {
        if (rt_recursion_enter() < 0)
            return -1;
        int res = 0;
        for (int64_t i = 0; i < rt_tuple_size(cls) && res == 0; i++)
            res = rt_issubclass_full(derived, rt_tuple_item(cls, i));
        rt_recursion_leave();
        return res;
    }
    int found;
    Value r = rt_call_special(cls, "__subclasscheck__", &derived, 1, &found);
    if (found || rt_exc_pending())
        return check_result(r);
    rt_raise_str(rt_TypeError,
                 "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

/* ================================================================ type's attributes ======= */

static Type *T(Value v) { return (Type *)rt_obj(v); }

static Value tp_get_name(Value v)
{
    Type *t = T(v);
    if (rt_type_is_heap(t))
        return ((HeapType *)t)->name;
    /* a static type's __name__ is what follows the last dot of its tp_name */
    const char *s = strrchr(t->name, '.');
    return rt_str_from_cstr(s ? s + 1 : t->name);
}

static int tp_set_name(Value v, Value value)
{
    Type *t = T(v);
    if (!rt_type_is_heap(t)) {
        rt_raise_fmt(rt_TypeError, "cannot set '__name__' attribute of immutable type '%s'",
                     t->name);
        return -1;
    }
    if (!value) {
        rt_raise_fmt(rt_TypeError, "cannot delete '__name__' attribute of immutable type '%s'",
                     t->name);
        return -1;
    }
    if (!rt_is_strv(value)) {
        rt_raise_fmt(rt_TypeError, "can only assign string to %s.__name__, not '%T'", t->name,
                     value);
        return -1;
    }
    char *c = rt_alloc_atomic(rt_str_nbytes(value) + 1);
    if (!c)
        return -1;
    memcpy(c, rt_str_bytes(value), rt_str_nbytes(value) + 1);
    ((HeapType *)t)->name = value;
    t->name = c;
    return 0;
}

static Value tp_get_qualname(Value v)
{
    Type *t = T(v);
    if (!t->qualname && !(t->qualname = rt_str_from_cstr(t->name)))
        return RT_ERR;
    return t->qualname;
}

static int tp_set_qualname(Value v, Value value)
{
    Type *t = T(v);
    if (!rt_type_is_heap(t) || !value || !rt_is_strv(value)) {
        rt_raise_fmt(rt_TypeError, "can only assign string to %s.__qualname__, not '%T'",
                     t->name, value ? value : rt_None);
        return -1;
    }
    t->qualname = value;
    return 0;
}

static Value tp_get_module(Value v)
{
    Type *t = T(v);
    if (rt_type_is_heap(t)) {
        Value m = rt_dict_get(t->dict, istr("__module__"));
        if (m)
            return m;
        return rt_raise_str(rt_AttributeError, "__module__");
    }
    return t->module ? t->module : istr("builtins");
}

static int tp_set_module(Value v, Value value)
{
    Type *t = T(v);
    if (!rt_type_is_heap(t) || !value) {
        rt_raise_fmt(rt_TypeError, "cannot set '__module__' attribute of immutable type '%s'",
                     t->name);
        return -1;
    }
    if (rt_is_strv(value))
        t->module = value;
    rt_type_modified(t);
    return rt_dict_set(t->dict, istr("__module__"), value);
}

static Value tp_get_mro(Value v) { return mro_of(T(v)) ? T(v)->mro : RT_ERR; }

static Value tp_get_bases(Value v)
{
    Type *t = T(v);
    if (!t->bases)
        rt_type_ready(t);
    return t->bases ? t->bases : RT_ERR;
}

static Value tp_get_base(Value v)
{
    Type *t = T(v);
    return t->base ? rt_val(t->base) : rt_None;
}

static Value tp_get_dict(Value v)
{
    Value d = rt_type_dict(T(v));
    return d ? rt_mappingproxy_new(d) : RT_ERR;
}

static Value tp_get_doc(Value v)
{
    Type *t = T(v);
    if (rt_type_is_heap(t)) {
        Value d = rt_dict_get(t->dict, istr("__doc__"));
        if (!d)
            return rt_None;
        /* a descriptor stored as __doc__ (a property) is bound with no instance */
        return rt_descr_bind(d, 0, t);
    }
    return rt_None;
}

/* CPython's type_set_doc: heap types only, never deleted (check_set_special_type_attr) */
static int tp_set_doc(Value v, Value value)
{
    Type *t = T(v);
    if (!rt_type_is_heap(t) || !value) {
        rt_raise_fmt(rt_TypeError, "cannot %s '__doc__' attribute of immutable type '%s'",
                     value ? "set" : "delete", t->name);
        return -1;
    }
    rt_type_modified(t);
    return rt_dict_set(t->dict, istr("__doc__"), value);
}

static Value tp_get_basicsize(Value v) { return rt_int_from_i64((int64_t)T(v)->basicsize); }

static void put_getset(Value dict, const char *name, Value (*get)(Value),
                       int (*set)(Value, Value))
{
    Value g = rt_getset_new(&rt_type_type, name, get, set);
    if (g)
        rt_dict_set(dict, istr(name), g);
}

void rt_typeobject_fill_type_dict(Value dict)
{
    put_getset(dict, "__name__", tp_get_name, tp_set_name);
    put_getset(dict, "__qualname__", tp_get_qualname, tp_set_qualname);
    put_getset(dict, "__module__", tp_get_module, tp_set_module);
    put_getset(dict, "__mro__", tp_get_mro, NULL);
    put_getset(dict, "__bases__", tp_get_bases, NULL);
    put_getset(dict, "__base__", tp_get_base, NULL);
    put_getset(dict, "__dict__", tp_get_dict, NULL);
    put_getset(dict, "__doc__", tp_get_doc, tp_set_doc);
    put_getset(dict, "__basicsize__", tp_get_basicsize, NULL);
}

/* the MRO test failed: an object may still claim the class through __class__ */
static int d_type_instance_fallback(Value obj, Value cls)
{
    if (!(rt_typeof(obj)->flags & RT_TPFLAG_HEAPTYPE))
        return 0;   /* a built-in type's __class__ is the type itself: already tested */
    Value c;
    int r = rt_getattr_opt(obj, istr("__class__"), &c);
    if (r <= 0)
        return r;
    return c != rt_val(rt_typeof(obj)) && rt_is_type(c) && rt_issubtype(T(c), T(cls));
}

void rt_typeobject_init_slots(void)
{
    Type *t = &rt_type_type;
    t->call = rt_type_call;
    t->new_ = type_new_slot;
    t->init = type_init;
    t->getattr = rt_type_getattr;
    t->setattr = rt_type_setattr;
}
