# Bitwise operators in typed code: small operands (i.bit), tagged operands that may be big
# (int.bit: the inline path and the generic one), shift counts of 0, 62, 63, 64 and more,
# negative counts (ValueError), << crossing 2**62 and 2**63, and an LCG whose product is big.


def lcg(seed, n):
    state = seed
    acc = 0
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        acc ^= (state >> 16) % 1000
    return state, acc


def mix(a, b):
    return (a & b, a | b, a ^ b, a >> 3, a << 2, ~a & 0xFF)


def shifts(x, k):
    return (x >> k, x << k)


def small_range(n):
    total = 0
    for i in range(n):
        total += (i & 7) | ((i >> 2) ^ (i << 1))
    return total


def rshift_only(x, k):
    if k >= 0:
        return x >> k
    return -1


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 16) % bound


print(lcg(42, 1000))
print(lcg(2233514868225, 10))
for a, b in [(12, 10), (-12, 10), (-12, -10), (0, -1), (2**62 - 1, -2**62), (2**63, 5),
             (-2**70, 2**65 + 3), (123456789, 987654321)]:
    print(mix(a, b))
for x in [1, -1, 5, -5, 2**61, -2**61, 2**62 - 1, 3, -3, 2**100, -2**100]:
    for k in [0, 1, 2, 30, 61, 62, 63, 64, 65, 100, 200]:
        print(x, k, shifts(x, k))
print(small_range(1000))
print(rshift_only(2**40, 10), rshift_only(-7, 1), rshift_only(-7, 100), rshift_only(7, 64))
for bad in [-1, -2**70]:
    try:
        print(shifts(10, bad))
    except ValueError as e:
        print("ValueError", e)
try:
    print(1 << (2**70))
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
r = Rng(20240601)
print([r.below(3000) for _ in range(20)])
print(True & 3, True | False, 5 ^ True)
for n in [2**40, 2**63, 2**64, 6 * 10**19, 7 * 10**19, 2**66]:
    try:
        print(1 << n)
    except (OverflowError, MemoryError) as e:
        print(n, type(e).__name__, e)
