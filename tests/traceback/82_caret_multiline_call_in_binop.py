def g(x):
    return x
def f(a, b):
    return g(a) + g(
        b)
f(1, "s")
