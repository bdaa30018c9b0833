"""Walking a directory tree without following links and without recursion.

``os.walk`` recurses once per level (a tree 1,500 folders deep raises
``RecursionError``) and its error handling hides what it skipped; this walk keeps
an explicit stack, never follows a symbolic link, and yields each entry's
``lstat`` result, so callers decide what a link or a special file means.
"""

import os
import stat
from collections.abc import Iterator
from pathlib import Path


def tree(root: Path, skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, os.stat_result]]:
    """``(relative POSIX path, lstat)`` of every entry below ``root``, folders named in
    ``skip`` listed but not entered; an unreadable folder is left out."""
    stack = [""]
    while stack:
        relative = stack.pop()
        try:
            with os.scandir(root / relative if relative else root) as entries:
                found = [(entry.name, entry.stat(follow_symlinks=False)) for entry in entries]
        except OSError:
            continue
        for name, info in sorted(found):
            path = f"{relative}/{name}" if relative else name
            if name not in skip and stat.S_ISDIR(info.st_mode):
                stack.append(path)
            yield path, info
