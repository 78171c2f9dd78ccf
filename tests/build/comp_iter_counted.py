# Comprehensions called with iter(zip(a, b)), iter(range(...)) or iter(list) made for the
# call: the clone takes the lists or bounds and counts (lengths re-read every step: lists
# mutated by the body), empty and unequal inputs, big bounds, non-builtin zip/range,
# iterators that are not lists, set/dict comprehensions, closures, exceptions.


def products(a, b):
    return [x * y for x, y in zip(a, b)]


def squares(n, k):
    return [i * i + k for i in range(n)], {i % 3 for i in range(2, n, 2)}


def scaled(a, f):
    return [x * f for x in a if x > 0], {x: x * f for x in a}


def grow(a):
    return [a.append(x) or x for x in a if len(a) < 6]


def shrink(a, b):
    return [(x, b.pop()) for x, y in zip(a, b)]


def nested(n):
    return [[i * j for j in range(i)] for i in range(n)]


def mine(a, b):
    return list(zip(b, a))


def from_fn(a, b):
    return [x - y for x, y in mine(a, b)]


def from_iter(a):
    it = iter(a)
    next(it)
    return [x for x in it]


def inv(a):
    return [1.0 / x for x in a]


def main():
    print(products([1.0, 2.0, 3.0], [4.0, 5.0]), products([], [1.0]))
    print(squares(5, 1), squares(0, 3), squares(-3, 0))
    print(scaled([1.5, -2.0, 3.0], 2.0), scaled([], 1.0))
    print(grow([1, 2, 3]))
    print(shrink([1, 2, 3, 4], [5, 6, 7, 8, 9]))
    print(nested(4))
    print(from_fn([1, 2], [10, 20, 30]), from_iter([7, 8, 9]))
    big = 2 ** 62
    print([i - big for i in range(big - 2, big + 1)])
    print(len([0 for i in range(2 ** 70, 2 ** 70 + 3)]))
    print(inv([2.0, 4.0]))
    print(inv([2.0, 0.0]))


main()
