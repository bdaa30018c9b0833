"""Documentation: a docs site (Sphinx, MkDocs, a docs folder) and docstring coverage.

## What it measures
The share of public modules, classes, functions and methods in production code
that have a docstring, as interrogate counts them with `--ignore-private
--ignore-semiprivate --ignore-magic --ignore-init-method --ignore-init-module`:
public means the name does not start with `_` (so `_helper`, `__init__`,
`__repr__` and modules such as `_util.py` or `__init__.py` are not counted);
nested functions and methods of any class count; empty files do not. Tests,
test data, notebooks, vendored code, the `docs/` folder and build scripts
(`setup.py`, `conf.py`, `noxfile.py`) are left out. Details give the counts, a
`docs/` (or `doc/`) folder, a Sphinx `conf.py` and an `mkdocs.yml`. Not
applicable when there is nothing public.

## Why it matters
Docstrings and a documentation site show code written for other people to use,
the way libraries and team codebases are.

## Example
A module with a docstring and two public functions, one documented, gives 2 of
3: 67%.

## Caveats
A docstring can be empty of meaning ("Does the thing."), and well-named small
functions may need none. A low share is common in applications and scripts.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import cast

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
    flag,
    value,
)
from checks._shared.docstrings import has_docstring
from checks.docs._site import Details, FileDocs, evidence, site_of, summary

_BUILD_FILES = frozenset({"setup.py", "conf.py", "noxfile.py", "fabfile.py", "tasks.py"})


def _grade(signal: Signal) -> float:
    details = cast("Details", signal.details)
    site = bool(details.get("sphinx") or details.get("mkdocs") or details.get("docs_folders"))
    return 0.7 * value(signal) + 0.3 * site


def _flags(signal: Signal) -> list[Flag]:
    share = value(signal)
    if share >= 0.8:
        return flag(Level.GREEN, f"Documented code: {share:.0%} of public code has docstrings.")(
            signal)
    if share < 0.2:
        return flag(
            Level.YELLOW, f"Few docstrings: {share:.0%} of public code has one.",
            "Applications and scripts often rely on clear names instead.",
            "How do you document code that others will call?",
        )(signal)
    return []


class Docs(FileCheck[FileDocs]):
    rule = Rule(6, _grade, _flags)
    examples = (
        Example({"a.py": '"""Doc."""\ndef f(): pass\n'}, 0.5, ("a.py:2",)),
        Example({"a.py": "def _f(): pass\nclass A:\n    def __init__(self): pass\n"}, 0,
                ("a.py:1", "a.py:2"), note="private names and dunders are not counted"),
        Example({"tests/test_a.py": "def test(): pass\n", "setup.py": "setup()\n"}, None,
                note="tests and build scripts are not public code"),
    )

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.counted = PurePosixPath(source.path).name not in _BUILD_FILES
        self.public = self.documented = 0
        self.missing: list[int] = []

    def _count(self, node: cst.Module | cst.ClassDef | cst.FunctionDef, name: str) -> None:
        if not self.counted or name.startswith("_"):
            return
        self.public += 1
        if has_docstring(node):
            self.documented += 1
        elif len(self.missing) < 3:
            self.missing.append(1 if isinstance(node, cst.Module) else self.line(node))

    def visit_Module(self, node: cst.Module) -> None:
        if node.body:
            self._count(node, PurePosixPath(self.source.path).name)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._count(node, node.name.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._count(node, node.name.value)

    def observe(self) -> FileDocs:
        return FileDocs(self.public, self.documented, tuple(self.missing))

    @classmethod
    def result(cls, fold: Fold[FileDocs]) -> Signal:
        public, documented = fold.total(lambda o: o.public), fold.total(lambda o: o.documented)
        site = site_of(fold.repo)
        return cls.signal(
            documented / public if public else None, summary(public, documented, site),
            evidence=evidence(site, fold.production), public=public, documented=documented, **site,
        )
