# Insertion into a set of small ints finds its slot from per-set masks of the used and deleted
# entries (tables of at most 64 entries); the slot must stay CPython's (the last deleted entry
# on the probe path, else the unused one ending it), which the iteration order shows.


def lcg(seed):
    x = seed
    while True:
        x = (x * 1103515245 + 12345) % 2147483648
        yield x


class Holder:
    def __init__(self):
        self.s = set()

    def put(self, v):
        self.s.add(v)

    def take(self, v):
        self.s.remove(v)   # typed code removes small ints inline

    def has(self, v):
        return v in self.s


def churn(seed, lo, hi, steps, every):
    h = Holder()
    g = lcg(seed)
    for step in range(steps):
        v = lo + (next(g) >> 12) % (hi - lo)
        if (next(g) >> 12) % 3 and not h.has(v):
            h.put(v)
        elif h.has(v):
            h.take(v)
        if step % every == 0:
            print(len(h.s), list(h.s))
    return h


# many dummies in small tables: every add probes past deleted entries
churn(1, 0, 12, 400, 37)
churn(2, -9, 10, 400, 41)
churn(3, -64, 64, 600, 53)
# keys outside the bitmap range and wrapping probe groups
churn(4, 100, 140, 500, 61)
# a table that grows past 64 entries, then shrinks back by clear()
h = churn(5, 0, 200, 800, 97)
h.s.clear()
for v in [7, 3, 15, 7 + 8, 23]:
    h.put(v)
h.take(15)
h.put(31)
print(list(h.s))

# deleting and re-adding the same keys: freed entries reused in CPython's order
s = set(range(8))
for r in range(5):
    for v in sorted(s)[::2]:
        s.remove(v)
    for v in range(8, 0, -2):
        s.add(v + 16 * r)
    print(list(s))

# a non-small key (invalidates the masks), then a resize rebuilds them
t = set()
for v in range(5):
    t.add(v * 8)
t.add("x")
t.discard("x")
for v in range(1, 20):
    t.add(v * 3)
    if v % 4 == 0:
        t.discard(v * 3 - 9)
print(list(t))
t.add(2**70)
t.add(2**70 + 1)
t.discard(2**70)
for v in range(-5, 5):
    t.add(v)
print(sorted(t, key=str))
print(len(t), 2**70 + 1 in t, 2**70 in t)

# copies and pops keep the order consistent
u = set(range(0, 40, 3))
u2 = u.copy()
for v in range(0, 40, 6):
    u2.discard(v)
for v in range(40, 50):
    u2.add(v)
print(list(u2))
added = 0
while u2:
    u2.pop()
    if len(u2) % 4 == 0 and added < 5:
        added += 1
        u2.add(len(u2) + 100)
        print(list(u2))
try:
    Holder().take(3)
except KeyError as e:
    print("KeyError", e)
