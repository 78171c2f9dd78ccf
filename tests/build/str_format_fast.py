# format() of str: the short "<12" / ">7" / "^11" / "20" specs and the full parser around them
# (zero fill, explicit fill, precision, non-ASCII fill and text, errors).

def show(value, spec):
    try:
        r = format(value, spec)
    except (ValueError, TypeError) as e:
        print(repr(spec), type(e).__name__, e)
        return
    if len(r) > 60:
        print(repr(spec), len(r), repr(r[:12]), repr(r[-12:]), r.count(" "))
    else:
        print(repr(spec), repr(r))


for v in ["abc", "", "héllo", "日本", "a", "toolongvalue"]:
    for spec in ["<12", ">7", "^11", "^10", "20", "1", "3", "0", "05", "<05", "012", ">012",
                 "*>8", "é^9", "日<6", ".2", "<8.2", "^9.1", "1234567", "<1234567", "000000012",
                 "^00000015", ">00000009", "<",
                 ">", "^", "=5", "+5", "5d", "5s", "<5x", "1_0", "10,", "#5", " 5", "z5", "5 "]:
        show(v, spec)
print(f"{'x':>3}|{'yy':<4}|{'zzz':^7}|{'w':08}|{'long':2}|")
print("{:^11}|{:>7}|{:<12}|".format("North", "7", "code-000001"))
