def f(a):
    return a[0][
        3]
f([[1]])
