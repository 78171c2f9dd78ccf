#!/usr/bin/env bash
# Golden tests of string, bytes, f-string and number literals.
#
# usage: tests/strlit/run.sh [-v]      (AITHON=path selects the compiler, default build/aithon)
#   cases/NAME.py with NAME.ast: `aithon parse --dump-ast` must print NAME.ast exactly, and
#     with NAME.pos, `--dump-ast --positions` must print NAME.pos;
#   cases/NAME.py with NAME.err: aithon must exit 1 and its first diagnostic line, without the
#     file name, must be NAME.err ("LINE:COL: SyntaxError: MSG").
#   Then 1000 random atoms against python3 (fuzz_literals.py; FUZZ_N=n for more), and the C
#   unit tests' \N{} check over every Unicode name (check_uninames.sh), when the unit test
#   binary is built.
# Longer differential tests, run by hand: stdlib_literals.py (every string atom and number of
# the stdlib, ~3 min) and snippets.py (the sources CPython's tests compile).
# Expectations come from python3 (gen_golden.py).  Last line: 'N passed, N failed'.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
aithon=${AITHON:-build/aithon}
verbose=0
[[ ${1:-} == -v ]] && verbose=1
if [[ ! -x $aithon ]]; then
  echo "no compiler at $aithon (run make)"; echo "0 passed, 1 failed"; exit 1
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0

result() {   # result NAME OK [DETAIL-FILE]
  if (($2)); then
    pass=$((pass + 1)); ((verbose)) && echo "ok   $1"
  else
    fail=$((fail + 1)); echo "FAIL $1"
    [[ -n ${3:-} && -s $3 ]] && head -c 1500 "$3" | sed 's/^/       /' && echo
  fi
  return 0
}

# first_diff A B: where two one-line dumps start to differ, with some context
first_diff() {
  python3 - "$1" "$2" <<'PY'
import sys
a, b = (open(p, encoding="utf-8", errors="replace").read() for p in sys.argv[1:3])
i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
print("at char %d:\n  got:  ...%s\n  want: ...%s" % (i, a[max(0, i - 80):i + 80], b[max(0, i - 80):i + 80]))
PY
}

for py in tests/strlit/cases/*.py; do
  base=${py%.py}; name=${base#tests/strlit/cases/}
  if [[ -f $base.err ]]; then
    timeout 10 "$aithon" parse "$py" >"$work/out" 2>"$work/err"; rc=$?
    got=$(head -n 1 "$work/err"); got=${got#"$py:"}
    want=$(cat "$base.err")
    if ((rc == 1)) && [[ $got == "$want" ]]; then result "$name" 1
    else printf 'exit %d\n  got:  %s\n  want: %s\n' "$rc" "$got" "$want" >"$work/why"; result "$name" 0 "$work/why"; fi
    continue
  fi
  if [[ -f $base.ast ]]; then
    if timeout 10 "$aithon" parse --dump-ast "$py" >"$work/out" 2>"$work/err" && cmp -s "$work/out" "$base.ast"; then
      result "$name" 1
    else
      { cat "$work/err"; first_diff "$work/out" "$base.ast"; } >"$work/why"; result "$name" 0 "$work/why"
    fi
  fi
  if [[ -f $base.pos ]]; then
    if timeout 10 "$aithon" parse --dump-ast --positions "$py" >"$work/out" 2>"$work/err" && cmp -s "$work/out" "$base.pos"; then
      result "$name/positions" 1
    else
      { cat "$work/err"; first_diff "$work/out" "$base.pos"; } >"$work/why"; result "$name/positions" 0 "$work/why"
    fi
  fi
done

# random atoms against python3 (fuzz_literals.py: a fixed seed, so always the same cases)
python3 tests/strlit/fuzz_literals.py --aithon "$aithon" --n "${FUZZ_N:-1000}" >"$work/fuzz" 2>&1
last=$(tail -n 1 "$work/fuzz")
if [[ $last =~ ^([0-9]+)\ passed,\ 0\ failed ]]; then
  result "fuzz (${BASH_REMATCH[1]} random atoms)" 1
else
  grep -A2 '^FAIL' "$work/fuzz" | head -n 12 >"$work/why"; echo "$last" >>"$work/why"
  result "fuzz" 0 "$work/why"
fi

# every Unicode name through the unit test binary
if [[ -x build/tests/test_strlit ]]; then
  tests/strlit/check_uninames.sh >"$work/names" 2>&1
  last=$(tail -n 1 "$work/names")
  if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]] && ((BASH_REMATCH[2] == 0)); then
    result "uninames (${BASH_REMATCH[1]} lookups)" 1
  else
    result "uninames" 0 "$work/names"
  fi
fi

echo "$pass passed, $fail failed"
((fail == 0))
