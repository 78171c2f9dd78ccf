# Element types of lists (elems.c): typed loads, an escaping list, a typed generator
# expression under sum, float // % **, keyword and default arguments.
def mean(xs):
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)


def weights(n):
    w = [0.0] * n
    for i in range(n):
        w[i] = 1.0 / (i + 1)
    return w


def dot(vec, n):
    return sum(vec[j] * (j + 1) for j in range(n))


def leak(n, sink):
    items = [1.5] * n
    sink(items)
    return items[0] * 2.0


def wrap(a, b=2.5, *, c=3):
    return a // b + a % b + a ** c


def main():
    w = weights(8)
    held = []
    print(mean(w), dot(w, 8), leak(3, held.append), wrap(7.0), wrap(a=-7.0, c=2), held)


main()
