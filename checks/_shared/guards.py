"""Recognising code that only runs on some Pythons: version checks, TYPE_CHECKING, import fallbacks.

Pure functions of libcst nodes, shared by ``python_version`` (guarded code must not
raise the minimum) and ``python2_idioms`` (guarded Python 2 code is a compatibility
shim, not Python-2-only code).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import cast

import libcst as cst

from analyzer.names import node_memo, remember
from analyzer.traverse import children

_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "AttributeError", "NameError"})
FLAG_NAMES = frozenset({"PY2", "PY3", "PY3K", "IS_PY2", "IS_PY3", "PYTHON2", "PYTHON3"})


_MAJOR_FLAG = re.compile(r"(IS_|_)?PY(THON)?_?[23]K?", re.I)  # py3, PY2, is_py3, PY3K
_FLAG = re.compile(r"(IS_|_)?PY(THON)?_?[23][0-9_]*(PLUS|_OR_(NEWER|LATER|ABOVE|GREATER))?", re.I)


class Branch(Enum):
    """Which branch of an ``if`` runs only on newer Pythons."""

    BODY = "body"
    ELSE = "else"
    BOTH = "both"  # the test is about the version but its direction is unclear


def is_name(node: cst.CSTNode, value: str) -> bool:
    return isinstance(node, cst.Name) and node.value == value


# Nodes that hold no expression below them: whitespace, comments and operators.
_BARREN_MODULES = frozenset({"libcst._nodes.whitespace", "libcst._nodes.op"})


def code_descendants(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """``node`` and every node below it less whitespace, comments and operators (most
    nodes of a tree, with nothing but more of the same below them), in no set order."""
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(child for child in children(item)
                     if type(child).__module__ not in _BARREN_MODULES)


_SEEN = node_memo()  # python_version and python2_idioms both read every ``if`` test


def _names(node: cst.CSTNode) -> frozenset[str]:
    """Every name and attribute name in ``node``: what ``descendants`` would find, without
    walking the whitespace and operators below each expression (most of its nodes)."""
    hit = _SEEN.get(id(node))
    if hit is not None and hit[0] is node:
        return cast("frozenset[str]", hit[1])
    names = set()
    stack = [node]
    while stack:  # ``code_descendants``, with a name's and an attribute's own parts known
        item = stack.pop()
        kind = type(item)  # exact types: an abstract isinstance costs more
        if kind is cst.Name:  # below it: parentheses only
            names.add(cast(cst.Name, item).value)
        elif kind is cst.Attribute:  # below it: its value, a dot and its name (parentheses)
            names.add(cast(cst.Attribute, item).attr.value)
            stack.append(cast(cst.Attribute, item).value)
        else:
            stack.extend(child for child in children(item)
                         if type(child).__module__ not in _BARREN_MODULES)
    return remember(_SEEN, node, frozenset(names))


def _about_version(names: frozenset[str]) -> bool:
    if {"version_info", "hexversion"} & names or any(_FLAG.fullmatch(n) for n in names):
        return True
    return "python_version" in names or ("version" in names and "sys" in names)


def mentions_version(node: cst.CSTNode) -> bool:
    """True for tests such as ``sys.version_info >= (3, 11)``, ``six.PY2`` or ``PY311``."""
    return _about_version(_names(node))


def mentions_python2(node: cst.CSTNode) -> bool:
    """A test that tells Python 2 from 3: ``version_info[0] == 2``, ``< (3,)``, ``PY2``."""
    names = _names(node)
    if names & FLAG_NAMES or any(_MAJOR_FLAG.fullmatch(n) for n in names):
        return True
    if not _about_version(names):
        return False
    code = cst.Module([]).code_for_node(node).replace(" ", "")
    marks = ("[0]", ".major", "(3,)", "(3,0)", "==2", "<3", ">=3", "'3'", '"3"', "'2", '"2')
    return any(mark in code for mark in marks)


def new_branch(test: cst.BaseExpression) -> Branch | None:
    """Which branch of ``if test:`` needs the newer Python, or None when ``test`` is no guard."""
    if isinstance(test, cst.Call) and is_name(test.func, "hasattr"):  # feature detection
        return Branch.BOTH
    if not mentions_version(test):
        return None
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        operator = test.comparisons[0].operator
        left = mentions_version(test.left)
        if isinstance(operator, cst.GreaterThanEqual | cst.GreaterThan):
            return Branch.BODY if left else Branch.ELSE
        if isinstance(operator, cst.LessThan | cst.LessThanEqual):
            return Branch.ELSE if left else Branch.BODY
    return Branch.BOTH


def is_type_checking(test: cst.BaseExpression) -> bool:
    return is_name(test, "TYPE_CHECKING") or (
        isinstance(test, cst.Attribute) and is_name(test.attr, "TYPE_CHECKING")
    )


def catches_import_error(node: cst.Try) -> bool:
    """A ``try`` whose handlers catch a missing module or name (or everything)."""
    for handler in node.handlers:
        if handler.type is None or _names(handler.type) & _IMPORT_ERRORS:
            return True
    return False
