# A versioned range loop (a step that is not a constant) nested directly in a counted loop:
# the inner loop's exit from both its counter head and its iterator head reaches the outer
# loop's head (its counter phi needs an operand from each).


def toggles(n, k):
    flags = [True] * n
    for step in range(2, k):
        for j in range(0, n, step):
            flags[j] = not flags[j]
    return sum(1 for i in range(n) if flags[i])


def sums(n, k):
    t = 0
    for a in range(1, k):
        for b in range(a, n, a):
            t += b
    return t


def big_steps(k):
    t = 0
    for a in range(3):
        for b in range(0, 2 ** 70, 2 ** 68 + a):
            t += b % 1000
        t += k
    return t


print(toggles(50, 7), toggles(1000, 30))
print(sums(100, 10))
print(big_steps(5))
