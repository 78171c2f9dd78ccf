# Small lists that empty and refill (runtime list_resize keeps a block of up to 8 slots when
# shrinking): queues, del of slices, remove, pop at both ends, insert, slice assignment,
# with the contents checked after every step.


def queue_rounds():
    q = []
    out = []
    for r in range(6):
        for k in range(r):
            q.append((r, k))
        while q:
            out.append(q.pop(0))
        q.append("x")
        q.pop()
    return len(out), out[-3:], q


def shrink_ops():
    a = list(range(8))
    del a[2:6]
    b = a[:]
    a.remove(7)
    a.insert(0, -1)
    a[1:3] = []
    c = [1, 2, 3]
    c[0:3] = [9]
    c.extend([8, 7])
    d = [1, 2]
    d.clear()
    d.append(5)
    e = [0] * 3
    del e[:]
    e += [4]
    return a, b, c, d, e


class Box:
    alive = 0

    def __init__(self, v):
        self.v = v


def pops_of_objects():
    q = [Box(k) for k in range(5)]
    total = 0
    while q:
        total += q.pop().v
    q.append(Box(10))
    total += q.pop(0).v
    return total, q


def main():
    print(queue_rounds())
    print(shrink_ops())
    print(pops_of_objects())
    xs = []
    for k in range(20):
        xs.append(k)
        if k % 3 == 0:
            xs.pop(0)
    print(xs, len(xs))
    try:
        [].pop()
    except IndexError as e:
        print("IndexError", e)


main()
