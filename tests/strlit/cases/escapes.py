# escapes in str literals
a = "\\ \' \" \a \b \f \n \r \t \v"
b = '\0 \7 \07 \007 \0777 \101\102 \377 \400 \777'
c = "\x00\x7f\x80\xff\xFF\xaB"
d = "\u0000\u00e9\uFFFF\ud800\udfff\ud83d\ude00"
e = "\U00000041\U0001F600\U0010ffff"
f = "\N{LATIN SMALL LETTER A}\N{latin small letter b}\N{EM DASH}\N{BYTE ORDER MARK}"
g = "\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-20000}"
h = "\N{NUL}\N{LINE FEED}\N{LF}\N{NBSP}\N{ZWJ}\N{VS1}"
i = "unknown: \q \% \8 \9 \c \{ \}"
j = "line\
continued"
k = """tri\
ple \
"""
l = "é\é \ä ü"
m = "\\N{not a name}"
n = "tab	inside"
o = '\'' "\"" '"' "'"
p = "\N{CJK COMPATIBILITY IDEOGRAPH-F900}\N{cjk compatibility ideograph-f901}"
q = "\N{GRINNING FACE}\N{grinning face}"
r = "ǿ\777"
