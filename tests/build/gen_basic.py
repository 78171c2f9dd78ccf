def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

for x in count(3):
    print(x)
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(list(count(5)))
print(sum(x * x for x in range(10)))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
print(",".join(str(i) for i in range(4)))

def echo():
    r = yield 1
    while True:
        r = yield r * 2

e = echo()
print(next(e), e.send(5), e.send(10))
