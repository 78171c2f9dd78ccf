# An IndexError from a loop whose bounds checks are versioned (src/infer/bounds.c): the flag
# is false (stop is past the end), the checked copy runs and raises at the failing step.
import sys


def stencil(f, g, a, b):
    for i in range(a, b):
        g[i] = f[i - 1] + f[i + 1]
    return g


def main():
    f = [float(x) for x in range(6)]
    g = [0.0] * 6
    print(stencil(f, g, 1, 5))
    n = len(sys.argv) + 5
    print(stencil(f, g, 1, n))


main()
