# aithon - build rules.
#
#   make            build/aithon (the compiler)
#   make test       every test (see tests/run_all.sh); ends with "N passed, N failed"
#   make asan       build/asan/aithon with AddressSanitizer + UndefinedBehaviorSanitizer
#   make fuzz       build/fuzz/fuzz_frontend (libFuzzer + ASan + UBSan over lexer/parser/sema)
#   make lint       cppcheck over the sources
#   make setup      install the Debian packages the project needs (scripts/setup.sh)
# WERROR=1 turns warnings into errors (CI sets it).

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter \
           -Wpointer-arith -Wvla
ifeq ($(WERROR),1)
WARN    += -Werror
endif
CFLAGS  ?= $(OPT)
ALL_CFLAGS := -std=gnu11 $(WARN) $(CFLAGS) -MMD -MP
LIBS    := -lutf8proc -lgmp

# compiler sources, by phase (docs/internals/pipeline.md)
SRC_UTIL  := $(wildcard src/util/*.c)
SRC_LEX   := $(wildcard src/lex/*.c)
SRC_AST   := $(wildcard src/ast/*.c)
SRC_PARSE := $(wildcard src/parse/*.c)
SRC_SEMA  := $(wildcard src/sema/*.c)
SRC_FRONT := $(SRC_UTIL) $(SRC_LEX) $(SRC_AST) $(SRC_PARSE) $(SRC_SEMA)
# middle and back end: MIR (src/mir), lowering AST -> MIR (src/lower), LLVM code generation
# (src/codegen, the only files that include <llvm-c/...>)
SRC_MIR     := $(wildcard src/mir/*.c)
SRC_LOWER   := $(wildcard src/lower/*.c)
# the typed tier: type inference, specialisation, reports (docs/internals/typed.md)
SRC_INFER   := $(wildcard src/infer/*.c)
SRC_CODEGEN := $(wildcard src/codegen/*.c)
SRC_BACK    := $(SRC_MIR) $(SRC_LOWER) $(SRC_INFER) $(SRC_CODEGEN) $(wildcard src/driver/*.c)
SRC_MAIN  := src/main.c

LLVM_CONFIG ?= llvm-config-19
LLVM_CFLAGS := $(shell $(LLVM_CONFIG) --cflags 2>/dev/null)
LLVM_LIBS   := $(shell $(LLVM_CONFIG) --link-shared --ldflags --libs 2>/dev/null) \
               -Wl,-rpath,$(shell $(LLVM_CONFIG) --libdir 2>/dev/null)

OBJ_FRONT := $(SRC_FRONT:%.c=$(BUILD)/obj/%.o)
OBJ_BACK  := $(SRC_BACK:%.c=$(BUILD)/obj/%.o)
OBJ_MAIN  := $(SRC_MAIN:%.c=$(BUILD)/obj/%.o)
$(SRC_CODEGEN:%.c=$(BUILD)/obj/%.o): ALL_CFLAGS += $(LLVM_CFLAGS)
# How the driver links programs must match how the runtime beside it was built: without libgc
# in RT_GC=malloc mode; with $(CC) and the sanitizer runtimes when LINK_SANITIZE=1 (`make asan`).
DRIVER_DEFS := $(if $(filter malloc,$(RT_GC)),-DAITHON_RT_GC_MALLOC) \
               $(if $(LINK_SANITIZE),-DAITHON_SANITIZE -DAITHON_LINK_CC='"$(CC)"')
$(BUILD)/obj/src/driver/driver.o: ALL_CFLAGS += $(DRIVER_DEFS)

.PHONY: all test asan fuzz lint setup clean unit
# the compiler and the runtime library it links into every program
all: $(BUILD)/aithon runtime

$(BUILD)/aithon: $(OBJ_MAIN) $(OBJ_FRONT) $(OBJ_BACK)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(if $(SRC_CODEGEN),$(LLVM_LIBS))

# Objects are rebuilt when the flags that change their code change (a build tree reused with
# another RT_GC, CFLAGS or compiler would otherwise mix objects of both): $(BUILD)/.flags holds
# them and is rewritten only when they differ.  Warning flags are left out (WERROR=1 changes
# no code).
# (written at the end of this file, once RT_DEFS is defined)
FLAGS_STAMP := $(BUILD)/.flags
$(BUILD)/obj/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# unit tests for the C modules: tests/unit/test_*.c, each a program linked with the frontend
UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
unit: $(UNIT_BIN)
$(BUILD)/tests/%: tests/unit/%.c $(OBJ_FRONT) $(OBJ_BACK)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $^ $(LIBS) $(if $(SRC_CODEGEN),$(LLVM_LIBS))

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# ---- runtime (begin) --------------------------------------------------------------------------
# build/libaithonrt.a holds every runtime/src/*.c (the wildcard picks up new files), always with
# -Werror.  RT_GC=malloc swaps the Boehm collector for a malloc-backed allocator (ASan/UBSan and
# Boehm's conservative scanning do not mix; see runtime/src/alloc.c).
#   make runtime            the library
#   make runtime-test       runtime unit tests + differential tests against python3
#   make runtime-asan       unit tests + 5% of the differential tests under ASan + UBSan (RT_GC=malloc)
#   make runtime-gc-stress  unit tests + 20% of the differential tests collecting every 64
#                           allocations (RT_GC=stress)
#   make runtime-lint       cppcheck over runtime/src
# Runtime tests link the library, never the compiler's objects: tests/runtime/unit/*.c are
# programs (last line "N passed, N failed"); tests/runtime/stubs/*.c stand in for runtime
# modules that do not exist yet and lose to the library's own definitions (one link group).
RT_SRC      := $(wildcard runtime/src/*.c)
RT_OBJ      := $(RT_SRC:%.c=$(BUILD)/obj/%.o)
RT_LIB      := $(BUILD)/libaithonrt.a
RT_LIBS     := -lgc -lgmp -lutf8proc -lpcre2-8 -lm
RT_DEFS     := $(if $(filter malloc,$(RT_GC)),-DRT_GC_MALLOC) $(if $(filter stress,$(RT_GC)),-DRT_GC_STRESS=64)
RT_STUB_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard tests/runtime/stubs/*.c))
RT_STUBS    := $(BUILD)/tests/runtime/librtstubs.a
RT_TEST_SRC := $(wildcard tests/runtime/unit/*.c) $(wildcard tests/runtime/diff/*.c)
RT_TEST_BIN := $(RT_TEST_SRC:tests/runtime/%.c=$(BUILD)/tests/runtime/%)
$(RT_OBJ) $(RT_STUB_OBJ): ALL_CFLAGS += -Iruntime/include -Werror $(RT_DEFS)

.PHONY: runtime runtime-test runtime-test-bins runtime-asan runtime-gc-stress runtime-lint
runtime: $(RT_LIB)
$(RT_LIB): $(RT_OBJ)
	@rm -f $@
	ar rcs $@ $^
$(RT_STUBS): $(RT_STUB_OBJ)
	@mkdir -p $(dir $@)
	@rm -f $@
	ar rcs $@ $^
$(BUILD)/tests/runtime/%: tests/runtime/%.c $(RT_LIB) $(RT_STUBS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Iruntime/include -Iruntime/src -Werror $(RT_DEFS) -o $@ $< \
	  -Wl,--start-group $(RT_LIB) $(RT_STUBS) -Wl,--end-group $(RT_LIBS)
runtime-test-bins: $(RT_TEST_BIN)
runtime-test: runtime-test-bins
	tests/runtime/run.sh $(BUILD)
runtime-asan:
	$(MAKE) BUILD=build/asan-rt CC=clang-19 CFLAGS="$(SAN_FLAGS)" RT_GC=malloc runtime-test-bins
	ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 tests/runtime/run.sh build/asan-rt --scale 0.05
# cppcheck's uninitvar misreads int.c's mpz views (output parameters filled by mpz_roinit_n)
runtime-lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem --suppress=uninitvar:runtime/src/int.c -Iruntime/include \
	  runtime/src
runtime-gc-stress:
	$(MAKE) BUILD=build/gcstress-rt RT_GC=stress runtime-test-bins
	tests/runtime/run.sh build/gcstress-rt --scale 0.2
# ---- runtime (end) ----------------------------------------------------------------------------
# The sanitized compiler comes with a sanitized runtime beside it (build/asan/libaithonrt.a, in
# RT_GC=malloc mode: see runtime/src/alloc.c for why not Boehm), and its driver links every
# program it builds with that runtime through $(CC) -fsanitize=address,undefined (AITHON_SANITIZE
# below), so compiled programs run with ASan+UBSan inside the runtime too.
asan:
	$(MAKE) BUILD=build/asan CC=clang-19 CFLAGS="$(SAN_FLAGS)" RT_GC=malloc LINK_SANITIZE=1 all

FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
fuzz: $(SRC_FRONT) fuzz/fuzz_frontend.c
	@mkdir -p build/fuzz
	clang-19 -std=gnu11 $(FUZZ_FLAGS) -DAITHON_FUZZ -o build/fuzz/fuzz_frontend fuzz/fuzz_frontend.c $(SRC_FRONT) $(LIBS)

test: all unit
	tests/run_all.sh

lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem -Isrc src

setup:
	scripts/setup.sh

clean:
	rm -rf build

FLAGS_NOW := $(subst ',,$(CC) $(CFLAGS) $(RT_DEFS) $(DRIVER_DEFS) $(LLVM_CFLAGS))
$(shell mkdir -p $(BUILD) && { echo '$(FLAGS_NOW)' | cmp -s - $(FLAGS_STAMP) || echo '$(FLAGS_NOW)' >$(FLAGS_STAMP); })

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
