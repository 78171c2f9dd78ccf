# Compares and indexes narrow int intervals in the typed tier: every cut must be sound
# for ints of any size, bools, floats, negative indexes and values that cross 2**63.
import sys


def up_to(n):
    i = 0
    out = 0
    while i < n:               # n may be huge: i + 1 leaves the small range
        out += 1
        i += 1 if n < 100 else n // 3
    return i, out


def down(n):
    steps = 0
    while n > 2:               # n can start at 2**64
        n -= n // 2
        steps += 1
    return n, steps


def around(x):
    r = []
    if x <= 2**62:
        r.append(x + 2**62)    # may cross 2**63: big int
    if x >= -(2**62):
        r.append(x - 2**62)
    if x == 2**62 - 1:
        r.append(x + 1)
    if x != 0:
        r.append(x * x)
    return r


def idx(xs, j):
    v = xs[j]                  # j may be negative: counts from the end
    return v, j - 1, j * 2**62


def bools(b):
    if b < 1:
        return b + 0, "lt"
    return b * 3, "ge"


def mixed(v):
    if v < 3:                  # v: int or float
        return v + 1
    return v - 1


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def deep(n):
    if n <= 0:
        return 0
    return 1 + deep(n - 1)


print(up_to(10), up_to(2**70))
print(down(2**64), down(-5), down(9))
for x in (0, 1, 2**62 - 1, 2**62, -(2**62), -(2**62) - 1, 2**63, -1):
    print(x, around(x))
print(idx([1, 2, 3], 2), idx([1, 2, 3], -3))
try:
    idx([1, 2, 3], 3)
except IndexError as e:
    print("IndexError:", e)
try:
    idx([1, 2, 3], 2**64)
except IndexError as e:
    print("IndexError:", e)
print(bools(False), bools(True))
print(mixed(1), mixed(2.5), mixed(float("nan")), mixed(7), mixed(10.0))
print(fib(20), fib(-3))
try:
    deep(100000)
except RecursionError:
    print("RecursionError")
print(deep(50))
sys.stdout.flush()
