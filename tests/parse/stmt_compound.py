if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2
while x:
    break
else:
    continue_ = 1
for i in range(10):
    continue
else:
    pass
for a, (b, *c) in d: pass
for x, in y: pass
with a: pass
with a as b, c as (d, e): pass
with (a as b, c as d,): pass
with (a, b): pass
with (yield x) as y: pass
try:
    pass
except ValueError as e:
    pass
except (TypeError, KeyError):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except* (A, B):
    pass
async def coro():
    async for x in y:
        await z
    async with a as b, c:
        pass
    result = [x async for x in aiter() if await x]
    return await f()
def gen():
    yield
    yield x
    yield from y
    x = yield a, b
class A: pass
class B(A, metaclass=M, **kw):
    x = 1
    def method(self): return self.x
@decorator
@decorator.attr(arg)
@(lambda f: f)
def decorated(): ...
@dataclass(frozen=True)
class C:
    a: int
    b: str = "x"
if x: a = 1; b = 2
while 0: pass
