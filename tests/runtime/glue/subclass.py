class MyInt(int):
    def double(self):
        return self * 2
a = MyInt(5)
print(type(a).__name__, a, a + 1, type(a + 1).__name__, a.double(), repr(a), a == 5, hash(a) == hash(5))
big = MyInt(2 ** 100)
print(big, type(big).__name__, big // 3, MyInt("42"), MyInt("ff", 16), isinstance(a, int))
a.note = "n"
print(a.note, int(a), type(int(a)).__name__, -a, abs(MyInt(-3)), str(a), f"{a:05d}")

class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hello")
print(type(s).__name__, s, s.shout(), s + "x", type(s + "x").__name__, len(s), s[1:3], repr(s))
print(s == "hello", hash(s) == hash("hello"), {"hello": 1}[s], s.startswith("he"), S(), S(12))

class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
l.append(4)
print(type(l).__name__, l, l.total(), len(l), l[0], type(l[1:]).__name__, l + [5])

class D(dict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d["a"], d["zz"], "zz" in d, type(d).__name__, d, d.get("q"))

class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter()
for w in "a b a c a".split():
    c[w] += 1
print(sorted(c.items()))

class F(float):
    pass
x = F(2.5)
print(type(x).__name__, x, x * 2, type(x * 2).__name__, F("1.5"), repr(x))

class T(tuple):
    def first(self):
        return self[0]
t = T((1, 2))
print(type(t).__name__, t, t.first(), len(t), t + (3,), type(t + (3,)).__name__)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, type(p).__name__)

class Name(str):
    def __new__(cls, value):
        return super().__new__(cls, value.strip().title())
print(Name("  ada lovelace "), type(Name("x")).__name__)

class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(3) + Pos(4))
