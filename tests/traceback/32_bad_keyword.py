# an unexpected keyword argument
def f(a, b):
    return a
f(1, c=2)
