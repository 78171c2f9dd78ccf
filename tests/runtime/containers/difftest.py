#!/usr/bin/env python3
"""difftest.py - differential test of the runtime's list/dict/set/tuple/range against python3.

usage: difftest.py DRIVER [--cases N] [--seed S] [--ops K]

Generates N random cases (seeded: the same seed gives the same cases), each a sequence of K
operations on one list L, one dict D and one set S (tuple and range operations are derived
from them), runs every case through the C driver (driver.c, reading the operations on stdin)
and through the reference implementation below (the same operations, executed by python3),
and compares the output line by line.  Values are ints chosen to hit the interesting paths:
small ints, -1/-2 (equal hashes), multiples of 2**61-1 (hash 0 and other collisions), big ints.
Last line: 'N passed, N failed' (cases).
"""
import random
import subprocess
import sys

M = 2**61 - 1
POOL = list(range(-3, 24)) + [M, 2 * M, M + 1, 2 * M + 1, -M, 2**64, -(2**70), 10**20]


def val(r):
    return r.choice(POOL) if r.random() < 0.25 else r.randint(-3, 23)


def vals(r, n=None):
    return [val(r) for _ in range(r.randint(0, 6) if n is None else n)]


def opt(r, lo, hi):
    return 'N' if r.random() < 0.3 else str(r.randint(lo, hi))


def gen_op(r):
    k = r.random()
    if k < 0.40:
        op = r.choice(['la', 'la', 'la', 'le', 'li', 'lp', 'lpi', 'lr', 'lx', 'lc', 'lrev', 'ls',
                       'lsr', 'lg', 'lgs', 'lss', 'lds', 'lsi', 'ldi', 'lm', 'lim', 'lcmp', 'lt',
                       'lsk', 'lin'])
        if op in ('la', 'lr', 'lx', 'lc', 'lin'):
            return [op, val(r)]
        if op in ('le', 'lcmp'):
            return [op] + vals(r)
        if op in ('li', 'lsi'):
            return [op, r.randint(-12, 12), val(r)]
        if op in ('lpi', 'lg', 'ldi'):
            return [op, r.randint(-12, 12)]
        if op in ('lgs', 'lds'):
            return [op, opt(r, -12, 12), opt(r, -12, 12), r.choice(['N', '1', '2', '-1', '-2', '3', '0'])]
        if op == 'lss':
            return [op, opt(r, -12, 12), opt(r, -12, 12), r.choice(['N', '1', '2', '-1', '-3'])] + ['|'] + vals(r)
        if op in ('lm', 'lim'):
            return [op, r.randint(-1, 3)]
        return [op]
    if k < 0.72:
        op = r.choice(['ds', 'ds', 'ds', 'dd', 'dg', 'dp', 'dpi', 'dsd', 'du', 'dk', 'dv', 'di',
                       'dclr', 'deq', 'dko', 'dio', 'dfk', 'dor', 'drev', 'din'])
        if op in ('ds', 'dsd'):
            return [op, val(r), val(r)]
        if op in ('dd', 'dg', 'dp', 'din'):
            return [op, val(r)]
        if op in ('du', 'dor', 'deq'):
            return [op] + vals(r, 2 * r.randint(0, 3))
        if op in ('dko', 'dio'):
            return [op, r.choice('&|-^')] + vals(r)
        if op == 'dfk':
            return [op] + vals(r)
        return [op]
    if k < 0.97:
        op = r.choice(['sa', 'sa', 'sa', 'sd', 'sr', 'sp', 'su', 'si', 'sdu', 'sx', 'sor', 'sand',
                       'ssub', 'sxor', 'sle', 'sge', 'seq', 'fh', 'sclr', 'sdis', 'sin', 'scopy',
                       'sund', 'smi'])
        if op in ('sa', 'sd', 'sr', 'sin'):
            return [op, val(r)]
        if op in ('sp', 'sclr', 'fh', 'scopy'):
            return [op]
        return [op] + vals(r, r.randint(0, 12))
    op = r.choice(['rg', 'rs', 'rc', 'rl'])
    return [op, r.randint(-30, 30), r.randint(-30, 30), r.choice([1, 2, -1, -3, 5, 0]),
            r.randint(-40, 40), opt(r, -10, 10), opt(r, -10, 10), r.choice(['N', '1', '-1', '2', '-3'])]


