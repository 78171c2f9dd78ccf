# RecursionError from a pure recursive function (speculated, cg_spec.c) under a lowered limit:
# the depth, the message and the repeated-frame summary are CPython's
import sys
sys.setrecursionlimit(60)
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
print(down(58))
print(down(59))
