# An exception raised inside an operator dunder called directly by the typed tier: the
# traceback shows the operator's line, then the dunder's frame, as CPython's.


class P:
    def __init__(self, x):
        self.x = x

    def __truediv__(self, k):
        return P(self.x / k)


def halve(p, k):
    q = p / 2.0
    return q / k


print(halve(P(3.0), 2.0).x)
print(halve(P(3.0), 0.0).x)
