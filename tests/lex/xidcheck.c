/*
 * xidcheck.c - prints, for every code point from U+0080, whether the lexer takes it as
 * XID_Start / XID_Continue ("S"/"C" flags), so that tests/lex/xid_check.py can compare the
 * lexer's Unicode tables with CPython's str.isidentifier().  Includes lexer.c to reach its
 * static functions.
 */
#include "../../src/lex/lexer.c"

int main(void)
{
    for (uint32_t c = 0x80; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        bool s = is_xid_start(c), k = is_xid_continue(c);
        if (s || k)
            printf("%X %s%s\n", c, s ? "S" : "", k ? "C" : "");
    }
    return 0;
}
