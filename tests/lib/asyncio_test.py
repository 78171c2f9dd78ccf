"""asyncio: loop scheduling order (call_soon FIFO, timers by deadline then insertion), Future and
Task APIs, cancellation counting, locks, queues, timeouts, wait/as_completed, TaskGroup."""
import asyncio
import inspect


def show(label, f):
    try:
        print(label, "->", f())
    except BaseException as e:
        print(label, "raised", type(e).__name__, e)


async def scheduling():
    loop = asyncio.get_running_loop()
    order = []
    loop.call_soon(order.append, "soon1")
    loop.call_later(0.002, order.append, "later-2ms")
    loop.call_later(0.001, order.append, "later-1ms")
    when = loop.time() + 0.003
    loop.call_at(when, order.append, "at-A")
    loop.call_at(when, order.append, "at-B")
    h = loop.call_later(0.001, order.append, "cancelled")
    h.cancel()
    loop.call_soon(order.append, "soon2")
    print("cancelled handle:", h.cancelled())
    await asyncio.sleep(0.01)
    print("callback order:", order)

    chain = []

    def step(n):
        chain.append(n)
        if n < 3:
            loop.call_soon(step, n + 1)
    loop.call_soon(step, 0)
    loop.call_soon(chain.append, "x")
    await asyncio.sleep(0)
    print("after one yield:", chain)
    for _ in range(4):
        await asyncio.sleep(0)
    print("after more:", chain)


async def future_api():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print("future repr:", repr(f), f.done(), f.cancelled())
    show("result before", f.result)
    show("exception before", f.exception)
    calls = []

    def cb(fut):
        calls.append("cb")
    f.add_done_callback(cb)
    f.add_done_callback(cb)
    f.add_done_callback(lambda fut: calls.append("lambda"))
    print("removed:", f.remove_done_callback(cb))
    f.set_result(7)
    print("callbacks not yet run:", calls)
    show("set twice", lambda: f.set_result(8))
    await asyncio.sleep(0)
    print("callbacks run:", calls, "result:", f.result(), repr(f))
    g = loop.create_future()
    show("StopIteration", lambda: g.set_exception(StopIteration()))
    g.set_exception(KeyError)
    show("exception class instantiated", lambda: repr(g.exception()))
    c = loop.create_future()
    print("cancel:", c.cancel("why"), c.cancel(), c.cancelled())
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("cancelled result:", e.args)
    pending = loop.create_future()

    async def wait_on(fut):
        return await fut
    waiting = asyncio.create_task(wait_on(pending))
    await asyncio.sleep(0)
    pending.add_done_callback(id)
    pending.add_done_callback(print)
    print("pending repr:", repr(pending))
    pending.set_result(None)
    await waiting
    print("isfuture:", asyncio.isfuture(f), asyncio.isfuture(3), asyncio.isfuture(asyncio.sleep))
    print("await finished future:", await f)


async def child(n):
    await asyncio.sleep(0)
    return n


async def task_api():
    t = asyncio.create_task(child(1), name="worker")
    print("name:", t.get_name(), "| current is main:", asyncio.current_task().get_name())
    t.set_name(42)
    print("renamed:", repr(t.get_name()))
    print("all tasks include it:", t in asyncio.all_tasks())
    print("result:", await t, "| done tasks dropped:", t in asyncio.all_tasks())
    show("Task.set_result", lambda: t.set_result(1))
    u = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    print("cancel twice:", u.cancel(), u.cancel(), "cancelling:", u.cancelling())
    print("uncancel:", u.uncancel(), u.uncancel(), u.uncancel())
    try:
        await u
    except asyncio.CancelledError:
        print("cancelled anyway:", u.cancelled())
    show("create_task(non-coroutine)", lambda: asyncio.create_task(5))
    print("iscoroutine:", asyncio.iscoroutine(child), asyncio.iscoroutinefunction(child),
          inspect.iscoroutinefunction(child), inspect.isawaitable(u))
    co = child(2)
    print("coroutine is awaitable:", inspect.isawaitable(co), asyncio.iscoroutine(co))
    print("ensure_future of coroutine gives a Task:", type(asyncio.ensure_future(co)).__name__)
    show("ensure_future(1)", lambda: asyncio.ensure_future(1))


