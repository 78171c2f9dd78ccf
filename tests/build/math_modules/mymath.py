# A module of the program that imports math's sqrt under another name and defines its own
# sqrt.
from math import sqrt as root


def sqrt(x):
    return ("mymath.sqrt", x)


def norm(x, y):
    return root(x * x + y * y)
