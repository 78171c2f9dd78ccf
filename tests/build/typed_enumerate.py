# enumerate(list) in typed code: the inline step (enum.next/enum.item), in loops and
# comprehensions, with the list mutated while it is iterated.


def flagged(xs):
    return [n for n, flag in enumerate(xs) if flag]


def weighted(xs):
    total = 0
    for i, x in enumerate(xs):
        total += i * x
    return total


def grow(xs):
    out = []
    for i, x in enumerate(xs):
        if i < 5:
            xs.append(x + 10)
        out.append((i, x))
    return out


def shrink(xs):
    seen = []
    for i, x in enumerate(xs):
        seen.append(i * 100 + x)
        if xs:
            xs.pop()
    return seen


def early(xs):
    for i, x in enumerate(xs):
        if x > 2.5:
            return i
    else:
        return -1


def nested(m):
    s = 0
    for i, row in enumerate(m):
        for j, v in enumerate(row):
            s += (i + 1) * (j + 2) * v
    return s


def pairs_of_strs(words):
    return [(k, w.upper()) for k, w in enumerate(words) if k % 2 == 0]


def main():
    print(flagged([True, False, True, True, False]))
    print(flagged([]))
    print(weighted([3, 4, 5, 6]))
    print(grow([1, 2, 3]))
    print(shrink([1, 2, 3, 4, 5, 6, 7]))
    print(early([1.0, 2.0, 3.0]), early([0.5]), early([]))
    print(nested([[1, 2, 3], [4, 5], []]))
    print(pairs_of_strs(["a", "b", "c", "d", "e"]))
    big = [i % 7 == 0 for i in range(100)]
    print(sum(flagged(big)), len(flagged(big)))
    e = [x * 2 for x in range(4)]
    for i, x in enumerate(e):
        e[i] = x + i
    print(e)


main()
