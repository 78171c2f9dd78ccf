"""dataclasses: decorator options, field(), helpers and errors."""
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(1, 3), p == (1, 2), Point.__hash__)
print([f.name for f in fields(p)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 1}), ((1,), {"x": 1})]:
    try:
        Point(*args, **kw)
    except TypeError as e:
        print(e)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 >= v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2)), {v1: "a"}[Version(1, 2)])
try:
    v1.major = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e, isinstance(e, AttributeError))
try:
    del v1.minor
except AttributeError as e:
    print(e)
try:
    v1 < 5
except TypeError as e:
    print(e)


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default="s", compare=False)
    derived: int = field(init=False, default=0)

    def __post_init__(self):
        self.derived = len(self.name)


a = Inventory("box")
b = Inventory("box")
a.items.append(1)
print(a, b, a.items is b.items, a.derived, Inventory("x", secret="t") == Inventory("x"))
print(asdict(a), [f.name for f in fields(Inventory)])
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print(e)


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Child(Base):
    c: float = 1.5


print(Child(1), Child(1, "x", 2.0), [f.name for f in fields(Child)], Child.__match_args__)


@dataclass(unsafe_hash=True)
class H:
    v: int


print(hash(H(3)) == hash((3,)), H(3) == H(3))


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass
class Nested:
    p: Point
    ps: list
    d: dict


n = Nested(Point(1, 2), [Point(3, 4)], {"k": Point(5, 6)})
print(asdict(n))
print(astuple(n))


@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2


print(KW(a=1), KW(b=3, a=4))
try:
    KW(1)
except TypeError as e:
    print(e)


@dataclass
class WithInitVar:
    x: int
    scale: dataclasses.InitVar[int] = 2

    def __post_init__(self, scale):
        self.x *= scale


print(WithInitVar(3), WithInitVar(3, 10), [f.name for f in fields(WithInitVar)])
try:
    asdict(5)
except TypeError as e:
    print(e)
try:
    fields(5)
except TypeError as e:
    print(e)
D = dataclasses.make_dataclass("D", [("x", int), ("y", int, field(default=5))])
print(D(1), D(1, 2))


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty())
