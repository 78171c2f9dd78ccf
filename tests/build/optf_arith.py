# Arithmetic on float|None values (a function returning a float or None) compiles to a None
# check and float arithmetic: CPython's TypeError for None (operator and order in the message),
# ZeroDivisionError for a zero float divisor.
def hit(k):
    if k > 2:
        return None
    return k * 1.5


def ops(t, s):
    return t * s, s * t, t + 1, 2 - t, t - s, t / s


def div(s, t):
    return s / t


def main():
    for k in range(5):
        t = hit(k)
        try:
            print("ops", k, ops(t, 2.0))
        except TypeError as e:
            print("ops", k, "TypeError", e)
        try:
            print("div", k, div(3.0, t))
        except (TypeError, ZeroDivisionError) as e:
            print("div", k, type(e).__name__, e)
        try:
            print(hit(k) * 2.0)
        except TypeError as e:
            print("TypeError", e)
        try:
            print(4 + hit(k))
        except TypeError as e:
            print("TypeError", e)
        try:
            print(hit(k) / hit(0))
        except (TypeError, ZeroDivisionError) as e:
            print(type(e).__name__, e)


main()
