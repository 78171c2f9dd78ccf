# Generic versions of functions and methods that have specialised clones, reached through
# dynamic calls (callbacks, getattr, bound methods): the back end compiles the generic versions
# it takes for cold (and loop-free module and class bodies) without optimisation, and they must
# still be right.


def square(x):
    return x * x


def total(xs):
    s = 0
    for x in xs:
        s += square(x)
    return s


def walk(node):
    # recursion through the generic version (node's items are dyn)
    if isinstance(node, int):
        return node
    return sum(walk(child) for child in node) + len(node)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def scaled(self, k):
        return Point(self.x * k, self.y * k)

    def describe(self):
        return "Point(%d, %d)" % (self.x, self.y)


def fail_on(n):
    if n > 2:
        raise ValueError("too big: %d" % n)
    return n + 1


def main():
    print(square(7), total([1, 2, 3]))
    print(list(map(square, [1, 2, 3, 4])))
    print(sorted([3, -5, 1, -2], key=square))
    print(walk([1, [2, 3], [[4], 5]]))
    p = Point(3, 4)
    print(p.norm2(), p.scaled(2).norm2())
    print(getattr(p, "norm2")())
    m = p.scaled
    print(m(3).describe())
    print([q.describe() for q in map(Point.scaled, [p, Point(1, 1)], [2, 5])])
    f = fail_on
    for i in range(5):
        try:
            print(f(i))
        except ValueError as e:
            print("ValueError:", e)
    try:
        print(fail_on(10))
    except ValueError as e:
        print("ValueError:", e)


class Config:
    name = "cfg"
    size = len(name) * 2
    try:
        broken = int("x")
    except ValueError as e:
        broken = str(e)


main()
print(Config.size, Config.broken)
try:
    fail_on(5)
except ValueError as e:
    print("module body:", e)
