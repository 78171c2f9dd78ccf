# isinstance() narrows an instance union (and int|float, float|None) inside each branch,
# including the fall-through after an early return; None stays on the false side.
class Shape:
    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * self.size


class Circle(Shape):
    def area(self):
        return 3.0 * self.size * self.size


class Line:
    def __init__(self, length):
        self.length = length


class Dot:
    pass


def measure(x):
    if isinstance(x, Shape):
        return x.area()
    if isinstance(x, Line):
        return x.length * 1.0
    if x is None:
        return -1.0
    return 0.0


def describe(x):
    if not isinstance(x, Line):
        return "not a line"
    return "line of %s" % x.length


def as_float(v):
    if isinstance(v, float):
        return v * 2.0
    return v + 1


def maybe(v):
    if isinstance(v, float):
        return v + 0.5
    return v


def main():
    items = [Shape(2.0), Circle(1.0), Line(3), Dot(), None, Line(4)]
    total = 0.0
    for it in items:
        m = measure(it)
        total += m
        print(type(it).__name__, m, describe(it))
    print(total)
    nums = []
    for k in range(6):
        nums.append(k if k % 2 else k / 4)
    print([as_float(v) for v in nums])
    opt = [1.5, None, 2.5]
    print([maybe(v) for v in opt])
    print(sum(x.area() for x in [Shape(1.0), Circle(2.0)] if isinstance(x, Shape)))


main()
