# Sets of small ints take fast paths (no hash call, identity compare, a membership bitmap
# for -64..63); everything observable must stay CPython's: table order, repr, pop order,
# equal keys of other types (True, 1.0), big ints hashing like small ones, errors.


def lcg(seed):
    x = seed
    while True:
        x = (x * 1103515245 + 12345) % 2147483648
        yield x


class Board:
    def __init__(self):
        self.cols = set()
        self.diag = set()

    def put(self, r, c):
        self.cols.add(c)
        self.diag.add(r - c)

    def take(self, r, c):
        self.diag.remove(r - c)
        self.cols.discard(c)

    def free(self, r, c):
        return c not in self.cols and r - c not in self.diag


def churn(seed, lo, hi, steps):
    """random add/remove/discard/in on ints in [lo, hi): print the order now and then"""
    s = set()
    g = lcg(seed)
    hits = 0
    for step in range(steps):
        v = lo + next(g) % (hi - lo)
        op = next(g) % 4
        if op == 0:
            s.add(v)
        elif op == 1:
            s.discard(v)
        elif op == 2:
            if v in s:
                s.remove(v)
                hits += 1
        else:
            if v in s:
                hits += 1
        if step % 97 == 0:
            print(list(s))
    print(seed, lo, hi, hits, len(s), s)


for seed in range(6):
    churn(seed, -70, 70, 400)
churn(7, -5, 5, 300)
churn(8, 0, 1000, 500)
churn(9, -(2 ** 20), 2 ** 20, 300)

# the board: a class whose set attributes get typed calls
b = Board()
placed = []
for r in range(8):
    for c in range(8):
        if b.free(r, c):
            b.put(r, c)
            placed.append((r, c))
            break
print(placed, b.cols, b.diag)
for r, c in placed[::2]:
    b.take(r, c)
print(b.cols, b.diag, b.free(0, 0), b.free(2, 4))

# ints whose hashes wrap around 2**61 - 1, negative ones, -1 (hash -2), big ints
big = [2 ** 61 - 1, 2 ** 61, 2 ** 61 + 1, 2 ** 62, -(2 ** 61 - 1), -(2 ** 61), -1, -2,
       2 ** 62 - 1, -(2 ** 62), 2 ** 64 + 3, -(2 ** 70), 0, 1, 2, 3]
s = set()
for v in big:
    s.add(v)
    print(list(s))
for v in big:
    print(v, v in s, v + 1 in s, v - 1 in s)
for v in big[::3]:
    s.remove(v)
print(s, len(s))
print(1 in s, 2 ** 61 + 1 in s, -1 in s, -2 in s, 2 ** 61 - 1 in s)

# equal keys of other types
s = {1, 2, 3}
print(1.0 in s, True in s, 2.0 in s, 2.5 in s)
s.add(True)
s.add(1.0)
print(s)
s.remove(1.0)
print(s, 1 in s, True in s)
s.add(True)
print(s, 1 in s, type(list(s)[-1]).__name__)
s = set()
s.add(1.0)
print(1 in s, True in s, 0 in s)
s.add(1)
s.add(0)
print(s, 0 in s, False in s)
s.discard(False)
print(s, 0 in s)
s = {True, False, 5}
print(s, 1 in s, 0 in s)
for i in range(20):
    s.add(i)
print(s, 1 in s, 0 in s, 19 in s)
s = {0.5, 1, -3, 2 ** 61 + 1, "x"}
print(1 in s, -3 in s, 0 in s, len(s), sorted(s, key=str))
t = {1, 2, 3}
t.add("a")
t.discard("a")
print(t, 2 in t, 4 in t)

# pop, clear, the algebra
s = set(range(-20, 20, 3))
print(s)
print([s.pop() for _ in range(5)], s)
s.clear()
print(s, 3 in s)
s.add(3)
print(s, 3 in s, 4 in s)
a = {x * 7 % 40 - 20 for x in range(30)}
b2 = set(range(-10, 30, 4))
print(a, b2)
print(a | b2, a & b2, a - b2, a ^ b2)
a |= b2
print(a, 22 in a, -10 in a)
a -= {x for x in range(-64, 64) if x % 2}
print(a, -19 in a, -18 in a)
f = frozenset([3, 1, -4, 1, 5, -9])
print(f, 1 in f, -9 in f, 2 in f)
print(set(dict.fromkeys([5, 3, -1, 64, -64, -65, 63])))

# errors
s = {1, 2}
try:
    s.remove(3)
except KeyError as e:
    print("KeyError", e, repr(e.args))
try:
    s.remove(-1)
except KeyError as e:
    print("KeyError", e)
try:
    [] in s
except TypeError as e:
    print("TypeError", e)
try:
    s.add([])
except TypeError as e:
    print("TypeError", e)
s = set(range(10))
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print("RuntimeError", e)
s = set(range(10))
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError", e, s)
s = set(range(10))
for x in s:          # same size: no error
    s.discard(x)
    s.add(x + 50)
    break
print(s)


# a set attribute later replaced by other types
class Holder:
    def __init__(self):
        self.items = set()

    def has(self, x):
        return x in self.items

    def put(self, x):
        self.items.add(x)


h = Holder()
for i in range(5):
    h.put(i * 3)
print(h.has(3), h.has(4), h.items)
h.items = [1, 2]
print(h.has(1), h.has(3))
h.items = {4: "a"}
print(h.has(4), h.has(1))
h.items = frozenset({7})
print(h.has(7))
try:
    h.put(1)
except AttributeError as e:
    print("AttributeError", e)


def fail(s):
    s.remove(42)


fail({1, 2, 3})
