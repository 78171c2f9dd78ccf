#!/usr/bin/env bash
# The conformance tests of the ratchet (tests/conformance.ratchet) compiled by the sanitized
# compiler build/asan/aithon (`make asan`), whose programs link the ASan+UBSan runtime beside it.
# A test passes when it passes as in ../shared/conformance/run (exit status, stdout, last stderr
# line; compile_errors: rejected with the expected diagnostic) AND neither the compiler nor the
# program produced any sanitizer report.  Reports are written per test (log_path) rather than to
# stderr, so they are attributed to their test exactly and cannot hide behind an expected failure
# (a compile_errors test or an uncaught exception also exits non-zero); the first lines of each
# are printed, the whole reports are kept in build/test-logs/asan-reports/.
# usage: tests/conformance_asan.sh [--jobs N] [TEST ...]   (TEST: category/name; default: the
#        ratchet; AITHON=path overrides the compiler)      last line: 'N passed, N failed'
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
root=$PWD
aithon=${AITHON:-$root/build/asan/aithon}
corpus=$(cd ../shared/conformance && pwd)
jobs=2
tests=()
while (($#)); do
  case $1 in
    --jobs) jobs=$2; shift 2 ;;
    *) tests+=("$1"); shift ;;
  esac
done
if [[ ! -x $aithon ]]; then
  echo "no sanitized compiler at $aithon (run make asan)"; echo "0 passed, 1 failed"; exit 1
fi
((${#tests[@]})) || mapfile -t tests < <(grep -v '^\s*\(#\|$\)' tests/conformance.ratchet)
reports=$root/build/test-logs/asan-reports
rm -rf "$reports"; mkdir -p "$reports"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Sanitizer settings for the compiler and the program alike: stop at the first report with a
# distinctive exit status.  The compiler frees what it allocates, so a leak in it is a report;
# the program's runtime (RT_GC=malloc, see runtime/src/alloc.c) never frees, so its leaks are
# not, and a huge request must be a MemoryError (allocator_may_return_null), as with Boehm.
san_opts="halt_on_error=1:print_stacktrace=1:exitcode=86"

# one category/name: prints 'PASS name' or 'FAIL name: reason'
one() {
  local name=$1 aithon=$2 corpus=$3 work=$4 reports=$5 san_opts=$6
  local t=$corpus/$name src
  if [[ -f $t.py ]]; then src=$t.py; elif [[ -f $t/main.py ]]; then src=$t/main.py
  else echo "FAIL $name: no such test"; return; fi
  local d; d=$(mktemp -d "$work/t.XXXXXX")
  export ASAN_OPTIONS="$san_opts:log_path=$d/san:detect_leaks=1"
  export UBSAN_OPTIONS="$san_opts:log_path=$d/san"
  local want_rc=0; [[ -f $t.rc ]] && want_rc=$(tr -d '[:space:]' <"$t.rc")
  local args=(); [[ -f $t.args ]] && read -r -a args <"$t.args"
  local input=/dev/null; [[ -f $t.in ]] && input=$t.in
  local why=""
  timeout 300 "$aithon" build "$src" -o "$d/prog" >"$d/build.out" 2>"$d/build.err"
  local brc=$?
  if [[ $name == compile_errors/* ]]; then
    if ((brc == 0)); then why="compiled, but must be rejected"
    elif [[ -f $t.err ]] && ! grep -qF -- "$(head -n 1 "$t.err")" "$d/build.err"; then
      why="diagnostic lacks '$(head -n 1 "$t.err")'"
    fi
  elif ((brc != 0)) || [[ ! -x $d/prog ]]; then
    why="build failed (rc $brc): $(grep -v '^\s*$' "$d/build.err" | head -n 3 | tr '\n' ' ' | head -c 300)"
  else
    export ASAN_OPTIONS="$san_opts:log_path=$d/san:detect_leaks=0:allocator_may_return_null=1"
    (cd "$d" && timeout 60 ./prog "${args[@]}" <"$input" >"$d/stdout" 2>"$d/stderr")
    local rc=$?
    if ((rc == 124)); then why="timed out after 60s"
    elif ((rc != want_rc)); then
      why="exit code $rc, expected $want_rc; stderr: $(tail -n 2 "$d/stderr" | tr '\n' ' ' | head -c 200)"
    elif ! cmp -s "$d/stdout" "$t.out"; then
      why="stdout differs: $(diff "$t.out" "$d/stdout" | head -n 6 | tr '\n' '|' | head -c 300)"
    elif [[ -f $t.err ]]; then
      local last; last=$(grep -v '^\s*$' "$d/stderr" | tail -n 1)
      [[ $last == "$(head -n 1 "$t.err")" ]] || why="last stderr line '$last', expected '$(head -n 1 "$t.err")'"
    fi
  fi
  # any report at all fails the test, whatever else happened
  local r n=0 summary=""
  for r in "$d"/san.*; do
    [[ -f $r ]] || continue
    n=$((n + 1))
    cp "$r" "$reports/${name//\//_}.$n.txt"
    summary+="$(grep -m 1 -E 'ERROR: |runtime error:' "$r" | head -c 300) "
  done
  ((n > 0)) && why="$n sanitizer report(s): $summary${why:+; also: $why}"
  if [[ -n $why ]]; then echo "FAIL $name: $why"; else echo "PASS $name"; fi
  rm -rf "$d"
}
export -f one

start=$SECONDS
printf '%s\n' "${tests[@]}" |
  xargs -P "$jobs" -I{} bash -c 'one "$@"' _ {} "$aithon" "$corpus" "$work" "$reports" "$san_opts" \
  >"$work/results"
sort -k2 "$work/results" -o "$work/results"
grep '^FAIL ' "$work/results"
pass=$(grep -c '^PASS ' "$work/results")
fail=$(grep -c '^FAIL ' "$work/results")
# CPU time too: on a shared machine the wall time says more about the neighbours than the tests
times >"$work/times"   # here, not in $(...): a subshell would report its own (no) children
cpu=$(tail -n 1 "$work/times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/)
                                printf "%.1f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
echo "time: $((SECONDS - start))s wall with $jobs jobs, ${cpu}s CPU (compiler, linker, programs)"
echo "$pass passed, $fail failed"
((fail == 0))
