# Bounds checks of counted loops over range(len(L)): accesses proven in range run unchecked
# (src/infer/bounds.c); everything else must raise CPython's IndexError at the same point.


def total(xs):
    s = 0
    for i in range(len(xs)):
        s += xs[i]
    return s


def ftotal(xs):
    n = len(xs)
    s = 0.0
    for i in range(n):
        s += xs[i] * xs[i]
    for i in range(1, n):
        xs[i] = xs[i - 1] + 0.5
    return s


def shifted(xs):
    # xs[i + 1] at the last step is out of range: IndexError at the last iteration
    s = 0
    for i in range(len(xs)):
        s += xs[i + 1]
        print("step", i, s)
    return s


def back_one(xs):
    # range(len(xs)) from 0 with xs[i - 1]: -1 reads the last item (negative index)
    out = []
    for i in range(len(xs)):
        out.append(xs[i - 1])
    return out


def neg_start(xs):
    # range(-2, len(xs)): negative indexes count from the end
    s = []
    for i in range(-2, len(xs)):
        s.append(xs[i])
    return s


def neg_start_far(xs):
    # range(-5, len(xs)) over 3 items: xs[-5] raises at the first step
    s = 0
    for i in range(-5, len(xs)):
        s += xs[i]
    return s


def shrink(xs):
    xs.pop()


def shrinks_by_call(xs):
    n = len(xs)
    s = 0
    for i in range(n):
        s += xs[i]
        if i == 1:
            shrink(xs)
    return s


def shrinks_by_pop(xs):
    s = 0
    for i in range(len(xs)):
        s += xs[i]
        if i == 0:
            xs.pop()
    return s


def shrinks_before(xs):
    n = len(xs)
    xs.pop()
    s = 0
    for i in range(n):
        s += xs[i]
    return s


def shrinks_in_outer(xs):
    n = len(xs)
    s = 0
    for j in range(3):
        for i in range(n):
            s += xs[i]
        xs.pop()
    return s


def grows_in_loop(xs):
    s = 0
    for i in range(len(xs)):
        s += xs[i]
        if i < 3:
            xs.append(i)
    return s, len(xs)


def other_list(xs, ys):
    # the bound is len(xs), the index goes into ys (shorter): IndexError
    s = 0
    for i in range(len(xs)):
        s += ys[i]
    return s


def stores(xs):
    for i in range(len(xs)):
        xs[i] = xs[i] * 2
    return xs


def empty(xs):
    s = 0
    for i in range(len(xs)):
        s += xs[i]
    return s


def big(xs):
    # items past 2**63: int arithmetic in the loop body
    s = 0
    for i in range(len(xs)):
        s += xs[i] * 9223372036854775808
    return s


def sum_past_63(xs):
    # a sum that overflows 2**63 in a proven loop
    s = 0
    for i in range(len(xs)):
        s += xs[i]
        xs[i] = s
    return s, xs[-1] - 2**63


def deep(n, xs):
    # a recursive call in the loop: RecursionError mid-way keeps the checks honest
    if n == 0:
        return 0
    s = 0
    for i in range(len(xs)):
        s += xs[i]
    return s + deep(n - 1, xs)


def diffs(xs):
    # range(len(xs) - 1): xs[i + 1] is in range; an empty list runs no step
    out = []
    for i in range(len(xs) - 1):
        out.append(xs[i + 1] - xs[i])
    return out


def diffs2(xs):
    # xs[i + 2] is past the end at the last step
    out = []
    for i in range(len(xs) - 1):
        out.append(xs[i + 2] - xs[i])
    return out


def one_past(xs):
    # range(len(xs) + 1): xs[i] raises at the last step
    s = 0.0
    for i in range(len(xs) + 1):
        s += xs[i]
    return s


def appends_self(xs):
    # the loop appends to the list it indexes, bounded by its length read once: a check stays
    n = len(xs)
    for i in range(n):
        xs.append(xs[i] + 10)
    return xs


def try_in_loop(xs):
    s = 0
    for i in range(len(xs)):
        try:
            s += xs[i + 1]
        except IndexError as e:
            print("caught", i, e)
    return s


def main():
    print(total([1, 2, 3, 4]))
    print(ftotal([1.0, 2.0, 3.0]))
    for f, args in ((shifted, ([1, 2, 3],)), (neg_start_far, ([1, 2, 3],)),
                    (shrinks_by_call, ([1, 2, 3, 4],)), (shrinks_by_pop, ([1, 2, 3],)),
                    (shrinks_before, ([1, 2, 3],)), (shrinks_in_outer, ([1, 2, 3],)),
                    (other_list, ([1, 2, 3], [1, 2])), (diffs2, ([1.0, 2.0, 4.0],)),
                    (one_past, ([1.0, 2.0],))):
        try:
            print(f.__name__, f(*args))
        except IndexError as e:
            print(f.__name__, "IndexError:", e)
    print(back_one([1, 2, 3]))
    print(diffs([1.0, 2.0, 4.0, 8.0]), diffs([]), diffs([1.0]))
    try:
        print(diffs2([1.0, 2.0, 4.0]))
    except IndexError as e:
        print("diffs2 direct", e)
    try:
        print(one_past([1.0, 2.0]))
    except IndexError as e:
        print("one_past direct", e)
    print(appends_self([1, 2, 3]))
    print(neg_start([1, 2, 3]))
    print(grows_in_loop([1, 2]))
    print(stores([1, 2, 3]))
    print(stores([1.5, 2.5]))
    print(empty([]))
    print(total([]))
    print(ftotal([]))
    print(big([1, 2, 3]))
    print(sum_past_63([2**62, 2**62, 2**62, 7]))
    print(deep(5, [1, 2, 3]))
    try:
        deep(100000, [1])
    except RecursionError as e:
        print("RecursionError")
    print(try_in_loop([1, 2, 3]))
    print(shifted([]))


main()
shifted([7, 8])
