class Sleep:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield ("sleep", self.tag)
        return got

async def agen(n):
    for i in range(n):
        v = await Sleep(i)
        yield (i, v)
    print("agen done")

async def consumer():
    out = []
    async for item in agen(3):
        out.append(item)
    return out

def run(coro):
    val = None
    try:
        while True:
            req = coro.send(val)
            print("loop got", req)
            val = req[1] * 100
    except StopIteration as e:
        return e.value

print(run(consumer()))

async def simple():
    yield 1
    yield 2

async def collect():
    return [x async for x in simple()]
print(run(collect()))

async def manual():
    g = simple()
    a = await g.__anext__()
    b = await g.asend(None)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    return a, b
print(run(manual()))

async def closing():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")

async def use_close():
    g = closing()
    print(await g.__anext__())
    await g.aclose()
    print("closed")
print(run(use_close()))

async def catching():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)

async def use_throw():
    g = catching()
    await g.__anext__()
    return await g.athrow(ValueError("x"))
print(run(use_throw()))
a = simple()
print(type(a).__name__, a.__name__)
