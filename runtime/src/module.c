/*
 * module.c - module objects, global/class-body name lookup, and imports (closed world: every
 * module of the program is a static ModuleDef the compiler emitted; modules written in C
 * register a constructor with rt_register_builtin_module).
 *
 * Entry points (rt_func.h): rt_global_load/store/delete, rt_name_load, rt_import,
 * rt_import_from, rt_import_star, rt_builtin_module; (rt_builtins.h) rt_module_new,
 * rt_sys_modules, rt_register_builtin_module; the type rt_module_type.
 *
 * Import semantics, as CPython's importlib for source modules:
 *   - a module is created, entered in sys.modules and marked "initialising" BEFORE its body
 *     runs, so a circular import gets the partially initialised module (and attribute errors
 *     on it say so);
 *   - when the body raises, the module is removed from sys.modules and the ModuleDef is reset:
 *     a later import runs the body again, as CPython would;
 *   - after `pkg.sub` is initialised it becomes attribute `sub` of module `pkg` (if loaded).
 * ModuleDef.state: 0 not started (or failed), 1 initialising, 2 done.
 */
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_builtins.h"
#include "rt_containers.h"
#include "rt_func.h"
#include "class_internal.h"
#include "rt_str.h"

Value rt_sys_modules;   /* sys.modules: name -> module */

static Value intern(const char *s) { return rt_str_intern(s); }

static int is_str(Value v)
{
    return !rt_is_small(v) && (rt_obj(v)->type->flags & RT_TPFLAG_STR_SUBCLASS);
}

static int str_eq_c(Value s, const char *c)
{
    size_t n = rt_str_nbytes(s);
    return strncmp(rt_str_bytes(s), c, n) == 0 && c[n] == '\0';
}

static int ensure_sys_modules(void)
{
    if (!rt_sys_modules && !(rt_sys_modules = rt_dict_new()))
        return -1;
    return 0;
}

/* ================================================================ module objects ========= */

Value rt_module_new(const char *name, const ModuleDef *def)
{
    ModuleObject *m = (ModuleObject *)rt_new_object(&rt_module_type, sizeof *m);
    if (!m)
        return RT_ERR;
    m->def = def;
    if (!(m->dict = rt_dict_new()))
        return RT_ERR;
    Value n = rt_str_from_cstr(name);
    if (!n || rt_dict_set(m->dict, intern("__name__"), n) < 0 ||
        rt_dict_set(m->dict, intern("__doc__"), rt_None) < 0 ||
        rt_dict_set(m->dict, intern("__package__"), rt_None) < 0 ||
        rt_dict_set(m->dict, intern("__loader__"), rt_None) < 0 ||
        rt_dict_set(m->dict, intern("__spec__"), rt_None) < 0)
        return RT_ERR;
    return rt_val(m);
}

static Value module_name(ModuleObject *m)
{
    Value n = rt_dict_get(m->dict, intern("__name__"));
    return n && is_str(n) ? n : 0;
}

/* "<module 'm' from 'm.py'>", "<module 'sys' (built-in)>" */
static Value module_repr(Value v)
{
    ModuleObject *m = (ModuleObject *)rt_obj(v);
    Value name = module_name(m);
    Value nr = name ? rt_repr(name) : rt_str_from_cstr("'?'");
    if (!nr)
        return RT_ERR;
    Value file = rt_dict_get(m->dict, intern("__file__"));
    if (file && is_str(file)) {
        Value fr = rt_repr(file);
        return fr ? rt_sb_str_fmt("<module %U from %U>", nr, fr) : RT_ERR;
    }
    if (!m->def)
        return rt_sb_str_fmt("<module %U (built-in)>", nr);
    return rt_sb_str_fmt("<module %U>", nr);
}

static int initialising(ModuleObject *m) { return m->def && m->def->state == 1; }

/* attribute lookup: the module dict, then a module-level __getattr__ (PEP 562) */
static Value module_getattr(Value obj, Value name)
{
    ModuleObject *m = (ModuleObject *)rt_obj(obj);
    Value v = rt_dict_get(m->dict, name);
    if (v)
        return v;
    if (rt_exc_pending())
        return RT_ERR;
    if (str_eq_c(name, "__dict__"))
        return m->dict;
    if (str_eq_c(name, "__class__"))
        return rt_val(&rt_module_type);
    Value ga = rt_dict_get(m->dict, intern("__getattr__"));
    if (ga)
        return rt_call(ga, &name, 1, 0);
    Value mn = module_name(m);
    if (!mn)
        return rt_raise_fmt(rt_AttributeError, "module has no attribute '%U'", name);
    if (initialising(m))
        return rt_raise_fmt(rt_AttributeError,
                            "partially initialized module '%U' has no attribute '%U' (most likely "
                            "due to a circular import)",
                            mn, name);
    return rt_raise_fmt(rt_AttributeError, "module '%U' has no attribute '%U'", mn, name);
}

