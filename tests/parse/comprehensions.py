[x for x in y]
[x for x in y if x]
[x for x in y if x if not x]
[x for x in y for z in x]
[(x, y) for x, y in z]
[x for *x, y in z]
{x for x in y}
{x: y for x, y in z}
{x: y for x in a for y in b if x if y}
(x for x in y)
(x for x in y if (z := x))
[[y for y in x] for x in z]
async def f():
    [x async for x in y]
    {x async for x in y}
    (x async for x in y)
    {x: y async for x, y in z}
    [await x for x in y]
[x for x in (lambda: y)]
[x for x in y if lambda: z]
