#!/usr/bin/env python3
"""Differential test of uncaught-exception printing against python3.

Generates seeded random programs: a chain of functions f1 -> f2 -> ... -> fk where fk raises
(or divides by zero), and each level either just calls the next or catches and raises anew
(implicit chaining, `from e`, `from None`, or an ExceptionGroup holding the caught exception).
python3 runs each program; its uncaught-exception output (sys.excepthook, CPython's C printer)
is the expectation.  The same scenario is replayed in the runtime as the compiled program would
do it (raise, traceback entries per frame, handler enter/leave) by the driver's T command, and
the printed texts are compared.  Last line: "N passed, N failed".

usage: tbtest.py DRIVER [--seed N] [--count N] [--show N]
"""
import argparse
import io
import os
import random
import subprocess
import sys
import tempfile

TYPES = ['ValueError', 'KeyError', 'RuntimeError', 'TypeError', 'OSError', 'LookupError']
MSGS = ['', 'boom', 'two words', "it's", 'ünïcode ok', 'x' * 40]


def hexs(s):
    return 'h' + s.encode('utf-8').hex()


def gen_case(r):
    """(program text, driver actions)"""
    k = r.randrange(1, 6)
    lines = []
    actions = []   # filled innermost-first as the exception propagates
    plan = []
    for i in range(1, k + 1):
        start = len(lines) + 1
        lines.append('def f%d():' % i)
        if i < k:
            kind = r.choice(['call', 'call', 'implicit', 'from', 'fromnone', 'group'])
            if kind == 'call':
                lines.append('    f%d()' % (i + 1))
                plan.append((i, kind, start + 1, None, None, None))
            else:
                t, m = r.choice(TYPES), r.choice(MSGS)
                lines.append('    try:')
                lines.append('        f%d()' % (i + 1))
                lines.append('    except Exception as e:')
                if kind == 'implicit':
                    lines.append('        raise %s(%r)' % (t, m))
                elif kind == 'from':
                    lines.append('        raise %s(%r) from e' % (t, m))
                elif kind == 'fromnone':
                    lines.append('        raise %s(%r) from None' % (t, m))
                else:
                    lines.append('        raise ExceptionGroup(%r, [e, TypeError("t")])' % m)
                plan.append((i, kind, start + 2, start + 4, t, m))
        else:
            v = r.random()
            if v < 0.25:
                lines.append('    x = 0')
                lines.append('    return 1 / x')
                plan.append((i, 'div', start + 2, None, None, None))
            elif v < 0.5:
                # recursion: repeated entries collapse after three
                depth = r.randrange(0, 9)
                t, m = r.choice(TYPES), r.choice(MSGS)
                lines[-1] = 'def f%d(n=%d):' % (i, depth)
                lines.append('    if n:')
                lines.append('        return f%d(n - 1)' % i)
                lines.append('    raise %s(%r)' % (t, m))
                plan.append((i, 'recurse', start + 3, start + 2, t, (m, depth)))
            elif v < 0.6:
                t, m = r.choice(TYPES), r.choice(MSGS)
                note = r.choice(['a note', 'two\nlines', '', 'ends\n', 'cr\r\nlf', '\n', 'x\ry',
                                 'a\x0bb', 'u\u2028v', 'n\x85l'])
                lines.append('    err = %s(%r)' % (t, m))
                lines.append('    err.add_note(%r)' % note)
                lines.append('    raise err')
                plan.append((i, 'note', start + 3, None, t, (m, note)))
            else:
                t, m = r.choice(TYPES), r.choice(MSGS)
                lines.append('    raise %s(%r)' % (t, m))
                plan.append((i, 'raise', start + 1, None, t, m))
    lines.append('')
    lines.append('f1()')
    src = '\n'.join(lines) + '\n'
    module_line = len(lines)
    actions.append('src:' + src.encode('utf-8').hex())
    # innermost first
    i, kind, line, raise_line, t, m = plan[-1]
    if kind == 'div':
        actions.append('raise:ZeroDivisionError:' + hexs('division by zero'))
        # "    return 1 / x": the expression 1 / x spans columns 11..16, the operator 13..14
        actions.append('tbp:f%d:%d:11:16:13:14' % (i, line))
    elif kind == 'recurse':
        m, depth = m
        actions.append('raise:%s:%s' % (t, hexs(m)))
        actions.append('tb:f%d:%d' % (i, line))
        # "        return fI(n - 1)": the call spans from column 15
        call = 'f%d(n - 1)' % i
        for _ in range(depth):
            actions.append('tbp:f%d:%d:15:%d:-1:-1' % (i, raise_line, 15 + len(call)))
    elif kind == 'note':
        m, note = m
        actions.append('raise:%s:%s' % (t, hexs(m)))
        actions.append('note:' + hexs(note))
        actions.append('tb:f%d:%d' % (i, line))
    else:
        actions.append('raise:%s:%s' % (t, hexs(m)))
        actions.append('tb:f%d:%d' % (i, line))
    for i, kind, line, raise_line, t, m in reversed(plan[:-1]):
        actions.append('tb:f%d:%d' % (i, line))
        if kind == 'call':
            continue
        actions.append('catch')
        if kind == 'implicit':
            actions.append('raise:%s:%s' % (t, hexs(m)))
        elif kind == 'from':
            actions.append('from:%s:%s' % (t, hexs(m)))
        elif kind == 'fromnone':
            actions.append('fromnone:%s:%s' % (t, hexs(m)))
        else:
            actions.append('group:' + hexs(m))
        actions.append('tb:f%d:%d' % (i, raise_line))
        actions.append('leave')
    actions.append('tb:<module>:%d' % module_line)
    return src, 'T ' + ' '.join(actions)


