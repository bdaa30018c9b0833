"""The per-file half of ``python_version``: annotations, generics, unions and library names.

Code that only runs on some Pythons (``if sys.version_info >= ...``, ``if
TYPE_CHECKING:``, ``try: ... except ImportError:``) is skipped, and annotations
only count when Python evaluates them at runtime.
"""

from __future__ import annotations

from functools import cache

import libcst as cst

from analyzer.api import SourceFile
from analyzer.names import full_name
from analyzer.traverse import descendants
from checks._shared.guards import Branch, catches_import_error, is_type_checking, new_branch
from checks.python_version._flow import FlowFeatures
from checks.python_version._rules import (
    BUILTIN_GENERICS,
    BUILTIN_TYPES,
    QUALIFIED,
    STDLIB_GENERICS,
)
from checks.python_version._syntax import Feature

_BUILTINS = {name.removeprefix("builtins."): name for name in QUALIFIED if name[:9] == "builtins."}
# The last part of each qualified name: ``x.attr`` can only resolve to one ending in ``attr``.
_LAST_PARTS = frozenset(name.rsplit(".", 1)[-1] for name in QUALIFIED)


class VersionFeatures(FlowFeatures):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.builtin_uses: list[tuple[str, int]] = []
        self.future_annotations = False
        self.lazy = 0  # inside code Python never evaluates (deferred annotations, type aliases)
        self.annotations: list[bool] = []  # stack: is this annotation deferred?
        self.lazy_ids: set[int] = set()
        self.skip_ids: set[int] = set()
        self.scopes: list[str] = []
        self.polyfilled: set[str] = set()  # `enum.StrEnum = enum.Enum` on older Pythons
        self.generic_classes: list[bool] = []  # enclosing classes: has each type parameters?

    def visit_If(self, node: cst.If) -> None:
        super().visit_If(node)
        branch = new_branch(node.test)
        if is_type_checking(node.test) or branch in (Branch.BODY, Branch.BOTH):
            self.guard(node.body)
        if branch in (Branch.ELSE, Branch.BOTH):
            self.guard(node.orelse)

    def visit_Try(self, node: cst.Try) -> None:
        if catches_import_error(node):
            self.guard(node.body)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        super().visit_ImportFrom(node)
        if self.aliases.get("annotations") == "__future__.annotations":
            self.future_annotations = True
            self.syntax("from __future__ import annotations", node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self.scopes.append("f")
        if node.asynchronous:
            self.syntax("async def", node)
        if node.type_parameters is not None:
            self.syntax("PEP 695 type parameters", node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self.scopes.append("c")
        self.generic_classes.append(node.type_parameters is not None)
        if node.type_parameters is not None:
            self.syntax("PEP 695 type parameters", node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.scopes.pop()
        self.generic_classes.pop()

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        super().visit_AssignTarget(node)
        target = node.target
        name = self.qualified(target) if (
            isinstance(target, cst.Attribute) and target.attr.value in _LAST_PARTS) else None
        if name in QUALIFIED:
            self.polyfilled.add(name)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        super().visit_AnnAssign(node)
        self.syntax("variable annotation", node)
        if self.scopes and self.scopes[-1] == "f":  # local annotations are never evaluated
            self.lazy_ids.add(id(node.annotation))

    def visit_Annotation(self, node: cst.Annotation) -> None:
        deferred = self.future_annotations or id(node) in self.lazy_ids
        self.annotations.append(deferred)
        self.lazy += deferred

    def leave_Annotation(self, original_node: cst.Annotation) -> None:
        self.lazy -= self.annotations.pop()

    def visit_TypeAlias(self, node: cst.TypeAlias) -> None:
        self.syntax("PEP 695 type alias statement", node)
        in_generic_class = self.scopes[-1:] == ["c"] and self.generic_classes[-1]
        if in_generic_class and any(isinstance(n, cst.Lambda) for n in descendants(node.value)):
            self.syntax("lambda in a type alias of a generic class", node)
        self.lazy += 1

    def leave_TypeAlias(self, original_node: cst.TypeAlias) -> None:
        self.lazy -= 1

    def visit_TypeParam(self, node: cst.TypeParam) -> None:
        if node.default is not None:
            self.syntax("PEP 696 type parameter default", node)
        self.lazy += 1

    def leave_TypeParam(self, original_node: cst.TypeParam) -> None:
        self.lazy -= 1

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in _BUILTINS:  # only such a name is ever looked up in skip_ids
            self.skip_ids.add(id(node.attr))
        if node.attr.value not in _LAST_PARTS:
            return
        full = full_name(node)
        name = self.qualify(full) or self._unimported(full)
        if name in QUALIFIED:
            self.syntax(name, node, QUALIFIED[name])

    def _unimported(self, full: str | None) -> str | None:
        """``argparse.BooleanOptionalAction`` where the file never binds ``argparse`` itself."""
        head = (full or "").partition(".")[0]
        return full if full in QUALIFIED and head not in self.bound else None

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in _BUILTINS and id(node) not in self.skip_ids and not self.guard_depth:
            self.builtin_uses.append((node.value, self.line(node)))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None and node.keyword.value in _BUILTINS:
            self.skip_ids.add(id(node.keyword))

    def _typeish(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.Name):
            return node.value == "None" or (
                node.value in BUILTIN_TYPES and node.value not in self.bound
            )
        if isinstance(node, cst.Subscript):
            return self._typeish(node.value) or (self.qualified(node.value) or "")[:7] == "typing."
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
            return self._typeish(node.left) and self._typeish(node.right)
        return (self.qualified(node) or "")[:7] == "typing."

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        super().visit_BinaryOperation(node)
        if isinstance(node.operator, cst.MatrixMultiply):
            self.syntax("matrix multiplication @", node)
        if not isinstance(node.operator, cst.BitOr):
            return
        if self.lazy:
            if self.annotations:
                self.syntax("style: X | Y union in a deferred annotation", node, (3, 0))
            return
        left, right = node.left, node.right
        none_side = _is_none(left) or _is_none(right)
        if self.annotations or none_side or (self._typeish(left) and self._typeish(right)):
            self.syntax("X | Y union at runtime", node)
        elif (self.is_dict(left) or self.is_dict(right)) and not (
            _never_a_dict(left) or _never_a_dict(right)
        ):
            self.syntax("dict union |", node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        super().visit_AugAssign(node)
        if isinstance(node.operator, cst.BitOrAssign) and (
            self.is_dict(node.target) or self.is_dict(node.value)
        ):
            self.syntax("dict union |", node)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        value = node.value
        if self.lazy:
            if isinstance(value, cst.Name) and value.value in BUILTIN_GENERICS - self.bound:
                self.syntax("style: builtin generic in a deferred annotation", node, (3, 0))
            return
        if isinstance(value, cst.Name) and value.value in BUILTIN_GENERICS - self.bound:
            self.syntax("builtin generic subscripted at runtime", node)
        name = self.qualified(value) or ""
        if name in STDLIB_GENERICS or name.startswith("collections.abc."):
            self.syntax("standard-library generic subscripted at runtime", node)

    def observe(self) -> tuple[Feature, ...]:
        self.decide_handlers()
        for name, line, guarded in self.imports:
            if name in QUALIFIED and not guarded:
                self.add(name, line, QUALIFIED[name])
        for name, line in self.builtin_uses:
            if name not in self.bound:
                self.add(_BUILTINS[name], line, QUALIFIED[_BUILTINS[name]])
        return tuple(sorted(
            (label, version[0], version[1], line) for label, (version, line) in self.found.items()
            if label not in self.polyfilled
        ))


def _is_none(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


@cache
def _never_dict() -> tuple[type[cst.CSTNode], ...]:  # made when first used: see names.py
    return (
        cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.Integer, cst.Float,
        cst.List, cst.Set, cst.Tuple, cst.ListComp, cst.SetComp, cst.GeneratorExp,
    )


def _never_a_dict(node: cst.CSTNode) -> bool:
    """An operand no dict union could have: a literal of another type, or a shift
    (Apache Beam's ``{...} | "label" >> transform`` pipes a dict of collections)."""
    shift = isinstance(node, cst.BinaryOperation) and isinstance(
        node.operator, cst.LeftShift | cst.RightShift)
    return shift or isinstance(node, _never_dict())
