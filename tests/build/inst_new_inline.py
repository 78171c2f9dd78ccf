# C(...) of a class with a fixed layout allocates inline from the size class's free list
# (codegen.c inst_new); other classes, big layouts and an empty free list call rt_inst_new.


class Empty:
    pass


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return P(self.x + o.x, self.y + o.y)


class Q(P):
    def __init__(self, x, y, z):
        P.__init__(self, x, y)
        self.z = z


class Wide:
    def __init__(self, v):
        self.a0 = v; self.a1 = v + 1; self.a2 = v + 2; self.a3 = v + 3; self.a4 = v + 4
        self.a5 = v; self.a6 = v; self.a7 = v; self.a8 = v; self.a9 = v
        self.b0 = v; self.b1 = v; self.b2 = v; self.b3 = v; self.b4 = v
        self.b5 = v; self.b6 = v; self.b7 = v; self.b8 = v; self.b9 = v
        self.c0 = v; self.c1 = v; self.c2 = v; self.c3 = v; self.c4 = v
        self.c5 = v; self.c6 = v; self.c7 = v; self.c8 = v; self.c9 = v
        self.d0 = v; self.d1 = v; self.d2 = v; self.d3 = v; self.d4 = v

    def total(self):
        return self.a0 + self.a1 + self.a4 + self.d4


class Lazy:
    def __init__(self):
        pass

    def get(self):
        return self.v


def main():
    e = Empty()
    print(type(e).__name__, isinstance(e, Empty))
    acc = P(0.0, 0.0)
    for i in range(20000):          # many instances: the free list empties and refills
        acc = acc + P(0.5, -0.25)
    print(acc.x, acc.y)
    q = Q(1.0, 2.0, 3.0)
    print(q.x, q.y, q.z, isinstance(q, P))
    w = Wide(1.5)
    print(w.total(), w.d4)
    ws = [Wide(float(i)) for i in range(50)]
    print(sum(v.total() for v in ws))
    z = Lazy()
    try:
        z.get()
    except AttributeError as err:
        print("AttributeError:", err)
    ps = [P(float(i), float(i * i)) for i in range(1000)]
    print(ps[999].x, ps[999].y, len({id(p) for p in ps}))


main()
