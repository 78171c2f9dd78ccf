/*
 * rt_num.h - the Python-visible methods and properties of int, float and complex, beyond the
 * type slots of rt.h.  Implemented in runtime/src/num_methods.c; the table that binds them to
 * attribute names is runtime/src/num_methods.def (X-macros, the same conventions as
 * str_methods.def: Value cfunc(Value self, Value a1, ..., Value a_nmax), a missing optional
 * argument passed as 0; class methods take the class as self).
 *
 * `self` is always of the right type (the binding layer checks the receiver: an int method may
 * get a bool or an int subclass instance); every other argument is checked here with CPython's
 * messages.  Each returns RT_ERR after raising.
 */
#ifndef AITHON_RT_NUM_H
#define AITHON_RT_NUM_H

#include "rt.h"

/* int (bool inherits them) */
Value rt_int_conjugate(Value self);
Value rt_int_to_bytes(Value self, Value length, Value byteorder, Value is_signed);
Value rt_int_from_bytes(Value cls, Value bytes, Value byteorder, Value is_signed);
Value rt_int_m_round(Value self, Value ndigits);      /* __round__ */
Value rt_int_m_trunc(Value self);                     /* __trunc__, __floor__, __ceil__ */
Value rt_int_m_format(Value self, Value spec);        /* __format__ */
Value rt_int_get_real(Value self);
Value rt_int_get_imag(Value self);
Value rt_int_get_numerator(Value self);
Value rt_int_get_denominator(Value self);

/* float */
Value rt_float_conjugate(Value self);
Value rt_float_m_fromhex(Value cls, Value s);         /* classmethod float.fromhex */
Value rt_float_m_round(Value self, Value ndigits);
Value rt_float_m_trunc(Value self);
Value rt_float_m_floor(Value self);
Value rt_float_m_ceil(Value self);
Value rt_float_m_format(Value self, Value spec);
Value rt_float_get_real(Value self);
Value rt_float_get_imag(Value self);

/* complex */
Value rt_complex_conjugate(Value self);
Value rt_complex_m_format(Value self, Value spec);
Value rt_complex_get_real(Value self);
Value rt_complex_get_imag(Value self);

#endif
