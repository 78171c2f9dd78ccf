def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class OnlyAEnter:
    async def __aenter__(self):
        print("aenter called")
        return self

class OnlyAExit:
    async def __aexit__(self, *a):
        print("aexit called")

class SyncCM:
    def __enter__(self):
        print("sync enter called")
    def __exit__(self, *a):
        pass

class Inst:
    pass

class GA:
    def __getattr__(self, name):
        print("getattr", name)
        return None

class ACM:
    async def __aenter__(self):
        print("aenter")
        return 7
    async def __aexit__(self, t, v, tb):
        print("aexit", t.__name__ if t else None)
        return t is KeyError

class BadAwait:
    def __aenter__(self):
        return 5
    def __aexit__(self, *a):
        return 6

i = Inst()
i.__aenter__ = lambda: 1
i.__aexit__ = lambda *a: None

async def main():
    for obj in [1, OnlyAEnter(), OnlyAExit(), SyncCM(), i, GA(), None]:
        try:
            async with obj:
                print("body")
        except TypeError as e:
            print(type(e).__name__, e)
    async with ACM() as x:
        print("body", x)
    async with ACM():
        raise KeyError("k")
    print("suppressed")
    try:
        async with ACM(), 1:
            print("no")
    except TypeError as e:
        print(e)
    for obj in [1, Inst(), GA()]:
        try:
            async for v in obj:
                print(v)
        except TypeError as e:
            print(type(e).__name__, e)
    class AI:
        def __aiter__(self):
            return 3
    try:
        async for v in AI():
            print(v)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        async with BadAwait():
            pass
    except TypeError as e:
        print(type(e).__name__, e)
    return "done"

print(run(main()))
