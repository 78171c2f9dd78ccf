"""typing: enough for programs that import typing for annotations: the special forms and
generic aliases as subscriptable placeholders (Optional[int], List[str], Callable[..., T]),
TypeVar, Generic, Protocol, NamedTuple (class syntax and functional form), TypedDict (a
plain dict), cast, overload, final, get_type_hints and TYPE_CHECKING = False.  No static
checking happens at run time.  Written for aithon."""

TYPE_CHECKING = False



def _cdict(cls):
    """cls's own namespace (type's __dict__ descriptor, which a metaclass cannot shadow)"""
    return _type_dict_descr.__get__(cls)


_type_dict_descr = type.__dict__['__dict__']

class _Alias:
    """A subscriptable placeholder: List, Optional[int], ..."""

    def __init__(self, name, origin=None, args=()):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, self, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is not None:
            return self.__origin__(*args, **kwargs)
        raise TypeError(f'Cannot instantiate typing.{self._name}')

    def __repr__(self):
        if not self.__args__:
            return 'typing.' + self._name

        def r(a):
            if isinstance(a, type):
                return a.__name__ if a.__module__ == 'builtins' else a.__module__ + '.' + a.__qualname__
            if a is Ellipsis:
                return '...'
            return repr(a)
        return 'typing.%s[%s]' % (self._name, ', '.join(r(a) for a in self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _Builtin(_Alias):
    def __init__(self, name, builtin):
        _Alias.__init__(self, name)
        self._builtin = builtin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        a = _Alias(self._name, self._builtin, params)
        return a

    def __call__(self, *args, **kwargs):
        return self._builtin(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self._builtin)


Any = _Alias('Any')
Union = _Alias('Union')
Optional = _Alias('Optional')
ClassVar = _Alias('ClassVar')
Final = _Alias('Final')
Literal = _Alias('Literal')
Annotated = _Alias('Annotated')
NoReturn = _Alias('NoReturn')
Never = _Alias('Never')
Self = _Alias('Self')
LiteralString = _Alias('LiteralString')
TypeAlias = _Alias('TypeAlias')
TypeGuard = _Alias('TypeGuard')
Concatenate = _Alias('Concatenate')
Unpack = _Alias('Unpack')
Required = _Alias('Required')
NotRequired = _Alias('NotRequired')
Callable = _Alias('Callable')
List = _Builtin('List', list)
Dict = _Builtin('Dict', dict)
Set = _Builtin('Set', set)
FrozenSet = _Builtin('FrozenSet', frozenset)
Tuple = _Builtin('Tuple', tuple)
Type = _Builtin('Type', type)
DefaultDict = _Alias('DefaultDict')
OrderedDict = _Alias('OrderedDict')
Counter = _Alias('Counter')
Deque = _Alias('Deque')
ChainMap = _Alias('ChainMap')
Iterable = _Alias('Iterable')
Iterator = _Alias('Iterator')
Generator = _Alias('Generator')
AsyncIterator = _Alias('AsyncIterator')
AsyncIterable = _Alias('AsyncIterable')
AsyncGenerator = _Alias('AsyncGenerator')
Awaitable = _Alias('Awaitable')
Coroutine = _Alias('Coroutine')
Sequence = _Alias('Sequence')
MutableSequence = _Alias('MutableSequence')
Mapping = _Alias('Mapping')
MutableMapping = _Alias('MutableMapping')
AbstractSet = _Alias('AbstractSet')
MutableSet = _Alias('MutableSet')
Collection = _Alias('Collection')
Container = _Alias('Container')
Hashable = _Alias('Hashable')
Sized = _Alias('Sized')
Reversible = _Alias('Reversible')
ContextManager = _Alias('ContextManager')
AsyncContextManager = _Alias('AsyncContextManager')
SupportsInt = _Alias('SupportsInt')
SupportsFloat = _Alias('SupportsFloat')
SupportsIndex = _Alias('SupportsIndex')
SupportsAbs = _Alias('SupportsAbs')
SupportsRound = _Alias('SupportsRound')
IO = _Alias('IO')
TextIO = _Alias('TextIO')
BinaryIO = _Alias('BinaryIO')
Pattern = _Alias('Pattern')
Match = _Alias('Match')
AnyStr = _Alias('AnyStr')
Text = str


class TypeVar:
    """Type variable: a named placeholder."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class Generic:
    """Base class for generic classes: Generic[T] is a plain base at run time."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base class for protocol classes (structural typing is not checked at run time)."""


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    """Return the value unchanged (a signal to type checkers)."""
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-decorated.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(f):
    return f


def assert_never(arg, /):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    return obj


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(_cdict(base).get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        from collections import namedtuple
        if ns.get('_root', False):
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        names = list(types)
        defaults = [ns[n] for n in names if n in ns]
        nt = namedtuple(typename, names, defaults=defaults, module=ns.get('__module__'))
        nt.__annotations__ = dict(types)
        for key, val in ns.items():
            if key not in ('__module__', '__qualname__', '__annotations__', '_root') \
                    and key not in names:
                setattr(nt, key, val)
        return nt


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True

    def __new__(cls, typename, fields=None, /, **kwargs):
        from collections import namedtuple
        if fields is None:
            fields = kwargs.items()
        fields = list(fields)
        return namedtuple(typename, [f[0] for f in fields])


class TypedDict(dict):
    """TypedDict classes are plain dicts at run time."""


__all__ = [n for n in globals() if not n.startswith('_')]
