# explain golden: a comprehension with closure cells (its clone takes the closure tuple),
# floats through cells, a known function called from the comprehension
def scale(x, f):
    return x * f


def row(n, f):
    return [scale(k / n, f) for k in range(n)]


print(row(4, 2.5))
