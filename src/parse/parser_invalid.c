#include "parser_impl.h"

void *inv_arguments(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_kwarg(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_expression(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_legacy_expression(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_named_expression(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_assignment(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_del_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_block(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_comprehension(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_dict_comprehension(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_parameters(Parser *p, int lambda)
{
    (void)p;
    return NULL;
}

void *inv_default(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_star_etc(Parser *p, int lambda)
{
    (void)p;
    return NULL;
}

void *inv_kwds(Parser *p, int lambda)
{
    (void)p;
    return NULL;
}

void *inv_with_item(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_for_target(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_group(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_import_from_targets(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_with_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_with_stmt_indent(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_try_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_except_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_finally_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_except_stmt_indent(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_except_star_stmt_indent(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_match_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_case_block(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_as_pattern(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_class_pattern(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_if_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_elif_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_else_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_while_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_for_stmt(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_def_raw(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_class_def_raw(Parser *p)
{
    (void)p;
    return NULL;
}

void *inv_double_starred_kvpairs(Parser *p)
{
    (void)p;
    return NULL;
}
