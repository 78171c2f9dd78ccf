# list subscripts with int indexes not proven small (tag test; big ints through the runtime)
import sys

def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for m in range(i * i, limit + 1, i):
                flags[m] = False
        i += 1
    return sum(1 for f in flags if f)

def probe(xs, k):
    try:
        return xs[k]
    except IndexError as e:
        return "IndexError: " + str(e)

def store(xs, k):
    try:
        xs[k] = 0.5
        return xs
    except IndexError as e:
        return "IndexError: " + str(e)

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(sieve(n))
    xs = [1.5, 2.5, 3.5]
    big = n ** 30
    for k in (0, 2, -1, -3, 3, -4, big, -big, n * 0):
        print(probe(xs, k), store(xs, k))

main()
