# `for x in lst` over an exact list is a counted loop (specialize.c find_list_loop): the
# length is re-read every step, as list_iterator does.

class P:
    def __init__(self, v):
        self.v = v


def total(xs):
    t = 0.0
    for x in xs:
        t += x
    return t


def grow(xs):
    n = 0
    for x in xs:          # appending while iterating: the new items are visited
        n += 1
        if x < 5:
            xs.append(x + 3)
    return n, xs


def shrink(xs):
    seen = []
    for x in xs:          # popping while iterating: the loop ends early
        seen.append(x)
        xs.pop()
    return seen


def last(xs):
    x = -1
    for x in xs:
        pass
    return x


def find(xs, want):
    for i in xs:
        if i == want:
            break
        if i % 2:
            continue
    else:
        return "not found"
    return i


def nested(ps):
    s = 0
    for p in ps:
        for q in ps:
            s += p.v * q.v
    return s


def rebind(xs):
    out = []
    for x in xs:
        xs = [100]         # the loop keeps iterating the first list
        out.append(x)
    return out, xs


def boom(xs):
    for x in xs:
        y = 10 // x
    return y


def slices(xs):
    r = []
    for a in xs[1:]:
        for b in xs[:a]:
            r.append((a, b))
    return r


def pairs_of(ps):
    pairs = [(a, b) for i, a in enumerate(ps) for b in ps[i + 1:]]
    acc = 0
    for a, b in pairs:
        acc += a.v - b.v
        a.v += 1
    return acc, [p.v for p in ps]


def main():
    print(total([1.5, 2.25, -0.75]), total([]))
    print(grow([1, 2, 9]))
    print(shrink([1, 2, 3, 4, 5]))
    print(last([]), last([4, 5, 6]))
    print(find([2, 4, 7, 8], 7), find([1, 3], 4), find([], 0))
    ps = [P(1), P(2), P(3)]
    print(nested(ps), nested([]))
    print(rebind([1, 2, 3]))
    print(slices([1, 2, 3, 4]))
    print(pairs_of([P(5), P(7), P(11), P(2)]))
    big = [2 ** 63, -2 ** 64, 3]
    s = 0
    for b in big:
        s += b
    print(s)
    try:
        boom([5, 2, 0, 1])
    except ZeroDivisionError as e:
        print("caught", e)
    print(boom([1, 3]))
    boom([3, 0])


main()
