"""Rules of ``python_version`` that need context: where a star, a ``yield`` or a ``|`` stands.

Generalized unpacking (a star outside an assignment target), async generators and
comprehensions (inside or outside ``async def``), ``continue`` in ``finally``,
``raise ... from None``, bytes ``%`` formatting, and ``|`` between known dicts (a
literal, ``dict()``, or a name last assigned one in the file).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import libcst as cst

from analyzer.api import SourceFile
from analyzer.traverse import children
from checks._shared.guards import code_descendants
from checks.python_version._syntax import SyntaxFeatures

PEP448 = "unpacking in literals and calls (PEP 448)"
@cache
def _loops_and_scopes() -> tuple[type[cst.CSTNode], ...]:  # made when first used: see names.py
    return (cst.For, cst.While, cst.FunctionDef, cst.ClassDef, cst.Lambda)


def _loose_continue(node: cst.CSTNode) -> cst.Continue | None:
    """A ``continue`` in a ``finally`` block that belongs to no loop inside that block."""
    for child in children(node):  # libcst's ``node.children`` visits each node to list them
        if isinstance(child, cst.Continue):
            return child
        if not isinstance(child, _loops_and_scopes()):
            found = _loose_continue(child)
            if found is not None:
                return found
    return None


def _call_unpacks(args: Sequence[cst.Arg]) -> bool:
    """Only 3.5+ accepts a second star, a positional after ``*a``, or anything after ``**k``."""
    stars = doubles = 0
    for arg in args:
        positional = arg.keyword is None and arg.star == ""
        if doubles or (stars and positional) or (stars and arg.star == "*"):
            return True
        stars += arg.star == "*"
        doubles += arg.star == "**"
    return False


class FlowFeatures(SyntaxFeatures):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.functions: list[bool] = []  # enclosing function scopes: is each async?
        self.comprehensions: list[int] = []  # function depth at each enclosing comprehension
        self.targets: set[int] = set()  # starred elements that are assignment targets
        self.dicts: dict[str, bool] = {}  # name -> was it last assigned a dict?

    # scopes -------------------------------------------------------------
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self.functions.append(node.asynchronous is not None)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.functions.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.functions.append(False)

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.functions.pop()

    def _in_async(self) -> bool:
        return bool(self.functions) and self.functions[-1]

    def visit_ListComp(self, node: cst.ListComp) -> None:
        self.comprehensions.append(len(self.functions))

    def leave_ListComp(self, original_node: cst.ListComp) -> None:
        self.comprehensions.pop()

    def visit_SetComp(self, node: cst.SetComp) -> None:
        self.comprehensions.append(len(self.functions))

    def leave_SetComp(self, original_node: cst.SetComp) -> None:
        self.comprehensions.pop()

    def visit_DictComp(self, node: cst.DictComp) -> None:
        self.comprehensions.append(len(self.functions))

    def leave_DictComp(self, original_node: cst.DictComp) -> None:
        self.comprehensions.pop()

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> None:
        self.comprehensions.append(len(self.functions))

    def leave_GeneratorExp(self, original_node: cst.GeneratorExp) -> None:
        self.comprehensions.pop()

    # async ----------------------------------------------------------------
    def _comprehension_needs(self, node: cst.CSTNode, what: str) -> None:
        # Outside ``async def``, `async`/`await` only parse as keywords from 3.7 on.
        if self._in_async():
            self.syntax(f"{what} in async def", node)
        else:
            self.syntax(f"{what} outside async def", node)

    def visit_Await(self, node: cst.Await) -> None:
        super().visit_Await(node)
        if self.comprehensions and self.comprehensions[-1] == len(self.functions):
            self._comprehension_needs(node, "await in a comprehension")

    def visit_CompFor(self, node: cst.CompFor) -> None:
        super().visit_CompFor(node)
        self.targets.update(id(s) for s in _starred(node.target))
        if node.asynchronous is not None:
            self._comprehension_needs(node, "async comprehension")

    def visit_Yield(self, node: cst.Yield) -> None:
        super().visit_Yield(node)
        if self._in_async():
            self.syntax("async generator", node)

    # control flow ---------------------------------------------------------
    def visit_Finally(self, node: cst.Finally) -> None:
        found = _loose_continue(node.body)
        if found is not None:
            self.syntax("continue in finally", found)

    def visit_Raise(self, node: cst.Raise) -> None:
        cause = node.cause.item if node.cause is not None else None
        if isinstance(cause, cst.Name) and cause.value == "None":
            self.syntax("raise ... from None", node)

    # unpacking --------------------------------------------------------------
    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        super().visit_AssignTarget(node)
        self.targets.update(id(s) for s in _starred(node.target))

    def visit_For(self, node: cst.For) -> None:
        super().visit_For(node)
        self.targets.update(id(s) for s in _starred(node.target))
        if isinstance(node.target, cst.Name):
            known = isinstance(node.iter, cst.Tuple | cst.List | cst.Set) and bool(
                node.iter.elements) and all(self.is_dict(e.value) for e in node.iter.elements)
            self.dicts[node.target.value] = known

    def visit_AsName(self, node: cst.AsName) -> None:
        super().visit_AsName(node)
        self.targets.update(id(s) for s in _starred(node.name))

    def visit_StarredElement(self, node: cst.StarredElement) -> None:
        if id(node) not in self.targets:
            self.syntax(PEP448, node)

    def visit_Call(self, node: cst.Call) -> None:
        super().visit_Call(node)
        if _call_unpacks(node.args):
            self.syntax(PEP448, node)

    # dicts and bytes --------------------------------------------------------
    def is_dict(self, node: cst.BaseExpression) -> bool:
        if type(node) is cst.Dict or type(node) is cst.DictComp:
            return True
        if type(node) is cst.Name:
            return self.dicts.get(node.value, False)
        if type(node) is cst.Call:
            func = node.func
            if isinstance(func, cst.Lambda):
                return self.is_dict(func.body)
            return isinstance(func, cst.Name) and func.value == "dict" and "dict" not in self.bound
        return False

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self.dicts[target.target.value] = self.is_dict(node.value)

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if isinstance(node.operator, cst.Modulo) and self._is_bytes(node.left):
            self.syntax("bytes % formatting (PEP 461)", node)

    def _is_bytes(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.SimpleString):
            return "b" in node.prefix.lower()
        if isinstance(node, cst.ConcatenatedString):
            return self._is_bytes(node.left)
        return isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and (
            node.func.value in ("bytes", "bytearray"))


def _starred(node: cst.CSTNode) -> list[cst.CSTNode]:
    bottom = node
    while type(bottom) is cst.Attribute:
        bottom = bottom.value
    if type(bottom) is cst.Name:  # most targets (`x`, `self.x`): no star below
        return []
    # a star may stand anywhere below (``x[[*a]] = 1``)
    return [item for item in code_descendants(node) if type(item) is cst.StarredElement]
