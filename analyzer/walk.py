"""Building a ``Repo`` from a directory on disk.

Files are examined with ``lstat``: a symbolic link is recorded, never followed, so
a repository cannot make the scan read outside itself.
"""

import os
import posixpath
import stat
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import MappingProxyType

from analyzer.errors import LimitError
from analyzer.gitfacts import is_git_repo, read_git_facts, tracked_files
from analyzer.paths import (
    Role,
    generated_reason,
    role,
    tree_kind,
    tree_reason,
    vendored_root,
    venv_roots,
)
from analyzer.repo import Repo, read_bytes
from analyzer.text import decode, looks_binary
from analyzer.vendoring import third_party_roots

_SKIP_DIRS = frozenset({".git", ".hg", ".svn"})


@dataclass(frozen=True, slots=True)
class Limits:
    """Safety limits of one scan (CLI options); docs/security.md says why each exists."""

    max_file_bytes: int = 1_000_000
    max_files: int = 50_000
    max_repo_mb: float = 500
    timeout_seconds: float = 300

    @property
    def max_repo_bytes(self) -> int:
        return int(self.max_repo_mb * 1_000_000)


def _all_files(root: Path) -> list[str]:
    found: list[str] = []
    for directory, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        base = Path(directory).relative_to(root)
        found.extend((base / name).as_posix() for name in files)
        # os.walk lists links to directories among dirs; keep them as entries to report
        found.extend((base / d).as_posix() for d in dirs if (Path(directory) / d).is_symlink())
    return sorted(found)


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


def _examine(root: Path, path: str, limits: Limits) -> tuple[int, str | None]:
    """The file's size, and why it is left out (``None`` when it is analysable)."""
    try:
        info = (root / path).lstat()
    except OSError as error:
        return 0, f"unreadable: {error.strerror}"
    if stat.S_ISLNK(info.st_mode):
        return 0, _link_reason(root, path)
    if stat.S_ISDIR(info.st_mode):
        return 0, "submodule (not fetched)"
    if not stat.S_ISREG(info.st_mode):
        return 0, "not a regular file"
    if info.st_size > limits.max_file_bytes:
        return info.st_size, f"too large ({info.st_size:,} bytes)"
    try:
        with (root / path).open("rb") as handle:
            head = handle.read(8192)
    except OSError as error:
        return info.st_size, f"unreadable: {error.strerror}"
    if looks_binary(head):
        return info.st_size, "binary"
    return info.st_size, None


def _small_text(root: Path, path: str, limits: Limits) -> str:
    """A small metadata file's text for ``third_party_roots`` (never through a link)."""
    _, skip = _examine(root, path, limits)
    if skip is not None:
        return ""
    try:
        return decode(read_bytes(root, path))
    except OSError:
        return ""


def build_repo(
    root: Path, *, now: datetime, limits: Limits | None = None, authors: tuple[str, ...] = (),
) -> Repo:
    """Facts of the directory ``root``: a git work tree (tracked files) or a plain folder.

    With ``authors`` (the candidate), production Python files are also blamed.
    """
    limits = limits or Limits()
    in_git = is_git_repo(root)
    paths = tracked_files(root) if in_git else _all_files(root)
    if len(paths) > limits.max_files:
        raise LimitError(f"repository has {len(paths):,} files (limit --max-files "
                         f"{limits.max_files:,})")
    files: dict[str, int] = {}
    excluded: dict[str, str] = {}
    vendored: Counter[str] = Counter()
    venvs = venv_roots(paths)
    copies = third_party_roots(paths, lambda path: _small_text(root, path, limits))
    total = 0
    for path in paths:
        top = vendored_root(path, venvs) or next((c for c in copies if path.startswith(c)), None)
        if top is not None:
            vendored[top] += 1
            continue
        reason = generated_reason(path)
        size, skip = _examine(root, path, limits)
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
    blamed = [p for p in files if authors and p.endswith(".py") and role(p) is Role.PRODUCTION]
    return Repo(
        files=MappingProxyType(files),
        now=now,
        root=root,
        excluded=MappingProxyType(dict(sorted(excluded.items()))),
        git=read_git_facts(root, blame_paths=blamed) if in_git else None,
        authors=authors,
    )
