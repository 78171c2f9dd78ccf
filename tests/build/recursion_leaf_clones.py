# The recursion limit with typed clones: a clone that calls nothing (a leaf: only typed
# arithmetic) checks the limit without counting its level; the depth at which RecursionError
# comes must stay CPython's, whether the innermost frame is a leaf or not.
import sys


def leaf(n):
    return n * 3 + 1


def leaf_float(x, k):
    return 1.0 / (x * (x + 1) // 2 + k + 1)


def down_to_leaf(n):
    if n == 0:
        return leaf(n)
    return down_to_leaf(n - 1) + 1


def down_to_float_leaf(n):
    if n == 0:
        return leaf_float(n, 2)
    return down_to_float_leaf(n - 1) + 1.0


def plain(n):
    if n == 0:
        return 0
    return plain(n - 1) + 1


def deepest(fn):
    # the largest n for which fn(n) returns, found by probing upwards
    n = 0
    while True:
        try:
            fn(n + 1)
        except RecursionError as e:
            return n, str(e)
        n += 1


def main():
    print("leaf", deepest(down_to_leaf))
    print("float leaf", deepest(down_to_float_leaf))
    print("plain", deepest(plain))
    # a leaf called at every depth up to the limit: the depth counter stays balanced
    total = 0
    for k in range(50):
        total += down_to_leaf(k)
    print("balanced", total, deepest(down_to_leaf))
    # a leaf that raises: its level is still balanced afterwards
    for k in range(30):
        try:
            leaf_float(0, -1)
        except ZeroDivisionError as e:
            err = str(e)
    print("after raising", err, deepest(down_to_float_leaf))
    sys.setrecursionlimit(200)
    print("limit 200", deepest(down_to_leaf), deepest(plain))
    sys.setrecursionlimit(1000)
    print(leaf(10), leaf_float(10, 3), leaf(2 ** 62), leaf_float(2 ** 40, 1))


main()
down_to_leaf(5000)
