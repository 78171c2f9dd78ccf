def f():
    return [x for x in (yield)]
async def g():
    return [x for x in await y], (x async for x in y)
def h():
    return (x async for x in y)
async def k():
    yield 1
    return
