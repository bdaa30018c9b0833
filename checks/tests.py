"""Automated tests: how many test functions, in how many files, with which frameworks.

## What it measures
Test functions (pytest-style `test_*` functions, and `test*` methods of `Test*`
classes or `unittest.TestCase` subclasses) in test files: files under a `tests/`
or `test/` folder, or named `test_*.py`, `*_test.py` or `conftest.py`. Details
list the test files, the frameworks imported (pytest, unittest, hypothesis,
nose) and the production functions the tests sit beside (functions defined in
notebooks are counted apart).

## Why it matters
Tests are the clearest sign of code written to be maintained by a team rather
than run once. Hiring guides list "no tests in any project" as a red flag.

## Example
`tests/test_api.py` containing `def test_login_rejects_bad_password(client): ...`
counts as one test function, framework pytest.

## Caveats
A production class named `TestResult` is not a test, and sample programs under
`tests/data` are not tests either. Zero here does not prove there are no tests:
they may live in another repository. Ask the candidate how they test.
"""

from dataclasses import dataclass

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role

FRAMEWORK_MODULES = {
    "pytest": "pytest", "_pytest": "pytest", "unittest": "unittest",
    "hypothesis": "hypothesis", "nose": "nose", "nose2": "nose", "doctest": "doctest",
}


@dataclass(frozen=True, slots=True)
class FileTests:
    tests: tuple[int, ...] = ()
    frameworks: frozenset[str] = frozenset()
    functions: int = 0


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


class Tests(Check[FileTests]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.in_test_file = source.role is Role.TEST
        self.tests: list[int] = []
        self.frameworks: set[str] = set()
        self.functions = 0
        self.classes: list[bool] = []  # for each enclosing class: does it collect tests?

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._framework(_dotted(alias.name))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is not None and not node.relative:
            self._framework(_dotted(node.module))

    def _framework(self, module: str) -> None:
        top = module.split(".", maxsplit=1)[0]
        if self.in_test_file and top in FRAMEWORK_MODULES:
            self.frameworks.add(FRAMEWORK_MODULES[top])

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        bases = [_dotted(arg.value) for arg in node.bases]
        self.classes.append(
            node.name.value.startswith("Test") or any(b.endswith("TestCase") for b in bases)
        )

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions += 1
        if not self.in_test_file or not node.name.value.startswith("test"):
            return
        if not self.classes or self.classes[-1]:
            self.tests.append(self.line(node))

    def observe(self) -> FileTests:
        return FileTests(tuple(self.tests), frozenset(self.frameworks), self.functions)

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        observed = cls.observed(corpus)
        test_files = sorted(path for path, obs in observed.items() if obs.tests)
        tests = sum(len(observed[path].tests) for path in test_files)
        frameworks = set().union(*(observed[path].frameworks for path in test_files))
        if any(path.rsplit("/", 1)[-1] == "conftest.py" for path in observed):
            frameworks.add("pytest")
        if tests and not frameworks:
            frameworks.add("pytest")  # bare test_* functions with plain asserts: pytest's style
        production = sum(
            obs.functions for path, obs in observed.items()
            if corpus.repo.role(path) is Role.PRODUCTION
        )
        in_notebooks = sum(
            obs.functions for path, obs in observed.items()
            if corpus.repo.role(path) is Role.NOTEBOOK
        )
        evidence = tuple(Location(path, observed[path].tests[0]) for path in test_files)
        if tests:
            summary = (
                f"{tests:,} test function(s) in {len(test_files)} file(s) "
                f"using {', '.join(sorted(frameworks))}."
            )
        else:
            summary = "No test functions found."
        return cls.signal(
            tests, summary, evidence=evidence, test_files=len(test_files),
            frameworks=sorted(frameworks), production_functions=production,
            notebook_functions=in_notebooks,
        )
