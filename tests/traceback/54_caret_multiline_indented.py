def f(a, b):
    if a:
        return (a
                - b)
f(1, "s")
