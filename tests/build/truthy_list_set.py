# Truthiness of exact lists and sets in typed code (their length), including ones emptied
# and refilled in a loop, and `not`.


def drain(n):
    stack = [1]
    seen = set()
    out = 0
    while stack:
        v = stack.pop()
        out += v
        if v < n:
            stack.append(v * 2)
            stack.append(v * 2 + 1)
        seen.add(v % 7)
        if not seen:
            out -= 1000
    return out, len(seen), bool(stack), not stack


def batches(words):
    line = []
    lines = []
    for w in words:
        line.append(w)
        if len(line) == 3:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    s = set()
    if not s:
        lines.append("empty set")
    s.add(1)
    if s:
        lines.append("non-empty set")
    return lines


print(drain(100))
print(batches(["a", "b", "c", "d", "e"]))
print(batches([]))
