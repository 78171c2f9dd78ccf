# list(x) / x[:] of an exact list and slices of it: one block holding the list and its items
# (when few), which later growth moves out; a subclass's copy is an exact list

def copy_ints(xs):
    ys = list(xs)
    ys[0] = -1
    return ys


def copy_grow(xs, k):
    ys = list(xs)
    for i in range(k):
        ys.append(i * i)
    ys.insert(0, 'head')
    del ys[1]
    return ys


def flips(perm):
    deck = list(perm)
    n = 0
    first = deck[0]
    while first != 1:
        deck[:first] = deck[first - 1::-1]
        n += 1
        first = deck[0]
    return n, deck


def main():
    a = [3, 1, 2]
    b = copy_ints(a)
    print(a, b, a is b)
    print(list([]), [][:], list([]) == [])
    for n in (0, 1, 27, 28, 29, 40):
        xs = list(range(n))
        ys = list(xs)
        zs = xs[:]
        print(n, ys == xs, zs == xs, ys is xs, len(ys), ys[-1:] , zs[::7])
    big = [2 ** 63 - 1, 2 ** 63, -2 ** 63 - 1, 2 ** 100]
    cb = list(big)
    cb[1] += 1
    print(big, cb)
    print(copy_grow([1, 2, 3], 0), len(copy_grow(list(range(20)), 50)))
    fl = [0.5, -1.25, float('inf')]
    print(list(fl), fl[::-1], fl[1:], fl[:-1])
    inner = [1]
    nest = [inner, inner]
    cn = list(nest)
    cn[0].append(2)
    print(nest, cn, cn[0] is inner)
    keep = []
    for i in range(60000):
        c = list(range(i % 30))
        d = c[:]
        d.extend(c)
        if i % 10000 == 0:
            keep.append(d)
    print([len(k) for k in keep], keep[-1][:5])
    print(flips([3, 1, 2]), flips([4, 3, 2, 1]), flips([1]))
    total = 0
    for p in ([2, 4, 1, 3], [5, 4, 3, 2, 1], [1, 2]):
        total += flips(p)[0]
    print(total)

    class Rev(list):
        def total(self):
            return sum(self)

    r = Rev([7, 8, 9])
    print(list(r), r[:], r.total(), type(r[:]).__name__, type(list(r)).__name__)
    try:
        print(a[::0])
    except ValueError as e:
        print('ValueError', e)
    try:
        flips([])
    except IndexError as e:
        print('IndexError', e)


main()
