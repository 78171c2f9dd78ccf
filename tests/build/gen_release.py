# for-loops close a generator they hold the only reference to when left early (CPython's refcounting)
def gen(tag):
    try:
        for i in range(5):
            yield i
    finally:
        print("closed", tag)

for x in gen("break"):
    if x == 1:
        break
print("after break")

def f():
    for x in gen("return"):
        if x == 2:
            return x
print("returned", f())

try:
    for x in gen("raise"):
        if x == 3:
            raise ValueError("boom")
except ValueError as e:
    print("caught", e)

for x in gen("exhaust"):
    pass
print("after exhaust")

g = gen("shared")
for x in g:
    if x == 1:
        break
print("shared not closed yet")
print(next(g), list(g))

def squares(n):
    try:
        for i in range(n):
            yield i * i
    finally:
        print("squares closed")
for x in (y + 1 for y in range(3)):
    break
print("after genexpr")

def deep():
    for x in squares(5):
        for y in squares(2):
            if x == 4:
                return x + y
print("deep", deep())

class C:
    def items(self):
        try:
            yield 1
            yield 2
        finally:
            print("method gen closed")
for x in C().items():
    break
print("after method")

def stubborn():
    try:
        yield 1
    finally:
        yield 2

for i in range(2):
    for x in gen(f"nested{i}"):
        if x == 1:
            continue
        if x == 3:
            break
print("end")
