"""string: constants, capwords, Template."""
import string

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.hexdigits, string.octdigits, repr(string.punctuation), repr(string.whitespace), repr(string.printable))
print(string.capwords("hello   world  foo"), string.capwords("a-b c-d", "-"), string.capwords(""))
t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"), t.substitute({"who": 1, "what": 2}))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print(e)
