#!/usr/bin/env bash
# The acceptance test of the front end: aithon's AST of every .py file of python3's standard
# library (site-packages and test/ included) must be identical to CPython's.
#
# usage: tests/frontend/stdlib_ast.sh [--jobs N] [--limit N] [--positions]
#   For each file, python3's verdict is ast.dump(ast.parse(source_bytes)), or the SyntaxError
#   class and line when python3 rejects the file; it is cached in build/stdlib-oracle/ (keyed by
#   path, mtime, size and python version), so reruns only run aithon.  aithon runs as
#   `parse --dump-ast` on batches of files, --jobs processes at a time.
#   Each file is one test: it passes when the dumps are identical, or, for a file python3
#   rejects, when aithon rejects it at the same line.  Mismatches, with the first differing
#   position, are listed in build/stdlib-ast.log.
#   --positions additionally compares ast.dump(..., include_attributes=True) with
#   `--dump-ast --positions` first, reported on its own (informational, log in
#   build/stdlib-ast-positions.log); the last line and the exit status stay those of the plain
#   comparison.
#   AITHON=path selects the compiler (default build/aithon).
# Last line: 'N passed, N failed'; exit 1 when any file failed.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/../.." || exit 2
aithon=${AITHON:-build/aithon}
jobs=$(nproc 2>/dev/null || echo 2)
limit=0
extra=()
while (($# > 0)); do
  case $1 in
    --jobs) jobs=${2:?--jobs needs a number}; shift 2 ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    --limit) limit=${2:?--limit needs a number}; shift 2 ;;
    --limit=*) limit=${1#*=}; shift ;;
    --positions) extra+=(--also-positions); shift ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "stdlib_ast.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
if ! command -v python3 >/dev/null; then
  echo "python3 (the oracle) is not installed"; echo "0 passed, 1 failed"; exit 1
fi
if [[ ! -x $aithon ]]; then
  echo "no compiler at $aithon (run make)"; echo "0 passed, 1 failed"; exit 1
fi
mkdir -p build
exec python3 "$here/stdlib_ast.py" compare --aithon "$aithon" --build build --jobs "$jobs" \
  --limit "$limit" "${extra[@]}"
