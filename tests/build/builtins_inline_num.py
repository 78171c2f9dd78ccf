# abs/min/max/int/float of typed numbers compile inline: corner cases against CPython.
import math


def mm_f(a, b):
    return min(a, b), max(a, b)


def mm_i(a, b):
    return min(a, b), max(a, b)


def mm_small(n):
    out = []
    for i in range(n):
        out.append((min(i, 3), max(i - 2, 0), abs(i - 4)))
    return out


def abs_f(x):
    return abs(x)


def abs_i(x):
    return abs(x)


def to_int(x):
    return int(x)


def to_float(x):
    return float(x)


def clamp(c):
    return min(255, max(0, int(c * 255.0)))


def signs(x, y):
    return math.copysign(1.0, min(x, y)), math.copysign(1.0, max(x, y))


print(mm_f(1.5, 2.5), mm_f(2.5, 1.5), mm_f(0.0, -0.0), mm_f(-0.0, 0.0))
print(mm_f(math.nan, 1.0), mm_f(1.0, math.nan), mm_f(math.inf, -math.inf))
print(signs(0.0, -0.0), signs(-0.0, 0.0))
print(mm_i(1, 2), mm_i(2, 1), mm_i(3, 3), mm_i(-5, 7))
print(mm_i(2**70, 3), mm_i(3, -2**70), mm_i(-2**63, 2**63))
print(mm_small(7))
for x in [0.0, -0.0, -1.5, 2.25, math.inf, -math.inf]:
    print(abs_f(x))
print(abs_f(math.nan))
for x in [0, -1, 5, -2**62, -2**63, -2**63 - 1, 2**63, -4611686018427387903, 10**30]:
    print(abs_i(x))
for x in [0.0, -0.5, 2.9, -2.9, 1e18, 4.6e18, 4.7e18, -4.7e18, 1e300, 2.0**62, -2.0**62]:
    print(to_int(x))
for x in [0, 7, -3, 2**62, 2**63 + 1, 10**20]:
    print(to_float(x), to_int(x))
for c in [0.0, 0.5, 1.0, 2.0, -1.0, 1e300, 0.999]:
    print(clamp(c))
for x in [math.nan, math.inf, -math.inf]:
    try:
        print(to_int(x))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    print(to_float(10**400))
except OverflowError as e:
    print("OverflowError", e)
try:
    clamp(math.nan)
except ValueError as e:
    print("ValueError", e)
print(to_float(1.25))
