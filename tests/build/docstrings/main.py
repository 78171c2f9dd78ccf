"""Main docstring: line one.

More text."""
# module, function, class and method docstrings; setting and deleting a class __doc__
import nodoc, withdoc
print(repr(__doc__))
print(repr(nodoc.__doc__), repr(withdoc.__doc__), repr(withdoc.seen))
def f():
    "f doc"
    return 1
def g():
    return 2
def h():
    x = 1
    "not a doc"
async def a():
    """async doc"""
lam = lambda: 0
print(repr(f.__doc__), repr(g.__doc__), repr(h.__doc__), repr(a.__doc__), repr(lam.__doc__))
class C:
    """C doc"""
    def m(self):
        """m doc"""
    @property
    def p(self):
        "p doc"
        return 1
    @staticmethod
    def s():
        "s doc"
    @classmethod
    def c(cls):
        "c doc"
class D:
    pass
class E(C):
    pass
class F:
    b"bytes are not docs"
class G:
    f"fstr {1}"
print(repr(C.__doc__), repr(C.m.__doc__), repr(C().m.__doc__), repr(C.p.__doc__), repr(C.s.__doc__), repr(C.c.__doc__))
print(repr(D.__doc__), repr(E.__doc__), repr(F.__doc__), repr(G.__doc__), "__doc__" in D.__dict__, D.__dict__.get("__doc__", "missing"))
def k():
    """doc"""
k.__doc__ = "changed"
print(k.__doc__)
C.__doc__ = "new C"
print(C.__doc__)
import sys
print(repr(sys.modules[__name__].__doc__[:10]))
for target in (int, C):
    try:
        del target.__doc__
    except TypeError as e:
        print(e)
try:
    int.__doc__ = "x"
except TypeError as e:
    print(e)
