# unbounded recursion: the repeated-frame summary and the depth CPython reaches
def f(n):
    return f(n + 1)
f(0)
