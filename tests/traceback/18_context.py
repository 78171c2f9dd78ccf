# an error in __exit__ of a context manager and in the with body
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
with CM() as c:
    x = [1, 2][2]
