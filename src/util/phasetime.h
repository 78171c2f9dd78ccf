/*
 * phasetime.h - CPU time per compiler phase, printed to stderr when AITHON_TIME is set
 * (AITHON_TIME=1 aithon build prog.py): the tool to see where compile time goes.
 *
 * phase_time(name) charges the CPU time (user+system, of this process and of the children it
 * waited for, e.g. the linker) spent since the previous call to the phase `name`; phases
 * called repeatedly (the front end of each module) accumulate.  phase_report() prints the
 * table once.  Without AITHON_TIME both are a getenv test and nothing else.
 */
#ifndef AITHON_PHASETIME_H
#define AITHON_PHASETIME_H

int phase_time_enabled(void);
void phase_time(const char *name);
void phase_report(void);

#endif
