"""Frameworks the code actually uses, and the role archetype they point to.

## What it measures
Which well-known frameworks and libraries production code and notebooks import
(Django, FastAPI, pandas, PyTorch, Airflow, boto3...), in how many files, and the
role archetype the code evidences (`primary_archetype`: backend, data engineering,
data science, ML engineering or DevOps; `archetype_evidence` lists its files). The
archetype is weighed by depth, not by imports: framework constructs (`nn.Module`
subclasses and training loops, HTTP routes and ORM models, Airflow DAGs and `.sql`
files, pandas analysis with plots, boto3 clients, Dockerfiles) count three times
a file that only imports. NumPy, SciPy, pandas, matplotlib and seaborn alone decide
nothing. The value is the number of distinct frameworks.

## Why it matters
"Python developer" covers very different jobs. What the code builds shows what the
candidate has really done, and depth tells real use from a single experiment: a
training loop over a model says more than `import torch` in a plotting script.

## Example
`class GPT(nn.Module)` in model.py and a training loop in train.py point to ML
engineering, whatever NumPy the data scripts import.

## Caveats
Imports are not skill: a framework used in one file may be a tutorial step. A
dependency declared but never imported is not counted. Many frameworks, each in
one file, is the "lists every framework" pattern, not breadth. A library (an HTTP
client, a linter) often has no archetype: that is not a weakness.
"""

from __future__ import annotations

import libcst as cst

from analyzer.api import Example, FileCheck, Flag, Fold, Level, Rule, Signal, SourceFile
from checks.frameworks import _constructs as constructs
from checks.frameworks._archetype import FileImports, Found, observed, role_profile, summary, used
from checks.frameworks._catalogue import module_name
from checks.frameworks._python2 import with_python2


def _flags(signal: Signal) -> list[Flag]:
    # The archetype is no flag: the report's "Judged as" line says it once, with the role
    # actually judged (a --role that differs from the code's archetype would contradict it).
    used, shallow = signal.details.get("frameworks"), signal.details.get("shallow")
    if not isinstance(used, list) or not isinstance(shallow, list):
        return []
    if len(used) >= 4 and len(shallow) * 3 >= len(used) * 2:
        return [Flag(
            Level.YELLOW, signal.check,
            f"Many frameworks, mostly shallow: {len(shallow)} of {len(used)} appear in one file.",
            "Experiments and tutorials leave single imports; that is not a lack of depth.",
            "Which of these frameworks have you used in production, and for what?",
        )]
    return []


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
        self.found: list[Found] = []
        self.classes = 0

    def _note(self, name: str | None, node: cst.CSTNode) -> None:
        if name is not None and name not in self.seen:
            self.seen[name] = self.line(node)

    def _found(self, construct: tuple[str, str] | None, node: cst.CSTNode) -> None:
        if construct is not None:
            self.found.append((*construct, self.line(node)))

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._note(module_name(alias.name), node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is not None and not node.relative:
            self._note(module_name(node.module), node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes += 1
        self._found(constructs.of_class(node), node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.classes -= 1

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._found(constructs.of_function(node, self.classes > 0), node)
        for decorator in node.decorators:
            self._found(constructs.of_decorator(decorator), decorator)

    def visit_Call(self, node: cst.Call) -> None:
        self._found(constructs.of_call(node), node)
        method = node.func.attr.value if type(node.func) is cst.Attribute else ""
        if method in constructs.TRAINING_CALLS:
            self.mark(constructs.TRAINING_CALLS[method], node)

    def observe(self) -> FileImports:
        return observed(self.seen, self.found, self._marks)

    @classmethod
    def result(cls, fold: Fold[FileImports]) -> Signal:
        fold = with_python2(fold)
        frameworks, evidence = used(fold)
        found = role_profile(fold)
        primary = found.primary
        return cls.signal(
            len(frameworks), summary(frameworks, primary, found.reasons(primary)),
            evidence=evidence, frameworks=frameworks, archetypes=found.scores,
            primary_archetype=primary, archetype_evidence=found.evidence(primary)[:10],
            shallow=[item["name"] for item in frameworks if item["files"] == 1],
        )
