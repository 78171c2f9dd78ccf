"""dataclasses: the @dataclass decorator (init, repr, eq, order, frozen, unsafe_hash,
match_args, kw_only, __post_init__, InitVar, ClassVar fields skipped), field(), fields(),
asdict(), astuple(), replace(), is_dataclass(), make_dataclass() and FrozenInstanceError.
Methods are closures over the field list, never generated source (no exec).  Written for
aithon."""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']



def _cdict(cls):
    """cls's own namespace (type's __dict__ descriptor, which a metaclass cannot shadow)"""
    return _type_dict_descr.__get__(cls)


_type_dict_descr = type.__dict__['__dict__']

class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, '__name__', None) or repr(self.type)
        return f'dataclasses.InitVar[{name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    name = getattr(tp, '_name', None) or getattr(tp, '__name__', None)
    origin = getattr(tp, '__origin__', None)
    return name == 'ClassVar' or getattr(origin, '_name', None) == 'ClassVar'


def _is_initvar(tp):
    if isinstance(tp, str):
        return tp.startswith('InitVar') or tp.startswith('dataclasses.InitVar')
    return tp is InitVar or isinstance(tp, InitVar)


def _get_field(cls, name, tp, default_kw_only):
    default = _cdict(cls).get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and type(f.default) in (list, dict, set):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _describe(names):
    names = [repr(n) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return names[0] + ' and ' + names[1]
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _make_init(cls, all_fields, frozen, has_post_init):
    std = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init]
    pos = [f for f in std if not f.kw_only]
    kwo = [f for f in std if f.kw_only]
    seen_default = False
    for f in pos:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    qual = cls.__qualname__ + '.__init__'
    names = [f.name for f in std]
    npos = len(pos)
    nrequired_pos = sum(1 for f in pos if f.default is MISSING and f.default_factory is MISSING)
    setter = object.__setattr__
    initvars = [f.name for f in all_fields if f._field_type is _FIELD_INITVAR]
    noinit = [f for f in all_fields if f._field_type is _FIELD and not f.init]

    def __init__(self, *args, **kwargs):
        if len(args) > npos:
            if nrequired_pos == npos:
                raise TypeError(f'{qual}() takes {npos + 1} positional argument'
                                f'{"" if npos == 0 else "s"} but {len(args) + 1} were given')
            raise TypeError(f'{qual}() takes from {nrequired_pos + 1} to {npos + 1} '
                            f'positional arguments but {len(args) + 1} were given')
        values = {}
        for f, a in zip(pos, args):
            values[f.name] = a
        for k, v in kwargs.items():
            if k not in names or (k in values):
                if k in values:
                    raise TypeError(f"{qual}() got multiple values for argument '{k}'")
                raise TypeError(f"{qual}() got an unexpected keyword argument '{k}'")
            values[k] = v
        missing_pos = []
        missing_kw = []
        for f in std:
            if f.name not in values:
                if f.default is not MISSING:
                    values[f.name] = f.default
                elif f.default_factory is not MISSING:
                    values[f.name] = f.default_factory()
                elif f.kw_only:
                    missing_kw.append(f.name)
                else:
                    missing_pos.append(f.name)
        if missing_pos:
            n = len(missing_pos)
            raise TypeError(f'{qual}() missing {n} required positional argument'
                            f'{"s" if n > 1 else ""}: {_describe(missing_pos)}')
        if missing_kw:
            n = len(missing_kw)
            raise TypeError(f'{qual}() missing {n} required keyword-only argument'
                            f'{"s" if n > 1 else ""}: {_describe(missing_kw)}')
        for f in std:
            if f._field_type is _FIELD:
                if frozen:
                    setter(self, f.name, values[f.name])
                else:
                    setattr(self, f.name, values[f.name])
        for f in noinit:
            if f.default_factory is not MISSING:
                if frozen:
                    setter(self, f.name, f.default_factory())
                else:
                    setattr(self, f.name, f.default_factory())
        if has_post_init:
            self.__post_init__(*[values[n] for n in initvars])

    __init__.__qualname__ = qual
    return __init__


_repr_running = set()


def _make_repr(cls, flds):
    rf = [f.name for f in flds if f.repr]

    def __repr__(self):
        key = (id(self),)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            body = ', '.join([f'{n}={getattr(self, n)!r}' for n in rf])
        finally:
            _repr_running.discard(key)
        return f'{self.__class__.__qualname__}({body})'
    __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
    return __repr__


def _cmp_tuple(obj, names):
    return tuple([getattr(obj, n) for n in names])


def _make_cmp(cls, name, flds, op):
    names = [f.name for f in flds if f.compare]

    def method(self, other):
        if other.__class__ is self.__class__:
            return op(_cmp_tuple(self, names), _cmp_tuple(other, names))
        return NotImplemented
    method.__name__ = name
    method.__qualname__ = cls.__qualname__ + '.' + name
    return method


def _eq(a, b):
    return a == b


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _make_hash(cls, flds):
    names = [f.name for f in flds if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(_cmp_tuple(self, names))
    __hash__.__qualname__ = cls.__qualname__ + '.__hash__'
    return __hash__


def _make_frozen(cls, flds):
    names = set(f.name for f in flds)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots):
    all_fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = _cdict(b).get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if _cdict(b)['__dataclass_params__'].frozen:
                any_frozen_base = True
    ann = _cdict(cls).get('__annotations__', {})
    own = []
    kw = kw_only
    for name, tp in ann.items():
        if tp is KW_ONLY or (isinstance(tp, str) and tp in ('KW_ONLY', 'dataclasses.KW_ONLY')):
            kw = True
            continue
        own.append(_get_field(cls, name, tp, kw))
    for f in own:
        all_fields[f.name] = f
        if isinstance(_cdict(cls).get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in _cdict(cls).items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    flist = list(all_fields.values())
    real = [f for f in flist if f._field_type is _FIELD]
    has_post_init = hasattr(cls, '__post_init__')
    if init:
        cls.__init__ = _make_init(cls, flist, frozen, has_post_init)
    if repr and '__repr__' not in _cdict(cls):
        cls.__repr__ = _make_repr(cls, real)
    if eq and '__eq__' not in _cdict(cls):
        cls.__eq__ = _make_cmp(cls, '__eq__', real, _eq)
    if order:
        for name, op in (('__lt__', _lt), ('__le__', _le), ('__gt__', _gt), ('__ge__', _ge)):
            if name in _cdict(cls):
                raise TypeError(f'Cannot overwrite attribute {name} in class '
                                f'{cls.__name__}. Consider using functools.total_ordering')
            setattr(cls, name, _make_cmp(cls, name, real, op))
    if frozen:
        for name in ('__setattr__', '__delattr__'):
            if name in _cdict(cls):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
        sa, da = _make_frozen(cls, real)
        cls.__setattr__ = sa
        cls.__delattr__ = da
    class_hash = _cdict(cls).get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in _cdict(cls)))
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _make_hash(cls, real)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(cls, real)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None
    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = cls.__name__ + '(' + ', '.join(
                [f'{f.name}:{getattr(f.type, "__name__", f.type)}' for f in real]) + ')'
        except (AttributeError, TypeError):
            pass    # runtimes where a class's __doc__ is read-only
    if match_args and '__match_args__' not in _cdict(cls):
        cls.__match_args__ = tuple([f.name for f in flist
                                    if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init
                                    and not f.kw_only])
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class."""
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(c):
        return _process_class(c, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass."""
    try:
        flds = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in flds.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    import copy
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    import copy
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    """Return a new dynamically created dataclass."""
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            ns[name] = spec
        annotations[name] = tp
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