async def sync_primitives():
    cond = asyncio.Condition()
    woken = []

    async def waiter(i):
        async with cond:
            await cond.wait()
            woken.append(i)
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws)
    print("notify_all woke:", woken)
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify unlocked:", e)

    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("bounded:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("semaphore:", e)

    q = asyncio.Queue()
    try:
        q.task_done()
    except ValueError as e:
        print("task_done:", e)
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.sleep(0)
    q.put_nowait("kept")
    print("cancelled getter left the item:", q.qsize(), q.get_nowait())


async def waiting():
    async def after(n, v):
        for _ in range(n):
            await asyncio.sleep(0)
        return v
    ts = [asyncio.create_task(after(n, "v%d" % n)) for n in (9, 1, 5)]
    await asyncio.sleep(0)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", sorted(t.result() for t in done), len(pending))
    await asyncio.gather(*ts)
    order = []
    for fut in asyncio.as_completed([after(n, "c%d" % n) for n in (4, 0, 2)]):
        order.append(await fut)
    print("as_completed:", order)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("wait empty:", e)

    async def fail_after(n):
        for _ in range(n):
            await asyncio.sleep(0)
        raise OSError("disk")
    ts = [asyncio.create_task(after(5, "slow")), asyncio.create_task(fail_after(1))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", [type(t.exception()).__name__ for t in done], len(pending))
    await ts[0]

    shielded = asyncio.create_task(after(2, "shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(shielded), 0.0)
    except TimeoutError:
        print("wait_for(0) timed out; inner cancelled:", shielded.cancelled())
    print("inner result:", await shielded)

    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(asyncio.get_running_loop().time() + 0.001)
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("cancelled by rescheduled timeout")
                raise
    except TimeoutError as e:
        print("expired:", cm.expired(), "| cause:", type(e.__cause__).__name__)
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("reschedule after exit:", e)
    t = asyncio.timeout(1)
    try:
        t.reschedule(None)
    except RuntimeError as e:
        print("reschedule before enter:", e)


async def taskgroups():
    async def ok(v):
        await asyncio.sleep(0)
        return v

    async def bad(msg):
        await asyncio.sleep(0)
        raise ValueError(msg)
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(ok(1))
            tg.create_task(bad("x"))
    except ExceptionGroup as eg:
        print("group:", eg.message, [repr(e) for e in eg.exceptions], "| a:", a.result())
    tg = asyncio.TaskGroup()
    c = ok(2)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("not entered:", str(e).split()[-1])
    c.close()


async def barrier():
    b = asyncio.Barrier(3)
    log = []

    async def party(name, rounds):
        for r in range(rounds):
            log.append("%s waits %d" % (name, r))
            idx = await b.wait()
            log.append("%s passes %d as %d" % (name, r, idx))
    await asyncio.gather(party("a", 2), party("b", 2), party("c", 2))
    print("barrier log:", log)
    print("parties:", b.parties, "waiting:", b.n_waiting, "broken:", b.broken)
    errors = []

    async def stuck():
        try:
            await b.wait()
        except asyncio.BrokenBarrierError as e:
            errors.append(str(e))
    t = asyncio.create_task(stuck())
    await asyncio.sleep(0)
    print("one waiting:", b.n_waiting)
    await b.reset()
    await t
    await b.abort()
    await stuck()
    print("reset/abort:", errors, b.broken)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("Barrier(0):", e)


async def main():
    print("running loop is the event loop:", asyncio.get_running_loop() is asyncio.get_event_loop())
    await scheduling()
    await future_api()
    await task_api()
    await sync_primitives()
    await waiting()
    await taskgroups()
    await barrier()
    return "done"


print(asyncio.run(main()))
try:
    asyncio.run(5)
except ValueError as e:
    print("run(5):", e)


async def leftover():
    await asyncio.sleep(0)
    print("leftover never finishes")
    try:
        await asyncio.sleep(10)
    finally:
        print("leftover cleaned up by asyncio.run")


async def short():
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return "short"

print(asyncio.run(short()))
loop = asyncio.new_event_loop()
print("run_until_complete:", loop.run_until_complete(child(3)), loop.is_running(), loop.is_closed())
loop.close()
c = child(4)
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("closed loop:", e)
c.close()
