# for v in range(a, b, c) in typed code with int bounds the plain counted loop does not take
# (start or step not proven small, a step that is not a constant): versioned loops, the counter
# when all three are small and the step positive, else the range iterator.


def span(a, b, c):
    out = []
    for v in range(a, b, c):
        out.append(v)
        if len(out) > 12:
            out.append("...")
            return out
    return out


def marks(n, k):
    flags = [0] * n
    i = k
    while i < n:
        for m in range(i * i, n, i):
            flags[m] += 1
        i += k
    return flags


def total(a, b, c):
    t = 0
    for v in range(a, b, c):
        t += v
    return t


def grow(xs, step):
    for i in range(0, len(xs), step):
        xs.append(xs[i] + 1)
        if len(xs) > 20:
            xs.pop(0)
    return xs


def bad(a, b, c):
    try:
        return span(a, b, c)
    except ValueError as e:
        return "ValueError: " + str(e)


def main():
    big = 2 ** 62
    cases = [(0, 10, 3), (10, 0, -3), (5, 5, 1), (-7, 3, 2), (3, -7, -2), (0, 10, 20),
             (big - 3, big + 3, 2), (big + 10, big, -4), (-big - 2, -big + 5, 3),
             (2 ** 63 - 2, 2 ** 63 + 2, 1), (-2 ** 64, -2 ** 64 + 3, 1), (0, 2 ** 70, 2 ** 68),
             (2 ** 70, 0, -2 ** 68), (1, 1000, 999), (1, 100, big), (7, 7, -1)]
    for a, b, c in cases:
        print(a, b, c, span(a, b, c))
    print(bad(1, 5, 0), bad(big, big + 1, 0))
    print(marks(40, 2))
    print(marks(30, 3))
    k = 2
    for _ in range(3):
        k = k * k
    print(total(k, k * 10, k - 3), total(-k, k, 7), total(10, -10, -k), total(0, 5, 1))
    print(grow([1, 2, 3], 2))


main()
