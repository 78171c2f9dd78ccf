class Loud:
    def __init__(self, name, fn):
        self.name, self.fn = name, fn
    def __get__(self, obj, tp):
        print("get", self.name, type(obj).__name__, tp.__name__)
        return self.fn.__get__(obj, tp)

def _enter(self):
    print("enter called")
    return "v"

def _exit(self, t, v, tb):
    print("exit called", t)

class Ordered:
    __enter__ = Loud("__enter__", _enter)
    __exit__ = Loud("__exit__", _exit)

class HalfOrdered:
    __enter__ = Loud("__enter__", _enter)

with Ordered() as v:
    print("body", v)
try:
    with HalfOrdered():
        print("no body")
except TypeError as e:
    print(e)

class Meta(type):
    def __getattr__(cls, name):
        print("meta getattr", name)
        return lambda *a: None

class WithMeta(metaclass=Meta):
    pass

try:
    with WithMeta():
        pass
except TypeError as e:
    print(e)

class Static:
    @staticmethod
    def __enter__():
        print("static enter")
    @classmethod
    def __exit__(cls, *a):
        print("class exit", cls.__name__, a)

with Static():
    print("body")

class Base:
    def __enter__(self):
        return "base"
    def __exit__(self, *a):
        print("base exit")
class Derived(Base):
    pass
with Derived() as d:
    print(d)

class Later:
    pass
try:
    with Later():
        pass
except TypeError as e:
    print(e)
Later.__enter__ = lambda self: "late"
Later.__exit__ = lambda self, *a: print("late exit")
with Later() as x:
    print(x)
del Later.__exit__
try:
    with Later():
        pass
except TypeError as e:
    print(e)

class NoneEnter:
    __enter__ = None
    def __exit__(self, *a):
        print("never")
try:
    with NoneEnter():
        pass
except TypeError as e:
    print(e)

class RaisingGet:
    def __get__(self, obj, tp):
        raise KeyError("from __get__")
class RG:
    __enter__ = RaisingGet()
    def __exit__(self, *a):
        pass
try:
    with RG():
        pass
except KeyError as e:
    print("KeyError", e)

import io
with io.StringIO("abc") as f:
    print(f.read())
