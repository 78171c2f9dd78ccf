# A subclass overriding a method: each exact class calls its own method directly; a value
# that may be either (Shape|Circle) dispatches on its class to the same clones, so no generic
# version of area runs.
class Shape:
    def __init__(self, w):
        self.w = w

    def area(self):
        return self.w * self.w


class Circle(Shape):
    def area(self):
        return 3.0 * self.w * self.w


def total(shapes):
    s = 0.0
    for sh in shapes:
        s = s + sh.area()
    return s


def main():
    a = Shape(2.0)
    c = Circle(1.0)
    print(a.area(), c.area(), total([a, c]))


main()
