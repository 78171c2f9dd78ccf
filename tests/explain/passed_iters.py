# explain does not report a zip or range whose lists or bounds go to a consumer or comprehension
# clone (specialize.c skip_iter), and still reports the ones that are really made.


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))   # the consumer clone takes a and b


def squares(n):
    return [i * i for i in range(n)]          # the comprehension clone takes the bounds


def pairs(a, b):
    z = zip(a, b)                             # kept: the zip object escapes to list()
    return list(z)


def main():
    u = [1.0, 2.0, 3.0]
    v = [4.0, 5.0, 6.0]
    print(dot(u, v))
    print(squares(5))
    print(pairs(u, v))


main()
