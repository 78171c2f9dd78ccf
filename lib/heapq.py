"""heapq: the binary min-heap algorithms on lists (heappush, heappop, heapify, heapreplace,
heappushpop) and merge, nlargest, nsmallest, as CPython 3.11's.  Written for aithon."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest',
           'nsmallest', 'heappushpop']


def _siftdown(heap, startpos, pos):
    # move heap[pos] up towards the root until its parent is not greater
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # move the smaller child up until a leaf, then sift the item back down (fewer compares)
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item."""
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output."""
    its = [iter(it) for it in iterables]
    heads = []
    for order, it in enumerate(its):
        for value in it:
            k = value if key is None else key(value)
            heads.append([k, order, value])
            break
    while heads:
        best = 0
        for i in range(1, len(heads)):
            a, b = heads[i], heads[best]
            if (b[0] < a[0]) if reverse else (a[0] < b[0]):
                best = i
            elif not (a[0] < b[0]) and not (b[0] < a[0]) and a[1] < b[1]:
                best = i
        entry = heads[best]
        yield entry[2]
        it = its[entry[1]]
        for value in it:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            break
        else:
            del heads[best]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset (equivalent to sorted(...)[:n])."""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset (equivalent to sorted(..., reverse=True)[:n])."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
