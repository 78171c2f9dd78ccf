"""collections: namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap."""
from collections import namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), Point._fields, Point.__name__, repr(Point))
print(p._asdict(), p._replace(y=5), Point._make([3, 4]), tuple(p), hash(p) == hash((1, 2)))
x, y = p
print(x, y, isinstance(p, tuple), Point.__doc__, Point.x.__doc__)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
R = namedtuple("R", "a, def, a, _x", rename=True)
print(R._fields)
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1,), {"z": 2}), ((1,), {"x": 2})]:
    try:
        Point(*args, **kw)
    except TypeError as e:
        print(e)
for bad in [("1x", "a"), ("P", "a class"), ("P", "_a"), ("P", "a a")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print(e)
try:
    p._replace(z=1)
except ValueError as e:
    print(e)
try:
    Point._make([1])
except TypeError as e:
    print(e)

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([8, 9])
print(d, d.count(1), d.index(2), 3 in d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.remove("a")
d.reverse()
print(d, list(reversed(d)))
d.insert(1, "i")
del d[0]
d[0] = "z"
print(d, d == deque(d), d.copy())
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9)
m.appendleft(7)
print(m, deque(maxlen=2), deque())
print(deque([1, 2]) + deque([3]), deque([1]) * 3, deque([1, 2]) < deque([1, 3]))
for op in ("pop", "popleft"):
    try:
        getattr(deque(), op)()
    except IndexError as e:
        print(e)
try:
    deque([1])[5]
except IndexError as e:
    print(e)
try:
    deque([1]).remove(2)
except ValueError as e:
    print(e)
big = deque()
for i in range(100):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big))
dd = deque([1, 2, 3])
try:
    for v in dd:
        dd.append(v)
except RuntimeError as e:
    print(e)

c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), sorted(c.elements()), c.total())
c.update("aaz")
c.subtract({"b": 5})
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), -Counter(a=-2, b=3), +Counter(a=-2, b=3))
print(Counter(), Counter({"x": 2}) == Counter(x=2), Counter(a=1) == Counter(a=1, b=0), dict(Counter("aab")))
del c["nope"]
print(isinstance(c, dict), len(Counter([1, 1, 2])))

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od))
od.move_to_end("b", last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([(1, 2)]) == OrderedDict([(1, 2)]), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
print(OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict.fromkeys("ab"))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

dd = defaultdict(list)
dd["x"].append(1)
dd["y"]
print(dd, dd["x"], len(dd), "z" in dd, dict(dd))
di = defaultdict(int)
for ch in "hello":
    di[ch] += 1
print(di, defaultdict(), defaultdict(None, {1: 2}))
try:
    defaultdict(5)
except TypeError as e:
    print(e)
try:
    defaultdict()[1]
except KeyError as e:
    print("KeyError", e)
print(isinstance(dd, dict), dd.default_factory, dd.copy())

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm, cm["a"], cm["b"], len(cm), list(cm), sorted(cm.items()), "b" in cm, cm.get("z", 0))
cm["c"] = 4
print(cm.maps, cm.new_child(), cm.parents)
try:
    del cm["b"]
except KeyError as e:
    print("KeyError", e)
try:
    cm["zz"]
except KeyError as e:
    print("KeyError", e)

match p:
    case Point(a, b):
        print("matched", a, b)
