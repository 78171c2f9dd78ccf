# Unboxed list storage of floats (typed.md "Unboxed lists"): [x] * n lists whose every use
# is compiled typed hold doubles; loads and stores are plain f64 accesses with the bounds
# checks and IndexError messages of CPython.


def scale(v, k):
    for i in range(len(v)):
        v[i] = v[i] * k


def dot(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def smooth(n):
    v = [0.5] * n
    for i in range(n):
        v[i] = (i * 3 % 7) / 4.0
    w = [0.0] * n
    for i in range(1, n - 1):
        w[i] = (v[i - 1] + v[i] + v[i + 1]) / 3.0
    w[0] = v[0]
    w[-1] = v[-1]
    scale(w, 2.0)
    return w


def weighted(n):
    v = [1.0] * n
    total = 0.0
    for i, x in enumerate(v):
        total += x * i
    return total


def signed_zeros(n):
    v = [-0.0] * n
    v[1] = float("inf")
    v[2] = float("nan")
    v[-1] = -v[-1]
    return v[0], v[1], v[2] != v[2], v[-1], v[-2]


def index_errors(n):
    v = [2.5] * n
    out = []
    for i in (n - 1, -n, n, -n - 1, 10 ** 20, 2 ** 62):
        try:
            out.append(v[i])
        except IndexError as e:
            out.append(str(e))
        try:
            v[i] = 1.25
            out.append(v[i])
        except IndexError as e:
            out.append(str(e))
    return out


def main():
    w = smooth(12)
    print(round(dot(w, w), 9), w[0], w[5], w[-1], len(w))
    print(weighted(10))
    print(signed_zeros(4))
    print(index_errors(3))
    big = smooth(2000)
    print(round(dot(big, big), 6))


main()
