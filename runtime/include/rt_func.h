/*
 * rt_func.h - functions, calls, cells, modules, globals and class creation: the part of the
 * runtime ABI that generated code uses to build a program's structure.  (rt.h has values,
 * objects, exceptions and the generic protocol.)
 *
 * How a compiled program is put together:
 *   - Every Python function (def, lambda, comprehension, generator expression, class body)
 *     becomes one native "body" function with the fixed signature BodyFn, plus one static
 *     CodeInfo describing it.  At run time, `def` evaluates defaults and builds a
 *     FunctionObject (rt_function_new) pointing at the CodeInfo.
 *   - A call goes through the callee's type's vectorcall slot; for a FunctionObject that is
 *     rt_function_vectorcall, which binds the arguments to the parameters exactly as CPython
 *     (positional-only, defaults, *args, keyword-only, **kwargs, and CPython's TypeError
 *     messages) into an array and calls the body.  Typed code (issue 4) may call the body,
 *     or a specialised clone, directly.
 *   - Variables: fast locals live in native frames (SSA values / allocas).  Cell and free
 *     variables are CellObjects; the body of a function with free variables reads them from
 *     self->closure (a tuple of cells, in CodeInfo.freevars order).  Module-level and global
 *     names live in the module's dict (rt_global_*), with the builtins as fallback.
 *   - Every Python module of the program has a static ModuleDef; `import m` calls rt_import,
 *     which runs the module's init body once (CPython's rules: the module is in sys.modules
 *     while its body runs, so circular imports see a partially initialised module).
 *   - `class C(B): body` calls rt_build_class (CPython's __build_class__): the class body is a
 *     BodyFn that fills the namespace dict, then the metaclass is called.
 *   - The program's main() calls rt_main with the main module's ModuleDef.
 *
 * Errors follow rt.h: RT_ERR (0) after raising, -1 for int results.
 */
#ifndef AITHON_RT_FUNC_H
#define AITHON_RT_FUNC_H

#include "rt.h"

typedef struct FunctionObject FunctionObject;

/* The native body of a Python function.  params[] holds the bound parameters in CodeInfo
 * order (positional-only, positional-or-keyword, keyword-only, then *args as a tuple and
 * **kwargs as a dict when present); params is owned by the caller and may be reused by the
 * body as scratch.  Returns the return value, or RT_ERR after raising. */
typedef Value (*BodyFn)(FunctionObject *self, Value *params);

/* CodeInfo.flags */
#define RT_CO_VARARGS      (1u << 0)
#define RT_CO_VARKEYWORDS  (1u << 1)
#define RT_CO_GENERATOR    (1u << 2)
#define RT_CO_COROUTINE    (1u << 3)
#define RT_CO_ASYNC_GEN    (1u << 4)
#define RT_CO_NESTED       (1u << 5)
#define RT_CO_CLASS_BODY   (1u << 6)   /* body of a class statement: params[0] = namespace */

/* Static, compile-time description of one function.  Emitted as constant data by the back
 * end; never modified at run time. */
typedef struct CodeInfo {
    const char *name;              /* co_name: "f", "<lambda>", "<listcomp>", "<module>" */
    const char *qualname;          /* "C.method.<locals>.inner" */
    const char *file;              /* the source path as given to the compiler */
    int firstlineno;
    uint32_t flags;                /* RT_CO_* */
    int nposonly;                  /* positional-only parameters */
    int npos;                      /* all positional parameters (positional-only included) */
    int nkwonly;                   /* keyword-only parameters */
    int nparams;                   /* npos + nkwonly + (VARARGS) + (VARKEYWORDS) */
    const char *const *paramnames; /* nparams names, in params[] order */
    int nfree;                     /* closure size */
    const char *const *freevars;   /* names of the closure's cells, in closure order */
    BodyFn body;
    const char *const *source_lines;  /* the file's lines for tracebacks (shared per file) */
    int nsource_lines;
} CodeInfo;

