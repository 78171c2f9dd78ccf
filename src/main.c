/*
 * main.c - the `aithon` command: argument parsing and the compilation pipeline.
 *
 * parse/check run frontend() below on each file:
 *   source_load -> source_decode -> parse_module (lexer inside) -> ast_verify -> sema_check
 * build/run run the whole pipeline, the one function build() read top to bottom:
 *   front end of every module (imports resolved beside the main file, then in the bundled
 *   library) -> lower_program -> ssa, simplify, mir_verify per function -> codegen_emit (LLVM)
 *   -> link with the runtime (driver.c).  `run` builds into a cache and execs the result.
 *
 * Errors in the user's program are diagnostics (printed, exit 1); bugs in aithon abort via die().
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ast/ast.h"
#include "codegen/codegen.h"
#include "driver/driver.h"
#include "lower/lower.h"
#include "mir/mir.h"
#include "mir/passes.h"
#include "infer/infer.h"
#include "lex/lexer.h"
#include "parse/parser.h"
#include "sema/sema.h"
#include "sema/symtable.h"
#include "util/diag.h"
#include "util/phasetime.h"
#include "util/util.h"

#define AITHON_VERSION "0.1.0"

typedef enum Stop { STOP_PARSE, STOP_CHECK, STOP_BUILD, STOP_RUN } Stop;

/* What build() produces: an executable, or one of the typed tier's reports instead. */
typedef enum Report { REPORT_NONE, REPORT_EXPLAIN, REPORT_STUB } Report;

