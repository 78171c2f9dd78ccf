/*
 * passes.h - the MIR passes of src/mir (each takes one function, keeps mir_verify's invariants).
 *
 *   mir_pass_ssa       variable slots (var.load/store/delete) -> SSA values and phis (ssa.c);
 *                      sets f->is_ssa.  Reads of a possibly unbound local become check.bound.
 *   mir_pass_simplify  unreachable blocks, br chains, trivial phis, unused pure values
 *                      (simplify.c); renumbers blocks in order.
 * Both return the number of instructions removed or rewritten (0: nothing changed).
 */
#ifndef AITHON_MIR_PASSES_H
#define AITHON_MIR_PASSES_H

#include "mir.h"

int mir_pass_ssa(MirFunction *f);
int mir_pass_simplify(MirFunction *f);

#endif
