import itertools


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)


def two(v):
    a, b = v
    return a, b


def three(v):
    a, b, c = v
    return a, b, c


def star(v):
    a, *b, c, d = v
    return a, b, c, d


attempt("int", lambda: two(5))
attempt("None", lambda: two(None))
attempt("few", lambda: three([1, 2]))
attempt("many", lambda: two((1, 2, 3)))
attempt("str", lambda: two("ab"))
attempt("dict", lambda: two({"k": 1, "j": 2}))
attempt("star ok", lambda: star(range(6)))
attempt("star few", lambda: star([1, 2]))
attempt("star int", lambda: star(7))
attempt("star gen", lambda: star(x * x for x in range(4)))

calls = []


def counting():
    for i in itertools.count():
        calls.append(i)
        yield i


attempt("infinite", lambda: two(counting()))
print("next calls:", len(calls))


class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError(i)


attempt("getitem seq", lambda: three(Seq()))
attempt("getitem few", lambda: two(Seq()))


class BadIter:
    def __iter__(self):
        raise TypeError("custom iter error")


attempt("bad iter", lambda: two(BadIter()))
x, (y, *z) = 1, "abc"
print(x, y, z)
