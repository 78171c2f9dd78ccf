#!/usr/bin/env bash
# Builds the container tests (tests/runtime/containers/*.c) against the runtime library and
# the test stubs, into BUILD/tests/runtime/containers/.  usage: build.sh [BUILD]
# CC/CFLAGS/RT_GC=malloc as for the Makefile (the ASan run: CC=clang-19 RT_GC=malloc).
set -eu
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
build=${1:-build}
make -s BUILD="$build" ${CC:+CC=$CC} ${CFLAGS:+CFLAGS="$CFLAGS"} ${RT_GC:+RT_GC=$RT_GC} \
  "$build/libaithonrt.a" "$build/tests/runtime/librtstubs.a" >/dev/null
defs=""; [[ ${RT_GC:-} == malloc ]] && defs=-DRT_GC_MALLOC
mkdir -p "$build/tests/runtime/containers"
for src in tests/runtime/containers/*.c; do
  out="$build/tests/runtime/containers/$(basename "$src" .c)"
  ${CC:-cc} -std=gnu11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
    -Wno-unused-parameter -Werror ${CFLAGS:--O2 -g} $defs -Iruntime/include -Iruntime/src \
    -o "$out" "$src" -Wl,--start-group "$build/libaithonrt.a" \
    "$build/tests/runtime/librtstubs.a" -Wl,--end-group -lgc -lgmp -lm -lutf8proc -lpcre2-8
done
