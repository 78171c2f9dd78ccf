/*
 * rt.h - the aithon runtime: the ABI between compiled programs and the C runtime library.
 *
 * Every compiled program links libaithonrt.a.  Generated code (LLVM IR from the back end) calls
 * only what this header declares, so this file is the contract of the "dyn" tier; the typed tier
 * uses raw i64/double/i1 and direct struct pointers and calls back here only at its edges.
 *
 * ---- Values ----------------------------------------------------------------------------------
 * A Value is one 64-bit word:
 *   - low bit 1: a small int, payload = (int64_t)v >> 1, range [-2**62, 2**62-1];
 *   - otherwise: a pointer to an Object (8-byte aligned at least), whose first word is its Type.
 *   - 0 is never a valid value: it is the ERROR marker returned by any function that raised.
 * Invariant (canonical ints): an int whose value fits in the small range is ALWAYS a small int;
 * big ints (IntObject, GMP mpz) are only used outside it.  So equal ints have equal
 * representations when small, and `v == w` is a valid fast path for small ints.
 * bool is a subclass of int: True and False are the two BoolObject singletons (not small ints).
 * None, NotImplemented, Ellipsis are singleton objects.
 *
 * ---- Errors: the pending-exception model ---------------------------------------------------
 * A function that raises stores the exception with rt_raise*() in thread-local state and returns
 * its error marker: RT_ERR (0) for Value results, -1 for int results (document otherwise).
 * Callers test, and on error either handle it (rt_exc_matches / rt_exc_fetch) or add their
 * traceback entry (rt_traceback_add) and return their own error marker.  Error paths are cold.
 *
 * ---- Memory -------------------------------------------------------------------------------------
 * Boehm-Demers-Weiser GC.  Every allocation goes through rt_alloc()/rt_alloc_atomic() (one entry
 * point, so the collector can be swapped or instrumented).  Objects are never freed explicitly.
 * Allocation failure raises MemoryError (rt_alloc returns NULL after raising).
 *
 * ---- Calls ------------------------------------------------------------------------------------
 * The generic calling convention is "vectorcall": f(callable, args, nargs, kwnames), where
 * args[0..nargs) are positional and args[nargs..nargs+len(kwnames)) are keyword values whose
 * names are the str items of the tuple kwnames (or 0 when there are none).
 *
 * Naming: rt_<area>_<op> (rt_int_add, rt_str_join, rt_list_append); types are rt_<name>_type.
 * Everything here is C, usable by hand-written runtime code and by generated code alike.
 */
#ifndef AITHON_RT_H
#define AITHON_RT_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t Value;
typedef struct Type Type;

#define RT_ERR ((Value)0)

typedef struct Object {
    Type *type;
} Object;

/* ---- small ints ---- */
#define RT_SMALL_MAX ((int64_t)((UINT64_C(1) << 62) - 1))
#define RT_SMALL_MIN (-RT_SMALL_MAX - 1)

static inline int rt_is_small(Value v) { return (int)(v & 1); }
static inline int64_t rt_small_val(Value v) { return (int64_t)v >> 1; }
/* precondition: RT_SMALL_MIN <= i <= RT_SMALL_MAX */
static inline Value rt_small(int64_t i) { return ((uint64_t)i << 1) | 1; }
static inline Object *rt_obj(Value v) { return (Object *)(uintptr_t)v; }
static inline Value rt_val(const void *o) { return (Value)(uintptr_t)o; }

extern Type rt_int_type;
static inline Type *rt_typeof(Value v) { return rt_is_small(v) ? &rt_int_type : rt_obj(v)->type; }

/* ---- slot function types (CPython-like type slots) ---- */
typedef Value (*UnaryFn)(Value);
typedef Value (*BinaryFn)(Value, Value);
typedef Value (*TernaryFn)(Value, Value, Value);
typedef Value (*VectorCallFn)(Value callable, const Value *args, size_t nargs, Value kwnames);
typedef int (*InquiryFn)(Value);                      /* -1 error, else 0/1 */
typedef int64_t (*LenFn)(Value);                      /* -1 error */
typedef int64_t (*HashFn)(Value);                     /* -1 error (never a real hash) */
typedef int (*SetItemFn)(Value, Value, Value);        /* value 0 = delete; -1 error */
typedef int (*SetAttrFn)(Value, Value name, Value);   /* value 0 = delete; -1 error */
typedef Value (*GetAttrFn)(Value, Value name);
typedef Value (*RichCmpFn)(Value, Value, int op);     /* may return rt_NotImplemented */
typedef Value (*DescrGetFn)(Value descr, Value obj, Value type);  /* obj 0 = via class */
typedef int (*DescrSetFn)(Value descr, Value obj, Value value);   /* value 0 = delete */
typedef Value (*NewFn)(Type *type, const Value *args, size_t nargs, Value kwnames);
typedef int (*InitFn)(Value self, const Value *args, size_t nargs, Value kwnames);

