#!/usr/bin/env python3
"""stdlib_ast.py - the engine of tests/frontend/stdlib_ast.sh and speed.sh (run those).

Compares `aithon parse --dump-ast` with CPython's ast.dump(ast.parse(source_bytes)) on every .py
file of python3's standard library (site-packages and test/ included).  python3 is only the
oracle here: its verdicts are cached in build/stdlib-oracle/ (keyed by path, mtime and size and
the python version), never derived from aithon's output.

Commands:
  compare [--positions] [--also-positions]   the test; see stdlib_ast.sh
  accepted                                   prints the files python3 parses, NUL-separated
                                             (for speed.sh), using the cache when it is fresh

Why Python and not xargs for running aithon: a batch whose aithon process crashes or hangs must
be split so that the one bad file is blamed and the rest of the batch still gets a verdict; a
thread pool of subprocesses with timeouts does that simply.  The batches are still many files
per process, `jobs` processes at a time, as with xargs -P.
"""
import argparse
import ast
import hashlib
import json
import os
import re
import subprocess
import sys
import sysconfig
import threading
import time
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

# seconds for one aithon process; a hang costs this much once
BATCH_TIMEOUT = int(os.environ.get("STDLIB_AST_TIMEOUT", "120"))
ORACLE_FORMAT = 1            # bump when the cache layout changes


def stdlib_files(limit):
    root = sysconfig.get_paths()["stdlib"]
    out = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".py"):
                p = os.path.join(d, f)
                if os.path.isfile(p):
                    out.append(p)
    out.sort()
    if limit:
        out = out[:limit]
    return root, out


# ---- the oracle (python3), in worker processes --------------------------------------------

def _worker_init():
    # ast.dump recurses in Python and, through str.join over generators, in C: give deep trees
    # room (the work runs in a thread with a large stack, see _in_big_stack).
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1 << 29)


def _in_big_stack(fn, *args):
    res = {}

    def run():
        try:
            res["v"] = fn(*args)
        except BaseException as e:  # noqa: B036 - re-raised in the caller's thread
            res["e"] = e
    t = threading.Thread(target=run)
    t.start()
    t.join()
    if "e" in res:
        raise res["e"]
    return res["v"]


def _oracle_one(job):
    path, positions = job
    try:
        with open(path, "rb") as f:
            src = f.read()
    except OSError as e:
        return path, {"skip": "cannot read: %s" % e}, None
    try:
        tree = _in_big_stack(ast.parse, src)
    except SyntaxError as e:   # IndentationError and TabError are subclasses
        return path, {"err": type(e).__name__, "line": e.lineno, "msg": e.msg}, None
    except (ValueError, RecursionError, MemoryError) as e:
        # ValueError: null bytes (older 3.11 releases); the others: too deep to compile
        return path, {"err": type(e).__name__, "line": None, "msg": str(e)}, None
    try:
        text = _in_big_stack(ast.dump, tree, True, positions)
    except (RecursionError, MemoryError) as e:
        return path, {"skip": "python3 cannot dump it: %s" % type(e).__name__}, None
    data = text.encode("utf-8", "surrogatepass")
    return path, {"ok": True, "len": len(data)}, zlib.compress(data, 6)


