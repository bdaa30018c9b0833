"""``analyzer.names`` answers as libcst's helpers do, on every node of real code."""

import ast
from pathlib import Path

import libcst as cst
from libcst.helpers import get_full_name_for_node

from analyzer.names import dotted, full_name
from analyzer.traverse import descendants

ROOT = Path(__file__).resolve().parent.parent


def _reference_dotted(node: cst.CSTNode) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = _reference_dotted(node.value)
        return f"{head}.{node.attr.value}" if head else ""
    return ""


def test_full_and_dotted_names_of_every_node_of_this_project() -> None:
    """Names, attributes (``None.attr`` for ``f().x``... as libcst says), calls, subscripts,
    definitions, decorators and every other node: the same answer."""
    nodes = 0
    for path in sorted(p for d in ("analyzer", "checks") for p in (ROOT / d).rglob("*.py")):
        for node in descendants(cst.parse_module(path.read_text())):
            nodes += 1
            assert full_name(node) == get_full_name_for_node(node), (path, node)
            assert dotted(node) == _reference_dotted(node), (path, node)  # type: ignore[arg-type]
    assert nodes > 100_000
    assert full_name("a.b") == "a.b"
    assert full_name(cst.parse_expression("(a + b).c")) == "None.c"


def _reference_names(node: cst.CSTNode) -> set[str]:
    names = set()
    for item in descendants(node):
        if isinstance(item, cst.Name):
            names.add(item.value)
        elif isinstance(item, cst.Attribute):
            names.add(item.attr.value)
    return names


def test_version_guards_read_every_name_of_a_test() -> None:
    """The guards' name scan skips whitespace and operators: it still finds every name and
    attribute of a test, a handler's types, a whole function (f-strings, lambdas, walrus)."""
    from checks._shared.guards import _names  # noqa: PLC0415  (a check's private helper)

    kinds = (cst.If, cst.IfExp, cst.BooleanOperation, cst.ExceptHandler, cst.FunctionDef)
    compared = 0
    for path in sorted(p for d in ("analyzer", "checks") for p in (ROOT / d).rglob("*.py")):
        for node in descendants(cst.parse_module(path.read_text())):
            if isinstance(node, kinds):
                compared += 1
                assert _names(node) == _reference_names(node), (path, node)
    assert compared > 2_000


def test_docstrings_read_off_plain_literals_as_libcst_evaluates_them() -> None:
    """A plain docstring literal is a ``str`` whose text is between its quotes; the rest
    (escapes, bytes, non-ASCII, one-line suites) is left to libcst and agrees too."""
    from checks._shared.docstrings import has_docstring, plain_docstring  # noqa: PLC0415

    odd = cst.parse_module(
        'b"bytes"\ndef a(): "one line"\ndef b():\n    "caf\u00e9 \\n"\n'
        'class C:\n    rb"""raw"""\ndef d():\n    u"""u >>> x"""\ndef e():\n    x = 1\n'
        'def f():\n    "a" "b"\ndef g():\n    if x:\n        "no"\n')
    plain = 0
    paths = sorted(p for d in ("analyzer", "checks") for p in (ROOT / d).rglob("*.py"))
    for module in (odd, *(cst.parse_module(path.read_text()) for path in paths)):
        for node in descendants(module):
            if not isinstance(node, cst.Module | cst.ClassDef | cst.FunctionDef):
                continue
            expected = node.get_docstring(clean=False)
            assert has_docstring(node) == (expected is not None), node
            if (literal := plain_docstring(node)) is not None:
                plain += 1
                assert expected is not None and expected == ast.literal_eval(literal), node
                assert (">>>" in literal) == (">>>" in expected), node
    assert plain > 500
