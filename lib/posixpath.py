"""posixpath - path operations on POSIX paths; os.path is this module.

Pure string functions follow CPython's documented results (join, split, normpath, relpath
...); the file-system queries (exists, isdir, getsize ...) call posix.stat.
"""

import posix

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_unicode_filenames = False

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    r = f(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                        % (type(p).__name__, type(r).__name__))
    return r


def _seps(p):
    if isinstance(p, bytes):
        return b'/', b'.', b'..', b''
    return '/', '.', '..', ''


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _fspath(a)
    sl = _seps(a)[0]
    path = a
    for b in p:
        b = _fspath(b)
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(sl):
            path = b
        elif not path or path.endswith(sl):
            path = path + b
        else:
            path = path + sl + b
    return path


def split(p):
    p = _fspath(p)
    sl = _seps(p)[0]
    i = p.rfind(sl) + 1
    head, tail = p[:i], p[i:]
    if head and head != sl * len(head):
        head = head.rstrip(sl)
    return head, tail


def splitext(p):
    p = _fspath(p)
    sl, dot = _seps(p)[0], _seps(p)[1]
    sep_index = p.rfind(sl)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    p = _fspath(p)
    sl = _seps(p)[0]
    i = p.rfind(sl) + 1
    head = p[:i]
    if head and head != sl * len(head):
        head = head.rstrip(sl)
    return head


def normpath(path):
    path = _fspath(path)
    sl, dot, dotdot, empty = _seps(path)
    if path == empty:
        return dot
    initial = 1 if path.startswith(sl) else 0
    if initial and path.startswith(sl * 2) and not path.startswith(sl * 3):
        initial = 2
    comps = path.split(sl)
    new_comps = []
    for comp in comps:
        if comp == empty or comp == dot:
            continue
        if (comp != dotdot or (not initial and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sl.join(new_comps)
    if initial:
        path = sl * initial + path
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        if isinstance(path, bytes):
            cwd = posix.getcwd().encode()
        else:
            cwd = posix.getcwd()
        path = join(cwd, path)
    return normpath(path)


def _joinrealpath(path, rest, seen):
    sl, dot, dotdot, empty = _seps(path)
    if isabs(rest):
        rest = rest[1:]
        path = sl
    while rest:
        name, _, rest = rest.partition(sl)
        if not name or name == dot:
            continue
        if name == dotdot:
            if path:
                path, name = split(path)
                if name == dotdot:
                    path = join(path, dotdot, dotdot)
            else:
                path = dotdot
            continue
        newpath = join(path, name)
        if not islink(newpath):
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, posix.readlink(newpath), seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    path, ok = _joinrealpath(filename[:0], filename, {})
    return abspath(path)


def relpath(path, start=None):
    path = _fspath(path)
    if not path:
        raise ValueError("no path specified")
    sl, dot, dotdot, empty = _seps(path)
    if start is None:
        start = dot
    else:
        start = _fspath(start)
    start_list = [x for x in abspath(start).split(sl) if x]
    path_list = [x for x in abspath(path).split(sl) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple([_fspath(x) for x in m])
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple([_fspath(p) for p in paths])
    sl, dot, dotdot, empty = _seps(paths[0])
    split_paths = [path.split(sl) for path in paths]
    try:
        isabs_set = set([p[:1] == sl for p in paths])
    except TypeError:
        raise TypeError("Can't mix strings and bytes in path components") from None
    if len(isabs_set) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    is_abs = paths[0][:1] == sl
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sl if is_abs else sl[:0]
    return prefix + sl.join(common)


def expanduser(path):
    path = _fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sl = _seps(path)[0]
    i = path.find(sl, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    userhome = posix.environ.get('HOME')
    if userhome is None:
        return path
    if isinstance(path, bytes):
        userhome = userhome.encode()
    userhome = userhome.rstrip(sl)
    return (userhome + path[i:]) or sl


def expandvars(path):
    path = _fspath(path)
    if '$' not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c == '$' and i + 1 < n:
            if path[i + 1] == '{':
                j = path.find('}', i + 2)
                if j < 0:
                    out.append(path[i:])
                    break
                name = path[i + 2:j]
                end = j + 1
            else:
                j = i + 1
                while j < n and (path[j].isalnum() or path[j] == '_'):
                    j += 1
                name = path[i + 1:j]
                end = j
            if name and name in posix.environ:
                out.append(posix.environ[name])
            else:
                out.append(path[i:end])
            i = end
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def _mode(path, follow=True):
    try:
        st = posix.stat(path) if follow else posix.lstat(path)
    except (OSError, ValueError):
        return None
    return st[0]


def exists(path):
    return _mode(path) is not None


def lexists(path):
    return _mode(path, False) is not None


def isfile(path):
    m = _mode(path)
    return m is not None and (m & _S_IFMT) == _S_IFREG


def isdir(s):
    m = _mode(s)
    return m is not None and (m & _S_IFMT) == _S_IFDIR


def islink(path):
    m = _mode(path, False)
    return m is not None and (m & _S_IFMT) == _S_IFLNK


def ismount(path):
    try:
        s1 = posix.lstat(path)
    except (OSError, ValueError):
        return False
    if (s1[0] & _S_IFMT) == _S_IFLNK:
        return False
    parent = join(path, _seps(_fspath(path))[2])
    try:
        s2 = posix.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1[2] != s2[2] or s1[1] == s2[1]


def getsize(filename):
    return posix.stat(filename)[6]


def getmtime(filename):
    return posix.stat(filename)[8]


def getatime(filename):
    return posix.stat(filename)[7]


def getctime(filename):
    return posix.stat(filename)[9]


def samestat(s1, s2):
    return s1[1] == s2[1] and s1[2] == s2[2]


def samefile(f1, f2):
    return samestat(posix.stat(f1), posix.stat(f2))
