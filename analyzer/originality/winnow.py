"""Token winnowing fingerprints (Schleimer, Wilkerson and Aiken, SIGMOD 2003; as in MOSS).

Source is tokenized as the standard library does (``analyzer.lexer``); identifiers,
strings and numbers become one placeholder each; comments, docstrings, imports, blank lines and
layout are dropped, and so is a trailing comma before a closing bracket (a
formatter adds those), and so are parentheses (formatters add and drop redundant
ones). Every run of ``K`` tokens is hashed (64-bit blake2b) and a
window of ``W`` consecutive hashes keeps its minimum: any run of at least
``K + W - 1`` tokens shared by two sources (within one definition: k-grams never
span two functions or classes) is guaranteed a shared fingerprint.
Each fingerprint keeps the lines its ``K`` tokens span, for evidence.
"""

import keyword
import struct
import tokenize
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from hashlib import blake2b

from analyzer.lexer import Lexeme, lex

K, W = 15, 10  # measured in benchmarks/originality.py: see docs/originality.md
INDENT, DEDENT = "INDENT", "DEDENT"  # upper case: no keyword or operator looks like these
_STRUCTURE = {tokenize.NEWLINE: "\n", tokenize.INDENT: INDENT, tokenize.DEDENT: DEDENT}
_FIXED = {tokenize.NUMBER: "0", tokenize.STRING: "S", **_STRUCTURE}  # the kinds with one text
_DEPTH = {INDENT: 1, DEDENT: -1}
_CLOSERS = frozenset({")", "]", "}"})
# Formatters add and remove redundant parentheses; calls keep their shape without them.
_PARENTHESES = frozenset({"(", ")"})
_LOOKS_AHEAD = frozenset({"S", ","})  # whether these are kept depends on the next token
_STATEMENT_START = frozenset({"\n", INDENT, DEDENT})
_DEFINITION = frozenset({"def", "class", "@", "async"})


@dataclass(slots=True)  # not frozen: a frozen class's __init__ costs 3x, for every token
class Token:
    text: str  # normalised: a keyword, an operator, N, 0, S or a structure mark
    line: int
    literal: str = ""  # a string's own text, kept for distinctive literals


@dataclass(frozen=True, slots=True)
class Fingerprint:
    hash: int
    first: int  # the lines spanned by the k tokens it hashes
    last: int


@cache
def _code(text: str) -> bytes:
    """A token's stable two-byte code: the same across Python versions and processes."""
    return blake2b(text.encode(), digest_size=2).digest()


def _raw(source: str, stream: Iterable[Lexeme] | None) -> list[Token]:
    tokens: list[Token] = []
    if stream is None:  # after an error, the tokens before it: a copied head still shows
        stream, _ = lex(source)
    add, fixed_text, is_keyword = tokens.append, _FIXED.get, keyword.iskeyword  # per token
    name, op, string_kind = tokenize.NAME, tokenize.OP, tokenize.STRING
    for kind, string, first, _ in stream:
        if kind == name:
            text = string if is_keyword(string) else "N"
        elif kind == op:
            text = string
        elif (fixed := fixed_text(kind)) is not None:
            text = fixed
        else:
            continue  # comments, NL, encoding, end marker, error tokens
        add(Token(text, first, string if kind == string_kind else ""))
    return tokens


def tokens(source: str, stream: Iterable[Lexeme] | None = None) -> list[Token]:
    """The normalised tokens of ``source`` (never executed; tokenizing is only reading).

    ``stream``: ``source``'s tokens when they are at hand (the engine's pre-parse guard
    tokenized every file), up to the error where tokenizing stopped.
    """
    raw = _raw(source, stream)
    kept: list[Token] = []
    keep, count = kept.append, len(raw)
    starts, parentheses, looks_ahead, closers = (  # locals: this loop runs once per token
        _STATEMENT_START, _PARENTHESES, _LOOKS_AHEAD, _CLOSERS)
    at_start = True  # nothing kept yet, or the last token kept ends a statement
    skipping_import = False
    for index, tok in enumerate(raw):
        text = tok.text
        if at_start and text in {"import", "from"}:
            skipping_import = True
        if skipping_import:
            skipping_import = text != "\n"
            continue
        if text in parentheses:
            continue
        if text in looks_ahead:
            following = raw[index + 1].text if index + 1 < count else "\n"
            if text == "S" and at_start and following == "\n":
                continue  # a docstring, or a string used as a comment
            if text == "," and following in closers:
                continue
        if text == "\n" and at_start:
            continue  # the NEWLINE after a dropped statement
        keep(tok)
        at_start = text in starts
    return kept


