# seeded random differential of datetime arithmetic, ordinals, ISO calendars, formatting, parsing
import random
from datetime import date, datetime, timedelta, timezone, time
rng = random.Random(99)
for i in range(600):
    o = rng.randint(1, 3652059)
    d = date.fromordinal(o)
    dt = datetime.combine(d, time(rng.randrange(24), rng.randrange(60), rng.randrange(60), rng.choice([0, rng.randrange(10**6)])))
    td = timedelta(days=rng.randint(-5000, 5000), seconds=rng.uniform(-1e5, 1e5), microseconds=rng.randint(-10**6, 10**6))
    tz = timezone(timedelta(minutes=rng.randint(-1439, 1439)))
    row = [d, d.weekday(), tuple(d.isocalendar()), d.strftime("%a %b %d %j %U %W %G-%V-%u %y %C"), dt.isoformat(),
           repr(td), str(td), td.total_seconds(), td / 3, td * 1.7, td // timedelta(hours=5)]
    try:
        row.append(dt + td)
    except OverflowError as e:
        row.append("OverflowError")
    a = dt.replace(tzinfo=tz)
    row += [a.isoformat(timespec="milliseconds"), a.astimezone(timezone.utc), a.timestamp() if 1 < d.year < 9999 else None,
            datetime.fromisoformat(a.isoformat()) == a, date.fromisoformat(d.isoformat()) == d,
            d.year < 1000 or datetime.strptime(dt.strftime("%Y-%m-%d %H:%M:%S.%f"), "%Y-%m-%d %H:%M:%S.%f") == dt,
            hash(a) == hash(a.astimezone(timezone.utc)), a.strftime("%z %Z %I %p %c")]
    print(" | ".join(str(x) for x in row))
