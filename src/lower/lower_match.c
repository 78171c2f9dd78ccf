/*
 * lower_match.c - match statements, desugared to the checks of CPython's pattern semantics.
 */
#include "lower_internal.h"

void lower_match(LowerFn *F, const Node *s)
{
    lower_fail(F->L, s->loc, "'match' is not supported yet");
}
