"""asyncio.events: callback handles and the current/running event loop.  Written for aithon.

A Handle is one scheduled call `callback(*args)`; a TimerHandle adds a deadline on the loop's
monotonic clock and an insertion number, so timers with equal deadlines run in the order they
were scheduled.  The loop itself lives in asyncio.base_events, which registers its class here
(_loop_factory) so that new_event_loop() works without a circular import.

There is one thread, so the "running loop" and the "current loop" are module globals."""

import contextvars
import sys

__all__ = ('AbstractEventLoop', 'Handle', 'TimerHandle', 'get_event_loop', 'set_event_loop',
           'new_event_loop', 'get_running_loop', '_get_running_loop', '_set_running_loop')


class Handle:
    """A callback scheduled with call_soon (or, as TimerHandle, call_later/call_at)."""

    def __init__(self, callback, args, loop, context=None):
        if context is None:
            # a callback runs in a copy of the context current when it was scheduled
            context = contextvars.copy_context()
        self._context = context
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        # an exception escaping a callback does not stop the loop: it is reported
        try:
            self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': 'Exception in callback ' + _format_callback(self._callback,
                                                                       self._args),
                'exception': exc,
                'handle': self,
            })

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return '<%s>' % ' '.join(info)


class TimerHandle(Handle):
    """A Handle with a deadline (`when`, loop.time() units); ordered by (when, insertion)."""

    def __init__(self, when, seq, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._seq = seq
        self._scheduled = False

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def __lt__(self, other):
        if self._when != other._when:
            return self._when < other._when
        return self._seq < other._seq

    def __le__(self, other):
        return self is other or self < other

    def __gt__(self, other):
        return other < self

    def __ge__(self, other):
        return self is other or other < self


def _format_callback(cb, args):
    """CPython's form: qualname(args...) and, for a Python function, ' at file:line'."""
    name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None)
    text = repr(cb) if name is None else name
    text += '(' + ', '.join(repr(a) for a in (args or ())) + ')'
    code = getattr(cb, '__code__', None)
    if code is not None and not hasattr(cb, '__self__'):
        text += f' at {code.co_filename}:{code.co_firstlineno}'
    return text


class AbstractEventLoop:
    """The base class of event loops (for isinstance checks)."""


# ---- the running loop and the current loop ----
_running_loop = None
_current_loop = None
_current_loop_set = False   # set_event_loop was called: get_event_loop no longer creates one
_loop_factory = None        # asyncio.base_events.EventLoop, registered when it is imported


def _get_running_loop():
    """The running event loop, or None (no exception)."""
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_running_loop():
    """The running event loop; RuntimeError outside of one."""
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    """The running loop if there is one, else the current loop (created on first use)."""
    global _current_loop
    loop = _running_loop
    if loop is not None:
        return loop
    if _current_loop is None and not _current_loop_set:
        set_event_loop(new_event_loop())
    if _current_loop is None:
        raise RuntimeError("There is no current event loop in thread 'MainThread'.")
    return _current_loop


def set_event_loop(loop):
    global _current_loop, _current_loop_set
    if loop is not None and not isinstance(loop, AbstractEventLoop):
        raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not "
                        f"'{type(loop).__name__}'")
    _current_loop_set = True
    _current_loop = loop


def new_event_loop():
    return _loop_factory()


def _print_stderr(text):
    sys.stderr.write(text + '\n')
