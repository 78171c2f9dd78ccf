# ZeroDivisionError inside a binary operation, two frames deep
def ratio(a, b):
    return a / b
def outer(x):
    total = ratio(x, 0) + 1
    return total
print(outer(3))
