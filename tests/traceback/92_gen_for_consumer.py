# Typed generators consumed by for loops: interleaving of side effects, break (closing the
# generator runs its finally), exceptions raised in the generator body mid-way (caught by the
# consumer, and finally one uncaught: its traceback goes through the generator's frame),
# nested loops over generators, and ints past 2**63 yielded.
def counted(n, log):
    i = 0
    while i < n:
        log.append("g%d" % i)
        yield i * i
        i += 1
    log.append("end")


def with_finally(n, log):
    try:
        for i in range(n):
            yield i
    finally:
        log.append("closed")


def fails_at(n, bad):
    i = 0
    while True:
        if i == bad:
            raise ValueError("bad step %d" % i)
        yield n // (bad - i + 1)
        i += 1


def big_steps(k):
    v = 2**62
    for _ in range(k):
        yield v
        v *= 3


def heap(n):
    perm = list(range(1, n + 1))
    c = [0] * n
    yield perm
    i = 1
    while i < n:
        if c[i] < i:
            if i % 2 == 0:
                perm[0], perm[i] = perm[i], perm[0]
            else:
                perm[c[i]], perm[i] = perm[i], perm[c[i]]
            yield perm
            c[i] += 1
            i = 1
        else:
            c[i] = 0
            i += 1


def main():
    log = []
    for x in counted(4, log):
        log.append("b%d" % x)
    print(log)
    log = []
    for x in counted(10, log):
        if x > 5:
            break
        log.append("b%d" % x)
    print(log)
    log = []
    for x in with_finally(5, log):
        if x == 2:
            break
    log.append("after")
    print(log)
    total = 0
    for a in counted(3, []):
        for b in counted(3, []):
            total += a * 10 + b
    print(total)
    print([v for v in big_steps(4)], sum(big_steps(5)))
    seen = []
    try:
        for v in fails_at(12, 3):
            seen.append(v)
    except ValueError as e:
        print("caught", e, seen)
    try:
        for v in fails_at(12, -1):
            seen.append(v)
    except ZeroDivisionError as e:
        print("caught", e, seen)
    count = 0
    sig = 0
    for p in heap(5):
        count += 1
        sig = (sig * 31 + p[0] * 7 + p[-1]) % 1000003
    print(count, sig)
    for v in fails_at(10, 4):
        print("got", v)


main()
