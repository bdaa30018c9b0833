"""Frameworks the code actually uses, and the role archetype they point to.

## What it measures
Which well-known frameworks and libraries production code and notebooks import
(Django, FastAPI, pandas, PyTorch, Airflow, boto3...), how deeply (in how many
files), and the role archetype they point to: backend web, data engineering,
machine learning or DevOps. The value is the number of distinct frameworks.

## Why it matters
"Python developer" covers very different jobs. Imports show what the candidate
has really built with, and depth tells real use from a single experiment: a
Django project with models and views in a dozen files says more than one import.

## Example
`from django.db import models` in 14 files and `import celery` in 3 point to a
backend web profile.

## Caveats
Imports are not skill: a framework used in one file may be a tutorial step. A
dependency declared but never imported is not counted. Many frameworks, each in
one file, is the "lists every framework" pattern, not breadth.
"""

from collections import Counter
from dataclasses import dataclass

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.names import dotted
from analyzer.paths import Role
from checks._catalogue import FRAMEWORKS


@dataclass(frozen=True, slots=True)
class FileImports:
    first_line: tuple[tuple[str, int], ...]  # (framework import name, first line it is imported)


def _top(node: cst.BaseExpression) -> str:
    return dotted(node).split(".", 1)[0]


class Frameworks(Check[FileImports]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.seen: dict[str, int] = {}

    def _note(self, name: str, node: cst.CSTNode) -> None:
        if name in FRAMEWORKS and name not in self.seen:
            self.seen[name] = self.line(node)

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._note(_top(alias.name), node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is not None and not node.relative:
            self._note(_top(node.module), node)

    def observe(self) -> FileImports:
        return FileImports(tuple(sorted(self.seen.items())))

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        files: Counter[str] = Counter()
        first: dict[str, Location] = {}
        for path, imports in cls.observed(corpus).items():
            if corpus.repo.role(path) not in (Role.PRODUCTION, Role.NOTEBOOK):
                continue
            for name, line in imports.first_line:
                files[name] += 1
                first.setdefault(name, Location(path, line))
        ranked = sorted(files, key=lambda name: (-files[name], name))
        archetypes: Counter[str] = Counter()
        for name in ranked:
            archetypes[FRAMEWORKS[name][1]] += files[name]
        used = [
            {"name": FRAMEWORKS[n][0], "archetype": FRAMEWORKS[n][1], "files": files[n]}
            for n in ranked
        ]
        primary = min(archetypes, key=lambda a: (-archetypes[a], a)) if archetypes else None
        return cls.signal(
            len(ranked), _summary(used, primary), evidence=tuple(first[n] for n in ranked),
            frameworks=used, archetypes=dict(sorted(archetypes.items())),
            primary_archetype=primary,
            shallow=[item["name"] for item in used if item["files"] == 1],
        )


def _summary(used: list[dict[str, object]], primary: str | None) -> str:
    if not used or primary is None:
        return "No well-known framework imported in production code or notebooks."
    main = [f"{u['name']} in {u['files']} file(s)" for u in used if u["archetype"] == primary]
    others = sorted({str(u["archetype"]) for u in used} - {primary})
    text = f"Points to {primary}: {', '.join(main[:4])}."
    return text + (f" Also {', '.join(others)}." if others else "")
