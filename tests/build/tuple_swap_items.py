# `a, b = c, d` in typed code reads the display's items without making the pair: order of
# evaluation (all right-hand sides first), targets assigned left to right, swaps through
# subscripts that alias, and an exception raised between the two stores.
class Log:
    def __init__(self):
        self.items = []

    def __setitem__(self, k, v):
        self.items.append((k, v))

    def __getitem__(self, k):
        return k * 10


def heap_swaps(n):
    perm = list(range(n))
    out = []
    for i in range(1, n):
        if i % 2 == 0:
            perm[0], perm[i] = perm[i], perm[0]
        else:
            k = i // 2
            perm[k], perm[i] = perm[i], perm[k]
        out.append(perm[0] * 100 + perm[i])
    return perm, out


def alias(xs):
    i = 0
    xs[i], i = 9, 2               # the first store uses the old i
    i, xs[i] = 1, 7               # the second uses the new one
    return xs, i


def rotate(a, b, c):
    a, b, c = b, c, a
    return a * 100 + b * 10 + c


def big(x):
    a, b = x * 2**64, x
    a, b = b, a
    return a, b


def halfway(xs, j):
    try:
        xs[0], xs[j] = xs[j], -1
    except IndexError as e:
        return "IndexError: " + str(e) + " " + str(xs)
    return str(xs)


def main():
    print(heap_swaps(6))
    print(alias([0, 0, 0]))
    print(rotate(1, 2, 3))
    print(big(3))
    print(halfway([1, 2, 3], 2))
    print(halfway([1, 2, 3], 5))
    lg = Log()
    lg[1], lg[2] = lg[3], lg[4]
    print(lg.items)


main()
