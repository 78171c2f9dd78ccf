# Consumer clones over zip(a, b) whose body runs no Python code read min(len(a), len(b))
# once; bodies that may run code (a call, an operator on a non-number) re-read the lengths
# every step.  Unequal lengths, empty lists, int items crossing 2**63, NaN, float errors.


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def idot(a, b):
    return sum(x * y for x, y in zip(a, b))


def lo(a, b):
    return min(x - y for x, y in zip(a, b))


def hi(a, b):
    return max(x + y for x, y in zip(a, b) if x > 0)


def ilo(a, b):
    return min(x - y for x, y in zip(a, b))


def ihi(a, b):
    return max(x + y for x, y in zip(a, b) if x > 0)


def anyneg(a, b):
    return any(x * y < 0 for x, y in zip(a, b)), all(x * y < 0 for x, y in zip(a, b))


def ratio(a, b):
    return sum(x / y for x, y in zip(a, b))


def mutating(a, b):
    return sum(a.pop() * y for x, y in zip(a, b))


class Neg:
    def __init__(self, v):
        self.v = v

    def __mul__(self, o):
        return self.v * o


def objs(a, b):
    return sum(x * y for x, y in zip(a, b))


def main():
    nan = float("nan")
    print(dot([1.0, 2.0, 3.0], [4.0, 5.0]), dot([], [1.0]), dot([2.5], []), dot([], []))
    print(dot([0.1] * 7, [0.3] * 9), dot([-0.0], [1.0]), dot([1e308, 1e308], [10.0, -10.0]))
    print(idot([2 ** 62, 2 ** 62, 3], [2, 2, 1, 9]), idot([-(2 ** 63)], [1]), idot([5], [7, 8]))
    print(lo([3.0, 1.0, 2.0], [0.5, 0.25, 0.125, 9.0]), ilo([4, 1, 9], [1, 1]))
    try:
        lo([], [1.0])
    except ValueError as e:
        print("ValueError", e)
    print(hi([1.0, -2.0, 3.0], [1.0, 1.0, 1.0]), ihi([2, 3], [5, -7, 1]))
    try:
        hi([-1.0], [2.0])
    except ValueError as e:
        print("ValueError", e)
    print(anyneg([1.0, -1.0], [1.0, 1.0]), anyneg([], []), anyneg([-1.0], [2.0, -5.0]))
    print(dot([nan, 1.0], [1.0, 1.0]), lo([nan, 1.0], [0.0, 0.0]), lo([1.0, nan], [0.0, 0.0]))
    print(ratio([1.0, 2.0], [4.0, 8.0, 0.0]))
    try:
        print(ratio([1.0, 2.0, 3.0], [4.0, 8.0, 0.0]))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    a = [1.0, 2.0, 3.0, 4.0]
    print(mutating(a, [1.0, 10.0, 100.0, 1000.0, 5.0]), a)
    print(objs([Neg(2.0), Neg(3.0)], [1.0, 2.0, 3.0]))
    print(ratio([1.0], [0.0]))


main()
