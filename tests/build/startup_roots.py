# Start-up state and collector roots: every built-in exception type reachable by name (the
# builtins module is filled by name lookups at start-up), the OSError aliases, and objects
# kept alive only by deep native stack frames while the collector runs many times (the
# collector scans the main stack up to the process's initial stack pointer).
import builtins

names = [
    "BaseException", "BaseExceptionGroup", "GeneratorExit", "KeyboardInterrupt", "SystemExit",
    "Exception", "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError",
    "AssertionError", "AttributeError", "BufferError", "EOFError", "ExceptionGroup",
    "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError",
    "MemoryError", "NameError", "UnboundLocalError", "OSError", "BlockingIOError",
    "ChildProcessError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
    "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
    "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
    "ProcessLookupError", "TimeoutError", "ReferenceError", "RuntimeError",
    "NotImplementedError", "RecursionError", "StopAsyncIteration", "StopIteration",
    "SyntaxError", "IndentationError", "TabError", "SystemError", "TypeError", "ValueError",
    "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError",
    "Warning", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning",
    "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning",
    "SyntaxWarning", "UnicodeWarning", "UserWarning",
]
for n in names:
    t = getattr(builtins, n)
    print(n, t.__name__ == n, [c.__name__ for c in t.__mro__])
print(EnvironmentError is OSError, IOError is OSError, builtins.IOError is OSError)


def deep(n, acc):
    # each frame keeps a fresh list and a big int alive only through its locals
    mine = [n, str(n) * 4, 2 ** 64 + n]
    junk = [str(i) for i in range(200)]   # garbage, so that collections happen
    if n == 0:
        return sum(len(x[1]) for x in acc) + len(junk)
    acc.append(mine)
    r = deep(n - 1, acc)
    assert mine[0] == n and mine[1] == str(n) * 4 and mine[2] - 2 ** 64 == n
    return r + mine[2] - 2 ** 64


for rep in range(12):
    print(deep(400, []))


def runaway(n, keep):
    keep.append([n] * 3)
    return runaway(n + 1, keep)


held = []
try:
    runaway(0, held)
except RecursionError as e:
    print("RecursionError", type(e).__mro__[1].__name__)
print(all(x == [i] * 3 for i, x in enumerate(held)), len(held) > 100)


def fails_midway(n):
    xs = [float(i) for i in range(n)]
    if n == 7:
        raise KeyError(n, xs[-1], 2 ** 63)
    return fails_midway(n + 1)


try:
    fails_midway(0)
except KeyError as e:
    print("KeyError", e.args)
