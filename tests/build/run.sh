#!/usr/bin/env bash
# tests/build/run.sh - end-to-end tests of `aithon build`: each NAME.py (or NAME/main.py, a
# multi-file program) is compiled and run; its stdout must equal NAME.out, which python3 wrote
# (never aithon).  Optional: NAME.code, the expected exit status (default 0); NAME.err, the
# expected last line of stderr (the exception line of a traceback).
# usage: tests/build/run.sh [AITHON]      last line: "N passed, N failed"
set -u
here=$(cd "$(dirname "$0")" && pwd)
aithon=${1:-$here/../../build/aithon}
aithon=$(cd "$(dirname "$aithon")" && pwd)/$(basename "$aithon")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
cd "$here"
for out in *.out; do
  name=${out%.out}
  if [[ -f $name.py ]]; then dir=.; src=$name.py
  elif [[ -f $name/main.py ]]; then dir=$name; src=main.py
  else continue; fi
  exe=$tmp/$name
  if ! (cd "$dir" && "$aithon" build "$src" -o "$exe") >"$tmp/$name.build" 2>&1; then
    echo "FAIL $name: build failed: $(head -c 400 "$tmp/$name.build")"
    fail=$((fail + 1)); continue
  fi
  (cd "$dir" && timeout 10 "$exe") >"$tmp/$name.stdout" 2>"$tmp/$name.stderr"
  rc=$?
  want_rc=0; [[ -f $name.code ]] && want_rc=$(cat "$name.code")
  ok=1
  if ! cmp -s "$tmp/$name.stdout" "$out"; then
    echo "FAIL $name: stdout differs"; diff "$out" "$tmp/$name.stdout" | head -10; ok=0
  fi
  if [[ $rc != "$want_rc" ]]; then
    echo "FAIL $name: exit status $rc, expected $want_rc: $(tail -3 "$tmp/$name.stderr")"; ok=0
  fi
  if [[ -f $name.err ]] && [[ "$(tail -1 "$tmp/$name.stderr")" != "$(cat "$name.err")" ]]; then
    echo "FAIL $name: last stderr line '$(tail -1 "$tmp/$name.stderr")', expected '$(cat "$name.err")'"; ok=0
  fi
  if ((ok)); then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
((fail == 0))
