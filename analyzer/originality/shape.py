"""What originality keeps of one source file: fingerprints, code lines and distinctive literals.

Never the code itself: a shape is hashes and line numbers, so the corpus of
tutorials that ships with modernity holds no one's source.
"""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from hashlib import blake2b
from itertools import pairwise
from pathlib import PurePosixPath
from weakref import WeakKeyDictionary

from analyzer.lexer import Lexeme
from analyzer.notebooks import Unreadable, to_python
from analyzer.originality.winnow import (
    DEDENT,
    INDENT,
    Fingerprint,
    K,
    Token,
    W,
    piece_fingerprints,
    segments,
    tokens,
)
from analyzer.paths import Role
from analyzer.repo import Repo

# A literal identifies its source when it is specific: a secret key or token (long, no
# spaces, random-looking) or a URL on a public host. Names, messages, config keys, dotted
# module paths, regular expressions and localhost addresses are everyone's
# ("SQLALCHEMY_DATABASE_URI", "django.db.backends.sqlite3", "^[A-Za-z][A-Za-z0-9_.]*$",
# "http://localhost:8000"), so they are left out.
_MIN_LITERAL = 16
_SECRET = re.compile(r"(?=.*\d)(?=.*[A-Za-z])[!-~]{16,}")
_DOTTED = re.compile(r"[\w.]+\.[\w.]+")
# Letters and digits alternate often in a generated key (hex, base64, Django's keys) and
# rarely in words: "9f8e7d" turns six times, "sqlite3" once, "A-Za-z0-9" once.
_MIN_TURNS = 4
_URL = re.compile(r"https?://[^\s/]+\.[a-z]{2,}/\S{4,}")
_QUOTES = re.compile(r"^[rbuRBU]{0,2}('''|\"\"\"|'|\")(?P<body>.*)\1$", re.DOTALL)
_STRUCTURE = frozenset({"\n", INDENT, DEDENT})


@dataclass(frozen=True, slots=True)
class Shape:
    fingerprints: tuple[Fingerprint, ...]
    lines: frozenset[int]  # the lines that carry code
    literals: tuple[tuple[int, int], ...]  # (hash of a distinctive literal, its line)
    pieces: tuple["Piece", ...] = ()

    def lines_of_run(self, start: int, end: int) -> tuple[int, int]:
        """The lines fingerprints ``start..end`` cover, out to their piece's first and last
        lines when the run reaches the piece's first or last fingerprint: winnowing keeps
        one k-gram per window, so a copied piece's first window may start a little late."""
        first = min(f.first for f in self.fingerprints[start:end + 1])
        last = max(f.last for f in self.fingerprints[start:end + 1])
        for piece in self.pieces:
            if piece.start == start:
                first = min(first, piece.first)
            if piece.end == end:
                last = max(last, piece.last)
        return first, last


@dataclass(frozen=True, slots=True)
class Piece:
    """One of ``winnow.segments``: its fingerprints' index range and its lines."""

    start: int
    end: int
    first: int
    last: int


def literal_hash(body: str) -> int:
    return int.from_bytes(blake2b(b"literal\0" + body.encode(), digest_size=8).digest(), "big")


def _secret(body: str) -> bool:
    if not _SECRET.fullmatch(body) or len(set(body)) < 10 or "{" in body or "://" in body \
            or _DOTTED.fullmatch(body):
        return False
    turns = sum(a.isdigit() != b.isdigit() for a, b in pairwise(body)
                if a.isalnum() and b.isalnum())
    return turns >= _MIN_TURNS


def _literals(toks: list[Token]) -> tuple[tuple[int, int], ...]:
    found: dict[int, int] = {}
    for tok in toks:
        quoted = _QUOTES.match(tok.literal) if tok.literal else None
        body = quoted.group("body").strip() if quoted else ""
        if len(body) >= _MIN_LITERAL and (_URL.fullmatch(body) or _secret(body)):
            found.setdefault(literal_hash(body), tok.line)
    return tuple(sorted(found.items(), key=lambda item: item[1]))


