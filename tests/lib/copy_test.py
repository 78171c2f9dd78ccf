"""copy: copy and deepcopy of builtins, instances, cycles, __copy__/__deepcopy__."""
import copy

l = [1, [2, 3], {"a": [4]}]
s = copy.copy(l)
d = copy.deepcopy(l)
print(s == l, s is l, s[1] is l[1], d == l, d[1] is l[1], d[2]["a"] is l[2]["a"])
t = (1, 2, (3,))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
print(copy.copy({1, 2}), copy.deepcopy(frozenset([1])), copy.copy("s"), copy.deepcopy(3.5), copy.copy(None))
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2 is not cyc)


class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Pt({self.x!r}, {self.y!r})"


p = Pt([1], 2)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
print(p2, p3, p2.x is p.x, p3.x is p.x, type(p3).__name__)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return Custom("copied " + str(self.v))

    def __deepcopy__(self, memo):
        return Custom("deep " + str(self.v))


print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(2)).v, copy.deepcopy([Custom(3)])[0].v)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]


s1 = Slotted()
s2 = copy.deepcopy(s1)
print(s2.a, s2.a is s1.a, hasattr(s2, "b"))
shared = [0]
obj = {"x": shared, "y": shared}
o2 = copy.deepcopy(obj)
print(o2["x"] is o2["y"], o2["x"] is shared)
memo = {}
copy.deepcopy([1, 2], memo)
print(len(memo) > 0)
print(copy.copy(len) is len, copy.deepcopy(Pt) is Pt)


class ListSub(list):
    pass


ls = ListSub([1, [2]])
ls.attr = "a"
ls2 = copy.deepcopy(ls)
print(type(ls2).__name__, ls2, ls2.attr, ls2[1] is ls[1])
print(issubclass(copy.Error, Exception))
