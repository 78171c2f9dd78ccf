# Typed list code against CPython: list(x) copies, list[bool] sites with ints stored into
# them, lists resized inside index and enumerate loops (directly and through an alias or an
# attribute), IndexError messages of loads and stores.


class Box:
    def __init__(self, items):
        self.items = items


def copies(a):
    b = list(a)
    b[0] = 99
    b.append(7)
    return a, b, list(b) == b, list(b) is b


def flags(n):
    f = [True] * n
    f[0] = False
    f[2] = 1          # an int stored into what was a list of bools
    f[3] = 0
    out = []
    for i in range(n):
        if f[i]:
            out.append(i)
    return f, out, [x is True for x in f], sum(f)


def grow_in_index_loop(a):
    i = 0
    while i < len(a):
        if a[i] % 3 == 0 and len(a) < 12:
            a.append(a[i] + 1)
        i += 1
    return a


def shrink_in_range_loop(a):
    out = []
    try:
        for i in range(len(a)):
            out.append(a[i])
            if a[i] == 2:
                a.pop()
    except IndexError as e:
        out.append(str(e))
    return out, a


def alias_in_enumerate(a):
    b = a
    seen = []
    for i, x in enumerate(a):
        seen.append((i, x))
        if i == 1:
            b.append(100)
        if i == 3:
            b.pop(0)
    return seen, a


def attr_in_loop(box):
    total = 0
    for i in range(len(box.items)):
        try:
            total += box.items[i]
        except IndexError as e:
            total += 1000
            print("attr:", e)
        if i == 0:
            box.items.clear()
    return total


def sieve_like(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for m in range(i * i, n + 1, i):
                is_p[m] = False
        i += 1
    return [k for k, f in enumerate(is_p) if f]


def errors(a, i):
    msgs = []
    for f in range(4):
        try:
            if f == 0:
                msgs.append(a[i])
            elif f == 1:
                a[i] = 5
                msgs.append(a[i])
            elif f == 2:
                msgs.append(a[-i - 1])
            else:
                a[-i - 1] = 6
        except IndexError as e:
            msgs.append(str(e))
    return msgs


def main():
    print(copies([1, 2, 3]))
    print(copies([4.5]))
    print(flags(6))
    print(grow_in_index_loop([3, 1, 6, 2]))
    print(shrink_in_range_loop([1, 2, 3, 4]))
    print(alias_in_enumerate([5, 6, 7, 8, 9]))
    print(attr_in_loop(Box([4, 5, 6])))
    print(sieve_like(50), len(sieve_like(1000)))
    for i in (-5, -4, -1, 0, 2, 3, 4, 7):
        print(i, errors([1, 2, 3, 4], i))
    big = [1, 2]
    try:
        big[2 ** 70] = 1
    except IndexError as e:
        print(e)
    a = [1, 2, 3]
    a[1] = a[-1]
    print(a[-3], a)
    print(errors([], 0))
    a = [0, 1, 2]
    a[5]


main()
