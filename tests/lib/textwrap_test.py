# textwrap: chunking, hyphens, em-dashes, max_lines, errors (expected output from CPython 3.11)
import textwrap

t = "Hello there -- how are you? I'm fine--thanks. Well-known self-evident x-y a--b don't."
for w in (5, 8, 13, 21):
    print(w, textwrap.wrap(t, w))
print(textwrap.wrap("a\tb\tc", 6, expand_tabs=False), textwrap.wrap("a\tb  c", 6, tabsize=4))
print(textwrap.wrap("  keep   spaces  ", 8, drop_whitespace=False))
print(textwrap.wrap("x\ny\tz", 20, replace_whitespace=False))
print(textwrap.wrap("Mr. Smith went. He left!  Then 'yes.' ok", 60, fix_sentence_endings=True))
print(textwrap.wrap("aaaaaaaaaaaaaaa-bbbbb ccc", 8), textwrap.wrap("----------", 4))
print(textwrap.wrap(t, 20, max_lines=1), textwrap.wrap(t, 20, max_lines=2, placeholder="..."))
print(textwrap.wrap("aaaa bbbb cccc dddd", 9, max_lines=2, placeholder=" [..]"))
print(textwrap.shorten("The quick brown fox", 10), textwrap.shorten("  a   b  ", 10))
print(textwrap.fill("one two three four", 9, initial_indent=">>", subsequent_indent="."))
for kw in [dict(width=0), dict(width=5, max_lines=1, placeholder="[long placeholder]")]:
    try:
        textwrap.wrap("abc def", **kw)
    except ValueError as e:
        print("ValueError", e)
print(repr(textwrap.dedent("\t  a\n\t  b\n\t c")), repr(textwrap.dedent("   \n  x\n   \n  y")))
print(repr(textwrap.indent("a\r\nb\n", "  ")), repr(textwrap.indent("", "x")))
w = textwrap.TextWrapper(width=12, break_long_words=False, break_on_hyphens=False)
print(w.wrap("supercalifragilistic is a-very-long-word"), w.width)
