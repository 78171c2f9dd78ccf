import sys

def g1():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except ValueError as e:
        print("caught", repr(e))
        yield 99
    finally:
        print("finally g1")

g = g1()
print(next(g))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("exhausted")

g = g1()
print(next(g))
g.close()
print("closed", g.gi_frame is None)

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def fresh():
    yield 1
f = fresh()
try:
    f.send(3)
except TypeError as e:
    print("TypeError:", e)

def bad():
    yield 1
    raise StopIteration("x")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

def inner():
    a = yield "i1"
    print("inner got", a)
    b = yield "i2"
    print("inner got", b)
    return a + b

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    return r * 2

o = outer()
print(next(o))
print(o.send(3))
print(o.send(4))
print(next(o))
try:
    next(o)
except StopIteration as e:
    print("outer value", e.value)

def catcher():
    while True:
        try:
            yield
        except KeyError as e:
            print("inner caught", e)

def deleg():
    yield from catcher()

d = deleg()
next(d)
d.throw(KeyError("k"))
d.close()
print("deleg closed")

def running():
    print("running:", r.gi_running)
    yield 1
r = running()
print(r.gi_running)
next(r)
print(r.__name__, r.__qualname__)

def reentrant():
    yield next(rr)
rr = reentrant()
try:
    next(rr)
except ValueError as e:
    print("ValueError:", e)

def exc_state():
    try:
        raise KeyError("a")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

es = exc_state()
print(next(es))
try:
    raise IndexError
except IndexError:
    print(next(es))
    print(sys.exc_info()[0].__name__)
print(next(es))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for i, v in enumerate(fib()):
    if i >= 10:
        break
    out.append(v)
print(out)

def raiser():
    yield 1
    1 / 0
try:
    for v in raiser():
        print("v", v)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

print([x for x in (y * 2 for y in range(3))])
print(sorted((k, v) for k, v in {"a": 1, "b": 2}.items()))
print(max(len(w) for w in "the quick brown".split()))
gt = g1()
print(type(gt).__name__, repr(gt).startswith("<generator object g1 at 0x"))
lam = (lambda: (yield 5))()
print(next(lam))

class C:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * 10
print(list(C(3)))

def closure_gen(k):
    def g():
        for i in range(k):
            yield i + k
    return g()
print(list(closure_gen(3)))

def th():
    try:
        yield 1
    except Exception as e:
        yield type(e).__name__
t = th()
next(t)
print(t.throw(TypeError))
print(t.throw(ValueError("v"), None, None) if False else "skip")
try:
    t.throw(1)
except TypeError as e:
    print("TypeError:", e)
