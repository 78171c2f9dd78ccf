# x[i] / x[i] = v on typed lists with int indexes of every size: small and big, negative,
# out of range (CPython's IndexError messages), lists resized or aliased inside index loops.


def get(xs, i):
    return xs[i]


def put(xs, i, v):
    xs[i] = v
    return xs


def grow_index(n):
    xs = [0] * 3
    i = 1
    while i < n:
        i = i * 2
    return i, xs


def try_get(xs, i):
    try:
        return get(xs, i)
    except IndexError as e:
        return "IndexError: " + str(e)


def try_put(xs, i):
    try:
        put(xs, i, 99)
        return xs
    except IndexError as e:
        return "IndexError: " + str(e)


def walk_growing(xs):
    out = []
    i = 0
    while i < len(xs):
        if xs[i] % 3 == 0:
            xs.append(xs[i] + 1)
        out.append(xs[i])
        i += 1
    return out


def walk_shrinking(xs):
    out = []
    for i in range(len(xs)):
        try:
            out.append(xs[i])
        except IndexError as e:
            out.append(str(e))
        if i % 2 == 0:
            xs.pop()
    return out


def alias_store(xs):
    ys = xs
    for i in range(len(xs)):
        ys[i] = xs[i] * 10
        if i == 1:
            ys.clear()
            ys.extend([7, 8, 9, 10])
    return xs


def sieve_like(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for m in range(i * i, limit + 1, i):
                flags[m] = False
        i += 1
    return [n for n, f in enumerate(flags) if f]


def main():
    xs = [10, 20, 30, 40]
    big = 2 ** 70
    for i in [0, 3, -1, -4, 4, -5, 2 ** 62 - 1, 2 ** 62, -2 ** 62, -2 ** 62 - 1, 2 ** 63 - 1,
              2 ** 63, -2 ** 63, -2 ** 63 - 1, big, -big]:
        print(i, try_get(xs, i), try_put(list(xs), i))
    i, ys = grow_index(2 ** 65)
    print(i, try_get(ys, i - 2 ** 66 + 1), try_get(ys, i // 2 ** 65))
    print(try_get(ys, True), try_put(ys, False))
    print(walk_growing([1, 3, 5, 6, 9]))
    print(walk_shrinking([1, 2, 3, 4, 5, 6, 7]))
    print(alias_store([1, 2, 3, 4]))
    print(sieve_like(50), sieve_like(1), sieve_like(2))
    zs = [1.5, 2.5]
    k = 2 ** 62
    k = k - 2 ** 62 - 2
    print(zs[k], zs[k + 1])
    zs[k] = -1.0
    print(zs)
    put(zs, 2 ** 62 + 5, 0.0)


main()
