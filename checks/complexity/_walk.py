"""The visitor methods that take radon's counts in the shared walk (``_counting``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import libcst as cst

from checks.complexity._counting import Halstead, Scope, identifier, operand, operator_name

if TYPE_CHECKING:
    from libcst import CSTVisitor as _Typed  # libcst's signatures, checked by mypy
else:
    _Typed = object


class RadonCounting(_Typed):
    """Visitor methods for a ``FileCheck``: with ``counting`` on, ``ranked`` (score, line,
    name) and ``halstead`` hold radon's figures once the walk is done."""

    def __init__(self) -> None:
        self.counting = False
        self.ranked: list[tuple[int, int, str]] = []
        self.halstead = Halstead()
        self._scopes: list[Scope] = []
        self._functions: list[Scope] = []
        self._asserts = 0
        self._merged: set[int] = set()  # ``a and b and c``: one operation in ast, two here

    line: Callable[[cst.CSTNode], int]  # the check's

    def _decisions(self, count: int) -> None:
        if self._scopes and not self._asserts:
            top = self._scopes[-1]
            if top.ranked is not None and top.open:
                top.complexity += count

    def _operation(
        self, operators: list[cst.CSTNode], operands: list[cst.BaseExpression],
    ) -> None:
        context = None
        if self._functions:
            inner = self._functions[-1]
            if not inner.open:
                return  # a default value or an annotation: radon never reads them
            context = inner.name
        counts = self.halstead
        counts.operators += len(operators)
        counts.operands += len(operands)
        counts.operators_seen.update(operator_name(item) for item in operators)
        counts.operands_seen.update((context, operand(item)) for item in operands)

    def _enter(self, node: cst.FunctionDef | cst.ClassDef, *, function: bool) -> None:
        scopes = self._scopes
        scope = Scope(node.body, function, identifier(node.name.value))
        if function and not scopes:
            scope.ranked = scope.name
        elif function and len(scopes) == 1 and not scopes[0].function:
            scope.ranked = f"{scopes[0].name}.{scope.name}"
        if scope.ranked is not None:
            scope.line = self.line(node)
        scopes.append(scope)
        if function:
            self._functions.append(scope)

    def _leave(self) -> None:
        scope = self._scopes.pop()
        if scope.function:
            self._functions.pop()
        if scope.ranked is not None:
            self.ranked.append((scope.complexity, scope.line, scope.ranked))

    def _open(self, node: cst.BaseSuite) -> None:
        if self._scopes and self._scopes[-1].body is node:
            self._scopes[-1].open = True

    # counted only when ``counting``: the methods run for every file the walk visits
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self.counting:
            self._enter(node, function=True)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self.counting:
            self._leave()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if self.counting:
            self._enter(node, function=False)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        if self.counting:
            self._leave()

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._open(node)

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> None:
        self._open(node)

    def visit_If(self, node: cst.If) -> None:
        self._decisions(1)

    def visit_IfExp(self, node: cst.IfExp) -> None:
        self._decisions(1)

    def visit_For(self, node: cst.For) -> None:
        self._decisions(1 + (node.orelse is not None))

    def visit_While(self, node: cst.While) -> None:
        self._decisions(1 + (node.orelse is not None))

    def visit_Try(self, node: cst.Try) -> None:  # not TryStar: radon 6 does not count it
        self._decisions(len(node.handlers) + (node.orelse is not None))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._decisions(1 + len(node.ifs))

    def visit_Match(self, node: cst.Match) -> None:
        catch_all = any(type(case.pattern) is cst.MatchAs and case.pattern.pattern is None
                        for case in node.cases)
        self._decisions(max(0, len(node.cases) - catch_all))

    def visit_Assert(self, node: cst.Assert) -> None:
        self._decisions(1)
        self._asserts += 1  # radon reads nothing inside an assert

    def leave_Assert(self, node: cst.Assert) -> None:
        self._asserts -= 1

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        if not self.counting or id(node) in self._merged:
            return
        values: list[cst.BaseExpression] = [node.right]
        left, kind = node.left, type(node.operator)
        while (type(left) is cst.BooleanOperation and type(left.operator) is kind
               and not left.lpar):
            self._merged.add(id(left))
            values.append(left.right)
            left = left.left
        values.append(left)
        self._decisions(len(values) - 1)
        self._operation([node.operator], values)

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if self.counting:
            self._operation([node.operator], [node.left, node.right])

    def visit_UnaryOperation(self, node: cst.UnaryOperation) -> None:
        if self.counting:
            self._operation([node.operator], [node.expression])

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if self.counting:
            self._operation([node.operator], [node.target, node.value])

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if not self.counting:
            return
        comparisons = node.comparisons
        self._operation([target.operator for target in comparisons],
                        [*(target.comparator for target in comparisons), node.left])
