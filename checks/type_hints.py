"""Share of functions that carry type hints.

## What it measures
The share of functions and methods in production code that have at least one
annotation (a parameter or the return). Test code, test data and vendored or
generated code are left out of the ratio. Coverage is syntactic: it counts
annotations written in the source, not what a type checker can infer.

## Why it matters
Type hints are how modern Python documents its interfaces and lets tools such as
mypy and pyright catch mistakes before they run. Code written since about 2020
by people who keep up with the language is usually typed.

## Example
`def get_user(user_id: int) -> User | None:` counts as annotated;
`def get_user(user_id):` does not.

## Caveats
A low share does not mean poor code: scripts, data-science notebooks and older
codebases are often untyped, and some teams type only public interfaces. A high
share says nothing about whether the hints are checked: look for mypy or pyright
in the project's tooling.
"""

from dataclasses import dataclass

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role
from checks._functions import is_annotated


@dataclass(frozen=True, slots=True)
class FileHints:
    functions: int
    annotated: int
    first_bare_line: int | None


class TypeHints(Check[FileHints]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.functions = 0
        self.annotated = 0
        self.first_bare_line: int | None = None

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions += 1
        if is_annotated(node):
            self.annotated += 1
        elif self.first_bare_line is None:
            self.first_bare_line = self.line(node)

    def observe(self) -> FileHints:
        return FileHints(self.functions, self.annotated, self.first_bare_line)

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        files = {
            path: hints for path, hints in cls.observed(corpus).items()
            if corpus.repo.role(path) is Role.PRODUCTION and hints.functions
        }
        functions = sum(hints.functions for hints in files.values())
        annotated = sum(hints.annotated for hints in files.values())
        if not functions:
            return cls.signal(
                None, "No production functions to measure.", functions=0, annotated_functions=0
            )
        share = annotated / functions
        worst = sorted(
            (path for path, hints in files.items() if hints.first_bare_line is not None),
            key=lambda p: (files[p].annotated / files[p].functions, -files[p].functions),
        )
        evidence = tuple(Location(path, files[path].first_bare_line) for path in worst[:5])
        summary = (
            f"{share:.0%} of {functions:,} functions have type hints "
            "(tests and vendored code not counted)."
        )
        return cls.signal(
            round(share, 4), summary, evidence=evidence,
            functions=functions, annotated_functions=annotated,
        )
