# Closure-cell reads loaded once per call (infer/cells.c): every case where a cell may be
# empty or change while a function runs must still read it where Python reads it.


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(vec):
    n = len(vec)
    return [sum(entry(i, j) * vec[j] for j in range(n)) for i in range(n)]


def times_transposed(vec):
    n = len(vec)
    return [sum(entry(j, i) * vec[j] for j in range(n)) for i in range(n)]


def int_rows(vec, big):
    n = len(vec)
    return [sum(i * big * vec[j] for j in range(n)) for i in range(n)]


def late_binding():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]


def writer_in_loop(n):
    acc = 0

    def add(v):
        nonlocal acc
        acc += v
        return acc

    return sum(add(j) + acc for j in range(n))


def writer_via_lambda(n):
    box = [0]
    k = 1

    def bump():
        nonlocal k
        k *= 3
        return k

    return sum(bump() - k + k * j for j in range(n))


def maybe_bound(n, flag):
    if flag:
        x = 2
    try:
        return sum(x * j for j in range(n))
    except NameError as e:
        return str(e)


def assigned_after():
    def f(n):
        return sum(y * j for j in range(n))

    try:
        early = f(3)
    except NameError as e:
        early = str(e)
    empty = f(0)
    y = 21
    return early, empty, f(3)


def deleted_after():
    x = 5

    def f(n):
        return sum(x + j for j in range(n))

    first = f(2)
    del x
    try:
        second = f(2)
    except NameError as e:
        second = str(e)
    return first, second, f(0)


def nonlocal_delete():
    z = 1

    def kill():
        nonlocal z
        del z

    def read(n):
        return sum(z + j for j in range(n))

    out = [read(3)]
    kill()
    try:
        out.append(read(3))
    except NameError as e:
        out.append(str(e))
    out.append(read(0))
    return out


def except_as_unbind():
    try:
        raise ValueError("v")
    except ValueError as e:
        f = lambda n: sum(len(str(e)) + j for j in range(n))
        inside = f(2)
    try:
        after = f(2)
    except NameError as err:
        after = str(err)
    return inside, after


def generator_rebind():
    v = 1
    g = (v * j for j in range(4))
    out = []
    for t in g:
        out.append(t)
        v += 10
    return out


def generator_function_rebind():
    c = 0

    def gen():
        for k in range(3):
            yield c + k

    it = gen()
    r = [next(it)]
    c = 100
    r.append(next(it))
    c = 2**64
    r.append(next(it))
    return r


def recursive_reader(n):
    base = 1

    def r(k):
        return base if k == 0 else base + r(k - 1)

    return sum(r(k) for k in range(n))


def overflow_sum(n):
    big = 2**62
    return sum(big + j for j in range(n))


def raise_midway(vec):
    n = len(vec)
    try:
        return [sum(vec[j] // (i - 2) for j in range(n)) for i in range(n)]
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


def main():
    u = [1.0] * 12
    for _ in range(3):
        v = times_transposed(times(u))
        u = times_transposed(times(v))
    print([round(x, 9) for x in u[:4]])
    print(int_rows([1, 2, 3, 2**40], 2**20))
    print(int_rows([3, -5, 2**62], 7))
    print(late_binding())
    print(writer_in_loop(5))
    print(writer_via_lambda(4))
    print(maybe_bound(4, True), maybe_bound(4, False), maybe_bound(0, False))
    print(assigned_after())
    print(deleted_after())
    print(nonlocal_delete())
    print(except_as_unbind())
    print(generator_rebind())
    print(generator_function_rebind())
    print(recursive_reader(6))
    try:
        print(recursive_reader(5000))
    except RecursionError:
        print("RecursionError")
    print(overflow_sum(5))
    print(raise_midway([4, 8, 12]))
    print(raise_midway([4, 8]))


main()
