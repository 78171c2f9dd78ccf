# Loops over enumerate(L) of an exact list, consumed right where they are made (comprehensions
# and for loops): counted loops in the typed tier.  The list's length is re-read every step,
# items are read when reached, and every other shape keeps the enumerate object.


def flags(n):
    b = [True] * n
    b[0] = False
    for k in range(3, n, 3):
        b[k] = False
    return [i for i, f in enumerate(b) if f]


def ints(n):
    a = [0] * n
    for k in range(n):
        a[k] = k * k - 7
    return [i * v for i, v in enumerate(a) if v % 2]


def floats(n):
    a = [0.5] * n
    for k in range(n):
        a[k] = k / 3
    return [round(i + x, 6) for i, x in enumerate(a)]


def objects():
    words = ["a", "bb", "ccc", None, (1, 2)]
    return [(i, w) for i, w in enumerate(words)]


def appended():
    L = [1, 2, 3]
    # every item seen appends one more while i < 5: the loop runs past the first length
    return [L.append(i) or (i, x) for i, x in enumerate(L) if i < 5 or x is None]


def popped():
    L = list(range(10))
    return [(i, x, L.pop()) for i, x in enumerate(L)]


def assigned():
    L = [0] * 6
    out = [L.__setitem__(i + 1, x + i) or x for i, x in enumerate(L) if i + 1 < len(L)]
    return out, L


def cleared():
    L = [5, 6, 7, 8]
    return [L.clear() or (i, x) for i, x in enumerate(L)]


def nested(m):
    return [[(i, j, v) for j, v in enumerate(row)] for i, row in enumerate(m)]


def sets_dicts(L):
    return sorted({i % 3 for i, x in enumerate(L)}), {x: i for i, x in enumerate(L)}


def raising(L):
    try:
        return [10 // x for i, x in enumerate(L)]
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


def big_index():
    L = [2**63, -(2**64), 2**62 - 1]
    return [(i, x + i, x * x) for i, x in enumerate(L)]


def starts(L):
    out = []
    for st in (0, 1, -3, -(2**62), 2**62, 2**63 + 5, -(2**70)):
        out.append([(i, x) for i, x in enumerate(L, st)])
    out.append([i for i, x in enumerate(L, start=7)])
    out.append([i for i, x in enumerate(L, True)])
    try:
        print([i for i, x in enumerate(L, 1.5)])
    except TypeError as e:
        out.append("TypeError: " + str(e))
    return out


def shadowed(L):
    def enumerate(x):
        return zip(x, reversed(x))

    return [(a, b) for a, b in enumerate(L)]


def kept(L):
    e = enumerate(L)
    first = next(e)
    rest = [(i, x) for i, x in e]
    return first, rest, list(e)


def generator(L):
    g = ((i, x) for i, x in enumerate(L))
    return sum(i for i, x in enumerate(L)), list(g), sum(x for i, x in enumerate(L) if i)


def consumers(L):
    a = sum(i * v for i, v in enumerate(L))
    b = any(v > 2 and i > 0 for i, v in enumerate(L))
    c = all(i < 10 for i, v in enumerate(L))
    d = max(i - v for i, v in enumerate(L))
    e = sum(v for i, v in enumerate([0.5] * 4))
    try:
        f = sum(1 // (v - 3) for i, v in enumerate(L))
    except ZeroDivisionError as ex:
        f = str(ex)
    return a, b, c, d, e, f


def passed_in(enumerate, L):
    return sum(i for i, v in enumerate(L)), [(i, v) for i, v in enumerate(L)]


def reversed_enum(x):
    return zip(range(len(x)), x[::-1])


def loops(L):
    total = 0
    seen = []
    for i, x in enumerate(L):
        if i < 3:
            L.append(x * 10)
        total += i * x
        seen.append((i, x))
    for i, x in enumerate(L):
        if len(L) > 4:
            L.pop()
        seen.append((i, x))
    for i, x in enumerate(L):
        for j, y in enumerate(L):
            total += i * j - x * y
    return total, seen, L


def loop_starts(L, st):
    out = []
    for i, x in enumerate(L, st):
        out.append((i, x))
        if i == st + 1:
            L.append(x)
    total = 0
    for i, x in enumerate(L, 2305843009213693952):
        total += i
    for i, x in enumerate(L, -2305843009213693952):
        total += i
    for i, x in enumerate(L, 2305843009213693953):
        total -= i
    for i, x in enumerate(L, -4611686018427387904):
        total -= i
    for i, x in enumerate(L, 4611686018427387903):
        total += i
    return out, total


def loop_start_small(L, st):
    out = []
    for i, x in enumerate(L, st):
        if i == st:
            L.pop()
        out.append((i, x))
    return out


def loop_raises(L):
    out = []
    try:
        for i, x in enumerate(L):
            out.append(i / x)
    except ZeroDivisionError as e:
        out.append(str(e))
    return out


def loop_break(L):
    for i, x in enumerate(L):
        if x > 2:
            break
    else:
        return "none"
    return i, x


def bool_loop(n):
    b = [False] * n
    for k in range(0, n, 4):
        b[k] = True
    c = 0
    for i, f in enumerate(b):
        if f:
            c += i
    return c


def float_loop(n):
    a = [1.0] * n
    s = 0.0
    for i, x in enumerate(a):
        s += x * i
        if i == 2:
            a.append(0.25)
    return s, len(a)


def main():
    print(flags(30))
    print(ints(12))
    print(floats(7))
    print(objects())
    print(appended())
    print(popped())
    print(assigned())
    print(cleared())
    print(nested([[1, 2], [], [3]]))
    print(sets_dicts(["x", "y", "z", "x"]))
    print(raising([1, 2, 0, 4]))
    print(raising([1, 2, 5]))
    print(big_index())
    for row in starts([10, 20]):
        print(row)
    print(starts([]))
    print(shadowed([1, 2, 3]))
    print(kept([4, 5, 6]))
    print(generator([3, 4, 5]))
    print(consumers([1, 2, 3, 4]))
    print(passed_in(enumerate, [7, 8, 9]))
    print(passed_in(reversed_enum, [7, 8, 9]))
    print(loops([1, 2, 3]))
    print(loop_starts([1, 2, 3], 4), loop_starts([1.5], -7), loop_starts([], 0))
    print(loop_starts([True, None], 2**62), loop_starts(["a", "b"], -(2**62) - 1))
    print(loop_start_small([5, 6, 7], 3), loop_start_small([5.5, 6.5], -3))
    print(loop_raises([4, 2, 0, 1]))
    print(loop_break([1, 2, 3, 4]), loop_break([1]))
    print(bool_loop(23))
    print(float_loop(5))
    print([i for i, x in enumerate([])], [i for i, x in enumerate([[]])])


main()
