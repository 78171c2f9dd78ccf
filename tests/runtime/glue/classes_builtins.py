class Base:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "Base " + self.name

class Child(Base):
    def __init__(self, name, n):
        super().__init__(name)
        self.n = n
    def hello(self):
        return "Child/" + super().hello()

c = Child("x", 2)
print(c.hello(), c.n, super(Child, c).hello())

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "the temperature"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls, v):
        t = cls()
        t.celsius = v
        return t

t = Temp.make(20)
print(t.celsius, Temp.unit(), t.unit(), type(Temp.__dict__["celsius"]).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
print(Temp.celsius.__doc__)

class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tagged = True
        return cls
class T(metaclass=Meta):
    pass
print(T.tagged, type(T).__name__)

class A:
    def who(self): return ["A"]
class B(A):
    def who(self): return ["B"] + super().who()
class C2(A):
    def who(self): return ["C"] + super().who()
class D(B, C2):
    def who(self): return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(isinstance(property(), property), repr(super(B, D()))[:20])
