# The typed tier's classes (src/infer/classes.c): exact instances, attribute types, direct
# __init__ and method calls, and the paths that must stay generic.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def norm2(self):
        return self.dot(self)


class Vec3(Vec):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def norm2(self):   # overrides Vec.norm2: a Vec3 never takes Vec's direct path
        return self.x * self.x + self.y * self.y + self.z * self.z


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by):
        self.n = self.n + by
        return self.n


class Lazy:
    def __init__(self, ready):
        if ready:
            self.value = 1.5

    def get(self):
        return self.value


class Shape:
    def __init__(self, v):
        self.v = v   # an int first, later a str: the attribute type is dyn

    def show(self):
        return self.v


class Empty:
    pass


class BadInit:
    def __init__(self, k):
        self.k = k
        if k > 1:
            return k   # noqa: TypeError at the call


def total(vs):
    s = 0.0
    for v in vs:
        s += v.norm2()   # v is dyn: the runtime finds Vec.norm2 or Vec3.norm2
    return s


def main():
    a = Vec(1.5, 2.0)
    b = Vec(0.5, -1.0)
    print(a.dot(b), a.norm2(), a.scale(2.0).norm2())
    c = Vec3(1.0, 2.0, 2.0)
    print(c.norm2(), c.dot(a))
    print(total([a, c, b]))
    k = Counter()
    for i in range(5):
        k.bump(i)
    print(k.n, k.bump(10))
    big = Counter()
    for i in range(70):
        big.bump(2 ** 62)   # the attribute goes past the small-int range
    print(big.n)
    z = Lazy(True)
    print(z.get())
    try:
        print(Lazy(False).get())
    except AttributeError as e:
        print("AttributeError:", e)
    s = Shape(3)
    print(s.show() + 1)
    s.v = "three"
    print(s.show() + "!")
    e = Empty()
    e.tag = "t"
    print(e.tag)
    try:
        Empty(1)
    except TypeError as err:
        print("TypeError:", err)
    print(BadInit(1).k)
    try:
        BadInit(2)
    except TypeError as err:
        print("TypeError:", err)
    try:
        a.missing
    except AttributeError as err:
        print("AttributeError:", err)


main()
