def simple(a, b=2, *args, c=3, **kw):
    "Doc of simple."
    return a + b

print(simple.__name__, simple.__qualname__, simple.__module__, simple.__doc__)
print(simple.__defaults__, simple.__kwdefaults__, simple.__closure__)
print(simple.__code__.co_name, simple.__code__.co_argcount, simple.__code__.co_kwonlyargcount)
print(simple.__code__.co_varnames[:2], simple.__annotations__)
simple.__defaults__ = (10,)
print(simple(1))
simple.tag = "x"
simple.__wrapped__ = len
print(simple.tag, simple.__dict__ == {"tag": "x", "__wrapped__": len}, simple.__wrapped__ is len)
simple.__name__ = "renamed"
print(simple.__name__)
try:
    simple.__name__ = 5
except TypeError as e:
    print("TypeError:", e)

def outer():
    x = 1
    def inner():
        return x
    return inner

f = outer()
print(f.__qualname__, len(f.__closure__), f.__closure__[0].cell_contents)
lam = lambda: 0
print(lam.__name__, type(lam).__name__)

class C:
    def m(self):
        "method doc"
        return 1

c = C()
bm = c.m
print(bm.__self__ is c, bm.__func__ is C.m, bm.__name__, bm.__qualname__, bm.__doc__)
print(C.m.__get__(c)(), C.m.__get__(c).__self__ is c, simple.__call__(2, 3))
print(len.__name__, len.__qualname__, len.__self__.__name__ if hasattr(len.__self__, "__name__") else None)
print([].append.__name__, [].append.__qualname__ if hasattr([].append, "__qualname__") else "?")
print(globals()["simple"] is simple, "C" in globals())
def g():
    return globals() is globals()
print(g())
