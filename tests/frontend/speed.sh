#!/usr/bin/env bash
# Front-end speed, informational: aithon's parser against CPython's, side by side, on every
# .py file of python3's standard library that python3 parses (files it rejects are left out of
# both sides).
#
# usage: tests/frontend/speed.sh [--limit N] [--jobs N]
#   aithon:   `aithon parse FILE...` (parse only, no dump), as few processes as the command
#             line allows (xargs), timed in total
#   python3:  one process that reads each file as bytes and runs ast.parse on it
#   Also the peak memory (max RSS, /usr/bin/time -v) of both on the largest file.
#   --jobs is only for computing the oracle's list of accepted files (cached by stdlib_ast.sh).
#   AITHON=path selects the compiler (default build/aithon).
# Prints a table; not a pass/fail test (exit 0 unless it cannot run).
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/../.." || exit 2
aithon=${AITHON:-build/aithon}
limit=0
jobs=$(nproc 2>/dev/null || echo 2)
while (($# > 0)); do
  case $1 in
    --limit) limit=${2:?}; shift 2 ;;
    --jobs) jobs=${2:?}; shift 2 ;;
    *) echo "speed.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[[ -x $aithon ]] || { echo "no compiler at $aithon (run make)"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
calc() { awk "BEGIN { printf \"$1\", $2 }"; }   # calc FORMAT EXPR: floating-point arithmetic
mkdir -p build

# the files python3 parses, NUL-separated (the oracle cache of stdlib_ast.sh makes this quick)
python3 "$here/stdlib_ast.py" accepted --build build --jobs "$jobs" --limit "$limit" \
  >"$work/files" || exit 1
nfiles=$(tr -cd '\0' <"$work/files" | wc -c)
read -r nlines nbytes < <(xargs -0 cat -- <"$work/files" | wc -l -c)

# aithon: as few processes as xargs can make; each one appends a line to count them
start=$EPOCHREALTIME
COUNT=$work/count xargs -0 bash -c 'echo >>"$COUNT"; exec "$0" parse -q -- "$@"' "$aithon" \
  <"$work/files" >/dev/null 2>"$work/aithon.err"
arc=$?
aithon_s=$(calc '%.6f' "$EPOCHREALTIME - $start")
nproc_a=$(wc -l <"$work/count")

# python3: one process, bytes in, ast.parse, discard
cat >"$work/parse.py" <<'PY'
import ast, sys
for p in sys.stdin.buffer.read().split(b"\0"):
    if p:
        with open(p, "rb") as f:
            ast.parse(f.read())
PY
start=$EPOCHREALTIME
python3 "$work/parse.py" <"$work/files"
prc=$?
python_s=$(calc '%.6f' "$EPOCHREALTIME - $start")

# peak memory on the largest file
largest=$(xargs -0 stat -c '%s %n' -- <"$work/files" | sort -n | tail -n 1 | cut -d' ' -f2-)
lsize=$(stat -c %s "$largest")
/usr/bin/time -v "$aithon" parse -q -- "$largest" 2>"$work/time.a" >/dev/null
/usr/bin/time -v python3 -c 'import ast,sys; ast.parse(open(sys.argv[1],"rb").read())' \
  "$largest" 2>"$work/time.p" >/dev/null
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$1"; }
el() { awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$1"; }

fmt() { printf '%-34s %18s %18s\n' "$@"; }
echo "front-end speed over the stdlib ($nfiles files, $nlines lines, $((nbytes / 1048576)) MB)"
fmt "" "aithon parse" "python3 ast.parse"
fmt "processes" "$nproc_a" 1
fmt "total seconds" "$(calc '%.2f' "$aithon_s")" "$(calc '%.2f' "$python_s")"
fmt "lines per second" "$(calc '%.0f' "$nlines / $aithon_s")" "$(calc '%.0f' "$nlines / $python_s")"
fmt "MB per second" "$(calc '%.1f' "$nbytes / 1048576 / $aithon_s")" \
  "$(calc '%.1f' "$nbytes / 1048576 / $python_s")"
fmt "largest file: max RSS (MB)" "$(rss "$work/time.a")" "$(rss "$work/time.p")"
fmt "largest file: wall time" "$(el "$work/time.a")" "$(el "$work/time.p")"
echo "largest file: $largest ($((lsize / 1024)) KB)"
echo "ratio: aithon is $(calc '%.1f' "$python_s / $aithon_s")x the speed of python3 ast.parse"
# xargs: 123 = some aithon run exited 1 (it rejected a file), 124/125 = one died or was killed,
# which stops xargs: the aithon column then covers only part of the files
case $arc in
  0) ;;
  123) echo "note: aithon rejected files that python3 parses ($(grep -c 'Error: ' "$work/aithon.err") diagnostics)" ;;
  *) echo "note: an aithon process crashed (xargs status $arc): its time covers only part of the files"
     grep -v '^    ' "$work/aithon.err" | tail -n 3 ;;
esac
((prc != 0)) && echo "note: python3 exited with status $prc"
exit 0
