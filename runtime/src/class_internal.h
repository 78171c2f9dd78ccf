/*
 * class_internal.h - what attr.c, typeobject.c, descr.c and slots.c share and nobody else
 * needs: the descriptor object layouts, the method-table row, the slot table, call helpers.
 * Not part of the ABI (rt_class.h is).
 */
#ifndef AITHON_CLASS_INTERNAL_H
#define AITHON_CLASS_INTERNAL_H

#include <stdint.h>

#include "rt.h"
#include "rt_class.h"

/* ---- one row of a built-in type's method table (from the *.def X-macros) ---- */
enum {
    MD_METHOD,    /* fn(self, a1..a_nmax), missing optional arguments as 0 */
    MD_STATIC,    /* fn(a1..a_nmax) */
    MD_CLASS,     /* fn(cls, a1..a_nmax) */
    MD_VARARGS,   /* fn(self, args, nargs, kwnames): the vectorcall layout */
    MD_SETARGS,   /* fn(self, args, nargs): positional only, any number */
    MD_GETTER,    /* fn(self): a read-only property */
    MD_CLASSVAR,  /* fn(cls, args, nargs, kwnames): a class method taking anything */
};
typedef struct MethodDef {
    const char *name;
    void (*fn)(void);     /* cast to the signature its kind says */
    uint8_t kind;
    int8_t nmin, nmax;
    const char *kwnames;  /* NULL: positional-only; "a,b,*c": c keyword-only */
} MethodDef;

/* an unbound method of a built-in type (str.upper) and its bound form ("a".upper) */
typedef struct MethodDescrObject { Object ob; const MethodDef *def; Type *owner; } MethodDescrObject;
typedef struct BuiltinMethodObject { Object ob; const MethodDef *def; Value self; Type *owner; }
    BuiltinMethodObject;

/* one Python-visible name of a Type slot (slots.c's table) */
typedef struct SlotDef {
    const char *name;     /* "__add__" */
    size_t offset;        /* of the slot in Type */
    int kind;             /* SK_* (slots.c): how the wrapper calls the slot */
    void (*heap_fn)(void);   /* the slot function of a class defining the dunder in Python */
} SlotDef;
/* a slot function exposed as a method: int.__add__, object.__init__ */
typedef struct WrapperDescrObject { Object ob; const SlotDef *slot; Type *owner; void (*fn)(void); }
    WrapperDescrObject;
typedef struct MethodWrapperObject { Object ob; WrapperDescrObject *descr; Value self; }
    MethodWrapperObject;

/* C-level attributes of built-in types (type.__name__, object.__class__) */
typedef struct GetSetDescrObject {
    Object ob;
    const char *name;
    Value (*get)(Value obj);
    int (*set)(Value obj, Value value);   /* NULL: read-only; value 0 = delete */
    Type *owner;
} GetSetDescrObject;
/* a __slots__ entry: the value lives at `offset` in the instance (0 = unset) */
typedef struct MemberDescrObject { Object ob; Value name; size_t offset; Type *owner; }
    MemberDescrObject;

typedef struct PropertyObject { Object ob; Value fget, fset, fdel, doc; Value name; } PropertyObject;
typedef struct StaticMethodObject { Object ob; Value func; Value dict; } StaticMethodObject;
typedef struct SuperObject { Object ob; Type *type; Value obj; Type *obj_type; } SuperObject;

/* ---- descr.c ---- */
extern Type rt_method_wrapper_type;
/* adds t's method-table rows, slot wrappers and getsets to dict (a built-in type's dict) */
int rt_descr_fill_builtin(Type *t, Value dict);
/* makes defs (terminated by a row with name NULL) part of built-in type t's dict when it is
 * built; called before t's dict is first needed.  -1 when the (small) table is full */
int rt_descr_register_methods(Type *t, const MethodDef *defs);
Value rt_getset_new(Type *owner, const char *name, Value (*get)(Value),
                    int (*set)(Value, Value));
Value rt_member_new(Type *owner, Value name, size_t offset);
/* calls a method-table row with self already chosen */
Value rt_md_call(const MethodDef *d, Type *owner, Value self, const Value *args, size_t nargs,
                 Value kwnames);

/* ---- slots.c ---- */
extern const SlotDef rt_slotdefs[];
extern const size_t rt_nslotdefs;
/* sets every slot of heap type t from the dunders along its MRO */
void rt_slots_update_all(Type *t);
/* the dunder `name` of t changed: recompute the slots it feeds (t and its subclasses) */
void rt_slots_update_name(Type *t, Value name);
/* calls a wrapper descriptor's slot for self (the method-wrapper call) */
Value rt_wrapper_call(WrapperDescrObject *w, Value self, const Value *args, size_t nargs,
                      Value kwnames);
/* object's default methods that are not slots (__init_subclass__, __format__, __dir__ ...) */
int rt_slots_fill_object(Value dict);
/* the __dict__ getset of a class whose instances have a dict */
Value rt_slots_dict_getset(Type *owner);

/* ---- typeobject.c ---- */
void rt_typeobject_fill_type_dict(Value dict);   /* type's getsets and methods */
void rt_typeobject_init_slots(void);             /* type's call/new/init/getattr slots */
int rt_type_is_heap(const Type *t);
/* a new zeroed instance of t, its dict (heap types) made at once for the class's usual
 * attribute count; RT_ERR after MemoryError */
Value rt_instance_new(Type *t);
/* the heap types created so far (weakly: only for __subclasses__ and slot updates) */
void rt_type_foreach_subclass(Type *t, void (*fn)(Type *sub, void *arg), void *arg);

/* ---- traceback.c ---- */
extern const MethodDef rt_traceback_methods[];   /* tb_next, tb_lineno, tb_lasti */

/* ---- func.c ---- */
/* the getsets of function, method, builtin_function_or_method, cell and code objects */
int rt_func_fill_dict(Type *t, Value dict);
/* the globals of the innermost running function called through rt_function_vectorcall (the
 * module body's globals while a module initialises): globals() */
extern _Thread_local Value rt_current_globals;

/* ---- attr.c: call helpers ---- */
/* type(self)'s attribute func called for self: func(self, *args, **kw) without building a
 * bound method when func is a function or method descriptor, else bound through __get__ */
Value rt_call_with_self(Value func, Value self, const Value *args, size_t nargs, Value kwnames);
/* func(self, *args) always, whatever func is (__new__ gets the class this way) */
Value rt_call_prepend(Value func, Value self, const Value *args, size_t nargs, Value kwnames);
/* binds a descriptor found on a type: descr.__get__(obj, type) when it has one, else descr */
Value rt_descr_bind(Value descr, Value obj, Type *type);

static inline size_t rt_nkw(Value kwnames)
{
    return kwnames ? (size_t)((TupleObject *)rt_obj(kwnames))->size : 0;
}
static inline int rt_is_type(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_TYPE_SUBCLASS);
}
static inline int rt_is_strv(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS);
}

#endif
