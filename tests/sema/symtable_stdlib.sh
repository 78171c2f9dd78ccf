#!/bin/sh
# symtable_stdlib.sh - differential test of aithon's symbol tables against python3's `symtable`
# module over every .py file of python3's standard library.
#
#   tests/sema/symtable_stdlib.sh [DIR_OR_FILE...]
#
# For each file python3 can compile, `aithon check --dump-symtable FILE` must print exactly what
# tests/sema/symtable_dump.py prints (scopes, parameters, each symbol's resolved scope and
# flags).  Files python3 rejects are skipped; files aithon rejects (parse or sema error) fail.
# Environment: AITHON (default build/aithon), JOBS (parallel python3 workers, default nproc),
# SHOW (how many failing files to show with a diff, default 10), WORK (keep outputs there),
# REUSE=1 (with WORK: keep python3's tables from an earlier run over the same files).
# Last line: "N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
aithon=${AITHON:-$root/build/aithon}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
show=${SHOW:-10}
if [ ! -x "$aithon" ]; then
    echo "symtable_stdlib: $aithon not built" >&2
    exit 2
fi
work=${WORK:-$(mktemp -d)}
mkdir -p "$work/exp" "$work/out"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT

if [ $# -eq 0 ]; then
    set -- "$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"
fi
for d in "$@"; do
    if [ -d "$d" ]; then find "$d" -name '*.py' -type f; else echo "$d"; fi
done | LC_ALL=C sort > "$work/list"
total=$(wc -l < "$work/list")

# python3's tables, in JOBS chunks; file i of the list -> exp/i.txt (or i.skip).  With REUSE=1
# and a WORK directory from an earlier run over the same list, they are not computed again.
if [ "${REUSE:-0}" = 1 ] && [ -f "$work/list.done" ] && cmp -s "$work/list" "$work/list.done"; then
    :
else
rm -rf "$work"/chunk.* "$work/list.done"
split -n "l/$jobs" -d -a 3 "$work/list" "$work/chunk."
for c in "$work"/chunk.*; do
    (
        # rebase the chunk's numbering onto the whole list
        off=$(grep -n -x -F -m1 "$(head -n1 "$c")" "$work/list" | cut -d: -f1)
        mkdir -p "$c.d"
        python3 "$here/symtable_dump.py" --outdir "$c.d" "$c"
        for f in "$c.d"/*; do
            [ -e "$f" ] || continue
            b=$(basename "$f")
            i=${b%.*}
            mv "$f" "$work/exp/$((i + off - 1)).${b##*.}"
        done
    ) &
done
wait
cp "$work/list" "$work/list.done"
fi
rm -f "$work/failures"

pass=0
fail=0
skip=0
shown=0
i=0
while IFS= read -r path; do
    if [ -e "$work/exp/$i.skip" ]; then
        skip=$((skip + 1))
    elif "$aithon" check --dump-symtable "$path" > "$work/out/$i.txt" 2> "$work/out/$i.err" &&
        cmp -s "$work/exp/$i.txt" "$work/out/$i.txt"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $path" >> "$work/failures"
        if [ "$shown" -lt "$show" ]; then
            shown=$((shown + 1))
            echo "FAIL $path"
            head -n 5 "$work/out/$i.err"
            diff "$work/exp/$i.txt" "$work/out/$i.txt" | head -n 12
        fi
    fi
    i=$((i + 1))
done < "$work/list"
echo "symtable_stdlib: $total files, $skip skipped (python3 rejects them)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
