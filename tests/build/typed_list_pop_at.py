# x.pop(i) on an exact list (typed tier: list.pop.at, rt_list_pop without a bound method):
# queues, negative and bool indexes, IndexError messages, big ints, a subclass of list.
class Queue(list):
    def pop(self, i=-1):
        return ("sub", super().pop(i))


def drain(q):
    out = []
    while q:
        out.append(q.pop(0))
    return out


def attempt(q, i):
    try:
        return q.pop(i)
    except IndexError as e:
        return "IndexError: " + str(e)


def main():
    q = []
    for k in range(5):
        q.append(k * 10)
    print(drain(q), q)
    r = [1, 2, 3, 4]
    print(r.pop(-1), r.pop(True), r.pop(0), r)
    print(attempt([], 0), attempt([1], 1), attempt([1], -2))
    try:
        [1, 2].pop(2 ** 70)
    except OverflowError as e:
        print("OverflowError", e)
    print(attempt([7], 2 ** 62), attempt([5, 6], -1))
    s = Queue([1, 2, 3])
    print(s.pop(0), s.pop(), list(s))
    fs = [0.5, 1.5]
    print(fs.pop(0) + fs.pop(0), fs)
    n = 0
    big = [2 ** 64, 3]
    while big:
        n += big.pop(0)
    print(n)
    [].pop(0)


main()
