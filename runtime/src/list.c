/*
 * list.c - the list type: growth, indexing, slicing and slice assignment (simple and
 * extended), the methods, + += * *=, comparison, repr, iteration, and sort (a stable merge
 * sort giving Timsort's results).
 *
 * Entry points: rt_list_new rt_list_from rt_list_append (rt.h), rt_list_* (rt_containers.h),
 * rt_list_type and its two iterator types.
 *
 * Invariants: 0 <= size <= cap; items[0..size) are valid Values; items may be NULL when cap
 * is 0.  Any call back into Python code (==, <, a key function, an iterator) may mutate the
 * list, so loops re-read size and items after each such call, as CPython's do.  During
 * sort the list is emptied and cap is set to -1: a list found non-empty (or with cap != -1)
 * afterwards was modified by a comparison ("list modified during sort").
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"
#include "rt_str.h"

static inline ListObject *L(Value v) { return (ListObject *)rt_obj(v); }
static inline int is_list(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_LIST_SUBCLASS);
}

#define MAX_ITEMS ((int64_t)((UINT64_C(1) << 60) / sizeof(Value)))

/* the capacity a list grows to for newsize items: CPython's over-allocation (an eighth), but
 * a half for big lists: capacity is not observable, and each growth copies the items into a
 * new block (which the collector clears first), so an eighth costs an appended big list about
 * nine copies of itself, a half three */
static int64_t grow_cap(int64_t newsize)
{
    int64_t extra = newsize >= 8192 ? newsize >> 1 : newsize >> 3;
    int64_t cap = (newsize + extra + 6) & ~(int64_t)3;
    return cap > MAX_ITEMS && newsize <= MAX_ITEMS ? newsize : cap;
}

/* makes room for `newsize` items (grow_cap's over-allocation, so that appends are amortised
 * O(1)); sets size */
static int list_resize(ListObject *l, int64_t newsize)
{
    if (l->cap >= newsize && newsize >= (l->cap >> 1)) {
        l->size = newsize;
        return 0;
    }
    /* a small block is kept when shrinking: a queue that empties and refills (x.append(v),
     * x.pop(0)) allocates no new block each time; the vacated slots are cleared so the
     * collector does not keep their objects */
    if (l->cap >= newsize && l->cap <= 8 && l->items) {
        for (int64_t k = newsize; k < l->size; k++)
            l->items[k] = 0;
        l->size = newsize;
        return 0;
    }
    if (newsize > MAX_ITEMS) {
        rt_raise_memory_error();
        return -1;
    }
    int64_t cap = grow_cap(newsize);
    if (newsize - l->size > cap - newsize)
        cap = (newsize + 3) & ~(int64_t)3;
    if (newsize == 0)
        cap = 0;
    Value *p = rt_alloc((size_t)(cap ? cap : 1) * sizeof(Value));
    if (!p)
        return -1;
    int64_t keep = l->size < newsize ? l->size : newsize;
    if (keep > 0)
        memcpy(p, l->items, (size_t)keep * sizeof(Value));
    l->items = p;
    l->cap = cap;
    l->size = newsize;
    return 0;
}

static __attribute__((noinline)) ListObject *list_alloc(Type *t, int64_t n)
{
    if (n < 0 || n > MAX_ITEMS) {
        rt_raise_memory_error();
        return NULL;
    }
    ListObject *l = (ListObject *)rt_new_object_inline(t, t->basicsize);
    if (!l)
        return NULL;
    if (n) {
        l->items = rt_alloc_inline((size_t)n * sizeof(Value));
        if (!l->items)
            return NULL;
    }
    l->size = l->cap = n;
    return l;
}

/* a list of n items whose item array shares the list's block (one allocation instead of two),
 * when the two fit one small block; the array is an interior pointer of the block, which the
 * collector recognises (GC_all_interior_pointers), and a later resize simply moves the items
 * to a block of their own (the packed area is then unused) */
static ListObject *list_alloc_packed(Type *t, int64_t n)
{
    size_t base = (t->basicsize + sizeof(Value) - 1) & ~(sizeof(Value) - 1);
    if (__builtin_expect(n > 0 && n <= (int64_t)((RT_SMALL_INLINE_MAX - base) / sizeof(Value)),
                         1)) {
        ListObject *l = (ListObject *)rt_new_object_inline(t, base + (size_t)n * sizeof(Value));
        if (!l)
            return NULL;
        l->items = (Value *)((char *)l + base);
        l->size = l->cap = n;
        return l;
    }
    return list_alloc(t, n);
}

/* list(x) and x[:] of an exact list x (the typed tier's list.slice without bounds): a packed
 * copy of its items */
Value rt_list_dup(Value src)
{
    int64_t n = L(src)->size;
    ListObject *l = list_alloc_packed(&rt_list_type, n);
    if (!l)
        return RT_ERR;
    Value *d = l->items;
    const Value *p = L(src)->items;
    for (int64_t i = 0; i < n; i++)
        d[i] = p[i];
    return rt_val(l);
}

Value rt_list_new(int64_t n)
{
    ListObject *l = list_alloc_packed(&rt_list_type, n);
    return l ? rt_val(l) : RT_ERR;
}

Value rt_list_from(const Value *items, int64_t n)
{
    ListObject *l = list_alloc_packed(&rt_list_type, n);
    if (!l)
        return RT_ERR;
    if (n)
        memcpy(l->items, items, (size_t)n * sizeof(Value));
    return rt_val(l);
}

int rt_list_append(Value list, Value item)
{
    ListObject *l = L(list);
    if (l->size < l->cap) {
        l->items[l->size++] = item;
        return 0;
    }
    int64_t n = l->size;
    if (list_resize(l, n + 1) < 0)
        return -1;
    l->items[n] = item;
    return 0;
}

Value rt_list_append_m(Value self, Value x)
{
    return rt_list_append(self, x) < 0 ? RT_ERR : rt_None;
}

/* ---- extend ---------------------------------------------------------------------------- */