struct FunctionObject {
    Object ob;
    const CodeInfo *code;
    Value globals;        /* the defining module's dict */
    Value name;           /* str: __name__ (writable) */
    Value qualname;       /* str: __qualname__ */
    Value module;         /* __module__: the defining module's __name__ */
    Value defaults;       /* tuple of the last len(defaults) positional defaults, or 0 */
    Value kwdefaults;     /* dict name -> default for keyword-only parameters, or 0 */
    Value closure;        /* tuple of CellObjects, or 0 */
    Value doc;            /* __doc__ or rt_None */
    Value annotations;    /* dict or 0 (built lazily) */
    Value dict;           /* __dict__ or 0 */
};

typedef struct CellObject { Object ob; Value ref; /* 0 = empty */ } CellObject;

/* A built-in function: a C function with the vectorcall signature.  `self` is the bound
 * object for methods of built-in types (0 for plain functions). */
typedef struct BuiltinFunctionObject {
    Object ob;
    const char *name;
    VectorCallFn fn;      /* called as fn(callable_or_self, args, nargs, kwnames) */
    Value self;
    Value module;         /* str or 0 */
} BuiltinFunctionObject;

typedef struct MethodObject { Object ob; Value func; Value self; } MethodObject;

typedef struct ModuleDef ModuleDef;
typedef struct ModuleObject {
    Object ob;
    Value dict;            /* the module's globals; holds __name__, __file__, __doc__ ... */
    const ModuleDef *def;  /* 0 for built-in modules */
} ModuleObject;

/* Module initialisation body: runs the module's top-level code with `module`'s dict as its
 * globals.  Returns rt_None, or RT_ERR after raising. */
typedef Value (*ModuleInitFn)(ModuleObject *module);

struct ModuleDef {
    const char *name;            /* "pkg.sub" (the main module: "__main__") */
    const char *file;            /* path as compiled */
    int is_package;              /* an __init__.py: sets __path__ */
    ModuleInitFn init;
    const CodeInfo *code;        /* the "<module>" code, for tracebacks */
    /* run-time state, zero-initialised in the emitted data */
    ModuleObject *module;
    int state;                   /* 0 not started, 1 initialising, 2 done, 3 failed */
};

/* ---- functions and calls ---- */
Value rt_function_new(const CodeInfo *code, Value globals, Value defaults, Value kwdefaults,
                      Value closure);
Value rt_function_vectorcall(Value func, const Value *args, size_t nargs, Value kwnames);
/* rt_function_vectorcall(func, [self, *args]) without building that array when it can */
Value rt_function_call_self(Value func, Value self, const Value *args, size_t nargs,
                            Value kwnames);
Value rt_builtin_new(const char *name, VectorCallFn fn, Value self, Value module);
Value rt_method_new(Value func, Value self);
/* Calls with an explicit *args iterable and **kwargs mapping (the CALL_FUNCTION_EX case):
 * positional = args plus the items of star (any iterable, or 0), keywords = kwnames' values
 * plus the items of dstar (a mapping, or 0); CPython's errors for non-str keys and duplicates
 * ("f() got multiple values for keyword argument 'x'"). */
Value rt_call_ex(Value callable, Value positional_tuple, Value kwargs_dict);
/* f(**m) (MIR dict.merge): adds m's items to dict (the keywords collected so far) with
 * CPython's errors naming the callee: "f() argument after ** must be a mapping, not int",
 * "f() keywords must be strings", "f() got multiple values for keyword argument 'x'".
 * 0 ok, -1 after raising. */
int rt_call_merge_kwargs(Value dict, Value mapping, Value callee);
/* Note: rt_function_vectorcall counts one recursion level (rt_recursion_enter) around the
 * body; code that calls a BodyFn directly should bracket it the same way. */

/* ---- cells ---- */
Value rt_cell_new(Value initial);           /* initial may be 0 (empty) */
/* Reads a cell; when empty raises UnboundLocalError "cannot access local variable 'x' where it
 * is not associated with a value" (is_free 0) or NameError "cannot access free variable 'x'
 * where it is not associated with a value in enclosing scope" (is_free 1). */
Value rt_cell_get(Value cell, const char *name, int is_free);
static inline void rt_cell_set(Value cell, Value v) { ((CellObject *)rt_obj(cell))->ref = v; }
/* Raises UnboundLocalError for a fast local read before assignment (cold path). */
Value rt_raise_unbound_local(const char *name);

