"""types: SimpleNamespace (with CPython's repr and equality), the types of common objects
(FunctionType, LambdaType, MethodType, BuiltinFunctionType, GeneratorType, ModuleType,
NoneType, ...), and new_class-free helpers.  Written for aithon."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
del _C, _f, _g


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for k, v in kwargs.items():
            if type(k) is not str:
                raise TypeError(f'keywords must be strings, not {type(k).__name__!r}')
            setattr(self, k, v)

    def __repr__(self):
        items = [f'{k}={v!r}' for k, v in self.__dict__.items()]
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return f'{name}({", ".join(items)})'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None
