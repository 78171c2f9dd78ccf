/*
 * driver.c - the runtime side of the container differential test (difftest.py): reads one
 * operation per line on stdin, applies it to the current case's list L, dict D and set S, and
 * prints one line: a repr, or "E Type: message" for a raised exception.  "case N" starts a new
 * case with empty L, D, S and is echoed.  The operations and their output are exactly those
 * of difftest.py's run_op (the reference, executed by python3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"
#include "rt_containers.h"

static Value L, D, S;

static Value num(const char *t)
{
    if (strcmp(t, "N") == 0)
        return rt_None;
    return rt_int_from_str(t, strlen(t), 10);
}

/* the key function of `lsk`: x % 5, a callable through the call slot */
static Value mod5_call(Value self, const Value *args, size_t nargs, Value kw)
{
    return rt_mod(args[0], rt_small(5));
}
static Type mod5_type = {.ob = {&rt_type_type}, .name = "mod5", .base = &rt_object_type,
                         .basicsize = sizeof(Object), .call = mod5_call};
static Object mod5 = {&mod5_type};

static void print_str(Value s)
{
    fwrite(rt_str_bytes(s), 1, rt_str_nbytes(s), stdout);
}

/* prints repr(v) or the pending error; returns v for chaining */
static int emit(Value v)
{
    if (!v) {
        Value e = rt_exc_fetch();
        Value s = e ? rt_str(e) : 0;
        printf("E %s: ", e ? rt_type_name(e) : "<none>");
        if (s)
            print_str(s);
        putchar('\n');
        return -1;
    }
    Value r = rt_repr(v);
    if (!r)
        return emit(RT_ERR);
    print_str(r);
    putchar('\n');
    return 0;
}

/* "repr(a) repr(b)" lines of the form python prints for `repr(x) + ' ' + repr(L)` */
static void emit2(Value a, Value b)
{
    if (!a) {
        emit(RT_ERR);
        return;
    }
    Value t = rt_repr(a);
    Value u = t ? rt_repr(b) : 0;
    if (!u) {
        emit(RT_ERR);
        return;
    }
    print_str(t);
    putchar(' ');
    print_str(u);
    putchar('\n');
}

static Value list_of(Value *a, int n) { return rt_list_from(a, n); }

static Value set_of(Value *a, int n)
{
    Value l = list_of(a, n);
    return l ? rt_set_from_iterable(l) : RT_ERR;
}

static Value dict_pairs(Value *a, int n)
{
    Value d = rt_dict_new();
    for (int i = 0; d && i + 1 < n; i += 2)
        if (rt_dict_set(d, a[i], a[i + 1]) < 0)
            return RT_ERR;
    return d;
}

static Value ok_or(int rc, Value v) { return rc < 0 ? RT_ERR : v; }

static Value tup(int n, Value *v) { return rt_tuple_from(v, n); }

#define CHK(x) do { if (!(x)) return RT_ERR; } while (0)

static Value cmp_all(Value a, Value b)
{
    static const int ops[] = {RT_LT, RT_LE, RT_EQ, RT_NE, RT_GT, RT_GE};
    Value r[7];
    for (int i = 0; i < 6; i++)
        CHK(r[i] = rt_richcompare(a, b, ops[i]));
    CHK(r[6] = rt_add(a, b));
    return tup(7, r);
}

static Value slice_of(Value *a) { return rt_slice_new(a[0], a[1], a[2]); }

