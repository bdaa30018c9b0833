"""Docstrings read off their literal where its text already answers, for ``docs`` and ``tests``.

libcst's ``get_docstring`` evaluates the literal (``ast.literal_eval``: a compile for
each definition). A plain literal (no backslash, no bytes prefix, ASCII only) is a
``str`` whose text is what stands between its quotes, so whether a definition has a
docstring, or whether it holds a doctest prompt, reads off the literal itself; any
other docstring is left to libcst.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst


def plain_docstring(node: cst.Module | cst.ClassDef | cst.FunctionDef) -> str | None:
    """The source of ``node``'s docstring literal, quotes included, when it is a plain
    one (see above); ``None`` when there is none or it is not plain (ask libcst)."""
    statements: Sequence[cst.CSTNode]
    if type(node) is cst.Module:
        statements = node.body
    elif type(node.body) is cst.IndentedBlock:
        statements = node.body.body
    else:
        return None
    first = statements[0] if statements else None
    if type(first) is not cst.SimpleStatementLine or not first.body:
        return None
    expression = first.body[0]
    if type(expression) is not cst.Expr or type(expression.value) is not cst.SimpleString:
        return None
    literal = expression.value.value
    plain = literal.isascii() and "\\" not in literal and "\0" not in literal
    return literal if plain and "b" not in expression.value.prefix.lower() else None


def has_docstring(node: cst.Module | cst.ClassDef | cst.FunctionDef) -> bool:
    """``node.get_docstring(clean=False) is not None``."""
    return plain_docstring(node) is not None or node.get_docstring(clean=False) is not None