static int list_extend_items(ListObject *l, const Value *items, int64_t n)
{
    int64_t old = l->size;
    if (n == 0)
        return 0;
    if (list_resize(l, old + n) < 0)
        return -1;
    memmove(l->items + old, items, (size_t)n * sizeof(Value));
    return 0;
}

static int list_extend(Value self, Value iterable)
{
    Type *t = rt_typeof(iterable);
    if (rt_seq_items_plain(t) && (t->flags & RT_TPFLAG_TUPLE_SUBCLASS)) {
        TupleObject *tu = (TupleObject *)rt_obj(iterable);
        return list_extend_items(L(self), tu->items, tu->size);
    }
    if (rt_seq_items_plain(t)) {
        /* l.extend(l) must copy the n items present at the start: read them first */
        ListObject *src = L(iterable);
        int64_t n = src->size;
        Value *snap = src->items;
        if (iterable == self) {
            snap = rt_alloc((size_t)(n ? n : 1) * sizeof(Value));
            if (!snap)
                return -1;
            if (n)
                memcpy(snap, src->items, (size_t)n * sizeof(Value));
        }
        return list_extend_items(L(self), snap, n);
    }
    if (iterable == self) {
        /* l.extend(l) of a subclass with its own __iter__: CPython lists the iteration
           first (PySequence_Fast), then extends */
        Value copy = rt_list_from_iterable(iterable);
        if (!copy)
            return -1;
        return list_extend_items(L(self), L(copy)->items, L(copy)->size);
    }
    Value it = rt_iter(iterable);
    if (!it)
        return -1;
    for (;;) {
        Value x = rt_next(it);
        if (!x)
            return rt_exc_pending() ? -1 : 0;
        if (rt_list_append(self, x) < 0)
            return -1;
    }
}

Value rt_list_extend(Value self, Value iterable)
{
    return list_extend(self, iterable) < 0 ? RT_ERR : rt_None;
}

Value rt_list_from_iterable(Value iterable)
{
    Value l = rt_list_new(0);
    if (!l || list_extend(l, iterable) < 0)
        return RT_ERR;
    return l;
}

/* ---- indexing and slicing ----------------------------------------------------------------- */

Value rt_list_slice(Value l, int64_t start, int64_t stop, int64_t step)
{
    int64_t n = 0;
    if (step > 0 && start < stop)
        n = (stop - start - 1) / step + 1;
    else if (step < 0 && stop < start)
        n = (start - stop - 1) / (-step) + 1;
    ListObject *rl = list_alloc_packed(&rt_list_type, n);
    if (!rl)
        return RT_ERR;
    Value r = rt_val(rl);
    if (step == 1) {
        if (n)
            memcpy(L(r)->items, L(l)->items + start, (size_t)n * sizeof(Value));
    } else {
        for (int64_t i = 0, j = start; i < n; i++, j += step)
            L(r)->items[i] = L(l)->items[j];
    }
    return r;
}

Value rt_list_getitem(Value l, Value key)
{
    if (rt_is_small(key)) {
        int64_t i = rt_small_val(key);
        if (i < 0)
            i += L(l)->size;
        if ((uint64_t)i >= (uint64_t)L(l)->size)
            return rt_raise_str(rt_IndexError, "list index out of range");
        return L(l)->items[i];
    }
    if (rt_typeof(key) == &rt_slice_type) {
        int64_t a, b, c;
        if (rt_slice_adjust(key, L(l)->size, &a, &b, &c) < 0)
            return RT_ERR;
        return rt_list_slice(l, a, b, c);
    }
    int64_t i;
    if (rt_seq_index(key, "list", &i) < 0)
        return RT_ERR;
    if (i < 0)
        i += L(l)->size;
    if (i < 0 || i >= L(l)->size)
        return rt_raise_str(rt_IndexError, "list index out of range");
    return L(l)->items[i];
}

/* the items of v as an array (PySequence_Fast): list/tuple items directly (copied when v is
 * the list being assigned to), anything else through list(v) */
static Value no_items[1];   /* the non-NULL item array of an empty sequence */

static Value *fast_items(Value self, Value v, int64_t *n, const char *not_iterable)
{
    Type *t = rt_typeof(v);
    int plain = rt_seq_items_plain(t);
    if ((t->flags & RT_TPFLAG_TUPLE_SUBCLASS) && plain) {
        *n = ((TupleObject *)rt_obj(v))->size;
        return ((TupleObject *)rt_obj(v))->items;
    }
    if (t->flags & RT_TPFLAG_LIST_SUBCLASS && v != self && plain) {
        *n = L(v)->size;
        return *n ? L(v)->items : no_items;
    }
    if (!(t->flags & RT_TPFLAG_LIST_SUBCLASS) && !rt_type_iter_slot(t) && !t->getitem) {
        rt_raise_str(rt_TypeError, not_iterable);
        return NULL;
    }
    Value copy = rt_list_from_iterable(v);
    if (!copy)
        return NULL;
    *n = L(copy)->size;
    return *n ? L(copy)->items : no_items;
}

/* l[a:b] = items (step 1); a, b normalised with a <= b not required */
static int assign_simple(Value self, int64_t a, int64_t b, const Value *items, int64_t n)
{
    ListObject *l = L(self);
    if (b < a)
        b = a;
    int64_t d = n - (b - a);   /* growth */
    int64_t old = l->size;
    if (d == 0 && n == 0)
        return 0;
    if (d > 0) {
        if (list_resize(l, old + d) < 0)
            return -1;
        memmove(l->items + b + d, l->items + b, (size_t)(old - b) * sizeof(Value));
    } else if (d < 0) {
        memmove(l->items + b + d, l->items + b, (size_t)(old - b) * sizeof(Value));
        if (list_resize(l, old + d) < 0)
            return -1;
    }
    if (n)
        memcpy(l->items + a, items, (size_t)n * sizeof(Value));
    return 0;
}

