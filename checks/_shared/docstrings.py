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

_ONE_LINE = object()  # a suite on the header's line (``def f(): ...``): libcst answers


def _opening(node: cst.Module | cst.ClassDef | cst.FunctionDef) -> object:
    """What would be ``node``'s docstring: its body's first expression statement's value;
    ``None`` when its body opens with anything else (no docstring), or ``_ONE_LINE``."""
    statements: Sequence[cst.CSTNode]
    if type(node) is cst.Module:
        statements = node.body
    elif type(node.body) is cst.IndentedBlock:
        statements = node.body.body
    else:
        return _ONE_LINE
    first = statements[0] if statements else None
    if type(first) is not cst.SimpleStatementLine or not first.body:
        return None
    expression = first.body[0]
    return expression.value if type(expression) is cst.Expr else None


def plain_docstring(node: cst.Module | cst.ClassDef | cst.FunctionDef) -> str | None:
    """The source of ``node``'s docstring literal, quotes included, when it is a plain
    one (see above); ``None`` when there is none or it is not plain (ask libcst)."""
    value = _opening(node)
    if type(value) is not cst.SimpleString:
        return None
    literal = value.value
    plain = literal.isascii() and "\\" not in literal and "\0" not in literal
    return literal if plain and "b" not in value.prefix.lower() else None


def has_docstring(node: cst.Module | cst.ClassDef | cst.FunctionDef) -> bool:
    """``node.get_docstring(clean=False) is not None``, without libcst's call when the body
    opens with no string at all (most functions), the one answer that needs no evaluation."""
    value = _opening(node)
    if value is not _ONE_LINE and type(value) not in (cst.SimpleString, cst.ConcatenatedString):
        return False
    return plain_docstring(node) is not None or node.get_docstring(clean=False) is not None
