# bytes literals
a = b"abc" B'def' b"""ghi
jkl"""
b = b"\x00\x41\xff\0\7\77\377\777\101"
c = b"\\ \' \" \a \b \f \n \r \t \v"
d = b"unknown \q \N{x} \u0041 \U00000041 \%"
e = b"line\
continued"
f = b"" b''
g = rb"\x41" b"\x41"
h = b'"' b"'" b'\'"'
