# Comprehensions over a counted range get their list's room before the loop (reserve.c):
# nothing observable may change -- results, exceptions part-way, huge and empty ranges,
# filters and inner loops (not reserved), lists grown after the comprehension.


def squares(a, b):
    return [x * x for x in range(a, b)]


def halves(n):
    return [x / 2 for x in range(n)]


def flags(n):
    return [x % 3 == 0 for x in range(n)]


def names(n):
    return [str(x) + "!" for x in range(n)]


def cond(n):
    return [x if x % 2 else -x for x in range(n)]


def evens(n):
    return [x for x in range(n) if x % 2 == 0]


def pairs(n):
    return [(x, y) for x in range(n) for y in range(x)]


def inv(n):
    return [100 // (5 - x) for x in range(n)]


def walrus(n):
    total = 0
    out = [total := total + x for x in range(n)]
    return out, total


print(squares(0, 10))
print(squares(5, 2), squares(-3, 3))
print(squares(-2**62, -2**62 + 2))
print(halves(7))
print(flags(10))
print(names(4))
print(cond(9))
print(evens(11))
print(pairs(4))
print(walrus(6))
try:
    inv(10**15)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
big = squares(0, 100000)
print(len(big), big[-1], sum(big))
grown = halves(3)
grown.append(9.5)
grown.extend(halves(70000))
print(len(grown), grown[:5], grown[-1])
f = flags(5)
f += flags(4)
print(f, len(f))
n = names(2)
n.insert(0, "first")
print(n, n.pop(), n)
nested = [[y for y in range(x)] for x in range(5)]
print(nested)


def doubled(data):
    return [x * 2.0 for x in data]


def popping(data):
    return [data.pop() for x in data]


def growing(data):
    return [data.append(x + 1) if x < 5 else x for x in data]


print(doubled([1.5, 2.5, -1.0]), doubled([]))
d = list(range(10))
print(popping(d), d)
g = [0]
print(growing(g), g)
rows = [[x * y for x in range(4)] for y in range(3)]
print([[v + 1 for v in row] for row in rows])
