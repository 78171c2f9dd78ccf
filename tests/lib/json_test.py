# json: encoder formatting and decoder errors (expected output from CPython 3.11)
import json

print(json.dumps({"a": [1, 2.5, None, True], "b": {"c": "d"}}, indent=0))
print(json.dumps([1, [2, [3, {}]]], indent=3, separators=(" ,", " : ")))
print(json.dumps({"é": "ü", "😀": 1}), json.dumps({"é": "😀"}, ensure_ascii=False))
print(json.dumps({3: 1, "x": 2, 1: 3}, skipkeys=True), json.dumps({(1,): 2, "k": 1}, skipkeys=True))
print(json.dumps([1e16, 1.5e-10, 123456789.123, 2 ** 70, -0.0, 1.0]))
print(json.dumps("\x7f\u2028\ud800"), json.dumps(["/", "\\"]))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return json.JSONEncoder.default(self, o)
print(json.dumps({"s": {2, 1}}, cls=E), E(indent=1).encode([1]))
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps(object())
except TypeError as e:
    print("TypeError", e)
print(json.loads('{"a": {"b": [1, 2, {"c": null}]}}', object_hook=lambda d: sorted(d.items())))
print(json.loads("[1, 2]", parse_int=float), json.loads("[NaN, Infinity]", parse_constant=str))
print(json.loads(b'{"x": "\\u00e9\\n\\/"}'), json.loads(' \n"a\\tb"\r\n'), json.loads("0"), json.loads("-0.0"))
print(json.JSONDecoder().raw_decode('[1] xx'), json.loads("1e5"), json.loads("-12.5E-2"))
for bad in ['[1,]', '{"a" 1}', '{"a": }', '"abc', '"a\\x"', '"\\u12"', '[1] 2', '{"a":1 "b":2}',
            '\n\n  [}', '"a\nb"', "01", "[-]", '{', '"\\ud800"', "1.", "-", "nul", '{"a":1,"b"}']:
    try:
        print(repr(bad), "->", repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
