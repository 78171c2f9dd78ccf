/*
 * gen.c - generator, coroutine and async generator objects (rt_gen.h): the Python-level
 * protocol (send, throw, close, __next__, __await__, asend/athrow/aclose) around compiled
 * bodies that are LLVM switched-resume coroutines, and the yield from / await helpers that
 * generated code calls in its delegation loop.
 *
 * Entry points: rt_gen_new, rt_gen_yf_iter, rt_gen_await_iter, rt_gen_yf_step, rt_gen_send,
 * rt_gen_throw, rt_gen_close and the types rt_generator_type, rt_coroutine_type,
 * rt_async_generator_type.
 *
 * Invariants:
 *   - a body is resumed only from gen_resume(), with state RUNNING meanwhile ("generator
 *     already executing"); once it returned or raised, state is CLOSED and frame is 0;
 *   - the exception being handled inside a body is saved in exc_state when it suspends and
 *     restored when it resumes (CPython's gi_exc_state), the caller's is kept around it;
 *   - StopIteration leaving a body becomes RuntimeError (PEP 479), as StopAsyncIteration
 *     leaving an async generator's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_class.h"
#include "rt_func.h"
#include "rt_gen.h"
#include "rt_str.h"
#include "rt_builtins.h"
#include "class_internal.h"

static GenObject *G(Value v) { return (GenObject *)rt_obj(v); }

static int is_gen_obj(Value v)
{
    if (rt_is_small(v))
        return 0;
    Type *t = rt_obj(v)->type;
    return t == &rt_generator_type || t == &rt_coroutine_type || t == &rt_async_generator_type;
}

static int is_coro(Value v) { return !rt_is_small(v) && rt_obj(v)->type == &rt_coroutine_type; }

/* "generator", "coroutine", "async generator" for messages */
static const char *kind_name(GenObject *g)
{
    if (g->ob.type == &rt_coroutine_type)
        return "coroutine";
    if (g->ob.type == &rt_async_generator_type)
        return "async generator";
    return "generator";
}

static int ensure_dict(Type *t);

Value rt_gen_new(FunctionObject *fo, void *frame, void (*resume)(void *frame))
{
    uint32_t fl = fo->code->flags;
    Type *t = (fl & RT_CO_ASYNC_GEN) ? &rt_async_generator_type
            : (fl & RT_CO_COROUTINE) ? &rt_coroutine_type
                                     : &rt_generator_type;
    ensure_dict(t);
    GenObject *g = (GenObject *)rt_new_object(t, sizeof(GenObject));
    if (!g) {   /* the ramp cannot abandon its frame: out of memory is fatal here */
        fputs("aithon: out of memory creating a generator\n", stderr);
        abort();
    }
    g->frame = frame;
    g->resume = resume;
    g->code = fo->code;
    g->func = rt_val(fo);
    g->name = fo->name;
    g->qualname = fo->qualname;
    g->state = RT_GEN_CREATED;
    return rt_val(g);
}

/* Replaces a pending StopIteration (and StopAsyncIteration for async generators) by
 * RuntimeError, as PEP 479. */
static void pep479(GenObject *g)
{
    Value e = rt_exc_pending();
    if (!e)
        return;
    const char *what = NULL;
    if (rt_issubtype(rt_typeof(e), rt_StopIteration))
        what = "StopIteration";
    else if (g->ob.type == &rt_async_generator_type &&
             rt_issubtype(rt_typeof(e), rt_StopAsyncIteration))
        what = "StopAsyncIteration";
    if (!what)
        return;
    rt_exc_fetch();
    Value msg = rt_sb_str_fmt("%s raised %s", kind_name(g), what);
    Value r = msg ? rt_exc_new(rt_RuntimeError, &msg, 1) : RT_ERR;
    if (!r)
        return;
    rt_raise_from(r, e);
    Value p = rt_exc_pending();
    if (p)
        rt_exc_setattr(p, "__context__", e);
}

/* The body of g returned or raised (status st): g is closed for good, a StopIteration that
 * left it becomes RuntimeError. */
static void gen_end(GenObject *g, int st)
{
    g->state = RT_GEN_CLOSED;
    g->frame = 0;
    g->exc_state = 0;
    g->yf = 0;
    if (st == RT_GEN_RAISED)
        pep479(g);
}

/* Resumes g's body with `arg` sent (or, with throwing, the pending exception raised at the
 * suspension point).  Returns the status; *out is the yielded or returned value. */
