#!/bin/sh
# tests/lib/run.sh - the bundled library's tests (tests/lib/<module>_test.py, expected output
# <module>_test.out made by python3 with CPython's own stdlib).
#   1. every test under python3 with lib/ in place of CPython's modules (pyrun.py);
#   2. the tests listed in aithon.ratchet, compiled by build/aithon (a listed test must keep
#      passing; add a test once it passes).
# Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
AITHON=${AITHON:-build/aithon}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for t in tests/lib/*_test.py; do
    name=$(basename "$t" .py)
    if python3 -I -S tests/lib/pyrun.py lib "$t" > "$tmp/$name.py.out" 2>&1 &&
       cmp -s "$tmp/$name.py.out" "tests/lib/$name.out"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL (python3+lib): $name"
    fi
done
if [ -x "$AITHON" ]; then
    for name in $(grep -v '^#' tests/lib/aithon.ratchet); do
        if "$AITHON" build "tests/lib/$name.py" -o "$tmp/$name.bin" > "$tmp/$name.log" 2>&1 &&
           "$tmp/$name.bin" > "$tmp/$name.aithon.out" 2>&1 &&
           cmp -s "$tmp/$name.aithon.out" "tests/lib/$name.out"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL (aithon): $name"
        fi
    done
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
