#!/usr/bin/env bash
# tests/runtime/str/run.sh [BUILD] [--asan] - the str/bytes/bytearray tests of the runtime.
#
#   1. C unit tests (tests/runtime/str/test_str.c): invariants, the code-point index, interning,
#      hashing with PYTHONHASHSEED, searching, buffers;
#   2. the differential test: gen_cases.py draws random cases over tricky strings for every
#      method and operator and records python3's answers; strdiff (C, linked with the runtime)
#      answers the same cases; compare.py counts each case;
#   3. the code-point sweep: every property and case mapping of all 0x110000 code points, in
#      blocks of 4096 (sweep.py vs strdiff --sweep).
# The programs are built by the Makefile's runtime rules into BUILD (default build).  python3
# is only the oracle.  The last line is 'N passed, N failed' over all three.
# --asan builds into build/asan-rt with clang-19, ASan + UBSan and the malloc allocator (as
# `make runtime-asan` does) and runs one differential seed instead of three.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../../.." || exit 2
BUILD=build; asan=0
for a in "$@"; do
  case $a in
    --asan) asan=1; BUILD=build/asan-rt ;;
    -*) echo "unknown option $a" >&2; exit 2 ;;
    *) BUILD=$a ;;
  esac
done
make_args=(BUILD="$BUILD")
seeds=(1 2 3)
if ((asan)); then
  make_args+=(CC=clang-19 RT_GC=malloc
              "CFLAGS=-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined")
  export ASAN_OPTIONS=detect_leaks=0
  seeds=(1)
fi
dir=tests/runtime/str
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PYTHONHASHSEED=0          # makes hash() of ASCII str and bytes comparable with python3

if ! make -s "${make_args[@]}" "$BUILD/tests/runtime/str/strdiff" "$BUILD/tests/runtime/str/test_str" >"$tmp/build.log" 2>&1; then
  cat "$tmp/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

pass=0; fail=0
add() {   # adds the counts of the last 'N passed, N failed' line of file $1
  local last; last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
  if [[ $last =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    pass=$((pass + BASH_REMATCH[1])); fail=$((fail + BASH_REMATCH[2]))
  else
    fail=$((fail + 1)); echo "no result line in $1"
  fi
}

echo "=== unit"
"$BUILD/tests/runtime/str/test_str" >"$tmp/unit.txt" 2>&1
grep -E 'FAIL|Sanitizer|runtime error' "$tmp/unit.txt" | head -n 20; tail -n 1 "$tmp/unit.txt"; add "$tmp/unit.txt"

echo "=== differential (python3 $(python3 -c 'import sys; print(sys.version.split()[0])'))"
for seed in "${seeds[@]}"; do
  python3 $dir/gen_cases.py "$seed" 250 "$tmp/cases" "$tmp/expected" || { fail=$((fail + 1)); continue; }
  "$BUILD/tests/runtime/str/strdiff" <"$tmp/cases" >"$tmp/actual" 2>"$tmp/stderr"
  rc=$?
  python3 $dir/compare.py "$tmp/cases" "$tmp/expected" "$tmp/actual" 30 >"$tmp/cmp.txt"
  cat "$tmp/cmp.txt" | head -n 120
  if ((rc != 0)) || grep -q -E 'Sanitizer|runtime error' "$tmp/stderr"; then
    echo "strdiff exited $rc"; head -n 20 "$tmp/stderr"; fail=$((fail + 1))
  fi
  add "$tmp/cmp.txt"
done

echo "=== code-point sweep"
python3 $dir/sweep.py "$tmp/sweep_expected" &
"$BUILD/tests/runtime/str/strdiff" --sweep >"$tmp/sweep_actual" 2>"$tmp/sweep_stderr" || { echo "sweep exited $?"; fail=$((fail + 1)); }
wait
grep -E 'Sanitizer|runtime error' "$tmp/sweep_stderr" | head -n 20
python3 $dir/compare_sweep.py "$tmp/sweep_expected" "$tmp/sweep_actual" >"$tmp/sweep.txt"
head -n 30 "$tmp/sweep.txt"; add "$tmp/sweep.txt"

echo "$pass passed, $fail failed"
((fail == 0))
