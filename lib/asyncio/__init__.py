"""asyncio for compiled programs: a single-threaded event loop with coroutine Tasks, Futures,
synchronisation primitives, queues, timeouts and task groups, behaving (down to the order in
which tasks interleave) as CPython 3.11's asyncio without its I/O parts.  Written for aithon.

Modules: events (handles, current loop), base_events (the loop), futures, tasks (Task, sleep,
gather, wait, wait_for, shield, as_completed), locks, queues, timeouts, taskgroups, runners."""

from asyncio.exceptions import (BrokenBarrierError, CancelledError, InvalidStateError,
                                TimeoutError, IncompleteReadError, LimitOverrunError,
                                SendfileNotAvailableError)
from asyncio.events import (AbstractEventLoop, Handle, TimerHandle, get_event_loop,
                            set_event_loop, new_event_loop, get_running_loop,
                            _get_running_loop, _set_running_loop)
from asyncio.coroutines import iscoroutine, iscoroutinefunction
from asyncio.futures import Future, isfuture, wrap_future
from asyncio.tasks import (Task, create_task, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                           wait, wait_for, as_completed, sleep, gather, shield, ensure_future,
                           current_task, all_tasks)
from asyncio.base_events import BaseEventLoop, EventLoop, SelectorEventLoop
from asyncio.locks import Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier
from asyncio.queues import Queue, PriorityQueue, LifoQueue, QueueFull, QueueEmpty
from asyncio.timeouts import Timeout, timeout, timeout_at
from asyncio.taskgroups import TaskGroup
from asyncio.runners import Runner, run
