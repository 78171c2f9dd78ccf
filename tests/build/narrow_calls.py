# Narrow clones: a short arithmetic function called with small ints that may exceed 2**30
# runs a clone without overflow checks when the arguments are inside the bound, else the
# checked one; results must be CPython's on both sides of the bound and past 2**63.
import sys

MASK = (1 << 61) - 1


def tri(i, j):
    s = i + j
    return s * (s + 1) // 2 + i + 1


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def mixed(a, b, scale, flag):
    t = a * b - a
    if flag:
        return t * scale
    return t + scale


def diff(a, b):
    return (a - b) * (a - b)


def inv(a, b):
    return 1 / (a - b)


def deep(n, k):
    return tri(k, k) if n == 0 else deep(n - 1, k) + 0


def main():
    vals = [0, 1, 7, (1 << 30) - 2, (1 << 30) - 1, 1 << 30, (1 << 30) + 1, (1 << 31) + 5,
            (1 << 40) + 3, (1 << 61) - 1, 3 << 59]
    for v in vals:
        k = v & MASK                       # int[0, 2**61 - 1]: a small int, maybe huge
        print(v, tri(k, k), tri(k, 1), tri(0, k))
        print(entry(k, 3), entry(2, k))
        print(mixed(k, k, 2.5, True), mixed(k, 3, 1.5, False), mixed(k, k, 3, 1))
        m = k - (1 << 60)                  # negative too
        print(diff(m, k), diff(k, m), diff(m, m))
    # list indexes, as spectral_norm's
    lst = [1.0] * 50
    n = len(lst)
    print(sum(entry(i, j) * lst[j] for i in range(n) for j in range(n)))
    print(sum(tri(i, j) for i in range(n) for j in range(n)))
    # an exception raised part-way through a loop of narrow calls
    acc = 0.0
    try:
        for i in range(n):
            acc += inv(i & MASK, 10)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, acc)
    try:
        print(inv((1 << 45) & MASK, (1 << 45) & MASK))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    # the recursion limit reached inside the narrow clone's call
    sys.setrecursionlimit(200)
    for depth in (50, 1000):
        try:
            print(depth, deep(depth, depth & MASK))
        except RecursionError as e:
            print(depth, "RecursionError:", e)


main()
