"""inspect: the type predicates (isfunction, isclass, iscoroutinefunction, isawaitable, ...)
and the code flag constants, as CPython 3.11's.  Source retrieval, signatures and frames are
not available in compiled programs.  Written for aithon."""

import sys

__all__ = ['CO_OPTIMIZED', 'CO_NEWLOCALS', 'CO_VARARGS', 'CO_VARKEYWORDS', 'CO_NESTED',
           'CO_GENERATOR', 'CO_NOFREE', 'CO_COROUTINE', 'CO_ITERABLE_COROUTINE',
           'CO_ASYNC_GENERATOR', 'ismodule', 'isclass', 'ismethod', 'isfunction',
           'isgeneratorfunction', 'iscoroutinefunction', 'isasyncgenfunction', 'isgenerator',
           'iscoroutine', 'isasyncgen', 'isawaitable', 'isbuiltin', 'isroutine', 'isabstract',
           'getmro', 'unwrap']

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def _f():
    pass


def _g():
    yield


async def _c():
    pass


async def _ag():
    yield


_FunctionType = type(_f)
_gen = _g()
_GeneratorType = type(_gen)
_coro = _c()
_CoroutineType = type(_coro)
_coro.close()
_AsyncGeneratorType = type(_ag())
_BuiltinFunctionType = type(len)
_BuiltinMethodType = type([].append)
_ModuleType = type(sys)


class _K:
    def m(self):
        pass


_MethodType = type(_K().m)
del _gen, _coro, _K


def ismodule(obj):
    return isinstance(obj, _ModuleType)


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return isinstance(obj, _MethodType)


def isfunction(obj):
    return isinstance(obj, _FunctionType)


def isbuiltin(obj):
    return isinstance(obj, (_BuiltinFunctionType, _BuiltinMethodType))


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj)


def _has_code_flag(f, flag):
    """f (through bound methods and functools.partial) is a Python function whose code has
    the flag."""
    while ismethod(f):
        f = f.__func__
    while hasattr(f, 'func') and hasattr(f, 'args') and hasattr(f, 'keywords'):
        f = f.func   # functools.partial
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(obj):
    return isinstance(obj, _GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, _CoroutineType)


def isasyncgen(obj):
    return isinstance(obj, _AsyncGeneratorType)


def isawaitable(obj):
    """True for coroutines and objects whose type defines __await__."""
    return iscoroutine(obj) or hasattr(type(obj), '__await__')


def isabstract(obj):
    return bool(isinstance(obj, type) and getattr(obj, '__abstractmethods__', None))


def getmro(cls):
    return cls.__mro__


def unwrap(func, *, stop=None):
    """The innermost function of a chain of __wrapped__ attributes."""
    f = func
    seen = {id(f)}
    while hasattr(f, '__wrapped__') and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(func))
        seen.add(id(f))
    return f
