# An accumulator carried through two nested loops joins through phis that
# name each other; explain must follow the operand that made it dyn (the
# call through a union receiver) rather than walk the phi cycle forever.


class Circle:
    def __init__(self, r):
        self.r = r

    def hit(self, x):
        return x < self.r


class Square:
    def __init__(self, s):
        self.s = s

    def hit(self, x):
        return 0.5 * x if x < self.s else 0


def count(shapes, n):
    total = 0
    for i in range(n):
        for sh in shapes:
            total += sh.hit(i)
    return total


print(count([Circle(3), Square(5), Circle(1)], 6))
