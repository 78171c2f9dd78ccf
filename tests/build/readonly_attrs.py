# read-only attributes: property accessors missing (named by __set_name__ or not, the type's
# qualname), namedtuple fields (_tuplegetter) and their CPython 3.11 messages
class Outer:
    class C:
        @property
        def x(self): return 1
        y = property(None)
def getter(self): return 2
Outer.C.q = property(getter)
o = Outer.C()
for stmt, fn in [('o.x = 1', lambda: setattr(o, 'x', 1)), ('del o.x', lambda: delattr(o, 'x')), ('o.y', lambda: o.y), ('o.y = 1', lambda: setattr(o, 'y', 1)), ('o.q = 5', lambda: setattr(o, 'q', 5)), ('del o.q', lambda: delattr(o, 'q')), ('type(o).x.__set__(o, 1)', lambda: type(o).x.__set__(o, 1)), ('type(o).x.__get__(None, None)', lambda: type(o).x.__get__(None, None))]:
    try:
        r = fn()
        print(stmt, "->", type(r).__name__)
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)
p = property(getter)
try:
    p.__set__(o, 3)
except AttributeError as e:
    print(e)
try:
    p.__delete__(o)
except AttributeError as e:
    print(e)
from collections import namedtuple
P = namedtuple("P", "a b")
pt = P(1, 2)
for stmt, fn in [('pt.a = 3', lambda: setattr(pt, 'a', 3)), ('del pt.a', lambda: delattr(pt, 'a')), ('P.a.__get__(5)', lambda: P.a.__get__(5)), ('P.a.__get__(None)', lambda: P.a.__get__(None)), ('P.a.__set__(pt, 1)', lambda: P.a.__set__(pt, 1)), ('P.a.__delete__(pt)', lambda: P.a.__delete__(pt)), ('P.a.__get__(())', lambda: P.a.__get__(())), ('P.b.__get__((1,))', lambda: P.b.__get__((1,)))]:
    try:
        r = fn()
        print(stmt, "->", r if not hasattr(r, "__get__") else type(r).__name__)
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)
print(P.a.__doc__, P.b.__doc__, type(P.a).__name__, type(P.a).__module__)
P.a.__doc__ = "changed"
print(P.a.__doc__)
class Q(P):
    def __getitem__(self, i): return "overridden"
print(Q(5, 6).a, Q(5, 6)[0])
try:
    P.b.__get__([1, 2])
except TypeError as e:
    print(e, e.__context__)
