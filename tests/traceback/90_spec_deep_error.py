# an exception raised deep inside a pure recursive function (speculated, cg_spec.c): the exact
# body raises it again, with every frame of the recursion in the traceback
def divs(n):
    if n < 0:
        return 0
    return 100 // n + divs(n - 1)
print(divs(-1))
print(divs(5))
