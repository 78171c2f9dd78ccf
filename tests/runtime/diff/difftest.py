#!/usr/bin/env python3
"""Differential tests of the aithon runtime's numbers against python3 (the oracle).

Generates seeded random cases, computes python3's answers, runs the C driver
(tests/runtime/diff/driver.c, linked with build/libaithonrt.a) on the same cases and compares
line by line.  Each case counts once; the last line is "N passed, N failed".

usage: difftest.py DRIVER [--seed N] [--scale F] [--section NAME ...] [--show N]
  --scale multiplies every section's case count (0.01 for a quick run).
Sections: int (100,000 operations), intstr (int(str, base) and str(int)), repr (1,000,000
doubles), floatstr (float(str)), floatop, cmp, round, format (int/float/complex/str specs),
complex, misc (float.hex/fromhex, round(int, n), complex(str)), mixed (operators on mixed
int/bool/float/complex operands through the generic protocol of abstract.c).
"""
import argparse
import math
import random
import struct
import subprocess
import sys

DEFAULT_LIMIT = 4300


def hexs(s):
    """a str as one token: 'h' + hex of its UTF-8 (so that '' is still a token)"""
    return 'h' + s.encode('utf-8', 'surrogatepass').hex()


def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def item(v):
    if isinstance(v, bool):
        return 'b %d' % v
    if isinstance(v, int):
        return 'i ' + hex(v)
    if isinstance(v, float):
        return 'f ' + repr(v)
    if isinstance(v, str):   # one line per result, as the driver escapes it
        return 's ' + v.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r')
    return 'r ' + repr(v)


def result(fn):
    """python3's answer in the driver's output format"""
    try:
        v = fn()
    except Exception as e:  # the exception type and message are part of the answer
        return 'E %s: %s' % (type(e).__name__, e)
    if isinstance(v, tuple):
        return 't ' + ' | '.join(item(x) for x in v)
    return item(v)


# ---------------------------------------------------------------------------------- ints ----

def rand_int(r, maxbits=12000):
    """sizes spread from tiny to thousands of digits, with the 2**62 small-int edge stressed"""
    k = r.random()
    if k < 0.25:
        n = r.randrange(0, 20)
    elif k < 0.45:
        n = r.choice([60, 61, 62, 63, 64, 65, 66])
    elif k < 0.7:
        n = r.randrange(0, 200)
    elif k < 0.9:
        n = r.randrange(0, 2000)
    else:
        n = r.randrange(0, maxbits)
    v = r.getrandbits(n) if n else 0
    if r.random() < 0.1:
        v = (1 << n) - r.randrange(0, 3)      # near powers of two
    if r.random() < 0.05:
        v = r.choice([0, 1, 2**62, 2**62 - 1, 2**63, 2**64])
    return -v if r.random() < 0.5 else v


