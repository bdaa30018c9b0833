"""Whole reports kept between scans: a repository scanned again, unchanged, is not analysed
again, nor its history read, nor a check module imported.

A report is reused only when everything it was made from is the same, compared by
content (the repository and its ``.git`` are hostile: no modification time is believed):

- modernity itself: every file of the ``analyzer`` and ``checks`` packages (ours, not the
  candidate's: by path, size and modification time), Python's version and the name
  (with version) of every distribution installed;
- the scan's options: target, weights, role and rubric, limits; not ``--now``: the checks
  that read the date are folded again for the scan's own (``analyzer.redate``);
- every analysable file's path, size and git blob id, and every exclusion and its reason;
- what ``git log`` and the first commit's tree are read from: the commit HEAD names (whose
  id covers its whole history), ``.git/shallow`` and the work tree's ``.mailmap`` (both
  change what git reports for that commit), the path and size of every file in
  ``.git/objects`` (which objects are present decides what of the first commit is read),
  and which git program runs.

Reports are kept one per target (the latest), so the table stays as small as the number
of repositories scanned. A scan that blames an author, reads a clone modernity made, or
ends with a file timed out, crashed or unreadable is never kept: only a run that a second
scan would repeat exactly is.
"""

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import checks
from analyzer.fstree import tree
from analyzer.gitfacts import head
from analyzer.repo import blob_id, read_bytes
from analyzer.walk import Found

SCHEMA = 1


def installed() -> Iterator[str]:
    """Every ``*.dist-info`` directory name on ``sys.path``: a distribution's name and version."""
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names = sorted(item.name for item in found if item.name.endswith(".dist-info"))
        except OSError:
            continue
        yield from (f"{entry}/{name}" for name in names)


def files_digest(packages: Mapping[str, str]) -> str:
    """The identity of every file of each package (name: folder), bytecode left out: its
    path, size and modification time, as Python's own bytecode cache tells a changed source file.
    These are modernity's files, not a candidate's; reading and hashing their 1.4 MB
    instead took 4 ms of a 0.1 s warm scan."""
    digest = hashlib.sha256()
    for name, base in packages.items():
        for path, info in tree(Path(base), skip=frozenset({"__pycache__"})):
            if not stat.S_ISDIR(info.st_mode) and not path.endswith((".pyc", ".pyo")):
                digest.update(f"\0{name}/{path}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()


@cache
def tool_digest() -> str:
    """Changes whenever any of modernity's files, Python or an installed distribution does."""
    import analyzer  # noqa: PLC0415

    own = files_digest({package.__name__: package.__path__[0] for package in (analyzer, checks)})
    parts = (str(SCHEMA), sys.version, sys.implementation.cache_tag, own, *installed())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _optional(root: Path, path: str) -> str | None:
    """The SHA-256 of a small file git reads beside the objects, ``-`` when there is none."""
    try:
        return hashlib.sha256(read_bytes(root, path)).hexdigest()
    except FileNotFoundError:
        return "-"
    except OSError:
        return None  # a link or something else git may read differently: never reused


def _git_program() -> list[Any]:
    """Which git runs (ours, not the repository's: its identity by path, size and time)."""
    import shutil  # noqa: PLC0415  (a plain folder's warm scan needs no git: 3 ms)

    program = shutil.which("git")
    info = Path(program).stat() if program else None
    return [program, info.st_size, info.st_mtime_ns, info.st_ino] if info else [program]


def _git_state(found: Found) -> list[Any] | None:
    root = found.repo.root
    if found.git is None or root is None:
        return ["no git"]
    state: list[Any] = [head(found.git), _optional(root, ".git/shallow"),
                        _optional(root, ".mailmap"), _git_program()]
    objects = root / ".git" / "objects"
    state.extend((path, info.st_size) for path, info in tree(objects)
                 if stat.S_ISREG(info.st_mode))
    return None if None in state[1:3] else state


def report_key(found: Found, options: Mapping[str, Any]) -> str | None:
    """What the report of ``found`` scanned with ``options`` is made from, as one digest;
    ``None`` when it cannot be told (a file that cannot be read)."""
    repo = found.repo
    git = _git_state(found)
    if git is None:
        return None
    try:
        files = [(path, size, blob_id(repo.data(path))) for path, size in repo.files.items()]
    except OSError:
        return None
    parts = [tool_digest(), {k: repr(v) for k, v in sorted(options.items())},
             files, sorted(repo.excluded.items()), git]
    text = json.dumps(parts, ensure_ascii=True, default=repr)
    return hashlib.sha256(text.encode("ascii")).hexdigest()
