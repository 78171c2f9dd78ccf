"""Decimal floating point: Decimal, Context and the signals of the General Decimal Arithmetic
specification, as CPython 3.11's decimal module presents them.

Written for aithon from the specification and CPython's documented behaviour.  A finite
Decimal is (sign, coefficient, exponent) with value (-1)**sign * coefficient * 10**exponent,
the coefficient a non-negative int; specials are Infinity, NaN and sNaN (a NaN may carry a
payload in its coefficient).  Every operation computes the exact result (or enough digits of
it plus a "sticky" digit that records an inexact tail) and then rounds once to the context
(_finish), so results are correctly rounded as the specification requires.

Covered: construction (str, int, float, tuple, Decimal), str/repr, the arithmetic operators,
sqrt, exp/ln/log10 and power, quantize, normalize, to_integral, comparisons and hashing
consistent with int/float/Fraction, format(), contexts (getcontext, setcontext, localcontext)
with precision, the eight rounding modes, flags and traps.  Not covered: the logical and
the less common operations of the specification (logical_and, next_toward, fma...).
"""

import math as _math
from collections import namedtuple as _namedtuple

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
           'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
           'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
           'FloatOperation', 'DivisionImpossible', 'InvalidContext', 'ConversionSyntax',
           'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN',
           'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
           'setcontext', 'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN',
           'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR']

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


# ---- signals ----------------------------------------------------------------------------

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# the signals a context has flags and traps for, in CPython's order
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal,
            Inexact, Rounded, Clamped]
# conditions that are reported through the signal that contains them
_CONDITION_SIGNAL = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent')


# ---- contexts ---------------------------------------------------------------------------

