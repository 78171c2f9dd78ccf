y = "a" b"\x"
