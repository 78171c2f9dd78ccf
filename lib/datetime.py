"""Dates and times: date, time, datetime, timedelta, tzinfo and timezone.

Written for aithon from the documented semantics of CPython 3.11's datetime module.
Calendar arithmetic is on the proleptic Gregorian calendar through day ordinals (day 1 is
0001-01-01).  Invariants kept by every constructor:
  timedelta: 0 <= seconds < 86400, 0 <= microseconds < 10**6, |days| <= 999999999;
  date: MINYEAR <= year <= MAXYEAR and a valid month/day;
  time/datetime: fields in their ranges, tzinfo None or a tzinfo instance, fold 0 or 1.
Messages, reprs and str() forms follow CPython's C implementation.
"""

import time as _time

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059          # date(9999, 12, 31).toordinal()

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHNAMES = (None, "January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
_DAYNAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2 and _is_leap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def _days_before_year(y):
    # days in the years 1 .. y-1
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(y, m, d):
    extra = 1 if m > 2 and _is_leap(y) else 0
    return _days_before_year(y) + _DAYS_BEFORE_MONTH[m] + extra + d


# Lengths of the Gregorian cycles, in days.
_DI400Y = 146097
_DI100Y = 36524
_DI4Y = 1461


def _ord2ymd(n):
    # Split n-1 into 400-, 100-, 4- and 1-year cycles; the last year of a 100-year cycle and
    # of a 4-year cycle is the long one, which is why n100 == 4 or n1 == 4 means Dec 31.
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and leap else 0)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (1 if month == 2 and leap else 0)
    return year, month, n - before + 1


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


def _type_name(obj):
    return type(obj).__name__


def _qualname(obj, base, name):
    # CPython's C types are named "datetime.<name>"; a subclass shows its own name.
    if type(obj) is base:
        return "datetime." + name
    return type(obj).__qualname__


def _check_int(v):
    if isinstance(v, int):
        return int(v)
    if hasattr(type(v), "__index__"):
        return type(v).__index__(v)
    raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(v))


def _check_date_fields(year, month, day):
    year = _check_int(year)
    month = _check_int(month)
    day = _check_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _check_int(hour)
    minute = _check_int(minute)
    second = _check_int(second)
    microsecond = _check_int(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % _type_name(tz))


def _round_half_even(num, den):
    # nearest integer to num/den (den > 0), ties to even
    q, r = divmod(num, den)
    r2 = 2 * r
    if r2 > den or (r2 == den and q % 2 == 1):
        q += 1
    return q


def _ratio(x):
    # exact numerator/denominator of an int or float
    if isinstance(x, float):
        return x.as_integer_ratio()
    return _check_int(x), 1


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


def _binop_fail(op, a, b, reflected=False):
    """NotImplemented, or, when the other operand b is of a built-in type (which cannot
    answer either), the TypeError CPython raises, naming its C types ('datetime.date')."""
    ours = (timedelta, date, datetime, time, timezone)
    if type(b) in ours:
        # only timedelta + date/datetime succeeds reflected (date.__radd__)
        if op == "+" and not reflected and type(a) is timedelta and type(b) in (date, datetime):
            return NotImplemented
    elif type(b).__module__ != "builtins":
        return NotImplemented
    an = type(a).__name__
    if type(a) in ours:
        an = "datetime." + an
    if op == "*" and isinstance(b, (str, bytes, bytearray, list, tuple)):
        # the sequence's repetition is what fails, either way round
        raise TypeError("can't multiply sequence by non-int of type '%s'" % an)
    bn = type(b).__name__
    if type(b) in ours:
        bn = "datetime." + bn
    if reflected:
        an, bn = bn, an
    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, an, bn))


# ---------------------------------------------------------------------------------------------
# timedelta

