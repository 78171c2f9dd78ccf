/*
 * rt_gen.h - generators, coroutines and async generators: the objects wrapping a compiled
 * generator body (an LLVM switched-resume coroutine) and the helpers generated code calls.
 *
 * How a generator function is compiled (src/codegen/codegen.c):
 *   - its BodyFn is the coroutine's ramp: it allocates the frame with rt_alloc (GC-scanned,
 *     never freed), copies its parameters into the frame, calls rt_gen_new(self, frame,
 *     resume) and suspends at once; the ramp returns the new generator object;
 *   - `resume` is a function of the generated module that calls llvm.coro.resume on the
 *     frame; the runtime resumes the body only through it;
 *   - `yield v`: the body stores v in `transfer`, sets status RT_GEN_YIELDED and suspends.
 *     When resumed, a nonzero `throwing` (set by throw()/close(), the exception pending in the
 *     thread state) makes the body clear it and take the yield's exceptional edge; otherwise
 *     `transfer` holds the sent value;
 *   - `return v` stores v in `transfer` with status RT_GEN_RETURNED; an exception leaving the
 *     body (pending in the thread state) gives status RT_GEN_RAISED; both then reach the final
 *     suspension point, and the frame is never resumed again;
 *   - `yield from x` / `await x`: it = rt_gen_yf_iter(gen, x) (rt_gen_await_iter for await),
 *     then a loop of rt_gen_yf_step(gen, it): 1 = the delegate yielded `transfer` (the body
 *     suspends with it and steps again when resumed), 0 = done, the result in `transfer`,
 *     -1 = raised.  throw() and close() forward to the delegate themselves (CPython's rules).
 *
 * The object layout is shared with generated code (offsetof), so keep the fields' offsets in
 * sync with codegen by only reading them through offsetof.
 */
#ifndef AITHON_RT_GEN_H
#define AITHON_RT_GEN_H

#include "rt.h"
#include "rt_func.h"

/* GenObject.state */
enum { RT_GEN_CREATED, RT_GEN_SUSPENDED, RT_GEN_RUNNING, RT_GEN_CLOSED };
/* GenObject.status: set by the body before it suspends */
enum { RT_GEN_YIELDED = 1, RT_GEN_RETURNED = 2, RT_GEN_RAISED = 3,
       RT_GEN_DELEGATED = 4   /* suspended in a yield from / await loop with the delegate's value */ };

typedef struct GenObject {
    Object ob;                 /* rt_generator_type, rt_coroutine_type or rt_async_generator_type */
    void *frame;               /* the coroutine frame (0 once finished) */
    void (*resume)(void *frame);
    const CodeInfo *code;
    Value func;                /* the FunctionObject whose body this runs */
    Value name, qualname;      /* str */
    Value transfer;            /* sent value in; yielded or returned value out */
    Value exc_state;           /* the exception handled inside the body at its last suspension */
    Value yf;                  /* the delegate of a running yield from / await, or 0 */
    Value yf_result;           /* a delegate finished inside throw(): its value, for yf_step */
    int32_t state;             /* RT_GEN_CREATED ... */
    int32_t status;            /* RT_GEN_YIELDED ... */
    int32_t throwing;          /* resumed to raise the pending exception at the suspension */
    int32_t ag_running;        /* async generators: an asend/athrow awaitable is running */
} GenObject;

extern Type rt_async_generator_type;

/* ---- called by generated code ---- */
/* The ramp's call: a new generator/coroutine/async generator (by func's CodeInfo flags) around
 * frame.  Never fails (allocation failure aborts: the frame could not be abandoned cleanly). */
Value rt_gen_new(FunctionObject *func, void *frame, void (*resume)(void *frame));
/* `yield from x`: iter(x), with the coroutine checks; records it as gen's delegate and sets
 * transfer to None for the first step.  RT_ERR after raising. */
Value rt_gen_yf_iter(Value gen, Value x);
/* `await x`: x itself for a coroutine, else x.__await__() (an iterator, not a coroutine), with
 * CPython's TypeErrors; `from` is MIR Await's imm (1: x came from an async with's __aenter__,
 * 2: from its __aexit__, 0: an await expression).  RT_ERR after raising. */
Value rt_gen_await_iter(Value gen, Value x, int from);
/* one step of the delegation: 1 yielded (value in transfer), 0 done (result in transfer),
 * -1 after raising */
int rt_gen_yf_step(Value gen, Value it);

/* One step of a for-loop (or rt_next) over generator `gen`: the yielded value; RT_ERR with
 * nothing pending when it is exhausted (a returned value is dropped, as a for-loop drops the
 * StopIteration's); RT_ERR with the exception pending when the body raised. */
Value rt_gen_next(Value gen);
/* The end of a step generated code made inline (codegen.c gen_next_known): the body of gen
 * returned or raised with `status`; closes gen (PEP 479 applied to what it raised). */
void rt_gen_ended(Value gen, int status);

/* ---- the Python-level protocol ---- */
/* gen.send(v): the next yielded value, or RT_ERR with StopIteration(value) (or the exception
 * the body raised) */
Value rt_gen_send(Value gen, Value v);
/* gen.throw(exc): as send, raising exc at the suspension point first */
Value rt_gen_throw(Value gen, Value type, Value value, Value tb);
Value rt_gen_close(Value gen);   /* rt_None, or RT_ERR after raising */
/* ---- for-loops over a fresh generator (CPython closes a generator when its last reference
 * goes, which for `for x in gen(): ... break` is the moment the loop is left) ---- */
/* 1 when `it` is the generator that calling `callee` (a generator function, or a method of
 * one) just made: no other code can hold a reference to it yet. */
int rt_gen_is_fresh(Value callee, Value it);
/* Leaving such a loop other than by exhaustion: when fresh, close() the generator if it is
 * suspended,
 * with any pending exception set aside; an error from close() is reported as CPython's
 * unraisable-exception hook does ("Exception ignored in: <generator ...>" and a traceback). */
void rt_gen_release(Value it, int fresh);
/* sys.unraisablehook's default output for exception exc raised while finalising obj */
void rt_write_unraisable(Value exc, Value obj);
/* anext(it, default)'s awaitable around it.__anext__()'s result `awaitable`: awaiting it gives
 * that result, or `deflt` where it would raise StopAsyncIteration */
Value rt_anext_awaitable_new(Value awaitable, Value deflt);

#endif
