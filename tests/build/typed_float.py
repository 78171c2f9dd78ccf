# The typed tier on floats: IEEE edge cases with python3's results and error messages.
import math

inf = float("inf")
nan = float("nan")


def fdiv(a, b):
    return a / b


def fmul(a, b):
    return a * b


def fneg(a):
    return -a


def cmps(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


def truth(x):
    if x:
        return "true"
    return "false"


def half(n):
    return n * 0.5


def lt(a, b):
    return a < b


def root(x):
    return math.sqrt(x)


def poly(x):
    y = 0.0
    for k in range(5):
        y = y * x + k
    return y


print(fdiv(1.0, 3.0), fdiv(-0.0, 5.0), fdiv(1.0, -inf), fdiv(inf, 2.0))
for a, b in ((1.0, 0.0), (0.0, 0.0), (1.0, -0.0)):
    try:
        fdiv(a, b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    fdiv(1, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    fdiv(1.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(fmul(-0.0, 1.0), fmul(inf, 0.0), fmul(1e308, 10.0), fneg(0.0), fneg(-0.0), fneg(nan))
print(cmps(1.0, 2.0), cmps(nan, nan), cmps(1.0, nan), cmps(inf, inf), cmps(-0.0, 0.0))
print(truth(0.0), truth(-0.0), truth(nan), truth(0.5), truth(inf))
print(half(3), half(2**70), half(-7))
try:
    half(2**2000)
except OverflowError as e:
    print("OverflowError:", e)
print(lt(1, 1.5), lt(2**53 + 1, float(2**53)), lt(float(2**53), 2**53 + 1), lt(3, nan))
print(root(2.0), root(0.0), root(-0.0), root(inf), root(4))
try:
    root(-1.0)
except ValueError as e:
    print("ValueError:", e)
print(poly(0.5), poly(-2.0), poly(nan))
