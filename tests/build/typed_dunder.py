# Operator dunders of exact instances as direct calls (typed tier, dunder.c): results must be
# CPython's, including NotImplemented fallbacks, reflected methods of subclasses, aliases
# (__rmul__ = __mul__), mixed int/float/instance operands and the TypeError messages.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


def show(v):
    return f"({v.x}, {v.y})"


def chain(a, b):
    c = a + b
    c += a           # no __iadd__: the binary dunder
    c -= b
    d = 2.0 * c      # float * Vec: Vec.__rmul__ (an alias of __mul__)
    e = c * 3        # Vec * int
    f = 3 * c        # int * Vec
    return -d + e + f / 2


print(show(chain(Vec(1.0, 2.0), Vec(0.5, -1.5))))
print(show(chain(Vec(1, 2), Vec(3, 4))))


class Money:
    """__add__ returns NotImplemented for what it does not know."""

    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented


def total(a, b):
    return a + b


print(total(Money(5), Money(7)).cents)
print(total(Money(5), 10).cents)
print(sum([Money(1), Money(2), Money(3)]).cents)
try:
    total(Money(5), 2.5)
except TypeError as e:
    print("TypeError:", e)
try:
    total(Money(5), "x")
except TypeError as e:
    print("TypeError:", e)


class Base:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return "Base.__add__"

    def __radd__(self, other):
        return "Base.__radd__"


class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__"


class Plain(Base):
    pass


def add1(a, b):
    return a + b


def add2(a, b):
    return a + b


def add3(a, b):
    return a + b


print(add1(Base(1), Derived(2)))    # the subclass overrides __radd__: it goes first
print(add1(Base(1), Plain(2)))      # not overridden: Base.__add__ first
print(add2(Derived(1), Base(2)))
print(add2(1, Base(2)))
print(add3(Plain(1), Plain(2)))


class NoAdd:
    def __init__(self):
        self.k = 1


def bad(a, b):
    return a + b


def neg(a):
    return -a


for f, args in ((bad, (NoAdd(), NoAdd())), (bad, (NoAdd(), 1)), (bad, (1.5, NoAdd())),
                (neg, (NoAdd(),))):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)


class Scale:
    def __init__(self, k):
        self.k = k

    def __mul__(self, other):
        if isinstance(other, Scale):
            return Scale(self.k * other.k)
        return Scale(self.k * other)


def mul(a, b):
    return a * b


print(mul(Scale(2.0), Scale(3.0)).k, mul(Scale(2.0), 4.0).k, mul(Scale(2), 5).k)
try:
    mul(4.0, Scale(2.0))
except TypeError as e:
    print("TypeError:", e)


def norm2(v):
    return v.dot(v)


print(norm2(Vec(3.0, 4.0) - Vec(0.0, 0.0)))
print(isinstance(Vec(1, 2), Vec), isinstance(2.0, Vec), isinstance(Derived(1), Base),
      isinstance(Base(1), Derived), isinstance(1.0, float), isinstance(3, float))

# the generic operator (a callee the inference does not know) agrees: a subclass that does
# not override __radd__ does not go first
generic_add = [lambda a, b: a + b][0]
print(generic_add(Base(1), Plain(2)), generic_add(Base(1), Derived(2)))
