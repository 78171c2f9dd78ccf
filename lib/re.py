"""Regular expressions with Python's syntax and semantics, run by PCRE2.

The C module _re compiles and executes patterns; this module translates the few parts of
Python's syntax PCRE2 spells differently (\\Z, \\uXXXX, \\UXXXXXXXX, {,n}), and builds
the Pattern and Match objects, sub/subn (templates and callables), split, findall and
finditer on top of one primitive: find the next match at or after a position.  Successive
matches follow CPython 3.7+: an empty match may directly follow a non-empty one, but not
another empty match at the same position.
"""

try:
    import _re
    _HOST = False
except ImportError:
    _re = None
    _HOST = True


def _host_re():
    """CPython's own re module, imported with lib/ out of the way: under CPython
    (tests/lib/pyrun.py) there is no PCRE2 engine, so patterns are compiled and run by the
    host's re while everything above the engine (Pattern, Match, sub, split) is this file's."""
    sys = __import__('sys')
    os = __import__('os')
    here = os.path.dirname(os.path.abspath(__file__))
    saved_path = list(sys.path)
    saved_meta = list(sys.meta_path)
    saved_mods = dict(sys.modules)

    def from_lib(m):
        f = getattr(m, '__file__', None) or ''
        return f.startswith(here)

    for k in [k for k, v in sys.modules.items() if from_lib(v) or k == 're']:
        del sys.modules[k]
    sys.meta_path[:] = [f for f in sys.meta_path if getattr(f, '__name__', '') != 'LibFinder']
    sys.path[:] = [x for x in sys.path if os.path.abspath(x or '.') != here]
    try:
        host = __import__('re')
    finally:
        lib_names = set()
        for f in os.listdir(here):
            lib_names.add(f[:-3] if f.endswith('.py') else f)
        for k in list(sys.modules):
            if k.split('.')[0] in lib_names and k not in saved_mods:
                del sys.modules[k]
        sys.modules.update(saved_mods)
        sys.path[:] = saved_path
        sys.meta_path[:] = saved_meta
    return host


class _HostEngine:
    """the interface of aithon's _re over the host's re (see _host_re)"""

    def __init__(self):
        self._h = _host_re()

    def compile(self, pattern, flags):
        warnings = __import__('warnings')
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                p = self._h.compile(pattern, flags)
        except self._h.error as e:
            return (None, e.msg, e.pos or 0, -1)
        return (p, p.groups, tuple(p.groupindex.items()))

    def exec(self, p, string, pos, endpos, mode):
        kind = mode & 3
        if kind == 1:
            m = p.match(string, pos, endpos)
        elif kind == 2:
            m = p.fullmatch(string, pos, endpos)
        else:
            m = p.search(string, pos, endpos)
            if m is not None and mode & 4 and m.end() == pos:
                m = p.search(string, pos + 1, endpos) if pos < endpos else None
        if m is None:
            return None
        out = []
        for i in range(p.groups + 1):
            out.extend(m.span(i))
        return tuple(out)


if _HOST:
    _re = _HostEngine()

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "template", "escape", "error", "Pattern", "Match", "A", "I",
           "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL",
           "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]


