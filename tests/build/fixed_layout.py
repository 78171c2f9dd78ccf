# Fixed-layout instances (typed tier, src/infer/layout.c): attributes live in slots after the
# header (floats unboxed); every generic path must agree with the typed one.


class Point:
    def __init__(self, x, y, name):
        self.x = x
        self.y = y
        self.name = name
        self.tag = None
        self.count = 0

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        self.count += 1

    def label(self, tag):
        self.tag = tag          # set later, not in __init__
        self.later = self.x * 2.0

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Point3(Point):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.name = "p3"
        self.tag = None
        self.count = 0
        self.z = z

    def norm2(self):
        return self.x * self.x + self.y * self.y + self.z * self.z


class Other:
    def __init__(self):
        self.k = 1


def walk(n):
    p = Point(1.0, 2.0, "a")
    for i in range(n):
        p.move(0.5, -0.25)
    return p


def typed_reads(p):
    return p.x + p.y, p.count, p.name, p.tag


def unset(p):
    try:
        return p.later
    except AttributeError as e:
        print("AttributeError:", e)
        return -1.0


def main():
    p = walk(10)
    print(typed_reads(p))
    print(unset(p))
    p.label("seven")
    print(unset(p), p.tag)
    print(p.norm2())

    # float slots read by generic code (boxed on the way out)
    pts = [Point(3.0, 0.0, "c"), Point(1.0, 0.0, "a"), Point(2.0, 0.0, "b")]
    print([q.name for q in sorted(pts, key=lambda q: q.x)])
    print([q.x for q in pts], max(pts, key=lambda q: q.x).name)

    # subclass with its own attribute; a base method run on a subclass instance
    s = Point3(1.0, 2.0, 2.0)
    s.move(1.0, 1.0)
    print(s.x, s.y, s.z, s.count, s.name, s.norm2())
    s.label("sub")
    print(s.tag, s.later)

    # stores through receivers of unknown class: the generic setattr on a fixed instance
    u = Point(3.0, 0.0, "u")
    for o in [u, Other()]:
        o.x = 9.5            # a float into the float slot
    print(typed_reads(u), u.norm2())
    for o in [u, Other()]:
        o.extra = "dyn"      # a name with no slot: the instance gets a real dict
    print(u.x, typed_reads(u))
    u.move(1.0, 1.0)
    print(typed_reads(u), u.norm2(), u.count)
    print(u.extra, u.x)

    # dir() materialises the instance; typed code keeps working
    q = walk(2)
    print([a for a in dir(q) if not a.startswith("__")])
    q.move(1.0, 1.0)
    print(typed_reads(q), q.norm2())

    # del of an attribute, then reads and a store again
    r = walk(1)
    del r.count
    try:
        print(r.count)
    except AttributeError as e:
        print("AttributeError:", e)
    r.count = 40
    print(typed_reads(r))
    try:
        del r.later
    except AttributeError as e:
        print("AttributeError:", e)

    # identity, equality and repr defaults are unchanged
    a, b = Point(1.0, 1.0, "e"), Point(1.0, 1.0, "e")
    print(a == b, a == a, repr(a).startswith("<__main__.Point object at 0x"))
    total = 0.0
    for i in range(1000):
        c = Point(i + 0.0, 0.5, "n")
        c.move(0.5, 0.5)
        total += c.norm2()
    print(total)


main()
