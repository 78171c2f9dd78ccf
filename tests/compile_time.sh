#!/usr/bin/env bash
# Compile time per conformance program: `aithon build` (default -O level) of every test in
# tests/conformance.ratchet except compile_errors (rejected before code generation, so not a
# compile), each built REPEAT times (default 1; the minimum is kept, to damp the noise of a
# shared machine).  Prints per program the wall time and the CPU time (user+sys of aithon and
# the linker it runs), then median, mean and max of each and the 5 slowest programs.
# Not part of the test suite: a measurement.
# usage: tests/compile_time.sh [--repeat N] [--aithon PATH] [TEST ...]   (TEST: category/name)
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
aithon=$PWD/build/aithon
corpus=$(cd ../shared/conformance && pwd)
repeat=1
tests=()
while (($#)); do
  case $1 in
    --repeat) repeat=$2; shift 2 ;;
    --aithon) aithon=$2; shift 2 ;;
    *) tests+=("$1"); shift ;;
  esac
done
((${#tests[@]})) || mapfile -t tests < <(grep -v '^\s*\(#\|$\)\|^compile_errors/' tests/conformance.ratchet)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# wall and CPU seconds of one build: bash's `time` with TIMEFORMAT, into $work/t
TIMEFORMAT='%R %U %S'
results=$work/results
: >"$results"
for name in "${tests[@]}"; do
  t=$corpus/$name
  if [[ -f $t.py ]]; then src=$t.py; else src=$t/main.py; fi
  best_wall="" best_cpu=""
  for ((i = 0; i < repeat; i++)); do
    { time "$aithon" build "$src" -o "$work/prog" >/dev/null 2>"$work/err"; } 2>"$work/t"
    read -r wall user sys <"$work/t"
    cpu=$(echo "$user + $sys" | bc)
    if [[ -z $best_wall ]] || (($(echo "$wall < $best_wall" | bc))); then best_wall=$wall; fi
    if [[ -z $best_cpu ]] || (($(echo "$cpu < $best_cpu" | bc))); then best_cpu=$cpu; fi
  done
  [[ -x $work/prog ]] || echo "note: $name did not build: $(head -c 200 "$work/err")"
  rm -f "$work/prog"
  printf '%s %s %s\n' "$best_wall" "$best_cpu" "$name" >>"$results"
done

# stats COLUMN: median mean max of a column of $results
stats() {
  sort -n -k"$1" "$results" | awk -v c="$1" '
    { v[NR] = $c; s += $c }
    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "median %.3fs  mean %.3fs  max %.3fs", m, s / NR, v[NR] }'
}
echo "programs: $(wc -l <"$results") (best of $repeat), compiler: $aithon"
echo "wall: $(stats 1)"
echo "cpu:  $(stats 2)   (user+sys of aithon and its linker)"
echo "slowest 5 by CPU time, the steadier measure on a shared machine (wall, cpu):"
sort -rn -k2 "$results" | head -n 5 | awk '{ printf "  %.3fs  %.3fs  %s\n", $1, $2, $3 }'