/* del l[a:b:step] for a normalised extended slice of `count` items */
static int delete_extended(ListObject *l, int64_t a, int64_t step, int64_t count)
{
    if (count <= 0)
        return 0;
    if (step < 0) {
        /* the same items walked forwards */
        a = a + step * (count - 1);
        step = -step;
    }
    int64_t w = a;
    for (int64_t r = a, k = 0; r < l->size; r++) {
        if (k < count && r == a + k * step) {
            k++;
            continue;
        }
        l->items[w++] = l->items[r];
    }
    return list_resize(l, w);
}

static int assign_extended(ListObject *l, int64_t a, int64_t step, int64_t count,
                           const Value *items, int64_t n);

static inline __attribute__((always_inline)) int list_ass_slice(Value self, Value key,
                                                                Value value)
{
    ListObject *l = L(self);
    int64_t a, b, step;
    int64_t count = rt_slice_adjust(key, l->size, &a, &b, &step);
    if (count < 0)
        return -1;
    if (step == 1) {
        if (!value)
            return assign_simple(self, a, b, NULL, 0);
        int64_t n;
        Value *items = fast_items(self, value, &n, "can only assign an iterable");
        if (!items)
            return -1;
        return assign_simple(self, a, b, items, n);
    }
    if (!value)
        return delete_extended(l, a, step, count);
    int64_t n;
    Value *items = fast_items(self, value, &n, "must assign iterable to extended slice");
    if (!items)
        return -1;
    return assign_extended(l, a, step, count, items, n);
}

/* l[a::step] = items for a normalised extended slice of `count` items (step != 1): the
 * sizes must agree (CPython's ValueError) */
static int assign_extended(ListObject *l, int64_t a, int64_t step, int64_t count,
                           const Value *items, int64_t n)
{
    if (n != count) {
        rt_raise_fmt(rt_ValueError,
                     "attempt to assign sequence of size %lld to extended slice of size %lld",
                     (long long)n, (long long)count);
        return -1;
    }
    for (int64_t i = 0, j = a; i < n; i++, j += step)
        l->items[j] = items[i];
    return 0;
}

/* One bound of adjust_small: None (0 or rt_None) keeps *out; a small int is made
 * non-negative and clamped to the sequence as PySlice_AdjustIndices does. */
static inline int small_bound(Value v, int64_t len, int64_t st, int64_t *out)
{
    if (!v || v == rt_None)
        return 1;
    if (!rt_is_small(v))
        return 0;
    int64_t x = rt_small_val(v);
    if (x < 0) {
        x += len;
        if (x < 0)
            x = st < 0 ? -1 : 0;
    } else if (x >= len) {
        x = st < 0 ? len - 1 : len;
    }
    *out = x;
    return 1;
}

/* rt_slice_adjust for bounds that are small ints or None (0 or rt_None) and a step that is a
 * nonzero small int or None, without a slice object; -2 when they are not (the caller then
 * goes the general way, which raises what CPython raises) */
static inline int64_t adjust_small(Value start, Value stop, Value step, int64_t len,
                                   int64_t *a, int64_t *b, int64_t *c)
{
    int64_t st = 1;
    if (step && step != rt_None) {
        if (!rt_is_small(step) || step == rt_small(0))
            return -2;
        st = rt_small_val(step);
    }
    int64_t x = st < 0 ? len - 1 : 0, y = st < 0 ? -1 : len;
    if (!small_bound(start, len, st, &x) || !small_bound(stop, len, st, &y))
        return -2;
    *a = x;
    *b = y;
    *c = st;
    if (st < 0)
        return y < x ? (x - y - 1) / (-st) + 1 : 0;
    return x < y ? (y - x - 1) / st + 1 : 0;
}

static int64_t adjust_bounds(Value start, Value stop, Value step, int64_t len, int64_t *a,
                             int64_t *b, int64_t *c)
{
    int64_t n = adjust_small(start, stop, step, len, a, b, c);
    if (n != -2)
        return n;
    SliceObject sl = {.ob = {.type = &rt_slice_type}, .start = start ? start : rt_None,
                      .stop = stop ? stop : rt_None, .step = step ? step : rt_None};
    return rt_slice_adjust(rt_val(&sl), len, a, b, c);
}

/* l[start:stop:step] and l[start:stop:step] = value without a slice object (the typed tier's
 * list.slice/list.setslice; 0 = None): a slice on the stack, read as any slice object would be
 * (rt_slice_adjust: CPython's TypeError and ValueError, clamping) */
Value rt_list_getslice(Value l, Value start, Value stop, Value step)
{
    int64_t a, b, c;
    if (adjust_bounds(start, stop, step, L(l)->size, &a, &b, &c) < 0)
        return RT_ERR;
    return rt_list_slice(l, a, b, c);
}

int rt_list_setslice(Value l, Value start, Value stop, Value step, Value value)
{
    SliceObject sl = {.ob = {.type = &rt_slice_type}, .start = start ? start : rt_None,
                      .stop = stop ? stop : rt_None, .step = step ? step : rt_None};
    return list_ass_slice(l, rt_val(&sl), value);
}

/* dst[da:db:dc] = src[sa:sb:sc] of two exact lists (the typed tier's list.copyslice, when
 * the source slice's list is used by nothing else; 0 = None): the source items are gathered
 * into a buffer (on the stack when few), not into a new list, then assigned as any slice
 * assignment would assign a list of them.  The source slice is adjusted first, as CPython
 * evaluates the right-hand side first; a copy is always taken, so src may be dst. */
