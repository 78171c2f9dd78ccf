# sum/min/max/any/all of a generator expression over range(...) made for that call only:
# the consumer clone takes the range's bounds and counts (empty ranges, big bounds, negative
# starts, constant steps, a rebound `range`, exceptions with tracebacks from inside the loop).


def sq_sum(n):
    return sum(j * j for j in range(n))


def fsum(a, b):
    return sum(j * 0.5 for j in range(a, b))


def stepped(a, b):
    return sum(j for j in range(a, b, 3))


def minmax(n):
    return min(j * 7 % 11 for j in range(1, n)), max(j * 7 % 11 for j in range(1, n))


def anyall(n, k):
    return any(j == k for j in range(n)), all(j != k for j in range(n))


def nested(n):
    return [sum(i * j for j in range(i, n)) for i in range(n)]


def div_by(n, k):
    return sum(10 // (j - k) for j in range(n))


def big_stop(k):
    # a stop not proven small (int.clamp)
    return sum(0.25 for j in range(k * k * k * k))


print(sq_sum(0), sq_sum(1), sq_sum(10), sq_sum(-5))
print(fsum(0, 0), fsum(3, 1), fsum(-4, 4), fsum(2, 9))
print(stepped(0, 10), stepped(5, 5), stepped(-7, 8), stepped(10, 0))
print(minmax(5), minmax(12))
try:
    print(minmax(1))
except ValueError as e:
    print("ValueError", e)
print(anyall(0, 3), anyall(5, 3), anyall(3, 7))
print(nested(5), nested(0))
print(sq_sum(2 ** 40 - 2 ** 40 + 100))
print(big_stop(4), big_stop(0))
big = 2 ** 62
print(sum(j - big for j in range(big - 3, big)))
print(sum(j for j in range(2 ** 65, 2 ** 65 + 3)))
try:
    div_by(5, 2)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def shadow():
    def range(n):
        return [n, n + 1]
    return sum(j for j in range(3))


print(shadow())


def last(n):
    return sum(1.0 / (j - 3) for j in range(n, -1, 1) if j > 0) + sum(1.0 / (j - 3) for j in range(n))


print(last(3))
print(last(5))
