"""Short code excerpts at the evidence lines, read while the repository is still on disk.

Only the first few locations of each signal, a line either side, each line cut
short: enough to recognise the code, never a copy of the project.
"""

from collections.abc import Iterable

from analyzer.model import Signal
from analyzer.repo import Repo

PER_SIGNAL = 2
CONTEXT = 1
MAX_LINE = 100

Excerpt = tuple[tuple[int, str], ...]  # (line number, text) pairs


def collect(repo: Repo, signals: Iterable[Signal]) -> dict[str, Excerpt]:
    """``{"path:line": excerpt}`` for the leading evidence of every signal."""
    found: dict[str, Excerpt] = {}
    texts: dict[str, list[str]] = {}  # each file read once however many signals point at it
    for signal in signals:
        for location in signal.evidence[:PER_SIGNAL]:
            key = str(location)
            if location.line is None or key in found or location.path.endswith(".ipynb"):
                continue
            try:
                if location.path not in texts:
                    texts[location.path] = repo.text(location.path).splitlines()
            except (KeyError, OSError):
                continue
            lines = texts[location.path]
            start = max(1, location.line - CONTEXT)
            end = min(len(lines), location.line + CONTEXT)
            excerpt = tuple(
                (number, _cut(lines[number - 1])) for number in range(start, end + 1)
            )
            if excerpt:
                found[key] = excerpt
    return found


def _cut(line: str) -> str:
    line = line.rstrip().expandtabs(4)
    return line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…"
