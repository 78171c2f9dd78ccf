# A generator function consumed by for loops in typed code: each calling context gets a typed
# copy (still a generator) and the loop variable the join of its yields; the list it yields
# (mutated between yields) keeps its creation site, so count() runs its clone.  The generator
# passed to next() stays generic.
def rotations(n):
    row = list(range(n))
    yield row
    for _ in range(n - 1):
        row.append(row.pop(0))
        yield row


def count(row):
    return row[0] * 2 + len(row)


def scaled(n, f):
    for i in range(n):
        yield i * f


def main(n):
    t = 0
    for r in rotations(n):
        t += count(r)
    s = 0.0
    for x in scaled(n, 0.5):
        s += x
    g = rotations(2)
    print(t, s, next(g))


main(4)
