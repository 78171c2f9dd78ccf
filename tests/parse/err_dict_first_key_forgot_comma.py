x = {b c: 2}
