#!/bin/sh
# run.sh - golden tests of semantic analysis: tests/sema/cases/*.py.
#
#   tests/sema/run.sh            check every case with `aithon check`
#   tests/sema/run.sh --update   regenerate the expectations FROM PYTHON3 (never from aithon)
#
# A case NAME.py with NAME.err must fail with exactly that first diagnostic line,
#     NAME.py:LINE:OFFSET: SyntaxError: message
# where LINE and OFFSET are python3's SyntaxError.lineno and .offset (1-based, byte-based for
# these errors), i.e. what diag_print prints; a case without .err must be accepted (exit 0, no
# output).  When python3 reports no line (lineno < 1) the expectation has no location, as
# diag_print prints a Diag without one.  Environment: AITHON (default build/aithon).
# Last line: "N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
aithon=${AITHON:-$root/build/aithon}
cases=$here/cases

if [ "${1:-}" = "--update" ]; then
    python3 - "$cases" <<'EOF'
import os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    if not name.endswith(".py"):
        continue
    path = os.path.join(d, name)
    err = path[:-3] + ".err"
    with open(path, "rb") as f:
        src = f.read()
    try:
        compile(src, name, "exec")
    except SyntaxError as e:
        if e.lineno is None or e.lineno < 1:
            line = "%s: SyntaxError: %s\n" % (name, e.msg)
        else:
            line = "%s:%d:%d: SyntaxError: %s\n" % (name, e.lineno, e.offset or 0, e.msg)
        with open(err, "w") as f:
            f.write(line)
        continue
    if os.path.exists(err):
        os.remove(err)
EOF
    echo "expectations regenerated from $(python3 --version)"
    exit 0
fi

if [ ! -x "$aithon" ]; then
    echo "run.sh: $aithon not built" >&2
    exit 2
fi
pass=0
fail=0
cd "$cases" || exit 2
for py in *.py; do
    name=${py%.py}
    out=$("$aithon" check "$py" 2>&1)
    rc=$?
    if [ -f "$name.err" ]; then
        got=$(printf '%s\n' "$out" | head -n 1)
        want=$(cat "$name.err")
        if [ "$rc" -ne 0 ] && [ "$got" = "$want" ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $py"
            echo "  want: $want"
            echo "  got:  $got (exit $rc)"
        fi
    else
        if [ "$rc" -eq 0 ] && [ -z "$out" ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $py (should be accepted)"
            printf '%s\n' "$out" | head -n 3 | sed 's/^/  /'
        fi
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