def gen_int(r, n):
    cases = []
    binops = ['+', '-', '*', '//', '%', 'divmod', '&', '|', '^', '/', 'cmp', 'hash',
              '**', '<<', '>>', 'pow3', 'unary']
    for _ in range(n):
        op = r.choice(binops)
        a, b = rand_int(r), rand_int(r)
        if op in ('//', '%', 'divmod', '/') and r.random() < 0.05:
            b = 0
        if op == '**':
            a = rand_int(r, 300)
            b = r.randrange(-3, 60) if abs(a) > 2**62 else r.randrange(-5, 400)
            if r.random() < 0.03:
                b = -r.randrange(1, 5)
            cases.append(('I ** %s %s' % (hex(a), hex(b)), lambda a=a, b=b: a ** b))
        elif op == '<<':
            b = r.randrange(-2, 3000)
            cases.append(('I << %s %s' % (hex(a), hex(b)), lambda a=a, b=b: a << b))
        elif op == '>>':
            b = r.randrange(-2, 20000) if r.random() < 0.9 else rand_int(r)
            cases.append(('I >> %s %s' % (hex(a), hex(b)), lambda a=a, b=b: a >> b))
        elif op == 'pow3':
            a, b, m = rand_int(r, 3000), rand_int(r, 300), rand_int(r, 3000)
            if r.random() < 0.05:
                m = 0
            if r.random() < 0.2:
                b = -abs(b)
            cases.append(('I pow3 %s %s %s' % (hex(a), hex(b), hex(m)),
                          lambda a=a, b=b, m=m: pow(a, b, m)))
        elif op == 'unary':
            u = r.choice(['neg', 'invert', 'abs', 'bitlen', 'bitcount', 'float'])
            f = {'neg': lambda a=a: -a, 'invert': lambda a=a: ~a, 'abs': lambda a=a: abs(a),
                 'bitlen': lambda a=a: a.bit_length(), 'bitcount': lambda a=a: a.bit_count(),
                 'float': lambda a=a: float(a)}[u]
            cases.append(('U %s %s' % (u, hex(a)), f))
        else:
            fn = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
                  '//': lambda a, b: a // b, '%': lambda a, b: a % b, 'divmod': divmod,
                  '&': lambda a, b: a & b, '|': lambda a, b: a | b, '^': lambda a, b: a ^ b,
                  '/': lambda a, b: a / b, 'cmp': lambda a, b: (a > b) - (a < b),
                  'hash': lambda a, b: hash(a)}[op]
            if op == '/' and r.random() < 0.3:   # quotients near the float range's edges
                a = rand_int(r, 4000)
                b = rand_int(r, 4000) or 1
            cases.append(('I %s %s %s' % (op, hex(a), hex(b)), lambda a=a, b=b, fn=fn: fn(a, b)))
    return cases


DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def to_base(v, b, r):
    if v == 0:
        return '0'
    out = []
    while v:
        v, d = divmod(v, b)
        out.append(DIGITS[d])
    s = ''.join(reversed(out))
    return ''.join(c.upper() if r.random() < 0.3 else c for c in s)


SPACES = [' ', '\t', '\n', '\x0b', '\x0c', '\r', '\u3000', '\xa0', '\u2003', '\x1c', '\x85']


def decorate_number(s, r, allow_us=True):
    """random whitespace, signs, underscores and corruptions"""
    if allow_us and r.random() < 0.2 and len(s) > 1:
        i = r.randrange(1, len(s))
        s = s[:i] + '_' + s[i:]
    if r.random() < 0.05:
        i = r.randrange(0, len(s) + 1)
        s = s[:i] + r.choice(['_', '__', ' ', 'x', 'g', '.', '+', '-', 'é', '0']) + s[i:]
    if r.random() < 0.3:
        s = r.choice(['-', '+']) + s
    if r.random() < 0.2:
        s = r.choice(SPACES) + s
    if r.random() < 0.2:
        s = s + r.choice(SPACES)
    return s


def gen_intstr(r, n):
    cases = []
    sys.set_int_max_str_digits(0)
    try:
        for _ in range(n):
            k = r.random()
            if k < 0.3:   # str(int) with the 4300-digit limit
                v = rand_int(r, 16000)
                if r.random() < 0.1:
                    v = r.choice([10**4300 - 1, 10**4300, -10**4299, 10**4299])
                cases.append(('D ' + hex(v), lambda v=v: str(v)))
                continue
            if k < 0.4:   # bin/oct/hex and other bases
                v = rand_int(r, 3000)
                b = r.choice([2, 8, 16])
                f = {2: bin, 8: oct, 16: hex}[b]
                cases.append(('B %s %d' % (hex(v), b), lambda v=v, f=f: f(v)))
                continue
            base = r.choice([0, 0, 10, 10, 2, 8, 16] + list(range(2, 37)) + [1, 37, -1])
            v = abs(rand_int(r, 16000 if r.random() < 0.1 else 400))
            b = base if 2 <= base <= 36 else 10
            s = to_base(v, b, r)
            if base == 0 or (base in (2, 8, 16) and r.random() < 0.3):
                pb = r.choice([2, 8, 16, 10]) if base == 0 else base
                if pb != 10:
                    s = to_base(v, pb, r)
                    p = {2: '0b', 8: '0o', 16: '0x'}[pb]
                    p = p.upper() if r.random() < 0.3 else p
                    s = p + ('_' if r.random() < 0.2 else '') + s
                elif r.random() < 0.1:
                    s = '0' + s
            s = decorate_number(s, r)
            if r.random() < 0.02:
                s = r.choice(['', ' ', '0_0', '00', '0x', '_1', '1_', '1__0', '٣', '0b_', '-'])
            cases.append(('S %d %s' % (base, hexs(s)), lambda s=s, base=base: int(s, base)))
    finally:
        sys.set_int_max_str_digits(DEFAULT_LIMIT)
    return cases


