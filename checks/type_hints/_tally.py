"""Per-file type-hint counts and how they fold into the signal's details."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from operator import add
from typing import NamedTuple

import libcst as cst

from analyzer.api import Fold, Location, Repo, Role, is_annotated, parameters
from checks._shared.python2_files import python2_sources
from checks._shared.python2_scan import function_lines
from checks.type_hints._forms import LEGACY, MODERN

_FILES = re.compile(r"\(([\d,]+) files?\)")


class Tally(NamedTuple):
    functions: int = 0
    annotated: int = 0
    params: int = 0
    annotated_params: int = 0
    returns: int = 0
    annotated_returns: int = 0

    def plus(self, other: Tally) -> Tally:
        return Tally._make(map(add, self, other))  # once per function of every file


def tally_of(node: cst.FunctionDef, *, method: bool) -> Tally:
    """One function's counts; a method's ``__init__`` needs no return annotation."""
    returns = not (method and node.name.value == "__init__")
    params, typed = parameters(node, method=method)
    typed_return = returns and node.returns is not None
    return Tally(1, is_annotated(node), params, typed, returns, typed_return)


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


def with_python2(fold: Fold[FileHints], summed: FileHints) -> tuple[FileHints, int]:
    """``summed`` plus the functions of production files only Python 2 parses: they count,
    untyped (Python 2 has no annotations), or a Python 2 project would have no functions."""
    extra = sum(len(function_lines(code)) for _, code in python2_sources(fold, Role.PRODUCTION))
    return replace(summed, tally=summed.tally.plus(Tally(functions=extra))), extra


def details(fold: Fold[FileHints], summed: FileHints) -> dict[str, object]:
    """Everything the report shows besides the share: parameters, returns, forms, what is apart."""
    tally, forms = summed.tally, dict(summed.forms)
    notebooks = total(fold.notebooks.values()).tally
    return {
        "functions": tally.functions, "annotated_functions": tally.annotated,
        "parameters_share": share(tally.annotated_params, tally.params),
        "returns_share": share(tally.annotated_returns, tally.returns),
        "modern_forms": {name: forms.get(name, 0) for name in MODERN},
        "legacy_forms": {name: forms.get(name, 0) for name in LEGACY},
        "by_folder": by_folder(fold.production),
        "excluded": {
            "test_functions": total(fold.of(Role.TEST).values()).tally.functions,
            "test_data_functions": total(fold.of(Role.TEST_DATA).values()).tally.functions,
            "vendored_or_generated_files": vendored_or_generated_files(fold.repo),
        },
        "in_notebooks": {
            "functions": notebooks.functions, "annotated_functions": notebooks.annotated,
        },
    }


def by_folder(files: Mapping[str, FileHints]) -> dict[str, dict[str, int]]:
    """Typed and all functions per top-level folder ("." for files at the root): the chart."""
    folders: dict[str, dict[str, int]] = {}
    for path, hints in files.items():
        folder = folders.setdefault(path.split("/")[0] if "/" in path else ".",
                                    {"annotated": 0, "functions": 0})
        folder["annotated"] += hints.tally.annotated
        folder["functions"] += hints.tally.functions
    return {name: counts for name, counts in sorted(folders.items()) if counts["functions"]}


def least_typed(files: dict[str, FileHints], limit: int = 5) -> tuple[Location, ...]:
    """The first untyped function of the least-typed files (the bigger file first on a tie)."""
    tallies = {path: hints.tally for path, hints in files.items() if hints.first_bare_line}
    worst = sorted(tallies, key=lambda p: (
        tallies[p].annotated / tallies[p].functions, -tallies[p].functions, p,
    ))
    return tuple(Location(path, files[path].first_bare_line) for path in worst[:limit])
