# typed float // % ** and int ** k: CPython's results, signed zeros and messages
def floordiv(a, b):
    return a // b

def mod(a, b):
    return a % b

def powi(a, n):
    return a ** n

def ipow(i):
    return i ** 2 + i ** 3 - (i - 5) ** 4

def main():
    vals = [7.5, -7.5, 0.0, -0.0, 1e308, -1e-308, 5e-324, float("inf"), float("-inf"),
            float("nan"), 3.0, -3.0, 0.1, 2.0, 1.0, -1.0, 10.0, 1.5, -2.5]
    ints = [0, 1, 2, 3, -1, -2, 5, 1024, -1075, 1075, 7, -7]
    for a in vals:
        for b in vals:
            try:
                print("fd", a, b, repr(floordiv(a, b)))
            except ZeroDivisionError as e:
                print("fd", a, b, "ZeroDivisionError", e)
            try:
                print("md", a, b, repr(mod(a, b)))
            except ZeroDivisionError as e:
                print("md", a, b, "ZeroDivisionError", e)
        for n in ints:
            try:
                print("fdi", a, n, repr(floordiv(a, n)), repr(mod(a, n)))
            except ZeroDivisionError as e:
                print("fdi", a, n, "ZeroDivisionError", e)
            try:
                print("fdi2", n, a, repr(floordiv(n, a)), repr(mod(n, a)))
            except ZeroDivisionError as e:
                print("fdi2", n, a, "ZeroDivisionError", e)
            try:
                print("pw", a, n, repr(powi(a, n)))
            except (ZeroDivisionError, OverflowError) as e:
                print("pw", a, n, type(e).__name__, e)
    for big in [10**20, -(10**20), 10**400]:
        try:
            print("pwbig", repr(powi(2.0, big)), repr(powi(1.0, big)), repr(powi(-1.0, big)))
        except OverflowError as e:
            print("pwbig", type(e).__name__, e)
    for i in range(-12, 13):
        print("ipow", i, ipow(i))
    x = 0.0
    for k in range(1, 50):
        x += (k * 0.37) // 0.11 + (k * -1.3) % 0.7 + 1.0001 ** k
    print(x)
    print((-8.0) ** (1 / 3), 0.0 ** 0, (-2.0) ** 0.5)

main()
