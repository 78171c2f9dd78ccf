# f-strings over several lines: field positions
a = f"""first
  {x}
    {y!r:>{w}}"""
b = f"""{
x}"""
c = (f"a{x}"
     f"b{y}")
d = f"""a
b {x + 1} {
  y
} c"""
e = f'''{x:
}'''
g = x + f"{y}" + f"""
{z}"""
