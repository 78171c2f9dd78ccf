# Exact sets (set() / set(iterable)) in the typed tier: add, discard, remove, `in`, `not in`
# and len call the runtime's set functions directly; errors are CPython's.


class Board:
    def __init__(self, n):
        self.n = n
        self.cols = set()
        self.seen = set(range(3))

    def mark(self, c):
        if c in self.cols:
            return False
        self.cols.add(c)
        self.seen.discard(c)
        return True

    def unmark(self, c):
        self.cols.remove(c)


def run(n):
    b = Board(n)
    marks = 0
    for i in range(n):
        if b.mark(i % 4):
            marks += 1
    print(marks, len(b.cols), len(b.seen), 2 in b.cols, 7 not in b.cols, sorted(b.cols))
    b.unmark(0)
    print(sorted(b.cols))
    try:
        b.unmark(0)
    except KeyError as e:
        print("KeyError:", e)
    return b


def hashing():
    s = set()
    s.add((1, 2))
    s.add("x")
    s.add(1.0)
    print(1 in s, (1, 2) in s, "y" in s, len(s))
    s.discard("nope")
    try:
        s.add([1])
    except TypeError as e:
        print("TypeError:", e)
    try:
        print([1] in s)
    except TypeError as e:
        print("TypeError:", e)
    print(frozenset({1}) in s, s.remove(1) is None, len(s))


run(10)
hashing()
b = run(3)
b.unmark(1)
b.unmark(1)
