/*
 * fixed.c - fixed-layout instances (docs/internals/typed.md, "Fixed-layout instances").
 *
 * The compiler's typed tier gives a plain class whose instances only get attributes through
 * stores it sees a layout (src/infer/layout.c): the generated class statement declares its
 * slots (rt_class_slot) right after building the class.  An instance then holds, after the
 * header and the dict pointer (dictoffset 8), a word of "set" bits (RT_FIXED_BITS) and one
 * 8-byte slot per attribute (RT_FIXED_SLOTS): a Value, or an unboxed double.  Typed code reads
 * and writes the slots inline (inst.load / inst.store) after testing the slot's bit.
 *
 * Every generic path agrees with the slots: object.__getattribute__ and __setattr__ read and
 * write them (attr.c), and whatever needs a real dict (`__dict__`, vars(), dir(), a store of
 * a name that has no slot, a delete, a non-float store into a double slot) materialises the
 * instance: the set slots are copied into a new instance dict, and the bits word becomes
 * RT_FIXED_MAT, so every later access, typed or generic, uses the dict (a typed access tests
 * the bit of its slot, which is never set again, and goes to the generic path).
 * Doubles in slots are scanned by the conservative collector like any word: a double that
 * looks like a pointer only retains garbage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_func.h"
#include "rt_str.h"
#include "class_internal.h"

static inline uint64_t *bits_of(Object *o) { return (uint64_t *)((char *)o + RT_FIXED_BITS); }

static inline uint64_t *slot_of(Object *o, int64_t k)
{
    return (uint64_t *)((char *)o + RT_FIXED_SLOTS + 8 * k);
}

static void fixed_abort(const Type *t, const char *why)
{
    fprintf(stderr, "aithon runtime: class %s cannot have a fixed layout (%s)\n", t->name, why);
    abort();
}

void rt_class_slot(Value cls, Value name, int64_t kind)
{
    Type *t = (Type *)rt_obj(cls);
    int64_t k = kind >> 1;
    if (t->dictoffset != RT_FIXED_BITS - 8 || t->itemsize != 0 ||
        !(t->flags & RT_TPFLAG_HEAPTYPE))
        fixed_abort(t, "unexpected instance layout");
    FixedLayout *l = t->fixed;
    if (!l) {
        if (t->basicsize > RT_FIXED_BITS && !(t->base && t->base->fixed))
            fixed_abort(t, "unexpected instance size");
        l = rt_alloc(sizeof *l);
        if (!l)
            fixed_abort(t, "out of memory");
        t->fixed = l;
    }
    if (k != l->n || k >= 63)
        fixed_abort(t, "slots out of order");
    if (l->n == l->cap) {
        int64_t cap = l->cap ? 2 * l->cap : 8;
        Value *names = rt_alloc(sizeof *names * (size_t)cap);
        unsigned char *f64 = rt_alloc((size_t)cap);
        if (!names || !f64)
            fixed_abort(t, "out of memory");
        if (l->n) {
            memcpy(names, l->names, sizeof *names * (size_t)l->n);
            memcpy(f64, l->f64, (size_t)l->n);
        }
        l->names = names;
        l->f64 = f64;
        l->cap = cap;
    }
    l->names[l->n] = name;
    l->f64[l->n++] = (unsigned char)(kind & 1);
    size_t size = RT_FIXED_SLOTS + 8 * (size_t)l->n;
    if (t->basicsize < size)
        t->basicsize = size;
}

int64_t rt_fixed_index(const Type *t, Value name)
{
    const FixedLayout *l = t->fixed;
    if (!l)
        return -1;
    for (int64_t k = 0; k < l->n; k++)
        if (l->names[k] == name)
            return k;
    if (!rt_is_strv(name))   /* a str subclass compares by its text, as a dict key would */
        return -1;
    for (int64_t k = 0; k < l->n; k++)
        if (rt_str_eq(l->names[k], name))
            return k;
    return -1;
}

static Value slot_value(Object *o, const FixedLayout *l, int64_t k)
{
    uint64_t w = *slot_of(o, k);
    if (l->f64[k]) {
        double d;
        memcpy(&d, &w, sizeof d);
        return rt_float(d);
    }
    return (Value)w;
}

Value rt_fixed_get(Value obj, Value name)
{
    if (rt_is_small(obj))
        return 0;
    Object *o = rt_obj(obj);
    Type *t = o->type;
    if (!t->fixed)
        return 0;
    uint64_t bits = *bits_of(o);
    if (bits & RT_FIXED_MAT)
        return 0;
    int64_t k = rt_fixed_index(t, name);
    if (k < 0 || !(bits & (UINT64_C(1) << k)))
        return 0;
    return slot_value(o, t->fixed, k);
}

int rt_fixed_materialise(Value obj)
{
    if (rt_is_small(obj))
        return 0;
    Object *o = rt_obj(obj);
    Type *t = o->type;
    const FixedLayout *l = t->fixed;
    if (!l || (*bits_of(o) & RT_FIXED_MAT))
        return 0;
    Value d = rt_dict_new();
    if (!d)
        return -1;
    uint64_t bits = *bits_of(o);
    for (int64_t k = 0; k < l->n; k++) {
        if (!(bits & (UINT64_C(1) << k)))
            continue;
        Value v = slot_value(o, l, k);
        if (!v || rt_dict_set(d, l->names[k], v) < 0)
            return -1;
    }
    Value *ds = (Value *)((char *)o + t->dictoffset);
    *ds = d;
    *bits_of(o) = RT_FIXED_MAT;
    for (int64_t k = 0; k < l->n; k++)
        *slot_of(o, k) = 0;   /* nothing kept alive by the old slots */
    return 0;
}

int rt_fixed_set(Value obj, Value name, Value value)
{
    if (rt_is_small(obj))
        return 1;
    Object *o = rt_obj(obj);
    Type *t = o->type;
    const FixedLayout *l = t->fixed;
    if (!l || (*bits_of(o) & RT_FIXED_MAT))
        return 1;
    int64_t k = value ? rt_fixed_index(t, name) : -1;
    if (k >= 0) {
        if (!l->f64[k]) {
            *slot_of(o, k) = (uint64_t)value;
            *bits_of(o) |= UINT64_C(1) << k;
            return 0;
        }
        if (!rt_is_small(value) && rt_obj(value)->type == &rt_float_type) {
            double d = ((FloatObject *)rt_obj(value))->v;
            memcpy(slot_of(o, k), &d, sizeof d);
            *bits_of(o) |= UINT64_C(1) << k;
            return 0;
        }
    }
    return rt_fixed_materialise(obj) < 0 ? -1 : 1;
}

double rt_fixed_f64(Value v)
{
    if (rt_is_small(v))
        return (double)rt_small_val(v);
    if (rt_obj(v)->type == &rt_float_type)
        return ((FloatObject *)rt_obj(v))->v;
    return 0.0;   /* never: inference proved every store of the attribute a float */
}
