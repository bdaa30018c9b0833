"""Folding per-file type-hint counts (for the type_hints check)."""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from analyzer.repo import Repo

_FILES = re.compile(r"\(([\d,]+) files?\)")


class Tally(NamedTuple):
    functions: int = 0
    annotated: int = 0
    params: int = 0
    annotated_params: int = 0
    returns: int = 0
    annotated_returns: int = 0

    def plus(self, other: "Tally") -> "Tally":
        return Tally(*(a + b for a, b in zip(self, other, strict=True)))


@dataclass(frozen=True, slots=True)
class FileHints:
    tally: Tally = field(default_factory=Tally)
    first_bare_line: int | None = None
    forms: tuple[tuple[str, int], ...] = ()


def total(files: Iterable[FileHints]) -> FileHints:
    """The sum of several files' counts and forms."""
    tally, forms = Tally(), Counter[str]()
    for hints in files:
        tally = tally.plus(hints.tally)
        forms.update(dict(hints.forms))
    return FileHints(tally, forms=tuple(sorted(forms.items())))


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def vendored_or_generated_files(repo: Repo) -> int:
    """Files the walk left out as vendored or generated (a skipped tree counts its files)."""
    count = 0
    for reason in repo.excluded.values():
        if reason.startswith(("vendored", "generated")):
            found = _FILES.search(reason)
            count += int(found.group(1).replace(",", "")) if found else 1
    return count


def by_folder(files: dict[str, FileHints]) -> dict[str, dict[str, int]]:
    """Typed and all functions per top-level folder ("." for files at the root): the chart."""
    folders: dict[str, dict[str, int]] = {}
    for path, hints in files.items():
        folder = folders.setdefault(path.split("/")[0] if "/" in path else ".",
                                    {"annotated": 0, "functions": 0})
        folder["annotated"] += hints.tally.annotated
        folder["functions"] += hints.tally.functions
    return {name: counts for name, counts in sorted(folders.items()) if counts["functions"]}
