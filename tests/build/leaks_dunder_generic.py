# Instances of a class with typed attributes reach runtime-applied dunders (__bool__, __iter__,
# __len__) through truthiness and unpacking in a clone: the generic dunder versions must run.
class Box:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        self.v = self.v + 1
        return self.v > 2
    def __iter__(self):
        self.v = self.v * 2
        return iter([self.v, self.v + 1])
    def __len__(self):
        return 3

def f(b):
    n = 0
    while not b:
        n += 1
    x, y = b
    for z in b:
        n += z
    if b:
        n += 100
    return n + x + y + b.v

b = Box(0)
print(f(b))
b2 = Box(1.5)
print(f(b2))
print(b.v, b2.v)
