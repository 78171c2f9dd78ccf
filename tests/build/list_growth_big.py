# Big lists grow by half their size (small ones as CPython, by an eighth): appends,
# comprehensions of boxed and unboxed items, pops that shrink the block, and resizes by slice
# assignment must all keep every item.


def build(n):
    out = []
    for i in range(n):
        out.append(i * 3 - n)
    return out


def check(xs, n):
    print(len(xs), xs[0], xs[-1], sum(xs), xs[n // 2], xs[8191:8194] if n > 8200 else xs[:3])


for n in [0, 1, 8191, 8192, 8193, 70000]:
    xs = build(n)
    if n:
        check(xs, n)
    else:
        print(xs)

xs = build(50000)
while len(xs) > 3000:          # shrinking below half the capacity moves the items
    xs.pop()
print(len(xs), sum(xs), xs[-1])
for i in range(40000):
    xs.append(-i)
print(len(xs), sum(xs), xs[-1], xs[2999:3001])

flags = [i % 7 == 3 for i in range(30000)]
picked = [i for i, f in enumerate(flags) if f]
print(len(picked), picked[:4], picked[-2:], sum(picked))
floats = [i * 0.5 for i in range(20000) if i % 3]
print(len(floats), floats[:3], floats[-1], sum(floats))
bools = [i % 5 == 0 for i in range(20001)]
print(len(bools), bools.count(True), bools[-1], bools[-2])

ys = list(range(9000))
ys[100:200] = range(5000)      # grows by slice assignment
print(len(ys), ys[99:102], ys[5099:5102], sum(ys))
ys[10:] = []
print(ys)
ys += range(20000)
ys.insert(0, "first")
print(len(ys), ys[:3], ys[-1])
del ys[5:15000]
print(len(ys), ys[:6], ys[-1])
ys.clear()
ys.extend(x * x for x in range(10000))
print(len(ys), ys[-1], sum(ys))
try:
    ys[10000]
except IndexError as e:
    print("IndexError:", e)
