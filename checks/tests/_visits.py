"""Visits of the tests check that do not track classes: imports, docstrings, doctest calls."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from analyzer.api import SourceFile, dotted, last_name
from checks._shared.docstrings import plain_docstring
from checks.tests._settings import FRAMEWORK_MODULES, doctest_examples

_DOCTEST_RUNNERS = frozenset({"testmod", "DocTestSuite", "run_docstring_examples"})


class ImportsAndDocstrings:
    """Mixed into the check, which sets these attributes in its ``__init__``."""

    source: SourceFile
    in_test_file: bool
    frameworks: set[str]
    doctests: list[int]
    doc_files: list[str]
    runs_doctests: bool

    line: Callable[[cst.CSTNode], int]  # the check's own

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
        production = self.source.role.value == "production" and not self.source.notebook
        if not production or ">>>" not in (plain_docstring(node) or ">>>"):
            return  # a plain literal without a prompt: no examples, nothing to evaluate
        if docstring := node.get_docstring():
            line = 1 if isinstance(node, cst.Module) else self.line(node)
            self.doctests.extend([line] * doctest_examples(docstring))

    def visit_Module(self, node: cst.Module) -> None:
        self._docstring(node)

    def visit_Call(self, node: cst.Call) -> None:
        name = last_name(node.func)
        self.runs_doctests |= name in _DOCTEST_RUNNERS
        if name in ("testfile", "DocFileSuite"):
            self.doc_files.extend(str(arg.value.evaluated_value) for arg in node.args
                                  if isinstance(arg.value, cst.SimpleString))

