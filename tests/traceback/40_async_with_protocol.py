# async with: a sync context manager does not support the asynchronous protocol, and
# __aexit__'s result must be awaitable
class Sync:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass

class BadExit:
    async def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return None

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def first():
    try:
        async with Sync(): pass
    except TypeError as e:
        print(e)

async def second():
    async with BadExit() as v:
        print("body", v)

run(first())
run(second())
