def inner():
    yield 1
    raise KeyError("deep")

def outer():
    yield from inner()

for v in outer():
    print(v)
