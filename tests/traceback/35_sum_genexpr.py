# An exception raised inside a generator expression consumed by sum: CPython shows the
# caller's frame, then the <genexpr> frame (sum is C code).
def inverse_total(xs):
    return sum(1.0 / x
               for x in xs)


def main():
    print(inverse_total([1.0, 2.0]))
    print(inverse_total([4.0, 0.0, 1.0]))


main()
