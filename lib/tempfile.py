"""tempfile - temporary files and directories: gettempdir, mkstemp, mkdtemp,
TemporaryDirectory, NamedTemporaryFile, TemporaryFile.  Names are 8 characters drawn from
os.urandom; creation uses O_EXCL (files) or mkdir (directories) and retries on a clash."""

import os

TMP_MAX = 10000
template = 'tmp'

_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_'
_tempdir = None


def _random_name():
    data = os.urandom(8)
    return ''.join([_CHARS[b % len(_CHARS)] for b in data])


def _candidate_dirs():
    for env in ('TMPDIR', 'TEMP', 'TMP'):
        d = os.getenv(env)
        if d:
            yield d
    yield '/tmp'
    yield '/var/tmp'
    yield '/usr/tmp'
    yield os.getcwd()


def gettempdir():
    global _tempdir
    if _tempdir is None:
        for d in _candidate_dirs():
            d = os.path.abspath(d)
            if os.path.isdir(d) and os.access(d, os.W_OK | os.X_OK):
                _tempdir = d
                break
        else:
            raise FileNotFoundError(2, "No usable temporary directory found")
    return _tempdir


def gettempdirb():
    return gettempdir().encode()


tempdir = None


def gettempprefix():
    return template


def _sanitize(suffix, prefix, dir):
    if suffix is None:
        suffix = ''
    if prefix is None:
        prefix = template
    if dir is None:
        dir = tempdir if tempdir is not None else gettempdir()
    return suffix, prefix, dir


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    for _ in range(TMP_MAX):
        file = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            fd = os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, os.path.abspath(file)
    raise FileExistsError(17, "No usable temporary file name found")


def mkdtemp(suffix=None, prefix=None, dir=None):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        file = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(file)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix='', prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        file = os.path.join(dir, prefix + _random_name() + suffix)
        if not os.path.exists(file):
            return file
    raise FileExistsError(17, "No usable temporary filename found")


def _rmtree(path, ignore_errors=False):
    for entry in list(os.scandir(path)):
        try:
            if entry.is_dir(follow_symlinks=False):
                _rmtree(entry.path, ignore_errors)
            else:
                os.unlink(entry.path)
        except OSError:
            if not ignore_errors:
                raise
    try:
        os.rmdir(path)
    except OSError:
        if not ignore_errors:
            raise


class TemporaryDirectory:
    """A directory removed with everything in it by cleanup() or at the end of a with."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done and os.path.exists(self.name):
            self._done = True
            _rmtree(self.name, self._ignore_cleanup_errors)


class _TemporaryFileWrapper:
    """A file object with a .name on disk, deleted at close when delete is true."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if not self._closed:
            self._closed = True
            try:
                self.file.close()
            finally:
                if self.delete:
                    try:
                        os.unlink(self.name)
                    except FileNotFoundError:
                        pass

    @property
    def closed(self):
        return self.file.closed


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir, 'b' not in mode)
    os.close(fd)
    try:
        if 'b' in mode:
            file = open(name, mode.replace('w', 'r') if '+' in mode else mode)
        else:
            file = open(name, mode.replace('w', 'r') if '+' in mode else mode,
                        encoding=encoding, newline=newline, errors=errors)
    except BaseException:
        os.unlink(name)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    return NamedTemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir, True,
                              errors=errors)


class SpooledTemporaryFile(_TemporaryFileWrapper):
    def __init__(self, max_size=0, mode='w+b', buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        f = NamedTemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir)
        _TemporaryFileWrapper.__init__(self, f.file, f.name, True)
