x = 1
a = b = c = f(x)
a, b = b, a
[a, *b] = c
(a, b), c = d
*a, b = c
a.b = a[0] = a[1:2] = 3
x: int
x: int = 5
a.b: str = "s"
a[0]: list[int] = []
(y): float = 1.0
x += 1; x -= 1; x *= 2; x @= m; x /= 2; x //= 2; x %= 3; x **= 2
x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1
a.b += 1
a[i] -= yield_value
z = yield
del x
del a.b, a[0], (c, d), [e, f]
del (x)
pass
assert x
assert x, "message"
raise
raise E
raise E from cause
global g1, g2
import os
import os.path as osp, sys
from . import a
from .. import b as bb
from ... import c
from .... import d
from .mod import (e, f as g,)
from pkg.sub import *
from __future__ import annotations
x = *a, *b
print(*args, sep="", **kw)
x = a if b else c