class timedelta:
    """A duration: days, seconds and microseconds, normalised."""
    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        # Sum every argument exactly as a rational number of microseconds, then round once
        # (half to even), which is what CPython's careful float handling amounts to.
        num = 0
        den = 1
        for value, unit in ((days, 86400000000), (seconds, 1000000), (microseconds, 1),
                            (milliseconds, 1000), (minutes, 60000000), (hours, 3600000000),
                            (weeks, 604800000000)):
            if isinstance(value, float):
                if value != value or value in (float("inf"), float("-inf")):
                    if value != value:
                        raise ValueError("cannot convert float NaN to integer")
                    raise OverflowError("cannot convert float infinity to integer")
                n, d = value.as_integer_ratio()
                num = num * d + n * unit * den
                den *= d
            elif isinstance(value, int):
                num += value * unit * den
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (("days", "seconds", "microseconds", "milliseconds", "minutes",
                                    "hours", "weeks")[(days, seconds, microseconds, milliseconds,
                                                       minutes, hours, weeks).index(value)],
                                   _type_name(value)))
        return cls._from_us(_round_half_even(num, den))

    @classmethod
    def _from_us(cls, us):
        s, us = divmod(us, 1000000)
        d, s = divmod(s, 86400)
        if not -999999999 <= d <= 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
        self = object.__new__(cls)
        self._days = d
        self._seconds = s
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_us() / 10**6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._microseconds:
            parts.append("microseconds=%d" % self._microseconds)
        if not parts:
            parts.append("0")
        return "%s(%s)" % (_qualname(self, timedelta, "timedelta"), ", ".join(parts))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "" if abs(self._days) == 1 else "s") + s
        if self._microseconds:
            s += ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() + other._to_us())
        return _binop_fail("+", self, other)

    def __radd__(self, other):
        r = self.__add__(other) if type(other).__module__ != "builtins" else NotImplemented
        return r if r is not NotImplemented else _binop_fail("+", self, other, True)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() - other._to_us())
        return _binop_fail("-", self, other)

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(other._to_us() - self._to_us())
        return _binop_fail("-", self, other, True)

    def __neg__(self):
        return timedelta._from_us(-self._to_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_us(_round_half_even(self._to_us() * n, d))
        return _binop_fail("*", self, other)

    def __rmul__(self, other):
        if isinstance(other, (int, float)):
            return self.__mul__(other)
        return _binop_fail("*", self, other, True)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            o = other._to_us()
            if o == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._to_us() // o
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_us(self._to_us() // other)
        return _binop_fail("//", self, other)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            o = other._to_us()
            if o == 0:
                raise ZeroDivisionError("division by zero")
            return self._to_us() / o
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("division by zero")
            if other < 0:
                return timedelta._from_us(_round_half_even(-self._to_us(), -other))
            return timedelta._from_us(_round_half_even(self._to_us(), other))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            if n == 0:
                raise ZeroDivisionError("float division by zero")
            if n < 0:
                n, d = -n, -d
            return timedelta._from_us(_round_half_even(self._to_us() * d, n))
        return _binop_fail("/", self, other)

    def __mod__(self, other):
        if isinstance(other, timedelta):
            o = other._to_us()
            if o == 0:
                raise ZeroDivisionError("integer modulo by zero")
            return timedelta._from_us(self._to_us() % o)
        return _binop_fail("%", self, other)

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            o = other._to_us()
            if o == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            q, r = divmod(self._to_us(), o)
            return q, timedelta._from_us(r)
        return _binop_fail("divmod()", self, other)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() == other._to_us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() != other._to_us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() < other._to_us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() <= other._to_us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() > other._to_us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() >= other._to_us()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------------------------
# strftime / strptime

def _wrap_strftime(fmt, y, mo, d, hh, mi, ss, us, obj):
    """Formats fields by the C89/POSIX directives CPython's strftime supports on glibc.
    obj gives %z and %Z (None for a date or naive value)."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % _type_name(fmt))
    out = []
    i = 0
    n = len(fmt)
    ordinal = _ymd2ord(y, mo, d)
    wday = (ordinal + 6) % 7          # Monday is 0
    yday = ordinal - _ymd2ord(y, 1, 1) + 1
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != "%" or i >= n:
            out.append(ch)
            continue
        c = fmt[i]
        i += 1
        if c == "Y":
            out.append(str(y))
        elif c == "y":
            out.append("%02d" % (y % 100))
        elif c == "C":
            out.append(str(y // 100))       # glibc does not pad %C (nor %Y, %G)
        elif c == "m":
            out.append("%02d" % mo)
        elif c == "d":
            out.append("%02d" % d)
        elif c == "e":
            out.append("%2d" % d)
        elif c == "H":
            out.append("%02d" % hh)
        elif c == "I":
            out.append("%02d" % (hh % 12 or 12))
        elif c == "M":
            out.append("%02d" % mi)
        elif c == "S":
            out.append("%02d" % ss)
        elif c == "f":
            out.append("%06d" % us)
        elif c == "p":
            out.append("AM" if hh < 12 else "PM")
        elif c == "a":
            out.append(_DAYNAMES[wday][:3])
        elif c == "A":
            out.append(_DAYNAMES[wday])
        elif c == "b" or c == "h":
            out.append(_MONTHNAMES[mo][:3])
        elif c == "B":
            out.append(_MONTHNAMES[mo])
        elif c == "j":
            out.append("%03d" % yday)
        elif c == "w":
            out.append(str((wday + 1) % 7))
        elif c == "u":
            out.append(str(wday + 1))
        elif c == "U":
            out.append("%02d" % ((yday + 6 - (wday + 1) % 7) // 7))
        elif c == "W":
            out.append("%02d" % ((yday + 6 - wday) // 7))
        elif c == "G" or c == "V" or c == "g":
            iy, iw, _ = _isocalendar(y, mo, d)
            if c == "G":
                out.append(str(iy))
            elif c == "g":
                out.append("%02d" % (iy % 100))
            else:
                out.append("%02d" % iw)
        elif c == "c":
            out.append("%s %s %2d %02d:%02d:%02d %d" % (_DAYNAMES[wday][:3], _MONTHNAMES[mo][:3],
                                                        d, hh, mi, ss, y))
        elif c == "x" or c == "D":
            out.append("%02d/%02d/%02d" % (mo, d, y % 100))
        elif c == "X" or c == "T":
            out.append("%02d:%02d:%02d" % (hh, mi, ss))
        elif c == "F":
            out.append("%d-%02d-%02d" % (y, mo, d))
        elif c == "R":
            out.append("%02d:%02d" % (hh, mi))
        elif c == "r":
            out.append("%02d:%02d:%02d %s" % (hh % 12 or 12, mi, ss, "AM" if hh < 12 else "PM"))
        elif c == "n":
            out.append("\n")
        elif c == "t":
            out.append("\t")
        elif c == "z":
            if obj is not None:
                off = obj.utcoffset()
                if off is not None:
                    out.append(_format_offset(off, ""))
        elif c == "Z":
            if obj is not None:
                name = obj.tzname()
                if name is not None:
                    out.append(name.replace("%", "%%") if False else name)
        elif c == "%":
            out.append("%")
        else:
            out.append("%" + c)
    return "".join(out)


def _format_offset(off, sep):
    # +HH<sep>MM[<sep>SS[.ffffff]]
    sign = "+"
    if off._days < 0:
        sign = "-"
        off = -off
    mm, ss = divmod(off._seconds, 60)
    hh, mm = divmod(mm, 60)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or off._microseconds:
        s += "%s%02d" % (sep, ss)
        if off._microseconds:
            s += ".%06d" % off._microseconds
    return s


def _isocalendar(y, m, d):
    year = y
    week1 = _iso_week1_monday(year)
    today = _ymd2ord(y, m, d)
    week, day = divmod(today - week1, 7)
    if week < 0:
        year -= 1
        week1 = _iso_week1_monday(year)
        week, day = divmod(today - week1, 7)
    elif week >= 52:
        if today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
    return year, week + 1, day + 1


def _parse_digits(s, pos, lo, hi):
    # reads lo..hi ASCII digits at pos; returns (value, newpos) or (None, pos)
    j = pos
    while j < len(s) and j - pos < hi and "0" <= s[j] <= "9":
        j += 1
    if j - pos < lo:
        return None, pos
    return int(s[pos:j]), j


def _match_name(s, pos, names):
    low = s[pos:].lower()
    best = None
    for idx, name in names:
        if low.startswith(name.lower()) and (best is None or len(name) > len(best[1])):
            best = (idx, name)
    if best is None:
        return None, pos
    return best[0], pos + len(best[1])


def _strptime(data, fmt):
    """Parses data by fmt; returns (y, m, d, H, M, S, us, tzinfo or None)."""
    if not isinstance(data, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % _type_name(data))
    if not isinstance(fmt, str):
        raise TypeError("strptime() argument 2 must be str, not %s" % _type_name(fmt))
    nomatch = "time data %r does not match format %r" % (data, fmt)
    year = None
    month = day = 1
    hour = minute = second = us = 0
    ampm = None
    yday = None
    wday = None
    tz = None
    i = 0
    pos = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != "%":
            if c.isspace():
                # whitespace in the format matches any run of whitespace (also none)
                while pos < len(data) and data[pos].isspace():
                    pos += 1
                continue
            if pos < len(data) and data[pos].lower() == c.lower():
                pos += 1
                continue
            raise ValueError(nomatch)
        if i >= n:
            raise ValueError("stray %% in format '%s'" % fmt)
        c = fmt[i]
        i += 1
        v = None
        if c == "Y":
            v, pos = _parse_digits(data, pos, 4, 4)
            year = v
        elif c == "y":
            v, pos = _parse_digits(data, pos, 2, 2)
            if v is not None:
                year = v + (2000 if v < 69 else 1900)
        elif c == "m":
            v, pos = _parse_digits(data, pos, 1, 2)
            if v is not None and not 1 <= v <= 12:
                v = None
            month = v
        elif c == "d":
            v, pos = _parse_digits(data, pos, 1, 2)
            if v is not None and not 1 <= v <= 31:
                v = None
            day = v
        elif c == "H":
            v, pos = _parse_digits(data, pos, 1, 2)
            if v is not None and v > 23:
                v = None
            hour = v
        elif c == "I":
            v, pos = _parse_digits(data, pos, 1, 2)
            if v is not None and not 1 <= v <= 12:
                v = None
            hour = v
            if ampm is None:
                ampm = "AM"
        elif c == "M":
            v, pos = _parse_digits(data, pos, 1, 2)
            if v is not None and v > 59:
                v = None
            minute = v
        elif c == "S":
            v, pos = _parse_digits(data, pos, 1, 2)
            if v is not None and v > 61:
                v = None
            second = v
        elif c == "f":
            start = pos
            v, pos = _parse_digits(data, pos, 1, 6)
            if v is not None:
                us = v * 10 ** (6 - (pos - start))
        elif c == "p":
            low = data[pos:pos + 2].lower()
            if low in ("am", "pm"):
                ampm = low.upper()
                pos += 2
                v = 0
        elif c == "j":
            v, pos = _parse_digits(data, pos, 1, 3)
            if v is not None and not 1 <= v <= 366:
                v = None
            yday = v
        elif c == "b" or c == "B" or c == "h":
            names = [(k, _MONTHNAMES[k]) for k in range(1, 13)] + \
                    [(k, _MONTHNAMES[k][:3]) for k in range(1, 13)]
            v, pos = _match_name(data, pos, names)
            if v is not None:
                month = v
        elif c == "a" or c == "A":
            names = [(k, _DAYNAMES[k]) for k in range(7)] + \
                    [(k, _DAYNAMES[k][:3]) for k in range(7)]
            v, pos = _match_name(data, pos, names)
            if v is not None:
                wday = v
        elif c == "z":
            v, pos, tz = _parse_strptime_tz(data, pos)
        elif c == "Z":
            for name in ("UTC", "GMT"):
                if data[pos:pos + 3].upper() == name:
                    pos += 3
                    v = 0
                    break
        elif c == "%":
            if pos < len(data) and data[pos] == "%":
                pos += 1
                v = 0
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (c, fmt))
        if v is None:
            raise ValueError(nomatch)
    if pos != len(data):
        raise ValueError("unconverted data remains: %s" % data[pos:])
    if ampm is not None and "I" in fmt:
        if ampm == "AM" and hour == 12:
            hour = 0
        elif ampm == "PM" and hour != 12:
            hour += 12
    if year is None:
        year = 1900
    if yday is not None:
        year, month, day = _ord2ymd(_ymd2ord(year, 1, 1) + yday - 1)
    if day > _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    if second > 59:
        second = 59
    return year, month, day, hour, minute, second, us, tz


def _parse_strptime_tz(data, pos):
    if data[pos:pos + 1] == "Z":
        return 0, pos + 1, timezone.utc
    if data[pos:pos + 1] not in ("+", "-"):
        return None, pos, None
    sign = -1 if data[pos] == "-" else 1
    p = pos + 1
    hh, p = _parse_digits(data, p, 2, 2)
    if hh is None:
        return None, pos, None
    if data[p:p + 1] == ":":
        p += 1
    mm, p = _parse_digits(data, p, 2, 2)
    if mm is None:
        return None, pos, None
    ss = 0
    frac = 0
    if data[p:p + 1] == ":" or "0" <= data[p:p + 1] <= "9" and data[p:p + 1] != "":
        q = p + 1 if data[p:p + 1] == ":" else p
        v, q = _parse_digits(data, q, 2, 2)
        if v is not None:
            ss = v
            p = q
            if data[p:p + 1] == ".":
                start = p + 1
                f, q = _parse_digits(data, start, 6, 6)
                if f is not None:
                    frac = f
                    p = q
    off = timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=frac)
    if sign < 0:
        off = -off
    return 0, p, timezone(off)


# ---------------------------------------------------------------------------------------------
# ISO 8601 parsing (the forms CPython 3.11's fromisoformat accepts)

def _parse_isodate(s):
    # YYYY-MM-DD, YYYYMMDD, YYYY-Www, YYYYWww, YYYY-Www-D, YYYYWwwD; returns (y, m, d)
    if len(s) < 7 or not s[:4].isdigit() or not s[:4].isascii():
        raise ValueError
    y = int(s[:4])
    rest = s[4:]
    ext = rest[:1] == "-"
    if ext:
        rest = rest[1:]
    if rest[:1] == "W":
        rest = rest[1:]
        if len(rest) < 2 or not rest[:2].isdigit():
            raise ValueError
        w = int(rest[:2])
        rest = rest[2:]
        dd = 1
        if rest:
            if ext:
                if rest[:1] != "-":
                    raise ValueError
                rest = rest[1:]
            if len(rest) != 1 or not rest.isdigit():
                raise ValueError
            dd = int(rest)
        return _from_isocalendar(y, w, dd)
    if ext:
        if len(rest) != 5 or rest[2] != "-":
            raise ValueError
        mm, dd = rest[:2], rest[3:]
    else:
        if len(rest) != 4:
            raise ValueError
        mm, dd = rest[:2], rest[2:]
    if not (mm.isdigit() and dd.isdigit() and mm.isascii() and dd.isascii()):
        raise ValueError
    return _check_date_fields(y, int(mm), int(dd))


def _from_isocalendar(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        ok = False
        if week == 53:
            first_wd = _ymd2ord(year, 1, 1) % 7
            if first_wd == 4 or (first_wd == 3 and _is_leap(year)):
                ok = True
        if not ok:
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid weekday: %d (range is [1, 7])" % day)
    o = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
    return _ord2ymd(o)


def _parse_isotime(s):
    # HH[:MM[:SS[.fff[fff]]]] (or without colons) with an optional Z or +-HH[:MM[:SS[.ffffff]]]
    tz = None
    cut = len(s)
    for k in range(len(s)):
        if s[k] in "+-Z":
            cut = k
            break
    tzpart = s[cut:]
    s = s[:cut]
    hh, mi, ss, us = _parse_hms(s)
    if tzpart:
        if tzpart == "Z":
            tz = timezone.utc
        else:
            sign = -1 if tzpart[0] == "-" else 1
            th, tm, ts, tu = _parse_hms(tzpart[1:])
            off = timedelta(hours=th, minutes=tm, seconds=ts, microseconds=tu)
            if sign < 0:
                off = -off
            tz = timezone.utc if not off else timezone(off)
    return hh, mi, ss, us, tz


def _parse_hms(s):
    if not s:
        raise ValueError
    fields = []
    pos = 0
    colon = None
    while len(fields) < 3 and pos < len(s):
        if len(fields) > 0:
            if s[pos] == ":":
                if colon is False:
                    raise ValueError
                colon = True
                pos += 1
            else:
                if colon is True or s[pos] in ".,":
                    if s[pos] in ".,":
                        break
                    raise ValueError
                colon = False
        part = s[pos:pos + 2]
        if len(part) != 2 or not part.isdigit() or not part.isascii():
            raise ValueError
        fields.append(int(part))
        pos += 2
    us = 0
    if pos < len(s):
        if len(fields) != 3 or s[pos] not in ".,":
            raise ValueError
        frac = s[pos + 1:]
        if not frac or not frac.isdigit() or not frac.isascii():
            raise ValueError
        digits = frac[:6]
        us = int(digits) * 10 ** (6 - len(digits))
    while len(fields) < 3:
        fields.append(0)
    h, m, sec = fields
    if h == 24 and m == 0 and sec == 0 and us == 0:
        raise ValueError
    return h, m, sec, us


# ---------------------------------------------------------------------------------------------
# date

class _StructTime(tuple):
    """What time.struct_time shows (the time module of aithon has no struct_time of its own)."""
    _fields = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
               "tm_yday", "tm_isdst")

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join("%s=%r" % (self._fields[k], self[k])
                                                   for k in range(9))

    @property
    def tm_year(self):
        return self[0]

    @property
    def tm_mon(self):
        return self[1]

    @property
    def tm_mday(self):
        return self[2]

    @property
    def tm_hour(self):
        return self[3]

    @property
    def tm_min(self):
        return self[4]

    @property
    def tm_sec(self):
        return self[5]

    @property
    def tm_wday(self):
        return self[6]

    @property
    def tm_yday(self):
        return self[7]

    @property
    def tm_isdst(self):
        return self[8]


def _build_struct_time(y, m, d, hh, mm, ss, dst):
    o = _ymd2ord(y, m, d)
    return _StructTime((y, m, d, hh, mm, ss, (o + 6) % 7, o - _ymd2ord(y, 1, 1) + 1, dst))


class IsoCalendarDate(tuple):
    """(year, week, weekday) as returned by isocalendar()."""

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % (self[0], self[1],
                                                                           self[2])


class date:
    """A calendar date of the proleptic Gregorian calendar."""
    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, us = _local_from_timestamp(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _check_int(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0])
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            if len(s) not in (7, 8, 10):
                raise ValueError
            y, m, d = _parse_isodate(s)
        except ValueError:
            raise ValueError("Invalid isoformat string: %r" % s) from None
        return cls(y, m, d)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        y, m, d = _from_isocalendar(year, week, day)
        return cls(y, m, d)

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_qualname(self, date, "date"), self._year, self._month,
                                   self._day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def ctime(self):
        wd = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAYNAMES[wd - 1][:3], _MONTHNAMES[self._month][:3],
                                            self._day, self._year)

    def strftime(self, fmt):
        return _wrap_strftime(fmt, self._year, self._month, self._day, 0, 0, 0, 0, None)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % _type_name(fmt))
        if fmt:
            return self.strftime(fmt)
        return str(self)

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def _cmpkey(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() == other._cmpkey()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() != other._cmpkey()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() < other._cmpkey()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() <= other._cmpkey()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() > other._cmpkey()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() >= other._cmpkey()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._cmpkey())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other._days
            if 0 < o <= _MAXORDINAL:
                y, m, d = _ord2ymd(o)
                return type(self)(y, m, d)
            raise OverflowError("date value out of range")
        return _binop_fail("+", self, other)

    def __radd__(self, other):
        r = self.__add__(other) if type(other).__module__ != "builtins" else NotImplemented
        return r if r is not NotImplemented else _binop_fail("+", self, other, True)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime) and \
                not isinstance(self, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return _binop_fail("-", self, other)

    def __rsub__(self, other):
        return _binop_fail("-", self, other, True)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        y, w, d = _isocalendar(self._year, self._month, self._day)
        return IsoCalendarDate(y, w, d)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# tzinfo and timezone

class tzinfo:
    """Abstract base for time zone information."""
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off = dt.utcoffset()
        if off is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = off - dst
        if delta:
            dt += delta
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dst


def _check_utc_offset(name, off):
    if off is None:
        return
    if not isinstance(off, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, _type_name(off)))
    if not -timedelta(1) < off < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) "
                         "and timedelta(hours=24), not %r." % (off,))


class timezone(tzinfo):
    """A fixed offset from UTC."""
    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % _type_name(offset))
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % _type_name(name))
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) "
                             "and timedelta(hours=24), not %r." % (offset,))
        if name is None and not offset and _UTC is not None:
            return _UTC
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_qualname(self, timezone, "timezone"), self._offset)
        return "%s(%r, %r)" % (_qualname(self, timezone, "timezone"), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset() argument must be a datetime instance or None")

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname() argument must be a datetime instance or None")

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst() argument must be a datetime instance or None")

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime instance or None")

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return "UTC"
        return "UTC" + _format_offset(delta, ":")


_UTC = None
_UTC = timezone._create(timedelta(0), None)
timezone.utc = _UTC
timezone.min = timezone._create(-timedelta(hours=23, minutes=59), None)
timezone.max = timezone._create(timedelta(hours=23, minutes=59), None)
UTC = _UTC


# ---------------------------------------------------------------------------------------------
# time

def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us // 1000)
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


def _tz_repr_suffix(obj):
    s = ""
    if obj._tzinfo is not None:
        s += ", tzinfo=%r" % (obj._tzinfo,)
    if obj._fold:
        s += ", fold=1"
    return s


class time:
    """A time of day, with an optional tzinfo."""
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold",
                 "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second,
                                                                     microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            t = s[1:] if s[:1] == "T" else s
            hh, mm, ss, us, tz = _parse_isotime(t)
        except ValueError:
            raise ValueError("Invalid isoformat string: %r" % s) from None
        return cls(hh, mm, ss, us, tz)

    def _utcoff(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.utcoffset(None)
        _check_utc_offset("utcoffset", off)
        return off

    def utcoffset(self):
        return self._utcoff()

    def dst(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.dst(None)
        _check_utc_offset("dst", off)
        return off

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self._utcoff()
        if off is not None:
            s += _format_offset(off, ":")
        return s

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        if self._microsecond:
            s = "%d, %d, %d, %d" % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            s = "%d, %d, %d" % (self._hour, self._minute, self._second)
        else:
            s = "%d, %d" % (self._hour, self._minute)
        return "%s(%s%s)" % (_qualname(self, time, "time"), s, _tz_repr_suffix(self))

    def strftime(self, fmt):
        return _wrap_strftime(fmt, 1900, 1, 1, self._hour, self._minute, self._second,
                              self._microsecond, self)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % _type_name(fmt))
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def _key(self, other_aware):
        # microseconds since midnight, shifted to UTC when aware
        us = ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000 + \
            self._microsecond
        off = self._utcoff()
        if off is not None:
            us -= off._to_us()
        return us

    def _cmp(self, other, op):
        if not isinstance(other, time):
            return NotImplemented
        a = self._utcoff()
        b = other._utcoff()
        if self._tzinfo is other._tzinfo or a == b:
            x = (self._hour, self._minute, self._second, self._microsecond)
            y = (other._hour, other._minute, other._second, other._microsecond)
            return _cmp(x, y)
        if (a is None) != (b is None):
            if op == 2:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        return _cmp(self._key(True), other._key(True))

    def __eq__(self, other):
        c = self._cmp(other, 2)
        if c is NotImplemented:
            return c
        return c == 0

    def __ne__(self, other):
        c = self._cmp(other, 2)
        if c is NotImplemented:
            return c
        return c != 0

    def __lt__(self, other):
        c = self._cmp(other, 0)
        if c is NotImplemented:
            return c
        return c < 0

    def __le__(self, other):
        c = self._cmp(other, 0)
        if c is NotImplemented:
            return c
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other, 0)
        if c is NotImplemented:
            return c
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other, 0)
        if c is NotImplemented:
            return c
        return c >= 0

    def __hash__(self):
        if self._hashcode == -1:
            off = self._utcoff()
            if not off:
                self._hashcode = hash((self._hour, self._minute, self._second,
                                       self._microsecond))
            else:
                self._hashcode = hash(self._key(True))
        return self._hashcode

    def __bool__(self):
        return True

    # time supports no arithmetic; these only give CPython's messages
    def __add__(self, other):
        return _binop_fail("+", self, other)

    def __radd__(self, other):
        return _binop_fail("+", self, other, True)

    def __sub__(self, other):
        return _binop_fail("-", self, other)

    def __rsub__(self, other):
        return _binop_fail("-", self, other, True)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------------------------
# datetime

def _local_offset(t):
    """(UTC offset in seconds, zone name) of the local zone at int POSIX time t."""
    f = getattr(_time, "_local_offset", None)
    if f is not None:
        r = f(t)
        return r[0], r[1]
    lt = _time.localtime(t)          # CPython's time module (the library run by python3)
    return lt.tm_gmtoff, lt.tm_zone


def _timestamp_us(t):
    # a timestamp (int or float) in whole microseconds, rounded half to even
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if t in (float("inf"), float("-inf")):
            raise OverflowError("cannot convert float infinity to integer")
        n, d = t.as_integer_ratio()
        return _round_half_even(n * 1000000, d)
    if isinstance(t, int):
        return t * 1000000
    raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(t))


def _local_from_timestamp(t):
    us = _timestamp_us(t)
    return _fields_from_us(us + _local_offset(us // 1000000)[0] * 1000000)


def _local_to_utc_us(local_us, fold=0):
    """The POSIX time (in us) whose local wall time is local_us (counted as if it were UTC).
    Solves u + offset(u) == t in whole seconds.  Around a transition there are two offsets:
    in a repeated hour fold picks the earlier (0) or later (1) solution; in a skipped hour,
    where neither offset solves it, fold 0 takes the larger candidate and fold 1 the smaller,
    which is what CPython does."""
    t, frac = divmod(local_us, 1000000)

    def wall(u):
        return u + _local_offset(u)[0]

    a = wall(t) - t
    u1 = t - a
    t1 = wall(u1)
    if t1 == t:
        probe = u1 + (86400 if fold else -86400)
        b = wall(probe) - probe
        if a == b:
            return u1 * 1000000 + frac
    else:
        b = t1 - u1
    u2 = t - b
    if wall(u2) == t:
        return u2 * 1000000 + frac
    if t1 == t:
        return u1 * 1000000 + frac
    u = min(u1, u2) if fold else max(u1, u2)
    return u * 1000000 + frac


def _utc_from_timestamp(t):
    return _fields_from_us(_timestamp_us(t))


def _fields_from_us(us):
    secs, us = divmod(us, 1000000)
    days, secs = divmod(secs, 86400)
    o = days + 719163                 # date(1970, 1, 1).toordinal()
    if not 0 < o <= _MAXORDINAL:
        raise ValueError("year %d is out of range" % (_ord2ymd(max(o, 1))[0] if o > 0 else 0))
    y, m, d = _ord2ymd(o)
    hh, rem = divmod(secs, 3600)
    mm, ss = divmod(rem, 60)
    return y, m, d, hh, mm, ss, us


class datetime(date):
    """A date and a time of day, with an optional tzinfo."""
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second,
                                                                     microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            y, m, d, hh, mm, ss, us = _local_from_timestamp(t)
            return cls(y, m, d, hh, mm, ss, us)
        y, m, d, hh, mm, ss, us = _utc_from_timestamp(t)
        return tz.fromutc(cls(y, m, d, hh, mm, ss, us, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        y, m, d, hh, mm, ss, us = _utc_from_timestamp(t)
        return cls(y, m, d, hh, mm, ss, us)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date_, time_, tzinfo=True):
        if not isinstance(date_, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % _type_name(date_))
        if not isinstance(time_, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % _type_name(time_))
        if tzinfo is True:
            tzinfo = time_._tzinfo
        return cls(date_._year, date_._month, date_._day, time_._hour, time_._minute,
                   time_._second, time_._microsecond, tzinfo, fold=time_._fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            # the date part is 7, 8 or 10 characters; the separator is any one character
            if len(s) < 7:
                raise ValueError
            dlen = len(s)
            if len(s) > 10:
                # find where the date ends: extended (YYYY-MM-DD) or week dates
                if s[4:5] == "-":
                    dlen = 8 if s[5:6] == "W" and s[8:9] != "-" else 10
                else:
                    dlen = 7 if s[4:5] == "W" and not s[7:8].isdigit() else 8
            y, m, d = _parse_isodate(s[:dlen])
            hh = mm = ss = us = 0
            tz = None
            if len(s) > dlen:
                tpart = s[dlen + 1:]
                hh, mm, ss, us, tz = _parse_isotime(tpart)
        except ValueError:
            raise ValueError("Invalid isoformat string: %r" % s) from None
        return cls(y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def strptime(cls, data, fmt):
        y, m, d, hh, mm, ss, us, tz = _strptime(data, fmt)
        return cls(y, m, d, hh, mm, ss, us, tz)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return _build_struct_time(self._year, self._month, self._day, self._hour,
                                  self._minute, self._second, flag)

    def utctimetuple(self):
        off = self.utcoffset()
        t = self
        if off:
            t = self - off
        return _build_struct_time(t._year, t._month, t._day, t._hour, t._minute, t._second, 0)

    def _us_since_epoch(self):
        days = self.toordinal() - 719163
        return ((days * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
                * 1000000 + self._microsecond)

    def timestamp(self):
        off = self.utcoffset()
        us = self._us_since_epoch()
        if off is None:
            return _local_to_utc_us(us, self._fold) / 10**6
        return (us - off._to_us()) / 10**6

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo,
                          fold=fold)

    def astimezone(self, tz=None):
        if tz is not None and not isinstance(tz, tzinfo):
            raise TypeError("astimezone() argument 1 must be datetime.tzinfo, not %s"
                            % _type_name(tz))
        off = self.utcoffset()
        if off is None:
            # a naive value is local time: the zone's offset at the instant it names
            u = _local_to_utc_us(self._us_since_epoch(), self._fold)
            off = timedelta(seconds=_local_offset(u // 1000000)[0])
        if tz is None:
            # the local zone, as a fixed offset with its name
            ts = (self._us_since_epoch() - off._to_us()) // 1000000
            secs, name = _local_offset(ts)
            tz = timezone(timedelta(seconds=secs), name)
        if tz is self._tzinfo:
            return self
        utc = (self - off).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        wd = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYNAMES[wd - 1][:3],
                                                  _MONTHNAMES[self._month][:3], self._day,
                                                  self._hour, self._minute, self._second,
                                                  self._year)

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % _type_name(sep))
        s = "%04d-%02d-%02d%s%s" % (self._year, self._month, self._day, sep,
                                    _format_time(self._hour, self._minute, self._second,
                                                 self._microsecond, timespec))
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off, ":")
        return s

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        parts = [self._year, self._month, self._day, self._hour, self._minute, self._second,
                 self._microsecond]
        if parts[6] == 0:
            del parts[6]
            if parts[5] == 0:
                del parts[5]
        return "%s(%s%s)" % (_qualname(self, datetime, "datetime"),
                             ", ".join(str(p) for p in parts), _tz_repr_suffix(self))

    def strftime(self, fmt):
        return _wrap_strftime(fmt, self._year, self._month, self._day, self._hour,
                              self._minute, self._second, self._microsecond, self)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.utcoffset(self)
        _check_utc_offset("utcoffset", off)
        return off

    def dst(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.dst(self)
        _check_utc_offset("dst", off)
        return off

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        if name is not None and not isinstance(name, str):
            raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                            % _type_name(name))
        return name

    def _cmp(self, other, op):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                if op == 2:
                    return 2
                raise TypeError("can't compare %s to %s" % (_type_name(self), _type_name(other)))
            return NotImplemented
        a = self.utcoffset()
        b = other.utcoffset()
        if self._tzinfo is not other._tzinfo and a != b:
            if (a is None) != (b is None):
                if op == 2:
                    return 2
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            x = self._us_since_epoch() - a._to_us()
            y = other._us_since_epoch() - b._to_us()
            return _cmp(x, y)
        return _cmp(self._us_since_epoch(), other._us_since_epoch())

    def __eq__(self, other):
        c = self._cmp(other, 2)
        if c is NotImplemented:
            return c
        return c == 0

    def __ne__(self, other):
        c = self._cmp(other, 2)
        if c is NotImplemented:
            return c
        return c != 0

    def __lt__(self, other):
        c = self._cmp(other, 0)
        if c is NotImplemented:
            return c
        return c < 0

    def __le__(self, other):
        c = self._cmp(other, 0)
        if c is NotImplemented:
            return c
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other, 0)
        if c is NotImplemented:
            return c
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other, 0)
        if c is NotImplemented:
            return c
        return c >= 0

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            us = self._us_since_epoch()
            if off is not None:
                us -= off._to_us()
            self._hashcode = hash(us)
        return self._hashcode

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return _binop_fail("+", self, other)
        us = self._us_since_epoch() + other._to_us()
        secs, frac = divmod(us, 1000000)
        days, secs = divmod(secs, 86400)
        o = days + 719163
        if not 0 < o <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(o)
        hh, rem = divmod(secs, 3600)
        mm, ss = divmod(rem, 60)
        return type(self)(y, m, d, hh, mm, ss, frac, self._tzinfo)

    def __radd__(self, other):
        r = self.__add__(other) if type(other).__module__ != "builtins" else NotImplemented
        return r if r is not NotImplemented else _binop_fail("+", self, other, True)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return _binop_fail("-", self, other)
        a = self.utcoffset()
        b = other.utcoffset()
        us = self._us_since_epoch() - other._us_since_epoch()
        if self._tzinfo is not other._tzinfo:
            if (a is None) != (b is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if a is not None:
                us -= a._to_us() - b._to_us()
        return timedelta._from_us(us)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour, self._minute,
                             self._second, self._microsecond, self._tzinfo))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
