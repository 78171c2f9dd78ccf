# typed tier: generator expressions made and consumed once get a body typed for their site
# (list elements, range counters, closure cells holding lists); tracebacks keep <genexpr>.
def norm(vec):
    n = len(vec)
    return [sum(vec[j] * (i + 1) for j in range(n)) for i in range(n)]

def inv(vec):
    return sum(1.0 / v for v in vec)

def mixed(vec):
    return list(v * 2 for v in vec)

def main():
    v = [1.0, 2.0, 3.0]
    print(norm(v))
    print(inv(v))
    w = [1.0, 2.0]
    w.append(4)
    print(mixed(w), mixed([1, 2]))
    g = (x for x in v)
    print(next(g), list(g))
    print(inv([1.0, 0.0]))

main()
