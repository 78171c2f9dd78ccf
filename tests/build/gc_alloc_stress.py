# Allocation and collection stress (issue 4): objects of many sizes (tuples, lists, dicts,
# strings, floats, big ints, instances with 1..30 attributes) are kept alive across many
# collections, forced by churning garbage in between, while new instances of the same
# classes keep being made (their dicts are sized from earlier instances and live in the
# instance's own block).  Everything kept is checked at the end.


class Node:
    def __init__(self, key, left, right):
        self.key = key
        self.left = left
        self.right = right
        self.label = "n%d" % key


class Wide:
    def __init__(self, n, seed):
        for i in range(n):
            setattr(self, "a%d" % i, seed + i)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def tree(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, tree(lo, mid - 1), tree(mid + 1, hi))


def walk(t, out):
    while t is not None:
        walk(t.left, out)
        out.append(t.key)
        if t.label != "n%d" % t.key:
            out.append(-1)
        t = t.right


def churn(n):
    # garbage of every size class, so that collections run and reuse memory
    total = 0
    for i in range(n):
        t = (i, i + 1, str(i))
        l = [i] * (i % 40)
        d = {i: t, "k": l}
        s = "x" * (i % 300)
        f = i * 0.5
        total += len(t) + len(l) + len(d) + len(s) + int(f)
    return total


keep_tree = tree(0, 4000)
lists = {}
strings = []
tuples = []
floats = []
bigs = []
wides = []
points = []
dicts_only = []
churned = 0
for round_ in range(30):
    lists[round_] = [j * round_ for j in range(round_ * 7)]
    strings.append("s" * (round_ * 13) + str(round_))
    tuples.append(tuple(range(round_)))
    floats.append([round_ + k / 8 for k in range(50)])
    bigs.append(3 ** (round_ * 20 + 1))
    wides.append(Wide(round_ % 30 + 1, round_))
    p = Point3(round_, -round_, round_ * 2) if round_ % 3 == 0 else Point(round_, round_ + 1)
    if round_ % 5 == 0:
        p.extra = [round_]          # one more attribute than the class's instances usually get
    points.append(p)
    # a dict that outlives its instance
    dicts_only.append(Point(round_ * 10, round_ * 11).__dict__)
    churned += churn(2000)

out = []
walk(keep_tree, out)
print(len(out), out == list(range(4001)))
print(sum(sum(v) for v in lists.values()), [len(lists[k]) for k in (0, 7, 29)])
print([len(s) for s in strings[::7]], strings[29][-3:])
print(sum(len(t) for t in tuples), tuples[5])
print(sum(sum(f) for f in floats))
print(sum(b % 1000003 for b in bigs), len(str(bigs[-1])))
print([sorted(vars(w).items())[:2] for w in wides[::10]], [len(vars(w)) for w in wides])
print([(type(p).__name__, sorted(vars(p).items())) for p in points[:6]])
print(sum(d["x"] + d["y"] for d in dicts_only), dicts_only[3])
print(churned)

# attributes deleted and added again, dict replaced, vars() of a fresh instance
q = Point(1, 2)
del q.x
q.w = 9
q.x = 3
print(vars(q))
q.__dict__ = {"only": 1}
print(vars(q), Point(5, 6).__dict__)
