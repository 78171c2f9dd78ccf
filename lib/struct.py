"""Conversion between Python values and C structs packed into bytes: pack, unpack,
calcsize, pack_into, unpack_from, iter_unpack and the Struct class, with CPython's formats,
byte orders, native alignment and error messages.  Floats are encoded to IEEE 754 binary16,
binary32 and binary64 here with exact round-half-even arithmetic on ints.
"""

from math import frexp as _frexp, ldexp as _ldexp, isnan as _isnan, isinf as _isinf
from math import copysign as _copysign

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


class error(Exception):
    pass


# format char -> (native size, standard size); None = not available in standard mode
_SIZES = {'x': (1, 1), 'c': (1, 1), 'b': (1, 1), 'B': (1, 1), '?': (1, 1), 'h': (2, 2),
          'H': (2, 2), 'i': (4, 4), 'I': (4, 4), 'l': (8, 4), 'L': (8, 4), 'q': (8, 8),
          'Q': (8, 8), 'n': (8, None), 'N': (8, None), 'P': (8, None), 'e': (2, 2),
          'f': (4, 4), 'd': (8, 8), 's': (1, 1), 'p': (1, 1)}
_SIGNED = 'bhilqn'
_UNSIGNED = 'BHILQNP'
_NAMES = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}


def _parse(fmt):
    """(little-endian?, items [(char, count, offset)], total size)"""
    if isinstance(fmt, (bytes, bytearray)):
        fmt = bytes(fmt).decode('ascii')
    if not isinstance(fmt, str):
        raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                        % type(fmt).__name__)
    i = 0
    n = len(fmt)
    native = True
    little = True
    if n and fmt[0] in '@=<>!':
        c = fmt[0]
        native = c == '@'
        little = c in '@=<'
        i = 1
    items = []
    size = 0
    while i < n:
        c = fmt[i]
        if c.isspace():
            i += 1
            continue
        count = 1
        if c.isdigit():
            j = i
            while j < n and fmt[j].isdigit():
                j += 1
            count = int(fmt[i:j])
            if j >= n:
                raise error('repeat count given without format specifier')
            i = j
            c = fmt[i]
        sizes = _SIZES.get(c)
        if sizes is None or (not native and sizes[1] is None):
            raise error('bad char in struct format')
        sz = sizes[0] if native else sizes[1]
        if native and c not in 'xcsp?bB' and size % sz:
            size += sz - size % sz
        items.append((c, count, size, sz))
        if c in 'sp':
            size += count
        else:
            size += sz * count
        i += 1
    return little, items, size


def _int_arg(v):
    if isinstance(v, int):
        return int(v)
    idx = getattr(type(v), '__index__', None)
    if idx is None:
        raise error('required argument is not an integer')
    return idx(v)


def _pack_int(c, v, sz, little, native):
    v = _int_arg(v)
    if c in _SIGNED:
        lo = -(1 << (8 * sz - 1))
        hi = (1 << (8 * sz - 1)) - 1
    else:
        lo = 0
        hi = (1 << (8 * sz)) - 1
    if not lo <= v <= hi:
        if c in _NAMES:
            raise error('%s format requires %d <= number <= %d' % (_NAMES[c], lo, hi))
        if sz == 8 or (v < 0 and c in _UNSIGNED):
            raise error('argument out of range')
        raise error("'%s' format requires %d <= number <= %d" % (c, lo, hi))
    if v < 0:
        v += 1 << (8 * sz)
    return v.to_bytes(sz, 'little' if little else 'big')


# IEEE formats: char -> (exponent bits, fraction bits)
_IEEE = {'e': (5, 10), 'f': (8, 23), 'd': (11, 52)}


def _float_bits(x, c):
    ebits, mbits = _IEEE[c]
    bias = (1 << (ebits - 1)) - 1
    emax = (1 << ebits) - 1
    sign = 1 if _copysign(1.0, x) < 0 else 0
    if _isnan(x):
        return (sign << (ebits + mbits)) | (emax << mbits) | (1 << (mbits - 1))
    if _isinf(x):
        return (sign << (ebits + mbits)) | (emax << mbits)
    if x == 0:
        return sign << (ebits + mbits)
    m, e = _frexp(abs(x))
    mant = int(m * 9007199254740992.0)     # 53 bits: abs(x) = mant * 2**(e - 53)
    exp2 = e - 53
    if e - 1 >= 1 - bias:
        shift = 53 - (mbits + 1)
        sig = _round_shift(mant, shift)
        e1 = e - 1
        if sig >> (mbits + 1):
            sig >>= 1
            e1 += 1
        biased = e1 + bias
        if biased >= emax:
            raise OverflowError('float too large to pack with %s format' % c)
        return (sign << (ebits + mbits)) | (biased << mbits) | (sig & ((1 << mbits) - 1))
    # subnormal: units of 2**(1 - bias - mbits)
    shift = (1 - bias - mbits) - exp2
    sig = _round_shift(mant, shift)
    return (sign << (ebits + mbits)) | sig


def _round_shift(v, shift):
    """v / 2**shift rounded half to even (shift may be <= 0)"""
    if shift <= 0:
        return v << -shift
    q = v >> shift
    r = v - (q << shift)
    half = 1 << (shift - 1)
    if r > half or (r == half and q & 1):
        q += 1
    return q


