# typed tier: keyword and default arguments of known functions bound at compile time
def f(a, b=2, *, c=1.5, d="x"):
    return a * b + c, d

def g(x, y=0.5, z=None, flag=True):
    if z is None:
        z = 10
    return (x + y) * z if flag else -x

def h(p, /, q=3):
    return p - q

def k(n, scale=2):
    total = 0
    for i in range(n):
        total += i * scale
    return total

def mutated(a, b=1):
    return a + b

def main():
    print(f(1), f(1, 3), f(b=4, a=2), f(1, c=2.0), f(a=1, d="y", c=0.25, b=5))
    print(g(1.0), g(2.0, z=3), g(x=3.0, flag=False), g(1.5, 1.5, 2, False))
    print(h(10), h(10, 4), h(10, q=1))
    print(k(10), k(10, scale=3), k(n=5))
    try:
        f()
    except TypeError as e:
        print(e)
    try:
        f(1, a=2)
    except TypeError as e:
        print(e)
    try:
        h(p=1)
    except TypeError as e:
        print(e)
    try:
        f(1, e=2)
    except TypeError as e:
        print(e)
    print(mutated(1), mutated(1, b=2))

main()
