/*
 * memoryview.c - the memoryview type over the buffers of bytes and bytearray (format 'B',
 * one dimension): construction, len, indexing, slicing (any step, views of views), item and
 * slice assignment through a writable view, ==, hashing of read-only views, tobytes, tolist,
 * hex, release and the context manager, and the attributes (obj, nbytes, readonly, format,
 * itemsize, ndim, shape, strides, contiguous...).
 *
 * Entry points: rt_memoryview_type (builtins.c names it), rt_memoryview_view (the read side of
 * rt_bytes_view for a memoryview) and rt_buffer_writable (a writable byte buffer, for
 * readinto), declared in rt_str.h.
 *
 * Invariants: a view is (base, start, step, len) where base is a bytes or bytearray object and
 * element k lives at base data + start + k*step.  The base pointer is read again on every
 * access, so a bytearray that was resized after the view was made can never be read out of
 * bounds: such an access raises BufferError (CPython refuses the resize instead; without
 * reference counts a view cannot know when it dies, so aithon lets the resize happen and
 * catches the stale view).  A released view has released = 1 and refuses everything but
 * release(), repr and identity comparison.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "str_internal.h"
#include "class_internal.h"
#include "rt_containers.h"

typedef struct MemViewObject {
    Object ob;
    Value base;          /* bytes or bytearray */
    int64_t start, step, len;
    int readonly;
    int released;
} MemViewObject;

Type rt_memoryview_type;

#define MV(v) ((MemViewObject *)rt_obj(v))

static int is_mv(Value v) { return !rt_is_small(v) && rt_obj(v)->type == &rt_memoryview_type; }

static int check_released(MemViewObject *m)
{
    if (!m->released) return 0;
    rt_raise_str(rt_ValueError, "operation forbidden on released memoryview object");
    return -1;
}

/* The base's bytes, checked to still cover the view; NULL after raising. */
static char *base_data(MemViewObject *m)
{
    if (check_released(m) < 0) return NULL;
    char *d;
    int64_t size;
    if (rtb_is_bytes(m->base)) {
        d = RTB(m->base)->data;
        size = RTB(m->base)->size;
    } else {
        static char empty[1];
        d = RTBA(m->base)->data ? RTBA(m->base)->data : empty;
        size = RTBA(m->base)->size;
    }
    if (m->len > 0) {
        int64_t last = m->start + (m->len - 1) * m->step;
        if (m->start < 0 || m->start >= size || last < 0 || last >= size) {
            rt_raise_str(rt_BufferError, "Existing exports of data: object cannot be re-sized");
            return NULL;
        }
    }
    return d;
}

static Value mv_new(Value base, int64_t start, int64_t step, int64_t len, int readonly)
{
    MemViewObject *m = (MemViewObject *)rt_new_object(&rt_memoryview_type, sizeof *m);
    if (!m) return RT_ERR;
    m->base = base;
    m->start = start;
    m->step = step;
    m->len = len;
    m->readonly = readonly;
    return rt_val(m);
}

/* memoryview(object) */
static Value mv_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = kwnames ? (size_t)rt_tuple_size(kwnames) : 0;
    Value obj = 0;
    if (nargs + nkw > 1)
        return rt_raise_fmt(rt_TypeError, "memoryview() takes at most 1 argument (%zu given)",
                            nargs + nkw);
    if (nargs == 1) {
        obj = args[0];
    } else if (nkw == 1) {
        Value key = rt_tuple_item(kwnames, 0);
        if (!rts_is_str(key) || strcmp(rt_str_bytes(key), "object") != 0)
            return rt_raise_fmt(rt_TypeError, "'%U' is an invalid keyword argument for "
                                "memoryview()", key);
        obj = args[0];
    }
    if (!obj)
        return rt_raise_str(rt_TypeError,
                            "memoryview() missing required argument 'object' (pos 1)");
    if (is_mv(obj)) {
        MemViewObject *o = MV(obj);
        if (check_released(o) < 0) return RT_ERR;
        return mv_new(o->base, o->start, o->step, o->len, o->readonly);
    }
    if (rtb_is_bytes(obj)) return mv_new(obj, 0, 1, RTB(obj)->size, 1);
    if (rtb_is_bytearray(obj)) return mv_new(obj, 0, 1, RTBA(obj)->size, 0);
    return rt_raise_fmt(rt_TypeError, "memoryview: a bytes-like object is required, not '%T'",
                        obj);
}

