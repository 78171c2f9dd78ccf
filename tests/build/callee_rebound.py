# A global bound to a function (or class) in one iteration of a module-level loop and to
# another later: calls of it may not stay direct calls of the first one (typed tier: the
# callee of a call is decided again in every sweep).
def a():
    return "a"


def b():
    return "b"


class A:
    def __init__(self):
        self.v = "A"


class B:
    def __init__(self):
        self.v = "B"


f = a
C = A
for k in range(3):
    print(f(), C().v)
    f = b
    C = B


def use():
    return f(), C().v


print(use())
