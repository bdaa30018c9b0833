"""Automated tests: test functions and doctest examples, their frameworks, settings and CI.

## What it measures
Test functions (pytest-style `test_*` functions, and `test*` methods of `Test*`
classes or `unittest.TestCase` subclasses) in test files: files under a `tests/`
or `test/` folder, or named `test_*.py`, `*_test.py` or `conftest.py`; plus
doctest examples (each `>>>` prompt) in the docstrings of production code and in
`.rst`/`.md`/`.txt` files under `docs/`, named by `doctest.testfile` or
`DocFileSuite`, or matched by pytest's `--doctest-glob`. Details: test files,
`test_functions` and `doctest_examples` apart, the frameworks (pytest, unittest,
hypothesis, nose, doctest), `test_code_ratio` (test lines / production lines,
non-blank non-comment), where pytest is configured, `conftest` files, and
`runs_in_ci` (a CI configuration runs pytest, tox, nox, unittest, `make test`...).
Functions defined in notebooks are counted apart (`notebook_functions`).

## Why it matters
Tests are the clearest sign of code written to be maintained by a team rather
than run once. Hiring guides list "no tests in any project" as a red flag.

## Example
`tests/test_api.py` containing `def test_login_rejects_bad_password(client): ...`
counts as one test function, framework pytest.

## Caveats
A production class named `TestResult` is not a test, and sample programs under
`tests/data` are not tests either. Examples in `docs/` count even when nothing
runs them. Zero here does not prove there are no tests:
they may live in another repository. Ask the candidate how they test.
"""

from dataclasses import dataclass

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.names import dotted
from analyzer.paths import Role
from checks._shared.ci import ci_files
from checks._testing import (
    FRAMEWORK_MODULES,
    code_lines_by_role,
    doctest_examples,
    doctest_files,
    pytest_config,
)


@dataclass(frozen=True, slots=True)
class FileTests:
    tests: tuple[int, ...] = ()
    frameworks: frozenset[str] = frozenset()
    functions: int = 0
    doctests: tuple[int, ...] = ()  # lines of docstrings holding examples, once per example
    doc_files: tuple[str, ...] = ()  # text files this file runs as doctests


class Tests(Check[FileTests]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.in_test_file = source.role is Role.TEST
        self.tests: list[int] = []
        self.frameworks: set[str] = set()
        self.functions = 0
        self.classes: list[bool] = []  # for each enclosing class: does it collect tests?
        self.doctests: list[int] = []
        self.doc_files: list[str] = []

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._framework(dotted(alias.name))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is not None and not node.relative:
            self._framework(dotted(node.module))

    def _framework(self, module: str) -> None:
        top = module.split(".", maxsplit=1)[0]
        if self.in_test_file and top in FRAMEWORK_MODULES:
            self.frameworks.add(FRAMEWORK_MODULES[top])

    def _docstring(self, node: cst.Module | cst.ClassDef | cst.FunctionDef) -> None:
        production = self.source.role is Role.PRODUCTION and not self.source.notebook
        docstring = node.get_docstring() if production else None
        if docstring:
            line = 1 if isinstance(node, cst.Module) else self.line(node)
            self.doctests.extend([line] * doctest_examples(docstring))

    def visit_Module(self, node: cst.Module) -> None:
        self._docstring(node)

    def visit_Call(self, node: cst.Call) -> None:
        if dotted(node.func).rsplit(".", 1)[-1] in ("testfile", "DocFileSuite"):
            for arg in node.args:
                if isinstance(arg.value, cst.SimpleString):
                    self.doc_files.append(str(arg.value.evaluated_value))

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._docstring(node)
        bases = [dotted(arg.value) for arg in node.bases]
        case_based = any(b.endswith("TestCase") for b in bases)
        if case_based and self.in_test_file:
            # Django's, Flask-Testing's... TestCase classes all run on unittest.
            self.frameworks.add("unittest")
        self.classes.append(node.name.value.startswith("Test") or case_based)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._docstring(node)
        self.functions += 1
        if not self.in_test_file or not node.name.value.startswith("test"):
            return
        if not self.classes or self.classes[-1]:
            self.tests.append(self.line(node))

    def observe(self) -> FileTests:
        return FileTests(
            tuple(self.tests), frozenset(self.frameworks), self.functions,
            tuple(self.doctests), tuple(self.doc_files),
        )

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        observed, repo = cls.observed(corpus), corpus.repo
        test_files = sorted(path for path, obs in observed.items() if obs.tests)
        functions = sum(len(observed[path].tests) for path in test_files)
        frameworks = set().union(*(observed[path].frameworks for path in test_files))
        conftest = [p for p in observed
                    if p.rsplit("/", 1)[-1] == "conftest.py" and repo.role(p) is Role.TEST]
        config = pytest_config(repo)
        if conftest or config.where or (functions and not frameworks):
            frameworks.add("pytest")  # bare test_* functions with plain asserts: pytest's style
        in_code = {path: obs.doctests for path, obs in observed.items() if obs.doctests}
        referenced = [name for obs in observed.values() for name in obs.doc_files]
        in_text = doctest_files(repo, referenced, config.options)
        doctests = sum(map(len, in_code.values())) + sum(n for n, _ in in_text.values())
        if doctests or "--doctest-modules" in config.options:
            frameworks.add("doctest")
        loc = code_lines_by_role(repo, observed)
        ratio = round(loc[Role.TEST] / loc[Role.PRODUCTION], 2) if loc[Role.PRODUCTION] else None
        ci_runs = [f.test_run for f in sorted(ci_files(repo), key=lambda f: f.rank) if f.test_run]
        evidence = (  # most telling first: tests, then doctests, pytest settings, CI
            *(Location(path, observed[path].tests[0]) for path in test_files),
            *sorted({Location(path, lines[0]) for path, lines in in_code.items()}
                    | {Location(path, line) for path, (_, line) in in_text.items()}),
            *(Location(path, line) for path, line in config.lines), *ci_runs[:1],
        )
        tests = functions + doctests
        summary = (
            (f"{functions:,} test function(s) in {len(test_files)} file(s)" if functions
             else "No test functions")
            + (f" and {doctests:,} doctest example(s)" if doctests else "")
            + f" using {', '.join(sorted(frameworks))}"
            + (f"; test code is {ratio:.0%} the size of production code" if ratio else "")
            + ("; CI runs the tests." if ci_runs else ".")
        ) if tests else "No test functions or doctest examples found."
        return cls.signal(
            tests, summary, evidence=tuple(dict.fromkeys(evidence)), test_files=len(test_files),
            test_functions=functions, doctest_examples=doctests,
            frameworks=sorted(frameworks), production_functions=sum(
                obs.functions for p, obs in observed.items() if repo.role(p) is Role.PRODUCTION
            ), test_code_ratio=ratio, test_lines=loc[Role.TEST],
            production_lines=loc[Role.PRODUCTION], pytest_config=config.where,
            conftest=conftest, runs_in_ci=bool(ci_runs), notebook_functions=sum(
                obs.functions for p, obs in observed.items() if repo.role(p) is Role.NOTEBOOK
            ),
        )
