async def f():
    return [[x async for x in y] for z in w], [await a for a in b]
def g():
    return (await x for x in y), [lambda: (yield) for q in r]
def h():
    return [(y := i) for i in range(3)], y
def k():
    global t
    return [(t := i) for i in range(3)]
[(m := i) for i in range(3)]
