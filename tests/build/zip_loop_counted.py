# `for x, y in zip(a, b)` over two exact lists is a counted loop: lengths re-read every step
# (lists mutated in the loop), the shorter list ends it, break/else, exceptions raised in the
# body with their tracebacks, nested loops, zips of other iterables left to the runtime.


def dot(a, b):
    t = 0.0
    for x, y in zip(a, b):
        t += x * y
    return t


def pairs(a, b):
    out = []
    for x, y in zip(a, b):
        out.append((x, y))
    return out


def grow(a, b):
    n = 0
    for x, y in zip(a, b):
        if len(a) < 8:
            a.append(x + y)
        n += 1
    return n, a


def shrink(a, b):
    seen = []
    for x, y in zip(a, b):
        seen.append(x)
        if b:
            b.pop()
    return seen, b


def find(a, b, k):
    for x, y in zip(a, b):
        if x + y == k:
            print("found", x, y)
            break
    else:
        print("not found", k)
    return x


def nested(a, b):
    s = 0
    for x, y in zip(a, b):
        for p, q in zip(b, a):
            s += x * q - y * p
    return s


def bigints(a, b):
    t = 0
    for x, y in zip(a, b):
        t += x * y
    return t


def divide(a, b):
    r = []
    for x, y in zip(a, b):
        r.append(x // y)
    return r


def others(t, s):
    out = []
    for x, y in zip(t, s):
        out.append(x * 2 + y)
    return out


def main():
    print(dot([1.0, 2.0, 3.0], [4.0, 5.0]), dot([], [1.0]), dot([1.0], []))
    print(pairs([1, 2, 3], ["a", "b", "c", "d"]), pairs([], []))
    print(grow([1, 2], [10, 20, 30, 40, 50]))
    print(shrink([1, 2, 3, 4, 5], [9, 9, 9, 9, 9]))
    print(find([1, 2, 3], [3, 2, 1], 4), find([1, 2], [5, 6], 100))
    print(nested([1, 2, 3], [4, 5]))
    print(bigints([2 ** 62, 3, -(2 ** 63)], [4, 2 ** 64, 1, 7]))
    print(others((1, 2, 3), "ab") if False else others((1, 2, 3), [10, 20]))
    try:
        find([], [], 1)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    print(divide([7, 8, 9], [2, 3]))
    print(divide([7, 8, 9], [2, 0, 1]))


main()