static Value range_op(const char *name, Value *a)
{
    Value r = rt_range_new(a[0], a[1], a[2]);
    CHK(r);
    if (strcmp(name, "rg") == 0) {
        int64_t n = rt_len(r);
        Value v[4];
        v[0] = r;
        v[1] = rt_small(n);
        int64_t i = rt_small_val(a[3]);
        v[2] = (-n <= i && i < n) ? rt_getitem(r, a[3]) : rt_None;
        CHK(v[2]);
        Value r2 = rt_range_new(a[0], a[1], a[2]);
        CHK(r2);
        v[3] = rt_bool(rt_hash(r) == rt_hash(r2));
        return tup(4, v);
    }
    if (strcmp(name, "rs") == 0) {
        Value sl = slice_of(a + 4);
        CHK(sl);
        Value s = rt_getitem(r, sl);
        CHK(s);
        Value v[3] = {s, rt_list_from_iterable(s), 0};
        CHK(v[1]);
        Value empty = rt_range_new(rt_small(0), rt_small(0), rt_small(1));
        CHK(v[2] = rt_richcompare(s, empty, RT_EQ));
        return tup(3, v);
    }
    if (strcmp(name, "rc") == 0) {
        int in = rt_contains(r, a[3]);
        if (in < 0)
            return RT_ERR;
        Value v[3] = {rt_bool(in), rt_range_count(r, a[3]), in ? rt_range_index(r, a[3]) : rt_small(-1)};
        CHK(v[1] && v[2]);
        return tup(3, v);
    }
    Value v[2] = {rt_list_from_iterable(r), 0};
    CHK(v[0]);
    Value rev = rt_reversed_new(r);
    CHK(rev);
    CHK(v[1] = rt_list_from_iterable(rev));
    return tup(2, v);
}

