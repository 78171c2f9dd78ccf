"""enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique and EnumType (alias EnumMeta),
a metaclass-based implementation: members are instances of the enum class created when
the class is built; lookup by value (Color(1)) and name (Color['RED']); iteration in
definition order; aliases; __members__; Flag composition with |, &, ^, ~.  Reprs follow
CPython 3.11 (<Color.RED: 1>, Color.RED, IntEnum str is the int's).  Written for aithon."""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'auto',
           'unique', 'ReprEnum']

_AUTO = object()



def _cdict(cls):
    """cls's own namespace (type's __dict__ descriptor, which a metaclass cannot shadow)"""
    return _type_dict_descr.__get__(cls)


_type_dict_descr = type.__dict__['__dict__']

class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_AUTO):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,) if self.value is not _AUTO else 'auto(<auto>)'


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    t = type(obj)
    return hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__')


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name.lstrip('_'),)
    return name.startswith(pattern) and not name.endswith('__')


def _data_type(bases):
    for base in bases:
        for c in base.__mro__:
            if c is object:
                continue
            if isinstance(c, EnumType):
                continue
            if c in (int, str, float, bytes, tuple) or '__new__' in _cdict(c):
                return c
    return object


class EnumType(type):
    """Metaclass for Enum"""

    def __new__(metacls, cls, bases, classdict, **kwds):
        for b in bases:
            if isinstance(b, EnumType) and b._member_names_:
                raise TypeError(f'<enum {cls!r}> cannot extend {b!r}')
        members = []
        ns = {}
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        for key, value in classdict.items():
            if key in ignore or key == '_ignore_':
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value) or isinstance(value, type)):
                ns[key] = value
            else:
                if key in [m[0] for m in members]:
                    raise TypeError(f'{key!r} already defined as {classdict[key]!r}')
                members.append((key, value))
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        member_type = _data_type(bases)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        enum_class._member_type_ = member_type
        new = ns.get('__new__')
        if new is None:
            for b in bases:
                for c in b.__mro__:
                    if '__new_member__' in _cdict(c):
                        new = _cdict(c)['__new_member__']
                        break
                if new is not None:
                    break
        elif _enum_defined:
            # the class's own __new__ makes members; lookups by value go through Enum's
            type.__setattr__(enum_class, '__new_member__', new)
            type.__setattr__(enum_class, '__new__', _cdict(Enum)['__new__'])
        else:
            new = None
        if member_type is not object:
            # a mixed-in data type's methods come first in the MRO: use the enum's own
            for meth in ('__repr__', '__str__', '__format__'):
                if meth in ns:
                    continue
                for c in enum_class.__mro__:
                    if isinstance(c, EnumType) and meth in _cdict(c):
                        type.__setattr__(enum_class, meth, _cdict(c)[meth])
                        break
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _AUTO:
                    value.value = enum_class._generate_next_value_(
                        name, 1, len(enum_class._member_names_), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(v.value if isinstance(v, auto) else v for v in value)
            args = value if isinstance(value, tuple) and member_type is not tuple else (value,)
            if new is not None:
                member = new(enum_class, *args)
                if not hasattr(member, '_value_'):
                    member._value_ = value
            elif member_type is object:
                member = object.__new__(enum_class)
                member._value_ = value
            else:
                member = member_type.__new__(enum_class, *args)
                member._value_ = member_type(*args)
            value = member._value_
            member._name_ = name
            member.__objclass__ = enum_class
            init = getattr(enum_class, '__init__', None)
            if init is not None and init is not object.__init__ and '__init__' in ns:
                member.__init__(*args)
            last_values.append(value)
            canonical = None
            try:
                canonical = enum_class._value2member_map_.get(value)
            except TypeError:
                for m in enum_class._member_map_.values():
                    if m._value_ == value:
                        canonical = m
                        break
            if canonical is not None:
                member = canonical
            else:
                enum_class._member_names_.append(name)
                try:
                    enum_class._value2member_map_[value] = member
                except TypeError:
                    pass
            enum_class._member_map_[name] = member
            type.__setattr__(enum_class, name, member)
        if issubclass(enum_class, Flag) if _flag_defined else False:
            mask = 0
            for m in enum_class._member_map_.values():
                mask |= m._value_
            enum_class._flag_mask_ = mask
            enum_class._all_bits_ = 2 ** mask.bit_length() - 1 if mask else 0
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            # value lookup; a mixed-in type's __new__ (int.__new__) must not run here
            return _enum_lookup(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        classdict = {}
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last = []
            for count, name in enumerate(names):
                v = cls._generate_next_value_(name, start, count, last[:])
                last.append(v)
                classdict[name] = v
        elif isinstance(names, dict):
            classdict.update(names)
        else:
            for name, v in names:
                classdict[name] = v
        classdict['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return EnumType.__new__(EnumType, class_name, bases, classdict)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f'{cls.__name__}: cannot delete Enum member {attr!r}.')
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if _flag_defined and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = getattr(cls, '_member_map_', None) or {}
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType
_flag_defined = False
_enum_defined = False


class Enum(metaclass=EnumType):
    """Generic enumeration."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


_enum_defined = True
_enum_lookup = _cdict(Enum)['__new__']


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    __new_member__ = __new__

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _power_of_two(v):
    return v > 0 and (v & (v - 1)) == 0


def _bits(v):
    bit = 1
    while bit <= v:
        if v & bit:
            yield bit
        bit <<= 1


class Flag(Enum):
    """Support for flags"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for v in last_values:
            if v > high:
                high = v
        return 2 ** high.bit_length() if high else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if value < 0:
            value = value & cls._all_bits_ if cls._all_bits_ else value
        if value & ~cls._flag_mask_ and not issubclass(cls, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_members(value)]
        rest = value & ~cls._flag_mask_
        pseudo._name_ = '|'.join(names) if names and not rest else (None if not names else '|'.join(names))
        if value == 0:
            pseudo._name_ = None
        cls._value2member_map_[value] = pseudo
        return pseudo

    @classmethod
    def _iter_members(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if _power_of_two(m._value_) and m._value_ & value == m._value_:
                yield m

    def __iter__(self):
        return iter(list(self.__class__._iter_members(self._value_)))

    def __len__(self):
        return sum(1 for _ in self)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %r>' % (cls_name, self._value_)
        return '<%s.%s: %r>' % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags"""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)

    # int's operators come first in the MRO; the results must stay flags
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__


_flag_defined = True
Flag._flag_mask_ = 0
Flag._all_bits_ = 0


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
