# datetime beyond the conformance program: edge cases, error messages, rounding, parsing
from datetime import date, datetime, time, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR
import datetime as dtmod


def err(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# ordinal round trips over cycle boundaries
for y, m, d in [(1, 1, 1), (4, 2, 29), (100, 12, 31), (400, 12, 31), (401, 1, 1), (1600, 2, 29),
                (1900, 3, 1), (2000, 12, 31), (9999, 12, 31)]:
    o = date(y, m, d).toordinal()
    print(y, m, d, o, date.fromordinal(o), date.fromordinal(o).weekday())
n = 0
for o in range(1, 3652059, 997):
    dd = date.fromordinal(o)
    if dd.toordinal() != o:
        n += 1
print("ordinal mismatches:", n)

err(lambda: date(0, 1, 1))
err(lambda: date(10000, 1, 1))
err(lambda: date(2020, 0, 1))
err(lambda: date(2021, 4, 31))
err(lambda: date(2020.0, 1, 1))
err(lambda: date.fromordinal(0))
err(lambda: date.max + timedelta(1))
err(lambda: date.min - timedelta(1))
err(lambda: time(24))
err(lambda: time(0, 0, 0, 1000000))
err(lambda: time(1, tzinfo=3))
err(lambda: timedelta(days=1000000000))
err(lambda: timedelta(1) // 0)
err(lambda: timedelta(1) / timedelta(0))
err(lambda: datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=timezone.utc))
err(lambda: datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc))
err(lambda: timezone(timedelta(days=1)))
err(lambda: timezone(3))
err(lambda: date.fromisoformat("2020-1-1"))
err(lambda: datetime.strptime("x", "%Y"))
err(lambda: datetime.strptime("2020x", "%Y"))
err(lambda: date(2000, 1, 1).strftime(3))
print(datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=timezone.utc), date(2020, 1, 1) == datetime(2020, 1, 1))

# timedelta normalisation and rounding
print(repr(timedelta(0)), repr(timedelta(days=-1, seconds=5)), repr(timedelta(microseconds=-1)))
print(timedelta(microseconds=-1), timedelta(days=-2, microseconds=5), timedelta.max, timedelta.min)
print(timedelta(seconds=1.5e-6 * 1), timedelta(microseconds=0.5), timedelta(microseconds=1.5),
      timedelta(microseconds=2.5), timedelta(days=0.1), timedelta(hours=-1.5))
print(timedelta(seconds=10) / 3, timedelta(seconds=10) / 4.0, timedelta(seconds=1) * 0.3333)
print(timedelta(seconds=7) // 2, divmod(timedelta(hours=5), timedelta(hours=2)),
      timedelta(hours=5) % timedelta(hours=-2), timedelta(1) / timedelta(hours=7))
print(timedelta(1) > timedelta(hours=23), timedelta(1) == timedelta(hours=24), -timedelta(days=999999999))
print(hash(timedelta(1)) == hash(timedelta(hours=24)), len({timedelta(1), timedelta(hours=24)}))

# isocalendar around year ends
for y in (2004, 2008, 2009, 2010, 2015, 2020, 2026):
    for dd in (date(y, 1, 1), date(y, 12, 28), date(y, 12, 31)):
        print(dd, tuple(dd.isocalendar()), dd.strftime("%G-W%V-%u %U %W %j %a"))
print(repr(date(2021, 1, 3).isocalendar()), date(2021, 1, 3).isocalendar().week)
print(date.fromisocalendar(2020, 53, 7), date.fromisocalendar(2021, 1, 1))
err(lambda: date.fromisocalendar(2021, 53, 1))

# strftime
dt = datetime(2009, 7, 4, 0, 5, 6, 7)
print(dt.strftime("%a %A %b %B %c | %d %e %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %%"))
print(datetime(2009, 7, 4, 12).strftime("%I %p"), datetime(2009, 7, 4, 13).strftime("%I %p"))
print(date(999, 1, 1).strftime("%Y %y"), format(date(2020, 5, 17), "%d.%m."), f"{dt:%H:%M}")
print(date(2020, 5, 17).ctime(), dt.ctime(), time(1, 2).strftime("%Y %H:%M"))

