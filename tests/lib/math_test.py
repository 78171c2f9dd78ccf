"""math module: values and errors compared with CPython 3.11."""
import math


def show(name, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(name, args, "->", type(e).__name__, e)
        return
    print(name, args, "->", repr(r), type(r).__name__)


def approx(name, f, *args):
    # functions whose last bit may differ between C libraries: 12 significant digits
    try:
        r = f(*args)
    except Exception as e:
        print(name, args, "->", type(e).__name__, e)
        return
    print(name, args, "~>", "%.12g" % r)


inf = float("inf")
nan = float("nan")
specials = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 10.0, 1e-300, 1e300, inf, -inf, nan, 3, -7, 10**400, True, "x", None]

exact1 = ["sqrt", "fabs", "floor", "ceil", "trunc", "isfinite", "isinf", "isnan", "frexp", "modf", "ulp", "degrees", "radians"]
for name in exact1:
    for x in specials:
        show(name, getattr(math, name), x)

approx1 = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
           "exp", "exp2", "expm1", "log1p", "log2", "log10", "erf", "erfc", "gamma", "lgamma", "cbrt"]
for name in approx1:
    for x in specials + [0.1, 1.5, -2.5, 700.0, 710.0, 171.5, 172.0, -3.0, 5.0, 2**1100]:
        approx(name, getattr(math, name), x)

for x in [1, 2.0, math.e, 0, -1, 0.0, inf, -inf, nan, 10**400, 2**1000, "s"]:
    approx("log", math.log, x)
    for b in [2, 10, 1, 0.5, 0, 10**300]:
        approx("log", math.log, x, b)

pairs = [(2.0, 3.0), (2, 0.5), (-2.0, 3.0), (-2.0, 0.5), (0.0, -1.0), (0.0, 0.0), (inf, 2), (inf, -3), (-inf, 3),
         (-inf, 2), (nan, 0), (1, nan), (2.0, inf), (0.5, inf), (2.0, -inf), (-1.0, inf), (10.0, 400.0), (1e-300, 2.0),
         (7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (1.0, 0.0), (inf, inf), (3, 10**400)]
for name in ["pow", "atan2", "copysign", "fmod", "remainder", "nextafter"]:
    for x, y in pairs:
        show(name, getattr(math, name), x, y)

for x in [1.0, 0.0, -0.5, inf, nan, 1e-320]:
    for i in [0, 1, -1, 10, 1100, -1100, 10**30, -10**30, 1.5]:
        show("ldexp", math.ldexp, x, i)

for n in [0, 1, 5, 20, 25, 100, -1, 2.0, 2.5, "3", True]:
    show("factorial", math.factorial, n)
show("gcd", math.gcd)
show("gcd", math.gcd, 12)
show("gcd", math.gcd, -12)
show("gcd", math.gcd, 12, 18, 27)
show("gcd", math.gcd, 2**200, 6**100)
show("gcd", math.gcd, 0, 0)
show("gcd", math.gcd, 1.5, 3)
show("lcm", math.lcm)
show("lcm", math.lcm, 4, 6)
show("lcm", math.lcm, 4, 6, 0)
show("lcm", math.lcm, -4, 6)
show("lcm", math.lcm, 2**70, 3**40)
for n, k in [(5, 2), (10, 0), (10, 10), (3, 5), (100, 50), (-1, 2), (5, -1), (5.0, 2), (10**20, 3), (True, True)]:
    show("comb", math.comb, n, k)
    show("perm", math.perm, n, k)
show("perm", math.perm, 5)
show("perm", math.perm, 5, None)
show("comb", math.comb, 1)
for n in [0, 1, 3, 4, 15, 16, 10**50, 2**200 - 1, -1, 2.0, True]:
    show("isqrt", math.isqrt, n)
show("prod", math.prod, [1, 2, 3, 4])
show("prod", math.prod, [])
show("prod", math.prod, [1.5, 2])
show("prod", math.prod, range(1, 30))
print(math.prod([2, 3], start=10))
show("prod", math.prod, ["a", 3])
show("prod", math.prod, 5)
for xs in [[0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [], [1, 2, 3], [inf, 1], [inf, -inf], [nan, 1],
           [1e308, 1e308], [1e308, 1e308, -1e308], [0.3, 0.3, 0.3, -0.9], [2.0**53, 1.0, 2.0**-53], [1.0, 2.0**-53, 2.0**-106],
           [-0.0], [-0.0, 0.0], ["a"], 5]:
    show("fsum", math.fsum, xs)
for args in [(), (3, 4), (3.0, 4.0, 12.0), (1e300, 1e300), (1e-320, 1e-320), (inf, nan), (nan, 1), (-5,), (1, 1, 1, 1, 1, 1),
             (0.1, 0.2, 0.3), ("a",), (2**1100,)]:
    show("hypot", math.hypot, *args)
for p, q in [((0, 0), (3, 4)), ([1.0, 2.0, 3.0], [4.0, 6.0, 8.0]), ((1,), (1, 2)), ((), ()), ((inf, 0), (0, 0)),
             ((1, "a"), (1, 2)), (5, 6), ("ab", "cd")]:
    show("dist", math.dist, p, q)
for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.1, {}), (1.0, 1.1, {"rel_tol": 0.2}), (0.0, 1e-10, {}),
                 (0.0, 1e-10, {"abs_tol": 1e-9}), (inf, inf, {}), (inf, -inf, {}), (nan, nan, {}), (1, 1, {"rel_tol": -1})]:
    try:
        print("isclose", a, b, kw, math.isclose(a, b, **kw))
    except Exception as e:
        print("isclose", type(e).__name__, e)
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)


class F:
    def __repr__(self):
        return "F()"

    def __float__(self):
        return 2.25


class I:
    def __repr__(self):
        return "I()"

    def __index__(self):
        return 7


class Fl:
    def __repr__(self):
        return "Fl()"

    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


show("sqrt", math.sqrt, F())
show("sqrt", math.sqrt, I())
show("factorial", math.factorial, I())
show("floor", math.floor, Fl())
show("ceil", math.ceil, Fl())
show("trunc", math.trunc, Fl())
show("floor", math.floor, F())
show("gcd", math.gcd, I(), 21)
show("sqrt", math.sqrt)
show("sqrt", math.sqrt, 1, 2)
show("pow", math.pow, 1)
show("log", math.log)
show("log", math.log, 1, 2, 3)
show("perm", math.perm)
show("isclose", math.isclose, 1)
show("floor", math.floor, 1e308)
show("floor", math.floor, -2.5)
show("ceil", math.ceil, -2.5)
show("trunc", math.trunc, -2.5)
show("floor", math.floor, 10**30)
try:
    math.sqrt(x=1)
except TypeError as e:
    print(e)
try:
    math.pow(x=1, y=2)
except TypeError as e:
    print(e)