# -------------------------------------------------------------------------------- floats ----

def rand_double(r):
    k = r.random()
    if k < 0.45:
        return struct.unpack('<d', struct.pack('<Q', r.getrandbits(64)))[0]
    if k < 0.55:   # subnormals and the smallest normals
        return struct.unpack('<d', struct.pack('<Q', r.getrandbits(53) | (r.getrandbits(1) << 63)))[0]
    if k < 0.8:    # decimal-ish values
        return float('%d.%de%d' % (r.randrange(0, 10**r.randrange(1, 8)), r.randrange(0, 10**r.randrange(1, 6)),
                                    r.randrange(-30, 30)))
    if k < 0.9:
        return r.randrange(-10**6, 10**6) / r.choice([1, 10, 100, 1000, 3, 7, 1 << 10])
    if k < 0.95:
        return math.ldexp(1.0, r.randrange(-1074, 1024)) * r.choice([1, -1])
    return r.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 1e16, 1e-5, 1e-4, 1e15,
                     9999999999999998.0, 5e-324, 1.7976931348623157e308, 0.1, 2.5, 0.5])


def gen_repr(r, n):
    return [('R ' + bits(x), repr(x)) for x in (rand_double(r) for _ in range(n))]


def gen_floatstr(r, n):
    cases = []
    for _ in range(n):
        k = r.random()
        if k < 0.6:
            x = rand_double(r)
            s = r.choice([repr(x), '%.*e' % (r.randrange(0, 25), x), '%.*f' % (r.randrange(0, 10), x)])
        elif k < 0.8:
            s = '%d%s%s' % (r.randrange(0, 10**r.randrange(1, 30)),
                            r.choice(['', '.', '.%d' % r.randrange(0, 10**r.randrange(1, 30))]),
                            r.choice(['', 'e%d' % r.randrange(-400, 400), 'E+%d' % r.randrange(0, 30)]))
            if r.random() < 0.2:
                s = s.lstrip('0') or '.5'
        else:
            s = r.choice(['inf', 'Infinity', '-iNF', 'nan', '+NaN', 'infinit', 'nan(1)', '1e', '.',
                          '1.5e+', '0x1p3', '1_000.000_1', '1__0', '_1', '1_', '1._5', '1e1_0',
                          '', ' ', '١.٥', '1.5j', '--1', '0' * 400 + '1', '1' + '0' * 400, 'e5'])
        s = decorate_number(s, r, allow_us=r.random() < 0.5)
        cases.append(('P ' + hexs(s), lambda s=s: float(s)))
    return cases


def gen_floatop(r, n):
    cases = []
    ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
           '/': lambda a, b: a / b, '//': lambda a, b: a // b, '%': lambda a, b: a % b,
           '**': lambda a, b: a ** b, 'divmod': divmod, '==': lambda a, b: a == b,
           '<': lambda a, b: a < b}
    for _ in range(n):
        op = r.choice(list(ops))
        a, b = rand_double(r), rand_double(r)
        if r.random() < 0.3:
            a = float(r.randrange(-20, 20)) / r.choice([1, 2, 4])
        if r.random() < 0.3:
            b = float(r.randrange(-20, 20)) / r.choice([1, 2, 4])
        if r.random() < 0.05:
            b = r.choice([0.0, -0.0])
        cases.append(('G %s %s %s' % (op, bits(a), bits(b)), lambda a=a, b=b, f=ops[op]: f(a, b)))
    return cases


