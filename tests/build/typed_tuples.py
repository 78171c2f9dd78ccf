# Tuples with item types (typed tier): displays, unpacking, constant indexes, joins.  The
# adversarial cases: a tuple whose item is later a subclass instance or None, tuples of
# different lengths joined, deep nesting, lists inside tuples mutated afterwards.
class P:
    def __init__(self, x):
        self.x = x


class Q(P):
    def __init__(self, x):
        self.x = x * 2

    def twice(self):
        return self.x * 2


def make(flag):
    if flag == 0:
        return (P(1.0), P(2.0))
    if flag == 1:
        return (P(1.0), Q(2.0))
    return (P(1.0), None)


def use(pairs):
    t = 0.0
    for a, b in pairs:
        t += a.x
        if b is not None:
            t += b.x
            if isinstance(b, Q):
                t += b.twice()
    return t


def lengths(flag):
    t = (1, 2) if flag else (1, 2, 3)
    try:
        a, b = t
        return a + b
    except ValueError as e:
        return str(e)


def index(t):
    return t[0] + 1, t[1] * 2, t[2] + "x", t[3].x, t[-1].x, t[-4]


def main():
    pairs = [make(0), make(1), make(2)]
    print(use(pairs))
    print(use([(P(0.5), P(0.25))]))
    t = (1, 2.5, "s", P(3.0))
    print(index(t))
    try:
        print(t[4])
    except IndexError as e:
        print("IndexError", e)
    try:
        a, b = t
    except ValueError as e:
        print("ValueError", e)
    print(lengths(True), lengths(False))
    acc = (0, 0.0)
    for i in range(5):
        acc = (acc[0] + i, acc[1] + i * 0.5)
    print(acc)
    n = (1,)
    for i in range(6):
        n = (n, i)
    print(n)
    big = (1,)
    for i in range(70):
        big = (big[0] * 3, i)
    print(big)
    l = [1, 2]
    tl = (l, 3)
    tl[0].append("str")
    x, y = tl
    print(x, y, l, x[2] + "!")
    mixed = [(1, 2), (1.5, "a"), (None,)]
    for m in mixed:
        print(m, m[0])
    f = (make, P, len)
    g, cls, ln = f
    print(use([g(0)]), cls(4.0).x, ln(f))
    e = ()
    print(e, len(e))


main()
