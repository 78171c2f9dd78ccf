# json: every observable behaviour, run twice: first as the module is (aithon: through the C
# module _json), then with the accelerator switched off (json.c_* = None: the pure-Python code).
# Both halves must print the same; expected output from CPython 3.11.
import io
import json


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(ascii(r))
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except (ValueError, TypeError, KeyError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
    except RecursionError:
        print("RecursionError")


class F(float):
    def __repr__(self):
        return "F!"


class I(int):
    def __repr__(self):
        return "I!"


class S(str):
    pass


class L(list):
    pass


class D(dict):
    pass


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        if isinstance(o, set):
            return sorted(o)
        return json.JSONEncoder.default(self, o)


class HookDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        json.JSONDecoder.__init__(self, object_hook=lambda d: ("obj", sorted(d)), **kw)


def encoding():
    doc = {"b": [1, 2.5, None, True, False], "a": {"c": "d", "e": []}, "z": {}, "t": (1, "x")}
    show(json.dumps, doc)
    show(json.dumps, doc, sort_keys=True)
    show(json.dumps, doc, separators=(",", ":"))
    show(json.dumps, doc, separators=(" , ", " := "), sort_keys=True)
    show(json.dumps, doc, indent=2)
    show(json.dumps, doc, indent="\t", sort_keys=True)
    show(json.dumps, [[], {}, [[]], [{}]], indent=0)
    # strings
    show(json.dumps, "plain")
    show(json.dumps, 'q"b\\s/\b\f\n\r\t\x00\x01\x1f\x7f\x80é\u2028\uffff')
    show(json.dumps, 'q"b\\s/\b\f\n\r\t\x00\x01\x1f\x7f\x80é\u2028\uffff', ensure_ascii=False)
    show(json.dumps, ["\U0001f600", "\U00010000\U0010ffff", "\ud800", "\udfff\ud800", "a\ud83d\ude00"])
    show(json.dumps, ["\U0001f600", "\ud800", "x\udc00y"], ensure_ascii=False)
    show(json.dumps, {"Zürich": "Kraków", "k\n": "v\t"})
    show(json.dumps, {"Zürich": "Kraków"}, ensure_ascii=False)
    show(json.dumps, S("sub"))
    show(json.dumps, [S("sub"), L([1, S("x")]), D(k=1)])
    # numbers
    show(json.dumps, [0, -1, 2 ** 62, 2 ** 63, -(2 ** 64), 2 ** 100, 10 ** 30])
    show(json.dumps, [0.0, -0.0, 1.0, 0.1, 1e16, 1.5e-7, 2.5e20, 1e300, 5e-324, 123456789.123])
    show(json.dumps, [float("nan"), float("inf"), float("-inf")])
    show(json.dumps, [float("inf")], allow_nan=False)
    show(json.dumps, [float("nan")], allow_nan=False)
    show(json.dumps, [F(1.5), I(7), True, False])
    # keys
    show(json.dumps, {1: "int", 2.5: "float", True: "t", False: "f", None: "n", "s": 0})
    show(json.dumps, {float("nan"): 1, float("inf"): 2, -float("inf"): 3})
    show(json.dumps, {float("inf"): 2}, allow_nan=False)
    show(json.dumps, {I(3): 1, F(2.0): 2, 10 ** 20: 3})
    show(json.dumps, {(1, 2): 1})
    show(json.dumps, {(1, 2): 1, "a": 2, "b": (3,)}, skipkeys=True)
    show(json.dumps, {(1, 2): 1}, skipkeys=True)
    show(json.dumps, {"b": 1, "a": 2, "c": {"y": 1, "x": 2}}, sort_keys=True)
    show(json.dumps, {"b": 1, 2: 2}, sort_keys=True)
    show(json.dumps, {1: 1, 2.5: 2, 0: 3}, sort_keys=True)
    # default, cls, circular references
    show(json.dumps, {"p": Point(1, 2), "s": {3, 1}}, cls=PointEncoder)
    show(json.dumps, [Point(1, 2)], cls=PointEncoder, sort_keys=True, indent=1)
    show(json.dumps, [Point(1, 2)], default=lambda o: [o.x, o.y])
    show(json.dumps, [Point(1, 2)], default=lambda o: Point(o.x, o.y) if o.x < 5 else None)
    show(json.dumps, object())
    show(json.dumps, {"k": {1, 2}})
    show(json.dumps, b"bytes")
    show(json.dumps, [1, Point(1, 2)], default=lambda o: o)
    a = [1]
    a.append(a)
    show(json.dumps, a)
    show(json.dumps, a, check_circular=False)
    d = {"x": 1}
    d["self"] = d
    show(json.dumps, d)
    show(json.dumps, [d], sort_keys=True)
    shared = [1, 2]
    show(json.dumps, [shared, shared, {"a": shared}])
    deep = []
    for _ in range(5000):
        deep = [deep]
    show(json.dumps, deep)
    show(lambda: json.JSONEncoder().encode({"a": [1, "b"]}))
    show(lambda: "".join(json.JSONEncoder(sort_keys=True).iterencode({"b": 1, "a": [2]})))
    show(lambda: json.JSONEncoder(separators=(";", "=")).encode({"a": [1, 2]}))
    out = io.StringIO()
    json.dump({"a": [1, 2, {"b": None}], "c": "é"}, out)
    show(out.getvalue)
    out = io.StringIO()
    json.dump([1, {"b": 2}], out, indent=1)
    show(out.getvalue)


def decoding():
    show(json.loads, '{"a": [1, 2.5, -3e2, true, false, null, "s", {}, []], "b": {"c": {}}}')
    show(json.loads, ' \t\n\r[ 1 , { "k" : "v" } ] \r\n')
    show(json.loads, b'{"bytes": "\xc3\xa9"}')
    show(json.loads, bytearray(b'[1]'))
    show(json.loads, '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac"')
    show(json.loads, '"Zürich \\u00fc Kraków"')
    # numbers
    show(json.loads, "[0, -0, 1, -12, 123456789012345678, 1234567890123456789, 99999999999999999999]")
    show(json.loads, "[0.5, -0.0, 1e5, 1E5, 1e-5, 1.5e+3, -2.5E-3, 1e400, -1e400, 1.7976931348623157e308]")
    show(json.loads, "[1.0e, 1]")
    show(json.loads, "1e")
    show(json.loads, "1.e5")
    show(json.loads, "-")
    show(json.loads, "01")
    show(json.loads, "-01")
    show(json.loads, "[1e+, 2]")
    show(json.loads, "2.")
    show(json.loads, "1" * 5000)
    show(json.loads, "[NaN, Infinity, -Infinity]")
    show(json.loads, "[nan]")
    show(json.loads, "-Inf")
    # hooks
    show(json.loads, '{"b": 1, "a": {"c": 2}}', object_hook=lambda d: sorted(d.items()))
    show(json.loads, '{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p)
    show(json.loads, '{"b": 1, "a": 2}', object_pairs_hook=lambda p: ("pairs", p),
         object_hook=lambda d: ("obj", d))
    show(json.loads, '{}', object_pairs_hook=lambda p: ("pairs", p))
    show(json.loads, '{}', object_hook=lambda d: ("obj", d))
    show(json.loads, '[1, 2.50, 3e1]', parse_float=lambda s: ("F", s), parse_int=lambda s: ("I", s))
    show(json.loads, '[NaN, -Infinity]', parse_constant=lambda s: ("C", s))
    show(json.loads, '[1.5]', parse_float=str)
    show(json.loads, '{"a": 1}', cls=HookDecoder)
    show(json.loads, '{"a": {"b": [1, 2, {"c": null}]}}', object_hook=lambda d: len(d))
    show(json.loads, '[1, 2]', parse_int=lambda s: 1 / 0 if s == "2" else int(s))
    # duplicate keys: the last one wins, in the first one's place
    show(json.loads, '{"a": 1, "b": 2, "a": 3}')
    # strings and \u escapes
    show(json.loads, '"\\ud83d\\ude00"')
    show(json.loads, '"\\ud83d"')
    show(json.loads, '"\\ude00"')
    show(json.loads, '"\\ude00\\ud83d"')
    show(json.loads, '"\\ud83d\\u0041"')
    show(json.loads, '"\\ud83d\\ud83d\\ude00"')
    show(json.loads, '"\\ud83dx\\ude00"')
    show(json.loads, '"\\uD83D\\uDE00 \\u00E9"')
    show(json.loads, '"\\ud83d\\uZZZZ"')
    show(json.loads, '"\\ud83d\\ude0"')
    show(json.loads, '"\\ud83d\\u"')
    show(json.loads, '"\\u12"')
    show(json.loads, '"\\ud83d\\ude00')
    show(json.loads, '"\\ud83d\\ude00"')
    show(json.loads, '"\\ud83d\\ude00x')
    show(json.loads, '"\\u1234')
    show(json.loads, '"\\u12x4"')
    show(json.loads, '"\\x"')
    show(json.loads, '"\\é"')
    show(json.loads, '"\\')
    show(json.loads, '"abc')
    show(json.loads, '["é", "abc')
    show(json.loads, '"\ud800 lone"')
    # strict mode and control characters
    show(json.loads, '"a\tb"')
    show(json.loads, '"a\nb\x00c"')
    show(json.loads, '["ok", "a\x1fb"]')
    show(json.loads, '"a\tb\nc\x00\x7f"', strict=False)
    show(json.loads, '{"k\n": "v\r"}', strict=False)
    show(json.loads, '"unterminated\t', strict=False)
    # errors with their positions
    for bad in ['', ' ', '[1,]', '[1 2]', '{"a" 1}', '{"a": }', '{"a":1 "b":2}', '{"a":1,}',
                '{"a":1,"b"}', '{a: 1}', '{', '{"a"', '{"a":', '{"a":1', '[', '[1', '[1,',
                '\n\n  [}', '[1] 2', '[1] x', 'nul', 'tru', 'fals', 'x', '[-]', '"a" "b"',
                '\ufeff[1]', '[1]\x0c', '\x0c[1]', '["é", é]', '{"Zürich": 1,\n "b": ?}',
                'é', '[1, 2, 3,\n 4, ]', '{"a": [1, {"b": }]}', '[\u00a0]', '[1]\u2028']:
        show(json.loads, bad)
    show(json.loads, 1)
    show(json.loads, None)
    dec = json.JSONDecoder()
    show(dec.raw_decode, '[1] tail')
    show(dec.raw_decode, 'xx[1, 2]yy', 2)
    show(dec.raw_decode, 'xx "é" ', 3)
    show(dec.raw_decode, 'é"é"', 1)
    show(dec.raw_decode, ' [1]')
    show(dec.raw_decode, '[1]', 3)
    show(dec.raw_decode, '[1]', 30)
    show(dec.decode, '  {"a": 1}  ')
    show(json.load, io.StringIO('{"file": [1, 2]}'))
    show(json.loads, "[" * 100000)
    show(json.loads, '{"a": ' * 100000)
    show(lambda: json.loads(json.dumps({"deep": [[[[[[[[[[[[1]]]]]]]]]]]]})))
    e = json.JSONDecodeError("Custom", "ab\ncd", 4)
    print(e, e.msg, e.pos, e.lineno, e.colno, e.doc == "ab\ncd", isinstance(e, ValueError))


def roundtrip():
    names = ["Ada", "Grace", "Zürich", "Tōkyō", 'q"uote', "back\\slash", "tab\there", "\U0001f600"]
    records = []
    for i in range(200):
        records.append({"id": i, "name": names[i % len(names)] + str(i), "score": i / 7,
                        "ok": i % 3 == 0, "none": None, "tags": [str(k) for k in range(i % 4)],
                        "nested": {"v": [i, -i, i * 1.5, [{}], []], "big": 2 ** (i % 70)}})
    for kw in [{}, {"ensure_ascii": False}, {"sort_keys": True}, {"separators": (",", ":")},
               {"indent": 1}]:
        text = json.dumps(records, **kw)
        back = json.loads(text)
        print(len(text), back == records, sum(len(k) for r in back for k in r))
    print(json.dumps(records[7]))


def run_all():
    encoding()
    decoding()
    roundtrip()


run_all()
print("---- pure Python ----")
json.c_make_scanner = None
json.c_make_encoder = None
json.c_scanstring = None
json.c_encode_basestring_ascii = None
json.c_encode_basestring = None
run_all()
