/*
 * strmod.c - printf-style formatting: str % args, bytes % args, bytearray % args (the nb.mod
 * slots).
 *
 * Entry points: rt_str_mod, rt_bytes_mod, rt_bytearray_mod, rt_str_to_ascii (rt_str.h).
 *
 *   %[(key)][flags][width][.precision][length]type    flags: - + space # 0;  * for width or
 *   precision takes an int argument;  length h l L is accepted and ignored
 *   types: d i u o x X e E f F g G c s r a %  ("%%" alone is a literal percent)
 *
 * CPython's order of operations is kept because it decides which error a bad format raises:
 * the argument is fetched before the conversion character is checked ('%5%' % () is "not
 * enough arguments", '%5%' % 1 is "unsupported format character").  Argument bookkeeping:
 * a tuple supplies arguments in order; any other object is the one argument; an object with
 * __getitem__ (other than a tuple or str) is also the mapping for %(key) conversions, and is
 * exempt from "not all arguments converted".  Float conversions reuse format(float, spec)
 * (numfmt.c) with an equivalent spec; integer conversions are done here because % has integer
 * precision (minimum digits) and format() does not.
 *
 * One loop serves str and bytes ("bmode"): for bytes, the format and the result are bytes,
 * %s/%b take bytes-like objects, %r/%a give ascii(repr()), %c takes an int in range(256) or one
 * byte, mapping keys are bytes, and the messages say "bytes formatting".
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "str_internal.h"

/* ascii(): non-ASCII code points of s as \xhh, \uhhhh or \Uhhhhhhhh */
Value rt_str_to_ascii(Value s)
{
    StrObject *o = RTS(s);
    if (o->ascii) return s;
    RtsBuf b;
    rts_buf_init(&b);
    int n;
    for (const char *p = o->data, *end = p + o->size; p < end; p += n) {
        uint32_t c = rts_decode(p, &n);
        if (c < 0x80) {
            if (rts_buf_put(&b, p, 1, 1) < 0) return RT_ERR;
            continue;
        }
        char tmp[12];
        if (c <= 0xFF) snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)c);
        else if (c <= 0xFFFF) snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)c);
        else snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)c);
        if (rts_buf_puts(&b, tmp) < 0) return RT_ERR;
    }
    return rts_buf_finish(&b);
}

typedef struct Args {
    Value args;          /* the right operand */
    const Value *items;  /* when it is a tuple */
    int64_t n, next;     /* tuple size and the next index; for a single object n = 1 */
    Value dict;          /* the mapping for %(key), or 0 */
} Args;

static Value next_arg(Args *a)
{
    if (a->next < a->n) return a->items ? a->items[a->next++] : (a->next++, a->args);
    return rt_raise_str(rt_TypeError, "not enough arguments for format string");
}

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

/* Pads text (ncp code points) to width: left-justified with spaces, or right-justified with
 * spaces. */
static int put_padded(RtsBuf *b, const char *text, int64_t size, int64_t ncp, int64_t width,
                      int flags)
{
    int64_t pad = width > ncp ? width - ncp : 0;
    if (rts_buf_reserve(b, size + pad) < 0) return -1;
    if (!(flags & F_LJUST)) { memset(b->p + b->size, ' ', (size_t)pad); b->size += pad; b->len += pad; }
    if (rts_buf_put(b, text, size, ncp) < 0) return -1;
    if (flags & F_LJUST) { memset(b->p + b->size, ' ', (size_t)pad); b->size += pad; b->len += pad; }
    return 0;
}

static int is_int_like(Value v)
{
    return rt_is_small(v) || (rt_obj(v)->type->flags & RT_TPFLAG_INT_SUBCLASS);
}

