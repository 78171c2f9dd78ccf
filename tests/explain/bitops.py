# Bitwise operators: on small ranges they are i.bit (nothing dynamic); an operand that may be
# big keeps the tagged int.bit (D108); & with a non-negative mask bounds the result.


def hash31(n):
    h = 0
    for i in range(n):
        h = (h * 31 + i) & 0x7FFFFFFF
        h ^= h >> 7
    return h


def bits(x, k):
    return (x << k) | (x >> k), ~x


def masks(n):
    total = 0
    for i in range(n):
        total += (i & 15) | (i << 3) ^ ~i
    return total


print(hash31(1000), bits(5, 3), bits(2**70, 2), masks(100))