def kgram_hashes(toks: list[Token], k: int = K) -> list[int]:
    if len(toks) < k:
        return []
    code = _code
    stream = b"".join([code(tok.text) for tok in toks])
    width = 2 * k
    digests = b"".join([  # each k-gram's 8 bytes, read back at once as big-endian integers
        blake2b(stream[i:i + width], digest_size=8).digest()
        for i in range(0, len(stream) - width + 2, 2)
    ])
    return list(struct.unpack(f">{len(digests) // 8}Q", digests))


def winnow(hashes: list[int], w: int = W) -> list[int]:
    """Positions of the hashes winnowing keeps: each window's minimum, the rightmost on ties.

    A source shorter than one window keeps its single minimum, so small files still
    have a fingerprint.
    """
    if not hashes:
        return []
    if len(hashes) < w:
        return [min(range(len(hashes)), key=lambda i: (hashes[i], -i))]
    chosen: list[int] = []
    window: deque[int] = deque()  # positions with increasing hashes: the front is the minimum
    push, drop, expire, choose = window.append, window.pop, window.popleft, chosen.append
    last = -1  # the position chosen last
    for i, value in enumerate(hashes):
        while window and hashes[window[-1]] >= value:
            drop()
        push(i)
        if window[0] <= i - w:
            expire()
        if i >= w - 1 and last != window[0]:
            last = window[0]
            choose(last)
    return chosen


def segments(toks: list[Token], k: int = K) -> list[list[Token]]:
    """The tokens cut where a function, a class or a module-level statement starts;
    consecutive short module-level simple statements (a script's lines) stay one piece.

    No k-gram spans two pieces, so reordering functions or inserting code between
    them leaves every other piece's fingerprints as they were.
    """
    cuts: list[list[Token]] = [[]]
    depth, decorated = 0, False
    starts, definition, step = _STATEMENT_START, _DEFINITION, _DEPTH.get  # locals: per token
    current = cuts[-1]
    at_start = True  # the first token, or the one before ends a statement
    for tok in toks:
        text = tok.text
        depth += step(text, 0)
        if at_start and text not in starts and (text in definition or depth == 0):
            if not decorated and current:
                current = []
                cuts.append(current)
            decorated = text == "@"
        current.append(tok)
        at_start = text in starts
    pieces: list[list[Token]] = []
    for cut in (cut for cut in cuts if cut):
        if pieces and len(cut) < k and _loose(cut) and _loose(pieces[-1]):
            pieces[-1] += cut  # consecutive short statements: a script's lines, one piece
        else:
            pieces.append(cut)
    return pieces


def _loose(piece: list[Token]) -> bool:
    """A run of simple statements: a block (``if``, ``for``, ``with``...) stands alone, so a
    dead ``if False:`` inserted between a script's lines cuts its piece in two instead of
    breaking every k-gram across it (dead-code mutations: median coverage 0.84 -> 0.97)."""
    return piece[0].text not in _DEFINITION and all(tok.text != INDENT for tok in piece)


def piece_fingerprints(toks: list[Token], k: int = K, w: int = W) -> list[Fingerprint]:
    """One piece's winnowed k-grams (see ``segments``)."""
    hashes = kgram_hashes(toks, k)
    return [Fingerprint(hashes[i], toks[i].line, toks[i + k - 1].line) for i in winnow(hashes, w)]


def fingerprints(source: str, k: int = K, w: int = W) -> list[Fingerprint]:
    """Every piece's winnowed k-grams, in source order."""
    return [fp for toks in segments(tokens(source)) for fp in piece_fingerprints(toks, k, w)]
