# [x] * n and n * list in typed code (list.repeat): counts negative, zero, bool, big; the
# errors CPython raises for huge counts; repetition shares the items.


def rep(xs, n):
    return xs * n


def rep_left(n, xs):
    return n * xs


def flags(limit):
    f = [True] * (limit + 1)
    if f:
        f[0] = False
    return f


def grid(n):
    row = [0.0] * n
    g = [row] * 2
    g[0][0] = 1.5
    return g


def main():
    for n in [-3, -1, 0, 1, 2, 5]:
        print(n, rep([1, 2], n), rep_left(n, [7]), rep([], n), flags(n)[:4])
    print(rep([3, 4], True), rep([3, 4], False), rep_left(True, [5]))
    print(len(rep([None], 100000)), len(rep([1, 2, 3], 33333)))
    print(grid(3))
    for n in [2 ** 62, 2 ** 63, 2 ** 100, -2 ** 100]:
        try:
            print(len(rep([1, 2], n)))
        except (MemoryError, OverflowError) as e:
            print(type(e).__name__, e)
    try:
        flags(2 ** 64)
    except OverflowError as e:
        print("OverflowError", e)


main()