static int module_setattr(Value obj, Value name, Value value)
{
    ModuleObject *m = (ModuleObject *)rt_obj(obj);
    if (value)
        return rt_dict_set(m->dict, name, value);
    int r = rt_dict_del(m->dict, name);
    if (r < 0 && rt_exc_matches(rt_exc_pending(), rt_val(rt_KeyError)) == 1) {
        rt_exc_fetch();
        rt_raise_fmt(rt_AttributeError, "'module' object has no attribute '%U'", name);
    }
    return r;
}

static int64_t module_hash(Value v)
{
    uint64_t y = (uint64_t)v;
    int64_t h = (int64_t)((y >> 4) | (y << 60));
    return h == -1 ? -2 : h;
}

Type rt_module_type = {
    .ob = {&rt_type_type}, .name = "module", .base = &rt_object_type,
    .flags = RT_TPFLAG_BASETYPE, .basicsize = sizeof(ModuleObject), .repr = module_repr,
    .hash = module_hash, .getattr = module_getattr, .setattr = module_setattr,
};

/* ================================================================ globals ================ */

static Value name_error(Value name)
{
    return rt_raise_fmt(rt_NameError, "name '%U' is not defined", name);
}

/* rt_builtins_dict is filled by rt_init, which runs before any Python code */
static Value builtins_lookup(Value name)
{
    return rt_dict_get(rt_builtins_dict, name);
}

Value rt_global_load(Value globals, Value name)
{
    Value v = rt_dict_get(globals, name);
    if (v)
        return v;
    if (rt_exc_pending() || !(v = builtins_lookup(name)))
        return rt_exc_pending() ? RT_ERR : name_error(name);
    return v;
}

static int is_exact_dict(Value v) { return !rt_is_small(v) && rt_obj(v)->type == &rt_dict_type; }

Value rt_global_load_cached(Value globals, Value name, GlobalCache *c)
{
    if (!is_exact_dict(globals) || !is_exact_dict(rt_builtins_dict) ||
        rt_obj(name)->type != &rt_str_type)
        return rt_global_load(globals, name);
    int64_t h = rt_hash(name);
    if (h == -1)
        return RT_ERR;
    DictObject *g = (DictObject *)rt_obj(globals), *bd = (DictObject *)rt_obj(rt_builtins_dict);
    int64_t ix = rt_dict_find_hashed(globals, name, h);
    if (ix >= 0) {
        /* the lookup may have run a key's __eq__, but ix is an entry of the table as it is now */
        c->gtag = g->layout;
        c->btag = bd->layout;
        c->slot = &g->entries[ix].value;
        return g->entries[ix].value;
    }
    if (ix == -2)
        return RT_ERR;
    uint64_t gtag = g->layout;
    ix = rt_dict_find_hashed(rt_builtins_dict, name, h);
    if (ix == -2)
        return RT_ERR;
    if (ix < 0)
        return name_error(name);
    Value v = bd->entries[ix].value;
    /* a key's __eq__ in the builtins lookup could have added the name to the globals */
    if (g->layout == gtag) {
        c->gtag = gtag;
        c->btag = bd->layout;
        c->slot = &bd->entries[ix].value;
    }
    return v;
}

int rt_global_store(Value globals, Value name, Value v) { return rt_dict_set(globals, name, v); }

int rt_global_delete(Value globals, Value name)
{
    int r = rt_dict_del(globals, name);
    if (r < 0 && rt_exc_matches(rt_exc_pending(), rt_val(rt_KeyError)) == 1) {
        rt_exc_fetch();
        name_error(name);
    }
    return r;
}

Value rt_name_load(Value ns, Value globals, Value name)
{
    Value v;
    if (rt_typeof(ns) == &rt_dict_type) {
        if ((v = rt_dict_get(ns, name)))
            return v;
        if (rt_exc_pending())
            return RT_ERR;
    } else {
        /* a __prepare__d mapping: its __getitem__, KeyError meaning "not here" */
        if ((v = rt_getitem(ns, name)))
            return v;
        if (rt_exc_matches(rt_exc_pending(), rt_val(rt_KeyError)) != 1)
            return RT_ERR;
        rt_exc_fetch();
    }
    return rt_global_load(globals, name);
}

/* ================================================================ imports ================ */

typedef struct BuiltinModule {
    const char *name;
    Value (*create)(void);
    Value module;
} BuiltinModule;

static BuiltinModule builtin_modules[64];
static int nbuiltin_modules;

