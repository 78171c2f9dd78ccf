# Typed int loops whose counters cross the small-int range (2**62) and 2**63: boxing an i64
# that is known small lets LLVM drop the tag round trip, so values just outside must still
# take the big-int paths, and indexes computed in loops keep CPython's errors.


def walk(start, step, n):
    out = []
    i = start
    k = 0
    while k < n:
        out.append(i)
        i += step
        k += 1
    return out


def ranged(lo, hi, step):
    total = 0
    last = None
    for x in range(lo, hi, step):
        total += x
        last = x
    return total, last


def sieve_like(limit):
    flags = [True] * (limit + 1)
    for m in range(4, limit + 1, 2):
        flags[m] = False
    return [n for n, f in enumerate(flags) if f and n > 1][:8]


def index_loop(xs, start):
    got = []
    i = start
    while i < len(xs):
        got.append(xs[i])
        i += 3
    return got


print(walk(2**62 - 3, 1, 6))
print(walk(2**63 - 2, 1, 4))
print(walk(-2**62 + 2, -1, 5))
print(walk(-2**63 + 1, -1, 3))
print(ranged(2**62 - 5, 2**62 + 5, 3))
print(ranged(2**63 - 4, 2**63 + 4, 2))
print(ranged(-2**62 + 3, -2**62 - 6, -4))
print(ranged(0, 10, 1))
print(sieve_like(50))
print(index_loop(list(range(20)), 1))
print(index_loop(list(range(20)), -7))
x = 2**62 - 1
for _ in range(3):
    x = x * 2 // 2 + 1
    print(x, x // 3, x % 7, -x // 5)
try:
    print(index_loop([1, 2, 3], -4))
except IndexError as e:
    print("IndexError:", e)
xs = [0] * 5
try:
    for i in range(2**63 - 2, 2**63 + 1):
        xs[i % 5] = i
    print(xs)
    xs[2**63] = 1
except IndexError as e:
    print("IndexError:", e)
