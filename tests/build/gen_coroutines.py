
class Future:
    def __init__(self, name):
        self.name = name
        self.result = None
    def __await__(self):
        v = yield self.name
        return v

async def leaf(x):
    r = await Future("leaf" + str(x))
    return r * 2

async def mid():
    a = await leaf(1)
    b = await leaf(2)
    return a + b

def run(coro, sends):
    it = iter(sends)
    try:
        req = coro.send(None)
        while True:
            print("request", req)
            req = coro.send(next(it))
    except StopIteration as e:
        print("result", e.value)

run(mid(), [10, 20])
c = mid()
print(type(c).__name__)
c.close()

async def noawait():
    return 42
try:
    noawait().send(None)
except StopIteration as e:
    print("value", e.value)

async def fails():
    await Future("f")
    raise ValueError("bad")
f = fails()
print(f.send(None))
try:
    f.send(1)
except ValueError as e:
    print("ValueError", e)
try:
    f.send(None)
except RuntimeError as e:
    print("RuntimeError", e)

async def bad_await():
    await 3
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError", e)

async def thrown():
    try:
        await Future("t")
    except KeyError as e:
        return "handled " + str(e)
t = thrown()
t.send(None)
try:
    t.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)

w = leaf(5).__await__()
print(next(w))
try:
    w.send(4)
except StopIteration as e:
    print("wrapped", e.value)

async def gather(*coros):
    out = []
    for c in coros:
        out.append(await c)
    return out
run(gather(leaf(1), leaf(2), noawait()), [1, 2, 3])