class RegexFlag(int):
    """The re flag bits; repr spells them as re.IGNORECASE|re.MULTILINE."""

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    def __repr__(self):
        v = int(self)
        if v == 0:
            return 're.NOFLAG'
        parts = []
        for name, bit in _FLAG_NAMES:
            if v & bit:
                parts.append('re.' + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return '|'.join(parts)

    __str__ = __repr__


_FLAG_NAMES = [('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8),
               ('DOTALL', 16), ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128),
               ('ASCII', 256)]

NOFLAG = RegexFlag(0)
T = TEMPLATE = RegexFlag(1)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = None
        self.colno = None
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        Exception.__init__(self, msg)


PatternError = error

# PCRE2 error codes whose Python message differs
_ERROR_MESSAGES = {
    104: 'min repeat greater than max repeat',
    106: 'unterminated character set',
    109: 'nothing to repeat',
    114: 'missing ), unterminated subpattern',
    122: 'unbalanced parenthesis',
}

_HEX = '0123456789abcdefABCDEF'
_INLINE = {'a': 256, 'i': 2, 'L': 4, 'm': 8, 's': 16, 'u': 32, 'x': 64}


def _translate(p, flags):
    """(PCRE2 pattern, parent group of each group, flags) for Python pattern p: inline
    a/u/L flags become flag bits (PCRE2 has no such letters); without ASCII, \\s also
    matches \\x1c-\\x1f as Python's str.isspace does."""
    out = []
    parents = [0]
    stack = []
    ngroups = 0
    i = 0
    n = len(p)
    in_class = False
    names = []
    while i < n:
        c = p[i]
        if c == '\\':
            if i + 1 >= n:
                raise error('bad escape (end of pattern)', p, i)
            d = p[i + 1]
            if d == 'Z' and not in_class:
                out.append('\\z')
                i += 2
            elif d == 's' and not flags & ASCII:
                out.append('\\s\\x1c-\\x1f' if in_class else '[\\s\\x1c-\\x1f]')
                i += 2
            elif d == 'S' and not in_class and not flags & ASCII:
                out.append('[^\\s\\x1c-\\x1f]')
                i += 2
            elif d == 'u' or d == 'U':
                width = 4 if d == 'u' else 8
                digits = p[i + 2:i + 2 + width]
                if len(digits) != width or any(ch not in _HEX for ch in digits):
                    raise error('incomplete escape \\%s%s' % (d, digits), p, i)
                out.append('\\x{' + digits + '}')
                i += 2 + width
            else:
                out.append(p[i:i + 2])
                i += 2
            continue
        if in_class:
            if c == ']':
                in_class = False
            elif c == '[':
                out.append('\\[')
                i += 1
                continue
            out.append(c)
            i += 1
            continue
        if c == '[':
            in_class = True
            out.append(c)
            i += 1
            if i < n and p[i] == '^':
                out.append('^')
                i += 1
            if i < n and p[i] == ']':
                out.append('\\]')
                i += 1
            continue
        if c == '(' and i + 2 < n and p[i + 1] == '?' and p[i + 2] in 'aiLmsux-':
            j = i + 2
            while j < n and p[j] in 'aiLmsux-':
                j += 1
            if j < n and p[j] in ':)':
                letters = p[i + 2:j]
                if p[j] == ')' and '-' not in letters:
                    for ch in letters:
                        flags |= _INLINE[ch]
                kept = ''.join(ch for ch in letters if ch not in 'auL')
                if p[j] == ')' and kept in ('', '-'):
                    i = j + 1
                    continue
                if p[j] == ':' and kept in ('', '-'):
                    kept = ':'
                    out.append('(?:')
                    stack.append(0)
                    i = j + 1
                    continue
                out.append('(?' + kept)
                stack.append(0)     # popped by the ')' that ends this group
                i = j
                continue
        if c == '(' and p.startswith('(?P', i):
            close = '>' if p.startswith('(?P<', i) else ')'
            j = p.find(close, i + 4)
            name = p[i + 4:j] if j >= 0 else p[i + 4:]
            if p.startswith('(?P<', i) or p.startswith('(?P=', i):
                if j < 0:
                    raise error('missing %s, unterminated name' % close, p, i + 4)
                if not name:
                    raise error('missing group name', p, i + 4)
                if not name.isidentifier():
                    raise error('bad character in group name %r' % name, p, i + 4)
                if p[i + 3] == '<':
                    names.append(name)
                elif name not in names:
                    raise error('unknown group name %r' % name, p, i + 4)
        if c == '(':
            capturing = False
            if i + 1 < n and p[i + 1] != '?':
                capturing = True
            elif p.startswith('(?P<', i) or (p.startswith('(?<', i) and
                                             not p.startswith('(?<=', i) and
                                             not p.startswith('(?<!', i)):
                capturing = True
            if capturing:
                ngroups += 1
                # the innermost enclosing capturing group
                enclosing = 0
                for g in reversed(stack):
                    if g:
                        enclosing = g
                        break
                parents.append(enclosing)
                stack.append(ngroups)
            else:
                stack.append(0)
        elif c == ')':
            if stack:
                stack.pop()
        elif c == '{' and p.startswith('{,', i):
            j = i + 2
            while j < n and p[j].isdigit():
                j += 1
            if j < n and p[j] == '}' and j > i + 2:
                out.append('{0,')
                i += 2
                continue
        out.append(c)
        i += 1
    return ''.join(out), parents, flags


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if flags & ASCII and flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        self.pattern = pattern
        # a bytes pattern runs on latin-1-decoded text (one code point per byte), ASCII rules
        self._bytes = isinstance(pattern, (bytes, bytearray))
        if self._bytes:
            if flags & UNICODE:
                raise ValueError('cannot use UNICODE flag with a bytes pattern')
            pattern = bytes(pattern).decode('latin-1')
            translated, self._parents, flags = _translate(pattern, flags | ASCII)
            flags &= ~int(ASCII)
            if _HOST:
                translated = self.pattern
            res = _re.compile(translated, int(flags) | (0 if _HOST else 256))
        else:
            translated, self._parents, flags = _translate(pattern, flags)
            if not flags & ASCII:
                flags = flags | UNICODE
            if _HOST:
                translated = pattern
            res = _re.compile(translated, int(flags))
        self.flags = int(flags)
        if res[0] is None:
            msg = _ERROR_MESSAGES.get(res[3], res[1])
            pos = res[2]
            if res[3] == 109 and pos > 0 and pattern[pos - 1] in '*+?}':
                msg = 'multiple repeat'
            if res[3] == 114:
                pos = pattern.rfind('(')
                if pos < 0:
                    pos = 0
            raise error(msg, pattern, pos)
        self._code = res[0]
        self.groups = res[1]
        self.groupindex = dict(sorted(res[2], key=lambda t: t[1]))
        self._names = {}
        for name, idx in res[2]:
            self._names[idx] = name

    def _subject(self, string):
        """the str _re runs on for subject string"""
        if isinstance(string, str):
            if self._bytes:
                raise TypeError('cannot use a bytes pattern on a string-like object')
            return string
        if isinstance(string, (bytes, bytearray)):
            if not self._bytes:
                raise TypeError('cannot use a string pattern on a bytes-like object')
            return bytes(string).decode('latin-1')
        raise TypeError("expected string or bytes-like object, got '%s'"
                        % type(string).__name__)

    def _exec(self, string, pos, endpos, mode, subj=None):
        if subj is None:
            subj = self._subject(string)
        n = len(string)
        if pos < 0:
            pos = 0
        if endpos > n:
            endpos = n
        if endpos < 0:
            endpos = 0
        offs = _re.exec(self._code, string if _HOST else subj, pos, endpos, mode)
        if offs is None:
            return None
        return Match(self, string, pos, endpos, offs)

    def match(self, string, pos=0, endpos=9223372036854775807):
        return self._exec(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=9223372036854775807):
        return self._exec(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=9223372036854775807):
        return self._exec(string, pos, endpos, 0)

    def _iter(self, string, pos=0, endpos=9223372036854775807):
        subj = self._subject(string)
        n = len(string)
        if endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        mode = 0
        while pos <= endpos:
            m = self._exec(string, pos, endpos, mode, subj)
            if m is None:
                return
            yield m
            s, e = m.span()
            mode = 4 if s == e else 0
            pos = e

    def finditer(self, string, pos=0, endpos=9223372036854775807):
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=9223372036854775807):
        out = []
        g = self.groups
        empty = b'' if self._bytes else ''
        for m in self._iter(string, pos, endpos):
            if g == 0:
                out.append(m.group(0))
            elif g == 1:
                v = m.group(1)
                out.append(empty if v is None else v)
            else:
                out.append(m.groups(empty))
        return out

    def split(self, string, maxsplit=0):
        result = []
        last = 0
        count = 0
        for m in self._iter(string):
            if maxsplit and count >= maxsplit:
                break
            result.append(string[last:m.start()])
            result.extend(m.groups())
            last = m.end()
            count += 1
        result.append(string[last:])
        return result

    def subn(self, repl, string, count=0):
        rtype = bytes if self._bytes else str
        if callable(repl):
            expand = repl
        else:
            template = _parse_template(repl, self)
            if len(template) == 1 and isinstance(template[0], rtype):
                literal = template[0]
                expand = lambda m: literal
            else:
                expand = lambda m: _expand(template, m)
        parts = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            parts.append(string[last:m.start()])
            r = expand(m)
            if r is not None:
                if not isinstance(r, rtype):
                    raise TypeError('expected %s instance, %s found'
                                    % (rtype.__name__, type(r).__name__))
                parts.append(r)
            last = m.end()
            n += 1
        parts.append(string[last:])
        if self._bytes:
            return b''.join(parts), n
        return ''.join(parts), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        flags = int(self.flags)
        if not flags & ASCII:
            flags &= ~int(UNICODE)
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        if flags:
            return 're.compile(%s, %r)' % (p, RegexFlag(flags))
        return 're.compile(%s)' % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, int(self.flags)))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
            '\\': '\\'}
