# prefixes in every case, raw strings
a = r"\n\x\N{" R'\'' r"\\" r"\
"
b = u"a" U"b" u'c'
c = U"x" u"y"
d = u"" ""
e = "" u""
f = r"""raw
\triple""" R'''\d+'''
g = rb"\x" Rb"\n" bR"\q" BR"\\" br''
h = "end"
