# sum(... for x, y in F(a, b)) where F is a function of the program returning a zip of other
# lists: the consumer clone must iterate F's zip, not count over F's arguments.


def swapped(a, b):
    return zip(b[1:], a)


def dot(a, b):
    return sum(x * y for x, y in swapped(a, b))


def hi(a, b):
    return max(x - y for x, y in swapped(a, b))


def anyeq(a, b):
    return any(x == y for x, y in swapped(a, b))


def main():
    print(dot([1.0, 2.0, 3.0], [4.0, 5.0, 7.0]), dot([], [1.0, 2.0]))
    print(hi([1.0, 2.0, 3.0], [4.0, 5.0, 7.0]))
    print(anyeq([5.0, 1.0], [0.0, 5.0]), anyeq([5.0, 1.0], [0.0, 1.0, 5.0]))
    print(sum(x * y for x, y in zip([1.0, 2.0], [3.0, 4.0, 5.0])))


main()