static inline __attribute__((always_inline)) int gen_resume(GenObject *g, Value arg,
                                                            int throwing, Value *out)
{
    *out = 0;
    if (__builtin_expect(g->state == RT_GEN_RUNNING, 0)) {
        rt_raise_fmt(rt_ValueError, "%s already executing", kind_name(g));
        return RT_GEN_RAISED;
    }
    /* rt_recursion_enter, inline: this is every step of every generator */
    if (__builtin_expect(++rt_recursion_depth > rt_recursion_limit, 0)) {
        rt_recursion_depth--;
        rt_raise_str(rt_RecursionError, "maximum recursion depth exceeded");
        return RT_GEN_RAISED;
    }
    g->transfer = arg;
    g->throwing = throwing;
    g->status = 0;
    /* rt_exc_handled / rt_exc_handler_enter / _leave on the state directly */
    Value prev = rt_exc_state.handled;
    if (g->exc_state)
        rt_exc_state.handled = g->exc_state;
    g->state = RT_GEN_RUNNING;
    g->resume(g->frame);
    Value cur = rt_exc_state.handled;
    g->exc_state = cur != prev ? cur : 0;
    rt_exc_state.handled = prev;
    rt_recursion_leave();
    g->throwing = 0;
    int st = g->status;
    *out = g->transfer;
    g->transfer = 0;
    if (st == RT_GEN_YIELDED || st == RT_GEN_DELEGATED) {
        g->state = RT_GEN_SUSPENDED;
        return st;
    }
    gen_end(g, st);
    return st;
}

/* StopIteration(v) pending (no argument for None, as CPython) */
static Value raise_stop(Type *t, Value v)
{
    if (!v || v == rt_None)
        return rt_raise(rt_val(t));
    Value e = rt_exc_new(t, &v, 1);
    return e ? rt_raise(e) : RT_ERR;
}

/* send without the StopIteration: *ret = 1 and *out = the return value when the body
 * returned; RT_ERR after raising; else the yielded value */
static Value gen_send_ex(GenObject *g, Value v, int *returned, Value *out)
{
    *returned = 0;
    if (g->state == RT_GEN_CREATED && v != rt_None) {
        return rt_raise_fmt(rt_TypeError, "can't send non-None value to a just-started %s",
                            kind_name(g));
    }
    if (g->state == RT_GEN_CLOSED) {
        if (g->ob.type == &rt_coroutine_type)
            return rt_raise_str(rt_RuntimeError, "cannot reuse already awaited coroutine");
        *returned = 1;
        *out = rt_None;
        return RT_ERR;
    }
    Value r;
    int st = gen_resume(g, v, 0, &r);
    if (st == RT_GEN_RAISED)
        return RT_ERR;
    if (st == RT_GEN_RETURNED) {
        *returned = 1;
        *out = r;
        return RT_ERR;
    }
    return r;
}

Value rt_gen_send(Value gen, Value v)
{
    int returned;
    Value out;
    Value r = gen_send_ex(G(gen), v, &returned, &out);
    if (returned)
        return raise_stop(rt_StopIteration, out);
    return r;
}

/* The plain next() step, without gen_send_ex's layers: a suspended or just-created body is
 * resumed with None directly.  Returns the yielded value; RT_ERR with nothing pending when the
 * body returned (its value in *ret) or was already exhausted (*ret = None); RT_ERR with the
 * exception pending when it raised. */
static inline __attribute__((always_inline)) Value gen_next_step(GenObject *g, Value *ret)
{
    *ret = rt_None;
    if (g->state == RT_GEN_CLOSED)
        return RT_ERR;   /* exhausted */
    Value r;
    int st = gen_resume(g, rt_None, 0, &r);
    if (__builtin_expect(st == RT_GEN_YIELDED || st == RT_GEN_DELEGATED, 1))
        return r;
    if (st == RT_GEN_RETURNED)
        *ret = r;
    return RT_ERR;
}

/* the iternext slot (next(g), g.__next__()): a returned value other than None travels in the
 * StopIteration */
static Value gen_iternext(Value gen)
{
    Value ret;
    Value r = gen_next_step(G(gen), &ret);
    if (!r && ret != rt_None && !rt_exc_pending())
        return raise_stop(rt_StopIteration, ret);
    return r;
}

Value rt_gen_next(Value gen)
{
    Value ret;
    return gen_next_step(G(gen), &ret);
}

void rt_gen_ended(Value gen, int status) { gen_end(G(gen), status); }

/* closes a delegate: gen.close(), or its close method when it has one; -1 after raising */
static int close_iter(Value it)
{
    if (is_gen_obj(it))
        return rt_gen_close(it) ? 0 : -1;
    Value m = rt_getattr_cstr(it, "close");
    if (!m) {
        rt_exc_fetch();   /* no close: nothing to do (CPython ignores the lookup error) */
        return 0;
    }
    return rt_call(m, NULL, 0, 0) ? 0 : -1;
}

/* the exception pending in the thread state, raised at g's suspension point */
static Value throw_here(GenObject *g)
{
    if (g->state == RT_GEN_CREATED || g->state == RT_GEN_CLOSED) {
        g->state = RT_GEN_CLOSED;
        g->frame = 0;
        return RT_ERR;
    }
    Value out;
    int st = gen_resume(g, 0, 1, &out);
    if (st == RT_GEN_RAISED)
        return RT_ERR;
    if (st == RT_GEN_RETURNED)
        return raise_stop(rt_StopIteration, out);
    return out;
}

