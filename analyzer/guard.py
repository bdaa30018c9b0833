"""A cheap look at a source before libcst parses it, to refuse what would crash or stall it.

libcst's native parser recurses once per nesting level and dies with SIGSEGV (no
exception) past about 1,300 nested brackets on an 8 MB stack; long operator chains
(``- - - 1``, ``a.b.c...``, ``1 + 1 + ...``) cost it quadratic time and crash it
further out. One ``tokenize`` pass measures the line length, the bracket depth
and the longest operator chain; a file over a limit is skipped with a reason.
Measured on libcst 1.9 / CPython 3.11 (docs/security.md): 1,300 brackets crash;
a 2,000-operator chain parses in 1.6 s, 5,000 unary minus in 8.8 s, 20,000 crash.
"""

import io
import re
import tokenize
from dataclasses import dataclass

MAX_LINE_CHARS = 20_000  # minified or generated; PEP 8 says 79
MAX_BRACKET_DEPTH = 100  # CPython itself refuses 200; libcst crashes near 1,300
MAX_CHAIN = 1_000  # nested operators in one expression; crashes start past 5,000

_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")
_RESET = frozenset({",", ";"})  # a new sibling expression starts after these
_CHAIN_KEYWORDS = frozenset({"not", "lambda", "if", "else", "await", "and", "or", "in", "is"})
_LINE = re.compile(r"[^\n]*")


@dataclass(slots=True)
class _Depth:
    """Bracket frames, each counting the operators in its current comma-separated item."""

    frames: list[int]
    total: int = 0  # operators in every open frame: the nesting of the current position
    deepest: int = 0
    longest: int = 0

    def token(self, kind: int, text: str) -> None:
        if kind == tokenize.OP and text in _OPEN:
            self.frames.append(0)
            self.deepest = max(self.deepest, len(self.frames) - 1)
        elif kind == tokenize.OP and text in _CLOSE:
            if len(self.frames) > 1:
                self.total -= self.frames.pop()
        elif kind == tokenize.NEWLINE or (kind == tokenize.OP and text in _RESET):
            self.total -= self.frames[-1]
            self.frames[-1] = 0
        elif kind == tokenize.OP or (kind == tokenize.NAME and text in _CHAIN_KEYWORDS):
            self.frames[-1] += 1
            self.total += 1
            self.longest = max(self.longest, self.total + len(self.frames) - 1)


def _crude(text: str, depth: _Depth) -> None:
    """When Python's tokenizer gives up, count every bracket and operator character."""
    for char in text:
        if char in "([{})]-+~*/%@&|^<>=.!:":
            depth.token(tokenize.OP, char)
        elif char == "\n":
            depth.token(tokenize.NEWLINE, char)


@dataclass(frozen=True, slots=True)
class Tokens:
    """The file's tokens from the guard's pass, for checks that tokenize (one pass per file).

    ``complete`` is false when ``tokenize`` stopped at an error: ``items`` are then
    the tokens before it, as a loop over ``generate_tokens`` would have seen them.
    """

    items: tuple[tokenize.TokenInfo, ...]
    complete: bool


def screen(text: str) -> tuple[str | None, Tokens]:
    """Why ``text`` must not be given to the parser (``None``: safe to parse), and its tokens."""
    depth = _Depth(frames=[0])
    items: list[tokenize.TokenInfo] = []
    complete = True
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            items.append(token)
            depth.token(token.type, token.string)
    except (tokenize.TokenError, SyntaxError):
        complete = False
        depth = _Depth(frames=[0])
        _crude(text, depth)
    return _reason(text, depth), Tokens(tuple(items), complete)


def refuse(text: str) -> str | None:
    """Why ``text`` must not be given to the parser, or ``None`` when it is safe to parse."""
    return screen(text)[0]


def _reason(text: str, depth: _Depth) -> str | None:
    if depth.deepest > MAX_BRACKET_DEPTH:
        return f"brackets nested {depth.deepest:,} deep (limit {MAX_BRACKET_DEPTH})"
    if depth.longest > MAX_CHAIN:
        return f"an expression nests {depth.longest:,} operators (limit {MAX_CHAIN:,})"
    longest_line = max((len(m) for m in _LINE.findall(text)), default=0)
    if longest_line > MAX_LINE_CHARS:
        return f"a line is {longest_line:,} characters long (limit {MAX_LINE_CHARS:,})"
    return None