class Oracle:
    """python3's verdict per file, cached on disk: index.json plus one compressed dump per file."""

    def __init__(self, build, positions):
        self.dir = os.path.join(build, "stdlib-oracle", "positions" if positions else "plain")
        self.positions = positions
        os.makedirs(self.dir, exist_ok=True)
        self.index_path = os.path.join(self.dir, "index.json")
        self.stamp = "%s/%d" % (sys.version.split()[0], ORACLE_FORMAT)
        self.index = {}
        try:
            with open(self.index_path) as f:
                saved = json.load(f)
            if saved.get("stamp") == self.stamp:
                self.index = saved["files"]
        except (OSError, ValueError, KeyError):
            pass

    def _key(self, path):
        st = os.stat(path)
        return [st.st_mtime_ns, st.st_size]

    def _blob(self, path):
        return os.path.join(self.dir, hashlib.sha1(os.fsencode(path)).hexdigest() + ".z")

    def fresh(self, path):
        e = self.index.get(path)
        try:
            return e is not None and e["key"] == self._key(path)
        except OSError:
            return False

    def save(self):
        tmp = self.index_path + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"stamp": self.stamp, "files": self.index}, f)
        os.replace(tmp, self.index_path)

    def update(self, files, jobs, quiet=False):
        todo = [p for p in files if not self.fresh(p)]
        if not todo:
            return
        if not quiet:
            print("python3 oracle: %d of %d files to (re)compute, cached in %s"
                  % (len(todo), len(files), self.dir), flush=True)
        t0 = time.time()
        with Pool(jobs, initializer=_worker_init) as pool:
            done = 0
            for path, verdict, blob in pool.imap_unordered(
                    _oracle_one, [(p, self.positions) for p in todo], chunksize=4):
                if blob is not None:
                    with open(self._blob(path), "wb") as f:
                        f.write(blob)
                try:
                    verdict["key"] = self._key(path)
                except OSError:
                    continue
                self.index[path] = verdict
                done += 1
                if done % 1000 == 0:
                    self.save()
                    if not quiet:
                        print("  %d/%d (%.0f s)" % (done, len(todo), time.time() - t0),
                              flush=True)
        self.save()

    def verdict(self, path):
        return self.index.get(path)

    def dump(self, path):
        with open(self._blob(path), "rb") as f:
            return zlib.decompress(f.read())


# ---- running aithon ------------------------------------------------------------------------

DIAG_RE = re.compile(rb"^(?::(\d+):(\d+))?: (\w+): (.*)$")


def run_batch(aithon, files, positions):
    """Runs one aithon process on files; returns {path: result}.  A result is
    ("dump", bytes) | ("reject", line, col, kind, msg) | ("crash", why) | ("noout", why).
    When the process dies or hangs, the file it was on is blamed and the rest is rerun."""
    results = {}
    pending = list(files)
    while pending:
        cmd = [aithon, "parse", "--dump-ast"] + (["--positions"] if positions else [])
        cmd += ["--"] + pending
        timed_out = False
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=BATCH_TIMEOUT)
            out, err, rc = p.stdout, p.stderr, p.returncode
        except subprocess.TimeoutExpired as e:
            out, err, rc, timed_out = e.stdout or b"", e.stderr or b"", None, True
        diags = {}
        for line in err.split(b"\n"):
            for path in pending:
                bp = os.fsencode(path)
                if line.startswith(bp) and path not in diags:
                    m = DIAG_RE.match(line[len(bp):])
                    if m:
                        diags[path] = (int(m.group(1) or 0), int(m.group(2) or 0),
                                       m.group(3).decode(), m.group(4).decode("utf-8", "replace"))
                        break
        # split stdout into per-file sections; one file alone gets no header
        sections = {}
        if len(pending) == 1:
            if out or rc in (0, 1):
                sections[pending[0]] = out
        else:
            pos = 0
            for path in pending:
                hdr = b"==> " + os.fsencode(path) + b" <==\n"
                if not out.startswith(hdr, pos):
                    break
                start = pos + len(hdr)
                nxt = out.find(b"\n==> ", start - 1)
                end = len(out) if nxt < 0 else nxt + 1
                sections[path] = out[start:end]
                pos = end
        clean_exit = rc in (0, 1)
        done_upto = len(pending)
        if not clean_exit:
            # aithon flushes stdout after each file, so the file being processed when the
            # process died is the first one without a finished section: a finished one is a
            # whole dump line, or empty with a diagnostic on stderr
            n = len(sections)
            last = pending[n - 1] if n else None
            if last is not None and not (sections[last].endswith(b"\n")
                                         or (not sections[last] and last in diags)):
                del sections[last]
                n -= 1
            blame = pending[n] if n < len(pending) else None
            if blame is not None:
                why = ("hang (no answer in %d s)" % BATCH_TIMEOUT if timed_out
                       else "exit status %d%s" % (rc, " (signal %d)" % -rc if rc < 0 else ""))
                tail = err.decode("utf-8", "replace").strip().split("\n")[-1:]
                results[blame] = ("crash", why + (": " + tail[0][:200] if tail and tail[0] else ""))
                done_upto = n + 1
            else:
                done_upto = len(pending)
        for path in pending[:done_upto]:
            if path in results:
                continue
            sec = sections.get(path)
            d = diags.get(path)
            if sec:
                results[path] = ("dump", sec[:-1] if sec.endswith(b"\n") else sec)
            elif d:
                results[path] = ("reject",) + d
            elif sec is None:
                results[path] = ("noout", "no output for this file (exit %s)" % rc)
            else:
                results[path] = ("noout", "neither a dump nor a diagnostic (exit %s)" % rc)
        pending = pending[done_upto:]
    return results


