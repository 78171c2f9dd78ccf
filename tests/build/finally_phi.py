# a cleanup (finally) that branches to the enclosing handler with the exception pending
def f(n):
    try:
        try:
            if n > 1:
                raise ValueError("v%d" % n)
            return n
        finally:
            n = n + 10
    except ValueError as e:
        return ("caught", str(e), n)


def g(x):
    try:
        try:
            return 1 // x
        finally:
            if x == 2:
                return "finally wins"
    except ZeroDivisionError:
        return "zde"


def h(items):
    total = 0
    for i in items:
        try:
            try:
                total += 10 // i
            finally:
                total += 1
        except ZeroDivisionError:
            total = -total
    return total


print(f(0), f(5))
print(g(0), g(1), g(2))
print(h([1, 2, 0, 5]))


def nested(n):
    try:
        try:
            return "inner-" + str(n)
        finally:
            if n < 0:
                return "inner override"
    finally:
        if n == 0:
            return "outer override"


def counted():
    count = 0
    try:
        for _ in range(3):
            try:
                count += 1
                return count
            finally:
                count += 10
    finally:
        print("outer finally sees", count)


print(nested(5), nested(-5), nested(0))
print(counted())
