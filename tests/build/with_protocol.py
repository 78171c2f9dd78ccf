class OnlyEnter:
    def __enter__(self):
        print("enter called")
        return self

class OnlyExit:
    def __exit__(self, *a):
        print("exit called")

class Inst:
    pass

class GA:
    def __getattr__(self, name):
        print("getattr", name)
        return lambda *a: None

class Meta(type):
    def __getattribute__(cls, name):
        print("meta getattribute", name)
        return super().__getattribute__(name)

class CM:
    def __enter__(self):
        print("enter")
        return 42
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return False

i = Inst()
i.__enter__ = lambda: 1
i.__exit__ = lambda *a: None
for obj in [1, OnlyEnter(), OnlyExit(), i, GA(), None, "s", [1]]:
    try:
        with obj:
            print("body")
    except TypeError as e:
        print(type(e).__name__, e)
with CM() as x:
    print("body", x)
try:
    with CM() as x:
        raise ValueError("v")
except ValueError as e:
    print("caught", e)
try:
    with CM(), 1:
        print("no")
except TypeError as e:
    print(e)
