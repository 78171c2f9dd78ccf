# implicit concatenation
a = "a" "b" 'c' """d""" '''e'''
b = ("multi"
     'line'
     """concat""")
c = "" "" ""
d = u"x" "y" u"z"
e = "a" r"\n" "\n"
f = ("a"  # comment
     "b")
g = b"a" b"b" rb"\c"
