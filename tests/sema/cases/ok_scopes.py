"""docstring"""
from __future__ import annotations
import os.path as p, sys
from collections import *
x: int = 1
global y
y: int
def outer(a, /, b=1, *args, c, d=2, **kw):
    z = a
    def inner():
        nonlocal z
        z += 1
        return z, b
    class K:
        z = 5
        def m(self):
            return z, super().m(), __class__
    lam = lambda q=z: q + a
    return [w for w in args if (t := w)], t, inner, K, lam
async def agen():
    async with a as b:
        async for c in b:
            yield [d async for d in c]
            yield {await e for e in c}
    await f
    return_value = [x async for x in y]
(await q for q in r)
class C:
    def __m(self, __x):
        return __x, self.__y
    [j for j in range(3)]
    __debug_ok = 1
del x.__debug__
x.__debug__ += 1
f(__debug_=1, a=2, b=3)
for i in range(3):
    try:
        continue
    finally:
        pass
    while i:
        break
    else:
        pass
