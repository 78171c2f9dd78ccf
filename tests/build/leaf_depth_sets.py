# A method that only reads attributes and tests set membership runs without storing its
# recursion level; code it runs through a slow path (__eq__ of a colliding key, __getattr__)
# must still see CPython's depth, and the limit must be hit at the same call.
import sys

ROOM = []


def room():
    def down(k):
        try:
            return down(k + 1)
        except RecursionError:
            return k
    return down(0)


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        ROOM.append(room())
        return self.v == other


def member(i):
    return Key(5) if i == 0 else (1, 2, -1)[i - 1]


class Holder:
    def __init__(self):
        self.s = set()
        self.t = set()
        for i in range(4):
            self.s.add(member(i))
        for k in (3, -2, 70):
            self.t.add(k)

    def has(self, k):
        return k in self.s and k - 1 not in self.t


class Lazy:
    def __init__(self, full):
        if full:
            self.lz = {1, 2}

    def __getattr__(self, name):
        ROOM.append(room())
        return {1, 5}

    def has(self, k):
        return k in self.lz


def nested(h, d, k):
    if d == 0:
        return h.has(k)
    return nested(h, d - 1, k)


def nested_lazy(h, d, k):
    if d == 0:
        return h.has(k)
    return nested_lazy(h, d - 1, k)


def deepest(f, h, k):
    d = 0
    while True:
        try:
            f(h, d, k)
        except RecursionError:
            return d
        d += 1


def main():
    base = room()
    full = Holder()
    empty = Lazy(False)
    for k in range(-3, 8):
        ROOM.clear()
        print(k, full.has(k), [base - r for r in ROOM])
    for k in (100, 2 ** 63, -(2 ** 63)):
        print(k, full.has(k))
    for k in range(0, 6):
        ROOM.clear()
        print(k, empty.has(k), Lazy(True).has(k), [base - r for r in ROOM])
    # the deepest nesting at which has() still runs, against plain recursion's limit
    print("deepest", base - deepest(nested, full, 1), base - deepest(nested, full, 5))
    print("deepest", base - deepest(nested_lazy, empty, 1),
          base - deepest(nested_lazy, Lazy(True), 2))


main()
