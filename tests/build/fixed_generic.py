# Fixed-layout instances reached by generic code: getattr/hasattr with run-time names, type(),
# methods whose generic versions run (super().__init__, Base.__init__), stores of every kind
# through the runtime's setattr into slots; the instances keep working in typed code.


class Base:
    def __init__(self, x, label):
        self.x = x
        self.label = label
        self.none = None

    def bump(self, d):
        self.x = self.x + d
        return self.x


class Child(Base):
    def __init__(self, x, label, w):
        super().__init__(x, label)
        self.w = w

    def weight(self):
        return self.w * 2.0


class Leaf(Base):
    def __init__(self, x):
        Base.__init__(self, x, "leaf")


def make(n):
    out = []
    for i in range(n):
        out.append(Child(i * 0.5, "c" + str(i), i + 0.25))
    return out


def total(items):
    t = 0.0
    for c in items:
        t += c.x + c.weight()
    return t


items = make(5)
print(total(items))
for name in ["x", "label", "w", "none", "missing"]:
    print(name, hasattr(items[1], name), getattr(items[1], name, "default"))
print(type(items[0]).__name__, type(items[0]) is Child, isinstance(items[0], Base))
print(items[2].bump(1.5), items[2].x)
lf = Leaf(3)
print(lf.x, lf.label, lf.bump(2), lf.none)
lf.x = "now a str"
print(lf.x, lf.bump(" and more"))
try:
    lf.w
except AttributeError as e:
    print("AttributeError:", e)
try:
    del lf.w
except AttributeError as e:
    print("AttributeError:", e)
del lf.label
print(hasattr(lf, "label"), sorted(k for k in dir(lf) if not k.startswith("_")))
items[3].x = 100
print(total(items))