def gen_cmp(r, n):
    """float vs int exact comparison and hash equality"""
    cases = []
    for _ in range(n):
        x = rand_double(r)
        if r.random() < 0.5 and math.isfinite(x):
            a = int(x) + r.choice([-1, 0, 0, 0, 1])
        else:
            a = rand_int(r, 1100)
        exp = 'c %d %d %d' % (x < a, x == a, hash(x) == hash(a))
        cases.append(('C %s %s' % (bits(x), hex(a)), exp))
    return cases


def gen_round(r, n):
    cases = []
    for _ in range(n):
        x = rand_double(r)
        if r.random() < 0.4:
            x = r.randrange(-10**6, 10**6) / r.choice([2, 4, 8, 10, 100, 1000, 16])
        nd = r.choice([None, None, r.randrange(-20, 20), r.randrange(-400, 400), r.randrange(0, 5)])
        fn = (lambda x=x: round(x)) if nd is None else (lambda x=x, nd=nd: round(x, nd))
        cases.append(('N %s %s' % (bits(x), 'N' if nd is None else hex(nd)), fn))
    return cases


# -------------------------------------------------------------------------------- format ----

def rand_spec(r, types):
    s = ''
    if r.random() < 0.3:
        if r.random() < 0.6:
            s += r.choice(['*', ' ', '0', 'é', '_', ',', 'x', '<', '€'])
        s += r.choice('<>^=')
    if r.random() < 0.3:
        s += r.choice('+- ')
    if r.random() < 0.1:
        s += 'z'
    if r.random() < 0.2:
        s += '#'
    if r.random() < 0.2:
        s += '0'
    if r.random() < 0.5:
        s += str(r.randrange(0, 30) if r.random() < 0.9 else r.randrange(30, 120))
    if r.random() < 0.25:
        s += r.choice([',', '_', ',_', '_,', ',,'])
    if r.random() < 0.4:
        s += '.' + str(r.randrange(0, 25) if r.random() < 0.9 else r.randrange(25, 400))
    elif r.random() < 0.02:
        s += '.'
    if r.random() < 0.85:
        s += r.choice(types)
    if r.random() < 0.01:
        s += r.choice(['d', 'x', 'é'])
    return s


INT_TYPES = list('bcdoxXneEfFgG%') + ['', 's', 'r', 'é', 'j']
FLOAT_TYPES = list('eEfFgGn%') + ['', 'd', 'x', 'c', 's', 'é']
STR_TYPES = ['s', '', 'd', 'x']


def gen_format(r, n, with_str):
    cases = []
    for _ in range(n):
        k = r.random()
        if k < 0.45:
            v = rand_int(r, 300)
            if r.random() < 0.5:
                v = r.randrange(-10**7, 10**7)
            if r.random() < 0.02:
                v = r.randrange(0, 0x110000 + 10)
            if r.random() < 0.01:   # around the 4300-digit limit and the float range
                v = r.choice([10**4300 - 1, -10**4300, 2**1024, 2**1023 * 3, 10**400]) + r.randrange(-5, 5)
            spec = rand_spec(r, INT_TYPES)
            cases.append(('Fi %s %s' % (hex(v), hexs(spec)), lambda v=v, spec=spec: format(v, spec)))
        elif k < 0.85:
            x = rand_double(r)
            if r.random() < 0.3:
                x = r.randrange(-10**7, 10**7) / r.choice([1, 10, 1000, 7])
            if r.random() < 0.03:
                x = r.choice([math.inf, -math.inf, math.nan, -0.0, 0.0])
            spec = rand_spec(r, FLOAT_TYPES)
            cases.append(('Ff %s %s' % (bits(x), hexs(spec)), lambda x=x, spec=spec: format(x, spec)))
        elif k < 0.95 or not with_str:
            c = complex(rand_double(r), rand_double(r))
            if r.random() < 0.5:
                c = complex(r.randrange(-100, 100) / 4, r.randrange(-100, 100) / 4)
            if r.random() < 0.1:
                c = complex(r.choice([0.0, -0.0]), c.imag)
            spec = rand_spec(r, list('eEfFgGn') + ['', '%', 'd'])
            cases.append(('Fc %s %s %s' % (bits(c.real), bits(c.imag), hexs(spec)),
                          lambda c=c, spec=spec: format(c, spec)))
        else:
            s = r.choice(['', 'a', 'hello', 'é', 'naïve text', '€uro', 'x' * 30])
            spec = rand_spec(r, STR_TYPES)
            cases.append(('Fs %s %s' % (hexs(s), hexs(spec)), lambda s=s, spec=spec: format(s, spec)))
    return cases


