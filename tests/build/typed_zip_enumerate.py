# typed tier: for loops and generator expressions over zip(list, list) and enumerate(list)
def dot(a, b):
    return sum(x * y for x, y in zip(a, b))

def weighted(xs):
    s = 0.0
    for i, v in enumerate(xs):
        s += i * v
    return s

def grow(xs):
    out = 0
    for i, v in enumerate(xs):
        if i < 3:
            xs.append("s" * i)
        out += len(str(v))
    return out, xs

def pairs(a, b):
    got = []
    for p in zip(a, b):
        got.append(p)
    z = zip(a, b)
    first = next(z)
    return got, first, list(z)

def nested(rows):
    t = 0.0
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t += (i + 1) * (j + 1) * v
    return t

def mixed(a, b):
    acc = []
    for x, y in zip(a, b):
        acc.append(x + y)
    return acc

def mutate_rows(rows):
    for i, row in enumerate(rows):
        row.append("x" * i)
    return rows[1][-1] + "!"

def leak_pair(a, b):
    for p in zip(a, b):
        p[0].append("y")
    return a[0][-1] + "!"

def leak_zip(a, b, sink):
    z = zip(a, b)
    sink(z)
    return a[0][-1] + "?"

def main():
    a = [1.0, 2.0, 3.0]
    b = [0.5, 0.25, 0.125]
    print(dot(a, b), dot([1.5] * 4, [2.0] * 3), weighted(a), weighted([]))
    print(grow([1, 2]))
    print(pairs([1, 2, 3], [4.0, 5.0]))
    print(nested([[1.0, 2.0], [3.0], []]))
    print(mixed([1, 2], [3, 4]), mixed(["a", "b"], ["c", "d"]))
    print(mutate_rows([[1.0], [2.0]]), leak_pair([[1.0]], [[2.0]]))
    print(leak_zip([[1.0]], [[2.0]], lambda z: next(z)[0].append("z")))

main()