_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_OCT = '01234567'


def _parse_template(repl, pattern):
    """repl as a list of literal strings (bytes for a bytes pattern) and group numbers."""
    if pattern._bytes:
        if isinstance(repl, str):
            raise TypeError('sequence item 0: expected a bytes-like object, str found')
        parts = _parse_template_str(bytes(repl).decode('latin-1'), pattern.groups,
                                    pattern.groupindex)
        return [p.encode('latin-1') if isinstance(p, str) else p for p in parts]
    if not isinstance(repl, str):
        raise TypeError('sequence item 0: expected str instance, %s found'
                        % type(repl).__name__)
    return _parse_template_str(repl, pattern.groups, pattern.groupindex)


def _parse_template_str(repl, groups, groupindex):
    out = []
    lit = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', repl, i)
        d = repl[i + 1]
        if d == 'g':
            j = repl.find('>', i + 3)
            if i + 2 >= n or repl[i + 2] != '<':
                raise error('missing <', repl, i + 2)
            if j < 0:
                raise error('missing >, unterminated name', repl, i + 3)
            name = repl[i + 3:j]
            if not name:
                raise error('missing group name', repl, i + 3)
            if name.isdigit():
                idx = int(name)
                if idx > groups:
                    raise error('invalid group reference %d' % idx, repl, i + 3)
            elif name.isidentifier():
                if name not in groupindex:
                    raise IndexError('unknown group name %r' % name)
                idx = groupindex[name]
            else:
                raise error('bad character in group name %r' % name, repl, i + 3)
            if lit:
                out.append(''.join(lit))
                lit = []
            out.append(idx)
            i = j + 1
        elif d == '0':
            j = i + 2
            while j < n and j < i + 4 and repl[j] in _OCT:
                j += 1
            lit.append(chr(int(repl[i + 1:j], 8)))
            i = j
        elif d.isdigit() and d in '0123456789':
            j = i + 2
            if j < n and repl[j] in '0123456789':
                if (d in _OCT and repl[j] in _OCT and j + 1 < n and repl[j + 1] in _OCT):
                    v = int(repl[i + 1:j + 2], 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377'
                                    % repl[i + 1:j + 2], repl, i)
                    lit.append(chr(v))
                    i = j + 2
                    continue
                j += 1
            idx = int(repl[i + 1:j])
            if idx > groups:
                raise error('invalid group reference %d' % idx, repl, i + 1)
            if lit:
                out.append(''.join(lit))
                lit = []
            out.append(idx)
            i = j
        elif d in _ESCAPES:
            lit.append(_ESCAPES[d])
            i += 2
        elif d in _LETTERS:
            raise error('bad escape \\%s' % d, repl, i)
        else:
            lit.append(repl[i:i + 2])
            i += 2
    if lit or not out:
        out.append(''.join(lit))
    return out


