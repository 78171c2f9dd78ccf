#!/usr/bin/env bash
# The runtime's differential tests against python3: builds the driver (make runtime-test-bins)
# and runs tests/runtime/diff/difftest.py, which generates seeded random cases (ints, int/str
# conversions, float repr of 1,000,000 doubles, float parsing and arithmetic, format specs for
# int/float/complex/str, complex, float.hex/fromhex) and compares every result with python3's.
#
# usage: tests/runtime/run_diff.sh [--scale F] [--seed N] [--section NAME]...
# The last line is 'N passed, N failed' (one per case); exit 1 when anything failed.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
build=${BUILD:-build}
make -s BUILD="$build" runtime-test-bins >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
exec python3 tests/runtime/diff/difftest.py "$build/tests/runtime/diff/driver" "$@"