/* CPython's _gen_throw with the exception exc (an instance) */
static Value gen_throw_exc(GenObject *g, Value exc, int close_on_genexit)
{
    if (g->state == RT_GEN_RUNNING)
        return rt_raise_fmt(rt_ValueError, "%s already executing", kind_name(g));
    Value yf = g->state == RT_GEN_SUSPENDED ? g->yf : 0;
    if (yf) {
        Value ret;
        if (close_on_genexit && rt_issubtype(rt_typeof(exc), rt_GeneratorExit)) {
            g->state = RT_GEN_RUNNING;
            int err = close_iter(yf);
            g->state = RT_GEN_SUSPENDED;
            g->yf = 0;
            if (err < 0)
                return throw_here(g);   /* the close error, raised in g */
            rt_raise(exc);
            return throw_here(g);
        }
        g->state = RT_GEN_RUNNING;
        if (is_gen_obj(yf)) {
            ret = gen_throw_exc(G(yf), exc, close_on_genexit);
        } else {
            Value m = rt_getattr_cstr(yf, "throw");
            if (!m) {
                g->state = RT_GEN_SUSPENDED;
                Value e = rt_exc_pending();
                if (e && rt_issubtype(rt_typeof(e), rt_AttributeError)) {
                    rt_exc_fetch();
                    g->yf = 0;
                    rt_raise(exc);
                    return throw_here(g);
                }
                return RT_ERR;
            }
            ret = rt_call(m, &exc, 1, 0);
        }
        g->state = RT_GEN_SUSPENDED;
        if (ret)
            return ret;
        /* the delegate finished: with StopIteration its value is the yield from's result,
         * any other exception is raised in g */
        g->yf = 0;
        Value e = rt_exc_pending();
        if (e && rt_issubtype(rt_typeof(e), rt_StopIteration)) {
            rt_exc_fetch();
            Value v = rt_exc_getattr(e, "value");
            g->yf_result = v ? v : rt_None;
            int returned;
            Value out;
            Value r = gen_send_ex(g, rt_None, &returned, &out);
            if (returned)
                return raise_stop(rt_StopIteration, out);
            return r;
        }
        return throw_here(g);
    }
    rt_raise(exc);
    return throw_here(g);
}

/* throw(type[, value[, traceback]]): the exception instance, CPython's normalisation */
static Value make_throw_exc(Value type, Value value, Value tb)
{
    if (value == rt_None)
        value = 0;
    if (tb == rt_None)
        tb = 0;
    if (tb && rt_typeof(tb) != &rt_traceback_type)
        return rt_raise_str(rt_TypeError, "throw() third argument must be a traceback object");
    Value exc;
    Type *t = rt_is_small(type) ? NULL : (Type *)rt_obj(type);
    if (t && (t->ob.type->flags & RT_TPFLAG_TYPE_SUBCLASS) && (t->flags & RT_TPFLAG_EXC_SUBCLASS)) {
        if (value && rt_issubtype(rt_typeof(value), t))
            exc = value;
        else if (!value)
            exc = rt_call(type, NULL, 0, 0);
        else if (rt_typeof(value) == &rt_tuple_type)
            exc = rt_call(type, ((TupleObject *)rt_obj(value))->items,
                          (size_t)((TupleObject *)rt_obj(value))->size, 0);
        else
            exc = rt_call(type, &value, 1, 0);
        if (!exc)
            return RT_ERR;
        if (!(rt_typeof(exc)->flags & RT_TPFLAG_EXC_SUBCLASS))
            return rt_raise_fmt(rt_TypeError,
                                "calling %R should have returned an instance of BaseException, "
                                "not %T", type, exc);
    } else if (rt_typeof(type)->flags & RT_TPFLAG_EXC_SUBCLASS) {
        if (value)
            return rt_raise_str(rt_TypeError, "instance exception may not have a separate value");
        exc = type;
    } else {
        return rt_raise_fmt(rt_TypeError, "exceptions must be classes or instances deriving "
                                          "from BaseException, not %T", type);
    }
    if (tb && !rt_exc_with_traceback(exc, tb))
        return RT_ERR;
    return exc;
}

Value rt_gen_throw(Value gen, Value type, Value value, Value tb)
{
    Value exc = make_throw_exc(type, value ? value : rt_None, tb ? tb : rt_None);
    if (!exc)
        return RT_ERR;
    return gen_throw_exc(G(gen), exc, 1);
}

