# A small example program: greets, computes, and formats.
def greet(name: str) -> str:
    return f"Hello, {name}!"


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


if __name__ == "__main__":
    print(greet("world"))
    print([fib(i) for i in range(10)])
