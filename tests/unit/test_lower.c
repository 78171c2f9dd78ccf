/*
 * test_lower.c - tests of the lowering (src/lower): Python programs -> MIR.
 *
 *   test_lower                      golden tests: every tests/lower/NAME.py lowered and printed,
 *                                   compared with tests/lower/NAME.mir.expected; every function
 *                                   of every program verified (mir_verify)
 *   test_lower --verify FILE|DIR... lowers each program (DIR: every *.py below it, each one a
 *                                   main program) with the modules it imports found beside it,
 *                                   and verifies every function
 *   test_lower --dump FILE          prints the lowered program (to write a golden file)
 *   test_lower --update             rewrites the golden files
 * The last line is "N passed, N failed"; the exit status is 1 when anything failed.
 *
 * Imports are resolved as the driver does (ARCHITECTURE.md): NAME.py or NAME/__init__.py beside
 * the main file; a module found nowhere is passed as implemented in C (ast NULL).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lex/lexer.h"
#include "lower/lower.h"
#include "mir/mir.h"
#include "parse/parser.h"
#include "sema/sema.h"
#include "sema/symtable.h"
#include "util/diag.h"
#include "util/util.h"

static int passed, failed;

typedef struct Prog {
    LowerModule mods[256];
    Source srcs[256];
    int n;
    Arena *arena;
    const char *dir;
} Prog;

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Loads, parses and checks one module; 0 on success, -1 with the diagnostic printed. */
static int load_module(Prog *P, const char *name, const char *path, int is_package)
{
    int k = P->n++;
    Source *src = &P->srcs[k];
    Diag err = {0};
    if (source_load(src, path) != 0) {
        fprintf(stderr, "cannot read %s\n", path);
        return -1;
    }
    if (source_decode(src, &err) != 0) {
        diag_print(stderr, &err, src);
        diag_clear(&err);
        return -1;
    }
    Node *m = parse_module(src, P->arena, &err);
    SymTable *st = m ? sema_check(m, src, P->arena, &err) : NULL;
    if (!st) {
        diag_print(stderr, &err, src);
        diag_clear(&err);
        return -1;
    }
    P->mods[k] = (LowerModule){intern_cstr(name), intern_cstr(path), is_package, m, st, src};
    return 0;
}

static int have_module(Prog *P, const char *name)
{
    for (int i = 0; i < P->n; i++)
        if (strcmp(P->mods[i].name, name) == 0)
            return 1;
    return 0;
}

/* Finds the modules imported by module k (transitively through the recursion). */
static int load_imports(Prog *P, int k)
{
    if (!P->mods[k].ast)
        return 0;
    LowerImport *imps;
    int n = lower_collect_imports(P->mods[k].ast, P->mods[k].name, P->mods[k].is_package, &imps,
                                  P->arena);
    for (int i = 0; i < n; i++) {
        if (have_module(P, imps[i].name) || P->n >= 256)
            continue;
        Buf rel = {0};
        buf_puts(&rel, P->dir);
        buf_putc(&rel, '/');
        for (const char *c = imps[i].name; *c; c++)
            buf_putc(&rel, *c == '.' ? '/' : *c);
        Buf a = {0}, b = {0};
        buf_printf(&a, "%s.py", rel.p);
        buf_printf(&b, "%s/__init__.py", rel.p);
        int rc = 0, before = P->n;
        if (file_exists(a.p))
            rc = load_module(P, imps[i].name, a.p, 0);
        else if (file_exists(b.p))
            rc = load_module(P, imps[i].name, b.p, 1);
        else if (!imps[i].optional)
            P->mods[P->n++] = (LowerModule){imps[i].name, NULL, 0, NULL, NULL, NULL};
        buf_free(&rel);
        buf_free(&a);
        buf_free(&b);
        if (rc)
            return -1;
        if (P->n > before && P->mods[P->n - 1].ast && load_imports(P, P->n - 1))
            return -1;
    }
    return 0;
}

