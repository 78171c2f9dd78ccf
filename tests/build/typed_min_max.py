# min/max of generator expressions in typed code run consumer clones (docs/internals/typed.md,
# "Consumer clones"): ties keep the first, signed zeros, NaN, big ints, side effects in the
# generator, and the empty case: ValueError raised with only the caller's frame in the
# traceback, as from the C builtin.  Expected output: python3.
log = []


def t_min(xs):
    return min(x * 2 for x in xs)


def t_max(xs):
    return max(x - 0.5 for x in xs)


def t_max_r(n):
    return max(i % 7 for i in range(n))


def t_ties(xs):
    return min(x for x in xs), max(x for x in xs)


def t_side(xs):
    return min(x for x in xs if log.append(x) is None)


def t_nested(m):
    return max(v for row in m for v in row)


def t_nan(xs):
    return min(x for x in xs), max(x for x in xs)


def t_empty_min(xs):
    return min(x for x in xs)


def t_empty_max(n):
    return max(i for i in range(n))


def main():
    print(t_min([3, 1, 2]), t_min([5]), t_max([1.5, 9.25, -2.0]))
    print(t_max_r(20), t_max_r(3))
    print(t_ties([1.0, -0.0, 0.0, -1.0]), t_ties([0.0, -0.0]), t_ties([-0.0, 0.0]))
    print(t_side([4, 2, 8]), log)
    print(t_nested([[1, 9], [3], [9, 2]]))
    nan = float("nan")
    print(t_nan([nan, 1.0, 2.0]), t_nan([1.0, nan, 0.5]))
    print(t_min([2 ** 62, 2 ** 70, -(2 ** 65)]))
    try:
        t_empty_max(0)
    except ValueError as e:
        print("caught", e)
    print(t_empty_min([1.5, -2.5]))
    print(t_empty_max(0))


main()
