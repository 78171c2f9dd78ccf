"""copy: shallow copy() and deepcopy() with a memo, honouring __copy__ and __deepcopy__;
built-in containers are copied directly, other instances through their __dict__ (and
__slots__).  Error: copy.Error.  Written for aithon (no __reduce_ex__ protocol)."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, bytes, type, range,
           type(Ellipsis), type(NotImplemented), frozenset.__class__)
_FUNCTION_TYPES = (type(len), type(lambda: None))


def _is_atomic(x):
    t = type(x)
    return t in _ATOMIC or t in _FUNCTION_TYPES or isinstance(x, type)


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ('__dict__', '__weakref__'):
                names.append(name)
    return names


def _new_like(x):
    cls = type(x)
    return cls.__new__(cls)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if isinstance(x, BaseException):
        y = cls(*x.args)
        y.__dict__.update(x.__dict__)
        return y
    y = _copy_instance(x, cls)
    return y


def _copy_instance(x, cls):
    if issubclass(cls, (list, dict, set, tuple)):
        base = list if issubclass(cls, list) else dict if issubclass(cls, dict) else \
            set if issubclass(cls, set) else tuple
        if base is tuple:
            y = cls.__new__(cls, tuple(x))
        else:
            y = cls.__new__(cls)
            if base is list:
                list.extend(y, x)
            elif base is dict:
                dict.update(y, x)
            else:
                set.update(y, x)
    else:
        try:
            y = cls.__new__(cls)
        except TypeError:
            raise Error("un(shallow)copyable object of type %s" % cls)
    d = getattr(x, '__dict__', None)
    if d is not None:
        y.__dict__.update(d)
    for name in _slot_names(cls):
        if hasattr(x, name):
            object.__setattr__(y, name, getattr(x, name))
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # the tuple may have been copied while copying its items (a cycle through it)
        if d in memo:
            return memo[d]
        same = True
        for a, b in zip(x, items):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset([deepcopy(a, memo) for a in x])
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            y = _deepcopy_instance(x, cls, memo, d)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_instance(x, cls, memo, d):
    if isinstance(x, BaseException):
        y = cls(*deepcopy(x.args, memo))
        memo[d] = y
        for k, v in x.__dict__.items():
            setattr(y, k, deepcopy(v, memo))
        return y
    if issubclass(cls, tuple):
        return cls.__new__(cls, [deepcopy(a, memo) for a in x])
    try:
        y = cls.__new__(cls)
    except TypeError:
        raise Error("un(deep)copyable object of type %s" % cls)
    memo[d] = y
    if isinstance(x, list):
        for a in x:
            list.append(y, deepcopy(a, memo))
    elif isinstance(x, dict):
        for k, v in x.items():
            dict.__setitem__(y, deepcopy(k, memo), deepcopy(v, memo))
    elif isinstance(x, set):
        for a in x:
            set.add(y, deepcopy(a, memo))
    state = getattr(x, '__dict__', None)
    if state is not None:
        for k, v in state.items():
            y.__dict__[k] = deepcopy(v, memo)
    for name in _slot_names(cls):
        if hasattr(x, name):
            object.__setattr__(y, name, deepcopy(getattr(x, name), memo))
    return y


def _keep_alive(x, memo):
    """Keeps x alive for as long as the memo (ids in the memo must stay unique)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