def shape(
    source: str, k: int = K, w: int = W, stream: Iterable[Lexeme] | None = None,
) -> Shape:
    """The file's fingerprints, except those of k-grams repeated within it: a run of
    ``name = "text"`` lines or keyword arguments is everyone's, and its k-grams repeat.

    ``lines`` are the code lines coverage is measured over: those of pieces (see
    ``winnow.segments``) long enough to fingerprint. A constant or a one-line class
    is too short to tell copied from typed, so it counts neither way.
    """
    toks = tokens(source, stream)
    pieces = [(piece, piece_fingerprints(piece, k, w)) for piece in segments(toks)]
    counts = Counter(f.hash for _, found in pieces for f in found)
    chosen: list[Fingerprint] = []
    edges: list[Piece] = []
    for piece, found in pieces:
        kept = [f for f in found if counts[f.hash] == 1]
        if kept:
            edges.append(Piece(len(chosen), len(chosen) + len(kept) - 1,
                               piece[0].line, piece[-1].line))
        chosen += kept
    lines = frozenset(
        tok.line for piece, _ in pieces if len(piece) >= k
        for tok in piece if tok.text not in _STRUCTURE
    )
    return Shape(tuple(chosen), lines, _literals(toks), tuple(edges))


def source_text(path: str, text: str) -> str | None:
    """The Python in a file: notebooks' code cells at their own lines, None if unreadable."""
    if not path.endswith(".ipynb"):
        return text
    code = to_python(text)
    return None if isinstance(code, Unreadable) else code


# Example, documentation and tutorial folders inside a project are not its product code:
# flask ships the flaskr tutorial under examples/.
EXAMPLE_DIRS = frozenset({"example", "examples", "doc", "docs", "docs_src", "demo", "demos"})
# Written by a framework's generator (startproject, alembic init), identical everywhere.
GENERATED_NAMES = frozenset({"manage.py", "settings.py", "wsgi.py", "asgi.py", "env.py"})


def is_source_code(path: str, role: Role) -> bool:
    """Hand-written code or notebook, wherever it lives: not tests, migrations or generated."""
    parts = PurePosixPath(path).parts
    return (
        role in {Role.PRODUCTION, Role.NOTEBOOK, Role.EXAMPLE}
        and "migrations" not in parts[:-1] and parts[-1] not in GENERATED_NAMES
    )


def counts_as_product(path: str, role: Role) -> bool:
    """Source code of the project's product: examples and documentation are not."""
    folders = PurePosixPath(path).parts[:-1]
    return role is not Role.EXAMPLE and is_source_code(path, role) and not (
        EXAMPLE_DIRS.intersection(part.lower() for part in folders)
    )


def only_literals(path: str, role: Role) -> bool:
    """A generated-name file (settings.py...) of the product: its keys and URLs still count,
    its code does not (every Django project has the same settings.py)."""
    return (role in {Role.PRODUCTION, Role.EXAMPLE} and PurePosixPath(path).name in GENERATED_NAMES
            and "migrations" not in PurePosixPath(path).parts[:-1])


def wanted(path: str, role: Role) -> bool:
    """Whether a file has a shape: product code, or a generated-name file's literals."""
    return counts_as_product(path, role) or only_literals(path, role)


def product_shape(
    path: str, role: Role, text: str, stream: Iterable[Lexeme] | None = None,
) -> Shape:
    """The shape of a ``wanted`` file's Python ``text`` (``stream``: its tokens, if at hand)."""
    found = shape(text, stream=stream)
    return Shape((), frozenset(), found.literals) if only_literals(path, role) else found


# tutorial_code and history both read a repository's shapes: fingerprint it once.
_SHAPES: WeakKeyDictionary[Repo, dict[str, Shape]] = WeakKeyDictionary()


def repo_shapes(repo: Repo, known: Mapping[str, object] | None = None) -> dict[str, Shape]:
    """The shape of every product file of ``repo`` (production code and notebooks).

    ``known``: ``tutorial_code``'s observations, the shapes the engine's workers made (or
    its cache kept) by path, ``None`` for a file without one; only the other files are
    read here.
    """
    if repo not in _SHAPES:
        _SHAPES[repo] = _repo_shapes(repo, known or {})
    return _SHAPES[repo]


def _repo_shapes(repo: Repo, known: Mapping[str, object]) -> dict[str, Shape]:
    shapes: dict[str, Shape] = {}
    for path in (*repo.python_files, *repo.notebooks):
        if path in known:
            if isinstance(found := known[path], Shape):
                shapes[path] = found
            continue
        role = repo.role(path)
        if not wanted(path, role):
            continue
        try:
            text = source_text(path, repo.text(path))
        except OSError:
            continue
        if text is not None:
            shapes[path] = product_shape(path, role, text)
    return shapes
