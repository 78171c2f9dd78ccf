"""os - operating-system interfaces on top of the C module `posix` (runtime/src/posixmod.c).

os.path is the package module lib/os/path.py (the functions of lib/posixpath.py), so both
`import os.path` and `from os import path` work.
"""

import posix
import sys
from os import path

name = 'posix'
sep = '/'
altsep = None
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
linesep = '\n'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

F_OK = posix.F_OK
R_OK = posix.R_OK
W_OK = posix.W_OK
X_OK = posix.X_OK
O_RDONLY = posix.O_RDONLY
O_WRONLY = posix.O_WRONLY
O_RDWR = posix.O_RDWR
O_APPEND = posix.O_APPEND
O_CREAT = posix.O_CREAT
O_EXCL = posix.O_EXCL
O_TRUNC = posix.O_TRUNC
O_NOFOLLOW = posix.O_NOFOLLOW
O_CLOEXEC = posix.O_CLOEXEC
O_NONBLOCK = posix.O_NONBLOCK
O_DIRECTORY = posix.O_DIRECTORY

error = OSError

getcwd = posix.getcwd
chdir = posix.chdir
listdir = posix.listdir
mkdir = posix.mkdir
rmdir = posix.rmdir
unlink = posix.unlink
remove = posix.remove
rename = posix.rename
replace = posix.replace
symlink = posix.symlink
readlink = posix.readlink
access = posix.access
getpid = posix.getpid
getppid = posix.getppid
getuid = posix.getuid
cpu_count = posix.cpu_count
strerror = posix.strerror
urandom = posix.urandom
open = posix.open
close = posix.close
read = posix.read
write = posix.write
isatty = posix.isatty
umask = posix.umask
chmod = posix.chmod


def _seconds_to_ns(t):
    # whole seconds and the fraction apart, so that large times keep their nanoseconds
    whole = int(t)
    if whole > t:
        whole -= 1
    return whole * 1000000000 + int(round((t - whole) * 1e9))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        ns = (_seconds_to_ns(times[0]), _seconds_to_ns(times[1]))
    posix.utime(path, ns)


def getcwdb():
    return posix.getcwd().encode()


class stat_result(tuple):
    """The result of os.stat: a 10-tuple with st_* attributes (the float times and the
    *_ns integers are attributes only)."""

    n_sequence_fields = 10
    n_fields = 16

    def __new__(cls, raw):
        self = tuple.__new__(cls, (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6],
                                   int(raw[7]), int(raw[8]), int(raw[9])))
        self._raw = raw
        return self

    st_mode = property(lambda self: self._raw[0])
    st_ino = property(lambda self: self._raw[1])
    st_dev = property(lambda self: self._raw[2])
    st_nlink = property(lambda self: self._raw[3])
    st_uid = property(lambda self: self._raw[4])
    st_gid = property(lambda self: self._raw[5])
    st_size = property(lambda self: self._raw[6])
    st_atime = property(lambda self: self._raw[7])
    st_mtime = property(lambda self: self._raw[8])
    st_ctime = property(lambda self: self._raw[9])
    st_atime_ns = property(lambda self: self._raw[10])
    st_mtime_ns = property(lambda self: self._raw[11])
    st_ctime_ns = property(lambda self: self._raw[12])
    st_blksize = property(lambda self: self._raw[13])
    st_blocks = property(lambda self: self._raw[14])
    st_rdev = property(lambda self: self._raw[15])

    def __repr__(self):
        return ('os.stat_result(st_mode=%d, st_ino=%d, st_dev=%d, st_nlink=%d, st_uid=%d, '
                'st_gid=%d, st_size=%d, st_atime=%d, st_mtime=%d, st_ctime=%d)'
                % tuple(self))

    def __reduce__(self):
        return (stat_result, (self._raw,))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if follow_symlinks:
        return stat_result(posix.stat(path))
    return stat_result(posix.lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(posix.lstat(path))


def fstat(fd):
    return stat_result(posix.fstat(fd))


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    r = f(p)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                    % (type(p).__name__, type(r).__name__))


class PathLike:
    """The abstract base of objects with __fspath__ (isinstance checks the method)."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


# ---- the environment ----

class _Environ(dict):
    """os.environ: a dict of str whose changes are passed to putenv/unsetenv."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not " + type(value).__name__)
        posix.putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        posix.unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            value = dict.__getitem__(self, key)
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, value=None):
        if key not in self:
            self[key] = value
        return dict.__getitem__(self, key)

    def update(self, *args, **kw):
        for k, v in dict(*args, **kw).items():
            self[k] = v

    def clear(self):
        for k in list(self):
            del self[k]

    def copy(self):
        return dict(self)

    def __repr__(self):
        return 'environ(' + dict.__repr__(self) + ')'


environ = _Environ(posix.environ)


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    posix.putenv(key, value)


def unsetenv(key):
    posix.unsetenv(key)


# ---- directories ----

def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = curdir.encode()
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """An entry of os.scandir: name, path, and cached is_dir/is_file/is_symlink/stat."""

    def __init__(self, dirpath, name):
        self.name = name
        if dirpath is None:
            self.path = name
        else:
            self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def __fspath__(self):
        return self.path

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return None

    def is_dir(self, *, follow_symlinks=True):
        m = self._mode(follow_symlinks)
        return m is not None and (m & 0o170000) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        m = self._mode(follow_symlinks)
        return m is not None and (m & 0o170000) == 0o100000

    def is_symlink(self):
        m = self._mode(False)
        return m is not None and (m & 0o170000) == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    def __init__(self, dirpath):
        names = listdir(dirpath if dirpath is not None else '.')
        self._entries = [DirEntry(dirpath, n) for n in names]
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= len(self._entries):
            raise StopIteration
        e = self._entries[self._i]
        self._i += 1
        return e

    def close(self):
        self._i = len(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    if path is not None:
        path = fspath(path)
    return _ScandirIterator(path)


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        is_symlink = entry.is_symlink()
                    except OSError:
                        is_symlink = False
                    walk_into = not is_symlink
                if walk_into:
                    walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def get_terminal_size(fd=1):
    columns = int(environ.get('COLUMNS', '80') or 80)
    lines = int(environ.get('LINES', '24') or 24)
    return terminal_size((columns, lines))


class terminal_size(tuple):
    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])
