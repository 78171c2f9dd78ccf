"""contextlib: contextmanager, suppress, closing, nullcontext, redirect_stdout, ExitStack."""
import contextlib
import sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack


@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")


with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", e)


with swallow():
    raise KeyError("k")
print("after swallow")


@contextmanager
def noyield():
    if False:
        yield


try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)


@contextmanager
def twoyield():
    yield 1
    yield 2


try:
    with twoyield():
        pass
except RuntimeError as e:
    print(e)


@tag("deco")
def decorated():
    print("body")


decorated()
decorated()

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
with suppress(KeyError, IndexError):
    [][1]
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print(e)


class Res:
    def close(self):
        print("closed")


with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
with nullcontext() as v:
    print(v)


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


w = W()
with contextlib.redirect_stdout(w):
    print("hidden", 1)
print("captured", w.parts)

with ExitStack() as stack:
    for i in range(3):
        stack.enter_context(tag("t%d" % i))
    stack.callback(print, "callback ran")
    print("in stack")


class CM:
    def __init__(self, n, swallow=False):
        self.n = n
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.n)
        return self

    def __exit__(self, *exc):
        print("exit", self.n, exc[0].__name__ if exc[0] else None)
        return self.swallow


try:
    with ExitStack() as stack:
        stack.enter_context(CM(1))
        stack.enter_context(CM(2))
        raise KeyError("x")
except KeyError as e:
    print("propagated", e)
with ExitStack() as stack:
    stack.enter_context(CM(3, True))
    raise KeyError("y")
print("swallowed by CM")
with ExitStack() as stack:
    stack.callback(print, "not run yet")
    s2 = stack.pop_all()
print("popped")
s2.close()
try:
    with ExitStack() as stack:
        stack.enter_context(5)
except TypeError as e:
    print(e)
