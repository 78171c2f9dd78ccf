y = 1
z = b"abc" b"é"
