# a generator made once at a known site returns its list argument (StopIteration.value)
def outer(n):
    x = [1.0] * n
    def gen(lst):
        yield 0
        return lst
    it = gen(x)
    next(it)
    try:
        next(it)
    except StopIteration as e:
        e.value.append("s")
    try:
        return x[-1] + 1.0
    except TypeError as e:
        return str(e)

def yielder(n):
    x = [2.0] * n
    def gen(lst):
        yield lst
    for y in gen(x):
        y.append("t")
    try:
        return x[-1] + 2.0
    except TypeError as e:
        return str(e)

print(outer(2), yielder(2))
