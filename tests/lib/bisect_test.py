"""bisect: bisect_left/right, insort, lo/hi, key."""
import bisect

a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3))
bisect.insort(a, 4)
bisect.insort_left(a, 2)
print(a)
recs = [(1, "a"), (3, "c"), (5, "e")]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, "d"), key=lambda r: r[0])
print(recs)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print(e)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
