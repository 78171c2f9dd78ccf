# A small straight-line typed function called in a loop is inlined by the back end: its
# frame must still appear in the traceback, with its own line and carets.
def ratio(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 - i - 1)


def total(n):
    t = 0.0
    for i in range(n):
        for j in range(n):
            t += ratio(i, j) * 2.0
    return t


print(total(1) if False else "start")
print(total(0))
print(total(3))