int rt_register_builtin_module(const char *name, Value (*create)(void))
{
    for (int i = 0; i < nbuiltin_modules; i++)
        if (strcmp(builtin_modules[i].name, name) == 0) {
            builtin_modules[i].create = create;
            return 0;
        }
    if (nbuiltin_modules == (int)(sizeof builtin_modules / sizeof builtin_modules[0]))
        return -1;
    builtin_modules[nbuiltin_modules].name = name;
    builtin_modules[nbuiltin_modules++].create = create;
    return 0;
}

Value rt_builtin_module(const char *name)
{
    if (ensure_sys_modules() < 0)
        return RT_ERR;
    for (int i = 0; i < nbuiltin_modules; i++) {
        BuiltinModule *b = &builtin_modules[i];
        if (strcmp(b->name, name) != 0)
            continue;
        if (!b->module) {
            Value m = b->create();
            if (!m)
                return RT_ERR;
            b->module = m;
            if (rt_dict_set(rt_sys_modules, rt_str_from_cstr(name), m) < 0)
                return RT_ERR;
        }
        return b->module;
    }
    rt_raise_fmt(rt_ModuleNotFoundError, "No module named '%s'", name);
    Value n = rt_str_from_cstr(name);
    if (n)
        rt_importerror_set_pending(n, 0);
    return RT_ERR;
}

/* sets the globals CPython's import system gives a source module, in its order */
static int init_module_dict(ModuleObject *m, const ModuleDef *def)
{
    Value d = m->dict;
    int is_main = strcmp(def->name, "__main__") == 0;
    Value pkg;
    if (is_main) {
        pkg = rt_None;
    } else if (def->is_package) {
        pkg = rt_str_from_cstr(def->name);
    } else {
        const char *dot = strrchr(def->name, '.');
        pkg = rt_str_from_utf8(def->name, dot ? (size_t)(dot - def->name) : 0);
    }
    if (!pkg || rt_dict_set(d, intern("__package__"), pkg) < 0)
        return -1;
    if (is_main) {
        Value ann = rt_dict_new();
        if (!ann || rt_dict_set(d, intern("__annotations__"), ann) < 0)
            return -1;
        Value bm = rt_builtin_module("builtins");
        if (!bm || rt_dict_set(d, intern("__builtins__"), bm) < 0)
            return -1;
    }
    if (def->is_package) {
        /* __path__: the package's directory */
        const char *f = def->file ? def->file : "";
        const char *slash = strrchr(f, '/');
        Value dir = rt_str_from_utf8(f, slash ? (size_t)(slash - f) : 0);
        Value path = dir ? rt_list_from(&dir, 1) : RT_ERR;
        if (!path || rt_dict_set(d, intern("__path__"), path) < 0)
            return -1;
    }
    if (def->file) {
        Value f = rt_str_from_cstr(def->file);
        if (!f || rt_dict_set(d, intern("__file__"), f) < 0)
            return -1;
    }
    if (rt_dict_set(d, intern("__cached__"), rt_None) < 0)
        return -1;
    if (!is_main) {
        Value bm = rt_builtin_module("builtins");
        if (!bm || rt_dict_set(d, intern("__builtins__"), bm) < 0)
            return -1;
    }
    return 0;
}

Value rt_import(ModuleDef *def)
{
    if (def->state == 1 || def->state == 2)
        return rt_val(def->module);   /* done, or a circular import: partially initialised */
    if (ensure_sys_modules() < 0)
        return RT_ERR;
    Value mv = rt_module_new(def->name, def);
    if (!mv)
        return RT_ERR;
    ModuleObject *m = (ModuleObject *)rt_obj(mv);
    Value name = rt_str_from_cstr(def->name);
    if (!name || init_module_dict(m, def) < 0 || rt_dict_set(rt_sys_modules, name, mv) < 0)
        return RT_ERR;
    def->module = m;
    def->state = 1;
    Value saved = rt_current_globals;
    rt_current_globals = m->dict;
    /* a module body is a frame too: CPython counts it against the recursion limit */
    Value r = RT_ERR;
    if (rt_recursion_enter() == 0) {
        r = def->init(m);
        rt_recursion_leave();
    }
    rt_current_globals = saved;
    if (!r) {
        /* CPython forgets a module whose body failed: the next import runs it again */
        Value exc = rt_exc_fetch();
        if (rt_dict_get(rt_sys_modules, name) == mv)
            rt_dict_del(rt_sys_modules, name);
        rt_exc_fetch();
        rt_exc_restore(exc);
        def->module = NULL;
        def->state = 0;
        return RT_ERR;
    }
    def->state = 2;
    /* `pkg.sub` becomes attribute `sub` of the loaded package */
    const char *dot = strrchr(def->name, '.');
    if (dot) {
        Value parent = rt_str_from_utf8(def->name, (size_t)(dot - def->name));
        Value pm = parent ? rt_dict_get(rt_sys_modules, parent) : RT_ERR;
        if (!parent)
            return RT_ERR;
        if (pm && rt_typeof(pm) == &rt_module_type &&
            rt_dict_set(((ModuleObject *)rt_obj(pm))->dict, rt_str_from_cstr(dot + 1), mv) < 0)
            return RT_ERR;
    }
    return mv;
}

