/*
 * layout.c - fixed-layout instances of closed classes (docs/internals/typed.md, "Fixed-layout
 * instances").
 *
 * After inference, every plain class whose base is object or itself has a fixed layout gets
 * one: its slots are the base's slots (same indexes: prefix compatibility) followed by the
 * names its own methods store on self (add_method_stores) and the names its own table stores
 * on exact instances.  A slot is f64 (an unboxed double) when the
 * attribute's type is float, else a Value.  The runtime (runtime/src/attr.c, "fixed
 * layouts") keeps every generic path consistent with the slots (it reads and writes them, or
 * materialises an instance dict and from then on the instance uses the dict only), so the
 * condition for a layout is only that the typed accesses agree with Python's lookup:
 *   - no slot name is bound in the namespace of a class on the MRO (a method, a class
 *     attribute, a descriptor) and no slot name is a dunder;
 *   - at most LAYOUT_MAX_SLOTS slots (one "set" bit each in a per-instance word).
 * A typed access (inst.load / inst.store, specialize.c) is used for a slot unless a store of
 * its name on a receiver of unknown class may store a descriptor (the name's type there is
 * dyn): such a store could be on the class object and intercept the access.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "infer.h"

#define LAYOUT_MAX_SLOTS 62

static int dunder(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static int in_namespace(const InferClass *cls, const char *name)
{
    for (const InferClass *c = cls; c; c = c->base)
        for (int k = 0; k < c->nnames; k++)
            if (strcmp(c->names[k], name) == 0)
                return 1;
    return 0;
}

static int slot_index(const InferClass *c, const char *name)
{
    for (int k = 0; k < c->nslots; k++)
        if (strcmp(c->slots[k], name) == 0)
            return k;
    return -1;
}

static void not_fixed(InferClass *c, const char *why)
{
    c->fixed = -1;
    c->nofix = why;
    free(c->slots);
    free(c->slot_f64);
    c->slots = NULL;
    c->slot_f64 = NULL;
    c->nslots = 0;
}

static void add_slot(InferClass *c, const char *name)
{
    if (slot_index(c, name) >= 0)
        return;
    c->slots = realloc(c->slots, sizeof *c->slots * (size_t)(c->nslots + 1));
    c->slot_f64 = realloc(c->slot_f64, (size_t)(c->nslots + 1));
    if (!c->slots || !c->slot_f64)
        die("out of memory");
    c->slots[c->nslots] = name;
    c->slot_f64[c->nslots++] = 0;
}

/* The names c's own methods store on their first parameter (`self.x = ...`), in the order of
 * the stores: a class whose subclasses are the ones instantiated (its __init__ run through
 * super()) then has them as slots of its own, so every subclass has them at the same indexes
 * and an attribute read on a union of those subclasses is one slot load. */
static void add_method_stores(InferClass *c)
{
    for (int m = 0; m < c->nnames; m++) {
        const MirFunction *f = c->methods ? c->methods[m] : NULL;
        if (!f || f->nparams < 1)
            continue;
        for (int b = 0; b < f->nblocks; b++)
            for (int k = 0; k < f->blocks[b]->ninsts; k++) {
                const MirInst *i = f->blocks[b]->insts[k];
                if (i->op == MIR_SetAttr && i->str && i->args[0]->op == MIR_Param &&
                    i->args[0]->imm == 0)
                    add_slot(c, i->str);
            }
    }
}

/* 1: c has a fixed layout; -1: not (c->nofix says why).  Bases first (memoised). */
static int compute(const Infer *in, InferClass *c, int depth)
{
    if (c->fixed)
        return c->fixed;
    if (!c->plain || !c->resolved || in->escape || depth > 64) {
        not_fixed(c, "the class is not plain");
        return -1;
    }
    /* specialize.c declares the slots at the start of the block the class.build continues to */
    const MirBlock *next = c->build->target;
    if (!next || next->npreds != 1 || (next->ninsts && next->insts[0]->op == MIR_Phi)) {
        not_fixed(c, "the class statement's successor is shared");
        return -1;
    }
    if (c->base && compute(in, c->base, depth + 1) < 0) {
        not_fixed(c, "its base has no fixed layout");
        return -1;
    }
    if (c->base)
        for (int k = 0; k < c->base->nslots; k++)
            add_slot(c, c->base->slots[k]);
    add_method_stores(c);
    for (int k = 0; k < c->nattrs; k++)
        add_slot(c, c->attrs[k].name);
    for (int k = 0; k < c->nslots; k++) {
        if (dunder(c->slots[k])) {
            not_fixed(c, "a dunder attribute is stored on instances");
            return -1;
        }
        if (in_namespace(c, c->slots[k])) {
            not_fixed(c, "an instance attribute shadows a name of the class namespace");
            return -1;
        }
    }
    if (c->nslots > LAYOUT_MAX_SLOTS) {
        not_fixed(c, "too many attributes");
        return -1;
    }
    for (int k = 0; k < c->nslots; k++)
        c->slot_f64[k] = classes_attr_ty(in, c, c->slots[k]).k == TY_FLOAT;
    c->fixed = 1;
    return 1;
}

void layout_compute(Infer *in)
{
    for (int i = 0; i < in->nclasses; i++)
        compute(in, in->classes[i], 0);
}

void layout_free(InferClass *c)
{
    free(c->slots);
    free(c->slot_f64);
}

int layout_slot(const Infer *in, const InferClass *c, const char *name, int *f64)
{
    if (!c || c->fixed != 1 || !name)
        return -1;
    int k = slot_index(c, name);
    if (k < 0)
        return -1;
    for (int j = 0; j < in->ndynattrs; j++)
        if (strcmp(in->dynattrs[j].name, name) == 0 && in->dynattrs[j].ty.k == TY_DYN)
            return -1;   /* maybe a descriptor stored on the class */
    *f64 = c->slot_f64[k];
    return k;
}

void layout_explain(FILE *out, const Infer *in, const InferClass *c)
{
    (void)in;
    if (c->fixed != 1) {
        if (c->plain && c->nofix)
            fprintf(out, "  no fixed layout: %s\n", c->nofix);
        return;
    }
    if (c->nslots == 0)
        return;   /* no attribute is stored on its instances (an empty layout) */
    fprintf(out, "  layout:");
    for (int k = 0; k < c->nslots; k++)
        fprintf(out, "%s %s %s", k ? "," : "", c->slots[k], c->slot_f64[k] ? "f64" : "Value");
    fputc('\n', out);
}
