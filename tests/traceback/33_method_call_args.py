# A method call through the cached LOAD_METHOD path whose call fails on its arguments: the
# error points at the whole call (CPython 3.11), after a few successful calls filled the cache.
class Acc:
    def __init__(self):
        self.total = 0

    def add(self, x, *, scale=1):
        self.total += x * scale
        return self.total


acc = Acc()
for i in range(3):
    acc.add(i, scale=2)
print(acc.total)
acc.add(
    1,
    2,
)
