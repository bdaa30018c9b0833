"""A cheap look at a source before libcst parses it, to refuse what would crash or stall it.

libcst's native parser recurses once per nesting level and dies with SIGSEGV (no
exception) past about 1,300 nested brackets on an 8 MB stack; long operator chains
(``- - - 1``, ``a.b.c...``, ``1 + 1 + ...``) cost it quadratic time and crash it
further out. One scan measures the line length, the bracket depth and the longest
operator chain; a file over a limit is skipped with a reason.
Measured on libcst 1.9 / CPython 3.11 (docs/security.md): 1,300 brackets crash;
a 2,000-operator chain parses in 1.6 s, 5,000 unary minus in 8.8 s, 20,000 crash.

The scan is one regular expression, not ``tokenize``: it skips what cannot hold an
operator (names, numbers, strings, comments, continuations, blanks) inside the regex
engine and hands Python only the operators, brackets and line ends, in the same
units ``tokenize`` makes of them (one ``**=``, one ``...``), an eighth of the cost.
``benchmarks/guard_equality.py`` finds equal measures on every file of the corpus.
Checks that want real tokens ask ``Tokens``, which tokenizes on first use.
"""

import re

from analyzer.lexer import Lexeme, lex

MAX_LINE_CHARS = 20_000  # minified or generated; PEP 8 says 79
MAX_BRACKET_DEPTH = 100  # CPython itself refuses 200; libcst crashes near 1,300
MAX_CHAIN = 1_000  # nested operators in one expression; crashes start past 5,000

_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")
_RESET = frozenset({",", ";"})  # a new sibling expression starts after these
_CHAIN_KEYWORDS = r"(?:not|lambda|if|else|await|and|or|in|is)\b"
# A string that never closes ends at its line's end (one quote) or at the end of the text
# (three), and its body never gives back what it read: a match that could fail after a
# long scan would be retried from every quote after it, quadratic on hostile text
# (tokenize stops at such a string anyway). A backslash escapes a whole ``\r\n``.
STRING_PATTERN = "|".join((
    r"'''(?:[^'\\]|\\.|'(?!''))*+(?:'''|\\?\Z)", r'"""(?:[^"\\]|\\.|"(?!""))*+(?:"""|\\?\Z)',
    r"'(?:[^'\\\n\r]|\\(?:\r\n|.))*+(?:'|(?=[\n\r])|\\?\Z)",
    r'"(?:[^"\\\n\r]|\\(?:\r\n|.))*+(?:"|(?=[\n\r])|\\?\Z)',
))
# An atomic group of everything skipped, then the one item Python looks at: a chain
# keyword, a line end, an operator, a bracket or separator, any other character (a
# stray backslash or ``$`` is ignored below, another symbol counts as an operator) or
# the end of the text. Quotes never get here: every string pattern above matches.
# (The skipped items start with different characters, so their order changes no match:
# blanks and names, the most frequent, are tried first.)
_SCAN = re.compile(
    rf"(?>(?:[ \t\f]+|(?!{_CHAIN_KEYWORDS})[^\W\d]\w*+|{STRING_PATTERN}"
    r"|(?:\d|\.\d)(?:[\w.]|(?<=[eE])[-+])*+|\#[^\r\n]*+|\\(?:\r\n|\r|\n))*+)"
    rf"({_CHAIN_KEYWORDS}|\r\n|\r|\n"
    r"|\*\*=?|//=?|>>=?|<<=?|->|:=|\.\.\.|[-+*/%@&|^<>=!]=|[-+*/%@&|^~<>=.:]"
    r"|[()\[\]{},;]|.|\Z)",
    re.DOTALL,
)
_IGNORED = frozenset({"", "\\", "!", "$", "?", "`"})  # blanks: by ``isspace``


def measure(text: str) -> tuple[int, int]:
    """The deepest bracket nesting, and the most operators nested at one point.

    Bracket frames each count the operators in their current comma-separated item;
    the chain at a point is the operators of every open frame plus the open brackets.
    """
    frames, total, deepest, longest = [0], 0, 0, 0
    for item in _SCAN.findall(text):
        if item in _OPEN:
            frames.append(0)
            deepest = max(deepest, len(frames) - 1)
        elif item in _CLOSE:
            if len(frames) > 1:
                total -= frames.pop()
        elif item in _RESET or (item[:1] in ("\n", "\r") and len(frames) == 1):
            total -= frames[-1]  # a line end outside brackets ends the statement
            frames[-1] = 0
        elif item in _IGNORED or item.isspace():  # line ends inside brackets, too
            continue
        else:
            frames[-1] += 1
            total += 1
            longest = max(longest, total + len(frames) - 1)
    return deepest, longest


class Tokens:
    """The file's tokens as ``analyzer.lexer`` gives them (type, text, first and last line),
    made the first time a check asks (most files are never tokenized).

    ``complete`` is false when ``tokenize`` stopped at an error: ``items`` are then
    the tokens before it, as a loop over ``generate_tokens`` would have seen them.
    """

    __slots__ = ("_complete", "_items", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._items: list[Lexeme] | None = None
        self._complete = True

    def _made(self) -> list[Lexeme]:
        if self._items is None:
            self._items, self._complete = lex(self._text)
        return self._items

    @property
    def items(self) -> list[Lexeme]:
        return self._made()

    @property
    def complete(self) -> bool:
        self._made()
        return self._complete


def screen(text: str) -> tuple[str | None, Tokens]:
    """Why ``text`` must not be given to the parser (``None``: safe to parse), and its tokens."""
    return _reason(text, *measure(text)), Tokens(text)


def refuse(text: str) -> str | None:
    """Why ``text`` must not be given to the parser, or ``None`` when it is safe to parse."""
    return screen(text)[0]


def _reason(text: str, deepest: int, longest: int) -> str | None:
    if deepest > MAX_BRACKET_DEPTH:
        return f"brackets nested {deepest:,} deep (limit {MAX_BRACKET_DEPTH})"
    if longest > MAX_CHAIN:
        return f"an expression nests {longest:,} operators (limit {MAX_CHAIN:,})"
    longest_line = max(map(len, text.split("\n")))
    if longest_line > MAX_LINE_CHARS:
        return f"a line is {longest_line:,} characters long (limit {MAX_LINE_CHARS:,})"
    return None
