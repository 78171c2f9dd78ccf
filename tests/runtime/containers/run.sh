#!/usr/bin/env bash
# Container tests: builds tests/runtime/containers/*.c (build.sh), runs the unit test program
# and the seeded differential test against python3.  usage: run.sh [BUILD] [--cases N] [--seed S]
# Last line: 'N passed, N failed' (unit checks + differential cases).
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../../.." || exit 2
build=build; cases=3000; seed=1
while (($#)); do
  case $1 in
    --cases) cases=$2; shift ;;
    --seed) seed=$2; shift ;;
    *) build=$1 ;;
  esac
  shift
done
tests/runtime/containers/build.sh "$build" || { echo "0 passed, 1 failed"; exit 1; }
tp=0; tf=0
tally() {
  if [[ $1 =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    tp=$((tp + BASH_REMATCH[1])); tf=$((tf + BASH_REMATCH[2]))
  else
    tf=$((tf + 1))
  fi
}
bin="$build/tests/runtime/containers"
if [[ -x $bin/unit ]]; then
  out=$("$bin/unit" 2>&1); echo "$out" | grep FAIL | head -20; last=$(echo "$out" | tail -n 1)
  echo "unit: $last"; tally "$last"
fi
out=$(python3 tests/runtime/containers/difftest.py "$bin/driver" --cases "$cases" --seed "$seed" 2>&1)
echo "$out" | grep -v ' passed, ' | head -30; last=$(echo "$out" | tail -n 1)
echo "diff: $last"; tally "$last"
echo "$tp passed, $tf failed"
((tf == 0))
