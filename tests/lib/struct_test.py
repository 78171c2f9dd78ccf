# struct: formats, alignment, floats, errors (expected output from CPython 3.11)
import struct

for fmt in ["@bhbid", "@bq", "=bq", "<3s2p", "@?xi", ">4x", "@cHcI", "!e", "@P", "@n"]:
    print(fmt, struct.calcsize(fmt))
print(struct.pack("@bhbid", 1, 2, 3, 4, 5.0).hex())
for c in "efd":
    for v in [0.0, -0.0, 1.0, -2.5, 0.1, 1e-8, 65504.0, 1e-45, 3.4e38, 5e-324, 1e300, float("inf"), -float("inf")]:
        try:
            b = struct.pack("<" + c, v)
            print(c, v, b.hex(), struct.unpack("<" + c, b)[0], struct.unpack(">" + c, b[::-1])[0])
        except (OverflowError, struct.error) as e:
            print(c, v, type(e).__name__, e)
print(struct.pack("<d", float("nan")).hex(), struct.pack("<f", float("nan")).hex())
for fmt, v in [("b", 200), ("<B", 300), ("@h", 70000), ("<q", 2 ** 64), ("<Q", -1), (">l", 2 ** 40),
               ("@L", -1), ("<e", 1e6), ("<c", b"ab"), ("<s", 1), ("n", 1.5), ("<n", 1), ("@i", 2 ** 31),
               ("<I", -5), ("<i", -2 ** 40), ("@I", 2 ** 32), ("<f", "x")]:
    try:
        print(fmt, struct.pack(fmt, v))
    except Exception as e:
        print(fmt, type(e).__name__, e)
for f, b in [("<h", b"x"), ("<hh", b"x" * 6)]:
    try:
        struct.unpack(f, b)
    except struct.error as e:
        print(f, e)
for thunk in [lambda: struct.iter_unpack("<h", b"xxx"), lambda: struct.unpack_from("<i", b"xxx", 1),
              lambda: struct.pack_into("<i", bytearray(3), 1, 5), lambda: struct.calcsize("<3")]:
    try:
        thunk()
    except struct.error as e:
        print(e)
s = struct.Struct("<2h3sQ")
print(s.size, s.format, s.unpack(s.pack(-1, 2, b"abcd", 2 ** 64 - 1)))
print(struct.pack("<5p", b"abcdefg"), struct.unpack("<5p", b"\x09abcd"), struct.pack("<hx", 1))
print(struct.unpack("<?h", b"\x05\x01\x02"), struct.pack(">?", []), struct.pack("<q", -2))
