#!/bin/sh
# build.sh - builds the tokenizer test drivers into build/lextest: lexdump (tokens of files,
# for the differential tests) and xidcheck (the lexer's Unicode identifier tables).
set -e
cd "$(dirname "$0")/../.."
mkdir -p build/lextest
CC=${CC:-cc}
FLAGS="-std=gnu11 -O2 -g -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter -Werror -Isrc"
$CC $FLAGS -o build/lextest/lexdump tests/lex/lexdump.c src/lex/*.c src/util/*.c -lutf8proc
$CC $FLAGS -o build/lextest/xidcheck tests/lex/xidcheck.c src/util/*.c -lutf8proc