def _float_from_bits(bits, c):
    ebits, mbits = _IEEE[c]
    bias = (1 << (ebits - 1)) - 1
    emax = (1 << ebits) - 1
    sign = bits >> (ebits + mbits)
    exp = (bits >> mbits) & emax
    frac = bits & ((1 << mbits) - 1)
    if exp == emax:
        v = float('nan') if frac else float('inf')
    elif exp == 0:
        v = _ldexp(float(frac), 1 - bias - mbits)
    else:
        v = _ldexp(float(frac | (1 << mbits)), exp - bias - mbits)
    return -v if sign else v


def _pack_float(c, v, sz, little):
    if not isinstance(v, float):
        f = getattr(type(v), '__float__', None)
        if f is None and getattr(type(v), '__index__', None) is None:
            raise error('required argument is not a float')
        v = float(v)
    if c == 'd':
        bits = _float_bits(v, 'd')
    else:
        bits = _float_bits(v, c)
    return bits.to_bytes(sz, 'little' if little else 'big')


def _pack(little, items, size, args, native):
    nitems = 0
    for c, count, off, sz in items:
        if c == 'x':
            continue
        nitems += 1 if c in 'sp' else count
    if len(args) != nitems:
        raise error('pack expected %d items for packing (got %d)' % (nitems, len(args)))
    out = bytearray(size)
    k = 0
    for c, count, off, sz in items:
        if c == 'x':
            continue
        if c in 'sp':
            v = args[k]
            k += 1
            if not isinstance(v, (bytes, bytearray)):
                raise error("argument for '%s' must be a bytes object" % c)
            if c == 's':
                data = bytes(v[:count])
                out[off:off + len(data)] = data
            elif count:
                n = min(len(v), count - 1, 255)
                out[off] = n
                out[off + 1:off + 1 + n] = bytes(v[:n])
            continue
        for r in range(count):
            v = args[k]
            k += 1
            pos = off + r * sz
            if c == 'c':
                if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                    raise error('char format requires a bytes object of length 1')
                out[pos] = v[0]
            elif c == '?':
                out[pos] = 1 if v else 0
            elif c in 'efd':
                out[pos:pos + sz] = _pack_float(c, v, sz, little)
            else:
                out[pos:pos + sz] = _pack_int(c, v, sz, little, native)
    return out


def _unpack(little, items, buf, offset):
    res = []
    order = 'little' if little else 'big'
    for c, count, off, sz in items:
        off += offset
        if c == 'x':
            continue
        if c == 's':
            res.append(bytes(buf[off:off + count]))
            continue
        if c == 'p':
            if count:
                n = min(buf[off], count - 1)
                res.append(bytes(buf[off + 1:off + 1 + n]))
            else:
                res.append(b'')
            continue
        for r in range(count):
            pos = off + r * sz
            chunk = bytes(buf[pos:pos + sz])
            if c == 'c':
                res.append(chunk)
            elif c == '?':
                res.append(chunk != b'\x00')
            elif c in 'efd':
                res.append(_float_from_bits(int.from_bytes(chunk, order), c))
            else:
                res.append(int.from_bytes(chunk, order, signed=c in _SIGNED))
    return tuple(res)


class Struct:
    """A compiled struct format."""

    def __init__(self, format):
        if isinstance(format, (bytes, bytearray)):
            format = bytes(format).decode('ascii')
        self.format = format
        self._little, self._items, self.size = _parse(format)
        self._native = not (format[:1] and format[0] in '=<>!')

    def pack(self, *args):
        return bytes(_pack(self._little, self._items, self.size, args, self._native))

    def pack_into(self, buffer, offset, *args):
        data = _pack(self._little, self._items, self.size, args, self._native)
        n = len(buffer)
        if offset < 0:
            if offset + n < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, n))
            offset += n
        if n - offset < self.size:
            raise error('pack_into requires a buffer of at least %d bytes for packing %d '
                        'bytes at offset %d (actual buffer size is %d)'
                        % (self.size + offset, self.size, offset, n))
        buffer[offset:offset + self.size] = data

    def unpack(self, buffer):
        if len(buffer) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return _unpack(self._little, self._items, buffer, 0)

    def unpack_from(self, buffer, offset=0):
        n = len(buffer)
        if offset < 0:
            if offset + n < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, n))
            offset += n
        if n - offset < self.size:
            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d '
                        'bytes at offset %d (actual buffer size is %d)'
                        % (self.size + offset, self.size, offset, n))
        return _unpack(self._little, self._items, buffer, offset)

    def iter_unpack(self, buffer):
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(buffer) % self.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                        % self.size)
        return self._iter(buffer)

    def _iter(self, buffer):
        for off in range(0, len(buffer), self.size):
            yield _unpack(self._little, self._items, buffer, off)

    def __repr__(self):
        return 'Struct(%r)' % (self.format,)


_cache = {}


def _struct(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = Struct(fmt)
        if len(_cache) > 100:
            _cache.clear()
        _cache[fmt] = s
    return s


def calcsize(format):
    return _struct(format).size


def pack(format, *args):
    return _struct(format).pack(*args)


def pack_into(format, buffer, offset, *args):
    return _struct(format).pack_into(buffer, offset, *args)


def unpack(format, buffer):
    return _struct(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _struct(format).iter_unpack(buffer)
