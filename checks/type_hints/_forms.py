"""Counting modern and legacy typing forms in one file (for the type_hints check).

``TypingForms`` holds visitor methods only; a check mixes it in and sets ``forms``,
``typing_depth`` and ``union_depth`` in its ``__init__``.
"""

from __future__ import annotations

import re
from collections import Counter

import libcst as cst

from analyzer.names import dotted, last_name

MODERN = (
    "union_operator", "builtin_generics", "type_parameters", "type_statements",
    "protocol", "typed_dict", "type_alias", "future_annotations",
)
LEGACY = ("Optional", "Union", "List", "Dict", "Tuple", "Set", "type_comments")
_BUILTIN_GENERICS = frozenset({"list", "dict", "tuple", "set", "frozenset", "type"})
_TYPING_MODULES = ("typing.", "t.", "typing_extensions.")
# `# type: ignore` silences a checker; it is not a type annotation.
_TYPE_COMMENT = re.compile(r"#\s*type:(?!\s*ignore\b)")


class TypingForms:
    forms: Counter[str]
    typing_depth: int  # > 0 inside an annotation or a type alias
    union_depth: int  # > 0 inside an `X | Y` already counted

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self.typing_depth += 1

    def leave_Annotation(self, original_node: cst.Annotation) -> None:
        self.typing_depth -= 1

    def visit_TypeAlias(self, node: cst.TypeAlias) -> None:
        self.forms["type_statements"] += 1
        self.typing_depth += 1

    def leave_TypeAlias(self, original_node: cst.TypeAlias) -> None:
        self.typing_depth -= 1

    def visit_TypeParameters(self, node: cst.TypeParameters) -> None:
        self.forms["type_parameters"] += 1

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if isinstance(node.operator, cst.BitOr) and self.typing_depth:
            self.forms["union_operator"] += not self.union_depth
            self.union_depth += 1

    def leave_BinaryOperation(self, original_node: cst.BinaryOperation) -> None:
        if isinstance(original_node.operator, cst.BitOr) and self.typing_depth:
            self.union_depth -= 1

    def visit_Subscript(self, node: cst.Subscript) -> None:
        name = dotted(node.value)
        last = name.rsplit(".", 1)[-1]
        if self.typing_depth and name in _BUILTIN_GENERICS:
            self.forms["builtin_generics"] += 1
        elif last in LEGACY and (name == last or name.startswith(_TYPING_MODULES)):
            self.forms[last] += 1

    def visit_Comment(self, node: cst.Comment) -> None:
        if _TYPE_COMMENT.match(node.value):
            self.forms["type_comments"] += 1

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is not None and dotted(node.module) == "__future__" and not isinstance(
            node.names, cst.ImportStar
        ):
            self.forms["future_annotations"] += any(
                dotted(alias.name) == "annotations" for alias in node.names
            )

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if last_name(node.annotation.annotation) == "TypeAlias":
            self.forms["type_alias"] += 1
            self.typing_depth += 1  # the value of `X: TypeAlias = ...` is a type

    def leave_AnnAssign(self, original_node: cst.AnnAssign) -> None:
        if last_name(original_node.annotation.annotation) == "TypeAlias":
            self.typing_depth -= 1

    def visit_Call(self, node: cst.Call) -> None:
        if last_name(node.func) == "TypedDict":  # the functional form TypedDict("Movie", {...})
            self.forms["typed_dict"] += 1

    def count_bases(self, node: cst.ClassDef) -> None:
        """Protocol and TypedDict classes (call from the check's ``visit_ClassDef``)."""
        for base in node.bases:
            value = base.value.value if isinstance(base.value, cst.Subscript) else base.value
            name = last_name(value)
            if name == "Protocol":
                self.forms["protocol"] += 1
            elif name == "TypedDict":
                self.forms["typed_dict"] += 1