# ---- comparison ----------------------------------------------------------------------------

TOKEN_RE = re.compile(rb"b?'(?:[^'\\]|\\.)*'|b?\"(?:[^\"\\]|\\.)*\"|(\w+)\(|\)|(\w+)=")


def locate(dump, pos):
    """The innermost node and field of python's dump at byte offset pos: 'Kind.field'."""
    stack, field = [], None
    # unbounded: a string literal that spans pos must match whole, not as words and parens
    for m in TOKEN_RE.finditer(dump):
        if m.end() > pos:
            break
        if m.group(1):
            stack.append([m.group(1).decode(), None])
        elif m.group(2):
            if stack:
                stack[-1][1] = m.group(2).decode()
        elif m.group(0) == b")":
            if stack:
                stack.pop()
    if not stack:
        return "Module"
    kind, field = stack[-1]
    return "%s.%s" % (kind, field) if field else kind


def first_diff(a, b):
    n = min(len(a), len(b))
    lo, hi = 0, n
    # binary search on equal prefixes: cheap on multi-megabyte dumps
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def ctx(s, i, w=70):
    return s[max(0, i - w):i + w].decode("utf-8", "replace")


class Report:
    def __init__(self):
        self.ok_total = self.ok_same = 0
        self.rej_total = self.rej_rejected = self.rej_same_line = self.rej_same_class = 0
        self.skipped = []
        self.failures = []       # (path, category, detail lines)
        self.categories = Counter()
        self.example = {}

    def fail(self, path, category, detail):
        self.failures.append((path, category, detail))
        self.categories[category] += 1
        self.example.setdefault(category, path)


def judge(oracle, path, res, rep):
    v = oracle.verdict(path)
    if v is None or "skip" in v:
        rep.skipped.append((path, v.get("skip") if v else "no oracle verdict"))
        return
    if "ok" in v:
        rep.ok_total += 1
        if res[0] == "dump":
            want = oracle.dump(path)
            if res[1] == want:
                rep.ok_same += 1
                return
            i = first_diff(want, res[1])
            where = locate(want, i)
            rep.fail(path, "differs at " + where,
                     ["first difference at byte %d (in %s)" % (i, where),
                      "  python3: ..." + ctx(want, i),
                      "  aithon:  ..." + ctx(res[1], i)])
        elif res[0] == "reject":
            line, col, kind, msg = res[1:]
            short = re.sub(r"'[^']*'", "'...'", msg)[:60]
            rep.fail(path, "aithon rejects: %s" % short,
                     ["python3 parses it; aithon: %d:%d: %s: %s" % (line, col + 0, kind, msg)])
        else:
            rep.fail(path, res[0] + ": " + res[1].split(":")[0], [res[1]])
        return
    # python3 rejects the file
    rep.rej_total += 1
    want = "%s at line %s: %s" % (v["err"], v["line"], v["msg"])
    if res[0] == "reject":
        rep.rej_rejected += 1
        line, col, kind, msg = res[1:]
        # python3 gives no line (None or 0) for undecodable files and null bytes: any will do
        same_line = not v["line"] or v["line"] == line
        if kind == v["err"]:
            rep.rej_same_class += 1
        if same_line:
            rep.rej_same_line += 1
            return
        rep.fail(path, "rejected at another line",
                 ["python3: " + want, "aithon:  %s at line %d: %s" % (kind, line, msg)])
    elif res[0] == "dump":
        rep.fail(path, "aithon accepts what python3 rejects", ["python3: " + want])
    else:
        rep.fail(path, res[0] + ": " + res[1].split(":")[0], ["python3: " + want, res[1]])


