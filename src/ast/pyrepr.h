/*
 * pyrepr.h - Python 3.11's exact repr() of constant values, appended to a Buf.
 *
 * Used by the AST dumper (ast.dump prints constants with repr) and meant to be reused by the
 * runtime, so nothing here knows about the AST: every function takes plain C values.
 *
 * Strings are UTF-8 in which lone surrogates (U+D800..U+DFFF) may appear as 3-byte sequences
 * (generalised UTF-8, as ast.h's CK_STR); bytes that decode as neither are printed as \xNN
 * rather than rejected, since a repr must never fail.
 *
 * Printability follows CPython 3.11's str.isprintable() (Unicode 14.0): code points assigned
 * only in later Unicode versions count as unassigned (Cn), even when libutf8proc knows them.
 */
#ifndef AITHON_PYREPR_H
#define AITHON_PYREPR_H

#include <stddef.h>
#include <stdint.h>
#include "../util/util.h"

/* repr(str): quotes chosen as Python does ('...' unless the text holds ' and no "). */
void pyrepr_str(Buf *out, const char *s, size_t len);
/* repr(bytes): b'...' with \xNN for non-ASCII and controls. */
void pyrepr_bytes(Buf *out, const char *s, size_t len);
/* repr(int) of a machine integer; big ints are already decimal text and print as they are. */
void pyrepr_int(Buf *out, int64_t v);
/* repr(float): shortest round-trip digits, '1e+16' / '0.0001' / '1.0' / 'inf' / 'nan'. */
void pyrepr_float(Buf *out, double d);
/* repr(complex(re, im)): '1j', '(1+2j)', '(-0-1j)', 'infj', '(nan+nanj)'. */
void pyrepr_complex(Buf *out, double re, double im);

/* str.isprintable() for one code point (Python 3.11 semantics). */
int pyrepr_isprintable(uint32_t cp);

/* The shortest decimal digits that round-trip to d (finite, d != 0 allowed: gives "0", 1):
 * writes the digits (no sign, no dot, NUL-terminated, at most 17) to digits and returns the
 * decimal exponent decpt such that |d| = 0.DIGITS * 10**decpt.  Exposed for float formatting
 * in the runtime (str(), format()). */
int pyrepr_shortest_digits(double d, char digits[20]);

#endif
