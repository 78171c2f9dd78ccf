# The runtime's fast paths (exact floats, list/tuple subscripts, str equality and indexing,
# splitlines, the attribute cache, small-object allocation) must agree with the slow paths.
import random

random.seed(11)


class F(float):
    def __add__(self, other):
        return "F.add"

    def __lt__(self, other):
        return "F.lt"


nan = float("nan")
print(1.5 + 2, 2 + 1.5, 3.0 * -2, 7 / 2.0, 1.0 - 3, 2 ** 62 + 0.5, -(2 ** 61) * 1.0)
print(F(1.0) + 2.0, 2.0 + F(1.0), F(1.0) < 2.0, 1.0 < F(2.0))
print(nan == nan, nan != nan, nan < 1.0, 1.0 <= 1.0, 0.0 == -0.0, 2.5 > 2.25, 3.0 >= 4.0)
x = 0.5
x += 1
x *= 3
x -= 0.25
x /= 2
print(x)
try:
    print(1.0 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    x /= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sum(i * 0.1 for i in range(1000)))

l = [10, 20, 30]
t = (1, 2, 3)
print(l[0], l[-1], l[-3], t[1], t[-1])
l[-1] = 99
l[0] = "a"
print(l)
for bad in (3, -4):
    try:
        l[bad]
    except IndexError as e:
        print("IndexError:", e)
    try:
        l[bad] = 0
    except IndexError as e:
        print("IndexError:", e)
    try:
        t[bad]
    except IndexError as e:
        print("IndexError:", e)


class L(list):
    def __getitem__(self, i):
        return ("L", i)


print(L([1, 2])[0], True and l[True], l[False])
print(l[1:], l[::-1], l[-2:5], t[:1], "héllo wörld"[2:9:2])

words = ["if", "else", "é", "", "x" * 40]
print([a == b for a in words for b in ["if", "é", "x" * 40, ""]])
print("abc" != "abd", "abc" != "abc")
s = ("ascii text " * 5 + "ünïcödé " + "more ascii " * 9) * 3
print(len(s), s[0], s[70], s[-1], s[100:140], "".join(s[i] for i in range(0, len(s), 37)))

chars = ["a", " ", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1e", "\x1f", "\x85",
         "\u2028", "é", "~", "\x7f", "abcdefghijklmnop"]
total = 0
for n in range(400):
    text = "".join(random.choice(chars) for _ in range(random.randint(0, 40)))
    total = (total * 31 + len(text.splitlines()) * 7 + len(text.splitlines(True))) % 1000003
    total = (total + sum(len(p) for p in text.splitlines())) % 1000003
print(total)


class A:
    v = 1


class B(A):
    pass


class D:
    def __get__(self, obj, typ):
        return "D.get"


b = B()
print(b.v)
A.v = 2
print(b.v)
B.v = 3
print(b.v)
del B.v
print(b.v)
b.v = 4
print(b.v)
A.v = property(lambda self: "prop")
print(b.v)
del A.v
print(b.v)
A.d = D()
print(b.d)
del D.__get__
print(type(b.d).__name__)
boxes = [float(i) for i in range(20000)]
print(sum(boxes), len({str(i) for i in range(5000)}))
