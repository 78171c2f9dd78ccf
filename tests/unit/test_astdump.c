/*
 * test_astdump.c - unit tests of pyrepr.c (Python's repr of constants) and astdump.c
 * (Python's ast.dump).
 *
 * Every expected string was printed by CPython 3.11.7 (repr(value), ast.dump(ast.parse(src)),
 * ast.dump(..., include_attributes=True)) and pasted here; none comes from aithon.  The ASTs
 * are built by hand, node for node what ast.parse returns for the source in the comment, so
 * the dumper is tested without the parser.
 *
 * Output: one line per failure, then 'N passed, N failed'; exit status 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast/ast.h"
#include "ast/pyrepr.h"

static int passed, failed;

static void check(const char *what, const Buf *got, const char *want)
{
    const char *g = got->p ? got->p : "";
    if (strcmp(g, want) == 0) {
        passed++;
        return;
    }
    failed++;
    size_t i = 0;
    while (g[i] && g[i] == want[i])
        i++;
    printf("FAIL %s (first difference at %zu)\n  got:  %.300s\n  want: %.300s\n", what, i, g,
           want);
}

/* ---- pyrepr ---- */

static const struct { const char *s; size_t len; const char *want; } str_cases[] = {
    {"", 0, "''"},
    {"abc", 3, "'abc'"},
    {"it's", 4, "\"it's\""},
    {"say \"hi\"", 8, "'say \"hi\"'"},
    {"both ' and \"", 12, "'both \\' and \"'"},
    {"\\", 1, "'\\\\'"},
    {"\n\r\t", 3, "'\\n\\r\\t'"},
    {"\x00\x1f\x7f", 3, "'\\x00\\x1f\\x7f'"},
    {"\xc2\x80\xc2\x9f\xc2\xa0\xc2\xad", 8, "'\\x80\\x9f\\xa0\\xad'"},
    {"\xc3\xa9", 2, "'\xc3\xa9'"},
    {"\xe4\xb8\xad\xe6\x96\x87", 6, "'\xe4\xb8\xad\xe6\x96\x87'"},
    {"\xe2\x80\xa8", 3, "'\\u2028'"},
    {"\xef\xbb\xbf", 3, "'\\ufeff'"},
    {"\xf0\x9f\x98\x80", 4, "'\xf0\x9f\x98\x80'"},
    {"\xf3\xa0\x80\x81", 4, "'\\U000e0001'"},
    {"\xed\xa0\x80", 3, "'\\ud800'"},
    {"\xed\xbf\xbf", 3, "'\\udfff'"},
    {"\xf4\x8f\xbf\xbf", 4, "'\\U0010ffff'"},
    {"\xee\x80\x80", 3, "'\\ue000'"},
    {"\xe0\xb3\xb3", 3, "'\\u0cf3'"},          /* assigned in Unicode 15, not in 3.11's 14 */
    {"\xe3\x80\x80", 3, "'\\u3000'"},
    {" ~", 2, "' ~'"},
    {"\xf0\xb1\x8d\x90", 4, "'\\U00031350'"},
    {"\xe2\xbf\xbc", 3, "'\\u2ffc'"},
    {"a\0b", 3, "'a\\x00b'"},
};

static const struct { const char *s; size_t len; const char *want; } bytes_cases[] = {
    {"", 0, "b''"},
    {"'", 1, "b\"'\""},
    {"\"'", 2, "b'\"\\''"},
    {"\x00\xff\x7f\t\\", 5, "b'\\x00\\xff\\x7f\\t\\\\'"},
    {"a\"b", 3, "b'a\"b'"},
    {"\x80\r\n", 3, "b'\\x80\\r\\n'"},
};

