from __future__ import annotations
def f():
    z: (yield from q)
