"""contextvars: ContextVar get/set/reset, Token, Context.run/copy/mapping, and the contexts asyncio gives tasks and callbacks."""
import contextvars
v = contextvars.ContextVar("v", default=0)
w = contextvars.ContextVar("w")
print(v.name, v.get(), w.get("dflt"))
try:
    w.get()
except LookupError:
    print("LookupError")
t = v.set(5)
print(v.get(), t.old_value, t.var is v, repr(t.old_value) if False else "")
ctx = contextvars.copy_context()
def inside(x):
    v.set(x)
    w.set("in")
    return v.get(), w.get(), len(contextvars.copy_context())
print(ctx.run(inside, 9), v.get(), w.get("outside"), ctx[v], ctx.get(w), v in ctx, len(ctx))
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError:
    print("used twice")
t2 = w.set(1)
try:
    v.reset(t2)
except ValueError:
    print("different var")
try:
    ctx.run(lambda: ctx.run(print))
except RuntimeError:
    print("reentry refused")
print(sorted(k.name for k in ctx), contextvars.Context() == contextvars.Context())
print(t2.old_value is contextvars.Token.MISSING)


import asyncio
request = contextvars.ContextVar("request", default="none")
log = []
async def handler(name):
    request.set(name)
    await asyncio.sleep(0)
    log.append((name, request.get()))
    async def sub():
        await asyncio.sleep(0)
        return request.get()
    inner = await asyncio.create_task(sub())
    return name, request.get(), inner
async def main():
    request.set("main")
    results = await asyncio.gather(*(handler("r%d" % i) for i in range(3)))
    print(results, request.get())
    print(log)
    loop = asyncio.get_running_loop()
    seen = []
    request.set("at-schedule")
    loop.call_soon(lambda: seen.append(request.get()))
    request.set("later")
    await asyncio.sleep(0)
    print(seen)
    ctx = contextvars.Context()
    t = asyncio.create_task(handler("ctx"), context=ctx)
    await t
    print(ctx[request])
    async with asyncio.TaskGroup() as tg:
        tt = tg.create_task(handler("tg"))
    print(tt.result(), request.get())
asyncio.run(main())
print("outside:", request.get())
