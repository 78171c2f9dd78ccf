# Int intervals cut by compares and by indexes that worked (dunder.c narrow_ints, infer.c
# narrow_cmp_ty): a while counter bounded by its loop test stays a small int, the recursion
# below `if n < 2` sees n >= 2, an index that just worked is small.


def count_up(n, items):
    i = 0
    s = 0
    while i < len(items):      # i < len: i + 1 stays small
        s += items[i]
        i += 1
    k = 0
    while k <= n:              # n is at most 40 here
        k += 3
    return s + k


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def walk(xs, j):
    total = 0
    while True:
        total += xs[j]         # after xs[j] worked, j is small: j - 1 cannot overflow
        if j == 0:
            break
        j -= 1
    return total


def clamp(v):
    if v > 100:
        return 100
    if v >= -5:
        return v               # -5 <= v <= 100
    return -5


def big(x):
    if x != 0:                 # x may be any int: != 0 only cuts an end at 0
        return x * 2
    return -1


print(count_up(40, [3, 4, 5]), fib(15), walk([1, 2, 3, 4], 3))
print(clamp(7), clamp(10**30), clamp(-10**30), clamp(-3))
print(big(2**70), big(0), big(-7))
