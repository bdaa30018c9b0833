"""The facts of one repository, built once: the only layer that touches disk and git.

Checks read a ``Repo``; they never open files or run git themselves. Tests build
one by hand with ``Repo.from_files``.
"""

import errno
import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import BinaryIO

from analyzer.paths import Role, is_example_code, role, without_example_dirs
from analyzer.text import decode

_NO_FOLLOW = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


def open_inside(root: Path, path: str) -> BinaryIO:
    """``root/path`` opened one component at a time, each relative to the folder before
    (``openat``), never through a symbolic link and never blocking on a FIFO: a link
    swapped in anywhere on the way after the walk is refused."""
    *folders, name = path.split("/")
    if path.startswith("/") or any(part in ("", ".", "..") for part in (*folders, name)):
        raise OSError(errno.EACCES, "path leaves the repository")
    current = os.open(root, _NO_FOLLOW | os.O_DIRECTORY)
    try:
        for folder in folders:
            following = os.open(folder, _NO_FOLLOW | os.O_DIRECTORY, dir_fd=current)
            os.close(current)
            current = following
        descriptor = os.open(name, _NO_FOLLOW, dir_fd=current)
    finally:
        os.close(current)
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise OSError(errno.EACCES, "not a regular file")
    return os.fdopen(descriptor, "rb")


def read_bytes(root: Path, path: str) -> bytes:
    """The bytes of the regular file ``root/path`` (see ``open_inside``)."""
    with open_inside(root, path) as handle:
        return handle.read()


def blob_id(data: bytes) -> str:
    """Git's object id for these bytes (what ``git hash-object`` prints): the cache's content key.

    Computed from the bytes on disk rather than read from the index, so a modified
    working tree can never be mistaken for its committed version.
    """
    digest = hashlib.sha1(b"blob %d\0" % len(data), usedforsecurity=False)
    digest.update(data)
    return digest.hexdigest()


CODE_SUFFIXES = (".py", ".pyw", ".ipynb")  # what counts as code in a commit's paths


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    author_name: str
    author_email: str
    authored_at: datetime
    committed_at: datetime
    # The files the commit added, changed or deleted (not merges): read for the first commit,
    # and for the others only when it holds all of today's code (``gitfacts._history``).
    paths: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()  # none for a root commit


@dataclass(frozen=True, slots=True)
class Blame:
    """Surviving lines per author (``git blame -w``, .mailmap applied) over the blamed files."""

    lines: tuple[tuple[str, str, int], ...]  # (name, email, lines), most lines first
    files: int
    skipped: tuple[str, ...] = ()  # over the cap, or git could not blame them


@dataclass(frozen=True, slots=True)
class FirstCommit:
    """The first commit's code (``analyzer/firstcommit.py``): how much of today's arrived in it."""

    sha: str
    unchanged: frozenset[str]  # today's code paths whose content a first-commit file had
    texts: Mapping[str, str]  # the first commit's other code files that could be read
    unread: int  # its other code files not read: absent locally, or over the bounds


@dataclass(frozen=True, slots=True)
class GitFacts:
    """History as git records it; ``commits`` are newest first (``git log`` order).

    Author names and emails are as ``.mailmap`` maps them. ``blame`` is computed
    only when the scan asks about an author (it is slow on big repositories).
    """

    head: str | None
    commits: tuple[Commit, ...] = ()
    blame: Blame | None = None
    first: FirstCommit | None = None

    @property
    def last_commit(self) -> Commit | None:
        return self.commits[0] if self.commits else None


def _frozen(mapping: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, eq=False)
class Repo:
    """Everything a check may know about a repository.

    ``files`` maps each analysable text file (POSIX path relative to the root,
    sorted) to its size. ``excluded`` maps each path or directory (ending in
    ``/``) that was left out to the reason, so reports can say what was skipped.
    """

    files: Mapping[str, int]
    now: datetime
    root: Path | None = None
    excluded: Mapping[str, str] = field(default_factory=_frozen)
    git: GitFacts | None = None
    authors: tuple[str, ...] = ()  # the candidate's names or emails (``scan --author``)
    _texts: Mapping[str, str] | None = None

    @classmethod
    def from_files(
        cls,
        files: Mapping[str, str],
        *,
        now: datetime = datetime(2026, 1, 1, tzinfo=UTC),
        git: GitFacts | None = None,
        excluded: Mapping[str, str] | None = None,
        authors: tuple[str, ...] = (),
    ) -> "Repo":
        """An in-memory repository, for tests: ``{"pkg/a.py": "source"}``."""
        texts = dict(sorted(files.items()))
        sizes = {path: len(text.encode()) for path, text in texts.items()}
        return cls(
            files=MappingProxyType(sizes), now=now, excluded=_frozen(excluded),
            git=git, authors=authors, _texts=MappingProxyType(texts),
        )

    def data(self, path: str) -> bytes:
        """The raw bytes of an analysable file."""
        if self._texts is not None:
            return self._texts[path].encode()
        if path not in self.files or self.root is None:
            raise KeyError(path)
        return read_bytes(self.root, path)

    def text(self, path: str) -> str:
        """The decoded text of an analysable file (never raises on odd encodings)."""
        if self._texts is not None:
            return self._texts[path]
        return decode(self.data(path))

    def role(self, path: str) -> Role:
        """The file's role; in a repository that is nothing but examples, they are its product."""
        found = role(path)
        if found is Role.EXAMPLE and self._examples_are_the_product and is_example_code(path):
            return role(without_example_dirs(path))  # tests among the examples stay tests
        return found

    @cached_property
    def _examples_are_the_product(self) -> bool:
        # A guide or tutorial series keeps all its code under examples/: set apart, the
        # candidate would have no code at all, and its Python 2 or its types would go unseen.
        python = self.python_files
        return (not any(role(path) is Role.PRODUCTION for path in python)
                and any(is_example_code(path) for path in python))

    @cached_property
    def python_files(self) -> tuple[str, ...]:
        return tuple(path for path in self.files if path.endswith((".py", ".pyw")))

    @cached_property
    def notebooks(self) -> tuple[str, ...]:
        return tuple(path for path in self.files if path.endswith(".ipynb"))

    def find(self, *names: str, top_level: bool = True) -> tuple[str, ...]:
        """Files whose name matches one of ``names`` case-insensitively (stem or full name)."""
        wanted = {name.lower() for name in names}
        found = []
        for path in self.files:
            pure = PurePosixPath(path)
            if top_level and len(pure.parts) > 1:
                continue
            if pure.name.lower() in wanted or pure.stem.lower() in wanted:
                found.append(path)
        return tuple(found)