/* The contents as one contiguous run: a pointer into the base when the step is 1, else a
 * fresh copy.  -1 after raising. */
int rt_memoryview_view(Value v, const char **data, int64_t *size)
{
    MemViewObject *m = MV(v);
    char *d = base_data(m);
    if (!d) return -1;
    *size = m->len;
    if (m->step == 1 || m->len == 0) {
        *data = d + (m->len ? m->start : 0);
        return 0;
    }
    char *copy = rt_alloc_atomic((size_t)m->len + 1);
    if (!copy) return -1;
    for (int64_t k = 0; k < m->len; k++) copy[k] = d[m->start + k * m->step];
    copy[m->len] = 0;
    *data = copy;
    return 0;
}

/* The contents in place; a strided view raises BufferError (what CPython's PyBUF_SIMPLE
 * requests do: write(), join, +, bytearray slice assignment...). */
int rt_memoryview_contiguous(Value v, const char **data, int64_t *size)
{
    MemViewObject *m = MV(v);
    if (check_released(m) < 0) return -1;
    if (m->step != 1 && m->len > 1) {
        rt_raise_str(rt_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    return rt_memoryview_view(v, data, size);
}

int rt_is_memoryview(Value v) { return is_mv(v); }

/* any buffer, a strided memoryview copied (comparisons and memoryview assignment accept
 * every layout) */
static int any_view(Value v, const char **data, int64_t *size)
{
    return is_mv(v) ? rt_memoryview_view(v, data, size) : rt_bytes_view(v, data, size);
}

/* A writable contiguous byte buffer (bytearray or writable memoryview), as file.readinto
 * needs; 0 and a TypeError naming `what` if v is not one. */
int rt_buffer_writable(Value v, const char *what, char **data, int64_t *size)
{
    static char empty[1];
    if (rtb_is_bytearray(v)) {
        *data = RTBA(v)->data ? RTBA(v)->data : empty;
        *size = RTBA(v)->size;
        return 0;
    }
    if (is_mv(v)) {
        MemViewObject *m = MV(v);
        if (check_released(m) < 0) return -1;
        if (!m->readonly) {
            char *d = base_data(m);
            if (!d) return -1;
            if (m->step == 1 || m->len <= 1) {
                *data = m->len ? d + m->start : empty;
                *size = m->len;
                return 0;
            }
        }
    }
    rt_raise_fmt(rt_TypeError, "%s argument must be read-write bytes-like object, not %T", what,
                 v);
    return -1;
}

static int64_t mv_len(Value self)
{
    return check_released(MV(self)) < 0 ? -1 : MV(self)->len;
}

static Value mv_getitem(Value self, Value key)
{
    MemViewObject *m = MV(self);
    if (check_released(m) < 0) return RT_ERR;
    int64_t i;
    int r = rtb_index(key, &i);
    if (r < 0) return RT_ERR;
    if (r == 0) {
        if (i < 0) i += m->len;
        if (i < 0 || i >= m->len)
            return rt_raise_str(rt_IndexError, "index out of bounds on dimension 1");
        char *d = base_data(m);
        if (!d) return RT_ERR;
        return rt_small((unsigned char)d[m->start + i * m->step]);
    }
    if (rt_obj(key)->type == &rt_slice_type) {
        int64_t start, stop, step;
        int64_t n = rts_slice_unpack(key, m->len, &start, &stop, &step);
        if (n < 0) return RT_ERR;
        return mv_new(m->base, m->start + start * m->step, m->step * step, n, m->readonly);
    }
    return rt_raise_str(rt_TypeError, "memoryview: invalid slice key");
}

static int mv_setitem(Value self, Value key, Value value)
{
    MemViewObject *m = MV(self);
    if (check_released(m) < 0) return -1;
    if (!value) {
        rt_raise_str(rt_TypeError, "cannot delete memory");
        return -1;
    }
    if (m->readonly) {
        rt_raise_str(rt_TypeError, "cannot modify read-only memory");
        return -1;
    }
    int64_t i;
    int r = rtb_index(key, &i);
    if (r < 0) return -1;
    if (r == 0) {
        if (i < 0) i += m->len;
        if (i < 0 || i >= m->len) {
            rt_raise_str(rt_IndexError, "index out of bounds on dimension 1");
            return -1;
        }
        Type *vt = rt_typeof(value);
        if (!rt_is_small(value) && !(vt->flags & RT_TPFLAG_INT_SUBCLASS) && !vt->nb.index) {
            rt_raise_str(rt_TypeError, "memoryview: invalid type for format 'B'");
            return -1;
        }
        int64_t x;
        if (rts_as_ssize(value, &x) < 0) {
            rt_exc_fetch();
            x = -1;
        }
        if (x < 0 || x > 255) {
            rt_raise_str(rt_ValueError, "memoryview: invalid value for format 'B'");
            return -1;
        }
        char *d = base_data(m);
        if (!d) return -1;
        d[m->start + i * m->step] = (char)x;
        return 0;
    }
    if (rt_obj(key)->type != &rt_slice_type) {
        rt_raise_str(rt_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    int64_t start, stop, step;
    int64_t n = rts_slice_unpack(key, m->len, &start, &stop, &step);
    if (n < 0) return -1;
    const char *src;
    int64_t srcn;
    if (any_view(value, &src, &srcn) < 0) return -1;
    if (srcn != n) {
        rt_raise_str(rt_ValueError,
                     "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    /* the source may overlap the destination (a view of the same base): copy it first */
    char *tmp = rt_alloc_atomic((size_t)n + 1);
    if (!tmp) return -1;
    memcpy(tmp, src, (size_t)n);
    char *d = base_data(m);
    if (!d) return -1;
    for (int64_t k = 0; k < n; k++) d[m->start + (start + k * step) * m->step] = tmp[k];
    return 0;
}

static Value mv_richcompare(Value a, Value b, int op)
{
    if (op != RT_EQ && op != RT_NE) return rt_NotImplemented;
    if (!is_mv(a)) {           /* reflected: the memoryview is b */
        Value t = a;
        a = b;
        b = t;
    }
    int eq;
    if (MV(a)->released || (is_mv(b) && MV(b)->released)) {
        eq = a == b;
    } else {
        const char *x, *y;
        int64_t n, k;
        if (rt_memoryview_view(a, &x, &n) < 0) return RT_ERR;
        if (any_view(b, &y, &k) < 0) {
            rt_exc_fetch();
            return rt_NotImplemented;
        }
        eq = n == k && memcmp(x, y, (size_t)n) == 0;
    }
    return rt_bool(op == RT_EQ ? eq : !eq);
}

static int64_t mv_hash(Value self)
{
    MemViewObject *m = MV(self);
    if (check_released(m) < 0) return -1;
    if (!m->readonly) {
        rt_raise_str(rt_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    const char *d;
    int64_t n;
    if (rt_memoryview_view(self, &d, &n) < 0) return -1;
    return rts_hash_bytes(d, (size_t)n);
}

static Value mv_repr(Value self)
{
    return rt_sb_str_fmt(MV(self)->released ? "<released memory at %p>" : "<memory at %p>",
                         (void *)rt_obj(self));
}

static Value mv_tobytes(Value self, Value order)
{
    if (order && order != rt_None) {
        const char *o = rts_is_str(order) ? rt_str_bytes(order) : "";
        if (strcmp(o, "C") && strcmp(o, "F") && strcmp(o, "A"))
            return rt_raise_str(rt_ValueError, "order must be 'C', 'F' or 'A'");
    }
    const char *d;
    int64_t n;
    if (rt_memoryview_view(self, &d, &n) < 0) return RT_ERR;
    return rt_bytes_from(d, (size_t)n);
}

static Value mv_tolist(Value self)
{
    const char *d;
    int64_t n;
    if (rt_memoryview_view(self, &d, &n) < 0) return RT_ERR;
    Value l = rt_list_new(0);
    for (int64_t k = 0; l && k < n; k++)
        if (rt_list_append(l, rt_small((unsigned char)d[k])) < 0) return RT_ERR;
    return l;
}

static Value mv_hex(Value self, Value sep, Value bytes_per_sep)
{
    Value b = mv_tobytes(self, 0);
    return b ? rt_bytes_hex(b, sep, bytes_per_sep) : RT_ERR;
}

static Value mv_iter(Value self)
{
    Value l = mv_tolist(self);
    return l ? rt_iter(l) : RT_ERR;
}

static int mv_contains(Value self, Value x)
{
    const char *d;
    int64_t n;
    if (rt_memoryview_view(self, &d, &n) < 0) return -1;
    return rtb_contains(d, n, x);
}

static Value mv_release(Value self)
{
    MV(self)->released = 1;
    return rt_None;
}

static Value mv_enter(Value self) { return check_released(MV(self)) < 0 ? RT_ERR : self; }

static Value mv_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return mv_release(self);
}

static Value mv_cast(Value self, Value format, Value shape)
{
    if (check_released(MV(self)) < 0) return RT_ERR;
    if (!rts_is_str(format))
        return rt_raise_fmt(rt_TypeError, "cast() argument 'format' must be str, not %T",
                            format);
    const char *f = rt_str_bytes(format);
    if (strcmp(f, "B") != 0)
        return rt_raise_str(rt_NotImplementedError,
                            "memoryview: only format 'B' is supported by this runtime");
    if (shape && shape != rt_None)
        return rt_raise_str(rt_NotImplementedError,
                            "memoryview: cast to a shape is not supported by this runtime");
    if (MV(self)->step != 1 && MV(self)->len > 1)
        return rt_raise_str(rt_TypeError, "memoryview: casts are restricted to C-contiguous "
                            "views");
    MemViewObject *m = MV(self);
    return mv_new(m->base, m->start, m->step, m->len, m->readonly);
}

/* the attributes: each refuses a released view, as CPython's do */
#define ATTR(name, expr)                                                                       \
    static Value name(Value self)                                                              \
    {                                                                                          \
        MemViewObject *m = MV(self);                                                           \
        if (check_released(m) < 0) return RT_ERR;                                              \
        return (expr);                                                                         \
    }
ATTR(mv_obj, m->base)
ATTR(mv_nbytes, rt_small(m->len))
ATTR(mv_readonly, rt_bool(m->readonly))
ATTR(mv_format, rt_str_from_cstr("B"))
ATTR(mv_itemsize, rt_small(1))
ATTR(mv_ndim, rt_small(1))
ATTR(mv_shape, rt_tuple_pack(1, rt_small(m->len)))
ATTR(mv_strides, rt_tuple_pack(1, rt_small(m->step)))
ATTR(mv_suboffsets, rt_tuple_pack(0))
ATTR(mv_contiguous, rt_bool(m->step == 1 || m->len <= 1))

static Value mv_released(Value self) { return rt_bool(MV(self)->released); }

#define M(n, f, lo, hi, kw) {#n, (void (*)(void))(f), MD_METHOD, lo, hi, kw},
#define G(n, f) {#n, (void (*)(void))(f), MD_GETTER, 0, 0, NULL},
static const MethodDef mv_methods[] = {
    M(tobytes, mv_tobytes, 0, 1, "order")
    M(tolist, mv_tolist, 0, 0, NULL)
    M(hex, mv_hex, 0, 2, "sep,bytes_per_sep")
    M(release, mv_release, 0, 0, NULL)
    M(cast, mv_cast, 1, 2, "format,shape")
    M(__enter__, mv_enter, 0, 0, NULL)
    {"__exit__", (void (*)(void))mv_exit, MD_VARARGS, 0, 0, NULL},
    G(obj, mv_obj) G(nbytes, mv_nbytes) G(readonly, mv_readonly) G(format, mv_format)
    G(itemsize, mv_itemsize) G(ndim, mv_ndim) G(shape, mv_shape) G(strides, mv_strides)
    G(suboffsets, mv_suboffsets) G(contiguous, mv_contiguous) G(c_contiguous, mv_contiguous)
    G(f_contiguous, mv_contiguous) G(released, mv_released)
    {NULL, NULL, 0, 0, 0, NULL},
};

int rt_memoryview_init(void)
{
    return rt_descr_register_methods(&rt_memoryview_type, mv_methods);
}

Type rt_memoryview_type = {
    .ob = {&rt_type_type},
    .name = "memoryview",
    .base = &rt_object_type,
    .basicsize = sizeof(MemViewObject),
    .repr = mv_repr,
    .hash = mv_hash,
    .richcompare = mv_richcompare,
    .iter = mv_iter,
    .new_ = mv_tp_new,
    .len = mv_len,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .contains = mv_contains,
};
