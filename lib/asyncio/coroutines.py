"""asyncio.coroutines: iscoroutine and iscoroutinefunction.  Written for aithon."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


async def _probe():
    pass


_c = _probe()
CoroutineType = type(_c)
_c.close()
del _c


def iscoroutinefunction(func):
    """True for a function defined with `async def` (or marked by types.coroutine)."""
    while hasattr(func, '__func__'):
        func = func.__func__
    code = getattr(func, '__code__', None)
    if code is None:
        return False
    return bool(code.co_flags & (_CO_COROUTINE | _CO_ITERABLE_COROUTINE))


def iscoroutine(obj):
    """True for coroutine objects and for objects with the whole Coroutine protocol
    (send, throw, close and __await__), as collections.abc.Coroutine checks."""
    if type(obj) is CoroutineType:
        return True
    t = type(obj)
    return (hasattr(t, 'send') and hasattr(t, 'throw') and hasattr(t, 'close') and
            hasattr(t, '__await__'))