def compare(args, positions, files, log_path):
    oracle = Oracle(args.build, positions)
    oracle.update(files, args.jobs)
    # batches: several per job so that the slow ones balance out, at most 200 files each
    nb = max(1, min(200, len(files) // (args.jobs * 8) or 1))
    batches = [files[i:i + nb] for i in range(0, len(files), nb)]
    rep = Report()
    lock = threading.Lock()
    t0 = time.time()

    def work(batch):
        res = run_batch(args.aithon, batch, positions)
        with lock:
            for path in batch:
                judge(oracle, path, res.get(path, ("noout", "lost")), rep)

    with ThreadPoolExecutor(args.jobs) as ex:
        for f in [ex.submit(work, b) for b in batches]:
            f.result()
    elapsed = time.time() - t0

    rep.failures.sort()
    with open(log_path, "w") as log:
        log.write("# stdlib AST comparison (%s), %d files, aithon %s\n"
                  % ("positions" if positions else "plain", len(files), args.aithon))
        for path, cat, detail in rep.failures:
            log.write("MISMATCH %s\n  [%s]\n" % (path, cat))
            for d in detail:
                log.write("  %s\n" % d)
        for path, why in rep.skipped:
            log.write("SKIPPED %s: %s\n" % (path, why))
    return rep, elapsed


def print_report(rep, label, log_path, elapsed):
    pct = 100.0 * rep.ok_same / rep.ok_total if rep.ok_total else 0.0
    print("%s: files identical / files python3 parses: %d / %d (%.2f%%)"
          % (label, rep.ok_same, rep.ok_total, pct))
    print("%s: files python3 rejects: %d; aithon rejects %d of them, %d at the same line, "
          "%d with the same error class" % (label, rep.rej_total, rep.rej_rejected,
                                            rep.rej_same_line, rep.rej_same_class))
    if rep.skipped:
        print("%s: %d files skipped (python3 cannot dump them, see the log)"
              % (label, len(rep.skipped)))
    if rep.categories:
        print("%s: top mismatch categories (count, category, one example):" % label)
        for cat, n in rep.categories.most_common(15):
            print("  %6d  %-50s %s" % (n, cat, rep.example[cat]))
        print("%s: every mismatch with its first differing position: %s" % (label, log_path))
    print("%s: aithon time %.1f s" % (label, elapsed))


def cmd_compare(args):
    _, files = stdlib_files(args.limit)
    if not files:
        print("no .py files found under the stdlib")
        print("0 passed, 1 failed")
        return 1
    print("stdlib AST: %d files, %d jobs, aithon = %s" % (len(files), args.jobs, args.aithon),
          flush=True)
    if args.also_positions:
        log = os.path.join(args.build, "stdlib-ast-positions.log")
        prep, el = compare(args, True, files, log)
        print_report(prep, "positions (informational)", log, el)
        print("positions (informational): %d passed, %d failed"
              % (prep.ok_same + prep.rej_same_line, len(prep.failures)))
        print()
    main_positions = args.positions and not args.also_positions
    log = os.path.join(args.build, "stdlib-ast-positions.log" if main_positions
                       else "stdlib-ast.log")
    rep, el = compare(args, main_positions, files, log)
    print_report(rep, "positions" if main_positions else "plain", log, el)
    passed = rep.ok_same + rep.rej_same_line
    print("%d passed, %d failed" % (passed, len(rep.failures)))
    return 0 if not rep.failures else 1


def cmd_accepted(args):
    _, files = stdlib_files(args.limit)
    oracle = Oracle(args.build, False)
    oracle.update(files, args.jobs, quiet=True)
    out = sys.stdout.buffer
    for p in files:
        v = oracle.verdict(p)
        if v and "ok" in v:
            out.write(os.fsencode(p) + b"\0")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["compare", "accepted"])
    ap.add_argument("--aithon", default="build/aithon")
    ap.add_argument("--build", default="build")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--positions", action="store_true",
                    help="compare include_attributes=True dumps instead")
    ap.add_argument("--also-positions", action="store_true",
                    help="first an informational positions run, then the plain test")
    args = ap.parse_args()
    args.jobs = max(1, args.jobs)
    return cmd_compare(args) if args.command == "compare" else cmd_accepted(args)


if __name__ == "__main__":
    sys.exit(main())
