"""functools: reduce, partial, wraps, total_ordering, cmp_to_key, lru_cache, cache,
cached_property, singledispatch."""
import functools
from functools import reduce, partial, wraps, total_ordering, cmp_to_key, lru_cache

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)


def f(a, b, c=3, *, d=4):
    return (a, b, c, d)


p = partial(f, 1)
print(p(2), p(2, 5, d=6), p.args, p.keywords, p.func is f)
p2 = partial(p, 2, d=9)
print(p2(), p2.args, p2.keywords, p2.func is f)
print(repr(partial(max, 1, key=None)))
try:
    partial(5)
except TypeError as e:
    print(e)


def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k) * 2
    return wrapper


@deco
def twice(x):
    """doc of twice"""
    return x


print(twice(21), twice.__name__, twice.__doc__, twice.__wrapped__(5), twice.__qualname__)


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) < V(2), V(1) <= V(1), V(3) > V(2), V(2) >= V(3), V(1) >= V(1))
try:
    @total_ordering
    class W:
        pass
except ValueError as e:
    print(e)


def cmp(a, b):
    return (a > b) - (a < b)


print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted("hello", key=cmp_to_key(lambda a, b: cmp(b, a))))

calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


print(sq(2), sq(3), sq(2), sq(4), sq(3), calls)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)


print(fact(20), fact.cache_info(), fact.__name__)


@lru_cache(maxsize=None, typed=True)
def ident(x):
    return type(x).__name__


print(ident(1), ident(1.0), ident(True), ident.cache_info())


class C:
    def __init__(self):
        self.n = 0

    @functools.cached_property
    def val(self):
        self.n += 1
        return 42


c = C()
print(c.val, c.val, c.n, "val" in c.__dict__)


@functools.singledispatch
def show(x):
    return "object " + repr(x)


@show.register(int)
def _(x):
    return "int " + str(x)


@show.register
def _(x: list):
    return "list of " + str(len(x))


print(show(1), show(True), show([1, 2]), show("s"), show(2.5))
print(show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), "__name__") else "?")
