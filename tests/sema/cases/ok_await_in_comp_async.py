async def f():
    async with a as b:
        return [await q for q in b]
