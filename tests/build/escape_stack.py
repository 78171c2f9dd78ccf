# Instances that never leave their frame are allocated in it (src/infer/escape.c); those that
# escape in any way stay on the heap.  Values must survive loops, recursion and collections.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def same(self, other):
        return self is other


class Box:
    def __init__(self, items):
        self.items = items


class Bad(Exception):
    pass


kept = []
glob = None


def dist2(a, b):
    dx = a.x - b.x
    dy = a.y - b.y
    return dx * dx + dy * dy


def loop_local(n):
    total = 0
    for i in range(n):
        p = P(i, i + 1)             # does not escape: one frame block reused per iteration
        q = P(i + 2, 2 ** 70 + i)   # a big int in a slot
        total += dist2(p, q) + p.norm2()
        if i % 1000 == 0:
            junk = [[0] * 100 for _ in range(10000)]   # forces collections
            total += len(junk)
    return total


def rec(n):
    p = P(n, n * 2)
    if n == 0:
        return p.norm2()
    r = rec(n - 1)
    return r + p.norm2() + (1 if p.same(p) else 0)


def box_alive():
    b = Box([i * i for i in range(1000)])   # only the frame object holds the list
    junk = [[0] * 100 for _ in range(10000)]
    junk = [[1] * 100 for _ in range(10000)]
    return sum(b.items) + len(junk)


def identity():
    a = P(1, 2)
    b = P(1, 2)
    return (a is b, a is a, a is not b, a.same(b), a.same(a), a is None)


def escapes_stored():
    p = P(3, 4)
    kept.append(p)
    return p.norm2()


def escapes_returned():
    return P(5, 6)


def escapes_attr():
    outer = P(0, 0)
    outer.x = P(7, 8)
    return outer.x


def escapes_global():
    global glob
    glob = P(9, 10)


def escapes_closure():
    p = P(11, 12)
    def get():
        return p.x
    return get


def escapes_print():
    p = P(13, 14)
    print(type(p).__name__, p.x, p.y)
    print(isinstance(p, P), id(p) == id(p), repr(p).startswith("<__main__.P object"))


def escapes_raise():
    b = Bad(P(15, 16))
    raise b


def escapes_tuple():
    p = P(17, 18)
    return (p, p)


def escapes_phi(c):
    a = P(1, 1)
    b = P(2, 2)
    m = a if c else b
    return m.x


class Circle:
    def __init__(self, r):
        self.r = r

    def hit(self, p):
        return p.x * self.r


class Square:
    def __init__(self, s):
        self.s = s

    def hit(self, p):
        return p.y + self.s


def union_calls(n, shapes):
    total = 0
    for i in range(n):
        p = P(i, i + 1)   # passed to a union call: each class dispatched, no escape
        for sh in shapes:
            total += sh.hit(p)
    return total


def maybe_none(shapes):
    p = P(2, 3)
    out = []
    for sh in shapes:
        try:
            out.append(sh.hit(p))
        except AttributeError as e:
            out.append(str(e))
    return out


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def plus(self, o):
        return V(self.x + o.x, self.y + o.y)

    def scaled(self, k):
        if k == 0:
            return V(0, 0)
        return V(self.x * k, self.y * k)


def fresh_results(n):
    keep = []
    total = 0
    acc = V(0, 0)
    for i in range(n):
        v = V(i, 2 ** 65)
        a = v.plus(v)               # results in this frame (one block per call site)
        b = v.plus(a)               # another site: its own block, while a is alive
        c = b.scaled(i % 3)         # two returns, both fresh
        total += a.x + b.x + c.y + (1 if a is b else 0)
        acc = acc.plus(v)           # a phi: the result goes to the heap
        if i % 700 == 0:
            keep.append(v.plus(V(1, 1)))   # stored: heap
            junk = [[0] * 100 for _ in range(10000)]
    return total, acc.x, acc.y, [(k.x, k.y) for k in keep]


def churn():
    s = 0
    for i in range(20000):
        p = P(float(i), 0.5)
        s += p.norm2()
    return s


print(loop_local(5000))
print(rec(200))
print(box_alive())
print(identity())
print(escapes_stored(), kept[0].x, kept[0].y)
e = escapes_returned()
print(e.x, e.y)
print(escapes_attr().y)
escapes_global()
junk = [[0] * 100 for _ in range(10000)]
print(glob.x, glob.y)
g = escapes_closure()
junk = [[0] * 100 for _ in range(10000)]
print(g())
escapes_print()
try:
    escapes_raise()
except Bad as err:
    junk = [[0] * 100 for _ in range(10000)]
    print(err.args[0].x, err.args[0].y)
t = escapes_tuple()
junk = [[0] * 100 for _ in range(10000)]
print(t[0] is t[1], t[0].y)
print(escapes_phi(True), escapes_phi(False))
print(churn())
print(fresh_results(3000))
print(union_calls(1000, [Circle(2), Square(3), Circle(5)]))
print(maybe_none([Circle(1), None, Square(2)]))