enum { RT_LT, RT_LE, RT_EQ, RT_NE, RT_GT, RT_GE };   /* rich comparison ops, CPython's order */

/* Number slots: a binary slot is tried on the left operand's type, then the right's reflected
 * one, with CPython's subclass-first rule; a slot returns rt_NotImplemented to decline. */
typedef struct NumberSlots {
    BinaryFn add, sub, mul, matmul, truediv, floordiv, mod, divmod, lshift, rshift, and_, or_,
        xor_;
    TernaryFn pow;
    BinaryFn iadd, isub, imul, imatmul, itruediv, ifloordiv, imod, ilshift, irshift, iand, ior,
        ixor;
    TernaryFn ipow;
    UnaryFn neg, pos, abs, invert, int_, float_, index;
    InquiryFn bool_;
} NumberSlots;

typedef struct Type {
    Object ob;                 /* the metatype: &rt_type_type, or a user metaclass */
    const char *name;          /* tp_name: "int", "collections.OrderedDict", user class name */
    Value qualname;            /* str */
    Value module;              /* str, "builtins" for built-in types */
    Type *base;                /* the solid base (single-inheritance layout parent) */
    Value bases;               /* tuple of types */
    Value mro;                 /* tuple of types, C3 linearisation */
    Value dict;                /* the class namespace (a dict) */
    uint64_t flags;
    size_t basicsize;          /* instance size in bytes, header included */
    size_t itemsize;           /* per item, for variable-size objects */
    ptrdiff_t dictoffset;      /* offset of the instance dict pointer, 0 if none */
    uint32_t version;          /* bumped when the type or a base changes: method caches */
    Value subclasses;          /* list of the heap types created with this one in their
                                  __bases__, in creation order (0: none yet) */

    UnaryFn repr, str;
    HashFn hash;
    RichCmpFn richcompare;
    GetAttrFn getattr;         /* full lookup (the __getattribute__ protocol) */
    SetAttrFn setattr;
    VectorCallFn call;
    UnaryFn iter, iternext;    /* iternext: RT_ERR with no exception set = exhausted */
    DescrGetFn descr_get;
    DescrSetFn descr_set;
    NewFn new_;
    InitFn init;
    LenFn len;
    BinaryFn getitem;
    SetItemFn setitem;
    int (*contains)(Value container, Value item);  /* -1 error */
    NumberSlots nb;
    struct FixedLayout *fixed; /* this exact class's fixed instance layout (runtime/src/fixed.c),
                                  NULL: none (never inherited) */
} Type;

/* Fixed-layout instances (the typed tier, docs/internals/typed.md): a plain class the compiler
 * proved closed keeps its instances' attributes in slots after the dict pointer.  The word at
 * RT_FIXED_BITS has bit k set when slot k holds a value, and RT_FIXED_MAT once the instance was
 * materialised (its attributes moved to a real instance dict, which is used from then on). */
#define RT_FIXED_BITS  16
#define RT_FIXED_SLOTS 24
#define RT_FIXED_MAT   (UINT64_C(1) << 63)
typedef struct FixedLayout {
    int64_t n, cap;
    Value *names;              /* interned str per slot */
    unsigned char *f64;        /* per slot: an unboxed double */
} FixedLayout;

/* type flags */
#define RT_TPFLAG_HEAPTYPE     (UINT64_C(1) << 0)   /* defined by a class statement */
#define RT_TPFLAG_BASETYPE     (UINT64_C(1) << 1)   /* may be subclassed */
#define RT_TPFLAG_INT_SUBCLASS (UINT64_C(1) << 2)
#define RT_TPFLAG_STR_SUBCLASS (UINT64_C(1) << 3)
#define RT_TPFLAG_LIST_SUBCLASS (UINT64_C(1) << 4)
#define RT_TPFLAG_TUPLE_SUBCLASS (UINT64_C(1) << 5)
#define RT_TPFLAG_DICT_SUBCLASS (UINT64_C(1) << 6)
#define RT_TPFLAG_EXC_SUBCLASS (UINT64_C(1) << 7)   /* BaseException and subclasses */
#define RT_TPFLAG_TYPE_SUBCLASS (UINT64_C(1) << 8)
#define RT_TPFLAG_ABSTRACT     (UINT64_C(1) << 9)

/* ---- memory ---- */
/* Sets up the collector, routes GMP's memory through it, builds the built-in type objects'
 * bases/mro, installs the class machinery's slots (rt_class_init) and fills the builtins
 * module (rt_builtins_init).  The program's main calls it first; idempotent. */
void rt_init(void);
void *rt_alloc(size_t n);          /* zeroed, may hold pointers; NULL after raising MemoryError */
void *rt_alloc_atomic(size_t n);   /* not scanned for pointers (string bytes, limbs); not zeroed */
void *rt_realloc(void *p, size_t n);
Object *rt_new_object(Type *t, size_t size);   /* rt_alloc + header */

