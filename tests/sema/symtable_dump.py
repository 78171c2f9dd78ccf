#!/usr/bin/env python3
"""symtable_dump.py - python3's view of a file's symbol tables, in the format of aithon's
symtable_dump() (src/sema/symtable.c), for the differential test.

    symtable_dump.py FILE                 print FILE's table to stdout
    symtable_dump.py --outdir DIR LIST    for each path in the file LIST (one a line), write
                                          DIR/<index>.txt, or DIR/<index>.skip when python3 cannot
                                          compile the file (those files are not compared)

Per scope, depth-first with children in entry order: "<type> <name> line <lineno>[ nested]",
its parameters, then each symbol sorted by name (bytewise, as C's strcmp) with its resolved
scope and the booleans of symtable.Symbol that hold.
"""
import os
import sys
import symtable
import warnings
import _symtable

warnings.simplefilter("ignore")     # SyntaxWarnings of compile() are not our business

SCOPES = {_symtable.LOCAL: "LOCAL", _symtable.GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT",
          _symtable.GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT", _symtable.FREE: "FREE",
          _symtable.CELL: "CELL", 0: "UNRESOLVED"}
TYPES = {_symtable.TYPE_FUNCTION: "function", _symtable.TYPE_CLASS: "class",
         _symtable.TYPE_MODULE: "module"}
FLAGS = ["local", "global", "declared_global", "nonlocal", "free", "parameter", "imported",
         "assigned", "referenced", "annotated"]


def key(name):
    return name.encode("utf-8", "surrogatepass")


def dump(out, table, depth):
    raw = table._table
    ind = "  " * depth
    out.append("%s%s %s line %d%s" % (ind, TYPES.get(raw.type, "annotation"), raw.name,
                                       raw.lineno, " nested" if raw.nested else ""))
    if raw.varnames:
        out.append("%s  params: %s" % (ind, " ".join(raw.varnames)))
    for name in sorted(raw.symbols, key=key):
        sym = table.lookup(name)
        scope = (raw.symbols[name] >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK
        words = [f for f in FLAGS if getattr(sym, "is_" + f)()]
        out.append("%s  %s: %s%s" % (ind, name, SCOPES[scope],
                                     "".join(" " + w for w in words)))
    for child in table.get_children():
        dump(out, child, depth + 1)


def table_text(path):
    with open(path, "rb") as f:
        src = f.read()
    compile(src, path, "exec")          # files python3 rejects are not compared
    out = []
    dump(out, symtable.symtable(src, path, "exec"), 0)
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--outdir":
        outdir = sys.argv[2]
        with open(sys.argv[3]) as f:
            paths = [l.rstrip("\n") for l in f if l.strip()]
        for i, path in enumerate(paths):
            try:
                text = table_text(path)
                name = "%d.txt" % i
            except (SyntaxError, ValueError, RecursionError, MemoryError, OSError) as e:
                text = "%s: %s\n" % (type(e).__name__, e)
                name = "%d.skip" % i
            with open(os.path.join(outdir, name), "w", encoding="utf-8",
                      errors="surrogateescape") as f:
                f.write(text)
        return
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.stdout.write(table_text(sys.argv[1]))


if __name__ == "__main__":
    main()