typedef struct Options {
    int dump_tokens;
    int dump_ast;
    int positions;       /* --dump-ast with positions (ast.dump(include_attributes=True)) */
    int dump_symtable;
    int quiet;           /* --quiet: no diagnostics on stderr, only the exit status */
    /* build and run */
    const char *out;     /* -o */
    int opt_level;       /* -O0..-O3 (default 2) */
    CgEmit emit;         /* --emit-obj/--emit-asm/--emit-llvm; CG_EMIT_OBJ + !emit_set: link */
    int emit_set;
    int is_static;       /* --static */
    const char *dump_mir;   /* --dump-mir[=pass]: "" = after the last pass */
    int run_args;        /* run: index in argv of the first program argument */
    int no_typed;        /* -fno-typed: only the dyn tier (no inference/specialisation) */
    int types;           /* check --types: print the inferred signatures as a .pyi stub */
    Report report;       /* explain / check --types: stop after inference, print a report */
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
    "  build FILE         compile FILE (and the modules it imports) to a native executable\n"
    "      -o OUT         output path (default: FILE without .py; .ll/.o/.s with --emit-*)\n"
    "      -O0..-O3       LLVM optimisation level (default -O2)\n"
    "      --emit-llvm|--emit-obj|--emit-asm   stop after code generation, write IR/object/asm\n"
    "      --static       link fully statically or fail (the default when libc.a exists)\n"
    "      --dump-mir[=PASS]  print the MIR after PASS (lower, ssa, simplify, typed; default: last)\n"
    "      -fno-typed     no type inference: every operation in the generic (dyn) tier\n"
    "      FILE may be a .mir file (MIR text form): code generation tests\n"
    "  explain FILE       type inference report: per function and specialisation, the types\n"
    "                     of parameters, locals and result, and why operations stay dynamic\n"
    "  check --types FILE print the inferred signatures as a .pyi stub\n"
    "  run FILE [ARGS...] build FILE into the cache ($XDG_CACHE_HOME/aithon or ~/.cache/aithon)\n"
    "                     and run it with ARGS; stdin, stdout and the exit status pass through\n"
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

/* One module of the program being built. */
typedef struct Unit {
    const char *name;      /* "__main__", "pkg.mod" */
    char *path;            /* NULL: implemented in C by the runtime */
    char *display;         /* the path the program sees (__file__, tracebacks): absolute, as
                              CPython makes it (see display_path) */
    int is_package;
    Source src;
    Node *ast;
    SymTable *st;
} Unit;

/* Modules the runtime implements in C (lower.h: passed to lowering without an AST). */
static int is_c_module(const char *name)
{
    /* the runtime's own table of C modules (os, io, errno are Python modules in lib/) */
    static const char *const names[] = {
#define CMOD(modname, create) modname,
#include "../runtime/include/rt_cmodules.def"
#undef CMOD
        NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

static Unit *find_unit(PtrVec *units, const char *name)
{
    for (int i = 0; i < units->n; i++)
        if (strcmp(((Unit *)units->v[i])->name, name) == 0)
            return units->v[i];
    return NULL;
}

static Unit *add_unit(PtrVec *units, Arena *a, const char *name, char *path, int is_package)
{
    Unit *u = arena_alloc(a, sizeof *u);
    u->name = arena_strndup(a, name, strlen(name));
    u->path = path;
    u->is_package = is_package;
    vec_push(units, u);
    return u;
}

/* The path a compiled program reports for a module (__file__, traceback entries), fixed at
 * compile time as CPython would compute it at run time: the main script is made absolute by
 * joining the working directory without normalising ("/cwd/../x/prog.py"); a module found
 * through a search directory gets that directory's real path, as sys.path[0] is. */
static char *display_path(const char *path, int is_main)
{
    char buf[PATH_MAX];
    if (is_main) {
        if (path[0] == '/' || !getcwd(buf, sizeof buf))
            return strdup(path);
        size_t n = strlen(buf) + strlen(path) + 2;
        char *r = malloc(n);
        snprintf(r, n, "%s/%s", buf, path);
        return r;
    }
    char *dir = driver_dirname(path);
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char *r = NULL;
    if (dir && realpath(dir, buf)) {
        size_t n = strlen(buf) + strlen(base) + 2;
        r = malloc(n);
        snprintf(r, n, "%s/%s", buf, base);
    }
    free(dir);
    return r ? r : strdup(path);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The default output name: FILE without .py (with the --emit-* extension). */
static char *default_output(const char *path, const Options *opt)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t n = strlen(base);
    if (ends_with(base, ".py") || ends_with(base, ".mir"))
        n -= ends_with(base, ".py") ? 3 : 4;
    const char *ext = !opt->emit_set ? "" : opt->emit == CG_EMIT_LLVM ? ".ll"
                                         : opt->emit == CG_EMIT_ASM   ? ".s"
                                                                      : ".o";
    char *out = malloc(n + 8);
    snprintf(out, n + 8, "%.*s%s", (int)n, base, ext);
    if (n == 0 || strcmp(out, base) == 0)
        snprintf(out, n + 8, "a.out");
    return out;
}

static void dump_mir_if(const Options *opt, const char *pass, const char *last, MirProgram *p)
{
    if (opt->dump_mir && (strcmp(opt->dump_mir, pass) == 0 ||
                          (!opt->dump_mir[0] && strcmp(pass, last) == 0))) {
        mir_print_program(stdout, p);
        fflush(stdout);
    }
}

/* The build pipeline, top to bottom.  Writes the executable (or the --emit-* file) to out
 * (default: from the file name); `inputs`, when given, receives the paths of every source file
 * read (strdup'd), for the run cache.  Returns 0, or 1 after printing a diagnostic. */
static int build(const char *path, const Options *opt, PtrVec *inputs)
{
    Arena *arena = arena_new();
    PtrVec units = {0}, never_run = {0};
    Diag err = {0};
    Unit *failed = NULL;
    MirProgram *prog = NULL;
    MirModule *main_mod = NULL;
    char *tmpdir = NULL, *out = opt->out ? NULL : default_output(path, opt);
    const char *out_path = opt->out ? opt->out : out;
    const char *libdir = driver_lib_dir();
    char *script_dir = driver_dirname(path);
    int rc = 1;
    phase_time("startup");

    if (ends_with(path, ".mir")) {
        /* MIR text straight to code generation (tests of the back end) */
        Unit *u = add_unit(&units, arena, "__main__", strdup(path), 0);
        u->display = strdup(path);   /* the MIR names its functions' files itself */
        if (source_load(&u->src, path) != 0) {
            fprintf(stderr, "aithon: cannot read %s: %s\n", path, strerror(errno));
            goto done;
        }
        char *msg = NULL;
        prog = mir_parse(u->src.text, u->src.len, &msg);
        if (!prog) {
            fprintf(stderr, "%s: error: %s\n", path, msg ? msg : "bad MIR");
            free(msg);
            goto done;
        }
    } else {
        /* 1-4. the front end of every module: the main file, then each module it imports,
         * found beside the main file first, then in the bundled library */
        add_unit(&units, arena, "__main__", strdup(path), 0);
        for (int i = 0; i < units.n; i++) {
            Unit *u = units.v[i];
            if (!u->path)
                continue;
            u->display = display_path(u->path, i == 0);
            if (source_load(&u->src, u->path) != 0) {
                fprintf(stderr, "aithon: cannot read %s: %s\n", u->path, strerror(errno));
                goto done;
            }
            if (inputs)
                vec_push(inputs, strdup(u->path));
            failed = u;
            if (source_decode(&u->src, &err) != 0)
                goto fail;
            phase_time("load");
            u->ast = parse_module(&u->src, arena, &err);
            if (!u->ast)
                goto fail;
            if (ast_verify(u->ast) != 0)
                die("AST verification failed for %s", u->path);
            phase_time("lex+parse");
            u->st = sema_check(u->ast, &u->src, arena, &err);
            if (!u->st)
                goto fail;
            phase_time("sema");
            failed = NULL;
            LowerImport *imps = NULL;
            int nimps = lower_collect_imports(u->ast, u->name, u->is_package, &imps, arena);
            for (int j = 0; j < nimps; j++) {
                const char *name = imps[j].name;
                if (find_unit(&units, name))
                    continue;
                int is_pkg = 0;
                char *p = driver_find_module(script_dir, name, &is_pkg);
                if (!p && libdir)
                    p = driver_find_module(libdir, name, &is_pkg);
                if (p)
                    add_unit(&units, arena, name, p, is_pkg);
                else if (is_c_module(name))
                    add_unit(&units, arena, name, NULL, 0);
                /* otherwise lower_program reports it (or it is optional) */
            }
            phase_time("imports");
        }

        /* 5. lowering: every module at once (closed world) */
        LowerModule *lm = arena_alloc(arena, sizeof *lm * (size_t)units.n);
        for (int i = 0; i < units.n; i++) {
            Unit *u = units.v[i];
            lm[i] = (LowerModule){u->name, u->path ? u->display : u->name, u->is_package, u->ast,
                                  u->st, u->path ? &u->src : NULL};
        }
        prog = lower_program(lm, units.n, &err);
        if (!prog) {
            for (int i = 0; i < units.n; i++) {
                Unit *u = units.v[i];
                if (u->path && err.path && strcmp(err.path, u->path) == 0)
                    failed = u;
            }
            if (!failed)
                failed = units.v[0];
            goto fail;
        }
        phase_time("lower");
    }
    dump_mir_if(opt, "lower", opt->no_typed ? "simplify" : "typed", prog);

    /* 6. MIR passes, with the verifier after each (cheap, and the IR is young) */
    for (int i = 0; i < prog->nfuncs; i++) {
        MirFunction *f = prog->funcs[i];
        if (mir_verify(f) != 0)
            die("MIR verification failed for %s after lowering", f->symbol);
        if (!f->is_ssa)
            mir_pass_ssa(f);
        if (mir_verify(f) != 0)
            die("MIR verification failed for %s after ssa", f->symbol);
    }
    phase_time("ssa+verify");
    dump_mir_if(opt, "ssa", opt->no_typed ? "simplify" : "typed", prog);
    /* simplify always runs; AITHON_SIMPLIFY=0 skips it (to tell its bugs from the back end's) */
    const char *simp = getenv("AITHON_SIMPLIFY");
    int skip_simplify = simp && *simp == '0';
    for (int i = 0; !skip_simplify && i < prog->nfuncs; i++) {
        MirFunction *f = prog->funcs[i];
        mir_pass_simplify(f);
        if (mir_verify(f) != 0)
            die("MIR verification failed for %s after simplify", f->symbol);
    }
    phase_time("simplify");
    dump_mir_if(opt, "simplify", opt->no_typed ? "simplify" : "typed", prog);
    /* 6b. the typed tier: whole-program inference, then typed MIR (verified per function) */
    if (opt->report != REPORT_NONE || !opt->no_typed) {
        Infer *inf = infer_program(prog);
        phase_time("infer");
        if (opt->report != REPORT_NONE) {
            /* the main file's functions carry the path the program reports */
            const char *shown = units.n ? ((Unit *)units.v[0])->display : path;
            if (opt->report == REPORT_EXPLAIN)
                infer_explain(stdout, inf, shown);
            else
                infer_stub(stdout, inf, shown);
            infer_free(inf);
            rc = 0;
            goto done;
        }
        infer_specialize(inf);
        /* methods and functions whose generic version never runs: the back end compiles
         * them cheaply */
        for (int i = 0; i < prog->nfuncs; i++)
            if (!prog->funcs[i]->origin && (!classes_generic_runs(inf, prog->funcs[i]) ||
                                            !funcs_generic_runs(inf, prog->funcs[i])))
                vec_push(&never_run, prog->funcs[i]);
        infer_free(inf);
        phase_time("specialize");
        dump_mir_if(opt, "typed", "typed", prog);
    }
    for (int i = 0; i < prog->nmodules; i++)
        if (strcmp(prog->modules[i]->name, "__main__") == 0)
            main_mod = prog->modules[i];
    if (!main_mod && prog->nmodules > 0)
        main_mod = prog->modules[0];

    /* 7. LLVM code generation into a private temporary directory */
    tmpdir = driver_tmpdir();
    if (!tmpdir) {
        fprintf(stderr, "aithon: cannot create a temporary directory: %s\n", strerror(errno));
        goto done;
    }
    CgSource *srcs = arena_alloc(arena, sizeof *srcs * (size_t)(units.n + 1));
    int nsrcs = 0;
    for (int i = 0; i < units.n; i++) {
        Unit *u = units.v[i];
        if (u->path && u->src.text)
            srcs[nsrcs++] = (CgSource){u->display, u->src.text, u->src.len};
    }
    CgOptions cgo = {opt->opt_level, opt->emit_set ? opt->emit : CG_EMIT_OBJ, 1, 0, srcs, nsrcs,
                     driver_links_sanitized(), (const MirFunction *const *)never_run.v,
                     never_run.n, NULL};
    char obj[4096];
    snprintf(obj, sizeof obj, "%s/%s", tmpdir,
             !opt->emit_set ? "prog.o" : opt->emit == CG_EMIT_LLVM ? "prog.ll"
                                       : opt->emit == CG_EMIT_ASM   ? "prog.s"
                                                                    : "prog.o");
    char obj2[4096];
    snprintf(obj2, sizeof obj2, "%s/prog.2.o", tmpdir);
    if (!opt->emit_set)
        cgo.obj2_path = obj2;
    char *cgerr = NULL;
    int nobj = codegen_emit(prog, main_mod, &cgo, obj, &cgerr);
    if (nobj < 0) {
        fprintf(stderr, "aithon: internal error: %s\n", cgerr ? cgerr : "code generation failed");
        free(cgerr);
        goto done;
    }

    /* 8. the output: the emitted file itself, or an executable linked with the runtime */
    if (opt->emit_set) {
        if (driver_commit(obj, out_path) != 0) {
            fprintf(stderr, "aithon: cannot write %s: %s\n", out_path, strerror(errno));
            goto done;
        }
    } else if (driver_link(obj, nobj == 1 ? obj2 : NULL, out_path, opt->is_static) != 0) {
        goto done;
    }
    phase_time("link");
    rc = 0;
    goto done;

fail:
    if (!opt->quiet)
        diag_print(stderr, &err, failed ? &failed->src : NULL);
done:
    fflush(stdout);
    if (tmpdir)
        driver_rmtree(tmpdir);
    phase_time("cleanup");
    phase_report();
    free(tmpdir);
    free(out);
    free(script_dir);
    diag_clear(&err);
    if (prog)
        mir_program_free(prog);
    for (int i = 0; i < units.n; i++) {
        Unit *u = units.v[i];
        source_free(&u->src);
        free(u->path);
        free(u->display);
    }
    vec_free(&units);
    vec_free(&never_run);
    arena_free(arena);
    return rc;
}

/* A key of the things a cached build depends on, besides the program's sources: the
 * compiler and runtime binaries (by identity and time), the options and the main file. */
static unsigned long long run_key(const char *path, const Options *opt)
{
    unsigned long long h = DRIVER_HASH_INIT;
    const char *bins[2] = {"/proc/self/exe", driver_runtime_lib()};
    for (int i = 0; i < 2; i++) {
        struct stat st;
        if (bins[i] && stat(bins[i], &st) == 0) {
            long long v[4] = {(long long)st.st_dev, (long long)st.st_ino, (long long)st.st_size,
                              (long long)st.st_mtime};
            h = driver_hash(h, v, sizeof v);
        }
    }
    char real[4096];
    const char *p = realpath(path, real) ? real : path;
    h = driver_hash(h, p, strlen(p) + 1);
    h = driver_hash(h, &opt->opt_level, sizeof opt->opt_level);
    h = driver_hash(h, &opt->no_typed, sizeof opt->no_typed);
    return h;
}

/* The cache entry is valid when its manifest lists the same files with the same contents. */
/* A directory's modification stamp: it changes when a file is added, removed or renamed in it
 * (a module that could now be found where it was missing, or the other way round). */
static unsigned long long dir_stamp(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return 0;
    return (unsigned long long)st.st_mtim.tv_sec * 1000000000ull +
           (unsigned long long)st.st_mtim.tv_nsec;
}

static int manifest_ok(const char *manifest)
{
    FILE *f = fopen(manifest, "r");
    if (!f)
        return 0;
    char line[4200];
    int ok = 1, n = 0;
    while (ok && fgets(line, sizeof line, f)) {
        unsigned long long want, have = DRIVER_HASH_INIT;
        char file[4096];
        if (strncmp(line, "D ", 2) == 0) {   /* a directory searched for modules */
            ok = sscanf(line + 2, "%llx %4095[^\n]", &want, file) == 2 &&
                 dir_stamp(file) == want;
            continue;
        }
        if (sscanf(line, "%llx %4095[^\n]", &want, file) != 2 ||
            driver_hash_file(&have, file) != 0 || have != want)
            ok = 0;
        n++;
    }
    fclose(f);
    return ok && n > 0;
}

/* `aithon run FILE ARGS...`: a cached build, then exec (stdin, stdout, exit status pass
 * through because the program replaces this process). */
static int run(const char *path, const Options *opt, int argc, char **argv)
{
    char key[32];
    snprintf(key, sizeof key, "%016llx", run_key(path, opt));
    char *entry = driver_cache_path(key);
    char *tmpdir = NULL;
    char exe[4200], manifest[4200];
    if (entry) {
        snprintf(exe, sizeof exe, "%s.exe", entry);
        snprintf(manifest, sizeof manifest, "%s.inputs", entry);
    } else {   /* no cache location: build in a temporary directory */
        tmpdir = driver_tmpdir();
        if (!tmpdir) {
            fprintf(stderr, "aithon: cannot create a temporary directory\n");
            return 1;
        }
        snprintf(exe, sizeof exe, "%s/prog", tmpdir);
        manifest[0] = 0;
    }
    if (!entry || !manifest_ok(manifest) || access(exe, X_OK) != 0) {
        Options bo = *opt;
        bo.out = exe;
        PtrVec inputs = {0};
        int rc = build(path, &bo, &inputs);
        if (rc == 0 && entry) {
            char tmp[4300];
            snprintf(tmp, sizeof tmp, "%s.tmp%ld", manifest, (long)getpid());
            FILE *f = fopen(tmp, "w");
            for (int i = 0; f && i < inputs.n; i++) {
                unsigned long long h = DRIVER_HASH_INIT;
                char real[4096];
                const char *p = realpath(inputs.v[i], real) ? real : (const char *)inputs.v[i];
                if (driver_hash_file(&h, p) == 0)
                    fprintf(f, "%016llx %s\n", h, p);
            }
            /* the directories modules were looked up in: the inputs' own (packages too), and
             * the bundled library's root */
            PtrVec dirs = {0};
            const char *lib = driver_lib_dir();
            if (lib)
                vec_push(&dirs, strdup(lib));
            for (int i = 0; i < inputs.n; i++) {
                char real[4096];
                const char *p = realpath(inputs.v[i], real) ? real : (const char *)inputs.v[i];
                char *d = driver_dirname(p);
                int seen = !d;
                for (int j = 0; d && j < dirs.n && !seen; j++)
                    seen = strcmp(dirs.v[j], d) == 0;
                if (seen)
                    free(d);
                else
                    vec_push(&dirs, d);
            }
            for (int i = 0; f && i < dirs.n; i++)
                fprintf(f, "D %016llx %s\n", dir_stamp(dirs.v[i]), (char *)dirs.v[i]);
            for (int i = 0; i < dirs.n; i++)
                free(dirs.v[i]);
            vec_free(&dirs);
            if (f && fclose(f) == 0)
                rename(tmp, manifest);
            else
                unlink(tmp);
        }
        for (int i = 0; i < inputs.n; i++)
            free(inputs.v[i]);
        vec_free(&inputs);
        if (rc != 0) {
            free(entry);
            if (tmpdir)
                driver_rmtree(tmpdir);
            free(tmpdir);
            return rc;
        }
    }
    /* argv[0] is the script path, as CPython's sys.argv[0] */
    int nargs = opt->run_args ? argc - opt->run_args : 0;
    char **args = calloc((size_t)nargs + 2, sizeof *args);
    args[0] = (char *)path;
    for (int i = 0; i < nargs; i++)
        args[i + 1] = argv[opt->run_args + i];
    fflush(stdout);
    if (tmpdir) {
        /* a temporary build must be removed afterwards: run it as a child */
        pid_t pid = fork();
        if (pid == 0) {
            execv(exe, args);
            _exit(127);
        }
        int st = 0;
        waitpid(pid, &st, 0);
        driver_rmtree(tmpdir);
        free(tmpdir);
        free(args);
        return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    }
    execv(exe, args);
    fprintf(stderr, "aithon: cannot run %s: %s\n", exe, strerror(errno));
    free(args);
    free(entry);
    return 1;
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
            if (stop == STOP_RUN) {   /* everything after the program is its arguments */
                opt->run_args = i + 1;
                break;
            }
        } else if (stop >= STOP_BUILD && strcmp(a, "-o") == 0 && i + 1 < argc) {
            opt->out = argv[++i];
        } else if (stop >= STOP_BUILD && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3]) {
            opt->opt_level = a[2] - '0';
        } else if (stop == STOP_BUILD && strncmp(a, "--emit-", 7) == 0 &&
                   (!strcmp(a + 7, "llvm") || !strcmp(a + 7, "obj") || !strcmp(a + 7, "asm"))) {
            opt->emit = a[7] == 'l' ? CG_EMIT_LLVM : a[7] == 'o' ? CG_EMIT_OBJ : CG_EMIT_ASM;
            opt->emit_set = 1;
        } else if (stop >= STOP_BUILD && strcmp(a, "-fno-typed") == 0) {
            opt->no_typed = 1;
        } else if (stop >= STOP_BUILD && strcmp(a, "-ftyped") == 0) {
            opt->no_typed = 0;
        } else if (stop == STOP_CHECK && strcmp(a, "--types") == 0) {
            opt->types = 1;
        } else if (stop == STOP_BUILD && strcmp(a, "--static") == 0) {
            opt->is_static = 1;
        } else if (stop == STOP_BUILD && strncmp(a, "--dump-mir", 10) == 0 &&
                   (a[10] == 0 || a[10] == '=')) {
            opt->dump_mir = a[10] ? a + 11 : "";
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
    if (stop >= STOP_BUILD && files->n != 1) {
        fprintf(stderr, "aithon %s: exactly one program file expected\n", argv[1]);
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
    int explain = strcmp(cmd, "explain") == 0;
    if (explain)
        stop = STOP_BUILD;
    else if (strcmp(cmd, "parse") == 0)
        stop = STOP_PARSE;
    else if (strcmp(cmd, "check") == 0)
        stop = STOP_CHECK;
    else if (strcmp(cmd, "build") == 0)
        stop = STOP_BUILD;
    else if (strcmp(cmd, "run") == 0)
        stop = STOP_RUN;
    else {
        fprintf(stderr, "aithon: unknown command '%s' (see aithon --help)\n", cmd);
        return 2;
    }

    Options opt = {0};
    opt.opt_level = 2;
    PtrVec files = {0};
    if (parse_options(argc, argv, &opt, &files, stop) != 0)
        return 2;
    if (explain || (stop == STOP_CHECK && opt.types)) {
        if (files.n != 1) {
            fprintf(stderr, "aithon %s: exactly one program file expected\n", cmd);
            return 2;
        }
        opt.report = explain ? REPORT_EXPLAIN : REPORT_STUB;
        int rc = build(files.v[0], &opt, NULL);
        vec_free(&files);
        return rc;
    }
    if (stop == STOP_BUILD) {
        int rc = build(files.v[0], &opt, NULL);
        vec_free(&files);
        return rc;
    }
    if (stop == STOP_RUN) {
        int rc = run(files.v[0], &opt, argc, argv);
        vec_free(&files);
        return rc;
    }

    int dumping = opt.dump_tokens || opt.dump_ast || opt.dump_symtable;
    int status = 0;
    for (int i = 0; i < files.n; i++)
        status |= frontend(files.v[i], stop, &opt, dumping && files.n > 1);
    vec_free(&files);
    return status;
}
