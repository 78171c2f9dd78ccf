/*
 * abstract.c - the generic object protocol of rt.h: repr/str/hash/truth, rich comparison,
 * the binary, in-place and unary operators, item access, len, iteration, isinstance.
 *
 * Entry points: rt_repr rt_str rt_hash rt_truthy rt_richcompare(_bool) rt_add..rt_xor rt_pow
 * rt_inplace rt_neg rt_pos rt_invert rt_abs rt_getitem rt_setitem rt_delitem rt_contains
 * rt_len rt_iter rt_next rt_isinstance, and the helpers of rt_containers.h.
 *
 * Dispatch follows CPython's abstract.c/object.c:
 *   - a binary operator tries the left type's slot, then the right type's (the same slot
 *     called with the operands in their original order: slots are "symmetric"), except that
 *     when the right type is a proper subtype of the left one with a different slot, the
 *     right one goes first.  NotImplemented declines.
 *   - rich comparison tries the reflected operation first for a right operand of a subtype;
 *     == and != fall back to identity; the others raise "'<' not supported between ...".
 *   - `+` and `*` on sequences have no sequence slots here: the sequence types' number slots
 *     decline what they cannot do and the messages CPython's sq_concat / sq_repeat give are
 *     produced here once both operands declined.
 * Slots are looked up along the `base` chain (slot_of), so a built-in subtype that leaves a
 * slot NULL inherits its base's, as CPython's inherit_slots would have copied it.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_class.h"
#include "rt_containers.h"
#include "rt_gen.h"
#include "rt_str.h"

/* ---- slot lookup ---------------------------------------------------------------------- */

/* the first non-NULL pointer at byte offset `off` of t or its bases */
static void *slot_at(const Type *t, size_t off)
{
    for (; t; t = t->base) {
        void *p;
        memcpy(&p, (const char *)t + off, sizeof p);
        if (p)
            return p;
    }
    return NULL;
}
#define SLOT(t, field) slot_at((t), offsetof(Type, field))

UnaryFn rt_type_iter_slot(const Type *t) { return (UnaryFn)SLOT(t, iter); }

int rt_seq_items_plain(const Type *t)
{
    if (t == &rt_list_type || t == &rt_tuple_type)
        return 1;
    if (t->flags & RT_TPFLAG_LIST_SUBCLASS)
        return SLOT(t, iter) == SLOT(&rt_list_type, iter);
    if (t->flags & RT_TPFLAG_TUPLE_SUBCLASS)
        return SLOT(t, iter) == SLOT(&rt_tuple_type, iter);
    return 0;
}

/* ---- recursion ---------------------------------------------------------------------------- */

