# int / int in typed code (int.truediv): two small ints divide inline, exactly when both are
# within 2**53 and correctly rounded beyond; big ints through the runtime (correctly rounded,
# OverflowError when the quotient is too large for a float).  Each case runs through a leaf
# clone (speculative body, restarting when an operand is big) and through a clone that calls
# something (the exact body only).


def div(a, b):
    return a / b


def div_logged(a, b, log):
    log.append(1)
    return a / b


def show(a, b):
    log = []
    try:
        r1 = repr(div(a, b))
    except (ZeroDivisionError, OverflowError) as e:
        r1 = type(e).__name__ + ": " + str(e)
    try:
        r2 = repr(div_logged(a, b, log))
    except (ZeroDivisionError, OverflowError) as e:
        r2 = type(e).__name__ + ": " + str(e)
    print(r1 if r1 == r2 else r1 + " != " + r2)


def main():
    cases = [
        (7, 2), (-7, 2), (7, -2), (-7, -2), (1, 3), (2, 3), (0, 5), (0, -5), (1, 0),
        (2 ** 53, 1), (2 ** 53 + 1, 1), (2 ** 53 + 3, 1), (-(2 ** 53) - 1, 1),
        (2 ** 54 + 2, 2), (2 ** 54 + 6, 4), (2 ** 62 - 1, 3), (-(2 ** 62), 7),
        (2 ** 61 + 1, 2 ** 61 - 1), (9007199254740993, 9007199254740992),
        (2 ** 62, 1), (2 ** 63, 2), (2 ** 64 + 1, 2), (-(2 ** 64) - 1, 2),
        (10 ** 30, 7), (10 ** 30, 10 ** 29), (10 ** 300, 10 ** 299), (1, 10 ** 300),
        (-1, 10 ** 400), (10 ** 400, 10 ** 399), (10 ** 400, 1), (-(10 ** 400), 3),
        (2 ** 1024, 2), (2 ** 1024 - 2 ** 970, 1), (2 ** 1024 - 2 ** 970 - 1, 1),
        (2 ** 1100, 2 ** 76), (3 * 2 ** 1070 + 1, 2 ** 80), (10 ** 50, 0), (5, 2 ** 70),
        (1, 2 ** 1074), (1, 2 ** 1075), (3, 2 ** 1076), (1, 3 * 2 ** 1073),
    ]
    for a, b in cases:
        show(a, b)
    # exact halves on the boundary of double precision: round half to even
    for k in range(52, 56):
        show(2 ** k + 1, 2)
        show(2 ** (k + 1) + 1, 2)
        show(2 ** (k + 1) + 3, 2)
    total = 0.0
    for i in range(1, 200):
        total += div(i * i - 7, i + 3)
    print(total)


main()
