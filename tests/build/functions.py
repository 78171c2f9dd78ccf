def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def greet(name, greeting="hello", *rest, sep=", ", **kw):
    return greeting + sep + name + str(rest) + str(sorted(kw))

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

print(fib(20))
print(greet("bob"), greet("amy", "hi", 1, 2, sep="; ", z=1, a=2))
c = counter()
c()
print(c(), (lambda x, y=2: x * y)(21))
args = (1, 2)
print(max(*args), sorted([3, 1, 2], key=lambda v: -v))
