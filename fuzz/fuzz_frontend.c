/*
 * fuzz_frontend.c - libFuzzer target over the whole front end: decoding, lexer, parser, AST
 * verifier and semantic analysis.  Any crash, hang, sanitizer report or leak is a bug; each
 * input that found one is kept under tests/robust/fuzz-regressions/ and replayed by the test suite.
 *
 * Build and run:  make fuzz && build/fuzz/fuzz_frontend -dict=fuzz/python.dict \
 *                   -max_total_time=600 CORPUS_DIR SEED_DIR
 * with the seed corpus made from the conformance programs (every .py of ../shared/conformance).
 */
#include <stdint.h>
#include <string.h>

#include "../src/ast/ast.h"
#include "../src/lex/lexer.h"
#include "../src/parse/parser.h"
#include "../src/sema/sema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the Source owns a malloc'd, NUL-terminated buffer, as source_load() would give it */
    char *text = xmalloc(size + 1);
    memcpy(text, data, size);
    text[size] = 0;
    Source src;
    source_from_memory(&src, "fuzz.py", text, size);
    Diag err = {0};
    Arena *arena = arena_new();
    if (source_decode(&src, &err) == 0) {
        Node *mod = parse_module(&src, arena, &err);
        if (mod) {
            if (ast_verify(mod) != 0)
                __builtin_trap();
            Buf b = {0};
            ast_dump(&b, mod, 1);
            buf_free(&b);
            sema_check(mod, &src, arena, &err);
        }
    }
    diag_clear(&err);
    arena_free(arena);
    source_free(&src);
    return 0;
}