def ni(t):
    return None if t == 'N' else int(t)


def run_op(st, op):
    """executes one operation on the state, returns the line to print"""
    L, D, S = st['L'], st['D'], st['S']
    name, a = op[0], op[1:]
    try:
        if name == 'la': L.append(a[0]); return repr(L)
        if name == 'le': L.extend(a); return repr(L)
        if name == 'li': L.insert(a[0], a[1]); return repr(L)
        if name == 'lp': return repr(L.pop()) + ' ' + repr(L)
        if name == 'lpi': return repr(L.pop(a[0])) + ' ' + repr(L)
        if name == 'lr': L.remove(a[0]); return repr(L)
        if name == 'lx': return repr(L.index(a[0]))
        if name == 'lc': return repr(L.count(a[0]))
        if name == 'lin': return repr(a[0] in L)
        if name == 'lrev': L.reverse(); return repr(L)
        if name == 'ls': L.sort(); return repr(L)
        if name == 'lsr': L.sort(reverse=True); return repr(L)
        if name == 'lsk':
            L.sort(key=lambda x: x % 5); return repr(L)
        if name == 'lg': return repr(L[a[0]])
        if name == 'lgs': return repr(L[ni(a[0]):ni(a[1]):ni(a[2])])
        if name == 'lss':
            L[ni(a[0]):ni(a[1]):ni(a[2])] = a[4:]; return repr(L)
        if name == 'lds':
            del L[ni(a[0]):ni(a[1]):ni(a[2])]; return repr(L)
        if name == 'lsi': L[a[0]] = a[1]; return repr(L)
        if name == 'ldi': del L[a[0]]; return repr(L)
        if name == 'lm': return repr(L * a[0])
        if name == 'lim':
            L *= a[0]
            if len(L) > 64: del L[64:]
            return repr(L)
        if name == 'lcmp':
            return repr((L < a, L <= a, L == a, L != a, L > a, L >= a, L + a))
        if name == 'lt':
            t = tuple(L); return repr((t, hash(t), t[1:], t * 2, t == tuple(L)))
        if name == 'ds': D[a[0]] = a[1]; return repr(D)
        if name == 'dd': del D[a[0]]; return repr(D)
        if name == 'dg': return repr(D.get(a[0]))
        if name == 'din': return repr(a[0] in D)
        if name == 'dp': return repr(D.pop(a[0])) + ' ' + repr(D)
        if name == 'dpi': return repr(D.popitem()) + ' ' + repr(D)
        if name == 'dsd': return repr(D.setdefault(a[0], a[1])) + ' ' + repr(D)
        if name == 'du': D.update(dict(zip(a[0::2], a[1::2]))); return repr(D)
        if name == 'dor': return repr(D | dict(zip(a[0::2], a[1::2])))
        if name == 'deq': return repr(D == dict(zip(a[0::2], a[1::2])))
        if name == 'dk': return repr(D.keys())
        if name == 'dv': return repr(D.values())
        if name == 'di': return repr(D.items())
        if name == 'drev': return repr(list(reversed(D)))
        if name == 'dclr': D.clear(); return repr(D)
        if name == 'dfk': return repr(dict.fromkeys(a))
        if name in ('dko', 'dio'):
            v = D.keys() if name == 'dko' else D.items()
            o = set(a[1:]) if name == 'dko' else {(x, x) for x in a[1:]}
            f = {'&': lambda: v & o, '|': lambda: v | o, '-': lambda: v - o, '^': lambda: v ^ o}
            return repr(f[a[0]]())
        if name == 'sa': S.add(a[0]); return repr(S)
        if name == 'sd': S.discard(a[0]); return repr(S)
        if name == 'sr': S.remove(a[0]); return repr(S)
        if name == 'sp': return repr(S.pop()) + ' ' + repr(S)
        if name == 'sin': return repr(a[0] in S)
        if name == 'su': S.update(a); return repr(S)
        if name == 'si': S.intersection_update(a); return repr(S)
        if name == 'sdu': S.difference_update(a); return repr(S)
        if name == 'sx': S.symmetric_difference_update(a); return repr(S)
        if name == 'sor': return repr(S | set(a))
        if name == 'sand': return repr(S & set(a))
        if name == 'ssub': return repr(S - set(a))
        if name == 'sxor': return repr(S ^ set(a))
        if name == 'sund': return repr(S.union(a, a[1:]))
        if name == 'smi': S -= set(a); return repr(S)
        if name == 'sle': return repr((S <= set(a), S < set(a)))
        if name == 'sge': return repr((S >= set(a), S > set(a)))
        if name == 'seq': return repr((S == set(a), S == frozenset(a)))
        if name == 'sdis': return repr(S.isdisjoint(a))
        if name == 'fh': f = frozenset(S); return repr((f, hash(f)))
        if name == 'scopy': return repr(S.copy())
        if name == 'sclr': S.clear(); return repr(S)
        if name in ('rg', 'rs', 'rc', 'rl'):
            r = range(a[0], a[1], a[2])
            if name == 'rg':
                return repr((r, len(r), r[a[3]] if -len(r) <= a[3] < len(r) else None, hash(r) == hash(range(a[0], a[1], a[2]))))
            if name == 'rs':
                s = r[ni(a[4]):ni(a[5]):ni(a[6])]; return repr((s, list(s), s == range(0)))
            if name == 'rc':
                return repr((a[3] in r, r.count(a[3]), r.index(a[3]) if a[3] in r else -1))
            return repr((list(r), list(reversed(r))))
        return 'bad op'
    except Exception as e:
        return f'E {type(e).__name__}: {e}'


