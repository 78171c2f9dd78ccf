/*
 * main.c - the entry of a compiled program: rt_run_main (rt_func.h) and the older
 * rt_main (rt.h) that takes a bare module body.
 *
 * What CPython does around a script, in order: set up the runtime and the builtins, fill
 * sys.argv, run the main module as "__main__", then
 *   - an uncaught SystemExit: its code decides the exit status (None -> 0, an int -> that
 *     int, anything else printed to stderr -> 1), no traceback;
 *   - any other uncaught exception: the traceback on stderr, status 1;
 *   - flush stdout; a failure there (the reader closed the pipe) is reported as CPython's
 *     "Exception ignored" message with status 120.
 * SIGPIPE is ignored so that writing to a closed pipe raises BrokenPipeError as in CPython.
 * SIGINT keeps its default action (the process dies by the signal: status 130 in the
 * shell); an uncaught KeyboardInterrupt raised by the program prints its traceback and then
 * re-raises SIGINT against the process, as CPython does.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_func.h"

/* the exit status for the pending exception after a failed main module */
static int uncaught(void)
{
    Value exc = rt_exc_fetch();
    if (exc && rt_issubtype(rt_typeof(exc), rt_SystemExit)) {
        fflush(stdout);
        int st = rt_sys_exit_status(exc);
        int fl = rt_flush_std_streams();
        return fl ? fl : st;
    }
    /* CPython flushes sys.stdout before printing the traceback: the program's output comes
     * first even when both streams go to one pipe */
    fflush(stdout);
    rt_print_exception(exc);
    rt_flush_std_streams();
    if (exc && rt_issubtype(rt_typeof(exc), rt_KeyboardInterrupt)) {
        /* CPython ends by the signal itself, so that the shell sees an interrupted child
         * (status 130) */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        return 130;
    }
    return 1;
}

int rt_run_main(int argc, char **argv, ModuleDef *main_def)
{
    signal(SIGPIPE, SIG_IGN);
    rt_init();
    if (rt_builtins_init() < 0 || !rt_builtin_module("sys") || !rt_sys_set_argv(argc, argv)) {
        fprintf(stderr, "Fatal Python error: runtime initialisation failed\n");
        return 1;
    }
    if (!rt_import(main_def))
        return uncaught();
    return rt_flush_std_streams();
}

/* rt_main: a program whose main module is a bare body function */
static Value (*main_body)(void);

static Value run_body(ModuleObject *m)
{
    (void)m;
    return main_body();
}

int rt_main(int argc, char **argv, Value (*module_body)(void))
{
    static ModuleDef def = {.name = "__main__", .init = run_body};
    main_body = module_body;
    return rt_run_main(argc, argv, &def);
}
