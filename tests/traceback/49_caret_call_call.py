def f(x):
    return x
r = f(1)(2)
