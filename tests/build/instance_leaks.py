# Instances that reach dyn values (leaks.c): a dict value, a cell, a comparison, a generic
# function's parameter; their operator and method calls through dyn operands must still run
# the methods (opened), while a class whose instances stay typed keeps direct calls.
class Money:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Money(self.v + other.v)

    def __mul__(self, k):
        return Money(self.v * k)

    def show(self):
        return "Money(" + str(self.v) + ")"


class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return Vec(self.x + o.x)

    def show(self):
        return "Vec(" + str(self.x) + ")"


class Boxed:
    def __init__(self, v):
        self.v = v

    def __sub__(self, o):
        return Boxed(self.v - o.v)

    def show(self):
        return "Boxed(" + str(self.v) + ")"


def generic(a, b):
    return (a + b).show()


def main():
    wallet = {"a": Money(2.5), "b": Money(4.0)}
    total = wallet["a"] + wallet["b"]        # dyn + dyn: Money.__add__ (Money leaks)
    print(total.show(), (wallet["a"] * 3).show())
    v = Vec(1.0) + Vec(2.0)                   # direct: Vec stays typed
    print(v.show())
    d = {1: 2}
    print((d.get(1, 0) + 1) * 3)              # dyn ints: no Vec dunder involved
    print(generic(Money(1.0), Money(2.0)), generic(3, 4) if False else "skip")
    b = Boxed(5.0)

    def sub_from(x):
        return (x - b).show()                 # b through a cell

    print(sub_from(Boxed(8.0)))
    items = [Money(1.0), Money(2.0)]
    print(sorted([m.v for m in items]), Money(1.0) == Money(1.0))


main()
