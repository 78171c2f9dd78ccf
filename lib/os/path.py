"""os.path: the POSIX path functions of lib/posixpath.py (CPython's os.path is posixpath)."""

from posixpath import (sep, curdir, pardir, extsep, altsep, pathsep, defpath, devnull,
                       supports_unicode_filenames, normcase, isabs, join, split, splitext,
                       splitdrive, basename, dirname, normpath, abspath, realpath, relpath,
                       commonprefix, commonpath, expanduser, expandvars, exists, lexists,
                       isfile, isdir, islink, ismount, getsize, getmtime, getatime, getctime,
                       samestat, samefile)
