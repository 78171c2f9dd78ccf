# The typed tier on ints: results must be python3's whatever the ranges (overflow into big
# ints, floor division and modulo signs, ZeroDivisionError messages, recursion depth).


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def cross(n):
    # crosses 2**62 (the tagged range) and 2**63 (i64) in the loop
    x = 2**62 - 5
    for i in range(n):
        x = x + i * 1000000007 * 1000000007
    return x


def grow():
    t = 0
    for i in range(10):
        t = t * 4611686018427387904 + i
    return t


def counted(n):
    s = 0
    for i in range(n):
        s += i
    return s


def counted2(a, b):
    s = 0
    for i in range(a, b, 3):
        s = s + i * i * i
    return s


def divmod_i(a, b):
    return a // b, a % b


def mod_only(a, b):
    return a % b


def truediv(a, b):
    return a / b


def neg(a):
    return -a


def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1


def early(n):
    for i in range(n):
        if i == 5:
            return i
    return -1


print(fact(20), fact(21), fact(30))
print(fib(20))
print(cross(12))
print(grow())
print(counted(1000), counted(0), counted(-5))
print(counted2(-10, 20), counted2(5, 5))
for a in (7, -7, 2**70, -(2**70)):
    for b in (2, -2, 3):
        print(a, b, divmod_i(a, b))
for f in (divmod_i, mod_only, truediv):
    try:
        f(1, 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
print(truediv(1, 3), truediv(2**60, 3), truediv(10**30, 7), truediv(-7, 2))
print(neg(5), neg(-(2**62)), neg(2**62 - 1))
print(deep(500))
try:
    deep(100000)
except RecursionError as e:
    print("RecursionError:", e)
print(early(10), early(3), early(2**70))


def small_divs():
    out = []
    for i in range(-7, 8):
        for d in range(-3, 4):
            try:
                out.append((i // d, i % d, i / d))
            except ZeroDivisionError as e:
                out.append(str(e))
    return out


def big_range():
    n = 0
    for i in range(2**63 - 3, 2**63 + 2):
        n = n + i
    return n


print(small_divs())
print(big_range())


def big_div(a, b):
    return a / b


print(big_div(10**400, 10**399), big_div(10**400 + 1, 10**400), big_div(1, 10**400))