/* ---- globals and names ---- */
/* Module-level name lookup: globals dict, then builtins; NameError "name 'x' is not defined". */
Value rt_global_load(Value globals, Value name);
int rt_global_store(Value globals, Value name, Value v);
int rt_global_delete(Value globals, Value name);   /* NameError when missing */
/* Per-site global load cache (LOAD_GLOBAL specialisation): codegen gives every dyn-tier
 * global.load a zeroed static GlobalCache.  It is valid while the globals dict's and the builtins
 * dict's layout tags (DictObject.layout) are the ones it was filled at: then the name is still
 * in the same entry of the dict it was found in (and, for a builtin, still absent from the
 * globals), so the value is *slot, whatever was stored there since.  The tags are program-wide
 * unique, so a site reached with another globals dict misses.  Generated code tests the two
 * tags and loads *slot inline; otherwise it calls rt_global_load_cached, which refills. */
typedef struct GlobalCache {
    uint64_t gtag;   /* the globals dict's layout when filled */
    uint64_t btag;   /* the builtins dict's layout when filled */
    Value *slot;     /* the value field of the entry the name was found in */
} GlobalCache;
Value rt_global_load_cached(Value globals, Value name, GlobalCache *c);
/* Class-body lookups: the namespace first, then globals, then builtins. */
Value rt_name_load(Value ns, Value globals, Value name);
extern Value rt_builtins_dict;   /* the builtins module's dict, filled by rt_init */

/* ---- modules and imports ---- */
/* Imports a module of the program (closed world: the compiler resolved it): runs its body on
 * first import, returns the module object.  For `from . import x` the back end resolves names
 * at compile time and calls this for each module. */
Value rt_import(ModuleDef *def);
/* `from m import name`: attribute of the module, else a submodule, else ImportError
 * "cannot import name 'x' from 'm' (path)". */
Value rt_import_from(Value module, Value name);
Value rt_import_star(Value module, Value globals);   /* returns rt_None */
Value rt_builtin_module(const char *name);           /* sys, builtins, ... implemented in C */

/* ---- classes ---- */
/* CPython's __build_class__: func is the class body (a FunctionObject whose code has
 * RT_CO_CLASS_BODY), name a str, bases/kwnames as in a call (the metaclass keyword is taken
 * out).  Computes the metaclass, calls __prepare__, runs the body with the namespace, calls
 * the metaclass, fills the __class__ cell if the body created one. */
Value rt_build_class(Value func, Value name, const Value *bases, size_t nbases,
                     const Value *kwvalues, Value kwnames);
/* The typed tier's C(...) of a class it proved plain (src/infer/classes.c: no __new__ on its
 * MRO, only plain classes and object as bases, not abstract): a bare instance as
 * object.__new__ makes it; the caller runs __init__. */
Value rt_inst_new(Value cls);
/* Fixed layouts (runtime/src/fixed.c, rt.h FixedLayout).  rt_class_slot: the generated code
 * of a class statement declares slot (kind >> 1) named `name`, an unboxed double when kind & 1,
 * right after the class is built (aborts when the class cannot have that layout: a compiler
 * bug).  rt_fixed_get: the value of instance attribute `name` held in a slot of obj (boxed),
 * 0 when obj's class has no fixed layout, obj is materialised, name is no slot or the slot is
 * unset (RT_ERR with an exception pending when boxing failed).  rt_fixed_set: 0 when the store
 * (value 0: delete) was done in a slot, 1 when the caller must go on with the instance dict
 * (materialised now if it was not), -1 after raising.  rt_fixed_materialise: moves the set
 * slots into a new instance dict (no-op when materialised or not fixed); -1 after raising.
 * rt_fixed_f64: a float attribute read by the generic path, as a double (inst.load.f's cold
 * path). */
void rt_class_slot(Value cls, Value name, int64_t kind);
Value rt_fixed_get(Value obj, Value name);
int rt_fixed_set(Value obj, Value name, Value value);
int rt_fixed_materialise(Value obj);
int64_t rt_fixed_index(const Type *t, Value name);
double rt_fixed_f64(Value v);

/* ---- the program ---- */
/* main() of a compiled program: rt_init, sys.argv, runs main_def as "__main__", prints an
 * uncaught exception (traceback, exit 1), honours SystemExit, flushes stdout. */
int rt_run_main(int argc, char **argv, ModuleDef *main_def);

#endif
