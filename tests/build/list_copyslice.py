# x[a:b:c] = y[d:e:f] of lists (the typed tier's list.copyslice: no intermediate list):
# every sign, step and clamping case against CPython, the source being the target itself or
# another list, and the target's errors (step zero, extended-slice size mismatch).


def same_m1(a, i, j, s, p, q):
    a[i:j:s] = a[p:q:-1]


def same_p1(a, i, j, s, p, q):
    a[i:j:s] = a[p:q]


def same_m2(a, i, j, s, p, q):
    a[i:j:s] = a[p:q:-2]


def same_p3(a, i, j, s, p, q):
    a[i:j:s] = a[p:q:3]


def other_m1(a, b, i, j, s, p, q):
    a[i:j:s] = b[p:q:-1]


def other_p2(a, b, i, j, s, p, q):
    a[i:j:s] = b[p:q:2]


def head_rev(a, k):
    a[:k + 1] = a[k::-1]


def prefix_rev(a, k, m):
    a[:k] = a[m::-1]


def whole(a, b):
    a[:] = b[:]
    return a


def run(k, n, i, j, s, p, q):
    a = list(range(n))
    try:
        if k == 0:
            same_m1(a, i, j, s, p, q)
        elif k == 1:
            same_p1(a, i, j, s, p, q)
        elif k == 2:
            same_m2(a, i, j, s, p, q)
        else:
            same_p3(a, i, j, s, p, q)
        return a
    except ValueError as e:
        return str(e)


def run2(k, n, m, i, j, s, p, q):
    a = list(range(n))
    b = [x * 10 for x in range(m)]
    try:
        if k == 0:
            other_m1(a, b, i, j, s, p, q)
        else:
            other_p2(a, b, i, j, s, p, q)
        return a
    except ValueError as e:
        return str(e)


def digest(acc, r):
    """a running checksum of a result list or an error message"""
    if isinstance(r, str):
        return (acc * 31 + len(r) * 1009 + ord(r[-1])) % 1000000007
    h = len(r)
    for x in r:
        h = (h * 131 + x + 7) % 1000000007
    return (acc * 31 + h) % 1000000007


def main():
    vals = [-9, -5, -1, 0, 1, 2, 4, 7, 12]
    steps = [-2, -1, 1, 2]
    total = 0
    for k in range(4):
        acc = 0
        errors = 0
        for n in [0, 1, 6]:
            for i in vals[::2]:
                for j in vals[1::2]:
                    for s in steps:
                        for p in vals[::3]:
                            for q in vals[1::3]:
                                r = run(k, n, i, j, s, p, q)
                                total += 1
                                acc = digest(acc, r)
                                if isinstance(r, str):
                                    errors += 1
                                    if errors % 40 == 1:
                                        print(k, n, i, j, s, p, q, r)
                                elif n == 6 and i == -1 and p == 7 and q == -5:
                                    print(k, n, i, j, s, p, q, r)
        print("same", k, acc, errors)
    for k in range(2):
        acc = 0
        for nm in [0, 1, 2]:
            n = [0, 5, 5][nm]
            m = [3, 0, 8][nm]
            for i in vals[::2]:
                for j in vals[1::2]:
                    for s in [-1, 1, 3]:
                        for p in vals[::2]:
                            for q in vals[1::4]:
                                r = run2(k, n, m, i, j, s, p, q)
                                total += 1
                                acc = digest(acc, r)
                                if n == 5 and m == 8 and i == 1 and j == 12 and s == 1 and q == 7:
                                    print(k, p, r)
        print("other", k, acc)
    print(total)

    a = list(range(5))
    try:
        same_p1(a, 0, 5, 0, 1, 3)
    except ValueError as e:
        print("step zero:", e, a)
    for k in range(-3, 9):
        a = [5, 3, 9, 1, 7, 2]
        head_rev(a, k)
        print(k, a)
    print(whole([1, 2, 3], [True, False]))
    print(whole([1, 2, 3], []))
    big = list(range(100))
    head_rev(big, 80)
    print(big[:5], big[78:83], len(big))
    acc = 0
    for n in [0, 1, 2, 7]:
        for k in range(-9, 10):
            for m in range(-9, 10):
                a = [x * 3 + 1 for x in range(n)]
                prefix_rev(a, k, m)
                acc = digest(acc, a)
                if n == 7 and m == k - 1 and k % 3 == 0:
                    print(k, m, a)
    print("prefix", acc)
    big = [10 ** 20, -1, 2.5, "s", None]
    prefix_rev(big, 4, 3)
    print(big)
    prefix_rev(big, 2 ** 70, 2 ** 65)
    print(big)


main()
