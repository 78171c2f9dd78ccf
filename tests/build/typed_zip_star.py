# typed tier: zip(*m) of a list of lists, list(row), and rows changed behind the zip
def transpose(m):
    return [list(col) for col in zip(*m)]

def late_append(m):
    z = zip(*m)
    m[0].append("s")
    m[1].append(9)
    return [list(c) for c in z]

def total(m):
    t = 0.0
    for row in transpose(m):
        for v in row:
            t += v * 0.5
    return t

def leak(m, sink):
    z = zip(*m)
    sink(z)
    return m[0][0][-1] + "!"

def main():
    m = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    print(transpose(m), total(m), transpose([]))
    print(late_append([[1.0, 2.0], [3.0, 4.0]]))
    print(leak([[[1.0]], [[2.0]]], lambda z: next(z)[0].append("z")))

main()
