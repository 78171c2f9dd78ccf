# Polymorphic attribute sites: one site sees up to six receiver types (more than the cache's
# four ways) of every cached kind, and each kind is changed after the site has cached it.


class Base:
    tag = "base"

    def who(self):
        return "Base"


class A(Base):
    def __init__(self):
        self.v = "A.v"


class B(Base):
    tag = "B.tag"

    def __init__(self):
        self.w = 0
        self.v = "B.v"

    def who(self):
        return "B"


class C(Base):
    __slots__ = ("v",)

    def __init__(self):
        self.v = "C.slot"


class D(Base):
    @property
    def v(self):
        return "D.prop"


class E(Base):
    v = "E.class"


class F(B):
    pass


def get_v(o):
    return o.v


def get_tag(o):
    return o.tag


def call_who(o):
    return o.who()


def set_v(o, x):
    o.v = x


objs = [A(), B(), C(), D(), E(), F()]
for rnd in range(3):
    print(rnd, [get_v(o) for o in objs])
    print(rnd, [get_tag(o) for o in objs])
    print(rnd, [call_who(o) for o in objs])

# changes after caching: a class attribute, a method replaced, an instance attribute shadowing
# a method and a class attribute, a property's class replaced
Base.tag = "base2"
B.who = lambda self: "B2"
objs[0].who = lambda: "A instance"
objs[4].v = "E instance"
D.v = property(lambda self: "D.prop2")
for rnd in range(2):
    print(rnd, [get_v(o) for o in objs])
    print(rnd, [get_tag(o) for o in objs])
    print(rnd, [call_who(o) for o in objs])

# stores through one site on several types, then reads back
for i, o in enumerate(objs):
    try:
        set_v(o, i)
    except AttributeError as e:
        print("AttributeError:", e)
print([getattr(o, "v", None) for o in objs])
del objs[0].who
print([call_who(o) for o in objs])

# a counter on one class does not disturb other classes' sites
class Counter:
    n = 0


total = 0
for i in range(50):
    Counter.n += 1
    total += len(get_v(objs[1]) if isinstance(get_v(objs[1]), str) else "x")
    total += len(call_who(objs[2]))
print(Counter.n, total)
