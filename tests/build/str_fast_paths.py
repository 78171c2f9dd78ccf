# Fast paths of str operations and their boundaries with the general paths: indexing ASCII and
# non-ASCII text (forward scans, backward jumps, negative and out-of-range indices).

def indexing():
    a = "hello, world"
    u = "héllo wörld " * 20 + "日本語テキスト" + "end"
    print(a[0], a[-1], a[5], repr(a[6]))
    out = []
    for i in range(0, len(u), 7):
        out.append(u[i])
    print("".join(out))
    out = []
    for i in range(len(u) - 1, -1, -13):
        out.append(u[i])
    print("".join(out))
    print(u[-1], u[-len(u)], u[len(u) - 4])
    for s, i in ((a, len(a)), (a, -len(a) - 1), (u, 10 ** 3), ("", 0), ("é", 1)):
        try:
            s[i]
        except IndexError as e:
            print("IndexError:", e)
    try:
        a["x"]
    except TypeError as e:
        print("TypeError:", e)
    print(a[True], u[False])


indexing()