/* ---- built-in object layouts (the typed tier reads these directly) ---- */
typedef struct FloatObject { Object ob; double v; } FloatObject;
typedef struct ComplexObject { Object ob; double re, im; } ComplexObject;
typedef struct BoolObject { Object ob; int v; } BoolObject;
/* big int: never in the small range (instances of int subclasses, which use this layout too,
 * may hold any value).  alloc/size/limbs are exactly a GMP __mpz_struct (so
 * mpz functions work on &obj->alloc cast to mpz_ptr); limbs are GC-allocated (GMP's memory
 * functions are routed to the collector) and immutable once the object is published. */
typedef struct IntObject { Object ob; int alloc; int size; uint64_t *limbs; } IntObject;
/* str: immutable UTF-8 (lone surrogates as 3-byte sequences), NUL-terminated */
typedef struct StrObject {
    Object ob;
    int64_t len;       /* code points */
    int64_t size;      /* bytes */
    int64_t hash;      /* -1 until computed */
    int ascii;         /* 1 when len == size: O(1) indexing */
    int state;         /* RT_STR_* bits (rt_str.h): interned, code-point index; 0 is valid */
    char data[];
} StrObject;
typedef struct BytesObject { Object ob; int64_t size; int64_t hash; char data[]; } BytesObject;
typedef struct ByteArrayObject { Object ob; int64_t size, cap; char *data; } ByteArrayObject;
typedef struct TupleObject { Object ob; int64_t size; int64_t hash; Value items[]; } TupleObject;
typedef struct ListObject { Object ob; int64_t size, cap; Value *items; } ListObject;

/* dict: ordered compact hash table (indices array + dense entries), as CPython's */
typedef struct DictEntry { int64_t hash; Value key; Value value; } DictEntry;
typedef struct DictObject {
    Object ob;
    int64_t used;          /* live entries */
    int64_t nentries;      /* entries[0..nentries) used, some may be deleted (key 0) */
    int64_t cap;           /* capacity of entries */
    int64_t mask;          /* index table size - 1 */
    void *indices;         /* int8/16/32/64 slots by table size; -1 empty, -2 deleted */
    DictEntry *entries;
    uint64_t version;      /* bumped on every mutation: iteration checks */
    uint64_t keybits;      /* rt_keybits(hash) set for every key inserted since the last clear:
                              a key whose bits are not all set is absent (attribute caches'
                              shadow test) */
    uint64_t layout;       /* a program-wide unique tag, renewed whenever the key set or the
                              entries array changes (new key, delete, clear, rebuild) but not
                              when a value is replaced; 0 only while the dict never held a key.
                              While it is unchanged every key keeps its entry and its absence
                              (global load caches, GlobalCache) */
} DictObject;
/* A key's two bits in DictObject.keybits (a 64-bit Bloom filter with two hash functions: with
 * one, an instance dict of 9 attributes shared the bit of a method name 13% of the time, and
 * each such (run-dependent: the hash seed) collision cost every call a dict lookup) */
static inline uint64_t rt_keybits(int64_t hash)
{
    return (UINT64_C(1) << (hash & 63)) | (UINT64_C(1) << (((uint64_t)hash >> 6) & 63));
}
typedef struct SetEntry { int64_t hash; Value key; } SetEntry;
typedef struct SetObject {
    Object ob;
    int64_t used, fill, mask;
    SetEntry *table;
    int64_t hash;          /* frozenset only, -1 until computed */
    int64_t finger;        /* where set.pop() resumes its scan (CPython's finger) */
    /* membership of the small ints -64..63 (bit v + 64), exact while bits_limit is
     * RT_SET_BITS_N: set.c's small-int paths (and typed code's inline ones) keep it, every
     * other mutation sets bits_limit to 0 (set.c).  So "v + 64 < bits_limit" (unsigned)
     * tests the key's range and the bits' validity at once */
    uint64_t smallbits[2];
    uint64_t bits_limit;
    /* hints[v + 64]: where small int v was last placed (made at the first discard that had
     * to probe); only a hint: checked against the entry before use */
    uint16_t *hints;
    /* while the bits are valid and mask < 64: bit s of occ set when table[s] is not unused
     * (active or a dummy), of dmy when it is a dummy; so an insertion finds the unused entry
     * ending its probe and the last dummy before it a probe group at a time (set.c).  With
     * mask >= 64 they mean nothing (typed code's remove sets dmy bit h & 63 regardless):
     * every way back to a smaller table (table_resize, clear) recomputes them */
    uint64_t occ, dmy;
} SetObject;
extern Object rt_set_dummy;   /* the key of a deleted entry (typed code removes inline) */
#define RT_SET_BITS_LO (-64)
#define RT_SET_BITS_N 128
typedef struct RangeObject { Object ob; Value start, stop, step, length; } RangeObject;
typedef struct SliceObject { Object ob; Value start, stop, step; } SliceObject;

