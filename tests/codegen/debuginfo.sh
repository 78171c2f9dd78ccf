#!/usr/bin/env bash
# DWARF line tables of a compiled program: the lines of the source that hold code map to machine
# code (objdump's decoded line table names the Python file and line), in the compile unit of a
# Python program.
# usage: tests/codegen/debuginfo.sh [AITHON]      last line: "N passed, N failed"
set -u
here=$(cd "$(dirname "$0")" && pwd)
aithon=${1:-$here/../../build/aithon}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/dbg.py" <<'PY'
def square(x):
    y = x * x
    return y


class Box:
    def get(self):
        return 42


total = 0
for i in range(3):
    total += square(i)
print(total, Box().get())
PY
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }
(cd "$tmp" && "$aithon" build dbg.py -o dbg) || { echo "FAIL build"; echo "0 passed, 1 failed"; exit 1; }
check "runs" '[[ $("$tmp/dbg") == "5 42" ]]'
objdump --dwarf=decodedline "$tmp/dbg" >"$tmp/lines" 2>/dev/null
for line in 2 8 11 12 13 14; do
  check "line $line has code" "grep -qE '^dbg\.py +$line +0x' '$tmp/lines'"
done
objdump --dwarf=info "$tmp/dbg" >"$tmp/info" 2>/dev/null
check "compile unit named after the program" "grep -q 'DW_AT_name.*/dbg\.py\$' '$tmp/info'"
check "language Python" "grep -q 'DW_AT_language.*Python' '$tmp/info'"
echo "$pass passed, $fail failed"
((fail == 0))
