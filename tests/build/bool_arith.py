# int arithmetic with bool operands (bool is an int subclass): unboxed when the
# ranges allow it, tagged with overflow to big ints otherwise.
def count(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += (i < j)
    return total
def mix(xs):
    t = 0
    for x in xs:
        t = t + (x > 2) * 3 - (x == 1)
        t = True + t
        t -= False
    return t
def big(n):
    t = 2**62 - 5
    for i in range(n):
        t += (i % 2 == 0)
    return t
def bb(a, b):
    return (a < b) + (a > b), (a < b) * (a > b), (a < b) - (a > b)
print(count(6), count(100))
print(mix([1, 2, 3, 4, 1, 0]))
print(big(20), type(big(3)))
print(bb(1, 2), bb(2, 1), bb(3, 3))
print(True + True, True * 5, False - True)


def edges(n):
    hi = 2**63 - 2
    lo = -(2**62)
    out = []
    for i in range(n):
        hi += (i >= 0)
        lo -= (i >= 0)
        out.append((hi, lo, (i < n) * hi, lo * (i > n)))
    return out


for row in edges(3):
    print(row)
flags = [x % 3 == 0 for x in range(10)]
acc = 0
for f in flags:
    acc = acc * 2 + f
print(acc, sum(flags), True - acc)
