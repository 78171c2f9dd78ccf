#!/usr/bin/env bash
# Robustness of the front end on hostile input: every case must end with exit status 0 or 1
# (accepted, or a diagnostic on stderr), never a crash, a sanitizer report or a hang.
# Inputs are generated here at run time (nothing large is committed).
#
# usage: tests/robust/run.sh          (AITHON=path selects the compiler, default build/aithon)
# Last line: 'N passed, N failed'.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
aithon=${AITHON:-build/aithon}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0

# case NAME EXPECT FILE [TEXT]: EXPECT is 0 (must be accepted), 1 (must be rejected with a
# diagnostic containing TEXT) or x (either, but cleanly)
case_() {
  local name=$1 expect=$2 file=$3 text=${4:-}
  # the limit catches hangs, not slowness: the 50 MB files under ASan on a loaded 2-core
  # machine took over 60 s
  timeout 300 "$aithon" check "$file" >"$work/out" 2>"$work/err"
  local rc=$?
  local ok=1
  if ((rc != 0 && rc != 1)); then ok=0
  elif [[ $expect != x ]] && ((rc != expect)); then ok=0
  elif ((rc == 1)) && ! grep -q 'Error: ' "$work/err"; then ok=0
  elif [[ -n $text ]] && ! grep -qF -- "$text" "$work/err"; then ok=0
  elif grep -q 'Sanitizer\|runtime error' "$work/err"; then ok=0
  fi
  if ((ok)); then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name: exit $rc; $(head -c 300 "$work/err" | tr '\n' ' ')"
  fi
}

head -c 65536 /dev/urandom >"$work/garbage.py"; case_ binary-garbage 1 "$work/garbage.py"
printf 'x = 1\ny = "\xff\xfe"\n' >"$work/badutf8.py"; case_ invalid-utf8 1 "$work/badutf8.py" "Non-UTF-8 code"
printf 'x = 1\0\ny = 2\n' >"$work/nul.py"; case_ nul-byte 1 "$work/nul.py" "null bytes"
printf '\xef\xbb\xbfprint(1)\n' >"$work/bom.py"; case_ utf8-bom 0 "$work/bom.py"
printf '# -*- coding: latin-1 -*-\ns = "\xe9"\n' >"$work/latin1.py"; case_ coding-latin1 0 "$work/latin1.py"
printf '# coding: no-such-codec\nx = 1\n' >"$work/badcodec.py"; case_ unknown-coding 1 "$work/badcodec.py"
: >"$work/empty.py"; case_ empty-file 0 "$work/empty.py"
printf 'x = (' >"$work/eof.py"; case_ eof-in-paren 1 "$work/eof.py" "was never closed"

# 10,000-deep nesting of several kinds
deep() { local open=$1 close=$2 n=$3; { printf 'x = '; printf "%${n}s" | tr ' ' "$open"; printf '1'; printf "%${n}s" | tr ' ' "$close"; echo; } ; }
deep '(' ')' 10000 >"$work/parens.py"; case_ deep-parens 1 "$work/parens.py" "too many nested parentheses"
deep '[' ']' 10000 >"$work/lists.py"; case_ deep-lists 1 "$work/lists.py"
{ printf 'x = '; for ((i = 0; i < 10000; i++)); do printf -- '-'; done; echo 1; } >"$work/unary.py"; case_ deep-unary x "$work/unary.py"
{ printf 'x = 1'; for ((i = 0; i < 10000; i++)); do printf ' + 1'; done; echo; } >"$work/binop.py"; case_ long-binop x "$work/binop.py"
{ for ((i = 0; i < 10000; i++)); do printf "%$((i % 200))s" ''; echo "if x:"; done; } >"$work/indent.py"; case_ deep-indent 1 "$work/indent.py"
{ printf 'x = '; for ((i = 0; i < 10000; i++)); do printf 'lambda: '; done; echo 1; } >"$work/lambdas.py"; case_ deep-lambda x "$work/lambdas.py"
{ printf 'x = '; for ((i = 0; i < 10000; i++)); do printf 'not '; done; echo 1; } >"$work/nots.py"; case_ deep-not x "$work/nots.py"
{ printf 'x = a'; for ((i = 0; i < 10000; i++)); do printf '.b'; done; echo; } >"$work/attrs.py"; case_ long-attribute-chain x "$work/attrs.py"
{ printf 'x = a'; for ((i = 0; i < 10000; i++)); do printf '()'; done; echo; } >"$work/calls.py"; case_ long-call-chain x "$work/calls.py"
{ printf 'x = '; for ((i = 0; i < 10000; i++)); do printf '1 if 2 else '; done; echo 3; } >"$work/ifexp.py"; case_ deep-ifexp x "$work/ifexp.py"
{ printf 'x = f"'; for ((i = 0; i < 60; i++)); do printf '{'; done; printf 'x'; for ((i = 0; i < 60; i++)); do printf '}'; done; echo '"'; } >"$work/fstr.py"; case_ fstring-brace-escapes 0 "$work/fstr.py"

# a 50 MB valid file: many ordinary statements
{ for ((i = 0; i < 2000; i++)); do echo "def f$i(a, b=2, *c, d, **e):"; echo "    return [a + b * k for k in range(10) if k % 3] or {'k': (a, b)}"; done; } >"$work/chunk.py"
: >"$work/big.py"; while (($(stat -c %s "$work/big.py") < 50000000)); do cat "$work/chunk.py" >>"$work/big.py"; done
case_ 50mb-file 0 "$work/big.py"
# the same with a syntax error at the very end
cp "$work/big.py" "$work/bigerr.py"; echo 'x = = 1' >>"$work/bigerr.py"; case_ 50mb-file-error 1 "$work/bigerr.py" "invalid syntax"

# replay fuzzer findings: each must be handled cleanly
for f in tests/robust/fuzz-regressions/*; do
  [[ -f $f ]] && case_ "fuzz/$(basename "$f")" x "$f"
done

echo "$pass passed, $fail failed"
((fail == 0))