HARNESS = r'''
import io, os, runpy, sys
out = []
for path in sys.argv[1:]:
    err = io.StringIO()
    try:
        runpy.run_path(path, run_name='__main__')
    except BaseException as e:
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != os.path.basename(path):
            tb = tb.tb_next
        e.__traceback__ = tb   # the C printer reads the exception's own traceback
        saved = sys.stderr
        sys.stderr = err
        try:
            sys.excepthook(type(e), e, tb)
        finally:
            sys.stderr = saved
    out.append(err.getvalue().encode('utf-8').hex())
print('\n'.join(out))
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('driver')
    ap.add_argument('--seed', type=int, default=20261122)
    ap.add_argument('--count', type=int, default=500)
    ap.add_argument('--show', type=int, default=5)
    args = ap.parse_args()
    r = random.Random('%d-tb' % args.seed)
    cases = [gen_case(r) for _ in range(args.count)]
    with tempfile.TemporaryDirectory() as d:
        names = []
        for n, (src, _) in enumerate(cases):
            # every program is "prog.py" in its own directory, as the runtime names the file
            sub = os.path.join(d, str(n))
            os.mkdir(sub)
            with open(os.path.join(sub, 'prog.py'), 'w') as f:
                f.write(src)
            names.append(os.path.join(str(n), 'prog.py'))
        # run from each program's directory so that co_filename is exactly "prog.py"
        expected = []
        harness = os.path.join(d, 'harness.py')
        with open(harness, 'w') as f:
            f.write(HARNESS.replace("runpy.run_path(path, run_name='__main__')",
                                    "os.chdir(os.path.join(%r, os.path.dirname(path))); "
                                    "runpy.run_path('prog.py', run_name='__main__')" % d))
        out = subprocess.run([sys.executable, harness] + names, stdout=subprocess.PIPE,
                             check=True, cwd=d).stdout.decode().split('\n')
        expected = ['s ' + h for h in out]
    got = subprocess.run([args.driver], input=('\n'.join(c[1] for c in cases) + '\n').encode(),
                         stdout=subprocess.PIPE).stdout.decode().split('\n')
    passed = failed = 0
    for n, (src, _) in enumerate(cases):
        want = expected[n] if n < len(expected) else '<missing>'
        have = got[n] if n < len(got) else '<missing>'
        if want == have:
            passed += 1
        else:
            failed += 1
            if failed <= args.show:
                dec = lambda s: bytes.fromhex(s[2:]).decode('utf-8', 'replace') if s.startswith('s ') else s
                print('MISMATCH case %d\n--- program\n%s--- python3\n%s--- aithon\n%s---'
                      % (n, src, dec(want), dec(have)))
    print('tracebacks: %d passed, %d failed' % (passed, failed))
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
