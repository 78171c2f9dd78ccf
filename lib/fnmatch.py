"""fnmatch - Unix shell-style wildcards: * (any run), ? (one character), [seq], [!seq].

Patterns are matched directly (an iterative matcher that backtracks only to the last *),
not translated to a regular expression; translate() is still provided for callers that
want one."""

import os
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def _parse(pat):
    """The pattern as a list of items: ('*',), ('?',), ('[', negate, chars, ranges) or a
    literal character."""
    items = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not items or items[-1] != ('*',):
                items.append(('*',))
        elif c == '?':
            items.append(('?',))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                items.append('[')
                continue
            body = pat[i:j]
            i = j + 1
            negate = False
            if body[:1] == '!':
                negate = True
                body = body[1:]
            chars = []
            ranges = []
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    ranges.append((body[k], body[k + 2]))
                    k += 3
                else:
                    chars.append(body[k])
                    k += 1
            items.append(('[', negate, ''.join(chars), ranges))
        else:
            items.append(c)
    return items


def _item_matches(item, c):
    if isinstance(item, str):
        return item == c
    if item[0] == '?':
        return True
    hit = c in item[2]
    if not hit:
        for lo, hi in item[3]:
            if lo <= c <= hi:
                hit = True
                break
    return hit != item[1]


_cache = {}


def _compiled(pat):
    items = _cache.get(pat)
    if items is None:
        if len(_cache) >= 256:
            _cache.clear()
        items = _parse(pat)
        _cache[pat] = items
    return items


def fnmatchcase(name, pat):
    if isinstance(pat, bytes):
        pat = str(pat, 'latin-1')
        name = str(name, 'latin-1')
    items = _compiled(pat)
    ni = 0
    pi = 0
    star_pi = -1
    star_ni = 0
    nn = len(name)
    np = len(items)
    while ni < nn:
        if pi < np and items[pi] == ('*',):
            star_pi = pi
            star_ni = ni
            pi += 1
        elif pi < np and _item_matches(items[pi], name[ni]):
            pi += 1
            ni += 1
        elif star_pi >= 0:
            pi = star_pi + 1
            star_ni += 1
            ni = star_ni
        else:
            return False
    while pi < np and items[pi] == ('*',):
        pi += 1
    return pi == np


def fnmatch(name, pat):
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    pat = os.path.normcase(pat)
    return [name for name in names if fnmatchcase(os.path.normcase(name), pat)]


def _escape_re(s):
    special = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'
    return ''.join(['\\' + c if c in special else c for c in s])


def translate(pat):
    parts = []
    for item in _parse(pat):
        if isinstance(item, str):
            parts.append(_escape_re(item))
        elif item[0] == '*':
            parts.append('.*')
        elif item[0] == '?':
            parts.append('.')
        else:
            body = ''.join([_escape_re(c) for c in item[2]])
            body += ''.join([_escape_re(lo) + '-' + _escape_re(hi) for lo, hi in item[3]])
            parts.append('[' + ('^' if item[1] else '') + body + ']')
    return '(?s:' + ''.join(parts) + r')\Z'
