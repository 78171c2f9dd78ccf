# re: bytes patterns
import re
p = re.compile(rb"(\w+)=(\d+)")
print(p, p.flags, p.findall(b"a=1 bb=22 \xe9=3"), p.sub(rb"\2:\1", b"x=5;y=6"))
m = p.search(b"..k=42..")
print(m, m.group(1), m.groups(), m.span(2), m.expand(rb"<\1>"))
print(re.split(rb"[,;]", b"a,b;c"), re.sub(b"a", lambda m: b"A", b"banana"), re.findall(rb"\xe9+", b"\xe9\xe9x\xe9"))
print(re.findall(rb"(a)|b", b"ab"), re.escape(b"a.b"), re.match(rb"\d", "1".encode()), re.compile(b"x", re.I))
for f in [lambda: re.match(b"a", "a"), lambda: re.match("a", b"a"), lambda: re.compile(b"a", re.U),
          lambda: re.sub(b"a", "x", b"a"), lambda: re.sub("a", b"x", "a")]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
