y = b"\x4"
