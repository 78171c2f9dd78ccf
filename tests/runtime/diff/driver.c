/*
 * driver.c - the runtime side of the differential tests (tests/runtime/diff/difftest.py):
 * reads one operation per line on stdin, prints one result line per operation.
 *
 * Ints travel in hex (no digit limit applies to base 16), strings as 'h' + hex of their
 * UTF-8 bytes, doubles as their 64-bit pattern in hex.  Result lines:
 *   i <hex>        an int          f <repr>     a float        s <text>    a str
 *   t <r> | <r>    a 2-tuple       E <Type>: <message>          a raised exception
 * Operations:
 *   I <op> <a> <b>        int binary op: + - * // % ** << >> & | ^ divmod / pow3(a,b,c: 3 args)
 *   U <op> <a>            int unary op: neg invert abs bitlen
 *   S <base> <str>        int(str, base)        D <a>      str(a) (decimal, with the limit)
 *   B <a> <base>          rt_int_to_str(a, base) (bin/oct/hex/other bases)
 *   R <bits>              repr(double)          P <str>    float(str) -> repr
 *   G <op> <x> <y>        float binary op (+ - * / // % ** divmod == <) on two doubles
 *   C <x> <a>             float x compared with int a: prints -1/0/1/2 and the hashes' equality
 *   N <x> <ndigits|N>     round(x[, ndigits])
 *   Fi <a> <spec>         format(int, spec)     Ff <bits> <spec>   format(float, spec)
 *   Fc <bits> <bits> <spec> format(complex, spec)    Fs <str> <spec>  format(str, spec)
 *   H <str>  float.fromhex   h <bits>  float.hex   Ri <a> <n>  round(int, n)
 *   K <str>  repr(complex(str))       X <op> <re> <im> <re> <im>  complex arithmetic
 *   M <op> <typed> <typed>  an operator through the generic protocol on mixed types
 *                           (i:<hex> f:<bits> c:<bits>:<bits> b:<0|1>; unary ops ignore b)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "core.h"

static char *unhex(const char *h, size_t *n)
{
    size_t len = strlen(h) / 2;
    char *out = malloc(len + 1);
    for (size_t i = 0; i < len; i++) {
        unsigned v;
        sscanf(h + 2 * i, "%2x", &v);
        out[i] = (char)v;
    }
    out[len] = 0;
    *n = len;
    return out;
}

static Value parse_int(const char *tok)
{
    int neg = tok[0] == '-';
    const char *p = neg ? tok + 1 : tok;
    Value v = rt_int_from_str(p, strlen(p), 16);
    return neg ? rt_int_neg(v) : v;
}

static double parse_bits(const char *tok)
{
    uint64_t b = strtoull(tok, NULL, 16);
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static void print_value(Value v);

static void print_error(void)
{
    Value e = rt_exc_fetch();
    if (!e) {
        printf("E <no exception set>\n");
        return;
    }
    Value s = rt_core_str(e);
    printf("E %s: %.*s\n", rt_type_name(e), s ? (int)rt_str_nbytes(s) : 0,
           s ? rt_str_bytes(s) : "");
}

static void print_item(Value v)
{
    Type *t = rt_typeof(v);
    if (rt_is_int(v) && t != &rt_bool_type) {
        Value s = rt_int_to_str(v, 16);
        printf("i %.*s", (int)rt_str_nbytes(s), rt_str_bytes(s));
    } else if (t == &rt_float_type) {
        char buf[40];
        rt_double_repr(rt_float_val(v), buf);
        printf("f %s", buf);
    } else if (t == &rt_str_type) {
        /* one line per result: backslash, CR and LF escaped (the results may hold NULs) */
        printf("s ");
        const char *p = rt_str_bytes(v);
        for (size_t i = 0; i < rt_str_nbytes(v); i++) {
            if (p[i] == '\\')
                fputs("\\\\", stdout);
            else if (p[i] == '\n')
                fputs("\\n", stdout);
            else if (p[i] == '\r')
                fputs("\\r", stdout);
            else
                putchar(p[i]);
        }
    } else if (t == &rt_bool_type) {
        printf("b %d", ((BoolObject *)rt_obj(v))->v);
    } else {
        Value r = rt_core_repr(v);
        printf("r %.*s", (int)rt_str_nbytes(r), rt_str_bytes(r));
    }
}

