"""A source's logical lines, found by one regular-expression scan, without tokenizing it.

Where each logical line begins and ends is all ``analyzer.logical`` needs of a file's
tokens; making them costs several times this scan, and most files (tests, for one)
are never tokenized for anything else. The scan skips, inside the regular expression
engine, everything that cannot end or open a line (names, numbers, operators, strings
with their line breaks, comments, backslash continuations) and hands Python only the
brackets and the line ends, with their positions (or a quote it declines to read).
``tests/test_linescan.py`` and ``benchmarks/lines_equality.py`` compare it with the
tokens on real code.
"""

import re

from analyzer.guard import STRING_PATTERN

# An f-string (or t-string) is skipped only in the shape Python 3.11 gives it, where the
# string rules above find its end: every field closes before its first closing quote,
# holding no quote of its own kind, no backslash or comment, and no line break in a
# one-line string; to be sure of its braces, a string in a field holds none but pairs
# holding no string. Python 3.12 lifts those limits (``f"{d["k"]}"``), and the rules
# above then end it inside a field: such a string, or any doubt, is the item ``'`` or
# ``"``, and the scan declines.


def _f_string(quote: str, other: str, triple: bool) -> str:
    # A field's own characters; libcst drops the blanks after a conversion (``!r``), so a
    # line break there would move every line after it in libcst's count.
    code = r"(?:[^{}'\"\\\#!]|!(?![a-z][ \t\f]*\r?\n))" if triple else r"[^{}'\"\\\#\r\n]"
    braces = rf"\{{{code}*+\}}"  # a dictionary, a field of a format or of an inner string
    content = rf"[^{{}}'\"\\\r\n]|{braces}"  # of a one-line string in a field
    if not triple:
        inner = rf"{other}(?:{content})*+{other}"
    else:  # which may hold this quote, never three in a row (to 3.11, the string's end)
        alone = rf"{quote}(?!{quote * 2})"
        inner = rf"{other}(?:{content}|{alone})*+{other}|{alone}(?:{content}|{other})*+{alone}"
    field = rf"\{{(?:{code}|{inner}|{braces})*+\}}"
    if triple:
        text = rf"[^{{}}\\{quote}]|{quote}(?!{quote * 2})|\\[^{{}}]?+"
        return rf"{quote * 3}(?:{text}|\{{\{{|\}}\}}|{field})*+{quote * 3}"
    text = rf"[^{{}}\\{quote}\r\n]|\\(?:\r\n|[^{{}}])?+"
    return rf"{quote}(?!{quote * 2})(?:{text}|\{{\{{|\}}\}}|{field})*+{quote}"


_F_STRING = "|".join(_f_string(quote, other, triple) for triple in (True, False)
                     for quote, other in (("'", '"'), ('"', "'")))
_PREFIXES = r"(?<!\w)[fFtT]", r"(?<!\w)(?:[rR][fFtT]|[fFtT][rR])"  # before the quote
_F = "|".join(f"(?<={prefix})" for prefix in _PREFIXES)
_NOT_F = "".join(f"(?<!{prefix})" for prefix in _PREFIXES)
# A bracket pair that closes on its line, holding nothing but such pairs (two deep) and
# what cannot open, close or end a line or hide a bracket (no quote, comment or
# backslash): it leaves the depth and the line as they were, so the scan skips it
# whole (most calls and subscripts), and Python sees a third of the items it did.
_PLAIN = r"[^()\[\]{}'\"\#\\\r\n]"


def _pairs(inner: str) -> str:
    return rf"\((?:{inner})*+\)|\[(?:{inner})*+\]|\{{(?:{inner})*+\}}"


_PAIRED = _pairs(f"{_PLAIN}|{_pairs(_PLAIN)}")
_SCAN = re.compile(  # what is skipped, then the item
    rf"((?>(?:[^\r\n()\[\]{{}}'\"\#\\]+|{_PAIRED}|\#[^\r\n]*|\\(?:\r\n|\n)"
    rf"|(?=['\"])(?:(?:{_F})(?:{_F_STRING})|{_NOT_F}(?:{STRING_PATTERN})))*))"
    r"""([(\[{]|[)\]}]|\r?\n|\\|['"]|\Z)""",
    re.DOTALL,
)
_DEPTH = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}
_FIRST_WORD = re.compile(r"[ \t\f]*([^\W\d]\w*|\S)")  # a name, or a character


def logical_lines(text: str) -> list[tuple[int, int, str]] | None:
    """Each logical line's first line, last line and first token (its first word or
    character), as the tokens' ``NEWLINE`` ends them; ``None`` for what the scan does not
    read as ``tokenize`` does (a lone carriage return, a stray backslash, unbalanced
    brackets): the caller then generates the code instead."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None
    found: list[tuple[int, int, str]] = []
    # libcst drops a byte order mark, so a first line starting with a continuation after
    # one is dropped too (libcst's lines then count from the next): declined as without.
    line, depth, pos = 1, 0, int(text.startswith("\ufeff"))
    first: tuple[int, str] | None = None
    for skipped, item in _SCAN.findall(text, pos):  # no match object to ask, in the loop
        if first is None and (word := _FIRST_WORD.match(skipped + item)):
            if word[1] == "\\":
                return None  # a line that starts with a continuation
            if word[1] != "#":
                first = line, word[1]
        line += skipped.count("\n")  # inside a string, or a continuation
        step = _DEPTH.get(item)
        if step is not None:
            depth += step
            if depth < 0:
                return None
        elif item in ("\\", "'", '"') or (not item and depth):
            return None  # a stray backslash, an f-string 3.11 would not read, or an open bracket
        elif depth == 0 and first is not None:  # a line end or the end of the text
            found.append((first[0], line, first[1]))
            first = None
        if item in ("\n", "\r\n"):
            line += 1
        elif not item:
            break
    return found
