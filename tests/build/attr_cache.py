# Per-site attribute caches and method calls without bound methods: each invalidation case
# (class attribute assigned later, method replaced, instance attribute shadowing, __class__
# reassigned, property added later, subclass/base modified, __dict__ replaced, slots), run
# through the same compiled sites before and after the change.
class A:
    cls_attr = 10
    def __init__(self, x):
        self.x = x
    def m(self, y, z=1):
        return self.x + y + z
    def __repr__(self):
        return "A(%r)" % self.x

def geta(o):
    return o.x
def getc(o):
    return o.cls_attr
def callm(o, *a, **k):
    return o.m(*a, **k)
def callm2(o):
    return o.m(1)
def callm3(o):
    return o.m(1, z=5)
def seta(o, v):
    o.x = v

a = A(3)
for i in range(3):
    print(geta(a), getc(a), callm2(a), callm3(a), callm(a, 2, z=3))
# class attribute changed after the cache filled
A.cls_attr = 20
print(getc(a))
# instance attr shadows class attr
a.cls_attr = 30
print(getc(a))
del a.cls_attr
print(getc(a))
# method replaced on the class
A.m = lambda self, y, z=1: ("new", y, z)
print(callm2(a), callm3(a))
# instance attribute shadowing a method
a.m = lambda y, z=0: ("inst", y, z)
print(callm2(a), callm3(a))
del a.m
print(callm2(a))
# __class__ reassigned
class B:
    cls_attr = "B"
    def m(self, y, z=1):
        return ("B.m", y, z)
    x = "Bx"
b = A(7)
print(geta(b), getc(b), callm2(b))
b.__class__ = B
print(geta(b), getc(b), callm2(b))
# property added later
class P:
    def __init__(self): self.x = 1
p = P()
for i in range(2): print(geta(p))
P.x = property(lambda self: "prop")
print(geta(p))
seta_ok = True
try:
    seta(p, 5)
except AttributeError as e:
    print("AttributeError", e)
# subclass modified / base modified
class Base:
    cls_attr = "base"
    def m(self, y, z=1): return ("Base.m", y)
class Sub(Base):
    pass
s = Sub()
print(getc(s), callm2(s))
Base.cls_attr = "base2"
Base.m = lambda self, y, z=1: ("Base.m2", y)
print(getc(s), callm2(s))
Sub.cls_attr = "sub"
print(getc(s))
# __dict__ replaced
q = A(1)
print(geta(q))
q.__dict__ = {"x": 99}
print(geta(q))
q.__dict__ = {"y": 1, "x": 98}
print(geta(q))
seta(q, 5); seta(q, 6)
print(q.__dict__)
# slots
class S:
    __slots__ = ("x", "cls_attr")
s1 = S()
try:
    geta(s1)
except AttributeError as e:
    print("AttributeError", e)
seta(s1, 4); seta(s1, 5)
print(geta(s1), geta(s1))
# builtin methods
l = []
for i in range(3):
    l.append(i)
print(l, "-".join(["a", "b"]), {1: 2}.get(1), {1: 2}.get(3, "d"))
st = set(); st.add(3); print(st)
# __getattr__ classes
class G:
    def __getattr__(self, n): return "ga:" + n
g = G()
print(geta(g), getc(g), g.x)
g.x = 3
print(geta(g))
# missing attribute error message
try:
    geta(object())
except AttributeError as e:
    print(e)
try:
    callm2(object())
except AttributeError as e:
    print(e)
# staticmethod/classmethod through method call
class K:
    @staticmethod
    def m(y, z=1): return ("static", y, z)
class K2:
    @classmethod
    def m(cls, y, z=1): return ("cls", cls.__name__, y, z)
print(callm2(K()), callm3(K2()))
# nested method call in args using same site
class R:
    def m(self, y, z=1):
        return y if y < 1 else self.m(y - 1) + 1
print(R().m(5))
# exceptions subclass attributes
class E(Exception):
    def m(self, y, z=1): return ("E.m", self.args)
e = E(1, 2)
print(callm2(e), e.args)
e.x = 4
print(geta(e))
# descriptor with __class__ change on class attr (heap descriptor types)
class D:
    def __get__(self, o, t): return "D.get"
class H:
    x = D()
h = H()
print(geta(h))
h.__dict__["x"] = "inst"
print(geta(h))
# keyword arguments, *args and **kwargs through method calls
class KW:
    def f(self, a, b=2, *rest, c=3, **kw):
        return (a, b, rest, c, sorted(kw.items()))
k = KW()
args = (1, 2, 3)
kws = {"c": 9, "d": 10}
for i in range(2):
    print(k.f(1), k.f(1, c=4), k.f(*args), k.f(*args, **kws), k.f(a=5, b=6, e=7))
try:
    k.f()
except TypeError as e:
    print(e)
try:
    k.f(1, a=2)
except TypeError as e:
    print(e)
# builtin methods with keywords and wrong arguments
l = [3, 1, 2]
l.sort(reverse=True)
print(l, "a,b".split(",", maxsplit=1), " x ".strip())
try:
    l.append()
except TypeError as e:
    print(e)
try:
    l.nosuch()
except AttributeError as e:
    print(e)
# a method fetched as a value is still a bound method
bm = k.f
print(bm(0), type(bm).__name__)
# methods on modules and types
import math
print(math.floor(2.5), int.from_bytes(b"\x01\x00", "little"), str.upper("x"))
# a class attribute counter updated in a loop
class Counter:
    n = 0
    def bump(self):
        Counter.n += 1
        return self.n
c = Counter()
print([c.bump() for _ in range(5)])
# getattr on different types at one site
def name_of(o):
    return o.__class__.__name__
print([name_of(o) for o in (1, "s", [], c, Counter, None, 2.5)])
