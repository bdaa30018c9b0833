"""Per-file size and complexity metrics: raw line counts in one ``tokenize`` pass, and
radon's formulas over the counts the shared walk took (``_walk``).

radon's own raw analysis re-tokenises each logical line as it grows, which is
quadratic in the length of a multi-line statement (radon issue #223): a data file
holding one 20,000-line literal would stall a scan. One pass keeps it linear.
"""

import tokenize
from collections.abc import Sequence
from dataclasses import dataclass

from radon.metrics import halstead_visitor_report, mi_compute

from analyzer.api import Tokens
from analyzer.lexer import lex
from checks.complexity._counting import Halstead

_LAYOUT = frozenset({
    tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER,
})
_STATEMENT_STARTS = frozenset({tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT})
COMMENT, NL, NEWLINE, STRING = tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.STRING


@dataclass(frozen=True, slots=True)
class RawCounts:
    """``loc == sloc + blank + docstrings + single_comments`` always holds, as in radon.

    ``docstrings`` are the lines of string statements standing alone (docstrings
    and commented-out blocks in triple quotes), which radon calls ``multi``.
    """

    loc: int
    sloc: int
    lloc: int
    comments: int
    single_comments: int
    docstrings: int
    blank: int


def raw_counts(text: str, tokens: Tokens | None = None) -> RawCounts | None:
    """Counts for ``text`` (whose ``tokens`` these are, if given), or ``None`` when it does
    not tokenise as Python."""
    stream, complete = (tokens.items, tokens.complete) if tokens is not None else lex(text)
    if not complete:  # the engine's guard has usually tokenized it already
        return None
    code: set[int] = set()
    comment: set[int] = set()
    docstring: set[int] = set()
    lloc = 0
    at_statement_start = True
    pending: tuple[int, int] | None = None  # the lines of a string that may stand alone
    add_code, layout, starts = code.add, _LAYOUT, _STATEMENT_STARTS  # locals: once per token
    comment_kind, nl, newline, string = COMMENT, NL, NEWLINE, STRING
    for kind, _, first, last in stream:
        if kind == nl:
            continue
        if kind == comment_kind:
            comment.add(first)
            continue
        if pending is not None:
            (docstring if kind == newline else code).update(range(pending[0], pending[1] + 1))
            pending = None
        if kind == newline:
            lloc += 1
        if kind == string and at_statement_start:
            pending = first, last
        elif kind not in layout:
            if first == last:  # most tokens: no range to make
                add_code(first)
            else:
                code.update(range(first, last + 1))
        at_statement_start = kind in starts
    loc = len(text.splitlines())
    code = {line for line in code if line <= loc}
    docs = {line for line in docstring - code if line <= loc}
    single = comment - code - docs
    blank = loc - len(code) - len(docs) - len(single)
    return RawCounts(
        loc=loc, sloc=len(code), lloc=lloc, comments=len(comment),
        single_comments=len(single), docstrings=len(docs), blank=blank,
    )


@dataclass(frozen=True, slots=True)
class FileComplexity:
    scores: tuple[tuple[int, int, str], ...] = ()  # (score, line, name), most complex first
    raw: RawCounts | None = None
    mi: float | None = None
    data: bool = False


def measure(
    text: str, tokens: Tokens | None = None,
    ranked: Sequence[tuple[int, int, str]] = (), halstead: Halstead | None = None,
) -> FileComplexity:
    """The file's raw counts, and radon's ranks and maintainability index from the
    functions and Halstead counts the walk took."""
    raw = raw_counts(text, tokens)
    if raw is not None and raw.sloc > 1000 and raw.lloc * 50 < raw.sloc:
        return FileComplexity(raw=raw, data=True)  # one huge literal: no functions to rank
    scores = tuple(sorted(ranked, key=lambda item: (-item[0], item[1])))
    mi = None
    if raw is not None:
        comments = raw.comments + raw.docstrings
        percent = comments * 100 / raw.sloc if raw.sloc else 0
        total_cc = sum(score for score, _, _ in scores)
        volume = halstead_visitor_report(halstead or Halstead()).volume
        mi = round(mi_compute(volume, total_cc, raw.lloc, percent), 2)
    return FileComplexity(scores, raw, mi)