/* CPython's Py_EnterRecursiveCall(where): the message names what was recursing */
static int enter_recursive(const char *where)
{
    if (rt_recursion_depth + 1 > rt_recursion_limit) {
        rt_raise_fmt(rt_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    rt_recursion_depth++;
    return 0;
}

/* The objects whose repr is in progress on this thread (Py_ReprEnter): a container that
 * finds itself here prints "[...]".  The array lives in malloc memory, not the collector's:
 * its only pointer is thread-local, which the collector does not scan, so GC memory would be
 * reclaimed under it.  The Values in it need no rooting (each is also live on the C stack of
 * the repr in progress).  Nesting is bounded by the recursion limit. */
static _Thread_local Value *repr_stack;
static _Thread_local int64_t repr_n, repr_cap;

int rt_repr_enter(Value v)
{
    for (int64_t i = repr_n - 1; i >= 0; i--)
        if (repr_stack[i] == v)
            return 1;
    if (repr_n == repr_cap) {
        int64_t cap = repr_cap ? repr_cap * 2 : 16;
        Value *p = realloc(repr_stack, (size_t)cap * sizeof(Value));
        if (!p) {
            rt_raise_memory_error();
            return -1;
        }
        repr_stack = p;
        repr_cap = cap;
    }
    repr_stack[repr_n++] = v;
    return 0;
}

void rt_repr_leave(Value v)
{
    /* usually the top; search in case a repr failed between enter and leave of an inner one */
    for (int64_t i = repr_n - 1; i >= 0; i--)
        if (repr_stack[i] == v) {
            memmove(repr_stack + i, repr_stack + i + 1, (size_t)(repr_n - i - 1) * sizeof(Value));
            repr_n--;
            return;
        }
}

/* ---- repr, str, hash, truth ---------------------------------------------------------------- */

static int is_str(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS);
}

Value rt_repr(Value v)
{
    UnaryFn f = (UnaryFn)SLOT(rt_typeof(v), repr);
    if (!f)
        return rt_core_repr(v);
    if (enter_recursive(" while getting the repr of an object") < 0)
        return RT_ERR;
    Value r = f(v);
    rt_recursion_leave();
    if (r && !is_str(r))
        return rt_raise_fmt(rt_TypeError, "__repr__ returned non-string (type %T)", r);
    return r;
}

Value rt_str(Value v)
{
    Type *t = rt_typeof(v);
    if (t == &rt_str_type)
        return v;
    UnaryFn f = (UnaryFn)SLOT(t, str);
    if (!f)
        return rt_repr(v);
    if (enter_recursive(" while getting the str of an object") < 0)
        return RT_ERR;
    Value r = f(v);
    rt_recursion_leave();
    if (r && !is_str(r))
        return rt_raise_fmt(rt_TypeError, "__str__ returned non-string (type %T)", r);
    return r;
}

int64_t rt_hash_unhashable(Value v)
{
    rt_raise_fmt(rt_TypeError, "unhashable type: '%T'", v);
    return -1;
}

int64_t rt_hash(Value v)
{
    if (rt_is_small(v))
        return rt_int_hash(v);
    /* an exact str caches its hash (dict and attribute keys) */
    if (rt_obj(v)->type == &rt_str_type && ((StrObject *)rt_obj(v))->hash != -1)
        return ((StrObject *)rt_obj(v))->hash;
    HashFn f = (HashFn)SLOT(rt_obj(v)->type, hash);
    if (!f)
        return rt_hash_unhashable(v);
    return f(v);
}

int rt_truthy(Value v)
{
    if (v == rt_True)
        return 1;
    if (v == rt_False || v == rt_None)
        return 0;
    if (rt_is_small(v))
        return v != rt_small(0);
    Type *t = rt_obj(v)->type;
    InquiryFn b = (InquiryFn)SLOT(t, nb.bool_);
    if (b)
        return b(v);
    LenFn l = (LenFn)SLOT(t, len);
    if (l) {
        int64_t n = l(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- rich comparison ---------------------------------------------------------------------- */

static const int swapped_op[] = {RT_GT, RT_GE, RT_EQ, RT_NE, RT_LT, RT_LE};
static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};

static Value do_richcompare(Value a, Value b, int op)
{
    Type *ta = rt_typeof(a), *tb = rt_typeof(b);
    RichCmpFn fa = (RichCmpFn)SLOT(ta, richcompare);
    /* as CPython, the reflected operation is tried even when both types are the same
     * (a class defining only __lt__ supports `>`) */
    RichCmpFn fb = (RichCmpFn)SLOT(tb, richcompare);
    Value r;
    if (fb && ta != tb && rt_issubtype(tb, ta)) {
        r = fb(b, a, swapped_op[op]);
        if (r != rt_NotImplemented)
            return r;
        fb = NULL;   /* checked: do not try it again */
    }
    if (fa) {
        r = fa(a, b, op);
        if (r != rt_NotImplemented)
            return r;
    }
    if (fb) {
        r = fb(b, a, swapped_op[op]);
        if (r != rt_NotImplemented)
            return r;
    }
    if (op == RT_EQ)
        return rt_bool(a == b);
    if (op == RT_NE)
        return rt_bool(a != b);
    return rt_raise_fmt(rt_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                        cmp_sym[op], ta->name, tb->name);
}

static Value richcompare_rest(Value a, Value b, int op);

/* two exact strs of which rt_richcompare's inline tests did not decide: equality of equal-sized
 * texts by their bytes, ordering by code points (which is byte order) */
static Value __attribute__((noinline)) str_compare_rest(const StrObject *x, const StrObject *y,
                                                        int op)
{
    if (op == RT_EQ || op == RT_NE) {
        int eq = rt_str_bytes_eq(x->data, y->data, x->size);
        return rt_bool(eq == (op == RT_EQ));
    }
    int c;
    if (x->size == 1 && y->size == 1) {
        c = (unsigned char)x->data[0] - (unsigned char)y->data[0];
    } else {
        int64_t n = x->size < y->size ? x->size : y->size;
        c = memcmp(x->data, y->data, (size_t)n);
        if (c == 0)
            c = x->size < y->size ? -1 : x->size > y->size;
    }
    switch (op) {
    case RT_LT: return rt_bool(c < 0);
    case RT_LE: return rt_bool(c <= 0);
    case RT_GT: return rt_bool(c > 0);
    default: return rt_bool(c >= 0);
    }
}

Value rt_richcompare(Value a, Value b, int op)
{
    if (rt_is_small(a) && rt_is_small(b)) {
        int64_t x = rt_small_val(a), y = rt_small_val(b);
        switch (op) {
        case RT_LT: return rt_bool(x < y);
        case RT_LE: return rt_bool(x <= y);
        case RT_EQ: return rt_bool(x == y);
        case RT_NE: return rt_bool(x != y);
        case RT_GT: return rt_bool(x > y);
        default: return rt_bool(x >= y);
        }
    }
    if (!rt_is_small(a) && !rt_is_small(b) && rt_obj(a)->type == &rt_str_type &&
        rt_obj(b)->type == &rt_str_type) {
        /* exact strs: without dispatch (tokens compared with keywords, scanners testing
         * characters against ranges: ch < ' ').  Equality inline, with the lengths and the
         * cached hashes first (rt_str_eq's rules). */
        const StrObject *x = (const StrObject *)rt_obj(a), *y = (const StrObject *)rt_obj(b);
        if (op == RT_EQ || op == RT_NE) {
            if (a == b)
                return rt_bool(op == RT_EQ);
            if (x->size != y->size || (x->state & y->state & RT_STR_INTERNED) ||
                (x->hash != -1 && y->hash != -1 && x->hash != y->hash))
                return rt_bool(op == RT_NE);
            if (x->size == 1)
                return rt_bool((x->data[0] == y->data[0]) == (op == RT_EQ));
        }
        /* out of line (tail calls), so that the paths above need no saved registers */
        return str_compare_rest(x, y, op);
    }
    return richcompare_rest(a, b, op);
}

/* rt_richcompare past its small-int and str paths: kept out of line so that those paths run
 * without this frame */
static Value __attribute__((noinline)) richcompare_rest(Value a, Value b, int op)
{
    if (!rt_is_small(a) && !rt_is_small(b) && rt_obj(a)->type == &rt_float_type &&
        rt_obj(b)->type == &rt_float_type) {
        /* exact floats: C's comparisons are IEEE's, as Python's (nan compares unequal) */
        double x = rt_float_val(a), y = rt_float_val(b);
        switch (op) {
        case RT_LT: return rt_bool(x < y);
        case RT_LE: return rt_bool(x <= y);
        case RT_EQ: return rt_bool(x == y);
        case RT_NE: return rt_bool(x != y);
        case RT_GT: return rt_bool(x > y);
        default: return rt_bool(x >= y);
        }
    }
    if (enter_recursive(" in comparison") < 0)
        return RT_ERR;
    Value r = do_richcompare(a, b, op);
    rt_recursion_leave();
    return r;
}

int rt_richcompare_bool(Value a, Value b, int op)
{
    /* identity implies equality (PyObject_RichCompareBool): containers rely on it, so that
     * a list holding nan equals itself */
    if (a == b) {
        if (op == RT_EQ)
            return 1;
        if (op == RT_NE)
            return 0;
    }
    Value r = rt_richcompare(a, b, op);
    if (!r)
        return -1;
    if (r == rt_True)
        return 1;
    if (r == rt_False)
        return 0;
    return rt_truthy(r);
}

/* ---- binary operators ----------------------------------------------------------------------- */

#define NB(field) offsetof(Type, nb.field)

/* binary_op1: NotImplemented when both sides decline (or lack the slot) */
static Value binop1(Value a, Value b, size_t off)
{
    Type *ta = rt_typeof(a), *tb = rt_typeof(b);
    BinaryFn sa = (BinaryFn)slot_at(ta, off);
    BinaryFn sb = NULL;
    if (tb != ta) {
        sb = (BinaryFn)slot_at(tb, off);
        if (sb == sa)
            sb = NULL;
    }
    Value r;
    if (sa) {
        if (sb && rt_issubtype(tb, ta)) {
            r = sb(a, b);
            if (r != rt_NotImplemented)
                return r;
            sb = NULL;
        }
        r = sa(a, b);
        if (r != rt_NotImplemented)
            return r;
    }
    if (sb)
        return sb(a, b);
    return rt_NotImplemented;
}

/* bytes and bytearray are recognised by name along the base chain: they have no flag bit,
 * and naming their type objects would make every program that uses `+` link bytes.c */
static int bytes_kind(const Type *t)
{
    for (; t; t = t->base) {
        if (strcmp(t->name, "bytes") == 0)
            return 1;
        if (strcmp(t->name, "bytearray") == 0)
            return 2;
    }
    return 0;
}

int rt_is_sequence_type(const Type *t)
{
    return (t->flags & (RT_TPFLAG_LIST_SUBCLASS | RT_TPFLAG_TUPLE_SUBCLASS |
                        RT_TPFLAG_STR_SUBCLASS)) || bytes_kind(t);
}

/* the name CPython's sq_concat uses for a sequence type */
static Value concat_error(Value a, Value b)
{
    Type *t = rt_typeof(a);
    const char *name = t->flags & RT_TPFLAG_LIST_SUBCLASS    ? "list"
                       : t->flags & RT_TPFLAG_TUPLE_SUBCLASS ? "tuple"
                       : t->flags & RT_TPFLAG_STR_SUBCLASS   ? "str"
                                                             : NULL;
    if (name)
        return rt_raise_fmt(rt_TypeError, "can only concatenate %s (not \"%T\") to %s", name,
                            b, name);
    /* bytes and bytearray */
    return rt_raise_fmt(rt_TypeError, "can't concat %T to %s", b,
                        bytes_kind(t) == 2 ? "bytearray" : "bytes");
}

static Value binop_error(Value a, Value b, const char *sym)
{
    return rt_raise_fmt(rt_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'", sym,
                        a, b);
}

/* after both number slots declined: CPython's sequence fallbacks, then the generic error */
static Value binop_fail(Value a, Value b, int binop, const char *sym)
{
    Type *ta = rt_typeof(a), *tb = rt_typeof(b);
    if (binop == RT_BINOP_ADD && rt_is_sequence_type(ta))
        return concat_error(a, b);
    if (binop == RT_BINOP_MUL) {
        if (rt_is_sequence_type(ta))
            return rt_raise_fmt(rt_TypeError, "can't multiply sequence by non-int of type '%T'",
                                b);
        if (rt_is_sequence_type(tb))
            return rt_raise_fmt(rt_TypeError, "can't multiply sequence by non-int of type '%T'",
                                a);
    }
    return binop_error(a, b, sym);
}

static Value binop(Value a, Value b, size_t off, int op, const char *sym)
{
    Value r = binop1(a, b, off);
    if (r != rt_NotImplemented)
        return r;
    return binop_fail(a, b, op, sym);
}

static inline int both_small(Value a, Value b) { return (int)(a & b & 1); }

/* Both operands exact floats, or an exact float and a small int: their values, for the
 * arithmetic fast paths below (float's own slots compute the same thing, after dispatch).
 * Float subclasses take the slot path, since they may override the operator.  A small int
 * converts with the current rounding mode (nearest-even), as rt_float_val_of does. */
static inline int float_operands(Value a, Value b, double *x, double *y)
{
    if (rt_is_small(a)) {
        if (rt_is_small(b) || rt_obj(b)->type != &rt_float_type)
            return 0;
        *x = (double)rt_small_val(a);
        *y = rt_float_val(b);
        return 1;
    }
    if (rt_obj(a)->type != &rt_float_type)
        return 0;
    *x = rt_float_val(a);
    if (rt_is_small(b)) {
        *y = (double)rt_small_val(b);
        return 1;
    }
    if (rt_obj(b)->type != &rt_float_type)
        return 0;
    *y = rt_float_val(b);
    return 1;
}

/* small int results without int.c's general entry: |x|, |y| <= 2**62 cannot overflow int64
 * in + and -; products are checked; a result outside the small range goes to int.c */
static inline Value small_result(int64_t r)
{
    return r >= RT_SMALL_MIN && r <= RT_SMALL_MAX ? rt_small(r) : rt_int_from_i64(r);
}

Value rt_add(Value a, Value b)
{
    if (both_small(a, b))
        return small_result(rt_small_val(a) + rt_small_val(b));
    double x, y;
    if (float_operands(a, b, &x, &y))
        return rt_float(x + y);
    return binop(a, b, NB(add), RT_BINOP_ADD, "+");
}

Value rt_sub(Value a, Value b)
{
    if (both_small(a, b))
        return small_result(rt_small_val(a) - rt_small_val(b));
    double x, y;
    if (float_operands(a, b, &x, &y))
        return rt_float(x - y);
    return binop(a, b, NB(sub), RT_BINOP_SUB, "-");
}

Value rt_mul(Value a, Value b)
{
    int64_t p;
    if (both_small(a, b) && !__builtin_mul_overflow(rt_small_val(a), rt_small_val(b), &p))
        return small_result(p);
    if (both_small(a, b))
        return rt_int_mul(a, b);
    double x, y;
    if (float_operands(a, b, &x, &y))
        return rt_float(x * y);
    return binop(a, b, NB(mul), RT_BINOP_MUL, "*");
}

Value rt_matmul(Value a, Value b) { return binop(a, b, NB(matmul), RT_BINOP_MATMUL, "@"); }
Value rt_truediv(Value a, Value b)
{
    double x, y;
    if (float_operands(a, b, &x, &y) && y != 0.0)
        return rt_float(x / y);
    /* int / int with both magnitudes at most 2**53: both convert exactly, so one IEEE
     * division is the correctly rounded quotient (CPython's long_true_divide fast path) */
    if (both_small(a, b)) {
        int64_t p = rt_small_val(a), q = rt_small_val(b);
        const int64_t lim = (int64_t)1 << 53;
        if (q != 0 && p >= -lim && p <= lim && q >= -lim && q <= lim)
            return rt_float((double)p / (double)q);
    }
    return binop(a, b, NB(truediv), RT_BINOP_TRUEDIV, "/");
}
/* small // small and small % small (divisor nonzero) with Python's flooring; the rest,
 * ZeroDivisionError included, through the slots */
Value rt_floordiv(Value a, Value b)
{
    if (both_small(a, b) && rt_small_val(b) != 0) {
        int64_t x = rt_small_val(a), y = rt_small_val(b);
        int64_t q = x / y;   /* no overflow: |x| <= 2**62 */
        if (x % y != 0 && ((x < 0) != (y < 0)))
            q--;
        return small_result(q);
    }
    return binop(a, b, NB(floordiv), RT_BINOP_FLOORDIV, "//");
}
Value rt_mod(Value a, Value b)
{
    if (both_small(a, b) && rt_small_val(b) != 0) {
        int64_t x = rt_small_val(a), y = rt_small_val(b);
        int64_t r = x % y;
        if (r != 0 && ((r < 0) != (y < 0)))
            r += y;
        return rt_small(r);
    }
    return binop(a, b, NB(mod), RT_BINOP_MOD, "%");
}
Value rt_divmod(Value a, Value b) { return binop(a, b, NB(divmod), -1, "divmod()"); }
/* Shifts and bitwise operators on small ints inline (a negative count, and a left shift
 * leaving the small range, through the slots).  & | ^ act on the tagged words directly:
 * both tag bits are 1, which & and | keep and ^ clears. */
Value rt_lshift(Value a, Value b)
{
    if (both_small(a, b)) {
        int64_t x = rt_small_val(a), y = rt_small_val(b);
        if (y >= 0 && y < 62) {
            int64_t r = (int64_t)((uint64_t)x << y);
            if ((r >> y) == x && r >= RT_SMALL_MIN && r <= RT_SMALL_MAX)
                return rt_small(r);
        }
    }
    return binop(a, b, NB(lshift), RT_BINOP_LSHIFT, "<<");
}
Value rt_rshift(Value a, Value b)
{
    if (both_small(a, b) && rt_small_val(b) >= 0) {
        int64_t y = rt_small_val(b);
        return rt_small(rt_small_val(a) >> (y > 63 ? 63 : y));
    }
    return binop(a, b, NB(rshift), RT_BINOP_RSHIFT, ">>");
}
Value rt_and(Value a, Value b)
{
    return both_small(a, b) ? (a & b) : binop(a, b, NB(and_), RT_BINOP_AND, "&");
}
Value rt_or(Value a, Value b)
{
    return both_small(a, b) ? (a | b) : binop(a, b, NB(or_), RT_BINOP_OR, "|");
}
Value rt_xor(Value a, Value b)
{
    return both_small(a, b) ? ((a ^ b) | 1) : binop(a, b, NB(xor_), RT_BINOP_XOR, "^");
}

/* ternary_op: as binop1 with a third candidate, the modulus's type */
static Value ternop1(Value a, Value b, Value c, size_t off)
{
    Type *ta = rt_typeof(a), *tb = rt_typeof(b);
    TernaryFn sa = (TernaryFn)slot_at(ta, off);
    TernaryFn sb = NULL;
    if (tb != ta) {
        sb = (TernaryFn)slot_at(tb, off);
        if (sb == sa)
            sb = NULL;
    }
    Value r;
    if (sa) {
        if (sb && rt_issubtype(tb, ta)) {
            r = sb(a, b, c);
            if (r != rt_NotImplemented)
                return r;
            sb = NULL;
        }
        r = sa(a, b, c);
        if (r != rt_NotImplemented)
            return r;
    }
    if (sb) {
        r = sb(a, b, c);
        if (r != rt_NotImplemented)
            return r;
    }
    if (c != rt_None) {
        Type *tc = rt_typeof(c);
        TernaryFn sc = (TernaryFn)slot_at(tc, off);
        if (sc && sc != sa && sc != sb)
            return sc(a, b, c);
    }
    return rt_NotImplemented;
}

static Value pow_error(Value a, Value b, Value c)
{
    if (c == rt_None)
        return binop_error(a, b, "** or pow()");
    return rt_raise_fmt(rt_TypeError,
                        "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'", a, b, c);
}

Value rt_pow(Value a, Value b, Value mod)
{
    Value r = ternop1(a, b, mod, NB(pow));
    if (r != rt_NotImplemented)
        return r;
    return pow_error(a, b, mod);
}

/* the in-place slot offsets and symbols, by RT_BINOP_* */
static const size_t islot_off[] = {
    NB(iadd), NB(isub), NB(imul), NB(imatmul), NB(itruediv), NB(ifloordiv), NB(imod),
    NB(ipow), NB(ilshift), NB(irshift), NB(iand), NB(ior), NB(ixor),
};
static const size_t slot_off[] = {
    NB(add), NB(sub), NB(mul), NB(matmul), NB(truediv), NB(floordiv), NB(mod),
    NB(pow), NB(lshift), NB(rshift), NB(and_), NB(or_), NB(xor_),
};
static const char *const isym[] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=",
                                   "**=", "<<=", ">>=", "&=", "|=", "^="};

Value rt_inplace(int op, Value a, Value b)
{
    if (op < 0 || op > RT_BINOP_XOR)
        return rt_raise_str(rt_SystemError, "bad in-place operator");
    if (both_small(a, b)) {
        /* int has no in-place slots: a op= b is a op b, with the binary fast paths */
        switch (op) {
        case RT_BINOP_ADD: return rt_add(a, b);
        case RT_BINOP_SUB: return rt_sub(a, b);
        case RT_BINOP_MUL: return rt_mul(a, b);
        case RT_BINOP_TRUEDIV: return rt_truediv(a, b);
        case RT_BINOP_FLOORDIV: return rt_floordiv(a, b);
        case RT_BINOP_MOD: return rt_mod(a, b);
        case RT_BINOP_LSHIFT: return rt_lshift(a, b);
        case RT_BINOP_RSHIFT: return rt_rshift(a, b);
        case RT_BINOP_AND: return rt_and(a, b);
        case RT_BINOP_OR: return rt_or(a, b);
        case RT_BINOP_XOR: return rt_xor(a, b);
        default: break;
        }
    }
    double x, y;
    if (op <= RT_BINOP_TRUEDIV && op != RT_BINOP_MATMUL && float_operands(a, b, &x, &y)) {
        /* float has no in-place slots: a += b is a + b */
        switch (op) {
        case RT_BINOP_ADD: return rt_float(x + y);
        case RT_BINOP_SUB: return rt_float(x - y);
        case RT_BINOP_MUL: return rt_float(x * y);
        default:
            if (y != 0.0)
                return rt_float(x / y);
        }
    }
    Type *ta = rt_typeof(a);
    Value r;
    if (op == RT_BINOP_POW) {
        TernaryFn ip = (TernaryFn)slot_at(ta, islot_off[op]);
        if (ip) {
            r = ip(a, b, rt_None);
            if (r != rt_NotImplemented)
                return r;
        }
        r = ternop1(a, b, rt_None, slot_off[op]);
        if (r != rt_NotImplemented)
            return r;
        return binop_error(a, b, isym[op]);
    }
    BinaryFn ib = (BinaryFn)slot_at(ta, islot_off[op]);
    if (ib) {
        r = ib(a, b);
        if (r != rt_NotImplemented)
            return r;
    }
    r = binop1(a, b, slot_off[op]);
    if (r != rt_NotImplemented)
        return r;
    return binop_fail(a, b, op, isym[op]);
}

/* ---- unary operators ------------------------------------------------------------------------ */

static Value unop(Value a, size_t off, const char *what)
{
    UnaryFn f = (UnaryFn)slot_at(rt_typeof(a), off);
    if (f)
        return f(a);
    return rt_raise_fmt(rt_TypeError, "bad operand type for %s: '%T'", what, a);
}

Value rt_neg(Value a)
{
    if (rt_is_small(a) && a != rt_small(RT_SMALL_MIN))
        return rt_small(-rt_small_val(a));
    return unop(a, NB(neg), "unary -");
}
Value rt_pos(Value a)
{
    if (rt_is_small(a))
        return a;
    return unop(a, NB(pos), "unary +");
}
Value rt_invert(Value a)
{
    if (rt_is_small(a))
        return rt_small(~rt_small_val(a));
    return unop(a, NB(invert), "unary ~");
}
Value rt_abs(Value a)
{
    if (rt_is_small(a) && a != rt_small(RT_SMALL_MIN))
        return rt_small(rt_small_val(a) < 0 ? -rt_small_val(a) : rt_small_val(a));
    return unop(a, NB(abs), "abs()");
}

/* ---- indices ------------------------------------------------------------------------------- */

int rt_has_index(Value v)
{
    return rt_is_small(v) || slot_at(rt_obj(v)->type, NB(index)) != NULL;
}

Value rt_index(Value v)
{
    if (rt_is_small(v))
        return v;
    UnaryFn f = (UnaryFn)slot_at(rt_obj(v)->type, NB(index));
    if (!f)
        return rt_raise_fmt(rt_TypeError, "'%T' object cannot be interpreted as an integer", v);
    Value r = f(v);
    if (r && !rt_is_int(r))
        return rt_raise_fmt(rt_TypeError, "__index__ returned non-int (type %T)", r);
    return r;
}

int rt_index_i64(Value v, int64_t *out, Type *overflow_exc)
{
    if (rt_is_small(v)) {
        *out = rt_small_val(v);
        return 0;
    }
    Value i = rt_index(v);
    if (!i)
        return -1;
    if (rt_is_small(i)) {
        *out = rt_small_val(i);
        return 0;
    }
    /* a big int, or a bool/int subclass instance that may still fit */
    int sign = rt_int_sign(i);
    if (rt_int_as_i64(i, out) == 0)
        return 0;
    rt_exc_fetch();   /* the OverflowError of rt_int_as_i64 is replaced below */
    if (!overflow_exc) {
        *out = sign < 0 ? INT64_MIN : INT64_MAX;
        return 0;
    }
    rt_raise_fmt(overflow_exc, "cannot fit '%T' into an index-sized integer", v);
    return -1;
}

int rt_seq_index(Value key, const char *what, int64_t *out)
{
    if (rt_is_small(key)) {
        *out = rt_small_val(key);
        return 0;
    }
    if (!rt_has_index(key)) {
        rt_raise_fmt(rt_TypeError, "%s indices must be integers or slices, not %T", what, key);
        return -1;
    }
    return rt_index_i64(key, out, rt_IndexError);
}

/* ---- items, len, contains --------------------------------------------------------------------- */

Value rt_getitem(Value obj, Value key)
{
    /* an exact list or tuple indexed by an in-range small int: the item, without dispatch */
    if (rt_is_small(key) && !rt_is_small(obj)) {
        Type *t = rt_obj(obj)->type;
        int64_t i = rt_small_val(key);
        if (t == &rt_list_type) {
            ListObject *l = (ListObject *)rt_obj(obj);
            if (i < 0)
                i += l->size;
            if ((uint64_t)i < (uint64_t)l->size)
                return l->items[i];
        } else if (t == &rt_tuple_type) {
            TupleObject *tp = (TupleObject *)rt_obj(obj);
            if (i < 0)
                i += tp->size;
            if ((uint64_t)i < (uint64_t)tp->size)
                return tp->items[i];
        } else if (t == &rt_str_type) {
            /* a scanner's text[pos]: straight to the character (range errors raised there) */
            return rt_str_item(obj, i);
        }
    }
    BinaryFn f = (BinaryFn)SLOT(rt_typeof(obj), getitem);
    if (f)
        return f(obj, key);
    if (rt_typeof(obj)->flags & RT_TPFLAG_TYPE_SUBCLASS) {
        /* C[key] on a class without a metaclass __getitem__: C.__class_getitem__(key) */
        Value m;
        int r = rt_getattr_opt(obj, rt_str_intern("__class_getitem__"), &m);
        if (r < 0)
            return RT_ERR;
        if (r)
            return rt_call(m, &key, 1, 0);
        return rt_raise_fmt(rt_TypeError, "type '%s' is not subscriptable",
                            ((Type *)rt_obj(obj))->name);
    }
    return rt_raise_fmt(rt_TypeError, "'%T' object is not subscriptable", obj);
}

int rt_setitem(Value obj, Value key, Value value)
{
    /* an exact list, an in-range small int index and a value to store */
    if (rt_is_small(key) && value && !rt_is_small(obj) && rt_obj(obj)->type == &rt_list_type) {
        ListObject *l = (ListObject *)rt_obj(obj);
        int64_t i = rt_small_val(key);
        if (i < 0)
            i += l->size;
        if ((uint64_t)i < (uint64_t)l->size) {
            l->items[i] = value;
            return 0;
        }
    }
    SetItemFn f = (SetItemFn)SLOT(rt_typeof(obj), setitem);
    if (f)
        return f(obj, key, value);
    rt_raise_fmt(rt_TypeError, "'%T' object does not support item assignment", obj);
    return -1;
}

int rt_delitem(Value obj, Value key)
{
    SetItemFn f = (SetItemFn)SLOT(rt_typeof(obj), setitem);
    if (f)
        return f(obj, key, 0);
    rt_raise_fmt(rt_TypeError, "'%T' object doesn't support item deletion", obj);
    return -1;
}

int64_t rt_len(Value v)
{
    LenFn f = (LenFn)SLOT(rt_typeof(v), len);
    if (f)
        return f(v);
    rt_raise_fmt(rt_TypeError, "object of type '%T' has no len()", v);
    return -1;
}

/* one ASCII character in a str (ch in " \t\n\r"): a byte search, as a one-byte UTF-8
 * sequence never matches inside another character's bytes */
static int __attribute__((noinline)) str_has_byte(const StrObject *s, char c)
{
    return memchr(s->data, c, (size_t)s->size) != NULL;
}

int rt_contains(Value container, Value item)
{
    if (!rt_is_small(container)) {
        Type *ct = rt_obj(container)->type;
        if (ct == &rt_str_type && !rt_is_small(item) && rt_obj(item)->type == &rt_str_type &&
            ((StrObject *)rt_obj(item))->size == 1)
            return str_has_byte((const StrObject *)rt_obj(container),
                                ((StrObject *)rt_obj(item))->data[0]);
        if (ct == &rt_dict_type)
            return rt_dict_contains(container, item);
    }
    Type *t = rt_typeof(container);
    int (*f)(Value, Value) = (int (*)(Value, Value))SLOT(t, contains);
    if (f)
        return f(container, item);
    /* the iteration fallback (_PySequence_IterSearch) */
    if (!rt_type_iter_slot(t) && !SLOT(t, getitem)) {
        rt_raise_fmt(rt_TypeError, "argument of type '%T' is not iterable", container);
        return -1;
    }
    Value it = rt_iter(container);
    if (!it)
        return -1;
    for (;;) {
        Value x = rt_next(it);
        if (!x)
            return rt_exc_pending() ? -1 : 0;
        int eq = rt_eq(x, item);
        if (eq != 0)
            return eq;
    }
}

/* ---- iteration ---------------------------------------------------------------------------- */

Value rt_iter(Value v)
{
    Type *t = rt_typeof(v);
    UnaryFn f = rt_type_iter_slot(t);
    if (f) {
        Value it = f(v);
        if (it && !SLOT(rt_typeof(it), iternext))
            return rt_raise_fmt(rt_TypeError, "iter() returned non-iterator of type '%T'", it);
        return it;
    }
    if (SLOT(t, getitem) && !(t->flags & RT_TPFLAG_DICT_SUBCLASS))
        return rt_seqiter_new(v);
    return rt_raise_fmt(rt_TypeError, "'%T' object is not iterable", v);
}

Value rt_next(Value it)
{
    Type *t = rt_typeof(it);
    if (t == &rt_generator_type)   /* the common case of sum(genexpr), for x in gen() */
        return rt_gen_next(it);
    if (t == &rt_list_iterator_type)   /* list(...), dict(...), str.join over lists */
        return rt_next_fast(it);
    UnaryFn f = (UnaryFn)SLOT(t, iternext);
    if (!f)
        return rt_raise_fmt(rt_TypeError, "'%T' object is not an iterator", it);
    Value r = f(it);
    if (!r) {
        /* a __next__ that raised StopIteration is exhaustion, not an error */
        Value e = rt_exc_pending();
        if (e && rt_issubtype(rt_typeof(e), rt_StopIteration))
            rt_exc_fetch();
    }
    return r;
}

/* ---- isinstance ------------------------------------------------------------------------------- */

static int is_type(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_TYPE_SUBCLASS);
}

static int isinstance_rec(Value obj, Value cls, int depth)
{
    if (is_type(cls))
        return rt_issubtype(rt_typeof(obj), (Type *)rt_obj(cls));
    if (rt_typeof(cls)->flags & RT_TPFLAG_TUPLE_SUBCLASS) {
        if (depth > rt_recursion_limit) {
            rt_raise_str(rt_RecursionError, "maximum recursion depth exceeded in __instancecheck__");
            return -1;
        }
        TupleObject *t = (TupleObject *)rt_obj(cls);
        for (int64_t i = 0; i < t->size; i++) {
            int r = isinstance_rec(obj, t->items[i], depth + 1);
            if (r != 0)
                return r;
        }
        return 0;
    }
    rt_raise_str(rt_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int rt_isinstance(Value obj, Value cls)
{
    if (rt_val(rt_typeof(obj)) == cls)
        return 1;
    return isinstance_rec(obj, cls, 0);
}