def main():
    args = sys.argv[1:]
    driver = args[0]
    cases, seed, nops = 3000, 1, 40
    i = 1
    while i < len(args):
        if args[i] == '--cases': cases = int(args[i + 1]); i += 2
        elif args[i] == '--seed': seed = int(args[i + 1]); i += 2
        elif args[i] == '--ops': nops = int(args[i + 1]); i += 2
        else: sys.exit('unknown option ' + args[i])
    r = random.Random(seed)
    text, expected = [], []
    for c in range(cases):
        st = {'L': [], 'D': {}, 'S': set()}
        text.append('case %d' % c)
        exp = []
        for _ in range(nops):
            op = gen_op(r)
            text.append(' '.join(map(str, op)))
            exp.append(run_op(st, [op[0]] + [x if isinstance(x, str) else x for x in op[1:]]))
        expected.append((c, text[-nops:], exp))
    out = subprocess.run([driver], input='\n'.join(text) + '\n', capture_output=True,
                         text=True, timeout=600)
    got = out.stdout.split('\n')
    # the driver prints 'case N' lines too: split into cases
    per = {}
    cur = None
    for line in got:
        if line.startswith('case '):
            cur = int(line[5:]); per[cur] = []
        elif cur is not None:
            per[cur].append(line)
    passed = failed = 0
    shown = 0
    for c, ops, exp in expected:
        g = per.get(c, [])
        if g[:len(exp)] == exp:
            passed += 1
        else:
            failed += 1
            if shown < 5:
                shown += 1
                for j, e in enumerate(exp):
                    gj = g[j] if j < len(g) else '<missing>'
                    if gj != e:
                        print(f'MISMATCH case {c} op {j}: {ops[j]}')
                        print(f'  python: {e}')
                        print(f'  aithon: {gj}')
                        break
    if out.returncode != 0:
        print(f'driver exit {out.returncode}: {out.stderr[-2000:]}')
        failed += 1
    print(f'{passed} passed, {failed} failed')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
