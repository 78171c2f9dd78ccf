# Pure recursive functions of several kinds (cg_spec.c): closures, float and bool results,
# two parameters, nested calls as arguments, results that are big only at the top.
def outer(k):
    def rec(n):
        if n == 0:
            return k
        return rec(n - 1) + k
    return rec(10), rec(70)


def fsum(n):
    if n == 0:
        return 0.5
    return fsum(n - 1) * 1.5


def parity(n):
    if n < 2:
        return n == 0
    return parity(n - 2)


def mixed(n):
    if n == 0:
        return 2 ** 64
    return mixed(n - 1) + 1


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def fl(n):
    if n <= 1:
        return 1
    return n * fl(n - 1) // fl(n - 1) * fl(n - 1)


print(outer(3), outer(2 ** 61))
print(fsum(10), fsum(2000 // 4))
print(parity(10), parity(77))
print(mixed(5), mixed(0))
print(ack(2, 3), ack(2, 200))
print(gcd(2 ** 80, 2 ** 70 * 3), gcd(1071, 462), gcd(-48, 18))
print(fl(8), fl(10))
for v in (2 ** 62 - 1, 2 ** 62, -2 ** 62, -2 ** 62 - 1):
    print(gcd(v, 6), mixed(0) - v)
