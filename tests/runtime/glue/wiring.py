# start-up wiring: isinstance/issubclass hooks, format() dispatch, __class_getitem__
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42
    def __subclasscheck__(cls, sub):
        return sub is int

class Answer(metaclass=Meta):
    pass

print(isinstance(42, Answer), isinstance(41, Answer), isinstance(42, (str, Answer)))
print(issubclass(int, Answer), issubclass(str, Answer), issubclass(bool, (int, str)))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)

class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")

m = Money(3.14159)
print(format(m), format(m, ".1f"), f"{m}", f"{m:08.3f}", "{}".format(m), "{:.0f}".format(m))

class Bad:
    def __format__(self, spec):
        return 5
try:
    format(Bad())
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass
p = Plain()
print(format(p, "") == str(p), f"{p}" == str(p))
try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)

class Box:
    def __class_getitem__(cls, item):
        return ("Box", item)
print(Box[int], Box["x", 1])
class NoGet:
    pass
try:
    NoGet[1]
except TypeError as e:
    print("TypeError:", e)
print(len("abc"), max(1, 5, 3))
