"""Building a ``Repo`` from a directory on disk.

Files are examined with ``lstat``, every component of their path: a symbolic link
(the file itself or any folder on the way) is recorded, never followed, and an
index entry that is absolute or climbs out with ``..`` is refused, so a
repository cannot make the scan read outside itself.
"""

import os
import posixpath
import stat
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import MappingProxyType

from analyzer.errors import LimitError
from analyzer.fstree import tree
from analyzer.gitdir import check_git_dir, check_work_tree, shadow
from analyzer.gitfacts import Git, is_git_repo, read_git_facts, tracked_files
from analyzer.paths import (
    Role,
    generated_reason,
    role,
    tree_kind,
    tree_reason,
    vendored_root,
    venv_roots,
)
from analyzer.repo import CODE_SUFFIXES, Repo, open_inside, read_bytes
from analyzer.text import decode, looks_binary
from analyzer.vendoring import third_party_roots

_SKIP_DIRS = frozenset({".git", ".hg", ".svn"})


@dataclass(frozen=True, slots=True)
class Limits:
    """Safety limits of one scan (CLI options); docs/security.md says why each exists."""

    max_file_bytes: int = 1_000_000
    # A notebook carries its outputs (plots as base64): a few MB hold a few hundred lines of code.
    max_notebook_bytes: int = 25_000_000
    max_files: int = 50_000
    max_repo_mb: float = 500
    timeout_seconds: float = 300  # a clone, and any one git command
    file_timeout_seconds: float = 60  # analysing one file (docs/security.md: 1 MB takes 15 s)

    @property
    def max_repo_bytes(self) -> int:
        return int(self.max_repo_mb * 1_000_000)


def _all_files(root: Path) -> list[str]:
    found = []
    for path, info in tree(root, skip=_SKIP_DIRS):
        if not stat.S_ISDIR(info.st_mode):  # links to folders are listed, never entered
            found.append(path)
    return sorted(p for p in found if p.rpartition("/")[2] not in _SKIP_DIRS)


def unsafe_reason(path: str) -> str | None:
    """Why an index entry must not be opened at all: it would name a file outside the root."""
    parts = path.split("/")
    if path.startswith("/") or "\x00" in path:
        return "unsafe path in the git index: absolute (not read)"
    if any(part in ("", ".", "..") for part in parts):
        return "unsafe path in the git index: climbs out with .. (not read)"
    if any(part.lower() == ".git" for part in parts):
        return "unsafe path in the git index: inside .git (not read)"
    return None


def _link_reason(root: Path, path: str) -> str:
    """Say where a link points, worked out from its text alone (the target is never touched)."""
    try:
        target = str((root / path).readlink())
    except OSError:
        return "symbolic link (not followed)"
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    if target.startswith("/") or joined == ".." or joined.startswith("../"):
        return "symbolic link pointing outside the repository (not followed)"
    return "symbolic link (not followed)"


def _linked_folder(root: Path, path: str, seen: dict[str, bool]) -> str | None:
    """The first folder on ``path``'s way that is a symbolic link (or not a folder)."""
    parts = path.split("/")[:-1]
    for end in range(1, len(parts) + 1):
        folder = "/".join(parts[:end])
        if folder not in seen:
            try:
                seen[folder] = stat.S_ISDIR(os.lstat(f"{root}/{folder}").st_mode)
            except OSError:
                seen[folder] = True  # missing: opening the file will say so
        if not seen[folder]:
            return folder
    return None


def _examine(
    root: Path, path: str, limits: Limits, seen: dict[str, bool],
) -> tuple[int, str | None]:
    """The file's size, and why it is left out (``None`` when it is analysable)."""
    unsafe = unsafe_reason(path)
    if unsafe is not None:
        return 0, unsafe
    folder = _linked_folder(root, path, seen)
    if folder is not None:
        return 0, f"inside {folder}, a symbolic link or not a folder (not followed)"
    try:
        info = os.lstat(f"{root}/{path}")  # safe parts only (unsafe_reason): as pathlib, 3x faster
    except OSError as error:
        return 0, f"unreadable: {error.strerror}"
    if stat.S_ISLNK(info.st_mode):
        return 0, _link_reason(root, path)
    if stat.S_ISDIR(info.st_mode):
        return 0, "submodule (not fetched)"
    if not stat.S_ISREG(info.st_mode):
        return 0, "not a regular file"
    notebook = path.lower().endswith(".ipynb")
    if info.st_size > (limits.max_notebook_bytes if notebook else limits.max_file_bytes):
        return info.st_size, f"too large ({info.st_size:,} bytes)"
    try:
        with open_inside(root, path) as handle:
            head = handle.read(8192)
    except OSError as error:
        return info.st_size, f"unreadable: {error.strerror}"
    if looks_binary(head):
        return info.st_size, "binary"
    return info.st_size, None


