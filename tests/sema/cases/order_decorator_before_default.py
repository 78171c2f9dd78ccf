@(yield)
def f(x=(await y)): pass
