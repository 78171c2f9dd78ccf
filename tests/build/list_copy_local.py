# list(x) / x[:] copies that stay in their function (kept in the frame when small): item
# reads and writes, prefix reversals, resizing slice assignments, long lists, copies made in
# loops and in recursion, and exceptions raised while a copy is live.
import sys


def flips(perm):
    deck = list(perm)
    n = 0
    first = deck[0]
    while first != 1:
        deck[:first] = deck[first - 1::-1]
        n += 1
        first = deck[0]
    return n


def grow(xs, k):
    d = xs[:]
    d[:k] = d[k - 1::-1]          # k may be past the end: CPython's result, not a reversal
    d[1:2] = [100, 200, 300]      # the copy grows past its room
    d[0] = len(d)
    return d[0] + d[-1] + len(d)


def shrink(xs):
    d = list(xs)
    d[2:] = []
    return len(d), d[0], d[-1]


def big(xs):
    d = list(xs)                  # more items than the frame keeps
    d[0], d[-1] = d[-1], d[0]
    return d[0] * 1000 + d[-1] + len(d)


def copies_in_loop(xs, rounds):
    total = 0
    for r in range(rounds):
        d = list(xs)
        d[r % len(d)] = r * 2**63  # past 2**63: a big int kept alive through the copy
        total += d[r % len(d)] // 2**60 + d[0]
    return total


def nested(xs):
    d = list(xs)
    e = d[:]                      # a copy of the copy
    e[0] = -1
    return d[0], e[0], len(e)


def recurse(xs, depth):
    d = list(xs)
    d[0] = depth
    if depth == 0:
        return d[0]
    return recurse(d[1:] + [depth], depth - 1) + d[0]


def index_error(xs, i):
    d = list(xs)
    d[1] = 5
    return d[i]


def empty(xs):
    d = list(xs)
    return len(d)


def swap_pairs(xs):
    p = list(xs)
    for i in range(0, len(p) - 1, 2):
        p[i], p[i + 1] = p[i + 1], p[i]
    return p


def main():
    total = 0
    for a in range(1, 6):
        for b in range(1, 6):
            if a != b:
                total += flips([a, b] + [x for x in range(1, 6) if x != a and x != b])
    print("flips", total)
    for k in (1, 3, 5, 7, 9):
        print("grow", k, grow([1, 2, 3, 4, 5], k))
    print("shrink", shrink([9, 8, 7, 6, 5]))
    print("big", big(list(range(40))))
    print("loop", copies_in_loop([3, 1, 4, 1, 5], 12))
    print("nested", nested([7, 8, 9]))
    print("recurse", recurse([1, 2, 3], 5))
    print("empty", empty([]), empty([1]))
    print("swap", swap_pairs([1, 2, 3, 4, 5]))
    try:
        index_error([1, 2, 3], 7)
    except IndexError as e:
        print("IndexError", e)
    print("after", index_error([1, 2, 3], -2))
    sys.setrecursionlimit(120)
    try:
        recurse([1, 2, 3], 500)
    except RecursionError as e:
        print("RecursionError", e)


main()
