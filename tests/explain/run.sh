#!/usr/bin/env bash
# tests/explain/run.sh - golden tests of the typed tier's reports: for every NAME.py here,
# `aithon explain NAME.py` must print exactly NAME.expected; when NAME.pyi exists,
# `aithon check --types NAME.py` must print exactly it; when NAME.out exists (written by
# python3), the compiled program must print exactly it.  The expected files are the compiler's
# own reports (no external oracle), reviewed by hand: the inferred types and the reason codes
# of src/infer/reasons.def.  Last line: "N passed, N failed".
# usage: tests/explain/run.sh [AITHON]
set -u -o pipefail
here=$(cd "$(dirname "$0")" && pwd)
aithon=${1:-$here/../../build/aithon}
aithon=$(cd "$(dirname "$aithon")" && pwd)/$(basename "$aithon")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
cd "$here"
for src in *.py; do
  name=${src%.py}
  if [[ -f $name.expected ]]; then
    # reports name files by the absolute path programs see: make it relative to this directory
    if "$aithon" explain "$src" 2>&1 | sed "s|$here/||g" >"$tmp/$name.explain" && cmp -s "$tmp/$name.explain" "$name.expected"; then
      pass=$((pass + 1))
    else
      echo "FAIL $name: explain output differs"; diff "$name.expected" "$tmp/$name.explain" | head -10
      fail=$((fail + 1))
    fi
  fi
  if [[ -f $name.out ]]; then   # the program's output as python3 printed it (never aithon)
    if "$aithon" run "$src" >"$tmp/$name.stdout" 2>&1 && cmp -s "$tmp/$name.stdout" "$name.out"; then
      pass=$((pass + 1))
    else
      echo "FAIL $name: run output differs"; diff "$name.out" "$tmp/$name.stdout" | head -10
      fail=$((fail + 1))
    fi
  fi
  if [[ -f $name.pyi ]]; then
    if "$aithon" check --types "$src" >"$tmp/$name.pyi" 2>&1 && cmp -s "$tmp/$name.pyi" "$name.pyi"; then
      pass=$((pass + 1))
    else
      echo "FAIL $name: check --types output differs"; diff "$name.pyi" "$tmp/$name.pyi" | head -10
      fail=$((fail + 1))
    fi
  fi
done
echo "$pass passed, $fail failed"
