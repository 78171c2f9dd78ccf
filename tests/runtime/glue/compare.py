class M:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, M) and self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, M):
            return NotImplemented
        return self.v < o.v
    def __repr__(self):
        return f"M({self.v})"
print(M(1) < M(2), M(2) > M(1), M(1) == M(1), M(1) != M(2), sorted([M(3), M(1), M(2)]))
print(max(M(1), M(5)), min([M(4), M(2)]))
try:
    M(1) <= M(2)
except TypeError as e:
    print("TypeError:", e)
try:
    M(1) < 3
except TypeError as e:
    print("TypeError:", e)
print(1 < 2.5, "a" < "b", (1, 2) < (1, 3), [1] == [1])
