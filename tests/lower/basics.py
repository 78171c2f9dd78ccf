def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

x = [fib(i) for i in range(10)]
print(x, 1 < x[0] <= 3 or "no")