/* the built-in types */
extern Type rt_type_type, rt_object_type, rt_bool_type, rt_float_type, rt_complex_type,
    rt_str_type, rt_bytes_type, rt_bytearray_type, rt_tuple_type, rt_list_type, rt_dict_type,
    rt_set_type, rt_frozenset_type, rt_range_type, rt_slice_type, rt_none_type,
    rt_notimplemented_type, rt_ellipsis_type, rt_function_type, rt_method_type,
    rt_builtin_function_type, rt_property_type, rt_staticmethod_type, rt_classmethod_type,
    rt_module_type, rt_cell_type, rt_generator_type, rt_coroutine_type, rt_super_type;

/* singletons */
extern Object rt_None_obj, rt_NotImplemented_obj, rt_Ellipsis_obj;
extern BoolObject rt_True_obj, rt_False_obj;
#define rt_None rt_val(&rt_None_obj)
#define rt_NotImplemented rt_val(&rt_NotImplemented_obj)
#define rt_Ellipsis rt_val(&rt_Ellipsis_obj)
#define rt_True rt_val(&rt_True_obj)
#define rt_False rt_val(&rt_False_obj)
static inline Value rt_bool(int b) { return b ? rt_True : rt_False; }

/* ---- exceptions ---- */
/* BaseException layout; subclasses with extra fields (OSError, SyntaxError, StopIteration...)
 * extend it. */
typedef struct ExcObject {
    Object ob;
    Value dict;         /* instance __dict__ (0 until needed) */
    Value args;         /* tuple */
    Value traceback;    /* list of (function, file, line) entries, innermost last; 0 = none */
    Value cause;        /* __cause__ or 0 */
    Value context;      /* __context__ or 0 */
    int suppress_context;
    Value notes;        /* __notes__ list or 0 */
} ExcObject;
/* OSError and its subclasses: OSError(errno, strerror[, filename[, winerror[, filename2]]]) */
typedef struct OSErrorObject {
    ExcObject exc;
    Value myerrno, strerror, filename, filename2;   /* 0 = None */
} OSErrorObject;
/* ImportError and its subclasses: msg (the one argument), name= and path= (0 = None) */
typedef struct ImportErrorObject {
    ExcObject exc;
    Value msg, name, path;
} ImportErrorObject;
/* BaseExceptionGroup(message, exceptions): args is (message, the sequence as given) */
typedef struct ExcGroupObject {
    ExcObject exc;
    Value message;      /* str */
    Value exceptions;   /* tuple of exception instances */
} ExcGroupObject;
/* UnicodeDecodeError/EncodeError(encoding, object, start, end, reason), UnicodeTranslateError
 * (object, start, end, reason): the fields as given (encoding 0 for translate) */
typedef struct UnicodeErrorObject {
    ExcObject exc;
    Value encoding, object, start, end, reason;
} UnicodeErrorObject;

extern Type *rt_BaseException, *rt_Exception, *rt_TypeError, *rt_ValueError, *rt_KeyError,
    *rt_IndexError, *rt_AttributeError, *rt_NameError, *rt_UnboundLocalError,
    *rt_ZeroDivisionError, *rt_OverflowError, *rt_StopIteration, *rt_StopAsyncIteration,
    *rt_RuntimeError, *rt_RecursionError, *rt_NotImplementedError, *rt_MemoryError,
    *rt_AssertionError, *rt_LookupError, *rt_ArithmeticError, *rt_ImportError,
    *rt_ModuleNotFoundError, *rt_OSError, *rt_FileNotFoundError, *rt_EOFError,
    *rt_UnicodeError, *rt_UnicodeDecodeError, *rt_UnicodeEncodeError, *rt_SystemExit,
    *rt_KeyboardInterrupt, *rt_GeneratorExit, *rt_BaseExceptionGroup, *rt_ExceptionGroup;
/* the rest of CPython 3.11's built-in exceptions (exc.c defines every one of them) */
extern Type *rt_SyntaxError, *rt_IndentationError, *rt_TabError, *rt_SystemError,
    *rt_ReferenceError, *rt_BufferError, *rt_FloatingPointError, *rt_UnicodeTranslateError,
    *rt_TimeoutError, *rt_PermissionError, *rt_FileExistsError, *rt_IsADirectoryError,
    *rt_NotADirectoryError, *rt_InterruptedError, *rt_ProcessLookupError, *rt_ChildProcessError,
    *rt_BlockingIOError, *rt_ConnectionError, *rt_BrokenPipeError, *rt_ConnectionAbortedError,
    *rt_ConnectionRefusedError, *rt_ConnectionResetError, *rt_EncodingWarning, *rt_Warning,
    *rt_UserWarning, *rt_DeprecationWarning, *rt_PendingDeprecationWarning,
    *rt_SyntaxWarning, *rt_RuntimeWarning, *rt_FutureWarning, *rt_ImportWarning,
    *rt_UnicodeWarning, *rt_BytesWarning, *rt_ResourceWarning;
