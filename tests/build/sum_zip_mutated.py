def grow(a, x):
    if len(a) < 6:
        a.append(x + 10.0)
    return x


def shrink(a, x):
    if a:
        a.pop()
    return x


def dot_grow(a, b):
    return sum(grow(a, x) * y for x, y in zip(a, b))


def dot_shrink(a, b):
    return sum(shrink(b, x) * y for x, y in zip(a, b))


def main():
    a = [1.0, 2.0]
    print(dot_grow(a, [1.0, 1.0, 1.0, 1.0, 1.0]), a)
    b = [1.0, 2.0, 3.0, 4.0]
    print(dot_shrink([1.0, 1.0, 1.0, 1.0], b), b)
    print(dot_grow([], [1.0]), dot_shrink([1.0], []))
    z = zip([1.0, 2.0], [3.0, 4.0])
    print(sum(x * y for x, y in z), list(z))
    z2 = zip([1.0, 2.0, 5.0], [3.0, 4.0, 6.0])
    print(next(z2), sum(x * y for x, y in z2))


main()