static void print_value(Value v)
{
    if (!v) {
        print_error();
        return;
    }
    if (rt_typeof(v) == &rt_tuple_type) {
        TupleObject *t = (TupleObject *)rt_obj(v);
        printf("t ");
        for (int64_t i = 0; i < t->size; i++) {
            if (i)
                printf(" | ");
            print_item(t->items[i]);
        }
        printf("\n");
        return;
    }
    print_item(v);
    printf("\n");
}

static Value int_binop(const char *op, Value a, Value b)
{
    if (!strcmp(op, "+")) return rt_int_add(a, b);
    if (!strcmp(op, "-")) return rt_int_sub(a, b);
    if (!strcmp(op, "*")) return rt_int_mul(a, b);
    if (!strcmp(op, "//")) return rt_int_floordiv(a, b);
    if (!strcmp(op, "%")) return rt_int_mod(a, b);
    if (!strcmp(op, "**")) return rt_int_pow(a, b);
    if (!strcmp(op, "<<")) return rt_int_lshift(a, b);
    if (!strcmp(op, ">>")) return rt_int_rshift(a, b);
    if (!strcmp(op, "&")) return rt_int_and(a, b);
    if (!strcmp(op, "|")) return rt_int_or(a, b);
    if (!strcmp(op, "^")) return rt_int_xor(a, b);
    if (!strcmp(op, "divmod")) return rt_int_divmod(a, b);
    if (!strcmp(op, "/")) return rt_int_truediv(a, b);
    if (!strcmp(op, "cmp")) return rt_small(rt_int_cmp(a, b));
    if (!strcmp(op, "hash")) return rt_small(rt_int_hash(a));
    return rt_raise_str(rt_SystemError, "bad op");
}

static Value float_binop(const char *op, Value a, Value b)
{
    if (!strcmp(op, "+")) return rt_float_add(a, b);
    if (!strcmp(op, "-")) return rt_float_sub(a, b);
    if (!strcmp(op, "*")) return rt_float_mul(a, b);
    if (!strcmp(op, "/")) return rt_float_truediv(a, b);
    if (!strcmp(op, "//")) return rt_float_floordiv(a, b);
    if (!strcmp(op, "%")) return rt_float_mod(a, b);
    if (!strcmp(op, "**")) return rt_float_pow(a, b, rt_None);
    if (!strcmp(op, "divmod")) return rt_float_divmod(a, b);
    if (!strcmp(op, "==")) return rt_float_type.richcompare(a, b, RT_EQ);
    if (!strcmp(op, "<")) return rt_float_type.richcompare(a, b, RT_LT);
    return rt_raise_str(rt_SystemError, "bad op");
}

/* a str token: 'h' + hex of the UTF-8 bytes */
/* a typed operand for the mixed-type tests: i:<hex int> f:<bits> c:<bits>:<bits> b:<0|1> */
static Value typed(char *tok)
{
    switch (tok[0]) {
    case 'i': return parse_int(tok + 2);
    case 'f': return rt_float(parse_bits(tok + 2));
    case 'b': return rt_bool(tok[2] == '1');
    case 'c': {
        char *colon = strchr(tok + 2, ':');
        *colon = 0;
        return rt_complex(parse_bits(tok + 2), parse_bits(colon + 1));
    }
    default: return rt_None;
    }
}

