"""The corpus of known sources (tutorials, courses, starters): fingerprints, never code.

The shipped corpus is ``data/corpus.json.gz`` inside the package, built by
``modernity corpus build`` from ``data/manifest.toml``; a user's own entries
(a take-home's starter, last year's submissions) live in ``corpus.json.gz`` in the
user data directory and are added by ``modernity corpus add NAME TARGET``.
Fingerprints are packed as base64 of big-endian (hash u64, first line u32, last
line u32); literals as (hash u64, line u32).
"""

import base64
import gzip
import json
import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError
from analyzer.originality.winnow import Fingerprint, K, W

SHIPPED = Path(__file__).with_name("data") / "corpus.json.gz"
FORMAT = 1
_FP, _LIT = struct.Struct(">QII"), struct.Struct(">QI")


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    lines: int  # lines carrying code
    fingerprints: tuple[Fingerprint, ...]
    literals: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Entry:
    name: str  # a short id: udemy-fastapi-todo
    title: str  # what a recruiter reads: "the Udemy FastAPI course Todo app"
    url: str
    commit: str
    licence: str
    files: tuple[SourceFile, ...]
    # The source's root commit(s): a repository whose history holds one is the source
    # itself or a fork of it, not a re-typed copy. Commit ids are hashes, not code.
    roots: tuple[str, ...] = ()

    @property
    def lines(self) -> int:
        return sum(f.lines for f in self.files)


def _pack(fingerprints: Iterable[Fingerprint]) -> str:
    packed = b"".join(_FP.pack(f.hash, f.first, f.last) for f in fingerprints)
    return base64.b64encode(packed).decode()


def _unpack(text: str) -> tuple[Fingerprint, ...]:
    return tuple(Fingerprint(*row) for row in _FP.iter_unpack(base64.b64decode(text)))


def to_json(entry: Entry) -> dict[str, Any]:
    return {
        "name": entry.name, "title": entry.title, "url": entry.url, "commit": entry.commit,
        "licence": entry.licence, "roots": list(entry.roots),
        "files": [{
            "path": f.path, "lines": f.lines, "fingerprints": _pack(f.fingerprints),
            "literals": base64.b64encode(b"".join(_LIT.pack(*lit) for lit in f.literals)).decode(),
        } for f in entry.files],
    }


def from_json(data: Mapping[str, Any]) -> Entry:
    files = tuple(
        SourceFile(
            str(f["path"]), int(f["lines"]), _unpack(f["fingerprints"]),
            tuple(_LIT.iter_unpack(base64.b64decode(f["literals"]))),
        ) for f in data["files"]
    )
    roots = tuple(str(root) for root in data.get("roots", ()))  # older user corpora have none
    return Entry(str(data["name"]), str(data["title"]), str(data["url"]), str(data["commit"]),
                 str(data["licence"]), files, roots)


def save(entries: Sequence[Entry], path: Path) -> None:
    document = {"format": FORMAT, "k": K, "w": W,
                "entries": [to_json(e) for e in sorted(entries, key=lambda e: e.name)]}
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0: the same corpus always gives the same bytes, so rebuilding shows no diff.
    with gzip.GzipFile(path, "wb", mtime=0) as out:
        out.write(json.dumps(document, indent=0, sort_keys=True).encode())


def load(path: Path) -> tuple[Entry, ...]:
    """A corpus file's entries; none if it does not exist; ConfigError if it is not ours."""
    if not path.is_file():
        return ()
    try:
        with gzip.open(path, "rb") as stream:
            document = json.loads(stream.read())
        if document.get("format") != FORMAT or (document["k"], document["w"]) != (K, W):
            raise ConfigError(f"{path}: built by another version of modernity; rebuild it")
        return tuple(from_json(e) for e in document["entries"])
    except (OSError, ValueError, KeyError, TypeError, struct.error) as error:
        raise ConfigError(f"{path}: not a modernity corpus ({type(error).__name__})") from None


def user_corpus_path() -> Path:
    from platformdirs import user_data_dir  # noqa: PLC0415

    return Path(user_data_dir("modernity")) / "corpus.json.gz"


@cache
def shipped() -> tuple[Entry, ...]:
    return load(SHIPPED)


def all_entries(user: Path | None = None) -> tuple[Entry, ...]:
    """The shipped entries and the user's; a user entry replaces a shipped one of its name."""
    mine = load(user if user is not None else user_corpus_path())
    names = {e.name for e in mine}
    return tuple(e for e in shipped() if e.name not in names) + mine