Type *rt_exc_type_by_name(const char *name);          /* a built-in exception type or NULL */
/* a new instance of exception type t with args (no __init__ dispatch); RT_ERR on error.
 * OSError(errno, ...) becomes the subclass for that errno (FileNotFoundError...). */
Value rt_exc_new(Type *t, const Value *args, size_t nargs);
/* BaseExceptionGroup(msg, excs) / ExceptionGroup(...): validates as CPython and picks
 * ExceptionGroup when every member is an Exception; excs is a tuple or list */
Value rt_exc_group_new(Type *t, Value msg, Value excs);
/* eg.split(types) as `except* types:` needs it (types: an exception class or a tuple of them):
 * *match and *rest become exception groups derived from eg (message, traceback, cause,
 * context and notes copied), eg itself when it matches as a whole, or 0 for None. -1 error */
int rt_exc_group_split(Value eg, Value types, Value *match, Value *rest);
/* except* (PEP 654).  rt_exc_star_match: one clause `except* type` applied to what earlier
 * clauses left (None when nothing) -> the tuple (match, rest), None for an empty part; a naked
 * exception that matches is wrapped in ExceptionGroup("", [exc]).  TypeError for a type that
 * is not an exception class or is an exception group class.  rt_exc_star_reraise: after the
 * clauses, from the caught exception and the list of what they raised plus the final rest:
 * None when nothing propagates, else RT_ERR with the exception to propagate pending. */
Value rt_exc_star_match(Value exc, Value type);
Value rt_exc_star_reraise(Value orig, Value raised);
/* OSError for a C errno, "[Errno 2] No such file or directory: 'x'"; filename 0 = none */
Value rt_raise_errno(int err, Value filename);
/* UnicodeDecodeError for bytes object `obj` / UnicodeEncodeError for str `obj` */
Value rt_raise_unicode_decode(const char *encoding, Value obj, int64_t start, int64_t end,
                              const char *reason);
Value rt_raise_unicode_encode(const char *encoding, Value obj, int64_t start, int64_t end,
                              const char *reason);
/* The exception attributes with C-level storage (args, __cause__, __context__,
 * __suppress_context__, __traceback__, __notes__, errno, strerror, filename, filename2,
 * encoding, object, start, end, reason, StopIteration.value, SystemExit.code, message and
 * exceptions of exception groups): the value,
 * or 0 without raising when exc's type has no such attribute here. */
Value rt_exc_getattr(Value exc, const char *name);
/* Setting __cause__ (also sets __suppress_context__), __context__, __suppress_context__,
 * __traceback__, __notes__ and args with CPython's checks: 0 done, -1 after raising, 1 when
 * the name is not one of these (an ordinary attribute for the caller). */
int rt_exc_setattr(Value exc, const char *name, Value value);
/* ImportError(..., name=, path=): takes those keyword arguments (values after the nargs
 * positional ones in args); -1 after raising for any other keyword */
int rt_importerror_kw(Value exc, const Value *args, size_t nargs, Value kwnames);
/* sets the pending ImportError's name (and path, when not 0), as the import system does */
void rt_importerror_set_pending(Value name, Value path);
Value rt_exc_add_note(Value exc, Value note);          /* BaseException.add_note: None */
Value rt_exc_with_traceback(Value exc, Value tb);      /* BaseException.with_traceback */

/* Raising: each returns RT_ERR so that `return rt_raise_fmt(...)` works. */
Value rt_raise(Value exc);                           /* an instance, or a class to instantiate */
Value rt_raise_str(Type *type, const char *msg);
/* printf-like: %s (C string), %d %ld %lld %zd %u %zu %x %c (int as a char), %p, %%, with
 * an optional zero flag and width for the numbers (%02x),
 * %R / %S (repr / str of a Value), %U (a str Value's text), %T (a Value's type name);
 * %.Ns and %.NR truncate to N characters as CPython's %.200R does. */
Value rt_raise_fmt(Type *type, const char *fmt, ...);
Value rt_raise_from(Value exc, Value cause);         /* `raise exc from cause` */
Value rt_exc_pending(void);                          /* the pending exception or 0 */
Value rt_exc_fetch(void);                            /* takes it (clears the pending state) */
void rt_exc_restore(Value exc);                      /* makes exc pending again */
int rt_exc_matches(Value exc, Value type_or_tuple);  /* `except T:` test; -1 error */
/* The exception being handled (sys.exc_info()).  Generated code brackets each except/finally
 * handler body with enter/leave; any exception raised meanwhile gets it as __context__. */
