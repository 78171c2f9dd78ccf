# __getitem__, __iter__ and __bool__ of a typed instance run from a clone and rebind a float
# attribute: leaks.c must not treat those uses as keeping the class closed.
class Grid:
    def __init__(self, n):
        self.n = n
        self.scale = 2.5
    def __getitem__(self, i):
        self.scale = self.scale * 2.0
        return i * self.n
    def __iter__(self):
        return iter((1, 2))
    def __bool__(self):
        self.scale += 1.0
        return True

def g(grid, k):
    total = 0
    for i in range(k):
        total += grid[i]
    a, b = grid
    if grid:
        total += 1
    return total + a + b

gr = Grid(3)
print(g(gr, 5), gr.scale)
print(gr.scale * 2)
items = [Grid(1), Grid(2)]
for it in items:
    print(it[4], it.scale)
