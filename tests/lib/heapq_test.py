"""heapq: push/pop/heapify/replace/pushpop/merge/nlargest/nsmallest."""
import heapq

h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 2, 6]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 5), data, heapq.heappushpop(data, 0), heapq.heappushpop(data, 10), data)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge([3, 1], [2], reverse=True)), list(heapq.merge()))
print(list(heapq.merge(["bb", "a"], ["ccc"], key=len)))
print(heapq.nlargest(3, [5, 1, 9, 3, 7]), heapq.nsmallest(2, [5, 1, 9, 3]), heapq.nlargest(2, ["aa", "b", "cccc"], key=len), heapq.nsmallest(0, [1]))
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
pq = []
for pri, task in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat")]:
    heapq.heappush(pq, (pri, task))
print([heapq.heappop(pq) for _ in range(4)])