/* a binary operator through the generic protocol (abstract.c), as compiled code calls it */
static Value generic_binop(const char *op, Value a, Value b)
{
    static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int i = 0; i < 6; i++)
        if (!strcmp(op, cmp[i]))
            return rt_richcompare(a, b, i);
    if (!strcmp(op, "+")) return rt_add(a, b);
    if (!strcmp(op, "-")) return rt_sub(a, b);
    if (!strcmp(op, "*")) return rt_mul(a, b);
    if (!strcmp(op, "/")) return rt_truediv(a, b);
    if (!strcmp(op, "//")) return rt_floordiv(a, b);
    if (!strcmp(op, "%")) return rt_mod(a, b);
    if (!strcmp(op, "**")) return rt_pow(a, b, rt_None);
    if (!strcmp(op, "divmod")) return rt_divmod(a, b);
    if (!strcmp(op, "&")) return rt_and(a, b);
    if (!strcmp(op, "|")) return rt_or(a, b);
    if (!strcmp(op, "^")) return rt_xor(a, b);
    if (!strcmp(op, "<<")) return rt_lshift(a, b);
    if (!strcmp(op, ">>")) return rt_rshift(a, b);
    if (!strcmp(op, "hash")) {
        int64_t h = rt_hash(a);
        return h == -1 && rt_exc_pending() ? RT_ERR : rt_int_from_i64(h);
    }
    if (!strcmp(op, "neg")) return rt_neg(a);
    if (!strcmp(op, "abs")) return rt_abs(a);
    if (!strcmp(op, "invert")) return rt_invert(a);
    if (!strcmp(op, "truth")) {
        int t = rt_truthy(a);
        return t < 0 ? RT_ERR : rt_bool(t);
    }
    return rt_raise_str(rt_SystemError, "bad op");
}

static Value str_of(const char *hex)
{
    size_t n;
    if (*hex == 'h')
        hex++;
    char *s = unhex(hex, &n);
    Value v = rt_str_from_utf8(s, n);
    free(s);
    return v;
}

/* ---- T: a traceback scenario (tbtest.py), actions separated by spaces ----
 *   src:<hex>                   the program's source (file "prog.py")
 *   raise:<Type>:<hexmsg>       raise Type(msg)       tb:<func>:<line>   a traceback entry
 *   tbp:<func>:<line>:<col>:<end>:<anchor>:<anchor_end>   an entry with position markers
 *   catch / leave               enter / leave an except handler for the pending exception
 *   from:<Type>:<hexmsg>        raise Type(msg) from the handled exception
 *   fromnone:<Type>:<hexmsg>    raise Type(msg) from None
 *   group:<hexmsg>              raise ExceptionGroup(msg, [handled, TypeError('t')])
 *   note:<hexnote>              add a note to the pending exception
 * then the printed exception, hex-encoded: "s <hex>". */
static char *scenario_src = "";

static const FrameInfo *frame_named(const char *name)
{
    static FrameInfo frames[64];
    static int n;
    for (int i = 0; i < n; i++)
        if (!strcmp(frames[i].function, name) && frames[i].source == scenario_src)
            return &frames[i];
    if (n == 64)
        n = 0;
    frames[n].function = strdup(name);
    frames[n].file = "prog.py";
    frames[n].source = scenario_src;
    return &frames[n++];
}

static Value exc_of(char *type, char *hexmsg)
{
    Value msg = str_of(hexmsg);
    return rt_exc_new(rt_exc_type_by_name(type), &msg, 1);
}

