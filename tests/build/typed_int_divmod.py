# int // and % in typed code on ints whose ranges are not proven small (the tagged fast path
# with a small positive divisor, and every other case through the generic operator).
import sys


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def dm(a, b):
    return a // b, a % b


def grow(n):
    x = 1
    out = []
    for _ in range(n):
        x = x * 3 + 1
        out.append((x // 7, x % 7, (-x) // 7, (-x) % 7, x // -5, x % -5))
    return out


n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
print(sum(entry(i, j) for i in range(n) for j in range(n)))
vals = [0, 1, -1, 2, -2, 7, -7, 2**61, -2**61, 2**62 - 1, -2**62, 2**62, -2**62 - 1, 2**63,
        -2**63, 2**64 + 3, -(2**64) - 3, 10**30]
for a in vals:
    for b in vals:
        try:
            print(a, b, dm(a, b))
        except ZeroDivisionError as e:
            print(a, b, "ZeroDivisionError", e)
for t in grow(45)[::6]:
    print(t)
k = 10**20
print(dm(k, 3), dm(-k, 3), dm(k + 1, k), dm(5, k), dm(-5, k))
