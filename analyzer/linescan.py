"""A source's logical lines, found by one regular-expression scan, without tokenizing it.

Where each logical line begins and ends is all ``analyzer.logical`` needs of a file's
tokens; making them costs several times this scan, and most files (tests, for one)
are never tokenized for anything else. The scan skips, inside the regular expression
engine, everything that cannot end or open a line (names, numbers, operators, strings
with their line breaks, comments, backslash continuations) and hands Python only the
brackets and the line ends, with their positions. ``tests/test_linescan.py`` and
``benchmarks/lines_equality.py`` compare it with the tokens on real code.
"""

import re

from analyzer.guard import STRING_PATTERN

_SCAN = re.compile(
    rf"(?>(?:{STRING_PATTERN}|\#[^\r\n]*|\\(?:\r\n|\n)|[^\r\n()\[\]{{}}'\"\#\\]+)*)"
    r"([(\[{]|[)\]}]|\r?\n|\\|\Z)",
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
    line, depth, pos = 1, 0, 0
    first: tuple[int, str] | None = None
    for match in _SCAN.finditer(text):
        item, at = match[1], match.start(1)
        if first is None and (word := _FIRST_WORD.match(text, pos, at + len(item))):
            if word[1] == "\\":
                return None  # a line that starts with a continuation
            if word[1] != "#":
                first = line, word[1]
        line += text.count("\n", pos, at)  # inside a string, or a continuation
        pos = match.end()
        step = _DEPTH.get(item)
        if step is not None:
            depth += step
            if depth < 0:
                return None
        elif item == "\\" or (not item and depth):
            return None  # a stray backslash, or the end of the text inside brackets
        elif depth == 0 and first is not None:  # a line end or the end of the text
            found.append((first[0], line, first[1]))
            first = None
        if item in ("\n", "\r\n"):
            line += 1
        elif not item:
            break
    return found
