from __future__ import annotations


def f(x: int, y: list[str] | None = None) -> dict[str, int]:
    return {}


print(f.__annotations__)
