#!/bin/sh
# error_cases.sh - the tokenizer's error messages and positions, and its Unicode identifier
# tables, against python3.  Ends with "N passed, N failed" (the sum of both checks).
cd "$(dirname "$0")/../.."
tests/lex/build.sh || exit 1
a=$(python3 tests/lex/error_cases.py build/lextest/lexdump 2>/dev/null)
ra=$?
b=$(build/lextest/xidcheck | python3 tests/lex/xid_check.py)
rb=$?
printf '%s\n' "$a" | sed '$d'
printf '%s\n' "$b" | sed '$d'
pa=$(printf '%s\n' "$a" | tail -1 | awk '{print $1}'); fa=$(printf '%s\n' "$a" | tail -1 | awk '{print $3}')
pb=$(printf '%s\n' "$b" | tail -1 | awk '{print $1}'); fb=$(printf '%s\n' "$b" | tail -1 | awk '{print $3}')
echo "$((pa + pb)) passed, $((fa + fb)) failed"
[ $ra -eq 0 ] && [ $rb -eq 0 ]