static void run(char **tok, int nt)
{
    const char *op = tok[0];
    Value a[64];
    int na = 0, bar = -1;
    for (int i = 1; i < nt && na < 64; i++) {
        if (strcmp(tok[i], "|") == 0) {
            bar = na;
            a[na++] = rt_None;
            continue;
        }
        if (strlen(tok[i]) == 1 && strchr("&|-^", tok[i][0]) && !(tok[i][0] == '-')) {
            a[na++] = rt_None;
            continue;
        }
        a[na++] = (tok[i][0] == '-' && tok[i][1] == 0) ? rt_None : num(tok[i]);
    }
    (void)bar;
#define IS(s) (strcmp(op, s) == 0)
    if (IS("la")) { emit(ok_or(rt_list_append(L, a[0]), L)); return; }
    if (IS("le")) { Value l = list_of(a, na); emit(l && rt_list_extend(L, l) ? L : RT_ERR); return; }
    if (IS("li")) { emit(rt_list_insert(L, a[0], a[1]) ? L : RT_ERR); return; }
    if (IS("lp")) { emit2(rt_list_pop(L, 0), L); return; }
    if (IS("lpi")) { emit2(rt_list_pop(L, a[0]), L); return; }
    if (IS("lr")) { emit(rt_list_remove(L, a[0]) ? L : RT_ERR); return; }
    if (IS("lx")) { emit(rt_list_index(L, a[0], 0, 0)); return; }
    if (IS("lc")) { emit(rt_list_count(L, a[0])); return; }
    if (IS("lin")) { int c = rt_contains(L, a[0]); emit(c < 0 ? RT_ERR : rt_bool(c)); return; }
    if (IS("lrev")) { emit(rt_list_reverse(L) ? L : RT_ERR); return; }
    if (IS("ls")) { emit(rt_list_sort(L, 0, 0) ? L : RT_ERR); return; }
    if (IS("lsr")) { emit(rt_list_sort(L, 0, rt_True) ? L : RT_ERR); return; }
    if (IS("lsk")) { emit(rt_list_sort(L, rt_val(&mod5), 0) ? L : RT_ERR); return; }
    if (IS("lg")) { emit(rt_getitem(L, a[0])); return; }
    if (IS("lgs")) { Value s = slice_of(a); emit(s ? rt_getitem(L, s) : RT_ERR); return; }
    if (IS("lss")) {
        Value s = slice_of(a), l = list_of(a + 4, na - 4);
        emit(s && l && rt_setitem(L, s, l) == 0 ? L : RT_ERR);
        return;
    }
    if (IS("lds")) { Value s = slice_of(a); emit(s && rt_delitem(L, s) == 0 ? L : RT_ERR); return; }
    if (IS("lsi")) { emit(ok_or(rt_setitem(L, a[0], a[1]), L)); return; }
    if (IS("ldi")) { emit(ok_or(rt_delitem(L, a[0]), L)); return; }
    if (IS("lm")) { emit(rt_mul(L, a[0])); return; }
    if (IS("lim")) {
        Value r = rt_inplace(RT_BINOP_MUL, L, a[0]);
        if (r && rt_list_size(L) > 64) {
            Value s = rt_slice_new(rt_small(64), rt_None, rt_None);
            if (rt_delitem(L, s) < 0)
                r = RT_ERR;
        }
        emit(r ? L : RT_ERR);
        return;
    }
    if (IS("lcmp")) { Value b = list_of(a, na); emit(b ? cmp_all(L, b) : RT_ERR); return; }
    if (IS("lt")) {
        Value t = rt_tuple_from_iterable(L);
        if (!t) { emit(RT_ERR); return; }
        int64_t h = rt_hash(t);
        Value v[5] = {t, h == -1 ? 0 : rt_int_from_i64(h), 0, rt_mul(t, rt_small(2)), 0};
        Value sl = rt_slice_new(rt_small(1), rt_None, rt_None);
        v[2] = sl ? rt_getitem(t, sl) : 0;
        Value t2 = rt_tuple_from_iterable(L);
        v[4] = t2 ? rt_richcompare(t, t2, RT_EQ) : 0;
        for (int i = 0; i < 5; i++)
            if (!v[i]) { emit(RT_ERR); return; }
        emit(tup(5, v));
        return;
    }
    if (IS("ds")) { emit(ok_or(rt_setitem(D, a[0], a[1]), D)); return; }
    if (IS("dd")) { emit(ok_or(rt_delitem(D, a[0]), D)); return; }
    if (IS("dg")) { emit(rt_dict_m_get(D, a[0], 0)); return; }
    if (IS("din")) { int c = rt_contains(D, a[0]); emit(c < 0 ? RT_ERR : rt_bool(c)); return; }
    if (IS("dp")) { emit2(rt_dict_pop(D, a[0], 0), D); return; }
    if (IS("dpi")) { emit2(rt_dict_popitem(D), D); return; }
    if (IS("dsd")) { emit2(rt_dict_setdefault(D, a[0], a[1]), D); return; }
    if (IS("du")) { Value o = dict_pairs(a, na); emit(o && rt_dict_update(D, o) ? D : RT_ERR); return; }
    if (IS("dor")) { Value o = dict_pairs(a, na); emit(o ? rt_or(D, o) : RT_ERR); return; }
    if (IS("deq")) { Value o = dict_pairs(a, na); emit(o ? rt_richcompare(D, o, RT_EQ) : RT_ERR); return; }
    if (IS("dk")) { emit(rt_dict_keys(D)); return; }
    if (IS("dv")) { emit(rt_dict_values(D)); return; }
    if (IS("di")) { emit(rt_dict_items(D)); return; }
    if (IS("drev")) { Value r = rt_reversed_new(D); emit(r ? rt_list_from_iterable(r) : RT_ERR); return; }
    if (IS("dclr")) { emit(rt_dict_clear(D) ? D : RT_ERR); return; }
    if (IS("dfk")) { Value l = list_of(a, na); emit(l ? rt_dict_fromkeys(rt_val(&rt_dict_type), l, 0) : RT_ERR); return; }
    if (IS("dko") || IS("dio")) {
        char o = tok[1][0];
        Value v = IS("dko") ? rt_dict_keys(D) : rt_dict_items(D);
        Value other;
        if (IS("dko")) {
            other = set_of(a + 1, na - 1);
        } else {
            other = rt_set_new();
            for (int i = 1; other && i < na; i++) {
                Value p = rt_tuple_pack(2, a[i], a[i]);
                if (!p || rt_set_add(other, p) < 0)
                    other = 0;
            }
        }
        if (!v || !other) { emit(RT_ERR); return; }
        emit(o == '&' ? rt_and(v, other) : o == '|' ? rt_or(v, other)
             : o == '-' ? rt_sub(v, other) : rt_xor(v, other));
        return;
    }
    if (IS("sa")) { emit(ok_or(rt_set_add(S, a[0]), S)); return; }
    if (IS("sd")) { emit(rt_set_discard(S, a[0]) ? S : RT_ERR); return; }
    if (IS("sr")) { emit(rt_set_remove(S, a[0]) ? S : RT_ERR); return; }
    if (IS("sp")) { emit2(rt_set_pop(S), S); return; }
    if (IS("sin")) { int c = rt_contains(S, a[0]); emit(c < 0 ? RT_ERR : rt_bool(c)); return; }
    Value l = list_of(a, na);
    if (IS("su")) { emit(rt_set_update(S, &l, 1) ? S : RT_ERR); return; }
    if (IS("si")) { emit(rt_set_intersection_update(S, &l, 1) ? S : RT_ERR); return; }
    if (IS("sdu")) { emit(rt_set_difference_update(S, &l, 1) ? S : RT_ERR); return; }
    if (IS("sx")) { emit(rt_set_symmetric_difference_update(S, l) ? S : RT_ERR); return; }
    if (IS("sund")) {
        Value sl = rt_slice_new(rt_small(1), rt_None, rt_None);
        Value args[2] = {l, sl ? rt_getitem(l, sl) : 0};
        emit(args[1] ? rt_set_union(S, args, 2) : RT_ERR);
        return;
    }
    Value so = set_of(a, na);
    if (!so) { emit(RT_ERR); return; }
    if (IS("sor")) { emit(rt_or(S, so)); return; }
    if (IS("sand")) { emit(rt_and(S, so)); return; }
    if (IS("ssub")) { emit(rt_sub(S, so)); return; }
    if (IS("sxor")) { emit(rt_xor(S, so)); return; }
    if (IS("smi")) { emit(rt_inplace(RT_BINOP_SUB, S, so) ? S : RT_ERR); return; }
    if (IS("sle") || IS("sge")) {
        int le = IS("sle");
        Value v[2] = {rt_richcompare(S, so, le ? RT_LE : RT_GE), rt_richcompare(S, so, le ? RT_LT : RT_GT)};
        emit(v[0] && v[1] ? tup(2, v) : RT_ERR);
        return;
    }
    if (IS("seq")) {
        Value f = rt_frozenset_from_iterable(l);
        Value v[2] = {rt_richcompare(S, so, RT_EQ), f ? rt_richcompare(S, f, RT_EQ) : 0};
        emit(v[0] && v[1] ? tup(2, v) : RT_ERR);
        return;
    }
    if (IS("sdis")) { emit(rt_set_isdisjoint(S, l)); return; }
    if (IS("fh")) {
        Value f = rt_frozenset_from_iterable(S);
        int64_t h = f ? rt_hash(f) : -1;
        Value v[2] = {f, h == -1 ? 0 : rt_int_from_i64(h)};
        emit(v[0] && v[1] ? tup(2, v) : RT_ERR);
        return;
    }
    if (IS("scopy")) { emit(rt_set_copy(S)); return; }
    if (IS("sclr")) { emit(rt_set_clear(S) ? S : RT_ERR); return; }
    if (op[0] == 'r') { emit(range_op(op, a)); return; }
    printf("bad op\n");
}

int main(void)
{
    rt_init();
    static char line[1 << 16];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (strncmp(line, "case ", 5) == 0) {
            printf("%s\n", line);
            L = rt_list_new(0);
            D = rt_dict_new();
            S = rt_set_new();
            continue;
        }
        char *tok[80];
        int nt = 0;
        for (char *p = strtok(line, " "); p && nt < 80; p = strtok(NULL, " "))
            tok[nt++] = p;
        if (nt)
            run(tok, nt);
        if (rt_exc_pending()) {
            printf("<stray exception>\n");
            rt_exc_fetch();
        }
    }
    return 0;
}
