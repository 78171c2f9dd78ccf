#!/usr/bin/env bash
# Runs every test suite of the project and sums their results.
#
# usage: tests/run_all.sh [--quick] [--no-asan]
#   Each suite is a command whose last line is 'N passed, N failed'.  The suites are:
#     unit       the C unit tests (build/tests/test_*)
#     lex        lexer differential test against python3's tokenize over the stdlib
#     parse      golden AST dumps and syntax-error diagnostics
#     strlit     golden string/f-string literal tests
#     sema       golden compile-time errors; symtable differential test over the stdlib
#     frontend   stdlib AST identity with python3 (every file), conformance corpus `check`
#     build      compiled programs vs python3 (tests/build, tests/lib, runtime glue, whole
#                tracebacks in tests/traceback), the shared
#                conformance corpus with the ratchet tests/conformance.ratchet
#     runtime    runtime unit tests; differential tests of numbers, str, containers vs python3
#     asan       the golden suites, the runtime tests and the conformance ratchet again with
#                ASan+UBSan (compiler and runtime; tests/conformance_asan.sh)
# --quick skips the whole-stdlib suites (minutes) and the sanitizer build.
# The last line is the total: 'N passed, N failed'; exit 1 when anything failed.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
quick=0; asan=1
for a in "$@"; do
  case $a in
    --quick) quick=1; asan=0 ;;
    --no-asan) asan=0 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done

total_pass=0; total_fail=0; summary=()
log=build/test-logs; mkdir -p "$log"

# run NAME CMD...: runs a suite, echoes its output to a log, adds its counts
run() {
  local name=$1; shift
  local out="$log/${name//\//_}.log"
  echo "=== $name: $*"
  "$@" >"$out" 2>&1
  local rc=$?
  local last; last=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
  local p f
  if [[ $last =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    p=${BASH_REMATCH[1]}; f=${BASH_REMATCH[2]}
  else
    p=0; f=1; last="no result line (exit $rc)"
  fi
  if ((rc != 0 && f == 0)); then f=1; last="$last, but exit $rc"; fi
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
  summary+=("$(printf '%-22s %s' "$name" "$last")")
  if ((f > 0)); then grep -E 'FAIL|MISMATCH|BROKEN|error' "$out" | head -n 20; fi
  tail -n 1 "$out"
}

for t in build/tests/test_*; do
  [[ -x $t ]] && run "unit/$(basename "$t")" "$t"
done
[[ -x tests/parse/run.sh ]] && run parse tests/parse/run.sh
[[ -x tests/strlit/run.sh ]] && run strlit tests/strlit/run.sh
[[ -x tests/sema/run.sh ]] && run sema tests/sema/run.sh
[[ -x tests/frontend/check_corpus.sh ]] && run corpus-check tests/frontend/check_corpus.sh
[[ -x tests/codegen/run.sh ]] && run codegen tests/codegen/run.sh
[[ -x tests/codegen/debuginfo.sh ]] && run debuginfo tests/codegen/debuginfo.sh
[[ -x tests/build/run.sh ]] && run build tests/build/run.sh
[[ -x tests/traceback/run.sh ]] && run traceback tests/traceback/run.sh
[[ -f tests/conformance.ratchet ]] && run conformance tests/conformance.sh
[[ -x tests/mir/run.sh ]] && run mir tests/mir/run.sh
[[ -x tests/explain/run.sh ]] && run explain tests/explain/run.sh
[[ -x tests/lib/run.sh ]] && run lib tests/lib/run.sh
[[ -x tests/runtime/glue/run.sh ]] && run runtime-glue tests/runtime/glue/run.sh
[[ -x tests/lex/error_cases.sh ]] && run lex-errors tests/lex/error_cases.sh
if ((!quick)); then
  [[ -x tests/lex/stdlib_tokens.sh ]] && run stdlib-tokens tests/lex/stdlib_tokens.sh
  [[ -x tests/frontend/stdlib_ast.sh ]] && run stdlib-ast tests/frontend/stdlib_ast.sh
  [[ -x tests/sema/symtable_stdlib.sh ]] && run stdlib-symtable tests/sema/symtable_stdlib.sh
fi
# the runtime library: unit tests and differential tests against python3
run runtime make -s runtime-test
[[ -x tests/runtime/str/run.sh ]] && run runtime-str tests/runtime/str/run.sh
[[ -x tests/runtime/containers/run.sh ]] && run runtime-containers tests/runtime/containers/run.sh
if ((asan)); then
  run asan/runtime make -s runtime-asan
  [[ -x tests/runtime/str/run.sh ]] && run asan/runtime-str tests/runtime/str/run.sh --asan
  if make -s asan >"$log/asan-build.log" 2>&1; then
    [[ -x tests/parse/run.sh ]] && run asan/parse env AITHON="$PWD/build/asan/aithon" tests/parse/run.sh
    [[ -x tests/strlit/run.sh ]] && run asan/strlit env AITHON="$PWD/build/asan/aithon" tests/strlit/run.sh
    [[ -x tests/sema/run.sh ]] && run asan/sema env AITHON="$PWD/build/asan/aithon" tests/sema/run.sh
    [[ -x tests/frontend/check_corpus.sh ]] && run asan/corpus-check env AITHON="$PWD/build/asan/aithon" tests/frontend/check_corpus.sh
    [[ -x tests/robust/run.sh ]] && run asan/robustness env AITHON="$PWD/build/asan/aithon" tests/robust/run.sh
    [[ -x tests/conformance_asan.sh ]] && run asan/conformance tests/conformance_asan.sh
  else
    echo "asan build failed"; tail -n 20 "$log/asan-build.log"; total_fail=$((total_fail + 1))
  fi
fi
[[ -x tests/robust/run.sh ]] && run robustness tests/robust/run.sh

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed"
((total_fail == 0))