/* %d %i %u %o %x %X */
static int format_int(RtsBuf *b, Value v, char type, int flags, int64_t width, int64_t prec)
{
    Value iv;
    if (is_int_like(v)) {
        iv = rt_is_small(v) || rt_typeof(v) != &rt_bool_type ? v
                                                             : rt_small(((BoolObject *)rt_obj(v))->v);
    } else if (rt_typeof(v) == &rt_float_type && (type == 'd' || type == 'i' || type == 'u')) {
        iv = rt_int_from_double(rt_float_val(v));
        if (!iv) return -1;
    } else if (rt_typeof(v)->nb.index && type != 'd' && type != 'i' && type != 'u') {
        iv = rt_typeof(v)->nb.index(v);
        if (!iv) return -1;
    } else if ((type == 'd' || type == 'i' || type == 'u') && rt_typeof(v)->nb.int_) {
        iv = rt_typeof(v)->nb.int_(v);
        if (!iv) return -1;
    } else {
        if (type == 'd' || type == 'i' || type == 'u') {
            rt_raise_fmt(rt_TypeError, "%%%c format: a real number is required, not %s", type,
                         rts_tname(v));
        } else {
            rt_raise_fmt(rt_TypeError, "%%%c format: an integer is required, not %s", type,
                         rts_tname(v));
        }
        return -1;
    }
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    const char *d;
    int neg;
    int64_t nd;
    char sbuf[32];
    if (rt_is_small(iv)) {
        /* a small int's digits right to left on the stack, no str made */
        int64_t x = rt_small_val(iv);
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        char *e = sbuf + sizeof sbuf, *q = e;
        do {
            *--q = "0123456789abcdef"[m % (uint64_t)base];
            m /= (uint64_t)base;
        } while (m);
        d = q;
        nd = e - q;
        neg = x < 0;
    } else {
        Value digits = rt_int_to_str(iv, base);
        if (!digits) return -1;
        d = rt_str_data(digits);
        neg = d[0] == '-';
        if (neg) d++;
        if (base != 10) d += 2;   /* rt_int_to_str writes the 0o/0x prefix */
        nd = (int64_t)strlen(d);
    }
    char prefix[4];
    int np = 0;
    if (neg) prefix[np++] = '-';
    else if (flags & F_SIGN) prefix[np++] = '+';
    else if (flags & F_BLANK) prefix[np++] = ' ';
    if ((flags & F_ALT) && base != 10) {
        prefix[np++] = '0';
        prefix[np++] = type == 'o' ? 'o' : type;
    }
    int64_t zeros = prec > nd ? prec - nd : 0;
    int64_t body = np + zeros + nd;
    if ((flags & F_ZERO) && !(flags & F_LJUST) && width > body) {
        zeros += width - body;
        body = width;
    }
    int64_t pad = width > body ? width - body : 0;
    if (rts_buf_reserve(b, pad + body) < 0) return -1;
    char *p = b->p + b->size;
    if (!(flags & F_LJUST)) { memset(p, ' ', (size_t)pad); p += pad; }
    memcpy(p, prefix, (size_t)np);
    p += np;
    memset(p, '0', (size_t)zeros);
    p += zeros;
    for (int64_t k = 0; k < nd; k++) p[k] = type == 'X' && d[k] >= 'a' ? (char)(d[k] - 32) : d[k];
    p += nd;
    if (flags & F_LJUST) { memset(p, ' ', (size_t)pad); p += pad; }
    b->size += pad + body;
    b->len += pad + body;
    return 0;
}

/* %e %E %f %F %g %G through format(float, spec) */
static int format_float(RtsBuf *b, Value v, char type, int flags, int64_t width, int64_t prec,
                        int bmode)
{
    int ok;
    double x = rt_float_val_of(v, &ok);
    if (!ok) {
        if (rt_exc_pending()) rt_exc_fetch();
        rt_raise_fmt(rt_TypeError, bmode ? "float argument required, not %s"
                                         : "must be real number, not %s", rts_tname(v));
        return -1;
    }
    char spec[64];
    int n = 0;
    if (flags & F_LJUST) spec[n++] = '<';
    if (flags & F_SIGN) spec[n++] = '+';
    else if (flags & F_BLANK) spec[n++] = ' ';
    if (flags & F_ALT) spec[n++] = '#';
    if ((flags & F_ZERO) && !(flags & F_LJUST)) spec[n++] = '0';
    if (width > 0) n += snprintf(spec + n, sizeof spec - (size_t)n, "%lld", (long long)width);
    n += snprintf(spec + n, sizeof spec - (size_t)n, ".%lld%c", (long long)(prec < 0 ? 6 : prec), type);
    Value fv = rt_float(x);
    Value sv = rt_str_from_utf8(spec, (size_t)n);
    if (!fv || !sv) return -1;
    Value r = rt_format_float(fv, sv);
    if (!r) return -1;
    return rts_buf_put(b, RTS(r)->data, RTS(r)->size, RTS(r)->len);
}