class Context(object):
    """Precision, rounding, exponent limits, and the flags and traps of the signals."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None, _ignored_flags=None):
        dc = _default_template
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else \
            (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        if traps is None:
            self.traps = dict(dc.traps) if dc else \
                dict((s, s in (InvalidOperation, DivisionByZero, Overflow)) for s in _SIGNALS)
        elif isinstance(traps, dict):
            self.traps = dict((s, bool(traps.get(s, False))) for s in _SIGNALS)
        else:
            self.traps = dict((s, s in traps) for s in _SIGNALS)
        if flags is None:
            self.flags = dict((s, False) for s in _SIGNALS)
        elif isinstance(flags, dict):
            self.flags = dict((s, bool(flags.get(s, False))) for s in _SIGNALS)
        else:
            self.flags = dict((s, s in flags) for s in _SIGNALS)

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if not 1 <= value <= MAX_PREC:
                raise ValueError('valid range for prec is [1, MAX_PREC]')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError('valid values for rounding are:\n'
                                '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                                '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                                '   ROUND_05UP]')
        elif name == 'Emin':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if not MIN_EMIN <= value <= 0:
                raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if not 0 <= value <= MAX_EMAX:
                raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        elif name == 'capitals':
            if value not in (0, 1):
                raise ValueError('valid values for capitals are 0 or 1')
        elif name == 'clamp':
            if value not in (0, 1):
                raise ValueError('valid values for clamp are 0 or 1')
        elif name not in ('flags', 'traps'):
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = [s.__name__ for s in _SIGNALS if self.flags[s]]
        traps = [s.__name__ for s in _SIGNALS if self.traps[s]]
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, ', '.join(flags),
                                             ', '.join(traps)))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _raise(self, condition, result=None):
        """Signals condition: sets its flag, raises when trapped, else gives result."""
        signal = _CONDITION_SIGNAL.get(condition, condition)
        self.flags[signal] = True
        if self.traps[signal]:
            raise signal([condition])
        return result

    def _raise_all(self, conditions, result=None):
        """Signals several conditions at once, as the C decimal does: every flag is set
        first, then the first trapped one (conditions come in CPython's signal order) is
        raised with the list of all trapped ones."""
        trapped = []
        for condition in conditions:
            signal = _CONDITION_SIGNAL.get(condition, condition)
            self.flags[signal] = True
            if self.traps[signal]:
                trapped.append(condition)
        if trapped:
            raise _CONDITION_SIGNAL.get(trapped[0], trapped[0])(trapped)
        return result

    def create_decimal(self, num='0'):
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            return self._raise(ConversionSyntax, _NaN)
        d = Decimal(num, self)
        if d._special:
            if d._is_nan() and _ndigits(d._int) > self.prec - self.clamp and d._int:
                return self._raise(ConversionSyntax, _NaN)
            return d
        return _finish(d._sign, d._int, d._exp, self)

    def create_decimal_from_float(self, f):
        return _finish_dec(Decimal.from_float(f), self)

    # the arithmetic as context methods
    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def add(self, a, b):
        return _convert(a, True).__add__(b, context=self)

    def subtract(self, a, b):
        return _convert(a, True).__sub__(b, context=self)

    def multiply(self, a, b):
        return _convert(a, True).__mul__(b, context=self)

    def divide(self, a, b):
        return _convert(a, True).__truediv__(b, context=self)

    def divide_int(self, a, b):
        return _convert(a, True).__floordiv__(b, context=self)

    def remainder(self, a, b):
        return _convert(a, True).__mod__(b, context=self)

    def divmod(self, a, b):
        return _convert(a, True).__divmod__(b, context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, True).__pow__(b, modulo, context=self)

    def sqrt(self, a):
        return _convert(a, True).sqrt(context=self)

    def exp(self, a):
        return _convert(a, True).exp(context=self)

    def ln(self, a):
        return _convert(a, True).ln(context=self)

    def log10(self, a):
        return _convert(a, True).log10(context=self)

    def quantize(self, a, b):
        return _convert(a, True).quantize(b, context=self)

    def normalize(self, a):
        return _convert(a, True).normalize(context=self)

    def plus(self, a):
        return _convert(a, True).__pos__(context=self)

    def minus(self, a):
        return _convert(a, True).__neg__(context=self)

    def compare(self, a, b):
        return _convert(a, True).compare(b, context=self)

    def to_integral_value(self, a):
        return _convert(a, True).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_sci_string(self, a):
        return _convert(a, True).__str__(context=self)

    def max(self, a, b):
        return _convert(a, True).max(b, context=self)

    def min(self, a, b):
        return _convert(a, True).min(b, context=self)

    def scaleb(self, a, b):
        return _convert(a, True).scaleb(b, context=self)

    def next_minus(self, a):
        return _convert(a, True).next_minus(context=self)

    def next_plus(self, a):
        return _convert(a, True).next_plus(context=self)

    def next_toward(self, a, b):
        return _convert(a, True).next_toward(b, context=self)

    def number_class(self, a):
        return _convert(a, True).number_class(context=self)

    def shift(self, a, b):
        return _convert(a, True).shift(b, context=self)

    def rotate(self, a, b):
        return _convert(a, True).rotate(b, context=self)

    def logical_and(self, a, b):
        return _convert(a, True).logical_and(b, context=self)

    def logical_or(self, a, b):
        return _convert(a, True).logical_or(b, context=self)

    def logical_xor(self, a, b):
        return _convert(a, True).logical_xor(b, context=self)

    def logical_invert(self, a):
        return _convert(a, True).logical_invert(context=self)


_default_template = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, traps=[InvalidOperation, DivisionByZero, Overflow])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])
_default_template = DefaultContext
_current = None


def getcontext():
    """The current context (a copy of DefaultContext made on first use)."""
    global _current
    if _current is None:
        _current = DefaultContext.copy()
    return _current


def setcontext(context):
    global _current
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager that makes a copy of ctx (or of the current context) current
    for the block, with the attributes given as keywords."""
    if ctx is None:
        ctx = getcontext()
    ctx = ctx.copy()
    for key, value in kwargs.items():
        if key not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags',
                       'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        setattr(ctx, key, value)
    return _ContextManager(ctx)


# ---- helpers ------------------------------------------------------------------------------

def _ndigits(n):
    # decimal digits of a non-negative int (0 has one); large ones without str(), which is
    # quadratic and limited to 4300 digits
    if n < 10 ** 18:
        return len(str(n))
    k = (n.bit_length() - 1) * 30103 // 100000
    while 10 ** k <= n:
        k += 1
    return k


def _digits(n):
    """str(n) for a non-negative int of any size: str() refuses more than 4300 digits, so
    long coefficients are split in halves by a power of ten first."""
    if n < 10 ** 1000:
        return str(n)
    k = _ndigits(n) // 2
    hi, lo = divmod(n, 10 ** k)
    return _digits(hi) + _digits(lo).rjust(k, '0')


def _int_of(s):
    """int(s) for a string of ASCII digits of any length (int() refuses over 4300)."""
    if len(s) <= 1000:
        return int(s)
    k = len(s) // 2
    return _int_of(s[:-k]) * 10 ** k + _int_of(s[-k:])


def _round_decision(sign, q, r, half, rounding):
    """1 when the kept part q must be incremented: r is the discarded part, half the value
    of one half unit of q's last place (r and half in the same unit)."""
    if r == 0:
        return 0
    if rounding == ROUND_HALF_EVEN:
        return 1 if r > half or (r == half and q % 2 == 1) else 0
    if rounding == ROUND_HALF_UP:
        return 1 if r >= half else 0
    if rounding == ROUND_HALF_DOWN:
        return 1 if r > half else 0
    if rounding == ROUND_DOWN:
        return 0
    if rounding == ROUND_UP:
        return 1
    if rounding == ROUND_CEILING:
        return 1 if sign == 0 else 0
    if rounding == ROUND_FLOOR:
        return 1 if sign == 1 else 0
    # ROUND_05UP: away from zero only when the kept last digit is 0 or 5
    return 1 if q % 5 == 0 else 0


def _shift_round(sign, coef, drop, rounding):
    """coef / 10**drop rounded by rounding; (result, inexact)."""
    if drop <= 0:
        return coef * 10 ** (-drop), False
    p = 10 ** drop
    q, r = divmod(coef, p)
    if drop > 0:
        half = p // 2
    q += _round_decision(sign, q, r, half, rounding)
    return q, r != 0


def _finish(sign, coef, exp, context, rounding=None):
    """The finite result (sign, coef, exp) rounded to the context: precision, then the
    exponent limits (Overflow, Subnormal, Underflow, Clamped), signalling as it goes."""
    if rounding is None:
        rounding = context.rounding
    prec = context.prec
    etiny = context.Emin - prec + 1
    etop = context.Emax - prec + 1
    if coef == 0:
        # a zero keeps its exponent within [Etiny, Emax] (Etop when clamping)
        top = etop if context.clamp else context.Emax
        if exp < etiny:
            exp = etiny
            context._raise(Clamped)
        elif exp > top:
            exp = top
            context._raise(Clamped)
        return _dec(sign, 0, exp)
    nd = _ndigits(coef)
    adjusted = exp + nd - 1
    # subnormal results are rounded at Etiny rather than at the precision
    if adjusted < context.Emin:
        subnormal = True
        drop = max(nd - prec, etiny - exp)
    else:
        subnormal = False
        drop = nd - prec
    inexact = False
    rounded = False
    if drop > 0:
        coef, inexact = _shift_round(sign, coef, drop, rounding)
        exp += drop
        rounded = True
        if _ndigits(coef) > prec and not subnormal:
            coef //= 10
            exp += 1
        elif subnormal and coef and _ndigits(coef) > prec:
            coef //= 10
            exp += 1
    if coef and exp + _ndigits(coef) - 1 > context.Emax:
        context._raise_all((Overflow, Inexact, Rounded))
        if rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or \
                (rounding == ROUND_CEILING and sign == 0) or \
                (rounding == ROUND_FLOOR and sign == 1):
            return _Infinity if sign == 0 else _NegInfinity
        return _dec(sign, 10 ** prec - 1, etop)
    if subnormal:
        context._raise(Subnormal)
        if inexact:
            context._raise(Underflow)
        if coef == 0:
            context._raise(Clamped)
    if context.clamp and exp > etop and coef:
        coef *= 10 ** (exp - etop)
        exp = etop
        context._raise(Clamped)
    if inexact:
        context._raise(Inexact)
    if rounded:
        context._raise(Rounded)
    return _dec(sign, coef, exp)


def _finish_dec(d, context):
    if d._special:
        return d
    return _finish(d._sign, d._int, d._exp, context)


def _dec(sign, coef, exp, special=''):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coef
    d._exp = exp
    d._special = special
    return d


def _builtin_type_name(x):
    t = type(x)
    if t.__module__ == 'builtins':
        return t.__name__
    return None


def _convert(other, raise_error=False, op=None, reflected=False):
    """other as a Decimal when it is a Decimal or an int; else NotImplemented (or a
    TypeError with CPython's message for the built-in types, which cannot answer)."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _from_int(other)
    if raise_error:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    if op is not None and _builtin_type_name(other) is not None and \
            not isinstance(other, complex):
        if reflected:
            raise TypeError("unsupported operand type(s) for %s: '%s' and 'decimal.Decimal'"
                            % (op, type(other).__name__))
        raise TypeError("unsupported operand type(s) for %s: 'decimal.Decimal' and '%s'"
                        % (op, type(other).__name__))
    return NotImplemented


def _from_int(n):
    if n < 0:
        return _dec(1, -n, 0)
    return _dec(0, int(n), 0)


def _parse(s):
    """(sign, coef, exp, special) of a decimal string, or None: [sign] digits [. digits]
    [e [sign] digits] | Inf | Infinity | [s]NaN [digits]; case-insensitive, surrounding
    whitespace and single underscores between digits allowed."""
    s = s.strip()
    if '_' in s:
        if s.startswith('_') or s.endswith('_') or '__' in s:
            return None
        s = s.replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, 'F'
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = s[len(prefix):]
            if payload and not (payload.isdigit() and payload.isascii()):
                return None
            return sign, _int_of(payload) if payload else 0, 0, kind
    exp = 0
    k = low.find('e')
    if k >= 0:
        e = s[k + 1:]
        s = s[:k]
        if e[:1] in ('+', '-'):
            body = e[1:]
        else:
            body = e
        if not body or not body.isdigit() or not body.isascii():
            return None
        exp = int(e)
    if '.' in s:
        ip, _, fp = s.partition('.')
    else:
        ip, fp = s, ''
    if not ip and not fp:
        return None
    for part in (ip, fp):
        if part and not (part.isdigit() and part.isascii()):
            return None
    coef = _int_of(ip + fp) if ip + fp else 0
    return sign, coef, exp - len(fp), ''


# ---- Decimal ------------------------------------------------------------------------------

class Decimal(object):
    """A decimal floating point number."""
    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        if isinstance(value, str):
            r = _parse(value)
            if r is None:
                if context is None:
                    context = getcontext()
                return context._raise(ConversionSyntax, _NaN)
            sign, coef, exp, special = r
        elif isinstance(value, int):
            sign = 1 if value < 0 else 0
            coef = abs(int(value))
            exp = 0
            special = ''
        elif isinstance(value, Decimal):
            sign, coef, exp, special = value._sign, value._int, value._exp, value._special
        elif isinstance(value, float):
            d = Decimal.from_float(value)
            sign, coef, exp, special = d._sign, d._int, d._exp, d._special
        elif isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            if sign not in (0, 1):
                raise ValueError('sign must be an integer with the value 0 or 1')
            special = ''
            if exp == 'F':
                special = 'F'
                coef = 0
                exp = 0
            else:
                coef = 0
                for dgt in digits:
                    if not isinstance(dgt, int) or not 0 <= dgt <= 9:
                        raise ValueError('coefficient must be a tuple of digits')
                    coef = coef * 10 + dgt
                if exp in ('n', 'N'):
                    special = exp
                    exp = 0
                elif not isinstance(exp, int):
                    raise ValueError("exponent must be an integer")
        else:
            raise TypeError("conversion from %s to Decimal is not supported"
                            % type(value).__name__)
        self = object.__new__(cls)
        self._sign = sign
        self._int = coef
        self._exp = exp
        self._special = special
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of a float (or int) as a Decimal."""
        if isinstance(f, int):
            d = _from_int(f)
        elif isinstance(f, float):
            if f != f:
                d = _dec(0, 0, 0, 'n')
            elif f in (float('inf'), float('-inf')):
                d = _dec(1 if f < 0 else 0, 0, 0, 'F')
            else:
                sign = 1 if _math.copysign(1.0, f) < 0 else 0
                n, den = abs(f).as_integer_ratio()
                k = den.bit_length() - 1          # den == 2**k
                d = _dec(sign, n * 5 ** k, -k)
        else:
            raise TypeError("argument must be int or float")
        if cls is Decimal:
            return d
        return cls(d)

    # ---- predicates and parts ----

    def _is_nan(self):
        return self._special in ('n', 'N')

    def is_nan(self):
        return self._is_nan()

    def is_snan(self):
        return self._special == 'N'

    def is_qnan(self):
        return self._special == 'n'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return self._special == ''

    def is_zero(self):
        return self._special == '' and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        if self._special or self._int == 0:
            return False
        if context is None:
            context = getcontext()
        return context.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._special or self._int == 0:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def as_tuple(self):
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(int(c) for c in _digits(self._int)) if (self._int or not self._is_nan()) \
            else ()
        if self._is_nan():
            return DecimalTuple(self._sign, digits, self._special)
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._is_nan():
            raise ValueError('cannot convert NaN to integer ratio')
        n = self._int
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    # ---- text ----

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special == 'F':
            return sign + 'Infinity'
        if self._is_nan():
            return sign + ('sNaN' if self._special == 'N' else 'NaN') + \
                (_digits(self._int) if self._int else '')
        digits = _digits(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            if context is None:
                context = getcontext()
            exp = ['e', 'E'][context.capitals] + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    # ---- special-value handling shared by the operations ----

    def _check_nans(self, other, context):
        """The NaN result of an operation on a NaN operand (signalling for sNaN), or None."""
        for x in (self, other):
            if x is not None and x._special == 'N':
                context._raise(InvalidOperation)
                return _dec(x._sign, x._int, 0, 'n')
        for x in (self, other):
            if x is not None and x._special == 'n':
                return x
        return None

    # ---- arithmetic ----

    def __add__(self, other, context=None):
        other = _convert(other, op='+')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if self._special or other._special:
            r = self._check_nans(other, context)
            if r is not None:
                return r
            if self._special == 'F':
                if other._special == 'F' and self._sign != other._sign:
                    return context._raise(InvalidOperation, _NaN)
                return self
            return other
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        total = (-a if self._sign else a) + (-b if other._sign else b)
        if total == 0:
            # an exact zero is positive unless both were negative (or rounding is FLOOR)
            if self._sign and other._sign:
                sign = 1
            elif self._sign != other._sign and context.rounding == ROUND_FLOOR:
                sign = 1
            else:
                sign = 0
            return _finish(sign, 0, exp, context)
        return _finish(1 if total < 0 else 0, abs(total), exp, context)

    def __radd__(self, other, context=None):
        o = _convert(other, op='+', reflected=True)
        if o is NotImplemented:
            return o
        return o.__add__(self, context)

    def __sub__(self, other, context=None):
        o = _convert(other, op='-')
        if o is NotImplemented:
            return o
        return self.__add__(o._negated(), context)

    def __rsub__(self, other, context=None):
        o = _convert(other, op='-', reflected=True)
        if o is NotImplemented:
            return o
        return o.__add__(self._negated(), context)

    def _negated(self):
        return _dec(1 - self._sign, self._int, self._exp, self._special)

    def __mul__(self, other, context=None):
        other = _convert(other, op='*')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._special or other._special:
            r = self._check_nans(other, context)
            if r is not None:
                return r
            if (self._special == 'F' and other.is_zero()) or \
                    (other._special == 'F' and self.is_zero()):
                return context._raise(InvalidOperation, _NaN)
            return _Infinity if sign == 0 else _NegInfinity
        return _finish(sign, self._int * other._int, self._exp + other._exp, context)

    def __rmul__(self, other, context=None):
        o = _convert(other, op='*', reflected=True)
        if o is NotImplemented:
            return o
        return o.__mul__(self, context)

    def __truediv__(self, other, context=None):
        other = _convert(other, op='/')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        if self._special or other._special:
            r = self._check_nans(other, context)
            if r is not None:
                return r
            if self._special == 'F' and other._special == 'F':
                return context._raise(InvalidOperation, _NaN)
            if self._special == 'F':
                return _Infinity if sign == 0 else _NegInfinity
            context._raise(Clamped)
            return _finish(sign, 0, context.Etiny(), context)
        if other._int == 0:
            if self._int == 0:
                return context._raise(DivisionUndefined, _NaN)
            return context._raise(DivisionByZero, _Infinity if sign == 0 else _NegInfinity)
        ideal = self._exp - other._exp
        if self._int == 0:
            return _finish(sign, 0, ideal, context)
        # enough quotient digits for the precision plus one, then a sticky digit if inexact
        shift = _ndigits(other._int) - _ndigits(self._int) + context.prec + 1
        if shift >= 0:
            q, r = divmod(self._int * 10 ** shift, other._int)
        else:
            q, r = divmod(self._int, other._int * 10 ** -shift)
        exp = ideal - shift
        if r:
            q = q * 10 + 1
            exp -= 1
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return _finish(sign, q, exp, context)

    def __rtruediv__(self, other, context=None):
        o = _convert(other, op='/', reflected=True)
        if o is NotImplemented:
            return o
        return o.__truediv__(self, context)

    def _divide_integer(self, other, context):
        """(integer quotient, remainder) as Decimals, or a NaN/infinity pair from the
        special cases; the quotient truncates towards zero."""
        sign = self._sign ^ other._sign
        if self._special or other._special:
            r = self._check_nans(other, context)
            if r is not None:
                return r, r
            if self._special == 'F':
                if other._special == 'F':
                    n = context._raise(InvalidOperation, _NaN)
                    return n, n
                n = context._raise(InvalidOperation, _NaN)
                return (_Infinity if sign == 0 else _NegInfinity), n
            return _dec(sign, 0, 0), _finish_dec(self, context)
        if other._int == 0:
            if self._int == 0:
                n = context._raise(DivisionUndefined, _NaN)
                return n, n
            n = context._raise(InvalidOperation, _NaN)
            return context._raise(DivisionByZero, _Infinity if sign == 0 else _NegInfinity), n
        if self._int and self.adjusted() - other.adjusted() > context.prec:
            # the integer quotient has more digits than the precision
            n = context._raise(DivisionImpossible, _NaN)
            return n, n
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if _ndigits(q) > context.prec:
            n = context._raise(DivisionImpossible, _NaN)
            return n, n
        quotient = _dec(sign, q, 0)
        remainder = _finish(self._sign, r, exp, context)
        return quotient, remainder

    def __floordiv__(self, other, context=None):
        other = _convert(other, op='//')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if other._special == '' and other._int == 0 and self._special == '' and self._int:
            return context._raise(DivisionByZero,
                                  _Infinity if self._sign == other._sign else _NegInfinity)
        return self._divide_integer(other, context)[0]

    def __rfloordiv__(self, other, context=None):
        o = _convert(other, op='//', reflected=True)
        if o is NotImplemented:
            return o
        return o.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        other = _convert(other, op='%')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if other._special == '' and other._int == 0 and self._special == '' and self._int:
            return context._raise(InvalidOperation, _NaN)
        return self._divide_integer(other, context)[1]

    def __rmod__(self, other, context=None):
        o = _convert(other, op='%', reflected=True)
        if o is NotImplemented:
            return o
        return o.__mod__(self, context)

    def __divmod__(self, other, context=None):
        other = _convert(other, op='divmod()')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        return self._divide_integer(other, context)

    def __rdivmod__(self, other, context=None):
        o = _convert(other, op='divmod()', reflected=True)
        if o is NotImplemented:
            return o
        return o.__divmod__(self, context)

    def fma(self, other, third, context=None):
        """self * other + third with a single rounding."""
        other = _convert(other, True)
        third = _convert(third, True)
        if context is None:
            context = getcontext()
        if self._special or other._special:
            product = self.__mul__(other, context)
        else:
            product = _dec(self._sign ^ other._sign, self._int * other._int,
                           self._exp + other._exp)
        return product.__add__(third, context)

    def remainder_near(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        if self._special or other._special or other._int == 0:
            return self.__mod__(other, context)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if 2 * r > b or (2 * r == b and q % 2 == 1):
            r -= b
            q += 1
        if _ndigits(q) > context.prec:
            return context._raise(DivisionImpossible, _NaN)
        sign = self._sign
        if r < 0:
            sign = 1 - sign
            r = -r
        return _finish(sign, r, exp, context)

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            r = self._check_nans(None, context)
            return r if r is not None else self._negated()
        if self._int == 0 and context.rounding != ROUND_FLOOR:
            return _finish(0, 0, self._exp, context)
        return _finish(1 - self._sign, self._int, self._exp, context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            r = self._check_nans(None, context)
            return r if r is not None else self
        sign = self._sign
        if self._int == 0 and context.rounding != ROUND_FLOOR:
            sign = 0
        return _finish(sign, self._int, self._exp, context)

    def __abs__(self, round=True, context=None):
        if not round:
            return _dec(0, self._int, self._exp, self._special)
        if self._sign:
            return self.__neg__(context)
        return self.__pos__(context)

    def copy_abs(self):
        return _dec(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return self._negated()

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _dec(other._sign, self._int, self._exp, self._special)

    def sqrt(self, context=None):
        """The square root, correctly rounded (half-even) to the precision."""
        if context is None:
            context = getcontext()
        if self._special:
            r = self._check_nans(None, context)
            if r is not None:
                return r
            if self._sign == 0:
                return self
            return context._raise(InvalidOperation, _NaN)
        ideal = self._exp // 2
        if self._int == 0:
            return _dec(self._sign, 0, ideal)
        if self._sign:
            return context._raise(InvalidOperation, _NaN)
        c, e = self._int, self._exp
        if e % 2:
            c *= 10
            e -= 1
        # scale by 100**k so that the integer root has at least prec + 1 digits
        k = max(0, context.prec + 1 - (_ndigits(c) + 1) // 2) + 1
        n = c * 100 ** k
        r = _math.isqrt(n)
        exp = e // 2 - k
        if r * r == n:
            while exp < ideal and r % 10 == 0:
                r //= 10
                exp += 1
        else:
            r = r * 10 + 1
            exp -= 1
        return _finish(0, r, exp, context, ROUND_HALF_EVEN)

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other, op='** or pow()')
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if modulo is not None:
            return self._power_modulo(other, _convert(modulo, True), context)
        if self._special or other._special:
            r = self._check_nans(other, context)
            if r is not None:
                return r
        if other.is_zero():
            if self.is_zero():
                return context._raise(InvalidOperation, _NaN)
            return _dec(0, 1, 0)
        # the sign of the result: negative only for a negative base and an odd integer power
        result_sign = 0
        if self._sign:
            if other._is_integer_value():
                if other._special == '' and _int_value(other) % 2 == 1:
                    result_sign = 1
            elif not self.is_zero():
                return context._raise(InvalidOperation, _NaN)
        if self._special == 'F' or self.is_zero():
            # 0**y and inf**y: zero or infinity by the sign of y
            big = (self._special == 'F') == (other._sign == 0)
            if not big and self.is_zero() and other._sign == 1:
                big = True
            if self.is_zero() and other._sign == 1:
                return _Infinity if result_sign == 0 else _NegInfinity
            if self.is_zero():
                return _dec(result_sign, 0, 0)
            return (_Infinity if result_sign == 0 else _NegInfinity) if other._sign == 0 \
                else _dec(result_sign, 0, 0)
        if other._special == 'F':
            one_cmp = _cmp_abs_one(self)
            if one_cmp == 0:
                return _finish(result_sign, 10 ** (context.prec - 1), 1 - context.prec, context)
            if (one_cmp > 0) == (other._sign == 0):
                return _Infinity if result_sign == 0 else _NegInfinity
            return _dec(0, 0, 0)
        if other._is_integer_value():
            n = _int_value(other)
            if n > 0 and (n * max(_ndigits(self._int), 1) <= 4 * context.prec + 1000):
                # exact: coefficient and exponent powers, rounded once
                return _finish(result_sign, self._int ** n, self._exp * n, context)
            if n < 0 and (-n * max(_ndigits(self._int), 1) <= 4 * context.prec + 1000):
                denom = _dec(0, self._int ** -n, self._exp * -n)
                q = _dec(0, 1, 0).__truediv__(denom, context)
                return _dec(result_sign, q._int, q._exp, q._special)
        # a general power: exp(y * ln|x|) with guard digits, rounded once
        r = _exp_ln_power(self.copy_abs(), other, context)
        if r is None:
            return context._raise(InvalidOperation, _NaN)
        return _dec(result_sign, r._int, r._exp, r._special)

    def __rpow__(self, other, modulo=None, context=None):
        o = _convert(other, op='** or pow()', reflected=True)
        if o is NotImplemented:
            return o
        return o.__pow__(self, modulo, context)

    def _power_modulo(self, other, modulo, context):
        for x in (self, other, modulo):
            if x._special or not x._is_integer_value():
                return context._raise(InvalidOperation, _NaN)
        m = _int_value(modulo)
        e = _int_value(other)
        if m == 0 or e < 0:
            return context._raise(InvalidOperation, _NaN)
        b = _int_value(self)
        r = pow(abs(b), e, abs(m))
        sign = 1 if b < 0 and e % 2 == 1 else 0
        return _finish(sign, r, 0, context)

    def _is_integer_value(self):
        if self._special:
            return False
        if self._exp >= 0:
            return True
        return self._int % 10 ** -self._exp == 0

    def is_integer(self):
        return self._is_integer_value()

    def exp(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            r = self._check_nans(None, context)
            if r is not None:
                return r
            return _dec(0, 0, 0) if self._sign else _Infinity
        if self._int == 0:
            return _dec(0, 1, 0)
        return _exp_decimal(self, context)

    def ln(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            r = self._check_nans(None, context)
            if r is not None:
                return r
            if self._sign:
                return context._raise(InvalidOperation, _NaN)
            return _Infinity
        if self._int == 0:
            return _NegInfinity
        if self._sign:
            return context._raise(InvalidOperation, _NaN)
        if self._int == 1 and self._exp == 0:
            return _dec(0, 0, 0)
        return _ln_decimal(self, context, 1)

    def log10(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            r = self._check_nans(None, context)
            if r is not None:
                return r
            if self._sign:
                return context._raise(InvalidOperation, _NaN)
            return _Infinity
        if self._int == 0:
            return _NegInfinity
        if self._sign:
            return context._raise(InvalidOperation, _NaN)
        s = _digits(self._int).rstrip('0')
        if s == '1':
            # an exact power of ten
            return _dec(0, 0, 0).__add__(_from_int(self._exp + _ndigits(self._int) - 1),
                                         context)
        return _ln_decimal(self, context, 10)

    def logb(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            r = self._check_nans(None, context)
            return r if r is not None else _Infinity
        if self._int == 0:
            return context._raise(DivisionByZero, _NegInfinity)
        return _finish_dec(_from_int(self.adjusted()), context)

    # ---- rounding to an exponent ----

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, True)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._special or exp._special:
            r = self._check_nans(exp, context)
            if r is not None:
                return r
            if self._special == 'F' and exp._special == 'F':
                return self
            return context._raise(InvalidOperation, _NaN)
        e = exp._exp
        if not context.Etiny() <= e <= context.Emax:
            return context._raise(InvalidOperation, _NaN)
        return self._rescale_checked(e, rounding, context)

    def _rescale_checked(self, e, rounding, context):
        if self._int == 0:
            return _dec(self._sign, 0, e)
        drop = e - self._exp
        coef, inexact = _shift_round(self._sign, self._int, drop, rounding)
        if _ndigits(coef) > context.prec:
            return context._raise(InvalidOperation, _NaN)
        if coef and e + _ndigits(coef) - 1 > context.Emax:
            return context._raise(InvalidOperation, _NaN)
        if coef and e + _ndigits(coef) - 1 < context.Emin:
            context._raise(Subnormal)
        if inexact:
            context._raise(Inexact)
        if drop > 0:
            context._raise(Rounded)
        return _dec(self._sign, coef, e)

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._special or other._special:
            return (self._is_nan() and other._is_nan()) or \
                (self._special == 'F' and other._special == 'F')
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._special:
            r = self._check_nans(None, context)
            return r if r is not None else self
        if self._exp >= 0:
            return self
        coef, _ = _shift_round(self._sign, self._int, -self._exp, rounding)
        return _dec(self._sign, coef, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        if self._special:
            r = self._check_nans(None, context)
            return r if r is not None else self
        if self._exp >= 0:
            return self
        coef, inexact = _shift_round(self._sign, self._int, -self._exp, rounding)
        if inexact:
            context._raise(Inexact)
        context._raise(Rounded)
        return _dec(self._sign, coef, 0)

    def normalize(self, context=None):
        if context is None:
            context = getcontext()
        if self._special:
            r = self._check_nans(None, context)
            return r if r is not None else self
        d = _finish(self._sign, self._int, self._exp, context)
        if d._special:
            return d
        if d._int == 0:
            return _dec(d._sign, 0, 0)
        coef, exp = d._int, d._exp
        top = context.Etop() if context.clamp else context.Emax
        while coef % 10 == 0 and exp < top:
            coef //= 10
            exp += 1
        return _dec(d._sign, coef, exp)

    reduce = normalize

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            return self.quantize(_dec(0, 1, -n))
        if self._special:
            if self._is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        return int(self.to_integral_value(ROUND_HALF_EVEN))

    def __floor__(self):
        if self._special:
            return self.__round__()
        return int(self.to_integral_value(ROUND_FLOOR))

    def __ceil__(self):
        if self._special:
            return self.__round__()
        return int(self.to_integral_value(ROUND_CEILING))

    # ---- conversions ----

    def __int__(self):
        if self._special:
            if self._is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._is_nan():
            if self._special == 'N':
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan') if self._sign else float('nan')
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def __bool__(self):
        return bool(self._special) or self._int != 0

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    # ---- comparisons ----

    def _compare_key(self, other):
        """-1/0/1 comparing with a finite-or-infinite Decimal (neither a NaN)."""
        if self._special == 'F' or other._special == 'F':
            a = 0 if self._special != 'F' else (-1 if self._sign else 1)
            b = 0 if other._special != 'F' else (-1 if other._sign else 1)
            if a or b:
                if a == b:
                    return 0
                if a != 0 and b != 0:
                    return 1 if a > b else -1
                if a:
                    return a
                return -b
        x = self._int
        y = other._int
        if x == 0 and y == 0:
            return 0
        sx = -1 if self._sign else 1
        sy = -1 if other._sign else 1
        if x == 0:
            return -sy
        if y == 0:
            return sx
        if sx != sy:
            return sx
        exp = min(self._exp, other._exp)
        a = x * 10 ** (self._exp - exp)
        b = y * 10 ** (other._exp - exp)
        if a == b:
            return 0
        return sx if a > b else -sx

    def _comparable(self, other):
        # other as a Decimal for comparing (floats exactly), or NotImplemented
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _from_int(other)
        if isinstance(other, float):
            getcontext().flags[FloatOperation] = True
            return Decimal.from_float(other)
        if hasattr(other, 'as_integer_ratio') and hasattr(other, 'denominator'):
            return other
        return NotImplemented

    def __eq__(self, other):
        o = self._comparable(other)
        if o is NotImplemented:
            if isinstance(other, complex) and other.imag == 0:
                return self == other.real
            return o
        if not isinstance(o, Decimal):
            return _cmp_rational(self, o) == 0
        if self._is_nan() or o._is_nan():
            return False
        return self._compare_key(o) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def _order(self, other, op):
        o = self._comparable(other)
        if o is NotImplemented:
            return o
        if not isinstance(o, Decimal):
            c = _cmp_rational(self, o)
            if c is None:
                getcontext()._raise(InvalidOperation)
                return False
            return op(c)
        if self._is_nan() or o._is_nan():
            getcontext()._raise(InvalidOperation)
            return False
        return op(self._compare_key(o))

    def __lt__(self, other):
        return self._order(other, _lt0)

    def __le__(self, other):
        return self._order(other, _le0)

    def __gt__(self, other):
        return self._order(other, _gt0)

    def __ge__(self, other):
        return self._order(other, _ge0)

    def compare(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        if self._is_nan() or other._is_nan():
            return self._check_nans(other, context)
        return _from_int(self._compare_key(other))

    def compare_total(self, other, context=None):
        other = _convert(other, True)
        a = self.as_tuple()
        b = other.as_tuple()
        if self._sign != other._sign:
            return _from_int(-1 if self._sign else 1)
        if not self._special and not other._special:
            c = self._compare_key(other)
            if c == 0:
                c = (self._exp > other._exp) - (self._exp < other._exp)
                if self._sign:
                    c = -c
            return _from_int(c)
        rank = {'': 0, 'F': 1, 'n': 2, 'N': 1.5}
        ra, rb = rank[self._special], rank[other._special]
        if ra == rb:
            c = (a.digits > b.digits) - (a.digits < b.digits) if self._is_nan() else 0
        else:
            c = 1 if ra > rb else -1
        if self._sign:
            c = -c
        return _from_int(c)

    def max(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        if self._is_nan() or other._is_nan():
            if self._special == 'n' and not other._is_nan():
                return _finish_dec(other, context)
            if other._special == 'n' and not self._is_nan():
                return _finish_dec(self, context)
            return self._check_nans(other, context)
        c = self._compare_key(other)
        if c == 0:
            c = 1 if other._sign > self._sign or (self._sign == other._sign and
                                                   (self._exp > other._exp) != self._sign) \
                else -1
        return _finish_dec(self if c >= 0 else other, context)

    def min(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        if self._is_nan() or other._is_nan():
            if self._special == 'n' and not other._is_nan():
                return _finish_dec(other, context)
            if other._special == 'n' and not self._is_nan():
                return _finish_dec(self, context)
            return self._check_nans(other, context)
        c = self._compare_key(other)
        if c == 0:
            c = -1 if self._sign > other._sign or (self._sign == other._sign and
                                                   (self._exp < other._exp) != self._sign) \
                else 1
        return _finish_dec(self if c <= 0 else other, context)

    # ---- neighbours, classification, digit shifting and the logical operations ----

    def _int_operand(self, other, context):
        """The integral value of other for scaleb/shift/rotate, or None after signalling
        InvalidOperation (other has a non-zero exponent or is infinite)."""
        if other._special or other._exp != 0:
            return None
        return -other._int if other._sign else other._int

    def scaleb(self, other, context=None):
        """self * 10**other, other an integer (exponent 0) within 2 * (Emax + prec)."""
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        r = self._check_nans(other, context)
        if r is not None:
            return r
        n = self._int_operand(other, context)
        limit = 2 * (context.Emax + context.prec)
        if n is None or not -limit <= n <= limit:
            return context._raise(InvalidOperation, _NaN)
        if self._special == 'F':
            return self
        return _finish(self._sign, self._int, self._exp + n, context)

    def _neighbour(self, context, up):
        # the next representable value in the direction `up` (next_plus / next_minus);
        # the work is done in a copy of the context without traps whose flags are dropped
        if self._special == 'F':
            if self._sign == (0 if up else 1):
                return self
            return _dec(1 if up else 0, 10 ** context.prec - 1, context.Etop())
        work = context.copy()
        work.clear_traps()
        work.rounding = ROUND_CEILING if up else ROUND_FLOOR
        rounded = _finish(self._sign, self._int, self._exp, work)
        if rounded != self:
            return rounded
        tiny = _dec(0, 1, work.Etiny() - 1)
        if up:
            return self.__add__(tiny, work)
        return self.__sub__(tiny, work)

    def next_minus(self, context=None):
        """The largest representable number smaller than self."""
        if context is None:
            context = getcontext()
        if self._is_nan():
            return self._check_nans(None, context)
        return self._neighbour(context, False)

    def next_plus(self, context=None):
        """The smallest representable number larger than self."""
        if context is None:
            context = getcontext()
        if self._is_nan():
            return self._check_nans(None, context)
        return self._neighbour(context, True)

    def next_toward(self, other, context=None):
        """The representable number next to self in the direction of other (self with
        other's sign when they are equal)."""
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        r = self._check_nans(other, context)
        if r is not None:
            return r
        c = self._compare_key(other)
        if c == 0:
            return _dec(other._sign, self._int, self._exp, self._special)
        r = self._neighbour(context, c < 0)
        if r._special == 'F':
            context._raise_all((Overflow, Inexact, Rounded))
        elif r.adjusted() < context.Emin:
            context._raise_all((Underflow, Subnormal, Inexact, Rounded) +
                               ((Clamped,) if r._int == 0 else ()))
        return r

    def number_class(self, context=None):
        if self._special == 'N':
            return 'sNaN'
        if self._special == 'n':
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._special == 'F':
            return sign + 'Infinity'
        if self._int == 0:
            return sign + 'Zero'
        if context is None:
            context = getcontext()
        if self.adjusted() < context.Emin:
            return sign + 'Subnormal'
        return sign + 'Normal'

    def _digit_move(self, other, context, rotate):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        r = self._check_nans(other, context)
        if r is not None:
            return r
        n = self._int_operand(other, context)
        prec = context.prec
        if n is None or not -prec <= n <= prec:
            return context._raise(InvalidOperation, _NaN)
        if self._special == 'F':
            return self
        full = 10 ** prec
        coef = self._int % full          # the coefficient as exactly prec digits
        if rotate:
            if n < 0:
                n += prec
            hi, lo = divmod(coef, 10 ** (prec - n))
            coef = lo * 10 ** n + hi
        elif n < 0:
            coef //= 10 ** -n
        else:
            coef = coef * 10 ** n % full
        return _dec(self._sign, coef, self._exp)

    def shift(self, other, context=None):
        """The coefficient (as prec digits) shifted left by other digits (right when
        negative), zeros coming in; sign and exponent unchanged."""
        return self._digit_move(other, context, False)

    def rotate(self, other, context=None):
        """The coefficient (as prec digits) rotated left by other digits (right when
        negative); sign and exponent unchanged."""
        return self._digit_move(other, context, True)

    def _logical_digits(self, context):
        # the digits of a logical operand (sign 0, exponent 0, digits 0/1) padded or cut to
        # prec digits, or None
        if self._special or self._sign or self._exp != 0:
            return None
        digits = _digits(self._int)
        if digits.strip('01'):
            return None
        prec = context.prec
        if len(digits) < prec:
            return '0' * (prec - len(digits)) + digits
        return digits[len(digits) - prec:]

    def _logical(self, other, context, op):
        if context is None:
            context = getcontext()
        other = _convert(other, True)
        a = self._logical_digits(context)
        b = other._logical_digits(context)
        if a is None or b is None:
            return context._raise(InvalidOperation, _NaN)
        if op == '&':
            bits = ['1' if x == '1' and y == '1' else '0' for x, y in zip(a, b)]
        elif op == '|':
            bits = ['1' if x == '1' or y == '1' else '0' for x, y in zip(a, b)]
        else:
            bits = ['1' if x != y else '0' for x, y in zip(a, b)]
        return _dec(0, int(''.join(bits).lstrip('0') or '0'), 0)

    def logical_and(self, other, context=None):
        return self._logical(other, context, '&')

    def logical_or(self, other, context=None):
        return self._logical(other, context, '|')

    def logical_xor(self, other, context=None):
        return self._logical(other, context, '^')

    def logical_invert(self, context=None):
        if context is None:
            context = getcontext()
        return self._logical(_dec(0, int('1' * context.prec), 0), context, '^')

    def __hash__(self):
        if self._special:
            if self._special == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if self._special == 'n':
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = self._int * exp_hash % _HASH_MODULUS
        ans = -h if self._sign else h
        return -2 if ans == -1 else ans

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # ---- format() ----

    def __format__(self, spec, _localeconv=None):
        return _format_decimal(self, spec)


def _int_value(d):
    # the int value of an integral finite Decimal
    if d._exp >= 0:
        n = d._int * 10 ** d._exp
    else:
        n = d._int // 10 ** -d._exp
    return -n if d._sign else n


def _cmp_abs_one(d):
    # |d| compared with 1
    one = _dec(0, 1, 0)
    return d.copy_abs()._compare_key(one)


def _cmp_rational(d, q):
    # d (a Decimal) compared with an exact rational q (numerator/denominator); None for NaN
    if d._is_nan():
        return None
    if d._special == 'F':
        return -1 if d._sign else 1
    n, den = d.as_integer_ratio()
    a = n * q.denominator
    b = q.numerator * den
    return (a > b) - (a < b)


def _lt0(c):
    return c < 0


def _le0(c):
    return c <= 0


def _gt0(c):
    return c > 0


def _ge0(c):
    return c >= 0


# ---- exp, ln and general powers -------------------------------------------------------------
# Fixed-point integer arithmetic at a working precision with guard digits; the result is
# recomputed with more digits when it lies too close to a rounding boundary to decide.

def _exp_fixed(x, scale):
    """exp(x / 10**scale) * 10**scale, for a fixed-point int x (|error| a few units)."""
    one = 10 ** scale
    # reduce the argument: exp(x) = exp(x / 2**k) ** (2**k)
    k = 0
    while abs(x) > one // 8:
        x //= 2
        k += 1
    scale2 = scale + k + 10
    one2 = 10 ** scale2
    x2 = x * 10 ** (scale2 - scale)
    term = one2
    total = one2
    i = 1
    while term != 0:
        term = _tdiv(term * x2, one2 * i)     # towards zero, so the series ends
        total += term
        i += 1
    for _ in range(k):
        total = total * total // one2
    return total // 10 ** (scale2 - scale)


def _ln_fixed(c, e, scale):
    """ln(c * 10**e) * 10**scale for c > 0 (|error| a few units)."""
    # ln(c * 10**e) = ln(m) + (e + digits) * ln(10), m = c / 10**digits in [0.1, 1)
    nd = _ndigits(c)
    work = scale + 10
    one = 10 ** work
    m = c * one // 10 ** nd
    return (_ln_small(m, work) + (e + nd) * _ln10(work)) // 10 ** (work - scale)


def _ln_small(m, scale):
    # ln(m / 10**scale) for m / 10**scale in [0.1, 1], by atanh: ln(m) = 2 atanh((m-1)/(m+1))
    one = 10 ** scale
    # bring m near 1 by square roots: ln(m) = 2**k ln(m ** (1/2**k))
    k = 0
    while abs(m - one) > one // 100:
        m = _math.isqrt(m * one)
        k += 1
    y = _tdiv((m - one) * one, m + one)
    neg = y < 0
    y = abs(y)
    y2 = y * y // one
    term = y
    total = y
    i = 3
    while term != 0:
        term = term * y2 // one
        total += term // i
        i += 2
    total = 2 * total * 2 ** k
    return -total if neg else total


def _tdiv(a, b):
    # a / b truncated towards zero
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


_LN10_CACHE = {}


def _ln10(scale):
    if scale not in _LN10_CACHE:
        # ln 10 = 3 ln 2 + ln 1.25; both from atanh series (fast converging arguments)
        one = 10 ** (scale + 10)
        def atanh_inv(n):
            # atanh(1/n) * one
            total = 0
            term = one // n
            n2 = n * n
            i = 1
            while term:
                total += term // i
                term //= n2
                i += 2
            return total
        ln2 = 2 * atanh_inv(3)
        ln125 = 2 * atanh_inv(9)
        _LN10_CACHE[scale] = (3 * ln2 + ln125) // 10 ** 10
    return _LN10_CACHE[scale]


def _fixed_to_decimal(v, scale, context, extra):
    """Rounds the fixed-point value v / 10**scale to the context, or None when v's error
    (a few units) straddles a rounding boundary at this working precision."""
    sign = 1 if v < 0 else 0
    v = abs(v)
    lo = _finish(sign, max(v - 20, 0) * 10 + 1, -scale - 1, _quiet(context))
    hi = _finish(sign, (v + 20) * 10 + 1, -scale - 1, _quiet(context))
    if lo != hi or lo._exp != hi._exp:
        return None
    return _finish(sign, v * 10 + 1, -scale - 1, context)


def _quiet(context):
    c = context.copy()
    c.clear_flags()
    c.clear_traps()
    return c


def _exp_decimal(x, context):
    prec = context.prec
    if x.adjusted() > 8:
        # far outside any finite result: overflow or underflow
        if x._sign:
            return _finish(0, 1, context.Etiny() - 1, context)
        return _finish(0, 1, context.Emax + 1, context)
    extra = 10
    while True:
        # digits of the integer part of the result plus the precision
        mag = abs(_int_value(x.to_integral_value(ROUND_FLOOR))) // 2 + 2
        scale = prec + extra + mag
        xv = x._int * 10 ** (scale + x._exp) if scale + x._exp >= 0 else \
            x._int // 10 ** (-(scale + x._exp))
        if x._sign:
            xv = -xv
        v = _exp_fixed(xv, scale)
        if v == 0:
            return _finish(0, 1, context.Etiny() - 1, context)
        r = _fixed_to_decimal(v, scale, context, extra)
        if r is not None:
            return r
        extra *= 2


def _ln_decimal(x, context, base):
    prec = context.prec
    extra = 10
    while True:
        scale = prec + extra + _ndigits(abs(x.adjusted()) + 1)
        v = _ln_fixed(x._int, x._exp, scale)
        if base == 10:
            v = v * 10 ** scale // _ln10(scale)
        r = _fixed_to_decimal(v, scale, context, extra)
        if r is not None:
            return r
        extra *= 2


def _exp_ln_power(x, y, context):
    """|x| ** y for x > 0 as exp(y ln x), correctly rounded; None if not computable."""
    prec = context.prec
    extra = 10
    while extra < 1000:
        scale = prec + extra + _ndigits(abs(x.adjusted()) + 1) + _ndigits(abs(y.adjusted()) + 1)
        lnx = _ln_fixed(x._int, x._exp, scale)
        # y * ln x in fixed point
        t = lnx * y._int
        if y._exp >= 0:
            t *= 10 ** y._exp
        else:
            t //= 10 ** -y._exp
        if y._sign:
            t = -t
        if t > 10 ** scale * 2400000:
            return _finish(0, 1, context.Emax + 1, context)
        if t < -10 ** scale * 2400000:
            return _finish(0, 1, context.Etiny() - 1, context)
        mag = abs(t) // 10 ** scale // 2 + 2
        scale2 = scale + mag
        v = _exp_fixed(t * 10 ** mag, scale2)
        r = _fixed_to_decimal(v, scale2, context, extra) if v else None
        if r is not None:
            return r
        extra *= 2
    return None


# ---- format() ----------------------------------------------------------------------------

def _format_decimal(d, spec):
    """The format mini-language for Decimal: [[fill]align][sign][z][#][0][width][,|_]
    [.precision][type], types e E f F g G n % and none."""
    import re as _re
    m = _re.match(r'(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?(,)?(?:\.(\d+))?([eEfFgGn%])?$',
                  spec, _re.S)
    if m is None:
        raise ValueError('invalid format string')
    fill, align, sign_opt, z, alt, zero, width, grouping, prec, typ = m.groups()
    if alt:
        raise ValueError('invalid format string')
    if zero and d._special and not align:
        zero = None            # infinities and NaNs are padded with spaces
    if fill is None:
        fill = '0' if zero and not align else ' '
    if align is None:
        align = '=' if zero else '>'
    sign_opt = sign_opt or '-'
    prec = int(prec) if prec is not None else None
    context = getcontext()
    rounding = context.rounding
    neg = d._sign == 1
    if d._special:
        body = 'Infinity' if d._special == 'F' else ('sNaN' if d._special == 'N' else 'NaN')
        if d._is_nan() and d._int:
            body += _digits(d._int)
        if typ == '%':
            body += '%'
    else:
        if typ == '%':
            d = _dec(d._sign, d._int, d._exp + 2)
        if typ is None and prec is None:
            body = str(d.copy_abs())
            body = body if context.capitals else body.lower()
        else:
            if typ in ('e', 'E'):
                if prec is None:
                    prec = max(_ndigits(d._int) - 1, 0)
                # round to prec + 1 significant digits
                nd = _ndigits(d._int)
                r = _finish(0, d._int, d._exp, _fmt_ctx(prec + 1, rounding)) if d._int \
                    else _dec(0, 0, d._exp)
                digits = _digits(r._int)
                if r._int == 0:
                    # a zero keeps its exponent: the digits shown after the point move it
                    body = '0' + ('.' + '0' * prec if prec else '') + typ + '%+d' % (d._exp + prec)
                else:
                    digits = digits + '0' * (prec + 1 - len(digits))
                    adj = r._exp + _ndigits(r._int) - 1
                    body = digits[0] + ('.' + digits[1:prec + 1] if prec else '') + \
                        ('.' if alt and not prec else '') + typ + '%+d' % adj
                del nd
            elif typ in ('f', 'F', '%') or (typ is None and prec is not None and False):
                if prec is None:
                    q = d
                    if q._exp > 0:
                        q = _dec(q._sign, q._int * 10 ** q._exp, 0)
                    prec_used = max(-q._exp, 0)
                else:
                    q = _rescale(d, -prec, rounding)
                    prec_used = prec
                body = _fixed_str(q._int, q._exp, prec_used, alt)
                if typ == '%':
                    body += '%'
            else:
                # g, G, n or none with a precision: significant digits
                if prec is None:
                    p = _ndigits(d._int)
                    r = d
                else:
                    p = prec if prec > 0 else 1
                    r = _finish(0, d._int, d._exp, _fmt_ctx(p, rounding)) if d._int \
                        else _dec(0, 0, d._exp)
                if r._int == 0:
                    adj = r._exp
                    leftdigits = r._exp + 1
                else:
                    leftdigits = r._exp + _ndigits(r._int)
                    adj = leftdigits - 1
                if -6 <= adj and (r._exp <= 0 or typ is None and prec is None) and \
                        (adj < p if prec is not None else True) and \
                        not (typ is None and prec is None and r._exp > 0):
                    body = _fixed_str(r._int, r._exp, max(-r._exp, 0), alt)
                else:
                    digits = _digits(r._int)
                    body = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '') + \
                        ('E' if (typ == 'G' or (typ is None and context.capitals)) else 'e') + \
                        '%+d' % adj
                if typ is None and prec is not None:
                    pass
    if z and d._special == '' and neg and all(ch in '0.%' for ch in body.split('e')[0].split('E')[0]):
        neg = False
    sign = '-' if neg else ('+' if sign_opt == '+' else (' ' if sign_opt == ' ' else ''))
    if grouping and not d._special:
        intpart, dot, rest = body.partition('.')
        tail = ''
        if not dot:
            for k, ch in enumerate(intpart):
                if not ch.isdigit():
                    intpart, tail = intpart[:k], intpart[k:]
                    break
        minw = 0
        if zero and width and align == '=':
            minw = int(width) - len(sign) - len(dot + rest + tail)
        intpart = _group(intpart, grouping, minw)
        body = intpart + dot + rest + tail
    w = int(width) if width else 0
    total = sign + body
    if len(total) >= w:
        return total
    pad = w - len(total)
    if align == '<':
        return total + fill * pad
    if align == '>':
        return fill * pad + total
    if align == '^':
        return fill * (pad // 2) + total + fill * (pad - pad // 2)
    return sign + fill * pad + body


def _group(intpart, sep, minwidth):
    digits = intpart
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    s = sep.join(reversed(groups))
    while len(s) < minwidth:
        # zero padding also grouped
        digits = '0' + s.replace(sep, '')
        groups = []
        while len(digits) > 3:
            groups.append(digits[-3:])
            digits = digits[:-3]
        groups.append(digits)
        s = sep.join(reversed(groups))
    return s


def _fmt_ctx(prec, rounding):
    c = Context(prec=prec, rounding=rounding, Emin=MIN_EMIN, Emax=MAX_EMAX)
    c.clear_traps()
    return c


def _rescale(d, e, rounding):
    if d._int == 0:
        return _dec(d._sign, 0, e)
    coef, _ = _shift_round(d._sign, d._int, e - d._exp, rounding)
    return _dec(d._sign, coef, e)


def _fixed_str(coef, exp, places, alt):
    # coef * 10**exp written with `places` digits after the point
    if exp >= 0:
        s = _digits(coef * 10 ** exp)
        return s + ('.' + '0' * places if places else ('.' if alt else ''))
    digits = _digits(coef).rjust(-exp + 1, '0')
    intpart, frac = digits[:exp], digits[exp:]
    frac = frac + '0' * (places - len(frac))
    return intpart + ('.' + frac if frac else ('.' if alt else ''))


_NaN = _dec(0, 0, 0, 'n')
_Infinity = _dec(0, 0, 0, 'F')
_NegInfinity = _dec(1, 0, 0, 'F')
