/*
 * unit.c - unit tests of the generic protocol (abstract.c) and the containers: CPython's
 * exact error messages, reprs with recursion guards, hashes, sort stability and "list
 * modified during sort", big-int ranges, slice.indices.  Every expected value was produced by
 * python3 (3.11).  Last line: 'N passed, N failed'.
 */
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"

static int npass, nfail;

static void check_str(const char *what, Value v, const char *want)
{
    char got[512];
    if (!v) {
        Value e = rt_exc_fetch();
        Value s = e ? rt_str(e) : 0;
        snprintf(got, sizeof got, "E %s: %.*s", e ? rt_type_name(e) : "?",
                 s ? (int)rt_str_nbytes(s) : 0, s ? rt_str_bytes(s) : "");
    } else {
        Value r = rt_repr(v);
        snprintf(got, sizeof got, "%.*s", r ? (int)rt_str_nbytes(r) : 4, r ? rt_str_bytes(r) : "<E>");
        if (!r)
            rt_exc_fetch();
    }
    if (strcmp(got, want) == 0) {
        npass++;
    } else {
        nfail++;
        printf("FAIL %s: got [%s] want [%s]\n", what, got, want);
    }
}

/* an int-returning call: -1 means the pending exception is the result */
static void check_rc(const char *what, int rc, const char *want)
{
    check_str(what, rc < 0 ? RT_ERR : rt_small(rc), want);
}

static Value S_(const char *s) { return rt_str_from_cstr(s); }
static Value I(int64_t i) { return rt_int_from_i64(i); }
static Value big(const char *s) { return rt_int_from_str(s, strlen(s), 10); }
static Value list3(int64_t a, int64_t b, int64_t c)
{
    Value v[3] = {I(a), I(b), I(c)};
    return rt_list_from(v, 3);
}

/* key callables through the call slot: first item of a tuple; one that appends to a list */
static Value victim;
static Value first_call(Value self, const Value *args, size_t nargs, Value kw)
{
    return rt_tuple_item(args[0], 0);
}
static Value append_call(Value self, const Value *args, size_t nargs, Value kw)
{
    if (rt_list_append(victim, I(0)) < 0)
        return RT_ERR;
    return args[0];
}
static Type first_type = {.ob = {&rt_type_type}, .name = "first", .base = &rt_object_type,
                          .basicsize = sizeof(Object), .call = first_call};
static Type append_type = {.ob = {&rt_type_type}, .name = "appender", .base = &rt_object_type,
                           .basicsize = sizeof(Object), .call = append_call};
static Object first_fn = {&first_type}, append_fn = {&append_type};

