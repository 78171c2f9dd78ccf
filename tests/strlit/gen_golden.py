#!/usr/bin/env python3
"""gen_golden.py - writes the expectations of the golden string-literal tests from python3
(CPython 3.11), never from aithon:

    python3 tests/strlit/gen_golden.py        (all of tests/strlit/cases/*.py)

For cases/NAME.py that python3 parses: NAME.ast = ast.dump(ast.parse(source)) and NAME.pos =
the same with include_attributes=True.  For one it rejects: NAME.err = "LINE:COL: SyntaxError:
MSG", COL being SyntaxError.offset (in bytes: the cases have no coding cookie), 0 when CPython
gives no column.
"""
import ast
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "cases", "*.py")))
    for path in files:
        base = path[:-3]
        src = open(path, "rb").read()
        for ext in (".ast", ".pos", ".err"):
            if os.path.exists(base + ext):
                os.remove(base + ext)
        try:
            tree = ast.parse(src)
        except SyntaxError as e:
            # parsing bytes without a coding cookie, CPython leaves offsets in bytes, as
            # aithon's columns are
            offset = e.offset or 0
            with open(base + ".err", "w", encoding="utf-8") as f:
                f.write("%d:%d: SyntaxError: %s\n" % (e.lineno, offset, e.msg))
            continue
        with open(base + ".ast", "w", encoding="utf-8") as f:
            f.write(ast.dump(tree) + "\n")
        with open(base + ".pos", "w", encoding="utf-8") as f:
            f.write(ast.dump(tree, include_attributes=True) + "\n")


if __name__ == "__main__":
    main()
