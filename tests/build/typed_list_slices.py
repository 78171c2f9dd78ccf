# Slices of typed lists (list.slice / list.setslice: no slice object): every sign, step and
# clamping case against python3, slice stores that grow, shrink or alias, and the errors.


def cut(xs, a, b, c):
    return xs[a:b:c]


def cut2(xs, a, b):
    return xs[a:b]


def head(xs, k):
    return xs[:k]


def back_from(xs, k):
    return xs[k - 1::-1]


def store(xs, a, b, c, v):
    xs[a:b:c] = v
    return xs


def flips(perm):
    deck = list(perm)
    count = 0
    first = deck[0]
    while first != 1:
        deck[:first] = deck[first - 1::-1]
        count += 1
        first = deck[0]
    return count, deck


def main():
    base = [0, 1, 2, 3, 4, 5, 6]
    bounds = [None, -10, -8, -7, -3, -1, 0, 1, 3, 6, 7, 8, 12, 2 ** 62, -2 ** 63 - 5, 2 ** 70]
    steps = [None, 1, 2, 3, -1, -2, -3, 7, -8, 2 ** 63, -2 ** 63 - 1]
    lines = 0
    digest = 0
    for a in bounds:
        for b in bounds:
            for c in steps:
                r = cut(base, a, b, c)
                digest = (digest * 31 + len(r) * 7 + sum(r)) % 1000000007
                lines += 1
            r2 = cut2(base, a, b)
            digest = (digest * 17 + len(r2) + sum(r2)) % 1000000007
    print(lines, digest)
    print(cut(base, None, None, -1), cut(base, 5, 1, -2), cut(base, -2, None, None))
    print(cut2([], 0, 5), cut2(base, 3, 3), cut2(base, 5, 2), cut2(base, True, False))
    print([head(base, k) for k in range(-2, 9, 3)])
    print([back_from(base, k) for k in range(0, 9, 2)])
    for c in [0]:
        try:
            cut(base, 1, 2, c)
        except ValueError as e:
            print("ValueError:", e)
    for bad in [1.5, "x", [1]]:
        try:
            cut(base, bad, None, None)
        except TypeError as e:
            print("TypeError:", e)
    print(store(list(base), 1, 3, None, [9, 9, 9, 9]))
    print(store(list(base), 1, 5, None, []))
    print(store(list(base), 5, 1, None, [8]))
    print(store(list(base), -3, None, None, (7, 7)))
    print(store(list(base), None, None, 2, [-1, -2, -3, -4]))
    print(store(list(base), None, None, -3, "abc"))
    print(store(list(base), 10, 20, None, range(3)))
    try:
        store(list(base), None, None, 2, [1, 2])
    except ValueError as e:
        print("ValueError:", e)
    try:
        store(list(base), 1, 2, None, 5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        store(list(base), 1, 2, 0, [1])
    except ValueError as e:
        print("ValueError:", e)
    xs = [1, 2, 3, 4]
    xs[1:3] = xs
    print(xs)
    ys = [1, 2, 3, 4, 5]
    ys[::-1] = ys
    print(ys)
    print(flips([3, 1, 2]), flips([4, 3, 2, 1, 5]), flips([1, 2]), flips([6, 2, 5, 1, 4, 3]))


main()
