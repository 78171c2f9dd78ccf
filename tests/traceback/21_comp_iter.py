# iterating over an int in an inner comprehension loop
def f(xs):
    return [y for x in xs for y in x]
f([[1], 5])
