# Leaf clones run a speculative body that assumes every int stays small and start over in the
# exact body when one does not (an overflow, a big argument, a zero or negative divisor, a big
# int to convert): the results, exceptions and tracebacks must be CPython's either way.


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def tri(n):
    return n * (n + 1) // 2


def mixed(a, b, c):
    if a < b:
        return (a * b - c) % 7
    return (a - b) // c


def ratio(a, b):
    return a / b


def conv(n):
    return (n * n + 1) * 0.5


def main():
    print(entry(1, 2), entry(0, 0), entry(10 ** 5, 3))
    # s * (s + 1) crosses 2**62, 2**63 and 2**64: big ints from the exact body
    for s in (2 ** 31 - 1, 2 ** 31, 2 ** 32, 3037000499, 3037000500, 2 ** 62, 2 ** 63 + 5):
        print(s, tri(s), entry(s, 1))
    for k in range(60, 66):
        print(k, tri(2 ** k), tri(-(2 ** k)), entry(2 ** k, 2 ** k))
    print(mixed(3, 5, 2), mixed(5, 3, 2), mixed(5, 3, -2), mixed(-7, 3, 4))
    print(mixed(2 ** 62, 2 ** 63, 1), mixed(2 ** 64, 2 ** 63, 3), mixed(2 ** 64, 2 ** 63, -3))
    for args in ((5, 3, 0), (2 ** 70, 1, 0), (1, 2, 2 ** 80)):
        try:
            print(mixed(*args))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
    print(ratio(7, 2), ratio(-7, 2), ratio(1, 3), ratio(2 ** 62, 3), ratio(10 ** 30, 7))
    print(ratio(-(2 ** 64) - 1, 2), ratio(2 ** 53 + 1, 1), ratio(1, -(2 ** 70)))
    for a, b in ((1, 0), (2 ** 70, 0)):
        try:
            print(ratio(a, b))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
    print(conv(3), conv(2 ** 31), conv(2 ** 40), conv(-(2 ** 62)))
    try:
        print(conv(10 ** 200))
    except OverflowError as e:
        print("OverflowError", e)
    total = 0.0
    for i in range(50):
        for j in range(50):
            total += entry(i, j)
    print(total)


main()
print(tri(2 ** 40 + 3))
mixed(2 ** 100, 1, 0)
