# memoryview over bytes and bytearray, and file readinto: behaviour and CPython's messages
import os
import tempfile


def err(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


m = memoryview(b"abcdef")
ba = bytearray(b"0123456789")
w = memoryview(ba)
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[::-1].tobytes(), m[4:1:-1].tolist())
print(m.readonly, w.readonly, m.nbytes, m[1:3].nbytes, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(m[::2].strides, m[::-2].shape, m.contiguous, m[::2].contiguous, m[::2][1:].tobytes(), m[1:][::2][::-1].tolist())
print(m.obj is not None, m.obj == b"abcdef", bytes(m[2:]), bytearray(m[:2]), list(m[3:]), 99 in m, 200 in m)
print(m == b"abcdef", b"abcdef" == m, m == bytearray(b"abcdef"), m[::2] == b"ace", m == "abcdef", m != b"x")
print(m.hex(), m[1:3].hex(":"), hash(m) == hash(b"abcdef"), b"-".join([m[:2], w[:2]]), b"xy" + m[:1], bytearray(b"q") + m[:2])
print(memoryview(m).tobytes(), memoryview(m[1:])[0], len(m[10:]), m[2:2].tobytes())

# writes through a view change the base
w[0] = 65
w[1:3] = b"BC"
w[::3] = b"wxyz"
w[-1] = 0x7A
print(ba, w.tobytes())
sub = w[2:8]
sub[::2] = bytearray(b"...")
print(ba)
w[0:4] = w[2:6]          # overlapping source
print(ba)

err(lambda: memoryview("s"))
err(lambda: memoryview(3))
err(lambda: memoryview())
err(lambda: m[6])
err(lambda: m[-7])
err(lambda: m["a"])
err(lambda: m[...])
err(lambda: m[1.0])
err(lambda: m[0:1:0])
err(lambda: m.__setitem__(0, 1))
err(lambda: w.__setitem__(0, 256))
err(lambda: w.__setitem__(0, -1))
err(lambda: w.__setitem__(0, "a"))
err(lambda: w.__setitem__(slice(0, 2), b"abc"))
err(lambda: w.__delitem__(0))
err(lambda: hash(w))
err(lambda: m < m)
err(lambda: m + b"x")
err(lambda: m.tobytes("x"))

v = memoryview(b"xyz")
v.release()
v.release()
print(v == v, v == b"xyz", repr(v).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
err(lambda: v[0])
err(lambda: len(v))
err(lambda: v.tobytes())
err(lambda: v.nbytes)
err(lambda: bytes(v))
with memoryview(bytearray(b"ctx")) as c:
    print(c[0], c.tolist())
err(lambda: c[0])

# readinto
with tempfile.TemporaryDirectory() as tmp:
    p = os.path.join(tmp, "f.bin")
    with open(p, "wb") as f:
        print(f.write(memoryview(bytes(range(20)))[5:9]), f.write(memoryview(bytearray(b"END"))))
    with open(p, "rb") as f:
        buf = bytearray(4)
        print(f.readinto(buf), buf)
        view = memoryview(bytearray(10))
        print(f.readinto(view[2:6]), view.tolist())
        print(f.readinto(bytearray(0)), f.readinto(bytearray(10)), f.readinto(bytearray(3)))
        err(lambda: f.readinto(b"abc"))
        err(lambda: f.readinto(memoryview(b"abc")))
        err(lambda: f.readinto(memoryview(bytearray(4))[::2]))
    with open(p, "ab") as f:
        err(lambda: f.readinto(bytearray(2)))
        err(lambda: f.read())
    with open(p, "rb") as f:
        err(lambda: f.write(b"x"))
    with open(p, "r") as f:
        err(lambda: f.write("x"))
# strided views: copied by bytes()/==/memoryview assignment, refused by simple buffer users
s = memoryview(b"abcdef")[::2]
print(bytes(s), bytearray(s), s == b"ace", s.tobytes())
err(lambda: b"".join([s]))
err(lambda: b"x" + s)
dst = memoryview(bytearray(3))
dst[:] = s
print(dst.tobytes())
err(lambda: bytearray(3).__setitem__(slice(0, 3), s))
