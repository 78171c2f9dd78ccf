"""glob - pathnames matching a shell pattern (fnmatch rules per component; ** with
recursive=True; names starting with '.' match only a pattern starting with '.')."""

import os
import fnmatch

__all__ = ["glob", "iglob", "escape", "has_magic"]


def has_magic(s):
    if isinstance(s, bytes):
        s = s.decode('latin-1')
    return '*' in s or '?' in s or '[' in s


def escape(pathname):
    drive, path = os.path.splitdrive(pathname)
    out = []
    for c in path:
        if c in '*?[':
            out.append('[' + c + ']')
        else:
            out.append(c)
    return drive + ''.join(out)


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, recursive=recursive,
                      include_hidden=include_hidden))


def _join(root_dir, p):
    if root_dir is None or not p:
        return p
    return os.path.join(root_dir, p)


def _exists(root_dir, p):
    return os.path.lexists(_join(root_dir, p) if p else (root_dir or os.curdir))


def _isdir(root_dir, p):
    return os.path.isdir(_join(root_dir, p) if p else (root_dir or os.curdir))


def _listdir(root_dir, dirname):
    path = _join(root_dir, dirname) if dirname else (root_dir or os.curdir)
    try:
        return os.listdir(path)
    except OSError:
        return []


def _hidden(name):
    return name[:1] == '.'


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    pathname = os.fspath(pathname)
    it = _iglob(pathname, root_dir, recursive, include_hidden, False)
    skip_empty = not pathname or (recursive and _is_recursive(pathname[:2]))
    for p in it:
        if skip_empty:
            skip_empty = False
            if not p:
                continue
        yield p


def _is_recursive(pattern):
    return pattern == '**'


def _iglob(pathname, root_dir, recursive, hidden, dironly):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _exists(root_dir, pathname):
                yield pathname
        elif _isdir(root_dir, dirname):
            yield pathname
        return
    if not dirname:
        if recursive and _is_recursive(basename):
            for p in _rlist(root_dir, dirname, hidden, dironly):
                yield p
        else:
            for p in _glob1(root_dir, dirname, basename, hidden, dironly):
                yield p
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, hidden, True)
    else:
        dirs = [dirname]
    for d in dirs:
        if recursive and _is_recursive(basename):
            names = _rlist(root_dir, d, hidden, dironly)
        elif has_magic(basename):
            names = _glob1(root_dir, d, basename, hidden, dironly)
        else:
            names = [basename] if _exists(root_dir, os.path.join(d, basename)) else []
            if dironly:
                names = [n for n in names if _isdir(root_dir, os.path.join(d, n))]
        for name in names:
            yield os.path.join(d, name)


def _glob1(root_dir, dirname, pattern, hidden, dironly):
    names = _listdir(root_dir, dirname)
    if not (hidden or _hidden(pattern)):
        names = [n for n in names if not _hidden(n)]
    if dironly:
        names = [n for n in names if _isdir(root_dir, os.path.join(dirname, n))]
    return fnmatch.filter(names, pattern)


def _rlist(root_dir, dirname, hidden, dironly):
    yield dirname[:0]
    for p in _rlistdir(root_dir, dirname, hidden, dironly):
        yield p


def _rlistdir(root_dir, dirname, hidden, dironly):
    for name in _listdir(root_dir, dirname):
        if not hidden and _hidden(name):
            continue
        full = os.path.join(dirname, name) if dirname else name
        isdir = _isdir(root_dir, full)
        if not dironly or isdir:
            yield name
        if isdir and not os.path.islink(_join(root_dir, full) if root_dir else full):
            for y in _rlistdir(root_dir, full, hidden, dironly):
                yield os.path.join(name, y)
