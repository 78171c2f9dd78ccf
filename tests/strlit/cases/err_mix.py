y = "a" b"b"
