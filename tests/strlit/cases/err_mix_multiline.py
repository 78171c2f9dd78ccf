y = ("a"
     b"b"
     )