static int format_char(RtsBuf *b, Value v, int flags, int64_t width, int bmode)
{
    uint32_t c;
    const char *d;
    int64_t dn;
    if (bmode) {
        if (is_int_like(v)) {
            int64_t x;
            if (rts_as_ssize(v, &x) < 0) {
                rt_exc_fetch();
                x = -1;
            }
            if (x < 0 || x > 255) {
                rt_raise_str(rt_OverflowError, "%c arg not in range(256)");
                return -1;
            }
            char byte = (char)x;
            return put_padded(b, &byte, 1, 1, width, flags);
        }
        if ((rtb_is_bytes(v) || rtb_is_bytearray(v)) && (rt_bytes_view(v, &d, &dn), dn == 1)) {
            return put_padded(b, d, 1, 1, width, flags);
        }
        rt_raise_str(rt_TypeError, "%c requires an integer in range(256) or a single byte");
        return -1;
    }
    if (rts_is_str(v)) {
        if (RTS(v)->len != 1) goto bad;
        int n;
        c = rts_decode(RTS(v)->data, &n);
    } else if (is_int_like(v)) {
        int64_t x;
        if (rts_as_ssize(v, &x) < 0) {
            rt_exc_fetch();
            x = -1;
        }
        if (x < 0 || x > 0x10FFFF) {
            rt_raise_str(rt_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        c = (uint32_t)x;
    } else {
        goto bad;
    }
    char buf[4];
    int n = rts_encode(c, buf);
    return put_padded(b, buf, n, 1, width, flags);
bad:
    rt_raise_str(rt_TypeError, "%c requires int or char");
    return -1;
}

/* a '*' argument: an int; CPython reads the width as a Py_ssize_t and the precision as a C
 * int, and says so when it does not fit */
static int star_arg(Args *a, int64_t *out, int is_prec)
{
    Value v = next_arg(a);
    if (!v) return -1;
    if (!is_int_like(v)) {
        rt_raise_str(rt_TypeError, "* wants int");
        return -1;
    }
    if (rts_as_ssize(v, out) < 0) {
        if (!is_prec) return -1;
        rt_exc_fetch();
        rt_raise_str(rt_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    if (is_prec && (*out > 2147483647 || *out < -2147483647 - 1)) {
        if (rt_exc_pending()) rt_exc_fetch();
        rt_raise_str(rt_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return 0;
}

/* fmt[0..fsize) % args; bmode 0: str, 1: bytes, 2: bytearray */
static Value do_mod(const char *fdata, int64_t fsize, Value args, int bmode)
{
    Args a = {args, NULL, 1, 0, 0};
    Type *t = rt_typeof(args);
    if (t->flags & RT_TPFLAG_TUPLE_SUBCLASS) {
        a.items = ((TupleObject *)rt_obj(args))->items;
        a.n = ((TupleObject *)rt_obj(args))->size;
    } else if (t->getitem && !rts_is_str(args) &&
               !(bmode && (rtb_is_bytes(args) || rtb_is_bytearray(args)))) {
        a.dict = args;
    }
    const char *s = fdata, *end = s + fsize;
    RtsBuf b;
    rts_buf_init(&b);
    while (s < end) {
        const char *pct = memchr(s, '%', (size_t)(end - s));
        if (!pct) pct = end;
        if (pct > s && rts_buf_put(&b, s, pct - s, -1) < 0) return RT_ERR;
        if (pct == end) break;
        const char *p = pct + 1;
        if (p < end && *p == '%') {   /* "%%" */
            if (rts_buf_putc(&b, '%') < 0) return RT_ERR;
            s = p + 1;
            continue;
        }
        Value v = 0;
        int keyed = 0;
        if (p < end && *p == '(') {
            if (!a.dict) return rt_raise_str(rt_TypeError, "format requires a mapping");
            int depth = 1;
            const char *k = ++p;
            while (p < end && depth) {
                if (*p == '(') depth++;
                else if (*p == ')') depth--;
                p++;
            }
            if (depth) return rt_raise_str(rt_ValueError, "incomplete format key");
            Value key = bmode ? rt_bytes_from(k, (size_t)(p - 1 - k))
                              : rts_new(k, p - 1 - k, rts_count_cps(k, p - 1 - k));
            if (!key || !(v = rt_getitem(a.dict, key))) return RT_ERR;
            keyed = 1;
            /* after a keyed conversion no positional argument is left (as in CPython) */
            a.n = 0;
        }
        int flags = 0;
        for (; p < end; p++) {
            if (*p == '-') flags |= F_LJUST;
            else if (*p == '+') flags |= F_SIGN;
            else if (*p == ' ') flags |= F_BLANK;
            else if (*p == '#') flags |= F_ALT;
            else if (*p == '0') flags |= F_ZERO;
            else break;
        }
        int64_t width = -1, prec = -1;
        if (p < end && *p == '*') {
            if (star_arg(&a, &width, 0) < 0) return RT_ERR;
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            p++;
        } else {
            while (p < end && *p >= '0' && *p <= '9') {
                if (width < 0) width = 0;
                if (width > (INT64_MAX - 9) / 10) return rt_raise_str(rt_ValueError, "width too big");
                width = width * 10 + (*p++ - '0');
            }
        }
        if (p < end && *p == '.') {
            p++;
            prec = 0;
            if (p < end && *p == '*') {
                if (star_arg(&a, &prec, 1) < 0) return RT_ERR;
                if (prec < 0) prec = 0;
                p++;
            } else {
                while (p < end && *p >= '0' && *p <= '9') {
                    if (prec > 214748364) return rt_raise_str(rt_ValueError, "precision too big");
                    prec = prec * 10 + (*p++ - '0');
                }
            }
        }
        if (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
        if (p >= end) return rt_raise_str(rt_ValueError, "incomplete format");
        if (!keyed && !(v = next_arg(&a))) return RT_ERR;
        int n = 1;
        uint32_t type = bmode ? (unsigned char)*p : rts_decode(p, &n);
        int r;
        switch (type) {
        case 'b':
            if (!bmode) goto unsupported;
            /* fall through */
        case 's':
            if (bmode) {
                const char *d;
                int64_t dn;
                if (!rtb_is_bytes(v) && !rtb_is_bytearray(v)) {
                    return rt_raise_fmt(rt_TypeError,
                                        "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                                        rts_tname(v));
                }
                rt_bytes_view(v, &d, &dn);
                if (prec >= 0 && prec < dn) dn = prec;
                r = put_padded(&b, d, dn, dn, width, flags);
                break;
            }
            /* fall through */
        case 'r': case 'a': {
            Value sv = type == 's' ? rt_str(v) : rt_repr(v);
            if (sv && (type == 'a' || bmode)) sv = rt_str_to_ascii(sv);
            if (!sv) return RT_ERR;
            StrObject *so = RTS(sv);
            int64_t len = so->len;
            if (prec >= 0 && prec < len) len = prec;
            r = put_padded(&b, so->data, rts_offset(so, len), len, width, flags);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            /* bytes formatting treats %i as %d, messages included */
            r = format_int(&b, v, bmode && type == 'i' ? 'd' : (char)type, flags, width, prec);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            r = format_float(&b, v, (char)type, flags, width, prec, bmode);
            break;
        case 'c':
            r = format_char(&b, v, flags, width, bmode);
            break;
        default:
        unsupported: {
            if (bmode && type >= 0x80) {   /* CPython's own quirk for a non-ASCII byte */
                return rt_raise_str(rt_OverflowError, "character argument not in range(0x110000)");
            }
            char msg[96];   /* rt_raise_fmt has no %x of unsigned: format here */
            snprintf(msg, sizeof msg, "unsupported format character '%c' (0x%x) at index %lld",
                     type >= 32 && type <= 126 ? (int)type : '?', (unsigned)type,
                     (long long)(bmode ? p - fdata : rts_count_cps(fdata, p - fdata)));
            return rt_raise_str(rt_ValueError, msg);
        }
        }
        if (r < 0) return RT_ERR;
        s = p + n;
    }
    if (a.next < a.n && !a.dict) {
        return rt_raise_str(rt_TypeError, bmode ? "not all arguments converted during bytes formatting"
                                                : "not all arguments converted during string formatting");
    }
    if (bmode == 1) return rt_bytes_from(b.p, (size_t)b.size);
    if (bmode == 2) return rt_bytearray_from(b.p, (size_t)b.size);
    return rts_buf_finish(&b);
}

Value rt_str_mod(Value fmt, Value args)
{
    if (!rts_is_str(fmt)) return rt_NotImplemented;
    return do_mod(RTS(fmt)->data, RTS(fmt)->size, args, 0);
}

Value rt_bytes_mod(Value fmt, Value args)
{
    if (!rtb_is_bytes(fmt)) return rt_NotImplemented;
    return do_mod(RTB(fmt)->data, RTB(fmt)->size, args, 1);
}

Value rt_bytearray_mod(Value fmt, Value args)
{
    if (!rtb_is_bytearray(fmt)) return rt_NotImplemented;
    return do_mod(RTBA(fmt)->data ? RTBA(fmt)->data : "", RTBA(fmt)->size, args, 2);
}
