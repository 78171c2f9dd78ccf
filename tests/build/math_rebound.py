# Names bound by `from math import ...` that are rebound are not math.sqrt: at module level
# (sqrt = abs after the import), through `global` in a function, and a module of the
# program that defines its own names.
from math import sqrt, fabs, floor

sqrt = abs


def use(x):
    return sqrt(x), fabs(x), floor(x)


def rebind():
    global fabs
    fabs = lambda v: ("mine", v)


def main():
    print(use(-4.0))
    rebind()
    print(use(-9.0))
    print(use(-2))


main()