def gen_complex(r, n):
    cases = []
    ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
           '/': lambda a, b: a / b, '**': lambda a, b: a ** b, 'abs': lambda a, b: abs(a),
           'repr': lambda a, b: repr(a), 'hash': lambda a, b: hash(a)}
    for _ in range(n):
        op = r.choice(list(ops))
        vals = []
        for _ in range(4):
            x = rand_double(r) if r.random() < 0.3 else r.randrange(-50, 50) / r.choice([1, 2, 8])
            vals.append(x)
        a, b = complex(vals[0], vals[1]), complex(vals[2], vals[3])
        if op == '**' and r.random() < 0.5:
            b = complex(r.randrange(-5, 8), 0.0)
        if op == 'hash' and (math.isnan(a.real) or math.isnan(a.imag)):
            a = complex(1.5, 2.0)
        if op == 'abs' and (math.isnan(a.real) or math.isnan(a.imag)):
            # CPython's abs() of a complex with a nan part returns nan or raises OverflowError
            # depending on a stale errno from an earlier operation: not reproducible
            a = complex(1.5, 2.0)
        cases.append(('X %s %s %s %s %s' % (op, bits(a.real), bits(a.imag), bits(b.real), bits(b.imag)),
                      lambda a=a, b=b, f=ops[op]: f(a, b)))
    return cases


def gen_misc(r, n):
    """float.hex/fromhex, round(int, n), complex(str)"""
    cases = []
    for _ in range(n):
        k = r.random()
        if k < 0.25:
            x = rand_double(r)
            cases.append(('h ' + bits(x), lambda x=x: x.hex()))
        elif k < 0.5:
            x = rand_double(r)
            s = x.hex() if math.isfinite(x) else repr(x)
            if r.random() < 0.5 and math.isfinite(x):   # re-spell it: other exponents, digits
                m, e = s.split('p')
                shift = r.randrange(-8, 9)
                s = '%s%sp%d' % (r.choice(['', '0x', '0X']) if not m.startswith('-') else '-0x',
                                 m.lstrip('-').replace('0x', '') + '0' * r.randrange(0, 3),
                                 int(e) + 0 * shift)
            if r.random() < 0.2:
                s = '0x%xp%d' % (r.getrandbits(r.randrange(1, 120)), r.randrange(-1200, 1100))
            if r.random() < 0.05:
                s = r.choice(['0x', '0xp1', '1p', '0x1.p0', '0x.p0', 'x1', '0x1p', '0x1 p1', ' inf ',
                              '-Infinity', 'nan', '0x1_0p0', '0x1p-1075', '0x1.8p-1074', '0x1p1024',
                              '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023'])
            s = decorate_number(s, r, allow_us=False) if r.random() < 0.2 else s
            cases.append(('H ' + hexs(s), lambda s=s: float.fromhex(s)))
        elif k < 0.7:
            v = rand_int(r, 400)
            nd = r.choice([r.randrange(-30, 5), r.randrange(-150, 0), 0, -1, -2])
            cases.append(('Ri %s %s' % (hex(v), hex(nd)), lambda v=v, nd=nd: round(v, nd)))
        else:
            parts = []
            re_ = r.choice(['', '1', '-2.5', '1e5', '.5', '5.', 'inf', '-nan', '1_0', '3e-2',
                            '1e', '0x1', 'infinity', '2'])
            im = r.choice(['', 'j', '+j', '-J', '+2j', '-1.5j', '+infj', '+nanj', '2j', '+1e-5j',
                           '1_0j', '+-2j', 'jj', '+2', '+.j'])
            s = re_ + im
            if r.random() < 0.2:
                s = '(' + s + ')'
            if r.random() < 0.2:
                s = r.choice(SPACES) + s + r.choice(SPACES)
            parts.append(s)
            cases.append(('K ' + hexs(s), lambda s=s: repr(complex(s))))
    return cases