int rt_list_copyslice(Value dst, Value da, Value db, Value dc, Value src, Value sa, Value sb,
                      Value sc)
{
    int64_t a, b, step;
    int64_t n = adjust_bounds(sa, sb, sc, L(src)->size, &a, &b, &step);
    if (n < 0)
        return -1;
    int64_t a2, b2, step2;
    if (src == dst && step == -1 && adjust_small(da, db, dc, L(dst)->size, &a2, &b2, &step2) >= 0 &&
        step2 == 1 && b2 - a2 == n && a == b2 - 1) {
        /* x[i:j] = x[j-1:i-1:-1] (fannkuch's prefix flip): a reversal in place */
        Value *it = L(dst)->items;
        for (int64_t lo = a2, hi = b2 - 1; lo < hi; lo++, hi--) {
            Value t = it[lo];
            it[lo] = it[hi];
            it[hi] = t;
        }
        return 0;
    }
    Value small[32];
    Value *buf = small;
    if (n > (int64_t)(sizeof small / sizeof small[0])) {
        buf = rt_alloc((size_t)n * sizeof(Value));
        if (!buf)
            return -1;
    }
    const Value *from = L(src)->items;
    if (step == 1) {
        if (n)
            memcpy(buf, from + a, (size_t)n * sizeof(Value));
    } else {
        for (int64_t k = 0, j = a; k < n; k++, j += step)
            buf[k] = from[j];
    }
    int64_t count = adjust_bounds(da, db, dc, L(dst)->size, &a, &b, &step);
    if (count < 0)
        return -1;
    if (step == 1)
        return assign_simple(dst, a, b, buf, n);
    return assign_extended(L(dst), a, step, count, buf, n);
}

int rt_list_setitem(Value self, Value key, Value value)
{
    if (rt_typeof(key) == &rt_slice_type)
        return list_ass_slice(self, key, value);
    int64_t i;
    if (rt_seq_index(key, "list", &i) < 0)
        return -1;
    ListObject *l = L(self);
    if (i < 0)
        i += l->size;
    if (i < 0 || i >= l->size) {
        rt_raise_str(rt_IndexError, "list assignment index out of range");
        return -1;
    }
    if (value) {
        l->items[i] = value;
        return 0;
    }
    memmove(l->items + i, l->items + i + 1, (size_t)(l->size - i - 1) * sizeof(Value));
    return list_resize(l, l->size - 1);
}

/* ---- methods ------------------------------------------------------------------------------ */

Value rt_list_insert(Value self, Value index, Value x)
{
    int64_t i;
    if (rt_index_i64(index, &i, NULL) < 0)
        return RT_ERR;
    ListObject *l = L(self);
    int64_t n = l->size;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    if (list_resize(l, n + 1) < 0)
        return RT_ERR;
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(Value));
    l->items[i] = x;
    return rt_None;
}

Value rt_list_pop(Value self, Value index)
{
    ListObject *l = L(self);
    int64_t i = -1;
    /* the index converts as a C ssize_t (CPython's argument clinic): an int beyond it is an
     * OverflowError, before any check of the list */
    if (index) {
        Value ix = rt_is_small(index) ? index : rt_index(index);
        if (!ix)
            return RT_ERR;
        if (rt_is_small(ix)) {
            i = rt_small_val(ix);
        } else if (rt_int_as_i64(ix, &i) < 0) {
            rt_exc_fetch();
            return rt_raise_str(rt_OverflowError, "Python int too large to convert to C ssize_t");
        }
    }
    if (l->size == 0)
        return rt_raise_str(rt_IndexError, "pop from empty list");
    if (i < 0)
        i += l->size;
    if (i < 0 || i >= l->size)
        return rt_raise_str(rt_IndexError, "pop index out of range");
    Value x = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->size - i - 1) * sizeof(Value));
    if (list_resize(l, l->size - 1) < 0)
        return RT_ERR;
    return x;
}

Value rt_list_remove(Value self, Value x)
{
    ListObject *l = L(self);
    for (int64_t i = 0; i < l->size; i++) {
        int r = rt_eq(l->items[i], x);
        if (r < 0)
            return RT_ERR;
        if (r) {
            if (i < l->size) {
                memmove(l->items + i, l->items + i + 1,
                        (size_t)(l->size - i - 1) * sizeof(Value));
                if (list_resize(l, l->size - 1) < 0)
                    return RT_ERR;
            }
            return rt_None;
        }
    }
    return rt_raise_str(rt_ValueError, "list.remove(x): x not in list");
}

Value rt_list_index(Value self, Value x, Value start, Value stop)
{
    ListObject *l = L(self);
    int64_t a, b;
    if (rt_seq_bounds(start, stop, l->size, &a, &b) < 0)
        return RT_ERR;
    for (int64_t i = a; i < b && i < l->size; i++) {
        int r = rt_eq(l->items[i], x);
        if (r < 0)
            return RT_ERR;
        if (r)
            return rt_small(i);
    }
    return rt_raise_fmt(rt_ValueError, "%R is not in list", x);
}

Value rt_list_count(Value self, Value x)
{
    ListObject *l = L(self);
    int64_t c = 0;
    for (int64_t i = 0; i < l->size; i++) {
        int r = rt_eq(l->items[i], x);
        if (r < 0)
            return RT_ERR;
        c += r;
    }
    return rt_small(c);
}

Value rt_list_clear(Value self)
{
    ListObject *l = L(self);
    l->items = NULL;
    l->size = l->cap = 0;
    return rt_None;
}

Value rt_list_copy(Value self)
{
    return rt_list_from(L(self)->items, L(self)->size);
}

static void reverse_items(Value *p, int64_t n)
{
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        Value t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}

Value rt_list_reverse(Value self)
{
    reverse_items(L(self)->items, L(self)->size);
    return rt_None;
}

/* ---- sort ---------------------------------------------------------------------------------
 * A stable merge sort: binary insertion sort on runs of 32, then bottom-up merges.  Every
 * comparison asks "is the later item less than the earlier one?" (later < earlier), the
 * only question Timsort asks, so results (and the error raised when two items cannot be
 * ordered) agree with CPython's for any consistent order.  Keys and values move together.
 * On an error every item is still present exactly once (merges put back what they hold). */

struct Sorter;
/* a < b: 1, 0, or -1 with an exception pending */
typedef int (*SortLt)(const struct Sorter *s, Value a, Value b);
typedef int (*ElemLt)(Value a, Value b);

