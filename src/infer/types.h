/*
 * types.h - the type lattice of the typed tier (docs/internals/typed.md).
 *
 *   bottom < { int[lo,hi], float, bool, None, str, list, tuple, dict, function F, class,
 *              module M, instance, range[lo,hi], range_iterator[lo,hi], builtin B } < dyn
 * Ints carry an interval; TY_INF_LO / TY_INF_HI stand for an unbounded end.  Joining two
 * types of the same kind joins their components (interval hull); different kinds give dyn.
 * A Ty is a small value (copied, compared with ty_eq); it owns no memory.
 */
#ifndef AITHON_INFER_TYPES_H
#define AITHON_INFER_TYPES_H

#include <stdint.h>
#include <stdio.h>

#include "../mir/mir.h"

typedef enum TyKind {
    TY_BOT,
    TY_INT,
    TY_FLOAT,
    TY_BOOL,
    TY_NONE,
    TY_STR,
    TY_LIST,
    TY_TUPLE,
    TY_DICT,
    TY_FUNC,       /* a known MirFunction (fn) */
    TY_CLASS,
    TY_MODULE,     /* a known module (mod) */
    TY_INST,
    TY_RANGE,      /* a range object whose items lie in [lo, hi] */
    TY_RANGEITER,  /* its iterator */
    TY_BUILTIN,    /* a known builtin function (bi: TyBuiltin) */
    TY_CELL,       /* a known closure cell (cell: infer.h InferCell) */
    TY_METHOD,     /* o.m of an instance of a known class: method fn found on cls's MRO */
    TY_LISTITER,   /* an iterator over a list of the creation sites `sites` (elems.c) */
    TY_ZIP,        /* zip(list, list) (also its iterator): sites, sites2 (elems.c) */
    TY_ENUM,       /* enumerate(list) (also its iterator): sites */
    TY_PAIR,       /* an item of those: a 2-tuple (enumerate: index, item; zip: item, item) */
    TY_ZIPSTAR,    /* zip(*m) of a list of lists (also its iterator): sites of m */
    TY_ROW,        /* an item of that: a tuple of items of the lists of `sites` */
    TY_OPT,        /* C|None: an exact instance of cls or None (a join); a use where a test
                      proved it is not None (dunder.c: narrow) is an instance */
    TY_SET,        /* an exact set (set() / set(iterable)): add, discard, remove, `in`, len
                      call the runtime's set functions directly (specialize.c) */
    TY_NUM,        /* int|float: an exact int (any size) or an exact float, kept boxed (the
                      result of sum over floats from the int start 0: int 0 when empty);
                      float arithmetic converts it inline (num.tofloat) */
    TY_UNION,      /* an exact instance of one of 2..TY_UNION_MAX classes (un), or None too
                      when un->none (a join: types.c; the method calls and attribute loads on
                      it dispatch on the class: specialize.c) */
    TY_UMETHOD,    /* o.m with o a TY_UNION (un) whose every class finds a plain def m */
    TY_OPTF,       /* float|None (a join): arithmetic with numbers gives a float or raises
                      TypeError (infer.c), `is not None` narrows it to float (dunder.c) */
    TY_SUPER,      /* super() in a method of plain class number lo (infer_class_id) whose self
                      is an exact instance of cls (classes.c) */
    TY_TUPLEITER,  /* an iterator over a tuple of item types tup (tuples.c): its items are
                      their join */
    TY_OPTTUP,     /* tuple|None (a join): None or a tuple of type tuple[...] (tup, as TY_TUPLE;
                      NULL: any tuple); `is None` / `is not None` narrow it (dunder.c) */
    TY_DYN,
} TyKind;

/* Builtins the inference knows (only when the name cannot be rebound: infer.c). */
typedef enum TyBuiltin {
#define BUILTIN(id, name) TB_##id,
#include "builtins.def"
#undef BUILTIN
    TB__COUNT
} TyBuiltin;
extern const char *const ty_builtin_names[TB__COUNT];

#define TY_INF_LO INT64_MIN
#define TY_INF_HI INT64_MAX

typedef struct Ty {
    TyKind k;
    int64_t lo, hi;            /* TY_INT, TY_RANGE, TY_RANGEITER */
    const MirFunction *fn;     /* TY_FUNC */
    const MirModule *mod;      /* TY_MODULE */
    int bi;                    /* TY_BUILTIN */
    struct InferCell *cell;    /* TY_CELL */
    struct InferClass *cls;    /* TY_CLASS, TY_INST (exactly this class), TY_METHOD
                                  (classes.c) */
    uint64_t sites;            /* TY_LIST, TY_LISTITER: the abstract creation sites the list
                                  may come from (elems.c; one bit per site) */
    uint64_t sites2;           /* TY_ZIP, TY_PAIR of a zip: the second list's sites */
    int enumer;                /* TY_PAIR: 1 when it comes from enumerate */
    const struct TyTuple *tup; /* TY_TUPLE, TY_TUPLEITER: the item types of a tuple of known length
                                  (interned, so equal shapes are one pointer); NULL: any */
    const struct TyUnion *un;  /* TY_UNION, TY_UMETHOD: the classes (interned) */
} Ty;

