/*
 * timemod.c - the `time` module (the small part programs use): time, time_ns, perf_counter,
 * perf_counter_ns, monotonic, monotonic_ns, process_time, process_time_ns, sleep.
 *
 * Entry point (rt_mods.h): rt_time_module_create; registered by rt_mods_register
 * (mathmod.c).  Clocks are POSIX clock_gettime clocks, as CPython uses on Linux:
 * CLOCK_REALTIME for time(), CLOCK_MONOTONIC for monotonic() and perf_counter(),
 * CLOCK_PROCESS_CPUTIME_ID for process_time().  sleep() restarts nanosleep after a signal
 * with the remaining time (PEP 475).  _local_offset(t) (not CPython's) tells lib/datetime.py
 * the local zone at a POSIX time: (UTC offset in seconds, zone name, isdst), from localtime_r.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <time.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "rt_mods.h"

static size_t nkw(Value kwnames) { return kwnames ? (size_t)rt_tuple_size(kwnames) : 0; }

static int check_none(const char *name, size_t nargs, Value kwnames)
{
    if (nkw(kwnames)) {
        rt_raise_fmt(rt_TypeError, "time.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs) {
        rt_raise_fmt(rt_TypeError, "time.%s() takes no arguments (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

static int64_t clock_ns(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define CLOCK_FN(NAME, CLOCK)                                                              \
    static Value time_##NAME(Value self, const Value *args, size_t nargs, Value kwnames)  \
    {                                                                                     \
        (void)self;                                                                       \
        (void)args;                                                                       \
        if (check_none(#NAME, nargs, kwnames) < 0)                                        \
            return RT_ERR;                                                                \
        return rt_float((double)clock_ns(CLOCK) * 1e-9);                                  \
    }                                                                                     \
    static Value time_##NAME##_ns(Value self, const Value *args, size_t nargs,            \
                                  Value kwnames)                                          \
    {                                                                                     \
        (void)self;                                                                       \
        (void)args;                                                                       \
        if (check_none(#NAME "_ns", nargs, kwnames) < 0)                                  \
            return RT_ERR;                                                                \
        return rt_int_from_i64(clock_ns(CLOCK));                                          \
    }

CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)

static Value time_sleep(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (nkw(kwnames))
        return rt_raise_str(rt_TypeError, "time.sleep() takes no keyword arguments");
    if (nargs != 1)
        return rt_raise_fmt(rt_TypeError, "time.sleep() takes exactly one argument "
                                          "(%zu given)", nargs);
    Value v = args[0];
    double secs;
    if (rt_is_int(v)) {
        secs = rt_int_as_double(v);
        if (secs == -1.0 && rt_exc_pending())
            return RT_ERR;
    } else if (rt_is_float(v)) {
        secs = rt_float_val(v);
        if (isnan(secs))
            return rt_raise_str(rt_ValueError, "Invalid value NaN (not a number)");
    } else {
        return rt_raise_fmt(rt_TypeError, "'%s' object cannot be interpreted as an integer",
                            rt_type_name(v));
    }
    if (secs < 0)
        return rt_raise_str(rt_ValueError, "sleep length must be non-negative");
    if (secs > 9.2e9)
        return rt_raise_str(rt_OverflowError, "timestamp too large to convert to C _PyTime_t");
    struct timespec req, rem;
    req.tv_sec = (time_t)secs;
    req.tv_nsec = (long)((secs - (double)req.tv_sec) * 1e9);
    if (req.tv_nsec >= 1000000000)
        req.tv_nsec = 999999999;
    while (nanosleep(&req, &rem) != 0) {
        if (errno != EINTR)
            return rt_raise_errno(errno, 0);
        req = rem;
    }
    return rt_None;
}

/* _local_offset(t): the local zone's (utcoffset seconds, name, isdst) at int POSIX time t */
static Value time_local_offset(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (nkw(kwnames) || nargs != 1)
        return rt_raise_str(rt_TypeError, "time._local_offset() takes exactly one argument");
    int64_t t;
    if (rt_int_as_i64(args[0], &t) < 0)
        return RT_ERR;
    time_t tt = (time_t)t;
    struct tm tm;
    tzset();
    if (!localtime_r(&tt, &tm))
        return rt_raise_str(rt_OverflowError, "timestamp out of range for platform time_t");
    Value name = rt_str_from_cstr(tm.tm_zone ? tm.tm_zone : "");
    if (!name)
        return RT_ERR;
    return rt_tuple_pack(3, rt_int_from_i64((int64_t)tm.tm_gmtoff), name,
                         rt_small(tm.tm_isdst > 0));
}

static const struct { const char *name; VectorCallFn fn; } time_functions[] = {
    {"_local_offset", time_local_offset},
    {"time", time_time},
    {"time_ns", time_time_ns},
    {"monotonic", time_monotonic},
    {"monotonic_ns", time_monotonic_ns},
    {"perf_counter", time_perf_counter},
    {"perf_counter_ns", time_perf_counter_ns},
    {"process_time", time_process_time},
    {"process_time_ns", time_process_time_ns},
    {"sleep", time_sleep},
};

Value rt_time_module_create(void)
{
    Value m = rt_module_new("time", 0);
    if (!m)
        return RT_ERR;
    Value d = ((ModuleObject *)rt_obj(m))->dict;
    Value modname = rt_str_from_cstr("time");
    if (!modname)
        return RT_ERR;
    for (size_t i = 0; i < sizeof time_functions / sizeof time_functions[0]; i++) {
        Value f = rt_builtin_new(time_functions[i].name, time_functions[i].fn, 0, modname);
        if (!f || rt_dict_set(d, rt_str_intern(time_functions[i].name), f) < 0)
            return RT_ERR;
    }
    return m;
}