typedef struct Sorter {
    Value *keys;      /* what is compared */
    Value *vals;      /* moved along with keys; NULL when sorting the items themselves */
    Value *tk, *tv;   /* merge buffers */
    SortLt lt;        /* the comparison: generic, or one chosen by choose_lt for the keys */
    ElemLt first_lt;  /* for lt_tuple: the comparison of the tuples' first items */
} Sorter;

static int lt_generic(const Sorter *s, Value a, Value b)
{
    (void)s;
    return rt_richcompare_bool(a, b, RT_LT);
}

/* Comparisons for keys that are all of one exact builtin type (CPython's sort pre-check does
 * the same): these types' order cannot be changed by a program, compares never raise, and the
 * answer is the one rt_richcompare would give, without its dispatch.  A tagged small int's word
 * orders as its value. */
static int lt_small(Value a, Value b) { return (int64_t)a < (int64_t)b; }
static int lt_str(Value a, Value b) { return rt_str_compare(a, b) < 0; }
static int lt_float(Value a, Value b)
{
    return ((FloatObject *)rt_obj(a))->v < ((FloatObject *)rt_obj(b))->v;
}

/* Tuples (exact, non-empty) whose first items all have one of the types above: the first
 * items are compared by that type's own equality and order; a tie goes on with the generic
 * element comparisons, exactly as tuple_richcompare does. */
static int eq_first(ElemLt first_lt, Value a, Value b)
{
    if (a == b)
        return 1;
    if (first_lt == lt_str)
        return rt_str_eq(a, b);
    if (first_lt == lt_float)
        return ((FloatObject *)rt_obj(a))->v == ((FloatObject *)rt_obj(b))->v;
    return 0;   /* small ints: equal only when the words are */
}

static int lt_tuple(const Sorter *s, Value a, Value b)
{
    TupleObject *x = (TupleObject *)rt_obj(a), *y = (TupleObject *)rt_obj(b);
    if (!eq_first(s->first_lt, x->items[0], y->items[0]))
        return s->first_lt(x->items[0], y->items[0]);
    int64_t i;
    for (i = 1; i < x->size && i < y->size; i++) {
        int r = rt_eq(x->items[i], y->items[i]);
        if (r < 0)
            return -1;
        if (!r)
            break;
    }
    if (i >= x->size || i >= y->size)
        return x->size < y->size;
    return rt_richcompare_bool(x->items[i], y->items[i], RT_LT);
}

/* the exact-type comparison that all n keys allow, or NULL */
static ElemLt same_type_lt(const Value *keys, int64_t n, int first_of_tuple)
{
    Value k0 = first_of_tuple ? ((TupleObject *)rt_obj(keys[0]))->items[0] : keys[0];
    Type *t = rt_is_small(k0) ? NULL : rt_obj(k0)->type;
    if (t && t != &rt_str_type && t != &rt_float_type)
        return NULL;
    for (int64_t i = 0; i < n; i++) {
        Value k = first_of_tuple ? ((TupleObject *)rt_obj(keys[i]))->items[0] : keys[i];
        if (t ? rt_is_small(k) || rt_obj(k)->type != t : !rt_is_small(k))
            return NULL;
    }
    return !t ? lt_small : t == &rt_str_type ? lt_str : lt_float;
}

static int sort_small(const Sorter *s, Value a, Value b) { (void)s; return lt_small(a, b); }
static int sort_str(const Sorter *s, Value a, Value b) { (void)s; return lt_str(a, b); }
static int sort_float(const Sorter *s, Value a, Value b) { (void)s; return lt_float(a, b); }

/* sets s->lt (and s->first_lt) for the keys s->keys[0..n) */
static void choose_lt(Sorter *s, int64_t n)
{
    const Value *keys = s->keys;
    s->lt = lt_generic;
    ElemLt f = same_type_lt(keys, n, 0);
    if (f) {
        s->lt = f == lt_small ? sort_small : f == lt_str ? sort_str : sort_float;
        return;
    }
    for (int64_t i = 0; i < n; i++)
        if (rt_is_small(keys[i]) || rt_obj(keys[i])->type != &rt_tuple_type ||
            ((TupleObject *)rt_obj(keys[i]))->size == 0)
            return;
    f = same_type_lt(keys, n, 1);
    if (f) {
        s->first_lt = f;
        s->lt = lt_tuple;
    }
}

static int binary_insertion(Sorter *s, int64_t lo, int64_t hi)
{
    for (int64_t i = lo + 1; i < hi; i++) {
        Value pk = s->keys[i], pv = s->vals ? s->vals[i] : 0;
        int64_t l = lo, r = i;
        while (l < r) {
            int64_t m = l + (r - l) / 2;
            int c = s->lt(s, pk, s->keys[m]);
            if (c < 0)
                return -1;
            if (c)
                r = m;
            else
                l = m + 1;
        }
        memmove(s->keys + l + 1, s->keys + l, (size_t)(i - l) * sizeof(Value));
        s->keys[l] = pk;
        if (s->vals) {
            memmove(s->vals + l + 1, s->vals + l, (size_t)(i - l) * sizeof(Value));
            s->vals[l] = pv;
        }
    }
    return 0;
}

/* merges [lo, mid) and [mid, hi): the left run moves to the buffer; on error the rest of it
 * goes back into the gap, which is exactly its size */
static int merge(Sorter *s, int64_t lo, int64_t mid, int64_t hi)
{
    int64_t na = mid - lo;
    memcpy(s->tk, s->keys + lo, (size_t)na * sizeof(Value));
    if (s->vals)
        memcpy(s->tv, s->vals + lo, (size_t)na * sizeof(Value));
    int64_t i = 0, j = mid, k = lo;
    int err = 0;
    while (i < na && j < hi) {
        int c = s->lt(s, s->keys[j], s->tk[i]);
        if (c < 0) {
            err = -1;
            break;
        }
        if (c) {
            s->keys[k] = s->keys[j];
            if (s->vals)
                s->vals[k] = s->vals[j];
            j++;
        } else {
            s->keys[k] = s->tk[i];
            if (s->vals)
                s->vals[k] = s->tv[i];
            i++;
        }
        k++;
    }
    memcpy(s->keys + k, s->tk + i, (size_t)(na - i) * sizeof(Value));
    if (s->vals)
        memcpy(s->vals + k, s->tv + i, (size_t)(na - i) * sizeof(Value));
    return err;
}