static const struct { double d; const char *want; } float_cases[] = {
    {0x0.0p+0, "0.0"},
    {-0x0.0p+0, "-0.0"},
    {0x1.0000000000000p+0, "1.0"},
    {0x1.999999999999ap-4, "0.1"},
    {0x1.5555555555555p-2, "0.3333333333333333"},
    {0x1.1c37937e08000p+53, "1e+16"},
    {0x1.c6bf526340000p+49, "1000000000000000.0"},
    {0x1.b69b4ba630f35p+56, "1.2345678901234568e+17"},
    {0x1.1c37937e07fffp+53, "9999999999999998.0"},
    {0x1.a36e2eb1c432dp-14, "0.0001"},
    {0x1.4f8b588e368f1p-17, "1e-05"},
    {0x1.f75104d551d69p-17, "1.5e-05"},
    {0x0.0000000000001p-1022, "5e-324"},
    {0x1.fffffffffffffp+1023, "1.7976931348623157e+308"},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
    {0x1.9000000000000p+6, "100.0"},
    {0x1.0f0cf064dd592p+73, "1e+22"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.3333333333334p-2, "0.30000000000000004"},
    {0x1.52d02c7e14af6p+76, "1e+23"},
    {0x1.edd2f1a9fbe77p+6, "123.456"},
    {-0x1.8000000000000p+0, "-1.5"},
    {0x1.0000000000000p+60, "1.152921504606847e+18"},
    {0x1.0000000000000p-20, "9.5367431640625e-07"},
    {0x1.0624dd2f1a9fcp-10, "0.001"},
    {0x1.56a95319d63e1p+63, "1.2345678901234567e+19"},
    {0x1.249ad2594c37dp+332, "1e+100"},
    {0x0.0000000000003p-1022, "1.5e-323"},
    {0x1.1666666666666p+2, "4.35"},
    {0x1.0624dd2f1a9fcp-11, "0.0005"},
    /* powers of two whose shortest repr lies above the nearest decimal of that length */
    {0x1p-1044, "5.304989477e-315"},
    {0x1p+976, "6.386688990511104e+293"},
    {0x1p-1021, "4.450147717014403e-308"},
    {0x1p-1017, "7.120236347223045e-307"},
    {__builtin_inf(), "inf"},
    {-__builtin_inf(), "-inf"},
    {__builtin_nan(""), "nan"},
};

static const struct { double re, im; const char *want; } complex_cases[] = {
    {0x0.0p+0, 0x1.0000000000000p+0, "1j"},
    {0x0.0p+0, 0x1.4000000000000p+1, "2.5j"},
    {0x0.0p+0, 0x1.1c37937e08000p+53, "1e+16j"},
    {0x0.0p+0, 0x0.0p+0, "0j"},
    {0x1.0000000000000p+0, 0x1.0000000000000p+1, "(1+2j)"},
    {-0x0.0p+0, -0x1.0000000000000p+0, "(-0-1j)"},
    {0x1.8000000000000p+0, -0x1.2000000000000p+1, "(1.5-2.25j)"},
    {0x0.0p+0, 0x1.4f8b588e368f1p-17, "1e-05j"},
    {0x0.0p+0, 0x1.9000000000000p+6, "100j"},
    {0x0.0p+0, __builtin_inf(), "infj"},
    {0x0.0p+0, __builtin_nan(""), "nanj"},
    {0x1p+0, __builtin_nan(""), "(1+nanj)"},
    {__builtin_inf(), -__builtin_inf(), "(inf-infj)"},
};

static void test_pyrepr(void)
{
    Buf b = {0};
    char what[64];
    for (size_t i = 0; i < countof(str_cases); i++) {
        buf_clear(&b);
        pyrepr_str(&b, str_cases[i].s, str_cases[i].len);
        snprintf(what, sizeof what, "repr(str) #%zu", i);
        check(what, &b, str_cases[i].want);
    }
    for (size_t i = 0; i < countof(bytes_cases); i++) {
        buf_clear(&b);
        pyrepr_bytes(&b, bytes_cases[i].s, bytes_cases[i].len);
        snprintf(what, sizeof what, "repr(bytes) #%zu", i);
        check(what, &b, bytes_cases[i].want);
    }
    for (size_t i = 0; i < countof(float_cases); i++) {
        buf_clear(&b);
        pyrepr_float(&b, float_cases[i].d);
        snprintf(what, sizeof what, "repr(float) #%zu", i);
        check(what, &b, float_cases[i].want);
    }
    for (size_t i = 0; i < countof(complex_cases); i++) {
        buf_clear(&b);
        pyrepr_complex(&b, complex_cases[i].re, complex_cases[i].im);
        snprintf(what, sizeof what, "repr(complex) #%zu", i);
        check(what, &b, complex_cases[i].want);
    }
    buf_clear(&b);
    pyrepr_int(&b, INT64_MIN);
    check("repr(int) min", &b, "-9223372036854775808");
    buf_free(&b);
}

/* ---- hand-built ASTs ---- */

