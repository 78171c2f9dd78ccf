# `sum` rebound by the module: the consumer clone must not be used (the builtin is known only
# where the module never binds the name).
def total(xs):
    return sum(x * 2.0 for x in xs)


def sum(it, start=0):
    return "mine: " + ",".join(str(v) for v in it)


print(total([1.0, 2.0]))
print(total([]))
