# a method call on None
x = None
def f():
    return x.foo()
f()
