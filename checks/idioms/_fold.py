"""Folding each file's idioms: production library code counts, notebooks apart."""

from dataclasses import dataclass
from pathlib import PurePosixPath

from analyzer.api import Fold, Location
from checks.idioms._visitor import IDIOMS

_LIBRARY_ONLY = ("logging_calls", "print_calls")
_SCRIPT_DIRS = frozenset({"scripts", "bin", "examples", "example"})


@dataclass(frozen=True, slots=True)
class FileIdioms:
    found: tuple[tuple[str, int, tuple[int, ...]], ...] = ()  # idiom, count, first lines
    script: bool = False


def _is_library(path: str, obs: FileIdioms) -> bool:
    pure = PurePosixPath(path)
    if obs.script or len(pure.parts) == 1 or pure.name == "__main__.py":
        return False  # a file at the top of the repository is usually a script
    return not _SCRIPT_DIRS & set(pure.parts[:-1])


def fold_idioms(
    fold: Fold[FileIdioms],
) -> tuple[dict[str, int], dict[str, list[Location]], dict[str, int]]:
    """Counts and example places in production code, and counts in notebooks."""
    counts = dict.fromkeys(IDIOMS, 0)
    examples: dict[str, list[Location]] = {idiom: [] for idiom in IDIOMS}
    notebooks = dict.fromkeys(IDIOMS, 0)
    for obs in fold.notebooks.values():
        for idiom, count, _ in obs.found:
            notebooks[idiom] += count
    for path, obs in fold.production.items():
        library = _is_library(path, obs)
        for idiom, count, lines in obs.found:
            if library or idiom not in _LIBRARY_ONLY:
                counts[idiom] += count
                examples[idiom].extend(Location(path, line) for line in lines)
    return counts, examples, notebooks


def summary(counts: dict[str, int], value: float | None) -> str:
    if not any(counts.values()):
        return "No string formatting or other idioms measured in production code."
    models = counts["dataclasses"] + counts["attrs"] + counts["pydantic_models"]
    return (
        (f"{value:.0%} of string formatting uses f-strings" if value is not None
         else "No string formatting")
        + f" ({counts['f_strings']} f-string(s), {counts['percent_format']} %, "
        f"{counts['format_calls']} .format); {models} data model class(es); pathlib "
        f"{counts['pathlib']} vs os.path {counts['os_path']}; logging "
        f"{counts['logging_calls']} vs print {counts['print_calls']} in library code."
    )
