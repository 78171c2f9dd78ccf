def f():
    nonlocal q
def g(b, b): pass