static void scenario(int nt, char **tok)
{
    Value handled[32], prev[32];
    int depth = 0;
    for (int i = 1; i < nt; i++) {
        char *a = tok[i], *f[8] = {0};
        int nf = 0;
        for (char *p = strtok(a, ":"); p && nf < 8; p = strtok(NULL, ":"))
            f[nf++] = p;
        if (!strcmp(f[0], "src")) {
            size_t n;
            scenario_src = unhex(nf > 1 ? f[1] : "", &n);
        } else if (!strcmp(f[0], "raise")) {
            rt_raise(exc_of(f[1], nf > 2 ? f[2] : "h"));
        } else if (!strcmp(f[0], "tb")) {
            rt_traceback_add(frame_named(f[1]), atoi(f[2]));
        } else if (!strcmp(f[0], "tbp")) {
            TracebackPos *pos = malloc(sizeof *pos);
            pos->line = pos->end_line = atoi(f[2]);
            pos->col = atoi(f[3]);
            pos->end_col = atoi(f[4]);
            pos->anchor = atoi(f[5]);
            pos->anchor_end = atoi(f[6]);
            rt_traceback_add_at(frame_named(f[1]), pos);
        } else if (!strcmp(f[0], "note")) {
            Value e = rt_exc_pending();
            Value n = str_of(nf > 1 ? f[1] : "h");
            ExcObject *eo = (ExcObject *)rt_obj(e);
            if (!eo->notes)
                eo->notes = rt_list_from(NULL, 0);
            rt_list_append(eo->notes, n);
        } else if (!strcmp(f[0], "catch")) {
            handled[depth] = rt_exc_fetch();
            prev[depth] = rt_exc_handler_enter(handled[depth]);
            depth++;
        } else if (!strcmp(f[0], "leave")) {
            depth--;
            rt_exc_handler_leave(prev[depth]);
        } else if (!strcmp(f[0], "from")) {
            rt_raise_from(exc_of(f[1], nf > 2 ? f[2] : "h"), handled[depth - 1]);
        } else if (!strcmp(f[0], "fromnone")) {
            rt_raise_from(exc_of(f[1], nf > 2 ? f[2] : "h"), rt_None);
        } else if (!strcmp(f[0], "group")) {
            Value t = str_of("h74");
            Value items[2] = {handled[depth - 1], rt_exc_new(rt_TypeError, &t, 1)};
            rt_raise(rt_exc_group_new(rt_ExceptionGroup, str_of(nf > 1 ? f[1] : "h"),
                                      rt_tuple_from(items, 2)));
        }
    }
    char *buf;
    size_t len;
    FILE *out = open_memstream(&buf, &len);
    Value e = rt_exc_fetch();
    if (e)
        rt_print_exception_to(out, e);
    fclose(out);
    printf("s ");
    for (size_t i = 0; i < len; i++)
        printf("%02x", (unsigned char)buf[i]);
    printf("\n");
    free(buf);
}

