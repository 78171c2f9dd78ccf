# A module-level def that shadows a builtin: calls made before the def runs reach the builtin,
# calls after it reach the function (the typed tier must not call the def directly early).
def total(xs):
    return sum(xs)


def size(xs):
    return len(xs)


def biggest(a, b):
    return max(a, b)


print(total([1, 2, 3]), size("abcd"), biggest(3, 7))
for k in range(3):
    print(k, total([k, k]), size([0] * k))


def sum(xs):
    return "my sum of %d" % len(xs)


def len(xs):
    return -1


print(total([1, 2, 3]), size("abcd"), biggest(3, 7))


def max(a, b):
    return "my max"


print(biggest(3, 7))
for k in range(2):
    print(k, total([k]), size([k]), biggest(k, 1))
