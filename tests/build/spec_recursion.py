# Pure recursive functions (speculated with small ints, cg_spec.c): results that cross
# 2**62, 2**63 and 2**64 (and negative), exceptions raised deep inside, and the exact depth at
# which RecursionError comes, under several recursion limits.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_pair(n, a, b):
    if n == 0:
        return a
    return fib_pair(n - 1, b, a + b)


def pow2(n):
    if n == 0:
        return 1
    return 2 * pow2(n - 1)


def neg3(n):
    if n == 0:
        return -1
    return neg3(n - 1) * 3


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def tri(n):
    # big only in the middle: the speculation fails, the exact body finishes
    if n == 0:
        return 0
    return tri(n - 1) + n * 2 ** 61 - n * 2 ** 61 + n


def divs(n):
    if n < 0:
        return 0
    return 100 // n + divs(n - 1)


def pick(xs, i):
    if i == 0:
        return xs[0]
    return pick(xs, i - 1) + xs[i]


def first_failing(f, start):
    n = start
    while True:
        try:
            f(n)
        except RecursionError as e:
            return n, str(e)
        n += 1


print(fib(20), [fib(k) for k in range(12)])
print(fib(-5), fib(2 ** 70 - 2 ** 70 + 10))
print(fib_pair(90, 0, 1), fib_pair(92, 0, 1), fib_pair(93, 0, 1), fib_pair(100, 0, 1))
print(fib_pair(300, 0, 1))
for k in (61, 62, 63, 64, 65, 100):
    print(k, pow2(k), neg3(k // 2))
print(pow2(62) - 1 + pow2(62), -pow2(63), pow2(64) // pow2(1))
print(tri(50), tri(200))
print(down(500), is_even(101), is_odd(101), is_even(400))
print(pick([1, 2, 3, 2 ** 62, 2 ** 62, -2 ** 63], 5))
try:
    divs(5)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pick([1, 2, 3], 7)
except IndexError as e:
    print("IndexError:", e)
print(sys.getrecursionlimit())
print(first_failing(down, 990))
print(first_failing(is_even, 990))
sys.setrecursionlimit(120)
print(sys.getrecursionlimit(), first_failing(down, 100), first_failing(pow2, 100))
print(down(110), pow2(110))
sys.setrecursionlimit(3000)
print(first_failing(down, 2990), down(2500), fib_pair(2000, 0, 1) % 1000000007)
sys.setrecursionlimit(1000)
print(first_failing(fib_pair_wrap := (lambda n: fib_pair(n, 0, 1)), 990))
