# sum(<genexpr>) runs a consumer clone of the generator expression (src/infer/consume.c):
# CPython 3.11's sum semantics must be kept exactly in every case below.


def fsum_sq(xs):
    return sum(x * x for x in xs)


def isum(xs):
    return sum(x + 1 for x in xs)


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def cond(xs):
    return sum(x for x in xs if x > 0.0)


def big(n):
    return sum(k * 1000000007 * 1000000007 for k in range(n))


def mixed(xs):
    return sum(x for x in xs)


def start_float(xs):
    return sum((x for x in xs), 0.5)


def start_list(xs):
    try:
        return sum((x for x in xs), [])
    except TypeError as e:
        return "TypeError: " + str(e)


def raises(xs):
    try:
        return sum(1.0 / x for x in xs)
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


def mutated(a, b):
    # the list grows while zip walks it: zip re-reads the length
    def g():
        for x, y in zip(a, b):
            a.append(x)
            yield x * y
    return sum(x * y for x, y in zip(a, b)), len(a), sum(g()), len(a)


def stored(xs):
    g = (x * 2.0 for x in xs)
    first = next(g)
    return first, sum(g)


def nested(m):
    return [sum(x * 0.5 for x in row) for row in m]


def twice(xs):
    return sum(sum(x * y for y in xs) for x in xs)


def neg_zero(n):
    return sum(-0.0 for _ in range(n))


def main():
    fl = [0.5 * i for i in range(10)]
    print(fsum_sq(fl), type(fsum_sq(fl)).__name__)
    print(fsum_sq([]), type(fsum_sq([])).__name__)
    print(isum([1, 2, 3]), isum([]), type(isum([])).__name__)
    print(dot(fl, fl), dot(fl, [1.0, 2.0]), dot([], fl), type(dot([], fl)).__name__)
    print(cond([-1.0, 2.5, -3.0, 4.0]), cond([-1.0]), type(cond([-1.0])).__name__)
    print(big(50), big(0))
    print(mixed([1, 2.5, 3]), mixed([1, 2, 3]), mixed([True, 2]), mixed([2 ** 70, 1.0]))
    print(start_float([1.0, 2.0]), start_float([]), start_float([1, 2]))
    print(start_list([1.0]))
    print(start_list([[1], [2]]))
    print(raises([1.0, 2.0, 4.0]), raises([1.0, 0.0]))
    print(mutated([1.0, 2.0, 3.0], [1.0, 1.0]))
    print(stored([1.0, 2.0, 3.0]))
    print(nested([[1.0, 2.0], [], [3.0]]))
    print(twice([1.0, 2.0, 3.0]))
    print(neg_zero(3), neg_zero(0), sum([-0.0]), sum(-0.0 for _ in [1]))
    print(sum(x for x in [1.5, float("inf")]), sum(x for x in [float("inf"), -float("inf")]))
    print(sum(x * 1e308 for x in [1.0, 1.0]))


main()