/* Lowers the program whose main file is `path`; NULL after printing why. */
static MirProgram *lower_file(Prog *P, const char *path)
{
    memset(P, 0, sizeof *P);
    P->arena = arena_new();
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        strcpy(dir, ".");
    P->dir = dir;
    MirProgram *prog = NULL;
    if (load_module(P, "__main__", path, 0) == 0 && load_imports(P, 0) == 0) {
        Diag err = {0};
        prog = lower_program(P->mods, P->n, &err);
        if (!prog) {
            const Source *src = NULL;
            for (int i = 0; i < P->n; i++)
                if (P->mods[i].file && err.path && strcmp(P->mods[i].file, err.path) == 0)
                    src = P->mods[i].src;
            diag_print(stderr, &err, src ? src : &P->srcs[0]);
            diag_clear(&err);
        }
    }
    return prog;
}

static void free_prog(Prog *P)
{
    for (int i = 0; i < P->n; i++)
        if (P->srcs[i].text)
            source_free(&P->srcs[i]);
    arena_free(P->arena);
    free((char *)P->dir);
}

/* Verifies every function of the lowered program at `path`; counts one test per program. */
static int verify_file(const char *path)
{
    Prog P;
    MirProgram *prog = lower_file(&P, path);
    int bad = 0;
    if (!prog) {
        bad = 1;
    } else {
        for (int i = 0; i < prog->nfuncs; i++)
            if (mir_verify(prog->funcs[i]) != 0) {
                fprintf(stderr, "  in %s (%s)\n", prog->funcs[i]->symbol, path);
                bad = 1;
            }
        mir_program_free(prog);
    }
    free_prog(&P);
    if (bad) {
        failed++;
        fprintf(stderr, "FAIL verify %s\n", path);
    } else {
        passed++;
    }
    return bad;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.py below dir (sorted, deterministic); modules of multi-file programs are verified as
 * programs of their own too, which is harmless. */
static void verify_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        verify_file(dir);
        return;
    }
    char **names = NULL;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        names = xrealloc(names, sizeof(char *) * (size_t)(n + 1));
        Buf b = {0};
        buf_printf(&b, "%s/%s", dir, de->d_name);
        names[n++] = b.p;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof(char *), cmp_str);
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
            verify_tree(names[i]);
        else if (ends_with(names[i], ".py") && !ends_with(names[i], "__init__.py"))
            verify_file(names[i]);
        free(names[i]);
    }
    free(names);
}

static char *dump_file(const char *path)
{
    Prog P;
    MirProgram *prog = lower_file(&P, path);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (prog) {
        mir_print_program(mem, prog);
        mir_program_free(prog);
    } else {
        fputs("(lowering failed)\n", mem);
    }
    fclose(mem);
    free_prog(&P);
    return text;
}

static void golden(const char *dir, int update)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "no %s\n", dir);
        failed++;
        return;
    }
    char **names = NULL;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (ends_with(de->d_name, ".py")) {
            names = xrealloc(names, sizeof(char *) * (size_t)(n + 1));
            names[n++] = xstrdup(de->d_name);
        }
    closedir(d);
    qsort(names, (size_t)n, sizeof(char *), cmp_str);
    for (int i = 0; i < n; i++) {
        Buf py = {0}, exp = {0};
        buf_printf(&py, "%s/%s", dir, names[i]);
        buf_printf(&exp, "%s/%.*s.mir.expected", dir, (int)(strlen(names[i]) - 3), names[i]);
        verify_file(py.p);
        char *got = dump_file(py.p);
        if (update) {
            FILE *f = fopen(exp.p, "w");
            if (f) {
                fputs(got, f);
                fclose(f);
            }
        }
        size_t len;
        char *want = read_file(exp.p, &len);
        if (want && strcmp(want, got) == 0) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "FAIL golden %s (diff: test_lower --dump %s | diff %s -)\n", py.p,
                    py.p, exp.p);
        }
        free(want);
        free(got);
        buf_free(&py);
        buf_free(&exp);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "--dump") == 0) {
        char *t = dump_file(argv[2]);
        fputs(t, stdout);
        free(t);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "--verify") == 0) {
        for (int i = 2; i < argc; i++)
            verify_tree(argv[i]);
    } else {
        golden("tests/lower", argc >= 2 && strcmp(argv[1], "--update") == 0);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