/* The classes of a union of exact instances: 2..TY_UNION_MAX classes in the order of their
 * class statements (infer_class_id), and whether None is a member too.  Interned by
 * ty_union, so equal unions are one pointer.  Beyond TY_UNION_MAX classes a join is dyn. */
#define TY_UNION_MAX 4
typedef struct TyUnion {
    int n;
    int none;
    struct InferClass *cls[TY_UNION_MAX];
} TyUnion;
/* The instance type of these classes (n >= 1; with none: None is a member too): TY_INST,
 * TY_OPT, TY_UNION, or dyn beyond the bound.  cls need not be sorted or distinct. */
Ty ty_instances(struct InferClass *const *cls, int n, int none);
/* The classes of an instance-like type (TY_INST, TY_OPT, TY_UNION; None: none) into
 * cls[TY_UNION_MAX]; returns their number, -1 when t is not one of those. */
int ty_classes(Ty t, struct InferClass **cls, int *none);
/* Its position among the classes of the program (classes.c): the order of unions. */
int infer_class_id(const struct InferClass *c);

/* tuple[T1, ..., Tn] (ty_tuple interns it). */
typedef struct TyTuple {
    int n;
    int depth;                 /* nesting of tuple[...] in the items (bounded: joins finish) */
    int rec;                   /* recursive: an item of kind TY_TUPLE or TY_OPTTUP whose tup is
                                  this tuple itself stands for the type being defined, so
                                  T = tuple[T|None, T|None] is the tuples of two items each
                                  None or such a tuple (types.c fold) */
    Ty items[];
} TyTuple;
#define TY_TUPLE_MAX 16
#define TY_TUPLE_DEPTH 3
/* The tuple type of these items (NULL items: a plain tuple); a plain `tuple` when n exceeds
 * TY_TUPLE_MAX or an item is a closure cell.  Past the nesting TY_TUPLE_DEPTH, or with an
 * item that is a recursive tuple type of the same length, the recursive type that holds it
 * (types.c fold), else a plain `tuple`. */
Ty ty_tuple(const Ty *items, int n);

/* The qualified name of a known class (classes.c). */
const char *infer_class_name(const struct InferClass *c);

Ty ty_bot(void);
Ty ty_dyn(void);
Ty ty_kind(TyKind k);
Ty ty_int(int64_t lo, int64_t hi);
Ty ty_int_any(void);
int ty_eq(Ty a, Ty b);
Ty ty_join(Ty a, Ty b);
/* The join where int, float and num mix to num (ty_join keeps int | float = dyn; this one is
 * for the values that may be either by construction: a sum's result). */
Ty ty_join_num(Ty a, Ty b);
/* The join, with interval ends that grew pushed to infinity (loops reach a fixed point). */
Ty ty_widen(Ty old, Ty neu);
/* Is an int of this type always inside the tagged small-int range (|v| < 2**62)? */
int ty_int_small(Ty t);
/* The native representation of a value of this type: i64 (small ints), f64, i1 (bool),
 * else dyn. */
MirType ty_rep(Ty t);
/* Interval arithmetic (unbounded on overflow). */
Ty ty_int_add(Ty a, Ty b);
Ty ty_int_sub(Ty a, Ty b);
Ty ty_int_mul(Ty a, Ty b);
Ty ty_int_neg(Ty a);
/* & (op_and), | (op_or) or ^ (neither); >> and << (a count outside [0, 62]: unbounded). */
Ty ty_int_bitop(int op_and, int op_or, Ty a, Ty b);
Ty ty_int_shr(Ty a, Ty b);
Ty ty_int_shl(Ty a, Ty b);
/* Set by elems.c while its analysis is current: the element type of a TY_LIST/TY_LISTITER
 * (printing shows list[float]). */
extern Ty (*ty_list_elem_hook)(Ty list);
/* Prints e.g. "int[0, 99]", "float", "function fib", "dyn" (pyi: Python annotation form). */
void ty_print(FILE *out, Ty t, int pyi);
/* The same into buf (at least 64 bytes). */
const char *ty_str(Ty t, char *buf, size_t n);

#endif
