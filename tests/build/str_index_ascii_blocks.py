# Indexing and slicing long non-ASCII strs whose 64-code-point blocks are partly pure ASCII
# (found directly from the block index) and partly not; the last block may be partial.


def digest(s):
    h = 0
    for i in range(len(s)):
        h = (h * 31 + ord(s[i])) % 1000003
    for i in range(-1, -len(s) - 1, -7):
        h = (h * 17 + ord(s[i])) % 1000003
    return h


def texts():
    out = []
    for n in (63, 64, 65, 127, 128, 129, 200, 640):
        for pos in (0, 1, 62, 63, 64, 65, n - 1):
            if pos < n:
                chars = ["a"] * n
                chars[pos] = "é"
                out.append("".join(chars))
        out.append("".join("ab€𝄞"[i % 4] for i in range(n)))
        out.append("x" * (n - 1) + "ü")
    return out


def main():
    total = 0
    for t in texts():
        total = (total * 7 + digest(t)) % 1000000007
        mid = len(t) // 2
        print(len(t), t[mid], t[-1], t[mid - 3:mid + 3], t[60:70].count("a"), digest(t))
    print(total)
    s = "é" + "a" * 100
    try:
        s[101]
    except IndexError as e:
        print("IndexError:", e)
    print(s[100], s[-101], s[64], s[63:66])


main()
