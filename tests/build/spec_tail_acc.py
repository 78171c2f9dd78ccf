# Pure recursive functions whose speculative bodies loop on their own tail calls (cg_spec.c
# cg_spec_tail: `return f(...)` and `return x + f(...)` add into a sum and start over):
# RecursionError at the same depth under several limits, sums that overflow only in the
# reassociated order, results past 2**63, errors deep inside, closures, several returns.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_left(n):
    if n < 2:
        return n
    return fib_left(n - 2) + fib_left(n - 1)


def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)


def down_right(n):
    if n == 0:
        return 5
    return down_right(n - 1) + n


def last(n, a):
    if n == 0:
        return a
    return last(n - 1, a + n)


def terms(n, x, base):
    # x added n times, then base: the loop's sum meets x * n before base
    if n == 0:
        return base
    return x + terms(n - 1, x, base)


def collatz(n, steps):
    if n == 1:
        return steps
    if n % 2:
        return collatz(3 * n + 1, steps + 1)
    return collatz(n // 2, steps + 1)


def inv(n):
    if n == 0:
        return 100 // n
    return 1 + inv(n - 1)


def pick(xs, i):
    if i < 0:
        return 0
    return xs[i] + pick(xs, i - 1)


def flt(n):
    if n == 0:
        return 0.5
    return 1 + flt(n - 1)


def truth(n):
    if n == 0:
        return True
    return 1 + truth(n - 1)


def outer(k):
    def rec(n):
        if n == 0:
            return k
        return k + rec(n - 1)
    return rec(10), rec(50)


def first_failing(f, start):
    n = start
    while True:
        try:
            f(n)
        except RecursionError as e:
            return n, str(e)
        n += 1


print(fib(25), [fib(k) for k in range(15)], fib(-5), fib(2 ** 70 - 2 ** 70 + 12))
print(fib_left(22), [fib_left(k) for k in range(-3, 12)])
print(down(900), down_right(900), last(900, 0), last(10, 2 ** 64), last(3, -2 ** 63))
# fits in the original order (base first), overflows in the loop's (2**61 + 2**61 first)
print(terms(2, 2 ** 61, -2 ** 62), terms(3, 2 ** 61, -2 ** 62 - 2 ** 61 + 1))
print(terms(4, 2 ** 61, 0), terms(2, -2 ** 61, -2 ** 61), terms(9, 2 ** 62 - 1, 7))
print(terms(500, 2 ** 60, 0), terms(500, -2 ** 60, 2 ** 62 - 1), terms(5, 3, 2 ** 70))
print(collatz(27, 0), collatz(97, 0), collatz(2 ** 64 + 1, 0))
print(pick([1, 2, 3, 2 ** 62 - 1, 2 ** 62 - 1], 4), pick([-2 ** 62] * 4, 3), flt(20), truth(30))
print(outer(3), outer(2 ** 58), outer(2 ** 62))
try:
    inv(50)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pick([1, 2, 3], 7)
except IndexError as e:
    print("IndexError:", e)
print(first_failing(down, 990), first_failing(down_right, 990))
print(first_failing(lambda n: last(n, 0), 990), first_failing(lambda n: terms(n, 1, 0), 990))
for limit in (50, 51, 120, 2500):
    sys.setrecursionlimit(limit)
    print(limit, first_failing(down, limit - 30), first_failing(lambda n: last(n, 1), limit - 30))
for limit in (24, 25, 30):   # fib(n) runs n deep
    sys.setrecursionlimit(limit)
    print(limit, first_failing(fib, 1), first_failing(fib_left, 1))
sys.setrecursionlimit(1000)
print(down(950), fib(20))
