#!/usr/bin/env bash
# Runs the runtime's tests: every unit test program (tests/runtime/unit/*.c, built into
# BUILD/tests/runtime/unit/) and the differential tests against python3 (tests/runtime/diff/:
# difftest.py for numbers and formatting, tbtest.py for printed tracebacks).
#
# usage: tests/runtime/run.sh [BUILD] [--unit-only] [--scale F]
#   BUILD defaults to build; `make runtime-test` builds everything first.
# The last line is the total 'N passed, N failed'; exit 1 when anything failed.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
build=build; unit_only=0; scale=1
while (($#)); do
  case $1 in
    --unit-only) unit_only=1 ;;
    --scale) scale=$2; shift ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) build=$1 ;;
  esac
  shift
done
tp=0; tf=0
add() {   # add OUTPUT-FILE EXIT-CODE: sums the last 'N passed, N failed' line
  local last; last=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
  if [[ $last =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    tp=$((tp + BASH_REMATCH[1])); tf=$((tf + BASH_REMATCH[2]))
    if (($2 != 0 && BASH_REMATCH[2] == 0)); then tf=$((tf + 1)); fi
  else
    echo "BROKEN: no result line (exit $2)"; tf=$((tf + 1))
  fi
}
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
for t in "$build"/tests/runtime/unit/*; do
  [[ -x $t && ! $t =~ \.d$ ]] || continue
  echo "=== $(basename "$t")"
  "$t" >"$tmp" 2>&1; rc=$?
  grep -E 'FAIL|ERROR|Sanitizer' "$tmp" | head -n 20
  tail -n 1 "$tmp"
  add "$tmp" $rc
done
if ((!unit_only)); then
  echo "=== differential tests against python3"
  python3 tests/runtime/diff/difftest.py "$build/tests/runtime/diff/driver" --scale "$scale" >"$tmp" 2>&1; rc=$?
  grep -v -E '^[a-z]+: [0-9]+ passed, 0 failed$' "$tmp" | head -n 60
  add "$tmp" $rc
  echo "=== uncaught-exception printing against python3"
  count=$(python3 -c "print(max(20, int(2000 * $scale)))")
  python3 tests/runtime/diff/tbtest.py "$build/tests/runtime/diff/driver" --count "$count" >"$tmp" 2>&1; rc=$?
  grep -v -E '^[a-z]+: [0-9]+ passed, 0 failed$' "$tmp" | head -n 80
  add "$tmp" $rc
fi
echo "$tp passed, $tf failed"
((tf == 0))
