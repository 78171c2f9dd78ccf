# Counted range loops in typed code leave by break, return and exceptions; a range iterator
# needs no close, while a generator iterated by a for loop is still closed when it is left.
def first_square_over(limit, n):
    for i in range(n):
        if i * i > limit:
            return i
    return -1


def count_until(stop, n):
    total = 0
    for i in range(2, n, 3):
        if i >= stop:
            break
        total += i
    return total


def divide_all(n, d):
    acc = 0.0
    for i in range(n):
        acc += i / (d - i)
    return acc


def gen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("gen closed at", n)


def take_from_gen(n, k):
    got = 0
    for v in gen(n):
        if v >= k:
            break
        got += v
    return got


def nested(n):
    hits = 0
    for a in range(n):
        for b in range(a, n):
            if (a * b) % 7 == 3:
                hits += 1
                break
    return hits


print(first_square_over(50, 100), first_square_over(10**6, 100))
print(count_until(40, 100), count_until(1000, 30))
try:
    print(divide_all(10, 5))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(divide_all(4, 10.5))
print(take_from_gen(10, 4))
print(nested(30))
