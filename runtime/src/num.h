/*
 * num.h - internal helpers shared by the numeric files (int.c, float.c, complex.c, numfmt.c):
 * GMP views of int values and exact conversions.  Not part of the ABI.
 */
#ifndef AITHON_RT_NUM_INTERNAL_H
#define AITHON_RT_NUM_INTERNAL_H

#include <gmp.h>
#include <locale.h>

#include "rt.h"

/* Read-only mpz view of any int value (small, bool, big, int subclass).  `tmp` and `limb`
 * are caller storage used for small values, so the view never allocates. */
mpz_srcptr rt_int_view(Value v, mpz_ptr tmp, mp_limb_t *limb);
/* The canonical int for z, adopting its limbs (z must not be used or cleared afterwards). */
Value rt_int_from_mpz(mpz_ptr z);
/* Correctly rounded (half-even) a/b for b != 0; -1 when the result overflows a double. */
int rt_mpz_ratio_to_double(mpz_srcptr a, mpz_srcptr b, double *out);
/* value of an int as a double, rounded half-even; -1 (nothing raised) on overflow */
int rt_int_to_double_exact(Value v, double *out);
/* compare an int with a finite-or-not double exactly: -1, 0, 1; 2 when d is nan */
int rt_int_cmp_double(Value i, double d);

/* complex ** complex with CPython's algorithm (float.c: negative ** fractional) */
Value rt_complex_pow_values(double ar, double ai, double br, double bi);

/* int()/float() text with Unicode decimal digits made ASCII and Unicode spaces made ' '
 * (other non-ASCII characters become '?'); s itself when it is all ASCII; NULL on error */
const char *rt_num_ascii(const char *s, size_t n, size_t *outn);

/* the longest float-literal prefix of p[0..n) (no underscores): its length, 0 if none */
size_t rt_float_prefix(const char *p, size_t n, double *out);

/* printf/strtod of doubles in the "C" locale whatever LC_NUMERIC the program set (Python's
 * float text never depends on the locale): bracket them with these (uselocale is per thread) */
locale_t rt_c_locale(void);
#define RT_C_NUMERIC_BEGIN locale_t rt_saved_locale_ = uselocale(rt_c_locale())
#define RT_C_NUMERIC_END ((void)uselocale(rt_saved_locale_))

/* format helpers shared by float.c and numfmt.c */
/* shortest round-trip digits of finite d > 0: digits into buf (NUL-terminated), returns the
 * decimal exponent e such that d = 0.DIGITS * 10**e */
int rt_double_shortest(double d, char *digits);

#endif