def _expand(template, m):
    parts = []
    for t in template:
        if isinstance(t, (str, bytes)):
            parts.append(t)
        else:
            g = m.group(t)
            if g is not None:
                parts.append(g)
    if m.re._bytes:
        return b''.join(parts)
    return ''.join(parts)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, offsets):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._offs = offsets

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or type(g) is bool:
            if 0 <= g <= self.re.groups:
                return int(g)
            raise IndexError('no such group')
        if isinstance(g, str):
            idx = self.re.groupindex.get(g)
            if idx is None:
                raise IndexError('no such group')
            return idx
        raise IndexError('no such group')

    def _get(self, g, default=None):
        i = self._index(g)
        s = self._offs[2 * i]
        if s < 0:
            return default
        return self.string[s:self._offs[2 * i + 1]]

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(args[0])
        return tuple(self._get(a) for a in args)

    def __getitem__(self, g):
        return self._get(g)

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        d = {}
        for name, idx in self.re.groupindex.items():
            d[name] = self._get(idx, default)
        return d

    def start(self, group=0):
        return self._offs[2 * self._index(group)]

    def end(self, group=0):
        return self._offs[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._offs[2 * i], self._offs[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._offs[2 * i], self._offs[2 * i + 1])
                     for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        parents = self.re._parents
        for i in range(1, self.re.groups + 1):
            s = self._offs[2 * i]
            if s < 0:
                continue
            e = self._offs[2 * i + 1]
            if best is None or e > best_end:
                best, best_end = i, e
            elif e == best_end:
                if _is_ancestor(parents, i, best):
                    best = i
                elif not _is_ancestor(parents, best, i) and i > best:
                    best = i
        return best

    @property
    def lastgroup(self):
        li = self.lastindex
        if li is None:
            return None
        return self.re._names.get(li)

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _is_ancestor(parents, a, b):
    """is group a an enclosing group of group b"""
    p = parents[b]
    while p:
        if p == a:
            return True
        p = parents[p]
    return False


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError('first argument must be string or compiled pattern')
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression cache."
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        out = []
        for c in pattern:
            if c in _SPECIAL:
                out.append('\\' + c)
            else:
                out.append(c)
        return ''.join(out)
    out = bytearray()
    for b in pattern:
        if chr(b) in _SPECIAL:
            out.append(92)
        out.append(b)
    return bytes(out)
