"""typing: annotation-only usage works at run time."""
from typing import Optional, List, Dict, Tuple, Callable, Any, Union, TypeVar, Generic, NamedTuple, cast, TYPE_CHECKING
import typing

T = TypeVar("T")


def first(xs: List[int], d: Optional[Dict[str, int]] = None) -> Optional[int]:
    return xs[0] if xs else None


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v


class Emp(NamedTuple):
    name: str
    id: int = 3


print(first([4, 5]), first([]), Box(3).v, cast(int, "x"), TYPE_CHECKING, T)
e = Emp("ann")
print(e, e.id, e._fields, Emp("b", 7))
handler: Callable[[int], str] = str
x: Union[int, str] = 5
print(handler(x), typing.get_type_hints(Emp))
