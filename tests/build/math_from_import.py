# `from math import sqrt` is the known builtin math.sqrt (typed tier: f.sqrt inline) with
# CPython's errors: a negative argument, an int too large for a float, bools, ints, str.
from math import sqrt, floor, fabs
from math import sqrt as root


def hyp(x, y):
    return sqrt(x * x + y * y)


def safe(v):
    try:
        return sqrt(v)
    except ValueError as e:
        return "ValueError: " + str(e)
    except OverflowError as e:
        return "OverflowError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)


def main():
    print(hyp(3.0, 4.0), hyp(3, 4), root(2.0))
    for v in (-1.0, -1, 0.0, -0.0, 2, True, False, 10 ** 30, 10 ** 400, -(10 ** 400),
              float("inf"), "x", 1e308):
        print(repr(v)[:20], safe(v))
    print(safe(-4.0), safe(-4), safe(4), safe(True), safe(10 ** 400), safe(0.25))
    print(floor(2.5), floor(-2.5), fabs(-3), floor(True))
    try:
        floor(float("inf"))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        floor(float("nan"))
    except ValueError as e:
        print("ValueError:", e)


main()
