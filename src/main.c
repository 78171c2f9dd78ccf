/*
 * main.c - the `aithon` command: argument parsing and the compilation pipeline.
 *
 * The pipeline is the one function frontend() below, read top to bottom:
 *   source_load -> source_decode -> parse_module (lexer inside) -> ast_verify -> sema_check
 * Later phases (MIR lowering, inference, optimisation, LLVM emission, linking) are appended to
 * the same function as they are built.  Each subcommand stops the pipeline at its own point.
 *
 * Errors in the user's program are diagnostics (printed, exit 1); bugs in aithon abort via die().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast/ast.h"
#include "lex/lexer.h"
#include "parse/parser.h"
#include "sema/sema.h"
#include "sema/symtable.h"
#include "util/diag.h"
#include "util/util.h"

#define AITHON_VERSION "0.1.0"

typedef enum Stop { STOP_PARSE, STOP_CHECK } Stop;

typedef struct Options {
    int dump_tokens;
    int dump_ast;
    int positions;       /* --dump-ast with positions (ast.dump(include_attributes=True)) */
    int dump_symtable;
    int quiet;           /* --quiet: no diagnostics on stderr, only the exit status */
} Options;

static const char usage_text[] =
    "usage: aithon <command> [options] FILE...\n"
    "\n"
    "aithon compiles Python 3.11 programs ahead of time to native executables.\n"
    "\n"
    "commands:\n"
    "  parse FILE...      read FILEs (lexer and parser); report the first syntax error of each\n"
    "      --dump-tokens  print the tokens, one per line: line:col-end_line:end_col KIND 'text'\n"
    "      --dump-ast     print the AST exactly as Python's ast.dump(ast.parse(source))\n"
    "      --positions    with --dump-ast: include positions (ast.dump(..., include_attributes=True))\n"
    "  check FILE...      parse and run semantic analysis (scopes, compile-time errors)\n"
    "      --dump-symtable  print every scope and its symbols with their flags\n"
    "\n"
    "common options:\n"
    "  -q, --quiet        print no diagnostics, only set the exit status\n"
    "  -h, --help         this text\n"
    "  --version          print the version\n"
    "\n"
    "With several FILEs and a dump option, each file's output starts with a line '==> FILE <=='.\n"
    "Exit status: 0 when every file is accepted, 1 when any file has an error, 2 on bad usage.\n";

static void usage(FILE *out) { fputs(usage_text, out); }

/* Runs the front end on one file up to `stop`, printing dumps as requested.  Returns 0 when the
 * file is accepted, 1 after printing its diagnostic. */
static int frontend(const char *path, Stop stop, const Options *opt, int show_header)
{
    Source src = {0};
    Diag err = {0};
    Arena *arena = arena_new();
    int rc = 1;

    if (show_header)
        printf("==> %s <==\n", path);

    /* 1. load and decode (BOM, coding declarations, UTF-8 validation) */
    if (source_load(&src, path) != 0) {
        if (!opt->quiet)
            fprintf(stderr, "aithon: cannot read %s: %s\n", path, strerror(errno));
        arena_free(arena);
        return 1;
    }
    if (source_decode(&src, &err) != 0)
        goto fail;

    /* 2. tokens, only when asked for: the parser lexes on its own */
    if (opt->dump_tokens) {
        TokenArray toks = {0};
        lex(&src, src.text, src.len, 1, 0, LEX_FILE, &toks);
        tokens_dump(stdout, &toks);
        tokens_free(&toks);
    }

    /* 3. parse */
    Node *module = parse_module(&src, arena, &err);
    if (!module)
        goto fail;
    if (ast_verify(module) != 0)
        die("AST verification failed for %s", path);
    if (opt->dump_ast) {
        Buf b = {0};
        ast_dump(&b, module, opt->positions);
        fwrite(b.p, 1, b.len, stdout);
        fputc('\n', stdout);
        buf_free(&b);
    }
    if (stop == STOP_PARSE) {
        rc = 0;
        goto done;
    }

    /* 4. semantic analysis: scopes and compile-time errors */
    SymTable *st = sema_check(module, &src, arena, &err);
    if (!st)
        goto fail;
    if (opt->dump_symtable)
        symtable_dump(stdout, st);
    rc = 0;
    goto done;

fail:
    if (!opt->quiet)
        diag_print(stderr, &err, &src);
done:
    fflush(stdout);
    diag_clear(&err);
    source_free(&src);
    arena_free(arena);
    return rc;
}

/* Parses the options of one subcommand; FILE arguments are collected in files. */
static int parse_options(int argc, char **argv, Options *opt, PtrVec *files, Stop stop)
{
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                vec_push(files, argv[i]);
            break;
        }
        if (a[0] != '-' || a[1] == 0) {
            vec_push(files, (void *)a);
        } else if (strcmp(a, "--dump-tokens") == 0 && stop == STOP_PARSE) {
            opt->dump_tokens = 1;
        } else if (strcmp(a, "--dump-ast") == 0 && stop == STOP_PARSE) {
            opt->dump_ast = 1;
        } else if (strcmp(a, "--positions") == 0 && stop == STOP_PARSE) {
            opt->positions = 1;
        } else if (strcmp(a, "--dump-symtable") == 0 && stop == STOP_CHECK) {
            opt->dump_symtable = 1;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            opt->quiet = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        } else {
            fprintf(stderr, "aithon %s: unknown option '%s'\n", argv[1], a);
            return -1;
        }
    }
    if (files->n == 0) {
        fprintf(stderr, "aithon %s: no input files\n", argv[1]);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("aithon %s\n", AITHON_VERSION);
        return 0;
    }

    Stop stop;
    if (strcmp(cmd, "parse") == 0)
        stop = STOP_PARSE;
    else if (strcmp(cmd, "check") == 0)
        stop = STOP_CHECK;
    else {
        fprintf(stderr, "aithon: unknown command '%s' (see aithon --help)\n", cmd);
        return 2;
    }

    Options opt = {0};
    PtrVec files = {0};
    if (parse_options(argc, argv, &opt, &files, stop) != 0)
        return 2;

    int dumping = opt.dump_tokens || opt.dump_ast || opt.dump_symtable;
    int status = 0;
    for (int i = 0; i < files.n; i++)
        status |= frontend(files.v[i], stop, &opt, dumping && files.n > 1);
    vec_free(&files);
    return status;
}
