# Instances handed to code that applies their dunders from the runtime: functools.reduce with
# operator.add, max/min, `in`, list.index, dict keys, generators, sort, a lambda.
import functools, operator
class P:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return P(self.x + o.x)
    def __lt__(self, o):
        return self.x < o.x
    def __eq__(self, o):
        return self.x == o.x
    def __hash__(self):
        return int(self.x)

def mk(n):
    return [P(i * 1.5) for i in range(n)]

ps = mk(5)
print(functools.reduce(operator.add, ps).x)
print(max(ps).x, min(ps).x)
print(P(3.0) in ps, ps.index(P(4.5)))
q = P(1.0) + P(2.0)
d = {q: 1}
print(d[P(3.0)])
def gen():
    yield P(7.0)
for g in gen():
    print((g + g).x)
r = [P(2.0), P(1.0)]
r.sort()
print([z.x for z in r])
k = lambda a, b: a + b
print(k(P(1.25), P(2.0)).x)
