/*
 * phasetime.c - see phasetime.h.  Phases are kept in call order in a small fixed table (the
 * compiler has about a dozen); a name beyond it is charged to the last entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "phasetime.h"

#define MAX_PHASES 32

static struct {
    const char *name;
    double secs;
    int calls;
} phases[MAX_PHASES];
static int nphases;
static double last;
static int state;   /* 0: not yet asked, 1: on, -1: off */

/* user+system seconds of this process and of its waited-for children */
static double cpu_now(void)
{
    struct rusage self, kids;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &kids);
    return (double)(self.ru_utime.tv_sec + self.ru_stime.tv_sec + kids.ru_utime.tv_sec +
                    kids.ru_stime.tv_sec) +
           (double)(self.ru_utime.tv_usec + self.ru_stime.tv_usec + kids.ru_utime.tv_usec +
                    kids.ru_stime.tv_usec) / 1e6;
}

int phase_time_enabled(void)
{
    if (state == 0) {
        const char *e = getenv("AITHON_TIME");
        state = e && *e && strcmp(e, "0") != 0 ? 1 : -1;
    }
    return state > 0;
}

void phase_time(const char *name)
{
    if (!phase_time_enabled())
        return;
    double now = cpu_now();
    int i = 0;
    while (i < nphases && strcmp(phases[i].name, name) != 0)
        i++;
    if (i == nphases) {
        if (nphases == MAX_PHASES)
            i = MAX_PHASES - 1;
        else
            phases[nphases++].name = name;
    }
    phases[i].secs += now - last;
    phases[i].calls++;
    last = now;
}

void phase_report(void)
{
    if (!phase_time_enabled() || nphases == 0)
        return;
    double total = 0;
    for (int i = 0; i < nphases; i++)
        total += phases[i].secs;
    fprintf(stderr, "aithon: CPU time per phase (user+sys, children included)\n");
    for (int i = 0; i < nphases; i++)
        fprintf(stderr, "  %-22s %8.3f s %5.1f%%\n", phases[i].name, phases[i].secs,
                total > 0 ? 100.0 * phases[i].secs / total : 0.0);
    fprintf(stderr, "  %-22s %8.3f s\n", "total", total);
    nphases = 0;
}
