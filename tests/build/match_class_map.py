class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


class Twice:
    __match_args__ = ("v", "v")
    v = 1


class Sub(dict):
    pass


def describe(v):
    match v:
        case bool(b):
            return ("bool", b)
        case int(n) if n > 100:
            return ("big int", n)
        case int(n):
            return ("int", n)
        case str(s):
            return ("str", s)
        case Point(0, 0):
            return "origin"
        case Point(x, y=0):
            return ("on x axis", x)
        case Point(x=px, y=py):
            return ("point", px, py)
        case {"type": "click", "pos": (x, y)}:
            return ("click", x, y)
        case {"k": k, **rest}:
            return ("k", k, rest)
        case [a, b]:
            return ("pair", a, b)
        case [a, *rest]:
            return ("seq", a, rest)
        case _:
            return ("other", type(v).__name__)


for v in (True, 5, 500, "hi", Point(0, 0), Point(3, 0), Point(1, 2),
          {"type": "click", "pos": (4, 5)}, {"k": 1, "z": 2}, Sub(k=9),
          [1, 2], (1, 2, 3), range(3), b"ab", bytearray(b"xy"), "ab", 1.5, None):
    print(describe(v))


def attempt(fn):
    try:
        print(fn())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


def e1():
    match 1:
        case int(a, b):
            return a, b


def e2():
    match BadArgs():
        case BadArgs(a):
            return a


def e3():
    match NoArgs():
        case NoArgs(a):
            return a


def e4():
    match Twice():
        case Twice(a, b):
            return a, b


def e5():
    match 1:
        case len():
            return 1


def e6():
    match {"a": 1}:
        case {"a": 1, "b": 2}:
            return "both"
        case {"a": x}:
            return ("just a", x)


for fn in (e1, e2, e3, e4, e5, e6):
    attempt(fn)
