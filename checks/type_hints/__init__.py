"""Share of functions that carry type hints.

## What it measures
The share of functions and methods in production code that have at least one
annotation (a parameter or the return); `@overload` signatures are left out and
lambdas are not functions. Details: `parameters_share` (annotated parameters,
`self`/`cls` not counted), `returns_share` (`__init__` not counted: pyright infers
its `None` and mypy does not require it), counts of modern forms (`X | Y`,
`list[int]`, PEP 695, `Protocol`, `TypedDict`, `TypeAlias`, `from __future__
import annotations`) and legacy ones (`Optional[`, `Union[`, `List[`... and
`# type:` comments), `by_folder` (typed and all functions per top-level folder),
what was left out, and notebook figures apart. Coverage is
syntactic: it counts annotations written in the source, not what a type checker
infers or verifies.

## Why it matters
Type hints are how modern Python documents its interfaces and lets tools such as
mypy and pyright catch mistakes before they run. Code written since about 2020
by people who keep up with the language is usually typed.

## Example
`def get_user(user_id: int) -> User | None:` counts as annotated, with one union
operator; `def get_user(user_id):` does not.

## Caveats
A low share does not mean poor code: scripts, data-science notebooks and older
codebases are often untyped, and some teams type only public interfaces. A high
share says nothing about whether the hints are checked or complete (`pyright
--verifytypes` can score the same code lower): look for mypy or pyright in the
project's tooling.
"""

from __future__ import annotations

from collections import Counter

import libcst as cst

from analyzer.api import (
    Example,
    FileCheck,
    Flag,
    Fold,
    Level,
    Rule,
    Signal,
    SourceFile,
    decorators,
    flag,
    value,
)
from checks.type_hints import _tally
from checks.type_hints._forms import TypingForms
from checks.type_hints._tally import FileHints, Tally, details, least_typed, tally_of, total


def _flags(signal: Signal) -> list[Flag]:
    if (share := value(signal)) >= 0.8:
        return flag(Level.GREEN, f"Typed code: {share:.0%} of functions have type hints.")(signal)
    return [] if share >= 0.2 else flag(
        Level.YELLOW, f"Mostly untyped code: {share:.0%} of functions have type hints.",
        "Untyped code is common in scripts, notebooks and older projects.",
        "Do you use type hints at work, and which type checker?",
    )(signal)


class TypeHints(TypingForms, FileCheck[FileHints]):
    rule = Rule(20, value, _flags)
    examples = (
        Example({"a.py": "def f(x: int) -> int: ...\ndef g(y): ...\n"}, 0.5, ("a.py:2",)),
        Example({"tests/test_a.py": "def test_f(): ...\n"}, None, note="tests are not counted"),
        Example({"a.py": "@overload\ndef f(x): ...\ndef f(x: int) -> int: ...\n"}, 1.0),
    )

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.scopes: list[bool] = []  # innermost last: is it a class body?
        self.tally = Tally()
        self.first_bare_line: int | None = None
        self.forms, self.typing_depth, self.union_depth = Counter(), 0, 0

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.append(True)
        self.count_bases(node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        method = bool(self.scopes) and self.scopes[-1]
        self.scopes.append(False)
        if "overload" not in decorators(node):  # the implementation is counted, not stubs
            self.tally = self.tally.plus(counted := tally_of(node, method=method))
            if not counted.annotated and self.first_bare_line is None:
                self.first_bare_line = self.line(node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def observe(self) -> FileHints:
        return FileHints(self.tally, self.first_bare_line, tuple(sorted(self.forms.items())))

    @classmethod
    def result(cls, fold: Fold[FileHints]) -> Signal:
        summed, apart = total(fold.production.values()), total(fold.notebooks.values()).tally
        summed, python2 = _tally.with_python2(fold, summed)
        facts, tally = details(fold, summed), summed.tally  # notebooks and tests apart
        aside = (f" Notebooks apart: {apart.annotated} of {apart.functions} function(s) typed."
                 if apart.functions else "")
        if not tally.functions:
            return cls.signal(None, "No production functions to measure." + aside, details=facts)
        summary = (
            f"{tally.annotated / tally.functions:.0%} of {tally.functions:,} production functions "
            "have type hints (syntactic: hints as written, not checked; tests, notebooks and "
            "vendored code not counted)." + aside
        ) + (f" {python2} of them are in Python 2 files." if python2 else "")
        return cls.signal(
            round(tally.annotated / tally.functions, 4), summary,
            evidence=least_typed(fold.production), details=facts,
        )
