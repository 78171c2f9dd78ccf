# Which lists of numbers get unboxed storage (explain's "list storage" section).


def smooth(n):
    xs = [0.0] * n                       # floats, only indexed: unboxed doubles
    for i in range(n):
        xs[i] = i * 0.5
    ys = [xs[i] * 2.0 for i in range(n)]  # a comprehension of floats: unboxed
    total = 0.0
    for i in range(n):
        total += ys[i]
    return total


def flags(n):
    seen = [False] * n                   # bools: one byte each
    for i in range(0, n, 3):
        seen[i] = True
    return len([1 for i in range(n) if seen[i]])


def shown(n):
    vals = [1.5] * n                     # printed: the runtime reads its items, so boxed
    print(vals)


def big(n):
    acc = [n * n * n for _ in range(3)]  # ints not proven small: boxed
    return acc[0] + acc[2]


print(smooth(10))
print(flags(10))
shown(3)
print(big(10 ** 7))
