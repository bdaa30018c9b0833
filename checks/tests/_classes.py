"""Test classes across files: which collect tests, through the project's own base classes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import libcst as cst

from analyzer.api import dotted


@dataclass(slots=True)
class ClassTests:
    """A class as the visit finds it: its name, its bases' last names, its test* methods."""

    name: str
    bases: tuple[str, ...]
    methods: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TestClass:
    __test__ = False  # pytest: not a test class of ours
    name: str
    bases: tuple[str, ...]
    methods: tuple[int, ...]


class _Visit(Protocol):
    tests: list[int]
    classes: list[ClassTests]
    frameworks: set[str]
    functions: int
    doctests: list[int]
    doc_files: list[str]
    runs_doctests: bool


@dataclass(frozen=True, slots=True)
class FileTests:
    tests: tuple[int, ...] = ()  # module-level test functions
    classes: tuple[TestClass, ...] = ()
    frameworks: frozenset[str] = frozenset()
    functions: int = 0
    doctests: tuple[int, ...] = ()  # lines of docstrings holding examples, once per example
    doc_files: tuple[str, ...] = ()  # text files this file runs as doctests
    runs_doctests: bool = False  # calls doctest.testmod, DocTestSuite...

    @classmethod
    def of(cls, visit: _Visit) -> FileTests:
        classes = tuple(TestClass(c.name, c.bases, tuple(c.methods)) for c in visit.classes)
        return cls(
            tuple(visit.tests), classes, frozenset(visit.frameworks), visit.functions,
            tuple(visit.doctests), tuple(visit.doc_files),
            visit.runs_doctests,
        )


def is_fixture(node: cst.FunctionDef) -> bool:
    """``@pytest.fixture`` (called or not): a fixture named ``test_*`` is not a test."""
    for decorator in node.decorators:
        target = decorator.decorator
        if dotted(target.func if isinstance(target, cst.Call) else target).endswith("fixture"):
            return True
    return False


def unittest_classes(files: Iterable[FileTests]) -> frozenset[str]:
    """Class names that derive from a ``TestCase``, directly or through the project's classes."""
    bases: dict[str, set[str]] = {}
    for obs in files:
        for found in obs.classes:
            bases.setdefault(found.name, set()).update(found.bases)
    known: dict[str, bool] = {}

    def derives(name: str, seen: frozenset[str]) -> bool:
        if name.endswith("TestCase"):
            return True
        if name in seen or name not in bases:
            return False
        if name not in known:
            known[name] = any(derives(base, seen | {name}) for base in bases[name])
        return known[name]

    return frozenset(name for name in bases if derives(name, frozenset()))


def test_lines(files: Mapping[str, FileTests], unittest: frozenset[str]) -> dict[str, list[int]]:
    """Each test file's test functions and collected test methods, in line order."""
    found: dict[str, list[int]] = {}
    for path, obs in files.items():
        lines = [*obs.tests, *(line for c in obs.classes
                               if c.name.startswith("Test") or c.name in unittest
                               for line in c.methods)]
        if lines:
            found[path] = sorted(lines)
    return found
