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
    for kind, string, first, _ in stream:
        if kind == tokenize.NAME:
            text = string if keyword.iskeyword(string) else "N"
        elif kind == tokenize.OP:
            text = string
        elif (fixed := _FIXED.get(kind)) is not None:
            text = fixed
        else:
            continue  # comments, NL, encoding, end marker, error tokens
        tokens.append(Token(text, first, string if kind == tokenize.STRING else ""))
    return tokens


def tokens(source: str, stream: Iterable[Lexeme] | None = None) -> list[Token]:
    """The normalised tokens of ``source`` (never executed; tokenizing is only reading).

    ``stream``: ``source``'s tokens when they are at hand (the engine's pre-parse guard
    tokenized every file), up to the error where tokenizing stopped.
    """
    raw = _raw(source, stream)
    kept: list[Token] = []
    skipping_import = False
    for index, tok in enumerate(raw):
        text = tok.text
        at_start = not kept or kept[-1].text in _STATEMENT_START
        if at_start and text in {"import", "from"}:
            skipping_import = True
        if skipping_import:
            skipping_import = text != "\n"
            continue
        if text in _PARENTHESES:
            continue
        if text in _LOOKS_AHEAD:
            following = raw[index + 1].text if index + 1 < len(raw) else "\n"
            if text == "S" and at_start and following == "\n":
                continue  # a docstring, or a string used as a comment
            if text == "," and following in _CLOSERS:
                continue
        if text == "\n" and at_start:
            continue  # the NEWLINE after a dropped statement
        kept.append(tok)
    return kept


def kgram_hashes(toks: list[Token], k: int = K) -> list[int]:
    stream = b"".join(_code(tok.text) for tok in toks)
    width = 2 * k
    return [
        int.from_bytes(blake2b(stream[i:i + width], digest_size=8).digest(), "big")
        for i in range(0, len(stream) - width + 2, 2)
    ] if len(toks) >= k else []


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
    for i, value in enumerate(hashes):
        while window and hashes[window[-1]] >= value:
            window.pop()
        window.append(i)
        if window[0] <= i - w:
            window.popleft()
        if i >= w - 1 and (not chosen or chosen[-1] != window[0]):
            chosen.append(window[0])
    return chosen


def segments(toks: list[Token], k: int = K) -> list[list[Token]]:
    """The tokens cut where a function, a class or a module-level statement starts;
    consecutive short module-level simple statements (a script's lines) stay one piece.

    No k-gram spans two pieces, so reordering functions or inserting code between
    them leaves every other piece's fingerprints as they were.
    """
    cuts: list[list[Token]] = [[]]
    depth, decorated = 0, False
    for index, tok in enumerate(toks):
        at_start = index == 0 or toks[index - 1].text in _STATEMENT_START
        depth += _DEPTH.get(tok.text, 0)
        if at_start and tok.text not in _STATEMENT_START and (
            tok.text in _DEFINITION or depth == 0
        ):
            if not decorated and cuts[-1]:
                cuts.append([])
            decorated = tok.text == "@"
        cuts[-1].append(tok)
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