static void test_messages(void)
{
    Value one = I(1), s = S_("a"), l = list3(1, 2, 3);
    check_str("int+str", rt_add(one, s), "E TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    check_str("pow3", rt_pow(one, s, I(3)), "E TypeError: unsupported operand type(s) for ** or pow(): 'int', 'str', 'int'");
    check_str("pow2", rt_pow(one, s, rt_None), "E TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    check_str("divmod", rt_divmod(one, s), "E TypeError: unsupported operand type(s) for divmod(): 'int' and 'str'");
    check_str("ipow", rt_inplace(RT_BINOP_POW, one, s), "E TypeError: unsupported operand type(s) for **=: 'int' and 'str'");
    check_str("imatmul", rt_inplace(RT_BINOP_MATMUL, one, s), "E TypeError: unsupported operand type(s) for @=: 'int' and 'str'");
    check_str("neg", rt_neg(s), "E TypeError: bad operand type for unary -: 'str'");
    check_str("abs", rt_abs(s), "E TypeError: bad operand type for abs(): 'str'");
    check_str("inv", rt_invert(s), "E TypeError: bad operand type for unary ~: 'str'");
    check_str("pos", rt_pos(s), "E TypeError: bad operand type for unary +: 'str'");
    check_str("l*f", rt_mul(l, rt_float(1.5)), "E TypeError: can't multiply sequence by non-int of type 'float'");
    check_str("f*l", rt_mul(rt_float(1.5), l), "E TypeError: can't multiply sequence by non-int of type 'float'");
    check_str("l+1", rt_add(l, one), "E TypeError: can only concatenate list (not \"int\") to list");
    Value t = rt_tuple_pack(1, one);
    check_str("t+1", rt_add(t, one), "E TypeError: can only concatenate tuple (not \"int\") to tuple");
    check_str("t+=1", rt_inplace(RT_BINOP_ADD, t, one), "E TypeError: can only concatenate tuple (not \"int\") to tuple");
    check_str("l*=f", rt_inplace(RT_BINOP_MUL, l, rt_float(1.5)), "E TypeError: can't multiply sequence by non-int of type 'float'");
    check_str("1<s", rt_richcompare(one, s, RT_LT), "E TypeError: '<' not supported between instances of 'int' and 'str'");
    check_str("[]<()", rt_richcompare(l, t, RT_LT), "E TypeError: '<' not supported between instances of 'list' and 'tuple'");
    check_str("{}<{}", rt_richcompare(rt_dict_new(), rt_dict_new(), RT_LT), "E TypeError: '<' not supported between instances of 'dict' and 'dict'");
    check_str("1==s", rt_richcompare(one, s, RT_EQ), "False");
    check_rc("len(1)", (int)rt_len(one), "E TypeError: object of type 'int' has no len()");
    check_str("1[0]", rt_getitem(one, one), "E TypeError: 'int' object is not subscriptable");
    check_rc("1[0]=1", rt_setitem(one, one, one), "E TypeError: 'int' object does not support item assignment");
    check_rc("del 1[0]", rt_delitem(one, one), "E TypeError: 'int' object doesn't support item deletion");
    check_str("iter(1)", rt_iter(one), "E TypeError: 'int' object is not iterable");
    check_rc("2 in 1", rt_contains(one, I(2)), "E TypeError: argument of type 'int' is not iterable");
    check_str("next([])", rt_next(l), "E TypeError: 'list' object is not an iterator");
    check_str("l[s]", rt_getitem(l, s), "E TypeError: list indices must be integers or slices, not str");
    check_str("l[5]", rt_getitem(l, I(5)), "E IndexError: list index out of range");
    check_rc("hash([])", (int)rt_hash(l), "E TypeError: unhashable type: 'list'");
    check_rc("isinstance(1,1)", rt_isinstance(one, one), "E TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    check_rc("isinstance(True,int)", rt_isinstance(rt_True, rt_val(&rt_int_type)), "1");
    Value huge = big("1000000000000000000000000000000");
    check_str("l[big]", rt_getitem(l, huge), "E IndexError: cannot fit 'int' into an index-sized integer");
    check_str("l*big", rt_mul(l, huge), "E OverflowError: cannot fit 'int' into an index-sized integer");
    check_rc("l[::2]=3 items", rt_setitem(l, rt_slice_new(0, 0, I(2)), list3(1, 2, 3)),
             "E ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
    check_rc("l[0:1]=5", rt_setitem(l, rt_slice_new(I(0), I(1), 0), I(5)), "E TypeError: can only assign an iterable");
    check_rc("l[::2]=5", rt_setitem(l, rt_slice_new(0, 0, I(2)), I(5)), "E TypeError: must assign iterable to extended slice");
    check_str("[].pop()", rt_list_pop(rt_list_new(0), 0), "E IndexError: pop from empty list");
    check_str("[1].pop(5)", rt_list_pop(list3(1, 2, 3), I(5)), "E IndexError: pop index out of range");
    check_str("remove", rt_list_remove(rt_list_new(0), one), "E ValueError: list.remove(x): x not in list");
    check_str("index", rt_list_index(rt_list_new(0), one, 0, 0), "E ValueError: 1 is not in list");
    check_str("t.index", rt_tuple_index(t, I(5), 0, 0), "E ValueError: tuple.index(x): x not in tuple");
    check_str("t[5]", rt_getitem(t, I(5)), "E IndexError: tuple index out of range");
    check_str("{}[1]", rt_getitem(rt_dict_new(), one), "E KeyError: 1");
    check_str("set.pop", rt_set_pop(rt_set_new()), "E KeyError: 'pop from an empty set'");
    check_str("set.remove", rt_set_remove(rt_set_new(), one), "E KeyError: 1");
    check_str("popitem", rt_dict_popitem(rt_dict_new()), "E KeyError: 'popitem(): dictionary is empty'");
    check_str("range(1)[5]", rt_getitem(rt_range_new(I(0), one, one), I(5)), "E IndexError: range object index out of range");
    check_str("range step 0", rt_range_new(I(0), I(10), I(0)), "E ValueError: range() arg 3 must not be zero");
    check_str("slice step 0", rt_slice_indices(rt_slice_new(one, I(2), I(0)), I(5)), "E ValueError: slice step cannot be zero");
    check_str("fromkeys(1)", rt_dict_fromkeys(rt_val(&rt_dict_type), one, 0), "E TypeError: 'int' object is not iterable");
    Value bad1 = rt_list_from(&one, 1);
    check_str("dict([1])", rt_dict_update(rt_dict_new(), bad1) ? rt_None : RT_ERR, "E TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    Value tr = rt_tuple_pack(3, one, one, one);
    Value bad2 = rt_list_from(&tr, 1);
    check_str("dict([(1,1,1)])", rt_dict_update(rt_dict_new(), bad2) ? rt_None : RT_ERR, "E ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    check_str("{1}<1", rt_richcompare(rt_set_from_iterable(l), one, RT_LT), "E TypeError: '<' not supported between instances of 'set' and 'int'");
}

static void test_values(void)
{
    Value l = list3(1, 2, 3);
    rt_list_append(l, l);
    check_str("recursive list", l, "[1, 2, 3, [...]]");
    Value d = rt_dict_new();
    rt_dict_set(d, I(1), d);
    check_str("recursive dict", d, "{1: {...}}");
    check_str("tuple1", rt_tuple_pack(1, I(1)), "(1,)");
    check_str("tuple0", rt_tuple_new(0), "()");
    check_str("hash tuple", rt_int_from_i64(rt_hash(rt_tuple_pack(3, I(1), I(2), I(3)))), "529344067295497451");
    check_str("hash ()", rt_int_from_i64(rt_hash(rt_tuple_new(0))), "5740354900026072187");
    check_str("hash (-1,)", rt_int_from_i64(rt_hash(rt_tuple_pack(1, I(-1)))), "8078679518589016365");
    Value f = rt_frozenset_from_iterable(list3(1, 2, 3));
    check_str("hash frozenset", rt_int_from_i64(rt_hash(f)), "-272375401224217160");
    check_str("hash frozenset()", rt_int_from_i64(rt_hash(rt_frozenset_from_iterable(0))), "133146708735736");
    Value r100 = rt_range_new(I(0), I(100), I(1));
    check_str("hash frozenset(range(100))", rt_int_from_i64(rt_hash(rt_frozenset_from_iterable(r100))), "4411996150312757951");
    check_str("frozenset repr", rt_frozenset_from_iterable(rt_list_from((Value[]){I(1)}, 1)), "frozenset({1})");
    check_str("set()", rt_set_new(), "set()");
    check_str("frozenset()", rt_frozenset_from_iterable(0), "frozenset()");
    /* an add that probes past several dummies reuses the last one (CPython 3.11's freeslot) */
    Value sd = rt_set_from_iterable(list3(0, 1, 2));
    rt_set_discard(sd, I(0));
    rt_set_discard(sd, I(2));
    rt_set_add(sd, I(32));
    check_str("add reuses last dummy", sd, "{1, 32}");
    Value r = rt_range_new(big("100000000000000000000"), big("1000000000000000000000"), I(7));
    Value sl = rt_slice_new(I(5), big("10000000000000000000"), I(3));
    check_str("big range slice", rt_getitem(r, sl), "range(100000000000000000035, 170000000000000000000, 21)");
    check_rc("big range len", (int)(rt_len(rt_range_new(I(0), big("1000000000000000000"), I(3))) == 333333333333333334), "1");
    check_str("slice.indices", rt_slice_indices(rt_slice_new(I(1), rt_None, I(-1)), I(10)), "(1, -1, -1)");
    check_str("slice repr", rt_slice_new(I(1), 0, 0), "slice(1, None, None)");
    /* stable sort with a key: equal keys keep their order */
    Value items[4] = {rt_tuple_pack(2, I(1), S_("b")), rt_tuple_pack(2, I(0), S_("a")),
                      rt_tuple_pack(2, I(1), S_("a")), rt_tuple_pack(2, I(0), S_("b"))};
    Value sl4 = rt_list_from(items, 4);
    check_str("sort key", rt_list_sort(sl4, rt_val(&first_fn), 0) ? sl4 : RT_ERR,
              "[(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]");
    check_str("sort key reverse", rt_list_sort(sl4, rt_val(&first_fn), rt_True) ? sl4 : RT_ERR,
              "[(1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')]");
    victim = list3(3, 1, 2);
    check_str("modified during sort", rt_list_sort(victim, rt_val(&append_fn), 0),
              "E ValueError: list modified during sort");
    check_str("after modified sort", victim, "[1, 2, 3]");
    Value mixed = rt_list_from((Value[]){I(1), S_("a")}, 2);
    check_str("sort mixed", rt_list_sort(mixed, 0, 0), "E TypeError: '<' not supported between instances of 'str' and 'int'");
    /* a big list sorts like python's */
    Value big_l = rt_list_new(0);
    for (int i = 0; i < 1000; i++)
        rt_list_append(big_l, I((i * 7919) % 1009));
    rt_list_sort(big_l, 0, 0);
    int sorted = 1;
    for (int64_t i = 1; i < 1000; i++)
        if (rt_richcompare_bool(((ListObject *)rt_obj(big_l))->items[i],
                                ((ListObject *)rt_obj(big_l))->items[i - 1], RT_LT))
            sorted = 0;
    check_rc("sort 1000", sorted, "1");
    /* dict iteration with a size change */
    Value d2 = rt_dict_new();
    rt_dict_set(d2, I(1), I(1));
    Value it = rt_iter(d2);
    rt_next(it);
    rt_dict_set(d2, I(2), I(2));
    check_str("dict changed size", rt_next(it), "E RuntimeError: dictionary changed size during iteration");
    Value s3 = rt_set_from_iterable(list3(1, 2, 3));
    it = rt_iter(s3);
    rt_set_add(s3, I(9));
    check_str("set changed size", rt_next(it), "E RuntimeError: Set changed size during iteration");
    /* a nan in a list equals itself through the identity shortcut */
    Value nan = rt_float(0.0 / 0.0 * 0 + __builtin_nan(""));
    Value ln = rt_list_from(&nan, 1);
    check_str("[nan]==[nan]", rt_richcompare(ln, rt_list_from(&nan, 1), RT_EQ), "True");
    check_rc("nan in [nan]", rt_contains(ln, nan), "1");
    check_str("{1} & {True}", rt_and(rt_set_from_iterable(rt_list_from((Value[]){I(1)}, 1)),
                                     rt_set_from_iterable(rt_list_from((Value[]){rt_True}, 1))), "{True}");
    check_str("keys & set", rt_and(rt_dict_keys(d2), rt_set_from_iterable(list3(2, 3, 4))), "{2}");
    check_str("keys repr", rt_dict_keys(d2), "dict_keys([1, 2])");
    check_str("items repr", rt_dict_items(d2), "dict_items([(1, 1), (2, 2)])");
}

int main(void)
{
    rt_init();
    test_messages();
    test_values();
    printf("%d passed, %d failed\n", npass, nfail);
    return nfail != 0;
}
