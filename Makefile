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
SRC_MAIN  := src/main.c

OBJ_FRONT := $(SRC_FRONT:%.c=$(BUILD)/obj/%.o)
OBJ_MAIN  := $(SRC_MAIN:%.c=$(BUILD)/obj/%.o)

.PHONY: all test asan fuzz lint setup clean unit
all: $(BUILD)/aithon

$(BUILD)/aithon: $(OBJ_MAIN) $(OBJ_FRONT)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# unit tests for the C modules: tests/unit/test_*.c, each a program linked with the frontend
UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
unit: $(UNIT_BIN)
$(BUILD)/tests/%: tests/unit/%.c $(OBJ_FRONT)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $^ $(LIBS)

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
asan:
	$(MAKE) BUILD=build/asan CC=clang-19 CFLAGS="$(SAN_FLAGS)" all

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

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
