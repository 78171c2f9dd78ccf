# sum/min/max/any/all of a generator expression over an exact list: the consumer clone takes
# the list and counts (len re-read every step when the body may run code: lists mutated
# while summed; read once otherwise), empty lists, iterators that are not lists, big ints,
# NaN, exceptions with tracebacks.


def total(a):
    return sum(x * 2.0 for x in a)


def itotal(a):
    return sum(x * x for x in a)


def grow_sum(a):
    return sum(grow(a, x) for x in a)


def grow(a, x):
    if len(a) < 6:
        a.append(x + 1)
    return x


def shrink_sum(a):
    return sum(a.pop() - x for x in a)


def lo_hi(a):
    return min(x - 1.0 for x in a), max(x + 1.0 for x in a if x > 0)


def flags(a):
    return any(x > 2 for x in a), all(x > 0 for x in a)


def from_iter(a):
    it = iter(a)
    next(it)
    return sum(x for x in it)


def inverse(a):
    return sum(1.0 / x for x in a)


def main():
    print(total([1.0, 2.5, -3.0]), total([]), total([-0.0]))
    print(itotal([3, 2 ** 62, -(2 ** 40)]), itotal([]))
    print(grow_sum([1, 2]), shrink_sum([1, 2, 3, 4, 5]))
    print(lo_hi([3.0, -1.0, 2.0]), lo_hi([float("nan"), 1.0]))
    try:
        lo_hi([])
    except ValueError as e:
        print("ValueError", e)
    print(flags([1, 2, 3]), flags([]), flags([0, 5]))
    print(from_iter([10, 20, 30]))
    print(inverse([1.0, 2.0, 4.0]))
    print(inverse([1.0, 0.0]))


main()
