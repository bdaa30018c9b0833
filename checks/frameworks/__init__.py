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

import libcst as cst

from analyzer.api import (
    Example,
    FileCheck,
    Flag,
    Fold,
    Level,
    Location,
    Role,
    Rule,
    Signal,
    SourceFile,
)
from checks.frameworks._catalogue import FRAMEWORKS, FileImports, summary, top_name


def _flags(signal: Signal) -> list[Flag]:
    used, shallow = signal.details.get("frameworks"), signal.details.get("shallow")
    primary = signal.details.get("primary_archetype")
    if not isinstance(used, list) or not isinstance(shallow, list) or not primary:
        return []
    names = ", ".join(f"{u['name']} in {u['files']} file(s)" for u in used[:3])
    flags = [Flag(Level.GREEN, signal.check, f"Profile: {primary}; {names}.")]
    if len(used) >= 4 and len(shallow) * 3 >= len(used) * 2:
        flags.append(Flag(
            Level.YELLOW, signal.check,
            f"Many frameworks, mostly shallow: {len(shallow)} of {len(used)} appear in one file.",
            "Experiments and tutorials leave single imports; that is not a lack of depth.",
            "Which of these frameworks have you used in production, and for what?",
        ))
    return flags


class Frameworks(FileCheck[FileImports]):
    # Skills describe the role, not quality: informative flags, no points.
    rule = Rule(0, lambda s: 0.0, _flags)
    examples = (
        Example({"app.py": "import flask\n", "b.py": "from flask import Flask\n"}, 1,
                ("app.py:1",)),
    )

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.seen: dict[str, int] = {}

    def _note(self, name: str, node: cst.CSTNode) -> None:
        if name in FRAMEWORKS and name not in self.seen:
            self.seen[name] = self.line(node)

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._note(top_name(alias.name), node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is not None and not node.relative:
            self._note(top_name(node.module), node)

    def observe(self) -> FileImports:
        return FileImports(tuple(sorted(self.seen.items())))

    @classmethod
    def result(cls, fold: Fold[FileImports]) -> Signal:
        files: Counter[str] = Counter()
        first: dict[str, Location] = {}
        for path, imports in fold.of(Role.PRODUCTION, Role.NOTEBOOK).items():
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
            len(ranked), summary(used, primary), evidence=tuple(first[n] for n in ranked),
            frameworks=used, archetypes=dict(sorted(archetypes.items())),
            primary_archetype=primary,
            shallow=[item["name"] for item in used if item["files"] == 1],
        )

