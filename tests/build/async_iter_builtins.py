# aiter() and anext() (with and without a default), driven by hand with send/throw: the
# coroutine protocol a scheduler relies on, without asyncio
class Ticket:
    """an awaitable whose __await__ is a generator: yields itself once, then returns value"""
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self
        return (self.value, got)


async def agen(n):
    for i in range(n):
        r = await Ticket(i)
        yield r


class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


def drive(coro, sends=()):
    """runs coro to completion, answering each yielded Ticket with the next send value"""
    sends = list(sends)
    value = None
    while True:
        try:
            y = coro.send(value)
        except StopIteration as e:
            return e.value
        print("  yielded", type(y).__name__, y.value)
        value = sends.pop(0) if sends else "ack"


async def main():
    it = aiter(agen(2))
    print("anext ->", await anext(it))
    print("anext ->", await anext(it))
    print("default ->", await anext(it, "done"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration without default")
    c = Counter(2)
    print("aiter returns self:", aiter(c) is c)
    print("class iterator:", await anext(c), await anext(c, "x"), await anext(c, None))
    for bad in (1, [1], "s"):
        try:
            aiter(bad)
        except TypeError as e:
            print("aiter:", e)
        try:
            anext(bad)
        except TypeError as e:
            print("anext:", e)
    try:
        anext()
    except TypeError as e:
        print(e)
    try:
        anext(c, 1, 2)
    except TypeError as e:
        print(e)

    class NotIter:
        def __aiter__(self):
            return 5
    try:
        aiter(NotIter())
    except TypeError as e:
        print("aiter:", e)
    aw = anext(agen(1), "dflt")
    print("anext awaitable type:", type(aw).__name__)
    print("awaited:", await aw)
    return "main done"


print(drive(main(), ["s1", "s2"]))

# throw() into an anext(..., default) awaitable reaches the async generator
async def catcher():
    try:
        await Ticket("t")
    except KeyError as e:
        yield "caught " + str(e)

aw = anext(catcher(), "unused").__await__()
print(aw.send(None).value)
try:
    aw.throw(KeyError("k"))
except StopIteration as e:
    print("throw ->", e.value)