Value rt_exc_handler_enter(Value exc);               /* returns the previous one, for leave */
void rt_exc_handler_leave(Value prev);
Value rt_exc_handled(void);                          /* the exception being handled or 0 */

/* Each compiled function has one static FrameInfo; its error path calls rt_traceback_add. */
typedef struct FrameInfo {
    const char *function;   /* "<module>", "f", "C.method" is NOT used: CPython prints co_name */
    const char *file;       /* as the program was compiled: "prog.py" */
    const char *source;     /* the whole source text of `file` (shared per file), or NULL:
                               tracebacks print line N from it */
} FrameInfo;
void rt_traceback_add(const FrameInfo *fi, int line);
/* The failing expression's position, one static per call site (0-based UTF-8 byte columns,
 * CPython's positions; -1 = unknown).  anchor..anchor_end is the operator of a binary
 * operation or the [...] of a subscript, printed with ^ and the rest of the range with ~
 * ("~~^~~"); without an anchor the whole range gets ^.  As CPython 3.11, a range spanning
 * several lines is marked up to the end of its first line, and no marks are printed for a range
 * covering its whole line unless it has an anchor. */
typedef struct TracebackPos {
    int line, col, end_line, end_col, anchor, anchor_end;
} TracebackPos;
void rt_traceback_add_at(const FrameInfo *fi, const TracebackPos *pos);
/* ExcObject.traceback is a chain of these, outermost frame first (the entry a frame adds is
 * pushed on the front, since frames add theirs while the exception travels outwards). */
typedef struct TracebackObject {
    Object ob;
    Value next;             /* the next (inner) entry or 0 */
    const FrameInfo *frame;
    int line;
    const TracebackPos *pos;   /* or NULL */
} TracebackObject;
extern Type rt_traceback_type;
/* Prints `Traceback (most recent call last):` ... `ExcType: message` to stderr, with the
 * source lines (embedded at compile time), chaining (__cause__/__context__), notes and
 * exception groups exactly as CPython 3.11's sys.excepthook (traceback.c). */
void rt_print_exception(Value exc);

/* Recursion limit (CPython's default 1000): generated code calls these around calls. */
extern _Thread_local int rt_recursion_depth;
extern int rt_recursion_limit;
int rt_recursion_enter(void);   /* -1 after raising RecursionError */
static inline void rt_recursion_leave(void) { rt_recursion_depth--; }

/* ---- the generic object protocol (abstract.c) ---- */
Value rt_repr(Value v);
Value rt_str(Value v);
int64_t rt_hash(Value v);               /* -1 error */
int rt_truthy(Value v);                 /* -1 error */
Value rt_richcompare(Value a, Value b, int op);
int rt_richcompare_bool(Value a, Value b, int op);  /* -1 error */
Value rt_getattr(Value obj, Value name);
Value rt_getattr_cstr(Value obj, const char *name);
int rt_setattr(Value obj, Value name, Value value);
int rt_delattr(Value obj, Value name);
Value rt_getitem(Value obj, Value key);
int rt_setitem(Value obj, Value key, Value value);
int rt_delitem(Value obj, Value key);
int rt_contains(Value container, Value item);   /* `item in container`; -1 error */
int64_t rt_len(Value v);                         /* -1 error */
Value rt_iter(Value v);
Value rt_next(Value it);     /* RT_ERR + no pending exception = exhausted (no StopIteration) */
Value rt_call(Value callable, const Value *args, size_t nargs, Value kwnames);
Value rt_call_method(Value obj, Value name, const Value *args, size_t nargs, Value kwnames);

/* Per-site inline caches (LOAD_ATTR / STORE_ATTR / LOAD_METHOD specialisation, attr.c).  The
 * compiler emits one zeroed static AttrCache per getattr, setattr and method-call site; the
 * runtime fills it on a miss and trusts it only while the receiver's type pointer and that
 * type's version (rt_type_modified bumps it for the type and all its subclasses) still match,
 * and, for an instance-dict hit, while the instance dict's entry at the cached index holds
 * the very same name object.  Anything the cache cannot prove takes the generic path.  The
 * records live in the program's data segment, a GC root, so the type and value they name
 * stay alive (and a type pointer cannot be reused) while cached. */
