# strings inside fields: quotes, brackets, operators that look like field ends
a = f"{'}'} {'{'} {'!'} {':'} {'#'}"
b = f'{"a" "b"} {x["k"]} {x[":"]}'
c = f"{x[1:2]!r} {(x := 5)} {d['a']:>{w}}"
d = f'''{"""triple"""} {"x" if 0 else ''}'''
e = f"{x!r:{'a'}}"
g = f"{ {'a': 1}['a'] }"
