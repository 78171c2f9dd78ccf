# A union of instance classes whose method is patched on one class after the calls began: the
# name is stored as an attribute, so no class's method is a known one (every call generic).
class A:
    def __init__(self, v):
        self.v = v

    def val(self):
        return self.v + 1


class B:
    def __init__(self, v):
        self.v = v

    def val(self):
        return self.v * 2


def run(xs):
    return [x.val() for x in xs]


def main():
    xs = [A(1), B(2), A(3)]
    print(run(xs))
    B.val = lambda self: -self.v
    print(run(xs))
    xs[0].val = lambda: "instance attribute"
    print(run(xs))


main()
