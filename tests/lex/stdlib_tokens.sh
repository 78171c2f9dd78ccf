#!/bin/sh
# stdlib_tokens.sh - differential test of the tokenizer over every .py file of python3's
# standard library (or the files/directories given): tokens, texts and positions must equal
# CPython's (see stdlib_tokens.py for how tokenize's output is mapped to the C tokenizer's).
# Ends with "N passed, N failed"; exit status 1 on failure.
set -e
cd "$(dirname "$0")/../.."
tests/lex/build.sh
exec python3 tests/lex/stdlib_tokens.py build/lextest/lexdump "$@"
