/*
 * rt_mods.h - built-in library modules written in C (other than builtins and sys): math
 * (mathmod.c) and time (timemod.c).  Each module file exposes one constructor; rt_mods_register
 * (mathmod.c) registers them all with rt_register_builtin_module, so that `import math` in a
 * compiled program finds them at run time.  Called once by rt_builtins_init.
 *
 * Errors as in rt.h: RT_ERR after raising, -1 for int results.
 */
#ifndef AITHON_RT_MODS_H
#define AITHON_RT_MODS_H

#include "rt.h"

Value rt_builtins_module_create(void); /* builtins.c */
Value rt_math_module_create(void);
Value rt_time_module_create(void);
Value rt_random_module_create(void);   /* _random (randommod.c) */
Value rt_re_module_create(void);       /* _re (remod.c) */
Value rt_json_module_create(void);     /* _json (jsonmod.c) */
Value rt_posix_module_create(void);   /* posixmod.c */
Value rt_imp_module_create(void);     /* _imp (posixmod.c) */

/* registers every module of rt_cmodules.def; -1 when the registry is full */
int rt_mods_register(void);

#endif