#define RUN 32

static int merge_sort(Sorter *s, int64_t n)
{
    for (int64_t lo = 0; lo < n; lo += RUN)
        if (binary_insertion(s, lo, lo + RUN < n ? lo + RUN : n) < 0)
            return -1;
    for (int64_t w = RUN; w < n; w *= 2) {
        for (int64_t lo = 0; lo + w < n; lo += 2 * w) {
            int64_t hi = lo + 2 * w < n ? lo + 2 * w : n;
            /* already in order: skip (the merge would ask the same question first) */
            int c = s->lt(s, s->keys[lo + w], s->keys[lo + w - 1]);
            if (c < 0)
                return -1;
            if (c && merge(s, lo, lo + w, hi) < 0)
                return -1;
        }
    }
    return 0;
}

Value rt_list_sort(Value self, Value key, Value reverse)
{
    int rev = 0;
    if (reverse && reverse != rt_False) {
        /* CPython takes reverse as an int: bool(), but a float is refused */
        if (rt_typeof(reverse) == &rt_float_type)
            return rt_raise_str(rt_TypeError, "'float' object cannot be interpreted as an integer");
        rev = rt_truthy(reverse);
        if (rev < 0)
            return RT_ERR;
    }
    if (key == rt_None)
        key = 0;
    ListObject *l = L(self);
    /* take the items away: any mutation during the sort lands in a fresh array */
    Value *items = l->items;
    int64_t n = l->size;
    l->items = NULL;
    l->size = 0;
    l->cap = -1;

    Value *keys = items;
    Sorter s = {items, NULL, NULL, NULL, lt_generic, NULL};
    int err = 0;
    if (key && n) {
        keys = rt_alloc((size_t)n * sizeof(Value));
        if (!keys)
            err = -1;
        for (int64_t i = 0; !err && i < n; i++) {
            keys[i] = rt_call(key, &items[i], 1, 0);
            if (!keys[i])
                err = -1;
        }
        s.keys = keys;
        s.vals = items;
    }
    if (!err && n > 1) {
        /* reversing before and after a stable sort keeps equal items in their original
         * order under reverse=True, as CPython does */
        if (rev) {
            reverse_items(s.keys, n);
            if (s.vals)
                reverse_items(s.vals, n);
        }
        /* a bottom-up merge's left run can be longer than n/2 (512 of 1000) */
        s.tk = rt_alloc((size_t)n * sizeof(Value));
        s.tv = s.vals ? rt_alloc((size_t)n * sizeof(Value)) : NULL;
        if (!s.tk || (s.vals && !s.tv)) {
            err = -1;
        } else {
            /* the keys are fixed now (a key function ran before; items were taken away) */
            choose_lt(&s, n);
            err = merge_sort(&s, n);
        }
        if (rev) {
            reverse_items(s.keys, n);
            if (s.vals)
                reverse_items(s.vals, n);
        }
    }
    int modified = l->cap != -1 || l->size != 0;
    l->items = items;
    l->size = n;
    l->cap = n;
    if (!err && modified)
        return rt_raise_str(rt_ValueError, "list modified during sort");
    return err ? RT_ERR : rt_None;
}

/* ---- slots -------------------------------------------------------------------------------- */

static int64_t list_len(Value l) { return L(l)->size; }

static int list_contains(Value self, Value x)
{
    ListObject *l = L(self);
    for (int64_t i = 0; i < l->size; i++) {
        int r = rt_eq(l->items[i], x);
        if (r != 0)
            return r;
    }
    return 0;
}

static Value list_repr(Value v)
{
    ListObject *l = L(v);
    if (l->size == 0)
        return rt_str_from_cstr("[]");
    int st = rt_repr_enter(v);
    if (st != 0)
        return st > 0 ? rt_str_from_cstr("[...]") : RT_ERR;
    StrBuf b;
    rt_sb_init(&b);
    rt_sb_addc(&b, '[');
    /* the list can change under a __repr__: re-read its size every time */
    for (int64_t i = 0; i < l->size; i++) {
        Value r = rt_repr(l->items[i]);
        if (!r) {
            rt_repr_leave(v);
            return RT_ERR;
        }
        if (i)
            rt_sb_adds(&b, ", ");
        rt_sb_add(&b, rt_str_bytes(r), rt_str_nbytes(r));
    }
    rt_sb_addc(&b, ']');
    rt_repr_leave(v);
    return rt_sb_finish(&b);
}

static Value list_richcompare(Value a, Value b, int op)
{
    if (!is_list(a) || !is_list(b))
        return rt_NotImplemented;
    ListObject *x = L(a), *y = L(b);
    if (x->size != y->size && (op == RT_EQ || op == RT_NE))
        return rt_bool(op == RT_NE);
    int64_t i;
    for (i = 0; i < x->size && i < y->size; i++) {
        int r = rt_eq(x->items[i], y->items[i]);
        if (r < 0)
            return RT_ERR;
        if (!r)
            break;
    }
    if (i >= x->size || i >= y->size) {
        int64_t p = x->size, q = y->size;
        switch (op) {
        case RT_LT: return rt_bool(p < q);
        case RT_LE: return rt_bool(p <= q);
        case RT_EQ: return rt_bool(p == q);
        case RT_NE: return rt_bool(p != q);
        case RT_GT: return rt_bool(p > q);
        default: return rt_bool(p >= q);
        }
    }
    if (op == RT_EQ)
        return rt_False;
    if (op == RT_NE)
        return rt_True;
    return rt_richcompare(x->items[i], y->items[i], op);
}

