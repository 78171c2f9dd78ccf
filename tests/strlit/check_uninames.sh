#!/usr/bin/env bash
# Checks every \N{...} name python3 knows (and near misses) against aithon's name table.
# usage: tests/strlit/check_uninames.sh   (TEST_STRLIT=path selects the unit test binary)
# Last line: 'N passed, N failed'.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
bin=${TEST_STRLIT:-build/tests/test_strlit}
if [[ ! -x $bin ]]; then
  echo "no unit test binary at $bin (make unit)"; echo "0 passed, 1 failed"; exit 1
fi
list=$(mktemp); trap 'rm -f "$list"' EXIT
python3 tests/strlit/check_uninames.py >"$list" || { echo "0 passed, 1 failed"; exit 1; }
"$bin" --names "$list"
