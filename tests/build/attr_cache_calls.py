# Method calls without bound methods in awkward places: arguments that suspend a generator
# (the self slot lives across yields), recursion through one site with two types, a
# coroutine, and a site seeing more types than its cache has entries while methods change.
class Acc:
    def __init__(self):
        self.items = []
    def add(self, x, y=0):
        self.items.append((x, y))
        return len(self.items)

def gen(acc):
    while True:
        n = acc.add((yield "x"), y=(yield "y"))
        if n >= 2:
            return n

a2 = Acc()
g = gen(a2)
print(next(g), g.send(1), g.send(2), g.send(3))
try:
    g.send(4)
except StopIteration as e:
    print("stop", e.value, a2.items)

class P:
    def m(self, x): return ("P", x)
class Q:
    def m(self, x): return ("Q", x)
def f(objs, d):
    return objs[d % 2].m(f(objs, d - 1) if d else 0)
print(f([P(), Q()], 5))

async def co(acc):
    return acc.add(1, y=2)
c = co(Acc())
try:
    c.send(None)
except StopIteration as e:
    print("co", e.value)

# a method site seeing many types (more than the cache's ways)
class T0:
    def name(self): return "T0"
types = [T0]
for i in range(1, 7):
    types.append(type("T%d" % i, (types[-1],), {"name": (lambda i: lambda self: "T%d" % i)(i)}))
objs = [t() for t in types] * 3
print([o.name() for o in objs])
for t in types[::2]:
    t.name = lambda self: "re-" + type(self).__name__
print([o.name() for o in objs])
del types[2].name
print([o.name() for o in objs])
