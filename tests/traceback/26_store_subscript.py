# a store into a subscript of an immutable object
s = "abc"
s[0] = "x"
