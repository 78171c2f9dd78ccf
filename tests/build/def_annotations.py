from typing import List


def f(x: int, y: 'str') -> list:
    return [x, y]


def g(a: 1, /, b: 2, *c: 3, d: 4, **e: 5) -> 6:
    pass


def h(p, q=3):
    pass


async def co(n: float = 1.5) -> None:
    pass


class C:
    def m(self, __secret: int, other: "C") -> List[int]:
        return []


def deco(fn):
    print("decorating", sorted(fn.__annotations__))
    return fn


@deco
def k(z: dict = {}) -> bool:
    return True


print(f.__annotations__ == {'x': int, 'y': 'str', 'return': list})
print(f.__annotations__)
print(g.__annotations__)
print(h.__annotations__)
print(co.__annotations__)
print(C.m.__annotations__)
print(k.__annotations__)
h.__annotations__ = {"p": "P"}
print(h.__annotations__)
