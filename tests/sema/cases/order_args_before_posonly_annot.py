def f(a: (await q), /, b: (yield)): pass
