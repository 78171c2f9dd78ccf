# Names imported from a module of the program are not math's, even when that module got them
# from math; a module attribute assigned later is seen by every user.
import mymath
from mymath import sqrt, root, norm


def use(v):
    return sqrt(v), root(v), norm(v, v)


def main():
    print(use(4.0))
    print(use(2))
    try:
        root(-1.0)
    except ValueError as e:
        print("ValueError:", e)
    mymath.root = lambda v: ("patched", v)
    print(mymath.norm(3.0, 4.0), root(9.0))


main()