typedef struct AttrCacheEntry {
    Type *type;        /* the receiver's type when filled; NULL: empty */
    uint32_t version;  /* type->version when filled */
    uint32_t kind;     /* what was found (attr.c's AC_*) */
    int64_t index;     /* instance-dict entry index, or a __slots__ member's byte offset */
    Value value;       /* the class attribute or descriptor found on the type */
    void *fn;          /* the descriptor's __get__ (getattr sites) or __set__ (setattr sites) */
} AttrCacheEntry;
/* AttrCacheEntry.kind values codegen tests inline (the others are attr.c's own) */
enum { RT_AC_EMPTY = 0, RT_AC_DICT = 1, RT_AC_METHOD = 3 };
/* polymorphic: up to this many receiver types per site, the most recently filled first */
#define RT_ATTR_CACHE_WAYS 4
typedef struct AttrCache {
    AttrCacheEntry e[RT_ATTR_CACHE_WAYS];
} AttrCache;
/* obj.name and obj.name = value (value 0: del) at a cached site: rt_getattr / rt_setattr */
Value rt_getattr_cached(Value obj, Value name, AttrCache *c);
int rt_setattr_cached(Value obj, Value name, Value value, AttrCache *c);
/* LOAD_METHOD: the callable for obj.name(...); *self = obj when it is an unbound function or
 * method descriptor to be called with obj in front (no bound method made), else 0.  RT_ERR
 * after raising (the AttributeError of obj.name). */
Value rt_getmethod_cached(Value obj, Value name, AttrCache *c, Value *self);
/* CALL after rt_getmethod_cached: args[0] is a free slot (overwritten with self when self is
 * not 0), the nargs positional and the keyword values follow from args[1]. */
Value rt_call_method_ready(Value callable, Value self, Value *args, size_t nargs,
                           Value kwnames);
int rt_isinstance(Value obj, Value cls);         /* -1 error */
int rt_issubtype(const Type *a, const Type *b);  /* by MRO */

/* binary and unary operators with full dunder dispatch */
Value rt_add(Value a, Value b);
Value rt_sub(Value a, Value b);
Value rt_mul(Value a, Value b);
Value rt_matmul(Value a, Value b);
Value rt_truediv(Value a, Value b);
Value rt_floordiv(Value a, Value b);
Value rt_mod(Value a, Value b);
Value rt_divmod(Value a, Value b);
Value rt_pow(Value a, Value b, Value mod);   /* mod = rt_None for two-argument pow */
Value rt_lshift(Value a, Value b);
Value rt_rshift(Value a, Value b);
Value rt_and(Value a, Value b);
Value rt_or(Value a, Value b);
Value rt_xor(Value a, Value b);
Value rt_inplace(int op, Value a, Value b);  /* op: RT_BINOP_* below; `a op= b` */
Value rt_neg(Value a);
Value rt_pos(Value a);
Value rt_invert(Value a);
Value rt_abs(Value a);
enum { RT_BINOP_ADD, RT_BINOP_SUB, RT_BINOP_MUL, RT_BINOP_MATMUL, RT_BINOP_TRUEDIV,
       RT_BINOP_FLOORDIV, RT_BINOP_MOD, RT_BINOP_POW, RT_BINOP_LSHIFT, RT_BINOP_RSHIFT,
       RT_BINOP_AND, RT_BINOP_OR, RT_BINOP_XOR };

/* ---- int (int.c): small ints inline, big ints through GMP ---- */
Value rt_int_from_i64(int64_t i);
Value rt_int_from_u64(uint64_t u);
Value rt_int_from_double(double d);             /* int(3.7); raises for inf/nan */
Value rt_int_from_str(const char *s, size_t n, int base);  /* int("..", base) rules */
int rt_int_as_i64(Value v, int64_t *out);       /* 0 ok, -1 OverflowError raised */
double rt_int_as_double(Value v);               /* -1.0 + OverflowError when too big */
/* base 10: str(v) (with the digit limit below); 2, 8, 16: bin(v), oct(v), hex(v) with their
 * prefix ("-0x1f"); any other base in 3..36: the bare lowercase digits */
Value rt_int_to_str(Value v, int base);
Value rt_int_add(Value a, Value b);             /* a, b ints (small or big); result canonical */
Value rt_int_sub(Value a, Value b);
Value rt_int_mul(Value a, Value b);
Value rt_int_floordiv(Value a, Value b);
Value rt_int_mod(Value a, Value b);
Value rt_int_pow(Value a, Value b);
/* overflow slow paths called by generated code when an i64 fast path overflows */
Value rt_int_add_overflow(int64_t a, int64_t b);
Value rt_int_sub_overflow(int64_t a, int64_t b);
Value rt_int_mul_overflow(int64_t a, int64_t b);
/* The rest of int's arithmetic, with Python's exact semantics and messages.  Operands must be
 * ints (bool and int subclasses included); results are canonical exact ints (or float for
 * truediv / negative powers). */
