# Inside `[... for i in range(n)]`, a read of the cell n is at least 1 (the loop produced an
# item and nothing can store n while the comprehension runs), so a sum over range(n) there
# is a non-empty float sum; the list of those sums holds floats.
import sys


def rows(vec):
    n = len(vec)
    return [sum(vec[j] * (i + 1) for j in range(n)) for i in range(n)]


def rows_from(vec):
    n = len(vec) + 1
    return [sum(j * 0.5 for j in range(2, n)) for i in range(1, n)]


def changed(vec):
    # nonlocal stores of n in a nested function: no fact
    size = len(vec)

    def shrink():
        nonlocal size
        size = 0
        return 1.0

    return [shrink() + sum(j * 1.0 for j in range(size)) for i in range(size)]


def rebound(vec):
    # n stored again after the comprehension: each call sees its own value
    n = len(vec)
    a = [sum(j * 1.0 for j in range(n)) for i in range(n)]
    n = 0
    b = [sum(j * 1.0 for j in range(n)) for i in range(3)]
    return a, b


def bad(vec):
    n = len(vec)
    return [sum(1.0 / (j - 1) for j in range(n)) for i in range(n)]


def main():
    k = len(sys.argv) + 2
    for m in (0, 1, 3, k):
        v = [x * 1.0 + 0.25 for x in range(m)]
        r = rows(v)
        print(m, r, [type(x).__name__ for x in r], sum(r))
        print(rows_from(v), changed(v), rebound(v))
    try:
        bad([1.0, 2.0, 3.0])
    except ZeroDivisionError as e:
        print("caught", e)
    print(bad([1.0]))
    bad([1.0, 2.0])


main()
