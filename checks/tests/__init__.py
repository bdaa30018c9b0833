"""Automated tests: test functions and doctest examples, their frameworks, settings and CI.

## What it measures
Test functions (pytest-style `test_*` functions, and `test*` methods of `Test*`
classes or of `unittest.TestCase` subclasses, found through the project's own base
classes across files; a `@pytest.fixture` named `test_*` is not a test) in test
files: files under a `tests/` or `test/` folder, or named `test_*.py`, `*_test.py`
or `conftest.py`; plus doctest examples (each `>>>` prompt) where something runs
them: in production docstrings when the project runs doctests (`--doctest-modules`,
`doctest.testmod`, `DocTestSuite`), and in `.rst`/`.md`/`.txt` files named by
`doctest.testfile` or `DocFileSuite`, matched by `--doctest-glob`, or under `docs/`
when CI, tox, nox or the Makefile runs Sphinx's doctest builder. Details: test files,
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
`tests/data` are not tests either. A `>>>` in a docstring that nothing runs is
prose, not a test, even with an expected output under it. Zero
here does not prove there are no tests:
they may live in another repository. Ask the candidate how they test.
"""

from __future__ import annotations

import libcst as cst

from analyzer.api import (
    Example,
    FileCheck,
    Fold,
    Level,
    Rule,
    Signal,
    SourceFile,
    detail,
    flag,
    last_name,
    when,
)
from checks.tests._classes import ClassTests, FileTests, is_fixture
from checks.tests._visits import ImportsAndDocstrings


def _grade(signal: Signal) -> float:
    # Full marks at one test per two production functions, or 30 tests, whichever is lower.
    target = min(30.0, max(3.0, detail(signal, "production_functions") / 2))
    return min(1.0, (signal.value or 0) / target)


class Tests(ImportsAndDocstrings, FileCheck[FileTests]):
    rule = Rule(25, _grade, when(lambda s: not s.value, flag(
        Level.RED, "No tests found.",
        "Tests may live elsewhere, or the project may be a one-off script.",
        "How do you test your code? Show me a test you are proud of.",
    )))
    examples = (
        Example({"tests/test_a.py": "def test_a():\n    assert 1\n"}, 1, ("tests/test_a.py:1",)),
        Example({"tests/base.py": "import unittest\nclass Base(unittest.TestCase): pass\n",
                 "tests/test_b.py": "from tests import base\nclass It(base.Base):\n"
                                    "    def test_x(self): pass\n"}, 1, None,
                note="a TestCase through a project base class in another file"),
        Example({"tests/utils.py": "import pytest\n@pytest.fixture\ndef test_user(): ...\n"},
                0, note="a fixture named test_* is not a test"),
    )

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.in_test_file = source.role.value == "test"
        self.tests: list[int] = []
        self.frameworks: set[str] = set()
        self.functions, self.runs_doctests = 0, False
        self.classes: list[ClassTests] = []
        self.open: list[ClassTests | None] = []  # enclosing classes, innermost last
        self.doctests: list[int] = []
        self.doc_files: list[str] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._docstring(node)
        found = ClassTests(node.name.value, tuple(last_name(a.value) for a in node.bases))
        if all(isinstance(outer, ClassTests) for outer in self.open):  # not inside a function
            self.classes.append(found)
        self.open.append(found)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.open.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._docstring(node)
        self.functions += 1
        parent = self.open[-1] if self.open else None
        self.open.append(None)
        if not self.in_test_file or not node.name.value.startswith("test") or is_fixture(node):
            return
        if isinstance(parent, ClassTests):
            parent.methods.append(self.line(node))
        elif len(self.open) == 1:
            self.tests.append(self.line(node))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.open.pop()

    def observe(self) -> FileTests:
        return FileTests.of(self)

    @classmethod
    def result(cls, fold: Fold[FileTests]) -> Signal:
        from checks.tests._summary import fold_tests  # noqa: PLC0415  (not in the workers)
        return fold_tests(cls.signal, fold)
