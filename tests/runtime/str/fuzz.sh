#!/usr/bin/env bash
# tests/runtime/str/fuzz.sh [SECONDS] - builds fuzz_str.c with libFuzzer + ASan + UBSan against
# the runtime library (built by the Makefile into build/fuzz-str/lib with the malloc allocator) and
# runs it for SECONDS (default 60).  Findings are left in build/fuzz-str/ as crash-* files; the
# corpus grows in build/fuzz-str/corpus.
set -eu
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
secs=${1:-60}
out=build/fuzz-str
flags="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
lib=build/fuzz-str/lib   # the library instrumented for coverage as well
make -s BUILD=$lib CC=clang-19 RT_GC=malloc CFLAGS="$flags -fsanitize=fuzzer-no-link" runtime \
  $lib/tests/runtime/librtstubs.a
mkdir -p "$out/corpus"
clang-19 -std=gnu11 $flags -fsanitize=fuzzer -DRT_GC_MALLOC -Iruntime/include -Iruntime/src \
  -o "$out/fuzz_str" tests/runtime/str/fuzz_str.c \
  -Wl,--start-group $lib/libaithonrt.a $lib/tests/runtime/librtstubs.a -Wl,--end-group \
  -lgc -lgmp -lutf8proc -lm
cd "$out"
ASAN_OPTIONS=detect_leaks=0 ./fuzz_str -max_total_time="$secs" -max_len=512 -rss_limit_mb=4096 corpus
