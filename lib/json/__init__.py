"""JSON (RFC 8259) encoding and decoding: dumps/dump/loads/load, JSONEncoder, JSONDecoder
and JSONDecodeError, with the output format and error messages of CPython's json module.

The encoder walks the value recursively, producing the same text as CPython's pure-Python
encoder (floats by repr, the same escapes and separators); the decoder is a hand-written
recursive-descent scanner reporting errors at the same positions.

As CPython's json uses _json, the C module _json (runtime/src/jsonmod.c) does the work when it
is available: c_make_scanner for decoding, c_make_encoder for encoding without indent, and the
string escaping.  Setting these module globals to None selects the pure-Python code, which stays
complete (tests run both).
"""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']


try:
    import _json
except ImportError:
    _json = None
if _json is not None and not hasattr(_json, 'set_decode_error'):
    # running under CPython (tests/lib/pyrun.py): its _json is a different C module
    _json = None

if _json is not None:
    c_make_scanner = _json.make_scanner
    c_make_encoder = _json.make_encoder
    c_scanstring = _json.scanstring
    c_encode_basestring_ascii = _json.encode_basestring_ascii
    c_encode_basestring = _json.encode_basestring
else:
    c_make_scanner = c_make_encoder = c_scanstring = None
    c_encode_basestring_ascii = c_encode_basestring = None


