"""radon's cyclomatic complexity and Halstead counts, taken in the shared libcst walk.

radon reads a second tree: ``ast.parse`` of the file, then two Python visitors over
it, which cost a third of a libcst parse on production code (django/db: 0.65 CPU s
against 2.0). These visitor methods count the same things on the tree the engine
already walks, following radon 6's rules node for node (``radon.visitors``):

- a function's complexity is 1 plus the decisions in its body, never in its
  decorators, defaults or annotations, nor in the functions and classes nested in
  it; ``if``/``elif``, conditional expressions, each ``for``/``while`` (and its
  ``else``), each ``except`` (and a ``try``'s ``else``), each extra operand of
  ``and``/``or``, each comprehension ``for`` and ``if``, each ``case`` but a
  catch-all one, and each ``assert`` (whose inside is not read) add one;
- ranked blocks are the module's functions and the methods of its classes, not
  closures nor the methods of nested classes;
- Halstead operators and operands come from binary, unary, boolean, augmented and
  comparison operators everywhere but in a function's decorators, defaults and
  annotations; an operand is a name, an attribute's name or a constant's value,
  else the node itself, within the innermost function whose body holds it;
- names (of operands, functions and classes) are NFKC-normalised, as ``ast`` keeps them.

``benchmarks/radon_equality.py`` compares both ways on real files.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

_OPERATORS = {  # libcst's operator classes by radon's (ast's) operator names
    **{name: name for name in (
        "Add", "BitOr", "BitAnd", "BitXor", "Not", "And", "Or", "Is", "IsNot", "In", "NotIn")},
    "Subtract": "Sub", "Multiply": "Mult", "Divide": "Div", "FloorDivide": "FloorDiv",
    "Modulo": "Mod", "Power": "Pow", "LeftShift": "LShift", "RightShift": "RShift",
    "MatrixMultiply": "MatMult", "Plus": "UAdd", "Minus": "USub", "BitInvert": "Invert",
    "Equal": "Eq", "NotEqual": "NotEq", "LessThan": "Lt", "LessThanEqual": "LtE",
    "GreaterThan": "Gt", "GreaterThanEqual": "GtE",
}
_AUGMENTED = {f"{name}Assign": ast_name for name, ast_name in _OPERATORS.items()}
_CONSTANT_NAMES: dict[str, object] = {"None": None, "True": True, "False": False}


def _integer(text: str) -> object:
    try:
        return int(text, 0)
    except ValueError:  # past int's 4,300 decimal digits: ast refuses the file, radon has no
        return ("int", text)  # figure; a key no other operand has, equal for equal literals


# By class name: naming libcst's classes here would import libcst in a scan's parent
# (``analyzer.deferred``), which only folds observations.
_NUMBERS: dict[str, Any] = {"Integer": _integer, "Float": float, "Imaginary": complex}


def identifier(name: str) -> str:
    """The name as ``ast`` keeps it: NFKC-normalised (PEP 3131), so U+FB01 is ``fi``."""
    return name if name.isascii() else unicodedata.normalize("NFKC", name)


def operator_name(node: cst.CSTNode) -> str:
    name = type(node).__name__
    return _OPERATORS.get(name) or _AUGMENTED[name]


def operand(node: cst.BaseExpression) -> object:
    """What radon keeps of an operand: a name, an attribute's name, a constant's value,
    else the node itself (each one distinct)."""
    kind = type(node)
    if kind is cst.Name:
        value = identifier(node.value)  # type: ignore[attr-defined]
        return _CONSTANT_NAMES.get(value, value)
    if kind is cst.Attribute:
        return identifier(node.attr.value)  # type: ignore[attr-defined]
    if (number := _NUMBERS.get(kind.__name__)) is not None:
        return number(node.value.replace("_", ""))  # type: ignore[attr-defined]
    if kind is cst.Ellipsis:
        return ...
    if kind in (cst.SimpleString, cst.ConcatenatedString):
        try:
            value = node.evaluated_value  # type: ignore[attr-defined]
        except (SyntaxError, ValueError):  # a string ast refuses (b'\xe9', '\x4', a NUL):
            return node  # radon has no figure for the file
        return node if value is None else value  # None: an f-string part, a node in ast
    return node


@dataclass(slots=True)
class Scope:
    body: cst.BaseSuite  # of a FunctionDef or a ClassDef
    function: bool
    name: str
    ranked: str | None = None  # for a function radon ranks (a module function or a
    line: int = 0  # top-level class's method): its name as reported, and its line
    complexity: int = 1
    open: bool = False  # in the body now, past decorators, parameters and annotations


@dataclass(slots=True)
class Halstead:
    """The counts ``radon.metrics.halstead_visitor_report`` reads."""

    operators: int = 0
    operands: int = 0
    operators_seen: set[str] = field(default_factory=set)
    operands_seen: set[tuple[str | None, object]] = field(default_factory=set)

    @property
    def distinct_operators(self) -> int:
        return len(self.operators_seen)

    @property
    def distinct_operands(self) -> int:
        return len(self.operands_seen)
