# class statements with starred bases and ** keywords
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.opts = dict(sorted(kw.items()))
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
bases = (B, A)
class C(*bases):
    pass
print(C.__mro__[1:], C().who())
opts = {"metaclass": Meta, "color": "red"}
class D(A, **opts):
    pass
print(type(D).__name__, D.opts, D.__bases__)
class E(*[A], *(), size=3, **{"metaclass": Meta}):
    pass
print(E.opts, E.__bases__)
def deco(c):
    c.decorated = True
    return c
@deco
class F(*bases, **{}):
    x = 1
print(F.decorated, F.x, F.__qualname__)
for bad in [5, {"metaclass": Meta, "color": 1}]:
    try:
        if isinstance(bad, int):
            class G(*bad): pass
        else:
            class G(A, color=2, **bad): pass
    except TypeError as e:
        print("TypeError", e)
try:
    class H(**{1: 2}): pass
except TypeError as e:
    print("TypeError", e)
try:
    class I(**7): pass
except TypeError as e:
    print("TypeError", e)
