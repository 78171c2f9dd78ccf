# an exception raised by __enter__: the frame's entry is the with statement, not the item
class Boom:
    def __enter__(self):
        raise ValueError("boom")
    def __exit__(self, *a):
        print("never")

def make():
    return Boom()

def f():
    with make() as b: return b

f()
