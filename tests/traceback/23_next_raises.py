# __next__ raising inside a for statement on one line
class It:
    def __iter__(self): return self
    def __next__(self): raise ValueError("bad")
for v in It(): pass
