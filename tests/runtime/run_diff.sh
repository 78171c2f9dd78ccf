#!/usr/bin/env bash
# The runtime's differential tests against python3: builds the driver (make runtime-test-bins)
# and runs
#   tests/runtime/diff/difftest.py  seeded random cases (ints, int/str conversions, float repr
#                                   of 1,000,000 doubles, float parsing and arithmetic, format
#                                   specs for int/float/complex/str, complex, float.hex/fromhex,
#                                   operators on mixed types through the generic protocol)
#   tests/runtime/diff/tbtest.py    random raise/except/chaining/group programs: the printed
#                                   uncaught exception compared with python3's
#
# usage: tests/runtime/run_diff.sh [BUILD] [--scale F] [--seed N]
# The last line is 'N passed, N failed' (one per case); exit 1 when anything failed.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
build=build; scale=1; seed=20261122
while (($#)); do
  case $1 in
    --scale) scale=$2; shift ;;
    --seed) seed=$2; shift ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) build=$1 ;;
  esac
  shift
done
make -s BUILD="$build" runtime-test-bins >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
driver=$build/tests/runtime/diff/driver
count=$(python3 -c "print(max(20, int(2000 * $scale)))")
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
python3 tests/runtime/diff/difftest.py "$driver" --scale "$scale" --seed "$seed" | tee "$tmp"
python3 tests/runtime/diff/tbtest.py "$driver" --count "$count" --seed "$seed" | tee -a "$tmp"
grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp" |
  awk '{p += $1; f += $3} END {printf "%d passed, %d failed\n", p, f; exit (f > 0)}'