class JSONDecodeError(ValueError):
    """Subclass of ValueError with msg, doc, pos, lineno and colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ---- encoding ----

_ESC = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r',
        '\t': '\\t'}


def _encode_str(s, ensure_ascii):
    if ensure_ascii:
        if c_encode_basestring_ascii is not None:
            return c_encode_basestring_ascii(s)
    elif c_encode_basestring is not None:
        return c_encode_basestring(s)
    out = ['"']
    for c in s:
        e = _ESC.get(c)
        if e is not None:
            out.append(e)
            continue
        o = ord(c)
        if o < 0x20:
            out.append('\\u%04x' % o)
        elif o < 0x7f or not ensure_ascii:
            out.append(c)
        elif o < 0x10000:
            out.append('\\u%04x' % o)
        else:
            o -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 | ((o >> 10) & 0x3ff), 0xdc00 | (o & 0x3ff)))
    out.append('"')
    return ''.join(out)


def _floatstr(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class JSONEncoder:
    """Extensible JSON encoder for Python data structures."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        return ''.join(self.iterencode(o))

    def _c_encoder(self):
        if (c_make_encoder is None or self.indent is not None
                or not isinstance(self.key_separator, str)
                or not isinstance(self.item_separator, str)):
            return None
        return c_make_encoder(self.check_circular, self.default, self.ensure_ascii,
                              self.key_separator, self.item_separator, self.sort_keys,
                              self.skipkeys, self.allow_nan)

    def iterencode(self, o, _one_shot=False):
        c_encode = self._c_encoder()
        if c_encode is not None:
            return [c_encode(o)]
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        out = []
        markers = {} if self.check_circular else None
        self._enc(o, out, indent, 0, markers)
        return out

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _floatstr(key, self.allow_nan)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s'
                        % key.__class__.__name__)

    def _enc(self, o, out, indent, level, markers):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_floatstr(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._enc_list(o, out, indent, level, markers)
        elif isinstance(o, dict):
            self._enc_dict(o, out, indent, level, markers)
        else:
            if markers is not None:
                mid = id(o)
                if mid in markers:
                    raise ValueError('Circular reference detected')
                markers[mid] = o
            self._enc(self.default(o), out, indent, level, markers)
            if markers is not None:
                del markers[mid]

    def _enc_list(self, lst, out, indent, level, markers):
        if not lst:
            out.append('[]')
            return
        if markers is not None:
            mid = id(lst)
            if mid in markers:
                raise ValueError('Circular reference detected')
            markers[mid] = lst
        out.append('[')
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator = self.item_separator + newline_indent
            out.append(newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
        first = True
        for v in lst:
            if first:
                first = False
            else:
                out.append(separator)
            self._enc(v, out, indent, level, markers)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append(']')
        if markers is not None:
            del markers[mid]

    def _enc_dict(self, dct, out, indent, level, markers):
        if not dct:
            out.append('{}')
            return
        if markers is not None:
            mid = id(dct)
            if mid in markers:
                raise ValueError('Circular reference detected')
            markers[mid] = dct
        out.append('{')
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            item_separator = self.item_separator + newline_indent
            out.append(newline_indent)
        else:
            newline_indent = None
            item_separator = self.item_separator
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(_encode_str(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._enc(value, out, indent, level, markers)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append('}')
        if markers is not None:
            del markers[mid]


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str."""
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
         cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize obj as a JSON formatted stream to fp (a .write()-supporting file)."""
    if cls is None:
        cls = JSONEncoder
    chunks = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                 allow_nan=allow_nan, indent=indent, separators=separators, default=default,
                 sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in chunks:
        fp.write(chunk)


# ---- decoding ----

_WS = ' \t\n\r'
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
              't': '\t'}
_DIGITS = '0123456789'


class _NoValue(Exception):
    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


def _skip(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _decode_u(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in 'xX':
        ok = True
        for c in esc:
            if c not in '0123456789abcdefABCDEF':
                ok = False
                break
        if ok:
            return int(esc, 16)
    raise JSONDecodeError('Invalid \\uXXXX escape', s, pos)


def _scanstring(s, end, strict=True):
    if c_scanstring is not None:
        return c_scanstring(s, end, strict)
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        start = end
        while end < n:
            c = s[end]
            if c == '"' or c == '\\' or c < ' ':
                break
            end += 1
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if end > start:
            chunks.append(s[start:end])
        terminator = s[end]
        end += 1
        if terminator == '"':
            break
        if terminator != '\\':
            if strict:
                raise JSONDecodeError('Invalid control character at', s, end - 1)
            chunks.append(terminator)
            continue
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            ch = _BACKSLASH.get(esc)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, end - 1)
            end += 1
        else:
            # as CPython's C scanner: a character must follow the four digits, and a
            # second escape only pairs when a character follows it too
            if end + 5 >= n:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, end)
            uni = _decode_u(s, end)
            end += 5
            if 0xd800 <= uni <= 0xdbff and end + 6 < n and s[end:end + 2] == '\\u':
                uni2 = _decode_u(s, end + 1)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            ch = chr(uni)
        chunks.append(ch)
    return ''.join(chunks), end


class JSONDecoder:
    """Simple JSON decoder."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = c_make_scanner(self) if c_make_scanner is not None else None

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        scan_once = self.scan_once
        if scan_once is not None:
            try:
                return scan_once(s, idx)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
        try:
            return self._value(s, idx)
        except _NoValue as err:
            raise JSONDecodeError('Expecting value', s, err.pos) from None

    def _value(self, s, idx):
        n = len(s)
        if idx >= n:
            raise _NoValue(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self._object(s, idx + 1)
        if c == '[':
            return self._array(s, idx + 1)
        if c == 'n' and s.startswith('null', idx):
            return None, idx + 4
        if c == 't' and s.startswith('true', idx):
            return True, idx + 4
        if c == 'f' and s.startswith('false', idx):
            return False, idx + 5
        # numbers: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
        i = idx
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and s[i] in '123456789':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            i = -1
        if i >= 0:
            int_end = i
            is_float = False
            if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
                i += 2
                while i < n and s[i] in _DIGITS:
                    i += 1
                is_float = True
            if i < n and s[i] in 'eE':
                j = i + 1
                if j < n and s[j] in '-+':
                    j += 1
                if j < n and s[j] in _DIGITS:
                    j += 1
                    while j < n and s[j] in _DIGITS:
                        j += 1
                    i = j
                    is_float = True
            if is_float:
                return self.parse_float(s[idx:i]), i
            return self.parse_int(s[idx:int_end]), int_end
        if c == 'N' and s.startswith('NaN', idx):
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s.startswith('Infinity', idx):
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        raise _NoValue(idx)

    def _object(self, s, end):
        pairs = []
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar and nextchar in _WS:
                end = _skip(s, end)
                nextchar = s[end:end + 1]
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            elif nextchar != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes',
                                      s, end)
        end += 1
        while True:
            key, end = _scanstring(s, end, self.strict)
            if s[end:end + 1] != ':':
                end = _skip(s, end)
                if s[end:end + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            try:
                value, end = self._value(s, end)
            except _NoValue as err:
                raise JSONDecodeError('Expecting value', s, err.pos) from None
            pairs.append((key, value))
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes',
                                      s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        d = dict(pairs)
        if self.object_hook is not None:
            d = self.object_hook(d)
        return d, end

    def _array(self, s, end):
        values = []
        end = _skip(s, end)
        nextchar = s[end:end + 1]
        if nextchar == ']':
            return values, end + 1
        while True:
            try:
                value, end = self._value(s, end)
            except _NoValue as err:
                raise JSONDecodeError('Expecting value', s, err.pos) from None
            values.append(value)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
        return values, end


if _json is not None:
    _json.set_decode_error(JSONDecodeError)

_CONSTANTS = {'-Infinity': float('-inf'), 'Infinity': float('inf'), 'NaN': float('nan')}


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize s (a str, bytes or bytearray holding a JSON document)."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError('the JSON object must be str, bytes or bytearray, not %s'
                            % s.__class__.__name__)
        s = bytes(s).decode('utf-8')
    if cls is None:
        cls = JSONDecoder
    # as CPython: only the hooks that were given are passed (a cls may supply its own)
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize fp (a .read()-supporting file holding a JSON document)."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
