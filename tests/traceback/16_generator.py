# an exception inside a generator consumed by sum
def gen(n):
    for i in range(n):
        yield 10 // (i - 2)
print(sum(gen(5)))
