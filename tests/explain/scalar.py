# explain golden: scalar inference (int ranges, floats, a range loop, direct calls)
import math


def hyp(a, b):
    return math.sqrt(a * a + b * b)


def total(n):
    s = 0
    for i in range(n):
        s = s + i
    return s


def count(limit):
    k = 0
    for i in range(limit):
        k = i
    return k


print(hyp(3.0, 4.0), total(10), count(100))
