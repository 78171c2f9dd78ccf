# Typed tier: zero-argument super() in methods of plain classes (a direct call of the base's
# method), float|None values (arithmetic gives a float or raises TypeError), iteration over
# a tuple display (its items' join).
class Base:
    def __init__(self, x):
        self.x = x

    def describe(self):
        return "base " + str(self.x)

    def scaled(self, k):
        return self.x * k


class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def describe(self):
        return "mid(" + super().describe() + ")"


class Leaf(Mid):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def describe(self):
        return "leaf(" + super().describe() + ")"

    def scaled(self, k):
        return super().scaled(k) + self.y + self.z

    def missing(self):
        return super().nothing_here()


def first_above(xs, limit):
    best = None
    for x in xs:
        if x > limit and (best is None or x < best):
            best = x
    return best


def use(t, k):
    try:
        return t * k
    except TypeError as e:
        return "TypeError: " + str(e)


def channel_sum(r, g, b):
    s = 0.0
    for c in (r, g, b):
        s = s + c * 2.0
    return s


def main():
    a = Leaf(1.5, 2.0, 3.0)
    print(a.describe(), a.scaled(2.0), a.x, a.y, a.z)
    print(Mid(4.0, 5.0).describe(), Base(6.0).scaled(0.5))
    try:
        a.missing()
    except AttributeError as e:
        print("AttributeError:", e)
    t = first_above([0.5, 3.0, 2.0, 7.0], 1.0)
    u = first_above([0.5], 1.0)
    print(t, u, use(t, 2.0), use(u, 2.0), use(2.0, u))
    print(t is None, u is None, t < 5.0)
    try:
        print(u < 5.0)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(-u)
    except TypeError as e:
        print("TypeError:", e)
    print(channel_sum(0.25, 0.5, 1.0))


main()
