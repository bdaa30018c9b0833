"""A visitor base that knows which names a file binds and where its imports point.

Builtins such as ``unicode`` or ``breakpoint`` only count when the file does not
define them itself; ``aio.TaskGroup`` only means ``asyncio.TaskGroup`` after
``import asyncio as aio``. Subclasses call ``super()`` in the visits they override.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, TypeVar

import libcst as cst

from analyzer.check import Check, SourceFile
from analyzer.names import full_name
from analyzer.repo import Repo

Obs = TypeVar("Obs")


def local_modules(repo: Repo) -> frozenset[str]:
    """Top-level names the repository's own files provide (``commands.py``, ``secrets/``).

    An import of such a name may be the project's module, not the standard library's.
    """
    names = set()
    for path in repo.python_files:
        pure = PurePosixPath(path)
        names.add(pure.parent.name if pure.name == "__init__.py" else pure.stem)
    return frozenset(names)


def target_names(node: cst.BaseExpression) -> list[str]:
    """Names bound by an assignment target (``a``, ``a, (b, *c)``), not attributes or items."""
    if type(node) is cst.Name:  # exact types: an abstract-class isinstance costs more
        return [node.value]
    if type(node) is cst.Tuple or type(node) is cst.List:
        return [name for element in node.elements for name in target_names(element.value)]
    if type(node) is cst.StarredElement:
        return target_names(node.value)
    return []


class ScopeVisitor(Check[Obs]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.bound: set[str] = set()
        self.aliases: dict[str, str] = {}  # local name -> qualified name
        # Every qualified name imported, with its line and whether a guard surrounds it.
        self.imports: list[tuple[str, int, bool]] = []
        self.guard_depth = 0  # > 0 inside a block that only runs on some Pythons
        self._guarded: set[int] = set()

    def guard(self, block: cst.CSTNode | None) -> None:
        """Mark a block (an ``if`` body, an ``else``, a ``try`` body) as version-dependent."""
        if block is not None:
            self._guarded.add(id(block))

    # Each block of every file comes in and out here: one function per direction, bound
    # directly as each block kind's hook (no helper call in between). ``Any``: subclasses
    # extend ``visit_If`` for an ``If`` alone.
    def _enter_block(self, node: Any) -> None:
        if self._guarded and id(node) in self._guarded:
            self.guard_depth += 1

    def _leave_block(self, original_node: Any) -> None:
        if self._guarded and id(original_node) in self._guarded:
            self.guard_depth -= 1

    visit_If = visit_IndentedBlock = visit_SimpleStatementSuite = visit_Else = _enter_block
    leave_If = leave_IndentedBlock = leave_SimpleStatementSuite = leave_Else = _leave_block

    def qualified(self, node: cst.CSTNode) -> str | None:
        """``aio.TaskGroup`` -> ``asyncio.TaskGroup`` (only for names reached via imports)."""
        return self.qualify(full_name(node))

    def qualify(self, full: str | None) -> str | None:
        """``qualified`` of a node whose ``full_name`` is ``full``."""
        if full is None:
            return None
        head, _, rest = full.partition(".")
        if head not in self.aliases:
            return None
        return f"{self.aliases[head]}.{rest}" if rest else self.aliases[head]

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            full = full_name(alias.name) or ""
            local = alias.evaluated_alias or full.split(".")[0]
            self.aliases[local] = full if alias.asname else local
            self.bound.add(local)
            self.imports.append((full, self.line(node), self.guard_depth > 0))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = None if node.relative or node.module is None else full_name(node.module)
        if module is not None:
            self.imports.append((module, self.line(node), self.guard_depth > 0))
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = full_name(alias.name) or ""
            local = alias.evaluated_alias or name
            self.bound.add(local)
            if module is not None:
                self.aliases[local] = f"{module}.{name}"
                self.imports.append((f"{module}.{name}", self.line(node), self.guard_depth > 0))

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self.bound.update(target_names(node.target))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.bound.update(target_names(node.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.bound.update(target_names(node.target))

    def visit_For(self, node: cst.For) -> None:
        self.bound.update(target_names(node.target))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.bound.update(target_names(node.target))

    def visit_AsName(self, node: cst.AsName) -> None:
        self.bound.update(target_names(node.name))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.bound.update(target_names(node.target))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.bound.add(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.bound.add(node.name.value)

    def visit_Param(self, node: cst.Param) -> None:
        self.bound.add(node.name.value)

    def visit_Global(self, node: cst.Global) -> None:
        self.bound.update(item.name.value for item in node.names)
