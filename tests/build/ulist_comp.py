# Unboxed list storage of comprehension results: the comprehension's empty list is filled by
# appends at the item width (growing a pointer-free array), then used typed by its caller.


def norm2(v):
    s = 0.0
    for i in range(len(v)):
        s += v[i] * v[i]
    return s


def floats(n):
    v = [(i % 7) * 0.5 for i in range(n)]
    w = [v[i] + 1.0 for i in range(len(v)) if i % 2 == 0]
    return norm2(v), norm2(w), len(w), w[-1], v[n // 2]


def bools(n):
    odd = [i % 2 == 1 for i in range(n)]
    c = 0
    for i, b in enumerate(odd):
        if b and i % 3 == 0:
            c += 1
    return c, odd[0], odd[-1], len(odd)


def small_ints(n):
    d = [i % 10 for i in range(n)]
    t = 0
    for i in range(len(d)):
        t += d[i]
    d[0] = 9
    return t, d[0], d[-1]


def empty():
    e = [0.0 for i in range(0)]
    try:
        return e[0]
    except IndexError as exc:
        return "IndexError: " + str(exc), len(e)


def shown(n):
    v = [i * 0.25 for i in range(n)]
    print(v)
    return v[1]


def main():
    print(floats(10))
    print(floats(100000))
    print(bools(9))
    print(bools(54321))
    print(small_ints(1000))
    print(empty())
    print(shown(4))


main()
