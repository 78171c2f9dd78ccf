# A method that reads a module constant bound only after the method first runs: the load
# must stay a lookup (NameError, as CPython), not a folded constant.
class Shape:
    def area(self):
        return SCALE * 2.0


def early():
    return Shape().area()


print(early.__name__)
early()
SCALE = 1.5