def _small_text(root: Path, path: str, limits: Limits, seen: dict[str, bool]) -> str:
    """A small metadata file's text for ``third_party_roots`` (never through a link)."""
    _, skip = _examine(root, path, limits, seen)
    if skip is not None:
        return ""
    try:
        return decode(read_bytes(root, path))
    except OSError:
        return ""


@contextmanager
def git_runner(root: Path, limits: Limits, *, own_clone: bool) -> Iterator[Git]:
    """git for ``root``: our own clone as it is; a repository found on disk checked first
    and read through a shadow git directory (``analyzer.gitdir``)."""
    if own_clone:
        yield Git(root / ".git", root, limits.timeout_seconds)
        return
    check_git_dir(root / ".git")
    check_work_tree(root)
    with shadow(root / ".git") as git_dir:
        yield Git(git_dir, root, limits.timeout_seconds)


def build_repo(
    root: Path, *, now: datetime, limits: Limits | None = None, authors: tuple[str, ...] = (),
    own_clone: bool = False,
) -> Repo:
    """Facts of the directory ``root``: a git work tree (tracked files) or a plain folder.

    With ``authors`` (the candidate), production Python files are also blamed.
    ``own_clone``: ``root`` is a clone modernity made, whose ``.git`` it wrote.
    """
    with open_repo(root, now=now, limits=limits, authors=authors, own_clone=own_clone) as found:
        return found.complete()


@dataclass(frozen=True, slots=True)
class Found:
    """A repository's files, before its history is read (``complete``): a scan can tell from
    them and the commit (``git``) whether it has reported on exactly this before."""

    repo: Repo  # without git facts
    git: Git | None

    def complete(self) -> Repo:
        repo, authors = self.repo, self.repo.authors
        if self.git is None:
            return repo
        blamed = [p for p in repo.files
                  if authors and p.endswith(".py") and role(p) is Role.PRODUCTION]
        code = [p for p in repo.files if p.endswith(CODE_SUFFIXES)]
        return replace(repo, git=read_git_facts(self.git, blamed, code))


@contextmanager
def open_repo(
    root: Path, *, now: datetime, limits: Limits | None = None, authors: tuple[str, ...] = (),
    own_clone: bool = False,
) -> Iterator[Found]:
    """``build_repo`` in two steps: git stays usable inside the ``with`` block only."""
    limits = limits or Limits()
    in_git = is_git_repo(root)
    runner = git_runner(root, limits, own_clone=own_clone) if in_git else nullcontext(None)
    with runner as git:
        yield Found(_build(root, now, limits, authors, git), git)


def _build(
    root: Path, now: datetime, limits: Limits, authors: tuple[str, ...], git: Git | None,
) -> Repo:
    paths = tracked_files(git) if git else _all_files(root)
    if len(paths) > limits.max_files:
        raise LimitError(f"repository has {len(paths):,} files (limit --max-files "
                         f"{limits.max_files:,})")
    files: dict[str, int] = {}
    excluded: dict[str, str] = {}
    vendored: Counter[str] = Counter()
    venvs = venv_roots(paths)
    seen: dict[str, bool] = {}
    copies = third_party_roots(paths, lambda path: _small_text(root, path, limits, seen))
    total = 0
    for path in paths:
        top = (vendored_root(path, venvs) or next((c for c in copies if path.startswith(c)), None)
               ) if unsafe_reason(path) is None else None
        if top is not None:
            vendored[top] += 1
            continue
        reason = generated_reason(path)
        size, skip = _examine(root, path, limits, seen)
        total += size
        reason = skip or reason
        if reason is None:
            files[path] = size
        else:
            excluded[path] = reason
    if total > limits.max_repo_bytes:
        raise LimitError(f"repository's files are larger than {limits.max_repo_mb:g} MB "
                         "(--max-repo-mb)")
    for top, count in vendored.items():
        excluded[top] = tree_reason(tree_kind(top, venvs), count, copies.get(top, ""))
    return Repo(
        files=MappingProxyType(files),
        now=now,
        root=root,
        excluded=MappingProxyType(dict(sorted(excluded.items()))),
        authors=authors,
    )
