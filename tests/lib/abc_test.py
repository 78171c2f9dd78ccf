"""abc: ABC, abstractmethod, instantiation errors, register."""
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    @abstractmethod
    def name(self):
        pass

    def describe(self):
        return self.name() + " " + str(self.area())


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 0


print(Sq(3).describe(), isinstance(Sq(2), Shape), issubclass(Sq, Shape), sorted(Shape.__abstractmethods__))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)


class Base(metaclass=ABCMeta):
    pass


Base.register(int)
print(isinstance(3, Base), isinstance("s", Base), issubclass(int, Base))