def gen_mixed(r, n):
    """operators on mixed int/bool/float/complex operands through the generic protocol"""
    def operand():
        k = r.random()
        if k < 0.3:
            v = rand_int(r, 200) if r.random() < 0.5 else r.randrange(-20, 20)
            return 'i:' + hex(v), v
        if k < 0.45:
            v = r.random() < 0.5
            return 'b:%d' % v, v
        if k < 0.8:
            x = rand_double(r) if r.random() < 0.4 else r.randrange(-40, 40) / r.choice([1, 2, 4, 3])
            return 'f:' + bits(x), x
        c = complex(r.randrange(-9, 9) / 2, r.randrange(-9, 9) / 2) if r.random() < 0.7 else \
            complex(rand_double(r), rand_double(r))
        return 'c:%s:%s' % (bits(c.real), bits(c.imag)), c
    ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
           '/': lambda a, b: a / b, '//': lambda a, b: a // b, '%': lambda a, b: a % b,
           '**': lambda a, b: a ** b, 'divmod': divmod, '&': lambda a, b: a & b,
           '|': lambda a, b: a | b, '^': lambda a, b: a ^ b, '<<': lambda a, b: a << b,
           '>>': lambda a, b: a >> b, '<': lambda a, b: a < b, '<=': lambda a, b: a <= b,
           '==': lambda a, b: a == b, '!=': lambda a, b: a != b, '>': lambda a, b: a > b,
           '>=': lambda a, b: a >= b, 'hash': lambda a, b: hash(a), 'neg': lambda a, b: -a,
           'abs': lambda a, b: abs(a), 'invert': lambda a, b: ~a, 'truth': lambda a, b: bool(a)}
    cases = []
    for _ in range(n):
        op = r.choice(list(ops))
        (ta, a), (tb, b) = operand(), operand()
        if op in ('**', '<<') and isinstance(b, int) and not isinstance(b, bool) and abs(b) > 64:
            b = b % 64
            tb = 'i:' + hex(b)
        if op == '**' and isinstance(a, int) and abs(a) > 2**64:
            a = a % 1000
            ta = 'i:' + hex(a)
        if op == 'hash' and isinstance(a, (float, complex)) and a != a:
            continue   # nan hashes by identity
        if op == 'abs' and isinstance(a, complex) and a != a:
            continue   # CPython's result depends on a stale errno (see gen_complex)
        cases.append(('M %s %s %s' % (op, ta, tb), lambda a=a, b=b, f=ops[op]: f(a, b)))
    return cases


# ---------------------------------------------------------------------------------- main ----

def run_section(driver, name, cases, show):
    lines = '\n'.join(c[0] for c in cases) + '\n'
    out = subprocess.run([driver], input=lines.encode('utf-8', 'surrogatepass'),
                         stdout=subprocess.PIPE, check=False).stdout.decode('utf-8', 'surrogatepass')
    got = out.split('\n')
    # results can contain a newline only as a format fill, which the generator never uses
    passed = failed = 0
    for i, (inp, exp) in enumerate(cases):
        want = exp if isinstance(exp, str) and name in ('repr', 'cmp') else result(exp)
        have = got[i] if i < len(got) else '<missing>'
        if have == want:
            passed += 1
        else:
            failed += 1
            if failed <= show:
                print('MISMATCH [%s] %s\n   python3: %r\n   aithon:  %r' % (name, inp[:300], want[:300], have[:300]))
    print('%s: %d passed, %d failed' % (name, passed, failed))
    return passed, failed


