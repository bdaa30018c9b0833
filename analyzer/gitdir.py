"""A scanned repository's ``.git``, checked before git sees it and read through a shadow.

A local ``.git`` is as hostile as the files beside it. It must be a real folder
inside the target (not a ``gitdir:`` file nor a link to another repository's
``.git``), hold no symbolic link, FIFO or device (git would follow or block on
them), and borrow no objects from elsewhere (``objects/info/alternates``). Git
then reads it through a *shadow* git directory that modernity writes itself:
its own ``config`` and a copy of ``HEAD``, with links to the repository's
``objects``, ``refs``, ``packed-refs``, ``index`` and ``shallow``. The
repository's own configuration is never read by git at all, so no key of it
(``include.path``, ``blame.ignoreRevsFile``, ``core.worktree``, an unknown
extension...) can name a file outside the target or change what git reports.
"""

import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analyzer.errors import RepositoryError
from analyzer.fstree import tree

_BORROWED = frozenset({"objects/info/alternates", "objects/info/http-alternates", "commondir"})
_LINKED = ("objects", "refs", "packed-refs", "index", "shallow")
_SHA256 = re.compile(rb"(?im)^\s*objectformat\s*=\s*sha256\s*$")
_MAX_SMALL = 1_000_000


def is_bare(root: Path) -> bool:
    """A bare repository (``git clone --bare``): ``HEAD``, ``objects``, ``refs``, no work tree."""
    return (
        not (root / ".git").exists() and (root / "HEAD").is_file()
        and (root / "objects").is_dir() and (root / "refs").is_dir()
    )


def check_git_dir(git_dir: Path, shown: str = ".git") -> None:
    """Refuse a git directory that is a link, holds a link or special file, or borrows objects."""
    try:
        info = git_dir.lstat()
    except OSError:
        raise RepositoryError(f"{shown} cannot be read") from None
    if stat.S_ISLNK(info.st_mode):
        raise RepositoryError(f"{shown} is a symbolic link (to another repository?); refusing it")
    if stat.S_ISREG(info.st_mode):
        raise RepositoryError(
            f"{shown} is a file pointing at another git directory (a worktree or submodule); "
            "scan the repository it names instead"
        )
    if not stat.S_ISDIR(info.st_mode):
        raise RepositoryError(f"{shown} is a special file; refusing it")
    for path, entry in tree(git_dir):
        if stat.S_ISLNK(entry.st_mode):
            raise RepositoryError(f"{shown}/{path} is a symbolic link; refusing the repository")
        if not stat.S_ISDIR(entry.st_mode) and not stat.S_ISREG(entry.st_mode):
            raise RepositoryError(f"{shown}/{path} is a special file (FIFO, socket or device); "
                                  "refusing the repository")
        if path in _BORROWED:
            raise RepositoryError(
                f"{shown}/{path} borrows objects from another repository; refusing it "
                "(clone it without --shared/--reference, or run `git repack -a -d` and "
                "delete that file)"
            )


def check_work_tree(root: Path) -> None:
    """The files git itself opens in the work tree (``.mailmap``) must be regular files."""
    try:
        info = (root / ".mailmap").lstat()
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise RepositoryError(".mailmap is not a regular file; refusing the repository")


def _config(git_dir: Path) -> str:
    """Modernity's own config for the shadow: only the object format is taken over."""
    path = git_dir / "config"
    data = b""
    if path.is_file() and path.stat().st_size <= _MAX_SMALL:
        data = path.read_bytes()
    if _SHA256.search(data):
        return "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectformat = sha256\n"
    return "[core]\n\trepositoryformatversion = 0\n"


@contextmanager
def shadow(git_dir: Path) -> Iterator[Path]:
    """A git directory to pass as ``--git-dir``: the repository's data, modernity's config."""
    head = git_dir / "HEAD"
    if not head.is_file() or not (git_dir / "objects").is_dir() or not (git_dir / "refs").is_dir():
        raise RepositoryError(".git is not a git repository (no HEAD, objects or refs)")
    if head.stat().st_size > _MAX_SMALL:
        raise RepositoryError(".git/HEAD is not a git HEAD file")
    import tempfile  # noqa: PLC0415  (not on a warm scan's path: 3 ms with shutil, bz2, lzma)

    with tempfile.TemporaryDirectory(prefix="modernity-git-") as directory:
        root = Path(directory)
        (root / "HEAD").write_bytes(head.read_bytes())
        (root / "config").write_text(_config(git_dir))
        for name in _LINKED:
            if (git_dir / name).exists():
                (root / name).symlink_to(git_dir / name)
        yield root
