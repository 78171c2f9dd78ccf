# Recursive tuple types (typed tier, types.c fold): trees and lists of tuples built by
# recursion get T = tuple[T|None, T|None] (or tuple[int, T|None]), so the walkers run their
# typed clones.  The edge cases: None vs other falsy items, tuples of other lengths inside a
# tree, None where a tuple is unpacked, recursion past the limit, ints crossing 2**63.
import sys


def build(depth):
    if depth == 0:
        return (None, None)
    return (build(depth - 1), build(depth - 1))


def count(node):
    left, right = node
    if left is None:
        return 1
    return 1 + count(left) + count(right)


def height(node):
    if node is None:
        return 0
    left, right = node
    return 1 + max(height(left), height(right))


def count_any(node):
    left, right = node
    if left is None:
        return 1
    return 1 + count_any(left) + count_any(right)


def height_any(node):
    if node is None:
        return 0
    left, right = node
    return 1 + max(height_any(left), height_any(right))


def lopsided(depth):
    if depth == 0:
        return (None, None)
    return (lopsided(depth - 1), None)


def cons_list(n):
    node = None
    for i in range(n):
        node = (i, node)
    return node


def total(node):
    if node is None:
        return 0
    value, rest = node
    return value + total(rest)


def big_list(n):
    if n == 0:
        return None
    return (2 ** 62 + n, big_list(n - 1))


def attempt(f, arg):
    try:
        return f(arg)
    except (TypeError, ValueError) as e:
        return type(e).__name__ + ": " + str(e)


def main():
    for d in range(6):
        print(d, count(build(d)), height(build(d)))
    print("lopsided", attempt(count, lopsided(10)), height(lopsided(10)))
    print("cons", total(cons_list(100)), total(None), total(cons_list(0)))
    print("big", total(big_list(3)), total(big_list(3)) > 2 ** 63)
    # other shapes (generic walkers)
    print(attempt(count_any, (0, None)))
    print(attempt(count_any, ((None, None, None), (None, None))))
    print(attempt(count_any, ((None,), (None, None))))
    print(attempt(count_any, None))
    print(attempt(count_any, ((0, 0), (None, None))))
    print(attempt(height_any, ((None, None), ("ab", None))))
    print(attempt(height_any, ((None, None), [None, None])))
    print(attempt(total, (1, (2, (3, None)))))
    print(attempt(total, (1, (2, (3, 4)))))
    print(attempt(total, (1, (2, (3,)))))
    print(attempt(total, (1.5, (2, None))))
    # falsy items that are not None
    print(attempt(count_any, ((), ())))
    print(attempt(count_any, (False, False)))
    # recursion past the limit
    deep = None
    for _ in range(5000):
        deep = (deep, None)
    try:
        print(height(deep))
    except RecursionError as e:
        print("RecursionError", e)
    print(height(lopsided(50)))
    mixed = (build(3), (build(2), (None, None)))
    print(count(mixed), height(mixed))
    print(attempt(count_any, (lopsided(3), build(4))))
    print(attempt(count_any, (build(2), (None, None, None))))
    sys.setrecursionlimit(10000)
    print(height(deep))
    # uncaught, in the typed clone of count for T|None: the exception line of the traceback
    count((build(2), lopsided(2)))


main()
