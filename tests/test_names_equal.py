"""``analyzer.names`` answers as libcst's helpers do, on every node of real code."""

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
