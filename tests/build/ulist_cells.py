# Unboxed list storage of lists held in closure cells: generator expressions under sum/any/
# min/max and nested functions called directly read them through the cell; a closure that
# may run generically (stored, returned) keeps the list boxed.


def weights(n):
    w = [0.5] * n
    for i in range(n):
        w[i] = (i % 5) * 0.25
    total = sum(w[i] * i for i in range(n))
    big = max(w[i] for i in range(n))
    small = min(w[i] + 1.0 for i in range(n))
    return total, big, small


def flags(n):
    f = [False] * n
    for i in range(0, n, 4):
        f[i] = True
    count = sum(1 for i in range(n) if f[i])
    return count, any(f[i] for i in range(1, n, 4)), all(f[i] for i in range(0, n, 4))


def nested(n):
    v = [0] * n

    def fill(k):
        for i in range(k):
            v[i] = i % 3

    def total():
        t = 0
        for i in range(len(v)):
            t += v[i]
        return t

    fill(n)
    return total()


def returned_closure(n):
    v = [1.5] * n

    def get(i):
        return v[i]

    return get


def stored_closure(n):
    v = [True] * n
    fns = [lambda i: v[i]]
    v[0] = False
    return fns[0](0), fns[0](1)


def main():
    print(weights(13))
    print(flags(17))
    print(nested(10))
    g = returned_closure(4)
    print(g(2), g(-1))
    print(stored_closure(3))
    try:
        print(weights(0))
    except ValueError as e:
        print("ValueError:", e)


main()
