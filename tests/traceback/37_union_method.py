# An exception inside a method called on a union of classes (dispatched on the class): the
# traceback shows the caller's frame and the method's, as for any call
class Good:
    def __init__(self, x):
        self.x = x

    def step(self, d):
        return self.x / d


class Bad:
    def __init__(self, x):
        self.x = x

    def step(self, d):
        return self.x // (d - d)


def walk(items, d):
    total = 0.0
    for it in items:
        total = total + it.step(d)
    return total


print(walk([Good(1.0), Good(2.0)], 2.0))
print(walk([Good(1.0), Bad(2.0)], 2.0))