static Value list_add(Value a, Value b)
{
    if (!is_list(a) || !is_list(b))
        return rt_NotImplemented;
    int64_t n = L(a)->size, m = L(b)->size;
    Value r = rt_list_new(n + m);
    if (!r)
        return RT_ERR;
    if (n)
        memcpy(L(r)->items, L(a)->items, (size_t)n * sizeof(Value));
    if (m)
        memcpy(L(r)->items + n, L(b)->items, (size_t)m * sizeof(Value));
    return r;
}

static Value list_iadd(Value a, Value b)
{
    if (!is_list(a))
        return rt_NotImplemented;
    return list_extend(a, b) < 0 ? RT_ERR : a;
}

/* the repeat count of list * n; 1 = not a repetition (decline), -1 error */
static int repeat_count(Value n, int64_t *k)
{
    if (!rt_has_index(n))
        return 1;
    if (rt_index_i64(n, k, rt_OverflowError) < 0)
        return -1;
    if (*k < 0)
        *k = 0;
    return 0;
}

/* dst[0 .. size * k) = k copies of src[0 .. size): one item is a fill; more, one copy and then
 * copies of what is already there, doubling (few calls for a long result) */
static void list_repeat_into(Value *dst, const Value *src, int64_t size, int64_t k)
{
    int64_t total = size * k;
    if (total == 0)
        return;
    if (size == 1) {
        Value v = src[0];
        for (int64_t i = 0; i < total; i++)
            dst[i] = v;
        return;
    }
    if (dst != src)   /* list *= k: the first copy is in place already */
        memcpy(dst, src, (size_t)size * sizeof(Value));
    for (int64_t done = size; done < total;) {
        int64_t n = done < total - done ? done : total - done;
        memcpy(dst + done, dst, (size_t)n * sizeof(Value));
        done += n;
    }
}

static Value list_mul(Value a, Value b)
{
    Value l = a, n = b;
    if (!is_list(a)) {
        l = b;
        n = a;
    }
    if (!is_list(l))
        return rt_NotImplemented;
    int64_t k;
    int st = repeat_count(n, &k);
    if (st)
        return st > 0 ? rt_NotImplemented : RT_ERR;
    int64_t size = L(l)->size;
    if (size && k > MAX_ITEMS / size)
        return rt_raise_memory_error();
    Value r = rt_list_new(size * k);
    if (!r)
        return RT_ERR;
    list_repeat_into(L(r)->items, L(l)->items, size, k);
    return r;
}

/* list * n of an exact list and an int (the typed tier's list.repeat): list_mul without the
 * operator dispatch; n <= 0 gives [], MemoryError / OverflowError for huge n as CPython */
Value rt_list_repeat(Value l, Value n)
{
    return list_mul(l, n);
}

/* list * n into unboxed storage (the typed tier, docs/internals/typed.md "Unboxed lists"):
 * the result size, count conversion and errors of rt_list_repeat, but a pointer-free items
 * array (rt_alloc_atomic, never scanned by the collector).  kind 1: one byte per item, a bool
 * (0 False, 1 True); kind 2: small tagged ints, the boxed layout; kind 3: doubles.  Only
 * lists whose every use compiled code performs itself get here (src/infer/unbox.c): the
 * runtime never reads such a list's items.  l is an exact list of such items. */
Value rt_list_repeat_unboxed(Value l, Value n, int64_t kind)
{
    int64_t k;
    int st = repeat_count(n, &k);
    if (st)
        return st > 0 ? rt_raise_str(rt_TypeError, "can't multiply sequence by non-int")
                      : RT_ERR;   /* inference proved an int or bool count: never */
    int64_t size = L(l)->size;
    if (size && k > MAX_ITEMS / size)
        return rt_raise_memory_error();
    int64_t total = size * k;
    size_t width = kind == 1 ? 1 : 8;
    ListObject *r = list_alloc(&rt_list_type, 0);
    if (!r)
        return RT_ERR;
    if (total) {
        unsigned char *dst = rt_alloc_atomic((size_t)total * width);
        if (!dst)
            return RT_ERR;
        const Value *src = L(l)->items;
        if (kind == 1 && size == 1) {
            memset(dst, src[0] == rt_True, (size_t)total);
        } else if (kind == 2) {
            list_repeat_into((Value *)dst, src, size, k);
        } else {
            for (int64_t j = 0; j < size; j++) {
                if (kind == 1)
                    dst[j] = src[j] == rt_True;
                else
                    ((double *)dst)[j] = rt_float_val(src[j]);
            }
            for (int64_t done = size; done < total;) {
                int64_t m = done < total - done ? done : total - done;
                memcpy(dst + (size_t)done * width, dst, (size_t)m * width);
                done += m;
            }
        }
        r->items = (Value *)dst;
        r->size = r->cap = total;
    }
    return rt_val(r);
}

/* A comprehension's append to a list of unboxed storage (kind as rt_list_repeat_unboxed;
 * bits: the byte 0/1, the tagged small int, or the double's bits) when the inline store found
 * no room: grows the pointer-free items array with list_resize's policy.  0, or -1 after
 * MemoryError. */
int rt_list_append_unboxed(Value l, int64_t bits, int64_t kind)
{
    ListObject *o = L(l);
    size_t width = kind == 1 ? 1 : 8;
    int64_t n = o->size;
    if (n >= o->cap) {
        int64_t newsize = n + 1;
        if (newsize > MAX_ITEMS) {
            rt_raise_memory_error();
            return -1;
        }
        int64_t cap = grow_cap(newsize);
        unsigned char *p = rt_alloc_atomic((size_t)cap * width);
        if (!p)
            return -1;
        if (n)
            memcpy(p, o->items, (size_t)n * width);
        o->items = (Value *)p;
        o->cap = cap;
    }
    if (kind == 1)
        ((unsigned char *)o->items)[n] = (unsigned char)bits;
    else
        memcpy((unsigned char *)o->items + (size_t)n * 8, &bits, 8);
    o->size = n + 1;
    return 0;
}

