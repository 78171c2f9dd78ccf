"""importlib - import_module for a compiled program.

aithon compiles a program closed-world: every source module is found and compiled ahead of
time, and its body runs when an import statement is reached.  So import_module(name) can
return a module that some import statement has already loaded (it is in sys.modules), or a
built-in C module (loaded on demand through _imp.import_builtin).  A source module that no
import statement of the program names was never compiled, and import_module raises
ModuleNotFoundError for it; write `import name` somewhere in the program to include it.

reload(module) cannot re-run a compiled module body: it returns the module unchanged.
"""

import sys
import _imp


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    if not name:
        raise ValueError('Empty module name')
    module = sys.modules.get(name)
    if module is not None:
        return module
    parent = name.rpartition('.')[0]
    if parent and parent not in sys.modules:
        import_module(parent)
    try:
        return _imp.import_builtin(name)
    except ModuleNotFoundError:
        pass
    error = ModuleNotFoundError("No module named {!r}".format(name))
    error.name = name
    raise error


def reload(module):
    name = getattr(module, '__name__', None)
    if name is None or sys.modules.get(name) is not module:
        error = ImportError("module {} not in sys.modules".format(name))
        error.name = name
        raise error
    return module


def invalidate_caches():
    pass
