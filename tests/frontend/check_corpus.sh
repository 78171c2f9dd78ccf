#!/usr/bin/env bash
# `aithon check` over the conformance corpus: the front end (lexer, parser, semantic analysis)
# must accept every valid program and reject every compile-error program.
#
# usage: tests/frontend/check_corpus.sh [-v]
#   CORPUS=dir selects the corpus (default /work/shared/conformance), AITHON=path the compiler
#   (default build/aithon).  One test per program:
#     compile_errors/NAME.py    must exit 1 with a diagnostic that contains the text of NAME.err
#                               (each of its non-empty lines); when line 1 of NAME.py says
#                               "at line N", a different line is noted (not a failure)
#     CATEGORY/NAME.py          must be accepted (exit 0)
#     CATEGORY/NAME/main.py     a multi-file program: all its .py files, checked in one run,
#                               must be accepted
#   -v prints every test, not only the failures.
# Last line: 'N passed, N failed'; exit 1 when any test failed.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
aithon=${AITHON:-build/aithon}
corpus=${CORPUS:-/work/shared/conformance}
verbose=0
[[ ${1:-} == -v ]] && verbose=1
if [[ ! -x $aithon ]]; then
  echo "no compiler at $aithon (run make)"; echo "0 passed, 1 failed"; exit 1
fi
if [[ ! -d $corpus ]]; then
  echo "no corpus at $corpus"; echo "0 passed, 1 failed"; exit 1
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0; notes=0

ok() { pass=$((pass + 1)); ((verbose)) && echo "ok   $1"; return 0; }
bad() {
  fail=$((fail + 1))
  echo "FAIL $1: $2"
  [[ -s $work/err ]] && sed -n '1,4p' "$work/err" | sed 's/^/       /'
  return 0
}

# run_check FILE...: aithon check with a time limit; sets rc
run_check() {
  timeout 60 "$aithon" check "$@" >"$work/out" 2>"$work/err"
  rc=$?
}

# programs that must be rejected
shopt -s nullglob
for py in "$corpus"/compile_errors/*.py; do
  name=compile_errors/$(basename "$py")
  errf=${py%.py}.err
  run_check "$py"
  if ((rc == 124)); then bad "$name" "no answer in 60 s"; continue; fi
  if ((rc != 1)); then bad "$name" "exit status $rc, expected 1 (rejected)"; continue; fi
  missing=
  if [[ -f $errf ]]; then
    while IFS= read -r want || [[ -n $want ]]; do
      [[ -z ${want//[[:space:]]/} ]] && continue
      grep -qF -- "$want" "$work/err" || missing=$want
    done <"$errf"
  fi
  if [[ -n $missing ]]; then bad "$name" "diagnostic lacks '$missing'"; continue; fi
  # informational: the line the corpus writer expected, from the comment on line 1
  if want_line=$(head -n 1 "$py" | grep -oE 'at line [0-9]+' | tail -n 1) && [[ -n $want_line ]]; then
    got_line=$(grep -oE '^[^ ]*:[0-9]+:[0-9]+: ' "$work/err" | head -n 1 | awk -F: '{print $(NF-2)}')
    if [[ ${want_line#at line } != "$got_line" ]]; then
      notes=$((notes + 1))
      echo "note $name: reported at line ${got_line:-?}, the test's comment says ${want_line#at line }"
    fi
  fi
  ok "$name"
done

# programs that must be accepted: single files and multi-file programs
for dir in "$corpus"/*/; do
  cat=$(basename "$dir")
  [[ $cat == compile_errors ]] && continue
  for py in "$dir"*.py; do
    name=$cat/$(basename "$py")
    run_check "$py"
    if ((rc == 0)); then ok "$name"; else bad "$name" "exit status $rc, expected 0 (accepted)"; fi
  done
  for main in "$dir"*/main.py; do
    prog=${main%/main.py}
    name=$cat/$(basename "$prog")/
    files=()
    while IFS= read -r -d '' f; do files+=("$f"); done \
      < <(find "$prog" -name __pycache__ -prune -o -name '*.py' -type f -print0 | sort -z)
    run_check "${files[@]}"
    if ((rc == 0)); then ok "$name"; else bad "$name" "exit status $rc, expected 0 (accepted)"; fi
  done
done

((notes > 0)) && echo "$notes compile-error programs reported at another line than their comment says"
echo "$pass passed, $fail failed"
((fail == 0))
