# Unions of exact instance classes (typed tier, issue 4): a list of mixed instances whose
# method calls dispatch on the class, attributes shared or not, a class joining the union
# later, a subclass instance (an exact BigSquare, not a Square).  union_patch.py: a method
# patched on one class.
class Circle:
    def __init__(self, r):
        self.r = r
        self.kind = "circle"

    def area(self):
        return 3.0 * self.r * self.r

    def check(self, limit):
        if self.r > limit:
            raise ValueError("circle too big: " + str(self.r))
        return self.r


class Square:
    def __init__(self, s):
        self.s = s
        self.kind = "square"

    def area(self):
        return self.s * self.s

    def check(self, limit):
        if self.s > limit:
            raise ValueError("square too big: " + str(self.s))
        return self.s


class Tri:
    def __init__(self, b, h):
        self.b = b
        self.h = h
        self.kind = "tri"

    def area(self):
        return 0.5 * self.b * self.h

    def check(self, limit):
        return self.b / (limit - limit)   # ZeroDivisionError inside the method


class BigSquare(Square):
    def area(self):
        return 10.0 * self.s * self.s


def total(shapes):
    t = 0.0
    for sh in shapes:
        t = t + sh.area()
    return t


def kinds(shapes):
    return [sh.kind for sh in shapes]


def checks(shapes, limit):
    out = []
    for sh in shapes:
        try:
            out.append(sh.check(limit))
        except ValueError as e:
            out.append("ValueError: " + str(e))
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
    return out


def radii(shapes):
    out = []
    for sh in shapes:
        try:
            out.append(sh.r)
        except AttributeError as e:
            out.append(str(e))
    return out


def pick(flag):
    if flag:
        x = Circle(2.0)
    else:
        x = Square(3.0)
    return x.area(), x.kind


def main():
    shapes = [Circle(1.0), Square(2.0), Circle(0.5)]
    print(total(shapes), kinds(shapes))
    print(checks(shapes, 1.5))
    print(radii(shapes))
    print(pick(True), pick(False))
    shapes.append(Tri(2.0, 3.0))      # the union grows
    print(total(shapes), kinds(shapes))
    print(checks(shapes, 5.0))
    more = shapes + [BigSquare(1.0)]  # not an exact class
    print(total(more), kinds(more))
    print([isinstance(sh, Square) for sh in more])


main()
