#!/usr/bin/env bash
# The shared conformance corpus (../shared/conformance) run with the project's ratchet.
# Every test listed in tests/conformance.ratchet must pass; tests that pass without being listed
# are reported as NEWLY PASSING (add them to the ratchet).  The corpus runner's own total
# (every test, listed or not) is printed for information; the last line counts the ratchet:
# 'N passed, N failed' where failed = listed tests that broke or did not run.
# usage: tests/conformance.sh [runner options, e.g. --jobs 2]   (AITHON=path overrides)
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
aithon=${AITHON:-$PWD/build/aithon}
corpus=../shared/conformance
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$corpus/run" --aithon "$aithon" --ratchet tests/conformance.ratchet "$@" >"$out" 2>&1
rc=$?
grep -E '^(FAIL|RATCHET|NEWLY)' "$out"
total=$(tail -n 1 "$out")
listed=$(grep -cv '^\s*\(#\|$\)' tests/conformance.ratchet)
broken=$(grep -c '^RATCHET ' "$out")
echo "corpus total (listed or not): $total"
echo "$((listed - broken)) passed, $broken failed"
((rc == 0 && broken == 0))
