# sum(<float items> for v in range(...)) over a range whose bounds prove an item is a float
# (the consumer clone has no "seen" flag); an empty or unproven range keeps the int 0.
import sys


def sizes():
    return [len(sys.argv) - 1, 0, 3, 7] if len(sys.argv) > 5 else list(range(4)) + [7]


def after(n):
    # range(n + 1) with n >= 0: at least one item
    return sum(j * 0.5 for j in range(n + 1))


def shifted(n):
    return sum(j * 0.25 for j in range(5, n + 6))


def maybe_empty(n):
    return sum(j * 0.5 for j in range(n))


def filtered(n):
    # an `if` may drop every item: not non-empty
    return sum(j * 0.5 for j in range(n + 1) if j > 100)


def nested(n):
    # a second `for` may be empty
    return sum(j * 0.5 for j in range(n + 1) for k in range(n))


def matrix(n):
    # the row sums of a non-empty range are floats: the list holds floats
    return [sum((i + j) * 0.5 for j in range(1, n + 2)) for i in range(n)]


def neg_zero(n):
    return sum(-0.0 for _ in range(n + 1))


def raises(n):
    return sum(1.0 / (j - 2) for j in range(n + 1))


def main():
    for n in range(len(sizes()) + 3):
        if 4 <= n <= 6:
            continue
        print(n, after(n), shifted(n), maybe_empty(n), filtered(n), nested(n))
        m = matrix(n)
        print(m, [type(x).__name__ for x in m], sum(m))
        print(neg_zero(n), maybe_empty(n) == 0, type(maybe_empty(n)).__name__)
    k = len(sys.argv) - 1
    print(k, after(k), maybe_empty(k), neg_zero(k))
    print(sum(x * 1.0 for x in range(0)), sum(x * 1.0 for x in range(1)))
    print(sum(x * 1.0 for x in range(2 ** 63 - 2, 2 ** 63 + 1)))
    print(sum(x * 1.0 for x in range(-3, -1)), sum(x * 1.0 for x in range(-1, -3)))
    try:
        raises(4)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(raises(1))
    raises(2)


main()
