"""Files that cannot run: Python source with a real syntax error, at the line Python reports.

## What it measures
The number of Python files (and notebooks) that Python's own parser rejects, not
counting Python 2 code (the `python2_idioms` check's finding) and test data (a
linter's deliberately broken inputs). Each is shown with the line and message a
developer would see when running it, e.g. an `IndentationError` at line 27.

## Why it matters
Code that does not even parse was never run in the form it was committed: a
half-finished edit, a bad merge, or a copy-paste accident. A recruiter should
know before the interview that a file in the portfolio cannot work.

## Example
`lambda_function.py` whose line 27 dedents to a column no block started at is
1 file that cannot run; the evidence is `lambda_function.py:27`.

## Caveats
One broken file in a large project can be an abandoned experiment; ask about it.
Files the scan refused to parse (too deeply nested, too large) are listed apart
under "Could not parse", not here.
"""

import re
from typing import TypedDict, cast

from analyzer.api import Example, Flag, Fold, Level, Location, RepoCheck, Role, Rule, Signal, flag
from checks._shared.python2_files import python2_files

# What analyzer.syntax writes when CPython confirms a parse error.
_CONFIRMED = re.compile(r"^line (?P<line>\d+), column \d+: (?P<what>\w*Error: .*)$")


class Details(TypedDict, total=False):
    files: dict[str, str]  # path -> "line N: Kind: message"


def _flags(signal: Signal) -> list[Flag]:
    files = cast("Details", signal.details).get("files") or {}
    if not files:
        return []
    return flag(
        Level.RED, f"Code that cannot run: {len(files)} file(s) with a syntax error.",
        "Often a forgotten experiment or a bad merge rather than how the person works.",
        "This file does not parse; what happened to it, and how would you have caught it?",
    )(signal)


class SyntaxErrors(RepoCheck):
    rule = Rule(0, lambda s: 1.0, _flags)  # a finding to ask about; the score stays as it was
    examples = (
        Example({"a.py": "def f():\n        x = 1\n    y = 2\n"}, 1, ("a.py:3",)),
        Example({"a.py": "print 'hello'\n"}, 0, (), note="Python 2 is another check's finding"),
        Example({"tests/data/bad.py": "def (:\n"}, 0, (), note="test data is broken on purpose"),
    )

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        repo = fold.repo
        if not (repo.python_files or repo.notebooks):
            return cls.signal(None, "No Python files.")
        python2 = python2_files(fold)
        broken: dict[str, tuple[int, str]] = {}
        for path, reason in sorted(fold.unparsable.items()):
            found = _CONFIRMED.match(reason)
            if found and path not in python2 and fold.role_of(path) is not Role.TEST_DATA:
                broken[path] = (int(found["line"]), found["what"])
        if not broken:
            return cls.signal(0, "No syntax errors outside Python 2 code and test data." if
                              fold.unparsable else "Every Python file parses.")
        places = "; ".join(f"{path}:{line} ({what})" for path, (line, what) in broken.items())
        return cls.signal(
            len(broken), f"{len(broken)} file(s) cannot run: {places}.",
            evidence=tuple(Location(path, line) for path, (line, _) in broken.items()),
            files={path: f"line {line}: {what}" for path, (line, what) in broken.items()},
        )
