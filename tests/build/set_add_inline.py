# s.add(k) of a small int into an exact set: the inline path (membership bits valid, table
# below 64 entries) and its fallbacks.  Set iteration order shows where each key was placed,
# so it checks the inline slot choice (last dummy before the first unused entry) against
# python3's.


class Board:
    def __init__(self):
        self.cols = set()
        self.diags = set()

    def churn(self, n, rounds):
        for r in range(rounds):
            for c in range(n):
                self.cols.add(c)
                self.diags.add(r - c)
            for c in range(0, n, 2):
                self.cols.remove(c)
                self.diags.discard(r - c)
        return sorted(self.cols), len(self.diags)


def fill_and_drop(keys, drop):
    s = set()
    for k in keys:
        s.add(k)
    for k in drop:
        s.remove(k)
    for k in keys:
        s.add(k)          # re-adds land in dummies or unused entries
    return s


def order(n, step):
    s = set()
    out = []
    for i in range(n):
        s.add((i * step) % 61 - 30)
        if i % 3 == 2:
            s.discard((i * step) % 61 - 30)
        out.append(list(s))
    return out[-1], len(s)


def add_twice(n):
    s = set()
    for i in range(n):
        s.add(i)
        s.add(i)          # present already: nothing changes
    return list(s)


def edges():
    s = set()
    for k in [-1, -2, -64, 63, 64, -65, 0, 2**61, -(2**61), 2**63, -(2**63) - 1, 10**30]:
        s.add(k)
    return s


def mixed():
    s = {1.0, True}
    s.add(1)              # equal to 1.0 already there
    s.add(2)
    s.add(0)
    s.add(False)
    return s, len(s)


def grow(n):
    s = set()
    for i in range(n):
        s.add(i - n // 2)
    return list(s)[:10], len(s)


class MySet(set):
    def add(self, k):
        print("MySet.add", k)
        set.add(self, k)


def sub(s: set, k: int):
    s.add(k)
    return s


def remove_missing(n):
    s = set()
    for i in range(n):
        s.add(i)
    s.remove(n - 1)
    s.add(n - 1)
    s.remove(n)


b = Board()
print(b.churn(8, 5))
print(list(b.cols), sorted(b.diags))
print(list(fill_and_drop([5, 13, 21, 29, 3, 11], [13, 21])))
print(list(fill_and_drop(list(range(-20, 20, 3)), list(range(-20, 0, 3)))))
print(order(40, 7))
print(order(200, 13))
print(add_twice(20))
print(sorted(edges()), len(edges()))
print(mixed())
print(grow(10))
print(grow(100))
print(grow(1000))
print(sorted(sub(MySet(), 3)))
print(sub(set(), -1), sub({-2}, -1), sub({"a"}, 5) == {"a", 5})
for i in range(3):
    print(list(fill_and_drop([i, i + 8, i + 16, i + 24, i + 32], [i + 8, i + 16])))
try:
    remove_missing(10)
except KeyError as e:
    print("KeyError", e)
remove_missing(5)
