# decorated function: the wrapper's frame and the call with *args
def deco(f):
    def w(*a):
        return f(*a) * 2
    return w
@deco
def h(x):
    return x / 0
h(1)