static Arena *A;
static Loc L0;

static Loc at(int line, int col, int end_line, int end_col)
{
    return (Loc){line, col, end_line, end_col, 0};
}

static Node *name_at(const char *id, AstCtx ctx, Loc loc)
{
    Node *n = ast_new(A, N_Name, loc);
    n->v.Name.id = intern_cstr(id);
    n->v.Name.ctx = ctx;
    return n;
}

static Node *name(const char *id, AstCtx ctx) { return name_at(id, ctx, L0); }

static Node *constant_at(Const *c, Loc loc)
{
    Node *n = ast_new(A, N_Constant, loc);
    n->v.Constant.value = c;
    return n;
}

static Node *cint(int64_t v)
{
    Const *c = ast_const(A, CK_INT);
    c->i = v;
    return constant_at(c, L0);
}

static Node *cstr(const char *s)
{
    Const *c = ast_const(A, CK_STR);
    c->s = s;
    c->len = strlen(s);
    return constant_at(c, L0);
}

static NodeList list(int n, ...)
{
    Node *items[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        items[i] = va_arg(ap, Node *);
    va_end(ap);
    return ast_list(A, items, n);
}

static Node *module(NodeList body)
{
    Node *m = ast_new(A, N_Module, L0);
    m->v.Module.body = body;
    return m;
}

static Node *expr_stmt(Node *value)
{
    Node *s = ast_new(A, N_Expr, L0);
    s->v.Expr.value = value;
    return s;
}

static Node *empty_arguments(void) { return ast_new(A, N_arguments, L0); }

static void check_dump(const char *what, const Node *n, int positions, const char *want)
{
    Buf b = {0};
    ast_dump(&b, n, positions);
    check(what, &b, want);
    buf_free(&b);
}

static void test_dump(void)
{
    /* x = 1 */
    Node *assign = ast_new(A, N_Assign, L0);
    assign->v.Assign.targets = list(1, name("x", Ctx_Store));
    assign->v.Assign.value = cint(1);
    check_dump("x = 1", module(list(1, assign)), 0,
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))"
               "], type_ignores=[])");

    /* {**a, 'b': 2} */
    Node *dict = ast_new(A, N_Dict, L0);
    dict->v.Dict.keys = list(2, NULL, cstr("b"));
    dict->v.Dict.values = list(2, name("a", Ctx_Load), cint(2));
    check_dump("dict", module(list(1, expr_stmt(dict))), 0,
               "Module(body=[Expr(value=Dict(keys=[None, Constant(value='b')], values=[Name(id="
               "'a', ctx=Load()), Constant(value=2)]))], type_ignores=[])");

    /* a < b == c */
    Node *cmp = ast_new(A, N_Compare, L0);
    int ops[] = {Cmp_Lt, Cmp_Eq};
    cmp->v.Compare.left = name("a", Ctx_Load);
    cmp->v.Compare.ops = ast_ints(A, ops, 2);
    cmp->v.Compare.comparators = list(2, name("b", Ctx_Load), name("c", Ctx_Load));
    check_dump("compare", module(list(1, expr_stmt(cmp))), 0,
               "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), Eq()]"
               ", comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], "
               "type_ignores=[])");

    /* def f(*, a, b=1) -> int: pass */
    Node *fa = ast_new(A, N_arguments, L0);
    Node *arg_a = ast_new(A, N_arg, L0), *arg_b = ast_new(A, N_arg, L0);
    arg_a->v.arg.arg = intern_cstr("a");
    arg_b->v.arg.arg = intern_cstr("b");
    fa->v.arguments.kwonlyargs = list(2, arg_a, arg_b);
    fa->v.arguments.kw_defaults = list(2, NULL, cint(1));
    Node *fdef = ast_new(A, N_FunctionDef, L0);
    fdef->v.FunctionDef.name = intern_cstr("f");
    fdef->v.FunctionDef.args = fa;
    fdef->v.FunctionDef.body = list(1, ast_new(A, N_Pass, L0));
    fdef->v.FunctionDef.returns = name("int", Ctx_Load);
    check_dump("def", module(list(1, fdef)), 0,
               "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], "
               "kwonlyargs=[arg(arg='a'), arg(arg='b')], kw_defaults=[None, Constant(value=1)], "
               "defaults=[]), body=[Pass()], decorator_list=[], returns=Name(id='int', "
               "ctx=Load()))], type_ignores=[])");

    /* from . import x as y */
    Node *al = ast_new(A, N_alias, L0);
    al->v.alias.name = intern_cstr("x");
    al->v.alias.asname = intern_cstr("y");
    Node *imp = ast_new(A, N_ImportFrom, L0);
    imp->v.ImportFrom.names = list(1, al);
    imp->v.ImportFrom.level = 1;
    check_dump("from import", module(list(1, imp)), 0,
               "Module(body=[ImportFrom(names=[alias(name='x', asname='y')], level=1)], "
               "type_ignores=[])");

    /* global g, h */
    Node *gl = ast_new(A, N_Global, L0);
    const char *gn[] = {intern_cstr("g"), intern_cstr("h")};
    gl->v.Global.names = ast_idents(A, gn, 2);
    check_dump("global", module(list(1, gl)), 0,
               "Module(body=[Global(names=['g', 'h'])], type_ignores=[])");

    /* -x or not y */
    Node *neg = ast_new(A, N_UnaryOp, L0), *not = ast_new(A, N_UnaryOp, L0);
    neg->v.UnaryOp.op = UnOp_USub;
    neg->v.UnaryOp.operand = name("x", Ctx_Load);
    not->v.UnaryOp.op = UnOp_Not;
    not->v.UnaryOp.operand = name("y", Ctx_Load);
    Node *bo = ast_new(A, N_BoolOp, L0);
    bo->v.BoolOp.op = BoolOp_Or;
    bo->v.BoolOp.values = list(2, neg, not);
    check_dump("boolop", module(list(1, expr_stmt(bo))), 0,
               "Module(body=[Expr(value=BoolOp(op=Or(), values=[UnaryOp(op=USub(), operand=Name("
               "id='x', ctx=Load())), UnaryOp(op=Not(), operand=Name(id='y', ctx=Load()))]))], "
               "type_ignores=[])");

    /* f'{x!r:>3}' */
    Node *spec = ast_new(A, N_JoinedStr, L0);
    spec->v.JoinedStr.values = list(1, cstr(">3"));
    Node *fv = ast_new(A, N_FormattedValue, L0);
    fv->v.FormattedValue.value = name("x", Ctx_Load);
    fv->v.FormattedValue.conversion = 'r';
    fv->v.FormattedValue.format_spec = spec;
    Node *js = ast_new(A, N_JoinedStr, L0);
    js->v.JoinedStr.values = list(1, fv);
    check_dump("fstring", module(list(1, expr_stmt(js))), 0,
               "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
               "ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>3')]"
               "))]))], type_ignores=[])");

    /* x[1:2, ::3] */
    Node *s1 = ast_new(A, N_Slice, L0), *s2 = ast_new(A, N_Slice, L0);
    s1->v.Slice.lower = cint(1);
    s1->v.Slice.upper = cint(2);
    s2->v.Slice.step = cint(3);
    Node *tup = ast_new(A, N_Tuple, L0);
    tup->v.Tuple.elts = list(2, s1, s2);
    Node *sub = ast_new(A, N_Subscript, L0);
    sub->v.Subscript.value = name("x", Ctx_Load);
    sub->v.Subscript.slice = tup;
    check_dump("slices", module(list(1, expr_stmt(sub))), 0,
               "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple("
               "elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step="
               "Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[])");

    /* u'x' */
    Node *u = cstr("x");
    u->v.Constant.kind = intern_cstr("u");
    check_dump("u-string", module(list(1, expr_stmt(u))), 0,
               "Module(body=[Expr(value=Constant(value='x', kind='u'))], type_ignores=[])");

    /* lambda: 0 */
    Node *lam = ast_new(A, N_Lambda, L0);
    lam->v.Lambda.args = empty_arguments();
    lam->v.Lambda.body = cint(0);
    check_dump("lambda", module(list(1, expr_stmt(lam))), 0,
               "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], "
               "kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], "
               "type_ignores=[])");

    /* match p:
     *  case [1, *r] | {'k': None, **kw} | C(a, b=2) as z: pass */
    Node *mv1 = ast_new(A, N_MatchValue, L0);
    mv1->v.MatchValue.value = cint(1);
    Node *mstar = ast_new(A, N_MatchStar, L0);
    mstar->v.MatchStar.name = intern_cstr("r");
    Node *mseq = ast_new(A, N_MatchSequence, L0);
    mseq->v.MatchSequence.patterns = list(2, mv1, mstar);
    Node *msing = ast_new(A, N_MatchSingleton, L0);
    msing->v.MatchSingleton.value = ast_const(A, CK_NONE);
    Node *mmap = ast_new(A, N_MatchMapping, L0);
    mmap->v.MatchMapping.keys = list(1, cstr("k"));
    mmap->v.MatchMapping.patterns = list(1, msing);
    mmap->v.MatchMapping.rest = intern_cstr("kw");
    Node *mas_a = ast_new(A, N_MatchAs, L0);
    mas_a->v.MatchAs.name = intern_cstr("a");
    Node *mv2 = ast_new(A, N_MatchValue, L0);
    mv2->v.MatchValue.value = cint(2);
    Node *mcls = ast_new(A, N_MatchClass, L0);
    const char *kb[] = {intern_cstr("b")};
    mcls->v.MatchClass.cls = name("C", Ctx_Load);
    mcls->v.MatchClass.patterns = list(1, mas_a);
    mcls->v.MatchClass.kwd_attrs = ast_idents(A, kb, 1);
    mcls->v.MatchClass.kwd_patterns = list(1, mv2);
    Node *mor = ast_new(A, N_MatchOr, L0);
    mor->v.MatchOr.patterns = list(3, mseq, mmap, mcls);
    Node *mas_z = ast_new(A, N_MatchAs, L0);
    mas_z->v.MatchAs.pattern = mor;
    mas_z->v.MatchAs.name = intern_cstr("z");
    Node *mc = ast_new(A, N_match_case, L0);
    mc->v.match_case.pattern = mas_z;
    mc->v.match_case.body = list(1, ast_new(A, N_Pass, L0));
    Node *match = ast_new(A, N_Match, L0);
    match->v.Match.subject = name("p", Ctx_Load);
    match->v.Match.cases = list(1, mc);
    check_dump("match", module(list(1, match)), 0,
               "Module(body=[Match(subject=Name(id='p', ctx=Load()), cases=[match_case(pattern="
               "MatchAs(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value="
               "Constant(value=1)), MatchStar(name='r')]), MatchMapping(keys=[Constant(value='k')"
               "], patterns=[MatchSingleton(value=None)], rest='kw'), MatchClass(cls=Name(id='C',"
               " ctx=Load()), patterns=[MatchAs(name='a')], kwd_attrs=['b'], kwd_patterns=["
               "MatchValue(value=Constant(value=2))])]), name='z'), body=[Pass()])])], "
               "type_ignores=[])");

    /* with positions:
     * if x:
     *   pass
     * else:
     *   y = 1.5j */
    Node *pif = ast_new(A, N_If, at(1, 0, 4, 10));
    pif->v.If.test = name_at("x", Ctx_Load, at(1, 3, 1, 4));
    pif->v.If.body = list(1, ast_new(A, N_Pass, at(2, 2, 2, 6)));
    Const *imag = ast_const(A, CK_COMPLEX);
    imag->f = 1.5;
    Node *pas = ast_new(A, N_Assign, at(4, 2, 4, 10));
    pas->v.Assign.targets = list(1, name_at("y", Ctx_Store, at(4, 2, 4, 3)));
    pas->v.Assign.value = constant_at(imag, at(4, 6, 4, 10));
    pif->v.If.orelse = list(1, pas);
    check_dump("positions if", module(list(1, pif)), 1,
               "Module(body=[If(test=Name(id='x', ctx=Load(), lineno=1, col_offset=3, end_lineno"
               "=1, end_col_offset=4), body=[Pass(lineno=2, col_offset=2, end_lineno=2, "
               "end_col_offset=6)], orelse=[Assign(targets=[Name(id='y', ctx=Store(), lineno=4, "
               "col_offset=2, end_lineno=4, end_col_offset=3)], value=Constant(value=1.5j, lineno"
               "=4, col_offset=6, end_lineno=4, end_col_offset=10), lineno=4, col_offset=2, "
               "end_lineno=4, end_col_offset=10)], lineno=1, col_offset=0, end_lineno=4, "
               "end_col_offset=10)], type_ignores=[])");

    /* with positions: f(k=1)
     *                 def g(a): pass */
    Node *kw = ast_new(A, N_keyword, at(1, 2, 1, 5));
    kw->v.keyword.arg = intern_cstr("k");
    Node *one = cint(1);
    one->loc = at(1, 4, 1, 5);
    kw->v.keyword.value = one;
    Node *call = ast_new(A, N_Call, at(1, 0, 1, 6));
    call->v.Call.func = name_at("f", Ctx_Load, at(1, 0, 1, 1));
    call->v.Call.keywords = list(1, kw);
    Node *cst = expr_stmt(call);
    cst->loc = at(1, 0, 1, 6);
    Node *ga = ast_new(A, N_arg, at(2, 6, 2, 7));
    ga->v.arg.arg = intern_cstr("a");
    Node *gargs = ast_new(A, N_arguments, L0);
    gargs->v.arguments.args = list(1, ga);
    Node *gdef = ast_new(A, N_FunctionDef, at(2, 0, 2, 14));
    gdef->v.FunctionDef.name = intern_cstr("g");
    gdef->v.FunctionDef.args = gargs;
    gdef->v.FunctionDef.body = list(1, ast_new(A, N_Pass, at(2, 10, 2, 14)));
    check_dump("positions call/def", module(list(2, cst, gdef)), 1,
               "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset"
               "=0, end_lineno=1, end_col_offset=1), args=[], keywords=[keyword(arg='k', value="
               "Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno"
               "=1, col_offset=2, end_lineno=1, end_col_offset=5)], lineno=1, col_offset=0, "
               "end_lineno=1, end_col_offset=6), lineno=1, col_offset=0, end_lineno=1, "
               "end_col_offset=6), FunctionDef(name='g', args=arguments(posonlyargs=[], args=["
               "arg(arg='a', lineno=2, col_offset=6, end_lineno=2, end_col_offset=7)], kwonlyargs"
               "=[], kw_defaults=[], defaults=[]), body=[Pass(lineno=2, col_offset=10, "
               "end_lineno=2, end_col_offset=14)], decorator_list=[], lineno=2, col_offset=0, "
               "end_lineno=2, end_col_offset=14)], type_ignores=[])");

    /* big ints print their decimal text; None, Ellipsis, True, bytes go through repr */
    Const *big = ast_const(A, CK_INT);
    big->bigdec = "123456789012345678901234567890";
    Const *by = ast_const(A, CK_BYTES);
    by->s = "\x00'";
    by->len = 2;
    Node *tu = ast_new(A, N_Tuple, L0);
    tu->v.Tuple.elts = list(6, constant_at(big, L0), constant_at(ast_const(A, CK_NONE), L0),
                            constant_at(ast_const(A, CK_ELLIPSIS), L0),
                            constant_at(ast_const(A, CK_TRUE), L0),
                            constant_at(ast_const(A, CK_FALSE), L0), constant_at(by, L0));
    check_dump("constants", module(list(1, expr_stmt(tu))), 0,
               "Module(body=[Expr(value=Tuple(elts=[Constant(value="
               "123456789012345678901234567890), Constant(value=None), Constant(value=Ellipsis), "
               "Constant(value=True), Constant(value=False), Constant(value=b\"\\x00'\")], "
               "ctx=Load()))], type_ignores=[])");
}

/* A left-nested chain a + a + ... of 100,000 terms: the dump must not recurse per level. */
static void test_deep(void)
{
    enum { DEPTH = 100000 };
    Node *e = name("a", Ctx_Load);
    for (int i = 0; i < DEPTH; i++) {
        Node *b = ast_new(A, N_BinOp, L0);
        b->v.BinOp.left = e;
        b->v.BinOp.op = Op_Add;
        b->v.BinOp.right = name("a", Ctx_Load);
        e = b;
    }
    Buf want = {0}, got = {0};
    for (int i = 0; i < DEPTH; i++)
        buf_puts(&want, "BinOp(left=");
    buf_puts(&want, "Name(id='a', ctx=Load())");
    for (int i = 0; i < DEPTH; i++)
        buf_puts(&want, ", op=Add(), right=Name(id='a', ctx=Load()))");
    ast_dump(&got, e, 0);
    check("deep BinOp chain", &got, want.p);
    buf_free(&want);
    buf_free(&got);
}

int main(void)
{
    A = arena_new();
    test_pyrepr();
    test_dump();
    test_deep();
    arena_free(A);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
