/*
 * rt_class.h - classes, attributes and descriptors: the part of the runtime ABI behind
 * `obj.attr`, `class C(B): ...`, `type(...)`, `super()`, `isinstance`, and the methods of the
 * built-in types ("a".upper, lst.append).
 *
 * Implemented by runtime/src/attr.c (attribute lookup, method cache, method calls),
 * typeobject.c (the `type` type, class creation, MRO, isinstance/issubclass), descr.c (method
 * descriptors of the built-in types, property, staticmethod, classmethod, super) and slots.c
 * (Python dunders <-> Type slots, object's default methods).
 *
 * Conventions as in rt.h: RT_ERR (0) after raising, -1 for int results.
 *
 * Built-in types get their `dict` lazily, on the first attribute lookup that reaches them: the
 * method tables (*.def) become method descriptors and every slot the type defines itself
 * becomes a slot wrapper (int.__add__, list.__init__, object.__repr__), so that
 * `super().__init__()` and `int.__add__(x, y)` work in subclasses of built-in types.
 *
 * Class bodies: the compiler emits the body of `class C: ...` as a BodyFn with
 * RT_CO_CLASS_BODY, params[0] = the namespace.  The body stores `__module__` and `__qualname__`
 * first (rt_build_class supplies them when the body did not) and, when a method uses
 * `super()` or `__class__`, stores its `__class__` cell under `__classcell__` in the namespace
 * (CPython's protocol) or returns that cell; type.__new__ fills it with the new class.
 */
#ifndef AITHON_RT_CLASS_H
#define AITHON_RT_CLASS_H

#include "rt.h"

/* ---- start-up ---- */
/* Gives `type`, `object` and the descriptor types their slots (call, getattr, init, new ...).
 * Pointer stores only; rt_init calls it, idempotent. */
void rt_class_init(void);

/* ---- type-level lookup ---- */
/* The attribute `name` (a str) along t's MRO: borrowed, 0 when missing (nothing raised).
 * Cached per (type version, name); built-in types get their dict on demand. */
Value rt_type_lookup(Type *t, Value name);
Value rt_type_lookup_cstr(Type *t, const char *name);
/* t's own namespace dict (built on demand for built-in types); RT_ERR on MemoryError */
Value rt_type_dict(Type *t);
/* Must be called after changing anything t's lookups depend on (its dict, bases, mro): t and
 * its subclasses get fresh versions, so the method cache's and the per-site caches' entries
 * for them go stale (attr.c); setattr/delattr on a type call it. */
void rt_type_modified(Type *t);
/* Tests only: sets the version counter to n (to reach its exhaustion), returns the old one. */
uint32_t rt_type_version_skip(uint32_t n);

/* ---- instance attributes ---- */
/* object.__getattribute__ / __setattr__ / __delattr__ (data descriptors of the type, instance
 * __dict__, non-data descriptors and class attributes; CPython's AttributeError messages).
 * rt_getattr (rt.h) dispatches to the type's getattr slot when it has one, else these. */
Value rt_object_generic_getattr(Value obj, Value name);
int rt_object_generic_setattr(Value obj, Value name, Value value);   /* value 0 = delete */
/* type.__getattribute__ / __setattr__: metatype data descriptors, then the MRO of the type
 * (binding with instance None), then the metatype's other attributes. */
Value rt_type_getattr(Value type, Value name);
int rt_type_setattr(Value type, Value name, Value value);
/* getattr(obj, name, default) without the exception: 1 found (*out), 0 missing (only an
 * AttributeError was swallowed), -1 other error */
int rt_getattr_opt(Value obj, Value name, Value *out);
/* where obj keeps its __dict__ pointer (NULL when it has none); *slot may still be 0 */
Value *rt_instance_dict_slot(Value obj);
/* obj.__dict__, created on first use; RT_ERR + AttributeError when obj has none */
Value rt_instance_dict(Value obj);

/* ---- method calls (LOAD_METHOD / CALL) ---- */
/* Looks up `name` on obj for an immediate call.  Returns 1 when *meth is an unbound function
 * or method descriptor to be called with obj prepended to the arguments (no bound method is
 * allocated), 0 when *meth is the attribute itself (call it as is), -1 after raising. */
int rt_method_lookup(Value obj, Value name, Value *meth);
/* Special-method lookup as the interpreter does it (on the type, never the instance, bound
 * to obj): obj.__enter__ for `with`, __exit__, __length_hint__ ...  Returns the bound
 * attribute, or 0 without raising when the type has no such attribute. */
Value rt_special_lookup(Value obj, const char *name);
/* The same for the interpreter's own lookups (MIR LookupSpecial): `with`'s __enter__ and
 * __exit__, `async with`'s __aenter__ and __aexit__, `async for`'s __aiter__ and __anext__.
 * A missing one raises CPython 3.11's TypeError ("'int' object does not support the context
 * manager protocol"); RT_ERR after raising.  Instance attributes and __getattr__ are never
 * consulted. */
Value rt_lookup_special(Value obj, Value name);
/* calls type(obj).<name>(obj, args...): RT_ERR after raising; *found = 0 (nothing raised)
 * when the type has no such attribute.  found may be NULL (then a missing method raises
 * AttributeError). */
Value rt_call_special(Value obj, const char *name, const Value *args, size_t nargs, int *found);

/* ---- classes ---- */
/* type(name, bases, dict, **kwds) with an explicit metatype: CPython's type.__new__ (C3
 * MRO, layout, __slots__, __set_name__, __init_subclass__, __classcell__). */
Value rt_type_new(Type *meta, Value name, Value bases, Value dict, const Value *kwvalues,
                  Value kwnames);
/* calling a type object (type's call slot): __new__ then __init__, CPython's rules */
Value rt_type_call(Value type, const Value *args, size_t nargs, Value kwnames);
/* isinstance() / issubclass() with __instancecheck__ / __subclasscheck__ and tuples;
 * -1 after raising */
int rt_isinstance_full(Value obj, Value cls);
int rt_issubclass_full(Value derived, Value cls);
/* type.__subclasses__(): a list of the classes created so far whose __bases__ include t */
Value rt_type_subclasses(Type *t);

/* ---- super ---- */
/* super(type, obj_or_type): the zero-argument form passes the __class__ cell's content and
 * the function's first argument (the compiler raises "super(): __class__ cell not found" and
 * "super(): no arguments" itself when they do not exist). */
Value rt_super_new(Value type, Value obj);
extern Type rt_method_descriptor_type, rt_builtin_method_type, rt_classmethod_descriptor_type,
    rt_wrapper_descriptor_type, rt_getset_descriptor_type, rt_member_descriptor_type;
/* type.__dict__: a read-only view of a class namespace */
extern Type rt_mappingproxy_type;
Value rt_mappingproxy_new(Value mapping);
Value rt_mappingproxy_mapping(Value proxy);   /* the mapping it shows */

#endif
