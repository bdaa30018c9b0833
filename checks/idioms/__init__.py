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

from analyzer.api import (
    Example,
    FileCheck,
    Flag,
    Fold,
    Level,
    Rule,
    Signal,
    SourceFile,
    detail,
    flag,
)
from checks.idioms._fold import FileIdioms, fold_idioms, summary
from checks.idioms._visitor import EXAMPLES, IdiomVisitor


def _flags(signal: Signal) -> list[Flag]:
    share, flags = signal.value, []
    old = detail(signal, "percent_format") + detail(signal, "format_calls")
    if share is not None and share >= 0.8 and detail(signal, "f_strings") >= 5:
        flags += flag(Level.GREEN, f"Formats strings with f-strings ({share:.0%}).")(signal)
    elif share is not None and share < 0.3 and old >= 10:
        flags += flag(
            Level.YELLOW, f"Mostly old-style string formatting: {old:.0f} % or .format uses.",
            "Code that still supports Python 2 or 3.5 cannot use f-strings.",
            "Which string formatting do you use today, and why?",
        )(signal)
    if detail(signal, "print_calls") >= 5 and not detail(signal, "logging_calls"):
        flags += flag(
            Level.YELLOW, "Library code reports with print(), not logging.",
            "Command-line tools print by design; scripts and __main__ files are not counted.",
            "How would you find out what this code did in production last night?",
        )(signal)
    return flags


class Idioms(IdiomVisitor, FileCheck[FileIdioms]):
    rule = Rule(6, lambda s: s.value or 0.0, _flags)
    examples = (
        Example({"pkg/a.py": "x = f'{a}'\ny = '%s' % a\n"}, 0.5, ("pkg/a.py:1", "pkg/a.py:2")),
        Example({"examples/a.py": "x = '%s' % a\n", "src/m.py": "x = 1\n"}, None,
                note="examples beside the product are not production"),
    )

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.found, self.imported, self.script = {}, {}, False

    def observe(self) -> FileIdioms:
        found = tuple(
            (idiom, len(lines), tuple(lines[:EXAMPLES]))
            for idiom, lines in sorted(self.found.items())
        )
        return FileIdioms(found, self.script)

    @classmethod
    def result(cls, fold: Fold[FileIdioms]) -> Signal:
        counts, examples, notebooks = fold_idioms(fold)
        formatting = counts["f_strings"] + counts["percent_format"] + counts["format_calls"]
        value = round(counts["f_strings"] / formatting, 4) if formatting else None
        return cls.signal(
            value, summary(counts, value),
            evidence=tuple(found[0] for found in examples.values() if found),
            details=counts,
            examples={idiom: [str(loc) for loc in found[:EXAMPLES]]
                      for idiom, found in examples.items() if found},
            in_notebooks=notebooks,
        )
