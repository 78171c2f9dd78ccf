def f0(): pass
def f1(a, b): pass
def f2(a, b=1, *args, c, d=2, **kwargs): pass
def f3(a, /, b, *, c): pass
def f4(a=1, /, b=2, *, c=3): pass
def f5(a, b=2, /): pass
def f6(a: int, b: "str" = "s", *args: int, c: float = 1.0, **kw: dict) -> None: pass
def f7(*, a): pass
def f8(*args): pass
def f9(**kwargs): pass
def f10(*args: *Ts): pass
def f11(a, /): pass
def f12(a, b, /, c, d=1, *e, f, g=2, h, **i): pass
def f13(a,): pass
async def f14(a, *, b) -> int: pass
lambda: 0
lambda a: a
lambda a, b=1: a
lambda *args, **kw: 0
lambda a, /, b, *, c: 0
lambda a=1, /, b=2, *c, d, e=3, **f: 0
lambda *, a=1: a
lambda a, b,: 0
