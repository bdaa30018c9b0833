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

from collections import Counter

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.names import decorators, is_annotated, parameters
from analyzer.paths import Role
from checks._hints import FileHints, Tally, by_folder, share, total
from checks._hints import vendored_or_generated_files as vendored
from checks._typing_forms import LEGACY, MODERN, TypingForms


class TypeHints(TypingForms, Check[FileHints]):
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
        if "overload" in decorators(node):
            return
        annotated = is_annotated(node)
        returns = not (method and node.name.value == "__init__")
        params, typed = parameters(node, method=method)
        typed_return = returns and node.returns is not None
        self.tally = self.tally.plus(Tally(1, annotated, params, typed, returns, typed_return))
        if not annotated and self.first_bare_line is None:
            self.first_bare_line = self.line(node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def observe(self) -> FileHints:
        return FileHints(self.tally, self.first_bare_line, tuple(sorted(self.forms.items())))

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        by_role: dict[Role, dict[str, FileHints]] = {role: {} for role in Role}
        for path, hints in cls.observed(corpus).items():
            by_role[corpus.repo.role(path)][path] = hints
        files = by_role[Role.PRODUCTION]
        summed, notebooks = total(files.values()), total(by_role[Role.NOTEBOOK].values())
        all_, forms = summed.tally, dict(summed.forms)
        details: dict[str, object] = {
            "functions": all_.functions, "annotated_functions": all_.annotated,
            "parameters_share": share(all_.annotated_params, all_.params),
            "returns_share": share(all_.annotated_returns, all_.returns),
            "modern_forms": {name: forms.get(name, 0) for name in MODERN},
            "legacy_forms": {name: forms.get(name, 0) for name in LEGACY},
            "by_folder": by_folder(files),
            "excluded": {
                "test_functions": total(by_role[Role.TEST].values()).tally.functions,
                "test_data_functions": total(by_role[Role.TEST_DATA].values()).tally.functions,
                "vendored_or_generated_files": vendored(corpus.repo),
            },
            "in_notebooks": {
                "functions": notebooks.tally.functions,
                "annotated_functions": notebooks.tally.annotated,
            },
        }
        apart = notebooks.tally
        aside = f" Notebooks apart: {apart.annotated} of {apart.functions} function(s) typed." if (
            apart.functions
        ) else ""
        if not all_.functions:
            return cls.signal(
                None, "No production functions to measure." + aside, evidence=(), **details
            )
        tallies = {path: hints.tally for path, hints in files.items() if hints.first_bare_line}
        worst = sorted(tallies, key=lambda p: (
            tallies[p].annotated / tallies[p].functions, -tallies[p].functions, p,
        ))
        evidence = tuple(Location(path, files[path].first_bare_line) for path in worst[:5])
        summary = (
            f"{all_.annotated / all_.functions:.0%} of {all_.functions:,} production functions "
            "have type hints (syntactic: hints as written, not checked; tests, notebooks and "
            "vendored code not counted)." + aside
        )
        return cls.signal(
            round(all_.annotated / all_.functions, 4), summary, evidence=evidence, **details
        )
