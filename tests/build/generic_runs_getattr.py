# A function reached through getattr() on a module object: its generic version runs (every
# method and function is then assumed to run generically); a function reached through an
# attribute of an imported module of the same name runs too.
import sys


class V:
    def __init__(self, x):
        self.x = x


def make():
    return [V(1.0), V(2.0)]


def total(vs):
    s = 0.0
    for v in vs:
        s += v.x
    return s


def main():
    print(total(make()))
    mod = sys.modules["__main__"]
    lst = getattr(mod, "make")()
    lst[0].x = "changed"
    lst.append(V(0.5))
    print([v.x for v in lst])
    print(total(make()))


main()