/* A comprehension over range(start, stop) that appends once per step (src/infer/reserve.c)
 * gets its list's block before the first append, holding all the items: no growth copies and
 * none of the garbage blocks they leave (mandelbrot's rows were 34 MB of garbage for 2 MB of
 * lists, three collections).  Capacity is not observable.  The list is still empty; the items
 * are computed after this, so the reservation must not change what the program does: it is
 * capped (RESERVE_MAX items: an exception after a few steps of range(10**9) must not have
 * allocated 8 GB first), skipped while allocation failures are being injected (their count
 * would move), and a failed allocation is forgotten (the appends then grow the list and raise
 * MemoryError where CPython would). */
#define RESERVE_MAX ((int64_t)1 << 16)
void rt_list_reserve(Value l, int64_t start, int64_t stop, int64_t kind)
{
    ListObject *o = L(l);
    int64_t n;
    if (stop <= start || __builtin_sub_overflow(stop, start, &n) || n > RESERVE_MAX)
        n = stop > start ? RESERVE_MAX : 0;
    if (n <= o->cap || o->size != 0 || rt_alloc_fail_after > 0)
        return;
    size_t width = kind == 1 ? 1 : 8;
    void *p = kind ? rt_alloc_atomic((size_t)n * width) : rt_alloc((size_t)n * sizeof(Value));
    if (!p) {
        rt_exc_fetch();
        return;
    }
    o->items = p;
    o->cap = n;
}

static Value list_imul(Value a, Value b)
{
    if (!is_list(a))
        return rt_NotImplemented;
    int64_t k;
    int st = repeat_count(b, &k);
    if (st)
        return st > 0 ? rt_NotImplemented : RT_ERR;
    ListObject *l = L(a);
    int64_t size = l->size;
    if (k == 0 || size == 0) {
        rt_list_clear(a);
        return a;
    }
    if (k > MAX_ITEMS / size)
        return rt_raise_memory_error();
    if (list_resize(l, size * k) < 0)
        return RT_ERR;
    list_repeat_into(l->items, l->items, size, k);
    return a;
}

static int no_kwargs(Value kwnames, const char *who)
{
    if (kwnames && rt_tuple_size(kwnames)) {
        rt_raise_fmt(rt_TypeError, "%s() takes no keyword arguments", who);
        return -1;
    }
    return 0;
}

Value rt_list_tp_new(Type *type, const Value *args, size_t nargs, Value kwnames)
{
    ListObject *l = list_alloc(type, 0);
    return l ? rt_val(l) : RT_ERR;
}

int rt_list_tp_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (no_kwargs(kwnames, "list") < 0)
        return -1;
    if (nargs > 1) {
        rt_raise_fmt(rt_TypeError, "list expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    rt_list_clear(self);
    return nargs ? list_extend(self, args[0]) : 0;
}

/* ---- iterators ---------------------------------------------------------------------------- */

typedef ListIterObject ListIter;

static Value new_iter(Type *t, Value l, int64_t i)
{
    ListIter *it = (ListIter *)rt_new_object(t, sizeof(ListIter));
    if (!it)
        return RT_ERR;
    it->seq = l;
    it->i = i;
    return rt_val(it);
}

static Value list_iter(Value l) { return new_iter(&rt_list_iterator_type, l, 0); }

/* reversed(list): the list's own __reversed__ */
Value rt_list_reversed(Value l)
{
    return new_iter(&rt_list_reverseiterator_type, l, L(l)->size - 1);
}

static Value listiter_next(Value v)
{
    ListIter *it = (ListIter *)rt_obj(v);
    if (!it->seq)
        return RT_ERR;
    if (it->i < L(it->seq)->size)
        return L(it->seq)->items[it->i++];
    it->seq = 0;
    return RT_ERR;
}

static Value listreviter_next(Value v)
{
    ListIter *it = (ListIter *)rt_obj(v);
    if (!it->seq)
        return RT_ERR;
    if (it->i >= 0 && it->i < L(it->seq)->size)
        return L(it->seq)->items[it->i--];
    it->seq = 0;
    return RT_ERR;
}

/* __length_hint__ of the iterators: the items left (operator.length_hint) */
Value rt_listiter_length_hint(Value v)
{
    ListIter *it = (ListIter *)rt_obj(v);
    int64_t n = it->seq ? L(it->seq)->size - it->i : 0;
    return rt_int_from_i64(n > 0 ? n : 0);
}

Value rt_listreviter_length_hint(Value v)
{
    ListIter *it = (ListIter *)rt_obj(v);
    int64_t n = it->seq && it->i < L(it->seq)->size ? it->i + 1 : 0;
    return rt_int_from_i64(n > 0 ? n : 0);
}

static Value self_iter(Value v) { return v; }

Type rt_list_iterator_type = {
    .ob = {&rt_type_type}, .name = "list_iterator", .base = &rt_object_type,
    .basicsize = sizeof(ListIter), .iter = self_iter, .iternext = listiter_next,
};
Type rt_list_reverseiterator_type = {
    .ob = {&rt_type_type}, .name = "list_reverseiterator", .base = &rt_object_type,
    .basicsize = sizeof(ListIter), .iter = self_iter, .iternext = listreviter_next,
};

Type rt_list_type = {
    .ob = {&rt_type_type}, .name = "list", .base = &rt_object_type,
    .flags = RT_TPFLAG_LIST_SUBCLASS | RT_TPFLAG_BASETYPE, .basicsize = sizeof(ListObject),
    .repr = list_repr, .hash = rt_hash_unhashable, .richcompare = list_richcompare,
    .iter = list_iter, .new_ = rt_list_tp_new, .init = rt_list_tp_init, .len = list_len,
    .getitem = rt_list_getitem, .setitem = rt_list_setitem, .contains = list_contains,
    .nb = {.add = list_add, .mul = list_mul, .iadd = list_iadd, .imul = list_imul},
};
