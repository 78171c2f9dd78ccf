from __future__ import annotations
def f(x: undefined_name, *a: other) -> ret:
    y: local_ann = 1
    def g() -> z: pass
class C:
    a: int
    b: "str" = "x"
