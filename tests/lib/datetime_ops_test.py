# datetime: CPython's TypeError messages (C type names) for unsupported arithmetic
from datetime import date, datetime, timedelta, timezone, time
td = timedelta(1)
d = date(2020, 1, 1)
dt = datetime(2020, 1, 1)
class Sub(timedelta):
    pass
for f in [lambda: td + 1, lambda: 1 + td, lambda: td - 1.5, lambda: 1.5 - td, lambda: td * "a",
          lambda: td * None, lambda: None * td, lambda: td / "x", lambda: td // 1.5, lambda: td % 2, lambda: divmod(td, 2),
          lambda: d + 1, lambda: 1 + d, lambda: d - 1, lambda: 1 - d, lambda: dt + 1, lambda: 1 + dt, lambda: dt - "x",
          lambda: "x" - dt, lambda: d + td, lambda: td + d, lambda: dt + td, lambda: td + dt, lambda: d - dt, lambda: Sub(1) + 1,
          lambda: td * 2.5, lambda: 2 * td, lambda: td - d, lambda: time(1) + td]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
