"""Modern idioms: f-strings, data classes, pathlib, comprehensions, `with`, logging, walrus.

## What it measures
The share of string formatting done with f-strings, out of f-strings with a
placeholder, `"..." % args` and `"...".format(...)` on a string literal (None
when the code formats no strings). Details count each idiom in production code:
the three formatting styles; `@dataclass`, attrs and pydantic models; pathlib
versus `os.path` calls; comprehensions and generator expressions; `with`
statements; logging calls versus bare `print()` in library code (production files
inside a folder that are not scripts: no `__main__.py`, no `if __name__ ==
"__main__":`, not under `scripts/`, `bin/` or `examples/`); and walrus
assignments. Each idiom lists its first locations; notebook figures are reported
apart.

## Why it matters
These are the idioms that tools like pyupgrade and refurb push code towards:
f-strings (3.6) read better than `%` and `.format`, data classes replace
boilerplate, pathlib replaces string juggling, and logging lets operators see
what a library did where `print` only writes to a console.

## Example
`f"Hello {name}"` is an f-string; `"Hello %s" % name` and `"Hello {}".format(name)`
are the older forms. `logger.info("sent %d", n)` is logging, not %-formatting.

## Caveats
Code that must support Python 2 or 3.5 cannot use f-strings, and `.format` on a
template read from elsewhere is not counted at all. Command-line tools print by
design. Counts are syntactic: a class deriving from the project's own pydantic
base is not seen as a model.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role
from checks._idioms import IDIOMS, IdiomVisitor

_LIBRARY_ONLY = ("logging_calls", "print_calls")
_SCRIPT_DIRS = frozenset({"scripts", "bin", "examples", "example"})
_EXAMPLES = 3


@dataclass(frozen=True, slots=True)
class FileIdioms:
    found: tuple[tuple[str, int, tuple[int, ...]], ...] = ()  # idiom, count, first lines
    script: bool = False


def _is_library(path: str, obs: FileIdioms) -> bool:
    pure = PurePosixPath(path)
    if obs.script or len(pure.parts) == 1 or pure.name == "__main__.py":
        return False  # a file at the top of the repository is usually a script
    return not _SCRIPT_DIRS & set(pure.parts[:-1])


class Idioms(IdiomVisitor, Check[FileIdioms]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.found, self.imported, self.script = {}, {}, False

    def observe(self) -> FileIdioms:
        found = tuple(
            (idiom, len(lines), tuple(lines[:_EXAMPLES]))
            for idiom, lines in sorted(self.found.items())
        )
        return FileIdioms(found, self.script)

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        counts = dict.fromkeys(IDIOMS, 0)
        examples: dict[str, list[Location]] = {idiom: [] for idiom in IDIOMS}
        notebooks = dict.fromkeys(IDIOMS, 0)
        for path, obs in cls.observed(corpus).items():
            role, library = corpus.repo.role(path), _is_library(path, obs)
            for idiom, count, lines in obs.found:
                if role is Role.NOTEBOOK:
                    notebooks[idiom] += count
                elif role is Role.PRODUCTION and (library or idiom not in _LIBRARY_ONLY):
                    counts[idiom] += count
                    examples[idiom].extend(Location(path, line) for line in lines)
        formatting = counts["f_strings"] + counts["percent_format"] + counts["format_calls"]
        value = round(counts["f_strings"] / formatting, 4) if formatting else None
        models = counts["dataclasses"] + counts["attrs"] + counts["pydantic_models"]
        summary = (
            (f"{value:.0%} of string formatting uses f-strings" if value is not None
             else "No string formatting")
            + f" ({counts['f_strings']} f-string(s), {counts['percent_format']} %, "
            f"{counts['format_calls']} .format); {models} data model class(es); pathlib "
            f"{counts['pathlib']} vs os.path {counts['os_path']}; logging "
            f"{counts['logging_calls']} vs print {counts['print_calls']} in library code."
        )
        if not any(counts.values()):
            summary = "No string formatting or other idioms measured in production code."
        return cls.signal(
            value, summary,
            evidence=tuple(found[0] for found in examples.values() if found),
            **counts,
            examples={idiom: [str(loc) for loc in found[:_EXAMPLES]]
                      for idiom, found in examples.items() if found},
            in_notebooks=notebooks,
        )
