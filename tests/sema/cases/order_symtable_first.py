return
def f(a, a): pass
