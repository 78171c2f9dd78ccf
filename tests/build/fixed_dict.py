# Instance dicts of classes that could have a fixed layout, used through __dict__, vars(),
# setattr()/delattr() with run-time names and copy.copy (these uses keep the classes dynamic;
# the results must be CPython's either way).
import copy


class Body:
    def __init__(self, x, vx, name):
        self.x = x
        self.vx = vx
        self.name = name

    def step(self, dt):
        self.x += self.vx * dt


def run():
    b = Body(1.0, 2.0, "b")
    for i in range(3):
        b.step(0.5)
    return b


b = run()
print(b.__dict__)
print(vars(b))
b.__dict__["x"] = 10.0
b.step(1.0)
print(b.x, vars(b))
for name in ["vx", "extra"]:
    setattr(b, name, 7.5)
print(sorted(vars(b).items()))
delattr(b, "extra")
print("extra" in vars(b), hasattr(b, "extra"))
c = copy.copy(b)
c.step(2.0)
print(b.x, c.x, c.name, c is b, type(c).__name__)
b.__dict__.clear()
try:
    b.step(1.0)
except AttributeError as e:
    print("AttributeError:", e)
