# naive datetimes are local time: fromtimestamp, timestamp and astimezone in zones with
# daylight saving time, including the skipped and the repeated hour (fold)
import os
import time
from datetime import datetime, date, timezone

for zone in ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"]:
    os.environ["TZ"] = zone
    if hasattr(time, "tzset"):
        time.tzset()
    print(zone)
    for ts in [0, 1e9, 1700000000.25, 1720000000, -86400 * 365.5]:
        n = datetime.fromtimestamp(ts)
        print(" ", ts, n, n.timestamp(), date.fromtimestamp(ts), n.astimezone(), n.astimezone().tzname(),
              n.astimezone(timezone.utc), datetime.fromtimestamp(ts, timezone.utc).astimezone())
    for dt in [datetime(2024, 3, 10, 2, 30), datetime(2024, 11, 3, 1, 30), datetime(2024, 7, 1, 12),
               datetime(2024, 3, 10, 2, 30, fold=1), datetime(2024, 11, 3, 1, 30, fold=1),
               datetime(2024, 3, 31, 2, 30), datetime(2024, 10, 27, 2, 30, fold=1),
               datetime(2024, 4, 7, 1, 45), datetime(2024, 10, 6, 2, 15)]:
        print(" ", dt, dt.fold, dt.timestamp(), dt.astimezone())
