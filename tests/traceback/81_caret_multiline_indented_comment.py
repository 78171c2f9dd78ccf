def f(a, b):
    if a:
        return (a -  # minus
                b)
f(1, "s")