def gen_fmtfast(r, n):
    """the fast paths of numfmt.c: exact 'f' digits of doubles without printf (ties, the 2**63
    and tiny-exponent limits, every precision up to 21), small ints in every base, grouping
    with zero padding and non-ASCII fills"""
    cases = []
    for _ in range(n):
        k = r.random()
        if k < 0.6:
            c = r.random()
            if c < 0.3:    # exact binary fractions: ties at the rounding digit
                x = r.randrange(-10**6, 10**6) / 2 ** r.randrange(0, 12)
            elif c < 0.45:   # around 2**63 (integers: printf beyond)
                x = float(2 ** r.randrange(58, 66) + r.randrange(-2**12, 2**12)) * r.choice([1, -1])
            elif c < 0.6:    # tiny: the shift of 117..120 bits and subnormals
                x = r.random() * 2.0 ** r.randrange(-1080, -40)
            elif c < 0.75:
                x = r.randrange(0, 10**r.randrange(1, 17)) / 10 ** r.randrange(0, 20)
            elif c < 0.8:
                x = r.choice([0.0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 1e-300, 5e-324, 1e22,
                              9.5, 99.5, 0.05, 0.15, 0.25, 0.35, 1e16, 2.0**63, 2.0**62, -2.0**64])
            else:
                x = rand_double(r)
            spec = ''
            if r.random() < 0.3:
                spec += r.choice(['', '*', '0', 'é', '€']) + r.choice('<>^=')
            if r.random() < 0.3:
                spec += r.choice('+- ')
            if r.random() < 0.15:
                spec += 'z'
            if r.random() < 0.15:
                spec += '#'
            if r.random() < 0.2:
                spec += '0'
            if r.random() < 0.5:
                spec += str(r.randrange(0, 40))
            if r.random() < 0.25:
                spec += r.choice([',', '_'])
            spec += '.' + str(r.randrange(0, 22)) + r.choice(['f', 'F', '%'])
            cases.append(('Ff %s %s' % (bits(x), hexs(spec)), lambda x=x, spec=spec: format(x, spec)))
        else:
            v = r.choice([r.randrange(-1000, 1000), r.randrange(-2**62, 2**62),
                          r.choice([2**62 - 1, -2**62, 2**62, -2**62 - 1, 2**63, -2**63, 0, -1])])
            spec = ''
            if r.random() < 0.3:
                spec += r.choice(['', '*', '0', 'é', '€']) + r.choice('<>^=')
            if r.random() < 0.3:
                spec += r.choice('+- ')
            if r.random() < 0.3:
                spec += '#'
            if r.random() < 0.3:
                spec += '0'
            if r.random() < 0.6:
                spec += str(r.randrange(0, 40))
            t = r.choice(['', 'd', 'n', 'b', 'o', 'x', 'X'])
            if r.random() < 0.3:
                spec += '_' if t in 'boxX' else r.choice([',', '_'])
            spec += t
            cases.append(('Fi %s %s' % (hex(v), hexs(spec)), lambda v=v, spec=spec: format(v, spec)))
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('driver')
    ap.add_argument('--seed', type=int, default=20261122)
    ap.add_argument('--scale', type=float, default=1.0)
    ap.add_argument('--section', action='append')
    ap.add_argument('--show', type=int, default=10)
    args = ap.parse_args()
    sys.set_int_max_str_digits(DEFAULT_LIMIT)
    # is format(str) implemented yet (not the tests' stub)?
    probe = subprocess.run([args.driver], input=b'Fs h61 h3e33\n', stdout=subprocess.PIPE).stdout
    with_str = probe.decode() == 's   a\n'
    sections = [('int', lambda r, n: gen_int(r, n), 100000),
                ('intstr', gen_intstr, 20000),
                ('repr', gen_repr, 1000000),
                ('floatstr', gen_floatstr, 20000),
                ('floatop', gen_floatop, 30000),
                ('cmp', gen_cmp, 20000),
                ('round', gen_round, 20000),
                ('format', lambda r, n: gen_format(r, n, with_str), 50000),
                ('fmtfast', gen_fmtfast, 50000),
                ('complex', gen_complex, 20000),
                ('misc', gen_misc, 20000),
                ('mixed', gen_mixed, 30000)]
    tp = tf = 0
    for name, gen, count in sections:
        if args.section and name not in args.section:
            continue
        r = random.Random('%d-%s' % (args.seed, name))
        p, f = run_section(args.driver, name, gen(r, max(1, int(count * args.scale))), args.show)
        tp += p
        tf += f
    if not with_str:
        print('note: format(str) cases skipped: rt_format_str is not implemented yet')
    print('%d passed, %d failed' % (tp, tf))
    sys.exit(1 if tf else 0)


if __name__ == '__main__':
    main()