Value rt_gen_close(Value gen)
{
    GenObject *g = G(gen);
    if (g->state == RT_GEN_CREATED || g->state == RT_GEN_CLOSED) {
        g->state = RT_GEN_CLOSED;
        g->frame = 0;
        return rt_None;
    }
    if (g->state == RT_GEN_RUNNING)
        return rt_raise_fmt(rt_ValueError, "%s already executing", kind_name(g));
    int err = 0;
    if (g->yf) {
        Value yf = g->yf;
        g->state = RT_GEN_RUNNING;
        err = close_iter(yf);
        g->state = RT_GEN_SUSPENDED;
        g->yf = 0;
    }
    if (err == 0)
        rt_raise(rt_val(rt_GeneratorExit));
    Value out;
    int st = gen_resume(g, 0, 1, &out);
    if (st == RT_GEN_YIELDED || st == RT_GEN_DELEGATED)
        return rt_raise_fmt(rt_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
    if (st == RT_GEN_RETURNED)
        return rt_None;
    Value e = rt_exc_pending();
    if (e && (rt_issubtype(rt_typeof(e), rt_GeneratorExit) ||
              rt_issubtype(rt_typeof(e), rt_StopIteration))) {
        rt_exc_fetch();
        return rt_None;
    }
    return RT_ERR;
}

/* ---- for-loops over a fresh generator ---- */

int rt_gen_is_fresh(Value callee, Value it)
{
    if (rt_is_small(callee) || rt_is_small(it) || rt_obj(it)->type != &rt_generator_type)
        return 0;
    if (rt_obj(callee)->type == &rt_method_type)
        callee = ((MethodObject *)rt_obj(callee))->func;
    if (rt_is_small(callee) || rt_obj(callee)->type != &rt_function_type)
        return 0;
    const CodeInfo *code = ((FunctionObject *)rt_obj(callee))->code;
    GenObject *g = G(it);
    return (code->flags & RT_CO_GENERATOR) && g->code == code && g->state == RT_GEN_CREATED;
}

void rt_write_unraisable(Value exc, Value obj)
{
    rt_flush_std_streams();
    Value r = rt_repr(obj);
    if (r) {
        fputs("Exception ignored in: ", stderr);
        fwrite(rt_str_data(r), 1, (size_t)((StrObject *)rt_obj(r))->size, stderr);
        fputc('\n', stderr);
    } else {
        rt_exc_fetch();
    }
    rt_print_exception(exc);
    fflush(stderr);
}

void rt_gen_release(Value it, int fresh)
{
    if (!fresh)
        return;
    GenObject *g = G(it);
    if (g->state != RT_GEN_SUSPENDED)
        return;
    Value pending = rt_exc_fetch();
    if (!rt_gen_close(it))
        rt_write_unraisable(rt_exc_fetch(), it);
    if (pending)
        rt_exc_restore(pending);
}

/* ---- yield from / await ---- */

Value rt_gen_yf_iter(Value gen, Value x)
{
    GenObject *g = G(gen);
    Value it;
    if (is_coro(x)) {
        if (g->ob.type == &rt_generator_type)
            return rt_raise_str(rt_TypeError,
                                "cannot 'yield from' a coroutine object in a non-coroutine "
                                "generator");
        it = x;
    } else {
        it = rt_iter(x);
        if (!it)
            return RT_ERR;
    }
    g->yf = it;
    g->transfer = rt_None;
    return it;
}

/* what `await x` raises when x's type has no __await__: GET_AWAITABLE's oparg `from` says
 * where x came from (1 __aenter__, 2 __aexit__ of an async with, 0 an await expression) */
static Value not_awaitable(Value x, int from)
{
    if (from == 1 || from == 2)
        return rt_raise_fmt(rt_TypeError,
                            "'async with' received an object from %s that does not implement "
                            "__await__: %T",
                            from == 1 ? "__aenter__" : "__aexit__", x);
    return rt_raise_fmt(rt_TypeError, "object %T can't be used in 'await' expression", x);
}

Value rt_gen_await_iter(Value gen, Value x, int from)
{
    GenObject *g = G(gen);
    Value it;
    if (is_coro(x)) {
        if (G(x)->yf)
            return rt_raise_str(rt_RuntimeError, "coroutine is being awaited already");
        it = x;
    } else {
        int found = 0;
        it = rt_call_special(x, "__await__", NULL, 0, &found);
        if (!found)
            return not_awaitable(x, from);
        if (!it)
            return RT_ERR;
        if (is_coro(it))
            return rt_raise_str(rt_TypeError, "__await__() returned a coroutine");
        if (!rt_typeof(it)->iternext)
            return rt_raise_fmt(rt_TypeError, "__await__() returned non-iterator of type '%T'",
                                it);
    }
    g->yf = it;
    g->transfer = rt_None;
    return it;
}

int rt_gen_yf_step(Value gen, Value it)
{
    GenObject *g = G(gen);
    if (g->throwing) {   /* throw()/close() could not finish in the delegate: raise here */
        g->throwing = 0;
        g->yf = 0;
        return -1;
    }
    if (g->yf_result) {   /* the delegate returned inside throw() */
        g->transfer = g->yf_result;
        g->yf_result = 0;
        g->yf = 0;
        return 0;
    }
    Value v = g->transfer ? g->transfer : rt_None;
    Value r;
    if (is_gen_obj(it)) {
        int returned;
        Value out;
        r = gen_send_ex(G(it), v, &returned, &out);
        if (returned) {
            g->transfer = out;
            g->yf = 0;
            return 0;
        }
    } else if (v == rt_None && rt_typeof(it)->iternext) {
        r = rt_typeof(it)->iternext(it);
    } else {
        Value m = rt_getattr_cstr(it, "send");
        r = m ? rt_call(m, &v, 1, 0) : RT_ERR;
    }
    if (r) {
        g->transfer = r;
        return 1;
    }
    g->yf = 0;
    Value e = rt_exc_pending();
    if (!e) {   /* an exhausted iternext */
        g->transfer = rt_None;
        return 0;
    }
    if (rt_issubtype(rt_typeof(e), rt_StopIteration)) {
        rt_exc_fetch();
        Value val = rt_exc_getattr(e, "value");
        g->transfer = val ? val : rt_None;
        return 0;
    }
    return -1;
}

/* ---- Python-visible methods and attributes ---- */

static Value self_iter(Value v) { return v; }

static Value m_send(Value self, Value v) { return rt_gen_send(self, v); }
static Value m_throw(Value self, Value t, Value v, Value tb) { return rt_gen_throw(self, t, v, tb); }
static Value m_close(Value self) { return rt_gen_close(self); }

static Value gen_repr(Value self)
{
    GenObject *g = G(self);
    return rt_sb_str_fmt("<%s object %U at %p>", kind_name(g), g->qualname, (void *)g);
}

static Value get_running(Value self) { return rt_bool(G(self)->state == RT_GEN_RUNNING); }
static Value get_suspended(Value self) { return rt_bool(G(self)->state == RT_GEN_SUSPENDED); }
static Value get_name(Value self) { return G(self)->name; }
static Value get_qualname(Value self) { return G(self)->qualname; }
static Value get_yieldfrom(Value self) { return G(self)->yf ? G(self)->yf : rt_None; }

/* gi_frame: a minimal frame object while the body can still run, None after */
typedef struct FrameObject { Object ob; Value gen; } FrameObject;
static Type frame_type = {
    .ob = {&rt_type_type}, .name = "frame", .base = &rt_object_type,
    .basicsize = sizeof(FrameObject),
};
static Value get_frame(Value self)
{
    if (G(self)->state == RT_GEN_CLOSED)
        return rt_None;
    FrameObject *f = (FrameObject *)rt_new_object(&frame_type, sizeof(FrameObject));
    if (!f)
        return RT_ERR;
    f->gen = self;
    return rt_val(f);
}

/* coroutine.__await__(): an iterator over the coroutine (CPython's coroutine_wrapper) */
typedef struct CoroWrapper { Object ob; Value coro; } CoroWrapper;
static Value cw_next(Value self) { return gen_iternext(((CoroWrapper *)rt_obj(self))->coro); }
static Value cw_send(Value self, Value v) { return rt_gen_send(((CoroWrapper *)rt_obj(self))->coro, v); }
static Value cw_throw(Value self, Value t, Value v, Value tb)
{
    return rt_gen_throw(((CoroWrapper *)rt_obj(self))->coro, t, v, tb);
}
static Value cw_close(Value self) { return rt_gen_close(((CoroWrapper *)rt_obj(self))->coro); }
static Type coro_wrapper_type = {
    .ob = {&rt_type_type}, .name = "coroutine_wrapper", .base = &rt_object_type,
    .basicsize = sizeof(CoroWrapper), .iter = self_iter, .iternext = cw_next,
};
static Value m_await(Value self)
{
    if (ensure_dict(&coro_wrapper_type) < 0)
        return RT_ERR;
    CoroWrapper *w = (CoroWrapper *)rt_new_object(&coro_wrapper_type, sizeof(CoroWrapper));
    if (!w)
        return RT_ERR;
    w->coro = self;
    return rt_val(w);
}

/* ---- async generators: asend/athrow/aclose awaitables ---- */

enum { AG_SEND, AG_THROW, AG_CLOSE };
typedef struct AgAwait {
    Object ob;
    Value gen;
    Value arg;        /* asend: the value; athrow: the exception instance */
    int kind;         /* AG_* */
    int state;        /* 0 not started, 1 iterating, 2 done */
} AgAwait;

static Type ag_asend_type, ag_athrow_type;

static Value ag_await_new(Value gen, Value arg, int kind)
{
    Type *t = kind == AG_SEND ? &ag_asend_type : &ag_athrow_type;
    if (ensure_dict(t) < 0)
        return RT_ERR;
    AgAwait *a = (AgAwait *)rt_new_object(t, sizeof(AgAwait));
    if (!a)
        return RT_ERR;
    a->gen = gen;
    a->arg = arg;
    a->kind = kind;
    return rt_val(a);
}

/* The result of one step of the body for the awaitable: a value the body's awaits pass out
 * goes to the caller; a real yield finishes the awaitable with StopIteration(value); the body
 * returning finishes it with StopAsyncIteration (aclose: StopIteration). */
static Value ag_translate(AgAwait *a, GenObject *g, Value r, int returned)
{
    if (r) {
        if (g->status == RT_GEN_DELEGATED)
            return r;
        a->state = 2;
        if (a->kind == AG_CLOSE)
            return rt_raise_str(rt_RuntimeError, "async generator ignored GeneratorExit");
        return raise_stop(rt_StopIteration, r);
    }
    a->state = 2;
    Value e = rt_exc_pending();
    if (returned || (g->status == RT_GEN_RETURNED && e &&
                     rt_issubtype(rt_typeof(e), rt_StopIteration))) {
        if (e)
            rt_exc_fetch();
        return rt_raise(rt_val(a->kind == AG_CLOSE ? rt_StopIteration : rt_StopAsyncIteration));
    }
    if (a->kind == AG_CLOSE && e && (rt_issubtype(rt_typeof(e), rt_GeneratorExit) ||
                                     rt_issubtype(rt_typeof(e), rt_StopAsyncIteration))) {
        rt_exc_fetch();
        return rt_raise(rt_val(rt_StopIteration));
    }
    return RT_ERR;
}

static Value ag_send(Value self, Value v)
{
    AgAwait *a = (AgAwait *)rt_obj(self);
    GenObject *g = G(a->gen);
    if (a->state == 2)
        return rt_raise_str(rt_RuntimeError, a->kind == AG_SEND
                                                 ? "cannot reuse already awaited __anext__()/asend()"
                                                 : "cannot reuse already awaited aclose()/athrow()");
    int returned = 0;
    Value out, r;
    if (a->state == 0) {
        a->state = 1;
        if (a->kind != AG_SEND) {
            if (g->state == RT_GEN_CLOSED || (g->state == RT_GEN_CREATED && a->kind == AG_CLOSE)) {
                g->state = RT_GEN_CLOSED;
                a->state = 2;
                return rt_raise(rt_val(a->kind == AG_CLOSE ? rt_StopIteration
                                                           : rt_StopAsyncIteration));
            }
            Value exc = a->kind == AG_CLOSE ? rt_exc_new(rt_GeneratorExit, NULL, 0) : a->arg;
            if (!exc)
                return RT_ERR;
            g->status = 0;
            r = gen_throw_exc(g, exc, 1);
            return ag_translate(a, g, r, 0);
        }
        if (v == rt_None)
            v = a->arg;
    }
    if (g->state == RT_GEN_CLOSED && a->kind == AG_SEND) {
        a->state = 2;
        return rt_raise(rt_val(rt_StopAsyncIteration));
    }
    r = gen_send_ex(g, v, &returned, &out);
    return ag_translate(a, g, r, returned);
}

static Value ag_next(Value self) { return ag_send(self, rt_None); }

static Value ag_throw(Value self, Value t, Value v, Value tb)
{
    AgAwait *a = (AgAwait *)rt_obj(self);
    if (a->state == 2)
        return rt_raise_str(rt_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Value exc = make_throw_exc(t, v ? v : rt_None, tb ? tb : rt_None);
    if (!exc)
        return RT_ERR;
    GenObject *g = G(a->gen);
    g->status = 0;
    Value r = gen_throw_exc(g, exc, 1);
    return ag_translate(a, g, r, 0);
}

static Value ag_close(Value self)
{
    ((AgAwait *)rt_obj(self))->state = 2;
    return rt_None;
}

static Type ag_asend_type = {
    .ob = {&rt_type_type}, .name = "async_generator_asend", .base = &rt_object_type,
    .basicsize = sizeof(AgAwait), .iter = self_iter, .iternext = ag_next,
};
static Type ag_athrow_type = {
    .ob = {&rt_type_type}, .name = "async_generator_athrow", .base = &rt_object_type,
    .basicsize = sizeof(AgAwait), .iter = self_iter, .iternext = ag_next,
};

static Value m_aiter(Value self) { return self; }
static Value m_anext(Value self) { return ag_await_new(self, rt_None, AG_SEND); }
static Value m_asend(Value self, Value v) { return ag_await_new(self, v, AG_SEND); }
static Value m_athrow(Value self, Value t, Value v, Value tb)
{
    Value exc = make_throw_exc(t, v ? v : rt_None, tb ? tb : rt_None);
    return exc ? ag_await_new(self, exc, AG_THROW) : RT_ERR;
}
static Value m_aclose(Value self) { return ag_await_new(self, rt_None, AG_CLOSE); }

/* ---- anext(it, default): CPython's anext_awaitable ----
 * Awaiting it awaits it.__anext__()'s awaitable (the iterator of its __await__) and turns the
 * StopAsyncIteration that ends the iteration into a return of `default`. */
typedef struct AnextAwaitable {
    Object ob;
    Value wrapped;   /* it.__anext__()'s result */
    Value deflt;
    Value it;        /* the iterator of wrapped's __await__, once started */
} AnextAwaitable;

static Type anext_awaitable_type;

static Value aa_iter_of(AnextAwaitable *a)
{
    if (a->it)
        return a->it;
    Value w = a->wrapped, it;
    if (is_coro(w)) {
        it = m_await(w);
    } else {
        int found = 0;
        it = rt_call_special(w, "__await__", NULL, 0, &found);
        if (!found)
            return rt_raise_fmt(rt_TypeError, "object %T can't be used in 'await' expression", w);
    }
    if (it)
        a->it = it;
    return it;
}

/* a step's outcome: StopAsyncIteration from the wrapped awaitable means "return default" */
static Value aa_result(AnextAwaitable *a, Value r)
{
    if (r)
        return r;
    Value e = rt_exc_pending();
    if (e && rt_issubtype(rt_typeof(e), rt_StopAsyncIteration)) {
        rt_exc_fetch();
        return raise_stop(rt_StopIteration, a->deflt);
    }
    return RT_ERR;
}

static Value aa_send(Value self, Value v)
{
    AnextAwaitable *a = (AnextAwaitable *)rt_obj(self);
    Value it = aa_iter_of(a);
    if (!it)
        return RT_ERR;
    Value r;
    if (v == rt_None && rt_typeof(it)->iternext) {
        r = rt_typeof(it)->iternext(it);
    } else {
        Value m = rt_getattr_cstr(it, "send");
        r = m ? rt_call(m, &v, 1, 0) : RT_ERR;
    }
    return aa_result(a, r);
}

static Value aa_next(Value self) { return aa_send(self, rt_None); }

static Value aa_throw(Value self, Value t, Value v, Value tb)
{
    AnextAwaitable *a = (AnextAwaitable *)rt_obj(self);
    Value it = aa_iter_of(a);
    if (!it)
        return RT_ERR;
    Value m = rt_getattr_cstr(it, "throw");
    if (!m)
        return RT_ERR;
    Value args[3] = {t, v, tb};
    size_t n = tb ? 3 : v ? 2 : 1;
    return aa_result(a, rt_call(m, args, n, 0));
}

static Value aa_close(Value self)
{
    AnextAwaitable *a = (AnextAwaitable *)rt_obj(self);
    Value it = aa_iter_of(a);
    if (!it)
        return RT_ERR;
    Value m = rt_getattr_cstr(it, "close");
    return m ? rt_call(m, NULL, 0, 0) : RT_ERR;
}

Value rt_anext_awaitable_new(Value awaitable, Value deflt)
{
    if (ensure_dict(&anext_awaitable_type) < 0)
        return RT_ERR;
    AnextAwaitable *a = (AnextAwaitable *)rt_new_object(&anext_awaitable_type,
                                                        sizeof(AnextAwaitable));
    if (!a)
        return RT_ERR;
    a->wrapped = awaitable;
    a->deflt = deflt;
    return rt_val(a);
}

static Type anext_awaitable_type = {
    .ob = {&rt_type_type}, .name = "anext_awaitable", .base = &rt_object_type,
    .basicsize = sizeof(AnextAwaitable), .iter = self_iter, .iternext = aa_next,
};

#define FN(f) ((void (*)(void))(f))
typedef struct GenRow { Type *type; MethodDef def; } GenRow;
static const GenRow gen_rows[] = {
    {&rt_generator_type, {"send", FN(m_send), MD_METHOD, 1, 1, NULL}},
    {&rt_generator_type, {"throw", FN(m_throw), MD_METHOD, 1, 3, NULL}},
    {&rt_generator_type, {"close", FN(m_close), MD_METHOD, 0, 0, NULL}},
    {&rt_generator_type, {"gi_running", FN(get_running), MD_GETTER, 0, 0, NULL}},
    {&rt_generator_type, {"gi_suspended", FN(get_suspended), MD_GETTER, 0, 0, NULL}},
    {&rt_generator_type, {"gi_frame", FN(get_frame), MD_GETTER, 0, 0, NULL}},
    {&rt_generator_type, {"gi_yieldfrom", FN(get_yieldfrom), MD_GETTER, 0, 0, NULL}},
    {&rt_generator_type, {"__name__", FN(get_name), MD_GETTER, 0, 0, NULL}},
    {&rt_generator_type, {"__qualname__", FN(get_qualname), MD_GETTER, 0, 0, NULL}},
    {&rt_coroutine_type, {"send", FN(m_send), MD_METHOD, 1, 1, NULL}},
    {&rt_coroutine_type, {"throw", FN(m_throw), MD_METHOD, 1, 3, NULL}},
    {&rt_coroutine_type, {"close", FN(m_close), MD_METHOD, 0, 0, NULL}},
    {&rt_coroutine_type, {"__await__", FN(m_await), MD_METHOD, 0, 0, NULL}},
    {&rt_coroutine_type, {"cr_running", FN(get_running), MD_GETTER, 0, 0, NULL}},
    {&rt_coroutine_type, {"cr_suspended", FN(get_suspended), MD_GETTER, 0, 0, NULL}},
    {&rt_coroutine_type, {"cr_frame", FN(get_frame), MD_GETTER, 0, 0, NULL}},
    {&rt_coroutine_type, {"cr_await", FN(get_yieldfrom), MD_GETTER, 0, 0, NULL}},
    {&rt_coroutine_type, {"__name__", FN(get_name), MD_GETTER, 0, 0, NULL}},
    {&rt_coroutine_type, {"__qualname__", FN(get_qualname), MD_GETTER, 0, 0, NULL}},
    {&coro_wrapper_type, {"send", FN(cw_send), MD_METHOD, 1, 1, NULL}},
    {&coro_wrapper_type, {"throw", FN(cw_throw), MD_METHOD, 1, 3, NULL}},
    {&coro_wrapper_type, {"close", FN(cw_close), MD_METHOD, 0, 0, NULL}},
    {&rt_async_generator_type, {"__aiter__", FN(m_aiter), MD_METHOD, 0, 0, NULL}},
    {&rt_async_generator_type, {"__anext__", FN(m_anext), MD_METHOD, 0, 0, NULL}},
    {&rt_async_generator_type, {"asend", FN(m_asend), MD_METHOD, 1, 1, NULL}},
    {&rt_async_generator_type, {"athrow", FN(m_athrow), MD_METHOD, 1, 3, NULL}},
    {&rt_async_generator_type, {"aclose", FN(m_aclose), MD_METHOD, 0, 0, NULL}},
    {&rt_async_generator_type, {"ag_running", FN(get_running), MD_GETTER, 0, 0, NULL}},
    {&rt_async_generator_type, {"ag_frame", FN(get_frame), MD_GETTER, 0, 0, NULL}},
    {&rt_async_generator_type, {"ag_await", FN(get_yieldfrom), MD_GETTER, 0, 0, NULL}},
    {&rt_async_generator_type, {"__name__", FN(get_name), MD_GETTER, 0, 0, NULL}},
    {&rt_async_generator_type, {"__qualname__", FN(get_qualname), MD_GETTER, 0, 0, NULL}},
    {&ag_asend_type, {"send", FN(ag_send), MD_METHOD, 1, 1, NULL}},
    {&ag_asend_type, {"throw", FN(ag_throw), MD_METHOD, 1, 3, NULL}},
    {&ag_asend_type, {"close", FN(ag_close), MD_METHOD, 0, 0, NULL}},
    {&ag_asend_type, {"__await__", FN(m_aiter), MD_METHOD, 0, 0, NULL}},
    {&ag_athrow_type, {"send", FN(ag_send), MD_METHOD, 1, 1, NULL}},
    {&ag_athrow_type, {"throw", FN(ag_throw), MD_METHOD, 1, 3, NULL}},
    {&ag_athrow_type, {"close", FN(ag_close), MD_METHOD, 0, 0, NULL}},
    {&ag_athrow_type, {"__await__", FN(m_aiter), MD_METHOD, 0, 0, NULL}},
    {&anext_awaitable_type, {"send", FN(aa_send), MD_METHOD, 1, 1, NULL}},
    {&anext_awaitable_type, {"throw", FN(aa_throw), MD_METHOD, 1, 3, NULL}},
    {&anext_awaitable_type, {"close", FN(aa_close), MD_METHOD, 0, 0, NULL}},
    {&anext_awaitable_type, {"__await__", FN(m_aiter), MD_METHOD, 0, 0, NULL}},
    {NULL, {NULL, NULL, 0, 0, 0, NULL}},
};

/* a built-in type's dict: the slot wrappers (descr.c) plus this file's rows */
static int ensure_dict(Type *t)
{
    /* the rows go in once per type, also when attr.c made the dict first (a lookup on the type
     * before any instance existed) */
    static Type *done[16];
    for (size_t i = 0; i < sizeof done / sizeof *done && done[i]; i++)
        if (done[i] == t)
            return 0;
    if (!t->mro && rt_type_ready(t) < 0)
        return -1;
    Value d = t->dict;
    if (!d) {
        d = rt_dict_new();
        if (!d)
            return -1;
        t->dict = d;
        if (rt_descr_fill_builtin(t, d) < 0)
            return -1;
    }
    for (size_t i = 0; i < sizeof done / sizeof *done; i++)
        if (!done[i]) {
            done[i] = t;
            break;
        }
    for (const GenRow *r = gen_rows; r->type; r++) {
        if (r->type != t)
            continue;
        Value v;
        if (r->def.kind == MD_GETTER) {
            v = rt_getset_new(t, r->def.name, (Value (*)(Value))r->def.fn, NULL);
        } else {
            MethodDescrObject *m = (MethodDescrObject *)rt_new_object(&rt_method_descriptor_type,
                                                                      sizeof(MethodDescrObject));
            if (m) {
                m->def = &r->def;
                m->owner = t;
            }
            v = rt_val(m);
        }
        if (!v || rt_dict_set(d, rt_str_intern(r->def.name), v) < 0)
            return -1;
    }
    return 0;
}

Type rt_generator_type = {
    .ob = {&rt_type_type}, .name = "generator", .base = &rt_object_type,
    .basicsize = sizeof(GenObject), .repr = gen_repr, .iter = self_iter,
    .iternext = gen_iternext,
};

Type rt_coroutine_type = {
    .ob = {&rt_type_type}, .name = "coroutine", .base = &rt_object_type,
    .basicsize = sizeof(GenObject), .repr = gen_repr,
};

Type rt_async_generator_type = {
    .ob = {&rt_type_type}, .name = "async_generator", .base = &rt_object_type,
    .basicsize = sizeof(GenObject), .repr = gen_repr,
};
