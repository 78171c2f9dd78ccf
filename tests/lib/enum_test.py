"""enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique."""
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return self.name.lower() + "!"

    @property
    def warm(self):
        return self is Color.RED


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [m.name for m in Color], list(Color.__members__), repr(Color))
print(Color.RED.describe(), Color.RED.warm, Color.GREEN.warm, isinstance(Color.RED, Color), type(Color.RED).__name__)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED in Color, hash(Color.RED) == hash(Color.RED), f"{Color.GREEN}")
print({Color.RED: "r"}[Color.CRIMSON], sorted(Color, key=lambda c: c.value), list(reversed(Color)))
try:
    Color(7)
except ValueError as e:
    print(e)
try:
    Color["NOPE"]
except KeyError as e:
    print("KeyError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
try:
    class More(Color):
        PINK = 4
except TypeError as e:
    print(e)


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), Auto.D.value)


class Num(IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num(2), f"{Num.TWO}", str(Num.ONE), Num.ONE < Num.TWO, isinstance(Num.ONE, int))
print(sorted([Num.TWO, Num.ONE]), int(Num.TWO), [n.value for n in Num])


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), str(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), repr(Perm.R & Perm.X), list(rw))
print(repr(~Perm.R), Perm(6) is rw, repr(Perm(0)), str(Perm(0)), len(rw))


class Bits(IntFlag):
    A = auto()
    B = auto()
    C = auto()


print(list(Bits), Bits.A | Bits.C, repr(Bits.A | Bits.C), Bits.B + 1, Bits.C.value, Bits.A | 2, repr(Bits(3)))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)


@unique
class Ok(Enum):
    A = 1
    B = 2


print(list(Ok))
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.EARTH.mass, Planet.MERCURY.radius, Planet.EARTH.value)


class Shape(str, Enum):
    SQUARE = "sq"
    CIRCLE = "ci"


print(Shape.SQUARE, repr(Shape.CIRCLE), Shape.SQUARE == "sq", Shape("ci"), Shape.SQUARE.upper())


class SE(enum.StrEnum):
    X = auto()
    Y = "why"


print(SE.X, repr(SE.X), SE.Y + "!", f"{SE.Y}")


class WithMissing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return cls.A


print(WithMissing(99))
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green")