Value rt_int_truediv(Value a, Value b);
Value rt_int_divmod(Value a, Value b);             /* a tuple (q, r) */
Value rt_int_pow3(Value a, Value b, Value m);       /* pow(a, b, m); m = rt_None: a ** b */
Value rt_int_lshift(Value a, Value b);
Value rt_int_rshift(Value a, Value b);
Value rt_int_and(Value a, Value b);
Value rt_int_or(Value a, Value b);
Value rt_int_xor(Value a, Value b);
Value rt_int_neg(Value a);
Value rt_int_invert(Value a);
Value rt_int_abs(Value a);
int rt_int_cmp(Value a, Value b);                   /* -1, 0, 1; never fails */
int64_t rt_int_hash(Value a);
int rt_int_sign(Value a);                           /* -1, 0, 1 */
Value rt_int_from_mpz_copy(const void *mpz);        /* mpz_srcptr; a canonical int */
Value rt_int_bit_length(Value a);
Value rt_int_bit_count(Value a);
Value rt_int_round(Value v, Value ndigits);         /* round(int, ndigits) */
Value rt_int_as_integer_ratio(Value v);
/* int.to_bytes into out[0..len) / int.from_bytes; to_bytes: -1 + OverflowError if it does
 * not fit (or is negative and !is_signed) */
int rt_int_to_bytes_buf(Value v, unsigned char *out, size_t len, int little, int is_signed);
Value rt_int_from_bytes_buf(const unsigned char *p, size_t len, int little, int is_signed);
/* 4300 as in CPython 3.11.7; 0 = no limit.  sys.set_int_max_str_digits() sets it through
 * rt_int_set_max_str_digits (-1 + ValueError below 640, CPython's threshold). */
extern int64_t rt_int_max_str_digits;
int rt_int_set_max_str_digits(int64_t n);

/* ---- float (float.c) ---- */
Value rt_float(double d);
static inline double rt_float_val(Value v) { return ((FloatObject *)rt_obj(v))->v; }
/* repr(float): shortest round-trip; writes into buf (at least 32 bytes), returns length */
int rt_double_repr(double d, char *buf);
Value rt_float_from_str(const char *s, size_t n);   /* float("..") rules; errors quote s */
Value rt_float_add(Value a, Value b);   /* float slots: operands float or int, else NotImpl. */
Value rt_float_sub(Value a, Value b);
Value rt_float_mul(Value a, Value b);
Value rt_float_truediv(Value a, Value b);
Value rt_float_floordiv(Value a, Value b);
Value rt_float_mod(Value a, Value b);
Value rt_float_divmod(Value a, Value b);
Value rt_float_pow(Value a, Value b, Value mod);
double rt_f64_pow(double x, double y);   /* typed tier (typed_float.c): -1.0 + pending on error */
int64_t rt_float_hash(double d);        /* Python's numeric hash; nan needs the object */
Value rt_float_round(Value x, Value ndigits);   /* round(x) / round(x, n) */
/* float/int/bool -> double; *ok = 0 when not a number (nothing raised) or the int is too
 * large (OverflowError raised: check rt_exc_pending) */
double rt_float_val_of(Value v, int *ok);
Value rt_float_is_integer(Value v);
Value rt_float_as_integer_ratio(Value v);      /* a tuple of two ints */
Value rt_float_hex(Value v);
Value rt_float_fromhex(Value s);                /* float.fromhex(str) */

/* ---- complex (complex.c) ---- */
Value rt_complex(double re, double im);

/* ---- number formatting (numfmt.c, format.c) ---- */
/* format(v, spec) for each numeric type; spec is a str.  rt_format() (format.c) dispatches
 * by type and calls rt_format_str (str.c) for str. */
Value rt_format_int(Value v, Value spec);
Value rt_format_float(Value v, Value spec);
Value rt_format_complex(Value v, Value spec);
Value rt_format_str(Value s, Value spec);

/* ---- str (str.c) ---- */
Value rt_str_from_utf8(const char *s, size_t n);       /* validates nothing: trusted input */
Value rt_str_from_cstr(const char *s);
Value rt_str_intern(const char *s);                    /* for attribute names, constants */
Value rt_str_concat(Value a, Value b);
Value rt_str_join(Value sep, Value iterable);
Value rt_format(Value v, Value spec);                  /* format(v, spec) */

/* ---- containers ---- */
Value rt_tuple_new(int64_t n);                          /* items zero-filled: fill them */
Value rt_tuple_from(const Value *items, int64_t n);
Value rt_list_new(int64_t n);                           /* size n, items must be filled */
Value rt_list_from(const Value *items, int64_t n);
Value rt_list_dup(Value list);                           /* list(x) of an exact list x */
int rt_list_append(Value list, Value item);
Value rt_dict_new(void);
Value rt_dict_get(Value dict, Value key);               /* borrowed; 0 when missing, no error
                                                           set unless hashing raised */
int rt_dict_set(Value dict, Value key, Value value);
int rt_dict_del(Value dict, Value key);
Value rt_set_new(void);
int rt_set_add(Value set, Value key);

/* ---- builtins, modules, program entry ---- */
Value rt_print(const Value *args, size_t nargs, Value kwnames);
/* The program's main(): sets up the GC, sys.argv, runs the main module's body, prints an
 * uncaught exception's traceback and exits 1, honours SystemExit. */
int rt_main(int argc, char **argv, Value (*module_body)(void));

#endif