/* the module's __name__ as a str for messages ("<unknown module name>" as CPython) */
static Value module_display_name(Value module)
{
    if (rt_typeof(module) == &rt_module_type) {
        Value n = module_name((ModuleObject *)rt_obj(module));
        if (n)
            return n;
    }
    return rt_str_from_cstr("<unknown module name>");
}

Value rt_import_from(Value module, Value name)
{
    Value v;
    if (rt_typeof(module) == &rt_module_type) {
        v = rt_dict_get(((ModuleObject *)rt_obj(module))->dict, name);
        if (v)
            return v;
        if (rt_exc_pending())
            return RT_ERR;
    } else {
        if ((v = rt_getattr(module, name)))
            return v;
        if (rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) != 1)
            return RT_ERR;
        rt_exc_fetch();
    }
    Value mn = module_display_name(module);
    if (!mn)
        return RT_ERR;
    /* a submodule already imported (`from pkg import sub` after pkg.sub was loaded) */
    Value full = rt_sb_str_fmt("%U.%U", mn, name);
    if (!full)
        return RT_ERR;
    if (rt_sys_modules && (v = rt_dict_get(rt_sys_modules, full)))
        return v;
    Value file = 0;
    int partial = 0;
    if (rt_typeof(module) == &rt_module_type) {
        ModuleObject *m = (ModuleObject *)rt_obj(module);
        file = rt_dict_get(m->dict, intern("__file__"));
        partial = initialising(m);
    }
    if (!file || !is_str(file))
        file = 0;
    if (partial)
        rt_raise_fmt(rt_ImportError,
                     "cannot import name '%U' from partially initialized module '%U' "
                     "(most likely due to a circular import) (%S)",
                     name, mn, file ? file : rt_str_from_cstr("unknown location"));
    else if (file)
        rt_raise_fmt(rt_ImportError, "cannot import name '%U' from '%U' (%U)", name, mn, file);
    else
        rt_raise_fmt(rt_ImportError, "cannot import name '%U' from '%U' (unknown location)",
                     name, mn);
    /* the import system's ImportError names the module it imported from, and its file */
    rt_importerror_set_pending(mn, file);
    return RT_ERR;
}

Value rt_import_star(Value module, Value globals)
{
    Value dict = rt_typeof(module) == &rt_module_type ? ((ModuleObject *)rt_obj(module))->dict
                                                      : 0;
    Value all = 0;
    if (dict) {
        all = rt_dict_get(dict, intern("__all__"));
    } else if (!(all = rt_getattr(module, intern("__all__")))) {
        if (rt_exc_matches(rt_exc_pending(), rt_val(rt_AttributeError)) != 1)
            return RT_ERR;
        rt_exc_fetch();
    }
    if (all) {
        Value it = rt_iter(all), name;
        if (!it)
            return RT_ERR;
        while ((name = rt_next(it))) {
            if (!is_str(name)) {
                Value mn = module_display_name(module);
                return mn ? rt_raise_fmt(rt_TypeError, "Item in %U.__all__ must be str, not %T",
                                         mn, name)
                          : RT_ERR;
            }
            Value v = dict ? rt_dict_get(dict, name) : 0;
            if (!v && !(v = rt_getattr(module, name)))
                return RT_ERR;
            if (rt_dict_set(globals, name, v) < 0)
                return RT_ERR;
        }
        return rt_exc_pending() ? RT_ERR : rt_None;
    }
    if (!dict)
        return rt_raise_str(rt_ImportError,
                            "from-import-* object has no __dict__ and no __all__");
    /* no __all__: every name not starting with an underscore, in definition order */
    int64_t pos = 0, h;
    Value k, v;
    while (rt_dict_next(dict, &pos, &k, &v, &h)) {
        if (!is_str(k)) {
            Value mn = module_display_name(module);
            return mn ? rt_raise_fmt(rt_TypeError, "Key in %U.__dict__ must be str, not %T", mn,
                                     k)
                      : RT_ERR;
        }
        if (rt_str_nbytes(k) && rt_str_bytes(k)[0] == '_')
            continue;
        if (rt_dict_set(globals, k, v) < 0)
            return RT_ERR;
    }
    return rt_None;
}
