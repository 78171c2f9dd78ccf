# The inline set.add / set.remove of small ints keep the membership bits valid without
# bumping the set's version, take an unused entry (fill + 1, maybe a resize) or a dummy (the
# last one passed), and leave tables of 64 entries and more to a later resize.  Iteration
# order shows every slot choice, so each step is compared with python3's.


class Sets:
    def __init__(self):
        self.a = set()
        self.b = set()

    def put(self, k):
        self.a.add(k)

    def take(self, k):
        self.a.remove(k)

    def drop(self, k):
        self.a.discard(k)

    def has(self, k):
        return k in self.a


def lifo(n):
    # nqueens' pattern: add, recurse, remove in reverse order; dummies pile up
    s = Sets()
    out = []

    def go(row):
        if row == n:
            out.append(list(s.a))
            return
        for c in range(n):
            k = row * 3 - c * 5
            if not s.has(k):
                s.put(k)
                go(row + 1)
                s.take(k)

    go(0)
    return len(out), out[:3], out[-3:], list(s.a)


def negatives():
    s = Sets()
    for k in [-1, -2, -3, -64, -63, -33, -1, -2]:
        s.put(k)
    r = [list(s.a)]
    s.take(-1)
    r.append(list(s.a))
    s.put(-2)          # present: nothing changes
    s.put(-1)          # back into the dummy it left
    r.append(list(s.a))
    s.take(-2)
    s.take(-64)
    s.put(-64)
    s.put(-2)
    r.append(list(s.a))
    return r, s.has(-1), s.has(-2), s.has(-65), len(s.a)


def thresholds():
    # every fill that triggers a resize from 8, 32 and 128 entries, with dummies counted
    s = Sets()
    r = []
    for k in range(40):
        s.put(k)
        if k % 3 == 1:
            s.take(k - 1)
        r.append((len(s.a), list(s.a)))
    return r[::5], list(s.a)


def big_then_small():
    # a table past 64 entries (removes there leave the occupancy masks to the resize), then
    # shrunk by the resize that an add into an unused entry triggers
    s = Sets()
    for k in range(-60, 60):
        s.put(k)
    for k in range(-60, 58):
        s.take(k)
    r = [list(s.a)]
    # distinct keys into unused entries until the fill limit of the 512-entry table: the
    # resize brings it back to 8 entries and rebuilds the masks the removes above left stale
    for k in range(64, 400):
        s.put(k)
        s.take(k)
    r.append(list(s.a))
    for k in range(-5, 20):
        s.put(k)
        s.take(k)
        s.put(k * 2)
    r.append(list(s.a))
    return r, len(s.a)


def mixed_runtime():
    # inline ops interleaved with runtime ones (which read the bits and the masks)
    s = Sets()
    for k in range(10):
        s.put(k)
    s.take(3)
    s.a.update({3, 40})
    s.put(41)
    s.take(40)
    r = [list(s.a), s.has(3), 40 in s.a, s.has(41)]
    p = s.a.pop()
    s.put(p)
    r.append((p, list(s.a)))
    c = s.a.copy()
    s.take(0)
    s.put(-7)
    r.append((list(c), list(s.a)))
    s.a.discard(2**70)
    s.a.add(2**70)     # not a small int: the bits go invalid
    s.put(12)
    s.take(12)
    s.a.discard(2**70)
    s.put(13)
    r.append(sorted(s.a))
    s.a.clear()
    for k in [9, 1, 17, 25]:
        s.put(k)
    s.take(17)
    s.put(33)
    r.append(list(s.a))
    return r


def iterate_while_mutating():
    s = Sets()
    for k in range(6):
        s.put(k)
    try:
        for k in s.a:
            s.put(k + 100)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        for k in s.a:
            s.take(k)
    except RuntimeError as e:
        print("RuntimeError:", e)
    return sorted(s.a)


def missing():
    s = Sets()
    s.put(5)
    s.take(5)
    s.drop(5)
    s.drop(-1)
    try:
        s.take(5)
    except KeyError as e:
        print("KeyError", repr(e), e.args)
    try:
        s.take(-1)
    except KeyError as e:
        print("KeyError", repr(e))
    try:
        s.take(2**64)
    except KeyError as e:
        print("KeyError", repr(e))
    return list(s.a)


def aliases():
    s = Sets()
    t = s.a            # the same set under two names
    for k in range(8):
        s.put(k)
    t.remove(4)
    s.put(12)
    t.add(4)
    s.take(12)
    t.add(12)
    return list(s.a), s.a is t


print(lifo(5))
print(lifo(6))
print(negatives())
print(thresholds())
print(big_then_small())
for line in mixed_runtime():
    print(line)
print(iterate_while_mutating())
print(missing())
print(aliases())
s = Sets()
s.put(1)
s.take(1)
s.take(1)
