#!/usr/bin/env bash
# Golden tests of the parser: every tests/parse/*.py against expectations made by python3.
#
#   NAME.ast   ast.dump(ast.parse(source))                     (python3 accepts the file)
#   NAME.pos   ast.dump(ast.parse(source), include_attributes=True)
#   NAME.err   file:line:offset: Class: message of python3's SyntaxError (it rejects the file)
#
# For .ast/.pos the output of `aithon parse --dump-ast [--positions] FILE` must be identical;
# for .err the first line aithon prints on stderr for `aithon parse FILE` must be identical,
# and the exit status 1.  Nothing is built here.
#
# usage: tests/parse/run.sh [--update]
#   --update   regenerate every expectation from python3 (never from aithon)
#   AITHON=path selects the compiler (default build/aithon).
# Last line: 'N passed, N failed'.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/../.." || exit 2
aithon=${AITHON:-build/aithon}
dir=tests/parse

if [[ ${1:-} == --update ]]; then
  python3 - "$dir" <<'PY'
import ast, glob, os, sys
d = sys.argv[1]
for py in sorted(glob.glob(os.path.join(d, "*.py"))):
    base = py[:-3]
    for ext in (".ast", ".pos", ".err"):
        if os.path.exists(base + ext):
            os.remove(base + ext)
    src = open(py, "rb").read()
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        with open(base + ".err", "w") as f:
            f.write(f"{py}:{e.lineno}:{e.offset}: {type(e).__name__}: {e.msg}\n")
        continue
    with open(base + ".ast", "w") as f:
        f.write(ast.dump(tree) + "\n")
    with open(base + ".pos", "w") as f:
        f.write(ast.dump(tree, include_attributes=True) + "\n")
PY
  echo "expectations regenerated from $(python3 --version)"
  exit 0
fi

if [[ ! -x $aithon ]]; then
  echo "no compiler at $aithon (run make)"; echo "0 passed, 1 failed"; exit 1
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0
report() {   # report NAME OK DETAIL
  if (($2)); then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: $3"; fi
}
for py in "$dir"/*.py; do
  base=${py%.py}; name=$(basename "$base")
  if [[ -f $base.err ]]; then
    "$aithon" parse "$py" >"$work/out" 2>"$work/err"; rc=$?
    got=$(head -n 1 "$work/err")
    want=$(cat "$base.err")
    if ((rc == 1)) && [[ $got == "$want" ]]; then report "$name" 1 ""
    else report "$name" 0 "exit $rc; want '$want', got '$got'"; fi
    continue
  fi
  if [[ -f $base.ast ]]; then
    "$aithon" parse --dump-ast "$py" >"$work/out" 2>"$work/err"; rc=$?
    if ((rc == 0)) && cmp -s "$work/out" "$base.ast"; then report "$name" 1 ""
    else report "$name" 0 "exit $rc; $(head -c 200 "$work/err")$(diff <(tr ',' '\n' <"$base.ast") <(tr ',' '\n' <"$work/out") | head -5 | tr '\n' ' ')"; fi
  fi
  if [[ -f $base.pos ]]; then
    "$aithon" parse --dump-ast --positions "$py" >"$work/out" 2>"$work/err"; rc=$?
    if ((rc == 0)) && cmp -s "$work/out" "$base.pos"; then report "$name(positions)" 1 ""
    else report "$name(positions)" 0 "exit $rc; $(diff <(tr ',' '\n' <"$base.pos") <(tr ',' '\n' <"$work/out") | head -5 | tr '\n' ' ')"; fi
  fi
  [[ -f $base.ast || -f $base.pos ]] || report "$name" 0 "no expectation (run --update)"
done
echo "$pass passed, $fail failed"
((fail == 0))
