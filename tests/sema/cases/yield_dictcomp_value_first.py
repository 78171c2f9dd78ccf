def f():
    return {(yield 1): (yield 2) for q in r}
