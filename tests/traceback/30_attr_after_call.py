# an attribute error after a successful method call on the same line
val = 3
res = val.bit_length() + val.nope
