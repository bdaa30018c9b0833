"""What originality keeps of one source file: fingerprints, code lines and distinctive literals.

Never the code itself: a shape is hashes and line numbers, so the corpus of
tutorials that ships with modernity holds no one's source.
"""

import re
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import PurePosixPath

from analyzer.notebooks import Unreadable, to_python
from analyzer.originality.winnow import Fingerprint, K, Token, W, kgram_hashes, tokens, winnow
from analyzer.paths import Role
from analyzer.repo import Repo

# A literal identifies its source when it is long and specific: a secret key, an API
# URL, a sample sentence. Short strings ("id", "utf-8") are everyone's.
_MIN_LITERAL = 20
_QUOTES = re.compile(r"^[rbuRBU]{0,2}('''|\"\"\"|'|\")(?P<body>.*)\1$", re.DOTALL)
_STRUCTURE = frozenset({"\n", ">", "<"})


@dataclass(frozen=True, slots=True)
class Shape:
    fingerprints: tuple[Fingerprint, ...]
    lines: frozenset[int]  # the lines that carry code
    literals: tuple[tuple[int, int], ...]  # (hash of a distinctive literal, its line)


def literal_hash(body: str) -> int:
    return int.from_bytes(blake2b(b"literal\0" + body.encode(), digest_size=8).digest(), "big")


def _literals(toks: list[Token]) -> tuple[tuple[int, int], ...]:
    found: dict[int, int] = {}
    for tok in toks:
        quoted = _QUOTES.match(tok.literal) if tok.literal else None
        body = quoted.group("body").strip() if quoted else ""
        if len(body) >= _MIN_LITERAL and "\n" not in body and "{" not in body:
            found.setdefault(literal_hash(body), tok.line)
    return tuple(sorted(found.items(), key=lambda item: item[1]))


def shape(source: str, k: int = K, w: int = W) -> Shape:
    toks = tokens(source)
    hashes = kgram_hashes(toks, k)
    chosen = tuple(
        Fingerprint(hashes[i], toks[i].line, toks[i + k - 1].line) for i in winnow(hashes, w)
    )
    lines = frozenset(tok.line for tok in toks if tok.text not in _STRUCTURE)
    return Shape(chosen, lines, _literals(toks))


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
        role in {Role.PRODUCTION, Role.NOTEBOOK}
        and "migrations" not in parts[:-1] and parts[-1] not in GENERATED_NAMES
    )


def counts_as_product(path: str, role: Role) -> bool:
    """Source code of the project's product: examples and documentation are not."""
    folders = PurePosixPath(path).parts[:-1]
    return is_source_code(path, role) and not EXAMPLE_DIRS.intersection(
        part.lower() for part in folders
    )


def repo_shapes(repo: Repo) -> dict[str, Shape]:
    """The shape of every product file of ``repo`` (production code and notebooks)."""
    shapes: dict[str, Shape] = {}
    for path in (*repo.python_files, *repo.notebooks):
        if not counts_as_product(path, repo.role(path)):
            continue
        try:
            text = source_text(path, repo.text(path))
        except OSError:
            continue
        if text is not None:
            shapes[path] = shape(text)
    return shapes
