/*
 * test_mirtool.c - the MIR text driver of the golden tests (tests/mir), built as a unit test.
 *
 *   test_mirtool FILE.mir [--ssa] [--simplify] [--bounds]
 *       reads FILE (mir_parse), verifies, runs the passes in that order (verifying after each;
 *       --bounds: src/infer/bounds.c on typed SSA input) and prints the program to stdout;
 *       exit 1 on a parse error or a violation.
 *   test_mirtool [DIR]          (DIR defaults to tests/mir; what tests/run_all.sh runs)
 *       for every DIR/X.mir: the text round-trips (print(parse(text)) printed and parsed again
 *       is the same), with X.ssa.expected present the output of --ssa equals it, with
 *       X.simplify.expected present the output of --ssa --simplify equals it, and with
 *       X.bounds.expected present the output of --bounds equals it.
 * Output of the golden mode: one line per failure, then 'N passed, N failed'.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "infer/infer.h"
#include "mir/mir.h"
#include "mir/passes.h"

enum { PASS_SSA = 1, PASS_SIMPLIFY = 2, PASS_BOUNDS = 4 };

static char *print_program(const MirProgram *p)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    mir_print_program(f, p);
    fclose(f);
    return s;
}

static int verify_all(const MirProgram *p)
{
    int n = 0;
    for (int i = 0; i < p->nfuncs; i++)
        n += mir_verify(p->funcs[i]);
    return n;
}

/* Parses text, runs the passes (PASS_*); returns the printed result or NULL (message on
 * stderr). */
static char *run(const char *path, const char *text, size_t len, int passes)
{
    char *err = NULL;
    MirProgram *p = mir_parse(text, len, &err);
    if (!p) {
        fprintf(stderr, "%s:%s\n", path, err);
        free(err);
        return NULL;
    }
    int bad = verify_all(p);
    for (int i = 0; i < p->nfuncs && !bad; i++) {
        if (passes & PASS_SSA) {
            mir_pass_ssa(p->funcs[i]);
            bad += mir_verify(p->funcs[i]);
        }
        if ((passes & PASS_SIMPLIFY) && !bad) {
            mir_pass_simplify(p->funcs[i]);
            bad += mir_verify(p->funcs[i]);
        }
        if ((passes & PASS_BOUNDS) && !bad) {
            mir_compute_cfg(p->funcs[i]);
            bounds_function(p->funcs[i]);
            bad += mir_verify(p->funcs[i]);
        }
    }
    char *out = bad ? NULL : print_program(p);
    if (bad)
        fprintf(stderr, "%s: %d verifier violations\n", path, bad);
    mir_program_free(p);
    return out;
}

static int golden(const char *dir)
{
    int passed = 0, failed = 0;
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    char **names = NULL;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".mir")) {
            names = realloc(names, (size_t)(n + 1) * sizeof *names);
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    for (int i = 0; i < n; i++)   /* sorted: deterministic report */
        for (int j = i + 1; j < n; j++)
            if (strcmp(names[i], names[j]) > 0) {
                char *t = names[i];
                names[i] = names[j];
                names[j] = t;
            }
    for (int i = 0; i < n; i++) {
        char path[4096], exp[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *text = read_file(path, &len);
        if (!text) {
            printf("FAIL %s: cannot read\n", path);
            failed++;
            continue;
        }
        /* round trip: printing what was read, then reading and printing again, is stable */
        char *once = run(path, text, len, 0);
        char *twice = once ? run(path, once, strlen(once), 0) : NULL;
        if (once && twice && !strcmp(once, twice)) {
            passed++;
        } else {
            printf("FAIL %s: round trip\n", path);
            failed++;
        }
        /* X.ssa.expected: the output of --ssa; X.simplify.expected: of --ssa --simplify;
         * X.bounds.expected: of --bounds */
        static const char *const kinds[] = {"ssa", "simplify", "bounds"};
        static const int kind_passes[] = {PASS_SSA, PASS_SSA | PASS_SIMPLIFY, PASS_BOUNDS};
        for (int k = 0; k < 3; k++) {
            snprintf(exp, sizeof exp, "%s/%.*s.%s.expected", dir, (int)strlen(names[i]) - 4,
                     names[i], kinds[k]);
            size_t elen;
            char *want = read_file(exp, &elen);
            if (!want)
                continue;
            char *got = run(path, text, len, kind_passes[k]);
            if (got && !strcmp(got, want)) {
                passed++;
            } else {
                printf("FAIL %s: %s output differs from %s\n", path, kinds[k], exp);
                if (got)
                    printf("--- got\n%s", got);
                failed++;
            }
            free(got);
            free(want);
        }
        free(once);
        free(twice);
        free(text);
        free(names[i]);
    }
    free(names);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strncmp(argv[1] + strlen(argv[1]) - (strlen(argv[1]) > 4 ? 4 : 0), ".mir",
                            4))
        return golden(argc >= 2 ? argv[1] : "tests/mir");
    int passes = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--ssa"))
            passes |= PASS_SSA;
        else if (!strcmp(argv[i], "--simplify"))
            passes |= PASS_SIMPLIFY;
        else if (!strcmp(argv[i], "--bounds"))
            passes |= PASS_BOUNDS;
        else {
            fprintf(stderr, "usage: %s FILE.mir [--ssa] [--simplify] [--bounds] | [DIR]\n",
                    argv[0]);
            return 2;
        }
    }
    size_t len;
    char *text = read_file(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        return 1;
    }
    char *out = run(argv[1], text, len, passes);
    free(text);
    if (!out)
        return 1;
    fputs(out, stdout);
    free(out);
    return 0;
}
