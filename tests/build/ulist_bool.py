# Unboxed list storage (typed.md "Unboxed lists"): lists made by [c] * n whose every use is
# compiled typed keep bools as bytes and small ints in a pointer-free array.  Each function
# below exercises one allowed use; the last ones must stay boxed (an escape on one path).
import sys


def count_true(flags):
    n = 0
    for i in range(len(flags)):
        if flags[i]:
            n += 1
    return n


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    if limit >= 1:
        is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for m in range(i * i, limit + 1, i):
                is_prime[m] = False
        i += 1
    print("count", count_true(is_prime))
    return [n for n, f in enumerate(is_prime) if f]


def negatives(n):
    flags = [False] * n
    flags[-1] = True
    flags[-n] = True
    out = []
    for i, f in enumerate(flags):
        if f:
            out.append(i)
    return out, flags[-1], flags[-2], flags[0]


def toggles(n, k):
    flags = [True] * n
    passes = 0
    for step in range(2, k):
        for j in range(0, n, step):
            flags[j] = not flags[j]
        passes += 1
    on = 0
    for i in range(n):
        if flags[i]:
            on += 1
    return on, passes


def ints(n):
    digits = [0] * n
    for i in range(n):
        digits[i] = (i * 7) % 10
    total = 0
    for i in range(n):
        total += digits[i] * (i % 3)
    return total, digits[-1], digits[3], len(digits)


def mixed_kinds(n):
    a = [True] * n
    b = [0] * n
    for i in range(n):
        b[i] = i % 5
        a[i] = b[i] > 2
    on = 0
    for i in range(n):
        on += a[i]
    return on, b[n - 1]


def pick(flags, i):
    return flags[i]


def through_calls(n):
    flags = [False] * n
    for i in range(0, n, 3):
        flags[i] = True
    return pick(flags, 3), pick(flags, 4), pick(flags, -3), count_true(flags)


def escapes_on_one_path(n, show):
    flags = [True] * n
    flags[1] = False
    if show:
        print(flags)
    return flags[0], flags[1]


def big_count(n):
    flags = [True] * n
    return len(flags), flags[n - 1]


def repeat_edge_cases():
    e = [True] * 0
    f = [False] * -3
    g = [True] * True
    return len(e), len(f), len(g), g[0]


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    primes = sieve(limit)
    print(len(primes), sum(primes), primes[-3:])
    print(negatives(6))
    print(toggles(50, 7))
    print(ints(25))
    print(mixed_kinds(17))
    print(through_calls(10))
    print(escapes_on_one_path(3, False))
    print(escapes_on_one_path(3, True))
    print(big_count(100000))
    print(repeat_edge_cases())


main()
