def f(x: (yield) = (await y)): pass
