# The typed tier inside try/except: a raising int -> float conversion splits its block and the
# handlers' phis get operands for the new blocks; i64 floor division and modulo in handlers.
def f(n):
    total = 0.0
    count = 0
    for i in range(n):
        x = 2 ** (i * 600)
        try:
            total = total + x * 0.5 / (i - 1)
            count = count + 1
        except OverflowError:
            total = -1.0
        except ZeroDivisionError:
            count = count + 100
    return total, count


def g(a, b):
    r = 0
    try:
        r = a // b + a % b
    except ZeroDivisionError as e:
        return str(e), r
    finally:
        r = r + 1
    return r


print(f(4))
print(g(7, 2), g(7, 0), g(2**80, 3))
