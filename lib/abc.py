"""abc: ABCMeta (abstract-method bookkeeping, register(), isinstance/issubclass through
the registry and __subclasshook__), ABC, abstractmethod, and the abstract class/static
method and property forms.  Instantiating a class with abstract methods raises CPython
3.11's "Can't instantiate abstract class X with abstract method(s) ...".  Written for
aithon."""

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod', 'abstractstaticmethod',
           'abstractproperty', 'get_cache_token']



def _cdict(cls):
    """cls's own namespace (type's __dict__ descriptor, which a metaclass cannot shadow)"""
    return _type_dict_descr.__get__(cls)


_type_dict_descr = type.__dict__['__dict__']

def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


_token = [0]


def get_cache_token():
    return _token[0]


def _is_abstract(value):
    return getattr(value, '__isabstractmethod__', False) is True


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = set()
        for n, value in namespace.items():
            if _is_abstract(value):
                abstracts.add(n)
        for base in bases:
            for n in getattr(base, '__abstractmethods__', ()):
                value = getattr(cls, n, None)
                if _is_abstract(value):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        cls._abc_registry.append(subclass)
        _token[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in getattr(subclass, '__mro__', ()):
            return True
        hook = _cdict(cls).get('__subclasshook__')
        if hook is not None:
            ok = cls.__subclasshook__(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        for r in cls._abc_registry:
            if issubclass(subclass, r):
                return True
        for scls in type.__subclasses__(cls) if hasattr(type, '__subclasses__') else ():
            if scls is not cls and issubclass(subclass, scls):
                return True
        return False


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()
