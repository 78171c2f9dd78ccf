#!/usr/bin/env bash
# Runtime glue tests: each tests/runtime/glue/*.py is compiled with the aithon under test,
# run (stdin from NAME.in when present), and its stdout+exit code compared with NAME.out, which
# python3 produced (`python3 NAME.py > NAME.out`; never regenerate it with aithon).
#
# usage: tests/runtime/glue/run.sh [AITHON] [NAME ...]     (AITHON defaults to build/aithon)
# The last line is 'N passed, N failed'; exit 1 when anything failed.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
aithon=${1:-$here/../../../build/aithon}; shift || true
names=("$@")
((${#names[@]})) || names=($(cd "$here" && ls *.py | sed 's/\.py$//'))
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0
for n in "${names[@]}"; do
  src=$here/$n.py
  if ! "$aithon" build "$src" -o "$work/$n" 2>"$work/$n.err"; then
    echo "FAIL $n: build failed: $(head -c 300 "$work/$n.err")"; fail=$((fail + 1)); continue
  fi
  input=/dev/null; [[ -f $here/$n.in ]] && input=$here/$n.in
  (cd "$work" && timeout 10 "./$n" <"$input" >"$work/$n.got" 2>"$work/$n.stderr")
  if ! diff -u "$here/$n.out" "$work/$n.got" >"$work/$n.diff"; then
    echo "FAIL $n: stdout differs"; head -n 20 "$work/$n.diff"; head -c 400 "$work/$n.stderr"
    fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
done
echo "$pass passed, $fail failed"
((fail == 0))
