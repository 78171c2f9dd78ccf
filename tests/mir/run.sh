#!/usr/bin/env bash
# tests/mir/run.sh - golden tests of the MIR text form and the ssa and simplify passes.
# For every tests/mir/X.mir: the text round-trips through mir_parse/mir_print_program, and when
# X.ssa.expected exists, `test_mirtool X.mir --ssa` prints exactly it, and when X.simplify.expected
# exists, `test_mirtool X.mir --ssa --simplify` prints exactly it.  Expected files are the
# compiler's own IR, written and reviewed by hand (no external oracle): keep them small.
# Last line: "N passed, N failed".  Usage: tests/mir/run.sh [BUILD_DIR]  (default build)
set -u
cd "$(dirname "$0")/../.."
build=${1:-build}
make -s "$build/tests/test_mirtool" BUILD="$build" >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
"$build/tests/test_mirtool" tests/mir
