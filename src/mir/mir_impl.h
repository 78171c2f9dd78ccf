/*
 * mir_impl.h - helpers shared by the files of src/mir only (not part of the MIR contract).
 *
 * Arrays of a function (instructions of a block, operands, blocks, preds) live in the
 * function's arena; growing one copies it into a fresh arena chunk (the old one is wasted until
 * the arena is freed, bounded by doubling).  Nothing outside src/mir includes this header.
 */
#ifndef AITHON_MIR_IMPL_H
#define AITHON_MIR_IMPL_H

#include "mir.h"

/* Grows *arr (elements of `size` bytes, *cap of them) in arena `a` so that it holds `need`. */
void mir_grow(Arena *a, void *arr, int *cap, int need, size_t size);
/* A detached instruction of `op` (not in any block): result type defaulted, SSA id assigned. */
MirInst *mir_inst_new(MirFunction *f, MirOp op, MirInst **args, int nargs, Loc loc);
/* Inserts detached inst `i` into block b at position pos (0 = first). */
void mir_block_insert(MirFunction *f, MirBlock *b, int pos, MirInst *i);
/* Appends operand v, from predecessor b, to phi. */
void mir_phi_add(MirFunction *f, MirInst *phi, MirBlock *b, MirInst *v);
/* The default result type of op (mir.h: mir_emit). */
MirType mir_default_type(MirOp op);
/* The raising instruction of b that owns its exceptional edge (last before the terminator), or
 * the terminator itself when it raises; NULL when none. */
MirInst *mir_block_raiser(const MirBlock *b);
/* Writes s[0..len) as a C-escaped quoted string (\" \\ \n \t \r, other bytes < 0x20 or >= 0x7f as
 * \xNN with exactly two digits, which parse.c reads back). */
void mir_put_quoted(FILE *out, const char *s, size_t len);

/* Phi helpers (ssa.c), shared with simplify.c: drop the operands of predecessors that are no
 * longer predecessors (after mir_compute_cfg); remove trivial phis until none is left, returning
 * how many were removed (operands rewritten, an undef made for a phi of nothing but itself). */
void mir_prune_phis(MirFunction *f);
int mir_remove_trivial_phis(MirFunction *f);

#endif
