# A cell emptied or rebound through cell_contents: the closure's reads must see it, even
# where the owner assigned the variable before making the closure (infer/cells.c).


def emptied():
    x = 1

    def g(n):
        return sum(x + j for j in range(n))

    first = g(3)
    del g.__closure__[0].cell_contents
    try:
        second = g(3)
    except NameError as e:
        second = str(e)
    return first, second, g(0)


def rebound():
    y = 2

    def g(n):
        return sum(y * j for j in range(n))

    out = [g(4)]
    g.__closure__[0].cell_contents = 10
    out.append(g(4))
    return out


def lambda_emptied():
    z = "z"
    f = lambda: z
    del f.__closure__[0].cell_contents
    try:
        return f()
    except NameError as e:
        return str(e)


print(emptied())
print(rebound())
print(lambda_emptied())
