"""io - in-memory streams (StringIO, BytesIO) and the names of the io module.

open() and the file types are the runtime's (runtime/src/fileio.c); io.open is that open,
and TextIOWrapper / BufferedReader / BufferedWriter / BufferedRandom are its types.
StringIO and BytesIO are written here: the text is kept as one str (or bytes) plus a list
of pieces appended at the end, joined when anything else is done, so a run of writes stays
linear.
"""

import sys
import _io

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open


UnsupportedOperation = _io.UnsupportedOperation


class IOBase:
    """The common base of the in-memory streams."""

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def flush(self):
        self._checkClosed()

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)

    def readlines(self, hint=-1):
        if hint is None:
            hint = -1
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _index(v, what):
    if v is None:
        return -1
    if not isinstance(v, int):
        if hasattr(type(v), '__index__'):
            return v.__index__()
        raise TypeError("argument should be integer or None, not '%s'" % type(v).__name__)
    return v


class _Memory(IOBase):
    """The shared machinery of StringIO and BytesIO over a str or bytes value."""

    def _flat(self):
        if self._parts:
            self._buf = self._empty.join([self._buf] + self._parts)
            self._parts = []
        return self._buf

    def close(self):
        self.closed = True

    def tell(self):
        self._checkClosed()
        return self._pos

    def _read(self, size):
        self._checkClosed()
        buf = self._flat()
        pos = self._pos
        if size is None or size < 0:
            end = len(buf)
        else:
            end = min(len(buf), pos + size)
        if pos >= end:
            return self._empty
        self._pos = end
        return buf[pos:end]

    def _write(self, s):
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._len:
            self._parts.append(s)
            self._len += n
        else:
            buf = self._flat()
            if pos > len(buf):
                buf = buf + self._pad * (pos - len(buf))
            buf = buf[:pos] + s + buf[pos + n:]
            self._buf = buf
            self._len = len(buf)
        self._pos = pos + n
        return n

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self._pos
        else:
            size = _index(size, 'size')
            if size < 0:
                raise ValueError("Negative size value %d" % size)
        buf = self._flat()
        if size < len(buf):
            self._buf = buf[:size]
            self._len = size
        return size

    def getvalue(self):
        self._checkClosed()
        return self._flat()


class StringIO(_Memory, TextIOBase):
    """Text I/O in memory."""

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    _empty = ''
    _pad = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self.closed = False
        self._newline = newline
        self._seen = 0
        self._buf = ''
        self._parts = []
        self._len = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)

    @property
    def line_buffering(self):
        self._checkClosed()
        return False

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    @property
    def newlines(self):
        self._checkClosed()
        if self._newline is not None:
            return None
        kinds = [k for bit, k in ((1, '\r'), (2, '\n'), (4, '\r\n')) if self._seen & bit]
        if not kinds:
            return None
        if len(kinds) == 1:
            return kinds[0]
        return tuple(kinds)

    def detach(self):
        self._unsupported("detach")

    def read(self, size=-1):
        return self._read(_index(size, 'size'))

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        nl = self._newline
        if nl is None:
            if '\r' in s:
                if '\r\n' in s:
                    self._seen |= 4
                if '\r' in s.replace('\r\n', ''):
                    self._seen |= 1
                s = s.replace('\r\n', '\n').replace('\r', '\n')
            if '\n' in s:
                self._seen |= 2
        elif nl in ('\r', '\r\n'):
            s = s.replace('\n', nl)
        self._write(s)
        return n

    def readline(self, size=-1):
        self._checkClosed()
        size = _index(size, 'size')
        buf = self._flat()
        pos = self._pos
        end = len(buf)
        if size >= 0:
            end = min(end, pos + size)
        if pos >= end:
            return ''
        nl = self._newline
        if nl == '':
            i = pos
            stop = end
            while i < end:
                c = buf[i]
                if c == '\n':
                    stop = i + 1
                    break
                if c == '\r':
                    if i + 1 < end and buf[i + 1] == '\n':
                        stop = i + 2
                    else:
                        stop = i + 1
                    break
                i += 1
        else:
            term = '\n' if nl is None else nl
            i = buf.find(term, pos, end)
            stop = end if i < 0 else i + len(term)
            if i >= 0 and stop > end:
                stop = end
        self._pos = stop
        return buf[pos:stop]

    def seek(self, pos, whence=0):
        self._checkClosed()
        pos = _index(pos, 'pos')
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._len
        self._pos = pos
        return pos

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(_Memory, BufferedIOBase):
    """Binary I/O in memory."""

    _empty = b''
    _pad = b'\0'

    def __init__(self, initial_bytes=b''):
        self.closed = False
        self._buf = b''
        self._parts = []
        self._len = 0
        self._pos = 0
        if initial_bytes is not None:
            self._buf = bytes(initial_bytes)
            self._len = len(self._buf)

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)

    def read(self, size=-1):
        return self._read(_index(size, 'size'))

    def read1(self, size=-1):
        return self._read(_index(size, 'size'))

    def write(self, b):
        self._checkClosed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not isinstance(b, bytes):
            try:
                b = bytes(b) if isinstance(b, bytearray) else bytes(memoryview(b))
            except (TypeError, NameError):
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(b).__name__) from None
        return self._write(b)

    def readinto(self, buffer):
        data = self._read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n

    def readline(self, size=-1):
        self._checkClosed()
        size = _index(size, 'size')
        buf = self._flat()
        pos = self._pos
        end = len(buf)
        if size >= 0:
            end = min(end, pos + size)
        if pos >= end:
            return b''
        i = buf.find(b'\n', pos, end)
        stop = end if i < 0 else i + 1
        self._pos = stop
        return buf[pos:stop]

    def getbuffer(self):
        self._checkClosed()
        return bytearray(self._flat())

    def seek(self, pos, whence=0):
        self._checkClosed()
        pos = _index(pos, 'pos')
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, self._len + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos


def _file_types():
    try:
        f = open('/dev/null')
        t = type(f)
        f.close()
        f = open('/dev/null', 'rb')
        r = type(f)
        f.close()
        f = open('/dev/null', 'wb')
        w = type(f)
        f.close()
        f = open('/dev/null', 'rb+')
        rw = type(f)
        f.close()
        return t, r, w, rw
    except OSError:
        return TextIOBase, BufferedIOBase, BufferedIOBase, BufferedIOBase


TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom = _file_types()
FileIO = BufferedRandom