int main(void)
{
    rt_init();
    static char line[1 << 20];
    char *tok[256];
    while (fgets(line, sizeof line, stdin)) {
        int nt = 0;
        for (char *p = strtok(line, " \n"); p && nt < 256; p = strtok(NULL, " \n"))
            tok[nt++] = p;
        if (nt == 0)
            continue;
        const char *k = tok[0];
        Value r = RT_ERR;
        if (!strcmp(k, "T")) {
            scenario(nt, tok);
            continue;
        }
        if (!strcmp(k, "I") && nt == 4) {
            r = int_binop(tok[1], parse_int(tok[2]), parse_int(tok[3]));
        } else if (!strcmp(k, "I") && nt == 5) {
            r = rt_int_pow3(parse_int(tok[2]), parse_int(tok[3]), parse_int(tok[4]));
        } else if (!strcmp(k, "U")) {
            Value a = parse_int(tok[2]);
            if (!strcmp(tok[1], "neg")) r = rt_int_neg(a);
            else if (!strcmp(tok[1], "invert")) r = rt_int_invert(a);
            else if (!strcmp(tok[1], "abs")) r = rt_int_abs(a);
            else if (!strcmp(tok[1], "bitlen")) r = rt_int_bit_length(a);
            else if (!strcmp(tok[1], "bitcount")) r = rt_int_bit_count(a);
            else if (!strcmp(tok[1], "float")) {
                double d = rt_int_as_double(a);
                r = d == -1.0 && rt_exc_pending() ? RT_ERR : rt_float(d);
            }
        } else if (!strcmp(k, "S")) {
            Value s = str_of(tok[2]);
            r = rt_int_from_str(rt_str_bytes(s), rt_str_nbytes(s), atoi(tok[1]));
        } else if (!strcmp(k, "D")) {
            r = rt_int_to_str(parse_int(tok[1]), 10);
        } else if (!strcmp(k, "B")) {
            r = rt_int_to_str(parse_int(tok[1]), atoi(tok[2]));
        } else if (!strcmp(k, "R")) {
            char buf[40];
            rt_double_repr(parse_bits(tok[1]), buf);
            printf("%s\n", buf);
            continue;
        } else if (!strcmp(k, "P")) {
            Value s = str_of(tok[1]);
            r = rt_float_from_str(rt_str_bytes(s), rt_str_nbytes(s));
        } else if (!strcmp(k, "G")) {
            r = float_binop(tok[1], rt_float(parse_bits(tok[2])), rt_float(parse_bits(tok[3])));
        } else if (!strcmp(k, "C")) {
            double x = parse_bits(tok[1]);
            Value a = parse_int(tok[2]);
            Value fx = rt_float(x);
            Value lt = rt_float_type.richcompare(fx, a, RT_LT);
            Value eq = rt_float_type.richcompare(fx, a, RT_EQ);
            int heq = rt_float_type.hash(fx) == rt_int_hash(a);
            printf("c %d %d %d\n", lt == rt_True, eq == rt_True, heq);
            continue;
        } else if (!strcmp(k, "N")) {
            Value x = rt_float(parse_bits(tok[1]));
            r = rt_float_round(x, !strcmp(tok[2], "N") ? rt_None : parse_int(tok[2]));
        } else if (!strcmp(k, "Fi")) {
            r = rt_format_int(parse_int(tok[1]), str_of(tok[2]));
        } else if (!strcmp(k, "Ff")) {
            r = rt_format_float(rt_float(parse_bits(tok[1])), str_of(tok[2]));
        } else if (!strcmp(k, "Fc")) {
            r = rt_format_complex(rt_complex(parse_bits(tok[1]), parse_bits(tok[2])),
                                  str_of(tok[3]));
        } else if (!strcmp(k, "Fs")) {
            r = rt_format(str_of(tok[1]), str_of(tok[2]));
        } else if (!strcmp(k, "M")) {
            r = generic_binop(tok[1], typed(tok[2]), typed(tok[3]));
        } else if (!strcmp(k, "H")) {
            r = rt_float_fromhex(str_of(tok[1]));
        } else if (!strcmp(k, "h")) {
            r = rt_float_hex(rt_float(parse_bits(tok[1])));
        } else if (!strcmp(k, "Ri")) {
            r = rt_int_round(parse_int(tok[1]), parse_int(tok[2]));
        } else if (!strcmp(k, "K")) {
            Value sv = str_of(tok[1]);
            r = rt_complex_type.new_(&rt_complex_type, &sv, 1, 0);
            if (r)
                r = rt_core_repr(r);
        } else if (!strcmp(k, "X")) {   /* a complex op: Xop re im re im */
            Value a = rt_complex(parse_bits(tok[2]), parse_bits(tok[3]));
            Value b = rt_complex(parse_bits(tok[4]), parse_bits(tok[5]));
            NumberSlots *nb = &rt_complex_type.nb;
            const char *op = tok[1];
            r = !strcmp(op, "+") ? nb->add(a, b) : !strcmp(op, "-") ? nb->sub(a, b)
              : !strcmp(op, "*") ? nb->mul(a, b) : !strcmp(op, "/") ? nb->truediv(a, b)
              : !strcmp(op, "**") ? nb->pow(a, b, rt_None) : !strcmp(op, "abs") ? nb->abs(a)
              : !strcmp(op, "repr") ? rt_core_repr(a)
              : !strcmp(op, "hash") ? rt_int_from_i64(rt_complex_type.hash(a))
              : rt_raise_str(rt_SystemError, "bad op");
        } else {
            r = rt_raise_str(rt_SystemError, "bad line");
        }
        print_value(r);
    }
    return 0;
}