# isoformat and fromisoformat
print(time(1, 2, 3, 4).isoformat(), time(1, 2).isoformat("hours"), time(1, 2, 3, 456789).isoformat("milliseconds"))
err(lambda: time(1).isoformat("bogus"))
for s in ["2024-05-06", "2024-05-06T07", "2024-05-06T07:08", "2024-05-06 07:08:09.5",
          "2024-05-06T07:08:09.123456+02:00", "2024-05-06T07:08:09Z", "20240506T070809",
          "2024-05-06T07:08:09-05:30", "2024-W01-1", "2024-05-06T25:00"]:
    err(lambda: datetime.fromisoformat(s))
print(time.fromisoformat("12:34:56.789"), time.fromisoformat("12:34+01:00"))
print(datetime(2024, 1, 1, 1, 2, 3, tzinfo=timezone(timedelta(hours=-3, seconds=-7))).isoformat())

# strptime
print(datetime.strptime("Tue 04 Jul 2023 01:02:03 PM", "%a %d %b %Y %I:%M:%S %p"))
print(datetime.strptime("12 AM", "%I %p"), datetime.strptime("2020 100", "%Y %j"))
print(datetime.strptime("2020-01-02T03:04:05.25+0530", "%Y-%m-%dT%H:%M:%S.%f%z"))
print(datetime.strptime("March 5 99", "%B %d %y"), datetime.strptime("5 68", "%d %y"))

# time zones
class Fixed(tzinfo):
    def __init__(self, h):
        self.h = h

    def utcoffset(self, dt):
        return timedelta(hours=self.h)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "F%+d" % self.h


a = datetime(2024, 3, 10, 12, tzinfo=Fixed(2))
b = a.astimezone(timezone.utc)
print(a, b, a == b, a - b, hash(a) == hash(b), a.tzname(), a.strftime("%z %Z"))
print(a.astimezone(Fixed(-7)), a.utcoffset(), a.dst(), b.utctimetuple().tm_hour)
print(repr(timezone.utc), repr(timezone(timedelta(hours=5, minutes=30), "IST")),
      repr(timezone(timedelta(hours=-8))), timezone(timedelta(seconds=-1)), timezone.min, timezone.max)
print(timezone(timedelta(0)) is timezone.utc, timezone(timedelta(0), "Z"), dtmod.UTC is timezone.utc)
print(repr(datetime(2020, 1, 1, tzinfo=timezone.utc)), repr(time(1, 2, 0, 5, tzinfo=timezone.utc)),
      repr(datetime(2020, 1, 1, fold=1)))
print(datetime.fromtimestamp(1e9, timezone.utc), datetime.fromtimestamp(-1.5, timezone.utc),
      datetime.utcfromtimestamp(86399.9999995), datetime(2000, 1, 1, tzinfo=timezone.utc).timestamp())
print(time(12, tzinfo=Fixed(1)) < time(12, tzinfo=Fixed(0)), time(1) == time(1, 0, 0, 0))

# replace, combine, misc
print(datetime(2020, 2, 29, 1).replace(year=2024, tzinfo=timezone.utc), time(3).replace(minute=4))
err(lambda: datetime(2020, 2, 29).replace(year=2021))
print(datetime.combine(date(2020, 1, 1), time(1, tzinfo=timezone.utc)), datetime.min, datetime.max)
print(repr(date(2020, 1, 1).timetuple()), date(2020, 3, 1).timetuple().tm_yday)
print(MINYEAR, MAXYEAR, date.resolution, time.min, time.max, repr(datetime.max))
print(sorted([datetime(2020, 1, 2), datetime(2019, 5, 5), datetime(2020, 1, 1, 23)]))
print(len({date(2020, 1, 1), date(2020, 1, 1), date(2020, 1, 2)}), bool(time(0)))


class MyDate(date):
    pass


md = MyDate(2020, 1, 1)
print(repr(md), type(md + timedelta(1)).__name__, md.replace(day=5))
